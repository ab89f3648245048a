/* weir-ofctl's online commands: the ones that talk to a switch.  Private to
 * utilities/ofctl-*.c; weir-ofctl.c only calls ofctl_online_run().
 *
 * Behaviour, output and exit status follow ovs-ofctl, down to the xids:
 * every message this process sends, HELLOs included, takes the next xid
 * from one counter starting at 1, so replies print as ovs-ofctl's would. */
#ifndef WEIR_OFCTL_H
#define WEIR_OFCTL_H 1

#include <stdbool.h>
#include <stddef.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "ofp-flow-stats.h"
#include "ofp-msgs.h"
#include "ofp-protocol.h"

struct bytebuf;
struct mf_field;
struct of_flow_mod;
struct vconn;

#define OFCTL_MAX_SORTS 32

/* The global options that concern the online commands. */
struct ofctl_options {
	uint32_t versions;	/* -O, a bitmap of wire versions */
	uint32_t protocols;	/* -F */
	bool strict;		/* --strict */
	bool no_stats;		/* --no-stats */
	bool bundle;		/* --bundle */
	bool readd;		/* --readd */
	bool no_names;		/* --no-names: no port or table maps */
	int timeout;		/* --timeout seconds, 0: none */
	int verbosity;		/* -v count, 0 by default */
	int packet_in_format;	/* -P: NXPIF_*, -1 if not given */
	/* --sort/--rsort, in order; a NULL field sorts by priority. */
	size_t n_sorts;
	struct ofctl_sort {
		const struct mf_field *field;
		bool descending;
	} sorts[OFCTL_MAX_SORTS];
};
extern struct ofctl_options ofctl_opts;

/* getopt_long codes of the options below, clear of any character. */
enum {
	OFCTL_OPT_STRICT = 0x1000,
	OFCTL_OPT_NO_STATS,
	OFCTL_OPT_SORT,
	OFCTL_OPT_RSORT,
	OFCTL_OPT_BUNDLE,
	OFCTL_OPT_READD,
	OFCTL_OPT_NO_NAMES,
};

#define OFCTL_SHORT_OPTIONS "t:P:m"
#define OFCTL_LONG_OPTIONS						\
	{ "strict", no_argument, NULL, OFCTL_OPT_STRICT },		\
	{ "no-stats", no_argument, NULL, OFCTL_OPT_NO_STATS },		\
	{ "sort", optional_argument, NULL, OFCTL_OPT_SORT },		\
	{ "rsort", optional_argument, NULL, OFCTL_OPT_RSORT },		\
	{ "bundle", no_argument, NULL, OFCTL_OPT_BUNDLE },		\
	{ "readd", no_argument, NULL, OFCTL_OPT_READD },		\
	{ "no-names", no_argument, NULL, OFCTL_OPT_NO_NAMES },		\
	{ "timeout", required_argument, NULL, 't' },			\
	{ "packet-in-format", required_argument, NULL, 'P' },		\
	{ "more", no_argument, NULL, 'm' }

/* Handles option 'c' (a getopt value from OFCTL_LONG_OPTIONS) with
 * 'optarg'; false if it is not one of ours. */
bool ofctl_option(int c, const char *optarg);
/* Runs online command 'argv[0]' if it is one; false if it is not. */
bool ofctl_online_run(int argc, char *argv[], uint32_t versions,
		      uint32_t protocols);
void ofctl_online_usage(void);

/* ---- ofctl-conn.c ---- */

struct ofctl_conn {
	struct vconn *vconn;
	const char *target;	/* as the user named it */
	uint8_t version;
	enum ofp_protocol protocol;	/* flow format now in force */
};

