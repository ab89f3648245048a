/* A poll()-based event loop for a daemon's main thread: file descriptors
 * with a callback each, run until someone asks the loop to stop.
 *
 * Callbacks may add and remove descriptors (their own included) while the
 * loop dispatches; a removed descriptor gets no further callback. */
#ifndef WEIR_POLL_LOOP_H
#define WEIR_POLL_LOOP_H 1

#include <stdbool.h>

struct poll_loop;

/* 'revents' as poll() reported them for 'fd'. */
typedef void poll_loop_cb(int fd, short revents, void *aux);

struct poll_loop *poll_loop_create(void);
void poll_loop_destroy(struct poll_loop *);

/* Watches 'fd' for 'events' (POLLIN, POLLOUT).  Returns 0 or -errno
 * (-EEXIST if 'fd' is watched already). */
int poll_loop_add(struct poll_loop *, int fd, short events,
		  poll_loop_cb *, void *aux);
/* Changes the events watched on 'fd'. */
void poll_loop_set_events(struct poll_loop *, int fd, short events);
void poll_loop_remove(struct poll_loop *, int fd);

/* Waits up to 'timeout_ms' (-1: forever) and dispatches what happened.
 * Returns the number of callbacks run, or -errno. */
int poll_loop_run_once(struct poll_loop *, int timeout_ms);

/* Runs until poll_loop_stop().  Returns 0, or -errno if poll() failed. */
int poll_loop_run(struct poll_loop *);
void poll_loop_stop(struct poll_loop *);
bool poll_loop_stopped(const struct poll_loop *);

#endif /* WEIR_POLL_LOOP_H */
