/* OpenFlow ports: port numbers across versions, and port descriptions
 * (ofp10_phy_port, ofp11_port, ofp14_port with its properties) as they
 * appear in FEATURES_REPLY, PORT_STATUS and the port description reply. */
#ifndef OFP_PORT_H
#define OFP_PORT_H 1

#include <stdint.h>

#include "ofp-errors.h"

struct bytecur;

/* Port numbers in OpenFlow 1.0's 16-bit space; 1.1+ maps its reserved
 * range 0xffffff00.. onto 0xff00.. by subtracting OFPP11_OFFSET. */
#define OFPP_MAX	0xff00
#define OFPP_UNSET	0xfff7
#define OFPP_IN_PORT	0xfff8
#define OFPP_TABLE	0xfff9
#define OFPP_NORMAL	0xfffa
#define OFPP_FLOOD	0xfffb
#define OFPP_ALL	0xfffc
#define OFPP_CONTROLLER	0xfffd
#define OFPP_LOCAL	0xfffe
#define OFPP_ANY	0xffff	/* OFPP_NONE in OpenFlow 1.0. */
#define OFPP11_MAX	0xffffff00u
#define OFPP11_OFFSET	0xffff0000u

/* Port config bits as OpenFlow 1.0 numbers them; 1.1+ dropped the STP and
 * flood bits (1, 3, 4). */
#define OFPPC_PORT_DOWN		(1u << 0)
#define OFPPC_NO_STP		(1u << 1)
#define OFPPC_NO_RECV		(1u << 2)
#define OFPPC_NO_RECV_STP	(1u << 3)
#define OFPPC_NO_FLOOD		(1u << 4)
#define OFPPC_NO_FWD		(1u << 5)
#define OFPPC_NO_PACKET_IN	(1u << 6)

/* Port state: link down everywhere; blocked and live in 1.1+; a 2-bit STP
 * state at bits 8-9 in 1.0. */
#define OFPPS_LINK_DOWN		(1u << 0)
#define OFPPS_BLOCKED		(1u << 1)
#define OFPPS_LIVE		(1u << 2)
#define OFPPS_STP_SHIFT		8
#define OFPPS_STP_MASK		(3u << OFPPS_STP_SHIFT)

/* A port description.  Feature bitmaps use the 1.1+ layout (1.0's media
 * and autonegotiation bits are moved up to match); speeds are in kbps. */
struct ofp_phy_port {
	uint16_t port_no;
	uint8_t hw_addr[6];
	char name[16];			/* NUL-terminated. */
	uint32_t config;
	uint32_t state;
	uint32_t curr, advertised, supported, peer;
	uint32_t curr_speed, max_speed;
};

/* ofp_phy_port_pull() result when no port is left. */
#define OFP_PORT_END (-1)

enum ofperr ofp_port_from_ofp11(uint32_t port11, uint16_t *port);
const char *ofp_port_reserved_name(uint16_t port);
const char *ofp_port_feature_name(unsigned bit);
int ofp_phy_port_pull(uint8_t version, struct bytecur *,
		      struct ofp_phy_port *);

#endif
