/* libFuzzer: translation of whatever actions a controller can install.
 *
 * The first 16 bytes make a packet (kind, in_port, TTL, TOS, ports, VLAN
 * tags, an MPLS label); the rest is an OpenFlow 1.5 action list (or, with
 * bit 0 of byte 0, an instruction list) that every table of a small bridge
 * runs as its one catch-all rule and every bucket of its groups runs too.
 * Translation must not crash, and when it succeeds without needing
 * userspace the datapath core must accept its actions for its megaflow. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "bytebuf.h"
#include "flow-netlink.h"
#include "odp-actions-text.h"
#include "ofp-actions.h"
#include "xlate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FX_HDR 16
#define FX_TABLES 4

struct fx {
	const void *acts;
	size_t len;
	struct xlate_bucket buckets[2];
	bool port2_live;
};

static bool fx_lookup(void *aux, uint8_t table_id, const struct of_flow *f,
		      struct of_flow *wc, struct xlate_rule *r)
{
	struct fx *x = aux;

	(void)f;
	(void)wc;
	if (table_id >= FX_TABLES)
		return false;
	r->ofpacts = x->acts;
	r->ofpacts_len = x->len;
	r->cookie = table_id;
	r->table_id = table_id;
	r->owner = x;
	return true;
}

static enum xlate_miss fx_miss(void *aux, uint8_t table_id)
{
	(void)aux;
	return table_id & 1 ? XLATE_MISS_CONTROLLER : XLATE_MISS_CONTINUE;
}

static bool fx_port(void *aux, uint32_t port, struct xlate_port *p)
{
	struct fx *x = aux;

	if ((port < 1 || port > 4) && port != XLATE_PORT_LOCAL)
		return false;
	memset(p, 0, sizeof *p);
	p->ofp_port = port;
	p->odp_port = port == XLATE_PORT_LOCAL ? 100 : port;
	p->live = port != 2 || x->port2_live;
	p->no_flood = port == 3;
	p->is_local = port == XLATE_PORT_LOCAL;
	return true;
}

static size_t fx_ports(void *aux, struct xlate_port *p, size_t max)
{
	static const uint32_t all[] = { 1, 2, 3, 4, XLATE_PORT_LOCAL };
	size_t n = 0;

	for (size_t i = 0; i < 5 && n < max; i++)
		if (fx_port(aux, all[i], &p[n]))
			n++;
	return 5;
}

static bool fx_group(void *aux, uint32_t id, struct xlate_group *g)
{
	struct fx *x = aux;

	if (id < 1 || id > 4)
		return false;
	memset(g, 0, sizeof *g);
	g->id = id;
	g->type = id == 1 ? XLATE_GROUP_ALL : id == 2 ? XLATE_GROUP_SELECT
		: id == 3 ? XLATE_GROUP_INDIRECT : XLATE_GROUP_FF;
	g->buckets = x->buckets;
	g->n_buckets = 2;
	g->owner = x;
	return true;
}

static void fx_learn(void *aux, const struct of_flow_mod *fm)
{
	(void)aux;
	(void)fm;
}

static const struct xlate_ops fx_ops = {
	.lookup = fx_lookup,
	.table_miss = fx_miss,
	.port = fx_port,
	.ports = fx_ports,
	.group = fx_group,
	.learn = fx_learn,
};

static uint16_t be16_at(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* A packet of one of four kinds, as the datapath would parse it. */
static void fx_flow(const uint8_t *h, struct of_flow *f)
{
	static const uint32_t ports[] = { 1, 2, 3, XLATE_PORT_LOCAL };
	int kind = h[0] >> 1 & 3;

	memset(f, 0, sizeof *f);
	f->in_port = htonl(ports[h[1] & 3]);
	f->dl_src[5] = h[1];
	f->dl_dst[5] = h[2];
	if (h[0] & 0x08) {
		f->vlans[0].tpid = htons(h[0] & 0x10 ? 0x88a8 : 0x8100);
		f->vlans[0].tci = htons(be16_at(h + 6) | 0x1000);
		if (h[0] & 0x10) {
			f->vlans[1].tpid = htons(0x8100);
			f->vlans[1].tci = htons(be16_at(h + 14) | 0x1000);
		}
	}
	switch (kind) {
	case 0:
	case 1:
		f->dl_type = htons(kind ? 0x86dd : 0x0800);
		f->nw_proto = kind ? 17 : 6;
		f->nw_ttl = h[2];
		f->nw_tos = h[3];
		memcpy(&f->nw_src, h + 8, 4);
		f->ipv6_src[15] = h[8];
		f->tp_src = htons(be16_at(h + 4));
		f->tp_dst = htons(80);
		break;
	case 2:
		f->dl_type = htons(0x0806);
		f->arp_op = htons(1 + (h[3] & 1));
		memcpy(&f->nw_src, h + 8, 4);
		break;
	default:
		f->dl_type = htons(0x8847);
		memcpy(&f->mpls_lse, h + 8, 4);
		break;
	}
	memcpy(&f->regs[0], h + 12, 4);
}

