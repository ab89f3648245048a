/* Field actions: set_field and load, move, write_metadata, the push:/pop:
 * stack, dec_ttl and mod_nw_ttl.  Fields are reached through the field
 * table (ofp-fields.h): 'ofs' and 'st_bytes' place a field's storage in
 * of_flow, 'shift' and 'valid' its bits within. */
#include "xlate-private.h"

#include <arpa/inet.h>
#include <string.h>

#define XF_ETH_IP	0x0800
#define XF_ETH_ARP	0x0806
#define XF_ETH_RARP	0x8035
#define XF_ETH_IPV6	0x86dd
#define XF_ETH_MPLS	0x8847
#define XF_ETH_MPLSM	0x8848
#define XF_ETH_PBB	0x88e7

static uint8_t *xf_storage(const struct mf_field *mf, const struct of_flow *f)
{
	return (uint8_t *)f + mf->ofs;
}

static uint32_t xf_be_read(const uint8_t *p, int n)
{
	uint32_t v = 0;

	for (int i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

static void xf_be_write(uint8_t *p, int n, uint32_t v)
{
	for (int i = n - 1; i >= 0; i--, v >>= 8)
		p[i] = v;
}

/* The field's value (n_bytes, network order) as 'f' holds it. */
static void xf_get(const struct mf_field *mf, const struct of_flow *f,
		   union mf_value *v)
{
	const uint8_t *st = xf_storage(mf, f);

	memset(v, 0, sizeof *v);
	if (mf->st_bytes <= 4)
		xf_be_write(v->u8, mf->n_bytes,
			    xf_be_read(st, mf->st_bytes) >> mf->shift
			    & mf->valid);
	else
		memcpy(v->u8, st, mf->n_bytes);
}

/* Writes the bits of 'v' that 'mask' selects; with 'or_only', ORs the
 * mask itself in instead (for un-wildcarding). */
static void xf_put(const struct mf_field *mf, struct of_flow *f,
		   const union mf_value *v, const union mf_value *mask,
		   bool or_only)
{
	uint8_t *st = xf_storage(mf, f);

	if (mf->st_bytes <= 4) {
		uint32_t cur = xf_be_read(st, mf->st_bytes);
		uint32_t m = (xf_be_read(mask->u8, mf->n_bytes) & mf->valid)
			     << mf->shift;
		uint32_t x = xf_be_read(v->u8, mf->n_bytes) << mf->shift;

		cur = or_only ? cur | m : (cur & ~m) | (x & m);
		xf_be_write(st, mf->st_bytes, cur);
		return;
	}
	for (int i = 0; i < mf->n_bytes; i++)
		st[i] = or_only ? st[i] | mask->u8[i]
			: (st[i] & ~mask->u8[i]) | (v->u8[i] & mask->u8[i]);
}

static void xf_unwildcard(struct xlate_ctx *ctx, const struct mf_field *mf,
			  const union mf_value *mask)
{
	xf_put(mf, ctx->wc, mask, mask, true);
}

static bool xf_type_is(struct xlate_ctx *ctx, uint16_t a, uint16_t b)
{
	XLATE_WC(ctx, dl_type);
	return ctx->flow.dl_type == htons(a) || ctx->flow.dl_type == htons(b);
}

static bool xf_ip_proto_is(struct xlate_ctx *ctx, uint8_t proto)
{
	if (!xf_type_is(ctx, XF_ETH_IP, XF_ETH_IPV6))
		return false;
	XLATE_WC(ctx, nw_proto);
	return ctx->flow.nw_proto == proto;
}

static bool xf_icmp_is(struct xlate_ctx *ctx, uint16_t ethertype,
		       uint8_t proto)
{
	return xf_type_is(ctx, ethertype, ethertype)
	       && xf_ip_proto_is(ctx, proto);
}

static bool xf_nd_is(struct xlate_ctx *ctx, uint16_t type)
{
	if (!xf_icmp_is(ctx, XF_ETH_IPV6, 58))
		return false;
	XLATE_WC(ctx, tp_src);
	XLATE_WC(ctx, tp_dst);
	if (ctx->flow.tp_dst)
		return false;
	return type ? ctx->flow.tp_src == htons(type)
		: ctx->flow.tp_src == htons(135)
		  || ctx->flow.tp_src == htons(136);
}

/* Whether the packet has the field (its prerequisites hold); reads what
 * the answer depends on into the mask. */
bool xlate_field_present(struct xlate_ctx *ctx, const struct mf_field *mf)
{
	switch (mf->prereq) {
	case MFP_VLAN_VID:
		ctx->wc->vlans[0].tci |= htons(OF_VLAN_CFI);
		return ctx->flow.vlans[0].tci & htons(OF_VLAN_CFI);
	case MFP_MPLS:
		return xf_type_is(ctx, XF_ETH_MPLS, XF_ETH_MPLSM);
	case MFP_IPV4:
		return xf_type_is(ctx, XF_ETH_IP, XF_ETH_IP);
	case MFP_IPV6:
		return xf_type_is(ctx, XF_ETH_IPV6, XF_ETH_IPV6);
	case MFP_IP_ANY:
		return xf_type_is(ctx, XF_ETH_IP, XF_ETH_IPV6);
	case MFP_ARP:
		return xf_type_is(ctx, XF_ETH_ARP, XF_ETH_RARP);
	case MFP_PBB:
		return xf_type_is(ctx, XF_ETH_PBB, XF_ETH_PBB);
	case MFP_TCP:
		return xf_ip_proto_is(ctx, 6);
	case MFP_UDP:
		return xf_ip_proto_is(ctx, 17);
	case MFP_SCTP:
		return xf_ip_proto_is(ctx, 132);
	case MFP_ICMPV4:
		return xf_icmp_is(ctx, XF_ETH_IP, 1);
	case MFP_ICMPV6:
		return xf_icmp_is(ctx, XF_ETH_IPV6, 58);
	case MFP_ND:
		return xf_nd_is(ctx, 0);
	case MFP_ND_SOLICIT:
		return xf_nd_is(ctx, 135);
	case MFP_ND_ADVERT:
		return xf_nd_is(ctx, 136);
	default:
		return true;
	}
}

/* A VID or PCP written into a tag makes it present, as OpenFlow's
 * set_field on them does; a new tag is 802.1Q.  A TCI without the present
 * bit removes the outer tag. */
static void xf_fix_vlan(struct xlate_ctx *ctx, const struct mf_field *mf)
{
	struct of_vlan *v = ctx->flow.vlans;

	switch (mf->id) {
	case MFF_VLAN_VID:
	case MFF_DL_VLAN:
	case MFF_VLAN_PCP:
	case MFF_DL_VLAN_PCP:
		v[0].tci |= htons(OF_VLAN_CFI);
		break;
	case MFF_VLAN_TCI:
		break;
	default:
		return;
	}
	if (!(v[0].tci & htons(OF_VLAN_CFI))) {
		memmove(&v[0], &v[1], sizeof v[0] * (OF_FLOW_N_VLANS - 1));
		memset(&v[OF_FLOW_N_VLANS - 1], 0, sizeof v[0]);
	} else if (!v[0].tpid) {
		v[0].tpid = htons(0x8100);
	}
	memset(ctx->wc->vlans, 0xff, sizeof ctx->wc->vlans);
}

/* Whether the datapath sees the field: only then does the packet's old
 * value decide whether a set is needed. */
static bool xf_in_packet(const struct mf_field *mf)
{
	return mf->ofs >= OF_FLOW_L2_OFS || mf->id == MFF_PKT_MARK
	       || mf->id == MFF_SKB_PRIORITY;
}

/* Writes the masked value into the flow, and for a packet field the mask
 * into the megaflow. */
static void xf_write(struct xlate_ctx *ctx, const struct mf_field *mf,
		     const union mf_value *v, const union mf_value *mask)
{
	if (xf_in_packet(mf))
		xf_unwildcard(ctx, mf, mask);
	xf_put(mf, &ctx->flow, v, mask, false);
	xf_fix_vlan(ctx, mf);
}

void xlate_set_field(struct xlate_ctx *ctx, const struct ofpact_set_field *sf)
{
	/* Only where the packet has the field. */
	if (!xlate_field_present(ctx, sf->field))
		return;
	xf_write(ctx, sf->field, &sf->value, &sf->mask);
}

static bool xf_bit(const uint8_t *p, int n_bytes, int i)
{
	return p[n_bytes - 1 - i / 8] >> (i % 8) & 1;
}

static void xf_set_bit(uint8_t *p, int n_bytes, int i, bool on)
{
	uint8_t b = 1u << (i % 8);

	if (on)
		p[n_bytes - 1 - i / 8] |= b;
	else
		p[n_bytes - 1 - i / 8] &= ~b;
}

/* The mask of a subfield's bits within its field's value. */
static void xf_subfield_mask(const struct mf_subfield *sf, union mf_value *m)
{
	memset(m, 0, sizeof *m);
	for (int i = 0; i < sf->n_bits; i++)
		xf_set_bit(m->u8, sf->field->n_bytes, sf->ofs + i, true);
}

void xlate_subfield_read(struct xlate_ctx *ctx, const struct mf_subfield *sf,
			 union mf_value *out)
{
	const struct mf_field *mf = sf->field;
	union mf_value v, m;

	xf_get(mf, &ctx->flow, &v);
	xf_subfield_mask(sf, &m);
	xf_unwildcard(ctx, mf, &m);
	memset(out, 0, sizeof *out);
	for (int i = 0; i < sf->n_bits; i++)
		xf_set_bit(out->u8, sizeof out->u8, i,
			   xf_bit(v.u8, mf->n_bytes, sf->ofs + i));
}

uint64_t xlate_subfield_get(struct xlate_ctx *ctx,
			    const struct mf_subfield *sf)
{
	union mf_value v;
	uint64_t x = 0;

	xlate_subfield_read(ctx, sf, &v);
	for (int i = 8; i < 16; i++)
		x = x << 8 | v.u8[i];
	return x;
}

void xlate_subfield_place(const struct mf_subfield *sf,
			  const union mf_value *in, union mf_value *value,
			  union mf_value *mask)
{
	memset(value, 0, sizeof *value);
	for (int i = 0; i < sf->n_bits; i++)
		xf_set_bit(value->u8, sf->field->n_bytes, sf->ofs + i,
			   xf_bit(in->u8, sizeof in->u8, i));
	xf_subfield_mask(sf, mask);
}

void xlate_subfield_write(struct xlate_ctx *ctx, const struct mf_subfield *sf,
			  const union mf_value *in)
{
	union mf_value v, m;

	xlate_subfield_place(sf, in, &v, &m);
	xf_write(ctx, sf->field, &v, &m);
}

void xlate_reg_move(struct xlate_ctx *ctx, const struct ofpact_reg_move *mv)
{
	union mf_value v;

	xlate_subfield_read(ctx, &mv->src, &v);
	xlate_subfield_write(ctx, &mv->dst, &v);
}

void xlate_write_metadata(struct xlate_ctx *ctx,
			  const struct ofpact_metadata *md)
{
	uint64_t cur = be64toh(ctx->flow.metadata);

	cur = (cur & ~md->mask) | (md->metadata & md->mask);
	ctx->flow.metadata = htobe64(cur);
}

void xlate_stack_push(struct xlate_ctx *ctx, const struct ofpact_stack *st)
{
	union mf_value v;

	if (ctx->stack.size >= XLATE_MAX_STACK) {
		xlate_set_error(ctx, XLATE_STACK_TOO_DEEP);
		return;
	}
	xlate_subfield_read(ctx, &st->sf, &v);
	bytebuf_put(&ctx->stack, &v, sizeof v);
}

/* Popping an empty stack changes nothing, as in Open vSwitch. */
void xlate_stack_pop(struct xlate_ctx *ctx, const struct ofpact_stack *st)
{
	union mf_value v;

	if (ctx->stack.size < sizeof v)
		return;
	memcpy(&v, ctx->stack.data + ctx->stack.size - sizeof v, sizeof v);
	bytebuf_truncate(&ctx->stack, ctx->stack.size - sizeof v);
	xlate_subfield_write(ctx, &st->sf, &v);
}

static bool xf_is_ip(struct xlate_ctx *ctx)
{
	return xf_type_is(ctx, XF_ETH_IP, XF_ETH_IPV6);
}

/* True when the TTL expired: the packet went to the controllers named
 * and the caller stops its actions. */
bool xlate_dec_ttl(struct xlate_ctx *ctx, const struct ofpact_dec_ttl *d)
{
	if (!xf_is_ip(ctx))
		return false;
	XLATE_WC(ctx, nw_ttl);
	if (ctx->flow.nw_ttl > 1) {
		ctx->flow.nw_ttl--;
		return false;
	}
	/* Plain dec_ttl names no controller: it means controller 0. */
	if (!d->n_ids)
		xlate_controller_simple(ctx, UINT16_MAX,
					OFPACT_PIN_INVALID_TTL, 0);
	for (uint16_t i = 0; i < d->n_ids; i++)
		xlate_controller_simple(ctx, UINT16_MAX,
					OFPACT_PIN_INVALID_TTL, d->ids[i]);
	return true;
}

void xlate_set_ip_ttl(struct xlate_ctx *ctx, uint8_t ttl)
{
	if (!xf_is_ip(ctx))
		return;
	XLATE_WC(ctx, nw_ttl);
	ctx->flow.nw_ttl = ttl;
}
