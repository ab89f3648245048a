/* Translation: walks a bridge's OpenFlow pipeline for one packet and yields
 * the datapath actions (OVS_ACTION_ATTR_* netlink, as lib/dpif.h installs
 * and executes them) and the megaflow mask: every of_flow bit the result
 * depended on.
 *
 * The bridge is seen only through struct xlate_ops, which the daemon fills
 * in: table lookups, ports, groups, learning and NORMAL.  Rules and groups
 * carry an opaque 'owner' that comes back in xlate_out.rules, for statistics
 * and for the index from rules to the megaflows that consulted them.
 *
 * Port numbers: OpenFlow 1.1+ numbering everywhere in of_flow and in the
 * ops; datapath port numbers only inside the emitted actions. */
#ifndef WEIR_XLATE_H
#define WEIR_XLATE_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flow.h"
#include "nlattr.h"
#include "of-flow.h"

struct dp_packet;
struct of_flow_mod;
struct xlate_ctx;

/* OpenFlow reserved ports (1.1+ numbering). */
#define XLATE_PORT_MAX		0xffffff00u	/* below: physical ports */
#define XLATE_PORT_UNSET	0xfffffff7u	/* actset_output: none yet */
#define XLATE_PORT_IN_PORT	0xfffffff8u
#define XLATE_PORT_TABLE	0xfffffff9u
#define XLATE_PORT_NORMAL	0xfffffffau
#define XLATE_PORT_FLOOD	0xfffffffbu
#define XLATE_PORT_ALL		0xfffffffcu
#define XLATE_PORT_CONTROLLER	0xfffffffdu
#define XLATE_PORT_LOCAL	0xfffffffeu
#define XLATE_PORT_NONE		0xffffffffu

#define XLATE_GROUP_ALL		0
#define XLATE_GROUP_SELECT	1
#define XLATE_GROUP_INDIRECT	2
#define XLATE_GROUP_FF		3

/* Limits, as Open vSwitch has them. */
#define XLATE_MAX_DEPTH		64
#define XLATE_MAX_RESUBMITS	(XLATE_MAX_DEPTH * XLATE_MAX_DEPTH)
#define XLATE_MAX_STACK		65536	/* bytes of push:/pop: stack */

struct xlate_rule {
	const void *ofpacts;
	size_t ofpacts_len;
	uint64_t cookie;		/* host byte order */
	uint8_t table_id;
	bool is_table_miss;		/* priority 0, matching everything */
	void *owner;
};

/* The packet-in reason a table-miss flow's "controller" action gives
 * (OpenFlow reports it as no_match), beyond enum ofpact_pin_reason. */
#define XLATE_PIN_EXPLICIT_MISS 7

struct xlate_port {
	uint32_t ofp_port, odp_port;
	bool live, no_flood, no_fwd, no_packet_in, is_local;
};

struct xlate_bucket {
	uint16_t weight;
	uint32_t watch_port, watch_group;	/* XLATE_PORT_ANY: none */
	const void *ofpacts;
	size_t ofpacts_len;
};

#define XLATE_PORT_ANY XLATE_PORT_NONE
#define XLATE_GROUP_ANY 0xffffffffu

struct xlate_group {
	uint32_t id;
	uint8_t type;			/* XLATE_GROUP_* */
	const struct xlate_bucket *buckets;
	size_t n_buckets;
	void *owner;
};

enum xlate_miss {
	XLATE_MISS_DROP,
	XLATE_MISS_CONTINUE,		/* to table_id + 1 */
	XLATE_MISS_CONTROLLER,		/* packet-in, reason no_match */
};

struct xlate_ops {
	/* Looks up 'flow' in table 'table_id'; ORs the bits consulted into
	 * 'wc'; false on a miss. */
	bool (*lookup)(void *aux, uint8_t table_id, const struct of_flow *,
		       struct of_flow *wc, struct xlate_rule *);
	/* What a miss in 'table_id' does (per version and table config). */
	enum xlate_miss (*table_miss)(void *aux, uint8_t table_id);
	bool (*port)(void *aux, uint32_t ofp_port, struct xlate_port *);
	/* Every port, for ALL/FLOOD: fills up to 'max', returns how many
	 * there are. */
	size_t (*ports)(void *aux, struct xlate_port *, size_t max);
	bool (*group)(void *aux, uint32_t group_id, struct xlate_group *);
	/* Applied by the daemon after translation. */
	void (*learn)(void *aux, const struct of_flow_mod *);
	/* NORMAL (MAC learning), done by the daemon: it may append actions
	 * via the ctx API below. */
	void (*normal)(void *aux, struct xlate_ctx *);
	/* The datapath meter of OpenFlow meter 'meter_id', or UINT32_MAX
	 * when there is none (the packet then goes unmetered).  May be
	 * NULL. */
	uint32_t (*meter)(void *aux, uint32_t meter_id);
};

