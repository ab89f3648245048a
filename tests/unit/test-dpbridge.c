/* A bridge on the userspace datapath with dummy ports, end to end in one
 * process (so the sanitizers watch the upcall and revalidator threads):
 * NORMAL learns and floods; a table change is in the datapath once the
 * revalidator has synced, by modifying the megaflow rather than by a new
 * upcall; only the megaflows a new rule can affect are re-translated; a
 * deleted rule's megaflows stop forwarding; and table changes racing a
 * stream of packets leave the datapath consistent. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <cmocka.h>
#include <urcu.h>

#include "bytebuf.h"
#include "dp-packet.h"
#include "dpbridge-private.h"
#include "dpif-netdev.h"
#include "frame-builder.h"
#include "netdev-dummy.h"
#include "ofp-flow-mod.h"
#include "poll-loop.h"
#include "temp-file.h"

#define WAIT_MS 2000

static const char mac_a[6] = { 2, 0, 0, 0, 0, 0xa };
static const char mac_b[6] = { 2, 0, 0, 0, 0, 0xb };
static const char mac_bcast[6] = { -1, -1, -1, -1, -1, -1 };

struct fixture {
	char dir[64];
	struct poll_loop *loop;
	struct dpbridge *b;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	char *err = NULL;
	uint32_t ofp;

	if (!temp_dir(fx->dir, sizeof fx->dir, "dpbridge"))
		return -1;
	setenv("WEIR_RUNDIR", fx->dir, 1);
	setenv("OVS_RUNDIR", fx->dir, 1);
	fx->loop = poll_loop_create();
	fx->b = dpbridge_create("tbr", "netdev", fx->loop, &err);
	if (!fx->b) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	for (uint32_t i = 1; i <= 3; i++) {
		char name[8];

		snprintf(name, sizeof name, "p%u", i);
		if (dpbridge_port_add(fx->b, name, "system", NULL, i, &ofp,
				      &err) || ofp != i)
			return -1;
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char path[128];

	dpbridge_destroy(fx->b);
	poll_loop_destroy(fx->loop);
	snprintf(path, sizeof path, "%s/tbr.mgmt", fx->dir);
	unlink(path);
	rmdir(fx->dir);
	free(fx);
	return 0;
}

/* 'text' as ovs-ofctl add-flow (or del-flows when 'command' says so)
 * would send it, then the barrier's wait. */
static void flow_mod(struct dpbridge *b, int command, const char *text)
{
	struct of_flow_mod fm;
	struct bytebuf ofpacts;
	unsigned int usable;
	char *error;

	bytebuf_init(&ofpacts);
	error = of_flow_mod_parse(text, command, &fm, &ofpacts, &usable);
	if (error)
		fail_msg("%s: %s", text, error);
	assert_int_equal(dpb_flow_mod(b, &fm), 0);
	bytebuf_uninit(&ofpacts);
	dpb_reval_sync(b);
}

static struct frame udp_to(const char *dst_mac, const char *src_mac,
			   uint32_t nw_dst)
{
	struct frame f;

	frame_init(&f);
	frame_eth(&f, dst_mac, src_mac, 0x0800);
	frame_ipv4(&f, 0x0a000001, nw_dst, 17, 64, 0, 0);
	frame_udp(&f, 1000, 2000);
	frame_finish(&f);
	return f;
}

static void send_on(const char *port, const struct frame *f)
{
	assert_int_equal(netdev_dummy_receive(port, 0, f->data, f->len), 0);
}

static void expect_on(const char *port, size_t n)
{
	assert_true(netdev_dummy_wait_sent(port, n, WAIT_MS) >= n);
	for (size_t i = 0; i < n; i++)
		dp_packet_delete(netdev_dummy_take_sent(port));
}

static void expect_nothing_on(const char *port)
{
	assert_int_equal(netdev_dummy_wait_sent(port, 1, 100), 0);
}

static uint64_t counter(const uint64_t *c)
{
	return __atomic_load_n(c, __ATOMIC_RELAXED);
}

static void test_normal(void **state)
{
	struct fixture *fx = *state;
	struct frame f = udp_to(mac_bcast, mac_a, 0x0a000002);
	char *fdb = NULL;
	size_t len;
	FILE *out;

	/* A broadcast floods; the answer goes only where A was seen. */
	send_on("p1", &f);
	expect_on("p2", 1);
	expect_on("p3", 1);
	f = udp_to(mac_a, mac_b, 0x0a000001);
	send_on("p2", &f);
	expect_on("p1", 1);
	expect_nothing_on("p3");

	out = open_memstream(&fdb, &len);
	dpbridge_fdb_show(fx->b, out);
	fclose(out);
	assert_non_null(strstr(fdb, "    1     0  02:00:00:00:00:0a"));
	assert_non_null(strstr(fdb, "    2     0  02:00:00:00:00:0b"));
	free(fdb);
}

