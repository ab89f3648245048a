/* The megaflow table and the exact-match cache: masks and subtables, put
 * semantics, the flow limit, ranking, resizes, statistics, dumps, the EMC,
 * and lookups from reader threads that must never go wrong while a writer
 * churns the table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <cmocka.h>

#include "flow-emc.h"
#include "flow-table.h"

/* Keys: the fields below are enough to give masks distinct shapes. */
struct fields {
	u32 in_port;
	u32 src, dst;                   /* IPv4, host order */
	u16 sport, dport;
	u8 proto;
};

static struct flow_key make_key(const struct fields *f)
{
	struct flow_key k;

	memset(&k, 0, sizeof(k));
	k.in_port = f->in_port;
	k.eth_type = DP_BE16(ETH_TYPE_IP);
	k.eth_src[5] = 0x11;
	k.eth_dst[5] = 0x22;
	k.ip.proto = f->proto;
	k.ip.ttl = 64;
	k.ipv4.src = cpu_to_be32(f->src);
	k.ipv4.dst = cpu_to_be32(f->dst);
	k.tp.src = cpu_to_be16(f->sport);
	k.tp.dst = cpu_to_be16(f->dport);
	return k;
}

enum {
	M_IN_PORT = 1 << 0,
	M_ETH_TYPE = 1 << 1,
	M_PROTO = 1 << 2,
	M_SRC = 1 << 3,
	M_DST = 1 << 4,
	M_SPORT = 1 << 5,
	M_DPORT = 1 << 6,
	M_DST24 = 1 << 7,               /* a /24 prefix of dst */
};

static struct flow_key make_mask(unsigned int bits)
{
	struct flow_key m;

	memset(&m, 0, sizeof(m));
	if (bits & M_IN_PORT)
		m.in_port = ~0U;
	if (bits & M_ETH_TYPE)
		m.eth_type = 0xffff;
	if (bits & M_PROTO)
		m.ip.proto = 0xff;
	if (bits & M_SRC)
		m.ipv4.src = ~0U;
	if (bits & M_DST)
		m.ipv4.dst = ~0U;
	if (bits & M_DST24)
		m.ipv4.dst = cpu_to_be32(0xffffff00);
	if (bits & M_SPORT)
		m.tp.src = 0xffff;
	if (bits & M_DPORT)
		m.tp.dst = 0xffff;
	return m;
}

static bool key_matches(const struct flow_key *key, const struct flow *flow)
{
	const dp_word *k = flow_key_words(key);
	const dp_word *m = flow_key_words(flow_mask(flow));
	const dp_word *f = flow_key_words(&flow->key);
	size_t i;

	for (i = 0; i < FLOW_KEY_WORDS; i++)
		if ((k[i] & m[i]) != f[i])
			return false;
	return true;
}

static struct flow_actions *acts_for(u32 id)
{
	return flow_actions_alloc(&id, sizeof(id));
}

static u32 acts_id(const struct flow *flow)
{
	u32 id;

	memcpy(&id, flow_get_actions(flow)->data, sizeof(id));
	return id;
}

static struct flow_ufid ufid_for(u64 n)
{
	struct flow_ufid u = { { n * 0x9e3779b97f4a7c15ULL + 1, ~n } };

	return u;
}

/* Inserts key 'f' under 'mask_bits' with actions 'id'; asserts success. */
static struct flow *add(struct flow_table *t, const struct fields *f,
			unsigned int mask_bits, u32 id,
			const struct flow_ufid *ufid)
{
	struct flow_key key = make_key(f), mask = make_mask(mask_bits);
	struct flow_actions *acts = acts_for(id);
	struct flow *flow = NULL;

	assert_int_equal(flow_table_insert(t, &key, &mask, ufid, acts, &flow), 0);
	assert_non_null(flow);
	return flow;
}

/* The flow for 'key' under 'mask' with actions 'id', or NULL if the table
 * refuses it. */
static struct flow *try_add(struct flow_table *t, const struct flow_key *key,
			    const struct flow_key *mask, u32 id)
{
	struct flow_actions *acts = acts_for(id);
	struct flow *flow;

	if (!flow_table_insert(t, key, mask, NULL, acts, &flow))
		return flow;
	flow_actions_free(acts);
	return NULL;
}

/* Random small values: few distinct keys, so that masks overlap. */
static struct fields random_fields(int range)
{
	struct fields f = {
		.in_port = rand() % range, .src = rand() % (range * 2),
		.dst = 0x0a000000 | (rand() % range) << 8 | rand() % range,
		.sport = rand() % range, .dport = rand() % range,
		.proto = rand() % 2 ? 6 : 17,
	};

	return f;
}

static struct flow *lookup(struct flow_table *t, const struct fields *f)
{
	struct flow_key key = make_key(f);
	struct flow *flow;

	rcu_read_lock();
	flow = flow_table_lookup(t, &key);
	rcu_read_unlock();
	return flow;
}

static int setup(void **state)
{
	struct flow_table *t = malloc(sizeof(*t));

	if (!t || flow_table_init(t, 0))
		return -1;
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	flow_table_destroy(*state);
	free(*state);
	return 0;
}

