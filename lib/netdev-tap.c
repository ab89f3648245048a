/* "tap" and "internal" ports: a tap device the datapath creates, read and
 * written through its /dev/net/tun file descriptor.  "internal" (the
 * datapath's own port) is the same device under another type name.
 *
 * IFF_VNET_HDR puts a virtio_net_hdr before each frame.  TUN_F_CSUM lets
 * the host stack hand us frames with partial checksums, which we complete
 * as the "system" ports do; without TSO offered, it never sends us GSO
 * frames, so one read is one frame. */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/if_tun.h>

#include "netdev-linux.h"
#include "netdev-provider.h"
#include "netdev-vnet.h"

/* A frame up to the largest MTU a tap takes, after the usual headroom. */
#define BUF_FRAME 65536u
#define BUF_SIZE (DP_PACKET_HEADROOM + BUF_FRAME)

struct tap {
	struct netdev up;
	int fd;
	int ifindex;
	uint8_t *bufs;          /* NETDEV_MAX_BURST buffers of BUF_SIZE */
	struct dp_packet pkts[NETDEV_MAX_BURST];
	uint32_t n_pkts;        /* handed out in the last batch */
	struct netdev_stats stats;
};

static struct tap *tap_of(const struct netdev *up)
{
	return (struct tap *)up;
}

static int tap_create(struct tap *dev, const char *name)
{
	struct ifreq ifr = { .ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR };
	const char *what = "open /dev/net/tun";

	dev->fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (dev->fd >= 0) {
		snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
		what = "TUNSETIFF";
		if (!ioctl(dev->fd, TUNSETIFF, &ifr)) {
			what = "TUNSETOFFLOAD";
			if (!ioctl(dev->fd, TUNSETOFFLOAD, TUN_F_CSUM))
				return 0;
		}
	}
	netdev_log("%s: %s: %s", name, what, strerror(errno));
	return -errno;
}

static void tap_close(struct netdev *up)
{
	struct tap *dev = tap_of(up);

	for (uint32_t i = 0; i < dev->n_pkts; i++)
		dp_packet_uninit(&dev->pkts[i]);
	if (dev->fd >= 0)
		close(dev->fd);
	free(dev->bufs);
	free(dev);
}

static int tap_open_class(const struct netdev_class *class, const char *name,
			  const char *const *options, struct netdev **devp)
{
	struct tap *dev;
	int err;

	dev = netdev_alloc_plain(class, name, options, sizeof *dev, &err);
	if (!dev)
		return err;
	dev->bufs = malloc((size_t)BUF_SIZE * NETDEV_MAX_BURST);
	err = dev->bufs ? tap_create(dev, name) : -ENOMEM;
	if (!err) {
		dev->ifindex = netdev_linux_ifindex(name);
		err = dev->ifindex < 0 ? dev->ifindex : netdev_linux_set_up(name);
		if (err)
			netdev_log("%s: bringing it up: %s", name, strerror(-err));
	}
	if (err) {
		tap_close(&dev->up);
		return err;
	}
	*devp = &dev->up;
	return 0;
}

static int tap_open(const char *name, const char *const *options,
		    struct netdev **devp)
{
	return tap_open_class(&netdev_tap_class, name, options, devp);
}

static int internal_open(const char *name, const char *const *options,
			 struct netdev **devp)
{
	return tap_open_class(&netdev_internal_class, name, options, devp);
}

/* Reads one frame into buffer 'i': its length, 0 for a frame dropped,
 * or -errno (-EAGAIN when the queue is empty). */
static int tap_read(struct tap *dev, uint32_t i)
{
	uint8_t *frame = dev->bufs + (size_t)i * BUF_SIZE + DP_PACKET_HEADROOM;
	struct virtio_net_hdr vh;
	struct iovec iov[2] = {
		{ &vh, sizeof vh },
		{ frame, BUF_FRAME },
	};
	ssize_t n = readv(dev->fd, iov, 2);

	if (n < 0)
		return -errno;
	if (n <= (ssize_t)sizeof vh || netdev_vnet_is_gso(&vh) ||
	    netdev_vnet_csum(frame, n - sizeof vh, &vh)) {
		netdev_count(&dev->stats.rx_dropped, 1);
		return 0;
	}
	return n - sizeof vh;
}

