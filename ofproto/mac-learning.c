/* The MAC learning table: a chained hash of (VLAN, address) keys and a
 * list of dynamic entries in the order they were last seen, so aging and
 * eviction look only at the list's head. */
#include "mac-learning.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "xalloc.h"

/* A known entry is refreshed at most this often, so a busy flow's packets
 * take only the read lock. */
#define MAC_REFRESH_MS 1000

struct mac_entry {
	struct mac_entry *hash_next;
	struct mac_entry *lru_prev, *lru_next;  /* dynamic entries only */
	uint64_t key;                           /* vlan << 48 | mac */
	int64_t seen;                           /* ms */
	uint32_t port;
	bool is_static;
};

struct mac_table {
	pthread_rwlock_t rwlock;
	struct mac_entry **buckets;
	size_t n_buckets;               /* a power of 2 */
	size_t n_entries;
	size_t max_entries;
	unsigned int aging_s;
	uint64_t secret;
	uint64_t seq;
	struct mac_entry lru;           /* list head: next is the oldest */
};

static uint64_t
mac_key(const uint8_t mac[6], uint16_t vlan)
{
	uint64_t key = (uint64_t)(vlan & 0xfff) << 48;

	for (int i = 0; i < 6; i++)
		key |= (uint64_t)mac[i] << (40 - 8 * i);
	return key;
}

static void
mac_from_key(uint64_t key, uint8_t mac[6])
{
	for (int i = 0; i < 6; i++)
		mac[i] = key >> (40 - 8 * i);
}

/* A keyed mix, so that addresses chosen by a sender cannot pile into one
 * chain without knowing the table's secret. */
static size_t
mac_bucket(const struct mac_table *t, uint64_t key)
{
	uint64_t h = key ^ t->secret;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h & (t->n_buckets - 1);
}

static struct mac_entry *
mac_find(const struct mac_table *t, uint64_t key)
{
	struct mac_entry *e = t->buckets[mac_bucket(t, key)];

	while (e && e->key != key)
		e = e->hash_next;
	return e;
}

static void
lru_unlink(struct mac_entry *e)
{
	e->lru_prev->lru_next = e->lru_next;
	e->lru_next->lru_prev = e->lru_prev;
}

static void
lru_append(struct mac_table *t, struct mac_entry *e)
{
	e->lru_prev = t->lru.lru_prev;
	e->lru_next = &t->lru;
	t->lru.lru_prev->lru_next = e;
	t->lru.lru_prev = e;
}

static void
mac_remove(struct mac_table *t, struct mac_entry *e)
{
	struct mac_entry **p = &t->buckets[mac_bucket(t, e->key)];

	while (*p != e)
		p = &(*p)->hash_next;
	*p = e->hash_next;
	if (!e->is_static)
		lru_unlink(e);
	t->n_entries--;
	t->seq++;
	free(e);
}

static void
mac_rehash(struct mac_table *t, size_t n_buckets)
{
	struct mac_entry **old = t->buckets;
	size_t n_old = t->n_buckets;

	t->buckets = xcalloc(n_buckets, sizeof *t->buckets);
	t->n_buckets = n_buckets;
	for (size_t i = 0; i < n_old; i++) {
		struct mac_entry *e = old[i], *next;

		for (; e; e = next) {
			size_t b = mac_bucket(t, e->key);

			next = e->hash_next;
			e->hash_next = t->buckets[b];
			t->buckets[b] = e;
		}
	}
	free(old);
}

/* About one entry per bucket at the size limit. */
static size_t
buckets_for(size_t max_entries)
{
	size_t n = 16;

	while (n < max_entries && n < ((size_t)1 << 24))
		n <<= 1;
	return n;
}

static uint64_t
mac_secret(void)
{
	uint64_t s = 0;

	if (getrandom(&s, sizeof s, 0) != sizeof s)
		s = (uint64_t)(uintptr_t)&s;
	return s;
}

struct mac_table *
mac_table_create(unsigned int aging_s, size_t max_entries)
{
	struct mac_table *t = xcalloc(1, sizeof *t);

	pthread_rwlock_init(&t->rwlock, NULL);
	t->lru.lru_next = t->lru.lru_prev = &t->lru;
	t->secret = mac_secret();
	mac_table_set_aging(t, aging_s);
	mac_table_set_max_entries(t, max_entries);
	return t;
}

