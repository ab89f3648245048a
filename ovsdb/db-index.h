/* The committed rows of a table by the hash of one of its indexes (a
 * set of columns whose values no two rows may share), so that a commit
 * finds a row's possible duplicates without scanning the table. */
#ifndef WEIR_OVSDB_DB_INDEX_H
#define WEIR_OVSDB_DB_INDEX_H 1

#include <stddef.h>
#include <stdint.h>

struct ovsdb_column_set;
struct ovsdb_row;

struct ovsdb_index_node {
	const struct ovsdb_row *row;
	uint32_t hash;
	struct ovsdb_index_node *next;
};

struct ovsdb_index {
	const struct ovsdb_column_set *columns;
	struct ovsdb_index_node **buckets;
	size_t n_buckets, n;		/* n_buckets 0 or a power of 2 */
};

void ovsdb_index_init(struct ovsdb_index *, const struct ovsdb_column_set *);
void ovsdb_index_destroy(struct ovsdb_index *);
uint32_t ovsdb_index_hash(const struct ovsdb_index *, const struct ovsdb_row *);
void ovsdb_index_insert(struct ovsdb_index *, const struct ovsdb_row *);
void ovsdb_index_remove(struct ovsdb_index *, const struct ovsdb_row *);
/* The chain holding rows of 'hash' (other hashes too: check node->hash). */
const struct ovsdb_index_node *ovsdb_index_chain(const struct ovsdb_index *,
						 uint32_t hash);

#endif /* WEIR_OVSDB_DB_INDEX_H */
