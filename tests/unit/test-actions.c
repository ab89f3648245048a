/* Actions: every action on crafted packets, with the bytes on the wire and
 * the checksums (recomputed from scratch) checked, and every way a list is
 * refused at validation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "actions.h"
#include "crc32c.h"
#include "dp-packet.h"
#include "packet-check.h"

/* ---- Building action lists. ---- */

struct acts {
	u32 mem[512];           /* 4-byte aligned, as netlink messages are */
	struct nlbuf b;
};

static void acts_init(struct acts *a)
{
	memset(a->mem, 0, sizeof a->mem);
	nlbuf_init(&a->b, a->mem, sizeof a->mem);
}

#define ACTS(a) ((const struct nlattr *)(a)->mem), (a)->b.size

/* Lengthens (or shortens) the first attribute's nla_len, to break it. */
static void stretch_first(struct acts *a, int delta)
{
	u16 len;

	memcpy(&len, a->mem, sizeof len);
	len = (u16)(len + delta);
	memcpy(a->mem, &len, sizeof len);
}

static void put_output(struct acts *a, u32 port)
{
	nlbuf_put_u32(&a->b, OVS_ACTION_ATTR_OUTPUT, port);
}

static void put_push_vlan(struct acts *a, u16 tpid, u16 tci)
{
	struct ovs_action_push_vlan v = { cpu_to_be16(tpid), cpu_to_be16(tci) };

	nlbuf_put(&a->b, OVS_ACTION_ATTR_PUSH_VLAN, &v, sizeof v);
}

static u32 lse(u32 label, u32 tc, bool bos, u32 ttl)
{
	return label << MPLS_LABEL_SHIFT | tc << MPLS_TC_SHIFT |
	       (u32)bos << MPLS_BOS_SHIFT | ttl;
}

static void put_push_mpls(struct acts *a, u32 entry, u16 type)
{
	struct ovs_action_push_mpls m;

	memset(&m, 0, sizeof m);
	m.mpls_lse = cpu_to_be32(entry);
	m.mpls_ethertype = cpu_to_be16(type);
	nlbuf_put(&a->b, OVS_ACTION_ATTR_PUSH_MPLS, &m, sizeof m);
}

static void put_pop_mpls(struct acts *a, u16 type)
{
	nlbuf_put_u16(&a->b, OVS_ACTION_ATTR_POP_MPLS, cpu_to_be16(type));
}

/* set(key attribute) or, with a mask, set_masked(value, mask). */
static void put_set(struct acts *a, u16 key_type, const void *val,
		    const void *mask, u32 len)
{
	u32 nest = nlbuf_nest_start(&a->b, mask ? OVS_ACTION_ATTR_SET_MASKED
						: OVS_ACTION_ATTR_SET);
	u8 *p = nlbuf_put(&a->b, key_type, NULL, mask ? 2 * len : len);

	memcpy(p, val, len);
	if (mask)
		memcpy(p + len, mask, len);
	nlbuf_nest_end(&a->b, nest);
}

static u32 nest_start(struct acts *a, u16 type)
{
	return nlbuf_nest_start(&a->b, type);
}

static void nest_end(struct acts *a, u32 start)
{
	nlbuf_nest_end(&a->b, start);
}

/* ---- Running them, and what the callbacks saw. ---- */

#define MAX_SEEN 8

struct seen {
	u32 port;
	u32 len;
	u8 data[512];
};

struct capture {
	struct actions_ctx ctx;
	int n_out;
	struct seen out[MAX_SEEN];
	int n_up;
	struct actions_upcall up;
	struct seen up_pkt;
	struct flow_key up_key;
	int n_recirc;
	u32 recirc_id;
	struct flow_key recirc_key;
};

static void keep(struct seen *s, const struct dp_packet *p, u32 port)
{
	s->port = port;
	s->len = dp_packet_size(p);
	assert_true(s->len <= sizeof s->data);
	memcpy(s->data, dp_packet_data(p), s->len);
}

static void cb_output(struct actions_ctx *ctx, struct dp_packet *p, u32 port)
{
	struct capture *c = ctx->aux;

	assert_true(c->n_out < MAX_SEEN);
	keep(&c->out[c->n_out++], p, port);
}

static void cb_userspace(struct actions_ctx *ctx, struct dp_packet *p,
			 const struct flow_key *key,
			 const struct actions_upcall *up)
{
	struct capture *c = ctx->aux;

	c->n_up++;
	c->up = *up;
	c->up_key = *key;
	keep(&c->up_pkt, p, up->pid);
}

static void cb_recirc(struct actions_ctx *ctx, struct dp_packet *p,
		      const struct flow_key *key, u32 id)
{
	struct capture *c = ctx->aux;

	c->n_recirc++;
	c->recirc_id = id;
	c->recirc_key = *key;
}

static void capture_init(struct capture *c)
{
	memset(c, 0, sizeof *c);
	c->ctx.output = cb_output;
	c->ctx.userspace = cb_userspace;
	c->ctx.recirc = cb_recirc;
	c->ctx.aux = c;
	c->ctx.prng = 12345;
}

/* A packet of 'shape', and its key. */
static struct dp_packet *packet(enum pc_shape shape, struct flow_key *key)
{
	struct dp_packet *p;
	struct frame f;

	pc_frame(&f, shape);
	p = dp_packet_clone_data(f.data, f.len);
	p->in_port = 1;
	assert_int_equal(dp_packet_parse(p, key), 0);
	return p;
}

static void assert_valid(const struct acts *a, const struct flow_key *key,
			 const struct flow_key *mask)
{
	struct actions_error e = { 0, 0, NULL };
	int err = actions_validate(ACTS(a), key, mask, &e);

	if (err)
		fail_msg("refused: %s at %u: %s", actions_attr_name(e.attr),
			 e.offset, e.msg);
}

/* One test's packet and key, the list to run on it, what the callbacks
 * saw, and the packet's bytes before. */
struct fixture {
	struct dp_packet *p;
	struct flow_key key;
	struct acts a;
	struct capture c;
	u8 orig[512];
	u32 len;
};

static void fx_init(struct fixture *fx, enum pc_shape shape)
{
	fx->p = packet(shape, &fx->key);
	fx->len = dp_packet_size(fx->p);
	memcpy(fx->orig, dp_packet_data(fx->p), fx->len);
	acts_init(&fx->a);
	capture_init(&fx->c);
}

/* Validates the list for the packet's own exact key, then runs it. */
static int fx_run(struct fixture *fx)
{
	assert_valid(&fx->a, &fx->key, NULL);
	return actions_execute(&fx->c.ctx, fx->p, &fx->key, ACTS(&fx->a));
}

static void assert_sound(const struct dp_packet *p);

/* The packet is still sound; then it goes. */
static void fx_done(struct fixture *fx)
{
	assert_sound(fx->p);
	dp_packet_delete(fx->p);
}

/* The packet parses again, the offsets kept are the parse's, and the
 * checksums hold. */
static void assert_sound(const struct dp_packet *p)
{
	assert_true(pc_sound(dp_packet_data(p), dp_packet_size(p), &p->hdr, true));
}

static u16 be16_at(const u8 *p)
{
	return (u16)(p[0] << 8 | p[1]);
}

