/* The OVSDB storage log: exact framing, replay, group commit, torn tails
 * cut off and corruption refused, zeros written ahead (a zero tail, a hole
 * left by a torn group commit, no room for them), failed commits and
 * compactions leaving the old state, the writer's lock, and records
 * acknowledged by a process killed at a random moment all being there
 * after it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "ovsdb/ovsdb-log.h"

struct fixture {
	char dir[64];
	char path[96];
};

static int setup(void **state)
{
	static unsigned int n;
	struct fixture *f = calloc(1, sizeof *f);

	/* A directory of this process's own, private to its user. */
	snprintf(f->dir, sizeof f->dir, "/tmp/weir-test-ovsdb-log.%ld.%u",
		 (long)getpid(), n++);
	assert_int_equal(mkdir(f->dir, 0700), 0);
	snprintf(f->path, sizeof f->path, "%s/conf.db", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* ---- helpers ---- */

static json_t *rec(const char *text)
{
	json_t *json = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);

	assert_non_null(json);
	return json;
}

static void write_rec(struct ovsdb_log *log, const char *text)
{
	json_t *json = rec(text);

	assert_int_equal(ovsdb_log_write(log, json), 0);
	json_decref(json);
}

static struct ovsdb_log *open_log(const char *path, enum ovsdb_log_mode mode)
{
	struct ovsdb_log *log;
	char error[256];
	int rc = ovsdb_log_open(path, mode, &log, error, sizeof error);

	if (rc)
		fail_msg("open %s: %s", path, error);
	return log;
}

/* Creates a log holding the records 'texts', committed together. */
static void make_log(const char *path, const char *const *texts, size_t n)
{
	struct ovsdb_log *log = open_log(path, OVSDB_LOG_CREATE);

	for (size_t i = 0; i < n; i++)
		write_rec(log, texts[i]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_close(log);
}

/* Reads every record of an open log and checks them against 'texts'. */
static void expect_records(struct ovsdb_log *log, const char *const *texts,
			   size_t n)
{
	for (size_t i = 0; i < n; i++) {
		json_t *json = ovsdb_log_read(log);
		assert_non_null(json);
		char *s = json_dumps(json, JSON_COMPACT | JSON_ENCODE_ANY);
		assert_string_equal(s, texts[i]);
		free(s);
		json_decref(json);
	}
	assert_null(ovsdb_log_read(log));
}

static void expect_file(const char *path, const char *const *texts,
			size_t n)
{
	struct ovsdb_log *log = open_log(path, OVSDB_LOG_READ_ONLY);

	expect_records(log, texts, n);
	ovsdb_log_close(log);
}

static long file_size(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_size;
}

static char *slurp(const char *path, size_t *sizep)
{
	FILE *fp = fopen(path, "rb");
	char *buf = malloc(1 << 20);
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, (1 << 20) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	*sizep = n;
	return buf;
}

static void append_bytes(const char *path, const void *p, size_t n)
{
	FILE *fp = fopen(path, "ab");

	assert_non_null(fp);
	assert_int_equal(fwrite(p, 1, n, fp), n);
	fclose(fp);
}

static void put_byte(const char *path, long ofs, char c)
{
	int fd = open(path, O_WRONLY);

	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, &c, 1, ofs), 1);
	close(fd);
}

/* Runs ovsdb_log_open() with stderr caught into 'out'. */
static int open_quiet(const char *path, enum ovsdb_log_mode mode,
		      struct ovsdb_log **logp, char *error, size_t error_size,
		      char *out, size_t out_size)
{
	FILE *tmp = tmpfile();
	int saved = dup(2), rc;
	size_t n;

	assert_non_null(tmp);
	fflush(stderr);
	dup2(fileno(tmp), 2);
	rc = ovsdb_log_open(path, mode, logp, error, error_size);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	n = fread(out, 1, out_size - 1, tmp);
	out[n] = '\0';
	fclose(tmp);
	return rc;
}

static const char *const three[] = {
	"{\"name\":\"Open_vSwitch\",\"tables\":{}}",
	"{\"Bridge\":{\"b1\":{\"name\":\"br0\"}}}",
	"[1,\"two\",null,true,3.5]",
};

static const char *const four[] = {
	"{\"name\":\"Open_vSwitch\",\"tables\":{}}",
	"{\"Bridge\":{\"b1\":{\"name\":\"br0\"}}}",
	"[1,\"two\",null,true,3.5]",
	"{\"after\":true}",
};

