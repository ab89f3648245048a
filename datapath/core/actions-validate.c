/* Install-time checks of an action list.  One table gives each action its
 * name and payload length; the rules that depend on the packets (which
 * ethertype, how many VLAN tags and MPLS labels) follow what the flow's key
 * and mask promise, tracked along the list as actions change it. */
#include "actions-private.h"
#include "meter.h"

#define LEN_VAR   0xffff        /* checked by the action's own rules */
#define LEN_UNSUP 0xfffe        /* an upstream action this datapath lacks */

struct action_desc {
	const char *name;
	u16 len;
};

static const struct action_desc descs[ACTIONS_ATTR_MAX + 1] = {
	[OVS_ACTION_ATTR_OUTPUT] = { "output", sizeof(u32) },
	[OVS_ACTION_ATTR_USERSPACE] = { "userspace", LEN_VAR },
	[OVS_ACTION_ATTR_SET] = { "set", LEN_VAR },
	[OVS_ACTION_ATTR_PUSH_VLAN] = { "push_vlan",
					sizeof(struct ovs_action_push_vlan) },
	[OVS_ACTION_ATTR_POP_VLAN] = { "pop_vlan", 0 },
	[OVS_ACTION_ATTR_SAMPLE] = { "sample", LEN_VAR },
	[OVS_ACTION_ATTR_RECIRC] = { "recirc", sizeof(u32) },
	[OVS_ACTION_ATTR_HASH] = { "hash", sizeof(struct ovs_action_hash) },
	[OVS_ACTION_ATTR_PUSH_MPLS] = { "push_mpls",
					sizeof(struct ovs_action_push_mpls) },
	[OVS_ACTION_ATTR_POP_MPLS] = { "pop_mpls", sizeof(__be16) },
	[OVS_ACTION_ATTR_SET_MASKED] = { "set_masked", LEN_VAR },
	[OVS_ACTION_ATTR_CT] = { "ct", LEN_UNSUP },
	[OVS_ACTION_ATTR_TRUNC] = { "trunc", sizeof(struct ovs_action_trunc) },
	[OVS_ACTION_ATTR_PUSH_ETH] = { "push_eth", LEN_UNSUP },
	[OVS_ACTION_ATTR_POP_ETH] = { "pop_eth", LEN_UNSUP },
	[OVS_ACTION_ATTR_CT_CLEAR] = { "ct_clear", LEN_UNSUP },
	[OVS_ACTION_ATTR_PUSH_NSH] = { "push_nsh", LEN_UNSUP },
	[OVS_ACTION_ATTR_POP_NSH] = { "pop_nsh", LEN_UNSUP },
	[OVS_ACTION_ATTR_METER] = { "meter", sizeof(u32) },
	[OVS_ACTION_ATTR_CLONE] = { "clone", LEN_VAR },
	[OVS_ACTION_ATTR_CHECK_PKT_LEN] = { "check_pkt_len", LEN_VAR },
	[OVS_ACTION_ATTR_ADD_MPLS] = { "add_mpls", LEN_UNSUP },
	[OVS_ACTION_ATTR_DEC_TTL] = { "dec_ttl", LEN_UNSUP },
	[ACTIONS_ATTR_DROP] = { "drop", sizeof(u32) },
	[ACTIONS_ATTR_PSAMPLE] = { "psample", LEN_UNSUP },
};

const char *actions_attr_name(int type)
{
	if (type < 0 || type > ACTIONS_ATTR_MAX || !descs[type].name)
		return "?";
	return descs[type].name;
}

/* The whole check. */
struct vcheck {
	const u8 *base;                 /* the top list, for error offsets */
	const struct flow_key *key;
	const struct flow_key *mask;
	struct actions_error *err;
};

/* What the flow's packets are known to hold at a point of a list. */
struct known {
	__be16 eth_type;                /* 0: unknown */
	u8 n_vlan;
	u8 n_mpls;
	bool mpls_bottom;               /* the n_mpls labels end the stack */
};

static int fail(struct vcheck *v, const struct nlattr *a, int code,
		const char *msg)
{
	if (v->err) {
		v->err->attr = nlattr_type(a);
		v->err->offset = (u32)((const u8 *)a - v->base);
		v->err->msg = msg;
	}
	return code;
}

static int unsupported(struct vcheck *v, const struct nlattr *a)
{
	return fail(v, a, -EOPNOTSUPP, "not supported by this datapath");
}

