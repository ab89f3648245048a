/* The control channel of a daemon, as ovs-appctl knows it: JSON-RPC on a
 * unix stream socket, where the method is a command name, the params its
 * string arguments, and the result the command's text output (or the error
 * its message).
 *
 * Server side: commands are registered by name with the number of
 * arguments they take; the server checks those before calling back, so a
 * command only ever sees argc within its bounds.  Client side: the target
 * resolution and one-shot transaction that weir-appctl and weir-dpctl use. */
#ifndef WEIR_UNIXCTL_H
#define WEIR_UNIXCTL_H 1

#include <stdio.h>

struct poll_loop;
struct unixctl_server;

/* A command: argv[0] is its name, argv[1..argc) its arguments.  It writes
 * its output to 'out' and returns 0, or writes a message to 'out' and
 * returns nonzero to fail with that message. */
typedef int unixctl_cb(int argc, const char *argv[], FILE *out, void *aux);

/* Listens on 'path' (replacing a stale socket, but not one that a live
 * server answers: -EADDRINUSE) and serves in 'loop'.  Registers
 * "list-commands".  Returns 0 or -errno. */
int unixctl_server_create(const char *path, struct poll_loop *loop,
			  struct unixctl_server **);
/* Closes every connection and removes the socket. */
void unixctl_server_destroy(struct unixctl_server *);
const char *unixctl_server_path(const struct unixctl_server *);

/* Registers 'name' ("dpctl/show"), described by 'usage' ("[-s] [DP...]")
 * in list-commands, taking 'min_args' to 'max_args' arguments. */
void unixctl_command_register(struct unixctl_server *, const char *name,
			      const char *usage, int min_args, int max_args,
			      unixctl_cb *, void *aux);

/* The socket path for an ovs-appctl style 'target': a path containing '/'
 * is taken as is; a name is looked for in the run directory as NAME.ctl,
 * then as NAME.PID.ctl with PID read from NAME.pid.  The caller frees. */
char *unixctl_target_path(const char *target);

/* Runs 'command' with 'args' on the server at 'path', waiting up to
 * 'timeout_ms' (-1: forever).  Returns 0 with the output in '*result' or
 * the server's error message in '*error' (one of them set, caller frees),
 * or -errno if no answer came, with a description in '*error'. */
int unixctl_client_transact(const char *path, const char *command,
			    int argc, char *const args[], int timeout_ms,
			    char **result, char **error);

/* A "--timeout" in seconds (0: none) as 'timeout_ms' above (-1: none).
 * Exits, after a message prefixed with 'program', if 's' is no number of
 * seconds up to a day. */
int unixctl_parse_timeout(const char *program, const char *s);

/* A command-line client's whole job: runs the command as above, prints the
 * output on stdout or the server's error on stderr, and returns the exit
 * status: 0, 2 for an error from the server, 1 (after a message prefixed
 * with 'program') if the server could not be reached. */
int unixctl_client_run(const char *program, const char *path,
		       const char *command, int argc, char *const args[],
		       int timeout_ms);

#endif /* WEIR_UNIXCTL_H */
