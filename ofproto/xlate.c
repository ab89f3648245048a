/* The pipeline walk: tables, goto_table, resubmit, their limits, table-miss
 * behaviour, the consulted-fields mask, freezing for recirculation, and the
 * dispatch of every action to its family (xlate-*.c). */
#include "xlate-private.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "odp-commit.h"
#include "of-flow-key.h"
#include "actions.h"

static const char *const xlate_error_names[XLATE_N_ERRORS] = {
	[XLATE_OK] = "OK",
	[XLATE_RECURSION_TOO_DEEP] = "Recursion too deep",
	[XLATE_TOO_MANY_RESUBMITS] = "Too many resubmits",
	[XLATE_STACK_TOO_DEEP] = "Stack too deep",
	[XLATE_NO_RECIRCULATION_CONTEXT] = "No recirculation context",
	[XLATE_TOO_MANY_MPLS_LABELS] = "Too many MPLS labels",
	[XLATE_ACTIONS_TOO_BIG] = "Datapath actions too big",
	[XLATE_NO_MEMORY] = "Out of memory",
};

const char *xlate_error_name(enum xlate_error e)
{
	return (unsigned int)e < XLATE_N_ERRORS ? xlate_error_names[e]
						: "Unknown error";
}

void xlate_out_init(struct xlate_out *out)
{
	memset(out, 0, sizeof *out);
	nlbuf_init(&out->actions, malloc(XLATE_ACTIONS_MAX),
		   XLATE_ACTIONS_MAX);
	if (!out->actions.data)
		out->actions.cap = 0;
}

static void xlate_out_release(struct xlate_out *out)
{
	for (size_t i = 0; i < out->n_recircs; i++)
		recirc_unref(out->recircs[i]);
	out->n_recircs = 0;
}

void xlate_out_uninit(struct xlate_out *out)
{
	xlate_out_release(out);
	free(out->actions.data);
	free(out->rules);
	free(out->recircs);
	memset(out, 0, sizeof *out);
}

/* Appends to a growable array of 'size'-byte elements. */
static bool xlate_grow(void **arr, size_t *n, size_t *cap, size_t size)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		void *p = realloc(*arr, c * size);

		if (!p)
			return false;
		*arr = p;
		*cap = c;
	}
	return true;
}

void xlate_add_owner(struct xlate_ctx *ctx, void *owner)
{
	struct xlate_out *out = ctx->xout;

	for (size_t i = 0; i < out->n_rules; i++)
		if (out->rules[i] == owner)
			return;
	if (!xlate_grow((void **)&out->rules, &out->n_rules, &out->rules_cap,
			sizeof *out->rules)) {
		xlate_set_error(ctx, XLATE_NO_MEMORY);
		return;
	}
	out->rules[out->n_rules++] = owner;
}

/* The megaflow keeps 'id' alive: the reference taken with it is ours. */
bool xlate_add_recirc_ref(struct xlate_ctx *ctx, uint32_t id)
{
	struct xlate_out *out = ctx->xout;

	if (!xlate_grow((void **)&out->recircs, &out->n_recircs,
			&out->recircs_cap, sizeof *out->recircs)) {
		recirc_unref(id);
		xlate_set_error(ctx, XLATE_NO_MEMORY);
		return false;
	}
	out->recircs[out->n_recircs++] = id;
	return true;
}

void xlate_set_error(struct xlate_ctx *ctx, enum xlate_error e)
{
	if (!ctx->xout->error)
		ctx->xout->error = e;
	ctx->exit = true;
}

void xlate_wc_or(struct xlate_ctx *ctx, const void *field, size_t n)
{
	size_t ofs = (const uint8_t *)field - (const uint8_t *)&ctx->flow;

	memset((uint8_t *)ctx->wc + ofs, 0xff, n);
}

void xlate_commit(struct xlate_ctx *ctx)
{
	if (ctx->mpls_push_pending) {
		/* The label pushed onto a label: of_flow holds one, so it
		 * goes out first, with its final value. */
		odp_put_push_mpls(&ctx->xout->actions, ctx->flow.mpls_lse,
				  ctx->flow.dl_type);
		ctx->base.mpls_lse = ctx->flow.mpls_lse;
		ctx->base.dl_type = ctx->flow.dl_type;
		ctx->mpls_push_pending = false;
	}
	if (odp_commit(&ctx->base, &ctx->flow, ctx->wc, &ctx->xout->actions))
		ctx->xout->slow = true;
}

