/* The action interpreter: one pass over a validated list per packet.  The
 * families that rewrite headers live in actions-vlan-mpls.c and
 * actions-set.c; this file runs the list, nests, and calls the caller. */
#include "actions-private.h"
#include "hash.h"
#include "meter.h"

/* Returned by a list that ended in an explicit drop. */
#define LIST_STOPPED 1

static int run_list(struct actions_exec *x, const struct nlattr *acts, u32 len);

/* Brings the key up to date with the packet, for an action that reads it. */
static void refresh_key(struct actions_exec *x)
{
	if (x->key_stale) {
		dp_packet_parse(x->pkt, x->key);
		x->key_stale = false;
	}
}

/* The packet the next output or userspace action hands over: the packet
 * itself, or after a trunc a truncated copy (NULL if it could not be made). */
static struct dp_packet *handover_begin(struct actions_exec *x)
{
	u32 max = x->trunc_len;
	struct dp_packet *c;

	x->trunc_len = 0;
	if (!max || dp_packet_size(x->pkt) <= max)
		return x->pkt;
	c = dp_packet_clone(x->pkt);
	if (c)
		dp_packet_trim(c, max);
	return c;
}

static void handover_end(struct actions_exec *x, struct dp_packet *p)
{
	if (p && p != x->pkt)
		dp_packet_delete(p);
}

static void do_output(struct actions_exec *x, u32 port)
{
	struct dp_packet *p = handover_begin(x);

	if (p && x->ctx->output)
		x->ctx->output(x->ctx, p, port);
	handover_end(x, p);
}

/* 'list' is the list being run, for OVS_USERSPACE_ATTR_ACTIONS. */
static void do_userspace(struct actions_exec *x, const struct nlattr *attr,
			 const struct nlattr *list, u32 list_len)
{
	struct actions_upcall up;
	const struct nlattr *a;
	struct dp_packet *p;
	u32 left;

	memset(&up, 0, sizeof up);
	NLATTR_FOR_EACH(a, left, nlattr_data(attr), nlattr_len(attr)) {
		switch (nlattr_type(a)) {
		case OVS_USERSPACE_ATTR_PID:
			up.pid = actions_get_u32(a);
			break;
		case OVS_USERSPACE_ATTR_USERDATA:
			up.userdata = nlattr_data(a);
			up.userdata_len = nlattr_len(a);
			break;
		case OVS_USERSPACE_ATTR_EGRESS_TUN_PORT:
			up.has_egress_tun_port = true;
			up.egress_tun_port = actions_get_u32(a);
			break;
		case OVS_USERSPACE_ATTR_ACTIONS:
			up.actions = list;
			up.actions_len = list_len;
			break;
		}
	}
	refresh_key(x);
	p = handover_begin(x);
	if (p && x->ctx->userspace)
		x->ctx->userspace(x->ctx, p, x->key, &up);
	handover_end(x, p);
}

/* Adds a source and destination pair of words: in order, or for the
 * symmetric hash combined by xor so that both directions hash alike. */
static u64 hash_pair(u64 acc, u64 src, u64 dst, bool sym, u32 pos)
{
	if (sym)
		return dp_hash_add(acc, src ^ dst, pos);
	return dp_hash_add(dp_hash_add(acc, src, pos), dst, pos + 1);
}

/* The L4 hash of a key: addresses and ports of IP packets, the MAC
 * addresses of others. */
