/* Inside the action codec: the wire-form table, the per-type table, and the
 * helpers the family files (ofp-act-*.c, ofp-instructions.c) share. */
#ifndef OFP_ACTIONS_PRIVATE_H
#define OFP_ACTIONS_PRIVATE_H 1

#include <stdlib.h>

#include "ofp-actions.h"

/* Who defines a wire form. */
enum ofpact_vendor {
	OFPACT_OF,	/* OpenFlow standard action type */
	OFPACT_NX,	/* Nicira extension (experimenter 0x2320), subtype */
};

/* Header bytes before the payload: type+len, or type+len+vendor+subtype. */
#define OFPACT_OF_HDR 4
#define OFPACT_NX_HDR 10

/* One received action, after the engine checked its length, padding and
 * version: 'arg' holds the row's simple argument, 'p' the whole action. */
struct ofpact_in {
	const uint8_t *p;
	size_t len;
	uint64_t arg;
	enum ofp_version version;
};

struct ofpact_raw;
typedef enum ofperr ofpact_decode_fn(const struct ofpact_raw *,
				     const struct ofpact_in *,
				     struct bytebuf *out);

/* The wire forms.  'len' is the exact length, or the minimum when
 * 'variable' (then a multiple of 8 is required).  A nonzero 'arg_bytes'
 * means an integer right after the header, aligned to its size; every byte
 * of a fixed-length form that no field covers must be zero. */
enum ofpact_raw_id {
	RAW10_OUTPUT, RAW11_OUTPUT, RAW10_ENQUEUE, RAW_NX_CONTROLLER,
	RAW_NX_OUTPUT_REG, RAW_NX_SET_QUEUE, RAW11_SET_QUEUE, RAW_NX_POP_QUEUE,
	RAW_NX_GROUP, RAW11_GROUP, RAW_NX_RESUBMIT, RAW_NX_RESUBMIT_TABLE,
	RAW_NX_RESUBMIT_TABLE_CT,
	RAW12_SET_FIELD, RAW15_SET_FIELD, RAW_NX_REG_LOAD, RAW_NX_REG_MOVE,
	RAW15_COPY_FIELD,
	RAW10_SET_DL_SRC, RAW10_SET_DL_DST, RAW10_SET_NW_SRC, RAW10_SET_NW_DST,
	RAW10_SET_NW_TOS, RAW10_SET_TP_SRC, RAW10_SET_TP_DST,
	RAW11_SET_DL_SRC, RAW11_SET_DL_DST, RAW11_SET_NW_SRC, RAW11_SET_NW_DST,
	RAW11_SET_NW_TOS, RAW11_SET_NW_ECN, RAW11_SET_TP_SRC, RAW11_SET_TP_DST,
	RAW10_SET_VLAN_VID, RAW10_SET_VLAN_PCP, RAW11_SET_VLAN_VID,
	RAW11_SET_VLAN_PCP, RAW10_STRIP_VLAN, RAW11_POP_VLAN, RAW11_PUSH_VLAN,
	RAW_NX_PUSH_MPLS, RAW11_PUSH_MPLS, RAW_NX_POP_MPLS, RAW11_POP_MPLS,
	RAW_NX_SET_MPLS_LABEL, RAW11_SET_MPLS_LABEL, RAW_NX_SET_MPLS_TC,
	RAW11_SET_MPLS_TC, RAW_NX_SET_MPLS_TTL, RAW11_SET_MPLS_TTL,
	RAW_NX_DEC_MPLS_TTL, RAW11_DEC_MPLS_TTL, RAW11_SET_NW_TTL,
	RAW_NX_DEC_TTL, RAW11_DEC_NW_TTL, RAW_NX_DEC_TTL_CNT_IDS,
	RAW_NX_SET_TUNNEL, RAW_NX_SET_TUNNEL64,
	RAW_NX_NOTE, RAW_NX_EXIT, RAW_NX_CT_CLEAR, RAW_NX_WRITE_METADATA,
	RAW15_METER, RAW_NX_CT, RAW_NX_NAT, RAW_NX_CONJUNCTION,
	RAW_NX_FIN_TIMEOUT, RAW_NX_STACK_PUSH, RAW_NX_STACK_POP,
	RAW_NX_SAMPLE, RAW_NX_CLONE, RAW_NX_OUTPUT_TRUNC, RAW_NX_LEARN,
	RAW_NX_CONTROLLER2, RAW_NX_CHECK_PKT_LARGER, RAW_NX_MULTIPATH,
	RAW_NX_BUNDLE, RAW_NX_BUNDLE_LOAD,
	RAW_N
};

