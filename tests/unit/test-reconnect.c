/* The reconnect state machine on a fake clock: first attempt at once,
 * backoff doubling to its bound and reset by a lasting connection, probes
 * after silence and a disconnect when a probe goes unanswered, a connect
 * that hangs, and the poll timeouts that drive it all. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <cmocka.h>

#include "reconnect.h"

static void test_first_attempt_at_once(void **state)
{
	struct reconnect r;

	reconnect_init(&r);
	assert_int_equal(reconnect_run(&r, 0), RECONNECT_NONE);
	assert_int_equal(reconnect_timeout(&r, 0), -1);
	reconnect_enable(&r, 1000);
	assert_int_equal(reconnect_timeout(&r, 1000), 0);
	assert_int_equal(reconnect_run(&r, 1000), RECONNECT_CONNECT);
	reconnect_connecting(&r, 1000);
	reconnect_connected(&r, 1005);
	assert_true(reconnect_is_connected(&r));
	assert_string_equal(reconnect_state_name(r.state), "ACTIVE");
	assert_int_equal(r.n_attempts, 1);
	assert_int_equal(r.n_connections, 1);
}

/* Each failure waits twice as long as the one before, up to the bound. */
static void test_backoff_doubles(void **state)
{
	static const int waits[] = { 1000, 2000, 4000, 8000, 8000 };
	struct reconnect r;
	int64_t now = 0;

	reconnect_init(&r);
	reconnect_enable(&r, now);
	for (size_t i = 0; i < sizeof waits / sizeof *waits; i++) {
		assert_int_equal(reconnect_run(&r, now), RECONNECT_CONNECT);
		reconnect_connecting(&r, now);
		reconnect_connect_failed(&r, now, -ECONNREFUSED);
		assert_int_equal(reconnect_timeout(&r, now), waits[i]);
		assert_int_equal(reconnect_run(&r, now + waits[i] - 1),
				 RECONNECT_NONE);
		now += waits[i];
	}
	assert_int_equal(r.last_error, -ECONNREFUSED);
}

/* A connection that lasted longer than the backoff resets it; a short one
 * does not. */
static void test_backoff_reset(void **state)
{
	struct reconnect r;

	reconnect_init(&r);
	reconnect_set_probe_interval(&r, 0);
	reconnect_enable(&r, 0);
	for (int i = 0; i < 3; i++) {     /* backoff now 4 s */
		reconnect_connecting(&r, 0);
		reconnect_connect_failed(&r, 0, -ECONNREFUSED);
	}
	reconnect_connecting(&r, 0);
	reconnect_connected(&r, 0);
	reconnect_disconnected(&r, 1000, -EPIPE);   /* up 1 s: short */
	assert_int_equal(reconnect_timeout(&r, 1000), 8000);
	reconnect_connecting(&r, 9000);
	reconnect_connected(&r, 9000);
	reconnect_disconnected(&r, 60000, -EPIPE);  /* up 51 s */
	assert_int_equal(reconnect_timeout(&r, 60000), 1000);
}

static void test_probe_then_disconnect(void **state)
{
	struct reconnect r;

	reconnect_init(&r);
	reconnect_set_probe_interval(&r, 5000);
	reconnect_enable(&r, 0);
	reconnect_connecting(&r, 0);
	reconnect_connected(&r, 0);
	reconnect_activity(&r, 3000);
	assert_int_equal(reconnect_timeout(&r, 3000), 5000);
	assert_int_equal(reconnect_run(&r, 7999), RECONNECT_NONE);
	assert_int_equal(reconnect_run(&r, 8000), RECONNECT_PROBE);
	assert_string_equal(reconnect_state_name(r.state), "IDLE");
	/* The answer comes: active again, and a new quiet period. */
	reconnect_activity(&r, 8500);
	assert_string_equal(reconnect_state_name(r.state), "ACTIVE");
	assert_int_equal(reconnect_run(&r, 13500), RECONNECT_PROBE);
	/* This one goes unanswered. */
	assert_int_equal(reconnect_run(&r, 18499), RECONNECT_NONE);
	assert_int_equal(reconnect_run(&r, 18500), RECONNECT_DISCONNECT);
	assert_false(reconnect_is_connected(&r));
	assert_int_equal(r.last_error, -ETIMEDOUT);
	assert_int_equal(reconnect_run(&r, 18500 + reconnect_timeout(&r, 18500)),
			 RECONNECT_CONNECT);
}

static void test_connect_hangs(void **state)
{
	struct reconnect r;

	reconnect_init(&r);
	reconnect_enable(&r, 0);
	reconnect_connecting(&r, 0);
	assert_int_equal(reconnect_run(&r, 999), RECONNECT_NONE);
	assert_int_equal(reconnect_run(&r, 1000), RECONNECT_DISCONNECT);
	assert_string_equal(reconnect_state_name(r.state), "BACKOFF");
	assert_int_equal(r.last_error, -ETIMEDOUT);
}

static void test_disable_and_force(void **state)
{
	struct reconnect r;

	reconnect_init(&r);
	reconnect_enable(&r, 0);
	reconnect_connecting(&r, 0);
	reconnect_connect_failed(&r, 0, -ENETUNREACH);
	reconnect_force_reconnect(&r, 10);
	assert_int_equal(reconnect_run(&r, 10), RECONNECT_CONNECT);
	reconnect_disable(&r, 20);
	assert_int_equal(reconnect_run(&r, 100000), RECONNECT_NONE);
	reconnect_connected(&r, 30);      /* late news of a dropped attempt */
	assert_false(reconnect_is_connected(&r));
	reconnect_set_probe_interval(&r, 10);
	assert_int_equal(r.probe_interval, 1000);
	reconnect_set_backoff(&r, 500, 100);
	assert_int_equal(r.max_backoff, 500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_attempt_at_once),
		cmocka_unit_test(test_backoff_doubles),
		cmocka_unit_test(test_backoff_reset),
		cmocka_unit_test(test_probe_then_disconnect),
		cmocka_unit_test(test_connect_hangs),
		cmocka_unit_test(test_disable_and_force),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
