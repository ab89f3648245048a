/* "dummy" ports: in memory, for tests and for running a datapath without
 * touching the system (dpif_netdev_set_netdev_override("dummy")).
 *
 * A test puts frames on a dummy's receive queues and takes what the
 * datapath sent, by device name.  Options: n_rxq=N, n_txq=N (1 to 16). */
#ifndef WEIR_NETDEV_DUMMY_H
#define WEIR_NETDEV_DUMMY_H 1

#include <stddef.h>

struct dp_packet;

/* Queues a copy of frame data[0..len) for receive queue 'qid' of dummy
 * 'name': 0, or -ENODEV (no such open dummy) or -EINVAL (no such queue). */
int netdev_dummy_receive(const char *name, int qid, const void *data,
			 size_t len);
/* The same 'n' times over, all queued at once (one receive batch, when
 * n <= 32 and the queue was empty). */
int netdev_dummy_receive_n(const char *name, int qid, const void *data,
			   size_t len, unsigned int n);

/* The oldest frame sent on 'name' not yet taken (the caller deletes it),
 * or NULL. */
struct dp_packet *netdev_dummy_take_sent(const char *name);

/* Waits until 'name' has sent at least 'n' frames not yet taken, or
 * 'timeout_ms' passes: the number it holds. */
size_t netdev_dummy_wait_sent(const char *name, size_t n, int timeout_ms);

/* Drops the frames sent on 'name' and not taken: how many. */
size_t netdev_dummy_discard_sent(const char *name);

#endif /* WEIR_NETDEV_DUMMY_H */
