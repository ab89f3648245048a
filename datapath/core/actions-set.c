/* set and set_masked: header fields rewritten in place.  The IPv4 header
 * checksum and the TCP, UDP and ICMPv6 checksums (whose pseudo-headers cover
 * the addresses) are updated incrementally; SCTP's CRC32c is recomputed. */
#include "actions-private.h"
#include "crc32c.h"
#include "csum.h"

/* The settable key attributes and their payload lengths. */
static const u8 set_key_lens[OVS_KEY_ATTR_MAX + 1] = {
	[OVS_KEY_ATTR_PRIORITY] = sizeof(u32),
	[OVS_KEY_ATTR_SKB_MARK] = sizeof(u32),
	[OVS_KEY_ATTR_ETHERNET] = sizeof(struct ovs_key_ethernet),
	[OVS_KEY_ATTR_IPV4] = sizeof(struct ovs_key_ipv4),
	[OVS_KEY_ATTR_IPV6] = sizeof(struct ovs_key_ipv6),
	[OVS_KEY_ATTR_TCP] = sizeof(struct ovs_key_tcp),
	[OVS_KEY_ATTR_UDP] = sizeof(struct ovs_key_udp),
	[OVS_KEY_ATTR_SCTP] = sizeof(struct ovs_key_sctp),
	[OVS_KEY_ATTR_MPLS] = sizeof(struct ovs_key_mpls),
};

u32 actions_set_key_len(int key_type)
{
	if (key_type < 0 || key_type > OVS_KEY_ATTR_MAX)
		return 0;
	return set_key_lens[key_type];
}

/* dst = (dst & ~mask) | (val & mask) over n bytes; true if dst changed.
 * 'old' receives the previous bytes when not NULL. */
static bool masked_copy(u8 *dst, const void *val, const void *mask, u32 n,
			u8 *old)
{
	const u8 *v = val, *m = mask;
	bool changed = false;
	u32 i;

	for (i = 0; i < n; i++) {
		u8 b = (dst[i] & ~m[i]) | (v[i] & m[i]);

		if (old)
			old[i] = dst[i];
		changed |= b != dst[i];
		dst[i] = b;
	}
	return changed;
}

static u32 masked32(u32 old, u32 val, u32 mask)
{
	return (old & ~mask) | (val & mask);
}

/* 'old' with the bits of host-order u32 'mask' taken from 'val'. */
static u32 get_u32_masked(u32 old, const void *val, const void *mask)
{
	u32 v, m;

	memcpy(&v, val, sizeof v);
	memcpy(&m, mask, sizeof m);
	return masked32(old, v, m);
}

/* A checksum field to update, and whether it is UDP's (where a computed
 * zero goes out as all ones).  field NULL: nothing to update. */
struct csum_field {
	u8 *field;
	bool udp;
};

static void csum_fix(struct csum_field c, const void *old, const void *new, u32 n)
{
	__be16 sum;

	if (!c.field)
		return;
	sum = dp_get_be16(c.field);
	if (n == 2)
		sum = pkt_csum_update16(sum, dp_get_be16(old), dp_get_be16(new));
	else if (n == 4)
		sum = pkt_csum_update32(sum, dp_get_be32(old), dp_get_be32(new));
	else
		sum = pkt_csum_update128(sum, old, new);
	/* A computed zero goes out as all ones in UDP. */
	if (c.udp && !sum)
		sum = (__be16)0xffff;
	dp_put_be16(c.field, sum);
}

/* The L4 checksum that covers the IP pseudo-header, for a packet with a
 * whole L4 header of protocol 'proto': TCP, UDP (unless its checksum is
 * zero, "none", which stays so) and ICMPv6.  Field NULL otherwise. */
static struct csum_field pseudo_csum(struct dp_packet *pkt, u8 proto, bool ipv6)
{
	struct csum_field c = { NULL, false };
	u32 l4 = pkt->hdr.l4, size = dp_packet_size(pkt);
	u8 *h = (u8 *)dp_packet_data(pkt) + l4;

