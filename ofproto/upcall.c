/* Upcalls: a packet that missed every megaflow is translated through the
 * OpenFlow tables, in the polling thread that met it; the answer becomes a
 * megaflow (the datapath installs it) and a ukey (our record of it).
 *
 * Ordering with table changes: the translation reads the tables at version
 * V.  The ukey goes into the map under the map's lock only if V is still
 * current; otherwise the packet is translated again.  A change publishes
 * V+1 first and then marks, under the same lock, the ukeys it affects, so
 * every ukey is either translated at the new version or marked for the
 * revalidator. */
#include "dpbridge-private.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "flow-netlink.h"
#include "log.h"
#include "of-flow-key.h"
#include "recirc.h"
#include "rule.h"
#include "xalloc.h"

#define UPCALL_MAX_RETRIES 3

static void count(uint64_t *counter)
{
	__atomic_add_fetch(counter, 1, __ATOMIC_RELAXED);
}

/* The megaflow's OpenFlow view: the flow under the mask. */
static void megaflow_match(const struct of_flow *flow,
			   const struct of_flow *wc, struct of_match *m)
{
	const uint64_t *f = (const uint64_t *)flow;
	const uint64_t *w = (const uint64_t *)wc;
	uint64_t *mf = (uint64_t *)&m->flow;

	for (size_t i = 0; i < sizeof *flow / 8; i++)
		mf[i] = f[i] & w[i];
	m->mask = *wc;
}

struct ukey *dpb_ukey_from_xlate(const struct dpb_xctx *ctx,
				 const struct xlate_out *xo,
				 const struct flow_key *key,
				 const struct flow_key *mask,
				 const struct flow_ufid *ufid)
{
	const void **uses = xcalloc(xo->n_rules + 2, sizeof *uses);
	size_t n_uses = 0;
	struct of_match m;
	struct ukey *uk;

	for (size_t i = 0; i < xo->n_rules; i++)
		uses[n_uses++] = xo->rules[i];
	if (ctx->used_normal)
		uses[n_uses++] = ctx->b->macs;
	megaflow_match(ctx->orig, &xo->wc, &m);
	uk = ukey_create(ufid, &m, ctx->visits, ctx->n_visits, uses, n_uses,
			 xo->actions.data, xo->actions.size, ctx->version);
	free(uses);
	uk->key = *key;
	uk->mask = *mask;
	if (ctx->n_groups) {
		uk->group_ids = xcalloc(ctx->n_groups, sizeof *uk->group_ids);
		memcpy(uk->group_ids, ctx->group_ids,
		       ctx->n_groups * sizeof *uk->group_ids);
		uk->n_groups = ctx->n_groups;
	}
	/* The rules stay readable while the ukey names them. */
	for (size_t i = 0; i < uk->n_visits; i++)
		if (uk->visits[i].rule)
			rule_ref(uk->visits[i].rule);
	return uk;
}

void dpb_ukey_release(struct ukey *uk)
{
	if (!uk)
		return;
	for (size_t i = 0; i < uk->n_visits; i++)
		if (uk->visits[i].rule)
			rule_unref(uk->visits[i].rule);
	for (size_t i = 0; i < uk->n_recircs; i++)
		recirc_unref(uk->recircs[i]);
	ukey_destroy(uk);
}

/* The packet's flow in OpenFlow terms: its in_port as an OpenFlow port. */
static void upcall_flow(const struct dpb_ports *ports,
			const struct flow_key *key, struct of_flow *flow)
{
	const struct dpb_port *in = dpb_port_by_odp(ports, key->in_port);

	of_flow_from_flow_key(key, flow);
	flow->in_port = htonl(in ? in->ofp_port : XLATE_PORT_NONE);
}

static bool put_actions(struct nlbuf *b, const void *data, size_t len)
{
	if (b->cap - b->size < len) {
		b->overflow = true;
		return false;
	}
	memcpy(b->data + b->size, data, len);
	b->size += len;
	return true;
}

