/* NORMAL's VLAN rules per port mode: what each mode accepts, which VLAN
 * the frame is in inside the bridge, which ports carry it, and the tags
 * it leaves with. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "port-vlan.h"

#define Q 0x8100
#define AD 0x88a8

static struct vlan_tags untagged(void)
{
	struct vlan_tags t;

	memset(&t, 0, sizeof t);
	return t;
}

static struct vlan_tags tagged(uint16_t tpid, uint16_t vid, uint8_t pcp)
{
	struct vlan_tags t = untagged();

	t.v[0] = (struct vlan_tag){ tpid, vid, pcp };
	return t;
}

static struct vlan_tags double_tagged(uint16_t outer, uint16_t inner)
{
	struct vlan_tags t = untagged();

	t.v[0] = (struct vlan_tag){ AD, outer, 0 };
	t.v[1] = (struct vlan_tag){ Q, inner, 0 };
	return t;
}

static void configure(struct port_vlan *pv, const char *mode, int tag,
		      const int64_t *trunks, size_t n)
{
	port_vlan_configure(pv, mode, tag, trunks, n, NULL, 0, NULL);
}

static void assert_tag(const struct vlan_tag *t, uint16_t tpid, uint16_t vid,
		       uint8_t pcp)
{
	assert_int_equal(t->tpid, tpid);
	assert_int_equal(t->vid, vid);
	assert_int_equal(t->pcp, pcp);
}

static void test_default_modes(void **state)
{
	static const int64_t trunks[] = { 10 };
	struct port_vlan pv;

	assert_null(port_vlan_configure(&pv, NULL, 5, NULL, 0, NULL, 0, NULL));
	assert_int_equal(pv.mode, PORT_VLAN_ACCESS);
	assert_int_equal(pv.vlan, 5);
	assert_null(port_vlan_configure(&pv, "", -1, trunks, 1, NULL, 0,
					NULL));
	assert_int_equal(pv.mode, PORT_VLAN_TRUNK);
	assert_false(pv.all_vlans);
	/* A tag wins over trunks, with a warning. */
	assert_string_equal(port_vlan_configure(&pv, NULL, 5, trunks, 1, NULL,
						0, NULL),
			    "ignoring trunks in favor of implicit vlan");
	assert_int_equal(pv.mode, PORT_VLAN_ACCESS);
	assert_non_null(port_vlan_configure(&pv, "bogus", -1, NULL, 0, NULL,
					    0, NULL));
	assert_int_equal(pv.mode, PORT_VLAN_TRUNK);
	assert_string_equal(port_vlan_mode_name(PORT_VLAN_NATIVE_UNTAGGED),
			    "native-untagged");
}

static void test_access(void **state)
{
	struct vlan_tags in, inside, out;
	struct port_vlan pv;
	const char *why = NULL;

	configure(&pv, "access", 10, NULL, 0);
	in = untagged();
	assert_true(port_vlan_input(&pv, &in, &inside, &why));
	assert_tag(&inside.v[0], Q, 10, 0);
	/* A priority tag keeps its priority; any VID is dropped, even 10. */
	in = tagged(Q, 0, 5);
	assert_true(port_vlan_input(&pv, &in, &inside, &why));
	assert_tag(&inside.v[0], Q, 10, 5);
	in = tagged(Q, 10, 0);
	assert_false(port_vlan_input(&pv, &in, &inside, &why));
	assert_string_equal(why, "tagged frame on an access port");

	assert_true(port_vlan_includes(&pv, &(struct vlan_tags){
		{ { Q, 10, 3 } } }));
	assert_false(port_vlan_includes(&pv, &(struct vlan_tags){
		{ { Q, 11, 0 } } }));
	assert_false(port_vlan_includes(&pv, &(struct vlan_tags){
		{ { AD, 10, 0 }, { Q, 20, 0 } } }));
	port_vlan_output(&pv, &(struct vlan_tags){ { { Q, 10, 3 } } }, &out);
	assert_int_equal(out.v[0].tpid, 0);
}

