/* Counts of references into rows, by target (table and uuid): kept for
 * the committed database (strong and weak references from every row,
 * updated as transactions apply and roll back) and as a transaction's
 * changes to those counts, so that commit checks cost what the
 * transaction touches, not what the database holds. */
#ifndef WEIR_OVSDB_REFS_H
#define WEIR_OVSDB_REFS_H 1

#include <stdbool.h>
#include <stddef.h>

#include "ovsdb-types.h"
#include "uuid.h"

struct ovsdb_row;
struct ovsdb_column;
struct ovsdb_table_schema;

struct ovsdb_ref_count {
	const struct ovsdb_table_schema *target;   /* NULL: free slot */
	struct uuid uuid;
	long strong, weak;
	bool mark;		/* for the caller: e.g. already queued */
};

struct ovsdb_refs {
	struct ovsdb_ref_count *slots;	/* open addressing */
	size_t n, n_slots;		/* n_slots 0 or a power of 2 */
};

void ovsdb_refs_init(struct ovsdb_refs *);
void ovsdb_refs_destroy(struct ovsdb_refs *);
/* The counts of 'uuid' in 'target', or NULL when none were added. */
struct ovsdb_ref_count *ovsdb_refs_find(const struct ovsdb_refs *,
					const struct ovsdb_table_schema *target,
					const struct uuid *);
/* The counts of 'uuid' in 'target', created at zero if new. */
struct ovsdb_ref_count *ovsdb_refs_get(struct ovsdb_refs *,
				       const struct ovsdb_table_schema *target,
				       const struct uuid *);
/* Adds 'sign' (1 or -1) to the counts of each row 'row' references;
 * counts that fall back to zero are forgotten unless 'keep'. */
void ovsdb_refs_add_row(struct ovsdb_refs *, const struct ovsdb_row *row,
			int sign, bool keep);

/* The same for the change from 'old' to 'new' (either may be NULL):
 * minus the references only 'old' has, plus those only 'new' has. */
void ovsdb_refs_add_change(struct ovsdb_refs *, const struct ovsdb_row *old,
			   const struct ovsdb_row *new, bool keep);

/* A reference found in a row: the column, the table it points into, the
 * uuid.  Returning false stops the walk. */
typedef bool ovsdb_ref_cb(const struct ovsdb_column *,
			  const struct ovsdb_table_schema *target,
			  const struct uuid *, void *aux);
/* Calls 'cb' for each reference of type 'rt' in 'row', in column order;
 * false if 'cb' stopped the walk. */
bool ovsdb_row_for_each_ref(const struct ovsdb_row *row,
			    enum ovsdb_ref_type rt, ovsdb_ref_cb *cb,
			    void *aux);

#endif /* WEIR_OVSDB_REFS_H */
