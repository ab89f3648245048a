/* Column types: parsing, the canonical JSON form, and English names. */
#include "ovsdb-types.h"

#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ovsdb-data.h"
#include "ovsdb-error.h"
#include "ovsdb-parser.h"
#include "xalloc.h"

static const char *const ovsdb_atomic_type_names[OVSDB_N_TYPES] = {
	[OVSDB_TYPE_VOID] = "void",
	[OVSDB_TYPE_INTEGER] = "integer",
	[OVSDB_TYPE_REAL] = "real",
	[OVSDB_TYPE_BOOLEAN] = "boolean",
	[OVSDB_TYPE_STRING] = "string",
	[OVSDB_TYPE_UUID] = "uuid",
};

const char *ovsdb_atomic_type_to_string(enum ovsdb_atomic_type type)
{
	return (unsigned int) type < OVSDB_N_TYPES
	       ? ovsdb_atomic_type_names[type] : "<invalid>";
}

/* "void" is not a type a schema may name. */
bool ovsdb_atomic_type_from_string(const char *s, enum ovsdb_atomic_type *type)
{
	for (int i = OVSDB_TYPE_INTEGER; i < OVSDB_N_TYPES; i++) {
		if (!strcmp(s, ovsdb_atomic_type_names[i])) {
			*type = i;
			return true;
		}
	}
	return false;
}

void ovsdb_base_type_init(struct ovsdb_base_type *base,
			  enum ovsdb_atomic_type type)
{
	memset(base, 0, sizeof *base);
	base->type = type;
	switch (type) {
	case OVSDB_TYPE_INTEGER:
		base->u.integer.min = INT64_MIN;
		base->u.integer.max = INT64_MAX;
		break;
	case OVSDB_TYPE_REAL:
		base->u.real.min = -DBL_MAX;
		base->u.real.max = DBL_MAX;
		break;
	case OVSDB_TYPE_STRING:
		base->u.string.min_len = 0;
		base->u.string.max_len = UINT_MAX;
		break;
	case OVSDB_TYPE_UUID:
		base->u.uuid.ref_type = OVSDB_REF_STRONG;
		break;
	case OVSDB_TYPE_VOID:
	case OVSDB_TYPE_BOOLEAN:
	case OVSDB_N_TYPES:
		break;
	}
}

void ovsdb_base_type_enum_type(struct ovsdb_type *type,
			       enum ovsdb_atomic_type atomic)
{
	ovsdb_type_init(type, atomic);
	type->n_max = OVSDB_UNLIMITED;
}

void ovsdb_base_type_clone(struct ovsdb_base_type *dst,
			   const struct ovsdb_base_type *src)
{
	*dst = *src;
	if (src->enum_) {
		struct ovsdb_type et;

		ovsdb_base_type_enum_type(&et, src->type);
		dst->enum_ = xcalloc(1, sizeof *dst->enum_);
		ovsdb_datum_clone(dst->enum_, src->enum_, &et);
	}
	if (src->type == OVSDB_TYPE_UUID && src->u.uuid.ref_table_name)
		dst->u.uuid.ref_table_name =
			xstrdup(src->u.uuid.ref_table_name);
}

void ovsdb_base_type_destroy(struct ovsdb_base_type *base)
{
	if (base->enum_) {
		struct ovsdb_type et;

		ovsdb_base_type_enum_type(&et, base->type);
		ovsdb_datum_destroy(base->enum_, &et);
		free(base->enum_);
		base->enum_ = NULL;
	}
	if (base->type == OVSDB_TYPE_UUID) {
		free(base->u.uuid.ref_table_name);
		base->u.uuid.ref_table_name = NULL;
	}
}

bool ovsdb_base_type_is_ref(const struct ovsdb_base_type *base)
{
	return base->type == OVSDB_TYPE_UUID && base->u.uuid.ref_table_name;
}

bool ovsdb_base_type_has_constraints(const struct ovsdb_base_type *base)
{
	if (base->enum_)
		return true;
	switch (base->type) {
	case OVSDB_TYPE_INTEGER:
		return base->u.integer.min != INT64_MIN ||
		       base->u.integer.max != INT64_MAX;
	case OVSDB_TYPE_REAL:
		return base->u.real.min != -DBL_MAX ||
		       base->u.real.max != DBL_MAX;
	case OVSDB_TYPE_STRING:
		return base->u.string.min_len != 0 ||
		       base->u.string.max_len != UINT_MAX;
	case OVSDB_TYPE_UUID:
		return base->u.uuid.ref_table_name != NULL;
	case OVSDB_TYPE_VOID:
	case OVSDB_TYPE_BOOLEAN:
	case OVSDB_N_TYPES:
		break;
	}
	return false;
}

