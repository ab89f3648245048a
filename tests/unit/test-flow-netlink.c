/* Flow key and mask <-> OVS_KEY_ATTR_* attributes: round trips for every
 * protocol, byte-exact encodings, and every validation rule.
 *
 * With FLOW_NETLINK_CORPUS=DIR in the environment, each round trip also
 * writes a seed for tests/fuzz/fuzz-flow-netlink into DIR. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "flow-netlink.h"
#include "frame-builder.h"

#define MAC_A "\x02\0\0\0\0\x01"
#define MAC_B "\x02\0\0\0\0\x02"
#define BIT(name) FLOW_NL_ATTR_BIT(OVS_KEY_ATTR_##name)
#define META (BIT(RECIRC_ID) | BIT(DP_HASH) | BIT(PRIORITY) | BIT(IN_PORT) | \
	      BIT(SKB_MARK) | BIT(ETHERNET))
#define TAG (BIT(ETHERTYPE) | BIT(VLAN) | BIT(ENCAP))

static const u8 ip6_a[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const u8 ip6_b[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };

/* An attribute stream, 4-byte aligned as netlink messages are. */
struct msg {
	u32 mem[512];
	struct nlbuf b;
};

static void msg_init(struct msg *m)
{
	memset(m->mem, 0, sizeof m->mem);
	nlbuf_init(&m->b, m->mem, sizeof m->mem);
}

static void encode_key(struct msg *m, const struct flow_key *key)
{
	msg_init(m);
	assert_int_equal(flow_nl_put_key(&m->b, key), 0);
}

static void encode_mask(struct msg *m, const struct flow_key *key,
			const struct flow_key *mask)
{
	msg_init(m);
	assert_int_equal(flow_nl_put_mask(&m->b, key, mask), 0);
}

static void write_seed(const struct msg *key, const struct msg *mask)
{
	static int n;
	const char *dir = getenv("FLOW_NETLINK_CORPUS");
	u8 head[3] = { mask != NULL, key->b.size & 0xff, key->b.size >> 8 };
	char path[512];
	FILE *f;

	if (!dir)
		return;
	snprintf(path, sizeof path, "%s/seed-%03d", dir, n++);
	f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(head, 1, sizeof head, f);
	fwrite(key->b.data, 1, key->b.size, f);
	if (mask)
		fwrite(mask->b.data, 1, mask->b.size, f);
	fclose(f);
}

static void key_from_frame(struct frame *f, struct flow_key *key)
{
	frame_finish(f);
	memset(key, 0, sizeof *key);
	key->recirc_id = 5;
	key->dp_hash = 0x1234;
	key->in_port = 3;
	key->skb_mark = 0x77;
	key->priority = 9;
	assert_int_equal(flow_extract(f->data, f->len, key, NULL), 0);
}

/* A canonical partial mask: the exact mask with some fields wildcarded. */
static void loosen(const struct flow_key *key, struct flow_key *mask)
{
	int i;

	memset(mask->eth_src, 0, ETH_ADDR_LEN);
	mask->ip.ttl = 0;
	mask->skb_mark = 0;
	mask->dp_hash = 0;
	for (i = 0; i < FLOW_MAX_VLANS; i++)
		if (key->vlan[i].tci)
			mask->vlan[i].tci = DP_BE16(0x1fff);
	if (key->eth_type == DP_BE16(ETH_TYPE_IP))
		mask->ipv4.src = DP_BE32(0xffffff00);
}

/* key -> attributes -> key, and with exact and partial masks.  Returns the
 * attributes the encoding holds. */
static u64 round_trip(const struct flow_key *key)
{
	struct flow_key k2, mask, m2;
	struct flow_nl_error err = { 0 };
	struct msg km, mm;
	u64 present;

	encode_key(&km, key);
	assert_int_equal(flow_nl_parse_key(km.mem, km.b.size, &k2, &present,
					   &err), 0);
	assert_memory_equal(key, &k2, sizeof *key);
	write_seed(&km, NULL);

	assert_int_equal(flow_nl_parse_match(km.mem, km.b.size, NULL, 0, &k2,
					     &mask, &err), 0);
	assert_int_equal(mask.in_port, 0xffffffff);
	assert_int_equal(mask.eth_type, DP_BE16(0xffff));
	encode_mask(&mm, key, &mask);
	assert_int_equal(flow_nl_parse_match(km.mem, km.b.size, mm.mem,
					     mm.b.size, &k2, &m2, &err), 0);
	assert_memory_equal(key, &k2, sizeof *key);
	assert_memory_equal(&mask, &m2, sizeof mask);

	loosen(key, &mask);
	encode_mask(&mm, key, &mask);
	assert_int_equal(flow_nl_parse_match(km.mem, km.b.size, mm.mem,
					     mm.b.size, &k2, &m2, &err), 0);
	assert_memory_equal(&mask, &m2, sizeof mask);
	write_seed(&km, &mm);
	return present;
}

static void start(struct frame *f, u16 type)
{
	frame_init(f);
	frame_eth(f, MAC_B, MAC_A, type);
}

static void ipv4(struct frame *f, u8 proto, u16 frag_off)
{
	frame_ipv4(f, 0xc0a80001, 0xc0a80002, proto, 32, 0xb8, frag_off);
}

static void mpls(struct frame *f, int n)
{
	int i;

	start(f, ETH_TYPE_MPLS);
	for (i = 0; i < n; i++)
		frame_mpls(f, 100 + i, i, i == n - 1, 64 - i);
	if (!n)
		frame_put(f, "\0\x01", 2);      /* a truncated stack */
}

static struct pkt_nd *nd(struct frame *f, u8 type, u8 opt, const char *mac)
{
	static const u8 target[16] = { 0xfe, 0x80, [15] = 9 };
	struct pkt_nd *hdr;

	start(f, ETH_TYPE_IPV6);
	frame_ipv6(f, ip6_a, ip6_b, IPPROTO_NUM_ICMPV6, 255, 0, 0);
	hdr = (struct pkt_nd *)(f->data + f->len);
	frame_nd(f, type, target);
	frame_nd_opt(f, opt, mac);
	return hdr;
}

/* One frame per protocol and variant, each a line. */
#define FRAME(fn, body) static void fn(struct frame *f) { body; }

FRAME(f_ethernet, start(f, 0x88cc); frame_put(f, NULL, 30))
FRAME(f_802_3, start(f, 46); frame_put(f, "\x42\x42\x03", 3);
      frame_put(f, NULL, 43))
FRAME(f_vlan, start(f, ETH_TYPE_VLAN); frame_vlan(f, 0x2005, ETH_TYPE_IP);
      ipv4(f, IPPROTO_NUM_UDP, 0); frame_udp(f, 53, 5353))
