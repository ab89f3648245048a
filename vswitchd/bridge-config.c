/* The configuration the database asks for, read from the replica into plain
 * structures the daemon's ops take.  Rows the daemon cannot use (a bridge
 * named like a path, a port without interfaces, a second row of one name)
 * are left out with a logged reason, as ovs-vswitchd does. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-private.h"
#include "log.h"
#include "ovsdb-idl.h"
#include "xalloc.h"

static char *bridge_dup_or(const char *s, const char *dflt)
{
	return xstrdup(*s ? s : dflt);
}

static int bridge_name_cmp(const void *a, const void *b)
{
	/* Every sorted element begins with its name or target. */
	return strcmp(*(char *const *) a, *(char *const *) b);
}

void *bridge_find_named(const void *base, size_t n, size_t size,
			const char *name)
{
	const char *p = base;
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(*(char *const *) (p + mid * size), name);

		if (!cmp)
			return (void *) (p + mid * size);
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

struct bridge_br *bridge_state_find_br(const struct bridge_state *st,
				       const char *name)
{
	return bridge_find_named(st->brs, st->n_brs, sizeof *st->brs, name);
}

/* Sorts 'n' elements of 'size' whose first member is their name and drops
 * later ones of an already seen name, logging 'what'.  The new count. */
static size_t bridge_sort_unique(void *base, size_t n, size_t size,
				 const char *what, const char *owner,
				 void (*clear)(void *))
{
	char *p = base;
	size_t out = 0;

	qsort(base, n, size, bridge_name_cmp);
	for (size_t i = 0; i < n; i++) {
		char *e = p + i * size;

		if (out && !bridge_name_cmp(p + (out - 1) * size, e)) {
			log_msg(LOG_WARN, "%s%s%s %s specified twice",
				owner, *owner ? ": " : "", what,
				*(char **) e);
			clear(e);
			continue;
		}
		if (out != i)
			memcpy(p + out * size, e, size);
		out++;
	}
	return out;
}

static uint32_t bridge_protocols(const struct ovsdb_idl_row *row)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, "protocols");
	uint32_t bits = 0;
	unsigned int minor;

	for (size_t i = 0; d && i < d->n; i++)
		if (sscanf(d->keys[i].string, "OpenFlow1%u", &minor) == 1
		    && minor <= 5)
			bits |= BRIDGE_OF_VERSION(minor + 1);
	return bits;
}

static bool bridge_parse_mac(const char *s, uint8_t mac[6])
{
	unsigned int b[6];
	int len = 0;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%n", &b[0], &b[1], &b[2],
		   &b[3], &b[4], &b[5], &len) != 6 || s[len])
		return false;
	for (int i = 0; i < 6; i++)
		mac[i] = b[i];
	return !(mac[0] & 1) && (mac[0] | mac[1] | mac[2] | mac[3] | mac[4]
				 | mac[5]);
}

/* other_config:datapath-id (16 hex digits, not zero) when valid, else the
 * 48 bits of other_config:hwaddr, else a locally administered address
 * hashed from the name: stable across restarts, as a controller wants. */
uint64_t bridge_derive_dpid(const char *name, const struct bridge_smap *oc)
{
	const char *s = bridge_smap_get(oc, "datapath-id");
	uint8_t mac[6];
	uint64_t dpid = 0;

	if (s && strlen(s) == 16 && strspn(s, "0123456789abcdefABCDEF") == 16)
		dpid = strtoull(s, NULL, 16);
	if (dpid)
		return dpid;
	s = bridge_smap_get(oc, "hwaddr");
	if (!s || !bridge_parse_mac(s, mac)) {
		uint64_t h = 14695981039346656037ULL;

		for (const char *c = name; *c; c++)
			h = (h ^ (uint8_t) *c) * 1099511628211ULL;
		for (int i = 0; i < 6; i++)
			mac[i] = h >> (8 * i);
		mac[0] = (mac[0] & 0xfe) | 0x02;
	}
	for (int i = 0; i < 6; i++)
		dpid = dpid << 8 | mac[i];
	return dpid;
}

