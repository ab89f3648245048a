/* weir-vsctl: queries and changes Weir's configuration database with
 * ovs-vsctl's command language.  Every command of one invocation (joined
 * by "--") runs against a replica of the database and the changes go to
 * the server as one transaction; when another client changed what the
 * commands read, they run again.  Unless --no-wait, the transaction also
 * bumps Open_vSwitch next_cfg and the tool waits for the daemon to report
 * that configuration in cur_cfg.  Exit status: 0 success, 1 error, 2
 * br-exists found no bridge. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dirs.h"
#include "ovsdb-idl.h"
#include "ovsdb-symbol.h"
#include "stream.h"
#include "vsctl.h"
#include "xalloc.h"

#define VSCTL_DB "Open_vSwitch"
#define WEIR_LOGDIR "/var/log/weir"

struct vsctl_globals {
	char *db;
	int timeout;		/* seconds, 0: none */
	bool no_wait;
	bool dry_run;
	bool oneline;
	bool retry;		/* keep trying to connect */
	struct vsctl_style style;
	const char *private_key, *certificate, *ca_cert;
	struct vsctl_command *cmds;
	size_t n_cmds;
	char *args;		/* the command line, for the server's log */
	struct uuid *new_ifaces;	/* see vsctl_expect_iface() */
	size_t n_new_ifaces;
};

static struct vsctl_globals g = {
	.style = { .format = VF_LIST, .data = VD_STRING, .headings = true },
};

void vsctl_fatal(const char *fmt, ...)
{
	va_list args;

	fflush(stdout);
	fputs("weir-vsctl: ", stderr);
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fputc('\n', stderr);
	exit(1);
}

bool vsctl_has_option(const struct vsctl_ctx *ctx, const char *name)
{
	for (size_t i = 0; i < ctx->cmd->n_opts; i++)
		if (!strcmp(ctx->cmd->opts[i].name, name))
			return true;
	return false;
}

const char *vsctl_option_value(const struct vsctl_ctx *ctx, const char *name)
{
	for (size_t i = 0; i < ctx->cmd->n_opts; i++)
		if (!strcmp(ctx->cmd->opts[i].name, name))
			return ctx->cmd->opts[i].value;
	return NULL;
}

void vsctl_print(struct vsctl_ctx *ctx, const char *fmt, ...)
{
	va_list args;
	char *s;

	va_start(args, fmt);
	if (vasprintf(&s, fmt, args) < 0)
		s = NULL;
	va_end(args);
	if (s)
		vstr_put(&ctx->cmd->output, s);
	free(s);
}

void vsctl_expect_iface(const struct uuid *uuid)
{
	g.new_ifaces = xrealloc(g.new_ifaces, (g.n_new_ifaces + 1)
					      * sizeof *g.new_ifaces);
	g.new_ifaces[g.n_new_ifaces++] = *uuid;
}

/* After the daemon applied the change: the interfaces it could not set
 * up, as ovs-vsctl reports them (the exit status stays 0). */
static void vsctl_check_new_ifaces(struct ovsdb_idl *idl)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(idl, "Interface");
	bool any = false;

	for (size_t i = 0; t && i < g.n_new_ifaces; i++) {
		const struct uuid *real = ovsdb_idl_inserted_uuid(
			idl, &g.new_ifaces[i]);
		struct ovsdb_idl_row *row = real ? ovsdb_idl_find(t, real)
						 : NULL;
		if (!row)
			continue;
		const struct ovsdb_datum *ofport = ovsdb_idl_get(row, "ofport");
		const char *error = vsctl_get_string(row, "error");
		if (ofport->n && ofport->keys[0].integer != -1)
			continue;
		fprintf(stderr, "weir-vsctl: Error detected while setting up "
			"'%s'%s%s.  See weir-vswitchd log for details.\n",
			vsctl_get_string(row, "name"), *error ? ": " : "",
			error);
		any = true;
	}
	if (any)
		fprintf(stderr, "weir-vsctl: The default log directory is "
			"\"%s\".\n", WEIR_LOGDIR);
}

static const struct vsctl_syntax *const vsctl_tables[] = {
	vsctl_bridge_commands, vsctl_misc_commands, vsctl_db_commands,
};

