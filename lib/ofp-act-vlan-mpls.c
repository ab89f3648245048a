/* VLAN and MPLS tag actions and the TTL actions: mod_vlan_vid/pcp,
 * strip_vlan/pop_vlan, push_vlan, push/pop_mpls, set_mpls_label/tc/ttl,
 * dec_mpls_ttl, mod_nw_ttl, dec_ttl[(ids)]. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odp-key-text.h"
#include "ofp-actions-private.h"

#define ETH_TYPE_VLAN	0x8100
#define ETH_TYPE_MPLS	0x8847
#define ETH_TYPE_MPLSM	0x8848
#define ETH_TYPE_IP	0x0800
#define ETH_TYPE_IPV6	0x86dd

static uint16_t match_eth_type(const struct of_match *m)
{
	return m->mask.dl_type ? ntohs(m->flow.dl_type) : 0;
}

static void match_set_eth_type(struct of_match *m, uint16_t type)
{
	m->flow.dl_type = htons(type);
	m->mask.dl_type = 0xffff;
}

static bool match_has_vlan(const struct of_match *m)
{
	return ntohs(m->flow.vlans[0].tci) & OF_VLAN_CFI;
}

static void match_set_vlan(struct of_match *m, bool present)
{
	if (present) {
		m->flow.vlans[0].tci |= htons(OF_VLAN_CFI);
		m->mask.vlans[0].tci |= htons(OF_VLAN_CFI);
	} else {
		m->flow.vlans[0] = m->flow.vlans[1];
		m->mask.vlans[0] = m->mask.vlans[1];
		memset(&m->flow.vlans[1], 0, sizeof m->flow.vlans[1]);
		memset(&m->mask.vlans[1], 0, sizeof m->mask.vlans[1]);
	}
}

static char *parse_num(const char *name, const char *arg, uint64_t max,
		       uint64_t *v)
{
	return ofpact_parse_uint(name, arg, max, v);
}

/* ---- mod_vlan_vid, mod_vlan_pcp ---- */

enum ofperr ofpact_decode_vlan(const struct ofpact_raw *r,
			       const struct ofpact_in *in,
			       struct bytebuf *out)
{
	struct ofpact_vlan *vl;

	if (r->type == OFPACT_SET_VLAN_VID ? in->arg > 0xfff : in->arg > 7)
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	vl = (struct ofpact_vlan *) ofpact_put(out, r->type, sizeof *vl);
	vl->value = (uint16_t) in->arg;
	vl->push_if_needed = in->version == OFP10_VERSION;
	return 0;
}

static void put_push_vlan(struct bytebuf *out)
{
	ofpact_put_raw(out, RAW11_PUSH_VLAN, ETH_TYPE_VLAN, 0);
}

static enum ofperr encode_vlan(const struct ofpact *a, enum ofp_version v,
			       struct bytebuf *out, enum ofpact_raw_id r10,
			       enum ofpact_raw_id r11, enum mf_field_id f)
{
	const struct ofpact_vlan *vl = (const void *) a;
	struct bytebuf sf = BYTEBUF_INITIALIZER;
	uint16_t value = vl->value;
	enum ofperr error;

	if (v == OFP10_VERSION) {
		ofpact_put_raw(out, r10, vl->value, 0);
		return 0;
	}
	if (vl->push_if_needed && !vl->flow_has_vlan)
		put_push_vlan(out);
	if (v == OFP11_VERSION) {
		ofpact_put_raw(out, r11, vl->value, 0);
		return 0;
	}
	if (f == MFF_VLAN_VID)
		value |= OF_VLAN_CFI;
	ofpact_put_set_field(&sf, f, value, OFPACT_SF_SET_FIELD);
	error = ofpact_encode_set_field_raw((const void *) sf.data, v, out);
	bytebuf_uninit(&sf);
	return error;
}

