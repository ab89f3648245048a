/* One OpenFlow connection: its channel, the session state a controller
 * sets on it, and the requests the connection layer answers itself. */
#include "connmgr-private.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "ofp-hello.h"
#include "ofp-switch.h"
#include "ofp-wire.h"
#include "pinsched.h"
#include "vconn.h"
#include "xalloc.h"

static uint64_t ofconn_next_id = 1;

static void ofconn_reset_session(struct ofconn *oc)
{
	struct connmgr_target *t = oc->target;

	oc->version = 0;
	oc->protocol = 0;
	oc->role = t && t->cfg.role != OFP_ROLE_NOCHANGE ? t->cfg.role
							 : OFP_ROLE_EQUAL;
	memset(&oc->async, 0, sizeof oc->async);
	oc->pin_format = OFCONN_PIN_STANDARD;
	oc->miss_send_len = oc->primary ? OFCONN_DEFAULT_MISS_SEND_LEN : 0;
	oc->controller_id = 0;
	oc->more = false;
}

struct ofconn *ofconn_create(struct connmgr *mgr, struct connmgr_target *t,
			     struct vconn *vc, bool primary)
{
	struct ofconn *oc = xcalloc(1, sizeof *oc);
	int64_t now = connmgr_now();
	int probe = t ? t->cfg.inactivity_probe : -1;

	oc->mgr = mgr;
	oc->target = t;
	oc->primary = primary;
	oc->active = !vc;
	oc->vconn = vc;
	oc->watch.fd = -1;
	oc->id = ofconn_next_id++;
	oc->created = now;
	oc->versions = t ? t->versions : mgr->mgmt_versions;
	oc->name = xstrdup(vc ? vconn_name(vc) : t->name);
	ofconn_reset_session(oc);
	reconnect_init(&oc->rc);
	if (!probe)
		probe = RECONNECT_DEFAULT_PROBE_INTERVAL;
	reconnect_set_probe_interval(&oc->rc, probe < 0 ? 0 : probe);
	if (t)
		reconnect_set_backoff(&oc->rc, RECONNECT_DEFAULT_MIN_BACKOFF,
				      t->cfg.max_backoff ? t->cfg.max_backoff
				      : RECONNECT_DEFAULT_MAX_BACKOFF);
	reconnect_enable(&oc->rc, now);
	if (vc) {
		/* Accepted: inactivity is measured from now, HELLO included. */
		reconnect_connecting(&oc->rc, now);
		reconnect_connected(&oc->rc, now);
	}
	if (t && t->cfg.rate_limit > 0)
		oc->sched = pinsched_create(t->cfg.rate_limit,
					    t->cfg.burst_limit, now);

	oc->next = mgr->conns;
	if (mgr->conns)
		mgr->conns->prev = oc;
	mgr->conns = oc;
	return oc;
}

static void ofconn_close_vconn(struct ofconn *oc)
{
	connmgr_unwatch(oc->mgr, &oc->watch);
	vconn_close(oc->vconn);
	oc->vconn = NULL;
}

void ofconn_destroy(struct ofconn *oc)
{
	struct connmgr *mgr = oc->mgr;
	struct pinsched_stats s = { 0 };

	if (oc->sched)
		pinsched_get_stats(oc->sched, &s);
	mgr->n_pin_dropped_gone += oc->n_pin_dropped + s.n_dropped;
	ofconn_close_vconn(oc);
	if (oc->prev)
		oc->prev->next = oc->next;
	else
		mgr->conns = oc->next;
	if (oc->next)
		oc->next->prev = oc->prev;
	pinsched_destroy(oc->sched);
	free(oc->name);
	free(oc);
}

bool ofconn_is_open(const struct ofconn *oc)
{
	return oc->vconn && oc->version && !oc->dead;
}

/* Ends the current connection: an active one backs off and tries again,
 * an accepted one goes away. */
