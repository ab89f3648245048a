/* QUEUE_GET_CONFIG request and reply (OpenFlow 1.0-1.3) and the 1.4+
 * queue description multipart that replaced them: a port's queues and
 * their minimum and maximum rates.  Encoding covers QUEUE_GET_CONFIG. */
#ifndef OFP_QUEUE_CONFIG_H
#define OFP_QUEUE_CONFIG_H 1

#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;
struct bytecur;

/* Rates in tenths of a percent; above 1000 disabled; UINT16_MAX absent. */
#define OFP_QUEUE_RATE_NONE UINT16_MAX

struct ofp_queue_config {
	uint16_t port;
	uint32_t queue;
	uint16_t min_rate, max_rate;
};

enum ofperr ofp_queue_config_request_decode(const struct ofpmsg *,
					    uint16_t *port, uint32_t *queue);
void ofp_queue_config_request_encode(struct bytebuf *, uint8_t version,
				     uint32_t xid, uint16_t port);
int ofp_queue_config_pull(const struct ofpmsg *, struct bytecur *,
			  struct ofp_queue_config *);
void ofp_queue_config_reply_start(struct bytebuf *, uint8_t version,
				  uint32_t xid, uint16_t port);
void ofp_queue_config_put(struct bytebuf *, uint8_t version,
			  const struct ofp_queue_config *);

#endif
