/* Questions about a Linux interface that every netdev provider asks, by
 * name, in the calling thread's network namespace.  Each returns 0 or
 * -errno. */
#ifndef WEIR_NETDEV_LINUX_H
#define WEIR_NETDEV_LINUX_H 1

#include <stdint.h>

#include "netdev.h"

/* The ifindex of 'name' (> 0), or -errno. */
int netdev_linux_ifindex(const char *name);
/* These two are netdev_class operations as they stand. */
int netdev_linux_get_mtu(const struct netdev *, int *mtu);
int netdev_linux_get_etheraddr(const struct netdev *, uint8_t mac[6]);
/* Sets IFF_UP, as "ip link set NAME up" does. */
int netdev_linux_set_up(const char *name);
/* Fills the device-level error counters, which only the kernel sees. */
void netdev_linux_get_errors(const char *name, struct netdev_stats *);

#endif /* WEIR_NETDEV_LINUX_H */
