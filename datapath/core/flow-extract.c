/* Flow-key extraction: one pass over a frame, bounds-checked at every step.
 *
 * Each parser gets a cursor over the bytes that remain and fills what it can;
 * a header that does not fit ends the walk with the fields found so far, so a
 * truncated packet still gets a usable key.
 *
 * Every packet comes through here, so the common shapes (untagged Ethernet,
 * IPv4 or IPv6 without options, TCP or UDP) take a straight path: one length
 * check per header, fixed-size copies, and the rare cases out of line. */
#include "flow.h"

/* Rare paths, kept out of the hot function and its registers. */
#define FLOW_COLD __attribute__((__noinline__, __cold__))

struct cursor {
	const u8 *base;         /* the Ethernet header */
	u32 ofs;                /* where the next header starts */
	u32 end;                /* one past the last byte we may read */
};

/* Invariant: ofs <= end, so cursor_at() is always inside or one past the
 * frame, and only a true cursor_has() allows reading there. */
static inline bool cursor_has(const struct cursor *c, u32 need)
{
	return c->end - c->ofs >= need;
}

static inline const void *cursor_at(const struct cursor *c)
{
	return c->base + c->ofs;
}

/* Zeroes every field after the Ethernet addresses.  Fixed 32-byte spans
 * become a few wide stores; one memset of the whole odd-sized tail becomes
 * "rep stos", whose start-up costs more than parsing the packet. */
static __always_inline void clear_key(struct flow_key *key)
{
	/* Addressed from the key, not a field, as the spans cross fields. */
	u8 *p = (u8 *)key + offsetof(struct flow_key, vlan);

	_Static_assert(sizeof *key - offsetof(struct flow_key, vlan) == 3 * 32,
		       "clear_key() covers the key from vlan on");
	memset(p, 0, 32);
	memset(p + 32, 0, 32);
	memset(p + 64, 0, 32);
}

/* The ethertype of an 802.3 frame's SNAP header, or ETH_TYPE_802_2. */
static FLOW_COLD __be16 parse_llc(struct cursor *c)
{
	const struct pkt_llc_snap *llc = cursor_at(c);

	if (!cursor_has(c, sizeof *llc) || llc->dsap != LLC_SAP_SNAP ||
	    llc->ssap != LLC_SAP_SNAP || llc->control != LLC_CNTL_UI ||
	    llc->oui[0] || llc->oui[1] || llc->oui[2] ||
	    be16_to_cpu(llc->type) < ETH_TYPE_MIN)
		return DP_BE16(ETH_TYPE_802_2);
	c->ofs += sizeof *llc;
	return llc->type;
}

/* parse_llc() on a copy of the cursor, so that the caller's stays in
 * registers: a cursor whose address reaches an out-of-line call lives on
 * the stack for the whole extraction. */
static __always_inline __be16 parse_llc_at(struct cursor *c)
{
	struct cursor walk = *c;
	__be16 type = parse_llc(&walk);

	c->ofs = walk.ofs;
	return type;
}

/* From the type field after the MAC addresses: reads up to two VLAN tags
 * (each followed by a type field) and returns the ethertype after them, the
 * SNAP ethertype of an 802.3 frame, or ETH_TYPE_802_2. */
static __always_inline __be16 parse_vlans(struct cursor *c,
					  struct flow_key *key)
{
	__be16 type;
	int i;

	for (i = 0; i < FLOW_MAX_VLANS; i++) {
		const struct pkt_vlan *tag = cursor_at(c);

		if (!cursor_has(c, sizeof *tag + 2) ||
		    !flow_eth_type_is_vlan(tag->tpid))
			break;
		key->vlan[i].tpid = tag->tpid;
		key->vlan[i].tci = tag->tci | DP_BE16(VLAN_CFI);
		c->ofs += sizeof *tag;
	}
	/* The caller checked the first type field; each tag, the next one. */
	type = dp_get_be16(cursor_at(c));
	c->ofs += 2;
	if (be16_to_cpu(type) >= ETH_TYPE_MIN)
		return type;
	return parse_llc_at(c);
}

/* Takes up to FLOW_MAX_MPLS labels into the key and walks the rest of the
 * stack only to find where the payload starts; nothing past it is parsed. */
static void parse_mpls(struct cursor *c, struct flow_key *key,
		       struct flow_offsets *ofs)
{
	u32 n = 0;