static int check_list(struct vcheck *v, const struct nlattr *acts, u32 len,
		      struct known k, u32 depth);

/* A nested list of 'a', one level deeper. */
static int check_nested(struct vcheck *v, const struct nlattr *a,
			const struct nlattr *list, const struct known *k,
			u32 depth)
{
	if (depth + 1 > ACTIONS_MAX_DEPTH)
		return fail(v, a, -EOVERFLOW, "action lists nested too deeply");
	return check_list(v, nlattr_data(list), nlattr_len(list), *k, depth + 1);
}

/* Splits the attributes nested in 'a' by type into tb[1..max]: unknown
 * types, duplicates, lengths other than lens[type] (unless LEN_VAR) and
 * trailing bytes are refused. */
static int split_nested(struct vcheck *v, const struct nlattr *a,
			const struct nlattr **tb, u32 max, const u16 *lens)
{
	const struct nlattr *n;
	u32 left, t;

	for (t = 0; t <= max; t++)
		tb[t] = NULL;
	NLATTR_FOR_EACH(n, left, nlattr_data(a), nlattr_len(a)) {
		t = nlattr_type(n);
		if (!t || t > max)
			return fail(v, a, -EINVAL, "unknown nested attribute");
		if (tb[t])
			return fail(v, a, -EINVAL, "duplicate nested attribute");
		if (lens[t] != LEN_VAR && nlattr_len(n) != lens[t])
			return fail(v, a, -EINVAL,
				    "nested attribute of the wrong length");
		tb[t] = n;
	}
	if (left)
		return fail(v, a, -EINVAL, "truncated nested attribute");
	return 0;
}

static int check_userspace(struct vcheck *v, const struct nlattr *a)
{
	static const u16 lens[OVS_USERSPACE_ATTR_MAX + 1] = {
		[OVS_USERSPACE_ATTR_PID] = sizeof(u32),
		[OVS_USERSPACE_ATTR_USERDATA] = LEN_VAR,
		[OVS_USERSPACE_ATTR_EGRESS_TUN_PORT] = sizeof(u32),
		[OVS_USERSPACE_ATTR_ACTIONS] = 0,
	};
	const struct nlattr *tb[OVS_USERSPACE_ATTR_MAX + 1];
	int err = split_nested(v, a, tb, OVS_USERSPACE_ATTR_MAX, lens);

	if (!err && !tb[OVS_USERSPACE_ATTR_PID])
		return fail(v, a, -EINVAL, "no PID");
	return err;
}

static int check_sample(struct vcheck *v, const struct nlattr *a,
			const struct known *k, u32 depth)
{
	static const u16 lens[OVS_SAMPLE_ATTR_MAX + 1] = {
		[OVS_SAMPLE_ATTR_PROBABILITY] = sizeof(u32),
		[OVS_SAMPLE_ATTR_ACTIONS] = LEN_VAR,
	};
	const struct nlattr *tb[OVS_SAMPLE_ATTR_MAX + 1];
	int err = split_nested(v, a, tb, OVS_SAMPLE_ATTR_MAX, lens);

	if (err)
		return err;
	if (!tb[OVS_SAMPLE_ATTR_PROBABILITY])
		return fail(v, a, -EINVAL, "no probability");
	if (!tb[OVS_SAMPLE_ATTR_ACTIONS])
		return fail(v, a, -EINVAL, "no action list");
	return check_nested(v, a, tb[OVS_SAMPLE_ATTR_ACTIONS], k, depth);
}

static int check_pkt_len(struct vcheck *v, const struct nlattr *a,
			 const struct known *k, u32 depth)
{
	static const u16 lens[OVS_CHECK_PKT_LEN_ATTR_MAX + 1] = {
		[OVS_CHECK_PKT_LEN_ATTR_PKT_LEN] = sizeof(u16),
		[OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER] = LEN_VAR,
		[OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL] = LEN_VAR,
	};
	const struct nlattr *tb[OVS_CHECK_PKT_LEN_ATTR_MAX + 1];
	int err = split_nested(v, a, tb, OVS_CHECK_PKT_LEN_ATTR_MAX, lens);

	if (err)
		return err;
	if (!tb[OVS_CHECK_PKT_LEN_ATTR_PKT_LEN] ||
	    !actions_get_u16(tb[OVS_CHECK_PKT_LEN_ATTR_PKT_LEN]))
		return fail(v, a, -EINVAL, "no packet length, or zero");
	if (!tb[OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER] ||
	    !tb[OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL])
		return fail(v, a, -EINVAL, "both action lists are needed");
	err = check_nested(v, a, tb[OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER],
			   k, depth);
	if (err)
		return err;
	return check_nested(v, a,
			    tb[OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL],
			    k, depth);
}

