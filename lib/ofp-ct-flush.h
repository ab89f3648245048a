/* NXT_CT_FLUSH (Open vSwitch 3.1): flush the connections of a zone that
 * match an original and/or reply tuple.  The body is ip_proto and padding,
 * then properties: the tuples (nested properties: addresses as IPv6 or
 * IPv4-mapped, ports, ICMP id/type/code) and the zone. */
#ifndef OFP_CT_FLUSH_H
#define OFP_CT_FLUSH_H 1

#include <stdbool.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"
#include "ofp-print-bodies.h"

struct bytebuf;
struct odp_text;

struct ofp_ct_tuple {
	uint8_t src[16], dst[16];	/* IPv6, or IPv4-mapped; 0 for any. */
	uint16_t src_port, dst_port;
	uint16_t icmp_id;
	uint8_t icmp_type, icmp_code;
};

/* 'l3' is 4, 6 or 0 (no address given) from the addresses. */
struct ofp_ct_flush {
	uint8_t ip_proto;
	uint8_t l3;
	struct ofp_ct_tuple orig, reply;
	uint16_t zone;
	bool has_zone;
};

/* OFPBPC_BAD_LEN for short properties, OFPBPC_BAD_VALUE for IPv4 and
 * IPv6 addresses mixed, NXBRC_MUST_BE_ZERO for padding; unknown
 * properties are skipped, as Open vSwitch does. */
enum ofperr ofp_ct_flush_decode(const struct ofpmsg *, struct ofp_ct_flush *);
void ofp_ct_flush_encode(struct bytebuf *, uint8_t version, uint32_t xid,
			 const struct ofp_ct_flush *);
void ofp_ct_flush_format(struct odp_text *, const struct ofp_ct_flush *);

OFP_BODY_PRINTER(ofp_ct_flush_print);

#endif
