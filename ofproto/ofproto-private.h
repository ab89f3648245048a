/* Inside a bridge's OpenFlow state: shared by ofproto.c, flow-mod.c,
 * table.c, bundle.c and ofproto-handle.c, not by anyone else. */
#ifndef OFPROTO_PRIVATE_H
#define OFPROTO_PRIVATE_H 1

#include "classifier.h"
#include "id-map.h"
#include "ofp-flow-mod.h"
#include "ofp-switch.h"
#include "ofproto.h"
#include "rule.h"

struct oftable {
	struct classifier cls;
	uint32_t n_rules;	/* visible in the version being built */
	uint32_t max_flows;
	bool eviction;		/* evict instead of OFPFMFC_TABLE_FULL */
	uint8_t miss_config;	/* enum ofp_table_miss, as 1.1-1.2 set it */
	bool vacancy;
	uint8_t vacancy_down, vacancy_up;
	uint64_t n_lookup;	/* atomic */
	uint64_t n_matched;	/* atomic */
};

struct ofproto_bundle;

struct ofproto {
	char *name;
	uint64_t datapath_id;
	uint8_t n_tables;
	struct oftable *tables;
	cls_version_t version;	/* published; atomic for readers */
	struct ofp_phy_port *ports;
	long long *port_added_ms;	/* when each of 'ports' came */
	size_t n_ports, allocated_ports;
	uint16_t frag_flags;	/* OFPC_FRAG_* */
	struct ofproto_events events;
	void *aux;
	long long (*now_ms)(void);
	struct ofproto_bundle *bundles;	/* open bundles, a list */
	long long next_expiry;	/* no rule expires before; LLONG_MAX */
	struct id_map meters;	/* of struct meter_node */
	struct id_map groups;	/* of struct group_node */
};

/* What a change did, in the order done, so it can be undone exactly. */
enum ofproto_op_kind { OFPROTO_OP_ADD, OFPROTO_OP_REMOVE };

struct ofproto_op {
	struct rule *rule;
	uint8_t kind;		/* enum ofproto_op_kind */
	uint8_t reason;		/* REMOVE: OFPRR_*, or OFPROTO_RR_REPLACED */
	bool modify;		/* ADD: replaces a rule with the same match */
};

/* A removal that is a replacement: no FLOW_REMOVED. */
#define OFPROTO_RR_REPLACED 0xff

/* A change being built at version 'version' (the published one + 1). */
struct ofproto_txn {
	struct ofproto *ofproto;
	cls_version_t version;
	struct ofproto_op *ops;
	size_t n_ops, allocated_ops;
};

long long ofproto_now(const struct ofproto *);
void ofproto_txn_begin(struct ofproto_txn *, struct ofproto *);
/* Publishes the new version, then frees what was removed. */
void ofproto_txn_commit(struct ofproto_txn *);
/* Undoes every op, newest first; the tables are as before begin. */
void ofproto_txn_abort(struct ofproto_txn *);
void ofproto_txn_add_rule(struct ofproto_txn *, struct rule *, bool modify,
			  const struct cls_conjunction *, size_t n_conj);
void ofproto_txn_remove_rule(struct ofproto_txn *, struct rule *,
			     uint8_t reason);

/* flow-mod.c */
enum ofperr ofproto_flow_mod_check(const struct ofproto *,
				   struct of_flow_mod *);
/* 'version' is the wire version the flow_mod came in (cookie rules). */
enum ofperr ofproto_flow_mod_apply(struct ofproto_txn *,
				   const struct of_flow_mod *,
				   uint8_t version);
/* OpenFlow 1.0 and NXT flow_mods carry a table id in the command's upper
 * byte only once the connection enabled it (the _TID protocols); before,
 * that byte must be 0 and the table is "any". */
enum ofperr ofproto_flow_mod_fix_table(struct of_flow_mod *,
				       const struct ofpmsg *,
				       enum ofp_protocol);
/* OFPMMFC_INVALID_METER or OFPBAC_BAD_OUT_GROUP if 'acts' name a meter
 * or group that does not exist. */
enum ofperr ofproto_check_action_refs(const struct ofproto *,
				      const void *acts, size_t len);
/* Checks and applies one flow_mod as its own change. */
enum ofperr ofproto_flow_mod(struct ofproto *, struct of_flow_mod *,
			     uint8_t version);

