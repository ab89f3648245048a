/* Messages only the connection layer sends: GET_ASYNC_REPLY, ROLE_STATUS
 * and PORT_STATUS; and the rules of the async configuration (defaults per
 * version, SET_ASYNC changing only what it names, the miss reasons). */
#include "connmgr-private.h"

#include <string.h>

#include "bytebuf.h"
#include "ofp-port-stats.h"
#include "ofp-prop.h"

#define BIT(N) (1u << (N))
#define PIN_MISS_BITS (BIT(CONNMGR_PIN_IMPLICIT_MISS) | \
		       BIT(CONNMGR_PIN_EXPLICIT_MISS))

/* Primary connections get every packet-in but invalid TTL, all port status
 * and the flow-removed reasons of their version; secondaries only port
 * status.  Table-miss packet-ins without a miss flow exist only before
 * OpenFlow 1.3. */
void ofconn_default_async(uint8_t version, struct ofp_async_config *ac)
{
	uint32_t pin = ofp_async_allowed(OFP_ASYNC_PACKET_IN, OFP14_VERSION)
		       & ~BIT(OFPR_INVALID_TTL);

	memset(ac, 0, sizeof *ac);
	pin |= BIT(CONNMGR_PIN_EXPLICIT_MISS);
	if (version <= OFP12_VERSION)
		pin |= BIT(CONNMGR_PIN_IMPLICIT_MISS);
	ac->masks[OFP_ASYNC_PACKET_IN][OFP_ASYNC_PRIMARY] = pin;
	ac->masks[OFP_ASYNC_PORT_STATUS][OFP_ASYNC_PRIMARY] = 0x7;
	ac->masks[OFP_ASYNC_PORT_STATUS][OFP_ASYNC_SECONDARY] = 0x7;
	ac->masks[OFP_ASYNC_FLOW_REMOVED][OFP_ASYNC_PRIMARY] =
		version >= OFP14_VERSION ? 0x3f
		: version == OFP13_VERSION ? 0x0f : 0x07;
}

/* A controller asking for no-match packet-ins asks for both kinds of
 * miss. */
static void add_miss_bits(struct ofp_async_config *ac, uint8_t version)
{
	for (int role = 0; role < 2; role++) {
		uint32_t *m = &ac->masks[OFP_ASYNC_PACKET_IN][role];

		*m &= ~PIN_MISS_BITS;
		if (*m & BIT(OFPR_NO_MATCH)) {
			*m |= BIT(CONNMGR_PIN_EXPLICIT_MISS);
			if (version < OFP13_VERSION)
				*m |= BIT(CONNMGR_PIN_IMPLICIT_MISS);
		}
	}
}

/* The masks a property-form message names (bit 2*msg + primary). */
static uint32_t props_present(const struct ofpmsg *m)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	uint32_t present = 0;
	struct ofp_prop prop;

	while (c.left && !ofp_prop_pull(&c, 0xfffe, &prop))
		if (!prop.experimenter && prop.type / 2 < OFP_ASYNC_N)
			present |= BIT(prop.type);
	return present;
}

/* Applies SET_ASYNC / NXT_SET_ASYNC_CONFIG(2) to 'ac' or, on error, leaves
 * it alone.  The fixed form sets the first three messages; the property
 * form only the masks it carries. */
enum ofperr ofconn_apply_set_async(const struct ofpmsg *m,
				   struct ofp_async_config *ac)
{
	struct ofp_async_config new;
	enum ofperr error = ofp_async_decode(m, false, &new);
	uint32_t present;

	if (error)
		return error;
	present = m->row->elem ? props_present(m) : 0x3f;
	for (int msg = 0; msg < OFP_ASYNC_N; msg++) {
		if (present & BIT(2 * msg + 1))
			ac->masks[msg][OFP_ASYNC_PRIMARY] =
				new.masks[msg][OFP_ASYNC_PRIMARY];
		if (present & BIT(2 * msg))
			ac->masks[msg][OFP_ASYNC_SECONDARY] =
				new.masks[msg][OFP_ASYNC_SECONDARY];
	}
	if (present & 3)
		add_miss_bits(ac, m->version);
	return 0;
}

/* OpenFlow 1.3: six masks, each message primary then secondary; 1.4+: one
 * property per mask, secondary first, in property-type order. */
void ofconn_encode_async_reply(struct bytebuf *b, const struct ofpmsg *req,
			       const struct ofp_async_config *ac)
{
	size_t start = ofpmsg_start(b, OFPTYPE_GET_ASYNC_REPLY, req->version,
				    req->xid);

	if (req->version < OFP14_VERSION) {
		for (int msg = 0; msg <= OFP_ASYNC_FLOW_REMOVED; msg++) {
			uint32_t allowed = ofp_async_allowed(msg, req->version);

			bytebuf_put_be32(b, ac->masks[msg][OFP_ASYNC_PRIMARY]
					    & allowed);
			bytebuf_put_be32(b, ac->masks[msg][OFP_ASYNC_SECONDARY]
					    & allowed);
		}
	} else {
		for (unsigned type = 0; type < 2 * OFP_ASYNC_N; type++) {
			unsigned msg = type / 2;
			int role = type & 1 ? OFP_ASYNC_PRIMARY
					    : OFP_ASYNC_SECONDARY;

			bytebuf_put_be16(b, type);
			bytebuf_put_be16(b, 8);
			bytebuf_put_be32(b, ac->masks[msg][role] &
					    ofp_async_allowed(msg,
							      req->version));
		}
	}
	ofpmsg_finish(b, start);
}

