/* OpenFlow errors: names, descriptions and per-version wire encodings, all
 * from ofp-errors-table.h. */
#include "ofp-errors.h"

#include <string.h>

#include "bytebuf.h"
#include "ofp-msgs.h"

/* One encoding of an error, valid in versions lo..hi. */
struct ofperr_enc {
	uint8_t lo, hi;
	uint32_t vendor;
	uint16_t type, code;
};

struct ofperr_info {
	const char *name;
	const char *desc;
	const struct ofperr_enc *encs;
	size_t n_encs;
};

#define OF(LO, HI, TYPE, CODE)                                               \
	{ OFP##LO##_VERSION, OFP##HI##_VERSION, 0, TYPE, CODE }
#define NX(LO, HI, TYPE, CODE)                                               \
	{ OFP##LO##_VERSION, OFP##HI##_VERSION, NX_VENDOR_ID, TYPE, CODE }
#define NXE(LO, HI, EXP_TYPE)                                                \
	{ OFP##LO##_VERSION, OFP##HI##_VERSION, NX_VENDOR_ID, EXP_TYPE, 0 }
#define ONF(LO, HI, EXP_TYPE)                                                \
	{ OFP##LO##_VERSION, OFP##HI##_VERSION, ONF_VENDOR_ID, EXP_TYPE, 0 }

#define OFPERR_DEF(NAME, DESC, ...)                                          \
	static const struct ofperr_enc enc_##NAME[] = { __VA_ARGS__ };
#include "ofp-errors-table.h"
#undef OFPERR_DEF

#define OFPERR_DEF(NAME, DESC, ...)                                          \
	[OFPERR_##NAME] = { #NAME, DESC, enc_##NAME,                         \
			    sizeof enc_##NAME / sizeof enc_##NAME[0] },
static const struct ofperr_info ofperr_infos[OFPERR_LIMIT] = {
#include "ofp-errors-table.h"
};
#undef OFPERR_DEF

bool ofperr_is_valid(enum ofperr error)
{
	return error > OFPERR_OK && error < OFPERR_LIMIT;
}

/* "OFPBRC_BAD_TYPE" for OFPERR_OFPBRC_BAD_TYPE, the form ovs-ofctl prints. */
const char *ofperr_get_name(enum ofperr error)
{
	return ofperr_is_valid(error) ? ofperr_infos[error].name : "<invalid>";
}

const char *ofperr_get_description(enum ofperr error)
{
	return ofperr_is_valid(error) ? ofperr_infos[error].desc : "<invalid>";
}

/* Accepts the name with or without its "OFPERR_" prefix; 0 if unknown. */
enum ofperr ofperr_from_name(const char *name)
{
	if (!strncmp(name, "OFPERR_", 7))
		name += 7;
	for (int e = 1; e < OFPERR_LIMIT; e++)
		if (!strcmp(name, ofperr_infos[e].name))
			return e;
	return OFPERR_OK;
}

static const struct ofperr_enc *ofperr_find_enc(enum ofperr error,
						enum ofp_version version)
{
	if (!ofperr_is_valid(error))
		return NULL;
	const struct ofperr_info *info = &ofperr_infos[error];
	for (size_t i = 0; i < info->n_encs; i++)
		if (version >= info->encs[i].lo && version <= info->encs[i].hi)
			return &info->encs[i];
	return NULL;
}

/* The wire form of 'error' in 'version'; false if it has none there. */
bool ofperr_get_wire(enum ofperr error, enum ofp_version version,
		     struct ofperr_wire *wire)
{
	const struct ofperr_enc *enc = ofperr_find_enc(error, version);
	if (!enc)
		return false;
	wire->vendor = enc->vendor;
	wire->type = enc->type;
	wire->code = enc->code;
	return true;
}

/* The first error in table order with this wire form in 'version', so an
 * encoding two rows share decodes to the older meaning; 0 if none. */
enum ofperr ofperr_from_wire(enum ofp_version version,
			     const struct ofperr_wire *w)
{
	for (int e = 1; e < OFPERR_LIMIT; e++) {
		const struct ofperr_enc *enc = ofperr_find_enc(e, version);
		if (enc && enc->vendor == w->vendor && enc->type == w->type &&
		    enc->code == w->code)
			return e;
	}
	return OFPERR_OK;
}

/* Appends an ERROR message.  An error the version cannot carry (or a value
 * that is no error at all) goes out as NXBRC_UNENCODABLE_ERROR, which every
 * version can carry; an unknown version is answered in OpenFlow 1.0. */
void ofperr_encode(struct bytebuf *b, enum ofperr error,
		   enum ofp_version version, uint32_t xid, const void *data,
		   size_t len)
{
	struct ofperr_wire w;

	if (version < OFP_MIN_VERSION || version > OFP_MAX_VERSION)
		version = OFP10_VERSION;
	if (!ofperr_get_wire(error, version, &w))
		ofperr_get_wire(OFPERR_NXBRC_UNENCODABLE_ERROR, version, &w);

	size_t start = ofpmsg_start(b, OFPTYPE_ERROR, version, xid);
	if (!w.vendor) {
		bytebuf_put_be16(b, w.type);
		bytebuf_put_be16(b, w.code);
	} else if (version <= OFP11_VERSION) {
		bytebuf_put_be16(b, NXET_VENDOR);
		bytebuf_put_be16(b, NXVC_VENDOR_ERROR);
		bytebuf_put_be32(b, w.vendor);
		bytebuf_put_be16(b, w.type);
		bytebuf_put_be16(b, w.code);
	} else {
		bytebuf_put_be16(b, OFPET12_EXPERIMENTER);
		bytebuf_put_be16(b, w.type);
		bytebuf_put_be32(b, w.vendor);
	}
	size_t room = UINT16_MAX - (b->size - start);
	bytebuf_put(b, data, len < room ? len : room);
	ofpmsg_finish(b, start);
}

/* An error reply to 'request': its version and xid, and its first
 * OFPERR_REQUEST_BYTES bytes. */
void ofperr_encode_reply(struct bytebuf *b, enum ofperr error,
			 const void *request, size_t request_len)
{
	const uint8_t *p = request;
	uint8_t version = OFP10_VERSION;
	uint32_t xid = 0;

	if (request_len >= sizeof(struct ofp_header)) {
		version = p[0];
		xid = (uint32_t)p[4] << 24 | (uint32_t)p[5] << 16 |
		      (uint32_t)p[6] << 8 | p[7];
	}
	ofperr_encode(b, error, version, xid, request,
		      request_len < OFPERR_REQUEST_BYTES ? request_len
							 : OFPERR_REQUEST_BYTES);
}

/* A HELLO_FAILED-style error carrying text for people, xid 0. */
void ofperr_encode_hello(struct bytebuf *b, enum ofperr error,
			 enum ofp_version version, const char *text)
{
	ofperr_encode(b, error, version, 0, text, strlen(text));
}

/* Decodes an ERROR message.  Returns 0 on success, with the conveyed error
 * in 'out' (its 'error' 0 if the wire triple is unknown in that version),
 * or OFPBRC_BAD_LEN / the header error if 'msg' is no well-formed ERROR. */
enum ofperr ofperr_decode_msg(const void *msg, size_t len,
			      struct ofperr_msg *out)
{
	struct ofpmsg m;

	memset(out, 0, sizeof *out);
	enum ofperr error = ofpmsg_decode(&m, msg, len);
	if (error)
		return error;
	if (m.type != OFPTYPE_ERROR)
		return OFPERR_OFPBRC_BAD_TYPE;

	struct bytecur c = bytecur_make(m.body, m.body_len);
	uint16_t type, code;
	if (!bytecur_take_be16(&c, &type) || !bytecur_take_be16(&c, &code))
		return OFPERR_OFPBRC_BAD_LEN;

	struct ofperr_wire *w = &out->wire;
	if (type == NXET_VENDOR && code == NXVC_VENDOR_ERROR) {
		if (!bytecur_take_be32(&c, &w->vendor) ||
		    !bytecur_take_be16(&c, &w->type) ||
		    !bytecur_take_be16(&c, &w->code))
			return OFPERR_OFPBRC_BAD_LEN;
	} else if (type == OFPET12_EXPERIMENTER) {
		if (!bytecur_take_be32(&c, &w->vendor))
			return OFPERR_OFPBRC_BAD_LEN;
		w->type = code;
		w->code = 0;
	} else {
		w->type = type;
		w->code = code;
	}
	out->error = ofperr_from_wire(m.version, w);
	out->data = c.p;
	out->data_len = c.left;
	return 0;
}
