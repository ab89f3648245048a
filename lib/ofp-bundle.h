/* Bundles: BUNDLE_CONTROL and BUNDLE_ADD_MESSAGE (ONF extension in 1.3,
 * standard in 1.4+). */
#ifndef OFP_BUNDLE_H
#define OFP_BUNDLE_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;

enum ofp_bundle_ctrl_type {
	OFPBCT_OPEN_REQUEST = 0,
	OFPBCT_OPEN_REPLY = 1,
	OFPBCT_CLOSE_REQUEST = 2,
	OFPBCT_CLOSE_REPLY = 3,
	OFPBCT_COMMIT_REQUEST = 4,
	OFPBCT_COMMIT_REPLY = 5,
	OFPBCT_DISCARD_REQUEST = 6,
	OFPBCT_DISCARD_REPLY = 7,
};

#define OFPBF_ATOMIC	(1u << 0)
#define OFPBF_ORDERED	(1u << 1)

/* bundle_id(4) type(2) flags(2); properties after it are not kept. */
struct ofp_bundle_ctrl {
	uint32_t bundle_id;
	uint16_t type;
	uint16_t flags;
};

/* 'msg' points at the inner message, 'msg_len' its own length. */
struct ofp_bundle_add {
	uint32_t bundle_id;
	uint16_t flags;
	const uint8_t *msg;
	size_t msg_len;
	enum ofptype msg_type;
};

void ofp_bundle_ctrl_decode(const struct ofpmsg *, struct ofp_bundle_ctrl *);
void ofp_bundle_ctrl_encode(struct bytebuf *, uint8_t version, uint32_t xid,
			    const struct ofp_bundle_ctrl *);
enum ofperr ofp_bundle_add_decode(const struct ofpmsg *,
				  struct ofp_bundle_add *);
void ofp_bundle_add_encode(struct bytebuf *, uint8_t version, uint32_t xid,
			   uint32_t bundle_id, uint16_t flags,
			   const void *msg, size_t msg_len);
bool ofp_bundle_can_hold(enum ofptype);

#endif
