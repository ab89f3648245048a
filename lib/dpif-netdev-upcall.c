/* Misses and userspace actions, handed to the daemon's callback in the
 * thread that met them; a miss's answer becomes a megaflow. */
#include "dpif-netdev-private.h"

#include <stdlib.h>
#include <string.h>

#include "coverage.h"
#include "flow-netlink.h"
#include "vlog.h"

LOG_MODULE(dpif_netdev_upcall);
COVERAGE_DEFINE(upcall_miss);
COVERAGE_DEFINE(upcall_lost);

/* The UFID of the megaflow a miss installs: the packet's whole key, hashed
 * four ways, so that a retried miss names the same flow. */
struct flow_ufid dpn_ufid_from_key(const struct flow_key *key)
{
	const dp_word *w = flow_key_words(key);
	struct flow_ufid ufid;

	ufid.id[0] = (u64)dp_hash_words(w, FLOW_KEY_WORDS, 0x5746) << 32 |
		     dp_hash_words(w, FLOW_KEY_WORDS, 0x4952);
	ufid.id[1] = (u64)dp_hash_words(w, FLOW_KEY_WORDS, 0x5550) << 32 |
		     dp_hash_words(w, FLOW_KEY_WORDS, 0x4344);
	return ufid;
}

static uint32_t put_key(struct dpn_ctx *c, const struct flow_key *key)
{
	struct nlbuf b;

	nlbuf_init(&b, c->key_buf, sizeof c->key_buf);
	return flow_nl_put_key(&b, key) ? 0 : b.size;
}

/* Calls the callback, if there is one: its result, or -ENOTCONN. */
static int call(struct dp_netdev *dp, const struct dpif_upcall *up,
		struct nlbuf *mask, struct nlbuf *actions)
{
	int err = -ENOTCONN;

	pthread_rwlock_rdlock(&dp->upcall_lock);
	if (dp->upcall_cb)
		err = dp->upcall_cb(up, mask, actions, dp->upcall_aux);
	pthread_rwlock_unlock(&dp->upcall_lock);
	return err;
}

/* Installs the answer for a miss with 'key'.  Returns with rcu_read_lock()
 * held and the flow now in the table for the key (ours, or one a racing
 * thread installed), or NULL if the table would take none; -errno, outside
 * RCU, if the answer cannot apply. */
static int install(struct dpn_ctx *c, const struct flow_key *pkt_key,
		   uint32_t key_len, const struct nlbuf *mask,
		   const struct nlbuf *actions, const struct flow_ufid *ufid,
		   struct flow **flowp)
{
	struct dp_netdev *dp = c->dp;
	struct flow_key key, m;
	struct flow_nl_error nlerr;
	struct flow_actions *acts;
	int err;

	err = flow_nl_parse_match(c->key_buf, key_len,
				  mask->size ? mask->data : NULL, mask->size,
				  &key, &m, &nlerr);
	if (!err)
		err = actions_validate((const struct nlattr *)actions->data,
				       actions->size, &key, &m, NULL);
	if (err)
		return err;
	acts = flow_actions_alloc(actions->data, actions->size);
	if (!acts)
		return -ENOMEM;

	pthread_mutex_lock(&dp->flow_mutex);
	err = flow_table_insert(&dp->table, pkt_key, &m, ufid, acts, flowp);
	if (err == -EEXIST) {
		rcu_read_lock();
		*flowp = flow_table_lookup_exact(&dp->table, pkt_key, &m);
		rcu_read_unlock();
		/* Not ours, but the UFID is: install it without one. */
		if (!*flowp)
			err = flow_table_insert(&dp->table, pkt_key, &m, NULL,
						acts, flowp);
	}
	if (err) {
		flow_actions_free(acts);
		*flowp = NULL;
	}
	/* The flow stays ours to use until we leave this section. */
	rcu_read_lock();
	pthread_mutex_unlock(&dp->flow_mutex);
	return 0;
}

void dpn_upcall_miss(struct dpn_ctx *c, struct dp_packet *pkt,
		     struct flow_key *key, unsigned int depth)
{
	struct dp_netdev *dp = c->dp;
	struct dpif_upcall up;
	struct nlbuf mask, actions;
	struct flow *flow;
	uint32_t key_len;
	int err;

	c->depth = depth;
	/* An earlier miss of this batch may have installed it. */
	rcu_read_lock();
	flow = flow_table_lookup(&dp->table, key);
	if (flow) {
		dpn_stat_add(&c->stats.megaflow_hits, 1);
		goto run;
	}
	rcu_read_unlock();

	dpn_stat_add(&c->stats.misses, 1);
	COVERAGE_INC(upcall_miss);
	key_len = put_key(c, key);
	memset(&up, 0, sizeof up);
	up.packet = pkt;
	up.key = c->key_buf;
	up.key_len = key_len;
	up.is_miss = true;
	up.ufid = dpn_ufid_from_key(key);
	nlbuf_init(&mask, c->mask_buf, sizeof c->mask_buf);
	nlbuf_init(&actions, c->actions_buf, DPN_ACTIONS_BUF);
	err = key_len ? call(dp, &up, &mask, &actions) : -EMSGSIZE;
	if (!err && (mask.overflow || actions.overflow))
		err = -EMSGSIZE;
	if (err) {
		dpn_stat_add(&c->stats.lost, 1);
		COVERAGE_INC(upcall_lost);
		LOG_RL(dpif_netdev_upcall, LOG_DBG, "miss upcall lost (%s)",
		       strerror(-err));
		return;
	}
	if (install(c, key, key_len, &mask, &actions, &up.ufid, &flow)) {
		dpn_stat_add(&c->stats.upcall_errors, 1);
		dpn_stat_add(&c->stats.lost, 1);
		return;
	}
	if (!flow) {
		/* The table is full: the packet still goes its way. */
		dpn_actions_run(c, pkt, key, actions.data, actions.size);
		goto done;
	}
run:
	if (c->emc)
		flow_emc_insert(c->emc, key, flow_key_hash(key), flow);
	dpn_flow_stats_add(flow, 1, dp_packet_size(pkt),
			   be16_to_cpu(key->tp.flags), dp_now_ms());
	dpn_actions_run(c, pkt, key, flow_get_actions(flow)->data,
			flow_get_actions(flow)->len);
done:
	dpn_tx_flush(c);
	rcu_read_unlock();
}

void dpn_upcall_userspace(struct dpn_ctx *c, struct dpn_userspace *u)
{
	struct dpif_upcall up;
	uint32_t key_len = put_key(c, &u->key);

	memset(&up, 0, sizeof up);
	up.packet = u->pkt;
	up.key = c->key_buf;
	up.key_len = key_len;
	up.userdata = u->userdata;
	up.userdata_len = u->userdata_len;
	up.pid = u->pid;
	if (!key_len || call(c->dp, &up, NULL, NULL) == -ENOTCONN)
		dpn_stat_add(&c->stats.lost, 1);
	dp_packet_delete(u->pkt);
	free(u->userdata);
}
