/* The classifier's insides, shared by classifier.c (rules, subtables,
 * lookup) and classifier-trie.c (prefix tries). */
#ifndef WEIR_CLASSIFIER_PRIVATE_H
#define WEIR_CLASSIFIER_PRIVATE_H 1

#include "classifier.h"
#include "hash.h"
#include "rcu-hmap.h"

#define CLS_N_WORDS (sizeof(struct of_flow) / 8)
#define CLS_N_STAGES 4

/* of_flow as the 64-bit words that masks and hashes work on. */
static inline const dp_word *cls_words(const struct of_flow *f)
{
	return (const dp_word *)f;
}

/* The of_flow group (0 metadata, 1 L2, 2 L3, 3 L4) of the byte at 'ofs'. */
static inline unsigned int cls_group(size_t ofs)
{
	return (ofs >= OF_FLOW_L2_OFS) + (ofs >= OF_FLOW_L3_OFS) +
	       (ofs >= OF_FLOW_L4_OFS);
}

/* One rule in a classifier.  Everything but remove_version is fixed once
 * the rule is published. */
struct cls_match {
	struct rcu_hmap_node st_node;	/* subtable->rules, by flow */
	struct rcu_hmap_node all_node;	/* index->by_rule */
	const struct cls_rule *rule;
	struct cls_subtable *subtable;
	int priority;
	cls_version_t add_version;
	cls_version_t remove_version;	/* READ_ONCE/WRITE_ONCE */
	struct cls_conjunction *conj;	/* NULL when not a clause */
	size_t n_conj;
	struct rcu_head rcu;
	uint64_t words[];		/* masked flow, subtable->idx order */
};

static inline bool cls_match_visible(const struct cls_match *m,
				     cls_version_t version)
{
	return m->add_version <= version &&
	       version < READ_ONCE(((struct cls_match *)m)->remove_version);
}

/* A rule's masked flow, for one stage of the lookup, is in some rule of the
 * subtable: 'refs' rules share this hash. */
struct cls_stage_ref {
	struct rcu_hmap_node node;
	unsigned int refs;
	struct rcu_head rcu;
};

/* The rules that share one mask. */
struct cls_subtable {
	struct rcu_hmap_node mask_node;	/* index->by_mask */
	struct rcu_hmap rules;		/* cls_match by masked flow */
	struct rcu_hmap stages[CLS_N_STAGES - 1];  /* cls_stage_ref */
	int max_priority;		/* of its rules (writer) */
	unsigned int max_count;		/* rules at max_priority */
	unsigned int n_rules;
	uint8_t n_stages;		/* nonempty of_flow groups */
	uint8_t stage_end[CLS_N_STAGES];	/* into idx[], per stage */
	uint8_t stage_group[CLS_N_STAGES];	/* its cls_group() */
	uint8_t n_words;
	uint8_t idx[CLS_N_WORDS];	/* words the mask touches */
	uint64_t mask_words[CLS_N_WORDS];	/* mask, idx[] order */
	uint8_t plen[MFF_N_IDS];	/* cls_trie_plen() of prefix fields */
	struct of_flow mask;
	struct rcu_head rcu;
};

/* What lookups walk: subtables by decreasing max priority (a snapshot of
 * it, so that the order never changes under a reader). */
struct cls_subtable_entry {
	int max_priority;
	struct cls_subtable *st;
};

struct cls_subtable_vec {
	unsigned int n;
	struct rcu_head rcu;
	struct cls_subtable_entry e[];
};

struct cls_index {
	struct rcu_hmap by_mask;	/* cls_subtable */
	struct rcu_hmap by_rule;	/* cls_match */
};

/* Prefix tries.  A node holds a whole prefix, left-aligned in 128 bits, so
 * that linking a node past its parent needs no copy. */
struct cls_trie_node {
	uint64_t key[2];
	uint8_t plen;
	unsigned int n_rules;		/* rules with just this prefix */
	struct cls_trie_node *child[2];
	struct rcu_head rcu;
};

struct cls_trie {
	const struct mf_field *mf;
	struct cls_trie_node *root;
};

struct cls_tries {
	unsigned int n;
	struct cls_trie trie[CLS_MAX_TRIES];
	struct rcu_head rcu;
};

/* What one lookup learned from one trie. */
struct cls_trie_ctx {
	bool done;
	uint8_t maskbits;		/* leading bits the answer needs */
	uint64_t plens[3];		/* bit p: a /p prefix matches */
};

void *cls_xmalloc(size_t);
void *cls_xzalloc(size_t);

/* The prefix length of 'mask' on the trie's field, 0 if it is wild or
 * not a prefix. */
unsigned int cls_trie_plen(const struct mf_field *, const struct of_flow *mask);
bool cls_trie_field_ok(const struct mf_field *);
/* Writers.  'flow' holds the value; 'plen' from cls_trie_plen(), nonzero. */
void cls_trie_insert(struct cls_trie *, const struct of_flow *flow,
		     unsigned int plen);
void cls_trie_remove(struct cls_trie *, const struct of_flow *flow,
		     unsigned int plen);
/* Frees the whole trie at once; no reader may reach it. */
void cls_trie_destroy(struct cls_trie *);
/* Readers. */
void cls_trie_lookup(const struct cls_trie *, const struct of_flow *flow,
		     struct cls_trie_ctx *);
static inline bool cls_trie_ctx_has(const struct cls_trie_ctx *ctx,
				    unsigned int plen)
{
	return ctx->plens[plen / 64] >> (plen % 64) & 1;
}
/* Sets the 'n' leading bits of the trie's field in 'wc'. */
void cls_trie_unwildcard(const struct mf_field *, unsigned int n,
			 struct of_flow *wc);

#endif /* WEIR_CLASSIFIER_PRIVATE_H */
