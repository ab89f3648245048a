/* Internet checksum: known values, odd lengths, and incremental updates that
 * must equal a full recomputation; checksums completed for offload, SCTP's
 * CRC32c among them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "crc32c.h"
#include "csum.h"
#include "frame-builder.h"

/* RFC 1071 section 3's example bytes sum to 0xddf2 (before complement). */
static void test_rfc1071_example(void **state)
{
	static const u8 bytes[8] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
	__be16 c = pkt_csum_finish(pkt_csum_add(0, bytes, sizeof bytes));

	assert_int_equal(be16_to_cpu(c), (u16)~0xddf2);
}

static void test_matches_reference(void **state)
{
	u8 buf[1500];

	srand(1);
	for (int round = 0; round < 200; round++) {
		u32 len = rand() % sizeof buf;

		for (u32 i = 0; i < len; i++)
			buf[i] = rand();
		assert_int_equal(be16_to_cpu(pkt_csum_finish(pkt_csum_add(0, buf, len))),
				 frame_csum(buf, len));
	}
}

static void test_chained_sums(void **state)
{
	u8 buf[64];

	for (u32 i = 0; i < sizeof buf; i++)
		buf[i] = i * 37 + 1;
	u32 acc = pkt_csum_add(0, buf, 20);

	acc = pkt_csum_add(acc, buf + 20, 44);
	assert_int_equal(pkt_csum_finish(acc),
			 pkt_csum_finish(pkt_csum_add(0, buf, 64)));
}

static void test_ipv4_header(void **state)
{
	struct frame f;

	frame_init(&f);
	frame_ipv4(&f, 0xc0a80001, 0xc0a800c7, IPPROTO_NUM_UDP, 64, 0, IPV4_DONT_FRAG);
	frame_finish(&f);
	/* A header carrying its checksum sums to zero. */
	assert_int_equal(pkt_csum_ipv4_header(f.data, 20), 0);
}

/* Rewriting a field and updating the checksum incrementally gives what a
 * full recomputation gives, for random fields and data. */
static void test_incremental(void **state)
{
	u8 buf[60];

	srand(2);
	for (int round = 0; round < 2000; round++) {
		u32 at = (rand() % 20) * 2;
		int width = (int[]){ 2, 4, 16 }[rand() % 3];
		u8 old[16], new[16];
		__be16 csum, updated;

		for (u32 i = 0; i < sizeof buf; i++)
			buf[i] = rand();
		csum = pkt_csum_finish(pkt_csum_add(0, buf, sizeof buf));
		memcpy(old, buf + at, width);
		for (int i = 0; i < width; i++)
			new[i] = rand();
		memcpy(buf + at, new, width);

		if (width == 2)
			updated = pkt_csum_update16(csum, dp_get_be16(old), dp_get_be16(new));
		else if (width == 4)
			updated = pkt_csum_update32(csum, dp_get_be32(old), dp_get_be32(new));
		else
			updated = pkt_csum_update128(csum, old, new);
		/* 0x0000 and 0xffff are the same one's complement number. */
		__be16 full = pkt_csum_finish(pkt_csum_add(0, buf, sizeof buf));
		if (updated != full)
			assert_true((updated == 0 && full == 0xffff) ||
				    (updated == 0xffff && full == 0));
	}
}

static void test_pseudo_headers(void **state)
{
	struct frame f;
	u32 acc;

	/* A UDP datagram whose checksum is filled in validates to zero. */
	frame_init(&f);
	frame_udp(&f, 1000, 2000);
	frame_put(&f, "hello", 5);
	f.data[5] = 13;
	acc = pkt_csum_pseudo_ipv4(cpu_to_be32(0x0a000001), cpu_to_be32(0x0a000002),
				   IPPROTO_NUM_UDP, 13);
	__be16 c = pkt_csum_finish(pkt_csum_add(acc, f.data, 13));
	memcpy(f.data + 6, &c, 2);
	assert_int_equal(pkt_csum_finish(pkt_csum_add(acc, f.data, 13)), 0);

	static const u8 a[16] = { 0xfe, 0x80, [15] = 1 }, b[16] = { 0xff, 0x02, [15] = 1 };
	memset(f.data + 6, 0, 2);
	acc = pkt_csum_pseudo_ipv6(a, b, IPPROTO_NUM_ICMPV6, 13);
	c = pkt_csum_finish(pkt_csum_add(acc, f.data, 13));
	memcpy(f.data + 6, &c, 2);
	assert_int_equal(pkt_csum_finish(pkt_csum_add(acc, f.data, 13)), 0);
}

/* A partial checksum (pseudo-header sum in the field, as a sender with TX
 * offload leaves it) completes to the full checksum. */
static void test_complete_partial(void **state)
{
	struct frame f;
	u32 l4 = 14 + 20;

	frame_init(&f);
	frame_eth(&f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_IP);
	frame_ipv4(&f, 0x0a000001, 0x0a000002, IPPROTO_NUM_TCP, 64, 0, 0);
	frame_tcp(&f, 1234, 80, TCP_SYN);
	frame_put(&f, "payload", 7);
	frame_finish(&f);
	u32 l4_len = f.len - l4;
	u32 pseudo = pkt_csum_pseudo_ipv4(cpu_to_be32(0x0a000001), cpu_to_be32(0x0a000002),
					  IPPROTO_NUM_TCP, l4_len);
	__be16 expected = pkt_csum_finish(pkt_csum_add(pseudo, f.data + l4, l4_len));
	__be16 partial = (__be16)~pkt_csum_finish(pseudo);

	memcpy(f.data + l4 + 16, &partial, 2);
	assert_int_equal(pkt_csum_complete(f.data, f.len, l4, 16, IPPROTO_NUM_TCP),
			 0);
	assert_memory_equal(f.data + l4 + 16, &expected, 2);

	assert_int_equal(pkt_csum_complete(f.data, f.len, l4, l4_len - 1, 0), -EINVAL);
	assert_int_equal(pkt_csum_complete(f.data, f.len, f.len + 1, 0, 0), -EINVAL);
}

