/* A batch of packets through the userspace datapath: the exact-match cache,
 * one batch lookup in the megaflow table for the rest, the actions of each
 * flow run on its packets together, output gathered per port and sent as
 * one batch, and recirculated packets run again as batches of their own. */
#include "dpif-netdev-private.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct dpn_ctx *ctx_of(struct actions_ctx *actx)
{
	return container_of(actx, struct dpn_ctx, actx);
}

/* ---- Output. ---- */

static void tx_flush_slot(struct dpn_ctx *c, struct dpn_tx *t)
{
	uint32_t i, n = t->batch.count;

	if (!n)
		return;
	dpn_port_send(t->port, c->tx_id, &t->batch);
	dpn_stat_add(&c->stats.tx_packets, n);
	dpn_stat_add(&c->stats.tx_batches, 1);
	for (i = 0; i < n; i++)
		if (t->owned & (1u << i))
			dp_packet_delete(t->batch.packets[i]);
	t->batch.count = 0;
	t->owned = 0;
}

void dpn_tx_flush(struct dpn_ctx *c)
{
	unsigned int i;

	for (i = 0; i < c->n_tx; i++)
		tx_flush_slot(c, &c->tx[i]);
	c->n_tx = 0;
}

/* Queues 'pkt' for 'port_no'; 'owned' packets are deleted once sent. */
static void tx_queue(struct dpn_ctx *c, struct dp_packet *pkt,
		     uint32_t port_no, bool owned)
{
	struct dpn_port *port = dpn_port_get(c->dp, port_no);
	struct dpn_tx *t = NULL;
	unsigned int i;

	if (!port) {
		if (owned)
			dp_packet_delete(pkt);
		return;
	}
	for (i = 0; i < c->n_tx && !t; i++)
		if (c->tx[i].port == port)
			t = &c->tx[i];
	if (!t) {
		if (c->n_tx == DPN_TX_SLOTS)
			dpn_tx_flush(c);
		t = &c->tx[c->n_tx++];
		t->port = port;
	}
	if (t->batch.count == DPN_BATCH)
		tx_flush_slot(c, t);
	if (owned)
		t->owned |= 1u << t->batch.count;
	t->batch.packets[t->batch.count++] = pkt;
}

/* ---- The action interpreter's callbacks. ---- */

static void cb_output(struct actions_ctx *actx, struct dp_packet *pkt,
		      u32 port)
{
	struct dp_packet *copy = dp_packet_clone(pkt);

	if (copy)
		tx_queue(ctx_of(actx), copy, port, true);
}

static void cb_recirc(struct actions_ctx *actx, struct dp_packet *pkt,
		      const struct flow_key *key, u32 recirc_id)
{
	struct dpn_ctx *c = ctx_of(actx);
	struct dpn_pending *p;
	struct dp_packet *copy;

	if (c->depth >= DPIF_NETDEV_MAX_RECIRC ||
	    c->n_recirc == DPN_RECIRC_QUEUE ||
	    !(copy = dp_packet_clone(pkt))) {
		dpn_stat_add(&c->stats.recirc_drops, 1);
		return;
	}
	copy->recirc_id = recirc_id;
	p = &c->recirc[(c->recirc_head + c->n_recirc++) % DPN_RECIRC_QUEUE];
	p->pkt = copy;
	p->depth = c->depth + 1;
}

/* Userspace actions wait until the batch is done, outside RCU. */
static void cb_userspace(struct actions_ctx *actx, struct dp_packet *pkt,
			 const struct flow_key *key,
			 const struct actions_upcall *up)
{
	struct dpn_ctx *c = ctx_of(actx);
	struct dpn_userspace *u;

	if (c->n_userspace == DPN_USERSPACE_QUEUE) {
		dpn_stat_add(&c->stats.lost, 1);
		return;
	}
	u = &c->userspace[c->n_userspace];
	memset(u, 0, sizeof *u);
	u->pkt = dp_packet_clone(pkt);
	if (up->userdata_len) {
		u->userdata = malloc(up->userdata_len);
		if (u->userdata)
			memcpy(u->userdata, up->userdata, up->userdata_len);
	}
	if (!u->pkt || (up->userdata_len && !u->userdata)) {
		dp_packet_delete(u->pkt);
		free(u->userdata);
		dpn_stat_add(&c->stats.lost, 1);
		return;
	}
	u->key = *key;
	u->pid = up->pid;
	u->userdata_len = up->userdata_len;
	c->n_userspace++;
}

/* ---- Actions. ---- */

/* Whether an action may hand the rest of its list the packet itself when
 * it is the last of the list (see actions.h). */
