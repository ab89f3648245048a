/* An OpenFlow rule: a classifier rule plus what OpenFlow attaches to it.
 *
 * Translation reads rules lock-free (RCU): the actions are replaced as a
 * whole by pointer, counters are atomics, and a removed rule is freed only
 * after a grace period and once no one holds a reference. */
#ifndef OFPROTO_RULE_H
#define OFPROTO_RULE_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <urcu.h>

#include "classifier.h"

/* A rule's actions and instructions, immutable once published. */
struct rule_actions {
	struct rcu_head rcu;
	bool has_meter;
	bool has_groups;
	bool has_learn;
	uint32_t meter_id;	/* when has_meter */
	size_t len;
	uint64_t ofpacts[];	/* 'len' bytes of struct ofpact, aligned */
};

struct rule_stats {
	uint64_t packets;
	uint64_t bytes;
	long long used_ms;
};

struct rule {
	struct cls_rule cr;		/* first: lookups return it */
	struct rcu_head rcu;
	uint8_t table_id;
	uint16_t idle_timeout, hard_timeout;
	uint16_t importance;
	uint32_t flags;			/* enum ofp_flow_mod_flag */
	uint64_t cookie;
	long long created_ms;
	long long modified_ms;
	struct rule_actions *actions;	/* RCU */
	uint64_t packets, bytes;	/* atomic */
	long long used_ms;		/* atomic */
	unsigned int ref_cnt;		/* atomic; the table holds one */
	bool removed;			/* out of the table */
};

static inline struct rule *rule_from_cls(const struct cls_rule *cr)
{
	return (struct rule *) cr;
}

struct rule_actions *rule_actions_create(const void *ofpacts, size_t len);
void rule_actions_destroy(struct rule_actions *);	/* not yet published */
const struct rule_actions *rule_get_actions(const struct rule *);
/* Publishes 'new'; the old actions are freed after a grace period. */
void rule_set_actions(struct rule *, struct rule_actions *);

/* A new rule holding one reference; 'actions' becomes the rule's. */
struct rule *rule_create(const struct of_match *, int priority,
			 uint8_t table_id, struct rule_actions *,
			 long long now_ms);
/* Takes a reference: the rule is not freed before rule_unref(). */
void rule_ref(const struct rule *);
/* Drops a reference; at zero the rule is freed after a grace period. */
void rule_unref(const struct rule *);

/* Adds to a pair of atomic counters. */
static inline void rule_counters_add(uint64_t *packets, uint64_t *bytes,
				     uint64_t n_packets, uint64_t n_bytes)
{
	__atomic_add_fetch(packets, n_packets, __ATOMIC_RELAXED);
	__atomic_add_fetch(bytes, n_bytes, __ATOMIC_RELAXED);
}

/* Statistics pushed from datapath flows; 'used_ms' only moves forward. */
void rule_credit_stats(const struct rule *, uint64_t packets, uint64_t bytes,
		       long long used_ms);
void rule_get_stats(const struct rule *, struct rule_stats *);
void rule_reset_stats(struct rule *, long long now_ms);

/* When 'rule' expires by its timeouts if it sees no more traffic, and
 * why (OFPRR_IDLE_TIMEOUT or OFPRR_HARD_TIMEOUT); LLONG_MAX if never. */
long long rule_expiry(const struct rule *, uint8_t *reason);

/* True if one of the actions outputs to 'port' (1.1+ numbering), or to
 * group 'group_id'; OFPP_ANY / OFPG_ANY match every rule. */
bool rule_has_out_port(const struct rule *, uint32_t port);
bool rule_has_out_group(const struct rule *, uint32_t group_id);

#endif
