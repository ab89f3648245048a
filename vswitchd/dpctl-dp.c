/* dpctl commands on datapaths and their ports: add-dp, del-dp, dump-dps,
 * show (with -s, each port's counters), add-if, del-if; and their meters:
 * add-meter, del-meter, dump-meters (Open vSwitch's dpctl has none: these
 * follow ovs-ofctl's meter words and print its meter-stats fields). */
#include "dpctl-private.h"

#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dpif.h"
#include "xalloc.h"

/* A port as add-if gives it: "NAME[,type=TYPE][,port_no=N][,KEY=VALUE]...".
 * 'options' (NULL-terminated) point into 'buf'. */
struct dpctl_port_spec {
	char *buf;
	const char *name;
	const char *type;
	uint32_t port_no;
	const char *options[16];
};

static void dpctl_port_specs_free(struct dpctl_port_spec *specs, int n)
{
	for (int i = 0; i < n; i++)
		free(specs[i].buf);
	free(specs);
}

static int dpctl_parse_port_no(const char *s, uint32_t *port_no)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v >= DPIF_PORT_NONE)
		return -EINVAL;
	*port_no = v;
	return 0;
}

/* One "KEY=VALUE" of a port spec. */
static int dpctl_port_option(struct dpctl_port_spec *spec, char *opt,
			     size_t *n, FILE *out)
{
	char *eq = strchr(opt, '=');

	if (!eq || eq == opt) {
		fprintf(out, "%s: \"%s\": options are KEY=VALUE\n",
			spec->name, opt);
		return -EINVAL;
	}
	if (!strncmp(opt, "type=", 5)) {
		spec->type = eq + 1;
	} else if (!strncmp(opt, "port_no=", 8)) {
		if (dpctl_parse_port_no(eq + 1, &spec->port_no)) {
			fprintf(out, "%s: \"%s\": not a port number\n",
				spec->name, opt);
			return -EINVAL;
		}
	} else if (*n + 1 < sizeof spec->options / sizeof *spec->options) {
		spec->options[(*n)++] = opt;
	} else {
		fprintf(out, "%s: too many options\n", spec->name);
		return -EINVAL;
	}
	return 0;
}

static int dpctl_parse_port_spec(const char *s, struct dpctl_port_spec *spec,
				 FILE *out)
{
	size_t n = 0;
	char *save, *opt;

	memset(spec, 0, sizeof *spec);
	spec->buf = xstrdup(s);
	spec->port_no = DPIF_PORT_NONE;
	spec->name = strtok_r(spec->buf, ",", &save);
	if (!spec->name || s[0] == ',') {
		fprintf(out, "\"%s\": no interface name\n", s);
		return -EINVAL;
	}
	while ((opt = strtok_r(NULL, ",", &save)))
		if (dpctl_port_option(spec, opt, &n, out))
			return -EINVAL;
	return 0;
}

/* Parses every spec first, so that a bad one adds none. */
static struct dpctl_port_spec *dpctl_parse_port_specs(int n,
						      const char *const *s,
						      FILE *out)
{
	struct dpctl_port_spec *specs = xcalloc(n, sizeof *specs);

	for (int i = 0; i < n; i++) {
		if (dpctl_parse_port_spec(s[i], &specs[i], out)) {
			dpctl_port_specs_free(specs, i + 1);
			return NULL;
		}
	}
	return specs;
}

/* Adds the ports of 'specs' and frees them. */
static int dpctl_add_ports(struct dpif *dpif, struct dpctl_port_spec *specs,
			   int n, FILE *out)
{
	int error = 0;

	for (int i = 0; i < n && !error; i++) {
		uint32_t port_no = specs[i].port_no;
		error = dpif_port_add(dpif, specs[i].name, specs[i].type,
				      specs[i].options, &port_no);
		if (error)
			dpctl_error(out, dpif, error, specs[i].name);
	}
	dpctl_port_specs_free(specs, n);
	return error;
}

