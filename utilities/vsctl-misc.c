/* show; controllers, fail mode, managers and SSL; conntrack zone timeout
 * policies and zone limits. */
#include "vsctl.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"


/* What "show" prints of a table: the column naming a row (NULL: its uuid),
 * then these columns, rows they reference nested below. */
struct show_table {
	const char *table;
	const char *name_column;
	const char *columns[4];
};

static const struct show_table show_tables[] = {
	{ "Open_vSwitch", NULL,
	  { "manager_options", "bridges", "ovs_version", NULL } },
	{ "Bridge", "name",
	  { "controller", "fail_mode", "datapath_type", "ports" } },
	{ "Port", "name", { "tag", "trunks", "interfaces", NULL } },
	{ "Interface", "name", { "type", "options", "error", "bfd_status" } },
	{ "Controller", "target", { "is_connected", NULL, NULL, NULL } },
	{ "Manager", "target", { "is_connected", NULL, NULL, NULL } },
};

static const struct show_table *show_find(const char *table)
{
	for (size_t i = 0; i < sizeof show_tables / sizeof *show_tables; i++)
		if (!strcmp(show_tables[i].table, table))
			return &show_tables[i];
	return NULL;
}

static void show_indent(struct vstr *out, int level)
{
	vstr_printf(out, "%*s", level * 4, "");
}

static void show_row(struct vsctl_ctx *ctx, struct ovsdb_idl_row *row,
		     int level);

static void show_map_refs(struct vsctl_ctx *ctx, const struct ovsdb_column *c,
			  const struct ovsdb_datum *d,
			  const struct show_table *ref, int level)
{
	struct vstr *out = &ctx->cmd->output;
	struct ovsdb_idl_table *t = ovsdb_idl_table(ctx->idl, ref->table);

	show_indent(out, level + 1);
	vstr_printf(out, "%s:\n", c->name);
	for (size_t j = 0; j < d->n; j++) {
		struct ovsdb_idl_row *r = ovsdb_idl_find(t, &d->values[j].uuid);
		show_indent(out, level + 2);
		vsctl_atom_to_string(&d->keys[j], c->type.key.type, out);
		vstr_putc(out, '=');
		if (r) {
			const struct ovsdb_column *nc = ovsdb_idl_column(
				r, ref->name_column);
			vsctl_datum_to_string(ovsdb_idl_read(r, nc),
					      &nc->type, out);
		} else {
			vstr_put(out, "\"<null>\"");
		}
		vstr_putc(out, '\n');
	}
}

static void show_column(struct vsctl_ctx *ctx, struct ovsdb_idl_row *row,
			const char *name, int level)
{
	const struct ovsdb_column *c = ovsdb_idl_column(row, name);
	struct vstr *out = &ctx->cmd->output;

	if (!c)
		return;
	const struct ovsdb_datum *d = ovsdb_idl_read(row, c);
	const struct ovsdb_base_type *key = &c->type.key;
	const struct ovsdb_base_type *value = &c->type.value;
	const struct show_table *ref;

	if (key->type == OVSDB_TYPE_UUID && key->u.uuid.ref_table_name) {
		ref = show_find(key->u.uuid.ref_table_name);
		if (ref) {
			struct ovsdb_idl_table *t = ovsdb_idl_table(ctx->idl,
								    ref->table);
			for (size_t j = 0; j < d->n; j++) {
				struct ovsdb_idl_row *r;
				r = ovsdb_idl_find(t, &d->keys[j].uuid);
				if (r)
					show_row(ctx, r, level + 1);
			}
			return;
		}
	} else if (ovsdb_type_is_map(&c->type)
		   && value->type == OVSDB_TYPE_UUID
		   && value->u.uuid.ref_table_name) {
		ref = show_find(value->u.uuid.ref_table_name);
		if (ref && ref->name_column) {
			show_map_refs(ctx, c, d, ref, level);
			return;
		}
	}
	if (ovsdb_datum_is_default(d, &c->type))
		return;
	show_indent(out, level + 1);
	vstr_printf(out, "%s: ", c->name);
	vsctl_datum_to_string(d, &c->type, out);
	vstr_putc(out, '\n');
}

