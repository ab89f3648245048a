/* Datapath actions text: OVS's own vectors (tests/odp.at) round trip
 * exactly; every action, built as netlink attributes, prints as OVS prints
 * it and parses back to the same bytes; nested lists; what only the generic
 * form can carry; every error message; dump-flows lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>
#include <linux/openvswitch.h>

#include "actions.h"
#include "odp-actions-text.h"
#include "odp-flow-text.h"

/* An attribute list under construction. */
struct buf {
	u32 mem[8192];		/* u32: netlink's 4-byte alignment */
	struct nlbuf b;
};

static struct nlbuf *buf_init(struct buf *b)
{
	nlbuf_init(&b->b, b->mem, sizeof b->mem);
	return &b->b;
}

static void parse_ok(const char *text, struct buf *b)
{
	char err[256];

	buf_init(b);
	if (odp_actions_parse(text, &b->b, err, sizeof err))
		fail_msg("\"%s\": %s", text, err);
}

static char *print(const struct nlbuf *b)
{
	return odp_actions_to_string(b->data, b->size);
}

static void assert_same(const struct nlbuf *a, const struct nlbuf *b)
{
	assert_int_equal(a->size, b->size);
	assert_memory_equal(a->data, b->data, a->size);
}

/* 'acts' prints as 'text', which parses back to the same bytes. */
static void check_attrs(const struct nlbuf *acts, const char *text)
{
	static struct buf b;
	char *s = print(acts);

	assert_string_equal(s, text);
	parse_ok(s, &b);
	assert_same(acts, &b.b);
	free(s);
}

/* 'in' parses and prints as 'out', which parses back to the same. */
static void check_prints(const char *in, const char *out)
{
	struct buf a;

	parse_ok(in, &a);
	check_attrs(&a.b, out);
}

/* print(parse(text)) == text. */
static void check_text(const char *text)
{
	check_prints(text, text);
}

/* 'text' fails with EINVAL and 'msg', leaving the buffer as it was. */
static void check_error(const char *text, const char *msg)
{
	static struct buf a;
	struct nlbuf *b = buf_init(&a);
	char err[256];

	nlbuf_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 9);
	if (odp_actions_parse(text, b, err, sizeof err) != EINVAL)
		fail_msg("\"%s\": parsed (%s)", text, err);
	assert_string_equal(err, msg);
	assert_int_equal(b->size, 8);
}

/* ---- OVS's vectors ---- */

/* tests/odp.at, "OVS datapath actions parsing and formatting - valid
 * forms": every line but tunnel sets and the userspace datapath's own
 * tnl_push, tnl_pop and lb_output (refused below). */