void ovsdb_base_type_clear_constraints(struct ovsdb_base_type *base)
{
	char *ref = NULL;
	enum ovsdb_ref_type ref_type = OVSDB_REF_STRONG;
	const struct ovsdb_table_schema *table = NULL;

	if (base->type == OVSDB_TYPE_UUID) {
		ref = base->u.uuid.ref_table_name;
		ref_type = base->u.uuid.ref_type;
		table = base->u.uuid.ref_table;
		base->u.uuid.ref_table_name = NULL;
	}
	ovsdb_base_type_destroy(base);
	ovsdb_base_type_init(base, base->type);
	if (base->type == OVSDB_TYPE_UUID) {
		base->u.uuid.ref_table_name = ref;
		base->u.uuid.ref_type = ref_type;
		base->u.uuid.ref_table = table;
	}
}

static struct ovsdb_error *ovsdb_atomic_type_from_json(
	enum ovsdb_atomic_type *type, const json_t *json)
{
	if (!json_is_string(json))
		return ovsdb_syntax_error(json, "atomic type expected");
	if (!ovsdb_atomic_type_from_string(json_string_value(json), type))
		return ovsdb_syntax_error(json, "unknown atomic type \"%s\"",
					  json_string_value(json));
	return NULL;
}

/* The members a base type of each atomic type may have. */
static const char *const *ovsdb_base_type_members(enum ovsdb_atomic_type t)
{
	static const char *const integer[] = {
		"type", "enum", "minInteger", "maxInteger", NULL };
	static const char *const real[] = {
		"type", "enum", "minReal", "maxReal", NULL };
	static const char *const boolean[] = { "type", "enum", NULL };
	static const char *const string[] = {
		"type", "enum", "minLength", "maxLength", NULL };
	static const char *const uuid[] = {
		"type", "enum", "refTable", "refType", NULL };

	switch (t) {
	case OVSDB_TYPE_INTEGER: return integer;
	case OVSDB_TYPE_REAL: return real;
	case OVSDB_TYPE_STRING: return string;
	case OVSDB_TYPE_UUID: return uuid;
	default: return boolean;
	}
}

static struct ovsdb_error *ovsdb_parse_length(const json_t *obj,
					      const char *name,
					      unsigned int *len)
{
	const json_t *v;
	struct ovsdb_error *error;

	error = ovsdb_parser_member(obj, "base type", name,
				    OP_INTEGER | OP_OPTIONAL, &v);
	if (error || !v)
		return error;
	if (ovsdb_json_int(v) < 0 || ovsdb_json_int(v) > UINT_MAX)
		return ovsdb_syntax_error(obj, "%s must be between 0 and %u",
					  name, UINT_MAX);
	*len = ovsdb_json_int(v);
	return NULL;
}

static struct ovsdb_error *ovsdb_parse_int_range(const json_t *obj,
						 struct ovsdb_base_type *base)
{
	const json_t *min, *max;
	struct ovsdb_error *error;

	error = ovsdb_parser_member(obj, "base type", "minInteger",
				    OP_INTEGER | OP_OPTIONAL, &min);
	if (!error)
		error = ovsdb_parser_member(obj, "base type", "maxInteger",
					    OP_INTEGER | OP_OPTIONAL, &max);
	if (error)
		return error;
	if (min)
		base->u.integer.min = ovsdb_json_int(min);
	if (max)
		base->u.integer.max = ovsdb_json_int(max);
	if (base->u.integer.min > base->u.integer.max)
		return ovsdb_syntax_error(obj, "minInteger exceeds maxInteger");
	return NULL;
}

static struct ovsdb_error *ovsdb_parse_real_range(const json_t *obj,
						  struct ovsdb_base_type *base)
{
	const json_t *min, *max;
	struct ovsdb_error *error;

	error = ovsdb_parser_member(obj, "base type", "minReal",
				    OP_NUMBER | OP_OPTIONAL, &min);
	if (!error)
		error = ovsdb_parser_member(obj, "base type", "maxReal",
					    OP_NUMBER | OP_OPTIONAL, &max);
	if (error)
		return error;
	if (min)
		base->u.real.min = json_number_value(min);
	if (max)
		base->u.real.max = json_number_value(max);
	if (base->u.real.min > base->u.real.max)
		return ovsdb_syntax_error(obj, "minReal exceeds maxReal");
	return NULL;
}