static void dpctl_hold(struct dpctl *dpctl, char *type, char *name,
		       struct dpif *dpif)
{
	dpctl->dps = xrealloc(dpctl->dps,
			      (dpctl->n_dps + 1) * sizeof *dpctl->dps);
	dpctl->dps[dpctl->n_dps++] = (struct dpctl_dp){
		.type = type, .name = name, .dpif = dpif,
	};
}

static void dpctl_unhold(struct dpctl *dpctl, struct dpif *dpif)
{
	for (size_t i = 0; i < dpctl->n_dps; i++) {
		struct dpctl_dp *dp = &dpctl->dps[i];
		if (dp->dpif != dpif)
			continue;
		free(dp->type);
		free(dp->name);
		*dp = dpctl->dps[--dpctl->n_dps];
		return;
	}
}

static int dpctl_add_dp(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpctl_port_spec *specs = NULL;
	struct dpctl_args a;
	struct dpif *dpif;
	char *type, *name;

	if (dpctl_parse_args(argc, argv, 0, 1, 16, &a, out))
		return -EINVAL;
	if (!dpctl_split_name(a.pos[0], &type, &name)) {
		fprintf(out, "\"%s\": not a datapath name ([TYPE@]NAME)\n",
			a.pos[0]);
		return -EINVAL;
	}
	if (a.n > 1 && !(specs = dpctl_parse_port_specs(a.n - 1, a.pos + 1,
							out)))
		goto error;
	int error = dpif_open(type, name, true, &dpif);
	if (error) {
		fprintf(out, "%s: %s\n", a.pos[0],
			error == -EEXIST ? "datapath exists"
			: error == -EAFNOSUPPORT ? "unknown datapath type"
			: strerror(-error));
		goto error;
	}
	dpctl_hold(aux, type, name, dpif);
	return specs ? dpctl_add_ports(dpif, specs, a.n - 1, out) : 0;

error:
	free(type);
	free(name);
	return -EINVAL;
}

static int dpctl_del_dp(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpctl_args a;
	struct dpif *dpif;

	if (dpctl_parse_args(argc, argv, 0, 1, 1, &a, out) ||
	    !(dpif = dpctl_open(aux, a.pos[0], out)))
		return -EINVAL;
	int error = dpif_destroy(dpif);
	if (error)
		dpctl_error(out, dpif, error, a.pos[0]);
	dpctl_unhold(aux, dpif);
	dpif_close(dpif);
	return error;
}

static int dpctl_add_if(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpctl_port_spec *specs;
	struct dpctl_args a;
	struct dpif *dpif;

	if (dpctl_parse_args(argc, argv, 0, 2, 16, &a, out) ||
	    !(specs = dpctl_parse_port_specs(a.n - 1, a.pos + 1, out)))
		return -EINVAL;
	if (!(dpif = dpctl_open(aux, a.pos[0], out))) {
		dpctl_port_specs_free(specs, a.n - 1);
		return -ENODEV;
	}
	int error = dpctl_add_ports(dpif, specs, a.n - 1, out);
	dpctl_release(aux, dpif);
	return error;
}

static int dpctl_del_if(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpctl_args a;
	struct dpif *dpif;
	int error = 0;

	if (dpctl_parse_args(argc, argv, 0, 2, 16, &a, out) ||
	    !(dpif = dpctl_open(aux, a.pos[0], out)))
		return -EINVAL;
	for (int i = 1; i < a.n && !error; i++) {
		struct dpif_port port;
		error = dpif_port_query_by_name(dpif, a.pos[i], &port);
		if (!error)
			error = dpif_port_del(dpif, port.port_no);
		if (error)
			dpctl_error(out, dpif, error, a.pos[i]);
	}
	dpctl_release(aux, dpif);
	return error;
}

static int dpctl_port_cmp(const void *a_, const void *b_)
{
	const struct dpif_port *a = a_, *b = b_;

	return a->port_no < b->port_no ? -1 : a->port_no > b->port_no;
}

struct dpctl_ports {
	struct dpif_port *ports;
	size_t n;
};

