/* The insides of a bridge on a datapath, shared by its files:
 * dpbridge.c (life cycle, ports, OpenFlow requests), dpbridge-xlate.c
 * (translation's view of the bridge), upcall.c, revalidate.c,
 * xlate-normal.c and dpbridge-async.c (work handed to the main thread). */
#ifndef WEIR_DPBRIDGE_PRIVATE_H
#define WEIR_DPBRIDGE_PRIVATE_H 1

#include <pthread.h>
#include <urcu.h>

#include "dpbridge.h"
#include "dpif.h"
#include "mac-learning.h"
#include "ofproto.h"
#include "ukey.h"
#include "xlate.h"

struct of_flow_mod;

struct dpb_port {
	char name[64];
	uint32_t ofp_port;		/* OpenFlow 1.1+ numbering */
	uint32_t odp_port;
	uint8_t hw_addr[6];
	uint32_t config;		/* OFPPC_* */
	bool link_up;
	struct port_vlan vlan;
};

/* The ports as translation reads them: replaced whole, under RCU. */
struct dpb_ports {
	struct rcu_head rcu;
	size_t n;
	struct dpb_port p[];
};

/* Work the polling threads hand to the main thread. */
struct dpb_async_item;
struct dpb_async {
	pthread_mutex_t mutex;
	struct dpb_async_item *head, **tail;
	size_t n, max;
	uint64_t n_dropped;
	int wake_fd;			/* eventfd the main loop watches */
};

/* A datapath meter set from OpenFlow, and its counts as last pushed to
 * the OpenFlow meter. */
struct dpb_meter {
	uint32_t id;
	struct dpif_meter_stats pushed;
};

/* The dynamic flow limit's range (megaflows). */
#define DPB_MIN_FLOW_LIMIT 1000
#define DPB_MAX_FLOW_LIMIT 200000

struct dpb_counters {
	uint64_t upcalls, upcall_errors, retranslated;
	uint64_t flows_added, flows_deleted, flows_modified;
	uint64_t reval_passes, reval_targeted;
};

struct dpbridge {
	char *name;
	struct poll_loop *loop;
	struct dpif *dpif;
	struct dpif *reval_dpif;	/* the revalidator thread's handle */
	struct ofproto *ofproto;
	struct connmgr *connmgr;
	struct mac_table *macs;
	struct ukey_map *ukeys;
	struct dpb_ports *ports;	/* RCU */
	uint64_t datapath_id;
	enum connmgr_fail_mode fail_mode;
	unsigned int max_idle_ms;
	bool miss_to_controller;	/* atomic: an OF1.0-1.2 controller */
	struct dpb_async async;
	struct dpb_counters counters;	/* atomics */
	uint64_t mac_seq;		/* MAC table changes seen */
	struct dpb_meter *meters;	/* datapath meters set from OpenFlow */
	size_t n_meters, meters_cap;
	long long next_meter_push_ms;
	size_t n_active_controllers;	/* tcp:, ssl:, unix: targets */
	long long lost_since_ms;	/* all unreachable since, or 0 */
	bool failed_open;

	/* Ukeys a change marked, for the revalidator (under the ukey map's
	 * lock). */
	struct ukey **dirty;
	size_t n_dirty, dirty_cap;
	bool reval_working;		/* the revalidator holds a list */

	/* Revalidator thread. */
	pthread_t reval_thread;
	pthread_mutex_t reval_mutex;
	pthread_cond_t reval_cond;
	bool reval_exit;
	uint64_t reval_requested;	/* sync requests made */
	uint64_t reval_done;		/* sync requests satisfied */
	uint64_t dump_seq;		/* sweeps made */
	long long dump_ms;		/* atomic: the last sweep's duration */
	uint32_t flow_limit;		/* atomic: the dynamic flow limit */
	long long next_sweep_ms;
};

/* Ports (dpbridge.c).  Readers hold rcu_read_lock(). */
const struct dpb_port *dpb_port_by_ofp(const struct dpb_ports *, uint32_t);
const struct dpb_port *dpb_port_by_odp(const struct dpb_ports *, uint32_t);

/* The fields one table lookup made the megaflow match (ofproto/trace). */
struct dpb_trace_lookup {
	uint8_t table_id;
	struct of_flow added;
};

