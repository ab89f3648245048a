/* Committing header changes (lib/odp-commit.c), and the of_flow -> flow_key
 * direction of lib/of-flow-key.c it is checked through.
 *
 * Exact cases pin the actions' text (as ovs-dpctl prints them) and the
 * fields each commit reads into the mask.  The randomized test builds a
 * packet, makes a random target of its headers, commits, has the datapath
 * core validate and execute the actions on the packet, parses the result
 * and checks that it now has the target's headers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "actions.h"
#include "dp-packet.h"
#include "frame-builder.h"
#include "odp-actions-text.h"
#include "odp-commit.h"
#include "of-flow-key.h"

static const char MAC_A[6] = "\x02\x00\x00\x00\x00\x01";
static const char MAC_B[6] = "\x02\x00\x00\x00\x00\x02";

/* An IPv4 TCP packet's of_flow: in_port 1, 10.0.0.1 -> 10.0.0.2, ttl 64,
 * ports 1000 -> 80. */
static void tcp4_flow(struct of_flow *f)
{
	memset(f, 0, sizeof *f);
	f->in_port = htonl(1);
	memcpy(f->dl_src, MAC_A, 6);
	memcpy(f->dl_dst, MAC_B, 6);
	f->dl_type = htons(0x0800);
	f->nw_src = htonl(0x0a000001);
	f->nw_dst = htonl(0x0a000002);
	f->nw_proto = 6;
	f->nw_ttl = 64;
	f->tp_src = htons(1000);
	f->tp_dst = htons(80);
}

/* Commits base -> target and checks the text and that base became target. */
static char *commit_text(struct of_flow *base, const struct of_flow *target,
			 struct of_flow *wc)
{
	static uint8_t mem[4096];
	struct nlbuf acts;
	char *s;

	nlbuf_init(&acts, mem, sizeof mem);
	memset(wc, 0, sizeof *wc);
	odp_commit(base, target, wc, &acts);
	assert_false(acts.overflow);
	assert_memory_equal(base, target, sizeof *base);
	s = odp_actions_to_string(acts.data, acts.size);
	return s;
}

static void expect_commit(const struct of_flow *base,
			  const struct of_flow *target, const char *want)
{
	struct of_flow b = *base, wc;
	char *s = commit_text(&b, target, &wc);

	assert_string_equal(s, want);
	free(s);
}

static void test_nothing(void **state)
{
	struct of_flow f, wc;
	char *s;

	(void)state;
	tcp4_flow(&f);
	s = commit_text(&f, &f, &wc);
	assert_string_equal(s, "drop");
	free(s);
	/* Nothing read: the mask stays empty. */
	assert_true(wc.dl_type == 0 && wc.nw_src == 0 && wc.tp_src == 0);
}

static void test_eth(void **state)
{
	struct of_flow b, t, wc;
	char *s;

	(void)state;
	tcp4_flow(&b);
	t = b;
	t.dl_dst[5] = 9;
	s = commit_text(&b, &t, &wc);
	assert_string_equal(s, "set(eth(dst=02:00:00:00:00:09))");
	free(s);
	assert_memory_equal(wc.dl_dst, "\xff\xff\xff\xff\xff\xff", 6);
	assert_memory_equal(wc.dl_src, "\0\0\0\0\0\0", 6);
}

static void test_ipv4_masked(void **state)
{
	struct of_flow b, t, wc;
	char *s;

	(void)state;
	tcp4_flow(&b);
	t = b;
	t.nw_src = htonl(0x01020304);
	t.nw_ttl = 9;
	s = commit_text(&b, &t, &wc);
	assert_string_equal(s, "set(ipv4(src=1.2.3.4,ttl=9))");
	free(s);
	/* Changed fields, and what the datapath needs to accept a set. */
	assert_int_equal(wc.nw_src, 0xffffffff);
	assert_int_equal(wc.nw_ttl, 0xff);
	assert_int_equal(wc.nw_dst, 0);
	assert_int_equal(wc.dl_type, 0xffff);
	assert_int_equal(wc.nw_proto, 0xff);
}

