/* The aggregate flow statistics reply: fixed counters in 1.0-1.4 and
 * Nicira's NXST form, OXS statistics in 1.5. */
#ifndef OFP_AGGREGATE_H
#define OFP_AGGREGATE_H 1

#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;

struct ofp_aggregate_stats {
	uint64_t packet_count;
	uint64_t byte_count;
	uint32_t flow_count;
};

enum ofperr ofp_aggregate_reply_decode(const struct ofpmsg *,
				       struct ofp_aggregate_stats *);
void ofp_aggregate_reply_encode(struct bytebuf *, enum ofptype,
				uint8_t version, uint32_t xid,
				const struct ofp_aggregate_stats *);

#endif
