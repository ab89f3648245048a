/* The megaflow records' indexes: lookups by UFID, the ukeys a modified or
 * deleted rule affects, and the ukeys a new rule can affect (priority,
 * overlap, flows changed before the lookup), checked against a brute-force
 * scan while ukeys come and go at random. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ukey.h"

static int rules[64];   /* their addresses stand for rules */

static struct flow_ufid ufid_n(uint64_t n)
{
	struct flow_ufid u = { { n * 0x9e3779b97f4a7c15ULL, n } };

	return u;
}

/* A megaflow matching in_port exactly and, when 'nw' is nonzero, nw_dst
 * exactly. */
static void megaflow(struct of_match *m, uint32_t in_port, uint32_t nw)
{
	memset(m, 0, sizeof *m);
	m->flow.in_port = in_port;
	m->mask.in_port = UINT32_MAX;
	if (nw) {
		m->flow.nw_dst = nw;
		m->mask.nw_dst = UINT32_MAX;
	}
}

static struct ukey *make(uint64_t n, uint32_t in_port, uint32_t nw,
			 const struct ukey_visit *visits, size_t n_visits)
{
	struct flow_ufid ufid = ufid_n(n);
	struct of_match m;

	megaflow(&m, in_port, nw);
	return ukey_create(&ufid, &m,
			   visits, n_visits, NULL, 0, "\x01\x02", 2, 1);
}

struct collected {
	struct ukey *v[4096];
	size_t n;
};

static void collect(struct ukey *uk, void *aux)
{
	struct collected *c = aux;

	c->v[c->n++] = uk;
}

static void clean(struct ukey_map *map, struct collected *c)
{
	ukey_map_lock(map);
	for (size_t i = 0; i < c->n; i++)
		c->v[i]->dirty = false;
	ukey_map_unlock(map);
	c->n = 0;
}

static void test_insert_find_remove(void **state)
{
	struct ukey_map *map = ukey_map_create();
	struct ukey_visit v = { &rules[0], 10, 0, false };
	struct ukey *a = make(1, 1, 0, &v, 1), *dup = make(1, 2, 0, &v, 1);

	assert_true(ukey_map_insert(map, a));
	assert_false(ukey_map_insert(map, dup));
	assert_ptr_equal(ukey_map_find(map, &a->ufid), a);
	assert_null(ukey_map_find(map, &(struct flow_ufid){ { 5, 5 } }));
	assert_int_equal(ukey_map_count(map), 1);
	assert_memory_equal(a->actions, "\x01\x02", 2);
	ukey_map_remove(map, a);
	assert_null(ukey_map_find(map, &a->ufid));
	assert_int_equal(ukey_map_count(map), 0);
	ukey_destroy(a);
	ukey_destroy(dup);
	ukey_map_destroy(map);
}

static void test_rule_changed(void **state)
{
	struct ukey_map *map = ukey_map_create();
	struct ukey_visit v0[] = { { &rules[0], 10, 0, false },
				   { &rules[1], 5, 1, false } };
	struct ukey_visit v1[] = { { &rules[1], 5, 1, false } };
	struct ukey *a = make(1, 1, 0, v0, 2), *b = make(2, 2, 0, v1, 1);
	struct collected c = { .n = 0 };

	ukey_map_insert(map, a);
	ukey_map_insert(map, b);
	assert_int_equal(ukey_map_rule_changed(map, &rules[0], collect, &c), 1);
	assert_ptr_equal(c.v[0], a);
	assert_true(a->dirty);
	/* Already dirty: not reported again until the revalidator is done. */
	c.n = 0;
	assert_int_equal(ukey_map_rule_changed(map, &rules[1], collect, &c), 1);
	assert_ptr_equal(c.v[0], b);
	clean(map, &c);
	a->dirty = false;
	assert_int_equal(ukey_map_rule_changed(map, &rules[1], collect, &c), 2);
	assert_int_equal(ukey_map_rule_changed(map, &rules[2], collect, &c), 0);
	clean(map, &c);
	ukey_map_remove(map, a);
	assert_int_equal(ukey_map_rule_changed(map, &rules[1], collect, &c), 1);
	assert_ptr_equal(c.v[0], b);
	ukey_map_remove(map, b);
	assert_int_equal(ukey_map_rule_changed(map, &rules[1], NULL, NULL), 0);
	ukey_destroy(a);
	ukey_destroy(b);
	ukey_map_destroy(map);
}

/* A new rule affects lookups that found something of lower priority, or
 * nothing, and whose packets it could match. */
