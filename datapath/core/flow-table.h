/* The megaflow table: tuple-space search over masked flow keys.
 *
 * A megaflow is a masked key, the mask, actions and statistics.  Flows with
 * the same mask share a subtable: a hash map of their masked keys, hashed
 * and compared over the mask's nonzero words only.  A lookup tries the
 * subtables in rank order (most hits since the previous flow_table_rank()
 * first, newest subtables last) and returns the first flow whose masked key
 * equals the packet's key under that flow's mask.  Megaflows from translation
 * never overlap; when installed ones do, the flow of the earlier subtable
 * wins, and a key never gets a flow it does not match.  A flow can also be
 * found by its exact key and mask (for put) and by its UFID.
 *
 * Concurrency: readers call the lookup and dump functions under
 * rcu_read_lock() and never block; a returned flow stays valid until
 * rcu_read_unlock() (longer with flow_ref()).  Writers (init, insert,
 * remove, flush, rank, set_limit, flow_replace_actions, destroy) may sleep
 * and must be serialised by the caller, who holds no rcu_read_lock().  In
 * userspace every thread that calls either kind is rcu_register_thread()ed. */
#ifndef WEIR_DP_FLOW_TABLE_H
#define WEIR_DP_FLOW_TABLE_H 1

#include "compat.h"
#include "flow.h"
#include "flow-actions.h"
#include "hash.h"
#include "rcu-hmap.h"

#define FLOW_KEY_WORDS (sizeof(struct flow_key) / sizeof(u64))
#define FLOW_TABLE_BATCH 32             /* most keys of one batch lookup */

static inline const dp_word *flow_key_words(const struct flow_key *key)
{
	return (const dp_word *)key;
}

/* The hash of a whole key, for the exact-match cache: compute it once per
 * packet. */
static inline u32 flow_key_hash(const struct flow_key *key)
{
	return dp_hash_words(flow_key_words(key), FLOW_KEY_WORDS, 0);
}

/* Unique flow id of the upstream ABI (OVS_FLOW_ATTR_UFID), zero-padded to
 * 128 bits. */
struct flow_ufid {
	u64 id[2];
};

struct flow_stats {
	u64 packets;
	u64 bytes;
	u64 used;                       /* dp_now_ms() of the last packet, 0 never */
	u16 tcp_flags;                  /* OR of the flags of every TCP packet */
};

struct flow_subtable;

struct flow {
	/* First, and cache-line aligned: a lookup's compare reads only the
	 * lines of the mask's words, usually one. */
	struct flow_key key;            /* masked */
	struct flow_subtable *subtable; /* valid while !dead, as its mask */
	struct flow_actions __rcu *actions;
	u8 dead;                        /* removed: READ_ONCE, never cleared */
	u8 has_ufid;
	refcount_t refcnt;              /* the table's, plus flow_ref()s */
	struct rcu_hmap_node node;      /* in its subtable, by masked key hash */
	struct rcu_hmap_node ufid_node; /* in the table's UFID map */
	struct flow_ufid ufid;
	struct {
		dp_atomic64 packets;
		dp_atomic64 bytes;
		dp_atomic64 used;
		dp_atomic64 tcp_flags;
	} stats;
	struct rcu_head rcu;
	void *mem;                      /* the allocation 'flow' is aligned in */
};

struct flow_subtable_array;

struct flow_table {
	struct flow_subtable_array __rcu *subtables;   /* in rank order */
	struct rcu_hmap ufids;
	u32 count;                      /* flows; READ_ONCE outside the writer */
	u32 limit;                      /* most flows, 0 for no limit */
	u64 last_subtable_id;
	u64 hash_basis;                 /* secret: packets cannot aim at a bucket */
};

/* Dump position: zero it to start. */
struct flow_table_dump {
	u64 subtable_id;
	u32 hint;
	struct rcu_hmap_pos pos;
};

/* Writers. */
int flow_table_init(struct flow_table *t, u32 limit);
/* Removes every flow and frees the table's memory, waiting for RCU: call it
 * once no new reader can find the table. */
void flow_table_destroy(struct flow_table *t);
void flow_table_set_limit(struct flow_table *t, u32 limit);

