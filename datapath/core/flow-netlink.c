/* Flow key and mask <-> OVS_KEY_ATTR_* attributes.
 *
 * One table describes every attribute: its payload length and the byte
 * segments it shares with struct flow_key, so the encoder and the decoder
 * move the same bytes for keys and masks alike.  Only the ICMP type/code and
 * the ARP opcode need a conversion; attr_pack()/attr_unpack() do it.
 *
 * Decoding walks one nesting level at a time (top, then each ENCAP).  A level
 * holds at most one ETHERTYPE, VLAN and ENCAP of its own; every other
 * attribute goes into one table for the whole key, where a second copy
 * anywhere is a duplicate.  The key's fields then decide which L3/L4
 * attributes it must have, and the mask may match only what the key has and
 * what its own prerequisites allow. */
#include "flow-netlink.h"

#define ATTR(name) FLOW_NL_ATTR_BIT(OVS_KEY_ATTR_##name)

#define META_ATTRS (ATTR(PRIORITY) | ATTR(IN_PORT) | ATTR(SKB_MARK) | \
		    ATTR(RECIRC_ID) | ATTR(DP_HASH))
#define TOP_ATTRS (META_ATTRS | ATTR(ETHERNET))     /* never inside ENCAP */
#define LEVEL_ATTRS (ATTR(ETHERTYPE) | ATTR(VLAN) | ATTR(ENCAP))
#define L3_ATTRS (ATTR(IPV4) | ATTR(IPV6) | ATTR(IPV6_EXTHDRS) | ATTR(ARP) | \
		  ATTR(MPLS))
#define L4_ATTRS (ATTR(TCP) | ATTR(TCP_FLAGS) | ATTR(UDP) | ATTR(SCTP) | \
		  ATTR(ICMP) | ATTR(ICMPV6))
#define PACKET_ATTRS (L3_ATTRS | L4_ATTRS | ATTR(ND))
#define UNSUPPORTED_ATTRS (ATTR(TUNNEL) | ATTR(CT_STATE) | ATTR(CT_ZONE) | \
			   ATTR(CT_MARK) | ATTR(CT_LABELS) | \
			   ATTR(CT_ORIG_TUPLE_IPV4) | \
			   ATTR(CT_ORIG_TUPLE_IPV6) | ATTR(NSH))
/* Userspace-only and in-kernel-only types: never valid in a flow key. */
#define FOREIGN_ATTRS (ATTR(PACKET_TYPE) | ATTR(ND_EXTENSIONS) | \
		       ATTR(TUNNEL_INFO))

#define LEN_NESTED 0xff
#define LEN_MPLS   0xfe         /* 0 to FLOW_MAX_MPLS struct ovs_key_mpls */
#define MPLS_LSE_LEN sizeof(struct ovs_key_mpls)

/* Payload bytes [at, at+len) are the key's bytes at 'field'. */
struct attr_seg {
	u8 at;
	u8 len;
	u8 field;
};

struct attr_desc {
	const char *name;
	u8 len;
	struct attr_seg seg[2];
	const char *need;       /* the prerequisite, for a key attribute */
};

_Static_assert(sizeof(struct flow_key) <= 0xff, "attr_seg.field is a u8");

#define SEG(at, len, field) { at, len, offsetof(struct flow_key, field) }
#define NEED_L4(proto) "needs IPv4 or IPv6 with protocol " proto \
		       ", not a later fragment"

/* N: name, L: payload length, S: segments, P: prerequisite. */
#define N(x) .name = (x)
#define L(x) .len = (x)
#define S(...) .seg = { __VA_ARGS__ }
#define P(x) .need = (x)

