/* The bridge layer's main loop: keeps a replica of the configuration
 * database, applies each change through the daemon's ops, and writes status
 * back.  What the daemon has applied survives a lost connection, so that
 * after reconnecting only real differences reach the ops. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bridge-private.h"
#include "log.h"
#include "ovsdb-idl.h"
#include "xalloc.h"

#define BRIDGE_DB "Open_vSwitch"
#define BRIDGE_CONNECT_TIMEOUT_MS 5000
#define BRIDGE_COMMIT_TIMEOUT_MS 5000
#define BRIDGE_POLL_MS 1000		/* link state, ofport, controllers */
#define BRIDGE_STATS_MS 5000		/* statistics, as ovs-vswitchd */
#define BRIDGE_BACKOFF_MIN_MS 100
#define BRIDGE_BACKOFF_MAX_MS 8000

struct bridge {
	char *remote;
	const struct bridge_ops *ops;
	void *aux;
	struct ovsdb_idl *idl;		/* NULL: not connected */
	unsigned int seqno;		/* of the replica last applied */
	bool reread;			/* apply even if 'seqno' is equal */
	struct bridge_state cur;	/* what the daemon has */
	long long next_connect_ms;
	int backoff_ms;
	bool warned;			/* of the current outage */
	long long next_poll_ms;
	long long next_stats_ms;
};

static long long bridge_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

struct bridge *bridge_create(const char *db_remote,
			     const struct bridge_ops *ops, void *aux)
{
	struct bridge *b = xcalloc(1, sizeof *b);

	b->remote = xstrdup(db_remote);
	b->ops = ops;
	b->aux = aux;
	b->backoff_ms = BRIDGE_BACKOFF_MIN_MS;
	return b;
}

void bridge_destroy(struct bridge *b)
{
	if (!b)
		return;
	if (b->idl)
		ovsdb_idl_close(b->idl);
	bridge_state_clear(&b->cur);
	free(b->remote);
	free(b);
}

bool bridge_is_connected(const struct bridge *b)
{
	return b->idl != NULL;
}

int bridge_fd(const struct bridge *b)
{
	return ovsdb_idl_fd(b->idl);
}

static void bridge_disconnect(struct bridge *b, int error)
{
	log_msg(LOG_WARN, "%s: lost connection to the database (%s)",
		b->remote, strerror(error));
	ovsdb_idl_close(b->idl);
	b->idl = NULL;
	b->backoff_ms = BRIDGE_BACKOFF_MIN_MS;
	b->next_connect_ms = bridge_now_ms();
}

static bool bridge_connect(struct bridge *b, long long now)
{
	char *err = NULL;

	if (now < b->next_connect_ms)
		return false;
	b->idl = ovsdb_idl_open(b->remote, BRIDGE_DB,
				BRIDGE_CONNECT_TIMEOUT_MS, &err);
	if (!b->idl) {
		if (!b->warned)
			log_msg(LOG_WARN, "cannot connect to the database "
				"(%s), retrying", err);
		free(err);
		b->warned = true;
		b->next_connect_ms = now + b->backoff_ms;
		b->backoff_ms = b->backoff_ms * 2 > BRIDGE_BACKOFF_MAX_MS
				? BRIDGE_BACKOFF_MAX_MS : b->backoff_ms * 2;
		return false;
	}
	log_msg(LOG_INFO, "%s: connected to the database", b->remote);
	b->warned = false;
	b->reread = true;
	b->next_poll_ms = now;
	return true;
}

static void bridge_reconfigure(struct bridge *b)
{
	struct bridge_state want;
	size_t n;

	bridge_state_read(b->idl, &want);
	n = bridge_apply(b->ops, b->aux, &b->cur, &want);
	b->seqno = ovsdb_idl_seqno(b->idl);
	b->reread = false;
	if (n)
		log_msg(LOG_INFO, "configuration %lld applied: %zu ops",
			(long long) b->cur.next_cfg, n);
}

/* Sends what bridge_status_write() changed; false when the connection
 * went. */
static bool bridge_commit(struct bridge *b)
{
	char *err = NULL;
	enum ovsdb_idl_status s = ovsdb_idl_commit(b->idl,
						   BRIDGE_COMMIT_TIMEOUT_MS,
						   &err);

	if (s == OVSDB_IDL_ERROR) {
		log_msg(LOG_WARN, "%s: writing status failed (%s)", b->remote,
			err ? err : "unknown error");
		free(err);
		/* A reply that never came is a dead connection. */
		return ovsdb_idl_wait(b->idl, 0, NULL, NULL) == -ETIMEDOUT;
	}
	return true;
}

void bridge_run(struct bridge *b)
{
	long long now = bridge_now_ms();
	bool stats, status = false;
	int error;

	if (!b->idl && !bridge_connect(b, now))
		return;
	error = ovsdb_idl_wait(b->idl, 0, NULL, NULL);
	if (error && error != -ETIMEDOUT) {
		bridge_disconnect(b, -error);
		return;
	}
	if (b->reread || b->seqno != ovsdb_idl_seqno(b->idl)) {
		bridge_reconfigure(b);
		status = true;	/* cur_cfg, and the new ports' ofport */
	}
	stats = now >= b->next_stats_ms;
	if (!status && !stats && now < b->next_poll_ms)
		return;
	bridge_status_write(b->idl, b->ops, b->aux, &b->cur, stats);
	b->next_poll_ms = now + BRIDGE_POLL_MS;
	if (stats)
		b->next_stats_ms = now + BRIDGE_STATS_MS;
	if (!bridge_commit(b))
		bridge_disconnect(b, EPIPE);
}

int bridge_timeout_ms(const struct bridge *b)
{
	long long now = bridge_now_ms();
	long long next;

	if (!b->idl)
		next = b->next_connect_ms;
	else
		next = b->next_poll_ms < b->next_stats_ms ? b->next_poll_ms
							  : b->next_stats_ms;
	return next <= now ? 0 : (int) (next - now);
}

static bool bridge_changed(struct ovsdb_idl *idl, void *b_)
{
	const struct bridge *b = b_;

	return b->seqno != ovsdb_idl_seqno(idl);
}

void bridge_wait(struct bridge *b)
{
	int timeout = bridge_timeout_ms(b);
	int error;

	if (!b->idl) {
		poll(NULL, 0, timeout);
		return;
	}
	if (b->reread)
		return;
	error = ovsdb_idl_wait(b->idl, timeout, bridge_changed, b);
	if (error && error != -ETIMEDOUT)
		bridge_disconnect(b, -error);
}
