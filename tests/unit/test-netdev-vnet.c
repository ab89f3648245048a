/* Offload state of received frames: partial checksums completed from a
 * virtio_net_hdr or recognised without one, and GSO frames cut into
 * segments whose headers, sequence numbers and checksums are checked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "csum.h"
#include "frame-builder.h"
#include "netdev-vnet.h"

static const u8 v6a[16] = { 0xfd, [15] = 1 }, v6b[16] = { 0xfd, [15] = 2 };

/* The L4 checksum of an IPv4 or IPv6 frame at l3 verifies. */
static bool l4_valid(const u8 *f, u32 l3)
{
	u32 l4, l4_len, acc;
	u8 proto;

	if ((f[l3] >> 4) == 4) {
		const struct pkt_ipv4 *ip = (const void *)(f + l3);

		l4 = l3 + (ip->ihl_ver & 0xf) * 4;
		l4_len = be16_to_cpu(ip->tot_len) - (l4 - l3);
		proto = ip->proto;
		acc = pkt_csum_pseudo_ipv4(ip->src, ip->dst, proto, l4_len);
	} else {
		const struct pkt_ipv6 *ip = (const void *)(f + l3);

		l4 = l3 + IPV6_HEADER_LEN;
		l4_len = be16_to_cpu(ip->payload_len);
		proto = ip->next;
		acc = pkt_csum_pseudo_ipv6(ip->src, ip->dst, proto, l4_len);
	}
	return pkt_csum_finish(pkt_csum_add(acc, f + l4, l4_len)) == 0;
}

/* Puts the folded pseudo-header sum in the L4 checksum field, as a sender
 * with checksum offload leaves it. */
static void make_partial(struct frame *f, u32 l3, u32 l4, u32 field)
{
	u32 l4_len = f->len - l4, acc;
	__be16 partial;

	if ((f->data[l3] >> 4) == 4) {
		const struct pkt_ipv4 *ip = (const void *)(f->data + l3);

		acc = pkt_csum_pseudo_ipv4(ip->src, ip->dst, ip->proto, l4_len);
	} else {
		const struct pkt_ipv6 *ip = (const void *)(f->data + l3);

		acc = pkt_csum_pseudo_ipv6(ip->src, ip->dst, ip->next, l4_len);
	}
	partial = ~pkt_csum_finish(acc);
	memcpy(f->data + l4 + field, &partial, 2);
}

static void put_payload(struct frame *f, u32 n)
{
	u8 *p = frame_put(f, NULL, n);

	for (u32 i = 0; i < n; i++)
		p[i] = (u8)(i * 7 + 3);
}

/* Ethernet + IPv4 + TCP (seq 1000, id 77) + payload, checksum partial. */
static void tcp4_frame(struct frame *f, u32 payload, u16 flags)
{
	frame_init(f);
	frame_eth(f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_IP);
	frame_ipv4(f, 0x0a000001, 0x0a000002, 6, 64, 0, 0x4000);
	((struct pkt_ipv4 *)(f->data + 14))->id = cpu_to_be16(77);
	frame_tcp(f, 1234, 80, flags);
	((struct pkt_tcp *)(f->data + 34))->seq = cpu_to_be32(1000);
	put_payload(f, payload);
	frame_finish(f);
	make_partial(f, 14, 34, 16);
}

static struct virtio_net_hdr gso_hdr(u8 type, u16 mss, u16 csum_start,
				     u16 csum_offset)
{
	return (struct virtio_net_hdr) {
		.flags = VIRTIO_NET_HDR_F_NEEDS_CSUM,
		.gso_type = type, .gso_size = mss,
		.csum_start = csum_start, .csum_offset = csum_offset,
	};
}

/* Cuts 'f' and returns the number of segments, kept in segs[]. */
static int cut(struct frame *f, const struct virtio_net_hdr *vh,
	       struct dp_packet **segs, int max)
{
	struct netdev_gso g;
	int n = 0;

	assert_int_equal(netdev_gso_start(&g, f->data, f->len, vh), 0);
	while (n < max && (segs[n] = netdev_gso_next(&g)))
		n++;
	assert_null(netdev_gso_next(&g));
	return n;
}

static void free_segs(struct dp_packet **segs, int n)
{
	while (n--)
		dp_packet_delete(segs[n]);
}

static void test_vnet_csum_completes(void **state)
{
	struct frame f;
	struct virtio_net_hdr vh = gso_hdr(0, 0, 34, 16);

	tcp4_frame(&f, 100, 0x18);
	assert_false(l4_valid(f.data, 14));
	assert_int_equal(netdev_vnet_csum(f.data, f.len, &vh), 0);
	assert_true(l4_valid(f.data, 14));
	vh.csum_start = f.len;
	assert_int_equal(netdev_vnet_csum(f.data, f.len, &vh), -EINVAL);
}

