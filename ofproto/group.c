/* Groups: GROUP_MOD (add, modify, add-or-modify, delete, and 1.5's insert
 * and remove bucket) as OVS does it, the group description, statistics
 * and features replies, and the rules that go with a deleted group. */
#include "ofproto-private.h"

#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-flow-removed.h"
#include "ofp-group-stats.h"
#include "xalloc.h"

struct group_node {
	struct id_map_node node;
	struct ofproto_group g;
	uint8_t *acts;		/* every bucket's actions, one buffer */
};

/* What OVS advertises: every type, select weight and liveness, chaining;
 * the actions in 1.0's numbering (1.2+: OFPROTO_ACTIONS_OF12). */
#define GROUP_TYPES 0xfu
#define GROUP_CAPABILITIES 0x7u
#define GROUP_ACTIONS_OF10 0xfffu

static struct ofproto_group *group_at(const struct ofproto *p, size_t i)
{
	struct id_map_node *node = id_map_at(&p->groups, i);

	return node ? &caa_container_of(node, struct group_node, node)->g
		: NULL;
}

const struct ofproto_group *ofproto_group_lookup(const struct ofproto *p,
						 uint32_t group_id)
{
	struct id_map_node *node = id_map_find(&p->groups, group_id);

	return node ? &caa_container_of(node, struct group_node, node)->g
		: NULL;
}

void ofproto_group_credit(const struct ofproto_group *group, int bucket,
			  uint64_t packets, uint64_t bytes)
{
	struct ofproto_group *g = (struct ofproto_group *) group;

	rule_counters_add(&g->packets, &g->bytes, packets, bytes);
	if (bucket >= 0 && (size_t) bucket < g->n_buckets) {
		rule_counters_add(&g->buckets[bucket].packets,
				  &g->buckets[bucket].bytes, packets, bytes);
	}
}

static void group_node_free(struct id_map_node *node)
{
	struct group_node *gn = caa_container_of(node, struct group_node, node);

	free(gn->g.buckets);
	free(gn->acts);
	free(gn);
}

/* A group holding copies of 'buckets'. */
static struct group_node *group_node_create(uint32_t id, uint8_t type,
					    const struct ofp_group_props *props,
					    const struct ofp_bucket *buckets,
					    size_t n_buckets, long long created)
{
	struct group_node *gn = xcalloc(1, sizeof *gn);
	size_t total = 0, ofs = 0;

	gn->node.id = id;
	gn->node.free = group_node_free;
	gn->g.id = id;
	gn->g.type = type;
	gn->g.props = *props;
	gn->g.created_ms = created;
	gn->g.n_buckets = n_buckets;
	gn->g.buckets = xcalloc(n_buckets + 1, sizeof *gn->g.buckets);
	for (size_t i = 0; i < n_buckets; i++) {
		total += buckets[i].ofpacts_len;
	}
	gn->acts = xcalloc(1, total + 1);
	for (size_t i = 0; i < n_buckets; i++) {
		struct ofproto_bucket *b = &gn->g.buckets[i];

		b->bucket_id = buckets[i].bucket_id;
		b->weight = buckets[i].weight;
		b->watch_port = buckets[i].watch_port;
		b->watch_group = buckets[i].watch_group;
		b->ofpacts_len = buckets[i].ofpacts_len;
		b->ofpacts = gn->acts + ofs;
		if (b->ofpacts_len) {
			memcpy(gn->acts + ofs, buckets[i].ofpacts,
			       b->ofpacts_len);
		}
		ofs += b->ofpacts_len;
	}
	return gn;
}

/* 'g' in the shape of a GROUP_MOD; free the buckets after. */
static void group_to_mod(const struct ofproto_group *g,
			 struct ofp_group_mod *gm)
{
	ofp_group_mod_init(gm);
	gm->type = g->type;
	gm->group_id = g->id;
	gm->props = g->props;
	gm->n_buckets = g->n_buckets;
	gm->buckets = xcalloc(g->n_buckets + 1, sizeof *gm->buckets);
	for (size_t i = 0; i < g->n_buckets; i++) {
		const struct ofproto_bucket *b = &g->buckets[i];

		gm->buckets[i].bucket_id = b->bucket_id;
		gm->buckets[i].weight = b->weight;
		gm->buckets[i].watch_port = b->watch_port;
		gm->buckets[i].watch_group = b->watch_group;
		gm->buckets[i].ofpacts = b->ofpacts;
		gm->buckets[i].ofpacts_len = b->ofpacts_len;
	}
}

