/* OpenFlow errors: every error in every version is encoded and decoded;
 * a sample of (type, code) values is checked against the specifications;
 * ERROR messages print exactly as ovs-ofctl prints them.
 *
 * How the expected values were obtained:
 *   - The sample in test_spec_codes is transcribed from the ofp_error_type
 *     and *_code enums of the OpenFlow 1.0, 1.1, 1.3, 1.4 and 1.5
 *     specifications and, for the Nicira and ONF extension errors, from the
 *     extension definitions.
 *   - Once, outside the tests, every (error, version) pair was compared
 *     with "ovs-ofctl print-error NAME" (Debian OVS 3.1: 1188 pairs, all
 *     equal) and every ERROR reply to an OFPT_FEATURES_REQUEST with
 *     "ovs-ofctl encode-error-reply NAME HEX" (1188 messages, byte-equal).
 *   - The texts in print_cases are "ovs-ofctl ofp-print HEX" output for
 *     the HEX beside them, pasted unedited. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bytebuf.h"
#include "ofp-errors.h"
#include "ofp-msgs.h"
#include "ofp-print.h"

/* The hex as bytes in 'b' (reused by each call). */
static const uint8_t *from_hex(struct bytebuf *b, const char *hex)
{
	bytebuf_clear(b);
	assert_string_equal(ofp_print_parse_hex(b, hex), "");
	return b->data;
}

static void test_names(void **state)
{
	for (int e = 1; e < OFPERR_LIMIT; e++) {
		const char *name = ofperr_get_name(e);
		char prefixed[64];

		assert_true(ofperr_is_valid(e));
		assert_int_equal(ofperr_from_name(name), e);
		snprintf(prefixed, sizeof prefixed, "OFPERR_%s", name);
		assert_int_equal(ofperr_from_name(prefixed), e);
		assert_true(strlen(ofperr_get_description(e)) > 5);
	}
	assert_int_equal(OFPERR_N_ERRORS, 198);
	assert_string_equal(ofperr_get_name(OFPERR_OFPBRC_BAD_TYPE),
			    "OFPBRC_BAD_TYPE");
	assert_string_equal(ofperr_get_name(OFPERR_NXBRC_NXM_INVALID),
			    "NXBRC_NXM_INVALID");
	assert_int_equal(ofperr_from_name("OFPBAC_BAD_OUT_PORT"),
			 OFPERR_OFPBAC_BAD_OUT_PORT);
	assert_int_equal(ofperr_from_name("OFPBRC_NO_SUCH_THING"), 0);
	assert_int_equal(ofperr_from_name(""), 0);
	assert_false(ofperr_is_valid(0));
	assert_false(ofperr_is_valid(OFPERR_LIMIT));
	assert_string_equal(ofperr_get_name(0), "<invalid>");
	assert_string_equal(ofperr_get_name(OFPERR_LIMIT), "<invalid>");
}

/* Where one wire form stands for two errors (the spec split it later),
 * decoding gives the first; these are the only such pairs. */
static bool is_shared(enum ofperr e, uint8_t v)
{
	return (e == OFPERR_OFPBIC_BAD_EXP_TYPE && v == OFP11_VERSION) ||
	       (e == OFPERR_OFPBRC_IS_SECONDARY && v <= OFP11_VERSION);
}

/* The ERROR body as the spec lays out each form. */
static void check_layout(const struct bytebuf *b, uint8_t v,
			 const struct ofperr_wire *w, size_t *data_ofs)
{
	const uint8_t *p = b->data;
	uint16_t type = p[8] << 8 | p[9], code = p[10] << 8 | p[11];

	if (!w->vendor) {
		assert_int_equal(type, w->type);
		assert_int_equal(code, w->code);
		*data_ofs = 12;
	} else if (v <= OFP11_VERSION) {
		assert_int_equal(type, NXET_VENDOR);
		assert_int_equal(code, NXVC_VENDOR_ERROR);
		assert_memory_equal(p + 12, "\x00\x00\x23\x20", 4);
		assert_int_equal(p[16] << 8 | p[17], w->type);
		assert_int_equal(p[18] << 8 | p[19], w->code);
		*data_ofs = 20;
	} else {
		assert_int_equal(type, OFPET12_EXPERIMENTER);
		assert_int_equal(code, w->type);
		uint32_t vendor = (uint32_t)p[12] << 24 | p[13] << 16 |
				  p[14] << 8 | p[15];
		assert_int_equal(vendor, w->vendor);
		*data_ofs = 16;
	}
}