/* Two SCTP frames as scapy 2.5 built them, their CRC32c checked with
 * tshark (sctp.checksum:CRC-32C) and with a bitwise CRC32c of our own in
 * Python.  An INIT over IPv4 (CRC at bytes 42-45): */
static const u8 sctp4_init[82] = {
	0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x00, 0x45, 0x00, 0x00, 0x44, 0x00, 0x01, 0x40, 0x00, 0x40, 0x84,
	0x26, 0x33, 0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02, 0x13, 0x88,
	0x00, 0x50, 0x00, 0x00, 0x00, 0x00, 0x77, 0xc2, 0x56, 0x09, 0x01, 0x00,
	0x00, 0x24, 0x12, 0x34, 0x56, 0x78, 0x00, 0x01, 0xa0, 0x00, 0x00, 0x0a,
	0xff, 0xff, 0x0b, 0xad, 0xca, 0xfe, 0x00, 0x05, 0x00, 0x08, 0x0a, 0x00,
	0x00, 0x01, 0x00, 0x0c, 0x00, 0x06, 0x00, 0x05, 0x00, 0x00,
};

/* A DATA chunk over IPv6 behind a destination options header (CRC at
 * bytes 70-73): */
static const u8 sctp6_data[102] = {
	0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x86, 0xdd, 0x60, 0x00, 0x00, 0x00, 0x00, 0x30, 0x3c, 0x40, 0xfd, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x01, 0xfd, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x84, 0x00, 0x01, 0x04, 0x00, 0x00,
	0x00, 0x00, 0x13, 0x88, 0x00, 0x50, 0x11, 0x22, 0x33, 0x44, 0xe1, 0x6c,
	0xb1, 0x86, 0x00, 0x00, 0x00, 0x1b, 0x00, 0x00, 0x00, 0x07, 0x00, 0x01,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20,
	0x73, 0x63, 0x74, 0x70, 0x21, 0x00,
};

/* Completes 'wire' with its CRC zeroed, as the kernel's SCTP leaves it
 * for offload, and 'pad' bytes of Ethernet padding after it; the frame
 * must come out as 'wire', padding untouched. */
static void sctp_complete(const u8 *wire, u32 len, u16 csum_start, u32 pad)
{
	struct virtio_net_hdr vh = gso_hdr(0, 0, csum_start, 8);
	u8 f[128];

	assert_true(len + pad <= sizeof f);
	memcpy(f, wire, len);
	memset(f + csum_start + 8, 0, 4);
	memset(f + len, 0xa5, pad);
	assert_int_equal(netdev_vnet_csum(f, len + pad, &vh), 0);
	assert_memory_equal(f, wire, len);
	for (u32 i = 0; i < pad; i++)
		assert_int_equal(f[len + i], 0xa5);
}

static void test_vnet_csum_sctp4(void **state)
{
	sctp_complete(sctp4_init, sizeof sctp4_init, 34, 0);
	sctp_complete(sctp4_init, sizeof sctp4_init, 34, 14);
}

static void test_vnet_csum_sctp6_ext(void **state)
{
	sctp_complete(sctp6_data, sizeof sctp6_data, 62, 0);
	sctp_complete(sctp6_data, sizeof sctp6_data, 62, 6);
}

/* The same frame behind an 802.1Q tag, as AF_PACKET hands it back after
 * re-inserting the tag (csum_start moved on by 4). */
static void test_vnet_csum_sctp_vlan(void **state)
{
	u8 wire[sizeof sctp4_init + 4];

	memcpy(wire, sctp4_init, 12);
	memcpy(wire + 12, "\x81\x00\x00\x07", 4);
	memcpy(wire + 16, sctp4_init + 12, sizeof sctp4_init - 12);
	sctp_complete(wire, sizeof wire, 38, 0);
}

/* csum_offset 8 is not enough: where the headers do not lead to an SCTP
 * header at csum_start, the Internet checksum is completed, as asked. */