static void bridge_cfg_read(const struct ovsdb_idl_row *row,
			    struct bridge_cfg *cfg)
{
	cfg->name = xstrdup(bridge_db_string(row, "name"));
	cfg->datapath_type = bridge_dup_or(bridge_db_string(row,
							    "datapath_type"),
					   "system");
	cfg->fail_mode = bridge_dup_or(bridge_db_string(row, "fail_mode"),
				       "standalone");
	cfg->protocols = bridge_protocols(row);
	cfg->mcast_snooping = false;
	cfg->stp_enable = bridge_db_bool(row, "stp_enable");
	cfg->rstp_enable = bridge_db_bool(row, "rstp_enable");
	bridge_db_smap(row, "other_config", &cfg->other_config);
	cfg->datapath_id = bridge_derive_dpid(cfg->name, &cfg->other_config);
}

void bridge_cfg_clear(struct bridge_cfg *cfg)
{
	free(cfg->name);
	free(cfg->datapath_type);
	free(cfg->fail_mode);
	bridge_smap_clear(&cfg->other_config);
	memset(cfg, 0, sizeof *cfg);
}

static void iface_cfg_read(const struct ovsdb_idl_row *row,
			   const char *bridge, struct iface_cfg *ic)
{
	const char *type = bridge_db_string(row, "type");

	ic->name = xstrdup(bridge_db_string(row, "name"));
	if (!strcmp(ic->name, bridge))
		type = "internal";	/* the local port, whatever the row */
	ic->type = bridge_dup_or(type, "system");
	bridge_db_smap(row, "options", &ic->options);
	ic->ofport_request = bridge_db_int(row, "ofport_request", 0);
	ic->mtu_request = bridge_db_int(row, "mtu_request", 0);
	ic->mac = xstrdup(bridge_db_string(row, "mac"));
}

static void iface_cfg_clear(void *p)
{
	struct iface_cfg *ic = p;

	free(ic->name);
	free(ic->type);
	bridge_smap_clear(&ic->options);
	free(ic->mac);
}

void port_cfg_clear(struct port_cfg *pc)
{
	free(pc->name);
	free(pc->trunks);
	free(pc->vlan_mode);
	for (size_t i = 0; i < pc->n_ifaces; i++)
		iface_cfg_clear(&pc->ifaces[i]);
	free(pc->ifaces);
	free(pc->bond_mode);
	free(pc->lacp);
	bridge_smap_clear(&pc->other_config);
	memset(pc, 0, sizeof *pc);
}

static void bridge_port_clear(void *p)
{
	port_cfg_clear(&((struct bridge_port *) p)->cfg);
}

static void port_read_trunks(const struct ovsdb_idl_row *row,
			     struct port_cfg *pc)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, "trunks");

	pc->n_trunks = 0;
	pc->trunks = NULL;
	if (!d || !d->n)
		return;
	pc->trunks = xcalloc(d->n, sizeof *pc->trunks);
	for (size_t i = 0; i < d->n; i++)
		if (d->keys[i].integer >= 0 && d->keys[i].integer <= 4095)
			pc->trunks[pc->n_trunks++] = d->keys[i].integer;
}

static void port_read_ifaces(struct ovsdb_idl *idl,
			     const struct ovsdb_idl_row *row,
			     const char *bridge, struct port_cfg *pc)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, "interfaces");

	pc->n_ifaces = 0;
	pc->ifaces = xcalloc(d && d->n ? d->n : 1, sizeof *pc->ifaces);
	for (size_t i = 0; d && i < d->n; i++) {
		struct ovsdb_idl_row *r = bridge_db_ref(idl, "Interface", d, i,
							false);
		if (r)
			iface_cfg_read(r, bridge, &pc->ifaces[pc->n_ifaces++]);
	}
	pc->n_ifaces = bridge_sort_unique(pc->ifaces, pc->n_ifaces,
					  sizeof *pc->ifaces, "interface",
					  pc->name, iface_cfg_clear);
}

