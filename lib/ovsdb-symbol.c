/* A symbol table: symbols in an array, found through an open-addressed
 * index of their positions. */
#include "ovsdb-symbol.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct ovsdb_symbol_table {
	struct ovsdb_symbol **symbols;
	size_t n, cap;
	size_t *index;		/* 1 + position in 'symbols'; 0 is empty */
	size_t n_slots;		/* a power of 2, at least twice 'n' */
};

static uint32_t ovsdb_symbol_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return h;
}

struct ovsdb_symbol_table *ovsdb_symbol_table_create(void)
{
	return xcalloc(1, sizeof(struct ovsdb_symbol_table));
}

void ovsdb_symbol_table_destroy(struct ovsdb_symbol_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->symbols[i]->name);
		free(t->symbols[i]);
	}
	free(t->symbols);
	free(t->index);
	free(t);
}

/* The slot that holds 'name', or the empty slot where it would go. */
static size_t ovsdb_symbol_slot(const struct ovsdb_symbol_table *t,
				const char *name)
{
	size_t mask = t->n_slots - 1;
	size_t i = ovsdb_symbol_hash(name) & mask;

	while (t->index[i] && strcmp(t->symbols[t->index[i] - 1]->name, name))
		i = (i + 1) & mask;
	return i;
}

struct ovsdb_symbol *ovsdb_symbol_table_find(
	const struct ovsdb_symbol_table *t, const char *name)
{
	if (!t->n_slots)
		return NULL;
	size_t i = ovsdb_symbol_slot(t, name);
	return t->index[i] ? t->symbols[t->index[i] - 1] : NULL;
}

static void ovsdb_symbol_table_rehash(struct ovsdb_symbol_table *t)
{
	free(t->index);
	t->n_slots = t->n_slots ? t->n_slots * 2 : 16;
	t->index = xcalloc(t->n_slots, sizeof *t->index);
	for (size_t i = 0; i < t->n; i++)
		t->index[ovsdb_symbol_slot(t, t->symbols[i]->name)] = i + 1;
}

struct ovsdb_symbol *ovsdb_symbol_table_put(struct ovsdb_symbol_table *t,
					    const char *name,
					    const struct uuid *uuid,
					    bool created)
{
	struct ovsdb_symbol *sym;

	if (ovsdb_symbol_table_find(t, name))
		return NULL;
	if (2 * (t->n + 1) > t->n_slots)
		ovsdb_symbol_table_rehash(t);
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 8;
		t->symbols = xrealloc(t->symbols,
				      t->cap * sizeof *t->symbols);
	}
	sym = xcalloc(1, sizeof *sym);
	sym->name = xstrdup(name);
	sym->uuid = *uuid;
	sym->created = created;
	t->symbols[t->n++] = sym;
	t->index[ovsdb_symbol_slot(t, name)] = t->n;
	return sym;
}

struct ovsdb_symbol *ovsdb_symbol_table_insert(struct ovsdb_symbol_table *t,
					       const char *name)
{
	struct ovsdb_symbol *sym = ovsdb_symbol_table_find(t, name);
	struct uuid uuid;

	if (sym)
		return sym;
	uuid_generate(&uuid);
	return ovsdb_symbol_table_put(t, name, &uuid, false);
}

size_t ovsdb_symbol_table_count(const struct ovsdb_symbol_table *t)
{
	return t->n;
}

struct ovsdb_symbol *ovsdb_symbol_table_at(const struct ovsdb_symbol_table *t,
					   size_t i)
{
	return i < t->n ? t->symbols[i] : NULL;
}
