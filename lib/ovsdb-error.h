/* OVSDB errors (RFC 7047 section 3.1): a tag naming the kind of error and a
 * human-readable detail that says which table, column or value is at
 * fault.  Functions that can fail return a struct ovsdb_error *, NULL on
 * success; the caller owns a returned error. */
#ifndef WEIR_OVSDB_ERROR_H
#define WEIR_OVSDB_ERROR_H 1

#include <jansson.h>
#include <stdarg.h>

/* The tags the RFC defines, and a few more that ovsdb-server uses. */
#define OVSDB_E_SYNTAX          "syntax error"
#define OVSDB_E_CONSTRAINT      "constraint violation"
#define OVSDB_E_REFERENTIAL     "referential integrity violation"
#define OVSDB_E_DOMAIN          "domain error"
#define OVSDB_E_RANGE           "range error"
#define OVSDB_E_RESOURCES       "resources exhausted"
#define OVSDB_E_NOT_SUPPORTED   "not supported"
#define OVSDB_E_TIMED_OUT       "timed out"
#define OVSDB_E_ABORTED         "aborted"
#define OVSDB_E_NOT_OWNER       "not owner"
#define OVSDB_E_UNKNOWN_DB      "unknown database"
#define OVSDB_E_UNKNOWN_COLUMN  "unknown column"
#define OVSDB_E_UNKNOWN_TABLE   "unknown table"
#define OVSDB_E_UNKNOWN_FUNCTION "unknown function"
#define OVSDB_E_UNKNOWN_MUTATOR "unknown mutator"

struct ovsdb_error {
	char *tag;
	char *details;		/* never NULL */
};

struct ovsdb_error *ovsdb_error(const char *tag, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
struct ovsdb_error *ovsdb_error_valist(const char *tag, const char *fmt,
				       va_list);
/* A "syntax error" whose details end with the offending JSON, abridged. */
struct ovsdb_error *ovsdb_syntax_error(const json_t *json, const char *fmt,
				       ...)
	__attribute__((format(printf, 2, 3)));
void ovsdb_error_destroy(struct ovsdb_error *);
struct ovsdb_error *ovsdb_error_clone(const struct ovsdb_error *);

const char *ovsdb_error_tag(const struct ovsdb_error *);
const char *ovsdb_error_details(const struct ovsdb_error *);

/* Puts context in front of the details: "<context>: <details>".  Returns
 * 'error' (NULL stays NULL, so it can wrap any call). */
struct ovsdb_error *ovsdb_error_wrap(struct ovsdb_error *error,
				     const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* {"error": tag, "details": details} */
json_t *ovsdb_error_to_json(const struct ovsdb_error *);
/* "tag: details", for logs and command-line tools. */
char *ovsdb_error_to_string(const struct ovsdb_error *);

/* Compact JSON text of 'json', cut to about 'max' bytes with "..." when
 * longer: for naming a value in an error. */
char *ovsdb_json_abbrev(const json_t *json, size_t max);

#endif /* WEIR_OVSDB_ERROR_H */
