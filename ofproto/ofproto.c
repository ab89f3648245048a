/* A bridge's OpenFlow state: tables, ports, versions, timeouts, and the
 * transactions every change to the tables goes through. */
#include "ofproto-private.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bytebuf.h"
#include "ofp-flow-removed.h"
#include "ofp-table.h"
#include "xalloc.h"

static long long ofproto_monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct ofproto *ofproto_create(const char *name, uint64_t datapath_id,
			       uint8_t n_tables,
			       const struct ofproto_events *events, void *aux)
{
	struct ofproto *p = xcalloc(1, sizeof *p);

	if (!n_tables) {
		n_tables = OFPROTO_MAX_TABLES;
	}
	p->name = xstrdup(name);
	p->datapath_id = datapath_id;
	p->n_tables = n_tables;
	p->tables = xcalloc(n_tables, sizeof *p->tables);
	for (size_t i = 0; i < n_tables; i++) {
		oftable_init(&p->tables[i]);
	}
	p->version = CLS_MIN_VERSION;
	p->next_expiry = LLONG_MAX;
	id_map_init(&p->meters);
	id_map_init(&p->groups);
	if (events) {
		p->events = *events;
	}
	p->aux = aux;
	p->now_ms = ofproto_monotonic_ms;
	return p;
}

void ofproto_destroy(struct ofproto *p)
{
	if (!p) {
		return;
	}
	ofproto_bundles_destroy(p);
	id_map_clear(&p->meters);
	id_map_clear(&p->groups);
	for (size_t i = 0; i < p->n_tables; i++) {
		oftable_destroy(&p->tables[i]);
	}
	free(p->tables);
	free(p->ports);
	free(p->port_added_ms);
	free(p->name);
	free(p);
}

const char *ofproto_name(const struct ofproto *p)
{
	return p->name;
}

uint8_t ofproto_n_tables(const struct ofproto *p)
{
	return p->n_tables;
}

void ofproto_set_datapath_id(struct ofproto *p, uint64_t datapath_id)
{
	p->datapath_id = datapath_id;
}

void ofproto_set_clock(struct ofproto *p, long long (*now_ms)(void))
{
	p->now_ms = now_ms ? now_ms : ofproto_monotonic_ms;
}

long long ofproto_now(const struct ofproto *p)
{
	return p->now_ms();
}

/* Ports. */

static struct ofp_phy_port *ofproto_port_lookup(const struct ofproto *p,
						uint32_t ofp_port)
{
	for (size_t i = 0; i < p->n_ports; i++) {
		if (of_port_from_of10(p->ports[i].port_no) == ofp_port) {
			return &p->ports[i];
		}
	}
	return NULL;
}

const struct ofp_phy_port *ofproto_port_find(const struct ofproto *p,
					     uint32_t ofp_port)
{
	return ofproto_port_lookup(p, ofp_port);
}

int ofproto_port_set(struct ofproto *p, const struct ofp_phy_port *port)
{
	struct ofp_phy_port *slot;

	if (!port->port_no
	    || (port->port_no >= OFPP_MAX && port->port_no != OFPP_LOCAL)) {
		return EINVAL;
	}
	slot = ofproto_port_lookup(p, of_port_from_of10(port->port_no));
	if (!slot) {
		p->ports = xgrow_n(p->ports, &p->allocated_ports,
				   p->n_ports + 1, sizeof *p->ports);
		p->port_added_ms = xrealloc(p->port_added_ms,
					    p->allocated_ports
					    * sizeof *p->port_added_ms);
		p->port_added_ms[p->n_ports] = ofproto_now(p);
		slot = &p->ports[p->n_ports++];
	}
	*slot = *port;
	slot->name[sizeof slot->name - 1] = '\0';
	return 0;
}

void ofproto_port_remove(struct ofproto *p, uint32_t ofp_port)
{
	struct ofp_phy_port *port = ofproto_port_lookup(p, ofp_port);

	if (port) {
		size_t i = port - p->ports;

		*port = p->ports[--p->n_ports];
		p->port_added_ms[i] = p->port_added_ms[p->n_ports];
	}
}

