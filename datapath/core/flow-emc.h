/* The exact-match cache: the flows of recently seen full keys, one cache per
 * polling thread, in front of the megaflow table.
 *
 * Owned by one thread and never shared, so it needs no locking; it is used
 * under rcu_read_lock() like the table.  Each entry holds a reference to its
 * flow (flow_ref()), because entries outlive read-side critical sections: a
 * removed flow's memory stays until the entry lets go, and its 'dead' flag
 * keeps the entry from ever hitting again.  A key may live in one of two
 * entries chosen by its hash.  Hashes and flow pointers sit in arrays of
 * their own, so that a miss reads a few bytes of a small array and only a
 * likely hit reads the two lines of a stored key. */
#ifndef WEIR_DP_FLOW_EMC_H
#define WEIR_DP_FLOW_EMC_H 1

#include "flow-table.h"

#define FLOW_EMC_DEFAULT_ENTRIES 8192
/* Insert one miss in this many by default: with more flows than entries,
 * inserting every miss thrashes the cache for nothing (about 2x slower in
 * tests/bench/bench-flow-lookup), while a small working set still settles
 * within a hundred packets a flow. */
#define FLOW_EMC_DEFAULT_INSERT_INV 100

struct flow_emc {
	u32 mask;                       /* entries - 1 */
	u32 insert_below;               /* insert when a 16-bit draw is below */
	u32 rng;
	u32 *hashes;                    /* flow_key_hash() of each key */
	struct flow **flows;            /* referenced; NULL if empty */
	struct flow_key *keys;          /* cache-line aligned */
};

/* 'n_entries' is rounded up to a power of 2.  NULL without memory. */
struct flow_emc *flow_emc_create(u32 n_entries);
/* Drops every entry, and with them the references. */
void flow_emc_flush(struct flow_emc *emc);
void flow_emc_destroy(struct flow_emc *emc);
/* Inserts one miss in 'one_in' (0 and 1: every miss). */
void flow_emc_set_insert_prob(struct flow_emc *emc, u32 one_in);

/* The live flow cached for 'key', whose flow_key_hash() is 'hash', or NULL. */
struct flow *flow_emc_lookup(struct flow_emc *emc, const struct flow_key *key,
			     u32 hash);
/* The same for keys[0..n) with hashes[0..n), n <= FLOW_TABLE_BATCH, into
 * flows[0..n), with the batch's memory accesses in flight together.
 * Returns the misses as a bitmap (bit j: keys[j]). */
u32 flow_emc_lookup_batch(struct flow_emc *emc,
			  const struct flow_key *const keys[],
			  const u32 hashes[], u32 n, struct flow *flows[]);
/* Caches 'flow' (found under the current rcu_read_lock()) for 'key',
 * subject to the insertion probability. */
void flow_emc_insert(struct flow_emc *emc, const struct flow_key *key,
		     u32 hash, struct flow *flow);

#endif /* WEIR_DP_FLOW_EMC_H */
