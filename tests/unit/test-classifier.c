/* The classifier: priorities, replace and remove, versions, loose and
 * strict selection, overlap, conjunctive matches, how narrow the reported
 * wildcards are, a randomized comparison with a linear classifier (results
 * and the wildcard promise), and lookups racing a writer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <arpa/inet.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "classifier.h"
#include "compat.h"

/* A rule as an owner keeps it: the cls_rule embedded, freed after RCU. */
struct trule {
	struct cls_rule cr;
	struct rcu_head rcu;
	int id;
};

static void parse_match(const char *text, struct of_match *m)
{
	char *err = of_match_parse(text, m);

	if (err)
		fail_msg("%s: %s", text, err);
}

static struct trule *trule_new(const char *text, int priority)
{
	struct trule *r = calloc(1, sizeof *r);
	struct of_match m;

	parse_match(text, &m);
	cls_rule_init(&r->cr, &m, priority);
	return r;
}

static void trule_free(struct trule *r)
{
	cls_rule_destroy(&r->cr);
	free(r);
}

static void trule_free_rcu(struct rcu_head *rcu)
{
	trule_free(container_of(rcu, struct trule, rcu));
}

static struct trule *add(struct classifier *cls, const char *text,
			 int priority)
{
	struct trule *r = trule_new(text, priority);

	classifier_insert(cls, &r->cr, CLS_MIN_VERSION, NULL, 0);
	return r;
}

static void del(struct classifier *cls, struct trule *r)
{
	assert_true(classifier_remove(cls, &r->cr));
	trule_free(r);
}

/* The flow whose fields 'text' sets (as a match, ignoring its mask). */
static struct of_flow flow_of(const char *text)
{
	struct of_match m;

	parse_match(text, &m);
	return m.flow;
}

static const struct cls_rule *lookup_text(const struct classifier *cls,
					  cls_version_t version,
					  const char *text, struct of_flow *wc)
{
	struct of_flow f = flow_of(text);
	const struct cls_rule *r;

	rcu_read_lock();
	r = classifier_lookup(cls, version, &f, wc);
	rcu_read_unlock();
	return r;
}

static const struct cls_rule *lookup1(const struct classifier *cls,
				      const char *text)
{
	return lookup_text(cls, CLS_MIN_VERSION, text, NULL);
}

static bool flow_is_zero(const struct of_flow *f)
{
	static const struct of_flow zero;

	return !memcmp(f, &zero, sizeof zero);
}

/* Empties and destroys 'cls' (every rule in it must be visible). */
static void remove_all(struct classifier *cls)
{
	const struct cls_rule *cr;

	CLS_FOR_EACH_TARGET (cr, c, cls, NULL, CLS_MAX_VERSION) {
		assert_true(classifier_remove(cls, cr));
		trule_free(container_of(cr, struct trule, cr));
	}
	assert_int_equal(classifier_count(cls), 0);
	classifier_destroy(cls);
}

/* ---- rules ---- */

static void test_rule_basics(void **state)
{
	struct trule *a = trule_new("ip,nw_dst=10.0.0.0/8", 5);
	struct trule *b = trule_new("ip,nw_dst=10.0.0.0/8", 5);
	struct trule *c = trule_new("ip,nw_dst=10.0.0.0/8", 6);
	struct cls_rule clone;
	struct of_match crit;

	assert_true(cls_rule_equal(&a->cr, &b->cr));
	assert_false(cls_rule_equal(&a->cr, &c->cr));
	cls_rule_clone(&clone, &c->cr);
	assert_true(cls_rule_equal(&clone, &c->cr));
	assert_ptr_not_equal(clone.match, c->cr.match);
	assert_null(clone.cls_match);
	cls_rule_destroy(&clone);

	/* Bits under the wildcards do not count. */
	parse_match("ip,nw_dst=10.0.0.0/8", &crit);
	crit.flow.nw_dst |= htonl(0xff);
	crit.flow.tp_src = 7;
	cls_rule_init(&clone, &crit, 5);
	assert_true(cls_rule_equal(&clone, &a->cr));
	cls_rule_destroy(&clone);

	/* Loose: the criteria's fields, no wider in the rule, same values. */
	parse_match("ip", &crit);
	assert_true(cls_rule_is_loose_match(&a->cr, &crit));
	parse_match("ip,nw_dst=10.0.0.0/8", &crit);
	assert_true(cls_rule_is_loose_match(&a->cr, &crit));
	parse_match("ip,nw_dst=10.1.0.0/16", &crit);
	assert_false(cls_rule_is_loose_match(&a->cr, &crit));
	parse_match("ip,nw_dst=11.0.0.0/8", &crit);
	assert_false(cls_rule_is_loose_match(&a->cr, &crit));
	parse_match("ip,nw_dst=10.0.0.0/7", &crit);
	assert_true(cls_rule_is_loose_match(&a->cr, &crit));
	parse_match("in_port=1", &crit);
	assert_false(cls_rule_is_loose_match(&a->cr, &crit));
	of_match_init_catchall(&crit);
	assert_true(cls_rule_is_loose_match(&a->cr, &crit));

	/* Outside a classifier a rule is visible everywhere. */
	assert_true(cls_rule_visible_in_version(&a->cr, 0));
	assert_true(cls_rule_visible_in_version(&a->cr, CLS_MAX_VERSION));
	trule_free(a);
	trule_free(b);
	trule_free(c);
}

/* ---- priorities, replace, remove ---- */