/* When 'ofp_port' became a port of 'p', or -1 if it is none. */
long long ofproto_port_added_ms(const struct ofproto *p, uint32_t ofp_port)
{
	const struct ofp_phy_port *port = ofproto_port_lookup(p, ofp_port);

	return port ? p->port_added_ms[port - p->ports] : -1;
}

uint32_t ofproto_max_ports(const struct ofproto *p)
{
	(void) p;
	return OFPP_MAX;
}

/* Versions and lookups, for translation. */

cls_version_t ofproto_version(const struct ofproto *p)
{
	return __atomic_load_n(&p->version, __ATOMIC_ACQUIRE);
}

const struct rule *ofproto_rule_lookup(const struct ofproto *p,
				       uint8_t table_id, cls_version_t version,
				       const struct of_flow *flow,
				       struct of_flow *wc)
{
	const struct cls_rule *cr;

	if (table_id >= p->n_tables) {
		return NULL;
	}
	cr = classifier_lookup(&p->tables[table_id].cls, version, flow, wc);
	return cr ? rule_from_cls(cr) : NULL;
}

void ofproto_table_credit(struct ofproto *p, uint8_t table_id,
			  uint64_t lookups, uint64_t matched)
{
	struct oftable *t;

	if (table_id >= p->n_tables) {
		return;
	}
	t = &p->tables[table_id];
	__atomic_add_fetch(&t->n_lookup, lookups, __ATOMIC_RELAXED);
	__atomic_add_fetch(&t->n_matched, matched, __ATOMIC_RELAXED);
}

void ofproto_table_count_lookup(struct ofproto *p, uint8_t table_id, bool hit)
{
	ofproto_table_credit(p, table_id, 1, hit);
}

/* Transactions. */

void ofproto_txn_begin(struct ofproto_txn *txn, struct ofproto *p)
{
	memset(txn, 0, sizeof *txn);
	txn->ofproto = p;
	txn->version = p->version + 1;
}

static void ofproto_txn_log(struct ofproto_txn *txn, struct rule *rule,
			    uint8_t kind, uint8_t reason, bool modify)
{
	struct ofproto_op *op;

	txn->ops = xgrow_n(txn->ops, &txn->allocated_ops, txn->n_ops + 1,
			   sizeof *txn->ops);
	op = &txn->ops[txn->n_ops++];
	op->rule = rule;
	op->kind = kind;
	op->reason = reason;
	op->modify = modify;
}

void ofproto_txn_add_rule(struct ofproto_txn *txn, struct rule *rule,
			  bool modify, const struct cls_conjunction *conj,
			  size_t n_conj)
{
	struct oftable *t = &txn->ofproto->tables[rule->table_id];
	uint8_t reason;
	long long expiry = rule_expiry(rule, &reason);

	/* Idle deadlines only move later: the minimum stays a safe bound. */
	if (expiry < txn->ofproto->next_expiry) {
		txn->ofproto->next_expiry = expiry;
	}
	classifier_insert(&t->cls, &rule->cr, txn->version, conj, n_conj);
	t->n_rules++;
	ofproto_txn_log(txn, rule, OFPROTO_OP_ADD, 0, modify);
}

void ofproto_txn_remove_rule(struct ofproto_txn *txn, struct rule *rule,
			     uint8_t reason)
{
	struct oftable *t = &txn->ofproto->tables[rule->table_id];

	cls_rule_make_invisible_in_version(&rule->cr, txn->version);
	t->n_rules--;
	ofproto_txn_log(txn, rule, OFPROTO_OP_REMOVE, reason, false);
}

static void ofproto_rule_take_out(struct ofproto *p, struct rule *rule)
{
	if (!rule->removed) {
		classifier_remove(&p->tables[rule->table_id].cls, &rule->cr);
		rule->removed = true;
	}
}

