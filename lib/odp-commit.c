/* Committing header changes as datapath set, set_masked, push and pop
 * actions (see odp-commit.h). */
#include "odp-commit.h"

#include <arpa/inet.h>
#include <stddef.h>
#include <string.h>
#include <linux/openvswitch.h>

#define ODP_ETH_IP	0x0800
#define ODP_ETH_ARP	0x0806
#define ODP_ETH_RARP	0x8035
#define ODP_ETH_IPV6	0x86dd
#define ODP_ETH_MPLS	0x8847
#define ODP_ETH_MPLSM	0x8848

#define ODP_COMMIT_MAX_KEY 128	/* room for the largest key attribute twice */

static bool odp_is_arp(uint16_t be_type)
{
	return be_type == htons(ODP_ETH_ARP) || be_type == htons(ODP_ETH_RARP);
}

static bool odp_is_mpls(uint16_t be_type)
{
	return be_type == htons(ODP_ETH_MPLS)
	       || be_type == htons(ODP_ETH_MPLSM);
}

/* Marks 'n' bytes at 'field' (inside 'target') in 'wc'. */
static void odp_wc(struct of_flow *wc, const struct of_flow *target,
		   const void *field, size_t n)
{
	size_t ofs = (const uint8_t *)field - (const uint8_t *)target;

	memset((uint8_t *)wc + ofs, 0xff, n);
}
#define ODP_WC(WC, T, F) odp_wc(WC, T, &(T)->F, sizeof (T)->F)

/* set(ATTR) with 'key' exact. */
static void odp_put_set(struct nlbuf *acts, uint16_t type, const void *key,
			size_t len)
{
	uint32_t nest = nlbuf_nest_start(acts, OVS_ACTION_ATTR_SET);

	nlbuf_put(acts, type, key, len);
	nlbuf_nest_end(acts, nest);
}

/* set_masked(ATTR) with 'key' under 'mask', or a plain set when 'mask' is
 * all ones.  'key' bits outside 'mask' are cleared, as the ABI wants. */
static void odp_put_set_masked(struct nlbuf *acts, uint16_t type,
			       const void *key, const void *mask, size_t len)
{
	uint8_t buf[ODP_COMMIT_MAX_KEY];
	const uint8_t *m = mask;
	bool full = true;
	uint32_t nest;

	if (2 * len > sizeof buf)
		return;
	for (size_t i = 0; i < len; i++) {
		buf[i] = ((const uint8_t *)key)[i] & m[i];
		full &= m[i] == 0xff;
	}
	if (full) {
		odp_put_set(acts, type, key, len);
		return;
	}
	memcpy(buf + len, mask, len);
	nest = nlbuf_nest_start(acts, OVS_ACTION_ATTR_SET_MASKED);
	nlbuf_put(acts, type, buf, 2 * len);
	nlbuf_nest_end(acts, nest);
}

/* Where an of_flow field goes in a key attribute.  'bits' (big-endian over
 * 'len' bytes, 0 for all) are the bits set as one: DSCP and ECN are set
 * apart, each whole when it changed, as Open vSwitch does. */
struct odp_map {
	uint16_t flow_ofs;
	uint8_t key_ofs;
	uint8_t len;
	uint32_t bits;
};

#define ODP_MAP(FIELD, KEY, KFIELD, BITS)				\
	{ offsetof(struct of_flow, FIELD), offsetof(KEY, KFIELD),	\
	  sizeof(((KEY *)0)->KFIELD), BITS }

static const struct odp_map odp_eth_map[] = {
	ODP_MAP(dl_src, struct ovs_key_ethernet, eth_src, 0),
	ODP_MAP(dl_dst, struct ovs_key_ethernet, eth_dst, 0),
};

static const struct odp_map odp_ipv4_map[] = {
	ODP_MAP(nw_src, struct ovs_key_ipv4, ipv4_src, 0),
	ODP_MAP(nw_dst, struct ovs_key_ipv4, ipv4_dst, 0),
	ODP_MAP(nw_tos, struct ovs_key_ipv4, ipv4_tos, 0xfc),
	ODP_MAP(nw_tos, struct ovs_key_ipv4, ipv4_tos, 0x03),
	ODP_MAP(nw_ttl, struct ovs_key_ipv4, ipv4_ttl, 0),
};

