/* weir-vswitchd: the daemon that hosts Weir's userspace datapaths and
 * answers its control socket (weir-appctl, weir-dpctl).  Start-up follows
 * daemon-cli.h. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <urcu.h>

#include "daemon-cli.h"
#include "dpctl.h"
#include "log.h"
#include "poll-loop.h"

#define PROGRAM "weir-vswitchd"

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
