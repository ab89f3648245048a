/* Port and queue statistics. */
#include "ofp-port-stats.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-port.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-prop.h"
#include "ofp-version.h"
#include "ofp-wire.h"
#include "xalloc.h"

/* OpenFlow 1.4 port stats property carrying the Ethernet error counters. */
#define OFPPSPT14_ETHERNET 0
#define OFP14_PORT_STATS_ETHERNET_LEN 40
#define INTEL_VENDOR_ID 0x0000aa01
#define INTEL_PORT_STATS_RFC2819 1
#define INTEL_RFC2819_LEN (16 + 8 * OFP_PORT_STATS_N_RFC2819)

uint32_t ofp_port_to_ofp11(uint16_t port)
{
	return port >= OFPP_MAX ? port + OFPP11_OFFSET : port;
}

static uint64_t take64(struct bytecur *c)
{
	uint64_t v = 0;
	bytecur_take_be64(c, &v);
	return v;
}

static uint32_t take32(struct bytecur *c)
{
	uint32_t v = 0;
	bytecur_take_be32(c, &v);
	return v;
}

/* A 16-bit (1.0) or 32-bit (1.1+) port number from 'c'. */
static enum ofperr take_port(uint8_t version, struct bytecur *c,
			     uint16_t *port)
{
	if (version == OFP10_VERSION) {
		uint16_t p = 0;
		bytecur_take_be16(c, &p);
		*port = p;
		return 0;
	}
	return ofp_port_from_ofp11(take32(c), port);
}

static void put_port(struct bytebuf *b, uint8_t version, uint16_t port)
{
	if (version == OFP10_VERSION)
		bytebuf_put_be16(b, port);
	else
		bytebuf_put_be32(b, ofp_port_to_ofp11(port));
}

/* port_no then padding to 8 bytes: 1.0 port(2) pad(6), 1.1+ port(4)
 * pad(4). */
enum ofperr ofp_port_stats_request_decode(const struct ofpmsg *m,
					  uint16_t *port)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	return take_port(m->version, &c, port);
}

void ofp_port_stats_request_encode(struct bytebuf *b, uint8_t version,
				   uint32_t xid, uint16_t port)
{
	size_t start = ofpmsg_start(b, OFPTYPE_PORT_STATS_REQUEST, version,
				    xid);
	put_port(b, version, port);
	bytebuf_put_zeros(b, version == OFP10_VERSION ? 6 : 4);
	ofpmsg_finish(b, start);
}

/* The eight counters every version has, in wire order. */
static void take_base_counters(struct bytecur *c, struct ofp_port_stats *ps)
{
	ps->rx_packets = take64(c);
	ps->tx_packets = take64(c);
	ps->rx_bytes = take64(c);
	ps->tx_bytes = take64(c);
	ps->rx_dropped = take64(c);
	ps->tx_dropped = take64(c);
	ps->rx_errors = take64(c);
	ps->tx_errors = take64(c);
}

static void take_ethernet_counters(struct bytecur *c,
				   struct ofp_port_stats *ps)
{
	ps->rx_frame_errors = take64(c);
	ps->rx_over_errors = take64(c);
	ps->rx_crc_errors = take64(c);
	ps->collisions = take64(c);
}

static bool is_rfc2819(const struct ofp_prop *prop)
{
	return prop->experimenter == INTEL_VENDOR_ID &&
	       ofp_get32(prop->data + 8) == INTEL_PORT_STATS_RFC2819;
}

static enum ofperr take_rfc2819(const struct ofp_prop *prop,
				struct ofp_port_stats *ps)
{
	if (prop->len != INTEL_RFC2819_LEN)
		return OFPERR_OFPBPC_BAD_LEN;
	for (size_t i = 0; i < OFP_PORT_STATS_N_RFC2819; i++)
		ps->rfc2819[i] = ofp_get64(prop->data + 16 + 8 * i);
	return 0;
}

/* 1.4's properties: the Ethernet one and Intel's RFC 2819 counters must
 * be exactly their size; others are skipped, as the specification lets a
 * reader do. */
