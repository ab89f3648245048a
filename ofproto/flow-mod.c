/* FLOW_MOD semantics: add, modify and delete, strict and loose, each made
 * at the version being built so that a whole request (or bundle) becomes
 * visible at once. */
#include "ofproto-private.h"

#include <stdlib.h>

#include "bytebuf.h"
#include "ofp-actions.h"
#include "ofp-flow-removed.h"
#include "ofp-port.h"
#include "ofp-table.h"
#include "xalloc.h"

/* Internal rules (in-band, fail-open) sit above every OpenFlow priority;
 * controllers neither see nor touch them. */
static bool rule_is_hidden(const struct rule *rule)
{
	return rule->cr.priority > UINT16_MAX;
}

bool ofproto_check_table_id(const struct ofproto *p, uint8_t table_id)
{
	return table_id == OFPTT_ALL || table_id < p->n_tables;
}

void rule_list_destroy(struct rule_list *list)
{
	free(list->rules);
	list->rules = NULL;
	list->n = list->allocated = 0;
}

static void rule_list_push(struct rule_list *list, struct rule *rule)
{
	list->rules = xgrow_n(list->rules, &list->allocated, list->n + 1,
			      sizeof *list->rules);
	list->rules[list->n++] = rule;
}

static bool criteria_selects(const struct ofproto_criteria *c,
			     const struct rule *rule)
{
	if (rule_is_hidden(rule)
	    || ((rule->cookie ^ c->cookie) & c->cookie_mask)
	    || !rule_has_out_port(rule, c->out_port)
	    || !rule_has_out_group(rule, c->out_group)) {
		return false;
	}
	return !c->strict || (rule->cr.priority == c->priority
			      && of_match_equal(rule->cr.match, c->match));
}

enum ofperr ofproto_collect_rules(const struct ofproto *p,
				  const struct ofproto_criteria *c,
				  cls_version_t version, struct rule_list *out)
{
	if (!ofproto_check_table_id(p, c->table_id)) {
		return OFPERR_OFPBRC_BAD_TABLE_ID;
	}
	for (size_t i = 0; i < p->n_tables; i++) {
		const struct oftable *t = &p->tables[i];
		const struct cls_rule *cr;

		if ((c->table_id != OFPTT_ALL && c->table_id != i)
		    || !t->n_rules) {
			continue;
		}
		if (c->strict) {
			cr = classifier_find_match_exactly(&t->cls, c->match,
							   c->priority,
							   version);
			if (cr && criteria_selects(c, rule_from_cls(cr))) {
				rule_list_push(out, rule_from_cls(cr));
			}
			continue;
		}
		CLS_FOR_EACH_TARGET (cr, cursor, &t->cls, c->match, version) {
			if (criteria_selects(c, rule_from_cls(cr))) {
				rule_list_push(out, rule_from_cls(cr));
			}
		}
	}
	return 0;
}

/* Meters and groups the actions name must exist when the change is made
 * (for a bundle: at commit, as in OVS). */
enum ofperr ofproto_check_action_refs(const struct ofproto *p,
				      const void *acts, size_t len)
{
	const struct ofpact *a;

	OFPACT_FOR_EACH(a, acts, len) {
		if (a->type == OFPACT_METER
		    && !ofproto_meter_lookup(
			    p, ((const struct ofpact_u32 *) a)->value)) {
			return OFPERR_OFPMMFC_INVALID_METER;
		}
		if (a->type == OFPACT_GROUP
		    && !ofproto_group_lookup(
			    p, ((const struct ofpact_u32 *) a)->value)) {
			return OFPERR_OFPBAC_BAD_OUT_GROUP;
		}
		if (a->type == OFPACT_WRITE_ACTIONS
		    || a->type == OFPACT_CLONE) {
			enum ofperr error = ofproto_check_action_refs(
				p, ofpact_nest_actions(a), ofpact_nest_len(a));

			if (error) {
				return error;
			}
		}
	}
	return 0;
}

