/* What the action files share: the execution state and each family's
 * entry points.  Not for use outside datapath/core/actions*.c. */
#ifndef WEIR_DP_ACTIONS_PRIVATE_H
#define WEIR_DP_ACTIONS_PRIVATE_H 1

#include "actions.h"
#include "dp-packet.h"

/* One list being run. */
struct actions_exec {
	struct actions_ctx *ctx;
	struct dp_packet *pkt;
	struct flow_key *key;
	bool key_stale;         /* the packet changed since the key was made */
	u8 depth;               /* nesting of this list */
	u32 trunc_len;          /* for the next output or userspace; 0: none */
};

/* actions-vlan-mpls.c: return 0 or a negative errno (packet dropped). */
int actions_push_vlan(struct dp_packet *, const struct ovs_action_push_vlan *);
int actions_pop_vlan(struct dp_packet *);
int actions_push_mpls(struct dp_packet *, const struct ovs_action_push_mpls *);
int actions_pop_mpls(struct dp_packet *, __be16 ethertype);

/* actions-set.c: applies the key attribute 'ka' of a set (masked: value then
 * mask) to the packet, and the metadata fields to the key too. */
int actions_set(struct dp_packet *, struct flow_key *, const struct nlattr *ka,
		bool masked);

/* Raises the drop precedence of the DSCP of the IPv4 or IPv6 packet by
 * 'prec_level', at most to 3: 0, or -EINVAL when the IP header is not
 * whole, -ENOMEM. */
int actions_dscp_remark(struct dp_packet *, bool ipv6, u8 prec_level);

/* The payload length of a settable OVS_KEY_ATTR_* type, or 0. */
u32 actions_set_key_len(int key_type);

/* Makes the packet writable after checking it holds 'need' bytes: 0, or
 * -EINVAL (too short for the header an action rewrites) or -ENOMEM. */
static inline int actions_writable(struct dp_packet *pkt, u32 need)
{
	if (dp_packet_size(pkt) < need)
		return -EINVAL;
	return dp_packet_make_writable(pkt);
}

/* Inside NLATTR_FOR_EACH: nothing follows 'a' in its list. */
static inline bool actions_is_last(const struct nlattr *a, u32 left)
{
	return (u32)NLA_ALIGN(a->nla_len) >= left;
}

/* Unaligned reads of attribute payloads. */
static inline u32 actions_get_u32(const struct nlattr *a)
{
	u32 v;

	memcpy(&v, nlattr_data(a), sizeof v);
	return v;
}

static inline u16 actions_get_u16(const struct nlattr *a)
{
	u16 v;

	memcpy(&v, nlattr_data(a), sizeof v);
	return v;
}

#endif /* WEIR_DP_ACTIONS_PRIVATE_H */
