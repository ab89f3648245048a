/* A bridge on a datapath: life cycle, ports, and the joints between the
 * OpenFlow state, the connections and the datapath. */
#include "dpbridge-private.h"

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "bytebuf.h"
#include "compat.h"
#include "log.h"
#include "of-flow-key.h"
#include "ofconn.h"
#include "ofp-flow-mod.h"
#include "ofp-packet-out.h"
#include "poll-loop.h"
#include "rule.h"
#include "xalloc.h"

#define OFPP10_LOCAL 0xfffe
#define OFPPR_ADD 0
#define OFPPR_DELETE 1
#define OFPPR_MODIFY 2
#define DPB_DEFAULT_MAX_IDLE_MS 10000
#define DPB_ASYNC_MAX 1024

static struct dpbridge **all_bridges;
static size_t n_bridges, bridges_cap;

/* Ports. */

const struct dpb_port *dpb_port_by_ofp(const struct dpb_ports *ports,
				       uint32_t ofp_port)
{
	for (size_t i = 0; ports && i < ports->n; i++)
		if (ports->p[i].ofp_port == ofp_port)
			return &ports->p[i];
	return NULL;
}

const struct dpb_port *dpb_port_by_odp(const struct dpb_ports *ports,
				       uint32_t odp_port)
{
	for (size_t i = 0; ports && i < ports->n; i++)
		if (ports->p[i].odp_port == odp_port)
			return &ports->p[i];
	return NULL;
}

static const struct dpb_port *port_by_name(const struct dpb_ports *ports,
					   const char *name)
{
	for (size_t i = 0; ports && i < ports->n; i++)
		if (!strcmp(ports->p[i].name, name))
			return &ports->p[i];
	return NULL;
}

static struct dpb_ports *ports_copy(const struct dpb_ports *old, size_t extra)
{
	size_t n = old ? old->n : 0;
	struct dpb_ports *p = xcalloc(1, sizeof *p +
				      (n + extra) * sizeof p->p[0]);

	if (n)
		memcpy(p->p, old->p, n * sizeof p->p[0]);
	p->n = n;
	return p;
}

static void ports_free_rcu(struct rcu_head *head)
{
	dp_rcu_cb_begin();
	free((char *)head - offsetof(struct dpb_ports, rcu));
}

/* Makes 'new' the ports translation sees; the old set goes after a grace
 * period. */
static void ports_publish(struct dpbridge *b, struct dpb_ports *new)
{
	struct dpb_ports *old = b->ports;

	rcu_assign_pointer(b->ports, new);
	if (old)
		call_rcu(&old->rcu, ports_free_rcu);
}

static uint16_t ofp10_port(uint32_t ofp_port)
{
	return ofp_port == XLATE_PORT_LOCAL ? OFPP10_LOCAL : ofp_port;
}

static void phy_port(const struct dpb_port *p, struct ofp_phy_port *pp)
{
	memset(pp, 0, sizeof *pp);
	pp->port_no = ofp10_port(p->ofp_port);
	memcpy(pp->hw_addr, p->hw_addr, 6);
	memcpy(pp->name, p->name, strnlen(p->name, sizeof pp->name - 1));
	pp->config = p->config;
	pp->state = p->link_up ? 0 : 1;         /* OFPPS_LINK_DOWN */
}

static void port_announce(struct dpbridge *b, const struct dpb_port *p,
			  uint8_t reason)
{
	struct ofp_phy_port pp;

	phy_port(p, &pp);
	if (reason == OFPPR_DELETE)
		ofproto_port_remove(b->ofproto, p->ofp_port);
	else
		ofproto_port_set(b->ofproto, &pp);
	connmgr_send_port_status(b->connmgr, reason, &pp);
}

/* Under the ukey map's lock: every ukey, for a change no index covers
 * (ports coming and going change floods and outputs). */
static void mark_all(struct ukey *uk, void *b_)
{
	struct dpbridge *b = b_;

	if (uk->dirty)
		return;
	uk->dirty = true;
	b->dirty = xgrow_n(b->dirty, &b->dirty_cap, b->n_dirty + 1,
			   sizeof *b->dirty);
	b->dirty[b->n_dirty++] = uk;
}

/* Groups have no index of their own: a group change marks every ukey
 * that went through any group. */
static void mark_grouped(struct ukey *uk, void *b)
{
	if (uk->n_groups)
		mark_all(uk, b);
}

static void revalidate_all(struct dpbridge *b)
{
	ukey_map_for_each(b->ukeys, mark_all, b);
	dpb_reval_sync(b);
}

