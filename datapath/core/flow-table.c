/* The megaflow table: see flow-table.h.
 *
 * Published structures are never changed in place where readers could see a
 * half-made change: the subtable array is copied on every change (add,
 * remove, rank) and swapped, and flows enter and leave subtables through
 * rcu-hmap.  Everything unpublished is freed by call_rcu() callbacks. */
#include "flow-table.h"

_Static_assert(sizeof(struct flow_key) == 16 * sizeof(u64),
	       "flow keys are hashed and compared as 16 words");

#define SUBTABLE_MIN_BUCKETS 1
#define UFID_MIN_BUCKETS 16

#define wderef(p) rcu_dereference_protected((p), 1)

/* The prefilter: a lookup skips a subtable, without touching its buckets,
 * when no flow of it has the key's signature.  The signature hashes the
 * metadata that megaflows from translation match exactly (recirc_id,
 * in_port, eth_type), so that flows after recirculation, from other ports
 * or of other protocols cost a key nothing but a bit test. */
#define SIG_BITS 256
#define SIG_RECIRC 1u                   /* flow_subtable.sig_sel bits */
#define SIG_IN_PORT 2u
#define SIG_ETH_TYPE 4u
#define SIG_ALL (SIG_RECIRC | SIG_IN_PORT | SIG_ETH_TYPE)

/* A key's signature parts, computed once per lookup: one per field, and
 * the signature over all three (what most subtables select). */
struct sig_parts {
	u64 part[3];
	u32 all;
};

struct flow_subtable {
	/* Read by every lookup: the prefilter, the mask's nonzero words,
	 * their indexes in the key, and the flows. */
	u64 sig_filter[SIG_BITS / 64];  /* bit per signature of its flows */
	u8 sig_sel;                     /* SIG_* fields the mask has exact */
	u64 basis;                      /* the table's hash_basis */
	u64 mwords[FLOW_KEY_WORDS];
	u64 pconst[FLOW_KEY_WORDS];     /* dp_hash_pos() of each index */
	u8 idx[FLOW_KEY_WORDS];
	u8 n_words;
	u8 pf[2];                       /* the first and last line of the */
					/* flow key that compares read */
	struct rcu_hmap flows;
	struct flow_key mask;
	/* The writer's. */
	u32 sig_count[SIG_BITS];        /* flows per signature */
	u64 id;                         /* creation order, for dumps */
	u64 ranked_hits;                /* 'hits' at the previous ranking */
	u64 rank_delta;
	struct rcu_head rcu;
	/* Written by lookups: a cache line away from the fields above. */
	u8 pad[64];
	dp_atomic64 hits;               /* lossy: ranking needs proportions */
};

struct flow_subtable_array {
	u32 n;
	struct rcu_head rcu;
	struct flow_subtable *st[];
};

/* Masked hashing and comparison, over the mask's nonzero words only. */
static __always_inline u32 masked_hash(const struct flow_subtable *st,
				       const dp_word *key)
{
	u64 acc = st->basis;
	u32 i;

	for (i = 0; i < st->n_words; i++)
		acc = dp_hash_add_pc(acc, key[st->idx[i]] & st->mwords[i],
				     st->pconst[i]);
	return dp_hash_finish(acc);
}

static __always_inline bool masked_equal(const struct flow_subtable *st,
					 const dp_word *key,
					 const struct flow *flow)
{
	const dp_word *fkey = flow_key_words(&flow->key);
	u64 diff = 0;
	u32 i;

	for (i = 0; i < st->n_words; i++)
		diff |= (key[st->idx[i]] & st->mwords[i]) ^ fkey[st->idx[i]];
	return !diff;
}

static __always_inline void sig_parts_of(const struct flow_key *key,
					  struct sig_parts *p)
{
	p->part[0] = (u64)(key->recirc_id + 1) * DP_HASH_K1;
	p->part[1] = (u64)(key->in_port + 1) * DP_HASH_K2;
	p->part[2] = (u64)(be16_to_cpu(key->eth_type) + 1) * DP_HASH_POS;
	p->all = (u32)((p->part[0] + p->part[1] + p->part[2]) >> 56);
}