static const struct attr_desc descs[OVS_KEY_ATTR_MAX + 1] = {
	[OVS_KEY_ATTR_ENCAP] = { N("ENCAP"), L(LEN_NESTED) },
	[OVS_KEY_ATTR_PRIORITY] = { N("PRIORITY"), L(4), S(SEG(0, 4, priority)) },
	[OVS_KEY_ATTR_IN_PORT] = { N("IN_PORT"), L(4), S(SEG(0, 4, in_port)) },
	[OVS_KEY_ATTR_ETHERNET] = { N("ETHERNET"),
				    L(sizeof(struct ovs_key_ethernet)),
				    S(SEG(0, 12, eth_src)) },
	[OVS_KEY_ATTR_VLAN] = { N("VLAN"), L(2) },
	[OVS_KEY_ATTR_ETHERTYPE] = { N("ETHERTYPE"), L(2) },
	[OVS_KEY_ATTR_IPV4] = { N("IPV4"), L(sizeof(struct ovs_key_ipv4)),
				S(SEG(0, 8, ipv4.src), SEG(8, 4, ip)),
				P("needs ETHERTYPE 0x0800") },
	[OVS_KEY_ATTR_IPV6] = { N("IPV6"), L(sizeof(struct ovs_key_ipv6)),
				S(SEG(0, 36, ipv6.src), SEG(36, 4, ip)),
				P("needs ETHERTYPE 0x86dd") },
	[OVS_KEY_ATTR_TCP] = { N("TCP"), L(sizeof(struct ovs_key_tcp)),
			       S(SEG(0, 4, tp.src)), P(NEED_L4("6")) },
	[OVS_KEY_ATTR_UDP] = { N("UDP"), L(sizeof(struct ovs_key_udp)),
			       S(SEG(0, 4, tp.src)), P(NEED_L4("17")) },
	[OVS_KEY_ATTR_ICMP] = { N("ICMP"), L(sizeof(struct ovs_key_icmp)),
				P("needs IPv4 with protocol 1, not a later fragment") },
	[OVS_KEY_ATTR_ICMPV6] = { N("ICMPV6"), L(sizeof(struct ovs_key_icmpv6)),
				  P("needs IPv6 with protocol 58, not a later fragment") },
	[OVS_KEY_ATTR_ARP] = { N("ARP"), L(sizeof(struct ovs_key_arp)),
			       S(SEG(0, 8, arp.sip),
				 SEG(offsetof(struct ovs_key_arp, arp_sha), 12,
				     arp.sha)),
			       P("needs ETHERTYPE 0x0806 or 0x8035") },
	[OVS_KEY_ATTR_ND] = { N("ND"), L(sizeof(struct ovs_key_nd)),
			      S(SEG(0, 28, ipv6.nd_target)),
			      P("needs ICMPv6 type 135 or 136 with code 0") },
	[OVS_KEY_ATTR_SKB_MARK] = { N("SKB_MARK"), L(4), S(SEG(0, 4, skb_mark)) },
	[OVS_KEY_ATTR_TUNNEL] = { N("TUNNEL") },
	[OVS_KEY_ATTR_SCTP] = { N("SCTP"), L(sizeof(struct ovs_key_sctp)),
				S(SEG(0, 4, tp.src)), P(NEED_L4("132")) },
	[OVS_KEY_ATTR_TCP_FLAGS] = { N("TCP_FLAGS"), L(2), S(SEG(0, 2, tp.flags)),
				     P(NEED_L4("6")) },
	[OVS_KEY_ATTR_DP_HASH] = { N("DP_HASH"), L(4), S(SEG(0, 4, dp_hash)) },
	[OVS_KEY_ATTR_RECIRC_ID] = { N("RECIRC_ID"), L(4),
				     S(SEG(0, 4, recirc_id)) },
	[OVS_KEY_ATTR_MPLS] = { N("MPLS"), L(LEN_MPLS),
				S(SEG(0, FLOW_MAX_MPLS * MPLS_LSE_LEN, mpls.lse)),
				P("needs ETHERTYPE 0x8847 or 0x8848") },
	[OVS_KEY_ATTR_CT_STATE] = { N("CT_STATE") },
	[OVS_KEY_ATTR_CT_ZONE] = { N("CT_ZONE") },
	[OVS_KEY_ATTR_CT_MARK] = { N("CT_MARK") },
	[OVS_KEY_ATTR_CT_LABELS] = { N("CT_LABELS") },
	[OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV4] = { N("CT_ORIG_TUPLE_IPV4") },
	[OVS_KEY_ATTR_CT_ORIG_TUPLE_IPV6] = { N("CT_ORIG_TUPLE_IPV6") },
	[OVS_KEY_ATTR_NSH] = { N("NSH") },
	[OVS_KEY_ATTR_PACKET_TYPE] = { N("PACKET_TYPE") },
	[OVS_KEY_ATTR_ND_EXTENSIONS] = { N("ND_EXTENSIONS") },
	[OVS_KEY_ATTR_TUNNEL_INFO] = { N("TUNNEL_INFO") },
	[OVS_KEY_ATTR_IPV6_EXTHDRS] = { N("IPV6_EXTHDRS"),
					L(sizeof(struct ovs_key_ipv6_exthdrs)),
					S(SEG(0, 2, ipv6.exthdrs)),
					P("needs ETHERTYPE 0x86dd") },
};

