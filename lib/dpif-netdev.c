/* The userspace datapath's dpif provider: datapaths and their handles,
 * ports, statistics and configuration.  Flows and execute are in
 * dpif-netdev-flow.c; packets move in dpif-netdev-pmd.c and -input.c. */
#include "dpif-netdev-private.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#define DPN_DEFAULT_FLOW_LIMIT 200000

struct dpif_netdev {
	struct dpif up;
	struct dp_netdev *dp;
};

/* Datapaths live until destroyed, and their memory until the last handle
 * on them closes. */
static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct dp_netdev *registry;

static struct dp_netdev *dp_of(const struct dpif *dpif)
{
	return container_of(dpif, struct dpif_netdev, up)->dp;
}

bool dpif_is_netdev(const struct dpif *dpif)
{
	return dpif->class == &dpif_netdev_class;
}

int dpn_set_error(struct dpif *dpif, int err, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(dpif->error, sizeof dpif->error, fmt, args);
	va_end(args);
	return err;
}

struct dp_netdev *dpn_live_dp(struct dpif *dpif)
{
	struct dp_netdev *dp = dp_of(dpif);

	if (__atomic_load_n(&dp->destroyed, __ATOMIC_ACQUIRE)) {
		dpn_set_error(dpif, -ENODEV, "datapath %s was destroyed",
			      dp->name);
		return NULL;
	}
	return dp;
}

/* ---- Datapaths. ---- */

static struct dp_netdev *registry_find(const char *name)
{
	struct dp_netdev *dp;

	for (dp = registry; dp; dp = dp->next)
		if (!strcmp(dp->name, name))
			return dp;
	return NULL;
}

static void dp_netdev_free(struct dp_netdev *dp)
{
	if (dp->execute_ctx) {
		dpn_ctx_uninit(dp->execute_ctx);
		free(dp->execute_ctx);
	}
	flow_table_destroy(&dp->table);
	meter_table_destroy(&dp->meters);
	pthread_mutex_destroy(&dp->meter_mutex);
	pthread_mutex_destroy(&dp->port_mutex);
	pthread_mutex_destroy(&dp->flow_mutex);
	pthread_mutex_destroy(&dp->execute_mutex);
	pthread_rwlock_destroy(&dp->upcall_lock);
	free(dp->name);
	free(dp);
}

/* Stops the threads and closes the ports (port_mutex held). */
static void dp_shutdown(struct dp_netdev *dp)
{
	dpn_pmds_stop(dp);
	dpn_ports_destroy(dp);
}

static int dp_create(const char *name, struct dp_netdev **dpp)
{
	struct dp_netdev *dp = calloc(1, sizeof *dp);
	struct dpn_port *internal;
	int err = -ENOMEM;

	if (!dp)
		return -ENOMEM;
	pthread_mutex_init(&dp->port_mutex, NULL);
	pthread_mutex_init(&dp->flow_mutex, NULL);
	pthread_mutex_init(&dp->execute_mutex, NULL);
	pthread_mutex_init(&dp->meter_mutex, NULL);
	pthread_rwlock_init(&dp->upcall_lock, NULL);
	dp->config.n_pmd = 1;
	dp->config.emc_insert_inv = 100;
	dp->config.idle_us = 2000;
	dp->config.flow_limit = DPN_DEFAULT_FLOW_LIMIT;
	dp->name = strdup(name);
	dp->execute_ctx = malloc(sizeof *dp->execute_ctx);
	if (!dp->name || !dp->execute_ctx ||
	    meter_table_init(&dp->meters, METER_ID_LIMIT) ||
	    flow_table_init(&dp->table, dp->config.flow_limit)) {
		meter_table_destroy(&dp->meters);
		free(dp->name);
		free(dp->execute_ctx);
		free(dp);
		return -ENOMEM;
	}
	if (dpn_ctx_init(dp->execute_ctx, dp, -1, 0)) {
		free(dp->execute_ctx);
		dp->execute_ctx = NULL;
		goto fail;
	}

	pthread_mutex_lock(&dp->port_mutex);
	err = dpn_port_open(dp, name, "internal", NULL, &internal);
	if (!err) {
		err = dpn_port_insert(dp, internal, DPIF_PORT_LOCAL);
		if (err)
			dpn_port_unref(internal);
	}
	if (!err)
		err = dpn_pmds_start(dp);
	if (err)
		dp_shutdown(dp);
	pthread_mutex_unlock(&dp->port_mutex);
	if (!err) {
		*dpp = dp;
		return 0;
	}
fail:
	dp_netdev_free(dp);
	return err;
}