FRAME(f_qinq, start(f, ETH_TYPE_VLAN_8021AD); frame_vlan(f, 100, ETH_TYPE_VLAN);
      frame_vlan(f, 0x2005, ETH_TYPE_IP); ipv4(f, IPPROTO_NUM_TCP, 0);
      frame_tcp(f, 1000, 80, TCP_SYN))
FRAME(f_three_tags, start(f, ETH_TYPE_VLAN_8021AD);
      frame_vlan(f, 1, ETH_TYPE_VLAN); frame_vlan(f, 2, ETH_TYPE_VLAN);
      frame_vlan(f, 3, ETH_TYPE_IP))
FRAME(f_truncated_tag, start(f, ETH_TYPE_VLAN); frame_put(f, "\x01", 1))
FRAME(f_truncated_inner, start(f, ETH_TYPE_VLAN_8021AD);
      frame_vlan(f, 7, ETH_TYPE_VLAN); frame_put(f, "\x01", 1))
FRAME(f_mpls0, mpls(f, 0))
FRAME(f_mpls1, mpls(f, 1); ipv4(f, IPPROTO_NUM_UDP, 0))
FRAME(f_mpls2, mpls(f, 2))
FRAME(f_mpls3, mpls(f, 3))
FRAME(f_arp, start(f, ETH_TYPE_ARP);
      frame_arp(f, 2, MAC_A, 0x0a000001, MAC_B, 0x0a000002))
FRAME(f_rarp, start(f, ETH_TYPE_RARP);
      frame_arp(f, 3, MAC_A, 0x0a000001, MAC_B, 0x0a000002))
FRAME(f_tcp, start(f, ETH_TYPE_IP); ipv4(f, IPPROTO_NUM_TCP, 0);
      frame_tcp(f, 40000, 443, TCP_ACK | TCP_PSH))
FRAME(f_udp, start(f, ETH_TYPE_IP); ipv4(f, IPPROTO_NUM_UDP, 0);
      frame_udp(f, 1111, 2222))
FRAME(f_sctp, start(f, ETH_TYPE_IP); ipv4(f, IPPROTO_NUM_SCTP, 0);
      frame_sctp(f, 3868, 3868))
FRAME(f_icmp, start(f, ETH_TYPE_IP); ipv4(f, IPPROTO_NUM_ICMP, 0);
      frame_icmp(f, 8, 0))
FRAME(f_gre, start(f, ETH_TYPE_IP); ipv4(f, 47, 0); frame_put(f, NULL, 8))
FRAME(f_frag_first, start(f, ETH_TYPE_IP);
      ipv4(f, IPPROTO_NUM_UDP, IPV4_MORE_FRAGS); frame_udp(f, 7, 8))
FRAME(f_frag_later, start(f, ETH_TYPE_IP); ipv4(f, IPPROTO_NUM_UDP, 100);
      frame_udp(f, 7, 8))
FRAME(f_ipv6_frag_later, start(f, ETH_TYPE_IPV6);
      frame_ipv6(f, ip6_a, ip6_b, IPPROTO_NUM_FRAGMENT, 64, 0, 0);
      frame_ipv6_frag(f, IPPROTO_NUM_TCP, 100, false); frame_tcp(f, 1, 2, 0))
FRAME(f_ipv6_exthdrs, start(f, ETH_TYPE_IPV6);
      frame_ipv6(f, ip6_a, ip6_b, IPPROTO_NUM_HOPOPTS, 64, 0x20, 0x12345);
      frame_ipv6_ext(f, IPPROTO_NUM_DSTOPTS, 0);
      frame_ipv6_ext(f, IPPROTO_NUM_FRAGMENT, 1);
      frame_ipv6_frag(f, IPPROTO_NUM_UDP, 0, true); frame_udp(f, 546, 547))
FRAME(f_nd_ns_sll, nd(f, ICMPV6_NS, ND_OPT_SLL, MAC_A))
FRAME(f_nd_na_tll, nd(f, ICMPV6_NA, ND_OPT_TLL, MAC_B))
FRAME(f_nd_code1, nd(f, ICMPV6_NS, ND_OPT_SLL, MAC_A)->icmp.code = 1)
FRAME(f_icmpv6_echo, nd(f, ICMPV6_NS, ND_OPT_SLL, MAC_A)->icmp.type = 128)

#define L3(name) (BIT(ETHERTYPE) | BIT(name))
#define V6 (L3(IPV6) | BIT(IPV6_EXTHDRS))

static const struct {
	const char *name;
	void (*build)(struct frame *);
	u64 attrs;              /* beyond the metadata and ETHERNET */
} frames[] = {
	{ "ethernet", f_ethernet, BIT(ETHERTYPE) },
	{ "802.3 without SNAP", f_802_3, 0 },
	{ "802.1Q", f_vlan, TAG | L3(IPV4) | BIT(UDP) },
	{ "802.1ad + 802.1Q", f_qinq, TAG | L3(IPV4) | BIT(TCP) | BIT(TCP_FLAGS) },
	{ "three tags", f_three_tags, TAG },
	{ "truncated tag", f_truncated_tag, TAG },
	{ "truncated inner tag", f_truncated_inner, TAG },
	{ "MPLS, truncated", f_mpls0, L3(MPLS) },
	{ "MPLS, 1 label", f_mpls1, L3(MPLS) },
	{ "MPLS, 2 labels", f_mpls2, L3(MPLS) },
	{ "MPLS, 3 labels", f_mpls3, L3(MPLS) },
	{ "ARP", f_arp, L3(ARP) },
	{ "RARP", f_rarp, L3(ARP) },
	{ "TCP", f_tcp, L3(IPV4) | BIT(TCP) | BIT(TCP_FLAGS) },
	{ "UDP", f_udp, L3(IPV4) | BIT(UDP) },
	{ "SCTP", f_sctp, L3(IPV4) | BIT(SCTP) },
	{ "ICMP", f_icmp, L3(IPV4) | BIT(ICMP) },
	{ "GRE", f_gre, L3(IPV4) },
	{ "first fragment", f_frag_first, L3(IPV4) | BIT(UDP) },
	{ "later fragment", f_frag_later, L3(IPV4) },
	{ "IPv6 later fragment", f_ipv6_frag_later, V6 },
	{ "IPv6 extension headers", f_ipv6_exthdrs, V6 | BIT(UDP) },
	{ "ND solicitation", f_nd_ns_sll, V6 | BIT(ICMPV6) | BIT(ND) },
	{ "ND advertisement", f_nd_na_tll, V6 | BIT(ICMPV6) | BIT(ND) },
	{ "ND with code 1", f_nd_code1, V6 | BIT(ICMPV6) },
	{ "ICMPv6 echo", f_icmpv6_echo, V6 | BIT(ICMPV6) },
};

