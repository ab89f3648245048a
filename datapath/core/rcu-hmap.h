/* A hash map of intrusive nodes: lock-free readers under RCU, one writer at a
 * time (serialised by the caller), resized by load.
 *
 * Every node has two chain links.  A bucket array says which one its chains
 * use (its "version"); a resize threads all nodes onto a new array through
 * the other link, publishes that array, and frees the old one after a grace
 * period.  Readers still walking the old array follow links that nobody
 * touched, so a resize never disturbs them.  Until the old array's grace
 * period has ended no further resize starts (its links are still in use);
 * inserts and removals go on meanwhile, on the new array only.
 *
 * The hash is the caller's: nodes with equal hashes may coexist, and the
 * caller compares its own keys. */
#ifndef WEIR_DP_RCU_HMAP_H
#define WEIR_DP_RCU_HMAP_H 1

#include "compat.h"

struct rcu_hmap_node {
	struct rcu_hmap_node __rcu *next[2];
	u32 hash;
};

struct rcu_hmap_buckets {
	u32 mask;                       /* n_buckets - 1, n_buckets a power of 2 */
	u32 ver;                        /* the next[] link these chains use */
	u32 shift;                      /* log2(n_buckets) */
	struct rcu_head rcu;
	struct rcu_hmap *owner;         /* whose resize this array ends */
	struct rcu_hmap_node __rcu *heads[];
};

struct rcu_hmap {
	struct rcu_hmap_buckets __rcu *buckets;
	u32 count;                      /* nodes; READ_ONCE outside the writer */
	u32 min_buckets;
	u32 resizing;                   /* an old array awaits its grace period */
};

/* Readers (rcu_read_lock held): the chain that may hold 'hash'. */
static inline struct rcu_hmap_buckets *rcu_hmap_buckets(const struct rcu_hmap *map)
{
	return rcu_dereference(map->buckets);
}

static inline struct rcu_hmap_node __rcu **
rcu_hmap_head(const struct rcu_hmap_buckets *b, u32 hash)
{
	return (struct rcu_hmap_node __rcu **)&b->heads[hash & b->mask];
}

static inline struct rcu_hmap_node *
rcu_hmap_first(const struct rcu_hmap_buckets *b, u32 hash)
{
	return rcu_dereference(*rcu_hmap_head(b, hash));
}

static inline struct rcu_hmap_node *
rcu_hmap_next(const struct rcu_hmap_buckets *b, const struct rcu_hmap_node *n)
{
	return rcu_dereference(((struct rcu_hmap_node *)n)->next[b->ver]);
}

/* For each node of the chain of 'hash' whose hash equals it. */
#define rcu_hmap_for_each_hash(node, b, h)				\
	for ((node) = rcu_hmap_first((b), (h)); (node);			\
	     (node) = rcu_hmap_next((b), (node)))			\
		if ((node)->hash == (h))

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
 * chain plus the empty buckets skipped. */
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
