/* Group statistics. */
#include "ofp-group-stats.h"

#include <inttypes.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-port.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-version.h"
#include "ofp-wire.h"

#define BUCKET_COUNTER_LEN 16

/* group_id(4) pad(4) in every version. */
uint32_t ofp_group_stats_request_decode(const struct ofpmsg *m)
{
	return ofp_get32(m->body);
}

void ofp_group_stats_request_encode(struct bytebuf *b, uint8_t version,
				    uint32_t xid, uint32_t group_id)
{
	size_t start = ofpmsg_start(b, OFPTYPE_GROUP_STATS_REQUEST, version,
				    xid);
	bytebuf_put_be32(b, group_id);
	bytebuf_put_zeros(b, 4);
	ofpmsg_finish(b, start);
}

/* 1.1 and 1.2 have no durations; Nicira's 1.0 form is 1.3's. */
static size_t group_stats_len(uint8_t version)
{
	return version == OFP11_VERSION || version == OFP12_VERSION ? 32 : 40;
}

/* length(2) pad(2) group_id(4) ref_count(4) pad(4) packets(8) bytes(8)
 * [duration(4+4)] buckets: 0, OFP_PORT_END when none is left, or an
 * error. */
int ofp_group_stats_pull(uint8_t version, struct bytecur *c,
			 struct ofp_group_stats *gs)
{
	size_t base = group_stats_len(version);
	const uint8_t *p = c->p;

	memset(gs, 0, sizeof *gs);
	if (!c->left)
		return OFP_PORT_END;
	if (c->left < base)
		return OFPERR_OFPBRC_BAD_LEN;
	size_t len = ofp_get16(p);
	if (len < base || len > c->left || (len - base) % BUCKET_COUNTER_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	bytecur_take(c, len);
	gs->group_id = ofp_get32(p + 4);
	gs->ref_count = ofp_get32(p + 8);
	gs->packet_count = ofp_get64(p + 16);
	gs->byte_count = ofp_get64(p + 24);
	if (base == 40) {
		gs->duration_sec = ofp_get32(p + 32);
		gs->duration_nsec = ofp_get32(p + 36);
	} else {
		gs->duration_sec = gs->duration_nsec = UINT32_MAX;
	}
	gs->buckets = p + base;
	gs->n_buckets = (len - base) / BUCKET_COUNTER_LEN;
	return 0;
}

void ofp_group_stats_put(struct bytebuf *b, uint8_t version,
			 const struct ofp_group_stats *gs,
			 const uint64_t (*bucket_counts)[2])
{
	size_t base = group_stats_len(version);

	bytebuf_put_be16(b, base + gs->n_buckets * BUCKET_COUNTER_LEN);
	bytebuf_put_zeros(b, 2);
	bytebuf_put_be32(b, gs->group_id);
	bytebuf_put_be32(b, gs->ref_count);
	bytebuf_put_zeros(b, 4);
	bytebuf_put_be64(b, gs->packet_count);
	bytebuf_put_be64(b, gs->byte_count);
	if (base == 40) {
		bytebuf_put_be32(b, gs->duration_sec);
		bytebuf_put_be32(b, gs->duration_nsec);
	}
	for (size_t i = 0; i < gs->n_buckets; i++) {
		bytebuf_put_be64(b, bucket_counts[i][0]);
		bytebuf_put_be64(b, bucket_counts[i][1]);
	}
}

void ofp_group_stats_bucket(const struct ofp_group_stats *gs, size_t i,
			    uint64_t *packets, uint64_t *bytes)
{
	const uint8_t *p = gs->buckets + i * BUCKET_COUNTER_LEN;
	*packets = ofp_get64(p);
	*bytes = ofp_get64(p + 8);
}

/* types(4) capabilities(4) max_groups(4 x 4) actions(4 x 4). */
void ofp_group_features_decode(const struct ofpmsg *m,
			       struct ofp_group_features *gf)
{
	const uint8_t *p = m->body;

