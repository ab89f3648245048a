/* When to connect, probe and give up on a peer that should stay connected
 * (a controller, a database server): a state machine driven by the
 * caller's events and clock, with no I/O of its own, so that it is tested
 * with a fake clock.
 *
 *   BACKOFF ──run: CONNECT──► CONNECTING ──connected──► ACTIVE
 *      ▲                          │                     │  ▲ activity
 *      │◄──── connect_failed ─────┘          quiet for  ▼  │
 *      │                                  probe_interval IDLE (run: PROBE)
 *      └──────── disconnected, or run: DISCONNECT (no answer to a probe)
 *
 * Failed attempts back off from 1 s, doubling to max_backoff; a connection
 * that stayed up longer than the current backoff resets it. */
#ifndef WEIR_RECONNECT_H
#define WEIR_RECONNECT_H 1

#include <stdbool.h>
#include <stdint.h>

enum reconnect_state {
	RECONNECT_VOID,                 /* disabled */
	RECONNECT_BACKOFF,              /* waiting before the next attempt */
	RECONNECT_CONNECTING,
	RECONNECT_ACTIVE,               /* connected, heard from lately */
	RECONNECT_IDLE,                 /* connected, probe sent, no answer */
};

/* What the caller should do now. */
enum reconnect_action {
	RECONNECT_NONE,
	RECONNECT_CONNECT,              /* start connecting, then report */
	RECONNECT_DISCONNECT,           /* the peer stopped answering */
	RECONNECT_PROBE,                /* send an echo request */
};

struct reconnect {
	enum reconnect_state state;
	int64_t state_entered;          /* ms */
	int min_backoff, max_backoff;   /* ms */
	int backoff;                    /* ms, the current one */
	int probe_interval;             /* ms, 0 for no probes */
	int64_t last_activity;          /* ms */
	int64_t last_connected;         /* ms, when ACTIVE was entered */
	int last_error;                 /* -errno of the last failure */
	unsigned int n_attempts;
	unsigned int n_connections;
};

#define RECONNECT_DEFAULT_MIN_BACKOFF 1000
#define RECONNECT_DEFAULT_MAX_BACKOFF 8000
#define RECONNECT_DEFAULT_PROBE_INTERVAL 5000

/* Starts disabled (VOID), with the defaults above. */
void reconnect_init(struct reconnect *);
void reconnect_set_backoff(struct reconnect *, int min_ms, int max_ms);
/* 0 turns probing off; otherwise at least 1000 ms. */
void reconnect_set_probe_interval(struct reconnect *, int ms);

/* Enabling asks for a connection at once. */
void reconnect_enable(struct reconnect *, int64_t now);
void reconnect_disable(struct reconnect *, int64_t now);
/* Drops a connection on purpose (a new target): reconnect at once. */
void reconnect_force_reconnect(struct reconnect *, int64_t now);

/* Events. */
void reconnect_connecting(struct reconnect *, int64_t now);
void reconnect_connected(struct reconnect *, int64_t now);
void reconnect_connect_failed(struct reconnect *, int64_t now, int error);
void reconnect_disconnected(struct reconnect *, int64_t now, int error);
/* Something arrived from the peer. */
void reconnect_activity(struct reconnect *, int64_t now);

enum reconnect_action reconnect_run(struct reconnect *, int64_t now);
/* Milliseconds until reconnect_run() has something to do, -1 for never. */
int reconnect_timeout(const struct reconnect *, int64_t now);

bool reconnect_is_connected(const struct reconnect *);
const char *reconnect_state_name(enum reconnect_state);

#endif /* WEIR_RECONNECT_H */
