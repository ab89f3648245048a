/* The OpenFlow view of a packet: every field a match can name.
 *
 * Multi-byte fields are in network byte order, exactly as they travel in
 * NXM/OXM, so the wire codec copies bytes and the field table
 * (ofp-fields.h) needs no per-field code.  The layout is ours and is grouped
 * so that a classifier can look up in stages over 8-byte word ranges:
 *
 *   OF_FLOW_META_OFS  ..  OF_FLOW_L2_OFS    metadata: ports, registers,
 *                                           tunnel, conntrack, marks
 *   OF_FLOW_L2_OFS    ..  OF_FLOW_L3_OFS    Ethernet, VLANs, MPLS, PBB
 *   OF_FLOW_L3_OFS    ..  OF_FLOW_L4_OFS    IPv4/IPv6/ARP
 *   OF_FLOW_L4_OFS    ..  sizeof            TCP/UDP/SCTP/ICMP/ND
 *
 * Every group starts on an 8-byte boundary (asserted below).
 *
 * Tunnel metadata (tun_metadata0-63) is not stored yet.  Its place is the end
 * of the metadata group: a 64-bit "present" bitmap plus a 124-byte value
 * area, with the NXT_TLV_TABLE_MOD mapping giving each option its offset and
 * length in that area; the field table then gets 64 rows whose offset is
 * resolved through that mapping. */
#ifndef OF_FLOW_H
#define OF_FLOW_H 1

#include <stddef.h>
#include <stdint.h>

#define OF_FLOW_N_REGS 16	/* reg0-15; xreg0-7 and xxreg0-3 overlay them. */
#define OF_FLOW_N_VLANS 2	/* vlans[0] is the outermost tag. */

/* One 802.1Q/802.1ad tag: TPID and TCI.  The TCI's CFI bit (0x1000) means
 * "a tag is present", as OpenFlow's OFPVID_PRESENT does. */
struct of_vlan {
	uint16_t tpid;
	uint16_t tci;
};

/* nw_frag bits. */
#define OF_FRAG_ANY	0x01	/* Any fragment. */
#define OF_FRAG_LATER	0x02	/* Not the first fragment. */
#define OF_FRAG_MASK	0x03

/* ct_state bits. */
#define OF_CS_NEW	0x01
#define OF_CS_EST	0x02
#define OF_CS_REL	0x04
#define OF_CS_RPL	0x08
#define OF_CS_INV	0x10
#define OF_CS_TRK	0x20
#define OF_CS_SNAT	0x40
#define OF_CS_DNAT	0x80

#define OF_VLAN_CFI	0x1000
#define OF_TNL_F_OAM	0x0001

struct of_flow {
	/* Metadata. */
	uint32_t packet_type;		/* (namespace << 16) | ns_type. */
	uint32_t in_port;		/* OF1.1+ port number. */
	uint32_t in_phy_port;
	uint32_t actset_output;
	uint32_t regs[OF_FLOW_N_REGS];
	uint64_t metadata;
	uint64_t tun_id;
	uint32_t tun_src;
	uint32_t tun_dst;
	uint8_t tun_ipv6_src[16];
	uint8_t tun_ipv6_dst[16];
	uint16_t tun_flags;
	uint16_t tun_gbp_id;
	uint8_t tun_gbp_flags;
	uint8_t tun_tos;
	uint8_t tun_ttl;
	uint8_t ct_nw_proto;
	uint32_t skb_priority;
	uint32_t pkt_mark;
	uint32_t dp_hash;
	uint32_t recirc_id;
	uint32_t conj_id;
	uint32_t ct_state;
	uint32_t ct_mark;
	uint16_t ct_zone;
	uint16_t ct_tp_src;
	uint16_t ct_tp_dst;
	uint8_t pad0[6];
	uint8_t ct_label[16];
	uint32_t ct_nw_src;
	uint32_t ct_nw_dst;
	uint8_t ct_ipv6_src[16];
	uint8_t ct_ipv6_dst[16];

	/* L2. */
	uint8_t dl_dst[6];
	uint8_t dl_src[6];
	uint16_t dl_type;
	uint8_t pbb_uca;
	uint8_t pad1;
	struct of_vlan vlans[OF_FLOW_N_VLANS];
	uint32_t mpls_lse;		/* Top label stack entry. */
	uint32_t pbb_isid;		/* Low 24 bits. */

	/* L3.  ARP's SPA/TPA live in nw_src/nw_dst. */
	uint32_t nw_src;
	uint32_t nw_dst;
	uint8_t ipv6_src[16];
	uint8_t ipv6_dst[16];
	uint32_t ipv6_label;		/* Low 20 bits. */
	uint8_t nw_proto;
	uint8_t nw_tos;			/* DSCP << 2 | ECN. */
	uint8_t nw_ttl;
	uint8_t nw_frag;		/* OF_FRAG_*. */
	uint16_t arp_op;
	uint16_t ipv6_exthdr;
	uint8_t pad2[4];

	/* L4.  ICMP type/code live in tp_src/tp_dst; ND's SLL/TLL share the
	 * ARP hardware addresses. */
	uint16_t tp_src;
	uint16_t tp_dst;
	uint16_t tcp_flags;		/* Low 12 bits. */
	uint8_t nd_options_type;
	uint8_t pad3;
	uint32_t nd_reserved;
	uint8_t arp_sha[6];
	uint8_t arp_tha[6];
	uint8_t nd_target[16];
};

#define OF_FLOW_META_OFS 0
#define OF_FLOW_L2_OFS offsetof(struct of_flow, dl_dst)
#define OF_FLOW_L3_OFS offsetof(struct of_flow, nw_src)
#define OF_FLOW_L4_OFS offsetof(struct of_flow, tp_src)

_Static_assert(offsetof(struct of_flow, dl_dst) % 8 == 0, "L2 aligned");
_Static_assert(offsetof(struct of_flow, nw_src) % 8 == 0, "L3 aligned");
_Static_assert(offsetof(struct of_flow, tp_src) % 8 == 0, "L4 aligned");
_Static_assert(sizeof(struct of_flow) % 8 == 0, "of_flow is whole words");

#endif
