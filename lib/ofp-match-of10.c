/* The OpenFlow 1.0 ofp_match: fixed fields, a wildcard bitmap, and CIDR
 * prefix lengths for the IPv4 addresses. */
#include "ofp-match.h"

#include <endian.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-match-fixed.h"

enum {
	OFPFW10_IN_PORT = 1 << 0,
	OFPFW10_DL_VLAN = 1 << 1,
	OFPFW10_DL_SRC = 1 << 2,
	OFPFW10_DL_DST = 1 << 3,
	OFPFW10_DL_TYPE = 1 << 4,
	OFPFW10_NW_PROTO = 1 << 5,
	OFPFW10_TP_SRC = 1 << 6,
	OFPFW10_TP_DST = 1 << 7,
	OFPFW10_NW_SRC_SHIFT = 8,
	OFPFW10_NW_DST_SHIFT = 14,
	OFPFW10_DL_VLAN_PCP = 1 << 20,
	OFPFW10_NW_TOS = 1 << 21,
	OFPFW10_ALL = (1 << 22) - 1,
};

/* Wire layout (offsets into the 40 bytes). */
struct ofp10_match {
	uint32_t wildcards;
	uint16_t in_port;
	uint8_t dl_src[6];
	uint8_t dl_dst[6];
	uint16_t dl_vlan;
	uint8_t dl_vlan_pcp;
	uint8_t pad1;
	uint16_t dl_type;
	uint8_t nw_tos;
	uint8_t nw_proto;
	uint8_t pad2[2];
	uint32_t nw_src;
	uint32_t nw_dst;
	uint16_t tp_src;
	uint16_t tp_dst;
};

_Static_assert(sizeof(struct ofp10_match) == OFP10_MATCH_LEN, "40 bytes");

static bool is_zero_eth(const uint8_t *a)
{
	return bytecur_is_zero(a, 6);
}

/* Wildcard bits for a CIDR mask: the number of low bits ignored. */
static uint32_t nw_wild_bits(uint32_t mask_be)
{
	int prefix = of_cidr_from_mask32(be32toh(mask_be));

	return 32 - (prefix < 0 ? 0 : prefix);
}

static uint32_t of10_vlan(const struct of_match *m, struct ofp10_match *om)
{
	struct ofm_fixed_vlan v;

	ofm_fixed_vlan_get(m, 0, &v);
	om->dl_vlan = htobe16(v.vid);
	om->dl_vlan_pcp = v.pcp;
	return (v.vid_wild ? OFPFW10_DL_VLAN : 0) |
	       (v.pcp_wild ? OFPFW10_DL_VLAN_PCP : 0);
}

void of_match_encode_of10(const struct of_match *m, struct bytebuf *b)
{
	const struct of_flow *f = &m->flow, *k = &m->mask;
	struct ofp10_match om;
	uint32_t wc = 0;
	uint16_t port = 0;

	memset(&om, 0, sizeof om);
	if (k->in_port && of_port_to_of10(be32toh(f->in_port), &port))
		om.in_port = htobe16(port);
	else
		wc |= OFPFW10_IN_PORT;
	memcpy(om.dl_src, f->dl_src, 6);
	memcpy(om.dl_dst, f->dl_dst, 6);
	wc |= is_zero_eth(k->dl_src) ? OFPFW10_DL_SRC : 0;
	wc |= is_zero_eth(k->dl_dst) ? OFPFW10_DL_DST : 0;
	wc |= of10_vlan(m, &om);
	om.dl_type = f->dl_type;
	wc |= k->dl_type ? 0 : OFPFW10_DL_TYPE;
	om.nw_tos = f->nw_tos & 0xfc;
	wc |= k->nw_tos & 0xfc ? 0 : OFPFW10_NW_TOS;
	bool proto_wild;
	om.nw_proto = ofm_fixed_proto_get(m, &proto_wild);
	wc |= proto_wild ? OFPFW10_NW_PROTO : 0;
	om.nw_src = f->nw_src;
	om.nw_dst = f->nw_dst;
	wc |= nw_wild_bits(k->nw_src) << OFPFW10_NW_SRC_SHIFT;
	wc |= nw_wild_bits(k->nw_dst) << OFPFW10_NW_DST_SHIFT;
	om.tp_src = f->tp_src;
	om.tp_dst = f->tp_dst;
	wc |= k->tp_src ? 0 : OFPFW10_TP_SRC;
	wc |= k->tp_dst ? 0 : OFPFW10_TP_DST;
	om.wildcards = htobe32(wc);
	bytebuf_put(b, &om, sizeof om);
}