static void test_protocols(void **state)
{
	struct flow_key key;
	struct frame f;
	u32 i;
	u64 attrs;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(frames); i++) {
		frames[i].build(&f);
		key_from_frame(&f, &key);
		attrs = round_trip(&key);
		if (attrs != (META | frames[i].attrs))
			fail_msg("%s: attributes %#llx", frames[i].name,
				 (unsigned long long)attrs);
	}
}

/* The key fields behind the encodings above are the ones meant. */
static void test_protocol_fields(void **state)
{
	struct flow_key key;
	struct frame f;

	(void)state;
	f_802_3(&f);
	key_from_frame(&f, &key);
	assert_int_equal(key.eth_type, DP_BE16(ETH_TYPE_802_2));
	f_qinq(&f);
	key_from_frame(&f, &key);
	assert_int_equal(key.vlan[0].tpid, DP_BE16(ETH_TYPE_VLAN_8021AD));
	assert_int_equal(key.vlan[1].tci, DP_BE16(0x3005));
	f_three_tags(&f);
	key_from_frame(&f, &key);
	assert_int_equal(key.eth_type, DP_BE16(ETH_TYPE_VLAN));
	f_truncated_inner(&f);
	key_from_frame(&f, &key);
	assert_int_equal(key.vlan[1].tci, 0);
	f_mpls3(&f);
	key_from_frame(&f, &key);
	assert_int_equal(key.mpls.held, flow_mpls_held(3));
	f_frag_later(&f);
	key_from_frame(&f, &key);
	assert_int_equal(key.ip.frag, OVS_FRAG_TYPE_LATER);
	f_ipv6_exthdrs(&f);
	key_from_frame(&f, &key);
	assert_int_equal(key.ipv6.exthdrs, FLOW_EH_HOP | FLOW_EH_DEST |
					   FLOW_EH_FRAG);
	f_nd_na_tll(&f);
	key_from_frame(&f, &key);
	assert_memory_equal(key.ipv6.nd_tll, MAC_B, 6);
}

/* An exact mask of an 802.3 key matches eth_type too, and encodes it. */
static void test_802_3_exact_mask(void **state)
{
	struct flow_key key, mask;
	const struct nlattr *a;
	int ethertypes = 0;
	struct frame f;
	struct msg m;
	u32 left;

	(void)state;
	f_802_3(&f);
	key_from_frame(&f, &key);
	encode_key(&m, &key);
	assert_int_equal(flow_nl_parse_match(m.mem, m.b.size, NULL, 0, &key,
					     &mask, NULL), 0);
	assert_int_equal(mask.eth_type, DP_BE16(0xffff));
	encode_mask(&m, &key, &mask);
	NLATTR_FOR_EACH(a, left, m.mem, m.b.size)
		if (nlattr_type(a) == OVS_KEY_ATTR_ETHERTYPE)
			ethertypes++;
	assert_int_equal(ethertypes, 1);
}

/* Hand-assembled attributes: header (len, type) in host order, as netlink. */
#define A(len, type) (u8)(len), (u8)((len) >> 8), (u8)(type), 0
#define U32(v) (u8)(v), (u8)((v) >> 8), (u8)((v) >> 16), (u8)((v) >> 24)
#define MAC1 0x02, 0, 0, 0, 0, 0x01
#define MAC2 0x02, 0, 0, 0, 0, 0x02
#define META_BYTES(port, v)                                                  \
	A(8, OVS_KEY_ATTR_RECIRC_ID), U32(v), A(8, OVS_KEY_ATTR_DP_HASH), U32(v), \
	A(8, OVS_KEY_ATTR_PRIORITY), U32(v), A(8, OVS_KEY_ATTR_IN_PORT), U32(port), \
	A(8, OVS_KEY_ATTR_SKB_MARK), U32(v)

/* A key with only in_port as metadata, which the expected bytes show (as
 * host-order u32s, written for a little-endian host). */
static void bare_key(struct frame *f, u32 in_port, struct flow_key *key)
{
	if (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__)
		skip();
	frame_finish(f);
	memset(key, 0, sizeof *key);
	key->in_port = in_port;
	assert_int_equal(flow_extract(f->data, f->len, key, NULL), 0);
}

static void assert_encoding(const struct msg *m, const u8 *want, u32 len)
{
	assert_int_equal(m->b.size, len);
	assert_memory_equal(m->mem, want, len);
}

static void test_bytes_tcp(void **state)
{
	static const u8 want[] __attribute__((aligned(4))) = {
		META_BYTES(3, 0),
		A(16, OVS_KEY_ATTR_ETHERNET), MAC1, MAC2,
		A(6, OVS_KEY_ATTR_ETHERTYPE), 0x08, 0x00, 0, 0,
		A(16, OVS_KEY_ATTR_IPV4), 10, 0, 0, 1, 10, 0, 0, 2, 6, 0x10, 64, 0,
		A(8, OVS_KEY_ATTR_TCP), 0x04, 0xd2, 0x00, 0x50,
		A(6, OVS_KEY_ATTR_TCP_FLAGS), 0x00, 0x12, 0, 0,
	};
	struct flow_key key;
	struct frame f;
	struct msg m;

	(void)state;
	start(&f, ETH_TYPE_IP);
	frame_ipv4(&f, 0x0a000001, 0x0a000002, IPPROTO_NUM_TCP, 64, 0x10, 0);
	frame_tcp(&f, 1234, 80, TCP_SYN | TCP_ACK);
	bare_key(&f, 3, &key);
	encode_key(&m, &key);
	assert_encoding(&m, want, sizeof want);
}

/* An 802.1Q-tagged 802.3 frame: no inner ETHERTYPE in the key, and an
 * ETHERTYPE of all-ones in the mask's ENCAP. */
static void test_bytes_vlan_mask(void **state)
{
	static const u8 want_key[] __attribute__((aligned(4))) = {
		META_BYTES(1, 0),
		A(16, OVS_KEY_ATTR_ETHERNET), MAC1, MAC2,
		A(6, OVS_KEY_ATTR_ETHERTYPE), 0x81, 0x00, 0, 0,
		A(6, OVS_KEY_ATTR_VLAN), 0x30, 0x0a, 0, 0,
		A(4, OVS_KEY_ATTR_ENCAP),
	};
	static const u8 want_mask[] __attribute__((aligned(4))) = {
		META_BYTES(0xffffffff, 0xffffffff),
		A(16, OVS_KEY_ATTR_ETHERNET), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		A(6, OVS_KEY_ATTR_ETHERTYPE), 0xff, 0xff, 0, 0,
		A(6, OVS_KEY_ATTR_VLAN), 0xff, 0xff, 0, 0,
		A(12, OVS_KEY_ATTR_ENCAP),
		A(6, OVS_KEY_ATTR_ETHERTYPE), 0xff, 0xff, 0, 0,
	};
	struct flow_key key, mask;
	struct frame f;
	struct msg m;

	(void)state;
	start(&f, ETH_TYPE_VLAN);
	frame_vlan(&f, 0x200a, 40);
	frame_put(&f, "\xe0\xe0\x03", 3);
	frame_put(&f, NULL, 37);
	bare_key(&f, 1, &key);
	encode_key(&m, &key);
	assert_encoding(&m, want_key, sizeof want_key);

	assert_int_equal(flow_nl_parse_match(want_key, sizeof want_key, NULL, 0,
					     &key, &mask, NULL), 0);
	encode_mask(&m, &key, &mask);
	assert_encoding(&m, want_mask, sizeof want_mask);
}

