/* The value syntax of ovs-vsctl's command line: atoms ("quoted" JSON
 * strings or bare words, integers, reals, booleans, uuids and @names),
 * sets [a, b] and maps {k=v, ...}, and COLUMN[:KEY]=VALUE arguments; and
 * the text form the tool prints, which reads back the same way. */
#include "vsctl.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ovsdb-error.h"
#include "ovsdb-parser.h"
#include "ovsdb-schema.h"
#include "ovsdb-symbol.h"
#include "xalloc.h"

void vstr_printf(struct vstr *v, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	v->s = xgrow(v->s, &v->cap, v->len + n + 1);
	va_start(args, fmt);
	vsnprintf(v->s + v->len, n + 1, fmt, args);
	va_end(args);
	v->len += n;
}

void vstr_put(struct vstr *v, const char *s)
{
	size_t n = strlen(s);

	v->s = xgrow(v->s, &v->cap, v->len + n + 1);
	memcpy(v->s + v->len, s, n + 1);
	v->len += n;
}

void vstr_putc(struct vstr *v, char c)
{
	v->s = xgrow(v->s, &v->cap, v->len + 2);
	v->s[v->len++] = c;
	v->s[v->len] = '\0';
}

const char *vstr_cstr(struct vstr *v)
{
	return v->s ? v->s : "";
}

void vstr_free(struct vstr *v)
{
	free(v->s);
	v->s = NULL;
	v->len = v->cap = 0;
}

bool vsctl_token_is_delim(unsigned char c)
{
	return c == '\0' || strchr(":=, []{}!<>", c) != NULL;
}

/* A token runs to the first delimiter outside double quotes; a backslash
 * makes the next character literal (outside quotes it is dropped). */
char *vsctl_token_parse(const char **s, char **token)
{
	struct vstr out = { 0 };
	bool quoted = false;
	const char *p = *s;

	vstr_put(&out, "");
	while (*p) {
		char c = *p++;
		if (c == '\\') {
			if (quoted)
				vstr_putc(&out, '\\');
			if (!*p) {
				vstr_free(&out);
				*token = NULL;
				return xasprintf("%s: backslash at end of "
						 "argument", *s);
			}
			vstr_putc(&out, *p++);
		} else if (!quoted && vsctl_token_is_delim(c)) {
			p--;
			break;
		} else {
			vstr_putc(&out, c);
			if (c == '"')
				quoted = !quoted;
		}
	}
	if (quoted) {
		vstr_free(&out);
		*token = NULL;
		return xasprintf("%s: quoted string extends past end of "
				 "argument", *s);
	}
	*token = out.s;
	*s = p;
	return NULL;
}

static bool vsctl_parse_int(const char *s, int64_t *value)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno || end == s || *end || isspace((unsigned char) *s))
		return false;
	*value = n;
	return true;
}

static char *vsctl_string_atom(union ovsdb_atom *atom, const char *s)
{
	size_t len = strlen(s);

	if (!*s)
		return xstrdup("An empty string is not valid as input; use "
			       "\"\" to represent the empty string");
	if (*s != '"') {
		size_t n_chars;
		if (!ovsdb_utf8_length(s, len, &n_chars))
			return xasprintf("%s: not a valid UTF-8 string", s);
		atom->string = xstrdup(s);
		return NULL;
	}
	if (len < 2 || s[len - 1] != '"')
		return xasprintf("%s: missing quote at end of quoted string",
				 s);

	json_error_t jerr;
	json_t *json = json_loadb(s, len, JSON_DECODE_ANY, &jerr);
	if (!json_is_string(json)) {
		json_decref(json);
		return xasprintf("%s: %s", s, jerr.text);
	}
	atom->string = xstrdup(json_string_value(json));
	json_decref(json);
	return NULL;
}

