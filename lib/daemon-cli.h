/* What every Weir daemon does the same way: the options --detach,
 * --pidfile, --unixctl, --log-file, --user, --verbose, -h and -V; the
 * start-up order (signals blocked and turned into loop events, run
 * directory, fork before any thread, pid file in the final process,
 * control socket, then "ready");
 * and the built-in control commands "exit", "version", vlog/..., coverage/...
 * and memory/show.
 *
 *   main()  daemon_cli_init()            program name and usage text
 *           getopt_long() with DAEMON_CLI_LONGOPTS appended to its own,
 *               passing unknown codes to daemon_cli_option()
 *           daemon_cli_start()           up to a listening control socket
 *           ...listen on what the daemon serves...
 *           daemon_cli_drop_privileges()
 *           daemon_cli_ready()           detached: the parent exits 0
 *           poll_loop_run()
 *           daemon_cli_finish() */
#ifndef WEIR_DAEMON_CLI_H
#define WEIR_DAEMON_CLI_H 1

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

struct poll_loop;
struct pidfile;
struct unixctl_server;

enum {
	DAEMON_OPT_DETACH = 0x1000,
	DAEMON_OPT_PIDFILE,
	DAEMON_OPT_UNIXCTL,
	DAEMON_OPT_LOG_FILE,
	DAEMON_OPT_USER,
	DAEMON_OPT_VERBOSE,
};

#define DAEMON_CLI_LONGOPTS						\
	{ "detach", no_argument, NULL, DAEMON_OPT_DETACH },		\
	{ "pidfile", optional_argument, NULL, DAEMON_OPT_PIDFILE },	\
	{ "unixctl", required_argument, NULL, DAEMON_OPT_UNIXCTL },	\
	{ "log-file", optional_argument, NULL, DAEMON_OPT_LOG_FILE },	\
	{ "user", required_argument, NULL, DAEMON_OPT_USER },		\
	{ "verbose", optional_argument, NULL, DAEMON_OPT_VERBOSE },	\
	{ "help", no_argument, NULL, 'h' },				\
	{ "version", no_argument, NULL, 'V' }

struct daemon_cli {
	const char *program;
	const char *usage;              /* the daemon's own lines of help */
	bool detach;
	char *pidfile;                  /* NULL: none */
	char *unixctl;
	char *log_file;                 /* NULL: stderr, or /dev/null detached */
	char *user;                     /* --user=USER[:GROUP], or NULL */
	int log_fd;                     /* opened at start, used once ready */
	struct pidfile *pf;
	struct poll_loop *loop;
	struct unixctl_server *server;
};

void daemon_cli_init(struct daemon_cli *, const char *program,
		     const char *usage);
/* Handles option 'c' (a DAEMON_OPT_*, 'h' or 'V'; anything else exits
 * with status 1, as getopt already said why). */
void daemon_cli_option(struct daemon_cli *, int c, const char *arg);
/* Exits with a message if arguments remain after options. */
void daemon_cli_no_args(struct daemon_cli *, int argc, char *argv[]);

/* 'path' made absolute (a detached daemon moves to /). */
char *daemon_cli_abs_path(const char *path);
/* Prints "PROGRAM: <fmt>" and exits 1; 'error' (a -errno) is appended
 * when not 0. */
void daemon_cli_die(const struct daemon_cli *, int error, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4), noreturn));

/* Runs the start-up sequence up to a listening control socket in
 * 'cli->server' and a loop in 'cli->loop'; exits on failure. */
void daemon_cli_start(struct daemon_cli *);
/* Keeps only caps[0..n) and becomes --user if given (privileges.h), or
 * exits saying why.  After daemon_cli_start(), before any thread. */
void daemon_cli_drop_privileges(struct daemon_cli *, const int caps[],
				size_t n);
/* Startup worked: logging goes where it was told, a detached daemon's
 * parent exits 0. */
void daemon_cli_ready(struct daemon_cli *);
void daemon_cli_finish(struct daemon_cli *);

#endif /* WEIR_DAEMON_CLI_H */
