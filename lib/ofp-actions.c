/* The action tables and the engine that walks them: decoding a wire action
 * list, encoding, printing, parsing and checking.  Wire numbers and layouts
 * come from the OpenFlow 1.0-1.5 specifications and the Nicira extension
 * registry. */
#include "ofp-actions.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odp-key-text.h"
#include "ofp-actions-private.h"
#include "xalloc.h"

#define V10 OFP10_VERSION
#define V11 OFP11_VERSION
#define V12 OFP12_VERSION
#define V13 OFP13_VERSION
#define V14 OFP14_VERSION
#define V15 OFP15_VERSION

/* TYPE, vendor, code, versions, length, variable, arg bytes, decoder. */
#define RAW(ID, T, VEND, CODE, MIN, MAX, LEN, VAR, ARG, DEC)		\
	[ID] = { OFPACT_##T, OFPACT_##VEND, CODE, MIN, MAX, LEN, VAR, ARG, \
		 ofpact_decode_##DEC }
#define OF_(ID, T, CODE, MIN, MAX, LEN, ARG, DEC)			\
	RAW(ID, T, OF, CODE, MIN, MAX, LEN, false, ARG, DEC)
#define NX_(ID, T, CODE, LEN, ARG, DEC)					\
	RAW(ID, T, NX, CODE, V10, V15, LEN, false, ARG, DEC)

const struct ofpact_raw ofpact_raws[RAW_N] = {
	OF_(RAW10_OUTPUT, OUTPUT, 0, V10, V10, 8, 0, output),
	OF_(RAW11_OUTPUT, OUTPUT, 0, V11, V15, 16, 0, output),
	OF_(RAW10_ENQUEUE, ENQUEUE, 11, V10, V10, 16, 0, enqueue),
	NX_(RAW_NX_CONTROLLER, CONTROLLER, 20, 16, 0, controller),
	NX_(RAW_NX_OUTPUT_REG, OUTPUT_REG, 15, 24, 0, output_reg),
	NX_(RAW_NX_SET_QUEUE, SET_QUEUE, 4, 16, 4, simple),
	OF_(RAW11_SET_QUEUE, SET_QUEUE, 21, V11, V15, 8, 4, simple),
	NX_(RAW_NX_POP_QUEUE, POP_QUEUE, 5, 16, 0, simple),
	RAW(RAW_NX_GROUP, GROUP, NX, 40, V10, V10, 16, false, 4, simple),
	OF_(RAW11_GROUP, GROUP, 22, V11, V15, 8, 4, simple),
	NX_(RAW_NX_RESUBMIT, RESUBMIT, 1, 16, 2, resubmit),
	NX_(RAW_NX_RESUBMIT_TABLE, RESUBMIT, 14, 16, 0, resubmit),
	NX_(RAW_NX_RESUBMIT_TABLE_CT, RESUBMIT, 44, 16, 0, resubmit),
	RAW(RAW12_SET_FIELD, SET_FIELD, OF, 25, V12, V14, 8, true, 0,
	    set_field),
	RAW(RAW15_SET_FIELD, SET_FIELD, OF, 25, V15, V15, 8, true, 0,
	    set_field),
	RAW(RAW_NX_REG_LOAD, SET_FIELD, NX, 7, V10, V14, 24, false, 0,
	    reg_load),
	RAW(RAW_NX_REG_MOVE, REG_MOVE, NX, 6, V10, V14, 24, false, 0,
	    reg_move),
	RAW(RAW15_COPY_FIELD, REG_MOVE, OF, 28, V15, V15, 24, true, 0,
	    reg_move),
	OF_(RAW10_SET_DL_SRC, SET_FIELD, 4, V10, V10, 16, 0, legacy_field),
	OF_(RAW10_SET_DL_DST, SET_FIELD, 5, V10, V10, 16, 0, legacy_field),
	OF_(RAW10_SET_NW_SRC, SET_FIELD, 6, V10, V10, 8, 4, legacy_field),
	OF_(RAW10_SET_NW_DST, SET_FIELD, 7, V10, V10, 8, 4, legacy_field),
	OF_(RAW10_SET_NW_TOS, SET_FIELD, 8, V10, V10, 8, 1, legacy_field),
	OF_(RAW10_SET_TP_SRC, SET_FIELD, 9, V10, V10, 8, 2, legacy_field),
	OF_(RAW10_SET_TP_DST, SET_FIELD, 10, V10, V10, 8, 2, legacy_field),
	OF_(RAW11_SET_DL_SRC, SET_FIELD, 3, V11, V15, 16, 0, legacy_field),
	OF_(RAW11_SET_DL_DST, SET_FIELD, 4, V11, V15, 16, 0, legacy_field),
	OF_(RAW11_SET_NW_SRC, SET_FIELD, 5, V11, V15, 8, 4, legacy_field),
	OF_(RAW11_SET_NW_DST, SET_FIELD, 6, V11, V15, 8, 4, legacy_field),
	OF_(RAW11_SET_NW_TOS, SET_FIELD, 7, V11, V15, 8, 1, legacy_field),
	OF_(RAW11_SET_NW_ECN, SET_FIELD, 8, V11, V15, 8, 1, legacy_field),
	OF_(RAW11_SET_TP_SRC, SET_FIELD, 9, V11, V15, 8, 2, legacy_field),
	OF_(RAW11_SET_TP_DST, SET_FIELD, 10, V11, V15, 8, 2, legacy_field),
	OF_(RAW10_SET_VLAN_VID, SET_VLAN_VID, 1, V10, V10, 8, 2, vlan),
	OF_(RAW10_SET_VLAN_PCP, SET_VLAN_PCP, 2, V10, V10, 8, 1, vlan),
	OF_(RAW11_SET_VLAN_VID, SET_VLAN_VID, 1, V11, V15, 8, 2, vlan),
	OF_(RAW11_SET_VLAN_PCP, SET_VLAN_PCP, 2, V11, V15, 8, 1, vlan),
	OF_(RAW10_STRIP_VLAN, STRIP_VLAN, 3, V10, V10, 8, 0, strip_vlan),
	OF_(RAW11_POP_VLAN, STRIP_VLAN, 18, V11, V15, 8, 0, strip_vlan),
	OF_(RAW11_PUSH_VLAN, PUSH_VLAN, 17, V11, V15, 8, 2, simple),
	RAW(RAW_NX_PUSH_MPLS, PUSH_MPLS, NX, 23, V10, V10, 16, false, 2,
	    simple),
	OF_(RAW11_PUSH_MPLS, PUSH_MPLS, 19, V11, V15, 8, 2, simple),
	RAW(RAW_NX_POP_MPLS, POP_MPLS, NX, 24, V10, V10, 16, false, 2,
	    simple),
	OF_(RAW11_POP_MPLS, POP_MPLS, 20, V11, V15, 8, 2, simple),
	RAW(RAW_NX_SET_MPLS_LABEL, SET_MPLS_LABEL, NX, 30, V10, V10, 16,
	    false, 4, simple),
	OF_(RAW11_SET_MPLS_LABEL, SET_MPLS_LABEL, 13, V11, V15, 8, 4, simple),
	RAW(RAW_NX_SET_MPLS_TC, SET_MPLS_TC, NX, 31, V10, V10, 16, false, 1,
	    simple),
	OF_(RAW11_SET_MPLS_TC, SET_MPLS_TC, 14, V11, V15, 8, 1, simple),
	RAW(RAW_NX_SET_MPLS_TTL, SET_MPLS_TTL, NX, 25, V10, V10, 16, false,
	    1, simple),
	OF_(RAW11_SET_MPLS_TTL, SET_MPLS_TTL, 15, V11, V15, 8, 1, simple),
	RAW(RAW_NX_DEC_MPLS_TTL, DEC_MPLS_TTL, NX, 26, V10, V10, 16, false,
	    0, simple),
	OF_(RAW11_DEC_MPLS_TTL, DEC_MPLS_TTL, 16, V11, V15, 8, 0, simple),
	OF_(RAW11_SET_NW_TTL, SET_IP_TTL, 23, V11, V15, 8, 1, simple),
	RAW(RAW_NX_DEC_TTL, DEC_TTL, NX, 18, V10, V10, 16, false, 0, simple),
	OF_(RAW11_DEC_NW_TTL, DEC_TTL, 24, V11, V15, 8, 0, simple),
	RAW(RAW_NX_DEC_TTL_CNT_IDS, DEC_TTL, NX, 21, V10, V15, 16, true, 0,
	    dec_ttl_ids),
	NX_(RAW_NX_SET_TUNNEL, SET_TUNNEL, 2, 16, 4, simple),
	NX_(RAW_NX_SET_TUNNEL64, SET_TUNNEL, 9, 24, 8, simple),
	RAW(RAW_NX_NOTE, NOTE, NX, 8, V10, V15, 16, true, 0, note),
	NX_(RAW_NX_EXIT, EXIT, 17, 16, 0, simple),
	NX_(RAW_NX_CT_CLEAR, CT_CLEAR, 43, 16, 0, simple),
	RAW(RAW_NX_WRITE_METADATA, WRITE_METADATA, NX, 22, V10, V10, 32,
	    false, 0, write_metadata),
	OF_(RAW15_METER, METER, 29, V15, V15, 8, 4, simple),
	RAW(RAW_NX_CT, CT, NX, 35, V10, V15, 24, true, 0, ct),
	RAW(RAW_NX_NAT, NAT, NX, 36, V10, V15, 16, true, 0, nat),
	NX_(RAW_NX_CONJUNCTION, CONJUNCTION, 34, 16, 0, conjunction),
	NX_(RAW_NX_FIN_TIMEOUT, FIN_TIMEOUT, 19, 16, 0, fin_timeout),
	NX_(RAW_NX_STACK_PUSH, STACK_PUSH, 27, 24, 0, stack),
	NX_(RAW_NX_STACK_POP, STACK_POP, 28, 24, 0, stack),
	NX_(RAW_NX_SAMPLE, SAMPLE, 29, 24, 0, sample),
	RAW(RAW_NX_CLONE, CLONE, NX, 42, V10, V15, 16, true, 0, clone),
	NX_(RAW_NX_OUTPUT_TRUNC, OUTPUT_TRUNC, 39, 16, 0, output_trunc),
	RAW(RAW_NX_LEARN, LEARN, NX, 16, V10, V15, 32, true, 0, learn),
	RAW(RAW_NX_CONTROLLER2, CONTROLLER, NX, 37, V10, V15, 16, true, 0,
	    controller2),
	NX_(RAW_NX_CHECK_PKT_LARGER, CHECK_PKT_LARGER, 49, 24, 0,
	    check_pkt_larger),
	NX_(RAW_NX_MULTIPATH, MULTIPATH, 10, 32, 0, multipath),
	RAW(RAW_NX_BUNDLE, BUNDLE, NX, 12, V10, V15, 32, true, 0, bundle),
	RAW(RAW_NX_BUNDLE_LOAD, BUNDLE, NX, 13, V10, V15, 32, true, 0, bundle),
};

/* Type, names, payload, its integer argument, encoder, printer, parser,
 * checker.  FN names the family's functions; simple actions use the
 * table-driven encoder, and the ones without argument the generic printer
 * and parser. */
#define KIND(T, NAME, ALIAS, STRUCT, ARG, ENC, FMT, PARSE, CHECK)	\
	[OFPACT_##T] = { NAME, ALIAS, sizeof(struct STRUCT), OFPACT_ARG_##ARG, \
			 ofpact_encode_##ENC, ofpact_format_##FMT,	\
			 ofpact_parse_##PARSE, CHECK }
#define KIND_FN(T, NAME, ALIAS, STRUCT, ARG, FN, CHECK)			\
	KIND(T, NAME, ALIAS, STRUCT, ARG, FN, FN, FN, CHECK)
#define KIND_VOID(T, NAME, ENC, CHECK)					\
	KIND(T, NAME, NULL, ofpact, NONE, ENC, void, void_named, CHECK)

const struct ofpact_kind ofpact_kinds[OFPACT_N_TYPES] = {
	KIND_FN(OUTPUT, "output", NULL, ofpact_output, NONE, output,
		ofpact_check_output),
	KIND_FN(CONTROLLER, "controller", NULL, ofpact_controller, NONE,
		controller, NULL),
	KIND_FN(ENQUEUE, "enqueue", NULL, ofpact_enqueue, NONE, enqueue,
		ofpact_check_enqueue),
	KIND_FN(OUTPUT_REG, "output_reg", NULL, ofpact_output_reg, NONE,
		output_reg, ofpact_check_output_reg),
	KIND(GROUP, "group", NULL, ofpact_u32, U32, simple, group, u32, NULL),
	KIND_FN(RESUBMIT, "resubmit", NULL, ofpact_resubmit, NONE, resubmit,
		ofpact_check_resubmit),
	KIND(SET_QUEUE, "set_queue", NULL, ofpact_u32, U32, simple, set_queue,
	     u32, NULL),
	KIND_VOID(POP_QUEUE, "pop_queue", simple, NULL),
	KIND_FN(SET_FIELD, "set_field", "load", ofpact_set_field, NONE,
		set_field, ofpact_check_set_field),
	KIND_FN(REG_MOVE, "move", NULL, ofpact_reg_move, NONE, reg_move,
		ofpact_check_reg_move),
	KIND_FN(SET_VLAN_VID, "mod_vlan_vid", "set_vlan_vid", ofpact_vlan,
		NONE, set_vlan_vid, ofpact_check_vlan),
	KIND_FN(SET_VLAN_PCP, "mod_vlan_pcp", "set_vlan_pcp", ofpact_vlan,
		NONE, set_vlan_pcp, ofpact_check_vlan),
	KIND_FN(STRIP_VLAN, "strip_vlan", "pop_vlan", ofpact_strip_vlan, NONE,
		strip_vlan, ofpact_check_strip_vlan),
	KIND(PUSH_VLAN, "push_vlan", NULL, ofpact_ethertype, U16, simple,
	     push_vlan, push_vlan, ofpact_check_push_vlan),
	KIND(PUSH_MPLS, "push_mpls", NULL, ofpact_ethertype, U16, simple,
	     push_mpls, push_mpls, ofpact_check_push_mpls),
	KIND(POP_MPLS, "pop_mpls", NULL, ofpact_ethertype, U16, simple,
	     pop_mpls, pop_mpls, ofpact_check_pop_mpls),
	KIND_FN(SET_MPLS_LABEL, "set_mpls_label", NULL, ofpact_u32, U32,
		set_mpls_label, ofpact_check_mpls),
	KIND_FN(SET_MPLS_TC, "set_mpls_tc", NULL, ofpact_u8, U8, set_mpls_tc,
		ofpact_check_mpls),
	KIND(SET_MPLS_TTL, "set_mpls_ttl", NULL, ofpact_u8, U8, simple,
	     set_mpls_ttl, set_mpls_ttl, ofpact_check_mpls),
	KIND_VOID(DEC_MPLS_TTL, "dec_mpls_ttl", simple, ofpact_check_mpls),
	KIND_FN(SET_IP_TTL, "mod_nw_ttl", NULL, ofpact_u8, U8, set_ip_ttl,
		ofpact_check_ip),
	KIND_FN(DEC_TTL, "dec_ttl", NULL, ofpact_dec_ttl, NONE, dec_ttl,
		ofpact_check_ip),
	KIND_FN(SET_TUNNEL, "set_tunnel", "set_tunnel64", ofpact_tunnel, NONE,
		set_tunnel, NULL),
	KIND_FN(NOTE, "note", NULL, ofpact_note, NONE, note, NULL),
	KIND_VOID(EXIT, "exit", simple, NULL),
	KIND_VOID(CT_CLEAR, "ct_clear", simple, NULL),
	KIND_FN(CT, "ct", NULL, ofpact_ct, NONE, ct, ofpact_check_ct),
	KIND_FN(NAT, "nat", NULL, ofpact_nat, NONE, nat, NULL),
	KIND_FN(CONJUNCTION, "conjunction", NULL, ofpact_conjunction, NONE,
		conjunction, NULL),
	KIND_FN(FIN_TIMEOUT, "fin_timeout", NULL, ofpact_fin_timeout, NONE,
		fin_timeout, NULL),
	KIND(STACK_PUSH, "push", NULL, ofpact_stack, NONE, stack, stack,
	     stack, ofpact_check_stack),
	KIND(STACK_POP, "pop", NULL, ofpact_stack, NONE, stack, stack,
	     stack, ofpact_check_stack),
	KIND_FN(SAMPLE, "sample", NULL, ofpact_sample, NONE, sample, NULL),
	KIND(CLONE, "clone", NULL, ofpact_nest, NONE, clone, nested, nested,
	     ofpact_check_nested),
	KIND(OUTPUT_TRUNC, "output", NULL, ofpact_output_trunc, NONE,
	     output_trunc, output_trunc, output, ofpact_check_output_trunc),
	KIND_FN(LEARN, "learn", NULL, ofpact_learn, NONE, learn,
		ofpact_check_learn),
	KIND_FN(CHECK_PKT_LARGER, "check_pkt_larger", NULL,
		ofpact_check_pkt_larger, NONE, check_pkt_larger, NULL),
	KIND_FN(MULTIPATH, "multipath", NULL, ofpact_multipath, NONE,
		multipath, NULL),
	KIND_FN(BUNDLE, "bundle", "bundle_load", ofpact_bundle, NONE, bundle,
		ofpact_check_bundle),
	KIND(METER, "meter", NULL, ofpact_u32, U32, meter, meter, u32, NULL),
	KIND_VOID(CLEAR_ACTIONS, "clear_actions", no_action, NULL),
	KIND(WRITE_ACTIONS, "write_actions", NULL, ofpact_nest, NONE,
	     no_action, nested, nested, ofpact_check_nested),
	KIND_FN(WRITE_METADATA, "write_metadata", NULL, ofpact_metadata, NONE,
		write_metadata, NULL),
	KIND(GOTO_TABLE, "goto_table", NULL, ofpact_u8, U8, no_action,
	     goto_table, goto_table, ofpact_check_goto_table),
};

const char *ofpact_type_name(enum ofpact_type type)
{
	return type < OFPACT_N_TYPES ? ofpact_kinds[type].name : "<unknown>";
}

struct ofpact *ofpact_put(struct bytebuf *out, enum ofpact_type type,
			  size_t len)
{
	size_t padded = (len + OFPACT_ALIGN - 1) & ~(size_t) (OFPACT_ALIGN - 1);
	struct ofpact *a;

	bytebuf_pad_to(out, OFPACT_ALIGN);
	a = bytebuf_put_zeros(out, padded);
	a->type = (uint16_t) type;
	a->len = (uint16_t) padded;
	return a;
}

/* ---- Wire encoding helpers. ---- */

static size_t raw_hdr_len(const struct ofpact_raw *r)
{
	return r->vendor == OFPACT_OF ? OFPACT_OF_HDR : OFPACT_NX_HDR;
}

/* Where a row's simple argument sits: after the header, aligned to its
 * own size. */
static size_t raw_arg_ofs(const struct ofpact_raw *r)
{
	size_t h = raw_hdr_len(r), a = r->arg_bytes ? r->arg_bytes : 1;

	return (h + a - 1) / a * a;
}

size_t ofpact_put_raw(struct bytebuf *b, enum ofpact_raw_id id, uint64_t arg,
		      size_t len)
{
	const struct ofpact_raw *r = &ofpact_raws[id];
	size_t ofs = b->size, n = len > r->len ? len : r->len;
	size_t aofs = raw_arg_ofs(r);
	unsigned i;

	bytebuf_put_zeros(b, n);
	if (r->vendor == OFPACT_OF) {
		ofpact_put_be16_at(b, ofs, r->code);
	} else {
		ofpact_put_be16_at(b, ofs, 0xffff);
		ofpact_put_be32_at(b, ofs + 4, NX_VENDOR_ID);
		ofpact_put_be16_at(b, ofs + 8, r->code);
	}
	ofpact_put_be16_at(b, ofs + 2, (uint16_t) n);
	for (i = 0; i < r->arg_bytes; i++) {
		uint8_t *p = bytebuf_at(b, ofs + aofs + i, 1);
		*p = (uint8_t) (arg >> (8 * (r->arg_bytes - 1 - i)));
	}
	return ofs;
}

void ofpact_finish_raw(struct bytebuf *b, size_t ofs)
{
	size_t pad = (8 - (b->size - ofs) % 8) % 8;

	if (pad)
		bytebuf_put_zeros(b, pad);
	ofpact_put_be16_at(b, ofs + 2, (uint16_t) (b->size - ofs));
}

int ofpact_raw_for(enum ofp_version v, const enum ofpact_raw_id *ids,
		   size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct ofpact_raw *r = &ofpact_raws[ids[i]];
		if (v >= r->min_version && v <= r->max_version)
			return (int) ids[i];
	}
	return -1;
}

/* ---- Decoding. ---- */

static const struct ofpact_raw *raw_lookup(uint8_t vendor, uint16_t code,
					   enum ofp_version v, bool *known)
{
	size_t i;

	*known = false;
	for (i = 0; i < RAW_N; i++) {
		const struct ofpact_raw *r = &ofpact_raws[i];
		if (r->vendor != vendor || r->code != code)
			continue;
		*known = true;
		if (v >= r->min_version && v <= r->max_version)
			return r;
	}
	return NULL;
}

/* Takes one action off the front of 'c'. */
static enum ofperr decode_one(struct bytecur *c, enum ofp_version v,
			      enum ofpact_type parent, struct bytebuf *out)
{
	const struct ofpact_raw *r;
	struct ofpact_in in;
	uint16_t type, len;
	uint8_t vendor = OFPACT_OF;
	uint16_t code;
	bool known;
	size_t i, aofs;

	if (c->left < 8)
		return OFPERR_OFPBAC_BAD_LEN;
	type = ofpact_be16(c->p);
	len = ofpact_be16(c->p + 2);
	if (len < 8 || len % 8 || len > c->left)
		return OFPERR_OFPBAC_BAD_LEN;
	code = type;
	if (type == 0xffff) {
		if (len < 16)
			return OFPERR_OFPBAC_BAD_LEN;
		if (ofpact_be32(c->p + 4) != NX_VENDOR_ID)
			return OFPERR_OFPBAC_BAD_VENDOR;
		vendor = OFPACT_NX;
		code = ofpact_be16(c->p + 8);
	}
	r = raw_lookup(vendor, code, v, &known);
	if (!r)
		return vendor == OFPACT_NX ? OFPERR_OFPBAC_BAD_VENDOR_TYPE
			: OFPERR_OFPBAC_BAD_TYPE;
	if (r->variable ? len < r->len : len != r->len)
		return OFPERR_OFPBAC_BAD_LEN;
	/* nat exists only inside ct (ovs-vswitchd's error for it). */
	if (r->type == OFPACT_NAT && parent != OFPACT_CT)
		return OFPERR_OFPBAC_BAD_SET_ARGUMENT;

	in.p = c->p;
	in.len = len;
	in.version = v;
	in.arg = 0;
	aofs = raw_arg_ofs(r);
	for (i = 0; i < r->arg_bytes; i++)
		in.arg = in.arg << 8 | c->p[aofs + i];
	/* Simple forms are header + argument + zero padding. */
	if (r->decode == ofpact_decode_simple || r->arg_bytes) {
		size_t end = r->arg_bytes ? aofs + r->arg_bytes
			: raw_hdr_len(r);
		if (!r->variable && !bytecur_is_zero(c->p + end, len - end))
			return r->vendor == OFPACT_NX
				? OFPERR_NXBAC_MUST_BE_ZERO
				: OFPERR_OFPBAC_BAD_ARGUMENT;
	}
	bytecur_take(c, len);
	return r->decode(r, &in, out);
}

enum ofperr ofpacts_decode_actions(const void *p, size_t n,
				   enum ofp_version v, struct bytebuf *out)
{
	return ofpacts_decode_nested(p, n, v, OFPACT_N_TYPES, out);
}

enum ofperr ofpacts_decode_nested(const void *p, size_t n, enum ofp_version v,
				  enum ofpact_type parent,
				  struct bytebuf *out)
{
	struct bytecur c = bytecur_make(p, n);
	size_t start = out->size;

	while (c.left) {
		enum ofperr error = decode_one(&c, v, parent, out);
		if (error) {
			bytebuf_truncate(out, start);
			return error;
		}
	}
	return 0;
}

static void simple_set(struct ofpact *a, uint64_t v)
{
	switch (ofpact_kinds[a->type].arg) {
	case OFPACT_ARG_U8:
		((struct ofpact_u8 *) a)->value = (uint8_t) v;
		break;
	case OFPACT_ARG_U16:
		((struct ofpact_ethertype *) a)->ethertype = (uint16_t) v;
		break;
	case OFPACT_ARG_U32:
		((struct ofpact_u32 *) a)->value = (uint32_t) v;
		break;
	case OFPACT_ARG_NONE:
		break;
	}
}

static uint64_t simple_get(const struct ofpact *a)
{
	switch (ofpact_kinds[a->type].arg) {
	case OFPACT_ARG_U8:
		return ((const struct ofpact_u8 *) a)->value;
	case OFPACT_ARG_U16:
		return ((const struct ofpact_ethertype *) a)->ethertype;
	case OFPACT_ARG_U32:
		return ((const struct ofpact_u32 *) a)->value;
	default:
		return 0;
	}
}

/* Arguments the specification restricts further than their width. */
static bool simple_arg_ok(enum ofpact_type t, uint64_t v)
{
	switch (t) {
	case OFPACT_SET_MPLS_LABEL:
		return v <= 0xfffff;
	case OFPACT_SET_MPLS_TC:
		return v <= 7;
	case OFPACT_PUSH_VLAN:
		return v == 0x8100 || v == 0x88a8;
	case OFPACT_PUSH_MPLS:
		return v == 0x8847 || v == 0x8848;
	default:
		return true;
	}
}

/* Decoder for rows whose payload is just their argument (or nothing). */
enum ofperr ofpact_decode_simple(const struct ofpact_raw *r,
				 const struct ofpact_in *in,
				 struct bytebuf *out)
{
	struct ofpact *a;

	if (!simple_arg_ok(r->type, in->arg))
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	a = ofpact_put(out, r->type, ofpact_kinds[r->type].size);
	if (r->type == OFPACT_SET_TUNNEL) {
		((struct ofpact_tunnel *) a)->tun_id = in->arg;
		((struct ofpact_tunnel *) a)->wide = r->arg_bytes == 8;
	}
	simple_set(a, in->arg);
	return 0;
}

/* The simple row of the action's type that 'v' has, the standard one
 * rather than the extension where both exist. */
enum ofperr ofpact_encode_simple(const struct ofpact *a, enum ofp_version v,
				 struct bytebuf *out)
{
	int best = -1;
	size_t i;

	for (i = 0; i < RAW_N; i++) {
		const struct ofpact_raw *r = &ofpact_raws[i];
		if (r->type == a->type && r->decode == ofpact_decode_simple
		    && v >= r->min_version && v <= r->max_version
		    && (best < 0 || r->vendor == OFPACT_OF))
			best = (int) i;
	}
	if (best < 0)
		return OFPERR_OFPBAC_BAD_TYPE;
	ofpact_put_raw(out, (enum ofpact_raw_id) best, simple_get(a), 0);
	return 0;
}

/* Instructions have no action form. */
enum ofperr ofpact_encode_no_action(const struct ofpact *a,
				    enum ofp_version v, struct bytebuf *out)
{
	return OFPERR_OFPBAC_BAD_TYPE;
}

/* ---- Encoding. ---- */

enum ofperr ofpacts_encode_actions(const void *acts, size_t len,
				   enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact *a;
	size_t start = out->size;

	OFPACT_FOR_EACH (a, acts, len) {
		enum ofperr error = OFPACT_IS_INSTRUCTION(a->type)
			? OFPERR_OFPBAC_BAD_TYPE
			: ofpact_kinds[a->type].encode(a, v, out);
		if (error) {
			bytebuf_truncate(out, start);
			return error;
		}
	}
	return 0;
}

/* ---- Text. ---- */

char *ofpact_error(const char *fmt, ...)
{
	va_list args;
	char *s;
	int n;

	va_start(args, fmt);
	n = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	s = xcalloc(1, (size_t) n + 1);
	va_start(args, fmt);
	vsnprintf(s, (size_t) n + 1, fmt, args);
	va_end(args);
	return s;
}

char *ofpact_parse_uint(const char *name, const char *s, uint64_t max,
			uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (!*s || *s == '-' || isspace((unsigned char) *s))
		goto bad;
	v = strtoull(s, &end, 0);
	if (errno || *end)
		goto bad;
	if (v > max)
		return ofpact_error("%s: value %s out of range (maximum %llu)",
				    name, s, (unsigned long long) max);
	*out = v;
	return NULL;
bad:
	return ofpact_error("%s: invalid numeric value \"%s\"", name, s);
}

static const struct ofpact_kind *kind_by_name(const char *name,
					      enum ofpact_type *type);

char *ofpact_parse_void(enum ofpact_type t, const char *name, const char *arg,
			struct bytebuf *out)
{
	if (*arg)
		return ofpact_error("%s: takes no argument", name);
	ofpact_put(out, t, ofpact_kinds[t].size);
	return NULL;
}

char *ofpact_parse_int(enum ofpact_type t, const char *name, const char *arg,
		       uint64_t max, struct bytebuf *out)
{
	uint64_t v;
	char *error = ofpact_parse_uint(name, arg, max, &v);

	if (error)
		return error;
	if (!simple_arg_ok(t, v))
		return ofpact_error("%s: invalid value %s", name, arg);
	simple_set(ofpact_put(out, t, ofpact_kinds[t].size), v);
	return NULL;
}

/* "group:N" and the other actions of one 32-bit argument. */
char *ofpact_parse_u32(const char *name, char *arg, struct bytebuf *out)
{
	enum ofpact_type t;

	kind_by_name(name, &t);
	return ofpact_parse_int(t, name, arg, UINT32_MAX, out);
}

char *ofpact_parse_void_named(const char *name, char *arg,
			      struct bytebuf *out)
{
	enum ofpact_type t;

	kind_by_name(name, &t);
	return ofpact_parse_void(t, name, arg, out);
}

void ofpact_format_void(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "%s", ofpact_kinds[a->type].name);
}

