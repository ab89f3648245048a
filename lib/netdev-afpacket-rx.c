/* The AF_PACKET receive side: a TPACKET_V3 ring whose frames are handed up
 * in place.
 *
 * The kernel fills blocks of variable-length frames and passes a whole
 * block to us when it is full or its retire timer fires; we give the block
 * back once every frame in it has been handed up and released.
 *
 * Headroom.  The kernel lays a frame out as
 *
 *   tpacket3_hdr | sockaddr_ll | pad | tp_reserve | virtio_net_hdr | frame
 *   ^h (48 B)                                                        ^h+tp_mac
 *
 * where the network header lands at TPACKET_ALIGN(68 + 16) + tp_reserve +
 * 10 = 106 + tp_reserve (Ethernet: tp_mac = 92 + tp_reserve).  Once we have
 * read the tpacket3_hdr and the virtio_net_hdr, every byte after the
 * tpacket3_hdr is ours to overwrite, so the packet's headroom runs from
 * h + 48 to the frame: 44 + tp_reserve bytes.  RESERVE = 102 gives 146:
 * DP_PACKET_HEADROOM (128) for VLAN, MPLS and tunnel pushes even after a
 * VLAN tag the kernel took out is put back (4), and a 16-byte aligned IP
 * header. */
#include "netdev-afpacket.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include "netdev-provider.h"

#define RESERVE 102
#define HDR_ROOM TPACKET_ALIGN(sizeof(struct tpacket3_hdr))

/* 128 KiB blocks hold a 64 KiB GSO frame or 9 KiB jumbo frames, and about
 * 500 minimal frames; 32 of them buffer some 16,000 frames of a flood.
 * A block with few frames is handed over after at most 1 ms. */
#define BLOCK_SIZE (128u << 10)
#define N_BLOCKS 32
#define RETIRE_MS 1

static struct tpacket_block_desc *block(const struct afpacket_rx *rx,
					uint32_t i)
{
	return (struct tpacket_block_desc *)(rx->ring + (size_t)i * rx->block_size);
}

static int ring_setup(struct afpacket *dev)
{
	struct afpacket_rx *rx = &dev->rx;
	struct tpacket_req3 req = {
		.tp_block_size = BLOCK_SIZE,
		.tp_block_nr = N_BLOCKS,
		/* Unused by V3 beyond a consistency check. */
		.tp_frame_size = TPACKET_ALIGNMENT << 7,
		.tp_frame_nr = N_BLOCKS * (BLOCK_SIZE / (TPACKET_ALIGNMENT << 7)),
		.tp_retire_blk_tov = RETIRE_MS,
	};
	int err;

	err = afpacket_setsockopt(dev, rx->fd, PACKET_RX_RING, &req, sizeof req,
				  "PACKET_RX_RING");
	if (err)
		return err;
	rx->ring = mmap(NULL, (size_t)BLOCK_SIZE * N_BLOCKS,
			PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
			rx->fd, 0);
	if (rx->ring == MAP_FAILED) {
		rx->ring = NULL;
		netdev_log("%s: mmap of the RX ring: %s", dev->name,
			   strerror(errno));
		return -errno;
	}
	rx->block_size = BLOCK_SIZE;
	rx->n_blocks = N_BLOCKS;
	return 0;
}

/* The options before the ring exists (VNET_HDR, version and reserve fix
 * its layout), then the ring, then the binding: before bind, with
 * protocol 0, the socket receives nothing it would have to drain. */
