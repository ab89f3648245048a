/* A hash map of intrusive nodes: lock-free readers under RCU, one writer at a
 * time (serialised by the caller), resized by load.
 *
 * Buckets are cache lines of RCU_HMAP_SLOTS (hash, node) slots plus an
 * overflow chain, so that a lookup reads one line to learn which nodes, if
 * any, carry its hash, and touches no node of another hash.  A slot is filled
 * node first, hash second, and emptied by clearing its node; readers take a
 * slot whose hash matches and whose node is not NULL as a candidate, and the
 * caller compares its own keys, so a slot caught mid-change can cost a
 * compare but never give a wrong answer.  Nodes never move between slots and
 * the chain while a bucket array is published, so a reader never misses a
 * node that stays in the map.
 *
 * Every node has two chain links.  A bucket array says which one its
 * overflow chains use (its "version"); a resize rebuilds all buckets in a new
 * array, threading chains through the other link, publishes that array and
 * frees the old one after a grace period.  Readers still in the old array
 * follow links nobody touched, so a resize never disturbs them.  Until the
 * old array's grace period has ended no further resize starts (its links are
 * still in use); inserts and removals go on meanwhile, in the new array. */
#ifndef WEIR_DP_RCU_HMAP_H
#define WEIR_DP_RCU_HMAP_H 1

#include "compat.h"

#define RCU_HMAP_SLOTS 4

struct rcu_hmap_node {
	struct rcu_hmap_node __rcu *next[2];
	u32 hash;
};

struct rcu_hmap_bucket {
	u32 hash[RCU_HMAP_SLOTS];       /* meaningful where node[] is set */
	struct rcu_hmap_node __rcu *node[RCU_HMAP_SLOTS];
	struct rcu_hmap_node __rcu *overflow;
	unsigned long pad;              /* one 64-byte line on 64-bit */
};

struct rcu_hmap_buckets {
	u32 mask;                       /* n_buckets - 1, n_buckets a power of 2 */
	u32 ver;                        /* the next[] link its chains use */
	u32 shift;                      /* log2(n_buckets) */
	struct rcu_head rcu;
	struct rcu_hmap *owner;         /* whose resize this array ends */
	struct rcu_hmap_bucket *b;      /* cache-line aligned, in this block */
};

struct rcu_hmap {
	struct rcu_hmap_buckets __rcu *buckets;
	u32 count;                      /* nodes; READ_ONCE outside the writer */
	u32 min_buckets;
	u32 resizing;                   /* an old array awaits its grace period */
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
	u32 ver;
	u32 slot;                       /* next slot; RCU_HMAP_SLOTS: chain */
	struct rcu_hmap_node *node;     /* last node of the chain returned */
};

static __always_inline struct rcu_hmap_node *
rcu_hmap_next_hash(struct rcu_hmap_cursor *c, u32 hash)
{
	struct rcu_hmap_node *node;

	while (c->slot < RCU_HMAP_SLOTS) {
		u32 s = c->slot++;

		if (smp_load_acquire(&c->bk->hash[s]) == hash) {
			node = rcu_dereference(((struct rcu_hmap_bucket *)c->bk)->node[s]);
			if (node)
				return node;
		}
	}
	if (c->slot == RCU_HMAP_SLOTS) {
		c->slot++;
		node = rcu_dereference(((struct rcu_hmap_bucket *)c->bk)->overflow);
	} else {
		node = rcu_dereference(c->node->next[c->ver]);
	}
	while (node && node->hash != hash)
		node = rcu_dereference(node->next[c->ver]);
	c->node = node;
	return node;
}

static __always_inline struct rcu_hmap_node *
rcu_hmap_first_hash(const struct rcu_hmap_buckets *b, u32 hash,
		    struct rcu_hmap_cursor *c)
{
	c->bk = rcu_hmap_bucket(b, hash);
	c->ver = b->ver;
	c->slot = 0;
	c->node = NULL;
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

/* Writers.  Initialisation allocates the first bucket array (a power of 2
 * no smaller than 'min_buckets'): 0 or -ENOMEM. */
int rcu_hmap_init(struct rcu_hmap *map, u32 min_buckets);
/* Only once no reader can reach the map and rcu_hmap_busy() is false:
 * frees the bucket array, not the nodes. */
void rcu_hmap_destroy(struct rcu_hmap *map);
/* True while a resize waits for its grace period; the RCU callback that ends
 * it writes to 'map', which must outlive it. */
bool rcu_hmap_busy(const struct rcu_hmap *map);

void rcu_hmap_insert(struct rcu_hmap *map, struct rcu_hmap_node *node,
		     u32 hash);
/* 'node' must be in the map.  Readers may still reach it until a grace
 * period has passed. */
void rcu_hmap_remove(struct rcu_hmap *map, struct rcu_hmap_node *node);

/* Writers: some node of the map, or NULL when it is empty.  '*hint' (start
 * at 0) keeps a loop that removes what it gets linear. */
struct rcu_hmap_node *rcu_hmap_any(const struct rcu_hmap *map, u32 *hint);

#endif /* WEIR_DP_RCU_HMAP_H */