static void test_overflow(void **state)
{
	struct flow_key key = { .eth_type = DP_BE16(ETH_TYPE_IPV6) };
	u32 mem[20];
	struct nlbuf b;

	(void)state;
	nlbuf_init(&b, mem, sizeof mem);
	assert_int_equal(flow_nl_put_key(&b, &key), -EMSGSIZE);
	nlbuf_init(&b, mem, sizeof mem);
	assert_int_equal(flow_nl_put_mask(&b, &key, &key), -EMSGSIZE);
}

static void test_attr_names(void **state)
{
	(void)state;
	assert_string_equal(flow_nl_attr_name(OVS_KEY_ATTR_IPV4), "IPV4");
	assert_string_equal(flow_nl_attr_name(OVS_KEY_ATTR_IPV6_EXTHDRS),
			    "IPV6_EXTHDRS");
	assert_string_equal(flow_nl_attr_name(OVS_KEY_ATTR_CT_LABELS),
			    "CT_LABELS");
	assert_string_equal(flow_nl_attr_name(0), "?");
	assert_string_equal(flow_nl_attr_name(OVS_KEY_ATTR_MAX + 1), "?");
	assert_string_equal(flow_nl_attr_name(-1), "?");
}

/* Attribute builders for hand-made (often invalid) keys and masks. */

static void put_eth(struct nlbuf *b)
{
	nlbuf_put(b, OVS_KEY_ATTR_ETHERNET, MAC_A MAC_B, 12);
}

static void put_type(struct nlbuf *b, u16 type)
{
	__be16 v = cpu_to_be16(type);

	nlbuf_put(b, OVS_KEY_ATTR_ETHERTYPE, &v, 2);
}

static void put_vlan(struct nlbuf *b, u16 tci)
{
	__be16 v = cpu_to_be16(tci);

	nlbuf_put(b, OVS_KEY_ATTR_VLAN, &v, 2);
}

static void put_ipv4(struct nlbuf *b, u8 proto, u8 frag)
{
	struct ovs_key_ipv4 ip = { 1, 2, proto, 0, 64, frag };

	nlbuf_put(b, OVS_KEY_ATTR_IPV4, &ip, sizeof ip);
}

static void put_ipv6(struct nlbuf *b, u8 proto, u32 label)
{
	struct ovs_key_ipv6 ip = { .ipv6_proto = proto, .ipv6_hlimit = 64,
				   .ipv6_label = cpu_to_be32(label) };

	nlbuf_put(b, OVS_KEY_ATTR_IPV6, &ip, sizeof ip);
}

static void put_icmpv6(struct nlbuf *b, u8 type, u8 code)
{
	struct ovs_key_icmpv6 icmp = { type, code };

	nlbuf_put(b, OVS_KEY_ATTR_ICMPV6, &icmp, sizeof icmp);
}

static void put_ports(struct nlbuf *b, u16 type)
{
	nlbuf_put(b, type, "\0\x01\0\x02", 4);
}

static void put_ones(struct nlbuf *b, u16 type, u32 len)
{
	memset(nlbuf_put(b, type, NULL, len), 0xff, len);
}

static void put_zeros(struct nlbuf *b, u16 type, u32 len)
{
	nlbuf_put(b, type, NULL, len);
}

static void ipv4_tcp(struct nlbuf *b)
{
	put_eth(b);
	put_type(b, ETH_TYPE_IP);
	put_ipv4(b, IPPROTO_NUM_TCP, 0);
	put_ports(b, OVS_KEY_ATTR_TCP);
	put_zeros(b, OVS_KEY_ATTR_TCP_FLAGS, 2);
}

static void ipv6_ns(struct nlbuf *b)
{
	put_eth(b);
	put_type(b, ETH_TYPE_IPV6);
	put_ipv6(b, IPPROTO_NUM_ICMPV6, 0);
	put_icmpv6(b, ICMPV6_NS, 0);
	put_zeros(b, OVS_KEY_ATTR_ND, sizeof(struct ovs_key_nd));
}

static void vlan_ipv4_udp(struct nlbuf *b)
{
	u32 nest;

	put_eth(b);
	put_type(b, ETH_TYPE_VLAN);
	put_vlan(b, 0x1005);
	nest = nlbuf_nest_start(b, OVS_KEY_ATTR_ENCAP);
	put_type(b, ETH_TYPE_IP);
	put_ipv4(b, IPPROTO_NUM_UDP, 0);
	put_ports(b, OVS_KEY_ATTR_UDP);
	nlbuf_nest_end(b, nest);
}

static void mpls1(struct nlbuf *b)
{
	put_eth(b);
	put_type(b, ETH_TYPE_MPLS);
	nlbuf_put(b, OVS_KEY_ATTR_MPLS, "\0\x06\x41\x40", 4);
}

/* An ENCAP holding 'inner' after ETHERTYPE(tpid) and VLAN(tci). */
static void put_tag(struct nlbuf *b, u16 tpid, u16 tci,
		    void (*inner)(struct nlbuf *))
{
	u32 nest;

	put_type(b, tpid);
	put_vlan(b, tci);
	nest = nlbuf_nest_start(b, OVS_KEY_ATTR_ENCAP);
	if (inner)
		inner(b);
	nlbuf_nest_end(b, nest);
}

static void inner_ipv4_udp(struct nlbuf *b)
{
	put_type(b, ETH_TYPE_IP);
	put_ipv4(b, IPPROTO_NUM_UDP, 0);
	put_ports(b, OVS_KEY_ATTR_UDP);
}

static void inner_tag(struct nlbuf *b)
{
	put_tag(b, ETH_TYPE_VLAN, 0x1002, inner_ipv4_udp);
}

static void inner_two_tags(struct nlbuf *b)
{
	put_tag(b, ETH_TYPE_VLAN, 0x1002, inner_tag);
}

static void inner_third_vlan(struct nlbuf *b)
{
	put_type(b, ETH_TYPE_VLAN);
	put_vlan(b, 0x1003);
}

static void inner_tags_third_vlan(struct nlbuf *b)
{
	put_tag(b, ETH_TYPE_VLAN, 0x1002, inner_third_vlan);
}