struct ofpact_raw {
	enum ofpact_type type;
	uint8_t vendor;		/* enum ofpact_vendor */
	uint16_t code;		/* OF action type or NX subtype */
	uint8_t min_version, max_version;
	uint16_t len;
	bool variable;
	uint8_t arg_bytes;	/* 0, 1, 2, 4 or 8 */
	ofpact_decode_fn *decode;
};

extern const struct ofpact_raw ofpact_raws[RAW_N];

/* Per-type behaviour. */
typedef enum ofperr ofpact_encode_fn(const struct ofpact *, enum ofp_version,
				     struct bytebuf *);
typedef void ofpact_format_fn(const struct ofpact *, struct odp_text *);
typedef char *ofpact_parse_fn(const char *name, char *arg,
			      struct bytebuf *out);

/* Flow state that checking tracks as the actions run: the match with what
 * pushes and pops did to it. */
struct ofpact_check_ctx {
	struct of_match match;
	uint32_t max_ports;
	uint8_t table_id;
	uint8_t n_tables;
};
/* Checking may note what it learnt in the action (mod_vlan_vid records
 * whether the flow already has a tag, which decides its 1.1+ form). */
typedef enum ofperr ofpact_check_fn(struct ofpact *,
				    struct ofpact_check_ctx *);

/* Where an action with one integer argument keeps it. */
enum ofpact_arg {
	OFPACT_ARG_NONE,
	OFPACT_ARG_U8,		/* struct ofpact_u8 */
	OFPACT_ARG_U16,		/* struct ofpact_ethertype */
	OFPACT_ARG_U32,		/* struct ofpact_u32 */
};

struct ofpact_kind {
	const char *name;	/* as ovs-ofctl prints and parses it */
	const char *alias;	/* another name the parser takes, or NULL */
	uint16_t size;		/* payload struct size (variable: minimum) */
	uint8_t arg;		/* enum ofpact_arg */
	ofpact_encode_fn *encode;
	ofpact_format_fn *format;
	ofpact_parse_fn *parse;
	ofpact_check_fn *check;	/* NULL: nothing to check */
};

extern const struct ofpact_kind ofpact_kinds[OFPACT_N_TYPES];

/* Encoding: appends the header of 'raw' (length = row length, or 'len' if
 * larger) with 'arg', zero-filled; returns the offset of the action. */
size_t ofpact_put_raw(struct bytebuf *, enum ofpact_raw_id, uint64_t arg,
		      size_t len);
/* Fixes up the length of a variable action started at 'ofs', padding it
 * to 8 bytes. */
void ofpact_finish_raw(struct bytebuf *, size_t ofs);
/* The first row of 'ids' that exists in 'version', or -1. */
int ofpact_raw_for(enum ofp_version, const enum ofpact_raw_id *ids, size_t n);

/* Decoding helpers. */
static inline uint16_t ofpact_be16(const uint8_t *p)
{
	return (uint16_t) (p[0] << 8 | p[1]);
}

static inline uint32_t ofpact_be32(const uint8_t *p)
{
	return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16
		| (uint32_t) p[2] << 8 | p[3];
}

static inline uint64_t ofpact_be64(const uint8_t *p)
{
	return (uint64_t) ofpact_be32(p) << 32 | ofpact_be32(p + 4);
}

static inline void ofpact_put_be16_at(struct bytebuf *b, size_t ofs,
				      uint16_t v)
{
	uint8_t *p = bytebuf_at(b, ofs, 2);
	p[0] = (uint8_t) (v >> 8);
	p[1] = (uint8_t) v;
}

static inline void ofpact_put_be32_at(struct bytebuf *b, size_t ofs,
				      uint32_t v)
{
	ofpact_put_be16_at(b, ofs, (uint16_t) (v >> 16));
	ofpact_put_be16_at(b, ofs + 2, (uint16_t) v);
}

static inline void ofpact_put_be64_at(struct bytebuf *b, size_t ofs,
				      uint64_t v)
{
	ofpact_put_be32_at(b, ofs, (uint32_t) (v >> 32));
	ofpact_put_be32_at(b, ofs + 4, (uint32_t) v);
}

/* Port numbers. */
enum ofperr ofpact_port_check(uint32_t port, uint32_t max_ports);
void ofpact_format_port(struct odp_text *, uint32_t port);
bool ofpact_parse_port(const char *, uint32_t *port);

/* Subfields ("NXM_NX_REG0[0..15]", "reg0", "NXM_OF_ETH_DST[]"). */

/* Member by member, so that the (zeroed) padding of a payload stays zero:
 * ofpacts compare bytewise. */