static struct ovsdb_error *ovsdb_parse_string_range(
	const json_t *obj, struct ovsdb_base_type *base)
{
	struct ovsdb_error *error;

	error = ovsdb_parse_length(obj, "minLength", &base->u.string.min_len);
	if (!error)
		error = ovsdb_parse_length(obj, "maxLength",
					   &base->u.string.max_len);
	if (!error && base->u.string.min_len > base->u.string.max_len)
		error = ovsdb_syntax_error(obj, "minLength exceeds maxLength");
	return error;
}

static struct ovsdb_error *ovsdb_parse_ref(const json_t *obj,
					   struct ovsdb_base_type *base)
{
	const json_t *table, *type;
	struct ovsdb_error *error;

	error = ovsdb_parser_member(obj, "base type", "refTable",
				    OP_ID | OP_OPTIONAL, &table);
	if (!error)
		error = ovsdb_parser_member(obj, "base type", "refType",
					    OP_STRING | OP_OPTIONAL, &type);
	if (error)
		return error;
	if (type && !table)
		return ovsdb_syntax_error(obj, "refType requires refTable");
	if (type) {
		const char *s = json_string_value(type);

		if (!strcmp(s, "weak"))
			base->u.uuid.ref_type = OVSDB_REF_WEAK;
		else if (strcmp(s, "strong"))
			return ovsdb_syntax_error(obj, "refType must be "
						  "\"strong\" or \"weak\", "
						  "not \"%s\"", s);
	}
	if (table)
		base->u.uuid.ref_table_name = xstrdup(json_string_value(table));
	return NULL;
}

static struct ovsdb_error *ovsdb_parse_enum(const json_t *obj,
					    const json_t *json,
					    struct ovsdb_base_type *base)
{
	struct ovsdb_type et;
	struct ovsdb_error *error;

	if (json_object_size(obj) != 2)
		return ovsdb_syntax_error(obj, "enum excludes other "
					  "constraints");
	ovsdb_base_type_enum_type(&et, base->type);
	base->enum_ = xcalloc(1, sizeof *base->enum_);
	error = ovsdb_datum_from_json(base->enum_, &et, json, NULL);
	if (error) {
		free(base->enum_);
		base->enum_ = NULL;
		return ovsdb_error_wrap(error, "enum");
	}
	return NULL;
}

static struct ovsdb_error *ovsdb_base_type_parse_object(
	struct ovsdb_base_type *base, const json_t *json)
{
	const json_t *type, *enum_;
	struct ovsdb_error *error;

	error = ovsdb_parser_member(json, "base type", "type", OP_STRING,
				    &type);
	if (!error)
		error = ovsdb_atomic_type_from_json(&base->type, type);
	if (error)
		return error;
	ovsdb_base_type_init(base, base->type);
	error = ovsdb_parser_check_members(json, "base type",
					   ovsdb_base_type_members(base->type));
	if (error)
		return error;

	enum_ = json_object_get(json, "enum");
	if (enum_)
		return ovsdb_parse_enum(json, enum_, base);
	switch (base->type) {
	case OVSDB_TYPE_INTEGER:
		return ovsdb_parse_int_range(json, base);
	case OVSDB_TYPE_REAL:
		return ovsdb_parse_real_range(json, base);
	case OVSDB_TYPE_STRING:
		return ovsdb_parse_string_range(json, base);
	case OVSDB_TYPE_UUID:
		return ovsdb_parse_ref(json, base);
	default:
		return NULL;
	}
}

struct ovsdb_error *ovsdb_base_type_from_json(struct ovsdb_base_type *base,
					      const json_t *json)
{
	struct ovsdb_error *error;

	ovsdb_base_type_init(base, OVSDB_TYPE_VOID);
	if (json_is_string(json)) {
		error = ovsdb_atomic_type_from_json(&base->type, json);
		if (!error)
			ovsdb_base_type_init(base, base->type);
		return error;
	}
	if (!json_is_object(json))
		return ovsdb_syntax_error(json, "base type expected (a string "
					  "or an object)");
	error = ovsdb_base_type_parse_object(base, json);
	if (error) {
		ovsdb_base_type_destroy(base);
		ovsdb_base_type_init(base, OVSDB_TYPE_VOID);
	}
	return error;
}

