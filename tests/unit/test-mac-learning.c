/* The MAC learning table on a fake clock: learning and moves, refresh
 * without writes, VLAN separation, aging, eviction of the least recently
 * seen entry, static entries, flushes, and learners racing readers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <pthread.h>
#include <cmocka.h>

#include "mac-learning.h"

static const uint8_t mac_a[6] = { 0x02, 0, 0, 0, 0, 0x0a };
static const uint8_t mac_b[6] = { 0x02, 0, 0, 0, 0, 0x0b };
static const uint8_t mcast[6] = { 0x01, 0, 0x5e, 0, 0, 1 };

static void mac_n(uint8_t mac[6], unsigned int n)
{
	mac[0] = 0x02;
	mac[1] = 0;
	mac[2] = n >> 24;
	mac[3] = n >> 16;
	mac[4] = n >> 8;
	mac[5] = n;
}

static void test_learn_and_move(void **state)
{
	struct mac_table *t = mac_table_create(300, 100);
	uint32_t port = 0;
	uint64_t seq;

	assert_false(mac_table_lookup(t, mac_a, 0, 0, &port));
	assert_true(mac_table_learn(t, mac_a, 0, 1, 0));
	assert_true(mac_table_lookup(t, mac_a, 0, 10, &port));
	assert_int_equal(port, 1);
	seq = mac_table_seq(t);
	/* The same port again: nothing changes, not even the sequence. */
	assert_false(mac_table_learn(t, mac_a, 0, 1, 500));
	assert_int_equal(mac_table_seq(t), seq);
	/* A move is a change. */
	assert_true(mac_table_learn(t, mac_a, 0, 2, 600));
	assert_true(mac_table_seq(t) > seq);
	assert_true(mac_table_lookup(t, mac_a, 0, 700, &port));
	assert_int_equal(port, 2);
	assert_int_equal(mac_table_count(t), 1);
	mac_table_destroy(t);
}

static void test_vlans_are_separate(void **state)
{
	struct mac_table *t = mac_table_create(300, 100);
	uint32_t port;

	assert_true(mac_table_learn(t, mac_a, 10, 1, 0));
	assert_true(mac_table_learn(t, mac_a, 20, 2, 0));
	assert_true(mac_table_lookup(t, mac_a, 10, 0, &port));
	assert_int_equal(port, 1);
	assert_true(mac_table_lookup(t, mac_a, 20, 0, &port));
	assert_int_equal(port, 2);
	assert_false(mac_table_lookup(t, mac_a, 30, 0, &port));
	assert_int_equal(mac_table_count(t), 2);
	mac_table_destroy(t);
}

static void test_multicast_never_learned(void **state)
{
	struct mac_table *t = mac_table_create(300, 100);
	uint32_t port;

	assert_false(mac_table_learn(t, mcast, 0, 1, 0));
	assert_false(mac_table_lookup(t, mcast, 0, 0, &port));
	assert_false(mac_table_add_static(t, mcast, 0, 1));
	assert_int_equal(mac_table_count(t), 0);
	mac_table_destroy(t);
}

/* An entry seen at T is gone at T + aging; refreshing pushes it back. */
static void test_aging(void **state)
{
	struct mac_table *t = mac_table_create(60, 100);
	uint32_t port;

	mac_table_learn(t, mac_a, 0, 1, 0);
	mac_table_learn(t, mac_b, 0, 2, 0);
	assert_int_equal(mac_table_next_expiry(t), 60000);
	/* Refreshed after the 1 s write-back interval. */
	assert_false(mac_table_learn(t, mac_b, 0, 2, 30000));
	assert_int_equal(mac_table_next_expiry(t), 60000);
	assert_true(mac_table_lookup(t, mac_a, 0, 59999, &port));
	assert_false(mac_table_lookup(t, mac_a, 0, 60000, &port));
	assert_int_equal(mac_table_expire(t, 60000), 1);
	assert_int_equal(mac_table_count(t), 1);
	assert_int_equal(mac_table_next_expiry(t), 90000);
	assert_true(mac_table_lookup(t, mac_b, 0, 89999, &port));
	assert_int_equal(mac_table_expire(t, 90000), 1);
	assert_int_equal(mac_table_next_expiry(t), INT64_MAX);
	mac_table_destroy(t);
}

