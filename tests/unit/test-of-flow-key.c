/* The datapath key seen as OpenFlow: packets extracted, converted, and
 * printed as an exact OpenFlow match (so the text says, in ovs-ofctl's
 * words, what each field became), and dump-flows filters against
 * megaflows whose masks cover part of a field. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "frame-builder.h"
#include "of-flow-key.h"

static const char A[6] = "\x02\x00\x00\x00\x00\x01";
static const char B[6] = "\x02\x00\x00\x00\x00\x02";

/* The key of 'f' with in_port 3, as an OpenFlow match exact on every
 * field the key holds (masked as the datapath would), printed. */
static char *as_text(struct frame *f)
{
	struct flow_key key, mask;
	struct of_match m;
	char *s;

	frame_finish(f);
	memset(&key, 0, sizeof key);
	key.in_port = 3;
	assert_int_equal(flow_extract(f->data, f->len, &key, NULL), 0);
	memset(&mask, 0xff, sizeof mask);
	mask.dp_hash = mask.skb_mark = mask.priority = mask.recirc_id = 0;
	mask.tp.flags = 0;
	of_match_from_flow_key(&key, &mask, &m);
	s = of_match_format(&m);
	return s;
}

static void expect_text(struct frame *f, const char *want)
{
	char *s = as_text(f);

	if (strcmp(s, want))
		fail_msg("got  %s\nwant %s", s, want);
	free(s);
}

static void test_tcp4(void **state)
{
	struct frame f;

	frame_init(&f);
	frame_eth(&f, B, A, ETH_TYPE_IP);
	frame_ipv4(&f, 0x0a000001, 0x0a000002, 6, 64, 0x10, 0);
	frame_tcp(&f, 1234, 80, 0x02);
	expect_text(&f, "tcp,in_port=3,vlan_tci=0x0000,dl_src=02:00:00:00:00:01,"
		    "dl_dst=02:00:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,"
		    "nw_tos=16,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,"
		    "tp_dst=80");
}

static void test_vlan_udp_fragment(void **state)
{
	struct frame f;

	frame_init(&f);
	frame_eth(&f, B, A, ETH_TYPE_VLAN);
	frame_vlan(&f, 0x2005, ETH_TYPE_IP);
	frame_ipv4(&f, 0xc0a80001, 0xc0a80002, 17, 9, 0, 0x2000);
	frame_udp(&f, 53, 5353);
	expect_text(&f, "udp,in_port=3,dl_vlan=5,dl_vlan_pcp=1,"
		    "dl_src=02:00:00:00:00:01,dl_dst=02:00:00:00:00:02,"
		    "nw_src=192.168.0.1,nw_dst=192.168.0.2,nw_tos=0,nw_ecn=0,"
		    "nw_ttl=9,nw_frag=first,tp_src=53,tp_dst=5353");
}

static void test_arp(void **state)
{
	struct frame f;

	frame_init(&f);
	frame_eth(&f, B, A, ETH_TYPE_ARP);
	frame_arp(&f, 2, A, 0x0a000001, B, 0x0a000002);
	expect_text(&f, "arp,in_port=3,vlan_tci=0x0000,dl_src=02:00:00:00:00:01,"
		    "dl_dst=02:00:00:00:00:02,arp_spa=10.0.0.1,arp_tpa=10.0.0.2,"
		    "arp_op=2,arp_sha=02:00:00:00:00:01,"
		    "arp_tha=02:00:00:00:00:02");
}

static void test_nd(void **state)
{
	static const u8 src[16] = { 0xfe, 0x80, [15] = 1 };
	static const u8 dst[16] = { 0xff, 0x02, [11] = 1, [12] = 0xff,
				    [15] = 2 };
	static const u8 target[16] = { 0xfe, 0x80, [15] = 2 };
	struct frame f;

	frame_init(&f);
	frame_eth(&f, B, A, ETH_TYPE_IPV6);
	frame_ipv6(&f, src, dst, 58, 255, 0, 0);
	frame_nd(&f, 135, target);
	frame_nd_opt(&f, 1, A);
	expect_text(&f, "icmp6,in_port=3,vlan_tci=0x0000,"
		    "dl_src=02:00:00:00:00:01,dl_dst=02:00:00:00:00:02,"
		    "ipv6_src=fe80::1,ipv6_dst=ff02::1:ff00:2,ipv6_label=0x00000,"
		    "nw_tos=0,nw_ecn=0,nw_ttl=255,nw_frag=no,icmp_type=135,"
		    "icmp_code=0,nd_target=fe80::2,nd_sll=02:00:00:00:00:01,"
		    "nd_tll=00:00:00:00:00:00,ipv6_exthdr=0");
}

static void test_mpls_top_label(void **state)
{
	struct frame f;

	frame_init(&f);
	frame_eth(&f, B, A, ETH_TYPE_MPLS);
	frame_mpls(&f, 100, 3, false, 64);
	frame_mpls(&f, 200, 0, true, 63);
	frame_ipv4(&f, 1, 2, 17, 1, 0, 0);
	expect_text(&f, "mpls,in_port=3,vlan_tci=0x0000,"
		    "dl_src=02:00:00:00:00:01,dl_dst=02:00:00:00:00:02,"
		    "mpls_label=100,mpls_tc=3,mpls_ttl=64,mpls_bos=0");
}

/* A megaflow of TCP with tp_src matched only on its high byte. */
static void tcp_megaflow(struct flow_key *key, struct flow_key *mask)
{
	memset(key, 0, sizeof *key);
	memset(mask, 0, sizeof *mask);
	key->in_port = 1;
	mask->in_port = ~0U;
	key->eth_type = DP_BE16(ETH_TYPE_IP);
	mask->eth_type = 0xffff;
	key->ip.proto = 6;
	mask->ip.proto = 0xff;
	key->tp.src = DP_BE16(80);
	mask->tp.src = DP_BE16(0xff00);
	key->tp.src &= mask->tp.src;
	key->tp.dst = DP_BE16(8080);
	mask->tp.dst = DP_BE16(0x00ff);
	key->tp.dst &= mask->tp.dst;
}

static bool filter_hits(const char *filter)
{
	struct flow_key key, mask;
	struct of_match m;
	char *err = of_match_parse(filter, &m);

	if (err)
		fail_msg("%s: %s", filter, err);
	tcp_megaflow(&key, &mask);
	return of_match_overlaps_flow_key(&m, &key, &mask);
}

static void test_filter(void **state)
{
	assert_true(filter_hits("tcp"));
	assert_true(filter_hits("tcp,tp_src=100"));    /* 100 >> 8 == 80 >> 8 */
	assert_false(filter_hits("tcp,tp_src=0x150"));
	assert_true(filter_hits("tcp,tp_dst=0x1f90"));  /* 8080 */
	assert_false(filter_hits("tcp,tp_dst=0x1f91"));
	assert_true(filter_hits("in_port=1"));
	assert_false(filter_hits("in_port=2"));
	assert_false(filter_hits("udp"));
	assert_true(filter_hits("ip,nw_src=10.0.0.1"));  /* wildcarded here */
	assert_false(filter_hits("arp"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp4),
		cmocka_unit_test(test_vlan_udp_fragment),
		cmocka_unit_test(test_arp),
		cmocka_unit_test(test_nd),
		cmocka_unit_test(test_mpls_top_label),
		cmocka_unit_test(test_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