static enum ofperr take_port_stats_props(struct bytecur *props,
					 struct ofp_port_stats *ps)
{
	while (props->left) {
		struct ofp_prop prop;
		enum ofperr error = ofp_prop_pull(props, 0xffff, &prop);
		if (error)
			return error;
		if (is_rfc2819(&prop)) {
			error = take_rfc2819(&prop, ps);
			if (error)
				return error;
			continue;
		}
		if (prop.type != OFPPSPT14_ETHERNET)
			continue;
		if (prop.len != OFP14_PORT_STATS_ETHERNET_LEN)
			return OFPERR_OFPBPC_BAD_LEN;
		struct bytecur e = bytecur_make(prop.data + 8, prop.len - 8);
		take_ethernet_counters(&e, ps);
	}
	return 0;
}

static int pull_port_stats14(struct bytecur *c, struct ofp_port_stats *ps)
{
	const uint8_t *p = c->p;
	size_t len;

	if (c->left < 80)
		return OFPERR_OFPBRC_BAD_LEN;
	len = ofp_get16(p);
	if (len < 80 || len > c->left)
		return OFPERR_OFPBRC_BAD_LEN;

	struct bytecur e = bytecur_make(bytecur_take(c, len), len);
	bytecur_take(&e, 4);
	enum ofperr error = take_port(OFP14_VERSION, &e, &ps->port_no);
	if (error)
		return error;
	ps->duration_sec = take32(&e);
	ps->duration_nsec = take32(&e);
	take_base_counters(&e, ps);
	return take_port_stats_props(&e, ps);
}

/* The next element of a port stats reply body: 0, OFP_PORT_END when none
 * is left, or the error that stops decoding. */
int ofp_port_stats_pull(uint8_t version, struct bytecur *c,
			struct ofp_port_stats *ps)
{
	size_t size = version >= OFP13_VERSION ? 112 : 104;

	memset(ps, 0, sizeof *ps);
	ps->duration_sec = ps->duration_nsec = OFP_DURATION_UNKNOWN;
	ps->rx_frame_errors = ps->rx_over_errors = OFP_STAT_UNKNOWN;
	ps->rx_crc_errors = ps->collisions = OFP_STAT_UNKNOWN;
	memset(ps->rfc2819, 0xff, sizeof ps->rfc2819);
	if (!c->left)
		return OFP_PORT_END;
	if (version >= OFP14_VERSION)
		return pull_port_stats14(c, ps);
	if (c->left < size)
		return OFPERR_OFPBRC_BAD_LEN;

	struct bytecur e = bytecur_make(bytecur_take(c, size), size);
	enum ofperr error = take_port(version, &e, &ps->port_no);
	if (error)
		return error;
	bytecur_take(&e, version == OFP10_VERSION ? 6 : 4);
	take_base_counters(&e, ps);
	take_ethernet_counters(&e, ps);
	if (version == OFP13_VERSION) {
		ps->duration_sec = take32(&e);
		ps->duration_nsec = take32(&e);
	}
	return 0;
}

static void put_base_counters(struct bytebuf *b,
			      const struct ofp_port_stats *ps)
{
	const uint64_t v[] = { ps->rx_packets, ps->tx_packets, ps->rx_bytes,
			       ps->tx_bytes,   ps->rx_dropped, ps->tx_dropped,
			       ps->rx_errors,  ps->tx_errors };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		bytebuf_put_be64(b, v[i]);
}

static void put_ethernet_counters(struct bytebuf *b,
				  const struct ofp_port_stats *ps)
{
	bytebuf_put_be64(b, ps->rx_frame_errors);
	bytebuf_put_be64(b, ps->rx_over_errors);
	bytebuf_put_be64(b, ps->rx_crc_errors);
	bytebuf_put_be64(b, ps->collisions);
}

static bool has_rfc2819(const struct ofp_port_stats *ps)
{
	for (size_t i = 0; i < OFP_PORT_STATS_N_RFC2819; i++)
		if (ps->rfc2819[i] != OFP_STAT_UNKNOWN)
			return true;
	return false;
}

static void put_rfc2819(struct bytebuf *b, const struct ofp_port_stats *ps)
{
	bytebuf_put_be16(b, 0xffff);
	bytebuf_put_be16(b, INTEL_RFC2819_LEN);
	bytebuf_put_be32(b, INTEL_VENDOR_ID);
	bytebuf_put_be32(b, INTEL_PORT_STATS_RFC2819);
	bytebuf_put_zeros(b, 4);
	for (size_t i = 0; i < OFP_PORT_STATS_N_RFC2819; i++)
		bytebuf_put_be64(b, ps->rfc2819[i]);
}

/* Appends one reply element; 1.4+ always carries the Ethernet property,
 * and the RFC 2819 one when it knows any of those counters. */
