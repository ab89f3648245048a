/* learn(...): the Nicira action that adds flows from packets
 * (NXAST_LEARN), with its match, load and output specs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odp-key-text.h"
#include "ofp-actions-private.h"

#define LEARN_HDR_LEN 32	/* nx_action_learn without specs */
#define LEARN_N_BITS_MASK 0x3ff
#define LEARN_MAX_SPECS 256
#define DEFAULT_PRIORITY 0x8000

static unsigned imm_bytes(unsigned n_bits)
{
	return (n_bits + 7) / 8;
}

/* On the wire an immediate fills whole 16-bit words. */
static unsigned imm_wire_bytes(unsigned n_bits)
{
	return (n_bits + 15) / 16 * 2;
}

static struct ofpact_learn *put_learn(struct bytebuf *out,
				      const struct ofpact_learn *hdr,
				      const struct ofpact_learn_spec *specs,
				      size_t n)
{
	size_t len = sizeof *hdr + n * sizeof *specs;
	struct ofpact_learn *l;
	size_t i;

	if (len > UINT16_MAX - OFPACT_ALIGN)
		return NULL;
	l = (struct ofpact_learn *) ofpact_put(out, OFPACT_LEARN, len);
	l->idle_timeout = hdr->idle_timeout;
	l->hard_timeout = hdr->hard_timeout;
	l->priority = hdr->priority;
	l->flags = hdr->flags;
	l->fin_idle_timeout = hdr->fin_idle_timeout;
	l->fin_hard_timeout = hdr->fin_hard_timeout;
	l->table_id = hdr->table_id;
	l->cookie = hdr->cookie;
	l->n_specs = (uint16_t) n;
	for (i = 0; i < n; i++) {
		struct ofpact_learn_spec *d = &l->specs[i];
		d->src_type = specs[i].src_type;
		d->dst_type = specs[i].dst_type;
		d->n_bits = specs[i].n_bits;
		mf_subfield_copy(&d->src, &specs[i].src);
		mf_subfield_copy(&d->dst, &specs[i].dst);
		memcpy(d->imm, specs[i].imm, sizeof d->imm);
	}
	return l;
}

/* A spec's rules: widths agree, fields exist and are wide enough, a load
 * goes to a writable field, nothing immediate is output. */
static enum ofperr spec_check(const struct ofpact_learn_spec *sp)
{
	enum ofperr error;

	if (!sp->n_bits)
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	if (sp->src_type == OFPACT_LEARN_SRC_FIELD) {
		error = mf_subfield_check(&sp->src);
		if (error)
			return error;
	}
	if (sp->dst_type == OFPACT_LEARN_DST_OUTPUT)
		return sp->src_type == OFPACT_LEARN_SRC_IMMEDIATE
			? OFPERR_OFPBAC_BAD_ARGUMENT : 0;
	error = mf_subfield_check(&sp->dst);
	if (error)
		return error;
	if (sp->dst_type == OFPACT_LEARN_DST_LOAD && !sp->dst.field->writable)
		return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
	return 0;
}

/* ---- Decoding. ---- */

static enum ofperr pull_subfield(struct bytecur *c, unsigned n_bits,
				 struct mf_subfield *sf)
{
	uint32_t header;
	uint16_t ofs;

	if (!bytecur_take_be32(c, &header) || !bytecur_take_be16(c, &ofs))
		return OFPERR_OFPBAC_BAD_LEN;
	return mf_subfield_decode(header, ofs, n_bits, false, sf);
}

static enum ofperr pull_spec(struct bytecur *c, uint16_t header,
			     struct ofpact_learn_spec *sp)
{
	unsigned n_bits = header & LEARN_N_BITS_MASK;
	enum ofperr error = 0;

	memset(sp, 0, sizeof *sp);
	sp->src_type = header & OFPACT_LEARN_SRC_IMMEDIATE;
	sp->dst_type = header & 0x1800;
	sp->n_bits = (uint16_t) n_bits;
	if (header & 0xc000 || sp->dst_type == 0x1800 || n_bits > 128)
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	if (sp->src_type == OFPACT_LEARN_SRC_FIELD) {
		error = pull_subfield(c, n_bits, &sp->src);
	} else {
		unsigned wb = imm_wire_bytes(n_bits), nb = imm_bytes(n_bits);
		const uint8_t *p = bytecur_take(c, wb);
		if (!p)
			return OFPERR_OFPBAC_BAD_LEN;
		/* Bits above n_bits must be zero. */
		if (!bytecur_is_zero(p, wb - nb)
		    || (n_bits % 8 && p[wb - nb] >> (n_bits % 8)))
			return OFPERR_OFPBAC_BAD_ARGUMENT;
		memcpy(sp->imm + 16 - nb, p + wb - nb, nb);
	}
	if (!error && sp->dst_type != OFPACT_LEARN_DST_OUTPUT)
		error = pull_subfield(c, n_bits, &sp->dst);
	return error ? error : spec_check(sp);
}

