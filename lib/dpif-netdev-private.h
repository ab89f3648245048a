/* The userspace datapath's own structures, shared by its files:
 *   dpif-netdev.c          datapaths, handles, ports, stats, configuration
 *   dpif-netdev-flow.c     flows: put, get, del, flush, dump; execute
 *   dpif-netdev-port.c     ports: netdevs, the port table, TX queues
 *   dpif-netdev-pmd.c      polling threads: queues, loop, sleep, counters
 *   dpif-netdev-input.c    a batch through the cache, table and actions,
 *                          output batching, recirculation
 *   dpif-netdev-upcall.c   misses and userspace actions to the callback
 *   dpif-netdev-meter.c    meters: set, get, del, features
 *
 * Locks, outermost first: dp->port_mutex (ports, threads, configuration),
 * dp->flow_mutex (megaflow writers), dp->upcall_lock (the callback).
 * Polling threads take only the last two, and never while in an RCU
 * read-side section, so a writer holding a mutex may synchronize_rcu(). */
#ifndef WEIR_DPIF_NETDEV_PRIVATE_H
#define WEIR_DPIF_NETDEV_PRIVATE_H 1

#include <pthread.h>

#include "actions.h"
#include "dpif.h"
#include "dpif-netdev.h"
#include "flow-emc.h"
#include "flow-table.h"
#include "meter.h"
#include "netdev.h"

#define DPN_BATCH NETDEV_MAX_BURST
#define DPN_TX_SLOTS 16                 /* ports one batch may send to */
#define DPN_RECIRC_QUEUE 256            /* recirculated packets pending */
#define DPN_USERSPACE_QUEUE 64          /* userspace actions pending */
#define DPN_KEY_BUF 1024                /* OVS_KEY_ATTR_* of one key */
#define DPN_ACTIONS_BUF 65536           /* the most one attribute holds */

/* A port, referenced by the port table and by the polling lists of the
 * threads that read its queues; the last reference closes it. */
struct dpn_port {
	uint32_t port_no;
	char name[64];
	char type[16];
	struct netdev *netdev;
	int n_rxq;
	int n_txq;
	pthread_mutex_t *txq_locks;     /* [n_txq]: senders share queues */
	uint32_t refcnt;                /* atomic */
};

/* Ports by number, published under RCU and copied on every change. */
struct dpn_port_table {
	uint32_t n;                     /* slots */
	struct rcu_head rcu;
	struct dpn_port *ports[];
};

/* One batch's packets waiting to go out of one port. */
struct dpn_tx {
	struct dpn_port *port;
	uint32_t owned;                 /* bit i: packets[i] is our copy */
	struct dp_packet_batch batch;
};

struct dpn_pending {
	struct dp_packet *pkt;          /* ours */
	unsigned int depth;             /* recirculations so far */
};

struct dpn_userspace {
	struct dp_packet *pkt;          /* ours */
	struct flow_key key;
	uint32_t pid;
	void *userdata;                 /* malloc()ed copy, or NULL */
	uint32_t userdata_len;
};

/* Counters: written by the context's own thread only (relaxed atomic
 * stores, so that readers in other threads see whole values). */
struct dpn_stats {
	uint64_t packets, batches, recirc;
	uint64_t emc_hits, megaflow_hits, misses, lost, upcall_errors;
	uint64_t recirc_drops, tx_packets, tx_batches;
	uint64_t busy_cycles, idle_cycles, sleeps;
	uint64_t mask_visits;           /* by megaflow lookups, in all */
};

static inline void dpn_stat_add(uint64_t *counter, uint64_t n)
{
	__atomic_store_n(counter, __atomic_load_n(counter, __ATOMIC_RELAXED) + n,
			 __ATOMIC_RELAXED);
}

/* Where packets are processed: a polling thread, or dpif_execute(). */
struct dpn_ctx {
	struct dp_netdev *dp;
	int id;                         /* thread index, -1 for execute */
	unsigned int tx_id;             /* picks this context's TX queues */
	struct flow_emc *emc;           /* NULL: no cache */
	struct actions_ctx actx;
	unsigned int depth;             /* of the packet being run */

	/* The batch being looked up. */
	struct flow_key keys[DPN_BATCH];
	struct flow *flows[DPN_BATCH];

	struct dpn_tx tx[DPN_TX_SLOTS];
	unsigned int n_tx;

	struct dpn_pending recirc[DPN_RECIRC_QUEUE];    /* a ring */
	unsigned int recirc_head, n_recirc;
	struct dpn_userspace userspace[DPN_USERSPACE_QUEUE];
	unsigned int n_userspace;

	/* Upcall buffers: the key, and the callback's mask and actions. */
	uint32_t key_buf[DPN_KEY_BUF / 4];
	uint32_t mask_buf[DPN_KEY_BUF / 4];
	uint32_t *actions_buf;          /* DPN_ACTIONS_BUF bytes */

	struct dpn_stats stats;
};

/* A receive queue as a thread polls it. */
struct dpn_rxq {
	struct dpn_port *port;          /* referenced by the list */
	int qid;
	bool syscall;                   /* every receive is a system call */
	unsigned int skip;              /* polls to leave out, while empty */
};

struct dpn_poll_list {
	uint64_t gen;
	unsigned int n;
	struct dpn_rxq rxqs[];
};

struct dpn_pmd {
	struct dpn_ctx ctx;
	pthread_t thread;
	int wake_fd;                    /* eventfd: list changed, or exit */
	unsigned int idle_us;
	struct dpn_poll_list *list;     /* the thread's own */
	struct dpn_poll_list *pending;  /* atomic: the next list */
	uint64_t ack_gen;               /* atomic: gen of the list in use */
	uint32_t n_rxq;                 /* atomic, for statistics */
	bool exit;                      /* atomic */
};

