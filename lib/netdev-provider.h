/* What the netdev providers share and the rest of Weir need not see: the
 * provider classes, a log line, and "key=value" option parsing. */
#ifndef WEIR_NETDEV_PROVIDER_H
#define WEIR_NETDEV_PROVIDER_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netdev.h"

extern const struct netdev_class netdev_afpacket_class;  /* "system" */
extern const struct netdev_class netdev_afxdp_class;     /* "afxdp" */
extern const struct netdev_class netdev_tap_class;       /* "tap" */
extern const struct netdev_class netdev_internal_class;  /* "internal" */
extern const struct netdev_class netdev_dummy_class;     /* "dummy" (tests) */

/* One line on stderr, prefixed "netdev: ".  Providers log what an operator
 * must know (a refused option, a fallback); never per packet. */
void netdev_log(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Walks 'options' (may be NULL): calls 'fn' with each key and value, and
 * stops at the first error.  An option without '=' is an error; 'fn'
 * returns -EINVAL for a key or value it does not take, after logging it
 * with netdev_option_error(). */
int netdev_parse_options(const char *name, const char *const *options,
			 int (*fn)(const char *name, const char *key,
				   const char *value, void *aux),
			 void *aux);
int netdev_option_error(const char *name, const char *key,
			const char *value, const char *why);
/* For providers that take no options: every key is unknown. */
int netdev_option_unknown(const char *name, const char *key,
			  const char *value, void *aux);

/* For providers that take no options: checks that 'options' has none,
 * then allocates a zeroed device of 'size' bytes of 'class'; NULL, with
 * *errp set, on failure. */
void *netdev_alloc_plain(const struct netdev_class *, const char *name,
			 const char *const *options, size_t size, int *errp);

/* n_rxq and n_txq of a device with one queue each way. */
int netdev_one_queue(const struct netdev *);

/* Counters: each written by one thread (the queue's), read by another
 * (get_stats), so every access is a relaxed atomic one. */
static inline void netdev_count(uint64_t *c, uint64_t n)
{
	__atomic_store_n(c, __atomic_load_n(c, __ATOMIC_RELAXED) + n,
			 __ATOMIC_RELAXED);
}

static inline void netdev_stats_read(const struct netdev_stats *from,
				     struct netdev_stats *to)
{
	const uint64_t *f = (const uint64_t *)from;
	uint64_t *t = (uint64_t *)to;

	for (size_t i = 0; i < sizeof *from / sizeof *f; i++)
		t[i] = __atomic_load_n(&f[i], __ATOMIC_RELAXED);
}

#endif /* WEIR_NETDEV_PROVIDER_H */
