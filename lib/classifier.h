/* A priority classifier over OpenFlow matches: the rules of one OpenFlow
 * table, looked up by packet.
 *
 * Tuple-space search: the rules sharing a mask form a subtable, one hash
 * table keyed by the masked flow, and subtables are visited in order of the
 * highest priority they hold, so a lookup stops as soon as no subtable left
 * can beat what it has found.  Inside a subtable the lookup goes in stages
 * over the of_flow groups (metadata, L2, L3, L4) and gives up at the first
 * stage no rule agrees with; when a miss involves an address field with a
 * prefix trie, the trie rules the subtable out by as few leading address
 * bits as it can.  Both keep the set of bits a lookup reports ('wc', the
 * megaflow mask) narrow.
 *
 * Versions make a batch of changes (a bundle) visible at once: a rule is
 * visible from the version it was added in until the version it is made
 * invisible in.
 *
 * One writer at a time (the caller serialises them); lookups, finds and
 * cursors run at the same time from other threads inside rcu_read_lock(),
 * and see each insert or removal either done or not done. */
#ifndef WEIR_CLASSIFIER_H
#define WEIR_CLASSIFIER_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "of-flow.h"
#include "ofp-fields.h"
#include "ofp-match.h"

typedef uint64_t cls_version_t;
#define CLS_MIN_VERSION 0
#define CLS_MAX_VERSION (UINT64_MAX - 1)
#define CLS_NOT_REMOVED_VERSION UINT64_MAX

/* One clause of a conjunctive match ("conjunction(id,k/n)" action).
 * 'clause' is 0-based, as in struct ofpact_conjunction: the text's k/n is
 * clause k - 1 of n_clauses n.  One with n_clauses outside 1..64, or
 * clause >= n_clauses, never completes. */
struct cls_conjunction {
	uint32_t id;
	uint8_t clause;
	uint8_t n_clauses;
};

struct cls_match;			/* private */
struct cls_rule {			/* embedded in the owner's rule */
	int priority;
	const struct cls_match *cls_match;   /* private: set while in a classifier */
	struct of_match *match;              /* owned copy (malloc'd) */
};

/* Copies the match, with flow bits under its wildcards cleared. */
void cls_rule_init(struct cls_rule *, const struct of_match *, int priority);
void cls_rule_clone(struct cls_rule *dst, const struct cls_rule *src);
void cls_rule_destroy(struct cls_rule *);	/* not while in a classifier */
/* Same match and priority. */
bool cls_rule_equal(const struct cls_rule *, const struct cls_rule *);
/* True if 'rule' matches only packets 'criteria' matches (ovs-ofctl's
 * "loose" selection for modify/delete/dump-flows: every field criteria
 * constrains, rule constrains at least as much, to the same value). */
bool cls_rule_is_loose_match(const struct cls_rule *rule,
			     const struct of_match *criteria);
/* A rule in no classifier is visible in every version. */
bool cls_rule_visible_in_version(const struct cls_rule *, cls_version_t);
/* A rule in a classifier becomes invisible from 'version' on (a delete
 * inside a bundle); restore undoes it (bundle discard). */
void cls_rule_make_invisible_in_version(const struct cls_rule *,
					cls_version_t);
void cls_rule_restore_visibility(const struct cls_rule *);

#define CLS_MAX_TRIES 4

struct cls_subtable_vec;		/* private */
struct cls_tries;			/* private */
struct cls_index;			/* private */

struct classifier {
	struct cls_subtable_vec *subtables;	/* RCU: by max priority */
	struct cls_tries *tries;		/* RCU: prefix tries */
	struct cls_index *index;		/* subtables, rules by match */
	size_t n_rules;
};

void classifier_init(struct classifier *);
void classifier_destroy(struct classifier *);	/* must be empty */
/* Fields with prefix tries (default: nw_src, nw_dst, ipv6_src, ipv6_dst):
 * up to CLS_MAX_TRIES distinct maskable fields stored as whole bytes.
 * False if unchanged or invalid (then nothing changes). */
bool classifier_set_prefix_fields(struct classifier *,
				  const enum mf_field_id *, unsigned int n);
/* Inserts 'rule', visible from 'version'.  If a rule with the same match
 * and priority is visible in 'version', it is replaced (removed from the
 * classifier) and returned. */
const struct cls_rule *classifier_replace(struct classifier *,
					  const struct cls_rule *,
					  cls_version_t,
					  const struct cls_conjunction *,
					  size_t n_conj);
/* As replace, when no identical rule is visible in 'version'.  Both do
 * nothing with a rule that is in a classifier already. */
void classifier_insert(struct classifier *, const struct cls_rule *,
		       cls_version_t, const struct cls_conjunction *,
		       size_t n_conj);
/* Takes 'rule' out; readers may still see it until an RCU grace period
 * passes, so the caller frees it with call_rcu.  False if it was not in. */
bool classifier_remove(struct classifier *, const struct cls_rule *);
/* The highest-priority rule visible in 'version' matching 'flow'; ties:
 * any, but the same every time.  Conjunctive matches are resolved inside
 * (OVS semantics: when the best candidates at a priority are conjunction
 * clauses, and for some id every clause has a match, the lookup continues
 * with conj_id=id, and the rule matching that conj_id is the result if it
 * beats the other candidates).  ORs into 'wc' (if nonnull) every flow bit
 * the result depended on: any flow equal to 'flow' on the bits set in 'wc'
 * gets the same result.  Callers are lock-free readers inside
 * rcu_read_lock(). */
const struct cls_rule *classifier_lookup(const struct classifier *,
					 cls_version_t,
					 const struct of_flow *flow,
					 struct of_flow *wc);
const struct cls_rule *classifier_find_rule_exactly(const struct classifier *,
						    const struct cls_rule *,
						    cls_version_t);
const struct cls_rule *classifier_find_match_exactly(
	const struct classifier *, const struct of_match *, int priority,
	cls_version_t);
/* True if some other rule of the same priority, visible in 'version',
 * could match a packet 'rule' matches (OFPFF_CHECK_OVERLAP). */
bool classifier_rule_overlaps(const struct classifier *,
			      const struct cls_rule *, cls_version_t);
size_t classifier_count(const struct classifier *);
bool classifier_is_empty(const struct classifier *);

/* Iteration (writer side, or readers under RCU).  'target' NULL: every
 * rule; else the rules that are loose matches of it.  Only rules visible in
 * 'version' (CLS_MAX_VERSION: all current ones).  Removing the rule just
 * returned is allowed.  Rules present for the whole walk are returned once
 * each, in no particular order. */
struct cls_cursor {
	const struct classifier *cls;
	const struct of_match *target;
	cls_version_t version;
	uint32_t pos_rhash;		/* private: where the walk is */
	unsigned long pos_addr;
};
struct cls_cursor cls_cursor_start(const struct classifier *,
				   const struct of_match *target,
				   cls_version_t);
const struct cls_rule *cls_cursor_next(struct cls_cursor *);

#define CLS_FOR_EACH_TARGET(RULE, CURSOR, CLS, TARGET, VERSION)	\
	for (struct cls_cursor CURSOR =					\
		     cls_cursor_start(CLS, TARGET, VERSION);			\
	     ((RULE) = cls_cursor_next(&(CURSOR))) != NULL; )

#endif /* WEIR_CLASSIFIER_H */
