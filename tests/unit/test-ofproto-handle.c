/* ofproto_handle() and the bridge API beyond the flow table scenarios of
 * test-ofproto.c: switch description and configuration, timeouts and
 * FLOW_REMOVED, versions, the hooks, table limits and eviction, table,
 * port and queue requests, bundle control, multipart splitting, packet
 * out and meter statistics.  Expected texts are ovs-ofctl's (Open vSwitch
 * 3.1) for the same replies. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <urcu.h>

#include "bytebuf.h"
#include "dpif.h"
#include "ofp-actions.h"
#include "ofp-bundle.h"
#include "ofp-flow-mod.h"
#include "ofp-flow-removed.h"
#include "ofp-flow-stats.h"
#include "ofp-group-mod.h"
#include "ofp-group-stats.h"
#include "ofp-meter.h"
#include "ofp-msgs.h"
#include "ofp-packet-out.h"
#include "ofp-port-mod.h"
#include "ofp-port.h"
#include "ofp-port-stats.h"
#include "ofp-print.h"
#include "ofp-queue-config.h"
#include "ofp-switch.h"
#include "ofp-table-features.h"
#include "ofp-table.h"
#include "ofproto.h"
#include "rule.h"
#include "xalloc.h"

#include "test-ofproto-util.h"

#define N(A) (sizeof (A) / sizeof (A)[0])

/* What the hooks saw. */
struct hooks {
	int n_removed;
	uint8_t reasons[16];
	uint16_t removed_priority[16];
	size_t n_added, n_modified, n_removed_change, n_changes;
	int n_port_mods;
	uint32_t port_mod[3];
	int n_packet_outs;
	uint32_t packet_out_in_port;
};

static struct hooks hooks;
static long long fake_now;

static long long fake_clock(void)
{
	return fake_now;
}

static void hook_flow_removed(void *aux, const struct rule *rule,
			      uint8_t reason)
{
	(void) aux;
	if (hooks.n_removed < (int) N(hooks.reasons)) {
		hooks.reasons[hooks.n_removed] = reason;
		hooks.removed_priority[hooks.n_removed] = rule->cr.priority;
	}
	hooks.n_removed++;
}

static void hook_tables_changed(void *aux, const struct ofproto_change *c)
{
	(void) aux;
	hooks.n_added += c->n_added;
	hooks.n_modified += c->n_modified;
	hooks.n_removed_change += c->n_removed;
	hooks.n_changes++;
}

static enum ofperr hook_packet_out(void *aux, const struct ofp_packet_out *po)
{
	(void) aux;
	hooks.n_packet_outs++;
	hooks.packet_out_in_port = ofp_packet_out_in_port(po);
	return 0;
}

static void hook_port_mod(void *aux, uint32_t port, uint32_t config,
			  uint32_t mask)
{
	(void) aux;
	hooks.n_port_mods++;
	hooks.port_mod[0] = port;
	hooks.port_mod[1] = config;
	hooks.port_mod[2] = mask;
}

static int hook_port_stats(void *aux, uint32_t port,
			   struct dpif_port_stats *s)
{
	(void) aux;
	s->rx_packets = port * 10;
	s->tx_packets = port * 20;
	s->rx_bytes = 1000;
	s->tx_bytes = 2000;
	return 0;
}

static const struct ofproto_events events = {
	.flow_removed = hook_flow_removed,
	.tables_changed = hook_tables_changed,
	.packet_out = hook_packet_out,
	.port_mod = hook_port_mod,
	.port_stats = hook_port_stats,
};

static struct ofproto *bridge(void)
{
	struct ofproto *p = ofproto_create("br0", 0x1234, 254, &events, NULL);

	memset(&hooks, 0, sizeof hooks);
	fake_now = 1000000;
	ofproto_set_clock(p, fake_clock);
	test_ofproto_add_ports(p);
	return p;
}

static struct ofproto_conn conn(uint8_t version)
{
	return test_ofproto_conn(version);
}

/* Hands 'b' over; the replies printed (xids as sent) into '*text' if
 * nonnull. */
static enum ofperr send_msg(struct ofproto *p, const struct bytebuf *b,
			    const struct ofproto_conn *c, char **text)
{
	struct odp_text out = ODP_TEXT_INIT;
	struct ofproto_replies r;
	struct ofpmsg m;
	enum ofperr e;

	assert_int_equal(ofpmsg_decode(&m, b->data, b->size), 0);
	ofproto_replies_init(&r);
	e = ofproto_handle(p, &m, c, &r);
	for (size_t i = 0; i < r.n; i++) {
		char *one = ofp_to_string(r.msgs[i].data, r.msgs[i].size, 1);

		odp_text_printf(&out, "%s", one);
		free(one);
	}
	if (text) {
		*text = xstrdup(odp_text_cstr(&out));
	}
	odp_text_free(&out);
	ofproto_replies_destroy(&r);
	return e;
}

static enum ofperr send_and_free(struct ofproto *p, struct bytebuf *b,
				 const struct ofproto_conn *c, char **text)
{
	enum ofperr e = send_msg(p, b, c, text);

	bytebuf_uninit(b);
	return e;
}

/* A request with no body. */
static char *ask(struct ofproto *p, enum ofptype type, uint8_t version)
{
	struct ofproto_conn c = conn(version);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	char *text;

	ofpmsg_finish(&b, ofpmsg_start(&b, type, version, 5));
	assert_int_equal(send_and_free(p, &b, &c, &text), 0);
	return text;
}

static void assert_text(char *text, const char *expected)
{
	assert_string_equal(text, expected);
	free(text);
}

static enum ofperr flow_mod_as(struct ofproto *p, int command,
			       const char *text, const struct ofproto_conn *c)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER, b = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm;
	uint32_t usable;
	char *error = of_flow_mod_parse(text, command, &fm, &ofpacts, &usable);

	assert_null(error);
	assert_int_equal(of_flow_mod_encode(&fm, c->protocol, 3, &b), 0);
	bytebuf_uninit(&ofpacts);
	return send_and_free(p, &b, c, NULL);
}

static enum ofperr flow_mod(struct ofproto *p, int command, const char *text)
{
	struct ofproto_conn c = conn(OFP13_VERSION);

	return flow_mod_as(p, command, text, &c);
}

static const struct rule *lookup(struct ofproto *p, uint8_t table,
				 cls_version_t version, uint16_t dl_type)
{
	struct of_flow flow;

	memset(&flow, 0, sizeof flow);
	flow.dl_type = htons(dl_type);
	return ofproto_rule_lookup(p, table, version, &flow, NULL);
}

/* Tests. */

