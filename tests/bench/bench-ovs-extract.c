/* Peer benchmark: nanoseconds per packet of Open vSwitch's userspace
 * flow extraction, miniflow_extract() from OVS lib/flow.c, as its userspace
 * datapath calls it (dpif-netdev's dfc_processing(): one dp_packet per
 * received frame, the key a miniflow with FLOW_MAX_PACKET_U64S words).
 *
 * Not part of Weir's build: tests/bench/ovs-peer.sh compiles it against an
 * OVS tree it unpacked from Debian's openvswitch-source and links it with
 * that tree's lib/libopenvswitch.la.  Our own code; only OVS's API is used.
 *
 * Usage: bench-ovs-extract [--sw-rss] [--show] FRAMES
 * FRAMES holds "name<TAB>hex bytes" lines, as printed by
 * "bench-flow-extract --frames", so both sides measure the same bytes.
 * The method and the output match bench-flow-extract.c: best of ROUNDS
 * rounds of ITERS packets, clock_gettime, and each key is consumed (its
 * tp_src and dl_type, the two fields Weir's bench reads).
 *
 * By default the packets' RSS hash is marked valid, as when the NIC supplies
 * one (DPDK), so miniflow_extract() skips computing it: only extraction is
 * timed.  --sw-rss clears the mark before each packet, as for a frame read
 * from a socket or tap, so TCP/UDP frames also pay for OVS's software hash.
 * --show prints OVS's view of each frame (flow_to_string) and exits. */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dp-packet.h"
#include "dpif-netdev.h"
#include "flow.h"
#include "openvswitch/dynamic-string.h"
#include "packets.h"

#define ROUNDS 5
#define ITERS 20000000
#define MAX_FRAMES 16

struct key {
	struct miniflow mf;
	uint64_t buf[FLOW_MAX_PACKET_U64S];
};

static char names[MAX_FRAMES][64];
static struct dp_packet *pkts[MAX_FRAMES];
static uint32_t keep_flags = UINT32_MAX;

static int hexval(int c)
{
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

static int load_frames(const char *path)
{
	static char line[8192];
	uint8_t bytes[4096];
	FILE *f = fopen(path, "r");
	int n = 0;

	if (!f) {
		perror(path);
		exit(1);
	}
	while (n < MAX_FRAMES && fgets(line, sizeof line, f)) {
		char *tab = strchr(line, '\t');
		size_t len = 0;

		if (!tab)
			continue;
		*tab = '\0';
		snprintf(names[n], sizeof names[n], "%.63s", line);
		for (char *p = tab + 1; p[0] && p[1] && p[0] != '\n'
		     && len < sizeof bytes; p += 2)
			bytes[len++] = hexval(p[0]) << 4 | hexval(p[1]);

		/* Headroom and metadata as a freshly received packet has. */
		pkts[n] = dp_packet_clone_data_with_headroom(bytes, len,
							     DP_NETDEV_HEADROOM);
		pkt_metadata_init(&pkts[n]->md, u32_to_odp(1));
		dp_packet_set_rss_hash(pkts[n], 0);
		n++;
	}
	fclose(f);
	return n;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Where results go so that the compiler must compute them. */
volatile uint32_t bench_sink;

/* Best of ROUNDS runs over 'n' packets cycled ITERS times. */
static double measure(struct dp_packet **p, int n)
{
	double best = 1e30;

	for (int r = 0; r < ROUNDS; r++) {
		struct key key;
		double t0 = now_ns();
		uint32_t acc = 0;

		/* j follows i modulo n without a division per packet, which
		 * would cost a good part of what is measured. */
		for (int i = 0, j = 0; i < ITERS; i++) {
			struct dp_packet *pkt = p[j];

			j = j + 1 < n ? j + 1 : 0;

			pkt->md.in_port.odp_port = u32_to_odp(i);
			*dp_packet_ol_flags_ptr(pkt) &= keep_flags;
			miniflow_extract(pkt, &key.mf);
			acc += MINIFLOW_GET_BE16(&key.mf, tp_src)
			       + MINIFLOW_GET_BE16(&key.mf, dl_type);
		}
		double per = (now_ns() - t0) / ITERS;
		bench_sink += acc;
		if (per < best)
			best = per;
	}
	return best;
}

int main(int argc, char **argv)
{
	bool show = false;
	int n, i;

	for (i = 1; i < argc - 1; i++) {
		if (!strcmp(argv[i], "--sw-rss")) {
			keep_flags = ~(uint32_t) DP_PACKET_OL_RSS_HASH;
		} else if (!strcmp(argv[i], "--show")) {
			show = true;
		} else {
			break;
		}
	}
	if (i != argc - 1) {
		fprintf(stderr, "usage: %s [--sw-rss] [--show] FRAMES\n",
			argv[0]);
		return 2;
	}
	n = load_frames(argv[i]);
	if (n == 0) {
		fprintf(stderr, "%s: no frames in %s\n", argv[0], argv[i]);
		return 1;
	}

	if (show) {
		for (i = 0; i < n; i++) {
			struct flow flow;
			char *s;

			flow_extract(pkts[i], &flow);
			s = flow_to_string(&flow, NULL);
			printf("%s: %s\n", names[i], s);
			free(s);
		}
		return 0;
	}

	printf("ovs miniflow_extract%s, ns per packet (best of %d x %d packets)\n",
	       keep_flags == UINT32_MAX ? "" : " with software RSS hash",
	       ROUNDS, ITERS);
	for (i = 0; i < n; i++)
		printf("  %-18s %6.1f\n", names[i], measure(&pkts[i], 1));
	printf("  %-18s %6.1f\n", "mixed (all above)", measure(pkts, n));
	return 0;
}
