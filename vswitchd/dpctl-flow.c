/* dpctl commands on flows: dump-flows, add-flow, mod-flow, del-flow,
 * get-flow, del-flows.  Flows are written in the ovs-dpctl syntax: an
 * optional "ufid:UFID," then the key (with masks), and the actions as a
 * separate argument. */
#include "dpctl-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dpif.h"
#include "dpctl-flow-text.h"
#include "flow-netlink.h"
#include "of-flow-key.h"
#include "odp-actions-text.h"
#include "odp-key-text.h"
#include "xalloc.h"

/* Room for the longest key, mask and action list netlink can carry. */
#define DPCTL_KEY_MAX 4096
#define DPCTL_ACTIONS_MAX 65536

/* A flow as a command gives it. */
struct dpctl_flow {
	struct nlbuf key, mask, actions;
	struct flow_ufid ufid;
	bool has_ufid;
	bool has_key;
	u32 mem[(2 * DPCTL_KEY_MAX + DPCTL_ACTIONS_MAX) / 4];
};

static struct dpctl_flow *dpctl_flow_new(void)
{
	struct dpctl_flow *f = xcalloc(1, sizeof *f);

	nlbuf_init(&f->key, f->mem, DPCTL_KEY_MAX);
	nlbuf_init(&f->mask, f->mem + DPCTL_KEY_MAX / 4, DPCTL_KEY_MAX);
	nlbuf_init(&f->actions, f->mem + 2 * DPCTL_KEY_MAX / 4,
		   DPCTL_ACTIONS_MAX);
	return f;
}

/* Parses "[ufid:UFID][,] [KEY]" and, if 'actions' is nonnull, the
 * actions.  A flow that 'names' one already there (get, delete) may be
 * just a UFID; its key is the one it was installed with.  Returns the flow, or NULL
 * after naming the bad token in 'out'. */
static struct dpctl_flow *dpctl_flow_parse(const char *cmd, const char *s,
					   const char *actions, bool names,
					   FILE *out)
{
	struct dpctl_flow *f = dpctl_flow_new();
	char err[256];
	int n = dpctl_ufid_parse(s, &f->ufid, err, sizeof err);

	if (n < 0)
		goto error;
	f->has_ufid = n > 0;
	s += n;
	s += strspn(s, ", \t");
	f->has_key = *s != '\0';
	if (!f->has_key && !(names && f->has_ufid)) {
		snprintf(err, sizeof err, "a flow key is needed");
		goto error;
	}
	if (f->has_key && odp_key_parse(s, &f->key, &f->mask, err,
					sizeof err))
		goto error;
	if (actions && odp_actions_parse(actions, &f->actions, err,
					 sizeof err))
		goto error;
	return f;

error:
	fprintf(out, "%s: %s\n", cmd, err);
	free(f);
	return NULL;
}

/* The flow and datapath of "[DP] FLOW [ACTIONS]": 'n_flow' is how many
 * positional arguments the flow takes (1 or 2); the datapath is there if
 * one more was given.  Parses before opening, so bad syntax touches no
 * datapath. */
static struct dpif *dpctl_flow_target(struct dpctl *dpctl, const char *cmd,
				      const struct dpctl_args *a, int n_flow,
				      bool names, struct dpctl_flow **fp,
				      FILE *out)
{
	int first = a->n - n_flow;
	const char *dp = first ? a->pos[0] : NULL;

	*fp = dpctl_flow_parse(cmd, a->pos[first],
			       n_flow > 1 ? a->pos[first + 1] : NULL,
			       names, out);
	if (!*fp)
		return NULL;
	struct dpif *dpif = dpctl_open(dpctl, dp, out);
	if (!dpif) {
		free(*fp);
		*fp = NULL;
	}
	return dpif;
}

static const struct flow_ufid *dpctl_flow_ufid(const struct dpctl_flow *f)
{
	return f->has_ufid ? &f->ufid : NULL;
}

/* Ends a flow command: reports 'error', or prints 'stats' if given, and
 * lets go of the datapath and the flow. */
static int dpctl_flow_done(struct dpctl *dpctl, const char *cmd,
			   struct dpif *dpif, struct dpctl_flow *f, int error,
			   const struct dpif_flow_stats *stats, FILE *out)
{
	if (error)
		dpctl_error(out, dpif, error, cmd);
	else if (stats)
		dpctl_stats_print_line(out, stats);
	dpctl_release(dpctl, dpif);
	free(f);
	return error;
}