static void ovsdb_put_real(json_t *obj, const char *name, double v,
			   double dflt)
{
	if (v != dflt)
		json_object_set_new(obj, name, ovsdb_real_to_json(v));
}

json_t *ovsdb_base_type_to_json(const struct ovsdb_base_type *base)
{
	const char *name = ovsdb_atomic_type_to_string(base->type);
	json_t *json;

	if (!ovsdb_base_type_has_constraints(base))
		return json_string(name);
	json = json_pack("{s:s}", "type", name);
	if (base->enum_) {
		struct ovsdb_type et;

		ovsdb_base_type_enum_type(&et, base->type);
		json_object_set_new(json, "enum",
				    ovsdb_datum_to_json(base->enum_, &et));
		return json;
	}
	switch (base->type) {
	case OVSDB_TYPE_INTEGER:
		if (base->u.integer.min != INT64_MIN)
			json_object_set_new(json, "minInteger",
					    json_integer(base->u.integer.min));
		if (base->u.integer.max != INT64_MAX)
			json_object_set_new(json, "maxInteger",
					    json_integer(base->u.integer.max));
		break;
	case OVSDB_TYPE_REAL:
		ovsdb_put_real(json, "minReal", base->u.real.min, -DBL_MAX);
		ovsdb_put_real(json, "maxReal", base->u.real.max, DBL_MAX);
		break;
	case OVSDB_TYPE_STRING:
		if (base->u.string.min_len)
			json_object_set_new(json, "minLength",
					    json_integer(base->u.string.min_len));
		if (base->u.string.max_len != UINT_MAX)
			json_object_set_new(json, "maxLength",
					    json_integer(base->u.string.max_len));
		break;
	case OVSDB_TYPE_UUID:
		json_object_set_new(json, "refTable",
				    json_string(base->u.uuid.ref_table_name));
		if (base->u.uuid.ref_type == OVSDB_REF_WEAK)
			json_object_set_new(json, "refType",
					    json_string("weak"));
		break;
	default:
		break;
	}
	return json;
}

void ovsdb_type_init(struct ovsdb_type *type, enum ovsdb_atomic_type atomic)
{
	ovsdb_base_type_init(&type->key, atomic);
	ovsdb_base_type_init(&type->value, OVSDB_TYPE_VOID);
	type->n_min = 1;
	type->n_max = 1;
}

void ovsdb_type_clone(struct ovsdb_type *dst, const struct ovsdb_type *src)
{
	ovsdb_base_type_clone(&dst->key, &src->key);
	ovsdb_base_type_clone(&dst->value, &src->value);
	dst->n_min = src->n_min;
	dst->n_max = src->n_max;
}

void ovsdb_type_destroy(struct ovsdb_type *type)
{
	ovsdb_base_type_destroy(&type->key);
	ovsdb_base_type_destroy(&type->value);
}

bool ovsdb_type_is_valid(const struct ovsdb_type *type)
{
	return type->key.type != OVSDB_TYPE_VOID &&
	       (unsigned int) type->key.type < OVSDB_N_TYPES &&
	       (unsigned int) type->value.type < OVSDB_N_TYPES &&
	       type->n_min <= 1 && type->n_max >= 1;
}

bool ovsdb_type_is_scalar(const struct ovsdb_type *type)
{
	return type->value.type == OVSDB_TYPE_VOID &&
	       type->n_min == 1 && type->n_max == 1;
}

bool ovsdb_type_is_optional_scalar(const struct ovsdb_type *type)
{
	return type->value.type == OVSDB_TYPE_VOID &&
	       type->n_min == 0 && type->n_max == 1;
}

bool ovsdb_type_is_map(const struct ovsdb_type *type)
{
	return type->value.type != OVSDB_TYPE_VOID;
}

bool ovsdb_type_is_set(const struct ovsdb_type *type)
{
	return type->value.type == OVSDB_TYPE_VOID &&
	       (type->n_min != 1 || type->n_max != 1);
}

static struct ovsdb_error *ovsdb_type_parse_n(const json_t *obj,
					      struct ovsdb_type *type)
{
	const json_t *min, *max;
	struct ovsdb_error *error;