static void tap_rxq_release(struct netdev *up, int qid,
			    struct dp_packet_batch *b)
{
	struct tap *dev = tap_of(up);

	for (uint32_t i = 0; i < dev->n_pkts; i++)
		dp_packet_uninit(&dev->pkts[i]);
	dev->n_pkts = 0;
	if (b)
		b->count = 0;
}

static int tap_rxq_recv(struct netdev *up, int qid, struct dp_packet_batch *b)
{
	struct tap *dev = tap_of(up);
	int err = 0;

	tap_rxq_release(up, qid, b);
	while (b->count < NETDEV_MAX_BURST) {
		struct dp_packet *p = &dev->pkts[dev->n_pkts];
		int len = tap_read(dev, dev->n_pkts);

		if (len < 0) {
			err = len;
			break;
		}
		if (!len)
			continue;
		dp_packet_use(p, dev->bufs + (size_t)dev->n_pkts * BUF_SIZE,
			      BUF_SIZE, DP_PACKET_HEADROOM, len);
		dev->n_pkts++;
		b->packets[b->count++] = p;
		netdev_count(&dev->stats.rx_packets, 1);
		netdev_count(&dev->stats.rx_bytes, len);
	}
	if (b->count)
		return 0;
	return err == -EAGAIN || !err ? -EAGAIN : err;
}

static int tap_rxq_fd(struct netdev *up, int qid)
{
	return tap_of(up)->fd;
}

/* A tap has no batch write: one writev() a frame, each behind a zeroed
 * virtio_net_hdr (checksums complete, no GSO). */
static int tap_send(struct netdev *up, int qid, struct dp_packet_batch *b)
{
	static const struct virtio_net_hdr none;
	struct tap *dev = tap_of(up);
	uint64_t bytes = 0;
	int sent = 0;

	for (uint32_t i = 0; i < b->count; i++) {
		struct dp_packet *p = b->packets[i];
		struct iovec iov[2] = {
			{ (void *)&none, sizeof none },
			{ dp_packet_data(p), dp_packet_size(p) },
		};

		if (writev(dev->fd, iov, 2) < 0)
			continue;
		sent++;
		bytes += dp_packet_size(p);
	}
	netdev_count(&dev->stats.tx_packets, sent);
	netdev_count(&dev->stats.tx_bytes, bytes);
	netdev_count(&dev->stats.tx_dropped, b->count - sent);
	return sent;
}

static int tap_get_stats(const struct netdev *up, struct netdev_stats *s)
{
	netdev_stats_read(&tap_of(up)->stats, s);
	netdev_linux_get_errors(up->name, s);
	return 0;
}

static int tap_get_ifindex(const struct netdev *up)
{
	return tap_of(up)->ifindex;
}

#define TAP_OPS \
	.close = tap_close, \
	.rxq_recv = tap_rxq_recv, \
	.rxq_release = tap_rxq_release, \
	.rxq_fd = tap_rxq_fd, \
	.send = tap_send, \
	.get_stats = tap_get_stats, \
	.get_etheraddr = netdev_linux_get_etheraddr, \
	.get_mtu = netdev_linux_get_mtu, \
	.get_ifindex = tap_get_ifindex, \
	.n_rxq = netdev_one_queue, \
	.n_txq = netdev_one_queue

const struct netdev_class netdev_tap_class = {
	.type = "tap",
	.open = tap_open,
	TAP_OPS,
};

const struct netdev_class netdev_internal_class = {
	.type = "internal",
	.open = internal_open,
	TAP_OPS,
};