static int dpctl_put(struct dpctl *dpctl, const char *cmd,
		     const struct dpctl_args *a, enum dpif_flow_put_flags flags,
		     FILE *out)
{
	struct dpif_flow_stats old = { 0 };
	struct dpctl_flow *f;
	struct dpif *dpif = dpctl_flow_target(dpctl, cmd, a, 2, false, &f,
					      out);

	if (!dpif)
		return -EINVAL;
	int error = dpif_flow_put(dpif, flags, f->key.data, f->key.size,
				  f->mask.data, f->mask.size, f->actions.data,
				  f->actions.size, dpctl_flow_ufid(f), &old);
	return dpctl_flow_done(dpctl, cmd, dpif, f, error,
			       a->opts & DPCTL_STATS ? &old : NULL, out);
}

static int dpctl_add_flow(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpctl_args a;

	if (dpctl_parse_args(argc, argv, 0, 2, 3, &a, out))
		return -EINVAL;
	return dpctl_put(aux, argv[0], &a, DPIF_FP_CREATE, out);
}

static int dpctl_mod_flow(int argc, const char *argv[], FILE *out, void *aux)
{
	enum dpif_flow_put_flags flags = DPIF_FP_MODIFY;
	struct dpctl_args a;

	if (dpctl_parse_args(argc, argv, DPCTL_STATS | DPCTL_CLEAR |
			     DPCTL_MAY_CREATE, 2, 3, &a, out))
		return -EINVAL;
	if (a.opts & DPCTL_MAY_CREATE)
		flags |= DPIF_FP_CREATE;
	if (a.opts & DPCTL_CLEAR)
		flags |= DPIF_FP_ZERO_STATS;
	return dpctl_put(aux, argv[0], &a, flags, out);
}

static int dpctl_del_flow(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpif_flow_stats stats = { 0 };
	struct dpctl_args a;
	struct dpctl_flow *f;
	struct dpif *dpif;

	if (dpctl_parse_args(argc, argv, DPCTL_STATS, 1, 2, &a, out) ||
	    !(dpif = dpctl_flow_target(aux, argv[0], &a, 1, true, &f, out)))
		return -EINVAL;
	int error = dpif_flow_del(dpif, f->has_key ? f->key.data : NULL,
				  f->key.size, dpctl_flow_ufid(f), &stats);
	return dpctl_flow_done(aux, argv[0], dpif, f, error,
			       a.opts & DPCTL_STATS ? &stats : NULL, out);
}

static int dpctl_get_flow(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpctl_args a;
	struct dpctl_flow *f;
	struct dpif_flow flow;
	struct dpif *dpif;
	void *buf = NULL;

	if (dpctl_parse_args(argc, argv, DPCTL_MORE | DPCTL_NAMES, 1, 2, &a,
			     out) ||
	    !(dpif = dpctl_flow_target(aux, argv[0], &a, 1, true, &f, out)))
		return -EINVAL;
	int error = dpif_flow_get(dpif, f->has_key ? f->key.data : NULL,
				  f->key.size, dpctl_flow_ufid(f), &flow, &buf);
	if (!error)
		dpctl_flow_print(out, &flow, a.opts & DPCTL_MORE);
	free(buf);
	return dpctl_flow_done(aux, argv[0], dpif, f, error, NULL, out);
}

static int dpctl_del_flows(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpctl_args a;
	struct dpif *dpif;

	if (dpctl_parse_args(argc, argv, 0, 0, 1, &a, out) ||
	    !(dpif = dpctl_open(aux, a.n ? a.pos[0] : NULL, out)))
		return -EINVAL;
	return dpctl_flow_done(aux, argv[0], dpif, NULL, dpif_flow_flush(dpif),
			       NULL, out);
}

/* What dump-flows shows: its "type=", "pmd=" and "filter=" filters. */
struct dpctl_dump {
	FILE *out;
	bool more;
	unsigned int homes;     /* 1 << enum dpif_flow_home */
	bool offloaded, not_offloaded;
	bool by_pmd;
	int pmd;
	bool by_match;
	struct of_match match;  /* "filter=", in ovs-ofctl match syntax */
};

static int dpctl_dump_type(struct dpctl_dump *d, char *types, FILE *out)
{
	char *save, *t;

	for (t = strtok_r(types, ",", &save); t;
	     t = strtok_r(NULL, ",", &save)) {
		if (!strcmp(t, "ovs"))
			d->homes |= 1 << DPIF_FLOW_DP;
		else if (!strcmp(t, "tc"))
			d->homes |= 1 << DPIF_FLOW_TC | 1 << DPIF_FLOW_TC_HW;
		else if (!strcmp(t, "offloaded"))
			d->offloaded = true;
		else if (!strcmp(t, "non-offloaded"))
			d->not_offloaded = true;
		else if (!strcmp(t, "all"))
			d->offloaded = d->not_offloaded = true;
		else {
			fprintf(out, "dpctl/dump-flows: unknown flow type "
				"\"%s\"\n", t);
			return -EINVAL;
		}
	}
	return 0;
}