/* ---- framing and replay ---- */

static void test_exact_bytes(void **state)
{
	struct fixture *f = *state;
	static const char *const one[] = { "{\"a\":1}" };
	size_t size;

	make_log(f->path, one, 1);
	char *text = slurp(f->path, &size);
	/* CRC-32C of {"a":1}, computed apart from the code under test. */
	assert_string_equal(text, "WEIR-OVSDB 7 cff7d56a\n{\"a\":1}\n");
	free(text);
}

static void test_replay(void **state)
{
	struct fixture *f = *state;
	static const char *const more[] = {
		"{\"name\":\"Open_vSwitch\",\"tables\":{}}",
		"{\"Bridge\":{\"b1\":{\"name\":\"br0\"}}}",
		"[1,\"two\",null,true,3.5]",
		"\"a string with \\n, \\\"quotes\\\" and \\u0000 and é\"",
		"{}",
	};
	struct ovsdb_log *log;

	make_log(f->path, three, 3);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	expect_records(log, three, 3);
	write_rec(log, more[3]);
	write_rec(log, more[4]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_close(log);
	expect_file(f->path, more, 5);

	/* Compact JSON has no raw newline: the file is pairs of lines. */
	size_t size, lines = 0;
	char *text = slurp(f->path, &size);
	for (size_t i = 0; i < size; i++)
		lines += text[i] == '\n';
	assert_int_equal(lines, 10);
	free(text);
}

static void test_create_exists(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log *log;
	char error[256], expect[256];

	make_log(f->path, three, 1);
	assert_int_equal(ovsdb_log_open(f->path, OVSDB_LOG_CREATE, &log,
					error, sizeof error), -EEXIST);
	assert_null(log);
	snprintf(expect, sizeof expect, "%s: File exists", f->path);
	assert_string_equal(error, expect);
	expect_file(f->path, three, 1);
}

static void test_open_missing(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log *log;
	char error[256];

	assert_int_equal(ovsdb_log_open(f->path, OVSDB_LOG_READ_ONLY, &log,
					error, sizeof error), -ENOENT);
	assert_int_equal(ovsdb_log_open(f->path, OVSDB_LOG_READ_WRITE, &log,
					error, sizeof error), -ENOENT);
	assert_null(log);
}

static void test_bad_writes(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log *log;
	json_t *bad = json_stringn_nocheck("\xff\xfe", 2);
	json_t *deep = json_array();

	for (int i = 0; i < 3000; i++) {
		json_t *outer = json_array();
		json_array_append_new(outer, deep);
		deep = outer;
	}
	make_log(f->path, three, 1);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	assert_int_equal(ovsdb_log_write(log, bad), -EINVAL);
	assert_non_null(strstr(ovsdb_log_error(log),
			       "record cannot be serialized"));
	assert_int_equal(ovsdb_log_write(log, deep), -EINVAL);
	assert_non_null(strstr(ovsdb_log_error(log), "record does not read "
			       "back: maximum parsing depth reached"));
	json_decref(deep);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_close(log);
	expect_file(f->path, three, 1);

	log = open_log(f->path, OVSDB_LOG_READ_ONLY);
	assert_int_equal(ovsdb_log_write(log, bad), -EBADF);
	assert_int_equal(ovsdb_log_commit(log), -EBADF);
	assert_int_equal(ovsdb_log_compact(log, bad, bad), -EBADF);
	ovsdb_log_close(log);
	json_decref(bad);
}

/* ---- group commit ---- */

static void test_group_commit(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log_stats st;
	struct ovsdb_log *log;

	make_log(f->path, three, 1);
	long before = file_size(f->path);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	write_rec(log, three[1]);
	write_rec(log, three[2]);
	/* Nothing reaches the file before the commit. */
	assert_int_equal(file_size(f->path), before);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(st.commits, 1);
	assert_int_equal(st.records, 3);
	assert_int_equal(st.bytes, file_size(f->path));
	/* An empty commit costs nothing. */
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(st.commits, 1);
	ovsdb_log_close(log);
	expect_file(f->path, three, 3);
}

static void test_stats(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log_stats st;
	struct ovsdb_log *log;

	make_log(f->path, three, 1);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(st.records, 1);
	assert_int_equal(st.records_since_snapshot, 0);
	assert_int_equal(st.bytes_since_snapshot, 0);
	write_rec(log, three[1]);
	write_rec(log, "{\"x\":1}");
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(st.records, 3);
	assert_int_equal(st.records_since_snapshot, 1);
	/* "WEIR-OVSDB 7 <8 hex digits>\n" + {"x":1} + "\n" */
	assert_int_equal(st.bytes_since_snapshot, 22 + 7 + 1);
	ovsdb_log_close(log);

	log = open_log(f->path, OVSDB_LOG_READ_ONLY);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(st.records_since_snapshot, 1);
	assert_int_equal(st.bytes_since_snapshot, 30);
	assert_int_equal(st.bytes, file_size(f->path));
	ovsdb_log_close(log);
}

/* ---- torn tails and corruption ---- */

/* Appends 'tail' to a log of three records and checks that a writer cuts
 * it off with a warning naming 'bytes' and 'why', and keeps working. */
static void check_torn(struct fixture *f, const void *tail, size_t len,
		       const char *why)
{
	struct ovsdb_log *log;
	char error[256], out[1024], expect[256];

	make_log(f->path, three, 3);
	long good = file_size(f->path);
	append_bytes(f->path, tail, len);

	/* A reader skips the tail and leaves the file alone. */
	assert_int_equal(open_quiet(f->path, OVSDB_LOG_READ_ONLY, &log, error,
				    sizeof error, out, sizeof out), 0);
	snprintf(expect, sizeof expect, "|WARN|%s: ignoring %zu bytes at "
		 "offset %ld (%s)", f->path, len, good, why);
	if (!strstr(out, expect))
		fail_msg("expected \"%s\" in \"%s\"", expect, out);
	expect_records(log, three, 3);
	ovsdb_log_close(log);
	assert_int_equal(file_size(f->path), good + (long)len);

	assert_int_equal(open_quiet(f->path, OVSDB_LOG_READ_WRITE, &log, error,
				    sizeof error, out, sizeof out), 0);
	snprintf(expect, sizeof expect, "|WARN|%s: discarding %zu bytes at "
		 "offset %ld (%s)", f->path, len, good, why);
	if (!strstr(out, expect))
		fail_msg("expected \"%s\" in \"%s\"", expect, out);
	assert_int_equal(file_size(f->path), good);
	expect_records(log, three, 3);
	write_rec(log, "{\"after\":true}");
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_close(log);

	assert_int_equal(open_quiet(f->path, OVSDB_LOG_READ_WRITE, &log, error,
				    sizeof error, out, sizeof out), 0);
	assert_string_equal(out, "");
	expect_records(log, four, 4);
	ovsdb_log_close(log);
	unlink(f->path);
}

#define TORN(f, text, why) check_torn(f, text, sizeof text - 1, why)

static void test_torn_header(void **state)
{
	TORN(*state, "W", "truncated record header");
	TORN(*state, "WEIR-OVSD", "truncated record header");
	TORN(*state, "WEIR-OVSDB ", "truncated record header");
	TORN(*state, "WEIR-OVSDB 12", "truncated record header");
	TORN(*state, "WEIR-OVSDB 7 cff7d5", "truncated record header");
	TORN(*state, "WEIR-OVSDB 7 cff7d56a", "truncated record header");
}

static void test_torn_body(void **state)
{
	TORN(*state, "WEIR-OVSDB 7 cff7d56a\n", "truncated record");
	TORN(*state, "WEIR-OVSDB 7 cff7d56a\n{\"a\"", "truncated record");
	TORN(*state, "WEIR-OVSDB 7 cff7d56a\n{\"a\":1}", "truncated record");
}

static void test_torn_bad_crc(void **state)
{
	TORN(*state, "WEIR-OVSDB 7 cff7d56a\n{\"a\":2}\n",
	     "bad record checksum");
	TORN(*state, "WEIR-OVSDB 7 cff7d56b\n{\"a\":1}\n",
	     "bad record checksum");
}

static void test_torn_garbage(void **state)
{
	TORN(*state, "\n", "bad record header");
	TORN(*state, "WEIR-OVSDB 07 cff7d56a\n{\"a\":1}\n", "bad record length");
	TORN(*state, "WEIR-OVSDB 7 CFF7D56A\n{\"a\":1}\n", "bad record header");
	TORN(*state, "WEIR-OVSDB 99999999999 cff7d56a\n", "bad record length");
	TORN(*state, "WEIR-OVSDB 2147483648 cff7d56a\n", "bad record length");
	TORN(*state, "WEIR-OVSDB 7 cff7d56a\n{\"a\":1}X",
	     "no newline after record");
	/* Framed right, but not JSON: never written by us, still a tail. */
	TORN(*state, "WEIR-OVSDB 5 83101fa6\n{\"a\":\n",
	     "bad JSON in record: unexpected token near end of file");
}

/* ---- zeros written ahead ---- */

static void append_zeros(const char *path, size_t n)
{
	char *zeros = calloc(1, n);

	append_bytes(path, zeros, n);
	free(zeros);
}

/* Opens 'path' with stderr caught, expecting 'warning' in it ("" for
 * none). */
static struct ovsdb_log *open_expect(const char *path,
				     enum ovsdb_log_mode mode,
				     const char *warning)
{
	struct ovsdb_log *log;
	char error[256], out[1024];

	if (open_quiet(path, mode, &log, error, sizeof error, out,
		       sizeof out))
		fail_msg("open %s: %s", path, error);
	if (*warning ? !strstr(out, warning) : *out != '\0')
		fail_msg("expected \"%s\" in \"%s\"", warning, out);
	return log;
}

/* A tail of zeros ends the records, quietly; the next commit overwrites
 * it and the file keeps its size. */
static void test_zero_tail(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log *log;

	make_log(f->path, three, 3);
	append_zeros(f->path, 4096);
	long size = file_size(f->path);

	log = open_expect(f->path, OVSDB_LOG_READ_ONLY, "");
	expect_records(log, three, 3);
	ovsdb_log_close(log);
	log = open_expect(f->path, OVSDB_LOG_READ_WRITE, "");
	expect_records(log, three, 3);
	write_rec(log, four[3]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_close(log);
	assert_int_equal(file_size(f->path), size);
	log = open_expect(f->path, OVSDB_LOG_READ_WRITE, "");
	expect_records(log, four, 4);
	ovsdb_log_close(log);
}

/* A commit cut short in the zeros: its header never reached the disk,
 * a later record of it did.  Dropped and zeroed; what follows a
 * non-zero tail after such records is still corruption. */
static void test_zero_hole(void **state)
{
	struct fixture *f = *state;
	static const char lone[] = "WEIR-OVSDB 7 cff7d56a\n{\"a\":1}\n";
	struct ovsdb_log *log;
	char expect[256], error[256];

	make_log(f->path, three, 3);
	long good = file_size(f->path);
	append_zeros(f->path, 100);
	append_bytes(f->path, lone, sizeof lone - 1);
	append_zeros(f->path, 4000);
	long size = file_size(f->path);

	snprintf(expect, sizeof expect, "|WARN|%s: ignoring %zu bytes at "
		 "offset %ld (records after a hole of zeros)", f->path,
		 100 + sizeof lone - 1, good);
	log = open_expect(f->path, OVSDB_LOG_READ_ONLY, expect);
	expect_records(log, three, 3);
	ovsdb_log_close(log);
	snprintf(expect, sizeof expect, "|WARN|%s: discarding %zu bytes at "
		 "offset %ld (records after a hole of zeros)", f->path,
		 100 + sizeof lone - 1, good);
	log = open_expect(f->path, OVSDB_LOG_READ_WRITE, expect);
	expect_records(log, three, 3);
	ovsdb_log_close(log);
	assert_int_equal(file_size(f->path), size);
	log = open_expect(f->path, OVSDB_LOG_READ_WRITE, "");
	expect_records(log, three, 3);
	ovsdb_log_close(log);

	/* Records after zeros, then something else: not a torn commit. */
	append_bytes(f->path, lone, sizeof lone - 1);
	append_bytes(f->path, "x", 1);
	assert_int_equal(ovsdb_log_open(f->path, OVSDB_LOG_READ_WRITE, &log,
					error, sizeof error), -EBADMSG);
	snprintf(expect, sizeof expect, "%s: corrupt record at offset %ld: "
		 "bad record header, with good records after it", f->path,
		 good);
	assert_string_equal(error, expect);
	assert_int_equal(file_size(f->path), size + sizeof lone);
}

/* With zeros written ahead, commits that fit in them leave the file's
 * size alone; the one that runs past them writes the next stretch. */
static void test_prealloc(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log_stats st;
	struct ovsdb_log *log;

	make_log(f->path, three, 1);
	long schema = file_size(f->path);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	ovsdb_log_set_prealloc(log, 1000);
	write_rec(log, three[1]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	long first = file_size(f->path);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(first, st.bytes + 1000);
	long expect = first;
	for (int i = 0; i < 30; i++) {
		write_rec(log, three[2]);
		assert_int_equal(ovsdb_log_commit(log), 0);
		ovsdb_log_get_stats(log, &st);
		if ((long)st.bytes > expect)
			expect = st.bytes + 1000;
		assert_int_equal(file_size(f->path), expect);
	}
	/* 47 bytes a record: the 22nd ran past the first 1000. */
	assert_int_equal(expect, schema + 56 + 22 * 47 + 1000);
	assert_int_equal(st.bytes, schema + 56 + 30 * 47);
	ovsdb_log_close(log);

	log = open_expect(f->path, OVSDB_LOG_READ_WRITE, "");
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(st.records, 32);
	assert_int_equal(st.bytes, schema + 56 + 30 * 47);

	/* Compaction writes zeros ahead in the new file too. */
	ovsdb_log_set_prealloc(log, 4096);
	json_t *schema_json = rec(three[0]), *snap = rec(three[1]);
	assert_int_equal(ovsdb_log_compact(log, schema_json, snap), 0);
	json_decref(schema_json);
	json_decref(snap);
	assert_int_equal(file_size(f->path), schema + 56 + 4096);
	ovsdb_log_close(log);
	expect_file(f->path, three, 2);
}

/* Zeros that do not fit (a file size limit here, a full disk in life)
 * are given up; the commits and the compaction still succeed. */
static void test_prealloc_no_room(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log_stats st;
	struct ovsdb_log *log;
	struct rlimit old, lim;

	make_log(f->path, three, 1);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	ovsdb_log_set_prealloc(log, 1 << 20);
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = 64 * 1024;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	write_rec(log, three[1]);
	int rc1 = ovsdb_log_commit(log);
	json_t *schema = rec(three[0]), *snap = rec(three[2]);
	int rc2 = ovsdb_log_compact(log, schema, snap);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, SIG_DFL);
	json_decref(schema);
	json_decref(snap);

	assert_int_equal(rc1, 0);
	assert_int_equal(rc2, 0);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(file_size(f->path), st.bytes);
	/* With room again, the zeros come back at the next commit. */
	write_rec(log, three[1]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(file_size(f->path), st.bytes + (1 << 20));
	ovsdb_log_close(log);
	static const char *const want[] = { three[0], three[2], three[1] };
	expect_file(f->path, want, 3);
}

/* A record torn inside the zeros: cut off as any torn tail. */
static void test_prealloc_torn(void **state)
{
	struct fixture *f = *state;
	static const char torn[] = "WEIR-OVSDB 7 cff7d56a\n{\"a\"";
	struct ovsdb_log *log;
	char expect[256];

	make_log(f->path, three, 3);
	long good = file_size(f->path);
	append_bytes(f->path, torn, sizeof torn - 1);
	append_zeros(f->path, 1000);
	snprintf(expect, sizeof expect, "|WARN|%s: discarding %zu bytes at "
		 "offset %ld (bad record checksum)", f->path,
		 sizeof torn - 1 + 1000, good);
	log = open_expect(f->path, OVSDB_LOG_READ_WRITE, expect);
	expect_records(log, three, 3);
	ovsdb_log_close(log);
	assert_int_equal(file_size(f->path), good);
}

static void test_corrupt_middle(void **state)
{
	struct fixture *f = *state;
	static const char *const one[] = { "{\"name\":\"Open_vSwitch\","
					   "\"tables\":{}}" };
	struct ovsdb_log *log;
	char error[256], expect[256];
	size_t size;

	make_log(f->path, one, 1);
	long second = file_size(f->path);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	write_rec(log, three[1]);
	write_rec(log, three[2]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_close(log);
	char *before = slurp(f->path, &size);

	/* A flipped bit in the second record's JSON. */
	put_byte(f->path, second + 30, 'X');
	for (int mode = OVSDB_LOG_READ_WRITE; mode <= OVSDB_LOG_READ_ONLY;
	     mode++) {
		assert_int_equal(ovsdb_log_open(f->path, mode, &log, error,
						sizeof error), -EBADMSG);
		assert_null(log);
		snprintf(expect, sizeof expect, "%s: corrupt record at offset "
			 "%ld: bad record checksum, with good records after "
			 "it", f->path, second);
		assert_string_equal(error, expect);
	}
	/* Nothing was cut off. */
	assert_int_equal(file_size(f->path), (long)size);
	put_byte(f->path, second + 30, before[second + 30]);
	expect_file(f->path, three, 3);

	/* A lost header: the damage is at the same offset. */
	put_byte(f->path, second, 'w');
	assert_int_equal(ovsdb_log_open(f->path, OVSDB_LOG_READ_WRITE, &log,
					error, sizeof error), -EBADMSG);
	snprintf(expect, sizeof expect, "%s: corrupt record at offset %ld: bad "
		 "record header, with good records after it", f->path, second);
	assert_string_equal(error, expect);
	free(before);
}

/* ---- failed commits ---- */

static void check_failed_commit(struct fixture *f, enum ovsdb_log_step step)
{
	struct ovsdb_log *log;
	char error[256], out[256];

	make_log(f->path, three, 2);
	long good = file_size(f->path);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	write_rec(log, "{\"lost\":1}");
	write_rec(log, "{\"lost\":2}");
	ovsdb_log_fail_next(log, step, -ENOSPC);
	assert_int_equal(ovsdb_log_commit(log), -ENOSPC);
	assert_non_null(strstr(ovsdb_log_error(log),
			       "commit failed: No space left on device"));
	assert_int_equal(file_size(f->path), good);
	/* The failed records are gone; the log goes on. */
	write_rec(log, three[2]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_close(log);
	assert_int_equal(open_quiet(f->path, OVSDB_LOG_READ_WRITE, &log, error,
				    sizeof error, out, sizeof out), 0);
	assert_string_equal(out, "");
	expect_records(log, three, 3);
	ovsdb_log_close(log);
	unlink(f->path);
}

static void test_failed_commit(void **state)
{
	check_failed_commit(*state, OVSDB_LOG_STEP_WRITE);
	check_failed_commit(*state, OVSDB_LOG_STEP_SYNC);
}

/* A real short write: the file size limit stops it part way. */
static void test_failed_commit_fsize(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log *log;
	struct rlimit old, lim;
	char big[2000];

	make_log(f->path, three, 2);
	long good = file_size(f->path);
	memset(big, 'x', sizeof big);
	big[0] = big[sizeof big - 2] = '"';
	big[sizeof big - 1] = '\0';
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	write_rec(log, big);

	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = good + 1000;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	int rc = ovsdb_log_commit(log);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, SIG_DFL);

	assert_int_equal(rc, -EFBIG);
	assert_int_equal(file_size(f->path), good);
	ovsdb_log_close(log);
	expect_file(f->path, three, 2);
}

/* ---- compaction ---- */

static const char *const compacted[] = {
	"{\"name\":\"Open_vSwitch\",\"tables\":{}}",
	"{\"snapshot\":[1,2,3,4,5]}",
	"{\"after\":6}",
};

/* A log of the schema and five transactions, open for writing. */
static struct ovsdb_log *make_five(struct fixture *f)
{
	struct ovsdb_log *log;
	char text[32];

	make_log(f->path, three, 1);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	for (int i = 1; i <= 5; i++) {
		snprintf(text, sizeof text, "{\"txn\":%d}", i);
		write_rec(log, text);
		assert_int_equal(ovsdb_log_commit(log), 0);
	}
	return log;
}

static void compact(struct ovsdb_log *log)
{
	json_t *schema = rec(compacted[0]), *snap = rec(compacted[1]);
	int rc = ovsdb_log_compact(log, schema, snap);

	json_decref(schema);
	json_decref(snap);
	if (rc)
		fail_msg("compact: %s", ovsdb_log_error(log));
}

static void test_compact(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log_stats st;
	struct ovsdb_log *log = make_five(f);
	char tmp[128];

	ovsdb_log_get_stats(log, &st);
	assert_int_equal(st.records, 6);
	assert_int_equal(st.records_since_snapshot, 4);
	compact(log);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(st.records, 2);
	assert_int_equal(st.records_since_snapshot, 0);
	assert_int_equal(st.bytes_since_snapshot, 0);
	assert_int_equal(st.bytes, file_size(f->path));
	snprintf(tmp, sizeof tmp, "%s.tmp", f->path);
	assert_int_equal(access(tmp, F_OK), -1);

	/* Appends go to the new file. */
	write_rec(log, compacted[2]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_get_stats(log, &st);
	assert_int_equal(st.records_since_snapshot, 1);
	ovsdb_log_close(log);
	expect_file(f->path, compacted, 3);
}

/* Records queued before a compaction are committed first. */
static void test_compact_commits_pending(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log *log = make_five(f);

	write_rec(log, "{\"txn\":6}");
	compact(log);
	ovsdb_log_close(log);
	expect_file(f->path, compacted, 2);
}

/* A compaction failing at 'step' leaves the old file, intact and in use. */
static void check_failed_compact(struct fixture *f, enum ovsdb_log_step step,
				 const char *msg)
{
	static const char *const six_plus[] = {
		"{\"name\":\"Open_vSwitch\",\"tables\":{}}",
		"{\"txn\":1}", "{\"txn\":2}", "{\"txn\":3}", "{\"txn\":4}",
		"{\"txn\":5}", "{\"after\":6}",
	};
	struct ovsdb_log *log = make_five(f);
	json_t *schema = rec(compacted[0]), *snap = rec(compacted[1]);
	char tmp[128];
	size_t size0, size1;
	char *before = slurp(f->path, &size0);

	snprintf(tmp, sizeof tmp, "%s.tmp", f->path);
	if (step == OVSDB_LOG_STEP_NONE)
		assert_int_equal(mkdir(tmp, 0700), 0);
	else
		ovsdb_log_fail_next(log, step, -EIO);
	assert_true(ovsdb_log_compact(log, schema, snap) < 0);
	assert_non_null(strstr(ovsdb_log_error(log), msg));
	char *after = slurp(f->path, &size1);
	assert_int_equal(size0, size1);
	assert_memory_equal(before, after, size0);
	if (step != OVSDB_LOG_STEP_NONE)
		assert_int_equal(access(tmp, F_OK), -1);

	write_rec(log, six_plus[6]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_close(log);
	expect_file(f->path, six_plus, 7);
	rmdir(tmp);
	unlink(f->path);
	json_decref(schema);
	json_decref(snap);
	free(before);
	free(after);
}

static void test_compact_fails(void **state)
{
	check_failed_compact(*state, OVSDB_LOG_STEP_NONE,
			     ".tmp: Is a directory");
	check_failed_compact(*state, OVSDB_LOG_STEP_WRITE,
			     ".tmp: Input/output error");
	check_failed_compact(*state, OVSDB_LOG_STEP_SYNC,
			     ".tmp: Input/output error");
	check_failed_compact(*state, OVSDB_LOG_STEP_RENAME,
			     "cannot rename");
}

/* After the rename the new file is the log, even if the directory sync
 * failed; the next commit retries that sync. */
static void test_compact_dir_sync_fails(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log *log = make_five(f);
	json_t *schema = rec(compacted[0]), *snap = rec(compacted[1]);

	ovsdb_log_fail_next(log, OVSDB_LOG_STEP_DIR_SYNC, -EIO);
	assert_int_equal(ovsdb_log_compact(log, schema, snap), -EIO);
	assert_non_null(strstr(ovsdb_log_error(log), "retried"));
	expect_file(f->path, compacted, 2);
	/* Not durable until the directory is: that commit fails. */
	ovsdb_log_fail_next(log, OVSDB_LOG_STEP_DIR_SYNC, -EIO);
	write_rec(log, "{\"lost\":1}");
	assert_int_equal(ovsdb_log_commit(log), -EIO);
	expect_file(f->path, compacted, 2);
	write_rec(log, compacted[2]);
	assert_int_equal(ovsdb_log_commit(log), 0);
	ovsdb_log_close(log);
	expect_file(f->path, compacted, 3);
	json_decref(schema);
	json_decref(snap);
}

/* ---- the lock ---- */

static void test_lock(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log *a, *b;
	char error[256], expect[256];

	make_log(f->path, three, 1);
	a = open_log(f->path, OVSDB_LOG_READ_WRITE);
	assert_int_equal(ovsdb_log_open(f->path, OVSDB_LOG_READ_WRITE, &b,
					error, sizeof error), -EBUSY);
	snprintf(expect, sizeof expect, "%s: in use by another process "
		 "(pid %ld)", f->path, (long)getpid());
	assert_string_equal(error, expect);

	/* A reader needs no lock. */
	b = open_log(f->path, OVSDB_LOG_READ_ONLY);
	ovsdb_log_close(b);

	/* Nor may a second writer create the file anew. */
	unlink(f->path);
	assert_int_equal(ovsdb_log_open(f->path, OVSDB_LOG_CREATE, &b, error,
					sizeof error), -EBUSY);
	ovsdb_log_close(a);
	b = open_log(f->path, OVSDB_LOG_CREATE);
	ovsdb_log_close(b);
}

/* The lock held by another process, and released when it dies. */
static void test_lock_other_process(void **state)
{
	struct fixture *f = *state;
	struct ovsdb_log *log;
	char error[256], expect[256], c;
	int to_parent[2];
	pid_t pid;

	make_log(f->path, three, 1);
	assert_int_equal(pipe(to_parent), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		log = open_log(f->path, OVSDB_LOG_READ_WRITE);
		if (write(to_parent[1], "L", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	assert_int_equal(read(to_parent[0], &c, 1), 1);
	assert_int_equal(ovsdb_log_open(f->path, OVSDB_LOG_READ_WRITE, &log,
					error, sizeof error), -EBUSY);
	snprintf(expect, sizeof expect, "%s: in use by another process "
		 "(pid %ld)", f->path, (long)pid);
	assert_string_equal(error, expect);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	log = open_log(f->path, OVSDB_LOG_READ_WRITE);
	ovsdb_log_close(log);
	close(to_parent[0]);
	close(to_parent[1]);
}

/* ---- crashes ---- */

/* Commits numbered records, a few per commit, and reports each number
 * once its commit returned.  Now and then a record is large, so that the
 * kill may land inside a write. */
static void crash_child(const char *path, int fd, uint64_t prealloc)
{
	struct ovsdb_log *log = open_log(path, OVSDB_LOG_READ_WRITE);
	enum { BIG = 200000 };
	char *text = malloc(BIG + 64);
	uint32_t seq = 0;

	ovsdb_log_set_prealloc(log, prealloc);
	for (;;) {
		int n = seq % 3 + 1;
		for (int i = 0; i < n; i++) {
			seq++;
			int pad = seq % 16 ? (int)(seq * 37 % 500) : BIG;
			snprintf(text, BIG + 64,
				 "{\"seq\":%u,\"pad\":\"%0*u\"}", seq, pad, seq);
			json_t *json = rec(text);
			if (ovsdb_log_write(log, json))
				_exit(2);
			json_decref(json);
		}
		if (ovsdb_log_commit(log))
			_exit(3);
		if (write(fd, &seq, sizeof seq) != sizeof seq)
			_exit(4);
	}
}

static void crash_once(struct fixture *f, unsigned int delay_us,
		       uint64_t prealloc)
{
	struct ovsdb_log *log;
	uint32_t acked = 0, seq;
	int fds[2];
	json_t *json;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		close(fds[0]);
		crash_child(f->path, fds[1], prealloc);
	}
	close(fds[1]);
	usleep(delay_us);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	while (read(fds[0], &seq, sizeof seq) == sizeof seq)
		acked = seq;
	close(fds[0]);

	char error[256], out[1024];
	assert_int_equal(open_quiet(f->path, OVSDB_LOG_READ_WRITE, &log, error,
				    sizeof error, out, sizeof out), 0);
	json_decref(ovsdb_log_read(log));       /* the schema */
	for (seq = 1;; seq++) {
		json = ovsdb_log_read(log);
		if (!json)
			break;
		assert_int_equal(json_integer_value(json_object_get(json,
								    "seq")),
				 seq);
		json_decref(json);
	}
	if (seq - 1 < acked)
		fail_msg("acknowledged %u records, found %u", acked, seq - 1);
	ovsdb_log_close(log);
	unlink(f->path);
}

static void test_crash(void **state)
{
	struct fixture *f = *state;

	srand(time(NULL));
	for (int i = 0; i < 20; i++) {
		make_log(f->path, three, 1);
		/* Half with zeros written ahead, some stretches smaller than a
		 * big record. */
		crash_once(f, 2000 + rand() % 60000,
			   i % 2 ? 0 : i % 4 ? 1 << 20 : 100000);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_exact_bytes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replay, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_exists, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_open_missing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_bad_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_group_commit, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_stats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_torn_header, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_torn_body, setup, teardown),
		cmocka_unit_test_setup_teardown(test_torn_bad_crc, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_torn_garbage, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_zero_tail, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zero_hole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prealloc, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prealloc_no_room, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_prealloc_torn, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_middle, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_failed_commit, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_failed_commit_fsize, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_compact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compact_commits_pending,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_compact_fails, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_compact_dir_sync_fails,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_other_process, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_crash, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
