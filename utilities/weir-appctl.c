/* weir-appctl: runs one command in a running Weir daemon over its control
 * socket and prints the answer, as ovs-appctl does.  Exit status: 0 when
 * the command succeeded, 2 when the daemon reported an error (its message
 * on stderr), 1 when the daemon could not be reached. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unixctl.h"

static void usage(void)
{
	printf("weir-appctl: runs a command in a running Weir daemon\n"
	       "usage: weir-appctl [OPTIONS] COMMAND [ARG...]\n"
	       "The 'list-commands' command lists what a daemon accepts.\n"
	       "Options:\n"
	       "  -t, --target=TARGET  pid file name (in the run directory,\n"
	       "                       default weir-vswitchd) or socket path\n"
	       "  -T, --timeout=SECS   give up after SECS seconds\n"
	       "  -h, --help           this help\n"
	       "  -V, --version        version\n");
	exit(0);
}

int main(int argc, char *argv[])
{
	static const struct option options[] = {
		{ "target", required_argument, NULL, 't' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *target = "weir-vswitchd";
	int timeout = -1, c;

	/* '+': options end at the command, whose own arguments may look
	 * like options ("dpctl/dump-flows -m"). */
	while ((c = getopt_long(argc, argv, "+t:T:hV", options, NULL)) != -1) {
		switch (c) {
		case 't': target = optarg; break;
		case 'T': timeout = unixctl_parse_timeout("weir-appctl", optarg); break;
		case 'h': usage(); break;
		case 'V': puts("weir-appctl (Weir) " PACKAGE_VERSION); return 0;
		default: return 1;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "weir-appctl: at least one non-option argument "
			"is required (use --help for help)\n");
		return 1;
	}

	char *path = unixctl_target_path(target);
	int rc = unixctl_client_run("weir-appctl", path, argv[optind],
				    argc - optind - 1, argv + optind + 1,
				    timeout);
	free(path);
	return rc;
}