static char *vsctl_atom_parse(union ovsdb_atom *atom,
			      const struct ovsdb_base_type *base,
			      const char *s, struct ovsdb_symbol_table *symtab)
{
	switch (base->type) {
	case OVSDB_TYPE_INTEGER:
		if (!vsctl_parse_int(s, &atom->integer))
			return xasprintf("\"%s\" is not a valid integer or "
					 "range", s);
		return NULL;
	case OVSDB_TYPE_REAL: {
		char *end;
		errno = 0;
		atom->real = strtod(s, &end);
		if (errno || end == s || *end || isspace((unsigned char) *s))
			return xasprintf("\"%s\" is not a valid real number",
					 s);
		if (atom->real == 0.0)
			atom->real = 0.0;
		return NULL;
	}
	case OVSDB_TYPE_BOOLEAN:
		if (!strcmp(s, "true") || !strcmp(s, "yes")
		    || !strcmp(s, "on") || !strcmp(s, "1"))
			atom->boolean = true;
		else if (!strcmp(s, "false") || !strcmp(s, "no")
			 || !strcmp(s, "off") || !strcmp(s, "0"))
			atom->boolean = false;
		else
			return xasprintf("\"%s\" is not a valid boolean (use "
					 "\"true\" or \"false\")", s);
		return NULL;
	case OVSDB_TYPE_STRING:
		return vsctl_string_atom(atom, s);
	case OVSDB_TYPE_UUID:
		if (*s == '@' && symtab) {
			struct ovsdb_symbol *sym;
			sym = ovsdb_symbol_table_insert(symtab, s);
			atom->uuid = sym->uuid;
			if (base->u.uuid.ref_table_name) {
				if (base->u.uuid.ref_type == OVSDB_REF_STRONG)
					sym->strong_ref = true;
				else
					sym->weak_ref = true;
			}
			return NULL;
		}
		if (!uuid_from_string(&atom->uuid, s))
			return xasprintf("\"%s\" is not a valid UUID", s);
		return NULL;
	case OVSDB_TYPE_VOID:
	case OVSDB_N_TYPES:
	default:
		break;
	}
	return xstrdup("bad atomic type");
}

/* The enum and integer range errors in the words ovs-vsctl uses. */
static char *vsctl_constraint_error(const union ovsdb_atom *atom,
				    const struct ovsdb_base_type *base)
{
	struct vstr s = { 0 };
	int64_t v = atom->integer, min, max;

	if (base->enum_) {
		struct ovsdb_type et;
		if (ovsdb_datum_find_key(base->enum_, atom, base->type)
		    != SIZE_MAX)
			return NULL;
		ovsdb_base_type_enum_type(&et, base->type);
		vstr_put(&s, "constraint violation: ");
		vsctl_atom_to_string(atom, base->type, &s);
		vstr_put(&s, " is not one of the allowed values (");
		vsctl_datum_to_string(base->enum_, &et, &s);
		vstr_put(&s, ")");
		return s.s;
	}
	if (base->type != OVSDB_TYPE_INTEGER)
		return NULL;
	min = base->u.integer.min;
	max = base->u.integer.max;
	if (v >= min && v <= max)
		return NULL;
	if (min != INT64_MIN && max != INT64_MAX)
		return xasprintf("constraint violation: %" PRId64 " is not in "
				 "the valid range %" PRId64 " to %" PRId64
				 " (inclusive)", v, min, max);
	if (min != INT64_MIN)
		return xasprintf("constraint violation: %" PRId64 " is less "
				 "than minimum allowed value %" PRId64, v, min);
	return xasprintf("constraint violation: %" PRId64 " is greater than "
			 "maximum allowed value %" PRId64, v, max);
}

char *vsctl_atom_from_string(union ovsdb_atom *atom,
			     const struct ovsdb_base_type *base,
			     const char *s, struct ovsdb_symbol_table *symtab)
{
	char *msg = vsctl_atom_parse(atom, base, s, symtab);
	struct ovsdb_error *error;

	if (msg)
		return msg;
	msg = vsctl_constraint_error(atom, base);
	if (msg) {
		ovsdb_atom_destroy(atom, base->type);
		return msg;
	}
	error = ovsdb_atom_check_constraints(atom, base);
	if (error) {
		msg = ovsdb_error_to_string(error);
		ovsdb_error_destroy(error);
		ovsdb_atom_destroy(atom, base->type);
	}
	return msg;
}

static const char *skip_spaces(const char *p)
{
	while (isspace((unsigned char) *p))
		p++;
	return p;
}