/* Each key finds the flow of its own mask; fields outside a mask do not
 * matter. */
static void test_masks(void **state)
{
	struct flow_table *t = *state;
	struct fields a = { .in_port = 1, .dst = 0x0a000001, .proto = 6,
			    .dport = 80 };
	struct fields b = { .in_port = 2, .dst = 0x0a000102, .proto = 17 };
	struct fields c = { .in_port = 3, .proto = 6, .dport = 22 };
	struct flow *fa, *fb, *fc;
	struct fields x;

	fa = add(t, &a, M_IN_PORT | M_ETH_TYPE | M_DST, 1, NULL);
	fb = add(t, &b, M_IN_PORT | M_DST24, 2, NULL);
	fc = add(t, &c, M_IN_PORT | M_PROTO | M_DPORT, 3, NULL);
	assert_int_equal(flow_table_n_masks(t), 3);
	assert_int_equal(flow_table_count(t), 3);

	assert_ptr_equal(lookup(t, &a), fa);
	assert_ptr_equal(lookup(t, &b), fb);
	assert_ptr_equal(lookup(t, &c), fc);

	x = a;                          /* outside a's mask */
	x.src = 0xc0a80001;
	x.sport = 999;
	x.proto = 17;
	assert_ptr_equal(lookup(t, &x), fa);
	x = b;                          /* inside b's /24, outside its host bits */
	x.dst = 0x0a0001fe;
	assert_ptr_equal(lookup(t, &x), fb);
	x.dst = 0x0a000202;             /* outside b's /24 */
	assert_null(lookup(t, &x));
	x = c;
	x.dport = 23;
	assert_null(lookup(t, &x));
	x = a;
	x.in_port = 9;
	assert_null(lookup(t, &x));
	assert_int_equal(acts_id(fb), 2);
}

/* Random flows over random masks: whatever is returned matches the key, and
 * a key that some flow matches always gets one. */
static void test_never_wrong(void **state)
{
	static const unsigned int shapes[] = {
		M_IN_PORT, M_IN_PORT | M_DST24, M_IN_PORT | M_DST,
		M_IN_PORT | M_PROTO | M_DPORT, M_SRC | M_DST,
		M_IN_PORT | M_SRC | M_SPORT | M_DPORT, M_DPORT, M_PROTO,
	};
	struct flow_table *t = *state;
	struct flow *flows[400];
	int n = 0, i, round;

	srand(7);
	for (i = 0; i < 400; i++) {
		struct fields f = random_fields(4);
		struct flow_key key = make_key(&f);
		struct flow_key mask = make_mask(shapes[rand() % 8]);

		flows[n] = try_add(t, &key, &mask, i);
		n += flows[n] != NULL;
	}
	assert_true(n > 100);
	for (round = 0; round < 20000; round++) {
		struct fields f = random_fields(5);
		struct flow_key key = make_key(&f);
		struct flow *got = lookup(t, &f);
		bool any = false;

		for (i = 0; i < n && !any; i++)
			any = key_matches(&key, flows[i]);
		if (got)
			assert_true(key_matches(&key, got));
		else
			assert_false(any);
		if (round % 5000 == 4999)
			flow_table_rank(t);
	}
}

/* Overlapping flows (which translation never makes): the earlier subtable
 * in rank order wins, which is creation order until the first ranking. */
static void test_overlap_and_ranking(void **state)
{
	struct flow_table *t = *state;
	struct fields k = { .in_port = 1, .dst = 0x0a000001, .dport = 80 };
	struct fields only_b = { .in_port = 2, .dport = 80 };
	struct flow *fa, *fb, *fb2;
	int i;

	fa = add(t, &k, M_IN_PORT | M_DST, 1, NULL);
	fb = add(t, &k, M_DPORT, 2, NULL);
	assert_ptr_equal(lookup(t, &k), fa);

	/* Hits on the later mask, then ranking: it comes first. */
	for (i = 0; i < 100; i++)
		assert_ptr_equal(lookup(t, &only_b), fb);
	flow_table_rank(t);
	assert_ptr_equal(lookup(t, &k), fb);

	/* Ranking counts hits since the previous ranking only. */
	for (i = 0; i < 10; i++)
		assert_ptr_equal(lookup(t, &k), fb);
	flow_table_rank(t);
	assert_ptr_equal(lookup(t, &k), fb);
	only_b.in_port = 1;
	only_b.dport = 81;
	fb2 = add(t, &only_b, M_IN_PORT | M_DPORT, 3, NULL);
	for (i = 0; i < 50; i++)
		assert_ptr_equal(lookup(t, &only_b), fb2);
	flow_table_rank(t);
	/* Now: {in_port,dport} (50 hits), {dport} (10), {in_port,dst} (0). */
	k.dport = 81;
	assert_ptr_equal(lookup(t, &k), fb2);
	k.dport = 80;
	assert_ptr_equal(lookup(t, &k), fb);
	flow_table_remove(t, fb);
	assert_ptr_equal(lookup(t, &k), fa);
}

/* Put semantics: same key and mask (even with other bits outside the mask)
 * is EEXIST, so is a UFID in use; removal and lookup by UFID say ENOENT. */
