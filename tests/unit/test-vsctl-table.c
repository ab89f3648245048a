/* weir-vsctl's record tables in each output format and data style; the
 * expected text is what Debian's ovs-vsctl 3.1 prints for the same rows
 * ("list bridge" with --format, --data, --no-headings, --pretty). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "vsctl.h"

static struct ovsdb_type string_type, map_type, set_type;

/* Two rows of name, other_config, flood_vlans. */
static struct vsctl_table *sample(void)
{
	struct vsctl_table *t = vsctl_table_create();
	union ovsdb_atom k[2] = { { .string = "x" }, { .string = "y" } };
	union ovsdb_atom v[2] = { { .string = "a b" }, { .string = "1" } };
	union ovsdb_atom n[2] = { { .string = "br0" }, { .string = "brt" } };
	union ovsdb_atom vl[2] = { { .integer = 1 }, { .integer = 2 } };
	struct ovsdb_datum map = { 2, k, v }, empty_map = { 0, NULL, NULL };
	struct ovsdb_datum set = { 2, vl, NULL }, empty_set = { 0, 0, 0 };

	vsctl_table_add_column(t, "name");
	vsctl_table_add_column(t, "other_config");
	vsctl_table_add_column(t, "flood_vlans");
	for (int r = 0; r < 2; r++) {
		struct ovsdb_datum name = { 1, &n[r], NULL };
		vsctl_table_add_row(t);
		vsctl_table_add_datum(t, &name, &string_type);
		vsctl_table_add_datum(t, r ? &empty_map : &map, &map_type);
		vsctl_table_add_datum(t, r ? &empty_set : &set, &set_type);
	}
	return t;
}

static void check_format(enum vsctl_format f, enum vsctl_data d,
			 bool headings, bool pretty, const char *want)
{
	struct vsctl_style style = { f, d, headings, pretty };
	struct vsctl_table *t = sample();
	struct vstr out = { 0 };
	bool first = true;

	vsctl_table_format(t, &style, &first, &out);
	assert_string_equal(vstr_cstr(&out), want);
	vstr_free(&out);
	vsctl_table_destroy(t);
}

static void test_list(void **state)
{
	(void) state;
	check_format(VF_LIST, VD_STRING, true, false,
		     "name                : br0\n"
		     "other_config        : {x=\"a b\", y=\"1\"}\n"
		     "flood_vlans         : [1, 2]\n"
		     "\n"
		     "name                : brt\n"
		     "other_config        : {}\n"
		     "flood_vlans         : []\n");
}

static void test_bare(void **state)
{
	(void) state;
	check_format(VF_LIST, VD_BARE, false, false,
		     "br0\nx=a b y=1\n1 2\n\nbrt\n\n\n");
}

static void test_table(void **state)
{
	(void) state;
	check_format(VF_TABLE, VD_STRING, true, false,
		     "name other_config     flood_vlans\n"
		     "---- ---------------- -----------\n"
		     "br0  {x=\"a b\", y=\"1\"} [1, 2]\n"
		     "brt  {}               []\n");
	check_format(VF_TABLE, VD_STRING, false, false,
		     "br0 {x=\"a b\", y=\"1\"} [1, 2]\n"
		     "brt {}               []\n");
}

static void test_csv(void **state)
{
	(void) state;
	check_format(VF_CSV, VD_STRING, true, false,
		     "name,other_config,flood_vlans\n"
		     "br0,\"{x=\"\"a b\"\", y=\"\"1\"\"}\",\"[1, 2]\"\n"
		     "brt,{},[]\n");
}

static void test_json(void **state)
{
	(void) state;
	check_format(VF_JSON, VD_STRING, true, false,
		     "{\"data\":[[\"br0\",[\"map\",[[\"x\",\"a b\"],[\"y\","
		     "\"1\"]]],[\"set\",[1,2]]],[\"brt\",[\"map\",[]],"
		     "[\"set\",[]]]],\"headings\":[\"name\",\"other_config\","
		     "\"flood_vlans\"]}\n");
}

