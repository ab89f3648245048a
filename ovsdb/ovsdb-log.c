/* The OVSDB storage log: framing, replay with torn-tail recovery, group
 * commit, and online compaction. */
#include "ovsdb-log.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crc32c-fast.h"
#include "json-text.h"
#include "log.h"
#include "xalloc.h"

#define MAGIC_LEN (sizeof OVSDB_LOG_MAGIC - 1)
#define MAX_LENGTH_DIGITS 10

/* Serialized records waiting for a commit. */
struct log_buf {
	char *p;
	size_t len, cap;
	size_t records;
};

struct ovsdb_log {
	char *path;
	enum ovsdb_log_mode mode;
	int fd;                         /* the log file */
	int lock_fd;                    /* "<path>.lock", or -1 */
	uint64_t size;                  /* bytes of good, durable records */
	uint64_t alloc_end;             /* file size: zeros from 'size' on */
	uint64_t prealloc;              /* zeros written ahead, 0: none */
	uint64_t records;               /* how many */
	uint64_t snapshot_end;          /* offset after the second record */
	uint64_t commits;               /* commits that wrote, one sync each */

	json_t **replay;                /* records found at open, unread */
	size_t n_replay, next_replay, replay_cap;

	struct log_buf pending;         /* written, not yet committed */
	struct json_text text;          /* scratch: a record being framed */
	size_t pending_snapshot_end;    /* in 'pending', or 0 */
	bool dir_unsynced;              /* a rename not yet known durable */

	enum ovsdb_log_step fail_step;  /* injected failure, for tests */
	int fail_error;
	char error[256];
};