static void test_put_semantics(void **state)
{
	struct flow_table *t = *state;
	struct fields f = { .in_port = 1, .dst = 0x0a000001 };
	struct fields g = f;
	struct flow_ufid u1 = ufid_for(1), u2 = ufid_for(2), u3 = ufid_for(3);
	struct flow_key key, mask = make_mask(M_IN_PORT | M_DST);
	struct flow_actions *acts = acts_for(9);
	struct flow *f1, *f2, *dummy = NULL;

	f1 = add(t, &f, M_IN_PORT | M_DST, 1, &u1);
	g.src = 0x01020304;             /* outside the mask: the same flow */
	key = make_key(&g);
	assert_int_equal(flow_table_insert(t, &key, &mask, &u2, acts, &dummy),
			 -EEXIST);
	rcu_read_lock();
	assert_ptr_equal(flow_table_lookup_exact(t, &key, &mask), f1);
	assert_ptr_equal(flow_table_lookup_ufid(t, &u1), f1);
	assert_null(flow_table_lookup_ufid(t, &u2));
	rcu_read_unlock();

	/* Another key with a UFID in use. */
	g.dst = 0x0a000002;
	key = make_key(&g);
	assert_int_equal(flow_table_insert(t, &key, &mask, &u1, acts, &dummy),
			 -EEXIST);
	assert_null(dummy);
	/* The same key under another mask is another flow. */
	f2 = add(t, &f, M_IN_PORT, 2, &u2);
	assert_ptr_not_equal(f1, f2);
	assert_int_equal(flow_table_count(t), 2);

	/* Modify: find by key and mask, swap the actions. */
	key = make_key(&f);
	rcu_read_lock();
	assert_ptr_equal(flow_table_lookup_exact(t, &key, &mask), f1);
	rcu_read_unlock();
	flow_replace_actions(f1, acts);
	assert_int_equal(acts_id(f1), 9);

	assert_int_equal(flow_table_remove_ufid(t, &u3), -ENOENT);
	assert_int_equal(flow_table_remove_ufid(t, &u1), 0);
	assert_int_equal(flow_table_remove_ufid(t, &u1), -ENOENT);
	rcu_read_lock();
	assert_null(flow_table_lookup_ufid(t, &u1));
	assert_null(flow_table_lookup_exact(t, &key, &mask));
	rcu_read_unlock();
	/* The UFID and the key are free again.  The new flow's subtable is
	 * newer than f2's, which matches the key too and so wins. */
	f1 = add(t, &f, M_IN_PORT | M_DST, 3, &u1);
	rcu_read_lock();
	assert_ptr_equal(flow_table_lookup_ufid(t, &u1), f1);
	rcu_read_unlock();
	assert_ptr_equal(lookup(t, &f), f2);
	/* Flows without UFID are not in the UFID map. */
	g.dst = 0x0a000003;
	add(t, &g, M_IN_PORT | M_DST, 4, NULL);
	assert_int_equal(flow_table_count(t), 3);
}

static void test_flow_limit(void **state)
{
	struct flow_table *t = *state;
	struct flow_key key, mask = make_mask(M_IN_PORT);
	struct flow_actions *acts;
	struct flow *flows[10], *flow;
	struct fields f = { 0 };
	int i;

	flow_table_set_limit(t, 10);
	for (i = 0; i < 10; i++) {
		f.in_port = i;
		flows[i] = add(t, &f, M_IN_PORT, i, NULL);
	}
	f.in_port = 10;
	key = make_key(&f);
	acts = acts_for(10);
	assert_int_equal(flow_table_insert(t, &key, &mask, NULL, acts, &flow),
			 -EFBIG);
	/* A duplicate is still a duplicate at the limit. */
	f.in_port = 3;
	key = make_key(&f);
	assert_int_equal(flow_table_insert(t, &key, &mask, NULL, acts, &flow),
			 -EEXIST);
	flow_table_remove(t, flows[0]);
	f.in_port = 10;
	key = make_key(&f);
	assert_int_equal(flow_table_insert(t, &key, &mask, NULL, acts, &flow),
			 0);
	flow_table_set_limit(t, 0);
	f.in_port = 11;
	add(t, &f, M_IN_PORT, 11, NULL);
	assert_int_equal(flow_table_count(t), 11);
}

static u32 ufid_buckets(struct flow_table *t)
{
	u32 n;

	rcu_read_lock();
	n = rcu_hmap_buckets(&t->ufids)->mask + 1;
	rcu_read_unlock();
	return n;
}

/* Grow to 100k flows and shrink back; every flow stays findable by key and
 * by UFID throughout. */
