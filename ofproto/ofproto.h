/* A bridge's OpenFlow state: its tables of rules, ports as OpenFlow sees
 * them, and the handling of the requests that read or change that state.
 *
 * Changes are versioned: a flow_mod (or a whole multi-rule change) is made
 * at version V+1 and then published, so translation, reading the tables
 * lock-free at the published version, never sees half a change.  One thread
 * (the daemon's main loop) calls everything here except the reader
 * functions marked for translation. */
#ifndef OFPROTO_H
#define OFPROTO_H 1

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "classifier.h"
#include "ofp-errors.h"
#include "ofp-group-mod.h"
#include "ofp-msgs.h"
#include "ofp-port.h"
#include "ofp-protocol.h"

struct bytebuf;
struct dpif_port_stats;
struct ofp_packet_out;
struct ofproto;
struct rule;

/* Who is asking; filled in by the connection layer. */
struct ofproto_conn {
	enum ofp_protocol protocol;
	uint8_t version;
	bool is_slave;		/* may not change state: OFPBRC_IS_SECONDARY */
	uint64_t id;		/* bundles belong to a connection */
	uint16_t miss_send_len;	/* the connection's, for GET_CONFIG */
};

/* The replies to one request, in order; multipart replies are already
 * split at 64 KiB with the MORE flag. */
struct ofproto_replies {
	struct bytebuf *msgs;
	size_t n, allocated;
};

void ofproto_replies_init(struct ofproto_replies *);
void ofproto_replies_destroy(struct ofproto_replies *);

/* What one committed change did to the tables, for revalidation.  A
 * modified rule (or one an add replaced) is a new rule object taking the
 * place of an old one: the new one is in 'modified', the old one in
 * 'removed' with the rules deleted.  Every rule listed stays readable
 * until the hook returns. */
struct ofproto_change {
	const struct rule *const *added;
	size_t n_added;
	const struct rule *const *modified;
	size_t n_modified;
	const struct rule *const *removed;
	size_t n_removed;
};

/* The daemon's hooks; any may be NULL. */
struct ofproto_events {
	/* Before the rule is freed. */
	void (*flow_removed)(void *aux, const struct rule *, uint8_t reason);
	/* Called synchronously after each change is committed. */
	void (*tables_changed)(void *aux, const struct ofproto_change *);
	/* A validated PACKET_OUT to translate and execute. */
	enum ofperr (*packet_out)(void *aux, const struct ofp_packet_out *);
	void (*port_mod)(void *aux, uint32_t ofp_port, uint32_t config,
			 uint32_t mask);
	/* Port counters for port stats (what the datapath keeps). */
	int (*port_stats)(void *aux, uint32_t ofp_port,
			  struct dpif_port_stats *);
};

/* Tables 0-253, as OVS: 254 is its hidden internal table, which a switch
 * reports in no reply and controllers may not write (OFPBRC_EPERM). */
#define OFPROTO_MAX_TABLES 254

struct ofproto *ofproto_create(const char *name, uint64_t datapath_id,
			       uint8_t n_tables, const struct ofproto_events *,
			       void *aux);
void ofproto_destroy(struct ofproto *);
const char *ofproto_name(const struct ofproto *);
/* The id FEATURES_REPLY gives (the bridge's, which may change). */
void ofproto_set_datapath_id(struct ofproto *, uint64_t datapath_id);
uint8_t ofproto_n_tables(const struct ofproto *);

/* Flows of the switch itself (in-band control, fail-open, NORMAL for
 * standalone mode) in table 0.  A priority above 65535 makes the flow
 * hidden: controllers can neither see nor change it.  Add replaces a flow
 * with the same match and priority.  0 or the OpenFlow error (actions
 * checked as a flow_mod's). */
enum ofperr ofproto_add_flow(struct ofproto *, const struct of_match *,
			     int priority, const void *ofpacts, size_t len);
/* True if such a flow existed. */
bool ofproto_delete_flow(struct ofproto *, const struct of_match *,
			 int priority);

/* The Flow_Table settings: at most 'max_flows' rules (0: no limit), and
 * past it refuse with TABLE_FULL or, with 'eviction', evict as OVS does: a
 * rule with a timeout, the least important, then the soonest to expire.
 * -1 if there is no such table. */
int ofproto_table_set_limit(struct ofproto *, uint8_t table_id,
			    uint32_t max_flows, bool eviction);

/* Ports are the daemon's: it says which exist (1.0 port numbers in
 * 'port_no', as struct ofp_phy_port has them: 1 to 0xfeff, or LOCAL).
 * 0 or an errno value. */