/* Stops the walk here; every level on the way out saves what it has not
 * run yet (xlate_run), and xlate_finish_freeze() makes it a recirculation. */
void xlate_freeze(struct xlate_ctx *ctx)
{
	ctx->freezing = true;
	ctx->exit = true;
}

void xlate_isolate_begin(struct xlate_ctx *ctx, struct xlate_isolation *iso)
{
	iso->ofs = ctx->xout->actions.size;
	iso->flow = ctx->flow;
	iso->base = ctx->base;
	iso->was_mpls = ctx->was_mpls;
	iso->mpls_push_pending = ctx->mpls_push_pending;
	iso->mpls_stack_ops = ctx->mpls_stack_ops;
}

/* Moves the actions from 'ofs' on into an OVS_ACTION_ATTR_CLONE. */
static void xlate_wrap_clone(struct xlate_ctx *ctx, uint32_t ofs)
{
	struct nlbuf *b = &ctx->xout->actions;
	struct nlattr *h;

	if (b->size == ofs)
		return;
	if (ctx->clone_depth >= ACTIONS_MAX_DEPTH) {
		xlate_set_error(ctx, XLATE_RECURSION_TOO_DEEP);
		return;
	}
	if (b->size + NLA_HDRLEN > b->cap) {
		b->overflow = true;
		return;
	}
	memmove(b->data + ofs + NLA_HDRLEN, b->data + ofs, b->size - ofs);
	h = (struct nlattr *)(b->data + ofs);
	h->nla_len = b->size - ofs + NLA_HDRLEN;
	h->nla_type = OVS_ACTION_ATTR_CLONE;
	b->size += NLA_HDRLEN;
}

void xlate_isolate_end(struct xlate_ctx *ctx, const struct xlate_isolation *iso)
{
	/* A freeze inside resumes inside: the packet recirculates as the
	 * run left it. */
	if (ctx->freezing)
		return;
	ctx->flow = iso->flow;
	ctx->was_mpls = iso->was_mpls;
	if (ctx->xout->error || ctx->mpls_stack_ops == iso->mpls_stack_ops)
		return;
	/* The packet's label stack changed: the run gets its own copy. */
	xlate_wrap_clone(ctx, iso->ofs);
	ctx->base = iso->base;
	ctx->mpls_push_pending = iso->mpls_push_pending;
	ctx->mpls_stack_ops = iso->mpls_stack_ops;
}

/* Saves [a, end) as the next frame of the freeze. */
static void xlate_freeze_frame(struct xlate_ctx *ctx, const struct ofpact *a,
			       const struct ofpact *end)
{
	struct recirc_frame f;

	memset(&f, 0, sizeof f);
	f.table_id = ctx->table_id;
	f.cookie = ctx->rule_cookie;
	f.ofs = ctx->frozen_acts.size;
	f.len = (const uint8_t *)end - (const uint8_t *)a;
	if (!f.len)
		return;
	bytebuf_put(&ctx->frozen_acts, a, f.len);
	bytebuf_put(&ctx->frozen_frames, &f, sizeof f);
}

bool xlate_resource_check(struct xlate_ctx *ctx)
{
	if (ctx->depth >= XLATE_MAX_DEPTH)
		xlate_set_error(ctx, XLATE_RECURSION_TOO_DEEP);
	else if (ctx->resubmits >= XLATE_MAX_RESUBMITS)
		xlate_set_error(ctx, XLATE_TOO_MANY_RESUBMITS);
	else if (ctx->stack.size >= XLATE_MAX_STACK)
		xlate_set_error(ctx, XLATE_STACK_TOO_DEEP);
	else if (ctx->xout->actions.size > UINT16_MAX)
		ctx->exit = true;	/* as OVS: stop, not an error */
	else
		return true;
	return false;
}

static void xlate_run_rule(struct xlate_ctx *ctx, const struct xlate_rule *r)
{
	uint64_t old_cookie = ctx->rule_cookie;
	bool old_miss = ctx->rule_is_table_miss;

	xlate_add_owner(ctx, r->owner);
	ctx->rule_cookie = r->cookie;
	ctx->rule_is_table_miss = r->is_table_miss;
	ctx->depth++;
	xlate_run(ctx, r->ofpacts, r->ofpacts_len);
	ctx->depth--;
	ctx->rule_cookie = old_cookie;
	ctx->rule_is_table_miss = old_miss;
}