#undef N
#undef L
#undef S
#undef P

/* The order of the L3 and L4 attributes on the wire. */
static const u8 packet_order[] = {
	OVS_KEY_ATTR_IPV4, OVS_KEY_ATTR_IPV6, OVS_KEY_ATTR_IPV6_EXTHDRS,
	OVS_KEY_ATTR_ARP, OVS_KEY_ATTR_MPLS, OVS_KEY_ATTR_TCP,
	OVS_KEY_ATTR_TCP_FLAGS, OVS_KEY_ATTR_UDP, OVS_KEY_ATTR_SCTP,
	OVS_KEY_ATTR_ICMP, OVS_KEY_ATTR_ICMPV6, OVS_KEY_ATTR_ND,
};

const char *flow_nl_attr_name(int type)
{
	if (type < 0 || type > OVS_KEY_ATTR_MAX || !descs[type].name)
		return "?";
	return descs[type].name;
}

/* Copies the segments of 'type' between a payload of 'len' bytes and a key,
 * in the direction 'to_key' says. */
static void copy_segs(int type, u32 len, bool to_key, void *dst,
		      const void *src)
{
	const struct attr_seg *seg = descs[type].seg;
	int i;

	for (i = 0; i < 2 && seg[i].len && seg[i].at < len; i++) {
		u32 n = len - seg[i].at < seg[i].len ? len - seg[i].at : seg[i].len;

		memcpy((u8 *)dst + (to_key ? seg[i].field : seg[i].at),
		       (const u8 *)src + (to_key ? seg[i].at : seg[i].field), n);
	}
}

static void attr_pack(int type, const struct flow_key *src, u8 *p, u32 len)
{
	copy_segs(type, len, false, p, src);
	if (type == OVS_KEY_ATTR_ICMP || type == OVS_KEY_ATTR_ICMPV6) {
		p[0] = (u8)be16_to_cpu(src->tp.src);
		p[1] = (u8)be16_to_cpu(src->tp.dst);
	} else if (type == OVS_KEY_ATTR_ARP) {
		dp_put_be16(p + offsetof(struct ovs_key_arp, arp_op),
			    cpu_to_be16(src->ip.proto));
	}
}

static void attr_unpack(int type, const u8 *p, u32 len, struct flow_key *dst)
{
	copy_segs(type, len, true, dst, p);
	if (type == OVS_KEY_ATTR_ICMP || type == OVS_KEY_ATTR_ICMPV6) {
		dst->tp.src = cpu_to_be16(p[0]);
		dst->tp.dst = cpu_to_be16(p[1]);
	} else if (type == OVS_KEY_ATTR_ARP) {
		dst->ip.proto = (u8)be16_to_cpu(dp_get_be16(
			p + offsetof(struct ovs_key_arp, arp_op)));
	}
}

static bool key_is_nd(const struct flow_key *key)
{
	return (key->tp.src == DP_BE16(ICMPV6_NS) ||
		key->tp.src == DP_BE16(ICMPV6_NA)) && !key->tp.dst;
}

static u64 l4_attrs(const struct flow_key *key, bool ipv6)
{
	if (key->ip.frag == OVS_FRAG_TYPE_LATER)
		return 0;
	switch (key->ip.proto) {
	case IPPROTO_NUM_TCP:
		return ATTR(TCP) | ATTR(TCP_FLAGS);
	case IPPROTO_NUM_UDP:
		return ATTR(UDP);
	case IPPROTO_NUM_SCTP:
		return ATTR(SCTP);
	case IPPROTO_NUM_ICMP:
		return ipv6 ? 0 : ATTR(ICMP);
	case IPPROTO_NUM_ICMPV6:
		if (!ipv6)
			return 0;
		return ATTR(ICMPV6) | (key_is_nd(key) ? ATTR(ND) : 0);
	}
	return 0;
}

/* The L3/L4 attributes that describe 'key', as upstream emits them. */
static u64 packet_attrs(const struct flow_key *key)
{
	switch (key->eth_type) {
	case DP_BE16(ETH_TYPE_IP):
		return ATTR(IPV4) | l4_attrs(key, false);
	case DP_BE16(ETH_TYPE_IPV6):
		return ATTR(IPV6) | ATTR(IPV6_EXTHDRS) | l4_attrs(key, true);
	case DP_BE16(ETH_TYPE_ARP):
	case DP_BE16(ETH_TYPE_RARP):
		return ATTR(ARP);
	case DP_BE16(ETH_TYPE_MPLS):
	case DP_BE16(ETH_TYPE_MPLS_MCAST):
		return ATTR(MPLS);
	}
	return 0;
}

