/* libFuzzer: arbitrary bytes opened as an OVSDB log.  Every record the
 * reader accepts is checked against the bytes by a second, plain parser: a
 * well-formed header, a CRC-32C (computed bit by bit here) that matches,
 * and the same JSON; together they must be a prefix of the file, and what
 * follows that prefix must have been refused. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ovsdb/ovsdb-log.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t slow_crc32c(const uint8_t *p, size_t n)
{
	uint32_t reg = 0xffffffff;

	while (n--) {
		reg ^= *p++;
		for (int bit = 0; bit < 8; bit++)
			reg = reg & 1 ? reg >> 1 ^ 0x82f63b78 : reg >> 1;
	}
	return ~reg;
}

/* The record at data[ofs] and its length, or NULL if it is not valid. */
static json_t *parse_at(const uint8_t *data, size_t size, size_t ofs,
			size_t *rec_len)
{
	const uint8_t *p = data + ofs, *nl;
	char hdr[64], canon[64], tail;
	unsigned long len;
	unsigned int crc;
	size_t hdr_len;

	nl = memchr(p, '\n', size - ofs < 40 ? size - ofs : 40);
	if (!nl)
		return NULL;
	hdr_len = nl - p + 1;
	memcpy(hdr, p, hdr_len);
	hdr[hdr_len] = '\0';
	if (sscanf(hdr, "WEIR-OVSDB %lu %8x%c", &len, &crc, &tail) != 3)
		return NULL;
	/* sscanf is lenient: only the canonical spelling counts. */
	snprintf(canon, sizeof canon, "WEIR-OVSDB %lu %08x\n", len, crc);
	if (strcmp(canon, hdr) || len >= size - ofs - hdr_len ||
	    slow_crc32c(p + hdr_len, len) != crc || p[hdr_len + len] != '\n')
		return NULL;
	*rec_len = hdr_len + len + 1;
	return json_loadb((const char *)p + hdr_len, len,
			  JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
}

/* Checks that 'json' is the record at data[*ofs], and steps past it. */
static void check_record(const uint8_t *data, size_t size, size_t *ofs,
			 const json_t *json)
{
	size_t len;
	json_t *again = parse_at(data, size, *ofs, &len);

	if (!again || !json_equal(again, json))
		abort();
	json_decref(again);
	*ofs += len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ovsdb_log_stats stats;
	struct ovsdb_log *log;
	char path[64], error[256];
	size_t ofs = 0;
	json_t *json;
	int fd, rc;

	if (size > 1 << 16)
		return 0;
	fd = memfd_create("fuzz-ovsdb-log", MFD_CLOEXEC);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	rc = ovsdb_log_open(path, OVSDB_LOG_READ_ONLY, &log, error,
			    sizeof error);
	if (rc) {
		if (rc != -EBADMSG || !strstr(error, "corrupt record at offset"))
			abort();
		close(fd);
		return 0;
	}
	while ((json = ovsdb_log_read(log))) {
		check_record(data, size, &ofs, json);
		json_decref(json);
	}
	ovsdb_log_get_stats(log, &stats);
	if (stats.bytes != ofs)
		abort();
	/* The reader stopped where the records stop being valid. */
	if (ofs < size) {
		size_t len;
		json = parse_at(data, size, ofs, &len);
		if (json)
			abort();
	}
	ovsdb_log_close(log);
	close(fd);
	return 0;
}
