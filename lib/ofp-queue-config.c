/* QUEUE_GET_CONFIG. */
#include "ofp-queue-config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-port.h"
#include "ofp-port-stats.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-prop.h"
#include "ofp-version.h"
#include "ofp-wire.h"
#include "xalloc.h"

#define OFPQT_MIN_RATE 1
#define OFPQT_MAX_RATE 2
#define QUEUE_PROP_RATE_LEN 16

/* The port at the head of a request or reply body. */
static enum ofperr body_port(const struct ofpmsg *m, uint16_t *port)
{
	if (m->version == OFP10_VERSION) {
		*port = ofp_get16(m->body);
		return 0;
	}
	return ofp_port_from_ofp11(ofp_get32(m->body), port);
}

/* 1.0: port(2) pad(2); 1.1+: port(4) pad(4).  Only real ports, and 1.1's
 * ANY, may be asked about.  The 1.4 queue description request, port(4)
 * queue(4), may name any port and one queue. */
enum ofperr ofp_queue_config_request_decode(const struct ofpmsg *m,
					    uint16_t *port, uint32_t *queue)
{
	enum ofperr error = body_port(m, port);

	*queue = OFPQ_ALL;
	if (m->type == OFPTYPE_QUEUE_DESC_STATS_REQUEST) {
		*queue = ofp_get32(m->body + 4);
		return error;
	}
	if (error || (m->version != OFP10_VERSION && *port == OFPP_ANY))
		return error;
	return *port < OFPP_MAX ? 0 : OFPERR_OFPQOFC_BAD_PORT;
}

static void put_port(struct bytebuf *b, uint8_t version, uint16_t port,
		     size_t pad10)
{
	if (version == OFP10_VERSION) {
		bytebuf_put_be16(b, port);
		bytebuf_put_zeros(b, pad10);
	} else {
		bytebuf_put_be32(b, ofp_port_to_ofp11(port));
		bytebuf_put_zeros(b, 4);
	}
}

void ofp_queue_config_request_encode(struct bytebuf *b, uint8_t version,
				     uint32_t xid, uint16_t port)
{
	size_t start = ofpmsg_start(b, OFPTYPE_QUEUE_GET_CONFIG_REQUEST,
				    version, xid);
	put_port(b, version, port, 2);
	ofpmsg_finish(b, start);
}

/* property(2) len(2) pad(4), and for the rates rate(2) pad(6); other
 * properties are skipped. */
static enum ofperr take_props(struct bytecur *c, struct ofp_queue_config *q)
{
	while (c->left) {
		const uint8_t *p = c->p;
		size_t len = ofp_get16(p + 2);
		if (len < 8 || len > c->left || len % 8)
			return OFPERR_OFPBRC_BAD_LEN;
		bytecur_take(c, len);

		uint16_t type = ofp_get16(p);
		if (type != OFPQT_MIN_RATE && type != OFPQT_MAX_RATE)
			continue;
		if (len != QUEUE_PROP_RATE_LEN)
			return OFPERR_OFPBRC_BAD_LEN;
		*(type == OFPQT_MIN_RATE ? &q->min_rate : &q->max_rate) =
			ofp_get16(p + 8);
	}
	return 0;
}

/* 1.4's queue description: port_no(4) queue_id(4) len(2) pad(6), then
 * standard properties, of which the two rates are known. */
static int pull_queue_desc(struct bytecur *c, struct ofp_queue_config *q)
{
	const uint8_t *p = c->p;

	if (c->left < 16)
		return OFPERR_OFPBRC_BAD_LEN;
	enum ofperr error = ofp_port_from_ofp11(ofp_get32(p), &q->port);
	if (error)
		return error;
	q->queue = ofp_get32(p + 4);
	size_t len = ofp_get16(p + 8);
	if (len < 16 || len > c->left || len % 8)
		return OFPERR_OFPBRC_BAD_LEN;
	bytecur_take(c, len);

	struct bytecur props = bytecur_make(p + 16, len - 16);
	while (props.left) {
		struct ofp_prop prop;
		error = ofp_prop_pull(&props, 0xffff, &prop);
		if (error)
			return error;
		if (prop.type != OFPQT_MIN_RATE && prop.type != OFPQT_MAX_RATE)
			continue;
		if (prop.len < 6)
			return OFPERR_OFPBPC_BAD_LEN;
		*(prop.type == OFPQT_MIN_RATE ? &q->min_rate : &q->max_rate) =
			ofp_get16(prop.data + 4);
	}
	return 0;
}

/* The next queue of a reply; 'c' starts after the port header.  1.0-1.1:
 * queue_id(4) len(2) pad(2); 1.2+: queue_id(4) port(4) len(2) pad(6). */
int ofp_queue_config_pull(const struct ofpmsg *m, struct bytecur *c,
			  struct ofp_queue_config *q)
{
	size_t head = m->version < OFP12_VERSION ? 8 : 16;