static void test_features(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_text(ask(p, OFPTYPE_FEATURES_REQUEST, OFP13_VERSION),
		    "OFPT_FEATURES_REPLY (OF1.3) (xid=0x5): "
		    "dpid:0000000000001234\n"
		    "n_tables:254, n_buffers:0\n"
		    "capabilities: FLOW_STATS TABLE_STATS PORT_STATS "
		    "GROUP_STATS QUEUE_STATS\n");
	assert_text(ask(p, OFPTYPE_FEATURES_REQUEST, OFP15_VERSION),
		    "OFPT_FEATURES_REPLY (OF1.5) (xid=0x5): "
		    "dpid:0000000000001234\n"
		    "n_tables:254, n_buffers:0\n"
		    "capabilities: FLOW_STATS TABLE_STATS PORT_STATS "
		    "GROUP_STATS QUEUE_STATS BUNDLES\n");
	ofproto_destroy(p);
}

static void test_features_of10(void **state)
{
	struct ofproto *p = bridge();
	char *text = ask(p, OFPTYPE_FEATURES_REQUEST, OFP10_VERSION);

	(void) state;
	assert_non_null(strstr(text, "OFPT_FEATURES_REPLY (xid=0x5): "
			       "dpid:0000000000001234\n"
			       "n_tables:254, n_buffers:0\n"
			       "capabilities: FLOW_STATS TABLE_STATS "
			       "PORT_STATS QUEUE_STATS ARP_MATCH_IP\n"));
	free(text);
	ofproto_destroy(p);
}

/* The ports each version lists: FEATURES_REPLY before 1.3, the port
 * description reply from 1.0 on; read back as lib/ofp-port.c reads them. */
static void check_ports(const uint8_t *body, size_t len, uint8_t version,
			const struct ofp_phy_port *expect, size_t n)
{
	struct bytecur c = bytecur_make(body, len);
	struct ofp_phy_port pp;
	size_t i = 0;

	while (!ofp_phy_port_pull(version, &c, &pp)) {
		assert_true(i < n);
		assert_int_equal(pp.port_no, expect[i].port_no);
		assert_memory_equal(pp.hw_addr, expect[i].hw_addr, 6);
		assert_string_equal(pp.name, expect[i].name);
		assert_int_equal(pp.config, expect[i].config);
		assert_int_equal(pp.curr, expect[i].curr);
		assert_int_equal(pp.curr_speed, expect[i].curr_speed);
		i++;
	}
	assert_int_equal(i, n);
	assert_int_equal(c.left, 0);
}

static void test_ports(void **state)
{
	struct ofproto *p = bridge();
	struct ofp_phy_port local = {
		.port_no = OFPP_LOCAL, .hw_addr = { 0xaa, 0, 0, 0, 0, 0xfe },
		.name = "br0", .config = OFPPC_PORT_DOWN,
		.curr = 0x2820,	/* 1GB-FD, copper, autoneg */
		.curr_speed = 1000000,
	};
	struct ofp_phy_port expect[4];

	(void) state;
	memcpy(expect, ofproto_port_find(p, 1), sizeof expect[0]);
	memcpy(&expect[1], ofproto_port_find(p, 2), sizeof expect[0]);
	memcpy(&expect[2], ofproto_port_find(p, 3), sizeof expect[0]);
	expect[3] = local;
	assert_int_equal(ofproto_port_set(p, &local), 0);
	for (uint8_t v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
		enum ofptype type = v < OFP13_VERSION ? OFPTYPE_FEATURES_REQUEST
			: OFPTYPE_PORT_DESC_STATS_REQUEST;
		struct ofproto_conn c = conn(v);
		struct bytebuf b = BYTEBUF_INITIALIZER;
		struct ofproto_replies r;
		struct ofpmsg m, reply;

		if (type == OFPTYPE_FEATURES_REQUEST) {
			ofpmsg_finish(&b, ofpmsg_start(&b, type, v, 5));
		} else {
			ofp_port_desc_request_encode(&b, v, 5, OFPP_ANY);
		}
		assert_int_equal(ofpmsg_decode(&m, b.data, b.size), 0);
		ofproto_replies_init(&r);
		assert_int_equal(ofproto_handle(p, &m, &c, &r), 0);
		assert_int_equal(r.n, 1);
		assert_int_equal(ofpmsg_decode(&reply, r.msgs[0].data,
					       r.msgs[0].size), 0);
		if (type == OFPTYPE_FEATURES_REQUEST) {
			struct ofp_switch_features f;

			assert_int_equal(ofp_switch_features_decode(&reply, &f),
					 0);
			check_ports(f.ports, f.ports_len, v, expect, 4);
		} else {
			check_ports(reply.body, reply.body_len, v, expect, 4);
		}
		ofproto_replies_destroy(&r);
		bytebuf_uninit(&b);
	}
	/* As ovs-ofctl dump-ports-desc shows a port. */
	{
		struct ofproto_conn c = conn(OFP13_VERSION);
		struct bytebuf b = BYTEBUF_INITIALIZER;
		char *text;

		ofp_port_desc_request_encode(&b, OFP13_VERSION, 5, OFPP_ANY);
		assert_int_equal(send_and_free(p, &b, &c, &text), 0);
		assert_non_null(strstr(text,
			" LOCAL(br0): addr:aa:00:00:00:00:fe\n"
			"     config:     PORT_DOWN\n"
			"     state:      0\n"
			"     current:    1GB-FD COPPER AUTO_NEG\n"
			"     speed: 1000 Mbps now, 0 Mbps max\n"));
		free(text);
	}
	ofproto_destroy(p);
}

static void test_desc(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_text(ask(p, OFPTYPE_DESC_STATS_REQUEST, OFP13_VERSION),
		    "OFPST_DESC reply (OF1.3) (xid=0x5):\n"
		    "Manufacturer: Weir\n"
		    "Hardware: Weir software switch\n"
		    "Software: Weir\n"
		    "Serial Num: None\n"
		    "DP Description: br0\n");
	ofproto_destroy(p);
}

static enum ofperr set_frags(struct ofproto *p, uint16_t flags, bool slave)
{
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct ofp_switch_config sc = { flags, 128 };
	struct bytebuf b = BYTEBUF_INITIALIZER;

	c.is_slave = slave;
	ofp_switch_config_encode(&b, OFPTYPE_SET_CONFIG, OFP13_VERSION, 6, &sc);
	return send_and_free(p, &b, &c, NULL);
}

static void test_config(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_text(ask(p, OFPTYPE_GET_CONFIG_REQUEST, OFP13_VERSION),
		    "OFPT_GET_CONFIG_REPLY (OF1.3) (xid=0x5): frags=normal "
		    "miss_send_len=128\n");
	assert_int_equal(set_frags(p, OFPC_FRAG_DROP, false), 0);
	assert_text(ask(p, OFPTYPE_GET_CONFIG_REQUEST, OFP13_VERSION),
		    "OFPT_GET_CONFIG_REPLY (OF1.3) (xid=0x5): frags=drop "
		    "miss_send_len=128\n");
	/* Reassembly is not supported: ignored, as OVS does. */
	assert_int_equal(set_frags(p, OFPC_FRAG_REASM, false), 0);
	/* A slave's is ignored too. */
	assert_int_equal(set_frags(p, OFPC_FRAG_NORMAL, true), 0);
	assert_text(ask(p, OFPTYPE_GET_CONFIG_REQUEST, OFP13_VERSION),
		    "OFPT_GET_CONFIG_REPLY (OF1.3) (xid=0x5): frags=drop "
		    "miss_send_len=128\n");
	ofproto_destroy(p);
}

