/* Datapath flow key text: OVS's own test vectors (tests/odp.at) and real
 * "ovs-dpctl dump-flows" lines round trip exactly, both ways; every attribute,
 * masks, QinQ, MPLS stacks, 802.2; and every error message. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <linux/openvswitch.h>

#include "odp-key-text.h"

/* A key and a mask under construction. */
struct flow {
	u32 kmem[1024], mmem[1024];	/* u32: netlink's 4-byte alignment */
	struct nlbuf key, mask;
};

static void flow_init(struct flow *f)
{
	nlbuf_init(&f->key, f->kmem, sizeof f->kmem);
	nlbuf_init(&f->mask, f->mmem, sizeof f->mmem);
}

/* Parses 'text' into 'f' (key only unless 'masked'), failing the test on
 * error. */
static void parse_ok(const char *text, struct flow *f, bool masked)
{
	char err[256];
	int rc;

	flow_init(f);
	rc = odp_key_parse(text, &f->key, masked ? &f->mask : NULL,
			   err, sizeof err);
	if (rc)
		fail_msg("\"%s\": %s", text, err);
}

static char *print(const struct flow *f, bool masked, unsigned int flags)
{
	return odp_key_to_string(f->key.data, f->key.size,
				 masked ? f->mask.data : NULL,
				 masked ? f->mask.size : 0, flags);
}

static void assert_same_attrs(const struct flow *a, const struct flow *b)
{
	assert_int_equal(a->key.size, b->key.size);
	assert_memory_equal(a->key.data, b->key.data, a->key.size);
	assert_int_equal(a->mask.size, b->mask.size);
	assert_memory_equal(a->mask.data, b->mask.data, a->mask.size);
}

/* print(parse(text)) == text, and the verbose form parses back to the very
 * same attributes. */
static void check_masked(const char *text)
{
	struct flow f, g;
	char *s, *v;

	parse_ok(text, &f, true);
	s = print(&f, true, 0);
	assert_string_equal(s, text);
	v = print(&f, true, ODP_KEY_VERBOSE);
	parse_ok(v, &g, true);
	assert_same_attrs(&f, &g);
	free(s);
	free(v);
}

/* A key without a mask round trips too, and means the same as a mask that
 * matches every field exactly. */
static void check_exact(const char *text)
{
	struct flow f;
	char *s;

	parse_ok(text, &f, false);
	s = print(&f, false, 0);
	assert_string_equal(s, text);
	free(s);
	check_masked(text);
}

/* 'in' parses, and prints as 'out' with 'flags'. */
static void check_prints(const char *in, unsigned int flags, const char *out)
{
	struct flow f;
	char *s;

	parse_ok(in, &f, true);
	s = print(&f, true, flags);
	assert_string_equal(s, out);
	free(s);
}

/* 'text' fails with EINVAL and 'msg', leaving the buffers untouched. */
static void check_error(const char *text, bool masked, const char *msg)
{
	struct flow f;
	char err[256];

	flow_init(&f);
	nlbuf_put_u32(&f.key, OVS_KEY_ATTR_IN_PORT, 9);
	nlbuf_put_u32(&f.mask, OVS_KEY_ATTR_IN_PORT, 0xffffffff);
	if (odp_key_parse(text, &f.key, masked ? &f.mask : NULL, err,
			  sizeof err) != EINVAL)
		fail_msg("\"%s\" parsed", text);
	assert_string_equal(err, msg);
	assert_int_equal(f.key.size, 8);
	assert_int_equal(f.mask.size, 8);
}

/* ---- OVS's vectors: tests/odp.at ---- */

/* "datapath key parsing and formatting - valid forms": odp-base.txt. */
static const char *const odp_at_exact[] = {
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x1234)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=5,tos=0x80,ttl=128,frag=no)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=5,tos=0x81,ttl=128,frag=no)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=5,tos=0x80,ttl=128,frag=first)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=5,tos=0x80,ttl=128,frag=later)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=6,tos=0,ttl=128,frag=no),tcp(src=80,dst=8080)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=17,tos=0,ttl=128,frag=no),udp(src=81,dst=6632)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=1,tos=0,ttl=128,frag=no),icmp(type=1,code=2)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=10,tclass=0x70,hlimit=128,frag=no)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=10,tclass=0x71,hlimit=128,frag=no)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=10,tclass=0x70,hlimit=128,frag=first)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=10,tclass=0x70,hlimit=128,frag=later)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=6,tclass=0,hlimit=128,frag=no),tcp(src=80,dst=8080)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=17,tclass=0,hlimit=128,frag=no),udp(src=6630,dst=22)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=58,tclass=0,hlimit=128,frag=no),icmpv6(type=1,code=2)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=58,tclass=0,hlimit=128,frag=no),icmpv6(type=136,code=0),nd(target=::3,sll=00:05:06:07:08:09,tll=00:0a:0b:0c:0d:0e)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0806),arp(sip=1.2.3.4,tip=5.6.7.8,op=1,sha=00:0f:10:11:12:13,tha=00:14:15:16:17:18)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x8847),mpls(label=100,tc=3,ttl=64,bos=1)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x8847),mpls(label=100,tc=7,ttl=100,bos=1)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x8847),mpls(label=100,tc=7,ttl=100,bos=0)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x8848),mpls(label=1000,tc=4,ttl=200,bos=1)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x8848),mpls(label=1000,tc=4,ttl=200,bos=0)",
};

