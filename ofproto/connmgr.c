/* The connections of one bridge: the management socket, the configured
 * controllers, and the asynchronous messages fanned out to them. */
#include "connmgr-private.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "dirs.h"
#include "log.h"
#include "ofp-requestforward.h"
#include "pinsched.h"
#include "poll-loop.h"
#include "stream.h"
#include "vconn.h"
#include "xalloc.h"

#define CONNMGR_ACCEPT_BATCH 16

static int64_t (*connmgr_clock)(void);

int64_t connmgr_now(void)
{
	struct timespec ts;

	if (connmgr_clock)
		return connmgr_clock();
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

void connmgr_set_clock(int64_t (*now)(void))
{
	connmgr_clock = now;
}

/* ---- the poll loop ---- */

static void connmgr_poll_cb(int fd, short revents, void *mgr_)
{
	struct connmgr *mgr = mgr_;
	uint64_t expirations;

	(void)revents;
	if (fd == mgr->timer_fd &&
	    read(fd, &expirations, sizeof expirations) < 0)
		expirations = 0;
	connmgr_run(mgr);
	connmgr_wait(mgr);
}

void connmgr_watch(struct connmgr *mgr, struct connmgr_watch *w, int fd,
		   short events)
{
	if (!mgr->loop)
		return;
	if (w->fd != fd)
		connmgr_unwatch(mgr, w);
	if (w->fd < 0) {
		if (poll_loop_add(mgr->loop, fd, events, connmgr_poll_cb, mgr))
			return;
		w->fd = fd;
	} else if (w->events != events) {
		poll_loop_set_events(mgr->loop, fd, events);
	}
	w->events = events;
}

void connmgr_unwatch(struct connmgr *mgr, struct connmgr_watch *w)
{
	if (w->fd >= 0 && mgr->loop)
		poll_loop_remove(mgr->loop, w->fd);
	w->fd = -1;
}

int connmgr_attach(struct connmgr *mgr, struct poll_loop *loop)
{
	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	int error;

	if (fd < 0)
		return -errno;
	error = poll_loop_add(loop, fd, POLLIN, connmgr_poll_cb, mgr);
	if (error) {
		close(fd);
		return error;
	}
	mgr->loop = loop;
	mgr->timer_fd = fd;
	connmgr_wait(mgr);
	return 0;
}

static void connmgr_arm_timer(struct connmgr *mgr, int ms)
{
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };

	if (ms == 0)
		its.it_value.tv_nsec = 1;
	else if (ms > 0) {
		its.it_value.tv_sec = ms / 1000;
		its.it_value.tv_nsec = (ms % 1000) * 1000000L;
	}
	timerfd_settime(mgr->timer_fd, 0, &its, NULL);
}

void connmgr_wait(struct connmgr *mgr)
{
	if (!mgr->loop)
		return;
	if (mgr->mgmt)
		connmgr_watch(mgr, &mgr->mgmt_watch, pvconn_fd(mgr->mgmt),
			      POLLIN);
	for (size_t i = 0; i < mgr->n_targets; i++) {
		struct connmgr_target *t = mgr->targets[i];

		if (t->pvconn)
			connmgr_watch(mgr, &t->watch, pvconn_fd(t->pvconn),
				      POLLIN);
	}
	for (struct ofconn *oc = mgr->conns; oc; oc = oc->next)
		ofconn_update_watch(oc);
	connmgr_arm_timer(mgr, connmgr_timeout(mgr));
}

/* ---- creation ---- */

/* $OVS_RUNDIR first: ovs-ofctl and ovn-controller look there. */
static char *connmgr_rundir_file(const char *name)
{
	const char *dir = getenv("OVS_RUNDIR");

	if (dir && *dir)
		return xasprintf("%s/%s", dir, name);
	return weir_rundir_file(name);
}

