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

#define CACHE_LINE 64

/* The header, then the buckets from the first cache line boundary. */
static struct rcu_hmap_buckets *buckets_alloc(u32 n, u32 ver)
{
	struct rcu_hmap_buckets *b;
	unsigned long at;

	b = dp_big_zalloc(sizeof(*b) + CACHE_LINE + n * sizeof(b->b[0]));
	if (!b)
		return NULL;
	at = ((unsigned long)(b + 1) + CACHE_LINE - 1) & ~(CACHE_LINE - 1UL);
	b->b = (struct rcu_hmap_bucket *)at;
	b->mask = n - 1;
	b->ver = ver;
	while ((1U << b->shift) < n)
		b->shift++;
	return b;
}

static struct rcu_hmap_buckets *wbuckets(const struct rcu_hmap *map)
{
	return wderef(((struct rcu_hmap *)map)->buckets);
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
	dp_big_free(wbuckets(map));
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

/* Adds 'node' to bucket 'bk' of an array whose chains use link 'ver':
 * a free slot (node, then hash), else the head of the chain. */
static void bucket_add(struct rcu_hmap_bucket *bk, u32 ver,
		       struct rcu_hmap_node *node)
{
	u32 s;

	for (s = 0; s < RCU_HMAP_SLOTS; s++) {
		if (!wderef(bk->node[s])) {
			rcu_assign_pointer(bk->node[s], node);
			smp_store_release(&bk->hash[s], node->hash);
			return;
		}
	}
	node->next[ver] = wderef(bk->overflow);
	rcu_assign_pointer(bk->overflow, node);
}

static void resize(struct rcu_hmap *map, u32 n)
{
	struct rcu_hmap_buckets *old = wbuckets(map);
	struct rcu_hmap_buckets *b = buckets_alloc(n, old->ver ^ 1);
	u32 i, s;

	if (!b)
		return;         /* keep the old array; a later change retries */
	for (i = 0; i <= old->mask; i++) {
		struct rcu_hmap_bucket *bk = &old->b[i];
		struct rcu_hmap_node *node, *next;

		for (s = 0; s < RCU_HMAP_SLOTS; s++) {
			node = wderef(bk->node[s]);
			if (node)
				bucket_add(&b->b[node->hash & b->mask], b->ver,
					   node);
		}
		for (node = wderef(bk->overflow); node; node = next) {
			next = wderef(node->next[old->ver]);
			bucket_add(&b->b[node->hash & b->mask], b->ver, node);
		}
	}
	WRITE_ONCE(map->resizing, 1);
	old->owner = map;
	rcu_assign_pointer(map->buckets, b);
	call_rcu(&old->rcu, buckets_free_rcu);
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
	if (target < map->min_buckets)
		target = map->min_buckets;
	if (!rcu_hmap_busy(map))
		resize(map, target);
}

void rcu_hmap_insert(struct rcu_hmap *map, struct rcu_hmap_node *node,
		     u32 hash)
{
	struct rcu_hmap_buckets *b = wbuckets(map);

	node->hash = hash;
	bucket_add(&b->b[hash & b->mask], b->ver, node);
	WRITE_ONCE(map->count, map->count + 1);
	maybe_resize(map);
}

void rcu_hmap_remove(struct rcu_hmap *map, struct rcu_hmap_node *node)
{
	struct rcu_hmap_buckets *b = wbuckets(map);
	struct rcu_hmap_bucket *bk = &b->b[node->hash & b->mask];
	struct rcu_hmap_node __rcu **pp;
	struct rcu_hmap_node *cur;
	u32 s;

	for (s = 0; s < RCU_HMAP_SLOTS; s++) {
		if (wderef(bk->node[s]) == node) {
			rcu_assign_pointer(bk->node[s], NULL);
			goto done;
		}
	}
	pp = &bk->overflow;
	while ((cur = wderef(*pp)) != node)
		pp = &cur->next[b->ver];
	rcu_assign_pointer(*pp, wderef(node->next[b->ver]));
done:
	WRITE_ONCE(map->count, map->count - 1);
	maybe_resize(map);
}

/* The first node of bucket 'bk', in slot order then chain order. */
static struct rcu_hmap_node *bucket_first(const struct rcu_hmap_bucket *bk)
{
	u32 s;

	for (s = 0; s < RCU_HMAP_SLOTS; s++)
		if (wderef(bk->node[s]))
			return wderef(bk->node[s]);
	return wderef(bk->overflow);
}

struct rcu_hmap_node *rcu_hmap_any(const struct rcu_hmap *map, u32 *hint)
{
	struct rcu_hmap_buckets *b = wbuckets(map);
	struct rcu_hmap_node *node;
	u32 k;

	if (!map->count)
		return NULL;
	for (k = 0; k <= b->mask; k++) {
		u32 i = (*hint + k) & b->mask;

		node = bucket_first(&b->b[i]);
		if (node) {
			*hint = i;
			return node;
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

struct ordered_best {
	struct rcu_hmap_node *node;
	u32 rhash;
	unsigned long addr;
};

static void ordered_consider(struct ordered_best *best,
			     const struct rcu_hmap_pos *pos,
			     struct rcu_hmap_node *node)
{
	u32 rhash = bitrev32(node->hash);
	unsigned long addr = (unsigned long)node;

	if (pos_before(pos->rhash, pos->addr, rhash, addr) &&
	    (!best->node || pos_before(rhash, addr, best->rhash, best->addr))) {
		best->node = node;
		best->rhash = rhash;
		best->addr = addr;
	}
}

struct rcu_hmap_node *rcu_hmap_next_ordered(const struct rcu_hmap *map,
					    struct rcu_hmap_pos *pos)
{
	const struct rcu_hmap_buckets *b = rcu_hmap_buckets(map);
	u32 r = b->shift ? pos->rhash >> (32 - b->shift) : 0;

	for (; r <= b->mask; r++) {
		u32 i = b->shift ? bitrev32(r) >> (32 - b->shift) : 0;
		struct rcu_hmap_bucket *bk = &b->b[i];
		struct ordered_best best = { NULL, 0, 0 };
		struct rcu_hmap_node *node;
		u32 s;

		for (s = 0; s < RCU_HMAP_SLOTS; s++) {
			node = rcu_dereference(bk->node[s]);
			if (node)
				ordered_consider(&best, pos, node);
		}
		for (node = rcu_dereference(bk->overflow); node;
		     node = rcu_dereference(node->next[b->ver]))
			ordered_consider(&best, pos, node);
		if (best.node) {
			pos->rhash = best.rhash;
			pos->addr = best.addr;
			return best.node;
		}
	}
	return NULL;
}
