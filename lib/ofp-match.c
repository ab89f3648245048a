/* Matches: field access through the table, prerequisites, which wire formats
 * can carry a match. */
#include "ofp-match.h"

#include <endian.h>
#include <string.h>

#include "bytebuf.h"

#define ETH_TYPE_IP	0x0800
#define ETH_TYPE_ARP	0x0806
#define ETH_TYPE_RARP	0x8035
#define ETH_TYPE_IPV6	0x86dd
#define ETH_TYPE_MPLS	0x8847
#define ETH_TYPE_MPLSM	0x8848
#define ETH_TYPE_PBB	0x88e7

void of_match_init_catchall(struct of_match *m)
{
	memset(m, 0, sizeof *m);
}

bool of_match_equal(const struct of_match *a, const struct of_match *b)
{
	return !memcmp(a, b, sizeof *a);
}

bool of_match_is_catchall(const struct of_match *m)
{
	return bytecur_is_zero(&m->mask, sizeof m->mask);
}

static uint8_t *st_ptr(const struct mf_field *mf, const struct of_flow *f)
{
	return (uint8_t *)f + mf->ofs;
}

/* Storage of at most 4 bytes, as a host integer. */
static uint32_t st_read(const struct mf_field *mf, const struct of_flow *f)
{
	const uint8_t *p = st_ptr(mf, f);
	uint32_t v = 0;

	for (int i = 0; i < mf->st_bytes; i++)
		v = v << 8 | p[i];
	return v;
}

static void st_write(const struct mf_field *mf, struct of_flow *f,
		     uint32_t v)
{
	uint8_t *p = st_ptr(mf, f);

	for (int i = mf->st_bytes - 1; i >= 0; i--, v >>= 8)
		p[i] = v;
}

static uint32_t val_read(const struct mf_field *mf, const union mf_value *v)
{
	uint32_t x = 0;

	for (int i = 0; i < mf->n_bytes; i++)
		x = x << 8 | v->u8[i];
	return x;
}

static void val_write(const struct mf_field *mf, union mf_value *v,
		      uint32_t x)
{
	memset(v, 0, sizeof *v);
	for (int i = mf->n_bytes - 1; i >= 0; i--, x >>= 8)
		v->u8[i] = x;
}

static bool mf_is_int(const struct mf_field *mf)
{
	return mf->st_bytes <= 4;
}

static void get_one(const struct mf_field *mf, const struct of_flow *f,
		    union mf_value *v)
{
	if (mf_is_int(mf)) {
		val_write(mf, v, (st_read(mf, f) >> mf->shift) & mf->valid);
	} else {
		memset(v, 0, sizeof *v);
		memcpy(v->u8, st_ptr(mf, f), mf->n_bytes);
	}
}

void mf_get(const struct mf_field *mf, const struct of_match *m,
	    union mf_value *value, union mf_value *mask)
{
	if (value)
		get_one(mf, &m->flow, value);
	if (mask)
		get_one(mf, &m->mask, mask);
}

static void put_one(const struct mf_field *mf, struct of_flow *f,
		    const union mf_value *v)
{
	if (mf_is_int(mf)) {
		uint32_t bits = mf->valid << mf->shift;
		uint32_t x = (val_read(mf, v) & mf->valid) << mf->shift;
		st_write(mf, f, (st_read(mf, f) & ~bits) | x);
	} else {
		memcpy(st_ptr(mf, f), v->u8, mf->n_bytes);
	}
}

/* Clears the flow's bits of 'mf' storage where the mask is 0. */
static void normalize(const struct mf_field *mf, struct of_match *m)
{
	uint8_t *v = st_ptr(mf, &m->flow), *k = st_ptr(mf, &m->mask);

	for (int i = 0; i < mf->st_bytes; i++)
		v[i] &= k[i];
}

/* OpenFlow 1.0's view of the VLAN: a VID or PCP always means "tagged"; VID
 * 0xffff (OF1.0) or an exact 0 (OXM's OFPVID_NONE) means "untagged". */
static bool set_vlan_special(const struct mf_field *mf,
			     const union mf_value *value,
			     const union mf_value *mask, struct of_match *m)
{
	uint16_t tci = be16toh(m->flow.vlans[0].tci);
	uint16_t tmask = be16toh(m->mask.vlans[0].tci);
	uint32_t v = val_read(mf, value);

	switch (mf->id) {
	case MFF_VLAN_VID:
		/* OFPVID_NONE: no tag at all. */
		if (mask || v)
			return false;
		tci = 0;
		tmask = 0xffff;
		break;
	case MFF_DL_VLAN:
		if (mask)
			return false;
		if (v == 0xffff) {
			tci = 0;
			tmask = 0xffff;
		} else {
			tci = (tci & ~0x1fff) | OF_VLAN_CFI | (v & 0xfff);
			tmask |= 0x1fff;
		}
		break;
	case MFF_DL_VLAN_PCP:
	case MFF_VLAN_PCP:
		tci = (tci & ~0xe000) | OF_VLAN_CFI | (v & 7) << 13;
		tmask |= 0xf000;
		break;
	default:
		return false;
	}
	m->flow.vlans[0].tci = htobe16(tci & tmask);
	m->mask.vlans[0].tci = htobe16(tmask);
	return true;
}

