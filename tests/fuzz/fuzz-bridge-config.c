/* libFuzzer: arbitrary database contents for the bridge layer.  The input,
 * {"TABLE": {"UUID": {"COLUMN": value, ...}, ...}, ...}, becomes the rows
 * of a replica of the vswitch schema: references may dangle, the root row
 * may be missing or doubled, names may repeat, every value the column type
 * allows may appear.  Reading the configuration, applying it and writing
 * status must not crash; applying the same configuration again, before or
 * after status is written, must call no op. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ovsdb-error.h"
#include "ovsdb-idl-private.h"
#include "vswitchd/bridge-private.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ovsdb_schema *fuzz_schema;

/* Ports whose name starts with 'f' fail to add; status values are out of
 * the schema's enums, which the bridge layer must not write. */
static int fuzz_port_add(void *aux, const char *br, const struct port_cfg *p)
{
	(void) aux;
	(void) br;
	return p->name[0] == 'f' ? ENODEV : 0;
}

static void fuzz_iface_status(void *aux, const char *iface,
			      struct iface_status *s)
{
	(void) aux;
	s->ofport = strlen(iface);
	s->ifindex = -5;
	strcpy(s->link_state, "half");
	strcpy(s->admin_state, "up");
	s->stats[BRIDGE_STAT_RX_BYTES] = UINT64_MAX - 1;
}

static void fuzz_controller_status(void *aux, const char *bridge,
				   const char *target,
				   struct controller_status *s)
{
	(void) aux;
	s->is_connected = true;
	strcpy(s->role, "boss");
	bridge_smap_add(&s->status, "bridge", bridge);
	bridge_smap_add(&s->status, "target", target);
}

static void fuzz_capabilities(void *aux, const char *type,
			      struct bridge_smap *caps)
{
	(void) aux;
	bridge_smap_add(caps, "type", type);
}

static const struct bridge_ops fuzz_ops = {
	.port_add = fuzz_port_add,
	.iface_status = fuzz_iface_status,
	.controller_status = fuzz_controller_status,
	.datapath_capabilities = fuzz_capabilities,
};

static struct ovsdb_idl *fuzz_idl_create(void)
{
	struct ovsdb_idl *idl = xcalloc(1, sizeof *idl);

	if (!fuzz_schema) {
		json_t *json = json_load_file(VSWITCH_SCHEMA, 0, NULL);

		if (!json || ovsdb_schema_from_json(json, &fuzz_schema))
			abort();
		json_decref(json);
	}
	idl->schema = fuzz_schema;
	idl->tables = xcalloc(fuzz_schema->n_tables, sizeof *idl->tables);
	for (size_t i = 0; i < fuzz_schema->n_tables; i++)
		idl->tables[i].schema = fuzz_schema->tables[i];
	idl->comments = json_array();
	return idl;
}

/* Every row is an uncommitted insert: ovsdb_idl_abort() frees them. */
static void fuzz_idl_destroy(struct ovsdb_idl *idl)
{
	ovsdb_idl_abort(idl);
	for (size_t i = 0; i < fuzz_schema->n_tables; i++)
		free(idl->tables[i].rows);
	free(idl->tables);
	json_decref(idl->comments);
	free(idl);
}

static void fuzz_row_load(struct ovsdb_idl_row *row, const json_t *cols)
{
	const char *name;
	json_t *value;

	json_object_foreach((json_t *) cols, name, value) {
		const struct ovsdb_column *c = ovsdb_idl_column(row, name);
		struct ovsdb_datum d;
		struct ovsdb_error *e;

		if (!c || c->index < OVSDB_N_STD_COLUMNS)
			continue;
		e = ovsdb_datum_from_json(&d, &c->type, value, NULL);
		if (e)
			ovsdb_error_destroy(e);
		else
			ovsdb_idl_write(row, c, &d);
	}
}

static void fuzz_idl_load(struct ovsdb_idl *idl, const json_t *tables)
{
	const char *tname, *uuid_s;
	json_t *rows, *cols;

	json_object_foreach((json_t *) tables, tname, rows) {
		struct ovsdb_idl_table *t = ovsdb_idl_table(idl, tname);

		if (!t || !json_is_object(rows))
			continue;
		json_object_foreach(rows, uuid_s, cols) {
			struct uuid uuid;

			if (!json_is_object(cols)
			    || !uuid_from_string(&uuid, uuid_s)
			    || ovsdb_idl_find(t, &uuid))
				continue;
			fuzz_row_load(ovsdb_idl_insert(t, &uuid), cols);
		}
	}
}

/* Reads the replica and applies it over 'cur'; the number of ops. */
static size_t fuzz_apply(struct ovsdb_idl *idl, struct bridge_state *cur)
{
	struct bridge_state want;

	bridge_state_read(idl, &want);
	return bridge_apply(&fuzz_ops, NULL, cur, &want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *json = json_loadb((const char *) data, size,
				  JSON_DECODE_ANY, NULL);
	struct bridge_state cur = { 0 };
	struct ovsdb_idl *idl;

	if (!json_is_object(json)) {
		json_decref(json);
		return 0;
	}
	idl = fuzz_idl_create();
	fuzz_idl_load(idl, json);
	json_decref(json);

	fuzz_apply(idl, &cur);
	if (fuzz_apply(idl, &cur))
		abort();	/* the same configuration twice: no op */
	bridge_status_write(idl, &fuzz_ops, NULL, &cur, true);
	if (fuzz_apply(idl, &cur))
		abort();	/* status is not configuration */

	bridge_state_clear(&cur);
	fuzz_idl_destroy(idl);
	return 0;
}