static void test_priorities(void **state)
{
	struct classifier cls;
	struct trule *any, *port, *ip, *web;

	classifier_init(&cls);
	assert_true(classifier_is_empty(&cls));
	assert_null(lookup1(&cls, "in_port=1"));
	any = add(&cls, "", 0);
	port = add(&cls, "in_port=1", 10);
	ip = add(&cls, "ip,nw_dst=10.0.0.0/8", 20);
	web = add(&cls, "tcp,nw_dst=10.0.0.1,tp_dst=80", 30);
	assert_int_equal(classifier_count(&cls), 4);
	assert_false(classifier_is_empty(&cls));

	assert_ptr_equal(lookup1(&cls, "in_port=2"), &any->cr);
	assert_ptr_equal(lookup1(&cls, "in_port=1"), &port->cr);
	assert_ptr_equal(lookup1(&cls, "in_port=1,ip,nw_dst=10.9.9.9"),
			 &ip->cr);
	assert_ptr_equal(lookup1(&cls, "in_port=1,tcp,nw_dst=10.0.0.1,"
				 "tp_dst=80"), &web->cr);
	assert_ptr_equal(lookup1(&cls, "in_port=1,tcp,nw_dst=10.0.0.1,"
				 "tp_dst=81"), &ip->cr);

	del(&cls, ip);
	assert_ptr_equal(lookup1(&cls, "in_port=1,ip,nw_dst=10.9.9.9"),
			 &port->cr);
	assert_true(classifier_remove(&cls, &port->cr));
	assert_false(classifier_remove(&cls, &port->cr));
	trule_free(port);
	assert_ptr_equal(lookup1(&cls, "in_port=1,ip,nw_dst=10.9.9.9"),
			 &any->cr);
	assert_int_equal(classifier_count(&cls), 2);
	remove_all(&cls);
}

static void test_replace(void **state)
{
	struct classifier cls;
	struct trule *a = trule_new("in_port=3", 7);
	struct trule *b = trule_new("in_port=3", 7);
	struct trule *c = trule_new("in_port=3", 8);

	classifier_init(&cls);
	assert_null(classifier_replace(&cls, &a->cr, 0, NULL, 0));
	/* A rule already in is left alone. */
	classifier_insert(&cls, &a->cr, 0, NULL, 0);
	assert_null(classifier_replace(&cls, &a->cr, 0, NULL, 0));
	assert_int_equal(classifier_count(&cls), 1);
	assert_ptr_equal(classifier_replace(&cls, &b->cr, 0, NULL, 0), &a->cr);
	assert_null(a->cr.cls_match);
	assert_false(classifier_remove(&cls, &a->cr));
	trule_free(a);
	assert_int_equal(classifier_count(&cls), 1);
	assert_ptr_equal(lookup1(&cls, "in_port=3"), &b->cr);
	/* Another priority is another rule. */
	assert_null(classifier_replace(&cls, &c->cr, 0, NULL, 0));
	assert_int_equal(classifier_count(&cls), 2);
	assert_ptr_equal(lookup1(&cls, "in_port=3"), &c->cr);
	del(&cls, c);
	assert_ptr_equal(lookup1(&cls, "in_port=3"), &b->cr);
	remove_all(&cls);
}

/* ---- versions ---- */

static void test_versions(void **state)
{
	struct classifier cls;
	struct trule *old = trule_new("in_port=1", 5);
	struct trule *new = trule_new("in_port=1", 6);
	struct trule *v2 = trule_new("in_port=2", 5);
	const struct cls_rule *cr;
	struct cls_cursor c;
	int n;

	classifier_init(&cls);
	classifier_insert(&cls, &old->cr, 1, NULL, 0);
	classifier_insert(&cls, &v2->cr, 2, NULL, 0);
	assert_null(lookup_text(&cls, 0, "in_port=1", NULL));
	assert_ptr_equal(lookup_text(&cls, 1, "in_port=1", NULL), &old->cr);
	assert_null(lookup_text(&cls, 1, "in_port=2", NULL));
	assert_ptr_equal(lookup_text(&cls, 2, "in_port=2", NULL), &v2->cr);
	assert_false(cls_rule_visible_in_version(&v2->cr, 1));
	assert_true(cls_rule_visible_in_version(&v2->cr, 2));
	assert_null(classifier_find_rule_exactly(&cls, &v2->cr, 1));
	assert_ptr_equal(classifier_find_rule_exactly(&cls, &v2->cr, 9),
			 &v2->cr);

	/* A bundle replacing 'old' by 'new' from version 3. */
	cls_rule_make_invisible_in_version(&old->cr, 3);
	classifier_insert(&cls, &new->cr, 3, NULL, 0);
	assert_ptr_equal(lookup_text(&cls, 2, "in_port=1", NULL), &old->cr);
	assert_ptr_equal(lookup_text(&cls, 3, "in_port=1", NULL), &new->cr);
	assert_false(cls_rule_visible_in_version(&old->cr, 3));
	assert_true(cls_rule_visible_in_version(&old->cr, 2));

	/* Only rules visible in the version are walked. */
	n = 0;
	c = cls_cursor_start(&cls, NULL, 2);
	while ((cr = cls_cursor_next(&c)))
		n++;
	assert_int_equal(n, 2);
	n = 0;
	c = cls_cursor_start(&cls, NULL, CLS_MAX_VERSION);
	while ((cr = cls_cursor_next(&c)))
		n++;
	assert_int_equal(n, 2);

	/* Discarding the bundle. */
	classifier_remove(&cls, &new->cr);
	trule_free(new);
	cls_rule_restore_visibility(&old->cr);
	assert_ptr_equal(lookup_text(&cls, 3, "in_port=1", NULL), &old->cr);
	assert_ptr_equal(lookup_text(&cls, CLS_MAX_VERSION, "in_port=1", NULL),
			 &old->cr);

	/* An identical rule invisible in the version is not replaced. */
	cls_rule_make_invisible_in_version(&old->cr, 4);
	new = trule_new("in_port=1", 5);
	assert_null(classifier_replace(&cls, &new->cr, 4, NULL, 0));
	assert_ptr_equal(lookup_text(&cls, 3, "in_port=1", NULL), &old->cr);
	assert_ptr_equal(lookup_text(&cls, 4, "in_port=1", NULL), &new->cr);
	assert_ptr_equal(classifier_find_rule_exactly(&cls, &new->cr, 3),
			 &old->cr);
	del(&cls, old);
	remove_all(&cls);
}

