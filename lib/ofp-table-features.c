/* TABLE_FEATURES request and reply entries, with their properties. */
#include "ofp-table-features.h"

#include <string.h>

#include "bytebuf.h"
#include "ofp-prop.h"
#include "ofp-prop-put.h"
#include "ofp-version.h"
#include "ofp-wire.h"

#define TF_LEN 64
#define OFPTT_ALL_TABLES 0xff
#define MAX_INSTRUCTION 6		/* OFPIT_METER; 1.5's STAT_TRIGGER is not taken. */
#define PROP_EXPERIMENTER 0xfffe

#define REQUIRED_PROPS (1u << OFPTFPT_INSTRUCTIONS |			\
			1u << OFPTFPT_NEXT_TABLES |			\
			1u << OFPTFPT_WRITE_ACTIONS |			\
			1u << OFPTFPT_APPLY_ACTIONS |			\
			1u << OFPTFPT_MATCH |				\
			1u << OFPTFPT_WILDCARDS |			\
			1u << OFPTFPT_WRITE_SETFIELD |			\
			1u << OFPTFPT_APPLY_SETFIELD)

void ofp_table_features_init(struct ofp_table_features *tf, uint8_t table_id)
{
	memset(tf, 0, sizeof *tf);
	tf->table_id = table_id;
}

/* Instruction and action ids: type(2) len(2) and, for experimenters,
 * more; packed without padding between them.  Types above 'max_type' are
 * 'unknown', or skipped when that is 0. */
static enum ofperr pull_ids(const uint8_t *p, size_t n, unsigned max_type,
			    uint64_t *bits, enum ofperr unknown)
{
	*bits = 0;
	while (n) {
		size_t len = n >= 4 ? ofp_get16(p + 2) : 0;
		uint16_t type = n >= 4 ? ofp_get16(p) : 0;

		if (len < 4 || len > n)
			return OFPERR_OFPBPC_BAD_LEN;
		if (type <= max_type)
			*bits |= (uint64_t)1 << type;
		else if (unknown)
			return unknown;
		p += len;
		n -= len;
	}
	return 0;
}

static enum ofperr pull_next(const uint8_t *p, size_t n, uint8_t next[32])
{
	memset(next, 0, 32);
	for (size_t i = 0; i < n; i++) {
		if (p[i] == OFPTT_ALL_TABLES)
			return OFPERR_OFPBPC_BAD_VALUE;
		next[p[i] / 8] |= 1u << p[i] % 8;
	}
	return 0;
}

/* OXM headers; masked ones only where 'masked' may take them.  Loose
 * decoding (for printing, as a controller reads) skips unknown fields. */
static enum ofperr pull_fields(const uint8_t *p, size_t n, uint8_t version,
			       bool loose, uint64_t *exact, uint64_t *masked)
{
	while (n) {
		if (n < 4)
			return OFPERR_OFPBPC_BAD_LEN;
		uint32_t hdr = ofp_get32(p);
		bool exp = hdr >> 16 == 0xffff;
		size_t len = exp ? 8 : 4;
		if (len > n)
			return OFPERR_OFPBPC_BAD_LEN;
		const struct mf_field *mf = mf_from_header(
			hdr >> 16, (hdr >> 9) & 0x7f, exp ? ofp_get32(p + 4) : 0,
			version);
		if (!mf && loose) {
			p += len;
			n -= len;
			continue;
		}
		if (!mf)
			return OFPERR_OFPBMC_BAD_FIELD;
		if (hdr & 0x100) {
			if (!masked)
				return OFPERR_OFPBMC_BAD_MASK;
			ofp_field_bit_set(masked, mf->id);
		}
		ofp_field_bit_set(exact, mf->id);
		p += len;
		n -= len;
	}
	return 0;
}

static enum ofperr pull_prop(uint8_t version, bool loose,
			     const struct ofp_prop *prop,
			     struct ofp_table_features *tf)
{
	const uint8_t *p = prop->data + 4;
	size_t n = prop->len - 4;
	bool miss = prop->type & 1;
	struct ofp_table_feature_set *set = miss ? &tf->miss : &tf->nonmiss;
	uint64_t insts;
	enum ofperr error;