static u32 be32_at(const u8 *p)
{
	return (u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/* ---- VLAN ---- */

static void test_push_vlan(void **state)
{
	struct fixture fx;
	const struct seen *out = fx.c.out;

	fx_init(&fx, PC_TCP4);
	/* PCP 5, VID 100; the CFI bit says "present" and is not sent. */
	put_push_vlan(&fx.a, ETH_TYPE_VLAN, 0xa000 | VLAN_CFI | 100);
	put_output(&fx.a, 2);
	assert_int_equal(fx_run(&fx), 0);

	assert_int_equal(fx.c.n_out, 1);
	assert_int_equal(out[0].port, 2);
	assert_int_equal(out[0].len, fx.len + 4);
	assert_memory_equal(out[0].data, fx.orig, 12);
	assert_memory_equal(out[0].data + 12, "\x81\x00\xa0\x64", 4);
	assert_memory_equal(out[0].data + 16, fx.orig + 12, fx.len - 12);
	assert_int_equal(fx.p->hdr.l3, 18);
	fx_done(&fx);
}

/* QinQ: the second push goes outside the first; pops undo them in order. */
static void test_qinq_push_pop(void **state)
{
	struct fixture fx;
	const struct seen *out = fx.c.out;

	fx_init(&fx, PC_UDP4);
	put_push_vlan(&fx.a, ETH_TYPE_VLAN, VLAN_CFI | 10);
	put_output(&fx.a, 1);
	put_push_vlan(&fx.a, ETH_TYPE_VLAN_8021AD, VLAN_CFI | 0x2000 | 20);
	put_output(&fx.a, 2);
	nlbuf_put_flag(&fx.a.b, OVS_ACTION_ATTR_POP_VLAN);
	put_output(&fx.a, 3);
	nlbuf_put_flag(&fx.a.b, OVS_ACTION_ATTR_POP_VLAN);
	put_output(&fx.a, 4);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_out, 4);

	assert_memory_equal(out[0].data + 12, "\x81\x00\x00\x0a\x08\x00", 6);
	assert_int_equal(out[1].len, fx.len + 8);
	assert_memory_equal(out[1].data + 12,
			    "\x88\xa8\x20\x14\x81\x00\x00\x0a\x08\x00", 10);
	assert_memory_equal(out[1].data + 22, fx.orig + 14, fx.len - 14);
	assert_memory_equal(out[2].data + 12, "\x81\x00\x00\x0a\x08\x00", 6);
	assert_int_equal(out[3].len, fx.len);
	assert_memory_equal(out[3].data, fx.orig, fx.len);
	assert_int_equal(fx.p->hdr.l3, 14);
	fx_done(&fx);
}

/* Popping from a QinQ packet takes the outer S-tag; from an untagged one,
 * nothing. */
static void test_pop_vlan(void **state)
{
	struct fixture fx;

	fx_init(&fx, PC_QINQ_UDP4);
	assert_int_equal(be16_to_cpu(fx.key.vlan[0].tpid), ETH_TYPE_VLAN_8021AD);
	nlbuf_put_flag(&fx.a.b, OVS_ACTION_ATTR_POP_VLAN);
	put_output(&fx.a, 1);
	assert_int_equal(fx_run(&fx), 0);
	assert_memory_equal(fx.c.out[0].data + 12, "\x81\x00\x00\x0a\x08\x00", 6);
	assert_int_equal(fx.p->hdr.l3, 18);
	fx_done(&fx);

	fx_init(&fx, PC_TCP4);
	nlbuf_put_flag(&fx.a.b, OVS_ACTION_ATTR_POP_VLAN);
	put_output(&fx.a, 1);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.out[0].len, fx.len);
	assert_memory_equal(fx.c.out[0].data, fx.orig, fx.len);
	fx_done(&fx);
}

/* ---- MPLS ---- */

/* 0 -> 1 -> 2 -> 3 labels and back down to a parseable IPv4 packet. */
static void test_mpls_stack(void **state)
{
	struct fixture fx;
	const struct seen *out = fx.c.out;
	const u8 *o;

	fx_init(&fx, PC_TCP4);
	put_push_mpls(&fx.a, lse(100, 5, false, 63), ETH_TYPE_MPLS);
	put_output(&fx.a, 1);
	put_push_mpls(&fx.a, lse(200, 3, false, 62), ETH_TYPE_MPLS);
	put_output(&fx.a, 2);
	put_push_mpls(&fx.a, lse(300, 1, true, 61), ETH_TYPE_MPLS_MCAST);
	put_output(&fx.a, 3);
	put_pop_mpls(&fx.a, ETH_TYPE_MPLS);
	put_output(&fx.a, 4);
	put_pop_mpls(&fx.a, ETH_TYPE_MPLS);
	put_output(&fx.a, 5);
	put_pop_mpls(&fx.a, ETH_TYPE_IP);
	put_output(&fx.a, 6);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_out, 6);

	/* One label: bottom of stack set by the datapath, TC and TTL as
	 * the action gave them. */
	o = out[0].data;
	assert_int_equal(out[0].len, fx.len + 4);
	assert_int_equal(be16_at(o + 12), ETH_TYPE_MPLS);
	assert_int_equal(be32_at(o + 14), lse(100, 5, true, 63));
	assert_memory_equal(o + 18, fx.orig + 14, fx.len - 14);

	o = out[1].data;
	assert_int_equal(be32_at(o + 14), lse(200, 3, false, 62));
	assert_int_equal(be32_at(o + 18), lse(100, 5, true, 63));

	/* A BOS bit in the action is not trusted on top of a stack. */
	o = out[2].data;
	assert_int_equal(out[2].len, fx.len + 12);
	assert_int_equal(be16_at(o + 12), ETH_TYPE_MPLS_MCAST);
	assert_int_equal(be32_at(o + 14), lse(300, 1, false, 61));
	assert_int_equal(be32_at(o + 18), lse(200, 3, false, 62));
	assert_int_equal(be32_at(o + 22), lse(100, 5, true, 63));
	assert_memory_equal(o + 26, fx.orig + 14, fx.len - 14);

	o = out[3].data;
	assert_int_equal(be16_at(o + 12), ETH_TYPE_MPLS);
	assert_int_equal(be32_at(o + 14), lse(200, 3, false, 62));
	assert_int_equal(out[4].len, fx.len + 4);
	assert_int_equal(be32_at(out[4].data + 14), lse(100, 5, true, 63));

	/* Back to the original bytes, which parse as IPv4/TCP again. */
	assert_int_equal(out[5].len, fx.len);
	assert_memory_equal(out[5].data, fx.orig, fx.len);
	assert_int_equal(fx.p->hdr.l2_5, FLOW_OFS_NONE);
	assert_int_equal(fx.p->hdr.l3, 14);
	assert_int_equal(dp_packet_parse(fx.p, &fx.key), 0);
	assert_int_equal(be16_to_cpu(fx.key.eth_type), ETH_TYPE_IP);
	assert_int_equal(fx.key.ip.proto, IPPROTO_NUM_TCP);
	assert_int_equal(be16_to_cpu(fx.key.tp.dst), 80);
	fx_done(&fx);
}

/* Offsets follow each step: the label at l2_5, L3 after the stack. */
static void test_mpls_offsets(void **state)
{
	struct fixture fx;

	fx_init(&fx, PC_UDP4);
	put_push_mpls(&fx.a, lse(7, 0, true, 64), ETH_TYPE_MPLS);
	put_push_mpls(&fx.a, lse(8, 0, false, 64), ETH_TYPE_MPLS);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.p->hdr.l2_5, 14);
	assert_int_equal(fx.p->hdr.l3, 22);
	assert_int_equal(fx.p->hdr.l4, FLOW_OFS_NONE);
	fx_done(&fx);
}

/* Under a VLAN tag the label goes after the tag, whose inner ethertype
 * becomes MPLS. */
static void test_push_mpls_after_vlan(void **state)
{
	struct fixture fx;
	const u8 *o = fx.c.out[0].data;

	fx_init(&fx, PC_VLAN_TCP4);
	put_push_mpls(&fx.a, lse(55, 2, false, 9), ETH_TYPE_MPLS);
	put_output(&fx.a, 1);
	put_pop_mpls(&fx.a, ETH_TYPE_IP);
	put_output(&fx.a, 2);
	assert_int_equal(fx_run(&fx), 0);
	assert_memory_equal(o + 12, "\x81\x00\x00\x0a\x88\x47", 6);
	assert_int_equal(be32_at(o + 18), lse(55, 2, true, 9));
	assert_int_equal(o[22] >> 4, 4);
	assert_memory_equal(fx.c.out[1].data + 12, "\x81\x00\x00\x0a\x08\x00", 6);
	fx_done(&fx);
}

/* A flow that starts as MPLS: pop one of two labels, rewrite the other. */
static void test_mpls_packet_pop_and_set(void **state)
{
	struct ovs_key_mpls v = { cpu_to_be32(lse(99, 0, false, 7)) };
	struct ovs_key_mpls m = { cpu_to_be32(MPLS_LABEL_MASK | MPLS_TTL_MASK |
					      MPLS_BOS_MASK) };
	struct fixture fx;
	const struct seen *out = fx.c.out;

	fx_init(&fx, PC_MPLS2_UDP4);
	assert_int_equal(fx.key.mpls.held, flow_mpls_held(2));
	put_pop_mpls(&fx.a, ETH_TYPE_MPLS);
	put_output(&fx.a, 1);
	put_set(&fx.a, OVS_KEY_ATTR_MPLS, &v, &m, sizeof v);
	put_output(&fx.a, 2);
	put_pop_mpls(&fx.a, ETH_TYPE_IP);
	put_output(&fx.a, 3);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(be16_at(out[0].data + 12), ETH_TYPE_MPLS);
	assert_int_equal(be32_at(out[0].data + 14), lse(17, 2, true, 41));
	/* Label and TTL changed, TC kept (not in the mask), BOS kept (not
	 * a field even though the mask has it). */
	assert_int_equal(be32_at(out[1].data + 14), lse(99, 2, true, 7));
	assert_int_equal(be16_at(out[2].data + 12), ETH_TYPE_IP);
	assert_true(pc_l4_ok(out[2].data, out[2].len));
	fx_done(&fx);
}

/* ---- set / set_masked ---- */

