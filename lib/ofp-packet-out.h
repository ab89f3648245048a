/* PACKET_OUT: OpenFlow 1.0 (16-bit in_port), 1.1-1.4 (32-bit in_port),
 * 1.5 (a match of packet metadata: in_port, tunnel, registers...), and
 * the ovs-ofctl packet-out text "in_port=1,packet=HEX,actions=...". */
#ifndef OFP_PACKET_OUT_H
#define OFP_PACKET_OUT_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-match.h"
#include "ofp-msgs.h"
#include "ofp-print-bodies.h"

struct bytebuf;
struct odp_text;

/* 'match' holds the metadata the packet arrives with; before 1.5 only
 * in_port (1.1+ numbering, OFPP_CONTROLLER by default).  'ofpacts' and
 * 'packet' point into buffers the caller owns (the message, for a
 * decoded packet). */
struct ofp_packet_out {
	uint32_t buffer_id;
	struct of_match match;
	const void *ofpacts;
	size_t ofpacts_len;
	const void *packet;
	size_t packet_len;
};

/* No buffer, in_port CONTROLLER, no actions, no packet. */
void ofp_packet_out_init(struct ofp_packet_out *);
uint32_t ofp_packet_out_in_port(const struct ofp_packet_out *);
void ofp_packet_out_set_in_port(struct ofp_packet_out *, uint32_t port);

/* Decodes with the spec's checks (OFPBRC_BAD_PORT for an invalid in_port,
 * OFPBRC_BAD_LEN, OFPBRC_BAD_PACKET for data with a buffer in 1.5...),
 * actions to 'ofpacts'; on error 'ofpacts' is as it was. */
enum ofperr ofp_packet_out_decode(const struct ofpmsg *,
				  struct ofp_packet_out *,
				  struct bytebuf *ofpacts);
/* OFPBAC_* when an action has no form in 'version'; 'out' is then as
 * it was.  A 1.5 match that is not metadata only is OFPBRC_BAD_PORT's
 * sibling, OFPBMC_BAD_FIELD. */
enum ofperr ofp_packet_out_encode(const struct ofp_packet_out *,
				  uint8_t version, uint32_t xid,
				  struct bytebuf *out);

/* ovs-ofctl packet-out text: "in_port=", "packet=" (hex), "actions=",
 * and in 1.5 any other metadata field.  The actions go to 'ofpacts' and
 * the packet to 'packet'; NULL or a malloc'd error. */
char *ofp_packet_out_parse(const char *text, struct ofp_packet_out *,
			   struct bytebuf *ofpacts, struct bytebuf *packet)
	__attribute__((warn_unused_result));
/* The body as ofp-print shows it, packet dump (verbosity > 0) included. */
void ofp_packet_out_format(struct odp_text *, const struct ofp_packet_out *,
			   uint8_t version, int verbosity);

OFP_BODY_PRINTER(ofp_packet_out_print);

#endif
