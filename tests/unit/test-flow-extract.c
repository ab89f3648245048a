/* Flow-key extraction: every protocol, and truncated/malformed variants. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "flow.h"
#include "frame-builder.h"

#define MAC_A "\x02\0\0\0\0\x01"
#define MAC_B "\x02\0\0\0\0\x02"

static const u8 ip6_a[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const u8 ip6_b[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };

/* Extracts from an exact-size heap copy, so that AddressSanitizer reports
 * any read past the end of the frame. */
static int extract(const struct frame *f, u32 len, struct flow_key *key,
		   struct flow_offsets *ofs)
{
	u8 *copy = malloc(len ? len : 1);
	int err;

	memcpy(copy, f->data, len);
	memset(key, 0xa5, sizeof *key);
	key->in_port = 7;
	key->recirc_id = key->dp_hash = key->skb_mark = key->priority = 0;
	err = flow_extract(copy, len, key, ofs);
	free(copy);
	return err;
}

static void eth_ip4(struct frame *f, u8 proto, u16 frag_off)
{
	frame_init(f);
	frame_eth(f, MAC_B, MAC_A, ETH_TYPE_IP);
	frame_ipv4(f, 0x0a000001, 0x0a000002, proto, 64, 0x10, frag_off);
}

static void eth_ip6(struct frame *f, u8 next)
{
	frame_init(f);
	frame_eth(f, MAC_B, MAC_A, ETH_TYPE_IPV6);
	frame_ipv6(f, ip6_a, ip6_b, next, 255, 0xb8, 0x12345);
}

static void test_tcp_ipv4(void **state)
{
	struct frame f;
	struct flow_key key;
	struct flow_offsets ofs;

	eth_ip4(&f, IPPROTO_NUM_TCP, 0);
	frame_tcp(&f, 1234, 80, TCP_SYN | TCP_ACK);
	frame_finish(&f);

	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.in_port, 7);
	assert_memory_equal(key.eth_src, MAC_A, 6);
	assert_memory_equal(key.eth_dst, MAC_B, 6);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_IP);
	assert_int_equal(key.vlan[0].tci, 0);
	assert_int_equal(be32_to_cpu(key.ipv4.src), 0x0a000001);
	assert_int_equal(be32_to_cpu(key.ipv4.dst), 0x0a000002);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_TCP);
	assert_int_equal(key.ip.ttl, 64);
	assert_int_equal(key.ip.tos, 0x10);
	assert_int_equal(key.ip.frag, OVS_FRAG_TYPE_NONE);
	assert_int_equal(be16_to_cpu(key.tp.src), 1234);
	assert_int_equal(be16_to_cpu(key.tp.dst), 80);
	assert_int_equal(be16_to_cpu(key.tp.flags), TCP_SYN | TCP_ACK);
	assert_int_equal(ofs.l3, 14);
	assert_int_equal(ofs.l4, 34);
	assert_int_equal(ofs.l7, 54);
	assert_int_equal(ofs.l2_5, FLOW_OFS_NONE);
	assert_int_equal(key.pad0, 0);
	assert_int_equal(key.tp.pad, 0);
}

static void test_udp_sctp_icmp(void **state)
{
	struct frame f;
	struct flow_key key;
	struct flow_offsets ofs;

	eth_ip4(&f, IPPROTO_NUM_UDP, 0);
	frame_udp(&f, 53, 5353);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_UDP);
	assert_int_equal(be16_to_cpu(key.tp.src), 53);
	assert_int_equal(be16_to_cpu(key.tp.dst), 5353);
	assert_int_equal(key.tp.flags, 0);
	assert_int_equal(ofs.l7, 42);

	eth_ip4(&f, IPPROTO_NUM_SCTP, 0);
	frame_sctp(&f, 3868, 2905);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(be16_to_cpu(key.tp.src), 3868);
	assert_int_equal(be16_to_cpu(key.tp.dst), 2905);

	eth_ip4(&f, IPPROTO_NUM_ICMP, 0);
	frame_icmp(&f, 8, 0);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(be16_to_cpu(key.tp.src), 8);
	assert_int_equal(be16_to_cpu(key.tp.dst), 0);

	/* An unknown transport: no ports, but the L4 offset is known. */
	eth_ip4(&f, 47, 0);
	frame_put(&f, NULL, 8);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ip.proto, 47);
	assert_int_equal(key.tp.src | key.tp.dst, 0);
	assert_int_equal(ofs.l4, 34);
}

