/* libFuzzer: flow monitor replies as whole messages.  Every update that
 * decodes must encode to bytes that decode as one update again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-flow-update.h"
#include "ofp-msgs.h"
#include "ofp-print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER, acts2 = BYTEBUF_INITIALIZER;
	struct ofp_flow_update u, u2;
	struct ofpmsg m;

	if (ofpmsg_decode(&m, data, size) ||
	    m.type != OFPTYPE_FLOW_MONITOR_STATS_REPLY)
		return 0;

	struct bytecur c = bytecur_make(m.body, m.body_len);
	while (!ofp_flow_update_pull(m.version, &c, &u, &acts)) {
		struct bytebuf e = BYTEBUF_INITIALIZER;
		if (!ofp_flow_update_put(&e, m.version, &u)) {
			struct bytecur c2 = bytecur_make(e.data, e.size);
			check(!ofp_flow_update_pull(m.version, &c2, &u2, &acts2));
			check(!c2.left && u2.event == u.event &&
			      u2.cookie == u.cookie);
		}
		bytebuf_uninit(&e);
		bytebuf_clear(&acts);
		bytebuf_clear(&acts2);
	}
	bytebuf_uninit(&acts);
	bytebuf_uninit(&acts2);
	free(ofp_to_string(data, size, 2));
	return 0;
}
