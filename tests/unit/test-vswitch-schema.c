/* vswitchd/vswitch.ovsschema read with jansson alone: it is JSON, every
 * part of it has the shape RFC 7047 section 3.2 gives a schema, every
 * reference names a table that exists, every table a root can reach, and
 * the tables and columns the clients need are there with their types.  The
 * checker is itself shown to refuse each kind of mistake. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#ifndef VSWITCH_SCHEMA
#error "VSWITCH_SCHEMA names the schema file"
#endif

/* ---- the checker ---- */

struct check {
	const json_t *tables;
	char error[512];
};

static bool bad(struct check *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool bad(struct check *c, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(c->error, sizeof c->error, fmt, args);
	va_end(args);
	return false;
}

/* <id>: a letter or "_", then letters, digits and "_". */
static bool is_id(const char *s)
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

static bool is_atomic(const char *s)
{
	static const char *const types[] = {
		"integer", "real", "boolean", "string", "uuid",
	};

	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (!strcmp(s, types[i]))
			return true;
	return false;
}

static bool atom_fits(const json_t *atom, const char *type)
{
	if (!strcmp(type, "integer"))
		return json_is_integer(atom);
	if (!strcmp(type, "real"))
		return json_is_number(atom);
	if (!strcmp(type, "boolean"))
		return json_is_boolean(atom);
	if (!strcmp(type, "string"))
		return json_is_string(atom);
	return json_is_array(atom) && json_array_size(atom) == 2 &&
	       json_is_string(json_array_get(atom, 0)) &&
	       !strcmp(json_string_value(json_array_get(atom, 0)), "uuid");
}

/* "enum": one atom, or ["set", [atom...]], each of the base type. */
static bool check_enum(struct check *c, const char *where, const json_t *e,
		       const char *type)
{
	const json_t *atom;
	size_t i;

	if (json_is_array(e) && json_array_size(e) == 2 &&
	    json_is_string(json_array_get(e, 0)) &&
	    !strcmp(json_string_value(json_array_get(e, 0)), "set") &&
	    json_is_array(json_array_get(e, 1))) {
		json_array_foreach(json_array_get(e, 1), i, atom)
			if (!atom_fits(atom, type))
				return bad(c, "%s: enum value %zu is not "
					   "of type %s", where, i, type);
		return true;
	}
	if (!atom_fits(e, type))
		return bad(c, "%s: enum is not of type %s", where, type);
	return true;
}

/* The members of 'obj' must all be in the NULL-ended 'allowed'. */
static bool only_members(struct check *c, const char *where,
			 const json_t *obj, const char *const *allowed)
{
	const char *name;
	const json_t *v;

	json_object_foreach((json_t *)obj, name, v) {
		const char *const *a;
		for (a = allowed; *a && strcmp(*a, name); a++)
			continue;
		if (!*a)
			return bad(c, "%s: unknown member \"%s\"", where, name);
	}
	return true;
}

/* A pair of bounds, each optional: of the JSON kind 'is', low <= high. */
static bool check_bounds(struct check *c, const char *where,
			 const json_t *b, const char *lo, const char *hi,
			 int (*is)(const json_t *))
{
	const json_t *l = json_object_get(b, lo), *h = json_object_get(b, hi);

	if ((l && !is(l)) || (h && !is(h)))
		return bad(c, "%s: %s/%s of the wrong kind", where, lo, hi);
	if (l && h && json_number_value(l) > json_number_value(h))
		return bad(c, "%s: %s above %s", where, lo, hi);
	return true;
}

static int is_integer(const json_t *j)
{
	return json_is_integer(j);
}

static int is_number(const json_t *j)
{
	return json_is_number(j);
}

/* <base-type>: an atomic type, or an object refining one. */
static bool check_base(struct check *c, const char *where, const json_t *b)
{
	static const char *const members[] = {
		"type", "enum", "minInteger", "maxInteger", "minReal",
		"maxReal", "minLength", "maxLength", "refTable", "refType",
		NULL,
	};
	const json_t *t, *e, *ref, *reftype;
	const char *type;

	if (json_is_string(b)) {
		if (!is_atomic(json_string_value(b)))
			return bad(c, "%s: unknown type \"%s\"", where,
				   json_string_value(b));
		return true;
	}
	if (!json_is_object(b))
		return bad(c, "%s: a base type is a string or an object",
			   where);
	if (!only_members(c, where, b, members))
		return false;
	t = json_object_get(b, "type");
	if (!json_is_string(t) || !is_atomic(json_string_value(t)))
		return bad(c, "%s: no atomic \"type\"", where);
	type = json_string_value(t);
	e = json_object_get(b, "enum");
	if (e && !check_enum(c, where, e, type))
		return false;
	if ((json_object_get(b, "minInteger") ||
	     json_object_get(b, "maxInteger")) && strcmp(type, "integer"))
		return bad(c, "%s: integer bounds on a %s", where, type);
	if ((json_object_get(b, "minReal") || json_object_get(b, "maxReal")) &&
	    strcmp(type, "real"))
		return bad(c, "%s: real bounds on a %s", where, type);
	if ((json_object_get(b, "minLength") ||
	     json_object_get(b, "maxLength")) && strcmp(type, "string"))
		return bad(c, "%s: length bounds on a %s", where, type);
	if (!check_bounds(c, where, b, "minInteger", "maxInteger", is_integer) ||
	    !check_bounds(c, where, b, "minReal", "maxReal", is_number) ||
	    !check_bounds(c, where, b, "minLength", "maxLength", is_integer))
		return false;
	ref = json_object_get(b, "refTable");
	reftype = json_object_get(b, "refType");
	if (ref && strcmp(type, "uuid"))
		return bad(c, "%s: refTable on a %s", where, type);
	if (ref && (!json_is_string(ref) ||
		    !json_object_get(c->tables, json_string_value(ref))))
		return bad(c, "%s: refTable names no table", where);
	if (reftype && (!ref || !json_is_string(reftype) ||
			(strcmp(json_string_value(reftype), "strong") &&
			 strcmp(json_string_value(reftype), "weak"))))
		return bad(c, "%s: bad refType", where);
	return true;
}

/* <type>: an atomic type, or key, value, min and max. */
static bool check_type(struct check *c, const char *where, const json_t *t)
{
	static const char *const members[] = {
		"key", "value", "min", "max", NULL,
	};
	const json_t *key, *value, *min, *max;
	char sub[288];

	if (json_is_string(t))
		return check_base(c, where, t);
	if (!json_is_object(t))
		return bad(c, "%s: a type is a string or an object", where);
	if (!only_members(c, where, t, members))
		return false;
	key = json_object_get(t, "key");
	value = json_object_get(t, "value");
	if (!key)
		return bad(c, "%s: no key type", where);
	snprintf(sub, sizeof sub, "%s key", where);
	if (!check_base(c, sub, key))
		return false;
	snprintf(sub, sizeof sub, "%s value", where);
	if (value && !check_base(c, sub, value))
		return false;
	min = json_object_get(t, "min");
	max = json_object_get(t, "max");
	if (min && (!json_is_integer(min) || json_integer_value(min) < 0 ||
		    json_integer_value(min) > 1))
		return bad(c, "%s: min must be 0 or 1", where);
	if (max && !(json_is_integer(max) && json_integer_value(max) >= 1) &&
	    !(json_is_string(max) &&
	      !strcmp(json_string_value(max), "unlimited")))
		return bad(c, "%s: max must be a positive integer or "
			   "\"unlimited\"", where);
	if (min && max && json_is_integer(max) &&
	    json_integer_value(min) > json_integer_value(max))
		return bad(c, "%s: min above max", where);
	return true;
}

static bool check_column(struct check *c, const char *where,
			 const json_t *col)
{
	static const char *const members[] = {
		"type", "ephemeral", "mutable", NULL,
	};
	const json_t *eph = json_object_get(col, "ephemeral");
	const json_t *mut = json_object_get(col, "mutable");

	if (!json_is_object(col))
		return bad(c, "%s: a column is an object", where);
	if (!only_members(c, where, col, members))
		return false;
	if ((eph && !json_is_boolean(eph)) || (mut && !json_is_boolean(mut)))
		return bad(c, "%s: ephemeral and mutable are booleans", where);
	if (!json_object_get(col, "type"))
		return bad(c, "%s: no type", where);
	return check_type(c, where, json_object_get(col, "type"));
}

/* "indexes": sets of columns, each naming a persistent column. */
static bool check_indexes(struct check *c, const char *table,
			  const json_t *indexes, const json_t *columns)
{
	const json_t *index, *name;
	size_t i, j;

	if (!json_is_array(indexes))
		return bad(c, "table %s: indexes is not an array", table);
	json_array_foreach(indexes, i, index) {
		if (!json_is_array(index) || !json_array_size(index))
			return bad(c, "table %s: index %zu is not a list of "
				   "columns", table, i);
		json_array_foreach(index, j, name) {
			const json_t *col = json_is_string(name)
				? json_object_get(columns,
						  json_string_value(name))
				: NULL;
			if (!col)
				return bad(c, "table %s: index %zu names no "
					   "column", table, i);
			if (json_is_true(json_object_get(col, "ephemeral")))
				return bad(c, "table %s: index %zu has an "
					   "ephemeral column", table, i);
		}
	}
	return true;
}

static bool check_table(struct check *c, const char *name, const json_t *t)
{
	static const char *const members[] = {
		"columns", "maxRows", "isRoot", "indexes", NULL,
	};
	const json_t *columns = json_object_get(t, "columns");
	const json_t *max_rows = json_object_get(t, "maxRows");
	const json_t *is_root = json_object_get(t, "isRoot");
	const json_t *indexes = json_object_get(t, "indexes");
	const char *cname;
	const json_t *col;
	char where[256];

	if (!is_id(name) || name[0] == '_')
		return bad(c, "bad table name \"%s\"", name);
	if (!json_is_object(t))
		return bad(c, "table %s: not an object", name);
	if (!only_members(c, name, t, members))
		return false;
	if (!json_is_object(columns) || !json_object_size(columns))
		return bad(c, "table %s: no columns", name);
	if (max_rows && (!json_is_integer(max_rows) ||
			 json_integer_value(max_rows) < 1))
		return bad(c, "table %s: bad maxRows", name);
	if (is_root && !json_is_boolean(is_root))
		return bad(c, "table %s: isRoot is not a boolean", name);
	json_object_foreach((json_t *)columns, cname, col) {
		snprintf(where, sizeof where, "column %s.%s", name, cname);
		if (!is_id(cname) || cname[0] == '_')
			return bad(c, "%s: bad column name", where);
		if (!check_column(c, where, col))
			return false;
	}
	return !indexes || check_indexes(c, name, indexes, columns);
}

/* Marks 'name' and every table its strong references reach. */
static void reach(struct check *c, const char *name, json_t *seen)
{
	const json_t *cols, *col;
	const char *cname;

	if (json_object_get(seen, name))
		return;
	json_object_set_new(seen, name, json_true());
	cols = json_object_get(json_object_get(c->tables, name), "columns");
	json_object_foreach((json_t *)cols, cname, col) {
		const json_t *t = json_object_get(col, "type");
		const char *parts[] = { "key", "value" };
		for (int i = 0; i < 2; i++) {
			const json_t *b = json_object_get(t, parts[i]);
			const json_t *ref = json_object_get(b, "refTable");
			const json_t *rt = json_object_get(b, "refType");
			if (ref && !(rt && !strcmp(json_string_value(rt),
						  "weak")))
				reach(c, json_string_value(ref), seen);
		}
	}
}

/* A table no root reaches would lose every row it is given. */
static bool check_reachable(struct check *c)
{
	json_t *seen = json_object();
	const char *name;
	const json_t *t;
	bool ok = true;

	json_object_foreach((json_t *)c->tables, name, t)
		if (json_is_true(json_object_get(t, "isRoot")))
			reach(c, name, seen);
	json_object_foreach((json_t *)c->tables, name, t)
		if (ok && !json_object_get(seen, name))
			ok = bad(c, "table %s: no root table reaches it", name);
	json_decref(seen);
	return ok;
}

/* A <version>: three decimal numbers joined by dots. */
static bool is_version(const char *s)
{
	int a, b, d, n = 0;

	return sscanf(s, "%d.%d.%d%n", &a, &b, &d, &n) == 3 && !s[n] &&
	       a >= 0 && b >= 0 && d >= 0;
}

static bool check_schema(struct check *c, const json_t *schema)
{
	static const char *const members[] = {
		"name", "version", "cksum", "tables", NULL,
	};
	const json_t *name = json_object_get(schema, "name");
	const json_t *version = json_object_get(schema, "version");
	const char *tname;
	const json_t *t;

	c->error[0] = '\0';
	if (!json_is_object(schema))
		return bad(c, "schema: not an object");
	if (!only_members(c, "schema", schema, members))
		return false;
	if (!json_is_string(name) || !is_id(json_string_value(name)))
		return bad(c, "schema: bad name");
	if (!json_is_string(version) ||
	    !is_version(json_string_value(version)))
		return bad(c, "schema: bad version");
	c->tables = json_object_get(schema, "tables");
	if (!json_is_object(c->tables) || !json_object_size(c->tables))
		return bad(c, "schema: no tables");
	json_object_foreach((json_t *)c->tables, tname, t)
		if (!check_table(c, tname, t))
			return false;
	return check_reachable(c);
}

/* ---- the schema file ---- */

static json_t *load_schema(void)
{
	json_error_t err;
	json_t *schema = json_load_file(VSWITCH_SCHEMA, JSON_REJECT_DUPLICATES,
					&err);

	if (!schema)
		fail_msg("%s:%d: %s", VSWITCH_SCHEMA, err.line, err.text);
	return schema;
}

static void test_well_formed(void **state)
{
	json_t *schema = load_schema();
	struct check c;

	if (!check_schema(&c, schema))
		fail_msg("%s", c.error);
	assert_string_equal(json_string_value(json_object_get(schema, "name")),
			    "Open_vSwitch");
	json_decref(schema);
}

static const json_t *column(const json_t *schema, const char *table,
			    const char *col)
{
	const json_t *t = json_object_get(json_object_get(schema, "tables"),
					  table);
	const json_t *c = json_object_get(json_object_get(t, "columns"), col);

	if (!c)
		fail_msg("no column %s.%s", table, col);
	return c;
}

/* What the task and the clients (ovs-vsctl, ovn-controller, Neutron's
 * agent) need, at the least. */
static void test_required_columns(void **state)
{
	static const char *const need[] = {
		"Open_vSwitch bridges manager_options ssl other_config "
		"external_ids cur_cfg next_cfg ovs_version datapath_types "
		"iface_types datapaths",
		"Bridge name ports controller fail_mode datapath_type "
		"datapath_id protocols other_config external_ids flow_tables "
		"mirrors",
		"Port name interfaces tag trunks vlan_mode bond_mode lacp "
		"bond_updelay bond_downdelay other_config external_ids",
		"Interface name type options ofport ofport_request mac "
		"mac_in_use admin_state link_state mtu mtu_request statistics "
		"error external_ids other_config",
		"Controller target role connection_mode max_backoff "
		"inactivity_probe is_connected status",
		"Manager target connection_mode is_connected status",
		"SSL private_key certificate ca_cert bootstrap_ca_cert",
		"Flow_Table name flow_limit overflow_policy",
		"Datapath ct_zones capabilities datapath_version",
		"CT_Zone timeout_policy limit",
		"CT_Timeout_Policy timeouts",
		"Mirror name select_all output_port",
		"QoS type queues", "Queue dscp", "NetFlow targets",
		"sFlow targets", "IPFIX targets",
		"Flow_Sample_Collector_Set id bridge ipfix",
		"AutoAttach mappings",
	};
	json_t *schema = load_schema();

	for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
		char *list = strdup(need[i]), *save;
		char *table = strtok_r(list, " ", &save);
		for (char *col; (col = strtok_r(NULL, " ", &save)); )
			column(schema, table, col);
		free(list);
	}
	json_decref(schema);
}

