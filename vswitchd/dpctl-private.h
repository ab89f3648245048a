/* What the dpctl command files share: the daemon's datapath handles,
 * option parsing, and finding the datapath a command names. */
#ifndef WEIR_VSWITCHD_DPCTL_PRIVATE_H
#define WEIR_VSWITCHD_DPCTL_PRIVATE_H 1

#include <stdbool.h>
#include <stdio.h>

#include "dpctl.h"
#include "unixctl.h"

struct dpif;

/* A datapath the daemon created, whose handle it keeps open. */
struct dpctl_dp {
	char *type, *name;
	struct dpif *dpif;
};

struct dpctl {
	struct dpctl_dp *dps;
	size_t n_dps;
};

/* The options of ovs-dpctl commands. */
enum {
	DPCTL_MORE = 1 << 0,            /* -m, --more */
	DPCTL_STATS = 1 << 1,           /* -s, --statistics */
	DPCTL_CLEAR = 1 << 2,           /* --clear */
	DPCTL_MAY_CREATE = 1 << 3,      /* --may-create */
	DPCTL_NAMES = 1 << 4,           /* --names, --no-names: accepted */
};

/* A command line split into options and the other ("positional")
 * arguments. */
struct dpctl_args {
	unsigned int opts;
	int n;
	const char *pos[16];
};

/* Splits argv[1..argc) into options among 'allowed' and positional
 * arguments, of which there must be 'min' to 'max'.  Returns 0, or -EINVAL
 * after writing a message naming the bad argument to 'out'. */
int dpctl_parse_args(int argc, const char *argv[], unsigned int allowed,
		     int min, int max, struct dpctl_args *, FILE *out);

/* Opens the datapath "[TYPE@]NAME" that 'name' gives, or with a NULL
 * 'name' the only one there is.  Returns a handle for dpctl_release(), or
 * NULL after writing why to 'out'. */
struct dpif *dpctl_open(struct dpctl *, const char *name, FILE *out);
void dpctl_release(struct dpctl *, struct dpif *);

/* Splits "[TYPE@]NAME" (TYPE defaults to "netdev"); false if malformed. */
bool dpctl_split_name(const char *s, char **type, char **name);

/* Writes "WHAT: ERROR" to 'out', with the datapath's own explanation when
 * it left one, and returns 'error' (a negative errno). */
int dpctl_error(FILE *out, struct dpif *, int error, const char *what);

/* Registration of the command families. */
void dpctl_register_dp_commands(struct dpctl *, struct unixctl_server *);
void dpctl_register_flow_commands(struct dpctl *, struct unixctl_server *);
void dpctl_register_pmd_commands(struct dpctl *, struct unixctl_server *);

#endif /* WEIR_VSWITCHD_DPCTL_PRIVATE_H */