static void test_resize(void **state)
{
	enum { N = 100000 };
	struct flow_table *t = *state;
	struct flow **flows = calloc(N, sizeof(*flows));
	struct fields f = { .in_port = 1 };
	int i;

	for (i = 0; i < N; i++) {
		struct flow_ufid u = ufid_for(i);

		f.src = i;
		flows[i] = add(t, &f, M_IN_PORT | M_SRC, i, &u);
	}
	f.src = N;
	add(t, &f, M_IN_PORT | M_SRC, N, NULL);
	assert_true(ufid_buckets(t) >= N / 2);
	for (i = 0; i < N; i++) {
		struct flow_ufid u = ufid_for(i);

		f.src = i;
		assert_ptr_equal(lookup(t, &f), flows[i]);
		rcu_read_lock();
		assert_ptr_equal(flow_table_lookup_ufid(t, &u), flows[i]);
		rcu_read_unlock();
	}
	for (i = 0; i < N - 10; i++)
		flow_table_remove(t, flows[i]);
	f.src = N + 1;
	add(t, &f, M_IN_PORT | M_SRC, N + 1, &(struct flow_ufid){ { 0, 0 } });
	assert_true(ufid_buckets(t) <= 64);
	for (i = 0; i < N; i++) {
		f.src = i;
		assert_ptr_equal(lookup(t, &f), i < N - 10 ? NULL : flows[i]);
	}
	assert_int_equal(flow_table_count(t), 12);
	free(flows);
}

static void test_stats(void **state)
{
	struct flow_table *t = *state;
	struct fields f = { .in_port = 1 };
	struct flow *flow = add(t, &f, M_IN_PORT, 1, NULL);
	struct flow_stats s;

	flow_stats_get(flow, &s);
	assert_int_equal(s.packets, 0);
	assert_int_equal(s.used, 0);
	flow_stats_update(flow, 100, 0x02, 1000);
	flow_stats_update(flow, 60, 0x10, 1500);
	flow_stats_update(flow, 40, 0, 1200);   /* an older timestamp */
	flow_stats_get(flow, &s);
	assert_int_equal(s.packets, 3);
	assert_int_equal(s.bytes, 200);
	assert_int_equal(s.used, 1500);
	assert_int_equal(s.tcp_flags, 0x12);
	flow_stats_clear(flow);
	flow_stats_get(flow, &s);
	assert_int_equal(s.packets + s.bytes + s.used + s.tcp_flags, 0);
}

/* A dump that removes each flow it gets, and others besides, still returns
 * every flow present throughout exactly once, across shrinking resizes and
 * subtables going away. */
static void test_dump_while_removing(void **state)
{
	enum { N = 3000 };
	static const unsigned int shapes[] = {
		M_IN_PORT | M_SRC, M_IN_PORT | M_DST, M_SRC | M_SPORT,
		M_DPORT | M_SRC,
	};
	struct flow_table *t = *state;
	struct flow *flows[N];
	u8 seen[N] = { 0 }, gone[N] = { 0 };
	struct flow_table_dump pos;
	struct flow *flow;
	int i, returned = 0;

	for (i = 0; i < N; i++) {
		struct fields f = { .in_port = 1, .src = i, .dst = i,
				    .sport = i, .dport = i };

		flows[i] = add(t, &f, shapes[i % 4], i, NULL);
	}
	memset(&pos, 0, sizeof(pos));
	srand(3);
	for (;;) {
		u32 id;

		rcu_read_lock();
		flow = flow_table_dump_next(t, &pos);
		id = flow ? acts_id(flow) : 0;
		rcu_read_unlock();
		if (!flow)
			break;
		assert_false(gone[id]);
		assert_false(seen[id]);
		seen[id] = 1;
		returned++;
		/* Remove the current flow, and now and then a random other. */
		flow_table_remove(t, flow);
		gone[id] = 1;
		if (rand() % 3 == 0) {
			int other = rand() % N;

			if (!gone[other]) {
				flow_table_remove(t, flows[other]);
				gone[other] = 1;
			}
		}
	}
	for (i = 0; i < N; i++)
		assert_true(seen[i] || gone[i]);
	assert_true(returned > N / 2);
	assert_int_equal(flow_table_count(t), 0);
	assert_int_equal(flow_table_n_masks(t), 0);
}

/* A dump with nothing removed returns every flow once, ranking or not. */
static void test_dump_all(void **state)
{
	enum { N = 500 };
	struct flow_table *t = *state;
	u8 seen[N] = { 0 };
	struct flow_table_dump pos;
	struct flow *flow;
	int i, n = 0;

	for (i = 0; i < N; i++) {
		struct fields f = { .in_port = i % 7, .src = i, .dport = i };

		add(t, &f, i % 2 ? M_IN_PORT | M_SRC : M_SRC | M_DPORT, i, NULL);
	}
	memset(&pos, 0, sizeof(pos));
	for (;;) {
		u32 id = 0;

		rcu_read_lock();
		flow = flow_table_dump_next(t, &pos);
		if (flow)
			id = acts_id(flow);
		rcu_read_unlock();
		if (!flow)
			break;
		assert_false(seen[id]);
		seen[id] = 1;
		if (++n == N / 2) {
			struct fields hot = { .in_port = 1, .src = 1 };

			lookup(t, &hot);
			flow_table_rank(t);
		}
	}
	assert_int_equal(n, N);
	assert_null(flow_table_dump_next(t, &pos));
}

