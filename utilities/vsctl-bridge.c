/* Bridge, port and interface commands over the Open_vSwitch, Bridge, Port
 * and Interface tables, with ovs-vsctl's view of them: a "fake bridge" is
 * a port flagged fake_bridge with a VLAN tag, and the ports of its parent
 * with that tag belong to it. */
#include "vsctl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct vsctl_br {
	const char *name;
	struct ovsdb_idl_row *row;	/* NULL for a fake bridge */
	struct vsctl_br *parent;	/* fake: the real bridge */
	int vlan;
};

struct vsctl_port {
	const char *name;
	struct ovsdb_idl_row *row;
	struct vsctl_br *br;
};

struct vsctl_iface {
	const char *name;
	struct ovsdb_idl_row *row;
	struct vsctl_port *port;
};

struct vsctl_cache {
	struct vsctl_br *brs;
	size_t n_brs;
	struct vsctl_port *ports;
	size_t n_ports;
	struct vsctl_iface *ifaces;
	size_t n_ifaces;
};

void vsctl_cache_invalidate(struct vsctl_ctx *ctx)
{
	struct vsctl_cache *c = ctx->cache;

	if (!c)
		return;
	free(c->brs);
	free(c->ports);
	free(c->ifaces);
	free(c);
	ctx->cache = NULL;
}

static struct vsctl_br *cache_br(struct vsctl_cache *c, const char *name)
{
	for (size_t i = 0; i < c->n_brs; i++)
		if (!strcmp(c->brs[i].name, name))
			return &c->brs[i];
	return NULL;
}

static struct vsctl_port *cache_port(struct vsctl_cache *c, const char *name)
{
	for (size_t i = 0; i < c->n_ports; i++)
		if (!strcmp(c->ports[i].name, name))
			return &c->ports[i];
	return NULL;
}

static struct vsctl_iface *cache_iface(struct vsctl_cache *c,
				       const char *name)
{
	for (size_t i = 0; i < c->n_ifaces; i++)
		if (!strcmp(c->ifaces[i].name, name))
			return &c->ifaces[i];
	return NULL;
}

/* The rows a set-of-uuids column of 'row' points to in 'table'. */
static struct ovsdb_idl_row *cache_ref(struct vsctl_ctx *ctx,
				       const char *table,
				       const struct ovsdb_datum *d, size_t i)
{
	return ovsdb_idl_find(ovsdb_idl_table(ctx->idl, table),
			      &d->keys[i].uuid);
}

static bool port_is_fake_bridge(const struct ovsdb_idl_row *port)
{
	const struct ovsdb_datum *fake = ovsdb_idl_get(port, "fake_bridge");
	const struct ovsdb_datum *tag = ovsdb_idl_get(port, "tag");

	return fake->n && fake->keys[0].boolean && tag->n
	       && tag->keys[0].integer >= 0 && tag->keys[0].integer <= 4095;
}

static int port_tag(const struct ovsdb_idl_row *port)
{
	const struct ovsdb_datum *tag = ovsdb_idl_get(port, "tag");

	return tag->n && tag->keys[0].integer >= 0
	       && tag->keys[0].integer <= 4095 ? (int) tag->keys[0].integer
					       : -1;
}

static void cache_add_bridges(struct vsctl_ctx *ctx, struct vsctl_cache *c,
			      const struct ovsdb_datum *brs, size_t cap)
{
	c->brs = xcalloc(cap + 1, sizeof *c->brs);
	for (size_t i = 0; i < brs->n; i++) {
		struct ovsdb_idl_row *br = cache_ref(ctx, "Bridge", brs, i);
		const char *name = br ? vsctl_get_string(br, "name") : NULL;
		if (!br || cache_br(c, name))
			continue;
		struct vsctl_br *b = &c->brs[c->n_brs++];
		b->name = name;
		b->row = br;
		vsctl_verify(br, "ports");
		/* Fake bridges are found among the parent's ports; 'brs' never
		 * moves, so 'b' stays valid as their parent. */
		const struct ovsdb_datum *ports = ovsdb_idl_get(br, "ports");
		for (size_t j = 0; j < ports->n; j++) {
			struct ovsdb_idl_row *p = cache_ref(ctx, "Port", ports, j);
			if (!p || !port_is_fake_bridge(p)
			    || cache_br(c, vsctl_get_string(p, "name")))
				continue;
			struct vsctl_br *f = &c->brs[c->n_brs++];
			f->name = vsctl_get_string(p, "name");
			f->parent = b;
			f->vlan = port_tag(p);
		}
	}
}

