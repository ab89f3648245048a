/* weir-vswitchd: the daemon that hosts Weir's userspace datapaths and
 * answers its control socket (weir-appctl, weir-dpctl).  Start-up follows
 * daemon-cli.h. */
#include <getopt.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <urcu.h>

#include "daemon-cli.h"
#include "dpctl.h"
#include "log.h"
#include "poll-loop.h"

#define PROGRAM "weir-vswitchd"

/* What ports need after start-up: raw and AF_XDP sockets, links up and
 * promiscuous, XDP programs and their maps, locked UMEM memory. */
static const int keep_caps[] = {
	CAP_NET_ADMIN, CAP_NET_RAW, CAP_NET_BROADCAST, CAP_BPF,
	CAP_IPC_LOCK, CAP_SYS_RESOURCE,
};

static void parse_options(int argc, char *argv[], struct daemon_cli *cli)
{
	static const struct option longopts[] = {
		DAEMON_CLI_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1)
		daemon_cli_option(cli, c, optarg);
	daemon_cli_no_args(cli, argc, argv);
}

int main(int argc, char *argv[])
{
	struct daemon_cli cli;
	struct dpctl *dpctl;
	int error;

	daemon_cli_init(&cli, PROGRAM,
			PROGRAM ": Weir switch daemon\n"
			"usage: " PROGRAM " [OPTIONS]\n");
	parse_options(argc, argv, &cli);
	daemon_cli_start(&cli);
	daemon_cli_drop_privileges(&cli, keep_caps,
				   sizeof keep_caps / sizeof *keep_caps);
	rcu_register_thread();
	dpctl = dpctl_create();
	dpctl_register_commands(dpctl, cli.server);
	daemon_cli_ready(&cli);
	log_msg(LOG_INFO, "%s started, listening on %s", PACKAGE_VERSION,
		cli.unixctl);

	error = poll_loop_run(cli.loop);
	if (error)
		log_msg(LOG_ERR, "poll: %s", strerror(-error));
	dpctl_destroy(dpctl);
	daemon_cli_finish(&cli);
	rcu_unregister_thread();
	log_msg(LOG_INFO, "exited");
	return error ? 1 : 0;
}
