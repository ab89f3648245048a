/* The bridge layer's incremental application (vswitchd/bridge-apply.c):
 * exactly which ops a change between two configurations calls, failures
 * remembered and retried only when their row changes, datapath ids, the
 * string maps, and a bridge whose database cannot be reached. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "vswitchd/bridge-private.h"
#include "xalloc.h"

/* ---- recording ops ---- */

struct rec {
	char log[4096];
	const char *fail_port;		/* port_add of it fails */
	const char *fail_bridge;	/* bridge_add of it fails */
};

static void rec_printf(struct rec *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void rec_printf(struct rec *r, const char *fmt, ...)
{
	size_t len = strlen(r->log);
	va_list args;

	va_start(args, fmt);
	vsnprintf(r->log + len, sizeof r->log - len, fmt, args);
	va_end(args);
}

static int rec_bridge_add(void *aux, const struct bridge_cfg *c)
{
	struct rec *r = aux;

	rec_printf(r, "bridge_add %s %s;", c->name, c->datapath_type);
	return r->fail_bridge && !strcmp(c->name, r->fail_bridge) ? EEXIST : 0;
}

static int rec_bridge_mod(void *aux, const struct bridge_cfg *old,
			  const struct bridge_cfg *new)
{
	rec_printf(aux, "bridge_mod %s %s->%s;", new->name, old->fail_mode,
		   new->fail_mode);
	return 0;
}

static void rec_bridge_del(void *aux, const char *name)
{
	rec_printf(aux, "bridge_del %s;", name);
}

static int rec_port_add(void *aux, const char *br, const struct port_cfg *p)
{
	struct rec *r = aux;

	rec_printf(r, "port_add %s %s %d;", br, p->name, p->tag);
	return r->fail_port && !strcmp(p->name, r->fail_port) ? EIO : 0;
}

static int rec_port_mod(void *aux, const char *br, const struct port_cfg *old,
			const struct port_cfg *new)
{
	rec_printf(aux, "port_mod %s %s %d->%d;", br, new->name, old->tag,
		   new->tag);
	return 0;
}

static void rec_port_del(void *aux, const char *br, const char *port)
{
	rec_printf(aux, "port_del %s %s;", br, port);
}

static int rec_controllers_set(void *aux, const char *br,
			       const struct controller_cfg *c, size_t n)
{
	rec_printf(aux, "controllers_set %s %zu%s%s;", br, n, n ? " " : "",
		   n ? c[0].target : "");
	return 0;
}

static int rec_managers_set(void *aux, const char *const *t, size_t n)
{
	rec_printf(aux, "managers_set %zu%s%s;", n, n ? " " : "",
		   n ? t[0] : "");
	return 0;
}

static int rec_ssl_set(void *aux, const struct ssl_cfg *s)
{
	rec_printf(aux, "ssl_set %s;", s ? s->private_key : "none");
	return 0;
}

static int rec_ct_zones_set(void *aux, const char *type,
			    const struct ct_zone_cfg *z, size_t n)
{
	rec_printf(aux, "ct_zones_set %s %zu;", type, n);
	(void) z;
	return 0;
}

static const struct bridge_ops rec_ops = {
	.bridge_add = rec_bridge_add,
	.bridge_mod = rec_bridge_mod,
	.bridge_del = rec_bridge_del,
	.port_add = rec_port_add,
	.port_mod = rec_port_mod,
	.port_del = rec_port_del,
	.controllers_set = rec_controllers_set,
	.managers_set = rec_managers_set,
	.ssl_set = rec_ssl_set,
	.ct_zones_set = rec_ct_zones_set,
};

/* ---- building configurations (names added in sorted order) ---- */

static struct bridge_br *add_br(struct bridge_state *st, const char *name,
				const char *type)
{
	struct bridge_br *br;

	st->brs = xrealloc(st->brs, (st->n_brs + 1) * sizeof *st->brs);
	br = &st->brs[st->n_brs++];
	memset(br, 0, sizeof *br);
	br->cfg.name = xstrdup(name);
	br->cfg.datapath_type = xstrdup(type);
	br->cfg.fail_mode = xstrdup("standalone");
	bridge_smap_init(&br->cfg.other_config);
	return br;
}

static struct port_cfg *add_port(struct bridge_br *br, const char *name,
				 int tag)
{
	struct port_cfg *p;

	br->ports = xrealloc(br->ports, (br->n_ports + 1) * sizeof *br->ports);
	br->ports[br->n_ports].error = 0;
	p = &br->ports[br->n_ports++].cfg;
	port_cfg_init_single(p, name, "system");
	p->tag = tag;
	return p;
}

static void add_ctl(struct bridge_br *br, const char *target)
{
	br->ctls = xrealloc(br->ctls, (br->n_ctls + 1) * sizeof *br->ctls);
	memset(&br->ctls[br->n_ctls], 0, sizeof br->ctls[0]);
	br->ctls[br->n_ctls].target = xstrdup(target);
	br->ctls[br->n_ctls++].connection_mode = xstrdup("");
}

static void add_zone(struct bridge_state *st, const char *type, uint16_t zone,
		     const char *udp_first)
{
	struct bridge_dp *dp;

	if (!st->n_dps || strcmp(st->dps[st->n_dps - 1].type, type)) {
		st->dps = xrealloc(st->dps, (st->n_dps + 1) * sizeof *st->dps);
		dp = &st->dps[st->n_dps++];
		memset(dp, 0, sizeof *dp);
		dp->type = xstrdup(type);
	}
	dp = &st->dps[st->n_dps - 1];
	dp->zones = xrealloc(dp->zones, (dp->n_zones + 1) * sizeof *dp->zones);
	dp->zones[dp->n_zones].zone = zone;
	dp->zones[dp->n_zones].limit = -1;
	bridge_smap_init(&dp->zones[dp->n_zones].timeouts);
	bridge_smap_add(&dp->zones[dp->n_zones++].timeouts, "udp_first",
			udp_first);
}

/* Applies 'want' (emptied) on top of 'cur' and checks the ops called. */
static void expect_apply(struct bridge_state *cur, struct bridge_state *want,
			 struct rec *r, const char *ops)
{
	size_t n;

	r->log[0] = '\0';
	n = bridge_apply(&rec_ops, r, cur, want);
	assert_string_equal(r->log, ops);
	if (!*ops)
		assert_int_equal(n, 0);
	bridge_state_clear(want);
}

/* Applies 'want' (emptied) without checking: a starting point. */
static void apply_quiet(struct bridge_state *cur, struct bridge_state *want,
			struct rec *r)
{
	bridge_apply(&rec_ops, r, cur, want);
	bridge_state_clear(want);
}

/* The base configuration: br0 with its local port and p1 (tag 10), and
 * the ops that create it. */
#define BASE_OPS \
	"bridge_add br0 system;port_add br0 br0 -1;port_add br0 p1 10;"

static void set_str(char **field, const char *s)
{
	free(*field);
	*field = xstrdup(s);
}

static void base(struct bridge_state *st)
{
	struct bridge_br *br;

	memset(st, 0, sizeof *st);
	br = add_br(st, "br0", "system");
	add_port(br, "br0", -1);
	add_port(br, "p1", 10);
}

/* 'cur' as the daemon has it once the base configuration is applied. */
static void start_base(struct bridge_state *cur, struct rec *r)
{
	struct bridge_state want;

	base(&want);
	apply_quiet(cur, &want, r);
}

/* ---- the tests ---- */

static void test_first_apply_then_same(void **state)
{
	struct bridge_state cur = { 0 }, want;
	struct rec r = { .fail_port = NULL };

	(void) state;
	base(&want);
	expect_apply(&cur, &want, &r, BASE_OPS);
	base(&want);
	expect_apply(&cur, &want, &r, "");
	bridge_state_clear(&cur);
}

static void test_add_port_is_one_op(void **state)
{
	struct bridge_state cur = { 0 }, want;
	struct rec r = { .fail_port = NULL };

	(void) state;
	start_base(&cur, &r);
	base(&want);
	add_port(&want.brs[0], "p2", -1);
	expect_apply(&cur, &want, &r, "port_add br0 p2 -1;");
	base(&want);
	want.brs[0].ports[1].cfg.tag = 20;
	expect_apply(&cur, &want, &r,
		     "port_del br0 p2;port_mod br0 p1 10->20;");
	bridge_state_clear(&cur);
}

static void test_port_moves_between_bridges(void **state)
{
	struct bridge_state cur = { 0 }, want = { 0 };
	struct rec r = { .fail_port = NULL };

	(void) state;
	add_port(add_br(&want, "a", "system"), "p", 1);
	add_br(&want, "b", "system");
	expect_apply(&cur, &want, &r,
		     "bridge_add a system;port_add a p 1;bridge_add b system;");
	add_br(&want, "a", "system");
	add_port(add_br(&want, "b", "system"), "p", 1);
	expect_apply(&cur, &want, &r, "port_del a p;port_add b p 1;");
	bridge_state_clear(&cur);
}

static void test_datapath_type_change_recreates(void **state)
{
	struct bridge_state cur = { 0 }, want;
	struct rec r = { .fail_port = NULL };

	(void) state;
	start_base(&cur, &r);
	base(&want);
	set_str(&want.brs[0].cfg.datapath_type, "netdev");
	expect_apply(&cur, &want, &r,
		     "bridge_del br0;bridge_add br0 netdev;"
		     "port_add br0 br0 -1;port_add br0 p1 10;");
	/* Back to "system", with another fail mode: still a new bridge. */
	base(&want);
	set_str(&want.brs[0].cfg.fail_mode, "secure");
	expect_apply(&cur, &want, &r,
		     "bridge_del br0;" BASE_OPS);
	base(&want);
	expect_apply(&cur, &want, &r, "bridge_mod br0 secure->standalone;");
	bridge_state_clear(&cur);
}

static void test_failed_port_retried_on_change(void **state)
{
	struct bridge_state cur = { 0 }, want;
	struct rec r = { .fail_port = "p1" };

	(void) state;
	base(&want);
	expect_apply(&cur, &want, &r, BASE_OPS);
	assert_int_equal(cur.brs[0].ports[1].error, EIO);
	assert_int_equal(cur.brs[0].ports[0].error, 0);
	base(&want);
	expect_apply(&cur, &want, &r, "");
	assert_int_equal(cur.brs[0].ports[1].error, EIO);
	r.fail_port = NULL;
	base(&want);
	want.brs[0].ports[1].cfg.tag = 11;
	expect_apply(&cur, &want, &r, "port_add br0 p1 11;");
	assert_int_equal(cur.brs[0].ports[1].error, 0);
	bridge_state_clear(&cur);
}

static void test_failed_bridge_retried(void **state)
{
	struct bridge_state cur = { 0 }, want;
	struct rec r = { .fail_bridge = "br0" };

	(void) state;
	base(&want);
	expect_apply(&cur, &want, &r, "bridge_add br0 system;");
	assert_int_equal(cur.n_brs, 0);
	r.fail_bridge = NULL;
	base(&want);
	expect_apply(&cur, &want, &r, BASE_OPS);
	assert_int_equal(cur.n_brs, 1);
	bridge_state_clear(&cur);
}

static void test_globals(void **state)
{
	struct bridge_state cur = { 0 }, want;
	struct rec r = { .fail_port = NULL };

	(void) state;
	base(&want);
	add_ctl(&want.brs[0], "tcp:1.2.3.4:6653");
	want.managers = xcalloc(1, sizeof *want.managers);
	want.managers[want.n_managers++] = xstrdup("ptcp:6640");
	want.ssl = xcalloc(1, sizeof *want.ssl);
	want.ssl->private_key = xstrdup("/k");
	want.ssl->certificate = xstrdup("/c");
	want.ssl->ca_cert = xstrdup("/ca");
	add_zone(&want, "netdev", 3, "30");
	expect_apply(&cur, &want, &r,
		     "ssl_set /k;managers_set 1 ptcp:6640;"
		     BASE_OPS "controllers_set br0 1 tcp:1.2.3.4:6653;"
		     "ct_zones_set netdev 1;");
	base(&want);
	add_zone(&want, "netdev", 3, "31");
	expect_apply(&cur, &want, &r,
		     "ssl_set none;managers_set 0;controllers_set br0 0;"
		     "ct_zones_set netdev 1;");
	base(&want);
	add_zone(&want, "netdev", 3, "31");
	expect_apply(&cur, &want, &r, "");
	base(&want);
	expect_apply(&cur, &want, &r, "ct_zones_set netdev 0;");
	bridge_state_clear(&cur);
}

static void test_missing_ops(void **state)
{
	static const struct bridge_ops none = { .bridge_add = NULL };
	struct bridge_state cur = { 0 }, want;

	(void) state;
	base(&want);
	assert_int_equal(bridge_apply(&none, NULL, &cur, &want), 3);
	assert_int_equal(cur.n_brs, 1);
	assert_int_equal(want.n_brs, 0);
	assert_int_equal(bridge_apply(&none, NULL, &cur, &want), 1);
	assert_int_equal(cur.n_brs, 0);
}

static void test_derive_dpid(void **state)
{
	struct bridge_smap oc;
	uint64_t h;

	(void) state;
	bridge_smap_init(&oc);
	h = bridge_derive_dpid("br0", &oc);
	assert_int_equal(h >> 48, 0);
	assert_int_equal((h >> 40) & 3, 2);	/* local, not multicast */
	assert_int_equal(bridge_derive_dpid("br0", &oc), h);
	assert_true(bridge_derive_dpid("br1", &oc) != h);

	bridge_smap_add(&oc, "datapath-id", "00000000000000AB");
	assert_int_equal(bridge_derive_dpid("br0", &oc), 0xab);
	bridge_smap_add(&oc, "datapath-id", "0000000000000ab");	/* 15 */
	assert_int_equal(bridge_derive_dpid("br0", &oc), h);
	bridge_smap_add(&oc, "datapath-id", "0000000000000000");
	assert_int_equal(bridge_derive_dpid("br0", &oc), h);
	bridge_smap_add(&oc, "datapath-id", "000000000000000g");
	assert_int_equal(bridge_derive_dpid("br0", &oc), h);

	bridge_smap_add(&oc, "hwaddr", "0a:0b:0c:0d:0e:0f");
	assert_int_equal(bridge_derive_dpid("br0", &oc), 0x0a0b0c0d0e0fULL);
	bridge_smap_add(&oc, "hwaddr", "01:00:00:00:00:01");	/* multicast */
	assert_int_equal(bridge_derive_dpid("br0", &oc), h);
	bridge_smap_add(&oc, "hwaddr", "00:00:00:00:00:00");
	assert_int_equal(bridge_derive_dpid("br0", &oc), h);
	bridge_smap_add(&oc, "hwaddr", "0a:0b:0c:0d:0e:0f:10");
	assert_int_equal(bridge_derive_dpid("br0", &oc), h);
	bridge_smap_clear(&oc);
}

static void test_smap(void **state)
{
	struct bridge_smap a, b;

	(void) state;
	bridge_smap_init(&a);
	assert_null(bridge_smap_get(&a, "x"));
	bridge_smap_add(&a, "m", "1");
	bridge_smap_add(&a, "c", "2");
	bridge_smap_add(&a, "x", "3");
	bridge_smap_add(&a, "c", "4");
	assert_int_equal(a.n, 3);
	assert_string_equal(a.keys[0], "c");
	assert_string_equal(a.keys[2], "x");
	assert_string_equal(bridge_smap_get(&a, "c"), "4");
	bridge_smap_clone(&b, &a);
	assert_true(bridge_smap_equal(&a, &b));
	bridge_smap_add(&b, "m", "5");
	assert_false(bridge_smap_equal(&a, &b));
	bridge_smap_clear(&a);
	bridge_smap_clear(&b);
	assert_int_equal(a.n, 0);
}

static void test_unreachable_database(void **state)
{
	struct rec r = { .fail_port = NULL };
	struct bridge *b = bridge_create("unix:/nonexistent/weir-db.sock",
					 &rec_ops, &r);

	(void) state;
	bridge_run(b);
	assert_false(bridge_is_connected(b));
	assert_true(bridge_timeout_ms(b) > 0);
	assert_true(bridge_timeout_ms(b) <= 100);
	bridge_run(b);		/* too early: no second attempt */
	assert_string_equal(r.log, "");
	bridge_destroy(b);
	bridge_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_apply_then_same),
		cmocka_unit_test(test_add_port_is_one_op),
		cmocka_unit_test(test_port_moves_between_bridges),
		cmocka_unit_test(test_datapath_type_change_recreates),
		cmocka_unit_test(test_failed_port_retried_on_change),
		cmocka_unit_test(test_failed_bridge_retried),
		cmocka_unit_test(test_globals),
		cmocka_unit_test(test_missing_ops),
		cmocka_unit_test(test_derive_dpid),
		cmocka_unit_test(test_smap),
		cmocka_unit_test(test_unreachable_database),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
