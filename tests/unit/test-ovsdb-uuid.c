/* uuids (generation, text form, order), OVSDB errors (tags, context,
 * JSON form) and the strict JSON helpers (identifiers, UTF-8). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ovsdb-parser.h"
#include "tests/unit/ovsdb-check.h"
#include "uuid.h"

static void test_uuid_generate(void **state)
{
	struct uuid a, b;
	char text[UUID_LEN + 1];

	(void) state;
	uuid_generate(&a);
	uuid_generate(&b);
	assert_false(uuid_equals(&a, &b));
	assert_false(uuid_is_zero(&a));
	uuid_format(&a, text);
	assert_int_equal(strlen(text), UUID_LEN);
	assert_int_equal(text[14], '4');		/* version 4 */
	assert_non_null(strchr("89ab", text[19]));	/* RFC 4122 variant */
}

static void test_uuid_text(void **state)
{
	struct uuid u, v;
	char text[UUID_LEN + 1];

	(void) state;
	assert_true(uuid_from_string(&u,
				     "0123ABCD-4567-89ab-cdef-0011223344ff"));
	assert_int_equal(u.parts[0], 0x0123abcd);
	assert_int_equal(u.parts[1], 0x456789ab);
	assert_int_equal(u.parts[2], 0xcdef0011);
	assert_int_equal(u.parts[3], 0x223344ff);
	uuid_format(&u, text);
	assert_string_equal(text, "0123abcd-4567-89ab-cdef-0011223344ff");
	assert_true(uuid_from_string(&v, text));
	assert_true(uuid_equals(&u, &v));

	assert_false(uuid_is_valid_string(""));
	assert_false(uuid_is_valid_string(
		"0123abcd-4567-89ab-cdef-0011223344f"));
	assert_false(uuid_is_valid_string(
		"0123abcd-4567-89ab-cdef-0011223344ff0"));
	assert_false(uuid_is_valid_string(
		"0123abcd_4567-89ab-cdef-0011223344ff"));
	assert_false(uuid_is_valid_string(
		"0123abcg-4567-89ab-cdef-0011223344ff"));
	assert_false(uuid_is_valid_string(
		"{123abcd-4567-89ab-cdef-0011223344ff"));
}

static void test_uuid_order(void **state)
{
	struct uuid z, a, b;

	(void) state;
	uuid_zero(&z);
	assert_true(uuid_is_zero(&z));
	assert_true(uuid_from_string(&a,
				     "00000000-0000-0000-0000-000000000001"));
	assert_true(uuid_from_string(&b,
				     "10000000-0000-0000-0000-000000000000"));
	assert_true(uuid_compare(&z, &a) < 0);
	assert_true(uuid_compare(&a, &b) < 0);
	assert_true(uuid_compare(&b, &a) > 0);
	assert_int_equal(uuid_compare(&a, &a), 0);
	assert_int_equal(uuid_hash(&a), uuid_hash(&a));
}

static void test_error_basics(void **state)
{
	struct ovsdb_error *e, *c;
	json_t *json;
	char *s;

	(void) state;
	e = ovsdb_error(OVSDB_E_CONSTRAINT, "value %d is bad", 7);
	assert_string_equal(ovsdb_error_tag(e), "constraint violation");
	assert_string_equal(ovsdb_error_details(e), "value 7 is bad");
	e = ovsdb_error_wrap(e, "column %s in table %s", "tag", "Port");
	assert_string_equal(ovsdb_error_details(e),
			    "column tag in table Port: value 7 is bad");
	json = ovsdb_error_to_json(e);
	assert_json_text(json, "{\"details\":\"column tag in table Port: "
			 "value 7 is bad\",\"error\":\"constraint violation\"}");
	json_decref(json);
	s = ovsdb_error_to_string(e);
	assert_string_equal(s, "constraint violation: column tag in table "
			    "Port: value 7 is bad");
	free(s);
	c = ovsdb_error_clone(e);
	ovsdb_error_destroy(e);
	assert_string_equal(ovsdb_error_tag(c), "constraint violation");
	ovsdb_error_destroy(c);
	assert_null(ovsdb_error_wrap(NULL, "ignored"));
	/* Bytes that are not UTF-8 cannot go into JSON as they are. */
	e = ovsdb_error(OVSDB_E_SYNTAX, "bad name a\xff" "b");
	json = ovsdb_error_to_json(e);
	assert_json_text(json, "{\"details\":\"bad name a?b\","
			 "\"error\":\"syntax error\"}");
	json_decref(json);
	ovsdb_error_destroy(e);
	ovsdb_error_destroy(NULL);
}