void ofp_port_stats_put(struct bytebuf *b, uint8_t version,
			const struct ofp_port_stats *ps)
{
	if (version >= OFP14_VERSION) {
		bool rfc = has_rfc2819(ps);
		bytebuf_put_be16(b, 80 + OFP14_PORT_STATS_ETHERNET_LEN +
					    rfc * INTEL_RFC2819_LEN);
		bytebuf_put_zeros(b, 2);
		put_port(b, version, ps->port_no);
		bytebuf_put_be32(b, ps->duration_sec);
		bytebuf_put_be32(b, ps->duration_nsec);
		put_base_counters(b, ps);
		bytebuf_put_be16(b, OFPPSPT14_ETHERNET);
		bytebuf_put_be16(b, OFP14_PORT_STATS_ETHERNET_LEN);
		bytebuf_put_zeros(b, 4);
		put_ethernet_counters(b, ps);
		if (rfc)
			put_rfc2819(b, ps);
		return;
	}
	put_port(b, version, ps->port_no);
	bytebuf_put_zeros(b, version == OFP10_VERSION ? 6 : 4);
	put_base_counters(b, ps);
	put_ethernet_counters(b, ps);
	if (version == OFP13_VERSION) {
		bytebuf_put_be32(b, ps->duration_sec);
		bytebuf_put_be32(b, ps->duration_nsec);
	}
}

/* 1.0: port(2) pad(2) queue(4); 1.1+: port(4) queue(4).  1.0 says ALL
 * where later versions say ANY. */
enum ofperr ofp_queue_stats_request_decode(const struct ofpmsg *m,
					   uint16_t *port, uint32_t *queue)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	enum ofperr error = take_port(m->version, &c, port);

	if (m->version == OFP10_VERSION) {
		bytecur_take(&c, 2);
		if (*port == OFPP_ALL)
			*port = OFPP_ANY;
	}
	*queue = take32(&c);
	return error;
}

void ofp_queue_stats_request_encode(struct bytebuf *b, uint8_t version,
				    uint32_t xid, uint16_t port,
				    uint32_t queue)
{
	size_t start = ofpmsg_start(b, OFPTYPE_QUEUE_STATS_REQUEST, version,
				    xid);
	if (version == OFP10_VERSION) {
		bytebuf_put_be16(b, port == OFPP_ANY ? OFPP_ALL : port);
		bytebuf_put_zeros(b, 2);
	} else {
		put_port(b, version, port);
	}
	bytebuf_put_be32(b, queue);
	ofpmsg_finish(b, start);
}

/* port, queue, counters, durations (1.3+) from an element. */
static enum ofperr take_queue_stats(uint8_t version, struct bytecur *e,
				    struct ofp_queue_stats *qs)
{
	enum ofperr error = take_port(version, e, &qs->port_no);
	if (error)
		return error;
	if (version == OFP10_VERSION)
		bytecur_take(e, 2);
	qs->queue_id = take32(e);
	qs->tx_bytes = take64(e);
	qs->tx_packets = take64(e);
	qs->tx_errors = take64(e);
	if (version >= OFP13_VERSION) {
		qs->duration_sec = take32(e);
		qs->duration_nsec = take32(e);
	}
	return 0;
}

/* 1.4 queue stats have a length and properties, none defined yet. */
int ofp_queue_stats_pull(uint8_t version, struct bytecur *c,
			 struct ofp_queue_stats *qs)
{
	size_t size = version >= OFP14_VERSION	 ? 48
		      : version == OFP13_VERSION ? 40 : 32;

	memset(qs, 0, sizeof *qs);
	qs->duration_sec = qs->duration_nsec = OFP_DURATION_UNKNOWN;
	if (!c->left)
		return OFP_PORT_END;
	if (c->left < size)
		return OFPERR_OFPBRC_BAD_LEN;
	if (version >= OFP14_VERSION) {
		size_t len = ofp_get16(c->p);
		if (len < size || len > c->left)
			return OFPERR_OFPBRC_BAD_LEN;
		size = len;
	}

	struct bytecur e = bytecur_make(bytecur_take(c, size), size);
	if (version >= OFP14_VERSION)
		bytecur_take(&e, 8);
	return take_queue_stats(version, &e, qs);
}

