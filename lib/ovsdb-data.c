/* Atoms and datums: JSON both ways, constraints, order and set algebra. */
#include "ovsdb-data.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "ovsdb-error.h"
#include "ovsdb-parser.h"
#include "ovsdb-symbol.h"
#include "xalloc.h"

/* ---- atoms ---- */

void ovsdb_atom_init_default(union ovsdb_atom *atom,
			     enum ovsdb_atomic_type type)
{
	memset(atom, 0, sizeof *atom);
	if (type == OVSDB_TYPE_STRING)
		atom->string = xstrdup("");
}

bool ovsdb_atom_is_default(const union ovsdb_atom *atom,
			   enum ovsdb_atomic_type type)
{
	switch (type) {
	case OVSDB_TYPE_INTEGER:
		return atom->integer == 0;
	case OVSDB_TYPE_REAL:
		return atom->real == 0.0;
	case OVSDB_TYPE_BOOLEAN:
		return !atom->boolean;
	case OVSDB_TYPE_STRING:
		return !atom->string[0];
	case OVSDB_TYPE_UUID:
		return uuid_is_zero(&atom->uuid);
	default:
		return true;
	}
}

void ovsdb_atom_clone(union ovsdb_atom *dst, const union ovsdb_atom *src,
		      enum ovsdb_atomic_type type)
{
	*dst = *src;
	if (type == OVSDB_TYPE_STRING)
		dst->string = xstrdup(src->string);
}

void ovsdb_atom_destroy(union ovsdb_atom *atom, enum ovsdb_atomic_type type)
{
	if (type == OVSDB_TYPE_STRING) {
		free(atom->string);
		atom->string = NULL;
	}
}

int ovsdb_atom_compare(const union ovsdb_atom *a, const union ovsdb_atom *b,
		       enum ovsdb_atomic_type type)
{
	switch (type) {
	case OVSDB_TYPE_INTEGER:
		return a->integer < b->integer ? -1 : a->integer > b->integer;
	case OVSDB_TYPE_REAL:
		return a->real < b->real ? -1 : a->real > b->real;
	case OVSDB_TYPE_BOOLEAN:
		return (int) a->boolean - (int) b->boolean;
	case OVSDB_TYPE_STRING: {
		int c = strcmp(a->string, b->string);
		return c < 0 ? -1 : c > 0;
	}
	case OVSDB_TYPE_UUID:
		return uuid_compare(&a->uuid, &b->uuid);
	default:
		return 0;
	}
}

bool ovsdb_atom_equals(const union ovsdb_atom *a, const union ovsdb_atom *b,
		       enum ovsdb_atomic_type type)
{
	return !ovsdb_atom_compare(a, b, type);
}

static uint32_t ovsdb_hash_u64(uint64_t x, uint32_t basis)
{
	return dp_hash_finish(dp_hash_add(basis, x, 0));
}

uint32_t ovsdb_atom_hash(const union ovsdb_atom *atom,
			 enum ovsdb_atomic_type type, uint32_t basis)
{
	switch (type) {
	case OVSDB_TYPE_INTEGER:
		return ovsdb_hash_u64(atom->integer, basis);
	case OVSDB_TYPE_REAL: {
		/* -0.0 equals 0.0, so they must hash alike. */
		double d = atom->real == 0.0 ? 0.0 : atom->real;
		uint64_t bits;

		memcpy(&bits, &d, sizeof bits);
		return ovsdb_hash_u64(bits, basis);
	}
	case OVSDB_TYPE_BOOLEAN:
		return ovsdb_hash_u64(atom->boolean, basis);
	case OVSDB_TYPE_STRING: {
		uint32_t h = 2166136261u ^ basis;

		for (const char *s = atom->string; *s; s++)
			h = (h ^ (unsigned char) *s) * 16777619u;
		return ovsdb_hash_u64(h, basis);
	}
	case OVSDB_TYPE_UUID:
		return ovsdb_hash_u64(uuid_hash(&atom->uuid), basis);
	default:
		return basis;
	}
}

static struct ovsdb_error *ovsdb_atom_type_error(enum ovsdb_atomic_type type,
						 const json_t *json)
{
	return ovsdb_syntax_error(json, "%s expected",
				  ovsdb_atomic_type_to_string(type));
}

