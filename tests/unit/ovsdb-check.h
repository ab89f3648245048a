/* Helpers for the OVSDB unit tests: JSON from text, and errors checked
 * by tag and by what their details say. */
#ifndef WEIR_TESTS_UNIT_OVSDB_CHECK_H
#define WEIR_TESTS_UNIT_OVSDB_CHECK_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ovsdb-error.h"
#include "ovsdb-schema.h"
#include "tests/ovsdb/test-schema.h"
#include "tests/unit/temp-file.h"

static inline json_t *J(const char *text)
{
	json_error_t err;
	json_t *json = json_loads(text, JSON_DECODE_ANY, &err);

	if (!json)
		fail_msg("bad test JSON %s: %s", text, err.text);
	return json;
}

/* Compact text with sorted keys, to compare with an expected string. */
static inline void assert_json_text(json_t *json, const char *expected)
{
	char *text = json_dumps(json, JSON_COMPACT | JSON_SORT_KEYS |
				JSON_ENCODE_ANY);

	assert_non_null(text);
	assert_string_equal(text, expected);
	free(text);
}

/* Checks and destroys 'error': its tag, and that its details contain
 * each NULL-terminated fragment. */
static inline void assert_ovsdb_error(struct ovsdb_error *error,
				      const char *tag, ...)
{
	const char *frag;
	va_list args;

	assert_non_null(error);
	assert_string_equal(ovsdb_error_tag(error), tag);
	va_start(args, tag);
	while ((frag = va_arg(args, const char *)))
		if (!strstr(ovsdb_error_details(error), frag))
			fail_msg("details \"%s\" lack \"%s\"",
				 ovsdb_error_details(error), frag);
	va_end(args);
	ovsdb_error_destroy(error);
}

static inline void assert_ok(struct ovsdb_error *error)
{
	if (error) {
		char *s = ovsdb_error_to_string(error);

		fail_msg("unexpected error: %s", s);
	}
}

/* Whether the real ovsdb-tool refuses schema 'text' too (true when it is
 * not installed). */
static inline bool ovsdb_tool_refuses(const char *text)
{
	char path[64], cmd[256];
	int fd, status;

	if (system("command -v ovsdb-tool >/dev/null 2>&1"))
		return true;
	fd = temp_file(path, sizeof path, "odb-bad");
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t) strlen(text));
	close(fd);
	snprintf(cmd, sizeof cmd, "ovsdb-tool schema-name %s >/dev/null 2>&1",
		 path);
	status = system(cmd);
	unlink(path);
	return status != 0;
}

/* The schema as the real ovsdb-tool serializes it: the first record of
 * a database it creates.  NULL when ovsdb-tool is not installed. */
static inline json_t *ovsdb_tool_canonical(const char *schema_path)
{
	char dir[64], db[96], cmd[512], *line = NULL;
	size_t cap = 0;
	json_t *json = NULL;
	FILE *f;

	if (system("command -v ovsdb-tool >/dev/null 2>&1"))
		return NULL;
	assert_non_null(temp_dir(dir, sizeof dir, "odb"));
	snprintf(db, sizeof db, "%s/db", dir);
	snprintf(cmd, sizeof cmd, "ovsdb-tool create %s %s", db, schema_path);
	assert_int_equal(system(cmd), 0);
	f = fopen(db, "r");
	assert_non_null(f);
	/* "OVSDB JSON <length> <hash>", then the schema. */
	assert_true(getline(&line, &cap, f) > 0);
	assert_true(strncmp(line, "OVSDB JSON ", 11) == 0);
	assert_true(getline(&line, &cap, f) > 0);
	json = J(line);
	fclose(f);
	free(line);
	unlink(db);
	snprintf(db, sizeof db, "%s/.db.~lock~", dir);
	unlink(db);
	rmdir(dir);
	return json;
}

static inline struct ovsdb_schema *test_schema(void)
{
	struct ovsdb_schema *schema;
	json_t *json = J(OVSDB_TEST_SCHEMA);

	assert_ok(ovsdb_schema_from_json(json, &schema));
	json_decref(json);
	return schema;
}

#endif /* WEIR_TESTS_UNIT_OVSDB_CHECK_H */
