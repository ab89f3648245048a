/* weir-vswitchd: the daemon that hosts Weir's userspace datapaths and
 * answers its control socket (weir-appctl, weir-dpctl).
 *
 * Startup order matters: detach (fork) before any thread exists, take the
 * pid file in the final process (its lock does not survive fork), and only
 * then listen, so that a second daemon is refused before it touches the
 * first one's socket. */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>
#include <urcu.h>

#include "daemon.h"
#include "dirs.h"
#include "dpctl.h"
#include "log.h"
#include "pidfile.h"
#include "poll-loop.h"
#include "unixctl.h"
#include "xalloc.h"

#define PROGRAM "weir-vswitchd"

struct options {
	bool detach;
	char *pidfile;          /* NULL: none */
	char *unixctl;
	char *log_file;         /* NULL: stderr (foreground), /dev/null */
};

static void usage(void)
{
	printf(PROGRAM ": Weir switch daemon\n"
	       "usage: " PROGRAM " [OPTIONS]\n"
	       "  --detach            run in the background\n"
	       "  --pidfile[=FILE]    write a pid file (default "
	       "RUNDIR/" PROGRAM ".pid)\n"
	       "  --unixctl=PATH      control socket (default RUNDIR/"
	       PROGRAM ".ctl)\n"
	       "  --log-file[=FILE]   log to FILE (default RUNDIR/" PROGRAM
	       ".log)\n"
	       "  -h, --help          this help\n"
	       "  -V, --version       version\n"
	       "RUNDIR is $WEIR_RUNDIR, else /var/run/weir.\n");
	exit(0);
}

/* 'path' made absolute: a detached daemon moves to /, and still has to
 * find its pid file and socket to remove them. */
static char *abs_path(const char *path)
{
	char *cwd;

	if (path[0] == '/' || !(cwd = getcwd(NULL, 0)))
		return xstrdup(path);
	char *abs = xasprintf("%s/%s", cwd, path);
	free(cwd);
	return abs;
}

static void parse_options(int argc, char *argv[], struct options *o)
{
	enum { OPT_DETACH = 256, OPT_PIDFILE, OPT_UNIXCTL, OPT_LOG_FILE };
	static const struct option longopts[] = {
		{ "detach", no_argument, NULL, OPT_DETACH },
		{ "pidfile", optional_argument, NULL, OPT_PIDFILE },
		{ "unixctl", required_argument, NULL, OPT_UNIXCTL },
		{ "log-file", optional_argument, NULL, OPT_LOG_FILE },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DETACH: o->detach = true; break;
		case OPT_PIDFILE:
			o->pidfile = optarg ? abs_path(optarg)
				     : weir_rundir_file(PROGRAM ".pid");
			break;
		case OPT_UNIXCTL: o->unixctl = abs_path(optarg); break;
		case OPT_LOG_FILE:
			o->log_file = optarg ? abs_path(optarg)
				      : weir_rundir_file(PROGRAM ".log");
			break;
		case 'h': usage(); break;
		case 'V': puts(PROGRAM " (Weir) " PACKAGE_VERSION); exit(0);
		default: exit(1);
		}
	}
	if (optind < argc) {
		fprintf(stderr, PROGRAM ": unexpected argument \"%s\"\n",
			argv[optind]);
		exit(1);
	}
	if (!o->unixctl)
		o->unixctl = weir_rundir_file(PROGRAM ".ctl");
}

static void free_options(struct options *o)
{
	free(o->pidfile);
	free(o->unixctl);
	free(o->log_file);
}

static void die(const char *fmt, const char *arg, int error)
{
	fprintf(stderr, PROGRAM ": ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (%s)\n", strerror(-error));
	exit(1);
}

static int cmd_exit(int argc, const char *argv[], FILE *out, void *loop)
{
	log_msg(LOG_INFO, "exit requested over the control socket");
	poll_loop_stop(loop);
	return 0;
}

static int cmd_version(int argc, const char *argv[], FILE *out, void *aux)
{
	fputs(PROGRAM " (Weir) " PACKAGE_VERSION "\n", out);
	return 0;
}

static void on_signal(int fd, short revents, void *loop)
{
	struct signalfd_siginfo si;

	if (read(fd, &si, sizeof si) == sizeof si) {
		log_msg(LOG_INFO, "%s: exiting", strsignal(si.ssi_signo));
		poll_loop_stop(loop);
	}
}

/* SIGTERM and SIGINT become events of the loop (blocked first, so every
 * thread started later inherits the mask and none of them takes one);
 * writes to a client that went away fail with EPIPE instead of killing
 * us. */
static int signals_fd(void)
{
	sigset_t set;

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

static struct pidfile *take_pidfile(const char *path)
{
	struct pidfile *pf = NULL;
	pid_t owner;
	int error;

	if (!path)
		return NULL;
	error = pidfile_create(path, &pf, &owner);
	if (error == -EEXIST) {
		fprintf(stderr, PROGRAM ": %s: already running as pid %ld\n",
			path, (long)owner);
		exit(1);
	}
	if (error)
		die("%s: cannot create pid file", path, error);
	return pf;
}

static void register_commands(struct unixctl_server *server,
			      struct poll_loop *loop, struct dpctl *dpctl)
{
	unixctl_command_register(server, "exit", "", 0, 0, cmd_exit, loop);
	unixctl_command_register(server, "version", "", 0, 0, cmd_version,
				 NULL);
	dpctl_register_commands(dpctl, server);
}

/* Until the log can go where it was told: the terminal, for errors in
 * startup that whoever started us should see. */
static void start_logging(const struct options *o)
{
	int error = 0;

	if (o->detach)
		error = daemon_detach_finish(o->log_file);
	else if (o->log_file)
		error = daemon_redirect_stderr(o->log_file);
	if (error)
		die("%s: cannot open log", o->log_file ? o->log_file
							: "/dev/null", error);
}

int main(int argc, char *argv[])
{
	struct options o = { 0 };
	struct unixctl_server *server;
	int error, sigfd;

	parse_options(argc, argv, &o);
	log_set_program(PROGRAM);
	sigfd = signals_fd();
	if (sigfd < 0)
		die("%s", "signalfd", -errno);
	error = weir_rundir_create();
	if (error)
		log_msg(LOG_WARN, "%s: cannot create run directory (%s)",
			weir_rundir(), strerror(-error));
	if (o.detach && (error = daemon_detach_start()))
		die("%s", "cannot detach", error);
	rcu_register_thread();

	struct pidfile *pidfile = take_pidfile(o.pidfile);
	struct poll_loop *loop = poll_loop_create();
	struct dpctl *dpctl = dpctl_create();
	poll_loop_add(loop, sigfd, POLLIN, on_signal, loop);
	error = unixctl_server_create(o.unixctl, loop, &server);
	if (error)
		die(error == -EADDRINUSE ? "%s: a daemon is listening there"
					 : "%s: cannot listen", o.unixctl,
		    error);
	register_commands(server, loop, dpctl);
	start_logging(&o);
	log_msg(LOG_INFO, "%s started, listening on %s", PACKAGE_VERSION,
		o.unixctl);

	error = poll_loop_run(loop);
	if (error)
		log_msg(LOG_ERR, "poll: %s", strerror(-error));
	dpctl_destroy(dpctl);
	unixctl_server_destroy(server);
	pidfile_remove(pidfile);
	poll_loop_destroy(loop);
	rcu_unregister_thread();
	free_options(&o);
	log_msg(LOG_INFO, "exited");
	return error ? 1 : 0;
}