static void inner_mask_ipv4_udp(struct nlbuf *b)
{
	put_ones(b, OVS_KEY_ATTR_ETHERTYPE, 2);
	put_ones(b, OVS_KEY_ATTR_IPV4, sizeof(struct ovs_key_ipv4));
	put_ones(b, OVS_KEY_ATTR_UDP, sizeof(struct ovs_key_udp));
}

static void inner_dup(struct nlbuf *b)
{
	inner_ipv4_udp(b);
	put_ipv4(b, IPPROTO_NUM_UDP, 0);
}

static void inner_garbage(struct nlbuf *b)
{
	inner_ipv4_udp(b);
	b->size += 2;
}

static void inner_in_port(struct nlbuf *b)
{
	nlbuf_put_u32(b, OVS_KEY_ATTR_IN_PORT, 1);
	inner_ipv4_udp(b);
}

/* One line per rule: how to build the bad key (and mask). */
#define CASE(fn, body) static void fn(struct nlbuf *b) { body; }

CASE(k_type_high, put_eth(b); nlbuf_put_u32(b, OVS_KEY_ATTR_MAX + 1, 0))
CASE(k_type_unspec, put_eth(b); nlbuf_put_u32(b, OVS_KEY_ATTR_UNSPEC, 0))
CASE(k_dup, ipv4_tcp(b); nlbuf_put_u32(b, OVS_KEY_ATTR_IN_PORT, 1);
     nlbuf_put_u32(b, OVS_KEY_ATTR_IN_PORT, 1))
CASE(k_dup_ethertype, put_eth(b); put_type(b, 0x88cc); put_type(b, 0x88cc))
CASE(k_dup_in_encap, put_eth(b); put_tag(b, ETH_TYPE_VLAN, 0x1001, inner_dup))
CASE(k_len, put_eth(b); put_type(b, ETH_TYPE_IP);
     nlbuf_put(b, OVS_KEY_ATTR_IPV4, NULL, 11))
CASE(k_len_eth, nlbuf_put(b, OVS_KEY_ATTR_ETHERNET, NULL, 6))
CASE(k_mpls_len, put_eth(b); put_type(b, ETH_TYPE_MPLS);
     nlbuf_put(b, OVS_KEY_ATTR_MPLS, NULL, 6))
CASE(k_mpls_4, put_eth(b); put_type(b, ETH_TYPE_MPLS);
     nlbuf_put(b, OVS_KEY_ATTR_MPLS, NULL, 16))
CASE(k_trailing, ipv4_tcp(b); b->size += 2)
CASE(k_short_hdr, ipv4_tcp(b); nlbuf_put(b, OVS_KEY_ATTR_UDP, NULL, 0);
     b->data[b->size - 4] = 2)
CASE(k_past_end, ipv4_tcp(b); nlbuf_put_u32(b, OVS_KEY_ATTR_SKB_MARK, 0);
     b->data[b->size - 8] = 12)
CASE(k_encap_trailing, put_eth(b); put_tag(b, ETH_TYPE_VLAN, 0x1001,
					   inner_garbage))
CASE(k_encap_no_vlan_type, put_eth(b); put_tag(b, ETH_TYPE_IP, 0x1001, NULL))
CASE(k_vlan_no_vlan_type, put_eth(b); put_type(b, 0x88cc); put_vlan(b, 0x1001))
CASE(k_vlan_missing, put_eth(b); put_type(b, ETH_TYPE_VLAN);
     nlbuf_nest_end(b, nlbuf_nest_start(b, OVS_KEY_ATTR_ENCAP)))
CASE(k_encap_missing, put_eth(b); put_type(b, ETH_TYPE_VLAN);
     put_vlan(b, 0x1001))
CASE(k_tci_no_cfi, put_eth(b); put_tag(b, ETH_TYPE_VLAN, 0x0005,
				       inner_ipv4_udp))
CASE(k_truncated_encap, put_eth(b); put_tag(b, ETH_TYPE_VLAN, 0,
					    inner_ipv4_udp))
CASE(k_third_tag, put_eth(b); put_tag(b, ETH_TYPE_VLAN_8021AD, 0x1001,
				      inner_two_tags))
CASE(k_third_vlan, put_eth(b); put_tag(b, ETH_TYPE_VLAN_8021AD, 0x1001,
				       inner_tags_third_vlan))
CASE(k_l3_outside_encap, vlan_ipv4_udp(b); put_zeros(b, OVS_KEY_ATTR_ND, 28))
CASE(k_meta_in_encap, put_eth(b); put_tag(b, ETH_TYPE_VLAN, 0x1001,
					  inner_in_port))
CASE(k_eth_in_encap, put_eth(b); put_tag(b, ETH_TYPE_VLAN, 0x1001, put_eth))
CASE(k_ethertype_low, put_eth(b); put_type(b, 0x05ff))
CASE(k_no_ethernet, nlbuf_put_u32(b, OVS_KEY_ATTR_IN_PORT, 1))
CASE(k_layer3, put_type(b, ETH_TYPE_IP); put_ipv4(b, 0, 0))
CASE(k_tunnel, ipv4_tcp(b); nlbuf_nest_start(b, OVS_KEY_ATTR_TUNNEL))
CASE(k_ct_state, ipv4_tcp(b); nlbuf_put_u32(b, OVS_KEY_ATTR_CT_STATE, 0))
CASE(k_ct_zone, ipv4_tcp(b); nlbuf_put_u16(b, OVS_KEY_ATTR_CT_ZONE, 0))
CASE(k_ct_mark, ipv4_tcp(b); nlbuf_put_u32(b, OVS_KEY_ATTR_CT_MARK, 0))
CASE(k_ct_labels, ipv4_tcp(b); put_zeros(b, OVS_KEY_ATTR_CT_LABELS, 16))
CASE(k_ct_tuple, ipv4_tcp(b);
     put_zeros(b, OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4, 16))
CASE(k_nsh, ipv4_tcp(b); nlbuf_nest_start(b, OVS_KEY_ATTR_NSH))
CASE(k_packet_type, ipv4_tcp(b); nlbuf_put_u32(b, OVS_KEY_ATTR_PACKET_TYPE, 0))
CASE(k_tunnel_info, ipv4_tcp(b); nlbuf_put_u32(b, OVS_KEY_ATTR_TUNNEL_INFO, 0))
CASE(k_frag, put_eth(b); put_type(b, ETH_TYPE_IP); put_ipv4(b, 0, 3))
CASE(k_frag6, put_eth(b); put_type(b, ETH_TYPE_IPV6); put_ipv6(b, 0, 0);
     ((struct ovs_key_ipv6 *)(b->data + b->size - 40))->ipv6_frag = 3)
CASE(k_label, put_eth(b); put_type(b, ETH_TYPE_IPV6); put_ipv6(b, 0, 0x100000))
CASE(k_arp_op, put_eth(b); put_type(b, ETH_TYPE_ARP);
     put_zeros(b, OVS_KEY_ATTR_ARP, 24); b->data[b->size - 16] = 1)