/* False, with the reason logged, for a port the daemon must ignore. */
static bool port_cfg_read(struct ovsdb_idl *idl,
			  const struct ovsdb_idl_row *row, const char *bridge,
			  struct port_cfg *pc)
{
	memset(pc, 0, sizeof *pc);
	pc->name = xstrdup(bridge_db_string(row, "name"));
	pc->tag = bridge_db_int(row, "tag", -1);
	if (pc->tag < -1 || pc->tag > 4095) {
		log_msg(LOG_WARN, "bridge %s: port %s: ignoring port with "
			"invalid VLAN tag %d", bridge, pc->name, pc->tag);
		port_cfg_clear(pc);
		return false;
	}
	port_read_trunks(row, pc);
	pc->vlan_mode = xstrdup(bridge_db_string(row, "vlan_mode"));
	pc->fake_bridge = bridge_db_bool(row, "fake_bridge");
	port_read_ifaces(idl, row, bridge, pc);
	if (!pc->n_ifaces) {
		log_msg(LOG_WARN, "bridge %s: port %s: no interfaces, "
			"ignoring", bridge, pc->name);
		port_cfg_clear(pc);
		return false;
	}
	pc->bond_mode = xstrdup(bridge_db_string(row, "bond_mode"));
	pc->lacp = xstrdup(bridge_db_string(row, "lacp"));
	pc->bond_updelay = bridge_db_int(row, "bond_updelay", 0);
	pc->bond_downdelay = bridge_db_int(row, "bond_downdelay", 0);
	pc->bond_fake_iface = bridge_db_bool(row, "bond_fake_iface");
	bridge_db_smap(row, "other_config", &pc->other_config);
	return true;
}

static void controller_cfg_read(const struct ovsdb_idl_row *row,
				struct controller_cfg *cc)
{
	const struct ovsdb_datum *am;

	cc->target = xstrdup(bridge_db_string(row, "target"));
	cc->connection_mode = xstrdup(bridge_db_string(row,
						       "connection_mode"));
	cc->max_backoff = bridge_db_int(row, "max_backoff", 0);
	cc->inactivity_probe = bridge_db_int(row, "inactivity_probe", -1);
	cc->rate_limit = bridge_db_int(row, "controller_rate_limit", 0);
	cc->burst_limit = bridge_db_int(row, "controller_burst_limit", 0);
	am = ovsdb_idl_get(row, "enable_async_messages");
	cc->enable_async_messages = !am || !am->n || am->keys[0].boolean;
	bridge_db_smap(row, "other_config", &cc->other_config);
}

static void controller_cfg_clear(void *p)
{
	struct controller_cfg *cc = p;

	free(cc->target);
	free(cc->connection_mode);
	bridge_smap_clear(&cc->other_config);
}

static void bridge_br_read_ports(struct ovsdb_idl *idl,
				 const struct ovsdb_idl_row *row,
				 struct bridge_br *br)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, "ports");

	br->n_ports = 0;
	br->ports = xcalloc(d && d->n ? d->n : 1, sizeof *br->ports);
	for (size_t i = 0; d && i < d->n; i++) {
		struct ovsdb_idl_row *r = bridge_db_ref(idl, "Port", d, i,
							false);
		struct bridge_port *p = &br->ports[br->n_ports];

		if (r && port_cfg_read(idl, r, br->cfg.name, &p->cfg)) {
			p->error = 0;
			br->n_ports++;
		}
	}
	br->n_ports = bridge_sort_unique(br->ports, br->n_ports,
					 sizeof *br->ports, "port",
					 br->cfg.name, bridge_port_clear);
}

static void bridge_br_read_ctls(struct ovsdb_idl *idl,
				const struct ovsdb_idl_row *row,
				struct bridge_br *br)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, "controller");

	br->n_ctls = 0;
	br->ctls = xcalloc(d && d->n ? d->n : 1, sizeof *br->ctls);
	for (size_t i = 0; d && i < d->n; i++) {
		struct ovsdb_idl_row *r = bridge_db_ref(idl, "Controller", d,
							i, false);
		if (r)
			controller_cfg_read(r, &br->ctls[br->n_ctls++]);
	}
	br->n_ctls = bridge_sort_unique(br->ctls, br->n_ctls,
					sizeof *br->ctls, "controller",
					br->cfg.name, controller_cfg_clear);
}

void bridge_br_clear(struct bridge_br *br)
{
	for (size_t i = 0; i < br->n_ports; i++)
		port_cfg_clear(&br->ports[i].cfg);
	free(br->ports);
	for (size_t i = 0; i < br->n_ctls; i++)
		controller_cfg_clear(&br->ctls[i]);
	free(br->ctls);
	bridge_cfg_clear(&br->cfg);
	memset(br, 0, sizeof *br);
}

