/* What connmgr.c, ofconn.c and ofconn-msgs.c share: the structures behind
 * the opaque handles of connmgr.h and ofconn.h.  Not for other modules. */
#ifndef CONNMGR_PRIVATE_H
#define CONNMGR_PRIVATE_H 1

#include <stdbool.h>
#include <stdint.h>

#include "bytebuf.h"
#include "connmgr.h"
#include "ofconn.h"
#include "ofp-async.h"
#include "reconnect.h"

struct pinsched;
struct stream;
struct pvconn;
struct vconn;

/* Send-queue bounds: above the first a connection is not read from (so a
 * peer that does not read our replies cannot make us queue more), above
 * the second packet-ins are dropped, above the third other asynchronous
 * messages too. */
#define OFCONN_READ_BACKLOG_MAX (1u << 20)
#define OFCONN_PIN_BACKLOG_MAX (256u << 10)
#define OFCONN_ASYNC_BACKLOG_MAX (4u << 20)
/* An accepted connection must finish HELLO within this many ms, probes or
 * not, so that silent clients cannot hold descriptors forever. */
#define OFCONN_HELLO_TIMEOUT 10000
/* Messages handled in one run before others get their turn. */
#define OFCONN_RECV_BATCH 50

/* A descriptor the attached poll loop watches for us. */
struct connmgr_watch {
	int fd;				/* -1: none */
	short events;
};

/* One configured controller. */
struct connmgr_target {
	struct connmgr_controller cfg;	/* as given; cfg.target is 'name' */
	char *name;
	uint32_t versions;		/* cfg.versions, 0 made all */
	bool passive;
	struct pvconn *pvconn;		/* passive: the listener */
	struct connmgr_watch watch;
	struct ofconn *ofconn;		/* active: its one connection */
	char last_error[256];
	int64_t last_disconnected;	/* ms, -1: never */
};

struct ofconn {
	struct connmgr *mgr;
	struct ofconn *prev, *next;	/* in mgr->conns */
	struct connmgr_target *target;	/* NULL: the management socket */
	bool primary;
	bool active;			/* reconnects rather than goes away */
	bool dead;			/* to be freed after this run */
	bool more;			/* messages may be waiting in 'vconn' */
	struct vconn *vconn;
	struct reconnect rc;
	struct connmgr_watch watch;
	uint32_t versions;
	uint64_t id;
	char *name;
	int64_t created;		/* ms */

	/* Session state, reset on each connection. */
	uint8_t version;		/* 0 until HELLO agreed */
	enum ofp_protocol protocol;
	enum ofp_role role;
	struct ofp_async_config async;
	enum ofconn_pin_format pin_format;
	uint16_t miss_send_len;
	uint16_t controller_id;

	struct pinsched *sched;
	uint64_t n_pin_dropped;		/* send queue full */
	uint64_t n_async_dropped;
};

struct connmgr {
	char *name;
	struct connmgr_handler handler;
	void *aux;
	char *mgmt_path;
	struct pvconn *mgmt;
	struct connmgr_watch mgmt_watch;
	uint32_t mgmt_versions;
	char mgmt_error[256];
	struct connmgr_target **targets;
	size_t n_targets;
	struct ofconn *conns;
	enum connmgr_fail_mode fail_mode;
	bool election_id_defined;
	uint64_t election_id;
	struct poll_loop *loop;
	int timer_fd;
	int running;			/* connmgr_run() depth */
	uint64_t n_pin_dropped_gone;	/* of connections since freed */
};

int64_t connmgr_now(void);
/* For tests: a fake clock in place of CLOCK_MONOTONIC (NULL: the real
 * one). */
void connmgr_set_clock(int64_t (*now)(void));

/* ofconn.c */
struct ofconn *ofconn_create(struct connmgr *, struct connmgr_target *,
			     struct vconn *, bool primary);
void ofconn_destroy(struct ofconn *);
void ofconn_run(struct ofconn *, int64_t now);
int ofconn_timeout(const struct ofconn *, int64_t now);
void ofconn_update_watch(struct ofconn *);
bool ofconn_is_open(const struct ofconn *);
void ofconn_disconnect(struct ofconn *, const char *why);
/* Whether the connection takes asynchronous message 'msg' for 'reason'. */
bool ofconn_wants_async(const struct ofconn *, enum ofp_async_msg,
			unsigned reason);
void ofconn_send_async(struct ofconn *, struct bytebuf *msg);
void ofconn_send_packet_in(struct ofconn *, struct bytebuf *msg,
			   int64_t now);
/* Makes 'oc' take 'role', demoting another primary (with ROLE_STATUS). */
void ofconn_set_role(struct ofconn *, enum ofp_role);

/* connmgr.c */
/* A connection over 'stream', which it takes, as if accepted on the
 * management socket (or, if 'primary', opened to a controller): for tests
 * and the fuzzer. */
struct ofconn *connmgr_add_stream(struct connmgr *, struct stream *,
				  bool primary);
void connmgr_watch(struct connmgr *, struct connmgr_watch *, int fd,
		   short events);
void connmgr_unwatch(struct connmgr *, struct connmgr_watch *);
/* False if 'id' is older than the latest generation id seen (stale);
 * otherwise it becomes the latest. */
bool connmgr_update_election_id(struct connmgr *, uint64_t id);

/* ofconn-msgs.c: the messages of the connection layer that lib/ has no
 * encoder for, and the async configuration rules. */
void ofconn_default_async(uint8_t version, struct ofp_async_config *);
enum ofperr ofconn_apply_set_async(const struct ofpmsg *,
				   struct ofp_async_config *);
void ofconn_encode_async_reply(struct bytebuf *, const struct ofpmsg *req,
			       const struct ofp_async_config *);
bool ofconn_encode_role_status(struct bytebuf *, uint8_t version,
			       enum ofp_role, uint8_t reason,
			       uint64_t generation_id);
bool ofconn_encode_port_status(struct bytebuf *, uint8_t version,
			       uint8_t reason, const struct ofp_phy_port *);
uint8_t ofconn_wire_pin_reason(uint8_t reason, uint8_t version);

#endif