int afpacket_rx_open(struct afpacket *dev)
{
	struct packet_mreq mr = {
		.mr_ifindex = dev->ifindex,
		.mr_type = PACKET_MR_PROMISC,   /* frames for any MAC */
	};
	int one = 1, v3 = TPACKET_V3, reserve = RESERVE;
	int fd, err;

	fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	dev->rx.fd = fd;
	if (fd < 0) {
		netdev_log("%s: AF_PACKET socket: %s", dev->name, strerror(errno));
		return -errno;
	}
	if ((err = afpacket_setsockopt(dev, fd, PACKET_VNET_HDR, &one, sizeof one,
				       "PACKET_VNET_HDR")) ||
	    (err = afpacket_setsockopt(dev, fd, PACKET_VERSION, &v3, sizeof v3,
				       "PACKET_VERSION")) ||
	    (err = afpacket_setsockopt(dev, fd, PACKET_RESERVE, &reserve,
				       sizeof reserve, "PACKET_RESERVE")) ||
	    (err = ring_setup(dev)) ||
	    (err = afpacket_setsockopt(dev, fd, PACKET_IGNORE_OUTGOING, &one,
				       sizeof one, "PACKET_IGNORE_OUTGOING")) ||
	    (err = afpacket_bind(dev, fd, ETH_P_ALL)))
		return err;
	return afpacket_setsockopt(dev, fd, PACKET_ADD_MEMBERSHIP, &mr, sizeof mr,
				   "PACKET_ADD_MEMBERSHIP");
}

void afpacket_rx_close(struct afpacket *dev)
{
	struct afpacket_rx *rx = &dev->rx;

	afpacket_rxq_release(&dev->up, 0, NULL);
	if (rx->ring)
		munmap(rx->ring, (size_t)rx->block_size * rx->n_blocks);
	if (rx->fd >= 0)
		close(rx->fd);
}

/* The next frame to walk, opening the next block if the kernel has passed
 * it to us; NULL if none. */
static struct tpacket3_hdr *rx_peek(struct afpacket_rx *rx)
{
	struct tpacket_block_desc *bd;

	while (!rx->left) {
		/* The current block may be one that still waits for release. */
		if (rx->n_done == rx->n_blocks)
			return NULL;
		bd = block(rx, rx->cur);
		if (!(__atomic_load_n(&bd->hdr.bh1.block_status, __ATOMIC_ACQUIRE) &
		      TP_STATUS_USER))
			return NULL;
		rx->left = bd->hdr.bh1.num_pkts;
		rx->frame = (uint8_t *)bd + bd->hdr.bh1.offset_to_first_pkt;
		if (!rx->left) {        /* never seen, but would stall us */
			rx->n_done++;
			rx->cur = (rx->cur + 1) % rx->n_blocks;
		}
	}
	return (struct tpacket3_hdr *)rx->frame;
}

static void rx_advance(struct afpacket_rx *rx)
{
	struct tpacket3_hdr *h = (struct tpacket3_hdr *)rx->frame;

	rx->frame += h->tp_next_offset;
	if (!--rx->left) {
		rx->n_done++;
		rx->cur = (rx->cur + 1) % rx->n_blocks;
	}
}

/* Puts back the VLAN tag that the receive path moved into metadata (it
 * untags before any packet socket sees the frame): the MAC addresses move
 * 4 bytes into the headroom. */
static uint8_t *vlan_insert(uint8_t *data, const struct tpacket3_hdr *h)
{
	uint16_t tpid = h->tp_status & TP_STATUS_VLAN_TPID_VALID ?
			h->hv1.tp_vlan_tpid : ETH_P_8021Q;
	uint16_t tag[2] = { htons(tpid), htons(h->hv1.tp_vlan_tci) };

	memmove(data - 4, data, 2 * ETH_ALEN);
	memcpy(data + 2 * ETH_ALEN - 4, tag, sizeof tag);
	return data - 4;
}

static void rx_deliver(struct afpacket *dev, struct dp_packet *p,
		       struct dp_packet_batch *b)
{
	b->packets[b->count++] = p;
	netdev_count(&dev->stats.rx_packets, 1);
	netdev_count(&dev->stats.rx_bytes, dp_packet_size(p));
}

static void rx_drop(struct afpacket *dev)
{
	netdev_count(&dev->stats.rx_dropped, 1);
}

/* Cuts segments of the GSO frame under way into 'b' while it has room;
 * true once the frame is all cut. */