void ofconn_disconnect(struct ofconn *oc, const char *why)
{
	struct connmgr_target *t = oc->target;
	int64_t now = connmgr_now();

	if (!oc->vconn)
		return;
	/* ovs-ofctl comes and goes on the management socket all day. */
	if (why && *why && (oc->primary || strcmp(why, "connection closed")))
		log_msg(LOG_INFO, "%s: %s: %s", oc->mgr->name, oc->name, why);
	if (t && oc->active) {
		snprintf(t->last_error, sizeof t->last_error, "%s",
			 why ? why : "");
		if (oc->version)
			t->last_disconnected = now;
	}
	if (reconnect_is_connected(&oc->rc))
		reconnect_disconnected(&oc->rc, now, -EPIPE);
	else if (oc->rc.state == RECONNECT_CONNECTING)
		reconnect_connect_failed(&oc->rc, now, -EPIPE);
	ofconn_close_vconn(oc);
	ofconn_reset_session(oc);
	if (!oc->active)
		oc->dead = true;
}

/* ---- the session settings ---- */

enum ofp_version ofconn_get_version(const struct ofconn *oc)
{
	return oc->version;
}

enum ofp_protocol ofconn_get_protocol(const struct ofconn *oc)
{
	return oc->protocol;
}

enum ofp_role ofconn_get_role(const struct ofconn *oc)
{
	return oc->role;
}

bool ofconn_is_slave(const struct ofconn *oc)
{
	return oc->role == OFP_ROLE_SECONDARY;
}

uint64_t ofconn_id(const struct ofconn *oc)
{
	return oc->id;
}

uint16_t ofconn_miss_send_len(const struct ofconn *oc)
{
	return oc->miss_send_len;
}

uint16_t ofconn_controller_id(const struct ofconn *oc)
{
	return oc->controller_id;
}

enum ofconn_pin_format ofconn_packet_in_format(const struct ofconn *oc)
{
	return oc->pin_format;
}

void ofconn_get_async_config(const struct ofconn *oc,
			     struct ofp_async_config *ac)
{
	*ac = oc->async;
}

bool ofconn_is_primary(const struct ofconn *oc)
{
	return oc->primary;
}

const char *ofconn_name(const struct ofconn *oc)
{
	return oc->name;
}

static enum ofp_protocol protocol_of_version(uint8_t version)
{
	switch (version) {
	case OFP10_VERSION: return OFPROTO_OF10_STD;
	case OFP11_VERSION: return OFPROTO_OF11_STD;
	case OFP12_VERSION: return OFPROTO_OF12_OXM;
	case OFP13_VERSION: return OFPROTO_OF13_OXM;
	case OFP14_VERSION: return OFPROTO_OF14_OXM;
	default: return OFPROTO_OF15_OXM;
	}
}

static void ofconn_negotiated(struct ofconn *oc, int64_t now)
{
	oc->version = vconn_version(oc->vconn);
	oc->protocol = protocol_of_version(oc->version);
	ofconn_default_async(oc->version, &oc->async);
	if (oc->active) {
		reconnect_connected(&oc->rc, now);
		oc->target->last_error[0] = '\0';
	} else {
		reconnect_activity(&oc->rc, now);
	}
	log_msg(LOG_INFO, "%s: %s: connected (OpenFlow 0x%02x)",
		oc->mgr->name, oc->name, oc->version);
}

/* ---- sending ---- */

void ofconn_send(struct ofconn *oc, struct bytebuf *msg)
{
	if (oc->vconn && oc->version && !oc->dead && msg->size) {
		int error = vconn_send(oc->vconn, msg->data, msg->size);

		if (error)
			ofconn_disconnect(oc, vconn_error(oc->vconn));
	}
	bytebuf_clear(msg);
}

static void ofconn_send_error_raw(struct ofconn *oc, enum ofperr error,
				  const uint8_t *req, size_t len)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	uint32_t xid = len >= 8 ? ofp_get32(req + 4) : 0;

	/* The whole request, as OVS sends it (the spec asks for at least 64
	 * bytes); ofperr_encode cuts it to what one message holds. */
	ofperr_encode(&b, error, oc->version, xid, req, len);
	ofconn_send(oc, &b);
	bytebuf_uninit(&b);
}

void ofconn_send_error(struct ofconn *oc, const struct ofpmsg *request,
		       enum ofperr error)
{
	ofconn_send_error_raw(oc, error, request->body - request->hdr_len,
			      request->hdr_len + request->body_len);
}

bool ofconn_wants_async(const struct ofconn *oc, enum ofp_async_msg msg,
			unsigned reason)
{
	int role = oc->role == OFP_ROLE_SECONDARY ? OFP_ASYNC_SECONDARY
						  : OFP_ASYNC_PRIMARY;

	if (!ofconn_is_open(oc) || reason >= 32)
		return false;
	/* Service connections ask for asynchronous messages by setting a
	 * miss_send_len. */
	if (!oc->primary && !oc->miss_send_len)
		return false;
	return oc->async.masks[msg][role] & (1u << reason);
}

