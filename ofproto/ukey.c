/* Megaflow records and the indexes a table change walks: by UFID, by the
 * rules and groups a translation relied on, and by the tables it looked
 * up in.  Each index entry knows its position, so removal is constant
 * time. */
#include "ukey.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "xalloc.h"

/* The ukeys that relied on one rule or group. */
struct token_entry {
	struct rcu_hmap_node node;
	const void *token;
	struct ukey **v;
	size_t n, cap;
};

/* A ukey's place in one token entry. */
struct ukey_ref {
	struct token_entry *entry;
	size_t pos;
};

/* A lookup of some ukey in one table. */
struct table_slot {
	struct ukey *ukey;
	size_t visit;
};

struct table_index {
	struct table_slot *v;
	size_t n, cap;
};

struct ukey_map {
	pthread_mutex_t mutex;
	struct rcu_hmap by_ufid;
	struct rcu_hmap by_token;
	struct table_index tables[256];
	size_t count;
};

static uint32_t ufid_hash(const struct flow_ufid *ufid)
{
	return (uint32_t)(ufid->id[0] ^ ufid->id[0] >> 32);
}

static uint32_t token_hash(const void *token)
{
	uint64_t x = (uintptr_t)token;

	x ^= x >> 29;
	x *= 0xbf58476d1ce4e5b9ULL;
	return (uint32_t)(x ^ x >> 32);
}

struct ukey_map *ukey_map_create(void)
{
	struct ukey_map *map = xcalloc(1, sizeof *map);

	pthread_mutex_init(&map->mutex, NULL);
	if (rcu_hmap_init(&map->by_ufid, 64) || rcu_hmap_init(&map->by_token, 64))
		abort();
	return map;
}

void ukey_map_destroy(struct ukey_map *map)
{
	if (!map)
		return;
	rcu_hmap_destroy(&map->by_ufid);
	rcu_hmap_destroy(&map->by_token);
	for (size_t t = 0; t < 256; t++)
		free(map->tables[t].v);
	pthread_mutex_destroy(&map->mutex);
	free(map);
}

static void *memdup(const void *p, size_t n)
{
	void *q = xcalloc(1, n ? n : 1);

	if (n)
		memcpy(q, p, n);
	return q;
}

struct ukey *ukey_create(const struct flow_ufid *ufid,
			 const struct of_match *match,
			 const struct ukey_visit *visits, size_t n_visits,
			 const void *const *uses, size_t n_uses,
			 const void *actions, size_t actions_len,
			 uint64_t version)
{
	struct ukey *uk = xcalloc(1, sizeof *uk);

	uk->ufid = *ufid;
	uk->match = *match;
	uk->visits = memdup(visits, n_visits * sizeof *visits);
	uk->n_visits = n_visits;
	uk->uses = memdup(uses, n_uses * sizeof *uses);
	uk->n_uses = n_uses;
	uk->actions = memdup(actions, actions_len);
	uk->actions_len = actions_len;
	uk->version = version;
	return uk;
}

void ukey_destroy(struct ukey *uk)
{
	if (!uk)
		return;
	free(uk->visits);
	free(uk->uses);
	free(uk->actions);
	free(uk->table_pos);
	free(uk->refs);
	free(uk->recircs);
	free(uk->group_ids);
	free(uk);
}

static struct token_entry *token_find(const struct ukey_map *map,
				      const void *token)
{
	uint32_t h = token_hash(token);
	struct rcu_hmap_cursor c;
	struct rcu_hmap_node *node;

	rcu_hmap_for_each_hash(node, c, rcu_hmap_buckets(&map->by_token), h) {
		struct token_entry *e = (struct token_entry *)node;

		if (e->token == token)
			return e;
	}
	return NULL;
}

static struct token_entry *token_get(struct ukey_map *map, const void *token)
{
	struct token_entry *e = token_find(map, token);

	if (!e) {
		e = xcalloc(1, sizeof *e);
		e->token = token;
		if (rcu_hmap_insert(&map->by_token, &e->node, token_hash(token)))
			abort();
	}
	return e;
}

