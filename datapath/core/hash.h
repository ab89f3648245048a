/* A fast hash over 64-bit words, for masked flow keys and UFIDs.
 *
 * Each word is mixed on its own (xor with a per-position constant, multiply,
 * rotate, multiply: a bijection) and the results are summed, so the words of
 * a key hash in parallel instead of along one dependency chain; a final
 * avalanche spreads every input bit over the 32 bits returned.  The position
 * constant keeps equal words at different positions from cancelling. */
#ifndef WEIR_DP_HASH_H
#define WEIR_DP_HASH_H 1

#include "compat.h"

/* A 64-bit word that may alias anything (a flow key read as words). */
typedef u64 __attribute__((__may_alias__)) dp_word;

#define DP_HASH_K1 0x87c37b91114253d5ULL
#define DP_HASH_K2 0x4cf5ad432745937fULL
#define DP_HASH_POS 0x9e3779b97f4a7c15ULL   /* 2^64 / golden ratio */

static __always_inline u64 dp_hash_rotl64(u64 x, unsigned int r)
{
	return (x << r) | (x >> (64 - r));
}

/* The constant of position 'pos' of a key. */
static __always_inline u64 dp_hash_pos(u32 pos)
{
	return (u64)(pos + 1) * DP_HASH_POS;
}

/* Adds word 'w', found at the position whose constant is 'pc', to 'acc'. */
static __always_inline u64 dp_hash_add_pc(u64 acc, u64 w, u64 pc)
{
	w ^= pc;
	w *= DP_HASH_K1;
	w = dp_hash_rotl64(w, 31);
	w *= DP_HASH_K2;
	return acc + w;
}

/* Adds word 'w', found at position 'pos' of its key, to 'acc'. */
static __always_inline u64 dp_hash_add(u64 acc, u64 w, u32 pos)
{
	return dp_hash_add_pc(acc, w, dp_hash_pos(pos));
}

static __always_inline u32 dp_hash_finish(u64 acc)
{
	acc ^= acc >> 33;
	acc *= 0xff51afd7ed558ccdULL;
	acc ^= acc >> 33;
	acc *= 0xc4ceb9fe1a85ec53ULL;
	acc ^= acc >> 33;
	return (u32)acc;
}

/* Hash of words[0..n), starting from 'basis'. */
static inline u32 dp_hash_words(const dp_word *words, u32 n, u32 basis)
{
	u64 acc = basis;
	u32 i;

	for (i = 0; i < n; i++)
		acc = dp_hash_add(acc, words[i], i);
	return dp_hash_finish(acc);
}

#endif /* WEIR_DP_HASH_H */