void ofconn_send_async(struct ofconn *oc, struct bytebuf *msg)
{
	if (vconn_backlog(oc->vconn) > OFCONN_ASYNC_BACKLOG_MAX) {
		oc->n_async_dropped++;
		bytebuf_clear(msg);
		return;
	}
	ofconn_send(oc, msg);
}

static void ofconn_send_pin_now(struct ofconn *oc, struct bytebuf *msg)
{
	if (vconn_backlog(oc->vconn) > OFCONN_PIN_BACKLOG_MAX) {
		oc->n_pin_dropped++;
		bytebuf_clear(msg);
		return;
	}
	ofconn_send(oc, msg);
}

void ofconn_send_packet_in(struct ofconn *oc, struct bytebuf *msg,
			   int64_t now)
{
	if (!oc->sched || pinsched_admit(oc->sched, now, msg))
		ofconn_send_pin_now(oc, msg);
	bytebuf_clear(msg);
}

/* ---- roles ---- */

void ofconn_set_role(struct ofconn *oc, enum ofp_role role)
{
	if (role == OFP_ROLE_PRIMARY && oc->role != role) {
		struct connmgr *mgr = oc->mgr;

		for (struct ofconn *o = mgr->conns; o; o = o->next) {
			struct bytebuf b = BYTEBUF_INITIALIZER;

			if (o == oc || o->role != OFP_ROLE_PRIMARY)
				continue;
			o->role = OFP_ROLE_SECONDARY;
			if (ofconn_is_open(o) &&
			    ofconn_encode_role_status(
				    &b, o->version, OFP_ROLE_SECONDARY,
				    OFP_ROLE_REASON_PRIMARY_REQUEST,
				    mgr->election_id_defined
				    ? mgr->election_id : UINT64_MAX))
				ofconn_send(o, &b);
			bytebuf_uninit(&b);
		}
	}
	oc->role = role;
}

static enum ofperr handle_role_request(struct ofconn *oc,
				       const struct ofpmsg *m)
{
	struct connmgr *mgr = oc->mgr;
	struct ofp_role_msg rq, reply;
	struct bytebuf b = BYTEBUF_INITIALIZER;
	enum ofperr error = ofp_role_decode(m, &rq);

	if (error)
		return error;
	if (rq.role != OFP_ROLE_NOCHANGE) {
		if (rq.role != OFP_ROLE_EQUAL && rq.have_generation_id &&
		    !connmgr_update_election_id(mgr, rq.generation_id))
			return OFPERR_OFPRRFC_STALE;
		ofconn_set_role(oc, rq.role);
	}
	reply.role = oc->role;
	reply.have_generation_id = mgr->election_id_defined;
	reply.generation_id = mgr->election_id;
	if (ofp_role_encode(&b, m->type == OFPTYPE_NXT_ROLE_REQUEST
				? OFPTYPE_NXT_ROLE_REPLY : OFPTYPE_ROLE_REPLY,
			    m->version, m->xid, &reply))
		ofconn_send(oc, &b);
	bytebuf_uninit(&b);
	return 0;
}

/* ---- the Nicira session settings ---- */

static enum ofperr handle_set_flow_format(struct ofconn *oc,
					  const struct ofpmsg *m)
{
	uint32_t format;

	if (m->body_len < 4)
		return OFPERR_OFPBRC_BAD_LEN;
	format = ofp_get32(m->body);
	/* NXFF_OPENFLOW10 (0) or NXFF_NXM (2). */
	if (format != 0 && format != 2)
		return OFPERR_OFPBRC_EPERM;
	/* Only OpenFlow 1.0 has a choice of match format. */
	if (oc->version == OFP10_VERSION) {
		bool tid = oc->protocol & OFPROTO_TID;

		oc->protocol = format ? (tid ? OFPROTO_OF10_NXM_TID
					     : OFPROTO_OF10_NXM)
				      : (tid ? OFPROTO_OF10_STD_TID
					     : OFPROTO_OF10_STD);
	}
	return 0;
}

