/* The daemon's side of the configuration database: a replica of weir-dbd's
 * Open_vSwitch database, turned into the configuration it asks for, and
 * applied change by change through an ops table the daemon supplies (adding
 * a port calls port_add for that port only).  Status the daemon reports
 * through the same table is written back, and Open_vSwitch cur_cfg follows
 * next_cfg once a change is live, which is what "ovs-vsctl" without
 * --no-wait waits for. */
#ifndef WEIR_BRIDGE_H
#define WEIR_BRIDGE_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A string-to-string map (other_config, options, ...), sorted by key. */
struct bridge_smap {
	size_t n;
	char **keys;
	char **values;
};

/* The value of 'key', or NULL. */
const char *bridge_smap_get(const struct bridge_smap *, const char *key);

/* Bits of bridge_cfg.protocols, one per OpenFlow wire version. */
#define BRIDGE_OF_VERSION(V) (1u << (V))	/* V: 1 for 1.0 ... 6 for 1.5 */

struct bridge_cfg {
	char *name;
	char *datapath_type;		/* "system" when the column is empty */
	uint64_t datapath_id;		/* other_config:datapath-id, derived */
	char *fail_mode;		/* "standalone" or "secure" */
	uint32_t protocols;		/* BRIDGE_OF_VERSION bits; 0: default */
	bool mcast_snooping;		/* always false: not supported */
	bool stp_enable;
	bool rstp_enable;
	struct bridge_smap other_config;
};

struct iface_cfg {
	char *name;
	char *type;			/* "system" when empty; local: internal */
	struct bridge_smap options;
	int64_t ofport_request;		/* 0: none */
	int64_t mtu_request;		/* 0: none */
	char *mac;			/* "": none */
};

struct port_cfg {
	char *name;
	int tag;			/* -1: none */
	uint16_t *trunks;		/* sorted */
	size_t n_trunks;
	char *vlan_mode;		/* "": by tag, as OVS decides */
	bool fake_bridge;		/* a fake bridge: 'tag' is its VLAN */
	struct iface_cfg *ifaces;	/* sorted by name */
	size_t n_ifaces;
	char *bond_mode;		/* "": default */
	char *lacp;			/* "": off */
	int64_t bond_updelay;
	int64_t bond_downdelay;
	bool bond_fake_iface;
	struct bridge_smap other_config;
};

struct controller_cfg {
	char *target;
	char *connection_mode;		/* "": default (in-band) */
	int64_t max_backoff;		/* ms; 0: default */
	int64_t inactivity_probe;	/* ms; -1: default */
	int64_t rate_limit;		/* packets/s; 0: none */
	int64_t burst_limit;		/* 0: default */
	bool enable_async_messages;
	struct bridge_smap other_config;
};

struct ssl_cfg {
	char *private_key;
	char *certificate;
	char *ca_cert;
	bool bootstrap_ca_cert;
};

struct ct_zone_cfg {
	uint16_t zone;
	int64_t limit;			/* -1: none */
	struct bridge_smap timeouts;	/* the zone's CT_Timeout_Policy */
};

/* Interface status the daemon reports; fields it leaves alone stay unset.
 * 'error' is malloc'd by the daemon and freed by the bridge. */
enum bridge_stat {
	BRIDGE_STAT_RX_PACKETS, BRIDGE_STAT_RX_BYTES, BRIDGE_STAT_RX_DROPPED,
	BRIDGE_STAT_RX_ERRORS, BRIDGE_STAT_TX_PACKETS, BRIDGE_STAT_TX_BYTES,
	BRIDGE_STAT_TX_DROPPED, BRIDGE_STAT_TX_ERRORS, BRIDGE_STAT_COLLISIONS,
	BRIDGE_N_STATS
};
#define BRIDGE_STAT_NONE UINT64_MAX

struct iface_status {
	int64_t ofport;			/* -1: could not be added */
	int64_t ifindex;		/* -1: unknown */
	int64_t mtu;			/* -1: unknown */
	char mac_in_use[18];		/* "": unknown */
	char link_state[5];		/* "up", "down" or "" */
	char admin_state[5];
	uint64_t stats[BRIDGE_N_STATS];	/* BRIDGE_STAT_NONE: unsupported */
	char *error;			/* NULL: none */
};

struct controller_status {
	bool is_connected;
	char role[8];			/* "other", "master", "slave" or "" */
	struct bridge_smap status;	/* filled with bridge_smap_add() */
};

/* Adds 'key'='value' (copied), replacing an earlier value of 'key'. */
void bridge_smap_add(struct bridge_smap *, const char *key,
		     const char *value);

/* The daemon's actions.  Each returns 0 or an errno (logged); a NULL op
 * counts as done.  Pointers passed are valid during the call only.  One
 * change calls, in this order: ssl_set, managers_set, bridge_del and
 * port_del for what went, then per bridge in name order bridge_add (then
 * port_add for each of its ports, controllers_set when it has any) or
 * bridge_mod, port_add and port_mod for what is new or changed, and
 * controllers_set; ct_zones_set last.  A deleted bridge takes its ports
 * with it (no port_del); a bridge whose datapath type changes is deleted
 * and added again.  A port whose port_add failed is not retried until its
 * row changes; its interfaces get ofport -1 and an error. */
struct bridge_ops {
	int (*bridge_add)(void *aux, const struct bridge_cfg *);
	int (*bridge_mod)(void *aux, const struct bridge_cfg *old,
			  const struct bridge_cfg *new);
	void (*bridge_del)(void *aux, const char *name);
	int (*port_add)(void *aux, const char *bridge, const struct port_cfg *);
	int (*port_mod)(void *aux, const char *bridge,
			const struct port_cfg *old, const struct port_cfg *new);
	void (*port_del)(void *aux, const char *bridge, const char *port);
	int (*controllers_set)(void *aux, const char *bridge,
			       const struct controller_cfg *, size_t n);
	int (*managers_set)(void *aux, const char *const *targets, size_t n);
	/* NULL: no SSL configuration. */
	int (*ssl_set)(void *aux, const struct ssl_cfg *);
	int (*ct_zones_set)(void *aux, const char *datapath_type,
			    const struct ct_zone_cfg *, size_t n);

	void (*iface_status)(void *aux, const char *iface,
			     struct iface_status *);
	void (*controller_status)(void *aux, const char *bridge,
				  const char *target,
				  struct controller_status *);
	/* Fills the Datapath row's capabilities (bridge_smap_add()). */
	void (*datapath_capabilities)(void *aux, const char *datapath_type,
				      struct bridge_smap *);
};

struct bridge;

/* A bridge layer reading the database at 'db_remote' ("unix:PATH", ...).
 * It connects in bridge_run() and reconnects whenever the server goes. */
struct bridge *bridge_create(const char *db_remote, const struct bridge_ops *,
			     void *aux);
void bridge_destroy(struct bridge *);
/* Connects if need be, applies what changed, writes status (statistics
 * every 5 s, link state within a second). */
void bridge_run(struct bridge *);
/* Blocks until bridge_run() has work: a database update, a status write
 * due, or the next reconnection attempt. */
void bridge_wait(struct bridge *);
/* The longest bridge_wait() should block for other work: ms until the next
 * timed duty. */
int bridge_timeout_ms(const struct bridge *);
bool bridge_is_connected(const struct bridge *);
/* The database connection's socket, or -1: a poll loop waits on it and
 * calls bridge_run() when it is readable, instead of bridge_wait(). */
int bridge_fd(const struct bridge *);

#endif /* WEIR_BRIDGE_H */
