/* PORT_MOD. */
#include "ofp-port-mod.h"

#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-port.h"
#include "ofp-port-stats.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-prop.h"
#include "ofp-version.h"

/* The one standard 1.4 port mod property: the features to advertise. */
#define OFPPMPT14_ETHERNET 0

/* 1.0 numbers its media and autonegotiation bits 7-11, 1.1 11-15. */
static uint32_t features_from_ofp10(uint32_t f)
{
	return (f & 0x7f) | ((f & 0xf80) << 4);
}

static uint32_t features_to_ofp10(uint32_t f)
{
	return (f & 0x7f) | ((f >> 4) & 0xf80);
}

static uint32_t take32(struct bytecur *c)
{
	uint32_t v = 0;
	bytecur_take_be32(c, &v);
	return v;
}

static enum ofperr take_props(struct bytecur *c, bool loose,
			      struct ofp_port_mod *pm)
{
	while (c->left) {
		struct ofp_prop prop;
		enum ofperr error = ofp_prop_pull(c, 0xffff, &prop);
		if (error)
			return error;
		if (prop.type == OFPPMPT14_ETHERNET) {
			if (prop.len != 8)
				return OFPERR_OFPBPC_BAD_LEN;
			struct bytecur p = bytecur_make(prop.data + 4, 4);
			pm->advertise = take32(&p) & 0xffff;
		} else if (!loose && prop.experimenter) {
			return OFPERR_OFPBPC_BAD_EXPERIMENTER;
		} else if (!loose) {
			return OFPERR_OFPBPC_BAD_TYPE;
		}
	}
	return 0;
}

/* 1.0: port(2) addr(6) config mask advertise pad(4).  1.1-1.3: port(4)
 * pad(4) addr(6) pad(2) config mask advertise pad(4).  1.4+: as 1.1 up to
 * the mask, then properties.  'loose' skips unknown properties. */
enum ofperr ofp_port_mod_decode(const struct ofpmsg *m, bool loose,
				struct ofp_port_mod *pm)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	enum ofperr error = 0;

	memset(pm, 0, sizeof *pm);
	if (m->version == OFP10_VERSION) {
		uint16_t port = 0;
		bytecur_take_be16(&c, &port);
		pm->port_no = port;
	} else {
		error = ofp_port_from_ofp11(take32(&c), &pm->port_no);
		bytecur_take(&c, 4);
	}
	if (error)
		return error;
	memcpy(pm->hw_addr, bytecur_take(&c, 6), 6);
	if (m->version != OFP10_VERSION)
		bytecur_take(&c, 2);

	uint32_t all = m->version == OFP10_VERSION ? OFPPC10_ALL : OFPPC11_ALL;
	pm->config = take32(&c) & all;
	pm->mask = take32(&c) & all;
	pm->config &= pm->mask;
	if (m->version < OFP14_VERSION) {
		uint32_t adv = take32(&c);
		pm->advertise = m->version == OFP10_VERSION
					? features_from_ofp10(adv)
					: adv & 0xffff;
		return 0;
	}
	return take_props(&c, loose, pm);
}

void ofp_port_mod_encode(struct bytebuf *b, uint8_t version, uint32_t xid,
			 const struct ofp_port_mod *pm)
{
	size_t start = ofpmsg_start(b, OFPTYPE_PORT_MOD, version, xid);
	uint32_t all = version == OFP10_VERSION ? OFPPC10_ALL : OFPPC11_ALL;

	if (version == OFP10_VERSION) {
		bytebuf_put_be16(b, pm->port_no);
		bytebuf_put(b, pm->hw_addr, 6);
	} else {
		bytebuf_put_be32(b, ofp_port_to_ofp11(pm->port_no));
		bytebuf_put_zeros(b, 4);
		bytebuf_put(b, pm->hw_addr, 6);
		bytebuf_put_zeros(b, 2);
	}
	bytebuf_put_be32(b, pm->config & all);
	bytebuf_put_be32(b, pm->mask & all);
	if (version < OFP14_VERSION) {
		bytebuf_put_be32(b, version == OFP10_VERSION
					    ? features_to_ofp10(pm->advertise)
					    : pm->advertise);
		bytebuf_put_zeros(b, 4);
	} else {
		bytebuf_put_be16(b, OFPPMPT14_ETHERNET);
		bytebuf_put_be16(b, 8);
		bytebuf_put_be32(b, pm->advertise);
	}
	ofpmsg_finish(b, start);
}

OFP_BODY_PRINTER(ofp_port_mod_print)
{
	struct ofp_port_mod pm;
	enum ofperr error = ofp_port_mod_decode(m, true, &pm);
	const uint8_t *a = pm.hw_addr;

	if (error)
		return error;
	odp_text_printf(t, " port: ");
	ofp_print_port_number(t, pm.port_no);
	odp_text_printf(t, ": addr:%02x:%02x:%02x:%02x:%02x:%02x\n", a[0],
			a[1], a[2], a[3], a[4], a[5]);
	odp_text_printf(t, "     config: ");
	ofp_print_port_config(t, pm.config);
	odp_text_printf(t, "     mask:   ");
	ofp_print_port_config(t, pm.mask);
	odp_text_printf(t, "     advertise: ");
	if (pm.advertise)
		ofp_print_port_features(t, pm.advertise);
	else
		odp_text_printf(t, "UNCHANGED\n");
	return 0;
}
