/* The names a transaction gives to rows it inserts ("uuid-name"), and the
 * uuids they stand for wherever ["named-uuid", name] appears in it. */
#ifndef WEIR_OVSDB_SYMBOL_H
#define WEIR_OVSDB_SYMBOL_H 1

#include <stdbool.h>
#include <stddef.h>

#include "uuid.h"

struct ovsdb_symbol {
	char *name;
	struct uuid uuid;
	bool created;		/* an "insert" in this transaction made it */
	bool strong_ref;	/* used where a strong reference is expected */
	bool weak_ref;		/* used where a weak reference is expected */
};

struct ovsdb_symbol_table;

struct ovsdb_symbol_table *ovsdb_symbol_table_create(void);
void ovsdb_symbol_table_destroy(struct ovsdb_symbol_table *);
struct ovsdb_symbol *ovsdb_symbol_table_find(
	const struct ovsdb_symbol_table *, const char *name);
/* Adds 'name' for 'uuid'; NULL if 'name' is already there. */
struct ovsdb_symbol *ovsdb_symbol_table_put(struct ovsdb_symbol_table *,
					    const char *name,
					    const struct uuid *, bool created);
/* Finds 'name', or adds it with a fresh random uuid. */
struct ovsdb_symbol *ovsdb_symbol_table_insert(struct ovsdb_symbol_table *,
					       const char *name);
/* Symbols in the order they were added. */
size_t ovsdb_symbol_table_count(const struct ovsdb_symbol_table *);
struct ovsdb_symbol *ovsdb_symbol_table_at(const struct ovsdb_symbol_table *,
					   size_t i);

#endif /* WEIR_OVSDB_SYMBOL_H */
