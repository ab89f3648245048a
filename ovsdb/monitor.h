/* OVSDB monitors: what a client asked to watch in a database (RFC 7047
 * "monitor", and the OVS extension "monitor_cond"), and the table-updates
 * that tell it about the current contents, about each committed
 * transaction, and about a change of its conditions.
 *
 * Version 1 sends rows as {"new": row} / {"old": row, "new": row}, every
 * monitored column; version 2 ("update2") as {"initial"|"insert": row}
 * with the columns that are not at their default, {"delete": null}, and
 * {"modify": diff} where a set or map column gives the elements that
 * changed and any other column its new value. */
#ifndef WEIR_OVSDB_MONITOR_H
#define WEIR_OVSDB_MONITOR_H 1

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

struct ovsdb_db;
struct ovsdb_error;
struct ovsdb_monitor;
struct ovsdb_txn;

enum ovsdb_monitor_version {
	OVSDB_MONITOR_V1 = 1,		/* "monitor", "update" */
	OVSDB_MONITOR_V2 = 2,		/* "monitor_cond", "update2" */
	OVSDB_MONITOR_V3 = 3,		/* "monitor_cond_since", "update3":
					 * version 2's rows */
};

/* Parses the monitor-requests object ({"Table": request or [request,
 * ...]}); requests after version 1 may carry a "where". */
struct ovsdb_error *ovsdb_monitor_create(const struct ovsdb_db *,
					 const json_t *requests,
					 enum ovsdb_monitor_version,
					 struct ovsdb_monitor **);
void ovsdb_monitor_destroy(struct ovsdb_monitor *);

/* The rows the client asked to get at once: a table-updates object,
 * maybe empty. */
json_t *ovsdb_monitor_initial(const struct ovsdb_monitor *);
/* What an applied transaction changed that the monitor watches, or NULL
 * when nothing. */
json_t *ovsdb_monitor_txn_updates(const struct ovsdb_monitor *,
				  const struct ovsdb_txn *);
/* True if 'a' and 'b' watch the same things the same way, so that every
 * transaction gives both the same updates, byte for byte.  Monitors that
 * merely look alike (the same tables listed in another order) may differ:
 * they get their updates apart. */
bool ovsdb_monitor_same(const struct ovsdb_monitor *a,
			const struct ovsdb_monitor *b);
/* Changes held back from a client that is behind in reading: for each row
 * a transaction changed, its state before the first of them.  Memory is
 * bounded by the rows, not by the transactions. */
struct ovsdb_monitor_held;

struct ovsdb_monitor_held *ovsdb_monitor_held_create(void);
void ovsdb_monitor_held_destroy(struct ovsdb_monitor_held *);
bool ovsdb_monitor_held_empty(const struct ovsdb_monitor_held *);
/* Holds what applied 'txn' changed in the tables 'm' watches. */
void ovsdb_monitor_held_add(struct ovsdb_monitor_held *,
			    const struct ovsdb_monitor *,
			    const struct ovsdb_txn *);
/* The table-updates from the states held to the rows as they are now
 * (one merged change a row, none for a row that came and went), or NULL
 * when nothing shows; empties 'held'. */
json_t *ovsdb_monitor_held_flush(struct ovsdb_monitor_held *,
				 const struct ovsdb_monitor *);
/* A hash of what ovsdb_monitor_same() compares. */
uint32_t ovsdb_monitor_hash(const struct ovsdb_monitor *);
/* "monitor_cond_change": new conditions ({"Table": [{"where": ...}]}).
 * '*updates' gets the rows that enter ("insert") or leave ("delete") the
 * client's view, or NULL; on error nothing changes. */
struct ovsdb_error *ovsdb_monitor_change_cond(struct ovsdb_monitor *,
					      const json_t *requests,
					      json_t **updates);

#endif /* WEIR_OVSDB_MONITOR_H */
