/* Translation's view of a bridge: its tables at one version, its ports,
 * learning and NORMAL.  Every table lookup is recorded, so the megaflow's
 * record (ukey) knows which tables and rules its translation depended on. */
#include "dpbridge-private.h"

#include <stdlib.h>
#include <string.h>

#include "ofp-actions.h"
#include "ofp-flow-mod.h"
#include "ofp-match.h"
#include "ofp-table.h"
#include "rule.h"
#include "xalloc.h"

#define OFPPC_PORT_DOWN		(1u << 0)
#define OFPPC_NO_FLOOD		(1u << 4)	/* OpenFlow 1.0 */
#define OFPPC_NO_FWD		(1u << 5)
#define OFPPC_NO_PACKET_IN	(1u << 6)

static void record_visit(struct dpb_xctx *ctx, uint8_t table_id,
			 const struct rule *rule, const struct of_flow *flow)
{
	struct ukey_visit *v;

	ctx->visits = xgrow_n(ctx->visits, &ctx->visits_cap,
			      ctx->n_visits + 1, sizeof *ctx->visits);
	v = &ctx->visits[ctx->n_visits++];
	v->rule = rule;
	v->priority = rule ? rule->cr.priority : -1;
	v->table_id = table_id;
	v->flow_changed = memcmp(flow, ctx->orig, sizeof *flow) != 0;
}

/* As ovs-appctl ofproto/trace shows a rule: its match and priority, then
 * its actions indented. */
static void trace_rule(FILE *out, uint8_t table_id, const struct rule *rule,
		       const struct rule_actions *acts)
{
	char *match = of_match_format(rule->cr.match);
	char *actions = ofpacts_to_string(acts->ofpacts, acts->len);

	fprintf(out, "%2u. %s%spriority %d\n    %s\n", table_id, match,
		*match ? ", " : "", rule->cr.priority, actions);
	free(match);
	free(actions);
}

/* A lookup that remembers which mask bits it added, so that ofproto/trace
 * can say why each field is in the megaflow. */
static const struct rule *traced_lookup(struct dpb_xctx *ctx,
					uint8_t table_id,
					const struct of_flow *flow,
					struct of_flow *wc)
{
	struct dpb_trace_lookup *tl;
	struct of_flow before = *wc;
	const struct rule *rule;

	rule = ofproto_rule_lookup(ctx->b->ofproto, table_id, ctx->version,
				   flow, wc);
	ctx->lookups = xgrow_n(ctx->lookups, &ctx->lookups_cap,
			       ctx->n_lookups + 1, sizeof *ctx->lookups);
	tl = &ctx->lookups[ctx->n_lookups++];
	tl->table_id = table_id;
	for (size_t i = 0; i < sizeof *wc; i++)
		((uint8_t *)&tl->added)[i] = ((const uint8_t *)wc)[i] &
					     ~((const uint8_t *)&before)[i];
	return rule;
}

static bool dpb_lookup(void *aux, uint8_t table_id,
		       const struct of_flow *flow, struct of_flow *wc,
		       struct xlate_rule *out)
{
	struct dpb_xctx *ctx = aux;
	const struct rule *rule;
	const struct rule_actions *acts;

	if (ctx->trace) {
		rule = traced_lookup(ctx, table_id, flow, wc);
	} else {
		rule = ofproto_rule_lookup(ctx->b->ofproto, table_id,
					   ctx->version, flow, wc);
	}
	record_visit(ctx, table_id, rule, flow);
	if (!rule) {
		if (ctx->trace)
			fprintf(ctx->trace, "%2u. No match.\n", table_id);
		return false;
	}
	acts = rule_get_actions(rule);
	if (ctx->trace)
		trace_rule(ctx->trace, table_id, rule, acts);
	out->ofpacts = acts->ofpacts;
	out->ofpacts_len = acts->len;
	out->cookie = rule->cookie;
	out->table_id = table_id;
	out->is_table_miss = !rule->cr.priority &&
			     of_match_is_catchall(rule->cr.match);
	out->owner = (void *)rule;
	return true;
}

/* A miss goes to the controller while some controller speaks OpenFlow
 * 1.0-1.2, whose default that is; from 1.3 on a miss drops unless a
 * table-miss flow says otherwise. */
static enum xlate_miss dpb_table_miss(void *aux, uint8_t table_id)
{
	struct dpb_xctx *ctx = aux;

	switch (ofproto_table_miss(ctx->b->ofproto, table_id)) {
	case OFP_TABLE_MISS_CONTROLLER:
		return XLATE_MISS_CONTROLLER;
	case OFP_TABLE_MISS_CONTINUE:
		return XLATE_MISS_CONTINUE;
	case OFP_TABLE_MISS_DROP:
		return XLATE_MISS_DROP;
	default:
		return __atomic_load_n(&ctx->b->miss_to_controller,
				       __ATOMIC_RELAXED)
		       ? XLATE_MISS_CONTROLLER : XLATE_MISS_DROP;
	}
}

static void port_to_xlate(const struct dpb_port *p, struct xlate_port *xp)
{
	xp->ofp_port = p->ofp_port;
	xp->odp_port = p->odp_port;
	xp->live = p->link_up && !(p->config & OFPPC_PORT_DOWN);
	xp->no_flood = p->config & OFPPC_NO_FLOOD;
	xp->no_fwd = p->config & OFPPC_NO_FWD;
	xp->no_packet_in = p->config & OFPPC_NO_PACKET_IN;
	xp->is_local = p->ofp_port == XLATE_PORT_LOCAL;
}