static const struct ofpact_kind *kind_by_name(const char *name,
					      enum ofpact_type *type)
{
	int t;

	for (t = 0; t < OFPACT_N_TYPES; t++) {
		const struct ofpact_kind *k = &ofpact_kinds[t];
		if (!strcasecmp(name, k->name)
		    || (k->alias && !strcasecmp(name, k->alias))) {
			*type = (enum ofpact_type) t;
			return k;
		}
	}
	return NULL;
}

/* Splits off the next "name[:arg]" or "name(arg)" item of a comma list,
 * respecting parentheses.  Returns false at the end. */
bool ofpact_next_item(char **pos, char **name, char **arg, char **error)
{
	char *s = *pos, *p;
	int depth = 0;

	*error = NULL;
	while (*s == ',' || isspace((unsigned char) *s))
		s++;
	if (!*s)
		return false;
	*name = s;
	p = s + strcspn(s, ":(,= \t");
	*arg = NULL;
	if (*p == '(') {
		*p++ = '\0';
		*arg = p;
		for (depth = 1; *p && depth; p++) {
			if (*p == '(')
				depth++;
			else if (*p == ')')
				depth--;
		}
		if (depth) {
			*error = ofpact_error("%s: unbalanced parentheses",
					      *name);
			return false;
		}
		/* "check_pkt_larger(N)->DST": the argument runs on. */
		if (p[0] == '-' && p[1] == '>')
			p += strcspn(p, ",");
		else
			p[-1] = '\0';
	} else if (*p == ':' || *p == '=') {
		*p++ = '\0';
		*arg = p;
		for (; *p && (depth || *p != ','); p++) {
			if (*p == '(')
				depth++;
			else if (*p == ')' && depth)
				depth--;
		}
	} else if (*p && *p != ',') {
		char *q = p + strspn(p, " \t");
		if (*q && *q != ',') {
			*error = ofpact_error("%s: unexpected text \"%s\"",
					      *name, q);
			return false;
		}
		*p = '\0';
		p = q;
	}
	if (*p == ',')
		*p++ = '\0';
	*pos = p;
	return true;
}

