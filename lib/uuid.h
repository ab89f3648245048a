/* 128-bit universally unique identifiers (RFC 4122), as OVSDB uses them:
 * row identities, random version 4, written in the 36-character form. */
#ifndef WEIR_UUID_H
#define WEIR_UUID_H 1

#include <stdbool.h>
#include <stdint.h>

/* parts[0] holds the first 8 hex digits of the text form, and so on, so
 * comparing parts in order compares the text forms. */
struct uuid {
	uint32_t parts[4];
};

#define UUID_LEN 36

void uuid_generate(struct uuid *);
void uuid_zero(struct uuid *);
bool uuid_is_zero(const struct uuid *);
int uuid_compare(const struct uuid *, const struct uuid *);
bool uuid_equals(const struct uuid *, const struct uuid *);
uint32_t uuid_hash(const struct uuid *);

/* Parses exactly 36 characters, hex digits (either case) in groups of
 * 8-4-4-4-12 joined by '-', followed by the end of 's'. */
bool uuid_from_string(struct uuid *, const char *s);
bool uuid_is_valid_string(const char *s);
/* Writes the lower-case text form and a NUL into 'buf'. */
void uuid_format(const struct uuid *, char buf[UUID_LEN + 1]);

#endif /* WEIR_UUID_H */