/* The flow matches IP protocol 'proto' exactly. */
static bool flow_has_proto(const struct vcheck *v, const struct known *k,
			   u8 proto)
{
	return (k->eth_type == DP_BE16(ETH_TYPE_IP) ||
		k->eth_type == DP_BE16(ETH_TYPE_IPV6)) &&
	       v->mask->ip.proto == 0xff && v->key->ip.proto == proto;
}

/* set(ipv4) and set(ipv6): the flow must be of that IP version, and the
 * protocol and fragment type are not settable: a masked set must not touch
 * them, a plain one must repeat the flow's (masked) values, as upstream. */
static int check_set_ip(struct vcheck *v, const struct nlattr *a,
			const struct known *k, bool ipv6, const u8 *val,
			const u8 *mask, bool masked)
{
	u32 proto_at = ipv6 ? offsetof(struct ovs_key_ipv6, ipv6_proto)
			    : offsetof(struct ovs_key_ipv4, ipv4_proto);
	u32 frag_at = ipv6 ? offsetof(struct ovs_key_ipv6, ipv6_frag)
			   : offsetof(struct ovs_key_ipv4, ipv4_frag);
	u32 label_at = offsetof(struct ovs_key_ipv6, ipv6_label);
	bool fixed_ok;

	if (k->eth_type != DP_BE16(ipv6 ? ETH_TYPE_IPV6 : ETH_TYPE_IP))
		return fail(v, a, -EINVAL, ipv6 ? "needs an IPv6 flow"
						: "needs an IPv4 flow");
	if (masked)
		fixed_ok = !mask[proto_at] && !mask[frag_at];
	else
		fixed_ok = val[proto_at] == (v->key->ip.proto & v->mask->ip.proto) &&
			   val[frag_at] == (v->key->ip.frag & v->mask->ip.frag);
	if (!fixed_ok)
		return fail(v, a, -EINVAL,
			    "IP protocol and fragment type cannot be set");
	if (ipv6 && ((be32_to_cpu(dp_get_be32(val + label_at)) |
		      (masked ? be32_to_cpu(dp_get_be32(mask + label_at)) : 0)) &
		     ~IPV6_LABEL_MASK))
		return fail(v, a, -EINVAL, "flow label wider than 20 bits");
	return 0;
}

static int check_set(struct vcheck *v, const struct nlattr *a,
		     const struct known *k, bool masked)
{
	const struct nlattr *ka = nlattr_data(a);
	u32 klen, i;
	const u8 *val, *mask;
	int type;

	/* Exactly one key attribute, filling the action. */
	if (!nlattr_ok(ka, nlattr_len(a)) ||
	    (u32)NLA_ALIGN(ka->nla_len) != nlattr_len(a))
		return fail(v, a, -EINVAL, "must hold exactly one key attribute");
	type = nlattr_type(ka);
	switch (type) {
	case OVS_KEY_ATTR_TUNNEL:
	case OVS_KEY_ATTR_CT_MARK:
	case OVS_KEY_ATTR_CT_LABELS:
	case OVS_KEY_ATTR_NSH:
		return unsupported(v, a);
	}
	klen = actions_set_key_len(type);
	if (!klen)
		return fail(v, a, -EINVAL, "this key field cannot be set");
	if (nlattr_len(ka) != (masked ? 2 * klen : klen))
		return fail(v, a, -EINVAL, "key attribute of the wrong length");
	val = nlattr_data(ka);
	mask = masked ? val + klen : val;
	if (masked)
		for (i = 0; i < klen; i++)
			if (val[i] & ~mask[i])
				return fail(v, a, -EINVAL,
					    "value has bits outside its mask");

	switch (type) {
	case OVS_KEY_ATTR_IPV4:
	case OVS_KEY_ATTR_IPV6:
		return check_set_ip(v, a, k, type == OVS_KEY_ATTR_IPV6, val,
				    mask, masked);
	case OVS_KEY_ATTR_TCP:
		if (!flow_has_proto(v, k, IPPROTO_NUM_TCP))
			return fail(v, a, -EINVAL, "needs a flow matching TCP");
		break;
	case OVS_KEY_ATTR_UDP:
		if (!flow_has_proto(v, k, IPPROTO_NUM_UDP))
			return fail(v, a, -EINVAL, "needs a flow matching UDP");
		break;
	case OVS_KEY_ATTR_SCTP:
		if (!flow_has_proto(v, k, IPPROTO_NUM_SCTP))
			return fail(v, a, -EINVAL, "needs a flow matching SCTP");
		break;
	case OVS_KEY_ATTR_MPLS:
		if (!flow_eth_type_is_mpls(k->eth_type))
			return fail(v, a, -EINVAL, "needs an MPLS flow");
		break;
	}
	return 0;
}