/* Every token 'uk' relied on, once each: its rules and its other uses. */
static size_t ukey_tokens(const struct ukey *uk, const void **out)
{
	size_t n = 0;

	for (size_t i = 0; i < uk->n_visits + uk->n_uses; i++) {
		const void *t = i < uk->n_visits ? uk->visits[i].rule
						 : uk->uses[i - uk->n_visits];
		size_t j;

		for (j = 0; j < n && out[j] != t; j++)
			continue;
		if (t && j == n)
			out[n++] = t;
	}
	return n;
}

static void index_tokens(struct ukey_map *map, struct ukey *uk)
{
	const void **tokens = xcalloc(uk->n_visits + uk->n_uses + 1,
				      sizeof *tokens);

	uk->n_refs = ukey_tokens(uk, tokens);
	uk->refs = xcalloc(uk->n_refs + 1, sizeof *uk->refs);
	for (size_t i = 0; i < uk->n_refs; i++) {
		struct token_entry *e = token_get(map, tokens[i]);

		e->v = xgrow_n(e->v, &e->cap, e->n + 1, sizeof *e->v);
		uk->refs[i] = (struct ukey_ref){ e, e->n };
		e->v[e->n++] = uk;
	}
	free(tokens);
}

static void unindex_tokens(struct ukey_map *map, struct ukey *uk)
{
	for (size_t i = 0; i < uk->n_refs; i++) {
		struct token_entry *e = uk->refs[i].entry;
		size_t pos = uk->refs[i].pos;
		struct ukey *moved = e->v[--e->n];

		/* The last entry takes the freed place: fix its back link. */
		e->v[pos] = moved;
		for (size_t j = 0; j < moved->n_refs; j++)
			if (moved->refs[j].entry == e)
				moved->refs[j].pos = pos;
		if (!e->n) {
			rcu_hmap_remove(&map->by_token, &e->node);
			free(e->v);
			free(e);
		}
	}
	uk->n_refs = 0;
}

static void index_tables(struct ukey_map *map, struct ukey *uk)
{
	uk->table_pos = xcalloc(uk->n_visits + 1, sizeof *uk->table_pos);
	for (size_t i = 0; i < uk->n_visits; i++) {
		struct table_index *t = &map->tables[uk->visits[i].table_id];

		t->v = xgrow_n(t->v, &t->cap, t->n + 1, sizeof *t->v);
		uk->table_pos[i] = t->n;
		t->v[t->n++] = (struct table_slot){ uk, i };
	}
}

static void unindex_tables(struct ukey_map *map, struct ukey *uk)
{
	for (size_t i = 0; i < uk->n_visits; i++) {
		struct table_index *t = &map->tables[uk->visits[i].table_id];
		size_t pos = uk->table_pos[i];

		t->v[pos] = t->v[--t->n];
		t->v[pos].ukey->table_pos[t->v[pos].visit] = pos;
	}
}

static struct ukey *ukey_map_find_locked(const struct ukey_map *map,
					 const struct flow_ufid *ufid)
{
	uint32_t h = ufid_hash(ufid);
	struct rcu_hmap_cursor c;
	struct rcu_hmap_node *node;

	rcu_hmap_for_each_hash(node, c, rcu_hmap_buckets(&map->by_ufid), h) {
		struct ukey *uk = (struct ukey *)((char *)node -
						  offsetof(struct ukey,
							   ufid_node));

		if (!memcmp(&uk->ufid, ufid, sizeof *ufid))
			return uk;
	}
	return NULL;
}

bool ukey_map_insert_locked(struct ukey_map *map, struct ukey *uk)
{
	if (ukey_map_find_locked(map, &uk->ufid))
		return false;
	if (rcu_hmap_insert(&map->by_ufid, &uk->ufid_node,
			    ufid_hash(&uk->ufid)))
		abort();
	index_tokens(map, uk);
	index_tables(map, uk);
	map->count++;
	return true;
}

bool ukey_map_insert(struct ukey_map *map, struct ukey *uk)
{
	bool ok;

	pthread_mutex_lock(&map->mutex);
	ok = ukey_map_insert_locked(map, uk);
	pthread_mutex_unlock(&map->mutex);
	return ok;
}

