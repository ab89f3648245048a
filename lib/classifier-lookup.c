/* Classifier lookup: the subtable walk, staged lookup inside a subtable,
 * prefix-trie skips, and conjunctive matches.  Everything here is a reader
 * (rcu_read_lock() held by the caller). */
#include "classifier-private.h"

#include <arpa/inet.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* What one lookup has learned from the tries so far. */
struct trie_state {
	const struct cls_tries *tries;
	struct cls_trie_ctx ctx[CLS_MAX_TRIES];
};

static void wc_or_words(const struct cls_subtable *st, unsigned int n,
			struct of_flow *wc)
{
	dp_word *ww = (dp_word *)wc;

	if (wc)
		for (unsigned int i = 0; i < n; i++)
			ww[st->idx[i]] |= st->mask_words[i];
}

/* True if a trie proves that no rule of 'st' matches 'flow': its prefix
 * length on the trie's field is not among those the address matches.  That
 * proof alone then goes into 'wc': no more bits than the trie walk looked
 * at, and no more than the prefix itself.  Only the fields of the stage
 * that missed are tried, where the proof is likely and cheaper in bits than
 * the stage. */
static bool subtable_trie_miss(const struct cls_subtable *st, unsigned int s,
			       const struct of_flow *flow, struct of_flow *wc,
			       struct trie_state *ts)
{
	const struct cls_tries *t = ts->tries;

	for (unsigned int i = 0; t && i < t->n; i++) {
		const struct mf_field *mf = t->trie[i].mf;
		struct cls_trie_ctx *ctx = &ts->ctx[i];
		unsigned int plen = st->plen[mf->id];

		if (!plen || cls_group(mf->ofs) != st->stage_group[s])
			continue;
		if (!ctx->done)
			cls_trie_lookup(&t->trie[i], flow, ctx);
		if (!cls_trie_ctx_has(ctx, plen)) {
			cls_trie_unwildcard(mf, ctx->maskbits < plen ?
					    ctx->maskbits : plen, wc);
			return true;
		}
	}
	return false;
}

/* No rule of 'st' matches, as stage 's' showed, having consulted the first
 * 'n' mask words. */
static const struct cls_match *
subtable_miss(const struct cls_subtable *st, unsigned int s, unsigned int n,
	      const struct of_flow *flow, struct of_flow *wc,
	      struct trie_state *ts)
{
	if (wc && !subtable_trie_miss(st, s, flow, wc, ts))
		wc_or_words(st, n, wc);
	return NULL;
}

static bool stage_present(const struct rcu_hmap *map, uint32_t hash)
{
	struct rcu_hmap_cursor c;

	return rcu_hmap_first_hash(rcu_hmap_buckets(map), hash, &c) != NULL;
}

static bool match_words_equal(const struct cls_subtable *st,
			      const struct cls_match *m,
			      const struct of_flow *flow)
{
	const dp_word *fw = cls_words(flow);

	for (unsigned int i = 0; i < st->n_words; i++)
		if ((fw[st->idx[i]] & st->mask_words[i]) != m->words[i])
			return false;
	return true;
}

/* The best rule of 'st' visible in 'version' that matches 'flow', among
 * those with hash 'hash' and a priority below 'below'. */
static const struct cls_match *
subtable_best(const struct cls_subtable *st, uint32_t hash,
	      cls_version_t version, const struct of_flow *flow, int below)
{
	const struct rcu_hmap_buckets *b = rcu_hmap_buckets(&st->rules);
	const struct cls_match *best = NULL;
	struct rcu_hmap_cursor c;
	struct rcu_hmap_node *node;

	rcu_hmap_for_each_hash(node, c, b, hash) {
		const struct cls_match *m = container_of(node, struct cls_match,
							 st_node);

		if (m->priority < below &&
		    (!best || m->priority > best->priority) &&
		    cls_match_visible(m, version) &&
		    match_words_equal(st, m, flow))
			best = m;
	}
	return best;
}