static void test_slave_refused(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP13_VERSION);

	(void) state;
	c.is_slave = true;
	assert_int_equal(flow_mod_as(p, OFPFC_ADD, "ip,actions=1", &c),
			 OFPERR_OFPBRC_IS_SECONDARY);
	assert_null(lookup(p, 0, ofproto_version(p), 0x0800));
	assert_int_equal(hooks.n_changes, 0);
	ofproto_destroy(p);
}

static void test_timeouts(void **state)
{
	struct ofproto *p = bridge();
	const struct rule *idle;

	(void) state;
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=1,idle_timeout=10,"
				  "send_flow_rem,ip,actions=1"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=2,hard_timeout=5,"
				  "send_flow_rem,arp,actions=1"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=3,hard_timeout=5,"
				  "tcp,actions=1"), 0);
	/* The first deadline is the hard timeouts', 5 s from now. */
	assert_int_equal(ofproto_run(p, fake_now), fake_now + 5000);
	idle = lookup(p, 0, ofproto_version(p), 0x0800);
	assert_non_null(idle);
	/* Traffic at +4 s keeps the idle flow until +14 s. */
	rule_credit_stats(idle, 1, 60, fake_now + 4000);
	assert_int_equal(ofproto_run(p, fake_now + 4999), fake_now + 5000);
	assert_int_equal(hooks.n_removed, 0);
	assert_int_equal(ofproto_run(p, fake_now + 5000), fake_now + 14000);
	/* Only the flow asking for it is reported. */
	assert_int_equal(hooks.n_removed, 1);
	assert_int_equal(hooks.reasons[0], OFPRR_HARD_TIMEOUT);
	assert_int_equal(hooks.removed_priority[0], 2);
	assert_int_equal(ofproto_run(p, fake_now + 14000), LLONG_MAX);
	assert_int_equal(hooks.n_removed, 2);
	assert_int_equal(hooks.reasons[1], OFPRR_IDLE_TIMEOUT);
	ofproto_destroy(p);
}

static void test_hard_timeout_restarts_on_modify(void **state)
{
	struct ofproto *p = bridge();
	long long t0 = fake_now;

	(void) state;
	assert_int_equal(flow_mod(p, OFPFC_ADD, "hard_timeout=5,send_flow_rem,"
				  "ip,actions=1"), 0);
	fake_now += 3000;
	assert_int_equal(flow_mod(p, OFPFC_MODIFY, "ip,actions=2"), 0);
	/* The first deadline passes with nothing to expire. */
	assert_int_equal(ofproto_run(p, t0 + 5000), t0 + 8000);
	assert_int_equal(hooks.n_removed, 0);
	assert_int_equal(ofproto_run(p, t0 + 8000), LLONG_MAX);
	assert_int_equal(hooks.n_removed, 1);
	ofproto_destroy(p);
}

static void test_delete_reports(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_int_equal(flow_mod(p, OFPFC_ADD,
				  "priority=5,send_flow_rem,ip,actions=1"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=6,ip,actions=1"), 0);
	/* A replaced flow is not removed. */
	assert_int_equal(flow_mod(p, OFPFC_ADD,
				  "priority=5,send_flow_rem,ip,actions=2"), 0);
	assert_int_equal(hooks.n_removed, 0);
	assert_int_equal(flow_mod(p, OFPFC_DELETE, "ip"), 0);
	assert_int_equal(hooks.n_removed, 1);
	assert_int_equal(hooks.reasons[0], OFPRR_DELETE);
	assert_int_equal(hooks.removed_priority[0], 5);
	ofproto_destroy(p);
}

static void test_versions(void **state)
{
	struct ofproto *p = bridge();
	cls_version_t v0, v1;
	const struct rule *old;

	(void) state;
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=5,ip,actions=1"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "table=1,ip,actions=1"), 0);
	v0 = ofproto_version(p);
	old = lookup(p, 0, v0, 0x0800);
	assert_non_null(old);
	rule_ref(old);
	/* One delete over two tables is one new version. */
	assert_int_equal(flow_mod(p, OFPFC_DELETE, "ip"), 0);
	v1 = ofproto_version(p);
	assert_int_equal(v1, v0 + 1);
	assert_null(lookup(p, 0, v1, 0x0800));
	assert_null(lookup(p, 1, v1, 0x0800));
	/* A reader holding a reference still reads the old rule. */
	assert_int_equal(old->cr.priority, 5);
	rule_unref(old);
	/* An error makes no version. */
	assert_int_equal(flow_mod(p, OFPFC_ADD, "ip,actions=group:1"),
			 OFPERR_OFPBAC_BAD_OUT_GROUP);
	assert_int_equal(ofproto_version(p), v1);
	ofproto_destroy(p);
}

static void test_tables_changed(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=5,ip,actions=1"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=6,ip,actions=1"), 0);
	assert_int_equal(hooks.n_added, 2);
	assert_int_equal(flow_mod(p, OFPFC_MODIFY, "ip,actions=2"), 0);
	assert_int_equal(hooks.n_modified, 2);
	assert_int_equal(hooks.n_removed_change, 2);
	assert_int_equal(flow_mod(p, OFPFC_DELETE_STRICT, "priority=5,ip"), 0);
	assert_int_equal(hooks.n_removed_change, 3);
	/* Deleting nothing changes nothing. */
	assert_int_equal(flow_mod(p, OFPFC_DELETE, "arp"), 0);
	assert_int_equal(hooks.n_changes, 4);
	ofproto_destroy(p);
}

static void test_counters(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c10 = conn(OFP10_VERSION);
	struct rule_stats s;
	const struct rule *r;

	(void) state;
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=5,ip,actions=1"), 0);
	r = lookup(p, 0, ofproto_version(p), 0x0800);
	rule_credit_stats(r, 3, 300, fake_now);
	/* 1.3 add of the same flow keeps the counters, modify too. */
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=5,ip,actions=2"), 0);
	assert_int_equal(flow_mod(p, OFPFC_MODIFY, "ip,actions=3"), 0);
	r = lookup(p, 0, ofproto_version(p), 0x0800);
	rule_get_stats(r, &s);
	assert_int_equal(s.packets, 3);
	assert_int_equal(s.bytes, 300);
	/* reset_counts, and any 1.0 add, resets them. */
	assert_int_equal(flow_mod(p, OFPFC_MODIFY, "ip,reset_counts,actions=3"),
			 0);
	r = lookup(p, 0, ofproto_version(p), 0x0800);
	rule_get_stats(r, &s);
	assert_int_equal(s.packets, 0);
	rule_credit_stats(r, 1, 100, fake_now);
	assert_int_equal(flow_mod_as(p, OFPFC_ADD, "priority=5,ip,actions=1",
				     &c10), 0);
	rule_get_stats(lookup(p, 0, ofproto_version(p), 0x0800), &s);
	assert_int_equal(s.packets, 0);
	ofproto_destroy(p);
}

