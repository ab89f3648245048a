/* OVSDB column types (RFC 7047 section 3.2): an atomic type, a base type
 * (an atomic type and its constraints), and a full type (key, optional
 * value, and how many of them a column holds). */
#ifndef WEIR_OVSDB_TYPES_H
#define WEIR_OVSDB_TYPES_H 1

#include <jansson.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

struct ovsdb_datum;
struct ovsdb_table_schema;

enum ovsdb_atomic_type {
	OVSDB_TYPE_VOID,	/* no value: the value type of a set */
	OVSDB_TYPE_INTEGER,
	OVSDB_TYPE_REAL,
	OVSDB_TYPE_BOOLEAN,
	OVSDB_TYPE_STRING,
	OVSDB_TYPE_UUID,
	OVSDB_N_TYPES
};

const char *ovsdb_atomic_type_to_string(enum ovsdb_atomic_type);
bool ovsdb_atomic_type_from_string(const char *, enum ovsdb_atomic_type *);

enum ovsdb_ref_type {
	OVSDB_REF_STRONG,
	OVSDB_REF_WEAK
};

#define OVSDB_UNLIMITED UINT_MAX

struct ovsdb_base_type {
	enum ovsdb_atomic_type type;
	/* When set, the only values allowed; then no other constraint is. */
	struct ovsdb_datum *enum_;
	union {
		struct { int64_t min, max; } integer;
		struct { double min, max; } real;
		/* Lengths in UTF-8 characters. */
		struct { unsigned int min_len, max_len; } string;
		struct {
			char *ref_table_name;	/* NULL: not a reference */
			/* Resolved by ovsdb_schema_from_json(). */
			const struct ovsdb_table_schema *ref_table;
			enum ovsdb_ref_type ref_type;
		} uuid;
	} u;
};

void ovsdb_base_type_init(struct ovsdb_base_type *, enum ovsdb_atomic_type);
void ovsdb_base_type_clone(struct ovsdb_base_type *dst,
			   const struct ovsdb_base_type *src);
void ovsdb_base_type_destroy(struct ovsdb_base_type *);
bool ovsdb_base_type_has_constraints(const struct ovsdb_base_type *);
/* Drops every constraint except a reference's target. */
void ovsdb_base_type_clear_constraints(struct ovsdb_base_type *);
bool ovsdb_base_type_is_ref(const struct ovsdb_base_type *);
struct ovsdb_error *ovsdb_base_type_from_json(struct ovsdb_base_type *,
					      const json_t *);
json_t *ovsdb_base_type_to_json(const struct ovsdb_base_type *);

struct ovsdb_type {
	struct ovsdb_base_type key;
	struct ovsdb_base_type value;	/* OVSDB_TYPE_VOID: not a map */
	unsigned int n_min;		/* 0 or 1 */
	unsigned int n_max;		/* >= 1, OVSDB_UNLIMITED */
};

/* The type of a base type's "enum" datum: a set of 1 or more atoms. */
void ovsdb_base_type_enum_type(struct ovsdb_type *, enum ovsdb_atomic_type);

/* A scalar of 'atomic' with no constraints: one atom, no value. */
void ovsdb_type_init(struct ovsdb_type *, enum ovsdb_atomic_type atomic);
void ovsdb_type_clone(struct ovsdb_type *dst, const struct ovsdb_type *src);
void ovsdb_type_destroy(struct ovsdb_type *);
bool ovsdb_type_is_valid(const struct ovsdb_type *);
bool ovsdb_type_is_scalar(const struct ovsdb_type *);
bool ovsdb_type_is_optional_scalar(const struct ovsdb_type *);
bool ovsdb_type_is_map(const struct ovsdb_type *);
bool ovsdb_type_is_set(const struct ovsdb_type *);
struct ovsdb_error *ovsdb_type_from_json(struct ovsdb_type *, const json_t *);
json_t *ovsdb_type_to_json(const struct ovsdb_type *);
/* A short English description ("set of up to 4 integers"), for errors. */
char *ovsdb_type_to_english(const struct ovsdb_type *);

#endif /* WEIR_OVSDB_TYPES_H */