CASE(k_in_port, ipv4_tcp(b); nlbuf_put_u32(b, OVS_KEY_ATTR_IN_PORT, 0x10000))
CASE(k_ipv4_wrong_type, put_eth(b); put_type(b, ETH_TYPE_IPV6);
     put_ipv4(b, 0, 0))
CASE(k_ipv4_missing, put_eth(b); put_type(b, ETH_TYPE_IP))
CASE(k_ipv6_missing, put_eth(b); put_type(b, ETH_TYPE_IPV6))
CASE(k_arp_wrong_type, put_eth(b); put_type(b, ETH_TYPE_IP); put_ipv4(b, 0, 0);
     put_zeros(b, OVS_KEY_ATTR_ARP, 24))
CASE(k_arp_missing, put_eth(b); put_type(b, ETH_TYPE_RARP))
CASE(k_mpls_wrong_type, put_eth(b); put_type(b, 0x88cc);
     nlbuf_put(b, OVS_KEY_ATTR_MPLS, NULL, 4))
CASE(k_mpls_missing, put_eth(b); put_type(b, ETH_TYPE_MPLS_MCAST))
CASE(k_tcp_wrong_proto, put_eth(b); put_type(b, ETH_TYPE_IP);
     put_ipv4(b, IPPROTO_NUM_UDP, 0); put_ports(b, OVS_KEY_ATTR_UDP);
     put_ports(b, OVS_KEY_ATTR_TCP))
CASE(k_tcp_later_frag, put_eth(b); put_type(b, ETH_TYPE_IP);
     put_ipv4(b, IPPROTO_NUM_TCP, OVS_FRAG_TYPE_LATER);
     put_ports(b, OVS_KEY_ATTR_TCP); put_zeros(b, OVS_KEY_ATTR_TCP_FLAGS, 2))
CASE(k_tcp_flags_missing, put_eth(b); put_type(b, ETH_TYPE_IP);
     put_ipv4(b, IPPROTO_NUM_TCP, 0); put_ports(b, OVS_KEY_ATTR_TCP))
CASE(k_udp_missing, put_eth(b); put_type(b, ETH_TYPE_IP);
     put_ipv4(b, IPPROTO_NUM_UDP, 0))
CASE(k_sctp_missing, put_eth(b); put_type(b, ETH_TYPE_IPV6);
     put_ipv6(b, IPPROTO_NUM_SCTP, 0))
CASE(k_icmp_in_ipv6, put_eth(b); put_type(b, ETH_TYPE_IPV6);
     put_ipv6(b, IPPROTO_NUM_ICMP, 0); nlbuf_put_u16(b, OVS_KEY_ATTR_ICMP, 0))
CASE(k_icmpv6_missing, put_eth(b); put_type(b, ETH_TYPE_IPV6);
     put_ipv6(b, IPPROTO_NUM_ICMPV6, 0))
CASE(k_nd_code, put_eth(b); put_type(b, ETH_TYPE_IPV6);
     put_ipv6(b, IPPROTO_NUM_ICMPV6, 0); put_icmpv6(b, ICMPV6_NS, 1);
     put_zeros(b, OVS_KEY_ATTR_ND, 28))
CASE(k_nd_type, put_eth(b); put_type(b, ETH_TYPE_IPV6);
     put_ipv6(b, IPPROTO_NUM_ICMPV6, 0); put_icmpv6(b, 128, 0);
     put_zeros(b, OVS_KEY_ATTR_ND, 28))
CASE(k_nd_missing, put_eth(b); put_type(b, ETH_TYPE_IPV6);
     put_ipv6(b, IPPROTO_NUM_ICMPV6, 0); put_icmpv6(b, ICMPV6_NA, 0))
CASE(k_exthdrs_ipv4, ipv4_tcp(b); nlbuf_put_u16(b, OVS_KEY_ATTR_IPV6_EXTHDRS, 0))

/* Masks, each for the key named in its case. */
CASE(m_dup, put_ones(b, OVS_KEY_ATTR_IN_PORT, 4);
     put_zeros(b, OVS_KEY_ATTR_IN_PORT, 4))
CASE(m_not_in_key, put_ones(b, OVS_KEY_ATTR_ETHERTYPE, 2);
     put_ones(b, OVS_KEY_ATTR_IPV6, 40))
CASE(m_l3_no_ethertype, put_ones(b, OVS_KEY_ATTR_IPV4, 12))
CASE(m_l4_no_proto, put_ones(b, OVS_KEY_ATTR_ETHERTYPE, 2);
     put_ports(b, OVS_KEY_ATTR_TCP))
CASE(m_nd_no_type, put_ones(b, OVS_KEY_ATTR_ETHERTYPE, 2);
     put_ones(b, OVS_KEY_ATTR_IPV6, 40); put_icmpv6(b, 0, 0xff);
     put_ones(b, OVS_KEY_ATTR_ND, 28))
CASE(m_encap_untagged, put_tag(b, 0xffff, 0xffff, NULL))
CASE(m_tpid_inexact, put_tag(b, 0x0fff, 0xffff, NULL))
CASE(m_tci_no_cfi, put_tag(b, 0xffff, 0xefff, NULL))
CASE(m_vlan_untagged, put_vlan(b, 0xffff))
CASE(m_vlan_no_encap, put_type(b, 0xffff); put_vlan(b, 0xffff))
CASE(m_l3_outside_encap, put_ones(b, OVS_KEY_ATTR_IPV4, 12);
     put_tag(b, 0xffff, 0xffff, NULL))
CASE(m_mpls_too_many, put_ones(b, OVS_KEY_ATTR_ETHERTYPE, 2);
     put_ones(b, OVS_KEY_ATTR_MPLS, 8))
CASE(m_ct_mark, put_ones(b, OVS_KEY_ATTR_CT_MARK, 4))
CASE(m_trailing, put_eth(b); b->size += 3)
CASE(m_ipv4_len, put_ones(b, OVS_KEY_ATTR_IPV4, 16))

struct err_case {
	const char *name;
	void (*key)(struct nlbuf *);
	void (*mask)(struct nlbuf *);
	int rc;
	int attr;
};

#define KEY_ERR(fn, attr) { #fn, fn, NULL, -EINVAL, OVS_KEY_ATTR_##attr }
#define KEY_UNSUP(fn, attr) { #fn, fn, NULL, -EOPNOTSUPP, OVS_KEY_ATTR_##attr }
#define MASK_ERR(fn, key, attr) { #fn, key, fn, -EINVAL, OVS_KEY_ATTR_##attr }

