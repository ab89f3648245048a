/* Polling threads: each polls the receive queues on its list, runs what it
 * reads through the datapath, and counts.  With nothing to read for
 * idle_us it sleeps in poll() on the queues' descriptors and its wake-up
 * eventfd, which the control side writes when the list changes.
 *
 * Lists are the threads' own: the control side hands a thread a new one
 * through 'pending' and waits for 'ack_gen', so that once a port is off
 * every list no thread touches its queues. */
#include "dpif-netdev-private.h"

#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#define PMD_MAX_SLEEP_MS 100            /* housekeeping while asleep */
#define PMD_RANK_INTERVAL_MS 1000

uint64_t dpn_cycles(void)
{
#if defined(__x86_64__) || defined(__i386__)
	return __builtin_ia32_rdtsc();
#else
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
#endif
}

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000;
}

static void list_free(struct dpn_poll_list *list)
{
	unsigned int i;

	if (!list)
		return;
	for (i = 0; i < list->n; i++)
		dpn_port_unref(list->rxqs[i].port);
	free(list);
}

static void pmd_wake(struct dpn_pmd *pmd)
{
	uint64_t one = 1;

	if (write(pmd->wake_fd, &one, sizeof one) < 0) {
		/* The counter is already nonzero: the thread will wake. */
	}
}

/* Takes up a new list, if one is pending. */
static void pmd_reload(struct dpn_pmd *pmd)
{
	struct dpn_poll_list *list = __atomic_exchange_n(&pmd->pending, NULL,
							 __ATOMIC_ACQUIRE);

	if (!list)
		return;
	list_free(pmd->list);
	pmd->list = list;
	__atomic_store_n(&pmd->n_rxq, list->n, __ATOMIC_RELAXED);
	__atomic_store_n(&pmd->ack_gen, list->gen, __ATOMIC_RELEASE);
}

/* A queue whose receive is a system call (tap, the internal port) and
 * that was empty is polled once in this many rounds only: its system call
 * would otherwise cost every round as much as a batch of 32 packets' lookups
 * and actions, to the other queues' loss. */
#define PMD_SYSCALL_POLL_EVERY 16

/* Reads and runs one batch from each queue: the packets read.  Each clock
 * reading ends one queue's time and starts the next one's. */
static unsigned int pmd_poll_once(struct dpn_pmd *pmd)
{
	struct dpn_ctx *c = &pmd->ctx;
	struct dp_packet_batch batch;
	unsigned int i, j, n, total = 0;
	uint64_t now = dpn_cycles();

	for (i = 0; i < pmd->list->n; i++) {
		struct dpn_rxq *q = &pmd->list->rxqs[i];
		struct netdev *netdev = q->port->netdev;
		uint64_t start = now;

		if (q->skip) {
			q->skip--;
			continue;
		}
		batch.count = 0;
		if (netdev->class->rxq_recv(netdev, q->qid, &batch) ||
		    !batch.count) {
			if (q->syscall)
				q->skip = PMD_SYSCALL_POLL_EVERY - 1;
			now = dpn_cycles();
			dpn_stat_add(&c->stats.idle_cycles, now - start);
			continue;
		}
		for (j = 0; j < batch.count; j++) {
			struct dp_packet *p = batch.packets[j];

			p->in_port = q->port->port_no;
			p->recirc_id = p->dp_hash = 0;
			p->skb_mark = p->priority = 0;
		}
		n = batch.count;
		/* Received before processed: no reader ever sees hits or
		 * misses of packets not yet counted as received. */
		dpn_stat_add(&c->stats.packets, n);
		dpn_stat_add(&c->stats.batches, 1);
		dpn_input(c, batch.packets, n);
		if (netdev->class->rxq_release)
			netdev->class->rxq_release(netdev, q->qid, &batch);
		total += n;
		now = dpn_cycles();
		dpn_stat_add(&c->stats.busy_cycles, now - start);
	}
	return total;
}