static int dpctl_collect_port(const struct dpif_port *port, void *ports_)
{
	struct dpctl_ports *ports = ports_;

	ports->ports = xrealloc(ports->ports,
				(ports->n + 1) * sizeof *ports->ports);
	ports->ports[ports->n++] = *port;
	return 0;
}

/* A counter as ovs-dpctl prints it, "?" if the datapath keeps none. */
static void dpctl_print_stat(FILE *out, const char *leader, uint64_t value)
{
	if (value == DPIF_STAT_UNKNOWN)
		fprintf(out, "%s?", leader);
	else
		fprintf(out, "%s%" PRIu64, leader, value);
}

/* A byte count of 1 KiB or more also in the largest binary unit it
 * reaches, up to TiB: " (1.5 KiB)". */
static void dpctl_print_size(FILE *out, uint64_t bytes)
{
	static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
	double value = (double)bytes;
	int unit = -1;

	if (bytes == DPIF_STAT_UNKNOWN)
		return;
	while (unit < 3 && value >= 1024) {
		value /= 1024;
		unit++;
	}
	if (unit >= 0)
		fprintf(out, " (%.1f %s)", value, units[unit]);
}

/* The counters of ovs-dpctl show -s, in its order, each after its leader
 * (a leader that starts with a newline starts a line). */
#define DPCTL_COUNTER(leader, field) \
	{ leader, offsetof(struct dpif_port_stats, field) }
static const struct {
	const char *leader;
	size_t ofs;
} dpctl_port_counters[] = {
	DPCTL_COUNTER("    RX packets:", rx_packets),
	DPCTL_COUNTER(" errors:", rx_errors),
	DPCTL_COUNTER(" dropped:", rx_dropped),
	DPCTL_COUNTER(" overruns:", rx_over_errors),
	DPCTL_COUNTER(" frame:", rx_frame_errors),
	DPCTL_COUNTER("\n    TX packets:", tx_packets),
	DPCTL_COUNTER(" errors:", tx_errors),
	DPCTL_COUNTER(" dropped:", tx_dropped),
	DPCTL_COUNTER(" aborted:", tx_aborted_errors),
	DPCTL_COUNTER(" carrier:", tx_carrier_errors),
	DPCTL_COUNTER("\n    collisions:", collisions),
};

/* The four lines ovs-dpctl show -s gives each port. */
static void dpctl_show_port_stats(struct dpif *dpif, uint32_t port_no,
				  FILE *out)
{
	struct dpif_port_stats s;
	const char *base = (const char *)&s;
	size_t i;

	if (dpif_port_get_stats(dpif, port_no, &s)) {
		fprintf(out, "    could not retrieve stats (%s)\n",
			dpif_last_error(dpif));
		return;
	}
	for (i = 0; i < sizeof dpctl_port_counters /
		    sizeof *dpctl_port_counters; i++)
		dpctl_print_stat(out, dpctl_port_counters[i].leader,
				 *(const uint64_t *)(base +
						     dpctl_port_counters[i].ofs));
	dpctl_print_stat(out, "\n    RX bytes:", s.rx_bytes);
	dpctl_print_size(out, s.rx_bytes);
	dpctl_print_stat(out, "  TX bytes:", s.tx_bytes);
	dpctl_print_size(out, s.tx_bytes);
	fputc('\n', out);
}

/* The ports of 'dpif', by number, as ovs-dpctl lists them: the type is
 * shown unless it is the ordinary "system"; with 'stats', each port's
 * counters under it. */
static int dpctl_show_ports(struct dpif *dpif, bool stats, FILE *out)
{
	struct dpctl_ports ports = { NULL, 0 };
	int error = dpif_port_dump(dpif, dpctl_collect_port, &ports);

	qsort(ports.ports, ports.n, sizeof *ports.ports, dpctl_port_cmp);
	for (size_t i = 0; i < ports.n; i++) {
		const struct dpif_port *p = &ports.ports[i];
		fprintf(out, "  port %u: %s", p->port_no, p->name);
		if (strcmp(p->type, "system"))
			fprintf(out, " (%s)", p->type);
		fputc('\n', out);
		if (stats)
			dpctl_show_port_stats(dpif, p->port_no, out);
	}
	free(ports.ports);
	return error;
}

