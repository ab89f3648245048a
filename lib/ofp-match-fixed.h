/* Pieces shared by the two fixed-layout matches, OpenFlow 1.0 and 1.1. */
#ifndef OFP_MATCH_FIXED_H
#define OFP_MATCH_FIXED_H 1

#include <stdbool.h>
#include <stdint.h>

#include "ofp-match.h"

/* The VLAN as dl_vlan/dl_vlan_pcp.  'any' is the dl_vlan meaning "some tag"
 * (OF1.1), or 0 where the version wildcards dl_vlan instead (OF1.0). */
struct ofm_fixed_vlan {
	uint16_t vid;		/* host order; 0xffff: no tag */
	uint8_t pcp;
	bool vid_wild, pcp_wild;
};

void ofm_fixed_vlan_get(const struct of_match *, uint16_t any,
			struct ofm_fixed_vlan *);
enum ofperr ofm_fixed_vlan_set(const struct ofm_fixed_vlan *, uint16_t any,
			       struct of_match *);

/* nw_proto, which is the ARP opcode under ARP. */
uint8_t ofm_fixed_proto_get(const struct of_match *, bool *wild);
void ofm_fixed_proto_set(uint8_t, bool arp, struct of_match *);

/* tp_src/tp_dst under TCP, UDP, SCTP and ICMP (type and code, one byte
 * each: 'icmp_error' when not). */
enum ofperr ofm_fixed_tp_set(uint16_t src_be, bool src_wild, uint16_t dst_be,
			     bool dst_wild, enum ofperr icmp_error,
			     struct of_match *);

#endif
