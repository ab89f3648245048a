/* Netlink attributes, read and written without libnl, for the core and for
 * userspace alike.  The layout is the kernel's: a struct nlattr header, the
 * payload, padding to NLA_ALIGNTO. */
#ifndef WEIR_DP_NLATTR_H
#define WEIR_DP_NLATTR_H 1

#include "compat.h"
#include <linux/netlink.h>

static inline u16 nlattr_type(const struct nlattr *a)
{
	return a->nla_type & NLA_TYPE_MASK;
}

static inline u32 nlattr_len(const struct nlattr *a)
{
	return a->nla_len - NLA_HDRLEN;
}

static inline const void *nlattr_data(const struct nlattr *a)
{
	return (const u8 *)a + NLA_HDRLEN;
}

/* True if an attribute header and its whole declared length fit in 'left'. */
static inline bool nlattr_ok(const struct nlattr *a, u32 left)
{
	return left >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN &&
	       a->nla_len <= left;
}

static inline const struct nlattr *nlattr_next(const struct nlattr *a,
					       u32 *left)
{
	u32 step = NLA_ALIGN(a->nla_len);

	*left = step < *left ? *left - step : 0;
	return (const struct nlattr *)((const u8 *)a + step);
}

/* Iterates over the attributes in [head, head+len).  After the loop, 'left'
 * is nonzero if trailing bytes did not form a whole attribute. */
#define NLATTR_FOR_EACH(a, left, head, len)                                   \
	for ((a) = (const struct nlattr *)(head), (left) = (len);             \
	     nlattr_ok(a, left); (a) = nlattr_next(a, &(left)))

/* A writer into caller-provided memory.  Running out of room sets
 * 'overflow' and stops writing, so callers check once at the end. */
struct nlbuf {
	u8 *data;
	u32 size;
	u32 cap;
	bool overflow;
};

static inline void nlbuf_init(struct nlbuf *b, void *mem, u32 cap)
{
	b->data = mem;
	b->size = 0;
	b->cap = cap;
	b->overflow = false;
}

/* Appends an attribute; returns its zero-padded payload, or NULL on overflow. */
void *nlbuf_put(struct nlbuf *b, u16 type, const void *data, u32 len);

static inline void nlbuf_put_u8(struct nlbuf *b, u16 type, u8 v)
{
	nlbuf_put(b, type, &v, sizeof v);
}

static inline void nlbuf_put_u16(struct nlbuf *b, u16 type, u16 v)
{
	nlbuf_put(b, type, &v, sizeof v);
}

static inline void nlbuf_put_u32(struct nlbuf *b, u16 type, u32 v)
{
	nlbuf_put(b, type, &v, sizeof v);
}

static inline void nlbuf_put_flag(struct nlbuf *b, u16 type)
{
	nlbuf_put(b, type, NULL, 0);
}

/* Opens a nested attribute; returns the offset to hand to nlbuf_nest_end. */
u32 nlbuf_nest_start(struct nlbuf *b, u16 type);
void nlbuf_nest_end(struct nlbuf *b, u32 start);

#endif /* WEIR_DP_NLATTR_H */