static void test_change_reaches_datapath(void **state)
{
	struct fixture *fx = *state;
	struct frame f = udp_to(mac_b, mac_a, 0x0a000002);
	uint64_t upcalls, modified;

	flow_mod(fx->b, OFPFC_DELETE, "");
	flow_mod(fx->b, OFPFC_ADD, "priority=10,in_port=1,actions=output:2");
	send_on("p1", &f);
	expect_on("p2", 1);
	upcalls = counter(&fx->b->counters.upcalls);
	modified = counter(&fx->b->counters.flows_modified);

	flow_mod(fx->b, OFPFC_ADD, "priority=20,in_port=1,actions=output:3");
	send_on("p1", &f);
	expect_on("p3", 1);
	expect_nothing_on("p2");
	/* The megaflow was modified in place, not missed again. */
	assert_int_equal(counter(&fx->b->counters.upcalls), upcalls);
	assert_int_equal(counter(&fx->b->counters.flows_modified),
			 modified + 1);

	flow_mod(fx->b, OFPFC_DELETE_STRICT, "priority=20,in_port=1");
	send_on("p1", &f);
	expect_on("p2", 1);
	flow_mod(fx->b, OFPFC_DELETE, "in_port=1");
	send_on("p1", &f);
	expect_nothing_on("p2");
	expect_nothing_on("p3");
}

/* 40 megaflows, one per destination; a rule over one destination
 * re-translates that one only, a rule over none re-translates none. */
static void test_targeted(void **state)
{
	struct fixture *fx = *state;
	uint64_t before;

	flow_mod(fx->b, OFPFC_DELETE, "");
	flow_mod(fx->b, OFPFC_ADD, "priority=10,ip,actions=goto_table:1");
	flow_mod(fx->b, OFPFC_ADD, "table=1,priority=10,ip,actions=output:2");
	for (uint32_t i = 1; i <= 40; i++) {
		char text[96];
		struct frame f = udp_to(mac_b, mac_a, 0x0a000000 + i);

		snprintf(text, sizeof text, "table=1,priority=20,ip,"
			 "nw_dst=10.0.0.%u,actions=output:2", i);
		flow_mod(fx->b, OFPFC_ADD, text);
		send_on("p1", &f);
		expect_on("p2", 1);
	}
	assert_true(ukey_map_count(fx->b->ukeys) >= 40);

	before = counter(&fx->b->counters.reval_targeted);
	flow_mod(fx->b, OFPFC_ADD,
		 "table=1,priority=30,ip,nw_dst=10.0.1.1,actions=output:3");
	assert_int_equal(counter(&fx->b->counters.reval_targeted), before);
	flow_mod(fx->b, OFPFC_ADD,
		 "table=1,priority=30,ip,nw_dst=10.0.0.7,actions=output:3");
	assert_int_equal(counter(&fx->b->counters.reval_targeted), before + 1);

	struct frame f7 = udp_to(mac_b, mac_a, 0x0a000007);
	struct frame f8 = udp_to(mac_b, mac_a, 0x0a000008);

	send_on("p1", &f7);
	expect_on("p3", 1);
	send_on("p1", &f8);
	expect_on("p2", 1);
}

struct stream_arg {
	bool stop;
	unsigned int sent;
};

static void *stream_main(void *arg_)
{
	struct stream_arg *arg = arg_;

	while (!__atomic_load_n(&arg->stop, __ATOMIC_RELAXED)) {
		unsigned int n = __atomic_load_n(&arg->sent, __ATOMIC_RELAXED);
		struct frame f = udp_to(mac_b, mac_a, 0x0a000000 + n % 16);

		netdev_dummy_receive("p1", 0, f.data, f.len);
		__atomic_add_fetch(&arg->sent, 1, __ATOMIC_RELAXED);
		usleep(200);
	}
	return NULL;
}

/* Changes race a stream of packets; afterwards the datapath follows the
 * last change at once. */
static void test_churn(void **state)
{
	struct fixture *fx = *state;
	struct stream_arg arg = { false, 0 };
	pthread_t th;

	flow_mod(fx->b, OFPFC_DELETE, "");
	pthread_create(&th, NULL, stream_main, &arg);
	while (!__atomic_load_n(&arg.sent, __ATOMIC_RELAXED))
		usleep(1000);
	for (int i = 0; i < 60; i++) {
		flow_mod(fx->b, OFPFC_ADD, i % 2
			 ? "priority=10,ip,actions=output:2"
			 : "priority=10,ip,actions=output:3");
		if (i % 7 == 0)
			flow_mod(fx->b, OFPFC_DELETE, "");
	}
	__atomic_store_n(&arg.stop, true, __ATOMIC_RELAXED);
	pthread_join(th, NULL);
	flow_mod(fx->b, OFPFC_ADD, "priority=10,ip,actions=output:3");
	netdev_dummy_discard_sent("p2");
	netdev_dummy_discard_sent("p3");
	for (uint32_t i = 0; i < 16; i++) {
		struct frame f = udp_to(mac_b, mac_a, 0x0a000000 + i);

		send_on("p1", &f);
		expect_on("p3", 1);
	}
	expect_nothing_on("p2");
	assert_true(arg.sent > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_normal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_change_reaches_datapath,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_targeted, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_churn, setup, teardown),
	};
	int rc;

	rcu_register_thread();
	dpif_netdev_set_netdev_override("dummy");
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	dpif_netdev_set_netdev_override(NULL);
	rcu_unregister_thread();
	return rc;
}
