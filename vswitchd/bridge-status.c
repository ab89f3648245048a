/* Status written back to the database: what the daemon reports for each
 * interface, controller and datapath type, the datapath ids it uses, the
 * types it supports, and cur_cfg once a configuration is live.  Only
 * columns whose value changed are written, so a quiet switch sends
 * nothing. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-private.h"
#include "ovsdb-idl.h"
#include "xalloc.h"

static const char *const bridge_stat_names[BRIDGE_N_STATS] = {
	[BRIDGE_STAT_RX_PACKETS] = "rx_packets",
	[BRIDGE_STAT_RX_BYTES] = "rx_bytes",
	[BRIDGE_STAT_RX_DROPPED] = "rx_dropped",
	[BRIDGE_STAT_RX_ERRORS] = "rx_errors",
	[BRIDGE_STAT_TX_PACKETS] = "tx_packets",
	[BRIDGE_STAT_TX_BYTES] = "tx_bytes",
	[BRIDGE_STAT_TX_DROPPED] = "tx_dropped",
	[BRIDGE_STAT_TX_ERRORS] = "tx_errors",
	[BRIDGE_STAT_COLLISIONS] = "collisions",
};

static const char *const bridge_datapath_types[] = { "netdev", "system" };
static const char *const bridge_iface_types[] = {
	"afxdp", "dummy", "internal", "system", "tap",
};

#define BRIDGE_ARRAY_SIZE(A) (sizeof (A) / sizeof (A)[0])

/* An interface of the applied configuration, found by name. */
struct bridge_status_iface {
	const char *name;
	const struct bridge_port *port;
};

struct bridge_status_ctx {
	struct ovsdb_idl *idl;
	const struct bridge_ops *ops;
	void *aux;
	const struct bridge_state *st;
	bool stats;
	struct bridge_status_iface *ifaces;	/* sorted by name */
	size_t n_ifaces;
};

static int bridge_status_iface_cmp(const void *a, const void *b)
{
	return strcmp(((const struct bridge_status_iface *) a)->name,
		      ((const struct bridge_status_iface *) b)->name);
}

/* Indexes the interfaces, so that a big switch costs n log n a second. */
static void bridge_status_index(struct bridge_status_ctx *c)
{
	const struct bridge_state *st = c->st;
	size_t cap = 0;

	for (size_t i = 0; i < st->n_brs; i++)
		for (size_t j = 0; j < st->brs[i].n_ports; j++) {
			const struct bridge_port *p = &st->brs[i].ports[j];

			for (size_t k = 0; k < p->cfg.n_ifaces; k++) {
				c->ifaces = xgrow_n(c->ifaces, &cap,
						    c->n_ifaces + 1,
						    sizeof *c->ifaces);
				c->ifaces[c->n_ifaces].name =
					p->cfg.ifaces[k].name;
				c->ifaces[c->n_ifaces++].port = p;
			}
		}
	if (c->n_ifaces)
		qsort(c->ifaces, c->n_ifaces, sizeof *c->ifaces,
		      bridge_status_iface_cmp);
}

static const struct bridge_port *bridge_status_port(
	const struct bridge_status_ctx *c, const char *name)
{
	const struct bridge_status_iface *f = bridge_find_named(
		c->ifaces, c->n_ifaces, sizeof *c->ifaces, name);

	return f ? f->port : NULL;
}

/* 's' when it is one of 'allowed' (NULL-terminated), else NULL: a value
 * the schema rejects would fail the whole status transaction. */
static const char *bridge_status_enum(const char *s,
				      const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (!strcmp(s, *allowed))
			return s;
	return NULL;
}

static const char *const bridge_updown[] = { "up", "down", NULL };
static const char *const bridge_roles[] = {
	"other", "master", "slave", NULL,
};

static void iface_status_init(struct iface_status *s)
{
	memset(s, 0, sizeof *s);
	s->ofport = -1;
	s->ifindex = -1;
	s->mtu = -1;
	for (size_t i = 0; i < BRIDGE_N_STATS; i++)
		s->stats[i] = BRIDGE_STAT_NONE;
}

static void iface_status_put(struct ovsdb_idl_row *row,
			     const struct iface_status *s, bool stats)
{
	bridge_db_put_int(row, "ofport", &s->ofport);
	bool ifindex_ok = s->ifindex >= 0 && s->ifindex <= UINT32_MAX;

	bridge_db_put_int(row, "ifindex", ifindex_ok ? &s->ifindex : NULL);
	bridge_db_put_int(row, "mtu", s->mtu >= 0 ? &s->mtu : NULL);
	bridge_db_put_string(row, "mac_in_use",
			     *s->mac_in_use ? s->mac_in_use : NULL);
	bridge_db_put_string(row, "link_state",
			     bridge_status_enum(s->link_state, bridge_updown));
	bridge_db_put_string(row, "admin_state",
			     bridge_status_enum(s->admin_state,
						bridge_updown));
	bridge_db_put_string(row, "error", s->error);
	if (stats)
		bridge_db_put_counters(row, "statistics", bridge_stat_names,
				       s->stats, BRIDGE_N_STATS,
				       BRIDGE_STAT_NONE);
}