enum ofperr ofpact_decode_learn(const struct ofpact_raw *r,
				const struct ofpact_in *in,
				struct bytebuf *out)
{
	struct ofpact_learn_spec *specs;
	struct ofpact_learn hdr;
	struct bytecur c = bytecur_make(in->p + LEARN_HDR_LEN,
					in->len - LEARN_HDR_LEN);
	uint16_t flags = ofpact_be16(in->p + 24);
	enum ofperr error = 0;
	size_t n = 0;

	(void) r;
	if (flags & ~(OFPACT_LEARN_SEND_FLOW_REM
		      | OFPACT_LEARN_DELETE_LEARNED))
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	if (in->p[27])
		return OFPERR_NXBAC_MUST_BE_ZERO;
	if (in->p[26] == 0xff)
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	memset(&hdr, 0, sizeof hdr);
	hdr.idle_timeout = ofpact_be16(in->p + 10);
	hdr.hard_timeout = ofpact_be16(in->p + 12);
	hdr.priority = ofpact_be16(in->p + 14);
	hdr.cookie = ofpact_be64(in->p + 16);
	hdr.flags = flags;
	hdr.table_id = in->p[26];
	hdr.fin_idle_timeout = ofpact_be16(in->p + 28);
	hdr.fin_hard_timeout = ofpact_be16(in->p + 30);

	specs = calloc(LEARN_MAX_SPECS, sizeof *specs);
	if (!specs)
		abort();
	while (!error && c.left >= 2) {
		uint16_t header = ofpact_be16(c.p);
		if (!header)
			break;
		bytecur_take(&c, 2);
		if (n == LEARN_MAX_SPECS)
			error = OFPERR_OFPBAC_BAD_LEN;
		else
			error = pull_spec(&c, header, &specs[n++]);
	}
	if (!error && !bytecur_is_zero(c.p, c.left))
		error = OFPERR_NXBAC_MUST_BE_ZERO;
	if (!error && !put_learn(out, &hdr, specs, n))
		error = OFPERR_OFPBAC_BAD_LEN;
	free(specs);
	return error;
}

/* ---- Encoding. ---- */

static void put_subfield(struct bytebuf *out, const struct mf_subfield *sf)
{
	bytebuf_put_be32(out, mf_nxm_header32(sf->field));
	bytebuf_put_be16(out, sf->ofs);
}

enum ofperr ofpact_encode_learn(const struct ofpact *a, enum ofp_version v,
				struct bytebuf *out)
{
	const struct ofpact_learn *l = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_LEARN, 0, 0);
	uint8_t *p;
	size_t i;

	(void) v;
	ofpact_put_be16_at(out, ofs + 10, l->idle_timeout);
	ofpact_put_be16_at(out, ofs + 12, l->hard_timeout);
	ofpact_put_be16_at(out, ofs + 14, l->priority);
	ofpact_put_be64_at(out, ofs + 16, l->cookie);
	ofpact_put_be16_at(out, ofs + 24, l->flags);
	p = bytebuf_at(out, ofs + 26, 1);
	*p = l->table_id;
	ofpact_put_be16_at(out, ofs + 28, l->fin_idle_timeout);
	ofpact_put_be16_at(out, ofs + 30, l->fin_hard_timeout);
	for (i = 0; i < l->n_specs; i++) {
		const struct ofpact_learn_spec *sp = &l->specs[i];
		bytebuf_put_be16(out, (uint16_t) (sp->src_type | sp->dst_type
						  | sp->n_bits));
		if (sp->src_type == OFPACT_LEARN_SRC_FIELD) {
			put_subfield(out, &sp->src);
		} else {
			unsigned wb = imm_wire_bytes(sp->n_bits);
			unsigned nb = imm_bytes(sp->n_bits);
			bytebuf_put_zeros(out, wb - nb);
			bytebuf_put(out, sp->imm + 16 - nb, nb);
		}
		if (sp->dst_type != OFPACT_LEARN_DST_OUTPUT)
			put_subfield(out, &sp->dst);
	}
	ofpact_finish_raw(out, ofs);
	return 0;
}

