/* Flow monitor replies: the flow updates of NXST_FLOW_MONITOR (1.0-1.2),
 * ONFST_FLOW_MONITOR (1.3, an OXM match and instructions in the Nicira
 * layout) and OFPST_FLOW_MONITOR (1.4+). */
#ifndef OFP_FLOW_UPDATE_H
#define OFP_FLOW_UPDATE_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-match.h"
#include "ofp-msgs.h"
#include "ofp-print-bodies.h"

struct bytebuf;
struct bytecur;
struct odp_text;

/* OpenFlow 1.4 numbering; the Nicira events map onto it. */
enum ofp_flow_update_event {
	OFPFME_INITIAL = 0,
	OFPFME_ADDED = 1,
	OFPFME_REMOVED = 2,
	OFPFME_MODIFIED = 3,
	OFPFME_ABBREV = 4,
	OFPFME_PAUSED = 5,
	OFPFME_RESUMED = 6,
};

/* For ABBREV only 'xid' means anything; for PAUSED and RESUMED nothing
 * but the event.  'ofpacts' points into a buffer the caller owns. */
struct ofp_flow_update {
	uint16_t event;
	uint16_t reason;		/* OFPRR_*, for REMOVED. */
	uint16_t idle_timeout, hard_timeout, priority;
	uint8_t table_id;
	uint64_t cookie;
	struct of_match match;
	const void *ofpacts;
	size_t ofpacts_len;
	uint32_t xid;			/* ABBREV. */
};

/* Pulls the next update of a reply of 'type' in 'version', actions
 * appended to 'ofpacts'.  0, -1 at the end, OFPBRC_BAD_LEN,
 * NXBRC_FM_BAD_EVENT for an event the form does not have, or the match's
 * and actions' errors. */
int ofp_flow_update_pull(uint8_t version, struct bytecur *,
			 struct ofp_flow_update *, struct bytebuf *ofpacts);
/* Appends one update; OFPBAC_* when an action has no form in 'version',
 * NXBRC_FM_BAD_EVENT for an event the version's form lacks ('b' is then
 * as it was). */
enum ofperr ofp_flow_update_put(struct bytebuf *, uint8_t version,
				const struct ofp_flow_update *);
void ofp_flow_update_format(struct odp_text *, const struct ofp_flow_update *);

OFP_BODY_PRINTER(ofp_flow_update_print_reply);

#endif
