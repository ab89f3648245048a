/* OpenFlow tables: limits and eviction, TABLE_MOD, table statistics. */
#include "ofproto-private.h"

#include <stdlib.h>

#include "bytebuf.h"
#include "ofp-table-features.h"
#include "ofp-table.h"
#include "xalloc.h"

void oftable_init(struct oftable *t)
{
	classifier_init(&t->cls);
	t->max_flows = UINT32_MAX;
}

static void oftable_free_rule(struct oftable *t, struct rule *rule)
{
	classifier_remove(&t->cls, &rule->cr);
	rule->removed = true;
	rule_unref(rule);
}

void oftable_destroy(struct oftable *t)
{
	const struct cls_rule *cr;

	CLS_FOR_EACH_TARGET (cr, cursor, &t->cls, NULL, CLS_MAX_VERSION) {
		oftable_free_rule(t, rule_from_cls(cr));
	}
	classifier_destroy(&t->cls);
}

/* As OVS: only rules with a timeout may be evicted; the least important
 * first, then the one closest to expiring. */
struct rule *oftable_choose_eviction(const struct oftable *t,
				     cls_version_t version)
{
	struct rule *best = NULL;
	const struct cls_rule *cr;
	uint8_t reason;

	CLS_FOR_EACH_TARGET (cr, cursor, &t->cls, NULL, version) {
		struct rule *r = rule_from_cls(cr);

		if (r->cr.priority > UINT16_MAX
		    || (!r->idle_timeout && !r->hard_timeout)) {
			continue;
		}
		if (!best || r->importance < best->importance
		    || (r->importance == best->importance
			&& rule_expiry(r, &reason)
			   < rule_expiry(best, &reason))) {
			best = r;
		}
	}
	return best;
}

int ofproto_table_set_limit(struct ofproto *p, uint8_t table_id,
			    uint32_t max_flows, bool eviction)
{
	if (table_id >= p->n_tables) {
		return -1;
	}
	p->tables[table_id].max_flows = max_flows ? max_flows : UINT32_MAX;
	p->tables[table_id].eviction = eviction;
	return 0;
}

int ofproto_table_miss(const struct ofproto *p, uint8_t table_id)
{
	return table_id < p->n_tables ? p->tables[table_id].miss_config
		: OFP_TABLE_MISS_DEFAULT;
}

static void oftable_apply_mod(struct oftable *t, const struct ofp_table_mod *tm)
{
	if (tm->eviction != OFP_TABLE_DEFAULT) {
		t->eviction = tm->eviction == OFP_TABLE_ON;
	}
	if (tm->vacancy != OFP_TABLE_DEFAULT) {
		t->vacancy = tm->vacancy == OFP_TABLE_ON;
		t->vacancy_down = tm->vacancy_down;
		t->vacancy_up = tm->vacancy_up;
	}
	if (tm->miss != OFP_TABLE_MISS_DEFAULT) {
		t->miss_config = tm->miss;
	}
}

enum ofperr ofproto_handle_table_mod(struct ofproto *p, const struct ofpmsg *m)
{
	struct ofp_table_mod tm;
	enum ofperr error = ofp_table_mod_decode(m, &tm);

	if (error) {
		return error;
	}
	if (tm.table_id != OFPTT_ALL && tm.table_id >= p->n_tables) {
		return OFPERR_OFPTMFC_BAD_TABLE;
	}
	if (tm.vacancy == OFP_TABLE_ON && tm.vacancy_down > tm.vacancy_up) {
		return OFPERR_OFPTMFC_BAD_CONFIG;
	}
	for (size_t i = 0; i < p->n_tables; i++) {
		if (tm.table_id == OFPTT_ALL || tm.table_id == i) {
			oftable_apply_mod(&p->tables[i], &tm);
		}
	}
	return 0;
}

/* OVS's: evict by importance, then lifetime, then anything. */
#define OFTABLE_EVICTION_FLAGS 0x7u

/* How full the table is, as the percentage still free. */
static uint8_t oftable_vacancy(const struct oftable *t)
{
	if (t->max_flows == UINT32_MAX || !t->max_flows) {
		return 100;
	}
	return 100 - (uint64_t) t->n_rules * 100 / t->max_flows;
}

enum ofperr ofproto_handle_table_desc(struct ofproto *p,
				      const struct ofpmsg *m,
				      struct ofproto_replies *replies)
{
	struct bytebuf entry = BYTEBUF_INITIALIZER;
	struct ofproto_mp mp;

	ofproto_mp_start(&mp, replies, OFPTYPE_TABLE_DESC_REPLY, m);
	for (size_t i = 0; i < p->n_tables; i++) {
		const struct oftable *t = &p->tables[i];
		struct ofp_table_desc td = {
			.table_id = i,
			.eviction = t->eviction ? OFP_TABLE_ON : OFP_TABLE_OFF,
			.eviction_flags = OFTABLE_EVICTION_FLAGS,
			.vacancy = t->vacancy ? OFP_TABLE_ON : OFP_TABLE_OFF,
			.vacancy_down = t->vacancy_down,
			.vacancy_up = t->vacancy_up,
			.vacancy_now = oftable_vacancy(t),
		};

		bytebuf_clear(&entry);
		ofp_table_desc_put(&entry, &td);
		ofproto_mp_append(&mp, entry.data, entry.size);
	}
	ofproto_mp_finish(&mp);
	bytebuf_uninit(&entry);
	return 0;
}

/* Table features: every table alike but for the tables a goto_table may
 * name, as OVS describes its own. */
#define OFTABLE_DEFAULT_MAX_ENTRIES 1000000
#define OFTABLE_INSTRUCTIONS 0x7eu	/* goto_table (1) to meter (6) */
#define OFTABLE_GOTO_TABLE 0x2u
#define OFTABLE_METER 0x40u