static struct ovsdb_error *ovsdb_string_from_json(union ovsdb_atom *atom,
						  const json_t *json)
{
	const char *s = json_string_value(json);
	size_t len = json_string_length(json), n_chars;

	if (!ovsdb_utf8_length(s, len, &n_chars))
		return ovsdb_error(OVSDB_E_CONSTRAINT, "string is not valid "
				   "UTF-8 or contains a NUL character");
	atom->string = xstrdup(s);
	return NULL;
}

static struct ovsdb_error *ovsdb_named_uuid(union ovsdb_atom *atom,
					    const struct ovsdb_base_type *base,
					    const char *name,
					    const json_t *json,
					    struct ovsdb_symbol_table *symtab)
{
	struct ovsdb_symbol *sym;

	if (!symtab)
		return ovsdb_syntax_error(json, "named-uuid is not allowed "
					  "here");
	if (!ovsdb_is_id(name))
		return ovsdb_syntax_error(json, "named-uuid \"%s\" is not a "
					  "valid identifier", name);
	sym = ovsdb_symbol_table_insert(symtab, name);
	atom->uuid = sym->uuid;
	if (ovsdb_base_type_is_ref(base)) {
		if (base->u.uuid.ref_type == OVSDB_REF_WEAK)
			sym->weak_ref = true;
		else
			sym->strong_ref = true;
	}
	return NULL;
}

static struct ovsdb_error *ovsdb_uuid_from_json(
	union ovsdb_atom *atom, const struct ovsdb_base_type *base,
	const json_t *json, struct ovsdb_symbol_table *symtab)
{
	const char *kind, *text;

	if (!json_is_array(json) || json_array_size(json) != 2 ||
	    !json_is_string(json_array_get(json, 0)) ||
	    !json_is_string(json_array_get(json, 1)))
		return ovsdb_atom_type_error(OVSDB_TYPE_UUID, json);
	kind = json_string_value(json_array_get(json, 0));
	text = json_string_value(json_array_get(json, 1));
	if (!strcmp(kind, "uuid")) {
		if (!uuid_from_string(&atom->uuid, text))
			return ovsdb_syntax_error(json, "\"%s\" is not a valid "
						  "uuid", text);
		return NULL;
	}
	if (!strcmp(kind, "named-uuid"))
		return ovsdb_named_uuid(atom, base, text, json, symtab);
	return ovsdb_atom_type_error(OVSDB_TYPE_UUID, json);
}

static struct ovsdb_error *ovsdb_atom_parse(union ovsdb_atom *atom,
					    const struct ovsdb_base_type *base,
					    const json_t *json,
					    struct ovsdb_symbol_table *symtab)
{
	switch (base->type) {
	case OVSDB_TYPE_INTEGER:
		if (!ovsdb_json_is_int(json))
			break;
		atom->integer = ovsdb_json_int(json);
		return NULL;
	case OVSDB_TYPE_REAL:
		if (!json_is_number(json))
			break;
		atom->real = json_number_value(json);
		return NULL;
	case OVSDB_TYPE_BOOLEAN:
		if (!json_is_boolean(json))
			break;
		atom->boolean = json_is_true(json);
		return NULL;
	case OVSDB_TYPE_STRING:
		if (!json_is_string(json))
			break;
		return ovsdb_string_from_json(atom, json);
	case OVSDB_TYPE_UUID:
		return ovsdb_uuid_from_json(atom, base, json, symtab);
	default:
		return ovsdb_syntax_error(json, "no value is allowed here");
	}
	return ovsdb_atom_type_error(base->type, json);
}

struct ovsdb_error *ovsdb_atom_from_json(union ovsdb_atom *atom,
					 const struct ovsdb_base_type *base,
					 const json_t *json,
					 struct ovsdb_symbol_table *symtab)
{
	struct ovsdb_error *error;

	memset(atom, 0, sizeof *atom);
	error = ovsdb_atom_parse(atom, base, json, symtab);
	if (!error)
		error = ovsdb_atom_check_constraints(atom, base);
	if (error) {
		ovsdb_atom_destroy(atom, base->type);
		memset(atom, 0, sizeof *atom);
	}
	return error;
}

json_t *ovsdb_real_to_json(double d)
{
	/* Exactly representable integers print as %.17g prints them. */
	if (d == floor(d) && fabs(d) < 9007199254740992.0)
		return json_integer((json_int_t) d);
	return json_real(d);
}

