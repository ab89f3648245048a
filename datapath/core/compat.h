/* The one portability header of the datapath core.
 *
 * Code under datapath/core compiles both as part of a Linux kernel module and
 * in userspace.  Everything it needs from its environment comes through here:
 * fixed-width and big-endian types, byte order, memory helpers, allocation,
 * RCU (kernel RCU, or liburcu whose names are the same), relaxed atomic
 * counters and a monotonic clock.  Writers to shared core structures are
 * serialised by the caller (the datapath's own mutex in either home). */
#ifndef WEIR_DP_COMPAT_H
#define WEIR_DP_COMPAT_H 1

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <asm/byteorder.h>
#include <asm/unaligned.h>

#include <linux/rcupdate.h>
#include <linux/atomic.h>
#include <linux/timekeeping.h>
#include <linux/math64.h>
#include <linux/prefetch.h>
#include <linux/refcount.h>
#include <linux/cache.h>
#include <linux/random.h>
#include <asm/barrier.h>

#define DP_CACHE_LINE L1_CACHE_BYTES

#define dp_alloc(size)     kmalloc(size, GFP_ATOMIC)
#define dp_zalloc(size)    kzalloc(size, GFP_ATOMIC)
#define dp_free(p)         kfree(p)
/* Big tables (bucket arrays): may sleep, so writers only. */
#define dp_big_zalloc(size) kvzalloc(size, GFP_KERNEL)
#define dp_big_free(p)     kvfree(p)

typedef atomic64_t dp_atomic64;
#define dp_atomic64_add(a, v)  atomic64_add((v), (a))
#define dp_atomic64_read(a)    ((u64)atomic64_read(a))
#define dp_atomic64_set(a, v)  atomic64_set((a), (v))
#define dp_atomic64_or(a, v)   atomic64_or((v), (a))

/* First statement of every call_rcu() callback (see the userspace side). */
#define dp_rcu_cb_begin() do { } while (0)

static inline u64 dp_now_ms(void)
{
	return div_u64(ktime_get_mono_fast_ns(), 1000000);
}

#define dp_random_u64() get_random_u64()
#define dp_popcount32(x) hweight32(x)
#define dp_get_be16(p)     get_unaligned((const __be16 *)(p))
#define dp_get_be32(p)     get_unaligned((const __be32 *)(p))
#define dp_put_be16(p, v)  put_unaligned((v), (__be16 *)(p))
#define dp_put_be32(p, v)  put_unaligned((v), (__be32 *)(p))

#else /* userspace */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/types.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t  s32;

#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#ifndef likely
#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#endif
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define cpu_to_be16(x) ((__be16)htons(x))
#define cpu_to_be32(x) ((__be32)htonl(x))
#define be16_to_cpu(x) ntohs((uint16_t)(x))
#define be32_to_cpu(x) ntohl((uint32_t)(x))
#define htons_const(x) ((__be16)__builtin_bswap16(x))

#define dp_alloc(size)  malloc(size)
#define dp_zalloc(size) calloc(1, size)
#define dp_free(p)      free(p)
#define dp_big_zalloc(size) calloc(1, size)
#define dp_big_free(p)  free(p)

/* liburcu provides rcu_read_lock/unlock, rcu_dereference,
 * rcu_assign_pointer, call_rcu and struct rcu_head under the kernel's
 * names; threads that read must call rcu_register_thread() first. */
#include <urcu.h>
#define __rcu
#define rcu_dereference_protected(p, c) (p)
/* liburcu's own rcu_dereference() and rcu_assign_pointer() are out-of-line
 * calls unless _LGPL_SOURCE; these C11 atomics compile to the same plain
 * loads and stores on x86, inline, and ThreadSanitizer understands them. */
#undef rcu_dereference
#define rcu_dereference(p) __atomic_load_n(&(p), __ATOMIC_CONSUME)
#undef rcu_assign_pointer
#define rcu_assign_pointer(p, v) \
	__atomic_store_n(&(p), (__typeof__(p))(v), __ATOMIC_RELEASE)
#define smp_load_acquire(p)      __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define smp_store_release(p, v)  __atomic_store_n((p), (v), __ATOMIC_RELEASE)
/* Scalars only, as in the kernel's common use. */
#define READ_ONCE(x)     __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define WRITE_ONCE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)
#define prefetch(x)      __builtin_prefetch(x)
#define DP_CACHE_LINE    64
#define PTR_ALIGN(p, a) \
	((__typeof__(p))(((unsigned long)(p) + (a) - 1) & ~((unsigned long)(a) - 1)))