/* "wildcarded key parsing and formatting - valid forms": odp-base.txt. */
static const char *const odp_at_masked[] = {
	"in_port(1/0xff),eth(src=00:01:02:03:04:05/ff:ff:ff:ff:ff:f0,dst=10:11:12:13:14:15/ff:ff:ff:ff:ff:f0)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x1234/0xfff0)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41/255.255.255.0,dst=172.16.0.20/255.255.255.0,proto=5/0xf0,tos=0x80/0xf0,ttl=128/0xf0,frag=no)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=6,tos=0,ttl=128,frag=no),tcp(src=80/0xff00,dst=8080/0xff)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=17,tos=0,ttl=128,frag=no),udp(src=81/0xff00,dst=6632/0xff)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=17,tos=0,ttl=128,frag=no),udp(src=81/0xff,dst=6632/0xff00)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0800),ipv4(src=35.8.2.41,dst=172.16.0.20,proto=1,tos=0,ttl=128,frag=no),icmp(type=1/0xf0,code=2)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1/::255,dst=::2/::255,label=0/0xf0,proto=10/0xf0,tclass=0x70/0xf0,hlimit=128/0xf0,frag=no)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=6,tclass=0,hlimit=128,frag=no),tcp(src=80/0xff00,dst=8080/0xff)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=17,tclass=0,hlimit=128,frag=no),udp(src=6630/0xff00,dst=22/0xff)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=58,tclass=0,hlimit=128,frag=no),icmpv6(type=1/0xf0,code=2)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=58,tclass=0,hlimit=128,frag=no),icmpv6(type=135,code=0),nd(target=::3/::250)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=58,tclass=0,hlimit=128,frag=no),icmpv6(type=135,code=0),nd(target=::3/::250,sll=00:05:06:07:08:09/ff:ff:ff:ff:ff:00)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=58,tclass=0,hlimit=128,frag=no),icmpv6(type=136,code=0),nd(target=::3/::250,tll=00:0a:0b:0c:0d:0e/ff:ff:ff:ff:ff:00)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=58,tclass=0,hlimit=128,frag=no),icmpv6(type=136,code=0),nd(target=::3/::250,sll=00:05:06:07:08:09/ff:ff:ff:ff:ff:00,tll=00:0a:0b:0c:0d:0e/ff:ff:ff:ff:ff:00)",
	"in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x0806),arp(sip=1.2.3.4/255.255.255.250,tip=5.6.7.8/255.255.255.250,op=1/0xf0,sha=00:0f:10:11:12:13/ff:ff:ff:ff:ff:00,tha=00:14:15:16:17:18/ff:ff:ff:ff:ff:00)",
	"skb_mark(0x1234/0xfff0),in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),eth_type(0x86dd),ipv6(src=::1,dst=::2,label=0,proto=58,tclass=0,hlimit=128,frag=no),icmpv6(type=136,code=0),nd(target=::3,sll=00:05:06:07:08:09,tll=00:0a:0b:0c:0d:0e)",
};

/* odp.at derives more vectors from each base line with sed; these do the
 * same.  Each returns a malloc'd line, or NULL where sed changes nothing. */

static char *prefix(const char *line, const char *p)
{
	char *s;

	assert_true(asprintf(&s, "%s%s", p, line) > 0);
	return s;
}

/* Inserts 'text' after the "eth(...)" attribute (and its comma), appending
 * 'suffix' at the end of the line. */
static char *after_eth(const char *line, const char *text, const char *suffix,
		       bool need_comma)
{
	const char *eth = strstr(line, "eth("), *end;
	char *s;

	assert_non_null(eth);
	end = strchr(eth, ')') + 1;
	if (need_comma && *end != ',')
		return NULL;
	end += strspn(end, ",");
	assert_true(asprintf(&s, "%.*s,%s%s%s", (int)(end - line), line, text,
			     end, suffix) > 0);
	/* "eth(...)," becomes "eth(...),,text": drop the doubled comma. */
	for (char *c = strstr(s, ",,"); c; c = strstr(c, ",,"))
		memmove(c, c + 1, strlen(c));
	return s;
}

static char *vlan_wrap(const char *line)
{
	return after_eth(line, "eth_type(0x8100),vlan(vid=99,pcp=7),encap(",
			 ")", false);
}

/* s/,frag=no),/,frag=first),/p and s/,frag=no),.*\/,frag=later)/p */
static char *frag(const char *line, bool later)
{
	const char *no = strstr(line, ",frag=no),");
	char *s;

	if (!no)
		return NULL;
	assert_true(asprintf(&s, "%.*s,frag=%s%s", (int)(no - line), line,
			     later ? "later)" : "first)",
			     later ? "" : no + strlen(",frag=no)")) > 0);
	return s;
}

enum variant { V_PLAIN, V_META, V_VLAN, V_CT, V_FIRST, V_LATER, V_QOS, N_V };

static char *variant(const char *line, enum variant v, bool masked)
{
	switch (v) {
	case V_PLAIN:
		return strdup(line);
	case V_META:
		return masked ? NULL : prefix(line, "skb_priority(0),skb_mark(0),recirc_id(0),"
			      "dp_hash(0),");
	case V_VLAN:
		return vlan_wrap(line);
	case V_CT:
		return masked ?
		       after_eth(line, "ct_state(+trk),ct_zone(0x5/0xff),"
				 "ct_mark(0x10305070/0xf0f0f0f0),ct_label("
				 "0x1234567890abcdef1234567890abcdef/"
				 "0x102030405060708090a0b0c0d0e0f0),ct_tuple4("
				 "src=10.10.10.10,dst=20.20.20.20,proto=17,"
				 "tp_src=1,tp_dst=2),", "", true) :
		       prefix(line, "skb_priority(0),skb_mark(0),ct_mark("
			      "0x12345678),ct_label(0x1234567890abcdef1234567"
			      "890abcdef),recirc_id(0),dp_hash(0),");
	case V_FIRST:
	case V_LATER:
		return frag(line, v == V_LATER);
	default:
		return prefix(line, masked ? "skb_priority(0x1234/0xff),"
				    : "skb_priority(0x1234),");
	}
}

static int run_vectors(const char *const *lines, size_t n, bool masked)
{
	int count = 0;

	for (size_t i = 0; i < n; i++) {
		for (int v = 0; v < N_V; v++) {
			char *line = variant(lines[i], v, masked);

			if (!line)
				continue;
			if (masked)
				check_masked(line);
			else
				check_exact(line);
			free(line);
			count++;
		}
	}
	return count;
}