static int log_fail(struct ovsdb_log *log, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Leaves "<path>: <message>" for ovsdb_log_error() and returns 'error'. */
static int log_fail(struct ovsdb_log *log, int error, const char *fmt, ...)
{
	int n = snprintf(log->error, sizeof log->error, "%s: ", log->path);
	va_list args;

	if (n < 0 || (size_t)n >= sizeof log->error)
		return error;
	va_start(args, fmt);
	vsnprintf(log->error + n, sizeof log->error - n, fmt, args);
	va_end(args);
	return error;
}

/* Whether the test hook asked 'step' to fail now; consumes the request. */
static int log_injected(struct ovsdb_log *log, enum ovsdb_log_step step)
{
	if (log->fail_step != step)
		return 0;
	log->fail_step = OVSDB_LOG_STEP_NONE;
	return log->fail_error;
}

void ovsdb_log_fail_next(struct ovsdb_log *log, enum ovsdb_log_step step,
			 int error)
{
	log->fail_step = step;
	log->fail_error = error;
}

/* ---- framing ---- */

static uint32_t log_crc(const char *p, size_t len)
{
	return ~crc32c_fast_update(0xffffffffu, p, len);
}

/* Parses the header at 'p' (with 'avail' bytes left in the file).  Returns
 * NULL and the header's and the JSON's lengths, or what is wrong. */
static const char *log_parse_header(const char *p, size_t avail,
				    size_t *hdr_len, size_t *json_len,
				    uint32_t *crc)
{
	size_t i = 0, digits = 0;
	uint64_t len = 0;

	if (memcmp(p, OVSDB_LOG_MAGIC " ",
		   avail < MAGIC_LEN + 1 ? avail : MAGIC_LEN + 1))
		return "bad record header";
	for (i = MAGIC_LEN + 1; i < avail && p[i] >= '0' && p[i] <= '9'; i++) {
		if (++digits > MAX_LENGTH_DIGITS || (digits == 2 && !len))
			return "bad record length";
		len = len * 10 + (p[i] - '0');
	}
	if (i >= avail)
		return "truncated record header";
	if (!digits || p[i] != ' ')
		return "bad record header";
	if (len > OVSDB_LOG_MAX_RECORD)
		return "bad record length";
	*crc = 0;
	for (i++, digits = 0; digits < 8; i++, digits++) {
		if (i >= avail)
			return "truncated record header";
		char c = p[i];
		if (c >= '0' && c <= '9')
			*crc = *crc << 4 | (c - '0');
		else if (c >= 'a' && c <= 'f')
			*crc = *crc << 4 | (c - 'a' + 10);
		else
			return "bad record header";
	}
	if (i >= avail)
		return "truncated record header";
	if (p[i] != '\n')
		return "bad record header";
	*hdr_len = i + 1;
	*json_len = len;
	return NULL;
}

/* Checks the framing of the record at 'p': header, length, CRC, final
 * newline.  Returns NULL with the JSON's place and the record's length. */
static const char *log_check_frame(const char *p, size_t avail,
				   const char **json, size_t *json_len,
				   size_t *rec_len)
{
	size_t hdr_len;
	uint32_t crc;
	const char *why = log_parse_header(p, avail, &hdr_len, json_len, &crc);

	if (why)
		return why;
	if (avail - hdr_len < *json_len + 1)
		return "truncated record";
	*json = p + hdr_len;
	if (log_crc(*json, *json_len) != crc)
		return "bad record checksum";
	if ((*json)[*json_len] != '\n')
		return "no newline after record";
	*rec_len = hdr_len + *json_len + 1;
	return NULL;
}

/* Parses the whole record at 'p' into *jsonp.  Returns NULL or what is
 * wrong, in 'why' when that needs composing. */
static const char *log_parse_record(const char *p, size_t avail,
				    json_t **jsonp, size_t *rec_len,
				    char *why, size_t why_size)
{
	const char *text, *bad;
	size_t text_len;
	json_error_t jerr;

	bad = log_check_frame(p, avail, &text, &text_len, rec_len);
	if (bad)
		return bad;
	*jsonp = json_loadb(text, text_len, JSON_DECODE_ANY | JSON_ALLOW_NUL,
			    &jerr);
	if (!*jsonp) {
		snprintf(why, why_size, "bad JSON in record: %s", jerr.text);
		return why;
	}
	return NULL;
}

/* Whether any well-framed record starts in buf[from..size). */
static bool log_good_record_after(const char *buf, size_t from, size_t size)
{
	while (from < size) {
		const char *p = memmem(buf + from, size - from,
				       OVSDB_LOG_MAGIC " ", MAGIC_LEN + 1);
		const char *json;
		size_t json_len, rec_len;

		if (!p)
			return false;
		if (!log_check_frame(p, buf + size - p, &json, &json_len,
				     &rec_len))
			return true;
		from = p - buf + 1;
	}
	return false;
}

static bool all_zero(const char *p, size_t n)
{
	return !n || (!p[0] && !memcmp(p, p + 1, n - 1));
}

/* Where the well-framed records in buf[from..size), each maybe after
 * zeros, end: a write that was never acknowledged, whose first pages
 * did not reach the disk while later ones did. */
static size_t log_records_after_hole(const char *buf, size_t from,
				     size_t size)
{
	size_t end = from;

	for (;;) {
		const char *json;
		size_t json_len, rec_len;

		while (from < size && !buf[from])
			from++;
		if (from == size || log_check_frame(buf + from, size - from,
						    &json, &json_len,
						    &rec_len))
			return end;
		from += rec_len;
		end = from;
	}
}

static void log_buf_destroy(struct log_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

/* Empties 'b' but keeps its memory for the next group of records. */
static void log_buf_clear(struct log_buf *b)
{
	b->len = 0;
	b->records = 0;
}

static void log_buf_add(struct log_buf *b, const char *p, size_t n)
{
	b->p = xgrow(b->p, &b->cap, b->len + n);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

/* Appends 'record', framed, to 'b'. */
/* Appends the record 'text' (compact JSON), framed, to 'b'. */
static int log_buf_add_text(struct ovsdb_log *log, struct log_buf *b,
			    const char *text, size_t len)
{
	char hdr[MAGIC_LEN + MAX_LENGTH_DIGITS + 12];
	int n;

	if (len > OVSDB_LOG_MAX_RECORD)
		return log_fail(log, -EFBIG, "record of %zu bytes is over "
				"the limit of %u", len, OVSDB_LOG_MAX_RECORD);
	n = snprintf(hdr, sizeof hdr, OVSDB_LOG_MAGIC " %zu %08x\n", len,
		     log_crc(text, len));
	log_buf_add(b, hdr, n);
	log_buf_add(b, text, len);
	log_buf_add(b, "\n", 1);
	b->records++;
	return 0;
}

/* Appends 'record', framed, to 'b'. */
static int log_buf_add_record(struct ovsdb_log *log, struct log_buf *b,
			      const json_t *record)
{
	struct json_text *text = &log->text;

	if (json_text_dump(text, record))
		return log_fail(log, -EINVAL, "record cannot be serialized");
	/* A record that would not parse at replay must never be written. */
	if (text->unreadable && text->len <= OVSDB_LOG_MAX_RECORD)
		return log_fail(log, -EINVAL, "record does not read back: %s",
				text->unreadable);
	return log_buf_add_text(log, b, text->p, text->len);
}

/* ---- file operations, each with its injectable failure ---- */

static int log_pwrite_all(struct ovsdb_log *log, int fd, const char *p,
			  size_t n, uint64_t ofs)
{
	int injected = log_injected(log, OVSDB_LOG_STEP_WRITE);

	if (injected) {
		/* A short write first, as a full disk would leave. */
		if (pwrite(fd, p, n / 2, ofs) < 0)
			return -errno;
		return injected;
	}
	while (n) {
		ssize_t done = pwrite(fd, p, n, ofs);
		if (done < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (!done)
			return -EIO;
		p += done;
		n -= done;
		ofs += done;
	}
	return 0;
}

static int log_sync(struct ovsdb_log *log, int fd)
{
	int injected = log_injected(log, OVSDB_LOG_STEP_SYNC);

	if (injected)
		return injected;
	return fdatasync(fd) ? -errno : 0;
}

/* Writes zeros over fd's bytes [from, to): not synced. */
static int log_write_zeros(struct ovsdb_log *log, int fd, uint64_t from,
			   uint64_t to)
{
	static const char zeros[64 * 1024];

	while (from < to) {
		size_t n = to - from < sizeof zeros ? to - from : sizeof zeros;
		int error = log_pwrite_all(log, fd, zeros, n, from);

		if (error)
			return error;
		from += n;
	}
	return 0;
}

/* Zeros [from, to) of the log, durably. */
static int log_zero_fill(struct ovsdb_log *log, uint64_t from, uint64_t to)
{
	int error = log_write_zeros(log, log->fd, from, to);

	if (!error)
		error = log_sync(log, log->fd);
	if (error)
		return log_fail(log, error, "cannot clear torn records at "
				"offset %llu: %s", (unsigned long long)from,
				strerror(-error));
	return 0;
}

/* Syncs the directory holding the log, making a rename durable. */
static int log_sync_dir(struct ovsdb_log *log)
{
	int injected = log_injected(log, OVSDB_LOG_STEP_DIR_SYNC);
	char *copy = xstrdup(log->path);
	int fd, error = 0;

	if (injected) {
		free(copy);
		return injected;
	}
	fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(copy);
	if (fd < 0)
		return -errno;
	if (fsync(fd))
		error = -errno;
	close(fd);
	return error;
}

/* ---- opening and replay ---- */

/* Reads the holder's pid that the lock file names, or 0. */
static long log_lock_holder(int fd)
{
	char text[32];
	ssize_t n = pread(fd, text, sizeof text - 1, 0);
	long pid;

	if (n <= 0)
		return 0;
	text[n] = '\0';
	return sscanf(text, "%ld", &pid) == 1 && pid > 0 ? pid : 0;
}

/* Takes "<path>.lock" for ourselves.  An open-file-description lock, so a
 * second open in this process conflicts too, and the kernel drops it when
 * we die; the file stays, since unlinking a lock file races. */
static int log_lock(struct ovsdb_log *log)
{
	char *lock_path = xasprintf("%s.lock", log->path);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	char pid[32];
	int fd, n;

	fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		int error = -errno;
		log_fail(log, error, "cannot open lock file %s: %s", lock_path,
			 strerror(-error));
		free(lock_path);
		return error;
	}
	free(lock_path);
	log->lock_fd = fd;
	if (fcntl(fd, F_OFD_SETLK, &fl) < 0) {
		if (errno != EAGAIN && errno != EACCES)
			return log_fail(log, -errno, "cannot lock: %s",
					strerror(errno));
		long holder = log_lock_holder(fd);
		if (holder)
			return log_fail(log, -EBUSY, "in use by another "
					"process (pid %ld)", holder);
		return log_fail(log, -EBUSY, "in use by another process");
	}
	n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) || pwrite(fd, pid, n, 0) != n)
		return log_fail(log, -errno, "cannot write lock file: %s",
				strerror(errno));
	return 0;
}

static int log_read_file(struct ovsdb_log *log, char **bufp, size_t *sizep)
{
	struct stat st;
	size_t size, done = 0;
	char *buf;

	*bufp = NULL;
	if (fstat(log->fd, &st))
		return log_fail(log, -errno, "%s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return log_fail(log, -EINVAL, "not a regular file");
	size = st.st_size;
	buf = malloc(size ? size : 1);
	if (!buf)
		return log_fail(log, -ENOMEM, "no memory for %zu bytes", size);
	while (done < size) {
		ssize_t n = pread(log->fd, buf + done, size - done, done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			free(buf);
			return log_fail(log, n ? -errno : -EIO, "read failed "
					"at offset %zu: %s", done,
					n ? strerror(errno) : "file shrank");
		}
		done += n;
	}
	*bufp = buf;
	*sizep = size;
	return 0;
}

static void log_add_replay(struct ovsdb_log *log, json_t *json,
			   uint64_t end)
{
	log->replay = xgrow(log->replay, &log->replay_cap,
			    (log->n_replay + 1) * sizeof *log->replay);
	log->replay[log->n_replay++] = json;
	if (++log->records == 2)
		log->snapshot_end = end;
}

/* Deals with the bad bytes at 'ofs' up to the end: a torn write, dropped
 * (cut off if we may write). */
static int log_drop_tail(struct ovsdb_log *log, uint64_t ofs, uint64_t size,
			 const char *why)
{
	log_msg(LOG_WARN, "%s: %s %llu bytes at offset %llu (%s): a write "
		"torn by a crash", log->path,
		log->mode == OVSDB_LOG_READ_ONLY ? "ignoring" : "discarding",
		(unsigned long long)(size - ofs), (unsigned long long)ofs,
		why);
	if (log->mode == OVSDB_LOG_READ_ONLY)
		return 0;
	if (ftruncate(log->fd, ofs) || fdatasync(log->fd))
		return log_fail(log, -errno, "cannot cut off torn record at "
				"offset %llu: %s", (unsigned long long)ofs,
				strerror(errno));
	log->alloc_end = ofs;
	return 0;
}

/* The records end at 'ofs', and the rest of the file is zeros written
 * ahead (or a group commit cut short in them).  Returns 0, or -EBADMSG
 * when what follows is neither. */
static int log_zero_tail(struct ovsdb_log *log, const char *buf, size_t ofs,
			 size_t size)
{
	size_t end;

	if (all_zero(buf + ofs, size - ofs)) {
		log->alloc_end = size;
		return 0;
	}
	if (buf[ofs])
		return -EBADMSG;
	/* Zeros, then records, then only zeros: pages of a commit that never
	 * returned reached the disk out of order (a power cut).  Dropped like
	 * any torn tail, the file keeping its size. */
	end = log_records_after_hole(buf, ofs, size);
	if (!all_zero(buf + end, size - end))
		return -EBADMSG;
	log_msg(LOG_WARN, "%s: %s %zu bytes at offset %zu (records after a "
		"hole of zeros): a write torn by a crash", log->path,
		log->mode == OVSDB_LOG_READ_ONLY ? "ignoring" : "discarding",
		end - ofs, ofs);
	log->alloc_end = size;
	if (log->mode == OVSDB_LOG_READ_ONLY)
		return 0;
	return log_zero_fill(log, ofs, end);
}

/* What the bad record at 'ofs' means: the end of the records before
 * zeros, a torn tail, or corruption. */
static int log_bad_record(struct ovsdb_log *log, const char *buf,
			  size_t ofs, size_t size, const char *why)
{
	int error = log_zero_tail(log, buf, ofs, size);

	if (error != -EBADMSG)
		return error;
	if (log_good_record_after(buf, ofs + 1, size))
		return log_fail(log, -EBADMSG, "corrupt record at offset %zu: "
				"%s, with good records after it", ofs, why);
	return log_drop_tail(log, ofs, size, why);
}

/* Reads every record, deciding what a bad one means. */
static int log_replay(struct ovsdb_log *log)
{
	char why_buf[200];
	size_t size = 0, ofs = 0;
	char *buf;
	int error = log_read_file(log, &buf, &size);

	if (error)
		return error;
	log->alloc_end = size;
	while (ofs < size) {
		json_t *json;
		size_t len;
		const char *why = log_parse_record(buf + ofs, size - ofs, &json,
						   &len, why_buf,
						   sizeof why_buf);
		if (why) {
			error = log_bad_record(log, buf, ofs, size, why);
			break;
		}
		ofs += len;
		log_add_replay(log, json, ofs);
	}
	log->size = ofs;
	if (log->records < 2)
		log->snapshot_end = ofs;
	free(buf);
	return error;
}

static int log_open_file(struct ovsdb_log *log)
{
	int flags = O_CLOEXEC;

	if (log->mode == OVSDB_LOG_CREATE)
		flags |= O_RDWR | O_CREAT | O_EXCL;
	else
		flags |= log->mode == OVSDB_LOG_READ_ONLY ? O_RDONLY : O_RDWR;
	log->fd = open(log->path, flags, 0640);
	if (log->fd < 0)
		return log_fail(log, -errno, "%s", strerror(errno));
	if (log->mode == OVSDB_LOG_CREATE) {
		int error = log_sync_dir(log);
		if (error) {
			unlink(log->path);
			return log_fail(log, error, "cannot sync directory: %s",
					strerror(-error));
		}
	}
	return 0;
}

int ovsdb_log_open(const char *path, enum ovsdb_log_mode mode,
		   struct ovsdb_log **logp, char *error, size_t error_size)
{
	struct ovsdb_log *log = xcalloc(1, sizeof *log);
	int err = 0;

	log->path = xstrdup(path);
	log->mode = mode;
	log->fd = log->lock_fd = -1;
	if (mode != OVSDB_LOG_READ_ONLY)
		err = log_lock(log);
	if (!err)
		err = log_open_file(log);
	if (!err)
		err = log_replay(log);
	if (err) {
		if (error && error_size)
			snprintf(error, error_size, "%s", log->error);
		ovsdb_log_close(log);
		log = NULL;
	}
	*logp = log;
	return err;
}

void ovsdb_log_close(struct ovsdb_log *log)
{
	if (!log)
		return;
	if (log->fd >= 0)
		close(log->fd);
	if (log->lock_fd >= 0)
		close(log->lock_fd);
	for (size_t i = log->next_replay; i < log->n_replay; i++)
		json_decref(log->replay[i]);
	free(log->replay);
	log_buf_destroy(&log->pending);
	free(log->path);
	json_text_destroy(&log->text);
	free(log);
}

const char *ovsdb_log_path(const struct ovsdb_log *log)
{
	return log->path;
}

const char *ovsdb_log_error(const struct ovsdb_log *log)
{
	return log->error;
}

json_t *ovsdb_log_read(struct ovsdb_log *log)
{
	if (log->next_replay == log->n_replay)
		return NULL;
	return log->replay[log->next_replay++];
}

/* ---- writing ---- */

/* Notes where the snapshot ends once its second record is queued. */
static int log_queued(struct ovsdb_log *log, int error)
{
	if (!error && log->records + log->pending.records == 2)
		log->pending_snapshot_end = log->pending.len;
	return error;
}

int ovsdb_log_write(struct ovsdb_log *log, const json_t *record)
{
	if (log->mode == OVSDB_LOG_READ_ONLY)
		return log_fail(log, -EBADF, "opened read-only");
	return log_queued(log, log_buf_add_record(log, &log->pending,
						  record));
}

int ovsdb_log_write_text(struct ovsdb_log *log, const char *text, size_t len)
{
	if (log->mode == OVSDB_LOG_READ_ONLY)
		return log_fail(log, -EBADF, "opened read-only");
	return log_queued(log, log_buf_add_text(log, &log->pending, text,
						len));
}

void ovsdb_log_set_prealloc(struct ovsdb_log *log, uint64_t bytes)
{
	log->prealloc = bytes;
}

/* Puts the file back to its last good record after a failed commit. */
static void log_cut_back(struct ovsdb_log *log)
{
	if (!ftruncate(log->fd, log->size))
		(void)fdatasync(log->fd);
	log->alloc_end = log->size;
	log_buf_destroy(&log->pending);
	log->pending_snapshot_end = 0;
}

/* After records were written past the zeros ahead, writes the next
 * stretch of zeros, so that the syncs of the commits that fill it change
 * no file size or extent: on ext4 they need no journal commit.  Zeros
 * that do not fit (a full disk) are given up, not the commit. */
static int log_grow(struct ovsdb_log *log)
{
	uint64_t end = log->size + log->pending.len;

	if (end <= log->alloc_end)
		return 0;
	log->alloc_end = end;
	if (!log->prealloc ||
	    !log_write_zeros(log, log->fd, end, end + log->prealloc)) {
		log->alloc_end += log->prealloc;
		return 0;
	}
	return ftruncate(log->fd, end) ? -errno : 0;
}

int ovsdb_log_commit(struct ovsdb_log *log)
{
	struct log_buf *b = &log->pending;
	int error = 0;

	if (log->mode == OVSDB_LOG_READ_ONLY)
		return log_fail(log, -EBADF, "opened read-only");
	/* Appends to a file whose name may yet revert are not durable. */
	if (log->dir_unsynced) {
		error = log_sync_dir(log);
		log->dir_unsynced = error != 0;
	}
	if (!error && !b->len)
		return 0;
	if (!error)
		error = log_pwrite_all(log, log->fd, b->p, b->len, log->size);
	if (!error)
		error = log_grow(log);
	if (!error)
		error = log_sync(log, log->fd);
	if (error) {
		log_cut_back(log);
		return log_fail(log, error, "commit failed: %s",
				strerror(-error));
	}
	if (log->pending_snapshot_end)
		log->snapshot_end = log->size + log->pending_snapshot_end;
	log->size += b->len;
	log->records += b->records;
	log->commits++;
	if (log->records < 2)
		log->snapshot_end = log->size;
	log_buf_clear(b);
	log->pending_snapshot_end = 0;
	return 0;
}

/* ---- compaction ---- */

/* The new file, written as its records are made: the snapshot comes in
 * pieces, twice (ovsdb_log_text), first to learn its length and CRC for
 * the header, then to write it; never whole in memory. */
struct log_stream {
	struct ovsdb_log *log;
	int fd;
	uint64_t ofs;                   /* where 'buf' goes in the file */
	uint64_t alloc_end;             /* the file's size, once written */
	struct log_buf buf;             /* bytes not written yet */
	uint64_t len;                   /* of the snapshot's text so far */
	uint32_t crc;                   /* its CRC, not yet inverted */
	int error;
};

#define LOG_STREAM_CHUNK (1u << 20)

static void log_stream_flush(struct log_stream *st)
{
	if (!st->error)
		st->error = log_pwrite_all(st->log, st->fd, st->buf.p,
					   st->buf.len, st->ofs);
	st->ofs += st->buf.len;
	st->buf.len = 0;
}

static void log_stream_count(const char *p, size_t n, void *st_)
{
	struct log_stream *st = st_;

	st->len += n;
	st->crc = crc32c_fast_update(st->crc, p, n);
}

static void log_stream_write(const char *p, size_t n, void *st_)
{
	struct log_stream *st = st_;

	log_stream_count(p, n, st);
	log_buf_add(&st->buf, p, n);
	if (st->buf.len >= LOG_STREAM_CHUNK)
		log_stream_flush(st);
}

/* Runs 'text' once to count: 0 with its length and CRC in 'st'. */
static int log_stream_measure(struct ovsdb_log *log, struct log_stream *st,
			      ovsdb_log_text *text, void *aux)
{
	st->len = 0;
	st->crc = 0xffffffffu;
	if (text(log_stream_count, st, aux))
		return log_fail(log, -EINVAL, "snapshot cannot be "
				"serialized");
	if (st->len > OVSDB_LOG_MAX_RECORD)
		return log_fail(log, -EFBIG, "snapshot of %llu bytes is over "
				"the limit of %u", (unsigned long long)st->len,
				OVSDB_LOG_MAX_RECORD);
	return 0;
}

/* Writes the schema and the snapshot into 'st' (its file, 'path', open),
 * then the zeros ahead, and syncs. */
static int log_stream_records(struct log_stream *st, const char *path,
			      const json_t *schema, ovsdb_log_text *text,
			      void *aux)
{
	struct ovsdb_log *log = st->log;
	uint64_t len = st->len;
	uint32_t crc = st->crc;
	char hdr[MAGIC_LEN + MAX_LENGTH_DIGITS + 12];
	int error = log_buf_add_record(log, &st->buf, schema);

	if (error)
		return error;
	log_buf_add(&st->buf, hdr, snprintf(hdr, sizeof hdr, OVSDB_LOG_MAGIC
					    " %llu %08x\n",
					    (unsigned long long)len, ~crc));
	st->len = 0;
	st->crc = 0xffffffffu;
	if (text(log_stream_write, st, aux) || st->len != len ||
	    st->crc != crc)
		return log_fail(log, -EIO, "snapshot changed while written");
	log_buf_add(&st->buf, "\n", 1);
	log_stream_flush(st);
	st->alloc_end = st->ofs;
	if (!st->error && log->prealloc) {
		/* As in log_grow(): zeros that do not fit are given up. */
		if (!log_write_zeros(log, st->fd, st->ofs,
				     st->ofs + log->prealloc))
			st->alloc_end += log->prealloc;
		else if (ftruncate(st->fd, st->ofs))
			st->error = -errno;
	}
	if (!st->error)
		st->error = log_sync(log, st->fd);
	if (st->error)
		return log_fail(log, st->error, "cannot write %s: %s", path,
				strerror(-st->error));
	return 0;
}

/* Writes the new file at 'tmp_path', synced.  Returns its descriptor,
 * or a negative errno with the file removed. */
static int log_write_new(struct log_stream *st, const char *tmp_path,
			 const json_t *schema, ovsdb_log_text *text,
			 void *aux)
{
	struct ovsdb_log *log = st->log;
	struct stat sb;
	mode_t mode = fstat(log->fd, &sb) ? 0640 : sb.st_mode & 07777;
	int error;

	st->fd = open(tmp_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (st->fd < 0)
		return log_fail(log, -errno, "cannot create %s: %s", tmp_path,
				strerror(errno));
	error = log_stream_records(st, tmp_path, schema, text, aux);
	if (error) {
		close(st->fd);
		unlink(tmp_path);
		return error;
	}
	return st->fd;
}

static int log_rename(struct ovsdb_log *log, const char *from)
{
	int injected = log_injected(log, OVSDB_LOG_STEP_RENAME);

	if (injected)
		return injected;
	return rename(from, log->path) ? -errno : 0;
}

/* The new file is in place: from now on we append to it. */
static void log_switch(struct ovsdb_log *log, int fd,
		       const struct log_stream *st)
{
	close(log->fd);
	log->fd = fd;
	log->size = st->ofs;
	log->alloc_end = st->alloc_end;
	log->records = 2;
	log->snapshot_end = st->ofs;
}

int ovsdb_log_compact_text(struct ovsdb_log *log, const json_t *schema,
			   ovsdb_log_text *text, void *aux)
{
	struct log_stream st = { .log = log, .fd = -1 };
	char *tmp_path;
	int error, fd;

	if (log->mode == OVSDB_LOG_READ_ONLY)
		return log_fail(log, -EBADF, "opened read-only");
	error = ovsdb_log_commit(log);
	if (!error)
		error = log_stream_measure(log, &st, text, aux);
	if (error)
		return error;
	tmp_path = xasprintf("%s.tmp", log->path);
	fd = log_write_new(&st, tmp_path, schema, text, aux);
	if (fd >= 0) {
		error = log_rename(log, tmp_path);
		if (error) {
			close(fd);
			unlink(tmp_path);
			log_fail(log, error, "cannot rename %s: %s", tmp_path,
				 strerror(-error));
		}
	} else {
		error = fd;
	}
	free(tmp_path);
	log_buf_destroy(&st.buf);
	if (!error) {
		log_switch(log, fd, &st);
		error = log_sync_dir(log);
		if (error) {
			log->dir_unsynced = true;
			log_fail(log, error, "compacted, but syncing the "
				 "directory failed (retried at the next "
				 "commit): %s", strerror(-error));
		}
	}
	return error;
}

/* A snapshot given whole, as the text of one JSON value. */
static int log_json_text(ovsdb_log_put *put, void *put_aux, void *aux)
{
	const struct json_text *text = aux;

	put(text->p, text->len, put_aux);
	return 0;
}

int ovsdb_log_compact(struct ovsdb_log *log, const json_t *schema,
		      const json_t *snapshot)
{
	struct json_text text;
	int error;

	if (log->mode == OVSDB_LOG_READ_ONLY)
		return log_fail(log, -EBADF, "opened read-only");
	json_text_init(&text);
	if (json_text_dump(&text, snapshot))
		error = log_fail(log, -EINVAL, "record cannot be serialized");
	else if (text.unreadable && text.len <= OVSDB_LOG_MAX_RECORD)
		error = log_fail(log, -EINVAL, "record does not read back: %s",
				 text.unreadable);
	else
		error = ovsdb_log_compact_text(log, schema, log_json_text,
					       &text);
	json_text_destroy(&text);
	return error;
}

void ovsdb_log_get_stats(const struct ovsdb_log *log,
			 struct ovsdb_log_stats *stats)
{
	stats->records = log->records;
	stats->commits = log->commits;
	stats->bytes = log->size;
	stats->records_since_snapshot = log->records > 2 ? log->records - 2 : 0;
	stats->bytes_since_snapshot = log->size - log->snapshot_end;
}