/* ---- loose and strict selection ---- */

static int count_loose(const struct classifier *cls, const char *text)
{
	struct of_match target;
	struct cls_cursor c;
	int n = 0;

	parse_match(text, &target);
	c = cls_cursor_start(cls, &target, CLS_MAX_VERSION);
	while (cls_cursor_next(&c))
		n++;
	return n;
}

static void test_loose_strict(void **state)
{
	struct classifier cls;
	struct of_match m;

	classifier_init(&cls);
	add(&cls, "ip,nw_dst=10.0.0.0/8", 1);
	add(&cls, "ip,nw_dst=10.1.0.0/16", 1);
	add(&cls, "ip,nw_dst=10.1.0.0/16", 2);
	add(&cls, "tcp,nw_dst=10.1.2.3,tp_dst=22", 3);
	add(&cls, "arp", 4);
	add(&cls, "", 0);

	assert_int_equal(count_loose(&cls, ""), 6);
	assert_int_equal(count_loose(&cls, "ip"), 4);
	assert_int_equal(count_loose(&cls, "ip,nw_dst=10.0.0.0/8"), 4);
	assert_int_equal(count_loose(&cls, "ip,nw_dst=10.1.0.0/16"), 3);
	assert_int_equal(count_loose(&cls, "tcp"), 1);
	assert_int_equal(count_loose(&cls, "ip,nw_dst=10.1.2.3"), 1);
	assert_int_equal(count_loose(&cls, "udp"), 0);

	parse_match("ip,nw_dst=10.1.0.0/16", &m);
	assert_int_equal(classifier_find_match_exactly(&cls, &m, 2,
						       CLS_MAX_VERSION)->priority,
			 2);
	assert_non_null(classifier_find_match_exactly(&cls, &m, 1, 0));
	assert_null(classifier_find_match_exactly(&cls, &m, 3, 0));
	parse_match("ip,nw_dst=10.1.0.0/15", &m);
	assert_null(classifier_find_match_exactly(&cls, &m, 1, 0));

	/* Removing while walking. */
	{
		struct cls_cursor c;
		const struct cls_rule *cr;
		struct of_match t;
		int n = 0;

		parse_match("ip", &t);
		c = cls_cursor_start(&cls, &t, CLS_MAX_VERSION);
		while ((cr = cls_cursor_next(&c))) {
			assert_true(classifier_remove(&cls, cr));
			trule_free(container_of(cr, struct trule, cr));
			n++;
		}
		assert_int_equal(n, 4);
		assert_int_equal(classifier_count(&cls), 2);
	}
	remove_all(&cls);
}

/* ---- overlap ---- */

static void test_overlap(void **state)
{
	struct classifier cls;
	struct trule *a, *b, *c, *d;

	classifier_init(&cls);
	a = add(&cls, "ip,nw_dst=10.0.0.0/8", 5);
	b = trule_new("ip,nw_src=1.2.3.4", 5);
	assert_true(classifier_rule_overlaps(&cls, &b->cr, 0));
	c = trule_new("ip,nw_dst=11.0.0.0/8", 5);
	assert_false(classifier_rule_overlaps(&cls, &c->cr, 0));
	d = trule_new("ip,nw_dst=10.2.0.0/16", 6);
	assert_false(classifier_rule_overlaps(&cls, &d->cr, 0));
	trule_free(d);
	d = trule_new("arp", 5);
	assert_false(classifier_rule_overlaps(&cls, &d->cr, 0));
	/* A rule does not overlap itself, nor invisible ones. */
	assert_false(classifier_rule_overlaps(&cls, &a->cr, 0));
	cls_rule_make_invisible_in_version(&a->cr, 1);
	assert_false(classifier_rule_overlaps(&cls, &b->cr, 1));
	assert_true(classifier_rule_overlaps(&cls, &b->cr, 0));
	cls_rule_restore_visibility(&a->cr);
	trule_free(b);
	trule_free(c);
	trule_free(d);
	remove_all(&cls);
}

/* ---- conjunctive matches ---- */

static struct trule *add_conj(struct classifier *cls, const char *text,
			      int priority, const struct cls_conjunction *cj,
			      size_t n)
{
	struct trule *r = trule_new(text, priority);

	classifier_insert(cls, &r->cr, 0, cj, n);
	return r;
}

static void test_conj_two(void **state)
{
	static const struct cls_conjunction c1 = { 7, 0, 2 }, c2 = { 7, 1, 2 };
	struct classifier cls;
	struct trule *conj, *low;

	classifier_init(&cls);
	add_conj(&cls, "ip,nw_src=10.0.0.1", 10, &c1, 1);
	add_conj(&cls, "ip,nw_src=10.0.0.2", 10, &c1, 1);
	add_conj(&cls, "tcp,tp_dst=80", 10, &c2, 1);
	add_conj(&cls, "tcp,tp_dst=443", 10, &c2, 1);
	conj = add(&cls, "conj_id=7", 10);
	low = add(&cls, "ip", 1);

	assert_ptr_equal(lookup1(&cls, "tcp,nw_src=10.0.0.1,tp_dst=80"),
			 &conj->cr);
	assert_ptr_equal(lookup1(&cls, "tcp,nw_src=10.0.0.2,tp_dst=443"),
			 &conj->cr);
	/* One clause only: the clause rules are no match at all. */
	assert_ptr_equal(lookup1(&cls, "tcp,nw_src=10.0.0.3,tp_dst=80"),
			 &low->cr);
	assert_ptr_equal(lookup1(&cls, "tcp,nw_src=10.0.0.1,tp_dst=22"),
			 &low->cr);
	/* A packet never has a conj_id of its own. */
	assert_ptr_equal(lookup1(&cls, "ip,nw_src=10.9.9.9"), &low->cr);
	remove_all(&cls);
}

