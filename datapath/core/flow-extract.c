/* Flow-key extraction: one pass over a frame, bounds-checked at every step.
 *
 * Each parser gets a cursor over the bytes that remain and fills what it can;
 * a header that does not fit ends the walk with the fields found so far, so a
 * truncated packet still gets a usable key. */
#include "flow.h"

struct cursor {
	const u8 *base;         /* the Ethernet header */
	u32 ofs;                /* where the next header starts */
	u32 end;                /* one past the last byte we may read */
};

static inline const void *cursor_peek(const struct cursor *c, u32 need)
{
	return c->end - c->ofs >= need ? c->base + c->ofs : NULL;
}

static inline const void *cursor_pull(struct cursor *c, u32 need)
{
	const void *p = cursor_peek(c, need);

	if (p)
		c->ofs += need;
	return p;
}

/* The ethertype after the MAC addresses (and any VLAN tags) of an Ethernet II
 * frame, or the SNAP ethertype of an 802.3 frame, or ETH_TYPE_802_2. */
static __be16 parse_ethertype(struct cursor *c)
{
	const struct pkt_llc_snap *llc;
	const __be16 *type = cursor_pull(c, 2);

	if (!type)
		return DP_BE16(ETH_TYPE_802_2);
	if (be16_to_cpu(dp_get_be16(type)) >= ETH_TYPE_MIN)
		return dp_get_be16(type);

	llc = cursor_peek(c, sizeof *llc);
	if (!llc || llc->dsap != LLC_SAP_SNAP || llc->ssap != LLC_SAP_SNAP ||
	    llc->control != LLC_CNTL_UI || llc->oui[0] || llc->oui[1] ||
	    llc->oui[2] || be16_to_cpu(llc->type) < ETH_TYPE_MIN)
		return DP_BE16(ETH_TYPE_802_2);
	c->ofs += sizeof *llc;
	return llc->type;
}

/* Reads up to two VLAN tags; returns the ethertype that follows them. */
static __be16 parse_vlans(struct cursor *c, struct flow_key *key)
{
	int i;

	for (i = 0; i < FLOW_MAX_VLANS; i++) {
		const struct pkt_vlan *tag = cursor_peek(c, sizeof *tag + 2);

		if (!tag || !flow_eth_type_is_vlan(tag->tpid))
			break;
		key->vlan[i].tpid = tag->tpid;
		key->vlan[i].tci = tag->tci | DP_BE16(VLAN_CFI);
		c->ofs += sizeof *tag;
	}
	return parse_ethertype(c);
}

static void parse_mpls(struct cursor *c, struct flow_key *key,
		       struct flow_offsets *ofs)
{
	const struct pkt_mpls *mpls;
	u32 n = 0;

	ofs->l2_5 = c->ofs;
	while ((mpls = cursor_pull(c, sizeof *mpls)) != NULL) {
		if (n < FLOW_MAX_MPLS)
			key->mpls.lse[n++] = dp_get_be32(&mpls->lse);
		if (mpls->lse & DP_BE32(MPLS_BOS_MASK)) {
			ofs->l3 = c->ofs;
			break;
		}
	}
	key->mpls.held = flow_mpls_held(n);
}

static void parse_arp(struct cursor *c, struct flow_key *key,
		      struct flow_offsets *ofs)
{
	const struct pkt_arp *arp = cursor_peek(c, sizeof *arp);
	u16 op;

	ofs->l3 = c->ofs;
	if (!arp || arp->htype != DP_BE16(ARP_HTYPE_ETH) ||
	    arp->ptype != DP_BE16(ETH_TYPE_IP) ||
	    arp->hlen != ETH_ADDR_LEN || arp->plen != 4)
		return;

	op = be16_to_cpu(arp->op);
	key->ip.proto = op <= 0xff ? op : 0;
	key->arp.sip = dp_get_be32(&arp->spa);
	key->arp.tip = dp_get_be32(&arp->tpa);
	memcpy(key->arp.sha, arp->sha, ETH_ADDR_LEN);
	memcpy(key->arp.tha, arp->tha, ETH_ADDR_LEN);
}

