/* Request dispatch: decodes each request a connection hands over, checks
 * who may ask, and answers from or applies to the bridge's state. */
#include "ofproto-private.h"

#include <limits.h>
#include <string.h>

#include "bytebuf.h"
#include "dpif.h"
#include "ofp-actions.h"
#include "ofp-aggregate.h"
#include "ofp-flow-stats.h"
#include "ofp-packet-out.h"
#include "ofp-port-mod.h"
#include "ofp-port-stats.h"
#include "ofp-queue-config.h"
#include "ofp-table.h"

#define OFPROTO_MFR_DESC "Weir"
#define OFPROTO_HW_DESC "Weir software switch"
#define OFPROTO_SW_DESC "Weir"
#define OFPROTO_SERIAL_DESC "None"
#define OFPROTO_MP_MAX UINT16_MAX

/* Multipart replies. */

static struct bytebuf *ofproto_mp_new(struct ofproto_mp *mp)
{
	mp->cur = ofproto_replies_add(mp->replies);
	ofpmsg_start(mp->cur, mp->type, mp->version, mp->xid);
	return mp->cur;
}

void ofproto_mp_start(struct ofproto_mp *mp, struct ofproto_replies *replies,
		      enum ofptype reply_type, const struct ofpmsg *request)
{
	mp->replies = replies;
	mp->type = reply_type;
	mp->version = request->version;
	mp->xid = request->xid;
	ofproto_mp_new(mp);
}

struct bytebuf *ofproto_mp_room(struct ofproto_mp *mp, size_t len)
{
	if (mp->cur->size + len > OFPROTO_MP_MAX) {
		ofpmsg_finish(mp->cur, 0);
		ofpmsg_set_mp_flags(mp->cur, 0, OFPSF_REPLY_MORE);
		ofproto_mp_new(mp);
	}
	return mp->cur;
}

void ofproto_mp_append(struct ofproto_mp *mp, const void *data, size_t len)
{
	bytebuf_put(ofproto_mp_room(mp, len), data, len);
}

void ofproto_mp_finish(struct ofproto_mp *mp)
{
	ofpmsg_finish(mp->cur, 0);
}

/* Switch description and configuration. */

static void put_desc_field(struct bytebuf *b, const char *s, size_t len)
{
	char *field = bytebuf_put_zeros(b, len);

	strncpy(field, s, len - 1);
}

static enum ofperr handle_desc_stats(struct ofproto *p, const struct ofpmsg *m,
				     struct ofproto_replies *replies)
{
	struct bytebuf *b = ofproto_replies_add(replies);

	ofpmsg_start(b, OFPTYPE_DESC_STATS_REPLY, m->version, m->xid);
	put_desc_field(b, OFPROTO_MFR_DESC, 256);
	put_desc_field(b, OFPROTO_HW_DESC, 256);
	put_desc_field(b, OFPROTO_SW_DESC, 256);
	put_desc_field(b, OFPROTO_SERIAL_DESC, 32);
	put_desc_field(b, p->name, 256);
	ofpmsg_finish(b, 0);
	return 0;
}

/* What OVS advertises: groups from 1.1, ARP matching before 1.2 (where
 * the bit exists), bundles from 1.4. */
static uint32_t ofproto_capabilities(uint8_t version)
{
	uint32_t caps = OFPC_FLOW_STATS | OFPC_TABLE_STATS | OFPC_PORT_STATS
		| OFPC_QUEUE_STATS;

	if (version >= OFP11_VERSION) {
		caps |= OFPC11_GROUP_STATS;
	}
	if (version <= OFP11_VERSION) {
		caps |= OFPC_ARP_MATCH_IP;
	}
	if (version >= OFP14_VERSION) {
		caps |= OFPC14_BUNDLES;
	}
	return caps & ofp_switch_capabilities_mask(version);
}

/* OpenFlow 1.0's action bitmap: output through mod_tp_dst, and enqueue. */
#define OFPROTO_OF10_ACTIONS 0xfffu

static enum ofperr handle_features_request(struct ofproto *p,
					   const struct ofpmsg *m,
					   struct ofproto_replies *replies)
{
	struct ofp_switch_features f = {
		.datapath_id = p->datapath_id,
		.n_buffers = 0,
		.n_tables = p->n_tables,
		.capabilities = ofproto_capabilities(m->version),
		.actions = m->version == OFP10_VERSION
			   ? OFPROTO_OF10_ACTIONS : 0,
	};

