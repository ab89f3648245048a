/* Benchmark: megaflow lookups per second on one core.
 *
 * 1M flows spread evenly over 1, 8 or 32 masks; every key hits, each flow
 * equally often, in a random order fixed before timing (the keys lie in that
 * order, as packets would arrive).  Measured: single lookups and batches of
 * 32 with the EMC off; then what a polling thread does per batch of 32 with
 * the EMC on (hash, EMC batch lookup, table batch lookup of the misses,
 * EMC insertion), for a small working set and, to show what a thrashing EMC
 * costs, for all 1M flows, inserting on every miss or on one miss in 100.
 * rcu_read_lock() is taken once per 32 keys.  Time is the thread's CPU time
 * (lookups per second per core, whatever else the machine runs); best of
 * ROUNDS passes.
 *
 * The flows and bucket arrays are hundreds of megabytes read at random, so
 * page walks weigh heavily: the program re-executes itself with glibc's
 * transparent-huge-page tunable (as a deployment would enable) unless
 * GLIBC_TUNABLES is set already or WEIR_BENCH_NO_THP=1.  "--flows N" sizes
 * the table otherwise (a small one shows the cost without cache misses). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "flow-emc.h"
#include "flow-table.h"

#define PASS (1 << 20)                 /* lookups a pass */
#define ROUNDS 3
#define BATCH FLOW_TABLE_BATCH

static u32 n_flows = 1 << 20;          /* --flows N: a multiple of 32 */

/* Masks told apart by in_port (each port's flows have a mask of their
 * own, which the prefilter sees), or all flows from one port, told apart
 * by an Ethernet source byte that every mask matches (the prefilter cannot
 * help: every subtable may hold every key). */
static bool one_port;

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
	if (one_port)
		m.eth_src[4] = 0xff;
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

/* The random parts of a flow's key: 16 bytes a lookup to stream, where
 * the 128-byte key itself would be; the key is built from them in a batch
 * that stays in cache, as a polling thread's keys are, fresh from
 * extraction. */
struct key_seed {
	u64 r, s;
};

/* The top byte of 's', unused by the key's fields, holds the mask. */
static struct key_seed random_seed(int k)
{
	struct key_seed seed = { rnd(), (rnd() & ~(0xffULL << 56)) |
					(u64)k << 56 };

	return seed;
}

/* An IPv4 TCP key; in_port or eth_src[4] tells the masks' flows apart, so
 * flows of different masks never overlap. */
static void build_key(struct flow_key *key, struct key_seed seed)
{
	u64 r = seed.r, s = seed.s;
	int k = s >> 56;

	memset(key, 0, sizeof(*key));
	key->in_port = one_port ? 1 : k + 1;
	key->eth_type = DP_BE16(ETH_TYPE_IP);
	key->eth_src[4] = k;
	key->eth_src[5] = 1;
	key->eth_dst[5] = r >> 56;
	key->vlan[0].tci = (r >> 40) & 0xffff;
	key->ip.proto = 6;
	key->ip.tos = (s >> 40) & 0xfc;
	key->ip.ttl = 64;
	key->ipv4.src = (u32)r;
	key->ipv4.dst = (u32)s;
	key->tp.src = (r >> 32) & 0xffff;
	key->tp.dst = (s >> 32) & 0xffff;
}

struct run {
	struct flow_table table;
	struct key_seed *seeds;         /* in lookup order */
	struct flow **expect;           /* the flow each key must find */
};


