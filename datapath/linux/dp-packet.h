/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/* The datapath core's packet API (datapath/core/actions.h lists it) over an
 * sk_buff, for the kernel home; lib/dp-packet.h is the userspace one.
 *
 * The home hands the core linear, non-GSO skbs (the rx path segments and
 * linearizes them; dp_packet_parse() linearizes too), so data and size are
 * skb->data and skb->len.  Before the core writes, dp_packet_make_writable()
 * un-shares the data and completes any checksum left to hardware, so the
 * core's incremental checksum updates are the whole story.  skb->protocol
 * and the skb's header marks are the home's to set again at output. */
#ifndef WEIR_LINUX_DP_PACKET_H
#define WEIR_LINUX_DP_PACKET_H 1

#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include "flow.h"

struct dp_packet {
	struct sk_buff *skb;
	struct flow_offsets hdr;  /* from the data start; FLOW_OFS_NONE if absent */

	/* Datapath metadata, copied into the flow key on extraction. */
	u32 in_port;
	u32 skb_mark;
	u32 priority;
	u32 recirc_id;
	u32 dp_hash;
};

static inline void *dp_packet_data(const struct dp_packet *p)
{
	return p->skb->data;
}

static inline u32 dp_packet_size(const struct dp_packet *p)
{
	return p->skb->len;
}

static inline int dp_packet_make_writable(struct dp_packet *p)
{
	struct sk_buff *skb = p->skb;
	int err = skb_ensure_writable(skb, skb->len);

	if (err)
		return err;
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		return skb_checksum_help(skb);
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->ip_summed = CHECKSUM_NONE;
	return 0;
}

static inline void *dp_packet_push(struct dp_packet *p, u32 n)
{
	if (skb_cow_head(p->skb, n))
		return NULL;
	flow_offsets_shift(&p->hdr, 0, (s32)n);
	return skb_push(p->skb, n);
}

static inline void *dp_packet_pull(struct dp_packet *p, u32 n)
{
	void *old = p->skb->data;

	if (n > p->skb->len)
		return NULL;
	__skb_pull(p->skb, n);
	flow_offsets_shift(&p->hdr, 0, -(s32)n);
	return old;
}

static inline void *dp_packet_put(struct dp_packet *p, u32 n)
{
	struct sk_buff *skb = p->skb;
	u32 room = skb_tailroom(skb);

	if (room < n && pskb_expand_head(skb, 0, n - room, GFP_ATOMIC))
		return NULL;
	return skb_put(skb, n);
}

static inline void dp_packet_trim(struct dp_packet *p, u32 size)
{
	if (size < p->skb->len && !pskb_trim(p->skb, size))
		flow_offsets_clip(&p->hdr, size);
}

static inline void *dp_packet_insert(struct dp_packet *p, u32 at, u32 n)
{
	u8 *data;

	if (at > p->skb->len || skb_cow_head(p->skb, n))
		return NULL;
	data = skb_push(p->skb, n);
	memmove(data, data + n, at);
	flow_offsets_shift(&p->hdr, at, (s32)n);
	return data + at;
}

static inline int dp_packet_remove(struct dp_packet *p, u32 at, u32 n)
{
	struct sk_buff *skb = p->skb;

	if (at > skb->len || n > skb->len - at)
		return -EINVAL;
	if (skb_ensure_writable(skb, at + n))
		return -ENOMEM;
	memmove(skb->data + n, skb->data, at);
	__skb_pull(skb, n);
	flow_offsets_shift(&p->hdr, at, -(s32)n);
	return 0;
}

/* The copy shares the data until either side makes it writable. */
static inline struct dp_packet *dp_packet_clone(const struct dp_packet *p)
{
	struct dp_packet *c = kmalloc(sizeof(*c), GFP_ATOMIC);

	if (!c)
		return NULL;
	*c = *p;
	c->skb = skb_clone(p->skb, GFP_ATOMIC);
	if (!c->skb) {
		kfree(c);
		return NULL;
	}
	return c;
}

static inline void dp_packet_delete(struct dp_packet *p)
{
	if (p) {
		kfree_skb(p->skb);
		kfree(p);
	}
}

static inline int dp_packet_parse(struct dp_packet *p, struct flow_key *key)
{
	if (skb_linearize(p->skb))
		return -ENOMEM;
	key->in_port = p->in_port;
	key->skb_mark = p->skb_mark;
	key->priority = p->priority;
	key->recirc_id = p->recirc_id;
	key->dp_hash = p->dp_hash;
	return flow_extract(p->skb->data, p->skb->len, key, &p->hdr);
}

#endif /* WEIR_LINUX_DP_PACKET_H */
