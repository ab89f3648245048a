/* Connection tracking: ct(commit,force,zone=...,table=...,alg=...,
 * nat(...),exec(...)) and the nat it may carry (Nicira NXAST_CT and
 * NXAST_NAT). */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odp-key-text.h"
#include "ofp-actions-private.h"

#define CT_HDR_LEN 24		/* nx_action_conntrack without actions */
#define ALG_FTP 21
#define ALG_TFTP 69

/* nx_action_nat range_present bits. */
#define NAT_IPV4_MIN	0x01
#define NAT_IPV4_MAX	0x02
#define NAT_IPV6_MIN	0x04
#define NAT_IPV6_MAX	0x08
#define NAT_PROTO_MIN	0x10
#define NAT_PROTO_MAX	0x20

#define NAT_FLAGS (OFPACT_NAT_SRC | OFPACT_NAT_DST | OFPACT_NAT_PERSISTENT \
		   | OFPACT_NAT_HASH | OFPACT_NAT_RANDOM)

static size_t ct_hdr(void)
{
	return (sizeof(struct ofpact_ct) + 7) / 8 * 8;
}

/* Appends a ct whose nested actions are 'nested'. */
static struct ofpact_ct *put_ct(struct bytebuf *out,
				const struct bytebuf *nested)
{
	size_t len = ct_hdr() + nested->size;
	struct ofpact_ct *ct;

	if (len > UINT16_MAX - OFPACT_ALIGN)
		return NULL;
	ct = (struct ofpact_ct *) ofpact_put(out, OFPACT_CT, len);
	if (nested->size)
		memcpy((uint8_t *) ct + ct_hdr(), nested->data, nested->size);
	return ct;
}

/* What ct may execute: one nat first, then writes to ct_mark/ct_label. */
static bool ct_nested_ok(const void *acts, size_t len)
{
	const struct ofpact *a;

	OFPACT_FOR_EACH (a, acts, len) {
		const struct ofpact_set_field *sf = (const void *) a;

		if (a->type == OFPACT_NAT && a == acts)
			continue;
		if (a->type != OFPACT_SET_FIELD
		    || (sf->field->id != MFF_CT_MARK
			&& sf->field->id != MFF_CT_LABEL))
			return false;
	}
	return true;
}

/* ---- Decoding. ---- */

enum ofperr ofpact_decode_ct(const struct ofpact_raw *r,
			     const struct ofpact_in *in, struct bytebuf *out)
{
	struct bytebuf nested = BYTEBUF_INITIALIZER;
	struct mf_subfield zone;
	struct ofpact_ct *ct;
	uint16_t flags = ofpact_be16(in->p + 10);
	uint32_t zone_hdr = ofpact_be32(in->p + 12);
	uint16_t zone_v = ofpact_be16(in->p + 16);
	enum ofperr error;

	(void) r;
	if (flags & ~(OFPACT_CT_COMMIT | OFPACT_CT_FORCE)
	    || (flags & OFPACT_CT_FORCE && !(flags & OFPACT_CT_COMMIT)))
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	if (!bytecur_is_zero(in->p + 19, 3))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	memset(&zone, 0, sizeof zone);
	if (zone_hdr) {
		error = mf_subfield_decode(zone_hdr, zone_v >> 6,
					   (zone_v & 0x3f) + 1, false, &zone);
		if (error)
			return error;
		if (zone.n_bits != 16)
			return OFPERR_OFPBAC_BAD_SET_LEN;
	}
	error = ofpacts_decode_nested(in->p + CT_HDR_LEN,
				      in->len - CT_HDR_LEN, in->version,
				      OFPACT_CT, &nested);
	if (!error && !ct_nested_ok(nested.data, nested.size))
		error = OFPERR_OFPBAC_BAD_ARGUMENT;
	ct = error ? NULL : put_ct(out, &nested);
	if (!error && !ct)
		error = OFPERR_OFPBAC_BAD_LEN;
	bytebuf_uninit(&nested);
	if (error)
		return error;
	ct->flags = flags;
	ct->zone_imm = zone_hdr ? 0 : zone_v;
	mf_subfield_copy(&ct->zone_src, &zone);
	ct->recirc_table = in->p[18];
	ct->alg = ofpact_be16(in->p + 22);
	return 0;
}