static char *parse_item(char *name, char *arg, struct bytebuf *out,
			bool allow_inst)
{
	enum ofpact_type type;
	const struct ofpact_kind *k;
	uint32_t port;

	k = kind_by_name(name, &type);
	if (k && (allow_inst || !OFPACT_IS_INSTRUCTION(type)))
		return k->parse(name, arg ? arg : (char *) "", out);
	if (k)
		return ofpact_error("%s: instruction not allowed here", name);
	if (ofpact_is_legacy_name(name))
		return ofpact_parse_set_field(name, arg ? arg : "", out);
	if (!arg && ofpact_parse_port(name, &port)) {
		/* A bare port number or name, or CONTROLLER[:max_len]. */
		return ofpact_parse_output("output", name, out);
	}
	if (!strcasecmp(name, "CONTROLLER"))
		return ofpact_parse_controller(name, arg ? arg : "", out);
	if (!strcasecmp(name, "apply_actions"))
		return ofpacts_parse_list(arg ? arg : "", out, false);
	return ofpact_error("unknown action %s", name);
}

char *ofpacts_parse_list(char *text, struct bytebuf *out, bool allow_inst)
{
	size_t start = out->size;
	char *name, *arg, *error, *pos = text;
	bool seen_drop = false, any = false;

	while (ofpact_next_item(&pos, &name, &arg, &error)) {
		if (!strcasecmp(name, "drop") && !arg) {
			seen_drop = true;
			continue;
		}
		error = parse_item(name, arg, out, allow_inst);
		if (error)
			break;
		any = true;
	}
	if (!error && seen_drop && any)
		error = ofpact_error("\"drop\" must not be accompanied by any "
				     "other action or instruction");
	if (error)
		bytebuf_truncate(out, start);
	return error;
}

