/* Asynchronous message configuration (OFPT_SET_ASYNC, OFPT_GET_ASYNC_REPLY,
 * NXT_SET_ASYNC_CONFIG and NXT_SET_ASYNC_CONFIG2): for each role, which
 * reasons of each asynchronous message a controller wants. */
#ifndef OFP_ASYNC_H
#define OFP_ASYNC_H 1

#include <stdbool.h>
#include <stdint.h>

#include "ofp-errors.h"

struct ofpmsg;

/* In the order of the OpenFlow 1.4 property types: property 2*msg is the
 * secondary mask of 'msg', 2*msg + 1 the primary one. */
enum ofp_async_msg {
	OFP_ASYNC_PACKET_IN,
	OFP_ASYNC_PORT_STATUS,
	OFP_ASYNC_FLOW_REMOVED,
	OFP_ASYNC_ROLE_STATUS,
	OFP_ASYNC_TABLE_STATUS,
	OFP_ASYNC_REQUESTFORWARD,
	OFP_ASYNC_N
};

enum ofp_async_role {
	OFP_ASYNC_PRIMARY,	/* Also "equal". */
	OFP_ASYNC_SECONDARY,
};

/* Bit R of masks[msg][role] set: reason R of 'msg' is sent to 'role'. */
struct ofp_async_config {
	uint32_t masks[OFP_ASYNC_N][2];
};

const char *ofp_async_msg_name(enum ofp_async_msg);
const char *ofp_async_reason_name(enum ofp_async_msg, unsigned bit);
uint32_t ofp_async_allowed(enum ofp_async_msg, uint8_t version);
enum ofperr ofp_async_decode(const struct ofpmsg *, bool loose,
			     struct ofp_async_config *);

#endif
