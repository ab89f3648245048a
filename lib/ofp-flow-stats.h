/* Individual flow statistics: the request (OFPST_FLOW in 1.0 and 1.1-1.5,
 * NXST_FLOW with an NXM match), shared by the aggregate request, and the
 * reply entries in each version's form. */
#ifndef OFP_FLOW_STATS_H
#define OFP_FLOW_STATS_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-match.h"
#include "ofp-msgs.h"
#include "ofp-print-bodies.h"

struct bytebuf;
struct bytecur;
struct odp_text;

/* OFPTYPE_FLOW_STATS_REQUEST, OFPTYPE_NXST_FLOW_REQUEST and the two
 * aggregate requests.  Ports and groups in 1.1+ numbering; table 255 is
 * all tables. */
struct ofp_flow_stats_request {
	struct of_match match;
	uint64_t cookie, cookie_mask;
	uint32_t out_port, out_group;
	uint8_t table_id;
};

/* All flows of all tables, any port, any group, any cookie. */
void ofp_flow_stats_request_init(struct ofp_flow_stats_request *);
enum ofperr ofp_flow_stats_request_decode(const struct ofpmsg *,
					  struct ofp_flow_stats_request *);
/* 'type' is one of the four request types; the NXST types exist in every
 * version, the standard ones carry 1.0, 1.1 standard or OXM matches. */
void ofp_flow_stats_request_encode(struct bytebuf *, enum ofptype,
				   uint8_t version, uint32_t xid,
				   const struct ofp_flow_stats_request *);
void ofp_flow_stats_request_format(struct odp_text *,
				   const struct ofp_flow_stats_request *);

#define OFP_FLOW_AGE_UNKNOWN (-1)

/* One reply entry.  'flags' are enum ofp_flow_mod_flag bits; idle_age and
 * hard_age exist in NXST_FLOW only (OFP_FLOW_AGE_UNKNOWN elsewhere).
 * 'ofpacts' points into a buffer the caller owns. */
struct ofp_flow_stats {
	struct of_match match;
	uint16_t priority;
	uint8_t table_id;
	uint32_t duration_sec, duration_nsec;
	uint16_t idle_timeout, hard_timeout, importance;
	uint32_t flags;
	uint64_t cookie;
	uint64_t packet_count, byte_count;
	int idle_age, hard_age;
	const void *ofpacts;
	size_t ofpacts_len;
};

/* Pulls the next entry of the reply body 'c' of type 'type'
 * (OFPTYPE_FLOW_STATS_REPLY or OFPTYPE_NXST_FLOW_REPLY) in 'version',
 * its actions appended to 'ofpacts'.  Returns 0, -1 at the end of the
 * body, or an error. */
int ofp_flow_stats_pull(enum ofptype, uint8_t version, struct bytecur *,
			struct ofp_flow_stats *, struct bytebuf *ofpacts);
/* Appends one entry; OFPBAC_* errors when an action has no wire form in
 * 'version', 'b' then being as it was. */
enum ofperr ofp_flow_stats_put(struct bytebuf *, enum ofptype,
			       uint8_t version, const struct ofp_flow_stats *);
/* One entry as ovs-ofctl dump-flows shows it (no leading space). */
void ofp_flow_stats_format(struct odp_text *, const struct ofp_flow_stats *);

/* A 1.1+ port number as ovs-ofctl prints it ("LOCAL", "5"). */
void ofp_format_port32(struct odp_text *, uint32_t port);

OFP_BODY_PRINTER(ofp_flow_stats_print_request);
OFP_BODY_PRINTER(ofp_flow_stats_print_reply);

#endif
