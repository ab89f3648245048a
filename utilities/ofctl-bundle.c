/* weir-ofctl --bundle: messages sent in one atomic, ordered bundle (open,
 * add each, barrier, then commit, or discard if any was refused). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofctl.h"
#include "ofp-bundle.h"
#include "ofp-print.h"
#include "xalloc.h"

struct errors {
	struct bytebuf *v;
	size_t n;
};

static void errors_add(struct errors *e, const struct bytebuf *msg)
{
	e->v = xrealloc(e->v, (e->n + 1) * sizeof *e->v);
	bytebuf_init(&e->v[e->n]);
	bytebuf_put(&e->v[e->n], msg->data, msg->size);
	e->n++;
}

static bool is_error(const struct bytebuf *msg)
{
	return msg->size >= 8 && msg->data[1] == 1;	/* OFPT_ERROR */
}

/* Waits for the reply to 'xid'; errors to anything else are kept. */
static void recv_xid(struct ofctl_conn *c, uint32_t xid,
		     struct bytebuf *reply, struct errors *errors)
{
	for (;;) {
		ofctl_recv(c, reply);
		if (ofctl_xid(reply) == xid)
			return;
		if (is_error(reply))
			errors_add(errors, reply);
	}
}

/* One control message and its reply: false if it was refused. */
static bool control(struct ofctl_conn *c, uint16_t type,
		    struct errors *errors)
{
	struct ofp_bundle_ctrl bc = {
		.bundle_id = 0, .type = type,
		.flags = OFPBF_ORDERED | OFPBF_ATOMIC,
	};
	struct bytebuf req = BYTEBUF_INITIALIZER, reply = BYTEBUF_INITIALIZER;
	struct ofp_bundle_ctrl got;
	struct ofpmsg m;
	bool ok = false;

	ofp_bundle_ctrl_encode(&req, c->version, ofctl_next_xid(), &bc);
	ofctl_send(c, &req);
	recv_xid(c, ofctl_xid(&req), &reply, errors);
	if (ofctl_type(&reply, &m) == OFPTYPE_ERROR) {
		errors_add(errors, &reply);
	} else if (m.type == OFPTYPE_BUNDLE_CONTROL) {
		ofp_bundle_ctrl_decode(&m, &got);
		ok = got.bundle_id == bc.bundle_id && got.type == type + 1;
	}
	bytebuf_uninit(&req);
	bytebuf_uninit(&reply);
	return ok;
}

/* Errors already waiting, without blocking. */
static void drain_errors(struct ofctl_conn *c, struct errors *errors)
{
	struct bytebuf msg = BYTEBUF_INITIALIZER;

	while (ofctl_try_recv(c, &msg))
		if (is_error(&msg))
			errors_add(errors, &msg);
	bytebuf_uninit(&msg);
}

static void barrier(struct ofctl_conn *c, struct errors *errors)
{
	struct bytebuf req = BYTEBUF_INITIALIZER, reply = BYTEBUF_INITIALIZER;

	ofpmsg_finish(&req, ofctl_start(c, &req, OFPTYPE_BARRIER_REQUEST));
	ofctl_send(c, &req);
	recv_xid(c, ofctl_xid(&req), &reply, errors);
	bytebuf_uninit(&req);
	bytebuf_uninit(&reply);
}

/* "Error NAME for: " and the refused request in full when it is found
 * (errors come back in order), else what the error carries. */
static void print_errors(const struct errors *errors,
			 const struct bytebuf *msgs, size_t n)
{
	size_t next = 0;

	for (size_t i = 0; i < errors->n; i++) {
		const struct bytebuf *e = &errors->v[i];
		struct ofperr_msg em;

		if (ofperr_decode_msg(e->data, e->size, &em) || !em.error) {
			fputs("***decode error***", stderr);
			continue;
		}
		struct bytebuf payload = BYTEBUF_INITIALIZER;
		bytebuf_put(&payload, em.data, em.data_len);
		const struct bytebuf *shown = &payload;
		for (size_t j = next; j < n; j++)
			if (ofctl_xid(&msgs[j]) == ofctl_xid(e)) {
				shown = &msgs[j];
				next = j + 1;
				break;
			}
		fprintf(stderr, "Error %s for: ", ofperr_get_name(em.error));
		ofctl_print(stderr, shown, ofctl_opts.verbosity + 1);
		bytebuf_uninit(&payload);
	}
	fflush(stderr);
}

void ofctl_bundle_transact(struct ofctl_conn *c, const struct bytebuf *msgs,
			   size_t n)
{
	struct errors errors = { NULL, 0 };
	bool ok = control(c, OFPBCT_OPEN_REQUEST, &errors);

	if (ok) {
		for (size_t i = 0; i < n; i++) {
			struct bytebuf add = BYTEBUF_INITIALIZER;

			ofp_bundle_add_encode(&add, c->version,
					      ofctl_xid(&msgs[i]), 0,
					      OFPBF_ORDERED | OFPBF_ATOMIC,
					      msgs[i].data, msgs[i].size);
			ofctl_send(c, &add);
			bytebuf_uninit(&add);
			drain_errors(c, &errors);
		}
		barrier(c, &errors);
		ok = !errors.n;
		if (ok)
			ok = control(c, OFPBCT_COMMIT_REQUEST, &errors);
		else
			control(c, OFPBCT_DISCARD_REQUEST, &errors);
	}
	print_errors(&errors, msgs, n);
	for (size_t i = 0; i < errors.n; i++)
		bytebuf_uninit(&errors.v[i]);
	free(errors.v);
	if (!ok)
		ofctl_fatal(EPROTO, "talking to %s", ofctl_conn_name(c));
}
