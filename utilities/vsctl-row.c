/* Finding records by the names ovs-vsctl accepts for them, and small
 * typed accessors for the columns the bridge commands use. */
#include "vsctl.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* How a record of a table may be named besides its uuid: by the value of
 * 'name_column' in its own table, or, with 'ref_column', by the name of a
 * row of 'via' that points at it. */
struct vsctl_row_id {
	const char *table;
	const char *via;		/* NULL: the table itself */
	const char *name_column;
	const char *ref_column;		/* with 'via' */
};

static const struct vsctl_row_id vsctl_row_ids[] = {
	{ "AutoAttach", "Bridge", "name", "auto_attach" },
	{ "Bridge", NULL, "name", NULL },
	{ "Controller", "Bridge", "name", "controller" },
	{ "Flow_Sample_Collector_Set", NULL, "id", NULL },
	{ "Flow_Table", NULL, "name", NULL },
	{ "IPFIX", "Bridge", "name", "ipfix" },
	{ "Interface", NULL, "name", NULL },
	{ "Manager", NULL, "target", NULL },
	{ "Mirror", NULL, "name", NULL },
	{ "NetFlow", "Bridge", "name", "netflow" },
	{ "Port", NULL, "name", NULL },
	{ "QoS", "Port", "name", "qos" },
	{ "sFlow", "Bridge", "name", "sflow" },
};

struct ovsdb_idl_table *vsctl_table(struct vsctl_ctx *ctx, const char *name)
{
	const struct ovsdb_table_schema *ts;
	char *error = vsctl_find_table(ovsdb_idl_schema(ctx->idl), name, &ts);

	if (error)
		vsctl_fatal("%s", error);
	return ovsdb_idl_table(ctx->idl, ts->name);
}

/* Does the name column 'datum' hold exactly 'id'? */
static bool vsctl_name_matches(const struct ovsdb_datum *d,
			       const struct ovsdb_type *type, const char *id)
{
	union ovsdb_atom atom;
	bool match;
	char *error;

	if (d->n != 1)
		return false;
	if (type->key.type == OVSDB_TYPE_STRING)
		return !strcmp(d->keys[0].string, id);
	error = vsctl_atom_from_string(&atom, &type->key, id, NULL);
	if (error) {
		free(error);
		return false;
	}
	match = ovsdb_atom_equals(&atom, &d->keys[0], type->key.type);
	ovsdb_atom_destroy(&atom, type->key.type);
	return match;
}

static struct ovsdb_idl_row *vsctl_row_by_id(struct vsctl_ctx *ctx,
					     struct ovsdb_idl_table *table,
					     const struct vsctl_row_id *rid,
					     const char *id)
{
	struct ovsdb_idl_table *named = rid->via ? ovsdb_idl_table(ctx->idl,
								   rid->via)
						 : table;
	struct ovsdb_idl_row *found = NULL, *row;
	const struct ovsdb_column *col;
	size_t i;

	if (!named)
		return NULL;
	col = ovsdb_table_schema_find_column(named->schema, rid->name_column);
	if (!col)
		return NULL;
	OVSDB_IDL_FOR_EACH (row, i, named) {
		if (!vsctl_name_matches(ovsdb_idl_read(row, col), &col->type,
					id))
			continue;
		if (found)
			vsctl_fatal("multiple rows in %s match \"%s\"",
				    named->schema->name, id);
		found = row;
	}
	if (!found || !rid->ref_column)
		return found;

	const struct ovsdb_column *ref = ovsdb_idl_column(found,
							  rid->ref_column);
	const struct ovsdb_datum *d = ovsdb_idl_read(found, ref);
	ovsdb_idl_verify(found, ref);
	return d->n == 1 ? ovsdb_idl_find(table, &d->keys[0].uuid) : NULL;
}

/* Number of leading characters of 's' that could begin a uuid. */
static size_t vsctl_uuid_prefix_len(const char *s)
{
	static const char pattern[] = "hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh";
	size_t i;

	for (i = 0; s[i] && i < UUID_LEN; i++) {
		if (pattern[i] == '-' ? s[i] != '-' : !isxdigit((unsigned char) s[i]))
			return 0;
	}
	return s[i] ? 0 : i;
}

static struct ovsdb_idl_row *vsctl_row_by_prefix(struct ovsdb_idl_table *t,
						 const char *id)
{
	struct ovsdb_idl_row *found = NULL, *row;
	size_t i, n = strlen(id);

	OVSDB_IDL_FOR_EACH (row, i, t) {
		char s[UUID_LEN + 1];
		uuid_format(&row->uuid, s);
		if (strncasecmp(s, id, n))
			continue;
		if (found) {
			char a[UUID_LEN + 1];
			uuid_format(&found->uuid, a);
			vsctl_fatal("%s contains 2 or more rows whose UUIDs "
				    "begin with %s: at least %s and %s",
				    t->schema->name, id, a, s);
		}
		found = row;
	}
	return found;
}