static const struct vsctl_syntax *vsctl_find_syntax(const char *name)
{
	for (size_t t = 0; t < sizeof vsctl_tables / sizeof *vsctl_tables; t++)
		for (const struct vsctl_syntax *s = vsctl_tables[t]; s->name;
		     s++)
			if (!strcmp(s->name, name))
				return s;
	return NULL;
}

/* How a command accepts option 'name' (with "--"): 0 not at all, 1
 * without a value, 2 with one ("--id=" in the syntax). */
static int vsctl_option_kind(const struct vsctl_syntax *s, const char *name)
{
	size_t len = strlen(name);

	for (const char *p = s->options; p && *p; ) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t) (end - p) : strlen(p);
		bool value = n && p[n - 1] == '=';
		if (n - value == len && !strncmp(p, name, len))
			return value ? 2 : 1;
		p += n + (end != NULL);
	}
	return 0;
}

/* Whether 'name' is an option of some command (then global use of it
 * goes to the first command). */
static int vsctl_any_option_kind(const char *name)
{
	int kind = 0;

	for (size_t t = 0; t < sizeof vsctl_tables / sizeof *vsctl_tables; t++)
		for (const struct vsctl_syntax *s = vsctl_tables[t]; s->name;
		     s++)
			if (vsctl_option_kind(s, name) > kind)
				kind = vsctl_option_kind(s, name);
	return kind;
}

static void vsctl_add_option(struct vsctl_command *cmd, const char *name,
			     const char *value)
{
	cmd->opts = xrealloc(cmd->opts, (cmd->n_opts + 1) * sizeof *cmd->opts);
	cmd->opts[cmd->n_opts].name = xstrdup(name);
	cmd->opts[cmd->n_opts].value = value ? xstrdup(value) : NULL;
	cmd->n_opts++;
}

static void vsctl_check_options(struct vsctl_command *cmd)
{
	const struct vsctl_syntax *s = cmd->syntax;

	for (size_t i = 0; i < cmd->n_opts; i++) {
		const struct vsctl_option *o = &cmd->opts[i];
		int kind = vsctl_option_kind(s, o->name);
		if (!kind)
			vsctl_fatal("'%s' command has no '%s' option", s->name,
				    o->name);
		if (kind == 2 && !o->value)
			vsctl_fatal("missing argument to '%s' option on '%s' "
				    "command", o->name, s->name);
		if (kind == 1 && o->value)
			vsctl_fatal("'%s' option on '%s' does not accept an "
				    "argument", o->name, s->name);
	}
}

static void vsctl_check_args(const struct vsctl_command *cmd)
{
	const struct vsctl_syntax *s = cmd->syntax;
	int n = cmd->argc - 1;

	if (n < s->min_args)
		vsctl_fatal("'%s' command requires at least %d arguments",
			    s->name, s->min_args);
	if (n <= s->max_args)
		return;
	for (int i = 1; i < cmd->argc; i++)
		if (cmd->argv[i][0] == '-')
			vsctl_fatal("'%s' command takes at most %d arguments "
				    "(note that options must precede command "
				    "names and follow a \"--\" argument)",
				    s->name, s->max_args);
	vsctl_fatal("'%s' command takes at most %d arguments", s->name,
		    s->max_args);
}

/* One command: [--OPTION[=VALUE]]... NAME [ARG]... */
static void vsctl_parse_command(struct vsctl_command *cmd, char **argv,
				int argc)
{
	int i = 0;

	for (; i < argc && !strncmp(argv[i], "--", 2); i++) {
		char *eq = strchr(argv[i], '=');
		char *name = eq ? strndup(argv[i], eq - argv[i])
				: xstrdup(argv[i]);
		for (size_t k = 0; k < cmd->n_opts; k++)
			if (!strcmp(cmd->opts[k].name, name))
				vsctl_fatal("'%s' option specified multiple "
					    "times", name);
		vsctl_add_option(cmd, name, eq ? eq + 1 : NULL);
		free(name);
	}
	if (i == argc)
		vsctl_fatal("missing command name (use --help for help)");
	cmd->syntax = vsctl_find_syntax(argv[i]);
	if (!cmd->syntax)
		vsctl_fatal("unknown command '%s'; use --help for help",
			    argv[i]);
	cmd->argv = &argv[i];
	cmd->argc = argc - i;
	vsctl_check_options(cmd);
	vsctl_check_args(cmd);
}