/* The default table-miss behaviour follows the connections' versions;
 * when it changes, every megaflow made from a miss may be wrong. */
void dpb_miss_config_run(struct dpbridge *b)
{
	bool want = connmgr_wants_packet_in_on_miss(b->connmgr);

	if (want == b->miss_to_controller)
		return;
	__atomic_store_n(&b->miss_to_controller, want, __ATOMIC_RELAXED);
	ukey_map_for_each(b->ukeys, mark_all, b);
	dpb_reval_kick(b);
}

static uint32_t free_ofp_port(const struct dpb_ports *ports, uint32_t want)
{
	if (want && want < XLATE_PORT_MAX && !dpb_port_by_ofp(ports, want))
		return want;
	for (uint32_t n = 1;; n++)
		if (!dpb_port_by_ofp(ports, n))
			return n;
}

static void random_mac(uint8_t mac[6])
{
	if (getrandom(mac, 6, 0) != 6)
		memset(mac, 0x5a, 6);
	mac[0] = (mac[0] & 0xfe) | 0x02;        /* local, unicast */
}

static void port_insert(struct dpbridge *b, const char *name, uint32_t odp,
			uint32_t ofp)
{
	struct dpb_ports *ports = ports_copy(b->ports, 1);
	struct dpb_port *p = &ports->p[ports->n++];

	memset(p, 0, sizeof *p);
	snprintf(p->name, sizeof p->name, "%s", name);
	p->ofp_port = ofp;
	p->odp_port = odp;
	p->link_up = true;
	random_mac(p->hw_addr);
	port_vlan_configure(&p->vlan, NULL, -1, NULL, 0, NULL, 0, NULL);
	ports_publish(b, ports);
	port_announce(b, p, OFPPR_ADD);
}

int dpbridge_port_add(struct dpbridge *b, const char *name, const char *type,
		      const char *const *options, uint32_t ofp_request,
		      uint32_t *ofp_port, char **errp)
{
	uint32_t odp = DPIF_PORT_NONE;
	int err;

	if (port_by_name(b->ports, name)) {
		*errp = xasprintf("%s: port %s exists", b->name, name);
		return -EEXIST;
	}
	err = dpif_port_add(b->dpif, name, type, options, &odp);
	if (err) {
		*errp = xasprintf("%s: %s", name, dpif_last_error(b->dpif));
		return err;
	}
	*ofp_port = free_ofp_port(b->ports, ofp_request);
	port_insert(b, name, odp, *ofp_port);
	revalidate_all(b);
	return 0;
}

void dpbridge_port_del(struct dpbridge *b, const char *name)
{
	const struct dpb_port *p = port_by_name(b->ports, name);
	struct dpb_ports *ports;
	struct dpb_port gone;

	if (!p || p->ofp_port == XLATE_PORT_LOCAL)
		return;
	gone = *p;
	dpif_port_del(b->dpif, gone.odp_port);
	ports = ports_copy(NULL, b->ports->n);
	for (size_t i = 0; i < b->ports->n; i++)
		if (b->ports->p[i].ofp_port != gone.ofp_port)
			ports->p[ports->n++] = b->ports->p[i];
	ports_publish(b, ports);
	port_announce(b, &gone, OFPPR_DELETE);
	mac_table_flush_port(b->macs, gone.ofp_port);
	revalidate_all(b);
}

/* Replaces one port's settings with 'edit' applied to a copy. */
static int port_modify(struct dpbridge *b, const char *name,
		       void (*edit)(struct dpb_port *, const void *),
		       const void *arg)
{
	const struct dpb_port *p = port_by_name(b->ports, name);
	struct dpb_ports *ports;
	struct dpb_port *np;

	if (!p)
		return -ENOENT;
	ports = ports_copy(b->ports, 0);
	np = &ports->p[p - b->ports->p];
	edit(np, arg);
	ports_publish(b, ports);
	mac_table_flush_port(b->macs, np->ofp_port);
	revalidate_all(b);
	return 0;
}

static void set_vlan(struct dpb_port *p, const void *vlan)
{
	p->vlan = *(const struct port_vlan *)vlan;
}

int dpbridge_port_set_vlan(struct dpbridge *b, const char *name,
			   const struct port_vlan *vlan)
{
	return port_modify(b, name, set_vlan, vlan);
}

