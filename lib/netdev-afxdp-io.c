/* AF_XDP receive and send: batches over the four rings of one socket.
 *
 * A received frame comes with no offload state: a local sender on a veth
 * peer with checksum offload leaves its TCP and UDP checksums partial
 * (the peer's TSO goes off while an XDP program is attached, so there is
 * no GSO), and netdev_csum_fixup() completes them. */
#include "netdev-afxdp.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "netdev-provider.h"
#include "netdev-vnet.h"

/* The kernel acts on the fill and TX rings only when told to, if it set
 * the need-wakeup flag; a zero-length send or receive is the telling. */
static void kick_rx(struct afxdp *dev)
{
	if (xsk_ring_prod__needs_wakeup(&dev->fill))
		recvfrom(xsk_socket__fd(dev->xsk), NULL, 0, MSG_DONTWAIT,
			 NULL, NULL);
}

static void kick_tx(struct afxdp *dev)
{
	if (xsk_ring_prod__needs_wakeup(&dev->tx))
		sendto(xsk_socket__fd(dev->xsk), NULL, 0, MSG_DONTWAIT,
		       NULL, 0);
}

int afxdp_rxq_recv(struct netdev *up, int qid, struct dp_packet_batch *b)
{
	struct afxdp *dev = (struct afxdp *)up;
	uint32_t idx, n, i;
	uint64_t bytes = 0;

	afxdp_rxq_release(up, qid, b);
	n = xsk_ring_cons__peek(&dev->rx, NETDEV_MAX_BURST, &idx);
	if (!n) {
		kick_rx(dev);
		return -EAGAIN;
	}
	for (i = 0; i < n; i++) {
		const struct xdp_desc *d = xsk_ring_cons__rx_desc(&dev->rx, idx + i);
		/* Aligned mode: the frame is the address rounded down, and
		 * what lies before the data in it is headroom. */
		uint64_t frame = d->addr & ~(uint64_t)(AFXDP_FRAME_SIZE - 1);
		uint32_t headroom = d->addr - frame;

		dev->frames[i] = frame;
		dp_packet_use(&dev->pkts[i], (uint8_t *)dev->area + frame,
			      AFXDP_FRAME_SIZE, headroom, d->len);
		netdev_csum_fixup(dp_packet_data(&dev->pkts[i]), d->len);
		b->packets[i] = &dev->pkts[i];
		bytes += d->len;
	}
	xsk_ring_cons__release(&dev->rx, n);
	dev->n_pkts = b->count = n;
	netdev_count(&dev->stats.rx_packets, n);
	netdev_count(&dev->stats.rx_bytes, bytes);
	return 0;
}

/* The frames of the batch out go back to the fill ring, which has room:
 * it holds every RX frame that is neither here nor in the RX ring. */
void afxdp_rxq_release(struct netdev *up, int qid, struct dp_packet_batch *b)
{
	struct afxdp *dev = (struct afxdp *)up;
	uint32_t idx, i;

	if (b)
		b->count = 0;
	if (!dev->n_pkts ||
	    xsk_ring_prod__reserve(&dev->fill, dev->n_pkts, &idx) != dev->n_pkts)
		return;
	for (i = 0; i < dev->n_pkts; i++) {
		*xsk_ring_prod__fill_addr(&dev->fill, idx + i) = dev->frames[i];
		dp_packet_uninit(&dev->pkts[i]);
	}
	xsk_ring_prod__submit(&dev->fill, dev->n_pkts);
	dev->n_pkts = 0;
}

/* TX frames the kernel has finished sending come back for reuse. */
static void tx_reclaim(struct afxdp *dev)
{
	uint32_t idx, n, i;

	n = xsk_ring_cons__peek(&dev->comp, AFXDP_TX_FRAMES, &idx);
	for (i = 0; i < n; i++)
		dev->tx_free[dev->n_tx_free++] =
			*xsk_ring_cons__comp_addr(&dev->comp, idx + i);
	xsk_ring_cons__release(&dev->comp, n);
}

/* Copies into free TX frames what fits in one; the rest is dropped. */
int afxdp_send(struct netdev *up, int qid, struct dp_packet_batch *b)
{
	struct afxdp *dev = (struct afxdp *)up;
	uint32_t idx, i, fit = 0, sent = 0;
	uint64_t bytes = 0;

	tx_reclaim(dev);
	for (i = 0; i < b->count; i++)
		fit += dp_packet_size(b->packets[i]) <= AFXDP_FRAME_SIZE;
	if (fit > dev->n_tx_free)
		fit = dev->n_tx_free;
	if (fit && xsk_ring_prod__reserve(&dev->tx, fit, &idx) != fit)
		fit = 0;
	for (i = 0; i < b->count && sent < fit; i++) {
		const struct dp_packet *p = b->packets[i];
		struct xdp_desc *d;

		if (dp_packet_size(p) > AFXDP_FRAME_SIZE)
			continue;
		d = xsk_ring_prod__tx_desc(&dev->tx, idx + sent++);
		d->addr = dev->tx_free[--dev->n_tx_free];
		d->len = dp_packet_size(p);
		memcpy((uint8_t *)dev->area + d->addr, dp_packet_data(p), d->len);
		bytes += d->len;
	}
	if (sent) {
		xsk_ring_prod__submit(&dev->tx, sent);
		kick_tx(dev);
	}
	netdev_count(&dev->stats.tx_packets, sent);
	netdev_count(&dev->stats.tx_bytes, bytes);
	netdev_count(&dev->stats.tx_dropped, b->count - sent);
	return sent;
}