static void test_odp_at_exact(void **state)
{
	int n = run_vectors(odp_at_exact, ARRAY_SIZE(odp_at_exact), false);

	print_message("%d exact vectors\n", n);
}

static void test_odp_at_masked(void **state)
{
	int n = run_vectors(odp_at_masked, ARRAY_SIZE(odp_at_masked), true);

	print_message("%d masked vectors\n", n);
}

/* ---- Real dump-flows lines (Linux kernel datapath, OVN) ---- */

static const char *const dumps[] = {
	"recirc_id(0),in_port(6),eth(src=00:00:00:00:00:00/01:00:00:00:00:00),eth_type(0x0800),ipv4(dst=10.109.152.153,proto=6,frag=no),tcp_flags(psh|ack)",
	"recirc_id(0xcb0),in_port(6),ct_state(-new+est-rel-rpl-inv+trk),ct_label(0/0x1),eth(src=0a:00:00:00:00:04,dst=00:00:00:55:8d:0a),eth_type(0x0800),ipv4(src=10.244.1.2/255.255.255.254,dst=10.244.2.3,tos=0/0x3,ttl=64,frag=no)",
	"recirc_id(0xcaf),in_port(6),eth(dst=00:00:00:55:8d:0a),eth_type(0x0800),ipv4(proto=6,frag=no),tcp_flags(ack)",
	"recirc_id(0xca9),in_port(6),ct_state(-new+est-rel-rpl-inv+trk),ct_label(0/0x1),eth(),eth_type(0x0800),ipv4(frag=no)",
	"recirc_id(0x2d),in_port(6),ct_state(-new+est-rel+rpl-inv+trk),ct_label(0/0x1),eth(),eth_type(0x0800),ipv4(frag=no)",
	"recirc_id(0),in_port(6),eth(src=00:00:00:00:00:00/01:00:00:00:00:00),eth_type(0x0800),ipv4(dst=10.128.0.0/255.128.0.0,proto=6,frag=no),tcp_flags(fin|ack)",
	"recirc_id(0x32),in_port(6),ct_state(+new-est-rel-rpl-inv+trk),ct_label(0/0x1),eth(src=00:00:00:77:0c:46,dst=00:00:00:90:9c:e1),eth_type(0x0800),ipv4(src=10.244.0.0/255.255.0.0,dst=10.0.2.18,ttl=63,frag=no)",
	"recirc_id(0x43),in_port(6),ct_state(-new+est-rel-rpl-inv+trk),ct_label(0/0x1),eth(src=00:00:00:00:00:00/01:00:00:00:00:00,dst=50:6b:4b:c3:98:6c),eth_type(0x0800),ipv4(frag=no)",
	"recirc_id(0x47),in_port(6),eth(dst=0a:6c:a2:17:be:39),eth_type(0x0800),ipv4(proto=6,frag=no),tcp_flags(syn|ack)",
	"recirc_id(0x81),in_port(6),eth(dst=00:00:00:00:00:00/01:00:00:00:00:00),eth_type(0x0800),ipv4(frag=no)",
};

static void test_real_dumps(void **state)
{
	for (size_t i = 0; i < ARRAY_SIZE(dumps); i++)
		check_masked(dumps[i]);
}

/* "dump-flows -m" prints wildcarded fields and attributes too. */
static void test_verbose(void **state)
{
	static const char *const verbose =
		"skb_priority(0/0),skb_mark(0/0),ct_state(0/0),ct_zone(0/0),"
		"ct_mark(0/0),ct_label(0/0),recirc_id(0),dp_hash(0/0),"
		"in_port(2),packet_type(ns=0,id=0),"
		"eth(src=d2:5c:7c:2a:85:bd,dst=8e:db:1a:00:00:01),"
		"ipv4(src=10.7.159.78/0.0.0.0,dst=10.7.159.71/0.0.0.0,proto=6/0,"
		"tos=0/0,ttl=64/0,frag=no),tcp(src=5001/0,dst=46302/0),"
		"tcp_flags(0/0)";

	check_prints(verbose, ODP_KEY_VERBOSE, verbose);
	check_prints(verbose, 0, "recirc_id(0),in_port(2),"
		     "packet_type(ns=0,id=0),eth(src=d2:5c:7c:2a:85:bd,"
		     "dst=8e:db:1a:00:00:01),ipv4(frag=no)");
	/* A field the text leaves out is wildcarded, and shown so in -m;
	 * frag is the exception, as OVS ignores -m for it. */
	check_prints("ipv4(src=1.2.3.4)", ODP_KEY_VERBOSE,
		     "ipv4(src=1.2.3.4,dst=0.0.0.0/0.0.0.0,proto=0/0,tos=0/0,"
		     "ttl=0/0)");
	check_prints("vlan(vid=5)", ODP_KEY_VERBOSE, "vlan(vid=5,pcp=0/0x0)");
	check_prints("in_port(1/0),eth_type(0x0800)", 0, "eth_type(0x0800)");
	check_prints("in_port(1/0),eth_type(0x0800)", ODP_KEY_VERBOSE,
		     "in_port(1/0),eth_type(0x0800)");
	check_prints("ct_state(+trk),ct_zone(5)", ODP_KEY_VERBOSE,
		     "ct_state(0x20/0x20),ct_zone(0x5)");
	check_prints("tcp_flags(+syn)", ODP_KEY_VERBOSE, "tcp_flags(+syn)");
	check_prints("mpls(label=1)", ODP_KEY_VERBOSE,
		     "mpls(label=1/0xfffff,tc=0/0,ttl=0/0x0,bos=0/0)");
	check_masked("in_port(1),eth(src=00:01:02:03:04:05,"
		     "dst=10:11:12:13:14:15/01:00:00:00:00:00)");
}

/* ---- Each attribute ---- */

