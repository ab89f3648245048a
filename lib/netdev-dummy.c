/* Dummy ports: see netdev-dummy.h.  Each receive queue is a FIFO under a
 * mutex, with an eventfd that is readable exactly while the FIFO holds
 * frames; sent frames are copied to a list the test takes them from. */
#include "netdev-dummy.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "dp-packet.h"
#include "netdev-provider.h"

#define DUMMY_MAX_QUEUES 16

struct dummy_fifo {
	struct dp_packet **pkts;
	size_t head, n, cap;
};

struct dummy_rxq {
	pthread_mutex_t mutex;
	struct dummy_fifo fifo;
	int fd;
};

struct netdev_dummy {
	struct netdev up;
	char name[16];
	int n_rxq, n_txq;
	struct dummy_rxq rxqs[DUMMY_MAX_QUEUES];
	pthread_mutex_t mutex;          /* 'sent', 'stats', the registry link */
	pthread_cond_t sent_cond;
	struct dummy_fifo sent;
	struct netdev_stats stats;
	struct netdev_dummy *next;
};

static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct netdev_dummy *registry;

static struct netdev_dummy *dummy_of(const struct netdev *netdev)
{
	return container_of(netdev, struct netdev_dummy, up);
}

static int fifo_push(struct dummy_fifo *f, struct dp_packet *p)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 64, i;
		struct dp_packet **pkts = malloc(cap * sizeof *pkts);

		if (!pkts)
			return -ENOMEM;
		for (i = 0; i < f->n; i++)
			pkts[i] = f->pkts[(f->head + i) % f->cap];
		free(f->pkts);
		f->pkts = pkts;
		f->head = 0;
		f->cap = cap;
	}
	f->pkts[(f->head + f->n++) % f->cap] = p;
	return 0;
}

static struct dp_packet *fifo_pop(struct dummy_fifo *f)
{
	struct dp_packet *p;

	if (!f->n)
		return NULL;
	p = f->pkts[f->head];
	f->head = (f->head + 1) % f->cap;
	f->n--;
	return p;
}

static void fifo_clear(struct dummy_fifo *f)
{
	while (f->n)
		dp_packet_delete(fifo_pop(f));
	free(f->pkts);
	memset(f, 0, sizeof *f);
}

/* The open dummy 'name', locked, or NULL. */
static struct netdev_dummy *find_locked(const char *name)
{
	struct netdev_dummy *d;

	pthread_mutex_lock(&registry_mutex);
	for (d = registry; d && strcmp(d->name, name); d = d->next)
		;
	if (d)
		pthread_mutex_lock(&d->mutex);
	pthread_mutex_unlock(&registry_mutex);
	return d;
}

static int parse_option(const char *name, const char *key, const char *value,
			void *aux)
{
	struct netdev_dummy *d = aux;
	char *end;
	long n;

	if (strcmp(key, "n_rxq") && strcmp(key, "n_txq"))
		return netdev_option_unknown(name, key, value, aux);
	n = strtol(value, &end, 10);
	if (*end || n < 1 || n > DUMMY_MAX_QUEUES)
		return netdev_option_error(name, key, value,
					   "must be 1 to 16");
	*(key[2] == 'r' ? &d->n_rxq : &d->n_txq) = (int)n;
	return 0;
}

static void dummy_free(struct netdev_dummy *d)
{
	int i;

	for (i = 0; i < d->n_rxq; i++) {
		fifo_clear(&d->rxqs[i].fifo);
		if (d->rxqs[i].fd >= 0)
			close(d->rxqs[i].fd);
		pthread_mutex_destroy(&d->rxqs[i].mutex);
	}
	fifo_clear(&d->sent);
	pthread_cond_destroy(&d->sent_cond);
	pthread_mutex_destroy(&d->mutex);
	free(d);
}

static int dummy_open(const char *name, const char *const *options,
		      struct netdev **netdevp)
{
	struct netdev_dummy *d = calloc(1, sizeof *d), *other;
	int err, i;