/* ThreadSanitizer sees neither liburcu's barriers nor its grace periods
 * (liburcu is not instrumented).  Tell it what RCU guarantees, through one
 * synchronisation object: a reader's accesses happen before its
 * rcu_read_unlock(), and a call_rcu() callback, which runs after every such
 * unlock of a reader that could see the object, begins with
 * dp_rcu_cb_begin(); likewise the updater's writes before call_rcu() and
 * the callbacks that rcu_barrier() or synchronize_rcu() waits for. */
#if defined(__SANITIZE_THREAD__)
#define DP_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define DP_TSAN 1
#endif
#endif
#ifdef DP_TSAN
void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
char dp_tsan_rcu_sync __attribute__((weak));

static inline void dp_tsan_rcu_read_unlock(void)
{
	__tsan_release(&dp_tsan_rcu_sync);
	rcu_read_unlock();
}

static inline void dp_tsan_call_rcu(struct rcu_head *head,
				    void (*func)(struct rcu_head *))
{
	__tsan_release(&dp_tsan_rcu_sync);
	call_rcu(head, func);
}

static inline void dp_tsan_synchronize_rcu(void)
{
	__tsan_release(&dp_tsan_rcu_sync);
	synchronize_rcu();
	__tsan_acquire(&dp_tsan_rcu_sync);
}

static inline void dp_tsan_rcu_barrier(void)
{
	rcu_barrier();
	__tsan_acquire(&dp_tsan_rcu_sync);
}
#undef rcu_read_unlock
#define rcu_read_unlock dp_tsan_rcu_read_unlock
#undef call_rcu
#define call_rcu dp_tsan_call_rcu
#undef synchronize_rcu
#define synchronize_rcu dp_tsan_synchronize_rcu
#undef rcu_barrier
#define rcu_barrier dp_tsan_rcu_barrier
#define dp_rcu_cb_begin() __tsan_acquire(&dp_tsan_rcu_sync)
#else
#define dp_rcu_cb_begin() do { } while (0)
#endif
#ifndef container_of
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#endif

typedef struct { u64 v; } dp_atomic64;
static inline void dp_atomic64_add(dp_atomic64 *a, u64 v)
{
	__atomic_fetch_add(&a->v, v, __ATOMIC_RELAXED);
}
static inline u64 dp_atomic64_read(const dp_atomic64 *a)
{
	return __atomic_load_n(&a->v, __ATOMIC_RELAXED);
}
static inline void dp_atomic64_set(dp_atomic64 *a, u64 v)
{
	__atomic_store_n(&a->v, v, __ATOMIC_RELAXED);
}
static inline void dp_atomic64_or(dp_atomic64 *a, u64 v)
{
	__atomic_fetch_or(&a->v, v, __ATOMIC_RELAXED);
}

/* The kernel's refcount_t, for what it is used for here. */
typedef struct { u32 refs; } refcount_t;
static inline void refcount_set(refcount_t *r, u32 n)
{
	__atomic_store_n(&r->refs, n, __ATOMIC_RELAXED);
}
static inline bool refcount_inc_not_zero(refcount_t *r)
{
	u32 old = __atomic_load_n(&r->refs, __ATOMIC_RELAXED);

	do {
		if (!old)
			return false;
	} while (!__atomic_compare_exchange_n(&r->refs, &old, old + 1, true,
					      __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	return true;
}
static inline bool refcount_dec_and_test(refcount_t *r)
{
	return __atomic_sub_fetch(&r->refs, 1, __ATOMIC_ACQ_REL) == 0;
}

#include <time.h>
static inline u64 dp_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
	return (u64)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static inline __be16 dp_get_be16(const void *p)
{
	__be16 v;
	memcpy(&v, p, sizeof v);
	return v;
}

static inline __be32 dp_get_be32(const void *p)
{
	__be32 v;
	memcpy(&v, p, sizeof v);
	return v;
}

#define dp_popcount32(x) ((u32)__builtin_popcount(x))

/* Secret hash seeds: the kernel's entropy, never a fixed value. */
#include <sys/random.h>
static inline u64 dp_random_u64(void)
{
	u64 v = 0;

	while (getrandom(&v, sizeof v, 0) != sizeof v)
		;
	return v;
}

static inline void dp_put_be16(void *p, __be16 v) { memcpy(p, &v, sizeof v); }
static inline void dp_put_be32(void *p, __be32 v) { memcpy(p, &v, sizeof v); }
#endif /* __KERNEL__ */

/* Constant network-order values usable in case labels and initialisers. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DP_BE16(x) ((__be16)(((u16)(x) >> 8) | (((u16)(x) & 0xff) << 8)))
#define DP_BE32(x) ((__be32)__builtin_bswap32((u32)(x)))
#else
#define DP_BE16(x) ((__be16)(x))
#define DP_BE32(x) ((__be32)(x))
#endif

#endif /* WEIR_DP_COMPAT_H */