static int dpctl_show_dp(struct dpif *dpif, bool stats, FILE *out)
{
	struct dpif_dp_stats st;
	int error = dpif_get_stats(dpif, &st);

	if (error)
		return dpctl_error(out, dpif, error, dpif->name);
	uint64_t packets = st.n_hit + st.n_missed;
	fprintf(out, "%s@%s:\n", dpif_type(dpif), dpif->name);
	fprintf(out, "  lookups: hit:%llu missed:%llu lost:%llu\n"
		"  flows: %llu\n"
		"  masks: hit:%llu total:%llu hit/pkt:%.2f\n",
		(unsigned long long)st.n_hit, (unsigned long long)st.n_missed,
		(unsigned long long)st.n_lost, (unsigned long long)st.n_flows,
		(unsigned long long)st.n_mask_hit,
		(unsigned long long)st.n_masks,
		packets ? (double)st.n_mask_hit / packets : 0.0);
	error = dpctl_show_ports(dpif, stats, out);
	return error ? dpctl_error(out, dpif, error, dpif->name) : 0;
}

static int dpctl_show_one(struct dpctl *dpctl, const char *name,
			  bool stats, FILE *out)
{
	struct dpif *dpif = dpctl_open(dpctl, name, out);

	if (!dpif)
		return -ENODEV;
	int error = dpctl_show_dp(dpif, stats, out);
	dpctl_release(dpctl, dpif);
	return error;
}

static int dpctl_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of every userspace datapath, sorted; NULL-terminated. */
static char **dpctl_all_dps(size_t *n)
{
	char **names = NULL;

	*n = 0;
	if (dpif_enumerate("netdev", &names, n) < 0)
		*n = 0;
	names = xrealloc(names, (*n + 1) * sizeof *names);
	names[*n] = NULL;
	qsort(names, *n, sizeof *names, dpctl_name_cmp);
	return names;
}

static void dpctl_free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int dpctl_show(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpctl_args a;
	int error = 0;
	size_t n;

	if (dpctl_parse_args(argc, argv, DPCTL_STATS | DPCTL_NAMES, 0, 16,
			     &a, out))
		return -EINVAL;
	bool stats = a.opts & DPCTL_STATS;
	for (int i = 0; i < a.n; i++)
		error = dpctl_show_one(aux, a.pos[i], stats, out) ?: error;
	if (a.n)
		return error;
	char **names = dpctl_all_dps(&n);
	for (size_t i = 0; i < n; i++)
		error = dpctl_show_one(aux, names[i], stats, out) ?: error;
	dpctl_free_names(names, n);
	return error;
}

static int dpctl_dump_dps(int argc, const char *argv[], FILE *out, void *aux)
{
	size_t n;
	char **names = dpctl_all_dps(&n);

	for (size_t i = 0; i < n; i++)
		fprintf(out, "netdev@%s\n", names[i]);
	dpctl_free_names(names, n);
	return 0;
}

/* ---- Meters. ---- */

