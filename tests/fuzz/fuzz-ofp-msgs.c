/* libFuzzer: arbitrary bytes as one OpenFlow message.  The header decoder,
 * the ERROR and HELLO decoders and the printer must never crash; a message
 * that decodes must re-encode to the same header (padding aside) and
 * decode again to the same fields. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-errors.h"
#include "ofp-hello.h"
#include "ofp-msgs.h"
#include "ofp-print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Multipart headers carry pad bytes the encoder writes as zeros. */
static void zero_padding(uint8_t *p, const struct ofpmsg *m)
{
	enum ofpmsg_kind kind = m->row->kind;
	bool v10 = m->version == OFP10_VERSION;

	if ((kind == OFPMSG_OFPST || kind == OFPMSG_NXST ||
	     kind == OFPMSG_ONFST) && !v10)
		memset(p + 12, 0, 4);
	if ((kind == OFPMSG_NXST || kind == OFPMSG_ONFST) && v10)
		memset(p + 20, 0, 4);
}

static void check_reencode(const uint8_t *data, size_t size,
			   const struct ofpmsg *m)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofpmsg again;

	size_t start = ofpmsg_start(&b, m->type, m->version, m->xid);
	if (start != 0)
		abort();
	if (m->mp_flags)
		ofpmsg_set_mp_flags(&b, start, m->mp_flags);
	if (b.size != m->hdr_len)
		abort();
	bytebuf_put(&b, m->body, m->body_len);
	if (!ofpmsg_finish(&b, start) || b.size != size)
		abort();

	uint8_t *copy = malloc(size);
	memcpy(copy, data, size);
	zero_padding(copy, m);
	if (memcmp(copy, b.data, size))
		abort();
	free(copy);

	if (ofpmsg_decode(&again, b.data, b.size) || again.row != m->row ||
	    again.xid != m->xid || again.mp_flags != m->mp_flags ||
	    again.body_len != m->body_len)
		abort();
	bytebuf_uninit(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ofpmsg m;

	if (!ofpmsg_decode(&m, data, size)) {
		check_reencode(data, size, &m);
		if (m.type == OFPTYPE_ERROR) {
			struct ofperr_msg em;
			if (!ofperr_decode_msg(data, size, &em) &&
			    em.data + em.data_len != data + size)
				abort();
		} else if (m.type == OFPTYPE_HELLO) {
			struct ofp_hello h;
			ofp_hello_decode(&m, &h);
			if (h.versions & 1)
				abort();
		}
	}

	char *s = ofp_to_string(data, size, 2);
	free(s);
	s = ofp_to_string(data, size, 5);
	free(s);
	return 0;
}
