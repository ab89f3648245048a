/* Committing header changes: the datapath actions that turn a packet whose
 * headers are 'base' (an of_flow, as the datapath's copy of the packet is
 * now) into one with the headers of 'target' (as OpenFlow actions have made
 * it).  The datapath runs actions in order, so translation commits before
 * every output, and the emitted list follows the order in which a packet
 * can take the changes: Ethernet addresses, leaving MPLS, L3, L4, entering
 * MPLS, VLAN tags, then skb priority and mark.
 *
 * Every field a decision read goes into 'wc' (the megaflow mask): a set is
 * only emitted because the packet's value differed, so the field is matched;
 * a set of an L3 or L4 header needs the flow to match its eth_type and IP
 * protocol, as the datapath requires of it. */
#ifndef WEIR_ODP_COMMIT_H
#define WEIR_ODP_COMMIT_H 1

#include <stdbool.h>
#include <stdint.h>

#include "nlattr.h"
#include "of-flow.h"

/* Appends the actions to 'acts'; 'base' then equals 'target'.  Only one
 * MPLS label can be pushed or popped per commit (of_flow knows the top
 * label only): push or pop further labels with the helpers below.
 * Returns true if the actions rewrite ARP or ICMP headers, which the
 * datapath core refuses (as the upstream kernel does): such a flow must be
 * handled in userspace. */
bool odp_commit(struct of_flow *base, const struct of_flow *target,
		struct of_flow *wc, struct nlbuf *acts);

/* push_mpls and pop_mpls; 'lse' and the ethertypes in network order. */
void odp_put_push_mpls(struct nlbuf *acts, uint32_t lse, uint16_t ethertype);
void odp_put_pop_mpls(struct nlbuf *acts, uint16_t ethertype);

/* The number of VLAN tags an of_flow has (0 to OF_FLOW_N_VLANS). */
int odp_vlan_count(const struct of_flow *);

#endif /* WEIR_ODP_COMMIT_H */