/* The megaflow keeps the recirculation ids its actions use. */
static void take_recircs(struct ukey *uk, struct xlate_out *xo)
{
	uk->recircs = xo->recircs;
	uk->n_recircs = xo->n_recircs;
	xo->recircs = NULL;
	xo->n_recircs = xo->recircs_cap = 0;
}

/* Records 'uk' unless the tables changed since its translation (false:
 * translate again).  A ukey with the same UFID already there (a racing
 * thread met the same packet) wins; 'uk' is then dropped. */
static bool record(struct dpbridge *b, struct ukey *uk)
{
	bool current, inserted = false;

	uk->created_ms = dp_now_ms();
	ukey_map_lock(b->ukeys);
	current = ofproto_version(b->ofproto) == uk->version;
	if (current)
		inserted = ukey_map_insert_locked(b->ukeys, uk);
	ukey_map_unlock(b->ukeys);
	if (inserted)
		count(&b->counters.flows_added);
	if (!inserted)
		dpb_ukey_release(uk);
	return current;
}

/* Translates the packet and records the megaflow; fills 'mask' and
 * 'actions'.  Runs inside rcu_read_lock(). */
static int handle_miss(struct dpbridge *b, const struct dpif_upcall *up,
		       const struct flow_key *key, struct nlbuf *mask,
		       struct nlbuf *actions)
{
	struct flow_key mkey, mmask;
	struct dpb_xctx ctx;
	struct xlate_out xo;
	struct of_flow flow;
	int err = -EAGAIN;

	for (int attempt = 0; attempt < UPCALL_MAX_RETRIES; attempt++) {
		struct ukey *uk;
		bool done;

		upcall_flow(rcu_dereference(b->ports), key, &flow);
		dpb_xctx_init(&ctx, b, &flow, true);
		xlate_out_init(&xo);
		err = dpb_translate(&ctx, &flow, up->packet, &xo);
		done = err != 0;
		if (!err) {
			xlate_megaflow(&flow, &xo.wc, key->in_port, &mkey,
				       &mmask);
			uk = dpb_ukey_from_xlate(&ctx, &xo, key, &mmask,
						 &up->ufid);
			take_recircs(uk, &xo);
			done = record(b, uk);
			if (!done)
				count(&b->counters.retranslated);
			else if (flow_nl_put_mask(mask, &mkey, &mmask) ||
				 !put_actions(actions, xo.actions.data,
					      xo.actions.size))
				err = -EMSGSIZE;
		}
		xlate_out_uninit(&xo);
		dpb_xctx_uninit(&ctx);
		if (done)
			return err;
	}
	return -EAGAIN;
}

/* A userspace action: a packet for the controller. */
static int handle_userspace(struct dpbridge *b, const struct dpif_upcall *up,
			    const struct flow_key *key)
{
	const struct xlate_ctrl_cookie *c = up->userdata;
	struct of_flow flow;

	if (up->userdata_len < sizeof *c || c->type != XLATE_COOKIE_CONTROLLER)
		return -EINVAL;
	upcall_flow(rcu_dereference(b->ports), key, &flow);
	dpb_async_packet_in(&b->async, up->packet, &flow, up->userdata,
			    up->userdata_len);
	return 0;
}

int dpb_upcall(const struct dpif_upcall *up, struct nlbuf *mask,
	       struct nlbuf *actions, void *aux)
{
	struct dpbridge *b = aux;
	struct flow_nl_error nlerr;
	struct flow_key key;
	int err;

	err = flow_nl_parse_key(up->key, up->key_len, &key, NULL, &nlerr);
	if (err) {
		count(&b->counters.upcall_errors);
		return err;
	}
	count(&b->counters.upcalls);
	rcu_read_lock();
	err = up->is_miss ? handle_miss(b, up, &key, mask, actions)
			  : handle_userspace(b, up, &key);
	rcu_read_unlock();
	if (err)
		count(&b->counters.upcall_errors);
	return err;
}
