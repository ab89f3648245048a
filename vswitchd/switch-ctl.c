/* weir-appctl commands about bridges, as ovs-appctl names them. */
#include "switch-ctl.h"

#include <string.h>

#include "dpbridge.h"
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

void switch_ctl_register(struct unixctl_server *server)
{
	unixctl_command_register(server, "ofproto/trace", "BRIDGE FLOW", 2, 2,
				 cmd_trace, NULL);
	unixctl_command_register(server, "fdb/show", "BRIDGE", 1, 1,
				 cmd_fdb_show, NULL);
	unixctl_command_register(server, "fdb/flush", "[BRIDGE]", 0, 1,
				 cmd_fdb_flush, NULL);
	unixctl_command_register(server, "upcall/show", "", 0, 0,
				 cmd_upcall_show, NULL);
}
