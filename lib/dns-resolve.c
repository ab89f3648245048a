#include "dns-resolve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unbound.h>
#include <unistd.h>

#include "xalloc.h"

#define RR_TYPE_A 1
#define RR_TYPE_AAAA 28
#define RR_CLASS_IN 1

enum dns_state { DNS_PENDING, DNS_DONE, DNS_FAILED };

/* Shared by the owner and the query's thread: the last to let go frees. */
struct dns_query {
	pthread_mutex_t lock;
	int refs;
	int fd;                         /* eventfd, signalled when answered */
	char *name;
	enum dns_state state;
	char ip[INET6_ADDRSTRLEN];
	char why[128];
};

/* One resolver context for the process; libunbound serialises the threads
 * that share it. */
static struct ub_ctx *ctx;
static pthread_once_t ctx_once = PTHREAD_ONCE_INIT;

static void ctx_create(void)
{
	ctx = ub_ctx_create();
	if (ctx) {
		/* Missing files leave a resolver that finds nothing, which
		 * queries then report. */
		ub_ctx_resolvconf(ctx, NULL);
		ub_ctx_hosts(ctx, NULL);
	}
}

static void query_unref(struct dns_query *q)
{
	bool last;

	pthread_mutex_lock(&q->lock);
	last = !--q->refs;
	pthread_mutex_unlock(&q->lock);
	if (!last)
		return;
	close(q->fd);
	pthread_mutex_destroy(&q->lock);
	free(q->name);
	free(q);
}

/* One record type: 1 answered (address in 'ip'), 0 no data, -1 failed. */
static int lookup(const char *name, int rrtype, char *ip, size_t ip_size,
		  char *why, size_t why_size)
{
	struct ub_result *r = NULL;
	int error = ub_resolve(ctx, name, rrtype, RR_CLASS_IN, &r);
	int rc;

	if (error) {
		snprintf(why, why_size, "%s", ub_strerror(error));
		rc = -1;
	} else if (r->havedata && r->data[0]) {
		inet_ntop(rrtype == RR_TYPE_A ? AF_INET : AF_INET6, r->data[0],
			  ip, ip_size);
		rc = 1;
	} else if (r->nxdomain) {
		snprintf(why, why_size, "no such host");
		rc = -1;
	} else {
		snprintf(why, why_size, "no address");
		rc = 0;
	}
	ub_resolve_free(r);
	return rc;
}

static void *query_thread(void *arg)
{
	struct dns_query *q = arg;
	char ip[INET6_ADDRSTRLEN], why[128];
	uint64_t one = 1;
	int rc = lookup(q->name, RR_TYPE_A, ip, sizeof ip, why, sizeof why);

	if (!rc)
		rc = lookup(q->name, RR_TYPE_AAAA, ip, sizeof ip, why,
			    sizeof why);
	pthread_mutex_lock(&q->lock);
	if (rc > 0) {
		memcpy(q->ip, ip, sizeof ip);
		q->state = DNS_DONE;
	} else {
		memcpy(q->why, why, sizeof why);
		q->state = DNS_FAILED;
	}
	pthread_mutex_unlock(&q->lock);
	if (write(q->fd, &one, sizeof one) < 0) {
		/* An eventfd write fails only on overflow: already signalled. */
	}
	query_unref(q);
	return NULL;
}

int dns_resolve_start(const char *name, struct dns_query **qp,
		      char *err, size_t size)
{
	struct dns_query *q;
	pthread_attr_t attr;
	pthread_t tid;
	int error;

	pthread_once(&ctx_once, ctx_create);
	if (!ctx) {
		snprintf(err, size, "%s: cannot create a resolver", name);
		return -ENOMEM;
	}
	q = xcalloc(1, sizeof *q);
	q->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (q->fd < 0) {
		error = -errno;
		free(q);
		snprintf(err, size, "%s: eventfd: %s", name, strerror(-error));
		return error;
	}
	pthread_mutex_init(&q->lock, NULL);
	q->refs = 2;
	q->name = xstrdup(name);
	q->state = DNS_PENDING;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	error = pthread_create(&tid, &attr, query_thread, q);
	pthread_attr_destroy(&attr);
	if (error) {
		snprintf(err, size, "%s: cannot start a resolver thread: %s",
			 name, strerror(error));
		q->refs = 1;
		query_unref(q);
		return -error;
	}
	*qp = q;
	return 0;
}

int dns_query_fd(const struct dns_query *q)
{
	return q->fd;
}

int dns_resolve_result(struct dns_query *q, char *ip, size_t ip_size,
		       char *err, size_t size)
{
	int rc;

	pthread_mutex_lock(&q->lock);
	switch (q->state) {
	case DNS_DONE:
		snprintf(ip, ip_size, "%s", q->ip);
		rc = 0;
		break;
	case DNS_FAILED:
		snprintf(err, size, "%s: %s", q->name, q->why);
		rc = -ENOENT;
		break;
	default:
		rc = -EAGAIN;
	}
	pthread_mutex_unlock(&q->lock);
	return rc;
}

void dns_query_free(struct dns_query *q)
{
	if (q)
		query_unref(q);
}