static enum ofperr group_add(struct ofproto *p, const struct ofp_group_mod *gm)
{
	if (gm->group_id > OFPG_MAX) {
		return OFPERR_OFPGMFC_INVALID_GROUP;
	}
	if (gm->type > OFPGT_FF) {
		return OFPERR_OFPGMFC_BAD_TYPE;
	}
	if (ofproto_group_lookup(p, gm->group_id)) {
		return OFPERR_OFPGMFC_GROUP_EXISTS;
	}
	id_map_set(&p->groups,
		   &group_node_create(gm->group_id, gm->type, &gm->props,
				      gm->buckets, gm->n_buckets,
				      ofproto_now(p))->node);
	return 0;
}

static enum ofperr group_modify(struct ofproto *p,
				const struct ofp_group_mod *gm)
{
	const struct ofproto_group *old = ofproto_group_lookup(p, gm->group_id);

	if (gm->group_id > OFPG_MAX) {
		return OFPERR_OFPGMFC_INVALID_GROUP;
	}
	if (!old) {
		return OFPERR_OFPGMFC_UNKNOWN_GROUP;
	}
	id_map_set(&p->groups,
		   &group_node_create(gm->group_id, gm->type, &gm->props,
				      gm->buckets, gm->n_buckets,
				      old->created_ms)->node);
	return 0;
}

/* The position of 'bucket_id' (FIRST, LAST or an id) in 'g', or -1. */
static ssize_t group_bucket_pos(const struct ofproto_group *g,
				uint32_t bucket_id)
{
	if (bucket_id == OFPG_BUCKET_FIRST) {
		return g->n_buckets ? 0 : -1;
	}
	if (bucket_id == OFPG_BUCKET_LAST) {
		return g->n_buckets ? (ssize_t) g->n_buckets - 1 : -1;
	}
	for (size_t i = 0; i < g->n_buckets; i++) {
		if (g->buckets[i].bucket_id == bucket_id) {
			return i;
		}
	}
	return -1;
}

/* 1.5 insert and remove bucket: the group rebuilt with the new list. */
static enum ofperr group_edit_buckets(struct ofproto *p,
				      const struct ofp_group_mod *gm)
{
	const struct ofproto_group *old = ofproto_group_lookup(p, gm->group_id);
	bool insert = gm->command == OFPGC_INSERT_BUCKET;
	struct ofp_group_mod cur;
	struct ofp_bucket *list;
	size_t n = 0;
	ssize_t pos;

	if (!old) {
		return OFPERR_OFPGMFC_UNKNOWN_GROUP;
	}
	pos = group_bucket_pos(old, gm->command_bucket_id);
	if (pos < 0 && gm->command_bucket_id <= OFPG_BUCKET_MAX) {
		return OFPERR_OFPGMFC_UNKNOWN_BUCKET;
	}
	for (size_t i = 0; insert && i < gm->n_buckets; i++) {
		if (group_bucket_pos(old, gm->buckets[i].bucket_id) >= 0) {
			return OFPERR_OFPGMFC_BUCKET_EXISTS;
		}
	}
	group_to_mod(old, &cur);
	list = xcalloc(cur.n_buckets + gm->n_buckets + 1, sizeof *list);
	if (insert) {
		/* New buckets go after 'pos'; FIRST puts them first. */
		size_t at = gm->command_bucket_id == OFPG_BUCKET_FIRST ? 0
			: pos < 0 ? cur.n_buckets : (size_t) pos + 1;

		for (size_t i = 0; i < at; i++) {
			list[n++] = cur.buckets[i];
		}
		for (size_t i = 0; i < gm->n_buckets; i++) {
			list[n++] = gm->buckets[i];
		}
		for (size_t i = at; i < cur.n_buckets; i++) {
			list[n++] = cur.buckets[i];
		}
	} else if (gm->command_bucket_id != OFPG_BUCKET_ALL) {
		for (size_t i = 0; i < cur.n_buckets; i++) {
			if ((ssize_t) i != pos) {
				list[n++] = cur.buckets[i];
			}
		}
	}
	id_map_set(&p->groups,
		   &group_node_create(old->id, old->type, &old->props, list, n,
				      old->created_ms)->node);
	free(list);
	ofp_group_mod_uninit(&cur);
	return 0;
}

