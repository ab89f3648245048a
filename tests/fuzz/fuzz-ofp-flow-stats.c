/* libFuzzer: whole OpenFlow messages.  Flow stats and aggregate requests
 * and flow stats replies must decode or fail cleanly; what decodes must
 * encode to bytes that decode and encode again to the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-flow-stats.h"
#include "ofp-msgs.h"
#include "ofp-print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

static bool is_request(enum ofptype t)
{
	return t == OFPTYPE_FLOW_STATS_REQUEST || t == OFPTYPE_NXST_FLOW_REQUEST ||
	       t == OFPTYPE_AGGREGATE_STATS_REQUEST ||
	       t == OFPTYPE_NXST_AGGREGATE_REQUEST;
}

static void request_twice(const struct ofpmsg *m)
{
	struct bytebuf a = BYTEBUF_INITIALIZER, b = BYTEBUF_INITIALIZER;
	struct ofp_flow_stats_request r;
	struct ofpmsg m2;

	if (ofp_flow_stats_request_decode(m, &r))
		return;
	ofp_flow_stats_request_encode(&a, m->type, m->version, m->xid, &r);
	check(!ofpmsg_decode(&m2, a.data, a.size));
	check(!ofp_flow_stats_request_decode(&m2, &r));
	ofp_flow_stats_request_encode(&b, m->type, m->version, m->xid, &r);
	check(a.size == b.size && !memcmp(a.data, b.data, a.size));
	bytebuf_uninit(&a);
	bytebuf_uninit(&b);
}

/* Each entry re-encoded; the result must decode as one entry. */
static void reply_entries(const struct ofpmsg *m)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct bytebuf acts = BYTEBUF_INITIALIZER, acts2 = BYTEBUF_INITIALIZER;
	struct ofp_flow_stats fs, fs2;

	while (!ofp_flow_stats_pull(m->type, m->version, &c, &fs, &acts)) {
		struct bytebuf e = BYTEBUF_INITIALIZER;
		if (!ofp_flow_stats_put(&e, m->type, m->version, &fs)) {
			struct bytecur c2 = bytecur_make(e.data, e.size);
			check(!ofp_flow_stats_pull(m->type, m->version, &c2,
						   &fs2, &acts2));
			check(!c2.left);
			check(fs2.packet_count == fs.packet_count &&
			      fs2.cookie == fs.cookie &&
			      of_match_equal(&fs2.match, &fs.match));
		}
		bytebuf_uninit(&e);
		bytebuf_clear(&acts);
		bytebuf_clear(&acts2);
	}
	bytebuf_uninit(&acts);
	bytebuf_uninit(&acts2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ofpmsg m;

	if (ofpmsg_decode(&m, data, size))
		return 0;
	if (is_request(m.type))
		request_twice(&m);
	else if (m.type == OFPTYPE_FLOW_STATS_REPLY ||
		 m.type == OFPTYPE_NXST_FLOW_REPLY)
		reply_entries(&m);
	else
		return 0;
	free(ofp_to_string(data, size, 2));
	return 0;
}
