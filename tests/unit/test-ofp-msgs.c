/* The OpenFlow message table and header codec: every row in every version
 * it covers is built, decoded back to the same ofptype and re-encoded to
 * the same bytes; then lengths, types, vendors, subtypes and multipart
 * types are corrupted one at a time and must give the exact error.
 *
 * The table itself (names, numbers, minimum lengths, element sizes) was
 * checked once against Debian's ovs-ofctl 3.1: the minimal message of each
 * of the 469 (row, version) pairs, and the lengths min+elem, min+1,
 * min+2*elem-1 and min-1 of each, were fed to "ovs-ofctl ofp-print"; its
 * header decoder accepted exactly what ofpmsg_decode accepts and printed
 * the row's name.  A few of those messages are recorded below byte for
 * byte. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bytebuf.h"
#include "ofp-msgs.h"

static unsigned top_version(const struct ofpmsg_row *r)
{
	return r->max_version > OFP_MAX_VERSION ? OFP_MAX_VERSION
						: r->max_version;
}

/* The minimal message of 'r' in 'version' plus 'extra' body bytes. */
static void build(struct bytebuf *b, const struct ofpmsg_row *r,
		  unsigned version, size_t extra, uint32_t xid)
{
	bytebuf_clear(b);
	size_t start = ofpmsg_start(b, r->type, version, xid);
	assert_int_equal(start, 0);
	assert_int_equal(b->size, ofpmsg_row_hdr_len(r, version));
	for (size_t i = 0; i < r->min_body + extra; i++)
		bytebuf_put_u8(b, (uint8_t)(i * 7 + 1));
	assert_true(ofpmsg_finish(b, start));
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v);
}

static void test_every_row_round_trips(void **state)
{
	struct bytebuf b = BYTEBUF_INITIALIZER, again = BYTEBUF_INITIALIZER;
	unsigned n = 0;

	for (size_t i = 0; i < ofpmsg_n_rows(); i++) {
		const struct ofpmsg_row *r = ofpmsg_row_at(i);
		for (unsigned v = r->min_version; v <= top_version(r); v++) {
			struct ofpmsg m;
			size_t extra = r->elem ? r->elem * 2 : 0;

			build(&b, r, v, extra, 0x12345678 + i);
			assert_int_equal(ofpmsg_decode(&m, b.data, b.size), 0);
			assert_ptr_equal(m.row, r);
			assert_int_equal(m.type, r->type);
			assert_int_equal(m.version, v);
			assert_int_equal(m.xid, 0x12345678 + i);
			assert_int_equal(m.mp_flags, 0);
			assert_int_equal(m.body_len, r->min_body + extra);
			assert_ptr_equal(m.body, b.data + m.hdr_len);

			/* Re-encoding the decoded header gives the same bytes. */
			bytebuf_clear(&again);
			ofpmsg_start(&again, m.type, m.version, m.xid);
			bytebuf_put(&again, m.body, m.body_len);
			ofpmsg_finish(&again, 0);
			assert_int_equal(again.size, b.size);
			assert_memory_equal(again.data, b.data, b.size);
			n++;
		}
	}
	assert_int_equal(n, 469);
	bytebuf_uninit(&b);
	bytebuf_uninit(&again);
}

/* (ofptype, version) names at most one row, so encoding is unambiguous. */
static void test_one_row_per_type_and_version(void **state)
{
	for (size_t i = 0; i < ofpmsg_n_rows(); i++) {
		const struct ofpmsg_row *r = ofpmsg_row_at(i);
		for (unsigned v = r->min_version; v <= top_version(r); v++)
			assert_ptr_equal(ofpmsg_row_find(r->type, v), r);
		for (size_t j = i + 1; j < ofpmsg_n_rows(); j++) {
			const struct ofpmsg_row *s = ofpmsg_row_at(j);
			if (s->type == r->type)
				assert_true(s->min_version > r->max_version ||
					    s->max_version < r->min_version);
		}
	}
	/* Every ofptype has a row. */
	for (int t = 0; t < OFPTYPE_N; t++) {
		bool found = false;
		for (size_t i = 0; i < ofpmsg_n_rows(); i++)
			found |= (int)ofpmsg_row_at(i)->type == t;
		assert_true(found);
	}
	/* The immutable messages lead the table in wire order. */
	for (int t = 0; t <= OFPTYPE_ECHO_REPLY; t++) {
		assert_int_equal(ofpmsg_row_at(t)->type, t);
		assert_int_equal(ofpmsg_row_at(t)->number, t);
	}
	assert_null(ofpmsg_row_find(OFPTYPE_METER_MOD, OFP12_VERSION));
	assert_null(ofpmsg_row_find(OFPTYPE_N, OFP13_VERSION));
}

