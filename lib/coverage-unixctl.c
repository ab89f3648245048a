/* coverage/show, coverage/read-counter and the sampling timer, apart from
 * coverage.c so that a program that only counts does not link the control
 * channel. */
#include "coverage.h"

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "poll-loop.h"
#include "unixctl.h"

static int timer_fd = -1;

static int cmd_show(int argc, const char *argv[], FILE *out, void *aux)
{
	char *s = coverage_show();

	fputs(s, out);
	free(s);
	return 0;
}

static int cmd_read_counter(int argc, const char *argv[], FILE *out,
			    void *aux)
{
	const struct coverage_counter *c = coverage_find(argv[1]);

	if (!c) {
		fputs("No such counter", out);
		return 1;
	}
	fprintf(out, "%llu\n", coverage_read(c));
	return 0;
}

static void on_timer(int fd, short revents, void *aux)
{
	uint64_t expirations;

	/* Missed ticks (a busy loop) count as one longer sample. */
	if (read(fd, &expirations, sizeof expirations) == sizeof expirations)
		coverage_sample();
}

void coverage_register_commands(struct unixctl_server *server,
				struct poll_loop *loop)
{
	struct itimerspec its = {
		.it_interval = { COVERAGE_INTERVAL_MS / 1000, 0 },
		.it_value = { COVERAGE_INTERVAL_MS / 1000, 0 },
	};

	unixctl_command_register(server, "coverage/show", "", 0, 0, cmd_show,
				 NULL);
	unixctl_command_register(server, "coverage/read-counter", "COUNTER",
				 1, 1, cmd_read_counter, NULL);
	timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (timer_fd >= 0 && (timerfd_settime(timer_fd, 0, &its, NULL)
			      || poll_loop_add(loop, timer_fd, POLLIN,
					       on_timer, NULL))) {
		close(timer_fd);
		timer_fd = -1;
	}
}

void coverage_stop(struct poll_loop *loop)
{
	if (timer_fd < 0)
		return;
	poll_loop_remove(loop, timer_fd);
	close(timer_fd);
	timer_fd = -1;
}