static int dpn_open(const char *name, bool create, struct dpif **dpifp)
{
	struct dpif_netdev *h = calloc(1, sizeof *h);
	struct dp_netdev *dp;
	int err = 0;

	if (!h)
		return -ENOMEM;
	pthread_mutex_lock(&registry_mutex);
	dp = registry_find(name);
	if (dp && create) {
		err = -EEXIST;
	} else if (!dp && !create) {
		err = -ENODEV;
	} else if (!dp) {
		err = dp_create(name, &dp);
		if (!err) {
			dp->next = registry;
			registry = dp;
		}
	}
	if (!err)
		dp->n_handles++;
	pthread_mutex_unlock(&registry_mutex);
	if (err) {
		free(h);
		return err;
	}
	h->dp = dp;
	dpif_init(&h->up, &dpif_netdev_class, name);
	*dpifp = &h->up;
	return 0;
}

static void dpn_close(struct dpif *dpif)
{
	struct dp_netdev *dp = dp_of(dpif);
	bool last;

	pthread_mutex_lock(&registry_mutex);
	last = !--dp->n_handles && dp->destroyed;
	pthread_mutex_unlock(&registry_mutex);
	if (last)
		dp_netdev_free(dp);
	free(container_of(dpif, struct dpif_netdev, up));
}

static int dpn_destroy(struct dpif *dpif)
{
	struct dp_netdev *dp, **p;

	LIVE_DP(dpif, dp);
	pthread_mutex_lock(&registry_mutex);
	for (p = &registry; *p != dp; p = &(*p)->next)
		;
	*p = dp->next;
	__atomic_store_n(&dp->destroyed, true, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&registry_mutex);

	pthread_mutex_lock(&dp->port_mutex);
	dp_shutdown(dp);
	pthread_mutex_unlock(&dp->port_mutex);
	pthread_mutex_lock(&dp->flow_mutex);
	flow_table_flush(&dp->table);
	pthread_mutex_unlock(&dp->flow_mutex);
	return 0;
}

static int dpn_enumerate(char ***namesp, size_t *np)
{
	struct dp_netdev *dp;
	char **names = NULL;
	size_t n = 0;
	int err = 0;

	pthread_mutex_lock(&registry_mutex);
	for (dp = registry; dp && !err; dp = dp->next) {
		char **more = realloc(names, (n + 1) * sizeof *names);

		if (!more || !(more[n] = strdup(dp->name))) {
			names = more ? more : names;
			err = -ENOMEM;
			break;
		}
		names = more;
		n++;
	}
	pthread_mutex_unlock(&registry_mutex);
	if (err) {
		while (n)
			free(names[--n]);
		free(names);
		return err;
	}
	*namesp = names;
	*np = n;
	return 0;
}

static void stats_all(struct dp_netdev *dp, struct dpn_stats *sum)
{
	unsigned int i;

	memset(sum, 0, sizeof *sum);
	pthread_mutex_lock(&dp->port_mutex);
	dpn_stats_sum(sum, &dp->retired);
	for (i = 0; i < dp->n_pmd; i++)
		dpn_stats_sum(sum, &dp->pmds[i]->ctx.stats);
	pthread_mutex_unlock(&dp->port_mutex);
	pthread_mutex_lock(&dp->execute_mutex);
	dpn_stats_sum(sum, &dp->execute_ctx->stats);
	pthread_mutex_unlock(&dp->execute_mutex);
}