static enum ofperr handle_flow_mod_table_id(struct ofconn *oc,
					    const struct ofpmsg *m)
{
	bool nxm = oc->protocol & OFPROTO_NXM_ANY;

	if (m->body_len < 1)
		return OFPERR_OFPBRC_BAD_LEN;
	if (oc->version == OFP10_VERSION)
		oc->protocol = m->body[0] ? (nxm ? OFPROTO_OF10_NXM_TID
						 : OFPROTO_OF10_STD_TID)
					  : (nxm ? OFPROTO_OF10_NXM
						 : OFPROTO_OF10_STD);
	return 0;
}

static enum ofperr handle_set_packet_in_format(struct ofconn *oc,
					       const struct ofpmsg *m)
{
	uint32_t format;

	if (m->body_len < 4)
		return OFPERR_OFPBRC_BAD_LEN;
	format = ofp_get32(m->body);
	if (format > OFCONN_PIN_NXT2)
		return OFPERR_OFPBRC_EPERM;
	oc->pin_format = format;
	return 0;
}

/* zero(6) controller_id(2). */
static enum ofperr handle_set_controller_id(struct ofconn *oc,
					    const struct ofpmsg *m)
{
	if (m->body_len < 8)
		return OFPERR_OFPBRC_BAD_LEN;
	if (!bytecur_is_zero(m->body, 6))
		return OFPERR_NXBRC_MUST_BE_ZERO;
	oc->controller_id = ofp_get16(m->body + 6);
	return 0;
}

static enum ofperr handle_set_async(struct ofconn *oc, const struct ofpmsg *m)
{
	return ofconn_apply_set_async(m, &oc->async);
}

static enum ofperr handle_get_async(struct ofconn *oc, const struct ofpmsg *m)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	ofconn_encode_async_reply(&b, m, &oc->async);
	ofconn_send(oc, &b);
	bytebuf_uninit(&b);
	return 0;
}

/* The connection keeps miss_send_len (and, before 1.3, whether invalid-TTL
 * packets go to it); the rest of the config is the handler's. */
static enum ofperr handle_set_config(struct ofconn *oc, const struct ofpmsg *m)
{
	struct ofp_switch_config sc;
	enum ofperr error = ofp_switch_config_decode(m, &sc);
	uint32_t *pin = &oc->async.masks[OFP_ASYNC_PACKET_IN]
					[OFP_ASYNC_PRIMARY];

	if (error)
		return error;
	oc->miss_send_len = sc.miss_send_len;
	if (m->version < OFP13_VERSION) {
		if (sc.flags & OFPC_INVALID_TTL_TO_CONTROLLER)
			*pin |= 1u << OFPR_INVALID_TTL;
		else
			*pin &= ~(1u << OFPR_INVALID_TTL);
	}
	return oc->mgr->handler.handle(oc->mgr->aux, oc, m);
}

static enum ofperr reply_empty(struct ofconn *oc, const struct ofpmsg *m,
			       enum ofptype type)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	ofpmsg_start(&b, type, m->version, m->xid);
	bytebuf_put(&b, m->body, m->body_len);
	ofpmsg_finish(&b, 0);
	ofconn_send(oc, &b);
	bytebuf_uninit(&b);
	return 0;
}

static enum ofperr handle_barrier(struct ofconn *oc, const struct ofpmsg *m)
{
	if (oc->mgr->handler.sync)
		oc->mgr->handler.sync(oc->mgr->aux);
	return reply_empty(oc, m, OFPTYPE_BARRIER_REPLY);
}

/* ---- dispatch ---- */

/* Messages a switch sends: from a controller they are nonsense. */
static bool is_switch_message(const struct ofpmsg *m)
{
	switch (m->type) {
	case OFPTYPE_FEATURES_REPLY:
	case OFPTYPE_GET_CONFIG_REPLY:
	case OFPTYPE_PACKET_IN:
	case OFPTYPE_FLOW_REMOVED:
	case OFPTYPE_PORT_STATUS:
	case OFPTYPE_ROLE_STATUS:
	case OFPTYPE_TABLE_STATUS:
	case OFPTYPE_REQUESTFORWARD:
	case OFPTYPE_BARRIER_REPLY:
	case OFPTYPE_QUEUE_GET_CONFIG_REPLY:
	case OFPTYPE_ROLE_REPLY:
	case OFPTYPE_GET_ASYNC_REPLY:
	case OFPTYPE_FLOW_MONITOR_PAUSED:
	case OFPTYPE_FLOW_MONITOR_RESUMED:
	case OFPTYPE_NXT_ROLE_REPLY:
	case OFPTYPE_NXT_FLOW_REMOVED:
	case OFPTYPE_NXT_PACKET_IN:
	case OFPTYPE_NXT_PACKET_IN2:
	case OFPTYPE_NXT_TLV_TABLE_REPLY:
		return true;
	default:
		return ofptype_is_stat(m->type) && m->row->reply;
	}
}

