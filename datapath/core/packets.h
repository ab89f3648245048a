/* Wire layouts of the headers the datapath parses and rewrites.
 *
 * Structures are packed: a header may start at any offset of a frame (after
 * an odd number of VLAN tags or IPv6 options), and the core reads them in
 * place.  Multi-byte fields are in network byte order. */
#ifndef WEIR_DP_PACKETS_H
#define WEIR_DP_PACKETS_H 1

#include "compat.h"

#define PKT_PACKED __attribute__((packed))

#define ETH_ADDR_LEN 6
#define ETH_HEADER_LEN 14
#define ETH_TYPE_MIN 0x600          /* smaller values are 802.3 lengths */

#define ETH_TYPE_IP        0x0800
#define ETH_TYPE_ARP       0x0806
#define ETH_TYPE_RARP      0x8035
#define ETH_TYPE_VLAN      0x8100   /* 802.1Q C-tag */
#define ETH_TYPE_VLAN_8021AD 0x88a8 /* 802.1ad S-tag */
#define ETH_TYPE_IPV6      0x86dd
#define ETH_TYPE_MPLS      0x8847
#define ETH_TYPE_MPLS_MCAST 0x8848
#define ETH_TYPE_802_2     0x0004   /* a key's eth_type for 802.3 frames without SNAP (upstream's ETH_P_802_2) */

struct pkt_eth {
	u8 dst[ETH_ADDR_LEN];
	u8 src[ETH_ADDR_LEN];
	__be16 type;
} PKT_PACKED;

/* An 802.2 LLC + SNAP header, which carries an ethertype inside 802.3 frames. */
struct pkt_llc_snap {
	u8 dsap, ssap, control;
	u8 oui[3];
	__be16 type;
} PKT_PACKED;
#define LLC_SAP_SNAP 0xaa
#define LLC_CNTL_UI  0x03

/* The 4 bytes of a VLAN tag that follow the source MAC: TPID then TCI. */
struct pkt_vlan {
	__be16 tpid;
	__be16 tci;
} PKT_PACKED;
#define VLAN_VID_MASK 0x0fff
#define VLAN_CFI      0x1000        /* in a flow key: "a tag is present" */
#define VLAN_PCP_MASK 0xe000
#define VLAN_PCP_SHIFT 13
#define VLAN_HEADER_LEN 4

/* One MPLS label stack entry: label(20) tc(3) bos(1) ttl(8). */
struct pkt_mpls {
	__be32 lse;
} PKT_PACKED;
#define MPLS_LABEL_MASK  0xfffff000
#define MPLS_LABEL_SHIFT 12
#define MPLS_TC_MASK     0x00000e00
#define MPLS_TC_SHIFT    9
#define MPLS_BOS_MASK    0x00000100
#define MPLS_BOS_SHIFT   8
#define MPLS_TTL_MASK    0x000000ff
#define MPLS_HEADER_LEN  4

/* ARP for Ethernet hardware and IPv4 protocol addresses. */
struct pkt_arp {
	__be16 htype;
	__be16 ptype;
	u8 hlen;
	u8 plen;
	__be16 op;
	u8 sha[ETH_ADDR_LEN];
	__be32 spa;
	u8 tha[ETH_ADDR_LEN];
	__be32 tpa;
} PKT_PACKED;
#define ARP_HTYPE_ETH 1
#define ARP_HEADER_LEN 28

struct pkt_ipv4 {
	u8 ihl_ver;                 /* version(4) ihl(4) */
	u8 tos;
	__be16 tot_len;
	__be16 id;
	__be16 frag_off;            /* flags(3) offset(13) */
	u8 ttl;
	u8 proto;
	__be16 csum;
	__be32 src;
	__be32 dst;
} PKT_PACKED;
#define IPV4_HEADER_LEN 20
#define IPV4_MORE_FRAGS 0x2000
#define IPV4_DONT_FRAG  0x4000
#define IPV4_FRAG_OFFSET_MASK 0x1fff
#define IP_DSCP_MASK 0xfc
#define IP_ECN_MASK  0x03