	ofs->l2_5 = c->ofs;
	while (cursor_has(c, MPLS_HEADER_LEN)) {
		__be32 lse = dp_get_be32(cursor_at(c));

		c->ofs += MPLS_HEADER_LEN;
		if (n < FLOW_MAX_MPLS)
			key->mpls.lse[n++] = lse;
		if (lse & DP_BE32(MPLS_BOS_MASK)) {
			ofs->l3 = c->ofs;
			break;
		}
	}
	key->mpls.held = flow_mpls_held(n);
}

/* The first six bytes of an Ethernet/IPv4 ARP header: htype, ptype, hlen,
 * plen, as two big-endian words. */
#define ARP_ETH_IP_HI 0x00010800    /* htype 1, ptype 0x0800 */
#define ARP_ETH_IP_LO 0x0604        /* hlen 6, plen 4 */

static void parse_arp(struct cursor *c, struct flow_key *key,
		      struct flow_offsets *ofs)
{
	const struct pkt_arp *arp = cursor_at(c);
	u16 op;

	ofs->l3 = c->ofs;
	if (!cursor_has(c, sizeof *arp) ||
	    dp_get_be32(arp) != DP_BE32(ARP_ETH_IP_HI) ||
	    dp_get_be16(&arp->hlen) != DP_BE16(ARP_ETH_IP_LO))
		return;

	op = be16_to_cpu(arp->op);
	key->ip.proto = op <= 0xff ? op : 0;
	key->arp.sip = dp_get_be32(&arp->spa);
	key->arp.tip = dp_get_be32(&arp->tpa);
	memcpy(key->arp.sha, arp->sha, ETH_ADDR_LEN);
	memcpy(key->arp.tha, arp->tha, ETH_ADDR_LEN);
}

/* Source and destination port: the first four bytes of TCP, UDP and SCTP. */
static __always_inline void take_ports(struct flow_key *key, const u8 *l4)
{
	key->tp.src = dp_get_be16(l4);
	key->tp.dst = dp_get_be16(l4 + 2);
}

/* ICMP and ICMPv6 keep type and code as 16-bit "ports".  Returns false if
 * the header is cut short. */
static bool take_icmp(struct cursor *c, struct flow_key *key,
		      struct flow_offsets *ofs)
{
	const struct pkt_icmp *icmp = cursor_at(c);

	if (!cursor_has(c, sizeof *icmp))
		return false;
	key->tp.src = cpu_to_be16(icmp->type);
	key->tp.dst = cpu_to_be16(icmp->code);
	ofs->l7 = c->ofs + sizeof *icmp;
	return true;
}

/* TCP: the ports, the flags, and where the payload starts. */
static __always_inline void parse_tcp(struct cursor *c, struct flow_key *key,
				      struct flow_offsets *ofs)
{
	const struct pkt_tcp *tcp = cursor_at(c);
	u32 room = c->end - c->ofs, hlen;

	if (unlikely(room < TCP_HEADER_LEN))
		return;
	hlen = (be16_to_cpu(tcp->off_flags) >> 12) * 4;
	/* TCP_HEADER_LEN <= hlen <= room, in one unsigned comparison. */
	if (unlikely(hlen - TCP_HEADER_LEN > room - TCP_HEADER_LEN))
		return;
	take_ports(key, cursor_at(c));
	key->tp.flags = tcp->off_flags & DP_BE16(TCP_FLAGS_MASK);
	ofs->l7 = c->ofs + hlen;
}

/* The TCP/UDP/SCTP/ICMP part, common to IPv4 and IPv6 (ICMPv6 apart). */
static __always_inline void parse_l4(struct cursor *c, struct flow_key *key,
				     struct flow_offsets *ofs)
{
	u32 hlen;

	ofs->l4 = c->ofs;
	if (likely(key->ip.proto == IPPROTO_NUM_TCP)) {
		parse_tcp(c, key, ofs);
		return;
	}
	switch (key->ip.proto) {
	case IPPROTO_NUM_UDP:
		hlen = UDP_HEADER_LEN;
		break;
	case IPPROTO_NUM_SCTP:
		hlen = SCTP_HEADER_LEN;
		break;
	case IPPROTO_NUM_ICMP:
		take_icmp(c, key, ofs);
		return;
	default:
		return;
	}
	if (unlikely(!cursor_has(c, hlen)))
		return;
	take_ports(key, cursor_at(c));
	ofs->l7 = c->ofs + hlen;
}

#define IPV4_VER_IHL_MIN 0x45        /* version 4, a 20-byte header */