	switch (prop->type) {
	case OFPTFPT_INSTRUCTIONS:
	case OFPTFPT_INSTRUCTIONS_MISS:
		error = pull_ids(p, n, MAX_INSTRUCTION, &insts,
				 loose ? 0 : OFPERR_OFPBIC_UNKNOWN_INST);
		set->instructions = insts;
		return error;
	case OFPTFPT_NEXT_TABLES:
	case OFPTFPT_NEXT_TABLES_MISS:
		return pull_next(p, n, set->next);
	case OFPTFPT_WRITE_ACTIONS:
	case OFPTFPT_WRITE_ACTIONS_MISS:
		return pull_ids(p, n, 31, &set->write_actions, 0);
	case OFPTFPT_APPLY_ACTIONS:
	case OFPTFPT_APPLY_ACTIONS_MISS:
		return pull_ids(p, n, 31, &set->apply_actions, 0);
	case OFPTFPT_MATCH:
		return pull_fields(p, n, version, loose, tf->match, tf->mask);
	case OFPTFPT_WILDCARDS:
		return pull_fields(p, n, version, loose, tf->wildcard, NULL);
	case OFPTFPT_WRITE_SETFIELD:
	case OFPTFPT_WRITE_SETFIELD_MISS:
		return pull_fields(p, n, version, loose,
				   set->write_setfield, NULL);
	case OFPTFPT_APPLY_SETFIELD:
	case OFPTFPT_APPLY_SETFIELD_MISS:
		return pull_fields(p, n, version, loose,
				   set->apply_setfield, NULL);
	default:
		return loose ? 0 : prop->experimenter
			? OFPERR_OFPBPC_BAD_EXPERIMENTER : OFPERR_OFPBPC_BAD_TYPE;
	}
}

static enum ofperr pull_props(uint8_t version, bool loose, const uint8_t *p,
			      size_t n, struct ofp_table_features *tf)
{
	struct bytecur c = bytecur_make(p, n);

	while (c.left) {
		struct ofp_prop prop;
		enum ofperr error = ofp_prop_pull(&c, PROP_EXPERIMENTER, &prop);

		if (error)
			return error;
		if (prop.type < 32) {
			if (tf->props_seen & 1u << prop.type)
				return OFPERR_OFPTFFC_BAD_FEATURES;
			tf->props_seen |= 1u << prop.type;
		}
		error = pull_prop(version, loose, &prop, tf);
		if (error)
			return error;
	}
	/* 1.3 and 1.4 require them all; 1.5 all or none. */
	if ((tf->props_seen & REQUIRED_PROPS) != REQUIRED_PROPS &&
	    (n || version < OFP15_VERSION))
		return OFPERR_OFPTFFC_BAD_FEATURES;
	return 0;
}

static void copy_missing_miss(struct ofp_table_features *tf)
{
	uint32_t seen = tf->props_seen;
	struct ofp_table_feature_set *m = &tf->miss, *nm = &tf->nonmiss;

	tf->miss_given = seen & (1u << OFPTFPT_INSTRUCTIONS_MISS |
				 1u << OFPTFPT_NEXT_TABLES_MISS |
				 1u << OFPTFPT_WRITE_ACTIONS_MISS |
				 1u << OFPTFPT_APPLY_ACTIONS_MISS |
				 1u << OFPTFPT_WRITE_SETFIELD_MISS |
				 1u << OFPTFPT_APPLY_SETFIELD_MISS);
	if (!(seen & 1u << OFPTFPT_INSTRUCTIONS_MISS))
		m->instructions = nm->instructions;
	if (!(seen & 1u << OFPTFPT_NEXT_TABLES_MISS))
		memcpy(m->next, nm->next, sizeof m->next);
	if (!(seen & 1u << OFPTFPT_WRITE_ACTIONS_MISS))
		m->write_actions = nm->write_actions;
	if (!(seen & 1u << OFPTFPT_APPLY_ACTIONS_MISS))
		m->apply_actions = nm->apply_actions;
	if (!(seen & 1u << OFPTFPT_WRITE_SETFIELD_MISS))
		memcpy(m->write_setfield, nm->write_setfield,
		       sizeof m->write_setfield);
	if (!(seen & 1u << OFPTFPT_APPLY_SETFIELD_MISS))
		memcpy(m->apply_setfield, nm->apply_setfield,
		       sizeof m->apply_setfield);
}

/* Maskable fields are matchable and may be wildcarded; only matchable
 * fields may be. */
static void fix_fields(struct ofp_table_features *tf)
{
	for (size_t i = 0; i < OFP_FIELD_BITMAP_WORDS; i++) {
		tf->match[i] |= tf->mask[i];
		tf->wildcard[i] |= tf->mask[i];
		tf->wildcard[i] &= tf->match[i];
	}
}

/* length(2) table_id(1) command(1, 1.5) pad(4) name(32) metadata_match(8)
 * metadata_write(8) capabilities(4) max_entries(4), then properties. */
static int pull_entry(uint8_t version, bool loose, struct bytecur *c,
		      struct ofp_table_features *tf)
{
	const uint8_t *p = c->p;

	ofp_table_features_init(tf, 0);
	if (!c->left)
		return -1;
	size_t len = c->left >= TF_LEN ? ofp_get16(p) : 0;
	if (len < TF_LEN || len % 8 || len > c->left)
		return OFPERR_OFPBPC_BAD_LEN;
	if (version >= OFP15_VERSION) {
		if (p[3] > OFPTFC_DISABLE)
			return OFPERR_OFPTFFC_BAD_COMMAND;
		tf->command = p[3];
	}
	tf->table_id = p[2];
	if (tf->table_id == OFPTT_ALL_TABLES)
		return OFPERR_OFPTFFC_BAD_TABLE;
	memcpy(tf->name, p + 8, OFP_TABLE_NAME_LEN);
	tf->metadata_match = ofp_get64(p + 40);
	tf->metadata_write = ofp_get64(p + 48);
	tf->capabilities = ofp_get32(p + 56);
	tf->max_entries = ofp_get32(p + 60);

