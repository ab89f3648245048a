/* What the configuration database asks for, done: the bridge layer's ops
 * (vswitchd/bridge.h) carried out with bridges on datapaths
 * (ofproto/dpbridge.h), and their status reported back. */
#include "vswitchd-ops.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dpbridge.h"
#include "dpif.h"
#include "log.h"
#include "stream.h"
#include "xalloc.h"

/* Weir's datapath runs in userspace unless a kernel one is asked for and
 * present; "system" (OVS's default type, what clients leave the column
 * empty for) gets the userspace datapath, as there is no kernel module
 * to drive here. */
static const char *dp_type_of(const char *type)
{
	if (!type || !*type || !strcmp(type, "system"))
		return "netdev";
	return type;
}

static enum connmgr_fail_mode fail_mode_of(const char *mode)
{
	return mode && !strcmp(mode, "secure") ? CONNMGR_FAIL_SECURE
					       : CONNMGR_FAIL_STANDALONE;
}

static unsigned int smap_uint(const struct bridge_smap *m, const char *key,
			      unsigned int dflt)
{
	const char *v = bridge_smap_get(m, key);
	char *end;
	unsigned long n;

	if (!v)
		return dflt;
	n = strtoul(v, &end, 10);
	return *end || end == v ? dflt : n;
}

static void apply_bridge_cfg(struct dpbridge *b, const struct bridge_cfg *cfg)
{
	if (cfg->datapath_id)
		dpbridge_set_datapath_id(b, cfg->datapath_id);
	dpbridge_set_fail_mode(b, fail_mode_of(cfg->fail_mode));
	dpbridge_set_versions(b, cfg->protocols ? cfg->protocols
						: CONNMGR_ALL_VERSIONS);
	dpbridge_set_mac_aging(b, smap_uint(&cfg->other_config,
					    "mac-aging-time", 300),
			       smap_uint(&cfg->other_config, "mac-table-size",
					 8192));
}

static int bridge_add(void *aux, const struct bridge_cfg *cfg)
{
	struct vswitchd_ops *v = aux;
	struct dpbridge *b;
	char *err = NULL;

	b = dpbridge_create(cfg->name, dp_type_of(cfg->datapath_type), v->loop,
			    &err);
	if (!b) {
		log_msg(LOG_ERR, "%s", err);
		free(err);
		return EINVAL;
	}
	apply_bridge_cfg(b, cfg);
	log_msg(LOG_INFO, "bridge %s: added, datapath id %016" PRIx64,
		cfg->name, dpbridge_datapath_id(b));
	return 0;
}

static int bridge_mod(void *aux, const struct bridge_cfg *old,
		      const struct bridge_cfg *new)
{
	struct dpbridge *b = dpbridge_find(new->name);

	(void)aux;
	(void)old;
	if (!b)
		return ENOENT;
	apply_bridge_cfg(b, new);
	return 0;
}

static void bridge_del(void *aux, const char *name)
{
	(void)aux;
	dpbridge_destroy(dpbridge_find(name));
	log_msg(LOG_INFO, "bridge %s: deleted", name);
}

/* "key=value" strings, NULL-terminated, as datapaths take options. */
static char **options_of(const struct bridge_smap *m)
{
	char **opts = xcalloc(m->n + 1, sizeof *opts);

	for (size_t i = 0; i < m->n; i++)
		opts[i] = xasprintf("%s=%s", m->keys[i], m->values[i]);
	return opts;
}

static void options_free(char **opts)
{
	for (size_t i = 0; opts && opts[i]; i++)
		free(opts[i]);
	free(opts);
}

static void port_vlan_of(const struct port_cfg *p, struct port_vlan *pv)
{
	int64_t *trunks = xcalloc(p->n_trunks + 1, sizeof *trunks);
	const char *warning;

	for (size_t i = 0; i < p->n_trunks; i++)
		trunks[i] = p->trunks[i];
	warning = port_vlan_configure(pv, p->vlan_mode, p->tag, trunks,
				      p->n_trunks, NULL, 0,
				      bridge_smap_get(&p->other_config,
						      "qinq-ethtype"));
	if (warning)
		log_msg(LOG_WARN, "port %s: %s", p->name, warning);
	free(trunks);
}

static int iface_add(struct vswitchd_ops *v, struct dpbridge *b,
		     const struct iface_cfg *ic)
{
	char **opts;
	char *err = NULL;
	uint32_t ofp;
	int error;

	/* The bridge's own port exists with the bridge. */
	if (!strcmp(ic->name, dpbridge_name(b)))
		return 0;
	opts = options_of(&ic->options);
	error = dpbridge_port_add(b, ic->name, ic->type,
				  (const char *const *)opts,
				  ic->ofport_request > 0 ? ic->ofport_request
							 : 0, &ofp, &err);
	options_free(opts);
	if (error) {
		log_msg(LOG_WARN, "%s", err);
		vswitchd_ops_set_error(v, ic->name, err);
		free(err);
		return -error;
	}
	vswitchd_ops_set_error(v, ic->name, NULL);
	return 0;
}