/* The next range bound: 'n' bytes if 'bit' is present. */
static bool take_bound(struct bytecur *c, uint16_t present, uint16_t bit,
		       void *dst, size_t n)
{
	const void *p;

	if (!(present & bit))
		return true;
	p = bytecur_take(c, n);
	if (!p)
		return false;
	memcpy(dst, p, n);
	return true;
}

enum ofperr ofpact_decode_nat(const struct ofpact_raw *r,
			      const struct ofpact_in *in, struct bytebuf *out)
{
	struct ofpact_nat *nat;
	uint16_t flags = ofpact_be16(in->p + 12);
	uint16_t present = ofpact_be16(in->p + 14);
	struct bytecur c = bytecur_make(in->p + 16, in->len - 16);
	uint16_t pmin = 0, pmax = 0;
	bool v4 = present & (NAT_IPV4_MIN | NAT_IPV4_MAX);
	bool v6 = present & (NAT_IPV6_MIN | NAT_IPV6_MAX);

	(void) r;
	if (in->p[10] || in->p[11])
		return OFPERR_NXBAC_MUST_BE_ZERO;
	if (flags & ~NAT_FLAGS
	    || (flags & OFPACT_NAT_SRC && flags & OFPACT_NAT_DST)
	    || (flags & OFPACT_NAT_HASH && flags & OFPACT_NAT_RANDOM)
	    || present & ~0x3f || (v4 && v6)
	    || (present & NAT_IPV4_MAX && !(present & NAT_IPV4_MIN))
	    || (present & NAT_IPV6_MAX && !(present & NAT_IPV6_MIN))
	    || (present & NAT_PROTO_MAX && !(present & NAT_PROTO_MIN))
	    || (present & NAT_PROTO_MIN && !v4 && !v6))
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	nat = (struct ofpact_nat *) ofpact_put(out, OFPACT_NAT, sizeof *nat);
	nat->flags = flags;
	nat->family = v4 ? 4 : v6 ? 6 : 0;
	if (!take_bound(&c, present, NAT_IPV4_MIN, &nat->ipv4_min, 4)
	    || !take_bound(&c, present, NAT_IPV4_MAX, &nat->ipv4_max, 4)
	    || !take_bound(&c, present, NAT_IPV6_MIN, nat->ipv6_min, 16)
	    || !take_bound(&c, present, NAT_IPV6_MAX, nat->ipv6_max, 16)
	    || !take_bound(&c, present, NAT_PROTO_MIN, &pmin, 2)
	    || !take_bound(&c, present, NAT_PROTO_MAX, &pmax, 2))
		return OFPERR_OFPBAC_BAD_LEN;
	if (c.left >= 8 || !bytecur_is_zero(c.p, c.left))
		return OFPERR_OFPBAC_BAD_LEN;
	nat->proto_min = ntohs(pmin);
	nat->proto_max = ntohs(pmax);
	/* A zero bound means "absent": an upper bound needs a lower one,
	 * and a port range an address. */
	if ((nat->proto_max && !nat->proto_min)
	    || (nat->family == 4 && !nat->ipv4_min)
	    || (nat->family == 6 && bytecur_is_zero(nat->ipv6_min, 16)))
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	return 0;
}

/* ---- Encoding. ---- */

enum ofperr ofpact_encode_ct(const struct ofpact *a, enum ofp_version v,
			     struct bytebuf *out)
{
	const struct ofpact_ct *ct = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_CT, 0, 0);
	uint8_t *table;
	enum ofperr error;

	ofpact_put_be16_at(out, ofs + 10, ct->flags);
	if (ct->zone_src.field) {
		ofpact_put_be32_at(out, ofs + 12,
				   mf_nxm_header32(ct->zone_src.field));
		ofpact_put_be16_at(out, ofs + 16,
				   (uint16_t) (ct->zone_src.ofs << 6
					       | (ct->zone_src.n_bits - 1)));
	} else {
		ofpact_put_be16_at(out, ofs + 16, ct->zone_imm);
	}
	table = bytebuf_at(out, ofs + 18, 1);
	*table = ct->recirc_table;
	ofpact_put_be16_at(out, ofs + 22, ct->alg);
	error = ofpacts_encode_actions(ofpact_nest_actions(a),
				       ofpact_nest_len(a), v, out);
	ofpact_finish_raw(out, ofs);
	return error;
}

