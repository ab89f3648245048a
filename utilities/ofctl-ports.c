/* weir-ofctl: the switch, its ports and tables: show, dump-desc,
 * dump-tables, dump-table-features, dump-ports, dump-ports-desc, mod-port;
 * and the port and table name maps ovs-ofctl fetches before parsing. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytebuf.h"
#include "ofctl.h"
#include "ofp-multipart.h"
#include "ofp-print.h"
#include "ofp-port-mod.h"
#include "ofp-port-stats.h"
#include "ofp-port.h"
#include "ofp-switch.h"
#include "xalloc.h"

/* ---- fetching the ports ---- */

struct port_list {
	struct ofp_phy_port *ports;
	size_t n;
};

static void pull_ports(uint8_t version, const uint8_t *p, size_t len,
		       struct port_list *list)
{
	struct bytecur c = bytecur_make(p, len);
	struct ofp_phy_port pp;
	int r;

	while (!(r = ofp_phy_port_pull(version, &c, &pp))) {
		list->ports = xrealloc(list->ports,
				       (list->n + 1) * sizeof *list->ports);
		list->ports[list->n++] = pp;
	}
	if (r != OFP_PORT_END)
		ofctl_fatal(0, "received bad reply: %s", ofperr_get_name(r));
}

/* Collects every part of the multipart reply to 'req', handing each
 * message's body to 'body'. */
static void collect_multipart(struct ofctl_conn *c, struct bytebuf *req,
			      void (*body)(const struct ofpmsg *, void *),
			      void *aux)
{
	struct bytebuf reply = BYTEBUF_INITIALIZER;
	uint32_t xid = ofctl_xid(req);
	struct ofpmsg rq, m;

	ofctl_type(req, &rq);
	ofctl_send(c, req);
	do {
		do {
			ofctl_recv(c, &reply);
		} while (ofctl_xid(&reply) != xid);
		if (ofctl_type(&reply, &m) != ofp_multipart_reply_type(rq.type)) {
			char *s = ofp_to_string(reply.data, reply.size,
						ofctl_opts.verbosity + 1);
			ofctl_fatal(0, "received bad reply: %s", s);
		}
		if (body)
			body(&m, aux);
	} while (m.mp_flags & OFPSF_REPLY_MORE);
	bytebuf_uninit(&reply);
}

static void port_desc_body(const struct ofpmsg *m, void *list)
{
	pull_ports(m->version, m->body, m->body_len, list);
}

/* The switch's ports, as ovs-ofctl's port iterator finds them. */
static void fetch_ports(struct ofctl_conn *c, struct port_list *list)
{
	struct bytebuf req = BYTEBUF_INITIALIZER;

	memset(list, 0, sizeof *list);
	if (c->version < OFP13_VERSION) {
		struct bytebuf reply = BYTEBUF_INITIALIZER;
		struct ofp_switch_features f;
		struct ofpmsg m;

		ofpmsg_finish(&req, ofctl_start(c, &req,
						OFPTYPE_FEATURES_REQUEST));
		ofctl_transact(c, &req, &reply);
		if (ofctl_type(&reply, &m) != OFPTYPE_FEATURES_REPLY)
			ofctl_fatal(0, "%s: received bad features reply",
				    c->target);
		enum ofperr e = ofp_switch_features_decode(&m, &f);
		if (e)
			ofctl_fatal(0, "%s: failed to decode features reply "
				    "(%s)", c->target, ofperr_get_name(e));
		pull_ports(c->version, f.ports, f.ports_len, list);
		bytebuf_uninit(&reply);
	} else {
		ofp_port_desc_request_encode(&req, c->version,
					     ofctl_next_xid(), OFPP_ANY);
		collect_multipart(c, &req, port_desc_body, list);
	}
	bytebuf_uninit(&req);
}

static struct port_list *port_map;

static const struct port_list *ports_of(const char *target)
{
	if (!port_map) {
		struct ofctl_conn c;

		port_map = xcalloc(1, sizeof *port_map);
		ofctl_open(&c, target, false);
		fetch_ports(&c, port_map);
		ofctl_close(&c);
	}
	return port_map;
}

/* Table names are not used, but asking keeps the exchange (and so the
 * xids) as ovs-ofctl's. */
