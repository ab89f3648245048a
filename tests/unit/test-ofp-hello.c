/* HELLO: the version bitmap element and version negotiation (OpenFlow
 * 1.3.1+ rules).  Encoded bytes match "ovs-ofctl encode-hello BITMAP"
 * (Debian OVS 3.1) for the bitmaps used here, xid aside. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bytebuf.h"
#include "ofp-errors.h"
#include "ofp-hello.h"
#include "ofp-msgs.h"

#define BIT(V) OFP_VERSION_BIT(V)

static void decode_hello(const void *data, size_t len, struct ofp_hello *h)
{
	struct ofpmsg m;

	assert_int_equal(ofpmsg_decode(&m, data, len), 0);
	assert_int_equal(m.type, OFPTYPE_HELLO);
	ofp_hello_decode(&m, h);
}

/* A peer's HELLO from its header version and, if nonzero, bitmap. */
static struct ofp_hello peer(uint8_t version, uint32_t bitmap)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofp_hello h;
	size_t start = ofpmsg_start(&b, OFPTYPE_HELLO, version, 1);

	if (bitmap) {
		bytebuf_put_be16(&b, OFPHET_VERSIONBITMAP);
		bytebuf_put_be16(&b, 8);
		bytebuf_put_be32(&b, bitmap);
	}
	ofpmsg_finish(&b, start);
	decode_hello(b.data, b.size, &h);
	bytebuf_uninit(&b);
	return h;
}

static void test_version_sets(void **state)
{
	assert_int_equal(ofp_hello_versions_upto(OFP10_VERSION), 0x02);
	assert_int_equal(ofp_hello_versions_upto(OFP13_VERSION), 0x1e);
	assert_int_equal(ofp_hello_versions_upto(OFP15_VERSION), 0x7e);
	assert_int_equal(ofp_hello_versions_upto(31), 0xfffffffe);
	assert_int_equal(ofp_hello_versions_upto(200), 0xfffffffe);
	assert_false(ofp_hello_needs_bitmap(0x1e));
	assert_false(ofp_hello_needs_bitmap(0x02));
	assert_true(ofp_hello_needs_bitmap(0x12));
	assert_true(ofp_hello_needs_bitmap(0x10));
	assert_true(ofp_hello_needs_bitmap(0x7c));
}

static void test_encode(void **state)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	ofp_hello_encode(&b, BIT(1) | BIT(4), 1);
	assert_int_equal(b.size, 16);
	assert_memory_equal(b.data, "\x04\x00\x00\x10\x00\x00\x00\x01"
				    "\x00\x01\x00\x08\x00\x00\x00\x12", 16);
	bytebuf_clear(&b);
	ofp_hello_encode(&b, 0x7e, 2);
	assert_int_equal(b.size, 8);
	assert_memory_equal(b.data, "\x06\x00\x00\x08\x00\x00\x00\x02", 8);
	bytebuf_clear(&b);
	ofp_hello_encode(&b, BIT(6), 3);
	assert_memory_equal(b.data, "\x06\x00\x00\x10\x00\x00\x00\x03"
				    "\x00\x01\x00\x08\x00\x00\x00\x40", 16);
	bytebuf_uninit(&b);
}

static void test_decode_elements(void **state)
{
	struct ofp_hello h;

	h = peer(OFP13_VERSION, 0);
	assert_false(h.has_bitmap);
	assert_true(h.clean);
	assert_int_equal(h.versions, 0x1e);

	h = peer(OFP13_VERSION, 0x12);
	assert_true(h.has_bitmap);
	assert_true(h.clean);
	assert_int_equal(h.versions, 0x12);

	/* Version 0 does not exist: its bit is dropped. */
	h = peer(OFP15_VERSION, 0x43);
	assert_int_equal(h.versions, 0x42);

	/* An unknown element before the bitmap is skipped. */
	decode_hello("\x04\x00\x00\x18\x00\x00\x00\x01"
		     "\x00\x05\x00\x08\xaa\xbb\xcc\xdd"
		     "\x00\x01\x00\x08\x00\x00\x00\x12", 24, &h);
	assert_true(h.has_bitmap);
	assert_false(h.clean);
	assert_int_equal(h.versions, 0x12);

	/* A 12-byte element padded to 16, with a longer bitmap. */
	decode_hello("\x04\x00\x00\x18\x00\x00\x00\x01"
		     "\x00\x01\x00\x0c\x00\x00\x00\x12\x00\x00\x00\x01"
		     "\x00\x00\x00\x00", 24, &h);
	assert_true(h.clean);
	assert_int_equal(h.versions, 0x12);

	/* Malformed: element missing its padding, too short, no versions. */
	decode_hello("\x04\x00\x00\x10\x00\x00\x00\x01"
		     "\x00\x01\x00\x0c\x00\x00\x00\x12", 16, &h);
	assert_false(h.clean);
	assert_false(h.has_bitmap);
	assert_int_equal(h.versions, 0x1e);
	decode_hello("\x04\x00\x00\x0c\x00\x00\x00\x01\x00\x01\x00\x02", 12,
		     &h);
	assert_false(h.clean);
	h = peer(OFP13_VERSION, 0x01);
	assert_false(h.clean);
	assert_int_equal(h.versions, 0x1e);
	decode_hello("\x04\x00\x00\x09\x00\x00\x00\x01\x00", 9, &h);
	assert_false(h.clean);
}