enum ofperr ofpact_encode_nat(const struct ofpact *a, enum ofp_version v,
			      struct bytebuf *out)
{
	static const uint8_t zero16[16];
	const struct ofpact_nat *nat = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_NAT, 0, 0);
	uint16_t present = 0;

	(void) v;
	bytebuf_truncate(out, ofs + 16);
	ofpact_put_be16_at(out, ofs + 12, nat->flags);
	if (nat->family == 4 && nat->ipv4_min) {
		bytebuf_put(out, &nat->ipv4_min, 4);
		present |= NAT_IPV4_MIN;
	}
	if (nat->family == 4 && nat->ipv4_max) {
		bytebuf_put(out, &nat->ipv4_max, 4);
		present |= NAT_IPV4_MAX;
	}
	if (nat->family == 6 && memcmp(nat->ipv6_min, zero16, 16)) {
		bytebuf_put(out, nat->ipv6_min, 16);
		present |= NAT_IPV6_MIN;
	}
	if (nat->family == 6 && memcmp(nat->ipv6_max, zero16, 16)) {
		bytebuf_put(out, nat->ipv6_max, 16);
		present |= NAT_IPV6_MAX;
	}
	if (nat->family && nat->proto_min) {
		bytebuf_put_be16(out, nat->proto_min);
		present |= NAT_PROTO_MIN;
	}
	if (nat->family && nat->proto_max) {
		bytebuf_put_be16(out, nat->proto_max);
		present |= NAT_PROTO_MAX;
	}
	ofpact_put_be16_at(out, ofs + 14, present);
	ofpact_finish_raw(out, ofs);
	return 0;
}

/* ---- Text. ---- */

static void format_ipv6(struct odp_text *s, const uint8_t addr[16],
			bool bracket)
{
	char buf[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, addr, buf, sizeof buf);
	odp_text_printf(s, bracket ? "[%s]" : "%s", buf);
}

static void format_ipv4(struct odp_text *s, uint32_t addr)
{
	char buf[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &addr, buf, sizeof buf);
	odp_text_printf(s, "%s", buf);
}

static void format_range(const struct ofpact_nat *nat, struct odp_text *s)
{
	static const uint8_t zero16[16];
	bool bracket = nat->proto_min != 0;

	odp_text_printf(s, "=");
	if (nat->family == 4) {
		format_ipv4(s, nat->ipv4_min);
		if (nat->ipv4_max && nat->ipv4_max != nat->ipv4_min) {
			odp_text_printf(s, "-");
			format_ipv4(s, nat->ipv4_max);
		}
	} else {
		format_ipv6(s, nat->ipv6_min, bracket);
		if (memcmp(nat->ipv6_max, zero16, 16)
		    && memcmp(nat->ipv6_max, nat->ipv6_min, 16)) {
			odp_text_printf(s, "-");
			format_ipv6(s, nat->ipv6_max, bracket);
		}
	}
	if (nat->proto_min) {
		odp_text_printf(s, ":%u", nat->proto_min);
		if (nat->proto_max && nat->proto_max != nat->proto_min)
			odp_text_printf(s, "-%u", nat->proto_max);
	}
}

void ofpact_format_nat(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_nat *nat = (const void *) a;

	odp_text_printf(s, "nat");
	if (!(nat->flags & (OFPACT_NAT_SRC | OFPACT_NAT_DST)))
		return;
	odp_text_printf(s, "(%s", nat->flags & OFPACT_NAT_SRC ? "src" : "dst");
	if (nat->family) {
		format_range(nat, s);
		if (nat->flags & OFPACT_NAT_PERSISTENT)
			odp_text_printf(s, ",persistent");
		if (nat->flags & OFPACT_NAT_HASH)
			odp_text_printf(s, ",hash");
		if (nat->flags & OFPACT_NAT_RANDOM)
			odp_text_printf(s, ",random");
	}
	odp_text_printf(s, ")");
}