static void test_trunk(void **state)
{
	static const int64_t trunks[] = { 10, 20, 5000 };
	struct vlan_tags in, inside, out;
	struct port_vlan all, some;
	const char *why;

	configure(&all, "trunk", -1, NULL, 0);
	configure(&some, "trunk", -1, trunks, 3);
	/* Untagged frames are VLAN 0: every VLAN includes it, a list needs 0. */
	in = untagged();
	assert_true(port_vlan_input(&all, &in, &inside, &why));
	assert_int_equal(inside.v[0].tpid, 0);
	assert_false(port_vlan_input(&some, &in, &inside, &why));
	assert_string_equal(why, "VLAN not trunked by the port");
	in = tagged(Q, 20, 2);
	assert_true(port_vlan_input(&some, &in, &inside, &why));
	assert_tag(&inside.v[0], Q, 20, 2);
	in = tagged(Q, 30, 0);
	assert_false(port_vlan_input(&some, &in, &inside, &why));
	assert_true(port_vlan_input(&all, &in, &inside, &why));

	assert_true(port_vlan_includes(&some, &(struct vlan_tags){
		{ { Q, 10, 0 } } }));
	assert_false(port_vlan_includes(&some, &(struct vlan_tags){
		{ { Q, 11, 0 } } }));
	port_vlan_output(&some, &(struct vlan_tags){ { { Q, 10, 1 } } }, &out);
	assert_tag(&out.v[0], Q, 10, 1);
	/* VLAN 0 with no priority leaves untagged. */
	port_vlan_output(&all, &(struct vlan_tags){ { { Q, 0, 0 } } }, &out);
	assert_int_equal(out.v[0].tpid, 0);
}

static void test_native(void **state)
{
	static const int64_t trunks[] = { 0, 20 };
	struct vlan_tags in, inside, out;
	struct port_vlan tagged_pv, untagged_pv;
	const char *why;

	configure(&tagged_pv, "native-tagged", 10, trunks, 2);
	configure(&untagged_pv, "native-untagged", 10, trunks, 2);
	/* The native VLAN is always trunked, VLAN 0 never. */
	assert_true(port_vlan_includes(&tagged_pv, &(struct vlan_tags){
		{ { Q, 10, 0 } } }));
	assert_false(port_vlan_includes(&tagged_pv, &(struct vlan_tags){
		{ { 0, 0, 0 } } }));
	assert_true(port_vlan_includes(&tagged_pv, &(struct vlan_tags){
		{ { Q, 20, 0 } } }));
	assert_false(port_vlan_includes(&tagged_pv, &(struct vlan_tags){
		{ { Q, 30, 0 } } }));

	in = untagged();
	assert_true(port_vlan_input(&untagged_pv, &in, &inside, &why));
	assert_tag(&inside.v[0], Q, 10, 0);
	in = tagged(Q, 20, 4);
	assert_true(port_vlan_input(&untagged_pv, &in, &inside, &why));
	assert_tag(&inside.v[0], Q, 20, 4);
	in = tagged(Q, 30, 0);
	assert_false(port_vlan_input(&tagged_pv, &in, &inside, &why));

	/* Native-tagged tags the native VLAN on the way out; native-untagged
	 * strips it, and only it. */
	port_vlan_output(&tagged_pv, &(struct vlan_tags){ { { Q, 10, 0 } } },
			 &out);
	assert_tag(&out.v[0], Q, 10, 0);
	port_vlan_output(&untagged_pv, &(struct vlan_tags){ { { Q, 10, 0 } } },
			 &out);
	assert_int_equal(out.v[0].tpid, 0);
	port_vlan_output(&untagged_pv, &(struct vlan_tags){ { { Q, 20, 0 } } },
			 &out);
	assert_tag(&out.v[0], Q, 20, 0);
}