static void test_aging_clamped(void **state)
{
	struct mac_table *t = mac_table_create(1, 100);

	assert_int_equal(mac_table_aging(t), MAC_MIN_AGING_S);
	mac_table_set_aging(t, 100000);
	assert_int_equal(mac_table_aging(t), MAC_MAX_AGING_S);
	mac_table_destroy(t);
}

/* A full table replaces its least recently seen entry. */
static void test_eviction_is_lru(void **state)
{
	struct mac_table *t = mac_table_create(300, 10);
	uint8_t mac[6];
	uint32_t port;

	for (unsigned int i = 0; i < 10; i++) {
		mac_n(mac, i);
		assert_true(mac_table_learn(t, mac, 0, i, i * 2000));
	}
	/* Entry 0 seen again: entry 1 is now the oldest. */
	mac_n(mac, 0);
	mac_table_learn(t, mac, 0, 0, 30000);
	mac_n(mac, 100);
	assert_true(mac_table_learn(t, mac, 0, 100, 31000));
	assert_int_equal(mac_table_count(t), 10);
	mac_n(mac, 1);
	assert_false(mac_table_lookup(t, mac, 0, 31000, &port));
	mac_n(mac, 0);
	assert_true(mac_table_lookup(t, mac, 0, 31000, &port));
	/* Below 10 the size is clamped: nothing more goes. */
	mac_table_set_max_entries(t, 5);
	assert_int_equal(mac_table_count(t), 10);
	mac_table_destroy(t);
}

static void test_shrink(void **state)
{
	struct mac_table *t = mac_table_create(300, 100);
	uint8_t mac[6];
	uint32_t port;

	for (unsigned int i = 0; i < 20; i++) {
		mac_n(mac, i);
		mac_table_learn(t, mac, 0, i, i * 2000);
	}
	mac_table_set_max_entries(t, 12);
	assert_int_equal(mac_table_count(t), 12);
	mac_n(mac, 7);
	assert_false(mac_table_lookup(t, mac, 0, 40000, &port));
	mac_n(mac, 8);
	assert_true(mac_table_lookup(t, mac, 0, 40000, &port));
	assert_int_equal(port, 8);
	mac_table_destroy(t);
}

static void test_static_entries(void **state)
{
	struct mac_table *t = mac_table_create(15, 10);
	uint32_t port;

	assert_true(mac_table_add_static(t, mac_a, 5, 3));
	/* Learning neither moves nor refreshes it, and it never ages. */
	assert_false(mac_table_learn(t, mac_a, 5, 4, 0));
	assert_int_equal(mac_table_expire(t, 1000000), 0);
	assert_true(mac_table_lookup(t, mac_a, 5, 1000000, &port));
	assert_int_equal(port, 3);
	assert_int_equal(mac_table_next_expiry(t), INT64_MAX);
	assert_false(mac_table_del_static(t, mac_b, 5));
	assert_true(mac_table_del_static(t, mac_a, 5));
	assert_int_equal(mac_table_count(t), 0);
	/* A learned entry becomes static when added as such. */
	mac_table_learn(t, mac_b, 0, 1, 0);
	assert_true(mac_table_add_static(t, mac_b, 0, 2));
	assert_int_equal(mac_table_count(t), 1);
	assert_true(mac_table_lookup(t, mac_b, 0, 1000000, &port));
	assert_int_equal(port, 2);
	mac_table_destroy(t);
}

