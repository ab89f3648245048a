/* Controller roles: OFPT_ROLE_REQUEST/REPLY (1.2+) and the Nicira
 * NXT_ROLE_REQUEST/REPLY, decoded into one form. */
#ifndef OFP_ROLE_H
#define OFP_ROLE_H 1

#include <stdbool.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;

/* OpenFlow 1.2+ wire values; Nicira's are one less (no "nochange"). */
enum ofp_role {
	OFP_ROLE_NOCHANGE = 0,
	OFP_ROLE_EQUAL = 1,
	OFP_ROLE_PRIMARY = 2,
	OFP_ROLE_SECONDARY = 3,
};

/* 'generation_id' counts only if 'have_generation_id' (a request that
 * changes the role, or a reply with an id other than all-ones). */
struct ofp_role_msg {
	enum ofp_role role;
	bool have_generation_id;
	uint64_t generation_id;
};

/* Why a switch reports a role change (ROLE_STATUS). */
enum ofp_role_reason {
	OFP_ROLE_REASON_PRIMARY_REQUEST = 0,
	OFP_ROLE_REASON_CONFIG = 1,
	OFP_ROLE_REASON_EXPERIMENTER = 2,
};

/* ONFT_ROLE_STATUS (1.3) / OFPT_ROLE_STATUS (1.4+); properties are not
 * decoded. */
struct ofp_role_status {
	enum ofp_role role;
	uint8_t reason;
	uint64_t generation_id;
};

const char *ofp_role_to_string(enum ofp_role);
const char *ofp_role_reason_to_string(uint8_t reason);
enum ofperr ofp_role_status_decode(const struct ofpmsg *,
				   struct ofp_role_status *);
enum ofperr ofp_role_decode(const struct ofpmsg *, struct ofp_role_msg *);
bool ofp_role_encode(struct bytebuf *, enum ofptype, uint8_t version,
		     uint32_t xid, const struct ofp_role_msg *);

#endif
