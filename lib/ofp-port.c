/* OpenFlow port numbers and port descriptions. */
#include "ofp-port.h"

#include <string.h>

#include "bytebuf.h"
#include "ofp-prop.h"
#include "ofp-version.h"

enum ofperr ofp_port_from_ofp11(uint32_t port11, uint16_t *port)
{
	if (port11 < OFPP_MAX) {
		*port = port11;
		return 0;
	}
	if (port11 >= OFPP11_MAX) {
		*port = port11 - OFPP11_OFFSET;
		return 0;
	}
	*port = OFPP_ANY;
	return OFPERR_OFPBAC_BAD_OUT_PORT;
}

const char *ofp_port_reserved_name(uint16_t port)
{
	static const char *const names[] = {
		"UNSET", "IN_PORT", "TABLE", "NORMAL", "FLOOD",
		"ALL", "CONTROLLER", "LOCAL", "ANY",
	};
	return port >= OFPP_UNSET ? names[port - OFPP_UNSET] : NULL;
}

/* Feature bits in the 1.1+ layout, as ovs-ofctl names them. */
const char *ofp_port_feature_name(unsigned bit)
{
	static const char *const names[] = {
		"10MB-HD", "10MB-FD", "100MB-HD", "100MB-FD", "1GB-HD",
		"1GB-FD", "10GB-FD", "40GB-FD", "100GB-FD", "1TB-FD",
		"OTHER", "COPPER", "FIBER", "AUTO_NEG", "AUTO_PAUSE",
		"AUTO_PAUSE_ASYM",
	};
	return bit < sizeof names / sizeof names[0] ? names[bit] : NULL;
}

/* 1.0 numbers its media and autonegotiation bits 7-11, 1.1 11-15. */
static uint32_t features_from_ofp10(uint32_t f)
{
	return (f & 0x7f) | ((f & 0xf80) << 4);
}

/* The fastest speed named in 'f', in kbps (1.0 has no speed fields). */
static uint32_t features_to_kbps(uint32_t f)
{
	static const struct {
		uint32_t bits, kbps;
	} speeds[] = {
		{ 1u << 9, 1000000000 }, { 1u << 8, 100000000 },
		{ 1u << 7, 40000000 },	 { 1u << 6, 10000000 },
		{ 3u << 4, 1000000 },	 { 3u << 2, 100000 },
		{ 3u << 0, 10000 },
	};
	for (size_t i = 0; i < sizeof speeds / sizeof speeds[0]; i++)
		if (f & speeds[i].bits)
			return speeds[i].kbps;
	return 0;
}

static uint32_t take32(struct bytecur *c)
{
	uint32_t v = 0;
	bytecur_take_be32(c, &v);
	return v;
}

/* hw_addr(6), then 'pad' bytes, then name(16).  The name ends at its first
 * NUL and keeps at most 15 characters. */
static void take_addr_and_name(struct bytecur *c, size_t pad,
			       struct ofp_phy_port *pp)
{
	memcpy(pp->hw_addr, bytecur_take(c, 6), 6);
	bytecur_take(c, pad);
	const char *name = bytecur_take(c, 16);
	size_t n = strnlen(name, 15);
	memcpy(pp->name, name, n);
	pp->name[n] = '\0';
}

static void take_features(struct bytecur *c, struct ofp_phy_port *pp)
{
	pp->curr = take32(c) & 0xffff;
	pp->advertised = take32(c) & 0xffff;
	pp->supported = take32(c) & 0xffff;
	pp->peer = take32(c) & 0xffff;
	pp->curr_speed = take32(c);
	pp->max_speed = take32(c);
}

