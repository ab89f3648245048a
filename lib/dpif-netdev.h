/* The userspace datapath: the dpif provider "netdev", and what only it has
 * (polling threads and their statistics, the exact-match cache).
 *
 * Each datapath has one megaflow table, shared by its polling threads, and
 * port 0, an "internal" port named after it.  The ports' receive queues are
 * spread over the polling threads; each thread reads batches of up to 32
 * packets, looks them up (its exact-match cache, then the megaflow table for
 * the batch at once), runs the actions of each flow on its packets, and sends
 * what goes to the same port as one batch.  A miss is handed to the upcall
 * callback in the polling thread; the megaflow it returns is installed and
 * the packet (counted in the new flow's statistics) sent on its way.  A
 * thread with nothing to read for a while sleeps in poll() on its queues.
 *
 * Every flow has a UFID: the one it was put with, or else a hash of the
 * (unmasked) key it was put with, or for a miss of the packet's key (the
 * upcall's 'ufid').  So get and del by key find flows put without a UFID
 * and those misses installed, and a second put of the same key with
 * another mask and no UFID is -EEXIST. */
#ifndef WEIR_DPIF_NETDEV_H
#define WEIR_DPIF_NETDEV_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dpif;
struct dpif_class;

extern const struct dpif_class dpif_netdev_class;

/* Recirculation passes one packet may make before it is dropped. */
#define DPIF_NETDEV_MAX_RECIRC 6

struct dpif_netdev_config {
	unsigned int n_pmd;             /* polling threads, at least 1 */
	unsigned int emc_insert_inv;    /* cache 1 miss in N; 0: no EMC */
	unsigned int idle_us;           /* spin this long idle, then sleep */
	uint32_t flow_limit;            /* most megaflows, 0 for no limit */
};

/* Defaults: 1 thread, EMC insertion 1 in 100, 2 ms, 200000 flows. */
int dpif_netdev_get_config(struct dpif *, struct dpif_netdev_config *);
/* Changing the thread count, EMC or idle time restarts the threads (their
 * statistics carry over); the flow limit applies to later installs only. */
int dpif_netdev_set_config(struct dpif *, const struct dpif_netdev_config *);

/* One execution context's counters: a polling thread, or (id -1) the
 * callers of dpif_execute().  'cycles' are TSC ticks on x86, else ns. */
struct dpif_netdev_pmd_stats {
	int id;
	unsigned int n_rxq;             /* receive queues it polls */
	uint64_t packets;               /* received */
	uint64_t batches;               /* non-empty receives */
	uint64_t recirc;                /* recirculation passes */
	uint64_t emc_hits;
	uint64_t megaflow_hits;
	uint64_t misses;
	uint64_t lost;                  /* misses dropped: no callback, or it
					 * failed or answered badly */
	uint64_t upcall_errors;         /* answers that could not install */
	uint64_t recirc_drops;          /* too deep, or queue full */
	uint64_t tx_packets;            /* handed to send(), in ... */
	uint64_t tx_batches;            /* ... this many calls */
	uint64_t busy_cycles;           /* receiving, processing, sending */
	uint64_t idle_cycles;           /* polling empty queues */
	uint64_t sleeps;                /* times it slept in poll() */
};

/* Every context's counters, threads first: '*stats' is malloc()ed. */
int dpif_netdev_pmd_stats(struct dpif *, struct dpif_netdev_pmd_stats **stats,
			  size_t *n);

/* Opens every later port with netdev type 'type' (NULL: as asked), while
 * ports keep reporting the type they were added with: "dummy" runs a
 * datapath, internal port included, without touching the system.  Call it
 * at start-up, before other threads use datapaths. */
void dpif_netdev_set_netdev_override(const char *type);

bool dpif_is_netdev(const struct dpif *);

#endif /* WEIR_DPIF_NETDEV_H */