static void run_init(struct run *r, int n_masks)
{
	struct key_seed *seeds = malloc(sizeof(*seeds) * n_flows);
	struct flow **flows = malloc(sizeof(*flows) * n_flows);
	u32 *order = malloc(sizeof(*order) * n_flows);
	struct flow_key masks[32];
	u32 i;

	if (flow_table_init(&r->table, 0))
		abort();
	for (i = 0; i < (u32)n_masks; i++)
		masks[i] = make_mask(i);
	for (i = 0; i < n_flows; i++) {
		int k = i % n_masks;
		struct flow_actions *acts = flow_actions_alloc(&i, sizeof(i));

		struct flow_key key;

		do {
			seeds[i] = random_seed(k);
			build_key(&key, seeds[i]);
		} while (flow_table_insert(&r->table, &key, &masks[k], NULL,
					 acts, &flows[i]));
		order[i] = i;
	}
	for (i = n_flows - 1; i > 0; i--) {
		u32 j = rnd() % (i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	r->seeds = malloc(sizeof(*r->seeds) * n_flows);
	r->expect = malloc(sizeof(*r->expect) * n_flows);
	for (i = 0; i < n_flows; i++) {
		r->seeds[i] = seeds[order[i]];
		r->expect[i] = flows[order[i]];
	}
	free(seeds);
	free(flows);
	free(order);
}

static void run_destroy(struct run *r)
{
	flow_table_destroy(&r->table);
	free(r->seeds);
	free(r->expect);
}

/* What a polling thread does with a batch: hash the keys, look them up in
 * the EMC, then the misses in the table, and cache what that finds. */
static void emc_batch(struct run *r, struct flow_emc *emc,
		      const struct flow_key *kp[], struct flow *got[])
{
	const struct flow_key *mkeys[BATCH];
	struct flow *mflows[BATCH];
	u32 hashes[BATCH], mhash[BATCH], misses, n = 0, j;
	u32 at[BATCH];

	for (j = 0; j < BATCH; j++)
		hashes[j] = flow_key_hash(kp[j]);
	misses = flow_emc_lookup_batch(emc, kp, hashes, BATCH, got);
	for (; misses; misses &= misses - 1) {
		j = __builtin_ctz(misses);
		at[n] = j;
		mhash[n] = hashes[j];
		mkeys[n++] = kp[j];
	}
	if (!n)
		return;
	flow_table_lookup_batch(&r->table, mkeys, n, mflows);
	for (j = 0; j < n; j++) {
		got[at[j]] = mflows[j];
		if (mflows[j])
			flow_emc_insert(emc, mkeys[j], mhash[j], mflows[j]);
	}
}

/* Lookups per second over keys[0..n) cycled to PASS lookups, in one of
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

		for (i = 0; i < PASS; i += BATCH) {
			struct flow_key keys[BATCH] __attribute__((aligned(64)));
			const struct flow_key *kp[BATCH];
			struct flow *got[BATCH];
			u32 base = i % n;

			rcu_read_lock();
			for (j = 0; j < BATCH; j++) {
				build_key(&keys[j], r->seeds[base + j]);
				kp[j] = &keys[j];
			}
			if (mode == BATCHED)
				flow_table_lookup_batch(&r->table, kp, BATCH, got);
			else if (mode == SINGLE)
				for (j = 0; j < BATCH; j++)
					got[j] = flow_table_lookup(&r->table, kp[j]);
			else
				emc_batch(r, emc, kp, got);
			for (j = 0; j < BATCH; j++)
				wrong += got[j] != r->expect[base + j];
			rcu_read_unlock();
		}
		rate = PASS / (now_s() - t0);
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
	printf("    EMC on, %7u flows, insert 1/%-3u %5.1f M/s\n", working_set,
	       one_in, measure(r, working_set, EMC, emc) / 1e6);
	rcu_read_lock();
	flow_emc_destroy(emc);
	rcu_read_unlock();
}

/* What the machine gives the lookups to work with: nanoseconds per random
 * 64-byte read over 512 MB, one at a time (latency) and 16 independent
 * chains at once (throughput with misses in flight). */
static volatile u64 sink;              /* keeps the probe's reads */

static void memory_probe(void)
{
	enum { LINES = 512 << 14, STEPS = 1 << 22, CHAINS = 16 };
	u64 *mem = malloc((size_t)LINES * 64), at[CHAINS];
	u32 i, c;
	double t0, one, many;

	/* A random cycle through all lines, one u64 a line. */
	for (i = 0; i < LINES; i++)
		mem[(size_t)i * 8] = i;
	for (i = LINES - 1; i > 0; i--) {
		u32 j = rnd() % (i + 1);
		u64 t = mem[(size_t)i * 8];

		mem[(size_t)i * 8] = mem[(size_t)j * 8];
		mem[(size_t)j * 8] = t;
	}
	for (c = 0; c < CHAINS; c++)
		at[c] = mem[(size_t)c * 8 * (LINES / CHAINS)];
	t0 = now_s();
	for (i = 0; i < STEPS / 16; i++)
		at[0] = mem[at[0] * 8];
	one = (now_s() - t0) / (STEPS / 16) * 1e9;
	t0 = now_s();
	for (i = 0; i < STEPS / CHAINS; i++)
		for (c = 0; c < CHAINS; c++)
			at[c] = mem[at[c] * 8];
	many = (now_s() - t0) / STEPS * 1e9;
	for (c = 0; c < CHAINS; c++)
		sink ^= at[c];
	printf("memory: random 64-byte reads over 512 MB: %.0f ns one at a time, "
	       "%.1f ns each with %d in flight\n", one, many, CHAINS);
	free(mem);
}

#define THP_TUNABLE "glibc.malloc.hugetlb=1"

int main(int argc, char **argv)
{
	static const struct { int masks; bool one_port; } runs[] = {
		{ 1, false }, { 8, false }, { 32, false }, { 8, true },
		{ 32, true },
	};
	const char *tunables = getenv("GLIBC_TUNABLES");
	size_t m;

	if (argc == 3 && !strcmp(argv[1], "--flows"))
		n_flows = (strtoul(argv[2], NULL, 0) + BATCH - 1) / BATCH * BATCH;
	if (n_flows < 32 * BATCH) {
		fprintf(stderr, "usage: %s [--flows N], N >= %d\n", argv[0],
			32 * BATCH);
		return 2;
	}
	if (!tunables && !getenv("WEIR_BENCH_NO_THP")) {
		setenv("GLIBC_TUNABLES", THP_TUNABLE, 1);
		execv("/proc/self/exe", argv);
	}
	rcu_register_thread();
	printf("megaflow lookup, %u flows, millions of lookups per CPU-second "
	       "(best of %d passes of %d lookups; GLIBC_TUNABLES=%s)\n",
	       n_flows, ROUNDS, PASS, tunables ? tunables : "");
	memory_probe();
	for (m = 0; m < ARRAY_SIZE(runs); m++) {
		struct run r;

		one_port = runs[m].one_port;
		run_init(&r, runs[m].masks);
		printf("  %2d mask%s, %s\n", runs[m].masks,
		       runs[m].masks > 1 ? "s" : "",
		       one_port ? "all flows from one in_port"
				: "an in_port per mask");
		printf("    EMC off, single         %7.1f M/s\n",
		       measure(&r, n_flows, SINGLE, NULL) / 1e6);
		printf("    EMC off, batches of %d  %7.1f M/s\n", BATCH,
		       measure(&r, n_flows, BATCHED, NULL) / 1e6);
		if (m == 0) {
			u32 small = n_flows < 4096 ? n_flows : 4096;

			emc_line(&r, small, 1);
			emc_line(&r, small, 100);
			if (n_flows > small) {
				emc_line(&r, n_flows, 1);
				emc_line(&r, n_flows, 100);
			}
		}
		run_destroy(&r);
	}
	rcu_unregister_thread();
	return 0;
}
