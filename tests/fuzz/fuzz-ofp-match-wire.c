/* libFuzzer: OpenFlow match decoders.  The first byte picks the format
 * (OF1.0, OF1.1, NXM, OXM 1.2-1.5).  Whatever decodes must encode and decode
 * again to the very same match, and print as text that parses back to it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-match.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Format selector: OF1.0, OF1.1, NXM, then OXM for OF1.2 to OF1.5. */
#define N_SELECTORS 7

static enum of_match_format sel_format(int sel)
{
	return sel < 3 ? (enum of_match_format[]){ OFM_OF10, OFM_OF11,
						   OFM_NXM }[sel] : OFM_OXM;
}

static void check_text(const struct of_match *m)
{
	struct of_match back;
	char *s = of_match_format(m);
	char *error = of_match_parse(s, &back);

	if (error || !of_match_equal(m, &back))
		abort();
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct of_match m, again;

	if (!size)
		return 0;
	int sel = data[0] % N_SELECTORS;
	enum of_match_format f = sel_format(sel);
	enum ofp_version v = sel < 3 ? OFP10_VERSION : OFP12_VERSION + sel - 3;
	if (of_match_decode(data + 1, size - 1, f, v, &m))
		return 0;
	of_match_encode(&m, f, v, &b);
	if (of_match_decode(b.data, b.size, f, v, &again) ||
	    !of_match_equal(&m, &again))
		abort();
	check_text(&m);
	bytebuf_uninit(&b);
	return 0;
}
