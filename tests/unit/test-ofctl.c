/* weir-ofctl's channel to a switch, against a scripted switch on a unix
 * socket: the exact bytes and xids of the flow-format negotiation, the
 * barrier after each request, an error reply taken as the request's, a
 * bundle (open, add, barrier, commit), and the command words of add-flows
 * lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "bytebuf.h"
#include "ofctl.h"
#include "ofp-errors.h"
#include "temp-file.h"
#include "vconn.h"

/* ---- the scripted switch ---- */

#define MAX_SEEN 16

struct fake_switch {
	struct pvconn *pv;
	pthread_t thread;
	uint8_t refuse_type;	/* answer messages of this type with an error */
	struct bytebuf seen[MAX_SEEN];	/* what the client sent, HELLO aside */
	size_t n_seen;
};

static uint8_t msg_type(const struct bytebuf *b)
{
	return b->data[1];
}

/* Answers like a switch: a barrier reply for each barrier, a bundle
 * control reply (type + 1) for each bundle control, an error for the
 * refused type; records everything. */
static void answer(struct vconn *vc, struct fake_switch *fs,
		   struct bytebuf *msg)
{
	struct bytebuf out = BYTEBUF_INITIALIZER;

	if (fs->n_seen < MAX_SEEN) {
		bytebuf_init(&fs->seen[fs->n_seen]);
		bytebuf_put(&fs->seen[fs->n_seen++], msg->data, msg->size);
	}
	if (msg_type(msg) == 20 || msg_type(msg) == 18) {
		/* 1.0 barrier request 18, 1.3+ 20: reply is one more. */
		bytebuf_put(&out, msg->data, 8);
		out.data[1]++;
	} else if (msg_type(msg) == 33 && msg->size >= 16) {
		bytebuf_put(&out, msg->data, 16);	/* OFPT_BUNDLE_CONTROL */
		out.data[1] = 33;
		out.data[13]++;		/* OPEN_REQUEST -> OPEN_REPLY... */
	} else if (msg_type(msg) == fs->refuse_type) {
		ofperr_encode_reply(&out, OFPERR_OFPBRC_BAD_TYPE, msg->data,
				    msg->size);
	}
	if (out.size)
		vconn_send(vc, out.data, out.size);
	vconn_flush(vc);
	bytebuf_uninit(&out);
}

static void *switch_main(void *fs_)
{
	struct fake_switch *fs = fs_;
	struct bytebuf msg = BYTEBUF_INITIALIZER;
	struct pollfd p = { pvconn_fd(fs->pv), POLLIN, 0 };
	struct vconn *vc;

	poll(&p, 1, 5000);
	if (pvconn_accept(fs->pv, &vc))
		return NULL;
	if (vconn_connect_block(vc, 5000))
		goto out;
	for (;;) {
		int error = vconn_recv(vc, &msg);

		if (error == -EAGAIN) {
			struct pollfd q = { vconn_fd(vc),
					    vconn_poll_events(vc, POLLIN), 0 };
			if (poll(&q, 1, 5000) <= 0)
				break;
			continue;
		}
		if (error)
			break;
		answer(vc, fs, &msg);
	}
out:
	bytebuf_uninit(&msg);
	vconn_close(vc);
	return NULL;
}

static char sock_path[128];

static void switch_start(struct fake_switch *fs, uint8_t version,
			 uint8_t refuse_type)
{
	char name[160], err[128];

	memset(fs, 0, sizeof *fs);
	fs->refuse_type = refuse_type;
	temp_name(sock_path, sizeof sock_path, "ofctl-sock");
	snprintf(name, sizeof name, "punix:%s", sock_path);
	assert_int_equal(pvconn_open(name, 1u << version, &fs->pv, err,
				     sizeof err), 0);
	assert_int_equal(pthread_create(&fs->thread, NULL, switch_main, fs),
			 0);
}

static void switch_stop(struct fake_switch *fs)
{
	pthread_join(fs->thread, NULL);
	pvconn_close(fs->pv);
	unlink(sock_path);
}

static void switch_free(struct fake_switch *fs)
{
	for (size_t i = 0; i < fs->n_seen; i++)
		bytebuf_uninit(&fs->seen[i]);
}

static void open_client(struct ofctl_conn *c)
{
	static char target[160];

	snprintf(target, sizeof target, "unix:%s", sock_path);
	ofctl_open(c, target, false);
}

static void expect_hex(const struct bytebuf *b, const char *hex)
{
	char *s = calloc(1, b->size * 2 + 1);

	for (size_t i = 0; i < b->size; i++)
		sprintf(s + 2 * i, "%02x", b->data[i]);
	assert_string_equal(s, hex);
	free(s);
}

/* ---- tests ---- */

/* OpenFlow 1.0 starts in the standard flow format: NXM with table ids
 * takes NXT_SET_FLOW_FORMAT then NXT_FLOW_MOD_TABLE_ID, each followed by
 * a barrier, with xids from one counter (the HELLO took the first). */