static bool key_tagged(const struct flow_key *key, int depth)
{
	return depth < FLOW_MAX_VLANS &&
	       (key->vlan[depth].tci & DP_BE16(VLAN_CFI));
}

/* A VLAN ethertype whose tag did not fit in the frame (tci 0). */
static bool key_truncated(const struct flow_key *key, int depth)
{
	return depth < FLOW_MAX_VLANS && !key->vlan[depth].tci &&
	       flow_eth_type_is_vlan(key->eth_type) &&
	       (depth == 0 || key_tagged(key, depth - 1));
}

/* Encoding. */

static void put_be16(struct nlbuf *b, u16 type, __be16 v)
{
	nlbuf_put(b, type, &v, sizeof v);
}

static void put_attr(struct nlbuf *b, int type, const struct flow_key *src,
		     u32 len)
{
	u8 *p = nlbuf_put(b, type, NULL, len);  /* zero-filled */

	if (p)
		attr_pack(type, src, p, len);
}

static void put_packet(struct nlbuf *b, const struct flow_key *key,
		       const struct flow_key *src, bool mask)
{
	u64 want = packet_attrs(key);
	u32 i;

	/* 802.3 frames omit ETHERTYPE in the key but a mask may match it. */
	if (key->eth_type != DP_BE16(ETH_TYPE_802_2) || (mask && src->eth_type))
		put_be16(b, OVS_KEY_ATTR_ETHERTYPE, src->eth_type);
	for (i = 0; i < ARRAY_SIZE(packet_order); i++) {
		int type = packet_order[i];
		u32 len = descs[type].len;

		if (!(want & FLOW_NL_ATTR_BIT(type)))
			continue;
		/* A mask: as many entries as it matches labels. */
		if (type == OVS_KEY_ATTR_MPLS)
			len = flow_mpls_count(key->mpls.held & src->mpls.held) *
			      MPLS_LSE_LEN;
		put_attr(b, type, src, len);
	}
}

/* ETHERTYPE(tpid) VLAN(tci) ENCAP{...} per tag, then the packet attributes;
 * a truncated tag ends with an empty ENCAP. */
static void put_level(struct nlbuf *b, const struct flow_key *key,
		      const struct flow_key *src, bool mask, int depth)
{
	bool tagged;
	__be16 tpid;
	u32 encap;

	if (depth == FLOW_MAX_VLANS ||
	    (!key->vlan[depth].tci && !flow_eth_type_is_vlan(key->eth_type))) {
		put_packet(b, key, src, mask);
		return;
	}
	tagged = key->vlan[depth].tci != 0;
	if (!tagged)
		tpid = src->eth_type;
	else
		tpid = mask ? DP_BE16(0xffff) : src->vlan[depth].tpid;
	put_be16(b, OVS_KEY_ATTR_ETHERTYPE, tpid);
	put_be16(b, OVS_KEY_ATTR_VLAN, src->vlan[depth].tci);
	encap = nlbuf_nest_start(b, OVS_KEY_ATTR_ENCAP);
	if (tagged)
		put_level(b, key, src, mask, depth + 1);
	nlbuf_nest_end(b, encap);
}

static int put_all(struct nlbuf *b, const struct flow_key *key,
		   const struct flow_key *src, bool mask)
{
	static const u8 top[] = {
		OVS_KEY_ATTR_RECIRC_ID, OVS_KEY_ATTR_DP_HASH,
		OVS_KEY_ATTR_PRIORITY, OVS_KEY_ATTR_IN_PORT,
		OVS_KEY_ATTR_SKB_MARK, OVS_KEY_ATTR_ETHERNET,
	};
	u32 i;

	for (i = 0; i < ARRAY_SIZE(top); i++)
		put_attr(b, top[i], src, descs[top[i]].len);
	put_level(b, key, src, mask, 0);
	return b->overflow ? -EMSGSIZE : 0;
}

int flow_nl_put_key(struct nlbuf *b, const struct flow_key *key)
{
	return put_all(b, key, key, false);
}

