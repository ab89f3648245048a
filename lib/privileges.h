/* A daemon's privileges after start-up: only the capabilities it names,
 * and, with --user, another user's identity (libcap-ng).  Call it before
 * the daemon starts any thread: capabilities are per thread, and threads
 * started later inherit the reduced set. */
#ifndef WEIR_PRIVILEGES_H
#define WEIR_PRIVILEGES_H 1

#include <stddef.h>

/* Keeps those of caps[0..n) (CAP_* numbers) the process has and drops every
 * other capability, and clears the bounding set; with 'user' ("USER" or "USER:GROUP",
 * may be NULL) also switches to that user and its group (or GROUP), with
 * no supplementary groups, after giving it 'run_dir' (where the daemon
 * removes its pid file and sockets at exit).  Returns 0, or -errno with
 * the reason in 'err' (unknown user or group, not permitted). */
int privileges_drop(const char *user, const char *run_dir, const int caps[],
		    size_t n, char *err, size_t err_size);

#endif /* WEIR_PRIVILEGES_H */
