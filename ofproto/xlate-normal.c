/* The NORMAL action: a learning switch with VLANs.  The input port's VLAN
 * mode says which VLAN the frame is in (or drops it); the source address
 * is learned in that VLAN; a known unicast destination gets the frame on
 * its port, anything else floods to every port carrying the VLAN.  Each
 * output carries the tags the output port's mode asks for.
 *
 * The megaflow depends on the VLAN tags and both addresses: a new source
 * must come up to be learned, a new destination to be looked up.  MAC
 * table changes make the revalidator look at every megaflow NORMAL made. */
#include "dpbridge-private.h"

#include <arpa/inet.h>
#include <string.h>

/* 01:80:c2:00:00:00-0f: bridge protocols (STP, LACP, LLDP), never
 * forwarded by a bridge. */
static bool is_reserved_multicast(const uint8_t mac[6])
{
	static const uint8_t prefix[5] = { 0x01, 0x80, 0xc2, 0x00, 0x00 };

	return !memcmp(mac, prefix, 5) && mac[5] <= 0x0f;
}

static void tags_from_flow(const struct of_flow *flow, struct vlan_tags *t)
{
	memset(t, 0, sizeof *t);
	for (int i = 0; i < OF_FLOW_N_VLANS; i++) {
		uint16_t tci = ntohs(flow->vlans[i].tci);

		if (!(tci & OF_VLAN_CFI))
			break;
		t->v[i].tpid = ntohs(flow->vlans[i].tpid);
		t->v[i].vid = tci & 0xfff;
		t->v[i].pcp = tci >> 13;
	}
}

static void tags_to_flow(const struct vlan_tags *t, struct of_flow *flow)
{
	for (int i = 0; i < OF_FLOW_N_VLANS; i++) {
		if (!t->v[i].tpid) {
			memset(&flow->vlans[i], 0, sizeof flow->vlans[i]);
			continue;
		}
		flow->vlans[i].tpid = htons(t->v[i].tpid);
		flow->vlans[i].tci = htons(OF_VLAN_CFI | t->v[i].pcp << 13 |
					   t->v[i].vid);
	}
}

/* A port reached by NORMAL that is not one of the bridge's (the
 * controller, a packet-out's in_port): any VLAN may come from it. */
static const struct port_vlan any_vlan = { .mode = PORT_VLAN_TRUNK,
					   .all_vlans = true };

static const struct port_vlan *port_vlan_of(const struct dpb_port *p)
{
	return p ? &p->vlan : &any_vlan;
}

/* Outputs to 'p' with the tags its mode gives 'inside'; the flow gets its
 * own tags back afterwards, for the next output. */
static void output_normal(struct xlate_ctx *ctx, const struct dpb_port *p,
			  const struct vlan_tags *inside)
{
	struct of_flow *flow = xlate_ctx_flow_mut(ctx);
	struct of_vlan saved[OF_FLOW_N_VLANS];
	struct vlan_tags out;

	memcpy(saved, flow->vlans, sizeof saved);
	port_vlan_output(&p->vlan, inside, &out);
	tags_to_flow(&out, flow);
	xlate_ctx_output(ctx, p->ofp_port);
	memcpy(flow->vlans, saved, sizeof saved);
}

static bool may_flood_to(const struct dpb_port *p, uint32_t in_port,
			 const struct vlan_tags *inside)
{
	return p->ofp_port != in_port && p->link_up &&
	       !(p->config & (1u << 0 | 1u << 4)) &&	/* down, no_flood */
	       port_vlan_includes(&p->vlan, inside);
}

static void flood(struct xlate_ctx *ctx, const struct dpb_ports *ports,
		  uint32_t in_port, const struct vlan_tags *inside)
{
	for (size_t i = 0; i < ports->n; i++)
		if (may_flood_to(&ports->p[i], in_port, inside))
			output_normal(ctx, &ports->p[i], inside);
}

void dpb_xlate_normal(void *aux, struct xlate_ctx *ctx)
{
	struct dpb_xctx *x = aux;
	const struct of_flow *flow = xlate_ctx_flow(ctx);
	struct of_flow *wc = xlate_ctx_wc(ctx);
	const struct dpb_port *in = dpb_port_by_ofp(x->ports,
						    ntohl(flow->in_port));
	const struct dpb_port *out;
	struct vlan_tags tags, inside;
	uint32_t out_port;
	uint16_t vlan;

	x->used_normal = true;
	wc->in_port = UINT32_MAX;
	memset(wc->dl_src, 0xff, sizeof wc->dl_src);
	memset(wc->dl_dst, 0xff, sizeof wc->dl_dst);
	memset(wc->vlans, 0xff, sizeof wc->vlans);
	if (is_reserved_multicast(flow->dl_dst))
		return;
	tags_from_flow(flow, &tags);
	if (!port_vlan_input(port_vlan_of(in), &tags, &inside, NULL))
		return;
	vlan = inside.v[0].tpid ? inside.v[0].vid : 0;

	if (x->side_effects && in &&
	    mac_table_learn(x->b->macs, flow->dl_src, vlan, in->ofp_port,
			    dp_now_ms()))
		dpb_reval_kick(x->b);
	if (!(flow->dl_dst[0] & 1) &&
	    mac_table_lookup(x->b->macs, flow->dl_dst, vlan, dp_now_ms(),
			     &out_port)) {
		out = dpb_port_by_ofp(x->ports, out_port);
		/* Learned on the input port: the frame is already there. */
		if (out && out != in && port_vlan_includes(&out->vlan, &inside))
			output_normal(ctx, out, &inside);
		return;
	}
	flood(ctx, x->ports, in ? in->ofp_port : ntohl(flow->in_port),
	      &inside);
}