/* One band: "type=drop|dscp_remark,rate=N[,burst_size=N][,prec_level=N]". */
static int dpctl_meter_band(const char *arg, struct meter_band_config *b,
			    FILE *out)
{
	char *buf = xstrdup(arg), *save = NULL, *kv;
	int error = 0;

	memset(b, 0, sizeof *b);
	for (kv = strtok_r(buf, ",", &save); kv && !error;
	     kv = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(kv, '=');
		uint32_t v = 0;

		if (eq)
			*eq++ = '\0';
		if (eq && !strcmp(kv, "type")) {
			b->type = !strcmp(eq, "drop") ? METER_BAND_DROP
				  : !strcmp(eq, "dscp_remark")
				  ? METER_BAND_DSCP_REMARK : 0;
			error = b->type ? 0 : -EINVAL;
		} else if (!eq || dpctl_parse_port_no(eq, &v)) {
			error = -EINVAL;
		} else if (!strcmp(kv, "rate")) {
			b->rate = v;
		} else if (!strcmp(kv, "burst_size")) {
			b->burst = v;
		} else if (!strcmp(kv, "prec_level") && v <= UINT8_MAX) {
			b->prec_level = (uint8_t)v;
		} else {
			error = -EINVAL;
		}
		if (error)
			fprintf(out, "add-meter: bad band \"%s\": \"%s\"\n", arg,
				kv);
	}
	if (!error && (!b->type || !b->rate)) {
		fprintf(out, "add-meter: band \"%s\" needs a type and a rate\n",
			arg);
		error = -EINVAL;
	}
	free(buf);
	return error;
}

static const struct {
	const char *word;
	uint32_t flag;
} dpctl_meter_flags[] = {
	{ "kbps", METER_F_KBPS }, { "pktps", METER_F_PKTPS },
	{ "burst", METER_F_BURST }, { "stats", METER_F_STATS },
};

static uint32_t dpctl_meter_flag(const char *word)
{
	for (size_t i = 0; i < sizeof dpctl_meter_flags /
				sizeof *dpctl_meter_flags; i++)
		if (!strcmp(word, dpctl_meter_flags[i].word))
			return dpctl_meter_flags[i].flag;
	return 0;
}

/* "[DP] ID ...": the datapath is there unless the first argument is a
 * number.  Returns the index after the id, or -EINVAL. */
static int dpctl_meter_id(const char *cmd, const struct dpctl_args *a,
			  const char **dp, uint32_t *id, FILE *out)
{
	int i = a->n > 1 && (a->pos[0][0] < '0' || a->pos[0][0] > '9');

	*dp = i ? a->pos[0] : NULL;
	if (i >= a->n || dpctl_parse_port_no(a->pos[i], id)) {
		fprintf(out, "%s: bad meter id \"%s\"\n", cmd,
			i < a->n ? a->pos[i] : "");
		return -EINVAL;
	}
	return i + 1;
}

static int dpctl_add_meter(int argc, const char *argv[], FILE *out,
			   void *aux)
{
	struct dpif_meter_config cfg;
	struct dpctl_args a;
	struct dpif *dpif;
	const char *dp;
	uint32_t id, flag;
	int i, error;

	memset(&cfg, 0, sizeof cfg);
	if (dpctl_parse_args(argc, argv, 0, 2, 16, &a, out))
		return -EINVAL;
	i = dpctl_meter_id(argv[0], &a, &dp, &id, out);
	if (i < 0)
		return i;
	for (; i < a.n && (flag = dpctl_meter_flag(a.pos[i])); i++)
		cfg.flags |= flag;
	for (; i < a.n; i++) {
		if (cfg.n_bands == METER_MAX_BANDS) {
			fprintf(out, "%s: more than %d bands\n", argv[0],
				METER_MAX_BANDS);
			return -EINVAL;
		}
		if (dpctl_meter_band(a.pos[i], &cfg.bands[cfg.n_bands++], out))
			return -EINVAL;
	}
	if (!cfg.n_bands) {
		fprintf(out, "%s: no band\n", argv[0]);
		return -EINVAL;
	}
	dpif = dpctl_open(aux, dp, out);
	if (!dpif)
		return -EINVAL;
	error = dpif_meter_set(dpif, id, &cfg);
	if (error)
		dpctl_error(out, dpif, error, argv[0]);
	dpctl_release(aux, dpif);
	return error;
}

static void dpctl_meter_print(FILE *out, uint32_t id,
			      const struct dpif_meter_stats *s)
{
	fprintf(out, "meter:%"PRIu32" packet_in_count:%"PRIu64
		" byte_in_count:%"PRIu64" bands:\n", id, s->packet_in_count,
		s->byte_in_count);
	for (uint32_t i = 0; i < s->n_bands && i < METER_MAX_BANDS; i++)
		fprintf(out, "%"PRIu32": packet_count:%"PRIu64
			" byte_count:%"PRIu64"\n", i, s->bands[i].n_packets,
			s->bands[i].n_bytes);
}

