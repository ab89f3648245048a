/* The connection manager over socketpairs: HELLO, roles and generation ids
 * (stale, wrap-around, demotion with ROLE_STATUS), the secondary's
 * permission check, what goes to the handler, barriers after sync, the
 * session settings (flow format, packet-in format, controller id,
 * miss_send_len, async config) and what they do to asynchronous messages,
 * error replies, a slow peer's bounded queue; and pinsched on a fake
 * clock. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bytebuf.h"
#include "connmgr-private.h"
#include "ofp-fields.h"
#include "ofp-hello.h"
#include "ofp-requestforward.h"
#include "ofp-wire.h"
#include "pinsched.h"
#include "stream.h"
#include "temp-file.h"
#include "vconn.h"

/* ---- pinsched ---- */

static void put_msg(struct bytebuf *b, uint8_t tag)
{
	bytebuf_clear(b);
	bytebuf_put_u8(b, tag);
}

static void test_pinsched_unlimited(void **state)
{
	(void)state;
	assert_null(pinsched_create(0, 10, 0));
}

/* Rate 100/s, burst 4: four at once, then one each 10 ms from the queue. */
static void test_pinsched_burst_then_rate(void **state)
{
	struct pinsched *ps = pinsched_create(100, 4, 0);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct pinsched_stats s;

	(void)state;
	for (int i = 0; i < 4; i++) {
		put_msg(&b, i);
		assert_true(pinsched_admit(ps, 0, &b));
	}
	put_msg(&b, 4);
	assert_false(pinsched_admit(ps, 0, &b));
	assert_int_equal(b.size, 0);
	put_msg(&b, 5);
	assert_false(pinsched_admit(ps, 0, &b));
	assert_int_equal(pinsched_timeout(ps, 0), 10);
	assert_int_equal(pinsched_timeout(ps, 4), 6);
	assert_false(pinsched_next(ps, 9, &b));
	assert_true(pinsched_next(ps, 10, &b));
	assert_int_equal(b.size, 1);
	assert_int_equal(b.data[0], 4);		/* first in, first out */
	assert_false(pinsched_next(ps, 10, &b));
	assert_true(pinsched_next(ps, 20, &b));
	assert_int_equal(b.data[0], 5);
	assert_int_equal(pinsched_timeout(ps, 20), -1);
	pinsched_get_stats(ps, &s);
	assert_int_equal(s.n_normal, 4);
	assert_int_equal(s.n_queued, 2);
	assert_int_equal(s.n_dropped, 0);
	/* A quiet second refills up to the burst only. */
	for (int i = 0; i < 4; i++) {
		put_msg(&b, i);
		assert_true(pinsched_admit(ps, 1020, &b));
	}
	put_msg(&b, 9);
	assert_false(pinsched_admit(ps, 1020, &b));
	bytebuf_uninit(&b);
	pinsched_destroy(ps);
}

static void test_pinsched_queue_bound(void **state)
{
	struct pinsched *ps = pinsched_create(100, 1, 0);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct pinsched_stats s;

	(void)state;
	put_msg(&b, 0);
	assert_true(pinsched_admit(ps, 0, &b));
	for (int i = 0; i < PINSCHED_QUEUE_MAX + 50; i++) {
		put_msg(&b, i);
		assert_false(pinsched_admit(ps, 0, &b));
		assert_int_equal(b.size, 0);
	}
	pinsched_get_stats(ps, &s);
	assert_int_equal(s.n_waiting, PINSCHED_QUEUE_MAX);
	assert_int_equal(s.n_dropped, 50);
	/* The queue drains at the rate: 100 in one second. */
	int n = 0;
	for (int64_t t = 0; t <= 1000; t++)
		while (pinsched_next(ps, t, &b))
			n++;
	assert_int_equal(n, PINSCHED_QUEUE_MAX);
	bytebuf_uninit(&b);
	pinsched_destroy(ps);
}

static void test_pinsched_limits(void **state)
{
	struct pinsched *ps = pinsched_create(10, 0, 0);
	int rate, burst;

	(void)state;
	pinsched_get_limits(ps, &rate, &burst);
	assert_int_equal(rate, PINSCHED_MIN_RATE);
	assert_int_equal(burst, PINSCHED_MIN_RATE / 4);
	pinsched_set_limits(ps, 1000, 7);
	pinsched_get_limits(ps, &rate, &burst);
	assert_int_equal(rate, 1000);
	assert_int_equal(burst, 7);
	pinsched_destroy(ps);
}

/* ---- the connection manager over socketpairs ---- */

struct mock {
	int n_handled;
	enum ofptype last_type;
	enum ofperr answer;
	int n_sync;
	struct ofconn *sync_to;		/* gets an echo request at sync */
};

static enum ofperr mock_handle(void *m_, struct ofconn *oc,
			       const struct ofpmsg *m)
{
	struct mock *mock = m_;

	(void)oc;
	mock->n_handled++;
	mock->last_type = m->type;
	return mock->answer;
}

static void mock_sync(void *m_)
{
	struct mock *mock = m_;
	struct bytebuf b = BYTEBUF_INITIALIZER;

	mock->n_sync++;
	if (mock->sync_to) {
		ofpmsg_start(&b, OFPTYPE_ECHO_REQUEST,
			     ofconn_get_version(mock->sync_to), 0xabcd);
		ofpmsg_finish(&b, 0);
		ofconn_send(mock->sync_to, &b);
	}
	bytebuf_uninit(&b);
}