/* The megaflow, as netlink, must be one the datapath takes. */
static void fx_check_installable(const struct flow_key *key,
				 const struct flow_key *mask)
{
	static uint8_t kmem[1024], mmem[1024];
	struct flow_key k2, m2;
	struct flow_nl_error err;
	struct nlbuf kb, mb;

	nlbuf_init(&kb, kmem, sizeof kmem);
	nlbuf_init(&mb, mmem, sizeof mmem);
	memset(&err, 0, sizeof err);
	if (flow_nl_put_key(&kb, key) || flow_nl_put_mask(&mb, key, mask)
	    || flow_nl_parse_match(kb.data, kb.size, mb.data, mb.size, &k2,
				   &m2, &err)) {
		fprintf(stderr, "datapath refuses megaflow: %s (attr %d%s)\n",
			err.msg ? err.msg : "?", err.attr,
			err.in_mask ? ", mask" : "");
		abort();
	}
}

static void fx_check(const struct of_flow *f, const struct xlate_out *o)
{
	struct flow_key key, mask;
	struct actions_error err;
	uint32_t in_port = ntohl(f->in_port);

	if (o->error || o->slow)
		return;
	xlate_megaflow(f, &o->wc, in_port == XLATE_PORT_LOCAL ? 100 : in_port,
		       &key, &mask);
	fx_check_installable(&key, &mask);
	memset(&err, 0, sizeof err);
	if (actions_validate((const struct nlattr *)o->actions.data,
			     o->actions.size, &key, &mask, &err)) {
		char *text = odp_actions_to_string(o->actions.data,
						   o->actions.size);

		fprintf(stderr, "datapath refuses translation: %s at %u: %s\n",
			err.msg ? err.msg : "?", err.offset, text);
		free(text);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct xlate_out out;
	struct xlate_in in;
	struct of_flow f;
	struct fx x;
	enum ofperr e;

	if (size < FX_HDR)
		return 0;
	e = data[0] & 1
	    ? ofpacts_decode_instructions(data + FX_HDR, size - FX_HDR,
					  OFP15_VERSION, &acts)
	    : ofpacts_decode_actions(data + FX_HDR, size - FX_HDR,
				     OFP15_VERSION, &acts);
	if (e) {
		bytebuf_uninit(&acts);
		return 0;
	}
	memset(&x, 0, sizeof x);
	x.acts = acts.data;
	x.len = acts.size;
	x.port2_live = data[0] & 0x20;
	for (int i = 0; i < 2; i++) {
		x.buckets[i].weight = 1 + i;
		x.buckets[i].watch_port = i ? XLATE_PORT_ANY : 2;
		x.buckets[i].watch_group = XLATE_GROUP_ANY;
		x.buckets[i].ofpacts = acts.data;
		x.buckets[i].ofpacts_len = acts.size;
	}
	fx_flow(data, &f);
	memset(&in, 0, sizeof in);
	in.flow = &f;
	in.may_learn = true;
	xlate_out_init(&out);
	if (!xlate_actions(&fx_ops, &x, &in, &out))
		fx_check(&f, &out);
	xlate_out_uninit(&out);
	bytebuf_uninit(&acts);
	return 0;
}
