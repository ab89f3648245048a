/* The datapath interface: the one contract between the daemon (ofproto,
 * weir-dpctl's server side) and any datapath.
 *
 * Flows, keys, masks and actions cross it in the upstream Linux datapath's
 * netlink format (OVS_KEY_ATTR_*, OVS_ACTION_ATTR_*), so the userspace
 * datapath (dpif-netdev) and the kernel one (dpif-netlink) take the same
 * bytes.  A provider that cannot do something returns -EOPNOTSUPP with a
 * message through dpif_last_error(); it never pretends.
 *
 * Errors are negative errno values.  Flow puts follow the kernel ABI:
 * DPIF_FP_CREATE alone on an existing flow is -EEXIST, DPIF_FP_MODIFY alone on
 * a missing one is -ENOENT, both together create or modify. */
#ifndef WEIR_DPIF_H
#define WEIR_DPIF_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dp-packet.h"
#include "flow-table.h"
#include "meter.h"
#include "nlattr.h"

struct dpif;

/* Datapath port numbers; 0 is the datapath's internal port. */
#define DPIF_PORT_LOCAL 0
#define DPIF_PORT_NONE  UINT32_MAX

struct dpif_port {
	uint32_t port_no;
	char name[64];
	char type[16];          /* "system", "afxdp", "tap", "internal" */
};

/* Where a flow lives: in the datapath's own tables, or offloaded. */
enum dpif_flow_home { DPIF_FLOW_DP, DPIF_FLOW_TC, DPIF_FLOW_TC_HW };

struct dpif_flow_stats {
	uint64_t n_packets;
	uint64_t n_bytes;
	uint64_t used;          /* dp_now_ms() of the last packet, 0 never */
	uint16_t tcp_flags;
};

/* A flow as get and dump return it: pointers into memory owned by the
 * dpif (valid until the next call on the same dump, or until the caller
 * frees 'buf' for dpif_flow_get). */
struct dpif_flow {
	const void *key;
	size_t key_len;
	const void *mask;
	size_t mask_len;
	const void *actions;
	size_t actions_len;
	struct flow_ufid ufid;
	bool ufid_present;
	struct dpif_flow_stats stats;
	enum dpif_flow_home home;
	const char *not_offloaded;      /* why, or NULL */
	int pmd_id;                     /* polling thread holding it, or -1 */
};

enum dpif_flow_put_flags {
	DPIF_FP_CREATE = 1 << 0,
	DPIF_FP_MODIFY = 1 << 1,
	DPIF_FP_ZERO_STATS = 1 << 2,
};

struct dpif_dp_stats {
	uint64_t n_hit;         /* packets that matched a flow */
	uint64_t n_missed;      /* packets that matched none (upcalls) */
	uint64_t n_lost;        /* misses dropped: no handler, queue full */
	uint64_t n_flows;
	uint64_t n_masks;
	uint64_t n_mask_hit;    /* masks visited by lookups, in all */
};

/* A port's counters, from the datapath's side: rx counts what it received
 * from the port, tx what it sent to it; tx_dropped what the port refused
 * (queue full, send error), rx_dropped what was lost on the way in.
 * DPIF_STAT_UNKNOWN marks a counter the datapath does not keep (ovs-dpctl
 * prints "?", OpenFlow port stats all ones). */
#define DPIF_STAT_UNKNOWN UINT64_MAX

struct dpif_port_stats {
	uint64_t rx_packets, rx_bytes, rx_dropped, rx_errors;
	uint64_t rx_over_errors, rx_frame_errors, rx_crc_errors;
	uint64_t tx_packets, tx_bytes, tx_dropped, tx_errors;
	uint64_t tx_aborted_errors, tx_carrier_errors;
	uint64_t collisions;
};

/* A meter: flags METER_F_*, bands of types METER_BAND_* (datapath/core/
 * meter.h, where the token buckets are described).  Set replaces a meter
 * whole, its counts starting again. */
struct dpif_meter_config {
	uint32_t flags;
	uint32_t n_bands;
	struct meter_band_config bands[METER_MAX_BANDS];
};

/* What went into a meter, and what each band applied to. */
struct dpif_meter_stats {
	uint64_t packet_in_count;
	uint64_t byte_in_count;
	uint32_t n_bands;
	struct meter_counts bands[METER_MAX_BANDS];
};

