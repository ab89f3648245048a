/* Prefix tries: for one address field, every prefix some rule matches on,
 * so that a lookup learns which prefix lengths can match its address and
 * how many leading bits that answer rests on.  A subtable whose prefix
 * length cannot match is skipped with only those bits un-wildcarded, instead
 * of the whole address.
 *
 * A binary trie with path compression: every node holds a prefix that some
 * rule has, or branches two ways.  Writers never change a published node's
 * key; they link new nodes in with one pointer store and unlink old ones the
 * same way, so a reader walks either the old shape or the new one. */
#include "classifier-private.h"

#include <stdlib.h>
#include <string.h>

void *cls_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		abort();
	return p;
}

void *cls_xzalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);

	if (!p)
		abort();
	return p;
}

bool cls_trie_field_ok(const struct mf_field *mf)
{
	return mf && mf->maskable && !mf->shift && mf->n_bytes &&
	       mf->n_bytes <= 16 && mf->st_bytes == mf->n_bytes &&
	       mf->n_bits == 8 * mf->n_bytes;
}

/* The field's bytes in 'f', left-aligned in two words. */
static void key_load(const struct mf_field *mf, const struct of_flow *f,
		     uint64_t k[2])
{
	const uint8_t *p = (const uint8_t *)f + mf->ofs;

	k[0] = k[1] = 0;
	for (unsigned int i = 0; i < mf->n_bytes; i++)
		k[i / 8] |= (uint64_t)p[i] << (56 - 8 * (i % 8));
}

static uint64_t ones_above(unsigned int n)	/* 'n' (0..64) leading ones */
{
	return n ? ~0ULL << (64 - n) : 0;
}

static void key_mask(uint64_t k[2], unsigned int plen)
{
	if (plen < 64) {
		k[0] &= ones_above(plen);
		k[1] = 0;
	} else if (plen < 128) {
		k[1] &= ones_above(plen - 64);
	}
}

static unsigned int key_bit(const uint64_t k[2], unsigned int p)
{
	return k[p / 64] >> (63 - p % 64) & 1;
}

/* Leading bits on which 'a' and 'b' agree, at most 'limit'. */
static unsigned int key_common(const uint64_t a[2], const uint64_t b[2],
			       unsigned int limit)
{
	uint64_t x0 = a[0] ^ b[0], x1 = a[1] ^ b[1];
	unsigned int n;

	if (x0)
		n = __builtin_clzll(x0);
	else
		n = x1 ? 64 + __builtin_clzll(x1) : 128;
	return n < limit ? n : limit;
}

unsigned int cls_trie_plen(const struct mf_field *mf,
			   const struct of_flow *mask)
{
	uint64_t k[2], want[2];
	unsigned int plen;

	key_load(mf, mask, k);
	if (!k[0])
		return 0;
	plen = ~k[0] ? __builtin_clzll(~k[0])
		     : 64 + (~k[1] ? __builtin_clzll(~k[1]) : 64);
	want[0] = want[1] = ~0ULL;
	key_mask(want, plen);
	return want[0] == k[0] && want[1] == k[1] ? plen : 0;
}

static struct cls_trie_node *node_new(const uint64_t k[2], unsigned int plen,
				      unsigned int n_rules)
{
	/* One cache line a node: a lookup's cost is the lines it touches. */
	struct cls_trie_node *n = aligned_alloc(64, 64);

	_Static_assert(sizeof *n <= 64, "trie node fits a cache line");
	if (!n)
		abort();
	memset(n, 0, sizeof *n);

	n->key[0] = k[0];
	n->key[1] = k[1];
	key_mask(n->key, plen);
	n->plen = plen;
	n->n_rules = n_rules;
	return n;
}

static void node_free_rcu(struct rcu_head *rcu)
{
	dp_rcu_cb_begin();
	free(container_of(rcu, struct cls_trie_node, rcu));
}