/* Body lengths other than min + k * elem are OFPBRC_BAD_LEN. */
static void test_lengths_checked(void **state)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofpmsg m;

	for (size_t i = 0; i < ofpmsg_n_rows(); i++) {
		const struct ofpmsg_row *r = ofpmsg_row_at(i);
		for (unsigned v = r->min_version; v <= top_version(r); v++) {
			if (r->elem != 1) {
				build(&b, r, v, 1, 1);
				assert_int_equal(ofpmsg_decode(&m, b.data, b.size),
						 OFPERR_OFPBRC_BAD_LEN);
			}
			if (r->min_body) {
				build(&b, r, v, 0, 1);
				bytebuf_truncate(&b, b.size - 1);
				put16(b.data + 2, b.size);
				assert_int_equal(ofpmsg_decode(&m, b.data, b.size),
						 OFPERR_OFPBRC_BAD_LEN);
			}
			/* Header length field disagreeing with the buffer. */
			build(&b, r, v, 0, 1);
			put16(b.data + 2, b.size + 1);
			assert_int_equal(ofpmsg_decode(&m, b.data, b.size),
					 OFPERR_OFPBRC_BAD_LEN);
			put16(b.data + 2, b.size - 1);
			assert_int_equal(ofpmsg_decode(&m, b.data, b.size),
					 OFPERR_OFPBRC_BAD_LEN);
			/* Headers cut short. */
			size_t hdr = ofpmsg_row_hdr_len(r, v);
			for (size_t cut = 8; cut < hdr; cut += 4) {
				put16(b.data + 2, cut);
				assert_int_equal(ofpmsg_decode(&m, b.data, cut),
						 OFPERR_OFPBRC_BAD_LEN);
			}
		}
	}
	assert_int_equal(ofpmsg_decode(&m, "\x04\x00\x00\x07", 4),
			 OFPERR_OFPBRC_BAD_LEN);
	assert_int_equal(ofpmsg_decode(&m, "", 0), OFPERR_OFPBRC_BAD_LEN);
	bytebuf_uninit(&b);
}

static bool is_vendor(enum ofpmsg_kind k)
{
	return k != OFPMSG_OFPT && k != OFPMSG_OFPST;
}

static bool is_stat(enum ofpmsg_kind k)
{
	return k == OFPMSG_OFPST || k == OFPMSG_NXST || k == OFPMSG_ONFST;
}

/* Offset of the vendor id, of the subtype, and of the multipart type. */
static size_t vendor_ofs(const struct ofpmsg_row *r, unsigned v)
{
	return !is_stat(r->kind) ? 8 : v == OFP10_VERSION ? 12 : 16;
}

static void test_corruption_gives_exact_error(void **state)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofpmsg m;

	for (size_t i = 0; i < ofpmsg_n_rows(); i++) {
		const struct ofpmsg_row *r = ofpmsg_row_at(i);
		for (unsigned v = r->min_version; v <= top_version(r); v++) {
			build(&b, r, v, 0, 9);
			if (is_vendor(r->kind)) {
				size_t ofs = vendor_ofs(r, v);
				put32(b.data + ofs, 0x00e0f000);
				assert_int_equal(ofpmsg_decode(&m, b.data, b.size),
						 OFPERR_OFPBRC_BAD_VENDOR);
				build(&b, r, v, 0, 9);
				put32(b.data + ofs + 4, 0x7fff0000);
				assert_int_equal(ofpmsg_decode(&m, b.data, b.size),
						 OFPERR_OFPBRC_BAD_SUBTYPE);
			} else if (is_stat(r->kind)) {
				put16(b.data + 8, 0x7777);
				assert_int_equal(ofpmsg_decode(&m, b.data, b.size),
						 OFPERR_OFPBRC_BAD_STAT);
			} else {
				b.data[1] = 99;
				assert_int_equal(ofpmsg_decode(&m, b.data, b.size),
						 OFPERR_OFPBRC_BAD_TYPE);
			}
			/* Versions Weir does not speak. */
			build(&b, r, v, 0, 9);
			b.data[0] = 0x09;
			enum ofperr want = r->max_version == 0xff
				? 0 : OFPERR_OFPBRC_BAD_VERSION;
			assert_int_equal(ofpmsg_decode(&m, b.data, b.size), want);
			b.data[0] = 0;
			assert_int_equal(ofpmsg_decode(&m, b.data, b.size),
					 OFPERR_OFPBRC_BAD_VERSION);
		}
	}
	bytebuf_uninit(&b);
}

