/* The AF_XDP ("afxdp") provider, shared by its two files. */
#ifndef WEIR_NETDEV_AFXDP_H
#define WEIR_NETDEV_AFXDP_H 1

#include <stddef.h>
#include <stdint.h>
#include <xdp/xsk.h>

#include "netdev.h"

/* One UMEM of 4 KiB frames: the first AFXDP_RX_FRAMES circulate between
 * the fill ring, the RX ring and us; the rest carry what we send.  In
 * copy mode the kernel puts a received frame XDP_PACKET_HEADROOM (256)
 * bytes into its UMEM frame, which is the packet's headroom. */
#define AFXDP_FRAME_SIZE XSK_UMEM__DEFAULT_FRAME_SIZE
#define AFXDP_RX_FRAMES 2048u
#define AFXDP_TX_FRAMES 1024u

struct afxdp {
	struct netdev up;
	int ifindex;
	void *area;
	size_t area_size;
	struct xsk_umem *umem;
	struct xsk_ring_prod fill;
	struct xsk_ring_cons comp;
	struct xsk_socket *xsk;
	struct xsk_ring_cons rx;
	struct xsk_ring_prod tx;

	uint64_t tx_free[AFXDP_TX_FRAMES];      /* TX frames not in flight */
	uint32_t n_tx_free;

	/* The batch out, and the UMEM frames under it. */
	struct dp_packet pkts[NETDEV_MAX_BURST];
	uint64_t frames[NETDEV_MAX_BURST];
	uint32_t n_pkts;

	struct netdev_stats stats;
};

/* netdev-afxdp-io.c */
int afxdp_rxq_recv(struct netdev *, int qid, struct dp_packet_batch *);
void afxdp_rxq_release(struct netdev *, int qid, struct dp_packet_batch *);
int afxdp_send(struct netdev *, int qid, struct dp_packet_batch *);

#endif /* WEIR_NETDEV_AFXDP_H */