	if (!d)
		return -ENOMEM;
	d->up.class = &netdev_dummy_class;
	strncpy(d->name, name, sizeof d->name - 1);
	d->n_rxq = d->n_txq = 1;
	pthread_mutex_init(&d->mutex, NULL);
	pthread_cond_init(&d->sent_cond, NULL);
	err = netdev_parse_options(name, options, parse_option, d);
	for (i = 0; i < d->n_rxq; i++) {
		pthread_mutex_init(&d->rxqs[i].mutex, NULL);
		d->rxqs[i].fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (d->rxqs[i].fd < 0 && !err)
			err = -errno;
	}
	pthread_mutex_lock(&registry_mutex);
	for (other = registry; other && strcmp(other->name, d->name);
	     other = other->next)
		;
	if (other && !err) {
		netdev_log("%s: a dummy of this name is open", name);
		err = -EEXIST;
	}
	if (!err) {
		d->next = registry;
		registry = d;
	}
	pthread_mutex_unlock(&registry_mutex);
	if (err) {
		dummy_free(d);
		return err;
	}
	*netdevp = &d->up;
	return 0;
}

static void dummy_close(struct netdev *netdev)
{
	struct netdev_dummy *d = dummy_of(netdev), **p;

	pthread_mutex_lock(&registry_mutex);
	for (p = &registry; *p != d; p = &(*p)->next)
		;
	*p = d->next;
	pthread_mutex_unlock(&registry_mutex);
	/* Whoever found it before it left the registry is done with it. */
	pthread_mutex_lock(&d->mutex);
	pthread_mutex_unlock(&d->mutex);
	dummy_free(d);
}

int netdev_dummy_receive_n(const char *name, int qid, const void *data,
			   size_t len, unsigned int n)
{
	struct netdev_dummy *d = find_locked(name);
	struct dummy_rxq *q;
	uint64_t one = 1;
	bool was_empty;
	int err = 0;

	if (!d)
		return -ENODEV;
	if (qid < 0 || qid >= d->n_rxq) {
		pthread_mutex_unlock(&d->mutex);
		return -EINVAL;
	}
	q = &d->rxqs[qid];
	pthread_mutex_lock(&q->mutex);
	was_empty = !q->fifo.n;
	while (n-- && !err)
		err = fifo_push(&q->fifo,
				dp_packet_clone_data(data, (uint32_t)len));
	if (was_empty && q->fifo.n && write(q->fd, &one, sizeof one) < 0)
		err = -errno;
	pthread_mutex_unlock(&q->mutex);
	pthread_mutex_unlock(&d->mutex);
	return err;
}

int netdev_dummy_receive(const char *name, int qid, const void *data,
			 size_t len)
{
	return netdev_dummy_receive_n(name, qid, data, len, 1);
}

static int dummy_rxq_recv(struct netdev *netdev, int qid,
			  struct dp_packet_batch *batch)
{
	struct netdev_dummy *d = dummy_of(netdev);
	struct dummy_rxq *q = &d->rxqs[qid];
	uint64_t bytes = 0, v;

	batch->count = 0;
	pthread_mutex_lock(&q->mutex);
	while (batch->count < NETDEV_MAX_BURST && q->fifo.n) {
		struct dp_packet *p = fifo_pop(&q->fifo);

		bytes += dp_packet_size(p);
		batch->packets[batch->count++] = p;
	}
	if (batch->count && !q->fifo.n && read(q->fd, &v, sizeof v) < 0) {
		/* Cannot happen: the counter was set when the FIFO filled. */
	}
	pthread_mutex_unlock(&q->mutex);
	if (!batch->count)
		return -EAGAIN;
	netdev_count(&d->stats.rx_packets, batch->count);
	netdev_count(&d->stats.rx_bytes, bytes);
	return 0;
}

static void dummy_rxq_release(struct netdev *netdev, int qid,
			      struct dp_packet_batch *batch)
{
	uint32_t i;