static bool rx_gso(struct afpacket *dev, struct dp_packet_batch *b)
{
	struct afpacket_rx *rx = &dev->rx;

	while (b->count < NETDEV_MAX_BURST) {
		struct dp_packet *seg = netdev_gso_next(&rx->gso);

		if (!seg) {
			rx->gso.frame = NULL;
			return true;
		}
		rx->segs[rx->n_segs++] = seg;
		rx_deliver(dev, seg, b);
	}
	if (rx->gso.next < rx->gso.len)
		return false;
	rx->gso.frame = NULL;
	return true;
}

static bool rx_gso_start(struct afpacket *dev, uint8_t *data, uint32_t len,
			 const struct virtio_net_hdr *vh,
			 struct dp_packet_batch *b)
{
	struct afpacket_rx *rx = &dev->rx;
	int err = netdev_gso_start(&rx->gso, data, len, vh);

	if (err) {
		if (!rx->gso_logged)
			netdev_log("%s: dropping GSO frames of type %u: %s",
				   dev->name, vh->gso_type, strerror(-err));
		rx->gso_logged = true;
		rx->gso.frame = NULL;
		rx_drop(dev);
		return true;
	}
	return rx_gso(dev, b);
}

/* Hands up ring frame 'h' into 'b'; false while a GSO frame still has
 * segments to come (the frame stays current until then). */
static bool rx_frame(struct afpacket *dev, struct tpacket3_hdr *h,
		     struct dp_packet_batch *b)
{
	struct afpacket_rx *rx = &dev->rx;
	uint8_t *room = (uint8_t *)h + HDR_ROOM;
	uint8_t *data = (uint8_t *)h + h->tp_mac;
	uint32_t len = h->tp_snaplen;
	struct virtio_net_hdr vh;
	struct dp_packet *p;

	if (rx->gso.frame)
		return rx_gso(dev, b);
	/* Truncated (bigger than a block): useless to forward. */
	if (len != h->tp_len || data < room + sizeof vh + 4) {
		rx_drop(dev);
		return true;
	}
	/* A copy: putting a VLAN tag back overwrites the header's tail. */
	memcpy(&vh, data - sizeof vh, sizeof vh);
	if (h->tp_status & TP_STATUS_VLAN_VALID) {
		data = vlan_insert(data, h);
		len += 4;
		netdev_vnet_shift(&vh, 4);
	}
	if (netdev_vnet_is_gso(&vh))
		return rx_gso_start(dev, data, len, &vh, b);
	if (netdev_vnet_csum(data, len, &vh)) {
		rx_drop(dev);
		return true;
	}
	p = &rx->pkts[rx->n_pkts++];
	dp_packet_use(p, room, data - room + len, data - room, len);
	rx_deliver(dev, p, b);
	return true;
}

/* Frees what the last batch held and gives the kernel back the blocks
 * walked through; the block being walked stays ours. */
void afpacket_rxq_release(struct netdev *up, int qid,
			  struct dp_packet_batch *b)
{
	struct afpacket_rx *rx = &((struct afpacket *)up)->rx;
	uint32_t i;

	for (i = 0; i < rx->n_pkts; i++)
		dp_packet_uninit(&rx->pkts[i]);
	for (i = 0; i < rx->n_segs; i++)
		dp_packet_delete(rx->segs[i]);
	rx->n_pkts = rx->n_segs = 0;
	for (i = rx->n_done; i > 0; i--) {
		uint32_t k = (rx->cur + rx->n_blocks - i) % rx->n_blocks;

		__atomic_store_n(&block(rx, k)->hdr.bh1.block_status,
				 TP_STATUS_KERNEL, __ATOMIC_RELEASE);
	}
	rx->n_done = 0;
	if (b)
		b->count = 0;
}

int afpacket_rxq_recv(struct netdev *up, int qid, struct dp_packet_batch *b)
{
	struct afpacket *dev = (struct afpacket *)up;
	struct tpacket3_hdr *h;

	afpacket_rxq_release(up, qid, b);
	while (b->count < NETDEV_MAX_BURST && (h = rx_peek(&dev->rx)))
		if (rx_frame(dev, h, b))
			rx_advance(&dev->rx);
	return b->count ? 0 : -EAGAIN;
}