static char *parse_vlan(enum ofpact_type t, const char *name, char *arg,
			struct bytebuf *out, uint64_t max)
{
	struct ofpact_vlan *vl;
	uint64_t v;
	char *error = parse_num(name, arg, max, &v);

	if (error)
		return error;
	vl = (struct ofpact_vlan *) ofpact_put(out, t, sizeof *vl);
	vl->value = (uint16_t) v;
	/* "set_vlan_vid" is the 1.1 spelling, which never pushes. */
	vl->push_if_needed = !strncasecmp(name, "mod_", 4);
	return NULL;
}

enum ofperr ofpact_encode_set_vlan_vid(const struct ofpact *a,
				       enum ofp_version v,
				       struct bytebuf *out)
{
	return encode_vlan(a, v, out, RAW10_SET_VLAN_VID, RAW11_SET_VLAN_VID,
			   MFF_VLAN_VID);
}

void ofpact_format_set_vlan_vid(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_vlan *vl = (const void *) a;

	odp_text_printf(s, "%s:%u", vl->push_if_needed ? "mod_vlan_vid"
			: "set_vlan_vid", vl->value);
}

char *ofpact_parse_set_vlan_vid(const char *name, char *arg,
				struct bytebuf *out)
{
	return parse_vlan(OFPACT_SET_VLAN_VID, name, arg, out, 0xfff);
}

enum ofperr ofpact_encode_set_vlan_pcp(const struct ofpact *a,
				       enum ofp_version v,
				       struct bytebuf *out)
{
	return encode_vlan(a, v, out, RAW10_SET_VLAN_PCP, RAW11_SET_VLAN_PCP,
			   MFF_VLAN_PCP);
}

void ofpact_format_set_vlan_pcp(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_vlan *vl = (const void *) a;

	odp_text_printf(s, "%s:%u", vl->push_if_needed ? "mod_vlan_pcp"
			: "set_vlan_pcp", vl->value);
}

char *ofpact_parse_set_vlan_pcp(const char *name, char *arg,
				struct bytebuf *out)
{
	return parse_vlan(OFPACT_SET_VLAN_PCP, name, arg, out, 7);
}

enum ofperr ofpact_check_vlan(struct ofpact *a,
			      struct ofpact_check_ctx *ctx)
{
	struct ofpact_vlan *vl = (struct ofpact_vlan *) a;

	vl->flow_has_vlan = match_has_vlan(&ctx->match);
	if (!vl->push_if_needed && !vl->flow_has_vlan)
		return OFPERR_OFPBAC_MATCH_INCONSISTENT;
	match_set_vlan(&ctx->match, true);
	return 0;
}

/* ---- strip_vlan / pop_vlan, push_vlan ---- */

enum ofperr ofpact_decode_strip_vlan(const struct ofpact_raw *r,
				     const struct ofpact_in *in,
				     struct bytebuf *out)
{
	struct ofpact_strip_vlan *sv = (struct ofpact_strip_vlan *)
		ofpact_put(out, OFPACT_STRIP_VLAN, sizeof *sv);

	(void) in;
	sv->pop = r == &ofpact_raws[RAW11_POP_VLAN];
	return 0;
}

enum ofperr ofpact_encode_strip_vlan(const struct ofpact *a,
				     enum ofp_version v, struct bytebuf *out)
{
	(void) a;
	ofpact_put_raw(out, v == OFP10_VERSION ? RAW10_STRIP_VLAN
		       : RAW11_POP_VLAN, 0, 0);
	return 0;
}

void ofpact_format_strip_vlan(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, ((const struct ofpact_strip_vlan *) a)->pop
			? "pop_vlan" : "strip_vlan");
}

char *ofpact_parse_strip_vlan(const char *name, char *arg,
			      struct bytebuf *out)
{
	struct ofpact_strip_vlan *sv;