static inline void mf_subfield_copy(struct mf_subfield *dst,
				    const struct mf_subfield *src)
{
	dst->field = src->field;
	dst->ofs = src->ofs;
	dst->n_bits = src->n_bits;
}
char *mf_subfield_parse(const char **s, struct mf_subfield *);
void mf_subfield_format(struct odp_text *, const struct mf_subfield *);
const char *mf_nxm_name(const struct mf_field *);
unsigned mf_subfield_width(const struct mf_field *);
/* NXM header (32 bits: class, field << 1 | hasmask, length) of a field. */
uint32_t mf_nxm_header32(const struct mf_field *);
uint32_t mf_header32_for(const struct mf_field *, enum ofp_version);
/* mod_dl_src and the other OpenFlow 1.0 set_* spellings of set_field. */
bool ofpact_is_legacy_name(const char *);
/* The field an NXM/OXM 32-bit header names, or NULL. */
const struct mf_field *mf_from_header32(uint32_t header, bool *hasmask);
/* OFPBAC_BAD_SET_LEN unless the subfield fits its field. */
enum ofperr mf_subfield_check(const struct mf_subfield *);
/* A received subfield: NXM 'header', 'ofs', 'n_bits'.  The errors are
 * ovs-vswitchd's: OFPBAC_BAD_SET_TYPE for an unknown (or masked) header,
 * OFPBAC_BAD_SET_LEN for bits outside the field, OFPBAC_BAD_SET_ARGUMENT
 * when 'writable' is required and the field is not. */
enum ofperr mf_subfield_decode(uint32_t header, unsigned ofs, unsigned n_bits,
			       bool writable, struct mf_subfield *);

/* Integer parsing: decimal or 0x hex, at most 'max'; NULL or the error. */
char *ofpact_parse_uint(const char *name, const char *s, uint64_t max,
			uint64_t *out);
/* Parsers of actions that take nothing, or one integer stored in the
 * ofpact_u8 or ofpact_u32 payload of 't'. */
char *ofpact_parse_void(enum ofpact_type t, const char *name, const char *arg,
			struct bytebuf *out);
char *ofpact_parse_int(enum ofpact_type t, const char *name, const char *arg,
		       uint64_t max, struct bytebuf *out);
char *ofpact_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* For trying one syntax before another: true if 'error' is NULL, which
 * it frees either way. */
static inline bool ofpact_ok(char *error)
{
	bool ok = !error;

	free(error);
	return ok;
}

/* Set-field helpers the other families use for their 1.2+ forms. */
void ofpact_put_set_field(struct bytebuf *, enum mf_field_id, uint64_t value,
			  uint8_t flavor);
enum ofperr ofpact_encode_set_field_raw(const struct ofpact_set_field *,
					enum ofp_version, struct bytebuf *);

/* Parsing of a nested action list (write_actions(...)). */
char *ofpacts_parse_list(char *text, struct bytebuf *out, bool allow_inst);
enum ofperr ofpacts_check_list(void *acts, size_t len,
			       struct ofpact_check_ctx *);

/* Actions that nest a list (write_actions, clone): appends one of 'type'
 * holding 'acts' (OFPBAC_BAD_LEN if too long), and the shared printer,
 * parser and checker. */
enum ofperr ofpact_put_nest(struct bytebuf *out, enum ofpact_type,
			    const struct bytebuf *acts);

/* Family entry points named in the tables. */
ofpact_encode_fn ofpact_encode_simple, ofpact_encode_no_action,
	ofpact_encode_output, ofpact_encode_controller, ofpact_encode_enqueue,
	ofpact_encode_output_reg, ofpact_encode_resubmit,
	ofpact_encode_set_field, ofpact_encode_reg_move,
	ofpact_encode_set_vlan_vid, ofpact_encode_set_vlan_pcp,
	ofpact_encode_strip_vlan, ofpact_encode_set_mpls_label,
	ofpact_encode_set_mpls_tc, ofpact_encode_set_ip_ttl,
	ofpact_encode_dec_ttl, ofpact_encode_set_tunnel, ofpact_encode_note,
	ofpact_encode_meter, ofpact_encode_write_metadata, ofpact_encode_ct,
	ofpact_encode_nat, ofpact_encode_conjunction,
	ofpact_encode_fin_timeout, ofpact_encode_stack, ofpact_encode_sample,
	ofpact_encode_clone, ofpact_encode_output_trunc, ofpact_encode_learn,
	ofpact_encode_check_pkt_larger, ofpact_encode_multipath,
	ofpact_encode_bundle;

