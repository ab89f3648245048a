/* The OVSDB storage log: an append-only file of JSON records.  The first
 * record is the database schema, each later one a committed transaction;
 * compaction rewrites the file as the schema and one snapshot record.
 *
 * Each record is framed as a header line and the compact JSON text:
 *
 *     WEIR-OVSDB <length> <crc32c>\n<json>\n
 *
 * <length> counts the bytes of <json> in decimal, <crc32c> is their CRC-32C
 * as 8 lowercase hex digits.  Compact JSON holds no newline, so the file
 * reads as pairs of lines.
 *
 * At open the whole file is checked.  A bad record at the very end is a
 * write torn by a crash: it was never acknowledged, so it is cut off (with a
 * warning).  A bad record with a good one after it is corruption, and the
 * open fails naming its offset: committed data is never dropped silently.
 *
 * The file may end in zeros, written ahead so that a commit overwrites
 * bytes the file already has (see ovsdb_log_set_prealloc()): the records
 * end at the first zero byte where a header is due.  Records after a hole
 * of zeros, followed by nothing but zeros, are a group commit whose pages
 * reached the disk out of order before a power cut, never acknowledged:
 * dropped (zeroed) with a warning, like any torn tail.
 *
 * Functions returning int give 0 or a negative errno, and leave a message
 * for ovsdb_log_error(). */
#ifndef WEIR_OVSDB_LOG_H
#define WEIR_OVSDB_LOG_H 1

#include <stdint.h>
#include <stddef.h>
#include <jansson.h>

#define OVSDB_LOG_MAGIC "WEIR-OVSDB"
#define OVSDB_LOG_MAX_RECORD (1u << 30)   /* bytes of JSON in one record */

enum ovsdb_log_mode {
	OVSDB_LOG_CREATE,       /* a new file; fails if the path exists */
	OVSDB_LOG_READ_WRITE,   /* an existing file, locked for us alone */
	OVSDB_LOG_READ_ONLY,    /* no lock, never modified; a torn tail is
				 * skipped rather than cut off */
};

struct ovsdb_log;

/* Opens the log at 'path'.  A writer holds an exclusive lock on
 * "<path>.lock" until ovsdb_log_close(); a second writer fails with -EBUSY
 * and a message naming the holder's pid.  On failure *logp is NULL and
 * 'error' (when not NULL) holds the reason. */
int ovsdb_log_open(const char *path, enum ovsdb_log_mode mode,
		   struct ovsdb_log **logp, char *error, size_t error_size);
/* Closes the log and drops its lock; records not committed are lost. */
void ovsdb_log_close(struct ovsdb_log *);

const char *ovsdb_log_path(const struct ovsdb_log *);
const char *ovsdb_log_error(const struct ovsdb_log *);

/* Hands out the records found at open, oldest first, each a reference the
 * caller now owns; NULL after the last one. */
json_t *ovsdb_log_read(struct ovsdb_log *);

/* Queues a record; nothing reaches the file before ovsdb_log_commit().
 * Fails with -EINVAL for a value that would not read back, -EFBIG for one
 * over OVSDB_LOG_MAX_RECORD, -EBADF on a read-only log. */
int ovsdb_log_write(struct ovsdb_log *, const json_t *record);
/* The same for a record already written as compact JSON text, which
 * the caller vouches parses back. */
int ovsdb_log_write_text(struct ovsdb_log *, const char *text, size_t len);

/* From now on, each commit that writes past the zeros ahead writes 'bytes'
 * more zeros after its records (and compaction after the snapshot): the
 * commits that then fill them overwrite allocated blocks of a file whose
 * size does not change, so their fdatasync() has no metadata to commit.
 * 0 (the default): none. */
void ovsdb_log_set_prealloc(struct ovsdb_log *, uint64_t bytes);

/* Makes every queued record durable with one write and one fdatasync, so
 * records queued between two commits share a sync.  Returns 0 only once
 * they are on disk.  On failure the queued records are dropped and the file
 * is cut back to its last good record. */
int ovsdb_log_commit(struct ovsdb_log *);

/* Replaces the file, while it stays in use, by 'schema' and 'snapshot':
 * queued records are committed first, the new file is written beside the
 * old as "<path>.tmp", synced, renamed over it, and the directory synced.
 * If anything fails before the rename, the old file stays intact and in
 * use. */
int ovsdb_log_compact(struct ovsdb_log *, const json_t *schema,
		      const json_t *snapshot);

/* A record's compact JSON text, made in pieces: calls 'put' with each
 * next piece, and returns 0, or -1 when it cannot be written.  It must
 * give the same text each time it is called. */
typedef void ovsdb_log_put(const char *p, size_t n, void *put_aux);
typedef int ovsdb_log_text(ovsdb_log_put *put, void *put_aux, void *aux);

/* ovsdb_log_compact() with the snapshot as 'text' (called twice: for the
 * header's length and CRC, then to write it), so that the snapshot is
 * never whole in memory.  The caller vouches that the text parses back. */
int ovsdb_log_compact_text(struct ovsdb_log *, const json_t *schema,
			   ovsdb_log_text *text, void *aux);

/* What the server weighs when deciding to compact.  The snapshot is the
 * second record: the one compaction wrote or, in a log never compacted, the
 * first transaction. */
struct ovsdb_log_stats {
	uint64_t records;               /* in the file, committed */
	uint64_t bytes;                 /* of records, not of zeros ahead */
	uint64_t records_since_snapshot;
	uint64_t bytes_since_snapshot;
	uint64_t commits;               /* since open, each one write + sync */
};
void ovsdb_log_get_stats(const struct ovsdb_log *, struct ovsdb_log_stats *);

/* For tests: the next time 'step' runs it fails with 'error' (a negative
 * errno).  A failed write has first written half of its bytes. */
enum ovsdb_log_step {
	OVSDB_LOG_STEP_NONE,
	OVSDB_LOG_STEP_WRITE,           /* write(2) of a commit or new file */
	OVSDB_LOG_STEP_SYNC,            /* fdatasync of a commit or new file */
	OVSDB_LOG_STEP_RENAME,          /* compaction's rename */
	OVSDB_LOG_STEP_DIR_SYNC,        /* compaction's directory sync */
};
void ovsdb_log_fail_next(struct ovsdb_log *, enum ovsdb_log_step, int error);

#endif /* WEIR_OVSDB_LOG_H */
