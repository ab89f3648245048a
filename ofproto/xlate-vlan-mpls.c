/* VLAN and MPLS actions with OpenFlow semantics.  VLAN tags (two, for
 * QinQ) and entering or rewriting MPLS change the flow only; the commit
 * before the next output turns the difference into push/pop/set actions.
 * Leaving MPLS exposes a header nobody has parsed: after pop_mpls the L3
 * and L4 fields are unknown, and the first action that needs them freezes
 * the pipeline behind a recirculation. */
#include "xlate-private.h"

#include <arpa/inet.h>
#include <string.h>

#include "odp-commit.h"

#define XV_ETH_VLAN	0x8100
#define XV_ETH_VLAN_8021AD	0x88a8
#define XV_VID_MASK	0x0fff
#define XV_PCP_MASK	0xe000
#define XV_PCP_SHIFT	13

#define XV_MPLS_LABEL_SHIFT	12
#define XV_MPLS_TC_SHIFT	9
#define XV_MPLS_BOS		0x00000100u
#define XV_MPLS_TTL_MASK	0x000000ffu
#define XV_MPLS_TC_MASK		0x00000e00u
#define XV_MPLS_LABEL_MASK	0xfffff000u

static bool xv_has_vlan(struct xlate_ctx *ctx)
{
	ctx->wc->vlans[0].tci |= htons(OF_VLAN_CFI);
	return ctx->flow.vlans[0].tci & htons(OF_VLAN_CFI);
}

static void xv_set_tci_bits(struct xlate_ctx *ctx, uint16_t bits,
			    uint16_t value)
{
	uint16_t tci = ntohs(ctx->flow.vlans[0].tci);

	ctx->wc->vlans[0].tci |= htons(bits | OF_VLAN_CFI);
	tci = (tci & ~bits) | (value & bits) | OF_VLAN_CFI;
	ctx->flow.vlans[0].tci = htons(tci);
}

/* A third tag, or one with another TPID, cannot be pushed: the action
 * does nothing (the datapath knows two tags, as of_flow does). */
void xlate_push_vlan(struct xlate_ctx *ctx, uint16_t tpid)
{
	struct of_vlan *v = ctx->flow.vlans;

	if (tpid != XV_ETH_VLAN && tpid != XV_ETH_VLAN_8021AD)
		return;
	ctx->wc->vlans[OF_FLOW_N_VLANS - 1].tci |= htons(OF_VLAN_CFI);
	if (odp_vlan_count(&ctx->flow) >= OF_FLOW_N_VLANS)
		return;

	/* The new tag starts as VID 0, PCP 0, as in Open vSwitch; the tags
	 * already there are read to know where it goes. */
	memset(ctx->wc->vlans, 0xff, sizeof v[0] * odp_vlan_count(&ctx->flow));
	memmove(&v[1], &v[0], sizeof v[0] * (OF_FLOW_N_VLANS - 1));
	v[0].tpid = htons(tpid);
	v[0].tci = htons(OF_VLAN_CFI);
}

void xlate_strip_vlan(struct xlate_ctx *ctx)
{
	struct of_vlan *v = ctx->flow.vlans;

	memset(ctx->wc->vlans, 0xff, sizeof ctx->wc->vlans);
	memmove(&v[0], &v[1], sizeof v[0] * (OF_FLOW_N_VLANS - 1));
	memset(&v[OF_FLOW_N_VLANS - 1], 0, sizeof v[0]);
}

/* mod_vlan_vid / set_vlan_vid: OpenFlow 1.0's form tags an untagged
 * packet; the 1.1 form leaves it alone. */
static bool xv_ensure_tag(struct xlate_ctx *ctx, const struct ofpact_vlan *a)
{
	if (xv_has_vlan(ctx))
		return true;
	if (!a->push_if_needed)
		return false;
	ctx->flow.vlans[0].tpid = htons(XV_ETH_VLAN);
	ctx->flow.vlans[0].tci = htons(OF_VLAN_CFI);
	return true;
}

void xlate_set_vlan_vid(struct xlate_ctx *ctx, const struct ofpact_vlan *a)
{
	if (xv_ensure_tag(ctx, a))
		xv_set_tci_bits(ctx, XV_VID_MASK, a->value);
}

void xlate_set_vlan_pcp(struct xlate_ctx *ctx, const struct ofpact_vlan *a)
{
	if (xv_ensure_tag(ctx, a))
		xv_set_tci_bits(ctx, XV_PCP_MASK, a->value << XV_PCP_SHIFT);
}

static bool xv_is_mpls(struct xlate_ctx *ctx)
{
	XLATE_WC(ctx, dl_type);
	return ctx->flow.dl_type == htons(0x8847)
	       || ctx->flow.dl_type == htons(0x8848);
}

/* L3 and L4 are hidden under a label, or not parsed yet. */
static void xv_clear_l3(struct of_flow *f)
{
	memset((uint8_t *)f + OF_FLOW_L3_OFS, 0, sizeof *f - OF_FLOW_L3_OFS);
}