static void test_ipv4_dscp_only(void **state)
{
	struct of_flow b, t;

	(void)state;
	tcp4_flow(&b);
	b.nw_tos = 0x05;
	t = b;
	t.nw_tos = 0x21;
	expect_commit(&b, &t, "set(ipv4(tos=0x20/0xfc))");
	t.nw_tos = 0x22;
	expect_commit(&b, &t, "set(ipv4(tos=0x22))");
}

static void test_no_l3_header(void **state)
{
	struct of_flow b, t;

	(void)state;
	tcp4_flow(&b);
	b.nw_proto = 0;
	t = b;
	t.nw_ttl = 3;
	/* Protocol 0: Open vSwitch takes it as "no IP header"; so do we. */
	expect_commit(&b, &t, "drop");
}

static void test_tcp_udp_ports(void **state)
{
	struct of_flow b, t;

	(void)state;
	tcp4_flow(&b);
	t = b;
	t.tp_dst = htons(8080);
	expect_commit(&b, &t, "set(tcp(dst=8080))");
	b.nw_proto = t.nw_proto = 17;
	t.tp_src = htons(53);
	expect_commit(&b, &t, "set(udp(src=53,dst=8080))");
	/* A later fragment has no ports to rewrite. */
	b.nw_frag = t.nw_frag = OF_FRAG_ANY | OF_FRAG_LATER;
	expect_commit(&b, &t, "drop");
}

static void test_ipv6(void **state)
{
	struct of_flow b, t;

	(void)state;
	tcp4_flow(&b);
	b.dl_type = htons(0x86dd);
	b.nw_src = b.nw_dst = 0;
	b.ipv6_src[15] = 1;
	b.ipv6_dst[15] = 2;
	t = b;
	t.ipv6_dst[0] = 0x20;
	t.nw_ttl = 7;
	t.ipv6_label = htonl(5);
	expect_commit(&b, &t, "set(ipv6(dst=2000::2,label=0x5,hlimit=7))");
}

static void test_vlan(void **state)
{
	struct of_flow b, t;

	(void)state;
	tcp4_flow(&b);
	t = b;
	t.vlans[0].tpid = htons(0x8100);
	t.vlans[0].tci = htons(0x1000 | 10);
	expect_commit(&b, &t, "push_vlan(vid=10,pcp=0)");
	/* Modifying a tag pops and pushes it, as Open vSwitch does. */
	b = t;
	t.vlans[0].tci = htons(0x1000 | 0x6000 | 11);
	expect_commit(&b, &t, "pop_vlan,push_vlan(vid=11,pcp=3)");
	/* QinQ: an outer tag over the inner one. */
	t = b;
	t.vlans[1] = b.vlans[0];
	t.vlans[0].tpid = htons(0x88a8);
	t.vlans[0].tci = htons(0x1000 | 100);
	expect_commit(&b, &t, "push_vlan(tpid=0x88a8,vid=100,pcp=0)");
	/* Popping the outer leaves the inner. */
	expect_commit(&t, &b, "pop_vlan");
	/* Changing the inner tag under an outer one redoes both. */
	b = t;
	t.vlans[1].tci = htons(0x1000 | 12);
	expect_commit(&b, &t, "pop_vlan,pop_vlan,push_vlan(vid=12,pcp=0),"
		      "push_vlan(tpid=0x88a8,vid=100,pcp=0)");
}