static void test_table_full(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_int_equal(ofproto_table_set_limit(p, 0, 2, false), 0);
	assert_int_equal(ofproto_table_set_limit(p, 254, 2, false), -1);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=1,ip,actions=1"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=2,ip,actions=1"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=3,ip,actions=1"),
			 OFPERR_OFPFMFC_TABLE_FULL);
	/* Replacing is not adding. */
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=2,ip,actions=2"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "table=1,ip,actions=1"), 0);
	ofproto_destroy(p);
}

static void test_eviction(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c15 = conn(OFP15_VERSION);

	(void) state;
	assert_int_equal(ofproto_table_set_limit(p, 0, 3, true), 0);
	/* Without a timeout a flow stays, whatever its importance. */
	assert_int_equal(flow_mod_as(p, OFPFC_ADD, "priority=1,importance=1,"
				     "send_flow_rem,ip,actions=1", &c15), 0);
	assert_int_equal(flow_mod_as(p, OFPFC_ADD, "priority=2,importance=9,"
				     "idle_timeout=50,send_flow_rem,ip,"
				     "actions=1", &c15), 0);
	assert_int_equal(flow_mod_as(p, OFPFC_ADD, "priority=3,importance=9,"
				     "hard_timeout=40,send_flow_rem,ip,"
				     "actions=1", &c15), 0);
	/* Equal importance: the one expiring first goes. */
	assert_int_equal(flow_mod_as(p, OFPFC_ADD, "priority=4,importance=5,"
				     "ip,actions=1", &c15), 0);
	assert_int_equal(hooks.n_removed, 1);
	assert_int_equal(hooks.reasons[0], OFPRR_EVICTION);
	assert_int_equal(hooks.removed_priority[0], 3);
	assert_int_equal(flow_mod_as(p, OFPFC_ADD, "priority=5,ip,actions=1",
				     &c15), 0);
	assert_int_equal(hooks.removed_priority[1], 2);
	assert_int_equal(flow_mod_as(p, OFPFC_ADD, "priority=6,ip,actions=1",
				     &c15), OFPERR_OFPFMFC_TABLE_FULL);
	ofproto_destroy(p);
}

static enum ofperr table_mod(struct ofproto *p, uint8_t table,
			     enum ofp_table_switch eviction)
{
	struct ofproto_conn c = conn(OFP14_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofp_table_mod tm;

	ofp_table_mod_init(&tm, table);
	tm.eviction = eviction;
	ofp_table_mod_encode(&b, OFP14_VERSION, 8, &tm);
	return send_and_free(p, &b, &c, NULL);
}

static void test_table_mod(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_int_equal(table_mod(p, 254, OFP_TABLE_ON),
			 OFPERR_OFPTMFC_BAD_TABLE);
	assert_int_equal(ofproto_table_set_limit(p, 0, 1, false), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "hard_timeout=9,ip,actions=1"),
			 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "arp,actions=1"),
			 OFPERR_OFPFMFC_TABLE_FULL);
	assert_int_equal(table_mod(p, OFPTT_ALL, OFP_TABLE_ON), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "arp,actions=1"), 0);
	assert_int_equal(ofproto_table_miss(p, 3), OFP_TABLE_MISS_DEFAULT);
	{
		struct ofproto_conn c12 = conn(OFP12_VERSION);
		struct bytebuf b = BYTEBUF_INITIALIZER;
		struct ofp_table_mod tm;

		ofp_table_mod_init(&tm, 3);
		tm.miss = OFP_TABLE_MISS_DROP;
		ofp_table_mod_encode(&b, OFP12_VERSION, 8, &tm);
		assert_int_equal(send_and_free(p, &b, &c12, NULL), 0);
	}
	assert_int_equal(ofproto_table_miss(p, 3), OFP_TABLE_MISS_DROP);
	assert_int_equal(ofproto_table_miss(p, 4), OFP_TABLE_MISS_DEFAULT);
	ofproto_destroy(p);
}

static void test_table_stats(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_int_equal(flow_mod(p, OFPFC_ADD, "ip,actions=1"), 0);
	ofproto_table_count_lookup(p, 0, true);
	ofproto_table_count_lookup(p, 0, false);
	ofproto_table_count_lookup(p, 0, true);
	ofproto_table_count_lookup(p, 200, false);
	assert_text(ask(p, OFPTYPE_TABLE_STATS_REQUEST, OFP13_VERSION),
		    "OFPST_TABLE reply (OF1.3) (xid=0x5):\n"
		    "  table 0:\n    active=1, lookup=3, matched=2\n\n"
		    "  table 1:\n    active=0, lookup=0, matched=0\n\n"
		    "  tables 2...199: ditto\n\n"
		    "  table 200:\n    active=0, lookup=1, matched=0\n\n"
		    "  table 201:\n    active=0, lookup=0, matched=0\n\n"
		    "  tables 202...253: ditto\n");
	ofproto_destroy(p);
}

/* Every table's features, decoded; the values are OVS 3.1's for its own
 * tables (its dump-table-features), the fields Weir's. */
/* OpenFlow 1.0's table stats, as Open vSwitch 3.1's ovs-ofctl decodes
 * them ("table 0: active=1, lookup=7, matched=5, max_entries=1000000",
 * every 1.0 field wildcardable). */
static void test_table_stats_of10(void **state)
{
	static const uint8_t entry0[64] = {
		[36] = 0x00, [37] = 0x3f, [38] = 0xff, [39] = 0xff,
		[40] = 0x00, [41] = 0x0f, [42] = 0x42, [43] = 0x40,
		[47] = 1, [55] = 7, [63] = 5,
	};
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP10_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofproto_replies r;
	struct ofpmsg m;

	(void) state;
	assert_int_equal(flow_mod(p, OFPFC_ADD, "ip,actions=1"), 0);
	ofproto_table_credit(p, 0, 7, 5);
	ofpmsg_finish(&b, ofpmsg_start(&b, OFPTYPE_TABLE_STATS_REQUEST,
				       OFP10_VERSION, 5));
	assert_int_equal(ofpmsg_decode(&m, b.data, b.size), 0);
	ofproto_replies_init(&r);
	assert_int_equal(ofproto_handle(p, &m, &c, &r), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.msgs[0].size, 12 + 254 * 64);
	assert_int_equal(ofpmsg_decode(&m, r.msgs[0].data, r.msgs[0].size), 0);
	assert_memory_equal(m.body, entry0, sizeof entry0);
	assert_int_equal(m.body[64], 1);
	ofproto_replies_destroy(&r);
	/* 1.1 and 1.2 have no form here. */
	c = conn(OFP12_VERSION);
	bytebuf_clear(&b);
	ofpmsg_finish(&b, ofpmsg_start(&b, OFPTYPE_TABLE_STATS_REQUEST,
				       OFP12_VERSION, 5));
	assert_int_equal(send_and_free(p, &b, &c, NULL),
			 OFPERR_OFPBRC_BAD_VERSION);
	ofproto_destroy(p);
}