static char *vsctl_parse_atom_token(const char **s,
				    const struct ovsdb_base_type *base,
				    union ovsdb_atom *atom,
				    struct ovsdb_symbol_table *symtab)
{
	char *token;
	char *error = vsctl_token_parse(s, &token);

	if (!error) {
		error = vsctl_atom_from_string(atom, base, token, symtab);
		free(token);
	}
	return error;
}

/* Appends one key (and value) to the unsorted 'd'. */
static void vsctl_datum_push(struct ovsdb_datum *d, size_t *alloc,
			     const union ovsdb_atom *key,
			     const union ovsdb_atom *value, bool is_map)
{
	if (d->n >= *alloc) {
		*alloc = *alloc ? 2 * *alloc : 4;
		d->keys = xrealloc(d->keys, *alloc * sizeof *d->keys);
		if (is_map)
			d->values = xrealloc(d->values,
					     *alloc * sizeof *d->values);
	}
	d->keys[d->n] = *key;
	if (is_map)
		d->values[d->n] = *value;
	d->n++;
}

/* "A-B" with A <= B: the integers A through B, as a set may list them. */
#define VSCTL_MAX_RANGE 4096

static char *vsctl_parse_range(const char *token,
			       const struct ovsdb_base_type *base,
			       union ovsdb_atom *key, int64_t *last,
			       bool *is_range)
{
	const char *dash = token + 1;
	int64_t a, b;
	char *first, *error;

	*is_range = false;
	dash = *token ? strchr(token + 1, '-') : NULL;
	if (!dash)
		return NULL;
	first = strndup(token, dash - token);
	if (!vsctl_parse_int(first, &a) || !vsctl_parse_int(dash + 1, &b)) {
		free(first);
		return NULL;
	}
	free(first);
	*is_range = true;
	if (b < a)
		return xasprintf("\"%s\" is not a valid range. Range end "
				 "cannot be before start.", token);
	for (int i = 0; i < 2; i++) {
		union ovsdb_atom atom = { .integer = i ? b : a };
		error = vsctl_constraint_error(&atom, base);
		if (error)
			return error;
	}
	if ((uint64_t) b - (uint64_t) a >= VSCTL_MAX_RANGE)
		return xasprintf("constraint violation: Range \"%" PRId64 "-%"
				 PRId64 "\" is too big. Maximum allowed size "
				 "is %d.", a, b, VSCTL_MAX_RANGE);
	key->integer = a;
	*last = b;
	return NULL;
}

/* One key, or key=value for a map; an integer key may be a range, whose
 * last value goes to '*last' (otherwise the key's own value). */
static char *vsctl_parse_pair(const char **p, const char *start,
			      const struct ovsdb_type *type,
			      union ovsdb_atom *key, union ovsdb_atom *value,
			      int64_t *last, struct ovsdb_symbol_table *symtab)
{
	char *token, *error;
	bool is_range = false;

	error = vsctl_token_parse(p, &token);
	if (error)
		return error;
	if (type->key.type == OVSDB_TYPE_INTEGER)
		error = vsctl_parse_range(token, &type->key, key, last,
					  &is_range);
	if (!error && !is_range) {
		error = vsctl_atom_from_string(key, &type->key, token, symtab);
		if (!error && type->key.type == OVSDB_TYPE_INTEGER)
			*last = key->integer;
	}
	free(token);
	if (error || type->value.type == OVSDB_TYPE_VOID)
		return error;
	*p = skip_spaces(*p);
	if (**p != '=') {
		error = xasprintf("%s: syntax error at \"%c\" expecting \"=\"",
				  start, **p);
	} else {
		*p = skip_spaces(*p + 1);
		error = vsctl_parse_atom_token(p, &type->value, value, symtab);
	}
	if (error)
		ovsdb_atom_destroy(key, type->key.type);
	return error;
}

/* Adds the keys 'key' through 'last' (one key unless an integer range),
 * each with a copy of 'value'. */
