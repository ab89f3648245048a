/* A datapath flow as "ovs-dpctl" writes and takes it: the flow key (with
 * its mask) of odp-key-text.h and the actions of odp-actions-text.h.
 *
 *   add-flow:    in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.2) 2,3
 *   dump-flows:  in_port(1),eth_type(0x0800),ipv4(dst=10.0.0.2),
 *                packets:3, bytes:294, used:0.120s, flags:S., actions:2,3
 *
 * Verbose lines ("dump-flows -m") start with "ufid:UUID, " and add
 * "offloaded:" and "dp:" before the actions. */
#ifndef WEIR_ODP_FLOW_TEXT_H
#define WEIR_ODP_FLOW_TEXT_H 1

#include <stdbool.h>
#include <stddef.h>
#include "odp-key-text.h"

/* What a dump-flows line shows besides the key and the actions. */
struct odp_flow_stats {
	u64 n_packets, n_bytes;
	u64 used;		/* msec when last used, 0: never */
	u64 now;		/* msec on the same clock: "used:" is now - used */
	u16 tcp_flags;		/* TCP flags seen, shown when nonzero */

	/* Shown with ODP_KEY_VERBOSE only. */
	bool has_ufid;
	u32 ufid[4];		/* printed as OVS prints a UUID */
	bool offloaded;		/* "offloaded:yes", or ":partial" in "ovs" */
	const char *dp_layer;	/* "ovs", "tc", ...; NULL: not shown */
};

/* Appends the flow as one dump-flows line: the key (and mask, as
 * odp_key_format() prints them with 'flags'), then the statistics unless
 * 'stats' is NULL, then ", actions:" and the actions. */
void odp_flow_format(struct odp_text *out, const void *key, size_t key_len,
		     const void *mask, size_t mask_len,
		     const struct odp_flow_stats *stats,
		     const void *acts, size_t acts_len, unsigned int flags);

/* Appends the statistics alone, as odp_flow_format() shows them:
 * "packets:N, bytes:N, used:T[, flags:F]" and, with ODP_KEY_VERBOSE,
 * "[, offloaded:yes][, dp:LAYER]". */
void odp_flow_stats_format(struct odp_text *out,
			   const struct odp_flow_stats *stats,
			   unsigned int flags);

/* Parses "KEY ACTIONS" (add-flow: the actions begin at the first port
 * number or action name) or a dump-flows line "KEY, ..., actions:ACTIONS"
 * (the statistics are skipped, not read), appending the key, its mask
 * ('mask' NULL: the key may not have masks) and the actions.  Returns 0, or
 * an errno with a message naming the bad token in 'err'; on error nothing
 * is appended. */
int odp_flow_parse(const char *s, struct nlbuf *key, struct nlbuf *mask,
		   struct nlbuf *acts, char *err, size_t err_size);

#endif /* WEIR_ODP_FLOW_TEXT_H */
