/* The aggregate flow statistics reply. */
#include "ofp-aggregate.h"

#include <inttypes.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-oxs.h"
#include "ofp-print-bodies.h"
#include "ofp-version.h"

/* packet_count(8) byte_count(8) flow_count(4) pad(4); 1.5: one
 * ofp_oxs_stat, whose missing counters read as all ones. */
enum ofperr ofp_aggregate_reply_decode(const struct ofpmsg *m,
				       struct ofp_aggregate_stats *as)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);

	memset(as, 0, sizeof *as);
	if (m->version >= OFP15_VERSION &&
	    m->type == OFPTYPE_AGGREGATE_STATS_REPLY) {
		struct ofp_oxs_stats oxs;
		enum ofperr error = ofp_oxs_stat_pull(&c, &oxs);
		as->packet_count = oxs.packet_count;
		as->byte_count = oxs.byte_count;
		as->flow_count = oxs.flow_count;
		return error;
	}
	bytecur_take_be64(&c, &as->packet_count);
	bytecur_take_be64(&c, &as->byte_count);
	bytecur_take_be32(&c, &as->flow_count);
	return 0;
}

void ofp_aggregate_reply_encode(struct bytebuf *b, enum ofptype type,
				uint8_t version, uint32_t xid,
				const struct ofp_aggregate_stats *as)
{
	size_t start = ofpmsg_start(b, type, version, xid);

	if (version >= OFP15_VERSION && type == OFPTYPE_AGGREGATE_STATS_REPLY) {
		struct ofp_oxs_stats oxs = {
			.flow_count = as->flow_count,
			.packet_count = as->packet_count,
			.byte_count = as->byte_count,
		};
		ofp_oxs_stat_put(b, &oxs, 1u << OFP_OXS_FLOW_COUNT |
						  1u << OFP_OXS_PACKET_COUNT |
						  1u << OFP_OXS_BYTE_COUNT);
	} else {
		bytebuf_put_be64(b, as->packet_count);
		bytebuf_put_be64(b, as->byte_count);
		bytebuf_put_be32(b, as->flow_count);
		bytebuf_put_zeros(b, 4);
	}
	ofpmsg_finish(b, start);
}

OFP_BODY_PRINTER(ofp_aggregate_print_reply)
{
	struct ofp_aggregate_stats as;
	enum ofperr error = ofp_aggregate_reply_decode(m, &as);

	if (error)
		return error;
	odp_text_printf(t, " packet_count=%" PRIu64 " byte_count=%" PRIu64
			   " flow_count=%" PRIu32,
			as.packet_count, as.byte_count, as.flow_count);
	return 0;
}