static __always_inline void parse_ipv4(struct cursor *c, struct flow_key *key,
				       struct flow_offsets *ofs)
{
	const struct pkt_ipv4 *ip = cursor_at(c);
	u32 hlen, tot_len;

	ofs->l3 = c->ofs;
	if (unlikely(!cursor_has(c, IPV4_HEADER_LEN)))
		return;
	tot_len = be16_to_cpu(ip->tot_len);
	if (likely(ip->ihl_ver == IPV4_VER_IHL_MIN)) {
		/* Version 4 without options: the common case, one test. */
		hlen = IPV4_HEADER_LEN;
		if (unlikely(tot_len < IPV4_HEADER_LEN))
			return;
	} else {
		hlen = (ip->ihl_ver & 0xf) * 4;
		if ((ip->ihl_ver >> 4) != 4 || hlen < IPV4_HEADER_LEN ||
		    tot_len < hlen || !cursor_has(c, hlen))
			return;
	}

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

	if (unlikely(ip->frag_off &
		     DP_BE16(IPV4_MORE_FRAGS | IPV4_FRAG_OFFSET_MASK))) {
		if (ip->frag_off & DP_BE16(IPV4_FRAG_OFFSET_MASK)) {
			key->ip.frag = OVS_FRAG_TYPE_LATER;
			return;
		}
		key->ip.frag = OVS_FRAG_TYPE_FIRST;
	}
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
static FLOW_COLD bool skip_ipv6_exthdrs(struct cursor *c, u8 *next,
				       struct flow_key *key)
{
	struct eh_state st = { 0, 0, 0 };
	bool reached = false;