static void test_every_error_every_version(void **state)
{
	struct bytebuf req = BYTEBUF_INITIALIZER, b = BYTEBUF_INITIALIZER;
	unsigned encodable = 0, shared = 0;

	for (uint8_t v = OFP_MIN_VERSION; v <= OFP_MAX_VERSION; v++) {
		bytebuf_clear(&req);
		size_t start = ofpmsg_start(&req, OFPTYPE_BARRIER_REQUEST, v,
					    0xabcd);
		ofpmsg_finish(&req, start);

		for (int e = 1; e < OFPERR_LIMIT; e++) {
			struct ofperr_wire w;
			struct ofperr_msg em;
			size_t data_ofs;
			bool ok = ofperr_get_wire(e, v, &w);
			enum ofperr sent = ok ? (enum ofperr)e
					      : OFPERR_NXBRC_UNENCODABLE_ERROR;

			bytebuf_clear(&b);
			ofperr_encode_reply(&b, e, req.data, req.size);
			assert_int_equal(b.data[0], v);
			assert_memory_equal(b.data + 4, "\x00\x00\xab\xcd", 4);
			assert_true(ofperr_get_wire(sent, v, &w));
			check_layout(&b, v, &w, &data_ofs);
			assert_int_equal(b.size, data_ofs + req.size);
			assert_memory_equal(b.data + data_ofs, req.data,
					    req.size);

			assert_int_equal(ofperr_decode_msg(b.data, b.size, &em),
					 0);
			assert_int_equal(em.wire.vendor, w.vendor);
			assert_int_equal(em.wire.type, w.type);
			assert_int_equal(em.data_len, req.size);
			if (is_shared(sent, v)) {
				assert_int_not_equal(em.error, sent);
				shared++;
			} else {
				assert_int_equal(em.error, sent);
			}
			encodable += ok;
		}
	}
	assert_int_equal(encodable, 888);
	assert_int_equal(shared, 3);
	bytebuf_uninit(&req);
	bytebuf_uninit(&b);
}

/* (type, code) from the specifications; vendor errors as (vendor, type,
 * code) per the extension definitions. */