static const struct connmgr_handler mock_handler = { mock_handle,
						     mock_sync };

struct fixture {
	char dir[64];
	struct mock mock;
	struct connmgr *mgr;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	assert_non_null(temp_dir(f->dir, sizeof f->dir, "connmgr"));
	setenv("OVS_RUNDIR", f->dir, 1);
	f->mgr = connmgr_create("br0", &mock_handler, &f->mock);
	assert_string_equal(connmgr_mgmt_error(f->mgr), "");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	char path[128];

	connmgr_destroy(f->mgr);
	for (const char *p = "ab"; *p; p++) {
		snprintf(path, sizeof path, "%s/%c", f->dir, *p);
		unlink(path);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

struct peer {
	int fd;
	struct ofconn *oc;
	struct bytebuf in;
};

static void peer_send(struct peer *p, const struct bytebuf *b)
{
	assert_int_equal(write(p->fd, b->data, b->size), (ssize_t)b->size);
}

/* The next whole message from the connection manager, or false. */
static bool peer_recv(struct connmgr *mgr, struct peer *p, struct bytebuf *m)
{
	uint8_t buf[65536];
	ssize_t n;

	connmgr_run(mgr);
	while ((n = read(p->fd, buf, sizeof buf)) > 0)
		bytebuf_put(&p->in, buf, n);
	if (p->in.size < 8 || p->in.size < ofp_get16(p->in.data + 2))
		return false;
	size_t len = ofp_get16(p->in.data + 2);
	bytebuf_clear(m);
	bytebuf_put(m, p->in.data, len);
	memmove(p->in.data, p->in.data + len, p->in.size - len);
	p->in.size -= len;
	return true;
}

static void peer_expect(struct connmgr *mgr, struct peer *p,
			enum ofptype type, struct ofpmsg *om,
			struct bytebuf *m)
{
	assert_true(peer_recv(mgr, p, m));
	assert_int_equal(ofpmsg_decode(om, m->data, m->size), 0);
	assert_int_equal(om->type, type);
}

static bool peer_quiet(struct connmgr *mgr, struct peer *p)
{
	struct bytebuf m = BYTEBUF_INITIALIZER;
	bool quiet = !peer_recv(mgr, p, &m);

	bytebuf_uninit(&m);
	return quiet;
}

static void peer_open(struct connmgr *mgr, struct peer *p, uint8_t version,
		      bool primary)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofpmsg om;
	int sv[2];

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
	p->fd = sv[0];
	bytebuf_init(&p->in);
	p->oc = connmgr_add_stream(mgr, stream_from_fd(sv[1], "socketpair"),
				   primary);
	ofp_hello_encode(&b, OFP_VERSION_BIT(version), 1);
	peer_send(p, &b);
	peer_expect(mgr, p, OFPTYPE_HELLO, &om, &b);
	assert_int_equal(ofconn_get_version(p->oc), version);
	bytebuf_uninit(&b);
}

static void peer_close(struct peer *p)
{
	close(p->fd);
	bytebuf_uninit(&p->in);
}

static void send_type(struct peer *p, enum ofptype type, uint8_t version,
		      uint32_t xid, const void *body, size_t len)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	ofpmsg_start(&b, type, version, xid);
	bytebuf_put(&b, body, len);
	assert_true(ofpmsg_finish(&b, 0));
	peer_send(p, &b);
	bytebuf_uninit(&b);
}

static void send_role(struct peer *p, uint8_t version, uint32_t xid,
		      enum ofp_role role, uint64_t gen)
{
	struct ofp_role_msg rm = { role, true, gen };
	struct bytebuf b = BYTEBUF_INITIALIZER;

	assert_true(ofp_role_encode(&b, OFPTYPE_ROLE_REQUEST, version, xid,
				    &rm));
	peer_send(p, &b);
	bytebuf_uninit(&b);
}

static void expect_error(struct connmgr *mgr, struct peer *p,
			 enum ofperr error, uint32_t xid)
{
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct ofperr_msg em;
	struct ofpmsg om;

	peer_expect(mgr, p, OFPTYPE_ERROR, &om, &m);
	assert_int_equal(om.xid, xid);
	assert_int_equal(ofperr_decode_msg(m.data, m.size, &em), 0);
	assert_string_equal(ofperr_get_name(em.error),
			    ofperr_get_name(error));
	bytebuf_uninit(&m);
}

static void expect_role_reply(struct connmgr *mgr, struct peer *p,
			      enum ofp_role role, uint64_t gen)
{
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct ofp_role_msg rm;
	struct ofpmsg om;

	peer_expect(mgr, p, OFPTYPE_ROLE_REPLY, &om, &m);
	assert_int_equal(ofp_role_decode(&om, &rm), 0);
	assert_int_equal(rm.role, role);
	assert_int_equal(rm.generation_id, gen);
	bytebuf_uninit(&m);
}