int flow_nl_put_mask(struct nlbuf *b, const struct flow_key *key,
		     const struct flow_key *mask)
{
	return put_all(b, key, mask, true);
}

/* Decoding. */

struct nl_parse {
	const struct nlattr *a[OVS_KEY_ATTR_MAX + 1];   /* not per level */
	u64 seen;               /* every attribute met */
	u64 present;            /* those in a[] */
	bool mask;              /* an all-zero payload means "absent" */
	bool ones;              /* read every payload as all-ones */
	struct flow_nl_error *err;
	struct flow_nl_error scratch;   /* when the caller passes none */
};

struct nl_level {
	const struct nlattr *ethertype, *vlan, *encap;
	u64 seen;               /* every attribute of this level */
	u64 attrs;              /* those of them that went into a[] */
};

static const u8 all_ones[sizeof(struct ovs_key_ipv6)] = {
	[0 ... sizeof(struct ovs_key_ipv6) - 1] = 0xff
};

static const u8 *payload(const struct nl_parse *p, const struct nlattr *a)
{
	return p->ones ? all_ones : nlattr_data(a);
}

static __be16 get_be16(const struct nl_parse *p, const struct nlattr *a)
{
	return dp_get_be16(payload(p, a));
}

static int fail_code(struct nl_parse *p, int attr, int code, const char *msg)
{
	p->err->attr = attr;
	p->err->in_mask = p->mask;
	p->err->msg = msg;
	return code;
}

static int fail(struct nl_parse *p, int attr, const char *msg)
{
	return fail_code(p, attr, -EINVAL, msg);
}

static int lowest_attr(u64 bits)
{
	int type = 0;

	while (!(bits & 1)) {
		bits >>= 1;
		type++;
	}
	return type;
}

static bool all_zero(const u8 *p, u32 len)
{
	while (len--)
		if (*p++)
			return false;
	return true;
}

/* Type, support, length and placement of one attribute. */
static int check_attr(struct nl_parse *p, const struct nlattr *a, int depth)
{
	u16 type = nlattr_type(a);
	u32 len = nlattr_len(a);
	u64 bit;

	if (type == OVS_KEY_ATTR_UNSPEC || type > OVS_KEY_ATTR_MAX)
		return fail(p, type, "unknown attribute type");
	bit = FLOW_NL_ATTR_BIT(type);
	if (bit & UNSUPPORTED_ATTRS)
		return fail_code(p, type, -EOPNOTSUPP, "not supported yet");
	if (bit & FOREIGN_ATTRS)
		return fail(p, type, "not a datapath flow key attribute");
	if (descs[type].len == LEN_MPLS) {
		if (len % MPLS_LSE_LEN)
			return fail(p, type, "length is not a multiple of 4");
		if (len > FLOW_MAX_MPLS * MPLS_LSE_LEN)
			return fail(p, type, "more than 3 label stack entries");
	} else if (descs[type].len != LEN_NESTED && len != descs[type].len) {
		return fail(p, type, "wrong payload length for this attribute");
	}
	if (depth && (bit & TOP_ATTRS))
		return fail(p, type, "only allowed at the top level, not in ENCAP");
	return 0;
}

static int note_attr(struct nl_parse *p, struct nl_level *lv,
		     const struct nlattr *a)
{
	u16 type = nlattr_type(a);
	u64 bit = FLOW_NL_ATTR_BIT(type);
	const struct nlattr **slot = &p->a[type];

	if ((bit & LEVEL_ATTRS ? lv->seen : p->seen) & bit)
		return fail(p, type, "duplicate attribute");
	lv->seen |= bit;
	p->seen |= bit;
	/* An empty ENCAP still says where a tag is; other zeros say nothing. */
	if (p->mask && type != OVS_KEY_ATTR_ENCAP &&
	    all_zero(payload(p, a), nlattr_len(a)))
		return 0;
	if (type == OVS_KEY_ATTR_ETHERTYPE) {
		slot = &lv->ethertype;
	} else if (type == OVS_KEY_ATTR_VLAN) {
		slot = &lv->vlan;
	} else if (type == OVS_KEY_ATTR_ENCAP) {
		slot = &lv->encap;
	} else {
		lv->attrs |= bit;
		p->present |= bit;
	}
	*slot = a;
	return 0;
}

