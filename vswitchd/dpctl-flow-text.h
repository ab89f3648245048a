/* dpctl's side of the flow text of odp-flow-text.h: UFIDs as commands take
 * them, and dpif flows and statistics as dump-flows, get-flow and "-s"
 * print them:
 *
 *   [ufid:UUID, ]KEY, packets:N, bytes:N, used:T[, flags:F][, dp:HOME],
 *   actions:ACTIONS
 *
 * (one line; the UFID and where the flow lives with -m only). */
#ifndef WEIR_VSWITCHD_DPCTL_FLOW_TEXT_H
#define WEIR_VSWITCHD_DPCTL_FLOW_TEXT_H 1

#include <stdbool.h>
#include <stdio.h>

struct dpif_flow;
struct dpif_flow_stats;
struct flow_ufid;

/* Parses "ufid:" and 32 hex digits (dashes allowed, as in a UUID) at the
 * start of 's'.  Returns the characters taken, 0 if 's' does not start
 * with "ufid:", or -1 with a message in 'err'. */
int dpctl_ufid_parse(const char *s, struct flow_ufid *, char *err,
		     size_t err_size);

/* "packets:N, bytes:N, used:T[, flags:F]" and a newline. */
void dpctl_stats_print_line(FILE *, const struct dpif_flow_stats *);

/* A dump-flows line; 'more' as -m. */
void dpctl_flow_print(FILE *, const struct dpif_flow *, bool more);

#endif /* WEIR_VSWITCHD_DPCTL_FLOW_TEXT_H */
