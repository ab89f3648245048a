/* The field table.  Numbers come from the OpenFlow 1.2-1.5 specifications
 * (OXM basic class) and the Nicira/ONF/Ericsson extension registries. */
#include "ofp-fields.h"

#include <pthread.h>
#include <string.h>

#include "of-flow.h"

/* The low N bits (all 32 for wider fields, whose bytes are all valid). */
#define BITS(N) ((N) >= 32 ? 0xffffffffu \
		     : 0xffffffffu >> ((32 - (N) % 32) % 32))

/* Header constructors: Nicira NXM classes 0 and 1, OpenFlow basic, packet
 * registers, ONF and Nicira experimenter OXMs, Ericsson. */
#define NX0(F, L) { OXM_CLASS_NXM0, F, L, 0, 0 }
#define NX1(F, L) { OXM_CLASS_NXM1, F, L, 0, 0 }
#define OB(F, L, V) { OXM_CLASS_BASIC, F, L, 0, OFP##V##_VERSION }
#define PREG(F, L) { OXM_CLASS_PKT_REGS, F, L, 0, OFP13_VERSION }
#define ONF(F, L, V) { OXM_CLASS_EXPERIMENTER, F, L, ONF_VENDOR_ID, \
		       OFP##V##_VERSION }
#define NXE(F, L) { OXM_CLASS_EXPERIMENTER, F, L, NX_VENDOR_ID, 0 }
#define ERIC(F, L) { OXM_CLASS_ERIC, F, L, 0, 0 }

#define MEMBER_SIZE(M) sizeof(((struct of_flow *)0)->M)

/* ID, names, wire bytes, meaningful bits, storage member, shift within it,
 * valid-bits override (0: from the bit count), maskable, writable, text
 * format, prerequisite, headers. */
#define ROW(ID, NAME, ALIAS, NB, NBITS, MEMBER, SHIFT, VALID, MASK, RW, STR, \
	    PRE, ...)							\
	[MFF_##ID] = { MFF_##ID, NAME, ALIAS, NB, NBITS,		\
		       offsetof(struct of_flow, MEMBER), MEMBER_SIZE(MEMBER), \
		       SHIFT, MASK, RW, MFS_##STR, MFP_##PRE,		\
		       { __VA_ARGS__ }, (VALID) ? (VALID) : BITS(NBITS) }

/* A row whose storage spans several members (xreg, xxreg over regs). */
#define ROW_WIDE(ID, NAME, NB, MEMBER, HDR)				\
	[MFF_##ID] = { MFF_##ID, NAME, NULL, NB, NB * 8,		\
		       offsetof(struct of_flow, MEMBER), NB, 0, true, true, \
		       MFS_HEXADECIMAL, MFP_NONE, { HDR }, 0xffffffffu }

#define REG(N) ROW(REG0 + N, "reg" #N, NULL, 4, 32, regs[N], 0, 0, \
		   true, true, HEXADECIMAL, NONE, NX1(N, 4))
#define XREG(N) ROW_WIDE(XREG0 + N, "xreg" #N, 8, regs[2 * N], PREG(N, 8))
#define XXREG(N) ROW_WIDE(XXREG0 + N, "xxreg" #N, 16, regs[4 * N], \
			  NX1(111 + N, 16))