void ofpact_format_ct(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_ct *ct = (const void *) a;
	const struct ofpact *nested = ofpact_nest_actions(a);
	size_t len = ofpact_nest_len(a);
	struct odp_text body = ODP_TEXT_INIT;

	if (ct->flags & OFPACT_CT_COMMIT)
		odp_text_printf(&body, "commit,");
	if (ct->flags & OFPACT_CT_FORCE)
		odp_text_printf(&body, "force,");
	if (ct->recirc_table != OFPACT_CT_NO_TABLE)
		odp_text_printf(&body, "table=%u,", ct->recirc_table);
	if (ct->zone_src.field) {
		odp_text_printf(&body, "zone=");
		mf_subfield_format(&body, &ct->zone_src);
		odp_text_printf(&body, ",");
	} else if (ct->zone_imm) {
		odp_text_printf(&body, "zone=%u,", ct->zone_imm);
	}
	if (len && nested->type == OFPACT_NAT) {
		ofpact_format_nat(nested, &body);
		odp_text_printf(&body, ",");
		len -= nested->len;
		nested = ofpact_next(nested);
	}
	if (len) {
		odp_text_printf(&body, "exec(");
		ofpacts_format(&body, nested, len);
		odp_text_printf(&body, "),");
	}
	if (ct->alg == ALG_FTP)
		odp_text_printf(&body, "alg=ftp,");
	else if (ct->alg == ALG_TFTP)
		odp_text_printf(&body, "alg=tftp,");
	else if (ct->alg)
		odp_text_printf(&body, "alg=%u,", ct->alg);
	if (body.len)
		body.s[--body.len] = '\0';
	odp_text_printf(s, "ct(%s)", odp_text_cstr(&body));
	odp_text_free(&body);
}

/* "A[-B][:P[-Q]]", IPv6 addresses in brackets when a port follows. */
static char *parse_nat_range(char *arg, struct ofpact_nat *nat)
{
	char *ports = NULL, *max = NULL, *p;
	uint64_t v;
	char *error;

	if (arg[0] == '[') {
		char *close = strchr(arg, ']');
		if (!close)
			return ofpact_error("nat: \"%s\" lacks \"]\"", arg);
		*close = '\0';
		p = close + 1;
		if (*p == '-') {
			if (p[1] != '[' || !(close = strchr(p + 2, ']')))
				return ofpact_error("nat: bad IPv6 range");
			*close = '\0';
			max = p + 2;
			p = close + 1;
		}
		if (*p == ':')
			ports = p + 1;
		else if (*p)
			return ofpact_error("nat: trailing garbage \"%s\"", p);
		arg++;
		nat->family = 6;
	} else if (strchr(arg, ':') && strchr(arg, ':') != strrchr(arg, ':')) {
		nat->family = 6;	/* bare IPv6, no ports */
		max = strchr(arg, '-');
		if (max)
			*max++ = '\0';
	} else {
		nat->family = 4;
		ports = strchr(arg, ':');
		if (ports)
			*ports++ = '\0';
		max = strchr(arg, '-');
		if (max)
			*max++ = '\0';
	}
	if (nat->family == 4
	    ? inet_pton(AF_INET, arg, &nat->ipv4_min) != 1
	      || (max && inet_pton(AF_INET, max, &nat->ipv4_max) != 1)
	    : inet_pton(AF_INET6, arg, nat->ipv6_min) != 1
	      || (max && inet_pton(AF_INET6, max, nat->ipv6_max) != 1))
		return ofpact_error("nat: invalid address \"%s%s%s\"", arg,
				    max ? "-" : "", max ? max : "");
	if (!ports)
		return NULL;
	max = strchr(ports, '-');
	if (max)
		*max++ = '\0';
	error = ofpact_parse_uint("nat port", ports, UINT16_MAX, &v);
	if (error)
		return error;
	if (!v)
		return ofpact_error("nat: port 0 cannot start a range");
	nat->proto_min = (uint16_t) v;
	if (max) {
		error = ofpact_parse_uint("nat port", max, UINT16_MAX, &v);
		if (error)
			return error;
		nat->proto_max = (uint16_t) v;
	}
	return NULL;
}

