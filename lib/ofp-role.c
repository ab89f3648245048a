/* Controller role request and reply bodies. */
#include "ofp-role.h"

#include "bytebuf.h"
#include "ofp-msgs.h"

const char *ofp_role_to_string(enum ofp_role role)
{
	switch (role) {
	case OFP_ROLE_NOCHANGE:
		return "nochange";
	case OFP_ROLE_EQUAL:
		return "equal";
	case OFP_ROLE_PRIMARY:
		return "primary";
	case OFP_ROLE_SECONDARY:
		return "secondary";
	}
	return "<invalid>";
}

const char *ofp_role_reason_to_string(uint8_t reason)
{
	switch (reason) {
	case OFP_ROLE_REASON_PRIMARY_REQUEST:
		return "primary_request";
	case OFP_ROLE_REASON_CONFIG:
		return "configuration_changed";
	case OFP_ROLE_REASON_EXPERIMENTER:
		return "experimenter_data_changed";
	}
	return "(unknown)";
}

/* Body: role(4) reason(1) pad(3) generation_id(8), then properties. */
enum ofperr ofp_role_status_decode(const struct ofpmsg *m,
				   struct ofp_role_status *rs)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	uint32_t role;

	if (m->type != OFPTYPE_ROLE_STATUS)
		return OFPERR_OFPBRC_BAD_TYPE;
	if (!bytecur_take_be32(&c, &role) || !bytecur_take_u8(&c, &rs->reason) ||
	    !bytecur_take(&c, 3) || !bytecur_take_be64(&c, &rs->generation_id))
		return OFPERR_OFPBRC_BAD_LEN;
	if (role > OFP_ROLE_SECONDARY)
		return OFPERR_OFPRRFC_BAD_ROLE;
	rs->role = role;
	return 0;
}

static bool is_nx(enum ofptype type)
{
	return type == OFPTYPE_NXT_ROLE_REQUEST ||
	       type == OFPTYPE_NXT_ROLE_REPLY;
}

/* OpenFlow body: role(4) pad(4) generation_id(8); Nicira: role(4), with
 * roles one less and no generation id. */
enum ofperr ofp_role_decode(const struct ofpmsg *m, struct ofp_role_msg *rm)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	uint32_t role;

	rm->have_generation_id = false;
	rm->generation_id = 0;
	if (m->type != OFPTYPE_ROLE_REQUEST && m->type != OFPTYPE_ROLE_REPLY &&
	    !is_nx(m->type))
		return OFPERR_OFPBRC_BAD_TYPE;
	if (!bytecur_take_be32(&c, &role))
		return OFPERR_OFPBRC_BAD_LEN;
	if (is_nx(m->type)) {
		if (role > OFP_ROLE_SECONDARY - 1)
			return OFPERR_OFPRRFC_BAD_ROLE;
		rm->role = role + 1;
		return 0;
	}

	uint64_t gen;
	if (role > OFP_ROLE_SECONDARY)
		return OFPERR_OFPRRFC_BAD_ROLE;
	if (!bytecur_take(&c, 4) || !bytecur_take_be64(&c, &gen))
		return OFPERR_OFPBRC_BAD_LEN;
	rm->role = role;
	/* A request that keeps the role ignores the id; in a reply all-ones
	 * means "none". */
	if (m->type == OFPTYPE_ROLE_REQUEST ? role != OFP_ROLE_NOCHANGE
					    : gen != UINT64_MAX) {
		rm->have_generation_id = true;
		rm->generation_id = gen;
	}
	return 0;
}

/* False (nothing appended) if 'type' is no role message of 'version' or the
 * Nicira form cannot express the role. */
bool ofp_role_encode(struct bytebuf *b, enum ofptype type, uint8_t version,
		     uint32_t xid, const struct ofp_role_msg *rm)
{
	if (type != OFPTYPE_ROLE_REQUEST && type != OFPTYPE_ROLE_REPLY &&
	    !is_nx(type))
		return false;
	if (is_nx(type) && rm->role == OFP_ROLE_NOCHANGE)
		return false;
	size_t start = ofpmsg_start(b, type, version, xid);
	if (start == SIZE_MAX)
		return false;
	if (is_nx(type)) {
		bytebuf_put_be32(b, rm->role - 1);
	} else {
		bytebuf_put_be32(b, rm->role);
		bytebuf_put_zeros(b, 4);
		bytebuf_put_be64(b, rm->have_generation_id ? rm->generation_id
							   : UINT64_MAX);
	}
	return ofpmsg_finish(b, start);
}