static __always_inline u32 sig_of(const struct sig_parts *p, u32 sel)
{
	u64 sum = 0;
	u32 i;

	for (i = 0; i < 3; i++)
		if (sel & (1u << i))
			sum += p->part[i];
	return (u32)(sum >> 56);
}

/* False when no flow of 'st' can match a key with these parts. */
static __always_inline bool sig_may_match(const struct flow_subtable *st,
					  const struct sig_parts *p)
{
	u32 sig;

	if (likely(st->sig_sel == SIG_ALL))
		sig = p->all;
	else if (!st->sig_sel)
		return true;
	else
		sig = sig_of(p, st->sig_sel);
	return READ_ONCE(((struct flow_subtable *)st)->sig_filter[sig / 64]) >>
	       (sig % 64) & 1;
}

static u8 sig_sel_of(const struct flow_key *mask)
{
	return (mask->recirc_id == ~0U ? SIG_RECIRC : 0) |
	       (mask->in_port == ~0U ? SIG_IN_PORT : 0) |
	       (mask->eth_type == (__be16)0xffff ? SIG_ETH_TYPE : 0);
}

/* The writer's: counts 'flow' in (delta 1) or out (-1) of the filter.  A
 * bit is set before the flow is published and cleared after it is gone. */
static void sig_account(struct flow_subtable *st, const struct flow *flow,
			int delta)
{
	struct sig_parts p;
	u32 sig, n;
	u64 bit, *word;

	if (!st->sig_sel)
		return;
	sig_parts_of(&flow->key, &p);
	sig = sig_of(&p, st->sig_sel);
	n = st->sig_count[sig] += delta;
	word = &st->sig_filter[sig / 64];
	bit = 1ULL << (sig % 64);
	if (delta > 0 && n == 1)
		WRITE_ONCE(*word, *word | bit);
	else if (delta < 0 && !n)
		WRITE_ONCE(*word, *word & ~bit);
}

/* The cache lines of a flow that masked_equal() reads: usually one, at
 * most two on 64-byte lines (flows start on a line). */
static __always_inline void prefetch_masked(const struct flow_subtable *st,
					    const struct flow *flow)
{
	const u8 *fkey = (const u8 *)&flow->key;

	prefetch(fkey + st->pf[0]);
	if (st->pf[1] != st->pf[0])
		prefetch(fkey + st->pf[1]);
}

static __always_inline struct flow *
subtable_lookup(const struct flow_subtable *st, const dp_word *key, u32 hash)
{
	const struct rcu_hmap_buckets *b = rcu_hmap_buckets(&st->flows);
	struct rcu_hmap_cursor cur;
	struct rcu_hmap_node *node;

	rcu_hmap_for_each_hash(node, cur, b, hash) {
		struct flow *flow = container_of(node, struct flow, node);

		if (masked_equal(st, key, flow))
			return flow;
	}
	return NULL;
}

static inline void subtable_hit(struct flow_subtable *st, u64 n)
{
	dp_atomic64_set(&st->hits, dp_atomic64_read(&st->hits) + n);
}

static struct flow_subtable *
subtable_find(const struct flow_subtable_array *a, const struct flow_key *mask)
{
	u32 i;

	for (i = 0; i < a->n; i++)
		if (!memcmp(&a->st[i]->mask, mask, sizeof(*mask)))
			return a->st[i];
	return NULL;
}

static u32 ufid_hash(const struct flow_ufid *ufid)
{
	return dp_hash_words((const dp_word *)ufid->id, 2, 0);
}

/* The subtable array, copied on write. */
static struct flow_subtable_array *array_alloc(u32 n)
{
	struct flow_subtable_array *a;

	a = dp_big_zalloc(sizeof(*a) + n * sizeof(a->st[0]));
	if (a)
		a->n = n;
	return a;
}

