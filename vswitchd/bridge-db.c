/* Reading and writing single columns of the replica.  A column the server's
 * schema lacks reads as its default and is never written, so the bridge
 * layer works against older schemas too. */
#include <stdlib.h>
#include <string.h>

#include "bridge-private.h"
#include "ovsdb-idl.h"
#include "xalloc.h"

const char *bridge_db_string(const struct ovsdb_idl_row *row, const char *col)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, col);
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);

	if (!d || !d->n || c->type.key.type != OVSDB_TYPE_STRING)
		return "";
	return d->keys[0].string;
}

int64_t bridge_db_int(const struct ovsdb_idl_row *row, const char *col,
		      int64_t dflt)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, col);
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);

	if (!d || !d->n || c->type.key.type != OVSDB_TYPE_INTEGER)
		return dflt;
	return d->keys[0].integer;
}

bool bridge_db_bool(const struct ovsdb_idl_row *row, const char *col)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, col);
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);

	return d && d->n && c->type.key.type == OVSDB_TYPE_BOOLEAN
	       && d->keys[0].boolean;
}

void bridge_db_smap(const struct ovsdb_idl_row *row, const char *col,
		    struct bridge_smap *m)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, col);
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);

	bridge_smap_init(m);
	if (!d || c->type.key.type != OVSDB_TYPE_STRING
	    || c->type.value.type != OVSDB_TYPE_STRING)
		return;
	for (size_t i = 0; i < d->n; i++)
		bridge_smap_add(m, d->keys[i].string, d->values[i].string);
}

struct ovsdb_idl_row *bridge_db_ref(struct ovsdb_idl *idl, const char *table,
				    const struct ovsdb_datum *d, size_t i,
				    bool value)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(idl, table);
	const union ovsdb_atom *a = value ? &d->values[i] : &d->keys[i];

	return t ? ovsdb_idl_find(t, &a->uuid) : NULL;
}

struct ovsdb_idl_row *bridge_db_root(struct ovsdb_idl *idl)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(idl, "Open_vSwitch");
	size_t i = 0;

	return t ? ovsdb_idl_next(t, &i) : NULL;
}

void bridge_db_put(struct ovsdb_idl_row *row, const struct ovsdb_column *c,
		   struct ovsdb_datum *value)
{
	if (ovsdb_datum_equals(ovsdb_idl_read(row, c), value, &c->type))
		ovsdb_datum_destroy(value, &c->type);
	else
		ovsdb_idl_write(row, c, value);
}

void bridge_db_put_string(struct ovsdb_idl_row *row, const char *col,
			  const char *s)
{
	struct ovsdb_datum d;
	union ovsdb_atom a = { .string = (char *) s };
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);

	if (!c)
		return;
	if (s)
		ovsdb_datum_init_single(&d, &a, NULL, &c->type);
	else
		ovsdb_datum_init_empty(&d);
	bridge_db_put(row, c, &d);
}

void bridge_db_put_int(struct ovsdb_idl_row *row, const char *col,
		       const int64_t *v)
{
	struct ovsdb_datum d;
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);

	if (!c)
		return;
	if (v) {
		union ovsdb_atom a = { .integer = *v };

		ovsdb_datum_init_single(&d, &a, NULL, &c->type);
	} else {
		ovsdb_datum_init_empty(&d);
	}
	bridge_db_put(row, c, &d);
}

void bridge_db_put_bool(struct ovsdb_idl_row *row, const char *col, bool b)
{
	struct ovsdb_datum d;
	union ovsdb_atom a = { .boolean = b };
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);

	if (!c)
		return;
	ovsdb_datum_init_single(&d, &a, NULL, &c->type);
	bridge_db_put(row, c, &d);
}

/* An owned datum of 'n' keys (and values when 'map'), for filling. */
static void bridge_db_datum(struct ovsdb_datum *d, size_t n, bool map)
{
	ovsdb_datum_init_empty(d);
	d->n = n;
	d->keys = xcalloc(n ? n : 1, sizeof *d->keys);
	d->values = map ? xcalloc(n ? n : 1, sizeof *d->values) : NULL;
}

void bridge_db_put_strings(struct ovsdb_idl_row *row, const char *col,
			   const char *const *s, size_t n)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);
	struct ovsdb_datum d;

	if (!c)
		return;
	bridge_db_datum(&d, n, false);
	for (size_t i = 0; i < n; i++)
		d.keys[i].string = xstrdup(s[i]);
	ovsdb_datum_sort_unique(&d, &c->type);
	bridge_db_put(row, c, &d);
}

void bridge_db_put_smap(struct ovsdb_idl_row *row, const char *col,
			const struct bridge_smap *m, bool merge)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);
	struct ovsdb_datum d;

	if (!c || c->type.value.type != OVSDB_TYPE_STRING)
		return;
	bridge_db_datum(&d, m->n, true);
	for (size_t i = 0; i < m->n; i++) {
		d.keys[i].string = xstrdup(m->keys[i]);
		d.values[i].string = xstrdup(m->values[i]);
	}
	ovsdb_datum_sort_unique(&d, &c->type);
	if (merge)	/* ours win; keys we do not know stay */
		ovsdb_datum_union(&d, ovsdb_idl_read(row, c), &c->type);
	bridge_db_put(row, c, &d);
}

void bridge_db_put_counters(struct ovsdb_idl_row *row, const char *col,
			    const char *const *names, const uint64_t *v,
			    size_t n, uint64_t none)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, col);
	struct ovsdb_datum d;
	size_t k = 0;

	if (!c || c->type.value.type != OVSDB_TYPE_INTEGER)
		return;
	bridge_db_datum(&d, n, true);
	for (size_t i = 0; i < n; i++) {
		if (v[i] == none)
			continue;
		d.keys[k].string = xstrdup(names[i]);
		d.values[k++].integer = v[i] > INT64_MAX ? INT64_MAX
							  : (int64_t) v[i];
	}
	d.n = k;
	ovsdb_datum_sort_unique(&d, &c->type);
	bridge_db_put(row, c, &d);
}
