#include "daemon-cli.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "coverage.h"
#include "daemon.h"
#include "dirs.h"
#include "log.h"
#include "memory.h"
#include "pidfile.h"
#include "poll-loop.h"
#include "privileges.h"
#include "unixctl.h"
#include "vlog.h"
#include "xalloc.h"

void daemon_cli_init(struct daemon_cli *cli, const char *program,
		     const char *usage)
{
	memset(cli, 0, sizeof *cli);
	cli->log_fd = -1;
	cli->program = program;
	cli->usage = usage;
}

static void print_usage(const struct daemon_cli *cli)
{
	printf("%s"
	       "  --detach            run in the background\n"
	       "  --pidfile[=FILE]    write a pid file (default "
	       "RUNDIR/%s.pid)\n"
	       "  --unixctl=PATH      control socket (default RUNDIR/%s.ctl)\n"
	       "  --log-file[=FILE]   log to FILE (default RUNDIR/%s.log)\n"
	       "  --user=USER[:GROUP] run as USER, keeping only the "
	       "capabilities needed\n"
	       "  --verbose[=SPEC]    set log levels (vlog/set syntax; "
	       "none: all dbg)\n"
	       "  -h, --help          this help\n"
	       "  -V, --version       version\n"
	       "RUNDIR is $WEIR_RUNDIR, else /var/run/weir.\n",
	       cli->usage, cli->program, cli->program, cli->program);
}

/* "<rundir>/<program><suffix>". */
static char *rundir_file(const struct daemon_cli *cli, const char *suffix)
{
	char *name = xasprintf("%s%s", cli->program, suffix);
	char *path = weir_rundir_file(name);

	free(name);
	return path;
}

char *daemon_cli_abs_path(const char *path)
{
	char *cwd, *abs;

	if (path[0] == '/' || !(cwd = getcwd(NULL, 0)))
		return xstrdup(path);
	abs = xasprintf("%s/%s", cwd, path);
	free(cwd);
	return abs;
}

static void set_path(char **slot, char *path)
{
	free(*slot);
	*slot = path;
}

static void set_verbose(const struct daemon_cli *cli, const char *spec)
{
	char *err;

	if (!spec) {
		vlog_set_all(LOG_DBG);
		return;
	}
	err = vlog_set_spec(spec);
	if (err)
		daemon_cli_die(cli, 0, "--verbose=%s: %s", spec, err);
}

void daemon_cli_option(struct daemon_cli *cli, int c, const char *arg)
{
	switch (c) {
	case DAEMON_OPT_DETACH:
		cli->detach = true;
		break;
	case DAEMON_OPT_PIDFILE:
		set_path(&cli->pidfile, arg ? daemon_cli_abs_path(arg)
					    : rundir_file(cli, ".pid"));
		break;
	case DAEMON_OPT_UNIXCTL:
		set_path(&cli->unixctl, daemon_cli_abs_path(arg));
		break;
	case DAEMON_OPT_LOG_FILE:
		set_path(&cli->log_file, arg ? daemon_cli_abs_path(arg)
					     : rundir_file(cli, ".log"));
		break;
	case DAEMON_OPT_USER:
		set_path(&cli->user, xstrdup(arg));
		break;
	case DAEMON_OPT_VERBOSE:
		set_verbose(cli, arg);
		break;
	case 'h':
		print_usage(cli);
		exit(0);
	case 'V':
		printf("%s (Weir) %s\n", cli->program, PACKAGE_VERSION);
		exit(0);
	default:
		exit(1);
	}
}

void daemon_cli_no_args(struct daemon_cli *cli, int argc, char *argv[])
{
	if (optind < argc) {
		fprintf(stderr, "%s: unexpected argument \"%s\"\n",
			cli->program, argv[optind]);
		exit(1);
	}
}

void daemon_cli_die(const struct daemon_cli *cli, int error,
		    const char *fmt, ...)
{
	va_list args;

	fprintf(stderr, "%s: ", cli->program);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	if (error)
		fprintf(stderr, " (%s)", strerror(-error));
	fputc('\n', stderr);
	exit(1);
}

