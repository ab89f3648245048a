/* The event loop: parallel arrays of pollfds and their callbacks.  Removal
 * while dispatching only marks a slot (fd = -1, which poll() ignores); the
 * arrays are compacted once dispatching is over, so indexes stay valid. */
#include "poll-loop.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>

struct poll_slot {
	poll_loop_cb *cb;
	void *aux;
};

struct poll_loop {
	struct pollfd *fds;
	struct poll_slot *slots;
	size_t n, cap;
	bool dispatching;
	bool stop;
};

struct poll_loop *poll_loop_create(void)
{
	return calloc(1, sizeof(struct poll_loop));
}

void poll_loop_destroy(struct poll_loop *loop)
{
	if (loop) {
		free(loop->fds);
		free(loop->slots);
		free(loop);
	}
}

static ssize_t poll_loop_find(const struct poll_loop *loop, int fd)
{
	for (size_t i = 0; i < loop->n; i++)
		if (loop->fds[i].fd == fd)
			return i;
	return -1;
}

static int poll_loop_grow(struct poll_loop *loop)
{
	size_t cap = loop->cap ? loop->cap * 2 : 8;
	struct pollfd *fds = realloc(loop->fds, cap * sizeof *fds);

	if (!fds)
		return -ENOMEM;
	loop->fds = fds;
	struct poll_slot *slots = realloc(loop->slots, cap * sizeof *slots);
	if (!slots)
		return -ENOMEM;
	loop->slots = slots;
	loop->cap = cap;
	return 0;
}

int poll_loop_add(struct poll_loop *loop, int fd, short events,
		  poll_loop_cb *cb, void *aux)
{
	if (fd < 0)
		return -EBADF;
	if (poll_loop_find(loop, fd) >= 0)
		return -EEXIST;
	if (loop->n == loop->cap) {
		int error = poll_loop_grow(loop);
		if (error)
			return error;
	}
	loop->fds[loop->n] = (struct pollfd){ .fd = fd, .events = events };
	loop->slots[loop->n] = (struct poll_slot){ .cb = cb, .aux = aux };
	loop->n++;
	return 0;
}

void poll_loop_set_events(struct poll_loop *loop, int fd, short events)
{
	ssize_t i = poll_loop_find(loop, fd);

	if (i >= 0)
		loop->fds[i].events = events;
}

static void poll_loop_compact(struct poll_loop *loop)
{
	size_t j = 0;

	for (size_t i = 0; i < loop->n; i++) {
		if (loop->fds[i].fd < 0)
			continue;
		loop->fds[j] = loop->fds[i];
		loop->slots[j] = loop->slots[i];
		j++;
	}
	loop->n = j;
}

void poll_loop_remove(struct poll_loop *loop, int fd)
{
	ssize_t i = poll_loop_find(loop, fd);

	if (i < 0)
		return;
	loop->fds[i].fd = -1;
	if (!loop->dispatching)
		poll_loop_compact(loop);
}

int poll_loop_run_once(struct poll_loop *loop, int timeout_ms)
{
	int n = poll(loop->fds, loop->n, timeout_ms);
	int ran = 0;

	if (n < 0)
		return errno == EINTR ? 0 : -errno;
	/* Descriptors added by callbacks land beyond 'n_before' and wait for
	 * the next round: their revents are not from this poll(). */
	size_t n_before = loop->n;
	loop->dispatching = true;
	for (size_t i = 0; i < n_before && n > 0; i++) {
		struct pollfd *p = &loop->fds[i];
		short revents = p->revents;

		p->revents = 0;
		if (p->fd < 0 || !revents)
			continue;
		n--;
		loop->slots[i].cb(p->fd, revents, loop->slots[i].aux);
		ran++;
	}
	loop->dispatching = false;
	poll_loop_compact(loop);
	return ran;
}

int poll_loop_run(struct poll_loop *loop)
{
	while (!loop->stop) {
		int error = poll_loop_run_once(loop, -1);
		if (error < 0)
			return error;
	}
	return 0;
}

void poll_loop_stop(struct poll_loop *loop)
{
	loop->stop = true;
}

bool poll_loop_stopped(const struct poll_loop *loop)
{
	return loop->stop;
}