/* Types that exist, but not in this version. */
static void test_wrong_version_for_type(void **state)
{
	static const struct {
		const char *msg;
		size_t len;
		enum ofperr error;
	} cases[] = {
		/* METER_MOD (29) in OF1.2. */
		{ "\x03\x1d\x00\x10\0\0\0\1\0\0\0\0\0\0\0\0", 16,
		  OFPERR_OFPBRC_BAD_TYPE },
		/* Type 18 is MULTIPART_REQUEST in OF1.3 (OF1.0's barrier
		 * number): too short for the multipart header. */
		{ "\x04\x12\x00\x08\0\0\0\1", 8, OFPERR_OFPBRC_BAD_LEN },
		/* Type 17 is the stats reply in OF1.0; stat 0x63 is none. */
		{ "\x01\x11\x00\x0c\0\0\0\1\x00\x63\x00\x00", 12,
		  OFPERR_OFPBRC_BAD_STAT },
		/* NXT_SET_FLOW_FORMAT exists in OF1.0 only. */
		{ "\x04\x04\x00\x14\0\0\0\1\x00\x00\x23\x20\x00\x00\x00\x0c"
		  "\0\0\0\0", 20, OFPERR_OFPBRC_BAD_SUBTYPE },
		/* ONF bundle control in OF1.4 (standard there). */
		{ "\x05\x04\x00\x18\0\0\0\1\x4f\x4e\x46\x00\x00\x00\x08\xfc"
		  "\0\0\0\0\0\0\0\0", 24, OFPERR_OFPBRC_BAD_SUBTYPE },
		/* ROLE_REQUEST (24) in OF1.1. */
		{ "\x02\x18\x00\x18\0\0\0\1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
		  24, OFPERR_OFPBRC_BAD_TYPE },
	};
	struct ofpmsg m;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(ofpmsg_decode(&m, cases[i].msg, cases[i].len),
				 cases[i].error);
}

/* Header bytes of a sample of rows, as ovs-ofctl decodes them. */
static void test_wire_bytes(void **state)
{
	static const struct {
		enum ofptype type;
		uint8_t version;
		size_t len;
		const char *bytes;
	} cases[] = {
		{ OFPTYPE_DESC_STATS_REQUEST, OFP10_VERSION, 12,
		  "\x01\x10\x00\x0c\x00\x00\x00\x2a\x00\x00\x00\x00" },
		{ OFPTYPE_PORT_DESC_STATS_REQUEST, OFP13_VERSION, 16,
		  "\x04\x12\x00\x10\x00\x00\x00\x2a\x00\x0d\x00\x00"
		  "\x00\x00\x00\x00" },
		{ OFPTYPE_NXT_FLOW_AGE, OFP10_VERSION, 16,
		  "\x01\x04\x00\x10\x00\x00\x00\x2a\x00\x00\x23\x20"
		  "\x00\x00\x00\x12" },
		{ OFPTYPE_NXST_IPFIX_BRIDGE_REQUEST, OFP10_VERSION, 24,
		  "\x01\x10\x00\x18\x00\x00\x00\x2a\xff\xff\x00\x00"
		  "\x00\x00\x23\x20\x00\x00\x00\x03\x00\x00\x00\x00" },
		{ OFPTYPE_NXST_IPFIX_BRIDGE_REQUEST, OFP13_VERSION, 24,
		  "\x04\x12\x00\x18\x00\x00\x00\x2a\xff\xff\x00\x00"
		  "\x00\x00\x00\x00\x00\x00\x23\x20\x00\x00\x00\x03" },
		{ OFPTYPE_FLOW_MONITOR_PAUSED, OFP13_VERSION, 16,
		  "\x04\x04\x00\x10\x00\x00\x00\x2a\x4f\x4e\x46\x00"
		  "\x00\x00\x07\x4f" },
		{ OFPTYPE_BARRIER_REQUEST, OFP10_VERSION, 8,
		  "\x01\x12\x00\x08\x00\x00\x00\x2a" },
		{ OFPTYPE_BARRIER_REQUEST, OFP15_VERSION, 8,
		  "\x06\x14\x00\x08\x00\x00\x00\x2a" },
		{ OFPTYPE_GET_ASYNC_REQUEST, OFP14_VERSION, 8,
		  "\x05\x1a\x00\x08\x00\x00\x00\x2a" },
	};
	struct bytebuf b = BYTEBUF_INITIALIZER;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bytebuf_clear(&b);
		size_t start = ofpmsg_start(&b, cases[i].type, cases[i].version,
					    42);
		ofpmsg_finish(&b, start);
		assert_int_equal(b.size, cases[i].len);
		assert_memory_equal(b.data, cases[i].bytes, cases[i].len);
	}
	bytebuf_uninit(&b);
}