/* What a secondary controller may not do: change the switch. */
static bool is_state_changing(enum ofptype type)
{
	switch (type) {
	case OFPTYPE_PACKET_OUT:
	case OFPTYPE_FLOW_MOD:
	case OFPTYPE_NXT_FLOW_MOD:
	case OFPTYPE_GROUP_MOD:
	case OFPTYPE_PORT_MOD:
	case OFPTYPE_TABLE_MOD:
	case OFPTYPE_METER_MOD:
	case OFPTYPE_BUNDLE_CONTROL:
	case OFPTYPE_BUNDLE_ADD_MESSAGE:
	case OFPTYPE_NXT_TLV_TABLE_MOD:
		return true;
	default:
		return false;
	}
}

static enum ofperr ofconn_dispatch(struct ofconn *oc, const struct ofpmsg *m)
{
	switch (m->type) {
	case OFPTYPE_HELLO:
	case OFPTYPE_ERROR:
	case OFPTYPE_ECHO_REPLY:
		return 0;
	case OFPTYPE_ECHO_REQUEST:
		return reply_empty(oc, m, OFPTYPE_ECHO_REPLY);
	case OFPTYPE_ROLE_REQUEST:
	case OFPTYPE_NXT_ROLE_REQUEST:
		return handle_role_request(oc, m);
	case OFPTYPE_GET_ASYNC_REQUEST:
		return handle_get_async(oc, m);
	case OFPTYPE_SET_ASYNC:
	case OFPTYPE_NXT_SET_ASYNC_CONFIG:
	case OFPTYPE_NXT_SET_ASYNC_CONFIG2:
		return handle_set_async(oc, m);
	case OFPTYPE_NXT_SET_FLOW_FORMAT:
		return handle_set_flow_format(oc, m);
	case OFPTYPE_NXT_FLOW_MOD_TABLE_ID:
		return handle_flow_mod_table_id(oc, m);
	case OFPTYPE_NXT_SET_PACKET_IN_FORMAT:
		return handle_set_packet_in_format(oc, m);
	case OFPTYPE_NXT_SET_CONTROLLER_ID:
		return handle_set_controller_id(oc, m);
	case OFPTYPE_SET_CONFIG:
		return handle_set_config(oc, m);
	case OFPTYPE_BARRIER_REQUEST:
		return handle_barrier(oc, m);
	default:
		break;
	}
	if (is_switch_message(m))
		return OFPERR_OFPBRC_BAD_TYPE;
	if (oc->role == OFP_ROLE_SECONDARY && is_state_changing(m->type))
		return OFPERR_OFPBRC_IS_SECONDARY;
	return oc->mgr->handler.handle(oc->mgr->aux, oc, m);
}

/* The messages of every version, which may come in any of them. */
static bool is_version_free(enum ofptype type)
{
	return type == OFPTYPE_HELLO || type == OFPTYPE_ERROR ||
	       type == OFPTYPE_ECHO_REQUEST || type == OFPTYPE_ECHO_REPLY;
}

static void ofconn_handle(struct ofconn *oc, const struct bytebuf *msg)
{
	struct ofpmsg m;
	enum ofperr error = ofpmsg_decode(&m, msg->data, msg->size);

	if (!error && m.version != oc->version && !is_version_free(m.type))
		error = OFPERR_OFPBRC_BAD_VERSION;
	if (error) {
		ofconn_send_error_raw(oc, error, msg->data, msg->size);
		return;
	}
	error = ofconn_dispatch(oc, &m);
	if (error)
		ofconn_send_error(oc, &m, error);
}

/* ---- running ---- */

static void ofconn_start_connect(struct ofconn *oc, int64_t now)
{
	struct connmgr_target *t = oc->target;
	char err[256];
	int error = vconn_open(t->name, oc->versions, &oc->vconn, err,
			       sizeof err);

	reconnect_connecting(&oc->rc, now);
	if (error) {
		oc->vconn = NULL;
		snprintf(t->last_error, sizeof t->last_error, "%s", err);
		reconnect_connect_failed(&oc->rc, now, error);
	}
}