static void show_row(struct vsctl_ctx *ctx, struct ovsdb_idl_row *row,
		     int level)
{
	const struct show_table *show = show_find(row->table->schema->name);
	struct vstr *out = &ctx->cmd->output;

	show_indent(out, level);
	if (show && show->name_column) {
		const struct ovsdb_column *c = ovsdb_idl_column(
			row, show->name_column);
		vstr_printf(out, "%s ", show->table);
		vsctl_datum_to_string(ovsdb_idl_read(row, c), &c->type, out);
	} else {
		char u[UUID_LEN + 1];
		uuid_format(&row->uuid, u);
		vstr_put(out, u);
	}
	vstr_putc(out, '\n');
	if (!show)
		return;
	for (size_t i = 0; i < 4 && show->columns[i]; i++)
		show_column(ctx, row, show->columns[i], level);
}

static void cmd_show(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(ctx->idl, "Open_vSwitch");
	struct ovsdb_idl_row *row;
	size_t i;

	OVSDB_IDL_FOR_EACH (row, i, t)
		show_row(ctx, row, 0);
}

/* Prints the strings in 'column' of the rows 'refs' points to, sorted,
 * each once when 'unique'. */
static void print_ref_strings(struct vsctl_ctx *ctx, const char *table,
			      const struct ovsdb_datum *refs,
			      const char *column, bool unique)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(ctx->idl, table);
	const char **names = xcalloc(refs->n + 1, sizeof *names);
	size_t n = 0;

	for (size_t i = 0; i < refs->n; i++) {
		struct ovsdb_idl_row *r = ovsdb_idl_find(t, &refs->keys[i].uuid);
		if (!r)
			continue;
		vsctl_verify(r, column);
		names[n++] = vsctl_get_string(r, column);
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(names[j], names[i]) < 0) {
				const char *tmp = names[i];
				names[i] = names[j];
				names[j] = tmp;
			}
	for (size_t i = 0; i < n; i++)
		if (!unique || !i || strcmp(names[i], names[i - 1]))
			vsctl_print(ctx, "%s\n", names[i]);
	free(names);
}

static void delete_refs(struct vsctl_ctx *ctx, struct ovsdb_idl_row *row,
			const char *column, const char *table)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(ctx->idl, table);
	const struct ovsdb_datum *d = ovsdb_idl_get(row, column);
	struct ovsdb_datum empty;

	for (size_t i = 0; i < d->n; i++) {
		struct ovsdb_idl_row *r = ovsdb_idl_find(t, &d->keys[i].uuid);
		if (r)
			ovsdb_idl_delete(r);
	}
	ovsdb_datum_init_empty(&empty);
	ovsdb_idl_set(row, column, &empty);
}

/* New rows of 'table' with the given targets; their uuids go to 'column'
 * of 'owner'. */
static void insert_targets(struct vsctl_ctx *ctx, struct ovsdb_idl_row *owner,
			   const char *column, const char *table,
			   char **targets, int n)
{
	const char *probe = vsctl_option_value(ctx, "--inactivity-probe");
	struct uuid *uuids = xcalloc(n + 1, sizeof *uuids);

	for (int i = 0; i < n; i++) {
		struct ovsdb_idl_row *r;
		r = ovsdb_idl_insert(vsctl_table(ctx, table), NULL);
		vsctl_set_string(r, "target", targets[i]);
		if (probe)
			vsctl_set_integer(r, "inactivity_probe", atoll(probe));
		uuids[i] = r->uuid;
	}
	vsctl_set_uuids(owner, column, uuids, n);
	free(uuids);
}

static struct ovsdb_idl_row *controller_bridge(struct vsctl_ctx *ctx,
					       bool allow_fake)
{
	struct ovsdb_idl_row *br = vsctl_bridge_row(ctx, ctx->argv[1],
						    allow_fake);

	vsctl_verify(br, "controller");
	return br;
}

static void cmd_get_controller(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *br = controller_bridge(ctx, true);

	print_ref_strings(ctx, "Controller", ovsdb_idl_get(br, "controller"),
			  "target", false);
}

static void cmd_del_controller(struct vsctl_ctx *ctx)
{
	delete_refs(ctx, controller_bridge(ctx, false), "controller", "Controller");
}

static void cmd_set_controller(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *br = controller_bridge(ctx, false);

	delete_refs(ctx, br, "controller", "Controller");
	insert_targets(ctx, br, "controller", "Controller", &ctx->argv[2],
		       ctx->argc - 2);
}

