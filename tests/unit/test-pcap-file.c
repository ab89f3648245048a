/* pcap files: round trips, foreign byte order, truncation, lying headers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pcap-file.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define MAGIC_US 0xa1b2c3d4
#define MAGIC_NS 0xa1b23c4d

/* A file image built in memory. */
struct image {
	uint8_t data[512];
	size_t len;
	bool swapped;           /* write fields in the other byte order */
};

/* What reading an image gave: its records (copied), or an error. */
struct result {
	int n;
	struct pcap_record recs[4];
	uint8_t data[4][64];
	char error[128];
};

static void put(struct image *im, uint32_t v, size_t size)
{
	uint16_t v16 = v;

	if (im->swapped) {
		v = __builtin_bswap32(v);
		v16 = __builtin_bswap16(v16);
	}
	memcpy(im->data + im->len, size == 2 ? (void *)&v16 : (void *)&v, size);
	im->len += size;
}

static void put_header(struct image *im, uint32_t magic, uint32_t snaplen,
		       uint32_t linktype)
{
	put(im, magic, 4);
	put(im, 2, 2);
	put(im, 4, 2);
	put(im, 0, 4);
	put(im, 0, 4);
	put(im, snaplen, 4);
	put(im, linktype, 4);
}

static void put_record(struct image *im, uint32_t sec, uint32_t frac,
		       uint32_t caplen, uint32_t len, const char *bytes)
{
	put(im, sec, 4);
	put(im, frac, 4);
	put(im, caplen, 4);
	put(im, len, 4);
	memcpy(im->data + im->len, bytes, strlen(bytes));
	im->len += strlen(bytes);
}

/* Reads the first 'len' bytes of 'im' to the end into 'res'. */
static void read_image(const struct image *im, size_t len, struct result *res)
{
	struct pcap_reader r;
	struct pcap_record rec;
	/* fmemopen refuses an empty buffer: open one byte and consume it. */
	FILE *fp = fmemopen((void *)im->data, len ? len : 1, "rb");
	int ret;

	assert_non_null(fp);
	if (!len)
		fgetc(fp);
	memset(res, 0, sizeof *res);
	ret = pcap_reader_open(&r, fp);
	while (!ret && (ret = pcap_read(&r, &rec)) == 1) {
		assert_true(res->n < 4 && rec.caplen <= 64);
		memcpy(res->data[res->n], rec.data, rec.caplen);
		res->recs[res->n++] = rec;
		ret = 0;
	}
	if (ret < 0)
		strcpy(res->error, r.error);
	pcap_reader_destroy(&r);
	fclose(fp);
}

static void expect_error(const struct image *im, const char *error)
{
	struct result res;

	read_image(im, im->len, &res);
	assert_non_null(strstr(res.error, error));
}

