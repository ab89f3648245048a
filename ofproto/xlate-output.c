/* Output: to ports, the input port, ALL and FLOOD, LOCAL, NORMAL, the
 * controller (a userspace action carrying a controller cookie), a port in
 * a register, and groups of every type. */
#include "xlate-private.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <linux/openvswitch.h>

#define XO_PORTS_ON_STACK 64

static uint32_t xo_in_port(const struct xlate_ctx *ctx)
{
	return ntohl(ctx->flow.in_port);
}

/* One datapath output, header changes committed first. */
static void xo_put(struct xlate_ctx *ctx, const struct xlate_port *p,
		   uint32_t trunc)
{
	xlate_commit(ctx);
	if (trunc) {
		struct ovs_action_trunc t = { .max_len = trunc };

		nlbuf_put(&ctx->xout->actions, OVS_ACTION_ATTR_TRUNC, &t,
			  sizeof t);
	}
	nlbuf_put_u32(&ctx->xout->actions, OVS_ACTION_ATTR_OUTPUT,
		      p->odp_port);
}

/* A physical port, or LOCAL: never back where the packet came from
 * (OpenFlow asks for IN_PORT for that). */
static void xo_port(struct xlate_ctx *ctx, uint32_t port, uint32_t trunc,
		    bool to_in_port)
{
	struct xlate_port p;

	if (!to_in_port && port == xo_in_port(ctx))
		return;
	if (!ctx->ops->port || !ctx->ops->port(ctx->aux, port, &p)
	    || p.no_fwd)
		return;
	xo_put(ctx, &p, trunc);
}

/* ALL and FLOOD: every port but the input port, and for FLOOD none marked
 * no_flood.  Ports go out in the order the bridge lists them. */
static void xo_flood(struct xlate_ctx *ctx, bool all, uint32_t trunc)
{
	struct xlate_port some[XO_PORTS_ON_STACK], *ports = some;
	size_t n, cap = XO_PORTS_ON_STACK;

	if (!ctx->ops->ports)
		return;
	n = ctx->ops->ports(ctx->aux, ports, cap);
	if (n > cap) {
		cap = n;
		ports = calloc(cap, sizeof *ports);
		if (!ports) {
			xlate_set_error(ctx, XLATE_NO_MEMORY);
			return;
		}
		n = ctx->ops->ports(ctx->aux, ports, cap);
	}
	if (n > cap)
		n = cap;	/* ports added in between wait for next time */
	for (size_t i = 0; i < n; i++) {
		const struct xlate_port *p = &ports[i];

		if (p->ofp_port == xo_in_port(ctx) || p->no_fwd
		    || (!all && p->no_flood))
			continue;
		xo_put(ctx, p, trunc);
	}
	if (ports != some)
		free(ports);
}

void xlate_output(struct xlate_ctx *ctx, uint32_t port, uint16_t max_len,
		  uint32_t trunc)
{
	switch (port) {
	case XLATE_PORT_IN_PORT:
		xo_port(ctx, xo_in_port(ctx), trunc, true);
		break;
	case XLATE_PORT_TABLE:
		xlate_table(ctx, XLATE_PORT_IN_PORT, 0, true, false);
		break;
	case XLATE_PORT_NORMAL:
		if (ctx->ops->normal) {
			xlate_commit(ctx);
			ctx->ops->normal(ctx->aux, ctx);
		}
		break;
	case XLATE_PORT_FLOOD:
	case XLATE_PORT_ALL:
		xo_flood(ctx, port == XLATE_PORT_ALL, trunc);
		break;
	case XLATE_PORT_CONTROLLER:
		xlate_controller_simple(ctx, max_len, OFPACT_PIN_ACTION, 0);
		break;
	case XLATE_PORT_NONE:
		break;
	default:
		if (port < XLATE_PORT_MAX || port == XLATE_PORT_LOCAL)
			xo_port(ctx, port, trunc, false);
		break;
	}
}

void xlate_output_reg(struct xlate_ctx *ctx,
		      const struct ofpact_output_reg *o)
{
	uint64_t port = xlate_subfield_get(ctx, &o->src);

	if (port <= UINT32_MAX)
		xlate_output(ctx, port, o->max_len, 0);
}

/* The userspace action that brings the packet, as modified so far, to
 * the daemon for a packet-in.  Returns the cookie's offset in the
 * actions, or 0 if it did not fit. */
