/* weir-ofctl: OpenFlow switch administration with ovs-ofctl's commands and
 * habits.  For now the offline commands:
 *
 *   ofp-print HEX|FILE|- [VERBOSITY]   decode one OpenFlow message
 *   parse-flow FLOW                    a flow as add-flow would send it
 *   parse-flows FILE                   each line of FILE likewise
 *   parse-actions VERSION              hex actions on stdin, decoded, and
 *   parse-instructions VERSION         the bytes re-encoding changes
 *   parse-group GROUP                  GROUP as add-group would send it
 *   encode VERSION KIND TEXT           a message's bytes as hex: KIND is
 *                                      flow_mod, group_mod, packet_out or
 *                                      meter_mod, TEXT as add-flow,
 *                                      add-group, packet-out, add-meter
 *
 * -O/--protocols VERSION[,VERSION...] and -F/--flow-format PROTO[,PROTO...]
 * limit the protocols parse-flow(s) may choose, as in ovs-ofctl.
 *
 * HEX is pairs of hex digits, optionally separated by spaces, tabs,
 * newlines or dots, as ovs-ofctl takes them.  Exit status: 0 success,
 * 1 usage error or bad input. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bytebuf.h"
#include "ofctl.h"
#include "ofp-actions.h"
#include "ofp-flow-mod.h"
#include "ofp-group-mod.h"
#include "ofp-meter.h"
#include "ofp-packet-out.h"
#include "ofp-print.h"
#include "ofp-protocol.h"
#include "xalloc.h"

static void usage(void)
{
	printf("weir-ofctl: OpenFlow switch management utility\n"
	       "usage: weir-ofctl [OPTIONS] COMMAND [ARG...]\n"
	       "  ofp-print HEX|FILE|- [VERBOSITY]\n"
	       "                      print the OpenFlow message in HEX (or "
	       "the hex text in\n"
	       "                      FILE, or on stdin for -)\n"
	       "  parse-flow FLOW     print FLOW as add-flow would send it\n"
	       "  parse-flows FILE    likewise for each flow in FILE\n"
	       "  parse-actions VERSION\n"
	       "  parse-instructions VERSION\n"
	       "                      decode hex actions (instructions) read "
	       "from stdin,\n"
	       "                      one list a line, and show what "
	       "re-encoding changes\n"
	       "  parse-group GROUP   print GROUP as add-group would send it\n"
	       "  encode VERSION KIND TEXT\n"
	       "                      print the bytes of a message as hex; "
	       "KIND is\n"
	       "                      flow_mod, group_mod, packet_out or "
	       "meter_mod and\n"
	       "                      TEXT as add-flow, add-group, packet-out "
	       "or add-meter\n"
	       "                      take it\n"
	       );
	ofctl_online_usage();
	printf("Options:\n"
	       "  -O, --protocols     set allowed OpenFlow versions\n"
	       "  -F, --flow-format   force particular flow formats\n"
	       "  -h, --help          this help\n"
	       "  -V, --version       version\n");
	exit(0);
}

static __attribute__((noreturn, format(printf, 1, 2))) void
fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "weir-ofctl: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static char *read_stream(FILE *f, const char *name)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	char chunk[4096];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		bytebuf_put(&b, chunk, n);
	if (ferror(f))
		fail("%s: read error (%s)", name, strerror(errno));
	bytebuf_put_u8(&b, '\0');
	return (char *)bytebuf_steal(&b, NULL);
}

/* A regular file's contents, "-" for stdin, or else the argument itself. */
static char *hex_source(const char *arg)
{
	struct stat st;

	if (!strcmp(arg, "-"))
		return read_stream(stdin, "stdin");
	if (stat(arg, &st) || !S_ISREG(st.st_mode))
		return xstrdup(arg);

	FILE *f = fopen(arg, "r");
	if (!f)
		fail("%s: open failed (%s)", arg, strerror(errno));
	char *text = read_stream(f, arg);
	fclose(f);
	return text;
}

static int parse_verbosity(const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < 0 || v > 100)
		fail("\"%s\": verbosity must be a number from 0 to 100", s);
	return v;
}

static void cmd_ofp_print(int argc, char *argv[])
{
	if (argc < 2)
		fail("'ofp-print' command requires at least 1 arguments");
	if (argc > 3)
		fail("'ofp-print' command takes at most 2 arguments");
	int verbosity = argc > 2 ? parse_verbosity(argv[2])
				 : OFP_PRINT_DEFAULT_VERBOSITY;

	struct bytebuf msg = BYTEBUF_INITIALIZER;
	char *text = hex_source(argv[1]);
	if (*ofp_print_parse_hex(&msg, text))
		fail("trailing garbage following hex bytes");
	free(text);

	char *s = ofp_to_string(msg.data, msg.size, verbosity);
	fputs(s, stdout);
	free(s);
	bytebuf_uninit(&msg);
}