static void test_set_ethernet(void **state)
{
	struct ovs_key_ethernet v, m;
	struct fixture fx;

	memcpy(v.eth_src, "\x0a\x0b\x0c\x0d\x0e\x0f", 6);
	memcpy(v.eth_dst, "\x00\x00\x00\x00\x00\x77", 6);
	memset(m.eth_src, 0xff, 6);
	memcpy(m.eth_dst, "\x00\x00\x00\x00\x00\xff", 6);
	fx_init(&fx, PC_TCP4);
	put_set(&fx.a, OVS_KEY_ATTR_ETHERNET, &v, &m, sizeof v);
	put_output(&fx.a, 1);
	put_set(&fx.a, OVS_KEY_ATTR_ETHERNET, &v, NULL, sizeof v);
	put_output(&fx.a, 2);
	assert_int_equal(fx_run(&fx), 0);
	assert_memory_equal(fx.c.out[0].data,
			    "\x02\0\0\0\0\x77\x0a\x0b\x0c\x0d\x0e\x0f", 12);
	assert_memory_equal(fx.c.out[1].data,
			    "\0\0\0\0\0\x77\x0a\x0b\x0c\x0d\x0e\x0f", 12);
	fx_done(&fx);
}

/* Runs one set on a packet of 'shape' and checks every checksum from
 * scratch; the packet stays in 'fx' for more checks. */
static void set_and_check(struct fixture *fx, enum pc_shape shape,
			  u16 key_type, const void *val, const void *mask,
			  u32 len)
{
	fx_init(fx, shape);
	put_set(&fx->a, key_type, val, mask, len);
	assert_int_equal(fx_run(fx), 0);
	assert_sound(fx->p);
}

/* The L3 and L4 headers of the fixture's packet. */
static const u8 *l3_of(const struct fixture *fx)
{
	return (const u8 *)dp_packet_data(fx->p) + fx->p->hdr.l3;
}

static const u8 *l4_of(const struct fixture *fx)
{
	return (const u8 *)dp_packet_data(fx->p) + fx->p->hdr.l4;
}

static void ipv4_key(struct ovs_key_ipv4 *v, struct ovs_key_ipv4 *m,
		     u32 src, u32 dst)
{
	memset(v, 0, sizeof *v);
	memset(m, 0, sizeof *m);
	v->ipv4_src = cpu_to_be32(src);
	v->ipv4_dst = cpu_to_be32(dst);
	m->ipv4_src = m->ipv4_dst = 0xffffffff;
}

static void test_set_ipv4_addrs(void **state)
{
	static const enum pc_shape shapes[] = { PC_TCP4, PC_UDP4, PC_ICMP4,
						PC_VLAN_TCP4, PC_QINQ_UDP4 };
	struct ovs_key_ipv4 v, m;
	struct fixture fx;
	size_t i;

	ipv4_key(&v, &m, 0xc0a80101, 0x08080808);
	for (i = 0; i < ARRAY_SIZE(shapes); i++) {
		set_and_check(&fx, shapes[i], OVS_KEY_ATTR_IPV4, &v, &m, sizeof v);
		assert_int_equal(be32_at(l3_of(&fx) + 12), 0xc0a80101);
		assert_int_equal(be32_at(l3_of(&fx) + 16), 0x08080808);
		fx_done(&fx);
	}
}

/* A plain set must repeat the flow's protocol and fragment type. */
static void test_set_ipv4_plain(void **state)
{
	struct ovs_key_ipv4 v, m;
	struct fixture fx;

	ipv4_key(&v, &m, 0x01020304, 0x05060708);
	v.ipv4_proto = IPPROTO_NUM_TCP;
	v.ipv4_tos = 0x11;
	v.ipv4_ttl = 3;
	set_and_check(&fx, PC_TCP4, OVS_KEY_ATTR_IPV4, &v, NULL, sizeof v);
	assert_int_equal(l3_of(&fx)[1], 0x11);
	assert_int_equal(l3_of(&fx)[8], 3);
	assert_int_equal(l3_of(&fx)[9], IPPROTO_NUM_TCP);
	fx_done(&fx);
}

static void test_set_ipv4_tos_ttl_masked(void **state)
{
	struct ovs_key_ipv4 v, m;
	struct fixture fx;

	memset(&v, 0, sizeof v);
	memset(&m, 0, sizeof m);
	v.ipv4_tos = 0x02;      /* ECN only: DSCP 0xb8 stays */
	m.ipv4_tos = IP_ECN_MASK;
	v.ipv4_ttl = 0x80;
	m.ipv4_ttl = 0x80;      /* one bit of TTL 64 (0x40) */
	set_and_check(&fx, PC_UDP4, OVS_KEY_ATTR_IPV4, &v, &m, sizeof v);
	assert_int_equal(l3_of(&fx)[1], 0xba);
	assert_int_equal(l3_of(&fx)[8], 0xc0);
	assert_int_equal(be32_at(l3_of(&fx) + 12), PC_IP4_A);
	fx_done(&fx);
}

/* A UDP checksum of zero means "none" and stays zero. */
static void test_set_udp_zero_checksum(void **state)
{
	struct ovs_key_udp v = { cpu_to_be16(1), cpu_to_be16(2) };
	struct ovs_key_ipv4 v4, m4;
	struct fixture fx;
	u8 *udp;

	fx_init(&fx, PC_UDP4);
	udp = (u8 *)dp_packet_data(fx.p) + fx.p->hdr.l4;
	udp[6] = udp[7] = 0;
	ipv4_key(&v4, &m4, 0x7f000001, 0x7f000002);
	put_set(&fx.a, OVS_KEY_ATTR_IPV4, &v4, &m4, sizeof v4);
	put_set(&fx.a, OVS_KEY_ATTR_UDP, &v, NULL, sizeof v);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(be16_at(l4_of(&fx)), 1);
	assert_int_equal(be16_at(l4_of(&fx) + 6), 0);
	fx_done(&fx);
}

static void test_set_tcp_udp_ports(void **state)
{
	struct ovs_key_tcp t = { cpu_to_be16(0x1200), cpu_to_be16(443) };
	struct ovs_key_tcp tm = { cpu_to_be16(0xff00), cpu_to_be16(0xffff) };
	struct ovs_key_udp u = { cpu_to_be16(9), cpu_to_be16(10) };
	struct fixture fx;

	/* 1234 = 0x04d2: the high byte changes, the low stays. */
	set_and_check(&fx, PC_TCP4, OVS_KEY_ATTR_TCP, &t, &tm, sizeof t);
	assert_int_equal(be16_at(l4_of(&fx)), 0x12d2);
	assert_int_equal(be16_at(l4_of(&fx) + 2), 443);
	fx_done(&fx);

	set_and_check(&fx, PC_TCP6, OVS_KEY_ATTR_TCP, &t, NULL, sizeof t);
	assert_int_equal(be16_at(l4_of(&fx)), 0x1200);
	fx_done(&fx);

	set_and_check(&fx, PC_UDP4, OVS_KEY_ATTR_UDP, &u, NULL, sizeof u);
	assert_int_equal(be16_at(l4_of(&fx)), 9);
	assert_int_equal(be16_at(l4_of(&fx) + 2), 10);
	assert_int_not_equal(be16_at(l4_of(&fx) + 6), 0);
	fx_done(&fx);

	set_and_check(&fx, PC_UDP6, OVS_KEY_ATTR_UDP, &u, NULL, sizeof u);
	fx_done(&fx);
}

static void ipv6_key(struct ovs_key_ipv6 *v, struct ovs_key_ipv6 *m)
{
	static const u8 src[16] = { 0xfd, 0, [14] = 0xab, [15] = 0xcd };
	static const u8 dst[16] = { 0xfe, 0x80, [8] = 0x12, [15] = 0x34 };

	memset(v, 0, sizeof *v);
	memset(m, 0, sizeof *m);
	memcpy(v->ipv6_src, src, 16);
	memcpy(v->ipv6_dst, dst, 16);
	memset(m->ipv6_src, 0xff, 16);
	memset(m->ipv6_dst, 0xff, 16);
}

/* Both addresses, under TCP, UDP and ICMPv6, whose checksums all cover
 * them through the pseudo-header. */
static void test_set_ipv6_addrs(void **state)
{
	static const enum pc_shape shapes[] = { PC_TCP6, PC_UDP6, PC_ICMP6 };
	struct ovs_key_ipv6 v, m;
	struct fixture fx;
	size_t i;

	ipv6_key(&v, &m);
	for (i = 0; i < ARRAY_SIZE(shapes); i++) {
		set_and_check(&fx, shapes[i], OVS_KEY_ATTR_IPV6, &v, &m, sizeof v);
		assert_memory_equal(l3_of(&fx) + 8, v.ipv6_src, 16);
		assert_memory_equal(l3_of(&fx) + 24, v.ipv6_dst, 16);
		fx_done(&fx);
	}
}