/* True if 'f' can be named in 'version' and read back as itself. */
static bool oftable_field_usable(const struct mf_field *f, uint8_t version)
{
	const struct mf_header *h = f ? mf_header_for(f, version) : NULL;

	return h && mf_from_header(h->cls, h->field, h->experimenter,
				   version) == f;
}

static uint32_t oftable_max_entries(const struct oftable *t)
{
	return t->max_flows == UINT32_MAX ? OFTABLE_DEFAULT_MAX_ENTRIES
		: t->max_flows;
}

static void oftable_fields(uint8_t version, struct ofp_table_features *tf)
{
	for (int id = 0; id < MFF_N_IDS; id++) {
		const struct mf_field *f = mf_from_id(id);

		if (!oftable_field_usable(f, version)) {
			continue;
		}
		ofp_field_bit_set(tf->match, id);
		ofp_field_bit_set(tf->wildcard, id);
		if (f->maskable) {
			ofp_field_bit_set(tf->mask, id);
		}
		if (f->writable) {
			ofp_field_bit_set(tf->nonmiss.write_setfield, id);
			ofp_field_bit_set(tf->nonmiss.apply_setfield, id);
		}
	}
}

static void oftable_features(const struct ofproto *p, uint8_t table_id,
			     uint8_t version, struct ofp_table_features *tf)
{
	const struct oftable *t = &p->tables[table_id];

	ofp_table_features_init(tf, table_id);
	tf->metadata_match = tf->metadata_write = UINT64_MAX;
	tf->max_entries = oftable_max_entries(t);
	tf->nonmiss.instructions = OFTABLE_INSTRUCTIONS;
	if (table_id + 1 >= p->n_tables) {
		tf->nonmiss.instructions &= ~OFTABLE_GOTO_TABLE;
	}
	/* 1.5 replaces the meter instruction with the meter action. */
	if (version >= OFP15_VERSION) {
		tf->nonmiss.instructions &= ~OFTABLE_METER;
	}
	for (size_t i = table_id + 1; i < p->n_tables; i++) {
		tf->nonmiss.next[i / 8] |= 1u << i % 8;
	}
	tf->nonmiss.write_actions = tf->nonmiss.apply_actions
		= OFPROTO_ACTIONS_OF12;
	oftable_fields(version, tf);
}

enum ofperr ofproto_handle_table_features(struct ofproto *p,
					  const struct ofpmsg *m,
					  struct ofproto_replies *replies)
{
	struct bytebuf entry = BYTEBUF_INITIALIZER;
	struct ofp_table_features *tf;
	struct ofproto_mp mp;

	/* The tables are read-only: a request to set them is refused. */
	if (m->body_len) {
		return OFPERR_OFPTFFC_EPERM;
	}
	tf = xcalloc(1, sizeof *tf);
	ofproto_mp_start(&mp, replies, OFPTYPE_TABLE_FEATURES_STATS_REPLY, m);
	for (size_t i = 0; i < p->n_tables; i++) {
		oftable_features(p, i, m->version, tf);
		bytebuf_clear(&entry);
		ofp_table_features_put(&entry, m->version, tf);
		ofproto_mp_append(&mp, entry.data, entry.size);
	}
	ofproto_mp_finish(&mp);
	bytebuf_uninit(&entry);
	free(tf);
	return 0;
}

/* OpenFlow 1.0's table stats entry: table_id(1) pad(3) name(32)
 * wildcards(4) max_entries(4) active(4) lookup(8) matched(8). */
#define OFTABLE_OF10_WILDCARDS 0x3fffffu	/* every field */
#define OFTABLE_OF10_STATS_LEN 64

static void oftable_put_of10_stats(struct bytebuf *b,
				   const struct ofp_table_stats *ts,
				   uint32_t max_entries)
{
	bytebuf_put_u8(b, ts->table_id);
	bytebuf_put_zeros(b, 3 + 32);
	bytebuf_put_be32(b, OFTABLE_OF10_WILDCARDS);
	bytebuf_put_be32(b, max_entries);
	bytebuf_put_be32(b, ts->active_count);
	bytebuf_put_be64(b, ts->lookup_count);
	bytebuf_put_be64(b, ts->matched_count);
}

enum ofperr ofproto_handle_table_stats(struct ofproto *p,
				       const struct ofpmsg *m,
				       struct ofproto_replies *replies)
{
	struct ofproto_mp mp;

	/* 1.1 and 1.2 describe the table's features in their own bitmaps,
	 * which nothing here writes. */
	if (m->version == OFP11_VERSION || m->version == OFP12_VERSION) {
		return OFPERR_OFPBRC_BAD_VERSION;
	}
	ofproto_mp_start(&mp, replies, OFPTYPE_TABLE_STATS_REPLY, m);
	for (size_t i = 0; i < p->n_tables; i++) {
		const struct oftable *t = &p->tables[i];
		struct ofp_table_stats ts = {
			.table_id = i,
			.active_count = t->n_rules,
			.lookup_count = __atomic_load_n(&t->n_lookup,
							__ATOMIC_RELAXED),
			.matched_count = __atomic_load_n(&t->n_matched,
							 __ATOMIC_RELAXED),
		};
		struct bytebuf *b;

		if (m->version == OFP10_VERSION) {
			b = ofproto_mp_room(&mp, OFTABLE_OF10_STATS_LEN);
			oftable_put_of10_stats(b, &ts, oftable_max_entries(t));
		} else {
			b = ofproto_mp_room(&mp, OFP13_TABLE_STATS_LEN);
			ofp_table_stats_put(b, &ts);
		}
	}
	ofproto_mp_finish(&mp);
	return 0;
}