/* The TCP/UDP/SCTP/ICMP part, common to IPv4 and IPv6 (ICMPv6 ND apart). */
static void parse_l4(struct cursor *c, struct flow_key *key,
		     struct flow_offsets *ofs)
{
	const struct pkt_tcp *tcp;
	const struct pkt_udp *udp;
	const struct pkt_sctp *sctp;
	const struct pkt_icmp *icmp;

	ofs->l4 = c->ofs;
	switch (key->ip.proto) {
	case IPPROTO_NUM_TCP: {
		u32 hlen;

		tcp = cursor_peek(c, sizeof *tcp);
		if (!tcp)
			return;
		hlen = (be16_to_cpu(tcp->off_flags) >> 12) * 4;
		if (hlen < TCP_HEADER_LEN || !cursor_peek(c, hlen))
			return;
		key->tp.src = tcp->src;
		key->tp.dst = tcp->dst;
		key->tp.flags = tcp->off_flags & DP_BE16(TCP_FLAGS_MASK);
		ofs->l7 = c->ofs + hlen;
		return;
	}
	case IPPROTO_NUM_UDP:
		udp = cursor_peek(c, sizeof *udp);
		if (!udp)
			return;
		key->tp.src = udp->src;
		key->tp.dst = udp->dst;
		ofs->l7 = c->ofs + sizeof *udp;
		return;
	case IPPROTO_NUM_SCTP:
		sctp = cursor_peek(c, sizeof *sctp);
		if (!sctp)
			return;
		key->tp.src = sctp->src;
		key->tp.dst = sctp->dst;
		ofs->l7 = c->ofs + sizeof *sctp;
		return;
	case IPPROTO_NUM_ICMP:
		icmp = cursor_peek(c, sizeof *icmp);
		if (!icmp)
			return;
		key->tp.src = cpu_to_be16(icmp->type);
		key->tp.dst = cpu_to_be16(icmp->code);
		ofs->l7 = c->ofs + sizeof *icmp;
		return;
	}
}

static void parse_ipv4(struct cursor *c, struct flow_key *key,
		       struct flow_offsets *ofs)
{
	const struct pkt_ipv4 *ip = cursor_peek(c, sizeof *ip);
	u32 hlen, tot_len;
	u16 frag;

	ofs->l3 = c->ofs;
	if (!ip || (ip->ihl_ver >> 4) != 4)
		return;
	hlen = (ip->ihl_ver & 0xf) * 4;
	tot_len = be16_to_cpu(ip->tot_len);
	if (hlen < IPV4_HEADER_LEN || tot_len < hlen || !cursor_peek(c, hlen))
		return;

	key->ipv4.src = dp_get_be32(&ip->src);
	key->ipv4.dst = dp_get_be32(&ip->dst);
	key->ip.proto = ip->proto;
	key->ip.tos = ip->tos;
	key->ip.ttl = ip->ttl;

	/* Ethernet padding after tot_len is not part of the datagram.  A frame
	 * cut shorter keeps the fields that fit, as upstream does. */
	if (c->end - c->ofs > tot_len)
		c->end = c->ofs + tot_len;
	c->ofs += hlen;

	frag = be16_to_cpu(ip->frag_off);
	if (frag & IPV4_FRAG_OFFSET_MASK) {
		key->ip.frag = OVS_FRAG_TYPE_LATER;
		return;
	}
	if (frag & IPV4_MORE_FRAGS)
		key->ip.frag = OVS_FRAG_TYPE_FIRST;
	parse_l4(c, key, ofs);
}

/* RFC 8200 section 4.1 order of extension headers; a destination options
 * header after a routing header is the final one. */
enum eh_rank { EH_HOP, EH_DEST1, EH_ROUTER, EH_FRAG, EH_AUTH, EH_ESP, EH_DEST2 };

struct eh_state {
	u16 seen;               /* FLOW_EH_* of the headers met */
	u8 max_rank;
	u8 ranks;               /* 1 << enum eh_rank of the headers met */
};