void mf_set(const struct mf_field *mf, const union mf_value *value,
	    const union mf_value *mask, struct of_match *m)
{
	union mf_value exact;

	if (set_vlan_special(mf, value, mask, m))
		return;
	put_one(mf, &m->flow, value);
	if (mask) {
		put_one(mf, &m->mask, mask);
	} else if (mf_is_int(mf)) {
		/* Exact covers all the storage bits the field owns. */
		st_write(mf, &m->mask, st_read(mf, &m->mask) |
					       mf->valid << mf->shift);
	} else {
		mf_valid_mask(mf, &exact);
		put_one(mf, &m->mask, &exact);
	}
	normalize(mf, m);
}

void mf_set_wild(const struct mf_field *mf, struct of_match *m)
{
	union mf_value zero;

	memset(&zero, 0, sizeof zero);
	put_one(mf, &m->mask, &zero);
	normalize(mf, m);
}

/* Hot in every encode and prerequisite pass: reads the mask in place. */
bool mf_is_wild(const struct mf_field *mf, const struct of_match *m)
{
	const uint8_t *p = st_ptr(mf, &m->mask);

	if (mf_is_int(mf)) {
		uint32_t bits = mf->valid;
		if (mf->n_bytes < 4)
			bits &= (1u << 8 * mf->n_bytes) - 1;
		return !((st_read(mf, &m->mask) >> mf->shift) & bits);
	}
	for (int i = 0; i < mf->n_bytes; i++)
		if (p[i])
			return false;
	return true;
}

_Static_assert(sizeof(struct of_flow) <= 64 * 8,
	       "of_match_mask_words() needs a bit per 8 bytes of of_flow");

uint64_t of_match_mask_words(const struct of_match *m)
{
	const uint8_t *p = (const uint8_t *)&m->mask;
	uint64_t words = 0;

	for (size_t i = 0; i < sizeof m->mask; i += 8) {
		size_t n = sizeof m->mask - i < 8 ? sizeof m->mask - i : 8;
		uint64_t w = 0;
		memcpy(&w, p + i, n);
		if (w)
			words |= UINT64_C(1) << i / 8;
	}
	return words;
}

bool mf_is_exact(const struct mf_field *mf, const struct of_match *m)
{
	union mf_value mask, all;

	get_one(mf, &m->mask, &mask);
	mf_valid_mask(mf, &all);
	return !memcmp(mask.u8, all.u8, mf->n_bytes);
}

void mf_set_u64(enum mf_field_id id, uint64_t value, uint64_t mask,
		struct of_match *m)
{
	const struct mf_field *mf = mf_from_id(id);
	union mf_value v, k;

	memset(&v, 0, sizeof v);
	memset(&k, 0, sizeof k);
	for (int i = mf->n_bytes - 1; i >= 0; i--) {
		v.u8[i] = value;
		k.u8[i] = mask;
		value >>= 8;
		mask >>= 8;
	}
	mf_set(mf, &v, &k, m);
}

uint64_t mf_get_u64(enum mf_field_id id, const struct of_match *m,
		    uint64_t *maskp)
{
	const struct mf_field *mf = mf_from_id(id);
	union mf_value v, k;
	uint64_t value = 0, mask = 0;

	mf_get(mf, m, &v, &k);
	for (int i = 0; i < mf->n_bytes && i < 8; i++) {
		value = value << 8 | v.u8[i];
		mask = mask << 8 | k.u8[i];
	}
	if (maskp)
		*maskp = mask;
	return value;
}

int of_cidr_from_mask32(uint32_t mask)
{
	uint32_t inv = ~mask;

	if (inv & (inv + 1))
		return -1;
	int n = 0;
	while (n < 32 && mask & (0x80000000u >> n))
		n++;
	return n;
}

uint32_t of_mask32_from_cidr(int prefix)
{
	return prefix <= 0 ? 0 : prefix >= 32 ? 0xffffffffu
					      : ~(0xffffffffu >> prefix);
}