static const struct mf_field mf_fields[MFF_N_IDS] = {
	ROW(DP_HASH, "dp_hash", NULL, 4, 32, dp_hash, 0, 0, true, false,
	    HEXADECIMAL, NONE, NX1(35, 4), NXE(0, 4)),
	ROW(RECIRC_ID, "recirc_id", NULL, 4, 32, recirc_id, 0, 0, false, false,
	    DECIMAL, NONE, NX1(36, 4)),
	ROW(PACKET_TYPE, "packet_type", NULL, 4, 32, packet_type, 0, 0, false,
	    false, PACKET_TYPE, NONE, OB(44, 4, 15)),
	ROW(CONJ_ID, "conj_id", NULL, 4, 32, conj_id, 0, 0, false, false,
	    DECIMAL, NONE, NX1(37, 4)),
	ROW(TUN_ID, "tun_id", "tunnel_id", 8, 64, tun_id, 0, 0, true, true,
	    HEXADECIMAL, NONE, NX1(16, 8), OB(38, 8, 13)),
	ROW(TUN_SRC, "tun_src", NULL, 4, 32, tun_src, 0, 0, true, true, IPV4,
	    NONE, NX1(31, 4)),
	ROW(TUN_DST, "tun_dst", NULL, 4, 32, tun_dst, 0, 0, true, true, IPV4,
	    NONE, NX1(32, 4)),
	ROW(TUN_IPV6_SRC, "tun_ipv6_src", NULL, 16, 128, tun_ipv6_src, 0, 0,
	    true, true, IPV6, NONE, NX1(109, 16)),
	ROW(TUN_IPV6_DST, "tun_ipv6_dst", NULL, 16, 128, tun_ipv6_dst, 0, 0,
	    true, true, IPV6, NONE, NX1(110, 16)),
	ROW(TUN_FLAGS, "tun_flags", NULL, 2, 16, tun_flags, 0, 0, true, true,
	    TNL_FLAGS, NONE, NX1(104, 2)),
	ROW(TUN_TTL, "tun_ttl", NULL, 1, 8, tun_ttl, 0, 0, false, false,
	    DECIMAL, NONE),
	ROW(TUN_TOS, "tun_tos", NULL, 1, 8, tun_tos, 0, 0, false, false,
	    DECIMAL, NONE),
	ROW(TUN_GBP_ID, "tun_gbp_id", NULL, 2, 16, tun_gbp_id, 0, 0, true, true,
	    DECIMAL, NONE, NX1(38, 2)),
	ROW(TUN_GBP_FLAGS, "tun_gbp_flags", NULL, 1, 8, tun_gbp_flags, 0, 0,
	    true, true, HEXADECIMAL, NONE, NX1(39, 1)),
	ROW(METADATA, "metadata", NULL, 8, 64, metadata, 0, 0, true, true,
	    HEXADECIMAL, NONE, OB(2, 8, 12)),
	ROW(IN_PORT, "in_port", NULL, 4, 32, in_port, 0, 0, false, true,
	    OFP_PORT, NONE, NX0(0, 2), OB(0, 4, 12)),
	ROW(IN_PHY_PORT, "in_phy_port", NULL, 4, 32, in_phy_port, 0, 0, false,
	    false, OFP_PORT, IN_PORT, OB(1, 4, 12)),
	ROW(ACTSET_OUTPUT, "actset_output", NULL, 4, 32, actset_output, 0, 0,
	    false, false, OFP_PORT, NONE, ONF(43, 4, 13), OB(43, 4, 15)),
	ROW(SKB_PRIORITY, "skb_priority", NULL, 4, 32, skb_priority, 0, 0,
	    false, false, HEXADECIMAL, NONE),
	ROW(PKT_MARK, "pkt_mark", NULL, 4, 32, pkt_mark, 0, 0, true, true,
	    HEXADECIMAL, NONE, NX1(33, 4)),
	ROW(CT_STATE, "ct_state", NULL, 4, 32, ct_state, 0, 0, true, false,
	    CT_STATE, NONE, NX1(105, 4)),
	ROW(CT_ZONE, "ct_zone", NULL, 2, 16, ct_zone, 0, 0, false, false,
	    HEXADECIMAL, NONE, NX1(106, 2)),
	ROW(CT_MARK, "ct_mark", NULL, 4, 32, ct_mark, 0, 0, true, true,
	    HEXADECIMAL, NONE, NX1(107, 4)),
	ROW(CT_LABEL, "ct_label", NULL, 16, 128, ct_label, 0, 0, true, true,
	    HEXADECIMAL, NONE, NX1(108, 16)),
	ROW(CT_NW_PROTO, "ct_nw_proto", NULL, 1, 8, ct_nw_proto, 0, 0, false,
	    false, DECIMAL, CT, NX1(119, 1)),
	ROW(CT_NW_SRC, "ct_nw_src", NULL, 4, 32, ct_nw_src, 0, 0, true, false,
	    IPV4, CT, NX1(120, 4)),
	ROW(CT_NW_DST, "ct_nw_dst", NULL, 4, 32, ct_nw_dst, 0, 0, true, false,
	    IPV4, CT, NX1(121, 4)),
	ROW(CT_IPV6_SRC, "ct_ipv6_src", NULL, 16, 128, ct_ipv6_src, 0, 0, true,
	    false, IPV6, CT, NX1(122, 16)),
	ROW(CT_IPV6_DST, "ct_ipv6_dst", NULL, 16, 128, ct_ipv6_dst, 0, 0, true,
	    false, IPV6, CT, NX1(123, 16)),
	ROW(CT_TP_SRC, "ct_tp_src", NULL, 2, 16, ct_tp_src, 0, 0, true, false,
	    DECIMAL, CT_L4, NX1(124, 2)),
	ROW(CT_TP_DST, "ct_tp_dst", NULL, 2, 16, ct_tp_dst, 0, 0, true, false,
	    DECIMAL, CT_L4, NX1(125, 2)),
	REG(0), REG(1), REG(2), REG(3), REG(4), REG(5), REG(6), REG(7),
	REG(8), REG(9), REG(10), REG(11), REG(12), REG(13), REG(14), REG(15),
	XREG(0), XREG(1), XREG(2), XREG(3), XREG(4), XREG(5), XREG(6), XREG(7),
	XXREG(0), XXREG(1), XXREG(2), XXREG(3),

	ROW(ETH_SRC, "eth_src", "dl_src", 6, 48, dl_src, 0, 0, true, true,
	    ETHERNET, NONE, NX0(2, 6), OB(4, 6, 12)),
	ROW(ETH_DST, "eth_dst", "dl_dst", 6, 48, dl_dst, 0, 0, true, true,
	    ETHERNET, NONE, NX0(1, 6), OB(3, 6, 12)),
	ROW(ETH_TYPE, "eth_type", "dl_type", 2, 16, dl_type, 0, 0, false,
	    false, HEXADECIMAL, NONE, NX0(3, 2), OB(5, 2, 12)),
	ROW(VLAN_TCI, "vlan_tci", NULL, 2, 16, vlans[0].tci, 0, 0, true, true,
	    HEXADECIMAL, NONE, NX0(4, 2)),
	ROW(DL_VLAN, "dl_vlan", NULL, 2, 12, vlans[0].tci, 0, 0, false, true,
	    DECIMAL, NONE),
	ROW(VLAN_VID, "vlan_vid", NULL, 2, 13, vlans[0].tci, 0, 0, true, true,
	    DECIMAL, NONE, OB(6, 2, 12)),
	ROW(DL_VLAN_PCP, "dl_vlan_pcp", NULL, 1, 3, vlans[0].tci, 13, 0, false,
	    true, DECIMAL, NONE),
	ROW(VLAN_PCP, "vlan_pcp", NULL, 1, 3, vlans[0].tci, 13, 0, false, true,
	    DECIMAL, VLAN_VID, OB(7, 1, 12)),
	ROW(MPLS_LABEL, "mpls_label", NULL, 4, 20, mpls_lse, 12, 0, false, true,
	    DECIMAL, MPLS, OB(34, 4, 12)),
	ROW(MPLS_TC, "mpls_tc", NULL, 1, 3, mpls_lse, 9, 0, false, true,
	    DECIMAL, MPLS, OB(35, 1, 12)),
	ROW(MPLS_BOS, "mpls_bos", NULL, 1, 1, mpls_lse, 8, 0, false, false,
	    DECIMAL, MPLS, OB(36, 1, 13)),
	ROW(MPLS_TTL, "mpls_ttl", NULL, 1, 8, mpls_lse, 0, 0, false, true,
	    DECIMAL, MPLS, NX1(30, 1)),
	ROW(PBB_ISID, "pbb_isid", NULL, 3, 24, pbb_isid, 0, 0, true, true,
	    HEXADECIMAL, PBB, OB(37, 3, 13)),
	ROW(PBB_UCA, "pbb_uca", NULL, 1, 1, pbb_uca, 0, 0, false, true,
	    DECIMAL, PBB, OB(41, 1, 14)),

	ROW(IPV4_SRC, "ip_src", "nw_src", 4, 32, nw_src, 0, 0, true, true,
	    IPV4, IPV4, NX0(7, 4), OB(11, 4, 12)),
	ROW(IPV4_DST, "ip_dst", "nw_dst", 4, 32, nw_dst, 0, 0, true, true,
	    IPV4, IPV4, NX0(8, 4), OB(12, 4, 12)),
	ROW(IPV6_SRC, "ipv6_src", NULL, 16, 128, ipv6_src, 0, 0, true, true,
	    IPV6, IPV6, NX1(19, 16), OB(26, 16, 12)),
	ROW(IPV6_DST, "ipv6_dst", NULL, 16, 128, ipv6_dst, 0, 0, true, true,
	    IPV6, IPV6, NX1(20, 16), OB(27, 16, 12)),
	ROW(IPV6_LABEL, "ipv6_label", NULL, 4, 20, ipv6_label, 0, 0, true, true,
	    HEXADECIMAL, IPV6, NX1(27, 4), OB(28, 4, 12)),
	ROW(IP_PROTO, "nw_proto", "ip_proto", 1, 8, nw_proto, 0, 0, false,
	    false, DECIMAL, IP_ANY, NX0(6, 1), OB(10, 1, 12)),
	ROW(IP_DSCP, "nw_tos", NULL, 1, 8, nw_tos, 0, 0xfc, false, true,
	    DECIMAL, IP_ANY, NX0(5, 1)),
	ROW(IP_DSCP_SHIFTED, "ip_dscp", NULL, 1, 6, nw_tos, 2, 0, false, true,
	    DECIMAL, IP_ANY, OB(8, 1, 12)),
	ROW(IP_ECN, "nw_ecn", "ip_ecn", 1, 2, nw_tos, 0, 0, false, true,
	    DECIMAL, IP_ANY, NX1(28, 1), OB(9, 1, 12)),
	ROW(IP_TTL, "nw_ttl", NULL, 1, 8, nw_ttl, 0, 0, false, true, DECIMAL,
	    IP_ANY, NX1(29, 1)),
	ROW(IP_FRAG, "ip_frag", "nw_frag", 1, 2, nw_frag, 0, 0, true, false,
	    FRAG, IP_ANY, NX1(26, 1)),
	ROW(IPV6_EXTHDR, "ipv6_exthdr", NULL, 2, 9, ipv6_exthdr, 0, 0, true,
	    false, HEXADECIMAL, IPV6, OB(39, 2, 13)),
	ROW(ARP_OP, "arp_op", NULL, 2, 16, arp_op, 0, 0, false, true, DECIMAL,
	    ARP, NX0(15, 2), OB(21, 2, 12)),
	ROW(ARP_SPA, "arp_spa", NULL, 4, 32, nw_src, 0, 0, true, true, IPV4,
	    ARP, NX0(16, 4), OB(22, 4, 12)),
	ROW(ARP_TPA, "arp_tpa", NULL, 4, 32, nw_dst, 0, 0, true, true, IPV4,
	    ARP, NX0(17, 4), OB(23, 4, 12)),
	ROW(ARP_SHA, "arp_sha", NULL, 6, 48, arp_sha, 0, 0, true, true,
	    ETHERNET, ARP, NX1(17, 6), OB(24, 6, 12)),
	ROW(ARP_THA, "arp_tha", NULL, 6, 48, arp_tha, 0, 0, true, true,
	    ETHERNET, ARP, NX1(18, 6), OB(25, 6, 12)),

	ROW(TCP_SRC, "tcp_src", "tp_src", 2, 16, tp_src, 0, 0, true, true,
	    DECIMAL, TCP, NX0(9, 2), OB(13, 2, 12)),
	ROW(TCP_DST, "tcp_dst", "tp_dst", 2, 16, tp_dst, 0, 0, true, true,
	    DECIMAL, TCP, NX0(10, 2), OB(14, 2, 12)),
	ROW(TCP_FLAGS, "tcp_flags", NULL, 2, 12, tcp_flags, 0, 0, true, false,
	    TCP_FLAGS, TCP, NX1(34, 2), ONF(42, 2, 13), OB(42, 2, 15)),
	ROW(UDP_SRC, "udp_src", NULL, 2, 16, tp_src, 0, 0, true, true, DECIMAL,
	    UDP, NX0(11, 2), OB(15, 2, 12)),
	ROW(UDP_DST, "udp_dst", NULL, 2, 16, tp_dst, 0, 0, true, true, DECIMAL,
	    UDP, NX0(12, 2), OB(16, 2, 12)),
	ROW(SCTP_SRC, "sctp_src", NULL, 2, 16, tp_src, 0, 0, true, true,
	    DECIMAL, SCTP, OB(17, 2, 12)),
	ROW(SCTP_DST, "sctp_dst", NULL, 2, 16, tp_dst, 0, 0, true, true,
	    DECIMAL, SCTP, OB(18, 2, 12)),
	ROW(ICMPV4_TYPE, "icmp_type", NULL, 1, 8, tp_src, 0, 0xffff, false, true,
	    DECIMAL, ICMPV4, NX0(13, 1), OB(19, 1, 12)),
	ROW(ICMPV4_CODE, "icmp_code", NULL, 1, 8, tp_dst, 0, 0xffff, false, true,
	    DECIMAL, ICMPV4, NX0(14, 1), OB(20, 1, 12)),
	ROW(ICMPV6_TYPE, "icmpv6_type", NULL, 1, 8, tp_src, 0, 0xffff, false, true,
	    DECIMAL, ICMPV6, NX1(21, 1), OB(29, 1, 12)),
	ROW(ICMPV6_CODE, "icmpv6_code", NULL, 1, 8, tp_dst, 0, 0xffff, false, true,
	    DECIMAL, ICMPV6, NX1(22, 1), OB(30, 1, 12)),
	ROW(ND_TARGET, "nd_target", NULL, 16, 128, nd_target, 0, 0, true, true,
	    IPV6, ND, NX1(23, 16), OB(31, 16, 12)),
	ROW(ND_SLL, "nd_sll", NULL, 6, 48, arp_sha, 0, 0, true, true, ETHERNET,
	    ND_SOLICIT, NX1(24, 6), OB(32, 6, 12)),
	ROW(ND_TLL, "nd_tll", NULL, 6, 48, arp_tha, 0, 0, true, true, ETHERNET,
	    ND_ADVERT, NX1(25, 6), OB(33, 6, 12)),
	ROW(ND_RESERVED, "nd_reserved", NULL, 4, 32, nd_reserved, 0, 0, false,
	    true, DECIMAL, ND, ERIC(1, 4)),
	ROW(ND_OPTIONS_TYPE, "nd_options_type", NULL, 1, 8, nd_options_type, 0,
	    0, false, true, DECIMAL, ND, ERIC(2, 1)),
};

