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