static u32 l4_hash(const struct flow_key *k, u32 basis, bool sym)
{
	bool ipv4 = k->eth_type == DP_BE16(ETH_TYPE_IP);
	bool ipv6 = k->eth_type == DP_BE16(ETH_TYPE_IPV6);
	u64 acc = dp_hash_add(basis, (u64)be16_to_cpu(k->eth_type) << 8 |
				     k->ip.proto, 0);
	u64 s = 0, d = 0;
	u32 i;

	if (ipv4) {
		acc = hash_pair(acc, be32_to_cpu(k->ipv4.src),
				be32_to_cpu(k->ipv4.dst), sym, 1);
	} else if (ipv6) {
		for (i = 0; i < 2; i++) {
			memcpy(&s, k->ipv6.src + 8 * i, 8);
			memcpy(&d, k->ipv6.dst + 8 * i, 8);
			acc = hash_pair(acc, s, d, sym, 1 + 2 * i);
		}
	} else {
		memcpy(&s, k->eth_src, ETH_ADDR_LEN);
		memcpy(&d, k->eth_dst, ETH_ADDR_LEN);
		acc = hash_pair(acc, s, d, sym, 1);
	}
	if ((ipv4 || ipv6) && k->ip.frag != OVS_FRAG_TYPE_LATER)
		acc = hash_pair(acc, be16_to_cpu(k->tp.src),
				be16_to_cpu(k->tp.dst), sym, 5);
	return dp_hash_finish(acc);
}

static void do_hash(struct actions_exec *x, const struct ovs_action_hash *h)
{
	u32 hash;

	refresh_key(x);
	hash = l4_hash(x->key, h->hash_basis,
		       h->hash_alg == ACTIONS_HASH_ALG_SYM_L4);
	/* Zero would read as "no hash computed", as upstream. */
	if (!hash)
		hash = 1;
	x->pkt->dp_hash = x->key->dp_hash = hash;
}

static void do_recirc(struct actions_exec *x, u32 id)
{
	refresh_key(x);
	if (x->ctx->recirc)
		x->ctx->recirc(x->ctx, x->pkt, x->key, id);
}

/* Runs a nested list on a copy of the packet and key, whose changes stay
 * with the copy; or on the packet itself when nothing follows ('last'). */
static int run_nested(struct actions_exec *x, const struct nlattr *acts,
		      u32 len, bool last)
{
	struct actions_exec sub = *x;
	struct flow_key key;

	/* Validation caps the depth; this keeps the stack bounded anyway. */
	if (++sub.depth > ACTIONS_MAX_DEPTH)
		return -EOVERFLOW;
	if (last)
		return run_list(&sub, acts, len);

	sub.pkt = dp_packet_clone(x->pkt);
	if (!sub.pkt)
		return 0;       /* the copy is lost; the packet goes on */
	key = *x->key;
	sub.key = &key;
	run_list(&sub, acts, len);
	dp_packet_delete(sub.pkt);
	return 0;
}

/* xorshift32: a fair coin for sampling, no more. */
static u32 prng_next(struct actions_ctx *ctx)
{
	u32 s = ctx->prng ? ctx->prng : 0x9e3779b9;

	s ^= s << 13;
	s ^= s >> 17;
	s ^= s << 5;
	ctx->prng = s;
	return s;
}

static int do_sample(struct actions_exec *x, const struct nlattr *attr,
		     bool last)
{
	const struct nlattr *a, *acts = NULL;
	u32 prob = 0, left;

	NLATTR_FOR_EACH(a, left, nlattr_data(attr), nlattr_len(attr)) {
		if (nlattr_type(a) == OVS_SAMPLE_ATTR_PROBABILITY)
			prob = actions_get_u32(a);
		else if (nlattr_type(a) == OVS_SAMPLE_ATTR_ACTIONS)
			acts = a;
	}
	/* Sampled when a draw is at most the probability, as upstream. */
	if (!acts || !prob || (prob != 0xffffffffu && prng_next(x->ctx) > prob))
		return 0;
	return run_nested(x, nlattr_data(acts), nlattr_len(acts), last);
}

static int do_check_pkt_len(struct actions_exec *x, const struct nlattr *attr,
			    bool last)
{
	const struct nlattr *a, *greater = NULL, *less_equal = NULL, *branch;
	u32 pkt_len = 0, left;

	NLATTR_FOR_EACH(a, left, nlattr_data(attr), nlattr_len(attr)) {
		switch (nlattr_type(a)) {
		case OVS_CHECK_PKT_LEN_ATTR_PKT_LEN:
			pkt_len = actions_get_u16(a);
			break;
		case OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER:
			greater = a;
			break;
		case OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL:
			less_equal = a;
			break;
		}
	}
	/* VLAN tags are in the packet, so its size is upstream's length. */
	branch = dp_packet_size(x->pkt) > pkt_len ? greater : less_equal;
	if (!branch)
		return 0;
	return run_nested(x, nlattr_data(branch), nlattr_len(branch), last);
}