static void test_negotiate(void **state)
{
	uint32_t of10_13 = BIT(1) | BIT(4);
	struct ofp_hello h;

	/* Both send bitmaps: the highest version in both. */
	h = peer(OFP14_VERSION, BIT(4) | BIT(5));
	assert_int_equal(ofp_hello_negotiate(of10_13, &h), OFP13_VERSION);
	h = peer(OFP12_VERSION, BIT(1) | BIT(3));
	assert_int_equal(ofp_hello_negotiate(of10_13, &h), OFP10_VERSION);
	h = peer(OFP14_VERSION, BIT(2) | BIT(5));
	assert_int_equal(ofp_hello_negotiate(of10_13, &h), 0);

	/* No bitmap from the peer: the smaller header version, if we
	 * support it. */
	h = peer(OFP13_VERSION, 0);
	assert_int_equal(ofp_hello_negotiate(0x3e, &h), OFP13_VERSION);
	h = peer(OFP15_VERSION, 0);
	assert_int_equal(ofp_hello_negotiate(0x1e, &h), OFP13_VERSION);
	h = peer(0x07, 0);
	assert_int_equal(ofp_hello_negotiate(0x7e, &h), OFP15_VERSION);
	h = peer(OFP12_VERSION, 0);
	assert_int_equal(ofp_hello_negotiate(of10_13, &h), 0);
	h = peer(OFP10_VERSION, 0);
	assert_int_equal(ofp_hello_negotiate(BIT(4), &h), 0);

	/* We send no bitmap (1.0-1.4 is "up to 1.4"): header rule again,
	 * and the result must be in the peer's bitmap too. */
	h = peer(OFP12_VERSION, BIT(1) | BIT(3));
	assert_int_equal(ofp_hello_negotiate(0x3e, &h), OFP12_VERSION);
	h = peer(OFP15_VERSION, BIT(1) | BIT(6));
	assert_int_equal(ofp_hello_negotiate(0x1e, &h), 0);
}

static void test_failure_message(void **state)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofperr_msg em;
	struct ofp_hello h;
	char *text;

	text = ofp_hello_incompatible_text(BIT(4), BIT(1));
	assert_string_equal(text, "We support version 0x04, you support "
				  "version 0x01, no common versions.");
	free(text);
	text = ofp_hello_incompatible_text(0x1e, BIT(2) | BIT(5));
	assert_string_equal(text, "We support version 0x04 and earlier, you "
				  "support versions 0x02, 0x05, no common "
				  "versions.");
	free(text);
	text = ofp_hello_incompatible_text(0, 0x02);
	assert_string_equal(text, "We support no versions, you support "
				  "version 0x01, no common versions.");
	free(text);

	h = peer(OFP11_VERSION, 0);
	ofp_hello_encode_failure(&b, BIT(4), &h);
	assert_int_equal(ofperr_decode_msg(b.data, b.size, &em), 0);
	assert_int_equal(b.data[0], OFP11_VERSION);
	assert_int_equal(em.error, OFPERR_OFPHFC_INCOMPATIBLE);
	const char *want = "We support version 0x04, you support version "
			   "0x02 and earlier, no common versions.";
	assert_int_equal(em.data_len, strlen(want));
	assert_memory_equal(em.data, want, em.data_len);
	bytebuf_uninit(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_sets),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_decode_elements),
		cmocka_unit_test(test_negotiate),
		cmocka_unit_test(test_failure_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