	if (*arg)
		return ofpact_parse_void(OFPACT_STRIP_VLAN, name, arg, out);
	sv = (struct ofpact_strip_vlan *) ofpact_put(out, OFPACT_STRIP_VLAN,
						     sizeof *sv);
	sv->pop = !strcasecmp(name, "pop_vlan");
	return NULL;
}

enum ofperr ofpact_check_strip_vlan(struct ofpact *a,
				    struct ofpact_check_ctx *ctx)
{
	(void) a;
	if (!match_has_vlan(&ctx->match))
		return OFPERR_OFPBAC_MATCH_INCONSISTENT;
	match_set_vlan(&ctx->match, false);
	return 0;
}

static char *parse_ethertype(enum ofpact_type t, const char *name,
			     char *arg, struct bytebuf *out,
			     uint16_t ok1, uint16_t ok2)
{
	uint64_t v;
	char *error = parse_num(name, arg, UINT16_MAX, &v);

	if (error)
		return error;
	if (ok1 && v != ok1 && v != ok2)
		return ofpact_error("%s: ethertype %s is not 0x%04x or 0x%04x",
				    name, arg, ok1, ok2);
	((struct ofpact_ethertype *) ofpact_put(
		out, t, sizeof(struct ofpact_ethertype)))->ethertype
		= (uint16_t) v;
	return NULL;
}

void ofpact_format_push_vlan(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "push_vlan:%#x",
			((const struct ofpact_ethertype *) a)->ethertype);
}

char *ofpact_parse_push_vlan(const char *name, char *arg,
			     struct bytebuf *out)
{
	return parse_ethertype(OFPACT_PUSH_VLAN, name, arg, out, 0x8100,
			       0x88a8);
}

enum ofperr ofpact_check_push_vlan(struct ofpact *a,
				   struct ofpact_check_ctx *ctx)
{
	(void) a;
	ctx->match.flow.vlans[1] = ctx->match.flow.vlans[0];
	ctx->match.mask.vlans[1] = ctx->match.mask.vlans[0];
	match_set_vlan(&ctx->match, true);
	return 0;
}

/* ---- MPLS ---- */

void ofpact_format_push_mpls(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "push_mpls:0x%04x",
			((const struct ofpact_ethertype *) a)->ethertype);
}

char *ofpact_parse_push_mpls(const char *name, char *arg,
			     struct bytebuf *out)
{
	return parse_ethertype(OFPACT_PUSH_MPLS, name, arg, out,
			       ETH_TYPE_MPLS, ETH_TYPE_MPLSM);
}

enum ofperr ofpact_check_push_mpls(struct ofpact *a,
				   struct ofpact_check_ctx *ctx)
{
	match_set_eth_type(&ctx->match,
			   ((const struct ofpact_ethertype *) a)->ethertype);
	return 0;
}

void ofpact_format_pop_mpls(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "pop_mpls:0x%04x",
			((const struct ofpact_ethertype *) a)->ethertype);
}

char *ofpact_parse_pop_mpls(const char *name, char *arg,
			    struct bytebuf *out)
{
	return parse_ethertype(OFPACT_POP_MPLS, name, arg, out, 0, 0);
}

static bool is_mpls(const struct of_match *m)
{
	uint16_t t = match_eth_type(m);

	return t == ETH_TYPE_MPLS || t == ETH_TYPE_MPLSM;
}

enum ofperr ofpact_check_pop_mpls(struct ofpact *a,
				  struct ofpact_check_ctx *ctx)
{
	if (!is_mpls(&ctx->match))
		return OFPERR_OFPBAC_MATCH_INCONSISTENT;
	match_set_eth_type(&ctx->match,
			   ((const struct ofpact_ethertype *) a)->ethertype);
	return 0;
}

enum ofperr ofpact_check_mpls(struct ofpact *a,
			      struct ofpact_check_ctx *ctx)
{
	(void) a;
	return is_mpls(&ctx->match) ? 0 : OFPERR_OFPBAC_MATCH_INCONSISTENT;
}