static const struct odp_map odp_ipv6_map[] = {
	ODP_MAP(ipv6_src, struct ovs_key_ipv6, ipv6_src, 0),
	ODP_MAP(ipv6_dst, struct ovs_key_ipv6, ipv6_dst, 0),
	ODP_MAP(ipv6_label, struct ovs_key_ipv6, ipv6_label, 0xfffff),
	ODP_MAP(nw_tos, struct ovs_key_ipv6, ipv6_tclass, 0xfc),
	ODP_MAP(nw_tos, struct ovs_key_ipv6, ipv6_tclass, 0x03),
	ODP_MAP(nw_ttl, struct ovs_key_ipv6, ipv6_hlimit, 0),
};

static const struct odp_map odp_arp_map[] = {
	ODP_MAP(nw_src, struct ovs_key_arp, arp_sip, 0),
	ODP_MAP(nw_dst, struct ovs_key_arp, arp_tip, 0),
	ODP_MAP(arp_op, struct ovs_key_arp, arp_op, 0),
	ODP_MAP(arp_sha, struct ovs_key_arp, arp_sha, 0),
	ODP_MAP(arp_tha, struct ovs_key_arp, arp_tha, 0),
};

/* TCP, UDP and SCTP keys share this layout. */
static const struct odp_map odp_ports_map[] = {
	ODP_MAP(tp_src, struct ovs_key_tcp, tcp_src, 0),
	ODP_MAP(tp_dst, struct ovs_key_tcp, tcp_dst, 0),
};

#define ODP_N(MAP) (sizeof MAP / sizeof MAP[0])

static void odp_map_bits(const struct odp_map *f, uint8_t *bits)
{
	for (int i = 0; i < f->len; i++)
		bits[i] = f->bits ? f->bits >> 8 * (f->len - 1 - i) : 0xff;
}

/* One set (or set_masked) of 'attr', 'key_len' bytes, with the fields of
 * 'map' where 't' differs from 'base'; true if there was any. */
static bool odp_commit_attr(const struct of_flow *base,
			    const struct of_flow *t, struct of_flow *wc,
			    struct nlbuf *acts, uint16_t attr,
			    const struct odp_map *map, size_t n,
			    size_t key_len)
{
	uint8_t k[ODP_COMMIT_MAX_KEY / 2], m[ODP_COMMIT_MAX_KEY / 2];
	bool changed = false;

	memset(k, 0, sizeof k);
	memset(m, 0, sizeof m);
	for (size_t i = 0; i < n; i++) {
		const struct odp_map *f = &map[i];
		const uint8_t *o = (const uint8_t *)base + f->flow_ofs;
		const uint8_t *v = (const uint8_t *)t + f->flow_ofs;
		uint8_t *w = (uint8_t *)wc + f->flow_ofs, bits[16];
		uint8_t diff = 0;

		odp_map_bits(f, bits);
		for (int j = 0; j < f->len; j++)
			diff |= (o[j] ^ v[j]) & bits[j];
		if (!diff)
			continue;
		for (int j = 0; j < f->len; j++) {
			k[f->key_ofs + j] |= v[j] & bits[j];
			m[f->key_ofs + j] |= bits[j];
			w[j] |= bits[j];
		}
		changed = true;
	}
	if (changed)
		odp_put_set_masked(acts, attr, k, m, key_len);
	return changed;
}

/* Whether 't' has an L3 header to rewrite: Open vSwitch takes IP protocol
 * 0 (or ARP opcode 0) as "no header", and so do we. */
static bool odp_has_l3(const struct of_flow *t, struct of_flow *wc)
{
	if (odp_is_arp(t->dl_type)) {
		ODP_WC(wc, t, arp_op);
		return t->arp_op & htons(0xff);
	}
	ODP_WC(wc, t, nw_proto);
	return t->nw_proto;
}

static bool odp_commit_nw(const struct of_flow *base, const struct of_flow *t,
			  struct of_flow *wc, struct nlbuf *acts)
{
	size_t before = acts->size;
	const uint8_t *b = (const uint8_t *)base + OF_FLOW_L3_OFS;
	const uint8_t *n = (const uint8_t *)t + OF_FLOW_L3_OFS;