static void bridge_status_iface(struct bridge_status_ctx *c,
				struct ovsdb_idl_row *row)
{
	const char *name = bridge_db_string(row, "name");
	const struct bridge_port *p = bridge_status_port(c, name);
	struct iface_status s;

	/* Not ours (in no bridge, or ignored), or nothing to say of it. */
	if (!p || (!p->error && !c->ops->iface_status))
		return;
	iface_status_init(&s);
	/* Asked even when its port failed: the daemon may know why. */
	if (c->ops->iface_status)
		c->ops->iface_status(c->aux, name, &s);
	if (p->error) {
		s.ofport = -1;
		if (!s.error)
			s.error = xasprintf("could not add network device %s "
					    "to ofproto (%s)", name,
					    strerror(p->error));
	}
	iface_status_put(row, &s, c->stats);
	free(s.error);
}

static void bridge_status_controllers(struct bridge_status_ctx *c,
				      struct ovsdb_idl_row *brow,
				      const char *bridge)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(brow, "controller");

	for (size_t i = 0; d && i < d->n; i++) {
		struct ovsdb_idl_row *r = bridge_db_ref(c->idl, "Controller",
							d, i, false);
		struct controller_status s;

		if (!r || !c->ops->controller_status)
			continue;
		memset(&s, 0, sizeof s);
		bridge_smap_init(&s.status);
		c->ops->controller_status(c->aux, bridge,
					  bridge_db_string(r, "target"), &s);
		bridge_db_put_bool(r, "is_connected", s.is_connected);
		bridge_db_put_string(r, "role",
				     bridge_status_enum(s.role, bridge_roles));
		bridge_db_put_smap(r, "status", &s.status, false);
		bridge_smap_clear(&s.status);
	}
}

static void bridge_status_bridges(struct bridge_status_ctx *c)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(c->idl, "Bridge");
	struct ovsdb_idl_row *row;
	size_t i;

	if (!t)
		return;
	OVSDB_IDL_FOR_EACH (row, i, t) {
		const struct bridge_br *br =
			bridge_state_find_br(c->st,
					     bridge_db_string(row, "name"));
		char dpid[17];

		if (!br)
			continue;
		snprintf(dpid, sizeof dpid, "%016" PRIx64, br->cfg.datapath_id);
		bridge_db_put_string(row, "datapath_id", dpid);
		bridge_status_controllers(c, row, br->cfg.name);
	}
}

static void bridge_status_ifaces(struct bridge_status_ctx *c)
{
	struct ovsdb_idl_table *t = ovsdb_idl_table(c->idl, "Interface");
	struct ovsdb_idl_row *row;
	size_t i;

	if (!t)
		return;
	OVSDB_IDL_FOR_EACH (row, i, t)
		bridge_status_iface(c, row);
}

static void bridge_status_datapaths(struct bridge_status_ctx *c,
				    struct ovsdb_idl_row *root)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(root, "datapaths");

	for (size_t i = 0; d && d->values && i < d->n; i++) {
		struct ovsdb_idl_row *r = bridge_db_ref(c->idl, "Datapath", d,
							i, true);
		struct bridge_smap caps;

		if (!r || !c->ops->datapath_capabilities)
			continue;
		bridge_smap_init(&caps);
		c->ops->datapath_capabilities(c->aux, d->keys[i].string,
					      &caps);
		bridge_db_put_smap(r, "capabilities", &caps, true);
		bridge_smap_clear(&caps);
	}
}

static void bridge_status_root(struct ovsdb_idl_row *root,
			       const struct bridge_state *st)
{
	bridge_db_put_int(root, "cur_cfg", &st->next_cfg);
	bridge_db_put_strings(root, "datapath_types", bridge_datapath_types,
			      BRIDGE_ARRAY_SIZE(bridge_datapath_types));
	bridge_db_put_strings(root, "iface_types", bridge_iface_types,
			      BRIDGE_ARRAY_SIZE(bridge_iface_types));
#ifdef PACKAGE_VERSION
	/* Start-up scripts set it, as for Open vSwitch; fill it when not. */
	if (!*bridge_db_string(root, "ovs_version"))
		bridge_db_put_string(root, "ovs_version", PACKAGE_VERSION);
#endif
}

void bridge_status_write(struct ovsdb_idl *idl, const struct bridge_ops *ops,
			 void *aux, const struct bridge_state *applied,
			 bool stats)
{
	struct bridge_status_ctx c = {
		.idl = idl, .ops = ops, .aux = aux, .st = applied,
		.stats = stats,
	};
	struct ovsdb_idl_row *root = bridge_db_root(idl);

	if (!root)
		return;
	bridge_status_index(&c);
	bridge_status_root(root, applied);
	bridge_status_bridges(&c);
	bridge_status_ifaces(&c);
	bridge_status_datapaths(&c, root);
	free(c.ifaces);
}