static struct vsctl_br *cache_vlan_child(struct vsctl_cache *c,
					 struct vsctl_br *parent, int vlan)
{
	for (size_t i = 0; i < c->n_brs; i++)
		if (c->brs[i].parent == parent && c->brs[i].vlan == vlan)
			return &c->brs[i];
	return NULL;
}

static void cache_add_port(struct vsctl_ctx *ctx, struct vsctl_cache *c,
			   struct vsctl_br *br, struct ovsdb_idl_row *p)
{
	int tag = port_tag(p);
	struct vsctl_br *child = tag >= 0 ? cache_vlan_child(c, br, tag)
					  : NULL;
	struct vsctl_port *port = &c->ports[c->n_ports++];

	port->name = vsctl_get_string(p, "name");
	port->row = p;
	port->br = child ? child : br;
	vsctl_verify(p, "interfaces");
	const struct ovsdb_datum *ifs = ovsdb_idl_get(p, "interfaces");
	c->ifaces = xrealloc(c->ifaces,
			     (c->n_ifaces + ifs->n + 1) * sizeof *c->ifaces);
	for (size_t k = 0; k < ifs->n; k++) {
		struct ovsdb_idl_row *i = cache_ref(ctx, "Interface", ifs, k);
		if (!i || cache_iface(c, vsctl_get_string(i, "name")))
			continue;
		c->ifaces[c->n_ifaces++] = (struct vsctl_iface) {
			vsctl_get_string(i, "name"), i, port };
	}
}

static struct vsctl_cache *vsctl_cache(struct vsctl_ctx *ctx)
{
	struct vsctl_cache *c;
	size_t n_ports = 0;

	if (ctx->cache)
		return ctx->cache;
	c = ctx->cache = xcalloc(1, sizeof *c);
	vsctl_verify(ctx->ovs, "bridges");
	const struct ovsdb_datum *brs = ovsdb_idl_get(ctx->ovs, "bridges");
	for (size_t i = 0; i < brs->n; i++) {
		struct ovsdb_idl_row *br = cache_ref(ctx, "Bridge", brs, i);
		n_ports += br ? ovsdb_idl_get(br, "ports")->n : 0;
	}
	cache_add_bridges(ctx, c, brs, brs->n + n_ports);
	c->ports = xcalloc(n_ports + 1, sizeof *c->ports);
	for (size_t b = 0; b < c->n_brs; b++) {
		struct vsctl_br *br = &c->brs[b];
		if (!br->row)
			continue;
		const struct ovsdb_datum *ports = ovsdb_idl_get(br->row,
								"ports");
		for (size_t j = 0; j < ports->n; j++) {
			struct ovsdb_idl_row *p = cache_ref(ctx, "Port", ports,
							    j);
			if (p && !cache_port(c, vsctl_get_string(p, "name")))
				cache_add_port(ctx, c, br, p);
		}
	}
	return c;
}

static struct vsctl_br *find_bridge(struct vsctl_ctx *ctx, const char *name,
				    bool must_exist)
{
	struct vsctl_br *br = cache_br(vsctl_cache(ctx), name);

	if (!br && must_exist)
		vsctl_fatal("no bridge named %s", name);
	return br;
}

static struct vsctl_br *find_real_bridge(struct vsctl_ctx *ctx,
					 const char *name, bool must_exist)
{
	struct vsctl_br *br = find_bridge(ctx, name, must_exist);

	if (br && br->parent)
		vsctl_fatal("%s is a fake bridge", name);
	return br;
}

/* A bridge's own local port is not one of "its ports". */
static struct vsctl_port *find_port(struct vsctl_ctx *ctx, const char *name,
				    bool must_exist)
{
	struct vsctl_port *port = cache_port(vsctl_cache(ctx), name);

	if (port && !strcmp(name, port->br->name))
		port = NULL;
	if (!port && must_exist)
		vsctl_fatal("no port named %s", name);
	return port;
}

