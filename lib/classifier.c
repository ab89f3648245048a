/* The classifier: rules, subtables, versions, lookup (see classifier.h). */
#include "classifier-private.h"

#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Where each of_flow group starts, in words; the last entry is the end. */
static const uint8_t stage_bounds[CLS_N_STAGES + 1] = {
	OF_FLOW_META_OFS / 8, OF_FLOW_L2_OFS / 8, OF_FLOW_L3_OFS / 8,
	OF_FLOW_L4_OFS / 8, CLS_N_WORDS,
};

static const enum mf_field_id default_prefix_fields[] = {
	MFF_IPV4_SRC, MFF_IPV4_DST, MFF_IPV6_SRC, MFF_IPV6_DST,
};

/* Rules. */

void cls_rule_init(struct cls_rule *rule, const struct of_match *match,
		   int priority)
{
	rule->priority = priority;
	rule->cls_match = NULL;
	rule->match = cls_xmalloc(sizeof *rule->match);
	*rule->match = *match;
	/* Normalized, so that equal matches are equal bytes whatever the
	 * caller left under its wildcards. */
	for (size_t i = 0; i < CLS_N_WORDS; i++)
		((dp_word *)&rule->match->flow)[i] &=
			cls_words(&rule->match->mask)[i];
}

void cls_rule_clone(struct cls_rule *dst, const struct cls_rule *src)
{
	cls_rule_init(dst, src->match, src->priority);
}

void cls_rule_destroy(struct cls_rule *rule)
{
	assert(!rule->cls_match);
	free(rule->match);
	rule->match = NULL;
}

bool cls_rule_equal(const struct cls_rule *a, const struct cls_rule *b)
{
	return a->priority == b->priority && of_match_equal(a->match, b->match);
}

bool cls_rule_is_loose_match(const struct cls_rule *rule,
			     const struct of_match *criteria)
{
	const dp_word *rf = cls_words(&rule->match->flow);
	const dp_word *rm = cls_words(&rule->match->mask);
	const dp_word *cf = cls_words(&criteria->flow);
	const dp_word *cm = cls_words(&criteria->mask);

	for (size_t i = 0; i < CLS_N_WORDS; i++)
		if ((cm[i] & ~rm[i]) || ((rf[i] ^ cf[i]) & cm[i]))
			return false;
	return true;
}

static const struct cls_match *rule_match(const struct cls_rule *rule)
{
	return __atomic_load_n(&rule->cls_match, __ATOMIC_ACQUIRE);
}

static void rule_set_match(const struct cls_rule *rule,
			   const struct cls_match *m)
{
	__atomic_store_n(&((struct cls_rule *)rule)->cls_match, m,
			 __ATOMIC_RELEASE);
}

bool cls_rule_visible_in_version(const struct cls_rule *rule,
				 cls_version_t version)
{
	const struct cls_match *m = rule_match(rule);

	return !m || cls_match_visible(m, version);
}

void cls_rule_make_invisible_in_version(const struct cls_rule *rule,
					cls_version_t version)
{
	struct cls_match *m = (struct cls_match *)rule_match(rule);

	if (m)
		WRITE_ONCE(m->remove_version, version);
}

void cls_rule_restore_visibility(const struct cls_rule *rule)
{
	cls_rule_make_invisible_in_version(rule, CLS_NOT_REMOVED_VERSION);
}

/* Hashes. */

static uint32_t mask_hash(const struct of_flow *mask)
{
	return dp_hash_words(cls_words(mask), CLS_N_WORDS, 0);
}

static uint32_t rule_hash(const struct of_match *match, int priority)
{
	uint32_t h = dp_hash_words(cls_words(&match->flow), CLS_N_WORDS,
				   (uint32_t)priority);

	return dp_hash_words(cls_words(&match->mask), CLS_N_WORDS, h);
}

/* The hash of each stage's prefix of a rule's masked words. */
static void words_stage_hashes(const struct cls_subtable *st,
			       const uint64_t *words, uint32_t *hashes)
{
	uint64_t acc = 0;
	unsigned int i = 0;

	for (unsigned int s = 0; s < st->n_stages; s++) {
		for (; i < st->stage_end[s]; i++)
			acc = dp_hash_add(acc, words[i], i);
		hashes[s] = dp_hash_finish(acc);
	}
}

/* Subtables. */

