/* OpenFlow 1.1+ instructions (apply_actions, write_actions, clear_actions,
 * write_metadata, goto_table, meter) and OpenFlow 1.5's meter action.
 * Inside Weir they are ofpacts that follow the apply actions. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odp-key-text.h"
#include "ofp-actions-private.h"
#include "ofp-port.h"

/* Instruction types on the wire. */
enum {
	OFPIT_GOTO_TABLE = 1, OFPIT_WRITE_METADATA = 2,
	OFPIT_WRITE_ACTIONS = 3, OFPIT_APPLY_ACTIONS = 4,
	OFPIT_CLEAR_ACTIONS = 5, OFPIT_METER = 6,
	OFPIT_EXPERIMENTER = 0xffff,
};

#define OFPIT_N 7

/* ---- Decoding. ---- */

static void put_metadata(struct bytebuf *out, uint64_t md, uint64_t mask)
{
	struct ofpact_metadata *m = (struct ofpact_metadata *)
		ofpact_put(out, OFPACT_WRITE_METADATA, sizeof *m);

	m->metadata = md & mask;
	m->mask = mask;
}

/* Decodes the body of one instruction into 'slot'. */
static enum ofperr decode_inst(uint16_t type, const uint8_t *p, size_t len,
			       enum ofp_version v, struct bytebuf *slot)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	enum ofperr error = 0;

	switch (type) {
	case OFPIT_GOTO_TABLE:
		if (len != 8)
			return OFPERR_OFPBIC_BAD_LEN;
		if (!bytecur_is_zero(p + 5, 3))
			return OFPERR_OFPBIC_BAD_LEN;
		((struct ofpact_u8 *) ofpact_put(slot, OFPACT_GOTO_TABLE,
			sizeof(struct ofpact_u8)))->value = p[4];
		return 0;
	case OFPIT_WRITE_METADATA:
		if (len != 24 || !bytecur_is_zero(p + 4, 4))
			return OFPERR_OFPBIC_BAD_LEN;
		put_metadata(slot, ofpact_be64(p + 8), ofpact_be64(p + 16));
		return 0;
	case OFPIT_CLEAR_ACTIONS:
		if (len != 8 || !bytecur_is_zero(p + 4, 4))
			return OFPERR_OFPBIC_BAD_LEN;
		ofpact_put(slot, OFPACT_CLEAR_ACTIONS, sizeof(struct ofpact));
		return 0;
	case OFPIT_METER:
		if (len != 8)
			return OFPERR_OFPBIC_BAD_LEN;
		((struct ofpact_u32 *) ofpact_put(slot, OFPACT_METER,
			sizeof(struct ofpact_u32)))->value = ofpact_be32(p + 4);
		return 0;
	case OFPIT_WRITE_ACTIONS:
	case OFPIT_APPLY_ACTIONS:
		if (!bytecur_is_zero(p + 4, 4))
			return OFPERR_OFPBIC_BAD_LEN;
		error = ofpacts_decode_actions(p + 8, len - 8, v, &acts);
		if (!error && type == OFPIT_WRITE_ACTIONS)
			error = ofpact_put_nest(slot, OFPACT_WRITE_ACTIONS, &acts);
		else if (!error && acts.size)
			bytebuf_put(slot, acts.data, acts.size);
		bytebuf_uninit(&acts);
		return error;
	default:
		return OFPERR_OFPBIC_UNKNOWN_INST;
	}
}

/* Instructions that are ofpacts of another type inside an action list
 * (OF1.5's meter action, Nicira write_metadata) move to their place. */
static enum ofperr hoist_instructions(struct bytebuf *slots, size_t apply)
{
	struct bytebuf keep = BYTEBUF_INITIALIZER;
	const struct ofpact *a;
	enum ofperr error = 0;

	OFPACT_FOR_EACH (a, (const struct ofpact *) slots[apply].data,
			 slots[apply].size) {
		struct bytebuf *dst = &keep;
		if (a->type == OFPACT_METER)
			dst = &slots[0];
		else if (a->type == OFPACT_WRITE_METADATA)
			dst = &slots[apply + 3];
		if (dst != &keep && dst->size)
			error = OFPERR_OFPBIC_DUP_INST;
		bytebuf_put(dst, a, a->len);
	}
	bytebuf_clear(&slots[apply]);
	if (keep.size)
		bytebuf_put(&slots[apply], keep.data, keep.size);
	bytebuf_uninit(&keep);
	return error;
}

enum ofperr ofpacts_decode_instructions(const void *data, size_t n,
					enum ofp_version v,
					struct bytebuf *out)
{
	/* Slots in execution order: meter, apply, clear, write, metadata,
	 * goto. */
	static const int slot_of[OFPIT_N] = { -1, 5, 4, 3, 1, 2, 0 };
	struct bytebuf slots[6];
	struct bytecur c = bytecur_make(data, n);
	bool seen[OFPIT_N] = { false };
	enum ofperr error = 0;
	size_t i;