	memset(q, 0, sizeof *q);
	q->min_rate = q->max_rate = OFP_QUEUE_RATE_NONE;
	if (m->type == OFPTYPE_QUEUE_DESC_STATS_REPLY)
		return c->left ? pull_queue_desc(c, q) : OFP_PORT_END;
	enum ofperr error = body_port(m, &q->port);
	if (error)
		return error;
	if (!c->left)
		return OFP_PORT_END;
	if (c->left < head)
		return OFPERR_OFPBRC_BAD_LEN;

	const uint8_t *p = c->p;
	size_t len = ofp_get16(p + head - (head == 8 ? 4 : 8));
	if (len < head || len > c->left || len % 8)
		return OFPERR_OFPBRC_BAD_LEN;
	bytecur_take(c, len);
	q->queue = ofp_get32(p);

	struct bytecur props = bytecur_make(p + head, len - head);
	return take_props(&props, q);
}

void ofp_queue_config_reply_start(struct bytebuf *b, uint8_t version,
				  uint32_t xid, uint16_t port)
{
	ofpmsg_start(b, OFPTYPE_QUEUE_GET_CONFIG_REPLY, version, xid);
	put_port(b, version, port, 6);
}

static void put_rate(struct bytebuf *b, uint16_t type, uint16_t rate)
{
	bytebuf_put_be16(b, type);
	bytebuf_put_be16(b, QUEUE_PROP_RATE_LEN);
	bytebuf_put_zeros(b, 4);
	bytebuf_put_be16(b, rate);
	bytebuf_put_zeros(b, 6);
}

/* Appends one queue; the caller finishes the message.  Max rates exist
 * from 1.2 on. */
void ofp_queue_config_put(struct bytebuf *b, uint8_t version,
			  const struct ofp_queue_config *q)
{
	bool min = q->min_rate != OFP_QUEUE_RATE_NONE;
	bool max = q->max_rate != OFP_QUEUE_RATE_NONE &&
		   version >= OFP12_VERSION;
	size_t len = (version < OFP12_VERSION ? 8 : 16) +
		     (min + max) * QUEUE_PROP_RATE_LEN;

	bytebuf_put_be32(b, q->queue);
	if (version >= OFP12_VERSION) {
		bytebuf_put_be32(b, ofp_port_to_ofp11(q->port));
		bytebuf_put_be16(b, len);
		bytebuf_put_zeros(b, 6);
	} else {
		bytebuf_put_be16(b, len);
		bytebuf_put_zeros(b, 2);
	}
	if (min)
		put_rate(b, OFPQT_MIN_RATE, q->min_rate);
	if (max)
		put_rate(b, OFPQT_MAX_RATE, q->max_rate);
}

OFP_BODY_PRINTER(ofp_queue_config_print_request)
{
	uint16_t port;
	uint32_t queue;
	enum ofperr error = ofp_queue_config_request_decode(m, &port, &queue);

	if (error)
		return error;
	odp_text_printf(t, " port=");
	ofp_print_port_number(t, port);
	if (queue != OFPQ_ALL)
		odp_text_printf(t, " queue=%" PRIu32, queue);
	return 0;
}

static void print_rate(struct odp_text *t, const char *name, uint16_t rate)
{
	if (rate <= 1000)
		odp_text_printf(t, " %s:%u.%u%%", name, rate / 10, rate % 10);
	else if (rate != OFP_QUEUE_RATE_NONE)
		odp_text_printf(t, " %s:(disabled)", name);
}

static int compare_queues(const void *a_, const void *b_)
{
	const struct ofp_queue_config *a = a_, *b = b_;

	if (a->port != b->port)
		return a->port < b->port ? -1 : 1;
	return a->queue < b->queue ? -1 : a->queue > b->queue;
}

/* Sorted by port and queue, a "port=" line before each port's queues. */
OFP_BODY_PRINTER(ofp_queue_config_print_reply)
{
	size_t head = m->type == OFPTYPE_QUEUE_DESC_STATS_REPLY ? 0 : 8;
	struct bytecur c = bytecur_make(m->body + head, m->body_len - head);
	struct ofp_queue_config *qs = NULL;
	size_t n = 0, allocated = 0;
	int retval;

	for (;;) {
		qs = xgrow_n(qs, &allocated, n + 1, sizeof *qs);
		retval = ofp_queue_config_pull(m, &c, &qs[n]);
		if (retval)
			break;
		n++;
	}
	qsort(qs, n, sizeof *qs, compare_queues);
	if (n)
		odp_text_printf(t, " ");
	for (size_t i = 0; i < n; i++) {
		if (qs[i].port != (i ? qs[i - 1].port : 0)) {
			odp_text_printf(t, "port=");
			ofp_print_port_number(t, qs[i].port);
			odp_text_printf(t, "\n");
		}
		odp_text_printf(t, "queue %" PRIu32 ":", qs[i].queue);
		print_rate(t, "min_rate", qs[i].min_rate);
		print_rate(t, "max_rate", qs[i].max_rate);
		odp_text_printf(t, "\n");
	}
	free(qs);
	return retval == OFP_PORT_END ? 0 : retval;
}
