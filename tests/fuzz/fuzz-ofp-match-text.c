/* libFuzzer: ovs-ofctl match text.  Whatever parses must print as text
 * that parses to the same match and prints the same again, and encode in
 * every wire format that says it fits, decoding back unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-match.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_wire(const struct of_match *m)
{
	static const enum of_match_format formats[] = {
		OFM_OF10, OFM_OF11, OFM_NXM, OFM_OXM,
	};

	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		for (int v = OFP12_VERSION; v <= OFP15_VERSION; v++) {
			struct bytebuf b = BYTEBUF_INITIALIZER;
			struct of_match back;

			of_match_encode(m, formats[i], v, &b);
			enum ofperr error = of_match_decode(b.data, b.size,
							    formats[i], v,
							    &back);
			/* Encoders emit only what their decoder accepts. */
			if (error && formats[i] >= OFM_NXM)
				abort();
			bytebuf_uninit(&b);
		}
	}
}

/* "name=value" as one field's value: what parses prints and parses back
 * to the same value and mask. */
static void check_value(const char *text)
{
	const char *eq = strchr(text, '=');
	const struct mf_field *mf = eq ? mf_from_name(text, eq - text) : NULL;
	union mf_value v, k, v2, k2;
	bool masked, masked2;

	if (!mf || mf->id == MFF_DL_VLAN)
		return;
	char *error = mf_parse_value(mf, eq + 1, &v, &k, &masked);
	if (error) {
		free(error);
		return;
	}
	char *s = mf_format_value(mf, &v, masked ? &k : NULL);
	if ((error = mf_parse_value(mf, s, &v2, &k2, &masked2)) ||
	    memcmp(v.u8, v2.u8, mf->n_bytes))
		abort();
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xcalloc(1, size + 1);
	struct of_match m, back;

	memcpy(text, data, size);
	check_value(text);
	char *error = of_match_parse(text, &m);
	free(text);
	if (error) {
		free(error);
		return 0;
	}
	char *s = of_match_format(&m);
	if ((error = of_match_parse(s, &back)) || !of_match_equal(&m, &back))
		abort();
	char *t = of_match_format(&back);
	if (strcmp(s, t))
		abort();
	free(s);
	free(t);
	check_wire(&m);
	return 0;
}
