/* The datapath actions syntax of "ovs-dpctl dump-flows" and "add-flow":
 *
 *   2,push_vlan(vid=10,pcp=0),set(ipv4(src=10.0.0.1/255.255.255.0)),
 *   sample(sample=50.0%,actions(userspace(pid=7))),recirc(0x1)
 *
 * converted to and from the OVS_ACTION_ATTR_* netlink attributes of the
 * datapath ABI (<linux/openvswitch.h>).  set() carries one key attribute in
 * the key syntax of odp-key-text.h; a set whose mask is not all ones is a
 * set_masked, as in Open vSwitch.
 *
 * Printing is lossless: an action whose bytes the structured form could not
 * give back exactly (a bad length, an unknown nested attribute, padding that
 * is not zero, ...) prints in the generic form "actionN(0a 0b ...)", which
 * parses too.  An empty list prints "drop", and "drop" alone parses to an
 * empty list; the explicit drop action (ACTIONS_ATTR_DROP) is "drop(REASON)".
 * So parse(print(acts)) == acts, byte for byte, for whatever the parser
 * produces, and print(parse(text)) == text for every canonical text. */
#ifndef WEIR_ODP_ACTIONS_TEXT_H
#define WEIR_ODP_ACTIONS_TEXT_H 1

#include <stdbool.h>
#include <stddef.h>
#include "odp-key-text.h"

/* Deepest nesting of action lists (sample, clone, check_pkt_len) below the
 * top list, in both directions: deeper lists print in the generic form. */
#define ODP_ACTIONS_MAX_NEST 32

/* Appends the action list [acts, acts+len) to 'out'. */
void odp_actions_format(struct odp_text *out, const void *acts, size_t len);

/* The same, as a string the caller frees. */
char *odp_actions_to_string(const void *acts, size_t len);

/* Parses 's' and appends its actions to 'acts'.  Returns 0, or an errno
 * (EINVAL for bad text, ENOSPC when 'acts' is too small, E2BIG when the list
 * would not fit in a netlink attribute) with a message naming the bad token
 * in 'err'; on error 'acts' is left as it was. */
int odp_actions_parse(const char *s, struct nlbuf *acts, char *err,
		      size_t err_size);

/* Whether the text at 's' begins an action (a port number, an action name,
 * "drop"), as opposed to a flow key attribute: where "KEY ACTIONS" splits. */
bool odp_actions_begin(const char *s);

#endif /* WEIR_ODP_ACTIONS_TEXT_H */