ofpact_format_fn ofpact_format_void, ofpact_format_output,
	ofpact_format_controller, ofpact_format_enqueue,
	ofpact_format_output_reg, ofpact_format_group, ofpact_format_resubmit,
	ofpact_format_set_queue, ofpact_format_set_field,
	ofpact_format_reg_move, ofpact_format_set_vlan_vid,
	ofpact_format_set_vlan_pcp, ofpact_format_strip_vlan,
	ofpact_format_push_vlan, ofpact_format_push_mpls,
	ofpact_format_pop_mpls, ofpact_format_set_mpls_label,
	ofpact_format_set_mpls_tc, ofpact_format_set_mpls_ttl,
	ofpact_format_set_ip_ttl, ofpact_format_dec_ttl,
	ofpact_format_set_tunnel, ofpact_format_note, ofpact_format_meter,
	ofpact_format_nested, ofpact_format_write_metadata,
	ofpact_format_goto_table, ofpact_format_ct, ofpact_format_nat,
	ofpact_format_conjunction, ofpact_format_fin_timeout,
	ofpact_format_stack, ofpact_format_sample,
	ofpact_format_output_trunc, ofpact_format_learn,
	ofpact_format_check_pkt_larger, ofpact_format_multipath,
	ofpact_format_bundle;

ofpact_parse_fn ofpact_parse_void_named, ofpact_parse_u32,
	ofpact_parse_output, ofpact_parse_controller, ofpact_parse_enqueue,
	ofpact_parse_output_reg, ofpact_parse_resubmit,
	ofpact_parse_set_field, ofpact_parse_reg_move,
	ofpact_parse_set_vlan_vid, ofpact_parse_set_vlan_pcp,
	ofpact_parse_strip_vlan, ofpact_parse_push_vlan,
	ofpact_parse_push_mpls, ofpact_parse_pop_mpls,
	ofpact_parse_set_mpls_label, ofpact_parse_set_mpls_tc,
	ofpact_parse_set_mpls_ttl, ofpact_parse_set_ip_ttl,
	ofpact_parse_dec_ttl, ofpact_parse_set_tunnel, ofpact_parse_note,
	ofpact_parse_nested, ofpact_parse_write_metadata,
	ofpact_parse_goto_table, ofpact_parse_ct, ofpact_parse_nat,
	ofpact_parse_conjunction, ofpact_parse_fin_timeout,
	ofpact_parse_stack, ofpact_parse_sample,
	ofpact_parse_learn, ofpact_parse_check_pkt_larger,
	ofpact_parse_multipath, ofpact_parse_bundle;

ofpact_check_fn ofpact_check_output, ofpact_check_enqueue,
	ofpact_check_output_reg, ofpact_check_set_field,
	ofpact_check_reg_move, ofpact_check_vlan, ofpact_check_strip_vlan,
	ofpact_check_push_vlan, ofpact_check_push_mpls, ofpact_check_pop_mpls,
	ofpact_check_mpls, ofpact_check_ip, ofpact_check_nested,
	ofpact_check_goto_table, ofpact_check_resubmit, ofpact_check_ct,
	ofpact_check_stack, ofpact_check_output_trunc,
	ofpact_check_learn, ofpact_check_bundle;

ofpact_decode_fn ofpact_decode_output, ofpact_decode_enqueue,
	ofpact_decode_controller, ofpact_decode_output_reg,
	ofpact_decode_resubmit, ofpact_decode_simple, ofpact_decode_set_field,
	ofpact_decode_reg_load, ofpact_decode_reg_move,
	ofpact_decode_legacy_field, ofpact_decode_vlan, ofpact_decode_strip_vlan,
	ofpact_decode_dec_ttl_ids, ofpact_decode_note,
	ofpact_decode_write_metadata, ofpact_decode_ct, ofpact_decode_nat,
	ofpact_decode_conjunction, ofpact_decode_fin_timeout,
	ofpact_decode_stack, ofpact_decode_sample, ofpact_decode_clone,
	ofpact_decode_output_trunc, ofpact_decode_learn,
	ofpact_decode_controller2, ofpact_decode_check_pkt_larger,
	ofpact_decode_multipath, ofpact_decode_bundle;

/* Splits the next "name", "name:arg", "name=arg" or "name(arg)" off a
 * comma list in place; false at the end or on error ('*error' set). */
bool ofpact_next_item(char **pos, char **name, char **arg, char **error);

/* Decodes the actions nested in an action of type 'parent' (OFPACT_CT
 * allows nat, which is not allowed anywhere else). */
enum ofperr ofpacts_decode_nested(const void *, size_t, enum ofp_version,
				  enum ofpact_type parent,
				  struct bytebuf *out);

#endif
