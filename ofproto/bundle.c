/* Bundles: flow, group and port mods collected per connection, then
 * applied all at once, the flows at one new version, or not at all. */
#include "ofproto-private.h"

#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-bundle.h"
#include "ofp-group-mod.h"
#include "ofp-port-mod.h"
#include "xalloc.h"

struct ofproto_bundle {
	struct ofproto_bundle *next;
	uint64_t conn_id;
	uint32_t id;
	uint16_t flags;
	bool closed;
	enum ofp_protocol protocol;	/* of the connection, for 1.0 tables */
	struct bytebuf *msgs;	/* each a whole inner message */
	size_t n_msgs, allocated;
};

static struct ofproto_bundle **bundle_find(struct ofproto *p, uint64_t conn,
					   uint32_t id)
{
	struct ofproto_bundle **bp;

	for (bp = &p->bundles; *bp; bp = &(*bp)->next) {
		if ((*bp)->conn_id == conn && (*bp)->id == id) {
			return bp;
		}
	}
	return bp;
}

static struct ofproto_bundle *bundle_open(struct ofproto *p,
					  const struct ofproto_conn *conn,
					  uint32_t id, uint16_t flags)
{
	struct ofproto_bundle *b = xcalloc(1, sizeof *b);

	b->conn_id = conn->id;
	b->protocol = conn->protocol;
	b->id = id;
	b->flags = flags;
	b->next = p->bundles;
	p->bundles = b;
	return b;
}

/* Unlinks and frees '*bp'. */
static void bundle_discard(struct ofproto_bundle **bp)
{
	struct ofproto_bundle *b = *bp;

	*bp = b->next;
	for (size_t i = 0; i < b->n_msgs; i++) {
		bytebuf_uninit(&b->msgs[i]);
	}
	free(b->msgs);
	free(b);
}

void ofproto_bundles_destroy(struct ofproto *p)
{
	while (p->bundles) {
		bundle_discard(&p->bundles);
	}
}

void ofproto_conn_closed(struct ofproto *p, uint64_t conn_id)
{
	struct ofproto_bundle **bp = &p->bundles;

	while (*bp) {
		if ((*bp)->conn_id == conn_id) {
			bundle_discard(bp);
		} else {
			bp = &(*bp)->next;
		}
	}
}

static void bundle_reply(const struct ofpmsg *m,
			 const struct ofp_bundle_ctrl *ctrl, uint16_t type,
			 struct ofproto_replies *replies)
{
	struct ofp_bundle_ctrl reply = *ctrl;

	reply.type = type;
	ofp_bundle_ctrl_encode(ofproto_replies_add(replies), m->version,
			       m->xid, &reply);
}

/* One stored message, decoded. */
struct bundle_msg {
	struct ofpmsg m;
	struct of_flow_mod fm;
	struct ofp_port_mod pm;
	struct ofp_group_mod gm;
	struct bytebuf ofpacts;
};

static enum ofperr bundle_msg_decode_mod(struct ofproto *p,
					 enum ofp_protocol protocol,
					 struct bundle_msg *bm)
{
	const struct ofpmsg *m = &bm->m;
	enum ofperr error;

	switch (m->type) {
	case OFPTYPE_PORT_MOD:
		error = ofp_port_mod_decode(m, false, &bm->pm);
		if (!error && !ofproto_port_find(
			    p, of_port_from_of10(bm->pm.port_no))) {
			error = OFPERR_OFPPMFC_BAD_PORT;
		}
		return error;
	case OFPTYPE_GROUP_MOD:
		return ofp_group_mod_decode(m, &bm->gm, &bm->ofpacts);
	case OFPTYPE_FLOW_MOD:
	case OFPTYPE_NXT_FLOW_MOD:
		error = of_flow_mod_decode(m, &bm->fm, &bm->ofpacts);
		if (!error) {
			error = ofproto_flow_mod_fix_table(&bm->fm, m,
							   protocol);
		}
		return error ? error : ofproto_flow_mod_check(p, &bm->fm);
	default:
		return OFPERR_OFPBFC_MSG_UNSUP;
	}
}

/* Decodes and checks one stored message; uninit 'bm' after, either way. */
static enum ofperr bundle_msg_decode(struct ofproto *p,
				     const struct bytebuf *raw,
				     enum ofp_protocol protocol,
				     struct bundle_msg *bm)
{
	enum ofperr error;

	memset(bm, 0, sizeof *bm);
	ofp_group_mod_init(&bm->gm);
	error = ofpmsg_decode(&bm->m, raw->data, raw->size);
	return error ? error : bundle_msg_decode_mod(p, protocol, bm);
}

static void bundle_msg_uninit(struct bundle_msg *bm)
{
	ofp_group_mod_uninit(&bm->gm);
	bytebuf_uninit(&bm->ofpacts);
}

static void bundle_run_port_mods(struct ofproto *p,
				 const struct ofproto_bundle *b)
{
	for (size_t i = 0; i < b->n_msgs; i++) {
		struct bundle_msg bm;

		if (!bundle_msg_decode(p, &b->msgs[i], b->protocol, &bm)
		    && bm.m.type == OFPTYPE_PORT_MOD && bm.pm.mask
		    && p->events.port_mod) {
			p->events.port_mod(p->aux,
					   of_port_from_of10(bm.pm.port_no),
					   bm.pm.config, bm.pm.mask);
		}
		bundle_msg_uninit(&bm);
	}
}