static void vsctl_datum_push_range(struct ovsdb_datum *d, size_t *alloc,
				   union ovsdb_atom *key,
				   union ovsdb_atom *value, int64_t last,
				   const struct ovsdb_type *type)
{
	bool is_map = ovsdb_type_is_map(type);

	if (type->key.type != OVSDB_TYPE_INTEGER) {
		vsctl_datum_push(d, alloc, key, value, is_map);
		return;
	}
	for (int64_t i = key->integer; ; i++) {
		union ovsdb_atom k = { .integer = i }, v;
		if (is_map)
			ovsdb_atom_clone(&v, value, type->value.type);
		vsctl_datum_push(d, alloc, &k, &v, is_map);
		if (i == last)
			break;
	}
	if (is_map)
		ovsdb_atom_destroy(value, type->value.type);
}

static char *vsctl_datum_check(struct ovsdb_datum *datum,
			       const struct ovsdb_type *type, const char *s)
{
	bool is_map = ovsdb_type_is_map(type);
	const char *what = is_map ? "pair(s)" : "value(s)";
	struct ovsdb_error *error;

	if (datum->n < type->n_min)
		return xasprintf("%s: %zu %s specified but the minimum number "
				 "is %u", s, datum->n, what, type->n_min);
	if (datum->n > type->n_max)
		return xasprintf("%s: %zu %s specified but the maximum number "
				 "is %u", s, datum->n, what, type->n_max);
	error = ovsdb_datum_sort(datum, type);
	if (error) {
		ovsdb_error_destroy(error);
		return is_map ? xasprintf("%s: map contains duplicate key", s)
			      : xasprintf("%s: set contains duplicate value",
					  s);
	}
	return NULL;
}

char *vsctl_datum_from_string(struct ovsdb_datum *datum,
			      const struct ovsdb_type *type, const char *s,
			      struct ovsdb_symbol_table *symtab)
{
	bool is_map = ovsdb_type_is_map(type);
	const char *p = skip_spaces(s);
	size_t alloc = 0;
	char end = 0;
	char *error = NULL;

	ovsdb_datum_init_empty(datum);
	if (*p == (is_map ? '{' : '[')) {
		end = is_map ? '}' : ']';
		p = skip_spaces(p + 1);
	} else if (!*p) {
		return xstrdup(is_map ? "use \"{}\" to specify the empty map"
				      : "use \"[]\" to specify the empty set");
	}

	while (*p && *p != end) {
		union ovsdb_atom key, value;
		const char *start = p;
		int64_t last = 0;
		if (vsctl_token_is_delim(*p)) {
			char *english = ovsdb_type_to_english(type);
			error = xasprintf("%s: unexpected \"%c\" parsing %s", s,
					  *p, english);
			free(english);
			goto fail;
		}
		error = vsctl_parse_pair(&p, start, type, &key, &value, &last,
					 symtab);
		if (error)
			goto fail;
		vsctl_datum_push_range(datum, &alloc, &key, &value, last,
				       type);
		p = skip_spaces(p);
		if (*p == ',')
			p = skip_spaces(p + 1);
	}
	if (*p != end) {
		error = xasprintf("%s: missing \"%c\" at end of data", s, end);
		goto fail;
	}
	if (end && *skip_spaces(p + 1)) {
		error = xasprintf("%s: trailing garbage after \"%c\"", s, end);
		goto fail;
	}
	error = vsctl_datum_check(datum, type, s);
	if (!error)
		return NULL;
fail:
	ovsdb_datum_destroy(datum, type);
	return error;
}

/* A string prints bare only when it reads back as the same string. */
static bool vsctl_string_needs_quotes(const char *s)
{
	struct uuid uuid;

	if (!isalpha((unsigned char) *s) && *s != '_')
		return true;
	for (const char *p = s + 1; *p; p++)
		if (!isalnum((unsigned char) *p) && *p != '_' && *p != '-'
		    && *p != '.')
			return true;
	return !strcmp(s, "true") || !strcmp(s, "false")
	       || uuid_from_string(&uuid, s);
}

void vsctl_json_string(const char *s, struct vstr *out)
{
	vstr_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = *s;
		switch (c) {
		case '"': vstr_put(out, "\\\""); break;
		case '\\': vstr_put(out, "\\\\"); break;
		case '\b': vstr_put(out, "\\b"); break;
		case '\f': vstr_put(out, "\\f"); break;
		case '\n': vstr_put(out, "\\n"); break;
		case '\r': vstr_put(out, "\\r"); break;
		case '\t': vstr_put(out, "\\t"); break;
		default:
			if (c < 0x20)
				vstr_printf(out, "\\u%04x", c);
			else
				vstr_putc(out, c);
		}
	}
	vstr_putc(out, '"');
}