/* Without trunks, a native port carries every VLAN but 0. */
static void test_native_all(void **state)
{
	struct port_vlan pv;

	configure(&pv, "native-untagged", 10, NULL, 0);
	assert_true(port_vlan_includes(&pv, &(struct vlan_tags){
		{ { Q, 4000, 0 } } }));
	assert_false(port_vlan_includes(&pv, &(struct vlan_tags){
		{ { 0, 0, 0 } } }));
}

static void test_dot1q_tunnel(void **state)
{
	static const int64_t cvlans[] = { 100 };
	struct vlan_tags in, inside, out;
	struct port_vlan pv, any;
	const char *why;

	port_vlan_configure(&pv, "dot1q-tunnel", 7, NULL, 0, cvlans, 1, NULL);
	port_vlan_configure(&any, "dot1q-tunnel", 7, NULL, 0, NULL, 0,
			    "802.1q");
	/* Whatever arrives is wrapped in the service VLAN. */
	in = tagged(Q, 100, 3);
	assert_true(port_vlan_input(&pv, &in, &inside, &why));
	assert_tag(&inside.v[0], AD, 7, 0);
	assert_tag(&inside.v[1], Q, 100, 3);
	in = tagged(Q, 101, 0);
	assert_false(port_vlan_input(&pv, &in, &inside, &why));
	assert_string_equal(why,
			    "customer VLAN excluded by the dot1q-tunnel port");
	in = untagged();
	assert_true(port_vlan_input(&any, &in, &inside, &why));
	assert_tag(&inside.v[0], Q, 7, 0);
	assert_int_equal(inside.v[1].tpid, 0);

	in = double_tagged(7, 100);
	assert_true(port_vlan_includes(&pv, &in));
	in = double_tagged(7, 101);
	assert_false(port_vlan_includes(&pv, &in));
	assert_true(port_vlan_includes(&any, &in));
	in = double_tagged(8, 100);
	assert_false(port_vlan_includes(&pv, &in));
	/* Leaving, the service tag comes off and the customer's shows. */
	port_vlan_output(&pv, &(struct vlan_tags){
		{ { AD, 7, 0 }, { Q, 100, 3 } } }, &out);
	assert_tag(&out.v[0], Q, 100, 3);
	assert_int_equal(out.v[1].tpid, 0);
}

/* A trunk in QinQ: the outer tag decides, the inner one rides along. */
static void test_trunk_double_tagged(void **state)
{
	static const int64_t trunks[] = { 7 };
	struct vlan_tags in, inside, out;
	struct port_vlan pv;
	const char *why;

	configure(&pv, "trunk", -1, trunks, 1);
	in = double_tagged(7, 100);
	assert_true(port_vlan_input(&pv, &in, &inside, &why));
	assert_memory_equal(&inside, &in, sizeof in);
	port_vlan_output(&pv, &inside, &out);
	assert_memory_equal(&out, &in, sizeof in);
}

/* The ports of record-port-vlan.py, and what Debian's ovs-vswitchd did
 * with a broadcast frame arriving on each with each tag stack. */
struct oracle_port {
	uint32_t ofport;
	const char *mode;
	int tag;
	int64_t trunks[2], cvlans[2];
	size_t n_trunks, n_cvlans;
	const char *qinq;
};

static const struct oracle_port oracle_ports[] = {
	{ 1, "access", 10, { 0 }, { 0 }, 0, 0, NULL },
	{ 2, "trunk", -1, { 10, 20 }, { 0 }, 2, 0, NULL },
	{ 3, "native-untagged", 10, { 20 }, { 0 }, 1, 0, NULL },
	{ 4, "native-tagged", 10, { 0 }, { 0 }, 0, 0, NULL },
	{ 5, "dot1q-tunnel", 10, { 0 }, { 0 }, 0, 0, NULL },
	{ 6, NULL, -1, { 0 }, { 0 }, 0, 0, NULL },
	{ 7, "dot1q-tunnel", 20, { 0 }, { 100, 101 }, 0, 2, "802.1q" },
	{ 8, "trunk", -1, { 0, 30 }, { 0 }, 2, 0, NULL },
	{ 9, "access", -1, { 0 }, { 0 }, 0, 0, NULL },
	{ 10, "native-untagged", 30, { 0, 20 }, { 0 }, 2, 0, NULL },
	{ 100, NULL, -1, { 0 }, { 0 }, 0, 0, NULL },    /* br0, internal */
};
#define N_ORACLE_PORTS (sizeof oracle_ports / sizeof *oracle_ports)

