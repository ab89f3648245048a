/* Flow keys and masks <-> OVS_KEY_ATTR_* netlink attributes, the upstream
 * Linux openvswitch ABI (<linux/openvswitch.h>).
 *
 * Encoding follows the upstream datapath attribute for attribute and in the
 * same order: RECIRC_ID, DP_HASH, PRIORITY, IN_PORT, SKB_MARK (all five
 * always), ETHERNET, then per VLAN tag ETHERTYPE(tpid) VLAN(tci) ENCAP{...},
 * then ETHERTYPE (absent for 802.3 frames without SNAP), the L3 attribute
 * (IPV4, IPV6 + IPV6_EXTHDRS, ARP or MPLS with one entry per LSE) and the L4
 * ones (TCP + TCP_FLAGS, UDP, SCTP, ICMP, ICMPV6 + ND).  A mask is encoded in
 * the shape of its key: one mask attribute per key attribute.
 *
 * Decoding validates everything: attribute types, lengths, duplicates,
 * nesting, field ranges and each attribute's prerequisites (the kernel's
 * match_validate rules).  The few deliberate differences from upstream make
 * every key that flow_extract() produces survive a round trip:
 *  - ND goes with ICMPv6 types 135/136 only when the code is 0, as
 *    flow_extract() fills ND fields only then;
 *  - a VLAN ethertype with tci 0 is a truncated tag: the key's eth_type is
 *    that TPID (encoded as ETHERTYPE(tpid) VLAN(0) ENCAP{}), and an empty
 *    MPLS attribute is a truncated label stack (mpls.held == 0);
 *  - attributes outside ENCAP other than metadata and ETHERNET are rejected,
 *    as are metadata and ETHERNET inside it;
 *  - an exact mask (no mask attributes) also matches eth_type exactly, and a
 *    mask always matches the TPID of every VLAN tag of its key;
 *  - an exact mask of an MPLS key takes packets with at least the key's
 *    labels, as a mask of its label entries does (upstream: exactly that
 *    many), so that it survives a round trip; this differs only for a key
 *    whose last entry is not the bottom of the stack, which no packet with
 *    fewer than 3 labels has.
 * Tunnel, conntrack and NSH attributes are "not supported yet" (-EOPNOTSUPP),
 * as are layer-3 packets (ETHERTYPE without ETHERNET). */
#ifndef WEIR_DP_FLOW_NETLINK_H
#define WEIR_DP_FLOW_NETLINK_H 1

#include "flow.h"
#include "nlattr.h"

/* Why decoding failed: the attribute at fault (an OVS_KEY_ATTR_* value, or
 * its raw type when unknown; OVS_KEY_ATTR_UNSPEC for the stream itself),
 * whether it was in the mask, and a static reason. */
struct flow_nl_error {
	int attr;
	bool in_mask;
	const char *msg;
};

#define FLOW_NL_ATTR_BIT(type) (1ULL << (type))

/* Appends the attributes of 'key' to 'b' (the caller opens and closes the
 * enclosing OVS_FLOW_ATTR_KEY nest).  Returns 0 or -EMSGSIZE. */
int flow_nl_put_key(struct nlbuf *b, const struct flow_key *key);

/* Appends the attributes of 'mask' in the shape of 'key'.  Returns 0 or
 * -EMSGSIZE. */
int flow_nl_put_mask(struct nlbuf *b, const struct flow_key *key,
		     const struct flow_key *mask);

/* Decodes the key attributes in [attrs, attrs+len) into 'key', and when
 * 'present' is not NULL the FLOW_NL_ATTR_BIT()s of the attributes met.
 * Returns 0, -EINVAL or -EOPNOTSUPP with 'err' filled. */
int flow_nl_parse_key(const void *attrs, u32 len, struct flow_key *key,
		      u64 *present, struct flow_nl_error *err);

/* Decodes a key and its mask.  'mask_attrs' NULL means an exact match on
 * every field the key's attributes carry; otherwise an absent or all-zero
 * mask attribute wildcards its fields.  Returns 0, -EINVAL or -EOPNOTSUPP
 * with 'err' filled. */
int flow_nl_parse_match(const void *key_attrs, u32 key_len,
			const void *mask_attrs, u32 mask_len,
			struct flow_key *key, struct flow_key *mask,
			struct flow_nl_error *err);

/* "IPV4", "TCP", ...: the name of an OVS_KEY_ATTR_* type, or "?". */
const char *flow_nl_attr_name(int type);

#endif /* WEIR_DP_FLOW_NETLINK_H */