	struct bytebuf *b = ofproto_replies_add(replies);

	ofp_switch_features_encode(b, m->version, m->xid, &f);
	/* Before 1.3 the ports follow. */
	if (m->version < OFP13_VERSION) {
		for (size_t i = 0; i < p->n_ports; i++) {
			ofproto_port_desc_put(b, m->version, &p->ports[i]);
		}
		if (!ofpmsg_finish(b, 0)) {
			return OFPERR_OFPBRC_BAD_LEN;
		}
	}
	return 0;
}


static enum ofperr handle_get_config(struct ofproto *p, const struct ofpmsg *m,
				     const struct ofproto_conn *conn,
				     struct ofproto_replies *replies)
{
	struct ofp_switch_config sc = {
		.flags = p->frag_flags,
		.miss_send_len = conn->miss_send_len,
	};

	ofp_switch_config_encode(ofproto_replies_add(replies),
				 OFPTYPE_GET_CONFIG_REPLY, m->version, m->xid,
				 &sc);
	return 0;
}

/* Fragment handling the datapath supports; others leave it unchanged, as
 * OVS does (no error). */
static enum ofperr handle_set_config(struct ofproto *p, const struct ofpmsg *m,
				     const struct ofproto_conn *conn)
{
	struct ofp_switch_config sc;
	enum ofperr error = ofp_switch_config_decode(m, &sc);
	uint16_t frag;

	if (error) {
		return error;
	}
	frag = sc.flags & OFPC_FRAG_MASK;
	if (!conn->is_slave && frag != OFPC_FRAG_REASM) {
		p->frag_flags = frag;
	}
	return 0;
}

/* Flow statistics. */

static void rule_to_flow_stats(const struct rule *rule, long long now,
			       struct ofp_flow_stats *fs)
{
	const struct rule_actions *ra = rule_get_actions(rule);
	long long age = now - rule->created_ms;
	struct rule_stats s;

	rule_get_stats(rule, &s);
	memset(fs, 0, sizeof *fs);
	fs->match = *rule->cr.match;
	fs->priority = rule->cr.priority;
	fs->table_id = rule->table_id;
	fs->duration_sec = age / 1000;
	fs->duration_nsec = age % 1000 * 1000000;
	fs->idle_timeout = rule->idle_timeout;
	fs->hard_timeout = rule->hard_timeout;
	fs->importance = rule->importance;
	fs->flags = rule->flags;
	fs->cookie = rule->cookie;
	fs->packet_count = s.packets;
	fs->byte_count = s.bytes;
	fs->idle_age = (now - s.used_ms) / 1000;
	fs->hard_age = (now - rule->modified_ms) / 1000;
	fs->ofpacts = ra->ofpacts;
	fs->ofpacts_len = ra->len;
}

static enum ofperr collect_for_stats(struct ofproto *p, const struct ofpmsg *m,
				     struct rule_list *rules)
{
	struct ofp_flow_stats_request req;
	struct ofproto_criteria c;
	enum ofperr error = ofp_flow_stats_request_decode(m, &req);

	if (error) {
		return error;
	}
	memset(&c, 0, sizeof c);
	c.match = &req.match;
	c.table_id = req.table_id;
	c.cookie = req.cookie;
	c.cookie_mask = req.cookie_mask;
	c.out_port = req.out_port;
	c.out_group = req.out_group;
	error = ofproto_collect_rules(p, &c, ofproto_version(p), rules);
	if (error) {
		rule_list_destroy(rules);
	}
	return error;
}

static enum ofperr handle_flow_stats(struct ofproto *p, const struct ofpmsg *m,
				     enum ofptype reply_type,
				     struct ofproto_replies *replies)
{
	struct rule_list rules = { NULL, 0, 0 };
	struct bytebuf entry = BYTEBUF_INITIALIZER;
	long long now = ofproto_now(p);
	enum ofperr error = collect_for_stats(p, m, &rules);
	struct ofproto_mp mp;

	if (error) {
		return error;
	}
	ofproto_mp_start(&mp, replies, reply_type, m);
	for (size_t i = 0; i < rules.n; i++) {
		struct ofp_flow_stats fs;

		rule_to_flow_stats(rules.rules[i], now, &fs);
		bytebuf_clear(&entry);
		if (!ofp_flow_stats_put(&entry, reply_type, m->version, &fs)) {
			ofproto_mp_append(&mp, entry.data, entry.size);
		}
	}
	ofproto_mp_finish(&mp);
	bytebuf_uninit(&entry);
	rule_list_destroy(&rules);
	return 0;
}

