#include "refs.h"

#include <stdint.h>
#include <stdlib.h>

#include "ovsdb-row.h"
#include "ovsdb-schema.h"
#include "xalloc.h"

void ovsdb_refs_init(struct ovsdb_refs *refs)
{
	refs->slots = NULL;
	refs->n = refs->n_slots = 0;
}

void ovsdb_refs_destroy(struct ovsdb_refs *refs)
{
	free(refs->slots);
	ovsdb_refs_init(refs);
}

static size_t refs_home(const struct ovsdb_refs *refs,
			const struct ovsdb_table_schema *target,
			const struct uuid *uuid)
{
	uint32_t h = uuid_hash(uuid) ^ (uint32_t)((uintptr_t)target >> 4);

	return (h * 0x9e3779b9u >> 7) & (refs->n_slots - 1);
}

static struct ovsdb_ref_count *refs_slot(const struct ovsdb_refs *refs,
					 const struct ovsdb_table_schema *ts,
					 const struct uuid *uuid)
{
	size_t i = refs_home(refs, ts, uuid);

	for (;; i = (i + 1) & (refs->n_slots - 1)) {
		struct ovsdb_ref_count *c = &refs->slots[i];

		if (!c->target || (c->target == ts &&
				   uuid_equals(&c->uuid, uuid)))
			return c;
	}
}

struct ovsdb_ref_count *ovsdb_refs_find(const struct ovsdb_refs *refs,
					const struct ovsdb_table_schema *ts,
					const struct uuid *uuid)
{
	struct ovsdb_ref_count *c;

	if (!refs->n)
		return NULL;
	c = refs_slot(refs, ts, uuid);
	return c->target ? c : NULL;
}

static void refs_grow(struct ovsdb_refs *refs)
{
	struct ovsdb_ref_count *old = refs->slots;
	size_t n_old = refs->n_slots;

	refs->n_slots = n_old ? 2 * n_old : 64;
	refs->slots = xcalloc(refs->n_slots, sizeof *refs->slots);
	for (size_t i = 0; i < n_old; i++)
		if (old[i].target)
			*refs_slot(refs, old[i].target, &old[i].uuid) = old[i];
	free(old);
}

struct ovsdb_ref_count *ovsdb_refs_get(struct ovsdb_refs *refs,
				       const struct ovsdb_table_schema *ts,
				       const struct uuid *uuid)
{
	struct ovsdb_ref_count *c;

	if (2 * (refs->n + 1) > refs->n_slots)
		refs_grow(refs);
	c = refs_slot(refs, ts, uuid);
	if (!c->target) {
		*c = (struct ovsdb_ref_count) { .target = ts, .uuid = *uuid };
		refs->n++;
	}
	return c;
}

/* Empties slot 'c', moving later entries of its probe run back into the
 * hole so that lookups never stop short. */
static void refs_remove(struct ovsdb_refs *refs, struct ovsdb_ref_count *c)
{
	size_t mask = refs->n_slots - 1;
	size_t hole = c - refs->slots;

	for (size_t i = (hole + 1) & mask; refs->slots[i].target;
	     i = (i + 1) & mask) {
		struct ovsdb_ref_count *e = &refs->slots[i];
		size_t home = refs_home(refs, e->target, &e->uuid);

		/* 'e' may fill the hole unless its home lies after it. */
		if (((i - home) & mask) >= ((i - hole) & mask)) {
			refs->slots[hole] = *e;
			hole = i;
		}
	}
	refs->slots[hole].target = NULL;
	refs->n--;
}

static bool is_ref(const struct ovsdb_base_type *b, enum ovsdb_ref_type rt)
{
	return ovsdb_base_type_is_ref(b) && b->u.uuid.ref_type == rt;
}

static void refs_add_one(struct ovsdb_refs *refs,
			 const struct ovsdb_base_type *b,
			 const union ovsdb_atom *atom, int sign, bool keep)
{
	struct ovsdb_ref_count *rc;

	if (!ovsdb_base_type_is_ref(b))
		return;
	rc = ovsdb_refs_get(refs, b->u.uuid.ref_table, &atom->uuid);
	if (b->u.uuid.ref_type == OVSDB_REF_WEAK)
		rc->weak += sign;
	else
		rc->strong += sign;
	if (!keep && !rc->strong && !rc->weak)
		refs_remove(refs, rc);
}

