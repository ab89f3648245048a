#include "dbd-lock.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* A lock: its holders in order, the owner first.  Few locks, few waiters:
 * plain arrays are enough. */
struct dbd_lock {
	char *name;
	struct dbd_session **holders;
	size_t n, cap;
};

struct dbd_locks {
	const struct dbd_lock_events *ev;
	struct dbd_lock **locks;
	size_t n, cap;
};

struct dbd_locks *dbd_locks_create(const struct dbd_lock_events *ev)
{
	struct dbd_locks *t = xcalloc(1, sizeof *t);

	t->ev = ev;
	return t;
}

static void lock_free(struct dbd_lock *l)
{
	free(l->holders);
	free(l->name);
	free(l);
}

void dbd_locks_destroy(struct dbd_locks *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		lock_free(t->locks[i]);
	free(t->locks);
	free(t);
}

static struct dbd_lock *lock_find(const struct dbd_locks *t, const char *name,
				  size_t *idx)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->locks[i]->name, name)) {
			if (idx)
				*idx = i;
			return t->locks[i];
		}
	return NULL;
}

static struct dbd_lock *lock_get(struct dbd_locks *t, const char *name)
{
	struct dbd_lock *l = lock_find(t, name, NULL);

	if (l)
		return l;
	l = xcalloc(1, sizeof *l);
	l->name = xstrdup(name);
	t->locks = xgrow_n(t->locks, &t->cap, t->n + 1, sizeof *t->locks);
	t->locks[t->n++] = l;
	return l;
}

static long holder_index(const struct dbd_lock *l,
			 const struct dbd_session *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->holders[i] == s)
			return (long)i;
	return -1;
}

static void holder_insert(struct dbd_lock *l, size_t at,
			  struct dbd_session *s)
{
	l->holders = xgrow_n(l->holders, &l->cap, l->n + 1,
			     sizeof *l->holders);
	memmove(&l->holders[at + 1], &l->holders[at],
		(l->n - at) * sizeof *l->holders);
	l->holders[at] = s;
	l->n++;
}

static void holder_remove(struct dbd_lock *l, size_t at)
{
	memmove(&l->holders[at], &l->holders[at + 1],
		(l->n - at - 1) * sizeof *l->holders);
	l->n--;
}

int dbd_lock_request(struct dbd_locks *t, const char *name,
		     struct dbd_session *s)
{
	struct dbd_lock *l = lock_get(t, name);

	if (holder_index(l, s) >= 0)
		return -EEXIST;
	holder_insert(l, l->n, s);
	return l->n == 1 ? 0 : 1;
}

int dbd_lock_steal(struct dbd_locks *t, const char *name,
		   struct dbd_session *s)
{
	struct dbd_lock *l = lock_get(t, name);

	if (holder_index(l, s) >= 0)
		return -EEXIST;
	holder_insert(l, 0, s);
	/* The victim is no longer a holder at all (RFC 7047 4.1.9). */
	if (l->n > 1) {
		struct dbd_session *victim = l->holders[1];

		holder_remove(l, 1);
		t->ev->stolen(victim, name);
	}
	return 0;
}

/* Drops holder 'at' of lock 'idx'; a new owner hears of it. */
static void drop_holder(struct dbd_locks *t, size_t idx, size_t at)
{
	struct dbd_lock *l = t->locks[idx];

	holder_remove(l, at);
	if (at == 0 && l->n)
		t->ev->locked(l->holders[0], l->name);
	if (!l->n) {
		lock_free(l);
		t->locks[idx] = t->locks[--t->n];
	}
}

int dbd_lock_release(struct dbd_locks *t, const char *name,
		     struct dbd_session *s)
{
	size_t idx;
	struct dbd_lock *l = lock_find(t, name, &idx);
	long at = l ? holder_index(l, s) : -1;

	if (at < 0)
		return -ENOENT;
	drop_holder(t, idx, at);
	return 0;
}

void dbd_lock_release_all(struct dbd_locks *t, struct dbd_session *s)
{
	size_t i = 0;

	while (i < t->n) {
		long at = holder_index(t->locks[i], s);
		size_t before = t->n;

		if (at < 0) {
			i++;
			continue;
		}
		drop_holder(t, i, at);
		if (t->n == before)
			i++;
	}
}

bool dbd_lock_involved(const struct dbd_locks *t, const char *name,
		       const struct dbd_session *s)
{
	const struct dbd_lock *l = lock_find(t, name, NULL);

	return l && holder_index(l, s) >= 0;
}

bool dbd_lock_owned(const struct dbd_locks *t, const char *name,
		    const struct dbd_session *s)
{
	const struct dbd_lock *l = lock_find(t, name, NULL);

	return l && l->n && l->holders[0] == s;
}
