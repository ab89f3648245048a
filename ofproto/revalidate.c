/* The revalidator: a thread per bridge that keeps the datapath's megaflows
 * true to the OpenFlow tables.
 *
 * - After a table change it re-translates only the megaflows the change
 *   can affect (marked through the ukey indexes: see ukey.h), modifying
 *   a flow whose actions changed and deleting one whose mask changed.  A
 *   barrier waits for this (dpb_reval_sync).
 * - Every sweep it dumps the datapath's flows: statistics go to the rules
 *   each megaflow used, idle megaflows are deleted, and flows nobody
 *   recorded are removed.
 *
 * OVS re-translates every megaflow after any change; here the work follows
 * the change. */
#include "dpbridge-private.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flow-netlink.h"
#include "dpif-netdev.h"
#include "log.h"
#include "of-flow-key.h"
#include "rule.h"
#include "xalloc.h"

#define SWEEP_INTERVAL_MS 500
/* A flow is put by the datapath just after its upcall returns; a change
 * racing that window finds no flow yet and retries. */
#define INSTALL_RETRIES 50
#define INSTALL_RETRY_NS 100000

static void add_count(uint64_t *counter, uint64_t n)
{
	__atomic_add_fetch(counter, n, __ATOMIC_RELAXED);
}

/* Under the ukey map's lock. */
static void add_dirty(struct ukey *uk, void *b_)
{
	struct dpbridge *b = b_;

	b->dirty = xgrow_n(b->dirty, &b->dirty_cap, b->n_dirty + 1,
			   sizeof *b->dirty);
	b->dirty[b->n_dirty++] = uk;
}

void dpb_tables_changed(void *aux, const struct ofproto_change *c)
{
	struct dpbridge *b = aux;
	size_t n = 0;

	for (size_t i = 0; i < c->n_added; i++) {
		const struct rule *r = c->added[i];

		n += ukey_map_rule_added(b->ukeys, r->table_id,
					 r->cr.priority, r->cr.match,
					 add_dirty, b);
	}
	for (size_t i = 0; i < c->n_modified; i++)
		n += ukey_map_rule_changed(b->ukeys, c->modified[i],
					   add_dirty, b);
	for (size_t i = 0; i < c->n_removed; i++)
		n += ukey_map_rule_changed(b->ukeys, c->removed[i],
					   add_dirty, b);
	add_count(&b->counters.reval_targeted, n);
}

/* Credits what the flow did since the last push to every rule and table
 * its translation went through. */
static void push_stats(struct dpbridge *b, struct ukey *uk,
		       const struct dpif_flow_stats *st)
{
	uint64_t dp = st->n_packets - uk->pushed_packets;
	uint64_t db = st->n_bytes - uk->pushed_bytes;

	if (st->n_packets < uk->pushed_packets || !dp)
		return;
	uk->pushed_packets = st->n_packets;
	uk->pushed_bytes = st->n_bytes;
	for (size_t i = 0; i < uk->n_visits; i++) {
		const struct ukey_visit *v = &uk->visits[i];

		ofproto_table_credit(b->ofproto, v->table_id, dp,
				     v->rule ? dp : 0);
		if (v->rule)
			rule_credit_stats(v->rule, dp, db, st->used);
	}
	/* Groups by id: one replaced since keeps its counts going. */
	rcu_read_lock();
	for (size_t i = 0; i < uk->n_groups; i++) {
		const struct ofproto_group *g;

		g = ofproto_group_lookup(b->ofproto, uk->group_ids[i]);
		if (g)
			ofproto_group_credit(g, -1, dp, db);
	}
	rcu_read_unlock();
}

static int put_key_mask(const struct ukey *uk, struct nlbuf *key,
			struct nlbuf *mask)
{
	return flow_nl_put_key(key, &uk->key) ||
	       flow_nl_put_mask(mask, &uk->key, &uk->mask) ? -EMSGSIZE : 0;
}

/* Runs 'op' until the flow exists (it may be just about to be put). */
static int retry_missing(int (*op)(struct dpbridge *, struct ukey *,
				   struct dpif_flow_stats *),
			 struct dpbridge *b, struct ukey *uk,
			 struct dpif_flow_stats *st)
{
	struct timespec ts = { 0, INSTALL_RETRY_NS };
	int err = op(b, uk, st);

	for (int i = 0; err == -ENOENT && i < INSTALL_RETRIES; i++) {
		nanosleep(&ts, NULL);
		err = op(b, uk, st);
	}
	return err;
}

