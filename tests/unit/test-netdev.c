/* Network devices: the registry, option errors, and, as root in a private
 * network namespace, frames through real devices: a "tap" port against a
 * packet socket on its interface, and a "system" port on a tap whose other
 * end the test holds, so that it can hand the kernel frames with partial
 * checksums, VLAN tags and GSO and see what the port makes of them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <net/if.h>

#include "csum.h"
#include "frame-builder.h"
#include "netdev.h"
#include "netdev-linux.h"
#include "netdev-vnet.h"

#define SRC_MAC "\x02\0\0\0\0\xaa"      /* marks our frames */
#define DST_MAC "\x02\0\0\0\0\xbb"
#define TIMEOUT_MS 2000

static bool in_netns;                   /* root, in a namespace of our own */

/* Opens a netdev and returns its error, with what it logged in 'log'. */
static int open_logged(const char *name, const char *type,
		       const char *const *opts, char *log, size_t n)
{
	FILE *tmp = tmpfile();
	int saved = dup(2), err;
	struct netdev *dev;
	size_t len;

	assert_non_null(tmp);
	fflush(stderr);
	dup2(fileno(tmp), 2);
	err = netdev_open(name, type, opts, &dev);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	len = fread(log, 1, n - 1, tmp);
	log[len] = '\0';
	fclose(tmp);
	if (!err)
		netdev_close(dev);
	return err;
}

static void test_registry(void **state)
{
	const char *types[] = { "system", "afxdp", "tap", "internal" };

	for (size_t i = 0; i < 4; i++)
		assert_string_equal(netdev_class_find(types[i])->type, types[i]);
	assert_ptr_equal(netdev_class_find(""), netdev_class_find("system"));
	assert_ptr_equal(netdev_class_find(NULL), netdev_class_find("system"));
	assert_null(netdev_class_find("dpdk"));
}

static void test_open_errors(void **state)
{
	char log[512];

	assert_int_equal(open_logged("x0", "dpdk", NULL, log, sizeof log),
			 -EINVAL);
	assert_non_null(strstr(log, "unknown type 'dpdk'"));
	assert_int_equal(open_logged("a-name-far-too-long", "tap", NULL, log,
				     sizeof log), -EINVAL);
	assert_int_equal(open_logged("", "system", NULL, log, sizeof log),
			 -EINVAL);
}

/* Options are checked before anything is created, for every type. */
static void test_option_errors(void **state)
{
	const char *const unknown[] = { "color=blue", NULL };
	const char *const bare[] = { "promisc", NULL };
	const char *const mode[] = { "xdp-mode=turbo", NULL };
	const char *types[] = { "system", "afxdp", "tap", "internal" };
	char log[512];

	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(open_logged("x0", types[i], unknown, log,
					     sizeof log), -EINVAL);
		assert_non_null(strstr(log, "x0: option color=blue: unknown option"));
		assert_int_equal(open_logged("x0", types[i], bare, log,
					     sizeof log), -EINVAL);
		assert_non_null(strstr(log, "'promisc': expected key=value"));
	}
	assert_int_equal(open_logged("x0", "afxdp", mode, log, sizeof log),
			 -EINVAL);
	assert_non_null(strstr(log, "xdp-mode=turbo: expected auto, native or generic"));
}

static void test_missing_device(void **state)
{
	char log[512];

	if (!in_netns)
		skip();
	assert_int_equal(open_logged("nosuch0", "system", NULL, log, sizeof log),
			 -ENODEV);
	assert_int_equal(open_logged("nosuch0", "afxdp", NULL, log, sizeof log),
			 -ENODEV);
}

/* A frame from SRC_MAC with a recognisable payload of 'len' bytes. */
static void test_frame(struct frame *f, u16 type, u32 len)
{
	frame_init(f);
	frame_eth(f, DST_MAC, SRC_MAC, type);
	for (u32 i = 0; i < len; i++)
		f->data[f->len++] = (u8)(i + len);
}

static bool ours(const u8 *frame, u32 len)
{
	return len >= 14 && !memcmp(frame + 6, SRC_MAC, 6);
}

static int wait_readable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, TIMEOUT_MS);
}

/* The next of our frames on device 'dev', which stays in 'b' until the
 * batch is released; NULL after TIMEOUT_MS. */
static struct dp_packet *nd_recv(struct netdev *dev, struct dp_packet_batch *b)
{
	for (int tries = 0; tries < 20; tries++) {
		if (dev->class->rxq_recv(dev, 0, b)) {
			wait_readable(dev->class->rxq_fd(dev, 0));
			continue;
		}
		for (uint32_t i = 0; i < b->count; i++)
			if (ours(dp_packet_data(b->packets[i]),
				 dp_packet_size(b->packets[i])))
				return b->packets[i];
	}
	return NULL;
}

