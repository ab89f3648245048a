/* Internet checksum arithmetic, in network byte order throughout: the sum of
 * 16-bit words is byte-order independent once folded (RFC 1071 section 2B),
 * so words are added as they lie in memory. */
#include "csum.h"
#include "crc32c.h"
#include "packets.h"

u32 pkt_csum_add(u32 acc, const void *p, u32 len)
{
	const u8 *b = p;
	u64 sum = acc;
	u16 w;

	for (; len >= 2; b += 2, len -= 2) {
		memcpy(&w, b, 2);
		sum += w;
	}
	if (len) {
		w = 0;
		memcpy(&w, b, 1);
		sum += w;
	}
	while (sum >> 32)
		sum = (sum & 0xffffffff) + (sum >> 32);
	return (u32)sum;
}

static u16 fold(u32 acc)
{
	acc = (acc & 0xffff) + (acc >> 16);
	acc = (acc & 0xffff) + (acc >> 16);
	return (u16)acc;
}

__be16 pkt_csum_finish(u32 acc)
{
	return (__be16)~fold(acc);
}

__be16 pkt_csum_ipv4_header(const void *ip, u32 hlen)
{
	return pkt_csum_finish(pkt_csum_add(0, ip, hlen));
}

u32 pkt_csum_pseudo_ipv4(__be32 src, __be32 dst, u8 proto, u16 l4_len)
{
	__be16 tail[2] = { cpu_to_be16(proto), cpu_to_be16(l4_len) };
	u32 acc = pkt_csum_add(0, &src, 4);

	acc = pkt_csum_add(acc, &dst, 4);
	return pkt_csum_add(acc, tail, sizeof tail);
}

u32 pkt_csum_pseudo_ipv6(const u8 *src, const u8 *dst, u8 proto, u32 l4_len)
{
	__be32 tail[2] = { cpu_to_be32(l4_len), cpu_to_be32(proto) };
	u32 acc = pkt_csum_add(0, src, 16);

	acc = pkt_csum_add(acc, dst, 16);
	return pkt_csum_add(acc, tail, sizeof tail);
}

/* ~HC + ~m + m', refolded and complemented. */
static __be16 update(__be16 csum, const void *old, const void *new, u32 len)
{
	u32 acc = (u16)~csum;
	const u8 *o = old;
	u16 w;
	u32 i;

	for (i = 0; i < len; i += 2) {
		memcpy(&w, o + i, 2);
		acc += (u16)~w;
	}
	acc = pkt_csum_add(acc, new, len);
	return (__be16)~fold(acc);
}

__be16 pkt_csum_update16(__be16 csum, __be16 old, __be16 new)
{
	return update(csum, &old, &new, 2);
}

__be16 pkt_csum_update32(__be16 csum, __be32 old, __be32 new)
{
	return update(csum, &old, &new, 4);
}

__be16 pkt_csum_update128(__be16 csum, const u8 old[16], const u8 new[16])
{
	return update(csum, old, new, 16);
}

int pkt_csum_complete(u8 *data, u32 len, u32 csum_start, u32 csum_offset,
		      u8 proto)
{
	u32 l4_len = len - csum_start;
	__be16 csum;

	if (csum_start > len || csum_offset > l4_len ||
	    l4_len - csum_offset < 2)
		return -EINVAL;
	if (proto == IPPROTO_NUM_SCTP &&
	    csum_offset == offsetof(struct pkt_sctp, csum)) {
		if (l4_len < SCTP_HEADER_LEN)
			return -EINVAL;
		dp_sctp_crc_put(data + csum_start + csum_offset,
				dp_sctp_crc(data + csum_start, l4_len));
		return 0;
	}
	csum = pkt_csum_finish(pkt_csum_add(0, data + csum_start, l4_len));
	/* UDP (the only offloaded protocol with its checksum at byte 6) sends
	 * a computed zero as all ones, as zero would mean "no checksum"; TCP
	 * and ICMP send zero itself (RFC 1624 section 3). */
	if (!csum && csum_offset == 6)
		csum = (__be16)0xffff;
	memcpy(data + csum_start + csum_offset, &csum, 2);
	return 0;
}
