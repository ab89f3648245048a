/* Splitting multipart replies at the 64 KiB message limit. */
#include "ofp-multipart.h"

#include "bytebuf.h"

/* Requests and their replies are neighbours in enum ofptype. */
enum ofptype ofp_multipart_reply_type(enum ofptype request)
{
	bool is_request = false, has_reply = false;

	if ((unsigned)request + 1 >= OFPTYPE_N)
		return OFPTYPE_N;
	for (size_t i = 0; i < ofpmsg_n_rows(); i++) {
		const struct ofpmsg_row *r = ofpmsg_row_at(i);
		if (r->type == request && ofptype_is_stat(request) && !r->reply)
			is_request = true;
		if (r->type == request + 1 && ofptype_is_stat(r->type) &&
		    r->reply)
			has_reply = true;
	}
	return is_request && has_reply ? request + 1 : OFPTYPE_N;
}

static void open_msg(struct ofp_multipart *mp)
{
	mp->start = ofpmsg_start(mp->out, mp->type, mp->version, mp->xid);
	mp->n_msgs++;
}

void ofp_multipart_init(struct ofp_multipart *mp, struct bytebuf *out,
			enum ofptype reply, uint8_t version, uint32_t xid)
{
	mp->out = out;
	mp->type = reply;
	mp->version = version;
	mp->xid = xid;
	mp->max_len = OFP_MULTIPART_MAX_LEN;
	mp->n_msgs = 0;
	open_msg(mp);
}

enum ofperr ofp_multipart_init_reply(struct ofp_multipart *mp,
				     struct bytebuf *out,
				     const struct ofpmsg *request)
{
	enum ofptype reply = ofp_multipart_reply_type(request->type);

	if (reply == OFPTYPE_N ||
	    !ofpmsg_row_find(reply, request->version))
		return OFPERR_OFPBRC_BAD_TYPE;
	ofp_multipart_init(mp, out, reply, request->version, request->xid);
	return 0;
}

size_t ofp_multipart_body_start(const struct ofp_multipart *mp)
{
	return mp->out->size;
}

static size_t header_len(const struct ofp_multipart *mp)
{
	return ofpmsg_row_hdr_len(ofpmsg_row_find(mp->type, mp->version),
				  mp->version);
}

bool ofp_multipart_commit(struct ofp_multipart *mp, size_t body_ofs)
{
	size_t body_len = mp->out->size - body_ofs;

	if (mp->out->size - mp->start <= mp->max_len)
		return true;
	if (header_len(mp) + body_len > mp->max_len) {
		bytebuf_truncate(mp->out, body_ofs);
		return false;
	}

	/* Take the body out, close the full message, start the next. */
	struct bytebuf body = BYTEBUF_INITIALIZER;
	bytebuf_put(&body, bytebuf_at(mp->out, body_ofs, body_len), body_len);
	bytebuf_truncate(mp->out, body_ofs);
	ofpmsg_set_mp_flags(mp->out, mp->start, OFPSF_REPLY_MORE);
	ofpmsg_finish(mp->out, mp->start);
	open_msg(mp);
	bytebuf_put(mp->out, body.data, body.size);
	bytebuf_uninit(&body);
	return true;
}

bool ofp_multipart_put(struct ofp_multipart *mp, const void *body, size_t n)
{
	size_t ofs = ofp_multipart_body_start(mp);

	bytebuf_put(mp->out, body, n);
	return ofp_multipart_commit(mp, ofs);
}

void ofp_multipart_finish(struct ofp_multipart *mp)
{
	ofpmsg_finish(mp->out, mp->start);
}