static const char *const odp_at[] = {
	"1,2,3",
	"userspace(pid=6633,sFlow(vid=9,pcp=7,output=10),actions)",
	"userspace(pid=6633,sFlow(vid=9,pcp=7,output=10),actions,tunnel_out_port=10)",
	"userspace(pid=9765,slow_path(0))",
	"userspace(pid=9765,slow_path(0),tunnel_out_port=10)",
	"userspace(pid=9765,slow_path(cfm))",
	"userspace(pid=9765,slow_path(cfm),tunnel_out_port=10)",
	"userspace(pid=1234567,userdata(0102030405060708090a0b0c0d0e0f),actions)",
	"userspace(pid=1234567,userdata(0102030405060708090a0b0c0d0e0f),tunnel_out_port=10)",
	"userspace(pid=6633,flow_sample(probability=123,collector_set_id=1234,obs_domain_id=2345,obs_point_id=3456,output_port=10))",
	"userspace(pid=6633,flow_sample(probability=123,collector_set_id=1234,obs_domain_id=2345,obs_point_id=3456,output_port=10,ingress))",
	"userspace(pid=6633,flow_sample(probability=123,collector_set_id=1234,obs_domain_id=2345,obs_point_id=3456,output_port=10),tunnel_out_port=10)",
	"userspace(pid=6633,flow_sample(probability=123,collector_set_id=1234,obs_domain_id=2345,obs_point_id=3456,output_port=10,egress),tunnel_out_port=10)",
	"userspace(pid=6633,ipfix(output_port=10))",
	"userspace(pid=6633,ipfix(output_port=10),tunnel_out_port=10)",
	"userspace(pid=6633,controller(reason=1,dont_send=0,continuation=1,recirc_id=4444,rule_cookie=0x5555,controller_id=0,max_len=65535))",
	"userspace(pid=6633,controller(reason=1,dont_send=1,continuation=0,recirc_id=4444,rule_cookie=0x5555,controller_id=0,max_len=65535))",
	"set(in_port(2))",
	"set(eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15))",
	"set(eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15/ff:ff:ff:00:00:00))",
	"set(eth_type(0x1234))",
	"set(ipv4(src=35.8.2.41,dst=172.16.0.20,proto=5,tos=0x80,ttl=128,frag=no))",
	"set(ipv4(src=35.8.2.41,dst=172.16.0.20,proto=5,ttl=128,frag=no))",
	"set(ipv4(src=35.8.2.41/255.255.255.0,dst=172.16.0.20,proto=5,tos=0x80,ttl=128,frag=no))",
	"set(ipv4(src=35.8.2.41/255.255.255.0,tos=0x80,ttl=128,frag=no))",
	"set(ipv4(tos=0/0x3))",
	"set(ipv4(tos=0x80/0xfc))",
	"set(ipv4(ttl=128,frag=no))",
	"set(ipv4(frag=no))",
	"set(tcp(src=80,dst=8080))",
	"set(tcp(src=80/0xff00,dst=8080))",
	"set(tcp(src=80))",
	"set(tcp(dst=8080))",
	"set(udp(src=81,dst=6632))",
	"set(udp(src=81/0xff00,dst=6632))",
	"set(udp(src=81))",
	"set(udp(dst=6633))",
	"set(sctp(src=82,dst=6633))",
	"set(sctp(src=82/0xff00,dst=6633))",
	"set(sctp(src=82))",
	"set(sctp(dst=6632))",
	"set(icmp(type=1,code=2))",
	"set(ipv6(src=::1,dst=::2,label=0,proto=10,tclass=0x70,hlimit=128,frag=no))",
	"set(ipv6(src=::1,dst=::2))",
	"set(ipv6(label=0,proto=10,tclass=0x70,hlimit=128,frag=no))",
	"set(ipv6(label=0,proto=10,hlimit=128))",
	"set(ipv6(label=0/0xfff,proto=10,tclass=0x70/0x70))",
	"set(ipv6(label=0))",
	"set(icmpv6(type=1,code=2))",
	"set(vlan(vid=5))",
	"set(vlan(vid=3,pcp=5))",
	"set(vlan(vid=3,pcp=5,cfi=0))",
	"set(vlan(vid=5/0x3))",
	"set(vlan(vid=5/0x1)),3",
	"push_vlan(vid=12,pcp=0)",
	"push_vlan(vid=13,pcp=5,cfi=0)",
	"push_vlan(tpid=0x9100,vid=13,pcp=5)",
	"push_vlan(tpid=0x9100,vid=13,pcp=5,cfi=0)",
	"pop_vlan",
	"sample(sample=9.7%,actions(1,2,3,push_vlan(vid=1,pcp=2)))",
	"ct",
	"ct(commit)",
	"ct(commit,zone=5)",
	"ct(commit,mark=0xa0a0a0a0/0xfefefefe)",
	"ct(commit,label=0x1234567890abcdef1234567890abcdef/0xf1f2f3f4f5f6f7f8f9f0fafbfcfdfeff)",
	"ct(commit,helper=ftp)",
	"ct(commit,helper=tftp)",
	"ct(commit,timeout=ovs_tp_1_tcp4)",
	"ct(nat)",
	"ct(commit,nat(src))",
	"ct(commit,timeout=ovs_tp_1_tcp4,nat(src))",
	"ct(commit,nat(dst))",
	"ct(commit,timeout=ovs_tp_1_tcp4,nat(dst))",
	"ct(commit,nat(src=10.0.0.240,random))",
	"ct(commit,nat(src=10.0.0.240:32768-65535,random))",
	"ct(commit,nat(dst=10.0.0.128-10.0.0.254,hash))",
	"ct(commit,nat(src=10.0.0.240-10.0.0.254:32768-65535,persistent))",
	"ct(commit,nat(src=fe80::20c:29ff:fe88:a18b,random))",
	"ct(commit,nat(src=fe80::20c:29ff:fe88:1-fe80::20c:29ff:fe88:a18b,random))",
	"ct(commit,nat(src=[fe80::20c:29ff:fe88:1]-[fe80::20c:29ff:fe88:a18b]:255-4096,random))",
	"ct(commit,helper=ftp,nat(src=10.1.1.240-10.1.1.255))",
	"ct(force_commit)",
	"ct(force_commit,zone=5)",
	"ct(force_commit,mark=0xa0a0a0a0/0xfefefefe)",
	"ct(force_commit,label=0x1234567890abcdef1234567890abcdef/0xf1f2f3f4f5f6f7f8f9f0fafbfcfdfeff)",
	"ct(force_commit,helper=ftp)",
	"ct(force_commit,nat(src))",
	"ct(force_commit,nat(dst))",
	"ct(force_commit,nat(src=10.0.0.240,random))",
	"ct(force_commit,nat(src=10.0.0.240:32768-65535,random))",
	"ct(force_commit,nat(dst=10.0.0.128-10.0.0.254,hash))",
	"ct(force_commit,nat(src=10.0.0.240-10.0.0.254:32768-65535,persistent))",
	"ct(force_commit,nat(src=fe80::20c:29ff:fe88:a18b,random))",
	"ct(force_commit,nat(src=fe80::20c:29ff:fe88:1-fe80::20c:29ff:fe88:a18b,random))",
	"ct(force_commit,nat(src=[fe80::20c:29ff:fe88:1]-[fe80::20c:29ff:fe88:a18b]:255-4096,random))",
	"ct(force_commit,helper=ftp,nat(src=10.1.1.240-10.1.1.255))",
	"ct_clear",
	"trunc(100)",
	"clone(1)",
	"clone(clone(push_vlan(vid=12,pcp=0),2),1)",
	"check_pkt_len(size=200,gt(4),le(5))",
	"check_pkt_len(size=200,gt(drop),le(5))",
	"check_pkt_len(size=200,gt(ct(nat)),le(drop))",
	"check_pkt_len(size=200,gt(set(eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15))),le(set(eth(src=00:01:02:03:04:06,dst=10:11:12:13:14:16))))",
	"add_mpls(label=200,tc=7,ttl=64,bos=1,eth_type=0x8847)",
};

static void test_odp_at(void **state)
{
	for (size_t i = 0; i < sizeof odp_at / sizeof odp_at[0]; i++)
		check_text(odp_at[i]);
}

/* The same, all in one list. */
static void test_odp_at_one_list(void **state)
{
	size_t len = 0;
	char *all;

	for (size_t i = 0; i < sizeof odp_at / sizeof odp_at[0]; i++)
		len += strlen(odp_at[i]) + 1;
	all = calloc(1, len);
	for (size_t i = 0; i < sizeof odp_at / sizeof odp_at[0]; i++) {
		if (i)
			strcat(all, ",");
		strcat(all, odp_at[i]);
	}
	check_text(all);
	free(all);
}

/* tests/odp.at, "actions too long": 8191 empty set(encap()) fit in a
 * netlink attribute, 8192 do not. */
static void test_odp_at_too_long(void **state)
{
	char *text = malloc(8192 * 13 + 1), *end = text;
	u8 *mem = malloc(70000);
	struct nlbuf b;
	char err[256];

	for (int i = 0; i < 8191; i++)
		end += sprintf(end, "%sset(encap())", i ? "," : "");
	nlbuf_init(&b, mem, 70000);
	assert_int_equal(odp_actions_parse(text, &b, err, sizeof err), 0);
	assert_int_equal(b.size, 8191 * 8);
	strcat(text, ",set(encap())");
	nlbuf_init(&b, mem, 70000);
	assert_int_equal(odp_actions_parse(text, &b, err, sizeof err), E2BIG);
	assert_string_equal(err, "the actions are too long for a netlink "
			    "attribute (max 65531 bytes)");
	assert_int_equal(b.size, 0);
	free(text);
	free(mem);
}

