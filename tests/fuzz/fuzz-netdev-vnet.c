/* libFuzzer: a virtio_net_hdr (its 10 bytes first) and the frame after it,
 * as a port receives them.  The checksum a sender left partial is
 * completed, then the frame is checked for one without any header (the
 * AF_XDP path); each in a buffer of the frame's exact size, so that ASan
 * catches a read or write past it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netdev-vnet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct virtio_net_hdr vh;
	uint32_t len;
	uint8_t *frame;

	if (size < sizeof vh || size - sizeof vh > 65535)
		return 0;
	memcpy(&vh, data, sizeof vh);
	len = (uint32_t)(size - sizeof vh);
	frame = malloc(len ? len : 1);
	if (!frame)
		return 0;
	memcpy(frame, data + sizeof vh, len);
	if (!netdev_vnet_is_gso(&vh))
		netdev_vnet_csum(frame, len, &vh);
	memcpy(frame, data + sizeof vh, len);
	netdev_csum_fixup(frame, len);
	free(frame);
	return 0;
}
