/* IPFIX statistics (Nicira NXST_IPFIX_BRIDGE and NXST_IPFIX_FLOW
 * replies): per bridge, and per flow-sampling collector set. */
#ifndef OFP_IPFIX_H
#define OFP_IPFIX_H 1

#include <stdint.h>

#include "ofp-print-bodies.h"

struct bytebuf;
struct bytecur;

#define OFP_IPFIX_STATS_LEN 88

/* UINT64_MAX: unknown. */
struct ofp_ipfix_stats {
	uint64_t total_flows, current_flows;
	uint64_t pkts, ipv4_pkts, ipv6_pkts;
	uint64_t error_pkts, ipv4_error_pkts, ipv6_error_pkts;
	uint64_t tx_pkts, tx_errors;
	uint32_t collector_set_id;
};

/* 0, -1 at the end of the body, or OFPBRC_BAD_LEN for a fragment. */
int ofp_ipfix_stats_pull(struct bytecur *, struct ofp_ipfix_stats *);
void ofp_ipfix_stats_put(struct bytebuf *, const struct ofp_ipfix_stats *);

OFP_BODY_PRINTER(ofp_ipfix_print_bridge_reply);
OFP_BODY_PRINTER(ofp_ipfix_print_flow_reply);

#endif