	enum ofperr error = pull_props(version, loose, p + TF_LEN,
				       len - TF_LEN, tf);
	if (error)
		return error;
	if (len > TF_LEN)
		copy_missing_miss(tf);
	fix_fields(tf);
	bytecur_take(c, len);
	return 0;
}

int ofp_table_features_pull(uint8_t version, struct bytecur *c,
			    struct ofp_table_features *tf)
{
	return pull_entry(version, false, c, tf);
}

int ofp_table_features_pull_loose(uint8_t version, struct bytecur *c,
				  struct ofp_table_features *tf)
{
	return pull_entry(version, true, c, tf);
}

static void put_ids(struct bytebuf *b, uint16_t type, uint64_t bits)
{
	size_t start = ofp_prop_start(b, type);

	for (unsigned i = 0; i < 64; i++) {
		if (bits >> i & 1) {
			bytebuf_put_be16(b, i);
			bytebuf_put_be16(b, 4);
		}
	}
	ofp_prop_end(b, start);
}

static void put_next(struct bytebuf *b, uint16_t type, const uint8_t *next)
{
	size_t start = ofp_prop_start(b, type);

	for (unsigned i = 0; i < 255; i++)
		if (next[i / 8] >> i % 8 & 1)
			bytebuf_put_u8(b, i);
	ofp_prop_end(b, start);
}

static void put_fields(struct bytebuf *b, uint16_t type, uint8_t version,
		       const uint64_t *bits, const uint64_t *masked)
{
	size_t start = ofp_prop_start(b, type);

	for (enum mf_field_id id = 0; id < MFF_N_IDS; id++) {
		if (!ofp_field_bit_test(bits, id))
			continue;
		const struct mf_field *mf = mf_from_id(id);
		const struct mf_header *h = mf_header_for(mf, version);
		if (!h)
			continue;
		bool m = masked && ofp_field_bit_test(masked, id);
		unsigned len = (m ? 2 : 1) * mf->n_bytes +
			       (h->cls == 0xffff ? 4 : 0);
		bytebuf_put_be32(b, (uint32_t)h->cls << 16 | h->field << 9 |
				 m << 8 | len);
		if (h->cls == 0xffff)
			bytebuf_put_be32(b, h->experimenter);
	}
	ofp_prop_end(b, start);
}

static void put_set(struct bytebuf *b, uint8_t version, bool miss,
		    const struct ofp_table_feature_set *s)
{
	put_ids(b, OFPTFPT_INSTRUCTIONS + miss, s->instructions);
	put_next(b, OFPTFPT_NEXT_TABLES + miss, s->next);
	put_ids(b, OFPTFPT_WRITE_ACTIONS + miss, s->write_actions);
	put_ids(b, OFPTFPT_APPLY_ACTIONS + miss, s->apply_actions);
}

void ofp_table_features_put(struct bytebuf *b, uint8_t version,
			    const struct ofp_table_features *tf)
{
	size_t start = b->size;
	char name[OFP_TABLE_NAME_LEN] = { 0 };

	memcpy(name, tf->name, strnlen(tf->name, OFP_TABLE_NAME_LEN));
	bytebuf_put_be16(b, 0);
	bytebuf_put_u8(b, tf->table_id);
	bytebuf_put_u8(b, version >= OFP15_VERSION ? tf->command : 0);
	bytebuf_put_zeros(b, 4);
	bytebuf_put(b, name, sizeof name);
	bytebuf_put_be64(b, tf->metadata_match);
	bytebuf_put_be64(b, tf->metadata_write);
	bytebuf_put_be32(b, tf->capabilities);
	bytebuf_put_be32(b, tf->max_entries);
	put_set(b, version, false, &tf->nonmiss);
	if (tf->miss_given)
		put_set(b, version, true, &tf->miss);
	put_fields(b, OFPTFPT_MATCH, version, tf->match, tf->mask);
	put_fields(b, OFPTFPT_WILDCARDS, version, tf->wildcard, NULL);
	put_fields(b, OFPTFPT_WRITE_SETFIELD, version,
		   tf->nonmiss.write_setfield, NULL);
	put_fields(b, OFPTFPT_APPLY_SETFIELD, version,
		   tf->nonmiss.apply_setfield, NULL);
	if (tf->miss_given) {
		put_fields(b, OFPTFPT_WRITE_SETFIELD_MISS, version,
			   tf->miss.write_setfield, NULL);
		put_fields(b, OFPTFPT_APPLY_SETFIELD_MISS, version,
			   tf->miss.apply_setfield, NULL);
	}
	ofp_put_len16(b, start, b->size - start);
}