void vsctl_atom_to_string(const union ovsdb_atom *atom,
			  enum ovsdb_atomic_type type, struct vstr *out)
{
	char u[UUID_LEN + 1];

	switch (type) {
	case OVSDB_TYPE_INTEGER:
		vstr_printf(out, "%" PRId64, atom->integer);
		break;
	case OVSDB_TYPE_REAL:
		vstr_printf(out, "%.*g", DBL_DIG, atom->real);
		break;
	case OVSDB_TYPE_BOOLEAN:
		vstr_put(out, atom->boolean ? "true" : "false");
		break;
	case OVSDB_TYPE_STRING:
		if (vsctl_string_needs_quotes(atom->string))
			vsctl_json_string(atom->string, out);
		else
			vstr_put(out, atom->string);
		break;
	case OVSDB_TYPE_UUID:
		uuid_format(&atom->uuid, u);
		vstr_put(out, u);
		break;
	case OVSDB_TYPE_VOID:
	case OVSDB_N_TYPES:
	default:
		break;
	}
}

static void vsctl_atom_to_bare(const union ovsdb_atom *atom,
			       enum ovsdb_atomic_type type, struct vstr *out)
{
	if (type == OVSDB_TYPE_STRING)
		vstr_put(out, atom->string);
	else
		vsctl_atom_to_string(atom, type, out);
}

static void vsctl_datum_format(const struct ovsdb_datum *d,
			       const struct ovsdb_type *type, bool bare,
			       struct vstr *out)
{
	bool is_map = ovsdb_type_is_map(type);
	bool brackets = !bare && (type->n_max > 1 || !d->n);
	void (*atom)(const union ovsdb_atom *, enum ovsdb_atomic_type,
		     struct vstr *) = bare ? vsctl_atom_to_bare
					   : vsctl_atom_to_string;

	if (brackets)
		vstr_putc(out, is_map ? '{' : '[');
	for (size_t i = 0; i < d->n; i++) {
		if (i)
			vstr_put(out, bare ? " " : ", ");
		atom(&d->keys[i], type->key.type, out);
		if (is_map) {
			vstr_putc(out, '=');
			atom(&d->values[i], type->value.type, out);
		}
	}
	if (brackets)
		vstr_putc(out, is_map ? '}' : ']');
	vstr_put(out, "");
}

void vsctl_datum_to_string(const struct ovsdb_datum *d,
			   const struct ovsdb_type *type, struct vstr *out)
{
	vsctl_datum_format(d, type, false, out);
}

void vsctl_datum_to_bare(const struct ovsdb_datum *d,
			 const struct ovsdb_type *type, struct vstr *out)
{
	vsctl_datum_format(d, type, true, out);
}

static int vsctl_fold(int c)
{
	return c == '-' ? '_' : tolower(c);
}

/* How well 's' names 'name': UINT_MAX exact, UINT_MAX - 1 equal but for
 * case and '-', the prefix length for a prefix, 0 for no match. */
static unsigned int vsctl_match_score(const char *name, const char *s)
{
	unsigned int score;

	if (!strcmp(name, s))
		return UINT_MAX;
	for (score = 0; vsctl_fold((unsigned char) name[score])
			== vsctl_fold((unsigned char) s[score]); score++)
		if (!name[score])
			return UINT_MAX - 1;
	return s[score] ? 0 : score;
}

/* Picks the best-scoring of 'n' names; 'what' words the errors. */
static char *vsctl_best_match(const char *const *names, size_t n,
			      const char *s, size_t *index, const char *none,
			      const char *several)
{
	unsigned int best = 0;
	size_t n_best = 0;
	struct vstr list = { 0 };

	for (size_t i = 0; i < n; i++) {
		unsigned int score = vsctl_match_score(names[i], s);
		if (!score || score < best)
			continue;
		if (score > best)
			n_best = 0;
		best = score;
		n_best++;
		*index = i;
	}
	if (!n_best)
		return xasprintf("%s", none);
	if (n_best == 1)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (vsctl_match_score(names[i], s) != best)
			continue;
		vstr_printf(&list, "%s%s", list.len ? ", " : "", names[i]);
	}
	char *error = xasprintf("%s: %s", several, list.s);
	vstr_free(&list);
	return error;
}