/* ---- Every action, from attributes ---- */

static void test_output(void **state)
{
	struct buf a;
	struct nlbuf *b = buf_init(&a);

	nlbuf_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 0);
	nlbuf_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 4294967295u);
	check_attrs(b, "0,4294967295");
	check_prints("0x10 010 \t 3", "16,8,3");
}

static void test_empty_and_drop(void **state)
{
	struct buf a;
	struct nlbuf *b = buf_init(&a);

	check_attrs(b, "drop");
	check_prints("", "drop");
	check_prints(" DROP ", "drop");
	nlbuf_put_u32(b, ACTIONS_ATTR_DROP, 0);
	check_attrs(b, "drop(0)");
	nlbuf_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 1);
	nlbuf_put_u32(b, ACTIONS_ATTR_DROP, 7);
	check_attrs(b, "drop(0),1,drop(7)");
}

/* userspace(pid=1) with a 48-byte cookie, as Open vSwitch writes them. */
static void put_cookie(struct nlbuf *b, const void *cookie)
{
	u32 ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_USERSPACE);

	nlbuf_put_u32(b, OVS_USERSPACE_ATTR_PID, 1);
	nlbuf_put(b, OVS_USERSPACE_ATTR_USERDATA, cookie, 48);
	nlbuf_nest_end(b, ofs);
}

static void test_userspace(void **state)
{
	static const u8 data[] = { 1, 2, 3 };
	struct buf a;
	struct nlbuf *b = buf_init(&a);
	u8 cookie[48] = { 0 };
	u32 ofs, v32 = 0xffff;
	u16 v16 = 2;

	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_USERSPACE);
	nlbuf_put_u32(b, OVS_USERSPACE_ATTR_PID, 7);
	nlbuf_nest_end(b, ofs);
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_USERSPACE);
	nlbuf_put_u32(b, OVS_USERSPACE_ATTR_PID, 4294967295u);
	nlbuf_put(b, OVS_USERSPACE_ATTR_USERDATA, data, sizeof data);
	nlbuf_put_u32(b, OVS_USERSPACE_ATTR_EGRESS_TUN_PORT, 3);
	nlbuf_put_flag(b, OVS_USERSPACE_ATTR_ACTIONS);
	nlbuf_nest_end(b, ofs);
	/* An OVS slow-path cookie: cfm and lacp, and an unknown bit. */
	memcpy(cookie, &v16, 2);
	memcpy(cookie + 4, &v32, 4);
	v32 = 0x1 | 0x4 | 0x100;
	memcpy(cookie + 28, &v32, 4);
	put_cookie(b, cookie);
	check_attrs(b, "userspace(pid=7),"
		    "userspace(pid=4294967295,userdata(010203),actions,"
		    "tunnel_out_port=3),"
		    "userspace(pid=1,slow_path(cfm,lacp,0x100))");

	/* OVS reads flags joined by "|" (and prints them with ","). */
	check_prints("userspace(pid=1,slow_path(cfm|lacp))",
		     "userspace(pid=1,slow_path(cfm,lacp))");
	check_text("userspace(pid=1,userdata())");
	check_text("userspace(pid=1,userdata(01))");
}

/* A cookie OVS could not have written prints as plain userdata. */
static void test_userspace_odd_cookies(void **state)
{
	struct buf a;
	struct nlbuf *b;
	u8 cookie[48];

	parse_ok("userspace(pid=1,sFlow(vid=9,pcp=7,output=10))", &a);
	/* The cookie's offset: nest header, pid, userdata header. */
	memcpy(cookie, (u8 *)a.mem + 16, 48);
	b = buf_init(&a);
	cookie[8] = 1;		/* a UUID */
	put_cookie(b, cookie);
	check_attrs(b, "userspace(pid=1,userdata(01000000ffff0000010000000000"
		    "00000000000000000000f00900000a00000000000000000000000000"
		    "000000000000))");

	/* A TCI whose CFI bit OVS would have set, and did not. */
	b = buf_init(&a);
	cookie[8] = 0;
	cookie[24] &= ~0x10;
	put_cookie(b, cookie);
	check_attrs(b, "userspace(pid=1,userdata(01000000ffff0000000000000000"
		    "00000000000000000000e00900000a00000000000000000000000000"
		    "000000000000))");
}

static void test_set(void **state)
{
	static const u8 eth_mask[12] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0,
	};
	struct ovs_key_ethernet eth = {
		{ 0, 1, 2, 3, 4, 5 }, { 0x10, 0x11, 0x12, 0, 0, 0 },
	};
	struct buf a;
	struct nlbuf *b = buf_init(&a);
	u8 *p;
	u32 ofs;

	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_SET);
	nlbuf_put_u32(b, OVS_KEY_ATTR_SKB_MARK, 0x1234);
	nlbuf_nest_end(b, ofs);
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_SET_MASKED);
	p = nlbuf_put(b, OVS_KEY_ATTR_ETHERNET, NULL, 24);
	memcpy(p, &eth, 12);
	memcpy(p + 12, eth_mask, 12);
	nlbuf_nest_end(b, ofs);
	check_attrs(b, "set(skb_mark(0x1234)),"
		    "set(eth(src=00:01:02:03:04:05,"
		    "dst=10:11:12:00:00:00/ff:ff:ff:00:00:00))");

	/* All ones is a plain set, as OVS writes it. */
	check_text("set(skb_priority(0x7))");
	check_prints("set(ipv4(src=1.2.3.4/255.255.255.255,dst=5.6.7.8,"
		     "proto=6,tos=0,ttl=1,frag=no))",
		     "set(ipv4(src=1.2.3.4,dst=5.6.7.8,proto=6,tos=0,ttl=1,"
		     "frag=no))");
	parse_ok("set(ipv4(src=1.2.3.4,dst=5.6.7.8,proto=6,tos=0,ttl=1,"
		 "frag=no))", &a);
	assert_int_equal(((const struct nlattr *)a.b.data)->nla_type,
			 OVS_ACTION_ATTR_SET);
	/* A set prints verbose, as OVS does: ct_state in hex. */
	check_prints("set(ct_state(new))", "set(ct_state(0x1))");
	check_text("set(key99(01 02 03))");
	check_text("set(encap())");
}