void ofctl_fatal(int error, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
void ofctl_check_args(int argc, int min, int max, const char *cmd);

uint32_t ofctl_next_xid(void);
/* Connects to a bridge name, a socket path, or a vconn target, or exits
 * as ovs-ofctl does.  'snoop' picks <bridge>.snoop over .mgmt. */
void ofctl_open(struct ofctl_conn *, const char *target, bool snoop);
void ofctl_close(struct ofctl_conn *);

/* Starts a message of 'type' in the connection's version with a new xid. */
size_t ofctl_start(const struct ofctl_conn *, struct bytebuf *,
		   enum ofptype);
uint32_t ofctl_xid(const struct bytebuf *msg);
void ofctl_send(struct ofctl_conn *, const struct bytebuf *msg);
/* Receives the next message, answering echo requests; exits on error. */
void ofctl_recv(struct ofctl_conn *, struct bytebuf *msg);
/* A message if one is waiting (echo requests included, unanswered). */
bool ofctl_try_recv(struct ofctl_conn *, struct bytebuf *msg);
/* The name of the channel, as "talking to" errors give it. */
const char *ofctl_conn_name(const struct ofctl_conn *);
/* Sends 'req' and waits for the reply with its xid. */
void ofctl_transact(struct ofctl_conn *, const struct bytebuf *req,
		    struct bytebuf *reply);
/* Sends 'req' then a barrier; true with the reply to 'req' (an error,
 * normally) in 'reply' if one came before the barrier's. */
bool ofctl_transact_noreply(struct ofctl_conn *, const struct bytebuf *req,
			    struct bytebuf *reply);
/* Likewise; an error reply is printed to stderr and ends the program. */
void ofctl_transact_or_die(struct ofctl_conn *, const struct bytebuf *req);
/* Sends 'req' and prints every reply to it, all parts of a multipart
 * reply, as ovs-ofctl's dump commands do. */
void ofctl_dump_transaction(struct ofctl_conn *, const struct bytebuf *req);
/* Opens 'target', sends a bodiless message of 'type', prints the reply. */
void ofctl_dump_trivial(const char *target, enum ofptype);
void ofctl_print(FILE *, const struct bytebuf *msg, int verbosity);
/* Switches the flow format to 'want' (1.0 only): false if refused. */
bool ofctl_set_protocol(struct ofctl_conn *, enum ofp_protocol want);
/* The type of a whole message, or exits naming the problem. */
enum ofptype ofctl_type(const struct bytebuf *msg, struct ofpmsg *);

/* Sends 'msgs' (whole messages) in one atomic, ordered bundle, or prints
 * the errors and exits as ovs-ofctl does. */
void ofctl_bundle_transact(struct ofctl_conn *, const struct bytebuf *msgs,
			   size_t n);

/* ---- ofctl-ports.c ---- */

/* ovs-ofctl fetches the port and table maps before parsing flows (one
 * connection each, in an order that depends on the command); so does
 * this, to keep the same exchange. */
void ofctl_fetch_name_maps(const char *target, bool tables_first);
/* A port number, reserved name or, asking the switch, port name. */
uint16_t ofctl_port_no(const char *target, const char *name);

/* ---- ofctl-flows.c ---- */

/* Sends flow mods to 'target' in a format that carries 'usable',
 * each followed by a barrier, or in one bundle with --bundle. */
void ofctl_send_flow_mods(const char *target, const struct of_flow_mod *,
			  size_t n, uint32_t usable);

/* Switches to the first flow format a dump may use that carries
 * 'usable', or exits as ovs-ofctl does. */
void ofctl_set_protocol_for_dump(struct ofctl_conn *, uint32_t usable);

/* The flows of a dump; each 'ofpacts' is malloc'd. */
struct ofctl_flow_list {
	struct ofp_flow_stats *v;
	size_t n, cap;
};
/* Every flow of every table, in the flow format now in force. */
void ofctl_collect_all_flows(struct ofctl_conn *, struct ofctl_flow_list *);
void ofctl_flow_list_free(struct ofctl_flow_list *);

/* Exits with 'error' (malloc'd; NULL returns), after "WHERE: " if
 * 'where' is given. */
void ofctl_check_parse(char *error, const char *where);

/* The words that may start a line of add-flows or add-groups. */
struct ofctl_word {
	const char *word;
	int command;
};
/* If 'text' starts with one of the 'n' words, skips it and the spaces
 * after it and returns its command; else 'dflt'. */
int ofctl_command_word(const char **text, const struct ofctl_word *,
		       size_t n, int dflt);

/* ---- the command families ---- */

typedef void ofctl_handler(int argc, char *argv[]);
struct ofctl_command {
	const char *name;
	int min_args, max_args;
	ofctl_handler *handler;
};

extern const struct ofctl_command ofctl_flow_commands[];
extern const struct ofctl_command ofctl_switch_commands[];
extern const struct ofctl_command ofctl_group_commands[];
extern const struct ofctl_command ofctl_monitor_commands[];
extern const struct ofctl_command ofctl_replace_commands[];

/* Reads the lines of FILE ("-" for stdin), without comments and blank
 * lines, calling 'line' with each and "FILE:LINENO" for errors; exits
 * with "FILE: OPEN_WHAT (why)" if FILE cannot be opened. */
void ofctl_read_lines(const char *file,
		      void (*line)(char *text, void *aux, const char *where),
		      void *aux, const char *open_what);

#endif /* WEIR_OFCTL_H */