static void test_generation_ids(void **state)
{
	struct fixture *f = *state;

	assert_true(connmgr_update_election_id(f->mgr, UINT64_MAX - 1));
	assert_false(connmgr_update_election_id(f->mgr, UINT64_MAX - 2));
	assert_true(connmgr_update_election_id(f->mgr, UINT64_MAX - 1));
	/* Past the wrap, 1 is newer than 2^64 - 2. */
	assert_true(connmgr_update_election_id(f->mgr, 1));
	assert_false(connmgr_update_election_id(f->mgr, UINT64_MAX));
}

/* A new primary demotes the old one, which hears it in ROLE_STATUS (1.4
 * form here) with the new generation id; a stale id changes nothing. */
static void test_roles(void **state)
{
	struct fixture *f = *state;
	struct peer a, b, c;
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct ofp_role_status rs;
	struct ofpmsg om;

	peer_open(f->mgr, &a, OFP14_VERSION, false);
	peer_open(f->mgr, &b, OFP13_VERSION, false);
	peer_open(f->mgr, &c, OFP10_VERSION, false);
	assert_int_equal(ofconn_get_role(a.oc), OFP_ROLE_EQUAL);

	send_role(&a, OFP14_VERSION, 7, OFP_ROLE_PRIMARY, 10);
	expect_role_reply(f->mgr, &a, OFP_ROLE_PRIMARY, 10);
	send_role(&b, OFP13_VERSION, 8, OFP_ROLE_PRIMARY, 9);
	expect_error(f->mgr, &b, OFPERR_OFPRRFC_STALE, 8);
	assert_int_equal(ofconn_get_role(b.oc), OFP_ROLE_EQUAL);
	assert_int_equal(ofconn_get_role(a.oc), OFP_ROLE_PRIMARY);

	send_role(&b, OFP13_VERSION, 9, OFP_ROLE_PRIMARY, 11);
	expect_role_reply(f->mgr, &b, OFP_ROLE_PRIMARY, 11);
	peer_expect(f->mgr, &a, OFPTYPE_ROLE_STATUS, &om, &m);
	assert_int_equal(ofp_role_status_decode(&om, &rs), 0);
	assert_int_equal(rs.role, OFP_ROLE_SECONDARY);
	assert_int_equal(rs.reason, OFP_ROLE_REASON_PRIMARY_REQUEST);
	assert_int_equal(rs.generation_id, 11);
	assert_true(ofconn_is_slave(a.oc));

	/* The secondary may read but not write. */
	f->mock.n_handled = 0;
	send_type(&a, OFPTYPE_PACKET_OUT, OFP14_VERSION, 20,
		  "\xff\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00"
		  "\x00\x00\x00\x00", 16);
	expect_error(f->mgr, &a, OFPERR_OFPBRC_IS_SECONDARY, 20);
	send_type(&a, OFPTYPE_FEATURES_REQUEST, OFP14_VERSION, 21, NULL, 0);
	assert_true(peer_quiet(f->mgr, &a));
	assert_int_equal(f->mock.n_handled, 1);
	assert_int_equal(f->mock.last_type, OFPTYPE_FEATURES_REQUEST);

	/* Nicira roles on OpenFlow 1.0: no generation id; 1.3 hears of its
	 * demotion in the ONF form. */
	send_type(&c, OFPTYPE_NXT_ROLE_REQUEST, OFP10_VERSION, 30,
		  "\x00\x00\x00\x01", 4);
	peer_expect(f->mgr, &c, OFPTYPE_NXT_ROLE_REPLY, &om, &m);
	assert_int_equal(ofp_get32(om.body), 1);
	peer_expect(f->mgr, &b, OFPTYPE_ROLE_STATUS, &om, &m);
	assert_int_equal(m.data[1], 4);		/* experimenter (ONF) */
	assert_true(peer_quiet(f->mgr, &a));	/* already secondary */

	peer_close(&a);
	peer_close(&b);
	peer_close(&c);
	bytebuf_uninit(&m);
}

/* The barrier is answered only after sync, which here queues an echo. */
static void test_barrier_after_sync(void **state)
{
	struct fixture *f = *state;
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct ofpmsg om;
	struct peer p;

	peer_open(f->mgr, &p, OFP13_VERSION, false);
	f->mock.sync_to = p.oc;
	send_type(&p, OFPTYPE_BARRIER_REQUEST, OFP13_VERSION, 5, NULL, 0);
	peer_expect(f->mgr, &p, OFPTYPE_ECHO_REQUEST, &om, &m);
	assert_int_equal(om.xid, 0xabcd);
	peer_expect(f->mgr, &p, OFPTYPE_BARRIER_REPLY, &om, &m);
	assert_int_equal(om.xid, 5);
	assert_int_equal(f->mock.n_sync, 1);
	f->mock.sync_to = NULL;
	peer_close(&p);
	bytebuf_uninit(&m);
}

/* An error carries the whole request; a handler's error is
 * sent for it; messages of another version are refused. */
