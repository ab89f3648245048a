/* The dpctl command family: the datapaths the daemon holds, the options
 * every command parses the same way, and finding the datapath a command
 * names.  Commands parse their whole command line before touching any
 * datapath, so a syntax error changes nothing. */
#include "dpctl-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dpif.h"
#include "xalloc.h"

struct dpctl *dpctl_create(void)
{
	return xcalloc(1, sizeof(struct dpctl));
}

void dpctl_destroy(struct dpctl *dpctl)
{
	if (!dpctl)
		return;
	for (size_t i = 0; i < dpctl->n_dps; i++) {
		dpif_close(dpctl->dps[i].dpif);
		free(dpctl->dps[i].type);
		free(dpctl->dps[i].name);
	}
	free(dpctl->dps);
	free(dpctl);
}

void dpctl_register_commands(struct dpctl *dpctl,
			     struct unixctl_server *server)
{
	dpctl_register_dp_commands(dpctl, server);
	dpctl_register_flow_commands(dpctl, server);
	dpctl_register_pmd_commands(dpctl, server);
}

static const struct {
	const char *name;
	unsigned int opt;
} dpctl_options[] = {
	{ "-m", DPCTL_MORE }, { "--more", DPCTL_MORE },
	{ "-s", DPCTL_STATS }, { "--statistics", DPCTL_STATS },
	{ "--clear", DPCTL_CLEAR },
	{ "--may-create", DPCTL_MAY_CREATE },
	{ "--names", DPCTL_NAMES }, { "--no-names", DPCTL_NAMES },
};

/* The option 'arg' names, or 0 if it names none. */
static unsigned int dpctl_option(const char *arg)
{
	for (size_t i = 0; i < sizeof dpctl_options / sizeof *dpctl_options;
	     i++)
		if (!strcmp(arg, dpctl_options[i].name))
			return dpctl_options[i].opt;
	return 0;
}

int dpctl_parse_args(int argc, const char *argv[], unsigned int allowed,
		     int min, int max, struct dpctl_args *a, FILE *out)
{
	memset(a, 0, sizeof *a);
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		unsigned int opt = arg[0] == '-' && arg[1] ? dpctl_option(arg)
							   : 0;
		if (opt & allowed) {
			a->opts |= opt;
		} else if (arg[0] == '-' && arg[1]) {
			fprintf(out, "%s: unknown option \"%s\"\n", argv[0],
				arg);
			return -EINVAL;
		} else if (a->n == max ||
			   a->n == (int)(sizeof a->pos / sizeof *a->pos)) {
			fprintf(out, "%s: unexpected argument \"%s\"\n",
				argv[0], arg);
			return -EINVAL;
		} else {
			a->pos[a->n++] = arg;
		}
	}
	if (a->n < min) {
		fprintf(out, "%s: missing argument (at least %d needed)\n",
			argv[0], min);
		return -EINVAL;
	}
	return 0;
}

bool dpctl_split_name(const char *s, char **type, char **name)
{
	const char *at = strchr(s, '@');

	*type = at ? strndup(s, at - s) : xstrdup("netdev");
	*name = xstrdup(at ? at + 1 : s);
	if (!*type || !**type || !**name || strchr(*name, '@')) {
		free(*type);
		free(*name);
		*type = *name = NULL;
		return false;
	}
	return true;
}

static struct dpctl_dp *dpctl_find(struct dpctl *dpctl, const char *type,
				   const char *name)
{
	for (size_t i = 0; i < dpctl->n_dps; i++) {
		struct dpctl_dp *dp = &dpctl->dps[i];
		if (!strcmp(dp->type, type) && !strcmp(dp->name, name))
			return dp;
	}
	return NULL;
}

/* The name of the only datapath, or NULL after saying why not. */
static char *dpctl_only_dp(FILE *out)
{
	char **names = NULL, *only = NULL;
	size_t n = 0;

	if (dpif_enumerate("netdev", &names, &n) < 0 || n != 1)
		fprintf(out, n ? "%zu datapaths exist: name one\n"
			       : "no datapath exists\n", n);
	else
		only = names[0];
	for (size_t i = 0; i < n; i++)
		if (names[i] != only)
			free(names[i]);
	free(names);
	return only;
}

static struct dpif *dpctl_open_name(struct dpctl *dpctl, const char *s,
				    FILE *out)
{
	struct dpif *dpif = NULL;
	char *type, *name;

	if (!dpctl_split_name(s, &type, &name)) {
		fprintf(out, "\"%s\": not a datapath name ([TYPE@]NAME)\n", s);
		return NULL;
	}
	struct dpctl_dp *dp = dpctl_find(dpctl, type, name);
	if (dp) {
		dpif = dp->dpif;
	} else {
		int error = dpif_open(type, name, false, &dpif);
		if (error)
			fprintf(out, "%s@%s: %s\n", type, name,
				error == -ENODEV ? "no such datapath"
				: error == -EAFNOSUPPORT
				? "unknown datapath type" : strerror(-error));
	}
	free(type);
	free(name);
	return dpif;
}

struct dpif *dpctl_open(struct dpctl *dpctl, const char *s, FILE *out)
{
	char *only = NULL;
	struct dpif *dpif;

	if (!s) {
		only = dpctl_only_dp(out);
		if (!only)
			return NULL;
		s = only;
	}
	dpif = dpctl_open_name(dpctl, s, out);
	free(only);
	return dpif;
}

void dpctl_release(struct dpctl *dpctl, struct dpif *dpif)
{
	for (size_t i = 0; i < dpctl->n_dps; i++)
		if (dpctl->dps[i].dpif == dpif)
			return;
	dpif_close(dpif);
}

int dpctl_error(FILE *out, struct dpif *dpif, int error, const char *what)
{
	const char *why = dpif ? dpif_last_error(dpif) : NULL;

	fprintf(out, "%s: %s\n", what, why && *why ? why : strerror(-error));
	return error;
}
