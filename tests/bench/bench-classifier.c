/* Benchmark: OpenFlow classifier inserts and lookups per second on one
 * core, for 1k, 10k and 100k rules shaped like an OVN logical pipeline:
 * every rule matches the datapath (metadata), and then one of a few
 * shapes: port security (a register and an Ethernet address), L2 lookup,
 * ARP responder, routes (IPv4 destination prefixes of several lengths),
 * ACLs (a register bit, ct_state, source address and TCP port) and
 * per-datapath defaults.  Lookups use packets built from the rules' own
 * values (most hit something), take the wildcards (as translation does) and
 * hold rcu_read_lock() per 32 lookups.  Time is the thread's CPU time; best
 * of ROUNDS passes.  Not run by the tests. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classifier.h"
#include "compat.h"

#define LOOKUPS (1 << 20)
#define ROUNDS 3
#define N_FLOWS 4096

/* splitmix64: every call a fresh, well-mixed 64-bit value. */
static uint64_t rnd(void)
{
	static uint64_t seq;
	uint64_t z = (seq += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* This thread's CPU time, in seconds. */
static double cpu_s(void)
{
	struct timespec ts;

	return clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) ? 0
	       : ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void set_mac(uint8_t *v, uint8_t *m, uint64_t x)
{
	for (int i = 0; i < 6; i++) {
		v[i] = x >> (8 * (5 - i));
		m[i] = 0xff;
	}
}

/* Rule 'i' of 'n': its datapath and one of the shapes. */
static void make_rule(struct of_match *r, int *priority, unsigned int i,
		      unsigned int n)
{
	struct of_flow *f = &r->flow, *m = &r->mask;
	unsigned int n_dp = n / 100 ? n / 100 : 1;
	uint64_t x = rnd();
	int plen;

	memset(r, 0, sizeof *r);
	f->metadata = 1 + i % n_dp;
	m->metadata = ~0ULL;
	switch (x % 8) {
	case 0:		/* port security */
		f->regs[14] = htonl(x >> 8 & 0xff);
		m->regs[14] = 0xffffffff;
		set_mac(f->dl_src, m->dl_src, x >> 16);
		*priority = 50;
		break;
	case 1:		/* L2 lookup */
		set_mac(f->dl_dst, m->dl_dst, x >> 16);
		*priority = 50;
		break;
	case 2:		/* ARP responder */
		f->dl_type = htons(0x0806);
		m->dl_type = 0xffff;
		f->nw_dst = htonl(0x0a000000 | (x >> 8 & 0xffff));
		m->nw_dst = 0xffffffff;
		*priority = 50;
		break;
	case 3:
	case 4:		/* routes */
		plen = (int[]){ 8, 16, 24, 32 }[x >> 40 & 3];
		f->dl_type = htons(0x0800);
		m->dl_type = 0xffff;
		m->nw_dst = htonl(of_mask32_from_cidr(plen));
		f->nw_dst = htonl(0x0a000000 | (x >> 8 & 0xffffff)) & m->nw_dst;
		*priority = 2 * plen + 1;
		break;
	case 5:
	case 6:		/* ACLs */
		f->regs[0] = htonl(1);
		m->regs[0] = htonl(1);
		f->ct_state = htonl(OF_CS_TRK | OF_CS_NEW);
		m->ct_state = htonl(OF_CS_TRK | OF_CS_NEW | OF_CS_EST);
		f->dl_type = htons(0x0800);
		m->dl_type = 0xffff;
		f->nw_proto = 6;
		m->nw_proto = 0xff;
		f->nw_src = htonl(0x0a000000 | (x >> 8 & 0xffff));
		m->nw_src = 0xffffffff;
		f->tp_dst = htons(x >> 32 & 0x3ff);
		m->tp_dst = 0xffff;
		*priority = 1000 + (int)(x >> 48 & 0x3ff);
		break;
	default:	/* defaults */
		f->regs[14] = htonl(x >> 8 & 0xff);
		m->regs[14] = 0xffffffff;
		*priority = 0;
		break;
	}
}

/* A packet that looks like it was meant for 'r': its values where it
 * matches, random ones elsewhere. */
static void make_flow(struct of_flow *p, const struct of_match *r)
{
	uint8_t *pb = (uint8_t *)p;
	const uint8_t *fb = (const uint8_t *)&r->flow;
	const uint8_t *mb = (const uint8_t *)&r->mask;

	memset(p, 0, sizeof *p);
	p->dl_type = htons(0x0800);
	p->nw_proto = 6;
	p->nw_src = htonl(0x0a000000 | (rnd() & 0xffff));
	p->nw_dst = htonl(0x0a000000 | (rnd() & 0xffffff));
	p->tp_dst = htons(rnd() & 0x3ff);
	p->ct_state = htonl(OF_CS_TRK | OF_CS_NEW);
	p->regs[0] = htonl(1);
	for (size_t k = 0; k < sizeof *p; k++)
		pb[k] = (pb[k] & ~mb[k]) | fb[k];
}

struct brule {
	struct cls_rule cr;
};

static void run(unsigned int n)
{
	struct brule *rules = calloc(n, sizeof *rules);
	struct of_flow *flows = calloc(N_FLOWS, sizeof *flows);
	double t0, best_lookup = 0, t_insert;
	struct classifier cls;
	unsigned long hits = 0;

	classifier_init(&cls);
	for (unsigned int i = 0; i < n; i++) {
		struct of_match m;
		int priority;

		make_rule(&m, &priority, i, n);
		cls_rule_init(&rules[i].cr, &m, priority);
	}
	t0 = cpu_s();
	for (unsigned int i = 0; i < n; i++)
		if (!classifier_find_rule_exactly(&cls, &rules[i].cr,
						  CLS_MAX_VERSION))
			classifier_insert(&cls, &rules[i].cr, 0, NULL, 0);
	t_insert = cpu_s() - t0;
	for (unsigned int i = 0; i < N_FLOWS; i++)
		make_flow(&flows[i], rules[rnd() % n].cr.match);

	for (int round = 0; round < ROUNDS; round++) {
		double t;

		hits = 0;
		t0 = cpu_s();
		for (unsigned int i = 0; i < LOOKUPS; i += 32) {
			rcu_read_lock();
			for (unsigned int j = i; j < i + 32; j++) {
				const struct of_flow *f = &flows[j % N_FLOWS];
				struct of_flow wc;

				memset(&wc, 0, sizeof wc);
				hits += !!classifier_lookup(&cls, 0, f, &wc);
			}
			rcu_read_unlock();
		}
		t = cpu_s() - t0;
		if (!best_lookup || t < best_lookup)
			best_lookup = t;
	}
	printf("%7u rules: %8.0f inserts/s, %6.2f M lookups/s (%.0f%% hit)\n",
	       n, n / t_insert, LOOKUPS / best_lookup / 1e6,
	       100.0 * hits / LOOKUPS);

	for (unsigned int i = 0; i < n; i++) {
		classifier_remove(&cls, &rules[i].cr);
	}
	rcu_barrier();
	for (unsigned int i = 0; i < n; i++)
		cls_rule_destroy(&rules[i].cr);
	classifier_destroy(&cls);
	free(rules);
	free(flows);
}

int main(void)
{
	rcu_register_thread();
	printf("classifier, OVN-like rules, per CPU-second, one thread\n");
	run(1000);
	run(10000);
	run(100000);
	rcu_unregister_thread();
	return 0;
}