	gf->types = ofp_get32(p);
	gf->capabilities = ofp_get32(p + 4);
	for (int i = 0; i < OFP_GROUP_N_TYPES; i++) {
		gf->max_groups[i] = ofp_get32(p + 8 + 4 * i);
		gf->actions[i] = ofp_get32(p + 24 + 4 * i);
	}
}

void ofp_group_features_encode(struct bytebuf *b, uint8_t version,
			       uint32_t xid, const struct ofp_group_features *gf)
{
	size_t start = ofpmsg_start(b, OFPTYPE_GROUP_FEATURES_STATS_REPLY,
				    version, xid);

	bytebuf_put_be32(b, gf->types);
	bytebuf_put_be32(b, gf->capabilities);
	for (int i = 0; i < OFP_GROUP_N_TYPES; i++)
		bytebuf_put_be32(b, gf->max_groups[i]);
	for (int i = 0; i < OFP_GROUP_N_TYPES; i++)
		bytebuf_put_be32(b, gf->actions[i]);
	ofpmsg_finish(b, start);
}

/* Action bits of each numbering (1.0, 1.1, 1.2+; -1: none) in the order
 * ovs-ofctl lists them.  Copying TTLs and PBB tags have no name there. */
static const struct {
	const char *name;
	int8_t bit[3];
} group_actions[] = {
	{ "output", { 0, 0, 0 } },		{ "group", { -1, 22, 22 } },
	{ "enqueue", { 11, -1, -1 } },		{ "set_field", { -1, -1, 25 } },
	{ "set_vlan_vid", { 1, 1, -1 } },	{ "set_vlan_pcp", { 2, 2, -1 } },
	{ "strip_vlan", { 3, 18, 18 } },	{ "push_vlan", { -1, 17, 17 } },
	{ "mod_dl_src", { 4, 3, -1 } },		{ "mod_dl_dst", { 5, 4, -1 } },
	{ "mod_nw_src", { 6, 5, -1 } },		{ "mod_nw_dst", { 7, 6, -1 } },
	{ "mod_nw_tos", { 8, 7, -1 } },		{ "mod_nw_ecn", { -1, 8, -1 } },
	{ "mod_nw_ttl", { -1, 23, 23 } },	{ "mod_tp_src", { 9, 9, -1 } },
	{ "mod_tp_dst", { 10, 10, -1 } },	{ "dec_ttl", { -1, 24, 24 } },
	{ "set_mpls_label", { -1, 13, -1 } },	{ "set_mpls_tc", { -1, 14, -1 } },
	{ "set_mpls_ttl", { -1, 15, 15 } },	{ "dec_mpls_ttl", { -1, 16, 16 } },
	{ "push_mpls", { -1, 19, 19 } },	{ "pop_mpls", { -1, 20, 20 } },
	{ "set_queue", { -1, 21, 21 } },
};

static void print_group_actions(struct odp_text *t, uint8_t version,
				uint32_t bits)
{
	int col = version == OFP10_VERSION ? 0 : version == OFP11_VERSION ? 1
									   : 2;
	const char *sep = "";

	for (size_t i = 0; i < sizeof group_actions / sizeof group_actions[0];
	     i++) {
		int bit = group_actions[i].bit[col];
		if (bit >= 0 && bits & (1u << bit)) {
			odp_text_printf(t, "%s%s", sep, group_actions[i].name);
			sep = " ";
		}
	}
	if (!*sep)
		odp_text_printf(t, "<none>");
}

OFP_BODY_PRINTER(ofp_group_features_print_reply)
{
	static const char *const types[] = { "all", "select", "indirect",
					     "fast failover" };
	struct ofp_group_features gf;

	ofp_group_features_decode(m, &gf);
	odp_text_printf(t, "\n Group table:\n    Types:  0x%" PRIx32
			   "\n    Capabilities:  0x%" PRIx32 "\n",
			gf.types, gf.capabilities);
	for (int i = 0; i < OFP_GROUP_N_TYPES; i++) {
		if (!(gf.types & (1u << i)))
			continue;
		odp_text_printf(t, "    %s group:\n       max_groups=%#" PRIx32
				   "\n       actions: ",
				types[i], gf.max_groups[i]);
		print_group_actions(t, m->version, gf.actions[i]);
		odp_text_printf(t, "\n");
	}
	return 0;
}

OFP_BODY_PRINTER(ofp_group_stats_print_request)
{
	uint32_t id = ofp_group_stats_request_decode(m);

	odp_text_printf(t, " group_id=");
	if (id == OFPG_ALL)
		odp_text_printf(t, "ALL");
	else if (id == OFPG_ANY)
		odp_text_printf(t, "ANY");
	else
		odp_text_printf(t, "%" PRIu32, id);
	return 0;
}

static void print_group_stats(struct odp_text *t,
			      const struct ofp_group_stats *gs)
{
	odp_text_printf(t, "\n group_id=%" PRIu32 ",", gs->group_id);
	if (gs->duration_sec != UINT32_MAX) {
		odp_text_printf(t, "duration=");
		ofp_print_duration(t, gs->duration_sec, gs->duration_nsec);
		odp_text_printf(t, ",");
	}
	odp_text_printf(t, "ref_count=%" PRIu32 ",packet_count=%" PRIu64
			   ",byte_count=%" PRIu64,
			gs->ref_count, gs->packet_count, gs->byte_count);
	for (size_t i = 0; i < gs->n_buckets; i++) {
		uint64_t packets, bytes;
		ofp_group_stats_bucket(gs, i, &packets, &bytes);
		if (packets != UINT64_MAX)
			odp_text_printf(t, ",bucket%zu:packet_count=%" PRIu64
					   ",byte_count=%" PRIu64,
					i, packets, bytes);
	}
}

OFP_BODY_PRINTER(ofp_group_stats_print_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_group_stats gs;
	int retval;

	while (!(retval = ofp_group_stats_pull(m->version, &c, &gs)))
		print_group_stats(t, &gs);
	if (retval == OFP_PORT_END)
		return 0;
	odp_text_printf(t, " ***parse error***");
	return retval;
}
