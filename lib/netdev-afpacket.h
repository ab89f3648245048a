/* The AF_PACKET ("system") provider, shared by its two files and by the
 * afxdp provider, which falls back to it. */
#ifndef WEIR_NETDEV_AFPACKET_H
#define WEIR_NETDEV_AFPACKET_H 1

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include "netdev.h"
#include "netdev-vnet.h"

/* The TPACKET_V3 receive ring and what it has handed out. */
struct afpacket_rx {
	int fd;
	uint8_t *ring;
	uint32_t block_size, n_blocks;
	uint32_t cur;           /* block being walked */
	uint32_t left;          /* its frames not yet walked; 0: none open */
	uint8_t *frame;         /* the next of them */
	uint32_t n_done;        /* blocks before 'cur' walked, not returned */
	struct netdev_gso gso;  /* a GSO frame being cut, if gso.frame */
	bool gso_logged;

	/* The batch out: ring frames, and GSO segments on the heap. */
	struct dp_packet pkts[NETDEV_MAX_BURST];
	struct dp_packet *segs[NETDEV_MAX_BURST];
	uint32_t n_pkts, n_segs;
};

struct afpacket {
	struct netdev up;
	char name[IFNAMSIZ];    /* for logs before the registry names us */
	int ifindex;
	int tx_fd;
	struct afpacket_rx rx;
	struct netdev_stats stats;
	uint64_t kernel_drops;  /* PACKET_STATISTICS, accumulated */
};

int afpacket_open(const char *name, const char *const *options,
		  struct netdev **);

/* netdev-afpacket-rx.c */
int afpacket_rx_open(struct afpacket *);
void afpacket_rx_close(struct afpacket *);
int afpacket_rxq_recv(struct netdev *, int qid, struct dp_packet_batch *);
void afpacket_rxq_release(struct netdev *, int qid, struct dp_packet_batch *);

/* Helpers for both files: log the failing call, return -errno. */
int afpacket_setsockopt(struct afpacket *, int fd, int opt,
			const void *val, socklen_t len, const char *what);
int afpacket_bind(struct afpacket *, int fd, uint16_t proto);

#endif /* WEIR_NETDEV_AFPACKET_H */
