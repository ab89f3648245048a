/* Bundle control and bundle add. */
#include "ofp-bundle.h"

#include <inttypes.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-version.h"
#include "ofp-wire.h"

void ofp_bundle_ctrl_decode(const struct ofpmsg *m, struct ofp_bundle_ctrl *bc)
{
	bc->bundle_id = ofp_get32(m->body);
	bc->type = ofp_get16(m->body + 4);
	bc->flags = ofp_get16(m->body + 6);
}

static void put_ctrl(struct bytebuf *b, uint32_t id, uint16_t type,
		     uint16_t flags)
{
	bytebuf_put_be32(b, id);
	bytebuf_put_be16(b, type);
	bytebuf_put_be16(b, flags);
}

void ofp_bundle_ctrl_encode(struct bytebuf *b, uint8_t version, uint32_t xid,
			    const struct ofp_bundle_ctrl *bc)
{
	size_t start = ofpmsg_start(b, OFPTYPE_BUNDLE_CONTROL, version, xid);

	put_ctrl(b, bc->bundle_id, bc->type, bc->flags);
	ofpmsg_finish(b, start);
}

/* The messages a bundle may carry: the modifications and packet-out. */
bool ofp_bundle_can_hold(enum ofptype type)
{
	return type == OFPTYPE_PORT_MOD || type == OFPTYPE_FLOW_MOD ||
	       type == OFPTYPE_NXT_FLOW_MOD || type == OFPTYPE_GROUP_MOD ||
	       type == OFPTYPE_PACKET_OUT;
}

/* The inner message must have the outer one's version and xid, fit in
 * it, decode, and be bundlable; what follows it (properties) is ignored. */
enum ofperr ofp_bundle_add_decode(const struct ofpmsg *m,
				  struct ofp_bundle_add *ba)
{
	const uint8_t *inner = m->body + 8;
	size_t room = m->body_len - 8;
	struct ofpmsg im;

	memset(ba, 0, sizeof *ba);
	ba->bundle_id = ofp_get32(m->body);
	ba->flags = ofp_get16(m->body + 6);
	if (room < sizeof(struct ofp_header))
		return OFPERR_OFPBFC_MSG_BAD_LEN;
	if (inner[0] != m->version)
		return OFPERR_OFPBFC_BAD_VERSION;
	ba->msg = inner;
	ba->msg_len = ofp_get16(inner + 2);
	if (ba->msg_len < sizeof(struct ofp_header) || ba->msg_len > room)
		return OFPERR_OFPBFC_MSG_BAD_LEN;
	if (ofp_get32(inner + 4) != m->xid)
		return OFPERR_OFPBFC_MSG_BAD_XID;
	if (ofpmsg_decode(&im, inner, ba->msg_len) ||
	    !ofp_bundle_can_hold(im.type))
		return OFPERR_OFPBFC_MSG_UNSUP;
	ba->msg_type = im.type;
	return 0;
}

void ofp_bundle_add_encode(struct bytebuf *b, uint8_t version, uint32_t xid,
			   uint32_t bundle_id, uint16_t flags,
			   const void *msg, size_t msg_len)
{
	size_t start = ofpmsg_start(b, OFPTYPE_BUNDLE_ADD_MESSAGE, version,
				    xid);
	put_ctrl(b, bundle_id, 0, flags);
	bytebuf_put(b, msg, msg_len);
	ofpmsg_finish(b, start);
}

static const char *bundle_flag_name(unsigned bit)
{
	return bit == 0 ? "atomic" : bit == 1 ? "ordered" : NULL;
}

OFP_BODY_PRINTER(ofp_bundle_print_ctrl)
{
	static const char *const types[] = {
		"OPEN_REQUEST", "OPEN_REPLY", "CLOSE_REQUEST",
		"CLOSE_REPLY", "COMMIT_REQUEST", "COMMIT_REPLY",
		"DISCARD_REQUEST", "DISCARD_REPLY",
	};
	struct ofp_bundle_ctrl bc;

	ofp_bundle_ctrl_decode(m, &bc);
	odp_text_printf(t, "\n bundle_id=%#" PRIx32 " type=%s flags=",
			bc.bundle_id, bc.type < 8 ? types[bc.type] : "");
	ofp_print_bit_names(t, bc.flags, bundle_flag_name, ' ');
	return 0;
}

OFP_BODY_PRINTER(ofp_bundle_print_add)
{
	struct ofp_bundle_add ba;
	enum ofperr error = ofp_bundle_add_decode(m, &ba);

	if (error)
		return error;
	odp_text_printf(t, "\n bundle_id=%#" PRIx32 " flags=", ba.bundle_id);
	ofp_print_bit_names(t, ba.flags, bundle_flag_name, ' ');
	odp_text_printf(t, "\n");
	ofp_print_nested(t, ba.msg, ba.msg_len, verbosity, depth);
	return 0;
}
