/* weir-dpctl: administers the datapaths that weir-vswitchd hosts, with
 * ovs-dpctl's commands and argument conventions.  Every command is sent to
 * the daemon's "dpctl/" family over its control socket; the daemon parses
 * the whole command line before touching a datapath, so a command with a
 * syntax error changes nothing.  Exit status: 0 success, 1 usage error or
 * no daemon, 2 the command failed (the daemon's message on stderr). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unixctl.h"
#include "xalloc.h"

static const char *const commands[] = {
	"add-dp", "del-dp", "dump-dps", "show", "add-if", "del-if",
	"dump-flows", "add-flow", "mod-flow", "del-flow", "get-flow",
	"del-flows", "add-meter", "del-meter", "dump-meters",
};

static void usage(void)
{
	printf("weir-dpctl: administers Weir datapaths\n"
	       "usage: weir-dpctl [OPTIONS] COMMAND [ARG...]\n"
	       "  add-dp DP [IFACE...]          add a datapath\n"
	       "  del-dp DP                     delete a datapath\n"
	       "  dump-dps                      list datapaths\n"
	       "  show [DP...]                  show datapaths and ports\n"
	       "  add-if DP IFACE[,type=TYPE][,port_no=N][,KEY=VALUE]...\n"
	       "                                add ports\n"
	       "  del-if DP IFACE...            delete ports\n"
	       "  dump-flows [DP] [type=TYPE] [pmd=N] [filter=MATCH]\n"
	       "                                print flows (MATCH in "
	       "ovs-ofctl syntax)\n"
	       "  add-flow [DP] FLOW ACTIONS    add a flow\n"
	       "  mod-flow [DP] FLOW ACTIONS    change a flow's actions\n"
	       "  del-flow [DP] FLOW            delete a flow\n"
	       "  get-flow [DP] ufid:UFID       print one flow\n"
	       "  del-flows [DP]                delete every flow\n"
	       "  add-meter [DP] ID [kbps|pktps] [burst] [stats] BAND...\n"
	       "                                add or replace a meter; BAND "
	       "is\n"
	       "      type=drop|dscp_remark,rate=N[,burst_size=N]"
	       "[,prec_level=N]\n"
	       "  del-meter [DP] ID             delete a meter (-s: its "
	       "counts)\n"
	       "  dump-meters [DP] [ID]         print meter counts\n"
	       "DP is [TYPE@]NAME (TYPE netdev by default); it may be left "
	       "out when only one\ndatapath exists.\n"
	       "Options:\n"
	       "  -s, --statistics    show: port statistics; mod-flow, "
	       "del-flow: the flow's\n"
	       "  -m, --more          more detail (dump-flows: every field, "
	       "ufid, where)\n"
	       "  --clear             mod-flow: zero the flow's statistics\n"
	       "  --may-create        mod-flow: add the flow if it is not "
	       "there\n"
	       "  --unixctl=PATH      the daemon's control socket\n"
	       "  -t, --target=TARGET daemon to contact, as weir-appctl\n"
	       "  -T, --timeout=SECS  give up after SECS seconds\n"
	       "  -h, --help          this help\n"
	       "  -V, --version       version\n");
	exit(0);
}

static __attribute__((noreturn)) void fail(const char *fmt, const char *arg)
{
	fprintf(stderr, "weir-dpctl: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

static bool known_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(name, commands[i]))
			return true;
	return false;
}

struct request {
	const char *socket;     /* NULL: from 'target' */
	const char *target;
	int timeout;
	char **args;            /* the options to forward, then the rest */
	int n;
};

static void add_arg(struct request *r, const char *arg)
{
	r->args = xrealloc(r->args, (r->n + 1) * sizeof *r->args);
	r->args[r->n++] = (char *)arg;
}

static void parse_options(int argc, char *argv[], struct request *r)
{
	enum { OPT_UNIXCTL = 256, OPT_CLEAR, OPT_MAY_CREATE, OPT_NAMES };
	static const struct option longopts[] = {
		{ "statistics", no_argument, NULL, 's' },
		{ "more", no_argument, NULL, 'm' },
		{ "clear", no_argument, NULL, OPT_CLEAR },
		{ "may-create", no_argument, NULL, OPT_MAY_CREATE },
		{ "names", no_argument, NULL, OPT_NAMES },
		{ "no-names", no_argument, NULL, OPT_NAMES },
		{ "unixctl", required_argument, NULL, OPT_UNIXCTL },
		{ "target", required_argument, NULL, 't' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	/* '+': options end at the command; later ones go to the daemon. */
	while ((c = getopt_long(argc, argv, "+smt:T:hV", longopts,
				NULL)) != -1) {
		switch (c) {
		case 's': case 'm': case OPT_CLEAR: case OPT_MAY_CREATE:
		case OPT_NAMES:
			add_arg(r, argv[optind - 1]);
			break;
		case OPT_UNIXCTL: r->socket = optarg; break;
		case 't': r->target = optarg; break;
		case 'T': r->timeout = unixctl_parse_timeout("weir-dpctl", optarg); break;
		case 'h': usage(); break;
		case 'V': puts("weir-dpctl (Weir) " PACKAGE_VERSION); exit(0);
		default: exit(1);
		}
	}
}

int main(int argc, char *argv[])
{
	struct request r = { .target = "weir-vswitchd", .timeout = -1 };

	parse_options(argc, argv, &r);
	if (optind >= argc)
		fail("%s", "a command is needed (use --help for help)");
	const char *cmd = argv[optind];
	if (!known_command(cmd))
		fail("unknown command \"%s\" (use --help for help)", cmd);
	for (int i = optind + 1; i < argc; i++)
		add_arg(&r, argv[i]);

	char *path = r.socket ? xstrdup(r.socket)
			      : unixctl_target_path(r.target);
	char *method = xasprintf("dpctl/%s", cmd);
	int rc = unixctl_client_run("weir-dpctl", path, method, r.n, r.args,
				    r.timeout);
	free(method);
	free(path);
	free(r.args);
	return rc;
}