static void test_errors(void **state)
{
	struct fixture *f = *state;
	struct bytebuf m = BYTEBUF_INITIALIZER;
	uint8_t body[100];
	struct ofperr_msg em;
	struct ofpmsg om;
	struct peer p;

	peer_open(f->mgr, &p, OFP13_VERSION, false);
	for (size_t i = 0; i < sizeof body; i++)
		body[i] = i;
	send_type(&p, OFPTYPE_ECHO_REQUEST, OFP13_VERSION, 3, body,
		  sizeof body);
	peer_expect(f->mgr, &p, OFPTYPE_ECHO_REPLY, &om, &m);
	assert_int_equal(om.body_len, sizeof body);
	assert_memory_equal(om.body, body, sizeof body);

	f->mock.answer = OFPERR_OFPBRC_BAD_TABLE_ID;
	send_type(&p, OFPTYPE_TABLE_MOD, OFP13_VERSION, 4, body, 8);
	expect_error(f->mgr, &p, OFPERR_OFPBRC_BAD_TABLE_ID, 4);
	f->mock.answer = 0;

	send_type(&p, OFPTYPE_FEATURES_REQUEST, OFP10_VERSION, 6, NULL, 0);
	expect_error(f->mgr, &p, OFPERR_OFPBRC_BAD_VERSION, 6);

	/* A packet-in from a controller: 8 + 100 bytes, all echoed back. */
	send_type(&p, OFPTYPE_NXT_SET_CONTROLLER_ID, OFP13_VERSION, 7, body,
		  8);
	expect_error(f->mgr, &p, OFPERR_NXBRC_MUST_BE_ZERO, 7);
	bytebuf_clear(&m);
	ofpmsg_start(&m, OFPTYPE_ECHO_REPLY, OFP13_VERSION, 8);
	m.data[1] = 99;				/* no such type */
	bytebuf_put(&m, body, sizeof body);
	ofpmsg_finish(&m, 0);
	peer_send(&p, &m);
	peer_expect(f->mgr, &p, OFPTYPE_ERROR, &om, &m);
	assert_int_equal(ofperr_decode_msg(m.data, m.size, &em), 0);
	assert_int_equal(em.error, OFPERR_OFPBRC_BAD_TYPE);
	assert_int_equal(em.data_len, 8 + sizeof body);
	assert_memory_equal(em.data + 8, body, sizeof body);
	peer_close(&p);
	bytebuf_uninit(&m);
}

static struct connmgr_packet_in make_pin(const uint8_t *frame, size_t len)
{
	struct connmgr_packet_in cp = { .max_len = UINT16_MAX };

	of_match_init_catchall(&cp.pin.metadata);
	mf_set_u64(MFF_IN_PORT, 1, UINT64_MAX, &cp.pin.metadata);
	cp.pin.reason = OFPR_ACTION;
	cp.pin.cookie = OFP_NO_COOKIE;
	cp.pin.packet = frame;
	cp.pin.packet_len = cp.pin.total_len = len;
	return cp;
}

/* miss_send_len, packet-in format, controller id and async config decide
 * who gets which packet-in, in what form. */
static void test_packet_in_settings(void **state)
{
	struct fixture *f = *state;
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct ofp_packet_in pin;
	uint8_t frame[200] = { 0 };
	struct connmgr_packet_in cp = make_pin(frame, sizeof frame);
	struct ofpmsg om;
	struct peer svc, ctl;

	peer_open(f->mgr, &svc, OFP13_VERSION, false);
	peer_open(f->mgr, &ctl, OFP10_VERSION, true);
	assert_int_equal(ofconn_miss_send_len(svc.oc), 0);
	assert_int_equal(ofconn_miss_send_len(ctl.oc),
			 OFCONN_DEFAULT_MISS_SEND_LEN);

	cp.use_miss_send_len = true;
	cp.pin.reason = CONNMGR_PIN_IMPLICIT_MISS;
	connmgr_send_packet_in(f->mgr, &cp);
	assert_true(peer_quiet(f->mgr, &svc));
	peer_expect(f->mgr, &ctl, OFPTYPE_PACKET_IN, &om, &m);
	assert_int_equal(ofp_packet_in_decode(&om, false, &pin), 0);
	assert_int_equal(pin.reason, OFPR_NO_MATCH);
	assert_int_equal(pin.packet_len, OFCONN_DEFAULT_MISS_SEND_LEN);
	assert_int_equal(pin.total_len, sizeof frame);

	/* SET_CONFIG: miss_send_len 50 kept here, the message passed on. */
	f->mock.n_handled = 0;
	send_type(&svc, OFPTYPE_SET_CONFIG, OFP13_VERSION, 2,
		  "\x00\x00\x00\x32", 4);
	assert_true(peer_quiet(f->mgr, &svc));
	assert_int_equal(f->mock.last_type, OFPTYPE_SET_CONFIG);
	assert_int_equal(ofconn_miss_send_len(svc.oc), 50);
	send_type(&svc, OFPTYPE_NXT_SET_PACKET_IN_FORMAT, OFP13_VERSION, 3,
		  "\x00\x00\x00\x02", 4);
	/* An implicit miss is no packet-in for OpenFlow 1.3; explicit is. */
	connmgr_send_packet_in(f->mgr, &cp);
	assert_true(peer_quiet(f->mgr, &svc));
	peer_expect(f->mgr, &ctl, OFPTYPE_PACKET_IN, &om, &m);
	cp.pin.reason = CONNMGR_PIN_EXPLICIT_MISS;
	connmgr_send_packet_in(f->mgr, &cp);
	peer_expect(f->mgr, &svc, OFPTYPE_NXT_PACKET_IN2, &om, &m);
	assert_int_equal(ofp_packet_in_decode(&om, false, &pin), 0);
	assert_int_equal(pin.reason, OFPR_NO_MATCH);
	assert_int_equal(pin.packet_len, 50);
	peer_expect(f->mgr, &ctl, OFPTYPE_PACKET_IN, &om, &m);
	assert_int_equal(ofp_packet_in_decode(&om, false, &pin), 0);
	assert_int_equal(pin.reason, OFPR_ACTION);	/* 1.0 form */

	/* Controller id 5: only connections that took that id. */
	send_type(&svc, OFPTYPE_NXT_SET_CONTROLLER_ID, OFP13_VERSION, 4,
		  "\x00\x00\x00\x00\x00\x00\x00\x05", 8);
	connmgr_run(f->mgr);
	cp.use_miss_send_len = false;
	cp.max_len = 10;
	cp.pin.reason = OFPR_ACTION;
	cp.controller_id = 5;
	connmgr_send_packet_in(f->mgr, &cp);
	assert_true(peer_quiet(f->mgr, &ctl));
	peer_expect(f->mgr, &svc, OFPTYPE_NXT_PACKET_IN2, &om, &m);
	assert_int_equal(ofp_packet_in_decode(&om, false, &pin), 0);
	assert_int_equal(pin.packet_len, 10);

	/* SET_ASYNC (1.3): primary packet-ins for no_match only. */
	send_type(&svc, OFPTYPE_SET_ASYNC, OFP13_VERSION, 5,
		  "\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x07"
		  "\x00\x00\x00\x07\x00\x00\x00\x0f\x00\x00\x00\x00", 24);
	connmgr_run(f->mgr);
	connmgr_send_packet_in(f->mgr, &cp);
	assert_true(peer_quiet(f->mgr, &svc));
	assert_int_equal(ofconn_controller_id(svc.oc), 5);
	peer_close(&svc);
	peer_close(&ctl);
	bytebuf_uninit(&m);
}

