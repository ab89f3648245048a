/* One OpenFlow connection of a bridge (see connmgr.h): its negotiated
 * version and flow-mod protocol, role, async configuration, packet-in
 * format and miss_send_len, and its bounded send queue.  The handler of
 * connmgr.h receives the connection a request came on and answers it
 * here. */
#ifndef OFCONN_H
#define OFCONN_H 1

#include <stdbool.h>
#include <stdint.h>

#include "ofp-async.h"
#include "ofp-errors.h"
#include "ofp-msgs.h"
#include "ofp-protocol.h"
#include "ofp-role.h"
#include "ofp-version.h"

struct bytebuf;
struct ofconn;

/* NXT_SET_PACKET_IN_FORMAT values. */
enum ofconn_pin_format {
	OFCONN_PIN_STANDARD = 0,
	OFCONN_PIN_NXT = 1,
	OFCONN_PIN_NXT2 = 2,
};

#define OFCONN_DEFAULT_MISS_SEND_LEN 128

enum ofp_version ofconn_get_version(const struct ofconn *);
enum ofp_protocol ofconn_get_protocol(const struct ofconn *);
enum ofp_role ofconn_get_role(const struct ofconn *);
bool ofconn_is_slave(const struct ofconn *);
/* Unique among the connections of one process, never reused. */
uint64_t ofconn_id(const struct ofconn *);
uint16_t ofconn_miss_send_len(const struct ofconn *);
uint16_t ofconn_controller_id(const struct ofconn *);
enum ofconn_pin_format ofconn_packet_in_format(const struct ofconn *);
/* The masks in force, with the internal miss bits of connmgr.h. */
void ofconn_get_async_config(const struct ofconn *,
			     struct ofp_async_config *);
/* True for connections the bridge opened to its controllers. */
bool ofconn_is_primary(const struct ofconn *);
const char *ofconn_name(const struct ofconn *);

/* Queues a complete message, taking its bytes ('msg' is left empty).  A
 * connection whose peer stops reading stops being read from once its
 * queue passes a bound, so replies never pile up without limit. */
void ofconn_send(struct ofconn *, struct bytebuf *msg);
/* An ERROR for 'request', carrying its first 64 bytes. */
void ofconn_send_error(struct ofconn *, const struct ofpmsg *request,
		       enum ofperr);

#endif