/* What -O and --protocols leave allowed; -O defaults to OpenFlow 1.0. */
static uint32_t allowed_versions = 1u << 1;
static uint32_t allowed_protocols = OFPROTO_ANY;

/* Prints the protocols, the choice, and each flow encoded in it. */
static void print_flow_mods(const struct of_flow_mod *fms, size_t n,
			    uint32_t usable)
{
	uint32_t allowed = allowed_protocols &
		ofp_protocols_from_versions(allowed_versions);
	char *s = ofp_protocols_format(usable);

	printf("usable protocols: %s\n", s);
	free(s);
	enum ofp_protocol p = ofp_protocol_choose(usable, allowed);
	if (!p)
		fail("no usable protocol");
	printf("chosen protocol: %s\n", ofp_protocol_name(p));
	for (size_t i = 0; i < n; i++) {
		struct bytebuf msg = BYTEBUF_INITIALIZER;
		enum ofperr e = of_flow_mod_encode(&fms[i], p, i + 1, &msg);
		if (e)
			fail("cannot encode flow (%s)", ofperr_get_name(e));
		s = ofp_to_string(msg.data, msg.size,
				  OFP_PRINT_DEFAULT_VERBOSITY);
		fputs(s, stdout);
		free(s);
		bytebuf_uninit(&msg);
	}
}

static void cmd_parse_flow(int argc, char *argv[])
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm;
	uint32_t usable;

	if (argc != 2)
		fail("'parse-flow' command requires 1 argument");
	char *error = of_flow_mod_parse(argv[1], OFPFC_ADD, &fm, &acts,
					&usable);
	if (error)
		fail("%s", error);
	print_flow_mods(&fm, 1, usable);
	bytebuf_uninit(&acts);
}

/* A line without its comment and surrounding space; NULL if blank. */
static char *flow_line(char *line)
{
	line[strcspn(line, "#\r\n")] = '\0';
	line += strspn(line, " \t");
	size_t n = strlen(line);
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		line[--n] = '\0';
	return n ? line : NULL;
}

static void cmd_parse_flows(int argc, char *argv[])
{
	if (argc != 2)
		fail("'parse-flows' command requires 1 argument");

	FILE *f = strcmp(argv[1], "-") ? fopen(argv[1], "r") : stdin;
	if (!f)
		fail("%s: open failed (%s)", argv[1], strerror(errno));

	struct of_flow_mod *fms = NULL;
	struct bytebuf *acts = NULL;
	uint32_t usable = OFPROTO_ANY;
	size_t n = 0, lineno = 0;
	char line[65536];

	while (fgets(line, sizeof line, f)) {
		char *flow = flow_line(line);
		uint32_t u;

		lineno++;
		if (!flow)
			continue;
		fms = xrealloc(fms, (n + 1) * sizeof *fms);
		acts = xrealloc(acts, (n + 1) * sizeof *acts);
		bytebuf_init(&acts[n]);
		char *error = of_flow_mod_parse(flow, OFPFC_ADD, &fms[n],
						&acts[n], &u);
		if (error)
			fail("%s:%zu: %s", argv[1], lineno, error);
		usable &= u;
		n++;
	}
	if (f != stdin)
		fclose(f);
	print_flow_mods(fms, n, usable);
	for (size_t i = 0; i < n; i++)
		bytebuf_uninit(&acts[i]);
	free(acts);
	free(fms);
}

/* "OpenFlow13" and the like: exactly one version. */
static uint8_t one_version(const char *arg)
{
	uint32_t versions;
	char *error = ofp_versions_parse(arg, &versions);

	if (error || !versions || versions & (versions - 1))
		fail("%s: not a valid OpenFlow version", arg);
	for (uint8_t v = 0; ; v++)
		if (versions == 1u << v)
			return v;
}

static void print_differences(const uint8_t *a, size_t a_len,
			      const uint8_t *b, size_t b_len)
{
	size_t i;

	for (i = 0; i < a_len && i < b_len; i++)
		if (a[i] != b[i])
			printf("%2zu: %02x -> %02x\n", i, a[i], b[i]);
	for (i = a_len; i < b_len; i++)
		printf("%2zu: (none) -> %02x\n", i, b[i]);
	for (i = b_len; i < a_len; i++)
		printf("%2zu: %02x -> (none)\n", i, a[i]);
}