struct dpif_meter_features {
	uint32_t max_meters;            /* ids are below it */
	uint32_t max_bands;
	uint32_t band_types;            /* bit 1 << METER_BAND_* each */
	uint32_t capabilities;          /* METER_F_* supported */
};

/* An upcall: a packet that missed, with its key, handed to the daemon. */
struct dpif_upcall {
	struct dp_packet *packet;       /* the callee may keep a clone only */
	const void *key;                /* OVS_KEY_ATTR_* of the packet */
	size_t key_len;
	const void *userdata;           /* from a userspace action, or NULL */
	size_t userdata_len;
	uint32_t pid;                   /* from a userspace action, or 0 */
	bool is_miss;                   /* a miss, not a userspace action */
	struct flow_ufid ufid;          /* a miss: the UFID its megaflow gets */
};

/* Called by a polling thread for every miss and userspace action.  For a
 * miss, it may fill 'mask' and 'actions' (netlink buffers of the given
 * capacity) and return 0: the datapath then installs the megaflow and runs
 * the actions on the packet.  Any other return drops the packet.  An empty
 * 'mask' means an exact match.  For a userspace action 'mask' and 'actions'
 * are NULL and the return value is ignored.  Polling threads call it
 * concurrently, holding no datapath lock: it may put, get, delete and dump
 * flows, but not change ports, threads or callbacks (which wait for the
 * polling threads), nor execute.  dpif_execute() calls it in the caller's
 * thread for userspace actions. */
typedef int dpif_upcall_cb(const struct dpif_upcall *,
			   struct nlbuf *mask, struct nlbuf *actions,
			   void *aux);

struct dpif_class {
	const char *type;               /* "netdev", "netlink" */

	int (*open)(const char *name, bool create, struct dpif **);
	void (*close)(struct dpif *);
	int (*destroy)(struct dpif *);  /* deletes the datapath itself */
	int (*enumerate)(char ***names, size_t *n);

	int (*get_stats)(struct dpif *, struct dpif_dp_stats *);

	int (*port_add)(struct dpif *, const char *name, const char *type,
			const char *const *options, uint32_t *port_no);
	int (*port_del)(struct dpif *, uint32_t port_no);
	int (*port_query_by_number)(struct dpif *, uint32_t,
				    struct dpif_port *);
	int (*port_query_by_name)(struct dpif *, const char *,
				  struct dpif_port *);
	/* Calls 'cb' for every port; stops early if it returns nonzero. */
	int (*port_dump)(struct dpif *,
			 int (*cb)(const struct dpif_port *, void *), void *);
	/* The counters of port 'port_no', which arrive all
	 * DPIF_STAT_UNKNOWN: the provider fills in those it keeps.  NULL if
	 * it keeps none. */
	int (*port_get_stats)(struct dpif *, uint32_t port_no,
			      struct dpif_port_stats *);

	int (*flow_put)(struct dpif *, enum dpif_flow_put_flags,
			const void *key, size_t key_len,
			const void *mask, size_t mask_len,
			const void *actions, size_t actions_len,
			const struct flow_ufid *, struct dpif_flow_stats *old);
	/* By UFID when 'ufid' is given, else by the key the flow was
	 * installed with (unmasked, as the kernel datapath does: the put's, or
	 * the packet's for a megaflow a miss installed). */
	int (*flow_get)(struct dpif *, const void *key, size_t key_len,
			const struct flow_ufid *, struct dpif_flow *,
			void **buf);
	int (*flow_del)(struct dpif *, const void *key, size_t key_len,
			const struct flow_ufid *, struct dpif_flow_stats *);
	int (*flow_flush)(struct dpif *);
	/* Calls 'cb' for every flow; stops early if it returns nonzero. */
	int (*flow_dump)(struct dpif *,
			 int (*cb)(const struct dpif_flow *, void *), void *);

	/* Runs 'actions' on a copy of 'packet' (whose key it extracts). */
	int (*execute)(struct dpif *, const struct dp_packet *packet,
		       const void *actions, size_t actions_len);

	void (*register_upcall_cb)(struct dpif *, dpif_upcall_cb *, void *);

	/* Meters; all NULL in a provider without them. */
	int (*meter_features)(struct dpif *, struct dpif_meter_features *);
	int (*meter_set)(struct dpif *, uint32_t id,
			 const struct dpif_meter_config *);
	int (*meter_get)(struct dpif *, uint32_t id, struct dpif_meter_stats *);
	int (*meter_del)(struct dpif *, uint32_t id, struct dpif_meter_stats *);
};