void port_cfg_init_single(struct port_cfg *pc, const char *name,
			  const char *type)
{
	memset(pc, 0, sizeof *pc);
	pc->name = xstrdup(name);
	pc->tag = -1;
	pc->vlan_mode = xstrdup("");
	pc->bond_mode = xstrdup("");
	pc->lacp = xstrdup("");
	pc->n_ifaces = 1;
	pc->ifaces = xcalloc(1, sizeof *pc->ifaces);
	pc->ifaces[0].name = xstrdup(name);
	pc->ifaces[0].type = xstrdup(type);
	pc->ifaces[0].mac = xstrdup("");
}

/* A bridge with controllers needs its local port: ovs-vswitchd makes one
 * up when the database has none. */
static void bridge_br_synth_local(struct bridge_br *br)
{
	const char *name = br->cfg.name;
	size_t i = 0;

	if (!br->n_ctls || bridge_find_named(br->ports, br->n_ports,
					     sizeof *br->ports, name))
		return;
	log_msg(LOG_WARN, "bridge %s: no port named %s, synthesizing one",
		name, name);
	while (i < br->n_ports && strcmp(br->ports[i].cfg.name, name) < 0)
		i++;
	br->ports = xrealloc(br->ports, (br->n_ports + 1) * sizeof *br->ports);
	memmove(&br->ports[i + 1], &br->ports[i],
		(br->n_ports++ - i) * sizeof *br->ports);
	br->ports[i].error = 0;
	port_cfg_init_single(&br->ports[i].cfg, name, "internal");
}

static void bridge_br_clear_cb(void *br)
{
	bridge_br_clear(br);
}

static void bridge_state_read_brs(struct ovsdb_idl *idl,
				  const struct ovsdb_idl_row *root,
				  struct bridge_state *st)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(root, "bridges");

	st->brs = xcalloc(d && d->n ? d->n : 1, sizeof *st->brs);
	for (size_t i = 0; d && i < d->n; i++) {
		struct ovsdb_idl_row *r = bridge_db_ref(idl, "Bridge", d, i,
							false);
		const char *name = r ? bridge_db_string(r, "name") : "";
		struct bridge_br *br = &st->brs[st->n_brs];

		if (!r)
			continue;
		if (!*name || strchr(name, '/') || strchr(name, '\\')) {
			log_msg(LOG_WARN, "ignoring bridge with invalid name "
				"\"%s\"", name);
			continue;
		}
		bridge_cfg_read(r, &br->cfg);
		bridge_br_read_ports(idl, r, br);
		bridge_br_read_ctls(idl, r, br);
		bridge_br_synth_local(br);
		st->n_brs++;
	}
	st->n_brs = bridge_sort_unique(st->brs, st->n_brs, sizeof *st->brs,
				       "bridge", "", bridge_br_clear_cb);
}

static void bridge_state_read_managers(struct ovsdb_idl *idl,
				       const struct ovsdb_idl_row *root,
				       struct bridge_state *st)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(root, "manager_options");

	st->managers = xcalloc(d && d->n ? d->n : 1, sizeof *st->managers);
	for (size_t i = 0; d && i < d->n; i++) {
		struct ovsdb_idl_row *r = bridge_db_ref(idl, "Manager", d, i,
							false);
		const char *t = r ? bridge_db_string(r, "target") : "";

		if (*t)
			st->managers[st->n_managers++] = xstrdup(t);
	}
	qsort(st->managers, st->n_managers, sizeof *st->managers,
	      bridge_name_cmp);
}

static void bridge_state_read_ssl(struct ovsdb_idl *idl,
				  const struct ovsdb_idl_row *root,
				  struct bridge_state *st)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(root, "ssl");
	struct ovsdb_idl_row *r = d && d->n ? bridge_db_ref(idl, "SSL", d, 0,
							    false) : NULL;
	if (!r)
		return;
	st->ssl = xcalloc(1, sizeof *st->ssl);
	st->ssl->private_key = xstrdup(bridge_db_string(r, "private_key"));
	st->ssl->certificate = xstrdup(bridge_db_string(r, "certificate"));
	st->ssl->ca_cert = xstrdup(bridge_db_string(r, "ca_cert"));
	st->ssl->bootstrap_ca_cert = bridge_db_bool(r, "bootstrap_ca_cert");
}