static void test_metadata(void **state)
{
	check_exact("skb_priority(0x1234),skb_mark(0xffffffff),recirc_id(0x1),"
		    "dp_hash(0x8a3b2c1d),in_port(4294967295)");
	check_masked("skb_priority(0x1234/0xff00),dp_hash(0x5/0xf),"
		     "in_port(3/0xfff)");
	check_masked("recirc_id(0x10/0xff),skb_mark(0/0x1)");
	/* Decimal and hex in, OVS's formats out. */
	check_prints("skb_priority(4660),in_port(0x10),recirc_id(0)", 0,
		     "skb_priority(0x1234),in_port(16),recirc_id(0)");
	check_prints("skb_mark(010)", 0, "skb_mark(0x8)");	/* as %i */
}

static void test_ethernet(void **state)
{
	check_exact("eth(src=00:00:00:00:00:00,dst=ff:ff:ff:ff:ff:ff)");
	check_masked("eth(src=00:01:02:03:04:05/ff:ff:ff:00:00:00)");
	check_prints("eth(src=0:1:2:a:B:c,dst=ff:ff:ff:ff:ff:ff)", 0,
		     "eth(src=00:01:02:0a:0b:0c,dst=ff:ff:ff:ff:ff:ff)");
	/* Wildcarded: still shown, it says "an Ethernet frame" ... */
	check_prints("in_port(1),eth(src=00:01:02:03:04:05/00:00:00:00:00:00)",
		     0, "in_port(1),eth()");
	/* ... unless packet_type says that already. */
	check_prints("packet_type(ns=0,id=0),eth()", 0,
		     "packet_type(ns=0,id=0)");
	check_exact("packet_type(ns=1,id=0x800)");
	check_masked("packet_type(ns=0,id=0x800/0xff00)");
}

static void test_ethertype_8022(void **state)
{
	check_exact("eth_type(0x0800)");
	check_exact("eth_type(0x0000)");
	check_masked("eth_type(0x86dd/0xff00)");
	/* 802.2 frames: the key has no Ethertype, the mask matches that. */
	check_masked("in_port(1),eth(src=00:01:02:03:04:05,"
		     "dst=01:80:c2:00:00:00),eth_type(0/0xffff)");
	check_masked("recirc_id(0),in_port(2),eth(dst=01:00:0c:cc:cc:cd),"
		     "eth_type(0/0xffff)");
	/* Wherever it is written, it prints last, as OVS prints it. */
	check_prints("eth_type(0/0xffff),in_port(1)", 0,
		     "in_port(1),eth_type(0/0xffff)");
	check_prints("eth_type(0/0xffff)", 0, "eth_type(0/0xffff)");
	check_masked("eth_type(0x8100),vlan(vid=1,pcp=0),"
		     "encap(eth_type(0/0xffff))");
}

static void test_vlan_qinq(void **state)
{
	check_exact("eth_type(0x8100),vlan(vid=99,pcp=7),encap()");
	check_exact("eth_type(0x8100),vlan(vid=0,pcp=0),encap(eth_type(0x0800))");
	check_exact("eth_type(0x8100),vlan(vid=4095,pcp=7,cfi=0),encap()");
	check_masked("eth_type(0x8100),vlan(vid=99/0xff0,pcp=7),encap()");
	check_masked("eth_type(0x8100),vlan(vid=5,cfi=0),encap()");
	check_masked("vlan(pcp=3)");
	check_masked("vlan(vid=0,pcp=0)");
	/* The kernel always matches CFI ("tag present"); cfi=1 and an
	 * exact CFI are the defaults, shown only when otherwise. */
	check_prints("vlan(vid=5,cfi=1)", 0, "vlan(vid=5)");
	check_masked("vlan(vid=5,cfi=1/0x0)");
	/* 802.1ad outside 802.1Q, each tag opening an encap(). */
	check_exact("in_port(1),eth(src=00:01:02:03:04:05,dst=10:11:12:13:14:15),"
		    "eth_type(0x88a8),vlan(vid=10,pcp=0),encap(eth_type(0x8100),"
		    "vlan(vid=20,pcp=3),encap(eth_type(0x0800),ipv4(src=10.0.0.1,"
		    "dst=10.0.0.2,proto=6,tos=0,ttl=64,frag=no),tcp(src=1,dst=2)))");
	check_masked("recirc_id(0),in_port(1),eth(),eth_type(0x88a8),"
		     "vlan(vid=10),encap(eth_type(0x8100),vlan(vid=20),"
		     "encap(eth_type(0x0800),ipv4(frag=no)))");
	/* The inside of an encap() is wildcarded with it. */
	check_prints("eth_type(0x8100),vlan(vid=1),encap(eth_type(0x0800/0),"
		     "ipv4(proto=0/0))", 0, "eth_type(0x8100),vlan(vid=1),"
		     "encap()");
}

static void test_mpls(void **state)
{
	check_exact("eth_type(0x8847),mpls(label=100,tc=3,ttl=64,bos=1)");
	check_exact("eth_type(0x8847),mpls(label=100,tc=3,ttl=64,bos=0,"
		    "label=200,tc=0,ttl=63,bos=1)");
	check_exact("eth_type(0x8848),mpls(label=1048575,tc=7,ttl=255,bos=0,"
		    "label=16,tc=1,ttl=1,bos=0,label=0,tc=0,ttl=0,bos=1)");
	/* Masks: one not exact, all are shown (tc and bos masks lack 0x). */
	check_masked("eth_type(0x8847),mpls(label=100/0xff,tc=7/7,ttl=64/0xff,"
		     "bos=1/1)");
	check_masked("mpls(label=100/0xfffff,tc=3/7,ttl=64/0xff,bos=0/1,"
		     "label=5/0xfffff,tc=0/0,ttl=0/0x0,bos=1/1)");
	check_prints("mpls(label=100,bos=1)", 0,
		     "mpls(label=100/0xfffff,tc=0/0,ttl=0/0x0,bos=1/1)");
	check_prints("mpls()", 0, "<empty>");
	check_prints("mpls()", ODP_KEY_VERBOSE,
		     "mpls(label=0/0x0,tc=0/0,ttl=0/0x0,bos=0/0)");
}