static void test_ipv4_options_and_padding(void **state)
{
	static const u8 opts[8] = { 0x94, 0x04, 0, 0, 0x01, 0x01, 0x01, 0x00 };
	struct frame f;
	struct flow_key key;
	struct flow_offsets ofs;

	frame_init(&f);
	frame_eth(&f, MAC_B, MAC_A, ETH_TYPE_IP);
	frame_ipv4_opts(&f, 1, 2, IPPROTO_NUM_UDP, 1, 0, 0, opts, sizeof opts);
	frame_udp(&f, 1, 2);
	frame_finish(&f);
	frame_put(&f, "\xff\xff\xff\xff", 4);   /* Ethernet padding */
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(ofs.l4, 14 + 28);
	assert_int_equal(be16_to_cpu(key.tp.dst), 2);

	/* The UDP header lies past tot_len: the padding is not parsed. */
	f.data[14 + 3] = 28;
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(be32_to_cpu(key.ipv4.dst), 2);
	assert_int_equal(key.tp.src | key.tp.dst, 0);
}

static void test_ipv4_malformed(void **state)
{
	struct frame f;
	struct flow_key key;
	struct flow_offsets ofs;

	eth_ip4(&f, IPPROTO_NUM_TCP, 0);
	frame_tcp(&f, 1, 2, TCP_SYN);
	frame_finish(&f);

	/* ihl below 5, ihl beyond the frame, wrong version, tot_len below
	 * ihl: each leaves only L2. */
	static const struct { int ofs; u8 val; } bad[] = {
		{ 14, 0x44 }, { 14, 0x4f }, { 14, 0x55 }, { 17, 0x10 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct frame g = f;

		g.data[bad[i].ofs] = bad[i].val;
		assert_int_equal(extract(&g, g.len, &key, &ofs), 0);
		assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_IP);
		assert_int_equal(key.ipv4.src | key.ipv4.dst, 0);
		assert_int_equal(key.ip.proto, 0);
		assert_int_equal(key.tp.src, 0);
		assert_int_equal(ofs.l3, 14);
		assert_int_equal(ofs.l4, FLOW_OFS_NONE);
	}

	/* tot_len beyond the frame (a capture cut short): what fits counts. */
	f.data[16] = 0xff;
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(be32_to_cpu(key.ipv4.dst), 0x0a000002);
	assert_int_equal(be16_to_cpu(key.tp.dst), 2);
	f.data[16] = 0;

	/* A TCP data offset below 5 words: the ports are not trusted. */
	f.data[34 + 12] = 0x40;
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_TCP);
	assert_int_equal(key.tp.src | key.tp.dst | key.tp.flags, 0);
}

static void test_ipv4_fragments(void **state)
{
	struct frame f;
	struct flow_key key;

	eth_ip4(&f, IPPROTO_NUM_UDP, IPV4_MORE_FRAGS);
	frame_udp(&f, 7, 9);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(key.ip.frag, OVS_FRAG_TYPE_FIRST);
	assert_int_equal(be16_to_cpu(key.tp.dst), 9);

	eth_ip4(&f, IPPROTO_NUM_UDP, 185);
	frame_udp(&f, 7, 9);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(key.ip.frag, OVS_FRAG_TYPE_LATER);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_UDP);
	assert_int_equal(key.tp.src | key.tp.dst, 0);
}

