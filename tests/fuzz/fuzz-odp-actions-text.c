/* libFuzzer: datapath actions text and flow lines.  Whatever parses must
 * print back to the very same attributes, and its printed form must be a
 * fixed point.  The same bytes taken as netlink actions from outside must
 * print safely and, when they tile as the parser writes lists, losslessly:
 * structured where that reads back exactly, generic where not. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "odp-actions-text.h"
#include "odp-flow-text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT 8192
#define ACTS_CAP 70000

struct buf {
	u32 mem[ACTS_CAP / 4];	/* u32: netlink's alignment */
	struct nlbuf b;
};

static bool same(const struct nlbuf *a, const struct nlbuf *b)
{
	return a->size == b->size && !memcmp(a->data, b->data, a->size);
}

static int parse(const char *s, struct buf *b)
{
	nlbuf_init(&b->b, b->mem, sizeof b->mem);
	return odp_actions_parse(s, &b->b, NULL, 0);
}

/* parse(print(a)) == a, and print(parse(print(a))) == print(a). */
static void check_lossless(const struct nlbuf *a, struct buf *tmp)
{
	char *s = odp_actions_to_string(a->data, a->size), *t;

	if (parse(s, tmp) || !same(a, &tmp->b))
		abort();
	t = odp_actions_to_string(tmp->b.data, tmp->b.size);
	if (strcmp(s, t))
		abort();
	free(s);
	free(t);
}

/* Whether the list tiles exactly, with zero padding. */
static bool tiles(const u8 *p, u32 len)
{
	while (len) {
		const struct nlattr *a = (const struct nlattr *)p;
		u32 step;

		if (len < NLA_HDRLEN || a->nla_len < NLA_HDRLEN ||
		    (step = NLA_ALIGN(a->nla_len)) > len)
			return false;
		for (u32 i = a->nla_len; i < step; i++)
			if (p[i])
				return false;
		p += step;
		len -= step;
	}
	return true;
}

static void check_raw(const uint8_t *data, size_t size, struct buf *raw,
		      struct buf *tmp)
{
	memcpy(raw->mem, data, size);
	nlbuf_init(&raw->b, raw->mem, sizeof raw->mem);
	raw->b.size = size;
	if (tiles((const u8 *)raw->mem, size))
		check_lossless(&raw->b, tmp);
	else
		free(odp_actions_to_string(raw->mem, size));
}

/* A flow line that parses prints as one that parses to the same flow. */
static void check_flow(const char *text)
{
	static struct buf key, mask, acts, key2, mask2, acts2;
	struct odp_flow_stats st = { .n_packets = 1, .used = 1, .now = 2,
				     .tcp_flags = 0x12 };
	struct odp_text t = ODP_TEXT_INIT;

	nlbuf_init(&key.b, key.mem, sizeof key.mem);
	nlbuf_init(&mask.b, mask.mem, sizeof mask.mem);
	nlbuf_init(&acts.b, acts.mem, sizeof acts.mem);
	if (odp_flow_parse(text, &key.b, &mask.b, &acts.b, NULL, 0))
		return;
	odp_flow_format(&t, key.b.data, key.b.size, mask.b.data, mask.b.size,
			&st, acts.b.data, acts.b.size, ODP_KEY_VERBOSE);
	nlbuf_init(&key2.b, key2.mem, sizeof key2.mem);
	nlbuf_init(&mask2.b, mask2.mem, sizeof mask2.mem);
	nlbuf_init(&acts2.b, acts2.mem, sizeof acts2.mem);
	if (odp_flow_parse(odp_text_cstr(&t), &key2.b, &mask2.b, &acts2.b,
			   NULL, 0) || !same(&key.b, &key2.b) ||
	    !same(&mask.b, &mask2.b) || !same(&acts.b, &acts2.b))
		abort();
	odp_text_free(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf a, tmp;
	char *text;

	if (size > MAX_INPUT)
		return 0;
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (!parse(text, &a))
		check_lossless(&a.b, &tmp);
	check_flow(text);
	check_raw(data, size, &a, &tmp);
	free(text);
	return 0;
}