static void nd_send(struct netdev *dev, const struct frame *f)
{
	struct dp_packet_batch b = { .count = 1 };

	b.packets[0] = dp_packet_clone_data(f->data, f->len);
	assert_int_equal(dev->class->send(dev, 0, &b), 1);
	dp_packet_delete(b.packets[0]);
}

/* Reads from 'fd', skipping 'skip' leading bytes of each read, until one
 * of our frames arrives; its length, or -1. */
static int fd_recv(int fd, u8 *buf, size_t n, size_t skip)
{
	u8 raw[4096];

	while (wait_readable(fd) > 0) {
		ssize_t len = read(fd, raw, sizeof raw);

		if (len > (ssize_t)skip && ours(raw + skip, len - skip) &&
		    len - skip <= n) {
			memcpy(buf, raw + skip, len - skip);
			return len - skip;
		}
	}
	return -1;
}

static int packet_socket(const char *ifname)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = netdev_linux_ifindex(ifname),
	};
	int fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, htons(ETH_P_ALL));

	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&sll, sizeof sll), 0);
	return fd;
}

static void assert_packet(const struct dp_packet *p, const struct frame *f)
{
	assert_non_null(p);
	assert_int_equal(dp_packet_size(p), f->len);
	assert_memory_equal(dp_packet_data(p), f->data, f->len);
	assert_true(dp_packet_headroom(p) >= DP_PACKET_HEADROOM);
}

/* A "tap" port's frames reach the kernel's side of the interface, and
 * frames sent there reach the port. */
static void test_tap_round_trip(void **state)
{
	struct dp_packet_batch b;
	struct netdev *tap;
	struct frame f, g;
	u8 buf[2048];
	int fd;

	if (!in_netns)
		skip();
	assert_int_equal(netdev_open("wtap0", "tap", NULL, &tap), 0);
	assert_string_equal(tap->type, "tap");
	fd = packet_socket("wtap0");
	test_frame(&f, 0x88b5, 100);
	nd_send(tap, &f);
	assert_int_equal(fd_recv(fd, buf, sizeof buf, 0), f.len);
	assert_memory_equal(buf, f.data, f.len);

	test_frame(&g, 0x88b5, 1500);
	assert_int_equal(send(fd, g.data, g.len, 0), g.len);
	assert_packet(nd_recv(tap, &b), &g);
	tap->class->rxq_release(tap, 0, &b);
	close(fd);
	netdev_close(tap);
}

/* The test's own end of tap 'name', with virtio_net_hdr, up. */
static int tun_open(const char *name)
{
	struct ifreq ifr = { .ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR };
	int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK);

	assert_true(fd >= 0);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
	assert_int_equal(ioctl(fd, TUNSETIFF, &ifr), 0);
	assert_int_equal(netdev_linux_set_up(name), 0);
	return fd;
}

static void tun_write(int fd, const struct virtio_net_hdr *vh,
		      const struct frame *f)
{
	struct iovec iov[2] = {
		{ (void *)vh, sizeof *vh },
		{ (void *)f->data, f->len },
	};

	assert_int_equal(writev(fd, iov, 2), (ssize_t)(sizeof *vh + f->len));
}

struct sys_fixture {
	int tun;
	struct netdev *dev;
	struct dp_packet_batch b;
};

static int sys_setup(void **state)
{
	static struct sys_fixture fx;

	if (!in_netns)
		return 0;
	fx.tun = tun_open("wtap1");
	assert_int_equal(netdev_open("wtap1", NULL, NULL, &fx.dev), 0);
	*state = &fx;
	return 0;
}

static int sys_teardown(void **state)
{
	struct sys_fixture *fx = *state;

	if (fx) {
		netdev_close(fx->dev);
		close(fx->tun);
	}
	return 0;
}

static const struct virtio_net_hdr no_offload;

static void test_system_plain_and_vlan(void **state)
{
	struct sys_fixture *fx = *state;
	struct frame f;

	if (!fx)
		skip();
	test_frame(&f, 0x88b5, 46);
	tun_write(fx->tun, &no_offload, &f);
	assert_packet(nd_recv(fx->dev, &fx->b), &f);

	/* The kernel moves the tag into metadata; the port puts it back. */
	frame_init(&f);
	frame_eth(&f, DST_MAC, SRC_MAC, ETH_TYPE_VLAN);
	frame_vlan(&f, 0x6064, 0x88b5);
	for (int i = 0; i < 60; i++)
		f.data[f.len++] = i;
	tun_write(fx->tun, &no_offload, &f);
	assert_packet(nd_recv(fx->dev, &fx->b), &f);
}