static void drain_fd(int fd)
{
	uint64_t v;

	if (read(fd, &v, sizeof v) < 0) {
		/* Nothing was written: fine. */
	}
}

/* Sleeps until a queue is readable, the list changes, or a while passes.
 * A queue without a descriptor limits the sleep to a millisecond. */
static void pmd_sleep(struct dpn_pmd *pmd)
{
	struct dpn_poll_list *list = pmd->list;
	unsigned int i, n = 0, n_rxq = list ? list->n : 0;
	struct pollfd *fds = calloc(n_rxq + 1, sizeof *fds);
	int timeout = PMD_MAX_SLEEP_MS;

	if (!fds)
		return;
	fds[n].fd = pmd->wake_fd;
	fds[n++].events = POLLIN;
	for (i = 0; i < n_rxq; i++) {
		struct netdev *netdev = list->rxqs[i].port->netdev;
		int fd = netdev->class->rxq_fd ?
			 netdev->class->rxq_fd(netdev, list->rxqs[i].qid) : -1;

		if (fd < 0) {
			timeout = 1;
			continue;
		}
		fds[n].fd = fd;
		fds[n++].events = POLLIN;
	}
	dpn_stat_add(&pmd->ctx.stats.sleeps, 1);
	if (poll(fds, n, timeout) > 0 && fds[0].revents)
		drain_fd(pmd->wake_fd);
	free(fds);
}

static void pmd_housekeeping(struct dpn_pmd *pmd, uint64_t now,
			     uint64_t *next_rank)
{
	struct dp_netdev *dp = pmd->ctx.dp;

	if (pmd->ctx.id != 0 || now < *next_rank ||
	    pthread_mutex_trylock(&dp->flow_mutex))
		return;
	flow_table_rank(&dp->table);
	pthread_mutex_unlock(&dp->flow_mutex);
	*next_rank = now + PMD_RANK_INTERVAL_MS * 1000;
}

static void *pmd_main(void *arg)
{
	struct dpn_pmd *pmd = arg;
	uint64_t last_busy = now_us(), next_rank = 0;
	unsigned int iter = 0;
	bool busy = false;
	char name[16];

	/* "pmdN": for top, perf and CPU pinning. */
	snprintf(name, sizeof name, "pmd%d", pmd->ctx.id);
	pthread_setname_np(pthread_self(), name);
	rcu_register_thread();
	for (;;) {
		uint64_t now;

		if (__atomic_load_n(&pmd->pending, __ATOMIC_RELAXED))
			pmd_reload(pmd);
		if (__atomic_load_n(&pmd->exit, __ATOMIC_ACQUIRE))
			break;
		if (pmd->list && pmd_poll_once(pmd))
			busy = true;
		/* The clock, now and then only. */
		if (++iter % 64)
			continue;
		now = now_us();
		if (busy)
			last_busy = now;
		busy = false;
		pmd_housekeeping(pmd, now, &next_rank);
		if (now - last_busy >= pmd->idle_us) {
			pmd_sleep(pmd);
			last_busy = now_us();
		}
	}
	rcu_unregister_thread();
	return NULL;
}

/* ---- The control side (port_mutex held). ---- */

static bool rxq_is_syscall(const struct netdev *netdev)
{
	return !strcmp(netdev->class->type, "tap") ||
	       !strcmp(netdev->class->type, "internal");
}