static struct cls_subtable *subtable_create(const struct of_flow *mask)
{
	struct cls_subtable *st = cls_xzalloc(sizeof *st);
	const dp_word *mw = cls_words(mask);
	unsigned int n = 0;

	st->mask = *mask;
	for (unsigned int s = 0; s < CLS_N_STAGES; s++) {
		for (unsigned int w = stage_bounds[s]; w < stage_bounds[s + 1];
		     w++) {
			if (mw[w]) {
				st->idx[n] = w;
				st->mask_words[n++] = mw[w];
			}
		}
		if (n && (!st->n_stages ||
			  st->stage_end[st->n_stages - 1] < n)) {
			st->stage_group[st->n_stages] = s;
			st->stage_end[st->n_stages++] = n;
		}
	}
	if (!st->n_stages)		/* catch-all: one empty stage */
		st->stage_end[st->n_stages++] = 0;
	st->n_words = n;
	for (unsigned int id = 0; id < MFF_N_IDS; id++) {
		const struct mf_field *mf = mf_from_id(id);

		if (cls_trie_field_ok(mf))
			st->plen[id] = cls_trie_plen(mf, mask);
	}
	st->max_priority = INT_MIN;
	if (rcu_hmap_init(&st->rules, 4))
		abort();
	for (unsigned int s = 0; s + 1 < CLS_N_STAGES; s++)
		if (rcu_hmap_init(&st->stages[s], 4))
			abort();
	return st;
}

static void subtable_free_rcu(struct rcu_head *rcu)
{
	struct cls_subtable *st = container_of(rcu, struct cls_subtable, rcu);

	dp_rcu_cb_begin();
	rcu_hmap_destroy(&st->rules);
	for (unsigned int s = 0; s + 1 < CLS_N_STAGES; s++)
		rcu_hmap_destroy(&st->stages[s]);
	free(st);
}

static struct cls_subtable *subtable_find(const struct cls_index *index,
					  const struct of_flow *mask,
					  uint32_t hash)
{
	const struct rcu_hmap_buckets *b = rcu_hmap_buckets(&index->by_mask);
	struct rcu_hmap_cursor c;
	struct rcu_hmap_node *node;

	rcu_hmap_for_each_hash(node, c, b, hash) {
		struct cls_subtable *st;

		st = container_of(node, struct cls_subtable, mask_node);

		if (!memcmp(&st->mask, mask, sizeof *mask))
			return st;
	}
	return NULL;
}

static struct cls_stage_ref *stage_ref_find(const struct rcu_hmap *map,
					    uint32_t hash)
{
	const struct rcu_hmap_buckets *b = rcu_hmap_buckets(map);
	struct rcu_hmap_cursor c;
	struct rcu_hmap_node *node;

	rcu_hmap_for_each_hash(node, c, b, hash)
		if (node->hash == hash)
			return container_of(node, struct cls_stage_ref, node);
	return NULL;
}

static void stage_ref_add(struct rcu_hmap *map, uint32_t hash)
{
	struct cls_stage_ref *ref = stage_ref_find(map, hash);

	if (ref) {
		ref->refs++;
		return;
	}
	ref = cls_xzalloc(sizeof *ref);
	ref->refs = 1;
	if (rcu_hmap_insert(map, &ref->node, hash))
		abort();
}

static void stage_ref_free_rcu(struct rcu_head *rcu)
{
	dp_rcu_cb_begin();
	free(container_of(rcu, struct cls_stage_ref, rcu));
}

static void stage_ref_del(struct rcu_hmap *map, uint32_t hash)
{
	struct cls_stage_ref *ref = stage_ref_find(map, hash);

	if (ref && !--ref->refs) {
		rcu_hmap_remove(map, &ref->node);
		call_rcu(&ref->rcu, stage_ref_free_rcu);
	}
}

/* The subtable order lookups walk. */

static void vec_free_rcu(struct rcu_head *rcu)
{
	dp_rcu_cb_begin();
	free(container_of(rcu, struct cls_subtable_vec, rcu));
}

/* Publishes a new order: the current subtables with their current maximum
 * priorities, plus 'add' and minus 'del' (either may be NULL).  Subtables
 * of equal priority keep their relative order, so lookups stay repeatable. */
static void vec_update(struct classifier *cls, struct cls_subtable *add,
		       struct cls_subtable *del)
{
	struct cls_subtable_vec *old = cls->subtables, *v;
	unsigned int n = 0;