/* A miss in 'table_id' after a lookup that honours table-miss. */
static void xlate_miss(struct xlate_ctx *ctx, uint8_t table_id)
{
	enum xlate_miss m = ctx->ops->table_miss
			    ? ctx->ops->table_miss(ctx->aux, table_id)
			    : XLATE_MISS_DROP;
	struct xlate_port port;
	uint32_t in_port = ntohl(ctx->flow.in_port);

	if (m == XLATE_MISS_CONTINUE && table_id < 253) {
		xlate_table(ctx, XLATE_PORT_IN_PORT, table_id + 1, true, false);
	} else if (m == XLATE_MISS_CONTROLLER) {
		if (ctx->ops->port && ctx->ops->port(ctx->aux, in_port, &port)
		    && port.no_packet_in)
			return;
		xlate_controller_simple(ctx, UINT16_MAX, OFPACT_PIN_NO_MATCH,
					0);
	}
}

void xlate_table(struct xlate_ctx *ctx, uint32_t in_port, uint8_t table_id,
		 bool honor_miss, bool with_ct)
{
	uint32_t old_in_port = ctx->flow.in_port;
	uint8_t old_table = ctx->table_id;
	struct xlate_rule rule;
	bool hit;

	(void)with_ct;
	if (ctx->was_mpls) {
		/* Actions freeze before a resubmit or goto_table; what gets
		 * here is a miss going on to the next table, which resumes
		 * as a goto_table. */
		struct bytebuf g = BYTEBUF_INITIALIZER;
		struct ofpact_u8 *gt = (struct ofpact_u8 *)
			ofpact_put(&g, OFPACT_GOTO_TABLE, sizeof *gt);

		gt->value = table_id;
		xlate_freeze(ctx);
		xlate_freeze_frame(ctx, &gt->a, ofpact_next(&gt->a));
		bytebuf_uninit(&g);
		return;
	}
	if (!xlate_resource_check(ctx))
		return;
	ctx->resubmits++;
	if (in_port != XLATE_PORT_IN_PORT)
		ctx->flow.in_port = htonl(in_port);
	ctx->table_id = table_id;
	memset(&rule, 0, sizeof rule);
	hit = ctx->ops->lookup(ctx->aux, table_id, &ctx->flow, ctx->wc, &rule);
	/* A resubmit's in_port is for its lookup only, as in Open vSwitch:
	 * the rule's actions see the packet's own. */
	ctx->flow.in_port = old_in_port;
	if (hit)
		xlate_run_rule(ctx, &rule);
	else if (honor_miss) {
		ctx->depth++;
		xlate_miss(ctx, table_id);
		ctx->depth--;
	}
	ctx->table_id = old_table;
}

static void xlate_resubmit(struct xlate_ctx *ctx,
			   const struct ofpact_resubmit *r)
{
	uint8_t table = r->table_id == 255 ? ctx->table_id : r->table_id;

	xlate_table(ctx, r->in_port, table, false, r->with_ct);
}

static void xlate_goto_table(struct xlate_ctx *ctx, uint8_t table_id)
{
	xlate_table(ctx, XLATE_PORT_IN_PORT, table_id, true, false);
}

/* The payloads of the single-value actions. */
static uint16_t xl_ethertype(const void *a)
{
	return ((const struct ofpact_ethertype *)a)->ethertype;
}

static uint32_t xl_u32(const void *a)
{
	return ((const struct ofpact_u32 *)a)->value;
}

static uint8_t xl_u8(const void *a)
{
	return ((const struct ofpact_u8 *)a)->value;
}

static void xlate_set_tunnel(struct xlate_ctx *ctx, uint64_t tun_id)
{
	ctx->flow.tun_id = htobe64(tun_id);
}

/* Actions whose effect stays in the OpenFlow view or that do nothing in
 * the datapath: those not listed here are in the families' files. */
/* The meter instruction comes first among instructions, so the datapath
 * meters the packet before anything else happens to it. */
static void xlate_meter(struct xlate_ctx *ctx, uint32_t meter_id)
{
	uint32_t dp_meter = ctx->ops->meter ? ctx->ops->meter(ctx->aux,
							      meter_id)
					    : UINT32_MAX;

	if (dp_meter != UINT32_MAX)
		nlbuf_put_u32(&ctx->xout->actions, OVS_ACTION_ATTR_METER,
			      dp_meter);
}

