/* Linux interface queries (SIOCGIF* ioctls, sysfs). */
#include "netdev-linux.h"

#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

/* Runs interface ioctl 'cmd' on 'ifr' for 'name'.  Any socket reaches the
 * device ioctls; a datagram INET one needs no privilege to create. */
static int ifr_ioctl(const char *name, unsigned long cmd, struct ifreq *ifr)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int err = 0;

	if (fd < 0)
		return -errno;
	snprintf(ifr->ifr_name, sizeof ifr->ifr_name, "%s", name);
	if (ioctl(fd, cmd, ifr) < 0)
		err = -errno;
	close(fd);
	return err;
}

int netdev_linux_ifindex(const char *name)
{
	struct ifreq ifr = { 0 };
	int err = ifr_ioctl(name, SIOCGIFINDEX, &ifr);

	return err ? err : ifr.ifr_ifindex;
}

int netdev_linux_get_mtu(const struct netdev *dev, int *mtu)
{
	struct ifreq ifr = { 0 };
	int err = ifr_ioctl(dev->name, SIOCGIFMTU, &ifr);

	*mtu = err ? 0 : ifr.ifr_mtu;
	return err;
}

int netdev_linux_get_etheraddr(const struct netdev *dev, uint8_t mac[6])
{
	struct ifreq ifr = { 0 };
	int err = ifr_ioctl(dev->name, SIOCGIFHWADDR, &ifr);

	memcpy(mac, err ? (const char[6]){ 0 } : ifr.ifr_hwaddr.sa_data, 6);
	return err;
}

int netdev_linux_set_up(const char *name)
{
	struct ifreq ifr = { 0 };
	int err = ifr_ioctl(name, SIOCGIFFLAGS, &ifr);

	if (err || (ifr.ifr_flags & IFF_UP))
		return err;
	ifr.ifr_flags |= IFF_UP;
	return ifr_ioctl(name, SIOCSIFFLAGS, &ifr);
}

static uint64_t sysfs_counter(const char *name, const char *counter)
{
	char path[128];
	uint64_t v = 0;
	FILE *f;

	snprintf(path, sizeof path, "/sys/class/net/%s/statistics/%s",
		 name, counter);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%" SCNu64, &v) != 1)
		v = 0;
	fclose(f);
	return v;
}

/* sysfs shows the namespace it was mounted in ("ip netns exec" remounts
 * it), which is where the daemon opened its ports. */
void netdev_linux_get_errors(const char *name, struct netdev_stats *s)
{
	static const struct {
		const char *file;
		size_t ofs;
	} counters[] = {
#define NETDEV_LINUX_ERR(f) { #f, offsetof(struct netdev_stats, f) }
		NETDEV_LINUX_ERR(rx_errors),
		NETDEV_LINUX_ERR(tx_errors),
		NETDEV_LINUX_ERR(rx_over_errors),
		NETDEV_LINUX_ERR(rx_frame_errors),
		NETDEV_LINUX_ERR(rx_crc_errors),
		NETDEV_LINUX_ERR(tx_aborted_errors),
		NETDEV_LINUX_ERR(tx_carrier_errors),
		NETDEV_LINUX_ERR(collisions),
#undef NETDEV_LINUX_ERR
	};

	for (size_t i = 0; i < sizeof counters / sizeof counters[0]; i++)
		*(uint64_t *)((char *)s + counters[i].ofs) =
			sysfs_counter(name, counters[i].file);
}