const struct mf_field *mf_from_id(enum mf_field_id id)
{
	return (unsigned)id < MFF_N_IDS ? &mf_fields[id] : NULL;
}

/* Lookup indexes over the table, built once: names and aliases in an open
 * hash (slot: id * 2 + is-alias + 1, 0 empty), and headers chained by
 * (class, field) in table order so the first hit is the table's first. */
#define NAME_SLOTS 512
#define HDR_BUCKETS 256
#define N_HDRS (MFF_N_IDS * MF_MAX_HEADERS)

struct hdr_link {
	uint8_t id, j;		/* mf_fields[id].hdrs[j]. */
	uint16_t next;		/* Index + 1 in hdr_links, 0: end. */
};

static uint16_t name_slots[NAME_SLOTS];
static uint16_t hdr_heads[HDR_BUCKETS];
static struct hdr_link hdr_links[N_HDRS];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

_Static_assert(MFF_N_IDS * 2 < NAME_SLOTS / 2, "name index too full");
_Static_assert(MFF_N_IDS <= 256, "hdr_link ids are bytes");

static unsigned name_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (uint8_t)name[i]) * 16777619u;
	return h;
}

static const char *slot_name(uint16_t slot)
{
	const struct mf_field *mf = &mf_fields[(slot - 1) / 2];

	return (slot - 1) % 2 ? mf->alias : mf->name;
}

