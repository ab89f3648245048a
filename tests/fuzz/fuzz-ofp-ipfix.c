/* libFuzzer: NXST_IPFIX replies as whole messages.  Every entry that
 * decodes must encode to the bytes it came from. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-ipfix.h"
#include "ofp-msgs.h"
#include "ofp-print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ofp_ipfix_stats is;
	struct ofpmsg m;

	if (ofpmsg_decode(&m, data, size) ||
	    (m.type != OFPTYPE_NXST_IPFIX_BRIDGE_REPLY &&
	     m.type != OFPTYPE_NXST_IPFIX_FLOW_REPLY))
		return 0;

	struct bytecur c = bytecur_make(m.body, m.body_len);
	const uint8_t *p = c.p;
	while (!ofp_ipfix_stats_pull(&c, &is)) {
		struct bytebuf b = BYTEBUF_INITIALIZER;
		ofp_ipfix_stats_put(&b, &is);
		/* The padding is the only part not kept. */
		if (b.size != OFP_IPFIX_STATS_LEN || memcmp(b.data, p, 84))
			abort();
		bytebuf_uninit(&b);
		p = c.p;
	}
	free(ofp_to_string(data, size, 2));
	return 0;
}