struct pkt_ipv6 {
	__be32 vtc_flow;            /* version(4) tclass(8) flow label(20) */
	__be16 payload_len;
	u8 next;
	u8 hlimit;
	u8 src[16];
	u8 dst[16];
} PKT_PACKED;
#define IPV6_HEADER_LEN 40
#define IPV6_LABEL_MASK 0x000fffff

/* The common prefix of hop-by-hop, routing and destination options headers:
 * the length counts 8-byte units beyond the first 8 bytes. */
struct pkt_ipv6_ext {
	u8 next;
	u8 len;
} PKT_PACKED;

struct pkt_ipv6_frag {
	u8 next;
	u8 reserved;
	__be16 off_flags;           /* offset(13) res(2) M(1) */
	__be32 id;
} PKT_PACKED;
#define IPV6_FRAG_OFFSET_MASK 0xfff8
#define IPV6_FRAG_MORE        0x0001

/* The authentication header's length counts 4-byte units, minus 2. */
struct pkt_ipv6_auth {
	u8 next;
	u8 len;
} PKT_PACKED;

#define IPPROTO_NUM_HOPOPTS  0
#define IPPROTO_NUM_ICMP     1
#define IPPROTO_NUM_TCP      6
#define IPPROTO_NUM_UDP      17
#define IPPROTO_NUM_ROUTING  43
#define IPPROTO_NUM_FRAGMENT 44
#define IPPROTO_NUM_ESP      50
#define IPPROTO_NUM_AH       51
#define IPPROTO_NUM_ICMPV6   58
#define IPPROTO_NUM_NONE     59
#define IPPROTO_NUM_DSTOPTS  60
#define IPPROTO_NUM_SCTP     132

struct pkt_tcp {
	__be16 src;
	__be16 dst;
	__be32 seq;
	__be32 ack;
	__be16 off_flags;           /* data offset(4) reserved(3) flags(9) */
	__be16 window;
	__be16 csum;
	__be16 urg;
} PKT_PACKED;
#define TCP_HEADER_LEN 20
#define TCP_FLAGS_MASK 0x0fff       /* the 12 bits a flow key carries */
#define TCP_FIN 0x001
#define TCP_SYN 0x002
#define TCP_RST 0x004
#define TCP_PSH 0x008
#define TCP_ACK 0x010
#define TCP_URG 0x020
#define TCP_ECE 0x040
#define TCP_CWR 0x080
#define TCP_NS  0x100

struct pkt_udp {
	__be16 src;
	__be16 dst;
	__be16 len;
	__be16 csum;
} PKT_PACKED;
#define UDP_HEADER_LEN 8

struct pkt_sctp {
	__be16 src;
	__be16 dst;
	__be32 vtag;
	__be32 csum;                /* CRC32c, not the Internet checksum */
} PKT_PACKED;
#define SCTP_HEADER_LEN 12

/* ICMP and ICMPv6 share the first four bytes. */
struct pkt_icmp {
	u8 type;
	u8 code;
	__be16 csum;
	__be32 rest;
} PKT_PACKED;
#define ICMP_HEADER_LEN 8

#define ICMPV6_NS 135               /* neighbour solicitation */
#define ICMPV6_NA 136               /* neighbour advertisement */

/* Neighbour solicitation / advertisement after the 4-byte ICMPv6 header. */
struct pkt_nd {
	struct pkt_icmp icmp;       /* rest = reserved / R,S,O flags */
	u8 target[16];
} PKT_PACKED;
#define ND_HEADER_LEN 24

/* An ND option: type, length in 8-byte units, data. */
struct pkt_nd_opt {
	u8 type;
	u8 len;
	u8 mac[ETH_ADDR_LEN];       /* for the link-layer address options */
} PKT_PACKED;
#define ND_OPT_SLL 1
#define ND_OPT_TLL 2

#endif /* WEIR_DP_PACKETS_H */