static void connmgr_open_mgmt(struct connmgr *mgr)
{
	char *name = xasprintf("punix:%s", mgr->mgmt_path);
	int error;

	connmgr_unwatch(mgr, &mgr->mgmt_watch);
	pvconn_close(mgr->mgmt);
	mgr->mgmt = NULL;
	mgr->mgmt_error[0] = '\0';
	error = pvconn_open(name, mgr->mgmt_versions, &mgr->mgmt,
			    mgr->mgmt_error, sizeof mgr->mgmt_error);
	if (error) {
		mgr->mgmt = NULL;
		log_msg(LOG_ERR, "%s: %s", mgr->name, mgr->mgmt_error);
	}
	free(name);
}

struct connmgr *connmgr_create(const char *bridge_name,
			       const struct connmgr_handler *handler,
			       void *aux)
{
	struct connmgr *mgr = xcalloc(1, sizeof *mgr);
	char *file = xasprintf("%s.mgmt", bridge_name);

	mgr->name = xstrdup(bridge_name);
	mgr->handler = *handler;
	mgr->aux = aux;
	mgr->mgmt_path = connmgr_rundir_file(file);
	mgr->mgmt_watch.fd = -1;
	mgr->mgmt_versions = CONNMGR_ALL_VERSIONS;
	mgr->timer_fd = -1;
	free(file);
	connmgr_open_mgmt(mgr);
	return mgr;
}

static void connmgr_target_destroy(struct connmgr *mgr,
				   struct connmgr_target *t)
{
	for (struct ofconn *oc = mgr->conns, *next; oc; oc = next) {
		next = oc->next;
		if (oc->target == t)
			ofconn_destroy(oc);
	}
	connmgr_unwatch(mgr, &t->watch);
	pvconn_close(t->pvconn);
	free(t->name);
	free(t);
}

void connmgr_destroy(struct connmgr *mgr)
{
	if (!mgr)
		return;
	while (mgr->conns)
		ofconn_destroy(mgr->conns);
	for (size_t i = 0; i < mgr->n_targets; i++)
		connmgr_target_destroy(mgr, mgr->targets[i]);
	free(mgr->targets);
	connmgr_unwatch(mgr, &mgr->mgmt_watch);
	if (mgr->mgmt) {
		pvconn_close(mgr->mgmt);
		unlink(mgr->mgmt_path);
	}
	if (mgr->loop)
		poll_loop_remove(mgr->loop, mgr->timer_fd);
	if (mgr->timer_fd >= 0)
		close(mgr->timer_fd);
	free(mgr->mgmt_path);
	free(mgr->name);
	free(mgr);
}

const char *connmgr_mgmt_path(const struct connmgr *mgr)
{
	return mgr->mgmt_path;
}

const char *connmgr_mgmt_error(const struct connmgr *mgr)
{
	return mgr->mgmt_error;
}

void connmgr_set_versions(struct connmgr *mgr, uint32_t versions)
{
	versions &= CONNMGR_ALL_VERSIONS;
	if (!versions)
		versions = CONNMGR_ALL_VERSIONS;
	if (versions == mgr->mgmt_versions && mgr->mgmt)
		return;
	mgr->mgmt_versions = versions;
	connmgr_open_mgmt(mgr);
	connmgr_wait(mgr);
}

/* ---- controllers ---- */

static bool controller_equal(const struct connmgr_controller *a,
			     const struct connmgr_controller *b)
{
	return !strcmp(a->target, b->target) && a->versions == b->versions &&
	       a->max_backoff == b->max_backoff &&
	       a->inactivity_probe == b->inactivity_probe &&
	       a->mode == b->mode && a->rate_limit == b->rate_limit &&
	       a->burst_limit == b->burst_limit && a->role == b->role;
}

static struct connmgr_target *connmgr_target_create(
	struct connmgr *mgr, const struct connmgr_controller *c)
{
	struct connmgr_target *t = xcalloc(1, sizeof *t);
	char err[256];

