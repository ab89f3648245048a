/* Packet-in rate limiting for one controller: a token bucket that refills
 * at 'rate' packets per second up to 'burst', with a bounded FIFO for the
 * packet-ins that find it empty.  When the queue is full the newcomer is
 * dropped and counted, so a flood costs bounded memory and never blocks.
 * The caller's clock (milliseconds) drives it, so tests use a fake one. */
#ifndef PINSCHED_H
#define PINSCHED_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bytebuf;

#define PINSCHED_MIN_RATE 100		/* as Open vSwitch clamps it */
#define PINSCHED_QUEUE_MAX 100		/* packet-ins waiting, at most */

struct pinsched_stats {
	uint64_t n_normal;		/* admitted at once */
	uint64_t n_queued;		/* admitted after waiting */
	uint64_t n_dropped;		/* queue full */
	size_t n_waiting;
};

/* 'rate' <= 0 means no limit (and pinsched_create() returns NULL);
 * 'burst' <= 0 means rate / 4, at least 1. */
struct pinsched *pinsched_create(int rate, int burst, int64_t now);
void pinsched_set_limits(struct pinsched *, int rate, int burst);
void pinsched_get_limits(const struct pinsched *, int *rate, int *burst);
void pinsched_destroy(struct pinsched *);

/* True if 'msg' may go out now; otherwise it was taken into the queue
 * ('msg' left empty) or dropped. */
bool pinsched_admit(struct pinsched *, int64_t now, struct bytebuf *msg);
/* Moves the next queued packet-in whose token has come into 'msg': true,
 * or false if none may go yet. */
bool pinsched_next(struct pinsched *, int64_t now, struct bytebuf *msg);
/* Milliseconds until pinsched_next() has one, -1 if the queue is empty. */
int pinsched_timeout(const struct pinsched *, int64_t now);
void pinsched_get_stats(const struct pinsched *, struct pinsched_stats *);

#endif
