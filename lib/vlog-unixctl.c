/* The vlog/... control commands, apart from vlog.c so that a program that
 * only logs does not link the control channel. */
#include "vlog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unixctl.h"

static int cmd_set(int argc, const char *argv[], FILE *out, void *aux)
{
	if (argc == 1)
		vlog_set_all(LOG_DBG);
	for (int i = 1; i < argc; i++) {
		char *err = vlog_set_spec(argv[i]);

		if (err) {
			fputs(err, out);
			free(err);
			return 1;
		}
	}
	return 0;
}

static int cmd_list(int argc, const char *argv[], FILE *out, void *aux)
{
	char *s = vlog_list();

	fputs(s, out);
	free(s);
	return 0;
}

static int cmd_list_pattern(int argc, const char *argv[], FILE *out,
			    void *aux)
{
	fputs("         prefix                            format\n"
	      "         ------                            ------\n", out);
	fprintf(out, "%-7s  %-32s  %s\n", "SYSLOG", "none",
		"%c|%p|%m");
	fprintf(out, "%-7s  %-32s  %s\n", "CONSOLE", "none",
		"%D{%Y-%m-%dT%H:%M:%S.###Z}|%c|%p|%m");
	fprintf(out, "%-7s  %-32s  %s\n", "FILE", "none",
		"%D{%Y-%m-%dT%H:%M:%S.###Z}|%c|%p|%m");
	return 0;
}

static int cmd_reopen(int argc, const char *argv[], FILE *out, void *aux)
{
	int error = vlog_reopen();

	if (error == -EBADF)
		fputs("Logging to file not configured", out);
	else if (error)
		fputs(strerror(-error), out);
	return error != 0;
}

void vlog_register_commands(struct unixctl_server *server)
{
	unixctl_command_register(server, "vlog/set",
				 "{spec | PATTERN:destination:pattern}", 0, 32,
				 cmd_set, NULL);
	unixctl_command_register(server, "vlog/list", "", 0, 0, cmd_list,
				 NULL);
	unixctl_command_register(server, "vlog/list-pattern", "", 0, 0,
				 cmd_list_pattern, NULL);
	unixctl_command_register(server, "vlog/reopen", "", 0, 0,
				 cmd_reopen, NULL);
}