static int check_push_vlan(struct vcheck *v, const struct nlattr *a,
			   struct known *k)
{
	const struct ovs_action_push_vlan *vlan = nlattr_data(a);

	if (!flow_eth_type_is_vlan(vlan->vlan_tpid))
		return fail(v, a, -EINVAL, "TPID must be 0x8100 or 0x88a8");
	if (!(vlan->vlan_tci & DP_BE16(VLAN_CFI)))
		return fail(v, a, -EINVAL, "TCI must have VLAN_CFI (present) set");
	if (k->n_vlan >= FLOW_MAX_VLANS)
		return fail(v, a, -EINVAL, "more than 2 VLAN tags");
	k->n_vlan++;
	return 0;
}

static int check_push_mpls(struct vcheck *v, const struct nlattr *a,
			   struct known *k)
{
	const struct ovs_action_push_mpls *mpls = nlattr_data(a);
	__be16 t = k->eth_type;

	if (!flow_eth_type_is_mpls(mpls->mpls_ethertype))
		return fail(v, a, -EINVAL, "ethertype must be 0x8847 or 0x8848");
	/* Where the label goes must be known, as upstream. */
	if (t != DP_BE16(ETH_TYPE_IP) && t != DP_BE16(ETH_TYPE_IPV6) &&
	    t != DP_BE16(ETH_TYPE_ARP) && t != DP_BE16(ETH_TYPE_RARP) &&
	    !flow_eth_type_is_mpls(t))
		return fail(v, a, -EINVAL,
			    "needs an IPv4, IPv6, ARP, RARP or MPLS flow");
	if (k->n_mpls >= FLOW_MAX_MPLS)
		return fail(v, a, -EINVAL, "more than 3 MPLS labels");
	if (!k->n_mpls)
		k->mpls_bottom = true;
	k->eth_type = mpls->mpls_ethertype;
	k->n_mpls++;
	return 0;
}

static int check_pop_mpls(struct vcheck *v, const struct nlattr *a,
			  struct known *k)
{
	__be16 type = (__be16)actions_get_u16(a);

	if (!flow_eth_type_is_mpls(k->eth_type) || !k->n_mpls)
		return fail(v, a, -EINVAL, "needs an MPLS flow");
	if (be16_to_cpu(type) < ETH_TYPE_MIN || flow_eth_type_is_vlan(type))
		return fail(v, a, -EINVAL, "not a valid ethertype");
	/* The ethertype must say what is really left below the label. */
	if (!flow_eth_type_is_mpls(type) && k->n_mpls > 1)
		return fail(v, a, -EINVAL,
			    "non-MPLS ethertype with labels left below");
	if (flow_eth_type_is_mpls(type) && k->n_mpls == 1 && k->mpls_bottom)
		return fail(v, a, -EINVAL,
			    "MPLS ethertype with no label left below");
	/* After the last known label what follows is unknown: no L3 set or
	 * further pop_mpls, as upstream. */
	k->n_mpls--;
	k->eth_type = flow_eth_type_is_mpls(type) && k->n_mpls ? type : 0;
	return 0;
}

static int check_action(struct vcheck *v, const struct nlattr *a,
			struct known *k, u32 depth, bool last)
{
	const struct ovs_action_hash *hash;