	t->name = xstrdup(c->target);
	t->cfg = *c;
	t->cfg.target = t->name;
	t->versions = c->versions & CONNMGR_ALL_VERSIONS;
	if (!t->versions)
		t->versions = CONNMGR_ALL_VERSIONS;
	t->watch.fd = -1;
	t->last_disconnected = -1;
	t->passive = !pstream_verify_name(c->target, err, sizeof err);
	if (t->passive) {
		if (pvconn_open(c->target, t->versions, &t->pvconn, err,
				sizeof err)) {
			t->pvconn = NULL;
			snprintf(t->last_error, sizeof t->last_error, "%s",
				 err);
			log_msg(LOG_ERR, "%s: %s", mgr->name, err);
		}
	} else if (stream_verify_name(c->target, err, sizeof err)) {
		snprintf(t->last_error, sizeof t->last_error, "%s", err);
		log_msg(LOG_ERR, "%s: %s", mgr->name, err);
	} else {
		t->ofconn = ofconn_create(mgr, t, NULL, true);
	}
	return t;
}

static struct connmgr_target *take_target(struct connmgr_target **old,
					  size_t n,
					  const struct connmgr_controller *c)
{
	for (size_t i = 0; i < n; i++) {
		if (old[i] && controller_equal(&old[i]->cfg, c)) {
			struct connmgr_target *t = old[i];

			old[i] = NULL;
			return t;
		}
	}
	return NULL;
}

int connmgr_set_controllers(struct connmgr *mgr,
			    const struct connmgr_controller *c, size_t n)
{
	struct connmgr_target **old = mgr->targets;
	size_t n_old = mgr->n_targets;
	int result = 0;

	mgr->targets = xcalloc(n ? n : 1, sizeof *mgr->targets);
	mgr->n_targets = n;
	for (size_t i = 0; i < n; i++)
		mgr->targets[i] = take_target(old, n_old, &c[i]);
	/* Old listeners go before new ones bind the same address. */
	for (size_t i = 0; i < n_old; i++)
		if (old[i])
			connmgr_target_destroy(mgr, old[i]);
	free(old);
	for (size_t i = 0; i < n; i++) {
		struct connmgr_target *t = mgr->targets[i];

		if (!t)
			t = mgr->targets[i] = connmgr_target_create(mgr, &c[i]);
		if (!t->pvconn && !t->ofconn)
			result = -EINVAL;
	}
	connmgr_wait(mgr);
	return result;
}

void connmgr_set_fail_mode(struct connmgr *mgr, enum connmgr_fail_mode mode)
{
	mgr->fail_mode = mode;
}

enum connmgr_fail_mode connmgr_get_fail_mode(const struct connmgr *mgr)
{
	return mgr->fail_mode;
}

bool connmgr_is_any_controller_connected(const struct connmgr *mgr)
{
	for (const struct ofconn *oc = mgr->conns; oc; oc = oc->next)
		if (oc->primary && ofconn_is_open(oc))
			return true;
	return false;
}

/* OpenFlow 1.0-1.2 send table misses to the controller by default, 1.3
 * and later drop them: a miss goes up while any connection of the older
 * kind (with the default controller id) is open, as OVS decides. */
bool connmgr_wants_packet_in_on_miss(const struct connmgr *mgr)
{
	for (const struct ofconn *oc = mgr->conns; oc; oc = oc->next)
		if (ofconn_is_open(oc) && !oc->controller_id &&
		    oc->version < OFP13_VERSION)
			return true;
	return false;
}

bool connmgr_update_election_id(struct connmgr *mgr, uint64_t id)
{
	/* Ids wrap: "older" is a negative difference. */
	if (mgr->election_id_defined && (int64_t)(id - mgr->election_id) < 0)
		return false;
	mgr->election_id = id;
	mgr->election_id_defined = true;
	return true;
}

struct ofconn *connmgr_add_stream(struct connmgr *mgr, struct stream *s,
				  bool primary)
{
	struct ofconn *oc = ofconn_create(mgr, NULL,
					  vconn_from_stream(s,
							    mgr->mgmt_versions),
					  primary);

	connmgr_wait(mgr);
	return oc;
}