void
mac_table_destroy(struct mac_table *t)
{
	if (!t)
		return;
	mac_table_flush(t);
	free(t->buckets);
	pthread_rwlock_destroy(&t->rwlock);
	free(t);
}

void
mac_table_set_aging(struct mac_table *t, unsigned int aging_s)
{
	if (aging_s < MAC_MIN_AGING_S)
		aging_s = MAC_MIN_AGING_S;
	if (aging_s > MAC_MAX_AGING_S)
		aging_s = MAC_MAX_AGING_S;
	pthread_rwlock_wrlock(&t->rwlock);
	t->aging_s = aging_s;
	pthread_rwlock_unlock(&t->rwlock);
}

unsigned int
mac_table_aging(const struct mac_table *t)
{
	return t->aging_s;
}

/* The oldest dynamic entry, or NULL. */
static struct mac_entry *
lru_oldest(struct mac_table *t)
{
	return t->lru.lru_next == &t->lru ? NULL : t->lru.lru_next;
}

void
mac_table_set_max_entries(struct mac_table *t, size_t max_entries)
{
	struct mac_entry *e;

	if (max_entries < 10)
		max_entries = 10;
	pthread_rwlock_wrlock(&t->rwlock);
	t->max_entries = max_entries;
	while (t->n_entries > max_entries && (e = lru_oldest(t)))
		mac_remove(t, e);
	if (buckets_for(max_entries) != t->n_buckets)
		mac_rehash(t, buckets_for(max_entries));
	pthread_rwlock_unlock(&t->rwlock);
}

static bool
is_multicast(const uint8_t mac[6])
{
	return mac[0] & 1;
}

static struct mac_entry *
mac_insert(struct mac_table *t, uint64_t key, uint32_t port, bool is_static)
{
	struct mac_entry *e = xcalloc(1, sizeof *e);
	size_t b = mac_bucket(t, key);

	e->key = key;
	e->port = port;
	e->is_static = is_static;
	e->hash_next = t->buckets[b];
	t->buckets[b] = e;
	if (!is_static)
		lru_append(t, e);
	t->n_entries++;
	t->seq++;
	return e;
}

/* Under the write lock: what mac_table_learn() decided needs a change. */
static bool
learn_locked(struct mac_table *t, uint64_t key, uint32_t port, int64_t now)
{
	struct mac_entry *e = mac_find(t, key);
	bool changed = false;

	if (e && e->is_static)
		return false;
	if (!e) {
		struct mac_entry *old = lru_oldest(t);

		if (t->n_entries >= t->max_entries) {
			if (!old)
				return false;   /* all static */
			mac_remove(t, old);
		}
		e = mac_insert(t, key, port, false);
		changed = true;
	} else if (e->port != port) {
		e->port = port;
		t->seq++;
		changed = true;
	}
	e->seen = now;
	lru_unlink(e);
	lru_append(t, e);
	return changed;
}

bool
mac_table_learn(struct mac_table *t, const uint8_t mac[6], uint16_t vlan,
		uint32_t port, int64_t now)
{
	uint64_t key = mac_key(mac, vlan);
	struct mac_entry *e;
	bool fresh, changed;

	if (is_multicast(mac))
		return false;
	pthread_rwlock_rdlock(&t->rwlock);
	e = mac_find(t, key);
	fresh = e && (e->is_static ||
		      (e->port == port && now - e->seen < MAC_REFRESH_MS));
	pthread_rwlock_unlock(&t->rwlock);
	if (fresh)
		return false;

	pthread_rwlock_wrlock(&t->rwlock);
	changed = learn_locked(t, key, port, now);
	pthread_rwlock_unlock(&t->rwlock);
	return changed;
}

bool
mac_table_add_static(struct mac_table *t, const uint8_t mac[6],
		     uint16_t vlan, uint32_t port)
{
	uint64_t key = mac_key(mac, vlan);
	struct mac_entry *e;
	bool ok = true;

	if (is_multicast(mac))
		return false;
	pthread_rwlock_wrlock(&t->rwlock);
	e = mac_find(t, key);
	if (e)
		mac_remove(t, e);
	if (t->n_entries >= t->max_entries) {
		struct mac_entry *old = lru_oldest(t);

		if (old)
			mac_remove(t, old);
		else
			ok = false;
	}
	if (ok)
		mac_insert(t, key, port, true);
	pthread_rwlock_unlock(&t->rwlock);
	return ok;
}