/* Instructions must come in execution order, each at most once. */
static char *check_inst_order(const void *acts, size_t len)
{
	const struct ofpact *a;
	int last = -1;

	OFPACT_FOR_EACH (a, acts, len) {
		if (!OFPACT_IS_INSTRUCTION(a->type))
			continue;
		if ((int) a->type == last)
			return ofpact_error("instruction %s may be specified "
					    "only once",
					    ofpact_type_name(a->type));
		if ((int) a->type < last)
			return ofpact_error("instruction %s must be specified "
					    "before %s",
					    ofpact_type_name(a->type),
					    ofpact_type_name(last));
		last = a->type;
	}
	return NULL;
}

/* Orders 'acts' as the internal form wants: meter first, then the apply
 * actions, then the other instructions in execution order. */
static void sort_instructions(struct bytebuf *b, size_t start)
{
	size_t len = b->size - start, t;
	const struct ofpact *a;
	uint8_t *copy, *dst;

	if (!len)
		return;
	copy = xcalloc(1, len);
	dst = b->data + start;
	memcpy(copy, b->data + start, len);
	for (t = 0; t <= OFPACT_N_TYPES; t++) {
		OFPACT_FOR_EACH (a, (const struct ofpact *) copy, len) {
			size_t key = a->type == OFPACT_METER ? 0
				: !OFPACT_IS_INSTRUCTION(a->type) ? 1
				: (size_t) a->type + 1;
			if (key != t)
				continue;
			memcpy(dst, a, a->len);
			dst += a->len;
		}
	}
	free(copy);
}

