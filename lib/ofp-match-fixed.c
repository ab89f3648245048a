/* Pieces shared by the OpenFlow 1.0 and 1.1 matches. */
#include "ofp-match-fixed.h"

#include <endian.h>

void ofm_fixed_vlan_get(const struct of_match *m, uint16_t any,
			struct ofm_fixed_vlan *v)
{
	uint16_t tci = be16toh(m->flow.vlans[0].tci);
	uint16_t mask = be16toh(m->mask.vlans[0].tci);

	v->vid = 0;
	v->pcp = 0;
	v->vid_wild = v->pcp_wild = false;
	if (!(mask & OF_VLAN_CFI) && (!any || !mask)) {
		v->vid_wild = v->pcp_wild = true;
	} else if (!(tci & OF_VLAN_CFI)) {
		v->vid = 0xffff;
		v->pcp_wild = any || !(mask & 0xe000);
	} else {
		if (mask & 0x0fff)
			v->vid = tci & 0x0fff;
		else if (any)
			v->vid = any;
		else
			v->vid_wild = true;
		v->pcp = tci >> 13;
		v->pcp_wild = !(mask & 0xe000);
	}
}

enum ofperr ofm_fixed_vlan_set(const struct ofm_fixed_vlan *v, uint16_t any,
			       struct of_match *m)
{
	uint16_t tci = 0, mask = 0;

	if (!v->vid_wild && v->vid == 0xffff) {
		mask = 0xffff;
	} else {
		if (!v->vid_wild) {
			tci = mask = OF_VLAN_CFI;
			if (!any || v->vid != any) {
				if (v->vid > 0xfff)
					return OFPERR_OFPBMC_BAD_VALUE;
				tci |= v->vid;
				mask |= 0x0fff;
			}
		}
		if (!v->pcp_wild && (any ? !v->vid_wild : true)) {
			if (v->pcp > 7)
				return OFPERR_OFPBMC_BAD_VALUE;
			tci |= OF_VLAN_CFI | v->pcp << 13;
			mask |= OF_VLAN_CFI | 0xe000;
		}
	}
	m->flow.vlans[0].tci = htobe16(tci);
	m->mask.vlans[0].tci = htobe16(mask);
	return 0;
}

uint8_t ofm_fixed_proto_get(const struct of_match *m, bool *wild)
{
	*wild = !m->mask.nw_proto && !m->mask.arp_op;
	return m->mask.arp_op ? be16toh(m->flow.arp_op) : m->flow.nw_proto;
}

void ofm_fixed_proto_set(uint8_t proto, bool arp, struct of_match *m)
{
	if (arp) {
		m->flow.arp_op = htobe16(proto);
		m->mask.arp_op = 0xffff;
	} else {
		m->flow.nw_proto = proto;
		m->mask.nw_proto = 0xff;
	}
}

enum ofperr ofm_fixed_tp_set(uint16_t src_be, bool src_wild, uint16_t dst_be,
			     bool dst_wild, enum ofperr icmp_error,
			     struct of_match *m)
{
	struct of_flow *f = &m->flow, *k = &m->mask;

	if (!k->nw_proto)
		return 0;
	switch (f->nw_proto) {
	case 1:
		if ((!src_wild && be16toh(src_be) > 0xff) ||
		    (!dst_wild && be16toh(dst_be) > 0xff))
			return icmp_error;
		/* fall through */
	case 6: case 17: case 132:
		if (!src_wild) {
			f->tp_src = src_be;
			k->tp_src = 0xffff;
		}
		if (!dst_wild) {
			f->tp_dst = dst_be;
			k->tp_dst = 0xffff;
		}
	}
	return 0;
}
