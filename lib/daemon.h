/* Turning a foreground process into a daemon, in two steps, so that the
 * command that started it still learns whether startup worked:
 *
 *   daemon_detach_start()   forks twice (the middle process calls setsid()
 *                           and exits, so the daemon is no session leader
 *                           and can never regain a terminal); the original
 *                           process waits and exits 0 once the daemon
 *                           reports ready, 1 if it fails or dies first;
 *   daemon_detach_finish()  called by the daemon once it is serving:
 *                           reports ready, moves to /, and points stdio at
 *                           the log file or /dev/null.
 *
 * Fork before creating any thread: threads do not survive fork(). */
#ifndef WEIR_DAEMON_H
#define WEIR_DAEMON_H 1

/* Returns 0 in the daemon, or -errno if forking failed; never returns in
 * the original process. */
int daemon_detach_start(void);

/* Opens 'log_file' for appending (NULL: /dev/null), before privileges
 * are dropped: the fd, or -errno. */
int daemon_open_log(const char *log_file);

/* Points stdout and stderr at 'log' (from daemon_open_log(), taken), stdin
 * at /dev/null.  Returns 0 or -errno. */
int daemon_detach_finish(int log);

/* Points stderr (where logs go) at 'log', taken. */
void daemon_redirect_stderr(int log);

#endif /* WEIR_DAEMON_H */