static char *parse_nat_args(char *args, struct ofpact_nat *nat)
{
	char *name, *arg, *error, *pos = args;

	while (ofpact_next_item(&pos, &name, &arg, &error)) {
		if (!strcmp(name, "src") || !strcmp(name, "dst")) {
			if (nat->flags & (OFPACT_NAT_SRC | OFPACT_NAT_DST))
				return ofpact_error("nat: only one of src or "
						    "dst may be given");
			nat->flags |= *name == 's' ? OFPACT_NAT_SRC
				: OFPACT_NAT_DST;
			if (arg) {
				error = parse_nat_range(arg, nat);
				if (error)
					return error;
			}
		} else if (!strcmp(name, "persistent") && !arg) {
			nat->flags |= OFPACT_NAT_PERSISTENT;
		} else if (!strcmp(name, "hash") && !arg) {
			nat->flags |= OFPACT_NAT_HASH;
		} else if (!strcmp(name, "random") && !arg) {
			nat->flags |= OFPACT_NAT_RANDOM;
		} else {
			return ofpact_error("nat: unknown option \"%s\"", name);
		}
	}
	if (error)
		return error;
	if (nat->flags & OFPACT_NAT_HASH && nat->flags & OFPACT_NAT_RANDOM)
		return ofpact_error("nat: hash and random are exclusive");
	if (nat->flags & (OFPACT_NAT_PERSISTENT | OFPACT_NAT_HASH
			  | OFPACT_NAT_RANDOM) && !nat->family)
		return ofpact_error("nat: flags need an address range");
	if (nat->family == 4 && nat->ipv4_max
	    && ntohl(nat->ipv4_max) < ntohl(nat->ipv4_min))
		return ofpact_error("nat: address range is reversed");
	if (nat->proto_max && nat->proto_max < nat->proto_min)
		return ofpact_error("nat: port range is reversed");
	/* "A-A" is "A", which is how it prints. */
	if (nat->ipv4_max == nat->ipv4_min)
		nat->ipv4_max = 0;
	if (!memcmp(nat->ipv6_max, nat->ipv6_min, 16))
		memset(nat->ipv6_max, 0, 16);
	if (nat->proto_max == nat->proto_min)
		nat->proto_max = 0;
	return NULL;
}

char *ofpact_parse_nat(const char *name, char *arg, struct bytebuf *out)
{
	(void) arg;
	(void) out;
	return ofpact_error("%s: only allowed inside ct()", name);
}

static char *parse_ct_nat(char *arg, struct bytebuf *nested)
{
	struct ofpact_nat nat;
	char *error;

	memset(&nat, 0, sizeof nat);
	if (nested->size)
		return ofpact_error("ct: nat may be given only once");
	error = arg ? parse_nat_args(arg, &nat) : NULL;
	if (!error) {
		struct ofpact_nat *n = (struct ofpact_nat *)
			ofpact_put(nested, OFPACT_NAT, sizeof n[0]);
		nat.a = n->a;
		*n = nat;
	}
	return error;
}

static char *parse_ct_zone(char *arg, struct ofpact_ct *ct)
{
	const char *p = arg;
	uint64_t v;
	char *error;

	if (ofpact_ok(ofpact_parse_uint("ct zone", arg, UINT16_MAX, &v))) {
		ct->zone_imm = (uint16_t) v;
		return NULL;
	}
	error = mf_subfield_parse(&p, &ct->zone_src);
	if (error)
		return error;
	if (*p)
		return ofpact_error("ct: trailing garbage \"%s\"", p);
	if (ct->zone_src.n_bits != 16)
		return ofpact_error("ct: zone %s is not 16 bits wide", arg);
	return NULL;
}

