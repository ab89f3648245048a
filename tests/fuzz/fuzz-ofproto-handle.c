/* libFuzzer: arbitrary bytes as a run of OpenFlow messages (each as long
 * as its header says) handed to a fresh bridge through ofproto_handle(),
 * the way a connection would.  Nothing may crash; every reply must be a
 * whole message that decodes; after the run a flow dump in every version
 * must decode entry by entry. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <urcu.h>

#include "bytebuf.h"
#include "ofp-flow-stats.h"
#include "ofp-msgs.h"
#include "ofproto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok) {
		abort();
	}
}

static struct ofproto_conn conn_for(uint8_t version)
{
	struct ofproto_conn c = { .version = version, .id = 1,
				  .miss_send_len = 128 };

	c.protocol = ofp_protocol_choose(
		OFPROTO_ANY, ofp_protocols_from_versions(1u << version));
	return c;
}

/* Every reply decodes, and flow stats replies entry by entry. */
static void check_replies(const struct ofproto_replies *r)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;

	for (size_t i = 0; i < r->n; i++) {
		struct ofp_flow_stats fs;
		struct bytecur c;
		struct ofpmsg m;
		int error;

		check(!ofpmsg_decode(&m, r->msgs[i].data, r->msgs[i].size));
		if (m.type != OFPTYPE_FLOW_STATS_REPLY
		    && m.type != OFPTYPE_NXST_FLOW_REPLY) {
			continue;
		}
		c = bytecur_make(m.body, m.body_len);
		while (!(error = ofp_flow_stats_pull(m.type, m.version, &c, &fs,
						     &ofpacts))) {
			bytebuf_clear(&ofpacts);
		}
		check(error == -1);
	}
	bytebuf_uninit(&ofpacts);
}

static void handle_one(struct ofproto *p, const uint8_t *msg, size_t len)
{
	struct ofproto_replies r;
	struct ofproto_conn c;
	struct ofpmsg m;

	/* A connection hands over only messages of its negotiated version. */
	if (ofpmsg_decode(&m, msg, len) || m.version < OFP10_VERSION
	    || m.version > OFP15_VERSION) {
		return;
	}
	c = conn_for(m.version);
	ofproto_replies_init(&r);
	ofproto_handle(p, &m, &c, &r);
	check_replies(&r);
	ofproto_replies_destroy(&r);
}

static void dump_all(struct ofproto *p)
{
	for (uint8_t v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
		struct bytebuf b = BYTEBUF_INITIALIZER;
		struct ofp_flow_stats_request req;

		ofp_flow_stats_request_init(&req);
		ofp_flow_stats_request_encode(&b, v == OFP10_VERSION
					      ? OFPTYPE_NXST_FLOW_REQUEST
					      : OFPTYPE_FLOW_STATS_REQUEST,
					      v, 1, &req);
		handle_one(p, b.data, b.size);
		bytebuf_uninit(&b);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned int runs;
	struct ofproto *p = ofproto_create("br0", 1, 4, NULL, NULL);

	while (size >= 8) {
		size_t len = (size_t) data[2] << 8 | data[3];

		if (len < 8 || len > size) {
			break;
		}
		handle_one(p, data, len);
		data += len;
		size -= len;
	}
	ofproto_run(p, 1LL << 40);
	dump_all(p);
	ofproto_destroy(p);
	if (++runs % 1024 == 0) {
		rcu_barrier();
	}
	return 0;
}