/* A subtable goes with its last flow; one with flows left stays. */
static void test_subtable_freed(void **state)
{
	struct flow_table *t = *state;
	struct fields f = { .in_port = 1, .dst = 5 };
	struct flow *a, *b, *c;

	a = add(t, &f, M_IN_PORT, 1, NULL);
	b = add(t, &f, M_DST, 2, NULL);
	f.in_port = 2;
	c = add(t, &f, M_IN_PORT, 3, NULL);
	assert_int_equal(flow_table_n_masks(t), 2);
	flow_table_remove(t, b);
	assert_int_equal(flow_table_n_masks(t), 1);
	flow_table_remove(t, a);
	assert_int_equal(flow_table_n_masks(t), 1);
	flow_table_remove(t, c);
	assert_int_equal(flow_table_n_masks(t), 0);
	rcu_barrier();                  /* frees it: ASan would see a leak */
	/* And comes back. */
	add(t, &f, M_IN_PORT, 4, NULL);
	assert_int_equal(flow_table_n_masks(t), 1);
	assert_ptr_not_equal(lookup(t, &f), NULL);
}

/* Batches give what single lookups give, for every batch size. */
static void test_batch(void **state)
{
	static const unsigned int shapes[] = {
		M_IN_PORT | M_SRC, M_IN_PORT | M_DST24, M_DPORT | M_PROTO,
	};
	struct flow_table *t = *state;
	struct flow_key keys[FLOW_TABLE_BATCH];
	const struct flow_key *kp[FLOW_TABLE_BATCH];
	struct flow *got[FLOW_TABLE_BATCH];
	int i, round;

	srand(11);
	for (i = 0; i < 300; i++) {
		struct fields f = { .in_port = rand() % 3, .src = rand() % 50,
				    .dst = rand() % 1000, .dport = rand() % 30,
				    .proto = 6 };
		struct flow_key key = make_key(&f), mask = make_mask(shapes[i % 3]);

		try_add(t, &key, &mask, i);
	}
	for (round = 0; round < 2000; round++) {
		u32 n = 1 + round % FLOW_TABLE_BATCH;

		for (i = 0; i < (int)n; i++) {
			struct fields f = { .in_port = rand() % 4,
					    .src = rand() % 60,
					    .dst = rand() % 1100,
					    .dport = rand() % 35, .proto = 6 };

			keys[i] = make_key(&f);
			kp[i] = &keys[i];
		}
		rcu_read_lock();
		flow_table_lookup_batch(t, kp, n, got);
		for (i = 0; i < (int)n; i++)
			assert_ptr_equal(got[i], flow_table_lookup(t, &keys[i]));
		rcu_read_unlock();
	}
}

/* The prefilter: many in_ports share each signature bit, so removing the
 * flows of some ports must keep the bits the others still need, and a
 * subtable without an exact in_port is never skipped. */
static void expect_ports(struct flow_table *t, int n, bool odd_present)
{
	int p;

	for (p = 0; p < n; p++) {
		struct fields f = { .in_port = p, .dst = p, .proto = 6 };
		struct flow *flow = lookup(t, &f);
		bool want = !(p & 1) || odd_present;

		assert_true(want == (flow != NULL));
		if (flow)
			assert_int_equal(acts_id(flow), p);
	}
}

static void test_prefilter(void **state)
{
	enum { N = 1000 };
	struct flow_table *t = *state;
	struct flow *flows[N];
	struct fields any = { .in_port = 5000, .dst = 7, .proto = 17 };
	int p;

	for (p = 0; p < N; p++) {
		struct fields f = { .in_port = p, .dst = p, .proto = 6 };

		flows[p] = add(t, &f, M_IN_PORT | M_ETH_TYPE | M_DST, p, NULL);
	}
	expect_ports(t, N, true);
	for (p = 1; p < N; p += 2)
		flow_table_remove(t, flows[p]);
	expect_ports(t, N, false);
	for (p = 1; p < N; p += 2) {
		struct fields f = { .in_port = p, .dst = p, .proto = 6 };

		add(t, &f, M_IN_PORT | M_ETH_TYPE | M_DST, p, NULL);
	}
	expect_ports(t, N, true);
	assert_null(lookup(t, &any));
	add(t, &any, M_PROTO | M_DST, 99999, NULL);
	assert_int_equal(acts_id(lookup(t, &any)), 99999);
}

/* Hashes are seeded per table: the same flow lands in unrelated buckets of
 * two tables, so packets cannot be crafted to pile into one bucket. */
static void test_hash_seeded(void **state)
{
	struct flow_table *t = *state, other;
	struct fields f = { .in_port = 1, .src = 2, .dst = 3, .proto = 6 };
	struct flow *a, *b;

	assert_int_equal(flow_table_init(&other, 0), 0);
	a = add(t, &f, M_IN_PORT | M_SRC | M_DST, 1, NULL);
	b = add(&other, &f, M_IN_PORT | M_SRC | M_DST, 1, NULL);
	assert_int_not_equal(t->hash_basis, other.hash_basis);
	assert_int_not_equal(a->node.hash, b->node.hash);
	assert_ptr_equal(lookup(&other, &f), b);
	flow_table_destroy(&other);
}

/* More masks than a byte counts, each flow alone in its subtable: batches
 * and single lookups agree and find each key's own flow. */
