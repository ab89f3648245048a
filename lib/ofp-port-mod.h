/* PORT_MOD: a port's config bits, its address, and what to advertise, in
 * OpenFlow 1.0, 1.1-1.3 and 1.4+ (properties) form. */
#ifndef OFP_PORT_MOD_H
#define OFP_PORT_MOD_H 1

#include <stdbool.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;

/* Config bits a port mod may change in each version. */
#define OFPPC10_ALL 0x7fu
#define OFPPC11_ALL 0x65u

/* 'config' only keeps bits set in 'mask'; 'advertise' uses the 1.1+
 * feature layout, 0 meaning unchanged. */
struct ofp_port_mod {
	uint16_t port_no;
	uint8_t hw_addr[6];
	uint32_t config;
	uint32_t mask;
	uint32_t advertise;
};

enum ofperr ofp_port_mod_decode(const struct ofpmsg *, bool loose,
				struct ofp_port_mod *);
void ofp_port_mod_encode(struct bytebuf *, uint8_t version, uint32_t xid,
			 const struct ofp_port_mod *);

#endif