/* Rule selection for modify, delete and stats requests. */
struct ofproto_criteria {
	const struct of_match *match;
	int priority;		/* strict only */
	bool strict;
	uint8_t table_id;	/* OFPTT_ALL: every table */
	uint64_t cookie, cookie_mask;
	uint32_t out_port, out_group;	/* 1.1+ numbering; ANY: no filter */
};

struct rule_list {
	struct rule **rules;
	size_t n, allocated;
};

void rule_list_destroy(struct rule_list *);
/* Rules of 'c' visible in 'version'; hidden rules are never selected. */
enum ofperr ofproto_collect_rules(const struct ofproto *,
				  const struct ofproto_criteria *,
				  cls_version_t, struct rule_list *);
bool ofproto_check_table_id(const struct ofproto *, uint8_t table_id);

/* The actions tables and groups support, as OVS advertises them, in the
 * numbering of OpenFlow 1.2+ (output, the MPLS, VLAN and TTL actions,
 * set_queue, group, set_field). */
#define OFPROTO_ACTIONS_OF12 0x3ff8001u

/* Port numbers (1.1+ numbering) a rule may output to. */
uint32_t ofproto_max_ports(const struct ofproto *);
long long ofproto_port_added_ms(const struct ofproto *, uint32_t ofp_port);

/* Replies (ofproto-handle.c).  A multipart reply grows entry by entry and
 * continues in a new message, the previous one flagged MORE, when the
 * next entry would take a message past 64 KiB. */
struct bytebuf *ofproto_replies_add(struct ofproto_replies *);

struct ofproto_mp {
	struct ofproto_replies *replies;
	enum ofptype type;
	uint8_t version;
	uint32_t xid;
	struct bytebuf *cur;
};

void ofproto_mp_start(struct ofproto_mp *, struct ofproto_replies *,
		      enum ofptype reply_type, const struct ofpmsg *request);
/* The message to append an entry of 'len' bytes to. */
struct bytebuf *ofproto_mp_room(struct ofproto_mp *, size_t len);
void ofproto_mp_append(struct ofproto_mp *, const void *, size_t len);
void ofproto_mp_finish(struct ofproto_mp *);

/* table.c */
void oftable_init(struct oftable *);
void oftable_destroy(struct oftable *);
struct rule *oftable_choose_eviction(const struct oftable *, cls_version_t);
enum ofperr ofproto_handle_table_mod(struct ofproto *, const struct ofpmsg *);
enum ofperr ofproto_handle_table_stats(struct ofproto *, const struct ofpmsg *,
				       struct ofproto_replies *);
enum ofperr ofproto_handle_table_desc(struct ofproto *, const struct ofpmsg *,
				      struct ofproto_replies *);
enum ofperr ofproto_handle_table_features(struct ofproto *,
					  const struct ofpmsg *,
					  struct ofproto_replies *);

/* meter.c */
enum ofperr ofproto_handle_meter_mod(struct ofproto *, const struct ofpmsg *);
enum ofperr ofproto_handle_meter_request(struct ofproto *,
					 const struct ofpmsg *,
					 struct ofproto_replies *);

/* group.c */
enum ofperr ofproto_handle_group_mod(struct ofproto *, const struct ofpmsg *);
enum ofperr ofproto_handle_group_request(struct ofproto *,
					 const struct ofpmsg *,
					 struct ofproto_replies *);

/* Changes the groups; a deleted group's rules go in 'txn'.  On error
 * nothing changed. */
enum ofperr ofproto_group_mod_apply(struct ofproto_txn *,
				    const struct ofp_group_mod *);
/* Removes in 'txn' the rules whose actions name one of 'ids' (sorted) as
 * their meter or, if 'groups', as a group they output to; the second
 * does it as a change of its own. */
void ofproto_txn_remove_rules_using(struct ofproto_txn *, const uint32_t *ids,
				    size_t n, bool groups);
void ofproto_delete_rules_using(struct ofproto *, const uint32_t *ids,
				size_t n, bool groups);

/* bundle.c */
enum ofperr ofproto_handle_bundle_control(struct ofproto *,
					  const struct ofpmsg *,
					  const struct ofproto_conn *,
					  struct ofproto_replies *);
enum ofperr ofproto_handle_bundle_add(struct ofproto *, const struct ofpmsg *,
				      const struct ofproto_conn *);
void ofproto_bundles_destroy(struct ofproto *);

#endif