/* A TCP frame as a sender with checksum offload leaves it: the folded
 * pseudo-header sum in the checksum field. */
static void tcp_frame(struct frame *f, u32 payload)
{
	struct pkt_ipv4 *ip;
	__be16 partial;

	frame_init(f);
	frame_eth(f, DST_MAC, SRC_MAC, ETH_TYPE_IP);
	frame_ipv4(f, 0x0a000001, 0x0a000002, 6, 64, 0, 0x4000);
	frame_tcp(f, 1234, 80, 0x18);
	for (u32 i = 0; i < payload; i++)
		f->data[f->len++] = (u8)i;
	frame_finish(f);
	ip = (struct pkt_ipv4 *)(f->data + 14);
	partial = ~pkt_csum_finish(pkt_csum_pseudo_ipv4(ip->src, ip->dst, 6,
							f->len - 34));
	memcpy(f->data + 34 + 16, &partial, 2);
}

static bool tcp_csum_valid(const u8 *p, u32 len)
{
	const struct pkt_ipv4 *ip = (const void *)(p + 14);
	u32 acc = pkt_csum_pseudo_ipv4(ip->src, ip->dst, 6, len - 34);

	return pkt_csum_finish(pkt_csum_add(acc, p + 34, len - 34)) == 0;
}

/* Partial checksums are completed, GSO frames arrive as segments. */
static void test_system_offloads(void **state)
{
	struct sys_fixture *fx = *state;
	struct virtio_net_hdr vh = {
		.flags = VIRTIO_NET_HDR_F_NEEDS_CSUM,
		.csum_start = 34, .csum_offset = 16,
	};
	struct dp_packet *p;
	struct frame f;
	u32 got = 0;

	if (!fx)
		skip();
	tcp_frame(&f, 200);
	tun_write(fx->tun, &vh, &f);
	p = nd_recv(fx->dev, &fx->b);
	assert_non_null(p);
	assert_true(tcp_csum_valid(dp_packet_data(p), dp_packet_size(p)));

	tcp_frame(&f, 1800);
	vh.gso_type = VIRTIO_NET_HDR_GSO_TCPV4;
	vh.gso_size = 700;
	vh.hdr_len = 54;
	tun_write(fx->tun, &vh, &f);
	while (got < 1800 && (p = nd_recv(fx->dev, &fx->b))) {
		for (uint32_t i = 0; i < fx->b.count; i++) {
			p = fx->b.packets[i];
			if (!ours(dp_packet_data(p), dp_packet_size(p)))
				continue;
			assert_true(dp_packet_size(p) <= 54 + 700);
			assert_true(tcp_csum_valid(dp_packet_data(p),
						   dp_packet_size(p)));
			got += dp_packet_size(p) - 54;
		}
	}
	assert_int_equal(got, 1800);
}

static void test_system_send(void **state)
{
	struct sys_fixture *fx = *state;
	struct virtio_net_hdr vh;
	u8 buf[2048];
	struct frame f;

	if (!fx)
		skip();
	test_frame(&f, 0x88b5, 1500);
	nd_send(fx->dev, &f);
	assert_int_equal(fd_recv(fx->tun, buf, sizeof buf, sizeof vh), f.len);
	assert_memory_equal(buf, f.data, f.len);
}

static void test_system_queries(void **state)
{
	struct sys_fixture *fx = *state;
	const struct netdev_class *c;
	struct netdev_stats s;
	u8 mac[6];
	int mtu;

	if (!fx)
		skip();
	c = fx->dev->class;
	assert_string_equal(fx->dev->type, "system");
	assert_int_equal(c->get_mtu(fx->dev, &mtu), 0);
	assert_int_equal(mtu, 1500);
	assert_int_equal(c->get_etheraddr(fx->dev, mac), 0);
	assert_int_equal(c->get_ifindex(fx->dev), netdev_linux_ifindex("wtap1"));
	assert_int_equal(c->n_rxq(fx->dev), 1);
	assert_int_equal(c->get_stats(fx->dev, &s), 0);
	assert_true(s.rx_packets >= 1);
	assert_true(s.tx_packets >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_option_errors),
		cmocka_unit_test(test_missing_device),
		cmocka_unit_test(test_tap_round_trip),
	};
	const struct CMUnitTest system_tests[] = {
		cmocka_unit_test(test_system_plain_and_vlan),
		cmocka_unit_test(test_system_offloads),
		cmocka_unit_test(test_system_send),
		cmocka_unit_test(test_system_queries),
	};

	/* Devices made here vanish with the namespace. */
	in_netns = geteuid() == 0 && unshare(CLONE_NEWNET) == 0;
	return cmocka_run_group_tests(tests, NULL, NULL) |
	       cmocka_run_group_tests(system_tests, sys_setup, sys_teardown);
}