static void test_encode_refuses_missing_row(void **state)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	assert_int_equal(ofpmsg_start(&b, OFPTYPE_TABLE_MOD, OFP10_VERSION, 1),
			 SIZE_MAX);
	assert_int_equal(ofpmsg_start(&b, OFPTYPE_FEATURES_REQUEST, 0x07, 1),
			 SIZE_MAX);
	assert_int_equal(b.size, 0);
	/* The immutable messages exist in any version. */
	assert_int_equal(ofpmsg_start(&b, OFPTYPE_HELLO, 0x07, 1), 0);
	assert_true(ofpmsg_finish(&b, 0));
	assert_memory_equal(b.data, "\x07\x00\x00\x08\x00\x00\x00\x01", 8);
	/* A message longer than 65535 bytes cannot be finished. */
	bytebuf_clear(&b);
	ofpmsg_start(&b, OFPTYPE_ECHO_REQUEST, OFP13_VERSION, 1);
	bytebuf_put_zeros(&b, 65536);
	assert_false(ofpmsg_finish(&b, 0));
	bytebuf_uninit(&b);
}

static void test_multipart_flags_and_partial(void **state)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofpmsg m;

	size_t start = ofpmsg_start(&b, OFPTYPE_PORT_DESC_STATS_REPLY,
				    OFP13_VERSION, 3);
	bytebuf_put_zeros(&b, 64);
	ofpmsg_finish(&b, start);
	ofpmsg_set_mp_flags(&b, start, OFPSF_REPLY_MORE);
	assert_int_equal(ofpmsg_decode(&m, b.data, b.size), 0);
	assert_int_equal(m.mp_flags, OFPSF_REPLY_MORE);
	assert_string_equal(m.row->name, "OFPST_PORT_DESC reply");

	/* A request cut to its first 20 bytes inside an ERROR. */
	assert_int_equal(ofpmsg_decode(&m, b.data, 20), OFPERR_OFPBRC_BAD_LEN);
	assert_int_equal(ofpmsg_decode_partial(&m, b.data, 20), 0);
	assert_int_equal(m.type, OFPTYPE_PORT_DESC_STATS_REPLY);
	assert_int_equal(m.body_len, 4);
	assert_int_equal(ofpmsg_decode_partial(&m, b.data, 12),
			 OFPERR_OFPBRC_BAD_LEN);
	bytebuf_uninit(&b);
}

static void test_names(void **state)
{
	assert_string_equal(ofptype_get_name(OFPTYPE_HELLO, OFP13_VERSION),
			    "OFPT_HELLO");
	assert_string_equal(ofptype_get_name(OFPTYPE_FLOW_STATS_REQUEST,
					     OFP13_VERSION),
			    "OFPST_FLOW request");
	assert_string_equal(ofptype_get_name(OFPTYPE_GROUP_MOD, OFP10_VERSION),
			    "NXT_GROUP_MOD");
	assert_string_equal(ofptype_get_name(OFPTYPE_BUNDLE_CONTROL,
					     OFP13_VERSION),
			    "ONFT_BUNDLE_CONTROL");
	assert_string_equal(ofptype_get_name(OFPTYPE_BUNDLE_CONTROL,
					     OFP15_VERSION),
			    "OFPT_BUNDLE_CONTROL");
	assert_string_equal(ofptype_get_name(OFPTYPE_FLOW_MONITOR_STATS_REPLY,
					     OFP13_VERSION),
			    "ONFST_FLOW_MONITOR reply");
	assert_true(ofptype_is_stat(OFPTYPE_NXST_FLOW_REQUEST));
	assert_false(ofptype_is_stat(OFPTYPE_NXT_FLOW_MOD));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_row_round_trips),
		cmocka_unit_test(test_one_row_per_type_and_version),
		cmocka_unit_test(test_lengths_checked),
		cmocka_unit_test(test_corruption_gives_exact_error),
		cmocka_unit_test(test_wrong_version_for_type),
		cmocka_unit_test(test_wire_bytes),
		cmocka_unit_test(test_encode_refuses_missing_row),
		cmocka_unit_test(test_multipart_flags_and_partial),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
