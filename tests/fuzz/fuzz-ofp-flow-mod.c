/* libFuzzer: arbitrary bytes as the body of a FLOW_MOD (first byte: the
 * version 1-6, or NXT_FLOW_MOD with bit 0x80).  Decoding must never
 * crash; what decodes must encode for its own protocol, and from then on
 * (once the action layer has picked its preferred spelling of an action)
 * encoding and decoding must be fixed points. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-actions.h"
#include "ofp-flow-mod.h"
#include "ofp-msgs.h"
#include "ofp-print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

static enum ofp_protocol protocol_of(enum ofptype type, uint8_t version)
{
	if (type == OFPTYPE_NXT_FLOW_MOD)
		return OFPROTO_OF10_NXM_TID;
	if (version == OFP10_VERSION)
		return OFPROTO_OF10_STD_TID;
	if (version == OFP11_VERSION)
		return OFPROTO_OF11_STD;
	return OFPROTO_OF12_OXM << (version - OFP12_VERSION);
}

static bool decode(const struct bytebuf *msg, struct of_flow_mod *fm,
		   struct bytebuf *acts)
{
	struct ofpmsg m;

	return !ofpmsg_decode(&m, msg->data, msg->size) &&
	       !of_flow_mod_decode(&m, fm, acts);
}

static bool same(const struct of_flow_mod *a, const struct of_flow_mod *b)
{
	struct of_flow_mod x = *a, y = *b;

	x.ofpacts = y.ofpacts = NULL;
	x.ofpacts_len = y.ofpacts_len = 0;
	memset(&x.match, 0, sizeof x.match);
	memset(&y.match, 0, sizeof y.match);
	return !memcmp(&x, &y, sizeof x) &&
	       of_match_equal(&a->match, &b->match) &&
	       ofpacts_equal(a->ofpacts, a->ofpacts_len, b->ofpacts,
			     b->ofpacts_len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	uint8_t version = (data[0] & 7) % 6 + 1;
	enum ofptype type = data[0] & 0x80 ? OFPTYPE_NXT_FLOW_MOD
		: OFPTYPE_FLOW_MOD;
	enum ofp_protocol proto = protocol_of(type, version);
	struct bytebuf in = BYTEBUF_INITIALIZER, out1 = BYTEBUF_INITIALIZER,
		out2 = BYTEBUF_INITIALIZER, a1 = BYTEBUF_INITIALIZER,
		a2 = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm1, fm2;

	if (type == OFPTYPE_NXT_FLOW_MOD)
		version = OFP10_VERSION;
	size_t start = ofpmsg_start(&in, type, version, 1);
	bytebuf_put(&in, data + 1, size - 1);
	if (ofpmsg_finish(&in, start)) {
		free(ofp_to_string(in.data, in.size, 2));
		if (decode(&in, &fm1, &a1) &&
		    !of_flow_mod_encode(&fm1, proto, 1, &out1)) {
			check(decode(&out1, &fm2, &a2));
			check(!of_flow_mod_encode(&fm2, proto, 1, &out2));
			check(out1.size == out2.size &&
			      !memcmp(out1.data, out2.data, out1.size));
			bytebuf_clear(&a1);
			check(decode(&out2, &fm1, &a1));
			check(same(&fm1, &fm2));
		}
	}
	bytebuf_uninit(&in);
	bytebuf_uninit(&out1);
	bytebuf_uninit(&out2);
	bytebuf_uninit(&a1);
	bytebuf_uninit(&a2);
	return 0;
}