/* The zone's timeout policy: CT_Timeout_Policy.timeouts, values as
 * decimal text. */
static void ct_zone_read_timeouts(struct ovsdb_idl *idl,
				  const struct ovsdb_idl_row *zone,
				  struct bridge_smap *m)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(zone, "timeout_policy");
	struct ovsdb_idl_row *tp = d && d->n
		? bridge_db_ref(idl, "CT_Timeout_Policy", d, 0, false) : NULL;
	const struct ovsdb_datum *t = tp ? ovsdb_idl_get(tp, "timeouts")
					 : NULL;

	bridge_smap_init(m);
	for (size_t i = 0; t && t->values && i < t->n; i++) {
		char v[24];

		snprintf(v, sizeof v, "%" PRId64, t->values[i].integer);
		bridge_smap_add(m, t->keys[i].string, v);
	}
}

static void bridge_dp_read(struct ovsdb_idl *idl, const char *type,
			   const struct ovsdb_idl_row *row,
			   struct bridge_dp *dp)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(row, "ct_zones");

	dp->type = xstrdup(type);
	dp->n_zones = 0;
	dp->zones = xcalloc(d && d->n ? d->n : 1, sizeof *dp->zones);
	/* Keys are sorted integers already: zones come out in order. */
	for (size_t i = 0; d && d->values && i < d->n; i++) {
		struct ovsdb_idl_row *z = bridge_db_ref(idl, "CT_Zone", d, i,
							true);
		struct ct_zone_cfg *zc = &dp->zones[dp->n_zones];

		if (!z || d->keys[i].integer < 0
		    || d->keys[i].integer > UINT16_MAX)
			continue;
		zc->zone = d->keys[i].integer;
		zc->limit = bridge_db_int(z, "limit", -1);
		ct_zone_read_timeouts(idl, z, &zc->timeouts);
		dp->n_zones++;
	}
}

static void bridge_state_read_dps(struct ovsdb_idl *idl,
				  const struct ovsdb_idl_row *root,
				  struct bridge_state *st)
{
	const struct ovsdb_datum *d = ovsdb_idl_get(root, "datapaths");

	st->dps = xcalloc(d && d->n ? d->n : 1, sizeof *st->dps);
	for (size_t i = 0; d && d->values && i < d->n; i++) {
		struct ovsdb_idl_row *r = bridge_db_ref(idl, "Datapath", d, i,
							true);
		if (r)
			bridge_dp_read(idl, d->keys[i].string, r,
				       &st->dps[st->n_dps++]);
	}
}

void bridge_state_read(struct ovsdb_idl *idl, struct bridge_state *st)
{
	struct ovsdb_idl_row *root = bridge_db_root(idl);

	memset(st, 0, sizeof *st);
	if (!root)
		return;
	st->next_cfg = bridge_db_int(root, "next_cfg", 0);
	bridge_state_read_brs(idl, root, st);
	bridge_state_read_managers(idl, root, st);
	bridge_state_read_ssl(idl, root, st);
	bridge_state_read_dps(idl, root, st);
}

static void bridge_dp_clear(struct bridge_dp *dp)
{
	for (size_t i = 0; i < dp->n_zones; i++)
		bridge_smap_clear(&dp->zones[i].timeouts);
	free(dp->zones);
	free(dp->type);
}

void bridge_state_clear(struct bridge_state *st)
{
	for (size_t i = 0; i < st->n_brs; i++)
		bridge_br_clear(&st->brs[i]);
	free(st->brs);
	for (size_t i = 0; i < st->n_managers; i++)
		free(st->managers[i]);
	free(st->managers);
	if (st->ssl) {
		free(st->ssl->private_key);
		free(st->ssl->certificate);
		free(st->ssl->ca_cert);
		free(st->ssl);
	}
	for (size_t i = 0; i < st->n_dps; i++)
		bridge_dp_clear(&st->dps[i]);
	free(st->dps);
	memset(st, 0, sizeof *st);
}
