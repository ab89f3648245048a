/* Compact JSON text for the storage log, byte for byte what
 * json_dumps(json, JSON_COMPACT | JSON_ENCODE_ANY) writes, at a fraction
 * of its cost: jansson checks every array and object it writes for a
 * reference loop (a formatted pointer in a hash table each), which made
 * serializing a log record the most expensive step of a commit. */
#ifndef WEIR_OVSDB_JSON_TEXT_H
#define WEIR_OVSDB_JSON_TEXT_H 1

#include <jansson.h>
#include <stddef.h>

struct json_text {
	char *p;
	size_t len, cap;
	/* Why jansson would not parse the text back, in its words, or
	 * NULL: nesting deeper than it parses, a NUL byte in a key. */
	const char *unreadable;
};

void json_text_init(struct json_text *);
void json_text_destroy(struct json_text *);
/* Replaces the text with that of 'json': 0, or -1 when jansson could
 * not write it either (a string that is not UTF-8). */
int json_text_dump(struct json_text *, const json_t *json);

/* Building text directly, without a tree: empties it; appends bytes as
 * they are; appends a string, quoted and escaped (0 or -1 as above);
 * appends the text of 'json'. */
void json_text_clear(struct json_text *);
void json_text_put(struct json_text *, const char *p, size_t n);
int json_text_put_string(struct json_text *, const char *s, size_t n);
int json_text_put_json(struct json_text *, const json_t *json);

#endif /* WEIR_OVSDB_JSON_TEXT_H */
