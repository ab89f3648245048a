/* OVSDB values (RFC 7047 section 5.1): atoms, and datums — the sets and
 * maps of atoms every column holds.  A datum is kept sorted by key with no
 * duplicate key, so equality, comparison and set operations are linear and
 * give the same answer on every run. */
#ifndef WEIR_OVSDB_DATA_H
#define WEIR_OVSDB_DATA_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ovsdb-types.h"
#include "uuid.h"

struct ovsdb_symbol_table;

union ovsdb_atom {
	int64_t integer;
	double real;
	bool boolean;
	char *string;		/* owned, valid UTF-8, no NUL inside */
	struct uuid uuid;
};

/* 0, 0.0, false, "" or the all-zero uuid. */
void ovsdb_atom_init_default(union ovsdb_atom *, enum ovsdb_atomic_type);
bool ovsdb_atom_is_default(const union ovsdb_atom *, enum ovsdb_atomic_type);
void ovsdb_atom_clone(union ovsdb_atom *dst, const union ovsdb_atom *src,
		      enum ovsdb_atomic_type);
void ovsdb_atom_destroy(union ovsdb_atom *, enum ovsdb_atomic_type);
int ovsdb_atom_compare(const union ovsdb_atom *, const union ovsdb_atom *,
		       enum ovsdb_atomic_type);
bool ovsdb_atom_equals(const union ovsdb_atom *, const union ovsdb_atom *,
		       enum ovsdb_atomic_type);
uint32_t ovsdb_atom_hash(const union ovsdb_atom *, enum ovsdb_atomic_type,
			 uint32_t basis);

/* Parses one atom of 'base' and checks it against the constraints.
 * ["named-uuid", name] needs 'symtab' (NULL forbids it): the name is
 * looked up or added, and marked as a strong or weak reference. */
struct ovsdb_error *ovsdb_atom_from_json(union ovsdb_atom *,
					 const struct ovsdb_base_type *base,
					 const json_t *,
					 struct ovsdb_symbol_table *symtab);
json_t *ovsdb_atom_to_json(const union ovsdb_atom *, enum ovsdb_atomic_type);
/* The 36 characters of uuid_format(), no NUL, without printf: reference
 * columns put thousands of uuids into a log record or a monitor update. */
void ovsdb_uuid_to_chars(const struct uuid *, char text[UUID_LEN]);
/* A real as ovsdb-server writes it: integral values without ".0". */
json_t *ovsdb_real_to_json(double);
/* The atom's compact JSON text, for messages. */
char *ovsdb_atom_to_string(const union ovsdb_atom *, enum ovsdb_atomic_type);
/* "constraint violation" naming the value and the rule it breaks. */
struct ovsdb_error *ovsdb_atom_check_constraints(
	const union ovsdb_atom *, const struct ovsdb_base_type *);

struct ovsdb_datum {
	size_t n;
	union ovsdb_atom *keys;		/* n of them, sorted, unique */
	union ovsdb_atom *values;	/* NULL unless a map */
};

void ovsdb_datum_init_empty(struct ovsdb_datum *);
/* The value a new row's column holds: empty when n_min is 0, otherwise
 * one default atom (and default value, for a map). */
void ovsdb_datum_init_default(struct ovsdb_datum *, const struct ovsdb_type *);
bool ovsdb_datum_is_default(const struct ovsdb_datum *,
			    const struct ovsdb_type *);
/* A datum of one key (and 'value' when not NULL), cloned. */
void ovsdb_datum_init_single(struct ovsdb_datum *, const union ovsdb_atom *key,
			     const union ovsdb_atom *value,
			     const struct ovsdb_type *);
void ovsdb_datum_clone(struct ovsdb_datum *dst, const struct ovsdb_datum *src,
		       const struct ovsdb_type *);
void ovsdb_datum_destroy(struct ovsdb_datum *, const struct ovsdb_type *);
void ovsdb_datum_swap(struct ovsdb_datum *, struct ovsdb_datum *);

/* Parses 'json' as 'type': an atom, ["set", [...]] or ["map", [[k, v],
 * ...]].  Duplicate keys, atoms of the wrong type or breaking a
 * constraint, and sizes outside [n_min, n_max] are errors; on error
 * '*datum' is left empty. */
struct ovsdb_error *ovsdb_datum_from_json(struct ovsdb_datum *,
					  const struct ovsdb_type *,
					  const json_t *,
					  struct ovsdb_symbol_table *symtab);
/* A bare atom for one key of a set, ["set", [...]] otherwise, ["map",
 * [...]] for a map: the form ovsdb-server sends. */
json_t *ovsdb_datum_to_json(const struct ovsdb_datum *,
			    const struct ovsdb_type *);

/* Sorts the keys; an error when two are equal. */
struct ovsdb_error *ovsdb_datum_sort(struct ovsdb_datum *,
				     const struct ovsdb_type *);
/* Sorts the keys, keeping the first of each run of equal keys. */
void ovsdb_datum_sort_unique(struct ovsdb_datum *, const struct ovsdb_type *);
struct ovsdb_error *ovsdb_datum_check_constraints(const struct ovsdb_datum *,
						  const struct ovsdb_type *);
/* "constraint violation" unless n_min <= n <= n_max. */
struct ovsdb_error *ovsdb_datum_check_size(const struct ovsdb_datum *,
					   const struct ovsdb_type *);

bool ovsdb_datum_equals(const struct ovsdb_datum *, const struct ovsdb_datum *,
			const struct ovsdb_type *);
int ovsdb_datum_compare(const struct ovsdb_datum *, const struct ovsdb_datum *,
			const struct ovsdb_type *);
uint32_t ovsdb_datum_hash(const struct ovsdb_datum *,
			  const struct ovsdb_type *, uint32_t basis);

/* Index of 'key' in 'datum', or SIZE_MAX. */
size_t ovsdb_datum_find_key(const struct ovsdb_datum *,
			    const union ovsdb_atom *key,
			    enum ovsdb_atomic_type key_type);
/* Every key (and, for a map, its value) of 'a' is in 'b'. */
bool ovsdb_datum_includes_all(const struct ovsdb_datum *a,
			      const struct ovsdb_datum *b,
			      const struct ovsdb_type *);
/* No key (pair, for a map) of 'a' is in 'b'. */
bool ovsdb_datum_excludes_all(const struct ovsdb_datum *a,
			      const struct ovsdb_datum *b,
			      const struct ovsdb_type *);
/* Adds to 'dst' what of 'src' it lacks; for a map, a key 'dst' already
 * has keeps its value. */
void ovsdb_datum_union(struct ovsdb_datum *dst, const struct ovsdb_datum *src,
		       const struct ovsdb_type *);
/* Removes from 'dst' what 'src' names: keys when 'src_type' has no value
 * type, matching key-value pairs when it does. */
void ovsdb_datum_subtract(struct ovsdb_datum *dst,
			  const struct ovsdb_type *dst_type,
			  const struct ovsdb_datum *src,
			  const struct ovsdb_type *src_type);

/* The difference from 'old' to 'new' (a set or map type), as a log
 * record or an update2 writes it: the elements 'new' adds or changes
 * the value of, and the keys it drops. */
void ovsdb_datum_diff(struct ovsdb_datum *diff, const struct ovsdb_datum *old,
		      const struct ovsdb_datum *new,
		      const struct ovsdb_type *);
/* Applies such a difference to 'd'. */
void ovsdb_datum_apply_diff(struct ovsdb_datum *d,
			    const struct ovsdb_datum *diff,
			    const struct ovsdb_type *);

#endif /* WEIR_OVSDB_DATA_H */