/* NXT_SET_FLOW_FORMAT and NXT_FLOW_MOD_TABLE_ID on OpenFlow 1.0 change the
 * protocol, and with it the flow-removed form. */
static void test_flow_format(void **state)
{
	struct fixture *f = *state;
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct ofp_flow_removed fr = { .priority = 7, .reason = OFPRR_DELETE };
	struct ofp_flow_removed got;
	struct ofpmsg om;
	struct peer p;

	peer_open(f->mgr, &p, OFP10_VERSION, true);
	of_match_init_catchall(&fr.match);
	assert_int_equal(ofconn_get_protocol(p.oc), OFPROTO_OF10_STD);
	send_type(&p, OFPTYPE_NXT_FLOW_MOD_TABLE_ID, OFP10_VERSION, 1,
		  "\x01\x00\x00\x00\x00\x00\x00\x00", 8);
	send_type(&p, OFPTYPE_NXT_SET_FLOW_FORMAT, OFP10_VERSION, 2,
		  "\x00\x00\x00\x02", 4);
	send_type(&p, OFPTYPE_NXT_SET_FLOW_FORMAT, OFP10_VERSION, 3,
		  "\x00\x00\x00\x01", 4);
	expect_error(f->mgr, &p, OFPERR_OFPBRC_EPERM, 3);
	assert_int_equal(ofconn_get_protocol(p.oc), OFPROTO_OF10_NXM_TID);
	connmgr_send_flow_removed(f->mgr, &fr);
	peer_expect(f->mgr, &p, OFPTYPE_NXT_FLOW_REMOVED, &om, &m);
	assert_int_equal(ofp_flow_removed_decode(&om, &got), 0);
	assert_int_equal(got.priority, 7);
	peer_close(&p);
	bytebuf_uninit(&m);
}

/* PORT_STATUS in each port layout; a secondary gets it too. */
static void test_port_status(void **state)
{
	static const struct {
		uint8_t version;
		size_t len;
	} forms[] = {
		{ OFP10_VERSION, 64 }, { OFP13_VERSION, 80 },
		{ OFP15_VERSION, 88 },
	};
	struct fixture *f = *state;
	struct ofp_phy_port pp = { .port_no = 3, .name = "p3",
				   .curr_speed = 1000 }, got;
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct ofpmsg om;

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct peer p;

		peer_open(f->mgr, &p, forms[i].version, true);
		if (forms[i].version > OFP10_VERSION) {
			send_role(&p, forms[i].version, 1, OFP_ROLE_SECONDARY,
				  i + 1);
			expect_role_reply(f->mgr, &p, OFP_ROLE_SECONDARY,
					  i + 1);
		} else {
			send_type(&p, OFPTYPE_NXT_ROLE_REQUEST, OFP10_VERSION,
				  1, "\x00\x00\x00\x02", 4);
			peer_expect(f->mgr, &p, OFPTYPE_NXT_ROLE_REPLY, &om,
				    &m);
		}
		assert_true(ofconn_is_slave(p.oc));
		connmgr_send_port_status(f->mgr, 1, &pp);
		peer_expect(f->mgr, &p, OFPTYPE_PORT_STATUS, &om, &m);
		assert_int_equal(m.size, forms[i].len);
		assert_int_equal(om.body[0], 1);
		struct bytecur c = bytecur_make(om.body + 8, om.body_len - 8);
		assert_int_equal(ofp_phy_port_pull(forms[i].version, &c, &got),
				 0);
		assert_int_equal(got.port_no, 3);
		assert_string_equal(got.name, "p3");
		peer_close(&p);
		connmgr_run(f->mgr);
	}
	bytebuf_uninit(&m);
}