static void test_table_features(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofp_table_features tf;
	struct ofproto_replies r;
	struct ofpmsg m;
	int n = 0;

	(void) state;
	ofpmsg_finish(&b, ofpmsg_start(&b,
				       OFPTYPE_TABLE_FEATURES_STATS_REQUEST,
				       OFP13_VERSION, 5));
	assert_int_equal(ofpmsg_decode(&m, b.data, b.size), 0);
	ofproto_replies_init(&r);
	assert_int_equal(ofproto_handle(p, &m, &c, &r), 0);
	assert_true(r.n > 1);
	for (size_t i = 0; i < r.n; i++) {
		struct ofpmsg reply;
		struct bytecur cur;

		assert_int_equal(ofpmsg_decode(&reply, r.msgs[i].data,
					       r.msgs[i].size), 0);
		assert_int_equal(reply.mp_flags,
				 i + 1 < r.n ? OFPSF_REPLY_MORE : 0);
		cur = bytecur_make(reply.body, reply.body_len);
		while (!ofp_table_features_pull(OFP13_VERSION, &cur, &tf)) {
			bool last = tf.table_id == 253;

			assert_int_equal(tf.table_id, n++);
			assert_true(tf.metadata_match == UINT64_MAX);
			assert_int_equal(tf.max_entries, 1000000);
			/* meter ... write_metadata, and goto_table but last. */
			assert_int_equal(tf.nonmiss.instructions,
					 last ? 0x7c : 0x7e);
			assert_int_equal(tf.nonmiss.next[254 / 8]
					 >> 254 % 8 & 1, 0);
			assert_int_equal(tf.nonmiss.next[253 / 8]
					 >> 253 % 8 & 1, !last);
			assert_true(tf.nonmiss.apply_actions == 0x3ff8001);
			assert_true(ofp_field_bit_test(tf.match, MFF_IN_PORT));
			assert_true(ofp_field_bit_test(tf.mask, MFF_IPV4_SRC));
			assert_false(ofp_field_bit_test(tf.mask, MFF_IN_PORT));
		}
	}
	assert_int_equal(n, 254);
	ofproto_replies_destroy(&r);
	/* Setting features is refused. */
	bytebuf_clear(&b);
	ofp_table_features_init(&tf, 0);
	ofp_table_features_put(&b, OFP13_VERSION, &tf);
	{
		struct bytebuf req = BYTEBUF_INITIALIZER;
		size_t start = ofpmsg_start(
			&req, OFPTYPE_TABLE_FEATURES_STATS_REQUEST,
			OFP13_VERSION, 6);

		bytebuf_put(&req, b.data, b.size);
		ofpmsg_finish(&req, start);
		assert_int_equal(send_and_free(p, &req, &c, NULL),
				 OFPERR_OFPTFFC_EPERM);
	}
	bytebuf_uninit(&b);
	ofproto_destroy(p);
}

static enum ofperr port_mod(struct ofproto *p, uint16_t port, uint8_t mac5,
			    uint32_t config, uint32_t mask)
{
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofp_port_mod pm = { port, { 0, 0, 0, 0, 0, mac5 }, config,
				   mask, 0 };

	ofp_port_mod_encode(&b, OFP13_VERSION, 9, &pm);
	return send_and_free(p, &b, &c, NULL);
}

static void test_port_mod(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_int_equal(port_mod(p, 9, 9, OFPPC_PORT_DOWN, OFPPC_PORT_DOWN),
			 OFPERR_OFPPMFC_BAD_PORT);
	assert_int_equal(port_mod(p, 2, 3, OFPPC_PORT_DOWN, OFPPC_PORT_DOWN),
			 OFPERR_OFPPMFC_BAD_HW_ADDR);
	assert_int_equal(hooks.n_port_mods, 0);
	assert_int_equal(port_mod(p, 2, 2, OFPPC_PORT_DOWN, OFPPC_PORT_DOWN),
			 0);
	assert_int_equal(hooks.n_port_mods, 1);
	assert_int_equal(hooks.port_mod[0], 2);
	assert_int_equal(hooks.port_mod[1], OFPPC_PORT_DOWN);
	assert_int_equal(hooks.port_mod[2], OFPPC_PORT_DOWN);
	ofproto_port_remove(p, 2);
	assert_int_equal(port_mod(p, 2, 2, 0, OFPPC_PORT_DOWN),
			 OFPERR_OFPPMFC_BAD_PORT);
	ofproto_destroy(p);
}

static void test_port_stats(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	char *text;

	(void) state;
	ofp_port_stats_request_encode(&b, OFP13_VERSION, 4, 2);
	assert_int_equal(send_and_free(p, &b, &c, &text), 0);
	assert_text(text, "OFPST_PORT reply (OF1.3) (xid=0x4): 1 ports\n"
		    "  port  2: rx pkts=20, bytes=1000, drop=0, errs=0, "
		    "frame=0, over=0, crc=0\n"
		    "           tx pkts=40, bytes=2000, drop=0, errs=0, "
		    "coll=0\n"
		    "           duration=0s\n");
	ofproto_destroy(p);
}

static void test_queue_stats(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	char *text;

	(void) state;
	ofp_queue_stats_request_encode(&b, OFP13_VERSION, 4, OFPP_ANY,
				       OFPQ_ALL);
	assert_int_equal(send_and_free(p, &b, &c, &text), 0);
	assert_text(text, "OFPST_QUEUE reply (OF1.3) (xid=0x4): 0 queues\n");
	ofp_queue_stats_request_encode(&b, OFP13_VERSION, 4, 9, OFPQ_ALL);
	assert_int_equal(send_and_free(p, &b, &c, NULL),
			 OFPERR_OFPQOFC_BAD_PORT);
	ofp_queue_config_request_encode(&b, OFP13_VERSION, 4, 2);
	assert_int_equal(send_and_free(p, &b, &c, &text), 0);
	/* A reply with no queue in it. */
	assert_text(text, "OFPT_QUEUE_GET_CONFIG_REPLY (OF1.3) (xid=0x4):\n");
	ofp_queue_config_request_encode(&b, OFP13_VERSION, 4, 9);
	assert_int_equal(send_and_free(p, &b, &c, NULL),
			 OFPERR_OFPQOFC_BAD_PORT);
	ofproto_destroy(p);
}

