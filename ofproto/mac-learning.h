/* The MAC learning table behind the NORMAL action: which port a (VLAN,
 * Ethernet address) was last seen on.
 *
 * Translation runs in several handler threads at once, so lookups and
 * learning take a reader/writer lock; learning first checks under the read
 * lock, because almost every packet confirms what is already known.  The
 * clock is the caller's (milliseconds), so tests drive aging directly.
 *
 * A change that can alter forwarding (a new address, a move, an expiry, a
 * flush) bumps the table's sequence number: megaflows built from an older
 * number may be stale and are revalidated. */
#ifndef WEIR_MAC_LEARNING_H
#define WEIR_MAC_LEARNING_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAC_DEFAULT_AGING_S 300
#define MAC_DEFAULT_MAX_ENTRIES 8192
#define MAC_MIN_AGING_S 15
#define MAC_MAX_AGING_S 3600

struct mac_table;

/* One entry as fdb/show prints it. */
struct mac_entry_info {
	uint32_t port;
	uint16_t vlan;
	uint8_t mac[6];
	int age_s;              /* seconds since last seen */
	bool is_static;
};

struct mac_table *mac_table_create(unsigned int aging_s, size_t max_entries);
void mac_table_destroy(struct mac_table *);
/* Out-of-range values are clamped (aging to 15..3600 s, size to >= 10). */
void mac_table_set_aging(struct mac_table *, unsigned int aging_s);
void mac_table_set_max_entries(struct mac_table *, size_t max_entries);
unsigned int mac_table_aging(const struct mac_table *);

/* Records that 'mac' was seen on 'port' in 'vlan' at 'now'.  Multicast
 * sources are never learned.  When the table is full the least recently
 * seen dynamic entry is replaced.  True if forwarding changed. */
bool mac_table_learn(struct mac_table *, const uint8_t mac[6], uint16_t vlan,
		     uint32_t port, int64_t now);
/* A static entry (fdb/add): never ages, never moves by learning. */
bool mac_table_add_static(struct mac_table *, const uint8_t mac[6],
			  uint16_t vlan, uint32_t port);
bool mac_table_del_static(struct mac_table *, const uint8_t mac[6],
			  uint16_t vlan);
/* The port of a known, unexpired address. */
bool mac_table_lookup(struct mac_table *, const uint8_t mac[6],
		      uint16_t vlan, int64_t now, uint32_t *port);

/* Drops entries idle for longer than the aging time; returns how many. */
size_t mac_table_expire(struct mac_table *, int64_t now);
/* The next time an entry could expire, INT64_MAX if none. */
int64_t mac_table_next_expiry(struct mac_table *);
/* Forget everything, or what one port taught (the port went away or
 * changed VLAN configuration). */
void mac_table_flush(struct mac_table *);
void mac_table_flush_port(struct mac_table *, uint32_t port);

size_t mac_table_count(struct mac_table *);
uint64_t mac_table_seq(struct mac_table *);
/* Entries, least recently seen first (the order fdb/show prints them);
 * returns a malloc'd array of '*n' entries. */
struct mac_entry_info *mac_table_snapshot(struct mac_table *, int64_t now,
					  size_t *n);

#endif /* WEIR_MAC_LEARNING_H */
