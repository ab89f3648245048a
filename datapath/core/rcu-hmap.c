/* RCU hash map: see rcu-hmap.h. */
#include "rcu-hmap.h"

#define HMAP_MAX_BUCKETS (1U << 30)

#define wderef(p) rcu_dereference_protected((p), 1)

static u32 roundup_pow2(u32 n)
{
	u32 p = 1;

	while (p < n && p < HMAP_MAX_BUCKETS)
		p <<= 1;
	return p;
}

static u32 bitrev32(u32 x)
{
	x = ((x >> 1) & 0x55555555) | ((x & 0x55555555) << 1);
	x = ((x >> 2) & 0x33333333) | ((x & 0x33333333) << 2);
	x = ((x >> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
	x = ((x >> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
	return (x >> 16) | (x << 16);
}

/* The header, then 'n' first buckets and 'n_pool' overflow buckets from a
 * cache line boundary. */
static struct rcu_hmap_buckets *buckets_alloc(u32 n, u32 n_pool)
{
	struct rcu_hmap_buckets *b;

	b = dp_big_zalloc(sizeof(*b) + DP_CACHE_LINE +
			  ((size_t)n + n_pool) * sizeof(b->b[0]));
	if (!b)
		return NULL;
	b->b = PTR_ALIGN((struct rcu_hmap_bucket *)(b + 1), DP_CACHE_LINE);
	b->mask = n - 1;
	b->n_pool = n_pool;
	while ((1U << b->shift) < n)
		b->shift++;
	return b;
}

static void buckets_free_rcu(struct rcu_head *rcu)
{
	dp_rcu_cb_begin();
	dp_big_free(container_of(rcu, struct rcu_hmap_buckets, rcu));
}

static struct rcu_hmap_buckets *wbuckets(const struct rcu_hmap *map)
{
	return wderef(((struct rcu_hmap *)map)->buckets);
}

/* Adds 'node' to array 'b': a free slot of its bucket or of the bucket's
 * overflow chain (node, then hash), else a new overflow bucket from the
 * pool.  -ENOSPC when the pool is used up. */
static int bucket_add(struct rcu_hmap_buckets *b, struct rcu_hmap_node *node)
{
	struct rcu_hmap_bucket *first = &b->b[node->hash & b->mask], *bk, *nb;
	u32 s;

	for (bk = first; bk; bk = wderef(bk->next)) {
		for (s = 0; s < RCU_HMAP_SLOTS; s++) {
			if (wderef(bk->node[s]))
				continue;
			if (bk != first)
				WRITE_ONCE(first->ovf_bits, first->ovf_bits |
					   rcu_hmap_ovf_bit(node->hash));
			rcu_assign_pointer(bk->node[s], node);
			smp_store_release(&bk->hash[s], node->hash);
			return 0;
		}
	}
	if (b->pool_used == b->n_pool)
		return -ENOSPC;
	nb = &b->b[b->mask + 1 + b->pool_used++];
	nb->hash[0] = node->hash;
	nb->node[0] = node;
	nb->next = wderef(first->next);
	WRITE_ONCE(first->ovf_bits,
		   first->ovf_bits | rcu_hmap_ovf_bit(node->hash));
	rcu_assign_pointer(first->next, nb);
	return 0;
}

/* Rebuilds the map in an array of 'n' buckets, with a pool for overflow
 * that grows until everything fits. */
static int resize(struct rcu_hmap *map, u32 n)
{
	struct rcu_hmap_buckets *old = wbuckets(map), *b;
	u32 n_pool = n / 8 + 4;
	u32 i, s;

	for (;;) {
		int err = 0;

		b = buckets_alloc(n, n_pool);
		if (!b)
			return -ENOMEM;
		for (i = 0; !err && i <= old->mask + old->pool_used; i++)
			for (s = 0; !err && s < RCU_HMAP_SLOTS; s++)
				if (wderef(old->b[i].node[s]))
					err = bucket_add(b, wderef(old->b[i].node[s]));
		if (!err)
			break;
		dp_big_free(b);
		n_pool *= 2;
	}
	rcu_assign_pointer(map->buckets, b);
	call_rcu(&old->rcu, buckets_free_rcu);
	return 0;
}

/* Grows past 2 nodes a bucket (half its slots) and shrinks below 1/4, to
 * between 1/2 and 1.  An emptied map keeps its array until its next
 * change: an empty map is usually about to be destroyed. */
static void maybe_resize(struct rcu_hmap *map)
{
	u32 n = wbuckets(map)->mask + 1;
	u32 count = map->count;
	u32 target;

	if (count / 2 > n && n < HMAP_MAX_BUCKETS)
		target = roundup_pow2(count);
	else if (count && count < n / 4 && n > map->min_buckets)
		target = roundup_pow2(count);
	else
		return;
	resize(map, target > map->min_buckets ? target : map->min_buckets);
}

int rcu_hmap_init(struct rcu_hmap *map, u32 min_buckets)
{
	map->min_buckets = roundup_pow2(min_buckets ? min_buckets : 1);
	map->count = 0;
	map->buckets = buckets_alloc(map->min_buckets, map->min_buckets / 8 + 4);
	return map->buckets ? 0 : -ENOMEM;
}

void rcu_hmap_destroy(struct rcu_hmap *map)
{
	dp_big_free(wbuckets(map));
	map->buckets = NULL;
}

/* A bucket with a free slot is enough, but that takes a walk: a free pool
 * bucket is cheaper to check and always enough. */
int rcu_hmap_reserve(struct rcu_hmap *map)
{
	struct rcu_hmap_buckets *b = wbuckets(map);
	u32 n = b->mask + 1;

	if (b->pool_used < b->n_pool)
		return 0;
	return resize(map, map->count / 2 > n ? roundup_pow2(map->count) : n);
}

int rcu_hmap_insert(struct rcu_hmap *map, struct rcu_hmap_node *node,
		    u32 hash)
{
	int err = rcu_hmap_reserve(map);

	if (err)
		return err;
	node->hash = hash;
	bucket_add(wbuckets(map), node);
	WRITE_ONCE(map->count, map->count + 1);
	maybe_resize(map);
	return 0;
}

void rcu_hmap_remove(struct rcu_hmap *map, struct rcu_hmap_node *node)
{
	struct rcu_hmap_buckets *b = wbuckets(map);
	struct rcu_hmap_bucket *first = &b->b[node->hash & b->mask], *bk;
	unsigned long bits = 0;
	bool chain = false;
	u32 s;

	for (bk = first; bk; bk = wderef(bk->next)) {
		for (s = 0; s < RCU_HMAP_SLOTS; s++) {
			if (wderef(bk->node[s]) == node) {
				rcu_assign_pointer(bk->node[s], NULL);
				chain = bk != first;
			} else if (bk != first && wderef(bk->node[s])) {
				bits |= rcu_hmap_ovf_bit(wderef(bk->node[s])->hash);
			}
		}
	}
	if (chain)
		WRITE_ONCE(first->ovf_bits, bits);
	WRITE_ONCE(map->count, map->count - 1);
	maybe_resize(map);
}

struct rcu_hmap_node *rcu_hmap_any(const struct rcu_hmap *map, u32 *hint)
{
	struct rcu_hmap_buckets *b = wbuckets(map);
	u32 n = b->mask + 1 + b->pool_used;
	u32 k, s;

	if (!map->count)
		return NULL;
	for (k = 0; k < n; k++) {
		u32 i = (*hint + k) % n;

		for (s = 0; s < RCU_HMAP_SLOTS; s++) {
			if (wderef(b->b[i].node[s])) {
				*hint = i;
				return wderef(b->b[i].node[s]);
			}
		}
	}
	return NULL;
}

/* For the ordered walk: is (rhash, addr) before (pos_rhash, pos_addr)? */
static bool pos_before(u32 rhash, unsigned long addr,
		       u32 pos_rhash, unsigned long pos_addr)
{
	return rhash < pos_rhash || (rhash == pos_rhash && addr < pos_addr);
}

struct rcu_hmap_node *rcu_hmap_next_ordered(const struct rcu_hmap *map,
					    struct rcu_hmap_pos *pos)
{
	const struct rcu_hmap_buckets *b = rcu_hmap_buckets(map);
	u32 r = b->shift ? pos->rhash >> (32 - b->shift) : 0;

	for (; r <= b->mask; r++) {
		u32 i = b->shift ? bitrev32(r) >> (32 - b->shift) : 0;
		struct rcu_hmap_node *best = NULL;
		u32 best_rhash = 0;
		unsigned long best_addr = 0;
		struct rcu_hmap_bucket *bk;
		u32 s;

		for (bk = &b->b[i]; bk; bk = rcu_dereference(bk->next)) {
			for (s = 0; s < RCU_HMAP_SLOTS; s++) {
				struct rcu_hmap_node *node;
				unsigned long addr;
				u32 rhash;

				node = rcu_dereference(bk->node[s]);
				if (!node)
					continue;
				rhash = bitrev32(node->hash);
				addr = (unsigned long)node;
				if (pos_before(pos->rhash, pos->addr, rhash,
					       addr) &&
				    (!best || pos_before(rhash, addr, best_rhash,
							 best_addr))) {
					best = node;
					best_rhash = rhash;
					best_addr = addr;
				}
			}
		}
		if (best) {
			pos->rhash = best_rhash;
			pos->addr = best_addr;
			return best;
		}
	}
	return NULL;
}