static const struct err_case err_cases[] = {
	{ "k_type_high", k_type_high, NULL, -EINVAL, OVS_KEY_ATTR_MAX + 1 },
	KEY_ERR(k_type_unspec, UNSPEC),
	KEY_ERR(k_dup, IN_PORT),
	KEY_ERR(k_dup_ethertype, ETHERTYPE),
	KEY_ERR(k_dup_in_encap, IPV4),
	KEY_ERR(k_len, IPV4),
	KEY_ERR(k_len_eth, ETHERNET),
	KEY_ERR(k_mpls_len, MPLS),
	KEY_ERR(k_mpls_4, MPLS),
	KEY_ERR(k_trailing, UNSPEC),
	KEY_ERR(k_short_hdr, UDP),
	KEY_ERR(k_past_end, SKB_MARK),
	KEY_ERR(k_encap_trailing, ENCAP),
	KEY_ERR(k_encap_no_vlan_type, ENCAP),
	KEY_ERR(k_vlan_no_vlan_type, VLAN),
	KEY_ERR(k_vlan_missing, VLAN),
	KEY_ERR(k_encap_missing, ENCAP),
	KEY_ERR(k_tci_no_cfi, VLAN),
	KEY_ERR(k_truncated_encap, ENCAP),
	KEY_ERR(k_third_tag, ENCAP),
	KEY_ERR(k_third_vlan, VLAN),
	KEY_ERR(k_l3_outside_encap, ND),
	KEY_ERR(k_meta_in_encap, IN_PORT),
	KEY_ERR(k_eth_in_encap, ETHERNET),
	KEY_ERR(k_ethertype_low, ETHERTYPE),
	KEY_ERR(k_no_ethernet, ETHERNET),
	KEY_UNSUP(k_layer3, ETHERNET),
	KEY_UNSUP(k_tunnel, TUNNEL),
	KEY_UNSUP(k_ct_state, CT_STATE),
	KEY_UNSUP(k_ct_zone, CT_ZONE),
	KEY_UNSUP(k_ct_mark, CT_MARK),
	KEY_UNSUP(k_ct_labels, CT_LABELS),
	KEY_UNSUP(k_ct_tuple, CT_ORIG_TUPLE_IPV4),
	KEY_UNSUP(k_nsh, NSH),
	KEY_ERR(k_packet_type, PACKET_TYPE),
	KEY_ERR(k_tunnel_info, TUNNEL_INFO),
	KEY_ERR(k_frag, IPV4),
	KEY_ERR(k_frag6, IPV6),
	KEY_ERR(k_label, IPV6),
	KEY_ERR(k_arp_op, ARP),
	KEY_ERR(k_in_port, IN_PORT),
	KEY_ERR(k_ipv4_wrong_type, IPV4),
	KEY_ERR(k_ipv4_missing, IPV4),
	KEY_ERR(k_ipv6_missing, IPV6),
	KEY_ERR(k_arp_wrong_type, ARP),
	KEY_ERR(k_arp_missing, ARP),
	KEY_ERR(k_mpls_wrong_type, MPLS),
	KEY_ERR(k_mpls_missing, MPLS),
	KEY_ERR(k_tcp_wrong_proto, TCP),
	KEY_ERR(k_tcp_later_frag, TCP),
	KEY_ERR(k_tcp_flags_missing, TCP_FLAGS),
	KEY_ERR(k_udp_missing, UDP),
	KEY_ERR(k_sctp_missing, SCTP),
	KEY_ERR(k_icmp_in_ipv6, ICMP),
	KEY_ERR(k_icmpv6_missing, ICMPV6),
	KEY_ERR(k_nd_code, ND),
	KEY_ERR(k_nd_type, ND),
	KEY_ERR(k_nd_missing, ND),
	KEY_ERR(k_exthdrs_ipv4, IPV6_EXTHDRS),
	MASK_ERR(m_dup, ipv4_tcp, IN_PORT),
	MASK_ERR(m_not_in_key, ipv4_tcp, IPV6),
	MASK_ERR(m_l3_no_ethertype, ipv4_tcp, IPV4),
	MASK_ERR(m_l4_no_proto, ipv4_tcp, TCP),
	MASK_ERR(m_nd_no_type, ipv6_ns, ND),
	MASK_ERR(m_encap_untagged, ipv4_tcp, ENCAP),
	MASK_ERR(m_tpid_inexact, vlan_ipv4_udp, ETHERTYPE),
	MASK_ERR(m_tci_no_cfi, vlan_ipv4_udp, VLAN),
	MASK_ERR(m_vlan_untagged, ipv4_tcp, VLAN),
	MASK_ERR(m_vlan_no_encap, vlan_ipv4_udp, VLAN),
	MASK_ERR(m_l3_outside_encap, vlan_ipv4_udp, IPV4),
	MASK_ERR(m_mpls_too_many, mpls1, MPLS),
	{ "m_ct_mark", ipv4_tcp, m_ct_mark, -EOPNOTSUPP, OVS_KEY_ATTR_CT_MARK },
	MASK_ERR(m_trailing, ipv4_tcp, UNSPEC),
	MASK_ERR(m_ipv4_len, ipv4_tcp, IPV4),
};

static void test_errors(void **state)
{
	u32 i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(err_cases); i++) {
		const struct err_case *c = &err_cases[i];
		struct flow_nl_error err = { -1, false, NULL };
		struct flow_key key, mask;
		struct msg k, m;
		int rc;

		msg_init(&k);
		msg_init(&m);
		c->key(&k.b);
		if (c->mask)
			c->mask(&m.b);
		assert_false(k.b.overflow || m.b.overflow);
		rc = flow_nl_parse_match(k.mem, k.b.size,
					 c->mask ? m.mem : NULL, m.b.size,
					 &key, &mask, &err);
		if (rc != c->rc || err.attr != c->attr ||
		    err.in_mask != (c->mask != NULL))
			fail_msg("%s: rc %d attr %d (%s) mask %d: %s", c->name,
				 rc, err.attr, flow_nl_attr_name(err.attr),
				 err.in_mask, err.msg ? err.msg : "(none)");
		assert_non_null(err.msg);
		if (!c->mask)
			assert_int_equal(flow_nl_parse_key(k.mem, k.b.size, &key,
							   NULL, NULL), c->rc);
	}
}

/* The valid builders above are valid: the error cases test what they say. */
static void test_builders_valid(void **state)
{
	void (*valid[])(struct nlbuf *) = { ipv4_tcp, ipv6_ns, vlan_ipv4_udp,
					    mpls1 };
	struct flow_key key, mask;
	struct msg k;
	u32 i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(valid); i++) {
		msg_init(&k);
		valid[i](&k.b);
		assert_int_equal(flow_nl_parse_match(k.mem, k.b.size, NULL, 0,
						     &key, &mask, NULL), 0);
	}
}

