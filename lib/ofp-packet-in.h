/* PACKET_IN in every form: OpenFlow 1.0, 1.1, 1.2, 1.3+ (cookie),
 * NXT_PACKET_IN (NXM metadata), and NXT_PACKET_IN2 / NXT_RESUME
 * (properties; the continuation kept as an opaque blob). */
#ifndef OFP_PACKET_IN_H
#define OFP_PACKET_IN_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-match.h"
#include "ofp-msgs.h"

struct bytebuf;

enum ofp_packet_in_reason {
	OFPR_NO_MATCH = 0,
	OFPR_ACTION = 1,
	OFPR_INVALID_TTL = 2,
	OFPR_ACTION_SET = 3,
	OFPR_GROUP = 4,
	OFPR_PACKET_OUT = 5,
};

#define OFP_NO_BUFFER 0xffffffffu
#define OFP_NO_COOKIE UINT64_MAX

/* 'metadata' holds in_port (1.0, 1.1) or the pipeline fields the message
 * carries; pointers are into the message. */
struct ofp_packet_in {
	uint32_t buffer_id;
	size_t total_len;
	uint8_t reason;
	uint8_t table_id;
	uint64_t cookie;
	struct of_match metadata;
	const uint8_t *packet;
	size_t packet_len;
	const uint8_t *userdata;	/* NXT_PACKET_IN2 only. */
	size_t userdata_len;
	const uint8_t *continuation;	/* Property body, NXT only. */
	size_t continuation_len;
};

enum ofperr ofp_packet_in_decode(const struct ofpmsg *, bool loose,
				 struct ofp_packet_in *);
void ofp_packet_in_encode(struct bytebuf *, enum ofptype, uint8_t version,
			  uint32_t xid, const struct ofp_packet_in *);
const char *ofp_packet_in_reason_name(uint8_t reason, char buf[4]);

/* ofp-packet-print.c: a frame's flow as ovs-ofctl prints it, one line. */
struct odp_text;
void ofp_packet_format(struct odp_text *, const uint8_t *packet, size_t len);

#endif
