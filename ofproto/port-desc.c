/* Port descriptions in each version's wire form: the ports a 1.0-1.2
 * FEATURES_REPLY lists and the port description reply.  lib/ofp-port.c
 * reads these forms; this writes them. */
#include "ofproto-private.h"

#include <string.h>

#include "bytebuf.h"
#include "ofp-port-stats.h"

#define PORT_DESC_OF14_LEN 72
#define PORT_PROP_ETHERNET 0
#define PORT_PROP_ETHERNET_LEN 32
#define OFPPC11_ALL (OFPPC_PORT_DOWN | OFPPC_NO_RECV | OFPPC_NO_FWD \
		     | OFPPC_NO_PACKET_IN)
#define OFPPS11_ALL (OFPPS_LINK_DOWN | OFPPS_BLOCKED | OFPPS_LIVE)

/* 1.0 has no 40G/100G/1T/other bits: the medium and autonegotiation bits
 * sit four places lower. */
static uint32_t features_to_of10(uint32_t f)
{
	return (f & 0x7f) | ((f >> 4) & 0xf80);
}

static void put_addr_and_name(struct bytebuf *b, const struct ofp_phy_port *pp,
			      size_t pad)
{
	char *name;

	bytebuf_put(b, pp->hw_addr, sizeof pp->hw_addr);
	bytebuf_put_zeros(b, pad);
	name = bytebuf_put_zeros(b, 16);
	memcpy(name, pp->name, strnlen(pp->name, 15));
}

static void put_features(struct bytebuf *b, const struct ofp_phy_port *pp)
{
	bytebuf_put_be32(b, pp->curr);
	bytebuf_put_be32(b, pp->advertised);
	bytebuf_put_be32(b, pp->supported);
	bytebuf_put_be32(b, pp->peer);
	bytebuf_put_be32(b, pp->curr_speed);
	bytebuf_put_be32(b, pp->max_speed);
}

static void put_of10(struct bytebuf *b, const struct ofp_phy_port *pp)
{
	bytebuf_put_be16(b, pp->port_no);
	put_addr_and_name(b, pp, 0);
	bytebuf_put_be32(b, pp->config & 0x7f);
	bytebuf_put_be32(b, pp->state & (OFPPS_LINK_DOWN | OFPPS_STP_MASK));
	bytebuf_put_be32(b, features_to_of10(pp->curr));
	bytebuf_put_be32(b, features_to_of10(pp->advertised));
	bytebuf_put_be32(b, features_to_of10(pp->supported));
	bytebuf_put_be32(b, features_to_of10(pp->peer));
}

/* port_no(4) pad(4) in 1.1-1.3; port_no(4) length(2) pad(2) in 1.4+. */
static void put_of11_head(struct bytebuf *b, uint8_t version,
			  const struct ofp_phy_port *pp)
{
	bytebuf_put_be32(b, ofp_port_to_ofp11(pp->port_no));
	if (version >= OFP14_VERSION) {
		bytebuf_put_be16(b, PORT_DESC_OF14_LEN);
		bytebuf_put_zeros(b, 2);
	} else {
		bytebuf_put_zeros(b, 4);
	}
	put_addr_and_name(b, pp, 2);
	bytebuf_put_be32(b, pp->config & OFPPC11_ALL);
	bytebuf_put_be32(b, pp->state & OFPPS11_ALL);
}

void ofproto_port_desc_put(struct bytebuf *b, uint8_t version,
			   const struct ofp_phy_port *pp)
{
	if (version == OFP10_VERSION) {
		put_of10(b, pp);
		return;
	}
	put_of11_head(b, version, pp);
	if (version >= OFP14_VERSION) {
		bytebuf_put_be16(b, PORT_PROP_ETHERNET);
		bytebuf_put_be16(b, PORT_PROP_ETHERNET_LEN);
		bytebuf_put_zeros(b, 4);
	}
	put_features(b, pp);
}