static void test_vlan_and_qinq(void **state)
{
	struct frame f;
	struct flow_key key;
	struct flow_offsets ofs;

	frame_init(&f);
	frame_eth(&f, MAC_B, MAC_A, ETH_TYPE_VLAN);
	frame_vlan(&f, 3 << VLAN_PCP_SHIFT | 100, ETH_TYPE_IP);
	frame_ipv4(&f, 1, 2, IPPROTO_NUM_UDP, 64, 0, 0);
	frame_udp(&f, 10, 20);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(be16_to_cpu(key.vlan[0].tpid), ETH_TYPE_VLAN);
	assert_int_equal(be16_to_cpu(key.vlan[0].tci), VLAN_CFI | 3 << 13 | 100);
	assert_int_equal(key.vlan[1].tci, 0);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_IP);
	assert_int_equal(ofs.l3, 18);
	assert_int_equal(be16_to_cpu(key.tp.dst), 20);

	frame_init(&f);
	frame_eth(&f, MAC_B, MAC_A, ETH_TYPE_VLAN_8021AD);
	frame_vlan(&f, 200, ETH_TYPE_VLAN);
	frame_vlan(&f, 5 << VLAN_PCP_SHIFT | 300, ETH_TYPE_IPV6);
	frame_ipv6(&f, ip6_a, ip6_b, IPPROTO_NUM_TCP, 9, 0, 0);
	frame_tcp(&f, 22, 2222, TCP_FIN);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(be16_to_cpu(key.vlan[0].tpid), ETH_TYPE_VLAN_8021AD);
	assert_int_equal(be16_to_cpu(key.vlan[0].tci), VLAN_CFI | 200);
	assert_int_equal(be16_to_cpu(key.vlan[1].tpid), ETH_TYPE_VLAN);
	assert_int_equal(be16_to_cpu(key.vlan[1].tci), VLAN_CFI | 5 << 13 | 300);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_IPV6);
	assert_int_equal(ofs.l3, 22);
	assert_int_equal(be16_to_cpu(key.tp.src), 22);

	/* A third tag is not parsed: its TPID becomes the key's eth_type. */
	frame_init(&f);
	frame_eth(&f, MAC_B, MAC_A, ETH_TYPE_VLAN);
	frame_vlan(&f, 1, ETH_TYPE_VLAN);
	frame_vlan(&f, 2, ETH_TYPE_VLAN);
	frame_vlan(&f, 3, ETH_TYPE_IP);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_VLAN);
	assert_int_equal(ofs.l3, FLOW_OFS_NONE);

	/* A tag cut short leaves the TPID as the type and no tag. */
	frame_init(&f);
	frame_eth(&f, MAC_B, MAC_A, ETH_TYPE_VLAN);
	frame_put(&f, "\x00", 1);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_VLAN);
	assert_int_equal(key.vlan[0].tci, 0);
}

static void test_mpls(void **state)
{
	struct frame f;
	struct flow_key key;
	struct flow_offsets ofs;
	int depth;

	for (depth = 1; depth <= 4; depth++) {
		frame_init(&f);
		frame_eth(&f, MAC_B, MAC_A, ETH_TYPE_MPLS);
		for (int i = 0; i < depth; i++)
			frame_mpls(&f, 100 + i, i, i == depth - 1, 64 - i);
		frame_ipv4(&f, 1, 2, IPPROTO_NUM_UDP, 64, 0, 0);
		frame_finish(&f);
		assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
		assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_MPLS);
		assert_int_equal(key.mpls.held,
				 flow_mpls_held(depth < 3 ? depth : 3));
		for (u32 i = 0; i < flow_mpls_count(key.mpls.held); i++) {
			u32 lse = be32_to_cpu(key.mpls.lse[i]);

			assert_int_equal(lse >> MPLS_LABEL_SHIFT, 100 + i);
			assert_int_equal((lse & MPLS_TC_MASK) >> MPLS_TC_SHIFT, i);
			assert_int_equal(lse & MPLS_TTL_MASK, 64 - i);
		}
		assert_int_equal(ofs.l2_5, 14);
		assert_int_equal(ofs.l3, 14 + 4 * depth);
		assert_int_equal(ofs.l4, FLOW_OFS_NONE);
	}

	/* No bottom of stack before the end: labels kept, no L3. */
	frame_init(&f);
	frame_eth(&f, MAC_B, MAC_A, ETH_TYPE_MPLS_MCAST);
	frame_mpls(&f, 5, 0, false, 1);
	frame_mpls(&f, 6, 0, false, 1);
	frame_put(&f, "\x01", 1);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.mpls.held, flow_mpls_held(2));
	assert_int_equal(ofs.l3, FLOW_OFS_NONE);
}

static void test_arp(void **state)
{
	struct frame f;
	struct flow_key key;

	frame_init(&f);
	frame_eth(&f, "\xff\xff\xff\xff\xff\xff", MAC_A, ETH_TYPE_ARP);
	frame_arp(&f, 1, MAC_A, 0x0a000001, "\0\0\0\0\0\0", 0x0a000002);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(key.ip.proto, 1);
	assert_int_equal(be32_to_cpu(key.arp.sip), 0x0a000001);
	assert_int_equal(be32_to_cpu(key.arp.tip), 0x0a000002);
	assert_memory_equal(key.arp.sha, MAC_A, 6);
	assert_memory_equal(key.arp.tha, "\0\0\0\0\0\0", 6);

	/* RARP uses the same layout. */
	f.data[12] = 0x80, f.data[13] = 0x35;
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_RARP);
	assert_int_equal(be32_to_cpu(key.arp.sip), 0x0a000001);

	/* An opcode above 255 does not fit the key's proto byte. */
	f.data[14 + 6] = 0x01;
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(key.ip.proto, 0);

	/* Not Ethernet/IPv4 ARP, or cut short: no ARP fields. */
	f.data[14 + 6] = 0x00;
	f.data[14 + 1] = 6;
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(key.arp.sip | key.arp.tip | key.ip.proto, 0);
	f.data[14 + 1] = 1;
	assert_int_equal(extract(&f, f.len - 1, &key, NULL), 0);
	assert_int_equal(key.arp.sip, 0);
}