/* Records one extension header in the key's exthdrs bits. */
static void eh_note(struct eh_state *st, u16 bit, enum eh_rank rank)
{
	/* Destination options may come once before a routing header and once
	 * after it, so those are two different headers here. */
	if (bit == FLOW_EH_DEST && (st->seen & FLOW_EH_ROUTER))
		rank = EH_DEST2;
	if (st->ranks & (1u << rank))
		st->seen |= FLOW_EH_UNREP;
	if (rank < st->max_rank || (bit == FLOW_EH_HOP && st->seen))
		st->seen |= FLOW_EH_UNSEQ;
	if (rank > st->max_rank)
		st->max_rank = rank;
	st->ranks |= 1u << rank;
	st->seen |= bit;
}

/* Walks the extension headers from c->ofs, with *next the first header's
 * type.  Leaves *next at the upper-layer protocol and returns false when the
 * walk cannot reach it (truncation, ESP, a later fragment). */
static bool skip_ipv6_exthdrs(struct cursor *c, u8 *next, struct flow_key *key)
{
	struct eh_state st = { 0, 0, 0 };
	bool reached = false;

	for (;;) {
		const struct pkt_ipv6_ext *ext;
		const struct pkt_ipv6_frag *frag;
		u32 len;

		switch (*next) {
		case IPPROTO_NUM_HOPOPTS:
		case IPPROTO_NUM_ROUTING:
		case IPPROTO_NUM_DSTOPTS:
			ext = cursor_peek(c, 8);
			if (!ext)
				goto out;
			len = (ext->len + 1) * 8;
			if (*next == IPPROTO_NUM_HOPOPTS)
				eh_note(&st, FLOW_EH_HOP, EH_HOP);
			else if (*next == IPPROTO_NUM_ROUTING)
				eh_note(&st, FLOW_EH_ROUTER, EH_ROUTER);
			else
				eh_note(&st, FLOW_EH_DEST, EH_DEST1);
			if (!cursor_pull(c, len))
				goto out;
			*next = ext->next;
			break;
		case IPPROTO_NUM_AH:
			ext = cursor_peek(c, 8);
			if (!ext)
				goto out;
			eh_note(&st, FLOW_EH_AUTH, EH_AUTH);
			if (!cursor_pull(c, (ext->len + 2) * 4))
				goto out;
			*next = ext->next;
			break;
		case IPPROTO_NUM_FRAGMENT:
			frag = cursor_pull(c, sizeof *frag);
			if (!frag)
				goto out;
			eh_note(&st, FLOW_EH_FRAG, EH_FRAG);
			*next = frag->next;
			if (frag->off_flags & DP_BE16(IPV6_FRAG_OFFSET_MASK)) {
				key->ip.frag = OVS_FRAG_TYPE_LATER;
				goto out;
			}
			key->ip.frag = OVS_FRAG_TYPE_FIRST;
			break;
		case IPPROTO_NUM_ESP:
			eh_note(&st, FLOW_EH_ESP, EH_ESP);
			goto out;
		case IPPROTO_NUM_NONE:
			st.seen |= FLOW_EH_NONEXT;
			goto out;
		default:
			reached = true;
			goto out;
		}
	}
out:
	key->ipv6.exthdrs = st.seen;
	return reached;
}

/* Neighbour discovery: the target and the link-layer address options.  A
 * malformed option list invalidates all three fields, and a tail shorter than
 * an option is ignored, as upstream does. */
static void parse_nd(struct cursor *c, struct flow_key *key)
{
	const struct pkt_nd *nd = cursor_pull(c, sizeof *nd);

	if (!nd || nd->icmp.code != 0)
		return;
	memcpy(key->ipv6.nd_target, nd->target, 16);

	while (c->end - c->ofs >= sizeof(struct pkt_nd_opt)) {
		const struct pkt_nd_opt *opt = cursor_peek(c, sizeof *opt);
		u32 len;

		if (opt->len == 0 || !cursor_peek(c, opt->len * 8u))
			goto invalid;
		len = opt->len * 8u;
		if (opt->type == ND_OPT_SLL && len == 8) {
			if (key->ipv6.nd_sll[0] | key->ipv6.nd_sll[1] |
			    key->ipv6.nd_sll[2] | key->ipv6.nd_sll[3] |
			    key->ipv6.nd_sll[4] | key->ipv6.nd_sll[5])
				goto invalid;
			memcpy(key->ipv6.nd_sll, opt->mac, ETH_ADDR_LEN);
		} else if (opt->type == ND_OPT_TLL && len == 8) {
			if (key->ipv6.nd_tll[0] | key->ipv6.nd_tll[1] |
			    key->ipv6.nd_tll[2] | key->ipv6.nd_tll[3] |
			    key->ipv6.nd_tll[4] | key->ipv6.nd_tll[5])
				goto invalid;
			memcpy(key->ipv6.nd_tll, opt->mac, ETH_ADDR_LEN);
		}
		c->ofs += len;
	}
	return;
invalid:
	memset(key->ipv6.nd_target, 0, 16);
	memset(key->ipv6.nd_sll, 0, ETH_ADDR_LEN);
	memset(key->ipv6.nd_tll, 0, ETH_ADDR_LEN);
}

