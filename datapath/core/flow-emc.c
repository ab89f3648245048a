/* The exact-match cache: see flow-emc.h. */
#include "flow-emc.h"

static inline struct flow_emc_entry *emc_slot(struct flow_emc *emc,
					      u32 hash, u32 which)
{
	u32 i = which ? (hash >> 16) | (hash << 16) : hash;

	return &emc->entries[i & emc->mask];
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

static void entry_clear(struct flow_emc_entry *e)
{
	if (e->flow) {
		flow_unref(e->flow);
		e->flow = NULL;
	}
}

struct flow_emc *flow_emc_create(u32 n_entries)
{
	struct flow_emc *emc;
	u32 n = 1;

	while (n < n_entries && n < (1U << 24))
		n <<= 1;
	emc = dp_big_zalloc(sizeof(*emc) + n * sizeof(emc->entries[0]));
	if (emc) {
		emc->mask = n - 1;
		emc->rng = 0x2545f491;
	}
	return emc;
}

void flow_emc_flush(struct flow_emc *emc)
{
	u32 i;

	for (i = 0; i <= emc->mask; i++)
		entry_clear(&emc->entries[i]);
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
	u32 n = 1;

	while (n < one_in && n < (1U << 16))
		n <<= 1;
	emc->insert_mask = n - 1;
}

struct flow *flow_emc_lookup(struct flow_emc *emc, const struct flow_key *key,
			     u32 hash)
{
	u32 which;

	for (which = 0; which < 2; which++) {
		struct flow_emc_entry *e = emc_slot(emc, hash, which);

		if (e->hash == hash && e->flow && key_equal(&e->key, key)) {
			if (likely(!flow_is_dead(e->flow)))
				return e->flow;
			entry_clear(e);
			return NULL;
		}
	}
	return NULL;
}

void flow_emc_insert(struct flow_emc *emc, const struct flow_key *key,
		     u32 hash, struct flow *flow)
{
	struct flow_emc_entry *e[2] = {
		emc_slot(emc, hash, 0), emc_slot(emc, hash, 1)
	};
	struct flow_emc_entry *victim = NULL;
	u32 which;

	emc->rng = emc->rng * 1664525 + 1013904223;
	if ((emc->rng >> 16) & emc->insert_mask)
		return;
	/* The key's own entry, else an empty one, else one of a dead flow,
	 * else either. */
	for (which = 0; which < 2 && !victim; which++)
		if (e[which]->flow && e[which]->hash == hash &&
		    key_equal(&e[which]->key, key))
			victim = e[which];
	for (which = 0; which < 2 && !victim; which++)
		if (!e[which]->flow || flow_is_dead(e[which]->flow))
			victim = e[which];
	if (!victim)
		victim = e[(emc->rng >> 15) & 1];
	if (!flow_ref(flow))
		return;
	entry_clear(victim);
	victim->hash = hash;
	victim->key = *key;
	victim->flow = flow;
}