static bool xlate_one_meta(struct xlate_ctx *ctx, const struct ofpact *a)
{
	switch ((enum ofpact_type)a->type) {
	case OFPACT_SET_TUNNEL:
		xlate_set_tunnel(ctx,
				 ((const struct ofpact_tunnel *)a)->tun_id);
		return true;
	case OFPACT_SET_QUEUE:
	case OFPACT_POP_QUEUE:
	case OFPACT_NOTE:
	case OFPACT_CONJUNCTION:
	case OFPACT_METER:
		xlate_meter(ctx, ((const struct ofpact_u32 *)a)->value);
		return true;
	case OFPACT_FIN_TIMEOUT:
	case OFPACT_SAMPLE:
	case OFPACT_CT_CLEAR:
		return true;
	case OFPACT_EXIT:
		ctx->exit = true;
		return true;
	default:
		return false;
	}
}

/* Runs one action; true when it ends the list it is in (an expired TTL
 * ends its own list, not its callers'). */
static bool xlate_one(struct xlate_ctx *ctx, const struct ofpact *a)
{
	const void *p = a;

	if (xlate_one_meta(ctx, a))
		return false;
	switch ((enum ofpact_type)a->type) {
	case OFPACT_OUTPUT: {
		const struct ofpact_output *o = p;

		xlate_output(ctx, o->port, o->max_len, 0);
		break;
	}
	case OFPACT_ENQUEUE:
		xlate_output(ctx, ((const struct ofpact_enqueue *)p)->port, 0,
			     0);
		break;
	case OFPACT_OUTPUT_TRUNC: {
		const struct ofpact_output_trunc *o = p;

		xlate_output(ctx, o->port, 0, o->max_len);
		break;
	}
	case OFPACT_CONTROLLER:
		xlate_controller(ctx, p, ((const struct ofpact_controller *)
					  p)->reason);
		break;
	case OFPACT_OUTPUT_REG:
		xlate_output_reg(ctx, p);
		break;
	case OFPACT_GROUP:
		xlate_group(ctx, xl_u32(p));
		break;
	case OFPACT_RESUBMIT:
		xlate_resubmit(ctx, p);
		break;
	case OFPACT_GOTO_TABLE:
		xlate_goto_table(ctx, xl_u8(p));
		break;
	case OFPACT_SET_FIELD:
		xlate_set_field(ctx, p);
		break;
	case OFPACT_REG_MOVE:
		xlate_reg_move(ctx, p);
		break;
	case OFPACT_WRITE_METADATA:
		xlate_write_metadata(ctx, p);
		break;
	case OFPACT_STACK_PUSH:
		xlate_stack_push(ctx, p);
		break;
	case OFPACT_STACK_POP:
		xlate_stack_pop(ctx, p);
		break;
	case OFPACT_DEC_TTL:
		return xlate_dec_ttl(ctx, p);
	case OFPACT_SET_IP_TTL:
		xlate_set_ip_ttl(ctx, xl_u8(p));
		break;
	case OFPACT_SET_VLAN_VID:
		xlate_set_vlan_vid(ctx, p);
		break;
	case OFPACT_SET_VLAN_PCP:
		xlate_set_vlan_pcp(ctx, p);
		break;
	case OFPACT_STRIP_VLAN:
		xlate_strip_vlan(ctx);
		break;
	case OFPACT_PUSH_VLAN:
		xlate_push_vlan(ctx, xl_ethertype(p));
		break;
	case OFPACT_PUSH_MPLS:
		xlate_push_mpls(ctx, xl_ethertype(p));
		break;
	case OFPACT_POP_MPLS:
		xlate_pop_mpls(ctx, xl_ethertype(p));
		break;
	case OFPACT_SET_MPLS_LABEL:
		xlate_set_mpls_label(ctx, xl_u32(p));
		break;
	case OFPACT_SET_MPLS_TC:
		xlate_set_mpls_tc(ctx, xl_u8(p));
		break;
	case OFPACT_SET_MPLS_TTL:
		xlate_set_mpls_ttl(ctx, xl_u8(p));
		break;
	case OFPACT_DEC_MPLS_TTL:
		return xlate_dec_mpls_ttl(ctx);
	case OFPACT_LEARN:
		xlate_learn(ctx, p);
		break;
	case OFPACT_CLONE:
		xlate_clone(ctx, a);
		break;
	case OFPACT_WRITE_ACTIONS:
		xlate_write_actions(ctx, a);
		break;
	case OFPACT_CLEAR_ACTIONS:
		xlate_clear_actions(ctx);
		break;
	default:
		/* ct, nat, multipath, bundle, check_pkt_larger: not
		 * translated here; they drop nothing and output nothing. */
		break;
	}
	return false;
}

