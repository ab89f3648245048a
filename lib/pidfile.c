#include "pidfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

struct pidfile {
	char *path;
	int fd;
};

/* The pid of the process holding a lock on 'fd', or 0. */
static pid_t pidfile_owner(int fd)
{
	struct flock lk = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

	if (fcntl(fd, F_GETLK, &lk) < 0 || lk.l_type == F_UNLCK)
		return 0;
	return lk.l_pid;
}

static int pidfile_lock(int fd, pid_t *owner)
{
	struct flock lk = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

	if (!fcntl(fd, F_SETLK, &lk))
		return 0;
	if (errno != EAGAIN && errno != EACCES)
		return -errno;
	*owner = pidfile_owner(fd);
	return -EEXIST;
}

static int pidfile_write(int fd)
{
	char buf[32];
	int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());

	if (ftruncate(fd, 0) < 0 || pwrite(fd, buf, n, 0) != n ||
	    fsync(fd) < 0)
		return -errno;
	return 0;
}

int pidfile_create(const char *path, struct pidfile **pfp, pid_t *owner)
{
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	int error;

	*pfp = NULL;
	*owner = 0;
	if (fd < 0)
		return -errno;
	error = pidfile_lock(fd, owner);
	if (!error)
		error = pidfile_write(fd);
	if (error) {
		close(fd);
		return error;
	}
	struct pidfile *pf = xcalloc(1, sizeof *pf);
	pf->path = xstrdup(path);
	pf->fd = fd;
	*pfp = pf;
	return 0;
}

void pidfile_remove(struct pidfile *pf)
{
	if (!pf)
		return;
	/* Unlinked before unlocking, so nobody sees our pid unlocked. */
	unlink(pf->path);
	close(pf->fd);
	free(pf->path);
	free(pf);
}
