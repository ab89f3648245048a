/* Meters: METER_MOD with the checks OVS makes with its userspace
 * datapath, the meter config, stats and features replies, and the flows
 * that go with a deleted meter.
 *
 * The set is an array of meter pointers sorted by id, replaced as a whole
 * (copy on write) so that translation reads it lock-free under RCU. */
#include "ofproto-private.h"

#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-flow-removed.h"
#include "ofp-meter.h"
#include "xalloc.h"

struct meter_node {
	struct id_map_node node;
	struct ofproto_meter m;
};

#define METER_FLAGS_ALL (OFPMF13_KBPS | OFPMF13_PKTPS | OFPMF13_BURST \
			 | OFPMF13_STATS)
#define METER_STATS_LEN 40
#define METER_BAND_STATS_LEN 16

static struct ofproto_meter *meter_at(const struct ofproto *p, size_t i)
{
	struct id_map_node *node = id_map_at(&p->meters, i);

	return node ? &caa_container_of(node, struct meter_node, node)->m
		: NULL;
}

const struct ofproto_meter *ofproto_meter_lookup(const struct ofproto *p,
						 uint32_t meter_id)
{
	struct id_map_node *node = id_map_find(&p->meters, meter_id);

	return node ? &caa_container_of(node, struct meter_node, node)->m
		: NULL;
}

void ofproto_meter_credit(const struct ofproto_meter *meter, uint64_t packets,
			  uint64_t bytes, int band)
{
	struct ofproto_meter *m = (struct ofproto_meter *) meter;

	rule_counters_add(&m->packets, &m->bytes, packets, bytes);
	if (band >= 0 && (size_t) band < m->n_bands) {
		rule_counters_add(&m->bands[band].packets,
				  &m->bands[band].bytes, packets, bytes);
	}
}

static void meter_node_free(struct id_map_node *node)
{
	free(caa_container_of(node, struct meter_node, node));
}

/* The checks of OVS with its userspace datapath, in its order. */
static enum ofperr meter_check(const struct ofp_meter_config *mc)
{
	struct bytecur c = bytecur_make(mc->bands,
					mc->n_bands * OFP_METER_BAND_LEN);
	uint16_t unit = mc->flags & (OFPMF13_KBPS | OFPMF13_PKTPS);

	if (mc->meter_id == 0 || mc->meter_id > OFPM13_MAX) {
		return OFPERR_OFPMMFC_INVALID_METER;
	}
	if (mc->n_bands > OFPROTO_METER_MAX_BANDS) {
		return OFPERR_OFPMMFC_OUT_OF_BANDS;
	}
	if (!unit || unit == (OFPMF13_KBPS | OFPMF13_PKTPS)) {
		return OFPERR_OFPMMFC_BAD_FLAGS;
	}
	if (!mc->n_bands) {
		return OFPERR_OFPMMFC_OUT_OF_BANDS;
	}
	for (size_t i = 0; i < mc->n_bands; i++) {
		struct ofp_meter_band b;

		ofp_meter_band_pull(&c, &b);
		if (!b.rate) {
			return OFPERR_OFPMMFC_BAD_RATE;
		}
	}
	if (mc->flags & ~METER_FLAGS_ALL) {
		return OFPERR_OFPMMFC_BAD_FLAGS;
	}
	c = bytecur_make(mc->bands, mc->n_bands * OFP_METER_BAND_LEN);
	for (size_t i = 0; i < mc->n_bands; i++) {
		struct ofp_meter_band b;

		ofp_meter_band_pull(&c, &b);
		if (b.type != OFPMBT13_DROP) {
			return OFPERR_OFPMMFC_BAD_BAND;
		}
	}
	return 0;
}

static struct meter_node *meter_node_create(const struct ofp_meter_config *mc,
					    long long now)
{
	struct meter_node *node = xcalloc(1, sizeof *node);
	struct bytecur c = bytecur_make(mc->bands,
					mc->n_bands * OFP_METER_BAND_LEN);

	node->node.id = mc->meter_id;
	node->node.free = meter_node_free;
	node->m.id = mc->meter_id;
	node->m.flags = mc->flags;
	node->m.n_bands = mc->n_bands;
	node->m.created_ms = now;
	for (size_t i = 0; i < mc->n_bands; i++) {
		struct ofp_meter_band b;

		ofp_meter_band_pull(&c, &b);
		node->m.bands[i].type = b.type;
		node->m.bands[i].rate = b.rate;
		node->m.bands[i].burst_size = b.burst_size;
	}
	return node;
}

static enum ofperr meter_delete(struct ofproto *p, uint32_t id)
{
	size_t n = id_map_count(&p->meters);
	uint32_t *dead = xcalloc(n + 1, sizeof *dead);
	size_t n_dead = 0;

	for (size_t i = 0; i < n; i++) {
		uint32_t mid = meter_at(p, i)->id;

		if (id == OFPM13_ALL || id == mid) {
			dead[n_dead++] = mid;
		}
	}
	if (n_dead) {
		ofproto_delete_rules_using(p, dead, n_dead, false);
	}
	for (size_t i = 0; i < n_dead; i++) {
		id_map_remove(&p->meters, dead[i]);
	}
	free(dead);
	return 0;
}

enum ofperr ofproto_handle_meter_mod(struct ofproto *p, const struct ofpmsg *m)
{
	struct ofp_meter_mod mm;
	enum ofperr error = ofp_meter_mod_decode(m, &mm);
	bool found;