static int dpn_get_stats(struct dpif *dpif, struct dpif_dp_stats *stats)
{
	struct dp_netdev *dp;
	struct dpn_stats s;

	LIVE_DP(dpif, dp);
	stats_all(dp, &s);
	memset(stats, 0, sizeof *stats);
	stats->n_hit = s.emc_hits + s.megaflow_hits;
	stats->n_missed = s.misses;
	stats->n_lost = s.lost;
	stats->n_mask_hit = s.mask_visits;
	rcu_read_lock();
	stats->n_flows = flow_table_count(&dp->table);
	stats->n_masks = flow_table_n_masks(&dp->table);
	rcu_read_unlock();
	return 0;
}

/* ---- Ports. ---- */

static void port_info(const struct dpn_port *port, struct dpif_port *out)
{
	memset(out, 0, sizeof *out);
	out->port_no = port->port_no;
	strcpy(out->name, port->name);
	strcpy(out->type, port->type);
}

static int dpn_port_add(struct dpif *dpif, const char *name, const char *type,
			const char *const *options, uint32_t *port_no)
{
	struct dp_netdev *dp;
	struct dpn_port *port;
	int err;

	LIVE_DP(dpif, dp);
	if (type && !strcmp(type, "internal"))
		return dpn_set_error(dpif, -EINVAL, "%s: only port 0 is "
				     "internal", name);
	pthread_mutex_lock(&dp->port_mutex);
	if (dpn_port_find_name(dp, name)) {
		err = dpn_set_error(dpif, -EEXIST, "port %s exists", name);
		goto out;
	}
	err = dpn_port_open(dp, name, type, options, &port);
	if (err) {
		dpn_set_error(dpif, err, "%s: cannot open as %s: %s", name,
			      type && *type ? type : "system", strerror(-err));
		goto out;
	}
	err = dpn_port_insert(dp, port, *port_no);
	if (err) {
		dpn_port_unref(port);
		if (err == -EBUSY)
			dpn_set_error(dpif, err, "port number %" PRIu32
				      " is in use", *port_no);
		else
			dpn_set_error(dpif, err, "no port number for %s", name);
		goto out;
	}
	dpn_pmds_reload(dp);
	*port_no = port->port_no;
out:
	pthread_mutex_unlock(&dp->port_mutex);
	return err;
}

static int dpn_port_del(struct dpif *dpif, uint32_t port_no)
{
	struct dp_netdev *dp;
	struct dpn_port *port;
	int err = 0;

	LIVE_DP(dpif, dp);
	if (port_no == DPIF_PORT_LOCAL)
		return dpn_set_error(dpif, -EINVAL, "port 0 is the datapath's "
				     "own: destroy the datapath instead");
	pthread_mutex_lock(&dp->port_mutex);
	port = dpn_port_get(dp, port_no);
	if (!port) {
		err = dpn_set_error(dpif, -ENOENT, "no port %" PRIu32, port_no);
	} else {
		/* Off the table, then off the threads' lists, then closed. */
		dpn_port_ref(port);
		dpn_port_remove(dp, port);
		dpn_pmds_reload(dp);
		dpn_port_unref(port);
	}
	pthread_mutex_unlock(&dp->port_mutex);
	return err;
}

/* By name when 'name' is not NULL, else by number. */
static int port_query(struct dpif *dpif, uint32_t port_no, const char *name,
		      struct dpif_port *out)
{
	struct dp_netdev *dp;
	struct dpn_port *port;

	LIVE_DP(dpif, dp);
	pthread_mutex_lock(&dp->port_mutex);
	port = name ? dpn_port_find_name(dp, name) : dpn_port_get(dp, port_no);
	if (port)
		port_info(port, out);
	pthread_mutex_unlock(&dp->port_mutex);
	if (port)
		return 0;
	if (name)
		return dpn_set_error(dpif, -ENOENT, "no port %s", name);
	return dpn_set_error(dpif, -ENOENT, "no port %" PRIu32, port_no);
}

static int dpn_port_query_by_number(struct dpif *dpif, uint32_t port_no,
				    struct dpif_port *out)
{
	return port_query(dpif, port_no, NULL, out);
}

static int dpn_port_query_by_name(struct dpif *dpif, const char *name,
				  struct dpif_port *out)
{
	return port_query(dpif, DPIF_PORT_NONE, name, out);
}