static void test_many_masks(void **state)
{
	enum { N = 600 };
	struct flow_table *t = *state;
	struct flow_key keys[FLOW_TABLE_BATCH];
	const struct flow_key *kp[FLOW_TABLE_BATCH];
	struct flow *flows[N], *got[FLOW_TABLE_BATCH];
	int i, j;

	for (i = 0; i < N; i++) {
		struct fields f = { .in_port = 1, .src = i, .dport = i };
		struct flow_key key = make_key(&f), mask = make_mask(M_IN_PORT);
		struct flow_actions *acts = acts_for(i);

		/* A mask of its own: in_port, dport and bits of src. */
		mask.ipv4.src = cpu_to_be32(i + 1);
		mask.tp.dst = 0xffff;
		assert_int_equal(flow_table_insert(t, &key, &mask, NULL, acts,
						   &flows[i]), 0);
	}
	assert_true(flow_table_n_masks(t) > 256);
	for (i = 0; i < N; i += FLOW_TABLE_BATCH) {
		for (j = 0; j < FLOW_TABLE_BATCH; j++) {
			struct fields f = { .in_port = 1,
					    .src = (i + j) % N,
					    .dport = (i + j) % N };

			keys[j] = make_key(&f);
			kp[j] = &keys[j];
		}
		rcu_read_lock();
		flow_table_lookup_batch(t, kp, FLOW_TABLE_BATCH, got);
		for (j = 0; j < FLOW_TABLE_BATCH; j++) {
			assert_ptr_equal(got[j], flow_table_lookup(t, kp[j]));
			assert_non_null(got[j]);
			assert_true(key_matches(kp[j], got[j]));
		}
		rcu_read_unlock();
	}
}

/* The EMC: misses, hits, dead flows never hit, entries keep removed flows'
 * memory (ASan would see otherwise). */
static void test_emc(void **state)
{
	struct flow_table *t = *state;
	struct flow_emc *emc = flow_emc_create(64);
	struct fields f = { .in_port = 1, .src = 7, .dport = 80 };
	struct flow_key key = make_key(&f);
	u32 hash = flow_key_hash(&key);
	struct flow *flow, *again;

	assert_non_null(emc);
	flow_emc_set_insert_prob(emc, 1);
	flow = add(t, &f, M_IN_PORT, 1, NULL);
	rcu_read_lock();
	assert_null(flow_emc_lookup(emc, &key, hash));
	flow_emc_insert(emc, &key, hash, flow_table_lookup(t, &key));
	assert_ptr_equal(flow_emc_lookup(emc, &key, hash), flow);
	/* Exact: any other bit misses, even outside the flow's mask. */
	key.eth_src[0] = 1;
	assert_null(flow_emc_lookup(emc, &key, flow_key_hash(&key)));
	key.eth_src[0] = 0;
	rcu_read_unlock();

	flow_table_remove(t, flow);
	rcu_barrier();                  /* the entry's reference keeps it */
	rcu_read_lock();
	assert_null(flow_emc_lookup(emc, &key, hash));
	assert_null(flow_table_lookup(t, &key));
	rcu_read_unlock();

	/* A new flow for the key replaces the dead one. */
	again = add(t, &f, M_IN_PORT | M_SRC, 2, NULL);
	rcu_read_lock();
	flow_emc_insert(emc, &key, hash, flow_table_lookup(t, &key));
	assert_ptr_equal(flow_emc_lookup(emc, &key, hash), again);
	rcu_read_unlock();
	flow_table_remove(t, again);
	rcu_read_lock();
	assert_null(flow_emc_lookup(emc, &key, hash));
	rcu_read_unlock();

	flow_emc_destroy(emc);
}

/* Batches: hits, misses and dead flows, as single lookups. */
static void test_emc_batch(void **state)
{
	struct flow_table *t = *state;
	struct flow_emc *emc = flow_emc_create(64);
	struct fields g = { .in_port = 5, .dport = 1 };
	const struct flow_key *kp[3];
	struct flow_key keys[3];
	struct flow *got[3], *live, *doomed;
	u32 hashes[3];
	int i;

	flow_emc_set_insert_prob(emc, 1);
	live = add(t, &g, M_IN_PORT | M_DPORT, 10, NULL);
	g.dport = 2;
	doomed = add(t, &g, M_IN_PORT | M_DPORT, 11, NULL);
	for (i = 0; i < 3; i++) {
		g.dport = i + 1;
		keys[i] = make_key(&g);
		kp[i] = &keys[i];
		hashes[i] = flow_key_hash(&keys[i]);
	}
	rcu_read_lock();
	flow_emc_insert(emc, kp[0], hashes[0], live);
	flow_emc_insert(emc, kp[1], hashes[1], doomed);
	assert_int_equal(flow_emc_lookup_batch(emc, kp, hashes, 3, got), 1U << 2);
	assert_ptr_equal(got[0], live);
	assert_ptr_equal(got[1], doomed);
	assert_null(got[2]);
	rcu_read_unlock();
	flow_table_remove(t, doomed);
	rcu_read_lock();
	assert_int_equal(flow_emc_lookup_batch(emc, kp, hashes, 3, got),
			 (1U << 1) | (1U << 2));
	assert_ptr_equal(got[0], live);
	assert_null(got[1]);
	rcu_read_unlock();
	flow_emc_destroy(emc);
}

