/* push_vlan / pop_vlan / push_mpls / pop_mpls.  Tags and labels live in the
 * packet itself, and insertion and removal keep the header offsets right. */
#include "actions-private.h"

/* The outermost VLAN tag starts right after the MAC addresses. */
#define TAG_OFS (2 * ETH_ADDR_LEN)

int actions_push_vlan(struct dp_packet *pkt, const struct ovs_action_push_vlan *v)
{
	struct pkt_vlan tag;
	u8 *gap;
	int err;

	err = actions_writable(pkt, ETH_HEADER_LEN);
	if (err)
		return err;
	gap = dp_packet_insert(pkt, TAG_OFS, VLAN_HEADER_LEN);
	if (!gap)
		return -ENOMEM;
	/* VLAN_CFI means "present" in the action, as in a key; on the wire
	 * that bit is DEI, which a pushed tag leaves clear, as upstream. */
	tag.tpid = v->vlan_tpid;
	tag.tci = v->vlan_tci & ~DP_BE16(VLAN_CFI);
	memcpy(gap, &tag, sizeof tag);
	return 0;
}

int actions_pop_vlan(struct dp_packet *pkt)
{
	const u8 *data = dp_packet_data(pkt);
	int err;

	/* An untagged packet has nothing to pop, as upstream. */
	if (dp_packet_size(pkt) < ETH_HEADER_LEN + VLAN_HEADER_LEN ||
	    !flow_eth_type_is_vlan(dp_get_be16(data + TAG_OFS)))
		return 0;
	err = dp_packet_make_writable(pkt);
	return err ? err : dp_packet_remove(pkt, TAG_OFS, VLAN_HEADER_LEN);
}

/* Where a label is pushed or popped: the top of the label stack, or for a
 * packet without one the L3 header, after the L2 header and its tags.  The
 * ethertype that names what follows is the 2 bytes in front of it, in an
 * Ethernet II header as in an 802.2 SNAP one.  0 if there is no such place. */
static u32 label_ofs(const struct dp_packet *pkt)
{
	u32 at = pkt->hdr.l2_5 != FLOW_OFS_NONE ? pkt->hdr.l2_5 : pkt->hdr.l3;

	return at != FLOW_OFS_NONE && at >= ETH_HEADER_LEN ? at : 0;
}

int actions_push_mpls(struct dp_packet *pkt, const struct ovs_action_push_mpls *m)
{
	u32 at = label_ofs(pkt);
	__be32 lse = m->mpls_lse & ~DP_BE32(MPLS_BOS_MASK);
	u8 *gap;
	int err;

	if (!at)
		return -EINVAL;
	err = actions_writable(pkt, at);
	if (err)
		return err;
	/* The bottom of stack bit follows from the packet, not the action. */
	if (!flow_eth_type_is_mpls(dp_get_be16((u8 *)dp_packet_data(pkt) + at - 2)))
		lse |= DP_BE32(MPLS_BOS_MASK);
	gap = dp_packet_insert(pkt, at, MPLS_HEADER_LEN);
	if (!gap)
		return -ENOMEM;
	dp_put_be32(gap, lse);
	dp_put_be16(gap - 2, m->mpls_ethertype);

	/* As extraction would find them: nothing past L3 in an MPLS packet. */
	pkt->hdr.l2_5 = at;
	pkt->hdr.l4 = pkt->hdr.l7 = FLOW_OFS_NONE;
	return 0;
}

int actions_pop_mpls(struct dp_packet *pkt, __be16 ethertype)
{
	u32 at = pkt->hdr.l2_5;
	int err;

	if (at == FLOW_OFS_NONE || at < ETH_HEADER_LEN)
		return -EINVAL;
	err = actions_writable(pkt, at + MPLS_HEADER_LEN);
	if (err)
		return err;
	if (!flow_eth_type_is_mpls(dp_get_be16((u8 *)dp_packet_data(pkt) + at - 2)))
		return -EINVAL;
	err = dp_packet_remove(pkt, at, MPLS_HEADER_LEN);
	if (err)
		return err;
	dp_put_be16((u8 *)dp_packet_data(pkt) + at - 2, ethertype);

	if (flow_eth_type_is_mpls(ethertype)) {
		pkt->hdr.l2_5 = at;
	} else {
		/* The L3 header is now where the label was; what lies past it
		 * is unknown until the packet is parsed again. */
		pkt->hdr.l3 = at;
		pkt->hdr.l4 = pkt->hdr.l7 = FLOW_OFS_NONE;
	}
	return 0;
}
