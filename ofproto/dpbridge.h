/* A bridge running on a datapath: the OpenFlow state (ofproto), its
 * connections (connmgr), the datapath (dpif) with its ports, and what joins
 * them: upcalls translated into megaflows, revalidation after every table
 * change, packet-ins, packet-outs, NORMAL's MAC learning.
 *
 * Everything here runs in the daemon's main thread, except what the
 * datapath's polling threads (upcalls) and the bridge's revalidator thread
 * do on their own. */
#ifndef WEIR_DPBRIDGE_H
#define WEIR_DPBRIDGE_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "connmgr.h"
#include "port-vlan.h"

struct dpbridge;
struct dpif_port_stats;
struct poll_loop;

/* A bridge of datapath type 'dp_type' ("netdev": the userspace datapath)
 * named 'name', with its local port; NULL and a message in '*errp' if the
 * datapath cannot be made. */
struct dpbridge *dpbridge_create(const char *name, const char *dp_type,
				 struct poll_loop *, char **errp);
void dpbridge_destroy(struct dpbridge *);
const char *dpbridge_name(const struct dpbridge *);
struct dpbridge *dpbridge_find(const char *name);

void dpbridge_set_datapath_id(struct dpbridge *, uint64_t dpid);
uint64_t dpbridge_datapath_id(const struct dpbridge *);
void dpbridge_set_fail_mode(struct dpbridge *, enum connmgr_fail_mode);
int dpbridge_set_controllers(struct dpbridge *,
			     const struct connmgr_controller *, size_t n);
void dpbridge_set_versions(struct dpbridge *, uint32_t versions);
void dpbridge_set_mac_aging(struct dpbridge *, unsigned int seconds,
			    size_t max_entries);
/* Megaflows idle this long are removed (other_config:max-idle). */
void dpbridge_set_max_idle(struct dpbridge *, unsigned int ms);

/* Adds datapath port 'name' of 'type' ("system", "tap", "internal",
 * "dummy", "afxdp"), as OpenFlow port 'ofp_request' if nonzero and free.
 * Returns 0 and the port's OpenFlow number, or -errno with a message. */
int dpbridge_port_add(struct dpbridge *, const char *name, const char *type,
		      const char *const *options, uint32_t ofp_request,
		      uint32_t *ofp_port, char **errp);
void dpbridge_port_del(struct dpbridge *, const char *name);
int dpbridge_port_set_vlan(struct dpbridge *, const char *name,
			   const struct port_vlan *);
bool dpbridge_port_ofp(const struct dpbridge *, const char *name,
		       uint32_t *ofp_port);
bool dpbridge_port_mac(const struct dpbridge *, const char *name,
		       uint8_t mac[6]);
/* The datapath's counters for the port: 0 or -errno. */
int dpbridge_port_stats(struct dpbridge *, const char *name,
			struct dpif_port_stats *);
/* The bridge that has a port named 'name', or NULL. */
struct dpbridge *dpbridge_find_by_port(const char *name);

/* Main-loop work: connections, timeouts, packet-ins and learned flows
 * from the polling threads, MAC aging.  Returns the time (ms) until it
 * wants to run again. */
int dpbridge_run(struct dpbridge *);
/* The same for every bridge: the shortest wait any asks for. */
int dpbridge_run_all(void);
void dpbridge_destroy_all(void);

/* For the Controller table. */
const struct connmgr *dpbridge_connmgr(const struct dpbridge *);

/* appctl: ofproto/trace, dpif/dump-flows, fdb/show, fdb/flush,
 * upcall/show. */
int dpbridge_trace(struct dpbridge *, const char *flow_text, FILE *out);
void dpbridge_fdb_show(struct dpbridge *, FILE *out);
void dpbridge_fdb_flush(struct dpbridge *);
void dpbridge_upcall_show(struct dpbridge *, FILE *out);
void dpbridge_fdb_flush_all(void);
/* Calls 'cb' for every bridge, in creation order. */
void dpbridge_for_each(void (*cb)(struct dpbridge *, void *aux), void *aux);
void dpbridge_upcall_show_all(FILE *out);

#endif /* WEIR_DPBRIDGE_H */