static void pull_ofp10(struct bytecur *c, struct ofp_phy_port *pp)
{
	uint16_t port;

	bytecur_take_be16(c, &port);
	pp->port_no = port;
	take_addr_and_name(c, 0, pp);
	pp->config = take32(c) & 0x7f;
	pp->state = take32(c) & (OFPPS_LINK_DOWN | OFPPS_STP_MASK);
	pp->curr = features_from_ofp10(take32(c));
	pp->advertised = features_from_ofp10(take32(c));
	pp->supported = features_from_ofp10(take32(c));
	pp->peer = features_from_ofp10(take32(c));
	pp->curr_speed = features_to_kbps(pp->curr);
	pp->max_speed = features_to_kbps(pp->supported);
}

#define OFPPC11_ALL (OFPPC_PORT_DOWN | OFPPC_NO_RECV | OFPPC_NO_FWD | \
		     OFPPC_NO_PACKET_IN)
#define OFPPS11_ALL (OFPPS_LINK_DOWN | OFPPS_BLOCKED | OFPPS_LIVE)

static enum ofperr pull_ofp11(struct bytecur *c, struct ofp_phy_port *pp)
{
	enum ofperr error = ofp_port_from_ofp11(take32(c), &pp->port_no);
	if (error)
		return error;
	bytecur_take(c, 4);
	take_addr_and_name(c, 2, pp);
	pp->config = take32(c) & OFPPC11_ALL;
	pp->state = take32(c) & OFPPS11_ALL;
	take_features(c, pp);
	return 0;
}

#define OFPPDPT14_ETHERNET 0
#define PORT_PROP_EXPERIMENTER_MIN 0xffff

/* Only the Ethernet property (exactly 32 bytes) means anything here; the
 * rest are skipped. */
static enum ofperr pull_ofp14_props(struct bytecur *c, struct ofp_phy_port *pp)
{
	while (c->left) {
		struct ofp_prop prop;
		enum ofperr error = ofp_prop_pull(c, PORT_PROP_EXPERIMENTER_MIN,
						  &prop);
		if (error)
			return error;
		if (prop.type == OFPPDPT14_ETHERNET) {
			if (prop.len != 32)
				return OFPERR_OFPBPC_BAD_LEN;
			struct bytecur eth = bytecur_make(prop.data + 8, 24);
			take_features(&eth, pp);
		}
	}
	return 0;
}

/* port_no(4) length(2) pad(2) hw_addr(6) pad(2) name(16) config(4)
 * state(4), then properties up to 'length'. */
static enum ofperr pull_ofp14(struct bytecur *c, struct ofp_phy_port *pp)
{
	struct bytecur port = *c;
	uint16_t len;

	if (c->left < 40)
		return OFPERR_OFPBRC_BAD_LEN;
	bytecur_take(&port, 4);
	bytecur_take_be16(&port, &len);
	if (len < 40 || !bytecur_take(c, len))
		return OFPERR_OFPBRC_BAD_LEN;

	port = bytecur_make(c->p - len, len);
	enum ofperr error = ofp_port_from_ofp11(take32(&port), &pp->port_no);
	if (error)
		return error;
	bytecur_take(&port, 4);
	take_addr_and_name(&port, 2, pp);
	pp->config = take32(&port) & OFPPC11_ALL;
	pp->state = take32(&port) & OFPPS11_ALL;
	return pull_ofp14_props(&port, pp);
}

/* The next port description of 'version' from 'c': 0, OFP_PORT_END when
 * none is left, or an error. */
int ofp_phy_port_pull(uint8_t version, struct bytecur *c,
		      struct ofp_phy_port *pp)
{
	memset(pp, 0, sizeof *pp);
	switch (version) {
	case OFP10_VERSION:
		if (c->left < 48)
			return OFP_PORT_END;
		pull_ofp10(c, pp);
		return 0;
	case OFP11_VERSION:
	case OFP12_VERSION:
	case OFP13_VERSION:
		return c->left < 64 ? OFP_PORT_END : (int)pull_ofp11(c, pp);
	default:
		return c->left ? (int)pull_ofp14(c, pp) : OFP_PORT_END;
	}
}