static void test_mpls(void **state)
{
	struct of_flow b, t, wc;
	char *s;

	(void)state;
	tcp4_flow(&b);
	t = b;
	t.dl_type = htons(0x8847);
	t.mpls_lse = htonl(7 << 12 | 0x100 | 64);
	memset((uint8_t *)&t + OF_FLOW_L3_OFS, 0, sizeof t - OF_FLOW_L3_OFS);
	expect_commit(&b, &t, "push_mpls(label=7,tc=0,ttl=64,bos=1,"
		      "eth_type=0x8847)");
	/* An L3 change before the push goes first. */
	b.nw_src = htonl(0x01010101);
	expect_commit(&b, &t, "push_mpls(label=7,tc=0,ttl=64,bos=1,"
		      "eth_type=0x8847)");
	b = t;
	t.mpls_lse = htonl(9 << 12 | 0x100 | 63);
	s = commit_text(&b, &t, &wc);
	assert_string_equal(s, "set(mpls(label=9,tc=0,ttl=63,bos=1))");
	free(s);
	assert_int_equal(wc.mpls_lse, 0xffffffff);
	/* Leaving MPLS comes right after the Ethernet rewrite. */
	b = t;
	t.dl_type = htons(0x0800);
	t.mpls_lse = 0;
	t.dl_src[0] = 0x0a;
	expect_commit(&b, &t, "set(eth(src=0a:00:00:00:00:01)),"
		      "pop_mpls(eth_type=0x800)");
}

static void test_priority_mark_order(void **state)
{
	struct of_flow b, t;

	(void)state;
	tcp4_flow(&b);
	t = b;
	t.skb_priority = htonl(3);
	t.pkt_mark = htonl(7);
	t.vlans[0].tpid = htons(0x8100);
	t.vlans[0].tci = htons(0x1000 | 2);
	t.tp_src = htons(1);
	t.nw_dst = htonl(0x0b000001);
	t.dl_src[0] = 0x0a;
	expect_commit(&b, &t, "set(eth(src=0a:00:00:00:00:01)),"
		      "set(ipv4(dst=11.0.0.1)),set(tcp(src=1)),"
		      "push_vlan(vid=2,pcp=0),set(skb_priority(0x3)),"
		      "set(skb_mark(0x7))");
}

static void test_arp_icmp_slow(void **state)
{
	static uint8_t mem[512];
	struct of_flow b, t, wc;
	struct nlbuf acts;

	(void)state;
	tcp4_flow(&b);
	b.nw_proto = 1;
	b.tp_src = htons(8);
	b.tp_dst = 0;
	t = b;
	t.tp_src = 0;
	nlbuf_init(&acts, mem, sizeof mem);
	assert_true(odp_commit(&b, &t, &wc, &acts));
	tcp4_flow(&b);
	t = b;
	t.nw_ttl = 1;
	assert_false(odp_commit(&b, &t, &wc, &acts));
}

/* of_flow -> flow_key and back gives the same of_flow for what the key
 * holds, and a mask widens to the datapath's prerequisites. */