/* role(4) reason(1) pad(3) generation_id(8); OpenFlow 1.3 (ONF extension)
 * and later only. */
bool ofconn_encode_role_status(struct bytebuf *b, uint8_t version,
			       enum ofp_role role, uint8_t reason,
			       uint64_t generation_id)
{
	size_t start = ofpmsg_start(b, OFPTYPE_ROLE_STATUS, version, 0);

	if (start == SIZE_MAX)
		return false;
	bytebuf_put_be32(b, role);
	bytebuf_put_u8(b, reason);
	bytebuf_put_zeros(b, 3);
	bytebuf_put_be64(b, generation_id);
	return ofpmsg_finish(b, start);
}

/* Features are kept in the 1.1+ layout; 1.0 has its media bits lower. */
static uint32_t features_to_ofp10(uint32_t f)
{
	return (f & 0x7f) | ((f >> 4) & 0xf80);
}

static void put_addr_and_name(struct bytebuf *b, size_t pad,
			      const struct ofp_phy_port *pp)
{
	char name[16] = { 0 };

	bytebuf_put(b, pp->hw_addr, 6);
	bytebuf_put_zeros(b, pad);
	memcpy(name, pp->name, strnlen(pp->name, sizeof name - 1));
	bytebuf_put(b, name, sizeof name);
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

#define OFPPC11_ALL (OFPPC_PORT_DOWN | OFPPC_NO_RECV | OFPPC_NO_FWD | \
		     OFPPC_NO_PACKET_IN)
#define OFPPS11_ALL (OFPPS_LINK_DOWN | OFPPS_BLOCKED | OFPPS_LIVE)

/* ofp10_phy_port (48 bytes), ofp11_port (64) or ofp14_port with its
 * Ethernet property (72). */
static void put_port(struct bytebuf *b, uint8_t version,
		     const struct ofp_phy_port *pp)
{
	if (version == OFP10_VERSION) {
		bytebuf_put_be16(b, pp->port_no);
		put_addr_and_name(b, 0, pp);
		bytebuf_put_be32(b, pp->config & 0x7f);
		bytebuf_put_be32(b, pp->state &
				    (OFPPS_LINK_DOWN | OFPPS_STP_MASK));
		bytebuf_put_be32(b, features_to_ofp10(pp->curr));
		bytebuf_put_be32(b, features_to_ofp10(pp->advertised));
		bytebuf_put_be32(b, features_to_ofp10(pp->supported));
		bytebuf_put_be32(b, features_to_ofp10(pp->peer));
		return;
	}
	bytebuf_put_be32(b, ofp_port_to_ofp11(pp->port_no));
	if (version < OFP14_VERSION) {
		bytebuf_put_zeros(b, 4);
	} else {
		bytebuf_put_be16(b, 72);
		bytebuf_put_zeros(b, 2);
	}
	put_addr_and_name(b, 2, pp);
	bytebuf_put_be32(b, pp->config & OFPPC11_ALL);
	bytebuf_put_be32(b, pp->state & OFPPS11_ALL);
	if (version >= OFP14_VERSION) {
		bytebuf_put_be16(b, 0);		/* OFPPDPT14_ETHERNET */
		bytebuf_put_be16(b, 32);
		bytebuf_put_zeros(b, 4);
	}
	put_features(b, pp);
}

/* reason(1) pad(7) port. */
bool ofconn_encode_port_status(struct bytebuf *b, uint8_t version,
			       uint8_t reason, const struct ofp_phy_port *pp)
{
	size_t start = ofpmsg_start(b, OFPTYPE_PORT_STATUS, version, 0);

	if (start == SIZE_MAX)
		return false;
	bytebuf_put_u8(b, reason);
	bytebuf_put_zeros(b, 7);
	put_port(b, version, pp);
	return ofpmsg_finish(b, start);
}

/* The reasons OpenFlow 1.4 split out of "action" are "action" before it;
 * an explicit miss (a table-miss flow) is "action" before 1.3. */
uint8_t ofconn_wire_pin_reason(uint8_t reason, uint8_t version)
{
	switch (reason) {
	case OFPR_ACTION_SET:
	case OFPR_GROUP:
	case OFPR_PACKET_OUT:
		return version < OFP14_VERSION ? OFPR_ACTION : reason;
	case CONNMGR_PIN_EXPLICIT_MISS:
		return version < OFP13_VERSION ? OFPR_ACTION : OFPR_NO_MATCH;
	case CONNMGR_PIN_IMPLICIT_MISS:
		return OFPR_NO_MATCH;
	default:
		return reason;
	}
}