static void expect_type(const json_t *schema, const char *table,
			const char *col, const char *compact)
{
	char *text = json_dumps(column(schema, table, col),
				JSON_COMPACT | JSON_SORT_KEYS);

	assert_string_equal(text, compact);
	free(text);
}

/* Types the clients' IDL compiled in and checks, spot-checked exactly. */
static void test_types(void **state)
{
	json_t *schema = load_schema();
	const json_t *tables = json_object_get(schema, "tables");

	expect_type(schema, "Bridge", "name",
		    "{\"mutable\":false,\"type\":\"string\"}");
	expect_type(schema, "Port", "interfaces",
		    "{\"type\":{\"key\":{\"refTable\":\"Interface\","
		    "\"type\":\"uuid\"},\"max\":\"unlimited\",\"min\":1}}");
	expect_type(schema, "Port", "tag",
		    "{\"type\":{\"key\":{\"maxInteger\":4095,\"minInteger\":0,"
		    "\"type\":\"integer\"},\"max\":1,\"min\":0}}");
	expect_type(schema, "Interface", "ofport_request",
		    "{\"type\":{\"key\":{\"maxInteger\":65279,\"minInteger\":1,"
		    "\"type\":\"integer\"},\"max\":1,\"min\":0}}");
	expect_type(schema, "Interface", "mtu",
		    "{\"ephemeral\":true,\"type\":{\"key\":\"integer\","
		    "\"max\":1,\"min\":0}}");
	expect_type(schema, "Datapath", "ct_zones",
		    "{\"type\":{\"key\":{\"maxInteger\":65535,\"minInteger\":0,"
		    "\"type\":\"integer\"},\"max\":\"unlimited\",\"min\":0,"
		    "\"value\":{\"refTable\":\"CT_Zone\",\"type\":\"uuid\"}}}");
	expect_type(schema, "Mirror", "output_port",
		    "{\"type\":{\"key\":{\"refTable\":\"Port\",\"refType\":"
		    "\"weak\",\"type\":\"uuid\"},\"max\":1,\"min\":0}}");
	expect_type(schema, "Controller", "role",
		    "{\"ephemeral\":true,\"type\":{\"key\":{\"enum\":[\"set\","
		    "[\"other\",\"master\",\"slave\"]],\"type\":\"string\"},"
		    "\"max\":1,\"min\":0}}");
	size_t n = json_array_size(json_array_get(json_object_get(json_object_get(
		json_object_get(column(schema, "CT_Timeout_Policy", "timeouts"),
				"type"), "key"), "enum"), 1));
	assert_int_equal(n, 16);

	/* The roots, and the single-row tables. */
	const char *name;
	const json_t *t;
	char roots[256] = "", single[256] = "";
	json_object_foreach((json_t *)tables, name, t) {
		if (json_is_true(json_object_get(t, "isRoot")))
			strcat(strcat(roots, name), " ");
		if (json_object_get(t, "maxRows"))
			strcat(strcat(single, name), " ");
	}
	assert_string_equal(roots, "Open_vSwitch QoS Queue "
			    "Flow_Sample_Collector_Set ");
	assert_string_equal(single, "Open_vSwitch SSL ");
	json_decref(schema);
}

