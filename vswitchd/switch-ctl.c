/* weir-appctl commands about bridges, as ovs-appctl names them. */
#include "switch-ctl.h"

#include <string.h>

#include "dpbridge.h"
#include "dpctl-flow-text.h"
#include "dpif.h"
#include "unixctl.h"

static struct dpbridge *find(const char *name, FILE *out)
{
	struct dpbridge *b = dpbridge_find(name);

	if (!b)
		fprintf(out, "no such bridge\n");
	return b;
}

/* ofproto/trace BRIDGE FLOW, or ofproto/trace BRIDGE with the flow's
 * fields as further arguments joined by commas. */
static int cmd_trace(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpbridge *b = find(argv[1], out);

	(void)aux;
	if (!b)
		return 1;
	if (argc < 3) {
		fprintf(out, "ofproto/trace: a flow is required\n");
		return 1;
	}
	return dpbridge_trace(b, argv[2], out) ? 1 : 0;
}

static int cmd_fdb_show(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpbridge *b = find(argv[1], out);

	(void)argc;
	(void)aux;
	if (!b)
		return 1;
	dpbridge_fdb_show(b, out);
	return 0;
}

static int cmd_fdb_flush(int argc, const char *argv[], FILE *out, void *aux)
{
	(void)aux;
	if (argc > 1) {
		struct dpbridge *b = find(argv[1], out);

		if (!b)
			return 1;
		dpbridge_fdb_flush(b);
	} else {
		dpbridge_fdb_flush_all();
	}
	fprintf(out, "table successfully flushed\n");
	return 0;
}

static int cmd_upcall_show(int argc, const char *argv[], FILE *out,
			   void *aux)
{
	(void)argc;
	(void)argv;
	(void)aux;
	dpbridge_upcall_show_all(out);
	return 0;
}

static int print_flow(const struct dpif_flow *f, void *out)
{
	dpctl_flow_print(out, f, false);
	return 0;
}

/* dpif/dump-flows BRIDGE: the megaflows of the bridge's datapath, in
 * ovs-dpctl's format. */
static int cmd_dump_flows(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dpbridge *b = find(argv[argc - 1], out);
	struct dpif *dpif;
	int err;

	(void)aux;
	if (!b)
		return 1;
	err = dpif_open("netdev", dpbridge_name(b), false, &dpif);
	if (err) {
		fprintf(out, "%s: %s\n", argv[argc - 1], strerror(-err));
		return 1;
	}
	err = dpif_flow_dump(dpif, print_flow, out);
	dpif_close(dpif);
	return err ? 1 : 0;
}

struct show_ctx {
	struct dpbridge *b;
	FILE *out;
};

static int show_port(const struct dpif_port *p, void *ctx_)
{
	struct show_ctx *ctx = ctx_;
	uint32_t ofp;

	if (!dpbridge_port_ofp(ctx->b, p->name, &ofp))
		return 0;
	if (ofp == 0xfffffffe)
		fprintf(ctx->out, "    %s 65534/%u: (%s)\n", p->name,
			p->port_no, p->type);
	else
		fprintf(ctx->out, "    %s %u/%u: (%s)\n", p->name, ofp,
			p->port_no, p->type);
	return 0;
}

static void show_bridge(struct dpbridge *b, void *out)
{
	struct show_ctx ctx = { b, out };
	struct dpif_dp_stats st;
	struct dpif *dpif;

	if (dpif_open("netdev", dpbridge_name(b), false, &dpif))
		return;
	if (!dpif_get_stats(dpif, &st))
		fprintf(out, "netdev@%s: hit:%llu missed:%llu\n",
			dpbridge_name(b), (unsigned long long)st.n_hit,
			(unsigned long long)st.n_missed);
	fprintf(out, "  %s:\n", dpbridge_name(b));
	dpif_port_dump(dpif, show_port, &ctx);
	dpif_close(dpif);
}

/* dpif/show: each bridge's datapath counters and ports, OpenFlow number
 * then datapath number, as ovs-appctl shows them. */
static int cmd_dpif_show(int argc, const char *argv[], FILE *out, void *aux)
{
	(void)argc;
	(void)argv;
	(void)aux;
	dpbridge_for_each(show_bridge, out);
	return 0;
}

void switch_ctl_register(struct unixctl_server *server)
{
	unixctl_command_register(server, "dpif/show", "", 0, 0,
				 cmd_dpif_show, NULL);
	unixctl_command_register(server, "dpif/dump-flows", "[-m] BRIDGE", 1,
				 2, cmd_dump_flows, NULL);
	unixctl_command_register(server, "ofproto/trace", "BRIDGE FLOW", 2, 2,
				 cmd_trace, NULL);
	unixctl_command_register(server, "fdb/show", "BRIDGE", 1, 1,
				 cmd_fdb_show, NULL);
	unixctl_command_register(server, "fdb/flush", "[BRIDGE]", 0, 1,
				 cmd_fdb_flush, NULL);
	unixctl_command_register(server, "upcall/show", "", 0, 0,
				 cmd_upcall_show, NULL);
}