static void test_conj_three_and_ids(void **state)
{
	static const struct cls_conjunction a1 = { 1, 0, 3 }, a2 = { 1, 1, 3 },
		a3 = { 1, 2, 3 };
	static const struct cls_conjunction b[2] = { { 2, 0, 2 }, { 1, 0, 3 } };
	static const struct cls_conjunction b2 = { 2, 1, 2 };
	struct classifier cls;
	struct trule *r1, *r2;

	classifier_init(&cls);
	add_conj(&cls, "in_port=1", 20, &a1, 1);
	add_conj(&cls, "ip,nw_dst=192.168.0.0/16", 20, &a2, 1);
	add_conj(&cls, "tcp,tp_src=1000", 20, &a3, 1);
	/* One rule in two conjunctions: clause 1 of id 2, clause 1 of id 1. */
	add_conj(&cls, "in_port=2", 20, b, 2);
	add_conj(&cls, "udp", 20, &b2, 1);
	r1 = add(&cls, "conj_id=1", 20);
	r2 = add(&cls, "conj_id=2", 20);

	assert_ptr_equal(lookup1(&cls, "in_port=1,tcp,nw_dst=192.168.1.1,"
				 "tp_src=1000"), &r1->cr);
	assert_ptr_equal(lookup1(&cls, "in_port=2,tcp,nw_dst=192.168.1.1,"
				 "tp_src=1000"), &r1->cr);
	assert_null(lookup1(&cls, "in_port=1,tcp,nw_dst=192.168.1.1,"
			    "tp_src=1001"));
	assert_null(lookup1(&cls, "in_port=3,tcp,nw_dst=192.168.1.1,"
			    "tp_src=1000"));
	assert_ptr_equal(lookup1(&cls, "in_port=2,udp"), &r2->cr);
	assert_null(lookup1(&cls, "in_port=1,udp"));
	remove_all(&cls);
}

static void test_conj_priorities(void **state)
{
	static const struct cls_conjunction c1 = { 9, 0, 2 }, c2 = { 9, 1, 2 };
	static const struct cls_conjunction d1 = { 4, 0, 2 }, d2 = { 4, 1, 2 };
	struct classifier cls;
	struct trule *conj9, *high, *conj4, *same;

	classifier_init(&cls);
	add_conj(&cls, "in_port=1", 50, &c1, 1);
	add_conj(&cls, "ip", 50, &c2, 1);
	conj9 = add(&cls, "conj_id=9", 50);
	add_conj(&cls, "in_port=1", 30, &d1, 1);
	add_conj(&cls, "arp", 30, &d2, 1);
	conj4 = add(&cls, "conj_id=4", 30);

	assert_ptr_equal(lookup1(&cls, "in_port=1,ip"), &conj9->cr);
	/* The priority-50 clauses do not complete for ARP; the lookup falls
	 * back to the identical in_port=1 rule at 30, whose set completes. */
	assert_ptr_equal(lookup1(&cls, "in_port=1,arp"), &conj4->cr);

	/* A conjunctive flow loses to a higher plain rule. */
	high = add(&cls, "ip,in_port=1", 60);
	assert_ptr_equal(lookup1(&cls, "in_port=1,ip"), &high->cr);
	del(&cls, high);
	/* ...and beats a lower one. */
	same = add(&cls, "in_port=1", 40);
	assert_ptr_equal(lookup1(&cls, "in_port=1,ip"), &conj9->cr);
	assert_ptr_equal(lookup1(&cls, "in_port=1,arp"), &same->cr);
	assert_ptr_equal(lookup1(&cls, "in_port=1"), &same->cr);
	remove_all(&cls);
}

/* ---- how narrow the wildcards are ---- */

static void test_wc_in_port(void **state)
{
	struct classifier cls;
	struct of_flow wc, want;

	classifier_init(&cls);
	add(&cls, "in_port=1", 1);
	add(&cls, "in_port=2", 1);
	add(&cls, "in_port=5", 3);
	memset(&wc, 0, sizeof wc);
	assert_non_null(lookup_text(&cls, 0,
				    "in_port=2,tcp,nw_src=1.1.1.1,tp_dst=3",
				    &wc));
	memset(&want, 0, sizeof want);
	want.in_port = 0xffffffff;
	assert_memory_equal(&wc, &want, sizeof wc);
	remove_all(&cls);
}

/* nw_dst's leading bits set in 'wc', or -1 if any other bit is set. */
static int wc_nw_dst_bits(const struct of_flow *wc)
{
	struct of_flow rest = *wc;
	uint32_t m = ntohl(wc->nw_dst);
	int n = of_cidr_from_mask32(m);

	rest.nw_dst = 0;
	return flow_is_zero(&rest) ? n : -1;
}