bool dpbridge_port_ofp(const struct dpbridge *b, const char *name,
		       uint32_t *ofp_port)
{
	const struct dpb_port *p = port_by_name(b->ports, name);

	if (p)
		*ofp_port = p->ofp_port;
	return p != NULL;
}

bool dpbridge_port_mac(const struct dpbridge *b, const char *name,
		       uint8_t mac[6])
{
	const struct dpb_port *p = port_by_name(b->ports, name);

	if (p)
		memcpy(mac, p->hw_addr, 6);
	return p != NULL;
}

int dpbridge_port_stats(struct dpbridge *b, const char *name,
			struct dpif_port_stats *st)
{
	const struct dpb_port *p = port_by_name(b->ports, name);

	return p ? dpif_port_get_stats(b->dpif, p->odp_port, st) : -ENOENT;
}

/* Flow mods the bridge makes itself (learned flows, the standalone
 * default), through the same path as a controller's. */

enum ofperr dpb_flow_mod(struct dpbridge *b, const struct of_flow_mod *fm)
{
	struct ofproto_conn conn = {
		.protocol = OFPROTO_OF15_OXM, .version = 6, .id = 0,
	};
	struct ofproto_replies replies;
	struct bytebuf msg;
	struct ofpmsg m;
	enum ofperr err;

	bytebuf_init(&msg);
	err = of_flow_mod_encode(fm, OFPROTO_OF15_OXM, 0, &msg);
	if (!err)
		err = ofpmsg_decode(&m, msg.data, msg.size);
	ofproto_replies_init(&replies);
	if (!err)
		err = ofproto_handle(b->ofproto, &m, &conn, &replies);
	ofproto_replies_destroy(&replies);
	bytebuf_uninit(&msg);
	return err;
}

static enum ofperr flow_mod_text(struct dpbridge *b, const char *text)
{
	struct of_flow_mod fm;
	struct bytebuf ofpacts;
	enum ofperr err = OFPERR_OFPBRC_EPERM;
	unsigned int usable;
	char *error;

	bytebuf_init(&ofpacts);
	error = of_flow_mod_parse(text, OFPFC_ADD, &fm, &ofpacts, &usable);
	if (!error)
		err = dpb_flow_mod(b, &fm);
	else
		log_msg(LOG_ERR, "%s: %s", text, error);
	free(error);
	bytebuf_uninit(&ofpacts);
	return err;
}

/* The joints: what connections ask, and what the tables tell. */

static enum ofperr handle_request(void *b_, struct ofconn *ofconn,
				  const struct ofpmsg *msg)
{
	struct dpbridge *b = b_;
	struct ofproto_conn conn = {
		.protocol = ofconn_get_protocol(ofconn),
		.version = ofconn_get_version(ofconn),
		.is_slave = ofconn_is_slave(ofconn),
		.id = ofconn_id(ofconn),
		.miss_send_len = ofconn_miss_send_len(ofconn),
	};
	struct ofproto_replies replies;
	enum ofperr err;

	if (msg->type == OFPTYPE_NXT_RESUME)
		return conn.is_slave ? OFPERR_OFPBRC_IS_SECONDARY
			     : dpb_resume(b, msg);
	ofproto_replies_init(&replies);
	err = ofproto_handle(b->ofproto, msg, &conn, &replies);
	if (!err && (msg->type == OFPTYPE_GROUP_MOD ||
		     msg->type == OFPTYPE_BUNDLE_CONTROL)) {
		ukey_map_for_each(b->ukeys, mark_grouped, b);
		dpb_reval_kick(b);
	}
	if (!err && msg->type == OFPTYPE_METER_MOD)
		dpb_meter_mod_done(b, msg);
	for (size_t i = 0; i < replies.n; i++)
		ofconn_send(ofconn, &replies.msgs[i]);
	ofproto_replies_destroy(&replies);
	return err;
}

static void sync_datapath(void *b_)
{
	dpb_reval_sync(b_);
}

static const struct connmgr_handler handler = {
	.handle = handle_request,
	.sync = sync_datapath,
};

static void flow_removed(void *b_, const struct rule *rule, uint8_t reason)
{
	struct dpbridge *b = b_;
	struct ofp_flow_removed fr;
	struct rule_stats st;
	long long age = dp_now_ms() - rule->created_ms;

	rule_get_stats(rule, &st);
	memset(&fr, 0, sizeof fr);
	fr.match = *rule->cr.match;
	fr.cookie = rule->cookie;
	fr.priority = rule->cr.priority;
	fr.reason = reason;
	fr.table_id = rule->table_id;
	fr.duration_sec = age / 1000;
	fr.duration_nsec = age % 1000 * 1000000;
	fr.idle_timeout = rule->idle_timeout;
	fr.hard_timeout = rule->hard_timeout;
	fr.packet_count = st.packets;
	fr.byte_count = st.bytes;
	connmgr_send_flow_removed(b->connmgr, &fr);
}

