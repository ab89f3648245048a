/* RCU hash map: see rcu-hmap.h for the resize protocol. */
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

static struct rcu_hmap_buckets *buckets_alloc(u32 n, u32 ver)
{
	struct rcu_hmap_buckets *b;

	b = dp_big_zalloc(sizeof(*b) + n * sizeof(b->heads[0]));
	if (!b)
		return NULL;
	b->mask = n - 1;
	b->ver = ver;
	while ((1U << b->shift) < n)
		b->shift++;
	return b;
}

int rcu_hmap_init(struct rcu_hmap *map, u32 min_buckets)
{
	map->min_buckets = roundup_pow2(min_buckets ? min_buckets : 1);
	map->count = 0;
	map->resizing = 0;
	map->buckets = buckets_alloc(map->min_buckets, 0);
	return map->buckets ? 0 : -ENOMEM;
}

void rcu_hmap_destroy(struct rcu_hmap *map)
{
	dp_big_free(wderef(map->buckets));
	map->buckets = NULL;
}

bool rcu_hmap_busy(const struct rcu_hmap *map)
{
	return smp_load_acquire(&map->resizing);
}

/* After a grace period no reader walks 'b' any more, so the links of its
 * version are free for the next resize. */
static void buckets_free_rcu(struct rcu_head *rcu)
{
	struct rcu_hmap_buckets *b;
	struct rcu_hmap *owner;

	dp_rcu_cb_begin();
	b = container_of(rcu, struct rcu_hmap_buckets, rcu);
	owner = b->owner;
	dp_big_free(b);
	smp_store_release(&owner->resizing, 0);
}

static void resize(struct rcu_hmap *map, u32 n)
{
	struct rcu_hmap_buckets *old = wderef(map->buckets);
	struct rcu_hmap_buckets *b = buckets_alloc(n, old->ver ^ 1);
	struct rcu_hmap_node *node, *next;
	u32 i;

	if (!b)
		return;         /* keep the old array; a later change retries */
	for (i = 0; i <= old->mask; i++) {
		for (node = wderef(old->heads[i]); node; node = next) {
			struct rcu_hmap_node __rcu **head = rcu_hmap_head(b, node->hash);

			next = wderef(node->next[old->ver]);
			node->next[b->ver] = wderef(*head);
			*head = node;
		}
	}
	WRITE_ONCE(map->resizing, 1);
	old->owner = map;
	rcu_assign_pointer(map->buckets, b);
	call_rcu(&old->rcu, buckets_free_rcu);
}

/* Load between 1/8 and 1 node per bucket; a resize aims at 1/2 to 1. */
static void maybe_resize(struct rcu_hmap *map)
{
	u32 n = wderef(map->buckets)->mask + 1;
	u32 count = map->count;

	if (count > n && n < HMAP_MAX_BUCKETS) {
		if (!rcu_hmap_busy(map))
			resize(map, roundup_pow2(count));
	} else if (count < n / 8 && n > map->min_buckets) {
		u32 target = roundup_pow2(count * 2);

		if (!rcu_hmap_busy(map))
			resize(map, target > map->min_buckets ? target
							       : map->min_buckets);
	}
}

void rcu_hmap_insert(struct rcu_hmap *map, struct rcu_hmap_node *node,
		     u32 hash)
{
	struct rcu_hmap_buckets *b = wderef(map->buckets);
	struct rcu_hmap_node __rcu **head = rcu_hmap_head(b, hash);

	node->hash = hash;
	node->next[b->ver] = wderef(*head);
	rcu_assign_pointer(*head, node);
	WRITE_ONCE(map->count, map->count + 1);
	maybe_resize(map);
}

void rcu_hmap_remove(struct rcu_hmap *map, struct rcu_hmap_node *node)
{
	struct rcu_hmap_buckets *b = wderef(map->buckets);
	struct rcu_hmap_node __rcu **pp = rcu_hmap_head(b, node->hash);
	struct rcu_hmap_node *cur;

	while ((cur = wderef(*pp)) != node)
		pp = &cur->next[b->ver];
	rcu_assign_pointer(*pp, wderef(node->next[b->ver]));
	WRITE_ONCE(map->count, map->count - 1);
	maybe_resize(map);
}

struct rcu_hmap_node *rcu_hmap_any(const struct rcu_hmap *map, u32 *hint)
{
	struct rcu_hmap_buckets *b = wderef(map->buckets);
	struct rcu_hmap_node *node;
	u32 k;

	if (!map->count)
		return NULL;
	for (k = 0; k <= b->mask; k++) {
		u32 i = (*hint + k) & b->mask;

		node = wderef(b->heads[i]);
		if (node) {
			*hint = i;
			return node;
		}
	}
	return NULL;
}

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
		struct rcu_hmap_node *node, *best = NULL;
		u32 best_rhash = 0;
		unsigned long best_addr = 0;

		for (node = rcu_dereference(b->heads[i]); node;
		     node = rcu_hmap_next(b, node)) {
			u32 rhash = bitrev32(node->hash);
			unsigned long addr = (unsigned long)node;

			if (pos_before(pos->rhash, pos->addr, rhash, addr) &&
			    (!best || pos_before(rhash, addr, best_rhash,
						 best_addr))) {
				best = node;
				best_rhash = rhash;
				best_addr = addr;
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
