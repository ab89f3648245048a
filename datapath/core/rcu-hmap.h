/* A hash map of intrusive nodes: lock-free readers under RCU, one writer at a
 * time (serialised by the caller), resized by load.
 *
 * Buckets are cache lines of RCU_HMAP_SLOTS (hash, node) slots, so that a
 * lookup reads one line to learn which nodes, if any, carry its hash, and
 * touches no node of another hash.  A full bucket continues in overflow
 * buckets taken from a pool at the end of the same array; the first bucket
 * keeps a bit per overflow node's hash, so lookups walk the chain only when
 * their hash may be in it.
 *
 * A slot is filled node first, hash second, and emptied by clearing its
 * node; readers take a slot whose hash matches and whose node is not NULL as
 * a candidate, and the caller compares its own keys, so a slot caught
 * mid-change can cost a compare but never give a wrong answer.  Nodes never
 * move while an array is published and overflow buckets are never unlinked
 * from it, so a reader never misses a node that stays in the map, and the
 * overflow bits only ever gain a node before it is in place and lose one
 * after it is gone.
 *
 * A resize builds a whole new array, publishes it and frees the old one
 * after a grace period.  Nodes hold no links, so nothing readers of the old
 * array follow is ever rewritten: a resize can start at any time, and the
 * RCU callback touches nothing but the old array. */
#ifndef WEIR_DP_RCU_HMAP_H
#define WEIR_DP_RCU_HMAP_H 1

#include "compat.h"

#define RCU_HMAP_SLOTS 4

struct rcu_hmap_node {
	u32 hash;
};

struct rcu_hmap_bucket {
	u32 hash[RCU_HMAP_SLOTS];       /* meaningful where node[] is set */
	struct rcu_hmap_node __rcu *node[RCU_HMAP_SLOTS];
	struct rcu_hmap_bucket __rcu *next;     /* overflow */
	unsigned long ovf_bits;         /* first bucket: rcu_hmap_ovf_bit()s */
};                                      /* one 64-byte line on 64-bit */

static __always_inline unsigned long rcu_hmap_ovf_bit(u32 hash)
{
	return 1UL << ((hash >> 26) % (8 * sizeof(unsigned long)));
}

struct rcu_hmap_buckets {
	u32 mask;                       /* n_buckets - 1, n_buckets a power of 2 */
	u32 shift;                      /* log2(n_buckets) */
	u32 n_pool;                     /* overflow buckets after the first ones */
	u32 pool_used;                  /* the writer's */
	struct rcu_head rcu;
	struct rcu_hmap_bucket *b;      /* cache-line aligned, in this block */
};

struct rcu_hmap {
	struct rcu_hmap_buckets __rcu *buckets;
	u32 count;                      /* nodes; READ_ONCE outside the writer */
	u32 min_buckets;
};

/* Readers (rcu_read_lock held). */
static inline const struct rcu_hmap_buckets *
rcu_hmap_buckets(const struct rcu_hmap *map)
{
	return rcu_dereference(map->buckets);
}

static inline const struct rcu_hmap_bucket *
rcu_hmap_bucket(const struct rcu_hmap_buckets *b, u32 hash)
{
	return &b->b[hash & b->mask];
}

/* Where a walk over the candidates for one hash is. */
struct rcu_hmap_cursor {
	const struct rcu_hmap_bucket *bk;
	u32 slot;                       /* the next one to look at */
	bool chain;                     /* 'bk' is an overflow bucket */
};

static __always_inline struct rcu_hmap_node *
rcu_hmap_next_hash(struct rcu_hmap_cursor *c, u32 hash)
{
	for (;;) {
		struct rcu_hmap_bucket *bk = (struct rcu_hmap_bucket *)c->bk;

		while (c->slot < RCU_HMAP_SLOTS) {
			u32 s = c->slot++;

			if (smp_load_acquire(&bk->hash[s]) == hash) {
				struct rcu_hmap_node *node;

				node = rcu_dereference(bk->node[s]);
				if (node)
					return node;
			}
		}
		if (!c->chain &&
		    !(READ_ONCE(bk->ovf_bits) & rcu_hmap_ovf_bit(hash)))
			return NULL;
		c->bk = rcu_dereference(bk->next);
		if (!c->bk)
			return NULL;
		c->chain = true;
		c->slot = 0;
	}
}

static __always_inline struct rcu_hmap_node *
rcu_hmap_first_hash(const struct rcu_hmap_buckets *b, u32 hash,
		    struct rcu_hmap_cursor *c)
{
	c->bk = rcu_hmap_bucket(b, hash);
	c->slot = 0;
	c->chain = false;
	return rcu_hmap_next_hash(c, hash);
}

/* For each node whose hash is 'h' (and perhaps a node caught moving in or
 * out: the caller compares keys). */
#define rcu_hmap_for_each_hash(node, cursor, b, h)			\
	for ((node) = rcu_hmap_first_hash((b), (h), &(cursor)); (node);	\
	     (node) = rcu_hmap_next_hash(&(cursor), (h)))

static inline u32 rcu_hmap_count(const struct rcu_hmap *map)
{
	return READ_ONCE(((struct rcu_hmap *)map)->count);
}

/* Position of an ordered walk.  Zero it to start. */
struct rcu_hmap_pos {
	u32 rhash;                      /* bit-reversed hash of the last node */
	unsigned long addr;             /* its address, only ever compared */
};

/* Readers: the node after 'pos' in the order (bit-reversed hash, address),
 * or NULL at the end; updates 'pos'.  That order does not depend on the
 * number of buckets, so a walk survives resizes, and positions are values,
 * so the last node returned may be removed (and freed) between calls.
 * Every node present for the whole walk is returned exactly once; nodes
 * inserted or removed meanwhile may or may not be.  Each call costs one
 * bucket plus the empty buckets skipped. */
struct rcu_hmap_node *rcu_hmap_next_ordered(const struct rcu_hmap *map,
					    struct rcu_hmap_pos *pos);

/* Writers.  Initialisation allocates the first array (a power of 2 no
 * smaller than 'min_buckets'): 0 or -ENOMEM. */
int rcu_hmap_init(struct rcu_hmap *map, u32 min_buckets);
/* Once no reader can reach the map: frees the array, not the nodes. */
void rcu_hmap_destroy(struct rcu_hmap *map);

/* Makes room for a node: 0 or -ENOMEM.  The next rcu_hmap_insert(), with
 * no change to the map in between, cannot fail. */
int rcu_hmap_reserve(struct rcu_hmap *map);
/* 0, or -ENOMEM when a full array cannot be replaced. */
int rcu_hmap_insert(struct rcu_hmap *map, struct rcu_hmap_node *node,
		    u32 hash);
/* 'node' must be in the map.  Readers may still reach it until a grace
 * period has passed. */
void rcu_hmap_remove(struct rcu_hmap *map, struct rcu_hmap_node *node);

/* Writers: some node of the map, or NULL when it is empty.  '*hint' (start
 * at 0) keeps a loop that removes what it gets linear. */
struct rcu_hmap_node *rcu_hmap_any(const struct rcu_hmap *map, u32 *hint);

#endif /* WEIR_DP_RCU_HMAP_H */