static bool name_is(const char *want, const char *name, size_t len)
{
	return want && strlen(want) == len && !memcmp(want, name, len);
}

/* The slot holding 'name', or the empty one where it would go. */
static uint16_t *name_find(const char *name, size_t len)
{
	unsigned i = name_hash(name, len);

	for (;; i++) {
		uint16_t *slot = &name_slots[i % NAME_SLOTS];
		if (!*slot || name_is(slot_name(*slot), name, len))
			return slot;
	}
}

static unsigned hdr_hash(uint16_t cls, uint8_t field)
{
	return (cls * 131u + field) % HDR_BUCKETS;
}

static void index_build(void)
{
	uint16_t tails[HDR_BUCKETS] = { 0 };
	size_t n = 0;

	for (int i = 0; i < MFF_N_IDS; i++) {
		const struct mf_field *mf = &mf_fields[i];
		for (int a = 0; a < 2; a++) {
			const char *name = a ? mf->alias : mf->name;
			uint16_t *slot = name ? name_find(name, strlen(name))
					      : NULL;
			/* An earlier row's name wins, as in a scan. */
			if (slot && !*slot)
				*slot = i * 2 + a + 1;
		}
		for (int j = 0; j < MF_MAX_HEADERS && mf->hdrs[j].len; j++) {
			const struct mf_header *h = &mf->hdrs[j];
			unsigned b = hdr_hash(h->cls, h->field);
			hdr_links[n] = (struct hdr_link){ i, j, 0 };
			if (tails[b])
				hdr_links[tails[b] - 1].next = n + 1;
			else
				hdr_heads[b] = n + 1;
			tails[b] = ++n;
		}
	}
}

