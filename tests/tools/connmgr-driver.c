/* A bridge's connection manager with a mock OpenFlow handler, for system
 * tests against real OpenFlow clients:
 *
 *   connmgr-driver BRIDGE CTL-SOCKET [OPTION]...
 *     --versions=BITMAP          the management socket's versions (0x12)
 *     --controller=TARGET[,probe=MS][,backoff=MS][,rate=N][,burst=N]
 *                  [,versions=BITMAP][,role=equal|primary|secondary]
 *
 * The handler answers FEATURES_REQUEST, GET_CONFIG_REQUEST, DESC and
 * PORT_DESC requests with canned replies and records every request it is
 * given.  Commands on CTL-SOCKET (ovs-appctl -t CTL-SOCKET ...):
 *   packet-in REASON [MAX_LEN|miss] [CONTROLLER_ID] [COUNT]
 *                              COUNT (1) canned packet-ins
 *   flow-removed REASON        port-status REASON
 *   status TARGET              conns            received
 *   dropped                    exit */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "connmgr.h"
#include "ofconn.h"
#include "ofp-fields.h"
#include "ofp-switch.h"
#include "poll-loop.h"
#include "unixctl.h"

#define MAX_CONTROLLERS 8

struct driver {
	struct connmgr *mgr;
	struct poll_loop *loop;
	struct bytebuf received;	/* request names, one a line */
};

static const uint8_t frame[64] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
	0x08, 0x06, 0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01, 0x00, 0x11,
	0x22, 0x33, 0x44, 0x55, 0x0a, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x0a, 0x00, 0x00, 0x02,
};

static void put_string(struct bytebuf *b, const char *s, size_t width)
{
	char *field = bytebuf_put_zeros(b, width);

	memcpy(field, s, strnlen(s, width - 1));
}

static void reply_desc(struct ofconn *oc, const struct ofpmsg *m)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	size_t start = ofpmsg_start(&b, OFPTYPE_DESC_STATS_REPLY, m->version,
				    m->xid);

	put_string(&b, "Weir", 256);
	put_string(&b, "connmgr-driver", 256);
	put_string(&b, "test", 256);
	put_string(&b, "None", 32);
	put_string(&b, "br0 mock", 256);
	ofpmsg_finish(&b, start);
	ofconn_send(oc, &b);
	bytebuf_uninit(&b);
}

static void reply_simple(struct ofconn *oc, const struct ofpmsg *m,
			 enum ofptype type)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	size_t start = ofpmsg_start(&b, type, m->version, m->xid);

	ofpmsg_finish(&b, start);
	ofconn_send(oc, &b);
	bytebuf_uninit(&b);
}

static enum ofperr handle(void *d_, struct ofconn *oc, const struct ofpmsg *m)
{
	struct driver *d = d_;
	struct ofp_switch_features f = {
		.datapath_id = 0x0000aabbccddeeffULL, .n_tables = 254,
		.capabilities = OFPC_FLOW_STATS | OFPC_TABLE_STATS |
				OFPC_PORT_STATS,
	};
	struct ofp_switch_config sc = { 0, ofconn_miss_send_len(oc) };
	struct bytebuf b = BYTEBUF_INITIALIZER;
	const char *name = ofptype_get_name(m->type, m->version);

	bytebuf_put(&d->received, name, strlen(name));
	bytebuf_put_u8(&d->received, '\n');
	switch (m->type) {
	case OFPTYPE_FEATURES_REQUEST:
		ofp_switch_features_encode(&b, m->version, m->xid, &f);
		ofconn_send(oc, &b);
		break;
	case OFPTYPE_GET_CONFIG_REQUEST:
		ofp_switch_config_encode(&b, OFPTYPE_GET_CONFIG_REPLY,
					 m->version, m->xid, &sc);
		ofconn_send(oc, &b);
		break;
	case OFPTYPE_DESC_STATS_REQUEST:
		reply_desc(oc, m);
		break;
	case OFPTYPE_PORT_DESC_STATS_REQUEST:
		reply_simple(oc, m, OFPTYPE_PORT_DESC_STATS_REPLY);
		break;
	case OFPTYPE_SET_CONFIG:
	case OFPTYPE_PACKET_OUT:
	case OFPTYPE_FLOW_MOD:
		break;
	default:
		bytebuf_uninit(&b);
		return ofptype_is_stat(m->type) ? OFPERR_OFPBRC_BAD_STAT
						: OFPERR_OFPBRC_BAD_TYPE;
	}
	bytebuf_uninit(&b);
	return 0;
}