static void test_wc_trie(void **state)
{
	struct classifier cls;
	struct trule *r16, *r24;
	struct of_flow wc;
	int bits;

	classifier_init(&cls);
	r16 = add(&cls, "ip,nw_dst=10.1.0.0/16", 16);
	r24 = add(&cls, "ip,nw_dst=10.1.2.0/24", 24);

	/* 10.0.x.x differs from 10.1 at bit 15: 16 bits rule both out. */
	memset(&wc, 0, sizeof wc);
	assert_null(lookup_text(&cls, 0, "ip,nw_dst=10.0.2.3", &wc));
	assert_int_equal(wc_nw_dst_bits(&wc), 16);
	/* 11.x differs at bit 7: 8 bits do. */
	memset(&wc, 0, sizeof wc);
	assert_null(lookup_text(&cls, 0, "ip,nw_dst=11.1.2.3", &wc));
	assert_int_equal(wc_nw_dst_bits(&wc), 8);
	/* 138.x differs at the first bit. */
	memset(&wc, 0, sizeof wc);
	assert_null(lookup_text(&cls, 0, "ip,nw_dst=138.1.2.3", &wc));
	assert_int_equal(wc_nw_dst_bits(&wc), 1);
	/* Inside the /16 but not the /24: the /16 subtable is consulted in
	 * full, the /24 one needs its 24 bits at most. */
	memset(&wc, 0, sizeof wc);
	assert_ptr_equal(lookup_text(&cls, 0, "ip,nw_dst=10.1.3.3", &wc),
			 &r16->cr);
	assert_int_equal(ntohl(wc.nw_dst) & 0xffffff00, 0xffffff00);
	assert_int_equal(wc.dl_type, 0xffff);
	memset(&wc, 0, sizeof wc);
	assert_ptr_equal(lookup_text(&cls, 0, "ip,nw_dst=10.1.2.3", &wc),
			 &r24->cr);
	assert_int_equal(ntohl(wc.nw_dst), 0xffffff00);

	/* Without tries, a miss costs the whole prefix and the type. */
	assert_true(classifier_set_prefix_fields(&cls, NULL, 0));
	memset(&wc, 0, sizeof wc);
	assert_null(lookup_text(&cls, 0, "ip,nw_dst=11.1.2.3", &wc));
	assert_int_equal(wc.dl_type, 0xffff);
	bits = of_cidr_from_mask32(ntohl(wc.nw_dst));
	assert_true(bits == 16 || bits == 24);
	remove_all(&cls);
}

static void test_wc_trie_ipv6(void **state)
{
	struct classifier cls;
	struct of_flow wc, rest;
	int bits;

	classifier_init(&cls);
	add(&cls, "ipv6,ipv6_dst=2001:db8::/32", 32);
	add(&cls, "ipv6,ipv6_dst=2001:db8:1::/48", 48);
	/* 2001:db9:: leaves 2001:db8::/31 at bit 31. */
	memset(&wc, 0, sizeof wc);
	assert_null(lookup_text(&cls, 0, "ipv6,ipv6_dst=2001:db9::1", &wc));
	bits = of_cidr_from_mask128(wc.ipv6_dst);
	assert_int_equal(bits, 32);
	rest = wc;
	memset(rest.ipv6_dst, 0, sizeof rest.ipv6_dst);
	assert_true(flow_is_zero(&rest));
	/* Inside the /32, outside the /48: the /48 costs 48 bits at most. */
	memset(&wc, 0, sizeof wc);
	assert_non_null(lookup_text(&cls, 0, "ipv6,ipv6_dst=2001:db8:2::1",
				    &wc));
	bits = of_cidr_from_mask128(wc.ipv6_dst);
	assert_true(bits >= 32 && bits <= 48);
	remove_all(&cls);
}

/* A subtable whose first stage matches no rule leaves later stages wild. */
static void test_wc_staged(void **state)
{
	struct classifier cls;
	struct of_flow wc, want;

	classifier_init(&cls);
	assert_true(classifier_set_prefix_fields(&cls, NULL, 0));
	add(&cls, "metadata=0x5,tcp,tp_dst=80", 1);
	memset(&wc, 0, sizeof wc);
	assert_null(lookup_text(&cls, 0, "metadata=0x6,tcp,tp_dst=80", &wc));
	memset(&want, 0, sizeof want);
	want.metadata = ~0ULL;
	assert_memory_equal(&wc, &want, sizeof wc);

	/* Metadata agrees, L2 (dl_type) does not: L3 and L4 stay wild. */
	memset(&wc, 0, sizeof wc);
	assert_null(lookup_text(&cls, 0, "metadata=0x5,arp", &wc));
	want.dl_type = 0xffff;
	assert_memory_equal(&wc, &want, sizeof wc);
	remove_all(&cls);
}

static void test_prefix_fields(void **state)
{
	static const enum mf_field_id ok[] = { MFF_IPV4_SRC, MFF_IPV6_DST };
	static const enum mf_field_id dup[] = { MFF_IPV4_SRC, MFF_ARP_SPA };
	static const enum mf_field_id bad[] = { MFF_IP_DSCP };
	static const enum mf_field_id many[] = {
		MFF_IPV4_SRC, MFF_IPV4_DST, MFF_IPV6_SRC, MFF_IPV6_DST,
		MFF_TUN_SRC,
	};
	static const enum mf_field_id def[] = {
		MFF_IPV4_SRC, MFF_IPV4_DST, MFF_IPV6_SRC, MFF_IPV6_DST,
	};
	static const enum mf_field_id out[] = { (enum mf_field_id)MFF_N_IDS };
	struct classifier cls;
	struct trule *r;

	classifier_init(&cls);
	r = add(&cls, "ip,nw_src=10.0.0.0/8", 1);
	add(&cls, "ipv6,ipv6_dst=2001:db8::/32", 2);
	assert_false(classifier_set_prefix_fields(&cls, def, 4));
	assert_false(classifier_set_prefix_fields(&cls, dup, 2));
	assert_false(classifier_set_prefix_fields(&cls, bad, 1));
	assert_false(classifier_set_prefix_fields(&cls, many, 5));
	assert_false(classifier_set_prefix_fields(&cls, out, 1));
	assert_true(classifier_set_prefix_fields(&cls, ok, 2));
	assert_false(classifier_set_prefix_fields(&cls, ok, 2));
	assert_ptr_equal(lookup1(&cls, "ip,nw_src=10.2.3.4"), &r->cr);
	assert_non_null(lookup1(&cls, "ipv6,ipv6_dst=2001:db8::1"));
	assert_null(lookup1(&cls, "ipv6,ipv6_dst=2001:db9::1"));
	del(&cls, r);
	assert_true(classifier_set_prefix_fields(&cls, def, 4));
	assert_non_null(lookup1(&cls, "ipv6,ipv6_dst=2001:db8::1"));
	remove_all(&cls);
}

/* ---- randomized comparison with a linear classifier ---- */

static uint32_t rnd_state = 12345;

static uint32_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state;
}

/* Values from a small space, so that rules and flows collide. */
static const uint32_t ip_vals[] = { 0x0a000000, 0x0a000001, 0x0a010000,
				    0x0a010100, 0x0b000000, 0x8a000001 };