static void test_set_ipv6_tclass_label_hlimit(void **state)
{
	struct ovs_key_ipv6 v, m;
	struct fixture fx;

	memset(&v, 0, sizeof v);
	memset(&m, 0, sizeof m);
	v.ipv6_tclass = 0x03;
	m.ipv6_tclass = 0x0f;
	v.ipv6_label = cpu_to_be32(0xabcde);
	m.ipv6_label = cpu_to_be32(0xfffff);
	v.ipv6_hlimit = 7;
	m.ipv6_hlimit = 0xff;
	set_and_check(&fx, PC_UDP6, OVS_KEY_ATTR_IPV6, &v, &m, sizeof v);
	/* Version 6, tclass 0x28 -> 0x23, label 0xabcde. */
	assert_int_equal(be32_at(l3_of(&fx)), 0x623abcde);
	assert_int_equal(l3_of(&fx)[7], 7);
	assert_memory_equal(l3_of(&fx) + 8, pc_ip6_a, 16);
	fx_done(&fx);
}

/* With a routing header the L4 checksum covers the final destination, so a
 * rewrite of this one leaves it alone. */
static void test_set_ipv6_dst_routing_header(void **state)
{
	struct ovs_key_ipv6 v, m;
	struct fixture fx;
	struct frame f;
	u16 before;

	frame_init(&f);
	frame_eth(&f, PC_MAC_B, PC_MAC_A, ETH_TYPE_IPV6);
	frame_ipv6(&f, pc_ip6_a, pc_ip6_b, IPPROTO_NUM_ROUTING, 64, 0, 0);
	frame_ipv6_ext(&f, IPPROTO_NUM_UDP, 0);
	pc_l4(&f, IPPROTO_NUM_UDP);
	frame_finish(&f);
	pc_fill(f.data, f.len);
	fx_init(&fx, PC_UDP6);
	dp_packet_delete(fx.p);
	fx.p = dp_packet_clone_data(f.data, f.len);
	assert_int_equal(dp_packet_parse(fx.p, &fx.key), 0);
	before = be16_at(l4_of(&fx) + 6);

	ipv6_key(&v, &m);
	memset(v.ipv6_src, 0, 16);
	memset(m.ipv6_src, 0, 16);
	put_set(&fx.a, OVS_KEY_ATTR_IPV6, &v, &m, sizeof v);
	assert_int_equal(fx_run(&fx), 0);
	assert_memory_equal(l3_of(&fx) + 24, v.ipv6_dst, 16);
	assert_int_equal(be16_at(l4_of(&fx) + 6), before);
	dp_packet_delete(fx.p);
}

static void test_crc32c_vectors(void **state)
{
	u8 zeros[32], ones[32];
	u32 reg;

	memset(zeros, 0, sizeof zeros);
	memset(ones, 0xff, sizeof ones);
	/* The check value of CRC-32C, and RFC 3720 section B.4's. */
	assert_int_equal(~dp_crc32c_update(DP_CRC32C_INIT, "123456789", 9),
			 0xe3069283);
	assert_int_equal(~dp_crc32c_update(DP_CRC32C_INIT, zeros, 32), 0x8a9136aa);
	assert_int_equal(~dp_crc32c_update(DP_CRC32C_INIT, ones, 32), 0x62a8ab43);
	/* In pieces as in one go. */
	reg = dp_crc32c_update(DP_CRC32C_INIT, "1234", 4);
	assert_int_equal(~dp_crc32c_update(reg, "56789", 5), 0xe3069283);
}

static void test_set_sctp(void **state)
{
	struct ovs_key_sctp v = { cpu_to_be16(2905), cpu_to_be16(0x0100) };
	struct ovs_key_sctp m = { cpu_to_be16(0xffff), cpu_to_be16(0xff00) };
	struct fixture fx;
	u8 *crc;

	set_and_check(&fx, PC_SCTP4, OVS_KEY_ATTR_SCTP, &v, &m, sizeof v);
	assert_int_equal(be16_at(l4_of(&fx)), 2905);
	assert_int_equal(be16_at(l4_of(&fx) + 2), 0x011c); /* was 0x0f1c */
	fx_done(&fx);

	/* A bad CRC stays bad by the same amount. */
	fx_init(&fx, PC_SCTP4);
	crc = (u8 *)dp_packet_data(fx.p) + fx.p->hdr.l4 + 8;
	*crc ^= 0x5a;
	put_set(&fx.a, OVS_KEY_ATTR_SCTP, &v, NULL, sizeof v);
	assert_int_equal(fx_run(&fx), 0);
	assert_false(pc_l4_ok(dp_packet_data(fx.p), dp_packet_size(fx.p)));
	crc = (u8 *)dp_packet_data(fx.p) + fx.p->hdr.l4 + 8;
	*crc ^= 0x5a;
	fx_done(&fx);
}

static void test_set_metadata(void **state)
{
	u32 prio = 0x12345678, mark = 0xab, mark_mask = 0xff;
	struct fixture fx;

	fx_init(&fx, PC_TCP4);
	fx.p->skb_mark = 0x1100;
	put_set(&fx.a, OVS_KEY_ATTR_PRIORITY, &prio, NULL, 4);
	put_set(&fx.a, OVS_KEY_ATTR_SKB_MARK, &mark, &mark_mask, 4);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.p->priority, 0x12345678);
	assert_int_equal(fx.p->skb_mark, 0x11ab);
	assert_int_equal(fx.key.priority, 0x12345678);
	assert_int_equal(fx.key.skb_mark, 0x11ab);
	fx_done(&fx);
}

/* A packet without the header a set rewrites is dropped. */
static void test_set_on_truncated_packet(void **state)
{
	struct ovs_key_tcp t = { cpu_to_be16(1), cpu_to_be16(2) };
	struct fixture fx;

	fx_init(&fx, PC_TCP4);
	put_set(&fx.a, OVS_KEY_ATTR_TCP, &t, NULL, sizeof t);
	put_output(&fx.a, 1);
	assert_valid(&fx.a, &fx.key, NULL);
	dp_packet_trim(fx.p, fx.p->hdr.l4 + 10);
	assert_int_equal(actions_execute(&fx.c.ctx, fx.p, &fx.key, ACTS(&fx.a)),
			 -EINVAL);
	assert_int_equal(fx.c.n_out, 0);
	dp_packet_delete(fx.p);
}

/* ---- hash, recirc, userspace ---- */

/* The dp_hash an L4 hash gives a packet of 'shape'; with 'swap', after its
 * addresses and ports are swapped by the same list. */
static u32 hash_of(enum pc_shape shape, u32 alg, u32 basis, bool swap)
{
	struct ovs_action_hash h = { alg, basis };
	struct fixture fx;
	u32 hash;

	fx_init(&fx, shape);
	if (swap) {
		struct ovs_key_ipv4 v, m;
		struct ovs_key_udp u = { cpu_to_be16(53), cpu_to_be16(5000) };

		ipv4_key(&v, &m, PC_IP4_B, PC_IP4_A);
		put_set(&fx.a, OVS_KEY_ATTR_IPV4, &v, &m, sizeof v);
		put_set(&fx.a, OVS_KEY_ATTR_UDP, &u, NULL, sizeof u);
	}
	nlbuf_put(&fx.a.b, OVS_ACTION_ATTR_HASH, &h, sizeof h);
	assert_int_equal(fx_run(&fx), 0);
	hash = fx.p->dp_hash;
	assert_int_not_equal(hash, 0);
	assert_int_equal(fx.key.dp_hash, hash);
	fx_done(&fx);
	return hash;
}

static void test_hash(void **state)
{
	u32 l4 = hash_of(PC_UDP4, OVS_HASH_ALG_L4, 0, false);

	assert_int_equal(hash_of(PC_UDP4, OVS_HASH_ALG_L4, 0, false), l4);
	assert_int_not_equal(hash_of(PC_UDP4, OVS_HASH_ALG_L4, 1, false), l4);
	/* The L4 hash sees the rewritten addresses and ports: the key is
	 * brought up to date first. */
	assert_int_not_equal(hash_of(PC_UDP4, OVS_HASH_ALG_L4, 0, true), l4);
	assert_int_equal(hash_of(PC_UDP4, ACTIONS_HASH_ALG_SYM_L4, 0, true),
			 hash_of(PC_UDP4, ACTIONS_HASH_ALG_SYM_L4, 0, false));
	assert_int_not_equal(hash_of(PC_TCP6, OVS_HASH_ALG_L4, 0, false),
			     hash_of(PC_UDP6, OVS_HASH_ALG_L4, 0, false));
	hash_of(PC_ARP, ACTIONS_HASH_ALG_SYM_L4, 7, false);
}

/* recirc hands over the packet with its current key. */
static void test_recirc(void **state)
{
	struct fixture fx;

	fx_init(&fx, PC_TCP4);
	put_push_vlan(&fx.a, ETH_TYPE_VLAN, VLAN_CFI | 33);
	nlbuf_put_u32(&fx.a.b, OVS_ACTION_ATTR_RECIRC, 77);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_recirc, 1);
	assert_int_equal(fx.c.recirc_id, 77);
	assert_int_equal(be16_to_cpu(fx.c.recirc_key.vlan[0].tci), VLAN_CFI | 33);
	assert_int_equal(fx.c.recirc_key.in_port, 1);
	fx_done(&fx);
}