enum ofperr ofproto_flow_mod_check(const struct ofproto *p,
				   struct of_flow_mod *fm)
{
	uint8_t table_id = fm->table_id;
	enum ofperr error;

	if (fm->command > OFPFC_DELETE_STRICT) {
		return OFPERR_OFPFMFC_BAD_COMMAND;
	}
	if (table_id == OFPROTO_MAX_TABLES) {
		return OFPERR_OFPBRC_EPERM;	/* OVS's hidden table */
	}
	if (!ofproto_check_table_id(p, table_id)) {
		return OFPERR_OFPBRC_BAD_TABLE_ID;
	}
	if (fm->command == OFPFC_DELETE || fm->command == OFPFC_DELETE_STRICT) {
		return 0;
	}
	if (table_id == OFPTT_ALL) {
		table_id = 0;
	}
	error = ofpacts_check((void *) fm->ofpacts, fm->ofpacts_len,
			      &fm->match, ofproto_max_ports(p),
			      table_id, p->n_tables);
	if (!error && fm->buffer_id != OFP_NO_BUFFER) {
		error = OFPERR_OFPBRC_BUFFER_UNKNOWN;
	}
	return error;
}

static struct rule *flow_mod_new_rule(const struct ofproto_txn *txn,
				      const struct of_flow_mod *fm,
				      const struct of_match *match,
				      int priority, uint8_t table_id)
{
	struct rule_actions *ra = rule_actions_create(fm->ofpacts,
						      fm->ofpacts_len);
	struct rule *rule = rule_create(match, priority, table_id, ra,
					ofproto_now(txn->ofproto));

	rule->cookie = fm->new_cookie == OFP_COOKIE_NONE ? 0 : fm->new_cookie;
	rule->idle_timeout = fm->idle_timeout;
	rule->hard_timeout = fm->hard_timeout;
	rule->importance = fm->importance;
	rule->flags = fm->flags;
	return rule;
}

/* The conjunction clauses of 'acts', for the classifier; NULL if none. */
static struct cls_conjunction *flow_mod_conjs(const void *acts, size_t len,
					      size_t *n)
{
	struct cls_conjunction *conjs = NULL;
	size_t allocated = 0;
	const struct ofpact *a;

	*n = 0;
	OFPACT_FOR_EACH(a, acts, len) {
		const struct ofpact_conjunction *oc;

		if (a->type != OFPACT_CONJUNCTION) {
			continue;
		}
		oc = (const struct ofpact_conjunction *) a;
		conjs = xgrow_n(conjs, &allocated, *n + 1, sizeof *conjs);
		conjs[*n].id = oc->id;
		conjs[*n].clause = oc->clause;
		conjs[(*n)++].n_clauses = oc->n_clauses;
	}
	return conjs;
}

static void flow_mod_insert(struct ofproto_txn *txn, struct rule *rule,
			    bool modify)
{
	const struct rule_actions *ra = rule_get_actions(rule);
	size_t n_conj;
	struct cls_conjunction *conjs = flow_mod_conjs(ra->ofpacts, ra->len,
						       &n_conj);

	ofproto_txn_add_rule(txn, rule, modify, conjs, n_conj);
	free(conjs);
}

/* 'new' takes the place of 'old': same match, carried-over state. */
static void flow_mod_replace(struct ofproto_txn *txn,
			     const struct of_flow_mod *fm, struct rule *old,
			     struct rule *new, bool change_cookie)
{
	struct rule_stats s;

	if (fm->command != OFPFC_ADD) {
		new->idle_timeout = old->idle_timeout;
		new->hard_timeout = old->hard_timeout;
		new->importance = old->importance;
		new->flags = old->flags;
		new->created_ms = old->created_ms;
	}
	if (!change_cookie) {
		new->cookie = old->cookie;
	}
	if (!(fm->flags & OFP_FF_RESET_COUNTS)) {
		rule_get_stats(old, &s);
		new->packets = s.packets;
		new->bytes = s.bytes;
		new->used_ms = s.used_ms;
	}
	ofproto_txn_remove_rule(txn, old, OFPROTO_RR_REPLACED);
	flow_mod_insert(txn, new, true);
}