/* ---- Text. ---- */

static void format_hex(struct odp_text *s, const uint8_t *p, size_t n)
{
	bool printed = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!p[i] && !printed)
			continue;
		odp_text_printf(s, printed ? "%02x" : "0x%x", p[i]);
		printed = true;
	}
	if (!printed)
		odp_text_printf(s, "0");
}

static void format_spec(const struct ofpact_learn_spec *sp,
			struct odp_text *s)
{
	unsigned nb = imm_bytes(sp->n_bits);
	const uint8_t *imm = sp->imm + 16 - nb;

	switch (sp->src_type | sp->dst_type) {
	case OFPACT_LEARN_SRC_IMMEDIATE | OFPACT_LEARN_DST_MATCH:
		if (!sp->dst.ofs
		    && sp->dst.n_bits == mf_subfield_width(sp->dst.field)) {
			union mf_value v;
			char *t;

			memset(&v, 0, sizeof v);
			memcpy(&v.u8[sp->dst.field->n_bytes - nb], imm, nb);
			t = mf_format_value(sp->dst.field, &v, NULL);
			odp_text_printf(s, "%s=%s", sp->dst.field->name, t);
			free(t);
		} else {
			mf_subfield_format(s, &sp->dst);
			odp_text_printf(s, "=");
			format_hex(s, imm, nb);
		}
		break;
	case OFPACT_LEARN_SRC_FIELD | OFPACT_LEARN_DST_MATCH:
		mf_subfield_format(s, &sp->dst);
		if (sp->src.field != sp->dst.field
		    || sp->src.ofs != sp->dst.ofs) {
			odp_text_printf(s, "=");
			mf_subfield_format(s, &sp->src);
		}
		break;
	case OFPACT_LEARN_SRC_IMMEDIATE | OFPACT_LEARN_DST_LOAD:
		odp_text_printf(s, "load:");
		format_hex(s, imm, nb);
		odp_text_printf(s, "->");
		mf_subfield_format(s, &sp->dst);
		break;
	case OFPACT_LEARN_SRC_FIELD | OFPACT_LEARN_DST_LOAD:
		odp_text_printf(s, "load:");
		mf_subfield_format(s, &sp->src);
		odp_text_printf(s, "->");
		mf_subfield_format(s, &sp->dst);
		break;
	default:
		odp_text_printf(s, "output:");
		mf_subfield_format(s, &sp->src);
		break;
	}
}

void ofpact_format_learn(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_learn *l = (const void *) a;
	size_t i;

	odp_text_printf(s, "learn(table=%u", l->table_id);
	if (l->idle_timeout)
		odp_text_printf(s, ",idle_timeout=%u", l->idle_timeout);
	if (l->hard_timeout)
		odp_text_printf(s, ",hard_timeout=%u", l->hard_timeout);
	if (l->fin_idle_timeout)
		odp_text_printf(s, ",fin_idle_timeout=%u", l->fin_idle_timeout);
	if (l->fin_hard_timeout)
		odp_text_printf(s, ",fin_hard_timeout=%u", l->fin_hard_timeout);
	if (l->priority != DEFAULT_PRIORITY)
		odp_text_printf(s, ",priority=%u", l->priority);
	if (l->flags & OFPACT_LEARN_SEND_FLOW_REM)
		odp_text_printf(s, ",send_flow_rem");
	if (l->flags & OFPACT_LEARN_DELETE_LEARNED)
		odp_text_printf(s, ",delete_learned");
	if (l->cookie)
		odp_text_printf(s, ",cookie=%#llx",
				(unsigned long long) l->cookie);
	for (i = 0; i < l->n_specs; i++) {
		odp_text_printf(s, ",");
		format_spec(&l->specs[i], s);
	}
	odp_text_printf(s, ")");
}