void ofproto_txn_abort(struct ofproto_txn *txn)
{
	struct ofproto *p = txn->ofproto;

	for (size_t i = txn->n_ops; i-- > 0;) {
		struct ofproto_op *op = &txn->ops[i];
		struct oftable *t = &p->tables[op->rule->table_id];

		if (op->kind == OFPROTO_OP_ADD) {
			ofproto_rule_take_out(p, op->rule);
			t->n_rules--;
			rule_unref(op->rule);
		} else {
			cls_rule_restore_visibility(&op->rule->cr);
			t->n_rules++;
		}
	}
	free(txn->ops);
	txn->ops = NULL;
	txn->n_ops = 0;
}

static void ofproto_txn_report(struct ofproto_txn *txn)
{
	struct ofproto *p = txn->ofproto;
	const struct rule **lists[3];
	size_t n[3] = { 0, 0, 0 };
	struct ofproto_change change;

	if (!p->events.tables_changed || !txn->n_ops) {
		return;
	}
	for (int k = 0; k < 3; k++) {
		lists[k] = xcalloc(txn->n_ops, sizeof *lists[k]);
	}
	for (size_t i = 0; i < txn->n_ops; i++) {
		const struct ofproto_op *op = &txn->ops[i];
		int k = op->kind == OFPROTO_OP_REMOVE ? 2 : op->modify ? 1 : 0;

		lists[k][n[k]++] = op->rule;
	}
	change.added = lists[0];
	change.n_added = n[0];
	change.modified = lists[1];
	change.n_modified = n[1];
	change.removed = lists[2];
	change.n_removed = n[2];
	p->events.tables_changed(p->aux, &change);
	for (int k = 0; k < 3; k++) {
		free(lists[k]);
	}
}

void ofproto_txn_commit(struct ofproto_txn *txn)
{
	struct ofproto *p = txn->ofproto;

	if (!txn->n_ops) {
		free(txn->ops);
		return;
	}
	__atomic_store_n(&p->version, txn->version, __ATOMIC_RELEASE);
	ofproto_txn_report(txn);
	for (size_t i = 0; i < txn->n_ops; i++) {
		struct ofproto_op *op = &txn->ops[i];
		struct rule *rule = op->rule;

		if (op->kind != OFPROTO_OP_REMOVE) {
			continue;
		}
		if (op->reason != OFPROTO_RR_REPLACED
		    && rule->flags & OFP_FF_SEND_FLOW_REM
		    && p->events.flow_removed) {
			p->events.flow_removed(p->aux, rule, op->reason);
		}
		ofproto_rule_take_out(p, rule);
		rule_unref(rule);
	}
	free(txn->ops);
	txn->ops = NULL;
	txn->n_ops = 0;
}

/* Timeouts. */

long long ofproto_run(struct ofproto *p, long long now_ms)
{
	long long next = LLONG_MAX;
	struct ofproto_txn txn;

	if (now_ms < p->next_expiry) {
		return p->next_expiry;
	}
	ofproto_txn_begin(&txn, p);
	for (size_t i = 0; i < p->n_tables; i++) {
		const struct cls_rule *cr;

		if (!p->tables[i].n_rules) {
			continue;
		}
		CLS_FOR_EACH_TARGET (cr, cursor, &p->tables[i].cls, NULL,
				     txn.version) {
			struct rule *rule = rule_from_cls(cr);
			uint8_t reason = 0;
			long long when = rule_expiry(rule, &reason);

			if (when <= now_ms) {
				ofproto_txn_remove_rule(&txn, rule, reason);
			} else if (when < next) {
				next = when;
			}
		}
	}
	ofproto_txn_commit(&txn);
	p->next_expiry = next;
	return next;
}

/* Replies. */

void ofproto_replies_init(struct ofproto_replies *r)
{
	memset(r, 0, sizeof *r);
}

void ofproto_replies_destroy(struct ofproto_replies *r)
{
	for (size_t i = 0; i < r->n; i++) {
		bytebuf_uninit(&r->msgs[i]);
	}
	free(r->msgs);
	memset(r, 0, sizeof *r);
}

struct bytebuf *ofproto_replies_add(struct ofproto_replies *r)
{
	struct bytebuf *b;

	r->msgs = xgrow_n(r->msgs, &r->allocated, r->n + 1, sizeof *r->msgs);
	b = &r->msgs[r->n++];
	bytebuf_init(b);
	return b;
}