static void array_free_rcu(struct rcu_head *rcu)
{
	dp_rcu_cb_begin();
	dp_big_free(container_of(rcu, struct flow_subtable_array, rcu));
}

static void array_publish(struct flow_table *t, struct flow_subtable_array *a)
{
	struct flow_subtable_array *old = wderef(t->subtables);

	rcu_assign_pointer(t->subtables, a);
	call_rcu(&old->rcu, array_free_rcu);
}

static struct flow_subtable *subtable_alloc(struct flow_table *t,
					    const struct flow_key *mask)
{
	const dp_word *m = flow_key_words(mask);
	struct flow_subtable *st = dp_zalloc(sizeof(*st));
	u32 i;

	if (!st)
		return NULL;
	if (rcu_hmap_init(&st->flows, SUBTABLE_MIN_BUCKETS)) {
		dp_free(st);
		return NULL;
	}
	st->mask = *mask;
	st->basis = t->hash_basis;
	st->sig_sel = sig_sel_of(mask);
	for (i = 0; i < FLOW_KEY_WORDS; i++) {
		if (!m[i])
			continue;
		st->pf[st->n_words ? 1 : 0] = i * sizeof(u64) &
					      ~(DP_CACHE_LINE - 1);
		if (!st->n_words)
			st->pf[1] = st->pf[0];
		st->mwords[st->n_words] = m[i];
		st->pconst[st->n_words] = dp_hash_pos(i);
		st->idx[st->n_words++] = i;
	}
	st->id = ++t->last_subtable_id;
	return st;
}

static void subtable_free_rcu(struct rcu_head *rcu)
{
	struct flow_subtable *st;

	dp_rcu_cb_begin();
	st = container_of(rcu, struct flow_subtable, rcu);
	rcu_hmap_destroy(&st->flows);
	dp_free(st);
}

static void subtable_retire(struct flow_subtable *st)
{
	call_rcu(&st->rcu, subtable_free_rcu);
}

/* Unpublishes an empty subtable.  Without memory for the smaller array it
 * stays, empty, until the next ranking. */
static void subtable_remove(struct flow_table *t, struct flow_subtable *st)
{
	struct flow_subtable_array *old = wderef(t->subtables);
	struct flow_subtable_array *a = array_alloc(old->n - 1);
	u32 i, j = 0;

	if (!a)
		return;
	for (i = 0; i < old->n; i++)
		if (old->st[i] != st)
			a->st[j++] = old->st[i];
	array_publish(t, a);
	subtable_retire(st);
}

static struct flow *flow_alloc(void)
{
	void *mem = dp_zalloc(sizeof(struct flow) + DP_CACHE_LINE - 1);
	struct flow *flow;

	if (!mem)
		return NULL;
	flow = PTR_ALIGN((struct flow *)mem, DP_CACHE_LINE);
	flow->mem = mem;
	return flow;
}

static void flow_free_rcu(struct rcu_head *rcu)
{
	struct flow *flow;

	dp_rcu_cb_begin();
	flow = container_of(rcu, struct flow, rcu);
	dp_free(wderef(flow->actions));
	dp_free(flow->mem);
}

bool flow_ref(struct flow *flow)
{
	return refcount_inc_not_zero(&flow->refcnt);
}

void flow_unref(struct flow *flow)
{
	if (refcount_dec_and_test(&flow->refcnt))
		call_rcu(&flow->rcu, flow_free_rcu);
}

static void actions_free_rcu(struct rcu_head *rcu)
{
	dp_rcu_cb_begin();
	dp_free(container_of(rcu, struct flow_actions, rcu));
}

void flow_actions_free_rcu(struct flow_actions *acts)
{
	call_rcu(&acts->rcu, actions_free_rcu);
}