static uint32_t xo_put_controller(struct xlate_ctx *ctx,
				  const struct xlate_ctrl_cookie *ck,
				  const void *userdata)
{
	struct nlbuf *acts = &ctx->xout->actions;
	uint32_t nest, at;
	uint8_t *p;

	xlate_commit(ctx);
	nest = nlbuf_nest_start(acts, OVS_ACTION_ATTR_USERSPACE);
	nlbuf_put_u32(acts, OVS_USERSPACE_ATTR_PID, 0);
	at = acts->size + NLA_HDRLEN;
	p = nlbuf_put(acts, OVS_USERSPACE_ATTR_USERDATA, NULL,
		      sizeof *ck + ck->userdata_len);
	if (p) {
		memcpy(p, ck, sizeof *ck);
		if (ck->userdata_len)
			memcpy(p + sizeof *ck, userdata, ck->userdata_len);
	}
	nlbuf_nest_end(acts, nest);
	return p ? at : 0;
}

static void xo_cookie_init(struct xlate_ctx *ctx,
			   struct xlate_ctrl_cookie *ck, uint16_t max_len,
			   uint8_t reason, uint16_t controller_id)
{
	memset(ck, 0, sizeof *ck);
	ck->type = XLATE_COOKIE_CONTROLLER;
	if (reason == OFPACT_PIN_ACTION && ctx->rule_is_table_miss)
		reason = XLATE_PIN_EXPLICIT_MISS;
	ck->reason = reason;
	ck->table_id = ctx->table_id;
	ck->max_len = max_len;
	ck->controller_id = controller_id;
	ck->meter_id = OFPACT_NO_METER;
	ck->rule_cookie = ctx->rule_cookie;
}

void xlate_controller_simple(struct xlate_ctx *ctx, uint16_t max_len,
			     uint8_t reason, uint16_t controller_id)
{
	struct xlate_ctrl_cookie ck;

	/* Packets that came out of an action set say so. */
	if (ctx->in_action_set && reason == OFPACT_PIN_ACTION)
		reason = OFPACT_PIN_ACTION_SET;
	else if (ctx->in_group && reason == OFPACT_PIN_ACTION)
		reason = OFPACT_PIN_GROUP;
	xo_cookie_init(ctx, &ck, max_len, reason, controller_id);
	xo_put_controller(ctx, &ck, NULL);
}

void xlate_controller(struct xlate_ctx *ctx,
		      const struct ofpact_controller *c, uint8_t reason)
{
	struct xlate_ctrl_cookie ck;
	uint32_t at;

	xo_cookie_init(ctx, &ck, c->max_len, reason, c->controller_id);
	ck.userdata_len = c->userdata_len;
	if (c->meter_id != OFPACT_NO_METER) {
		ck.flags |= XLATE_CTRL_F_METER;
		ck.meter_id = c->meter_id;
	}
	if (c->pause)
		ck.flags |= XLATE_CTRL_F_PAUSE;
	at = xo_put_controller(ctx, &ck, c->userdata);
	if (c->pause && at && !ctx->freezing) {
		/* The rest of the pipeline waits for the controller's
		 * resume: every such packet goes to userspace. */
		ctx->xout->slow = true;
		ctx->pause_cookie_ofs = at;
		ctx->freeze_pause = true;
		xlate_freeze(ctx);
	}
}

/* Live: a bucket's watched port is up, or its watched group has a live
 * bucket ('depth' bounds chains of fast-failover groups). */
static bool xo_bucket_live(struct xlate_ctx *ctx,
			   const struct xlate_bucket *b, int depth);

static bool xo_group_live(struct xlate_ctx *ctx, uint32_t id, int depth)
{
	struct xlate_group g;

	if (depth >= XLATE_MAX_DEPTH || !ctx->ops->group
	    || !ctx->ops->group(ctx->aux, id, &g))
		return false;
	for (size_t i = 0; i < g.n_buckets; i++)
		if (xo_bucket_live(ctx, &g.buckets[i], depth + 1))
			return true;
	return false;
}

static bool xo_bucket_live(struct xlate_ctx *ctx,
			   const struct xlate_bucket *b, int depth)
{
	struct xlate_port p;

	if (b->watch_port != XLATE_PORT_ANY
	    && (!ctx->ops->port || !ctx->ops->port(ctx->aux, b->watch_port, &p)
		|| !p.live))
		return false;
	if (b->watch_group != XLATE_GROUP_ANY
	    && !xo_group_live(ctx, b->watch_group, depth))
		return false;
	return true;
}

