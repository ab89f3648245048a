/* Packet buffer. */
#include "dp-packet.h"

#include <stdlib.h>
#include <string.h>

static void *xmalloc_or_abort(size_t n)
{
	void *p = malloc(n);

	if (!p)
		abort();
	return p;
}

static void clear_offsets(struct dp_packet *p)
{
	p->hdr.l2_5 = p->hdr.l3 = p->hdr.l4 = p->hdr.l7 = FLOW_OFS_NONE;
}

void dp_packet_use(struct dp_packet *p, void *mem, uint32_t alloc,
		   uint32_t headroom, uint32_t size)
{
	memset(p, 0, sizeof *p);
	p->base = mem;
	p->alloc = alloc;
	p->ofs = headroom;
	p->size = size;
	clear_offsets(p);
}

struct dp_packet *dp_packet_new(uint32_t size)
{
	struct dp_packet *p = xmalloc_or_abort(sizeof *p);
	uint32_t alloc = DP_PACKET_HEADROOM + size;

	dp_packet_use(p, xmalloc_or_abort(alloc), alloc, DP_PACKET_HEADROOM, 0);
	p->owned = true;
	return p;
}

struct dp_packet *dp_packet_clone_data(const void *data, uint32_t len)
{
	struct dp_packet *p = dp_packet_new(len);

	dp_packet_put_data(p, data, len);
	return p;
}

struct dp_packet *dp_packet_clone(const struct dp_packet *p)
{
	struct dp_packet *c = dp_packet_clone_data(dp_packet_data(p), p->size);
	struct dp_packet buf = *c;

	/* Everything but the buffer, so that new metadata is copied too. */
	*c = *p;
	c->base = buf.base;
	c->alloc = buf.alloc;
	c->ofs = buf.ofs;
	c->size = buf.size;
	c->owned = true;
	return c;
}

void dp_packet_uninit(struct dp_packet *p)
{
	if (p->owned)
		free(p->base);
	p->base = NULL;
	p->alloc = p->ofs = p->size = 0;
}

void dp_packet_delete(struct dp_packet *p)
{
	if (p) {
		dp_packet_uninit(p);
		free(p);
	}
}

void dp_packet_reserve(struct dp_packet *p, uint32_t headroom,
		       uint32_t tailroom)
{
	uint32_t alloc;
	uint8_t *base;

	if (dp_packet_headroom(p) >= headroom && dp_packet_tailroom(p) >= tailroom)
		return;
	/* Grow generously so that a run of pushes reallocates once. */
	if (headroom < DP_PACKET_HEADROOM)
		headroom = DP_PACKET_HEADROOM;
	alloc = headroom + p->size + tailroom;
	base = xmalloc_or_abort(alloc);
	memcpy(base + headroom, dp_packet_data(p), p->size);
	if (p->owned)
		free(p->base);
	p->base = base;
	p->alloc = alloc;
	p->ofs = headroom;
	p->owned = true;
}

void *dp_packet_push(struct dp_packet *p, uint32_t n)
{
	dp_packet_reserve(p, n, 0);
	p->ofs -= n;
	p->size += n;
	flow_offsets_shift(&p->hdr, 0, (int32_t)n);
	return dp_packet_data(p);
}

void *dp_packet_pull(struct dp_packet *p, uint32_t n)
{
	void *old = dp_packet_data(p);

	if (n > p->size)
		return NULL;
	p->ofs += n;
	p->size -= n;
	flow_offsets_shift(&p->hdr, 0, -(int32_t)n);
	return old;
}

void *dp_packet_put(struct dp_packet *p, uint32_t n)
{
	void *tail;

	dp_packet_reserve(p, 0, n);
	tail = (uint8_t *)dp_packet_data(p) + p->size;
	p->size += n;
	return tail;
}

void dp_packet_put_data(struct dp_packet *p, const void *data, uint32_t n)
{
	memcpy(dp_packet_put(p, n), data, n);
}

void dp_packet_trim(struct dp_packet *p, uint32_t size)
{
	if (size < p->size) {
		p->size = size;
		flow_offsets_clip(&p->hdr, size);
	}
}

void *dp_packet_insert(struct dp_packet *p, uint32_t at, uint32_t n)
{
	uint8_t *data;

	if (at > p->size)
		return NULL;
	dp_packet_reserve(p, n, 0);
	data = dp_packet_data(p);
	memmove(data - n, data, at);
	p->ofs -= n;
	p->size += n;
	flow_offsets_shift(&p->hdr, at, (int32_t)n);
	return data - n + at;
}

int dp_packet_remove(struct dp_packet *p, uint32_t at, uint32_t n)
{
	uint8_t *data = dp_packet_data(p);

	if (at > p->size || n > p->size - at)
		return -EINVAL;
	memmove(data + n, data, at);
	p->ofs += n;
	p->size -= n;
	flow_offsets_shift(&p->hdr, at, -(int32_t)n);
	return 0;
}

int dp_packet_parse(struct dp_packet *p, struct flow_key *key)
{
	key->in_port = p->in_port;
	key->skb_mark = p->skb_mark;
	key->priority = p->priority;
	key->recirc_id = p->recirc_id;
	key->dp_hash = p->dp_hash;
	return flow_extract(dp_packet_data(p), p->size, key, &p->hdr);
}
