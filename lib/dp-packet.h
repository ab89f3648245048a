/* A packet buffer: data with headroom in front (for pushed VLAN tags, MPLS
 * labels and tunnel headers) and tailroom behind, the datapath metadata, and
 * the header offsets found by parsing, kept right as headers are pushed and
 * pulled at the front. */
#ifndef WEIR_DP_PACKET_H
#define WEIR_DP_PACKET_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "flow.h"

#define DP_PACKET_HEADROOM 128

struct dp_packet {
	uint8_t *base;          /* start of the allocation */
	uint32_t alloc;         /* its size */
	uint32_t ofs;           /* where the data starts, from base */
	uint32_t size;          /* bytes of data */
	bool owned;             /* base is ours to free and reallocate */
	struct flow_offsets hdr; /* from the data start; FLOW_OFS_NONE if absent */

	/* Datapath metadata, copied into the flow key on extraction. */
	uint32_t in_port;
	uint32_t skb_mark;
	uint32_t priority;
	uint32_t recirc_id;
	uint32_t dp_hash;
};

/* A new empty packet with room for 'size' bytes after DP_PACKET_HEADROOM. */
struct dp_packet *dp_packet_new(uint32_t size);
/* A new packet holding a copy of data[0..len). */
struct dp_packet *dp_packet_clone_data(const void *data, uint32_t len);
/* A private copy of a packet: its data (with fresh headroom), metadata and
 * header offsets. */
struct dp_packet *dp_packet_clone(const struct dp_packet *);
void dp_packet_delete(struct dp_packet *);

/* Wraps caller memory (a ring frame): data at mem+headroom, 'size' bytes,
 * 'alloc' bytes in all.  Growing beyond 'alloc' moves it to the heap. */
void dp_packet_use(struct dp_packet *, void *mem, uint32_t alloc,
		   uint32_t headroom, uint32_t size);
void dp_packet_uninit(struct dp_packet *);

static inline void *dp_packet_data(const struct dp_packet *p)
{
	return p->base + p->ofs;
}

static inline uint32_t dp_packet_size(const struct dp_packet *p)
{
	return p->size;
}

static inline uint32_t dp_packet_headroom(const struct dp_packet *p)
{
	return p->ofs;
}

static inline uint32_t dp_packet_tailroom(const struct dp_packet *p)
{
	return p->alloc - p->ofs - p->size;
}

/* Makes the data safe to write in place.  Userspace packets never share
 * their bytes, so this always succeeds; the kernel home may have to copy an
 * skb, and fail. */
static inline int dp_packet_make_writable(struct dp_packet *p)
{
	(void)p;
	return 0;
}

/* Makes sure of 'headroom' and 'tailroom' bytes, reallocating if needed. */
void dp_packet_reserve(struct dp_packet *, uint32_t headroom, uint32_t tailroom);

/* Adds n bytes in front of the data and returns them (uninitialised);
 * parsed offsets move with the data. */
void *dp_packet_push(struct dp_packet *, uint32_t n);
/* Removes n bytes from the front and returns the old start, or NULL if the
 * packet is shorter than n. Offsets inside the removed bytes become absent. */
void *dp_packet_pull(struct dp_packet *, uint32_t n);
/* Appends n bytes at the tail and returns them (uninitialised). */
void *dp_packet_put(struct dp_packet *, uint32_t n);
/* Appends a copy of data[0..n). */
void dp_packet_put_data(struct dp_packet *, const void *data, uint32_t n);
/* Shortens the data to 'size' bytes (no-op if already shorter); offsets
 * past the new end become absent. */
void dp_packet_trim(struct dp_packet *, uint32_t size);

/* Inserts n bytes at 'at' bytes from the start, moving the bytes before
 * 'at' towards the headroom (cheap for the short L2 header in front), and
 * returns the gap; offsets at or after 'at' stay with their headers. */
void *dp_packet_insert(struct dp_packet *, uint32_t at, uint32_t n);
/* Removes n bytes at 'at', moving the bytes in front back; returns 0, or
 * -EINVAL if the range is outside the data. */
int dp_packet_remove(struct dp_packet *, uint32_t at, uint32_t n);

/* Extracts the flow key (with this packet's metadata) and records the
 * header offsets.  Returns flow_extract()'s result. */
int dp_packet_parse(struct dp_packet *, struct flow_key *);

/* A parsed header, or NULL if the packet has none. */
static inline void *dp_packet_at_ofs(const struct dp_packet *p, uint16_t ofs)
{
	return ofs == FLOW_OFS_NONE ? NULL : (uint8_t *)dp_packet_data(p) + ofs;
}

static inline void *dp_packet_l2_5(const struct dp_packet *p)
{
	return dp_packet_at_ofs(p, p->hdr.l2_5);
}

static inline void *dp_packet_l3(const struct dp_packet *p)
{
	return dp_packet_at_ofs(p, p->hdr.l3);
}

static inline void *dp_packet_l4(const struct dp_packet *p)
{
	return dp_packet_at_ofs(p, p->hdr.l4);
}

/* Bytes from the L4 header to the end, or 0 if there is no L4 header. */
static inline uint32_t dp_packet_l4_size(const struct dp_packet *p)
{
	return p->hdr.l4 == FLOW_OFS_NONE ? 0 : p->size - p->hdr.l4;
}

#endif /* WEIR_DP_PACKET_H */
