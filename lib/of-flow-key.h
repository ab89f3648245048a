/* Between the datapath's flow key (datapath/core/flow.h, what packets
 * carry into a lookup and megaflows are made of) and the OpenFlow view of
 * a packet (of-flow.h, what OpenFlow tables match).  Translation turns a
 * missed packet's key into an of_flow; dump-flows filters compare a
 * megaflow, as an of_match, with a filter written in OpenFlow syntax.
 *
 * Ports stay datapath port numbers: mapping them to OpenFlow ports is
 * ofproto's.  The datapath keeps three MPLS labels and OpenFlow sees the
 * top one; ND's link-layer addresses live in arp_sha/arp_tha; a fragment's
 * OVS_FRAG_TYPE becomes OpenFlow's nw_frag bits. */
#ifndef WEIR_OF_FLOW_KEY_H
#define WEIR_OF_FLOW_KEY_H 1

#include "flow.h"
#include "ofp-match.h"

void of_flow_from_flow_key(const struct flow_key *, struct of_flow *);
/* A megaflow (key and mask) as an OpenFlow match. */
void of_match_from_flow_key(const struct flow_key *key,
			    const struct flow_key *mask, struct of_match *);
/* True if 'm' and the megaflow 'key'/'mask' agree on every bit both
 * match: a packet could hit both (what "dump-flows filter=" shows). */
bool of_match_overlaps_flow_key(const struct of_match *m,
				const struct flow_key *key,
				const struct flow_key *mask);

#endif /* WEIR_OF_FLOW_KEY_H */