void ukey_map_remove_locked(struct ukey_map *map, struct ukey *uk)
{
	rcu_hmap_remove(&map->by_ufid, &uk->ufid_node);
	unindex_tokens(map, uk);
	unindex_tables(map, uk);
	map->count--;
}

void ukey_map_remove(struct ukey_map *map, struct ukey *uk)
{
	pthread_mutex_lock(&map->mutex);
	ukey_map_remove_locked(map, uk);
	pthread_mutex_unlock(&map->mutex);
}

struct ukey *ukey_map_find(struct ukey_map *map, const struct flow_ufid *ufid)
{
	struct ukey *uk;

	pthread_mutex_lock(&map->mutex);
	uk = ukey_map_find_locked(map, ufid);
	pthread_mutex_unlock(&map->mutex);
	return uk;
}

size_t ukey_map_count(struct ukey_map *map)
{
	size_t n;

	pthread_mutex_lock(&map->mutex);
	n = map->count;
	pthread_mutex_unlock(&map->mutex);
	return n;
}

/* Marks 'uk' and reports it, unless it is dirty already (and so already
 * waiting for the revalidator). */
static size_t mark(struct ukey *uk, ukey_cb *cb, void *aux)
{
	if (uk->dirty)
		return 0;
	uk->dirty = true;
	if (cb)
		cb(uk, aux);
	return 1;
}

size_t ukey_map_rule_changed(struct ukey_map *map, const void *rule,
			     ukey_cb *cb, void *aux)
{
	struct token_entry *e;
	size_t n = 0;

	pthread_mutex_lock(&map->mutex);
	e = token_find(map, rule);
	for (size_t i = 0; e && i < e->n; i++)
		n += mark(e->v[i], cb, aux);
	pthread_mutex_unlock(&map->mutex);
	return n;
}

/* Could a packet that reached 'visit' of 'uk' match 'm'? */
static bool visit_overlaps(const struct ukey *uk,
			   const struct ukey_visit *visit,
			   const struct of_match *m)
{
	const uint64_t *fv = (const uint64_t *)&m->flow;
	const uint64_t *fm = (const uint64_t *)&m->mask;
	const uint64_t *uv = (const uint64_t *)&uk->match.flow;
	const uint64_t *um = (const uint64_t *)&uk->match.mask;

	if (visit->flow_changed)
		return true;
	for (size_t i = 0; i < sizeof m->flow / 8; i++)
		if ((fv[i] ^ uv[i]) & fm[i] & um[i])
			return false;
	return true;
}

size_t ukey_map_rule_added(struct ukey_map *map, uint8_t table_id,
			   int priority, const struct of_match *m,
			   ukey_cb *cb, void *aux)
{
	struct table_index *t = &map->tables[table_id];
	size_t n = 0;

	pthread_mutex_lock(&map->mutex);
	for (size_t i = 0; i < t->n; i++) {
		struct ukey *uk = t->v[i].ukey;
		const struct ukey_visit *v = &uk->visits[t->v[i].visit];

		if (v->priority < priority && visit_overlaps(uk, v, m))
			n += mark(uk, cb, aux);
	}
	pthread_mutex_unlock(&map->mutex);
	return n;
}

void ukey_map_for_each(struct ukey_map *map, ukey_cb *cb, void *aux)
{
	struct rcu_hmap_pos pos = { 0, 0 };
	struct rcu_hmap_node *node;

	/* The lock makes this thread the map's only writer: no RCU needed. */
	pthread_mutex_lock(&map->mutex);
	while ((node = rcu_hmap_next_ordered(&map->by_ufid, &pos)))
		cb((struct ukey *)((char *)node -
				   offsetof(struct ukey, ufid_node)), aux);
	pthread_mutex_unlock(&map->mutex);
}

void ukey_map_lock(struct ukey_map *map)
{
	pthread_mutex_lock(&map->mutex);
}

void ukey_map_unlock(struct ukey_map *map)
{
	pthread_mutex_unlock(&map->mutex);
}