static bool runs_on_last(const struct nlattr *a)
{
	switch (nlattr_type(a)) {
	case OVS_ACTION_ATTR_CLONE:
	case OVS_ACTION_ATTR_SAMPLE:
	case OVS_ACTION_ATTR_CHECK_PKT_LEN:
	case OVS_ACTION_ATTR_TRUNC:
		return true;
	}
	return false;
}

/* A list that ends in an output sends the packet itself there, uncopied:
 * the interpreter runs the rest, which copies what it outputs. */
void dpn_actions_run(struct dpn_ctx *c, struct dp_packet *pkt,
		     struct flow_key *key, const void *acts, uint32_t len)
{
	const struct nlattr *a, *last = NULL, *prev = NULL;
	uint32_t left, port, head;
	bool metered = false;   /* a meter may stop the list before its end */

	NLATTR_FOR_EACH(a, left, acts, len) {
		metered |= nlattr_type(a) == OVS_ACTION_ATTR_METER;
		prev = last;
		last = a;
	}
	if (!last || nlattr_type(last) != OVS_ACTION_ATTR_OUTPUT || metered ||
	    (prev && runs_on_last(prev))) {
		actions_execute(&c->actx, pkt, key, acts, len);
		return;
	}
	head = (uint32_t)((const uint8_t *)last - (const uint8_t *)acts);
	if (head && actions_execute(&c->actx, pkt, key, acts, head))
		return;
	memcpy(&port, nlattr_data(last), sizeof port);
	tx_queue(c, pkt, port, false);
}

void dpn_flow_stats_add(struct flow *flow, uint32_t packets, uint32_t bytes,
			uint16_t tcp_flags, uint64_t now)
{
	/* One update for the whole group: the rest of its packets first. */
	if (packets > 1)
		dp_atomic64_add(&flow->stats.packets, packets - 1);
	flow_stats_update(flow, bytes, tcp_flags, now);
}

/* Runs the packets that found a flow, flow by flow: one statistics update
 * and one actions fetch per flow, packets in their order within a flow. */
static void run_by_flow(struct dpn_ctx *c, struct dp_packet **pkts,
			const unsigned int *depth, unsigned int n)
{
	struct flow *gflow[DPN_BATCH];
	uint8_t head[DPN_BATCH], tail[DPN_BATCH], next[DPN_BATCH];
	unsigned int i, g, n_groups = 0;
	uint64_t now = dp_now_ms();

	for (i = 0; i < n; i++) {
		if (!c->flows[i])
			continue;
		for (g = 0; g < n_groups && gflow[g] != c->flows[i]; g++)
			;
		if (g == n_groups) {
			gflow[n_groups++] = c->flows[i];
			head[g] = (uint8_t)i;
		} else {
			next[tail[g]] = (uint8_t)i;
		}
		tail[g] = (uint8_t)i;
		next[i] = DPN_BATCH;
	}
	for (g = 0; g < n_groups; g++) {
		const struct flow_actions *acts = flow_get_actions(gflow[g]);
		uint32_t bytes = 0, cnt = 0;
		uint16_t flags = 0;

		for (i = head[g]; i < DPN_BATCH; i = next[i]) {
			bytes += dp_packet_size(pkts[i]);
			flags |= be16_to_cpu(c->keys[i].tp.flags);
			cnt++;
		}
		dpn_flow_stats_add(gflow[g], cnt, bytes, flags, now);
		for (i = head[g]; i < DPN_BATCH; i = next[i]) {
			c->depth = depth[i];
			dpn_actions_run(c, pkts[i], &c->keys[i], acts->data,
					acts->len);
		}
	}
}

/* One pass of up to DPN_BATCH packets: lookups and hits under RCU, then
 * the misses one by one outside it. */
