/* FEATURES_REPLY and switch config bodies. */
#include "ofp-switch.h"

#include "bytebuf.h"
#include "ofp-msgs.h"

/* The capability bits each version defines. */
uint32_t ofp_switch_capabilities_mask(uint8_t version)
{
	uint32_t common = OFPC_FLOW_STATS | OFPC_TABLE_STATS |
			  OFPC_PORT_STATS | OFPC_IP_REASM | OFPC_QUEUE_STATS;

	switch (version) {
	case OFP10_VERSION:
		return common | OFPC10_STP | OFPC_ARP_MATCH_IP;
	case OFP11_VERSION:
		return common | OFPC11_GROUP_STATS | OFPC_ARP_MATCH_IP;
	case OFP12_VERSION:
	case OFP13_VERSION:
		return common | OFPC11_GROUP_STATS | OFPC12_PORT_BLOCKED;
	case OFP14_VERSION:
	case OFP15_VERSION:
		return common | OFPC11_GROUP_STATS | OFPC12_PORT_BLOCKED |
		       OFPC14_BUNDLES | OFPC14_FLOW_MONITORING;
	default:
		return 0;
	}
}

/* Body: datapath_id(8) n_buffers(4) n_tables(1) auxiliary_id(1) pad(2)
 * capabilities(4) actions-or-reserved(4), then 1.0-1.2 ports.  The message
 * table has already checked the length. */
enum ofperr ofp_switch_features_decode(const struct ofpmsg *m,
				       struct ofp_switch_features *f)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	uint32_t caps, actions;

	if (m->type != OFPTYPE_FEATURES_REPLY ||
	    !bytecur_take_be64(&c, &f->datapath_id) ||
	    !bytecur_take_be32(&c, &f->n_buffers) ||
	    !bytecur_take_u8(&c, &f->n_tables) ||
	    !bytecur_take_u8(&c, &f->auxiliary_id) || !bytecur_take(&c, 2) ||
	    !bytecur_take_be32(&c, &caps) || !bytecur_take_be32(&c, &actions))
		return OFPERR_OFPBRC_BAD_LEN;
	if (m->version < OFP13_VERSION)
		f->auxiliary_id = 0;
	f->capabilities = caps & ofp_switch_capabilities_mask(m->version);
	f->actions = m->version == OFP10_VERSION ? actions : 0;
	f->ports = c.p;
	f->ports_len = c.left;
	return 0;
}

/* Encodes 'f' without ports; the caller appends them (1.0-1.2) and
 * finishes the message with ofpmsg_finish(). */
void ofp_switch_features_encode(struct bytebuf *b, uint8_t version,
				uint32_t xid,
				const struct ofp_switch_features *f)
{
	size_t start = ofpmsg_start(b, OFPTYPE_FEATURES_REPLY, version, xid);
	if (start == SIZE_MAX)
		return;
	bytebuf_put_be64(b, f->datapath_id);
	bytebuf_put_be32(b, f->n_buffers);
	bytebuf_put_u8(b, f->n_tables);
	bytebuf_put_u8(b, version >= OFP13_VERSION ? f->auxiliary_id : 0);
	bytebuf_put_zeros(b, 2);
	bytebuf_put_be32(b, f->capabilities &
				    ofp_switch_capabilities_mask(version));
	bytebuf_put_be32(b, version == OFP10_VERSION ? f->actions : 0);
	ofpmsg_finish(b, start);
}

const char *ofp_frag_to_string(enum ofp_frag frag)
{
	static const char *const names[] = { "normal", "drop", "reassemble",
					     "nx-match" };
	return names[frag & OFPC_FRAG_MASK];
}

static uint16_t config_valid_flags(uint8_t version)
{
	return OFPC_FRAG_MASK |
	       (version < OFP13_VERSION ? OFPC_INVALID_TTL_TO_CONTROLLER : 0);
}

/* A SET_CONFIG with flags its version does not define is refused with
 * OFPSCFC_BAD_FLAGS; a GET_CONFIG_REPLY is taken as it comes. */
enum ofperr ofp_switch_config_decode(const struct ofpmsg *m,
				     struct ofp_switch_config *sc)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);

	if ((m->type != OFPTYPE_SET_CONFIG &&
	     m->type != OFPTYPE_GET_CONFIG_REPLY) ||
	    !bytecur_take_be16(&c, &sc->flags) ||
	    !bytecur_take_be16(&c, &sc->miss_send_len))
		return OFPERR_OFPBRC_BAD_LEN;
	if (m->type == OFPTYPE_SET_CONFIG &&
	    sc->flags & ~config_valid_flags(m->version))
		return OFPERR_OFPSCFC_BAD_FLAGS;
	return 0;
}

bool ofp_switch_config_encode(struct bytebuf *b, enum ofptype type,
			      uint8_t version, uint32_t xid,
			      const struct ofp_switch_config *sc)
{
	if (type != OFPTYPE_SET_CONFIG && type != OFPTYPE_GET_CONFIG_REPLY)
		return false;
	size_t start = ofpmsg_start(b, type, version, xid);
	if (start == SIZE_MAX)
		return false;
	bytebuf_put_be16(b, sc->flags & config_valid_flags(version));
	bytebuf_put_be16(b, sc->miss_send_len);
	return ofpmsg_finish(b, start);
}