void ovsdb_uuid_to_chars(const struct uuid *u, char text[UUID_LEN])
{
	/* The two digits of each byte value. */
	static const char pairs[513] =
		"000102030405060708090a0b0c0d0e0f"
		"101112131415161718191a1b1c1d1e1f"
		"202122232425262728292a2b2c2d2e2f"
		"303132333435363738393a3b3c3d3e3f"
		"404142434445464748494a4b4c4d4e4f"
		"505152535455565758595a5b5c5d5e5f"
		"606162636465666768696a6b6c6d6e6f"
		"707172737475767778797a7b7c7d7e7f"
		"808182838485868788898a8b8c8d8e8f"
		"909192939495969798999a9b9c9d9e9f"
		"a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"
		"b0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
		"c0c1c2c3c4c5c6c7c8c9cacbcccdcecf"
		"d0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
		"e0e1e2e3e4e5e6e7e8e9eaebecedeeef"
		"f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";
	/* Where each of the 16 bytes, most significant first, goes. */
	static const unsigned char at[16] = {
		0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34,
	};

	for (int i = 0; i < 16; i++) {
		uint32_t part = u->parts[i >> 2];
		unsigned int byte = part >> (24 - 8 * (i & 3)) & 0xff;

		memcpy(&text[at[i]], &pairs[2 * byte], 2);
	}
	text[8] = text[13] = text[18] = text[23] = '-';
}

static json_t *ovsdb_uuid_to_json(const struct uuid *u)
{
	char text[UUID_LEN];
	json_t *pair = json_array();

	ovsdb_uuid_to_chars(u, text);
	json_array_append_new(pair, json_string_nocheck("uuid"));
	json_array_append_new(pair, json_stringn_nocheck(text, UUID_LEN));
	return pair;
}

json_t *ovsdb_atom_to_json(const union ovsdb_atom *atom,
			   enum ovsdb_atomic_type type)
{
	switch (type) {
	case OVSDB_TYPE_INTEGER:
		return json_integer(atom->integer);
	case OVSDB_TYPE_REAL:
		return ovsdb_real_to_json(atom->real);
	case OVSDB_TYPE_BOOLEAN:
		return json_boolean(atom->boolean);
	case OVSDB_TYPE_STRING:
		return json_string(atom->string);
	case OVSDB_TYPE_UUID:
		return ovsdb_uuid_to_json(&atom->uuid);
	default:
		return json_null();
	}
}

char *ovsdb_atom_to_string(const union ovsdb_atom *atom,
			   enum ovsdb_atomic_type type)
{
	json_t *json = ovsdb_atom_to_json(atom, type);
	char *s = ovsdb_json_abbrev(json, 80);

	json_decref(json);
	return s;
}

static struct ovsdb_error *ovsdb_check_enum(const union ovsdb_atom *atom,
					    const struct ovsdb_base_type *base)
{
	struct ovsdb_type et;
	char *value, *allowed;
	json_t *json;
	struct ovsdb_error *error;

	if (ovsdb_datum_find_key(base->enum_, atom, base->type) != SIZE_MAX)
		return NULL;
	ovsdb_base_type_enum_type(&et, base->type);
	json = ovsdb_datum_to_json(base->enum_, &et);
	allowed = ovsdb_json_abbrev(json, 200);
	value = ovsdb_atom_to_string(atom, base->type);
	error = ovsdb_error(OVSDB_E_CONSTRAINT, "value %s is not one of the "
			    "allowed values %s", value, allowed);
	json_decref(json);
	free(value);
	free(allowed);
	return error;
}

static struct ovsdb_error *ovsdb_check_integer(int64_t v, int64_t min,
					       int64_t max)
{
	if (v >= min && v <= max)
		return NULL;
	if (min != INT64_MIN && max != INT64_MAX)
		return ovsdb_error(OVSDB_E_CONSTRAINT, "value %" PRId64 " is "
				   "not in range %" PRId64 "..%" PRId64,
				   v, min, max);
	if (v < min)
		return ovsdb_error(OVSDB_E_CONSTRAINT, "value %" PRId64 " is "
				   "less than the minimum %" PRId64, v, min);
	return ovsdb_error(OVSDB_E_CONSTRAINT, "value %" PRId64 " is greater "
			   "than the maximum %" PRId64, v, max);
}

