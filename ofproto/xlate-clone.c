/* clone, and the OpenFlow action set: write_actions and clear_actions
 * collect it along the pipeline, and it runs when the pipeline ends. */
#include "xlate-private.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

/* clone(...): its changes to the flow and the action set stay inside it.
 * The datapath packet keeps them until the next commit reverts them, so
 * a datapath clone is needed only for what a commit cannot revert. */
void xlate_clone(struct xlate_ctx *ctx, const struct ofpact *a)
{
	struct xlate_isolation iso;
	struct bytebuf set;

	bytebuf_init(&set);
	xlate_buf_put(&set, ctx->action_set.data, ctx->action_set.size);
	ctx->depth++;
	ctx->clone_depth++;
	xlate_isolate_begin(ctx, &iso);
	xlate_run(ctx, ofpact_nest_actions(a), ofpact_nest_len(a));
	ctx->clone_depth--;
	xlate_isolate_end(ctx, &iso);
	ctx->depth--;
	bytebuf_clear(&ctx->action_set);
	xlate_buf_put(&ctx->action_set, set.data, set.size);
	bytebuf_uninit(&set);
	if (!ctx->freezing && !ctx->xout->error)
		ctx->exit = false;
}

/* Where an action runs within the action set (OpenFlow 1.3, 5.10), or -1
 * when it cannot be in one. */
static int xc_order(const struct ofpact *a)
{
	switch ((enum ofpact_type)a->type) {
	case OFPACT_STRIP_VLAN:
	case OFPACT_POP_MPLS:
		return 1;
	case OFPACT_PUSH_MPLS:
		return 2;
	case OFPACT_PUSH_VLAN:
		return 3;
	case OFPACT_DEC_TTL:
	case OFPACT_DEC_MPLS_TTL:
		return 4;
	case OFPACT_SET_FIELD:
	case OFPACT_SET_VLAN_VID:
	case OFPACT_SET_VLAN_PCP:
	case OFPACT_SET_MPLS_LABEL:
	case OFPACT_SET_MPLS_TC:
	case OFPACT_SET_MPLS_TTL:
	case OFPACT_SET_IP_TTL:
	case OFPACT_SET_TUNNEL:
	case OFPACT_REG_MOVE:
		return 5;
	case OFPACT_SET_QUEUE:
		return 6;
	case OFPACT_GROUP:
		return 7;
	case OFPACT_OUTPUT:
	case OFPACT_OUTPUT_TRUNC:
	case OFPACT_ENQUEUE:
	case OFPACT_CONTROLLER:
		return 8;
	default:
		return -1;
	}
}
#define XC_N_ORDERS 9
/* Every slot filled: one action per type, one set_field per field. */
#define XLATE_ACTION_SET_MAX 256

/* Two actions take the same place in the set: the later replaces the
 * earlier (set_field per field, output with any output). */
static bool xc_same_slot(const struct ofpact *a, const struct ofpact *b)
{
	if (xc_order(a) == 8 && xc_order(b) == 8)
		return true;
	if (a->type != b->type)
		return false;
	if (a->type == OFPACT_SET_FIELD)
		return ((const struct ofpact_set_field *)a)->field
		       == ((const struct ofpact_set_field *)b)->field;
	return true;
}

static void xc_set_remove_slot(struct bytebuf *set, const struct ofpact *b)
{
	size_t ofs = 0;

	while (ofs < set->size) {
		struct ofpact *a = (struct ofpact *)(set->data + ofs);
		size_t len = a->len;

		if (xc_same_slot(a, b)) {
			memmove(set->data + ofs, set->data + ofs + len,
				set->size - ofs - len);
			set->size -= len;
		} else {
			ofs += len;
		}
	}
}

static uint32_t xc_output_port(const struct ofpact *a)
{
	switch ((enum ofpact_type)a->type) {
	case OFPACT_OUTPUT:
		return ((const struct ofpact_output *)a)->port;
	case OFPACT_OUTPUT_TRUNC:
		return ((const struct ofpact_output_trunc *)a)->port;
	case OFPACT_ENQUEUE:
		return ((const struct ofpact_enqueue *)a)->port;
	default:
		return XLATE_PORT_CONTROLLER;
	}
}

void xlate_write_actions(struct xlate_ctx *ctx, const struct ofpact *w)
{
	const void *acts = ofpact_nest_actions(w);
	size_t len = ofpact_nest_len(w);
	const struct ofpact *a;

	OFPACT_FOR_EACH(a, (const struct ofpact *)acts, len) {
		if (xc_order(a) < 0)
			continue;
		xc_set_remove_slot(&ctx->action_set, a);
		bytebuf_put(&ctx->action_set, a, a->len);
		if (xc_order(a) == 8)
			ctx->flow.actset_output = htonl(xc_output_port(a));
	}
}

void xlate_clear_actions(struct xlate_ctx *ctx)
{
	bytebuf_clear(&ctx->action_set);
	ctx->flow.actset_output = htonl(XLATE_PORT_UNSET);
}

static bool xc_set_has_group(const struct bytebuf *set)
{
	const struct ofpact *a;

	OFPACT_FOR_EACH(a, (const struct ofpact *)set->data, set->size)
		if (a->type == OFPACT_GROUP)
			return true;
	return false;
}

/* The action set in its fixed order; with a group in it, the output is
 * not run (OpenFlow: the group's buckets decide).  If an action freezes
 * the pipeline, the set's later actions wait in the frozen action set. */
void xlate_action_set_run(struct xlate_ctx *ctx)
{
	struct bytebuf set = ctx->action_set;
	const struct ofpact *order[XLATE_ACTION_SET_MAX];
	const struct ofpact *a;
	bool has_group;
	size_t n = 0;

	if (!set.size)
		return;
	bytebuf_init(&ctx->action_set);
	has_group = xc_set_has_group(&set);
	for (int o = 1; o < XC_N_ORDERS; o++)
		OFPACT_FOR_EACH(a, (const struct ofpact *)set.data, set.size)
			if (xc_order(a) == o && !(o == 8 && has_group)
			    && n < XLATE_ACTION_SET_MAX)
				order[n++] = a;
	ctx->in_action_set = true;
	for (size_t i = 0; i < n && !ctx->exit; i++) {
		/* An expired TTL ends the whole set, as in Open vSwitch. */
		if (xlate_run(ctx, order[i], order[i]->len))
			break;
		if (ctx->freezing)
			for (size_t j = i + 1; j < n; j++)
				bytebuf_put(&ctx->action_set, order[j],
					    order[j]->len);
	}
	ctx->in_action_set = false;
	bytebuf_uninit(&set);
}