static void parse_actions_line(const char *line, const char *version_s,
			       uint8_t version, bool instructions)
{
	struct bytebuf in = BYTEBUF_INITIALIZER, acts = BYTEBUF_INITIALIZER;
	struct bytebuf out = BYTEBUF_INITIALIZER;

	if (*ofp_print_parse_hex(&in, line))
		fail("Trailing garbage in hex data");
	/* A list is whole 8-byte units before any action is looked at. */
	enum ofperr error = in.size % 8 ? OFPERR_OFPBRC_BAD_LEN
		: instructions
		? ofpacts_decode_instructions(in.data, in.size, version, &acts)
		: ofpacts_decode_actions(in.data, in.size, version, &acts);
	if (error) {
		printf("bad %s %s: %s\n\n", version_s,
		       instructions ? "instructions" : "actions",
		       ofperr_get_name(error));
	} else {
		char *s = ofpacts_to_string(acts.data, acts.size);
		printf("actions=%s\n", s);
		free(s);
		if (instructions)
			ofpacts_encode_instructions(acts.data, acts.size,
						    version, &out);
		else
			ofpacts_encode_actions(acts.data, acts.size, version,
					       &out);
		print_differences(in.data, in.size, out.data, out.size);
		putchar('\n');
	}
	bytebuf_uninit(&in);
	bytebuf_uninit(&acts);
	bytebuf_uninit(&out);
}

static void parse_actions_cmd(int argc, char *argv[], bool instructions)
{
	char line[65536];

	if (argc != 2)
		fail("'%s' command requires 1 argument", argv[0]);
	uint8_t version = one_version(argv[1]);
	while (fgets(line, sizeof line, stdin)) {
		char *hex = flow_line(line);
		if (hex)
			parse_actions_line(hex, argv[1], version,
					   instructions);
	}
}

static void cmd_parse_actions(int argc, char *argv[])
{
	parse_actions_cmd(argc, argv, false);
}

static void cmd_parse_instructions(int argc, char *argv[])
{
	parse_actions_cmd(argc, argv, true);
}

static void print_hex(const struct bytebuf *b)
{
	const uint8_t *p = b->data;

	for (size_t i = 0; i < b->size; i++)
		printf("%02x", p[i]);
	putchar('\n');
}

static void print_message(const struct bytebuf *b)
{
	char *s = ofp_to_string(b->data, b->size, OFP_PRINT_DEFAULT_VERBOSITY);

	fputs(s, stdout);
	free(s);
}

static void cmd_parse_group(int argc, char *argv[])
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm;
	uint32_t usable;

	if (argc != 2)
		fail("'parse-group' command requires 1 argument");
	char *error = ofp_group_mod_parse(argv[1], OFPGC_ADD, &gm, &acts,
					  &usable);
	if (error)
		fail("%s", error);
	for (uint8_t v = 1; v < 32; v++) {
		if (!(usable & allowed_versions & 1u << v))
			continue;
		struct bytebuf msg = BYTEBUF_INITIALIZER;
		enum ofperr e = ofp_group_mod_encode(&gm, v, 1, &msg);
		if (e)
			fail("cannot encode group (%s)", ofperr_get_name(e));
		print_message(&msg);
		bytebuf_uninit(&msg);
	}
	ofp_group_mod_uninit(&gm);
	bytebuf_uninit(&acts);
}

static enum ofperr encode_flow_mod(const char *text, uint8_t version,
				   struct bytebuf *out)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm;
	uint32_t usable;
	char *error = of_flow_mod_parse(text, OFPFC_ADD, &fm, &acts, &usable);

	if (error)
		fail("%s", error);
	enum ofp_protocol p = ofp_protocol_choose(
		usable, allowed_protocols &
		ofp_protocols_from_versions(1u << version));
	if (!p)
		fail("no usable protocol");
	enum ofperr e = of_flow_mod_encode(&fm, p, 1, out);
	bytebuf_uninit(&acts);
	return e;
}

static enum ofperr encode_group_mod(const char *text, uint8_t version,
				    struct bytebuf *out)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm;
	uint32_t usable;
	char *error = ofp_group_mod_parse(text, OFPGC_ADD, &gm, &acts,
					  &usable);

	if (error)
		fail("%s", error);
	if (!(usable & 1u << version))
		fail("group needs OpenFlow 1.0 or 1.5 ('-O OpenFlow15')");
	enum ofperr e = ofp_group_mod_encode(&gm, version, 1, out);
	ofp_group_mod_uninit(&gm);
	bytebuf_uninit(&acts);
	return e;
}