static struct ovsdb_error *ovsdb_check_real(double v, double min, double max)
{
	if (v >= min && v <= max)
		return NULL;
	if (min != -DBL_MAX && max != DBL_MAX)
		return ovsdb_error(OVSDB_E_CONSTRAINT, "value %.17g is not in "
				   "range %.17g..%.17g", v, min, max);
	if (v < min)
		return ovsdb_error(OVSDB_E_CONSTRAINT, "value %.17g is less "
				   "than the minimum %.17g", v, min);
	return ovsdb_error(OVSDB_E_CONSTRAINT, "value %.17g is greater than "
			   "the maximum %.17g", v, max);
}

static struct ovsdb_error *ovsdb_check_string(const char *s,
					      unsigned int min,
					      unsigned int max)
{
	struct ovsdb_error *error = NULL;
	union ovsdb_atom atom = { .string = (char *) s };
	size_t n;
	char *text;

	if (!ovsdb_utf8_length(s, strlen(s), &n))
		return ovsdb_error(OVSDB_E_CONSTRAINT, "string is not valid "
				   "UTF-8");
	if (n >= min && n <= max)
		return NULL;
	text = ovsdb_atom_to_string(&atom, OVSDB_TYPE_STRING);
	if (n < min)
		error = ovsdb_error(OVSDB_E_CONSTRAINT, "string %s is %zu "
				    "characters long, shorter than the minimum "
				    "length %u", text, n, min);
	else
		error = ovsdb_error(OVSDB_E_CONSTRAINT, "string %s is %zu "
				    "characters long, longer than the maximum "
				    "length %u", text, n, max);
	free(text);
	return error;
}

struct ovsdb_error *ovsdb_atom_check_constraints(
	const union ovsdb_atom *atom, const struct ovsdb_base_type *base)
{
	if (base->enum_)
		return ovsdb_check_enum(atom, base);
	switch (base->type) {
	case OVSDB_TYPE_INTEGER:
		return ovsdb_check_integer(atom->integer, base->u.integer.min,
					   base->u.integer.max);
	case OVSDB_TYPE_REAL:
		return ovsdb_check_real(atom->real, base->u.real.min,
					base->u.real.max);
	case OVSDB_TYPE_STRING:
		return ovsdb_check_string(atom->string,
					  base->u.string.min_len,
					  base->u.string.max_len);
	default:
		return NULL;
	}
}

/* ---- datums ---- */

static bool ovsdb_is_map(const struct ovsdb_type *type)
{
	return type->value.type != OVSDB_TYPE_VOID;
}

/* Room for 'n' elements (and values, for a map); contents undefined. */
static void ovsdb_datum_alloc(struct ovsdb_datum *d, size_t n,
			      const struct ovsdb_type *type)
{
	d->n = 0;
	d->keys = n ? xcalloc(n, sizeof *d->keys) : NULL;
	d->values = n && ovsdb_is_map(type) ? xcalloc(n, sizeof *d->values)
					    : NULL;
}

void ovsdb_datum_init_empty(struct ovsdb_datum *d)
{
	d->n = 0;
	d->keys = NULL;
	d->values = NULL;
}

void ovsdb_datum_init_default(struct ovsdb_datum *d,
			      const struct ovsdb_type *type)
{
	ovsdb_datum_init_empty(d);
	if (!type->n_min)
		return;
	ovsdb_datum_alloc(d, 1, type);
	ovsdb_atom_init_default(&d->keys[0], type->key.type);
	if (d->values)
		ovsdb_atom_init_default(&d->values[0], type->value.type);
	d->n = 1;
}

bool ovsdb_datum_is_default(const struct ovsdb_datum *d,
			    const struct ovsdb_type *type)
{
	if (!type->n_min)
		return d->n == 0;
	return d->n == 1 &&
	       ovsdb_atom_is_default(&d->keys[0], type->key.type) &&
	       (!ovsdb_is_map(type) ||
		ovsdb_atom_is_default(&d->values[0], type->value.type));
}

void ovsdb_datum_init_single(struct ovsdb_datum *d,
			     const union ovsdb_atom *key,
			     const union ovsdb_atom *value,
			     const struct ovsdb_type *type)
{
	ovsdb_datum_alloc(d, 1, type);
	ovsdb_atom_clone(&d->keys[0], key, type->key.type);
	if (d->values)
		ovsdb_atom_clone(&d->values[0], value, type->value.type);
	d->n = 1;
}

void ovsdb_datum_clone(struct ovsdb_datum *dst, const struct ovsdb_datum *src,
		       const struct ovsdb_type *type)
{
	ovsdb_datum_alloc(dst, src->n, type);
	for (size_t i = 0; i < src->n; i++) {
		ovsdb_atom_clone(&dst->keys[i], &src->keys[i], type->key.type);
		if (dst->values)
			ovsdb_atom_clone(&dst->values[i], &src->values[i],
					 type->value.type);
	}
	dst->n = src->n;
}