static void sync(void *d_)
{
	struct driver *d = d_;

	bytebuf_put(&d->received, "sync\n", 5);
}

static int cmd_packet_in(int argc, const char *argv[], FILE *out, void *d_)
{
	struct driver *d = d_;
	struct connmgr_packet_in cp = { .max_len = UINT16_MAX };

	of_match_init_catchall(&cp.pin.metadata);
	mf_set_u64(MFF_IN_PORT, 1, UINT64_MAX, &cp.pin.metadata);
	cp.pin.reason = atoi(argv[1]);
	cp.pin.cookie = 0x1234;
	cp.pin.packet = frame;
	cp.pin.packet_len = cp.pin.total_len = sizeof frame;
	if (argc > 2 && !strcmp(argv[2], "miss"))
		cp.use_miss_send_len = true;
	else if (argc > 2)
		cp.max_len = atoi(argv[2]);
	if (argc > 3)
		cp.controller_id = atoi(argv[3]);
	for (int i = argc > 4 ? atoi(argv[4]) : 1; i > 0; i--)
		connmgr_send_packet_in(d->mgr, &cp);
	(void)out;
	return 0;
}

static int cmd_flow_removed(int argc, const char *argv[], FILE *out,
			    void *d_)
{
	struct driver *d = d_;
	struct ofp_flow_removed fr = {
		.cookie = 0xabc, .priority = 100, .table_id = 0,
		.duration_sec = 3, .idle_timeout = 5, .packet_count = 7,
		.byte_count = 420,
	};

	(void)argc, (void)out;
	of_match_init_catchall(&fr.match);
	mf_set_u64(MFF_IN_PORT, 2, UINT64_MAX, &fr.match);
	fr.reason = atoi(argv[1]);
	connmgr_send_flow_removed(d->mgr, &fr);
	return 0;
}

static int cmd_port_status(int argc, const char *argv[], FILE *out,
			   void *d_)
{
	struct driver *d = d_;
	struct ofp_phy_port pp = {
		.port_no = 3, .hw_addr = { 0x02, 0, 0, 0, 0, 0x03 },
		.name = "p3", .curr = 0x820, .curr_speed = 10000000,
		.max_speed = 10000000,
	};

	(void)argc, (void)out;
	connmgr_send_port_status(d->mgr, atoi(argv[1]), &pp);
	return 0;
}

static int cmd_status(int argc, const char *argv[], FILE *out, void *d_)
{
	struct driver *d = d_;
	struct connmgr_controller_status s;

	(void)argc;
	if (!connmgr_get_controller_status(d->mgr, argv[1], &s)) {
		fprintf(out, "%s: no such controller", argv[1]);
		return 1;
	}
	fprintf(out, "is_connected=%s role=%s state=%s sec_since_connect=%d "
		"sec_since_disconnect=%d last_error=%s\n",
		s.is_connected ? "true" : "false", ofp_role_to_string(s.role),
		s.state, s.sec_since_connect, s.sec_since_disconnect,
		s.last_error);
	return 0;
}

static int cmd_conns(int argc, const char *argv[], FILE *out, void *d_)
{
	struct driver *d = d_;

	(void)argc, (void)argv;
	fprintf(out, "any_controller_connected=%s\n",
		connmgr_is_any_controller_connected(d->mgr) ? "true"
							    : "false");
	return 0;
}

static int cmd_received(int argc, const char *argv[], FILE *out, void *d_)
{
	struct driver *d = d_;

	(void)argc, (void)argv;
	fwrite(d->received.data, 1, d->received.size, out);
	return 0;
}

static int cmd_dropped(int argc, const char *argv[], FILE *out, void *d_)
{
	struct driver *d = d_;

	(void)argc, (void)argv;
	fprintf(out, "%" PRIu64 "\n", connmgr_n_packet_in_dropped(d->mgr));
	return 0;
}