static void cmd_get_fail_mode(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *br = vsctl_bridge_row(ctx, ctx->argv[1], true);
	const char *mode = vsctl_get_string(br, "fail_mode");

	vsctl_verify(br, "fail_mode");
	if (*mode)
		vsctl_print(ctx, "%s\n", mode);
}

static void cmd_del_fail_mode(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *br = vsctl_bridge_row(ctx, ctx->argv[1], false);
	struct ovsdb_datum empty;

	ovsdb_datum_init_empty(&empty);
	ovsdb_idl_set(br, "fail_mode", &empty);
}

static void cmd_set_fail_mode(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *br = vsctl_bridge_row(ctx, ctx->argv[1], false);
	const char *mode = ctx->argv[2];

	if (strcmp(mode, "standalone") && strcmp(mode, "secure"))
		vsctl_fatal("fail-mode must be \"standalone\" or \"secure\"");
	vsctl_set_string(br, "fail_mode", mode);
}

static void cmd_get_manager(struct vsctl_ctx *ctx)
{
	vsctl_verify(ctx->ovs, "manager_options");
	print_ref_strings(ctx, "Manager",
			  ovsdb_idl_get(ctx->ovs, "manager_options"), "target",
			  true);
}

static void cmd_del_manager(struct vsctl_ctx *ctx)
{
	vsctl_verify(ctx->ovs, "manager_options");
	delete_refs(ctx, ctx->ovs, "manager_options", "Manager");
}

static void cmd_set_manager(struct vsctl_ctx *ctx)
{
	cmd_del_manager(ctx);
	insert_targets(ctx, ctx->ovs, "manager_options", "Manager",
		       &ctx->argv[1], ctx->argc - 1);
}

static struct ovsdb_idl_row *ssl_row(struct vsctl_ctx *ctx)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(ctx->ovs, "ssl");

	vsctl_verify(ctx->ovs, "ssl");
	return d->n ? ovsdb_idl_find(ovsdb_idl_table(ctx->idl, "SSL"),
				     &d->keys[0].uuid) : NULL;
}

static void cmd_get_ssl(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *ssl = ssl_row(ctx);

	if (!ssl)
		return;
	vsctl_print(ctx, "Private key: %s\n",
		    vsctl_get_string(ssl, "private_key"));
	vsctl_print(ctx, "Certificate: %s\n",
		    vsctl_get_string(ssl, "certificate"));
	vsctl_print(ctx, "CA Certificate: %s\n",
		    vsctl_get_string(ssl, "ca_cert"));
	vsctl_print(ctx, "Bootstrap: %s\n",
		    ovsdb_idl_get(ssl, "bootstrap_ca_cert")->keys[0].boolean
		    ? "true" : "false");
}

static void cmd_del_ssl(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *ssl = ssl_row(ctx);
	struct ovsdb_datum empty;

	if (!ssl)
		return;
	ovsdb_idl_delete(ssl);
	ovsdb_datum_init_empty(&empty);
	ovsdb_idl_set(ctx->ovs, "ssl", &empty);
}

static void cmd_set_ssl(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *ssl = ssl_row(ctx);
	union ovsdb_atom b = {
		.boolean = vsctl_has_option(ctx, "--bootstrap") };
	struct ovsdb_datum d;

	if (ssl)
		ovsdb_idl_delete(ssl);
	ssl = ovsdb_idl_insert(vsctl_table(ctx, "SSL"), NULL);
	vsctl_set_string(ssl, "private_key", ctx->argv[1]);
	vsctl_set_string(ssl, "certificate", ctx->argv[2]);
	vsctl_set_string(ssl, "ca_cert", ctx->argv[3]);
	ovsdb_datum_init_single(&d, &b, NULL, &ovsdb_idl_column(
		ssl, "bootstrap_ca_cert")->type);
	ovsdb_idl_set(ssl, "bootstrap_ca_cert", &d);
	vsctl_set_uuids(ctx->ovs, "ssl", &ssl->uuid, 1);
}

/* The Datapath row that Open_vSwitch.datapaths names 'name'. */
static struct ovsdb_idl_row *find_datapath(struct vsctl_ctx *ctx,
					   const char *name)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(ctx->ovs, "datapaths");

	for (size_t i = 0; d && i < d->n; i++)
		if (!strcmp(d->keys[i].string, name))
			return ovsdb_idl_find(ovsdb_idl_table(ctx->idl,
							      "Datapath"),
					      &d->values[i].uuid);
	return NULL;
}

