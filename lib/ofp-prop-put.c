/* Writing properties and length fields. */
#include "ofp-prop-put.h"

#include "bytebuf.h"

void ofp_put_len16(struct bytebuf *b, size_t ofs, size_t value)
{
	uint8_t *p = bytebuf_at(b, ofs, 2);

	p[0] = value >> 8;
	p[1] = value;
}

size_t ofp_prop_start(struct bytebuf *b, uint16_t type)
{
	size_t start = b->size;

	bytebuf_put_be16(b, type);
	bytebuf_put_be16(b, 0);
	return start;
}

void ofp_prop_end(struct bytebuf *b, size_t start)
{
	ofp_put_len16(b, start + 2, b->size - start);
	bytebuf_pad_to(b, 8);
}

void ofp_prop_put(struct bytebuf *b, uint16_t type, const void *v, size_t n)
{
	size_t start = ofp_prop_start(b, type);

	bytebuf_put(b, v, n);
	ofp_prop_end(b, start);
}