	if (l4 == FLOW_OFS_NONE || l4 > size)
		return c;
	if (proto == IPPROTO_NUM_TCP && size - l4 >= TCP_HEADER_LEN) {
		c.field = h + offsetof(struct pkt_tcp, csum);
	} else if (proto == IPPROTO_NUM_UDP && size - l4 >= UDP_HEADER_LEN) {
		c.field = h + offsetof(struct pkt_udp, csum);
		c.udp = true;
		if (!dp_get_be16(c.field))
			c.field = NULL;
	} else if (ipv6 && proto == IPPROTO_NUM_ICMPV6 &&
		   size - l4 >= ICMP_HEADER_LEN) {
		c.field = h + offsetof(struct pkt_icmp, csum);
	}
	return c;
}

/* The IP header at hdr.l3 of 'version', if whole: NULL otherwise. */
static u8 *ip_header(struct dp_packet *pkt, u8 version, u32 len)
{
	u32 l3 = pkt->hdr.l3;
	u8 *ip;

	if (l3 == FLOW_OFS_NONE || actions_writable(pkt, l3 + len))
		return NULL;
	ip = (u8 *)dp_packet_data(pkt) + l3;
	return ip[0] >> 4 == version ? ip : NULL;
}

/* Rewrites one byte of an IPv4 header, updating the header checksum over
 * the 16-bit word that holds it. */
static void ipv4_set_byte(u8 *ip, u32 ofs, u8 val, u8 mask)
{
	u8 *word = ip + (ofs & ~1u);
	__be16 old = dp_get_be16(word);

	ip[ofs] = (ip[ofs] & ~mask) | (val & mask);
	dp_put_be16(ip + offsetof(struct pkt_ipv4, csum),
		    pkt_csum_update16(dp_get_be16(ip + offsetof(struct pkt_ipv4, csum)),
				      old, dp_get_be16(word)));
}

static int set_ipv4(struct dp_packet *pkt, const struct ovs_key_ipv4 *v,
		    const struct ovs_key_ipv4 *m)
{
	static const u8 addr_ofs[2] = { offsetof(struct pkt_ipv4, src),
					offsetof(struct pkt_ipv4, dst) };
	const __be32 *val[2] = { &v->ipv4_src, &v->ipv4_dst };
	const __be32 *mask[2] = { &m->ipv4_src, &m->ipv4_dst };
	struct csum_field l4 = { NULL, false };
	struct csum_field ip_csum;
	struct pkt_ipv4 *hdr;
	u8 *ip = ip_header(pkt, 4, IPV4_HEADER_LEN);
	u8 old[4];
	int i;

	if (!ip)
		return -EINVAL;
	hdr = (struct pkt_ipv4 *)ip;
	ip_csum.field = ip + offsetof(struct pkt_ipv4, csum);
	ip_csum.udp = false;
	/* A later fragment carries no L4 header. */
	if (!(hdr->frag_off & DP_BE16(IPV4_FRAG_OFFSET_MASK)))
		l4 = pseudo_csum(pkt, hdr->proto, false);

	for (i = 0; i < 2; i++) {
		u8 *addr = ip + addr_ofs[i];

		if (masked_copy(addr, val[i], mask[i], 4, old)) {
			csum_fix(ip_csum, old, addr, 4);
			csum_fix(l4, old, addr, 4);
		}
	}
	if (m->ipv4_tos)
		ipv4_set_byte(ip, offsetof(struct pkt_ipv4, tos), v->ipv4_tos,
			      m->ipv4_tos);
	if (m->ipv4_ttl)
		ipv4_set_byte(ip, offsetof(struct pkt_ipv4, ttl), v->ipv4_ttl,
			      m->ipv4_ttl);
	return 0;
}

/* The DSCP's drop precedence: bits 4 and 3 of the traffic class byte, the
 * 'y' of RFC 2597's AFxy code points. */
#define DSCP_PREC_SHIFT 3
#define DSCP_PREC_MASK  (3u << DSCP_PREC_SHIFT)

static u8 dscp_raise(u8 tc, u8 prec_level)
{
	u32 prec = ((tc & DSCP_PREC_MASK) >> DSCP_PREC_SHIFT) + prec_level;

	if (prec > 3)
		prec = 3;
	return (u8)((tc & ~DSCP_PREC_MASK) | prec << DSCP_PREC_SHIFT);
}