static void test_error_tags(void **state)
{
	static const char *const tags[] = {
		OVSDB_E_SYNTAX, OVSDB_E_CONSTRAINT, OVSDB_E_REFERENTIAL,
		OVSDB_E_DOMAIN, OVSDB_E_RANGE, OVSDB_E_RESOURCES,
		OVSDB_E_NOT_SUPPORTED, OVSDB_E_TIMED_OUT, OVSDB_E_ABORTED,
		OVSDB_E_NOT_OWNER, OVSDB_E_UNKNOWN_DB,
	};
	static const char *const rfc[] = {
		"syntax error", "constraint violation",
		"referential integrity violation", "domain error",
		"range error", "resources exhausted", "not supported",
		"timed out", "aborted", "not owner", "unknown database",
	};

	(void) state;
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		assert_string_equal(tags[i], rfc[i]);
}

static void test_syntax_error_abbrev(void **state)
{
	char big[300];
	json_t *json;

	(void) state;
	memset(big, 'q', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	json = json_pack("[s]", big);
	struct ovsdb_error *e = ovsdb_syntax_error(json, "bad %s", "thing");
	assert_string_equal(ovsdb_error_tag(e), "syntax error");
	assert_true(strncmp(ovsdb_error_details(e), "bad thing (in [\"qqq",
			    19) == 0);
	assert_true(strlen(ovsdb_error_details(e)) < 100);
	assert_non_null(strstr(ovsdb_error_details(e), "...)"));
	ovsdb_error_destroy(e);
	json_decref(json);
}

static void test_is_id(void **state)
{
	(void) state;
	assert_true(ovsdb_is_id("a"));
	assert_true(ovsdb_is_id("_x9"));
	assert_true(ovsdb_is_id("Open_vSwitch"));
	assert_false(ovsdb_is_id(""));
	assert_false(ovsdb_is_id("9a"));
	assert_false(ovsdb_is_id("a-b"));
	assert_false(ovsdb_is_id("a b"));
}

static void test_utf8(void **state)
{
	size_t n;

	(void) state;
	assert_true(ovsdb_utf8_length("", 0, &n));
	assert_int_equal(n, 0);
	assert_true(ovsdb_utf8_length("h\xc3\xa9llo", 6, &n));
	assert_int_equal(n, 5);
	assert_true(ovsdb_utf8_length("\xf0\x9f\x98\x80", 4, &n));
	assert_int_equal(n, 1);
	assert_false(ovsdb_utf8_length("\xc0\xaf", 2, &n));	/* overlong */
	assert_false(ovsdb_utf8_length("\xed\xa0\x80", 3, &n)); /* surrogate */
	assert_false(ovsdb_utf8_length("\xf4\x90\x80\x80", 4, &n));
	assert_false(ovsdb_utf8_length("\xc3", 1, &n));	/* truncated */
	assert_false(ovsdb_utf8_length("a\0b", 3, &n));	/* NUL */
	assert_false(ovsdb_utf8_length("\xff", 1, &n));
}

static void test_parser_members(void **state)
{
	static const char *const allowed[] = { "a", "b", NULL };
	const json_t *v;
	json_t *obj;

	(void) state;
	obj = J("{\"a\": 1, \"b\": \"x\"}");
	assert_ok(ovsdb_parser_check_members(obj, "thing", allowed));
	assert_ok(ovsdb_parser_member(obj, "thing", "a", OP_INTEGER, &v));
	assert_int_equal(json_integer_value(v), 1);
	assert_ok(ovsdb_parser_member(obj, "thing", "c",
				      OP_INTEGER | OP_OPTIONAL, &v));
	assert_null(v);
	assert_ovsdb_error(ovsdb_parser_member(obj, "thing", "c", OP_INTEGER,
					       &v), "syntax error",
			   "thing: required member \"c\" is missing", NULL);
	assert_ovsdb_error(ovsdb_parser_member(obj, "thing", "b", OP_NUMBER,
					       &v), "syntax error",
			   "member \"b\" must be a number", NULL);
	json_object_set_new(obj, "z", json_null());
	assert_ovsdb_error(ovsdb_parser_check_members(obj, "thing", allowed),
			   "syntax error", "member \"z\" is not allowed", NULL);
	json_decref(obj);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uuid_generate),
		cmocka_unit_test(test_uuid_text),
		cmocka_unit_test(test_uuid_order),
		cmocka_unit_test(test_error_basics),
		cmocka_unit_test(test_error_tags),
		cmocka_unit_test(test_syntax_error_abbrev),
		cmocka_unit_test(test_is_id),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_parser_members),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