	for (i = 0; i < 6; i++)
		bytebuf_init(&slots[i]);
	if (v < OFP11_VERSION)
		error = OFPERR_OFPBIC_UNKNOWN_INST;
	while (!error && c.left) {
		uint16_t type, len;

		if (c.left < 8) {
			error = OFPERR_OFPBIC_BAD_LEN;
			break;
		}
		type = ofpact_be16(c.p);
		len = ofpact_be16(c.p + 2);
		if (len < 8 || len % 8 || len > c.left)
			error = OFPERR_OFPBIC_BAD_LEN;
		else if (type == OFPIT_EXPERIMENTER)
			error = OFPERR_OFPBIC_BAD_EXPERIMENTER;
		else if (type == 0 || type >= OFPIT_N
			 || (type == OFPIT_METER && v < OFP13_VERSION))
			error = OFPERR_OFPBIC_UNKNOWN_INST;
		else if (seen[type])
			error = OFPERR_OFPBIC_DUP_INST;
		else
			error = decode_inst(type, c.p, len, v,
					    &slots[slot_of[type]]);
		if (!error)
			seen[type] = true;
		bytecur_take(&c, len);
	}
	if (!error)
		error = hoist_instructions(slots, 1);
	for (i = 0; i < 6; i++) {
		if (!error && slots[i].size)
			bytebuf_put(out, slots[i].data, slots[i].size);
		bytebuf_uninit(&slots[i]);
	}
	return error;
}

/* ---- Encoding. ---- */

static size_t start_inst(struct bytebuf *out, uint16_t type)
{
	size_t ofs = out->size;

	bytebuf_put_be16(out, type);
	bytebuf_put_be16(out, 8);
	bytebuf_put_zeros(out, 4);
	return ofs;
}

static void finish_inst(struct bytebuf *out, size_t ofs)
{
	ofpact_put_be16_at(out, ofs + 2, (uint16_t) (out->size - ofs));
}

static enum ofperr encode_of10(const struct ofpact *a, struct bytebuf *out)
{
	switch (a->type) {
	case OFPACT_GOTO_TABLE: {
		size_t ofs = ofpact_put_raw(out, RAW_NX_RESUBMIT_TABLE, 0, 0);
		uint8_t *t = bytebuf_at(out, ofs + 12, 1);
		ofpact_put_be16_at(out, ofs + 10, OFPP_IN_PORT);
		*t = ((const struct ofpact_u8 *) a)->value;
		return 0;
	}
	case OFPACT_WRITE_METADATA:
		return ofpact_kinds[a->type].encode(a, OFP10_VERSION, out);
	default:
		return OFPERR_OFPBIC_UNSUP_INST;
	}
}

static enum ofperr encode_one_inst(const struct ofpact *a, enum ofp_version v,
				   struct bytebuf *out)
{
	size_t ofs;

	if (v == OFP10_VERSION)
		return encode_of10(a, out);
	switch (a->type) {
	case OFPACT_METER:
		if (v < OFP13_VERSION)
			return OFPERR_OFPBIC_UNSUP_INST;
		ofs = start_inst(out, OFPIT_METER);
		ofpact_put_be32_at(out, ofs + 4,
				   ((const struct ofpact_u32 *) a)->value);
		return 0;
	case OFPACT_CLEAR_ACTIONS:
		start_inst(out, OFPIT_CLEAR_ACTIONS);
		return 0;
	case OFPACT_WRITE_ACTIONS: {
		enum ofperr error;
		ofs = start_inst(out, OFPIT_WRITE_ACTIONS);
		error = ofpacts_encode_actions(ofpact_nest_actions(a),
					       ofpact_nest_len(a), v, out);
		finish_inst(out, ofs);
		return error;
	}
	case OFPACT_WRITE_METADATA: {
		const struct ofpact_metadata *m = (const void *) a;
		ofs = start_inst(out, OFPIT_WRITE_METADATA);
		bytebuf_put_be64(out, m->metadata);
		bytebuf_put_be64(out, m->mask);
		finish_inst(out, ofs);
		return 0;
	}
	case OFPACT_GOTO_TABLE: {
		uint8_t *t;
		ofs = start_inst(out, OFPIT_GOTO_TABLE);
		t = bytebuf_at(out, ofs + 4, 1);
		*t = ((const struct ofpact_u8 *) a)->value;
		return 0;
	}
	default:
		return OFPERR_OFPBIC_UNSUP_INST;
	}
}