static void test_ipv4_ipv6(void **state)
{
	check_exact("ipv4(src=0.0.0.0,dst=255.255.255.255,proto=255,tos=0xff,"
		    "ttl=0,frag=later)");
	check_masked("ipv4(src=10.0.0.1/255.255.255.0,dst=10.0.0.2/0.0.0.255)");
	check_masked("ipv4(tos=0/0x3,ttl=64)");
	check_masked("ipv4(frag=first)");
	check_exact("ipv6(src=2001:db8::1,dst=fe80::200:ff:fe00:1,label=0xfffff,"
		    "proto=17,tclass=0xb8,hlimit=255,frag=first)");
	check_exact("ipv6(src=::ffff:10.0.0.1,dst=::,label=0x12345,proto=6,"
		    "tclass=0,hlimit=1,frag=no)");
	check_masked("ipv6(src=2001:db8::/ffff:ffff::,label=0x12345/0xff)");
	/* CIDR prefixes in, OVS's address masks out. */
	check_prints("ipv4(src=10.1.2.0/24,dst=0.0.0.0/0)", ODP_KEY_VERBOSE,
		     "ipv4(src=10.1.2.0/255.255.255.0,dst=0.0.0.0/0.0.0.0,"
		     "proto=0/0,tos=0/0,ttl=0/0)");
	check_prints("ipv6(src=2001:db8::/32,dst=::1/128)", 0,
		     "ipv6(src=2001:db8::/ffff:ffff::,dst=::1)");
	check_prints("ipv6(src=2001:DB8::1)", 0, "ipv6(src=2001:db8::1)");
}

static void test_transport(void **state)
{
	check_exact("tcp(src=0,dst=65535),tcp_flags(0)");
	check_exact("udp(src=53,dst=33000)");
	check_exact("sctp(src=2905,dst=2905)");
	check_masked("sctp(src=82/0xff00)");
	check_exact("icmp(type=8,code=0)");
	check_exact("icmpv6(type=135,code=0),nd(target=fe80::1,"
		    "sll=00:00:00:00:00:00,tll=00:00:00:00:00:00)");
	check_masked("icmp(code=3)");
	check_masked("nd(sll=00:05:06:07:08:09,tll=00:0a:0b:0c:0d:0e)");
	check_exact("arp(sip=0.0.0.0,tip=255.255.255.255,op=2,"
		    "sha=ff:ff:ff:ff:ff:ff,tha=00:00:00:00:00:00)");
	check_masked("arp(op=1)");
}

static void test_tcp_flags(void **state)
{
	check_exact("tcp_flags(syn)");
	check_exact("tcp_flags(fin|syn|rst|psh|ack|urg|ece|cwr|ns|[200]|[400]"
		    "|[800])");
	check_masked("tcp_flags(+syn-ack)");
	check_masked("tcp_flags(-fin+syn-rst-psh-ack-urg-ece-cwr-ns-[200]-[400])");
	/* Written any OVS way, printed one way. */
	check_prints("tcp_flags(ack|syn)", 0, "tcp_flags(syn|ack)");
	check_prints("tcp_flags(0x12)", 0, "tcp_flags(syn|ack)");
	check_prints("tcp_flags(0x2/0x12)", 0, "tcp_flags(+syn-ack)");
	check_prints("tcp_flags(0x12/0x2)", 0, "tcp_flags(+syn)");
	check_prints("tcp_flags(0x2/0xfff)", 0, "tcp_flags(syn)");
	check_prints("tcp_flags(0/0)", ODP_KEY_VERBOSE, "tcp_flags(0/0)");
}

static void test_conntrack(void **state)
{
	check_exact("ct_state(new|trk),ct_zone(0x5),ct_mark(0x10305070),"
		    "ct_label(0x1234567890abcdef1234567890abcdef)");
	check_exact("ct_state(0),ct_zone(0),ct_mark(0),ct_label(0)");
	check_exact("ct_state(new|est|rel|rpl|inv|trk|snat|dnat)");
	check_masked("ct_state(-new+est-rel-rpl-inv+trk),ct_zone(0x5/0xff),"
		     "ct_mark(0x10305070/0xf0f0f0f0)");
	check_masked("ct_label(0x1/0x1)");
	check_prints("ct_label(18446744073709551615)", 0,
		     "ct_label(0xffffffffffffffff)");
	check_prints("ct_label(0x0000000000000000000000000000000000000001)", 0,
		     "ct_label(0x1)");
	check_prints("ct_state(0x21)", 0, "ct_state(new|trk)");
	check_exact("ct_tuple4(src=10.10.10.10,dst=20.20.20.20,proto=17,"
		    "tp_src=1,tp_dst=2)");
	check_exact("ct_tuple6(src=fe80::1,dst=fe80::2,proto=6,src_port=1,"
		    "dst_port=65535)");
	/* OVS prints src_port but reads tp_src. */
	check_prints("ct_tuple6(tp_src=7,tp_dst=8)", 0,
		     "ct_tuple6(src_port=7,dst_port=8)");
}

/* Attributes without a name here keep their bytes, as keyN(...). */
static void test_generic(void **state)
{
	check_exact("in_port(1),key16(00 0c 00 01 00 00 00 00 00 00 00 2a)");
	check_exact("key32()");
	check_masked("key32(00 04/ff 00)");
	check_prints("key32(00 04/00 00)", 0, "<empty>");
	check_prints("key32(00 04/00 00)", ODP_KEY_VERBOSE,
		     "key32(00 04/00 00)");
}

static void test_text_forms(void **state)
{
	/* Spaces and commas between attributes; trailing commas inside. */
	check_prints("  in_port(1), \teth_type(0x0800)\n,ipv4(frag=no,) ", 0,
		     "in_port(1),eth_type(0x0800),ipv4(frag=no)");
	check_prints("", 0, "<empty>");
	check_prints("<empty>", 0, "<empty>");
	check_prints("ipv4()", ODP_KEY_VERBOSE,
		     "ipv4(src=0.0.0.0/0.0.0.0,dst=0.0.0.0/0.0.0.0,proto=0/0,"
		     "tos=0/0,ttl=0/0)");
	check_prints("encap()", 0, "encap()");
}