static void test_spec_codes(void **state)
{
	static const struct {
		enum ofperr error;
		uint8_t version;
		uint32_t vendor;
		int type, code;	/* type -1: no encoding in that version. */
	} cases[] = {
		{ OFPERR_OFPHFC_INCOMPATIBLE, OFP10_VERSION, 0, 0, 0 },
		{ OFPERR_OFPHFC_EPERM, OFP15_VERSION, 0, 0, 1 },
		{ OFPERR_OFPBRC_BAD_TYPE, OFP10_VERSION, 0, 1, 1 },
		{ OFPERR_OFPBRC_BAD_TYPE, OFP15_VERSION, 0, 1, 1 },
		{ OFPERR_OFPBRC_BAD_LEN, OFP13_VERSION, 0, 1, 6 },
		{ OFPERR_OFPBRC_BAD_TABLE_ID, OFP10_VERSION, NX_VENDOR_ID, 1,
		  512 },
		{ OFPERR_OFPBRC_BAD_TABLE_ID, OFP11_VERSION, 0, 1, 9 },
		{ OFPERR_OFPBRC_IS_SECONDARY, OFP10_VERSION, 0, 1, 5 },
		{ OFPERR_OFPBRC_IS_SECONDARY, OFP13_VERSION, 0, 1, 10 },
		{ OFPERR_OFPBRC_MULTIPART_BUFFER_OVERFLOW, OFP13_VERSION, 0, 1,
		  13 },
		{ OFPERR_OFPBRC_MULTIPART_BUFFER_OVERFLOW, OFP12_VERSION, 0,
		  -1, 0 },
		{ OFPERR_OFPBRC_MULTIPART_REQUEST_TIMEOUT, OFP13_VERSION,
		  ONF_VENDOR_ID, 2640, 0 },
		{ OFPERR_OFPBRC_UNKNOWN, OFP15_VERSION, 0, 1, 18 },
		{ OFPERR_OFPBAC_BAD_OUT_PORT, OFP10_VERSION, 0, 2, 4 },
		{ OFPERR_OFPBAC_BAD_OUT_PORT, OFP13_VERSION, 0, 2, 4 },
		{ OFPERR_OFPBAC_BAD_SET_ARGUMENT, OFP13_VERSION, 0, 2, 15 },
		{ OFPERR_OFPBAC_BAD_SET_MASK, OFP15_VERSION, 0, 2, 16 },
		{ OFPERR_OFPBIC_UNKNOWN_INST, OFP11_VERSION, 0, 3, 0 },
		{ OFPERR_OFPBIC_UNKNOWN_INST, OFP10_VERSION, 0, -1, 0 },
		{ OFPERR_OFPBIC_DUP_INST, OFP14_VERSION, 0, 3, 9 },
		{ OFPERR_OFPBMC_BAD_PREREQ, OFP12_VERSION, 0, 4, 9 },
		{ OFPERR_OFPBMC_BAD_PREREQ, OFP10_VERSION, NX_VENDOR_ID, 1,
		  260 },
		{ OFPERR_OFPBMC_DUP_FIELD, OFP13_VERSION, 0, 4, 10 },
		{ OFPERR_OFPFMFC_TABLE_FULL, OFP10_VERSION, 0, 3, 0 },
		{ OFPERR_OFPFMFC_OVERLAP, OFP10_VERSION, 0, 3, 1 },
		{ OFPERR_OFPFMFC_OVERLAP, OFP13_VERSION, 0, 5, 3 },
		{ OFPERR_OFPFMFC_BAD_COMMAND, OFP13_VERSION, 0, 5, 6 },
		{ OFPERR_OFPGMFC_GROUP_EXISTS, OFP11_VERSION, 0, 6, 0 },
		{ OFPERR_OFPGMFC_BUCKET_EXISTS, OFP15_VERSION, 0, 6, 16 },
		{ OFPERR_OFPPMFC_BAD_PORT, OFP10_VERSION, 0, 4, 0 },
		{ OFPERR_OFPPMFC_BAD_PORT, OFP13_VERSION, 0, 7, 0 },
		{ OFPERR_OFPTMFC_BAD_TABLE, OFP13_VERSION, 0, 8, 0 },
		{ OFPERR_OFPQOFC_BAD_QUEUE, OFP10_VERSION, 0, 5, 1 },
		{ OFPERR_OFPQOFC_BAD_QUEUE, OFP13_VERSION, 0, 9, 1 },
		{ OFPERR_OFPSCFC_BAD_FLAGS, OFP13_VERSION, 0, 10, 0 },
		{ OFPERR_OFPRRFC_STALE, OFP12_VERSION, 0, 11, 0 },
		{ OFPERR_OFPMMFC_UNKNOWN_METER, OFP13_VERSION, 0, 12, 3 },
		{ OFPERR_OFPTFFC_BAD_TABLE, OFP13_VERSION, 0, 13, 0 },
		{ OFPERR_OFPBPC_BAD_TYPE, OFP13_VERSION, 0, 13, 2 },
		{ OFPERR_OFPBPC_BAD_TYPE, OFP14_VERSION, 0, 14, 0 },
		{ OFPERR_OFPACFC_INVALID, OFP14_VERSION, 0, 15, 0 },
		{ OFPERR_OFPMOFC_UNKNOWN, OFP14_VERSION, 0, 16, 0 },
		{ OFPERR_OFPBFC_BAD_ID, OFP14_VERSION, 0, 17, 2 },
		{ OFPERR_OFPBFC_BAD_ID, OFP13_VERSION, ONF_VENDOR_ID, 2302, 0 },
		{ OFPERR_OFPBFC_SCHED_PAST, OFP15_VERSION, 0, 17, 18 },
		{ OFPERR_NXBRC_NXM_INVALID, OFP10_VERSION, NX_VENDOR_ID, 1,
		  256 },
		{ OFPERR_NXBRC_NXM_INVALID, OFP13_VERSION, NX_VENDOR_ID, 2, 0 },
		{ OFPERR_NXFMFC_HARDWARE, OFP11_VERSION, NX_VENDOR_ID, 5, 256 },
		{ OFPERR_NXBRC_UNENCODABLE_ERROR, OFP15_VERSION, NX_VENDOR_ID,
		  10, 0 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ofperr_wire w;
		bool ok = ofperr_get_wire(cases[i].error, cases[i].version, &w);

		assert_int_equal(ok, cases[i].type >= 0);
		if (!ok)
			continue;
		assert_int_equal(w.vendor, cases[i].vendor);
		assert_int_equal(w.type, cases[i].type);
		assert_int_equal(w.code, cases[i].code);
		if (!is_shared(cases[i].error, cases[i].version))
			assert_int_equal(ofperr_from_wire(cases[i].version, &w),
					 cases[i].error);
	}
}

/* Only the first 64 bytes of a long request go back. */
static void test_reply_truncates_request(void **state)
{
	struct bytebuf req = BYTEBUF_INITIALIZER, b = BYTEBUF_INITIALIZER;
	struct ofperr_msg em;

	size_t start = ofpmsg_start(&req, OFPTYPE_ECHO_REQUEST, OFP13_VERSION,
				    77);
	bytebuf_put_zeros(&req, 300);
	ofpmsg_finish(&req, start);
	ofperr_encode_reply(&b, OFPERR_OFPBRC_EPERM, req.data, req.size);
	assert_int_equal(b.size, 12 + OFPERR_REQUEST_BYTES);
	assert_memory_equal(b.data, "\x04\x01\x00\x4c\x00\x00\x00\x4d"
				    "\x00\x01\x00\x05", 12);
	assert_int_equal(ofperr_decode_msg(b.data, b.size, &em), 0);
	assert_int_equal(em.error, OFPERR_OFPBRC_EPERM);
	assert_int_equal(em.data_len, 64);
	assert_memory_equal(em.data, req.data, 64);

	/* A request too short to have a header: answered in OF1.0, xid 0. */
	bytebuf_clear(&b);
	ofperr_encode_reply(&b, OFPERR_OFPBRC_BAD_LEN, "\x04\x00", 2);
	assert_int_equal(b.size, 14);
	assert_memory_equal(b.data, "\x01\x01\x00\x0e\x00\x00\x00\x00"
				    "\x00\x01\x00\x06\x04\x00", 14);
	/* Not an error at all (an errno, say): the generic fallback. */
	bytebuf_clear(&b);
	ofperr_encode(&b, 12345, OFP13_VERSION, 1, NULL, 0);
	assert_int_equal(ofperr_decode_msg(b.data, b.size, &em), 0);
	assert_int_equal(em.error, OFPERR_NXBRC_UNENCODABLE_ERROR);
	bytebuf_uninit(&req);
	bytebuf_uninit(&b);
}

static enum ofperr decode_hex(struct bytebuf *b, const char *hex,
			      struct ofperr_msg *em)
{
	from_hex(b, hex);
	return ofperr_decode_msg(b->data, b->size, em);
}

static void test_decode_unknown_and_malformed(void **state)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofperr_msg em;

	/* Unknown code: decoded, raw triple kept, no enum value. */
	assert_int_equal(decode_hex(&b, "0101000e000000010001006361ff", &em),
			 0);
	assert_int_equal(em.error, 0);
	assert_int_equal(em.wire.vendor, 0);
	assert_int_equal(em.wire.type, 1);
	assert_int_equal(em.wire.code, 0x63);
	assert_int_equal(em.data_len, 2);

	/* Unknown experimenter. */
	assert_int_equal(decode_hex(&b, "04010010000000abffff0007deadbeef", &em),
			 0);
	assert_int_equal(em.error, 0);
	assert_int_equal(em.wire.vendor, 0xdeadbeef);
	assert_int_equal(em.wire.type, 7);

	/* Cut short inside the vendor forms, or no type/code at all. */
	assert_int_equal(decode_hex(&b, "0101001000000001b0c2000000002320", &em),
			 OFPERR_OFPBRC_BAD_LEN);
	assert_int_equal(decode_hex(&b, "0401000f00000001ffff0002000023", &em),
			 OFPERR_OFPBRC_BAD_LEN);
	assert_int_equal(decode_hex(&b, "0101000a000000010001", &em),
			 OFPERR_OFPBRC_BAD_LEN);
	/* Not an ERROR, or a broken header. */
	assert_int_equal(decode_hex(&b, "0102000c0000000100010001", &em),
			 OFPERR_OFPBRC_BAD_TYPE);
	assert_int_equal(decode_hex(&b, "0101000d0000000100010001", &em),
			 OFPERR_OFPBRC_BAD_LEN);
	bytebuf_uninit(&b);
}

