/* Strict reading of the JSON objects OVSDB is made of: required and
 * optional members of given JSON types, no unknown members, identifiers,
 * and UTF-8 checks. */
#ifndef WEIR_OVSDB_PARSER_H
#define WEIR_OVSDB_PARSER_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a member may be; OR them together. */
enum {
	OP_STRING = 1 << 0,
	OP_INTEGER = 1 << 1,	/* see ovsdb_json_is_int() */
	OP_REAL = 1 << 2,	/* a JSON number with a fraction or exponent */
	OP_NUMBER = OP_INTEGER | OP_REAL,
	OP_BOOLEAN = 1 << 3,
	OP_OBJECT = 1 << 4,
	OP_ARRAY = 1 << 5,
	OP_ID = 1 << 6,		/* a string that ovsdb_is_id() accepts */
	OP_ANY = OP_STRING | OP_NUMBER | OP_BOOLEAN | OP_OBJECT | OP_ARRAY,
	OP_OPTIONAL = 1 << 7
};

/* Sets '*value' to member 'name' of object 'obj' (NULL when an optional
 * member is absent).  'what' names the object in an error. */
struct ovsdb_error *ovsdb_parser_member(const json_t *obj, const char *what,
					const char *name, unsigned int flags,
					const json_t **value);
/* Fails on a member of 'obj' whose name is not in the NULL-terminated
 * 'allowed'. */
struct ovsdb_error *ovsdb_parser_check_members(const json_t *obj,
					       const char *what,
					       const char *const allowed[]);

/* A JSON integer, or a real with an integral value below 2**53 in
 * magnitude: ovsdb-server reads 2.0 and 1e3 as integers, and so do we. */
bool ovsdb_json_is_int(const json_t *);
/* The value of a JSON value that ovsdb_json_is_int() accepts. */
int64_t ovsdb_json_int(const json_t *);

/* [a-zA-Z_][a-zA-Z0-9_]* */
bool ovsdb_is_id(const char *);

/* Counts the characters of the 'len' bytes at 's'; false when they are
 * not valid UTF-8 (overlong forms, surrogates and NULs are invalid). */
bool ovsdb_utf8_length(const char *s, size_t len, size_t *n_chars);

#endif /* WEIR_OVSDB_PARSER_H */