/* Apply actions must not follow other instructions. */
static char *check_apply_first(const void *acts, size_t len)
{
	const struct ofpact *a;
	bool inst = false;

	OFPACT_FOR_EACH (a, acts, len) {
		if (OFPACT_IS_INSTRUCTION(a->type) && a->type != OFPACT_METER)
			inst = true;
		else if (inst && a->type != OFPACT_METER)
			return ofpact_error("%s must be specified before "
					    "other instructions",
					    ofpact_type_name(a->type));
	}
	return NULL;
}

char *ofpacts_parse(const char *text, struct bytebuf *out)
{
	size_t start = out->size;
	char *copy = xstrdup(text);
	char *error = ofpacts_parse_list(copy, out, true);
	const void *acts = out->size > start ? out->data + start : NULL;

	free(copy);
	if (!error)
		error = check_inst_order(acts, out->size - start);
	if (!error)
		error = check_apply_first(acts, out->size - start);
	if (error)
		bytebuf_truncate(out, start);
	else
		sort_instructions(out, start);
	return error;
}

void ofpacts_format(struct odp_text *s, const void *acts, size_t len)
{
	const struct ofpact *a;

	if (!len) {
		odp_text_printf(s, "drop");
		return;
	}
	OFPACT_FOR_EACH (a, acts, len) {
		if (a != acts)
			odp_text_printf(s, ",");
		ofpact_kinds[a->type].format(a, s);
	}
}