	v = cls_xmalloc(sizeof *v + (old->n + 1) * sizeof v->e[0]);
	for (unsigned int i = 0; i < old->n; i++)
		if (old->e[i].st != del)
			v->e[n++].st = old->e[i].st;
	if (add)
		v->e[n++].st = add;
	v->n = n;
	for (unsigned int i = 0; i < n; i++) {
		struct cls_subtable_entry e = { v->e[i].st->max_priority,
						v->e[i].st };
		unsigned int j = i;

		for (; j > 0 && v->e[j - 1].max_priority < e.max_priority; j--)
			v->e[j] = v->e[j - 1];
		v->e[j] = e;
	}
	rcu_assign_pointer(cls->subtables, v);
	call_rcu(&old->rcu, vec_free_rcu);
}

/* Prefix tries. */

static void tries_free_rcu(struct rcu_head *rcu)
{
	struct cls_tries *t = container_of(rcu, struct cls_tries, rcu);

	dp_rcu_cb_begin();
	for (unsigned int i = 0; i < t->n; i++)
		cls_trie_destroy(&t->trie[i]);
	free(t);
}

/* Adds (or takes away) 'match' to (from) every trie. */
static void tries_update(struct cls_tries *t, const struct of_match *match,
			 bool add)
{
	for (unsigned int i = 0; i < t->n; i++) {
		unsigned int plen = cls_trie_plen(t->trie[i].mf, &match->mask);

		if (!plen)
			continue;
		if (add)
			cls_trie_insert(&t->trie[i], &match->flow, plen);
		else
			cls_trie_remove(&t->trie[i], &match->flow, plen);
	}
}

static bool prefix_fields_valid(const enum mf_field_id *ids, unsigned int n)
{
	if (n > CLS_MAX_TRIES)
		return false;
	for (unsigned int i = 0; i < n; i++) {
		const struct mf_field *mf;

		if ((unsigned int)ids[i] >= MFF_N_IDS)
			return false;
		mf = mf_from_id(ids[i]);
		if (!cls_trie_field_ok(mf))
			return false;
		for (unsigned int j = 0; j < i; j++)
			if (mf_from_id(ids[j])->ofs == mf->ofs)
				return false;
	}
	return true;
}

bool classifier_set_prefix_fields(struct classifier *cls,
				  const enum mf_field_id *ids, unsigned int n)
{
	struct cls_tries *old = cls->tries, *t;
	struct rcu_hmap_pos pos = { 0, 0 };
	struct rcu_hmap_node *node;

	if (!prefix_fields_valid(ids, n))
		return false;
	if (old && old->n == n) {
		unsigned int i = 0;

		while (i < n && old->trie[i].mf->id == ids[i])
			i++;
		if (i == n)
			return false;
	}
	t = cls_xzalloc(sizeof *t);
	t->n = n;
	for (unsigned int i = 0; i < n; i++)
		t->trie[i].mf = mf_from_id(ids[i]);
	while ((node = rcu_hmap_next_ordered(&cls->index->by_rule, &pos))) {
		struct cls_match *m = container_of(node, struct cls_match,
						   all_node);

		tries_update(t, m->rule->match, true);
	}
	rcu_assign_pointer(cls->tries, t);
	if (old)
		call_rcu(&old->rcu, tries_free_rcu);
	return true;
}

/* The classifier. */

void classifier_init(struct classifier *cls)
{
	cls->subtables = cls_xzalloc(sizeof *cls->subtables);
	cls->tries = NULL;
	cls->index = cls_xzalloc(sizeof *cls->index);
	cls->n_rules = 0;
	if (rcu_hmap_init(&cls->index->by_mask, 8) ||
	    rcu_hmap_init(&cls->index->by_rule, 64))
		abort();
	classifier_set_prefix_fields(cls, default_prefix_fields,
				     sizeof default_prefix_fields /
				     sizeof default_prefix_fields[0]);
}

void classifier_destroy(struct classifier *cls)
{
	assert(!cls->n_rules);
	if (cls->tries) {
		for (unsigned int i = 0; i < cls->tries->n; i++)
			cls_trie_destroy(&cls->tries->trie[i]);
		free(cls->tries);
	}
	free(cls->subtables);
	rcu_hmap_destroy(&cls->index->by_mask);
	rcu_hmap_destroy(&cls->index->by_rule);
	free(cls->index);
	cls->subtables = NULL;
	cls->tries = NULL;
	cls->index = NULL;
}

