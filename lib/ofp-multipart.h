/* Multipart replies that do not fit in one message: bodies are appended
 * one at a time, and a body that would take a message past 64 KiB moves
 * into a new message, the full one being finished with the MORE flag. */
#ifndef OFP_MULTIPART_H
#define OFP_MULTIPART_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;

/* The largest OpenFlow message: its length field is 16 bits. */
#define OFP_MULTIPART_MAX_LEN 65535

struct ofp_multipart {
	struct bytebuf *out;	/* The replies, back to back. */
	enum ofptype type;
	uint8_t version;
	uint32_t xid;
	size_t start;		/* The open message's offset in 'out'. */
	size_t max_len;		/* OFP_MULTIPART_MAX_LEN unless a test
				 * wants smaller messages. */
	size_t n_msgs;
};

/* The reply type of a multipart request type; OFPTYPE_N if none. */
enum ofptype ofp_multipart_reply_type(enum ofptype request);

/* Opens the first reply, of type 'reply', in 'out'. */
void ofp_multipart_init(struct ofp_multipart *, struct bytebuf *out,
			enum ofptype reply, uint8_t version, uint32_t xid);
/* Opens the first reply to 'request' (same version and xid);
 * OFPERR_OFPBRC_BAD_TYPE if 'request' is not a multipart request. */
enum ofperr ofp_multipart_init_reply(struct ofp_multipart *,
				     struct bytebuf *out,
				     const struct ofpmsg *request);

/* Where the next body starts: append it to mp->out, then call
 * ofp_multipart_commit() with this offset. */
size_t ofp_multipart_body_start(const struct ofp_multipart *);
/* Settles the body appended since 'body_ofs', moving it into a new
 * message if the open one would grow past max_len.  False (and the body
 * dropped) if the body alone cannot fit in a message. */
bool ofp_multipart_commit(struct ofp_multipart *, size_t body_ofs);
/* Appends a whole body: copy plus commit. */
bool ofp_multipart_put(struct ofp_multipart *, const void *, size_t);
/* Finishes the last message (without MORE).  mp->n_msgs counts them. */
void ofp_multipart_finish(struct ofp_multipart *);

#endif
