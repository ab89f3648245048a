#include "json-text.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void json_text_init(struct json_text *t)
{
	memset(t, 0, sizeof *t);
}

void json_text_destroy(struct json_text *t)
{
	free(t->p);
	json_text_init(t);
}

void json_text_put(struct json_text *t, const char *p, size_t n)
{
	t->p = xgrow(t->p, &t->cap, t->len + n + 1);
	memcpy(t->p + t->len, p, n);
	t->len += n;
	t->p[t->len] = '\0';
}

static void put_char(struct json_text *t, char c)
{
	json_text_put(t, &c, 1);
}

/* Rare values (reals, strings needing escapes or UTF-8 checks) go
 * through jansson itself, so that the text stays exactly its own. */
static int put_by_jansson(struct json_text *t, const json_t *json)
{
	char *s = json_dumps(json, JSON_COMPACT | JSON_ENCODE_ANY);

	if (!s)
		return -1;
	json_text_put(t, s, strlen(s));
	free(s);
	return 0;
}

/* Bytes that jansson writes as they are. */
static bool plain(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
			return false;
	}
	return true;
}

int json_text_put_string(struct json_text *t, const char *s, size_t n)
{
	json_t *tmp;
	int error;

	if (plain(s, n)) {
		put_char(t, '"');
		json_text_put(t, s, n);
		put_char(t, '"');
		return 0;
	}
	tmp = json_stringn_nocheck(s, n);
	error = tmp ? put_by_jansson(t, tmp) : -1;
	json_decref(tmp);
	return error;
}

static void unreadable(struct json_text *t, const char *why)
{
	if (!t->unreadable)
		t->unreadable = why;
}

static int dump(struct json_text *t, const json_t *json, int depth);

static int dump_array(struct json_text *t, const json_t *json, int depth)
{
	size_t n = json_array_size(json);

	put_char(t, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			put_char(t, ',');
		if (dump(t, json_array_get(json, i), depth + 1))
			return -1;
	}
	put_char(t, ']');
	return 0;
}

static int dump_object(struct json_text *t, const json_t *json, int depth)
{
	const char *key;
	bool first = true;
	size_t key_len;
	json_t *v;

	put_char(t, '{');
	json_object_keylen_foreach((json_t *) json, key, key_len, v) {
		if (!first)
			put_char(t, ',');
		first = false;
		if (memchr(key, '\0', key_len))
			unreadable(t, "NUL byte in object key not supported");
		if (json_text_put_string(t, key, key_len))
			return -1;
		put_char(t, ':');
		if (dump(t, v, depth + 1))
			return -1;
	}
	put_char(t, '}');
	return 0;
}

static int dump(struct json_text *t, const json_t *json, int depth)
{
	char buf[32];

	if (depth > JSON_PARSER_MAX_DEPTH)
		unreadable(t, "maximum parsing depth reached");
	switch (json_typeof(json)) {
	case JSON_OBJECT:
		return dump_object(t, json, depth);
	case JSON_ARRAY:
		return dump_array(t, json, depth);
	case JSON_STRING:
		return json_text_put_string(t, json_string_value(json),
				  json_string_length(json));
	case JSON_INTEGER:
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(json));
		json_text_put(t, buf, strlen(buf));
		return 0;
	case JSON_REAL:
		return put_by_jansson(t, json);
	case JSON_TRUE:
		json_text_put(t, "true", 4);
		return 0;
	case JSON_FALSE:
		json_text_put(t, "false", 5);
		return 0;
	case JSON_NULL:
		json_text_put(t, "null", 4);
		return 0;
	}
	return -1;
}

void json_text_clear(struct json_text *t)
{
	t->len = 0;
	t->unreadable = NULL;
	json_text_put(t, "", 0);
}

int json_text_put_json(struct json_text *t, const json_t *json)
{
	return json ? dump(t, json, 1) : -1;
}

int json_text_dump(struct json_text *t, const json_t *json)
{
	json_text_clear(t);
	return json_text_put_json(t, json);
}