void ofp_queue_stats_put(struct bytebuf *b, uint8_t version,
			 const struct ofp_queue_stats *qs)
{
	if (version >= OFP14_VERSION) {
		bytebuf_put_be16(b, 48);
		bytebuf_put_zeros(b, 6);
	}
	put_port(b, version, qs->port_no);
	if (version == OFP10_VERSION)
		bytebuf_put_zeros(b, 2);
	bytebuf_put_be32(b, qs->queue_id);
	bytebuf_put_be64(b, qs->tx_bytes);
	bytebuf_put_be64(b, qs->tx_packets);
	bytebuf_put_be64(b, qs->tx_errors);
	if (version >= OFP13_VERSION) {
		bytebuf_put_be32(b, qs->duration_sec);
		bytebuf_put_be32(b, qs->duration_nsec);
	}
}

/* Before 1.5 the port description request has no body and means every
 * port; 1.5 names one: port(4) pad(4). */
enum ofperr ofp_port_desc_request_decode(const struct ofpmsg *m,
					 uint16_t *port)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);

	*port = OFPP_ANY;
	return m->version >= OFP15_VERSION ? take_port(m->version, &c, port)
					   : 0;
}

void ofp_port_desc_request_encode(struct bytebuf *b, uint8_t version,
				  uint32_t xid, uint16_t port)
{
	size_t start = ofpmsg_start(b, OFPTYPE_PORT_DESC_STATS_REQUEST,
				    version, xid);
	if (version >= OFP15_VERSION) {
		put_port(b, version, port);
		bytebuf_put_zeros(b, 4);
	}
	ofpmsg_finish(b, start);
}

/* Printers for ofp-print. */

static void print_stat(struct odp_text *t, const char *name, uint64_t v,
		       const char *end)
{
	if (v == OFP_STAT_UNKNOWN)
		odp_text_printf(t, "%s?%s", name, end);
	else
		odp_text_printf(t, "%s%" PRIu64 "%s", name, v, end);
}

/* The RFC 2819 counters known, in ovs-ofctl's order: 'first' .. 'first'
 * + n of the wire order, then the extras named in 'extra'. */
static void print_rfc2819(struct odp_text *t, const char *dir,
			  const struct ofp_port_stats *ps, size_t first,
			  const size_t *extra, const char *const *extra_names,
			  size_t n_extra)
{
	static const char *const sizes[] = {
		"1_to_64", "65_to_127", "128_to_255", "256_to_511",
		"512_to_1023", "1024_to_1522", "1523_to_max",
	};
	size_t start = t->len;

	odp_text_printf(t, "           %s rfc2819 ", dir);
	size_t head = t->len;
	for (size_t i = 0; i < 7; i++)
		if (ps->rfc2819[first + i] != OFP_STAT_UNKNOWN)
			odp_text_printf(t, "%s_packets=%" PRIu64 ", ", sizes[i],
					ps->rfc2819[first + i]);
	for (size_t i = 0; i < n_extra; i++)
		if (ps->rfc2819[extra[i]] != OFP_STAT_UNKNOWN)
			odp_text_printf(t, "%s=%" PRIu64 ", ", extra_names[i],
					ps->rfc2819[extra[i]]);
	if (t->len == head) {
		t->len = start;
		t->s[start] = '\0';
	} else {
		odp_text_printf(t, "\n");
	}
}

static void print_port_rfc2819(struct odp_text *t,
			       const struct ofp_port_stats *ps)
{
	static const size_t rx_extra[] = { 15, 17, 18, 19, 20 };
	static const char *const rx_names[] = {
		"broadcast_packets", "undersized_errors", "oversize_errors",
		"rx_fragmented_errors", "rx_jabber_errors",
	};
	static const size_t tx_extra[] = { 14, 16 };
	static const char *const tx_names[] = { "multicast_packets",
						"broadcast_packets" };

	print_rfc2819(t, "rx", ps, 0, rx_extra, rx_names, 5);
	print_rfc2819(t, "tx", ps, 7, tx_extra, tx_names, 2);
}