static enum ofperr handle_aggregate_stats(struct ofproto *p,
					  const struct ofpmsg *m,
					  enum ofptype reply_type,
					  struct ofproto_replies *replies)
{
	struct rule_list rules = { NULL, 0, 0 };
	struct ofp_aggregate_stats agg = { 0, 0, 0 };
	enum ofperr error = collect_for_stats(p, m, &rules);

	if (error) {
		return error;
	}
	for (size_t i = 0; i < rules.n; i++) {
		struct rule_stats s;

		rule_get_stats(rules.rules[i], &s);
		agg.packet_count += s.packets;
		agg.byte_count += s.bytes;
		agg.flow_count++;
	}
	rule_list_destroy(&rules);
	ofp_aggregate_reply_encode(ofproto_replies_add(replies), reply_type,
				   m->version, m->xid, &agg);
	return 0;
}

/* Ports. */

static enum ofperr handle_port_mod(struct ofproto *p, const struct ofpmsg *m)
{
	const struct ofp_phy_port *port;
	struct ofp_port_mod pm;
	enum ofperr error = ofp_port_mod_decode(m, false, &pm);

	if (error) {
		return error;
	}
	port = ofproto_port_find(p, of_port_from_of10(pm.port_no));
	if (!port) {
		return OFPERR_OFPPMFC_BAD_PORT;
	}
	if (memcmp(port->hw_addr, pm.hw_addr, sizeof pm.hw_addr)) {
		return OFPERR_OFPPMFC_BAD_HW_ADDR;
	}
	if (pm.mask && p->events.port_mod) {
		p->events.port_mod(p->aux, of_port_from_of10(pm.port_no),
				   pm.config, pm.mask);
	}
	return 0;
}

static void port_stats_fill(struct ofproto *p, uint16_t port_no,
			    struct ofp_port_stats *ps)
{
	struct dpif_port_stats d;
	long long added;

	memset(ps, 0, sizeof *ps);
	memset(&d, 0, sizeof d);
	ps->port_no = port_no;
	for (size_t i = 0; i < OFP_PORT_STATS_N_RFC2819; i++) {
		ps->rfc2819[i] = OFP_STAT_UNKNOWN;
	}
	ps->duration_sec = ps->duration_nsec = OFP_DURATION_UNKNOWN;
	added = ofproto_port_added_ms(p, of_port_from_of10(port_no));
	if (added >= 0) {
		long long age = ofproto_now(p) - added;

		ps->duration_sec = age / 1000;
		ps->duration_nsec = age % 1000 * 1000000;
	}
	if (p->events.port_stats
	    && !p->events.port_stats(p->aux, of_port_from_of10(port_no), &d)) {
		ps->rx_packets = d.rx_packets;
		ps->tx_packets = d.tx_packets;
		ps->rx_bytes = d.rx_bytes;
		ps->tx_bytes = d.tx_bytes;
		ps->rx_dropped = d.rx_dropped;
		ps->tx_dropped = d.tx_dropped;
		ps->rx_errors = d.rx_errors;
		ps->tx_errors = d.tx_errors;
		ps->rx_frame_errors = d.rx_frame_errors;
		ps->rx_over_errors = d.rx_over_errors;
		ps->rx_crc_errors = d.rx_crc_errors;
		ps->collisions = d.collisions;
	}
}

/* Port stats and port descriptions: one entry per port asked for. */
static enum ofperr handle_port_request(struct ofproto *p,
				       const struct ofpmsg *m,
				       struct ofproto_replies *replies)
{
	bool stats = m->type == OFPTYPE_PORT_STATS_REQUEST;
	struct bytebuf entry = BYTEBUF_INITIALIZER;
	struct ofproto_mp mp;
	uint16_t port_no;
	enum ofperr error = stats
		? ofp_port_stats_request_decode(m, &port_no)
		: ofp_port_desc_request_decode(m, &port_no);