static void vsctl_parse_commands(char **argv, int argc,
				 struct vsctl_command *first)
{
	int start = 0;

	if (argc && !strcmp(argv[0], "--"))
		start = 1;
	g.cmds = xcalloc(argc + 1, sizeof *g.cmds);
	for (int i = start; i <= argc; i++) {
		if (i < argc && strcmp(argv[i], "--"))
			continue;
		if (i > start) {
			struct vsctl_command *cmd = &g.cmds[g.n_cmds];
			if (!g.n_cmds) {
				*cmd = *first;
			}
			g.n_cmds++;
			vsctl_parse_command(cmd, &argv[start], i - start);
		}
		start = i + 1;
	}
	if (!g.n_cmds)
		vsctl_fatal("missing command name (use --help for help)");
}

static void vsctl_usage(void)
{
	printf("weir-vsctl: Weir configuration database utility\n"
	       "usage: weir-vsctl [OPTIONS] COMMAND [ARG...] [-- COMMAND "
	       "[ARG...]]...\n\n");
	for (size_t t = 0; t < sizeof vsctl_tables / sizeof *vsctl_tables; t++)
		for (const struct vsctl_syntax *s = vsctl_tables[t]; s->name;
		     s++)
			printf("  %s %s\n", s->name, s->arguments);
	printf("\nOptions:\n"
	       "  --db=DATABASE        connect to DATABASE (default: "
	       "unix:%s/db.sock)\n"
	       "  --no-wait            do not wait for the daemon to "
	       "reconfigure\n"
	       "  --retry              keep trying to connect to the server\n"
	       "  -t, --timeout=SECS   wait at most SECS seconds\n"
	       "  --dry-run            do not commit changes to the database\n"
	       "  --oneline            one line of output per command\n"
	       "  -f, --format=FORMAT  table, list, html, csv or json\n"
	       "  -d, --data=FORMAT    string, bare or json\n"
	       "  --no-headings        omit table headings\n"
	       "  --pretty             pretty-print JSON output\n"
	       "  --bare               --format=list --data=bare "
	       "--no-headings\n"
	       "  -p, --private-key=FILE, -c, --certificate=FILE, "
	       "-C, --ca-cert=FILE\n"
	       "                       TLS files for ssl: databases\n"
	       "  -h, --help           this help\n"
	       "  -V, --version        version\n", weir_rundir());
	exit(0);
}

/* A global option's value: "--name=value" or the next argument. */
static const char *vsctl_opt_value(char **argv, int argc, int *i,
				   const char *inline_value, const char *name)
{
	if (inline_value)
		return inline_value;
	if (*i + 1 >= argc)
		vsctl_fatal("option '%s' requires an argument", name);
	return argv[++*i];
}

static bool vsctl_global_flag(const char *name)
{
	if (!strcmp(name, "--no-wait"))
		g.no_wait = true;
	else if (!strcmp(name, "--dry-run"))
		g.dry_run = true;
	else if (!strcmp(name, "--oneline"))
		g.oneline = true;
	else if (!strcmp(name, "--no-headings"))
		g.style.headings = false;
	else if (!strcmp(name, "--pretty"))
		g.style.pretty = true;
	else if (!strcmp(name, "--bare")) {
		g.style.format = VF_LIST;
		g.style.data = VD_BARE;
		g.style.headings = false;
	} else if (!strcmp(name, "--retry")) {
		g.retry = true;
	} else if (!strcmp(name, "--no-syslog")) {
		/* accepted for compatibility */
	} else if (!strcmp(name, "-h") || !strcmp(name, "--help")) {
		vsctl_usage();
	} else if (!strcmp(name, "-V") || !strcmp(name, "--version")) {
		puts("weir-vsctl (Weir) " PACKAGE_VERSION);
		exit(0);
	} else {
		return false;
	}
	return true;
}