static struct cls_match *match_create(const struct cls_subtable *st,
				      const struct cls_rule *rule,
				      cls_version_t version,
				      const struct cls_conjunction *conj,
				      size_t n_conj)
{
	const dp_word *fw = cls_words(&rule->match->flow);
	struct cls_match *m;

	m = cls_xzalloc(sizeof *m + st->n_words * sizeof m->words[0]);
	for (unsigned int i = 0; i < st->n_words; i++)
		m->words[i] = fw[st->idx[i]] & st->mask_words[i];
	m->rule = rule;
	m->subtable = (struct cls_subtable *)st;
	m->priority = rule->priority;
	m->add_version = version;
	m->remove_version = CLS_NOT_REMOVED_VERSION;
	if (n_conj) {
		m->conj = cls_xmalloc(n_conj * sizeof *conj);
		memcpy(m->conj, conj, n_conj * sizeof *conj);
		m->n_conj = n_conj;
	}
	return m;
}

static void match_free_rcu(struct rcu_head *rcu)
{
	struct cls_match *m = container_of(rcu, struct cls_match, rcu);

	dp_rcu_cb_begin();
	free(m->conj);
	free(m);
}

void classifier_insert(struct classifier *cls, const struct cls_rule *rule,
		       cls_version_t version,
		       const struct cls_conjunction *conj, size_t n_conj)
{
	const struct of_flow *mask = &rule->match->mask;
	uint32_t mhash = mask_hash(mask), hashes[CLS_N_STAGES];
	struct cls_subtable *st = subtable_find(cls->index, mask, mhash);
	struct cls_subtable *created = NULL;
	struct cls_match *m;

	if (rule_match(rule))		/* already in a classifier */
		return;
	if (!st) {
		st = created = subtable_create(mask);
		if (rcu_hmap_insert(&cls->index->by_mask, &st->mask_node,
				    mhash))
			abort();
	}
	m = match_create(st, rule, version, conj, n_conj);
	words_stage_hashes(st, m->words, hashes);
	tries_update(cls->tries, rule->match, true);
	for (unsigned int s = 0; s + 1 < st->n_stages; s++)
		stage_ref_add(&st->stages[s], hashes[s]);

	/* A reader must never see the rule in a subtable ranked below it. */
	if (created || m->priority > st->max_priority) {
		st->max_priority = m->priority;
		st->max_count = 1;
		vec_update(cls, created, NULL);
	} else if (m->priority == st->max_priority) {
		st->max_count++;
	}
	if (rcu_hmap_insert(&st->rules, &m->st_node,
			    hashes[st->n_stages - 1]) ||
	    rcu_hmap_insert(&cls->index->by_rule, &m->all_node,
			    rule_hash(rule->match, rule->priority)))
		abort();
	st->n_rules++;
	cls->n_rules++;
	rule_set_match(rule, m);
}

/* The highest priority left in 'st' (writer). */
static void subtable_recount_max(struct cls_subtable *st)
{
	struct rcu_hmap_pos pos = { 0, 0 };
	struct rcu_hmap_node *node;

	st->max_priority = INT_MIN;
	st->max_count = 0;
	while ((node = rcu_hmap_next_ordered(&st->rules, &pos))) {
		const struct cls_match *m = container_of(node, struct cls_match,
							 st_node);

		if (m->priority > st->max_priority) {
			st->max_priority = m->priority;
			st->max_count = 1;
		} else if (m->priority == st->max_priority) {
			st->max_count++;
		}
	}
}

bool classifier_remove(struct classifier *cls, const struct cls_rule *rule)
{
	struct cls_match *m = (struct cls_match *)rule_match(rule);
	uint32_t hashes[CLS_N_STAGES];
	struct cls_subtable *st;

	if (!m || m->rule != rule)
		return false;
	st = m->subtable;
	rcu_hmap_remove(&st->rules, &m->st_node);
	rcu_hmap_remove(&cls->index->by_rule, &m->all_node);
	words_stage_hashes(st, m->words, hashes);
	for (unsigned int s = 0; s + 1 < st->n_stages; s++)
		stage_ref_del(&st->stages[s], hashes[s]);
	tries_update(cls->tries, rule->match, false);
	st->n_rules--;
	cls->n_rules--;

	if (!st->n_rules) {
		rcu_hmap_remove(&cls->index->by_mask, &st->mask_node);
		vec_update(cls, NULL, st);
		call_rcu(&st->rcu, subtable_free_rcu);
	} else if (m->priority == st->max_priority && !--st->max_count) {
		subtable_recount_max(st);
		vec_update(cls, NULL, NULL);
	}
	rule_set_match(rule, NULL);
	call_rcu(&m->rcu, match_free_rcu);
	return true;
}