/* What the key syntax cannot show prints in the generic form. */
static void test_set_generic(void **state)
{
	struct buf a;
	struct nlbuf *b;
	u32 ofs;
	u8 *p;

	/* A value under a mask of zeros: the key syntax leaves it out. */
	check_prints("set(ipv4(src=1.2.3.4/0.0.0.0))",
		     "action11(1c 00 07 00 01 02 03 04 00 00 00 00 00 00 00 00 "
		     "00 00 00 00 00 00 00 00 00 00 00 00)");
	/* A set_masked with a key of odd length. */
	b = buf_init(&a);
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_SET_MASKED);
	p = nlbuf_put(b, OVS_KEY_ATTR_PRIORITY, NULL, 3);
	p[0] = 1;
	nlbuf_nest_end(b, ofs);
	check_attrs(b, "action11(07 00 02 00 01 00 00 00)");
	/* Two attributes in a set. */
	b = buf_init(&a);
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_SET);
	nlbuf_put_u32(b, OVS_KEY_ATTR_PRIORITY, 1);
	nlbuf_put_u32(b, OVS_KEY_ATTR_PRIORITY, 2);
	nlbuf_nest_end(b, ofs);
	check_attrs(b, "action3(08 00 02 00 01 00 00 00 08 00 02 00 02 00 00 00)");
}

static void test_vlan(void **state)
{
	struct ovs_action_push_vlan v = { htons(0x88a8), htons(0x1000 | 10) };
	struct buf a;
	struct nlbuf *b = buf_init(&a);

	nlbuf_put(b, OVS_ACTION_ATTR_PUSH_VLAN, &v, sizeof v);
	v.vlan_tpid = htons(0x8100);
	v.vlan_tci = htons(7 << 13 | 4095);
	nlbuf_put(b, OVS_ACTION_ATTR_PUSH_VLAN, &v, sizeof v);
	nlbuf_put_flag(b, OVS_ACTION_ATTR_POP_VLAN);
	check_attrs(b, "push_vlan(tpid=0x88a8,vid=10,pcp=0),"
		    "push_vlan(vid=4095,pcp=7,cfi=0),pop_vlan");
	/* Fields in any order; the defaults may be written. */
	check_prints("push_vlan(pcp=1,vid=2,tpid=0x8100,cfi=1)",
		     "push_vlan(vid=2,pcp=1)");
}

static void test_mpls(void **state)
{
	struct ovs_action_add_mpls am = { htonl(1 << 12), htons(0x8848), 0 };
	struct ovs_action_push_mpls m;
	struct buf a;
	struct nlbuf *b = buf_init(&a);
	u16 ethertype = htons(0x0800);

	memset(&m, 0, sizeof m);	/* its padding too */
	m.mpls_lse = htonl(100 << 12 | 3 << 9 | 1 << 8 | 64);
	m.mpls_ethertype = htons(0x8847);

	nlbuf_put(b, OVS_ACTION_ATTR_PUSH_MPLS, &m, sizeof m);
	nlbuf_put(b, OVS_ACTION_ATTR_POP_MPLS, &ethertype, 2);
	nlbuf_put(b, OVS_ACTION_ATTR_ADD_MPLS, &am, sizeof am);
	check_attrs(b, "push_mpls(label=100,tc=3,ttl=64,bos=1,eth_type=0x8847),"
		    "pop_mpls(eth_type=0x800),"
		    "add_mpls(label=1,tc=0,ttl=0,bos=0,eth_type=0x8848)");
	/* tun_flags, which OVS does not print. */
	b = buf_init(&a);
	am.tun_flags = 1;
	nlbuf_put(b, OVS_ACTION_ATTR_ADD_MPLS, &am, sizeof am);
	check_attrs(b, "action22(00 00 10 00 88 48 01 00)");
}

static void test_small_actions(void **state)
{
	struct ovs_action_hash h = { OVS_HASH_ALG_L4, 5 };
	struct ovs_action_push_eth e = {
		{ { 0, 1, 2, 3, 4, 5 }, { 0xa, 0xb, 0xc, 0xd, 0xe, 0xf } },
	};
	struct buf a;
	struct nlbuf *b = buf_init(&a);

	nlbuf_put_u32(b, OVS_ACTION_ATTR_RECIRC, 0);
	nlbuf_put_u32(b, OVS_ACTION_ATTR_RECIRC, 0x2a);
	nlbuf_put(b, OVS_ACTION_ATTR_HASH, &h, sizeof h);
	h.hash_alg = ACTIONS_HASH_ALG_SYM_L4;
	h.hash_basis = 4294967295u;
	nlbuf_put(b, OVS_ACTION_ATTR_HASH, &h, sizeof h);
	nlbuf_put_u32(b, OVS_ACTION_ATTR_TRUNC, 100);
	nlbuf_put_u32(b, OVS_ACTION_ATTR_METER, 3);
	nlbuf_put(b, OVS_ACTION_ATTR_PUSH_ETH, &e, sizeof e);
	nlbuf_put_flag(b, OVS_ACTION_ATTR_POP_ETH);
	nlbuf_put_flag(b, OVS_ACTION_ATTR_CT_CLEAR);
	nlbuf_put_flag(b, OVS_ACTION_ATTR_POP_NSH);
	check_attrs(b, "recirc(0),recirc(0x2a),hash(l4(5)),"
		    "hash(sym_l4(4294967295)),trunc(100),meter(3),"
		    "push_eth(src=00:01:02:03:04:05,dst=0a:0b:0c:0d:0e:0f),"
		    "pop_eth,ct_clear,pop_nsh()");
	/* OVS reads recirc ids in decimal: so do we, hex too. */
	check_prints("recirc(42)", "recirc(0x2a)");
	/* An algorithm without a name. */
	b = buf_init(&a);
	h.hash_alg = 7;
	nlbuf_put(b, OVS_ACTION_ATTR_HASH, &h, sizeof h);
	check_attrs(b, "action8(07 00 00 00 ff ff ff ff)");
}