static void test_hello_failed_text(void **state)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofperr_msg em;

	ofperr_encode_hello(&b, OFPERR_OFPHFC_INCOMPATIBLE, OFP13_VERSION,
			    "no luck");
	assert_int_equal(b.size, 19);
	assert_memory_equal(b.data, "\x04\x01\x00\x13\x00\x00\x00\x00"
				    "\x00\x00\x00\x00no luck", 19);
	assert_int_equal(ofperr_decode_msg(b.data, b.size, &em), 0);
	assert_int_equal(em.error, OFPERR_OFPHFC_INCOMPATIBLE);
	assert_memory_equal(em.data, "no luck", 7);
	/* An unknown version is answered in OF1.0. */
	bytebuf_clear(&b);
	ofperr_encode_hello(&b, OFPERR_OFPHFC_EPERM, 0x09, "x");
	assert_int_equal(b.data[0], OFP10_VERSION);
	bytebuf_uninit(&b);
}

static const struct {
	const char *hex;
	const char *text;
} print_cases[] = {
	{ "0101001400000005000100010105000800000005",
	  "OFPT_ERROR (xid=0x5): OFPBRC_BAD_TYPE\n"
	  "OFPT_FEATURES_REQUEST (xid=0x5):\n" },
	{ "0401004c000012340001000604020048000012346162636465666768"
	  "696a6b6c6d6e6f707172737475767778797a6162636465666768696a"
	  "6b6c6d6e6f707172737475767778797a61626364",
	  "OFPT_ERROR (OF1.3) (xid=0x1234): OFPBRC_BAD_LEN\n"
	  "OFPT_ECHO_REQUEST (OF1.3) (xid=0x1234):\n"
	  "(***truncated to 64 bytes from 72***)\n"
	  "00000000  04 02 00 48 00 00 12 34-61 62 63 64 65 66 67 68 |...H...4abcdefgh|\n"
	  "00000010  69 6a 6b 6c 6d 6e 6f 70-71 72 73 74 75 76 77 78 |ijklmnopqrstuvwx|\n"
	  "00000020  79 7a 61 62 63 64 65 66-67 68 69 6a 6b 6c 6d 6e |yzabcdefghijklmn|\n"
	  "00000030  6f 70 71 72 73 74 75 76-77 78 79 7a 61 62 63 64 |opqrstuvwxyzabcd|\n" },
	{ "0101001c00000005b0c2000000002320000101040105000800000005",
	  "OFPT_ERROR (xid=0x5): OFPBMC_BAD_PREREQ\n"
	  "OFPT_FEATURES_REQUEST (xid=0x5):\n" },
	{ "0401001400000042000400090414000800000042",
	  "OFPT_ERROR (OF1.3) (xid=0x42): OFPBMC_BAD_PREREQ\n"
	  "OFPT_BARRIER_REQUEST (OF1.3) (xid=0x42):\n" },
	{ "0401001800000005ffff0002000023200405000800000005",
	  "OFPT_ERROR (OF1.3) (xid=0x5): NXBRC_NXM_INVALID\n"
	  "OFPT_FEATURES_REQUEST (OF1.3) (xid=0x5):\n" },
	{ "0101001c00000005b0c2000000002320000101000105000800000005",
	  "OFPT_ERROR (xid=0x5): NXBRC_NXM_INVALID\n"
	  "OFPT_FEATURES_REQUEST (xid=0x5):\n" },
	{ "040100520000000000000000576520737570706f7274207665727369"
	  "6f6e20307830342c20796f7520737570706f72742076657273696f6e"
	  "20307830312c206e6f20636f6d6d6f6e2076657273696f6e732e",
	  "OFPT_ERROR (OF1.3) (xid=0x0): OFPHFC_INCOMPATIBLE\n"
	  "We support version 0x04, you support version 0x01, no common versions.\n" },
	{ "010100520000000000000001576520737570706f7274207665727369"
	  "6f6e20307830342c20796f7520737570706f72742076657273696f6e"
	  "20307830312c206e6f20636f6d6d6f6e2076657273696f6e732e",
	  "OFPT_ERROR (xid=0x0): OFPHFC_EPERM\n"
	  "We support version 0x04, you support version 0x01, no common versions.\n" },
	{ "0201001400000005000200040205000800000005",
	  "OFPT_ERROR (OF1.1) (xid=0x5): OFPBAC_BAD_OUT_PORT\n"
	  "OFPT_FEATURES_REQUEST (OF1.1) (xid=0x5):\n" },
	{ "0101001400000005000300010105000800000005",
	  "OFPT_ERROR (xid=0x5): OFPFMFC_OVERLAP\n"
	  "OFPT_FEATURES_REQUEST (xid=0x5):\n" },
	{ "0501001400000042000500030514000800000042",
	  "OFPT_ERROR (OF1.4) (xid=0x42): OFPFMFC_OVERLAP\n"
	  "OFPT_BARRIER_REQUEST (OF1.4) (xid=0x42):\n" },
	{ "0301001400000005000600000305000800000005",
	  "OFPT_ERROR (OF1.2) (xid=0x5): OFPGMFC_GROUP_EXISTS\n"
	  "OFPT_FEATURES_REQUEST (OF1.2) (xid=0x5):\n" },
	{ "0101001400000005000400000105000800000005",
	  "OFPT_ERROR (xid=0x5): OFPPMFC_BAD_PORT\n"
	  "OFPT_FEATURES_REQUEST (xid=0x5):\n" },
	{ "0601001400000005000900010605000800000005",
	  "OFPT_ERROR (OF1.5) (xid=0x5): OFPQOFC_BAD_QUEUE\n"
	  "OFPT_FEATURES_REQUEST (OF1.5) (xid=0x5):\n" },
	{ "0401001800000007000a00000409000c0000000700040080",
	  "OFPT_ERROR (OF1.3) (xid=0x7): OFPSCFC_BAD_FLAGS\n"
	  "OFPT_SET_CONFIG (OF1.3) (xid=0x7): ***decode error: OFPSCFC_BAD_FLAGS***\n"
	  "00000000  04 09 00 0c 00 00 00 07-00 04 00 80             |............    |\n" },
	{ "0401001400000005000b00000405000800000005",
	  "OFPT_ERROR (OF1.3) (xid=0x5): OFPRRFC_STALE\n"
	  "OFPT_FEATURES_REQUEST (OF1.3) (xid=0x5):\n" },
	{ "0401001400000042000c00030414000800000042",
	  "OFPT_ERROR (OF1.3) (xid=0x42): OFPMMFC_UNKNOWN_METER\n"
	  "OFPT_BARRIER_REQUEST (OF1.3) (xid=0x42):\n" },
	{ "0401001800000005ffff08fe4f4e46000405000800000005",
	  "OFPT_ERROR (OF1.3) (xid=0x5): OFPBFC_BAD_ID\n"
	  "OFPT_FEATURES_REQUEST (OF1.3) (xid=0x5):\n" },
	{ "0501001400000005001100020505000800000005",
	  "OFPT_ERROR (OF1.4) (xid=0x5): OFPBFC_BAD_ID\n"
	  "OFPT_FEATURES_REQUEST (OF1.4) (xid=0x5):\n" },
	{ "0401001400000005000d00000405000800000005",
	  "OFPT_ERROR (OF1.3) (xid=0x5): OFPTFFC_BAD_TABLE\n"
	  "OFPT_FEATURES_REQUEST (OF1.3) (xid=0x5):\n" },
	{ "0401001400000005000d00020405000800000005",
	  "OFPT_ERROR (OF1.3) (xid=0x5): OFPBPC_BAD_TYPE\n"
	  "OFPT_FEATURES_REQUEST (OF1.3) (xid=0x5):\n" },
	{ "0501001400000005001000000505000800000005",
	  "OFPT_ERROR (OF1.4) (xid=0x5): OFPMOFC_UNKNOWN\n"
	  "OFPT_FEATURES_REQUEST (OF1.4) (xid=0x5):\n" },
	{ "0101001c00000005b0c2000000002320000102090105000800000005",
	  "OFPT_ERROR (xid=0x5): NXBRC_UNENCODABLE_ERROR\n"
	  "OFPT_FEATURES_REQUEST (xid=0x5):\n" },
	{ "0201001400000005000300050205000800000005",
	  "OFPT_ERROR (OF1.1) (xid=0x5): OFPBIC_BAD_EXPERIMENTER\n"
	  "OFPT_FEATURES_REQUEST (OF1.1) (xid=0x5):\n" },
	{ "0101001400000005000100050105000800000005",
	  "OFPT_ERROR (xid=0x5): OFPBRC_EPERM\n"
	  "OFPT_FEATURES_REQUEST (xid=0x5):\n" },
	{ "0201002000000007b0c2000000002320000501000209000c00000007"
	  "00040080",
	  "OFPT_ERROR (OF1.1) (xid=0x7): NXFMFC_HARDWARE\n"
	  "OFPT_SET_CONFIG (OF1.1) (xid=0x7): frags=normal invalid_ttl_to_controller miss_send_len=128\n" },
	{ "0101000c0000000100010063",
	  "OFPT_ERROR (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  01 01 00 0c 00 00 00 01-00 01 00 63             |...........c    |\n" },
	{ "0101001000000001b0c2000000002320",
	  "OFPT_ERROR (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  01 01 00 10 00 00 00 01-b0 c2 00 00 00 00 23 20 |..............# |\n" },
	{ "0101000c0000000100010001",
	  "OFPT_ERROR (xid=0x1): OFPBRC_BAD_TYPE\n"
	  "OpenFlow message is empty\n" },
	{ "04010010000000010001000101050008",
	  "OFPT_ERROR (OF1.3) (xid=0x1): OFPBRC_BAD_TYPE\n"
	  "OpenFlow packet too short (only 4 bytes):\n"
	  "00000000  01 05 00 08                                     |....            |\n" },
	{ "0401000f00000001ffff0002000023",
	  "OFPT_ERROR (OF1.3) (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 01 00 0f 00 00 00 01-ff ff 00 02 00 00 23    |..............# |\n" },
};

static void test_print_like_ovs_ofctl(void **state)
{
	for (size_t i = 0; i < sizeof print_cases / sizeof print_cases[0];
	     i++) {
		struct bytebuf b = BYTEBUF_INITIALIZER;
		from_hex(&b, print_cases[i].hex);
		char *s = ofp_to_string(b.data, b.size,
					OFP_PRINT_DEFAULT_VERBOSITY);
		assert_string_equal(s, print_cases[i].text);
		free(s);
		bytebuf_uninit(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_every_error_every_version),
		cmocka_unit_test(test_spec_codes),
		cmocka_unit_test(test_reply_truncates_request),
		cmocka_unit_test(test_decode_unknown_and_malformed),
		cmocka_unit_test(test_hello_failed_text),
		cmocka_unit_test(test_print_like_ovs_ofctl),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