struct dp_netdev {
	char *name;
	struct dp_netdev *next;         /* in the registry */
	unsigned int n_handles;         /* under the registry lock */
	bool destroyed;                 /* atomic */

	pthread_mutex_t port_mutex;
	struct dpn_port_table *ports;   /* RCU */
	struct dpn_pmd **pmds;
	unsigned int n_pmd;
	uint64_t list_gen;
	struct dpif_netdev_config config;
	struct dpn_stats retired;       /* of threads that were stopped */

	pthread_mutex_t flow_mutex;
	struct flow_table table;

	pthread_rwlock_t upcall_lock;
	dpif_upcall_cb *upcall_cb;
	void *upcall_aux;

	pthread_mutex_t execute_mutex;
	struct dpn_ctx *execute_ctx;

	pthread_mutex_t meter_mutex;    /* meter writers and readers of stats */
	struct meter_table meters;
};

/* dpif-netdev.c */
int dpn_set_error(struct dpif *, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The datapath of a handle, or NULL (with the error set) if destroyed. */
struct dp_netdev *dpn_live_dp(struct dpif *);
#define LIVE_DP(dpif, dp)                       \
	do {                                    \
		(dp) = dpn_live_dp(dpif);       \
		if (!(dp))                      \
			return -ENODEV;         \
	} while (0)

/* dpif-netdev-flow.c: the dpif_class members of the same names. */
int dpn_flow_put(struct dpif *, enum dpif_flow_put_flags,
		 const void *key, size_t key_len,
		 const void *mask, size_t mask_len,
		 const void *actions, size_t actions_len,
		 const struct flow_ufid *, struct dpif_flow_stats *old);
int dpn_flow_get(struct dpif *, const void *key, size_t key_len,
		 const struct flow_ufid *, struct dpif_flow *, void **buf);
int dpn_flow_del(struct dpif *, const void *key, size_t key_len,
		 const struct flow_ufid *, struct dpif_flow_stats *);
int dpn_flow_flush(struct dpif *);
int dpn_flow_dump(struct dpif *, int (*cb)(const struct dpif_flow *, void *),
		  void *);
int dpn_execute(struct dpif *, const struct dp_packet *,
		const void *actions, size_t actions_len);

/* dpif-netdev-meter.c: the dpif_class members of the same names. */
int dpn_meter_features(struct dpif *, struct dpif_meter_features *);
int dpn_meter_set(struct dpif *, uint32_t id, const struct dpif_meter_config *);
int dpn_meter_get(struct dpif *, uint32_t id, struct dpif_meter_stats *);
int dpn_meter_del(struct dpif *, uint32_t id, struct dpif_meter_stats *);

/* dpif-netdev-port.c (port_mutex held, except where said) */
int dpn_port_open(struct dp_netdev *, const char *name, const char *type,
		  const char *const *options, struct dpn_port **);
int dpn_port_insert(struct dp_netdev *, struct dpn_port *, uint32_t port_no);
void dpn_port_remove(struct dp_netdev *, struct dpn_port *);
void dpn_port_ref(struct dpn_port *);
void dpn_port_unref(struct dpn_port *);
struct dpn_port *dpn_port_find_name(const struct dp_netdev *, const char *);
void dpn_ports_destroy(struct dp_netdev *);
/* Readers: under rcu_read_lock(), or with port_mutex. */
struct dpn_port *dpn_port_get(const struct dp_netdev *, uint32_t port_no);
void dpn_port_send(struct dpn_port *, unsigned int tx_id,
		   struct dp_packet_batch *);

/* dpif-netdev-pmd.c (port_mutex held) */
int dpn_pmds_start(struct dp_netdev *);
void dpn_pmds_stop(struct dp_netdev *);
/* Hands every thread a new polling list and waits until each uses it. */
void dpn_pmds_reload(struct dp_netdev *);
uint64_t dpn_cycles(void);

/* dpif-netdev-input.c */
int dpn_ctx_init(struct dpn_ctx *, struct dp_netdev *, int id,
		 unsigned int emc_insert_inv);
void dpn_ctx_uninit(struct dpn_ctx *);
/* Runs a batch of packets received on a port, or to be recirculated,
 * through the datapath; then whatever they recirculated, then the
 * userspace actions.  The packets stay the caller's. */
void dpn_input(struct dpn_ctx *, struct dp_packet **pkts, unsigned int n);
/* Reads the meters' clock for the packets run next. */
void dpn_clock_tick(struct dpn_ctx *);
/* Under rcu_read_lock(): runs validated 'acts' on 'pkt'; output is queued
 * until dpn_tx_flush(), which must come before rcu_read_unlock(). */
void dpn_actions_run(struct dpn_ctx *, struct dp_packet *pkt,
		     struct flow_key *key, const void *acts, uint32_t len);
void dpn_tx_flush(struct dpn_ctx *);
/* After dpn_actions_run() outside dpn_input(): the recirculations and
 * userspace actions it left. */
void dpn_finish(struct dpn_ctx *);
void dpn_flow_stats_add(struct flow *, uint32_t packets, uint32_t bytes,
			uint16_t tcp_flags, uint64_t now);
void dpn_stats_sum(struct dpn_stats *sum, const struct dpn_stats *);

/* dpif-netdev-upcall.c */
/* A miss, outside any RCU read-side section: a flow installed since the
 * lookup, or the callback's answer installed and run. */
void dpn_upcall_miss(struct dpn_ctx *, struct dp_packet *, struct flow_key *,
		     unsigned int depth);
void dpn_upcall_userspace(struct dpn_ctx *, struct dpn_userspace *);
struct flow_ufid dpn_ufid_from_key(const struct flow_key *);

#endif /* WEIR_DPIF_NETDEV_PRIVATE_H */