/* A dpif: its class, and a message for the last error, if any. */
struct dpif {
	const struct dpif_class *class;
	char *name;
	char error[256];
};

/* Opens datapath 'name' of provider 'type' (NULL or "": "netdev"),
 * creating it if 'create' (-EEXIST if it exists) or else finding it
 * (-ENODEV if there is none); -EAFNOSUPPORT for an unknown type.
 *
 * A handle is used by one thread at a time.  With dpif-netdev, every thread
 * that calls these functions is rcu_register_thread()ed first, as for the
 * datapath core.  Each call below clears the handle's error and, when it
 * fails, leaves a message for dpif_last_error(). */
int dpif_open(const char *type, const char *name, bool create,
	      struct dpif **);
void dpif_close(struct dpif *);
/* Deletes the datapath (its ports and flows); the handle still needs
 * dpif_close(), and other handles on it then fail with -ENODEV. */
int dpif_destroy(struct dpif *);
/* The names of the datapaths of provider 'type', malloc()ed, as are each
 * of them. */
int dpif_enumerate(const char *type, char ***names, size_t *n);
const char *dpif_type(const struct dpif *);
const char *dpif_last_error(const struct dpif *);
void dpif_set_error(struct dpif *, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

int dpif_get_stats(struct dpif *, struct dpif_dp_stats *);
/* '*port_no': DPIF_PORT_NONE to pick the lowest free number, or the number
 * wanted (-EBUSY if taken); set to the port's number on success. */
int dpif_port_add(struct dpif *, const char *name, const char *type,
		  const char *const *options, uint32_t *port_no);
int dpif_port_del(struct dpif *, uint32_t port_no);
int dpif_port_query_by_number(struct dpif *, uint32_t, struct dpif_port *);
int dpif_port_query_by_name(struct dpif *, const char *, struct dpif_port *);
int dpif_port_dump(struct dpif *, int (*cb)(const struct dpif_port *, void *),
		   void *);
/* The counters of port 'port_no': 0, -ENOENT for no such port,
 * -EOPNOTSUPP (every counter DPIF_STAT_UNKNOWN) if the datapath keeps
 * none.  The packet path pays nothing for it: the counters are the
 * ones each queue's thread keeps, read here. */
int dpif_port_get_stats(struct dpif *, uint32_t port_no,
			struct dpif_port_stats *);
int dpif_flow_put(struct dpif *, enum dpif_flow_put_flags,
		  const void *key, size_t key_len,
		  const void *mask, size_t mask_len,
		  const void *actions, size_t actions_len,
		  const struct flow_ufid *, struct dpif_flow_stats *old);
int dpif_flow_get(struct dpif *, const void *key, size_t key_len,
		  const struct flow_ufid *, struct dpif_flow *, void **buf);
int dpif_flow_del(struct dpif *, const void *key, size_t key_len,
		  const struct flow_ufid *, struct dpif_flow_stats *);
int dpif_flow_flush(struct dpif *);
int dpif_flow_dump(struct dpif *, int (*cb)(const struct dpif_flow *, void *),
		   void *);
int dpif_execute(struct dpif *, const struct dp_packet *packet,
		 const void *actions, size_t actions_len);
void dpif_register_upcall_cb(struct dpif *, dpif_upcall_cb *, void *aux);

/* Meters.  Every call returns -EOPNOTSUPP on a provider without meters
 * (the features then all zero).  set: 0, -EFBIG (id not below
 * max_meters), -EBADF (unknown flags, or both KBPS and PKTPS), -EINVAL (no
 * bands, more than max_bands, a zero rate), -ENODEV (unknown band type), as
 * Open vSwitch's userspace datapath answers, nothing changed on error.
 * get and del: 0, -EFBIG or -ENOENT; del's 'stats' may be NULL. */
int dpif_meter_features(struct dpif *, struct dpif_meter_features *);
int dpif_meter_set(struct dpif *, uint32_t id,
		   const struct dpif_meter_config *);
int dpif_meter_get(struct dpif *, uint32_t id, struct dpif_meter_stats *);
int dpif_meter_del(struct dpif *, uint32_t id, struct dpif_meter_stats *);

/* For providers: fills in the common part of a new handle. */
void dpif_init(struct dpif *, const struct dpif_class *, const char *name);

#endif /* WEIR_DPIF_H */