static int check_tail(struct nl_parse *p, const struct nlattr *a, u32 left,
		      int depth)
{
	if (!left)
		return 0;
	if (left < NLA_HDRLEN)
		return fail(p, depth ? OVS_KEY_ATTR_ENCAP : OVS_KEY_ATTR_UNSPEC,
			    "trailing bytes after the last attribute");
	if (a->nla_len < NLA_HDRLEN)
		return fail(p, nlattr_type(a),
			    "attribute length shorter than its header");
	return fail(p, nlattr_type(a),
		    "attribute runs past the end of its container");
}

static int scan_level(struct nl_parse *p, struct nl_level *lv,
		      const void *data, u32 len, int depth)
{
	const struct nlattr *a;
	u32 left;
	int err;

	memset(lv, 0, sizeof *lv);
	NLATTR_FOR_EACH(a, left, data, len) {
		err = check_attr(p, a, depth);
		if (!err)
			err = note_attr(p, lv, a);
		if (err)
			return err;
	}
	return check_tail(p, a, left, depth);
}

/* A level that carries a VLAN tag holds the packet attributes in ENCAP. */
static int check_tag_level(struct nl_parse *p, const struct nl_level *lv)
{
	u64 outside = lv->attrs & PACKET_ATTRS;

	return outside ? fail(p, lowest_attr(outside), "belongs inside ENCAP") : 0;
}

/* A key level with no VLAN tag: ETHERTYPE alone, or nothing for 802.3. */
static int key_plain_level(struct nl_parse *p, const struct nl_level *lv,
			   __be16 type, int depth, struct flow_key *key)
{
	bool deep = depth == FLOW_MAX_VLANS && flow_eth_type_is_vlan(type);

	if (lv->encap)
		return fail(p, OVS_KEY_ATTR_ENCAP, deep ?
			    "nested more than two VLAN tags deep" :
			    "only allowed after a VLAN ETHERTYPE");
	if (lv->vlan)
		return fail(p, OVS_KEY_ATTR_VLAN, deep ?
			    "a third VLAN tag is not supported" :
			    "only allowed after a VLAN ETHERTYPE");
	if (lv->ethertype && be16_to_cpu(type) < ETH_TYPE_MIN)
		return fail(p, OVS_KEY_ATTR_ETHERTYPE,
			    "below 0x0600 (802.3 frames omit ETHERTYPE)");
	key->eth_type = type;
	return 0;
}

static int key_level(struct nl_parse *p, const void *data, u32 len,
		     int depth, struct flow_key *key)
{
	struct nl_level lv;
	__be16 type, tci;
	int err = scan_level(p, &lv, data, len, depth);

	if (err)
		return err;
	type = lv.ethertype ? get_be16(p, lv.ethertype) :
			      DP_BE16(ETH_TYPE_802_2);
	if (depth == FLOW_MAX_VLANS || !flow_eth_type_is_vlan(type))
		return key_plain_level(p, &lv, type, depth, key);
	if (!lv.vlan)
		return fail(p, OVS_KEY_ATTR_VLAN,
			    "missing after a VLAN ETHERTYPE");
	if (!lv.encap)
		return fail(p, OVS_KEY_ATTR_ENCAP,
			    "missing after a VLAN ETHERTYPE");
	err = check_tag_level(p, &lv);
	if (err)
		return err;
	tci = get_be16(p, lv.vlan);
	if (!(tci & DP_BE16(VLAN_CFI))) {
		if (tci)
			return fail(p, OVS_KEY_ATTR_VLAN,
				    "TCI without VLAN_CFI (the tag-present bit)");
		if (nlattr_len(lv.encap))
			return fail(p, OVS_KEY_ATTR_ENCAP,
				    "not empty after a truncated VLAN tag (TCI 0)");
		key->eth_type = type;
		return 0;
	}
	key->vlan[depth].tpid = type;
	key->vlan[depth].tci = tci;
	return key_level(p, nlattr_data(lv.encap), nlattr_len(lv.encap),
			 depth + 1, key);
}

static void unpack_all(const struct nl_parse *p, struct flow_key *dst)
{
	int type;

	for (type = 0; type <= OVS_KEY_ATTR_MAX; type++)
		if (p->a[type])
			attr_unpack(type, payload(p, p->a[type]),
				    nlattr_len(p->a[type]), dst);
}