static struct vsctl_iface *find_iface(struct vsctl_ctx *ctx,
				      const char *name, bool must_exist)
{
	struct vsctl_iface *iface = cache_iface(vsctl_cache(ctx), name);

	if (iface && !strcmp(name, iface->port->br->name))
		iface = NULL;
	if (!iface && must_exist)
		vsctl_fatal("no interface named %s", name);
	return iface;
}

static struct ovsdb_idl_row *real_row(const struct vsctl_br *br)
{
	return br->parent ? br->parent->row : br->row;
}

static void check_conflicts(struct vsctl_ctx *ctx, const char *name,
			    const char *what)
{
	struct vsctl_cache *c = vsctl_cache(ctx);
	struct vsctl_port *port;
	struct vsctl_iface *iface;

	if (cache_br(c, name))
		vsctl_fatal("%s because a bridge named %s already exists",
			    what, name);
	port = cache_port(c, name);
	if (port)
		vsctl_fatal("%s because a port named %s already exists on "
			    "bridge %s", what, name, port->br->name);
	iface = cache_iface(c, name);
	if (iface)
		vsctl_fatal("%s because an interface named %s already exists "
			    "on bridge %s", what, name, iface->port->br->name);
}

static void cmd_init(struct vsctl_ctx *ctx)
{
	(void) ctx;
}

static void may_exist_br(struct vsctl_ctx *ctx, struct vsctl_br *br,
			 const char *parent, int vlan)
{
	const char *name = ctx->argv[1];

	if (!parent && br->parent)
		vsctl_fatal("\"--may-exist add-br %s\" but %s is a VLAN bridge "
			    "for VLAN %d", name, name, br->vlan);
	if (!parent)
		return;
	if (!br->parent)
		vsctl_fatal("\"--may-exist add-br %s %s %d\" but %s is not a "
			    "VLAN bridge", name, parent, vlan, name);
	if (strcmp(br->parent->name, parent))
		vsctl_fatal("\"--may-exist add-br %s %s %d\" but %s has the "
			    "wrong parent %s", name, parent, vlan, name,
			    br->parent->name);
	if (br->vlan != vlan)
		vsctl_fatal("\"--may-exist add-br %s %s %d\" but %s is a VLAN "
			    "bridge for the wrong VLAN %d", name, parent, vlan,
			    name, br->vlan);
}

/* A new port named 'name' with one internal interface of the same name. */
static struct ovsdb_idl_row *new_internal_port(struct vsctl_ctx *ctx,
					       const char *name)
{
	struct ovsdb_idl_row *iface, *port;

	iface = ovsdb_idl_insert(vsctl_table(ctx, "Interface"), NULL);
	vsctl_set_string(iface, "name", name);
	vsctl_set_string(iface, "type", "internal");
	vsctl_expect_iface(&iface->uuid);
	port = ovsdb_idl_insert(vsctl_table(ctx, "Port"), NULL);
	vsctl_set_string(port, "name", name);
	vsctl_set_uuids(port, "interfaces", &iface->uuid, 1);
	return port;
}