char *ofpacts_to_string(const void *acts, size_t len)
{
	struct odp_text s = ODP_TEXT_INIT;
	char *r;

	ofpacts_format(&s, acts, len);
	r = xstrdup(odp_text_cstr(&s));
	odp_text_free(&s);
	return r;
}

/* ---- Actions that nest a list: write_actions, clone. ---- */

enum ofperr ofpact_put_nest(struct bytebuf *out, enum ofpact_type type,
			    const struct bytebuf *acts)
{
	size_t len = sizeof(struct ofpact_nest) + acts->size;
	struct ofpact *a;

	if (len > UINT16_MAX - OFPACT_ALIGN)
		return OFPERR_OFPBAC_BAD_LEN;
	a = ofpact_put(out, type, len);
	if (acts->size)
		memcpy((uint8_t *) a + sizeof(struct ofpact_nest), acts->data,
		       acts->size);
	return 0;
}

void ofpact_format_nested(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "%s(", ofpact_kinds[a->type].name);
	ofpacts_format(s, ofpact_nest_actions(a), ofpact_nest_len(a));
	odp_text_printf(s, ")");
}

char *ofpact_parse_nested(const char *name, char *arg, struct bytebuf *out)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	char *error = ofpacts_parse_list(arg, &acts, false);
	enum ofpact_type t;

	kind_by_name(name, &t);
	if (!error && ofpact_put_nest(out, t, &acts))
		error = ofpact_error("%s: too many actions", name);
	bytebuf_uninit(&acts);
	return error;
}

