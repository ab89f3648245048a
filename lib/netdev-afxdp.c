/* "afxdp" ports: an existing interface through an AF_XDP socket (libxdp),
 * which receives what libxdp's default XDP program redirects to it.
 *
 * Where the kernel refuses (no XDP on the device, no permission for BPF,
 * an old kernel), the port opens as "system" instead and says why, once,
 * in the log.  The receive and send paths are in netdev-afxdp-io.c. */
#include "netdev-afxdp.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <bpf/libbpf.h>
#include <linux/if_link.h>
#include <xdp/libxdp.h>

#include "netdev-afpacket.h"
#include "netdev-linux.h"
#include "netdev-provider.h"

/* The last warning libxdp or libbpf printed during an open: the detail
 * behind an errno, for the fallback's log line. */
static _Thread_local char lib_msg[256];

static int lib_print(const char *fmt, va_list ap)
{
	size_t n;

	vsnprintf(lib_msg, sizeof lib_msg, fmt, ap);
	n = strlen(lib_msg);
	while (n && lib_msg[n - 1] == '\n')
		lib_msg[--n] = '\0';
	return 0;
}

static int xdp_print(enum libxdp_print_level level, const char *fmt,
		     va_list ap)
{
	return level == LIBXDP_WARN ? lib_print(fmt, ap) : 0;
}

static int bpf_print(enum libbpf_print_level level, const char *fmt,
		     va_list ap)
{
	return level == LIBBPF_WARN ? lib_print(fmt, ap) : 0;
}

struct afxdp_options {
	uint32_t xdp_flags;
	uint16_t bind_flags;
};

static int parse_option(const char *name, const char *key, const char *value,
			void *opts_)
{
	struct afxdp_options *opts = opts_;

	if (strcmp(key, "xdp-mode"))
		return netdev_option_error(name, key, value, "unknown option");
	if (!strcmp(value, "auto")) {
		opts->xdp_flags = 0;
	} else if (!strcmp(value, "native")) {
		opts->xdp_flags = XDP_FLAGS_DRV_MODE;
	} else if (!strcmp(value, "generic")) {
		opts->xdp_flags = XDP_FLAGS_SKB_MODE;
		opts->bind_flags = XDP_COPY;
	} else {
		return netdev_option_error(name, key, value,
					   "expected auto, native or generic");
	}
	return 0;
}

