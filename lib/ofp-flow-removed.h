/* FLOW_REMOVED: OpenFlow 1.0 (ofp_match first), 1.1-1.4 (standard or OXM
 * match after the counters), 1.5 (match, then OXS statistics) and
 * NXT_FLOW_REMOVED (NXM). */
#ifndef OFP_FLOW_REMOVED_H
#define OFP_FLOW_REMOVED_H 1

#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-match.h"
#include "ofp-msgs.h"

struct bytebuf;
struct bytecur;

enum ofp_flow_removed_reason {
	OFPRR_IDLE_TIMEOUT = 0,
	OFPRR_HARD_TIMEOUT = 1,
	OFPRR_DELETE = 2,
	OFPRR_GROUP_DELETE = 3,
	OFPRR_METER_DELETE = 4,
	OFPRR_EVICTION = 5,
};

/* The priority a match prints without. */
#define OFP_DEFAULT_PRIORITY 0x8000

/* 'table_id' is 255 where the message has none (1.0, NXT table 0). */
struct ofp_flow_removed {
	struct of_match match;
	uint64_t cookie;
	uint16_t priority;
	uint8_t reason;
	uint8_t table_id;
	uint32_t duration_sec, duration_nsec;
	uint16_t idle_timeout, hard_timeout;
	uint64_t packet_count, byte_count;
};

enum ofperr ofp_flow_removed_decode(const struct ofpmsg *,
				    struct ofp_flow_removed *);
void ofp_flow_removed_encode(struct bytebuf *, enum ofptype, uint8_t version,
			     uint32_t xid, const struct ofp_flow_removed *);
const char *ofp_flow_removed_reason_name(uint8_t reason, char buf[4]);
enum ofperr ofp_match_pull_of11(struct bytecur *, uint8_t version,
				struct of_match *);
void ofp_match_put_nxm(struct bytebuf *, const struct of_match *,
		       size_t len_ofs);
char *ofp_match_format_with_priority(const struct of_match *,
				     uint16_t priority);

#endif