	switch (nlattr_type(a)) {
	case OVS_ACTION_ATTR_OUTPUT:
		if (actions_get_u32(a) >= ACTIONS_MAX_PORTS)
			return fail(v, a, -EINVAL, "port number out of range");
		return 0;
	case OVS_ACTION_ATTR_USERSPACE:
		return check_userspace(v, a);
	case OVS_ACTION_ATTR_SET:
	case OVS_ACTION_ATTR_SET_MASKED:
		return check_set(v, a, k,
				 nlattr_type(a) == OVS_ACTION_ATTR_SET_MASKED);
	case OVS_ACTION_ATTR_PUSH_VLAN:
		return check_push_vlan(v, a, k);
	case OVS_ACTION_ATTR_POP_VLAN:
		/* Popping from an untagged packet does nothing, as upstream. */
		if (k->n_vlan)
			k->n_vlan--;
		return 0;
	case OVS_ACTION_ATTR_SAMPLE:
		return check_sample(v, a, k, depth);
	case OVS_ACTION_ATTR_HASH:
		hash = nlattr_data(a);
		if (hash->hash_alg != OVS_HASH_ALG_L4 &&
		    hash->hash_alg != ACTIONS_HASH_ALG_SYM_L4)
			return fail(v, a, -EINVAL, "unknown hash algorithm");
		return 0;
	case OVS_ACTION_ATTR_PUSH_MPLS:
		return check_push_mpls(v, a, k);
	case OVS_ACTION_ATTR_POP_MPLS:
		return check_pop_mpls(v, a, k);
	case OVS_ACTION_ATTR_METER:
		if (actions_get_u32(a) >= METER_ID_LIMIT)
			return fail(v, a, -EINVAL, "meter id out of range");
		return 0;
	case OVS_ACTION_ATTR_TRUNC:
		if (actions_get_u32(a) < ETH_HEADER_LEN)
			return fail(v, a, -EINVAL,
				    "truncates below an Ethernet header");
		return 0;
	case OVS_ACTION_ATTR_CLONE:
		return check_nested(v, a, a, k, depth);
	case OVS_ACTION_ATTR_CHECK_PKT_LEN:
		return check_pkt_len(v, a, k, depth);
	case ACTIONS_ATTR_DROP:
		if (!last)
			return fail(v, a, -EINVAL,
				    "must be the last action of its list");
		return 0;
	}
	return 0;       /* recirc: any id */
}

static int check_list(struct vcheck *v, const struct nlattr *acts, u32 len,
		      struct known k, u32 depth)
{
	const struct nlattr *a;
	u32 left;

	NLATTR_FOR_EACH(a, left, acts, len) {
		u16 type = nlattr_type(a);
		const struct action_desc *d;
		int err;

		if (!type || type > ACTIONS_ATTR_MAX || !descs[type].name)
			return fail(v, a, -EINVAL, "unknown action");
		d = &descs[type];
		if (d->len == LEN_UNSUP)
			return unsupported(v, a);
		if (d->len != LEN_VAR && nlattr_len(a) != d->len)
			return fail(v, a, -EINVAL, "wrong length");
		err = check_action(v, a, &k, depth,
				   actions_is_last(a, left));
		if (err)
			return err;
	}
	if (left) {
		/* 'a' is where the stray bytes start; no type to name. */
		if (v->err) {
			v->err->attr = OVS_ACTION_ATTR_UNSPEC;
			v->err->offset = (u32)((const u8 *)a - v->base);
			v->err->msg = "truncated action";
		}
		return -EINVAL;
	}
	return 0;
}

int actions_validate(const struct nlattr *acts, u32 len,
		     const struct flow_key *key, const struct flow_key *mask,
		     struct actions_error *err)
{
	struct flow_key exact;
	struct vcheck v;
	struct known k;
	u32 i;

	if (!mask) {
		memset(&exact, 0xff, sizeof exact);
		mask = &exact;
	}
	v.base = (const u8 *)acts;
	v.key = key;
	v.mask = mask;
	v.err = err;

	k.eth_type = mask->eth_type == DP_BE16(0xffff) ? key->eth_type : 0;
	k.n_vlan = 0;
	for (i = 0; i < FLOW_MAX_VLANS; i++) {
		if (!(key->vlan[i].tci & mask->vlan[i].tci & DP_BE16(VLAN_CFI)))
			break;
		k.n_vlan++;
	}
	k.n_mpls = 0;
	k.mpls_bottom = false;
	/* Only the labels the mask makes sure of, as upstream. */
	if (flow_eth_type_is_mpls(k.eth_type))
		k.n_mpls = flow_mpls_count(key->mpls.held & mask->mpls.held);
	if (k.n_mpls) {
		/* The key stops at 3 labels: the last may not be the bottom. */
		k.mpls_bottom = !!(key->mpls.lse[k.n_mpls - 1] &
				   mask->mpls.lse[k.n_mpls - 1] &
				   DP_BE32(MPLS_BOS_MASK));
	}
	return check_list(&v, acts, len, k, 0);
}