/* ---- parse(print(attributes)) == attributes ---- */

static void put_attr(struct flow *f, u16 type, const void *key,
		     const void *mask, u32 len)
{
	nlbuf_put(&f->key, type, key, len);
	nlbuf_put(&f->mask, type, mask, len);
}

static void check_from_attrs(const struct flow *f, const char *expect)
{
	struct flow g;
	char *s = print(f, true, 0);

	assert_string_equal(s, expect);
	parse_ok(s, &g, true);
	assert_same_attrs(f, &g);
	free(s);
}

static void test_attrs_round_trip(void **state)
{
	struct ovs_key_ethernet eth = { { 2, 0, 0, 0, 0, 1 },
					{ 2, 0, 0, 0, 0, 2 } }, eth_m;
	/* As the kernel returns them: no key bits under a zero mask. */
	struct ovs_key_ipv4 ip = { htonl(0x0a000001), 0, 6, 0, 0,
				   OVS_FRAG_TYPE_NONE };
	struct ovs_key_ipv4 ip_m = { htonl(0xffffff00), 0, 0xff, 0, 0, 0xff };
	struct ovs_key_tcp tcp = { 0, htons(80) };
	struct ovs_key_tcp tcp_m = { 0, htons(0xffff) };
	__be16 flags = htons(0x012), flags_m = htons(0x012);
	__be16 tci = htons(0x1000 | 5), tci_m = htons(0x1fff), any = 0xffff;
	__be16 ip_type = htons(0x0800), vlan_type = htons(0x8100);
	__be32 lse[2] = { htonl(100 << 12 | 64), htonl(200 << 12 | 1 << 8 | 63) };
	__be32 lse_m[2] = { 0xffffffff, 0xffffffff };
	u32 encap, encap_m, one = 0xffffffff;
	struct flow f;

	memset(&eth_m, 0xff, sizeof eth_m);
	flow_init(&f);
	put_attr(&f, OVS_KEY_ATTR_RECIRC_ID, &(u32){ 0 }, &one, 4);
	put_attr(&f, OVS_KEY_ATTR_IN_PORT, &(u32){ 3 }, &one, 4);
	put_attr(&f, OVS_KEY_ATTR_ETHERNET, &eth, &eth_m, sizeof eth);
	put_attr(&f, OVS_KEY_ATTR_ETHERTYPE, &vlan_type, &any, 2);
	put_attr(&f, OVS_KEY_ATTR_VLAN, &tci, &tci_m, 2);
	encap = nlbuf_nest_start(&f.key, OVS_KEY_ATTR_ENCAP);
	encap_m = nlbuf_nest_start(&f.mask, OVS_KEY_ATTR_ENCAP);
	put_attr(&f, OVS_KEY_ATTR_ETHERTYPE, &ip_type, &any, 2);
	put_attr(&f, OVS_KEY_ATTR_IPV4, &ip, &ip_m, sizeof ip);
	put_attr(&f, OVS_KEY_ATTR_TCP, &tcp, &tcp_m, sizeof tcp);
	put_attr(&f, OVS_KEY_ATTR_TCP_FLAGS, &flags, &flags_m, 2);
	nlbuf_nest_end(&f.key, encap);
	nlbuf_nest_end(&f.mask, encap_m);
	check_from_attrs(&f, "recirc_id(0),in_port(3),"
			 "eth(src=02:00:00:00:00:01,dst=02:00:00:00:00:02),"
			 "eth_type(0x8100),vlan(vid=5),encap(eth_type(0x0800),"
			 "ipv4(src=10.0.0.1/255.255.255.0,proto=6,frag=no),"
			 "tcp(dst=80),tcp_flags(+syn+ack))");

	flow_init(&f);
	put_attr(&f, OVS_KEY_ATTR_ETHERTYPE, &(__be16){ htons(0x8847) }, &any,
		 2);
	put_attr(&f, OVS_KEY_ATTR_MPLS, lse, lse_m, sizeof lse);
	check_from_attrs(&f, "eth_type(0x8847),mpls(label=100,tc=0,ttl=64,"
			 "bos=0,label=200,tc=0,ttl=63,bos=1)");

	/* The 802.2 mask-only Ethertype goes last in the mask. */
	flow_init(&f);
	put_attr(&f, OVS_KEY_ATTR_IN_PORT, &(u32){ 1 }, &one, 4);
	put_attr(&f, OVS_KEY_ATTR_ETHERNET, &eth, &eth_m, sizeof eth);
	nlbuf_put(&f.mask, OVS_KEY_ATTR_ETHERTYPE, &any, 2);
	check_from_attrs(&f, "in_port(1),eth(src=02:00:00:00:00:01,"
			 "dst=02:00:00:00:00:02),eth_type(0/0xffff)");
}

/* Netlink from outside may be malformed or partial: printed, never
 * trusted. */
