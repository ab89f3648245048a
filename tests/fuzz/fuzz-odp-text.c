/* libFuzzer: datapath flow key text.  Whatever parses must print, verbose,
 * back to the very same attributes, and its normal form must be a fixed
 * point; the same bytes taken as netlink from outside must print safely. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "odp-key-text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct flow {
	u32 kmem[2048], mmem[2048];	/* u32: netlink's alignment */
	struct nlbuf key, mask;
};

static int parse(const char *s, struct flow *f, bool masked)
{
	nlbuf_init(&f->key, f->kmem, sizeof f->kmem);
	nlbuf_init(&f->mask, f->mmem, sizeof f->mmem);
	return odp_key_parse(s, &f->key, masked ? &f->mask : NULL, NULL, 0);
}

static char *print(const struct flow *f, bool masked, unsigned int flags)
{
	return odp_key_to_string(f->key.data, f->key.size,
				 masked ? f->mask.data : NULL,
				 masked ? f->mask.size : 0, flags);
}

/* parse(print_verbose(a)) == a, byte for byte. */
static void check_lossless(const struct flow *a, bool masked, struct flow *b)
{
	char *s = print(a, masked, ODP_KEY_VERBOSE);

	if (parse(s, b, masked) || a->key.size != b->key.size ||
	    a->mask.size != b->mask.size ||
	    memcmp(a->key.data, b->key.data, a->key.size) ||
	    memcmp(a->mask.data, b->mask.data, a->mask.size))
		abort();
	free(s);
}

/* print(parse(print(a))) == print(a). */
static void check_fixed_point(const struct flow *a, struct flow *b)
{
	char *s = print(a, true, 0), *t;

	if (parse(s, b, true))
		abort();
	t = print(b, true, 0);
	if (strcmp(s, t))
		abort();
	free(s);
	free(t);
}

static void print_raw(const uint8_t *data, size_t size, struct flow *f)
{
	size_t half = size / 2;

	memcpy(f->kmem, data, half);
	memcpy(f->mmem, data + half, size - half);
	free(odp_key_to_string(f->kmem, half, f->mmem, size - half, 0));
	free(odp_key_to_string(f->kmem, half, f->mmem, size - half,
			       ODP_KEY_VERBOSE));
	free(odp_key_to_string(f->kmem, size - half, NULL, 0, 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct flow a, b;
	char *text;

	if (size > 4096)
		return 0;
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (!parse(text, &a, true)) {
		check_lossless(&a, true, &b);
		check_fixed_point(&a, &b);
	}
	if (!parse(text, &a, false))
		check_lossless(&a, false, &b);
	print_raw(data, size, &a);
	free(text);
	return 0;
}
