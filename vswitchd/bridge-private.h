/* Internals shared by the bridge layer's files: the configuration the
 * database asks for (bridge-config.c reads it), its application through the
 * ops (bridge-apply.c) and the status written back (bridge-status.c). */
#ifndef WEIR_BRIDGE_PRIVATE_H
#define WEIR_BRIDGE_PRIVATE_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bridge.h"

struct ovsdb_column;
struct ovsdb_datum;
struct ovsdb_idl;
struct ovsdb_idl_row;

struct bridge_port {
	struct port_cfg cfg;
	int error;		/* port_add's errno: its interfaces failed */
};

struct bridge_br {
	struct bridge_cfg cfg;
	struct bridge_port *ports;	/* sorted by name */
	size_t n_ports;
	struct controller_cfg *ctls;	/* sorted by target */
	size_t n_ctls;
};

struct bridge_dp {
	char *type;
	struct ct_zone_cfg *zones;	/* sorted by zone */
	size_t n_zones;
};

/* The whole configuration, everything sorted by name so that two states
 * compare in one walk. */
struct bridge_state {
	struct bridge_br *brs;
	size_t n_brs;
	char **managers;		/* sorted targets */
	size_t n_managers;
	struct ssl_cfg *ssl;		/* NULL: none */
	struct bridge_dp *dps;		/* sorted by type */
	size_t n_dps;
	int64_t next_cfg;
};

/* bridge-smap.c */
void bridge_smap_init(struct bridge_smap *);
void bridge_smap_clear(struct bridge_smap *);
void bridge_smap_clone(struct bridge_smap *dst, const struct bridge_smap *);
bool bridge_smap_equal(const struct bridge_smap *, const struct bridge_smap *);

/* bridge-db.c: reading replica columns, with the column's default when
 * empty or absent. */
const char *bridge_db_string(const struct ovsdb_idl_row *, const char *col);
int64_t bridge_db_int(const struct ovsdb_idl_row *, const char *col,
		      int64_t dflt);
bool bridge_db_bool(const struct ovsdb_idl_row *, const char *col);
void bridge_db_smap(const struct ovsdb_idl_row *, const char *col,
		    struct bridge_smap *);
/* The row 'd' refers to at index 'i' in table 'table', or NULL. */
struct ovsdb_idl_row *bridge_db_ref(struct ovsdb_idl *, const char *table,
				    const struct ovsdb_datum *d, size_t i,
				    bool value);
struct ovsdb_idl_row *bridge_db_root(struct ovsdb_idl *);
/* Writes column 'c' when its value differs; takes 'value'. */
void bridge_db_put(struct ovsdb_idl_row *, const struct ovsdb_column *c,
		   struct ovsdb_datum *value);
void bridge_db_put_string(struct ovsdb_idl_row *, const char *col,
			  const char *s);	/* NULL: empty optional */
void bridge_db_put_int(struct ovsdb_idl_row *, const char *col,
		       const int64_t *v);	/* NULL: empty optional */
void bridge_db_put_bool(struct ovsdb_idl_row *, const char *col, bool);
void bridge_db_put_strings(struct ovsdb_idl_row *, const char *col,
			   const char *const *, size_t n);
/* 'merge': keys of the column that 'm' lacks stay. */
void bridge_db_put_smap(struct ovsdb_idl_row *, const char *col,
			const struct bridge_smap *m, bool merge);
/* A string-to-integer map of the counters in 'v' that are not 'none'. */
void bridge_db_put_counters(struct ovsdb_idl_row *, const char *col,
			    const char *const *names, const uint64_t *v,
			    size_t n, uint64_t none);

/* bridge-config.c */
void bridge_state_read(struct ovsdb_idl *, struct bridge_state *);
void bridge_state_clear(struct bridge_state *);
void bridge_cfg_clear(struct bridge_cfg *);
void bridge_br_clear(struct bridge_br *);
void port_cfg_clear(struct port_cfg *);
/* A port of one interface 'name' of 'type', every other field default. */
void port_cfg_init_single(struct port_cfg *, const char *name,
			  const char *type);
uint64_t bridge_derive_dpid(const char *name, const struct bridge_smap *oc);
/* In an array sorted by name, elements beginning with their name: the one
 * named 'name', or NULL. */
void *bridge_find_named(const void *base, size_t n, size_t size,
			const char *name);
struct bridge_br *bridge_state_find_br(const struct bridge_state *,
				       const char *name);

/* bridge-compare.c: whether two configurations differ in what the daemon
 * sees. */
bool bridge_cfg_equal(const struct bridge_cfg *, const struct bridge_cfg *);
bool port_cfg_equal(const struct port_cfg *, const struct port_cfg *);
bool bridge_ctls_equal(const struct bridge_br *, const struct bridge_br *);
bool bridge_dp_equal(const struct bridge_dp *, const struct bridge_dp *);
bool bridge_ssl_equal(const struct ssl_cfg *, const struct ssl_cfg *);
bool bridge_managers_equal(const struct bridge_state *,
			   const struct bridge_state *);

/* bridge-apply.c: applies what differs from 'cur' to 'want', then moves
 * 'want' (left empty) into 'cur', which is then what the daemon has.
 * The number of ops called. */
size_t bridge_apply(const struct bridge_ops *, void *aux,
		    struct bridge_state *cur, struct bridge_state *want);

/* bridge-status.c */
/* Writes status (and cur_cfg = 'applied'->next_cfg) into the replica's
 * transaction; statistics only when 'stats'. */
void bridge_status_write(struct ovsdb_idl *, const struct bridge_ops *,
			 void *aux, const struct bridge_state *applied,
			 bool stats);

#endif /* WEIR_BRIDGE_PRIVATE_H */