static void test_flow_key_reverse(void **state)
{
	struct flow_key key, mask;
	struct of_flow f, g, wc;

	(void)state;
	tcp4_flow(&f);
	f.vlans[0].tpid = htons(0x8100);
	f.vlans[0].tci = htons(0x1000 | 5);
	f.nw_frag = OF_FRAG_ANY;
	f.skb_priority = htonl(4);
	f.pkt_mark = htonl(6);
	of_flow_to_flow_key(&f, &key);
	assert_int_equal(key.in_port, 1);
	assert_int_equal(key.priority, 4);
	assert_int_equal(key.skb_mark, 6);
	assert_int_equal(key.ip.frag, OVS_FRAG_TYPE_FIRST);
	assert_int_equal(key.ipv4.src, htonl(0x0a000001));
	of_flow_from_flow_key(&key, &g);
	assert_memory_equal(&f, &g, sizeof f);

	memset(&wc, 0, sizeof wc);
	wc.tp_dst = 0xffff;
	wc.vlans[0].tci = htons(0x0fff);
	of_flow_mask_to_flow_key(&wc, &f, &mask);
	assert_int_equal(mask.tp.dst, 0xffff);
	assert_int_equal(mask.tp.src, 0);
	assert_int_equal(mask.ip.proto, 0xff);
	assert_int_equal(mask.ip.frag, 0xff);
	assert_int_equal(mask.eth_type, 0xffff);
	assert_int_equal(mask.vlan[0].tci, htons(0x1fff));
	assert_int_equal(mask.vlan[0].tpid, 0xffff);
	assert_int_equal(mask.ipv4.src, 0);

	/* ARP keeps its addresses in nw_src/nw_dst, MPLS its top label. */
	memset(&f, 0, sizeof f);
	f.dl_type = htons(0x0806);
	f.arp_op = htons(2);
	f.nw_src = htonl(1);
	memcpy(f.arp_sha, MAC_A, 6);
	of_flow_to_flow_key(&f, &key);
	assert_int_equal(key.ip.proto, 2);
	assert_int_equal(key.arp.sip, htonl(1));
	assert_memory_equal(key.arp.sha, MAC_A, 6);
	memset(&f, 0, sizeof f);
	f.dl_type = htons(0x8847);
	f.mpls_lse = htonl(0x12345140);
	of_flow_to_flow_key(&f, &key);
	assert_int_equal(key.mpls.lse[0], htonl(0x12345140));
	assert_int_equal(key.mpls.held, 1);
}

/* Random packets and targets, applied by the datapath core. */
static uint32_t rng = 0x12345678;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void random_frame(struct frame *fr, int *n_vlans)
{
	static const u16 tpids[2] = { ETH_TYPE_VLAN_8021AD, ETH_TYPE_VLAN };
	char dst[6], src[6];
	int n = rnd() % 3, l4 = rnd() % 3;
	bool v6 = rnd() % 3 == 0;
	u16 type = v6 ? ETH_TYPE_IPV6 : ETH_TYPE_IP;
	u8 proto = l4 == 0 ? 6 : l4 == 1 ? 17 : 132;
	u8 a6[16], b6[16];

	for (int i = 0; i < 6; i++) {
		dst[i] = rnd();
		src[i] = rnd();
	}
	dst[0] &= ~1;
	frame_init(fr);
	frame_eth(fr, dst, src, n ? tpids[2 - n] : type);
	for (int i = 0; i < n; i++)
		frame_vlan(fr, rnd() & 0xefff,
			   i + 1 < n ? ETH_TYPE_VLAN : type);
	if (v6) {
		for (int i = 0; i < 16; i++) {
			a6[i] = rnd();
			b6[i] = rnd();
		}
		frame_ipv6(fr, a6, b6, proto, rnd() % 255 + 1, rnd(),
			   rnd() & 0xfffff);
	} else {
		frame_ipv4(fr, rnd(), rnd(), proto, rnd() % 255 + 1, rnd(), 0);
	}
	if (proto == 6)
		frame_tcp(fr, rnd(), rnd(), 0x10);
	else if (proto == 17)
		frame_udp(fr, rnd(), rnd());
	else
		frame_sctp(fr, rnd(), rnd());
	frame_finish(fr);
	*n_vlans = n;
}

static void random_vlans(struct of_flow *t)
{
	int n = rnd() % 3;

	memset(t->vlans, 0, sizeof t->vlans);
	for (int i = 0; i < n; i++) {
		t->vlans[i].tpid = htons(i + 1 < n ? 0x88a8 : 0x8100);
		t->vlans[i].tci = htons(0x1000 | (rnd() & 0xefff));
	}
}

