/* A megaflow's actions: OVS_ACTION_ATTR_* netlink attributes as the upstream
 * ABI carries them, validated at install by the action code.  The megaflow
 * table only stores them and swaps them under RCU. */
#ifndef WEIR_DP_FLOW_ACTIONS_H
#define WEIR_DP_FLOW_ACTIONS_H 1

#include "compat.h"

struct flow_actions {
	u32 len;                        /* bytes of data[] */
	struct rcu_head rcu;
	u8 data[];
};

/* A copy of data[0..len), or NULL without memory. */
static inline struct flow_actions *flow_actions_alloc(const void *data,
						      u32 len)
{
	struct flow_actions *acts = dp_alloc(sizeof(*acts) + len);

	if (acts) {
		acts->len = len;
		if (len)
			memcpy(acts->data, data, len);
	}
	return acts;
}

/* Now: only for actions no reader can have seen. */
static inline void flow_actions_free(struct flow_actions *acts)
{
	dp_free(acts);
}

/* After a grace period: for actions that were published. */
void flow_actions_free_rcu(struct flow_actions *acts);

#endif /* WEIR_DP_FLOW_ACTIONS_H */
