/* weir-vswitchd: the switch daemon.  It reads its configuration from the
 * database (weir-dbd, or any OVSDB server with Weir's schema) and runs each
 * configured bridge on a datapath, with its OpenFlow tables and
 * controllers; it also hosts datapaths made directly with weir-dpctl, and
 * answers weir-appctl.  Start-up follows daemon-cli.h.
 *
 *   weir-vswitchd [OPTIONS] [DATABASE]
 *
 * DATABASE defaults to unix:<rundir>/db.sock; "--no-database" runs the
 * datapaths alone. */
#include <errno.h>
#include <getopt.h>
#include <linux/capability.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <urcu.h>

#include "bridge.h"
#include "daemon-cli.h"
#include "dirs.h"
#include "dpbridge.h"
#include "dpctl.h"
#include "log.h"
#include "poll-loop.h"
#include "switch-ctl.h"
#include "vswitchd-ops.h"
#include "xalloc.h"

#define PROGRAM "weir-vswitchd"

enum { OPT_NO_DATABASE = 0x2000 };

/* What ports need after start-up: raw and AF_XDP sockets, links up and
 * promiscuous, XDP programs and their maps, locked UMEM memory. */
static const int keep_caps[] = {
	CAP_NET_ADMIN, CAP_NET_RAW, CAP_NET_BROADCAST, CAP_BPF,
	CAP_IPC_LOCK, CAP_SYS_RESOURCE,
};

static char *parse_options(int argc, char *argv[], struct daemon_cli *cli)
{
	static const struct option longopts[] = {
		{ "no-database", no_argument, NULL, OPT_NO_DATABASE },
		DAEMON_CLI_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	bool no_db = false;
	int c;

	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		if (c == OPT_NO_DATABASE)
			no_db = true;
		else
			daemon_cli_option(cli, c, optarg);
	}
	if (optind < argc - 1 || (no_db && optind < argc)) {
		fprintf(stderr, "%s: unexpected argument \"%s\"\n", PROGRAM,
			argv[argc - 1]);
		exit(1);
	}
	if (no_db)
		return NULL;
	return optind < argc ? xstrdup(argv[optind])
			     : xasprintf("unix:%s/db.sock", weir_rundir());
}

/* The database connection's socket wakes the loop; bridge_run() reads. */
struct db_watch {
	struct poll_loop *loop;
	int fd;
};

static void db_readable(int fd, short revents, void *aux)
{
	(void)fd;
	(void)revents;
	(void)aux;
}

static void db_watch_update(struct db_watch *w, int fd)
{
	if (fd == w->fd)
		return;
	if (w->fd >= 0)
		poll_loop_remove(w->loop, w->fd);
	w->fd = fd;
	if (fd >= 0 && poll_loop_add(w->loop, fd, POLLIN, db_readable, w))
		w->fd = -1;
}

static int min_timeout(int a, int b)
{
	return a < 0 ? b : b < 0 ? a : a < b ? a : b;
}

static int run(struct daemon_cli *cli, struct bridge *br)
{
	struct db_watch watch = { cli->loop, -1 };

	while (!poll_loop_stopped(cli->loop)) {
		int timeout = dpbridge_run_all();
		int error;

		if (br) {
			bridge_run(br);
			db_watch_update(&watch, bridge_fd(br));
			timeout = min_timeout(timeout, bridge_timeout_ms(br));
		}
		error = poll_loop_run_once(cli->loop, timeout);
		if (error < 0 && error != -EINTR)
			return error;
	}
	return 0;
}

int main(int argc, char *argv[])
{
	struct vswitchd_ops ops;
	struct daemon_cli cli;
	struct bridge *br = NULL;
	struct dpctl *dpctl;
	char *db;
	int error;

	daemon_cli_init(&cli, PROGRAM,
			PROGRAM ": Weir switch daemon\n"
			"usage: " PROGRAM " [OPTIONS] [DATABASE]\n"
			"DATABASE is unix:PATH, tcp:IP:PORT or ssl:IP:PORT "
			"(default: unix:RUNDIR/db.sock)\n"
			"  --no-database    run datapaths only (weir-dpctl)\n");
	db = parse_options(argc, argv, &cli);
	daemon_cli_start(&cli);
	daemon_cli_drop_privileges(&cli, keep_caps,
				   sizeof keep_caps / sizeof *keep_caps);
	rcu_register_thread();
	dpctl = dpctl_create();
	dpctl_register_commands(dpctl, cli.server);
	switch_ctl_register(cli.server);
	vswitchd_ops_init(&ops, cli.loop);
	if (db)
		br = bridge_create(db, &vswitchd_bridge_ops, &ops);
	daemon_cli_ready(&cli);
	log_msg(LOG_INFO, "%s started, listening on %s%s%s", PACKAGE_VERSION,
		cli.unixctl, db ? ", database " : "", db ? db : "");

	error = run(&cli, br);
	if (error)
		log_msg(LOG_ERR, "poll: %s", strerror(-error));
	bridge_destroy(br);
	dpbridge_destroy_all();
	vswitchd_ops_destroy(&ops);
	dpctl_destroy(dpctl);
	daemon_cli_finish(&cli);
	rcu_unregister_thread();
	free(db);
	log_msg(LOG_INFO, "exited");
	return error ? 1 : 0;
}