bool xlate_run(struct xlate_ctx *ctx, const void *ofpacts, size_t len)
{
	const struct ofpact *end = ofpact_end(ofpacts, len);
	const struct ofpact *a;

	OFPACT_FOR_EACH(a, (const struct ofpact *)ofpacts, len) {
		if (ctx->xout->error)
			return false;
		if (!ctx->freezing && ctx->was_mpls
		    && xlate_needs_recirc(ctx, a))
			xlate_freeze(ctx);
		if (ctx->freezing) {
			xlate_freeze_frame(ctx, a, end);
			return false;
		}
		if (ctx->exit)
			return false;
		if (xlate_one(ctx, a))
			return true;
		if (ctx->freezing) {
			xlate_freeze_frame(ctx, ofpact_next(a), end);
			return false;
		}
	}
	return false;
}

/* Ends a freeze: the state goes under a recirculation id, and the
 * datapath recirculates to it (or, for a paused controller action, the
 * id goes into its cookie, written at 'cookie_ofs'). */
static void xlate_finish_freeze(struct xlate_ctx *ctx)
{
	struct recirc_state st;
	uint32_t id;

	memset(&st, 0, sizeof st);
	st.meta = ctx->flow;
	/* Headers come back from the reparsed packet; the metadata that
	 * resumes with it is part of what the megaflow matches. */
	memset((uint8_t *)&st.meta + OF_FLOW_L2_OFS, 0,
	       sizeof st.meta - OF_FLOW_L2_OFS);
	XLATE_WC(ctx, metadata);
	XLATE_WC(ctx, regs);
	XLATE_WC(ctx, tun_id);
	XLATE_WC(ctx, actset_output);
	st.table_id = ctx->table_id;
	st.ofpacts = ctx->frozen_acts.data;
	st.ofpacts_len = ctx->frozen_acts.size;
	st.frames = (const struct recirc_frame *)ctx->frozen_frames.data;
	st.n_frames = ctx->frozen_frames.size / sizeof *st.frames;
	st.action_set = ctx->action_set.data;
	st.action_set_len = ctx->action_set.size;
	st.stack = ctx->stack.data;
	st.stack_len = ctx->stack.size;
	st.orig_in_port = ctx->orig_in_port;
	id = recirc_alloc(&st);
	if (!id) {
		xlate_set_error(ctx, XLATE_NO_MEMORY);
		return;
	}
	if (!xlate_add_recirc_ref(ctx, id))
		return;
	if (ctx->freeze_pause) {
		memcpy(ctx->xout->actions.data + ctx->pause_cookie_ofs
		       + offsetof(struct xlate_ctrl_cookie, recirc_id),
		       &id, sizeof id);
		return;
	}
	xlate_commit(ctx);
	nlbuf_put_u32(&ctx->xout->actions, OVS_ACTION_ATTR_RECIRC, id);
}

static void xlate_ctx_init(struct xlate_ctx *ctx, const struct xlate_ops *ops,
			   void *aux, const struct xlate_in *xin,
			   struct xlate_out *xout)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->ops = ops;
	ctx->aux = aux;
	ctx->xin = xin;
	ctx->xout = xout;
	ctx->flow = *xin->flow;
	ctx->base = ctx->flow;
	ctx->wc = &xout->wc;
	ctx->orig_in_port = ctx->flow.in_port;
	ctx->table_id = xin->table_id;
	bytebuf_init(&ctx->action_set);
	bytebuf_init(&ctx->stack);
	bytebuf_init(&ctx->frozen_acts);
	bytebuf_init(&ctx->frozen_frames);
	/* Every megaflow matches where the packet came from and its pass. */
	XLATE_WC(ctx, in_port);
	XLATE_WC(ctx, recirc_id);
	XLATE_WC(ctx, packet_type);
	if (ctx->flow.dl_type == htons(0x0800)
	    || ctx->flow.dl_type == htons(0x86dd)) {
		XLATE_WC(ctx, dl_type);
		ctx->wc->nw_frag |= OF_FRAG_MASK;
	}
}