/* Field values the upstream datapath refuses in a key. */
static int check_key_values(struct nl_parse *p, const struct flow_key *key)
{
	int l3 = p->a[OVS_KEY_ATTR_IPV4] ? OVS_KEY_ATTR_IPV4 : OVS_KEY_ATTR_IPV6;
	const struct nlattr *arp = p->a[OVS_KEY_ATTR_ARP];

	if (p->a[OVS_KEY_ATTR_IN_PORT] && key->in_port > 0xffff)
		return fail(p, OVS_KEY_ATTR_IN_PORT, "port number above 65535");
	if (p->a[l3] && key->ip.frag > OVS_FRAG_TYPE_MAX)
		return fail(p, l3, "fragment type out of range");
	if (p->a[OVS_KEY_ATTR_IPV6] &&
	    (key->ipv6.label & ~DP_BE32(IPV6_LABEL_MASK)))
		return fail(p, OVS_KEY_ATTR_IPV6, "flow label wider than 20 bits");
	if (arp && (dp_get_be16(payload(p, arp) +
				offsetof(struct ovs_key_arp, arp_op)) &
		    DP_BE16(0xff00)))
		return fail(p, OVS_KEY_ATTR_ARP, "opcode above 255");
	return 0;
}

/* Every L3/L4 attribute must be one the key's fields call for, and every
 * one they call for must be there (IPV6_EXTHDRS is optional, as upstream). */
static int check_key_prereqs(struct nl_parse *p, const struct flow_key *key)
{
	u64 want = packet_attrs(key);
	u64 have = p->present & PACKET_ATTRS;
	u64 missing = want & ~have & ~ATTR(IPV6_EXTHDRS);
	int type;

	if (have & ~want) {
		type = lowest_attr(have & ~want);
		return fail(p, type, descs[type].need);
	}
	if (!missing)
		return 0;
	type = lowest_attr(missing);
	if (FLOW_NL_ATTR_BIT(type) & L3_ATTRS)
		return fail(p, type, "missing: the key's ETHERTYPE requires it");
	if (type == OVS_KEY_ATTR_ND)
		return fail(p, type, "missing: ICMPv6 type 135/136 code 0 requires it");
	return fail(p, type, "missing: the key's IP protocol requires it");
}

static int key_fields(struct nl_parse *p, struct flow_key *key)
{
	int err;

	if (!p->a[OVS_KEY_ATTR_ETHERNET]) {
		if (p->seen & ATTR(ETHERTYPE))
			return fail_code(p, OVS_KEY_ATTR_ETHERNET, -EOPNOTSUPP,
					 "layer-3 packets (no ETHERNET) not supported yet");
		return fail(p, OVS_KEY_ATTR_ETHERNET, "missing: a key needs it");
	}
	unpack_all(p, key);
	if (p->a[OVS_KEY_ATTR_MPLS])
		key->mpls.held = flow_mpls_held(
			nlattr_len(p->a[OVS_KEY_ATTR_MPLS]) / MPLS_LSE_LEN);
	err = check_key_values(p, key);
	return err ? err : check_key_prereqs(p, key);
}

static void parse_init(struct nl_parse *p, bool mask, bool ones,
		       struct flow_nl_error *err)
{
	memset(p, 0, sizeof *p);
	p->mask = mask;
	p->ones = ones;
	p->err = err ? err : &p->scratch;
}

int flow_nl_parse_key(const void *attrs, u32 len, struct flow_key *key,
		      u64 *present, struct flow_nl_error *err)
{
	struct nl_parse p;
	int error;

	parse_init(&p, false, false, err);
	memset(key, 0, sizeof *key);
	error = key_level(&p, attrs, len, 0, key);
	if (!error)
		error = key_fields(&p, key);
	if (!error && present)
		*present = p.seen;
	return error;
}

/* A mask level follows the shape of the key's level at the same depth. */
static int mask_level(struct nl_parse *p, const void *data, u32 len,
		      int depth, const struct flow_key *key,
		      struct flow_key *mask)
{
	struct nl_level lv;
	int err = scan_level(p, &lv, data, len, depth);

