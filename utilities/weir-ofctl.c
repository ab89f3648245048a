/* weir-ofctl: OpenFlow switch administration with ovs-ofctl's commands and
 * habits.  For now the offline commands:
 *
 *   ofp-print HEX|FILE|- [VERBOSITY]   decode one OpenFlow message
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
#include "ofp-print.h"
#include "xalloc.h"

static void usage(void)
{
	printf("weir-ofctl: OpenFlow switch management utility\n"
	       "usage: weir-ofctl [OPTIONS] COMMAND [ARG...]\n"
	       "  ofp-print HEX|FILE|- [VERBOSITY]\n"
	       "                      print the OpenFlow message in HEX (or "
	       "the hex text in\n"
	       "                      FILE, or on stdin for -)\n"
	       "Options:\n"
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

int main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h': usage(); break;
		case 'V': puts("weir-ofctl (Weir) " PACKAGE_VERSION); exit(0);
		default: exit(1);
		}
	}
	if (optind >= argc)
		fail("missing command name; use --help for help");

	const char *cmd = argv[optind];
	if (!strcmp(cmd, "ofp-print"))
		cmd_ofp_print(argc - optind, argv + optind);
	else
		fail("unknown command '%s'; use --help for help", cmd);
	return 0;
}