static void test_ct(void **state)
{
	static const u8 v6[16] = { 0xfe, 0x80, [15] = 1 };
	struct buf a;
	struct nlbuf *b = buf_init(&a);
	u32 mark[2] = { 0, 0xff }, ofs, nat;
	u8 labels[32] = { 0 };

	labels[0] = 5;
	memset(labels + 16, 0xff, 16);
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CT);
	nlbuf_put_flag(b, OVS_CT_ATTR_COMMIT);
	nlbuf_put_u16(b, OVS_CT_ATTR_ZONE, 0);
	nlbuf_put(b, OVS_CT_ATTR_MARK, mark, 8);
	nlbuf_put(b, OVS_CT_ATTR_LABELS, labels, 32);
	nlbuf_put(b, OVS_CT_ATTR_HELPER, "ftp", 4);
	nat = nlbuf_nest_start(b, OVS_CT_ATTR_NAT);
	nlbuf_put_flag(b, OVS_NAT_ATTR_DST);
	nlbuf_put(b, OVS_NAT_ATTR_IP_MIN, v6, 16);
	nlbuf_put_u16(b, OVS_NAT_ATTR_PROTO_MIN, 80);
	nlbuf_nest_end(b, nat);
	nlbuf_nest_end(b, ofs);
	/* Zone 0 shows, being there; OVS leaves it out. */
	check_attrs(b, "ct(commit,zone=0,mark=0/0xff,label=0x5,helper=ftp,"
		    "nat(dst=[fe80::1]:80))");
	/* OVS reads marks in hex, "0x" or not. */
	check_prints("ct(mark=10)", "ct(mark=0x10/0xffffffff)");
	check_prints("ct( commit , zone=5 )", "ct(commit,zone=5)");
	check_prints("ct(nat(src=10.0.0.1-10.0.0.1:80-80))",
		     "ct(nat(src=10.0.0.1:80))");
	check_text("ct(label=0/0)");
	check_text("ct(nat(src=[::1]:1-2))");
	check_text("ct(nat(dst=1.2.3.4,persistent,hash))");
}

/* ct attributes the parser would not write print generic. */
static void test_ct_generic(void **state)
{
	struct buf a;
	struct nlbuf *b = buf_init(&a);
	u32 ofs, nat;

	/* Out of order. */
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CT);
	nlbuf_put_u16(b, OVS_CT_ATTR_ZONE, 1);
	nlbuf_put_flag(b, OVS_CT_ATTR_COMMIT);
	nlbuf_nest_end(b, ofs);
	/* commit and force_commit. */
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CT);
	nlbuf_put_flag(b, OVS_CT_ATTR_COMMIT);
	nlbuf_put_flag(b, OVS_CT_ATTR_FORCE_COMMIT);
	nlbuf_nest_end(b, ofs);
	/* A helper without its NUL. */
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CT);
	nlbuf_put(b, OVS_CT_ATTR_HELPER, "ftp", 3);
	nlbuf_nest_end(b, ofs);
	/* An event mask. */
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CT);
	nlbuf_put_u32(b, OVS_CT_ATTR_EVENTMASK, 1);
	nlbuf_nest_end(b, ofs);
	/* A NAT port without an address. */
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CT);
	nat = nlbuf_nest_start(b, OVS_CT_ATTR_NAT);
	nlbuf_put_flag(b, OVS_NAT_ATTR_SRC);
	nlbuf_put_u16(b, OVS_NAT_ATTR_PROTO_MIN, 80);
	nlbuf_nest_end(b, nat);
	nlbuf_nest_end(b, ofs);
	check_attrs(b, "action12(06 00 02 00 01 00 00 00 04 00 01 00),"
		    "action12(04 00 01 00 04 00 07 00),"
		    "action12(07 00 05 00 66 74 70 00),"
		    "action12(08 00 08 00 01 00 00 00),"
		    "action12(10 00 06 00 04 00 01 00 06 00 05 00 50 00 00 00)");
}

static void test_sample_clone_check_pkt_len(void **state)
{
	struct buf a;
	struct nlbuf *b = buf_init(&a);
	u32 s, l, c, cpl, le;

	s = nlbuf_nest_start(b, OVS_ACTION_ATTR_SAMPLE);
	nlbuf_put_u32(b, OVS_SAMPLE_ATTR_PROBABILITY, 2147483648u);
	l = nlbuf_nest_start(b, OVS_SAMPLE_ATTR_ACTIONS);
	c = nlbuf_nest_start(b, OVS_ACTION_ATTR_CLONE);
	cpl = nlbuf_nest_start(b, OVS_ACTION_ATTR_CHECK_PKT_LEN);
	nlbuf_put_u16(b, OVS_CHECK_PKT_LEN_ATTR_PKT_LEN, 1500);
	nlbuf_nest_end(b, nlbuf_nest_start(
			       b, OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER));
	le = nlbuf_nest_start(b, OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL);
	nlbuf_put_u32(b, OVS_ACTION_ATTR_OUTPUT, 2);
	nlbuf_put_flag(b, OVS_ACTION_ATTR_POP_VLAN);
	nlbuf_nest_end(b, le);
	nlbuf_nest_end(b, cpl);
	nlbuf_nest_end(b, c);
	nlbuf_nest_end(b, l);
	nlbuf_nest_end(b, s);
	c = nlbuf_nest_start(b, OVS_ACTION_ATTR_CLONE);
	nlbuf_nest_end(b, c);
	check_attrs(b, "sample(sample=50.0%,actions(clone(check_pkt_len("
		    "size=1500,gt(drop),le(2,pop_vlan))))),clone(drop)");
	check_prints("clone()", "clone(drop)");
	check_prints("sample(sample=50%,actions())",
		     "sample(sample=50.0%,actions(drop))");
}

