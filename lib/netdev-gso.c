/* Cutting a GSO frame into wire-sized segments, each a new packet with
 * its headers fixed up and full checksums.  Headers are read through the
 * core's packed structs: a frame's IP header need not be aligned. */
#include "netdev-vnet.h"

#include <errno.h>
#include <string.h>

#include "csum.h"
#include "packets.h"

/* The L4 header's offset when the sender did not say (no NEEDS_CSUM). */
static uint32_t l4_offset(const uint8_t *frame, uint32_t l3, bool ipv4)
{
	return ipv4 ? l3 + (frame[l3] & 0x0f) * 4u : l3 + IPV6_HEADER_LEN;
}

static int gso_parse(struct netdev_gso *g, const struct virtio_net_hdr *vh)
{
	const uint8_t *f = g->frame;
	uint32_t l4, hdr_len;

	g->l3 = netdev_l3_offset(f, g->len);
	if (!g->l3)
		return -EINVAL;
	g->ipv4 = (f[g->l3] >> 4) == 4;
	if (!g->ipv4 && (f[g->l3] >> 4) != 6)
		return -EINVAL;
	if ((g->type == VIRTIO_NET_HDR_GSO_TCPV4 && !g->ipv4) ||
	    (g->type == VIRTIO_NET_HDR_GSO_TCPV6 && g->ipv4))
		return -EINVAL;
	l4 = vh->flags & VIRTIO_NET_HDR_F_NEEDS_CSUM ?
	     vh->csum_start : l4_offset(f, g->l3, g->ipv4);
	if (l4 <= g->l3 || l4 + TCP_HEADER_LEN > g->len)
		return -EINVAL;
	hdr_len = g->type == VIRTIO_NET_HDR_GSO_UDP_L4 ?
		  l4 + UDP_HEADER_LEN : l4 + (f[l4 + 12] >> 4) * 4u;
	if (hdr_len >= g->len || hdr_len <= l4)
		return -EINVAL;
	g->l4 = l4;
	g->hdr_len = hdr_len;
	return 0;
}

int netdev_gso_start(struct netdev_gso *g, const uint8_t *frame,
		     uint32_t len, const struct virtio_net_hdr *vh)
{
	memset(g, 0, sizeof *g);
	g->frame = frame;
	g->len = len;
	g->mss = vh->gso_size;
	g->type = vh->gso_type & ~VIRTIO_NET_HDR_GSO_ECN;
	if (g->type != VIRTIO_NET_HDR_GSO_TCPV4 &&
	    g->type != VIRTIO_NET_HDR_GSO_TCPV6 &&
	    g->type != VIRTIO_NET_HDR_GSO_UDP_L4)
		return -EOPNOTSUPP;
	if (!g->mss || gso_parse(g, vh))
		return -EINVAL;
	g->next = g->hdr_len;
	return 0;
}

/* IP total/payload length and, for IPv4, a fresh id and header checksum:
 * each segment's id follows the super-frame's, as the kernel's GSO does;
 * returns the segment's pseudo-header sum. */
static u32 seg_fix_l3(const struct netdev_gso *g, uint8_t *seg, uint32_t len,
		      uint8_t proto)
{
	uint32_t l4_len = len - g->l4;

	if (g->ipv4) {
		struct pkt_ipv4 *ip = (struct pkt_ipv4 *)(seg + g->l3);

		ip->tot_len = cpu_to_be16(len - g->l3);
		ip->id = cpu_to_be16(be16_to_cpu(ip->id) + g->index);
		ip->csum = 0;
		ip->csum = pkt_csum_ipv4_header(ip, (ip->ihl_ver & 0x0f) * 4);
		return pkt_csum_pseudo_ipv4(ip->src, ip->dst, proto, l4_len);
	}
	struct pkt_ipv6 *ip6 = (struct pkt_ipv6 *)(seg + g->l3);

	ip6->payload_len = cpu_to_be16(len - g->l3 - IPV6_HEADER_LEN);
	return pkt_csum_pseudo_ipv6(ip6->src, ip6->dst, proto, l4_len);
}

/* TCP: sequence number advanced by the payload before this segment; FIN
 * and PSH only on the last segment, CWR only on the first. */
static void seg_fix_tcp(const struct netdev_gso *g, uint8_t *seg,
			uint32_t len, bool last)
{
	struct pkt_tcp *th = (struct pkt_tcp *)(seg + g->l4);
	u32 pseudo = seg_fix_l3(g, seg, len, IPPROTO_NUM_TCP);
	uint16_t flags = be16_to_cpu(th->off_flags);

	th->seq = cpu_to_be32(be32_to_cpu(th->seq) + (g->next - g->hdr_len));
	if (!last)
		flags &= ~(TCP_FIN | TCP_PSH);
	if (g->index)
		flags &= ~TCP_CWR;
	th->off_flags = cpu_to_be16(flags);
	th->csum = 0;
	th->csum = pkt_csum_finish(pkt_csum_add(pseudo, th, len - g->l4));
}

static void seg_fix_udp(const struct netdev_gso *g, uint8_t *seg, uint32_t len)
{
	struct pkt_udp *uh = (struct pkt_udp *)(seg + g->l4);
	u32 pseudo = seg_fix_l3(g, seg, len, IPPROTO_NUM_UDP);

	uh->len = cpu_to_be16(len - g->l4);
	uh->csum = 0;
	uh->csum = pkt_csum_finish(pkt_csum_add(pseudo, uh, len - g->l4));
	if (!uh->csum)
		uh->csum = (__be16)0xffff;      /* zero means "no checksum" */
}

struct dp_packet *netdev_gso_next(struct netdev_gso *g)
{
	uint32_t chunk, len;
	struct dp_packet *p;
	bool last;

	if (g->next >= g->len)
		return NULL;
	chunk = g->len - g->next < g->mss ? g->len - g->next : g->mss;
	last = g->next + chunk == g->len;
	len = g->hdr_len + chunk;
	p = dp_packet_new(len);
	dp_packet_put_data(p, g->frame, g->hdr_len);
	dp_packet_put_data(p, g->frame + g->next, chunk);
	if (g->type == VIRTIO_NET_HDR_GSO_UDP_L4)
		seg_fix_udp(g, dp_packet_data(p), len);
	else
		seg_fix_tcp(g, dp_packet_data(p), len, last);
	g->next += chunk;
	g->index++;
	return p;
}