	if (error) {
		return error;
	}
	ofproto_mp_start(&mp, replies, stats ? OFPTYPE_PORT_STATS_REPLY
			 : OFPTYPE_PORT_DESC_STATS_REPLY, m);
	for (size_t i = 0; i < p->n_ports; i++) {
		const struct ofp_phy_port *port = &p->ports[i];
		struct ofp_port_stats ps;

		if (port_no != OFPP_ANY && port_no != port->port_no) {
			continue;
		}
		bytebuf_clear(&entry);
		if (stats) {
			port_stats_fill(p, port->port_no, &ps);
			ofp_port_stats_put(&entry, m->version, &ps);
		} else {
			ofproto_port_desc_put(&entry, m->version, port);
		}
		ofproto_mp_append(&mp, entry.data, entry.size);
	}
	ofproto_mp_finish(&mp);
	bytebuf_uninit(&entry);
	return 0;
}

/* No queues: an empty reply for every port, OFPQOFC_BAD_PORT otherwise. */
static enum ofperr handle_queue_stats(struct ofproto *p, const struct ofpmsg *m,
				      struct ofproto_replies *replies)
{
	struct ofproto_mp mp;
	uint32_t queue;
	uint16_t port_no;
	enum ofperr error = ofp_queue_stats_request_decode(m, &port_no,
							   &queue);

	if (error) {
		return error;
	}
	if (port_no != OFPP_ANY
	    && !ofproto_port_find(p, of_port_from_of10(port_no))) {
		return OFPERR_OFPQOFC_BAD_PORT;
	}
	ofproto_mp_start(&mp, replies, OFPTYPE_QUEUE_STATS_REPLY, m);
	ofproto_mp_finish(&mp);
	return 0;
}

/* No queues: a port's configuration lists none. */
static enum ofperr handle_queue_get_config(struct ofproto *p,
					   const struct ofpmsg *m,
					   struct ofproto_replies *replies)
{
	struct bytebuf *b;
	uint32_t queue;
	uint16_t port_no;
	enum ofperr error = ofp_queue_config_request_decode(m, &port_no,
							    &queue);

	if (error) {
		return error;
	}
	if (port_no != OFPP_ANY
	    && !ofproto_port_find(p, of_port_from_of10(port_no))) {
		return OFPERR_OFPQOFC_BAD_PORT;
	}
	b = ofproto_replies_add(replies);
	ofp_queue_config_reply_start(b, m->version, m->xid, port_no);
	ofpmsg_finish(b, 0);
	return 0;
}

/* Packet out. */

static bool packet_out_in_port_ok(uint32_t in_port)
{
	return in_port < OFPP_MAX
		|| in_port == OFPP11_OFFSET + OFPP_LOCAL
		|| in_port == OFPP11_OFFSET + OFPP_CONTROLLER
		|| in_port == OFPP11_OFFSET + OFPP_ANY;
}

static enum ofperr handle_packet_out(struct ofproto *p, const struct ofpmsg *m)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_packet_out po;
	enum ofperr error = ofp_packet_out_decode(m, &po, &ofpacts);

	if (!error && !packet_out_in_port_ok(ofp_packet_out_in_port(&po))) {
		error = OFPERR_OFPBRC_BAD_PORT;
	}
	if (!error && po.buffer_id != UINT32_MAX) {
		error = OFPERR_OFPBRC_BUFFER_UNKNOWN;
	}
	if (!error) {
		error = ofpacts_check((void *) po.ofpacts, po.ofpacts_len,
				      &po.match, ofproto_max_ports(p),
				      0, p->n_tables);
	}
	if (!error) {
		error = ofproto_check_action_refs(p, po.ofpacts,
						  po.ofpacts_len);
	}
	if (!error && p->events.packet_out) {
		error = p->events.packet_out(p->aux, &po);
	}
	bytebuf_uninit(&ofpacts);
	return error;
}

/* Dispatch. */

static enum ofperr handle_flow_mod(struct ofproto *p, const struct ofpmsg *m,
				   const struct ofproto_conn *conn)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm;
	enum ofperr error = of_flow_mod_decode(m, &fm, &ofpacts);

	if (!error) {
		error = ofproto_flow_mod_fix_table(&fm, m, conn->protocol);
	}
	if (!error) {
		error = ofproto_flow_mod(p, &fm, m->version);
	}
	bytebuf_uninit(&ofpacts);
	return error;
}

static bool ofptype_changes_state(enum ofptype type)
{
	switch (type) {
	case OFPTYPE_FLOW_MOD:
	case OFPTYPE_NXT_FLOW_MOD:
	case OFPTYPE_GROUP_MOD:
	case OFPTYPE_PORT_MOD:
	case OFPTYPE_TABLE_MOD:
	case OFPTYPE_METER_MOD:
	case OFPTYPE_PACKET_OUT:
	case OFPTYPE_BUNDLE_CONTROL:
	case OFPTYPE_BUNDLE_ADD_MESSAGE:
		return true;
	default:
		return false;
	}
}

