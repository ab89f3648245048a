/* Completing the checksums of received frames. */
#include "netdev-vnet.h"

#include <stddef.h>
#include <string.h>

#include "csum.h"
#include "packets.h"

/* The header at csum_start as the IP header before it names it: its
 * protocol, past IPv6 extension headers, and the end of the datagram.
 * Protocol 0 and the frame's end when no IP header leads there. */
struct vnet_l4 {
	uint8_t proto;
	uint32_t end;
};

static bool vnet_ipv6_ext(uint8_t next)
{
	return next == IPPROTO_NUM_HOPOPTS || next == IPPROTO_NUM_ROUTING ||
	       next == IPPROTO_NUM_DSTOPTS;
}

static struct vnet_l4 vnet_l4_at(const uint8_t *frame, uint32_t len,
				 uint32_t start)
{
	struct vnet_l4 l4 = { 0, len };
	uint32_t l3 = netdev_l3_offset(frame, len), ofs, end;
	uint16_t type;
	uint8_t next;

	if (!l3)
		return l4;
	type = frame[l3 - 2] << 8 | frame[l3 - 1];
	if (type == ETH_TYPE_IP && l3 + IPV4_HEADER_LEN <= len &&
	    frame[l3] >> 4 == 4) {
		const struct pkt_ipv4 *ip = (const void *)(frame + l3);

		next = ip->proto;
		ofs = l3 + (ip->ihl_ver & 0x0f) * 4u;
		end = l3 + be16_to_cpu(ip->tot_len);
	} else if (type == ETH_TYPE_IPV6 && l3 + IPV6_HEADER_LEN <= len &&
		   frame[l3] >> 4 == 6) {
		const struct pkt_ipv6 *ip6 = (const void *)(frame + l3);

		next = ip6->next;
		ofs = l3 + IPV6_HEADER_LEN;
		end = ofs + be16_to_cpu(ip6->payload_len);
		/* Each step moves on by 8 bytes at least: bounded by start. */
		while (vnet_ipv6_ext(next) && ofs < start && ofs + 2 <= len) {
			next = frame[ofs];
			ofs += (frame[ofs + 1] + 1u) * 8;
		}
	} else {
		return l4;
	}
	if (ofs != start)
		return l4;
	l4.proto = next;
	/* Ethernet padding is no part of the packet; an impossible length
	 * leaves the frame's end, and the checks of completion. */
	if (end >= start && end <= len)
		l4.end = end;
	return l4;
}

/* The kernel marks an SCTP CRC32c left to offload with
 * skb->csum_not_inet, which no virtio_net_hdr carries: csum_offset 8 is
 * all that is left of it.  Offset 8 is SCTP's in every offload Linux makes
 * (TCP's is 16, UDP's 6, ICMP's 2), but the rule also asks the frame: the
 * IP header before csum_start must name SCTP.  So a CRC is never written
 * where a sender asked for an Internet checksum, nor the reverse; a frame
 * whose headers do not lead to csum_start gets the Internet checksum, as
 * before. */
int netdev_vnet_csum(uint8_t *frame, uint32_t len,
		     const struct virtio_net_hdr *vh)
{
	struct vnet_l4 l4;

	if (!(vh->flags & VIRTIO_NET_HDR_F_NEEDS_CSUM))
		return 0;
	l4 = vnet_l4_at(frame, len, vh->csum_start);
	return pkt_csum_complete(frame, l4.end, vh->csum_start,
				 vh->csum_offset, l4.proto);
}

void netdev_vnet_shift(struct virtio_net_hdr *vh, uint16_t n)
{
	if (vh->flags & VIRTIO_NET_HDR_F_NEEDS_CSUM)
		vh->csum_start += n;
}

uint16_t netdev_l3_offset(const uint8_t *frame, uint32_t len)
{
	uint32_t ofs = 12;

	while (ofs + 2 <= len) {
		uint16_t type = frame[ofs] << 8 | frame[ofs + 1];

		if (type != 0x8100 && type != 0x88a8)
			return ofs + 2 < len ? ofs + 2 : 0;
		ofs += 4;
	}
	return 0;
}

/* The L4 header of an unfragmented IPv4 or IPv6 (no extension headers)
 * packet at 'l3': its offset, length, protocol and pseudo-header sum;
 * false if it has none. */
struct l4_info {
	uint32_t ofs, len;
	uint8_t proto;
	u32 pseudo;
};

static bool l4_locate(const uint8_t *frame, uint32_t len, uint32_t l3,
		      struct l4_info *l4)
{
	if ((frame[l3] >> 4) == 4 && l3 + IPV4_HEADER_LEN <= len) {
		const struct pkt_ipv4 *ip = (const void *)(frame + l3);
		uint32_t ihl = (ip->ihl_ver & 0x0f) * 4u;
		uint32_t tot = be16_to_cpu(ip->tot_len);

		if (ihl < IPV4_HEADER_LEN || tot < ihl || l3 + tot > len ||
		    be16_to_cpu(ip->frag_off) &
		    (IPV4_MORE_FRAGS | IPV4_FRAG_OFFSET_MASK))
			return false;
		l4->ofs = l3 + ihl;
		l4->len = tot - ihl;
		l4->proto = ip->proto;
		l4->pseudo = pkt_csum_pseudo_ipv4(ip->src, ip->dst, ip->proto,
						  l4->len);
		return true;
	}
	if ((frame[l3] >> 4) == 6 && l3 + IPV6_HEADER_LEN <= len) {
		const struct pkt_ipv6 *ip6 = (const void *)(frame + l3);

		l4->ofs = l3 + IPV6_HEADER_LEN;
		l4->len = be16_to_cpu(ip6->payload_len);
		l4->proto = ip6->next;
		l4->pseudo = pkt_csum_pseudo_ipv6(ip6->src, ip6->dst, ip6->next,
						  l4->len);
		return l4->ofs + l4->len <= len;
	}
	return false;
}

void netdev_csum_fixup(uint8_t *frame, uint32_t len)
{
	uint32_t l3 = netdev_l3_offset(frame, len), field_ofs;
	uint16_t field, partial;
	struct l4_info l4;

	if (!l3 || !l4_locate(frame, len, l3, &l4))
		return;
	if (l4.proto == IPPROTO_NUM_TCP)
		field_ofs = offsetof(struct pkt_tcp, csum);
	else if (l4.proto == IPPROTO_NUM_UDP)
		field_ofs = offsetof(struct pkt_udp, csum);
	else
		return;
	if (l4.len < field_ofs + 2)
		return;
	memcpy(&field, frame + l4.ofs + field_ofs, 2);
	partial = ~pkt_csum_finish(l4.pseudo);
	if (field == partial)
		pkt_csum_complete(frame, l4.ofs + l4.len, l4.ofs, field_ofs,
				  l4.proto);
}