static bool vsctl_global_valued(const char *name, const char *value)
{
	if (!strcmp(name, "--db")) {
		g.db = xstrdup(value);
	} else if (!strcmp(name, "-t") || !strcmp(name, "--timeout")) {
		char *end;
		long n = strtol(value, &end, 10);
		if (*end || end == value || n < 0 || n > 86400 * 365)
			vsctl_fatal("value %s on -t or --timeout is invalid",
				    value);
		g.timeout = (int) n;
	} else if (!strcmp(name, "-f") || !strcmp(name, "--format")) {
		if (!vsctl_parse_format(value, &g.style.format))
			vsctl_fatal("unknown output format \"%s\"", value);
	} else if (!strcmp(name, "-d") || !strcmp(name, "--data")) {
		if (!vsctl_parse_data(value, &g.style.data))
			vsctl_fatal("unknown data format \"%s\"", value);
	} else if (!strcmp(name, "-p") || !strcmp(name, "--private-key")) {
		g.private_key = value;
	} else if (!strcmp(name, "-c") || !strcmp(name, "--certificate")) {
		g.certificate = value;
	} else if (!strcmp(name, "-C") || !strcmp(name, "--ca-cert")) {
		g.ca_cert = value;
	} else {
		return false;
	}
	return true;
}

static bool vsctl_takes_value(const char *name)
{
	static const char *const valued[] = {
		"--db", "-t", "--timeout", "-f", "--format", "-d", "--data",
		"-p", "--private-key", "-c", "--certificate", "-C",
		"--ca-cert",
	};

	for (size_t i = 0; i < sizeof valued / sizeof *valued; i++)
		if (!strcmp(name, valued[i]))
			return true;
	return false;
}

/* Global options, up to the first command; command options among them
 * go to the first command.  Returns the index of the first command. */
static int vsctl_parse_globals(int argc, char **argv,
			       struct vsctl_command *first)
{
	int i;

	for (i = 1; i < argc; i++) {
		char *arg = argv[i];
		if (arg[0] != '-' || !strcmp(arg, "--") || !arg[1])
			break;
		char *eq = arg[1] == '-' ? strchr(arg, '=') : NULL;
		char *name = eq ? strndup(arg, eq - arg) : xstrdup(arg);
		const char *inline_value = eq ? eq + 1 : NULL;
		if (arg[1] != '-' && arg[2]) {
			/* -tSECS, -fFORMAT ... */
			name[2] = '\0';
			inline_value = arg + 2;
		}
		if (vsctl_takes_value(name)) {
			vsctl_global_valued(name, vsctl_opt_value(
				argv, argc, &i, inline_value, name));
		} else if (!inline_value && vsctl_global_flag(name)) {
			/* done */
		} else if (arg[1] == '-' && vsctl_any_option_kind(name)) {
			int kind = vsctl_any_option_kind(name);
			const char *v = inline_value;
			if (kind == 2 && !v)
				v = vsctl_opt_value(argv, argc, &i, NULL, name);
			vsctl_add_option(first, name, v);
		} else if (arg[1] == '-') {
			vsctl_fatal("unrecognized option '%s'", arg);
		} else {
			vsctl_fatal("invalid option -- '%c'", arg[1]);
		}
		free(name);
	}
	return i;
}

static void vsctl_alarm(int sig)
{
	static const char msg[] =
		"weir-vsctl: terminating with signal 14 (Alarm clock)\n";

	(void) sig;
	if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
		_exit(142);
	signal(SIGALRM, SIG_DFL);
	raise(SIGALRM);
}

static struct ovsdb_idl *vsctl_connect(void)
{
	char *error = NULL;
	struct ovsdb_idl *idl;

	if (!strncmp(g.db, "ssl:", 4)
	    && (g.private_key || g.certificate || g.ca_cert)) {
		char err[256];
		if (stream_ssl_configure(g.private_key, g.certificate,
					 g.ca_cert, err, sizeof err))
			vsctl_fatal("%s", err);
	}
	idl = ovsdb_idl_open(g.db, VSCTL_DB, -1, &error);
	while (!idl && g.retry) {
		/* Until the server is there, or --timeout ends the wait. */
		free(error);
		sleep(1);
		idl = ovsdb_idl_open(g.db, VSCTL_DB, -1, &error);
	}
	if (!idl) {
		/* The stream's message may already name the remote. */
		size_t n = strlen(g.db);
		const char *why = !strncmp(error, g.db, n)
				  && !strncmp(error + n, ": ", 2)
				  ? error + n + 2 : error;
		vsctl_fatal("%s: database connection failed (%s)", g.db, why);
	}
	return idl;
}