/* Runs a bucket like a clone: its changes to the flow do not reach the
 * next bucket or the actions after the group, though the datapath packet
 * keeps them until the next commit puts it right. */
static void xo_bucket(struct xlate_ctx *ctx, const struct xlate_bucket *b)
{
	bool in_group = ctx->in_group;
	struct xlate_isolation iso;

	/* A bucket counts as a resubmit: groups of groups stay bounded. */
	if (!xlate_resource_check(ctx))
		return;
	ctx->resubmits++;
	ctx->in_group = true;
	ctx->depth++;
	ctx->clone_depth++;
	xlate_isolate_begin(ctx, &iso);
	xlate_run(ctx, b->ofpacts, b->ofpacts_len);
	ctx->clone_depth--;
	xlate_isolate_end(ctx, &iso);
	ctx->depth--;
	ctx->in_group = in_group;
	if (!ctx->freezing && !ctx->xout->error)
		ctx->exit = false;
}

/* A hash of the fields a select group spreads by, symmetric so both
 * directions of a connection pick the same bucket. */
static uint32_t xo_select_hash(struct xlate_ctx *ctx)
{
	const struct of_flow *f = &ctx->flow;
	uint32_t h = 0x9e3779b9u, x[5];

	XLATE_WC(ctx, dl_src);
	XLATE_WC(ctx, dl_dst);
	XLATE_WC(ctx, dl_type);
	x[0] = x[1] = 0;
	for (int i = 0; i < 6; i++) {
		x[0] += f->dl_src[i] ^ f->dl_dst[i];
		x[1] = x[1] * 31 + (f->dl_src[i] ^ f->dl_dst[i]);
	}
	x[2] = f->dl_type;
	x[3] = x[4] = 0;
	if (f->dl_type == htons(0x0800)) {
		XLATE_WC(ctx, nw_src);
		XLATE_WC(ctx, nw_dst);
		XLATE_WC(ctx, nw_proto);
		x[3] = (f->nw_src ^ f->nw_dst) + f->nw_proto;
		if (f->nw_proto == 6 || f->nw_proto == 17
		    || f->nw_proto == 132) {
			XLATE_WC(ctx, tp_src);
			XLATE_WC(ctx, tp_dst);
			x[4] = f->tp_src ^ f->tp_dst;
		}
	}
	for (int i = 0; i < 5; i++) {
		h ^= x[i];
		h *= 0x85ebca6bu;
		h ^= h >> 13;
	}
	return h;
}

/* Highest random weight: each live bucket scores hash(flow, bucket)
 * scaled by its weight; a bucket's removal moves only its own flows. */
static const struct xlate_bucket *xo_select(struct xlate_ctx *ctx,
					    const struct xlate_group *g)
{
	const struct xlate_bucket *best = NULL;
	uint32_t basis = xo_select_hash(ctx);
	uint64_t best_score = 0;

	for (size_t i = 0; i < g->n_buckets; i++) {
		const struct xlate_bucket *b = &g->buckets[i];
		uint32_t h = (basis ^ (uint32_t)i * 0x27d4eb2du) * 0x165667b1u;
		uint64_t score;

		h ^= h >> 15;
		score = (uint64_t)(h & 0xffff) * b->weight + 1;
		if (!b->weight || !xo_bucket_live(ctx, b, 0))
			continue;
		if (!best || score > best_score) {
			best = b;
			best_score = score;
		}
	}
	return best;
}

void xlate_group(struct xlate_ctx *ctx, uint32_t group_id)
{
	const struct xlate_bucket *b = NULL;
	struct xlate_group g;

	if (!ctx->ops->group || !ctx->ops->group(ctx->aux, group_id, &g)
	    || !xlate_resource_check(ctx))
		return;
	xlate_add_owner(ctx, g.owner);
	switch (g.type) {
	case XLATE_GROUP_ALL:
		for (size_t i = 0; i < g.n_buckets && !ctx->xout->error; i++)
			xo_bucket(ctx, &g.buckets[i]);
		return;
	case XLATE_GROUP_INDIRECT:
		b = g.n_buckets ? &g.buckets[0] : NULL;
		break;
	case XLATE_GROUP_SELECT:
		b = xo_select(ctx, &g);
		break;
	case XLATE_GROUP_FF:
		for (size_t i = 0; i < g.n_buckets && !b; i++)
			if (xo_bucket_live(ctx, &g.buckets[i], 0))
				b = &g.buckets[i];
		break;
	default:
		break;
	}
	if (b)
		xo_bucket(ctx, b);
}
