/* The daemon's record of each megaflow it installed ("ukey"): the match,
 * and what its translation depended on, indexed so that a change to the
 * OpenFlow tables finds the megaflows it can affect without visiting the
 * others.
 *
 * A change can affect a megaflow in two ways:
 *  - a rule it used is modified or removed: found through the rule;
 *  - a rule is added to a table the translation looked up in, with a higher
 *    priority than what that lookup found, and its match overlaps the
 *    packets that reached that lookup: found through the table, then
 *    checked against the megaflow's match.  When earlier actions had
 *    changed the flow before the lookup, the megaflow's own fields no
 *    longer say which packets reached it, and the check assumes overlap.
 *
 * One mutex guards the map: handlers insert, the revalidator removes and
 * the main thread asks what a change affects. */
#ifndef WEIR_UKEY_H
#define WEIR_UKEY_H 1

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flow-table.h"
#include "ofp-match.h"
#include "rcu-hmap.h"

/* One table lookup a translation made. */
struct ukey_visit {
	const void *rule;       /* the rule found, NULL for a miss */
	int priority;           /* its priority; -1 for a miss */
	uint8_t table_id;
	bool flow_changed;      /* the flow differed from the packet's */
};

struct ukey {
	struct flow_ufid ufid;
	struct of_match match;          /* the megaflow, OpenFlow view */
	struct flow_key key, mask;      /* the same, as installed: the key is
					 * the packet's, unmasked */
	struct ukey_visit *visits;
	size_t n_visits;
	const void **uses;              /* other rules and groups relied on */
	size_t n_uses;
	void *actions;                  /* datapath actions, netlink */
	size_t actions_len;
	uint64_t version;               /* tables' version translated in */
	uint32_t *recircs;              /* recirculation ids it holds */
	size_t n_recircs;
	uint32_t *group_ids;            /* groups its packets go through */
	size_t n_groups;

	/* The revalidator's. */
	uint64_t pushed_packets, pushed_bytes;
	uint64_t dump_seq;              /* last sweep that saw its flow */
	long long created_ms;
	bool dirty;

	/* The map's. */
	struct rcu_hmap_node ufid_node;
	size_t *table_pos;              /* per visit: index in its table */
	struct ukey_ref *refs;          /* per rule/group used */
	size_t n_refs;
};

struct ukey_map;

struct ukey_map *ukey_map_create(void);
/* Must be empty. */
void ukey_map_destroy(struct ukey_map *);

/* Takes 'visits' and 'uses' as they are (the map keeps pointers to the
 * arrays, which the ukey owns). */
struct ukey *ukey_create(const struct flow_ufid *, const struct of_match *,
			 const struct ukey_visit *, size_t n_visits,
			 const void *const *uses, size_t n_uses,
			 const void *actions, size_t actions_len,
			 uint64_t version);
void ukey_destroy(struct ukey *);

/* False (and nothing done) if a ukey with the same UFID is in.  The
 * _locked form is for a caller holding ukey_map_lock(). */
bool ukey_map_insert(struct ukey_map *, struct ukey *);
bool ukey_map_insert_locked(struct ukey_map *, struct ukey *);
void ukey_map_remove(struct ukey_map *, struct ukey *);
void ukey_map_remove_locked(struct ukey_map *, struct ukey *);
struct ukey *ukey_map_find(struct ukey_map *, const struct flow_ufid *);
size_t ukey_map_count(struct ukey_map *);

/* Marks dirty, and calls 'cb' once for, every ukey the change can affect
 * that was not dirty yet; returns how many.  'cb' runs under the map's
 * lock and must not call back into the map.  The revalidator clears
 * 'dirty' (under ukey_map_lock()) once it has dealt with a ukey. */
typedef void ukey_cb(struct ukey *, void *aux);
size_t ukey_map_rule_changed(struct ukey_map *, const void *rule,
			     ukey_cb *, void *aux);
size_t ukey_map_rule_added(struct ukey_map *, uint8_t table_id,
			   int priority, const struct of_match *,
			   ukey_cb *, void *aux);

void ukey_map_lock(struct ukey_map *);
void ukey_map_unlock(struct ukey_map *);

/* Every ukey, for the revalidator's sweep; 'cb' as above, except that it
 * may take the ukey it is given out with ukey_map_remove_locked(). */
void ukey_map_for_each(struct ukey_map *, ukey_cb *, void *aux);

#endif /* WEIR_UKEY_H */