static int parse_mask(void (*key_fn)(struct nlbuf *),
		      void (*mask_fn)(struct nlbuf *), struct flow_key *mask)
{
	struct flow_key key;
	struct msg k, m;

	msg_init(&k);
	msg_init(&m);
	key_fn(&k.b);
	mask_fn(&m.b);
	return flow_nl_parse_match(k.mem, k.b.size, m.mem, m.b.size, &key, mask,
				   NULL);
}

CASE(m_empty, (void)b)
CASE(m_in_port_one, nlbuf_put_u32(b, OVS_KEY_ATTR_IN_PORT, 1))
CASE(m_zero_l4, put_zeros(b, OVS_KEY_ATTR_IPV4, 12);
     put_zeros(b, OVS_KEY_ATTR_TCP, 4))
CASE(m_vlan_flat, put_ones(b, OVS_KEY_ATTR_ETHERTYPE, 2))
CASE(m_vlan_vid, put_tag(b, 0xffff, 0x1fff, inner_mask_ipv4_udp))

/* Mask semantics: absent means wildcard, zero means absent, IN_PORT and
 * ETHERTYPE are all or nothing, tags always match TCI and TPID. */
static void test_mask_semantics(void **state)
{
	struct flow_key mask, zero;

	(void)state;
	memset(&zero, 0, sizeof zero);
	assert_int_equal(parse_mask(ipv4_tcp, m_empty, &mask), 0);
	zero.vlan[0].tci = zero.vlan[1].tci = DP_BE16(0xffff);
	assert_memory_equal(&mask, &zero, sizeof mask);

	assert_int_equal(parse_mask(ipv4_tcp, m_in_port_one, &mask), 0);
	assert_int_equal(mask.in_port, 0xffffffff);

	assert_int_equal(parse_mask(ipv4_tcp, m_zero_l4, &mask), 0);
	assert_int_equal(mask.ip.proto, 0);

	assert_int_equal(parse_mask(vlan_ipv4_udp, m_vlan_flat, &mask), 0);
	assert_int_equal(mask.eth_type, DP_BE16(0xffff));
	assert_int_equal(mask.vlan[0].tci, DP_BE16(0xffff));
	assert_int_equal(mask.vlan[0].tpid, DP_BE16(0xffff));

	assert_int_equal(parse_mask(vlan_ipv4_udp, m_vlan_vid, &mask), 0);
	assert_int_equal(mask.vlan[0].tci, DP_BE16(0x1fff));
	assert_int_equal(mask.eth_type, DP_BE16(0xffff));
	assert_int_equal(mask.ipv4.src, DP_BE32(0xffffffff));
	assert_int_equal(mask.tp.dst, DP_BE16(0xffff));
}

/* Without a mask, every field the key's attributes carry is exact. */
static void test_exact_mask(void **state)
{
	struct flow_key key, mask;
	u64 present;
	struct msg k;

	(void)state;
	msg_init(&k);
	ipv6_ns(&k.b);
	assert_int_equal(flow_nl_parse_key(k.mem, k.b.size, &key, &present,
					   NULL), 0);
	assert_int_equal(present, BIT(ETHERNET) | BIT(ETHERTYPE) | BIT(IPV6) |
				  BIT(ICMPV6) | BIT(ND));
	assert_int_equal(flow_nl_parse_match(k.mem, k.b.size, NULL, 0, &key,
					     &mask, NULL), 0);
	assert_int_equal(mask.in_port, 0);      /* not in the key */
	assert_int_equal(mask.ip.proto, 0xff);
	assert_int_equal(mask.ipv6.label, DP_BE32(0xffffffff));
	assert_int_equal(mask.ipv6.exthdrs, 0); /* not in the key */
	assert_int_equal(mask.tp.src, DP_BE16(0xff));
	assert_int_equal(mask.ipv6.nd_tll[5], 0xff);
}

/* Whether 'pkt' is in the flow ('key', 'mask'), as the flow table sees it. */
static bool in_flow(const struct flow_key *pkt, const struct flow_key *key,
		    const struct flow_key *mask)
{
	const u8 *p = (const u8 *)pkt, *k = (const u8 *)key;
	const u8 *m = (const u8 *)mask;

	for (size_t i = 0; i < sizeof *pkt; i++)
		if ((p[i] & m[i]) != (k[i] & m[i]))
			return false;
	return true;
}

/* 'key' and 'mask', encoded and decoded into 'k2' and 'm2'; the mask must
 * come back as it was. */
static void mask_round_trip(const struct flow_key *key,
			    const struct flow_key *mask, struct flow_key *k2,
			    struct flow_key *m2)
{
	struct msg km, mm;

	encode_key(&km, key);
	encode_mask(&mm, key, mask);
	assert_int_equal(flow_nl_parse_match(km.mem, km.b.size, mm.mem,
					     mm.b.size, k2, m2, NULL), 0);
	assert_memory_equal(m2, mask, sizeof *mask);
}

/* As upstream: a mask of n label entries takes packets with n labels or
 * more, and encodes as n entries. */
static void test_mpls_label_count(void **state)
{
	struct flow_key key, mask, k2, m2, pkt[4];
	void (*stack[4])(struct frame *) = {
		f_mpls0, f_mpls1, f_mpls2, f_mpls3
	};
	struct frame f;
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		stack[i](&f);
		key_from_frame(&f, &pkt[i]);
	}
	/* Two entries, matching the top label's value only. */
	key = pkt[2];
	memset(&mask, 0, sizeof mask);
	mask.eth_type = DP_BE16(0xffff);
	mask.vlan[0].tci = mask.vlan[1].tci = DP_BE16(0xffff); /* always */
	mask.mpls.lse[0] = cpu_to_be32(MPLS_LABEL_MASK);
	mask.mpls.held = flow_mpls_held(2);
	mask_round_trip(&key, &mask, &k2, &m2);
	assert_false(in_flow(&pkt[0], &k2, &m2));
	assert_false(in_flow(&pkt[1], &k2, &m2));
	assert_true(in_flow(&pkt[2], &k2, &m2));
	assert_true(in_flow(&pkt[3], &k2, &m2));

	/* One entry of a 3-label key: one label or more, and so again. */
	key = pkt[3];
	mask.mpls.held = flow_mpls_held(1);
	mask_round_trip(&key, &mask, &k2, &m2);
	assert_true(in_flow(&pkt[1], &k2, &m2));
	assert_false(in_flow(&pkt[0], &k2, &m2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_protocols),
		cmocka_unit_test(test_protocol_fields),
		cmocka_unit_test(test_802_3_exact_mask),
		cmocka_unit_test(test_bytes_tcp),
		cmocka_unit_test(test_bytes_vlan_mask),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_attr_names),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_builders_valid),
		cmocka_unit_test(test_mask_semantics),
		cmocka_unit_test(test_exact_mask),
		cmocka_unit_test(test_mpls_label_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