int actions_dscp_remark(struct dp_packet *pkt, bool ipv6, u8 prec_level)
{
	u8 *ip = ip_header(pkt, ipv6 ? 6 : 4,
			   ipv6 ? IPV6_HEADER_LEN : IPV4_HEADER_LEN);
	u32 vtc, tc;

	if (!ip)
		return -EINVAL;
	if (!ipv6) {
		tc = ip[offsetof(struct pkt_ipv4, tos)];
		ipv4_set_byte(ip, offsetof(struct pkt_ipv4, tos),
			      dscp_raise((u8)tc, prec_level), 0xff);
		return 0;
	}
	vtc = be32_to_cpu(dp_get_be32(ip));
	tc = dscp_raise((u8)(vtc >> 20), prec_level);
	dp_put_be32(ip, cpu_to_be32((vtc & 0xf00fffff) | tc << 20));
	return 0;
}

static int set_ipv6(struct dp_packet *pkt, const struct flow_key *key,
		    const struct ovs_key_ipv6 *v, const struct ovs_key_ipv6 *m)
{
	struct pkt_ipv6 *hdr;
	struct csum_field l4 = { NULL, false };
	u8 *ip = ip_header(pkt, 6, IPV6_HEADER_LEN);
	u32 vtc, tc, label;
	u8 old[16];

	if (!ip)
		return -EINVAL;
	hdr = (struct pkt_ipv6 *)ip;
	/* The upper-layer protocol is the key's: sets never change it, and
	 * validation allows no set after an action that hides it. */
	if (key->ip.frag != OVS_FRAG_TYPE_LATER)
		l4 = pseudo_csum(pkt, key->ip.proto, true);

	if (masked_copy(ip + offsetof(struct pkt_ipv6, src), v->ipv6_src,
			m->ipv6_src, 16, old))
		csum_fix(l4, old, ip + offsetof(struct pkt_ipv6, src), 16);
	/* With a routing header the pseudo-header holds the final
	 * destination, not this one, as upstream. */
	if (key->ipv6.exthdrs & FLOW_EH_ROUTER)
		l4.field = NULL;
	if (masked_copy(ip + offsetof(struct pkt_ipv6, dst), v->ipv6_dst,
			m->ipv6_dst, 16, old))
		csum_fix(l4, old, ip + offsetof(struct pkt_ipv6, dst), 16);

	vtc = be32_to_cpu(dp_get_be32(&hdr->vtc_flow));
	tc = masked32((vtc >> 20) & 0xff, v->ipv6_tclass, m->ipv6_tclass);
	label = masked32(vtc & IPV6_LABEL_MASK, be32_to_cpu(v->ipv6_label),
			 be32_to_cpu(m->ipv6_label)) & IPV6_LABEL_MASK;
	dp_put_be32(&hdr->vtc_flow,
		    cpu_to_be32((vtc & 0xf0000000) | tc << 20 | label));
	hdr->hlimit = (u8)masked32(hdr->hlimit, v->ipv6_hlimit, m->ipv6_hlimit);
	return 0;
}

/* The L4 header at hdr.l4, if 'len' bytes of it are there. */
static u8 *l4_header(struct dp_packet *pkt, u32 len)
{
	u32 l4 = pkt->hdr.l4;

	if (l4 == FLOW_OFS_NONE || actions_writable(pkt, l4 + len))
		return NULL;
	return (u8 *)dp_packet_data(pkt) + l4;
}

/* TCP and UDP: two ports at the start of the header, and a checksum. */
static int set_ports(struct dp_packet *pkt, const __be16 *v, const __be16 *m,
		     bool udp)
{
	u32 len = udp ? UDP_HEADER_LEN : TCP_HEADER_LEN;
	u8 *h = l4_header(pkt, len);
	struct csum_field c;
	u8 old[2];
	int i;

	if (!h)
		return -EINVAL;
	c.field = h + (udp ? offsetof(struct pkt_udp, csum)
			   : offsetof(struct pkt_tcp, csum));
	c.udp = udp;
	if (udp && !dp_get_be16(c.field))
		c.field = NULL;
	for (i = 0; i < 2; i++)
		if (masked_copy(h + 2 * i, &v[i], &m[i], 2, old))
			csum_fix(c, old, h + 2 * i, 2);
	return 0;
}

/* One past the last byte of the IP datagram: Ethernet padding is not part
 * of an SCTP packet. */
