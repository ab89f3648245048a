/* The connection manager: every OpenFlow connection of one bridge.
 *
 * It keeps the controllers it is configured with (active targets it
 * connects to, reconnecting with back-off; passive ones it listens on) and
 * the bridge's management socket <rundir>/<bridge>.mgmt, where the run
 * directory is $OVS_RUNDIR when set (as ovs-ofctl looks for it), else
 * Weir's own (dirs.h).  Connections opened by the bridge's own targets are
 * "primary"; those accepted from passive targets and the management socket
 * are "service" connections, which get asynchronous messages only once they
 * set a nonzero miss_send_len (as ovs-ofctl monitor does).
 *
 * The connection layer answers HELLO, echo, roles, async configuration,
 * the Nicira session settings and barriers itself (ofconn.h); every other
 * request goes to the handler.  Nothing here blocks: sends are queued with
 * bounds and the caller's loop calls connmgr_run() when something is
 * ready. */
#ifndef CONNMGR_H
#define CONNMGR_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-flow-removed.h"
#include "ofp-msgs.h"
#include "ofp-packet-in.h"
#include "ofp-port.h"
#include "ofp-role.h"

struct bytebuf;
struct connmgr;
struct ofconn;
struct poll_loop;

struct connmgr_handler {
	/* A request the connection layer does not answer itself: the daemon
	 * answers it with ofconn_send() and returns 0, or returns the error
	 * to send back. */
	enum ofperr (*handle)(void *aux, struct ofconn *,
			      const struct ofpmsg *);
	/* Called before answering a BARRIER_REQUEST: every earlier change
	 * must be visible in the datapath once it returns. */
	void (*sync)(void *aux);
};

enum connmgr_fail_mode {
	CONNMGR_FAIL_STANDALONE,	/* the default */
	CONNMGR_FAIL_SECURE,
};

/* Controller.connection_mode.  In-band control is not implemented: an
 * in-band controller is connected to as an out-of-band one. */
enum connmgr_connection_mode {
	CONNMGR_OUT_OF_BAND,
	CONNMGR_IN_BAND,
};

/* One row of the Controller table, as the daemon reads it. */
struct connmgr_controller {
	const char *target;		/* tcp: ssl: unix: ptcp: pssl: punix: */
	uint32_t versions;		/* OFP_VERSION_BIT()s; 0: OF1.0-1.5 */
	int max_backoff;		/* ms; 0: 8000 */
	int inactivity_probe;		/* ms; 0: 5000; < 0: never probe */
	enum connmgr_connection_mode mode;
	int rate_limit;			/* packet-ins/s; 0: unlimited */
	int burst_limit;		/* 0: rate_limit / 4 */
	enum ofp_role role;		/* on connecting; NOCHANGE: equal */
};

#define CONNMGR_ALL_VERSIONS 0x7eu	/* OpenFlow 1.0 to 1.5 */

/* Starts the management socket.  If it cannot listen there it says why in
 * the log and connmgr_mgmt_error(), and tries again on each
 * connmgr_set_versions(). */
struct connmgr *connmgr_create(const char *bridge_name,
			       const struct connmgr_handler *, void *aux);
void connmgr_destroy(struct connmgr *);
const char *connmgr_mgmt_path(const struct connmgr *);
const char *connmgr_mgmt_error(const struct connmgr *);	/* "" if none */

/* The versions the management socket accepts (Bridge.protocols). */
void connmgr_set_versions(struct connmgr *, uint32_t versions);

/* Replaces the controller list.  A target whose settings are all unchanged
 * keeps its connections; a changed or removed one is closed.  Returns 0,
 * or -EINVAL if a target is malformed (its status's last_error says why;
 * the others are still applied). */
int connmgr_set_controllers(struct connmgr *,
			    const struct connmgr_controller *, size_t n);
void connmgr_set_fail_mode(struct connmgr *, enum connmgr_fail_mode);
enum connmgr_fail_mode connmgr_get_fail_mode(const struct connmgr *);
/* True if a primary connection (an active controller) is up. */
bool connmgr_is_any_controller_connected(const struct connmgr *);
/* Whether a table miss should go to the controller by default. */
bool connmgr_wants_packet_in_on_miss(const struct connmgr *);

/* Does what is due: accepts, connects, receives and answers, probes,
 * sends queued packet-ins. */
void connmgr_run(struct connmgr *);
/* Milliseconds until connmgr_run() has timed work, -1 for none. */
int connmgr_timeout(const struct connmgr *);
/* From now on the connection manager runs from 'loop': it watches its own
 * descriptors (and a timer) there. */
int connmgr_attach(struct connmgr *, struct poll_loop *);
/* Brings what 'loop' watches up to date; called after connmgr_run() and
 * after sending from outside a loop callback. */
void connmgr_wait(struct connmgr *);

/* A packet for the controllers.  'pin.reason' may also be one of the
 * misses below; 'pin.buffer_id' is ignored (Weir does not buffer). */
enum {
	CONNMGR_PIN_IMPLICIT_MISS = 6,	/* no flow matched: OF1.0-1.2 miss */
	CONNMGR_PIN_EXPLICIT_MISS = 7,	/* a table-miss flow's controller */
};
struct connmgr_packet_in {
	struct ofp_packet_in pin;
	uint16_t max_len;		/* from the controller action */
	bool use_miss_send_len;		/* a miss: each connection's own */
	uint16_t controller_id;		/* only connections with this id */
};
void connmgr_send_packet_in(struct connmgr *,
			    const struct connmgr_packet_in *);
void connmgr_send_flow_removed(struct connmgr *,
			       const struct ofp_flow_removed *);
/* 'reason' is OFPPR_ADD (0), DELETE (1) or MODIFY (2). */
void connmgr_send_port_status(struct connmgr *, uint8_t reason,
			      const struct ofp_phy_port *);

/* REQUESTFORWARD: a group (reason 0) or meter (reason 1) modification that
 * 'source' made, for every other connection that asked for it in its
 * async config.  'encode' appends the modification as a whole message of
 * 'version' (with the request's xid). */
typedef void connmgr_encode_cb(struct bytebuf *, uint8_t version,
			       void *aux);
void connmgr_send_requestforward(struct connmgr *,
				 const struct ofconn *source, uint8_t reason,
				 connmgr_encode_cb *encode, void *aux);

/* Controller table status of one configured target. */
struct connmgr_controller_status {
	bool is_connected;
	enum ofp_role role;
	const char *state;		/* VOID BACKOFF CONNECTING ACTIVE IDLE */
	int sec_since_connect;		/* -1: never connected */
	int sec_since_disconnect;	/* -1: connected, or never was */
	char last_error[256];		/* "" if none */
};
/* False if 'target' is not configured. */
bool connmgr_get_controller_status(const struct connmgr *,
				   const char *target,
				   struct connmgr_controller_status *);

/* Packet-ins dropped, over all connections: rate limit or full queue. */
uint64_t connmgr_n_packet_in_dropped(const struct connmgr *);

#endif
