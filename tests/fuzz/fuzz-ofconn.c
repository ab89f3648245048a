/* libFuzzer: the connection code itself, as a controller drives it.  The
 * input is what a peer writes on an OpenFlow connection of a bridge,
 * after a HELLO this target sends for it (unless the first byte's top bit
 * asks for the input to carry its own); the first byte's low bits pick the
 * version of that HELLO and whether the connection is a primary one, and
 * bit 6 whether what the connection manager does not answer goes to a
 * bridge's real OpenFlow state (ofproto_handle(), as weir-vswitchd wires
 * it) or to a handler that replies or fails.  Then one of each
 * asynchronous message goes out in whatever form the session settled
 * on.  Nothing may crash, leak or
 * read out of bounds, and the connection must end when the peer does. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytebuf.h"
#include "connmgr-private.h"
#include "ofp-fields.h"
#include "ofp-hello.h"
#include "ofproto.h"
#include "stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static enum ofperr fuzz_handle(void *aux, struct ofconn *oc,
			       const struct ofpmsg *m)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	(void)aux;
	if (m->xid & 1)
		return OFPERR_OFPBRC_BAD_TYPE;
	/* A reply that echoes the body, as a stats reply might. */
	ofpmsg_start(&b, OFPTYPE_ECHO_REPLY, ofconn_get_version(oc), m->xid);
	bytebuf_put(&b, m->body, m->body_len);
	ofpmsg_finish(&b, 0);
	ofconn_send(oc, &b);
	bytebuf_uninit(&b);
	return 0;
}

/* The daemon's wiring: the bridge's OpenFlow state answers. */
static struct ofproto *fuzz_ofproto;

static enum ofperr ofproto_handle_cb(void *aux, struct ofconn *oc,
				     const struct ofpmsg *m)
{
	struct ofproto_conn conn = {
		.protocol = ofconn_get_protocol(oc),
		.version = ofconn_get_version(oc),
		.is_slave = ofconn_is_slave(oc),
		.id = ofconn_id(oc),
		.miss_send_len = ofconn_miss_send_len(oc),
	};
	struct ofproto_replies replies;
	enum ofperr err;

	(void)aux;
	ofproto_replies_init(&replies);
	err = ofproto_handle(fuzz_ofproto, m, &conn, &replies);
	for (size_t i = 0; i < replies.n; i++)
		ofconn_send(oc, &replies.msgs[i]);
	ofproto_replies_destroy(&replies);
	return err;
}

static enum ofperr dispatch(void *aux, struct ofconn *oc,
			    const struct ofpmsg *m)
{
	return fuzz_ofproto ? ofproto_handle_cb(aux, oc, m)
			    : fuzz_handle(aux, oc, m);
}

static void fuzz_sync(void *aux)
{
	(void)aux;
}

static struct connmgr *fuzz_connmgr(void)
{
	static const struct connmgr_handler handler = { dispatch,
							fuzz_sync };
	static struct connmgr *mgr;
	char dir[64];

	if (mgr)
		return mgr;
	snprintf(dir, sizeof dir, "/tmp/weir-fuzz-ofconn-%ld", (long)getpid());
	mkdir(dir, 0700);
	setenv("OVS_RUNDIR", dir, 1);
	mgr = connmgr_create("fuzz", &handler, NULL);
	return mgr;
}

static void drain(int fd)
{
	uint8_t buf[65536];

	while (read(fd, buf, sizeof buf) > 0)
		continue;
}

static void send_async(struct connmgr *mgr)
{
	static const uint8_t frame[60] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct connmgr_packet_in cp = { .max_len = 32,
					.use_miss_send_len = true };
	struct ofp_flow_removed fr = { .priority = 1, .reason = 2 };
	struct ofp_phy_port pp = { .port_no = 1, .name = "p1" };

	of_match_init_catchall(&cp.pin.metadata);
	mf_set_u64(MFF_IN_PORT, 1, UINT64_MAX, &cp.pin.metadata);
	cp.pin.packet = frame;
	cp.pin.packet_len = cp.pin.total_len = sizeof frame;
	for (uint8_t reason = 0; reason < 8; reason++) {
		cp.pin.reason = reason;
		connmgr_send_packet_in(mgr, &cp);
	}
	of_match_init_catchall(&fr.match);
	connmgr_send_flow_removed(mgr, &fr);
	connmgr_send_port_status(mgr, 2, &pp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct connmgr *mgr = fuzz_connmgr();
	struct bytebuf in = BYTEBUF_INITIALIZER;
	size_t ofs = 0;
	int sv[2];

	if (!size || socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return 0;
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	if (data[0] & 0x40)
		fuzz_ofproto = ofproto_create("fuzz", 1, 255, NULL, NULL);
	connmgr_add_stream(mgr, stream_from_fd(sv[1], "fuzz"), data[0] & 8);
	if (!(data[0] & 0x80))
		ofp_hello_encode(&in, OFP_VERSION_BIT(1 + data[0] % 6), 0);
	if (size > 1)
		bytebuf_put(&in, data + 1, size - 1);
	for (int i = 0; i < 64 && ofs < in.size; i++) {
		ssize_t n = write(sv[0], in.data + ofs, in.size - ofs);

		if (n > 0)
			ofs += n;
		connmgr_run(mgr);
		drain(sv[0]);
	}
	for (int i = 0; i < 16; i++) {
		connmgr_run(mgr);
		drain(sv[0]);
	}
	send_async(mgr);
	connmgr_run(mgr);
	drain(sv[0]);
	close(sv[0]);
	connmgr_run(mgr);
	if (mgr->conns)
		abort();	/* the peer is gone: so is the connection */
	ofproto_destroy(fuzz_ofproto);
	fuzz_ofproto = NULL;
	bytebuf_uninit(&in);
	return 0;
}