static int u32_cmp(const void *a_, const void *b_)
{
	uint32_t a = *(const uint32_t *) a_, b = *(const uint32_t *) b_;

	return a < b ? -1 : a > b;
}

static bool rule_uses(const struct rule *rule, const uint32_t *ids, size_t n,
		      bool groups)
{
	const struct rule_actions *ra = rule_get_actions(rule);

	if (!groups) {
		return ra->has_meter
			&& bsearch(&ra->meter_id, ids, n, sizeof *ids, u32_cmp);
	}
	for (size_t i = 0; ra->has_groups && i < n; i++) {
		if (rule_has_out_group(rule, ids[i])) {
			return true;
		}
	}
	return false;
}

void ofproto_txn_remove_rules_using(struct ofproto_txn *txn,
				    const uint32_t *ids, size_t n, bool groups)
{
	uint8_t reason = groups ? OFPRR_GROUP_DELETE : OFPRR_METER_DELETE;
	struct ofproto *p = txn->ofproto;

	for (size_t t = 0; t < p->n_tables; t++) {
		const struct cls_rule *cr;

		if (!p->tables[t].n_rules) {
			continue;
		}
		CLS_FOR_EACH_TARGET (cr, cursor, &p->tables[t].cls, NULL,
				     txn->version) {
			if (rule_uses(rule_from_cls(cr), ids, n, groups)) {
				ofproto_txn_remove_rule(txn, rule_from_cls(cr),
							reason);
			}
		}
	}
}

void ofproto_delete_rules_using(struct ofproto *p, const uint32_t *ids,
				size_t n, bool groups)
{
	struct ofproto_txn txn;

	ofproto_txn_begin(&txn, p);
	ofproto_txn_remove_rules_using(&txn, ids, n, groups);
	ofproto_txn_commit(&txn);
}

static void group_delete(struct ofproto_txn *txn, uint32_t id)
{
	struct ofproto *p = txn->ofproto;
	size_t n = id_map_count(&p->groups);
	uint32_t *dead = xcalloc(n + 1, sizeof *dead);
	size_t n_dead = 0;

	for (size_t i = 0; i < n; i++) {
		uint32_t gid = group_at(p, i)->id;

		if (id == OFPG_ALL || id == gid) {
			dead[n_dead++] = gid;
		}
	}
	if (n_dead) {
		ofproto_txn_remove_rules_using(txn, dead, n_dead, true);
	}
	for (size_t i = 0; i < n_dead; i++) {
		id_map_remove(&p->groups, dead[i]);
	}
	free(dead);
}

enum ofperr ofproto_group_mod_apply(struct ofproto_txn *txn,
				    const struct ofp_group_mod *gm)
{
	struct ofproto *p = txn->ofproto;

	switch (gm->command) {
	case OFPGC_ADD:
		return group_add(p, gm);
	case OFPGC_MODIFY:
		return group_modify(p, gm);
	case OFPGC_ADD_OR_MOD:
		return ofproto_group_lookup(p, gm->group_id)
			? group_modify(p, gm) : group_add(p, gm);
	case OFPGC_DELETE:
		group_delete(txn, gm->group_id);
		return 0;
	case OFPGC_INSERT_BUCKET:
	case OFPGC_REMOVE_BUCKET:
		return group_edit_buckets(p, gm);
	default:
		return OFPERR_OFPGMFC_BAD_COMMAND;
	}
}

enum ofperr ofproto_handle_group_mod(struct ofproto *p, const struct ofpmsg *m)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm;
	enum ofperr error = ofp_group_mod_decode(m, &gm, &ofpacts);

	/* Bucket actions are checked as OVS does, by the decoder only: no
	 * match to check them against, and groups may chain freely. */
	if (!error) {
		struct ofproto_txn txn;

		ofproto_txn_begin(&txn, p);
		error = ofproto_group_mod_apply(&txn, &gm);
		ofproto_txn_commit(&txn);
		ofp_group_mod_uninit(&gm);
	}
	bytebuf_uninit(&ofpacts);
	return error;
}