/* How many of 'n' new keys, each offered once, 'emc' takes. */
static int emc_takes(struct flow_emc *emc, struct flow *flow, int n)
{
	struct fields f = { .in_port = 1, .src = 7 };
	int i, taken = 0;

	rcu_read_lock();
	for (i = 0; i < n; i++) {
		struct flow_key key;
		u32 hash;

		f.dport = i;
		key = make_key(&f);
		hash = flow_key_hash(&key);
		flow_emc_insert(emc, &key, hash, flow);
		taken += flow_emc_lookup(emc, &key, hash) == flow;
	}
	rcu_read_unlock();
	return taken;
}

/* Probabilistic insertion: one in 16, and the default. */
static void test_emc_insert_prob(void **state)
{
	struct fields f = { .in_port = 1 };
	struct flow *flow = add(*state, &f, M_IN_PORT, 3, NULL);
	struct flow_emc *emc = flow_emc_create(64);
	int n;

	flow_emc_set_insert_prob(emc, 16);
	n = emc_takes(emc, flow, 1600);
	assert_true(n > 40 && n < 200);
	flow_emc_destroy(emc);
	emc = flow_emc_create(64);
	n = emc_takes(emc, flow, 100 * FLOW_EMC_DEFAULT_INSERT_INV);
	assert_true(n > 50 && n < 200);
	flow_emc_destroy(emc);
}

/* Concurrency: readers look up keys whose flows stay installed and must
 * always get exactly those flows, through the table, batches, an EMC and
 * dumps, while a writer inserts, removes, replaces actions, resizes (by
 * growing and shrinking the churn) and ranks. */
#define PERM 512                        /* permanent flows */
#define CHURN_MAX 4000
#define WRITER_OPS 1000000
#define READERS 2

static const unsigned int perm_shapes[] = {
	M_IN_PORT | M_SRC, M_IN_PORT | M_DST, M_IN_PORT | M_SRC | M_DPORT,
	M_IN_PORT | M_DST24 | M_PROTO,
};

struct conc {
	struct flow_table *t;
	struct flow_key keys[PERM];
	volatile int done;
	dp_atomic64 wrong;
	dp_atomic64 lookups;
	dp_atomic64 dumps;
};

static struct fields perm_fields(int i)
{
	/* in_port 1 marks permanent keys; churn flows all match in_port 2. */
	struct fields f = { .in_port = 1, .src = 0x0b000000 + i,
			    .dst = 0x0c000000 + (i << 8), .dport = i,
			    .proto = 6 };

	return f;
}

static bool perm_ok(const struct conc *c, struct flow *flow, int i)
{
	return flow && acts_id(flow) == (u32)i && key_matches(&c->keys[i], flow);
}

static bool conc_done(struct conc *c)
{
	return __atomic_load_n(&c->done, __ATOMIC_ACQUIRE);
}

static void *reader(void *arg)
{
	struct conc *c = arg;
	struct flow_emc *emc = flow_emc_create(256);
	u32 seed = (u32)(uintptr_t)pthread_self();
	u64 wrong = 0, n = 0;

	flow_emc_set_insert_prob(emc, 1);       /* churn the EMC too */
	rcu_register_thread();
	while (!conc_done(c)) {
		const struct flow_key *kp[FLOW_TABLE_BATCH];
		struct flow *got[FLOW_TABLE_BATCH], *cached[FLOW_TABLE_BATCH];
		u32 hashes[FLOW_TABLE_BATCH];
		int idx[FLOW_TABLE_BATCH], j;

		rcu_read_lock();
		for (j = 0; j < FLOW_TABLE_BATCH; j++) {
			seed = seed * 1103515245 + 12345;
			idx[j] = (seed >> 8) % PERM;
			kp[j] = &c->keys[idx[j]];
		}
		flow_table_lookup_batch(c->t, kp, FLOW_TABLE_BATCH, got);
		for (j = 0; j < FLOW_TABLE_BATCH; j++)
			hashes[j] = flow_key_hash(kp[j]);
		flow_emc_lookup_batch(emc, kp, hashes, FLOW_TABLE_BATCH, cached);
		for (j = 0; j < FLOW_TABLE_BATCH; j++) {
			const struct flow_key *key = kp[j];
			u32 hash = hashes[j];
			struct flow *flow = flow_emc_lookup(emc, key, hash);

			wrong += cached[j] && !perm_ok(c, cached[j], idx[j]);

			wrong += !perm_ok(c, got[j], idx[j]);
			if (!flow) {
				flow = flow_table_lookup(c->t, key);
				if (flow)
					flow_emc_insert(emc, key, hash, flow);
			}
			wrong += !perm_ok(c, flow, idx[j]);
			if (flow)
				flow_stats_update(flow, 64, 0, dp_now_ms());
			n += 2;
		}
		rcu_read_unlock();
	}
	flow_emc_destroy(emc);
	rcu_unregister_thread();
	dp_atomic64_add(&c->wrong, wrong);
	dp_atomic64_add(&c->lookups, n);
	return NULL;
}