bool
mac_table_del_static(struct mac_table *t, const uint8_t mac[6],
		     uint16_t vlan)
{
	struct mac_entry *e;
	bool found;

	pthread_rwlock_wrlock(&t->rwlock);
	e = mac_find(t, mac_key(mac, vlan));
	found = e && e->is_static;
	if (found)
		mac_remove(t, e);
	pthread_rwlock_unlock(&t->rwlock);
	return found;
}

static bool
is_expired(const struct mac_table *t, const struct mac_entry *e, int64_t now)
{
	return !e->is_static && now - e->seen >= (int64_t)t->aging_s * 1000;
}

bool
mac_table_lookup(struct mac_table *t, const uint8_t mac[6], uint16_t vlan,
		 int64_t now, uint32_t *port)
{
	struct mac_entry *e;
	bool found;

	pthread_rwlock_rdlock(&t->rwlock);
	e = mac_find(t, mac_key(mac, vlan));
	found = e && !is_expired(t, e, now);
	if (found)
		*port = e->port;
	pthread_rwlock_unlock(&t->rwlock);
	return found;
}

size_t
mac_table_expire(struct mac_table *t, int64_t now)
{
	struct mac_entry *e;
	size_t n = 0;

	pthread_rwlock_wrlock(&t->rwlock);
	while ((e = lru_oldest(t)) && is_expired(t, e, now)) {
		mac_remove(t, e);
		n++;
	}
	pthread_rwlock_unlock(&t->rwlock);
	return n;
}

int64_t
mac_table_next_expiry(struct mac_table *t)
{
	struct mac_entry *e;
	int64_t when;

	pthread_rwlock_rdlock(&t->rwlock);
	e = lru_oldest(t);
	when = e ? e->seen + (int64_t)t->aging_s * 1000 : INT64_MAX;
	pthread_rwlock_unlock(&t->rwlock);
	return when;
}

/* Removes every entry 'drop' selects. */
static void
mac_remove_if(struct mac_table *t, bool (*drop)(const struct mac_entry *,
						 uint32_t), uint32_t arg)
{
	pthread_rwlock_wrlock(&t->rwlock);
	for (size_t i = 0; i < t->n_buckets; i++) {
		struct mac_entry *e = t->buckets[i], *next;

		for (; e; e = next) {
			next = e->hash_next;
			if (drop(e, arg))
				mac_remove(t, e);
		}
	}
	pthread_rwlock_unlock(&t->rwlock);
}

static bool
any_entry(const struct mac_entry *e, uint32_t arg)
{
	(void)e;
	(void)arg;
	return true;
}

static bool
on_port(const struct mac_entry *e, uint32_t port)
{
	return e->port == port;
}

void
mac_table_flush(struct mac_table *t)
{
	mac_remove_if(t, any_entry, 0);
}

void
mac_table_flush_port(struct mac_table *t, uint32_t port)
{
	mac_remove_if(t, on_port, port);
}

size_t
mac_table_count(struct mac_table *t)
{
	size_t n;

	pthread_rwlock_rdlock(&t->rwlock);
	n = t->n_entries;
	pthread_rwlock_unlock(&t->rwlock);
	return n;
}

uint64_t
mac_table_seq(struct mac_table *t)
{
	uint64_t seq;

	pthread_rwlock_rdlock(&t->rwlock);
	seq = t->seq;
	pthread_rwlock_unlock(&t->rwlock);
	return seq;
}

static void
entry_info(const struct mac_entry *e, int64_t now, struct mac_entry_info *info)
{
	info->port = e->port;
	info->vlan = e->key >> 48;
	mac_from_key(e->key, info->mac);
	info->is_static = e->is_static;
	info->age_s = e->is_static ? 0 : (int)((now - e->seen) / 1000);
}

struct mac_entry_info *
mac_table_snapshot(struct mac_table *t, int64_t now, size_t *n)
{
	struct mac_entry_info *out;
	size_t i = 0;

	pthread_rwlock_rdlock(&t->rwlock);
	out = xcalloc(t->n_entries ? t->n_entries : 1, sizeof *out);
	for (size_t b = 0; b < t->n_buckets; b++)
		for (struct mac_entry *e = t->buckets[b]; e; e = e->hash_next)
			if (e->is_static)
				entry_info(e, now, &out[i++]);
	for (struct mac_entry *e = t->lru.lru_next; e != &t->lru;
	     e = e->lru_next)
		entry_info(e, now, &out[i++]);
	pthread_rwlock_unlock(&t->rwlock);
	*n = i;
	return out;
}