/* Beyond 1.1, label and TC are set with set_field. */
static enum ofperr encode_mpls_field(const struct ofpact *a,
				     enum ofp_version v, struct bytebuf *out,
				     enum ofpact_raw_id nx,
				     enum ofpact_raw_id of11,
				     enum mf_field_id f, uint32_t value)
{
	struct bytebuf sf = BYTEBUF_INITIALIZER;
	enum ofperr error;

	(void) a;
	if (v <= OFP11_VERSION) {
		ofpact_put_raw(out, v == OFP10_VERSION ? nx : of11, value, 0);
		return 0;
	}
	ofpact_put_set_field(&sf, f, value, OFPACT_SF_SET_FIELD);
	error = ofpact_encode_set_field_raw((const void *) sf.data, v, out);
	bytebuf_uninit(&sf);
	return error;
}

enum ofperr ofpact_encode_set_mpls_label(const struct ofpact *a,
					 enum ofp_version v,
					 struct bytebuf *out)
{
	return encode_mpls_field(a, v, out, RAW_NX_SET_MPLS_LABEL,
				 RAW11_SET_MPLS_LABEL, MFF_MPLS_LABEL,
				 ((const struct ofpact_u32 *) a)->value);
}

void ofpact_format_set_mpls_label(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "set_mpls_label(%u)",
			((const struct ofpact_u32 *) a)->value);
}

char *ofpact_parse_set_mpls_label(const char *name, char *arg,
				  struct bytebuf *out)
{
	return ofpact_parse_int(OFPACT_SET_MPLS_LABEL, name, arg, 0xfffff, out);
}

enum ofperr ofpact_encode_set_mpls_tc(const struct ofpact *a,
				      enum ofp_version v, struct bytebuf *out)
{
	return encode_mpls_field(a, v, out, RAW_NX_SET_MPLS_TC,
				 RAW11_SET_MPLS_TC, MFF_MPLS_TC,
				 ((const struct ofpact_u8 *) a)->value);
}

void ofpact_format_set_mpls_tc(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "set_mpls_tc(%u)",
			((const struct ofpact_u8 *) a)->value);
}

char *ofpact_parse_set_mpls_tc(const char *name, char *arg,
			       struct bytebuf *out)
{
	return ofpact_parse_int(OFPACT_SET_MPLS_TC, name, arg, 7, out);
}

void ofpact_format_set_mpls_ttl(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "set_mpls_ttl(%u)",
			((const struct ofpact_u8 *) a)->value);
}

char *ofpact_parse_set_mpls_ttl(const char *name, char *arg,
				struct bytebuf *out)
{
	return ofpact_parse_int(OFPACT_SET_MPLS_TTL, name, arg, UINT8_MAX, out);
}

/* ---- IP TTL ---- */

enum ofperr ofpact_encode_set_ip_ttl(const struct ofpact *a,
				     enum ofp_version v, struct bytebuf *out)
{
	struct bytebuf sf = BYTEBUF_INITIALIZER;
	uint8_t ttl = ((const struct ofpact_u8 *) a)->value;
	enum ofperr error;

	if (v >= OFP11_VERSION) {
		ofpact_put_raw(out, RAW11_SET_NW_TTL, ttl, 0);
		return 0;
	}
	ofpact_put_set_field(&sf, MFF_IP_TTL, ttl, OFPACT_SF_SET_FIELD);
	error = ofpact_encode_set_field_raw((const void *) sf.data, v, out);
	bytebuf_uninit(&sf);
	return error;
}

void ofpact_format_set_ip_ttl(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "mod_nw_ttl:%u",
			((const struct ofpact_u8 *) a)->value);
}

char *ofpact_parse_set_ip_ttl(const char *name, char *arg,
			      struct bytebuf *out)
{
	return ofpact_parse_int(OFPACT_SET_IP_TTL, name, arg, UINT8_MAX, out);
}