/* Every port's receive queues, spread over the threads in turn. */
static int build_lists(struct dp_netdev *dp, struct dpn_poll_list **lists)
{
	const struct dpn_port_table *t = rcu_dereference(dp->ports);
	unsigned int n_rxq = 0, i, next = 0;
	uint32_t p;
	int q;

	for (p = 0; t && p < t->n; p++)
		if (t->ports[p])
			n_rxq += (unsigned int)t->ports[p]->n_rxq;
	dp->list_gen++;
	for (i = 0; i < dp->n_pmd; i++) {
		lists[i] = calloc(1, sizeof *lists[i] +
				     n_rxq * sizeof lists[i]->rxqs[0]);
		if (!lists[i]) {
			while (i)
				free(lists[--i]);
			return -ENOMEM;
		}
		lists[i]->gen = dp->list_gen;
	}
	for (p = 0; t && p < t->n; p++) {
		struct dpn_port *port = t->ports[p];

		for (q = 0; port && q < port->n_rxq; q++) {
			struct dpn_poll_list *l = lists[next++ % dp->n_pmd];

			dpn_port_ref(port);
			l->rxqs[l->n].port = port;
			l->rxqs[l->n].syscall = rxq_is_syscall(port->netdev);
			l->rxqs[l->n++].qid = q;
		}
	}
	return 0;
}

void dpn_pmds_reload(struct dp_netdev *dp)
{
	struct dpn_poll_list *lists[dp->n_pmd ? dp->n_pmd : 1];
	unsigned int i;

	if (!dp->n_pmd || build_lists(dp, lists))
		return;
	for (i = 0; i < dp->n_pmd; i++) {
		struct dpn_pmd *pmd = dp->pmds[i];

		list_free(__atomic_exchange_n(&pmd->pending, lists[i],
					      __ATOMIC_RELEASE));
		pmd_wake(pmd);
	}
	for (i = 0; i < dp->n_pmd; i++) {
		struct dpn_pmd *pmd = dp->pmds[i];

		while (__atomic_load_n(&pmd->ack_gen, __ATOMIC_ACQUIRE) <
		       dp->list_gen)
			usleep(20);
	}
}

static void pmd_destroy(struct dpn_pmd *pmd)
{
	list_free(pmd->list);
	list_free(pmd->pending);
	dpn_ctx_uninit(&pmd->ctx);
	close(pmd->wake_fd);
	free(pmd);
}

static struct dpn_pmd *pmd_create(struct dp_netdev *dp, int id)
{
	struct dpn_pmd *pmd = calloc(1, sizeof *pmd);

	if (!pmd)
		return NULL;
	pmd->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (pmd->wake_fd < 0) {
		free(pmd);
		return NULL;
	}
	if (dpn_ctx_init(&pmd->ctx, dp, id, dp->config.emc_insert_inv)) {
		close(pmd->wake_fd);
		free(pmd);
		return NULL;
	}
	pmd->idle_us = dp->config.idle_us;
	if (pthread_create(&pmd->thread, NULL, pmd_main, pmd)) {
		pmd_destroy(pmd);
		return NULL;
	}
	return pmd;
}

void dpn_pmds_stop(struct dp_netdev *dp)
{
	unsigned int i;

	for (i = 0; i < dp->n_pmd; i++) {
		__atomic_store_n(&dp->pmds[i]->exit, true, __ATOMIC_RELEASE);
		pmd_wake(dp->pmds[i]);
	}
	for (i = 0; i < dp->n_pmd; i++) {
		pthread_join(dp->pmds[i]->thread, NULL);
		dpn_stats_sum(&dp->retired, &dp->pmds[i]->ctx.stats);
		pmd_destroy(dp->pmds[i]);
	}
	free(dp->pmds);
	dp->pmds = NULL;
	dp->n_pmd = 0;
}

int dpn_pmds_start(struct dp_netdev *dp)
{
	unsigned int i, n = dp->config.n_pmd ? dp->config.n_pmd : 1;

	dp->pmds = calloc(n, sizeof *dp->pmds);
	if (!dp->pmds)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		dp->pmds[i] = pmd_create(dp, (int)i);
		if (!dp->pmds[i]) {
			dpn_pmds_stop(dp);
			return -ENOMEM;
		}
		dp->n_pmd++;
	}
	dpn_pmds_reload(dp);
	return 0;
}
