#include "daemon.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* The daemon's end of the pipe its starter waits on; -1 once used. */
static int daemon_ready_fd = -1;

/* In the original process: exits with the daemon's startup status. */
static void daemon_wait_ready(int fd, pid_t middle)
{
	char status = 1;
	ssize_t n;

	waitpid(middle, NULL, 0);
	do {
		n = read(fd, &status, 1);
	} while (n < 0 && errno == EINTR);
	_exit(n == 1 && status == 0 ? 0 : 1);
}

int daemon_detach_start(void)
{
	int fds[2];

	if (pipe2(fds, O_CLOEXEC) < 0)
		return -errno;
	pid_t pid = fork();
	if (pid < 0)
		return -errno;
	if (pid > 0) {
		close(fds[1]);
		daemon_wait_ready(fds[0], pid);
	}
	close(fds[0]);
	setsid();
	pid = fork();
	if (pid < 0)
		_exit(1);
	if (pid > 0)
		_exit(0);
	daemon_ready_fd = fds[1];
	return 0;
}

int daemon_open_log(const char *log_file)
{
	int fd = log_file ? open(log_file, O_WRONLY | O_CREAT | O_APPEND |
				 O_CLOEXEC, 0644)
			  : open("/dev/null", O_RDWR | O_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

void daemon_redirect_stderr(int log)
{
	dup2(log, STDERR_FILENO);
	close(log);
}

int daemon_detach_finish(int log)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	char ready = 0;

	if (null < 0)
		return -errno;
	if (chdir("/") < 0)
		return -errno;
	dup2(null, STDIN_FILENO);
	dup2(log, STDOUT_FILENO);
	dup2(log, STDERR_FILENO);
	close(null);
	close(log);
	if (daemon_ready_fd >= 0) {
		if (write(daemon_ready_fd, &ready, 1) != 1)
			return -errno;
		close(daemon_ready_fd);
		daemon_ready_fd = -1;
	}
	return 0;
}
