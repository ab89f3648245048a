/* Frames with every checksum right, and checksums verified from scratch:
 * for the action tests and the action fuzzer.  The arithmetic here is a
 * plain independent rewrite (big-endian words, a bitwise CRC32c), so that
 * it checks datapath/core/csum.c and crc32c.c rather than repeats them. */
#ifndef WEIR_TEST_PACKET_CHECK_H
#define WEIR_TEST_PACKET_CHECK_H 1

#include <stdbool.h>
#include <string.h>
#include "flow.h"
#include "frame-builder.h"

#define PC_MAC_A "\x02\0\0\0\0\x01"
#define PC_MAC_B "\x02\0\0\0\0\x02"
#define PC_IP4_A 0x0a000001
#define PC_IP4_B 0x0a000002
static const u8 pc_ip6_a[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const u8 pc_ip6_b[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };

static inline u32 pc_sum(u32 acc, const u8 *p, u32 n)
{
	u32 i;

	for (i = 0; i + 1 < n; i += 2)
		acc += (u32)p[i] << 8 | p[i + 1];
	if (n & 1)
		acc += (u32)p[n - 1] << 8;
	return acc;
}

static inline u16 pc_fold(u32 acc)
{
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return (u16)acc;
}

static inline u32 pc_crc32c(const u8 *p, u32 n)
{
	u32 c = 0xffffffff;
	int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0x82f63b78 : c >> 1;
	}
	return ~c;
}

/* Where a frame's IP and L4 headers are, from extraction. */
struct pc_layout {
	struct flow_key key;
	struct flow_offsets ofs;
	bool ipv6;
	u32 l4_len;             /* to the end of the IP datagram */
};

static inline bool pc_layout(const u8 *f, u32 len, struct pc_layout *l)
{
	const u8 *ip;
	u32 end;

	memset(&l->key, 0, sizeof l->key);
	if (flow_extract(f, len, &l->key, &l->ofs) ||
	    l->ofs.l3 == FLOW_OFS_NONE || l->ofs.l4 == FLOW_OFS_NONE)
		return false;
	ip = f + l->ofs.l3;
	l->ipv6 = l->key.eth_type == DP_BE16(ETH_TYPE_IPV6);
	if (l->ipv6)
		end = l->ofs.l3 + IPV6_HEADER_LEN + (ip[4] << 8 | ip[5]);
	else if (l->key.eth_type == DP_BE16(ETH_TYPE_IP))
		end = l->ofs.l3 + (ip[2] << 8 | ip[3]);
	else
		return false;
	if (end > len || end < l->ofs.l4)
		return false;
	l->l4_len = end - l->ofs.l4;
	return true;
}

/* The checksum field's offset in the L4 header, and whether the IP
 * pseudo-header counts; -1 when the protocol has no Internet checksum. */
static inline int pc_csum_ofs(const struct pc_layout *l, bool *pseudo)
{
	*pseudo = true;
	switch (l->key.ip.proto) {
	case IPPROTO_NUM_TCP:
		return l->l4_len >= TCP_HEADER_LEN ? 16 : -1;
	case IPPROTO_NUM_UDP:
		return l->l4_len >= UDP_HEADER_LEN ? 6 : -1;
	case IPPROTO_NUM_ICMPV6:
	case IPPROTO_NUM_ICMP:
		*pseudo = l->ipv6;
		return l->l4_len >= ICMP_HEADER_LEN ? 2 : -1;
	}
	return -1;
}

static inline u32 pc_pseudo(const u8 *f, const struct pc_layout *l)
{
	const u8 *ip = f + l->ofs.l3;
	u32 acc = l->key.ip.proto + l->l4_len;

	return l->ipv6 ? pc_sum(acc, ip + 8, 32) : pc_sum(acc, ip + 12, 8);
}

static inline u32 pc_sctp_crc(const u8 *sctp, u32 len)
{
	u8 copy[2048];

	memcpy(copy, sctp, len);
	memset(copy + 8, 0, 4);
	return pc_crc32c(copy, len);
}