static void round_trip(bool nanosec)
{
	static const struct pcap_record recs[] = {
		{ 1700000000123456789ULL, 3, 3, (const uint8_t *)"abc" },
		{ 5, 0, 0, NULL },
		{ 999999999, 2, 1514, (const uint8_t *)"xy" },
	};
	struct pcap_writer w;
	struct image im = { .len = 0 };
	struct result res;
	char *buf;
	size_t size;
	FILE *fp = open_memstream(&buf, &size);
	size_t i;

	assert_int_equal(pcap_writer_open(&w, fp, nanosec), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(pcap_write(&w, &recs[i]), 0);
	fclose(fp);
	assert_true(size <= sizeof im.data);
	memcpy(im.data, buf, size);
	im.len = size;
	free(buf);

	read_image(&im, im.len, &res);
	assert_string_equal(res.error, "");
	assert_int_equal(res.n, 3);
	for (i = 0; i < 3; i++) {
		uint64_t ts = recs[i].ts_ns;

		assert_int_equal(res.recs[i].ts_ns,
				 nanosec ? ts : ts - ts % 1000);
		assert_int_equal(res.recs[i].caplen, recs[i].caplen);
		assert_int_equal(res.recs[i].len, recs[i].len);
		assert_memory_equal(res.data[i], recs[i].data ? recs[i].data
				    : (const uint8_t *)"", recs[i].caplen);
	}
}

static void test_round_trip_us(void **state) { round_trip(false); }
static void test_round_trip_ns(void **state) { round_trip(true); }

/* Files written on a host of the other byte order, with either magic. */
static void test_swapped(void **state)
{
	static const uint32_t magics[] = { MAGIC_US, MAGIC_NS };
	size_t i;

	for (i = 0; i < 2; i++) {
		struct image im = { .swapped = true };
		struct result res;

		put_header(&im, magics[i], 65535, 1);
		put_record(&im, 7, 250, 4, 60, "wxyz");
		read_image(&im, im.len, &res);
		assert_string_equal(res.error, "");
		assert_int_equal(res.n, 1);
		assert_int_equal(res.recs[0].ts_ns,
				 7000000000ULL + 250 * (i ? 1 : 1000));
		assert_int_equal(res.recs[0].caplen, 4);
		assert_int_equal(res.recs[0].len, 60);
		assert_memory_equal(res.data[0], "wxyz", 4);
	}
}

/* Every cut of a two-record file: a cut between records is a clean end,
 * anywhere else a precise error. */
static void test_truncated(void **state)
{
	struct image im = { .len = 0 };
	size_t rec1 = PCAP_FILE_HEADER_LEN, rec2, cut;

	put_header(&im, MAGIC_US, 65535, 1);
	put_record(&im, 1, 2, 5, 5, "hello");
	rec2 = im.len;
	put_record(&im, 3, 4, 3, 3, "bye");

	for (cut = 0; cut < im.len; cut++) {
		struct result res;

		read_image(&im, cut, &res);
		if (cut == rec1 || cut == rec2) {
			assert_string_equal(res.error, "");
			assert_int_equal(res.n, cut == rec2);
		} else if (cut < rec1) {
			assert_non_null(strstr(res.error,
					       "truncated file header"));
		} else {
			bool in_header = (cut - rec1 < PCAP_RECORD_HEADER_LEN ||
					  (cut > rec2 && cut - rec2 <
					   PCAP_RECORD_HEADER_LEN));

			assert_non_null(strstr(res.error, in_header
					       ? "truncated record header"
					       : "truncated record data"));
			assert_non_null(strstr(res.error, cut > rec2
					       ? "record 2 at offset 45"
					       : "record 1 at offset 24"));
		}
	}
}

static void test_bad_file_header(void **state)
{
	struct image pcapng = { .len = 0 }, linktype = { .len = 0 };
	struct image version = { .len = 0 };

	put_header(&pcapng, 0x0a0d0d0a, 65535, 1);
	expect_error(&pcapng, "bad magic 0x0a0d0d0a");
	put_header(&linktype, MAGIC_US, 65535, 113);
	expect_error(&linktype, "link type 113 is not Ethernet");
	put_header(&version, MAGIC_US, 65535, 1);
	version.data[4] = 1;
	expect_error(&version, "unsupported pcap version");
}

/* Record headers whose lengths or timestamps cannot be true. */
static void test_lying_record(void **state)
{
	static const struct {
		uint32_t snaplen, frac, caplen, len;
		const char *error;
	} cases[] = {
		{ 4, 0, 5, 5, "captured length 5 exceeds the snap length 4" },
		{ 0, 0, 0xffffffff, 0xffffffff,
		  "captured length 4294967295 exceeds the snap length 262144" },
		{ 65535, 0, 5, 4,
		  "captured length 5 exceeds the original length 4" },
		{ 65535, 1000000, 5, 5, "timestamp fraction 1000000" },
		{ 65535, 0, 200, 200, "truncated record data (5 of 200" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct image im = { .len = 0 };

		put_header(&im, MAGIC_US, cases[i].snaplen, 1);
		put_record(&im, 0, cases[i].frac, cases[i].caplen,
			   cases[i].len, "hello");
		expect_error(&im, cases[i].error);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_us),
		cmocka_unit_test(test_round_trip_ns),
		cmocka_unit_test(test_swapped),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_file_header),
		cmocka_unit_test(test_lying_record),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
