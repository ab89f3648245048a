/* The Internet checksum (RFC 1071), its incremental update (RFC 1624) for
 * the rewrites actions make to addresses, ports and TTLs, and the
 * completion of checksums a sender left to offload. */
#ifndef WEIR_DP_CSUM_H
#define WEIR_DP_CSUM_H 1

#include "compat.h"

/* Adds len bytes at p to a 32-bit one's complement accumulator.  Only the
 * last block of a chained sum may have an odd length. */
u32 pkt_csum_add(u32 acc, const void *p, u32 len);

/* Folds an accumulator into the checksum field value (complemented). */
__be16 pkt_csum_finish(u32 acc);

/* The checksum of an IPv4 header of hlen bytes whose csum field is zero or
 * is to be verified: 0 means valid when the field holds the checksum. */
__be16 pkt_csum_ipv4_header(const void *ip, u32 hlen);

/* Pseudo-header accumulators for TCP/UDP/ICMPv6 checksums. */
u32 pkt_csum_pseudo_ipv4(__be32 src, __be32 dst, u8 proto, u16 l4_len);
u32 pkt_csum_pseudo_ipv6(const u8 *src, const u8 *dst, u8 proto, u32 l4_len);

/* The checksum 'csum' after a field changed from 'old' to 'new' (RFC 1624
 * equation 3: HC' = ~(~HC + ~m + m')). */
__be16 pkt_csum_update16(__be16 csum, __be16 old, __be16 new);
__be16 pkt_csum_update32(__be16 csum, __be32 old, __be32 new);
__be16 pkt_csum_update128(__be16 csum, const u8 old[16], const u8 new[16]);

/* Completes a checksum that a sender left partial (CHECKSUM_PARTIAL, as a
 * virtio_net_hdr with VIRTIO_NET_HDR_F_NEEDS_CSUM reports it), over
 * csum_start to 'len', the end of the L4 packet.  'proto' is the IP
 * protocol of the header at csum_start, 0 if unknown.
 *
 * For SCTP with csum_offset 8, its checksum field, the checksum is the
 * CRC32c of the packet (the kernel's skb->csum_not_inet, which no
 * virtio_net_hdr carries, so the caller must say).  Otherwise it is the
 * Internet checksum: the field holds the pseudo-header sum, and a computed
 * zero is written as 0xffff only for UDP (csum_offset 6).  Returns -EINVAL
 * if the field lies outside the data. */
int pkt_csum_complete(u8 *data, u32 len, u32 csum_start, u32 csum_offset,
		      u8 proto);

#endif /* WEIR_DP_CSUM_H */