/* The IPv4 header checksum verifies (true for frames without one). */
static inline bool pc_ipv4_ok(const u8 *f, u32 len)
{
	struct flow_offsets ofs;
	struct flow_key key;
	u32 hlen;

	memset(&key, 0, sizeof key);
	if (flow_extract(f, len, &key, &ofs) ||
	    key.eth_type != DP_BE16(ETH_TYPE_IP) || ofs.l3 == FLOW_OFS_NONE ||
	    len - ofs.l3 < IPV4_HEADER_LEN)
		return true;
	/* Not an IPv4 header at all (after a pop_mpls that said IPv4 over
	 * something else, say) has no checksum to get wrong. */
	hlen = (f[ofs.l3] & 0xf) * 4u;
	if (f[ofs.l3] >> 4 != 4 || hlen < IPV4_HEADER_LEN || hlen > len - ofs.l3)
		return true;
	return pc_fold(pc_sum(0, f + ofs.l3, hlen)) == 0xffff;
}

/* The L4 checksum (or SCTP CRC) verifies; a zero UDP checksum is "none"
 * and passes.  True for frames without a whole L4 datagram. */
static inline bool pc_l4_ok(const u8 *f, u32 len)
{
	struct pc_layout l;
	const u8 *l4;
	bool pseudo;
	int at;

	if (!pc_layout(f, len, &l) || l.key.ip.frag)
		return true;
	l4 = f + l.ofs.l4;
	if (l.key.ip.proto == IPPROTO_NUM_SCTP && l.l4_len >= SCTP_HEADER_LEN)
		return pc_sctp_crc(l4, l.l4_len) ==
		       (u32)(l4[8] | l4[9] << 8 | l4[10] << 16 | (u32)l4[11] << 24);
	at = pc_csum_ofs(&l, &pseudo);
	if (at < 0)
		return true;
	if (l.key.ip.proto == IPPROTO_NUM_UDP && !l4[6] && !l4[7])
		return true;
	return pc_fold(pc_sum(pseudo ? pc_pseudo(f, &l) : 0, l4, l.l4_len)) ==
	       0xffff;
}

/* A frame after actions: it parses, the offsets the actions kept agree with
 * a fresh parse, and its checksums hold.  'strict': every offset kept must
 * be the parse's; otherwise only where the parse knows the header too (it
 * stops at a third VLAN tag or an unknown ethertype). */
static inline bool pc_sound(const u8 *f, u32 len, const struct flow_offsets *kept,
			    bool strict)
{
	const u16 *mine = &kept->l2_5;
	struct flow_offsets ofs;
	struct flow_key key;
	const u16 *fresh = &ofs.l2_5;
	int i;

	memset(&key, 0, sizeof key);
	if (flow_extract(f, len, &key, &ofs))
		return false;
	for (i = 0; i < 4; i++)
		if (mine[i] != FLOW_OFS_NONE && mine[i] != fresh[i] &&
		    (strict || fresh[i] != FLOW_OFS_NONE))
			return false;
	return pc_ipv4_ok(f, len) && pc_l4_ok(f, len);
}

/* Sets the UDP length and the L4 checksum or CRC of a crafted frame, after
 * frame_finish() (which does the IP lengths and header checksum). */
static inline void pc_fill(u8 *f, u32 len)
{
	struct pc_layout l;
	u8 *l4;
	bool pseudo;
	u16 sum;
	int at;

	if (!pc_layout(f, len, &l))
		return;
	l4 = f + l.ofs.l4;
	if (l.key.ip.proto == IPPROTO_NUM_SCTP) {
		u32 crc = pc_sctp_crc(l4, l.l4_len);

		l4[8] = (u8)crc;
		l4[9] = (u8)(crc >> 8);
		l4[10] = (u8)(crc >> 16);
		l4[11] = (u8)(crc >> 24);
		return;
	}
	at = pc_csum_ofs(&l, &pseudo);
	if (at < 0)
		return;
	if (l.key.ip.proto == IPPROTO_NUM_UDP) {
		l4[4] = (u8)(l.l4_len >> 8);
		l4[5] = (u8)l.l4_len;
	}
	l4[at] = l4[at + 1] = 0;
	sum = (u16)~pc_fold(pc_sum(pseudo ? pc_pseudo(f, &l) : 0, l4, l.l4_len));
	if (!sum && l.key.ip.proto == IPPROTO_NUM_UDP)
		sum = 0xffff;
	l4[at] = (u8)(sum >> 8);
	l4[at + 1] = (u8)sum;
}