/* ---- the checker refuses what it should ---- */

static void expect_refused(const char *tables, const char *error)
{
	char text[2048];
	struct check c;

	snprintf(text, sizeof text, "{\"name\":\"X\",\"version\":\"1.0.0\","
		 "\"tables\":{%s}}", tables);
	json_t *schema = json_loads(text, 0, NULL);
	assert_non_null(schema);
	assert_false(check_schema(&c, schema));
	assert_string_equal(c.error, error);
	json_decref(schema);
}

static void test_checker(void **state)
{
	struct check c;
	json_t *good = json_loads("{\"name\":\"X\",\"version\":\"1.0.0\","
				  "\"tables\":{\"T\":{\"isRoot\":true,"
				  "\"columns\":{\"a\":{\"type\":\"integer\"}}}}}",
				  0, NULL);

	assert_true(check_schema(&c, good));
	json_decref(good);
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "\"int\"}}}",
		       "column T.a: unknown type \"int\"");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "{\"key\":{\"type\":\"uuid\",\"refTable\":\"U\"}}}}}",
		       "column T.a key: refTable names no table");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "{\"key\":\"string\",\"min\":2}}}}",
		       "column T.a: min must be 0 or 1");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "{\"key\":\"string\",\"min\":1,\"max\":0}}}}",
		       "column T.a: max must be a positive integer or "
		       "\"unlimited\"");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "{\"key\":{\"type\":\"string\",\"enum\":[\"set\",[1]]}}}}}",
		       "column T.a key: enum value 0 is not of type string");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "{\"key\":{\"type\":\"integer\",\"minInteger\":5,"
		       "\"maxInteger\":4}}}}}",
		       "column T.a key: minInteger above maxInteger");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "{\"key\":{\"type\":\"string\",\"minInteger\":0}}}}}",
		       "column T.a key: integer bounds on a string");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "\"string\",\"mutable\":0}}}",
		       "column T.a: ephemeral and mutable are booleans");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "\"string\",\"color\":\"red\"}}}",
		       "column T.a: unknown member \"color\"");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "{\"key\":\"string\",\"mni\":0}}}}",
		       "column T.a: unknown member \"mni\"");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"_a\":{\"type\":"
		       "\"string\"}}}",
		       "column T._a: bad column name");
	expect_refused("\"T\":{\"isRoot\":true,\"indexes\":[[\"b\"]],"
		       "\"columns\":{\"a\":{\"type\":\"string\"}}}",
		       "table T: index 0 names no column");
	expect_refused("\"T\":{\"isRoot\":true,\"maxRows\":0,"
		       "\"columns\":{\"a\":{\"type\":\"string\"}}}",
		       "table T: bad maxRows");
	expect_refused("\"T\":{\"isRoot\":true,\"columns\":{\"a\":{\"type\":"
		       "{\"key\":{\"type\":\"uuid\",\"refTable\":\"U\","
		       "\"refType\":\"weak\"}}}}},"
		       "\"U\":{\"columns\":{\"b\":{\"type\":\"string\"}}}",
		       "table U: no root table reaches it");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_well_formed),
		cmocka_unit_test(test_required_columns),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_checker),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
