/* Sorted, copy-on-write arrays of nodes by id (see id-map.h). */
#include "id-map.h"

#include <stdlib.h>
#include "compat.h"
#include <string.h>

#include "xalloc.h"

struct id_map_array {
	struct rcu_head rcu;
	size_t n;
	struct id_map_node *nodes[];
};

static const struct id_map_array *id_map_get(const struct id_map *map)
{
	return __atomic_load_n(&map->array, __ATOMIC_CONSUME);
}

/* Index of 'id' in 'a', or where it would go. */
static size_t id_map_index(const struct id_map_array *a, uint32_t id,
			   bool *found)
{
	size_t lo = 0, hi = a ? a->n : 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (a->nodes[mid]->id < id) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	*found = a && lo < a->n && a->nodes[lo]->id == id;
	return lo;
}

static void id_map_array_free_cb(struct rcu_head *rcu)
{
	dp_rcu_cb_begin();
	free(caa_container_of(rcu, struct id_map_array, rcu));
}

static void id_map_node_free_cb(struct rcu_head *rcu)
{
	struct id_map_node *node = caa_container_of(rcu, struct id_map_node,
						    rcu);

	dp_rcu_cb_begin();
	node->free(node);
}

static void id_map_free_node(struct id_map_node *node)
{
	call_rcu(&node->rcu, id_map_node_free_cb);
}

static void id_map_free_array(struct id_map_array *a)
{
	if (a) {
		call_rcu(&a->rcu, id_map_array_free_cb);
	}
}

/* 'node' is out of the map: freed after a grace period, or kept until
 * the batch is decided. */
static void id_map_retire(struct id_map *map, struct id_map_node *node)
{
	if (!map->held) {
		id_map_free_node(node);
		return;
	}
	map->dropped = xgrow_n(map->dropped, &map->allocated_dropped,
			       map->n_dropped + 1, sizeof *map->dropped);
	map->dropped[map->n_dropped++] = node;
}

void id_map_init(struct id_map *map)
{
	memset(map, 0, sizeof *map);
}

/* Publishes 'a' in place of the current array. */
static void id_map_publish(struct id_map *map, struct id_map_array *a)
{
	struct id_map_array *old = map->array;

	__atomic_store_n(&map->array, a, __ATOMIC_RELEASE);
	if (!old) {
		return;
	}
	if (!map->held) {
		id_map_free_array(old);
	} else if (old != map->saved) {
		map->arrays = xgrow_n(map->arrays, &map->allocated_arrays,
				      map->n_arrays + 1, sizeof *map->arrays);
		map->arrays[map->n_arrays++] = old;
	}
}

void id_map_clear(struct id_map *map)
{
	struct id_map_array *old = map->array;

	if (old) {
		for (size_t i = 0; i < old->n; i++) {
			id_map_retire(map, old->nodes[i]);
		}
		id_map_publish(map, NULL);
	}
}

struct id_map_node *id_map_find(const struct id_map *map, uint32_t id)
{
	const struct id_map_array *a = id_map_get(map);
	bool found;
	size_t i = id_map_index(a, id, &found);

	return found ? a->nodes[i] : NULL;
}

size_t id_map_count(const struct id_map *map)
{
	const struct id_map_array *a = id_map_get(map);

	return a ? a->n : 0;
}

struct id_map_node *id_map_at(const struct id_map *map, size_t i)
{
	const struct id_map_array *a = id_map_get(map);

	return a && i < a->n ? a->nodes[i] : NULL;
}

/* A copy of the current array with room for 'n' nodes. */
static struct id_map_array *id_map_copy(const struct id_map *map, size_t n)
{
	const struct id_map_array *old = map->array;
	struct id_map_array *a = xcalloc(1, sizeof *a + n * sizeof *a->nodes);

	for (size_t i = 0; old && i < old->n && i < n; i++) {
		a->nodes[i] = old->nodes[i];
	}
	a->n = old ? old->n : 0;
	return a;
}

void id_map_set(struct id_map *map, struct id_map_node *node)
{
	size_t n = id_map_count(map);
	bool found;
	size_t i = id_map_index(map->array, node->id, &found);
	struct id_map_array *a = id_map_copy(map, n + !found);

	if (found) {
		id_map_retire(map, a->nodes[i]);
	} else {
		for (size_t k = n; k > i; k--) {
			a->nodes[k] = a->nodes[k - 1];
		}
		a->n++;
	}
	a->nodes[i] = node;
	id_map_publish(map, a);
}

bool id_map_remove(struct id_map *map, uint32_t id)
{
	bool found;
	size_t i = id_map_index(map->array, id, &found);
	struct id_map_array *a;

	if (!found) {
		return false;
	}
	a = id_map_copy(map, map->array->n);
	id_map_retire(map, a->nodes[i]);
	for (size_t k = i; k + 1 < a->n; k++) {
		a->nodes[k] = a->nodes[k + 1];
	}
	a->n--;
	id_map_publish(map, a);
	return true;
}

void id_map_hold(struct id_map *map)
{
	map->held = true;
	map->saved = map->array;
}

/* Ends a batch: forgets what it let go of. */
static void id_map_unhold(struct id_map *map)
{
	free(map->dropped);
	free(map->arrays);
	map->dropped = NULL;
	map->arrays = NULL;
	map->n_dropped = map->allocated_dropped = 0;
	map->n_arrays = map->allocated_arrays = 0;
	map->held = false;
	map->saved = NULL;
}

void id_map_release(struct id_map *map)
{
	for (size_t i = 0; i < map->n_dropped; i++) {
		id_map_free_node(map->dropped[i]);
	}
	for (size_t i = 0; i < map->n_arrays; i++) {
		id_map_free_array(map->arrays[i]);
	}
	if (map->saved != map->array) {
		id_map_free_array(map->saved);
	}
	id_map_unhold(map);
}

static bool id_map_array_has(const struct id_map_array *a,
			     const struct id_map_node *node)
{
	bool found;
	size_t i = id_map_index(a, node->id, &found);

	return found && a->nodes[i] == node;
}

/* Frees 'node' unless it belongs to the saved map. */
static void id_map_drop_new(const struct id_map *map, struct id_map_node *node)
{
	if (!id_map_array_has(map->saved, node)) {
		id_map_free_node(node);
	}
}

void id_map_rollback(struct id_map *map)
{
	struct id_map_array *cur = map->array;

	if (cur == map->saved) {
		id_map_unhold(map);
		return;
	}
	__atomic_store_n(&map->array, map->saved, __ATOMIC_RELEASE);
	for (size_t i = 0; i < map->n_dropped; i++) {
		id_map_drop_new(map, map->dropped[i]);
	}
	for (size_t i = 0; cur && i < cur->n; i++) {
		id_map_drop_new(map, cur->nodes[i]);
	}
	for (size_t i = 0; i < map->n_arrays; i++) {
		id_map_free_array(map->arrays[i]);
	}
	id_map_free_array(cur);
	id_map_unhold(map);
}
