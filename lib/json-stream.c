/* The framer: a small state machine over the buffered bytes that only needs
 * to know where strings are (brackets inside them don't count) and how deep
 * the nesting is; jansson then parses each delimited value in full. */
#include "json-stream.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void json_stream_init(struct json_stream *s, size_t max_value)
{
	memset(s, 0, sizeof *s);
	s->max = max_value;
}

void json_stream_destroy(struct json_stream *s)
{
	free(s->buf);
	s->buf = NULL;
	s->len = s->cap = s->start = s->pos = 0;
}

/* Drops the bytes of values already taken, so the buffer holds only the
 * value being scanned. */
static void json_stream_shift(struct json_stream *s)
{
	if (!s->start)
		return;
	memmove(s->buf, s->buf + s->start, s->len - s->start);
	s->len -= s->start;
	s->pos -= s->start;
	s->start = 0;
}

void json_stream_feed(struct json_stream *s, const void *data, size_t n)
{
	json_stream_shift(s);
	s->buf = xgrow(s->buf, &s->cap, s->len + n);
	memcpy(s->buf + s->len, data, n);
	s->len += n;
}

static int json_stream_break(struct json_stream *s, int error,
			     const char *why)
{
	s->broken = error;
	snprintf(s->error, sizeof s->error, "%s", why);
	return error;
}

static bool json_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void json_stream_open(struct json_stream *s, bool array)
{
	uint64_t bit = 1ULL << (s->depth % 64);

	if (array)
		s->arrays[s->depth / 64] |= bit;
	else
		s->arrays[s->depth / 64] &= ~bit;
	s->depth++;
}

/* Scans one byte of a value: 1 when it completes the value, 0 when not, a
 * negative errno when it loses the framing. */
static int json_stream_step(struct json_stream *s, char c)
{
	if (s->in_string) {
		if (s->escape)
			s->escape = false;
		else if (c == '\\')
			s->escape = true;
		else if (c == '"')
			s->in_string = false;
		return 0;
	}
	if (c == '"') {
		s->in_string = true;
	} else if (c == '{' || c == '[') {
		if (s->depth >= JSON_STREAM_MAX_DEPTH)
			return json_stream_break(s, -EPROTO,
						 "nested too deeply");
		json_stream_open(s, c == '[');
	} else if (c == '}' || c == ']') {
		unsigned int d = s->depth - 1;
		bool array = s->arrays[d / 64] >> (d % 64) & 1;

		if (array != (c == ']'))
			return json_stream_break(s, -EPROTO,
						 "mismatched bracket");
		return --s->depth == 0;
	}
	return 0;
}

/* Finds the end of the value at s->start; returns its length, or 0 if it
 * is not complete yet, or a negative errno when the framing is lost. */
static long json_stream_scan(struct json_stream *s)
{
	if (s->depth == 0) {
		while (s->start < s->len && json_is_space(s->buf[s->start]))
			s->start++;
		if (s->start == s->len)
			return 0;
		char c = s->buf[s->start];
		if (c != '{' && c != '[')
			return json_stream_break(s, -EPROTO,
				"expected '{' or '[' at the start of a message");
		s->pos = s->start;
	}
	for (; s->pos < s->len; s->pos++) {
		int done = json_stream_step(s, s->buf[s->pos]);

		if (done < 0)
			return done;
		if (done)
			return ++s->pos - s->start;
		if (s->pos + 1 - s->start >= s->max)
			return json_stream_break(s, -EMSGSIZE,
						 "message too long");
	}
	return 0;
}

int json_stream_next(struct json_stream *s, json_t **json)
{
	*json = NULL;
	if (s->broken)
		return s->broken;
	long n = json_stream_scan(s);
	if (n <= 0)
		return n < 0 ? (int)n : -EAGAIN;

	json_error_t jerr;
	*json = json_loadb(s->buf + s->start, n, JSON_REJECT_DUPLICATES,
			   &jerr);
	s->start += n;
	if (!*json) {
		snprintf(s->error, sizeof s->error, "%.100s at byte %d",
			 jerr.text, jerr.position);
		return -EBADMSG;
	}
	return 0;
}

bool json_stream_pending(const struct json_stream *s)
{
	for (size_t i = s->start; i < s->len; i++)
		if (!json_is_space(s->buf[i]))
			return true;
	return false;
}
