/* OVSDB error values. */
#include "ovsdb-error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static char *ovsdb_vasprintf(const char *fmt, va_list args)
{
	char *s;

	if (vasprintf(&s, fmt, args) < 0)
		abort();
	return s;
}

struct ovsdb_error *ovsdb_error_valist(const char *tag, const char *fmt,
				       va_list args)
{
	struct ovsdb_error *error = xcalloc(1, sizeof *error);

	error->tag = xstrdup(tag);
	error->details = ovsdb_vasprintf(fmt, args);
	return error;
}

struct ovsdb_error *ovsdb_error(const char *tag, const char *fmt, ...)
{
	struct ovsdb_error *error;
	va_list args;

	va_start(args, fmt);
	error = ovsdb_error_valist(tag, fmt, args);
	va_end(args);
	return error;
}

char *ovsdb_json_abbrev(const json_t *json, size_t max)
{
	char *text = json ? json_dumps(json, JSON_COMPACT | JSON_ENCODE_ANY)
			  : NULL;

	if (!text)
		return xstrdup("null");
	if (max >= 4 && strlen(text) > max) {
		/* Cut at a UTF-8 character boundary. */
		size_t cut = max - 3;

		while (cut && (text[cut] & 0xc0) == 0x80)
			cut--;
		memcpy(text + cut, "...", 4);
	}
	return text;
}

struct ovsdb_error *ovsdb_syntax_error(const json_t *json, const char *fmt,
				       ...)
{
	struct ovsdb_error *error;
	va_list args;

	va_start(args, fmt);
	error = ovsdb_error_valist(OVSDB_E_SYNTAX, fmt, args);
	va_end(args);
	if (json) {
		char *text = ovsdb_json_abbrev(json, 80);
		char *details = xasprintf("%s (in %s)", error->details, text);

		free(text);
		free(error->details);
		error->details = details;
	}
	return error;
}

void ovsdb_error_destroy(struct ovsdb_error *error)
{
	if (!error)
		return;
	free(error->tag);
	free(error->details);
	free(error);
}

struct ovsdb_error *ovsdb_error_clone(const struct ovsdb_error *src)
{
	struct ovsdb_error *error = xcalloc(1, sizeof *error);

	error->tag = xstrdup(src->tag);
	error->details = xstrdup(src->details);
	return error;
}

const char *ovsdb_error_tag(const struct ovsdb_error *error)
{
	return error->tag;
}

const char *ovsdb_error_details(const struct ovsdb_error *error)
{
	return error->details;
}

struct ovsdb_error *ovsdb_error_wrap(struct ovsdb_error *error,
				     const char *fmt, ...)
{
	va_list args;
	char *context, *details;

	if (!error)
		return NULL;
	va_start(args, fmt);
	context = ovsdb_vasprintf(fmt, args);
	va_end(args);
	details = xasprintf("%s: %s", context, error->details);
	free(context);
	free(error->details);
	error->details = details;
	return error;
}

/* A JSON string of 's', with '?' for any byte that is not valid UTF-8 (a
 * name taken from unchecked input must not make the reply unsendable). */
static json_t *ovsdb_json_text(const char *s)
{
	json_t *json = json_string(s);
	char *copy;

	if (json)
		return json;
	copy = xstrdup(s);
	for (char *p = copy; *p; p++)
		if ((unsigned char) *p >= 0x80)
			*p = '?';
	json = json_string(copy);
	free(copy);
	return json;
}

json_t *ovsdb_error_to_json(const struct ovsdb_error *error)
{
	json_t *json = json_object();

	json_object_set_new(json, "error", ovsdb_json_text(error->tag));
	json_object_set_new(json, "details", ovsdb_json_text(error->details));
	return json;
}

char *ovsdb_error_to_string(const struct ovsdb_error *error)
{
	return xasprintf("%s: %s", error->tag, error->details);
}