static struct ovsdb_idl_row *zone_datapath(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *dp = find_datapath(ctx, ctx->argv[1]);

	if (!dp)
		vsctl_fatal("datapath %s does not exist", ctx->argv[1]);
	vsctl_verify(dp, "ct_zones");
	return dp;
}

/* "zone=N" as ovs-vsctl reads it: a bad number reads as zone 0. */
static int64_t zone_arg(const char *arg)
{
	int64_t zone = 0;

	if (sscanf(arg, "zone=%" SCNi64, &zone) != 1)
		zone = 0;
	return zone;
}

static struct ovsdb_idl_row *find_zone(struct vsctl_ctx *ctx,
				       struct ovsdb_idl_row *dp, int64_t zone)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(dp, "ct_zones");

	for (size_t i = 0; i < d->n; i++)
		if (d->keys[i].integer == zone)
			return ovsdb_idl_find(ovsdb_idl_table(ctx->idl,
							      "CT_Zone"),
					      &d->values[i].uuid);
	return NULL;
}

/* Adds or removes key 'zone' of Datapath.ct_zones. */
static void set_zone(struct ovsdb_idl_row *dp, int64_t zone,
		     const struct uuid *uuid)
{
	const struct ovsdb_column *c = ovsdb_idl_column(dp, "ct_zones");
	union ovsdb_atom k = { .integer = zone }, v;
	struct ovsdb_type keys = { .key = c->type.key, .n_max = 1 };
	struct ovsdb_datum d, one;

	ovsdb_datum_clone(&d, ovsdb_idl_read(dp, c), &c->type);
	ovsdb_datum_init_single(&one, &k, NULL, &keys);
	ovsdb_datum_subtract(&d, &c->type, &one, &keys);
	ovsdb_datum_destroy(&one, &keys);
	if (uuid) {
		v.uuid = *uuid;
		ovsdb_datum_init_single(&one, &k, &v, &c->type);
		ovsdb_datum_union(&d, &one, &c->type);
		ovsdb_datum_destroy(&one, &c->type);
	}
	ovsdb_idl_write(dp, c, &d);
}

/* An existing CT_Timeout_Policy with exactly these timeouts, or a new
 * one. */
static struct ovsdb_idl_row *timeout_policy(struct vsctl_ctx *ctx,
					    char **args, int n)
{
	struct ovsdb_idl_table *t = vsctl_table(ctx, "CT_Timeout_Policy");
	const struct ovsdb_column *c = ovsdb_table_schema_find_column(
		t->schema, "timeouts");
	struct ovsdb_datum want;
	struct ovsdb_idl_row *row;
	struct vstr s = { 0 };
	size_t i;

	for (int a = 0; a < n; a++)
		vstr_printf(&s, "%s%s", a ? "," : "", args[a]);
	char *error = vsctl_datum_from_string(&want, &c->type, vstr_cstr(&s),
					      NULL);
	vstr_free(&s);
	if (error)
		vsctl_fatal("%s", error);
	OVSDB_IDL_FOR_EACH (row, i, t) {
		if (ovsdb_datum_equals(ovsdb_idl_read(row, c), &want,
				       &c->type)) {
			ovsdb_datum_destroy(&want, &c->type);
			return row;
		}
	}
	row = ovsdb_idl_insert(t, NULL);
	ovsdb_idl_write(row, c, &want);
	return row;
}

static void cmd_add_zone_tp(struct vsctl_ctx *ctx)
{
	int64_t zone_id = zone_arg(ctx->argv[2]);
	struct ovsdb_idl_row *dp = zone_datapath(ctx);
	struct ovsdb_idl_row *zone = find_zone(ctx, dp, zone_id);

	if (ctx->argc <= 3)
		vsctl_fatal("No timeout policy");
	if (zone && !vsctl_has_option(ctx, "--may-exist"))
		vsctl_fatal("zone id %" PRId64 " already exists", zone_id);
	struct ovsdb_idl_row *tp = timeout_policy(ctx, &ctx->argv[3],
						  ctx->argc - 3);
	if (!zone) {
		zone = ovsdb_idl_insert(vsctl_table(ctx, "CT_Zone"), NULL);
		set_zone(dp, zone_id, &zone->uuid);
	}
	vsctl_set_uuids(zone, "timeout_policy", &tp->uuid, 1);
}