/* Translation's view of the bridge (dpbridge-xlate.c). */
struct dpb_xctx {
	struct dpbridge *b;
	const struct dpb_ports *ports;
	cls_version_t version;
	const struct of_flow *orig;	/* the packet's flow */
	struct ukey_visit *visits;
	size_t n_visits, visits_cap;
	bool side_effects;		/* learning, MAC learning */
	bool used_normal;		/* depends on the MAC table */
	struct xlate_bucket **buckets;	/* groups' buckets as translation
					 * sees them */
	size_t n_buckets, buckets_cap;
	uint32_t *group_ids;		/* every group looked up */
	size_t n_groups, groups_cap;
	FILE *trace;			/* ofproto/trace's output, or NULL */
	/* With 'trace': what each table lookup added to the mask. */
	struct dpb_trace_lookup *lookups;
	size_t n_lookups, lookups_cap;
};

extern const struct xlate_ops dpb_xlate_ops;
void dpb_xctx_init(struct dpb_xctx *, struct dpbridge *,
		   const struct of_flow *orig, bool side_effects);
void dpb_xctx_uninit(struct dpb_xctx *);
/* Translates 'flow' (OpenFlow numbering) with a fresh context. */
int dpb_translate(struct dpb_xctx *, const struct of_flow *,
		  const struct dp_packet *, struct xlate_out *);
/* The same for an action list (a packet-out's). */
int dpb_translate_actions(struct dpb_xctx *, const struct of_flow *,
			  const struct dp_packet *, const void *ofpacts,
			  size_t ofpacts_len, struct xlate_out *);
/* The same, resuming the pipeline frozen under 'recirc_id'. */
int dpb_translate_resume(struct dpb_xctx *, const struct of_flow *,
			 const struct dp_packet *, uint32_t recirc_id,
			 struct xlate_out *);
/* A flow_mod the bridge makes itself, through a controller's path. */
enum ofperr dpb_flow_mod(struct dpbridge *, const struct of_flow_mod *);

/* Meters (dpbridge-meter.c): translation's meter op, and the datapath
 * brought in line after a METER_MOD was applied. */
uint32_t dpb_xlate_meter(void *aux, uint32_t meter_id);
void dpb_meter_mod_done(struct dpbridge *, const struct ofpmsg *);
/* Datapath meter counts to the OpenFlow meters (main thread). */
void dpb_meters_push_stats(struct dpbridge *);

/* Continuations (dpbridge-resume.c): the bytes a paused packet-in
 * carries (how many were written, 0 if 'size' is too small), and
 * NXT_RESUME. */
size_t dpb_continuation_put(uint32_t recirc_id, uint8_t *buf, size_t size);
enum ofperr dpb_resume(struct dpbridge *, const struct ofpmsg *);

/* Table misses to the controller while an OpenFlow 1.0-1.2 connection is
 * open (dpbridge.c). */
void dpb_miss_config_run(struct dpbridge *);

/* Fail-open for standalone bridges (dpbridge-fail.c). */
void dpb_fail_open_run(struct dpbridge *, long long now_ms);

/* NORMAL (xlate-normal.c). */
void dpb_xlate_normal(void *aux, struct xlate_ctx *);

/* Upcalls (upcall.c): the datapath callback. */
int dpb_upcall(const struct dpif_upcall *, struct nlbuf *mask,
	       struct nlbuf *actions, void *aux);
/* A ukey for a translation that used 'ctx' (its visits) and 'xo'. */
struct ukey *dpb_ukey_from_xlate(const struct dpb_xctx *,
				 const struct xlate_out *,
				 const struct flow_key *key,
				 const struct flow_key *mask,
				 const struct flow_ufid *);
void dpb_ukey_release(struct ukey *);

/* The revalidator (revalidate.c). */
int dpb_reval_start(struct dpbridge *);
void dpb_reval_stop(struct dpbridge *);
/* Wakes the revalidator to deal with dirty ukeys and waits until it has:
 * the datapath then reflects every change committed before the call. */
void dpb_reval_sync(struct dpbridge *);
/* Wakes the revalidator without waiting. */
void dpb_reval_kick(struct dpbridge *);
void dpb_tables_changed(void *aux, const struct ofproto_change *);

/* Work for the main thread (dpbridge-async.c). */
int dpb_async_init(struct dpb_async *, size_t max);
void dpb_async_destroy(struct dpb_async *);
/* From any thread; false if the queue was full (counted). */
bool dpb_async_packet_in(struct dpb_async *, const struct dp_packet *,
			 const struct of_flow *, const void *cookie,
			 size_t cookie_len);
bool dpb_async_learn(struct dpb_async *, const struct of_flow_mod *);
/* Main thread: hands everything queued to the bridge. */
void dpb_async_run(struct dpbridge *);

#endif /* WEIR_DPBRIDGE_PRIVATE_H */