/* A peer that never reads: packet-ins stop being queued past the bound
 * and are counted; another connection still gets every one. */
static void test_slow_peer(void **state)
{
	struct fixture *f = *state;
	uint8_t frame[1400] = { 0 };
	struct connmgr_packet_in cp = make_pin(frame, sizeof frame);
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct ofpmsg om;
	struct peer slow, fast;
	int got = 0;

	peer_open(f->mgr, &slow, OFP13_VERSION, true);
	peer_open(f->mgr, &fast, OFP13_VERSION, true);
	for (int i = 0; i < 1000; i++) {
		connmgr_send_packet_in(f->mgr, &cp);
		while (peer_recv(f->mgr, &fast, &m)) {
			assert_int_equal(ofpmsg_decode(&om, m.data, m.size), 0);
			assert_int_equal(om.type, OFPTYPE_PACKET_IN);
			got++;
		}
	}
	assert_int_equal(got, 1000);
	assert_true(connmgr_n_packet_in_dropped(f->mgr) > 500);
	peer_close(&slow);
	peer_close(&fast);
	bytebuf_uninit(&m);
}

static void encode_group_mod(struct bytebuf *b, uint8_t version, void *aux)
{
	/* command(2) type(1) pad(1) group_id(4): delete group 7. */
	static const uint8_t body[] = { 0, 2, 0, 0, 0, 0, 0, 7 };

	ofpmsg_start(b, OFPTYPE_GROUP_MOD, version, *(uint32_t *)aux);
	bytebuf_put(b, body, sizeof body);
	ofpmsg_finish(b, 0);
}

/* REQUESTFORWARD goes to the connections that enabled it, never back to
 * the one that made the change, in each one's version. */
static void test_requestforward(void **state)
{
	struct fixture *f = *state;
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct ofpmsg om, inner;
	struct peer src, on, off;
	uint32_t xid = 42;

	peer_open(f->mgr, &src, OFP14_VERSION, true);
	peer_open(f->mgr, &on, OFP13_VERSION, true);
	peer_open(f->mgr, &off, OFP15_VERSION, true);
	/* Both ask for group-mod forwards: 1.4 with SET_ASYNC, 1.3 with
	 * NXT_SET_ASYNC_CONFIG2, as its own SET_ASYNC cannot say it. */
	send_type(&src, OFPTYPE_SET_ASYNC, OFP14_VERSION, 1,
		  "\x00\x0b\x00\x08\x00\x00\x00\x03", 8);
	send_type(&on, OFPTYPE_NXT_SET_ASYNC_CONFIG2, OFP13_VERSION, 1,
		  "\x00\x0b\x00\x08\x00\x00\x00\x01", 8);
	connmgr_run(f->mgr);
	connmgr_send_requestforward(f->mgr, src.oc, 0, encode_group_mod, &xid);
	peer_expect(f->mgr, &on, OFPTYPE_REQUESTFORWARD, &om, &m);
	assert_int_equal(m.data[0], OFP13_VERSION);
	assert_int_equal(ofp_requestforward_decode(&om, &inner), 0);
	assert_int_equal(inner.type, OFPTYPE_GROUP_MOD);
	assert_int_equal(inner.xid, 42);
	assert_true(peer_quiet(f->mgr, &src));
	assert_true(peer_quiet(f->mgr, &off));
	/* Meter mods (reason 1) were not asked for. */
	connmgr_send_requestforward(f->mgr, src.oc, 1, encode_group_mod, &xid);
	assert_true(peer_quiet(f->mgr, &on));
	peer_close(&src);
	peer_close(&on);
	peer_close(&off);
	bytebuf_uninit(&m);
}

/* A peer that sends requests and never reads the replies: once its queue
 * passes the bound the connection is not read from, so the queue stops
 * growing however much the peer writes. */
static void test_request_flood(void **state)
{
	struct fixture *f = *state;
	struct bytebuf req = BYTEBUF_INITIALIZER;
	uint8_t body[1000] = { 0 };
	struct peer p;
	size_t ofs = 0, sent = 0;

	peer_open(f->mgr, &p, OFP13_VERSION, false);
	ofpmsg_start(&req, OFPTYPE_ECHO_REQUEST, OFP13_VERSION, 1);
	bytebuf_put(&req, body, sizeof body);
	ofpmsg_finish(&req, 0);
	for (int i = 0; i < 20000; i++) {
		ssize_t n = write(p.fd, req.data + ofs, req.size - ofs);

		if (n > 0) {
			ofs = (ofs + n) % req.size;
			sent += n;
		}
		connmgr_run(f->mgr);
	}
	size_t backlog = vconn_backlog(p.oc->vconn);
	assert_true(backlog > OFCONN_READ_BACKLOG_MAX);
	assert_true(backlog <= OFCONN_READ_BACKLOG_MAX +
			       OFCONN_RECV_BATCH * req.size);
	assert_true(sent < 4 * OFCONN_READ_BACKLOG_MAX);
	assert_true(ofconn_is_open(p.oc));
	peer_close(&p);
	bytebuf_uninit(&req);
}