/* ---- running ---- */

static void connmgr_accept(struct connmgr *mgr, struct pvconn *pv,
			   struct connmgr_target *t)
{
	for (int i = 0; pv && i < CONNMGR_ACCEPT_BATCH; i++) {
		struct vconn *vc;
		int error = pvconn_accept(pv, &vc);

		if (error == -EAGAIN)
			break;
		if (error) {
			log_msg(LOG_WARN, "%s: accept: %s", mgr->name,
				strerror(-error));
			break;
		}
		ofconn_create(mgr, t, vc, false);
	}
}

void connmgr_run(struct connmgr *mgr)
{
	int64_t now = connmgr_now();

	mgr->running++;
	connmgr_accept(mgr, mgr->mgmt, NULL);
	for (size_t i = 0; i < mgr->n_targets; i++)
		connmgr_accept(mgr, mgr->targets[i]->pvconn, mgr->targets[i]);
	for (struct ofconn *oc = mgr->conns; oc; oc = oc->next)
		ofconn_run(oc, now);
	if (--mgr->running == 0) {
		for (struct ofconn *oc = mgr->conns, *next; oc; oc = next) {
			next = oc->next;
			if (oc->dead)
				ofconn_destroy(oc);
		}
	}
}

int connmgr_timeout(const struct connmgr *mgr)
{
	int64_t now = connmgr_now();
	int min = -1;

	for (const struct ofconn *oc = mgr->conns; oc; oc = oc->next) {
		int t = ofconn_timeout(oc, now);

		if (t >= 0 && (min < 0 || t < min))
			min = t;
	}
	return min;
}

/* ---- asynchronous messages ---- */

static struct bytebuf *connmgr_encode_pin(const struct connmgr_packet_in *cp,
					  const struct ofconn *oc,
					  struct bytebuf *b)
{
	static const enum ofptype types[] = {
		[OFCONN_PIN_STANDARD] = OFPTYPE_PACKET_IN,
		[OFCONN_PIN_NXT] = OFPTYPE_NXT_PACKET_IN,
		[OFCONN_PIN_NXT2] = OFPTYPE_NXT_PACKET_IN2,
	};
	struct ofp_packet_in pin = cp->pin;
	size_t max = cp->use_miss_send_len ? oc->miss_send_len : cp->max_len;

	pin.reason = ofconn_wire_pin_reason(pin.reason, oc->version);
	pin.buffer_id = OFP_NO_BUFFER;
	if (pin.packet_len > max)
		pin.packet_len = max;
	ofp_packet_in_encode(b, types[oc->pin_format], oc->version, 0, &pin);
	return b;
}

void connmgr_send_packet_in(struct connmgr *mgr,
			    const struct connmgr_packet_in *cp)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	int64_t now = connmgr_now();

	for (struct ofconn *oc = mgr->conns; oc; oc = oc->next) {
		if (oc->controller_id != cp->controller_id ||
		    !ofconn_wants_async(oc, OFP_ASYNC_PACKET_IN,
					cp->pin.reason))
			continue;
		ofconn_send_packet_in(oc, connmgr_encode_pin(cp, oc, &b), now);
	}
	bytebuf_uninit(&b);
	connmgr_wait(mgr);
}

void connmgr_send_flow_removed(struct connmgr *mgr,
			       const struct ofp_flow_removed *fr)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	for (struct ofconn *oc = mgr->conns; oc; oc = oc->next) {
		if (!ofconn_wants_async(oc, OFP_ASYNC_FLOW_REMOVED, fr->reason))
			continue;
		ofp_flow_removed_encode(&b, oc->protocol & OFPROTO_NXM_ANY
					    ? OFPTYPE_NXT_FLOW_REMOVED
					    : OFPTYPE_FLOW_REMOVED,
					oc->version, 0, fr);
		ofconn_send_async(oc, &b);
	}
	bytebuf_uninit(&b);
	connmgr_wait(mgr);
}