/* Runs a structural change and notes that the key no longer describes the
 * packet. */
static int changed(struct actions_exec *x, int err)
{
	x->key_stale = true;
	return err;
}

/* LIST_STOPPED when a drop band applies; a remark band rewrites the DSCP of
 * IP packets and leaves others alone. */
static int do_meter(struct actions_exec *x, u32 id)
{
	u8 prec = 0;
	bool ipv6;

	if (!x->ctx->meters)
		return 0;
	switch (meter_run(x->ctx->meters, id, dp_packet_size(x->pkt),
			  x->ctx->now_ns, &prec)) {
	case METER_DROP:
		return LIST_STOPPED;
	case METER_REMARK:
		refresh_key(x);
		ipv6 = x->key->eth_type == DP_BE16(ETH_TYPE_IPV6);
		if (ipv6 || x->key->eth_type == DP_BE16(ETH_TYPE_IP))
			return changed(x, actions_dscp_remark(x->pkt, ipv6, prec));
		return 0;
	default:
		return 0;
	}
}

static int run_list(struct actions_exec *x, const struct nlattr *acts, u32 len)
{
	const struct nlattr *a;
	u32 left;

	NLATTR_FOR_EACH(a, left, acts, len) {
		bool last = actions_is_last(a, left);
		const void *arg = nlattr_data(a);
		int err = 0;

		switch (nlattr_type(a)) {
		case OVS_ACTION_ATTR_OUTPUT:
			do_output(x, actions_get_u32(a));
			break;
		case OVS_ACTION_ATTR_USERSPACE:
			do_userspace(x, a, acts, len);
			break;
		case OVS_ACTION_ATTR_SET:
		case OVS_ACTION_ATTR_SET_MASKED:
			err = changed(x, actions_set(x->pkt, x->key, arg,
				      nlattr_type(a) == OVS_ACTION_ATTR_SET_MASKED));
			break;
		case OVS_ACTION_ATTR_PUSH_VLAN:
			err = changed(x, actions_push_vlan(x->pkt, arg));
			break;
		case OVS_ACTION_ATTR_POP_VLAN:
			err = changed(x, actions_pop_vlan(x->pkt));
			break;
		case OVS_ACTION_ATTR_PUSH_MPLS:
			err = changed(x, actions_push_mpls(x->pkt, arg));
			break;
		case OVS_ACTION_ATTR_POP_MPLS:
			err = changed(x, actions_pop_mpls(x->pkt,
					  (__be16)actions_get_u16(a)));
			break;
		case OVS_ACTION_ATTR_SAMPLE:
			err = do_sample(x, a, last);
			break;
		case OVS_ACTION_ATTR_CLONE:
			err = run_nested(x, arg, nlattr_len(a), last);
			break;
		case OVS_ACTION_ATTR_CHECK_PKT_LEN:
			err = do_check_pkt_len(x, a, last);
			break;
		case OVS_ACTION_ATTR_RECIRC:
			do_recirc(x, actions_get_u32(a));
			break;
		case OVS_ACTION_ATTR_HASH:
			do_hash(x, arg);
			break;
		case OVS_ACTION_ATTR_METER:
			err = do_meter(x, actions_get_u32(a));
			break;
		case OVS_ACTION_ATTR_TRUNC:
			x->trunc_len = actions_get_u32(a);
			break;
		case ACTIONS_ATTR_DROP:
			return LIST_STOPPED;
		}
		if (err)
			return err;
	}
	return 0;
}

int actions_execute(struct actions_ctx *ctx, struct dp_packet *pkt,
		    struct flow_key *key, const struct nlattr *acts, u32 len)
{
	struct actions_exec x;
	int err;

	memset(&x, 0, sizeof x);
	x.ctx = ctx;
	x.pkt = pkt;
	x.key = key;
	err = run_list(&x, acts, len);
	return err < 0 ? err : 0;
}