static void test_llc_snap(void **state)
{
	struct frame f;
	struct flow_key key;

	frame_init(&f);
	frame_eth(&f, MAC_B, MAC_A, 46);
	frame_put(&f, "\x42\x42\x03", 3);       /* STP over LLC */
	frame_put(&f, NULL, 43);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_802_2);

	frame_init(&f);
	frame_eth(&f, MAC_B, MAC_A, 46);
	frame_put(&f, "\xaa\xaa\x03\x00\x00\x00\x08\x00", 8);
	frame_ipv4(&f, 1, 2, IPPROTO_NUM_UDP, 64, 0, 0);
	frame_udp(&f, 1, 2);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_IP);
	assert_int_equal(be32_to_cpu(key.ipv4.dst), 2);
	assert_int_equal(be16_to_cpu(key.tp.dst), 2);

	/* A SNAP header with a non-zero OUI is not an ethertype. */
	f.data[17] = 0x01;
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_802_2);
}

static void test_ipv6_tcp(void **state)
{
	struct frame f;
	struct flow_key key;
	struct flow_offsets ofs;

	eth_ip6(&f, IPPROTO_NUM_TCP);
	frame_tcp(&f, 443, 5000, TCP_RST | TCP_ACK | TCP_NS);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_memory_equal(key.ipv6.src, ip6_a, 16);
	assert_memory_equal(key.ipv6.dst, ip6_b, 16);
	assert_int_equal(be32_to_cpu(key.ipv6.label), 0x12345);
	assert_int_equal(key.ip.tos, 0xb8);
	assert_int_equal(key.ip.ttl, 255);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_TCP);
	assert_int_equal(be16_to_cpu(key.tp.flags), TCP_RST | TCP_ACK | TCP_NS);
	assert_int_equal(key.ipv6.exthdrs, 0);
	assert_int_equal(ofs.l4, 54);
}