static void cmd_add_br(struct vsctl_ctx *ctx)
{
	const char *name = ctx->argv[1];
	const char *parent_name = NULL;
	int vlan = 0;

	if (!name[0])
		vsctl_fatal("bridge name must not be empty string");
	if (ctx->argc == 4) {
		parent_name = ctx->argv[2];
		vlan = atoi(ctx->argv[3]);
		if (vlan < 0 || vlan > 4095)
			vsctl_fatal("%s: vlan must be between 0 and 4095",
				    ctx->argv[0]);
	} else if (ctx->argc != 2) {
		vsctl_fatal("'%s' command takes exactly 1 or 3 arguments",
			    ctx->argv[0]);
	}
	if (vsctl_has_option(ctx, "--may-exist")) {
		struct vsctl_br *br = find_bridge(ctx, name, false);
		if (br) {
			may_exist_br(ctx, br, parent_name, vlan);
			return;
		}
	}
	char *what = xasprintf("cannot create a bridge named %s", name);
	check_conflicts(ctx, name, what);
	free(what);

	if (!parent_name) {
		struct ovsdb_idl_row *port = new_internal_port(ctx, name);
		struct ovsdb_idl_row *br;
		br = ovsdb_idl_insert(vsctl_table(ctx, "Bridge"), NULL);
		vsctl_set_string(br, "name", name);
		vsctl_set_uuids(br, "ports", &port->uuid, 1);
		vsctl_add_uuid(ctx->ovs, "bridges", &br->uuid);
	} else {
		struct vsctl_br *parent = find_bridge(ctx, parent_name, false);
		if (parent && parent->parent)
			vsctl_fatal("cannot create bridge with fake bridge as "
				    "parent");
		if (!parent)
			vsctl_fatal("parent bridge %s does not exist",
				    parent_name);
		struct vsctl_br *conflict = cache_vlan_child(vsctl_cache(ctx),
							     parent, vlan);
		if (conflict)
			vsctl_fatal("bridge %s already has a child VLAN bridge "
				    "%s on VLAN %d", parent_name, conflict->name,
				    vlan);
		struct ovsdb_idl_row *br = parent->row;
		struct ovsdb_idl_row *port = new_internal_port(ctx, name);
		union ovsdb_atom t = { .boolean = true };
		struct ovsdb_datum d;
		ovsdb_datum_init_single(&d, &t, NULL,
					&ovsdb_idl_column(port,
							  "fake_bridge")->type);
		ovsdb_idl_set(port, "fake_bridge", &d);
		vsctl_set_integer(port, "tag", vlan);
		vsctl_add_uuid(br, "ports", &port->uuid);
	}
	vsctl_cache_invalidate(ctx);
}

static void del_port(struct vsctl_ctx *ctx, struct vsctl_port *port)
{
	const struct ovsdb_datum *ifs = ovsdb_idl_get(port->row, "interfaces");

	vsctl_remove_uuid(real_row(port->br), "ports", &port->row->uuid);
	for (size_t i = 0; i < ifs->n; i++) {
		struct ovsdb_idl_row *iface = cache_ref(ctx, "Interface", ifs,
							i);
		if (iface)
			ovsdb_idl_delete(iface);
	}
	ovsdb_idl_delete(port->row);
}

/* Removes Flow_Sample_Collector_Set rows that name 'br'. */
static void del_collectors(struct vsctl_ctx *ctx, struct ovsdb_idl_row *br)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(ctx->idl,
						    "Flow_Sample_Collector_Set");
	struct ovsdb_idl_row *row;
	size_t i;

	if (!t)
		return;
	OVSDB_IDL_FOR_EACH (row, i, t) {
		const struct ovsdb_datum *d = ovsdb_idl_get(row, "bridge");
		if (d && d->n && uuid_equals(&d->keys[0].uuid, &br->uuid))
			ovsdb_idl_delete(row);
	}
}

static void del_bridge(struct vsctl_ctx *ctx, struct vsctl_br *br)
{
	struct vsctl_cache *c = vsctl_cache(ctx);

	for (size_t i = 0; i < c->n_brs; i++)
		if (c->brs[i].parent == br)
			del_bridge(ctx, &c->brs[i]);
	for (size_t i = 0; i < c->n_ports; i++)
		if (c->ports[i].br == br)
			del_port(ctx, &c->ports[i]);
	if (br->row) {
		del_collectors(ctx, br->row);
		vsctl_remove_uuid(ctx->ovs, "bridges", &br->row->uuid);
		ovsdb_idl_delete(br->row);
	}
}

static void cmd_del_br(struct vsctl_ctx *ctx)
{
	struct vsctl_br *br = find_bridge(ctx, ctx->argv[1],
					  !vsctl_has_option(ctx,
							    "--if-exists"));

	if (br)
		del_bridge(ctx, br);
	vsctl_cache_invalidate(ctx);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* Prints 'names' sorted, one a line. */
static void print_sorted(struct vsctl_ctx *ctx, const char **names, size_t n)
{
	qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++)
		vsctl_print(ctx, "%s\n", names[i]);
	free(names);
}