	for (;;) {
		const struct pkt_ipv6_ext *ext = cursor_at(c);
		const struct pkt_ipv6_frag *frag = cursor_at(c);

		switch (*next) {
		case IPPROTO_NUM_HOPOPTS:
		case IPPROTO_NUM_ROUTING:
		case IPPROTO_NUM_DSTOPTS:
			if (!cursor_has(c, 8))
				goto out;
			if (*next == IPPROTO_NUM_HOPOPTS)
				eh_note(&st, FLOW_EH_HOP, EH_HOP);
			else if (*next == IPPROTO_NUM_ROUTING)
				eh_note(&st, FLOW_EH_ROUTER, EH_ROUTER);
			else
				eh_note(&st, FLOW_EH_DEST, EH_DEST1);
			if (!cursor_has(c, (ext->len + 1) * 8))
				goto out;
			c->ofs += (ext->len + 1) * 8;
			*next = ext->next;
			break;
		case IPPROTO_NUM_AH:
			if (!cursor_has(c, 8))
				goto out;
			eh_note(&st, FLOW_EH_AUTH, EH_AUTH);
			if (!cursor_has(c, (ext->len + 2) * 4))
				goto out;
			c->ofs += (ext->len + 2) * 4;
			*next = ext->next;
			break;
		case IPPROTO_NUM_FRAGMENT:
			if (!cursor_has(c, sizeof *frag))
				goto out;
			c->ofs += sizeof *frag;
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

static bool nd_mac_set(const u8 *mac)
{
	return mac[0] | mac[1] | mac[2] | mac[3] | mac[4] | mac[5];
}

/* Neighbour discovery: the target and the link-layer address options.  A
 * malformed option list invalidates all three fields, and a tail shorter than
 * an option is ignored, as upstream does. */
static FLOW_COLD void parse_nd(struct cursor cur, struct flow_key *key)
{
	struct cursor *c = &cur;
	const struct pkt_nd *nd = cursor_at(c);

	if (!cursor_has(c, sizeof *nd) || nd->icmp.code != 0)
		return;
	c->ofs += sizeof *nd;
	memcpy(key->ipv6.nd_target, nd->target, 16);

	while (cursor_has(c, sizeof(struct pkt_nd_opt))) {
		const struct pkt_nd_opt *opt = cursor_at(c);
		u32 len = opt->len * 8u;

		if (len == 0 || !cursor_has(c, len))
			goto invalid;
		if (opt->type == ND_OPT_SLL && len == 8) {
			if (nd_mac_set(key->ipv6.nd_sll))
				goto invalid;
			memcpy(key->ipv6.nd_sll, opt->mac, ETH_ADDR_LEN);
		} else if (opt->type == ND_OPT_TLL && len == 8) {
			if (nd_mac_set(key->ipv6.nd_tll))
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

/* TCP or UDP right after the IPv6 header, the common case, needs no walk
 * over extension headers. */
static inline bool ipv6_next_is_l4(u8 next)
{
	return next == IPPROTO_NUM_TCP || next == IPPROTO_NUM_UDP;
}

static __always_inline void parse_ipv6(struct cursor *c, struct flow_key *key,
				       struct flow_offsets *ofs)
{
	const struct pkt_ipv6 *ip = cursor_at(c);
	u32 vtc, plen;
	u8 next;

	ofs->l3 = c->ofs;
	if (unlikely(!cursor_has(c, IPV6_HEADER_LEN)))
		return;
	vtc = be32_to_cpu(dp_get_be32(&ip->vtc_flow));
	if (unlikely((vtc >> 28) != 6))
		return;
	plen = be16_to_cpu(ip->payload_len);
	next = ip->next;
	/* A zero payload length with a hop-by-hop header may be a jumbogram:
	 * its length is in an option, so the frame's end bounds it. */
	if ((plen || next != IPPROTO_NUM_HOPOPTS) &&
	    c->end - c->ofs > IPV6_HEADER_LEN + plen)
		c->end = c->ofs + IPV6_HEADER_LEN + plen;

	memcpy(key->ipv6.src, ip->src, 16);
	memcpy(key->ipv6.dst, ip->dst, 16);
	key->ipv6.label = cpu_to_be32(vtc & IPV6_LABEL_MASK);
	key->ip.tos = (vtc >> 20) & 0xff;
	key->ip.ttl = ip->hlimit;
	c->ofs += IPV6_HEADER_LEN;

	if (unlikely(!ipv6_next_is_l4(next))) {
		struct cursor walk = *c;    /* see parse_llc_at() */
		bool reached = skip_ipv6_exthdrs(&walk, &next, key);

		c->ofs = walk.ofs;
		key->ip.proto = next;
		if (!reached)
			return;
		if (next == IPPROTO_NUM_ICMPV6) {
			ofs->l4 = c->ofs;
			if (take_icmp(c, key, ofs) &&
			    (key->tp.src == DP_BE16(ICMPV6_NS) ||
			     key->tp.src == DP_BE16(ICMPV6_NA)))
				parse_nd(*c, key);
			return;
		}
	}
	key->ip.proto = next;
	parse_l4(c, key, ofs);
}

/* Starts on a cache line so that its branches fall the same way against
 * 32-byte boundaries in every binary: on CPUs with Intel's jump erratum
 * (JCC), code whose branch crosses one runs from the slow decoders, which
 * made TCP/IPv4 up to twice as slow, depending only on the link. */
__attribute__((__aligned__(64)))
int flow_extract(const u8 *data, u32 len, struct flow_key *key,
		 struct flow_offsets *ofs)
{
	struct flow_offsets scratch;
	struct cursor c = { data, ETH_HEADER_LEN, len };
	__be16 type;

	if (!ofs)
		ofs = &scratch;
	ofs->l2_5 = ofs->l3 = ofs->l4 = ofs->l7 = FLOW_OFS_NONE;
	clear_key(key);
	if (unlikely(len < ETH_HEADER_LEN)) {
		memset((u8 *)key + offsetof(struct flow_key, eth_src), 0,
		       2 * ETH_ADDR_LEN);
		return -EINVAL;
	}

	memcpy(key->eth_dst, data, ETH_ADDR_LEN);
	memcpy(key->eth_src, data + ETH_ADDR_LEN, ETH_ADDR_LEN);
	type = dp_get_be16(data + 2 * ETH_ADDR_LEN);
	/* IPv4 first and alone: the commonest frame meets one test here. */
	if (unlikely(type != DP_BE16(ETH_TYPE_IP) &&
		     (be16_to_cpu(type) < ETH_TYPE_MIN ||
		      flow_eth_type_is_vlan(type)))) {
		c.ofs = 2 * ETH_ADDR_LEN;
		type = parse_vlans(&c, key);
	}
	key->eth_type = type;

	if (likely(type == DP_BE16(ETH_TYPE_IP)))
		parse_ipv4(&c, key, ofs);
	else if (type == DP_BE16(ETH_TYPE_IPV6))
		parse_ipv6(&c, key, ofs);
	else if (type == DP_BE16(ETH_TYPE_ARP) ||
		 type == DP_BE16(ETH_TYPE_RARP))
		parse_arp(&c, key, ofs);
	else if (flow_eth_type_is_mpls(type))
		parse_mpls(&c, key, ofs);
	return 0;
}
