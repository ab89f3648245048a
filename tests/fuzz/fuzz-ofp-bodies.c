/* libFuzzer: arbitrary bytes as the body of each message type this
 * fuzzer knows, under every version.  Decoders and printers must never
 * crash; what decodes must encode back and decode to the same values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-aggregate.h"
#include "ofp-flow-monitor.h"
#include "ofp-flow-removed.h"
#include "ofp-group-stats.h"
#include "ofp-meter.h"
#include "ofp-packet-in.h"
#include "ofp-msgs.h"
#include "ofp-port.h"
#include "ofp-port-stats.h"
#include "ofp-port-mod.h"
#include "ofp-print.h"
#include "ofp-table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const enum ofptype types[] = {
	OFPTYPE_PORT_STATS_REQUEST, OFPTYPE_PORT_STATS_REPLY,
	OFPTYPE_QUEUE_STATS_REQUEST, OFPTYPE_QUEUE_STATS_REPLY,
	OFPTYPE_METER_MOD, OFPTYPE_METER_STATS_REQUEST,
	OFPTYPE_METER_STATS_REPLY, OFPTYPE_METER_CONFIG_STATS_REPLY,
	OFPTYPE_METER_FEATURES_STATS_REPLY, OFPTYPE_PORT_MOD,
	OFPTYPE_TABLE_MOD, OFPTYPE_GROUP_STATS_REQUEST,
	OFPTYPE_GROUP_STATS_REPLY, OFPTYPE_AGGREGATE_STATS_REPLY,
	OFPTYPE_NXST_AGGREGATE_REPLY, OFPTYPE_FLOW_REMOVED,
	OFPTYPE_NXT_FLOW_REMOVED, OFPTYPE_METER_CONFIG_STATS_REQUEST,
	OFPTYPE_PACKET_IN, OFPTYPE_NXT_PACKET_IN, OFPTYPE_NXT_PACKET_IN2,
	OFPTYPE_NXT_RESUME, OFPTYPE_BUNDLE_CONTROL,
	OFPTYPE_BUNDLE_ADD_MESSAGE, OFPTYPE_QUEUE_GET_CONFIG_REQUEST,
	OFPTYPE_QUEUE_GET_CONFIG_REPLY, OFPTYPE_NXT_TLV_TABLE_MOD,
	OFPTYPE_NXT_TLV_TABLE_REPLY, OFPTYPE_REQUESTFORWARD,
	OFPTYPE_PORT_DESC_STATS_REQUEST, OFPTYPE_TABLE_STATS_REPLY,
	OFPTYPE_TABLE_DESC_REPLY, OFPTYPE_TABLE_STATUS,
	OFPTYPE_FLOW_MONITOR_STATS_REQUEST,
	OFPTYPE_GROUP_FEATURES_STATS_REPLY, OFPTYPE_QUEUE_DESC_STATS_REQUEST,
	OFPTYPE_QUEUE_DESC_STATS_REPLY,
};

#define N_TYPES (sizeof types / sizeof types[0])

static void check(bool ok)
{
	if (!ok)
		abort();
}

static void port_stats_roundtrip(uint8_t v, const uint8_t *p, size_t n)
{
	struct bytecur c = bytecur_make(p, n);
	struct ofp_port_stats ps;

	while (!ofp_port_stats_pull(v, &c, &ps)) {
		struct bytebuf b = BYTEBUF_INITIALIZER;
		struct ofp_port_stats again;
		ofp_port_stats_put(&b, v, &ps);
		struct bytecur d = bytecur_make(b.data, b.size);
		check(!ofp_port_stats_pull(v, &d, &again));
		check(!memcmp(&again, &ps, sizeof ps));
		bytebuf_uninit(&b);
	}
}

static void queue_stats_roundtrip(uint8_t v, const uint8_t *p, size_t n)
{
	struct bytecur c = bytecur_make(p, n);
	struct ofp_queue_stats qs;

	while (!ofp_queue_stats_pull(v, &c, &qs)) {
		struct bytebuf b = BYTEBUF_INITIALIZER;
		struct ofp_queue_stats again;
		ofp_queue_stats_put(&b, v, &qs);
		struct bytecur d = bytecur_make(b.data, b.size);
		check(!ofp_queue_stats_pull(v, &d, &again));
		check(!memcmp(&again, &qs, sizeof qs));
		bytebuf_uninit(&b);
	}
}

static void meter_mod_roundtrip(const struct ofpmsg *m)
{
	struct ofp_meter_mod mm, again;
	struct ofp_meter_band bands[8];

	if (ofp_meter_mod_decode(m, &mm) || mm.meter.n_bands > 8)
		return;
	struct bytecur c = bytecur_make(mm.meter.bands,
					mm.meter.n_bands * OFP_METER_BAND_LEN);
	for (size_t i = 0; i < mm.meter.n_bands; i++)
		ofp_meter_band_pull(&c, &bands[i]);

	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofpmsg m2;
	ofp_meter_mod_encode(&b, m->version, m->xid, &mm, bands,
			     mm.meter.n_bands);
	check(!ofpmsg_decode(&m2, b.data, b.size));
	check(!ofp_meter_mod_decode(&m2, &again));
	check(again.command == mm.command &&
	      again.meter.meter_id == mm.meter.meter_id &&
	      again.meter.flags == mm.meter.flags &&
	      again.meter.n_bands == mm.meter.n_bands);
	bytebuf_uninit(&b);
}

/* Each request, alone in a new message of the same form, decodes the
 * same. */