int flow_table_init(struct flow_table *t, u32 limit)
{
	memset(t, 0, sizeof(*t));
	t->limit = limit;
	t->hash_basis = dp_random_u64();
	t->subtables = array_alloc(0);
	if (!t->subtables)
		return -ENOMEM;
	if (rcu_hmap_init(&t->ufids, UFID_MIN_BUCKETS)) {
		dp_big_free(t->subtables);
		return -ENOMEM;
	}
	return 0;
}

void flow_table_destroy(struct flow_table *t)
{
	struct flow_subtable_array *a;
	u32 i;

	flow_table_flush(t);
	synchronize_rcu();
	a = wderef(t->subtables);
	/* Subtables left empty for want of memory. */
	for (i = 0; i < a->n; i++) {
		rcu_hmap_destroy(&a->st[i]->flows);
		dp_free(a->st[i]);
	}
	dp_big_free(a);
	rcu_hmap_destroy(&t->ufids);
}

void flow_table_set_limit(struct flow_table *t, u32 limit)
{
	WRITE_ONCE(t->limit, limit);
}

u32 flow_table_count(const struct flow_table *t)
{
	return READ_ONCE(((struct flow_table *)t)->count);
}

u32 flow_table_n_masks(const struct flow_table *t)
{
	return rcu_dereference(t->subtables)->n;
}

u32 flow_table_mask_visits(const struct flow_table *t,
			   const struct flow *flow)
{
	const struct flow_subtable_array *a = rcu_dereference(t->subtables);
	u32 i;

	for (i = 0; i < a->n; i++)
		if (a->st[i] == flow->subtable)
			return i + 1;
	return a->n;
}

const struct flow_key *flow_mask(const struct flow *flow)
{
	return &flow->subtable->mask;
}

int flow_table_insert(struct flow_table *t, const struct flow_key *key,
		      const struct flow_key *mask,
		      const struct flow_ufid *ufid,
		      struct flow_actions *actions, struct flow **flowp)
{
	struct flow_subtable_array *a = NULL;
	struct flow_subtable *st, *fresh = NULL;
	struct flow *flow;
	bool exists;
	u32 i;

	rcu_read_lock();
	exists = flow_table_lookup_exact(t, key, mask) ||
		 (ufid && flow_table_lookup_ufid(t, ufid));
	rcu_read_unlock();
	if (exists)
		return -EEXIST;
	if (t->limit && t->count >= t->limit)
		return -EFBIG;

	flow = flow_alloc();
	if (!flow)
		return -ENOMEM;
	st = subtable_find(wderef(t->subtables), mask);
	if (!st) {
		struct flow_subtable_array *old = wderef(t->subtables);

		st = fresh = subtable_alloc(t, mask);
		a = st ? array_alloc(old->n + 1) : NULL;
		if (!a)
			goto nomem;
		for (i = 0; i < old->n; i++)
			a->st[i] = old->st[i];
		a->st[old->n] = st;
	}
	/* Room in both maps first: then nothing below can fail. */
	if ((ufid && rcu_hmap_reserve(&t->ufids)) ||
	    rcu_hmap_reserve(&st->flows))
		goto nomem;

	for (i = 0; i < FLOW_KEY_WORDS; i++)
		((dp_word *)&flow->key)[i] = flow_key_words(key)[i] &
					     flow_key_words(mask)[i];
	flow->subtable = st;
	flow->actions = actions;
	refcount_set(&flow->refcnt, 1);
	if (ufid) {
		flow->has_ufid = 1;
		flow->ufid = *ufid;
		rcu_hmap_insert(&t->ufids, &flow->ufid_node, ufid_hash(ufid));
	}
	sig_account(st, flow, 1);
	rcu_hmap_insert(&st->flows, &flow->node,
			masked_hash(st, flow_key_words(&flow->key)));
	if (a)
		array_publish(t, a);
	WRITE_ONCE(t->count, t->count + 1);
	*flowp = flow;
	return 0;

nomem:
	if (fresh) {
		rcu_hmap_destroy(&fresh->flows);
		dp_free(fresh);
	}
	if (a)
		dp_big_free(a);
	dp_free(flow->mem);
	return -ENOMEM;
}