void ovsdb_datum_destroy(struct ovsdb_datum *d, const struct ovsdb_type *type)
{
	for (size_t i = 0; i < d->n; i++) {
		ovsdb_atom_destroy(&d->keys[i], type->key.type);
		if (d->values)
			ovsdb_atom_destroy(&d->values[i], type->value.type);
	}
	free(d->keys);
	free(d->values);
	ovsdb_datum_init_empty(d);
}

void ovsdb_datum_swap(struct ovsdb_datum *a, struct ovsdb_datum *b)
{
	struct ovsdb_datum tmp = *a;

	*a = *b;
	*b = tmp;
}

struct ovsdb_pair {
	union ovsdb_atom key, value;
};

static int ovsdb_pair_compare(const void *a_, const void *b_, void *type_)
{
	const struct ovsdb_pair *a = a_, *b = b_;
	const enum ovsdb_atomic_type *type = type_;

	return ovsdb_atom_compare(&a->key, &b->key, *type);
}

/* Sorts by key, stably, keeping each value with its key. */
static void ovsdb_datum_sort_pairs(struct ovsdb_datum *d,
				   const struct ovsdb_type *type)
{
	struct ovsdb_pair *pairs;
	enum ovsdb_atomic_type key_type = type->key.type;
	size_t i;

	if (d->n < 2)
		return;
	for (i = 1; i < d->n; i++)
		if (ovsdb_atom_compare(&d->keys[i - 1], &d->keys[i],
				       key_type) >= 0)
			break;
	if (i == d->n)
		return;
	pairs = xcalloc(d->n, sizeof *pairs);
	for (i = 0; i < d->n; i++) {
		pairs[i].key = d->keys[i];
		if (d->values)
			pairs[i].value = d->values[i];
	}
	qsort_r(pairs, d->n, sizeof *pairs, ovsdb_pair_compare, &key_type);
	for (i = 0; i < d->n; i++) {
		d->keys[i] = pairs[i].key;
		if (d->values)
			d->values[i] = pairs[i].value;
	}
	free(pairs);
}

struct ovsdb_error *ovsdb_datum_sort(struct ovsdb_datum *d,
				     const struct ovsdb_type *type)
{
	ovsdb_datum_sort_pairs(d, type);
	for (size_t i = 1; i < d->n; i++) {
		if (ovsdb_atom_equals(&d->keys[i - 1], &d->keys[i],
				      type->key.type)) {
			char *s = ovsdb_atom_to_string(&d->keys[i],
						       type->key.type);
			struct ovsdb_error *error = ovsdb_syntax_error(
				NULL, "%s contains duplicate key %s",
				ovsdb_is_map(type) ? "map" : "set", s);
			free(s);
			return error;
		}
	}
	return NULL;
}

/* Keeps element 'i' of 'd' as element '*n' (then counts it), or frees it
 * when 'drop': the step of a pass that filters 'd' in place. */
static void ovsdb_datum_keep(struct ovsdb_datum *d, size_t i, size_t *n,
			     bool drop, const struct ovsdb_type *type)
{
	if (drop) {
		ovsdb_atom_destroy(&d->keys[i], type->key.type);
		if (d->values)
			ovsdb_atom_destroy(&d->values[i], type->value.type);
		return;
	}
	d->keys[*n] = d->keys[i];
	if (d->values)
		d->values[*n] = d->values[i];
	(*n)++;
}

void ovsdb_datum_sort_unique(struct ovsdb_datum *d,
			     const struct ovsdb_type *type)
{
	size_t n = 0;

	ovsdb_datum_sort_pairs(d, type);
	for (size_t i = 0; i < d->n; i++)
		ovsdb_datum_keep(d, i, &n, n && ovsdb_atom_equals(
					 &d->keys[n - 1], &d->keys[i],
					 type->key.type), type);
	d->n = n;
}

struct ovsdb_error *ovsdb_datum_check_constraints(const struct ovsdb_datum *d,
						  const struct ovsdb_type *type)
{
	struct ovsdb_error *error;

	for (size_t i = 0; i < d->n; i++) {
		error = ovsdb_atom_check_constraints(&d->keys[i], &type->key);
		if (!error && d->values)
			error = ovsdb_atom_check_constraints(&d->values[i],
							     &type->value);
		if (error)
			return error;
	}
	return NULL;
}