static void parse_ipv6(struct cursor *c, struct flow_key *key,
		       struct flow_offsets *ofs)
{
	const struct pkt_ipv6 *ip = cursor_peek(c, sizeof *ip);
	u32 vtc, plen;
	bool reached;
	u8 next;

	ofs->l3 = c->ofs;
	if (!ip)
		return;
	vtc = be32_to_cpu(dp_get_be32(&ip->vtc_flow));
	plen = be16_to_cpu(ip->payload_len);
	if ((vtc >> 28) != 6)
		return;
	/* A zero payload length with a hop-by-hop header may be a jumbogram:
	 * its length is in an option, so the frame's end bounds it. */
	if ((plen || ip->next != IPPROTO_NUM_HOPOPTS) &&
	    c->end - c->ofs > sizeof *ip + plen)
		c->end = c->ofs + sizeof *ip + plen;

	memcpy(key->ipv6.src, ip->src, 16);
	memcpy(key->ipv6.dst, ip->dst, 16);
	key->ipv6.label = cpu_to_be32(vtc & IPV6_LABEL_MASK);
	key->ip.tos = (vtc >> 20) & 0xff;
	key->ip.ttl = ip->hlimit;
	c->ofs += sizeof *ip;

	next = ip->next;
	reached = skip_ipv6_exthdrs(c, &next, key);
	key->ip.proto = next;
	if (!reached)
		return;
	if (next == IPPROTO_NUM_ICMPV6) {
		const struct pkt_icmp *icmp = cursor_peek(c, sizeof *icmp);

		ofs->l4 = c->ofs;
		if (!icmp)
			return;
		key->tp.src = cpu_to_be16(icmp->type);
		key->tp.dst = cpu_to_be16(icmp->code);
		ofs->l7 = c->ofs + sizeof *icmp;
		if (icmp->type == ICMPV6_NS || icmp->type == ICMPV6_NA)
			parse_nd(c, key);
		return;
	}
	parse_l4(c, key, ofs);
}

int flow_extract(const u8 *data, u32 len, struct flow_key *key,
		 struct flow_offsets *ofs)
{
	struct flow_offsets scratch;
	struct cursor c = { data, 0, len };
	const struct pkt_eth *eth;
	const size_t meta = offsetof(struct flow_key, eth_src);

	if (!ofs)
		ofs = &scratch;
	ofs->l2_5 = ofs->l3 = ofs->l4 = ofs->l7 = FLOW_OFS_NONE;
	memset((u8 *)key + meta, 0, sizeof *key - meta);

	if (len < ETH_HEADER_LEN)
		return -EINVAL;
	eth = cursor_pull(&c, 12);
	memcpy(key->eth_dst, eth->dst, ETH_ADDR_LEN);
	memcpy(key->eth_src, eth->src, ETH_ADDR_LEN);
	key->eth_type = parse_vlans(&c, key);

	switch (be16_to_cpu(key->eth_type)) {
	case ETH_TYPE_IP:
		parse_ipv4(&c, key, ofs);
		break;
	case ETH_TYPE_IPV6:
		parse_ipv6(&c, key, ofs);
		break;
	case ETH_TYPE_ARP:
	case ETH_TYPE_RARP:
		parse_arp(&c, key, ofs);
		break;
	case ETH_TYPE_MPLS:
	case ETH_TYPE_MPLS_MCAST:
		parse_mpls(&c, key, ofs);
		break;
	}
	return 0;
}
