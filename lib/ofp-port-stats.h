/* Port and queue statistics: the OFPST_PORT and OFPST_QUEUE requests and
 * the reply elements of every version (1.0, 1.1-1.2, 1.3 with durations,
 * 1.4+ with a length and properties). */
#ifndef OFP_PORT_STATS_H
#define OFP_PORT_STATS_H 1

#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;
struct bytecur;

/* A counter or duration the switch does not report. */
#define OFP_STAT_UNKNOWN UINT64_MAX
#define OFP_DURATION_UNKNOWN UINT32_MAX

/* Every queue of a port, in queue requests and replies. */
#define OFPQ_ALL 0xffffffffu

#define OFP_PORT_STATS_N_RFC2819 21

/* Counters of one port; ports use the 16-bit space of ofp-port.h. */
struct ofp_port_stats {
	uint16_t port_no;
	uint32_t duration_sec, duration_nsec;
	uint64_t rx_packets, tx_packets;
	uint64_t rx_bytes, tx_bytes;
	uint64_t rx_dropped, tx_dropped;
	uint64_t rx_errors, tx_errors;
	uint64_t rx_frame_errors, rx_over_errors, rx_crc_errors;
	uint64_t collisions;
	/* Intel's RFC 2819 counters (a 1.4+ experimenter property), in its
	 * wire order: rx by size (7), tx by size (7), tx multicast, rx and
	 * tx broadcast, rx undersized, oversize, fragmented, jabber. */
	uint64_t rfc2819[OFP_PORT_STATS_N_RFC2819];
};

struct ofp_queue_stats {
	uint16_t port_no;
	uint32_t queue_id;
	uint32_t duration_sec, duration_nsec;
	uint64_t tx_bytes, tx_packets, tx_errors;
};

enum ofperr ofp_port_stats_request_decode(const struct ofpmsg *,
					  uint16_t *port);
void ofp_port_stats_request_encode(struct bytebuf *, uint8_t version,
				   uint32_t xid, uint16_t port);
int ofp_port_stats_pull(uint8_t version, struct bytecur *,
			struct ofp_port_stats *);
void ofp_port_stats_put(struct bytebuf *, uint8_t version,
			const struct ofp_port_stats *);

enum ofperr ofp_queue_stats_request_decode(const struct ofpmsg *,
					   uint16_t *port, uint32_t *queue);
void ofp_queue_stats_request_encode(struct bytebuf *, uint8_t version,
				    uint32_t xid, uint16_t port,
				    uint32_t queue);
int ofp_queue_stats_pull(uint8_t version, struct bytecur *,
			 struct ofp_queue_stats *);
void ofp_queue_stats_put(struct bytebuf *, uint8_t version,
			 const struct ofp_queue_stats *);

enum ofperr ofp_port_desc_request_decode(const struct ofpmsg *,
					 uint16_t *port);
void ofp_port_desc_request_encode(struct bytebuf *, uint8_t version,
				  uint32_t xid, uint16_t port);

uint32_t ofp_port_to_ofp11(uint16_t port);

#endif