/* Milliseconds until an accepted connection without HELLO is given up,
 * -1 if that does not apply. */
static int hello_timeout(const struct ofconn *oc, int64_t now)
{
	int64_t left = oc->created + OFCONN_HELLO_TIMEOUT - now;

	if (oc->active || oc->version || !oc->vconn)
		return -1;
	return left > 0 ? (int)left : 0;
}

static void ofconn_run_timers(struct ofconn *oc, int64_t now)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	if (!hello_timeout(oc, now)) {
		ofconn_disconnect(oc, "no HELLO in time");
		return;
	}

	switch (reconnect_run(&oc->rc, now)) {
	case RECONNECT_CONNECT:
		if (oc->active && !oc->vconn)
			ofconn_start_connect(oc, now);
		break;
	case RECONNECT_DISCONNECT:
		ofconn_disconnect(oc, oc->version ? "no reply to echo request"
					: "no HELLO in time");
		break;
	case RECONNECT_PROBE:
		if (!oc->version) {
			ofconn_disconnect(oc, "no HELLO in time");
			break;
		}
		ofpmsg_start(&b, OFPTYPE_ECHO_REQUEST, oc->version, 0);
		ofpmsg_finish(&b, 0);
		ofconn_send(oc, &b);
		break;
	default:
		break;
	}
	bytebuf_uninit(&b);
}

static void ofconn_run_pinsched(struct ofconn *oc, int64_t now)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	while (oc->sched && ofconn_is_open(oc) &&
	       pinsched_next(oc->sched, now, &b))
		ofconn_send_pin_now(oc, &b);
	bytebuf_uninit(&b);
}

/* Receives and answers up to a batch of messages. */
static void ofconn_run_recv(struct ofconn *oc, int64_t now)
{
	struct bytebuf msg = BYTEBUF_INITIALIZER;

	oc->more = false;
	for (int i = 0; ofconn_is_open(oc); i++) {
		if (i == OFCONN_RECV_BATCH ||
		    vconn_backlog(oc->vconn) > OFCONN_READ_BACKLOG_MAX) {
			oc->more = i == OFCONN_RECV_BATCH;
			break;
		}
		int error = vconn_recv(oc->vconn, &msg);
		if (error == -EAGAIN)
			break;
		if (error) {
			ofconn_disconnect(oc, vconn_error(oc->vconn));
			break;
		}
		reconnect_activity(&oc->rc, now);
		ofconn_handle(oc, &msg);
	}
	bytebuf_uninit(&msg);
}

void ofconn_run(struct ofconn *oc, int64_t now)
{
	if (oc->dead)
		return;
	if (oc->vconn && !oc->version) {
		int error = vconn_connect(oc->vconn);

		if (!error)
			ofconn_negotiated(oc, now);
		else if (error != -EAGAIN)
			ofconn_disconnect(oc, vconn_error(oc->vconn));
	}
	if (ofconn_is_open(oc)) {
		ofconn_run_recv(oc, now);
		ofconn_run_pinsched(oc, now);
	}
	if (oc->vconn && vconn_flush(oc->vconn))
		ofconn_disconnect(oc, vconn_error(oc->vconn));
	if (!oc->dead)
		ofconn_run_timers(oc, now);
}

int ofconn_timeout(const struct ofconn *oc, int64_t now)
{
	int t = reconnect_timeout(&oc->rc, now);

	int h = hello_timeout(oc, now);

	if (oc->dead || oc->more)
		return 0;
	if (h >= 0 && (t < 0 || h < t))
		t = h;
	if (oc->sched && ofconn_is_open(oc)) {
		int p = pinsched_timeout(oc->sched, now);

		if (p >= 0 && (t < 0 || p < t))
			t = p;
	}
	return t;
}

void ofconn_update_watch(struct ofconn *oc)
{
	short want = POLLIN;

	if (!oc->vconn || oc->dead) {
		connmgr_unwatch(oc->mgr, &oc->watch);
		return;
	}
	if (oc->version && vconn_backlog(oc->vconn) > OFCONN_READ_BACKLOG_MAX)
		want = 0;
	connmgr_watch(oc->mgr, &oc->watch, vconn_fd(oc->vconn),
		      vconn_poll_events(oc->vconn, want));
}
