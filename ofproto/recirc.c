/* Recirculation ids: a table indexed by id, plus hash chains over the
 * serialized state so that equal freezes share one id. */
#include "recirc.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define RECIRC_BUCKETS 256
#define RECIRC_MAX_IDS (1u << 24)

struct recirc_node {
	struct recirc_node *next;	/* hash chain */
	uint32_t id, hash;
	unsigned int refs;
	struct recirc_state state;	/* pointers into 'blob' */
	size_t blob_len;
	uint8_t blob[];			/* serialized state, for equality */
};

_Static_assert(offsetof(struct recirc_node, blob) % 8 == 0,
	       "actions in the blob are aligned");

static pthread_mutex_t recirc_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct recirc_node **recirc_by_id;	/* [id - 1] */
static size_t recirc_n_slots;
static uint32_t recirc_next_free = 1;
static size_t recirc_live;
static struct recirc_node *recirc_buckets[RECIRC_BUCKETS];

static uint32_t recirc_hash(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static void recirc_put(uint8_t **p, const void *src, size_t n)
{
	if (n)
		memcpy(*p, src, n);
	*p += n;
}

/* The state as bytes, free of padding (equality compares them), with
 * the action lists 8-byte aligned at fixed places so that the state can
 * point into them: header, ofpacts, action set, stack, then frames. */
#define RECIRC_HDR_LEN (sizeof(struct of_flow) + 8 + 4 * sizeof(size_t))
#define RECIRC_FRAME_LEN (1 + 8 + 2 * sizeof(size_t))

static size_t recirc_blob_size(const struct recirc_state *s)
{
	return RECIRC_HDR_LEN + s->ofpacts_len + s->action_set_len
	       + s->stack_len + s->n_frames * RECIRC_FRAME_LEN;
}

static void recirc_serialize(const struct recirc_state *s, uint8_t *blob)
{
	size_t lens[4] = { s->ofpacts_len, s->n_frames, s->action_set_len,
			   s->stack_len };
	uint8_t *p = blob;

	recirc_put(&p, &s->meta, sizeof s->meta);
	recirc_put(&p, &s->table_id, 1);
	p += 3;
	recirc_put(&p, &s->orig_in_port, 4);
	recirc_put(&p, lens, sizeof lens);
	recirc_put(&p, s->ofpacts, s->ofpacts_len);
	recirc_put(&p, s->action_set, s->action_set_len);
	recirc_put(&p, s->stack, s->stack_len);
	for (size_t i = 0; i < s->n_frames; i++) {
		recirc_put(&p, &s->frames[i].table_id, 1);
		recirc_put(&p, &s->frames[i].cookie, 8);
		recirc_put(&p, &s->frames[i].ofs, sizeof(size_t));
		recirc_put(&p, &s->frames[i].len, sizeof(size_t));
	}
}

/* node->state: a copy of 's' whose pointers lead into node memory. */
static void recirc_own(struct recirc_node *node, const struct recirc_state *s)
{
	uint8_t *p = node->blob + RECIRC_HDR_LEN;
	struct recirc_frame *frames = (struct recirc_frame *)
		(node->blob + node->blob_len);

	node->state = *s;
	node->state.ofpacts = p;
	node->state.action_set = p + s->ofpacts_len;
	node->state.stack = p + s->ofpacts_len + s->action_set_len;
	if (s->n_frames)
		memcpy(frames, s->frames, s->n_frames * sizeof *frames);
	node->state.frames = frames;
}

static struct recirc_node *recirc_lookup_locked(uint32_t id)
{
	if (!id || id > recirc_n_slots)
		return NULL;
	return recirc_by_id[id - 1];
}

/* The lowest free id at or after recirc_next_free, growing the table. */
static uint32_t recirc_take_id(void)
{
	uint32_t id = recirc_next_free;

	while (id <= recirc_n_slots && recirc_by_id[id - 1])
		id++;
	if (id > RECIRC_MAX_IDS)
		return 0;
	if (id > recirc_n_slots) {
		size_t n = recirc_n_slots ? recirc_n_slots * 2 : 64;
		struct recirc_node **t = realloc(recirc_by_id, n * sizeof *t);

		if (!t)
			return 0;
		memset(t + recirc_n_slots, 0,
		       (n - recirc_n_slots) * sizeof *t);
		recirc_by_id = t;
		recirc_n_slots = n;
	}
	recirc_next_free = id + 1;
	return id;
}

uint32_t recirc_alloc(const struct recirc_state *s)
{
	size_t len = recirc_blob_size(s);
	size_t frames = s->n_frames * sizeof *s->frames;
	struct recirc_node *node = malloc(sizeof *node + len + frames + 8);
	struct recirc_node **chain;
	uint32_t id;

	if (!node)
		return 0;
	/* Frames go after the blob, aligned. */
	len = (len + 7) / 8 * 8;
	memset(node->blob, 0, len);
	recirc_serialize(s, node->blob);
	node->blob_len = len;
	node->hash = recirc_hash(node->blob, len);
	recirc_own(node, s);

	pthread_mutex_lock(&recirc_mutex);
	chain = &recirc_buckets[node->hash % RECIRC_BUCKETS];
	for (struct recirc_node *n = *chain; n; n = n->next) {
		if (n->hash == node->hash && n->blob_len == len
		    && !memcmp(n->blob, node->blob, len)) {
			n->refs++;
			id = n->id;
			pthread_mutex_unlock(&recirc_mutex);
			free(node);
			return id;
		}
	}
	id = recirc_take_id();
	if (id) {
		node->id = id;
		node->refs = 1;
		node->next = *chain;
		*chain = node;
		recirc_by_id[id - 1] = node;
		recirc_live++;
	}
	pthread_mutex_unlock(&recirc_mutex);
	if (!id)
		free(node);
	return id;
}

const struct recirc_state *recirc_find(uint32_t id)
{
	struct recirc_node *node;

	pthread_mutex_lock(&recirc_mutex);
	node = recirc_lookup_locked(id);
	pthread_mutex_unlock(&recirc_mutex);
	return node ? &node->state : NULL;
}

const struct recirc_state *recirc_find_ref(uint32_t id)
{
	struct recirc_node *node;

	pthread_mutex_lock(&recirc_mutex);
	node = recirc_lookup_locked(id);
	if (node)
		node->refs++;
	pthread_mutex_unlock(&recirc_mutex);
	return node ? &node->state : NULL;
}

void recirc_ref(uint32_t id)
{
	recirc_find_ref(id);
}

void recirc_unref(uint32_t id)
{
	struct recirc_node *node;

	pthread_mutex_lock(&recirc_mutex);
	node = recirc_lookup_locked(id);
	if (node && !--node->refs) {
		struct recirc_node **p;

		p = &recirc_buckets[node->hash % RECIRC_BUCKETS];
		while (*p != node)
			p = &(*p)->next;
		*p = node->next;
		recirc_by_id[id - 1] = NULL;
		if (id < recirc_next_free)
			recirc_next_free = id;
		recirc_live--;
	} else {
		node = NULL;
	}
	pthread_mutex_unlock(&recirc_mutex);
	free(node);
}

size_t recirc_count(void)
{
	size_t n;

	pthread_mutex_lock(&recirc_mutex);
	n = recirc_live;
	pthread_mutex_unlock(&recirc_mutex);
	return n;
}