static void vsctl_print_outputs(void)
{
	bool first_table = true;

	for (size_t i = 0; i < g.n_cmds; i++) {
		struct vsctl_command *c = &g.cmds[i];
		struct vstr out = { 0 };
		const char *s;

		if (c->table) {
			vsctl_table_format(c->table, &g.style, &first_table,
					   &out);
			fputs(vstr_cstr(&out), stdout);
			vstr_free(&out);
			continue;
		}
		s = vstr_cstr(&c->output);
		if (!g.oneline) {
			fputs(s, stdout);
			continue;
		}
		size_t n = strlen(s);
		if (n && s[n - 1] == '\n')
			n--;
		for (size_t j = 0; j < n; j++) {
			if (s[j] == '\n')
				fputs("\\n", stdout);
			else if (s[j] == '\\')
				fputs("\\\\", stdout);
			else
				putchar(s[j]);
		}
		putchar('\n');
	}
}

static void vsctl_reset_outputs(void)
{
	for (size_t i = 0; i < g.n_cmds; i++) {
		vstr_free(&g.cmds[i].output);
		vsctl_table_destroy(g.cmds[i].table);
		g.cmds[i].table = NULL;
		g.cmds[i].has_created = false;
	}
	g.n_new_ifaces = 0;
}

static void vsctl_check_symbols(struct ovsdb_symbol_table *symtab)
{
	for (size_t i = 0; i < ovsdb_symbol_table_count(symtab); i++) {
		const struct ovsdb_symbol *s = ovsdb_symbol_table_at(symtab, i);
		if (!s->created)
			vsctl_fatal("row id \"%s\" is referenced but never "
				    "created (e.g. with \"-- --id=%s create "
				    "...\")", s->name, s->name);
		if (!s->strong_ref)
			fprintf(stderr, "weir-vsctl: row id \"%s\" was created "
				"but %s, so it will not actually appear in the "
				"database\n", s->name, s->weak_ref
				? "only a weak reference to it was inserted"
				: "no reference to it was inserted");
	}
}

/* The Open_vSwitch row; a database without one gets one. */
static struct ovsdb_idl_row *vsctl_ovs_row(struct ovsdb_idl *idl)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(idl, "Open_vSwitch");
	struct ovsdb_idl_row *row;
	size_t i = 0;

	if (!t)
		vsctl_fatal("database has no Open_vSwitch table");
	row = ovsdb_idl_next(t, &i);
	return row ? row : ovsdb_idl_insert(t, NULL);
}

/* Runs every command once.  False when one asked to wait and retry. */
static bool vsctl_run_commands(struct ovsdb_idl *idl,
			       struct ovsdb_symbol_table *symtab)
{
	struct vsctl_ctx ctx = {
		.idl = idl, .symtab = symtab, .style = &g.style,
	};

	ctx.ovs = vsctl_ovs_row(idl);
	if (!g.no_wait)
		ovsdb_idl_increment(idl, ctx.ovs, "next_cfg");
	for (size_t i = 0; i < g.n_cmds; i++) {
		ctx.cmd = &g.cmds[i];
		ctx.argc = ctx.cmd->argc;
		ctx.argv = ctx.cmd->argv;
		ctx.cmd->syntax->run(&ctx);
		if (ctx.try_again)
			break;
	}
	vsctl_cache_invalidate(&ctx);
	return !ctx.try_again;
}

static void vsctl_run_posts(struct ovsdb_idl *idl)
{
	struct vsctl_ctx ctx = { .idl = idl, .style = &g.style };

	for (size_t i = 0; i < g.n_cmds; i++) {
		ctx.cmd = &g.cmds[i];
		ctx.argc = ctx.cmd->argc;
		ctx.argv = ctx.cmd->argv;
		if (ctx.cmd->syntax->post)
			ctx.cmd->syntax->post(&ctx);
	}
}

