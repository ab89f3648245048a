/* OVSDB locks (RFC 7047 sections 4.1.8 to 4.1.10): named, server-wide,
 * owned by one session at a time with the others queued in order of
 * asking.  The table only tracks; the caller sends the "locked" and
 * "stolen" notifications it is told about. */
#ifndef WEIR_DBD_LOCK_H
#define WEIR_DBD_LOCK_H 1

#include <stdbool.h>

struct dbd_locks;
struct dbd_session;

/* Called when 'session' gains lock 'name' (notify "locked") or loses it
 * to a thief (notify "stolen"). */
struct dbd_lock_events {
	void (*locked)(struct dbd_session *, const char *name);
	void (*stolen)(struct dbd_session *, const char *name);
};

struct dbd_locks *dbd_locks_create(const struct dbd_lock_events *);
void dbd_locks_destroy(struct dbd_locks *);

/* 0 if 'session' now owns 'name' (at once: the reply says locked true),
 * 1 if it waits (locked false, a "locked" notification comes later),
 * -EEXIST if it already owns it or waits for it. */
int dbd_lock_request(struct dbd_locks *, const char *name,
		     struct dbd_session *);
/* Takes 'name' from its owner (who gets "stolen" and keeps waiting for it
 * no more); -EEXIST if 'session' already owns or waits for it. */
int dbd_lock_steal(struct dbd_locks *, const char *name,
		   struct dbd_session *);
/* Gives 'name' up, or stops waiting for it; the next waiter gets it.
 * -ENOENT if 'session' neither owns nor waits for it. */
int dbd_lock_release(struct dbd_locks *, const char *name,
		     struct dbd_session *);
/* Every lock 'session' owns or waits for, as it goes away. */
void dbd_lock_release_all(struct dbd_locks *, struct dbd_session *);
/* True if 'session' owns or waits for 'name'. */
bool dbd_lock_involved(const struct dbd_locks *, const char *name,
		       const struct dbd_session *);
/* True if 'session' owns 'name' (a transaction's "assert"). */
bool dbd_lock_owned(const struct dbd_locks *, const char *name,
		    const struct dbd_session *);

#endif /* WEIR_DBD_LOCK_H */