static int port_add(void *aux, const char *bridge, const struct port_cfg *p)
{
	struct vswitchd_ops *v = aux;
	struct dpbridge *b = dpbridge_find(bridge);
	struct port_vlan pv;
	int error = 0;

	if (!b)
		return ENOENT;
	if (p->fake_bridge)
		return 0;
	for (size_t i = 0; i < p->n_ifaces; i++)
		error = iface_add(v, b, &p->ifaces[i]) ?: error;
	port_vlan_of(p, &pv);
	for (size_t i = 0; i < p->n_ifaces; i++)
		dpbridge_port_set_vlan(b, p->ifaces[i].name, &pv);
	return error;
}

static void port_del(void *aux, const char *bridge, const char *port)
{
	struct dpbridge *b = dpbridge_find(bridge);

	(void)aux;
	if (b)
		dpbridge_port_del(b, port);
}

static bool ifaces_equal(const struct port_cfg *a, const struct port_cfg *b)
{
	if (a->n_ifaces != b->n_ifaces)
		return false;
	for (size_t i = 0; i < a->n_ifaces; i++) {
		const struct iface_cfg *x = &a->ifaces[i], *y = &b->ifaces[i];

		if (strcmp(x->name, y->name) || strcmp(x->type, y->type) ||
		    x->ofport_request != y->ofport_request ||
		    x->options.n != y->options.n)
			return false;
		for (size_t k = 0; k < x->options.n; k++)
			if (strcmp(x->options.keys[k], y->options.keys[k]) ||
			    strcmp(x->options.values[k], y->options.values[k]))
				return false;
	}
	return true;
}

static int port_mod(void *aux, const char *bridge, const struct port_cfg *old,
		    const struct port_cfg *new)
{
	struct dpbridge *b = dpbridge_find(bridge);
	struct port_vlan pv;

	if (!b)
		return ENOENT;
	if (!ifaces_equal(old, new)) {
		for (size_t i = 0; i < old->n_ifaces; i++)
			if (strcmp(old->ifaces[i].name, bridge))
				dpbridge_port_del(b, old->ifaces[i].name);
		return port_add(aux, bridge, new);
	}
	port_vlan_of(new, &pv);
	for (size_t i = 0; i < new->n_ifaces; i++)
		dpbridge_port_set_vlan(b, new->ifaces[i].name, &pv);
	return 0;
}

static int controllers_set(void *aux, const char *bridge,
			   const struct controller_cfg *c, size_t n)
{
	struct dpbridge *b = dpbridge_find(bridge);
	struct connmgr_controller *cc = xcalloc(n + 1, sizeof *cc);
	int error;

	(void)aux;
	if (!b) {
		free(cc);
		return ENOENT;
	}
	for (size_t i = 0; i < n; i++) {
		cc[i].target = c[i].target;
		cc[i].max_backoff = c[i].max_backoff;
		cc[i].inactivity_probe = c[i].inactivity_probe < 0
					 ? 0 : c[i].inactivity_probe
					 ? c[i].inactivity_probe : -1;
		cc[i].mode = c[i].connection_mode &&
			     !strcmp(c[i].connection_mode, "in-band")
			     ? CONNMGR_IN_BAND : CONNMGR_OUT_OF_BAND;
		cc[i].rate_limit = c[i].rate_limit;
		cc[i].burst_limit = c[i].burst_limit;
		cc[i].role = OFP_ROLE_NOCHANGE;
	}
	error = dpbridge_set_controllers(b, cc, n);
	free(cc);
	return error < 0 ? -error : error;
}

/* The SSL table: the identity every ssl:/pssl: controller connection
 * presents, and the CA its peers must chain to. */
static int ssl_set(void *aux, const struct ssl_cfg *ssl)
{
	char err[256] = "";
	int error;

	(void)aux;
	if (!ssl)
		return 0;
	error = stream_ssl_configure(ssl->private_key, ssl->certificate,
				     ssl->ca_cert, err, sizeof err);
	if (error)
		log_msg(LOG_WARN, "SSL configuration: %s", err);
	return -error;
}

static void iface_mac_and_stats(struct dpbridge *b, const char *iface,
				struct iface_status *st)
{
	static const size_t map[BRIDGE_N_STATS] = {
		[BRIDGE_STAT_RX_PACKETS] = offsetof(struct dpif_port_stats,
						    rx_packets),
		[BRIDGE_STAT_RX_BYTES] = offsetof(struct dpif_port_stats,
						  rx_bytes),
		[BRIDGE_STAT_RX_DROPPED] = offsetof(struct dpif_port_stats,
						    rx_dropped),
		[BRIDGE_STAT_RX_ERRORS] = offsetof(struct dpif_port_stats,
						   rx_errors),
		[BRIDGE_STAT_TX_PACKETS] = offsetof(struct dpif_port_stats,
						    tx_packets),
		[BRIDGE_STAT_TX_BYTES] = offsetof(struct dpif_port_stats,
						  tx_bytes),
		[BRIDGE_STAT_TX_DROPPED] = offsetof(struct dpif_port_stats,
						    tx_dropped),
		[BRIDGE_STAT_TX_ERRORS] = offsetof(struct dpif_port_stats,
						   tx_errors),
		[BRIDGE_STAT_COLLISIONS] = offsetof(struct dpif_port_stats,
						    collisions),
	};
	struct dpif_port_stats ps;
	uint8_t mac[6];

