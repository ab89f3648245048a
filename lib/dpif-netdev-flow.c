/* Flows through the dpif: put with the kernel ABI's create/modify
 * semantics, get, delete, flush and dump, each flow named by its UFID or
 * by the key it was put with; and execute, a packet with actions. */
#include "dpif-netdev-private.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow-netlink.h"

static void format_ufid(char *buf, size_t size, const struct flow_ufid *u)
{
	unsigned long long a = u->id[0], b = u->id[1];

	snprintf(buf, size, "ufid:%08llx-%04llx-%04llx-%04llx-%012llx",
		 a >> 32, (a >> 16) & 0xffff, a & 0xffff, b >> 48,
		 b & 0xffffffffffffULL);
}

static int match_error(struct dpif *dpif, int err,
		       const struct flow_nl_error *e)
{
	const char *what = e->in_mask ? "flow mask" : "flow key";
	const char *name = flow_nl_attr_name(e->attr);

	if (e->attr == OVS_KEY_ATTR_UNSPEC)
		return dpn_set_error(dpif, err, "%s: %s", what, e->msg);
	if (!strcmp(name, "?"))
		return dpn_set_error(dpif, err, "%s: attribute type %d: %s",
				     what, e->attr, e->msg);
	return dpn_set_error(dpif, err, "%s: %s: %s", what, name, e->msg);
}

static int actions_error(struct dpif *dpif, int err,
			 const struct actions_error *e)
{
	return dpn_set_error(dpif, err, "actions: %s (type %d) at offset %u: %s",
			     actions_attr_name(e->attr), e->attr, e->offset,
			     e->msg);
}

/* A flow by UFID, or by its key under 'mask' (flow_mutex held). */
static struct flow *find_flow(struct dp_netdev *dp,
			      const struct flow_ufid *ufid,
			      const struct flow_key *key,
			      const struct flow_key *mask)
{
	struct flow *flow;

	rcu_read_lock();
	flow = ufid ? flow_table_lookup_ufid(&dp->table, ufid)
		    : flow_table_lookup_exact(&dp->table, key, mask);
	rcu_read_unlock();
	return flow;
}

static bool same_match(const struct flow *flow, const struct flow_key *key,
		       const struct flow_key *mask)
{
	const dp_word *k = flow_key_words(key), *m = flow_key_words(mask);
	const dp_word *fk = flow_key_words(&flow->key);
	const dp_word *fm = flow_key_words(flow_mask(flow));
	size_t i;

	for (i = 0; i < FLOW_KEY_WORDS; i++)
		if (fm[i] != m[i] || fk[i] != (k[i] & m[i]))
			return false;
	return true;
}

static void stats_out(const struct flow *flow, struct dpif_flow_stats *out)
{
	struct flow_stats s;

	if (!out)
		return;
	flow_stats_get(flow, &s);
	out->n_packets = s.packets;
	out->n_bytes = s.bytes;
	out->used = s.used;
	out->tcp_flags = s.tcp_flags;
}

static int put_existing(struct dpif *dpif, struct flow *flow,
			enum dpif_flow_put_flags flags,
			const struct flow_ufid *ufid,
			const struct flow_key *key, const struct flow_key *mask,
			struct flow_actions *acts, struct dpif_flow_stats *old)
{
	char u[64];

	if (ufid && !same_match(flow, key, mask)) {
		format_ufid(u, sizeof u, ufid);
		return dpn_set_error(dpif, -EINVAL, "%s names a flow with "
				     "another key or mask", u);
	}
	if (!(flags & DPIF_FP_MODIFY))
		return dpn_set_error(dpif, -EEXIST, "flow exists");
	stats_out(flow, old);
	flow_replace_actions(flow, acts);
	if (flags & DPIF_FP_ZERO_STATS)
		flow_stats_clear(flow);
	return 0;
}

static int no_flow(struct dpif *dpif, const struct flow_ufid *ufid)
{
	char u[64];

	if (!ufid)
		return dpn_set_error(dpif, -ENOENT, "no such flow");
	format_ufid(u, sizeof u, ufid);
	return dpn_set_error(dpif, -ENOENT, "no flow with %s", u);
}

static int put_new(struct dpif *dpif, struct dp_netdev *dp,
		   const struct flow_ufid *ufid, const struct flow_key *key,
		   const struct flow_key *mask, struct flow_actions *acts,
		   struct dpif_flow_stats *old)
{
	struct flow *flow;
	int err;

	err = flow_table_insert(&dp->table, key, mask, ufid, acts, &flow);
	if (err == -EEXIST)
		return dpn_set_error(dpif, err, "a flow with this key and mask "
				     "exists under another UFID");
	if (err == -EFBIG)
		return dpn_set_error(dpif, err, "flow table full: limit of %"
				     PRIu32 " flows", dp->table.limit);
	if (!err && old)
		memset(old, 0, sizeof *old);
	return err;
}

