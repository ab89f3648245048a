/* Benchmark: nanoseconds per packet of flow-key extraction, per packet
 * shape and over a mixed batch.  Frames sit in a ring of buffers as received
 * packets would, and each key is consumed so nothing is optimised away.
 *
 * "--frames" prints the frames instead ("name<TAB>hex bytes", one a line),
 * so that the Open vSwitch peer (bench-ovs-extract.c, run by ovs-peer.sh)
 * measures exactly the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flow.h"
#include "../unit/frame-builder.h"

#define ROUNDS 5
#define ITERS 20000000

static const u8 ip6_a[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const u8 ip6_b[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 2 };

static void tcp4(struct frame *f)
{
	frame_eth(f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_IP);
	frame_ipv4(f, 0x0a000001, 0x0a000002, IPPROTO_NUM_TCP, 64, 0, 0);
	frame_tcp(f, 1234, 80, TCP_ACK);
}

static void udp6(struct frame *f)
{
	frame_eth(f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_IPV6);
	frame_ipv6(f, ip6_a, ip6_b, IPPROTO_NUM_UDP, 64, 0, 7);
	frame_udp(f, 5000, 53);
}

static void vlan(struct frame *f)
{
	frame_eth(f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_VLAN);
	frame_vlan(f, 10, ETH_TYPE_IP);
	frame_ipv4(f, 0x0a000001, 0x0a000002, IPPROTO_NUM_UDP, 64, 0, 0);
	frame_udp(f, 1, 2);
}

static void qinq(struct frame *f)
{
	frame_eth(f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_VLAN_8021AD);
	frame_vlan(f, 100, ETH_TYPE_VLAN);
	frame_vlan(f, 10, ETH_TYPE_IP);
	frame_ipv4(f, 0x0a000001, 0x0a000002, IPPROTO_NUM_TCP, 64, 0, 0);
	frame_tcp(f, 1, 2, TCP_SYN);
}

static void mpls(struct frame *f)
{
	frame_eth(f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_MPLS);
	frame_mpls(f, 100, 0, false, 64);
	frame_mpls(f, 200, 0, true, 64);
	frame_ipv4(f, 0x0a000001, 0x0a000002, IPPROTO_NUM_UDP, 64, 0, 0);
	frame_udp(f, 1, 2);
}

static void arp(struct frame *f)
{
	frame_eth(f, "\xff\xff\xff\xff\xff\xff", "\x02\0\0\0\0\x01", ETH_TYPE_ARP);
	frame_arp(f, 1, "\x02\0\0\0\0\x01", 0x0a000001, "\0\0\0\0\0\0", 0x0a000002);
}

static const struct shape {
	const char *name;
	void (*build)(struct frame *);
} shapes[] = {
	{ "tcp/ipv4", tcp4 }, { "udp/ipv6", udp6 }, { "vlan udp/ipv4", vlan },
	{ "qinq tcp/ipv4", qinq }, { "mpls(2) udp/ipv4", mpls }, { "arp", arp },
};
#define N_SHAPES (sizeof shapes / sizeof shapes[0])

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Where results go so that the compiler must compute them. */
volatile u32 bench_sink;

/* Best of ROUNDS runs over 'n' frames cycled ITERS times. */
static double measure(struct frame *frames, int n)
{
	double best = 1e30;

	for (int r = 0; r < ROUNDS; r++) {
		struct flow_key key;
		double t0 = now_ns();
		u32 acc = 0;

		/* j follows i modulo n without a division per packet, which
		 * would cost a good part of what is measured. */
		for (int i = 0, j = 0; i < ITERS; i++) {
			struct frame *f = &frames[j];

			j = j + 1 < n ? j + 1 : 0;

			key.in_port = i;
			flow_extract(f->data, f->len, &key, NULL);
			acc += key.tp.src + key.eth_type;
		}
		double per = (now_ns() - t0) / ITERS;
		bench_sink += acc;
		if (per < best)
			best = per;
	}
	return best;
}

static void print_frames(struct frame *frames)
{
	for (size_t i = 0; i < N_SHAPES; i++) {
		printf("%s\t", shapes[i].name);
		for (u32 j = 0; j < frames[i].len; j++)
			printf("%02x", frames[i].data[j]);
		printf("\n");
	}
}

int main(int argc, char **argv)
{
	static struct frame frames[N_SHAPES];
	bool frames_only = argc > 1 && !strcmp(argv[1], "--frames");

	for (size_t i = 0; i < N_SHAPES; i++) {
		frame_init(&frames[i]);
		shapes[i].build(&frames[i]);
		frame_finish(&frames[i]);
	}
	if (frames_only) {
		print_frames(frames);
		return 0;
	}

	printf("flow extraction, ns per packet (best of %d x %d packets)\n",
	       ROUNDS, ITERS);
	for (size_t i = 0; i < N_SHAPES; i++)
		printf("  %-18s %6.1f\n", shapes[i].name, measure(&frames[i], 1));
	printf("  %-18s %6.1f\n", "mixed (all above)", measure(frames, N_SHAPES));
	return 0;
}
