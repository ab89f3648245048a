#include "reconnect.h"

#include <errno.h>
#include <string.h>

void reconnect_init(struct reconnect *r)
{
	memset(r, 0, sizeof *r);
	r->state = RECONNECT_VOID;
	r->min_backoff = RECONNECT_DEFAULT_MIN_BACKOFF;
	r->max_backoff = RECONNECT_DEFAULT_MAX_BACKOFF;
	r->probe_interval = RECONNECT_DEFAULT_PROBE_INTERVAL;
}

void reconnect_set_backoff(struct reconnect *r, int min_ms, int max_ms)
{
	r->min_backoff = min_ms > 0 ? min_ms : 1;
	r->max_backoff = max_ms > r->min_backoff ? max_ms : r->min_backoff;
	if (r->backoff > r->max_backoff)
		r->backoff = r->max_backoff;
}

void reconnect_set_probe_interval(struct reconnect *r, int ms)
{
	r->probe_interval = ms <= 0 ? 0 : ms < 1000 ? 1000 : ms;
}

static void enter(struct reconnect *r, enum reconnect_state s, int64_t now)
{
	r->state = s;
	r->state_entered = now;
}

void reconnect_enable(struct reconnect *r, int64_t now)
{
	if (r->state == RECONNECT_VOID) {
		r->backoff = 0;
		enter(r, RECONNECT_BACKOFF, now);
	}
}

void reconnect_disable(struct reconnect *r, int64_t now)
{
	enter(r, RECONNECT_VOID, now);
}

void reconnect_force_reconnect(struct reconnect *r, int64_t now)
{
	if (r->state == RECONNECT_VOID)
		return;
	r->backoff = 0;
	enter(r, RECONNECT_BACKOFF, now);
}

void reconnect_connecting(struct reconnect *r, int64_t now)
{
	if (r->state != RECONNECT_VOID) {
		r->n_attempts++;
		enter(r, RECONNECT_CONNECTING, now);
	}
}

void reconnect_connected(struct reconnect *r, int64_t now)
{
	if (r->state == RECONNECT_VOID)
		return;
	r->n_connections++;
	r->last_connected = r->last_activity = now;
	enter(r, RECONNECT_ACTIVE, now);
}

/* The next wait: the first failure waits min_backoff, each further one
 * twice as long, up to max_backoff. */
static void back_off(struct reconnect *r, int64_t now, int error)
{
	if (r->state == RECONNECT_VOID)
		return;
	r->last_error = error;
	if (!r->backoff)
		r->backoff = r->min_backoff;
	else
		r->backoff = r->backoff > r->max_backoff / 2 ? r->max_backoff
							     : r->backoff * 2;
	enter(r, RECONNECT_BACKOFF, now);
}

void reconnect_connect_failed(struct reconnect *r, int64_t now, int error)
{
	back_off(r, now, error);
}

void reconnect_disconnected(struct reconnect *r, int64_t now, int error)
{
	/* A connection that lasted longer than the current backoff was a
	 * good one: try again soon rather than keep the long wait. */
	if (reconnect_is_connected(r) &&
	    now - r->last_connected >= r->backoff)
		r->backoff = 0;
	back_off(r, now, error);
}

void reconnect_activity(struct reconnect *r, int64_t now)
{
	r->last_activity = now;
	if (r->state == RECONNECT_IDLE)
		enter(r, RECONNECT_ACTIVE, now);
}

/* When the current state's deadline falls, or -1 for none. */
static int64_t deadline(const struct reconnect *r)
{
	switch (r->state) {
	case RECONNECT_BACKOFF:
		return r->state_entered + r->backoff;
	case RECONNECT_CONNECTING:
		/* A connect that hangs is given up like a failed one. */
		return r->state_entered +
		       (r->backoff > 1000 ? r->backoff : 1000);
	case RECONNECT_ACTIVE:
		return r->probe_interval ? r->last_activity + r->probe_interval
					 : -1;
	case RECONNECT_IDLE:
		return r->state_entered + r->probe_interval;
	default:
		return -1;
	}
}

enum reconnect_action reconnect_run(struct reconnect *r, int64_t now)
{
	int64_t when = deadline(r);

	if (when < 0 || now < when)
		return RECONNECT_NONE;
	switch (r->state) {
	case RECONNECT_BACKOFF:
		return RECONNECT_CONNECT;
	case RECONNECT_CONNECTING:
		back_off(r, now, -ETIMEDOUT);
		return RECONNECT_DISCONNECT;
	case RECONNECT_ACTIVE:
		enter(r, RECONNECT_IDLE, now);
		return RECONNECT_PROBE;
	case RECONNECT_IDLE:
		reconnect_disconnected(r, now, -ETIMEDOUT);
		return RECONNECT_DISCONNECT;
	default:
		return RECONNECT_NONE;
	}
}

int reconnect_timeout(const struct reconnect *r, int64_t now)
{
	int64_t when = deadline(r);

	if (when < 0)
		return -1;
	return when <= now ? 0 : when - now > INT32_MAX ? INT32_MAX
						       : (int)(when - now);
}

bool reconnect_is_connected(const struct reconnect *r)
{
	return r->state == RECONNECT_ACTIVE || r->state == RECONNECT_IDLE;
}

const char *reconnect_state_name(enum reconnect_state s)
{
	static const char *const names[] = {
		[RECONNECT_VOID] = "VOID",
		[RECONNECT_BACKOFF] = "BACKOFF",
		[RECONNECT_CONNECTING] = "CONNECTING",
		[RECONNECT_ACTIVE] = "ACTIVE",
		[RECONNECT_IDLE] = "IDLE",
	};

	return s <= RECONNECT_IDLE ? names[s] : "?";
}