int dpn_flow_put(struct dpif *dpif, enum dpif_flow_put_flags flags,
			const void *key_attrs, size_t key_len,
			const void *mask_attrs, size_t mask_len,
			const void *actions, size_t actions_len,
			const struct flow_ufid *ufid,
			struct dpif_flow_stats *old)
{
	struct flow_key key, mask;
	struct flow_nl_error nlerr;
	struct actions_error aerr;
	struct flow_actions *acts;
	struct flow_ufid implicit;
	struct dp_netdev *dp;
	struct flow *flow;
	int err;

	LIVE_DP(dpif, dp);
	if (!(flags & (DPIF_FP_CREATE | DPIF_FP_MODIFY)))
		return dpn_set_error(dpif, -EINVAL, "flow put needs create, "
				     "modify or both");
	if (key_len > UINT32_MAX || mask_len > UINT32_MAX ||
	    actions_len > UINT16_MAX)
		return dpn_set_error(dpif, -EMSGSIZE, "flow too big");
	err = flow_nl_parse_match(key_attrs, (u32)key_len, mask_attrs,
				  (u32)mask_len, &key, &mask, &nlerr);
	if (err)
		return match_error(dpif, err, &nlerr);
	/* Validated in its own (aligned) copy, which the flow keeps. */
	acts = flow_actions_alloc(actions, (u32)actions_len);
	if (!acts)
		return -ENOMEM;
	err = actions_validate((const struct nlattr *)acts->data, acts->len,
			       &key, &mask, &aerr);
	if (err) {
		flow_actions_free(acts);
		return actions_error(dpif, err, &aerr);
	}

	pthread_mutex_lock(&dp->flow_mutex);
	flow = find_flow(dp, ufid, &key, &mask);
	if (flow) {
		err = put_existing(dpif, flow, flags, ufid, &key, &mask, acts,
				   old);
	} else if (!(flags & DPIF_FP_CREATE)) {
		err = no_flow(dpif, ufid);
	} else if (ufid) {
		err = put_new(dpif, dp, ufid, &key, &mask, acts, old);
	} else {
		implicit = dpn_ufid_from_key(&key);
		if (find_flow(dp, &implicit, NULL, NULL))
			err = dpn_set_error(dpif, -EEXIST, "a flow with this "
					    "key and another mask exists");
		else
			err = put_new(dpif, dp, &implicit, &key, &mask, acts,
				      old);
	}
	pthread_mutex_unlock(&dp->flow_mutex);
	if (err)
		flow_actions_free(acts);
	return err;
}

/* The flow a get or del names (flow_mutex held): by UFID, or by the key
 * it was installed with, whose hash is the UFID it got then. */
static int lookup_named(struct dpif *dpif, struct dp_netdev *dp,
			const void *key_attrs, size_t key_len,
			const struct flow_ufid *ufid, struct flow **flowp)
{
	struct flow_nl_error nlerr;
	struct flow_ufid implicit;
	struct flow_key key;
	int err;

	if (!ufid) {
		memset(&key, 0, sizeof key);
		err = flow_nl_parse_key(key_attrs, key_len > UINT32_MAX ? 0 :
					(u32)key_len, &key, NULL, &nlerr);
		if (err)
			return match_error(dpif, err, &nlerr);
		implicit = dpn_ufid_from_key(&key);
	}
	*flowp = find_flow(dp, ufid ? ufid : &implicit, NULL, NULL);
	return *flowp ? 0 : no_flow(dpif, ufid);
}

/* Key, mask and actions of 'flow' in netlink form, into 'buf' (of
 * DPN_KEY_BUF * 2 bytes and then the actions). */
static int encode_flow(const struct flow *flow, uint8_t *buf, size_t size,
		       struct dpif_flow *out)
{
	const struct flow_actions *acts = flow_get_actions(flow);
	const struct flow_key *m = flow_mask(flow);
	struct flow_key k = flow->key;
	struct nlbuf key, mask;

	memset(out, 0, sizeof *out);
	if (size < 2 * DPN_KEY_BUF + acts->len)
		return -EMSGSIZE;
	/* A wildcarded ethertype is written as the parser reads a key
	 * without ETHERTYPE: 802.2, so that the dump parses back. */
	if (!m->eth_type)
		k.eth_type = DP_BE16(ETH_TYPE_802_2);
	nlbuf_init(&key, buf, DPN_KEY_BUF);
	nlbuf_init(&mask, buf + DPN_KEY_BUF, DPN_KEY_BUF);
	if (flow_nl_put_key(&key, &k) || flow_nl_put_mask(&mask, &k, m))
		return -EMSGSIZE;
	memcpy(buf + 2 * DPN_KEY_BUF, acts->data, acts->len);
	out->key = key.data;
	out->key_len = key.size;
	out->mask = mask.data;
	out->mask_len = mask.size;
	out->actions = buf + 2 * DPN_KEY_BUF;
	out->actions_len = acts->len;
	out->ufid = flow->ufid;
	out->ufid_present = flow->has_ufid;
	stats_out(flow, &out->stats);
	out->home = DPIF_FLOW_DP;
	out->pmd_id = -1;
	return 0;
}