static void fetch_table_map(const char *target)
{
	static bool done;
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofctl_conn c;

	if (done)
		return;
	done = true;

	ofctl_open(&c, target, false);
	ofpmsg_finish(&req, ofctl_start(&c, &req, c.version < OFP13_VERSION
					? OFPTYPE_TABLE_STATS_REQUEST
					: OFPTYPE_TABLE_FEATURES_STATS_REQUEST));
	collect_multipart(&c, &req, NULL, NULL);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

void ofctl_fetch_name_maps(const char *target, bool tables_first)
{
	if (ofctl_opts.no_names)
		return;
	if (tables_first)
		fetch_table_map(target);
	ports_of(target);
	fetch_table_map(target);
}

/* ---- port names and numbers ---- */

static const struct {
	const char *name;
	uint16_t port;
} reserved_ports[] = {
	{ "IN_PORT", OFPP_IN_PORT }, { "TABLE", OFPP_TABLE },
	{ "NORMAL", OFPP_NORMAL }, { "FLOOD", OFPP_FLOOD },
	{ "ALL", OFPP_ALL }, { "CONTROLLER", OFPP_CONTROLLER },
	{ "LOCAL", OFPP_LOCAL }, { "ANY", OFPP_ANY }, { "NONE", OFPP_ANY },
};

/* A number or reserved name, without asking the switch. */
static bool port_from_string(const char *s, uint16_t *port)
{
	char *end;
	unsigned long n = strtoul(s, &end, 10);

	if (*s && !*end && *s != '-') {
		if (n < OFPP_MAX) {
			*port = n;
			return true;
		}
		if (n >= OFPP11_MAX && n <= 0xffffffffu) {
			*port = n - OFPP11_OFFSET;
			return true;
		}
		return false;
	}
	for (size_t i = 0; i < sizeof reserved_ports / sizeof *reserved_ports;
	     i++)
		if (!strcasecmp(s, reserved_ports[i].name)) {
			*port = reserved_ports[i].port;
			return true;
		}
	return false;
}

uint16_t ofctl_port_no(const char *target, const char *name)
{
	const struct port_list *list;
	uint16_t port;

	if (port_from_string(name, &port))
		return port;
	list = ports_of(target);
	for (size_t i = 0; i < list->n; i++)
		if (!strcmp(list->ports[i].name, name))
			return list->ports[i].port_no;
	ofctl_fatal(0, "%s: unknown port `%s'", target, name);
}

/* ---- commands ---- */

static void cmd_show(int argc, char *argv[])
{
	struct bytebuf req = BYTEBUF_INITIALIZER, reply = BYTEBUF_INITIALIZER;
	struct ofctl_conn c;

	(void)argc;
	ofctl_open(&c, argv[1], false);
	ofpmsg_finish(&req, ofctl_start(&c, &req, OFPTYPE_FEATURES_REQUEST));
	ofctl_transact(&c, &req, &reply);
	ofctl_print(stdout, &reply, ofctl_opts.verbosity + 1);
	if (c.version >= OFP13_VERSION) {
		bytebuf_clear(&req);
		ofp_port_desc_request_encode(&req, c.version, ofctl_next_xid(),
					     OFPP_ANY);
		ofctl_dump_transaction(&c, &req);
	}
	ofctl_dump_trivial(argv[1], OFPTYPE_GET_CONFIG_REQUEST);
	bytebuf_uninit(&req);
	bytebuf_uninit(&reply);
	ofctl_close(&c);
}

static void cmd_dump_desc(int argc, char *argv[])
{
	(void)argc;
	ofctl_dump_trivial(argv[1], OFPTYPE_DESC_STATS_REQUEST);
}

static void cmd_dump_tables(int argc, char *argv[])
{
	(void)argc;
	ofctl_dump_trivial(argv[1], OFPTYPE_TABLE_STATS_REQUEST);
}

static void cmd_dump_table_features(int argc, char *argv[])
{
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofctl_conn c;

	(void)argc;
	ofctl_open(&c, argv[1], false);
	if (c.version < OFP13_VERSION)
		ofctl_fatal(0, "dump-table-features needs OpenFlow 1.3 or later "
			    "('-O OpenFlow13')");
	ofpmsg_finish(&req, ofctl_start(&c, &req,
					OFPTYPE_TABLE_FEATURES_STATS_REQUEST));
	ofctl_dump_transaction(&c, &req);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

static void dump_ports(int argc, char *argv[],
		       void (*encode)(struct bytebuf *, uint8_t, uint32_t,
				      uint16_t))
{
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofctl_conn c;

	ofctl_open(&c, argv[1], false);
	uint16_t port = argc > 2 ? ofctl_port_no(argv[1], argv[2]) : OFPP_ANY;
	encode(&req, c.version, ofctl_next_xid(), port);
	ofctl_dump_transaction(&c, &req);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

static void cmd_dump_ports(int argc, char *argv[])
{
	dump_ports(argc, argv, ofp_port_stats_request_encode);
}

static void cmd_dump_ports_desc(int argc, char *argv[])
{
	dump_ports(argc, argv, ofp_port_desc_request_encode);
}

static const struct ofp_phy_port *find_port(const struct port_list *list,
					    const char *target,
					    const char *name)
{
	char *end;
	unsigned long n = strtoul(name, &end, 10);
	bool numeric = *name && !*end && n <= 0xffff;

	for (size_t i = 0; i < list->n; i++)
		if (numeric ? list->ports[i].port_no == n
		    : !strcmp(list->ports[i].name, name))
			return &list->ports[i];
	ofctl_fatal(0, "%s: couldn't find port `%s'", target, name);
}

static const struct {
	const char *name;
	uint32_t bit;
	bool on;
} port_flags[] = {
	{ "up", OFPPC_PORT_DOWN, false },
	{ "down", OFPPC_PORT_DOWN, true },
	{ "stp", OFPPC_NO_STP, false },
	{ "receive", OFPPC_NO_RECV, false },
	{ "receive-stp", OFPPC_NO_RECV_STP, false },
	{ "flood", OFPPC_NO_FLOOD, false },
	{ "forward", OFPPC_NO_FWD, false },
	{ "packet-in", OFPPC_NO_PACKET_IN, false },
};

/* A 1.4+ port mod ends with an ethernet property; ovs-ofctl leaves it out
 * when it advertises nothing new, and so does this. */
static void drop_empty_advertise(struct bytebuf *msg)
{
	const size_t base = 32, prop = 8;	/* ofp14_port_mod, property */
	static const uint8_t empty[8] = { 0, 0, 0, 8, 0, 0, 0, 0 };

	if (msg->data[0] < OFP14_VERSION || msg->size != base + prop ||
	    memcmp(msg->data + base, empty, prop))
		return;
	bytebuf_truncate(msg, base);
	msg->data[2] = 0;
	msg->data[3] = base;
}

static void cmd_mod_port(int argc, char *argv[])
{
	struct ofp_port_mod pm = { 0 };
	struct port_list list;
	struct ofctl_conn c;
	const char *word = argv[3];
	bool not = false;

	(void)argc;
	ofctl_open(&c, argv[1], false);
	fetch_ports(&c, &list);
	ofctl_close(&c);
	const struct ofp_phy_port *pp = find_port(&list, argv[1], argv[2]);

	pm.port_no = pp->port_no;
	memcpy(pm.hw_addr, pp->hw_addr, sizeof pm.hw_addr);
	if (!strncasecmp(word, "no-", 3) || !strncasecmp(word, "no", 2)) {
		word += word[2] == '-' ? 3 : 2;
		not = true;
	}
	size_t i;
	for (i = 0; i < sizeof port_flags / sizeof *port_flags; i++)
		if (!strcasecmp(word, port_flags[i].name))
			break;
	if (i == sizeof port_flags / sizeof *port_flags)
		ofctl_fatal(0, "unknown mod-port command '%s'", argv[3]);
	pm.mask = port_flags[i].bit;
	pm.config = port_flags[i].on ^ not ? port_flags[i].bit : 0;
	free(list.ports);

	struct bytebuf req = BYTEBUF_INITIALIZER;
	ofctl_open(&c, argv[1], false);
	ofp_port_mod_encode(&req, c.version, ofctl_next_xid(), &pm);
	drop_empty_advertise(&req);
	ofctl_transact_or_die(&c, &req);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

const struct ofctl_command ofctl_switch_commands[] = {
	{ "show", 1, 1, cmd_show },
	{ "dump-desc", 1, 1, cmd_dump_desc },
	{ "dump-tables", 1, 1, cmd_dump_tables },
	{ "dump-table-features", 1, 1, cmd_dump_table_features },
	{ "dump-ports", 1, 2, cmd_dump_ports },
	{ "dump-ports-desc", 1, 2, cmd_dump_ports_desc },
	{ "mod-port", 3, 3, cmd_mod_port },
	{ NULL, 0, 0, NULL },
};