void flow_table_remove(struct flow_table *t, struct flow *flow)
{
	struct flow_subtable *st = flow->subtable;

	WRITE_ONCE(flow->dead, 1);
	rcu_hmap_remove(&st->flows, &flow->node);
	sig_account(st, flow, -1);
	if (flow->has_ufid)
		rcu_hmap_remove(&t->ufids, &flow->ufid_node);
	WRITE_ONCE(t->count, t->count - 1);
	if (!st->flows.count)
		subtable_remove(t, st);
	flow_unref(flow);
}

int flow_table_remove_ufid(struct flow_table *t, const struct flow_ufid *ufid)
{
	struct flow *flow;

	rcu_read_lock();
	flow = flow_table_lookup_ufid(t, ufid);
	rcu_read_unlock();
	if (!flow)
		return -ENOENT;
	flow_table_remove(t, flow);
	return 0;
}

void flow_table_flush(struct flow_table *t)
{
	for (;;) {
		struct flow_subtable_array *a = wderef(t->subtables);
		struct flow_subtable *st = NULL;
		u32 i, left, hint = 0;

		for (i = 0; i < a->n && !st; i++)
			if (a->st[i]->flows.count)
				st = a->st[i];
		if (!st)
			return;
		/* The last removal frees 'st': count first. */
		for (left = st->flows.count; left; left--) {
			struct rcu_hmap_node *node = rcu_hmap_any(&st->flows,
								  &hint);

			flow_table_remove(t, container_of(node, struct flow,
							  node));
		}
	}
}

void flow_table_rank(struct flow_table *t)
{
	struct flow_subtable_array *old = wderef(t->subtables);
	struct flow_subtable_array *a;
	u32 i, j, n = 0;
	bool same;

	for (i = 0; i < old->n; i++) {
		struct flow_subtable *st = old->st[i];
		u64 hits = dp_atomic64_read(&st->hits);

		/* Racing lossy updates can even step the counter back. */
		st->rank_delta = hits > st->ranked_hits ? hits - st->ranked_hits : 0;
		st->ranked_hits = hits;
		n += st->flows.count != 0;
	}
	a = array_alloc(n);
	if (!a)
		return;
	/* A stable insertion sort, most hits first: few masks, rare calls. */
	for (i = 0, n = 0; i < old->n; i++) {
		struct flow_subtable *st = old->st[i];

		if (!st->flows.count)
			continue;
		for (j = n; j > 0 && a->st[j - 1]->rank_delta < st->rank_delta;
		     j--)
			a->st[j] = a->st[j - 1];
		a->st[j] = st;
		n++;
	}
	same = a->n == old->n;
	for (i = 0; same && i < a->n; i++)
		same = a->st[i] == old->st[i];
	if (same) {
		dp_big_free(a);
		return;
	}
	array_publish(t, a);
	for (i = 0; i < old->n; i++)
		if (!old->st[i]->flows.count)
			subtable_retire(old->st[i]);
}

void flow_replace_actions(struct flow *flow, struct flow_actions *actions)
{
	struct flow_actions *old = wderef(flow->actions);

	rcu_assign_pointer(flow->actions, actions);
	flow_actions_free_rcu(old);
}

/* The first match from subtable 'i' on. */
static struct flow *lookup_from(const struct flow_subtable_array *a, u32 i,
				const struct flow_key *key)
{
	const dp_word *words = flow_key_words(key);
	struct sig_parts sig;

	sig_parts_of(key, &sig);
	for (; i < a->n; i++) {
		struct flow_subtable *st = a->st[i];
		struct flow *flow;

		if (!sig_may_match(st, &sig))
			continue;
		flow = subtable_lookup(st, words, masked_hash(st, words));
		if (flow) {
			subtable_hit(st, 1);
			return flow;
		}
	}
	return NULL;
}

struct flow *flow_table_lookup(const struct flow_table *t,
			       const struct flow_key *key)
{
	return lookup_from(rcu_dereference(t->subtables), 0, key);
}