static void test_print_foreign(void **state)
{
	struct ovs_key_ipv4 ip = { 0, 0, 6, 0, 64, OVS_FRAG_TYPE_FIRST };
	struct ovs_key_ipv4 ip_m = { 0, 0, 0xff, 0, 0, 0x3 };
	u8 bytes[8] = { 1, 2, 3 };
	struct flow f;
	u32 nest;
	char *s;

	flow_init(&f);
	nlbuf_put(&f.key, OVS_KEY_ATTR_IN_PORT, bytes, 2);
	nlbuf_put(&f.key, 30, bytes, 3);
	nlbuf_put(&f.key, OVS_KEY_ATTR_MPLS, bytes, 6);
	nlbuf_put(&f.key, OVS_KEY_ATTR_IPV4, &ip, sizeof ip);
	memcpy(f.key.data + f.key.size, "\x05\x00\x01", 3);
	s = odp_key_to_string(f.key.data, f.key.size + 3, NULL, 0, 0);
	assert_string_equal(s, "in_port(bad key length 2, expected 4),"
			    "key30(01 02 03),mpls(bad key length 6),"
			    "ipv4(src=0.0.0.0,dst=0.0.0.0,proto=6,tos=0,ttl=64,"
			    "frag=first),***3 leftover bytes*** (05 00 01)");
	free(s);

	/* Masks: missing (all wildcarded), bad length, partial frag. */
	flow_init(&f);
	put_attr(&f, OVS_KEY_ATTR_IPV4, &ip, &ip_m, sizeof ip);
	nlbuf_put_u32(&f.key, OVS_KEY_ATTR_SKB_MARK, 7);
	nlbuf_put_u32(&f.key, OVS_KEY_ATTR_PRIORITY, 7);
	nlbuf_put_u16(&f.mask, OVS_KEY_ATTR_PRIORITY, 7);
	s = print(&f, true, 0);
	assert_string_equal(s, "ipv4(proto=6,error: partial mask not "
			    "supported for frag (0x3)),skb_priority(bad mask "
			    "length 2, expected 4)");
	free(s);
	s = print(&f, true, ODP_KEY_VERBOSE);
	assert_string_equal(s, "ipv4(src=0.0.0.0/0.0.0.0,dst=0.0.0.0/0.0.0.0,"
			    "proto=6,tos=0/0,ttl=64/0,error: partial mask not "
			    "supported for frag (0x3)),skb_mark(0x7/0),"
			    "skb_priority(bad mask length 2, expected 4)");
	free(s);

	/* An empty encap() mask leaves the inside exact, as in OVS. */
	flow_init(&f);
	nest = nlbuf_nest_start(&f.key, OVS_KEY_ATTR_ENCAP);
	nlbuf_put_u32(&f.key, OVS_KEY_ATTR_IN_PORT, 2);
	nlbuf_nest_end(&f.key, nest);
	nlbuf_nest_end(&f.mask, nlbuf_nest_start(&f.mask, OVS_KEY_ATTR_ENCAP));
	s = print(&f, true, 0);
	assert_string_equal(s, "encap(in_port(2))");
	free(s);
	s = odp_key_to_string(NULL, 0, NULL, 0, 0);
	assert_string_equal(s, "<empty>");
	free(s);
}

static void test_one_attr(void **state)
{
	const char *s = "ipv4(src=10.0.0.1,ttl=63),1";
	struct odp_text t = ODP_TEXT_INIT;
	struct flow f;
	char err[128];

	flow_init(&f);
	assert_int_equal(odp_key_attr_parse(&s, &f.key, NULL, err, sizeof err),
			 0);
	assert_string_equal(s, ",1");
	odp_key_attr_format(&t, (const struct nlattr *)f.key.data, NULL, 0);
	assert_string_equal(odp_text_cstr(&t),
			    "ipv4(src=10.0.0.1,dst=0.0.0.0,proto=0,tos=0,"
			    "ttl=63,frag=no)");
	odp_text_free(&t);
	assert_string_equal(odp_text_cstr(&t), "");

	s = "eth(src=00:01:02:03:04:05/ff:ff:ff:00:00:00)";
	flow_init(&f);
	assert_int_equal(odp_key_attr_parse(&s, &f.key, &f.mask, err,
					    sizeof err), 0);
	odp_key_attr_format(&t, (const struct nlattr *)f.key.data,
			    (const struct nlattr *)f.mask.data, 0);
	assert_string_equal(odp_text_cstr(&t),
			    "eth(src=00:01:02:03:04:05/ff:ff:ff:00:00:00)");
	odp_text_free(&t);
}

/* ---- Errors ---- */