static const int plens[] = { 8, 16, 24, 31, 32 };

static void rnd_flow(struct of_flow *f)
{
	memset(f, 0, sizeof *f);
	f->in_port = htonl(rnd() % 3);
	f->metadata = rnd() % 3;
	f->regs[0] = htonl(rnd() % 2);
	f->dl_type = htons(rnd() % 4 ? 0x0800 : 0x0806);
	f->nw_src = htonl(ip_vals[rnd() % 6] ^ (rnd() % 4));
	f->nw_dst = htonl(ip_vals[rnd() % 6] ^ (rnd() % 4));
	f->nw_proto = rnd() % 2 ? 6 : 17;
	f->tp_dst = htons(80 + rnd() % 2);
}

static void rnd_match(struct of_match *m)
{
	struct of_flow f;

	rnd_flow(&f);
	memset(&m->mask, 0, sizeof m->mask);
	if (rnd() % 3 == 0)
		m->mask.in_port = 0xffffffff;
	if (rnd() % 3 == 0)
		m->mask.metadata = ~0ULL;
	if (rnd() % 4 == 0)
		m->mask.regs[0] = 0xffffffff;
	if (rnd() % 2 == 0)
		m->mask.dl_type = 0xffff;
	if (rnd() % 3 == 0)
		m->mask.nw_src = htonl(of_mask32_from_cidr(plens[rnd() % 5]));
	if (rnd() % 2 == 0)
		m->mask.nw_dst = htonl(of_mask32_from_cidr(plens[rnd() % 5]));
	if (rnd() % 4 == 0)
		m->mask.nw_dst = htonl(0x00ff00ff);	/* not a prefix */
	if (rnd() % 4 == 0)
		m->mask.nw_proto = 0xff;
	if (rnd() % 4 == 0)
		m->mask.tp_dst = htons(rnd() % 2 ? 0xffff : 0x0001);
	m->flow = f;
	for (size_t i = 0; i < sizeof f; i++)
		((uint8_t *)&m->flow)[i] &= ((uint8_t *)&m->mask)[i];
}

static bool match_matches(const struct of_match *m, const struct of_flow *f)
{
	for (size_t i = 0; i < sizeof *f; i++)
		if ((((const uint8_t *)f)[i] & ((const uint8_t *)&m->mask)[i])
		    != ((const uint8_t *)&m->flow)[i])
			return false;
	return true;
}

/* The reference: every rule, in an array. */
struct ref {
	struct trule *r[4096];
	size_t n;
};

static int ref_best(const struct ref *ref, cls_version_t v,
		    const struct of_flow *f)
{
	int best = INT_MIN;

	for (size_t i = 0; i < ref->n; i++) {
		const struct cls_rule *cr = &ref->r[i]->cr;

		if (cr->priority > best && cls_rule_visible_in_version(cr, v) &&
		    match_matches(cr->match, f))
			best = cr->priority;
	}
	return best;
}

/* Flips one bit of a field the random rules match on: often the first one
 * past the leading wildcard bits, where a prefix lookup's answer turns. */
static void flip_field_bit(struct of_flow *f, const struct of_flow *wc)
{
	static const struct { size_t ofs, len; } fields[] = {
		{ offsetof(struct of_flow, in_port), 4 },
		{ offsetof(struct of_flow, metadata), 8 },
		{ offsetof(struct of_flow, regs), 4 },
		{ offsetof(struct of_flow, dl_type), 2 },
		{ offsetof(struct of_flow, nw_src), 4 },
		{ offsetof(struct of_flow, nw_dst), 4 },
		{ offsetof(struct of_flow, nw_proto), 1 },
		{ offsetof(struct of_flow, tp_dst), 2 },
	};
	unsigned int k = rnd() % 8, bit = rnd() % (8 * fields[k].len);
	const uint8_t *w = (const uint8_t *)wc + fields[k].ofs;

	if (rnd() % 2) {
		for (bit = 0; bit + 1 < 8 * fields[k].len; bit++)
			if (!(w[bit / 8] & 0x80 >> bit % 8))
				break;
	}
	((uint8_t *)f)[fields[k].ofs + bit / 8] ^= 0x80 >> bit % 8;
}

static void check_lookup(const struct classifier *cls, const struct ref *ref,
			 cls_version_t v, const struct of_flow *f)
{
	struct of_flow wc, f2;
	const struct cls_rule *got, *got2;
	int want = ref_best(ref, v, f);

	memset(&wc, 0, sizeof wc);
	rcu_read_lock();
	got = classifier_lookup(cls, v, f, &wc);
	rcu_read_unlock();
	if (want == INT_MIN) {
		assert_null(got);
	} else {
		assert_non_null(got);
		assert_int_equal(got->priority, want);
		assert_true(match_matches(got->match, f));
		assert_true(cls_rule_visible_in_version(got, v));
	}
	/* Flows that agree on the wildcard bits get the same answer. */
	for (int k = 0; k < 9; k++) {
		/* From the small value space, any bits at all, or 'f' with a
		 * few bits flipped. */
		rnd_flow(&f2);
		for (size_t i = 0; k % 3 == 1 && i < sizeof f2; i++)
			((uint8_t *)&f2)[i] = rnd();
		if (k % 3 == 2) {
			f2 = *f;
			for (int j = 0; j < 1 + k % 4; j++)
				flip_field_bit(&f2, &wc);
		}
		for (size_t i = 0; i < sizeof f2; i++) {
			uint8_t w = ((uint8_t *)&wc)[i];

			((uint8_t *)&f2)[i] = (((uint8_t *)&f2)[i] & ~w) |
					      (((const uint8_t *)f)[i] & w);
		}
		assert_int_equal(ref_best(ref, v, &f2), want);
		rcu_read_lock();
		got2 = classifier_lookup(cls, v, &f2, NULL);
		rcu_read_unlock();
		assert_ptr_equal(got2, got);
	}
}

