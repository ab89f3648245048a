/* Log modules: vlog/set specs with OVS's error messages (and no change on
 * error), the vlog/list table, level filtering per destination, the file
 * destination and its reopening after a move, rate limiting against a fake
 * clock, and disabled levels not evaluating their arguments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "temp-file.h"
#include "vlog.h"

LOG_MODULE(test_alpha);
LOG_MODULE(test_beta);

static void reset(void)
{
	vlog_set_all(LOG_INFO);
	free(vlog_set_spec("syslog:off"));
}

static void assert_levels(struct vlog_module *m, enum log_level console,
			  enum log_level syslog, enum log_level file)
{
	assert_int_equal(vlog_get_level(m, VLOG_CONSOLE), console);
	assert_int_equal(vlog_get_level(m, VLOG_SYSLOG), syslog);
	assert_int_equal(vlog_get_level(m, VLOG_FILE), file);
}

static void assert_spec_error(const char *spec, const char *want)
{
	char *err = vlog_set_spec(spec);

	assert_non_null(err);
	assert_string_equal(err, want);
	free(err);
}

static void test_spec_errors(void **state)
{
	reset();
	assert_spec_error("foo:bar", "no destination, level, or module \"foo\"");
	assert_spec_error("ANY:file:xx",
			  "no destination, level, or module \"xx\"");
	assert_spec_error("test_alpha:file:dbg extra",
			  "no destination, level, or module \"extra\"");
	assert_spec_error("ANY:console:file",
			  "cannot specify multiple destinations");
	assert_spec_error("dbg:warn", "cannot specify multiple levels");
	assert_spec_error("test_alpha:test_beta",
			  "cannot specify multiple modules");
	assert_spec_error("FACILITY:foo", "invalid facility");
	assert_spec_error("FACILITY", "invalid facility");
	assert_spec_error("PATTERN:bad:x", "unknown destination \"bad\"");
	assert_spec_error("PATTERN", "missing destination");
	/* A word that fails after good ones changes nothing. */
	assert_levels(&log_module_test_alpha, LOG_INFO, LOG_OFF, LOG_INFO);
}

static void test_spec_set(void **state)
{
	char *err;

	reset();
	assert_null(vlog_set_spec("test_alpha:file:dbg"));
	assert_levels(&log_module_test_alpha, LOG_INFO, LOG_OFF, LOG_DBG);
	assert_levels(&log_module_test_beta, LOG_INFO, LOG_OFF, LOG_INFO);
	assert_null(vlog_set_spec("CONSOLE,WARN"));
	assert_levels(&log_module_test_beta, LOG_WARN, LOG_OFF, LOG_INFO);
	/* No level means dbg; "ANY" is a wildcard anywhere. */
	assert_null(vlog_set_spec("ANY:test_beta"));
	assert_levels(&log_module_test_beta, LOG_DBG, LOG_DBG, LOG_DBG);
	assert_null(vlog_set_spec("test_beta:syslog:emer"));
	assert_levels(&log_module_test_beta, LOG_DBG, LOG_EMER, LOG_DBG);
	assert_null(vlog_set_spec("FACILITY:local3"));
	err = vlog_set_spec("");
	assert_null(err);
	assert_levels(&log_module_test_alpha, LOG_DBG, LOG_DBG, LOG_DBG);
	reset();
}

static void test_list(void **state)
{
	static const char head[] =
		"                 console    syslog    file\n"
		"                 -------    ------    ------\n";
	char *s;

	reset();
	assert_null(vlog_set_spec("test_alpha:console:off"));
	assert_null(vlog_set_spec("test_beta:file:emer"));
	s = vlog_list();
	assert_memory_equal(s, head, strlen(head));
	assert_non_null(strstr(s, "\ntest_alpha         OFF        OFF"
				  "       INFO\n"
				  "test_beta         INFO        OFF"
				  "       EMER\n"));
	free(s);
}

/* Runs 'fn' with stderr going to a scratch file; returns what it wrote. */
static char *capture_stderr(void (*fn)(void))
{
	char path[64], *buf = calloc(1, 4096);
	int fd = temp_file(path, sizeof path, "vlog-err");
	int saved = dup(STDERR_FILENO);

	assert_true(fd >= 0 && saved >= 0 && buf);
	dup2(fd, STDERR_FILENO);
	fn();
	dup2(saved, STDERR_FILENO);
	close(saved);
	assert_true(pread(fd, buf, 4095, 0) >= 0);
	close(fd);
	unlink(path);
	return buf;
}

static void log_levels(void)
{
	VLOG(test_alpha, LOG_DBG, "debug %d", 1);
	VLOG(test_alpha, LOG_INFO, "info %d", 2);
	VLOG(test_alpha, LOG_WARN, "warn %d", 3);
	VLOG(test_beta, LOG_DBG, "beta debug");
	log_msg(LOG_ERR, "default %s", "module");
}

