/* The storage log's JSON writer: the same bytes as jansson's compact
 * dump for every kind of value (escapes, UTF-8, reals, NUL bytes, key
 * order), the same refusals, and what jansson would not parse back; and
 * the uuid digits it writes. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "json-text.h"
#include "ovsdb-data.h"
#include "uuid.h"

static void assert_same(json_t *json)
{
	char *want = json_dumps(json, JSON_COMPACT | JSON_ENCODE_ANY);
	struct json_text t;

	json_text_init(&t);
	assert_non_null(want);
	assert_int_equal(json_text_dump(&t, json), 0);
	assert_int_equal(t.len, strlen(want));
	assert_memory_equal(t.p, want, t.len);
	assert_null(t.unreadable);
	json_text_destroy(&t);
	free(want);
	json_decref(json);
}

static void test_scalars(void **state)
{
	static const double reals[] = { 1.0, 1e20, 1e-5, 0.1, -0.0, 1.5e300 };

	(void) state;
	assert_same(json_null());
	assert_same(json_true());
	assert_same(json_false());
	assert_same(json_integer(0));
	assert_same(json_integer(INT64_MIN));
	assert_same(json_integer(INT64_MAX));
	for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++)
		assert_same(json_real(reals[i]));
	assert_same(json_string(""));
	assert_same(json_string("plain / text ~"));
	assert_same(json_string("\"q\" \\ \b\f\n\r\t \x01\x1f \x7f"));
	assert_same(json_string("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
	assert_same(json_stringn("a\0b", 3));
}

static void test_containers(void **state)
{
	json_t *o = json_object();

	(void) state;
	assert_same(json_array());
	assert_same(json_object());
	/* Insertion order, not sorted. */
	json_object_set_new(o, "zeta", json_integer(1));
	json_object_set_new(o, "alpha", json_pack("[s,[[s,i],[s,b]]]", "map",
						  "k\n", 2, "v", 1));
	json_object_set_new(o, "m\xc3\xa9", json_pack("{s:n,s:{}}", "x", "y"));
	assert_same(o);
}

static void test_refusals(void **state)
{
	json_t *bad = json_stringn_nocheck("\xff\xfe", 2);
	json_t *surrogate = json_stringn_nocheck("\xed\xa0\x80", 3);
	json_t *key = json_object();
	struct json_text t;

	(void) state;
	json_text_init(&t);
	assert_int_equal(json_text_dump(&t, bad), -1);
	assert_null(json_dumps(bad, JSON_COMPACT | JSON_ENCODE_ANY));
	assert_int_equal(json_text_dump(&t, surrogate), -1);
	json_object_setn_new(key, "a\0b", 3, json_integer(1));
	assert_int_equal(json_text_dump(&t, key), 0);
	assert_string_equal(t.p, "{\"a\\u0000b\":1}");
	assert_string_equal(t.unreadable,
			    "NUL byte in object key not supported");
	json_text_destroy(&t);
	json_decref(bad);
	json_decref(surrogate);
	json_decref(key);
}

/* Nested 'levels' deep, with a scalar or an empty array innermost. */
static json_t *nest(int levels, bool scalar)
{
	json_t *j = scalar ? json_integer(7) : json_array();

	for (int i = 1; i < levels; i++) {
		json_t *outer = json_array();

		json_array_append_new(outer, j);
		j = outer;
	}
	return j;
}

static void test_depth(void **state)
{
	(void) state;
	for (int levels = 2046; levels <= 2050; levels++) {
		for (int scalar = 0; scalar < 2; scalar++) {
			json_t *j = nest(levels, scalar);
			char *s = json_dumps(j, JSON_COMPACT);
			json_error_t e;
			json_t *back = json_loads(s, JSON_DECODE_ANY, &e);
			struct json_text t;

			json_text_init(&t);
			assert_int_equal(json_text_dump(&t, j), 0);
			assert_string_equal(t.p, s);
			if (back)
				assert_null(t.unreadable);
			else
				assert_string_equal(t.unreadable,
					"maximum parsing depth reached");
			json_text_destroy(&t);
			json_decref(back);
			json_decref(j);
			free(s);
		}
	}
}

/* The uuid digits a log record and a monitor update carry: what
 * uuid_format() writes, without printf. */
static void test_uuid_chars(void **state)
{
	struct uuid u = { { 0x01234567, 0x89abcdef, 0xfedcba98, 0x76543210 } };
	char want[UUID_LEN + 1], got[UUID_LEN + 1] = "";

	(void) state;
	ovsdb_uuid_to_chars(&u, got);
	assert_string_equal(got, "01234567-89ab-cdef-fedc-ba9876543210");
	for (int i = 0; i < 1000; i++) {
		uuid_generate(&u);
		uuid_format(&u, want);
		ovsdb_uuid_to_chars(&u, got);
		assert_string_equal(got, want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_containers),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_uuid_chars),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