static bool dpb_port(void *aux, uint32_t ofp_port, struct xlate_port *xp)
{
	struct dpb_xctx *ctx = aux;
	const struct dpb_port *p = dpb_port_by_ofp(ctx->ports, ofp_port);

	if (p)
		port_to_xlate(p, xp);
	return p != NULL;
}

static size_t dpb_ports(void *aux, struct xlate_port *xps, size_t max)
{
	struct dpb_xctx *ctx = aux;

	for (size_t i = 0; i < ctx->ports->n && i < max; i++)
		port_to_xlate(&ctx->ports->p[i], &xps[i]);
	return ctx->ports->n;
}

/* Translation's view of a group: its buckets copied into the context,
 * which outlives the translation. */
static bool dpb_group(void *aux, uint32_t group_id, struct xlate_group *g)
{
	struct dpb_xctx *ctx = aux;
	const struct ofproto_group *og;
	struct xlate_bucket *xb;

	og = ofproto_group_lookup(ctx->b->ofproto, group_id);
	if (!og)
		return false;
	xb = xcalloc(og->n_buckets + 1, sizeof *xb);
	for (size_t i = 0; i < og->n_buckets; i++) {
		const struct ofproto_bucket *b = &og->buckets[i];

		xb[i].weight = b->weight;
		xb[i].watch_port = b->watch_port;
		xb[i].watch_group = b->watch_group;
		xb[i].ofpacts = b->ofpacts;
		xb[i].ofpacts_len = b->ofpacts_len;
	}
	ctx->buckets = xgrow_n(ctx->buckets, &ctx->buckets_cap,
			       ctx->n_buckets + 1, sizeof *ctx->buckets);
	ctx->buckets[ctx->n_buckets++] = xb;
	ctx->group_ids = xgrow_n(ctx->group_ids, &ctx->groups_cap,
				 ctx->n_groups + 1, sizeof *ctx->group_ids);
	ctx->group_ids[ctx->n_groups++] = og->id;
	g->id = og->id;
	g->type = og->type;		/* OFPGT11_* = XLATE_GROUP_* */
	g->buckets = xb;
	g->n_buckets = og->n_buckets;
	g->owner = (void *)og;
	return true;
}

static void dpb_learn(void *aux, const struct of_flow_mod *fm)
{
	struct dpb_xctx *ctx = aux;

	if (ctx->side_effects)
		dpb_async_learn(&ctx->b->async, fm);
}

const struct xlate_ops dpb_xlate_ops = {
	.lookup = dpb_lookup,
	.table_miss = dpb_table_miss,
	.port = dpb_port,
	.ports = dpb_ports,
	.group = dpb_group,
	.learn = dpb_learn,
	.normal = dpb_xlate_normal,
	.meter = dpb_xlate_meter,
};

void dpb_xctx_init(struct dpb_xctx *ctx, struct dpbridge *b,
		   const struct of_flow *orig, bool side_effects)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->b = b;
	ctx->ports = rcu_dereference(b->ports);
	ctx->version = ofproto_version(b->ofproto);
	ctx->orig = orig;
	ctx->side_effects = side_effects;
}

void dpb_xctx_uninit(struct dpb_xctx *ctx)
{
	for (size_t i = 0; i < ctx->n_buckets; i++)
		free(ctx->buckets[i]);
	free(ctx->buckets);
	free(ctx->group_ids);
	ctx->group_ids = NULL;
	ctx->n_groups = ctx->groups_cap = 0;
	ctx->buckets = NULL;
	ctx->n_buckets = ctx->buckets_cap = 0;
	free(ctx->lookups);
	ctx->lookups = NULL;
	ctx->n_lookups = ctx->lookups_cap = 0;
	free(ctx->visits);
	ctx->visits = NULL;
	ctx->n_visits = ctx->visits_cap = 0;
}

int dpb_translate(struct dpb_xctx *ctx, const struct of_flow *flow,
		  const struct dp_packet *packet, struct xlate_out *xo)
{
	struct xlate_in xin = {
		.flow = flow,
		.packet = packet,
		.table_id = 0,
		.may_learn = ctx->side_effects,
		.resume_id = 0,
	};

	ctx->n_visits = 0;
	return xlate_actions(&dpb_xlate_ops, ctx, &xin, xo);
}

int dpb_translate_actions(struct dpb_xctx *ctx, const struct of_flow *flow,
			  const struct dp_packet *packet, const void *ofpacts,
			  size_t ofpacts_len, struct xlate_out *xo)
{
	struct xlate_in xin = {
		.flow = flow,
		.packet = packet,
		.may_learn = ctx->side_effects,
		.ofpacts = ofpacts,
		.ofpacts_len = ofpacts_len,
	};

	ctx->n_visits = 0;
	return xlate_actions(&dpb_xlate_ops, ctx, &xin, xo);
}

int dpb_translate_resume(struct dpb_xctx *ctx, const struct of_flow *flow,
			 const struct dp_packet *packet, uint32_t recirc_id,
			 struct xlate_out *xo)
{
	struct xlate_in xin = {
		.flow = flow,
		.packet = packet,
		.may_learn = ctx->side_effects,
		.resume_id = recirc_id,
	};

	ctx->n_visits = 0;
	return xlate_actions(&dpb_xlate_ops, ctx, &xin, xo);
}