/* Every RX frame starts in the fill ring; TX frames wait on a stack. */
static int umem_setup(struct afxdp *dev)
{
	struct xsk_umem_config cfg = {
		.fill_size = AFXDP_RX_FRAMES,
		.comp_size = AFXDP_TX_FRAMES,
		.frame_size = AFXDP_FRAME_SIZE,
	};
	uint32_t idx, i;
	int err;

	dev->area_size = (size_t)AFXDP_FRAME_SIZE *
			 (AFXDP_RX_FRAMES + AFXDP_TX_FRAMES);
	dev->area = mmap(NULL, dev->area_size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (dev->area == MAP_FAILED) {
		dev->area = NULL;
		return -errno;
	}
	err = xsk_umem__create(&dev->umem, dev->area, dev->area_size,
			       &dev->fill, &dev->comp, &cfg);
	if (err)
		return err;
	if (xsk_ring_prod__reserve(&dev->fill, AFXDP_RX_FRAMES, &idx) !=
	    AFXDP_RX_FRAMES)
		return -ENOBUFS;
	for (i = 0; i < AFXDP_RX_FRAMES; i++)
		*xsk_ring_prod__fill_addr(&dev->fill, idx + i) =
			(uint64_t)i * AFXDP_FRAME_SIZE;
	xsk_ring_prod__submit(&dev->fill, AFXDP_RX_FRAMES);
	for (i = 0; i < AFXDP_TX_FRAMES; i++)
		dev->tx_free[dev->n_tx_free++] =
			(uint64_t)(AFXDP_RX_FRAMES + i) * AFXDP_FRAME_SIZE;
	return 0;
}

static int xsk_setup(struct afxdp *dev, const char *name,
		     const struct afxdp_options *opts)
{
	struct xsk_socket_config cfg = {
		.rx_size = AFXDP_RX_FRAMES,
		.tx_size = AFXDP_TX_FRAMES,
		.xdp_flags = opts->xdp_flags,
		.bind_flags = opts->bind_flags | XDP_USE_NEED_WAKEUP,
	};

	return xsk_socket__create(&dev->xsk, name, 0, dev->umem, &dev->rx,
				  &dev->tx, &cfg);
}

/* libxdp and libbpf talk on stderr; while we call them, what they say is
 * kept in lib_msg instead. */
struct lib_prints {
	libxdp_print_fn_t xdp;
	libbpf_print_fn_t bpf;
};

static struct lib_prints lib_quiet(void)
{
	lib_msg[0] = '\0';
	return (struct lib_prints) {
		libxdp_set_print(xdp_print), libbpf_set_print(bpf_print),
	};
}

static void lib_restore(struct lib_prints old)
{
	libxdp_set_print(old.xdp);
	libbpf_set_print(old.bpf);
}

static void afxdp_destroy(struct afxdp *dev)
{
	afxdp_rxq_release(&dev->up, 0, NULL);
	if (dev->xsk)
		xsk_socket__delete(dev->xsk);
	if (dev->umem)
		xsk_umem__delete(dev->umem);
	if (dev->area)
		munmap(dev->area, dev->area_size);
	free(dev);
}

static void afxdp_close(struct netdev *up)
{
	struct lib_prints old = lib_quiet();

	afxdp_destroy((struct afxdp *)up);
	lib_restore(old);
}

/* Builds the AF_XDP port, with libxdp's and libbpf's messages caught. */
static int afxdp_create(const char *name, const struct afxdp_options *opts,
			struct afxdp **devp, const char **what)
{
	struct lib_prints old = lib_quiet();
	struct afxdp *dev = calloc(1, sizeof *dev);
	int err = -ENOMEM;

	*what = "UMEM";
	if (dev) {
		dev->up.class = &netdev_afxdp_class;
		dev->ifindex = netdev_linux_ifindex(name);
		err = dev->ifindex < 0 ? dev->ifindex : umem_setup(dev);
	}
	if (!err) {
		*what = "XDP socket";
		err = xsk_setup(dev, name, opts);
	}
	if (err && dev)
		afxdp_destroy(dev);
	lib_restore(old);
	*devp = err ? NULL : dev;
	return err;
}

static int afxdp_open(const char *name, const char *const *options,
		      struct netdev **devp)
{
	struct afxdp_options opts = { 0 };
	struct afxdp *dev;
	const char *what;
	int err;

	err = netdev_parse_options(name, options, parse_option, &opts);
	if (err)
		return err;
	err = afxdp_create(name, &opts, &dev, &what);
	if (!err) {
		*devp = &dev->up;
		return 0;
	}
	if (err == -ENODEV) {
		netdev_log("%s: %s", name, strerror(-err));
		return err;
	}
	netdev_log("%s: AF_XDP refused (%s: %s%s%s); falling back to system",
		   name, what, strerror(-err), lib_msg[0] ? ": " : "", lib_msg);
	return afpacket_open(name, NULL, devp);
}

static int afxdp_get_stats(const struct netdev *up, struct netdev_stats *s)
{
	const struct afxdp *dev = (const struct afxdp *)up;
	struct xdp_statistics xs;
	socklen_t len = sizeof xs;

	netdev_stats_read(&dev->stats, s);
	if (!getsockopt(xsk_socket__fd(dev->xsk), SOL_XDP, XDP_STATISTICS,
			&xs, &len))
		s->rx_dropped += xs.rx_dropped + xs.rx_ring_full;
	netdev_linux_get_errors(up->name, s);
	return 0;
}

static int afxdp_get_ifindex(const struct netdev *up)
{
	return ((const struct afxdp *)up)->ifindex;
}

static int afxdp_rxq_fd(struct netdev *up, int qid)
{
	return xsk_socket__fd(((struct afxdp *)up)->xsk);
}

const struct netdev_class netdev_afxdp_class = {
	.type = "afxdp",
	.open = afxdp_open,
	.close = afxdp_close,
	.rxq_recv = afxdp_rxq_recv,
	.rxq_release = afxdp_rxq_release,
	.rxq_fd = afxdp_rxq_fd,
	.send = afxdp_send,
	.get_stats = afxdp_get_stats,
	.get_etheraddr = netdev_linux_get_etheraddr,
	.get_mtu = netdev_linux_get_mtu,
	.get_ifindex = afxdp_get_ifindex,
	.n_rxq = netdev_one_queue,
	.n_txq = netdev_one_queue,
};
