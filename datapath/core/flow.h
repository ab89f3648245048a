/* The flow key: every field of a packet that a megaflow can match on.
 *
 * The layout is fixed and free of implicit padding so that a key can be
 * masked, hashed and compared as an array of 64-bit words.  Fields the packet
 * does not have are zero.  Which fields are meaningful follows from eth_type,
 * ip.proto and the VLAN "present" bits, exactly as in the upstream datapath
 * ABI (<linux/openvswitch.h>). */
#ifndef WEIR_DP_FLOW_H
#define WEIR_DP_FLOW_H 1

#include "compat.h"
#include "packets.h"
#include <linux/openvswitch.h>

#define FLOW_MAX_VLANS 2
#define FLOW_MAX_MPLS  3

/* One VLAN tag as the key holds it: tci has VLAN_CFI set when the tag is
 * present (the upstream ABI's convention), so "no tag" is tci == 0. */
struct flow_vlan {
	__be16 tpid;
	__be16 tci;
};

/* Bits of flow_key.ipv6.exthdrs: the OpenFlow 1.3 OFPIEH12_* values. */
#define FLOW_EH_NONEXT 0x001        /* "no next header" seen */
#define FLOW_EH_ESP    0x002
#define FLOW_EH_AUTH   0x004
#define FLOW_EH_DEST   0x008
#define FLOW_EH_FRAG   0x010
#define FLOW_EH_ROUTER 0x020
#define FLOW_EH_HOP    0x040
#define FLOW_EH_UNREP  0x080        /* a header repeated unexpectedly */
#define FLOW_EH_UNSEQ  0x100        /* headers out of the RFC 8200 order */

struct flow_key {
	/* Metadata, set by the caller before extraction and kept by it. */
	u32 recirc_id;
	u32 dp_hash;
	u32 in_port;
	u32 skb_mark;
	u32 priority;

	/* Ethernet.  eth_type is the innermost type after any VLAN tags:
	 * an ethertype, or ETH_TYPE_802_2 for 802.3 frames without SNAP. */
	u8 eth_src[ETH_ADDR_LEN];
	u8 eth_dst[ETH_ADDR_LEN];
	struct flow_vlan vlan[FLOW_MAX_VLANS];  /* [0] outermost */
	__be16 eth_type;

	/* IPv4 and IPv6 share these; for ARP, proto is the low byte of the
	 * opcode (as upstream). frag is an OVS_FRAG_TYPE_* value. */
	struct {
		u8 proto;
		u8 tos;
		u8 ttl;
		u8 frag;
	} ip;
	u16 pad0;

	/* Transport ports; ICMP and ICMPv6 put type in src and code in dst. */
	struct {
		__be16 src;
		__be16 dst;
		__be16 flags;               /* TCP flags, TCP_FLAGS_MASK bits */
		u16 pad;
	} tp;

	union {
		struct {
			__be32 src;
			__be32 dst;
		} ipv4;
		struct {
			__be32 sip;
			__be32 tip;
			u8 sha[ETH_ADDR_LEN];
			u8 tha[ETH_ADDR_LEN];
		} arp;
		struct {
			__be32 lse[FLOW_MAX_MPLS];  /* [0] outermost */
			/* Bit i: lse[i] is held (0, 1, 3 or 7), upstream's
			 * num_labels_mask, so that a mask of it matches "at
			 * least these labels". */
			u32 held;
		} mpls;
		struct {
			u8 src[16];
			u8 dst[16];
			__be32 label;           /* low 20 bits */
			u16 exthdrs;            /* FLOW_EH_* */
			u16 pad;
			u8 nd_target[16];
			u8 nd_sll[ETH_ADDR_LEN];
			u8 nd_tll[ETH_ADDR_LEN];
		} ipv6;
	};
} __attribute__((aligned(8)));

/* Where the headers of a parsed packet start, as offsets from the Ethernet
 * header; FLOW_OFS_NONE when absent. */
#define FLOW_OFS_NONE 0xffff
struct flow_offsets {
	u16 l2_5;       /* first MPLS label stack entry */
	u16 l3;         /* IP or ARP header */
	u16 l4;         /* transport header */
	u16 l7;         /* first byte after the transport header */
};

/* After 'delta' bytes were inserted (or, negative, removed) at 'from': the
 * offsets at or after it move with their headers, and those inside removed
 * bytes become absent.  Shared by every home's packet buffer. */
static inline void flow_offsets_shift(struct flow_offsets *o, u32 from,
				      s32 delta)
{
	u16 *ofs[] = { &o->l2_5, &o->l3, &o->l4, &o->l7 };
	u32 i;

	for (i = 0; i < ARRAY_SIZE(ofs); i++) {
		if (*ofs[i] == FLOW_OFS_NONE || *ofs[i] < from)
			continue;
		if (delta < 0 && *ofs[i] < from - delta)
			*ofs[i] = FLOW_OFS_NONE;
		else
			*ofs[i] += delta;
	}
}

/* After the data was cut to 'size' bytes: offsets past the end are absent. */
static inline void flow_offsets_clip(struct flow_offsets *o, u32 size)
{
	u16 *ofs[] = { &o->l2_5, &o->l3, &o->l4, &o->l7 };
	u32 i;

	for (i = 0; i < ARRAY_SIZE(ofs); i++)
		if (*ofs[i] != FLOW_OFS_NONE && *ofs[i] > size)
			*ofs[i] = FLOW_OFS_NONE;
}

static inline bool flow_eth_type_is_mpls(__be16 type)
{
	return type == DP_BE16(ETH_TYPE_MPLS) ||
	       type == DP_BE16(ETH_TYPE_MPLS_MCAST);
}

/* mpls.held for a stack of 'n' labels (n <= FLOW_MAX_MPLS). */
static inline u32 flow_mpls_held(u32 n)
{
	return (1u << n) - 1;
}

/* The number of labels that a (masked) mpls.held holds. */
static inline u32 flow_mpls_count(u32 held)
{
	return (held & 1) + (held >> 1 & 1) + (held >> 2 & 1);
}

static inline bool flow_eth_type_is_vlan(__be16 type)
{
	return type == DP_BE16(ETH_TYPE_VLAN) ||
	       type == DP_BE16(ETH_TYPE_VLAN_8021AD);
}

/* Parses the Ethernet frame data[0..len) into 'key' and, when 'ofs' is not
 * NULL, header offsets.  The metadata fields of 'key' are kept; all others are
 * rewritten.  Never reads outside the frame: a truncated or malformed header
 * ends parsing and leaves the fields known so far.  Returns 0, or -EINVAL if
 * the frame is shorter than an Ethernet header (the key then holds only the
 * metadata). */
int flow_extract(const u8 *data, u32 len, struct flow_key *key,
		 struct flow_offsets *ofs);

#endif /* WEIR_DP_FLOW_H */