static void test_vnet_csum_offset8_not_sctp(void **state)
{
	struct virtio_net_hdr vh = gso_hdr(0, 0, 34, 8);
	u8 f[sizeof sctp4_init];
	__be16 expected;

	memcpy(f, sctp4_init, sizeof f);
	f[23] = IPPROTO_NUM_UDP;        /* the IP header no longer says SCTP */
	memset(f + 42, 0, 4);
	expected = pkt_csum_finish(pkt_csum_add(0, f + 34, sizeof f - 34));
	assert_int_equal(netdev_vnet_csum(f, sizeof f, &vh), 0);
	assert_memory_equal(f + 42, &expected, 2);
	assert_int_equal(f[44], 0);
	assert_int_equal(f[45], 0);

	/* SCTP named, but csum_start is not where its header begins. */
	memcpy(f, sctp4_init, sizeof f);
	vh.csum_start = 38;
	memset(f + 46, 0, 2);
	expected = pkt_csum_finish(pkt_csum_add(0, f + 38, sizeof f - 38));
	assert_int_equal(netdev_vnet_csum(f, sizeof f, &vh), 0);
	assert_memory_equal(f + 46, &expected, 2);
}

static void test_vnet_shift(void **state)
{
	struct virtio_net_hdr vh = gso_hdr(0, 0, 34, 16);

	netdev_vnet_shift(&vh, 4);
	assert_int_equal(vh.csum_start, 38);
	vh.flags = 0;
	netdev_vnet_shift(&vh, 4);
	assert_int_equal(vh.csum_start, 38);
}

static void test_fixup_completes_partial(void **state)
{
	struct frame f;

	tcp4_frame(&f, 333, 0x18);
	netdev_csum_fixup(f.data, f.len);
	assert_true(l4_valid(f.data, 14));
}

/* A valid checksum is left as it is; so is one that is wrong but not a
 * pseudo-header sum (a corrupt frame stays visibly corrupt). */
static void test_fixup_leaves_others(void **state)
{
	struct frame f, copy;
	struct virtio_net_hdr vh = gso_hdr(0, 0, 34, 16);

	tcp4_frame(&f, 50, 0x10);
	netdev_vnet_csum(f.data, f.len, &vh);
	copy = f;
	netdev_csum_fixup(f.data, f.len);
	assert_memory_equal(f.data, copy.data, f.len);
	f.data[f.len - 1] ^= 0xff;
	copy = f;
	netdev_csum_fixup(f.data, f.len);
	assert_memory_equal(f.data, copy.data, f.len);
}

/* Behind a VLAN tag, over IPv6, and for UDP. */
static void test_fixup_udp6_vlan(void **state)
{
	struct frame f;

	frame_init(&f);
	frame_eth(&f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_VLAN);
	frame_vlan(&f, 100, ETH_TYPE_IPV6);
	frame_ipv6(&f, v6a, v6b, 17, 64, 0, 0);
	frame_udp(&f, 5, 6);
	put_payload(&f, 41);
	((struct pkt_udp *)(f.data + 58))->len = cpu_to_be16(49);
	frame_finish(&f);
	make_partial(&f, 18, 58, 6);
	netdev_csum_fixup(f.data, f.len);
	assert_true(l4_valid(f.data, 18));
}

/* 1800 bytes at MSS 700: 700, 700, 400; sequence numbers and IPv4 ids
 * follow on, FIN and PSH only on the last, CWR only on the first. */
static void test_gso_tcp4(void **state)
{
	struct virtio_net_hdr vh = gso_hdr(VIRTIO_NET_HDR_GSO_TCPV4 |
					   VIRTIO_NET_HDR_GSO_ECN, 700, 34, 16);
	static const u32 sizes[] = { 700, 700, 400 };
	struct dp_packet *segs[8];
	struct frame f;
	int n;

	tcp4_frame(&f, 1800, 0x80 | 0x10 | 0x08 | 0x01); /* CWR ACK PSH FIN */
	n = cut(&f, &vh, segs, 8);
	assert_int_equal(n, 3);
	for (int i = 0; i < n; i++) {
		const u8 *s = dp_packet_data(segs[i]);
		const struct pkt_ipv4 *ip = (const void *)(s + 14);
		const struct pkt_tcp *th = (const void *)(s + 34);
		u16 flags = be16_to_cpu(th->off_flags) & 0x1ff;

		assert_int_equal(dp_packet_size(segs[i]), 54 + sizes[i]);
		assert_int_equal(be16_to_cpu(ip->tot_len), 40 + sizes[i]);
		assert_int_equal(be16_to_cpu(ip->id), 77 + i);
		assert_int_equal(frame_csum((const u8 *)ip, 20), 0);
		assert_int_equal(be32_to_cpu(th->seq), 1000 + 700 * i);
		assert_int_equal(flags, (i == 0 ? 0x80 : 0) | 0x10 |
					(i == 2 ? 0x09 : 0));
		assert_true(l4_valid(s, 14));
		assert_memory_equal(s + 54, f.data + 54 + 700 * i, sizes[i]);
		assert_true(dp_packet_headroom(segs[i]) >= DP_PACKET_HEADROOM);
	}
	free_segs(segs, n);
}