static int cmd_exit(int argc, const char *argv[], FILE *out, void *d_)
{
	struct driver *d = d_;

	(void)argc, (void)argv, (void)out;
	poll_loop_stop(d->loop);
	return 0;
}

static enum ofp_role parse_role(const char *s)
{
	return !strcmp(s, "primary") ? OFP_ROLE_PRIMARY
	       : !strcmp(s, "secondary") ? OFP_ROLE_SECONDARY
					 : OFP_ROLE_EQUAL;
}

/* TARGET[,KEY=VALUE]... into 'c'; 'spec' is modified and must outlive it. */
static void parse_controller(char *spec, struct connmgr_controller *c)
{
	char *save, *kv;

	memset(c, 0, sizeof *c);
	c->target = strtok_r(spec, ",", &save);
	while ((kv = strtok_r(NULL, ",", &save))) {
		char *v = strchr(kv, '=');

		if (!v)
			continue;
		*v++ = '\0';
		if (!strcmp(kv, "probe"))
			c->inactivity_probe = atoi(v);
		else if (!strcmp(kv, "backoff"))
			c->max_backoff = atoi(v);
		else if (!strcmp(kv, "rate"))
			c->rate_limit = atoi(v);
		else if (!strcmp(kv, "burst"))
			c->burst_limit = atoi(v);
		else if (!strcmp(kv, "versions"))
			c->versions = strtoul(v, NULL, 0);
		else if (!strcmp(kv, "role"))
			c->role = parse_role(v);
	}
}

static void register_commands(struct unixctl_server *s, struct driver *d)
{
	unixctl_command_register(s, "packet-in",
				 "REASON [MAX_LEN|miss] [ID] [COUNT]", 1, 4,
				 cmd_packet_in, d);
	unixctl_command_register(s, "flow-removed", "REASON", 1, 1,
				 cmd_flow_removed, d);
	unixctl_command_register(s, "port-status", "REASON", 1, 1,
				 cmd_port_status, d);
	unixctl_command_register(s, "status", "TARGET", 1, 1, cmd_status, d);
	unixctl_command_register(s, "conns", "", 0, 0, cmd_conns, d);
	unixctl_command_register(s, "received", "", 0, 0, cmd_received, d);
	unixctl_command_register(s, "dropped", "", 0, 0, cmd_dropped, d);
	unixctl_command_register(s, "exit", "", 0, 0, cmd_exit, d);
}

int main(int argc, char *argv[])
{
	static const struct connmgr_handler handler = { handle, sync };
	struct connmgr_controller ctl[MAX_CONTROLLERS];
	struct driver d = { .received = BYTEBUF_INITIALIZER };
	struct unixctl_server *server;
	uint32_t versions = 0;
	size_t n = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: connmgr-driver BRIDGE CTL-SOCKET "
			"[--versions=N] [--controller=SPEC]...\n");
		return 2;
	}
	for (int i = 3; i < argc; i++) {
		if (!strncmp(argv[i], "--versions=", 11))
			versions = strtoul(argv[i] + 11, NULL, 0);
		else if (!strncmp(argv[i], "--controller=", 13) &&
			 n < MAX_CONTROLLERS)
			parse_controller(argv[i] + 13, &ctl[n++]);
	}
	d.loop = poll_loop_create();
	d.mgr = connmgr_create(argv[1], &handler, &d);
	if (*connmgr_mgmt_error(d.mgr)) {
		fprintf(stderr, "connmgr-driver: %s\n",
			connmgr_mgmt_error(d.mgr));
		return 1;
	}
	if (versions)
		connmgr_set_versions(d.mgr, versions);
	if (connmgr_set_controllers(d.mgr, ctl, n))
		fprintf(stderr, "connmgr-driver: a controller target is bad\n");
	if (connmgr_attach(d.mgr, d.loop) ||
	    unixctl_server_create(argv[2], d.loop, &server)) {
		fprintf(stderr, "connmgr-driver: cannot listen\n");
		return 1;
	}
	register_commands(server, &d);
	poll_loop_run(d.loop);
	unixctl_server_destroy(server);
	connmgr_destroy(d.mgr);
	poll_loop_destroy(d.loop);
	bytebuf_uninit(&d.received);
	return 0;
}