static int del_op(struct dpbridge *b, struct ukey *uk,
		  struct dpif_flow_stats *st)
{
	return dpif_flow_del(b->reval_dpif, NULL, 0, &uk->ufid, st);
}

static int modify_op(struct dpbridge *b, struct ukey *uk,
		     struct dpif_flow_stats *st)
{
	uint8_t kbuf[512], mbuf[512];
	struct nlbuf key, mask;

	nlbuf_init(&key, kbuf, sizeof kbuf);
	nlbuf_init(&mask, mbuf, sizeof mbuf);
	if (put_key_mask(uk, &key, &mask))
		return -EMSGSIZE;
	return dpif_flow_put(b->reval_dpif, DPIF_FP_MODIFY, key.data, key.size,
			     mask.data, mask.size, uk->actions,
			     uk->actions_len, &uk->ufid, st);
}

/* Deletes the datapath flow of 'uk', which is out of the map already (so
 * no change can mark it any more), crediting its last packets. */
static void delete_flow(struct dpbridge *b, struct ukey *uk, bool retry)
{
	struct dpif_flow_stats st;
	int err;

	memset(&st, 0, sizeof st);
	err = retry ? retry_missing(del_op, b, uk, &st) : del_op(b, uk, &st);
	if (!err) {
		push_stats(b, uk, &st);
		add_count(&b->counters.flows_deleted, 1);
	}
	dpb_ukey_release(uk);
}

static bool same_flow_key(const struct flow_key *a, const struct flow_key *b)
{
	return !memcmp(a, b, sizeof *a);
}

/* Re-translates 'uk' at the current version: nothing to do, new actions
 * for the same megaflow, or (mask changed) the megaflow goes and the next
 * packet makes a new one. */
static void revalidate_ukey(struct dpbridge *b, struct ukey *uk)
{
	const struct dpb_port *in;
	struct flow_key mkey, mmask;
	struct dpb_xctx ctx;
	struct xlate_out xo;
	struct of_flow flow;
	struct ukey *fresh = NULL;

	rcu_read_lock();
	of_flow_from_flow_key(&uk->key, &flow);
	in = dpb_port_by_odp(rcu_dereference(b->ports), uk->key.in_port);
	flow.in_port = htonl(in ? in->ofp_port : XLATE_PORT_NONE);
	dpb_xctx_init(&ctx, b, &flow, false);
	xlate_out_init(&xo);
	if (!dpb_translate(&ctx, &flow, NULL, &xo) && !xo.slow) {
		xlate_megaflow(&flow, &xo.wc, uk->key.in_port, &mkey, &mmask);
		if (same_flow_key(&mmask, &uk->mask)) {
			fresh = dpb_ukey_from_xlate(&ctx, &xo, &uk->key,
						    &mmask, &uk->ufid);
			fresh->recircs = xo.recircs;
			fresh->n_recircs = xo.n_recircs;
			xo.recircs = NULL;
			xo.n_recircs = xo.recircs_cap = 0;
		}
	}
	xlate_out_uninit(&xo);
	dpb_xctx_uninit(&ctx);
	rcu_read_unlock();

	if (!fresh) {
		ukey_map_remove(b->ukeys, uk);
		delete_flow(b, uk, true);
		return;
	}
	fresh->pushed_packets = uk->pushed_packets;
	fresh->pushed_bytes = uk->pushed_bytes;
	fresh->created_ms = uk->created_ms;
	fresh->dump_seq = uk->dump_seq;
	if (fresh->actions_len != uk->actions_len ||
	    memcmp(fresh->actions, uk->actions, uk->actions_len)) {
		struct dpif_flow_stats st;

		memset(&st, 0, sizeof st);
		if (!retry_missing(modify_op, b, fresh, &st))
			add_count(&b->counters.flows_modified, 1);
	}
	/* The new record replaces the old: its dependencies may differ. */
	ukey_map_lock(b->ukeys);
	ukey_map_remove_locked(b->ukeys, uk);
	ukey_map_insert_locked(b->ukeys, fresh);
	if (ofproto_version(b->ofproto) != fresh->version) {
		fresh->dirty = true;
		add_dirty(fresh, b);
	}
	ukey_map_unlock(b->ukeys);
	dpb_ukey_release(uk);
}

