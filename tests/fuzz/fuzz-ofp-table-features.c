/* libFuzzer: TABLE_FEATURES request and reply bodies as whole messages.
 * What decodes must encode to bytes that decode to the same entry. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-msgs.h"
#include "ofp-print.h"
#include "ofp-table-features.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ofp_table_features tf, tf2;
	struct ofpmsg m;

	if (ofpmsg_decode(&m, data, size) ||
	    (m.type != OFPTYPE_TABLE_FEATURES_STATS_REPLY &&
	     m.type != OFPTYPE_TABLE_FEATURES_STATS_REQUEST))
		return 0;

	struct bytecur c = bytecur_make(m.body, m.body_len);
	while (!ofp_table_features_pull(m.version, &c, &tf)) {
		struct bytebuf b = BYTEBUF_INITIALIZER;
		ofp_table_features_put(&b, m.version, &tf);
		struct bytecur c2 = bytecur_make(b.data, b.size);
		/* Fields without a header in this version drop out. */
		if (!ofp_table_features_pull(m.version, &c2, &tf2))
			check(tf2.table_id == tf.table_id &&
			      !memcmp(&tf2.nonmiss.next, &tf.nonmiss.next,
				      sizeof tf.nonmiss.next));
		bytebuf_uninit(&b);
	}
	free(ofp_to_string(data, size, 2));
	return 0;
}
