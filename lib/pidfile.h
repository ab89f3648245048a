/* A daemon's pid file, held locked for as long as the daemon runs: the
 * lock, not the file's existence, tells a live owner from a stale file
 * left by a crash. */
#ifndef WEIR_PIDFILE_H
#define WEIR_PIDFILE_H 1

#include <sys/types.h>

struct pidfile;

/* Writes this process's pid to 'path' and locks it.  Returns 0, or -EEXIST
 * with the owner's pid in '*owner' if a live process holds it, or -errno. */
int pidfile_create(const char *path, struct pidfile **, pid_t *owner);
/* Removes the file and releases the lock. */
void pidfile_remove(struct pidfile *);

#endif /* WEIR_PIDFILE_H */