static void cmd_list_br(struct vsctl_ctx *ctx)
{
	struct vsctl_cache *c = vsctl_cache(ctx);
	bool real = vsctl_has_option(ctx, "--real");
	bool fake = vsctl_has_option(ctx, "--fake");
	const char **names = xcalloc(c->n_brs + 1, sizeof *names);
	size_t n = 0;

	if (!real && !fake)
		real = fake = true;
	for (size_t i = 0; i < c->n_brs; i++)
		if (c->brs[i].parent ? fake : real)
			names[n++] = c->brs[i].name;
	print_sorted(ctx, names, n);
}

static void cmd_br_exists(struct vsctl_ctx *ctx)
{
	if (!find_bridge(ctx, ctx->argv[1], false))
		exit(2);
}

static void cmd_br_to_vlan(struct vsctl_ctx *ctx)
{
	vsctl_print(ctx, "%d\n", find_bridge(ctx, ctx->argv[1], true)->vlan);
}

static void cmd_br_to_parent(struct vsctl_ctx *ctx)
{
	struct vsctl_br *br = find_bridge(ctx, ctx->argv[1], true);

	vsctl_print(ctx, "%s\n", br->parent ? br->parent->name : br->name);
}

/* The row holding a bridge's external ids, and the key prefix there. */
static struct ovsdb_idl_row *external_ids_row(struct vsctl_ctx *ctx,
					      struct vsctl_br *br,
					      const char **prefix)
{
	*prefix = br->row ? "" : "fake-bridge-";
	return br->row ? br->row : cache_port(vsctl_cache(ctx),
					      br->name)->row;
}

static void cmd_br_set_external_id(struct vsctl_ctx *ctx)
{
	struct vsctl_br *br = find_bridge(ctx, ctx->argv[1], true);
	const char *prefix;
	struct ovsdb_idl_row *row = external_ids_row(ctx, br, &prefix);
	char *key = xasprintf("%s%s", prefix, ctx->argv[2]);

	vsctl_verify(row, "external_ids");
	vsctl_set_map_key(row, "external_ids", key,
			  ctx->argc >= 4 ? ctx->argv[3] : NULL);
	free(key);
}

static void cmd_br_get_external_id(struct vsctl_ctx *ctx)
{
	struct vsctl_br *br = find_bridge(ctx, ctx->argv[1], true);
	const char *prefix;
	struct ovsdb_idl_row *row = external_ids_row(ctx, br, &prefix);
	const struct ovsdb_datum *d = ovsdb_idl_get(row, "external_ids");
	size_t len = strlen(prefix);

	vsctl_verify(row, "external_ids");
	for (size_t i = 0; i < d->n; i++) {
		const char *k = d->keys[i].string;
		if (strncmp(k, prefix, len))
			continue;
		if (ctx->argc < 3)
			vsctl_print(ctx, "%s=%s\n", k + len, d->values[i].string);
		else if (!strcmp(k + len, ctx->argv[2]))
			vsctl_print(ctx, "%s\n", d->values[i].string);
	}
}

static void cmd_list_ports(struct vsctl_ctx *ctx)
{
	struct vsctl_br *br = find_bridge(ctx, ctx->argv[1], true);
	struct vsctl_cache *c = vsctl_cache(ctx);
	const char **names = xcalloc(c->n_ports + 1, sizeof *names);
	size_t n = 0;

	for (size_t i = 0; i < c->n_ports; i++)
		if (c->ports[i].br == br && strcmp(c->ports[i].name, br->name))
			names[n++] = c->ports[i].name;
	print_sorted(ctx, names, n);
}

static void cmd_list_ifaces(struct vsctl_ctx *ctx)
{
	struct vsctl_br *br = find_bridge(ctx, ctx->argv[1], true);
	struct vsctl_cache *c = vsctl_cache(ctx);
	const char **names = xcalloc(c->n_ifaces + 1, sizeof *names);
	size_t n = 0;

	for (size_t i = 0; i < c->n_ifaces; i++)
		if (c->ifaces[i].port->br == br
		    && strcmp(c->ifaces[i].name, br->name))
			names[n++] = c->ifaces[i].name;
	print_sorted(ctx, names, n);
}