static void test_userspace(void **state)
{
	struct fixture fx;
	const struct actions_upcall *up = &fx.c.up;
	u32 nest;

	fx_init(&fx, PC_UDP4);
	put_output(&fx.a, 3);
	nest = nest_start(&fx.a, OVS_ACTION_ATTR_USERSPACE);
	nlbuf_put_u32(&fx.a.b, OVS_USERSPACE_ATTR_PID, 4242);
	nlbuf_put(&fx.a.b, OVS_USERSPACE_ATTR_USERDATA, "cookie!", 7);
	nlbuf_put_u32(&fx.a.b, OVS_USERSPACE_ATTR_EGRESS_TUN_PORT, 9);
	nlbuf_put_flag(&fx.a.b, OVS_USERSPACE_ATTR_ACTIONS);
	nest_end(&fx.a, nest);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_up, 1);
	assert_int_equal(up->pid, 4242);
	assert_int_equal(up->userdata_len, 7);
	assert_memory_equal(up->userdata, "cookie!", 7);
	assert_true(up->has_egress_tun_port);
	assert_int_equal(up->egress_tun_port, 9);
	assert_ptr_equal(up->actions, (const void *)fx.a.mem);
	assert_int_equal(up->actions_len, fx.a.b.size);
	assert_int_equal(fx.c.up_key.tp.dst, cpu_to_be16(53));
	assert_int_equal(fx.c.up_pkt.len, fx.len);

	/* Without the optional attributes, and PID 0 (the userspace home
	 * has no netlink PIDs). */
	acts_init(&fx.a);
	nest = nest_start(&fx.a, OVS_ACTION_ATTR_USERSPACE);
	nlbuf_put_u32(&fx.a.b, OVS_USERSPACE_ATTR_PID, 0);
	nest_end(&fx.a, nest);
	capture_init(&fx.c);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_up, 1);
	assert_null(up->userdata);
	assert_null(up->actions);
	assert_false(up->has_egress_tun_port);
	fx_done(&fx);
}

/* ---- trunc, clone, sample, check_pkt_len, drop ---- */

static void test_trunc(void **state)
{
	struct ovs_action_trunc t = { 40 };
	struct fixture fx;
	const struct seen *out = fx.c.out;
	u32 nest;

	fx_init(&fx, PC_TCP4);
	nlbuf_put(&fx.a.b, OVS_ACTION_ATTR_TRUNC, &t, sizeof t);
	put_output(&fx.a, 1);
	put_output(&fx.a, 2);
	nlbuf_put(&fx.a.b, OVS_ACTION_ATTR_TRUNC, &t, sizeof t);
	nest = nest_start(&fx.a, OVS_ACTION_ATTR_USERSPACE);
	nlbuf_put_u32(&fx.a.b, OVS_USERSPACE_ATTR_PID, 1);
	nest_end(&fx.a, nest);
	t.max_len = 1000;       /* longer than the packet: no effect */
	nlbuf_put(&fx.a.b, OVS_ACTION_ATTR_TRUNC, &t, sizeof t);
	put_output(&fx.a, 3);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(out[0].len, 40);
	assert_memory_equal(out[0].data, fx.orig, 40);
	assert_int_equal(out[1].len, fx.len);
	assert_int_equal(fx.c.up_pkt.len, 40);
	assert_int_equal(out[2].len, fx.len);
	assert_int_equal(dp_packet_size(fx.p), fx.len);
	fx_done(&fx);
}

/* clone: changes stay in the copy unless the clone comes last. */
static void test_clone(void **state)
{
	struct fixture fx;
	const struct seen *out = fx.c.out;
	u32 nest;

	fx_init(&fx, PC_TCP4);
	nest = nest_start(&fx.a, OVS_ACTION_ATTR_CLONE);
	put_push_vlan(&fx.a, ETH_TYPE_VLAN, VLAN_CFI | 5);
	put_output(&fx.a, 1);
	nest_end(&fx.a, nest);
	put_output(&fx.a, 2);
	nest = nest_start(&fx.a, OVS_ACTION_ATTR_CLONE);
	put_push_vlan(&fx.a, ETH_TYPE_VLAN, VLAN_CFI | 6);
	put_output(&fx.a, 3);
	nest_end(&fx.a, nest);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_out, 3);
	assert_int_equal(out[0].len, fx.len + 4);
	assert_int_equal(out[1].len, fx.len);
	assert_int_equal(out[2].len, fx.len + 4);
	assert_int_equal(out[2].data[15], 6);
	/* The last clone ran on the packet itself. */
	assert_int_equal(dp_packet_size(fx.p), fx.len + 4);
	fx_done(&fx);
}

static void put_sample(struct acts *a, u32 prob, u32 port)
{
	u32 nest = nest_start(a, OVS_ACTION_ATTR_SAMPLE);
	u32 inner;

	nlbuf_put_u32(&a->b, OVS_SAMPLE_ATTR_PROBABILITY, prob);
	inner = nest_start(a, OVS_SAMPLE_ATTR_ACTIONS);
	put_push_vlan(a, ETH_TYPE_VLAN, VLAN_CFI | 1);
	put_output(a, port);
	nest_end(a, inner);
	nest_end(a, nest);
}

static void test_sample(void **state)
{
	struct fixture fx;
	const struct seen *out = fx.c.out;
	int i, n = 0;

	fx_init(&fx, PC_UDP4);
	put_sample(&fx.a, 0, 1);
	put_sample(&fx.a, 0xffffffff, 2);
	put_output(&fx.a, 3);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_out, 2);
	assert_int_equal(out[0].port, 2);
	assert_int_equal(out[0].len, fx.len + 4);
	assert_int_equal(out[1].port, 3);
	assert_int_equal(out[1].len, fx.len);

	/* One in four, roughly. */
	acts_init(&fx.a);
	put_sample(&fx.a, 0x40000000, 1);
	put_output(&fx.a, 3);
	for (i = 0; i < 4000; i++) {
		fx.c.n_out = 0;
		assert_int_equal(fx_run(&fx), 0);
		n += fx.c.n_out - 1;
	}
	assert_in_range(n, 800, 1200);
	assert_int_equal(dp_packet_size(fx.p), fx.len);
	fx_done(&fx);
}

static void put_check_pkt_len(struct acts *a, u16 limit)
{
	u32 nest = nest_start(a, OVS_ACTION_ATTR_CHECK_PKT_LEN);
	u32 inner;

	nlbuf_put_u16(&a->b, OVS_CHECK_PKT_LEN_ATTR_PKT_LEN, limit);
	inner = nest_start(a, OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER);
	put_output(a, 100);
	nest_end(a, inner);
	inner = nest_start(a, OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL);
	put_push_vlan(a, ETH_TYPE_VLAN, VLAN_CFI | 2);
	put_output(a, 200);
	nest_end(a, inner);
	nest_end(a, nest);
}

static void test_check_pkt_len(void **state)
{
	struct fixture fx;
	const struct seen *out = fx.c.out;

	fx_init(&fx, PC_UDP4);
	put_check_pkt_len(&fx.a, (u16)fx.len);         /* equal: less-equal */
	put_check_pkt_len(&fx.a, (u16)(fx.len - 1));   /* greater */
	put_output(&fx.a, 1);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_out, 3);
	assert_int_equal(out[0].port, 200);
	assert_int_equal(out[0].len, fx.len + 4);
	assert_int_equal(out[1].port, 100);
	assert_int_equal(out[2].port, 1);
	assert_int_equal(out[2].len, fx.len);
	fx_done(&fx);
}

static void test_drop(void **state)
{
	struct fixture fx;
	u32 nest;

	fx_init(&fx, PC_UDP4);
	put_output(&fx.a, 1);
	nest = nest_start(&fx.a, OVS_ACTION_ATTR_CLONE);
	nlbuf_put_u32(&fx.a.b, ACTIONS_ATTR_DROP, 0);
	nest_end(&fx.a, nest);
	put_output(&fx.a, 2);
	nlbuf_put_u32(&fx.a.b, ACTIONS_ATTR_DROP, 3);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_out, 2);
	assert_int_equal(fx.c.out[1].port, 2);
	fx_done(&fx);
}

/* Opens 'n' clones, each after an output to its depth. */
static void put_nested_clones(struct acts *a, u32 *nests, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		nests[i] = nest_start(a, OVS_ACTION_ATTR_CLONE);
		put_output(a, (u32)i);
	}
	for (i = n - 1; i >= 0; i--)
		nest_end(a, nests[i]);
}

/* Nested lists up to the depth cap run. */
static void test_deep_nesting(void **state)
{
	u32 nests[ACTIONS_MAX_DEPTH];
	struct fixture fx;

	fx_init(&fx, PC_UDP4);
	put_nested_clones(&fx.a, nests, ACTIONS_MAX_DEPTH);
	put_output(&fx.a, 9);
	assert_int_equal(fx_run(&fx), 0);
	assert_int_equal(fx.c.n_out, ACTIONS_MAX_DEPTH + 1);
	fx_done(&fx);
}

