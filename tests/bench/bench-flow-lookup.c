/* Benchmark: megaflow lookups per second, one thread.
 *
 * 1M flows spread evenly over 1, 8 or 32 masks; every key hits, each flow
 * equally often, in a random order fixed before timing (the keys lie in that
 * order, as packets would arrive).  Measured: single lookups and batches of
 * 32 with the EMC off, then the EMC in front with a small working set (and,
 * for the cost of a thrashing EMC, with all 1M flows), inserting on every
 * miss or on one miss in 100.  rcu_read_lock() is taken once per 32 keys,
 * as a polling thread does per batch.  Best of ROUNDS passes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flow-emc.h"
#include "flow-table.h"

#define N_FLOWS (1 << 20)
#define ROUNDS 3
#define BATCH FLOW_TABLE_BATCH

static u64 rng_state = 88172645463325252ULL;

static u64 rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Mask 'k' of a run: recirc_id, in_port and eth_type exact (as every
 * megaflow from translation), plus one of eight L3/L4 shapes, with the
 * destination prefix length making masks beyond eight distinct. */
static struct flow_key make_mask(int k)
{
	struct flow_key m;
	u32 dst = k / 8 ? ~0U << (k / 8) : ~0U;

	memset(&m, 0, sizeof(m));
	m.recirc_id = ~0U;
	m.in_port = ~0U;
	m.eth_type = 0xffff;
	switch (k % 8) {
	case 0: m.ipv4.src = ~0U; m.ipv4.dst = cpu_to_be32(dst); break;
	case 1: m.ipv4.dst = cpu_to_be32(dst); m.tp.dst = 0xffff; break;
	case 2: m.ipv4.src = ~0U; m.tp.src = 0xffff; m.tp.dst = 0xffff; break;
	case 3: m.ipv4.dst = cpu_to_be32(dst); m.ip.proto = 0xff; break;
	case 4: m.eth_dst[5] = 0xff; m.ipv4.dst = cpu_to_be32(dst); break;
	case 5: m.ipv4.src = cpu_to_be32(0xffff0000); m.tp.dst = 0xffff;
		m.ipv4.dst = cpu_to_be32(dst); break;
	case 6: m.vlan[0].tci = 0xffff; m.ipv4.dst = cpu_to_be32(dst); break;
	default: m.ip.tos = 0xfc; m.ipv4.src = ~0U; m.ipv4.dst = cpu_to_be32(dst);
		break;
	}
	return m;
}

/* A random IPv4 TCP key; in_port tells the masks' flows apart, so flows of
 * different masks never overlap. */
static struct flow_key random_key(int k)
{
	struct flow_key key;
	u64 r = rnd(), s = rnd();

	memset(&key, 0, sizeof(key));
	key.in_port = k + 1;
	key.eth_type = DP_BE16(ETH_TYPE_IP);
	key.eth_src[5] = 1;
	key.eth_dst[5] = r >> 56;
	key.vlan[0].tci = (r >> 40) & 0xffff;
	key.ip.proto = 6;
	key.ip.tos = (s >> 40) & 0xfc;
	key.ip.ttl = 64;
	key.ipv4.src = (u32)r;
	key.ipv4.dst = (u32)s;
	key.tp.src = (r >> 32) & 0xffff;
	key.tp.dst = (s >> 32) & 0xffff;
	return key;
}

struct run {
	struct flow_table table;
	struct flow_key *keys;          /* in lookup order */
	struct flow **expect;           /* the flow each key must find */
};