static void print_port_stats(struct odp_text *t,
			     const struct ofp_port_stats *ps)
{
	odp_text_printf(t, "  port %s", ps->port_no < 10 ? " " : "");
	ofp_print_port_number(t, ps->port_no);
	odp_text_printf(t, ": rx ");
	print_stat(t, "pkts=", ps->rx_packets, ", ");
	print_stat(t, "bytes=", ps->rx_bytes, ", ");
	print_stat(t, "drop=", ps->rx_dropped, ", ");
	print_stat(t, "errs=", ps->rx_errors, ", ");
	print_stat(t, "frame=", ps->rx_frame_errors, ", ");
	print_stat(t, "over=", ps->rx_over_errors, ", ");
	print_stat(t, "crc=", ps->rx_crc_errors, "\n");
	odp_text_printf(t, "           tx ");
	print_stat(t, "pkts=", ps->tx_packets, ", ");
	print_stat(t, "bytes=", ps->tx_bytes, ", ");
	print_stat(t, "drop=", ps->tx_dropped, ", ");
	print_stat(t, "errs=", ps->tx_errors, ", ");
	print_stat(t, "coll=", ps->collisions, "\n");
	if (ps->duration_sec != OFP_DURATION_UNKNOWN) {
		odp_text_printf(t, "           duration=");
		ofp_print_duration(t, ps->duration_sec, ps->duration_nsec);
		odp_text_printf(t, "\n");
	}
	print_port_rfc2819(t, ps);
}

OFP_BODY_PRINTER(ofp_port_desc_print_request)
{
	uint16_t port;
	enum ofperr error = ofp_port_desc_request_decode(m, &port);

	if (error)
		return error;
	odp_text_printf(t, " port=");
	ofp_print_port_number(t, port);
	return 0;
}

OFP_BODY_PRINTER(ofp_port_stats_print_request)
{
	uint16_t port;
	enum ofperr error = ofp_port_stats_request_decode(m, &port);

	if (error)
		return error;
	odp_text_printf(t, " port_no=");
	ofp_print_port_number(t, port);
	return 0;
}

/* ovs-ofctl counts the elements that decode, prints them, then reports
 * the error that stopped it. */
OFP_BODY_PRINTER(ofp_port_stats_print_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_port_stats *ps = NULL;
	size_t n = 0, allocated = 0;
	int retval;

	for (;;) {
		ps = xgrow_n(ps, &allocated, n + 1, sizeof *ps);
		retval = ofp_port_stats_pull(m->version, &c, &ps[n]);
		if (retval)
			break;
		n++;
	}
	odp_text_printf(t, " %zu ports\n", n);
	for (size_t i = 0; i < n; i++)
		print_port_stats(t, &ps[i]);
	free(ps);
	return retval == OFP_PORT_END ? 0 : retval;
}

static void print_queue(struct odp_text *t, uint32_t queue)
{
	if (queue == OFPQ_ALL)
		odp_text_printf(t, "ALL");
	else
		odp_text_printf(t, "%" PRIu32, queue);
}

OFP_BODY_PRINTER(ofp_queue_stats_print_request)
{
	uint16_t port;
	uint32_t queue;
	enum ofperr error = ofp_queue_stats_request_decode(m, &port, &queue);

	if (error)
		return error;
	odp_text_printf(t, " port=");
	ofp_print_port_number(t, port);
	odp_text_printf(t, " queue=");
	print_queue(t, queue);
	return 0;
}

static void print_queue_stats(struct odp_text *t,
			      const struct ofp_queue_stats *qs)
{
	odp_text_printf(t, "  port ");
	ofp_print_port_number(t, qs->port_no);
	odp_text_printf(t, " queue ");
	print_queue(t, qs->queue_id);
	odp_text_printf(t, ": ");
	print_stat(t, "bytes=", qs->tx_bytes, ", ");
	print_stat(t, "pkts=", qs->tx_packets, ", ");
	print_stat(t, "errors=", qs->tx_errors, ", ");
	odp_text_printf(t, "duration=");
	if (qs->duration_sec != OFP_DURATION_UNKNOWN)
		ofp_print_duration(t, qs->duration_sec, qs->duration_nsec);
	else
		odp_text_printf(t, "?");
	odp_text_printf(t, "\n");
}

OFP_BODY_PRINTER(ofp_queue_stats_print_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_queue_stats *qs = NULL;
	size_t n = 0, allocated = 0;
	int retval;

	for (;;) {
		qs = xgrow_n(qs, &allocated, n + 1, sizeof *qs);
		retval = ofp_queue_stats_pull(m->version, &c, &qs[n]);
		if (retval)
			break;
		n++;
	}
	odp_text_printf(t, " %zu queues\n", n);
	for (size_t i = 0; i < n; i++)
		print_queue_stats(t, &qs[i]);
	free(qs);
	return retval == OFP_PORT_END ? 0 : retval;
}
