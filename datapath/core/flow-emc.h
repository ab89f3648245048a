/* The exact-match cache: the flows of recently seen full keys, one cache per
 * polling thread, in front of the megaflow table.
 *
 * Owned by one thread and never shared, so it needs no locking; it is used
 * under rcu_read_lock() like the table.  Each entry holds a reference to its
 * flow (flow_ref()), because entries outlive read-side critical sections: a
 * removed flow's memory stays until the entry lets go, and its 'dead' flag
 * keeps the entry from ever hitting again.  A key may live in one of two
 * slots chosen by its hash. */
#ifndef WEIR_DP_FLOW_EMC_H
#define WEIR_DP_FLOW_EMC_H 1

#include "flow-table.h"

#define FLOW_EMC_DEFAULT_ENTRIES 8192

struct flow_emc_entry {
	u32 hash;                       /* flow_key_hash() of 'key' */
	struct flow *flow;              /* referenced; NULL if empty */
	struct flow_key key;
};

struct flow_emc {
	u32 mask;                       /* entries - 1 */
	u32 insert_mask;                /* insert one miss in insert_mask + 1 */
	u32 rng;
	struct flow_emc_entry entries[];
};

/* 'n_entries' is rounded up to a power of 2.  NULL without memory. */
struct flow_emc *flow_emc_create(u32 n_entries);
/* Drops every entry, and with them the references. */
void flow_emc_flush(struct flow_emc *emc);
void flow_emc_destroy(struct flow_emc *emc);
/* Inserts one miss in 'one_in' (rounded up to a power of 2; 0 and 1
 * insert always). */
void flow_emc_set_insert_prob(struct flow_emc *emc, u32 one_in);

/* The live flow cached for 'key', whose flow_key_hash() is 'hash', or NULL. */
struct flow *flow_emc_lookup(struct flow_emc *emc, const struct flow_key *key,
			     u32 hash);
/* Caches 'flow' (found under the current rcu_read_lock()) for 'key',
 * subject to the insertion probability. */
void flow_emc_insert(struct flow_emc *emc, const struct flow_key *key,
		     u32 hash, struct flow *flow);

#endif /* WEIR_DP_FLOW_EMC_H */