static bool same_names(struct vsctl_ctx *ctx, struct vsctl_port *port,
		       char **want, int n_want, char **have_list)
{
	const struct ovsdb_datum *ifs = ovsdb_idl_get(port->row, "interfaces");
	const char **have = xcalloc(ifs->n + 1, sizeof *have);
	const char **wanted = xcalloc(n_want + 1, sizeof *wanted);
	struct vstr list = { 0 };
	size_t n = 0;
	bool same;

	for (size_t i = 0; i < ifs->n; i++) {
		struct ovsdb_idl_row *r = cache_ref(ctx, "Interface", ifs, i);
		if (r)
			have[n++] = vsctl_get_string(r, "name");
	}
	for (int i = 0; i < n_want; i++)
		wanted[i] = want[i];
	qsort(have, n, sizeof *have, cmp_names);
	qsort(wanted, n_want, sizeof *wanted, cmp_names);
	same = n == (size_t) n_want;
	for (size_t i = 0; i < n; i++) {
		vstr_printf(&list, "%s%s", i ? ", " : "", have[i]);
		if (same && strcmp(have[i], wanted[i]))
			same = false;
	}
	*have_list = list.s ? list.s : xstrdup("");
	free(have);
	free(wanted);
	return same;
}

/* The command line of the current command, for --may-exist errors. */
static char *command_string(struct vsctl_ctx *ctx)
{
	struct vstr s = { 0 };

	for (size_t i = 0; i < ctx->cmd->n_opts; i++) {
		vstr_printf(&s, "%s", ctx->cmd->opts[i].name);
		if (ctx->cmd->opts[i].value)
			vstr_printf(&s, "=%s", ctx->cmd->opts[i].value);
		vstr_putc(&s, ' ');
	}
	for (int i = 0; i < ctx->argc; i++)
		vstr_printf(&s, "%s%s", i ? " " : "", ctx->argv[i]);
	return s.s;
}

static void may_exist_port(struct vsctl_ctx *ctx, struct vsctl_port *port,
			   const char *br_name, char **ifaces, int n_ifaces)
{
	char *have;
	char *cmd = command_string(ctx);

	if (strcmp(port->br->name, br_name))
		vsctl_fatal("\"%s\" but %s is actually attached to bridge %s",
			    cmd, port->name, port->br->name);
	if (!same_names(ctx, port, ifaces, n_ifaces, &have))
		vsctl_fatal("\"%s\" but %s actually has interface(s) %s", cmd,
			    port->name, have);
	free(have);
	free(cmd);
}

static void add_port(struct vsctl_ctx *ctx, const char *br_name,
		     const char *port_name, char **ifaces, int n_ifaces,
		     char **settings, int n_settings, bool fake_iface)
{
	if (!port_name[0])
		vsctl_fatal("port name must not be empty string");
	for (int i = 0; i < n_ifaces; i++)
		if (!ifaces[i][0])
			vsctl_fatal("interface name must not be empty string");
	if (vsctl_has_option(ctx, "--may-exist")) {
		struct vsctl_port *port = find_port(ctx, port_name, false);
		if (port) {
			may_exist_port(ctx, port, br_name, ifaces, n_ifaces);
			return;
		}
	}
	char *what = xasprintf("cannot create a port named %s", port_name);
	check_conflicts(ctx, port_name, what);
	free(what);
	for (int i = 0; i < n_ifaces; i++) {
		what = xasprintf("cannot create an interface named %s",
				 ifaces[i]);
		check_conflicts(ctx, ifaces[i], what);
		free(what);
	}
	struct vsctl_br *br = find_bridge(ctx, br_name, true);
	struct uuid *uuids = xcalloc(n_ifaces + 1, sizeof *uuids);
	for (int i = 0; i < n_ifaces; i++) {
		struct ovsdb_idl_row *iface;
		iface = ovsdb_idl_insert(vsctl_table(ctx, "Interface"), NULL);
		vsctl_set_string(iface, "name", ifaces[i]);
		vsctl_expect_iface(&iface->uuid);
		uuids[i] = iface->uuid;
	}
	struct ovsdb_idl_row *port = ovsdb_idl_insert(vsctl_table(ctx, "Port"),
						      NULL);
	vsctl_set_string(port, "name", port_name);
	vsctl_set_uuids(port, "interfaces", uuids, n_ifaces);
	free(uuids);
	if (fake_iface) {
		union ovsdb_atom t = { .boolean = true };
		struct ovsdb_datum d;
		ovsdb_datum_init_single(&d, &t, NULL, &ovsdb_idl_column(
			port, "bond_fake_iface")->type);
		ovsdb_idl_set(port, "bond_fake_iface", &d);
	}
	if (br->parent)
		vsctl_set_integer(port, "tag", br->vlan);
	vsctl_set_column_args(ctx, port, settings, n_settings);
	vsctl_add_uuid(real_row(br), "ports", &port->uuid);
	vsctl_cache_invalidate(ctx);
}