#define FLOW_BUF_SIZE (2 * DPN_KEY_BUF + DPN_ACTIONS_BUF)

int dpn_flow_get(struct dpif *dpif, const void *key, size_t key_len,
			const struct flow_ufid *ufid, struct dpif_flow *out,
			void **bufp)
{
	struct dp_netdev *dp;
	struct flow *flow;
	uint8_t *buf;
	int err;

	*bufp = NULL;
	LIVE_DP(dpif, dp);
	buf = malloc(FLOW_BUF_SIZE);
	if (!buf)
		return -ENOMEM;
	pthread_mutex_lock(&dp->flow_mutex);
	err = lookup_named(dpif, dp, key, key_len, ufid, &flow);
	if (!err)
		err = encode_flow(flow, buf, FLOW_BUF_SIZE, out);
	pthread_mutex_unlock(&dp->flow_mutex);
	if (err)
		free(buf);
	else
		*bufp = buf;
	return err;
}

int dpn_flow_del(struct dpif *dpif, const void *key, size_t key_len,
			const struct flow_ufid *ufid,
			struct dpif_flow_stats *stats)
{
	struct dp_netdev *dp;
	struct flow *flow;
	int err;

	LIVE_DP(dpif, dp);
	pthread_mutex_lock(&dp->flow_mutex);
	err = lookup_named(dpif, dp, key, key_len, ufid, &flow);
	if (!err) {
		stats_out(flow, stats);
		flow_table_remove(&dp->table, flow);
	}
	pthread_mutex_unlock(&dp->flow_mutex);
	return err;
}

int dpn_flow_flush(struct dpif *dpif)
{
	struct dp_netdev *dp;

	LIVE_DP(dpif, dp);
	pthread_mutex_lock(&dp->flow_mutex);
	flow_table_flush(&dp->table);
	pthread_mutex_unlock(&dp->flow_mutex);
	return 0;
}

/* The callback runs outside RCU and locks, so it may delete the flow. */
int dpn_flow_dump(struct dpif *dpif,
			 int (*cb)(const struct dpif_flow *, void *), void *aux)
{
	struct flow_table_dump pos;
	struct dpif_flow out;
	struct dp_netdev *dp;
	uint8_t *buf;
	int err = 0;

	LIVE_DP(dpif, dp);
	buf = malloc(FLOW_BUF_SIZE);
	if (!buf)
		return -ENOMEM;
	memset(&pos, 0, sizeof pos);
	while (!err) {
		struct flow *flow;

		rcu_read_lock();
		flow = flow_table_dump_next(&dp->table, &pos);
		if (flow)
			err = encode_flow(flow, buf, FLOW_BUF_SIZE, &out);
		rcu_read_unlock();
		if (!flow)
			break;
		if (!err)
			err = cb(&out, aux);
	}
	free(buf);
	return err > 0 ? 0 : err;
}

/* Execute: actions validated for the packet's own key, then run in the
 * callers' context, one caller at a time. */
int dpn_execute(struct dpif *dpif, const struct dp_packet *packet,
		       const void *actions, size_t actions_len)
{
	struct actions_error aerr;
	struct flow_actions *acts;
	struct dp_packet *copy;
	struct flow_key key;
	struct dp_netdev *dp;
	struct dpn_ctx *c;
	int err;

	LIVE_DP(dpif, dp);
	if (actions_len > UINT16_MAX)
		return dpn_set_error(dpif, -EMSGSIZE, "actions too long");
	copy = dp_packet_clone(packet);
	acts = flow_actions_alloc(actions, (u32)actions_len);
	if (!copy || !acts) {
		dp_packet_delete(copy);
		free(acts);
		return -ENOMEM;
	}
	memset(&key, 0, sizeof key);
	dp_packet_parse(copy, &key);
	err = actions_validate((const struct nlattr *)acts->data, acts->len,
			       &key, NULL, &aerr);
	if (err) {
		actions_error(dpif, err, &aerr);
	} else {
		pthread_mutex_lock(&dp->execute_mutex);
		c = dp->execute_ctx;
		c->depth = 0;
		rcu_read_lock();
		dpn_clock_tick(c);
		dpn_actions_run(c, copy, &key, acts->data, acts->len);
		dpn_tx_flush(c);
		rcu_read_unlock();
		dpn_finish(c);
		pthread_mutex_unlock(&dp->execute_mutex);
	}
	dp_packet_delete(copy);
	flow_actions_free(acts);
	return err;
}
