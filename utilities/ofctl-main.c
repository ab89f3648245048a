/* weir-ofctl's online commands: their options and dispatch. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "ofctl.h"
#include "ofp-fields.h"

static void add_sort(const char *field, bool descending)
{
	struct ofctl_sort *s;

	if (ofctl_opts.n_sorts >= OFCTL_MAX_SORTS)
		ofctl_fatal(0, "too many --sort and --rsort options");
	s = &ofctl_opts.sorts[ofctl_opts.n_sorts++];
	s->descending = descending;
	s->field = NULL;
	if (field && strcasecmp(field, "priority")) {
		s->field = mf_from_name(field, strlen(field));
		if (!s->field)
			ofctl_fatal(0, "%s: unknown field name", field);
	}
}

static const struct {
	const char *name;
	int format;		/* NXT_SET_PACKET_IN_FORMAT's number */
} packet_in_formats[] = {
	{ "standard", 0 }, { "openflow10", 0 }, { "nxt_packet_in", 1 },
	{ "nxm", 1 }, { "nxt_packet_in2", 2 },
};

static void set_timeout(const char *arg)
{
	char *end;
	long t = strtol(arg, &end, 10);

	if (*end || end == arg || t <= 0 || t > 86400 * 365)
		ofctl_fatal(0, "value %s on -t or --timeout is invalid", arg);
	ofctl_opts.timeout = t;
}

bool ofctl_option(int c, const char *arg)
{
	switch (c) {
	case OFCTL_OPT_STRICT: ofctl_opts.strict = true; return true;
	case OFCTL_OPT_NO_STATS: ofctl_opts.no_stats = true; return true;
	case OFCTL_OPT_SORT: add_sort(arg, false); return true;
	case OFCTL_OPT_RSORT: add_sort(arg, true); return true;
	case OFCTL_OPT_BUNDLE: ofctl_opts.bundle = true; return true;
	case OFCTL_OPT_READD: ofctl_opts.readd = true; return true;
	case OFCTL_OPT_NO_NAMES: ofctl_opts.no_names = true; return true;
	case 'm': ofctl_opts.verbosity++; return true;
	case 't': set_timeout(arg); return true;
	case 'P':
		for (size_t i = 0; i < sizeof packet_in_formats /
		     sizeof *packet_in_formats; i++)
			if (!strcasecmp(arg, packet_in_formats[i].name)) {
				ofctl_opts.packet_in_format =
					packet_in_formats[i].format;
				return true;
			}
		ofctl_fatal(0, "unknown packet-in format `%s'", arg);
	}
	return false;
}

/* What ovs-ofctl settles after reading its options. */
static void finish_options(uint32_t versions, uint32_t protocols)
{
	const uint32_t of13_up = 0x7u << OFP13_VERSION;

	if (ofctl_opts.n_sorts)
		add_sort("priority", true);
	/* --bundle needs 1.3+; without one allowed, it speaks 1.4. */
	if (ofctl_opts.bundle && !(versions & of13_up))
		versions = (versions | 1u << OFP14_VERSION) & of13_up;
	if (!(protocols & ofp_protocols_from_versions(versions))) {
		char names[128] = "";
		char *p = ofp_protocols_format(protocols);

		for (uint8_t v = OFP10_VERSION; v <= OFP15_VERSION; v++)
			if (versions & 1u << v)
				snprintf(names + strlen(names),
					 sizeof names - strlen(names),
					 "%sOpenFlow1%d", *names ? ", " : "",
					 v - 1);
		ofctl_fatal(0, "None of the enabled OpenFlow versions (%s) "
			    "supports any of the enabled flow formats (%s).  "
			    "(Use -O to enable additional OpenFlow versions or "
			    "-F to enable additional flow formats.)", names, p);
	}
	/* --timeout (or OVS_CTL_TIMEOUT) bounds the whole run: SIGALRM's
	 * default action ends it. */
	const char *env = getenv("OVS_CTL_TIMEOUT");
	if (!ofctl_opts.timeout && env && *env)
		ofctl_opts.timeout = atoi(env) > 0 ? atoi(env) : 0;
	if (ofctl_opts.timeout) {
		signal(SIGALRM, SIG_DFL);
		alarm(ofctl_opts.timeout);
	}
	ofctl_opts.versions = versions;
	ofctl_opts.protocols = protocols & ofp_protocols_from_versions(versions);
}

static const struct ofctl_command *const families[] = {
	ofctl_switch_commands, ofctl_flow_commands, ofctl_group_commands,
	ofctl_monitor_commands, ofctl_replace_commands,
};

bool ofctl_online_run(int argc, char *argv[], uint32_t versions,
		      uint32_t protocols)
{
	for (size_t f = 0; f < sizeof families / sizeof *families; f++)
		for (const struct ofctl_command *c = families[f]; c->name;
		     c++) {
			if (strcmp(c->name, argv[0]))
				continue;
			ofctl_check_args(argc, c->min_args, c->max_args,
					 c->name);
			finish_options(versions, protocols);
			c->handler(argc, argv);
			return true;
		}
	return false;
}

void ofctl_online_usage(void)
{
	printf("Switch commands (SWITCH is a bridge name, a socket path, or\n"
	       "unix:PATH, tcp:IP[:PORT], ssl:IP[:PORT]):\n"
	       "  show SWITCH                 features, ports and "
	       "configuration\n"
	       "  dump-desc SWITCH            switch description\n"
	       "  dump-tables SWITCH          table statistics\n"
	       "  dump-table-features SWITCH  table features\n"
	       "  dump-ports SWITCH [PORT]    port statistics\n"
	       "  dump-ports-desc SWITCH [PORT]\n"
	       "                              port descriptions\n"
	       "  mod-port SWITCH PORT ACTION up, down, [no-]flood, "
	       "[no-]receive...\n"
	       "  dump-flows SWITCH [FLOW]    flows matching FLOW\n"
	       "  dump-aggregate SWITCH [FLOW]\n"
	       "                              their aggregate statistics\n"
	       "  add-flow SWITCH FLOW        add a flow\n"
	       "  add-flows SWITCH FILE       add the flows in FILE (- for "
	       "stdin)\n"
	       "  mod-flows SWITCH FLOW       modify the actions of matching "
	       "flows\n"
	       "  del-flows SWITCH [FLOW]     delete matching flows\n"
	       "  replace-flows SWITCH FILE   make the flows those of FILE\n"
	       "  diff-flows SOURCE1 SOURCE2  differences between two flow "
	       "sets\n"
	       "  add-group(s), mod-group, del-groups, dump-groups, "
	       "dump-group-stats\n"
	       "  add-meter, mod-meter, del-meters, dump-meters, meter-stats"
	       "\n"
	       "  packet-out SWITCH PACKET-OUT\n"
	       "                              send a packet with actions\n"
	       "  monitor SWITCH [MISS-LEN]   print what the switch sends\n"
	       "  snoop SWITCH                print a controller "
	       "connection's traffic\n"
	       "Online options: --strict, --no-stats, --sort[=FIELD], "
	       "--rsort[=FIELD],\n"
	       "  --bundle, --readd, --no-names, -t/--timeout SECS, "
	       "-P/--packet-in-format FMT,\n"
	       "  -m/--more\n");
}