/* "0 to 1", "1 or more", ...: how many values 'type' allows. */
static char *ovsdb_type_count(const struct ovsdb_type *type)
{
	if (type->n_max == OVSDB_UNLIMITED)
		return xasprintf("%u or more", type->n_min);
	if (type->n_min == type->n_max)
		return xasprintf("exactly %u", type->n_min);
	return xasprintf("%u to %u", type->n_min, type->n_max);
}

static bool ovsdb_size_ok(size_t n, const struct ovsdb_type *type)
{
	return n >= type->n_min && n <= type->n_max;
}

struct ovsdb_error *ovsdb_datum_check_size(const struct ovsdb_datum *d,
					   const struct ovsdb_type *type)
{
	struct ovsdb_error *error;
	char *count;

	if (ovsdb_size_ok(d->n, type))
		return NULL;
	count = ovsdb_type_count(type);
	error = ovsdb_error(OVSDB_E_CONSTRAINT, "%zu values where %s are "
			    "allowed", d->n, count);
	free(count);
	return error;
}

/* The elements of 'json' for 'type': sets '*elems' to an array and
 * '*is_pairs' when they are [key, value] pairs, or '*elems' to NULL when
 * 'json' is a bare atom. */
static struct ovsdb_error *ovsdb_datum_elems(const struct ovsdb_type *type,
					     const json_t *json,
					     const json_t **elems)
{
	const char *kind = ovsdb_is_map(type) ? "map" : "set";
	const json_t *tag;

	*elems = NULL;
	tag = json_is_array(json) ? json_array_get(json, 0) : NULL;
	if (!ovsdb_is_map(type) &&
	    !(tag && json_is_string(tag) && !strcmp(json_string_value(tag),
						    "set")))
		return NULL;
	if (json_array_size(json) != 2 || !json_is_string(tag) ||
	    strcmp(json_string_value(tag), kind) ||
	    !json_is_array(json_array_get(json, 1)))
		return ovsdb_syntax_error(json, "[\"%s\", [...]] expected",
					  kind);
	*elems = json_array_get(json, 1);
	return NULL;
}

static struct ovsdb_error *ovsdb_datum_parse_elem(
	struct ovsdb_datum *d, const struct ovsdb_type *type,
	const json_t *elem, struct ovsdb_symbol_table *symtab)
{
	struct ovsdb_error *error;
	size_t i = d->n;

	if (!ovsdb_is_map(type))
		return ovsdb_atom_from_json(&d->keys[i], &type->key, elem,
					    symtab);
	if (!json_is_array(elem) || json_array_size(elem) != 2)
		return ovsdb_syntax_error(elem, "[key, value] pair expected");
	error = ovsdb_atom_from_json(&d->keys[i], &type->key,
				     json_array_get(elem, 0), symtab);
	if (error)
		return ovsdb_error_wrap(error, "map key");
	error = ovsdb_atom_from_json(&d->values[i], &type->value,
				     json_array_get(elem, 1), symtab);
	if (error) {
		ovsdb_atom_destroy(&d->keys[i], type->key.type);
		return ovsdb_error_wrap(error, "map value");
	}
	return NULL;
}

struct ovsdb_error *ovsdb_datum_from_json(struct ovsdb_datum *d,
					  const struct ovsdb_type *type,
					  const json_t *json,
					  struct ovsdb_symbol_table *symtab)
{
	struct ovsdb_error *error;
	const json_t *elems;
	size_t n;

	ovsdb_datum_init_empty(d);
	error = ovsdb_datum_elems(type, json, &elems);
	if (error)
		return error;
	n = elems ? json_array_size(elems) : 1;
	if (!ovsdb_size_ok(n, type)) {
		char *count = ovsdb_type_count(type);

		error = ovsdb_syntax_error(json, "%zu values where %s are "
					   "allowed", n, count);
		free(count);
		return error;
	}
	ovsdb_datum_alloc(d, n, type);
	for (size_t i = 0; i < n; i++) {
		error = ovsdb_datum_parse_elem(d, type, elems
					       ? json_array_get(elems, i)
					       : json, symtab);
		if (error)
			break;
		d->n++;
	}
	if (!error)
		error = ovsdb_datum_sort(d, type);
	if (error)
		ovsdb_datum_destroy(d, type);
	return error;
}