static void test_errors(void **state)
{
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{ "ipv4(src=10.0.0.300)",
		  "ipv4(src=10.0.0.300): invalid IPv4 address \"10.0.0.300\"" },
		{ "ipv4(dst=1.2.3.4/255.0.0.256)",
		  "ipv4(dst=1.2.3.4/255.0.0.256): invalid IPv4 mask "
		  "\"255.0.0.256\"" },
		{ "ipv4(src=1.2.3.4/33)",
		  "ipv4(src=1.2.3.4/33): invalid IPv4 mask \"33\"" },
		{ "ipv6(src=::1::2)",
		  "ipv6(src=::1::2): invalid IPv6 address \"::1::2\"" },
		{ "ipv6(src=::1/::zz)",
		  "ipv6(src=::1/::zz): invalid IPv6 mask \"::zz\"" },
		{ "eth(src=00:01:02:03:04)",
		  "eth(src=00:01:02:03:04): invalid Ethernet address "
		  "\"00:01:02:03:04\"" },
		{ "in_port(abc)", "in_port(abc): invalid number \"abc\"" },
		{ "in_port(-1)", "in_port(-1): invalid number \"-1\"" },
		{ "in_port(1,2)",
		  "in_port(1,2): expected \")\" after the value" },
		{ "skb_priority()", "skb_priority(): missing value" },
		{ "tcp_flags()", "tcp_flags(): missing value" },
		{ "tcp(src=70000)",
		  "tcp(src=70000): value 70000 is out of range (max 65535)" },
		{ "vlan(vid=99,pcp=7/0xe)",
		  "vlan(pcp=7/0xe): mask 0xe is out of range (max 7)" },
		{ "vlan(vid=4096)",
		  "vlan(vid=4096): value 4096 is out of range (max 4095)" },
		{ "ipv6(label=0x100000)",
		  "ipv6(label=0x100000): value 0x100000 is out of range "
		  "(max 1048575)" },
		{ "ipv4(bogus=1)", "ipv4(bogus=1): unknown field \"bogus\"" },
		{ "ipv4(src)", "ipv4(src): expected field=value" },
		{ "ipv4(src=1.2.3.4,src=1.2.3.5)",
		  "ipv4(src=1.2.3.5): duplicate field \"src\"" },
		{ "ipv4(frag=maybe)",
		  "ipv4(frag=maybe): invalid fragment type \"maybe\" "
		  "(expected no, first or later)" },
		{ "ipv4(frag=no/0xff)", "ipv4(frag=no/0xff): frag takes no mask" },
		{ "mpls(label=1,label=2,label=3,label=4)",
		  "mpls(label=4): more than 3 entries" },
		{ "tcp_flags(syn|bogus)",
		  "tcp_flags(syn|bogus): unknown flag \"bogus\"" },
		{ "tcp_flags(+syn|ack)",
		  "tcp_flags(+syn|ack): unknown flag \"syn|ack\"" },
		{ "tcp_flags(+syn+syn)",
		  "tcp_flags(+syn+syn): flag \"syn\" given twice" },
		{ "tcp_flags(+syn,ack)",
		  "tcp_flags(+syn,ack): unknown flag \"syn,ack\"" },
		{ "tcp_flags(0x1000)",
		  "tcp_flags(0x1000): unknown flag \"0x1000\"" },
		{ "ct_state(trk+new)",
		  "ct_state(trk+new): unknown flag \"trk+new\"" },
		{ "ct_state(0/0x100)",
		  "ct_state(0/0x100): invalid flags mask \"0x100\"" },
		{ "ct_label(0x1234567890abcdef1234567890abcdef0)",
		  "ct_label(0x1234567890abcdef1234567890abcdef0): invalid "
		  "128-bit number \"0x1234567890abcdef1234567890abcdef0\"" },
		{ "in_port(1),in_port(2)", "duplicate attribute \"in_port\"" },
		{ "eth_type(0x800),eth_type(0/0xffff)",
		  "duplicate attribute \"eth_type\"" },
		{ "eth_type(0/0xffff),eth_type(0x800)",
		  "duplicate attribute \"eth_type\"" },
		{ "foo(1)", "unknown attribute \"foo\"" },
		{ "key0x1(00)", "unknown attribute \"key0x1\"" },
		{ "key16384(00)", "unknown attribute \"key16384\"" },
		{ "tunnel(tun_id=0x1)", "attribute \"tunnel\" is not supported; "
		  "write it as key16(hex bytes)" },
		{ "key3(00 00 00 01)",
		  "attribute key3 has a name: write in_port(...)" },
		{ "key40(0g)", "key40(0g): expected hex bytes such as \"0a 1b\"" },
		{ "key40(01 02/ff)",
		  "key40(01 02/ff): expected a mask of 2 hex bytes" },
		{ "in_port 1", "in_port: expected \"(\"" },
		{ ")", "expected an attribute at \")\"" },
		{ "IN_PORT(1)", "expected an attribute at \"IN_PORT(1)\"" },
		{ "ipv4(src=1.2.3.4", "unterminated \"ipv4(\": missing \")\"" },
		{ "in_port(1", "unterminated \"in_port(\": missing \")\"" },
		{ "key40(01", "unterminated \"key40(\": missing \")\"" },
		{ "encap(in_port(1)", "unterminated \"encap(\": missing \")\"" },
		{ "<empty>x", "unexpected text after <empty>" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		check_error(cases[i].text, true, cases[i].msg);
	check_error("in_port(1/0xff)", false,
		    "in_port(1/0xff): masks are not allowed here");
	check_error("tcp_flags(+syn)", false,
		    "tcp_flags(+syn): masks are not allowed here");
	check_error("key40(00/00)", false,
		    "key40(00/00): masks are not allowed here");
}

/* OVS accepts 31 nested encap()s and refuses 32 (its odp.at tests 33). */
static void test_nesting_limit(void **state)
{
	char text[512] = "", *s;
	struct flow f;

	for (int i = 0; i < 31; i++)
		strcat(text, "encap(");
	for (int i = 0; i < 31; i++)
		strcat(text, ")");
	parse_ok(text, &f, true);
	s = print(&f, true, 0);
	assert_string_equal(s, text);
	free(s);
	memmove(text + 6, text, strlen(text) + 1);
	memcpy(text, "encap(", 6);
	strcat(text, ")");
	check_error(text, true, "encap() nested more than 31 deep");
}

static void test_buffer_too_small(void **state)
{
	u32 kmem[3], mmem[8];
	struct nlbuf key, mask;
	char err[128];

	nlbuf_init(&key, kmem, sizeof kmem);
	nlbuf_init(&mask, mmem, sizeof mmem);
	assert_int_equal(odp_key_parse("in_port(1),skb_mark(2)", &key, &mask,
				       err, sizeof err), ENOSPC);
	assert_string_equal(err, "flow key does not fit in its buffer");
	assert_int_equal(key.size, 0);
	assert_int_equal(mask.size, 0);
	assert_false(key.overflow);
	assert_int_equal(odp_key_parse("in_port(1)", &key, &mask, err,
				       sizeof err), 0);
	assert_int_equal(key.size, 8);
	assert_int_equal(odp_key_parse("eth_type(0x800)", &key, &mask, NULL,
				       0), ENOSPC);
	assert_int_equal(key.size, 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_odp_at_exact),
		cmocka_unit_test(test_odp_at_masked),
		cmocka_unit_test(test_real_dumps),
		cmocka_unit_test(test_verbose),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_ethernet),
		cmocka_unit_test(test_ethertype_8022),
		cmocka_unit_test(test_vlan_qinq),
		cmocka_unit_test(test_mpls),
		cmocka_unit_test(test_ipv4_ipv6),
		cmocka_unit_test(test_transport),
		cmocka_unit_test(test_tcp_flags),
		cmocka_unit_test(test_conntrack),
		cmocka_unit_test(test_generic),
		cmocka_unit_test(test_text_forms),
		cmocka_unit_test(test_attrs_round_trip),
		cmocka_unit_test(test_print_foreign),
		cmocka_unit_test(test_one_attr),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_buffer_too_small),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