static int cmd_exit(int argc, const char *argv[], FILE *out, void *loop)
{
	log_msg(LOG_INFO, "exit requested over the control socket");
	poll_loop_stop(loop);
	return 0;
}

static int cmd_version(int argc, const char *argv[], FILE *out, void *cli)
{
	fprintf(out, "%s (Weir) %s\n",
		((const struct daemon_cli *)cli)->program, PACKAGE_VERSION);
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
 * writes to a peer that went away fail with EPIPE instead of killing us. */
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

static void take_pidfile(struct daemon_cli *cli)
{
	pid_t owner;
	int error;

	if (!cli->pidfile)
		return;
	error = pidfile_create(cli->pidfile, &cli->pf, &owner);
	if (error == -EEXIST)
		daemon_cli_die(cli, 0, "%s: already running as pid %ld",
			       cli->pidfile, (long)owner);
	if (error)
		daemon_cli_die(cli, error, "%s: cannot create pid file",
			       cli->pidfile);
}

void daemon_cli_start(struct daemon_cli *cli)
{
	int error, sigfd;

	if (!cli->unixctl)
		cli->unixctl = rundir_file(cli, ".ctl");
	log_set_program(cli->program);
	sigfd = signals_fd();
	if (sigfd < 0)
		daemon_cli_die(cli, -errno, "signalfd");
	error = weir_rundir_create();
	if (error)
		log_msg(LOG_WARN, "%s: cannot create run directory (%s)",
			weir_rundir(), strerror(-error));
	if (cli->detach && (error = daemon_detach_start()))
		daemon_cli_die(cli, error, "cannot detach");
	take_pidfile(cli);
	/* Opened now: the daemon may not be allowed to once it drops
	 * privileges. */
	if (cli->detach || cli->log_file) {
		cli->log_fd = daemon_open_log(cli->log_file);
		if (cli->log_fd < 0)
			daemon_cli_die(cli, cli->log_fd, "%s: cannot open log",
				       cli->log_file ? cli->log_file
						     : "/dev/null");
	}
	cli->loop = poll_loop_create();
	poll_loop_add(cli->loop, sigfd, POLLIN, on_signal, cli->loop);
	error = unixctl_server_create(cli->unixctl, cli->loop, &cli->server);
	if (error)
		daemon_cli_die(cli, error, error == -EADDRINUSE
			       ? "%s: a daemon is listening there"
			       : "%s: cannot listen", cli->unixctl);
	unixctl_command_register(cli->server, "exit", "", 0, 0, cmd_exit,
				 cli->loop);
	unixctl_command_register(cli->server, "version", "", 0, 0,
				 cmd_version, cli);
	vlog_register_commands(cli->server);
	coverage_register_commands(cli->server, cli->loop);
	memory_register_commands(cli->server);
}

void daemon_cli_drop_privileges(struct daemon_cli *cli, const int caps[],
				size_t n)
{
	char err[512];
	int error = privileges_drop(cli->user, weir_rundir(), caps, n, err,
				    sizeof err);

	if (error)
		daemon_cli_die(cli, 0, "%s", err);
	if (cli->user)
		log_msg(LOG_INFO, "running as %s", cli->user);
}

void daemon_cli_ready(struct daemon_cli *cli)
{
	int error = 0;

	/* The file destination gets its own descriptor of the log file,
	 * which vlog/reopen can replace. */
	if (cli->log_file && cli->log_fd >= 0)
		vlog_set_log_file(cli->log_file,
				  fcntl(cli->log_fd, F_DUPFD_CLOEXEC, 3));
	if (cli->detach)
		error = daemon_detach_finish(cli->log_fd);
	else if (cli->log_fd >= 0)
		daemon_redirect_stderr(cli->log_fd);
	cli->log_fd = -1;
	if (error)
		daemon_cli_die(cli, error, "cannot detach");
}

void daemon_cli_finish(struct daemon_cli *cli)
{
	coverage_stop(cli->loop);
	vlog_close_log_file();
	unixctl_server_destroy(cli->server);
	pidfile_remove(cli->pf);
	poll_loop_destroy(cli->loop);
	free(cli->pidfile);
	free(cli->unixctl);
	free(cli->log_file);
	free(cli->user);
}
