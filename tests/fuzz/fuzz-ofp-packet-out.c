/* libFuzzer: PACKET_OUT as whole messages, and (input starting with '!')
 * the packet-out text.  What decodes must encode to the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-msgs.h"
#include "ofp-packet-out.h"
#include "ofp-print.h"
#include "ofp-version.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

static void text(const uint8_t *data, size_t size)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER, pkt = BYTEBUF_INITIALIZER;
	struct bytebuf out = BYTEBUF_INITIALIZER;
	struct ofp_packet_out po;
	char *s = strndup((const char *)data, size);
	char *error = ofp_packet_out_parse(s, &po, &acts, &pkt);

	if (!error)
		for (uint8_t v = OFP10_VERSION; v <= OFP15_VERSION; v++)
			ofp_packet_out_encode(&po, v, 1, &out);
	free(error);
	free(s);
	bytebuf_uninit(&acts);
	bytebuf_uninit(&pkt);
	bytebuf_uninit(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER, out = BYTEBUF_INITIALIZER;
	struct ofp_packet_out po;
	struct ofpmsg m;

	if (size && data[0] == '!') {
		text(data + 1, size - 1);
		return 0;
	}
	if (ofpmsg_decode(&m, data, size) || m.type != OFPTYPE_PACKET_OUT)
		return 0;
	if (!ofp_packet_out_decode(&m, &po, &acts) &&
	    !ofp_packet_out_encode(&po, m.version, m.xid, &out)) {
		struct bytebuf acts2 = BYTEBUF_INITIALIZER;
		struct ofp_packet_out po2;
		struct ofpmsg m2;
		check(!ofpmsg_decode(&m2, out.data, out.size));
		check(!ofp_packet_out_decode(&m2, &po2, &acts2));
		check(po2.packet_len == po.packet_len &&
		      po2.buffer_id == po.buffer_id);
		bytebuf_uninit(&acts2);
	}
	bytebuf_uninit(&acts);
	bytebuf_uninit(&out);
	free(ofp_to_string(data, size, 2));
	return 0;
}