/* A value for 'n_bits' bits as right-aligned bytes in 'imm'. */
static char *parse_imm(const char *s, unsigned n_bits, uint8_t imm[16])
{
	size_t len = strlen(s), i, nb = imm_bytes(n_bits);
	uint8_t v[16];
	const char *hex;

	memset(v, 0, sizeof v);
	if (!strncmp(s, "0x", 2) || !strncmp(s, "0X", 2)) {
		hex = s + 2;
		len -= 2;
		if (!len || len > 32 || strspn(hex, "0123456789abcdefABCDEF")
		    != len)
			return ofpact_error("learn: bad hex value \"%s\"", s);
		for (i = 0; i < len; i++) {
			char c = hex[len - 1 - i];
			unsigned d = c <= '9' ? (unsigned) (c - '0')
				: (unsigned) ((c | 0x20) - 'a' + 10);
			v[15 - i / 2] |= (uint8_t) (d << (4 * (i % 2)));
		}
	} else {
		uint64_t n;
		char *error = ofpact_parse_uint("learn value", s, UINT64_MAX,
						&n);
		if (error)
			return error;
		for (i = 0; i < 8; i++)
			v[15 - i] = (uint8_t) (n >> (8 * i));
	}
	for (i = 0; i < 16 - nb; i++)
		if (v[i])
			goto too_big;
	if (n_bits % 8 && v[16 - nb] >> (n_bits % 8))
		goto too_big;
	memcpy(imm, v, 16);
	return NULL;
too_big:
	return ofpact_error("learn: value %s does not fit in %u bits", s,
			    n_bits);
}

static char *parse_sf(const char *s, struct mf_subfield *sf)
{
	const char *p = s;
	char *error = mf_subfield_parse(&p, sf);

	if (!error && *p)
		error = ofpact_error("learn: trailing garbage \"%s\"", p);
	if (!error && !mf_nxm_header32(sf->field))
		error = ofpact_error("learn: field %s has no NXM header",
				     sf->field->name);
	return error;
}

/* The source of a spec whose destination is parsed: a subfield as wide,
 * or a value. */
static char *parse_src(const char *arg, struct ofpact_learn_spec *sp)
{
	if (ofpact_ok(parse_sf(arg, &sp->src))) {
		if (sp->src.n_bits != sp->dst.n_bits)
			return ofpact_error("learn: source is %u bits, "
					    "destination %u", sp->src.n_bits,
					    sp->dst.n_bits);
		return NULL;
	}
	memset(&sp->src, 0, sizeof sp->src);
	sp->src_type = OFPACT_LEARN_SRC_IMMEDIATE;
	return parse_imm(arg, sp->n_bits, sp->imm);
}

/* "load:SRC->DST", SRC a subfield or a value. */
static char *parse_load_spec(char *arg, struct ofpact_learn_spec *sp)
{
	char *arrow = strstr(arg, "->");
	char *error;

	if (!arrow)
		return ofpact_error("learn: \"%s\" lacks \"->\"", arg);
	*arrow = '\0';
	sp->dst_type = OFPACT_LEARN_DST_LOAD;
	error = parse_sf(arrow + 2, &sp->dst);
	if (error)
		return error;
	if (!sp->dst.field->writable)
		return ofpact_error("learn: field %s is not writable",
				    sp->dst.field->name);
	sp->n_bits = sp->dst.n_bits;
	return parse_src(arg, sp);
}

/* "FIELD=VALUE" (whole field), "DST[...]" or "DST[...]=SRC[...]". */
static char *parse_match_spec(char *name, char *arg,
			      struct ofpact_learn_spec *sp)
{
	const struct mf_field *f = mf_from_name(name, strlen(name));
	char *error;

	sp->dst_type = OFPACT_LEARN_DST_MATCH;
	if (f && arg) {
		union mf_value v, m;
		bool masked;

		error = mf_parse_value(f, arg, &v, &m, &masked);
		if (error)
			return error;
		if (masked)
			return ofpact_error("learn: %s: masks are not "
					    "allowed", name);
		sp->src_type = OFPACT_LEARN_SRC_IMMEDIATE;
		sp->dst.field = f;
		sp->dst.n_bits = (uint16_t) mf_subfield_width(f);
		sp->n_bits = sp->dst.n_bits;
		memcpy(sp->imm + 16 - f->n_bytes, &v, f->n_bytes);
		if (!mf_nxm_header32(f))
			return ofpact_error("learn: field %s has no NXM "
					    "header", f->name);
		return NULL;
	}
	error = parse_sf(name, &sp->dst);
	if (error)
		return error;
	sp->n_bits = sp->dst.n_bits;
	if (!arg) {
		mf_subfield_copy(&sp->src, &sp->dst);
		return NULL;
	}
	return parse_src(arg, sp);
}