static void test_json_pretty(void **state)
{
	(void) state;
	check_format(VF_JSON, VD_STRING, true, true,
		     "{\n"
		     "  \"data\": [\n"
		     "    [\n"
		     "      \"br0\",\n"
		     "      [\n"
		     "        \"map\",\n"
		     "        [\n"
		     "          [\n"
		     "            \"x\",\n"
		     "            \"a b\"],\n"
		     "          [\n"
		     "            \"y\",\n"
		     "            \"1\"]]],\n"
		     "      [\n"
		     "        \"set\",\n"
		     "        [\n"
		     "          1,\n"
		     "          2]]],\n"
		     "    [\n"
		     "      \"brt\",\n"
		     "      [\n"
		     "        \"map\",\n"
		     "        []],\n"
		     "      [\n"
		     "        \"set\",\n"
		     "        []]]],\n"
		     "  \"headings\": [\n"
		     "    \"name\",\n"
		     "    \"other_config\",\n"
		     "    \"flood_vlans\"]}\n");
}

static void test_html(void **state)
{
	(void) state;
	check_format(VF_HTML, VD_STRING, true, false,
		     "<table border=1>\n"
		     "  <tr>\n"
		     "    <th>name</th>\n"
		     "    <th>other_config</th>\n"
		     "    <th>flood_vlans</th>\n"
		     "  </tr>\n"
		     "  <tr>\n"
		     "    <td>br0</td>\n"
		     "    <td>{x=&quot;a b&quot;, y=&quot;1&quot;}</td>\n"
		     "    <td>[1, 2]</td>\n"
		     "  </tr>\n"
		     "  <tr>\n"
		     "    <td>brt</td>\n"
		     "    <td>{}</td>\n"
		     "    <td>[]</td>\n"
		     "  </tr>\n"
		     "</table>\n");
}

static void test_data_json(void **state)
{
	(void) state;
	check_format(VF_LIST, VD_JSON, true, false,
		     "name                : \"br0\"\n"
		     "other_config        : [\"map\",[[\"x\",\"a b\"],"
		     "[\"y\",\"1\"]]]\n"
		     "flood_vlans         : [\"set\",[1,2]]\n"
		     "\n"
		     "name                : \"brt\"\n"
		     "other_config        : [\"map\",[]]\n"
		     "flood_vlans         : [\"set\",[]]\n");
}

/* A second table is set apart from the first by a blank line. */
static void test_second_table(void **state)
{
	struct vsctl_style style = { VF_LIST, VD_STRING, true, false };
	struct vsctl_table *t = vsctl_table_create();
	struct vstr out = { 0 };
	bool first = false;

	(void) state;
	vsctl_table_add_column(t, "name");
	vsctl_table_add_row(t);
	vsctl_table_add_text(t, "p1");
	vsctl_table_format(t, &style, &first, &out);
	assert_string_equal(vstr_cstr(&out), "\nname                : p1\n");
	vstr_free(&out);
	vsctl_table_destroy(t);
}

static void test_format_names(void **state)
{
	enum vsctl_format f;
	enum vsctl_data d;

	(void) state;
	assert_true(vsctl_parse_format("csv", &f));
	assert_int_equal(f, VF_CSV);
	assert_false(vsctl_parse_format("xml", &f));
	assert_true(vsctl_parse_data("bare", &d));
	assert_int_equal(d, VD_BARE);
	assert_false(vsctl_parse_data("", &d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_bare),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_pretty),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_data_json),
		cmocka_unit_test(test_second_table),
		cmocka_unit_test(test_format_names),
	};

	ovsdb_type_init(&string_type, OVSDB_TYPE_STRING);
	ovsdb_type_init(&map_type, OVSDB_TYPE_STRING);
	ovsdb_base_type_init(&map_type.value, OVSDB_TYPE_STRING);
	map_type.n_min = 0;
	map_type.n_max = OVSDB_UNLIMITED;
	ovsdb_type_init(&set_type, OVSDB_TYPE_INTEGER);
	set_type.n_min = 0;
	set_type.n_max = 4096;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
