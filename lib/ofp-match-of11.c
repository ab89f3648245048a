/* The OpenFlow 1.1 standard match (type 0): fixed fields, a wildcard bitmap,
 * and inverted masks (1 = ignore) for Ethernet, IPv4 and metadata. */
#include "ofp-match.h"

#include <endian.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-match-fixed.h"

enum {
	OFPFW11_IN_PORT = 1 << 0,
	OFPFW11_DL_VLAN = 1 << 1,
	OFPFW11_DL_VLAN_PCP = 1 << 2,
	OFPFW11_DL_TYPE = 1 << 3,
	OFPFW11_NW_TOS = 1 << 4,
	OFPFW11_NW_PROTO = 1 << 5,
	OFPFW11_TP_SRC = 1 << 6,
	OFPFW11_TP_DST = 1 << 7,
	OFPFW11_MPLS_LABEL = 1 << 8,
	OFPFW11_MPLS_TC = 1 << 9,
	OFPFW11_ALL = (1 << 10) - 1,
};

#define OFPMT_STANDARD 0
#define OFPVID11_ANY 0xfffe

struct ofp11_match {
	uint16_t type;
	uint16_t length;
	uint32_t in_port;
	uint32_t wildcards;
	uint8_t dl_src[6];
	uint8_t dl_src_mask[6];
	uint8_t dl_dst[6];
	uint8_t dl_dst_mask[6];
	uint16_t dl_vlan;
	uint8_t dl_vlan_pcp;
	uint8_t pad1;
	uint16_t dl_type;
	uint8_t nw_tos;
	uint8_t nw_proto;
	uint32_t nw_src;
	uint32_t nw_src_mask;
	uint32_t nw_dst;
	uint32_t nw_dst_mask;
	uint16_t tp_src;
	uint16_t tp_dst;
	uint32_t mpls_label;
	uint8_t mpls_tc;
	uint8_t pad2[3];
	uint64_t metadata;
	uint64_t metadata_mask;
} __attribute__((packed));

_Static_assert(sizeof(struct ofp11_match) == OFP11_MATCH_LEN, "88 bytes");

static void invert(uint8_t *dst, const uint8_t *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dst[i] = ~src[i];
}

static uint32_t of11_vlan(const struct of_match *m, struct ofp11_match *om)
{
	struct ofm_fixed_vlan v;

	ofm_fixed_vlan_get(m, OFPVID11_ANY, &v);
	if (v.vid_wild)
		return OFPFW11_DL_VLAN | OFPFW11_DL_VLAN_PCP;
	om->dl_vlan = htobe16(v.vid);
	om->dl_vlan_pcp = v.pcp_wild ? 0 : v.pcp;
	return v.pcp_wild ? OFPFW11_DL_VLAN_PCP : 0;
}

static uint32_t of11_mpls(const struct of_match *m, struct ofp11_match *om)
{
	uint32_t lse = be32toh(m->flow.mpls_lse);
	uint32_t mask = be32toh(m->mask.mpls_lse);
	uint32_t wc = 0;

	if (mask & 0xfffff000)
		om->mpls_label = htobe32(lse >> 12);
	else
		wc |= OFPFW11_MPLS_LABEL;
	if (mask & 0x00000e00)
		om->mpls_tc = lse >> 9 & 7;
	else
		wc |= OFPFW11_MPLS_TC;
	return wc;
}

void of_match_encode_of11(const struct of_match *m, struct bytebuf *b)
{
	const struct of_flow *f = &m->flow, *k = &m->mask;
	struct ofp11_match om;
	uint32_t wc = 0;

	memset(&om, 0, sizeof om);
	om.type = htobe16(OFPMT_STANDARD);
	om.length = htobe16(OFP11_MATCH_LEN);
	om.in_port = f->in_port;
	wc |= k->in_port ? 0 : OFPFW11_IN_PORT;
	memcpy(om.dl_src, f->dl_src, 6);
	invert(om.dl_src_mask, k->dl_src, 6);
	memcpy(om.dl_dst, f->dl_dst, 6);
	invert(om.dl_dst_mask, k->dl_dst, 6);
	wc |= of11_vlan(m, &om);
	om.dl_type = f->dl_type;
	wc |= k->dl_type ? 0 : OFPFW11_DL_TYPE;
	om.nw_tos = f->nw_tos & 0xfc;
	wc |= k->nw_tos & 0xfc ? 0 : OFPFW11_NW_TOS;
	bool proto_wild;
	om.nw_proto = ofm_fixed_proto_get(m, &proto_wild);
	wc |= proto_wild ? OFPFW11_NW_PROTO : 0;
	om.nw_src = f->nw_src;
	om.nw_src_mask = ~k->nw_src;
	om.nw_dst = f->nw_dst;
	om.nw_dst_mask = ~k->nw_dst;
	om.tp_src = f->tp_src;
	om.tp_dst = f->tp_dst;
	wc |= k->tp_src ? 0 : OFPFW11_TP_SRC;
	wc |= k->tp_dst ? 0 : OFPFW11_TP_DST;
	wc |= of11_mpls(m, &om);
	om.metadata = f->metadata;
	om.metadata_mask = ~k->metadata;
	om.wildcards = htobe32(wc);
	bytebuf_put(b, &om, sizeof om);
}