static enum ofperr bundle_ctrl(struct ofproto *p, const struct ofproto_conn *c,
			       uint32_t id, uint16_t type, uint16_t flags,
			       char **text)
{
	struct ofp_bundle_ctrl ctrl = { id, type, flags };
	struct bytebuf b = BYTEBUF_INITIALIZER;

	ofp_bundle_ctrl_encode(&b, c->version, 3, &ctrl);
	return send_and_free(p, &b, c, text);
}

static enum ofperr bundle_add(struct ofproto *p, const struct ofproto_conn *c,
			      uint32_t id, const char *flow)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct bytebuf fm_msg = BYTEBUF_INITIALIZER;
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm;
	uint32_t usable;

	assert_null(of_flow_mod_parse(flow, OFPFC_ADD, &fm, &ofpacts, &usable));
	assert_int_equal(of_flow_mod_encode(&fm, c->protocol, 3, &fm_msg), 0);
	ofp_bundle_add_encode(&b, c->version, 3, id, OFPBF_ATOMIC,
			      fm_msg.data, fm_msg.size);
	bytebuf_uninit(&ofpacts);
	bytebuf_uninit(&fm_msg);
	return send_and_free(p, &b, c, NULL);
}

static void test_bundle_control(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP14_VERSION), other = c;
	char *text;

	(void) state;
	other.id = 8;
	assert_int_equal(bundle_ctrl(p, &c, 1, OFPBCT_COMMIT_REQUEST,
				     OFPBF_ATOMIC, NULL), OFPERR_OFPBFC_BAD_ID);
	assert_int_equal(bundle_ctrl(p, &c, 1, OFPBCT_OPEN_REQUEST,
				     OFPBF_ATOMIC, &text), 0);
	assert_text(text, "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x3):\n"
		    " bundle_id=0x1 type=OPEN_REPLY flags=atomic\n");
	assert_int_equal(bundle_ctrl(p, &c, 1, OFPBCT_OPEN_REQUEST,
				     OFPBF_ATOMIC, NULL), OFPERR_OFPBFC_BAD_ID);
	assert_int_equal(bundle_ctrl(p, &c, 1, OFPBCT_OPEN_REQUEST, 0x10,
				     NULL), OFPERR_OFPBFC_BAD_FLAGS);
	assert_int_equal(bundle_add(p, &c, 1, "priority=5,ip,actions=1"), 0);
	/* Nothing is visible before the commit; others' bundles are apart. */
	assert_null(lookup(p, 0, ofproto_version(p), 0x0800));
	assert_int_equal(bundle_ctrl(p, &other, 1, OFPBCT_COMMIT_REQUEST,
				     OFPBF_ATOMIC, NULL), OFPERR_OFPBFC_BAD_ID);
	assert_int_equal(bundle_ctrl(p, &c, 1, OFPBCT_COMMIT_REQUEST,
				     OFPBF_ORDERED, NULL),
			 OFPERR_OFPBFC_BAD_FLAGS);
	assert_int_equal(bundle_ctrl(p, &c, 1, OFPBCT_CLOSE_REQUEST,
				     OFPBF_ATOMIC, NULL), 0);
	assert_int_equal(bundle_ctrl(p, &c, 1, OFPBCT_CLOSE_REQUEST,
				     OFPBF_ATOMIC, NULL),
			 OFPERR_OFPBFC_BUNDLE_CLOSED);
	assert_int_equal(bundle_add(p, &c, 1, "priority=6,ip,actions=1"),
			 OFPERR_OFPBFC_BUNDLE_CLOSED);
	assert_int_equal(bundle_ctrl(p, &c, 1, OFPBCT_COMMIT_REQUEST,
				     OFPBF_ATOMIC, &text), 0);
	assert_text(text, "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x3):\n"
		    " bundle_id=0x1 type=COMMIT_REPLY flags=atomic\n");
	assert_non_null(lookup(p, 0, ofproto_version(p), 0x0800));
	/* Discard, and a connection going away. */
	assert_int_equal(bundle_add(p, &c, 2, "priority=7,arp,actions=1"), 0);
	assert_int_equal(bundle_ctrl(p, &c, 2, OFPBCT_DISCARD_REQUEST,
				     OFPBF_ATOMIC, NULL), 0);
	assert_int_equal(bundle_ctrl(p, &c, 2, OFPBCT_COMMIT_REQUEST,
				     OFPBF_ATOMIC, NULL), OFPERR_OFPBFC_BAD_ID);
	assert_int_equal(bundle_add(p, &c, 3, "priority=7,arp,actions=1"), 0);
	ofproto_conn_closed(p, c.id);
	assert_int_equal(bundle_ctrl(p, &c, 3, OFPBCT_COMMIT_REQUEST,
				     OFPBF_ATOMIC, NULL), OFPERR_OFPBFC_BAD_ID);
	assert_null(lookup(p, 0, ofproto_version(p), 0x0806));
	/* Bundles left open are freed with the bridge. */
	assert_int_equal(bundle_add(p, &c, 4, "priority=7,arp,actions=1"), 0);
	ofproto_destroy(p);
}

/* Flow stats entries and the multipart flags of each reply message. */
static size_t dump_count(struct ofproto *p, size_t *n_msgs, bool *flags_ok)
{
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct ofp_flow_stats_request req;
	struct bytebuf b = BYTEBUF_INITIALIZER, ofpacts = BYTEBUF_INITIALIZER;
	struct ofproto_replies r;
	struct ofpmsg m;
	size_t n = 0;

	ofp_flow_stats_request_init(&req);
	ofp_flow_stats_request_encode(&b, OFPTYPE_FLOW_STATS_REQUEST,
				      OFP13_VERSION, 4, &req);
	assert_int_equal(ofpmsg_decode(&m, b.data, b.size), 0);
	ofproto_replies_init(&r);
	assert_int_equal(ofproto_handle(p, &m, &c, &r), 0);
	*n_msgs = r.n;
	*flags_ok = true;
	for (size_t i = 0; i < r.n; i++) {
		struct ofpmsg reply;
		struct ofp_flow_stats fs;
		struct bytecur cur;

		assert_int_equal(ofpmsg_decode(&reply, r.msgs[i].data,
					       r.msgs[i].size), 0);
		if (reply.mp_flags != (i + 1 < r.n ? OFPSF_REPLY_MORE : 0)) {
			*flags_ok = false;
		}
		cur = bytecur_make(reply.body, reply.body_len);
		while (!ofp_flow_stats_pull(reply.type, reply.version, &cur,
					    &fs, &ofpacts)) {
			n++;
			bytebuf_clear(&ofpacts);
		}
	}
	ofproto_replies_destroy(&r);
	bytebuf_uninit(&b);
	bytebuf_uninit(&ofpacts);
	return n;
}