static void xlate_ctx_uninit(struct xlate_ctx *ctx)
{
	bytebuf_uninit(&ctx->action_set);
	bytebuf_uninit(&ctx->stack);
	bytebuf_uninit(&ctx->frozen_acts);
	bytebuf_uninit(&ctx->frozen_frames);
}

/* Picks up a frozen pipeline: its metadata over the reparsed packet, its
 * action set and stack, then its frames in order. */
static void xlate_resume(struct xlate_ctx *ctx, const struct recirc_state *st)
{
	const struct of_flow *m = &st->meta;

	ctx->flow.metadata = m->metadata;
	memcpy(ctx->flow.regs, m->regs, sizeof m->regs);
	ctx->flow.tun_id = m->tun_id;
	ctx->flow.in_port = m->in_port;
	ctx->flow.actset_output = m->actset_output;
	ctx->base.in_port = m->in_port;
	ctx->orig_in_port = st->orig_in_port;
	ctx->table_id = st->table_id;
	xlate_buf_put(&ctx->action_set, st->action_set,
		      st->action_set_len);
	xlate_buf_put(&ctx->stack, st->stack, st->stack_len);
	for (size_t i = 0; i < st->n_frames && !ctx->exit; i++) {
		const struct recirc_frame *f = &st->frames[i];

		ctx->table_id = f->table_id;
		ctx->rule_cookie = f->cookie;
		xlate_run(ctx, st->ofpacts + f->ofs, f->len);
		/* An exit inside a frame ends only that frame's level. */
		if (!ctx->freezing && !ctx->xout->error)
			ctx->exit = false;
	}
}

int xlate_actions(const struct xlate_ops *ops, void *aux,
		  const struct xlate_in *xin, struct xlate_out *out)
{
	struct xlate_ctx ctx;
	uint32_t resume;

	if (!out->actions.data)
		return ENOMEM;
	xlate_out_release(out);
	out->actions.size = 0;
	out->actions.overflow = false;
	memset(&out->wc, 0, sizeof out->wc);
	out->n_rules = 0;
	out->slow = false;
	out->error = XLATE_OK;
	xlate_ctx_init(&ctx, ops, aux, xin, out);

	resume = xin->resume_id ? xin->resume_id : ntohl(xin->flow->recirc_id);
	if (resume) {
		const struct recirc_state *st = recirc_find_ref(resume);

		if (st) {
			xlate_resume(&ctx, st);
			recirc_unref(resume);
		} else {
			xlate_set_error(&ctx, XLATE_NO_RECIRCULATION_CONTEXT);
		}
	} else if (xin->ofpacts) {
		xlate_run(&ctx, xin->ofpacts, xin->ofpacts_len);
	} else {
		xlate_table(&ctx, XLATE_PORT_IN_PORT, xin->table_id, true,
			    false);
	}
	if (!out->error && !ctx.freezing) {
		ctx.exit = false;
		xlate_action_set_run(&ctx);
	}
	if (!out->error && ctx.freezing)
		xlate_finish_freeze(&ctx);
	if (!out->error && out->actions.overflow)
		out->error = XLATE_ACTIONS_TOO_BIG;
	if (out->error) {
		out->actions.size = 0;
		xlate_out_release(out);
	}
	xlate_ctx_uninit(&ctx);
	return out->error == XLATE_NO_MEMORY ? ENOMEM : 0;
}

void xlate_megaflow(const struct of_flow *flow, const struct of_flow *wc,
		    uint32_t odp_in_port, struct flow_key *key,
		    struct flow_key *mask)
{
	of_flow_to_flow_key(flow, key);
	of_flow_mask_to_flow_key(wc, flow, mask);
	key->in_port = odp_in_port;
}

const struct of_flow *xlate_ctx_flow(const struct xlate_ctx *ctx)
{
	return &ctx->flow;
}

struct of_flow *xlate_ctx_flow_mut(struct xlate_ctx *ctx)
{
	return &ctx->flow;
}

struct of_flow *xlate_ctx_wc(struct xlate_ctx *ctx)
{
	return ctx->wc;
}

void xlate_ctx_output(struct xlate_ctx *ctx, uint32_t ofp_port)
{
	xlate_output(ctx, ofp_port, 0, 0);
}