static void test_ipv6_exthdrs(void **state)
{
	struct frame f;
	struct flow_key key;
	struct flow_offsets ofs;

	eth_ip6(&f, IPPROTO_NUM_HOPOPTS);
	frame_ipv6_ext(&f, IPPROTO_NUM_DSTOPTS, 0);
	frame_ipv6_ext(&f, IPPROTO_NUM_ROUTING, 0);
	frame_ipv6_ext(&f, IPPROTO_NUM_FRAGMENT, 1);
	frame_ipv6_frag(&f, IPPROTO_NUM_UDP, 0, true);
	frame_udp(&f, 546, 547);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_UDP);
	assert_int_equal(key.ip.frag, OVS_FRAG_TYPE_FIRST);
	assert_int_equal(key.ipv6.exthdrs,
			 FLOW_EH_HOP | FLOW_EH_DEST | FLOW_EH_ROUTER | FLOW_EH_FRAG);
	assert_int_equal(be16_to_cpu(key.tp.dst), 547);
	assert_int_equal(ofs.l4, 54 + 8 + 8 + 16 + 8);

	/* A later fragment: proto is the next header, no ports. */
	eth_ip6(&f, IPPROTO_NUM_FRAGMENT);
	frame_ipv6_frag(&f, IPPROTO_NUM_TCP, 100, false);
	frame_tcp(&f, 1, 2, 0);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ip.frag, OVS_FRAG_TYPE_LATER);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_TCP);
	assert_int_equal(key.tp.src | key.tp.dst, 0);

	/* Hop-by-hop not first, a repeated routing header. */
	eth_ip6(&f, IPPROTO_NUM_ROUTING);
	frame_ipv6_ext(&f, IPPROTO_NUM_ROUTING, 0);
	frame_ipv6_ext(&f, IPPROTO_NUM_HOPOPTS, 0);
	frame_ipv6_ext(&f, IPPROTO_NUM_ICMPV6, 0);
	frame_icmp(&f, 128, 0);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_ICMPV6);
	assert_int_equal(be16_to_cpu(key.tp.src), 128);
	assert_int_equal(key.ipv6.exthdrs, FLOW_EH_ROUTER | FLOW_EH_HOP |
			 FLOW_EH_UNREP | FLOW_EH_UNSEQ);

	/* Destination options before and after routing are legal. */
	eth_ip6(&f, IPPROTO_NUM_DSTOPTS);
	frame_ipv6_ext(&f, IPPROTO_NUM_ROUTING, 0);
	frame_ipv6_ext(&f, IPPROTO_NUM_DSTOPTS, 0);
	frame_ipv6_ext(&f, IPPROTO_NUM_NONE, 0);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_NONE);
	assert_int_equal(key.ipv6.exthdrs,
			 FLOW_EH_DEST | FLOW_EH_ROUTER | FLOW_EH_NONEXT);

	/* Two of them after routing are one too many. */
	eth_ip6(&f, IPPROTO_NUM_ROUTING);
	frame_ipv6_ext(&f, IPPROTO_NUM_DSTOPTS, 0);
	frame_ipv6_ext(&f, IPPROTO_NUM_DSTOPTS, 0);
	frame_ipv6_ext(&f, IPPROTO_NUM_NONE, 0);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ipv6.exthdrs, FLOW_EH_DEST | FLOW_EH_ROUTER |
			 FLOW_EH_NONEXT | FLOW_EH_UNREP);

	/* AH then ESP: the walk stops at ESP. */
	eth_ip6(&f, IPPROTO_NUM_AH);
	frame_ipv6_ext(&f, IPPROTO_NUM_ESP, 1);      /* 12 bytes: len 1 */
	frame_put(&f, NULL, 16);
	frame_finish(&f);
	f.data[54 + 1] = 1;
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_ESP);
	assert_int_equal(key.ipv6.exthdrs, FLOW_EH_AUTH | FLOW_EH_ESP);
	assert_int_equal(ofs.l4, FLOW_OFS_NONE);

	/* An extension header longer than the packet. */
	eth_ip6(&f, IPPROTO_NUM_HOPOPTS);
	frame_ipv6_ext(&f, IPPROTO_NUM_TCP, 0);
	frame_finish(&f);
	f.data[54 + 1] = 4;
	assert_int_equal(extract(&f, f.len, &key, &ofs), 0);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_HOPOPTS);
	assert_int_equal(key.ipv6.exthdrs, FLOW_EH_HOP);
	assert_memory_equal(key.ipv6.dst, ip6_b, 16);
}

static void test_ipv6_malformed(void **state)
{
	struct frame f;
	struct flow_key key;

	eth_ip6(&f, IPPROTO_NUM_UDP);
	frame_udp(&f, 1, 2);
	frame_finish(&f);
	f.data[14] = 0x40;                      /* version 4 */
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(key.ip.proto, 0);
	assert_int_equal(key.ipv6.src[0], 0);

	f.data[14] = 0x6b;
	f.data[19] = 200;                       /* payload beyond the frame */
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_UDP);
	assert_int_equal(be16_to_cpu(key.tp.dst), 2);
}

static void nd_frame(struct frame *f, u8 type)
{
	eth_ip6(f, IPPROTO_NUM_ICMPV6);
	frame_nd(f, type, ip6_b);
}

