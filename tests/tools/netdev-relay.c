/* netdev-relay: opens two netdevs and relays every frame one receives out
 * of the other, both ways, so that system tests can put real traffic
 * through a provider (and benchmarks can time it).
 *
 * Usage: netdev-relay [-t SECONDS] [-n PACKETS] [-b] [-o OPT]... TYPE:NAME TYPE:NAME
 *   -t  stop after SECONDS (default 10)
 *   -n  stop after relaying PACKETS frames
 *   -b  busy-poll instead of sleeping in poll()
 *   -o  an option for both ports, key=value
 * Prints "ready" once both ports are open, and each port's counters at
 * the end. */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "netdev.h"

#define MAX_OPTS 8

struct relay {
	double seconds;
	uint64_t max_packets;
	bool busy;
	const char *opts[MAX_OPTS + 1];
	struct netdev *ports[2];
	uint64_t relayed;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	stop = 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int usage(void)
{
	fprintf(stderr, "usage: netdev-relay [-t SECONDS] [-n PACKETS] [-b] "
		"[-o KEY=VALUE]... TYPE:NAME TYPE:NAME\n");
	return 2;
}

static int open_port(const char *spec, const char *const *opts,
		     struct netdev **dev)
{
	char type[32];
	const char *colon = strchr(spec, ':');
	int err;

	if (!colon || (size_t)(colon - spec) >= sizeof type) {
		fprintf(stderr, "netdev-relay: '%s': expected TYPE:NAME\n", spec);
		return -EINVAL;
	}
	memcpy(type, spec, colon - spec);
	type[colon - spec] = '\0';
	err = netdev_open(colon + 1, type, opts, dev);
	if (err)
		fprintf(stderr, "netdev-relay: %s: %s\n", spec, strerror(-err));
	return err;
}

/* Moves one batch from port 'from' to the other; the number moved. */
static uint32_t relay_once(struct relay *r, int from)
{
	struct netdev *in = r->ports[from], *out = r->ports[!from];
	struct dp_packet_batch batch;
	uint32_t n;

	if (in->class->rxq_recv(in, 0, &batch))
		return 0;
	n = batch.count;
	out->class->send(out, 0, &batch);
	in->class->rxq_release(in, 0, &batch);
	return n;
}

static void wait_for_input(struct relay *r)
{
	struct pollfd fds[2];

	for (int i = 0; i < 2; i++) {
		fds[i].fd = r->ports[i]->class->rxq_fd(r->ports[i], 0);
		fds[i].events = POLLIN;
	}
	poll(fds, 2, 10);
}

static void run(struct relay *r)
{
	double end = now() + r->seconds;
	unsigned int spins = 0;

	while (!stop && (!r->max_packets || r->relayed < r->max_packets)) {
		uint32_t n = relay_once(r, 0) + relay_once(r, 1);

		r->relayed += n;
		/* The clock costs little next to a poll(), more when spinning. */
		if ((!n || (++spins & 1023) == 0) && now() >= end)
			break;
		if (!n && !r->busy)
			wait_for_input(r);
	}
}

static void print_stats(const struct netdev *dev)
{
	struct netdev_stats s;

	if (dev->class->get_stats(dev, &s))
		return;
	printf("%s (%s as %s): rx %" PRIu64 " pkts %" PRIu64 " bytes, "
	       "%" PRIu64 " dropped; tx %" PRIu64 " pkts %" PRIu64 " bytes, "
	       "%" PRIu64 " dropped\n", dev->name, dev->type, dev->class->type,
	       s.rx_packets, s.rx_bytes, s.rx_dropped,
	       s.tx_packets, s.tx_bytes, s.tx_dropped);
}

static int parse_args(struct relay *r, int argc, char **argv)
{
	int n_opts = 0, c;

	while ((c = getopt(argc, argv, "t:n:bo:")) != -1) {
		switch (c) {
		case 't': r->seconds = atof(optarg); break;
		case 'n': r->max_packets = strtoull(optarg, NULL, 10); break;
		case 'b': r->busy = true; break;
		case 'o':
			if (n_opts == MAX_OPTS)
				return -1;
			r->opts[n_opts++] = optarg;
			break;
		default: return -1;
		}
	}
	return argc - optind == 2 ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct relay r = { .seconds = 10 };
	int i;

	if (parse_args(&r, argc, argv))
		return usage();
	for (i = 0; i < 2; i++)
		if (open_port(argv[optind + i], r.opts, &r.ports[i]))
			return 1;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	printf("ready\n");
	fflush(stdout);
	run(&r);
	printf("relayed %" PRIu64 "\n", r.relayed);
	for (i = 0; i < 2; i++) {
		print_stats(r.ports[i]);
		netdev_close(r.ports[i]);
	}
	return 0;
}