int of_cidr_from_mask128(const uint8_t mask[16])
{
	int n = 0;

	while (n < 128 && mask[n / 8] & (0x80 >> n % 8))
		n++;
	for (int i = n; i < 128; i++)
		if (mask[i / 8] & (0x80 >> i % 8))
			return -1;
	return n;
}

static bool exact16(uint16_t value_be, uint16_t mask_be, uint16_t want)
{
	return mask_be == 0xffff && be16toh(value_be) == want;
}

static bool eth_type_is(const struct of_match *m, uint16_t a, uint16_t b)
{
	return exact16(m->flow.dl_type, m->mask.dl_type, a) ||
	       exact16(m->flow.dl_type, m->mask.dl_type, b);
}

static bool proto_is(const struct of_match *m, uint8_t proto)
{
	return m->mask.nw_proto == 0xff && m->flow.nw_proto == proto;
}

static bool nd_type_is(const struct of_match *m, int type)
{
	uint16_t t = be16toh(m->flow.tp_src);

	if (!eth_type_is(m, ETH_TYPE_IPV6, ETH_TYPE_IPV6) || !proto_is(m, 58))
		return false;
	if ((be16toh(m->mask.tp_src) & 0xff) != 0xff || m->flow.tp_dst)
		return false;
	return type ? t == type : t == 135 || t == 136;
}

/* The conntrack fields mean something only for a connection that exists. */
static bool ct_valid(const struct of_match *m)
{
	uint32_t st = be32toh(m->flow.ct_state), mask = be32toh(m->mask.ct_state);

	return st & (OF_CS_NEW | OF_CS_EST | OF_CS_REL | OF_CS_RPL |
		     OF_CS_SNAT | OF_CS_DNAT) ||
	       (st & OF_CS_TRK && mask & OF_CS_INV && !(st & OF_CS_INV));
}

static bool prereq_ok(enum mf_prereq p, const struct of_match *m)
{
	bool ip4 = eth_type_is(m, ETH_TYPE_IP, ETH_TYPE_IP);
	bool ip6 = eth_type_is(m, ETH_TYPE_IPV6, ETH_TYPE_IPV6);

	switch (p) {
	case MFP_NONE:
		return true;
	case MFP_IN_PORT:
		return m->mask.in_port == 0xffffffff;
	case MFP_VLAN_VID:
		return be16toh(m->flow.vlans[0].tci) & OF_VLAN_CFI;
	case MFP_MPLS:
		return eth_type_is(m, ETH_TYPE_MPLS, ETH_TYPE_MPLSM);
	case MFP_IPV4:
		return ip4;
	case MFP_IPV6:
		return ip6;
	case MFP_IP_ANY:
		return ip4 || ip6;
	case MFP_ARP:
		return eth_type_is(m, ETH_TYPE_ARP, ETH_TYPE_RARP);
	case MFP_PBB:
		return eth_type_is(m, ETH_TYPE_PBB, ETH_TYPE_PBB);
	case MFP_TCP:
		return (ip4 || ip6) && proto_is(m, 6);
	case MFP_UDP:
		return (ip4 || ip6) && proto_is(m, 17);
	case MFP_SCTP:
		return (ip4 || ip6) && proto_is(m, 132);
	case MFP_ICMPV4:
		return ip4 && proto_is(m, 1);
	case MFP_ICMPV6:
		return ip6 && proto_is(m, 58);
	case MFP_ND:
		return nd_type_is(m, 0);
	case MFP_ND_SOLICIT:
		return nd_type_is(m, 135);
	case MFP_ND_ADVERT:
		return nd_type_is(m, 136);
	case MFP_CT:
		return ct_valid(m);
	case MFP_CT_L4:
		return ct_valid(m) && m->mask.ct_nw_proto &&
		       m->flow.ct_nw_proto;
	}
	return false;
}

bool mf_prereqs_ok(const struct mf_field *mf, const struct of_match *m)
{
	return prereq_ok(mf->prereq, m);
}

/* Fields that share storage (tcp_src, udp_src, icmp_type; nw_src and
 * arp_spa; vlan_tci and vlan_pcp) are one field under another protocol's
 * name: the bits are meaningful if any of them is. */
bool mf_storage_prereqs_ok(const struct mf_field *mf, const struct of_match *m)
{
	if (mf_prereqs_ok(mf, m))
		return true;
	for (int i = 0; i < MFF_N_IDS; i++) {
		const struct mf_field *o = mf_from_id(i);
		if (o->ofs == mf->ofs && o->st_bytes == mf->st_bytes &&
		    !mf_is_wild(o, m) && mf_prereqs_ok(o, m))
			return true;
	}
	return false;
}