/* A peer that disconnects goes away; the connection count follows. */
static void test_disconnect(void **state)
{
	struct fixture *f = *state;
	struct peer p;

	peer_open(f->mgr, &p, OFP15_VERSION, true);
	assert_true(connmgr_is_any_controller_connected(f->mgr));
	peer_close(&p);
	connmgr_run(f->mgr);
	assert_false(connmgr_is_any_controller_connected(f->mgr));
	assert_null(f->mgr->conns);
}

/* Connects a client to 'target' and runs both sides until HELLO is done. */
static struct vconn *client_connect_v(struct connmgr *mgr, const char *target,
				      uint8_t version)
{
	struct vconn *vc;
	char err[256];
	int error = -EAGAIN;

	assert_int_equal(vconn_open(target, OFP_VERSION_BIT(version), &vc, err,
				    sizeof err), 0);
	for (int i = 0; i < 100 && error == -EAGAIN; i++) {
		connmgr_run(mgr);
		error = vconn_connect(vc);
	}
	assert_int_equal(error, 0);
	assert_int_equal(vconn_version(vc), version);
	connmgr_run(mgr);
	return vc;
}

static struct vconn *client_connect(struct connmgr *mgr, const char *target)
{
	return client_connect_v(mgr, target, OFP13_VERSION);
}

/* A new list keeps the targets it repeats unchanged, with their
 * connections; the others go.  A malformed target is refused and said so
 * in its status; an active one that cannot connect backs off. */
static void test_set_controllers(void **state)
{
	struct fixture *f = *state;
	char a[128], b[128], c[128];
	struct connmgr_controller ctl[3] = { { 0 } };
	struct connmgr_controller_status st;
	struct bytebuf m = BYTEBUF_INITIALIZER;
	struct vconn *va, *vb;

	snprintf(a, sizeof a, "punix:%s/a", f->dir);
	snprintf(b, sizeof b, "punix:%s/b", f->dir);
	snprintf(c, sizeof c, "tcp:127.0.0.1:1");
	ctl[0].target = a;
	ctl[1].target = b;
	assert_int_equal(connmgr_set_controllers(f->mgr, ctl, 2), 0);
	va = client_connect(f->mgr, a + 1);
	vb = client_connect(f->mgr, b + 1);
	assert_true(connmgr_get_controller_status(f->mgr, a, &st));
	assert_true(st.is_connected);
	assert_false(connmgr_is_any_controller_connected(f->mgr));

	ctl[1].target = c;
	ctl[2].target = "tcp:";
	assert_int_equal(connmgr_set_controllers(f->mgr, ctl, 3), -EINVAL);
	connmgr_run(f->mgr);
	assert_int_equal(vconn_recv(va, &m), -EAGAIN);	/* still open */
	assert_int_equal(vconn_recv(vb, &m), -EPIPE);	/* closed */
	assert_false(connmgr_get_controller_status(f->mgr, b, &st));
	assert_true(connmgr_get_controller_status(f->mgr, "tcp:", &st));
	assert_false(st.is_connected);
	assert_string_not_equal(st.last_error, "");

	for (int i = 0; i < 100; i++) {
		assert_true(connmgr_get_controller_status(f->mgr, c, &st));
		if (!strcmp(st.state, "BACKOFF"))
			break;
		connmgr_run(f->mgr);
		usleep(1000);
	}
	assert_string_equal(st.state, "BACKOFF");
	assert_false(st.is_connected);
	assert_int_equal(st.sec_since_connect, -1);
	assert_non_null(strstr(st.last_error, "refused"));

	assert_int_equal(connmgr_set_controllers(f->mgr, NULL, 0), 0);
	assert_false(connmgr_get_controller_status(f->mgr, a, &st));
	vconn_close(va);
	vconn_close(vb);
	bytebuf_uninit(&m);
}

/* The management socket takes the bridge's versions: an OpenFlow 1.3
 * client is refused by a 1.0 bridge with HELLO_FAILED. */
static void test_mgmt_versions(void **state)
{
	struct fixture *f = *state;
	char target[128];
	struct vconn *vc;
	char err[256];
	int error = -EAGAIN;

	connmgr_set_versions(f->mgr, OFP_VERSION_BIT(OFP10_VERSION));
	assert_string_equal(connmgr_mgmt_error(f->mgr), "");
	snprintf(target, sizeof target, "unix:%s", connmgr_mgmt_path(f->mgr));
	vconn_close(client_connect_v(f->mgr, target, OFP10_VERSION));
	assert_int_equal(vconn_open(target, OFP_VERSION_BIT(OFP13_VERSION),
				    &vc, err, sizeof err), 0);
	for (int i = 0; i < 100 && error == -EAGAIN; i++) {
		connmgr_run(f->mgr);
		error = vconn_connect(vc);
	}
	assert_int_equal(error, -EPROTO);
	vconn_close(vc);
	connmgr_run(f->mgr);
	assert_null(f->mgr->conns);
}