static void test_rule_added(void **state)
{
	struct ukey_map *map = ukey_map_create();
	struct ukey_visit hit10 = { &rules[0], 10, 0, false };
	struct ukey_visit miss = { NULL, -1, 0, false };
	struct ukey_visit changed = { &rules[0], 10, 0, true };
	struct ukey *a = make(1, 1, 0x0a000001, &hit10, 1);
	struct ukey *b = make(2, 2, 0x0a000002, &miss, 1);
	struct ukey *c = make(3, 3, 0, &changed, 1);
	struct collected col = { .n = 0 };
	struct of_match r;

	ukey_map_insert(map, a);
	ukey_map_insert(map, b);
	ukey_map_insert(map, c);

	/* in_port=1 at priority 20: a only (b and c came from other ports,
	 * but c's flow was changed before its lookup: assumed to overlap). */
	megaflow(&r, 1, 0);
	assert_int_equal(ukey_map_rule_added(map, 0, 20, &r, collect, &col), 2);
	assert_true(a->dirty && c->dirty && !b->dirty);
	clean(map, &col);
	/* Priority 10 does not beat a's rule; b missed, so it does. */
	memset(&r, 0, sizeof r);
	assert_int_equal(ukey_map_rule_added(map, 0, 10, &r, collect, &col), 1);
	assert_ptr_equal(col.v[0], b);
	clean(map, &col);
	/* nw_dst=10.0.0.2 with any port: b; another table: none. */
	megaflow(&r, 0, 0x0a000002);
	r.mask.in_port = 0;
	assert_int_equal(ukey_map_rule_added(map, 0, 11, &r, collect, &col), 2);
	clean(map, &col);
	assert_int_equal(ukey_map_rule_added(map, 1, 11, &r, collect, &col), 0);
	/* A field the megaflow did not match can always overlap. */
	memset(&r, 0, sizeof r);
	r.flow.tp_dst = 80;
	r.mask.tp_dst = 0xffff;
	assert_int_equal(ukey_map_rule_added(map, 0, 100, &r, collect, &col), 3);
	clean(map, &col);

	ukey_map_remove(map, a);
	ukey_map_remove(map, b);
	ukey_map_remove(map, c);
	ukey_destroy(a);
	ukey_destroy(b);
	ukey_destroy(c);
	ukey_map_destroy(map);
}

static bool brute_changed(const struct ukey *uk, const void *rule)
{
	for (size_t i = 0; i < uk->n_visits; i++)
		if (uk->visits[i].rule == rule)
			return true;
	return false;
}

static bool brute_added(const struct ukey *uk, uint8_t table, int priority,
			uint32_t port)
{
	for (size_t i = 0; i < uk->n_visits; i++) {
		const struct ukey_visit *v = &uk->visits[i];

		if (v->table_id == table && v->priority < priority &&
		    (v->flow_changed || uk->match.flow.in_port == port))
			return true;
	}
	return false;
}

/* Ukeys come and go at random; the indexes always agree with a scan. */
static void test_random_against_scan(void **state)
{
	enum { N = 600 };
	struct ukey_map *map = ukey_map_create();
	struct ukey *live[N] = { NULL };
	struct collected col = { .n = 0 };

	srand(7);
	for (int round = 0; round < 20000; round++) {
		size_t i = rand() % N;

		if (live[i]) {
			ukey_map_remove(map, live[i]);
			ukey_destroy(live[i]);
			live[i] = NULL;
		} else {
			struct ukey_visit v[3];
			size_t n = 1 + rand() % 3;

			for (size_t k = 0; k < n; k++) {
				int r = rand() % 9;

				v[k] = (struct ukey_visit){
					r ? &rules[r] : NULL, r ? r * 10 : -1,
					rand() % 3, rand() % 8 == 0 };
			}
			live[i] = make(i + 1, rand() % 5, 0, v, n);
			assert_true(ukey_map_insert(map, live[i]));
		}
		if (round % 97)
			continue;

		const void *rule = &rules[rand() % 9];
		uint8_t table = rand() % 3;
		int prio = rand() % 100;
		uint32_t port = rand() % 5;
		struct of_match m;
		size_t expect = 0;

		for (size_t k = 0; k < N; k++)
			expect += live[k] && brute_changed(live[k], rule);
		assert_int_equal(ukey_map_rule_changed(map, rule, collect,
						       &col), expect);
		clean(map, &col);
		megaflow(&m, port, 0);
		expect = 0;
		for (size_t k = 0; k < N; k++)
			expect += live[k] && brute_added(live[k], table, prio,
							 port);
		assert_int_equal(ukey_map_rule_added(map, table, prio, &m,
						     collect, &col), expect);
		clean(map, &col);
	}
	for (size_t i = 0; i < N; i++) {
		if (live[i]) {
			assert_ptr_equal(ukey_map_find(map, &live[i]->ufid),
					 live[i]);
			ukey_map_remove(map, live[i]);
			ukey_destroy(live[i]);
		}
	}
	assert_int_equal(ukey_map_count(map), 0);
	ukey_map_destroy(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_find_remove),
		cmocka_unit_test(test_rule_changed),
		cmocka_unit_test(test_rule_added),
		cmocka_unit_test(test_random_against_scan),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