static void refs_add_datum(struct ovsdb_refs *refs,
			   const struct ovsdb_column *c,
			   const struct ovsdb_datum *d, int sign, bool keep)
{
	for (size_t j = 0; j < d->n; j++) {
		refs_add_one(refs, &c->type.key, &d->keys[j], sign, keep);
		if (d->values)
			refs_add_one(refs, &c->type.value, &d->values[j], sign,
				     keep);
	}
}

static bool column_has_refs(const struct ovsdb_column *c)
{
	return ovsdb_base_type_is_ref(&c->type.key) ||
	       ovsdb_base_type_is_ref(&c->type.value);
}

void ovsdb_refs_add_row(struct ovsdb_refs *refs, const struct ovsdb_row *row,
			int sign, bool keep)
{
	const struct ovsdb_table_schema *ts = row->schema;

	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++)
		if (column_has_refs(ts->columns[i]))
			refs_add_datum(refs, ts->columns[i], &row->fields[i],
				       sign, keep);
}

/* A set of references: both sides sorted by uuid, so a merge finds
 * what one has and the other lacks without touching the rest. */
static void refs_add_set_change(struct ovsdb_refs *refs,
				const struct ovsdb_base_type *b,
				const struct ovsdb_datum *old,
				const struct ovsdb_datum *new, bool keep)
{
	size_t i = 0, j = 0;

	while (i < old->n || j < new->n) {
		int cmp = i >= old->n ? 1 : j >= new->n ? -1
			  : uuid_compare(&old->keys[i].uuid,
					 &new->keys[j].uuid);

		if (cmp < 0)
			refs_add_one(refs, b, &old->keys[i++], -1, keep);
		else if (cmp > 0)
			refs_add_one(refs, b, &new->keys[j++], 1, keep);
		else
			i++, j++;
	}
}

void ovsdb_refs_add_change(struct ovsdb_refs *refs,
			   const struct ovsdb_row *old,
			   const struct ovsdb_row *new, bool keep)
{
	const struct ovsdb_table_schema *ts;

	if (!old || !new) {
		if (old)
			ovsdb_refs_add_row(refs, old, -1, keep);
		if (new)
			ovsdb_refs_add_row(refs, new, 1, keep);
		return;
	}
	ts = old->schema;
	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
		const struct ovsdb_column *c = ts->columns[i];
		const struct ovsdb_datum *a = &old->fields[i];
		const struct ovsdb_datum *b = &new->fields[i];

		if (!column_has_refs(c))
			continue;
		if (!a->values && !b->values &&
		    !ovsdb_base_type_is_ref(&c->type.value)) {
			refs_add_set_change(refs, &c->type.key, a, b, keep);
		} else if (!ovsdb_datum_equals(a, b, &c->type)) {
			refs_add_datum(refs, c, a, -1, keep);
			refs_add_datum(refs, c, b, 1, keep);
		}
	}
}

bool ovsdb_row_for_each_ref(const struct ovsdb_row *row,
			    enum ovsdb_ref_type rt, ovsdb_ref_cb *cb,
			    void *aux)
{
	const struct ovsdb_table_schema *ts = row->schema;

	for (size_t i = OVSDB_N_STD_COLUMNS; i < ts->n_columns; i++) {
		const struct ovsdb_column *c = ts->columns[i];
		const struct ovsdb_datum *d = &row->fields[i];
		bool k = is_ref(&c->type.key, rt);
		bool v = is_ref(&c->type.value, rt);

		for (size_t j = 0; (k || v) && j < d->n; j++) {
			if (k && !cb(c, c->type.key.u.uuid.ref_table,
				     &d->keys[j].uuid, aux))
				return false;
			if (v && !cb(c, c->type.value.u.uuid.ref_table,
				     &d->values[j].uuid, aux))
				return false;
		}
	}
	return true;
}
