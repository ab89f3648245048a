/* The userspace datapath through the dpif interface, with dummy ports and
 * its real polling threads: datapaths and ports, flow put/get/del/dump and
 * their errors, forwarding, misses with and without a callback,
 * recirculation, VLAN push on the wire, the flow limit, execute, output
 * batching, per-port counters, several threads with ports coming and
 * going, and how fast a sleeping thread wakes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "dpif.h"
#include "dpif-netdev.h"
#include "flow-netlink.h"
#include "netdev-dummy.h"
#include "odp-key-text.h"
#include "packet-check.h"

#define WAIT_MS 5000            /* for the polling thread; never reached */

/* Counters move in the polling thread, a little after the packets. */
#define WAIT_UNTIL(cond)                                                \
	do {                                                            \
		int wait_;                                              \
		for (wait_ = 0; wait_ < WAIT_MS && !(cond); wait_++)    \
			usleep(1000);                                   \
		assert_true(cond);                                      \
	} while (0)

/* ---- Building flows. ---- */

struct match {
	u32 key[256];
	u32 mask[256];
	u32 key_len, mask_len;
};

/* A match in ovs-dpctl syntax. */
static void match_parse(struct match *m, const char *text)
{
	struct nlbuf kb, mb;
	char err[256];

	nlbuf_init(&kb, m->key, sizeof m->key);
	nlbuf_init(&mb, m->mask, sizeof m->mask);
	if (odp_key_parse(text, &kb, &mb, err, sizeof err))
		fail_msg("%s: %s", text, err);
	m->key_len = kb.size;
	m->mask_len = mb.size;
}

struct acts {
	u32 mem[256];
	struct nlbuf b;
};

static struct acts *acts_init(struct acts *a)
{
	memset(a, 0, sizeof *a);
	nlbuf_init(&a->b, a->mem, sizeof a->mem);
	return a;
}

static struct acts *output(struct acts *a, u32 port)
{
	nlbuf_put_u32(&a->b, OVS_ACTION_ATTR_OUTPUT, port);
	return a;
}

static struct acts *outputs(u32 port)
{
	static __thread struct acts a;

	return output(acts_init(&a), port);
}

static int put(struct dpif *dpif, int flags, const char *text,
	       const struct acts *a, const struct flow_ufid *ufid)
{
	struct match m;

	match_parse(&m, text);
	return dpif_flow_put(dpif, flags, m.key, m.key_len, m.mask, m.mask_len,
			     a->mem, a->b.size, ufid, NULL);
}

#define CREATE DPIF_FP_CREATE
#define MODIFY DPIF_FP_MODIFY

static void put_ok(struct dpif *dpif, const char *text, const struct acts *a,
		   const struct flow_ufid *ufid)
{
	int err = put(dpif, CREATE, text, a, ufid);

	if (err)
		fail_msg("put %s: %d %s", text, err, dpif_last_error(dpif));
}

static struct flow_stats_out {
	uint64_t packets, bytes;
} flow_stats_of(struct dpif *dpif, const char *text)
{
	struct flow_stats_out s = { 0, 0 };
	struct dpif_flow f;
	struct match m;
	void *buf;

	match_parse(&m, text);
	assert_int_equal(dpif_flow_get(dpif, m.key, m.key_len, NULL, &f, &buf),
			 0);
	s.packets = f.stats.n_packets;
	s.bytes = f.stats.n_bytes;
	free(buf);
	return s;
}

/* ---- Packets. ---- */

static struct frame udp_frame(void)
{
	struct frame f;

	pc_frame(&f, PC_UDP4);
	return f;
}

static void send_frame(const char *port, const struct frame *f)
{
	assert_int_equal(netdev_dummy_receive(port, 0, f->data, f->len), 0);
}

/* Waits for 'n' frames on 'port', takes them and checks them against 'f'
 * (when not NULL). */
static void expect_sent(const char *port, size_t n, const struct frame *f)
{
	size_t i;

	assert_true(netdev_dummy_wait_sent(port, n, WAIT_MS) >= n);
	for (i = 0; i < n; i++) {
		struct dp_packet *p = netdev_dummy_take_sent(port);

		assert_non_null(p);
		if (f) {
			assert_int_equal(dp_packet_size(p), f->len);
			assert_memory_equal(dp_packet_data(p), f->data, f->len);
		}
		dp_packet_delete(p);
	}
}

static void expect_none_sent(const char *port)
{
	assert_int_equal(netdev_dummy_wait_sent(port, 1, 50), 0);
}

static struct dpif_dp_stats dp_stats(struct dpif *dpif)
{
	struct dpif_dp_stats s;

	assert_int_equal(dpif_get_stats(dpif, &s), 0);
	return s;
}

/* The sum of every context's counters. */
static struct dpif_netdev_pmd_stats pmd_total(struct dpif *dpif)
{
	struct dpif_netdev_pmd_stats *s, sum;
	size_t i, n;

	memset(&sum, 0, sizeof sum);
	assert_int_equal(dpif_netdev_pmd_stats(dpif, &s, &n), 0);
	for (i = 0; i < n; i++) {
		sum.packets += s[i].packets;
		sum.recirc += s[i].recirc;
		sum.recirc_drops += s[i].recirc_drops;
		sum.tx_packets += s[i].tx_packets;
		sum.tx_batches += s[i].tx_batches;
		sum.sleeps += s[i].sleeps;
		sum.emc_hits += s[i].emc_hits;
		sum.megaflow_hits += s[i].megaflow_hits;
	}
	free(s);
	return sum;
}

/* ---- Fixture: datapath "tdp" with dummy ports p1 (1) and p2 (2). ---- */