/* The callback runs without locks, on a snapshot of the ports. */
static int dpn_port_dump(struct dpif *dpif,
			 int (*cb)(const struct dpif_port *, void *), void *aux)
{
	struct dpif_port *ports = NULL;
	struct dp_netdev *dp;
	uint32_t i, n = 0, max;
	int err = 0;

	LIVE_DP(dpif, dp);
	pthread_mutex_lock(&dp->port_mutex);
	max = dp->ports ? dp->ports->n : 0;
	ports = calloc(max ? max : 1, sizeof *ports);
	for (i = 0; ports && i < max; i++)
		if (dp->ports->ports[i])
			port_info(dp->ports->ports[i], &ports[n++]);
	pthread_mutex_unlock(&dp->port_mutex);
	if (!ports)
		return -ENOMEM;
	for (i = 0; i < n && !err; i++)
		err = cb(&ports[i], aux);
	free(ports);
	return err > 0 ? 0 : err;
}

/* The port's netdev counts as it receives and sends, each queue by its
 * own thread: what the datapath received from the port and sent to it. */
static void port_stats_from_netdev(const struct netdev_stats *n,
				   struct dpif_port_stats *s)
{
	s->rx_packets = n->rx_packets;
	s->rx_bytes = n->rx_bytes;
	s->rx_dropped = n->rx_dropped;
	s->rx_errors = n->rx_errors;
	s->rx_over_errors = n->rx_over_errors;
	s->rx_frame_errors = n->rx_frame_errors;
	s->rx_crc_errors = n->rx_crc_errors;
	s->tx_packets = n->tx_packets;
	s->tx_bytes = n->tx_bytes;
	s->tx_dropped = n->tx_dropped;
	s->tx_errors = n->tx_errors;
	s->tx_aborted_errors = n->tx_aborted_errors;
	s->tx_carrier_errors = n->tx_carrier_errors;
	s->collisions = n->collisions;
}

/* Under port_mutex: the port stays open, and reads of a device (which
 * may fold in kernel counters) come one at a time. */
static int dpn_port_get_stats(struct dpif *dpif, uint32_t port_no,
			      struct dpif_port_stats *stats)
{
	struct netdev_stats ns;
	struct dp_netdev *dp;
	struct dpn_port *port;
	int err;

	LIVE_DP(dpif, dp);
	pthread_mutex_lock(&dp->port_mutex);
	port = dpn_port_get(dp, port_no);
	err = port ? netdev_get_stats(port->netdev, &ns) : 0;
	pthread_mutex_unlock(&dp->port_mutex);
	if (!port)
		return dpn_set_error(dpif, -ENOENT, "no port %" PRIu32,
				     port_no);
	if (err)
		return dpn_set_error(dpif, err, "port %" PRIu32 ": %s", port_no,
				     strerror(-err));
	port_stats_from_netdev(&ns, stats);
	return 0;
}

static void dpn_register_upcall_cb(struct dpif *dpif, dpif_upcall_cb *cb,
				   void *aux)
{
	struct dp_netdev *dp = dp_of(dpif);

	pthread_rwlock_wrlock(&dp->upcall_lock);
	dp->upcall_cb = cb;
	dp->upcall_aux = aux;
	pthread_rwlock_unlock(&dp->upcall_lock);
}

/* ---- What only this provider has. ---- */

int dpif_netdev_get_config(struct dpif *dpif, struct dpif_netdev_config *cfg)
{
	struct dp_netdev *dp;

	LIVE_DP(dpif, dp);
	pthread_mutex_lock(&dp->port_mutex);
	*cfg = dp->config;
	pthread_mutex_unlock(&dp->port_mutex);
	return 0;
}