int ofproto_port_set(struct ofproto *, const struct ofp_phy_port *);
void ofproto_port_remove(struct ofproto *, uint32_t ofp_port);
const struct ofp_phy_port *ofproto_port_find(const struct ofproto *,
					     uint32_t ofp_port);
/* Appends 'port' in the wire form of 'version' (ofp10_phy_port,
 * ofp11_port, ofp14_port with its Ethernet property), as FEATURES_REPLY,
 * the port description reply and PORT_STATUS carry it. */
void ofproto_port_desc_put(struct bytebuf *, uint8_t version,
			   const struct ofp_phy_port *);

/* Handles one request (everything but hello, echo, role, async config,
 * set-format and barrier, which the connection layer answers).  0: handled,
 * 'replies' has the replies (maybe none); else the error to send, and
 * nothing changed.  One exception, as in OVS: a bundle commit that fails
 * with OFPBFC_MSG_FAILED leaves in 'replies' the error for the message
 * that failed, to send first. */
enum ofperr ofproto_handle(struct ofproto *, const struct ofpmsg *,
			   const struct ofproto_conn *,
			   struct ofproto_replies *);

/* A connection went away: its open bundles are discarded. */
void ofproto_conn_closed(struct ofproto *, uint64_t conn_id);

/* Expires idle and hard timeouts as of 'now_ms' (idle uses each rule's
 * last-used time).  Returns when to call again: no rule expires before
 * (LLONG_MAX: none has a timeout); until then the call costs nothing. */
long long ofproto_run(struct ofproto *, long long now_ms);
/* The clock rules are stamped with (monotonic ms); tests may set it. */
void ofproto_set_clock(struct ofproto *, long long (*now_ms)(void));

/* For translation (RCU readers, lock-free). */
cls_version_t ofproto_version(const struct ofproto *);
const struct rule *ofproto_rule_lookup(const struct ofproto *,
				       uint8_t table_id, cls_version_t,
				       const struct of_flow *,
				       struct of_flow *wc);
/* A meter as translation and the datapath need it: readable under RCU
 * until the next grace period after it is replaced or deleted. */
#define OFPROTO_METER_MAX_BANDS 8
#define OFPROTO_METER_MAX 262144	/* meters a bridge holds, as OVS */

struct ofproto_meter_band {
	uint16_t type;		/* OFPMBT13_DROP */
	uint32_t rate;
	uint32_t burst_size;
	uint64_t packets, bytes;	/* atomic */
};

struct ofproto_meter {
	uint32_t id;
	uint16_t flags;		/* OFPMF13_* */
	size_t n_bands;
	struct ofproto_meter_band bands[OFPROTO_METER_MAX_BANDS];
	long long created_ms;
	uint64_t packets, bytes;	/* atomic */
};

const struct ofproto_meter *ofproto_meter_lookup(const struct ofproto *,
						 uint32_t meter_id);
/* Counts traffic a meter saw, and what band 'band' (or -1: none) hit. */
void ofproto_meter_credit(const struct ofproto_meter *, uint64_t packets,
			  uint64_t bytes, int band);

/* A group, readable by translation under RCU like a meter. */
struct ofproto_bucket {
	uint32_t bucket_id;
	uint16_t weight;
	uint32_t watch_port, watch_group;	/* 1.1+ numbering */
	const void *ofpacts;
	size_t ofpacts_len;
	uint64_t packets, bytes;	/* atomic */
};

struct ofproto_group {
	uint32_t id;
	uint8_t type;			/* enum ofp_group_type */
	size_t n_buckets;
	struct ofproto_bucket *buckets;
	struct ofp_group_props props;	/* selection method (1.5) */
	long long created_ms;
	uint64_t packets, bytes;	/* atomic */
};

const struct ofproto_group *ofproto_group_lookup(const struct ofproto *,
						 uint32_t group_id);
/* Counts traffic through a group and its bucket 'bucket' (or -1). */
void ofproto_group_credit(const struct ofproto_group *, int bucket,
			  uint64_t packets, uint64_t bytes);

/* What a miss in 'table_id' does as OpenFlow 1.1/1.2 TABLE_MOD set it
 * (enum ofp_table_miss; DEFAULT: the version's own rule). */
int ofproto_table_miss(const struct ofproto *, uint8_t table_id);

/* Counts one lookup in 'table_id', and whether it matched. */
void ofproto_table_count_lookup(struct ofproto *, uint8_t table_id,
				bool hit);
/* Counts 'lookups' lookups in 'table_id', 'matched' of them matching
 * (statistics pushed from datapath flows). */
void ofproto_table_credit(struct ofproto *, uint8_t table_id,
			  uint64_t lookups, uint64_t matched);

#endif