json_t *ovsdb_datum_to_json(const struct ovsdb_datum *d,
			    const struct ovsdb_type *type)
{
	json_t *elems, *key_and_elems;

	if (!ovsdb_is_map(type) && d->n == 1)
		return ovsdb_atom_to_json(&d->keys[0], type->key.type);
	elems = json_array();
	for (size_t i = 0; i < d->n; i++) {
		json_t *key = ovsdb_atom_to_json(&d->keys[i], type->key.type);

		if (ovsdb_is_map(type))
			json_array_append_new(elems, json_pack(
				"[oo]", key, ovsdb_atom_to_json(
					&d->values[i], type->value.type)));
		else
			json_array_append_new(elems, key);
	}
	key_and_elems = json_array();
	json_array_append_new(key_and_elems, json_string_nocheck(
		ovsdb_is_map(type) ? "map" : "set"));
	json_array_append_new(key_and_elems, elems);
	return key_and_elems;
}

int ovsdb_datum_compare(const struct ovsdb_datum *a,
			const struct ovsdb_datum *b,
			const struct ovsdb_type *type)
{
	size_t n = a->n < b->n ? a->n : b->n;

	for (size_t i = 0; i < n; i++) {
		int c = ovsdb_atom_compare(&a->keys[i], &b->keys[i],
					   type->key.type);
		if (!c && ovsdb_is_map(type))
			c = ovsdb_atom_compare(&a->values[i], &b->values[i],
					       type->value.type);
		if (c)
			return c;
	}
	return a->n < b->n ? -1 : a->n > b->n;
}

bool ovsdb_datum_equals(const struct ovsdb_datum *a,
			const struct ovsdb_datum *b,
			const struct ovsdb_type *type)
{
	return a->n == b->n && !ovsdb_datum_compare(a, b, type);
}

uint32_t ovsdb_datum_hash(const struct ovsdb_datum *d,
			  const struct ovsdb_type *type, uint32_t basis)
{
	uint32_t h = ovsdb_hash_u64(d->n, basis);

	for (size_t i = 0; i < d->n; i++) {
		h = ovsdb_atom_hash(&d->keys[i], type->key.type, h);
		if (ovsdb_is_map(type))
			h = ovsdb_atom_hash(&d->values[i], type->value.type, h);
	}
	return h;
}

size_t ovsdb_datum_find_key(const struct ovsdb_datum *d,
			    const union ovsdb_atom *key,
			    enum ovsdb_atomic_type key_type)
{
	size_t lo = 0, hi = d->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = ovsdb_atom_compare(key, &d->keys[mid], key_type);

		if (!c)
			return mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return SIZE_MAX;
}

/* Whether element 'i' of 'a' is in 'b' (as a pair, for a map). */
static bool ovsdb_datum_has_elem(const struct ovsdb_datum *a, size_t i,
				 const struct ovsdb_datum *b,
				 const struct ovsdb_type *type)
{
	size_t j = ovsdb_datum_find_key(b, &a->keys[i], type->key.type);

	if (j == SIZE_MAX)
		return false;
	return !ovsdb_is_map(type) ||
	       ovsdb_atom_equals(&a->values[i], &b->values[j],
				 type->value.type);
}

bool ovsdb_datum_includes_all(const struct ovsdb_datum *a,
			      const struct ovsdb_datum *b,
			      const struct ovsdb_type *type)
{
	for (size_t i = 0; i < a->n; i++)
		if (!ovsdb_datum_has_elem(a, i, b, type))
			return false;
	return true;
}

bool ovsdb_datum_excludes_all(const struct ovsdb_datum *a,
			      const struct ovsdb_datum *b,
			      const struct ovsdb_type *type)
{
	for (size_t i = 0; i < a->n; i++)
		if (ovsdb_datum_has_elem(a, i, b, type))
			return false;
	return true;
}

/* Moves element 'i' of 'src' to the end of 'dst' (cloned when 'clone'). */
static void ovsdb_datum_push(struct ovsdb_datum *dst,
			     const struct ovsdb_datum *src, size_t i,
			     const struct ovsdb_type *type, bool clone)
{
	size_t n = dst->n++;

	if (!clone) {
		dst->keys[n] = src->keys[i];
		if (dst->values)
			dst->values[n] = src->values[i];
		return;
	}
	ovsdb_atom_clone(&dst->keys[n], &src->keys[i], type->key.type);
	if (dst->values)
		ovsdb_atom_clone(&dst->values[n], &src->values[i],
				 type->value.type);
}