static void index_init(void)
{
	pthread_once(&index_once, index_build);
}

const struct mf_field *mf_from_name(const char *name, size_t len)
{
	index_init();
	uint16_t slot = *name_find(name, len);
	return slot ? &mf_fields[(slot - 1) / 2] : NULL;
}

/* The rule ovs-ofctl's bytes follow: the first header, replaced by each
 * later standard header whose version the encoding reaches. */
const struct mf_header *mf_header_for(const struct mf_field *mf,
				      enum ofp_version version)
{
	const struct mf_header *best = NULL;

	for (int i = 0; i < MF_MAX_HEADERS && mf->hdrs[i].len; i++)
		if (!best || (mf->hdrs[i].version &&
			      (unsigned)version >= mf->hdrs[i].version))
			best = &mf->hdrs[i];
	return best;
}

const struct mf_field *mf_from_header(uint16_t cls, uint8_t field,
				      uint32_t experimenter, unsigned version)
{
	index_init();
	for (uint16_t k = hdr_heads[hdr_hash(cls, field)]; k;
	     k = hdr_links[k - 1].next) {
		const struct mf_field *mf = &mf_fields[hdr_links[k - 1].id];
		const struct mf_header *h = &mf->hdrs[hdr_links[k - 1].j];
		if (h->cls == cls && h->field == field &&
		    h->experimenter == experimenter &&
		    (!version || version >= h->version))
			return mf;
	}
	return NULL;
}

void mf_valid_mask(const struct mf_field *mf, union mf_value *v)
{
	memset(v, 0, sizeof *v);
	if (mf->n_bytes > 4) {
		memset(v->u8, 0xff, mf->n_bytes);
		return;
	}
	for (int i = 0; i < mf->n_bytes; i++)
		v->u8[i] = mf->valid >> (8 * (mf->n_bytes - 1 - i));
}

bool mf_value_is_valid(const struct mf_field *mf, const union mf_value *v)
{
	union mf_value ok;

	mf_valid_mask(mf, &ok);
	for (int i = 0; i < mf->n_bytes; i++)
		if (v->u8[i] & ~ok.u8[i])
			return false;
	return true;
}