char *vsctl_find_column(const struct ovsdb_table_schema *ts,
			const char *name, const struct ovsdb_column **column)
{
	size_t n = ts->n_columns - OVSDB_N_STD_COLUMNS;
	const char **names = xcalloc(n + 1, sizeof *names);
	size_t index = 0;
	char *none, *several, *error;

	/* _uuid and _version are not columns one may name here. */
	for (size_t i = 0; i < n; i++)
		names[i] = ts->columns[i + OVSDB_N_STD_COLUMNS]->name;
	none = xasprintf("%s does not contain a column whose name matches "
			 "\"%s\"", ts->name, name);
	several = xasprintf("%s contains more than one column whose name "
			    "matches \"%s\"", ts->name, name);
	error = vsctl_best_match(names, n, name, &index, none, several);
	*column = error ? NULL : ts->columns[index + OVSDB_N_STD_COLUMNS];
	free(none);
	free(several);
	free(names);
	return error;
}

char *vsctl_find_table(const struct ovsdb_schema *schema, const char *name,
		       const struct ovsdb_table_schema **table)
{
	const char **names = xcalloc(schema->n_tables + 1, sizeof *names);
	size_t index = 0;
	char *none, *several, *error;

	for (size_t i = 0; i < schema->n_tables; i++)
		names[i] = schema->tables[i]->name;
	none = xasprintf("unknown table \"%s\"", name);
	several = xasprintf("\"%s\" matches multiple table names", name);
	error = vsctl_best_match(names, schema->n_tables, name, &index, none,
				 several);
	*table = error ? NULL : schema->tables[index];
	free(none);
	free(several);
	free(names);
	return error;
}

static char *vsctl_missing_op(const char *arg, const char *const *ops,
			      size_t n_ops)
{
	struct vstr s = { 0 };

	vstr_printf(&s, "%s: argument does not end in ", arg);
	for (size_t i = 0; i < n_ops; i++) {
		if (i)
			vstr_put(&s, i == n_ops - 1 ? (n_ops > 2 ? ", or " : " or ")
						     : ", ");
		vstr_printf(&s, "\"%s\"", ops[i]);
	}
	vstr_printf(&s, " followed by a value.");
	return s.s;
}

void vsctl_ckv_free(struct vsctl_ckv *ckv)
{
	free(ckv->key);
	free(ckv->value);
	ckv->key = ckv->value = NULL;
}

char *vsctl_parse_ckv(const char *arg, const struct ovsdb_table_schema *ts,
		      const char *const *ops, size_t n_ops,
		      struct vsctl_ckv *ckv)
{
	const char *p = arg;
	char *name, *error;

	memset(ckv, 0, sizeof *ckv);
	ckv->op = -1;
	error = vsctl_token_parse(&p, &name);
	if (error)
		return error;
	if (!*name) {
		free(name);
		return xasprintf("%s: missing column name", arg);
	}
	error = vsctl_find_column(ts, name, &ckv->column);
	free(name);
	if (!error && *p == ':') {
		p++;
		error = vsctl_token_parse(&p, &ckv->key);
	}
	if (error)
		goto fail;
	if (!ops) {
		if (*p) {
			error = xasprintf("%s: trailing garbage \"%s\" in "
					  "argument", arg, p);
			goto fail;
		}
		return NULL;
	}
	size_t best_len = 0;
	for (size_t i = 0; i < n_ops; i++) {
		size_t len = strlen(ops[i]);
		if (len > best_len && !strncmp(ops[i], p, len) && p[len]) {
			best_len = len;
			ckv->op = (int) i;
		}
	}
	if (ckv->op < 0) {
		error = vsctl_missing_op(arg, ops, n_ops);
		goto fail;
	}
	ckv->value = xstrdup(p + best_len);
	return NULL;
fail:
	vsctl_ckv_free(ckv);
	ckv->column = NULL;
	return error;
}