/* Replies. */

static uint32_t group_ref_count(const struct ofproto *p, uint32_t id)
{
	cls_version_t version = ofproto_version(p);
	uint32_t n = 0;

	for (size_t t = 0; t < p->n_tables; t++) {
		const struct cls_rule *cr;

		CLS_FOR_EACH_TARGET (cr, cursor, &p->tables[t].cls, NULL,
				     version) {
			n += rule_uses(rule_from_cls(cr), &id, 1, true);
		}
	}
	return n;
}

static void group_put_stats(const struct ofproto *p, struct bytebuf *b,
			    uint8_t version, const struct ofproto_group *g)
{
	uint64_t (*counts)[2] = xcalloc(g->n_buckets + 1, sizeof *counts);
	long long age = ofproto_now(p) - g->created_ms;
	struct ofp_group_stats gs = {
		.group_id = g->id,
		.ref_count = group_ref_count(p, g->id),
		.packet_count = __atomic_load_n(&g->packets, __ATOMIC_RELAXED),
		.byte_count = __atomic_load_n(&g->bytes, __ATOMIC_RELAXED),
		.duration_sec = age / 1000,
		.duration_nsec = age % 1000 * 1000000,
		.n_buckets = g->n_buckets,
	};

	for (size_t i = 0; i < g->n_buckets; i++) {
		counts[i][0] = __atomic_load_n(&g->buckets[i].packets,
					       __ATOMIC_RELAXED);
		counts[i][1] = __atomic_load_n(&g->buckets[i].bytes,
					       __ATOMIC_RELAXED);
	}
	ofp_group_stats_put(b, version, &gs, (const uint64_t (*)[2]) counts);
	free(counts);
}

static void group_reply_features(const struct ofpmsg *m,
				 struct ofproto_replies *replies)
{
	struct ofp_group_features f = {
		.types = GROUP_TYPES,
		.capabilities = GROUP_CAPABILITIES,
	};

	for (size_t i = 0; i < OFP_GROUP_N_TYPES; i++) {
		f.max_groups[i] = OFPG_MAX;
		f.actions[i] = m->version == OFP10_VERSION
			? GROUP_ACTIONS_OF10 : OFPROTO_ACTIONS_OF12;
	}
	ofp_group_features_encode(ofproto_replies_add(replies), m->version,
				  m->xid, &f);
}

/* The group a description request asks for: 1.0 (NXST) and 1.5 name
 * one, earlier versions always mean all. */
static uint32_t group_desc_request_id(const struct ofpmsg *m)
{
	const uint8_t *b = m->body;

	if (m->body_len < 4) {
		return OFPG_ALL;
	}
	return (uint32_t) b[0] << 24 | (uint32_t) b[1] << 16
		| (uint32_t) b[2] << 8 | b[3];
}

enum ofperr ofproto_handle_group_request(struct ofproto *p,
					 const struct ofpmsg *m,
					 struct ofproto_replies *replies)
{
	bool stats = m->type == OFPTYPE_GROUP_STATS_REQUEST;
	struct bytebuf entry = BYTEBUF_INITIALIZER;
	struct ofproto_mp mp;
	uint32_t id;

	if (m->type == OFPTYPE_GROUP_FEATURES_STATS_REQUEST) {
		group_reply_features(m, replies);
		return 0;
	}
	id = stats ? ofp_group_stats_request_decode(m)
		: group_desc_request_id(m);
	ofproto_mp_start(&mp, replies, stats ? OFPTYPE_GROUP_STATS_REPLY
			 : OFPTYPE_GROUP_DESC_STATS_REPLY, m);
	for (size_t i = 0; group_at(p, i); i++) {
		const struct ofproto_group *g = group_at(p, i);
		struct ofp_group_mod gd;

		if (id != OFPG_ALL && id != g->id) {
			continue;
		}
		bytebuf_clear(&entry);
		if (stats) {
			group_put_stats(p, &entry, m->version, g);
		} else {
			group_to_mod(g, &gd);
			ofp_group_desc_put(&entry, m->version, &gd);
			ofp_group_mod_uninit(&gd);
		}
		ofproto_mp_append(&mp, entry.data, entry.size);
	}
	ofproto_mp_finish(&mp);
	bytebuf_uninit(&entry);
	return 0;
}