void connmgr_send_port_status(struct connmgr *mgr, uint8_t reason,
			      const struct ofp_phy_port *pp)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	for (struct ofconn *oc = mgr->conns; oc; oc = oc->next) {
		if (!ofconn_wants_async(oc, OFP_ASYNC_PORT_STATUS, reason))
			continue;
		if (ofconn_encode_port_status(&b, oc->version, reason, pp))
			ofconn_send_async(oc, &b);
		bytebuf_clear(&b);
	}
	bytebuf_uninit(&b);
	connmgr_wait(mgr);
}

void connmgr_send_requestforward(struct connmgr *mgr,
				 const struct ofconn *source, uint8_t reason,
				 connmgr_encode_cb *encode, void *aux)
{
	struct bytebuf inner = BYTEBUF_INITIALIZER;
	struct bytebuf b = BYTEBUF_INITIALIZER;

	for (struct ofconn *oc = mgr->conns; oc; oc = oc->next) {
		if (oc == source ||
		    !ofconn_wants_async(oc, OFP_ASYNC_REQUESTFORWARD, reason))
			continue;
		bytebuf_clear(&inner);
		encode(&inner, oc->version, aux);
		if (inner.size < sizeof(struct ofp_header))
			continue;
		ofp_requestforward_encode(&b, oc->version, 0, inner.data,
					  inner.size);
		ofconn_send_async(oc, &b);
		bytebuf_clear(&b);
	}
	bytebuf_uninit(&inner);
	bytebuf_uninit(&b);
	connmgr_wait(mgr);
}

/* ---- status ---- */

static void passive_status(const struct connmgr *mgr,
			   const struct connmgr_target *t,
			   struct connmgr_controller_status *s)
{
	s->state = t->pvconn ? "ACTIVE" : "VOID";
	for (const struct ofconn *oc = mgr->conns; oc; oc = oc->next) {
		if (oc->target == t && ofconn_is_open(oc)) {
			s->is_connected = true;
			s->role = oc->role;
			break;
		}
	}
}

static int seconds_since(int64_t then, int64_t now)
{
	return then < 0 ? -1 : (int)((now - then) / 1000);
}

bool connmgr_get_controller_status(const struct connmgr *mgr,
				   const char *target,
				   struct connmgr_controller_status *s)
{
	int64_t now = connmgr_now();

	for (size_t i = 0; i < mgr->n_targets; i++) {
		const struct connmgr_target *t = mgr->targets[i];
		const struct ofconn *oc = t->ofconn;

		if (strcmp(t->name, target))
			continue;
		memset(s, 0, sizeof *s);
		s->role = t->cfg.role ? t->cfg.role : OFP_ROLE_EQUAL;
		s->sec_since_connect = s->sec_since_disconnect = -1;
		snprintf(s->last_error, sizeof s->last_error, "%s",
			 t->last_error);
		if (t->passive) {
			passive_status(mgr, t, s);
			return true;
		}
		s->state = oc ? reconnect_state_name(oc->rc.state) : "VOID";
		if (!oc)
			return true;
		s->is_connected = ofconn_is_open(oc);
		s->role = oc->role;
		if (oc->rc.n_connections)
			s->sec_since_connect =
				seconds_since(oc->rc.last_connected, now);
		if (!s->is_connected)
			s->sec_since_disconnect =
				seconds_since(t->last_disconnected, now);
		return true;
	}
	return false;
}

uint64_t connmgr_n_packet_in_dropped(const struct connmgr *mgr)
{
	uint64_t n = mgr->n_pin_dropped_gone;

	for (const struct ofconn *oc = mgr->conns; oc; oc = oc->next) {
		struct pinsched_stats s = { 0 };

		if (oc->sched)
			pinsched_get_stats(oc->sched, &s);
		n += oc->n_pin_dropped + s.n_dropped;
	}
	return n;
}