static void test_multipart_split(void **state)
{
	struct ofproto *p = bridge();
	size_t n_msgs;
	bool flags_ok;

	(void) state;
	for (int i = 0; i < 1500; i++) {
		char flow[64];

		snprintf(flow, sizeof flow, "priority=%d,ip,actions=1", i);
		assert_int_equal(flow_mod(p, OFPFC_ADD, flow), 0);
	}
	assert_int_equal(dump_count(p, &n_msgs, &flags_ok), 1500);
	assert_true(n_msgs > 1);
	assert_true(flags_ok);
	ofproto_destroy(p);
}

static enum ofperr packet_out(struct ofproto *p, uint32_t in_port,
			      uint32_t buffer_id, const char *actions)
{
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER, ofpacts = BYTEBUF_INITIALIZER;
	static const uint8_t packet[60];
	struct ofp_packet_out po;

	ofp_packet_out_init(&po);
	ofp_packet_out_set_in_port(&po, in_port);
	po.buffer_id = buffer_id;
	if (actions) {
		assert_null(ofpacts_parse(actions, &ofpacts));
	} else {
		/* Past the last port, which the parser would refuse. */
		struct ofpact_output *out = (struct ofpact_output *)
			ofpact_put(&ofpacts, OFPACT_OUTPUT, sizeof *out);

		out->port = OFPP_MAX;
	}
	po.ofpacts = ofpacts.data;
	po.ofpacts_len = ofpacts.size;
	po.packet = packet;
	po.packet_len = sizeof packet;
	assert_int_equal(ofp_packet_out_encode(&po, OFP13_VERSION, 2, &b), 0);
	bytebuf_uninit(&ofpacts);
	return send_and_free(p, &b, &c, NULL);
}

static void test_packet_out(void **state)
{
	struct ofproto *p = bridge();

	(void) state;
	assert_int_equal(packet_out(p, 1, UINT32_MAX, "output:2"), 0);
	assert_int_equal(hooks.n_packet_outs, 1);
	assert_int_equal(hooks.packet_out_in_port, 1);
	assert_int_equal(packet_out(p, 1, 7, "output:2"),
			 OFPERR_OFPBRC_BUFFER_UNKNOWN);
	assert_int_equal(packet_out(p, 1, UINT32_MAX, NULL),
			 OFPERR_OFPBAC_BAD_OUT_PORT);
	assert_int_equal(hooks.n_packet_outs, 1);
	ofproto_destroy(p);
}

static void test_meter_stats(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct ofp_meter_band bands[2];
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofp_meter_mod mm;
	char *text;

	(void) state;
	assert_null(ofp_meter_parse("meter=3,kbps,band=type=drop,rate=100",
				    OFPMC13_ADD, &mm, bands, 2));
	ofp_meter_mod_encode(&b, OFP13_VERSION, 2, &mm, bands, 1);
	assert_int_equal(send_and_free(p, &b, &c, NULL), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "ip,actions=meter:3,1"), 0);
	ofproto_meter_credit(ofproto_meter_lookup(p, 3), 5, 500, 0);
	fake_now += 1500;
	ofp_meter_request_encode(&b, OFPTYPE_METER_STATS_REQUEST,
				 OFP13_VERSION, 4, OFPM13_ALL);
	assert_int_equal(send_and_free(p, &b, &c, &text), 0);
	assert_text(text, "OFPST_METER reply (OF1.3) (xid=0x4):\n"
		    "meter:3 flow_count:1 packet_in_count:5 byte_in_count:500 "
		    "duration:1.500s bands:\n"
		    "0: packet_count:5 byte_count:500\n");
	assert_null(ofproto_meter_lookup(p, 4));
	ofproto_destroy(p);
}

/* Flows of the switch itself: hidden above 65535, out of controllers'
 * reach, still matched. */
static void test_internal_flows(void **state)
{
	struct ofproto *p = bridge();
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct of_match match;
	size_t n_msgs;
	bool flags_ok;

	(void) state;
	of_match_init_catchall(&match);
	assert_null(ofpacts_parse("NORMAL", &acts));
	assert_int_equal(ofproto_add_flow(p, &match, 70000, acts.data,
					  acts.size), 0);
	assert_int_equal(ofproto_add_flow(p, &match, 0, acts.data, acts.size),
			 0);
	assert_int_equal(dump_count(p, &n_msgs, &flags_ok), 1);
	assert_int_equal(flow_mod(p, OFPFC_DELETE, ""), 0);
	assert_int_equal(dump_count(p, &n_msgs, &flags_ok), 0);
	assert_int_equal(lookup(p, 0, ofproto_version(p), 0x0800)->cr.priority,
			 70000);
	assert_true(ofproto_delete_flow(p, &match, 70000));
	assert_false(ofproto_delete_flow(p, &match, 70000));
	assert_null(lookup(p, 0, ofproto_version(p), 0x0800));
	bytebuf_clear(&acts);
	assert_null(ofpacts_parse("group:9", &acts));
	assert_int_equal(ofproto_add_flow(p, &match, 1, acts.data, acts.size),
			 OFPERR_OFPBAC_BAD_OUT_GROUP);
	bytebuf_uninit(&acts);
	ofproto_destroy(p);
}

/* Deleting a group or meter deletes the flows using it, each reported
 * with its reason. */
static void test_group_meter_delete_reasons(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER, ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_meter_band bands[1];
	struct ofp_group_mod gm;
	struct ofp_meter_mod mm;
	uint32_t usable;

	(void) state;
	assert_null(ofp_group_mod_parse("group_id=5,type=all,"
					"bucket=actions=output:1", OFPGC_ADD,
					&gm, &ofpacts, &usable));
	assert_int_equal(ofp_group_mod_encode(&gm, OFP13_VERSION, 2, &b), 0);
	ofp_group_mod_uninit(&gm);
	assert_int_equal(send_and_free(p, &b, &c, NULL), 0);
	assert_null(ofp_meter_parse("meter=6,kbps,band=type=drop,rate=5",
				    OFPMC13_ADD, &mm, bands, 1));
	ofp_meter_mod_encode(&b, OFP13_VERSION, 2, &mm, bands, 1);
	assert_int_equal(send_and_free(p, &b, &c, NULL), 0);
	assert_non_null(ofproto_group_lookup(p, 5));
	assert_int_equal(ofproto_group_lookup(p, 5)->n_buckets, 1);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=1,send_flow_rem,ip,"
				  "actions=group:5"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=2,send_flow_rem,ip,"
				  "actions=meter:6,output:1"), 0);
	assert_int_equal(flow_mod(p, OFPFC_ADD, "priority=3,send_flow_rem,arp,"
				  "actions=output:1"), 0);
	assert_null(ofp_meter_parse("meter=6", OFPMC13_DELETE, &mm, bands, 1));
	ofp_meter_mod_encode(&b, OFP13_VERSION, 2, &mm, bands, 0);
	assert_int_equal(send_and_free(p, &b, &c, NULL), 0);
	assert_int_equal(hooks.n_removed, 1);
	assert_int_equal(hooks.reasons[0], OFPRR_METER_DELETE);
	assert_int_equal(hooks.removed_priority[0], 2);
	bytebuf_clear(&ofpacts);
	assert_null(ofp_group_mod_parse("group_id=all", OFPGC_DELETE, &gm,
					&ofpacts, &usable));
	assert_int_equal(ofp_group_mod_encode(&gm, OFP13_VERSION, 2, &b), 0);
	ofp_group_mod_uninit(&gm);
	assert_int_equal(send_and_free(p, &b, &c, NULL), 0);
	assert_int_equal(hooks.n_removed, 2);
	assert_int_equal(hooks.reasons[1], OFPRR_GROUP_DELETE);
	assert_int_equal(hooks.removed_priority[1], 1);
	assert_null(ofproto_group_lookup(p, 5));
	bytebuf_uninit(&ofpacts);
	ofproto_destroy(p);
}

