/* The exact-match cache: see flow-emc.h. */
#include "flow-emc.h"

/* The two entries where a key with 'hash' may be. */
static inline u32 emc_slot(const struct flow_emc *emc, u32 hash, u32 which)
{
	return (which ? (hash >> 16) | (hash << 16) : hash) & emc->mask;
}

static inline bool key_equal(const struct flow_key *a,
			     const struct flow_key *b)
{
	const dp_word *x = flow_key_words(a), *y = flow_key_words(b);
	u64 diff = 0;
	u32 i;

	for (i = 0; i < FLOW_KEY_WORDS; i++)
		diff |= x[i] ^ y[i];
	return !diff;
}

static void entry_clear(struct flow_emc *emc, u32 i)
{
	if (emc->flows[i]) {
		flow_unref(emc->flows[i]);
		emc->flows[i] = NULL;
	}
}

struct flow_emc *flow_emc_create(u32 n_entries)
{
	struct flow_emc *emc;
	u32 n = 1;

	while (n < n_entries && n < (1U << 24))
		n <<= 1;
	emc = dp_big_zalloc(sizeof(*emc) + n * (sizeof(*emc->hashes) +
						sizeof(*emc->flows) +
						sizeof(*emc->keys)) +
			    DP_CACHE_LINE);
	if (!emc)
		return NULL;
	emc->mask = n - 1;
	emc->rng = 0x2545f491;
	flow_emc_set_insert_prob(emc, FLOW_EMC_DEFAULT_INSERT_INV);
	emc->flows = (struct flow **)(emc + 1);
	emc->hashes = (u32 *)(emc->flows + n);
	emc->keys = PTR_ALIGN((struct flow_key *)(emc->hashes + n),
			      DP_CACHE_LINE);
	return emc;
}

void flow_emc_flush(struct flow_emc *emc)
{
	u32 i;

	for (i = 0; i <= emc->mask; i++)
		entry_clear(emc, i);
}

void flow_emc_destroy(struct flow_emc *emc)
{
	if (emc) {
		flow_emc_flush(emc);
		dp_big_free(emc);
	}
}

void flow_emc_set_insert_prob(struct flow_emc *emc, u32 one_in)
{
	emc->insert_below = one_in > 1 ? 65536 / one_in : 65536;
}

/* The entry of 'hash' that may hold its key (its key lines and flow are
 * prefetched), or -1. */
static __always_inline int emc_candidate(const struct flow_emc *emc, u32 hash)
{
	u32 which;

	for (which = 0; which < 2; which++) {
		u32 i = emc_slot(emc, hash, which);

		if (emc->hashes[i] == hash && emc->flows[i]) {
			prefetch(&emc->keys[i]);
			prefetch((const u8 *)&emc->keys[i] + DP_CACHE_LINE);
			prefetch(&emc->flows[i]->dead);
			return i;
		}
	}
	return -1;
}

/* The flow of entry 'i' if it holds 'key' and the flow lives; a dead flow's
 * entry is dropped. */
static __always_inline struct flow *emc_hit(struct flow_emc *emc, int i,
					    const struct flow_key *key)
{
	if (i < 0 || !key_equal(&emc->keys[i], key))
		return NULL;
	if (likely(!flow_is_dead(emc->flows[i])))
		return emc->flows[i];
	entry_clear(emc, i);
	return NULL;
}

struct flow *flow_emc_lookup(struct flow_emc *emc, const struct flow_key *key,
			     u32 hash)
{
	return emc_hit(emc, emc_candidate(emc, hash), key);
}

u32 flow_emc_lookup_batch(struct flow_emc *emc,
			  const struct flow_key *const keys[],
			  const u32 hashes[], u32 n, struct flow *flows[])
{
	int cand[FLOW_TABLE_BATCH];
	u32 misses = 0, j;

	if (n > FLOW_TABLE_BATCH)
		n = FLOW_TABLE_BATCH;
	for (j = 0; j < n; j++)
		cand[j] = emc_candidate(emc, hashes[j]);
	for (j = 0; j < n; j++) {
		flows[j] = emc_hit(emc, cand[j], keys[j]);
		if (!flows[j])
			misses |= 1U << j;
	}
	return misses;
}

void flow_emc_insert(struct flow_emc *emc, const struct flow_key *key,
		     u32 hash, struct flow *flow)
{
	u32 e[2] = { emc_slot(emc, hash, 0), emc_slot(emc, hash, 1) };
	int victim = -1;
	u32 which;

	emc->rng = emc->rng * 1664525 + 1013904223;
	if ((emc->rng >> 16) >= emc->insert_below)
		return;
	/* The key's own entry, else an empty one, else one of a dead flow,
	 * else either. */
	for (which = 0; which < 2 && victim < 0; which++)
		if (emc->flows[e[which]] && emc->hashes[e[which]] == hash &&
		    key_equal(&emc->keys[e[which]], key))
			victim = e[which];
	for (which = 0; which < 2 && victim < 0; which++)
		if (!emc->flows[e[which]] || flow_is_dead(emc->flows[e[which]]))
			victim = e[which];
	if (victim < 0)
		victim = e[(emc->rng >> 15) & 1];
	if (!flow_ref(flow))
		return;
	entry_clear(emc, victim);
	emc->hashes[victim] = hash;
	emc->keys[victim] = *key;
	emc->flows[victim] = flow;
}