static enum ofperr encode_packet_out(const char *text, uint8_t version,
				     struct bytebuf *out)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER, pkt = BYTEBUF_INITIALIZER;
	struct ofp_packet_out po;
	char *error = ofp_packet_out_parse(text, &po, &acts, &pkt);

	if (error)
		fail("%s", error);
	enum ofperr e = ofp_packet_out_encode(&po, version, 1, out);
	bytebuf_uninit(&acts);
	bytebuf_uninit(&pkt);
	return e;
}

#define MAX_BANDS 64

static enum ofperr encode_meter_mod(const char *text, uint8_t version,
				    struct bytebuf *out)
{
	struct ofp_meter_band bands[MAX_BANDS];
	struct ofp_meter_mod mm;
	char *error = ofp_meter_parse(text, OFPMC13_ADD, &mm, bands,
				      MAX_BANDS);

	if (error)
		fail("%s", error);
	if (version < OFP13_VERSION)
		return OFPERR_OFPBRC_BAD_VERSION;
	ofp_meter_mod_encode(out, version, 1, &mm, bands, mm.meter.n_bands);
	return 0;
}

static void cmd_encode(int argc, char *argv[])
{
	static const struct {
		const char *kind;
		enum ofperr (*encode)(const char *, uint8_t, struct bytebuf *);
	} kinds[] = {
		{ "flow_mod", encode_flow_mod },
		{ "group_mod", encode_group_mod },
		{ "packet_out", encode_packet_out },
		{ "meter_mod", encode_meter_mod },
	};
	struct bytebuf msg = BYTEBUF_INITIALIZER;

	if (argc != 4)
		fail("'encode' command requires 3 arguments");
	uint8_t version = one_version(argv[1]);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(argv[2], kinds[i].kind))
			continue;
		enum ofperr e = kinds[i].encode(argv[3], version, &msg);
		if (e)
			fail("cannot encode %s for %s (%s)", argv[2], argv[1],
			     ofperr_get_name(e));
		print_hex(&msg);
		bytebuf_uninit(&msg);
		return;
	}
	fail("%s: unknown message kind (flow_mod, group_mod, packet_out or "
	     "meter_mod)", argv[2]);
}

/* -O takes OpenFlow versions; each may also be a protocol name. */
static void set_versions(const char *arg)
{
	char *error = ofp_versions_parse(arg, &allowed_versions);

	if (error)
		fail("%s", error);
}

static void set_protocols(const char *arg)
{
	char *error = ofp_protocols_parse(arg, &allowed_protocols);

	if (error)
		fail("%s", error);
}

int main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "protocols", required_argument, NULL, 'O' },
		{ "flow-format", required_argument, NULL, 'F' },
		OFCTL_LONG_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "+hVO:F:" OFCTL_SHORT_OPTIONS,
				longopts, NULL)) != -1) {
		switch (c) {
		case 'h': usage(); break;
		case 'O': set_versions(optarg); break;
		case 'F': set_protocols(optarg); break;
		case 'V': puts("weir-ofctl (Weir) " PACKAGE_VERSION); exit(0);
		default:
			if (!ofctl_option(c, optarg))
				exit(1);
		}
	}
	if (optind >= argc)
		fail("missing command name; use --help for help");

	const char *cmd = argv[optind];
	if (!strcmp(cmd, "ofp-print"))
		cmd_ofp_print(argc - optind, argv + optind);
	else if (!strcmp(cmd, "parse-flow"))
		cmd_parse_flow(argc - optind, argv + optind);
	else if (!strcmp(cmd, "parse-flows"))
		cmd_parse_flows(argc - optind, argv + optind);
	else if (!strcmp(cmd, "parse-actions"))
		cmd_parse_actions(argc - optind, argv + optind);
	else if (!strcmp(cmd, "parse-instructions"))
		cmd_parse_instructions(argc - optind, argv + optind);
	else if (!strcmp(cmd, "parse-group"))
		cmd_parse_group(argc - optind, argv + optind);
	else if (!strcmp(cmd, "encode"))
		cmd_encode(argc - optind, argv + optind);
	else if (ofctl_online_run(argc - optind, argv + optind,
				  allowed_versions, allowed_protocols))
		;
	else
		fail("unknown command '%s'; use --help for help", cmd);
	return 0;
}
