/* Splits a byte stream into complete JSON texts, as JSON-RPC over a stream
 * socket frames its messages: no length prefix, one value after another.
 *
 * Bytes arrive in pieces of any size (a message split over many reads,
 * several messages in one read); the scanner tracks strings and nesting
 * incrementally, so each byte is looked at once, and hands every complete
 * object or array to jansson.  A value longer than the stream's limit, or
 * bytes that cannot start one, or a closing bracket of the wrong kind, or
 * nesting deeper than JSON_STREAM_MAX_DEPTH, lose the framing for good: the
 * stream is then broken and the connection has to go.  A complete value
 * that is not valid JSON is only skipped. */
#ifndef WEIR_JSON_STREAM_H
#define WEIR_JSON_STREAM_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Deeper nesting loses the framing (jansson stops well before). */
#define JSON_STREAM_MAX_DEPTH 1024

struct json_stream {
	char *buf;
	size_t len, cap;
	size_t start;           /* where the value being scanned begins */
	size_t pos;             /* next byte to scan */
	size_t max;             /* longest value accepted */
	unsigned int depth;     /* open braces and brackets */
	uint64_t arrays[JSON_STREAM_MAX_DEPTH / 64];   /* bit set: '[' */
	bool in_string, escape;
	int broken;             /* 0, or the -errno that lost the framing */
	char error[128];        /* why the last value failed, or broken */
};

void json_stream_init(struct json_stream *, size_t max_value);
void json_stream_destroy(struct json_stream *);

/* Appends received bytes. */
void json_stream_feed(struct json_stream *, const void *data, size_t n);

/* Takes the next complete value out of the stream:
 *   0         '*json' is the value (the caller owns it);
 *   -EAGAIN   none is complete yet (feed more);
 *   -EBADMSG  a complete value was not valid JSON: it is dropped, the
 *             reason is in 'error', the stream goes on;
 *   -EMSGSIZE, -EPROTO  the framing is lost (too long, a byte that
 *             cannot start an object or array, a mismatched bracket, too
 *             deep): the stream is broken, every later call fails the same
 *             way. */
int json_stream_next(struct json_stream *, json_t **json);

/* True if bytes of an unfinished value are buffered (EOF now truncates). */
bool json_stream_pending(const struct json_stream *);

#endif /* WEIR_JSON_STREAM_H */