static void cmd_del_zone_tp(struct vsctl_ctx *ctx)
{
	int64_t zone_id = zone_arg(ctx->argv[2]);
	struct ovsdb_idl_row *dp = zone_datapath(ctx);

	if (!find_zone(ctx, dp, zone_id)) {
		if (!vsctl_has_option(ctx, "--if-exists"))
			vsctl_fatal("zone id %" PRId64 " does not exist",
				    zone_id);
		return;
	}
	set_zone(dp, zone_id, NULL);
}

/* The ct_zones of the datapath the list commands name. */
static const struct ovsdb_datum *listed_zones(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *dp = find_datapath(ctx, ctx->argv[1]);

	if (!dp)
		vsctl_fatal("datapath: %s record not found", ctx->argv[1]);
	return ovsdb_idl_get(dp, "ct_zones");
}

static struct ovsdb_idl_row *zone_at(struct vsctl_ctx *ctx,
				     const struct ovsdb_datum *zones, size_t i)
{
	return ovsdb_idl_find(ovsdb_idl_table(ctx->idl, "CT_Zone"),
			      &zones->values[i].uuid);
}

static void cmd_list_zone_tp(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_table *tps = vsctl_table(ctx, "CT_Timeout_Policy");
	const struct ovsdb_datum *zones = listed_zones(ctx);

	for (size_t i = 0; i < zones->n; i++) {
		struct ovsdb_idl_row *zone = zone_at(ctx, zones, i);
		const struct ovsdb_datum *tp = zone
			? ovsdb_idl_get(zone, "timeout_policy") : NULL;
		struct ovsdb_idl_row *tpr = tp && tp->n
			? ovsdb_idl_find(tps, &tp->keys[0].uuid) : NULL;
		vsctl_print(ctx, "Zone:%" PRId64 ", Timeout Policies: ",
			    zones->keys[i].integer);
		if (!tpr) {
			vsctl_print(ctx, "system default\n");
			continue;
		}
		const struct ovsdb_datum *t = ovsdb_idl_get(tpr, "timeouts");
		for (size_t j = 0; j < t->n; j++)
			vsctl_print(ctx, "%s%s=%" PRId64, j ? " " : "",
				    t->keys[j].string, t->values[j].integer);
		vsctl_print(ctx, "\n");
	}
}

/* Zone limits live in CT_Zone.limit (this ovs-vsctl has no commands for
 * them; the syntax follows the zone-tp commands).  set-zone-limit replaces
 * a limit; add-zone-limit refuses to, without --may-exist. */
static void cmd_add_zone_limit(struct vsctl_ctx *ctx)
{
	int64_t zone_id = zone_arg(ctx->argv[2]), limit;
	struct ovsdb_idl_row *dp = zone_datapath(ctx);
	struct ovsdb_idl_row *zone = find_zone(ctx, dp, zone_id);
	char *end;

	if (strncmp(ctx->argv[3], "limit=", 6))
		vsctl_fatal("%s: expected limit=N", ctx->argv[3]);
	limit = strtoll(ctx->argv[3] + 6, &end, 10);
	if (*end || end == ctx->argv[3] + 6 || limit < 0
	    || limit > UINT32_MAX)
		vsctl_fatal("%s: limit must be between 0 and 4294967295",
			    ctx->argv[3]);
	if (zone && zone_id >= 0 && strcmp(ctx->argv[0], "set-zone-limit")
	    && !vsctl_has_option(ctx, "--may-exist")
	    && ovsdb_idl_get(zone, "limit")->n)
		vsctl_fatal("zone id %" PRId64 " already has a limit",
			    zone_id);
	if (!zone) {
		zone = ovsdb_idl_insert(vsctl_table(ctx, "CT_Zone"), NULL);
		set_zone(dp, zone_id, &zone->uuid);
	}
	vsctl_set_integer(zone, "limit", limit);
}

