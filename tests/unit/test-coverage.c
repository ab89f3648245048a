/* Coverage counters counted from several threads at once, the
 * coverage/show layout and its rates over sampled intervals, and the
 * memory/show registry. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "coverage.h"
#include "memory.h"

COVERAGE_DEFINE(test_hits);
COVERAGE_DEFINE(test_threads);
COVERAGE_DEFINE(test_never);

#define N_THREADS 4
#define N_PER_THREAD 200000

static void *count(void *aux)
{
	for (int i = 0; i < N_PER_THREAD; i++)
		COVERAGE_INC(test_threads);
	return aux;
}

static void test_threads_count(void **state)
{
	pthread_t t[N_THREADS];

	for (int i = 0; i < N_THREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, count, NULL), 0);
	for (int i = 0; i < N_THREADS; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(coverage_read(&coverage_test_threads),
			 N_THREADS * N_PER_THREAD);
}

static void test_show(void **state)
{
	char *s;
	int i;

	/* 10 in the first interval, then 12 samples of 5 each: the last
	 * minute holds 60 hits, the hour one full minute's 65 (and all of
	 * test_threads' hits, counted before the first sample). */
	COVERAGE_ADD(test_hits, 10);
	coverage_sample();
	for (i = 0; i < 12; i++) {
		COVERAGE_ADD(test_hits, 5);
		coverage_sample();
	}
	s = coverage_show();
	assert_true(!strncmp(s, "Event coverage, avg rate over last: 5 "
			     "seconds, last minute, last hour,  hash=", 73));
	assert_non_null(strstr(s, ":\n"));
	assert_non_null(strstr(s, "\ntest_hits                  1.0/sec "
				  "    1.000/sec        0.0181/sec   "
				  "total: 70\n"));
	assert_non_null(strstr(s, "\ntest_threads               0.0/sec "
				  "    0.000/sec      222.2222/sec   "
				  "total: 800000\n"));
	assert_null(strstr(s, "test_never"));
	assert_non_null(strstr(s, "\n1 events never hit\n"));
	free(s);
}

static unsigned long long report(void *aux)
{
	return *(unsigned long long *)aux;
}

static void test_memory(void **state)
{
	unsigned long long ports = 3, rules = 40, other = 7;
	char *s;

	s = memory_show();
	assert_string_equal(s, "\n");
	free(s);
	memory_report_register("rules", report, &rules);
	memory_report_register("ports", report, &ports);
	memory_report_register("handlers", report, &other);
	s = memory_show();
	assert_string_equal(s, "handlers:7 ports:3 rules:40\n");
	free(s);
	rules = 41;
	memory_report_register("handlers", report, &ports);
	memory_report_unregister("ports");
	memory_report_unregister("nothing");
	s = memory_show();
	assert_string_equal(s, "handlers:3 rules:41\n");
	free(s);
	memory_report_unregister("handlers");
	memory_report_unregister("rules");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_count),
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