struct vsctl_seq {
	unsigned int seqno;
};

static bool vsctl_changed(struct ovsdb_idl *idl, void *aux)
{
	return ovsdb_idl_seqno(idl) != ((struct vsctl_seq *) aux)->seqno;
}

static bool vsctl_reconfigured(struct ovsdb_idl *idl, void *aux)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(idl, "Open_vSwitch");
	int64_t want = *(int64_t *) aux;
	struct ovsdb_idl_row *row;
	size_t i;

	OVSDB_IDL_FOR_EACH (row, i, t) {
		const struct ovsdb_datum *cur = ovsdb_idl_get(row, "cur_cfg");
		if (cur && cur->n && cur->keys[0].integer >= want)
			return true;
	}
	return false;
}

static void vsctl_wait_or_die(struct ovsdb_idl *idl,
			      bool (*done)(struct ovsdb_idl *, void *),
			      void *aux)
{
	int error = ovsdb_idl_wait(idl, -1, done, aux);

	if (error)
		vsctl_fatal("%s: database connection failed (%s)", g.db,
			    strerror(-error));
}

static void vsctl_transact(struct ovsdb_idl *idl)
{
	for (;;) {
		struct ovsdb_symbol_table *symtab = ovsdb_symbol_table_create();
		struct vsctl_seq seq = { ovsdb_idl_seqno(idl) };
		enum ovsdb_idl_status status;
		char *error = NULL;

		ovsdb_idl_comment(idl, g.args);
		if (!vsctl_run_commands(idl, symtab)) {
			ovsdb_idl_abort(idl);
			ovsdb_symbol_table_destroy(symtab);
			vsctl_reset_outputs();
			vsctl_wait_or_die(idl, vsctl_changed, &seq);
			continue;
		}
		vsctl_check_symbols(symtab);
		ovsdb_symbol_table_destroy(symtab);
		if (g.dry_run) {
			ovsdb_idl_abort(idl);
			status = OVSDB_IDL_UNCHANGED;
		} else {
			status = ovsdb_idl_commit(idl, -1, &error);
		}
		if (status == OVSDB_IDL_ERROR)
			vsctl_fatal("%s", error);
		if (status == OVSDB_IDL_TRY_AGAIN) {
			vsctl_reset_outputs();
			continue;
		}
		vsctl_run_posts(idl);
		vsctl_print_outputs();
		fflush(stdout);
		if (status == OVSDB_IDL_SUCCESS && !g.no_wait) {
			int64_t want = ovsdb_idl_increment_result(idl);
			vsctl_wait_or_die(idl, vsctl_reconfigured, &want);
			vsctl_check_new_ifaces(idl);
		}
		return;
	}
}

static char *vsctl_join_args(int argc, char **argv)
{
	struct vstr s = { 0 };

	vstr_put(&s, "weir-vsctl:");
	for (int i = 1; i < argc; i++)
		vstr_printf(&s, " %s", argv[i]);
	return s.s;
}

int main(int argc, char **argv)
{
	struct vsctl_command first = { 0 };
	struct ovsdb_idl *idl;
	int i;

	i = vsctl_parse_globals(argc, argv, &first);
	vsctl_parse_commands(&argv[i], argc - i, &first);
	if (!g.db)
		g.db = xasprintf("unix:%s/db.sock", weir_rundir());
	g.args = vsctl_join_args(argc, argv);
	if (g.timeout) {
		signal(SIGALRM, vsctl_alarm);
		alarm(g.timeout);
	}
	idl = vsctl_connect();
	vsctl_transact(idl);
	ovsdb_idl_close(idl);
	vsctl_reset_outputs();
	for (size_t c = 0; c < g.n_cmds; c++) {
		for (size_t o = 0; o < g.cmds[c].n_opts; o++) {
			free(g.cmds[c].opts[o].name);
			free(g.cmds[c].opts[o].value);
		}
		free(g.cmds[c].opts);
	}
	free(g.cmds);
	free(g.new_ifaces);
	free(g.db);
	free(g.args);
	return 0;
}