static void test_flush(void **state)
{
	struct mac_table *t = mac_table_create(300, 100);
	uint64_t seq;
	uint8_t mac[6];
	uint32_t port;

	for (unsigned int i = 0; i < 30; i++) {
		mac_n(mac, i);
		mac_table_learn(t, mac, i % 3, i % 3 + 1, 0);
	}
	seq = mac_table_seq(t);
	mac_table_flush_port(t, 2);
	assert_int_equal(mac_table_count(t), 20);
	assert_true(mac_table_seq(t) > seq);
	mac_n(mac, 1);
	assert_false(mac_table_lookup(t, mac, 1, 0, &port));
	mac_n(mac, 3);
	assert_true(mac_table_lookup(t, mac, 0, 0, &port));
	mac_table_flush(t);
	assert_int_equal(mac_table_count(t), 0);
	mac_table_destroy(t);
}

static void test_snapshot_order(void **state)
{
	struct mac_table *t = mac_table_create(300, 100);
	struct mac_entry_info *e;
	size_t n;

	mac_table_learn(t, mac_a, 7, 1, 1000);
	mac_table_learn(t, mac_b, 8, 2, 5000);
	mac_table_learn(t, mac_a, 7, 1, 9000);       /* now the newest */
	e = mac_table_snapshot(t, 12000, &n);
	assert_int_equal(n, 2);
	assert_memory_equal(e[0].mac, mac_b, 6);
	assert_int_equal(e[0].vlan, 8);
	assert_int_equal(e[0].port, 2);
	assert_int_equal(e[0].age_s, 7);
	assert_memory_equal(e[1].mac, mac_a, 6);
	assert_int_equal(e[1].age_s, 3);
	free(e);
	mac_table_destroy(t);
}

/* Many addresses: every one is found where it was learned. */
static void test_many(void **state)
{
	struct mac_table *t = mac_table_create(300, 50000);
	uint8_t mac[6];
	uint32_t port;

	for (unsigned int i = 0; i < 40000; i++) {
		mac_n(mac, i * 7919);
		assert_true(mac_table_learn(t, mac, i % 4095, i, 0));
	}
	assert_int_equal(mac_table_count(t), 40000);
	for (unsigned int i = 0; i < 40000; i++) {
		mac_n(mac, i * 7919);
		assert_true(mac_table_lookup(t, mac, i % 4095, 0, &port));
		assert_int_equal(port, i);
	}
	mac_table_destroy(t);
}

struct race {
	struct mac_table *t;
	unsigned int id;
	unsigned int wrong;
};

static void *race_thread(void *arg)
{
	struct race *r = arg;
	uint8_t mac[6];
	uint32_t port;

	for (unsigned int i = 0; i < 200000; i++) {
		unsigned int n = (i * 31 + r->id) % 500;

		mac_n(mac, n);
		if (r->id & 1) {
			mac_table_learn(r->t, mac, 0, n % 7, i);
		} else if (mac_table_lookup(r->t, mac, 0, i, &port) &&
			   port != n % 7) {
			r->wrong++;
		}
		if (i % 10000 == 0)
			mac_table_expire(r->t, i);
	}
	return NULL;
}

/* Learners and readers at once (run under TSan too). */
static void test_concurrent(void **state)
{
	struct mac_table *t = mac_table_create(300, 400);
	struct race r[4];
	pthread_t th[4];

	for (int i = 0; i < 4; i++) {
		r[i] = (struct race){ t, i, 0 };
		pthread_create(&th[i], NULL, race_thread, &r[i]);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(r[i].wrong, 0);
	}
	assert_true(mac_table_count(t) <= 400);
	mac_table_destroy(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_learn_and_move),
		cmocka_unit_test(test_vlans_are_separate),
		cmocka_unit_test(test_multicast_never_learned),
		cmocka_unit_test(test_aging),
		cmocka_unit_test(test_aging_clamped),
		cmocka_unit_test(test_eviction_is_lru),
		cmocka_unit_test(test_shrink),
		cmocka_unit_test(test_static_entries),
		cmocka_unit_test(test_flush),
		cmocka_unit_test(test_snapshot_order),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_concurrent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
