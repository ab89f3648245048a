/* Member-by-member JSON checks with errors that name the member. */
#include "ovsdb-parser.h"

#include <math.h>
#include <string.h>

#include "ovsdb-error.h"

static bool ovsdb_parser_type_ok(const json_t *v, unsigned int flags)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		if (flags & OP_STRING)
			return true;
		return (flags & OP_ID) && ovsdb_is_id(json_string_value(v));
	case JSON_INTEGER:
		return flags & OP_INTEGER;
	case JSON_REAL:
		return (flags & OP_REAL) ||
		       ((flags & OP_INTEGER) && ovsdb_json_is_int(v));
	case JSON_TRUE:
	case JSON_FALSE:
		return flags & OP_BOOLEAN;
	case JSON_OBJECT:
		return flags & OP_OBJECT;
	case JSON_ARRAY:
		return flags & OP_ARRAY;
	case JSON_NULL:
	default:
		return false;
	}
}

static const char *ovsdb_parser_expected(unsigned int flags)
{
	if (flags & OP_ID && !(flags & OP_STRING))
		return "an identifier";
	switch (flags & OP_ANY) {
	case OP_STRING: return "a string";
	case OP_INTEGER: return "an integer";
	case OP_NUMBER: return "a number";
	case OP_BOOLEAN: return "a boolean";
	case OP_OBJECT: return "an object";
	case OP_ARRAY: return "an array";
	default: return "a value of another type";
	}
}

struct ovsdb_error *ovsdb_parser_member(const json_t *obj, const char *what,
					const char *name, unsigned int flags,
					const json_t **value)
{
	const json_t *v = json_object_get(obj, name);

	*value = NULL;
	if (!v) {
		if (flags & OP_OPTIONAL)
			return NULL;
		return ovsdb_syntax_error(obj, "%s: required member \"%s\" "
					  "is missing", what, name);
	}
	if (!ovsdb_parser_type_ok(v, flags))
		return ovsdb_syntax_error(v, "%s: member \"%s\" must be %s",
					  what, name,
					  ovsdb_parser_expected(flags));
	*value = v;
	return NULL;
}

struct ovsdb_error *ovsdb_parser_check_members(const json_t *obj,
					       const char *what,
					       const char *const allowed[])
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *) obj, key, v) {
		const char *const *a;

		for (a = allowed; *a; a++)
			if (!strcmp(*a, key))
				break;
		if (!*a)
			return ovsdb_syntax_error(obj, "%s: member \"%s\" is "
						  "not allowed here", what,
						  key);
	}
	return NULL;
}

bool ovsdb_json_is_int(const json_t *json)
{
	double d;

	if (json_is_integer(json))
		return true;
	if (!json_is_real(json))
		return false;
	d = json_real_value(json);
	return d == floor(d) && fabs(d) < 9007199254740992.0;
}

int64_t ovsdb_json_int(const json_t *json)
{
	if (json_is_integer(json))
		return json_integer_value(json);
	return (int64_t) json_real_value(json);
}

bool ovsdb_is_id(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
	      *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* Length of the UTF-8 sequence at 'p' (at most 'left' bytes), or 0. */
static size_t ovsdb_utf8_seq(const unsigned char *p, size_t left)
{
	unsigned int c = p[0], cp, len;

	if (c >= 0x01 && c <= 0x7f)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (len > left)
		return 0;
	for (unsigned int i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

bool ovsdb_utf8_length(const char *s, size_t len, size_t *n_chars)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t n = 0;

	while (len) {
		size_t step = ovsdb_utf8_seq(p, len);

		if (!step)
			return false;
		p += step;
		len -= step;
		n++;
	}
	*n_chars = n;
	return true;
}
