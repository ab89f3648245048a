/* The flow-mod protocols ovs-ofctl chooses between: OpenFlow 1.0 with or
 * without the NXT_FLOW_MOD_TABLE_ID extension, NXM likewise, and OpenFlow
 * 1.1 to 1.5.  A set of them is a bitmap. */
#ifndef OFP_PROTOCOL_H
#define OFP_PROTOCOL_H 1

#include <stdbool.h>
#include <stdint.h>

#include "ofp-match.h"

enum ofp_protocol {
	OFPROTO_OF10_STD = 1 << 0,
	OFPROTO_OF10_STD_TID = 1 << 1,
	OFPROTO_OF10_NXM = 1 << 2,
	OFPROTO_OF10_NXM_TID = 1 << 3,
	OFPROTO_OF11_STD = 1 << 4,
	OFPROTO_OF12_OXM = 1 << 5,
	OFPROTO_OF13_OXM = 1 << 6,
	OFPROTO_OF14_OXM = 1 << 7,
	OFPROTO_OF15_OXM = 1 << 8,
};

#define OFPROTO_OF10_ANY (OFPROTO_OF10_STD | OFPROTO_OF10_STD_TID)
#define OFPROTO_NXM_ANY (OFPROTO_OF10_NXM | OFPROTO_OF10_NXM_TID)
#define OFPROTO_OXM_ANY (OFPROTO_OF12_OXM | OFPROTO_OF13_OXM | \
			 OFPROTO_OF14_OXM | OFPROTO_OF15_OXM)
#define OFPROTO_TID (OFPROTO_OF10_STD_TID | OFPROTO_OF10_NXM_TID)
#define OFPROTO_ANY ((1u << 9) - 1)

/* The protocol's name as ovs-ofctl prints it ("OXM-OpenFlow13"). */
const char *ofp_protocol_name(enum ofp_protocol);
/* The wire version a protocol speaks. */
uint8_t ofp_protocol_version(enum ofp_protocol);
/* A set as "usable protocols: ..." shows it; the caller frees it. */
char *ofp_protocols_format(uint32_t protocols);
/* The protocols of the OpenFlow versions in the bitmap 'versions' (bit N
 * for wire version N), as -O gives them. */
uint32_t ofp_protocols_from_versions(uint32_t versions);
/* Parses a -O argument ("OpenFlow10,OpenFlow13") into a version bitmap;
 * NULL or a malloc'd error. */
char *ofp_versions_parse(const char *, uint32_t *versions);
/* Parses a --protocols argument: names and group names ("any",
 * "OpenFlow10", "NXM", "OXM") separated by commas. */
char *ofp_protocols_parse(const char *, uint32_t *protocols);
/* The protocols that carry 'match' without loss. */
uint32_t ofp_protocols_for_match(const struct of_match *);
/* The first of 'usable' in ovs-ofctl's order of preference, restricted to
 * 'allowed'; 0 if none. */
enum ofp_protocol ofp_protocol_choose(uint32_t usable, uint32_t allowed);

#endif