static void test_console_filter(void **state)
{
	char *out;

	reset();
	log_set_program("test-vlog");
	assert_null(vlog_set_spec("test_alpha:console:warn"));
	assert_null(vlog_set_spec("test_beta:dbg"));
	out = capture_stderr(log_levels);
	assert_null(strstr(out, "debug 1"));
	assert_null(strstr(out, "info 2"));
	assert_non_null(strstr(out, "|test_alpha|WARN|warn 3\n"));
	assert_non_null(strstr(out, "|test_beta|DBG|beta debug\n"));
	assert_non_null(strstr(out, "|test-vlog|ERR|default module\n"));
	/* "TIME|" leads each line: 2026-11-22T07:10:00.000Z. */
	assert_int_equal(out[10], 'T');
	assert_int_equal(out[23], 'Z');
	assert_int_equal(out[24], '|');
	free(out);
	reset();
}

static int evaluated;

static int side_effect(void)
{
	return ++evaluated;
}

static void test_disabled_not_evaluated(void **state)
{
	reset();
	VLOG(test_alpha, LOG_DBG, "%d", side_effect());
	assert_int_equal(evaluated, 0);
	assert_false(vlog_is_enabled(&log_module_test_alpha, LOG_DBG));
	assert_true(vlog_is_enabled(&log_module_test_alpha, LOG_INFO));
	assert_false(vlog_is_enabled(&log_module_test_alpha, LOG_OFF));
}

static char *slurp(const char *path)
{
	char *buf = calloc(1, 4096);
	int fd = open(path, O_RDONLY);

	assert_true(fd >= 0 && buf);
	assert_true(read(fd, buf, 4095) >= 0);
	close(fd);
	return buf;
}

static void test_file_and_reopen(void **state)
{
	char path[64], moved[80], *s;
	int saved = dup(STDERR_FILENO);
	int fd = temp_file(path, sizeof path, "vlog-file");

	assert_true(fd >= 0 && saved >= 0);
	reset();
	assert_int_equal(vlog_reopen(), -EBADF);
	assert_int_equal(vlog_set_log_file(path, -1), -EBADF);
	assert_int_equal(vlog_set_log_file(path, fd), 0);
	assert_null(vlog_set_spec("test_alpha:file:dbg"));
	assert_null(vlog_set_spec("test_alpha:console:off"));
	VLOG(test_alpha, LOG_DBG, "first");
	VLOG(test_beta, LOG_DBG, "hidden");
	snprintf(moved, sizeof moved, "%s.1", path);
	assert_int_equal(rename(path, moved), 0);
	assert_int_equal(vlog_reopen(), 0);
	VLOG(test_alpha, LOG_DBG, "second");
	dup2(saved, STDERR_FILENO);
	close(saved);

	s = slurp(moved);
	assert_non_null(strstr(s, "|test_alpha|DBG|first\n"));
	assert_null(strstr(s, "hidden"));
	assert_null(strstr(s, "second"));
	free(s);
	s = slurp(path);
	assert_non_null(strstr(s, "|test_alpha|DBG|second\n"));
	assert_null(strstr(s, "first"));
	free(s);
	vlog_close_log_file();
	assert_int_equal(vlog_reopen(), -EBADF);
	unlink(path);
	unlink(moved);
	reset();
}

static long long fake_now;

static long long fake_clock(void)
{
	return fake_now;
}

static void test_rate_limit(void **state)
{
	struct vlog_rate_limit rl = VLOG_RATE_LIMIT_INIT(6, 3);
	unsigned int dropped;
	int i;

	vlog_set_clock(fake_clock);
	fake_now = 1000;
	for (i = 0; i < 3; i++) {
		assert_true(vlog_rate_limit_take(&rl, &dropped));
		assert_int_equal(dropped, 0);
	}
	assert_false(vlog_rate_limit_take(&rl, &dropped));
	assert_false(vlog_rate_limit_take(&rl, &dropped));
	/* 6 a minute: one more every 10 s. */
	fake_now += 9999;
	assert_false(vlog_rate_limit_take(&rl, &dropped));
	fake_now += 1;
	assert_true(vlog_rate_limit_take(&rl, &dropped));
	assert_int_equal(dropped, 3);
	assert_false(vlog_rate_limit_take(&rl, &dropped));
	/* A long pause refills only up to the burst. */
	fake_now += 3600 * 1000;
	for (i = 0; i < 3; i++)
		assert_true(vlog_rate_limit_take(&rl, &dropped));
	assert_int_equal(dropped, 0);
	assert_false(vlog_rate_limit_take(&rl, &dropped));
	vlog_set_clock(NULL);
}

static void log_flood(void)
{
	for (int i = 0; i < 100; i++)
		LOG_RL(test_alpha, LOG_WARN, "flood %d", i);
}

static void test_rate_limit_macro(void **state)
{
	char *out;

	reset();
	vlog_set_clock(fake_clock);
	fake_now = 5000;
	out = capture_stderr(log_flood);
	assert_non_null(strstr(out, "flood 19\n"));
	assert_null(strstr(out, "flood 20\n"));
	free(out);
	vlog_set_clock(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_errors),
		cmocka_unit_test(test_spec_set),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_console_filter),
		cmocka_unit_test(test_disabled_not_evaluated),
		cmocka_unit_test(test_file_and_reopen),
		cmocka_unit_test(test_rate_limit),
		cmocka_unit_test(test_rate_limit_macro),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