/* PACKET_OUT: the packet goes through the actions as if a rule held
 * them, and the datapath executes the result. */
static enum ofperr packet_out(void *b_, const struct ofp_packet_out *po)
{
	struct dpbridge *b = b_;
	struct dp_packet *pkt;
	struct flow_key key;
	struct dpb_xctx ctx;
	struct xlate_out xo;
	struct of_flow flow;
	int err;

	pkt = dp_packet_clone_data(po->packet, po->packet_len);
	dp_packet_parse(pkt, &key);
	of_flow_from_flow_key(&key, &flow);
	flow.in_port = htonl(ofp_packet_out_in_port(po));
	rcu_read_lock();
	dpb_xctx_init(&ctx, b, &flow, true);
	xlate_out_init(&xo);
	err = dpb_translate_actions(&ctx, &flow, pkt, po->ofpacts,
				    po->ofpacts_len, &xo);
	rcu_read_unlock();
	if (!err && !xo.error && xo.actions.size)
		err = dpif_execute(b->dpif, pkt, xo.actions.data,
				   xo.actions.size);
	xlate_out_uninit(&xo);
	dpb_xctx_uninit(&ctx);
	dp_packet_delete(pkt);
	if (err)
		log_msg(LOG_WARN, "%s: packet-out: %s", b->name,
			strerror(-err));
	return 0;
}

static void edit_config(struct dpb_port *p, const void *arg)
{
	const uint32_t *cm = arg;

	p->config = (p->config & ~cm[1]) | (cm[0] & cm[1]);
}

static void port_mod(void *b_, uint32_t ofp_port, uint32_t config,
		     uint32_t mask)
{
	struct dpbridge *b = b_;
	const struct dpb_port *p = dpb_port_by_ofp(b->ports, ofp_port);
	uint32_t cm[2] = { config, mask };

	if (!p)
		return;
	port_modify(b, p->name, edit_config, cm);
	port_announce(b, dpb_port_by_ofp(b->ports, ofp_port), OFPPR_MODIFY);
}

static int port_stats(void *b_, uint32_t ofp_port,
		      struct dpif_port_stats *st)
{
	struct dpbridge *b = b_;
	const struct dpb_port *p = dpb_port_by_ofp(b->ports, ofp_port);

	return p ? dpif_port_get_stats(b->dpif, p->odp_port, st) : -ENOENT;
}

static const struct ofproto_events events = {
	.flow_removed = flow_removed,
	.tables_changed = dpb_tables_changed,
	.packet_out = packet_out,
	.port_mod = port_mod,
	.port_stats = port_stats,
};

/* Life cycle. */

static void async_ready(int fd, short revents, void *b_)
{
	(void)fd;
	(void)revents;
	dpb_async_run(b_);
}

static void registry_add(struct dpbridge *b)
{
	all_bridges = xgrow_n(all_bridges, &bridges_cap, n_bridges + 1,
			      sizeof *all_bridges);
	all_bridges[n_bridges++] = b;
}

static void registry_remove(struct dpbridge *b)
{
	for (size_t i = 0; i < n_bridges; i++)
		if (all_bridges[i] == b)
			all_bridges[i] = all_bridges[--n_bridges];
}

struct dpbridge *dpbridge_find(const char *name)
{
	for (size_t i = 0; i < n_bridges; i++)
		if (!strcmp(all_bridges[i]->name, name))
			return all_bridges[i];
	return NULL;
}

struct dpbridge *dpbridge_find_by_port(const char *name)
{
	for (size_t i = 0; i < n_bridges; i++)
		if (port_by_name(all_bridges[i]->ports, name))
			return all_bridges[i];
	return NULL;
}

static int open_datapath(struct dpbridge *b, const char *type, char **errp)
{
	int err = dpif_open(type, b->name, true, &b->dpif);

	if (err == -EEXIST)
		err = dpif_open(type, b->name, false, &b->dpif);
	if (!err)
		err = dpif_open(type, b->name, false, &b->reval_dpif);
	if (err) {
		*errp = xasprintf("%s: cannot open datapath of type %s: %s",
				  b->name, type, strerror(-err));
		return err;
	}
	dpif_flow_flush(b->dpif);
	return 0;
}