static int dpctl_dump_filter(struct dpctl_dump *d, const char *arg, FILE *out)
{
	char *end;

	if (!strncmp(arg, "type=", 5)) {
		char *types = xstrdup(arg + 5);
		int error = dpctl_dump_type(d, types, out);
		free(types);
		return error;
	}
	if (!strncmp(arg, "pmd=", 4)) {
		long pmd = strtol(arg + 4, &end, 10);
		if (*end || end == arg + 4 || pmd < -1 || pmd > 65535) {
			fprintf(out, "dpctl/dump-flows: \"%s\": bad pmd\n",
				arg);
			return -EINVAL;
		}
		d->by_pmd = true;
		d->pmd = pmd;
		return 0;
	}
	if (!strncmp(arg, "filter=", 7)) {
		char *err = of_match_parse(arg + 7, &d->match);

		if (err) {
			fprintf(out, "dpctl/dump-flows: bad filter: %s\n", err);
			free(err);
			return -EINVAL;
		}
		d->by_match = true;
		return 0;
	}
	fprintf(out, "dpctl/dump-flows: \"%s\": unknown filter\n", arg);
	return -EINVAL;
}

/* A flow passes "filter=" if a packet could match both: they agree on
 * every bit both match. */
static bool dpctl_dump_matches(const struct dpctl_dump *d,
			       const struct dpif_flow *flow)
{
	struct flow_key key, mask;
	struct flow_nl_error err;

	if (flow_nl_parse_match(flow->key, flow->key_len, flow->mask,
				flow->mask_len, &key, &mask, &err))
		return false;
	return of_match_overlaps_flow_key(&d->match, &key, &mask);
}

static bool dpctl_dump_wants(const struct dpctl_dump *d,
			     const struct dpif_flow *flow)
{
	bool offloaded = flow->home != DPIF_FLOW_DP;

	if (d->by_pmd && flow->pmd_id != d->pmd)
		return false;
	if (d->by_match && !dpctl_dump_matches(d, flow))
		return false;
	if (!d->homes && !d->offloaded && !d->not_offloaded)
		return true;
	return (d->homes & 1 << flow->home) ||
	       (d->offloaded && offloaded) ||
	       (d->not_offloaded && !offloaded);
}

static int dpctl_dump_one(const struct dpif_flow *flow, void *d_)
{
	const struct dpctl_dump *d = d_;

	if (dpctl_dump_wants(d, flow))
		dpctl_flow_print(d->out, flow, d->more);
	return 0;
}

static int dpctl_dump_flows(int argc, const char *argv[], FILE *out,
			    void *aux)
{
	struct dpctl_dump d = { .out = out };
	const char *dp = NULL;
	struct dpctl_args a;
	struct dpif *dpif;

	if (dpctl_parse_args(argc, argv, DPCTL_MORE | DPCTL_NAMES, 0, 4, &a,
			     out))
		return -EINVAL;
	d.more = a.opts & DPCTL_MORE;
	for (int i = 0; i < a.n; i++) {
		if (strchr(a.pos[i], '=')) {
			if (dpctl_dump_filter(&d, a.pos[i], out))
				return -EINVAL;
		} else if (!dp) {
			dp = a.pos[i];
		} else {
			fprintf(out, "%s: unexpected argument \"%s\"\n",
				argv[0], a.pos[i]);
			return -EINVAL;
		}
	}
	if (!(dpif = dpctl_open(aux, dp, out)))
		return -ENODEV;
	int error = dpif_flow_dump(dpif, dpctl_dump_one, &d);
	if (error)
		dpctl_error(out, dpif, error, argv[0]);
	dpctl_release(aux, dpif);
	return error;
}

void dpctl_register_flow_commands(struct dpctl *dpctl,
				  struct unixctl_server *server)
{
	unixctl_command_register(server, "dpctl/dump-flows",
				 "[-m] [DP] [type=TYPE] [pmd=PMD] "
				 "[filter=MATCH]", 0, 6,
				 dpctl_dump_flows, dpctl);
	unixctl_command_register(server, "dpctl/add-flow",
				 "[DP] FLOW ACTIONS", 2, 3, dpctl_add_flow,
				 dpctl);
	unixctl_command_register(server, "dpctl/mod-flow",
				 "[--clear] [--may-create] [-s] [DP] FLOW "
				 "ACTIONS", 2, 6, dpctl_mod_flow, dpctl);
	unixctl_command_register(server, "dpctl/del-flow", "[-s] [DP] FLOW",
				 1, 3, dpctl_del_flow, dpctl);
	unixctl_command_register(server, "dpctl/get-flow",
				 "[-m] [DP] ufid:UFID", 1, 3, dpctl_get_flow,
				 dpctl);
	unixctl_command_register(server, "dpctl/del-flows", "[DP]", 0, 1,
				 dpctl_del_flows, dpctl);
}