static enum ofperr of11_decode_vlan(const struct ofp11_match *om, uint32_t wc,
				    struct of_match *m)
{
	struct ofm_fixed_vlan v = {
		.vid = be16toh(om->dl_vlan),
		.pcp = om->dl_vlan_pcp,
		.vid_wild = wc & OFPFW11_DL_VLAN,
		.pcp_wild = wc & OFPFW11_DL_VLAN_PCP,
	};

	if (v.vid_wild)
		return 0;
	return ofm_fixed_vlan_set(&v, OFPVID11_ANY, m);
}

static enum ofperr of11_decode_l3(const struct ofp11_match *om, uint32_t wc,
				  struct of_match *m)
{
	struct of_flow *f = &m->flow, *k = &m->mask;
	uint16_t type = k->dl_type ? be16toh(f->dl_type) : 0;
	bool ip = type == 0x0800, arp = type == 0x0806 || type == 0x8035;

	if (ip && !(wc & OFPFW11_NW_TOS)) {
		if (om->nw_tos & 3)
			return OFPERR_OFPBMC_BAD_VALUE;
		f->nw_tos = om->nw_tos;
		k->nw_tos = 0xfc;
	}
	if (!ip && !arp)
		return 0;
	if (!(wc & OFPFW11_NW_PROTO))
		ofm_fixed_proto_set(om->nw_proto, arp, m);
	k->nw_src = ~om->nw_src_mask;
	f->nw_src = om->nw_src & k->nw_src;
	k->nw_dst = ~om->nw_dst_mask;
	f->nw_dst = om->nw_dst & k->nw_dst;
	if (!ip)
		return 0;
	return ofm_fixed_tp_set(om->tp_src, wc & OFPFW11_TP_SRC, om->tp_dst,
				wc & OFPFW11_TP_DST, OFPERR_OFPBMC_BAD_FIELD, m);
}

static void of11_decode_mpls(const struct ofp11_match *om, uint32_t wc,
			     struct of_match *m)
{
	uint16_t type = m->mask.dl_type ? be16toh(m->flow.dl_type) : 0;

	if (type != 0x8847 && type != 0x8848)
		return;
	if (!(wc & OFPFW11_MPLS_LABEL))
		mf_set_u64(MFF_MPLS_LABEL, be32toh(om->mpls_label), 0xfffff, m);
	if (!(wc & OFPFW11_MPLS_TC))
		mf_set_u64(MFF_MPLS_TC, om->mpls_tc, 7, m);
}

enum ofperr of_match_decode_of11(const void *p, size_t n,
				 struct of_match *out)
{
	struct of_match match, *m = &match;
	struct ofp11_match om;

	if (n < 4)
		return OFPERR_OFPBMC_BAD_LEN;
	memcpy(&om, p, 4);
	if (be16toh(om.type) != OFPMT_STANDARD)
		return OFPERR_OFPBMC_BAD_TYPE;
	if (n != sizeof om || be16toh(om.length) != OFP11_MATCH_LEN)
		return OFPERR_OFPBMC_BAD_LEN;
	memcpy(&om, p, sizeof om);
	of_match_init_catchall(m);

	uint32_t wc = be32toh(om.wildcards) & OFPFW11_ALL;
	struct of_flow *f = &m->flow, *k = &m->mask;
	if (!(wc & OFPFW11_IN_PORT)) {
		uint32_t port = be32toh(om.in_port);
		if (port >= 0xff00 && port < 0xffffff00)
			return OFPERR_OFPBMC_BAD_VALUE;
		f->in_port = om.in_port;
		k->in_port = 0xffffffff;
	}
	invert(k->dl_src, om.dl_src_mask, 6);
	invert(k->dl_dst, om.dl_dst_mask, 6);
	for (int i = 0; i < 6; i++) {
		f->dl_src[i] = om.dl_src[i] & k->dl_src[i];
		f->dl_dst[i] = om.dl_dst[i] & k->dl_dst[i];
	}
	enum ofperr error = of11_decode_vlan(&om, wc, m);
	if (error)
		return error;
	if (!(wc & OFPFW11_DL_TYPE)) {
		f->dl_type = om.dl_type;
		k->dl_type = 0xffff;
	}
	error = of11_decode_l3(&om, wc, m);
	if (error)
		return error;
	of11_decode_mpls(&om, wc, m);
	k->metadata = ~om.metadata_mask;
	f->metadata = om.metadata & k->metadata;
	of_match_normalize(m);
	*out = match;
	return 0;
}