static char *parse_spec(char *name, char *arg, struct ofpact_learn_spec *sp)
{
	memset(sp, 0, sizeof *sp);
	if (!strcmp(name, "load") && arg)
		return parse_load_spec(arg, sp);
	if (!strcmp(name, "output") && arg) {
		sp->dst_type = OFPACT_LEARN_DST_OUTPUT;
		char *error = parse_sf(arg, &sp->src);
		sp->n_bits = sp->src.n_bits;
		return error;
	}
	return parse_match_spec(name, arg, sp);
}

static char *parse_key(const char *key, const char *val,
		       struct ofpact_learn *l)
{
	static const struct { const char *key; size_t ofs; uint64_t max; }
	keys[] = {
		{ "idle_timeout", offsetof(struct ofpact_learn, idle_timeout),
		  UINT16_MAX },
		{ "hard_timeout", offsetof(struct ofpact_learn, hard_timeout),
		  UINT16_MAX },
		{ "fin_idle_timeout",
		  offsetof(struct ofpact_learn, fin_idle_timeout), UINT16_MAX },
		{ "fin_hard_timeout",
		  offsetof(struct ofpact_learn, fin_hard_timeout), UINT16_MAX },
		{ "priority", offsetof(struct ofpact_learn, priority),
		  UINT16_MAX },
	};
	uint64_t v;
	char *error;
	size_t i;

	if (!strcmp(key, "table")) {
		error = ofpact_parse_uint("learn table", val, 254, &v);
		l->table_id = (uint8_t) v;
		return error;
	}
	if (!strcmp(key, "cookie")) {
		error = ofpact_parse_uint("learn cookie", val, UINT64_MAX, &v);
		l->cookie = v;
		return error;
	}
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (strcmp(key, keys[i].key))
			continue;
		error = ofpact_parse_uint(key, val, keys[i].max, &v);
		if (!error)
			*(uint16_t *) ((uint8_t *) l + keys[i].ofs)
				= (uint16_t) v;
		return error;
	}
	return NULL;
}

static bool is_key(const char *name)
{
	static const char *const keys[] = {
		"table", "cookie", "idle_timeout", "hard_timeout",
		"fin_idle_timeout", "fin_hard_timeout", "priority",
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (!strcmp(name, keys[i]))
			return true;
	return false;
}

char *ofpact_parse_learn(const char *name, char *args, struct bytebuf *out)
{
	struct ofpact_learn_spec *specs = calloc(LEARN_MAX_SPECS,
						 sizeof *specs);
	struct ofpact_learn hdr;
	char *key, *val, *error = NULL, *pos = args;
	size_t n = 0;

	if (!specs)
		abort();
	memset(&hdr, 0, sizeof hdr);
	hdr.table_id = 1;
	hdr.priority = DEFAULT_PRIORITY;
	while (!error && ofpact_next_item(&pos, &key, &val, &error)) {
		if (is_key(key) && val)
			error = parse_key(key, val, &hdr);
		else if (!strcmp(key, "send_flow_rem") && !val)
			hdr.flags |= OFPACT_LEARN_SEND_FLOW_REM;
		else if (!strcmp(key, "delete_learned") && !val)
			hdr.flags |= OFPACT_LEARN_DELETE_LEARNED;
		else if (n == LEARN_MAX_SPECS)
			error = ofpact_error("%s: too many specs", name);
		else
			error = parse_spec(key, val, &specs[n++]);
	}
	if (!error && !put_learn(out, &hdr, specs, n))
		error = ofpact_error("%s: too many specs", name);
	free(specs);
	return error;
}

enum ofperr ofpact_check_learn(struct ofpact *a,
			       struct ofpact_check_ctx *ctx)
{
	const struct ofpact_learn *l = (const void *) a;
	size_t i;

	for (i = 0; i < l->n_specs; i++) {
		const struct ofpact_learn_spec *sp = &l->specs[i];
		if (sp->src_type == OFPACT_LEARN_SRC_FIELD
		    && !mf_prereqs_ok(sp->src.field, &ctx->match))
			return OFPERR_OFPBAC_MATCH_INCONSISTENT;
	}
	return 0;
}