/* Probabilities print with as many decimals as it takes to read back. */
static void test_sample_probability(void **state)
{
	static const u32 probs[] = {
		0, 1, 2, 3, 429, 430, 4294967, 416611827, 2147483647,
		2147483648u, 4294967294u, 4294967295u,
	};
	u32 seed = 1;

	for (size_t i = 0; i < sizeof probs / sizeof probs[0] + 20000; i++) {
		struct buf a;
		struct nlbuf *b = buf_init(&a);
		u32 s, p;
		char *t;

		seed = seed * 1103515245 + 12345;
		p = i < sizeof probs / sizeof probs[0] ? probs[i] : seed;
		s = nlbuf_nest_start(b, OVS_ACTION_ATTR_SAMPLE);
		nlbuf_put_u32(b, OVS_SAMPLE_ATTR_PROBABILITY, p);
		nlbuf_nest_end(b, nlbuf_nest_start(b, OVS_SAMPLE_ATTR_ACTIONS));
		nlbuf_nest_end(b, s);
		t = print(b);
		check_attrs(b, t);
		free(t);
	}
	check_prints("sample(sample=0.00000003%,actions(1))",
		     "sample(sample=0.00000002%,actions(1))");
}

/* Nested lists deeper than ODP_ACTIONS_MAX_NEST. */
static void test_nesting(void **state)
{
	char text[1024] = "", deep[1024];
	struct buf a;
	struct nlbuf *b;
	u32 ofs[40];
	char *s;

	for (int i = 0; i < ODP_ACTIONS_MAX_NEST; i++)
		strcat(text, "clone(");
	strcat(text, "1");
	for (int i = 0; i < ODP_ACTIONS_MAX_NEST; i++)
		strcat(text, ")");
	check_text(text);
	snprintf(deep, sizeof deep, "clone(%s)", text);
	check_error(deep, "clone: actions nested more than 32 deep");

	/* Deeper attributes print, generic below the limit. */
	b = buf_init(&a);
	for (int i = 0; i <= ODP_ACTIONS_MAX_NEST; i++)
		ofs[i] = nlbuf_nest_start(b, OVS_ACTION_ATTR_CLONE);
	for (int i = ODP_ACTIONS_MAX_NEST; i >= 0; i--)
		nlbuf_nest_end(b, ofs[i]);
	s = print(b);
	assert_non_null(strstr(s, "clone(clone(action20))"));
	check_attrs(b, s);
	free(s);
}

/* Nested lists and attributes that are not as the parser writes them. */
static void test_nested_generic(void **state)
{
	struct buf a;
	struct nlbuf *b = buf_init(&a);
	u32 ofs;
	u8 *p;

	/* A clone whose list ends in a short attribute. */
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CLONE);
	p = nlbuf_put(b, OVS_ACTION_ATTR_OUTPUT, NULL, 4);
	p[-4] = 3;		/* nla_len 3 */
	nlbuf_nest_end(b, ofs);
	/* A sample without a probability. */
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_SAMPLE);
	nlbuf_nest_end(b, nlbuf_nest_start(b, OVS_SAMPLE_ATTR_ACTIONS));
	nlbuf_nest_end(b, ofs);
	/* An action type with NLA_F_NESTED. */
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CLONE | NLA_F_NESTED);
	nlbuf_nest_end(b, ofs);
	/* Padding that is not zero. */
	p = nlbuf_put(b, OVS_ACTION_ATTR_POP_MPLS, NULL, 2);
	p[0] = 0x08;
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CLONE);
	p = nlbuf_put(b, 99, NULL, 1);
	p[1] = 1;
	nlbuf_nest_end(b, ofs);
	/* A bad length; and an unknown action. */
	nlbuf_put_u16(b, OVS_ACTION_ATTR_OUTPUT, 1);
	nlbuf_put_u32(b, 200, 0x04030201);
	check_attrs(b, "action20(03 00 01 00 00 00 00 00),"
		    "action6(04 00 02 00),action32788,pop_mpls(eth_type=0x800),"
		    "action20(05 00 63 00 00 01 00 00),action1(01 00),"
		    "action200(01 02 03 04)");
}

/* What the parser cannot write prints for what it is. */
static void test_leftover_bytes(void **state)
{
	static const u32 junk[2] = { 0x00010008, 0x02 };
	char *s;

	s = odp_actions_to_string(junk, 7);
	assert_string_equal(s, "<empty>,***7 leftover bytes*** "
			    "(08000100020000)");
	free(s);
}

/* ---- Errors ---- */

