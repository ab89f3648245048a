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

/* The reverse direction, for installing a translation's megaflow: the
 * flow_key of an of_flow (in_port copied as is: the caller maps it), and
 * the flow_key mask of an of_flow mask 'wc' for that flow, widened to what
 * the datapath needs to accept it: a matched L3 field matches eth_type, a
 * matched L4 field the IP protocol and fragment type, a matched VLAN or
 * MPLS field the tags or labels it sits in. */
void of_flow_to_flow_key(const struct of_flow *, struct flow_key *);
void of_flow_mask_to_flow_key(const struct of_flow *wc,
			      const struct of_flow *flow,
			      struct flow_key *mask);

#endif /* WEIR_OF_FLOW_KEY_H */
