/* Classic pcap files: a 24-byte file header, then records of a 16-byte header
 * and the captured bytes.  The writer's byte order is told by the magic. */
#include "pcap-file.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define PCAP_MAGIC_US 0xa1b2c3d4
#define PCAP_MAGIC_NS 0xa1b23c4d
#define PCAP_VERSION_MAJOR 2
#define PCAP_VERSION_MINOR 4

static int fail(struct pcap_reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct pcap_reader *r, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(r->error, sizeof r->error, fmt, args);
	va_end(args);
	return -1;
}

/* A failure in the record that starts at file offset 'at'. */
static int fail_record(struct pcap_reader *r, uint64_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail_record(struct pcap_reader *r, uint64_t at, const char *fmt, ...)
{
	va_list args;
	int n;

	n = snprintf(r->error, sizeof r->error, "record %" PRIu64
		     " at offset %" PRIu64 ": ", r->n_records + 1, at);
	va_start(args, fmt);
	vsnprintf(r->error + n, sizeof r->error - n, fmt, args);
	va_end(args);
	return -1;
}

static uint16_t get16(const struct pcap_reader *r, const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof v);
	return r->swapped ? __builtin_bswap16(v) : v;
}

static uint32_t get32(const struct pcap_reader *r, const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof v);
	return r->swapped ? __builtin_bswap32(v) : v;
}

/* Reads exactly 'n' bytes; returns how many were there. */
static size_t read_full(struct pcap_reader *r, void *buf, size_t n)
{
	size_t got = fread(buf, 1, n, r->fp);

	r->offset += got;
	return got;
}

int pcap_reader_open(struct pcap_reader *r, FILE *fp)
{
	uint8_t h[PCAP_FILE_HEADER_LEN];
	uint32_t magic, snaplen, linktype;
	size_t got;

	memset(r, 0, sizeof *r);
	r->fp = fp;
	got = read_full(r, h, sizeof h);
	if (got < sizeof h)
		return fail(r, "truncated file header (%zu of %d bytes)",
			    got, PCAP_FILE_HEADER_LEN);

	memcpy(&magic, h, sizeof magic);
	r->swapped = magic == __builtin_bswap32(PCAP_MAGIC_US) ||
		     magic == __builtin_bswap32(PCAP_MAGIC_NS);
	magic = get32(r, h);
	if (magic != PCAP_MAGIC_US && magic != PCAP_MAGIC_NS)
		return fail(r, "bad magic 0x%08" PRIx32
			    ": not a classic pcap file", magic);
	r->nanosec = magic == PCAP_MAGIC_NS;

	if (get16(r, h + 4) != PCAP_VERSION_MAJOR)
		return fail(r, "unsupported pcap version %u.%u",
			    get16(r, h + 4), get16(r, h + 6));
	/* The upper bits may carry FCS information; the low 16 are the type. */
	linktype = get32(r, h + 20) & 0xffff;
	if (linktype != PCAP_LINKTYPE_ETHERNET)
		return fail(r, "link type %" PRIu32 " is not Ethernet (%d)",
			    linktype, PCAP_LINKTYPE_ETHERNET);

	/* Writers put 0 or huge values here; no record may exceed our cap. */
	snaplen = get32(r, h + 16);
	r->snaplen = snaplen && snaplen < PCAP_SNAPLEN_MAX
		     ? snaplen : PCAP_SNAPLEN_MAX;
	r->buf = malloc(r->snaplen);
	if (!r->buf)
		return fail(r, "out of memory for a %" PRIu32 "-byte snaplen",
			    r->snaplen);
	return 0;
}

int pcap_read(struct pcap_reader *r, struct pcap_record *rec)
{
	uint8_t h[PCAP_RECORD_HEADER_LEN];
	uint64_t at = r->offset;
	uint32_t frac, frac_max = r->nanosec ? 1000000000 : 1000000;
	size_t got;

	if (!r->buf)
		return fail(r, "reader is not open");
	got = read_full(r, h, sizeof h);
	if (ferror(r->fp))
		return fail(r, "read error at offset %" PRIu64 ": %s",
			    r->offset, strerror(errno));
	if (got == 0)
		return 0;
	if (got < sizeof h)
		return fail_record(r, at, "truncated record header "
				   "(%zu of %d bytes)", got,
				   PCAP_RECORD_HEADER_LEN);

	frac = get32(r, h + 4);
	rec->caplen = get32(r, h + 8);
	rec->len = get32(r, h + 12);
	if (frac >= frac_max)
		return fail_record(r, at, "timestamp fraction %" PRIu32
				   " out of range", frac);
	if (rec->caplen > r->snaplen)
		return fail_record(r, at, "captured length %" PRIu32
				   " exceeds the snap length %" PRIu32,
				   rec->caplen, r->snaplen);
	if (rec->caplen > rec->len)
		return fail_record(r, at, "captured length %" PRIu32
				   " exceeds the original length %" PRIu32,
				   rec->caplen, rec->len);

	got = read_full(r, r->buf, rec->caplen);
	if (got < rec->caplen)
		return fail_record(r, at, "truncated record data "
				   "(%zu of %" PRIu32 " bytes)",
				   got, rec->caplen);

	rec->ts_ns = get32(r, h) * UINT64_C(1000000000) +
		     (r->nanosec ? frac : frac * UINT64_C(1000));
	rec->data = r->buf;
	r->n_records++;
	return 1;
}

void pcap_reader_destroy(struct pcap_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

int pcap_writer_open(struct pcap_writer *w, FILE *fp, bool nanosec)
{
	struct {
		uint32_t magic;
		uint16_t major, minor;
		int32_t thiszone;
		uint32_t sigfigs, snaplen, linktype;
	} h = {
		nanosec ? PCAP_MAGIC_NS : PCAP_MAGIC_US,
		PCAP_VERSION_MAJOR, PCAP_VERSION_MINOR,
		0, 0, PCAP_SNAPLEN_MAX, PCAP_LINKTYPE_ETHERNET,
	};

	_Static_assert(sizeof h == PCAP_FILE_HEADER_LEN, "pcap file header");
	w->fp = fp;
	w->nanosec = nanosec;
	return fwrite(&h, sizeof h, 1, fp) == 1 ? 0 : -1;
}

int pcap_write(struct pcap_writer *w, const struct pcap_record *rec)
{
	uint64_t unit = w->nanosec ? 1 : 1000;
	uint32_t h[4] = {
		(uint32_t)(rec->ts_ns / 1000000000),
		(uint32_t)(rec->ts_ns % 1000000000 / unit),
		rec->caplen,
		rec->len,
	};

	if (rec->caplen > PCAP_SNAPLEN_MAX || rec->caplen > rec->len) {
		errno = EINVAL;
		return -1;
	}
	if (fwrite(h, sizeof h, 1, w->fp) != 1 ||
	    (rec->caplen && fwrite(rec->data, rec->caplen, 1, w->fp) != 1))
		return -1;
	return 0;
}
