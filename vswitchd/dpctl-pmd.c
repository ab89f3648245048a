/* dpif-netdev/pmd-stats-show: the userspace datapath's per-thread
 * counters, in the layout of Open vSwitch's command of the same name. */
#include "dpctl-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dpif.h"
#include "dpif-netdev.h"

static double dpctl_ratio(uint64_t a, uint64_t b)
{
	return b ? (double)a / b : 0.0;
}

static void dpctl_pmd_print(FILE *out, const struct dpif_netdev_pmd_stats *s)
{
	uint64_t cycles = s->busy_cycles + s->idle_cycles;

	if (s->id < 0)
		fputs("main thread:\n", out);
	else
		fprintf(out, "pmd thread id %d:\n", s->id);
	fprintf(out, "  packets received: %llu\n"
		"  packet recirculations: %llu\n"
		"  avg. datapath passes per packet: %.02f\n"
		"  emc hits: %llu\n"
		"  megaflow hits: %llu\n"
		"  miss with success upcall: %llu\n"
		"  miss with failed upcall: %llu\n"
		"  avg. packets per output batch: %.02f\n",
		(unsigned long long)s->packets, (unsigned long long)s->recirc,
		dpctl_ratio(s->packets + s->recirc, s->packets),
		(unsigned long long)s->emc_hits,
		(unsigned long long)s->megaflow_hits,
		(unsigned long long)(s->misses - s->lost),
		(unsigned long long)s->lost,
		dpctl_ratio(s->tx_packets, s->tx_batches));
	if (s->id < 0)
		return;
	fprintf(out, "  idle cycles: %llu (%.02f%%)\n"
		"  processing cycles: %llu (%.02f%%)\n"
		"  avg cycles per packet: %.02f (%llu/%llu)\n"
		"  avg processing cycles per packet: %.02f (%llu/%llu)\n",
		(unsigned long long)s->idle_cycles,
		100 * dpctl_ratio(s->idle_cycles, cycles),
		(unsigned long long)s->busy_cycles,
		100 * dpctl_ratio(s->busy_cycles, cycles),
		dpctl_ratio(cycles, s->packets), (unsigned long long)cycles,
		(unsigned long long)s->packets,
		dpctl_ratio(s->busy_cycles, s->packets),
		(unsigned long long)s->busy_cycles,
		(unsigned long long)s->packets);
}

static int dpctl_pmd_stats_show(int argc, const char *argv[], FILE *out,
				void *aux)
{
	struct dpif_netdev_pmd_stats *stats = NULL;
	struct dpctl_args a;
	struct dpif *dpif;
	size_t n = 0;

	if (dpctl_parse_args(argc, argv, 0, 0, 1, &a, out) ||
	    !(dpif = dpctl_open(aux, a.n ? a.pos[0] : NULL, out)))
		return -EINVAL;
	int error = dpif_is_netdev(dpif)
		    ? dpif_netdev_pmd_stats(dpif, &stats, &n) : -EOPNOTSUPP;
	if (error)
		dpctl_error(out, dpif, error, argv[0]);
	for (size_t i = 0; i < n; i++)
		dpctl_pmd_print(out, &stats[i]);
	free(stats);
	dpctl_release(aux, dpif);
	return error;
}

void dpctl_register_pmd_commands(struct dpctl *dpctl,
				 struct unixctl_server *server)
{
	unixctl_command_register(server, "dpif-netdev/pmd-stats-show", "[DP]",
				 0, 1, dpctl_pmd_stats_show, dpctl);
}