static char *parse_ct_alg(char *arg, struct ofpact_ct *ct)
{
	uint64_t v;
	char *error;

	if (!strcmp(arg, "ftp"))
		v = ALG_FTP;
	else if (!strcmp(arg, "tftp"))
		v = ALG_TFTP;
	else if ((error = ofpact_parse_uint("ct alg", arg, UINT16_MAX, &v)))
		return error;
	ct->alg = (uint16_t) v;
	return NULL;
}

static char *parse_ct_opt(char *name, char *arg, struct ofpact_ct *ct,
			  struct bytebuf *nat, struct bytebuf *exec)
{
	uint64_t v;
	char *error;

	if (!strcmp(name, "commit") && !arg) {
		ct->flags |= OFPACT_CT_COMMIT;
	} else if (!strcmp(name, "force") && !arg) {
		ct->flags |= OFPACT_CT_FORCE;
	} else if (!strcmp(name, "table") && arg) {
		error = ofpact_parse_uint("ct table", arg, 254, &v);
		if (error)
			return error;
		ct->recirc_table = (uint8_t) v;
	} else if (!strcmp(name, "zone") && arg) {
		return parse_ct_zone(arg, ct);
	} else if (!strcmp(name, "alg") && arg) {
		return parse_ct_alg(arg, ct);
	} else if (!strcmp(name, "nat")) {
		return parse_ct_nat(arg, nat);
	} else if (!strcmp(name, "exec") && arg) {
		error = ofpacts_parse_list(arg, exec, false);
		if (!error && !ct_nested_ok(exec->data, exec->size))
			error = ofpact_error("ct: exec may only set ct_mark "
					     "or ct_label");
		return error;
	} else {
		return ofpact_error("ct: unknown option \"%s\"", name);
	}
	return NULL;
}

char *ofpact_parse_ct(const char *name, char *args, struct bytebuf *out)
{
	struct bytebuf nat = BYTEBUF_INITIALIZER, exec = BYTEBUF_INITIALIZER;
	struct ofpact_ct tmp, *ct;
	char *opt, *arg, *error = NULL, *pos = args;

	(void) name;
	memset(&tmp, 0, sizeof tmp);
	tmp.recirc_table = OFPACT_CT_NO_TABLE;
	while (ofpact_next_item(&pos, &opt, &arg, &error)) {
		error = parse_ct_opt(opt, arg, &tmp, &nat, &exec);
		if (error)
			break;
	}
	if (!error && tmp.flags & OFPACT_CT_FORCE
	    && !(tmp.flags & OFPACT_CT_COMMIT))
		error = ofpact_error("ct: force requires commit");
	if (!error && exec.size)
		bytebuf_put(&nat, exec.data, exec.size);
	if (!error) {
		ct = put_ct(out, &nat);
		if (!ct) {
			error = ofpact_error("ct: too many actions");
		} else {
			ct->flags = tmp.flags;
			ct->zone_imm = tmp.zone_imm;
			ct->alg = tmp.alg;
			ct->recirc_table = tmp.recirc_table;
			mf_subfield_copy(&ct->zone_src, &tmp.zone_src);
		}
	}
	bytebuf_uninit(&nat);
	bytebuf_uninit(&exec);
	return error;
}

/* ---- Checking. ---- */

enum ofperr ofpact_check_ct(struct ofpact *a,
			    struct ofpact_check_ctx *ctx)
{
	const struct ofpact_ct *ct = (const void *) a;
	const struct of_match *m = &ctx->match;
	uint16_t type = m->mask.dl_type ? ntohs(m->flow.dl_type) : 0;
	uint8_t proto = m->mask.nw_proto ? m->flow.nw_proto : 0;

	if ((type != 0x0800 && type != 0x86dd)
	    || (ct->flags & OFPACT_CT_COMMIT
		&& ntohl(m->flow.ct_state & m->mask.ct_state) & OF_CS_INV)
	    || (ct->alg == ALG_FTP && proto != 6)
	    || (ct->alg == ALG_TFTP && proto != 17))
		return OFPERR_OFPBAC_MATCH_INCONSISTENT;
	if (ct->zone_src.field && !mf_prereqs_ok(ct->zone_src.field, m))
		return OFPERR_OFPBAC_MATCH_INCONSISTENT;
	return 0;
}
