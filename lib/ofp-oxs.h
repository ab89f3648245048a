/* OpenFlow 1.5 statistics in OXS form (ofp_oxs_stat): a reserved field, a
 * length, then TLVs of class OFPXSC_OPENFLOW_BASIC, padded to 8 bytes.
 * Used by the aggregate reply, flow stats and flow removed. */
#ifndef OFP_OXS_H
#define OFP_OXS_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"

struct bytebuf;
struct bytecur;

/* OXS fields, as bits of ofp_oxs_stats.present. */
enum ofp_oxs_field {
	OFP_OXS_DURATION = 0,
	OFP_OXS_IDLE_TIME = 1,
	OFP_OXS_FLOW_COUNT = 3,
	OFP_OXS_PACKET_COUNT = 4,
	OFP_OXS_BYTE_COUNT = 5,
};

/* A statistic the message does not carry is all ones. */
struct ofp_oxs_stats {
	uint32_t duration_sec, duration_nsec;
	uint32_t idle_age;		/* Seconds. */
	uint32_t flow_count;
	uint64_t packet_count, byte_count;
	uint8_t present;		/* 1 << enum ofp_oxs_field. */
};

enum ofperr ofp_oxs_stat_pull(struct bytecur *, struct ofp_oxs_stats *);
void ofp_oxs_stat_put(struct bytebuf *, const struct ofp_oxs_stats *,
		      uint8_t fields);

#endif