struct ovsdb_idl_row *vsctl_get_row(struct vsctl_ctx *ctx,
				    struct ovsdb_idl_table *table,
				    const char *id, bool must_exist)
{
	struct ovsdb_idl_row *row = NULL;
	struct uuid uuid;
	size_t i;

	if (uuid_from_string(&uuid, id))
		row = ovsdb_idl_find(table, &uuid);
	if (!row && !strcmp(id, ".")) {
		i = 0;
		row = ovsdb_idl_next(table, &i);
		if (row && ovsdb_idl_next(table, &i))
			row = NULL;
	}
	for (size_t k = 0; !row && k < sizeof vsctl_row_ids
					 / sizeof *vsctl_row_ids; k++)
		if (!strcmp(vsctl_row_ids[k].table, table->schema->name))
			row = vsctl_row_by_id(ctx, table, &vsctl_row_ids[k],
					      id);
	if (!row && vsctl_uuid_prefix_len(id) >= 4)
		row = vsctl_row_by_prefix(table, id);
	if (!row && must_exist)
		vsctl_fatal("no row \"%s\" in table %s", id,
			    table->schema->name);
	return row;
}

void vsctl_verify(struct ovsdb_idl_row *row, const char *column)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, column);

	if (c)
		ovsdb_idl_verify(row, c);
}

const char *vsctl_get_string(const struct ovsdb_idl_row *row,
			     const char *column)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, column);

	return d && d->n ? d->keys[0].string : "";
}

void vsctl_set_string(struct ovsdb_idl_row *row, const char *column,
		      const char *value)
{
	union ovsdb_atom atom = { .string = (char *) value };
	const struct ovsdb_column *c = ovsdb_idl_column(row, column);
	struct ovsdb_datum d;

	ovsdb_datum_init_single(&d, &atom, NULL, &c->type);
	ovsdb_idl_write(row, c, &d);
}

void vsctl_set_integer(struct ovsdb_idl_row *row, const char *column,
		       int64_t value)
{
	union ovsdb_atom atom = { .integer = value };
	const struct ovsdb_column *c = ovsdb_idl_column(row, column);
	struct ovsdb_datum d;

	ovsdb_datum_init_single(&d, &atom, NULL, &c->type);
	ovsdb_idl_write(row, c, &d);
}

void vsctl_set_uuids(struct ovsdb_idl_row *row, const char *column,
		     const struct uuid *uuids, size_t n)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, column);
	struct ovsdb_datum d;

	ovsdb_datum_init_empty(&d);
	d.keys = xcalloc(n + 1, sizeof *d.keys);
	for (size_t i = 0; i < n; i++)
		d.keys[i].uuid = uuids[i];
	d.n = n;
	ovsdb_datum_sort_unique(&d, &c->type);
	ovsdb_idl_write(row, c, &d);
}

static void vsctl_change_uuid(struct ovsdb_idl_row *row, const char *column,
			      const struct uuid *uuid, bool add)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, column);
	union ovsdb_atom atom = { .uuid = *uuid };
	struct ovsdb_type type = c->type;
	struct ovsdb_datum d, one;

	type.n_max = OVSDB_UNLIMITED;
	ovsdb_datum_clone(&d, ovsdb_idl_read(row, c), &c->type);
	ovsdb_datum_init_single(&one, &atom, NULL, &type);
	if (add)
		ovsdb_datum_union(&d, &one, &type);
	else
		ovsdb_datum_subtract(&d, &type, &one, &type);
	ovsdb_datum_destroy(&one, &type);
	ovsdb_idl_write(row, c, &d);
}

void vsctl_add_uuid(struct ovsdb_idl_row *row, const char *column,
		    const struct uuid *uuid)
{
	vsctl_change_uuid(row, column, uuid, true);
}

void vsctl_remove_uuid(struct ovsdb_idl_row *row, const char *column,
		       const struct uuid *uuid)
{
	vsctl_change_uuid(row, column, uuid, false);
}

void vsctl_set_map_key(struct ovsdb_idl_row *row, const char *column,
		       const char *key, const char *value)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, column);
	union ovsdb_atom k = { .string = (char *) key };
	union ovsdb_atom v = { .string = (char *) value };
	struct ovsdb_datum d, one;

	struct ovsdb_type keys = { .key = c->type.key, .n_max = 1 };

	ovsdb_datum_clone(&d, ovsdb_idl_read(row, c), &c->type);
	ovsdb_datum_init_single(&one, &k, NULL, &keys);
	ovsdb_datum_subtract(&d, &c->type, &one, &keys);
	ovsdb_datum_destroy(&one, &keys);
	if (value) {
		ovsdb_datum_init_single(&one, &k, &v, &c->type);
		ovsdb_datum_union(&d, &one, &c->type);
		ovsdb_datum_destroy(&one, &c->type);
	}
	ovsdb_idl_write(row, c, &d);
}