	error = ovsdb_parser_member(obj, "type", "min",
				    OP_INTEGER | OP_OPTIONAL, &min);
	if (!error)
		error = ovsdb_parser_member(obj, "type", "max",
					    OP_INTEGER | OP_STRING | OP_OPTIONAL,
					    &max);
	if (error)
		return error;
	if (min) {
		json_int_t n = ovsdb_json_int(min);

		if (n != 0 && n != 1)
			return ovsdb_syntax_error(obj, "min must be 0 or 1");
		type->n_min = n;
	}
	if (max && json_is_string(max)) {
		if (strcmp(json_string_value(max), "unlimited"))
			return ovsdb_syntax_error(obj, "max must be a positive "
						  "integer or \"unlimited\"");
		type->n_max = OVSDB_UNLIMITED;
	} else if (max) {
		json_int_t n = ovsdb_json_int(max);

		/* UINT_MAX itself means "unlimited". */
		if (n < 1 || n >= UINT_MAX)
			return ovsdb_syntax_error(obj, "max must be between 1 "
						  "and %u, or \"unlimited\"",
						  UINT_MAX - 1);
		type->n_max = n;
	}
	return NULL;
}

static struct ovsdb_error *ovsdb_type_parse_object(struct ovsdb_type *type,
						   const json_t *json)
{
	static const char *const members[] = {
		"key", "value", "min", "max", NULL };
	const json_t *key, *value;
	struct ovsdb_error *error;

	error = ovsdb_parser_check_members(json, "type", members);
	if (!error)
		error = ovsdb_parser_member(json, "type", "key",
					    OP_STRING | OP_OBJECT, &key);
	if (!error)
		error = ovsdb_parser_member(json, "type", "value",
					    OP_STRING | OP_OBJECT | OP_OPTIONAL,
					    &value);
	if (!error)
		error = ovsdb_base_type_from_json(&type->key, key);
	if (!error && value)
		error = ovsdb_error_wrap(
			ovsdb_base_type_from_json(&type->value, value),
			"value type");
	if (!error)
		error = ovsdb_type_parse_n(json, type);
	return error;
}

struct ovsdb_error *ovsdb_type_from_json(struct ovsdb_type *type,
					 const json_t *json)
{
	struct ovsdb_error *error;

	ovsdb_type_init(type, OVSDB_TYPE_VOID);
	if (json_is_string(json))
		error = ovsdb_base_type_from_json(&type->key, json);
	else if (json_is_object(json))
		error = ovsdb_type_parse_object(type, json);
	else
		error = ovsdb_syntax_error(json, "type expected (a string or "
					   "an object)");
	if (error) {
		ovsdb_type_destroy(type);
		ovsdb_type_init(type, OVSDB_TYPE_VOID);
	}
	return error;
}

json_t *ovsdb_type_to_json(const struct ovsdb_type *type)
{
	json_t *json;

	if (ovsdb_type_is_scalar(type) &&
	    !ovsdb_base_type_has_constraints(&type->key))
		return ovsdb_base_type_to_json(&type->key);
	json = json_object();
	json_object_set_new(json, "key", ovsdb_base_type_to_json(&type->key));
	if (type->value.type != OVSDB_TYPE_VOID)
		json_object_set_new(json, "value",
				    ovsdb_base_type_to_json(&type->value));
	if (type->n_min != 1)
		json_object_set_new(json, "min", json_integer(type->n_min));
	if (type->n_max == OVSDB_UNLIMITED)
		json_object_set_new(json, "max", json_string("unlimited"));
	else if (type->n_max != 1)
		json_object_set_new(json, "max", json_integer(type->n_max));
	return json;
}

char *ovsdb_type_to_english(const struct ovsdb_type *type)
{
	const char *key = ovsdb_atomic_type_to_string(type->key.type);
	const char *value = ovsdb_atomic_type_to_string(type->value.type);
	char count[64];

	if (ovsdb_type_is_scalar(type))
		return xstrdup(key);
	if (type->n_max == OVSDB_UNLIMITED)
		snprintf(count, sizeof count, "%s",
			 type->n_min ? " of 1 or more" : " of any number of");
	else if (type->n_min)
		snprintf(count, sizeof count, " of 1 to %u", type->n_max);
	else
		snprintf(count, sizeof count, " of up to %u", type->n_max);
	if (ovsdb_type_is_map(type))
		return xasprintf("map%s (%s, %s) pairs", count, key, value);
	return xasprintf("set%s %ss", count, key);
}
