#include "of-flow-key.h"

#include <arpa/inet.h>
#include <string.h>

static bool is_arp(__be16 type)
{
	return type == DP_BE16(ETH_TYPE_ARP) || type == DP_BE16(ETH_TYPE_RARP);
}

/* OVS_FRAG_TYPE_* to OpenFlow nw_frag bits.  For a mask, any bit of the
 * frag type matched means both OpenFlow bits are. */
static uint8_t frag_bits(uint8_t frag, bool is_mask)
{
	if (is_mask)
		return frag ? OF_FRAG_MASK : 0;
	return frag == OVS_FRAG_TYPE_LATER ? OF_FRAG_ANY | OF_FRAG_LATER
	       : frag == OVS_FRAG_TYPE_FIRST ? OF_FRAG_ANY : 0;
}

/* One direction of the mapping, for a key or for a mask: which fields a
 * value lands in depends on the packet's eth_type, taken from 'key'
 * either way. */
static void convert(const struct flow_key *k, const struct flow_key *key,
		    bool is_mask, struct of_flow *f)
{
	memset(f, 0, sizeof *f);
	f->recirc_id = htonl(k->recirc_id);
	f->dp_hash = htonl(k->dp_hash);
	f->in_port = htonl(k->in_port);
	f->pkt_mark = htonl(k->skb_mark);
	f->skb_priority = htonl(k->priority);
	memcpy(f->dl_dst, k->eth_dst, 6);
	memcpy(f->dl_src, k->eth_src, 6);
	for (int i = 0; i < FLOW_MAX_VLANS && i < OF_FLOW_N_VLANS; i++) {
		f->vlans[i].tpid = k->vlan[i].tpid;
		f->vlans[i].tci = k->vlan[i].tci;
	}
	f->dl_type = k->eth_type;
	if (is_arp(key->eth_type)) {
		f->arp_op = htons(k->ip.proto);
		f->nw_src = k->arp.sip;
		f->nw_dst = k->arp.tip;
		memcpy(f->arp_sha, k->arp.sha, 6);
		memcpy(f->arp_tha, k->arp.tha, 6);
		return;
	}
	if (flow_eth_type_is_mpls(key->eth_type)) {
		f->mpls_lse = k->mpls.lse[0];
		return;
	}
	f->nw_proto = k->ip.proto;
	f->nw_tos = k->ip.tos;
	f->nw_ttl = k->ip.ttl;
	f->nw_frag = frag_bits(k->ip.frag, is_mask);
	f->tp_src = k->tp.src;
	f->tp_dst = k->tp.dst;
	f->tcp_flags = k->tp.flags;
	if (key->eth_type == DP_BE16(ETH_TYPE_IP)) {
		f->nw_src = k->ipv4.src;
		f->nw_dst = k->ipv4.dst;
	} else if (key->eth_type == DP_BE16(ETH_TYPE_IPV6)) {
		memcpy(f->ipv6_src, k->ipv6.src, 16);
		memcpy(f->ipv6_dst, k->ipv6.dst, 16);
		f->ipv6_label = k->ipv6.label;
		f->ipv6_exthdr = htons(k->ipv6.exthdrs);
		memcpy(f->nd_target, k->ipv6.nd_target, 16);
		memcpy(f->arp_sha, k->ipv6.nd_sll, 6);
		memcpy(f->arp_tha, k->ipv6.nd_tll, 6);
	}
}

void of_flow_from_flow_key(const struct flow_key *key, struct of_flow *f)
{
	convert(key, key, false, f);
}

void of_match_from_flow_key(const struct flow_key *key,
			    const struct flow_key *mask, struct of_match *m)
{
	convert(key, key, false, &m->flow);
	convert(mask, key, true, &m->mask);
	/* Datapath fields wider than their OpenFlow ones. */
	m->mask.ipv6_label &= htonl(0xfffff);
	m->mask.ipv6_exthdr &= htons(0x1ff);
	m->mask.tcp_flags &= htons(0xfff);
	/* A value is only as precise as its mask. */
	for (size_t i = 0; i < sizeof m->flow; i++)
		((uint8_t *)&m->flow)[i] &= ((uint8_t *)&m->mask)[i];
}

bool of_match_overlaps_flow_key(const struct of_match *m,
				const struct flow_key *key,
				const struct flow_key *mask)
{
	const uint8_t *fv = (const uint8_t *)&m->flow;
	const uint8_t *fm = (const uint8_t *)&m->mask;
	struct of_match dp;

	of_match_from_flow_key(key, mask, &dp);
	for (size_t i = 0; i < sizeof dp.flow; i++) {
		uint8_t both = fm[i] & ((uint8_t *)&dp.mask)[i];

		if ((fv[i] ^ ((uint8_t *)&dp.flow)[i]) & both)
			return false;
	}
	return true;
}

/* OpenFlow nw_frag bits to OVS_FRAG_TYPE_*; for a mask, either bit
 * matched means the whole frag type is. */
