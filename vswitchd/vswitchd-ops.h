/* The bridge layer's ops (bridge.h) carried out by bridges on datapaths
 * (ofproto/dpbridge.h). */
#ifndef WEIR_VSWITCHD_OPS_H
#define WEIR_VSWITCHD_OPS_H 1

#include "bridge.h"

struct poll_loop;

/* The ops' aux: the main loop bridges attach to, and the last error of
 * each interface that could not be added (for Interface.error). */
struct vswitchd_ops {
	struct poll_loop *loop;
	struct bridge_smap iface_errors;
};

extern const struct bridge_ops vswitchd_bridge_ops;

void vswitchd_ops_init(struct vswitchd_ops *, struct poll_loop *);
void vswitchd_ops_destroy(struct vswitchd_ops *);
/* NULL 'error' clears it. */
void vswitchd_ops_set_error(struct vswitchd_ops *, const char *iface,
			    const char *error);
/* A malloc'd copy of the error, or NULL. */
char *vswitchd_ops_get_error(const struct vswitchd_ops *, const char *iface);
/* The bridge that has a port named 'iface', or NULL. */
struct dpbridge *vswitchd_ops_bridge_of(const struct vswitchd_ops *,
					const char *iface);

#endif /* WEIR_VSWITCHD_OPS_H */