static void run_init(struct run *r, int n_masks)
{
	struct flow_key *mkeys = malloc(sizeof(*mkeys) * N_FLOWS);
	struct flow **flows = malloc(sizeof(*flows) * N_FLOWS);
	u32 *order = malloc(sizeof(*order) * N_FLOWS);
	struct flow_key masks[32];
	u32 i;

	if (flow_table_init(&r->table, 0))
		abort();
	for (i = 0; i < (u32)n_masks; i++)
		masks[i] = make_mask(i);
	for (i = 0; i < N_FLOWS; i++) {
		int k = i % n_masks;
		struct flow_actions *acts = flow_actions_alloc(&i, sizeof(i));

		do
			mkeys[i] = random_key(k);
		while (flow_table_insert(&r->table, &mkeys[i], &masks[k], NULL,
					 acts, &flows[i]));
		order[i] = i;
	}
	for (i = N_FLOWS - 1; i > 0; i--) {
		u32 j = rnd() % (i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	r->keys = malloc(sizeof(*r->keys) * N_FLOWS);
	r->expect = malloc(sizeof(*r->expect) * N_FLOWS);
	for (i = 0; i < N_FLOWS; i++) {
		r->keys[i] = mkeys[order[i]];
		r->expect[i] = flows[order[i]];
	}
	free(mkeys);
	free(flows);
	free(order);
}

static void run_destroy(struct run *r)
{
	flow_table_destroy(&r->table);
	free(r->keys);
	free(r->expect);
}

/* Lookups per second over keys[0..n) cycled to N_FLOWS lookups, in one of
 * three modes; exits on a wrong answer. */
enum mode { SINGLE, BATCHED, EMC };

static double measure(struct run *r, u32 n, enum mode mode,
		      struct flow_emc *emc)
{
	double best = 0;
	int round;

	for (round = 0; round < ROUNDS; round++) {
		double t0 = now_s(), rate;
		u64 wrong = 0;
		u32 i, j;

		for (i = 0; i < N_FLOWS; i += BATCH) {
			const struct flow_key *kp[BATCH];
			struct flow *got[BATCH];
			u32 base = i % n;

			rcu_read_lock();
			if (mode == BATCHED) {
				for (j = 0; j < BATCH; j++)
					kp[j] = &r->keys[base + j];
				flow_table_lookup_batch(&r->table, kp, BATCH, got);
			} else {
				for (j = 0; j < BATCH; j++) {
					const struct flow_key *key = &r->keys[base + j];
					struct flow *flow = NULL;
					u32 hash = 0;

					if (mode == EMC) {
						hash = flow_key_hash(key);
						flow = flow_emc_lookup(emc, key, hash);
					}
					if (!flow) {
						flow = flow_table_lookup(&r->table, key);
						if (mode == EMC && flow)
							flow_emc_insert(emc, key, hash, flow);
					}
					got[j] = flow;
				}
			}
			for (j = 0; j < BATCH; j++)
				wrong += got[j] != r->expect[base + j];
			rcu_read_unlock();
		}
		rate = N_FLOWS / (now_s() - t0);
		if (wrong) {
			fprintf(stderr, "%llu wrong lookups\n",
				(unsigned long long)wrong);
			exit(1);
		}
		if (rate > best)
			best = rate;
	}
	return best;
}

static void emc_line(struct run *r, u32 working_set, u32 one_in)
{
	struct flow_emc *emc = flow_emc_create(FLOW_EMC_DEFAULT_ENTRIES);

	flow_emc_set_insert_prob(emc, one_in);
	printf("    EMC on, %7u flows, insert 1/%-3u %7.1f M/s\n", working_set,
	       one_in, measure(r, working_set, EMC, emc) / 1e6);
	rcu_read_lock();
	flow_emc_destroy(emc);
	rcu_read_unlock();
}

int main(void)
{
	static const int mask_counts[] = { 1, 8, 32 };
	size_t m;

	rcu_register_thread();
	printf("megaflow lookup, %u flows, millions of lookups/s "
	       "(best of %d passes over all keys)\n", N_FLOWS, ROUNDS);
	for (m = 0; m < ARRAY_SIZE(mask_counts); m++) {
		struct run r;

		run_init(&r, mask_counts[m]);
		printf("  %2d mask%s\n", mask_counts[m], mask_counts[m] > 1 ? "s" : "");
		printf("    EMC off, single      %7.1f M/s\n",
		       measure(&r, N_FLOWS, SINGLE, NULL) / 1e6);
		printf("    EMC off, batch of %d %7.1f M/s\n", BATCH,
		       measure(&r, N_FLOWS, BATCHED, NULL) / 1e6);
		if (m == 0) {
			emc_line(&r, 4096, 1);
			emc_line(&r, 4096, 100);
			emc_line(&r, N_FLOWS, 1);
			emc_line(&r, N_FLOWS, 100);
		}
		run_destroy(&r);
	}
	rcu_unregister_thread();
	return 0;
}