/* ---- Validation: every way a list is refused. ---- */

struct refusal {
	int code;
	int attr;
	u32 offset;
};

static struct refusal refuse(const struct acts *a, const struct flow_key *key,
			     const struct flow_key *mask)
{
	struct actions_error e = { -1, 0xffffffff, NULL };
	struct refusal r;

	r.code = actions_validate(ACTS(a), key, mask, &e);
	assert_int_not_equal(r.code, 0);
	assert_non_null(e.msg);
	assert_true(e.offset < a->b.size);
	r.attr = e.attr;
	r.offset = e.offset;
	/* Without an error report the answer is the same. */
	assert_int_equal(actions_validate(ACTS(a), key, mask, NULL), r.code);
	return r;
}

/* The list 'a' is refused with 'code', naming 'attr' at 'offset'. */
static void assert_refused(const struct acts *a, const struct flow_key *key,
			   const struct flow_key *mask, int code, int attr,
			   u32 offset)
{
	struct refusal r = refuse(a, key, mask);

	assert_int_equal(r.code, code);
	assert_int_equal(r.attr, attr);
	assert_int_equal(r.offset, offset);
}

static struct flow_key key_of(enum pc_shape shape)
{
	struct flow_key key;
	struct dp_packet *p = packet(shape, &key);

	dp_packet_delete(p);
	return key;
}

static void test_refuse_framing(void **state)
{
	struct flow_key key = key_of(PC_TCP4);
	struct acts a;

	/* Unknown types, including 0. */
	acts_init(&a);
	put_output(&a, 1);
	nlbuf_put_u32(&a.b, 40, 1);
	assert_refused(&a, &key, NULL, -EINVAL, 40, 8);
	acts_init(&a);
	nlbuf_put_u32(&a.b, OVS_ACTION_ATTR_UNSPEC, 1);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_UNSPEC, 0);

	/* Wrong lengths. */
	acts_init(&a);
	nlbuf_put_u16(&a.b, OVS_ACTION_ATTR_OUTPUT, 1);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_OUTPUT, 0);
	acts_init(&a);
	nlbuf_put_u32(&a.b, OVS_ACTION_ATTR_POP_VLAN, 0);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_POP_VLAN, 0);
	acts_init(&a);
	nlbuf_put_u32(&a.b, OVS_ACTION_ATTR_HASH, 0);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_HASH, 0);

	/* Trailing bytes, and an attribute longer than the list. */
	acts_init(&a);
	put_output(&a, 1);
	a.b.size += 2;
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_UNSPEC, 8);
	acts_init(&a);
	put_output(&a, 1);
	stretch_first(&a, 4);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_UNSPEC, 0);
}

static void test_refuse_unsupported(void **state)
{
	static const u16 types[] = {
		OVS_ACTION_ATTR_CT,
		OVS_ACTION_ATTR_CT_CLEAR, OVS_ACTION_ATTR_PUSH_ETH,
		OVS_ACTION_ATTR_POP_ETH, OVS_ACTION_ATTR_PUSH_NSH,
		OVS_ACTION_ATTR_POP_NSH, OVS_ACTION_ATTR_ADD_MPLS,
		OVS_ACTION_ATTR_DEC_TTL, ACTIONS_ATTR_PSAMPLE,
	};
	struct flow_key key = key_of(PC_TCP4);
	struct actions_error e;
	struct acts a;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		acts_init(&a);
		put_output(&a, 1);
		nlbuf_put_u32(&a.b, types[i], 1);
		memset(&e, 0, sizeof e);
		assert_int_equal(actions_validate(ACTS(&a), &key, NULL, &e),
				 -EOPNOTSUPP);
		assert_int_equal(e.attr, types[i]);
		assert_int_equal(e.offset, 8);
		assert_string_equal(e.msg, "not supported by this datapath");
	}
	assert_string_equal(actions_attr_name(OVS_ACTION_ATTR_CT), "ct");
	assert_string_equal(actions_attr_name(OVS_ACTION_ATTR_METER), "meter");
	assert_string_equal(actions_attr_name(99), "?");
}

static void test_refuse_simple_args(void **state)
{
	struct flow_key key = key_of(PC_TCP4);
	struct ovs_action_hash h = { 7, 0 };
	struct ovs_action_trunc t = { ETH_HEADER_LEN - 1 };
	struct acts a;

	acts_init(&a);
	put_output(&a, ACTIONS_MAX_PORTS);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_OUTPUT, 0);
	acts_init(&a);
	nlbuf_put(&a.b, OVS_ACTION_ATTR_HASH, &h, sizeof h);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_HASH, 0);
	acts_init(&a);
	nlbuf_put(&a.b, OVS_ACTION_ATTR_TRUNC, &t, sizeof t);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_TRUNC, 0);
	acts_init(&a);
	nlbuf_put_u32(&a.b, ACTIONS_ATTR_DROP, 0);
	put_output(&a, 1);
	assert_refused(&a, &key, NULL, -EINVAL, ACTIONS_ATTR_DROP, 0);
}

static void test_refuse_userspace(void **state)
{
	struct flow_key key = key_of(PC_TCP4);
	struct acts a;
	u32 nest;
	int i;

	for (i = 0; i < 5; i++) {
		acts_init(&a);
		nest = nest_start(&a, OVS_ACTION_ATTR_USERSPACE);
		if (i != 0)     /* 0: no PID */
			nlbuf_put_u32(&a.b, OVS_USERSPACE_ATTR_PID, 1);
		if (i == 1)     /* duplicate */
			nlbuf_put_u32(&a.b, OVS_USERSPACE_ATTR_PID, 2);
		if (i == 2)     /* unknown */
			nlbuf_put_u32(&a.b, OVS_USERSPACE_ATTR_MAX + 1, 2);
		if (i == 3)     /* wrong length */
			nlbuf_put_u16(&a.b, OVS_USERSPACE_ATTR_EGRESS_TUN_PORT, 2);
		nest_end(&a, nest);
		if (i == 4) {   /* truncated nested attribute */
			stretch_first(&a, 2);
			a.b.size += 4;
		}
		assert_refused(&a, &key, NULL, -EINVAL,
			       OVS_ACTION_ATTR_USERSPACE, 0);
	}
}

static void test_refuse_vlan(void **state)
{
	struct flow_key key = key_of(PC_TCP4);
	struct flow_key qinq = key_of(PC_QINQ_UDP4);
	struct acts a;

	acts_init(&a);
	put_push_vlan(&a, 0x9100, VLAN_CFI | 1);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_PUSH_VLAN, 0);
	acts_init(&a);
	put_push_vlan(&a, ETH_TYPE_VLAN, 1);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_PUSH_VLAN, 0);
	/* A third tag, pushed or on top of a QinQ flow. */
	acts_init(&a);
	put_push_vlan(&a, ETH_TYPE_VLAN, VLAN_CFI | 1);
	put_push_vlan(&a, ETH_TYPE_VLAN, VLAN_CFI | 1);
	put_push_vlan(&a, ETH_TYPE_VLAN, VLAN_CFI | 1);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_PUSH_VLAN, 16);
	acts_init(&a);
	put_push_vlan(&a, ETH_TYPE_VLAN, VLAN_CFI | 1);
	assert_refused(&a, &qinq, NULL, -EINVAL, OVS_ACTION_ATTR_PUSH_VLAN, 0);
	/* ...but after a pop there is room again. */
	acts_init(&a);
	nlbuf_put_flag(&a.b, OVS_ACTION_ATTR_POP_VLAN);
	put_push_vlan(&a, ETH_TYPE_VLAN, VLAN_CFI | 1);
	assert_valid(&a, &qinq, NULL);
}