static void cmd_del_zone_limit(struct vsctl_ctx *ctx)
{
	int64_t zone_id = zone_arg(ctx->argv[2]);
	struct ovsdb_idl_row *dp = zone_datapath(ctx);
	struct ovsdb_idl_row *zone = find_zone(ctx, dp, zone_id);
	struct ovsdb_datum empty;

	if (!zone || !ovsdb_idl_get(zone, "limit")->n) {
		if (!vsctl_has_option(ctx, "--if-exists"))
			vsctl_fatal("zone id %" PRId64 " has no limit",
				    zone_id);
		return;
	}
	ovsdb_datum_init_empty(&empty);
	ovsdb_idl_set(zone, "limit", &empty);
	if (!ovsdb_idl_get(zone, "timeout_policy")->n)
		set_zone(dp, zone_id, NULL);
}

static void cmd_list_zone_limit(struct vsctl_ctx *ctx)
{
	const struct ovsdb_datum *zones = listed_zones(ctx);

	for (size_t i = 0; i < zones->n; i++) {
		struct ovsdb_idl_row *zone = zone_at(ctx, zones, i);
		const struct ovsdb_datum *l = zone ? ovsdb_idl_get(zone, "limit")
						   : NULL;
		if (l && l->n)
			vsctl_print(ctx, "Zone:%" PRId64 ", Limit:%" PRId64 "\n",
				    zones->keys[i].integer,
				    l->keys[0].integer);
	}
}

static void cmd_list_dp_cap(struct vsctl_ctx *ctx)
{
	struct ovsdb_idl_row *dp = find_datapath(ctx, ctx->argv[1]);

	if (!dp)
		vsctl_fatal("datapath \"%s\" record not found", ctx->argv[1]);
	const struct ovsdb_datum *caps = ovsdb_idl_get(dp, "capabilities");
	for (size_t i = 0; i < caps->n; i++)
		vsctl_print(ctx, "%s%s=%s", i ? " " : "", caps->keys[i].string,
			    caps->values[i].string);
	vsctl_print(ctx, "\n");
}

const struct vsctl_syntax vsctl_misc_commands[] = {
	{ "show", 0, 0, "", cmd_show, NULL, "", false },
	{ "get-controller", 1, 1, "BRIDGE", cmd_get_controller, NULL, "",
	  false },
	{ "del-controller", 1, 1, "BRIDGE", cmd_del_controller, NULL, "",
	  true },
	{ "set-controller", 1, 1000000, "BRIDGE TARGET...", cmd_set_controller,
	  NULL, "--inactivity-probe=", true },
	{ "get-fail-mode", 1, 1, "BRIDGE", cmd_get_fail_mode, NULL, "",
	  false },
	{ "del-fail-mode", 1, 1, "BRIDGE", cmd_del_fail_mode, NULL, "", true },
	{ "set-fail-mode", 2, 2, "BRIDGE MODE", cmd_set_fail_mode, NULL, "",
	  true },
	{ "get-manager", 0, 0, "", cmd_get_manager, NULL, "", false },
	{ "del-manager", 0, 0, "", cmd_del_manager, NULL, "", true },
	{ "set-manager", 1, 1000000, "TARGET...", cmd_set_manager, NULL,
	  "--inactivity-probe=", true },
	{ "get-ssl", 0, 0, "", cmd_get_ssl, NULL, "", false },
	{ "del-ssl", 0, 0, "", cmd_del_ssl, NULL, "", true },
	{ "set-ssl", 3, 3, "PRIVATE-KEY CERTIFICATE CA-CERT", cmd_set_ssl,
	  NULL, "--bootstrap", true },
	{ "add-zone-tp", 3, 1000000, "DP zone=ZONE KEY=VALUE...",
	  cmd_add_zone_tp, NULL, "--may-exist", true },
	{ "del-zone-tp", 2, 2, "DP zone=ZONE", cmd_del_zone_tp, NULL,
	  "--if-exists", true },
	{ "list-zone-tp", 1, 1, "DP", cmd_list_zone_tp, NULL, "", false },
	{ "list-dp-cap", 1, 1, "DP", cmd_list_dp_cap, NULL, "", false },
	{ "set-zone-limit", 3, 3, "DP zone=ZONE limit=LIMIT",
	  cmd_add_zone_limit, NULL, "", true },
	{ "add-zone-limit", 3, 3, "DP zone=ZONE limit=LIMIT",
	  cmd_add_zone_limit, NULL, "--may-exist", true },
	{ "del-zone-limit", 2, 2, "DP zone=ZONE", cmd_del_zone_limit, NULL,
	  "--if-exists", true },
	{ "list-zone-limit", 1, 1, "DP", cmd_list_zone_limit, NULL, "",
	  false },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL, false },
};