/* Changes a random selection of the rewritable headers. */
static void random_target(const struct of_flow *b, struct of_flow *t)
{
	bool v6 = b->dl_type == htons(0x86dd);

	*t = *b;
	if (rnd() % 2)
		t->dl_src[rnd() % 6] ^= 1 + rnd() % 255;
	if (rnd() % 2)
		t->dl_dst[1 + rnd() % 5] ^= 1 + rnd() % 255;
	if (rnd() % 3 == 0)
		random_vlans(t);
	if (rnd() % 2) {
		if (v6)
			t->ipv6_src[rnd() % 16] ^= 1 + rnd() % 255;
		else
			t->nw_src = rnd();
	}
	if (rnd() % 2) {
		if (v6)
			t->ipv6_dst[rnd() % 16] ^= 1 + rnd() % 255;
		else
			t->nw_dst = rnd();
	}
	if (rnd() % 3 == 0)
		t->nw_tos = rnd();
	if (rnd() % 3 == 0)
		t->nw_ttl = rnd();
	if (v6 && rnd() % 3 == 0)
		t->ipv6_label = htonl(rnd() & 0xfffff);
	if (rnd() % 2)
		t->tp_src = rnd();
	if (rnd() % 2)
		t->tp_dst = rnd();
	if (rnd() % 4 == 0)
		t->skb_priority = htonl(rnd());
	if (rnd() % 4 == 0)
		t->pkt_mark = htonl(rnd());
}

static void check_one_random(void)
{
	static uint8_t mem[2048];
	struct of_flow base, target, wc, got;
	struct flow_key key, key2, mask;
	struct actions_ctx ctx;
	struct actions_error err;
	struct dp_packet *p;
	struct frame fr;
	struct nlbuf acts;
	int n_vlans;

	random_frame(&fr, &n_vlans);
	p = dp_packet_clone_data(fr.data, fr.len);
	assert_non_null(p);
	p->in_port = 1;
	memset(&key, 0, sizeof key);
	assert_int_equal(dp_packet_parse(p, &key), 0);
	of_flow_from_flow_key(&key, &base);
	random_target(&base, &target);

	nlbuf_init(&acts, mem, sizeof mem);
	memset(&wc, 0, sizeof wc);
	assert_false(odp_commit(&base, &target, &wc, &acts));
	assert_false(acts.overflow);

	/* The core accepts them for the megaflow the mask describes... */
	of_flow_mask_to_flow_key(&wc, &target, &mask);
	memset(&err, 0, sizeof err);
	if (actions_validate((const struct nlattr *)acts.data, acts.size, &key,
			     &mask, &err)) {
		char *s = odp_actions_to_string(acts.data, acts.size);

		fail_msg("refused %s: %s", s, err.msg);
	}
	/* ...and the packet ends up with the target's headers. */
	memset(&ctx, 0, sizeof ctx);
	assert_int_equal(actions_execute(&ctx, p, &key,
					 (const struct nlattr *)acts.data,
					 acts.size), 0);
	memset(&key2, 0, sizeof key2);
	assert_int_equal(dp_packet_parse(p, &key2), 0);
	of_flow_from_flow_key(&key2, &got);
	got.tcp_flags = target.tcp_flags;
	if (memcmp((uint8_t *)&got + OF_FLOW_L2_OFS,
		   (uint8_t *)&target + OF_FLOW_L2_OFS,
		   sizeof got - OF_FLOW_L2_OFS)
	    || got.skb_priority != target.skb_priority
	    || got.pkt_mark != target.pkt_mark) {
		char *s = odp_actions_to_string(acts.data, acts.size);

		fail_msg("after %s the packet differs from the target", s);
	}
	dp_packet_delete(p);
}

static void test_random_commit_executes(void **state)
{
	(void)state;
	for (int i = 0; i < 3000; i++)
		check_one_random();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_eth),
		cmocka_unit_test(test_ipv4_masked),
		cmocka_unit_test(test_ipv4_dscp_only),
		cmocka_unit_test(test_no_l3_header),
		cmocka_unit_test(test_tcp_udp_ports),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_vlan),
		cmocka_unit_test(test_mpls),
		cmocka_unit_test(test_priority_mark_order),
		cmocka_unit_test(test_arp_icmp_slow),
		cmocka_unit_test(test_flow_key_reverse),
		cmocka_unit_test(test_random_commit_executes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
