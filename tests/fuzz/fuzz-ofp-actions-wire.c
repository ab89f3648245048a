/* libFuzzer: the first byte picks the version and whether the rest is an
 * action list or an instruction list.  Whatever decodes must print, encode,
 * and decode again; encoding that second decode gives the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-actions.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static enum ofperr decode(const void *p, size_t n, int v, bool inst,
			  struct bytebuf *out)
{
	return inst ? ofpacts_decode_instructions(p, n, v, out)
		: ofpacts_decode_actions(p, n, v, out);
}

/* OpenFlow 1.0 has no instructions: its list is always actions. */
static enum ofperr encode(const void *p, size_t n, int v, bool inst,
			  struct bytebuf *out)
{
	return inst || v == OFP10_VERSION
		? ofpacts_encode_instructions(p, n, v, out)
		: ofpacts_encode_actions(p, n, v, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytebuf a = BYTEBUF_INITIALIZER, w = BYTEBUF_INITIALIZER;
	struct bytebuf b = BYTEBUF_INITIALIZER, w2 = BYTEBUF_INITIALIZER;
	bool inst;
	int v;

	if (!size)
		return 0;
	v = OFP10_VERSION + data[0] % 6;
	inst = data[0] & 0x80 && v != OFP10_VERSION;
	if (!decode(data + 1, size - 1, v, inst, &a)) {
		free(ofpacts_to_string(a.data, a.size));
		if (!encode(a.data, a.size, v, inst, &w)) {
			if (decode(w.data, w.size, v, inst, &b)
			    || encode(b.data, b.size, v, inst, &w2)
			    || !ofpacts_equal(w.data, w.size, w2.data,
					      w2.size))
				abort();
		}
	}
	bytebuf_uninit(&a);
	bytebuf_uninit(&w);
	bytebuf_uninit(&b);
	bytebuf_uninit(&w2);
	return 0;
}