	if (base->dl_type != t->dl_type
	    || !memcmp(b, n, sizeof *t - OF_FLOW_L3_OFS)
	    || !odp_has_l3(t, wc))
		return false;
	if (t->dl_type == htons(ODP_ETH_IP))
		odp_commit_attr(base, t, wc, acts, OVS_KEY_ATTR_IPV4,
				odp_ipv4_map, ODP_N(odp_ipv4_map),
				sizeof(struct ovs_key_ipv4));
	else if (t->dl_type == htons(ODP_ETH_IPV6))
		odp_commit_attr(base, t, wc, acts, OVS_KEY_ATTR_IPV6,
				odp_ipv6_map, ODP_N(odp_ipv6_map),
				sizeof(struct ovs_key_ipv6));
	else
		odp_commit_attr(base, t, wc, acts, OVS_KEY_ATTR_ARP,
				odp_arp_map, ODP_N(odp_arp_map),
				sizeof(struct ovs_key_arp));
	return acts->size != before;
}

/* The L4 key attribute of 'proto', or 0 when it has none with ports. */
static uint16_t odp_l4_attr(const struct of_flow *t)
{
	bool v4 = t->dl_type == htons(ODP_ETH_IP);
	bool v6 = t->dl_type == htons(ODP_ETH_IPV6);

	if (!(v4 || v6) || t->nw_frag & OF_FRAG_LATER)
		return 0;
	switch (t->nw_proto) {
	case 6:
		return OVS_KEY_ATTR_TCP;
	case 17:
		return OVS_KEY_ATTR_UDP;
	case 132:
		return OVS_KEY_ATTR_SCTP;
	case 1:
		return v4 ? OVS_KEY_ATTR_ICMP : 0;
	case 58:
		return v6 ? OVS_KEY_ATTR_ICMPV6 : 0;
	default:
		return 0;
	}
}

static bool odp_commit_l4(const struct of_flow *base, const struct of_flow *t,
			  struct of_flow *wc, struct nlbuf *acts)
{
	uint16_t attr = odp_l4_attr(t);
	uint8_t icmp[2];

	if (!attr || base->dl_type != t->dl_type
	    || base->nw_proto != t->nw_proto
	    || (base->tp_src == t->tp_src && base->tp_dst == t->tp_dst))
		return false;
	if (attr != OVS_KEY_ATTR_ICMP && attr != OVS_KEY_ATTR_ICMPV6)
		return odp_commit_attr(base, t, wc, acts, attr, odp_ports_map,
				       ODP_N(odp_ports_map),
				       sizeof(struct ovs_key_tcp));
	/* Type and code are bytes (our key keeps them in the ports), set
	 * both at once: both are read. */
	icmp[0] = ntohs(t->tp_src);
	icmp[1] = ntohs(t->tp_dst);
	ODP_WC(wc, t, tp_src);
	ODP_WC(wc, t, tp_dst);
	odp_put_set(acts, attr, icmp, sizeof icmp);
	return true;
}

void odp_put_push_mpls(struct nlbuf *acts, uint32_t lse, uint16_t ethertype)
{
	struct ovs_action_push_mpls p;

	memset(&p, 0, sizeof p);
	p.mpls_lse = lse;
	p.mpls_ethertype = ethertype;
	nlbuf_put(acts, OVS_ACTION_ATTR_PUSH_MPLS, &p, sizeof p);
}

void odp_put_pop_mpls(struct nlbuf *acts, uint16_t ethertype)
{
	nlbuf_put(acts, OVS_ACTION_ATTR_POP_MPLS, &ethertype,
		  sizeof ethertype);
}

/* Entering MPLS, or rewriting the top label. */
static void odp_commit_mpls(struct of_flow *base, const struct of_flow *t,
			    struct of_flow *wc, struct nlbuf *acts)
{
	struct ovs_key_mpls k;

	if (!odp_is_mpls(t->dl_type))
		return;
	ODP_WC(wc, t, dl_type);
	if (!odp_is_mpls(base->dl_type)) {
		odp_put_push_mpls(acts, t->mpls_lse, t->dl_type);
	} else if (base->mpls_lse != t->mpls_lse) {
		ODP_WC(wc, t, mpls_lse);
		k.mpls_lse = t->mpls_lse;
		odp_put_set(acts, OVS_KEY_ATTR_MPLS, &k, sizeof k);
	}
}

/* ARP and ICMP rewrites exist in the ABI, but the datapath core (like the
 * upstream kernel) refuses them: the flow must stay in userspace. */
