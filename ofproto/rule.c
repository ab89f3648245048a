/* OpenFlow rules: creation, references, RCU-replaced actions, counters. */
#include "rule.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ofp-actions.h"
#include "compat.h"
#include "ofp-flow-removed.h"
#include "ofp-port.h"
#include "xalloc.h"

#define RULE_OFPP_CONTROLLER (OFPP11_OFFSET + OFPP_CONTROLLER)
#define RULE_OFPP_ANY (OFPP11_OFFSET + OFPP_ANY)
#define RULE_OFPG_ANY 0xffffffffu

static void rule_actions_note(struct rule_actions *ra, const void *acts,
			      size_t len)
{
	const struct ofpact *a;

	OFPACT_FOR_EACH(a, acts, len) {
		if (a->type == OFPACT_METER) {
			ra->has_meter = true;
			ra->meter_id = ((const struct ofpact_u32 *) a)->value;
		} else if (a->type == OFPACT_GROUP) {
			ra->has_groups = true;
		} else if (a->type == OFPACT_LEARN) {
			ra->has_learn = true;
		} else if (a->type == OFPACT_WRITE_ACTIONS
			   || a->type == OFPACT_CLONE || a->type == OFPACT_CT) {
			rule_actions_note(ra, ofpact_nest_actions(a),
					  ofpact_nest_len(a));
		}
	}
}

struct rule_actions *rule_actions_create(const void *ofpacts, size_t len)
{
	struct rule_actions *ra = xcalloc(1, sizeof *ra + len);

	ra->len = len;
	if (len) {
		memcpy(ra->ofpacts, ofpacts, len);
	}
	rule_actions_note(ra, ra->ofpacts, len);
	return ra;
}

void rule_actions_destroy(struct rule_actions *ra)
{
	free(ra);
}

static void rule_actions_free_cb(struct rcu_head *rcu)
{
	dp_rcu_cb_begin();
	free(caa_container_of(rcu, struct rule_actions, rcu));
}

const struct rule_actions *rule_get_actions(const struct rule *rule)
{
	return __atomic_load_n(&rule->actions, __ATOMIC_CONSUME);
}

void rule_set_actions(struct rule *rule, struct rule_actions *ra)
{
	struct rule_actions *old = rule->actions;

	__atomic_store_n(&rule->actions, ra, __ATOMIC_RELEASE);
	if (old) {
		call_rcu(&old->rcu, rule_actions_free_cb);
	}
}

struct rule *rule_create(const struct of_match *match, int priority,
			 uint8_t table_id, struct rule_actions *ra,
			 long long now_ms)
{
	struct rule *rule = xcalloc(1, sizeof *rule);

	cls_rule_init(&rule->cr, match, priority);
	rule->table_id = table_id;
	rule->actions = ra;
	rule->created_ms = rule->modified_ms = rule->used_ms = now_ms;
	rule->ref_cnt = 1;
	return rule;
}

void rule_ref(const struct rule *rule)
{
	struct rule *r = (struct rule *) rule;

	__atomic_add_fetch(&r->ref_cnt, 1, __ATOMIC_RELAXED);
}

static void rule_free_cb(struct rcu_head *rcu)
{
	struct rule *rule = caa_container_of(rcu, struct rule, rcu);

	dp_rcu_cb_begin();
	cls_rule_destroy(&rule->cr);
	free(rule->actions);
	free(rule);
}

void rule_unref(const struct rule *rule)
{
	struct rule *r = (struct rule *) rule;

	if (r && __atomic_sub_fetch(&r->ref_cnt, 1, __ATOMIC_ACQ_REL) == 0) {
		call_rcu(&r->rcu, rule_free_cb);
	}
}

void rule_credit_stats(const struct rule *rule, uint64_t packets,
		       uint64_t bytes, long long used_ms)
{
	struct rule *r = (struct rule *) rule;
	long long old = __atomic_load_n(&r->used_ms, __ATOMIC_RELAXED);

	rule_counters_add(&r->packets, &r->bytes, packets, bytes);
	while (used_ms > old
	       && !__atomic_compare_exchange_n(&r->used_ms, &old, used_ms,
					       true, __ATOMIC_RELAXED,
					       __ATOMIC_RELAXED)) {
		continue;
	}
}

void rule_get_stats(const struct rule *rule, struct rule_stats *s)
{
	s->packets = __atomic_load_n(&rule->packets, __ATOMIC_RELAXED);
	s->bytes = __atomic_load_n(&rule->bytes, __ATOMIC_RELAXED);
	s->used_ms = __atomic_load_n(&rule->used_ms, __ATOMIC_RELAXED);
}

void rule_reset_stats(struct rule *rule, long long now_ms)
{
	__atomic_store_n(&rule->packets, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&rule->bytes, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&rule->used_ms, now_ms, __ATOMIC_RELAXED);
}

static bool rule_acts_output_to(const void *acts, size_t len, uint32_t port)
{
	const struct ofpact *a;

	OFPACT_FOR_EACH(a, acts, len) {
		switch (a->type) {
		case OFPACT_OUTPUT:
			if (((const struct ofpact_output *) a)->port == port) {
				return true;
			}
			break;
		case OFPACT_ENQUEUE:
			if (((const struct ofpact_enqueue *) a)->port == port) {
				return true;
			}
			break;
		case OFPACT_CONTROLLER:
			if (port == RULE_OFPP_CONTROLLER) {
				return true;
			}
			break;
		case OFPACT_WRITE_ACTIONS:
		case OFPACT_CLONE:
			if (rule_acts_output_to(ofpact_nest_actions(a),
						ofpact_nest_len(a), port)) {
				return true;
			}
			break;
		default:
			break;
		}
	}
	return false;
}

static bool rule_acts_output_to_group(const void *acts, size_t len,
				      uint32_t group_id)
{
	const struct ofpact *a;

	OFPACT_FOR_EACH(a, acts, len) {
		if (a->type == OFPACT_GROUP
		    && ((const struct ofpact_u32 *) a)->value == group_id) {
			return true;
		}
		if ((a->type == OFPACT_WRITE_ACTIONS || a->type == OFPACT_CLONE)
		    && rule_acts_output_to_group(ofpact_nest_actions(a),
						 ofpact_nest_len(a),
						 group_id)) {
			return true;
		}
	}
	return false;
}

bool rule_has_out_port(const struct rule *rule, uint32_t port)
{
	const struct rule_actions *ra = rule_get_actions(rule);

	return port == RULE_OFPP_ANY
		|| rule_acts_output_to(ra->ofpacts, ra->len, port);
}

bool rule_has_out_group(const struct rule *rule, uint32_t group_id)
{
	const struct rule_actions *ra = rule_get_actions(rule);

	return group_id == RULE_OFPG_ANY
		|| rule_acts_output_to_group(ra->ofpacts, ra->len, group_id);
}

long long rule_expiry(const struct rule *rule, uint8_t *reason)
{
	long long when = LLONG_MAX;
	struct rule_stats s;

	if (rule->hard_timeout) {
		when = rule->modified_ms + rule->hard_timeout * 1000LL;
		*reason = OFPRR_HARD_TIMEOUT;
	}
	if (rule->idle_timeout) {
		long long idle;

		rule_get_stats(rule, &s);
		idle = s.used_ms + rule->idle_timeout * 1000LL;
		if (idle < when) {
			when = idle;
			*reason = OFPRR_IDLE_TIMEOUT;
		}
	}
	return when;
}