/* Full dumps: each permanent flow exactly once per dump. */
static void *dumper(void *arg)
{
	struct conc *c = arg;
	u8 *seen = malloc(PERM);
	u64 wrong = 0, dumps = 0;

	rcu_register_thread();
	while (!conc_done(c)) {
		struct flow_table_dump pos;
		struct flow *flow;

		memset(&pos, 0, sizeof(pos));
		memset(seen, 0, PERM);
		for (;;) {
			u32 id;

			rcu_read_lock();
			flow = flow_table_dump_next(c->t, &pos);
			id = flow ? acts_id(flow) : 0;
			if (flow && flow->key.in_port == 1)
				wrong += id >= PERM || seen[id]++;
			rcu_read_unlock();
			if (!flow)
				break;
		}
		for (int i = 0; i < PERM; i++)
			wrong += seen[i] != 1;
		dumps++;
	}
	rcu_unregister_thread();
	free(seen);
	dp_atomic64_add(&c->wrong, wrong);
	dp_atomic64_add(&c->dumps, dumps);
	return NULL;
}

static void churn(struct conc *c)
{
	static const unsigned int churn_shapes[] = {
		M_IN_PORT | M_SRC, M_IN_PORT | M_DST, M_IN_PORT | M_SPORT,
		M_IN_PORT | M_SRC | M_DST | M_SPORT | M_DPORT,
	};
	struct flow **churn = calloc(CHURN_MAX, sizeof(*churn));
	struct flow *perm[PERM];
	int n = 0, target = CHURN_MAX, op, i;
	u32 seed = 1;

	for (i = 0; i < PERM; i++) {
		rcu_read_lock();
		perm[i] = flow_table_lookup(c->t, &c->keys[i]);
		rcu_read_unlock();
	}
	for (op = 0; op < WRITER_OPS; op++) {
		seed = seed * 1103515245 + 12345;
		if (n == target)        /* swing between empty and full */
			target = target ? 0 : CHURN_MAX;
		if (n < target) {
			struct fields f = { .in_port = 2, .src = seed,
					    .dst = seed >> 3, .sport = op,
					    .dport = op >> 4 };
			/* Mostly fixed shapes, sometimes masks of their own
			 * that come and go with their flows. */
			unsigned int bits = seed % 16 ? churn_shapes[seed % 4]
						      : M_IN_PORT | M_DST24 |
							(seed % 64 > 32 ?
							 M_SPORT : M_PROTO);
			struct flow_key key = make_key(&f), mask = make_mask(bits);
			struct flow_actions *acts = acts_for(PERM + op);
			struct flow_ufid u = ufid_for(op + 1000000);

			if (flow_table_insert(c->t, &key, &mask, &u, acts,
					      &churn[n]))
				flow_actions_free(acts);
			else
				n++;
		} else {
			int victim = (seed >> 8) % n;

			flow_table_remove(c->t, churn[victim]);
			churn[victim] = churn[--n];
		}
		if (op % 997 == 0) {
			i = (seed >> 4) % PERM;
			flow_replace_actions(perm[i], acts_for(i));
		}
		if (op % 5003 == 0)
			flow_table_rank(c->t);
	}
	for (i = 0; i < n; i++)
		flow_table_remove(c->t, churn[i]);
	free(churn);
}

static void test_concurrent_readers(void **state)
{
	struct conc *c = calloc(1, sizeof(*c));
	pthread_t th[READERS + 1];
	int i;

	c->t = *state;
	for (i = 0; i < PERM; i++) {
		struct fields f = perm_fields(i);

		c->keys[i] = make_key(&f);
		add(c->t, &f, perm_shapes[i % 4], i, NULL);
	}
	for (i = 0; i < READERS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, reader, c), 0);
	assert_int_equal(pthread_create(&th[READERS], NULL, dumper, c), 0);
	churn(c);
	__atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
	for (i = 0; i <= READERS; i++)
		pthread_join(th[i], NULL);
	print_message("%llu lookups, %llu dumps, %llu wrong\n",
		      (unsigned long long)dp_atomic64_read(&c->lookups),
		      (unsigned long long)dp_atomic64_read(&c->dumps),
		      (unsigned long long)dp_atomic64_read(&c->wrong));
	assert_int_equal(dp_atomic64_read(&c->wrong), 0);
	assert_true(dp_atomic64_read(&c->lookups) > 0);
	assert_true(dp_atomic64_read(&c->dumps) > 0);
	assert_int_equal(flow_table_count(c->t), PERM);
	free(c);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_masks),
		T(test_never_wrong),
		T(test_overlap_and_ranking),
		T(test_put_semantics),
		T(test_flow_limit),
		T(test_resize),
		T(test_stats),
		T(test_dump_while_removing),
		T(test_dump_all),
		T(test_subtable_freed),
		T(test_batch),
		T(test_prefilter),
		T(test_hash_seeded),
		T(test_many_masks),
		T(test_emc),
		T(test_emc_batch),
		T(test_emc_insert_prob),
		T(test_concurrent_readers),
	};
	int rc;

	rcu_register_thread();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	rcu_unregister_thread();
	return rc;
}