static void pass(struct dpn_ctx *c, struct dp_packet **pkts,
		 const unsigned int *depth, unsigned int n)
{
	const struct flow_key *lookup[DPN_BATCH];
	struct flow *found[DPN_BATCH];
	uint8_t idx[DPN_BATCH], miss[DPN_BATCH];
	unsigned int i, j, n_lookup = 0, n_miss = 0;
	uint32_t hash[DPN_BATCH];
	struct flow_table *table = &c->dp->table;

	for (i = 0; i < n; i++)
		dp_packet_parse(pkts[i], &c->keys[i]);

	rcu_read_lock();
	for (i = 0; i < n; i++) {
		c->flows[i] = NULL;
		if (c->emc) {
			hash[i] = flow_key_hash(&c->keys[i]);
			c->flows[i] = flow_emc_lookup(c->emc, &c->keys[i],
						      hash[i]);
		}
		if (!c->flows[i]) {
			lookup[n_lookup] = &c->keys[i];
			idx[n_lookup++] = (uint8_t)i;
		}
	}
	dpn_stat_add(&c->stats.emc_hits, n - n_lookup);
	if (n_lookup) {
		const struct flow *last = NULL;
		uint64_t visits = 0, last_visits = 0;

		flow_table_lookup_batch(table, lookup, n_lookup, found);
		for (j = 0; j < n_lookup; j++) {
			i = idx[j];
			c->flows[i] = found[j];
			if (!found[j]) {
				miss[n_miss++] = (uint8_t)i;
				continue;
			}
			if (found[j] != last) {
				last = found[j];
				last_visits = flow_table_mask_visits(table,
								     last);
			}
			visits += last_visits;
			if (c->emc)
				flow_emc_insert(c->emc, &c->keys[i], hash[i],
						found[j]);
		}
		/* A miss tried every mask. */
		if (n_miss)
			visits += (uint64_t)n_miss * flow_table_n_masks(table);
		dpn_stat_add(&c->stats.megaflow_hits, n_lookup - n_miss);
		dpn_stat_add(&c->stats.mask_visits, visits);
	}
	run_by_flow(c, pkts, depth, n);
	dpn_tx_flush(c);
	rcu_read_unlock();

	for (j = 0; j < n_miss; j++) {
		i = miss[j];
		dpn_upcall_miss(c, pkts[i], &c->keys[i], depth[i]);
	}
}

/* Recirculated packets, oldest first, in batches. */
static void run_recirculated(struct dpn_ctx *c)
{
	struct dp_packet *pkts[DPN_BATCH];
	unsigned int depth[DPN_BATCH];
	unsigned int i, n;

	while (c->n_recirc) {
		for (n = 0; n < DPN_BATCH && c->n_recirc; n++) {
			struct dpn_pending *p = &c->recirc[c->recirc_head];

			pkts[n] = p->pkt;
			depth[n] = p->depth;
			c->recirc_head = (c->recirc_head + 1) % DPN_RECIRC_QUEUE;
			c->n_recirc--;
		}
		dpn_stat_add(&c->stats.recirc, n);
		pass(c, pkts, depth, n);
		for (i = 0; i < n; i++)
			dp_packet_delete(pkts[i]);
	}
}

void dpn_finish(struct dpn_ctx *c)
{
	unsigned int i;

	run_recirculated(c);
	for (i = 0; i < c->n_userspace; i++)
		dpn_upcall_userspace(c, &c->userspace[i]);
	c->n_userspace = 0;
}

void dpn_clock_tick(struct dpn_ctx *c)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	c->actx.now_ns = (uint64_t)ts.tv_sec * 1000000000u +
			 (uint64_t)ts.tv_nsec;
}

void dpn_input(struct dpn_ctx *c, struct dp_packet **pkts, unsigned int n)
{
	static const unsigned int depth0[DPN_BATCH];

	dpn_clock_tick(c);
	pass(c, pkts, depth0, n);
	dpn_finish(c);
}

int dpn_ctx_init(struct dpn_ctx *c, struct dp_netdev *dp, int id,
		 unsigned int emc_insert_inv)
{
	memset(c, 0, sizeof *c);
	c->dp = dp;
	c->id = id;
	c->tx_id = id < 0 ? 0 : (unsigned int)id + 1;
	c->actx.output = cb_output;
	c->actx.recirc = cb_recirc;
	c->actx.userspace = cb_userspace;
	c->actx.prng = 0x2545f491u + (uint32_t)id;
	c->actx.meters = &dp->meters;
	c->actions_buf = malloc(DPN_ACTIONS_BUF);
	if (!c->actions_buf)
		return -ENOMEM;
	if (emc_insert_inv) {
		c->emc = flow_emc_create(FLOW_EMC_DEFAULT_ENTRIES);
		if (!c->emc) {
			free(c->actions_buf);
			return -ENOMEM;
		}
		flow_emc_set_insert_prob(c->emc, emc_insert_inv);
	}
	return 0;
}

void dpn_ctx_uninit(struct dpn_ctx *c)
{
	if (c->emc)
		flow_emc_destroy(c->emc);
	free(c->actions_buf);
}

void dpn_stats_sum(struct dpn_stats *sum, const struct dpn_stats *s)
{
	const uint64_t *from = (const uint64_t *)s;
	uint64_t *to = (uint64_t *)sum;
	size_t i;

	for (i = 0; i < sizeof *s / sizeof(uint64_t); i++)
		to[i] += __atomic_load_n(&from[i], __ATOMIC_RELAXED);
}