/* The datapath id a bridge gets unless configured: its local port's
 * address, as OVS derives it. */
static uint64_t default_dpid(const struct dpbridge *b)
{
	const struct dpb_port *local = dpb_port_by_ofp(b->ports,
						       XLATE_PORT_LOCAL);
	uint64_t id = 0;

	for (int i = 0; local && i < 6; i++)
		id = id << 8 | local->hw_addr[i];
	return id;
}

struct dpbridge *dpbridge_create(const char *name, const char *dp_type,
				 struct poll_loop *loop, char **errp)
{
	struct dpbridge *b = xcalloc(1, sizeof *b);

	b->name = xstrdup(name);
	b->loop = loop;
	b->max_idle_ms = DPB_DEFAULT_MAX_IDLE_MS;
	b->flow_limit = DPB_MAX_FLOW_LIMIT;
	if (open_datapath(b, dp_type && *dp_type ? dp_type : "netdev", errp)) {
		free(b->name);
		free(b);
		return NULL;
	}
	b->ofproto = ofproto_create(name, 0, OFPROTO_MAX_TABLES, &events, b);
	b->connmgr = connmgr_create(name, &handler, b);
	connmgr_attach(b->connmgr, loop);
	b->macs = mac_table_create(MAC_DEFAULT_AGING_S,
				   MAC_DEFAULT_MAX_ENTRIES);
	b->ukeys = ukey_map_create();
	dpb_async_init(&b->async, DPB_ASYNC_MAX);
	poll_loop_add(loop, b->async.wake_fd, POLLIN, async_ready, b);
	port_insert(b, name, DPIF_PORT_LOCAL, XLATE_PORT_LOCAL);
	dpbridge_set_datapath_id(b, default_dpid(b));
	dpb_reval_start(b);
	dpif_register_upcall_cb(b->dpif, dpb_upcall, b);
	/* A standalone bridge without controllers is a learning switch. */
	flow_mod_text(b, "priority=0,actions=NORMAL");
	registry_add(b);
	return b;
}

struct ukey_list {
	struct ukey_map *map;
	struct ukey **v;
	size_t n, cap;
};

static void take_ukey(struct ukey *uk, void *l_)
{
	struct ukey_list *l = l_;

	ukey_map_remove_locked(l->map, uk);
	l->v = xgrow_n(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = uk;
}

static void ukeys_release_all(struct dpbridge *b)
{
	struct ukey_list l = { .map = b->ukeys };

	ukey_map_for_each(b->ukeys, take_ukey, &l);
	for (size_t i = 0; i < l.n; i++)
		dpb_ukey_release(l.v[i]);
	free(l.v);
	ukey_map_destroy(b->ukeys);
}

void dpbridge_destroy(struct dpbridge *b)
{
	if (!b)
		return;
	registry_remove(b);
	dpif_register_upcall_cb(b->dpif, NULL, NULL);
	dpb_reval_stop(b);
	ukeys_release_all(b);
	poll_loop_remove(b->loop, b->async.wake_fd);
	dpb_async_destroy(&b->async);
	connmgr_destroy(b->connmgr);
	ofproto_destroy(b->ofproto);
	dpif_destroy(b->dpif);
	dpif_close(b->dpif);
	dpif_close(b->reval_dpif);
	mac_table_destroy(b->macs);
	free(b->dirty);
	free(b->meters);
	free(b->ports);
	free(b->name);
	free(b);
}

int dpbridge_run_all(void)
{
	int timeout = 1000;

	for (size_t i = 0; i < n_bridges; i++) {
		int t = dpbridge_run(all_bridges[i]);

		if (t < timeout)
			timeout = t;
	}
	return timeout;
}

void dpbridge_destroy_all(void)
{
	while (n_bridges)
		dpbridge_destroy(all_bridges[0]);
	free(all_bridges);
	all_bridges = NULL;
	bridges_cap = 0;
}

void dpbridge_fdb_flush_all(void)
{
	for (size_t i = 0; i < n_bridges; i++)
		dpbridge_fdb_flush(all_bridges[i]);
}

void dpbridge_upcall_show_all(FILE *out)
{
	for (size_t i = 0; i < n_bridges; i++)
		dpbridge_upcall_show(all_bridges[i], out);
}

void dpbridge_for_each(void (*cb)(struct dpbridge *, void *aux), void *aux)
{
	for (size_t i = 0; i < n_bridges; i++)
		cb(all_bridges[i], aux);
}
