/* libFuzzer: NXT_CT_FLUSH as whole messages.  What decodes must encode to
 * bytes that decode to the same request. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-ct-flush.h"
#include "ofp-msgs.h"
#include "ofp-print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofp_ct_flush f, f2;
	struct ofpmsg m, m2;

	if (ofpmsg_decode(&m, data, size) || m.type != OFPTYPE_NXT_CT_FLUSH)
		return 0;
	if (!ofp_ct_flush_decode(&m, &f)) {
		ofp_ct_flush_encode(&b, m.version, m.xid, &f);
		if (ofpmsg_decode(&m2, b.data, b.size) ||
		    ofp_ct_flush_decode(&m2, &f2) || f2.zone != f.zone ||
		    f2.ip_proto != f.ip_proto ||
		    memcmp(f2.orig.src, f.orig.src, 16) ||
		    memcmp(f2.reply.dst, f.reply.dst, 16))
			abort();
	}
	bytebuf_uninit(&b);
	free(ofp_to_string(data, size, 2));
	return 0;
}