enum ofperr ofpact_check_ip(struct ofpact *a,
			    struct ofpact_check_ctx *ctx)
{
	uint16_t t = match_eth_type(&ctx->match);

	(void) a;
	return t == ETH_TYPE_IP || t == ETH_TYPE_IPV6
		? 0 : OFPERR_OFPBAC_MATCH_INCONSISTENT;
}

/* ---- dec_ttl, dec_ttl(id,...) ---- */

static struct ofpact_dec_ttl *put_dec_ttl(struct bytebuf *out, size_t n)
{
	return (struct ofpact_dec_ttl *) ofpact_put(
		out, OFPACT_DEC_TTL, sizeof(struct ofpact_dec_ttl) + 2 * n);
}

enum ofperr ofpact_decode_dec_ttl_ids(const struct ofpact_raw *r,
				      const struct ofpact_in *in,
				      struct bytebuf *out)
{
	struct ofpact_dec_ttl *d;
	uint16_t n = ofpact_be16(in->p + 10);
	size_t i;

	(void) r;
	if (!bytecur_is_zero(in->p + 12, 4))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	if (16 + 2 * (size_t) n > in->len)
		return OFPERR_OFPBAC_BAD_LEN;
	if (!bytecur_is_zero(in->p + 16 + 2 * n, in->len - 16 - 2 * n))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	d = put_dec_ttl(out, n);
	d->n_ids = n;
	d->with_ids = true;
	for (i = 0; i < n; i++)
		d->ids[i] = ofpact_be16(in->p + 16 + 2 * i);
	return 0;
}

enum ofperr ofpact_encode_dec_ttl(const struct ofpact *a, enum ofp_version v,
				  struct bytebuf *out)
{
	const struct ofpact_dec_ttl *d = (const void *) a;
	size_t ofs, i;

	if (!d->with_ids) {
		ofpact_put_raw(out, v == OFP10_VERSION ? RAW_NX_DEC_TTL
			       : RAW11_DEC_NW_TTL, 0, 0);
		return 0;
	}
	ofs = ofpact_put_raw(out, RAW_NX_DEC_TTL_CNT_IDS, 0, 0);
	ofpact_put_be16_at(out, ofs + 10, d->n_ids);
	for (i = 0; i < d->n_ids; i++)
		bytebuf_put_be16(out, d->ids[i]);
	ofpact_finish_raw(out, ofs);
	return 0;
}

void ofpact_format_dec_ttl(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_dec_ttl *d = (const void *) a;
	size_t i;

	odp_text_printf(s, "dec_ttl");
	if (!d->with_ids)
		return;
	odp_text_printf(s, "(");
	for (i = 0; i < d->n_ids; i++)
		odp_text_printf(s, "%s%u", i ? "," : "", d->ids[i]);
	odp_text_printf(s, ")");
}

char *ofpact_parse_dec_ttl(const char *name, char *arg, struct bytebuf *out)
{
	struct ofpact_dec_ttl *d;
	uint16_t ids[256];
	size_t n = 0;
	char *save = NULL, *tok;

	if (!*arg) {
		d = put_dec_ttl(out, 0);
		return NULL;
	}
	for (tok = strtok_r(arg, ", ", &save); tok;
	     tok = strtok_r(NULL, ", ", &save)) {
		uint64_t v;
		char *error = parse_num("dec_ttl controller id", tok,
					UINT16_MAX, &v);
		if (error)
			return error;
		if (n == sizeof ids / sizeof ids[0])
			return ofpact_error("%s: too many controller ids",
					    name);
		ids[n++] = (uint16_t) v;
	}
	if (!n)
		return ofpact_error("%s: dec_ttl_cnt_ids: expected at least "
				    "one controller id", name);
	d = put_dec_ttl(out, n);
	d->n_ids = (uint16_t) n;
	d->with_ids = true;
	memcpy(d->ids, ids, 2 * n);
	return NULL;
}