/* The frames the action tests start from. */
enum pc_shape {
	PC_TCP4,                /* Ethernet, IPv4, TCP, payload */
	PC_UDP4,
	PC_SCTP4,
	PC_ICMP4,
	PC_TCP6,                /* Ethernet, IPv6, TCP, payload */
	PC_UDP6,
	PC_ICMP6,
	PC_VLAN_TCP4,           /* one 802.1Q tag (VID 10) */
	PC_QINQ_UDP4,           /* 802.1ad VID 20 outside 802.1Q VID 10 */
	PC_MPLS2_UDP4,          /* two labels, 16 then 17, over IPv4/UDP */
	PC_ARP,
	PC_N_SHAPES
};

static inline void pc_l4(struct frame *f, u8 proto)
{
	static const char payload[] = "weir payload 0123456789";

	switch (proto) {
	case IPPROTO_NUM_TCP:
		frame_tcp(f, 1234, 80, TCP_ACK);
		break;
	case IPPROTO_NUM_UDP:
		frame_udp(f, 5000, 53);
		break;
	case IPPROTO_NUM_SCTP:
		frame_sctp(f, 3868, 3868);
		break;
	case IPPROTO_NUM_ICMP:
		frame_icmp(f, 8, 0);
		break;
	case IPPROTO_NUM_ICMPV6:
		frame_icmp(f, 128, 0);
		break;
	}
	frame_put(f, payload, sizeof payload - 1);
}

static inline void pc_frame(struct frame *f, enum pc_shape shape)
{
	static const u8 protos[] = {
		[PC_TCP4] = IPPROTO_NUM_TCP, [PC_UDP4] = IPPROTO_NUM_UDP,
		[PC_SCTP4] = IPPROTO_NUM_SCTP, [PC_ICMP4] = IPPROTO_NUM_ICMP,
		[PC_TCP6] = IPPROTO_NUM_TCP, [PC_UDP6] = IPPROTO_NUM_UDP,
		[PC_ICMP6] = IPPROTO_NUM_ICMPV6, [PC_VLAN_TCP4] = IPPROTO_NUM_TCP,
		[PC_QINQ_UDP4] = IPPROTO_NUM_UDP,
	};

	frame_init(f);
	switch (shape) {
	case PC_TCP6:
	case PC_UDP6:
	case PC_ICMP6:
		frame_eth(f, PC_MAC_B, PC_MAC_A, ETH_TYPE_IPV6);
		frame_ipv6(f, pc_ip6_a, pc_ip6_b, protos[shape], 64, 0x28, 0x12345);
		break;
	case PC_VLAN_TCP4:
		frame_eth(f, PC_MAC_B, PC_MAC_A, ETH_TYPE_VLAN);
		frame_vlan(f, 10, ETH_TYPE_IP);
		break;
	case PC_QINQ_UDP4:
		frame_eth(f, PC_MAC_B, PC_MAC_A, ETH_TYPE_VLAN_8021AD);
		frame_vlan(f, 20, ETH_TYPE_VLAN);
		frame_vlan(f, 10, ETH_TYPE_IP);
		break;
	case PC_MPLS2_UDP4: {
		/* Checksummed as plain IPv4 first, then labelled. */
		struct frame inner;

		pc_frame(&inner, PC_UDP4);
		frame_eth(f, PC_MAC_B, PC_MAC_A, ETH_TYPE_MPLS);
		frame_mpls(f, 16, 1, false, 40);
		frame_mpls(f, 17, 2, true, 41);
		frame_put(f, inner.data + ETH_HEADER_LEN,
			  inner.len - ETH_HEADER_LEN);
		return;
	}
	case PC_ARP:
		frame_eth(f, "\xff\xff\xff\xff\xff\xff", PC_MAC_A, ETH_TYPE_ARP);
		frame_arp(f, 1, PC_MAC_A, PC_IP4_A, "\0\0\0\0\0\0", PC_IP4_B);
		return;
	default:
		frame_eth(f, PC_MAC_B, PC_MAC_A, ETH_TYPE_IP);
		break;
	}
	if (f->ipv6_ofs < 0)
		frame_ipv4(f, PC_IP4_A, PC_IP4_B, protos[shape], 64, 0xb8, 0);
	pc_l4(f, protos[shape]);
	frame_finish(f);
	pc_fill(f->data, f->len);
}

#endif /* WEIR_TEST_PACKET_CHECK_H */
