/* The OpenFlow field table: one row per matchable field, giving its names,
 * size, text format, prerequisites, NXM/OXM headers and place in struct
 * of_flow.  Encoders, decoders, the parser and the printer all work from it. */
#ifndef OFP_FIELDS_H
#define OFP_FIELDS_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ofp-version.h"

enum mf_field_id {
	/* Metadata. */
	MFF_DP_HASH, MFF_RECIRC_ID, MFF_PACKET_TYPE, MFF_CONJ_ID,
	MFF_TUN_ID, MFF_TUN_SRC, MFF_TUN_DST, MFF_TUN_IPV6_SRC,
	MFF_TUN_IPV6_DST, MFF_TUN_FLAGS, MFF_TUN_TTL, MFF_TUN_TOS,
	MFF_TUN_GBP_ID, MFF_TUN_GBP_FLAGS,
	MFF_METADATA, MFF_IN_PORT, MFF_IN_PHY_PORT, MFF_ACTSET_OUTPUT,
	MFF_SKB_PRIORITY, MFF_PKT_MARK,
	MFF_CT_STATE, MFF_CT_ZONE, MFF_CT_MARK, MFF_CT_LABEL,
	MFF_CT_NW_PROTO, MFF_CT_NW_SRC, MFF_CT_NW_DST, MFF_CT_IPV6_SRC,
	MFF_CT_IPV6_DST, MFF_CT_TP_SRC, MFF_CT_TP_DST,
	MFF_REG0, MFF_REG15 = MFF_REG0 + 15,
	MFF_XREG0, MFF_XREG7 = MFF_XREG0 + 7,
	MFF_XXREG0, MFF_XXREG3 = MFF_XXREG0 + 3,
	/* L2. */
	MFF_ETH_SRC, MFF_ETH_DST, MFF_ETH_TYPE,
	MFF_VLAN_TCI, MFF_DL_VLAN, MFF_VLAN_VID, MFF_DL_VLAN_PCP, MFF_VLAN_PCP,
	MFF_MPLS_LABEL, MFF_MPLS_TC, MFF_MPLS_BOS, MFF_MPLS_TTL,
	MFF_PBB_ISID, MFF_PBB_UCA,
	/* L3. */
	MFF_IPV4_SRC, MFF_IPV4_DST, MFF_IPV6_SRC, MFF_IPV6_DST,
	MFF_IPV6_LABEL, MFF_IP_PROTO, MFF_IP_DSCP, MFF_IP_DSCP_SHIFTED,
	MFF_IP_ECN, MFF_IP_TTL, MFF_IP_FRAG, MFF_IPV6_EXTHDR,
	MFF_ARP_OP, MFF_ARP_SPA, MFF_ARP_TPA, MFF_ARP_SHA, MFF_ARP_THA,
	/* L4. */
	MFF_TCP_SRC, MFF_TCP_DST, MFF_TCP_FLAGS,
	MFF_UDP_SRC, MFF_UDP_DST, MFF_SCTP_SRC, MFF_SCTP_DST,
	MFF_ICMPV4_TYPE, MFF_ICMPV4_CODE, MFF_ICMPV6_TYPE, MFF_ICMPV6_CODE,
	MFF_ND_TARGET, MFF_ND_SLL, MFF_ND_TLL, MFF_ND_RESERVED,
	MFF_ND_OPTIONS_TYPE,
	MFF_N_IDS
};

/* How a field's value is written in ovs-ofctl syntax. */
enum mf_string {
	MFS_DECIMAL,
	MFS_HEXADECIMAL,
	MFS_ETHERNET,
	MFS_IPV4,
	MFS_IPV6,
	MFS_OFP_PORT,		/* OpenFlow port number or name. */
	MFS_FRAG,		/* no, yes, first, later, not_later */
	MFS_TNL_FLAGS,		/* +oam */
	MFS_TCP_FLAGS,		/* +syn-ack */
	MFS_CT_STATE,		/* +trk-new */
	MFS_PACKET_TYPE,	/* (ns,type) */
};