/* A TCP segment whose checksum computes to zero keeps 0x0000 (0xffff would
 * be flagged by receivers and analysers); a UDP one gets 0xffff. */
static void test_complete_zero(void **state)
{
	u8 seg[24] = { 0 };
	u16 field;

	/* Bytes summing to 0xffff make the checksum ~0xffff = 0. */
	seg[20] = 0xff, seg[21] = 0xff;
	assert_int_equal(pkt_csum_complete(seg, sizeof seg, 0, 16, 0), 0);
	memcpy(&field, seg + 16, 2);
	assert_int_equal(field, 0x0000);

	memset(seg, 0, sizeof seg);
	seg[20] = 0xff, seg[21] = 0xff;
	assert_int_equal(pkt_csum_complete(seg, sizeof seg, 0, 6, 0), 0);
	memcpy(&field, seg + 6, 2);
	assert_int_equal(field, 0xffff);
}

/* Ethernet, an 802.1Q tag, IPv4 and SCTP with a COOKIE ACK chunk, as
 * scapy 2.5 built it; its CRC32c (bytes 46-49) checked with tshark
 * (sctp.checksum:CRC-32C) and a bitwise CRC32c of our own in Python. */
static const u8 sctp_cookie_ack[54] = {
	0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x81, 0x00, 0x00, 0x64, 0x08, 0x00, 0x45, 0x00, 0x00, 0x24, 0x00, 0x02,
	0x40, 0x00, 0x40, 0x84, 0x26, 0x52, 0x0a, 0x00, 0x00, 0x02, 0x0a, 0x00,
	0x00, 0x01, 0x00, 0x50, 0x13, 0x88, 0x12, 0x34, 0x56, 0x78, 0x8c, 0xdb,
	0x47, 0xea, 0x0b, 0x00, 0x00, 0x04,
};
#define SCTP_L4 38

/* SCTP's checksum field gets the CRC32c, least significant byte first, not
 * an Internet checksum; whatever the field held is no part of it (the
 * kernel leaves zero there, a sender might leave anything). */
static void test_complete_sctp(void **state)
{
	u8 f[sizeof sctp_cookie_ack];

	memcpy(f, sctp_cookie_ack, sizeof f);
	memset(f + SCTP_L4 + 8, 0, 4);
	assert_int_equal(pkt_csum_complete(f, sizeof f, SCTP_L4, 8,
					   IPPROTO_NUM_SCTP), 0);
	assert_memory_equal(f, sctp_cookie_ack, sizeof f);

	memset(f + SCTP_L4 + 8, 0x5a, 4);
	assert_int_equal(pkt_csum_complete(f, sizeof f, SCTP_L4, 8,
					   IPPROTO_NUM_SCTP), 0);
	assert_memory_equal(f, sctp_cookie_ack, sizeof f);
	assert_int_equal(dp_sctp_crc_get(f + SCTP_L4 + 8), 0xea47db8c);
	assert_int_equal(dp_sctp_crc(f + SCTP_L4, sizeof f - SCTP_L4),
			 0xea47db8c);
}

/* Only the protocol makes it SCTP: unknown, offset 8 is an Internet
 * checksum (2 bytes, the rest untouched).  An SCTP packet shorter than its
 * common header cannot be completed; the header alone can. */
static void test_complete_sctp_needs_proto(void **state)
{
	u8 f[sizeof sctp_cookie_ack];
	__be16 expected;

	memcpy(f, sctp_cookie_ack, sizeof f);
	memset(f + SCTP_L4 + 8, 0, 4);
	expected = pkt_csum_finish(pkt_csum_add(0, f + SCTP_L4,
						sizeof f - SCTP_L4));
	assert_int_equal(pkt_csum_complete(f, sizeof f, SCTP_L4, 8, 0), 0);
	assert_memory_equal(f + SCTP_L4 + 8, &expected, 2);
	assert_int_equal(f[SCTP_L4 + 10], 0);
	assert_int_equal(f[SCTP_L4 + 11], 0);

	assert_int_equal(pkt_csum_complete(f, SCTP_L4 + 11, SCTP_L4, 8,
					   IPPROTO_NUM_SCTP), -EINVAL);
	assert_int_equal(pkt_csum_complete(f, SCTP_L4 + 12, SCTP_L4, 8,
					   IPPROTO_NUM_SCTP), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc1071_example),
		cmocka_unit_test(test_matches_reference),
		cmocka_unit_test(test_chained_sums),
		cmocka_unit_test(test_ipv4_header),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_pseudo_headers),
		cmocka_unit_test(test_complete_partial),
		cmocka_unit_test(test_complete_zero),
		cmocka_unit_test(test_complete_sctp),
		cmocka_unit_test(test_complete_sctp_needs_proto),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