/* The apply actions, with OF1.5's meter action in front. */
static enum ofperr encode_apply(const void *acts, size_t len,
				enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact *a, *meter = NULL;
	bool any = false;
	size_t ofs;
	enum ofperr error = 0;

	OFPACT_FOR_EACH (a, acts, len) {
		if (!OFPACT_IS_INSTRUCTION(a->type))
			any = true;
		else if (a->type == OFPACT_METER && v >= OFP15_VERSION)
			meter = a;
	}
	if (!any && !meter)
		return 0;
	ofs = start_inst(out, OFPIT_APPLY_ACTIONS);
	if (meter)
		ofpact_put_raw(out, RAW15_METER,
			       ((const struct ofpact_u32 *) meter)->value, 0);
	OFPACT_FOR_EACH (a, acts, len) {
		if (!error && !OFPACT_IS_INSTRUCTION(a->type))
			error = ofpact_kinds[a->type].encode(a, v, out);
	}
	finish_inst(out, ofs);
	return error;
}

enum ofperr ofpacts_encode_instructions(const void *acts, size_t len,
					enum ofp_version v,
					struct bytebuf *out)
{
	const struct ofpact *a;
	size_t start = out->size;
	enum ofperr error = 0;

	if (v == OFP10_VERSION) {
		OFPACT_FOR_EACH (a, acts, len) {
			error = OFPACT_IS_INSTRUCTION(a->type)
				? encode_of10(a, out)
				: ofpact_kinds[a->type].encode(a, v, out);
			if (error)
				break;
		}
	} else {
		OFPACT_FOR_EACH (a, acts, len) {
			if (a->type == OFPACT_METER && v < OFP15_VERSION)
				error = encode_one_inst(a, v, out);
			if (error)
				break;
		}
		if (!error)
			error = encode_apply(acts, len, v, out);
		OFPACT_FOR_EACH (a, acts, len) {
			if (error)
				break;
			if (OFPACT_IS_INSTRUCTION(a->type)
			    && a->type != OFPACT_METER)
				error = encode_one_inst(a, v, out);
		}
	}
	if (error)
		bytebuf_truncate(out, start);
	return error;
}

/* Instructions inside an action list have no action form but these. */
enum ofperr ofpact_encode_meter(const struct ofpact *a, enum ofp_version v,
				struct bytebuf *out)
{
	if (v < OFP15_VERSION)
		return OFPERR_OFPBAC_BAD_TYPE;
	ofpact_put_raw(out, RAW15_METER, ((const struct ofpact_u32 *) a)->value,
		       0);
	return 0;
}

enum ofperr ofpact_encode_write_metadata(const struct ofpact *a,
					 enum ofp_version v,
					 struct bytebuf *out)
{
	const struct ofpact_metadata *m = (const void *) a;
	size_t ofs;

	if (v != OFP10_VERSION)
		return OFPERR_OFPBAC_BAD_TYPE;
	ofs = ofpact_put_raw(out, RAW_NX_WRITE_METADATA, 0, 0);
	ofpact_put_be64_at(out, ofs + 16, m->metadata);
	ofpact_put_be64_at(out, ofs + 24, m->mask);
	return 0;
}

enum ofperr ofpact_decode_write_metadata(const struct ofpact_raw *r,
					 const struct ofpact_in *in,
					 struct bytebuf *out)
{
	(void) r;
	if (!bytecur_is_zero(in->p + 10, 6))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	put_metadata(out, ofpact_be64(in->p + 16), ofpact_be64(in->p + 24));
	return 0;
}

/* ---- Text. ---- */

void ofpact_format_meter(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "meter:%u", ((const struct ofpact_u32 *) a)->value);
}

void ofpact_format_write_metadata(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_metadata *m = (const void *) a;

	odp_text_printf(s, "write_metadata:%#llx",
			(unsigned long long) m->metadata);
	if (m->mask != UINT64_MAX)
		odp_text_printf(s, "/%#llx", (unsigned long long) m->mask);
}

char *ofpact_parse_write_metadata(const char *name, char *arg,
				  struct bytebuf *out)
{
	char *slash = strchr(arg, '/');
	uint64_t md, mask = UINT64_MAX;
	char *error;

	if (slash)
		*slash = '\0';
	error = ofpact_parse_uint(name, arg, UINT64_MAX, &md);
	if (!error && slash)
		error = ofpact_parse_uint(name, slash + 1, UINT64_MAX, &mask);
	if (!error)
		put_metadata(out, md, mask);
	return error;
}

void ofpact_format_goto_table(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "goto_table:%u",
			((const struct ofpact_u8 *) a)->value);
}

char *ofpact_parse_goto_table(const char *name, char *arg,
			      struct bytebuf *out)
{
	return ofpact_parse_int(OFPACT_GOTO_TABLE, name, arg, 254, out);
}

/* ---- Checking. ---- */

enum ofperr ofpact_check_goto_table(struct ofpact *a,
				    struct ofpact_check_ctx *ctx)
{
	uint8_t t = ((const struct ofpact_u8 *) a)->value;

	return t <= ctx->table_id || t >= ctx->n_tables
		? OFPERR_OFPBIC_BAD_TABLE_ID : 0;
}