static void test_errors(void **state)
{
	static const char *const cases[][2] = {
		{ "foo", "unknown action \"foo\"" },
		{ "1x", "output: value \"1x\" is not a number" },
		{ "4294967296", "output: value 4294967296 is out of range "
				"(max 4294967295)" },
		{ "1,(2)", "expected an action at \"(2)\"" },
		{ "1 2)", "output: unexpected \")\" after the action" },
		{ "push_vlan(vid=5000,pcp=0)",
		  "push_vlan: vid 5000 is out of range (max 4095)" },
		{ "push_vlan(vid=1)", "push_vlan: missing field \"pcp\"" },
		{ "push_vlan(vid=1,pcp=0,vid=2)",
		  "push_vlan: field \"vid\" given twice" },
		{ "push_vlan(vid=1,pcp=0,bar=2)",
		  "push_vlan: unknown field \"bar\"" },
		{ "push_vlan(vid=1,pcp=0", "push_vlan: missing \")\" at the "
					   "end of the text" },
		{ "push_vlan(vid=1,pcp=0,)",
		  "push_vlan: expected \")\" at \",)\"" },
		{ "push_vlan(vid=x,pcp=0)",
		  "push_vlan: vid \"x\" is not a number" },
		{ "pop_vlan()", "pop_vlan: takes no arguments" },
		{ "drop,1", "\"drop\" means no actions and stands alone; the "
			    "explicit drop action is drop(REASON)" },
		{ "trunc()", "trunc: missing value" },
		{ "push_eth(src=00:01:02:03:04,dst=00:00:00:00:00:00)",
		  "push_eth: src \"00:01:02:03:04\" is not an Ethernet "
		  "address" },
		{ "pop_mpls(eth_type=0x10000)",
		  "pop_mpls: eth_type 0x10000 is out of range (max 65535)" },
		{ "sample(sample=101%,actions(1))",
		  "sample: probability \"101%\" is not a percentage from 0 "
		  "to 100 such as \"12.5%\"" },
		{ "sample(sample=50%,actions(1)",
		  "sample: missing \")\" at the end of the text" },
		{ "sample(sample=50%,actions(foo))", "unknown action \"foo\"" },
		{ "check_pkt_len(size=100,gt(1))",
		  "check_pkt_len: expected \",le\" at \")\"" },
		{ "hash(l3(1))", "hash: unknown algorithm \"l3\" (expected l4 "
				 "or sym_l4)" },
		{ "hash(l4(x))", "hash: basis \"x\" is not a number" },
		{ "userspace(1)", "userspace: expected \"(pid=\" at \"(1)\"" },
		{ "userspace(pid=1,actions,userdata(12))",
		  "userspace: unexpected \"userdata\": after pid= come "
		  "userdata(...) or a cookie such as slow_path(...), then "
		  "actions, then tunnel_out_port=, in that order" },
		{ "userspace(pid=1,userdata(123))",
		  "userspace: expected hex bytes such as \"0a1b\" at \"3))\"" },
		{ "userspace(pid=1,slow_path(foo))",
		  "userspace: unknown flag \"foo\"" },
		{ "userspace(pid=1,sFlow(vid=1,pcp=0))",
		  "userspace: missing field \"output\"" },
		{ "ct(foo)", "ct: unknown option \"foo\"" },
		{ "ct(commit,force_commit)",
		  "ct: commit and force_commit are mutually exclusive" },
		{ "ct(zone=1,zone=2)", "ct: \"zone\" given twice" },
		{ "ct(helper=abcdefghijklmnop)",
		  "ct: helper \"abcdefghijklmnop\" is not a name of 1 to 15 "
		  "letters, digits, \"_\", \"-\" or \".\"" },
		{ "ct(label=0x123456789012345678901234567890123)",
		  "ct: label \"0x123456789012345678901234567890123\" is not a "
		  "128-bit number" },
		{ "ct(nat(src,dst))",
		  "ct: nat: src and dst are mutually exclusive" },
		{ "ct(nat(random))", "ct: nat: options need src or dst" },
		{ "ct(nat(src,hash,random))",
		  "ct: nat: hash and random are mutually exclusive" },
		{ "ct(nat(src=10.0.0.2-10.0.0.1))",
		  "ct: nat: the address range is reversed" },
		{ "ct(nat(src=1.2.3.4:0))", "ct: nat: port 0 is not a port" },
		{ "ct(nat(src=1.2.3.4:90-80))",
		  "ct: nat: the port range is reversed" },
		{ "ct(nat(src=1.2.3.4-::1))",
		  "ct: nat: the range mixes IPv4 and IPv6" },
		{ "ct(nat(src=bogus))",
		  "ct: nat: \"bogus\" is not an IP address" },
		{ "ct(nat(src,src))", "ct: nat: \"src\" given twice" },
		{ "set(ipv4(src=1.2.3.400))", "set: ipv4(src=1.2.3.400): "
		  "invalid IPv4 address \"1.2.3.400\"" },
		{ "set(ipv4(src=1.2.3.4)",
		  "set: missing \")\" at the end of the text" },
		{ "set(tunnel(tun_id=1))", "set: attribute \"tunnel\" is not "
		  "supported; write it as key16(hex bytes)" },
		{ "action05(01)", "action05: type \"05\" has a leading zero" },
		{ "action70000",
		  "action70000: type 70000 is out of range (max 65535)" },
		{ "action5(01 0)", "action5: expected hex bytes such as "
				   "\"0a 1b\" at \"0)\"" },
		{ "tnl_pop(1)", "tnl_pop is an Open vSwitch userspace datapath "
				"action, not in the kernel datapath ABI" },
		{ "lb_output(1)", "lb_output is an Open vSwitch userspace "
		  "datapath action, not in the kernel datapath ABI" },
		{ "push_nsh(x)", "push_nsh is not supported: write it as "
				 "action17(hex bytes)" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_error(cases[i][0], cases[i][1]);
}

static void test_buffer_too_small(void **state)
{
	u32 mem[4];
	struct nlbuf b;
	char err[128];

	nlbuf_init(&b, mem, sizeof mem);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_OUTPUT, 9);
	assert_int_equal(odp_actions_parse("1,2", &b, err, sizeof err),
			 ENOSPC);
	assert_string_equal(err, "the actions do not fit in their buffer of "
			    "8 bytes");
	assert_int_equal(b.size, 8);
	assert_int_equal(odp_actions_parse("1", &b, err, sizeof err), 0);
	assert_int_equal(b.size, 16);
	/* set() parses its key in the room left. */
	nlbuf_init(&b, mem, sizeof mem);
	assert_int_equal(odp_actions_parse("set(ipv6(src=::1))", &b, err,
					   sizeof err), ENOSPC);
	assert_int_equal(b.size, 0);
}

/* ---- Flows ---- */

struct flow {
	struct buf key, mask, acts;
};

static void flow_parse_ok(const char *line, struct flow *f, bool masked)
{
	char err[256];

	buf_init(&f->key);
	buf_init(&f->mask);
	buf_init(&f->acts);
	if (odp_flow_parse(line, &f->key.b, masked ? &f->mask.b : NULL,
			   &f->acts.b, err, sizeof err))
		fail_msg("\"%s\": %s", line, err);
}

static char *flow_print(const struct flow *f,
			const struct odp_flow_stats *st, unsigned int flags)
{
	struct odp_text t = ODP_TEXT_INIT;

	odp_flow_format(&t, f->key.b.data, f->key.b.size, f->mask.b.data,
			f->mask.b.size, st, f->acts.b.data, f->acts.b.size,
			flags);
	return t.s;
}

/* 'f' prints as 'line', which parses back to 'f'. */
static void check_flow(const struct flow *f, const struct odp_flow_stats *st,
		       unsigned int flags, bool masked, const char *line)
{
	static struct flow g;
	char *s = flow_print(f, st, flags);

	assert_string_equal(s, line);
	flow_parse_ok(s, &g, masked);
	assert_same(&f->key.b, &g.key.b);
	assert_same(&f->mask.b, &g.mask.b);
	assert_same(&f->acts.b, &g.acts.b);
	free(s);
}

static void test_flow_dump_lines(void **state)
{
	static const char *const line =
		"recirc_id(0),in_port(2),eth(src=0a:00:00:00:00:01,"
		"dst=0a:00:00:00:00:02),eth_type(0x0800),ipv4(dst=10.0.0.2,"
		"proto=6,frag=no),tcp(dst=80), packets:3, bytes:294, "
		"used:0.120s, flags:SFPRU.ECN[200][400][800], "
		"actions:push_vlan(vid=10,pcp=0),3";
	struct odp_flow_stats st = {
		.n_packets = 3, .n_bytes = 294, .used = 880, .now = 1000,
		.tcp_flags = 0xfff,
	};
	struct odp_text t = ODP_TEXT_INIT;
	static struct flow f;

	flow_parse_ok(line, &f, true);
	check_flow(&f, &st, 0, true, line);

	/* Never used, no TCP flags, nothing to do. */
	flow_parse_ok("in_port(1) drop", &f, true);
	st = (struct odp_flow_stats){ .n_packets = 0 };
	check_flow(&f, &st, 0, true, "in_port(1), packets:0, bytes:0, "
		   "used:never, actions:drop");

	/* A clock behind the flow's; no statistics at all. */
	st = (struct odp_flow_stats){ .used = 1005, .now = 1000 };
	check_flow(&f, &st, 0, true, "in_port(1), packets:0, bytes:0, "
		   "used:-0.005s, actions:drop");
	check_flow(&f, NULL, 0, true, "in_port(1), actions:drop");

	/* dump-flows -m. */
	flow_parse_ok("in_port(1),eth_type(0x0800),ipv4(frag=no) 2", &f, true);
	st = (struct odp_flow_stats){
		.n_packets = 1, .n_bytes = 60, .used = 1, .now = 12346,
		.has_ufid = true,
		.ufid = { 0x12345678, 0x9abcdef0, 0x11223344, 0x55667788 },
		.offloaded = true, .dp_layer = "tc",
	};
	check_flow(&f, &st, ODP_KEY_VERBOSE, true,
		   "ufid:12345678-9abc-def0-1122-334455667788, "
		   "in_port(1),eth_type(0x0800),"
		   "ipv4(src=0.0.0.0/0.0.0.0,dst=0.0.0.0/0.0.0.0,proto=0/0,"
		   "tos=0/0,ttl=0/0,frag=no), packets:1, bytes:60, "
		   "used:12.345s, offloaded:yes, dp:tc, actions:2");

	/* The statistics alone, as "get-flow -s" shows them. */
	odp_flow_stats_format(&t, &st, 0);
	assert_string_equal(odp_text_cstr(&t), "packets:1, bytes:60, "
			    "used:12.345s");
	odp_text_free(&t);
}

static void test_flow_parse_forms(void **state)
{
	static struct flow f, g;
	char *s;

	/* add-flow: KEY ACTIONS, the actions from the first action; no
	 * masks. */
	flow_parse_ok("in_port(1),eth(src=00:01:02:03:04:05,"
		      "dst=10:11:12:13:14:15),eth_type(0x0800),"
		      "ipv4(src=1.1.1.1,dst=2.2.2.2,proto=17,tos=0,ttl=64,"
		      "frag=no) 2,push_vlan(vid=7,pcp=0),set(ipv4(ttl=63))",
		      &f, false);
	check_flow(&f, NULL, 0, false, "in_port(1),eth(src=00:01:02:03:04:05,"
		   "dst=10:11:12:13:14:15),eth_type(0x0800),"
		   "ipv4(src=1.1.1.1,dst=2.2.2.2,proto=17,tos=0,ttl=64,"
		   "frag=no), actions:2,push_vlan(vid=7,pcp=0),"
		   "set(ipv4(ttl=63))");
	/* Spaces between key attributes; the actions after a comma. */
	flow_parse_ok("in_port(1), eth_type(0x86dd),recirc(0x3)", &g, false);
	/* The statistics, and OVS's dp-extra-info after the actions. */
	flow_parse_ok("in_port(1), packets:1, bytes:2, used:never, "
		      "actions:ct(commit),recirc(0x1), "
		      "dp-extra-info:miniflow_bits(4,1)", &g, true);
	s = odp_actions_to_string(g.acts.b.data, g.acts.b.size);
	assert_string_equal(s, "ct(commit),recirc(0x1)");
	free(s);
}

static void test_flow_errors(void **state)
{
	static const char *const cases[][2] = {
		{ "2,3", "missing the flow key" },
		{ "in_port(1)",
		  "missing the actions after the flow key (\"drop\" drops)" },
		{ "in_port(1), packets:1, eth_type(0x0800), actions:1",
		  "unexpected \"eth_type(0x0800)\" after the flow key" },
		{ "in_port(x) 1", "in_port(x): invalid number \"x\"" },
		{ "in_port(1) 1,foo", "unknown action \"foo\"" },
	};
	static struct flow f;
	char err[256];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_init(&f.key);
		buf_init(&f.mask);
		buf_init(&f.acts);
		assert_int_equal(odp_flow_parse(cases[i][0], &f.key.b,
						&f.mask.b, &f.acts.b, err,
						sizeof err), EINVAL);
		assert_string_equal(err, cases[i][1]);
		assert_int_equal(f.key.b.size, 0);
		assert_int_equal(f.mask.b.size, 0);
		assert_int_equal(f.acts.b.size, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_odp_at),
		cmocka_unit_test(test_odp_at_one_list),
		cmocka_unit_test(test_odp_at_too_long),
		cmocka_unit_test(test_output),
		cmocka_unit_test(test_empty_and_drop),
		cmocka_unit_test(test_userspace),
		cmocka_unit_test(test_userspace_odd_cookies),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_set_generic),
		cmocka_unit_test(test_vlan),
		cmocka_unit_test(test_mpls),
		cmocka_unit_test(test_small_actions),
		cmocka_unit_test(test_ct),
		cmocka_unit_test(test_ct_generic),
		cmocka_unit_test(test_sample_clone_check_pkt_len),
		cmocka_unit_test(test_sample_probability),
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_nested_generic),
		cmocka_unit_test(test_leftover_bytes),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_buffer_too_small),
		cmocka_unit_test(test_flow_dump_lines),
		cmocka_unit_test(test_flow_parse_forms),
		cmocka_unit_test(test_flow_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