	if (error) {
		return error;
	}
	if (mm.command == OFPMC13_DELETE) {
		return meter_delete(p, mm.meter.meter_id);
	}
	error = meter_check(&mm.meter);
	if (error) {
		return error;
	}
	found = ofproto_meter_lookup(p, mm.meter.meter_id) != NULL;
	if (mm.command == OFPMC13_ADD && found) {
		return OFPERR_OFPMMFC_METER_EXISTS;
	}
	if (mm.command == OFPMC13_MODIFY && !found) {
		return OFPERR_OFPMMFC_UNKNOWN_METER;
	}
	if (!found && id_map_count(&p->meters) >= OFPROTO_METER_MAX) {
		return OFPERR_OFPMMFC_OUT_OF_METERS;
	}
	id_map_set(&p->meters,
		   &meter_node_create(&mm.meter, ofproto_now(p))->node);
	return 0;
}

/* Replies. */

static void meter_put_config(struct bytebuf *b, const struct ofproto_meter *mt)
{
	struct ofp_meter_band bands[OFPROTO_METER_MAX_BANDS];
	struct ofp_meter_config mc = {
		.meter_id = mt->id, .flags = mt->flags, .n_bands = mt->n_bands,
	};

	memset(bands, 0, sizeof bands);
	for (size_t i = 0; i < mt->n_bands; i++) {
		bands[i].type = mt->bands[i].type;
		bands[i].rate = mt->bands[i].rate;
		bands[i].burst_size = mt->bands[i].burst_size;
	}
	ofp_meter_config_put(b, &mc, bands);
}

/* Where meter 'id' is in id order, if it exists. */
static bool meter_index(const struct ofproto *p, uint32_t id, size_t *i)
{
	size_t lo = 0, hi = id_map_count(&p->meters);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (meter_at(p, mid)->id < id) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	*i = lo;
	return meter_at(p, lo) && meter_at(p, lo)->id == id;
}

/* The rules using each meter, in id order. */
static uint32_t *meter_flow_counts(const struct ofproto *p)
{
	uint32_t *counts = xcalloc(id_map_count(&p->meters) + 1,
				   sizeof *counts);
	cls_version_t version = ofproto_version(p);

	for (size_t t = 0; t < p->n_tables; t++) {
		const struct cls_rule *cr;

		CLS_FOR_EACH_TARGET (cr, cursor, &p->tables[t].cls, NULL,
				     version) {
			const struct rule_actions *ra =
				rule_get_actions(rule_from_cls(cr));
			size_t i;

			if (ra->has_meter
			    && meter_index(p, ra->meter_id, &i)) {
				counts[i]++;
			}
		}
	}
	return counts;
}

/* meter_id(4) len(2) pad(6) flow_count(4) packet_in(8) byte_in(8)
 * duration(4+4), then per band packets(8) bytes(8). */
static void meter_put_stats(struct bytebuf *b, const struct ofproto_meter *mt,
			    uint32_t flow_count, long long now)
{
	long long age = now - mt->created_ms;

	bytebuf_put_be32(b, mt->id);
	bytebuf_put_be16(b, METER_STATS_LEN
			 + mt->n_bands * METER_BAND_STATS_LEN);
	bytebuf_put_zeros(b, 6);
	bytebuf_put_be32(b, flow_count);
	bytebuf_put_be64(b, __atomic_load_n(&mt->packets, __ATOMIC_RELAXED));
	bytebuf_put_be64(b, __atomic_load_n(&mt->bytes, __ATOMIC_RELAXED));
	bytebuf_put_be32(b, age / 1000);
	bytebuf_put_be32(b, age % 1000 * 1000000);
	for (size_t i = 0; i < mt->n_bands; i++) {
		bytebuf_put_be64(b, __atomic_load_n(&mt->bands[i].packets,
						    __ATOMIC_RELAXED));
		bytebuf_put_be64(b, __atomic_load_n(&mt->bands[i].bytes,
						    __ATOMIC_RELAXED));
	}
}

static void meter_reply_features(const struct ofpmsg *m,
				 struct ofproto_replies *replies)
{
	struct ofp_meter_features f = {
		.max_meters = OFPROTO_METER_MAX,
		.band_types = 1u << OFPMBT13_DROP,
		.capabilities = METER_FLAGS_ALL,
		.max_bands = OFPROTO_METER_MAX_BANDS,
		.max_color = 0,
	};

	ofp_meter_features_encode(ofproto_replies_add(replies), m->version,
				  m->xid, &f);
}

enum ofperr ofproto_handle_meter_request(struct ofproto *p,
					 const struct ofpmsg *m,
					 struct ofproto_replies *replies)
{
	bool stats = m->type == OFPTYPE_METER_STATS_REQUEST;
	struct bytebuf entry = BYTEBUF_INITIALIZER;
	uint32_t *counts = NULL;
	struct ofproto_mp mp;
	uint32_t id;

	if (m->type == OFPTYPE_METER_FEATURES_STATS_REQUEST) {
		meter_reply_features(m, replies);
		return 0;
	}
	id = ofp_meter_request_decode(m);
	if (stats) {
		counts = meter_flow_counts(p);
	}
	ofproto_mp_start(&mp, replies, stats ? OFPTYPE_METER_STATS_REPLY
			 : OFPTYPE_METER_CONFIG_STATS_REPLY, m);
	for (size_t i = 0; meter_at(p, i); i++) {
		const struct ofproto_meter *mt = meter_at(p, i);

		if (id != OFPM13_ALL && id != mt->id) {
			continue;
		}
		bytebuf_clear(&entry);
		if (stats) {
			meter_put_stats(&entry, mt, counts[i], ofproto_now(p));
		} else {
			meter_put_config(&entry, mt);
		}
		ofproto_mp_append(&mp, entry.data, entry.size);
	}
	ofproto_mp_finish(&mp);
	bytebuf_uninit(&entry);
	free(counts);
	return 0;
}