	if (dpbridge_port_mac(b, iface, mac))
		snprintf(st->mac_in_use, sizeof st->mac_in_use,
			 "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
			 mac[2], mac[3], mac[4], mac[5]);
	if (dpbridge_port_stats(b, iface, &ps))
		return;
	for (size_t i = 0; i < BRIDGE_N_STATS; i++)
		st->stats[i] = *(uint64_t *)((char *)&ps + map[i]);
}

static void iface_status(void *aux, const char *iface, struct iface_status *st)
{
	struct vswitchd_ops *v = aux;
	struct dpbridge *b = vswitchd_ops_bridge_of(v, iface);
	uint32_t ofp;

	if (!b || !dpbridge_port_ofp(b, iface, &ofp)) {
		st->ofport = -1;
		st->error = vswitchd_ops_get_error(v, iface);
		return;
	}
	st->ofport = ofp == 0xfffffffe ? 65534 : ofp;
	snprintf(st->link_state, sizeof st->link_state, "up");
	snprintf(st->admin_state, sizeof st->admin_state, "up");
	iface_mac_and_stats(b, iface, st);
}

static void controller_status(void *aux, const char *bridge,
			      const char *target,
			      struct controller_status *st)
{
	struct dpbridge *b = dpbridge_find(bridge);
	struct connmgr_controller_status cs;
	char buf[32];

	(void)aux;
	if (!b || !connmgr_get_controller_status(dpbridge_connmgr(b), target,
						 &cs))
		return;
	st->is_connected = cs.is_connected;
	snprintf(st->role, sizeof st->role, "%s",
		 cs.role == OFP_ROLE_PRIMARY ? "master"
		 : cs.role == OFP_ROLE_SECONDARY ? "slave" : "other");
	bridge_smap_add(&st->status, "state", cs.state);
	if (cs.sec_since_connect >= 0) {
		snprintf(buf, sizeof buf, "%d", cs.sec_since_connect);
		bridge_smap_add(&st->status, "sec_since_connect", buf);
	}
	if (cs.sec_since_disconnect >= 0) {
		snprintf(buf, sizeof buf, "%d", cs.sec_since_disconnect);
		bridge_smap_add(&st->status, "sec_since_disconnect", buf);
	}
	if (cs.last_error[0])
		bridge_smap_add(&st->status, "last_error", cs.last_error);
}

/* What the userspace datapath can do, in the keys OVS reports. */
static void datapath_capabilities(void *aux, const char *type,
				  struct bridge_smap *caps)
{
	static const char *const yes[][2] = {
		{ "recirc", "true" }, { "masked_set_action", "true" },
		{ "max_vlan_headers", "2" }, { "max_mpls_depth", "3" },
		{ "check_pkt_len", "true" }, { "clone", "true" },
		{ "sample_nesting", "10" }, { "trunc", "true" },
		{ "ufid", "true" }, { "ct_state", "false" },
		{ "ct_zone", "false" }, { "ct_mark", "false" },
		{ "ct_label", "false" }, { "explicit_drop_action", "true" },
	};

	(void)aux;
	(void)type;
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		bridge_smap_add(caps, yes[i][0], yes[i][1]);
}

const struct bridge_ops vswitchd_bridge_ops = {
	.bridge_add = bridge_add,
	.bridge_mod = bridge_mod,
	.bridge_del = bridge_del,
	.port_add = port_add,
	.port_mod = port_mod,
	.port_del = port_del,
	.controllers_set = controllers_set,
	.ssl_set = ssl_set,
	.iface_status = iface_status,
	.controller_status = controller_status,
	.datapath_capabilities = datapath_capabilities,
};

void vswitchd_ops_init(struct vswitchd_ops *v, struct poll_loop *loop)
{
	memset(v, 0, sizeof *v);
	v->loop = loop;
}

void vswitchd_ops_destroy(struct vswitchd_ops *v)
{
	for (size_t i = 0; i < v->iface_errors.n; i++) {
		free(v->iface_errors.keys[i]);
		free(v->iface_errors.values[i]);
	}
	free(v->iface_errors.keys);
	free(v->iface_errors.values);
}

void vswitchd_ops_set_error(struct vswitchd_ops *v, const char *iface,
			    const char *error)
{
	bridge_smap_add(&v->iface_errors, iface, error ? error : "");
}

char *vswitchd_ops_get_error(const struct vswitchd_ops *v, const char *iface)
{
	const char *e = bridge_smap_get(&v->iface_errors, iface);

	return e && *e ? xstrdup(e) : NULL;
}

struct dpbridge *vswitchd_ops_bridge_of(const struct vswitchd_ops *v,
					const char *iface)
{
	(void)v;
	return dpbridge_find_by_port(iface);
}