static void test_nd(void **state)
{
	struct frame f;
	struct flow_key key;

	nd_frame(&f, ICMPV6_NS);
	frame_nd_opt(&f, ND_OPT_SLL, MAC_A);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(be16_to_cpu(key.tp.src), ICMPV6_NS);
	assert_memory_equal(key.ipv6.nd_target, ip6_b, 16);
	assert_memory_equal(key.ipv6.nd_sll, MAC_A, 6);
	assert_memory_equal(key.ipv6.nd_tll, "\0\0\0\0\0\0", 6);

	nd_frame(&f, ICMPV6_NA);
	frame_nd_opt(&f, ND_OPT_TLL, MAC_B);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_memory_equal(key.ipv6.nd_tll, MAC_B, 6);

	/* Two SLL options, or an option of length zero: all ND fields clear. */
	nd_frame(&f, ICMPV6_NS);
	frame_nd_opt(&f, ND_OPT_SLL, MAC_A);
	frame_nd_opt(&f, ND_OPT_SLL, MAC_B);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_int_equal(be16_to_cpu(key.tp.src), ICMPV6_NS);
	assert_memory_equal(key.ipv6.nd_target, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
	assert_memory_equal(key.ipv6.nd_sll, "\0\0\0\0\0\0", 6);

	nd_frame(&f, ICMPV6_NS);
	frame_nd_opt(&f, ND_OPT_SLL, MAC_A);
	frame_finish(&f);
	f.data[f.len - 7] = 0;
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_memory_equal(key.ipv6.nd_sll, "\0\0\0\0\0\0", 6);

	/* A tail shorter than an option is ignored, as upstream does. */
	nd_frame(&f, ICMPV6_NS);
	frame_nd_opt(&f, ND_OPT_SLL, MAC_A);
	frame_put(&f, NULL, 4);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_memory_equal(key.ipv6.nd_sll, MAC_A, 6);

	/* Unknown options are skipped. */
	nd_frame(&f, ICMPV6_NA);
	frame_nd_opt(&f, 14, MAC_A);
	frame_nd_opt(&f, ND_OPT_TLL, MAC_B);
	frame_finish(&f);
	assert_int_equal(extract(&f, f.len, &key, NULL), 0);
	assert_memory_equal(key.ipv6.nd_tll, MAC_B, 6);
}

static void test_short_frames(void **state)
{
	struct frame f;
	struct flow_key key;

	frame_init(&f);
	frame_eth(&f, MAC_B, MAC_A, ETH_TYPE_IP);
	assert_int_equal(extract(&f, 13, &key, NULL), -EINVAL);
	assert_int_equal(key.in_port, 7);
	assert_int_equal(key.eth_type, 0);
	assert_int_equal(extract(&f, 0, &key, NULL), -EINVAL);
	assert_int_equal(extract(&f, 14, &key, NULL), 0);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_IP);
}

/* Every prefix of a few rich frames parses without reading past its end
 * (checked by ASan in the sanitizer build), and a field once known keeps
 * its value as the prefix grows to the header's full length. */
static void test_every_truncation(void **state)
{
	struct frame frames[4];
	struct flow_key full, key;

	frame_init(&frames[0]);
	frame_eth(&frames[0], MAC_B, MAC_A, ETH_TYPE_VLAN_8021AD);
	frame_vlan(&frames[0], 10, ETH_TYPE_VLAN);
	frame_vlan(&frames[0], 20, ETH_TYPE_IP);
	frame_ipv4(&frames[0], 1, 2, IPPROTO_NUM_TCP, 64, 0, 0);
	frame_tcp(&frames[0], 1, 2, TCP_SYN);
	frame_finish(&frames[0]);

	nd_frame(&frames[1], ICMPV6_NS);
	frame_nd_opt(&frames[1], ND_OPT_SLL, MAC_A);
	frame_finish(&frames[1]);

	eth_ip6(&frames[2], IPPROTO_NUM_HOPOPTS);
	frame_ipv6_ext(&frames[2], IPPROTO_NUM_FRAGMENT, 0);
	frame_ipv6_frag(&frames[2], IPPROTO_NUM_SCTP, 0, true);
	frame_sctp(&frames[2], 5, 6);
	frame_finish(&frames[2]);

	frame_init(&frames[3]);
	frame_eth(&frames[3], MAC_B, MAC_A, ETH_TYPE_MPLS);
	frame_mpls(&frames[3], 1, 0, false, 1);
	frame_mpls(&frames[3], 2, 0, true, 1);

	for (size_t i = 0; i < ARRAY_SIZE(frames); i++) {
		assert_int_equal(extract(&frames[i], frames[i].len, &full, NULL), 0);
		for (u32 len = 0; len < frames[i].len; len++) {
			int err = extract(&frames[i], len, &key, NULL);

			assert_int_equal(err, len < 14 ? -EINVAL : 0);
			if (len >= 14) {
				assert_memory_equal(key.eth_src, full.eth_src, 6);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp_ipv4),
		cmocka_unit_test(test_udp_sctp_icmp),
		cmocka_unit_test(test_ipv4_options_and_padding),
		cmocka_unit_test(test_ipv4_malformed),
		cmocka_unit_test(test_ipv4_fragments),
		cmocka_unit_test(test_vlan_and_qinq),
		cmocka_unit_test(test_mpls),
		cmocka_unit_test(test_arp),
		cmocka_unit_test(test_llc_snap),
		cmocka_unit_test(test_ipv6_tcp),
		cmocka_unit_test(test_ipv6_exthdrs),
		cmocka_unit_test(test_ipv6_malformed),
		cmocka_unit_test(test_nd),
		cmocka_unit_test(test_short_frames),
		cmocka_unit_test(test_every_truncation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