/* The nested actions run on a copy of the flow state. */
enum ofperr ofpact_check_nested(struct ofpact *a,
				struct ofpact_check_ctx *ctx)
{
	struct ofpact_check_ctx copy = *ctx;

	return ofpacts_check_list((void *) ofpact_nest_actions(a),
				  ofpact_nest_len(a), &copy);
}

/* ---- Checking. ---- */

enum ofperr ofpacts_check_list(void *acts, size_t len,
			       struct ofpact_check_ctx *ctx)
{
	struct ofpact *a;

	OFPACT_FOR_EACH (a, acts, len) {
		ofpact_check_fn *check = ofpact_kinds[a->type].check;
		enum ofperr error = check ? check(a, ctx) : 0;
		if (error)
			return error;
	}
	return 0;
}

enum ofperr ofpacts_check(void *acts, size_t len,
			  const struct of_match *match, uint32_t max_ports,
			  uint8_t table_id, uint8_t n_tables)
{
	struct ofpact_check_ctx ctx;

	ctx.match = *match;
	ctx.max_ports = max_ports;
	ctx.table_id = table_id;
	ctx.n_tables = n_tables;
	return ofpacts_check_list(acts, len, &ctx);
}

bool ofpacts_equal(const void *a, size_t a_len, const void *b, size_t b_len)
{
	return a_len == b_len && (!a_len || !memcmp(a, b, a_len));
}