/* Adds a flow matching 'key' under 'mask', with 'ufid' if not NULL, and
 * takes 'actions' (not NULL).  Returns 0 with '*flowp' set, or -EEXIST (a
 * flow with this key and mask exists, or the UFID is in use), -EFBIG (the
 * table holds its limit of flows) or -ENOMEM, keeping 'actions'. */
int flow_table_insert(struct flow_table *t, const struct flow_key *key,
		      const struct flow_key *mask,
		      const struct flow_ufid *ufid,
		      struct flow_actions *actions, struct flow **flowp);
/* Unlinks 'flow', marks it dead and frees it after a grace period and once
 * every flow_ref() is dropped.  Its subtable goes with its last flow. */
void flow_table_remove(struct flow_table *t, struct flow *flow);
/* Removes the flow with 'ufid': 0, or -ENOENT if there is none. */
int flow_table_remove_ufid(struct flow_table *t, const struct flow_ufid *ufid);
void flow_table_flush(struct flow_table *t);
/* Re-sorts subtables by hits since the previous call, most first. */
void flow_table_rank(struct flow_table *t);
/* Publishes 'actions' (not NULL) and frees the old ones after a grace
 * period. */
void flow_replace_actions(struct flow *flow, struct flow_actions *actions);

/* Readers (rcu_read_lock held), or the writer. */
u32 flow_table_count(const struct flow_table *t);
u32 flow_table_n_masks(const struct flow_table *t);
/* The masks a lookup visits to find 'flow': its subtable's place in the
 * current rank order, from 1; flow_table_n_masks() if it is not there. */
u32 flow_table_mask_visits(const struct flow_table *t,
			   const struct flow *flow);
struct flow *flow_table_lookup(const struct flow_table *t,
			       const struct flow_key *key);
/* Looks up keys[0..n), n <= FLOW_TABLE_BATCH, into flows[0..n) (NULL for
 * a miss): the same answers as n flow_table_lookup()s, with memory accesses
 * for the whole batch in flight at once. */
void flow_table_lookup_batch(const struct flow_table *t,
			     const struct flow_key *const keys[], u32 n,
			     struct flow *flows[]);
/* The flow installed with exactly this mask and this key under it. */
struct flow *flow_table_lookup_exact(const struct flow_table *t,
				     const struct flow_key *key,
				     const struct flow_key *mask);
struct flow *flow_table_lookup_ufid(const struct flow_table *t,
				    const struct flow_ufid *ufid);
/* The next flow of a dump, or NULL at its end.  Positions are values, so
 * the caller may drop rcu_read_lock() between calls and remove the flow it
 * got.  Every flow present for the whole dump comes exactly once, whatever
 * is inserted, removed, resized or ranked meanwhile. */
struct flow *flow_table_dump_next(const struct flow_table *t,
				  struct flow_table_dump *pos);

/* A flow's mask: valid under the same rule as the flow, while !dead. */
const struct flow_key *flow_mask(const struct flow *flow);

static inline struct flow_actions *flow_get_actions(const struct flow *flow)
{
	return rcu_dereference(((struct flow *)flow)->actions);
}

static inline bool flow_is_dead(const struct flow *flow)
{
	return READ_ONCE(((struct flow *)flow)->dead);
}

/* Keeps a flow found under RCU beyond rcu_read_unlock(): false if it is
 * already being freed. */
bool flow_ref(struct flow *flow);
void flow_unref(struct flow *flow);

/* Statistics: relaxed atomics, callable from any reader. */
static inline void flow_stats_update(struct flow *flow, u32 bytes,
				     u16 tcp_flags, u64 now)
{
	dp_atomic64_add(&flow->stats.packets, 1);
	dp_atomic64_add(&flow->stats.bytes, bytes);
	if (dp_atomic64_read(&flow->stats.used) < now)
		dp_atomic64_set(&flow->stats.used, now);
	if (tcp_flags &&
	    (dp_atomic64_read(&flow->stats.tcp_flags) & tcp_flags) != tcp_flags)
		dp_atomic64_or(&flow->stats.tcp_flags, tcp_flags);
}

void flow_stats_get(const struct flow *flow, struct flow_stats *stats);
void flow_stats_clear(struct flow *flow);

#endif /* WEIR_DP_FLOW_TABLE_H */