/* What a field needs the rest of the match to say first. */
enum mf_prereq {
	MFP_NONE,
	MFP_IN_PORT,		/* in_port matched exactly */
	MFP_VLAN_VID,		/* a VLAN tag present */
	MFP_MPLS,
	MFP_IPV4,
	MFP_IPV6,
	MFP_IP_ANY,
	MFP_ARP,
	MFP_PBB,
	MFP_TCP,
	MFP_UDP,
	MFP_SCTP,
	MFP_ICMPV4,
	MFP_ICMPV6,
	MFP_ND,			/* ICMPv6 type 135 or 136, code 0 */
	MFP_ND_SOLICIT,
	MFP_ND_ADVERT,
	MFP_CT,			/* a valid connection: ct_state has one of
				 * new/est/rel/rpl/snat/dnat, or +trk-inv */
	MFP_CT_L4,		/* MFP_CT and a nonzero ct_nw_proto */
};

/* NXM/OXM header classes. */
#define OXM_CLASS_NXM0		0x0000	/* Nicira, NXM_OF_* */
#define OXM_CLASS_NXM1		0x0001	/* Nicira, NXM_NX_* */
#define OXM_CLASS_ERIC		0x1000	/* Ericsson */
#define OXM_CLASS_BASIC		0x8000	/* OpenFlow basic */
#define OXM_CLASS_PKT_REGS	0x8001	/* OF1.5 packet registers */
#define OXM_CLASS_EXPERIMENTER	0xffff

/* One NXM or OXM header of a field.  'version' is the first OpenFlow
 * version whose OXM may use it; extension headers (Nicira, Ericsson) carry 0.
 * 'len' is the payload length without mask or experimenter id; 0 ends a
 * field's list. */
struct mf_header {
	uint16_t cls;
	uint8_t field;
	uint8_t len;
	uint32_t experimenter;	/* Only when cls == OXM_CLASS_EXPERIMENTER. */
	uint8_t version;
};

#define MF_MAX_HEADERS 3

struct mf_field {
	enum mf_field_id id;
	const char *name;
	const char *alias;	/* Other accepted name, or NULL. */
	uint8_t n_bytes;	/* Value size on the wire and in mf_value. */
	uint8_t n_bits;		/* Meaningful bits (the low ones). */
	uint16_t ofs;		/* Offset of its storage in struct of_flow. */
	uint8_t st_bytes;	/* Storage size in struct of_flow. */
	uint8_t shift;		/* Value = (storage >> shift) & valid bits. */
	bool maskable;
	bool writable;		/* set_field may change it. */
	enum mf_string string;
	enum mf_prereq prereq;
	/* Extension headers first, then standard ones by version. */
	struct mf_header hdrs[MF_MAX_HEADERS];
	uint32_t valid;		/* For n_bytes <= 4: the value's legal bits. */
};

/* Values and masks of up to 16 bytes, network byte order, n_bytes long. */
union mf_value {
	uint8_t u8[16];
	uint16_t be16;
	uint32_t be32;
	uint64_t be64;
};

const struct mf_field *mf_from_id(enum mf_field_id);
const struct mf_field *mf_from_name(const char *name, size_t len);
/* The header to emit for 'version' (0 for NXM), or NULL if the field has
 * none at all. */
const struct mf_header *mf_header_for(const struct mf_field *,
				      enum ofp_version);
/* The field a received header names, if that header may appear in
 * 'version' (0 for NXM, which accepts every header). */
const struct mf_field *mf_from_header(uint16_t cls, uint8_t field,
				      uint32_t experimenter, unsigned version);

/* The field's legal value bits, as an mf_value. */
void mf_valid_mask(const struct mf_field *, union mf_value *);
bool mf_value_is_valid(const struct mf_field *, const union mf_value *);

#endif