static const struct oracle_case {
	uint32_t in_port;
	const char *in_tags;
	const char *outputs;
} oracle_cases[] = {
#include "test-port-vlan-ovs-data.h"
};

static struct vlan_tags parse_tags(const char *s)
{
	struct vlan_tags t = untagged();
	unsigned int tpid, vid, pcp;
	int i = 0, n;

	while (*s != '-' && sscanf(s, "%x/%u/%u%n", &tpid, &vid, &pcp, &n) == 3) {
		t.v[i++] = (struct vlan_tag){ tpid, vid, pcp };
		s += n + (s[n] == '+');
	}
	return t;
}

static void format_tags(char *buf, const struct vlan_tags *t)
{
	buf[0] = '\0';
	for (int i = 0; i < 2 && t->v[i].tpid; i++)
		sprintf(buf + strlen(buf), "%s%x/%u/%u", i ? "+" : "",
			t->v[i].tpid, t->v[i].vid, t->v[i].pcp);
	if (!buf[0])
		strcpy(buf, "-");
}

/* Floods 'in' from 'in_port' the way NORMAL does: every other port that
 * carries the frame's VLAN, with that port's tags. */
static void flood(const struct port_vlan *pvs, uint32_t in_port,
		  const struct vlan_tags *in, char *out)
{
	struct vlan_tags inside, tags;
	const struct port_vlan *in_pv = NULL;
	const char *why;
	char buf[64];

	out[0] = '\0';
	for (size_t i = 0; i < N_ORACLE_PORTS; i++)
		if (oracle_ports[i].ofport == in_port)
			in_pv = &pvs[i];
	if (!port_vlan_input(in_pv, in, &inside, &why))
		return;
	for (size_t i = 0; i < N_ORACLE_PORTS; i++) {
		if (oracle_ports[i].ofport == in_port ||
		    !port_vlan_includes(&pvs[i], &inside))
			continue;
		port_vlan_output(&pvs[i], &inside, &tags);
		format_tags(buf, &tags);
		sprintf(out + strlen(out), "%s%u:%s", out[0] ? " " : "",
			oracle_ports[i].ofport, buf);
	}
}

static void test_ovs_oracle(void **state)
{
	struct port_vlan pvs[N_ORACLE_PORTS];
	char out[1024];

	for (size_t i = 0; i < N_ORACLE_PORTS; i++) {
		const struct oracle_port *p = &oracle_ports[i];

		port_vlan_configure(&pvs[i], p->mode, p->tag, p->trunks,
				    p->n_trunks, p->cvlans, p->n_cvlans,
				    p->qinq);
	}
	for (size_t i = 0; i < sizeof oracle_cases / sizeof *oracle_cases;
	     i++) {
		const struct oracle_case *c = &oracle_cases[i];
		struct vlan_tags in = parse_tags(c->in_tags);

		flood(pvs, c->in_port, &in, out);
		if (strcmp(out, c->outputs)) {
			fail_msg("in_port %u tags %s: expected \"%s\", got "
				 "\"%s\"", c->in_port, c->in_tags, c->outputs,
				 out);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_modes),
		cmocka_unit_test(test_access),
		cmocka_unit_test(test_trunk),
		cmocka_unit_test(test_native),
		cmocka_unit_test(test_native_all),
		cmocka_unit_test(test_dot1q_tunnel),
		cmocka_unit_test(test_trunk_double_tagged),
		cmocka_unit_test(test_ovs_oracle),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