	for (i = 0; i < batch->count; i++)
		dp_packet_delete(batch->packets[i]);
	batch->count = 0;
}

static int dummy_rxq_fd(struct netdev *netdev, int qid)
{
	return dummy_of(netdev)->rxqs[qid].fd;
}

static int dummy_send(struct netdev *netdev, int qid,
		      struct dp_packet_batch *batch)
{
	struct netdev_dummy *d = dummy_of(netdev);
	uint32_t i, sent = 0;
	uint64_t bytes = 0;

	pthread_mutex_lock(&d->mutex);
	for (i = 0; i < batch->count; i++) {
		const struct dp_packet *p = batch->packets[i];

		if (!fifo_push(&d->sent, dp_packet_clone_data(dp_packet_data(p),
							      dp_packet_size(p)))) {
			sent++;
			bytes += dp_packet_size(p);
		}
	}
	netdev_count(&d->stats.tx_packets, sent);
	netdev_count(&d->stats.tx_bytes, bytes);
	netdev_count(&d->stats.tx_dropped, batch->count - sent);
	pthread_cond_broadcast(&d->sent_cond);
	pthread_mutex_unlock(&d->mutex);
	return (int)sent;
}

struct dp_packet *netdev_dummy_take_sent(const char *name)
{
	struct netdev_dummy *d = find_locked(name);
	struct dp_packet *p;

	if (!d)
		return NULL;
	p = fifo_pop(&d->sent);
	pthread_mutex_unlock(&d->mutex);
	return p;
}

size_t netdev_dummy_wait_sent(const char *name, size_t n, int timeout_ms)
{
	struct netdev_dummy *d = find_locked(name);
	struct timespec deadline;
	size_t have;

	if (!d)
		return 0;
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += timeout_ms / 1000;
	deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}
	while (d->sent.n < n &&
	       !pthread_cond_timedwait(&d->sent_cond, &d->mutex, &deadline))
		;
	have = d->sent.n;
	pthread_mutex_unlock(&d->mutex);
	return have;
}

size_t netdev_dummy_discard_sent(const char *name)
{
	struct netdev_dummy *d = find_locked(name);
	size_t n;

	if (!d)
		return 0;
	n = d->sent.n;
	fifo_clear(&d->sent);
	pthread_mutex_unlock(&d->mutex);
	return n;
}

static int dummy_get_stats(const struct netdev *netdev,
			   struct netdev_stats *stats)
{
	netdev_stats_read(&dummy_of(netdev)->stats, stats);
	return 0;
}

static int dummy_get_etheraddr(const struct netdev *netdev, uint8_t mac[6])
{
	static const uint8_t base[6] = { 0x02, 0x77, 0x65, 0x69, 0x72, 0 };

	const char *c;

	memcpy(mac, base, sizeof base);
	for (c = dummy_of(netdev)->name; *c; c++)
		mac[5] = (uint8_t)(mac[5] * 31 + *c);
	return 0;
}

static int dummy_get_mtu(const struct netdev *netdev, int *mtu)
{
	*mtu = 1500;
	return 0;
}

static int dummy_get_ifindex(const struct netdev *netdev)
{
	return -EOPNOTSUPP;
}

static int dummy_n_rxq(const struct netdev *netdev)
{
	return dummy_of(netdev)->n_rxq;
}

static int dummy_n_txq(const struct netdev *netdev)
{
	return dummy_of(netdev)->n_txq;
}

const struct netdev_class netdev_dummy_class = {
	.type = "dummy",
	.open = dummy_open,
	.close = dummy_close,
	.rxq_recv = dummy_rxq_recv,
	.rxq_release = dummy_rxq_release,
	.rxq_fd = dummy_rxq_fd,
	.send = dummy_send,
	.get_stats = dummy_get_stats,
	.get_etheraddr = dummy_get_etheraddr,
	.get_mtu = dummy_get_mtu,
	.get_ifindex = dummy_get_ifindex,
	.n_rxq = dummy_n_rxq,
	.n_txq = dummy_n_txq,
};
