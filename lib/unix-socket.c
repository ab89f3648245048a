#include "unix-socket.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static int unix_socket_addr(const char *path, struct sockaddr_un *sun)
{
	memset(sun, 0, sizeof *sun);
	sun->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sun->sun_path)
		return -ENAMETOOLONG;
	strcpy(sun->sun_path, path);
	return 0;
}

int unix_socket_connect(const char *path)
{
	struct sockaddr_un sun;
	int error = unix_socket_addr(path, &sun);

	if (error)
		return error;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&sun, sizeof sun) < 0) {
		error = -errno;
		close(fd);
		return error;
	}
	return fd;
}

/* Removes a socket file left by a server that is gone. */
static int unix_socket_unlink_stale(const char *path)
{
	int fd = unix_socket_connect(path);

	if (fd >= 0) {
		close(fd);
		return -EADDRINUSE;
	}
	if (unlink(path) < 0 && errno != ENOENT)
		return -errno;
	return 0;
}

int unix_socket_listen(const char *path)
{
	struct sockaddr_un sun;
	int error = unix_socket_addr(path, &sun);

	if (!error)
		error = unix_socket_unlink_stale(path);
	if (error)
		return error;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
			0);
	if (fd < 0)
		return -errno;
	/* Only the owner may drive the daemon: the mode is set before the
	 * socket appears, so there is no window with a wider one. */
	mode_t old = umask(077);
	int rc = bind(fd, (struct sockaddr *)&sun, sizeof sun);
	umask(old);
	if (rc < 0 || listen(fd, 16) < 0) {
		error = -errno;
		close(fd);
		return error;
	}
	return fd;
}