static void test_random(void **state)
{
	static struct ref ref;
	struct classifier cls;
	struct of_flow f;

	classifier_init(&cls);
	ref.n = 0;
	for (int round = 0; round < 6; round++) {
		/* Grow to a few thousand rules, with some removed. */
		for (int i = 0; i < 600 && ref.n < 4096; i++) {
			struct trule *r = calloc(1, sizeof *r);
			struct of_match m;
			cls_version_t v = rnd() % 4;

			rnd_match(&m);
			cls_rule_init(&r->cr, &m, rnd() % 20);
			if (classifier_find_rule_exactly(&cls, &r->cr, v) ||
			    classifier_find_match_exactly(&cls, &m,
							  r->cr.priority,
							  CLS_MAX_VERSION)) {
				trule_free(r);
				continue;
			}
			classifier_insert(&cls, &r->cr, v, NULL, 0);
			if (rnd() % 8 == 0)
				cls_rule_make_invisible_in_version(
					&r->cr, v + 1 + rnd() % 3);
			ref.r[ref.n++] = r;
		}
		for (int i = 0; i < 100 && ref.n; i++) {
			size_t k = rnd() % ref.n;

			del(&cls, ref.r[k]);
			ref.r[k] = ref.r[--ref.n];
		}
		assert_int_equal(classifier_count(&cls), ref.n);
		for (int i = 0; i < 1500; i++) {
			rnd_flow(&f);
			check_lookup(&cls, &ref, rnd() % 6, &f);
		}
		if (round == 3) {
			static const enum mf_field_id dst[] = { MFF_IPV4_DST };

			assert_true(classifier_set_prefix_fields(&cls, dst, 1));
		}
	}
	while (ref.n)
		del(&cls, ref.r[--ref.n]);
	assert_true(classifier_is_empty(&cls));
	classifier_destroy(&cls);
}

/* Prefix rules only, over addresses near each other, so that the tries
 * decide most subtables and the wildcards rest on them alone. */
static void test_random_prefixes(void **state)
{
	static struct ref ref;
	static const uint32_t bases[] = { 0x0a000000, 0x0a0a0000, 0x0a0a0a00,
					  0x0b000000, 0xc0a80000 };
	struct classifier cls;

	classifier_init(&cls);
	ref.n = 0;
	for (int i = 0; i < 400; i++) {
		struct trule *r = calloc(1, sizeof *r);
		struct of_match m;
		int plen = 1 + rnd() % 32;
		uint32_t mask = of_mask32_from_cidr(plen);
		uint32_t v = bases[rnd() % 5] ^ (rnd() & rnd() & 0xffffff);

		of_match_init_catchall(&m);
		m.mask.dl_type = 0xffff;
		m.flow.dl_type = htons(0x0800);
		if (rnd() % 4) {
			m.mask.nw_dst = htonl(mask);
			m.flow.nw_dst = htonl(v & mask);
		} else {
			m.mask.nw_src = htonl(mask);
			m.flow.nw_src = htonl(v & mask);
		}
		cls_rule_init(&r->cr, &m, plen + (int)(rnd() % 3));
		if (classifier_find_rule_exactly(&cls, &r->cr, 0)) {
			trule_free(r);
			continue;
		}
		classifier_insert(&cls, &r->cr, 0, NULL, 0);
		ref.r[ref.n++] = r;
	}
	for (int i = 0; i < 3000; i++) {
		struct of_flow f;

		memset(&f, 0, sizeof f);
		f.dl_type = htons(0x0800);
		f.nw_dst = htonl(bases[rnd() % 5] ^ (rnd() & rnd() & 0xffffff));
		f.nw_src = htonl(bases[rnd() % 5] ^ (rnd() & rnd() & 0xffffff));
		check_lookup(&cls, &ref, 0, &f);
	}
	while (ref.n)
		del(&cls, ref.r[--ref.n]);
	classifier_destroy(&cls);
}

/* Conjunctions in the random mix: two-clause sets over the same space,
 * against a reference that follows the documented semantics naively. */
struct cref {
	struct trule *r[512];
	struct cls_conjunction cj[512];	/* n_clauses 0: a plain rule */
	size_t n;
};

/* The best plain rule (no clause) matching 'f', or INT_MIN. */
static int cref_plain(const struct cref *ref, const struct of_flow *f)
{
	int best = INT_MIN;

	for (size_t i = 0; i < ref->n; i++) {
		const struct cls_rule *cr = &ref->r[i]->cr;

		if (!ref->cj[i].n_clauses && cr->priority > best &&
		    match_matches(cr->match, f))
			best = cr->priority;
	}
	return best;
}

/* Bit id of the conjunctions with both clauses matched at 'pri'. */
static unsigned int cref_complete(const struct cref *ref,
				  const struct of_flow *f, int pri)
{
	unsigned int seen[4] = { 0 }, done = 0;

	for (size_t i = 0; i < ref->n; i++) {
		const struct cls_conjunction *cj = &ref->cj[i];

		if (ref->r[i]->cr.priority == pri && cj->n_clauses &&
		    match_matches(ref->r[i]->cr.match, f))
			seen[cj->id] |= 1u << cj->clause;
	}
	for (unsigned int id = 1; id < 4; id++)
		if (seen[id] == 3)
			done |= 1u << id;
	return done;
}

/* The priorities the documented semantics allow for 'f': the best plain
 * rule, unless at a higher priority some conjunction completes and the
 * lookup with its conj_id finds a rule (any such conjunction may be the
 * one taken). */
static unsigned int cref_answers(const struct cref *ref,
				 const struct of_flow *f, int *hard)
{
	*hard = cref_plain(ref, f);
	for (int pri = 13; pri >= 10 && pri > *hard; pri--) {
		unsigned int done = cref_complete(ref, f, pri), ok = 0;

		for (unsigned int id = 1; id < 4; id++) {
			struct of_flow g = *f;
			int p;

			if (!(done >> id & 1))
				continue;
			g.conj_id = htonl(id);
			p = cref_plain(ref, &g);
			if (p != INT_MIN)
				ok |= 1u << p;
		}
		if (ok)
			return ok;
	}
	return 0;
}