static void test_refuse_mpls(void **state)
{
	struct flow_key ip = key_of(PC_TCP4);
	struct flow_key mpls = key_of(PC_MPLS2_UDP4);
	struct flow_key lldp = ip;
	struct acts a;
	int i;

	lldp.eth_type = cpu_to_be16(0x88cc);
	acts_init(&a);
	put_push_mpls(&a, lse(1, 0, true, 1), ETH_TYPE_IP);
	assert_refused(&a, &ip, NULL, -EINVAL, OVS_ACTION_ATTR_PUSH_MPLS, 0);
	acts_init(&a);
	put_push_mpls(&a, lse(1, 0, true, 1), ETH_TYPE_MPLS);
	assert_refused(&a, &lldp, NULL, -EINVAL, OVS_ACTION_ATTR_PUSH_MPLS, 0);
	/* A fourth label: pushed, or on top of a flow that has two. */
	acts_init(&a);
	for (i = 0; i < 4; i++)
		put_push_mpls(&a, lse(1, 0, true, 1), ETH_TYPE_MPLS);
	assert_refused(&a, &ip, NULL, -EINVAL, OVS_ACTION_ATTR_PUSH_MPLS, 36);
	acts_init(&a);
	put_push_mpls(&a, lse(1, 0, false, 1), ETH_TYPE_MPLS);
	assert_valid(&a, &mpls, NULL);
	put_push_mpls(&a, lse(1, 0, false, 1), ETH_TYPE_MPLS);
	assert_refused(&a, &mpls, NULL, -EINVAL, OVS_ACTION_ATTR_PUSH_MPLS, 12);

	/* pop_mpls on a flow that is not MPLS. */
	acts_init(&a);
	put_pop_mpls(&a, ETH_TYPE_IP);
	assert_refused(&a, &ip, NULL, -EINVAL, OVS_ACTION_ATTR_POP_MPLS, 0);
	/* Not an ethertype. */
	acts_init(&a);
	put_pop_mpls(&a, 0x0005);
	assert_refused(&a, &mpls, NULL, -EINVAL, OVS_ACTION_ATTR_POP_MPLS, 0);
	/* IPv4 while a second label is still there. */
	acts_init(&a);
	put_pop_mpls(&a, ETH_TYPE_IP);
	assert_refused(&a, &mpls, NULL, -EINVAL, OVS_ACTION_ATTR_POP_MPLS, 0);
	/* A VLAN TPID is no ethertype to pop to. */
	acts_init(&a);
	put_pop_mpls(&a, ETH_TYPE_VLAN);
	put_output(&a, 1);
	mpls.mpls.held = flow_mpls_held(1);
	assert_refused(&a, &mpls, NULL, -EINVAL, OVS_ACTION_ATTR_POP_MPLS, 0);
	mpls.mpls.held = flow_mpls_held(2);
	/* MPLS again after the bottom label, pushed or in the flow. */
	acts_init(&a);
	put_pop_mpls(&a, ETH_TYPE_MPLS);
	put_pop_mpls(&a, ETH_TYPE_MPLS);
	assert_refused(&a, &mpls, NULL, -EINVAL, OVS_ACTION_ATTR_POP_MPLS, 8);
	acts_init(&a);
	put_push_mpls(&a, lse(1, 0, true, 1), ETH_TYPE_MPLS);
	put_pop_mpls(&a, ETH_TYPE_MPLS);
	assert_refused(&a, &ip, NULL, -EINVAL, OVS_ACTION_ATTR_POP_MPLS, 12);
	/* A stack the key cut at 3 labels may go on below them; past the
	 * last known label nothing is known. */
	mpls.mpls.held = flow_mpls_held(3);
	mpls.mpls.lse[2] = cpu_to_be32(lse(5, 0, false, 1));
	acts_init(&a);
	put_pop_mpls(&a, ETH_TYPE_MPLS);
	put_pop_mpls(&a, ETH_TYPE_MPLS);
	put_pop_mpls(&a, ETH_TYPE_MPLS);
	assert_valid(&a, &mpls, NULL);
	put_pop_mpls(&a, ETH_TYPE_MPLS);
	assert_refused(&a, &mpls, NULL, -EINVAL, OVS_ACTION_ATTR_POP_MPLS, 24);
	mpls.mpls.held = flow_mpls_held(2);
	/* Only labels the mask makes sure of, as upstream: a mask of one
	 * label entry leaves the second unknown. */
	{
		struct flow_key mask;

		memset(&mask, 0xff, sizeof mask);
		mask.mpls.held = flow_mpls_held(1);
		acts_init(&a);
		put_pop_mpls(&a, ETH_TYPE_MPLS);
		assert_valid(&a, &mpls, &mask);
		put_pop_mpls(&a, ETH_TYPE_IP);
		assert_refused(&a, &mpls, &mask, -EINVAL,
			       OVS_ACTION_ATTR_POP_MPLS, 8);
	}
	/* An MPLS flow whose ethertype is wildcarded is not known MPLS. */
	{
		struct flow_key mask;

		memset(&mask, 0xff, sizeof mask);
		mask.eth_type = 0;
		acts_init(&a);
		put_pop_mpls(&a, ETH_TYPE_MPLS);
		assert_refused(&a, &mpls, &mask, -EINVAL,
			       OVS_ACTION_ATTR_POP_MPLS, 0);
	}
}

static void test_refuse_set_framing(void **state)
{
	struct flow_key key = key_of(PC_TCP4);
	u32 v = 1, two[2] = { 1, 1 };
	struct ovs_key_tcp t = { 0, 0 };
	struct acts a;
	u32 nest;

	/* Two key attributes in one set; none. */
	acts_init(&a);
	nest = nest_start(&a, OVS_ACTION_ATTR_SET);
	nlbuf_put_u32(&a.b, OVS_KEY_ATTR_PRIORITY, 1);
	nlbuf_put_u32(&a.b, OVS_KEY_ATTR_SKB_MARK, 1);
	nest_end(&a, nest);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	acts_init(&a);
	nlbuf_put(&a.b, OVS_ACTION_ATTR_SET, NULL, 0);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	/* Not settable, or not supported. */
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_IN_PORT, &v, NULL, 4);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_ETHERTYPE, &v, NULL, 2);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_TUNNEL, &v, NULL, 4);
	assert_refused(&a, &key, NULL, -EOPNOTSUPP, OVS_ACTION_ATTR_SET, 0);
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_CT_MARK, &v, &v, 4);
	assert_refused(&a, &key, NULL, -EOPNOTSUPP, OVS_ACTION_ATTR_SET_MASKED, 0);
	/* Wrong key lengths, plain and masked. */
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_TCP, two, NULL, 8);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	acts_init(&a);
	nest = nest_start(&a, OVS_ACTION_ATTR_SET_MASKED);
	nlbuf_put(&a.b, OVS_KEY_ATTR_TCP, &t, sizeof t);
	nest_end(&a, nest);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_SET_MASKED, 0);
	/* Value bits outside the mask. */
	acts_init(&a);
	put_output(&a, 1);
	put_set(&a, OVS_KEY_ATTR_SKB_MARK, &two[0], &(u32){ 0 }, 4);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_SET_MASKED, 8);
}

static void test_refuse_set_applicability(void **state)
{
	struct flow_key tcp4 = key_of(PC_TCP4), udp6 = key_of(PC_UDP6);
	struct flow_key mpls = key_of(PC_MPLS2_UDP4);
	struct ovs_key_ipv4 v4, m4;
	struct ovs_key_ipv6 v6, m6;
	struct ovs_key_tcp t = { 0, 0 };
	struct ovs_key_mpls l = { 0 };
	struct flow_key mask;
	struct acts a;

	ipv4_key(&v4, &m4, 1, 2);
	ipv6_key(&v6, &m6);

	/* IPv4 on an IPv6 flow, IPv6 on an IPv4 flow, MPLS on IPv4. */
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_IPV4, &v4, &m4, sizeof v4);
	assert_refused(&a, &udp6, NULL, -EINVAL, OVS_ACTION_ATTR_SET_MASKED, 0);
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_IPV6, &v6, &m6, sizeof v6);
	assert_refused(&a, &tcp4, NULL, -EINVAL, OVS_ACTION_ATTR_SET_MASKED, 0);
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_MPLS, &l, NULL, sizeof l);
	assert_refused(&a, &tcp4, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	assert_valid(&a, &mpls, NULL);

	/* The protocol and fragment type are not settable. */
	acts_init(&a);
	m4.ipv4_proto = 0xff;
	put_set(&a, OVS_KEY_ATTR_IPV4, &v4, &m4, sizeof v4);
	assert_refused(&a, &tcp4, NULL, -EINVAL, OVS_ACTION_ATTR_SET_MASKED, 0);
	acts_init(&a);
	v4.ipv4_proto = IPPROTO_NUM_UDP;
	put_set(&a, OVS_KEY_ATTR_IPV4, &v4, NULL, sizeof v4);
	assert_refused(&a, &tcp4, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	acts_init(&a);
	v4.ipv4_proto = IPPROTO_NUM_TCP;
	v4.ipv4_frag = OVS_FRAG_TYPE_FIRST;
	put_set(&a, OVS_KEY_ATTR_IPV4, &v4, NULL, sizeof v4);
	assert_refused(&a, &tcp4, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	acts_init(&a);
	m6.ipv6_frag = 0xff;
	v6.ipv6_frag = 0;
	put_set(&a, OVS_KEY_ATTR_IPV6, &v6, &m6, sizeof v6);
	assert_refused(&a, &udp6, NULL, -EINVAL, OVS_ACTION_ATTR_SET_MASKED, 0);
	/* A flow label wider than 20 bits, in the mask or plain. */
	ipv6_key(&v6, &m6);
	m6.ipv6_label = cpu_to_be32(0x100000);
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_IPV6, &v6, &m6, sizeof v6);
	assert_refused(&a, &udp6, NULL, -EINVAL, OVS_ACTION_ATTR_SET_MASKED, 0);
	v6.ipv6_proto = IPPROTO_NUM_UDP;
	v6.ipv6_label = cpu_to_be32(0x100000);
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_IPV6, &v6, NULL, sizeof v6);
	assert_refused(&a, &udp6, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);

	/* L4 sets need the flow to match their protocol exactly. */
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_UDP, &t, NULL, sizeof t);
	assert_refused(&a, &tcp4, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_SCTP, &t, NULL, sizeof t);
	assert_refused(&a, &tcp4, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	acts_init(&a);
	put_set(&a, OVS_KEY_ATTR_TCP, &t, NULL, sizeof t);
	assert_valid(&a, &tcp4, NULL);
	memset(&mask, 0xff, sizeof mask);
	mask.ip.proto = 0xfe;
	assert_refused(&a, &tcp4, &mask, -EINVAL, OVS_ACTION_ATTR_SET, 0);
	mask.ip.proto = 0xff;
	mask.eth_type = 0;
	assert_refused(&a, &tcp4, &mask, -EINVAL, OVS_ACTION_ATTR_SET, 0);
}

