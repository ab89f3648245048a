/* weir-dbd: the OVSDB server (RFC 7047) that holds Weir's configuration.
 *
 *   weir-dbd [OPTIONS] [DATABASE...]
 *
 * Each DATABASE is a file made by "weir-dbtool create"; the default is
 * $WEIR_DBDIR/conf.db ($WEIR_DBDIR defaults to /etc/weir).  Clients reach
 * it on every --remote; start-up follows daemon-cli.h. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon-cli.h"
#include "dbd-db.h"
#include "dbd-server.h"
#include "log.h"
#include "poll-loop.h"
#include "stream.h"
#include "unixctl.h"
#include "xalloc.h"

#define PROGRAM "weir-dbd"

struct dbd_options {
	char **remotes;
	size_t n_remotes, cap_remotes;
	char *private_key, *certificate, *ca_cert;
};

static void parse_options(int argc, char *argv[], struct daemon_cli *cli,
			  struct dbd_options *o)
{
	enum { OPT_REMOTE = 1 };
	static const struct option longopts[] = {
		{ "remote", required_argument, NULL, OPT_REMOTE },
		{ "private-key", required_argument, NULL, 'p' },
		{ "certificate", required_argument, NULL, 'c' },
		{ "ca-cert", required_argument, NULL, 'C' },
		DAEMON_CLI_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "hVp:c:C:", longopts, NULL))
	       != -1) {
		switch (c) {
		case OPT_REMOTE:
			o->remotes = xgrow_n(o->remotes, &o->cap_remotes,
					     o->n_remotes + 1,
					     sizeof *o->remotes);
			o->remotes[o->n_remotes++] = optarg;
			break;
		case 'p': o->private_key = daemon_cli_abs_path(optarg); break;
		case 'c': o->certificate = daemon_cli_abs_path(optarg); break;
		case 'C': o->ca_cert = daemon_cli_abs_path(optarg); break;
		default: daemon_cli_option(cli, c, optarg);
		}
	}
}

static char *default_db(void)
{
	const char *dir = getenv("WEIR_DBDIR");

	return xasprintf("%s/conf.db", dir && *dir ? dir : "/etc/weir");
}

/* Before detaching, so that a bad option or file fails the command. */
static void check_setup(struct daemon_cli *cli, const struct dbd_options *o)
{
	char err[512];

	for (size_t i = 0; i < o->n_remotes; i++)
		if (pstream_verify_name(o->remotes[i], err, sizeof err))
			daemon_cli_die(cli, 0, "--remote=%s", err);
	if ((o->private_key || o->certificate || o->ca_cert) &&
	    stream_ssl_configure(o->private_key, o->certificate, o->ca_cert,
				 err, sizeof err))
		daemon_cli_die(cli, 0, "%s", err);
}

static void open_dbs(struct daemon_cli *cli, struct dbd_server *srv,
		     int argc, char *argv[])
{
	char *fallback = optind < argc ? NULL : default_db();
	char err[512];

	for (int i = optind; i < argc || fallback; i++) {
		const char *path = fallback ? fallback : argv[i];
		struct dbd_db *db;
		int error = dbd_db_open(path, &db, err, sizeof err);

		if (error)
			daemon_cli_die(cli, 0, "%s", err);
		if (dbd_server_add_db(srv, db))
			daemon_cli_die(cli, 0, "%s: database %s is served "
				       "already", path, db->name);
		if (fallback)
			break;
	}
	free(fallback);
}

/* "ovsdb-server/compact [DB...]": every database, or those named. */
static int compact_cmd(int argc, const char *argv[], FILE *out, void *aux)
{
	struct dbd_server *srv = aux;
	struct dbd_db *const *dbs;
	char err[512];
	size_t n;

	for (int i = 1; i < argc; i++)
		if (!dbd_server_find_db(srv, argv[i])) {
			fprintf(out, "%s: no such database\n", argv[i]);
			return 1;
		}
	dbs = dbd_server_dbs(srv, &n);
	for (size_t i = 0; i < n; i++) {
		bool named = argc == 1;

		for (int j = 1; j < argc; j++)
			named |= !strcmp(argv[j], dbs[i]->name);
		if (named && dbd_db_compact(dbs[i], err, sizeof err)) {
			fprintf(out, "%s\n", err);
			return 1;
		}
	}
	return 0;
}

int main(int argc, char *argv[])
{
	struct dbd_options o = { 0 };
	struct daemon_cli cli;
	struct dbd_server *srv;
	char err[512];
	int error;

	daemon_cli_init(&cli, PROGRAM,
			PROGRAM ": Weir's configuration database server "
			"(OVSDB)\n"
			"usage: " PROGRAM " [OPTIONS] [DATABASE...]\n"
			"  --remote=REMOTE     listen on punix:PATH, "
			"ptcp:[PORT][:IP] or pssl:[PORT][:IP]\n"
			"  -p, --private-key=FILE  TLS private key\n"
			"  -c, --certificate=FILE  TLS certificate\n"
			"  -C, --ca-cert=FILE      CA certificate peers must "
			"chain to\n");
	parse_options(argc, argv, &cli, &o);
	check_setup(&cli, &o);
	daemon_cli_start(&cli);
	srv = dbd_server_create(cli.loop);
	open_dbs(&cli, srv, argc, argv);
	for (size_t i = 0; i < o.n_remotes; i++)
		if (dbd_server_listen(srv, o.remotes[i], err, sizeof err))
			daemon_cli_die(&cli, 0, "%s", err);
	/* Files and sockets are open: the server needs no capability. */
	daemon_cli_drop_privileges(&cli, NULL, 0);
	unixctl_command_register(cli.server, "ovsdb-server/compact", "[DB...]",
				 0, 16, compact_cmd, srv);
	daemon_cli_ready(&cli);
	log_msg(LOG_INFO, "%s started", PACKAGE_VERSION);
	dbd_server_log_listeners(srv);

	error = poll_loop_run(cli.loop);
	if (error)
		log_msg(LOG_ERR, "poll: %s", strerror(-error));
	dbd_server_destroy(srv);
	daemon_cli_finish(&cli);
	free(o.remotes);
	free(o.private_key);
	free(o.certificate);
	free(o.ca_cert);
	log_msg(LOG_INFO, "exited");
	return error ? 1 : 0;
}
