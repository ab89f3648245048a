/* Objects by 32-bit id (groups, meters), read lock-free under RCU.
 *
 * The map is a sorted array of node pointers, replaced as a whole on each
 * change (copy on write): a reader sees the map before or after a change,
 * and a replaced or removed node stays readable until a grace period has
 * passed, then goes to its 'free' function.  One writer at a time. */
#ifndef OFPROTO_ID_MAP_H
#define OFPROTO_ID_MAP_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <urcu.h>

struct id_map_node {			/* embedded in the owner's object */
	struct rcu_head rcu;
	uint32_t id;
	void (*free)(struct id_map_node *);
};

struct id_map_array;

struct id_map {
	struct id_map_array *array;	/* RCU */
	/* While held: the array to go back to, and what was let go since. */
	bool held;
	struct id_map_array *saved;
	struct id_map_node **dropped;
	size_t n_dropped, allocated_dropped;
	struct id_map_array **arrays;
	size_t n_arrays, allocated_arrays;
};

void id_map_init(struct id_map *);
/* Frees every node after a grace period. */
void id_map_clear(struct id_map *);

/* Readers. */
struct id_map_node *id_map_find(const struct id_map *, uint32_t id);
size_t id_map_count(const struct id_map *);
/* The 'i'th node in id order; NULL past the end.  A walk by index sees one
 * array only if the caller is the writer. */
struct id_map_node *id_map_at(const struct id_map *, size_t i);

/* Writer: 'node' takes the place of the node with its id, or is added. */
void id_map_set(struct id_map *, struct id_map_node *);
bool id_map_remove(struct id_map *, uint32_t id);

/* A batch of changes that may be undone (a bundle): after hold, changes
 * are visible as usual but nothing is freed; release frees what they
 * replaced, rollback publishes the map as it was at hold and frees what
 * they added. */
void id_map_hold(struct id_map *);
void id_map_release(struct id_map *);
void id_map_rollback(struct id_map *);

#endif