void ovsdb_datum_union(struct ovsdb_datum *dst, const struct ovsdb_datum *src,
		       const struct ovsdb_type *type)
{
	struct ovsdb_datum out;
	size_t i = 0, j = 0;

	if (!src->n)
		return;
	ovsdb_datum_alloc(&out, dst->n + src->n, type);
	while (i < dst->n || j < src->n) {
		int c = i == dst->n ? 1 : j == src->n ? -1
			: ovsdb_atom_compare(&dst->keys[i], &src->keys[j],
					     type->key.type);
		if (c <= 0)
			ovsdb_datum_push(&out, dst, i++, type, false);
		else
			ovsdb_datum_push(&out, src, j++, type, true);
		if (!c)
			j++;
	}
	free(dst->keys);
	free(dst->values);
	*dst = out;
}

void ovsdb_datum_subtract(struct ovsdb_datum *dst,
			  const struct ovsdb_type *dst_type,
			  const struct ovsdb_datum *src,
			  const struct ovsdb_type *src_type)
{
	size_t n = 0;

	for (size_t i = 0; i < dst->n; i++) {
		size_t j = ovsdb_datum_find_key(src, &dst->keys[i],
						dst_type->key.type);
		bool drop = j != SIZE_MAX &&
			(!ovsdb_is_map(src_type) ||
			 ovsdb_atom_equals(&dst->values[i], &src->values[j],
					   dst_type->value.type));

		ovsdb_datum_keep(dst, i, &n, drop, dst_type);
	}
	dst->n = n;
}

/* Compares key i of 'a' with key j of 'b', either past its end
 * comparing greater. */
static int ovsdb_datum_merge_cmp(const struct ovsdb_datum *a, size_t i,
				 const struct ovsdb_datum *b, size_t j,
				 const struct ovsdb_type *type)
{
	if (i == a->n)
		return 1;
	if (j == b->n)
		return -1;
	return ovsdb_atom_compare(&a->keys[i], &b->keys[j], type->key.type);
}

static bool ovsdb_datum_same_value(const struct ovsdb_datum *a, size_t i,
				   const struct ovsdb_datum *b, size_t j,
				   const struct ovsdb_type *type)
{
	return !ovsdb_is_map(type) ||
	       ovsdb_atom_equals(&a->values[i], &b->values[j],
				 type->value.type);
}

/* One merge of the two sorted datums, not a search per element. */
void ovsdb_datum_diff(struct ovsdb_datum *diff, const struct ovsdb_datum *old,
		      const struct ovsdb_datum *new,
		      const struct ovsdb_type *type)
{
	size_t i = 0, j = 0;

	ovsdb_datum_alloc(diff, old->n + new->n, type);
	while (i < old->n || j < new->n) {
		int c = ovsdb_datum_merge_cmp(old, i, new, j, type);

		if (c < 0) {
			ovsdb_datum_push(diff, old, i++, type, true);
		} else if (c > 0) {
			ovsdb_datum_push(diff, new, j++, type, true);
		} else {
			if (!ovsdb_datum_same_value(old, i, new, j, type))
				ovsdb_datum_push(diff, new, j, type, true);
			i++, j++;
		}
	}
}

void ovsdb_datum_apply_diff(struct ovsdb_datum *d,
			    const struct ovsdb_datum *diff,
			    const struct ovsdb_type *type)
{
	struct ovsdb_datum out;
	size_t i = 0, j = 0;

	if (!diff->n)
		return;
	ovsdb_datum_alloc(&out, d->n + diff->n, type);
	while (i < d->n || j < diff->n) {
		int c = ovsdb_datum_merge_cmp(d, i, diff, j, type);

		if (c < 0) {
			ovsdb_datum_push(&out, d, i++, type, false);
			continue;
		}
		if (c > 0) {
			ovsdb_datum_push(&out, diff, j++, type, true);
			continue;
		}
		/* In both: dropped, or (a map's) value replaced. */
		if (!ovsdb_datum_same_value(d, i, diff, j, type))
			ovsdb_datum_push(&out, diff, j, type, true);
		ovsdb_atom_destroy(&d->keys[i], type->key.type);
		if (d->values)
			ovsdb_atom_destroy(&d->values[i], type->value.type);
		i++, j++;
	}
	free(d->keys);
	free(d->values);
	*d = out;
}