static void flow_monitor_roundtrip(const struct ofpmsg *m)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_flow_monitor_request rq, again;

	while (!ofp_flow_monitor_request_pull(m, &c, &rq)) {
		struct bytebuf b = BYTEBUF_INITIALIZER;
		struct ofpmsg m2;
		size_t start = ofpmsg_start(&b, m->type, m->version, m->xid);
		ofp_flow_monitor_request_put(&b, m, &rq);
		check(ofpmsg_finish(&b, start));
		check(!ofpmsg_decode(&m2, b.data, b.size));
		struct bytecur d = bytecur_make(m2.body, m2.body_len);
		check(!ofp_flow_monitor_request_pull(&m2, &d, &again));
		check(!memcmp(&rq, &again, sizeof rq));
		bytebuf_uninit(&b);
	}
}

/* Encodes 'm''s decoded form again and decodes that. */
static void reencode(const struct ofpmsg *m)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofpmsg m2;

	if (m->type == OFPTYPE_PORT_MOD) {
		struct ofp_port_mod pm, again;
		if (ofp_port_mod_decode(m, false, &pm))
			return;
		ofp_port_mod_encode(&b, m->version, m->xid, &pm);
		check(!ofpmsg_decode(&m2, b.data, b.size));
		check(!ofp_port_mod_decode(&m2, false, &again));
		check(!memcmp(&pm, &again, sizeof pm));
	} else if (m->type == OFPTYPE_TABLE_MOD) {
		struct ofp_table_mod tm, again;
		if (ofp_table_mod_decode(m, &tm))
			return;
		ofp_table_mod_encode(&b, m->version, m->xid, &tm);
		check(!ofpmsg_decode(&m2, b.data, b.size));
		check(!ofp_table_mod_decode(&m2, &again));
		check(!memcmp(&tm, &again, sizeof tm));
	} else if (m->type == OFPTYPE_TABLE_STATUS) {
		struct ofp_table_desc td, again;
		uint8_t reason, reason2;
		if (ofp_table_status_decode(m, &reason, &td))
			return;
		ofp_table_status_encode(&b, m->version, m->xid, reason, &td);
		check(!ofpmsg_decode(&m2, b.data, b.size));
		check(!ofp_table_status_decode(&m2, &reason2, &again));
		check(reason == reason2 && !memcmp(&td, &again, sizeof td));
	} else if (m->type == OFPTYPE_FLOW_REMOVED ||
		   m->type == OFPTYPE_NXT_FLOW_REMOVED) {
		struct ofp_flow_removed fr, again;
		if (ofp_flow_removed_decode(m, &fr))
			return;
		ofp_flow_removed_encode(&b, m->type, m->version, m->xid, &fr);
		check(!ofpmsg_decode(&m2, b.data, b.size));
		check(!ofp_flow_removed_decode(&m2, &again));
		check(!memcmp(&fr, &again, sizeof fr));
	} else if (m->type == OFPTYPE_PACKET_IN ||
		   m->type == OFPTYPE_NXT_PACKET_IN ||
		   m->type == OFPTYPE_NXT_PACKET_IN2 ||
		   m->type == OFPTYPE_NXT_RESUME) {
		struct ofp_packet_in pin, again;
		if (ofp_packet_in_decode(m, false, &pin))
			return;
		ofp_packet_in_encode(&b, m->type, m->version, m->xid, &pin);
		check(!ofpmsg_decode(&m2, b.data, b.size));
		check(!ofp_packet_in_decode(&m2, false, &again));
		check(of_match_equal(&pin.metadata, &again.metadata) &&
		      pin.total_len == again.total_len &&
		      pin.buffer_id == again.buffer_id &&
		      pin.reason == again.reason &&
		      pin.packet_len == again.packet_len &&
		      !memcmp(pin.packet, again.packet, pin.packet_len));
	} else if (m->type == OFPTYPE_AGGREGATE_STATS_REPLY ||
		   m->type == OFPTYPE_NXST_AGGREGATE_REPLY) {
		struct ofp_aggregate_stats as, again;
		if (ofp_aggregate_reply_decode(m, &as))
			return;
		ofp_aggregate_reply_encode(&b, m->type, m->version, m->xid,
					   &as);
		check(!ofpmsg_decode(&m2, b.data, b.size));
		check(!ofp_aggregate_reply_decode(&m2, &again));
		check(!memcmp(&as, &again, sizeof as));
	}
	bytebuf_uninit(&b);
}

/* First byte: the type; second: the version; the rest: the body. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2 || size > 4096)
		return 0;
	enum ofptype type = types[data[0] % N_TYPES];
	uint8_t version = OFP10_VERSION + data[1] % 6;
	if (!ofpmsg_row_find(type, version))
		return 0;

	struct bytebuf b = BYTEBUF_INITIALIZER;
	size_t start = ofpmsg_start(&b, type, version, 1);
	bytebuf_put(&b, data + 2, size - 2);
	if (!ofpmsg_finish(&b, start)) {
		bytebuf_uninit(&b);
		return 0;
	}
	free(ofp_to_string(b.data, b.size, 5));

	struct ofpmsg m;
	if (!ofpmsg_decode(&m, b.data, b.size)) {
		if (type == OFPTYPE_PORT_STATS_REPLY)
			port_stats_roundtrip(version, m.body, m.body_len);
		else if (type == OFPTYPE_QUEUE_STATS_REPLY)
			queue_stats_roundtrip(version, m.body, m.body_len);
		else if (type == OFPTYPE_METER_MOD)
			meter_mod_roundtrip(&m);
		else if (type == OFPTYPE_FLOW_MONITOR_STATS_REQUEST)
			flow_monitor_roundtrip(&m);
		else
			reencode(&m);
	}
	bytebuf_uninit(&b);
	return 0;
}