struct xlate_in {
	const struct of_flow *flow;
	const struct dp_packet *packet;	/* NULL when revalidating */
	uint8_t table_id;
	bool may_learn;
	/* After recirculation the frozen pipeline resumes where it stopped:
	 * its id in host order, or 0 to take it from flow->recirc_id. */
	uint32_t resume_id;
	/* When set, these actions run instead of the tables (a packet-out's
	 * list); output to TABLE still enters the pipeline. */
	const void *ofpacts;
	size_t ofpacts_len;
};

enum xlate_error {
	XLATE_OK,
	XLATE_RECURSION_TOO_DEEP,
	XLATE_TOO_MANY_RESUBMITS,
	XLATE_STACK_TOO_DEEP,
	XLATE_NO_RECIRCULATION_CONTEXT,
	XLATE_TOO_MANY_MPLS_LABELS,
	XLATE_ACTIONS_TOO_BIG,
	XLATE_NO_MEMORY,
	XLATE_N_ERRORS
};

/* "Recursion too deep", ... as Open vSwitch names them. */
const char *xlate_error_name(enum xlate_error);

struct xlate_out {
	struct nlbuf actions;		/* datapath actions */
	struct of_flow wc;		/* consulted fields (megaflow mask) */
	void **rules;			/* 'owner' of every rule and group */
	size_t n_rules;
	bool slow;			/* must go to userspace every time */
	enum xlate_error error;		/* the result then drops */
	/* Recirculation ids this translation holds a reference to: the
	 * megaflow keeps them alive; xlate_out_uninit() releases them unless
	 * the caller took the array (then NULL, with n_ and cap 0). */
	uint32_t *recircs;
	size_t n_recircs;
	size_t rules_cap, recircs_cap;
};

#define XLATE_ACTIONS_MAX 65536

void xlate_out_init(struct xlate_out *);
void xlate_out_uninit(struct xlate_out *);

/* Translates; returns 0 or an errno (ENOMEM).  A translation error is in
 * out->error, with the actions cleared (drop). */
int xlate_actions(const struct xlate_ops *, void *aux,
		  const struct xlate_in *, struct xlate_out *);

/* The megaflow: the packet's flow_key (datapath numbering: 'odp_in_port')
 * and a flow_key mask from 'wc'. */
void xlate_megaflow(const struct of_flow *flow, const struct of_flow *wc,
		    uint32_t odp_in_port, struct flow_key *key,
		    struct flow_key *mask);

/* For ops->normal: the flow as actions have changed it, its mask, and
 * output to a port (pending header changes are committed first).  Headers
 * changed through xlate_ctx_flow_mut() (a VLAN tag for an access port)
 * reach the packet at the next output; the caller restores them after. */
const struct of_flow *xlate_ctx_flow(const struct xlate_ctx *);
struct of_flow *xlate_ctx_flow_mut(struct xlate_ctx *);
struct of_flow *xlate_ctx_wc(struct xlate_ctx *);
void xlate_ctx_output(struct xlate_ctx *, uint32_t ofp_port);

/* The userdata of the userspace action that sends a packet to the
 * controller.  Host byte order: the daemon that made it decodes it.
 * 'userdata_len' bytes of the controller action's userdata follow. */
#define XLATE_COOKIE_CONTROLLER 0x43	/* 'C' */
#define XLATE_CTRL_F_PAUSE	0x01	/* continuation: resume 'recirc_id' */
#define XLATE_CTRL_F_METER	0x02	/* meter_id is set */

struct xlate_ctrl_cookie {
	uint8_t type;			/* XLATE_COOKIE_CONTROLLER */
	uint8_t reason;			/* enum ofpact_pin_reason */
	uint8_t table_id;
	uint8_t flags;			/* XLATE_CTRL_F_* */
	uint16_t max_len;
	uint16_t controller_id;
	uint32_t recirc_id;		/* the frozen pipeline, with pause */
	uint32_t meter_id;
	uint64_t rule_cookie;		/* the rule's, as xlate_rule has it */
	uint16_t userdata_len;
	uint8_t pad[6];
	uint8_t userdata[];
};

_Static_assert(sizeof(struct xlate_ctrl_cookie) == 32, "cookie layout");

#endif /* WEIR_XLATE_H */
