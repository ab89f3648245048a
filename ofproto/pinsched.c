/* Packet-in token bucket with a bounded queue.  Tokens are counted in
 * thousandths so that a fraction of a packet's worth of time is never
 * lost between calls. */
#include "pinsched.h"

#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "xalloc.h"

struct pinsched {
	int rate, burst;		/* packets/s, packets */
	int64_t tokens;			/* packets * 1000 */
	int64_t last_fill;		/* ms */
	struct bytebuf queue[PINSCHED_QUEUE_MAX];
	size_t head, n;			/* ring of queued messages */
	struct pinsched_stats stats;
};

static void clamp_limits(int rate, int burst, int *r, int *b)
{
	*r = rate < PINSCHED_MIN_RATE ? PINSCHED_MIN_RATE : rate;
	*b = burst > 0 ? burst : *r / 4 > 0 ? *r / 4 : 1;
}

struct pinsched *pinsched_create(int rate, int burst, int64_t now)
{
	struct pinsched *ps;

	if (rate <= 0)
		return NULL;
	ps = xcalloc(1, sizeof *ps);
	clamp_limits(rate, burst, &ps->rate, &ps->burst);
	ps->tokens = (int64_t)ps->burst * 1000;
	ps->last_fill = now;
	return ps;
}

void pinsched_set_limits(struct pinsched *ps, int rate, int burst)
{
	clamp_limits(rate, burst, &ps->rate, &ps->burst);
	if (ps->tokens > (int64_t)ps->burst * 1000)
		ps->tokens = (int64_t)ps->burst * 1000;
}

void pinsched_get_limits(const struct pinsched *ps, int *rate, int *burst)
{
	*rate = ps->rate;
	*burst = ps->burst;
}

void pinsched_destroy(struct pinsched *ps)
{
	if (!ps)
		return;
	for (size_t i = 0; i < PINSCHED_QUEUE_MAX; i++)
		bytebuf_uninit(&ps->queue[i]);
	free(ps);
}

/* 'rate' packets a second is 'rate' thousandths of a token a millisecond. */
static void refill(struct pinsched *ps, int64_t now)
{
	int64_t max = (int64_t)ps->burst * 1000;

	if (now > ps->last_fill) {
		int64_t add = (now - ps->last_fill) * ps->rate;
		ps->tokens = add >= max - ps->tokens ? max : ps->tokens + add;
	}
	ps->last_fill = now;
}

static bool take_token(struct pinsched *ps)
{
	if (ps->tokens < 1000)
		return false;
	ps->tokens -= 1000;
	return true;
}

bool pinsched_admit(struct pinsched *ps, int64_t now, struct bytebuf *msg)
{
	refill(ps, now);
	if (!ps->n && take_token(ps)) {
		ps->stats.n_normal++;
		return true;
	}
	if (ps->n == PINSCHED_QUEUE_MAX) {
		ps->stats.n_dropped++;
		bytebuf_clear(msg);
		return false;
	}

	struct bytebuf *slot = &ps->queue[(ps->head + ps->n++) %
					  PINSCHED_QUEUE_MAX];
	struct bytebuf tmp = *slot;

	*slot = *msg;
	*msg = tmp;
	bytebuf_clear(msg);
	return false;
}

bool pinsched_next(struct pinsched *ps, int64_t now, struct bytebuf *msg)
{
	refill(ps, now);
	if (!ps->n || !take_token(ps))
		return false;

	struct bytebuf *slot = &ps->queue[ps->head];
	struct bytebuf tmp = *msg;

	*msg = *slot;
	*slot = tmp;
	bytebuf_clear(slot);
	ps->head = (ps->head + 1) % PINSCHED_QUEUE_MAX;
	ps->n--;
	ps->stats.n_queued++;
	return true;
}

int pinsched_timeout(const struct pinsched *ps, int64_t now)
{
	int64_t tokens, need;

	if (!ps->n)
		return -1;
	tokens = ps->tokens + (now > ps->last_fill
			       ? (now - ps->last_fill) * ps->rate : 0);
	if (tokens >= 1000)
		return 0;
	need = 1000 - tokens;
	return (int)((need + ps->rate - 1) / ps->rate);
}

void pinsched_get_stats(const struct pinsched *ps, struct pinsched_stats *s)
{
	*s = ps->stats;
	s->n_waiting = ps->n;
}