/* What actions do to the packet decides what later sets may touch. */
static void test_refuse_set_after_encap(void **state)
{
	struct flow_key tcp4 = key_of(PC_TCP4);
	struct ovs_key_ipv4 v4, m4;
	struct ovs_key_tcp t = { 0, 0 };
	struct acts a;

	ipv4_key(&v4, &m4, 1, 2);
	acts_init(&a);
	put_push_mpls(&a, lse(1, 0, true, 1), ETH_TYPE_MPLS);
	put_set(&a, OVS_KEY_ATTR_IPV4, &v4, &m4, sizeof v4);
	assert_refused(&a, &tcp4, NULL, -EINVAL, OVS_ACTION_ATTR_SET_MASKED, 12);

	acts_init(&a);
	put_push_mpls(&a, lse(1, 0, true, 1), ETH_TYPE_MPLS);
	put_pop_mpls(&a, ETH_TYPE_IP);
	put_set(&a, OVS_KEY_ATTR_TCP, &t, NULL, sizeof t);
	assert_refused(&a, &tcp4, NULL, -EINVAL, OVS_ACTION_ATTR_SET, 20);

	/* A push inside a clone does not leak out of it. */
	acts_init(&a);
	{
		u32 nest = nest_start(&a, OVS_ACTION_ATTR_CLONE);

		put_push_mpls(&a, lse(1, 0, true, 1), ETH_TYPE_MPLS);
		nest_end(&a, nest);
	}
	put_set(&a, OVS_KEY_ATTR_IPV4, &v4, &m4, sizeof v4);
	assert_valid(&a, &tcp4, NULL);
	/* VLAN tags do not hide L3. */
	acts_init(&a);
	put_push_vlan(&a, ETH_TYPE_VLAN, VLAN_CFI | 1);
	put_set(&a, OVS_KEY_ATTR_TCP, &t, NULL, sizeof t);
	assert_valid(&a, &tcp4, NULL);
}

static void test_refuse_nested(void **state)
{
	struct flow_key key = key_of(PC_TCP4);
	struct acts a;
	u32 nest, inner;
	u32 nests[ACTIONS_MAX_DEPTH + 1];
	int i;

	/* sample: no probability, no list, an error inside its list (named
	 * there, with its offset from the top). */
	acts_init(&a);
	nest = nest_start(&a, OVS_ACTION_ATTR_SAMPLE);
	inner = nest_start(&a, OVS_SAMPLE_ATTR_ACTIONS);
	nest_end(&a, inner);
	nest_end(&a, nest);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_SAMPLE, 0);
	acts_init(&a);
	nest = nest_start(&a, OVS_ACTION_ATTR_SAMPLE);
	nlbuf_put_u32(&a.b, OVS_SAMPLE_ATTR_PROBABILITY, 1);
	nest_end(&a, nest);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_SAMPLE, 0);
	acts_init(&a);
	nest = nest_start(&a, OVS_ACTION_ATTR_SAMPLE);
	nlbuf_put_u32(&a.b, OVS_SAMPLE_ATTR_PROBABILITY, 1);
	inner = nest_start(&a, OVS_SAMPLE_ATTR_ACTIONS);
	put_output(&a, 1);
	nlbuf_put_u32(&a.b, OVS_ACTION_ATTR_CT, 1);
	nest_end(&a, inner);
	nest_end(&a, nest);
	assert_refused(&a, &key, NULL, -EOPNOTSUPP, OVS_ACTION_ATTR_CT, 24);

	/* check_pkt_len: no length, zero, a missing branch. */
	for (i = 0; i < 3; i++) {
		acts_init(&a);
		nest = nest_start(&a, OVS_ACTION_ATTR_CHECK_PKT_LEN);
		if (i)
			nlbuf_put_u16(&a.b, OVS_CHECK_PKT_LEN_ATTR_PKT_LEN,
				      i == 1 ? 0 : 100);
		inner = nest_start(&a, OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER);
		nest_end(&a, inner);
		if (i < 2) {
			inner = nest_start(&a,
				OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL);
			nest_end(&a, inner);
		}
		nest_end(&a, nest);
		assert_refused(&a, &key, NULL, -EINVAL,
			       OVS_ACTION_ATTR_CHECK_PKT_LEN, 0);
	}
	acts_init(&a);
	put_check_pkt_len(&a, 100);
	assert_valid(&a, &key, NULL);

	/* One level deeper than the cap. */
	acts_init(&a);
	put_nested_clones(&a, nests, ACTIONS_MAX_DEPTH + 1);
	assert_refused(&a, &key, NULL, -EOVERFLOW, OVS_ACTION_ATTR_CLONE,
		       ACTIONS_MAX_DEPTH * (NLA_HDRLEN + 8));

	/* A clone whose list has stray bytes. */
	acts_init(&a);
	nest = nest_start(&a, OVS_ACTION_ATTR_CLONE);
	put_output(&a, 1);
	nest_end(&a, nest);
	stretch_first(&a, -2);
	assert_refused(&a, &key, NULL, -EINVAL, OVS_ACTION_ATTR_UNSPEC, 4);
}

/* A flow whose VLAN presence is wildcarded counts as untagged: two pushes
 * are fine, MPLS under them too. */
static void test_valid_lists(void **state)
{
	struct flow_key key = key_of(PC_VLAN_TCP4), mask;
	struct acts a;

	memset(&mask, 0xff, sizeof mask);
	mask.vlan[0].tci = 0;
	acts_init(&a);
	put_push_vlan(&a, ETH_TYPE_VLAN, VLAN_CFI | 1);
	put_push_vlan(&a, ETH_TYPE_VLAN_8021AD, VLAN_CFI | 2);
	put_push_mpls(&a, lse(1, 0, true, 1), ETH_TYPE_MPLS);
	put_output(&a, 1);
	assert_valid(&a, &key, &mask);
	assert_int_equal(actions_validate(ACTS(&a), &key, NULL, NULL), -EINVAL);

	acts_init(&a);
	assert_valid(&a, &key, NULL);   /* an empty list drops */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_push_vlan),
		cmocka_unit_test(test_qinq_push_pop),
		cmocka_unit_test(test_pop_vlan),
		cmocka_unit_test(test_mpls_stack),
		cmocka_unit_test(test_mpls_offsets),
		cmocka_unit_test(test_push_mpls_after_vlan),
		cmocka_unit_test(test_mpls_packet_pop_and_set),
		cmocka_unit_test(test_set_ethernet),
		cmocka_unit_test(test_set_ipv4_addrs),
		cmocka_unit_test(test_set_ipv4_plain),
		cmocka_unit_test(test_set_ipv4_tos_ttl_masked),
		cmocka_unit_test(test_set_udp_zero_checksum),
		cmocka_unit_test(test_set_tcp_udp_ports),
		cmocka_unit_test(test_set_ipv6_addrs),
		cmocka_unit_test(test_set_ipv6_tclass_label_hlimit),
		cmocka_unit_test(test_set_ipv6_dst_routing_header),
		cmocka_unit_test(test_crc32c_vectors),
		cmocka_unit_test(test_set_sctp),
		cmocka_unit_test(test_set_metadata),
		cmocka_unit_test(test_set_on_truncated_packet),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_recirc),
		cmocka_unit_test(test_userspace),
		cmocka_unit_test(test_trunc),
		cmocka_unit_test(test_clone),
		cmocka_unit_test(test_sample),
		cmocka_unit_test(test_check_pkt_len),
		cmocka_unit_test(test_drop),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_refuse_framing),
		cmocka_unit_test(test_refuse_unsupported),
		cmocka_unit_test(test_refuse_simple_args),
		cmocka_unit_test(test_refuse_userspace),
		cmocka_unit_test(test_refuse_vlan),
		cmocka_unit_test(test_refuse_mpls),
		cmocka_unit_test(test_refuse_set_framing),
		cmocka_unit_test(test_refuse_set_applicability),
		cmocka_unit_test(test_refuse_set_after_encap),
		cmocka_unit_test(test_refuse_nested),
		cmocka_unit_test(test_valid_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