/* Handles every ukey marked so far. */
static void revalidate_dirty(struct dpbridge *b)
{
	for (;;) {
		struct ukey **list;
		size_t n;

		ukey_map_lock(b->ukeys);
		list = b->dirty;
		n = b->n_dirty;
		b->dirty = NULL;
		b->n_dirty = b->dirty_cap = 0;
		b->reval_working = n != 0;
		ukey_map_unlock(b->ukeys);
		if (!n) {
			free(list);
			return;
		}
		for (size_t i = 0; i < n; i++)
			revalidate_ukey(b, list[i]);
		free(list);
		ukey_map_lock(b->ukeys);
		b->reval_working = false;
		ukey_map_unlock(b->ukeys);
	}
}

/* One flow of a sweep, and what to do with it once the dump is over. */
struct sweep_item {
	struct ukey *uk;		/* NULL: nobody's; delete by UFID */
	struct flow_ufid ufid;
	struct dpif_flow_stats stats;
	bool expire;
};

struct sweep {
	struct dpbridge *b;
	long long now;
	struct sweep_item *items;
	size_t n, cap;
};

static int sweep_flow(const struct dpif_flow *f, void *s_)
{
	struct sweep *s = s_;
	struct sweep_item *it;
	struct ukey *uk;

	if (!f->ufid_present)
		return 0;
	uk = ukey_map_find(s->b->ukeys, &f->ufid);
	s->items = xgrow_n(s->items, &s->cap, s->n + 1, sizeof *s->items);
	it = &s->items[s->n++];
	it->uk = uk;
	it->ufid = f->ufid;
	it->stats = f->stats;
	it->expire = uk && (long long)(f->stats.used ? f->stats.used
					: (uint64_t)uk->created_ms)
				   + s->b->max_idle_ms < s->now;
	return 0;
}

static void sweep_apply(struct dpbridge *b, struct sweep_item *it)
{
	if (!it->uk) {
		dpif_flow_del(b->reval_dpif, NULL, 0, &it->ufid, NULL);
		add_count(&b->counters.flows_deleted, 1);
		return;
	}
	it->uk->dump_seq = b->dump_seq;
	push_stats(b, it->uk, &it->stats);
	if (!it->expire)
		return;
	/* A marked ukey waits for the revalidator's list instead. */
	ukey_map_lock(b->ukeys);
	if (it->uk->dirty) {
		ukey_map_unlock(b->ukeys);
		return;
	}
	ukey_map_remove_locked(b->ukeys, it->uk);
	ukey_map_unlock(b->ukeys);
	delete_flow(b, it->uk, false);
}

/* Records made for flows the datapath does not have (a full table, a
 * flush): dropped after a sweep missed them twice. */
struct stale {
	struct dpbridge *b;
	struct ukey **v;
	size_t n, cap;
};

static void take_stale(struct ukey *uk, void *s_)
{
	struct stale *s = s_;

	if (!uk->dirty && uk->dump_seq + 2 <= s->b->dump_seq &&
	    uk->created_ms + 2 * SWEEP_INTERVAL_MS < (long long)dp_now_ms()) {
		ukey_map_remove_locked(s->b->ukeys, uk);
		s->v = xgrow_n(s->v, &s->cap, s->n + 1, sizeof *s->v);
		s->v[s->n++] = uk;
	}
}

/* The dynamic flow limit: a sweep that takes too long means too many
 * megaflows to keep true; the limit shrinks towards what a one-second
 * sweep covers and grows back slowly while sweeps are quick. */
static void adjust_flow_limit(struct dpbridge *b, long long took_ms)
{
	struct dpif_netdev_config c;
	uint64_t limit;

	if (!dpif_is_netdev(b->reval_dpif) ||
	    dpif_netdev_get_config(b->reval_dpif, &c))
		return;
	limit = c.flow_limit ? c.flow_limit : DPB_MAX_FLOW_LIMIT;
	if (took_ms > 2000)
		limit = limit * 1000 / took_ms;
	else if (took_ms < 1300)
		limit += 1000;
	if (limit < DPB_MIN_FLOW_LIMIT)
		limit = DPB_MIN_FLOW_LIMIT;
	if (limit > DPB_MAX_FLOW_LIMIT)
		limit = DPB_MAX_FLOW_LIMIT;
	__atomic_store_n(&b->flow_limit, (uint32_t)limit, __ATOMIC_RELAXED);
	if (limit != c.flow_limit) {
		c.flow_limit = limit;
		dpif_netdev_set_config(b->reval_dpif, &c);
	}
}