static void test_set_protocol(void **state)
{
	struct fake_switch fs;
	struct ofctl_conn c;
	uint32_t first;

	(void)state;
	ofctl_opts.versions = 1u << OFP10_VERSION;
	switch_start(&fs, OFP10_VERSION, 0);
	open_client(&c);
	assert_int_equal(c.version, OFP10_VERSION);
	assert_int_equal(c.protocol, OFPROTO_OF10_STD);
	first = ofctl_next_xid() + 1;
	assert_true(ofctl_set_protocol(&c, OFPROTO_OF10_NXM_TID));
	assert_int_equal(c.protocol, OFPROTO_OF10_NXM_TID);
	/* Nothing more to say once there. */
	assert_true(ofctl_set_protocol(&c, OFPROTO_OF10_NXM_TID));
	ofctl_close(&c);
	switch_stop(&fs);

	assert_int_equal(fs.n_seen, 4);
	char hex[128];
	snprintf(hex, sizeof hex, "01040014%08x000023200000000c00000002",
		 first);
	expect_hex(&fs.seen[0], hex);
	snprintf(hex, sizeof hex, "01120008%08x", first + 1);
	expect_hex(&fs.seen[1], hex);
	snprintf(hex, sizeof hex, "01040018%08x00002320000000"
		 "0f0100000000000000", first + 2);
	expect_hex(&fs.seen[2], hex);
	snprintf(hex, sizeof hex, "01120008%08x", first + 3);
	expect_hex(&fs.seen[3], hex);
	switch_free(&fs);
}

/* An error before the barrier's reply is the request's answer. */
static void test_transact_noreply(void **state)
{
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct bytebuf reply = BYTEBUF_INITIALIZER;
	struct fake_switch fs;
	struct ofctl_conn c;

	(void)state;
	ofctl_opts.versions = 1u << OFP13_VERSION;
	switch_start(&fs, OFP13_VERSION, 5);	/* OFPT_FEATURES_REQUEST */
	open_client(&c);
	ofpmsg_finish(&req, ofctl_start(&c, &req, OFPTYPE_GET_CONFIG_REQUEST));
	assert_false(ofctl_transact_noreply(&c, &req, &reply));

	bytebuf_clear(&req);
	ofpmsg_finish(&req, ofctl_start(&c, &req, OFPTYPE_FEATURES_REQUEST));
	assert_true(ofctl_transact_noreply(&c, &req, &reply));
	assert_int_equal(reply.data[1], 1);		/* OFPT_ERROR */
	assert_int_equal(ofctl_xid(&reply), ofctl_xid(&req));
	ofctl_close(&c);
	switch_stop(&fs);
	assert_int_equal(fs.n_seen, 4);
	switch_free(&fs);
	bytebuf_uninit(&req);
	bytebuf_uninit(&reply);
}

/* A bundle: open, the message wrapped with its own xid, a barrier, then
 * commit, all with bundle id 0 and the atomic and ordered flags. */
static void test_bundle(void **state)
{
	struct bytebuf msg = BYTEBUF_INITIALIZER;
	struct fake_switch fs;
	struct ofctl_conn c;

	(void)state;
	ofctl_opts.versions = 1u << OFP14_VERSION;
	switch_start(&fs, OFP14_VERSION, 0);
	open_client(&c);
	ofpmsg_finish(&msg, ofctl_start(&c, &msg, OFPTYPE_BARRIER_REQUEST));
	uint32_t xid = ofctl_xid(&msg);
	ofctl_bundle_transact(&c, &msg, 1);
	ofctl_close(&c);
	switch_stop(&fs);

	assert_int_equal(fs.n_seen, 4);
	char hex[128];
	snprintf(hex, sizeof hex, "05210010%08x0000000000000003", xid + 1);
	expect_hex(&fs.seen[0], hex);
	snprintf(hex, sizeof hex, "05220018%08x0000000000000003"
		 "05140008%08x", xid, xid);
	expect_hex(&fs.seen[1], hex);
	assert_int_equal(msg_type(&fs.seen[2]), 20);	/* barrier */
	snprintf(hex, sizeof hex, "05210010%08x0000000000040003", xid + 3);
	expect_hex(&fs.seen[3], hex);
	switch_free(&fs);
	bytebuf_uninit(&msg);
}

static void test_command_word(void **state)
{
	static const struct ofctl_word words[] = {
		{ "add", 0 }, { "delete", 3 }, { "delete_strict", 4 },
	};
	const char *s;

	(void)state;
	s = "delete_strict priority=5";
	assert_int_equal(ofctl_command_word(&s, words, 3, -1), 4);
	assert_string_equal(s, "priority=5");
	s = "delete,in_port=1";
	assert_int_equal(ofctl_command_word(&s, words, 3, -1), 3);
	assert_string_equal(s, "in_port=1");
	s = "deleted=1";
	assert_int_equal(ofctl_command_word(&s, words, 3, -1), -1);
	assert_string_equal(s, "deleted=1");
	s = "";
	assert_int_equal(ofctl_command_word(&s, words, 3, 7), 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_protocol),
		cmocka_unit_test(test_transact_noreply),
		cmocka_unit_test(test_bundle),
		cmocka_unit_test(test_command_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