static enum ofperr of10_decode_vlan(const struct ofp10_match *om, uint32_t wc,
				    struct of_match *m)
{
	struct ofm_fixed_vlan v = {
		.vid = be16toh(om->dl_vlan),
		.pcp = om->dl_vlan_pcp,
		.vid_wild = wc & OFPFW10_DL_VLAN,
		.pcp_wild = wc & OFPFW10_DL_VLAN_PCP,
	};

	return ofm_fixed_vlan_set(&v, 0, m);
}

static void set_nw_cidr(uint32_t *v, uint32_t *k, uint32_t addr, unsigned n)
{
	*k = htobe32(n >= 32 ? 0 : of_mask32_from_cidr(32 - n));
	*v = addr & *k;
}

/* Network and transport fields count only under the protocols that have
 * them, as OpenFlow 1.0 says. */
static enum ofperr of10_decode_l3(const struct ofp10_match *om, uint32_t wc,
				  struct of_match *m)
{
	struct of_flow *f = &m->flow, *k = &m->mask;
	uint16_t type = be16toh(f->dl_type);
	bool ip = k->dl_type && type == 0x0800;
	bool arp = k->dl_type && (type == 0x0806 || type == 0x8035);

	if (!ip && !arp)
		return 0;
	if (ip && !(wc & OFPFW10_NW_TOS)) {
		f->nw_tos = om->nw_tos & 0xfc;
		k->nw_tos = 0xfc;
	}
	if (!(wc & OFPFW10_NW_PROTO))
		ofm_fixed_proto_set(om->nw_proto, arp, m);
	set_nw_cidr(&f->nw_src, &k->nw_src, om->nw_src,
		    wc >> OFPFW10_NW_SRC_SHIFT & 63);
	set_nw_cidr(&f->nw_dst, &k->nw_dst, om->nw_dst,
		    wc >> OFPFW10_NW_DST_SHIFT & 63);
	if (!ip)
		return 0;
	return ofm_fixed_tp_set(om->tp_src, wc & OFPFW10_TP_SRC, om->tp_dst,
				wc & OFPFW10_TP_DST, OFPERR_OFPBMC_BAD_VALUE, m);
}

enum ofperr of_match_decode_of10(const void *p, size_t n,
				 struct of_match *out)
{
	struct of_match match, *m = &match;
	struct ofp10_match om;

	if (n != sizeof om)
		return OFPERR_OFPBMC_BAD_LEN;
	memcpy(&om, p, sizeof om);
	of_match_init_catchall(m);

	uint32_t wc = be32toh(om.wildcards) & OFPFW10_ALL;
	struct of_flow *f = &m->flow, *k = &m->mask;
	if (!(wc & OFPFW10_IN_PORT)) {
		f->in_port = htobe32(of_port_from_of10(be16toh(om.in_port)));
		k->in_port = 0xffffffff;
	}
	if (!(wc & OFPFW10_DL_SRC)) {
		memcpy(f->dl_src, om.dl_src, 6);
		memset(k->dl_src, 0xff, 6);
	}
	if (!(wc & OFPFW10_DL_DST)) {
		memcpy(f->dl_dst, om.dl_dst, 6);
		memset(k->dl_dst, 0xff, 6);
	}
	enum ofperr error = of10_decode_vlan(&om, wc, m);
	if (error)
		return error;
	if (!(wc & OFPFW10_DL_TYPE)) {
		f->dl_type = om.dl_type;
		k->dl_type = 0xffff;
	}
	error = of10_decode_l3(&om, wc, m);
	if (error)
		return error;
	of_match_normalize(m);
	*out = match;
	return 0;
}
