/* libFuzzer: ovs-ofctl action text.  Whatever parses must print as text
 * that parses to the same actions, and encode in every version where it
 * encodes at all to bytes that decode. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-actions.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytebuf a = BYTEBUF_INITIALIZER, b = BYTEBUF_INITIALIZER;
	char *text = xcalloc(1, size + 1);
	char *error;

	memcpy(text, data, size);
	if (strlen(text) != size)
		goto out;
	error = ofpacts_parse(text, &a);
	if (error) {
		free(error);
		goto out;
	}
	char *s = ofpacts_to_string(a.data, a.size);
	error = ofpacts_parse(s, &b);
	if (error || !ofpacts_equal(a.data, a.size, b.data, b.size))
		abort();
	free(s);
	for (int v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
		struct bytebuf w = BYTEBUF_INITIALIZER;
		struct bytebuf d = BYTEBUF_INITIALIZER;
		if (!ofpacts_encode_instructions(a.data, a.size, v, &w)) {
			enum ofperr e = v == OFP10_VERSION
				? ofpacts_decode_actions(w.data, w.size, v, &d)
				: ofpacts_decode_instructions(w.data, w.size,
							      v, &d);
			if (e)
				abort();
		}
		bytebuf_uninit(&w);
		bytebuf_uninit(&d);
	}
out:
	free(text);
	bytebuf_uninit(&a);
	bytebuf_uninit(&b);
	return 0;
}