/* Flow and group changes in order, the flows' at one version, groups
 * held so that they can be undone; port mods once all succeeded.  On
 * error the error for the failing message goes to 'replies' and the
 * commit fails with MSG_FAILED. */
static enum ofperr bundle_commit(struct ofproto *p,
				 const struct ofproto_bundle *b,
				 struct ofproto_replies *replies)
{
	struct ofproto_txn txn;
	enum ofperr error = 0;
	size_t i;

	ofproto_txn_begin(&txn, p);
	id_map_hold(&p->groups);
	for (i = 0; i < b->n_msgs && !error; i++) {
		struct bundle_msg bm;

		error = bundle_msg_decode(p, &b->msgs[i], b->protocol, &bm);
		if (!error && bm.m.type == OFPTYPE_GROUP_MOD) {
			error = ofproto_group_mod_apply(&txn, &bm.gm);
		} else if (!error && bm.m.type != OFPTYPE_PORT_MOD) {
			error = ofproto_flow_mod_apply(&txn, &bm.fm,
						       bm.m.version);
		}
		bundle_msg_uninit(&bm);
	}
	if (error) {
		const struct bytebuf *bad = &b->msgs[i - 1];

		ofproto_txn_abort(&txn);
		id_map_rollback(&p->groups);
		ofperr_encode_reply(ofproto_replies_add(replies), error,
				    bad->data, bad->size);
		return OFPERR_OFPBFC_MSG_FAILED;
	}
	ofproto_txn_commit(&txn);
	id_map_release(&p->groups);
	bundle_run_port_mods(p, b);
	return 0;
}

enum ofperr ofproto_handle_bundle_control(struct ofproto *p,
					  const struct ofpmsg *m,
					  const struct ofproto_conn *conn,
					  struct ofproto_replies *replies)
{
	struct ofp_bundle_ctrl ctrl;
	struct ofproto_bundle **bp;
	enum ofperr error;

	ofp_bundle_ctrl_decode(m, &ctrl);
	bp = bundle_find(p, conn->id, ctrl.bundle_id);
	if (ctrl.flags & ~(OFPBF_ATOMIC | OFPBF_ORDERED)) {
		return OFPERR_OFPBFC_BAD_FLAGS;
	}
	if (ctrl.type == OFPBCT_OPEN_REQUEST) {
		if (*bp) {
			return OFPERR_OFPBFC_BAD_ID;
		}
		bundle_open(p, conn, ctrl.bundle_id, ctrl.flags);
		bundle_reply(m, &ctrl, OFPBCT_OPEN_REPLY, replies);
		return 0;
	}
	if (!*bp) {
		return OFPERR_OFPBFC_BAD_ID;
	}
	switch (ctrl.type) {
	case OFPBCT_CLOSE_REQUEST:
		if ((*bp)->closed) {
			return OFPERR_OFPBFC_BUNDLE_CLOSED;
		}
		if ((*bp)->flags != ctrl.flags) {
			return OFPERR_OFPBFC_BAD_FLAGS;
		}
		(*bp)->closed = true;
		bundle_reply(m, &ctrl, OFPBCT_CLOSE_REPLY, replies);
		return 0;
	case OFPBCT_COMMIT_REQUEST:
		if ((*bp)->flags != ctrl.flags) {
			return OFPERR_OFPBFC_BAD_FLAGS;
		}
		error = bundle_commit(p, *bp, replies);
		bundle_discard(bp);
		if (!error) {
			bundle_reply(m, &ctrl, OFPBCT_COMMIT_REPLY, replies);
		}
		return error;
	case OFPBCT_DISCARD_REQUEST:
		bundle_discard(bp);
		bundle_reply(m, &ctrl, OFPBCT_DISCARD_REPLY, replies);
		return 0;
	default:
		return OFPERR_OFPBFC_BAD_TYPE;
	}
}

enum ofperr ofproto_handle_bundle_add(struct ofproto *p, const struct ofpmsg *m,
				      const struct ofproto_conn *conn)
{
	struct ofproto_bundle *b, **bp;
	struct ofp_bundle_add add;
	struct bytebuf raw = BYTEBUF_INITIALIZER;
	struct bundle_msg bm;
	enum ofperr error = ofp_bundle_add_decode(m, &add);

	if (error) {
		return error;
	}
	if (!ofp_bundle_can_hold(add.msg_type)) {
		return OFPERR_OFPBFC_MSG_UNSUP;
	}
	bp = bundle_find(p, conn->id, add.bundle_id);
	if (*bp && (*bp)->closed) {
		return OFPERR_OFPBFC_BUNDLE_CLOSED;
	}
	if (*bp && (*bp)->flags != add.flags) {
		return OFPERR_OFPBFC_BAD_FLAGS;
	}
	bytebuf_put(&raw, add.msg, add.msg_len);
	error = bundle_msg_decode(p, &raw, conn->protocol, &bm);
	bundle_msg_uninit(&bm);
	if (error) {
		bytebuf_uninit(&raw);
		return error;
	}
	b = *bp ? *bp : bundle_open(p, conn, add.bundle_id, add.flags);
	b->msgs = xgrow_n(b->msgs, &b->allocated, b->n_msgs + 1,
			  sizeof *b->msgs);
	b->msgs[b->n_msgs++] = raw;
	return 0;
}