static int64_t fake_now;

static int64_t fake_clock(void)
{
	return fake_now;
}

/* Accepts the active connection on 'pv' and completes HELLO. */
static struct vconn *accept_controller(struct connmgr *mgr,
				       struct pvconn *pv)
{
	struct vconn *vc = NULL;
	int error = -EAGAIN;

	for (int i = 0; i < 100 && pvconn_accept(pv, &vc); i++) {
		connmgr_run(mgr);
		usleep(1000);
	}
	assert_non_null(vc);
	for (int i = 0; i < 100 && error == -EAGAIN; i++) {
		connmgr_run(mgr);
		error = vconn_connect(vc);
	}
	assert_int_equal(error, 0);
	connmgr_run(mgr);
	return vc;
}

/* An active controller on a fake clock: probed after 1 s of silence,
 * dropped after another, its status saying so, and connected again once
 * the back-off has passed. */
static void test_active_probe(void **state)
{
	struct fixture *f = *state;
	struct connmgr_controller ctl = { .inactivity_probe = 1000,
					  .max_backoff = 2000 };
	struct connmgr_controller_status st;
	struct bytebuf m = BYTEBUF_INITIALIZER;
	char listen[128], err[256];
	struct pvconn *pv;
	struct vconn *vc;

	fake_now = 100000;
	connmgr_set_clock(fake_clock);
	snprintf(listen, sizeof listen, "punix:%s/ctl", f->dir);
	assert_int_equal(pvconn_open(listen, CONNMGR_ALL_VERSIONS, &pv, err,
				     sizeof err), 0);
	ctl.target = listen + 1;
	assert_int_equal(connmgr_set_controllers(f->mgr, &ctl, 1), 0);
	vc = accept_controller(f->mgr, pv);
	assert_true(connmgr_get_controller_status(f->mgr, ctl.target, &st));
	assert_true(st.is_connected);
	assert_string_equal(st.state, "ACTIVE");
	assert_int_equal(st.sec_since_connect, 0);
	assert_true(connmgr_is_any_controller_connected(f->mgr));

	fake_now += 1000;
	connmgr_run(f->mgr);
	assert_int_equal(vconn_recv(vc, &m), 0);
	assert_int_equal(m.data[1], 2);		/* OFPT_ECHO_REQUEST */
	fake_now += 1000;
	connmgr_run(f->mgr);
	assert_true(connmgr_get_controller_status(f->mgr, ctl.target, &st));
	assert_false(st.is_connected);
	assert_string_equal(st.state, "BACKOFF");
	assert_string_equal(st.last_error, "no reply to echo request");
	fake_now += 3000;
	assert_true(connmgr_get_controller_status(f->mgr, ctl.target, &st));
	assert_int_equal(st.sec_since_disconnect, 3);
	assert_int_equal(st.sec_since_connect, 5);
	vconn_close(vc);

	vc = accept_controller(f->mgr, pv);
	assert_true(connmgr_get_controller_status(f->mgr, ctl.target, &st));
	assert_true(st.is_connected);
	assert_int_equal(st.sec_since_disconnect, -1);
	vconn_close(vc);
	connmgr_set_controllers(f->mgr, NULL, 0);
	pvconn_close(pv);
	connmgr_set_clock(NULL);
	bytebuf_uninit(&m);
}

/* A client that never says HELLO is dropped after the HELLO timeout, even
 * on the management socket, which does not probe. */
static void test_hello_timeout(void **state)
{
	struct fixture *f = *state;
	int sv[2];

	fake_now = 5000;
	connmgr_set_clock(fake_clock);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	connmgr_add_stream(f->mgr, stream_from_fd(sv[1], "mute"), false);
	connmgr_run(f->mgr);
	assert_int_equal(connmgr_timeout(f->mgr), OFCONN_HELLO_TIMEOUT);
	fake_now += OFCONN_HELLO_TIMEOUT - 1;
	connmgr_run(f->mgr);
	assert_non_null(f->mgr->conns);
	fake_now += 1;
	connmgr_run(f->mgr);
	assert_null(f->mgr->conns);
	close(sv[0]);
	connmgr_set_clock(NULL);
}

#define FIXTURE_TEST(T) cmocka_unit_test_setup_teardown(T, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pinsched_unlimited),
		cmocka_unit_test(test_pinsched_burst_then_rate),
		cmocka_unit_test(test_pinsched_queue_bound),
		cmocka_unit_test(test_pinsched_limits),
		FIXTURE_TEST(test_generation_ids),
		FIXTURE_TEST(test_roles),
		FIXTURE_TEST(test_barrier_after_sync),
		FIXTURE_TEST(test_errors),
		FIXTURE_TEST(test_packet_in_settings),
		FIXTURE_TEST(test_flow_format),
		FIXTURE_TEST(test_port_status),
		FIXTURE_TEST(test_slow_peer),
		FIXTURE_TEST(test_requestforward),
		FIXTURE_TEST(test_request_flood),
		FIXTURE_TEST(test_disconnect),
		FIXTURE_TEST(test_set_controllers),
		FIXTURE_TEST(test_mgmt_versions),
		FIXTURE_TEST(test_active_probe),
		FIXTURE_TEST(test_hello_timeout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