static enum ofperr flow_mod_add(struct ofproto_txn *txn,
				const struct of_flow_mod *fm)
{
	struct ofproto *p = txn->ofproto;
	uint8_t table_id = fm->table_id == OFPTT_ALL ? 0 : fm->table_id;
	struct oftable *t = &p->tables[table_id];
	struct rule *rule = flow_mod_new_rule(txn, fm, &fm->match, fm->priority,
					      table_id);
	const struct cls_rule *old;

	old = classifier_find_rule_exactly(&t->cls, &rule->cr, txn->version);
	if (old) {
		flow_mod_replace(txn, fm, rule_from_cls(old), rule,
				 fm->new_cookie != OFP_COOKIE_NONE);
		return 0;
	}
	if (fm->flags & OFP_FF_CHECK_OVERLAP
	    && classifier_rule_overlaps(&t->cls, &rule->cr, txn->version)) {
		rule_unref(rule);
		return OFPERR_OFPFMFC_OVERLAP;
	}
	if (t->n_rules >= t->max_flows) {
		struct rule *victim = t->eviction
			? oftable_choose_eviction(t, txn->version) : NULL;

		if (!victim) {
			rule_unref(rule);
			return OFPERR_OFPFMFC_TABLE_FULL;
		}
		ofproto_txn_remove_rule(txn, victim, OFPRR_EVICTION);
	}
	flow_mod_insert(txn, rule, false);
	return 0;
}

static enum ofperr flow_mod_modify(struct ofproto_txn *txn,
				   const struct of_flow_mod *fm,
				   uint8_t version)
{
	struct ofproto_criteria c = {
		.match = &fm->match, .priority = fm->priority,
		.strict = fm->command == OFPFC_MODIFY_STRICT,
		.table_id = fm->table_id, .cookie = fm->cookie,
		.cookie_mask = fm->cookie_mask,
		.out_port = OFP_PORT_ANY, .out_group = OFP_GROUP_ANY,
	};
	bool change_cookie = fm->new_cookie != OFP_COOKIE_NONE
		&& version != OFP11_VERSION;
	struct rule_list old = { NULL, 0, 0 };
	enum ofperr error;

	error = ofproto_collect_rules(txn->ofproto, &c, txn->version, &old);
	if (error) {
		return error;
	}
	if (!old.n) {
		rule_list_destroy(&old);
		return fm->new_cookie != OFP_COOKIE_NONE && !fm->cookie_mask
			? flow_mod_add(txn, fm) : 0;
	}
	for (size_t i = 0; i < old.n; i++) {
		struct rule *o = old.rules[i];
		struct rule *new = flow_mod_new_rule(txn, fm, o->cr.match,
						     o->cr.priority,
						     o->table_id);

		flow_mod_replace(txn, fm, o, new, change_cookie);
	}
	rule_list_destroy(&old);
	return 0;
}

static enum ofperr flow_mod_delete(struct ofproto_txn *txn,
				   const struct of_flow_mod *fm)
{
	struct ofproto_criteria c = {
		.match = &fm->match, .priority = fm->priority,
		.strict = fm->command == OFPFC_DELETE_STRICT,
		.table_id = fm->table_id, .cookie = fm->cookie,
		.cookie_mask = fm->cookie_mask,
		.out_port = fm->out_port, .out_group = fm->out_group,
	};
	struct rule_list old = { NULL, 0, 0 };
	enum ofperr error;

	error = ofproto_collect_rules(txn->ofproto, &c, txn->version, &old);
	for (size_t i = 0; i < old.n; i++) {
		ofproto_txn_remove_rule(txn, old.rules[i], OFPRR_DELETE);
	}
	rule_list_destroy(&old);
	return error;
}

