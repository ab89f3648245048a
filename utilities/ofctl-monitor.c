/* weir-ofctl: packet-out, and watching a switch: monitor and snoop. */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofctl.h"
#include "ofp-packet-out.h"
#include "ofp-port.h"
#include "ofp-switch.h"
#include "xalloc.h"

/* NXT_SET_PACKET_IN_FORMAT's formats. */
#define NXPIF_NXT_PACKET_IN 1
#define NXPIF_NXT_PACKET_IN2 2

/* Parses 'text' (packet-out syntax) and, with 'c' open, sends it. */
static void packet_out(struct ofctl_conn *c, const char *text)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER, pkt = BYTEBUF_INITIALIZER;
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofp_packet_out po;

	ofctl_check_parse(ofp_packet_out_parse(text, &po, &acts, &pkt), NULL);
	if (c) {
		enum ofperr e = ofp_packet_out_encode(&po, c->version,
						      ofctl_next_xid(), &req);
		if (e)
			ofctl_fatal(0, "cannot encode packet-out (%s)",
				    ofperr_get_name(e));
		ofctl_transact_or_die(c, &req);
	}
	bytebuf_uninit(&req);
	bytebuf_uninit(&acts);
	bytebuf_uninit(&pkt);
}

/* "packet-out SWITCH TEXT", or the older "packet-out SWITCH IN_PORT
 * ACTIONS PACKET..." sending each PACKET. */
static void cmd_packet_out(int argc, char *argv[])
{
	struct ofctl_conn c;

	if (argc == 4)
		ofctl_fatal(0, "Too many arguments (%d)", argc);
	ofctl_fetch_name_maps(argv[1], argc == 3);
	if (argc == 3) {
		packet_out(NULL, argv[2]);
		ofctl_open(&c, argv[1], false);
		packet_out(&c, argv[2]);
		ofctl_close(&c);
		return;
	}

	/* A port name becomes its number; reserved names stay. */
	uint16_t port = ofctl_port_no(argv[1], argv[2]);
	char *in_port = port < OFPP_MAX ? xasprintf("%u", port)
		: xstrdup(argv[2]);
	char *text = NULL;
	for (int i = 4; i < argc; i++) {
		free(text);
		text = xasprintf("in_port=%s,packet=%s,actions=%s", in_port,
				 argv[i], argv[3]);
		if (i == 4) {
			packet_out(NULL, text);
			ofctl_open(&c, argv[1], false);
		}
		packet_out(&c, text);
	}
	free(text);
	free(in_port);
	ofctl_close(&c);
}

/* Sets the switch's miss_send_len, keeping its other configuration. */
static void set_miss_len(struct ofctl_conn *c, const char *arg)
{
	struct bytebuf req = BYTEBUF_INITIALIZER, reply = BYTEBUF_INITIALIZER;
	struct ofp_switch_config cfg;
	struct ofpmsg m;

	ofpmsg_finish(&req, ofctl_start(c, &req, OFPTYPE_GET_CONFIG_REQUEST));
	ofctl_transact(c, &req, &reply);
	if (ofctl_type(&reply, &m) != OFPTYPE_GET_CONFIG_REPLY ||
	    ofp_switch_config_decode(&m, &cfg))
		ofctl_fatal(0, "%s: bad reply to config request",
			    ofctl_conn_name(c));
	cfg.miss_send_len = atoi(arg);
	bytebuf_clear(&req);
	ofp_switch_config_encode(&req, OFPTYPE_SET_CONFIG, c->version,
				 ofctl_next_xid(), &cfg);
	ofctl_transact_or_die(c, &req);
	bytebuf_uninit(&req);
	bytebuf_uninit(&reply);
}

/* NXT_SET_PACKET_IN_FORMAT: false if the switch refused it, or exits
 * then if 'must' is set. */
static bool set_packet_in_format(struct ofctl_conn *c, uint32_t format,
				 bool must)
{
	struct bytebuf req = BYTEBUF_INITIALIZER, reply = BYTEBUF_INITIALIZER;
	size_t start = ofctl_start(c, &req, OFPTYPE_NXT_SET_PACKET_IN_FORMAT);

	bytebuf_put_be32(&req, format);
	ofpmsg_finish(&req, start);
	if (must)
		ofctl_transact_or_die(c, &req);
	bool refused = !must && ofctl_transact_noreply(c, &req, &reply);
	bytebuf_uninit(&req);
	bytebuf_uninit(&reply);
	return !refused;
}

/* Prints every message until the switch hangs up. */
static void watch(struct ofctl_conn *c)
{
	struct bytebuf msg = BYTEBUF_INITIALIZER;

	for (;;) {
		ofctl_recv(c, &msg);
		ofctl_print(stdout, &msg, ofctl_opts.verbosity + 2);
		fflush(stdout);
	}
}

static void cmd_monitor(int argc, char *argv[])
{
	struct ofctl_conn c;

	ofctl_open(&c, argv[1], false);
	for (int i = 2; i < argc; i++) {
		if (isdigit((unsigned char)*argv[i]))
			set_miss_len(&c, argv[i]);
		else
			ofctl_fatal(0, "%s: unsupported \"monitor\" argument",
				    argv[i]);
	}
	if (ofctl_opts.packet_in_format >= 0)
		set_packet_in_format(&c, ofctl_opts.packet_in_format, true);
	else if (!set_packet_in_format(&c, NXPIF_NXT_PACKET_IN2, false) &&
		 c.version == OFP10_VERSION)
		set_packet_in_format(&c, NXPIF_NXT_PACKET_IN, false);
	setvbuf(stdout, NULL, _IOLBF, 0);
	watch(&c);
}

static void cmd_snoop(int argc, char *argv[])
{
	struct ofctl_conn c;

	(void)argc;
	ofctl_open(&c, argv[1], true);
	setvbuf(stdout, NULL, _IOLBF, 0);
	watch(&c);
}

const struct ofctl_command ofctl_monitor_commands[] = {
	{ "packet-out", 2, INT_MAX, cmd_packet_out },
	{ "monitor", 1, 3, cmd_monitor },
	{ "snoop", 1, 1, cmd_snoop },
	{ NULL, 0, 0, NULL },
};