	if (err)
		return err;
	if (lv.encap && key_tagged(key, depth)) {
		if (!lv.ethertype || get_be16(p, lv.ethertype) != DP_BE16(0xffff))
			return fail(p, OVS_KEY_ATTR_ETHERTYPE,
				    "a VLAN tag's TPID must be matched exactly");
		if (!lv.vlan || !(get_be16(p, lv.vlan) & DP_BE16(VLAN_CFI)))
			return fail(p, OVS_KEY_ATTR_VLAN,
				    "must match VLAN_CFI (tag present) exactly");
		err = check_tag_level(p, &lv);
		if (err)
			return err;
		mask->vlan[depth].tci = get_be16(p, lv.vlan);
		return mask_level(p, nlattr_data(lv.encap), nlattr_len(lv.encap),
				  depth + 1, key, mask);
	}
	if (lv.encap && (!key_truncated(key, depth) || nlattr_len(lv.encap)))
		return fail(p, OVS_KEY_ATTR_ENCAP, "the key has no VLAN tag here");
	if (lv.vlan) {
		if (!key_truncated(key, depth))
			return fail(p, OVS_KEY_ATTR_VLAN, key_tagged(key, depth) ?
				    "a VLAN mask needs its ENCAP" :
				    "the key has no VLAN tag here");
		mask->vlan[depth].tci = get_be16(p, lv.vlan);
	}
	if (lv.ethertype)
		mask->eth_type = DP_BE16(0xffff);       /* upstream: all or nothing */
	return 0;
}

/* The mask may match what the key has, its L3 fields only under an exact
 * ETHERTYPE and its L4 fields only under an exact IP protocol. */
static int check_mask_prereqs(struct nl_parse *p, u64 key_attrs,
			      const struct flow_key *mask)
{
	u64 allowed = (key_attrs & TOP_ATTRS) | ATTR(IN_PORT);
	u64 bad;
	int type;

	if (mask->eth_type == DP_BE16(0xffff))
		allowed |= key_attrs & L3_ATTRS;
	if (mask->ip.proto == 0xff)
		allowed |= key_attrs & L4_ATTRS;
	if (mask->tp.src == DP_BE16(0xff))
		allowed |= key_attrs & ATTR(ND);
	bad = p->present & ~allowed;
	if (!bad)
		return 0;
	type = lowest_attr(bad);
	if (!(key_attrs & FLOW_NL_ATTR_BIT(type)))
		return fail(p, type, "in the mask but not in the key");
	if (FLOW_NL_ATTR_BIT(type) & L3_ATTRS)
		return fail(p, type, "matching it needs an exact ETHERTYPE mask");
	if (type == OVS_KEY_ATTR_ND)
		return fail(p, type, "matching it needs an exact ICMPv6 type mask");
	return fail(p, type, "matching it needs an exact IP protocol mask");
}

static int mask_fields(struct nl_parse *p, const struct flow_key *key,
		       u64 key_attrs, struct flow_key *mask)
{
	const struct nlattr *mpls = p->a[OVS_KEY_ATTR_MPLS];
	int err, depth;

	unpack_all(p, mask);
	if (p->a[OVS_KEY_ATTR_IN_PORT])
		mask->in_port = 0xffffffff;     /* upstream: always exact */
	err = check_mask_prereqs(p, key_attrs, mask);
	if (err)
		return err;
	if (mpls) {
		if (nlattr_len(mpls) >
		    flow_mpls_count(key->mpls.held) * MPLS_LSE_LEN)
			return fail(p, OVS_KEY_ATTR_MPLS,
				    "more label stack entries than the key");
		/* A mask of n entries: n labels or more, as upstream. */
		mask->mpls.held = flow_mpls_held(nlattr_len(mpls) /
						 MPLS_LSE_LEN);
	}
	/* The encoding cannot wildcard a TPID, so the mask never does. */
	for (depth = 0; depth < FLOW_MAX_VLANS; depth++)
		if (key_tagged(key, depth))
			mask->vlan[depth].tpid = DP_BE16(0xffff);
	return 0;
}

int flow_nl_parse_match(const void *key_attrs, u32 key_len,
			const void *mask_attrs, u32 mask_len,
			struct flow_key *key, struct flow_key *mask,
			struct flow_nl_error *err)
{
	struct nl_parse p;
	bool exact = !mask_attrs;
	u64 present;
	int error;

	error = flow_nl_parse_key(key_attrs, key_len, key, &present, err);
	if (error)
		return error;

	/* No mask: the key's own attributes, read as all-ones. */
	parse_init(&p, true, exact, err);
	memset(mask, 0, sizeof *mask);
	mask->vlan[0].tci = mask->vlan[1].tci = DP_BE16(0xffff); /* as upstream */
	error = mask_level(&p, exact ? key_attrs : mask_attrs,
			   exact ? key_len : mask_len, 0, key, mask);
	if (!error)
		error = mask_fields(&p, key, present, mask);
	if (!error && exact)
		mask->eth_type = DP_BE16(0xffff);       /* 802.3 too */
	return error;
}