static void cmd_add_port(struct vsctl_ctx *ctx)
{
	add_port(ctx, ctx->argv[1], ctx->argv[2], &ctx->argv[2], 1,
		 &ctx->argv[3], ctx->argc - 3, false);
}

static void cmd_add_bond(struct vsctl_ctx *ctx)
{
	int n_ifaces = ctx->argc - 3;

	for (int i = 3; i < ctx->argc; i++)
		if (strchr(ctx->argv[i], '=')) {
			n_ifaces = i - 3;
			break;
		}
	if (n_ifaces < 2)
		vsctl_fatal("add-bond requires at least 2 interfaces, but only "
			    "%d were specified", n_ifaces);
	add_port(ctx, ctx->argv[1], ctx->argv[2], &ctx->argv[3], n_ifaces,
		 &ctx->argv[3 + n_ifaces], ctx->argc - 3 - n_ifaces,
		 vsctl_has_option(ctx, "--fake-iface"));
}

static void cmd_add_bond_iface(struct vsctl_ctx *ctx)
{
	struct vsctl_port *port = find_port(ctx, ctx->argv[1], true);
	const char *name = ctx->argv[2];
	struct ovsdb_idl_row *port_row = port->row;

	if (vsctl_has_option(ctx, "--may-exist")) {
		struct vsctl_iface *iface = find_iface(ctx, name, false);
		if (iface && iface->port->row == port_row)
			return;
		if (iface)
			vsctl_fatal("\"%s\" but %s is actually attached to port "
				    "%s", command_string(ctx), name,
				    iface->port->name);
	}
	char *what = xasprintf("cannot create an interface named %s", name);
	check_conflicts(ctx, name, what);
	free(what);
	struct ovsdb_idl_row *iface;
	iface = ovsdb_idl_insert(vsctl_table(ctx, "Interface"), NULL);
	vsctl_set_string(iface, "name", name);
	vsctl_expect_iface(&iface->uuid);
	vsctl_add_uuid(port_row, "interfaces", &iface->uuid);
	vsctl_cache_invalidate(ctx);
}

static void cmd_del_bond_iface(struct vsctl_ctx *ctx)
{
	const char *name = ctx->argv[ctx->argc - 1];
	struct vsctl_iface *iface = find_iface(
		ctx, name, !vsctl_has_option(ctx, "--if-exists"));

	if (!iface)
		return;
	if (ctx->argc > 2
	    && find_port(ctx, ctx->argv[1], true) != iface->port)
		vsctl_fatal("port %s does not have an interface %s",
			    ctx->argv[1], name);
	if (ovsdb_idl_get(iface->port->row, "interfaces")->n < 2)
		vsctl_fatal("cannot delete last interface from port %s",
			    iface->port->name);
	vsctl_remove_uuid(iface->port->row, "interfaces", &iface->row->uuid);
	ovsdb_idl_delete(iface->row);
	vsctl_cache_invalidate(ctx);
}

static struct vsctl_port *del_port_target(struct vsctl_ctx *ctx,
					  const char *target, bool must_exist)
{
	struct vsctl_port *port;

	if (find_bridge(ctx, target, false)) {
		if (must_exist)
			vsctl_fatal("cannot delete port %s because it is the "
				    "local port for bridge %s (deleting this "
				    "port requires deleting the entire bridge)",
				    target, target);
		return NULL;
	}
	if (!vsctl_has_option(ctx, "--with-iface"))
		return find_port(ctx, target, must_exist);
	port = find_port(ctx, target, false);
	if (!port) {
		struct vsctl_iface *iface = find_iface(ctx, target, false);
		port = iface ? iface->port : NULL;
	}
	if (!port && must_exist)
		vsctl_fatal("no port or interface named %s", target);
	return port;
}