enum ofperr ofproto_flow_mod_apply(struct ofproto_txn *txn,
				   const struct of_flow_mod *fm,
				   uint8_t version)
{
	enum ofperr error;

	switch (fm->command) {
	case OFPFC_ADD:
		error = ofproto_check_action_refs(txn->ofproto, fm->ofpacts,
					    fm->ofpacts_len);
		return error ? error : flow_mod_add(txn, fm);
	case OFPFC_MODIFY:
	case OFPFC_MODIFY_STRICT:
		error = ofproto_check_action_refs(txn->ofproto, fm->ofpacts,
					    fm->ofpacts_len);
		return error ? error : flow_mod_modify(txn, fm, version);
	case OFPFC_DELETE:
	case OFPFC_DELETE_STRICT:
		return flow_mod_delete(txn, fm);
	default:
		return OFPERR_OFPFMFC_BAD_COMMAND;
	}
}

enum ofperr ofproto_flow_mod(struct ofproto *p, struct of_flow_mod *fm,
			     uint8_t version)
{
	struct ofproto_txn txn;
	enum ofperr error = ofproto_flow_mod_check(p, fm);

	if (error) {
		return error;
	}
	ofproto_txn_begin(&txn, p);
	error = ofproto_flow_mod_apply(&txn, fm, version);
	if (error) {
		ofproto_txn_abort(&txn);
	} else {
		ofproto_txn_commit(&txn);
	}
	return error;
}

enum ofperr ofproto_flow_mod_fix_table(struct of_flow_mod *fm,
				       const struct ofpmsg *m,
				       enum ofp_protocol protocol)
{
	bool of10_form = m->type == OFPTYPE_NXT_FLOW_MOD
		|| m->version == OFP10_VERSION;

	if (!of10_form || protocol & OFPROTO_TID) {
		return 0;
	}
	if (fm->table_id) {
		return OFPERR_OFPFMFC_BAD_COMMAND;
	}
	fm->table_id = OFPTT_ALL;
	return 0;
}

enum ofperr ofproto_add_flow(struct ofproto *p, const struct of_match *match,
			     int priority, const void *ofpacts, size_t len)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	const struct cls_rule *old;
	struct ofproto_txn txn;
	struct rule *rule;
	enum ofperr error;

	/* ofpacts_check() notes things in the actions: check a copy. */
	bytebuf_put(&acts, ofpacts, len);
	error = ofpacts_check(acts.data, len, match, ofproto_max_ports(p), 0,
			      p->n_tables);
	if (!error) {
		error = ofproto_check_action_refs(p, acts.data, len);
	}
	if (error) {
		bytebuf_uninit(&acts);
		return error;
	}
	ofproto_txn_begin(&txn, p);
	rule = rule_create(match, priority, 0,
			   rule_actions_create(acts.data, len),
			   ofproto_now(p));
	old = classifier_find_rule_exactly(&p->tables[0].cls, &rule->cr,
					   txn.version);
	if (old) {
		ofproto_txn_remove_rule(&txn, rule_from_cls(old),
					OFPROTO_RR_REPLACED);
	}
	flow_mod_insert(&txn, rule, old != NULL);
	ofproto_txn_commit(&txn);
	bytebuf_uninit(&acts);
	return 0;
}

bool ofproto_delete_flow(struct ofproto *p, const struct of_match *match,
			 int priority)
{
	const struct cls_rule *cr;
	struct ofproto_txn txn;

	ofproto_txn_begin(&txn, p);
	cr = classifier_find_match_exactly(&p->tables[0].cls, match, priority,
					   txn.version);
	if (cr) {
		ofproto_txn_remove_rule(&txn, rule_from_cls(cr), OFPRR_DELETE);
	}
	ofproto_txn_commit(&txn);
	return cr != NULL;
}