static void test_gso_tcp6_vlan(void **state)
{
	struct virtio_net_hdr vh = gso_hdr(VIRTIO_NET_HDR_GSO_TCPV6, 500,
					   58, 16);
	struct dp_packet *segs[8];
	struct frame f;
	int n;

	frame_init(&f);
	frame_eth(&f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_VLAN);
	frame_vlan(&f, 7, ETH_TYPE_IPV6);
	frame_ipv6(&f, v6a, v6b, 6, 64, 0, 0);
	frame_tcp(&f, 1, 2, 0x10);
	put_payload(&f, 1200);
	frame_finish(&f);
	make_partial(&f, 18, 58, 16);
	n = cut(&f, &vh, segs, 8);
	assert_int_equal(n, 3);
	for (int i = 0; i < n; i++) {
		const u8 *s = dp_packet_data(segs[i]);

		assert_int_equal(be16_to_cpu(((const struct pkt_ipv6 *)(s + 18))->payload_len),
				 20 + (i < 2 ? 500 : 200));
		assert_memory_equal(s, f.data, 16);     /* the tag stays */
		assert_true(l4_valid(s, 18));
	}
	free_segs(segs, n);
}

static void test_gso_udp4(void **state)
{
	struct virtio_net_hdr vh = gso_hdr(VIRTIO_NET_HDR_GSO_UDP_L4, 600,
					   34, 6);
	struct dp_packet *segs[8];
	struct frame f;
	int n;

	frame_init(&f);
	frame_eth(&f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_IP);
	frame_ipv4(&f, 0x0a000001, 0x0a000002, 17, 64, 0, 0);
	frame_udp(&f, 9, 10);
	put_payload(&f, 1300);
	((struct pkt_udp *)(f.data + 34))->len = cpu_to_be16(1308);
	frame_finish(&f);
	make_partial(&f, 14, 34, 6);
	n = cut(&f, &vh, segs, 8);
	assert_int_equal(n, 3);
	for (int i = 0; i < n; i++) {
		const u8 *s = dp_packet_data(segs[i]);
		u32 len = i < 2 ? 600 : 100;

		assert_int_equal(be16_to_cpu(((const struct pkt_udp *)(s + 34))->len),
				 8 + len);
		assert_true(l4_valid(s, 14));
	}
	free_segs(segs, n);
}

static void test_gso_refused(void **state)
{
	struct virtio_net_hdr ufo = gso_hdr(VIRTIO_NET_HDR_GSO_UDP, 500, 34, 6);
	struct virtio_net_hdr v6 = gso_hdr(VIRTIO_NET_HDR_GSO_TCPV6, 500, 34, 16);
	struct virtio_net_hdr far = gso_hdr(VIRTIO_NET_HDR_GSO_TCPV4, 500,
					    2000, 16);
	struct virtio_net_hdr no_mss = gso_hdr(VIRTIO_NET_HDR_GSO_TCPV4, 0,
					       34, 16);
	struct netdev_gso g;
	struct frame f;

	tcp4_frame(&f, 1000, 0x10);
	assert_int_equal(netdev_gso_start(&g, f.data, f.len, &ufo), -EOPNOTSUPP);
	assert_int_equal(netdev_gso_start(&g, f.data, f.len, &v6), -EINVAL);
	assert_int_equal(netdev_gso_start(&g, f.data, f.len, &far), -EINVAL);
	assert_int_equal(netdev_gso_start(&g, f.data, f.len, &no_mss), -EINVAL);
	far.csum_start = 34;
	assert_int_equal(netdev_gso_start(&g, f.data, f.len, &far), 0);
	assert_int_equal(netdev_gso_start(&g, f.data, 13, &far), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vnet_csum_completes),
		cmocka_unit_test(test_vnet_csum_sctp4),
		cmocka_unit_test(test_vnet_csum_sctp6_ext),
		cmocka_unit_test(test_vnet_csum_sctp_vlan),
		cmocka_unit_test(test_vnet_csum_offset8_not_sctp),
		cmocka_unit_test(test_vnet_shift),
		cmocka_unit_test(test_fixup_completes_partial),
		cmocka_unit_test(test_fixup_leaves_others),
		cmocka_unit_test(test_fixup_udp6_vlan),
		cmocka_unit_test(test_gso_tcp4),
		cmocka_unit_test(test_gso_tcp6_vlan),
		cmocka_unit_test(test_gso_udp4),
		cmocka_unit_test(test_gso_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