const struct cls_rule *classifier_replace(struct classifier *cls,
					  const struct cls_rule *rule,
					  cls_version_t version,
					  const struct cls_conjunction *conj,
					  size_t n_conj)
{
	const struct cls_rule *old;

	if (rule_match(rule))
		return NULL;
	old = classifier_find_rule_exactly(cls, rule, version);
	classifier_insert(cls, rule, version, conj, n_conj);
	if (old)
		classifier_remove(cls, old);
	return old;
}

size_t classifier_count(const struct classifier *cls)
{
	return READ_ONCE(((struct classifier *)cls)->n_rules);
}

bool classifier_is_empty(const struct classifier *cls)
{
	return !classifier_count(cls);
}

/* Finding rules by their match. */

const struct cls_rule *classifier_find_match_exactly(
	const struct classifier *cls, const struct of_match *match,
	int priority, cls_version_t version)
{
	const struct rcu_hmap_buckets *b;
	uint32_t hash = rule_hash(match, priority);
	struct rcu_hmap_cursor c;
	struct rcu_hmap_node *node;

	b = rcu_hmap_buckets(&cls->index->by_rule);
	rcu_hmap_for_each_hash(node, c, b, hash) {
		const struct cls_match *m = container_of(node, struct cls_match,
							 all_node);

		if (m->priority == priority && cls_match_visible(m, version) &&
		    of_match_equal(m->rule->match, match))
			return m->rule;
	}
	return NULL;
}

const struct cls_rule *classifier_find_rule_exactly(
	const struct classifier *cls, const struct cls_rule *target,
	cls_version_t version)
{
	return classifier_find_match_exactly(cls, target->match,
					     target->priority, version);
}

static bool matches_overlap(const struct of_match *a,
			    const struct of_match *b)
{
	const dp_word *af = cls_words(&a->flow), *am = cls_words(&a->mask);
	const dp_word *bf = cls_words(&b->flow), *bm = cls_words(&b->mask);

	for (size_t i = 0; i < CLS_N_WORDS; i++)
		if ((af[i] ^ bf[i]) & am[i] & bm[i])
			return false;
	return true;
}

bool classifier_rule_overlaps(const struct classifier *cls,
			      const struct cls_rule *rule,
			      cls_version_t version)
{
	const struct cls_subtable_vec *v = rcu_dereference(
		((struct classifier *)cls)->subtables);

	for (unsigned int i = 0; i < v->n; i++) {
		struct rcu_hmap_pos pos = { 0, 0 };
		struct rcu_hmap_node *node;

		if (v->e[i].max_priority < rule->priority)
			break;
		while ((node = rcu_hmap_next_ordered(&v->e[i].st->rules,
						     &pos))) {
			const struct cls_match *m = container_of(
				node, struct cls_match, st_node);

			if (m->priority == rule->priority && m->rule != rule &&
			    cls_match_visible(m, version) &&
			    matches_overlap(m->rule->match, rule->match))
				return true;
		}
	}
	return false;
}

/* Iteration. */

struct cls_cursor cls_cursor_start(const struct classifier *cls,
				   const struct of_match *target,
				   cls_version_t version)
{
	struct cls_cursor c = {
		.cls = cls, .target = target, .version = version,
	};

	return c;
}

const struct cls_rule *cls_cursor_next(struct cls_cursor *c)
{
	struct rcu_hmap_pos pos = { c->pos_rhash, c->pos_addr };
	const struct rcu_hmap_node *node;
	const struct cls_rule *found = NULL;

	while (!found &&
	       (node = rcu_hmap_next_ordered(&c->cls->index->by_rule, &pos))) {
		const struct cls_match *m = container_of(node, struct cls_match,
							 all_node);

		if (cls_match_visible(m, c->version) &&
		    (!c->target || cls_rule_is_loose_match(m->rule, c->target)))
			found = m->rule;
	}
	c->pos_rhash = pos.rhash;
	c->pos_addr = pos.addr;
	return found;
}