/* Batches are bound by memory latency, so they keep many accesses in
 * flight and let each key wait on one dependent access per subtable, not
 * two.  Each key goes to the first subtable, in rank order, that passes its
 * prefilter: its hash there is computed and its bucket prefetched at once.
 * Subtables are then visited in order, each with the keys pending at it
 * (a bit mask, so empty ones cost nothing): the first node with a key's
 * hash becomes its candidate (its lines are prefetched), which ends the
 * key's search; a key without one moves on to its next passing subtable,
 * hashed and prefetched now for when that one's turn comes.  Then the
 * candidates are compared.  An equal hash is all but proof of a match, so a
 * failed compare simply resumes the ordinary search at that subtable:
 * answers are those of flow_table_lookup().  Subtables go in windows of
 * BATCH_WINDOW, the size of the pending array. */
#define BATCH_WINDOW 64

struct batch_state {
	const struct flow_subtable_array *a;
	const struct flow_key *const *keys;
	u32 base;                       /* first subtable of the window */
	u32 pending[BATCH_WINDOW];      /* keys waiting at base + i */
	u32 later;                      /* keys waiting beyond the window */
	u32 at[FLOW_TABLE_BATCH];       /* each key's subtable */
	u32 hash[FLOW_TABLE_BATCH];     /* its hash there */
	struct sig_parts sig[FLOW_TABLE_BATCH];
};

/* Sends key 'j' to its first passing subtable from 'i' on, if any. */
static void batch_route(struct batch_state *bs, u32 j, u32 i)
{
	const struct flow_subtable_array *a = bs->a;
	const struct flow_subtable *st;

	while (i < a->n && !sig_may_match(a->st[i], &bs->sig[j]))
		i++;
	if (i >= a->n)
		return;
	bs->at[j] = i;
	if (i >= bs->base + BATCH_WINDOW) {
		bs->later |= 1U << j;
		return;
	}
	st = a->st[i];
	bs->hash[j] = masked_hash(st, flow_key_words(bs->keys[j]));
	prefetch(rcu_hmap_bucket(rcu_hmap_buckets(&st->flows), bs->hash[j]));
	bs->pending[i - bs->base] |= 1U << j;
}

/* Visits subtable 'i' with the keys pending there; returns those that
 * got a candidate, in flows[]. */
static u32 batch_visit(struct batch_state *bs, u32 i, struct flow *flows[])
{
	struct flow_subtable *st = bs->a->st[i];
	const struct rcu_hmap_buckets *b = rcu_hmap_buckets(&st->flows);
	u32 m, j, found = 0;

	for (m = bs->pending[i - bs->base]; m; m &= m - 1) {
		struct rcu_hmap_cursor cur;
		struct rcu_hmap_node *node;

		j = __builtin_ctz(m);
		node = rcu_hmap_first_hash(b, bs->hash[j], &cur);
		if (node) {
			flows[j] = container_of(node, struct flow, node);
			prefetch_masked(st, flows[j]);
			found |= 1U << j;
		} else {
			batch_route(bs, j, i + 1);
		}
	}
	/* Candidates all but always match: count them as hits. */
	if (found)
		subtable_hit(st, dp_popcount32(found));
	return found;
}

void flow_table_lookup_batch(const struct flow_table *t,
			     const struct flow_key *const keys[], u32 n,
			     struct flow *flows[])
{
	struct batch_state bs;
	u32 cands = 0, slow = 0, left, m, i, j;

	_Static_assert(FLOW_TABLE_BATCH <= 32, "keys are bits of a u32");

