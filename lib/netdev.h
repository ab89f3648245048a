/* Network devices as the userspace datapath sees them: ports it receives
 * batches of packets from and sends batches to.
 *
 * A provider (struct netdev_class) implements one kind of port:
 *   "system"   an existing Linux interface, through AF_PACKET (TPACKET_V3
 *              RX ring, batched TX; PACKET_VNET_HDR so that frames whose L4
 *              checksum the sender left to offload are completed);
 *   "afxdp"    an existing interface through AF_XDP (libxdp), where the
 *              kernel allows it; opening it falls back to "system" with a
 *              logged reason otherwise;
 *   "tap"      a tap device the datapath creates (/dev/net/tun);
 *   "internal" the datapath's own port, a tap named after the datapath.
 *
 * Threads: a device is opened and configured by one control thread; each RX
 * queue is then polled by exactly one polling thread, and each TX queue is
 * used by one thread at a time (the datapath maps threads to TX queues). */
#ifndef WEIR_NETDEV_H
#define WEIR_NETDEV_H 1

#include <stdbool.h>
#include <stdint.h>

#include "dp-packet.h"

#define NETDEV_MAX_BURST 32

/* Up to NETDEV_MAX_BURST packets.  Packets received from a ring may point
 * into ring memory: they are valid until the batch is given back with
 * netdev_rxq_release(); whoever keeps one longer clones it. */
struct dp_packet_batch {
	uint32_t count;
	struct dp_packet *packets[NETDEV_MAX_BURST];
};

/* A device's counters, from the datapath's side: rx counts the frames it
 * read from the device, tx those it handed to it.  tx_dropped: frames the
 * device refused (queue full, send error); rx_dropped: frames lost on the
 * way in (ring overflow, offload state that could not be honoured).  The
 * error counters are the kernel's own for a Linux device, 0 for one with
 * no hardware under it (dummy). */
struct netdev_stats {
	uint64_t rx_packets, rx_bytes, rx_dropped, rx_errors;
	uint64_t tx_packets, tx_bytes, tx_dropped, tx_errors;
	uint64_t rx_over_errors, rx_frame_errors, rx_crc_errors;
	uint64_t tx_aborted_errors, tx_carrier_errors, collisions;
};

struct netdev;

struct netdev_class {
	const char *type;

	/* Opens (or for tap/internal creates) the device 'name'.  'options'
	 * are "key=value" strings from the configuration, NULL-terminated;
	 * an unknown option is an error naming it. */
	int (*open)(const char *name, const char *const *options,
		    struct netdev **);
	void (*close)(struct netdev *);

	/* Receives up to NETDEV_MAX_BURST packets from RX queue 'qid' without
	 * blocking: 0 with batch->count >= 1, -EAGAIN if none, else -errno. */
	int (*rxq_recv)(struct netdev *, int qid, struct dp_packet_batch *);
	/* Hands ring memory of a received batch back to the device.  One
	 * batch per queue is out at a time: receiving again first gives
	 * back a batch not yet released. */
	void (*rxq_release)(struct netdev *, int qid, struct dp_packet_batch *);
	/* A file descriptor that becomes readable when queue 'qid' has
	 * packets, for threads that sleep instead of busy polling; -1 if
	 * none. */
	int (*rxq_fd)(struct netdev *, int qid);

	/* Sends every packet of 'batch' on TX queue 'qid'.  The packets stay
	 * the caller's.  Returns the number sent; the rest count as dropped. */
	int (*send)(struct netdev *, int qid, struct dp_packet_batch *);

	int (*get_stats)(const struct netdev *, struct netdev_stats *);
	int (*get_etheraddr)(const struct netdev *, uint8_t mac[6]);
	int (*get_mtu)(const struct netdev *, int *mtu);
	int (*get_ifindex)(const struct netdev *);
	int (*n_rxq)(const struct netdev *);
	int (*n_txq)(const struct netdev *);
};

/* What every provider's device starts with. */
struct netdev {
	const struct netdev_class *class;
	char *name;
	char *type;             /* as requested: "afxdp" may run as "system" */
};

/* Opens device 'name' of 'type' (NULL or "" means "system"). */
int netdev_open(const char *name, const char *type,
		const char *const *options, struct netdev **);
void netdev_close(struct netdev *);
/* The device's counters: 0, or -EOPNOTSUPP if its provider keeps none.
 * One thread at a time per device (a read may fold in kernel counters). */
int netdev_get_stats(const struct netdev *, struct netdev_stats *);
const struct netdev_class *netdev_class_find(const char *type);

#endif /* WEIR_NETDEV_H */