static bool odp_commit_is_slow(const struct of_flow *base,
			       const struct of_flow *t)
{
	uint16_t attr = odp_l4_attr(t);

	if (base->dl_type != t->dl_type)
		return false;
	if (odp_is_arp(t->dl_type))
		return memcmp((const uint8_t *)base + OF_FLOW_L3_OFS,
			      (const uint8_t *)t + OF_FLOW_L3_OFS,
			      sizeof *t - OF_FLOW_L3_OFS);
	return (attr == OVS_KEY_ATTR_ICMP || attr == OVS_KEY_ATTR_ICMPV6)
	       && (base->tp_src != t->tp_src || base->tp_dst != t->tp_dst);
}

int odp_vlan_count(const struct of_flow *f)
{
	int n = 0;

	while (n < OF_FLOW_N_VLANS && f->vlans[n].tci & htons(OF_VLAN_CFI))
		n++;
	return n;
}

/* Pops the tags of 'base' that differ from those of 't', counting from
 * the innermost, and pushes those of 't' in their place. */
static void odp_commit_vlan(struct of_flow *base, const struct of_flow *t,
			    struct of_flow *wc, struct nlbuf *acts)
{
	int nb = odp_vlan_count(base), nt = odp_vlan_count(t);

	if (nb == nt && !memcmp(base->vlans, t->vlans, nb * sizeof *t->vlans))
		return;
	/* The packet's tags decide what is popped: each of them, and where
	 * they end. */
	memset(wc->vlans, 0xff, nb * sizeof *wc->vlans);
	if (nb < OF_FLOW_N_VLANS)
		wc->vlans[nb].tci |= htons(OF_VLAN_CFI);
	while (nb && nt && !memcmp(&base->vlans[nb - 1], &t->vlans[nt - 1],
				   sizeof *t->vlans)) {
		nb--;
		nt--;
	}
	for (int i = 0; i < nb; i++)
		nlbuf_put_flag(acts, OVS_ACTION_ATTR_POP_VLAN);
	for (int i = nt - 1; i >= 0; i--) {
		struct ovs_action_push_vlan v;

		v.vlan_tpid = t->vlans[i].tpid;
		v.vlan_tci = t->vlans[i].tci | htons(OF_VLAN_CFI);
		nlbuf_put(acts, OVS_ACTION_ATTR_PUSH_VLAN, &v, sizeof v);
	}
}

static void odp_commit_u32(const uint32_t *base, const uint32_t *t,
			   struct of_flow *wc, const struct of_flow *tf,
			   uint16_t attr, struct nlbuf *acts)
{
	uint32_t v = ntohl(*t);

	if (*base == *t)
		return;
	odp_wc(wc, tf, t, sizeof *t);
	odp_put_set(acts, attr, &v, sizeof v);
}

bool odp_commit(struct of_flow *base, const struct of_flow *target,
		struct of_flow *wc, struct nlbuf *acts)
{
	bool slow = odp_commit_is_slow(base, target);

	odp_commit_attr(base, target, wc, acts, OVS_KEY_ATTR_ETHERNET,
			odp_eth_map, ODP_N(odp_eth_map),
			sizeof(struct ovs_key_ethernet));
	if (odp_is_mpls(base->dl_type) && !odp_is_mpls(target->dl_type)) {
		odp_put_pop_mpls(acts, target->dl_type);
		ODP_WC(wc, target, dl_type);
		base->dl_type = target->dl_type;
		/* What lies under the label is unknown until reparsed. */
		memset((uint8_t *)base + OF_FLOW_L3_OFS, 0,
		       sizeof *base - OF_FLOW_L3_OFS);
	}
	/* Both commit; either one makes the L3 type matter. */
	bool nw = odp_commit_nw(base, target, wc, acts);
	bool l4 = odp_commit_l4(base, target, wc, acts);

	if (nw || l4) {
		ODP_WC(wc, target, dl_type);
		ODP_WC(wc, target, nw_proto);
		wc->nw_frag |= OF_FRAG_MASK;
	}
	odp_commit_mpls(base, target, wc, acts);
	odp_commit_vlan(base, target, wc, acts);
	odp_commit_u32(&base->skb_priority, &target->skb_priority, wc, target,
		       OVS_KEY_ATTR_PRIORITY, acts);
	odp_commit_u32(&base->pkt_mark, &target->pkt_mark, wc, target,
		       OVS_KEY_ATTR_SKB_MARK, acts);
	*base = *target;
	return slow;
}