/* The highest-priority rule of 'st' matching 'flow'.  Stage by stage: once
 * no rule shares the flow's masked words so far, the later stages' fields
 * never went into the answer and stay wild.  Tries are walked only when
 * a miss needs its bits explained, never on a hit. */
static const struct cls_match *
subtable_lookup(const struct cls_subtable *st, cls_version_t version,
		const struct of_flow *flow, struct of_flow *wc,
		struct trie_state *ts)
{
	const dp_word *fw = cls_words(flow);
	uint64_t acc = 0;
	unsigned int i = 0, s;
	uint32_t hash;
	const struct cls_match *m;

	for (s = 0;; s++) {
		for (; i < st->stage_end[s]; i++) {
			uint64_t w = fw[st->idx[i]] & st->mask_words[i];

			acc = dp_hash_add(acc, w, i);
		}
		hash = dp_hash_finish(acc);
		if (s + 1 == st->n_stages)
			break;
		if (!stage_present(&st->stages[s], hash))
			return subtable_miss(st, s, i, flow, wc, ts);
	}
	m = subtable_best(st, hash, version, flow, INT_MAX);
	if (!m)
		return subtable_miss(st, s, i, flow, wc, ts);
	wc_or_words(st, st->n_words, wc);
	return m;
}

/* Makes room for one more element in an array that starts in 'local' (on
 * the stack) and moves to the heap when that is full. */
static void *array_room(void *v, const void *local, size_t n, size_t *cap,
			size_t size)
{
	void *bigger;

	if (n < *cap)
		return v;
	*cap *= 2;
	bigger = cls_xmalloc(*cap * size);
	memcpy(bigger, v, n * size);
	if (v != local)
		free(v);
	return bigger;
}

/* Conjunction clauses seen so far at one priority, by id. */
struct conj_tally {
	size_t n, cap;
	struct conj_seen {
		uint32_t id;
		uint64_t clauses;
	} *v, local[16];
};

static uint64_t conj_all(unsigned int n_clauses)
{
	return n_clauses >= 64 ? ~0ULL : (1ULL << n_clauses) - 1;
}

/* Counts the clauses 'm' provides; true with '*id' when one conjunction
 * has all of them ('n_at' clause rules are at this priority, so one needing
 * more can never complete). */
static bool conj_tally_add(struct conj_tally *t, const struct cls_match *m,
			   unsigned int n_at, uint32_t *id)
{
	for (size_t k = 0; k < m->n_conj; k++) {
		const struct cls_conjunction *c = &m->conj[k];
		struct conj_seen *seen = NULL;

		if (!c->n_clauses || c->n_clauses > 64 ||
		    c->clause >= c->n_clauses || c->n_clauses > n_at)
			continue;
		for (size_t j = 0; j < t->n && !seen; j++)
			if (t->v[j].id == c->id)
				seen = &t->v[j];
		if (!seen) {
			t->v = array_room(t->v, t->local, t->n, &t->cap,
					  sizeof *t->v);
			seen = &t->v[t->n++];
			seen->id = c->id;
			seen->clauses = 0;
		}
		seen->clauses |= 1ULL << c->clause;
		if (seen->clauses == conj_all(c->n_clauses)) {
			*id = c->id;
			return true;
		}
	}
	return false;
}

/* Candidates that are conjunction clauses ("soft" matches). */
struct soft_set {
	size_t n, cap;
	const struct cls_match **v, *local[32];
};

static void soft_push(struct soft_set *s, const struct cls_match *m)
{
	s->v = array_room(s->v, s->local, s->n, &s->cap, sizeof *s->v);
	s->v[s->n++] = m;
}

static const struct cls_match *
lookup__(const struct classifier *cls, cls_version_t version,
	 const struct of_flow *flow, struct of_flow *wc, bool allow_conj);

/* Among the soft matches at their highest priority, a conjunction with all
 * its clauses decides the lookup, by a second lookup with its conj_id. */
