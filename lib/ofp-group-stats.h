/* Group statistics: the group stats request (NXST in 1.0, OFPST in 1.1+)
 * and reply elements, 1.1-1.2 without durations, 1.0 (Nicira) and 1.3+
 * with them. */
#ifndef OFP_GROUP_STATS_H
#define OFP_GROUP_STATS_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;
struct bytecur;

#define OFPG_MAX 0xffffff00u
#define OFPG_ALL 0xfffffffcu
#define OFPG_ANY 0xffffffffu

struct ofp_group_stats {
	uint32_t group_id;
	uint32_t ref_count;
	uint64_t packet_count, byte_count;
	uint32_t duration_sec, duration_nsec;	/* UINT32_MAX: unknown. */
	const uint8_t *buckets;	/* n_buckets of packet(8) byte(8). */
	size_t n_buckets;
};

/* The group features reply: per group type (all, select, indirect, fast
 * failover) a maximum and a bitmap of actions in the message's version's
 * numbering. */
#define OFP_GROUP_N_TYPES 4

struct ofp_group_features {
	uint32_t types;
	uint32_t capabilities;
	uint32_t max_groups[OFP_GROUP_N_TYPES];
	uint32_t actions[OFP_GROUP_N_TYPES];
};

void ofp_group_features_decode(const struct ofpmsg *,
			       struct ofp_group_features *);
void ofp_group_features_encode(struct bytebuf *, uint8_t version,
			       uint32_t xid, const struct ofp_group_features *);

uint32_t ofp_group_stats_request_decode(const struct ofpmsg *);
void ofp_group_stats_request_encode(struct bytebuf *, uint8_t version,
				    uint32_t xid, uint32_t group_id);
int ofp_group_stats_pull(uint8_t version, struct bytecur *,
			 struct ofp_group_stats *);
void ofp_group_stats_put(struct bytebuf *, uint8_t version,
			 const struct ofp_group_stats *,
			 const uint64_t (*bucket_counts)[2]);
void ofp_group_stats_bucket(const struct ofp_group_stats *, size_t i,
			    uint64_t *packets, uint64_t *bytes);

#endif