static void test_random_conj(void **state)
{
	static struct cref ref;
	struct classifier cls;

	classifier_init(&cls);
	ref.n = 0;
	for (int round = 0; round < 400; round++) {
		if (ref.n < 512) {
			struct trule *r = calloc(1, sizeof *r);
			struct of_match m;
			struct cls_conjunction cj = { 0, 0, 0 };

			rnd_match(&m);
			if (rnd() % 3 == 0) {
				m.mask.conj_id = 0xffffffff;
				m.flow.conj_id = htonl(1 + rnd() % 3);
			} else if (rnd() % 2) {
				cj.id = 1 + rnd() % 3;
				cj.clause = rnd() % 2;
				cj.n_clauses = 2;
			}
			/* Each match at one priority only, so that the
			 * identical-match fallback is never needed. */
			cls_rule_init(&r->cr, &m, 10 + rnd() % 4);
			for (int p = 10; p < 14; p++) {
				if (classifier_find_match_exactly(&cls, &m, p,
								  0)) {
					trule_free(r);
					r = NULL;
					break;
				}
			}
			if (!r)
				continue;
			classifier_insert(&cls, &r->cr, 0, &cj,
					  cj.n_clauses ? 1 : 0);
			ref.cj[ref.n] = cj;
			ref.r[ref.n++] = r;
		}
		for (int k = 0; k < 20; k++) {
			const struct cls_rule *got;
			struct of_flow f;
			unsigned int ok;
			int hard;

			rnd_flow(&f);
			ok = cref_answers(&ref, &f, &hard);
			rcu_read_lock();
			got = classifier_lookup(&cls, 0, &f, NULL);
			rcu_read_unlock();
			if (ok) {
				assert_non_null(got);
				assert_true(ok >> got->priority & 1);
			} else if (hard == INT_MIN) {
				assert_null(got);
			} else {
				assert_non_null(got);
				assert_int_equal(got->priority, hard);
			}
		}
	}
	while (ref.n)
		del(&cls, ref.r[--ref.n]);
	classifier_destroy(&cls);
}

/* ---- a writer racing readers ---- */

#define RACE_PORTS 8

struct race {
	struct classifier cls;
	volatile bool stop;
	unsigned long lookups;
};

static void *race_reader(void *arg)
{
	struct race *race = arg;
	unsigned long n = 0;
	uint32_t seed = (uint32_t)(uintptr_t)&n;

	rcu_register_thread();
	while (!__atomic_load_n(&race->stop, __ATOMIC_ACQUIRE)) {
		struct of_flow f, wc;
		const struct cls_rule *r;

		seed = seed * 1103515245 + 12345;
		memset(&f, 0, sizeof f);
		f.in_port = htonl(seed >> 16 & (RACE_PORTS - 1));
		f.dl_type = htons(0x0800);
		f.nw_dst = htonl(0x0a000000 | (seed >> 8 & 0xff));
		memset(&wc, 0, sizeof wc);
		rcu_read_lock();
		r = classifier_lookup(&race->cls, CLS_MAX_VERSION, &f, &wc);
		if (r) {
			const struct trule *t = container_of(r, struct trule,
							     cr);

			assert_true(match_matches(r->match, &f));
			assert_int_equal(t->id, r->priority);
		}
		rcu_read_unlock();
		n++;
	}
	__atomic_fetch_add(&race->lookups, n, __ATOMIC_RELAXED);
	rcu_unregister_thread();
	return NULL;
}

static void test_concurrent(void **state)
{
	static struct race race;
	struct trule *live[64] = { NULL };
	pthread_t th[2];

	classifier_init(&race.cls);
	race.stop = false;
	race.lookups = 0;
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&th[i], NULL, race_reader,
						&race), 0);
	for (int i = 0; i < 20000; i++) {
		unsigned int k = rnd() % 64;
		struct trule *r = live[k];

		if (r) {
			assert_true(classifier_remove(&race.cls, &r->cr));
			call_rcu(&r->rcu, trule_free_rcu);
			live[k] = NULL;
		} else {
			char text[80];
			struct of_match m;

			snprintf(text, sizeof text,
				 "in_port=%u,ip,nw_dst=10.0.0.%u/%d",
				 k % RACE_PORTS, (k * 37) % 256,
				 24 + (int)(k % 9));
			parse_match(text, &m);
			r = calloc(1, sizeof *r);
			r->id = (int)k;
			cls_rule_init(&r->cr, &m, (int)k);
			classifier_insert(&race.cls, &r->cr, 0, NULL, 0);
			live[k] = r;
		}
	}
	__atomic_store_n(&race.stop, true, __ATOMIC_RELEASE);
	for (int i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	assert_true(race.lookups > 0);
	for (int k = 0; k < 64; k++)
		if (live[k])
			del(&race.cls, live[k]);
	classifier_destroy(&race.cls);
	rcu_barrier();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_basics),
		cmocka_unit_test(test_priorities),
		cmocka_unit_test(test_replace),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_loose_strict),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_conj_two),
		cmocka_unit_test(test_conj_three_and_ids),
		cmocka_unit_test(test_conj_priorities),
		cmocka_unit_test(test_wc_in_port),
		cmocka_unit_test(test_wc_trie),
		cmocka_unit_test(test_wc_trie_ipv6),
		cmocka_unit_test(test_wc_staged),
		cmocka_unit_test(test_prefix_fields),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_random_prefixes),
		cmocka_unit_test(test_random_conj),
		cmocka_unit_test(test_concurrent),
	};
	int rc;

	rcu_register_thread();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	rcu_barrier();
	rcu_unregister_thread();
	return rc;
}