static void add_group(struct ofproto *p, const char *text)
{
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER, ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm;
	uint32_t usable;

	assert_null(ofp_group_mod_parse(text, OFPGC_ADD, &gm, &ofpacts,
					&usable));
	assert_int_equal(ofp_group_mod_encode(&gm, OFP13_VERSION, 2, &b), 0);
	ofp_group_mod_uninit(&gm);
	bytebuf_uninit(&ofpacts);
	assert_int_equal(send_and_free(p, &b, &c, NULL), 0);
}

static void test_group_stats(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	char *text;

	(void) state;
	add_group(p, "group_id=5,type=select,bucket=actions=1,"
		  "bucket=actions=2");
	assert_int_equal(flow_mod(p, OFPFC_ADD, "ip,actions=group:5"), 0);
	ofproto_group_credit(ofproto_group_lookup(p, 5), 1, 3, 300);
	fake_now += 1500;
	ofp_group_stats_request_encode(&b, OFP13_VERSION, 4, OFPG_ALL);
	assert_int_equal(send_and_free(p, &b, &c, &text), 0);
	assert_text(text, "OFPST_GROUP reply (OF1.3) (xid=0x4):\n"
		    " group_id=5,duration=1.500s,ref_count=1,packet_count=3,"
		    "byte_count=300,bucket0:packet_count=0,byte_count=0,"
		    "bucket1:packet_count=3,byte_count=300\n");
	ofproto_destroy(p);
}

/* A bundle that deletes a group and then fails leaves the group, and
 * the flows using it, as they were. */
static void test_bundle_group_rollback(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP14_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER, inner = BYTEBUF_INITIALIZER;
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	const struct ofproto_group *before;
	struct ofp_group_mod gm;
	uint32_t usable;
	char *text;

	(void) state;
	add_group(p, "group_id=1,type=all,bucket=actions=output:1");
	assert_int_equal(flow_mod(p, OFPFC_ADD, "ip,actions=group:1"), 0);
	before = ofproto_group_lookup(p, 1);
	assert_null(ofp_group_mod_parse("group_id=1", OFPGC_DELETE, &gm,
					&ofpacts, &usable));
	assert_int_equal(ofp_group_mod_encode(&gm, OFP14_VERSION, 3, &inner),
			 0);
	ofp_group_mod_uninit(&gm);
	ofp_bundle_add_encode(&b, OFP14_VERSION, 3, 1, OFPBF_ATOMIC,
			      inner.data, inner.size);
	assert_int_equal(send_and_free(p, &b, &c, NULL), 0);
	assert_int_equal(bundle_add(p, &c, 1, "arp,actions=group:9"), 0);
	assert_int_equal(bundle_ctrl(p, &c, 1, OFPBCT_COMMIT_REQUEST,
				     OFPBF_ATOMIC, &text),
			 OFPERR_OFPBFC_MSG_FAILED);
	assert_non_null(strstr(text, "OFPBAC_BAD_OUT_GROUP"));
	free(text);
	assert_ptr_equal(ofproto_group_lookup(p, 1), before);
	assert_non_null(lookup(p, 0, ofproto_version(p), 0x0800));
	assert_int_equal(hooks.n_removed, 0);
	bytebuf_uninit(&inner);
	bytebuf_uninit(&ofpacts);
	ofproto_destroy(p);
}

static void test_unknown_requests(void **state)
{
	struct ofproto *p = bridge();
	struct ofproto_conn c = conn(OFP13_VERSION);
	struct bytebuf b = BYTEBUF_INITIALIZER;

	(void) state;
	ofpmsg_finish(&b, ofpmsg_start(&b, OFPTYPE_GET_ASYNC_REQUEST,
				       OFP13_VERSION, 1));
	assert_int_equal(send_and_free(p, &b, &c, NULL),
			 OFPERR_OFPBRC_BAD_TYPE);
	ofpmsg_finish(&b, ofpmsg_start(&b, OFPTYPE_NXST_IPFIX_BRIDGE_REQUEST,
				       OFP10_VERSION, 1));
	c = conn(OFP10_VERSION);
	assert_int_equal(send_and_free(p, &b, &c, NULL),
			 OFPERR_OFPBRC_BAD_STAT);
	ofproto_destroy(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_features),
		cmocka_unit_test(test_features_of10),
		cmocka_unit_test(test_desc),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_config),
		cmocka_unit_test(test_slave_refused),
		cmocka_unit_test(test_timeouts),
		cmocka_unit_test(test_hard_timeout_restarts_on_modify),
		cmocka_unit_test(test_delete_reports),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_tables_changed),
		cmocka_unit_test(test_counters),
		cmocka_unit_test(test_table_full),
		cmocka_unit_test(test_eviction),
		cmocka_unit_test(test_table_mod),
		cmocka_unit_test(test_table_stats),
		cmocka_unit_test(test_table_stats_of10),
		cmocka_unit_test(test_table_features),
		cmocka_unit_test(test_port_mod),
		cmocka_unit_test(test_port_stats),
		cmocka_unit_test(test_queue_stats),
		cmocka_unit_test(test_bundle_control),
		cmocka_unit_test(test_multipart_split),
		cmocka_unit_test(test_packet_out),
		cmocka_unit_test(test_meter_stats),
		cmocka_unit_test(test_internal_flows),
		cmocka_unit_test(test_group_meter_delete_reasons),
		cmocka_unit_test(test_group_stats),
		cmocka_unit_test(test_bundle_group_rollback),
		cmocka_unit_test(test_unknown_requests),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	rcu_barrier();
	return rc;
}