int dpif_netdev_set_config(struct dpif *dpif,
			   const struct dpif_netdev_config *cfg)
{
	struct dp_netdev *dp;
	bool restart;
	int err = 0;

	LIVE_DP(dpif, dp);
	if (!cfg->n_pmd || cfg->n_pmd > 1024)
		return dpn_set_error(dpif, -EINVAL, "n_pmd must be 1 to 1024, "
				     "not %u", cfg->n_pmd);
	pthread_mutex_lock(&dp->port_mutex);
	restart = cfg->n_pmd != dp->config.n_pmd ||
		  cfg->emc_insert_inv != dp->config.emc_insert_inv ||
		  cfg->idle_us != dp->config.idle_us;
	dp->config = *cfg;
	pthread_mutex_lock(&dp->flow_mutex);
	flow_table_set_limit(&dp->table, cfg->flow_limit);
	pthread_mutex_unlock(&dp->flow_mutex);
	if (restart) {
		dpn_pmds_stop(dp);
		err = dpn_pmds_start(dp);
		if (err)
			dpn_set_error(dpif, err, "cannot start %u polling "
				      "threads", cfg->n_pmd);
	}
	pthread_mutex_unlock(&dp->port_mutex);
	return err;
}

static void pmd_stats_out(const struct dpn_stats *s, int id,
			  unsigned int n_rxq, struct dpif_netdev_pmd_stats *o)
{
	struct dpn_stats sum;

	memset(&sum, 0, sizeof sum);
	dpn_stats_sum(&sum, s);
	memset(o, 0, sizeof *o);
	o->id = id;
	o->n_rxq = n_rxq;
	o->packets = sum.packets;
	o->batches = sum.batches;
	o->recirc = sum.recirc;
	o->emc_hits = sum.emc_hits;
	o->megaflow_hits = sum.megaflow_hits;
	o->misses = sum.misses;
	o->lost = sum.lost;
	o->upcall_errors = sum.upcall_errors;
	o->recirc_drops = sum.recirc_drops;
	o->tx_packets = sum.tx_packets;
	o->tx_batches = sum.tx_batches;
	o->busy_cycles = sum.busy_cycles;
	o->idle_cycles = sum.idle_cycles;
	o->sleeps = sum.sleeps;
}

int dpif_netdev_pmd_stats(struct dpif *dpif,
			  struct dpif_netdev_pmd_stats **statsp, size_t *np)
{
	struct dpif_netdev_pmd_stats *stats;
	struct dp_netdev *dp;
	unsigned int i, n;

	*statsp = NULL;
	*np = 0;
	LIVE_DP(dpif, dp);
	pthread_mutex_lock(&dp->port_mutex);
	n = dp->n_pmd;
	stats = calloc(n + 1, sizeof *stats);
	for (i = 0; stats && i < n; i++) {
		struct dpn_pmd *pmd = dp->pmds[i];

		pmd_stats_out(&pmd->ctx.stats, (int)i,
			      __atomic_load_n(&pmd->n_rxq, __ATOMIC_RELAXED),
			      &stats[i]);
	}
	pthread_mutex_unlock(&dp->port_mutex);
	if (!stats)
		return -ENOMEM;
	pthread_mutex_lock(&dp->execute_mutex);
	pmd_stats_out(&dp->execute_ctx->stats, -1, 0, &stats[n]);
	pthread_mutex_unlock(&dp->execute_mutex);
	*statsp = stats;
	*np = n + 1;
	return 0;
}

const struct dpif_class dpif_netdev_class = {
	.type = "netdev",
	.open = dpn_open,
	.close = dpn_close,
	.destroy = dpn_destroy,
	.enumerate = dpn_enumerate,
	.get_stats = dpn_get_stats,
	.port_add = dpn_port_add,
	.port_del = dpn_port_del,
	.port_query_by_number = dpn_port_query_by_number,
	.port_query_by_name = dpn_port_query_by_name,
	.port_dump = dpn_port_dump,
	.port_get_stats = dpn_port_get_stats,
	.flow_put = dpn_flow_put,
	.flow_get = dpn_flow_get,
	.flow_del = dpn_flow_del,
	.flow_flush = dpn_flow_flush,
	.flow_dump = dpn_flow_dump,
	.execute = dpn_execute,
	.register_upcall_cb = dpn_register_upcall_cb,
	.meter_features = dpn_meter_features,
	.meter_set = dpn_meter_set,
	.meter_get = dpn_meter_get,
	.meter_del = dpn_meter_del,
};
