/* "system" ports: an existing Linux interface through AF_PACKET.
 *
 * Two sockets.  The RX socket has a TPACKET_V3 ring (netdev-afpacket-rx.c)
 * and PACKET_VNET_HDR; it ignores outgoing frames, so it sees neither our
 * own sends nor the host stack's, only what arrives from the wire.  The TX
 * socket is bound with protocol 0, so it receives nothing, bypasses the
 * qdisc, and sends batches with sendmmsg().
 *
 * Why sendmmsg and not a TPACKET_V2 TX ring: measured with the shared
 * bench (64-byte UDP, pb0 -> pb1 through tests/tools/netdev-relay),
 * sendmmsg forwarded as much or more in 4 of 5 paired trials (e.g. 1.38
 * vs 1.18 and 1.27 vs 1.19 Mpps); the ring also needs frames sized for the
 * MTU, and on a veth a sent frame stays pinned until the peer has consumed
 * it.  No virtio_net_hdr on TX: the socket does not enable it, since what
 * we send carries complete checksums and no GSO.
 *
 * MTU: received frames up to a ring block (128 KiB) are whole; a frame
 * longer than the MTU allows is refused by the kernel on send and counted
 * as a TX drop, alone. */
#include "netdev-afpacket.h"

#include <errno.h>
#include <net/ethernet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_packet.h>

#include "netdev-linux.h"
#include "netdev-provider.h"

static struct afpacket *afpacket_of(const struct netdev *up)
{
	/* Const only for the caller: the kernel's drop counter, read by
	 * get_stats, resets on each read and so must be accumulated. */
	return (struct afpacket *)up;
}

int afpacket_setsockopt(struct afpacket *dev, int fd, int opt,
			const void *val, socklen_t len, const char *what)
{
	if (setsockopt(fd, SOL_PACKET, opt, val, len) < 0) {
		int err = -errno;

		netdev_log("%s: setsockopt(%s): %s", dev->name, what,
			   strerror(-err));
		return err;
	}
	return 0;
}

/* Binds 'fd' to the interface for 'proto' (0: send only). */
int afpacket_bind(struct afpacket *dev, int fd, uint16_t proto)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(proto),
		.sll_ifindex = dev->ifindex,
	};

	if (bind(fd, (struct sockaddr *)&sll, sizeof sll) < 0) {
		netdev_log("%s: bind: %s", dev->name, strerror(errno));
		return -errno;
	}
	return 0;
}

static int tx_open(struct afpacket *dev)
{
	int one = 1;
	int err;

	dev->tx_fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
	if (dev->tx_fd < 0)
		return -errno;
	err = afpacket_setsockopt(dev, dev->tx_fd, PACKET_QDISC_BYPASS, &one,
				  sizeof one, "PACKET_QDISC_BYPASS");
	return err ? err : afpacket_bind(dev, dev->tx_fd, 0);
}

static void afpacket_close(struct netdev *up)
{
	struct afpacket *dev = afpacket_of(up);

	afpacket_rx_close(dev);
	if (dev->tx_fd >= 0)
		close(dev->tx_fd);
	free(dev);
}

int afpacket_open(const char *name, const char *const *options,
		  struct netdev **devp)
{
	struct afpacket *dev;
	int err;

	dev = netdev_alloc_plain(&netdev_afpacket_class, name, options,
				 sizeof *dev, &err);
	if (!dev)
		return err;
	snprintf(dev->name, sizeof dev->name, "%s", name);
	dev->rx.fd = dev->tx_fd = -1;
	dev->ifindex = netdev_linux_ifindex(name);
	err = dev->ifindex < 0 ? dev->ifindex : afpacket_rx_open(dev);
	if (!err)
		err = tx_open(dev);
	if (err) {
		if (dev->ifindex < 0)
			netdev_log("%s: %s", name, strerror(-err));
		afpacket_close(&dev->up);
		return err;
	}
	*devp = &dev->up;
	return 0;
}

/* Sends what sendmmsg() takes; a message it refuses (too long for the MTU,
 * say) is dropped alone, a full device drops the rest of the batch. */
static int afpacket_send(struct netdev *up, int qid,
			 struct dp_packet_batch *b)
{
	struct afpacket *dev = afpacket_of(up);
	struct mmsghdr msgs[NETDEV_MAX_BURST];
	struct iovec iov[NETDEV_MAX_BURST];
	uint32_t i, done = 0, sent = 0;
	uint64_t bytes = 0;

	memset(msgs, 0, sizeof msgs);
	for (i = 0; i < b->count; i++) {
		iov[i].iov_base = dp_packet_data(b->packets[i]);
		iov[i].iov_len = dp_packet_size(b->packets[i]);
		msgs[i].msg_hdr.msg_iov = &iov[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	while (done < b->count) {
		int n = sendmmsg(dev->tx_fd, msgs + done, b->count - done,
				 MSG_DONTWAIT);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == ENOBUFS))
			break;
		if (n < 0) {
			done++;         /* this one alone is refused */
			continue;
		}
		for (i = done; i < done + n; i++)
			bytes += iov[i].iov_len;
		done += n;
		sent += n;
	}
	netdev_count(&dev->stats.tx_packets, sent);
	netdev_count(&dev->stats.tx_bytes, bytes);
	netdev_count(&dev->stats.tx_dropped, b->count - sent);
	return sent;
}

static int afpacket_get_stats(const struct netdev *up, struct netdev_stats *s)
{
	struct afpacket *dev = afpacket_of(up);
	struct tpacket_stats_v3 ks;
	socklen_t len = sizeof ks;

	if (!getsockopt(dev->rx.fd, SOL_PACKET, PACKET_STATISTICS, &ks, &len))
		dev->kernel_drops += ks.tp_drops;
	netdev_stats_read(&dev->stats, s);
	s->rx_dropped += dev->kernel_drops;
	netdev_linux_get_errors(up->name, s);
	return 0;
}

static int afpacket_get_ifindex(const struct netdev *up)
{
	return afpacket_of(up)->ifindex;
}

static int afpacket_rxq_fd(struct netdev *up, int qid)
{
	return afpacket_of(up)->rx.fd;
}

const struct netdev_class netdev_afpacket_class = {
	.type = "system",
	.open = afpacket_open,
	.close = afpacket_close,
	.rxq_recv = afpacket_rxq_recv,
	.rxq_release = afpacket_rxq_release,
	.rxq_fd = afpacket_rxq_fd,
	.send = afpacket_send,
	.get_stats = afpacket_get_stats,
	.get_etheraddr = netdev_linux_get_etheraddr,
	.get_mtu = netdev_linux_get_mtu,
	.get_ifindex = afpacket_get_ifindex,
	.n_rxq = netdev_one_queue,
	.n_txq = netdev_one_queue,
};