static const struct cls_match *
soft_try_complete(const struct classifier *cls, cls_version_t version,
		  const struct of_flow *flow, struct of_flow *wc,
		  const struct soft_set *soft, int pri)
{
	struct conj_tally t = { 0, 16, NULL, { { 0, 0 } } };
	const struct cls_match *result = NULL;
	unsigned int n_at = 0;
	uint32_t id;

	t.v = t.local;
	for (size_t i = 0; i < soft->n; i++)
		n_at += soft->v[i]->priority == pri;
	for (size_t i = 0; i < soft->n && !result; i++) {
		if (soft->v[i]->priority == pri &&
		    conj_tally_add(&t, soft->v[i], n_at, &id)) {
			struct of_flow f = *flow;

			f.conj_id = htonl(id);	/* network order */
			result = lookup__(cls, version, &f, wc, false);
		}
	}
	if (t.v != t.local)
		free(t.v);
	return result;
}

static const struct cls_match *
resolve_soft(const struct classifier *cls, cls_version_t version,
	     const struct of_flow *flow, struct of_flow *wc,
	     struct soft_set *soft, const struct cls_match *hard)
{
	for (;;) {
		int hard_pri = hard ? hard->priority : INT_MIN;
		int pri = INT_MIN;
		const struct cls_match *r;
		size_t n = 0;

		for (size_t i = 0; i < soft->n; i++) {
			if (soft->v[i] && soft->v[i]->priority > hard_pri) {
				soft->v[n++] = soft->v[i];
				if (soft->v[i]->priority > pri)
					pri = soft->v[i]->priority;
			}
		}
		soft->n = n;
		if (!n)
			return hard;
		r = soft_try_complete(cls, version, flow, wc, soft, pri);
		if (r)
			return r;
		/* None completes here: fall back, for each clause rule at this
		 * priority, to a lower-priority rule with the same match. */
		for (size_t i = 0; i < soft->n; i++) {
			const struct cls_match *m = soft->v[i];

			if (m->priority != pri)
				continue;
			m = subtable_best(m->subtable, m->st_node.hash, version,
					  flow, m->priority);
			soft->v[i] = m && m->conj ? m : NULL;
			if (m && !m->conj && m->priority > hard_pri) {
				hard = m;
				hard_pri = m->priority;
			}
		}
	}
}

static const struct cls_match *
lookup__(const struct classifier *cls, cls_version_t version,
	 const struct of_flow *flow, struct of_flow *wc, bool allow_conj)
{
	const struct cls_subtable_vec *v = rcu_dereference(
		((struct classifier *)cls)->subtables);
	struct trie_state ts;
	struct soft_set soft = { 0, 32, NULL, { NULL } };
	const struct cls_match *hard = NULL, *result;
	int hard_pri = INT_MIN;

	ts.tries = rcu_dereference(((struct classifier *)cls)->tries);
	for (unsigned int i = 0; i < CLS_MAX_TRIES; i++)
		ts.ctx[i].done = false;
	soft.v = soft.local;
	for (unsigned int i = 0; i < v->n; i++) {
		const struct cls_match *m;

		if (v->e[i].max_priority <= hard_pri)
			break;
		m = subtable_lookup(v->e[i].st, version, flow, wc, &ts);
		if (!m || m->priority <= hard_pri)
			continue;
		if (!m->conj) {
			hard = m;
			hard_pri = m->priority;
		} else if (allow_conj) {
			soft_push(&soft, m);
		}
	}
	result = soft.n ? resolve_soft(cls, version, flow, wc, &soft, hard)
			: hard;
	if (soft.v != soft.local)
		free(soft.v);
	return result;
}

const struct cls_rule *classifier_lookup(const struct classifier *cls,
					 cls_version_t version,
					 const struct of_flow *flow,
					 struct of_flow *wc)
{
	const struct cls_match *m = lookup__(cls, version, flow, wc, true);

	return m ? m->rule : NULL;
}