static enum ofperr handle_stats(struct ofproto *p, const struct ofpmsg *m,
				struct ofproto_replies *replies)
{
	switch (m->type) {
	case OFPTYPE_DESC_STATS_REQUEST:
		return handle_desc_stats(p, m, replies);
	case OFPTYPE_FLOW_STATS_REQUEST:
		return handle_flow_stats(p, m, OFPTYPE_FLOW_STATS_REPLY,
					 replies);
	case OFPTYPE_NXST_FLOW_REQUEST:
		return handle_flow_stats(p, m, OFPTYPE_NXST_FLOW_REPLY,
					 replies);
	case OFPTYPE_AGGREGATE_STATS_REQUEST:
		return handle_aggregate_stats(
			p, m, OFPTYPE_AGGREGATE_STATS_REPLY, replies);
	case OFPTYPE_NXST_AGGREGATE_REQUEST:
		return handle_aggregate_stats(
			p, m, OFPTYPE_NXST_AGGREGATE_REPLY, replies);
	case OFPTYPE_TABLE_STATS_REQUEST:
		return ofproto_handle_table_stats(p, m, replies);
	case OFPTYPE_TABLE_DESC_REQUEST:
		return ofproto_handle_table_desc(p, m, replies);
	case OFPTYPE_TABLE_FEATURES_STATS_REQUEST:
		return ofproto_handle_table_features(p, m, replies);
	case OFPTYPE_PORT_STATS_REQUEST:
	case OFPTYPE_PORT_DESC_STATS_REQUEST:
		return handle_port_request(p, m, replies);
	case OFPTYPE_QUEUE_STATS_REQUEST:
		return handle_queue_stats(p, m, replies);
	case OFPTYPE_GROUP_STATS_REQUEST:
	case OFPTYPE_GROUP_DESC_STATS_REQUEST:
	case OFPTYPE_GROUP_FEATURES_STATS_REQUEST:
		return ofproto_handle_group_request(p, m, replies);
	case OFPTYPE_METER_STATS_REQUEST:
	case OFPTYPE_METER_CONFIG_STATS_REQUEST:
	case OFPTYPE_METER_FEATURES_STATS_REQUEST:
		return ofproto_handle_meter_request(p, m, replies);
	default:
		return ofptype_is_stat(m->type) ? OFPERR_OFPBRC_BAD_STAT
			: OFPERR_OFPBRC_BAD_TYPE;
	}
}

enum ofperr ofproto_handle(struct ofproto *p, const struct ofpmsg *m,
			   const struct ofproto_conn *conn,
			   struct ofproto_replies *replies)
{
	if (conn->is_slave && ofptype_changes_state(m->type)) {
		return OFPERR_OFPBRC_IS_SECONDARY;
	}
	switch (m->type) {
	case OFPTYPE_FLOW_MOD:
	case OFPTYPE_NXT_FLOW_MOD:
		return handle_flow_mod(p, m, conn);
	case OFPTYPE_FEATURES_REQUEST:
		return handle_features_request(p, m, replies);
	case OFPTYPE_GET_CONFIG_REQUEST:
		return handle_get_config(p, m, conn, replies);
	case OFPTYPE_SET_CONFIG:
		return handle_set_config(p, m, conn);
	case OFPTYPE_PORT_MOD:
		return handle_port_mod(p, m);
	case OFPTYPE_TABLE_MOD:
		return ofproto_handle_table_mod(p, m);
	case OFPTYPE_PACKET_OUT:
		return handle_packet_out(p, m);
	case OFPTYPE_QUEUE_GET_CONFIG_REQUEST:
		return handle_queue_get_config(p, m, replies);
	case OFPTYPE_METER_MOD:
		return ofproto_handle_meter_mod(p, m);
	case OFPTYPE_GROUP_MOD:
		return ofproto_handle_group_mod(p, m);
	case OFPTYPE_BUNDLE_CONTROL:
		return ofproto_handle_bundle_control(p, m, conn, replies);
	case OFPTYPE_BUNDLE_ADD_MESSAGE:
		return ofproto_handle_bundle_add(p, m, conn);
	default:
		return handle_stats(p, m, replies);
	}
}
