#include "bytebuf.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void bytebuf_init(struct bytebuf *b)
{
	b->data = NULL;
	b->size = 0;
	b->allocated = 0;
}

void bytebuf_uninit(struct bytebuf *b)
{
	free(b->data);
	bytebuf_init(b);
}

void bytebuf_clear(struct bytebuf *b)
{
	b->size = 0;
}

void bytebuf_reserve(struct bytebuf *b, size_t more)
{
	if (b->allocated - b->size >= more)
		return;
	size_t want = b->size + more;
	size_t cap = b->allocated ? b->allocated : 64;
	while (cap < want)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->allocated = cap;
}

void *bytebuf_put_uninit(struct bytebuf *b, size_t n)
{
	bytebuf_reserve(b, n);
	void *p = b->data + b->size;
	b->size += n;
	return p;
}

void *bytebuf_put(struct bytebuf *b, const void *src, size_t n)
{
	void *p = bytebuf_put_uninit(b, n);
	if (n)
		memcpy(p, src, n);
	return p;
}

void *bytebuf_put_zeros(struct bytebuf *b, size_t n)
{
	void *p = bytebuf_put_uninit(b, n);
	memset(p, 0, n);
	return p;
}

void bytebuf_put_u8(struct bytebuf *b, uint8_t v)
{
	bytebuf_put(b, &v, 1);
}

void bytebuf_put_be16(struct bytebuf *b, uint16_t v)
{
	uint8_t w[2] = { v >> 8, v };
	bytebuf_put(b, w, sizeof w);
}

void bytebuf_put_be32(struct bytebuf *b, uint32_t v)
{
	bytebuf_put_be16(b, v >> 16);
	bytebuf_put_be16(b, v);
}

void bytebuf_put_be64(struct bytebuf *b, uint64_t v)
{
	bytebuf_put_be32(b, v >> 32);
	bytebuf_put_be32(b, v);
}

void bytebuf_pad_to(struct bytebuf *b, size_t alignment)
{
	size_t rem = b->size % alignment;
	if (rem)
		bytebuf_put_zeros(b, alignment - rem);
}

void *bytebuf_at(const struct bytebuf *b, size_t offset, size_t n)
{
	return offset <= b->size && n <= b->size - offset ? b->data + offset
							   : NULL;
}

void bytebuf_truncate(struct bytebuf *b, size_t size)
{
	if (size < b->size)
		b->size = size;
}

uint8_t *bytebuf_steal(struct bytebuf *b, size_t *size)
{
	uint8_t *p = b->data;
	if (size)
		*size = b->size;
	bytebuf_init(b);
	return p;
}

const void *bytecur_take(struct bytecur *c, size_t n)
{
	if (n > c->left)
		return NULL;
	const void *p = c->p;
	c->p += n;
	c->left -= n;
	return p;
}

bool bytecur_take_u8(struct bytecur *c, uint8_t *v)
{
	const uint8_t *p = bytecur_take(c, 1);
	if (p)
		*v = p[0];
	return p != NULL;
}

bool bytecur_take_be16(struct bytecur *c, uint16_t *v)
{
	const uint8_t *p = bytecur_take(c, 2);
	if (p)
		*v = (uint16_t)(p[0] << 8 | p[1]);
	return p != NULL;
}

bool bytecur_take_be32(struct bytecur *c, uint32_t *v)
{
	const uint8_t *p = bytecur_take(c, 4);
	if (p)
		*v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		     (uint32_t)p[2] << 8 | p[3];
	return p != NULL;
}

bool bytecur_take_be64(struct bytecur *c, uint64_t *v)
{
	uint32_t hi, lo;
	struct bytecur save = *c;
	if (!bytecur_take_be32(c, &hi) || !bytecur_take_be32(c, &lo)) {
		*c = save;
		return false;
	}
	*v = (uint64_t)hi << 32 | lo;
	return true;
}

bool bytecur_is_zero(const void *p, size_t n)
{
	const uint8_t *b = p;
	for (size_t i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}