static uint8_t frag_type(uint8_t bits, bool is_mask)
{
	if (is_mask)
		return bits & OF_FRAG_MASK ? 0xff : 0;
	return bits & OF_FRAG_LATER ? OVS_FRAG_TYPE_LATER
	       : bits & OF_FRAG_ANY ? OVS_FRAG_TYPE_FIRST : OVS_FRAG_TYPE_NONE;
}

/* convert()'s reverse: 'f' is a flow or a mask; where values land follows
 * the type of 'flow'. */
static void revert(const struct of_flow *f, const struct of_flow *flow,
		   bool is_mask, struct flow_key *k)
{
	memset(k, 0, sizeof *k);
	k->recirc_id = ntohl(f->recirc_id);
	k->dp_hash = ntohl(f->dp_hash);
	k->in_port = ntohl(f->in_port);
	k->skb_mark = ntohl(f->pkt_mark);
	k->priority = ntohl(f->skb_priority);
	memcpy(k->eth_dst, f->dl_dst, 6);
	memcpy(k->eth_src, f->dl_src, 6);
	for (int i = 0; i < FLOW_MAX_VLANS && i < OF_FLOW_N_VLANS; i++) {
		k->vlan[i].tpid = f->vlans[i].tpid;
		k->vlan[i].tci = f->vlans[i].tci;
	}
	k->eth_type = f->dl_type;
	if (is_arp(flow->dl_type)) {
		k->ip.proto = ntohs(f->arp_op) & 0xff;
		k->arp.sip = f->nw_src;
		k->arp.tip = f->nw_dst;
		memcpy(k->arp.sha, f->arp_sha, 6);
		memcpy(k->arp.tha, f->arp_tha, 6);
		return;
	}
	if (flow_eth_type_is_mpls(flow->dl_type)) {
		k->mpls.lse[0] = f->mpls_lse;
		k->mpls.held = is_mask ? (f->mpls_lse ? 1 : 0) : 1;
		return;
	}
	if (flow->dl_type != DP_BE16(ETH_TYPE_IP)
	    && flow->dl_type != DP_BE16(ETH_TYPE_IPV6))
		return;
	k->ip.proto = f->nw_proto;
	k->ip.tos = f->nw_tos;
	k->ip.ttl = f->nw_ttl;
	k->ip.frag = frag_type(f->nw_frag, is_mask);
	k->tp.src = f->tp_src;
	k->tp.dst = f->tp_dst;
	k->tp.flags = f->tcp_flags;
	if (flow->dl_type == DP_BE16(ETH_TYPE_IP)) {
		k->ipv4.src = f->nw_src;
		k->ipv4.dst = f->nw_dst;
		return;
	}
	memcpy(k->ipv6.src, f->ipv6_src, 16);
	memcpy(k->ipv6.dst, f->ipv6_dst, 16);
	k->ipv6.label = f->ipv6_label;
	k->ipv6.exthdrs = ntohs(f->ipv6_exthdr);
	memcpy(k->ipv6.nd_target, f->nd_target, 16);
	memcpy(k->ipv6.nd_sll, f->arp_sha, 6);
	memcpy(k->ipv6.nd_tll, f->arp_tha, 6);
}

void of_flow_to_flow_key(const struct of_flow *f, struct flow_key *key)
{
	revert(f, f, false, key);
}

static bool any_set(const void *p, size_t n)
{
	const uint8_t *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i])
			return true;
	return false;
}

void of_flow_mask_to_flow_key(const struct of_flow *wc,
			      const struct of_flow *flow,
			      struct flow_key *mask)
{
	const uint8_t *w = (const uint8_t *)wc;
	bool l3 = any_set(w + OF_FLOW_L3_OFS, OF_FLOW_L4_OFS - OF_FLOW_L3_OFS);
	bool l4 = any_set(w + OF_FLOW_L4_OFS, sizeof *wc - OF_FLOW_L4_OFS);

	revert(wc, flow, true, mask);
	for (int i = 0; i < FLOW_MAX_VLANS && i < OF_FLOW_N_VLANS; i++) {
		/* The datapath matches every tag of its key as a tag, and a
		 * tag's fields mean something only if it is there. */
		if (mask->vlan[i].tci || mask->vlan[i].tpid
		    || flow->vlans[i].tci & DP_BE16(0x1000)) {
			mask->vlan[i].tpid = 0xffff;
			mask->vlan[i].tci |= DP_BE16(0x1000);
		}
	}
	if (flow_eth_type_is_mpls(flow->dl_type) && wc->mpls_lse)
		l3 = true;
	if (l4 && (flow->dl_type == DP_BE16(ETH_TYPE_IP)
		   || flow->dl_type == DP_BE16(ETH_TYPE_IPV6))) {
		mask->ip.proto = 0xff;
		mask->ip.frag = 0xff;
	}
	if (l3 || l4)
		mask->eth_type = 0xffff;
}