/* del-meter [DP] ID (printing its last counts with -s), and
 * dump-meters [DP] [ID]. */
static int dpctl_meter_cmd(int argc, const char *argv[], FILE *out,
			   void *aux, bool del)
{
	struct dpif_meter_features f;
	struct dpif_meter_stats s;
	struct dpctl_args a;
	struct dpif *dpif;
	const char *dp = NULL;
	uint32_t id = 0;
	bool all;
	int error;

	if (dpctl_parse_args(argc, argv, del ? DPCTL_STATS : 0, del ? 1 : 0,
			     2, &a, out))
		return -EINVAL;
	all = !del && (a.n == 0 || (a.n == 1 && (a.pos[0][0] < '0' ||
						 a.pos[0][0] > '9')));
	if (all)
		dp = a.n ? a.pos[0] : NULL;
	else if (dpctl_meter_id(argv[0], &a, &dp, &id, out) != a.n)
		return -EINVAL;
	dpif = dpctl_open(aux, dp, out);
	if (!dpif)
		return -EINVAL;
	if (del) {
		error = dpif_meter_del(dpif, id, &s);
		if (!error && (a.opts & DPCTL_STATS))
			dpctl_meter_print(out, id, &s);
	} else if (!all) {
		error = dpif_meter_get(dpif, id, &s);
		if (!error)
			dpctl_meter_print(out, id, &s);
	} else {
		error = dpif_meter_features(dpif, &f);
		for (id = 0; !error && id < f.max_meters; id++)
			if (!dpif_meter_get(dpif, id, &s))
				dpctl_meter_print(out, id, &s);
	}
	if (error)
		dpctl_error(out, dpif, error, argv[0]);
	dpctl_release(aux, dpif);
	return error;
}

static int dpctl_del_meter(int argc, const char *argv[], FILE *out,
			   void *aux)
{
	return dpctl_meter_cmd(argc, argv, out, aux, true);
}

static int dpctl_dump_meters(int argc, const char *argv[], FILE *out,
			     void *aux)
{
	return dpctl_meter_cmd(argc, argv, out, aux, false);
}

void dpctl_register_dp_commands(struct dpctl *dpctl,
				struct unixctl_server *server)
{
	unixctl_command_register(server, "dpctl/add-dp", "DP [IFACE...]",
				 1, 16, dpctl_add_dp, dpctl);
	unixctl_command_register(server, "dpctl/del-dp", "DP", 1, 1,
				 dpctl_del_dp, dpctl);
	unixctl_command_register(server, "dpctl/dump-dps", "", 0, 0,
				 dpctl_dump_dps, dpctl);
	unixctl_command_register(server, "dpctl/show", "[-s] [DP...]", 0, 17,
				 dpctl_show, dpctl);
	unixctl_command_register(server, "dpctl/add-if",
				 "DP IFACE[,type=TYPE][,port_no=N]"
				 "[,KEY=VALUE]...", 2, 16, dpctl_add_if,
				 dpctl);
	unixctl_command_register(server, "dpctl/del-if", "DP IFACE...", 2, 16,
				 dpctl_del_if, dpctl);
	unixctl_command_register(server, "dpctl/add-meter",
				 "[DP] ID [kbps|pktps] [burst] [stats] "
				 "type=TYPE,rate=N[,burst_size=N]"
				 "[,prec_level=N]...", 2, 16, dpctl_add_meter,
				 dpctl);
	unixctl_command_register(server, "dpctl/del-meter", "[-s] [DP] ID",
				 1, 3, dpctl_del_meter, dpctl);
	unixctl_command_register(server, "dpctl/dump-meters", "[DP] [ID]",
				 0, 2, dpctl_dump_meters, dpctl);
}