static void sweep(struct dpbridge *b)
{
	struct sweep s = { .b = b, .now = dp_now_ms() };
	struct stale st = { .b = b };
	long long took;

	b->dump_seq++;
	dpif_flow_dump(b->reval_dpif, sweep_flow, &s);
	for (size_t i = 0; i < s.n; i++)
		sweep_apply(b, &s.items[i]);
	free(s.items);
	ukey_map_for_each(b->ukeys, take_stale, &st);
	for (size_t i = 0; i < st.n; i++)
		dpb_ukey_release(st.v[i]);
	free(st.v);
	add_count(&b->counters.reval_passes, 1);
	took = dp_now_ms() - s.now;
	__atomic_store_n(&b->dump_ms, took, __ATOMIC_RELAXED);
	adjust_flow_limit(b, took);
}

/* NORMAL's megaflows depend on the whole MAC table: any change sends
 * them all back through translation. */
static void mac_changes(struct dpbridge *b)
{
	uint64_t seq = mac_table_seq(b->macs);

	if (seq != b->mac_seq) {
		b->mac_seq = seq;
		ukey_map_rule_changed(b->ukeys, b->macs, add_dirty, b);
	}
}

static void *reval_main(void *b_)
{
	struct dpbridge *b = b_;

	rcu_register_thread();
	pthread_mutex_lock(&b->reval_mutex);
	while (!b->reval_exit) {
		uint64_t target = b->reval_requested;
		long long now = dp_now_ms();

		pthread_mutex_unlock(&b->reval_mutex);
		mac_changes(b);
		revalidate_dirty(b);
		/* Barriers wait for the changed megaflows, never for a sweep. */
		pthread_mutex_lock(&b->reval_mutex);
		b->reval_done = target;
		pthread_cond_broadcast(&b->reval_cond);
		if (b->reval_requested != target)
			continue;
		pthread_mutex_unlock(&b->reval_mutex);
		if (now >= b->next_sweep_ms) {
			sweep(b);
			b->next_sweep_ms = now + SWEEP_INTERVAL_MS;
		}
		pthread_mutex_lock(&b->reval_mutex);
		if (b->reval_requested == target && !b->reval_exit) {
			struct timespec ts;

			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_nsec += SWEEP_INTERVAL_MS * 1000000L;
			ts.tv_sec += ts.tv_nsec / 1000000000L;
			ts.tv_nsec %= 1000000000L;
			pthread_cond_timedwait(&b->reval_cond, &b->reval_mutex,
					       &ts);
		}
	}
	pthread_mutex_unlock(&b->reval_mutex);
	rcu_unregister_thread();
	return NULL;
}

int dpb_reval_start(struct dpbridge *b)
{
	pthread_mutex_init(&b->reval_mutex, NULL);
	pthread_cond_init(&b->reval_cond, NULL);
	b->reval_exit = false;
	return -pthread_create(&b->reval_thread, NULL, reval_main, b);
}

void dpb_reval_stop(struct dpbridge *b)
{
	pthread_mutex_lock(&b->reval_mutex);
	b->reval_exit = true;
	pthread_cond_broadcast(&b->reval_cond);
	pthread_mutex_unlock(&b->reval_mutex);
	pthread_join(b->reval_thread, NULL);
	pthread_cond_destroy(&b->reval_cond);
	pthread_mutex_destroy(&b->reval_mutex);
}

/* Wakes the revalidator without waiting for it. */
void dpb_reval_kick(struct dpbridge *b)
{
	pthread_mutex_lock(&b->reval_mutex);
	b->reval_requested++;
	pthread_cond_broadcast(&b->reval_cond);
	pthread_mutex_unlock(&b->reval_mutex);
}

void dpb_reval_sync(struct dpbridge *b)
{
	uint64_t target;
	bool idle;

	/* Nothing marked and nothing being redone: the datapath already
	 * reflects every change (marking happens in the changer's thread). */
	ukey_map_lock(b->ukeys);
	idle = !b->n_dirty && !b->reval_working;
	ukey_map_unlock(b->ukeys);
	if (idle)
		return;

	pthread_mutex_lock(&b->reval_mutex);
	target = ++b->reval_requested;
	pthread_cond_broadcast(&b->reval_cond);
	while (b->reval_done < target && !b->reval_exit)
		pthread_cond_wait(&b->reval_cond, &b->reval_mutex);
	pthread_mutex_unlock(&b->reval_mutex);
}
