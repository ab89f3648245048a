/* Honouring the offload state of received frames: the virtio_net_hdr
 * that AF_PACKET (PACKET_VNET_HDR) and tap (IFF_VNET_HDR) put before each
 * frame, or for AF_XDP, which has none, what the frame itself shows.
 *
 * A local sender with checksum offload leaves the L4 checksum partial
 * (NEEDS_CSUM): only the pseudo-header sum is in the field.  With TSO it
 * even hands a veth whole super-frames (GSO) of up to 64 KiB, which the
 * peer end delivers as they are.  A switch must forward neither: the next
 * hop has no offload state to finish the job.  So the checksum is completed
 * in place, and a GSO frame is cut into wire-sized segments here, the way
 * the kernel would have on a real NIC.
 *
 * The header is in native byte order (legacy virtio, as both AF_PACKET and
 * an unconfigured tap use it). */
#ifndef WEIR_NETDEV_VNET_H
#define WEIR_NETDEV_VNET_H 1

#include <stdbool.h>
#include <stdint.h>
#include <linux/virtio_net.h>

#include "dp-packet.h"

/* Added to the ABI in Linux 6.2; the value is fixed. */
#ifndef VIRTIO_NET_HDR_GSO_UDP_L4
#define VIRTIO_NET_HDR_GSO_UDP_L4 5
#endif

static inline bool netdev_vnet_is_gso(const struct virtio_net_hdr *vh)
{
	return (vh->gso_type & ~VIRTIO_NET_HDR_GSO_ECN) != VIRTIO_NET_HDR_GSO_NONE;
}

/* Completes a partial checksum of a non-GSO frame in place: the CRC32c
 * for SCTP, the Internet checksum otherwise (netdev-vnet.c says how the two
 * are told apart).  0, or -EINVAL if the header points outside the frame
 * or at an SCTP packet shorter than its header. */
int netdev_vnet_csum(uint8_t *frame, uint32_t len,
		     const struct virtio_net_hdr *);

/* Completes, in a frame that came with no offload state (AF_XDP), a
 * TCP or UDP checksum the sender left partial: one whose field holds the
 * folded pseudo-header sum.  A complete checksum that happens to have
 * that value is left as it is, since completing a valid checksum yields
 * the same value; only a corrupt frame could be mistaken, 1 in 65536. */
void netdev_csum_fixup(uint8_t *frame, uint32_t len);

/* The offset of the L3 header, past the Ethernet header and any 802.1Q
 * or 802.1ad tags; 0 if the frame ends first. */
uint16_t netdev_l3_offset(const uint8_t *frame, uint32_t len);

/* Moves csum_start past 'n' bytes inserted in front of it (a VLAN tag put
 * back into the frame). */
void netdev_vnet_shift(struct virtio_net_hdr *, uint16_t n);

/* A GSO frame being cut into segments, a few per receive call
 * (netdev-gso.c). */
struct netdev_gso {
	const uint8_t *frame;
	uint32_t len;
	uint16_t l3, l4, hdr_len;       /* hdr_len: up to the L4 payload */
	uint16_t mss;
	uint8_t type;                   /* VIRTIO_NET_HDR_GSO_*, ECN off */
	bool ipv4;
	uint32_t next;                  /* offset of the next payload */
	uint32_t index;                 /* number of that segment */
};

/* Starts cutting 'frame': 0, or -EINVAL for headers that do not parse,
 * -EOPNOTSUPP for GSO types other than TCP and UDP L4 (USO). */
int netdev_gso_start(struct netdev_gso *, const uint8_t *frame,
		     uint32_t len, const struct virtio_net_hdr *);
/* The next segment, a new heap packet with full checksums; NULL when the
 * whole frame has been cut. */
struct dp_packet *netdev_gso_next(struct netdev_gso *);

#endif /* WEIR_NETDEV_VNET_H */