static void cmd_del_port(struct vsctl_ctx *ctx)
{
	bool must_exist = !vsctl_has_option(ctx, "--if-exists");
	struct vsctl_port *port = del_port_target(ctx, ctx->argv[ctx->argc - 1],
						  must_exist);

	if (!port)
		return;
	if (ctx->argc == 3) {
		struct vsctl_br *br = find_bridge(ctx, ctx->argv[1], true);
		if (port->br != br && port->br->parent == br)
			vsctl_fatal("bridge %s does not have a port %s "
				    "(although its child bridge %s does)",
				    ctx->argv[1], ctx->argv[2], port->br->name);
		if (port->br != br)
			vsctl_fatal("bridge %s does not have a port %s",
				    ctx->argv[1], ctx->argv[2]);
	}
	del_port(ctx, port);
	vsctl_cache_invalidate(ctx);
}

static void cmd_port_to_br(struct vsctl_ctx *ctx)
{
	vsctl_print(ctx, "%s\n", find_port(ctx, ctx->argv[1], true)->br->name);
}

static void cmd_iface_to_br(struct vsctl_ctx *ctx)
{
	vsctl_print(ctx, "%s\n",
		    find_iface(ctx, ctx->argv[1], true)->port->br->name);
}

struct ovsdb_idl_row *vsctl_bridge_row(struct vsctl_ctx *ctx,
				       const char *name, bool allow_fake)
{
	struct vsctl_br *br = allow_fake ? find_bridge(ctx, name, true)
					 : find_real_bridge(ctx, name, true);

	return real_row(br);
}

const struct vsctl_syntax vsctl_bridge_commands[] = {
	{ "init", 0, 0, "", cmd_init, NULL, "", true },
	{ "add-br", 1, 3, "NEW-BRIDGE [PARENT] [NEW-VLAN]", cmd_add_br, NULL,
	  "--may-exist", true },
	{ "del-br", 1, 1, "BRIDGE", cmd_del_br, NULL, "--if-exists", true },
	{ "list-br", 0, 0, "", cmd_list_br, NULL, "--real,--fake", false },
	{ "br-exists", 1, 1, "BRIDGE", cmd_br_exists, NULL, "", false },
	{ "br-to-vlan", 1, 1, "BRIDGE", cmd_br_to_vlan, NULL, "", false },
	{ "br-to-parent", 1, 1, "BRIDGE", cmd_br_to_parent, NULL, "", false },
	{ "br-set-external-id", 2, 3, "BRIDGE KEY [VALUE]",
	  cmd_br_set_external_id, NULL, "", true },
	{ "br-get-external-id", 1, 2, "BRIDGE [KEY]", cmd_br_get_external_id,
	  NULL, "", false },
	{ "list-ports", 1, 1, "BRIDGE", cmd_list_ports, NULL, "", false },
	{ "add-port", 2, 1000000, "BRIDGE NEW-PORT [COLUMN[:KEY]=VALUE]...",
	  cmd_add_port, NULL, "--may-exist", true },
	{ "add-bond", 4, 1000000,
	  "BRIDGE NEW-BOND-PORT SYSIFACE... [COLUMN[:KEY]=VALUE]...",
	  cmd_add_bond, NULL, "--may-exist,--fake-iface", true },
	{ "add-bond-iface", 2, 2, "BOND IFACE", cmd_add_bond_iface, NULL,
	  "--may-exist", true },
	{ "del-bond-iface", 1, 2, "[BOND] IFACE", cmd_del_bond_iface, NULL,
	  "--if-exists", true },
	{ "del-port", 1, 2, "[BRIDGE] PORT|IFACE", cmd_del_port, NULL,
	  "--if-exists,--with-iface", true },
	{ "port-to-br", 1, 1, "PORT", cmd_port_to_br, NULL, "", false },
	{ "list-ifaces", 1, 1, "BRIDGE", cmd_list_ifaces, NULL, "", false },
	{ "iface-to-br", 1, 1, "IFACE", cmd_iface_to_br, NULL, "", false },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL, false },
};