void xlate_push_mpls(struct xlate_ctx *ctx, uint16_t ethertype)
{
	struct of_flow *f = &ctx->flow;
	uint32_t lse;

	if (xv_is_mpls(ctx)) {
		/* A second label copies the first (TTL, TC, label), without
		 * bottom of stack.  The first goes out now; the new one at
		 * the next commit, with what actions set in it by then. */
		XLATE_WC(ctx, mpls_lse);
		xlate_commit(ctx);
		f->mpls_lse &= ~htonl(XV_MPLS_BOS);
		f->dl_type = htons(ethertype);
		ctx->mpls_push_pending = true;
		ctx->mpls_stack_ops++;
		return;
	}
	/* Changes to L3 must reach the packet before it is hidden. */
	xlate_commit(ctx);
	lse = XV_MPLS_BOS;
	if (f->dl_type == htons(0x0800) || f->dl_type == htons(0x86dd)) {
		XLATE_WC(ctx, nw_tos);
		XLATE_WC(ctx, nw_ttl);
		/* As Open vSwitch: the DSCP's low three bits. */
		lse |= (uint32_t)(f->nw_tos >> 2 & 7) << XV_MPLS_TC_SHIFT;
		lse |= f->nw_ttl;
	} else {
		lse |= 64;	/* no TTL to inherit */
	}
	f->mpls_lse = htonl(lse);
	f->dl_type = htons(ethertype);
	xv_clear_l3(f);
}

/* An ethertype a header can follow an MPLS stack with. */
static bool xv_valid_l3_type(uint16_t t)
{
	return t >= 0x600 && t != 0x8100 && t != 0x88a8 && t != 0x8847
	       && t != 0x8848;
}

/* Popping the bottom label exposes 'ethertype'; popping another exposes
 * the next label (the packet stays MPLS, as in Open vSwitch, whatever
 * 'ethertype' says).  A pop that names no header that can be there does
 * nothing. */
void xlate_pop_mpls(struct xlate_ctx *ctx, uint16_t ethertype)
{
	struct of_flow *f = &ctx->flow;

	if (!xv_is_mpls(ctx))
		return;
	ctx->wc->mpls_lse |= htonl(XV_MPLS_BOS);
	if (ctx->mpls_push_pending) {
		/* Popping a label not pushed yet: the one below is known. */
		ctx->mpls_push_pending = false;
		f->mpls_lse = ctx->base.mpls_lse;
		f->dl_type = ctx->base.dl_type;
		return;
	}
	if (!(f->mpls_lse & htonl(XV_MPLS_BOS))) {
		/* The next label is unknown until reparsed. */
		xlate_commit(ctx);
		odp_put_pop_mpls(&ctx->xout->actions, f->dl_type);
		f->mpls_lse = 0;
		ctx->base = *f;
	} else if (xv_valid_l3_type(ethertype)) {
		f->dl_type = htons(ethertype);
		f->mpls_lse = 0;
		xv_clear_l3(f);
	} else {
		return;
	}
	/* Our datapath cannot push a label back after a pop: a clone or
	 * bucket that popped runs on its own copy. */
	ctx->was_mpls = true;
	ctx->mpls_stack_ops++;
}

static void xv_set_lse_bits(struct xlate_ctx *ctx, uint32_t bits,
			    uint32_t value)
{
	uint32_t lse;

	if (!xv_is_mpls(ctx))
		return;
	lse = ntohl(ctx->flow.mpls_lse);
	ctx->wc->mpls_lse |= htonl(bits);
	ctx->flow.mpls_lse = htonl((lse & ~bits) | (value & bits));
}

void xlate_set_mpls_label(struct xlate_ctx *ctx, uint32_t label)
{
	xv_set_lse_bits(ctx, XV_MPLS_LABEL_MASK, label << XV_MPLS_LABEL_SHIFT);
}

void xlate_set_mpls_tc(struct xlate_ctx *ctx, uint8_t tc)
{
	xv_set_lse_bits(ctx, XV_MPLS_TC_MASK,
			(uint32_t)tc << XV_MPLS_TC_SHIFT);
}

void xlate_set_mpls_ttl(struct xlate_ctx *ctx, uint8_t ttl)
{
	xv_set_lse_bits(ctx, XV_MPLS_TTL_MASK, ttl);
}

/* True when the TTL expired: the packet went to the controller and the
 * caller stops its actions. */
bool xlate_dec_mpls_ttl(struct xlate_ctx *ctx)
{
	uint32_t ttl;

	if (!xv_is_mpls(ctx))
		return false;
	ctx->wc->mpls_lse |= htonl(XV_MPLS_TTL_MASK);
	ttl = ntohl(ctx->flow.mpls_lse) & XV_MPLS_TTL_MASK;
	if (ttl > 1) {
		xlate_set_mpls_ttl(ctx, ttl - 1);
		return false;
	}
	xlate_controller_simple(ctx, UINT16_MAX, OFPACT_PIN_INVALID_TTL, 0);
	return true;
}

/* After a pop_mpls to a header not parsed yet: whether 'a' needs what lies
 * beyond L2.  Outputs and L2 rewrites do not; anything else recirculates,
 * as Open vSwitch does. */
bool xlate_needs_recirc(const struct xlate_ctx *ctx, const struct ofpact *a)
{
	(void)ctx;
	switch ((enum ofpact_type)a->type) {
	case OFPACT_OUTPUT:
	case OFPACT_OUTPUT_TRUNC:
	case OFPACT_ENQUEUE:
	case OFPACT_OUTPUT_REG:
	case OFPACT_SET_VLAN_VID:
	case OFPACT_SET_VLAN_PCP:
	case OFPACT_SET_TUNNEL:
	case OFPACT_SET_QUEUE:
	case OFPACT_GROUP:
		return false;
	case OFPACT_SET_FIELD:
		return ((const struct ofpact_set_field *)a)->field->ofs
		       >= OF_FLOW_L3_OFS;
	default:
		return true;
	}
}