enum ofperr of_match_check_prereqs(const struct of_match *m,
				   enum mf_field_id *bad)
{
	uint64_t words = of_match_mask_words(m);

	for (int i = 0; i < MFF_N_IDS; i++) {
		const struct mf_field *mf = mf_from_id(i);
		if (!mf_is_wild_in(mf, m, words) &&
		    !mf_storage_prereqs_ok(mf, m)) {
			if (bad)
				*bad = mf->id;
			return OFPERR_OFPBMC_BAD_PREREQ;
		}
	}
	return 0;
}

uint32_t of_port_from_of10(uint16_t port)
{
	return port >= 0xff00 ? port + 0xffff0000u : port;
}

bool of_port_to_of10(uint32_t port, uint16_t *out)
{
	if (port < 0xff00)
		*out = port;
	else if (port >= 0xffffff00u)
		*out = port - 0xffff0000u;
	else
		return false;
	return true;
}

bool of_match_implies_ethernet(const struct of_match *m)
{
	const uint8_t *p = (const uint8_t *)&m->mask;

	return !bytecur_is_zero(p + OF_FLOW_L2_OFS,
				sizeof m->mask - OF_FLOW_L2_OFS);
}

void of_match_normalize(struct of_match *m)
{
	/* A later fragment is a fragment; a non-fragment is not a later one. */
	uint8_t fv = m->flow.nw_frag, fm = m->mask.nw_frag;
	if (fm & fv & OF_FRAG_LATER) {
		m->flow.nw_frag |= OF_FRAG_ANY;
		m->mask.nw_frag |= OF_FRAG_ANY;
	}
	if (fm & OF_FRAG_ANY && !(fv & OF_FRAG_ANY))
		m->mask.nw_frag |= OF_FRAG_LATER;

	if (m->mask.packet_type == 0xffffffff && !m->flow.packet_type &&
	    of_match_implies_ethernet(m))
		m->mask.packet_type = 0;
}

void of_match_encode(const struct of_match *m, enum of_match_format f,
		     enum ofp_version version, struct bytebuf *b)
{
	switch (f) {
	case OFM_OF10:
		of_match_encode_of10(m, b);
		break;
	case OFM_OF11:
		of_match_encode_of11(m, b);
		break;
	case OFM_NXM:
		of_match_encode_nxm(m, b);
		break;
	case OFM_OXM:
		of_match_encode_oxm(m, version, b);
		break;
	}
}

enum ofperr of_match_decode(const void *p, size_t n, enum of_match_format f,
			    enum ofp_version version, struct of_match *m)
{
	struct bytecur c = bytecur_make(p, n);
	struct of_match tmp;
	enum ofperr error;

	switch (f) {
	case OFM_OF10:
		return of_match_decode_of10(p, n, m);
	case OFM_OF11:
		return of_match_decode_of11(p, n, m);
	case OFM_NXM:
		return of_match_decode_nxm(p, n, m);
	case OFM_OXM:
		error = of_match_decode_oxm(&c, version, &tmp);
		if (!error && c.left)
			error = OFPERR_OFPBMC_BAD_LEN;
		if (!error)
			*m = tmp;
		return error;
	}
	return OFPERR_OFPBMC_BAD_TYPE;
}

/* Whether the mask stays within what an OpenFlow 1.0 match can say: a
 * decoded one never has mask bits elsewhere, so no round trip can fit. */
static bool of10_can_say(const struct of_match *m)
{
	struct of_flow k;

	memcpy(&k, &m->mask, sizeof k);
	k.in_port = 0;
	memset(k.dl_src, 0, sizeof k.dl_src);
	memset(k.dl_dst, 0, sizeof k.dl_dst);
	k.vlans[0].tci = 0;
	k.dl_type = 0;
	k.nw_tos = k.nw_proto = 0;
	k.arp_op = 0;
	k.nw_src = k.nw_dst = 0;
	k.tp_src = k.tp_dst = 0;
	return bytecur_is_zero(&k, sizeof k);
}

/* A format fits when decoding what it encodes gives the match back. */
bool of_match_fits_buf(const struct of_match *m, enum of_match_format f,
		       enum ofp_version version, struct bytebuf *scratch)
{
	struct of_match back;

	if (f == OFM_OF10 && !of10_can_say(m))
		return false;
	bytebuf_clear(scratch);
	of_match_encode(m, f, version, scratch);
	return !of_match_decode(scratch->data, scratch->size, f, version,
				&back) &&
	       of_match_equal(m, &back);
}

bool of_match_fits(const struct of_match *m, enum of_match_format f,
		   enum ofp_version version)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	bool ok = of_match_fits_buf(m, f, version, &b);

	bytebuf_uninit(&b);
	return ok;
}