	if (n > FLOW_TABLE_BATCH)
		n = FLOW_TABLE_BATCH;
	bs.a = rcu_dereference(t->subtables);
	bs.keys = keys;
	bs.base = 0;
	left = n == 32 ? ~0U : (1U << n) - 1;
	for (j = 0; j < n; j++) {
		flows[j] = NULL;
		sig_parts_of(keys[j], &bs.sig[j]);
	}
	while (left) {
		memset(bs.pending, 0, sizeof bs.pending);
		bs.later = 0;
		for (m = left; m; m &= m - 1)
			batch_route(&bs, __builtin_ctz(m),
				    bs.base ? bs.at[__builtin_ctz(m)]
					    : 0);
		for (i = bs.base; i < bs.a->n && i < bs.base + BATCH_WINDOW;
		     i++)
			if (bs.pending[i - bs.base])
				cands |= batch_visit(&bs, i, flows);
		left = bs.later;
		bs.base += BATCH_WINDOW;
	}
	for (m = cands; m; m &= m - 1) {
		j = __builtin_ctz(m);
		if (!masked_equal(bs.a->st[bs.at[j]], flow_key_words(keys[j]),
				  flows[j]))
			slow |= 1U << j;
	}
	for (m = slow; m; m &= m - 1) {
		j = __builtin_ctz(m);
		flows[j] = lookup_from(bs.a, bs.at[j], keys[j]);
	}
}

struct flow *flow_table_lookup_exact(const struct flow_table *t,
				     const struct flow_key *key,
				     const struct flow_key *mask)
{
	struct flow_subtable *st = subtable_find(rcu_dereference(t->subtables),
						 mask);
	const dp_word *k = flow_key_words(key);

	return st ? subtable_lookup(st, k, masked_hash(st, k)) : NULL;
}

struct flow *flow_table_lookup_ufid(const struct flow_table *t,
				    const struct flow_ufid *ufid)
{
	const struct rcu_hmap_buckets *b = rcu_hmap_buckets(&t->ufids);
	u32 hash = ufid_hash(ufid);
	struct rcu_hmap_cursor cur;
	struct rcu_hmap_node *node;

	rcu_hmap_for_each_hash(node, cur, b, hash) {
		struct flow *flow = container_of(node, struct flow, ufid_node);

		if (flow->ufid.id[0] == ufid->id[0] &&
		    flow->ufid.id[1] == ufid->id[1])
			return flow;
	}
	return NULL;
}

/* Subtables are walked by id, which ranking and removals leave alone. */
struct flow *flow_table_dump_next(const struct flow_table *t,
				  struct flow_table_dump *d)
{
	const struct flow_subtable_array *a = rcu_dereference(t->subtables);

	for (;;) {
		struct flow_subtable *st = NULL;
		u32 i;

		if (d->hint < a->n && a->st[d->hint]->id == d->subtable_id)
			st = a->st[d->hint];
		for (i = 0; i < a->n && !st && d->subtable_id; i++)
			if (a->st[i]->id == d->subtable_id)
				st = a->st[i];
		if (st) {
			struct rcu_hmap_node *node;

			node = rcu_hmap_next_ordered(&st->flows, &d->pos);
			if (node)
				return container_of(node, struct flow, node);
		}

		st = NULL;
		for (i = 0; i < a->n; i++) {
			if (a->st[i]->id > d->subtable_id &&
			    (!st || a->st[i]->id < st->id)) {
				st = a->st[i];
				d->hint = i;
			}
		}
		if (!st)
			return NULL;
		d->subtable_id = st->id;
		memset(&d->pos, 0, sizeof(d->pos));
	}
}

void flow_stats_get(const struct flow *flow, struct flow_stats *stats)
{
	stats->packets = dp_atomic64_read(&flow->stats.packets);
	stats->bytes = dp_atomic64_read(&flow->stats.bytes);
	stats->used = dp_atomic64_read(&flow->stats.used);
	stats->tcp_flags = dp_atomic64_read(&flow->stats.tcp_flags);
}

void flow_stats_clear(struct flow *flow)
{
	dp_atomic64_set(&flow->stats.packets, 0);
	dp_atomic64_set(&flow->stats.bytes, 0);
	dp_atomic64_set(&flow->stats.used, 0);
	dp_atomic64_set(&flow->stats.tcp_flags, 0);
}
