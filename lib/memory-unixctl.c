/* memory/show, apart from memory.c so that a module that reports does not
 * link the control channel. */
#include "memory.h"

#include <stdio.h>
#include <stdlib.h>

#include "unixctl.h"

static int cmd_show(int argc, const char *argv[], FILE *out, void *aux)
{
	char *s = memory_show();

	fputs(s, out);
	free(s);
	return 0;
}

void memory_register_commands(struct unixctl_server *server)
{
	unixctl_command_register(server, "memory/show", "", 0, 0, cmd_show,
				 NULL);
}
