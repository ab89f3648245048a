/* Growable byte buffers for building wire messages, and a bounds-checked
 * cursor for taking them apart. */
#ifndef BYTEBUF_H
#define BYTEBUF_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes [0, size) of 'data' are valid; offsets stay valid across growth,
 * pointers do not. */
struct bytebuf {
	uint8_t *data;
	size_t size;
	size_t allocated;
};

#define BYTEBUF_INITIALIZER { NULL, 0, 0 }

void bytebuf_init(struct bytebuf *);
void bytebuf_uninit(struct bytebuf *);
void bytebuf_clear(struct bytebuf *);
void bytebuf_reserve(struct bytebuf *, size_t more);

void *bytebuf_put_uninit(struct bytebuf *, size_t n);
void *bytebuf_put(struct bytebuf *, const void *, size_t n);
void *bytebuf_put_zeros(struct bytebuf *, size_t n);
void bytebuf_put_u8(struct bytebuf *, uint8_t);
void bytebuf_put_be16(struct bytebuf *, uint16_t host_order);
void bytebuf_put_be32(struct bytebuf *, uint32_t host_order);
void bytebuf_put_be64(struct bytebuf *, uint64_t host_order);
void bytebuf_pad_to(struct bytebuf *, size_t alignment);
void *bytebuf_at(const struct bytebuf *, size_t offset, size_t n);
void bytebuf_truncate(struct bytebuf *, size_t size);
uint8_t *bytebuf_steal(struct bytebuf *, size_t *size);

/* A read cursor: every take checks the remaining length first. */
struct bytecur {
	const uint8_t *p;
	size_t left;
};

static inline struct bytecur bytecur_make(const void *p, size_t n)
{
	struct bytecur c = { p, n };
	return c;
}

const void *bytecur_take(struct bytecur *, size_t n);
bool bytecur_take_u8(struct bytecur *, uint8_t *);
bool bytecur_take_be16(struct bytecur *, uint16_t *host_order);
bool bytecur_take_be32(struct bytecur *, uint32_t *host_order);
bool bytecur_take_be64(struct bytecur *, uint64_t *host_order);
bool bytecur_is_zero(const void *, size_t n);

#endif