void cls_trie_insert(struct cls_trie *t, const struct of_flow *flow,
		     unsigned int plen)
{
	struct cls_trie_node **slot = &t->root, *n, *m;
	uint64_t k[2];

	key_load(t->mf, flow, k);
	key_mask(k, plen);
	while ((n = *slot) != NULL) {
		unsigned int cpl = key_common(k, n->key,
					      plen < n->plen ? plen : n->plen);

		if (cpl == n->plen) {
			if (plen == n->plen) {
				WRITE_ONCE(n->n_rules, n->n_rules + 1);
				return;
			}
			slot = &n->child[key_bit(k, n->plen)];
			continue;
		}
		/* The new prefix stops or turns inside 'n': a node at the
		 * fork takes n's place. */
		m = node_new(k, cpl, cpl == plen);
		m->child[key_bit(n->key, cpl)] = n;
		if (cpl != plen)
			m->child[key_bit(k, cpl)] = node_new(k, plen, 1);
		rcu_assign_pointer(*slot, m);
		return;
	}
	rcu_assign_pointer(*slot, node_new(k, plen, 1));
}

/* 'n' (at '*slot') has no rules left: unlink it if it no longer forks, and
 * its parent (at '*pslot') if it stops forking because of that. */
static void node_prune(struct cls_trie_node **pslot,
		       struct cls_trie_node **slot, struct cls_trie_node *n)
{
	struct cls_trie_node *c = n->child[0] ? n->child[0] : n->child[1];
	struct cls_trie_node *p;

	if (n->child[0] && n->child[1])
		return;
	rcu_assign_pointer(*slot, c);
	call_rcu(&n->rcu, node_free_rcu);
	if (c || !pslot)
		return;
	p = *pslot;
	if (p->n_rules || (p->child[0] && p->child[1]))
		return;
	rcu_assign_pointer(*pslot, p->child[0] ? p->child[0] : p->child[1]);
	call_rcu(&p->rcu, node_free_rcu);
}

void cls_trie_remove(struct cls_trie *t, const struct of_flow *flow,
		     unsigned int plen)
{
	struct cls_trie_node **slot = &t->root, **pslot = NULL, *n;
	uint64_t k[2];

	key_load(t->mf, flow, k);
	key_mask(k, plen);
	while ((n = *slot) != NULL) {
		unsigned int lim = plen < n->plen ? plen : n->plen;

		if (key_common(k, n->key, lim) < n->plen)
			return;
		if (n->plen == plen)
			break;
		pslot = slot;
		slot = &n->child[key_bit(k, n->plen)];
	}
	if (!n || !n->n_rules)
		return;
	WRITE_ONCE(n->n_rules, n->n_rules - 1);
	if (!n->n_rules)
		node_prune(pslot, slot, n);
}

static void node_free_all(struct cls_trie_node *n)
{
	if (n) {
		node_free_all(n->child[0]);
		node_free_all(n->child[1]);
		free(n);
	}
}

void cls_trie_destroy(struct cls_trie *t)
{
	node_free_all(t->root);
	t->root = NULL;
}

/* Walks the address down the trie, noting every prefix on the way that a
 * rule has.  The walk ends where the address leaves the trie; the bits up
 * to and including that point are what any other address needs to share
 * with this one to end the walk the same way. */
void cls_trie_lookup(const struct cls_trie *t, const struct of_flow *flow,
		     struct cls_trie_ctx *ctx)
{
	const struct cls_trie_node *n = rcu_dereference(
		((struct cls_trie *)t)->root);
	unsigned int width = 8 * t->mf->n_bytes;
	uint64_t k[2];

	memset(ctx, 0, sizeof *ctx);
	ctx->done = true;
	key_load(t->mf, flow, k);
	while (n) {
		unsigned int cpl = key_common(k, n->key, n->plen);
		const struct cls_trie_node *next;
		unsigned int b;

		if (cpl < n->plen) {
			ctx->maskbits = cpl + 1;
			return;
		}
		if (READ_ONCE(((struct cls_trie_node *)n)->n_rules))
			ctx->plens[n->plen / 64] |= 1ULL << (n->plen % 64);
		if (n->plen >= width) {
			ctx->maskbits = width;
			return;
		}
		b = key_bit(k, n->plen);
		next = rcu_dereference(((struct cls_trie_node *)n)->child[b]);
		if (!next) {
			bool other = rcu_dereference(
				((struct cls_trie_node *)n)->child[!b]) != NULL;

			ctx->maskbits = n->plen + other;
			return;
		}
		n = next;
	}
}

void cls_trie_unwildcard(const struct mf_field *mf, unsigned int n,
			 struct of_flow *wc)
{
	uint8_t *p = (uint8_t *)wc + mf->ofs;
	unsigned int i;

	for (i = 0; i < n / 8; i++)
		p[i] = 0xff;
	if (n % 8)
		p[i] |= (uint8_t)(0xff << (8 - n % 8));
}
