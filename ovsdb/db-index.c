#include "db-index.h"

#include <stdlib.h>

#include "ovsdb-row.h"
#include "xalloc.h"

void ovsdb_index_init(struct ovsdb_index *ix,
		      const struct ovsdb_column_set *columns)
{
	ix->columns = columns;
	ix->buckets = NULL;
	ix->n_buckets = ix->n = 0;
}

void ovsdb_index_destroy(struct ovsdb_index *ix)
{
	for (size_t i = 0; i < ix->n_buckets; i++) {
		struct ovsdb_index_node *node = ix->buckets[i], *next;

		for (; node; node = next) {
			next = node->next;
			free(node);
		}
	}
	free(ix->buckets);
	ix->buckets = NULL;
	ix->n_buckets = ix->n = 0;
}

uint32_t ovsdb_index_hash(const struct ovsdb_index *ix,
			  const struct ovsdb_row *row)
{
	return ovsdb_row_hash_columns(row, ix->columns, 0);
}

static void ovsdb_index_link(struct ovsdb_index *ix,
			     struct ovsdb_index_node *node)
{
	size_t b = node->hash & (ix->n_buckets - 1);

	node->next = ix->buckets[b];
	ix->buckets[b] = node;
}

static void ovsdb_index_grow(struct ovsdb_index *ix)
{
	struct ovsdb_index_node **old = ix->buckets;
	size_t n_old = ix->n_buckets;

	ix->n_buckets = n_old ? 2 * n_old : 16;
	ix->buckets = xcalloc(ix->n_buckets, sizeof *ix->buckets);
	for (size_t i = 0; i < n_old; i++) {
		struct ovsdb_index_node *node = old[i], *next;

		for (; node; node = next) {
			next = node->next;
			ovsdb_index_link(ix, node);
		}
	}
	free(old);
}

void ovsdb_index_insert(struct ovsdb_index *ix, const struct ovsdb_row *row)
{
	struct ovsdb_index_node *node = xcalloc(1, sizeof *node);

	if (ix->n >= ix->n_buckets)
		ovsdb_index_grow(ix);
	node->row = row;
	node->hash = ovsdb_index_hash(ix, row);
	ovsdb_index_link(ix, node);
	ix->n++;
}

void ovsdb_index_remove(struct ovsdb_index *ix, const struct ovsdb_row *row)
{
	struct ovsdb_index_node **p;

	if (!ix->n_buckets)
		return;
	p = &ix->buckets[ovsdb_index_hash(ix, row) & (ix->n_buckets - 1)];
	for (; *p; p = &(*p)->next) {
		if ((*p)->row == row) {
			struct ovsdb_index_node *node = *p;

			*p = node->next;
			free(node);
			ix->n--;
			return;
		}
	}
}

const struct ovsdb_index_node *ovsdb_index_chain(const struct ovsdb_index *ix,
						 uint32_t hash)
{
	return ix->n_buckets ? ix->buckets[hash & (ix->n_buckets - 1)] : NULL;
}