static u32 ip_end(const struct dp_packet *pkt)
{
	u32 size = dp_packet_size(pkt), l3 = pkt->hdr.l3, end = size;
	const u8 *ip = (const u8 *)dp_packet_data(pkt) + l3;

	if (l3 == FLOW_OFS_NONE || l3 > size)
		return size;
	if (size - l3 >= IPV4_HEADER_LEN && ip[0] >> 4 == 4)
		end = l3 + be16_to_cpu(dp_get_be16(ip + 2));
	else if (size - l3 >= IPV6_HEADER_LEN && ip[0] >> 4 == 6 &&
		 dp_get_be16(ip + 4))
		end = l3 + IPV6_HEADER_LEN + be16_to_cpu(dp_get_be16(ip + 4));
	return end < size ? end : size;
}

static int set_sctp(struct dp_packet *pkt, const struct ovs_key_sctp *v,
		    const struct ovs_key_sctp *m)
{
	u8 *h = l4_header(pkt, SCTP_HEADER_LEN);
	u32 len, before, after;
	u8 *field;

	if (!h)
		return -EINVAL;
	len = ip_end(pkt) - pkt->hdr.l4;
	if (len < SCTP_HEADER_LEN || len > dp_packet_size(pkt))
		return -EINVAL;
	field = h + offsetof(struct pkt_sctp, csum);
	before = dp_sctp_crc(h, len);
	masked_copy(h, &v->sctp_src, &m->sctp_src, 2, NULL);
	masked_copy(h + 2, &v->sctp_dst, &m->sctp_dst, 2, NULL);
	after = dp_sctp_crc(h, len);
	/* A packet that arrived with a bad CRC leaves with a bad CRC, as
	 * upstream: only the change is folded in. */
	dp_sctp_crc_put(field, dp_sctp_crc_get(field) ^ before ^ after);
	return 0;
}

static int set_mpls(struct dp_packet *pkt, const struct ovs_key_mpls *v,
		    const struct ovs_key_mpls *m)
{
	u32 l2_5 = pkt->hdr.l2_5;
	__be32 lse, mask;
	u8 *p;

	if (l2_5 == FLOW_OFS_NONE || actions_writable(pkt, l2_5 + MPLS_HEADER_LEN))
		return -EINVAL;
	p = (u8 *)dp_packet_data(pkt) + l2_5;
	/* The bottom of stack bit describes the packet: it is not a field. */
	mask = m->mpls_lse & ~DP_BE32(MPLS_BOS_MASK);
	lse = dp_get_be32(p);
	dp_put_be32(p, (lse & ~mask) | (v->mpls_lse & mask));
	return 0;
}

int actions_set(struct dp_packet *pkt, struct flow_key *key,
		const struct nlattr *ka, bool masked)
{
	u32 ones[sizeof(struct ovs_key_ipv6) / sizeof(u32)];
	int type = nlattr_type(ka);
	u32 len = actions_set_key_len(type);
	const void *v = nlattr_data(ka);
	const void *m = (const u8 *)v + len;
	u8 *eth;

	if (!masked) {
		memset(ones, 0xff, sizeof ones);
		m = ones;
	}
	switch (type) {
	case OVS_KEY_ATTR_PRIORITY:
		pkt->priority = key->priority = get_u32_masked(pkt->priority, v, m);
		return 0;
	case OVS_KEY_ATTR_SKB_MARK:
		pkt->skb_mark = key->skb_mark = get_u32_masked(pkt->skb_mark, v, m);
		return 0;
	case OVS_KEY_ATTR_ETHERNET: {
		const struct ovs_key_ethernet *ev = v, *em = m;

		if (actions_writable(pkt, 2 * ETH_ADDR_LEN))
			return -EINVAL;
		eth = dp_packet_data(pkt);
		masked_copy(eth, ev->eth_dst, em->eth_dst, ETH_ADDR_LEN, NULL);
		masked_copy(eth + ETH_ADDR_LEN, ev->eth_src, em->eth_src,
			    ETH_ADDR_LEN, NULL);
		return 0;
	}
	case OVS_KEY_ATTR_IPV4:
		return set_ipv4(pkt, v, m);
	case OVS_KEY_ATTR_IPV6:
		return set_ipv6(pkt, key, v, m);
	case OVS_KEY_ATTR_TCP:
	case OVS_KEY_ATTR_UDP:
		return set_ports(pkt, v, m, type == OVS_KEY_ATTR_UDP);
	case OVS_KEY_ATTR_SCTP:
		return set_sctp(pkt, v, m);
	case OVS_KEY_ATTR_MPLS:
		return set_mpls(pkt, v, m);
	}
	return -EINVAL;
}