static int setup(void **state)
{
	struct dpif *dpif;
	uint32_t no;

	if (dpif_open("netdev", "tdp", true, &dpif))
		return -1;
	no = DPIF_PORT_NONE;
	if (dpif_port_add(dpif, "p1", "system", NULL, &no) || no != 1)
		return -1;
	no = DPIF_PORT_NONE;
	if (dpif_port_add(dpif, "p2", "system", NULL, &no) || no != 2)
		return -1;
	*state = dpif;
	return 0;
}

static int teardown(void **state)
{
	struct dpif *dpif = *state;

	dpif_register_upcall_cb(dpif, NULL, NULL);
	dpif_destroy(dpif);
	dpif_close(dpif);
	return 0;
}

/* ---- Datapaths and ports. ---- */

static int count_name(char **names, size_t n, const char *name)
{
	int c = 0;

	while (n--) {
		c += !strcmp(names[n], name);
		free(names[n]);
	}
	free(names);
	return c;
}

static void test_datapaths(void **state)
{
	struct dpif *a, *b, *c, *d;
	struct dpif_port port;
	struct dpif_dp_stats st;
	char **names;
	size_t n;

	assert_int_equal(dpif_open("netdev", "dpa", true, &a), 0);
	assert_string_equal(dpif_type(a), "netdev");
	assert_int_equal(dpif_open("netdev", "dpa", true, &b), -EEXIST);
	assert_int_equal(dpif_open("netdev", "nope", false, &b), -ENODEV);
	assert_int_equal(dpif_open("nosuchtype", "dpa", false, &b),
			 -EAFNOSUPPORT);
	assert_int_equal(dpif_open(NULL, "dpa", false, &b), 0);
	assert_int_equal(dpif_open("netdev", "dpb", true, &c), 0);

	assert_int_equal(dpif_enumerate("netdev", &names, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(count_name(names, n, "dpa"), 1);

	/* Port 0 is the datapath's own. */
	assert_int_equal(dpif_port_query_by_number(b, 0, &port), 0);
	assert_string_equal(port.name, "dpa");
	assert_string_equal(port.type, "internal");
	assert_int_equal(dpif_port_query_by_name(c, "dpb", &port), 0);
	assert_int_equal(port.port_no, 0);

	assert_int_equal(dpif_destroy(a), 0);
	assert_int_equal(dpif_get_stats(b, &st), -ENODEV);
	assert_string_equal(dpif_last_error(b), "datapath dpa was destroyed");
	assert_int_equal(dpif_open("netdev", "dpa", false, &d), -ENODEV);
	assert_null(d);
	dpif_close(b);
	/* The name is free again, and so is its internal port. */
	assert_int_equal(dpif_open("netdev", "dpa", true, &b), 0);
	assert_int_equal(dpif_destroy(b), 0);
	dpif_close(b);
	dpif_close(a);
	assert_int_equal(dpif_destroy(c), 0);
	dpif_close(c);
	assert_int_equal(dpif_enumerate("netdev", &names, &n), 0);
	assert_int_equal(n, 0);
	free(names);
}

static int count_port(const struct dpif_port *p, void *aux)
{
	(*(int *)aux)++;
	return 0;
}

static void test_ports(void **state)
{
	struct dpif *dpif = *state;
	const char *const bad_opt[] = { "n_rxq=99", NULL };
	struct dpif_port port;
	uint32_t no;
	int n = 0;

	no = DPIF_PORT_NONE;
	assert_int_equal(dpif_port_add(dpif, "p1", NULL, NULL, &no), -EEXIST);
	assert_string_equal(dpif_last_error(dpif), "port p1 exists");
	no = 7;
	assert_int_equal(dpif_port_add(dpif, "p7", "tap", NULL, &no), 0);
	assert_int_equal(no, 7);
	no = 7;
	assert_int_equal(dpif_port_add(dpif, "p8", NULL, NULL, &no), -EBUSY);
	assert_string_equal(dpif_last_error(dpif), "port number 7 is in use");
	no = DPIF_PORT_NONE;
	assert_int_equal(dpif_port_add(dpif, "p3", NULL, NULL, &no), 0);
	assert_int_equal(no, 3);
	no = DPIF_PORT_NONE;
	assert_int_equal(dpif_port_add(dpif, "p9", NULL, bad_opt, &no), -EINVAL);
	assert_non_null(strstr(dpif_last_error(dpif), "p9: cannot open"));
	assert_int_equal(dpif_port_add(dpif, "i1", "internal", NULL, &no),
			 -EINVAL);

	assert_int_equal(dpif_port_query_by_name(dpif, "p7", &port), 0);
	assert_int_equal(port.port_no, 7);
	assert_string_equal(port.type, "tap");     /* as added */
	assert_int_equal(dpif_port_query_by_number(dpif, 3, &port), 0);
	assert_string_equal(port.name, "p3");
	assert_string_equal(port.type, "system");
	assert_int_equal(dpif_port_dump(dpif, count_port, &n), 0);
	assert_int_equal(n, 5);

	assert_int_equal(dpif_port_del(dpif, 7), 0);
	assert_int_equal(dpif_port_query_by_number(dpif, 7, &port), -ENOENT);
	assert_string_equal(dpif_last_error(dpif), "no port 7");
	assert_int_equal(dpif_port_del(dpif, 7), -ENOENT);
	assert_int_equal(dpif_port_del(dpif, 0), -EINVAL);
	/* Gone from the dummy registry too: closed. */
	assert_int_equal(netdev_dummy_receive("p7", 0, "x", 1), -ENODEV);
	/* Lowest free number again. */
	no = DPIF_PORT_NONE;
	assert_int_equal(dpif_port_add(dpif, "p4", NULL, NULL, &no), 0);
	assert_int_equal(no, 4);
}

/* ---- Flows. ---- */

#define M1 "recirc_id(0),in_port(1),eth()"

static void test_forward(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();
	struct flow_stats_out fs;
	int i;

	put_ok(dpif, M1, outputs(2), NULL);
	for (i = 0; i < 3; i++)
		send_frame("p1", &f);
	expect_sent("p2", 3, &f);
	expect_none_sent("p1");

	fs = flow_stats_of(dpif, M1);
	assert_int_equal(fs.packets, 3);
	assert_int_equal(fs.bytes, 3 * f.len);
	assert_int_equal(dp_stats(dpif).n_hit, 3);
	assert_int_equal(dp_stats(dpif).n_missed, 0);
	assert_int_equal(dp_stats(dpif).n_flows, 1);
	assert_int_equal(dp_stats(dpif).n_masks, 1);
	/* Out of the port it came in by. */
	put_ok(dpif, "recirc_id(0),in_port(2),eth()", outputs(2), NULL);
	send_frame("p2", &f);
	expect_sent("p2", 1, &f);
}

static void test_put_semantics(void **state)
{
	struct dpif *dpif = *state;
	struct flow_ufid u1 = { { 0x1111, 0x2222 } };
	struct flow_ufid u2 = { { 0x3333, 0x4444 } };
	struct dpif_flow_stats old;
	struct frame f = udp_frame();
	struct dpif_flow df;
	struct match m;
	struct acts a;
	void *buf;

	assert_int_equal(put(dpif, MODIFY, M1, outputs(2), NULL), -ENOENT);
	assert_string_equal(dpif_last_error(dpif), "no such flow");
	put_ok(dpif, M1, outputs(2), &u1);
	assert_int_equal(put(dpif, CREATE, M1, outputs(2), &u1), -EEXIST);
	assert_string_equal(dpif_last_error(dpif), "flow exists");
	assert_int_equal(put(dpif, CREATE, M1, outputs(2), NULL), -EEXIST);
	assert_int_equal(put(dpif, CREATE, M1, outputs(2), &u2), -EEXIST);
	assert_string_equal(dpif_last_error(dpif), "a flow with this key and "
			    "mask exists under another UFID");
	assert_int_equal(put(dpif, MODIFY, M1, outputs(2), &u2), -ENOENT);
	assert_string_equal(dpif_last_error(dpif), "no flow with ufid:00000000-"
			    "0000-3333-0000-000000004444");
	assert_int_equal(put(dpif, MODIFY, "recirc_id(0),in_port(2),eth()",
			     outputs(2), &u1), -EINVAL);
	assert_int_equal(put(dpif, 0, M1, outputs(2), NULL), -EINVAL);

	send_frame("p1", &f);
	expect_sent("p2", 1, NULL);

	/* Modify: new actions, old statistics returned, optionally zeroed. */
	match_parse(&m, M1);
	assert_int_equal(dpif_flow_put(dpif, MODIFY, m.key, m.key_len, m.mask,
				       m.mask_len, outputs(1)->mem, 8, NULL,
				       &old), 0);
	assert_int_equal(old.n_packets, 1);
	assert_int_equal(old.n_bytes, f.len);
	send_frame("p1", &f);
	expect_sent("p1", 1, &f);
	assert_int_equal(dpif_flow_put(dpif, CREATE | MODIFY | DPIF_FP_ZERO_STATS,
				       m.key, m.key_len, m.mask, m.mask_len,
				       outputs(2)->mem, 8, &u1, &old), 0);
	assert_int_equal(old.n_packets, 2);

	/* Get by UFID and by key; delete; gone. */
	assert_int_equal(dpif_flow_get(dpif, NULL, 0, &u1, &df, &buf), 0);
	assert_true(df.ufid_present);
	assert_int_equal(df.actions_len, 8);
	assert_int_equal(df.stats.n_packets, 0);
	assert_int_equal(df.home, DPIF_FLOW_DP);
	free(buf);

	assert_int_equal(dpif_flow_get(dpif, NULL, 0, &u2, &df, &buf), -ENOENT);
	assert_null(buf);
	/* A flow put with a UFID is named by it, not by its key. */
	assert_int_equal(dpif_flow_del(dpif, m.key, m.key_len, NULL, &old),
			 -ENOENT);
	assert_int_equal(dpif_flow_del(dpif, NULL, 0, &u1, &old), 0);
	assert_int_equal(dpif_flow_del(dpif, NULL, 0, &u1, NULL), -ENOENT);
	assert_int_equal(dp_stats(dpif).n_flows, 0);
	put_ok(dpif, M1, outputs(2), NULL);
	assert_int_equal(dpif_flow_del(dpif, m.key, m.key_len, NULL, NULL), 0);
	put_ok(dpif, M1, outputs(2), NULL);
	assert_int_equal(dpif_flow_flush(dpif), 0);
	assert_int_equal(dp_stats(dpif).n_flows, 0);

	/* Keys and actions that do not parse or validate, named precisely. */
	assert_int_equal(put(dpif, CREATE, "in_port(1)", outputs(2), NULL),
			 -EINVAL);
	assert_string_equal(dpif_last_error(dpif),
			    "flow key: ETHERNET: missing: a key needs it");
	acts_init(&a);
	nlbuf_put_u16(&a.b, OVS_ACTION_ATTR_OUTPUT, 2);
	assert_int_equal(put(dpif, CREATE, M1, &a, NULL), -EINVAL);
	assert_non_null(strstr(dpif_last_error(dpif),
			       "actions: output (type 1) at offset 0: "));
	acts_init(&a);
	nlbuf_nest_end(&a.b, nlbuf_nest_start(&a.b, OVS_ACTION_ATTR_CT));
	assert_int_equal(put(dpif, CREATE, M1, &a, NULL), -EOPNOTSUPP);
	assert_string_equal(dpif_last_error(dpif), "actions: ct (type 12) at "
			    "offset 0: not supported by this datapath");
	assert_int_equal(dp_stats(dpif).n_flows, 0);
}

/* Without a UFID a flow is named by the key it was put with, so another
 * mask for the same key is refused. */
static void test_same_key_other_mask(void **state)
{
	struct dpif *dpif = *state;
	struct dpif_flow df;
	struct match m;
	void *buf;

	put_ok(dpif, M1, outputs(2), NULL);
	assert_int_equal(put(dpif, CREATE, "recirc_id(0),in_port(1),"
			     "eth(src=00:00:00:00:00:00)", outputs(2), NULL),
			 -EEXIST);
	assert_string_equal(dpif_last_error(dpif),
			    "a flow with this key and another mask exists");
	match_parse(&m, "recirc_id(0),in_port(1),eth(src=00:00:00:00:00:01)");
	assert_int_equal(dpif_flow_get(dpif, m.key, m.key_len, NULL, &df, &buf),
			 -ENOENT);
	assert_string_equal(dpif_last_error(dpif), "no such flow");
	/* Its UFID comes with it. */
	match_parse(&m, M1);
	assert_int_equal(dpif_flow_get(dpif, m.key, m.key_len, NULL, &df, &buf),
			 0);
	assert_true(df.ufid_present);
	free(buf);
}

/* ---- Misses. ---- */

static void test_miss_without_callback(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();
	struct dpif_dp_stats st;

	send_frame("p1", &f);
	WAIT_UNTIL(dp_stats(dpif).n_lost == 1);
	st = dp_stats(dpif);
	assert_int_equal(st.n_missed, 1);
	assert_int_equal(st.n_lost, 1);
	assert_int_equal(st.n_hit, 0);
	assert_int_equal(st.n_flows, 0);
	expect_none_sent("p2");
}

/* What the callback saw, for the test thread. */
struct seen {
	pthread_mutex_t mutex;
	int n_miss, n_userspace;
	u32 in_port;
	struct flow_ufid ufid;
	u8 userdata[16];
	u32 userdata_len;
	bool fail;              /* answer with an error */
};

static struct seen seen = { .mutex = PTHREAD_MUTEX_INITIALIZER };

static void seen_reset(void)
{
	pthread_mutex_lock(&seen.mutex);
	seen.n_miss = seen.n_userspace = 0;
	seen.fail = false;
	pthread_mutex_unlock(&seen.mutex);
}

static int seen_misses(void)
{
	int n;

	pthread_mutex_lock(&seen.mutex);
	n = seen.n_miss;
	pthread_mutex_unlock(&seen.mutex);
	return n;
}

/* Answers every miss with "recirc_id and in_port exact, output:2". */
static int upcall_cb(const struct dpif_upcall *up, struct nlbuf *mask_b,
		     struct nlbuf *actions, void *aux)
{
	struct flow_nl_error e;
	struct flow_key key, mask;
	bool fail;

	memset(&key, 0, sizeof key);
	if (flow_nl_parse_key(up->key, (u32)up->key_len, &key, NULL, &e))
		return -EINVAL;
	pthread_mutex_lock(&seen.mutex);
	if (up->is_miss) {
		seen.n_miss++;
		seen.in_port = key.in_port;
		seen.ufid = up->ufid;
	} else {
		seen.n_userspace++;
		seen.userdata_len = (u32)up->userdata_len;
		memcpy(seen.userdata, up->userdata,
		       up->userdata_len < 16 ? up->userdata_len : 16);
	}
	fail = seen.fail;
	pthread_mutex_unlock(&seen.mutex);
	if (!up->is_miss)
		return 0;
	if (fail)
		return -ENOBUFS;
	memset(&mask, 0, sizeof mask);
	mask.in_port = ~0u;
	mask.recirc_id = ~0u;
	flow_nl_put_mask(mask_b, &key, &mask);
	nlbuf_put_u32(actions, OVS_ACTION_ATTR_OUTPUT, 2);
	return 0;
}

static void test_miss_upcall(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame(), g = udp_frame();
	struct dpif_dp_stats st;
	struct dpif_flow df;
	void *buf;

	seen_reset();
	dpif_register_upcall_cb(dpif, upcall_cb, NULL);
	send_frame("p1", &f);
	expect_sent("p2", 1, &f);
	assert_int_equal(seen_misses(), 1);
	assert_int_equal(seen.in_port, 1);

	/* Installed under the UFID the upcall named, counting the packet. */
	assert_int_equal(dpif_flow_get(dpif, NULL, 0, &seen.ufid, &df, &buf),
			 0);
	assert_int_equal(df.stats.n_packets, 1);
	free(buf);

	/* Another packet of the megaflow (other addresses) hits it. */
	g.data[0] ^= 0x10;
	send_frame("p1", &g);
	expect_sent("p2", 1, &g);
	assert_int_equal(seen_misses(), 1);
	st = dp_stats(dpif);
	assert_int_equal(st.n_missed, 1);
	assert_int_equal(st.n_hit, 1);
	assert_int_equal(st.n_lost, 0);
	assert_int_equal(st.n_flows, 1);

	/* A failing callback: counted lost, nothing installed or sent. */
	pthread_mutex_lock(&seen.mutex);
	seen.fail = true;
	pthread_mutex_unlock(&seen.mutex);
	send_frame("p2", &f);
	WAIT_UNTIL(dp_stats(dpif).n_lost == 1);
	assert_int_equal(dp_stats(dpif).n_missed, 2);
	assert_int_equal(dp_stats(dpif).n_flows, 1);
	expect_none_sent("p2");
}

/* ---- Recirculation. ---- */

static void test_recirc(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();
	struct acts a;

	acts_init(&a);
	nlbuf_put_u32(&a.b, OVS_ACTION_ATTR_RECIRC, 7);
	put_ok(dpif, M1, &a, NULL);
	put_ok(dpif, "recirc_id(7),in_port(1),eth()", outputs(2), NULL);
	send_frame("p1", &f);
	expect_sent("p2", 1, &f);
	assert_int_equal(flow_stats_of(dpif, M1).packets, 1);
	assert_int_equal(flow_stats_of(dpif, "recirc_id(7),in_port(1),eth()")
			 .packets, 1);
	assert_int_equal(pmd_total(dpif).recirc, 1);

	/* A loop ends at the depth cap. */
	acts_init(&a);
	nlbuf_put_u32(&a.b, OVS_ACTION_ATTR_RECIRC, 9);
	put_ok(dpif, "recirc_id(0),in_port(2),eth()", &a, NULL);
	put_ok(dpif, "recirc_id(9),in_port(2),eth()", &a, NULL);
	send_frame("p2", &f);
	WAIT_UNTIL(pmd_total(dpif).recirc_drops == 1);
	expect_none_sent("p2");
	assert_int_equal(flow_stats_of(dpif, "recirc_id(9),in_port(2),eth()")
			 .packets, DPIF_NETDEV_MAX_RECIRC);
}

/* ---- Actions on the wire. ---- */

static void test_vlan_push(void **state)
{
	struct dpif *dpif = *state;
	struct ovs_action_push_vlan v = { DP_BE16(ETH_TYPE_VLAN),
					  DP_BE16(5 << 13 | VLAN_CFI | 100) };
	struct frame f = udp_frame(), want;
	struct acts a;

	acts_init(&a);
	nlbuf_put(&a.b, OVS_ACTION_ATTR_PUSH_VLAN, &v, sizeof v);
	output(&a, 2);
	put_ok(dpif, M1, &a, NULL);

	/* The same frame with 81 00 a0 64 (PCP 5, VID 100) after the
	 * addresses. */
	frame_init(&want);
	frame_put(&want, f.data, 12);
	frame_put(&want, "\x81\x00\xa0\x64", 4);
	frame_put(&want, f.data + 12, f.len - 12);
	send_frame("p1", &f);
	expect_sent("p2", 1, &want);
}

/* Copies to several ports, one rewritten: each port gets its frame. */
/* Adds port p3 (3) and a flow from p1 to p3 as it came, then with a VLAN
 * tag pushed to p2. */
static void put_copy_and_tagged(struct dpif *dpif)
{
	struct ovs_action_push_vlan v = { DP_BE16(ETH_TYPE_VLAN),
					  DP_BE16(VLAN_CFI | 5) };
	uint32_t no = DPIF_PORT_NONE;
	struct acts a;

	assert_int_equal(dpif_port_add(dpif, "p3", NULL, NULL, &no), 0);
	acts_init(&a);
	output(&a, 3);
	nlbuf_put(&a.b, OVS_ACTION_ATTR_PUSH_VLAN, &v, sizeof v);
	output(&a, 2);
	put_ok(dpif, M1, &a, NULL);
}

static void test_output_copies(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();

	put_copy_and_tagged(dpif);
	send_frame("p1", &f);
	expect_sent("p3", 1, &f);
	expect_sent("p2", 1, NULL);
}

static struct dpif_port_stats port_stats(struct dpif *dpif, uint32_t no)
{
	struct dpif_port_stats s;

	assert_int_equal(dpif_port_get_stats(dpif, no, &s), 0);
	return s;
}

/* Only packet and byte counters moved: no drops, no errors. */
static void assert_port_counts(struct dpif *dpif, uint32_t no,
			       uint64_t rx_packets, uint64_t rx_bytes,
			       uint64_t tx_packets, uint64_t tx_bytes)
{
	struct dpif_port_stats s = port_stats(dpif, no), want;

	memset(&want, 0, sizeof want);
	want.rx_packets = rx_packets;
	want.rx_bytes = rx_bytes;
	want.tx_packets = tx_packets;
	want.tx_bytes = tx_bytes;
	assert_memory_equal(&s, &want, sizeof s);
}

/* Each port counts what the datapath received from it and sent to it:
 * 5 frames in on p1, out to p3 as they are and to p2 with a VLAN tag
 * (4 bytes more); 2 frames in on p2, out to p1. */
static void test_port_stats(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();
	struct dpif_port_stats s;
	uint32_t no;
	int i;

	assert_port_counts(dpif, 1, 0, 0, 0, 0);
	put_copy_and_tagged(dpif);
	put_ok(dpif, "recirc_id(0),in_port(2),eth()", outputs(1), NULL);
	for (i = 0; i < 5; i++)
		send_frame("p1", &f);
	for (i = 0; i < 2; i++)
		send_frame("p2", &f);
	expect_sent("p3", 5, &f);
	expect_sent("p2", 5, NULL);
	expect_sent("p1", 2, &f);
	WAIT_UNTIL(port_stats(dpif, 1).tx_packets == 2);

	assert_port_counts(dpif, 1, 5, 5 * f.len, 2, 2 * f.len);
	assert_port_counts(dpif, 2, 2, 2 * f.len, 5, 5 * (f.len + 4));
	assert_port_counts(dpif, 3, 0, 0, 5, 5 * f.len);
	assert_port_counts(dpif, 0, 0, 0, 0, 0);

	/* A port that is not there: an error naming it, nothing known. */
	assert_int_equal(dpif_port_get_stats(dpif, 9, &s), -ENOENT);
	assert_string_equal(dpif_last_error(dpif), "no port 9");
	assert_true(s.rx_packets == DPIF_STAT_UNKNOWN &&
		    s.tx_dropped == DPIF_STAT_UNKNOWN &&
		    s.collisions == DPIF_STAT_UNKNOWN);
	/* Deleted and added again, a port starts from zero. */
	assert_int_equal(dpif_port_del(dpif, 3), 0);
	assert_int_equal(dpif_port_get_stats(dpif, 3, &s), -ENOENT);
	no = 3;
	assert_int_equal(dpif_port_add(dpif, "p3", NULL, NULL, &no), 0);
	assert_port_counts(dpif, 3, 0, 0, 0, 0);
}

/* Packets of one receive batch to one port go out in one send(). */
static void test_output_batching(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();
	struct dpif_netdev_pmd_stats before, after;

	put_ok(dpif, M1, outputs(2), NULL);
	before = pmd_total(dpif);
	assert_int_equal(netdev_dummy_receive_n("p1", 0, f.data, f.len, 32), 0);
	expect_sent("p2", 32, &f);
	WAIT_UNTIL((after = pmd_total(dpif)).tx_packets - before.tx_packets == 32);
	assert_int_equal(after.packets - before.packets, 32);
	assert_int_equal(after.tx_packets - before.tx_packets, 32);
	assert_int_equal(after.tx_batches - before.tx_batches, 1);
}

/* What the counters said while a miss was being handled. */
static struct {
	uint64_t packets, misses;
	int calls;
} during;

static int stats_reading_cb(const struct dpif_upcall *up,
			    struct nlbuf *mask, struct nlbuf *actions,
			    void *aux)
{
	struct dpif_netdev_pmd_stats *s;
	size_t i, n;

	if (dpif_netdev_pmd_stats(aux, &s, &n))
		return -EIO;
	for (i = 0; i < n; i++) {
		during.packets += s[i].packets;
		during.misses += s[i].misses;
	}
	free(s);
	during.calls++;
	return -ENOBUFS;
}

/* A packet counts as received before its lookup counts it as a hit or a
 * miss: a reader never sees hits of packets not received, which made
 * pmd-stats-show print "packets received: 0" and 0 cycles per packet. */
static void test_received_before_processed(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();
	struct dpif_netdev_pmd_stats st;

	memset(&during, 0, sizeof during);
	dpif_register_upcall_cb(dpif, stats_reading_cb, dpif);
	send_frame("p1", &f);
	WAIT_UNTIL(dp_stats(dpif).n_lost == 1);
	dpif_register_upcall_cb(dpif, NULL, NULL);
	assert_int_equal(during.calls, 1);
	assert_int_equal(during.misses, 1);
	assert_int_equal(during.packets, 1);
	st = pmd_total(dpif);
	assert_int_equal(st.packets, 1);
}

/* ---- The exact-match cache. ---- */

static void set_emc(struct dpif *dpif, unsigned int one_in)
{
	struct dpif_netdev_config cfg;

	assert_int_equal(dpif_netdev_get_config(dpif, &cfg), 0);
	assert_int_equal(cfg.emc_insert_inv, 100);
	cfg.emc_insert_inv = one_in;
	assert_int_equal(dpif_netdev_set_config(dpif, &cfg), 0);
}

/* Sends 'f' on p1 and waits until it is out on p2. */
static void forward(const struct frame *f)
{
	send_frame("p1", f);
	expect_sent("p2", 1, f);
}

static void test_emc(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();
	struct dpif_netdev_pmd_stats st;

	set_emc(dpif, 1);
	put_ok(dpif, M1, outputs(2), NULL);
	forward(&f);
	forward(&f);
	st = pmd_total(dpif);
	assert_int_equal(st.megaflow_hits, 1);
	assert_int_equal(st.emc_hits, 1);

	/* A deleted flow is gone from the cache too; a new one replaces it. */
	assert_int_equal(dpif_flow_flush(dpif), 0);
	send_frame("p1", &f);
	WAIT_UNTIL(dp_stats(dpif).n_lost == 1);
	put_ok(dpif, M1, outputs(1), NULL);
	send_frame("p1", &f);
	expect_sent("p1", 1, &f);
	st = pmd_total(dpif);
	assert_int_equal(st.megaflow_hits, 2);
	assert_int_equal(st.emc_hits, 1);
}

static void test_emc_off(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();

	set_emc(dpif, 0);
	put_ok(dpif, M1, outputs(2), NULL);
	forward(&f);
	forward(&f);
	assert_int_equal(pmd_total(dpif).megaflow_hits, 2);
	assert_int_equal(pmd_total(dpif).emc_hits, 0);
}

/* Megaflow lookups count the masks they visit: a hit the masks up to its
 * flow's, a miss every mask; exact-match cache hits none. */
static void test_mask_visits(void **state)
{
	struct dpif *dpif = *state;
	struct frame f = udp_frame();
	struct dpif_dp_stats st;

	set_emc(dpif, 0);
	put_ok(dpif, M1, outputs(2), NULL);
	put_ok(dpif, "recirc_id(0),in_port(2),eth(dst=02:00:00:00:00:09)",
	       outputs(1), NULL);
	forward(&f);
	forward(&f);
	st = dp_stats(dpif);
	assert_int_equal(st.n_masks, 2);
	assert_int_equal(st.n_hit, 2);
	assert_int_equal(st.n_mask_hit, 2);     /* M1's mask is first */
	send_frame("p2", &f);                   /* another MAC: a miss */
	WAIT_UNTIL(dp_stats(dpif).n_lost == 1);
	assert_int_equal(dp_stats(dpif).n_mask_hit, 2 + 2);
}

/* ---- Dumps. ---- */

struct dump_ctx {
	struct dpif *dpif;
	int n, n_ufid;
	uint64_t packets;
	bool delete;
	bool roundtrip_ok;
};

static int dump_cb(const struct dpif_flow *f, void *aux)
{
	struct dump_ctx *d = aux;
	struct flow_key key, mask;
	struct flow_nl_error e;

	d->n++;
	d->n_ufid += f->ufid_present;
	d->packets += f->stats.n_packets;
	/* What a dump prints parses back as a match. */
	if (flow_nl_parse_match(f->key, (u32)f->key_len, f->mask,
				(u32)f->mask_len, &key, &mask, &e)) {
		print_error("dumped flow: %s %s\n", flow_nl_attr_name(e.attr),
			    e.msg);
		d->roundtrip_ok = false;
	}
	if (d->delete && dpif_flow_del(d->dpif, NULL, 0, &f->ufid, NULL))
		d->roundtrip_ok = false;
	return 0;
}

static void test_dump(void **state)
{
	struct dpif *dpif = *state;
	struct flow_ufid u = { { 1, 2 } };
	struct dump_ctx d = { dpif, 0, 0, 0, false, true };
	struct frame f = udp_frame();
	struct dpif_flow df;
	struct match m;
	void *buf;

	put_ok(dpif, M1, outputs(2), &u);
	put_ok(dpif, "recirc_id(0),in_port(2),eth(dst=02:00:00:00:00:09)",
	       outputs(1), NULL);
	put_ok(dpif, "recirc_id(0),in_port(2),eth(),eth_type(0x0800),"
	       "ipv4(dst=10.1.0.0/255.255.0.0)", outputs(1), NULL);
	send_frame("p1", &f);
	send_frame("p1", &f);
	expect_sent("p2", 2, NULL);

	assert_int_equal(dpif_flow_dump(dpif, dump_cb, &d), 0);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.n_ufid, 3);
	assert_int_equal(d.packets, 2);
	assert_true(d.roundtrip_ok);

	/* Key and mask come back as they went in. */
	match_parse(&m, "recirc_id(0),in_port(2),eth(),eth_type(0x0800),"
		    "ipv4(dst=10.1.0.0/255.255.0.0)");
	assert_int_equal(dpif_flow_get(dpif, m.key, m.key_len, NULL, &df, &buf),
			 0);
	{
		struct flow_key k1, m1, k2, m2;
		struct flow_nl_error e;

		assert_int_equal(flow_nl_parse_match(m.key, m.key_len, m.mask,
						     m.mask_len, &k1, &m1, &e), 0);
		assert_int_equal(flow_nl_parse_match(df.key, (u32)df.key_len,
						     df.mask, (u32)df.mask_len,
						     &k2, &m2, &e), 0);
		assert_memory_equal(&m1, &m2, sizeof m1);
		assert_int_equal(k2.ipv4.dst, k1.ipv4.dst);
	}
	free(buf);

	/* A dump may delete what it is given. */
	d.n = 0;
	d.delete = true;
	assert_int_equal(dpif_flow_dump(dpif, dump_cb, &d), 0);
	assert_int_equal(d.n, 3);
	assert_true(d.roundtrip_ok);
	assert_int_equal(dp_stats(dpif).n_flows, 0);
}

/* ---- The flow limit. ---- */

static void test_flow_limit(void **state)
{
	struct dpif *dpif = *state;
	struct dpif_netdev_config cfg;
	struct frame f = udp_frame();

	assert_int_equal(dpif_netdev_get_config(dpif, &cfg), 0);
	assert_int_equal(cfg.flow_limit, 200000);
	cfg.flow_limit = 2;
	assert_int_equal(dpif_netdev_set_config(dpif, &cfg), 0);
	put_ok(dpif, "recirc_id(0),in_port(7),eth()", outputs(2), NULL);
	put_ok(dpif, "recirc_id(0),in_port(8),eth()", outputs(2), NULL);
	assert_int_equal(put(dpif, CREATE, M1, outputs(2), NULL), -EFBIG);
	assert_string_equal(dpif_last_error(dpif),
			    "flow table full: limit of 2 flows");

	/* A miss still goes its way, uninstalled. */
	seen_reset();
	dpif_register_upcall_cb(dpif, upcall_cb, NULL);
	send_frame("p1", &f);
	expect_sent("p2", 1, &f);
	send_frame("p1", &f);
	expect_sent("p2", 1, &f);
	assert_int_equal(seen_misses(), 2);
	assert_int_equal(dp_stats(dpif).n_flows, 2);
	assert_int_equal(dp_stats(dpif).n_lost, 0);
}

/* ---- Execute. ---- */

static void test_execute(void **state)
{
	struct dpif *dpif = *state;
	struct ovs_action_push_vlan v = { DP_BE16(ETH_TYPE_VLAN),
					  DP_BE16(VLAN_CFI | 100) };
	struct frame f = udp_frame();
	struct dp_packet *pkt = dp_packet_clone_data(f.data, f.len);
	struct acts a;
	u32 nest;

	pkt->in_port = 1;
	acts_init(&a);
	nlbuf_put(&a.b, OVS_ACTION_ATTR_PUSH_VLAN, &v, sizeof v);
	output(&a, 2);
	assert_int_equal(dpif_execute(dpif, pkt, a.mem, a.b.size), 0);
	expect_sent("p2", 1, NULL);
	/* The caller's packet is untouched. */
	assert_int_equal(dp_packet_size(pkt), f.len);

	/* A userspace action reaches the callback, with its userdata. */
	seen_reset();
	dpif_register_upcall_cb(dpif, upcall_cb, NULL);
	acts_init(&a);
	nest = nlbuf_nest_start(&a.b, OVS_ACTION_ATTR_USERSPACE);
	nlbuf_put_u32(&a.b, OVS_USERSPACE_ATTR_PID, 0);
	nlbuf_put(&a.b, OVS_USERSPACE_ATTR_USERDATA, "cookie!!", 8);
	nlbuf_nest_end(&a.b, nest);
	assert_int_equal(dpif_execute(dpif, pkt, a.mem, a.b.size), 0);
	assert_int_equal(seen.n_userspace, 1);
	assert_int_equal(seen.userdata_len, 8);
	assert_memory_equal(seen.userdata, "cookie!!", 8);

	/* Invalid actions are refused before anything runs. */
	acts_init(&a);
	nlbuf_put_u32(&a.b, 999, 1);
	assert_int_equal(dpif_execute(dpif, pkt, a.mem, a.b.size), -EINVAL);
	assert_non_null(strstr(dpif_last_error(dpif), "actions: ? (type 999)"));
	dp_packet_delete(pkt);
}

/* ---- Threads. ---- */

struct churn {
	bool stop;
	uint64_t sent;
};

static void *inject(void *arg)
{
	struct churn *c = arg;
	struct frame f = udp_frame();

	while (!__atomic_load_n(&c->stop, __ATOMIC_ACQUIRE)) {
		for (int q = 0; q < 2; q++)
			if (!netdev_dummy_receive("p3", q, f.data, f.len))
				c->sent++;
		netdev_dummy_receive("p1", 0, f.data, f.len);
		usleep(50);
	}
	return NULL;
}

/* Two threads, a two-queue port, ports and flows changing under traffic. */
static void test_threads_churn(void **state)
{
	struct dpif *dpif = *state;
	const char *const two[] = { "n_rxq=2", "n_txq=2", NULL };
	struct dpif_netdev_pmd_stats *ps;
	struct dpif_netdev_config cfg;
	struct frame f = udp_frame();
	struct churn c = { false, 0 };
	pthread_t t;
	uint32_t no;
	size_t n, i;
	int round;

	assert_int_equal(dpif_netdev_get_config(dpif, &cfg), 0);
	cfg.n_pmd = 2;
	assert_int_equal(dpif_netdev_set_config(dpif, &cfg), 0);
	no = 3;
	assert_int_equal(dpif_port_add(dpif, "p3", NULL, two, &no), 0);
	put_ok(dpif, "recirc_id(0),in_port(3),eth()", outputs(2), NULL);
	for (i = 0; i < 2; i++)
		assert_int_equal(netdev_dummy_receive("p3", (int)i, f.data,
						      f.len), 0);
	expect_sent("p2", 2, &f);
	assert_int_equal(dpif_netdev_pmd_stats(dpif, &ps, &n), 0);
	assert_int_equal(n, 3);
	/* Queues: p0, p1, p2, p3 q0, p3 q1, spread over two threads. */
	assert_int_equal(ps[0].n_rxq + ps[1].n_rxq, 5);
	assert_int_equal(ps[2].id, -1);
	free(ps);

	/* Misses (p1 after the flush) install flows while flows go. */
	seen_reset();
	dpif_register_upcall_cb(dpif, upcall_cb, NULL);
	pthread_create(&t, NULL, inject, &c);
	for (round = 0; round < 20; round++) {
		assert_int_equal(dpif_port_del(dpif, 3), 0);
		no = 3;
		assert_int_equal(dpif_port_add(dpif, "p3", NULL, two, &no), 0);
		/* The callback may have installed it already. */
		assert_int_equal(put(dpif, CREATE | MODIFY, M1, outputs(3),
				     NULL), 0);
		assert_int_equal(dpif_flow_flush(dpif), 0);
		assert_int_equal(put(dpif, CREATE | MODIFY, "recirc_id(0),"
				     "in_port(3),eth()", outputs(2), NULL), 0);
		if (round == 10) {
			cfg.n_pmd = 1;
			assert_int_equal(dpif_netdev_set_config(dpif, &cfg), 0);
		}
	}
	__atomic_store_n(&c.stop, true, __ATOMIC_RELEASE);
	pthread_join(t, NULL);
	assert_true(c.sent > 0);
	assert_true(pmd_total(dpif).packets > 0);
}

/* ---- Sleeping and waking. ---- */

static uint64_t usec_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* An idle thread sleeps in poll(); a packet wakes it quickly. */
static void test_sleep_wakeup(void **state)
{
	struct dpif *dpif = *state;
	struct dpif_netdev_config cfg;
	struct frame f = udp_frame();
	uint64_t lat[15], sleeps;
	int i;

	assert_int_equal(dpif_netdev_get_config(dpif, &cfg), 0);
	cfg.idle_us = 1000;
	assert_int_equal(dpif_netdev_set_config(dpif, &cfg), 0);
	put_ok(dpif, M1, outputs(2), NULL);
	for (i = 0; i < 15; i++) {
		uint64_t t0;

		usleep(20000);          /* well past idle_us: asleep */
		sleeps = pmd_total(dpif).sleeps;
		t0 = usec_now();
		send_frame("p1", &f);
		expect_sent("p2", 1, &f);
		lat[i] = usec_now() - t0;
		assert_true(sleeps > 0);
	}
	qsort(lat, 15, sizeof lat[0], cmp_u64);
	print_message("wake-up to forward: median %llu us, max %llu us\n",
		      (unsigned long long)lat[7], (unsigned long long)lat[14]);
	assert_true(lat[7] < 20000);
	/* Asleep, a thread sleeps up to 100 ms per poll(), not spinning. */
	sleeps = pmd_total(dpif).sleeps;
	usleep(300000);
	assert_true(pmd_total(dpif).sleeps - sleeps <= 10);
}

/* With the fixture. */
#define FX_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_datapaths),
		FX_TEST(test_ports),
		FX_TEST(test_forward),
		FX_TEST(test_put_semantics),
		FX_TEST(test_same_key_other_mask),
		FX_TEST(test_miss_without_callback),
		FX_TEST(test_miss_upcall),
		FX_TEST(test_recirc),
		FX_TEST(test_vlan_push),
		FX_TEST(test_output_copies),
		FX_TEST(test_port_stats),
		FX_TEST(test_output_batching),
		FX_TEST(test_received_before_processed),
		FX_TEST(test_emc),
		FX_TEST(test_emc_off),
		FX_TEST(test_mask_visits),
		FX_TEST(test_dump),
		FX_TEST(test_flow_limit),
		FX_TEST(test_execute),
		FX_TEST(test_threads_churn),
		FX_TEST(test_sleep_wakeup),
	};
	int rc;

	rcu_register_thread();
	dpif_netdev_set_netdev_override("dummy");
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	dpif_netdev_set_netdev_override(NULL);
	rcu_unregister_thread();
	return rc;
}
