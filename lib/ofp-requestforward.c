/* REQUESTFORWARD. */
#include "ofp-requestforward.h"

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-meter.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-version.h"
#include "ofp-wire.h"

/* The inner message must fit, share the outer version, and be a group or
 * meter mod; a meter mod's body must decode too. */
enum ofperr ofp_requestforward_decode(const struct ofpmsg *m,
				      struct ofpmsg *inner)
{
	const uint8_t *p = m->body;
	struct ofp_meter_mod mm;

	if (m->body_len < sizeof(struct ofp_header))
		return OFPERR_OFPBFC_MSG_BAD_LEN;
	size_t len = ofp_get16(p + 2);
	if (len < sizeof(struct ofp_header) || len > m->body_len)
		return OFPERR_OFPBFC_MSG_BAD_LEN;
	if (p[0] != m->version)
		return OFPERR_OFPBRC_BAD_VERSION;
	enum ofperr error = ofpmsg_decode(inner, p, len);
	if (error)
		return error;
	if (inner->type == OFPTYPE_METER_MOD)
		return ofp_meter_mod_decode(inner, &mm);
	return inner->type == OFPTYPE_GROUP_MOD ? 0 : OFPERR_OFPBFC_MSG_UNSUP;
}

void ofp_requestforward_encode(struct bytebuf *b, uint8_t version,
			       uint32_t xid, const void *inner, size_t len)
{
	size_t start = ofpmsg_start(b, OFPTYPE_REQUESTFORWARD, version, xid);

	bytebuf_put(b, inner, len);
	ofpmsg_finish(b, start);
}

/* A group mod's buckets hold actions, printed by the inner message's own
 * printer on the following lines. */
OFP_BODY_PRINTER(ofp_requestforward_print)
{
	struct ofpmsg inner;
	enum ofperr error = ofp_requestforward_decode(m, &inner);

	if (error)
		return error;
	if (inner.type == OFPTYPE_METER_MOD) {
		odp_text_printf(t, " reason=meter_mod");
		return ofp_meter_print_mod(t, &inner, verbosity, depth);
	}
	odp_text_printf(t, " reason=group_mod\n");
	ofp_print_nested(t, inner.body - inner.hdr_len,
			 inner.hdr_len + inner.body_len, verbosity, depth);
	return 0;
}
