/* OpenFlow versions and the header every message starts with. */
#ifndef OFP_VERSION_H
#define OFP_VERSION_H 1

#include <stdint.h>

/* Wire values of ofp_header.version. */
enum ofp_version {
	OFP10_VERSION = 0x01,
	OFP11_VERSION = 0x02,
	OFP12_VERSION = 0x03,
	OFP13_VERSION = 0x04,
	OFP14_VERSION = 0x05,
	OFP15_VERSION = 0x06,
};

#define OFP_MIN_VERSION OFP10_VERSION
#define OFP_MAX_VERSION OFP15_VERSION

/* Every OpenFlow message begins with these 8 bytes (big-endian fields). */
struct ofp_header {
	uint8_t version;
	uint8_t type;
	uint16_t length;	/* Whole message, header included. */
	uint32_t xid;
};

_Static_assert(sizeof(struct ofp_header) == 8, "ofp_header is 8 bytes");

/* Experimenter (vendor) ids of the extensions Weir speaks. */
#define NX_VENDOR_ID	0x00002320u	/* Nicira */
#define ONF_VENDOR_ID	0x4f4e4600u	/* Open Networking Foundation */

#endif
