/* REQUESTFORWARD (NXT in 1.0-1.2, ONFT in 1.3, OFPT in 1.4+): a group or
 * meter modification one controller made, forwarded to the others. */
#ifndef OFP_REQUESTFORWARD_H
#define OFP_REQUESTFORWARD_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;

enum ofperr ofp_requestforward_decode(const struct ofpmsg *,
				      struct ofpmsg *inner);
void ofp_requestforward_encode(struct bytebuf *, uint8_t version,
			       uint32_t xid, const void *inner, size_t len);

#endif
