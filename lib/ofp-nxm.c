/* NXM and OXM: a match as a list of type-length-value entries.
 *
 * Entry: 32-bit header (class:16, field:7, has-mask:1, length:8), then for
 * the experimenter class a 32-bit experimenter id, then the value and, with
 * has-mask, a mask of the same size.  The field table gives every header;
 * the order below is the one ovs-ofctl emits, so our bytes equal its. */
#include "ofp-match.h"

#include <endian.h>
#include <string.h>

#include "bytebuf.h"

/* Which of the interchangeable fields an encoding uses. */
enum emit_mode { EMIT_ALL, EMIT_NXM_ONLY, EMIT_OXM_ONLY, EMIT_PRE15,
		 EMIT_15, EMIT_TCI, EMIT_VID_PCP };

struct emit_step {
	enum mf_field_id id;
	enum emit_mode mode;
};

#define ALL(ID) { MFF_##ID, EMIT_ALL }
#define REGS(N) { MFF_REG0 + N, EMIT_PRE15 }
#define XREGS(N) { MFF_XREG0 + N, EMIT_15 }

static const struct emit_step emit_order[] = {
	ALL(DP_HASH), ALL(RECIRC_ID), ALL(CONJ_ID), ALL(IN_PORT),
	ALL(IN_PHY_PORT), ALL(ACTSET_OUTPUT),
	ALL(ETH_SRC), ALL(ETH_DST), ALL(ETH_TYPE),
	{ MFF_VLAN_TCI, EMIT_TCI },
	{ MFF_VLAN_VID, EMIT_VID_PCP }, { MFF_VLAN_PCP, EMIT_VID_PCP },
	ALL(MPLS_TC), ALL(MPLS_BOS), ALL(MPLS_TTL), ALL(MPLS_LABEL),
	ALL(PBB_ISID), ALL(PBB_UCA),
	ALL(IPV4_SRC), ALL(IPV4_DST), ALL(IPV6_SRC), ALL(IPV6_DST),
	ALL(IP_FRAG),
	{ MFF_IP_DSCP, EMIT_NXM_ONLY }, { MFF_IP_DSCP_SHIFTED, EMIT_OXM_ONLY },
	ALL(IP_ECN), ALL(IP_TTL), ALL(IPV6_LABEL), ALL(IPV6_EXTHDR),
	ALL(IP_PROTO),
	ALL(TCP_SRC), ALL(TCP_DST), ALL(TCP_FLAGS),
	ALL(UDP_SRC), ALL(UDP_DST), ALL(SCTP_SRC), ALL(SCTP_DST),
	ALL(ICMPV4_TYPE), ALL(ICMPV4_CODE), ALL(ICMPV6_TYPE), ALL(ICMPV6_CODE),
	ALL(ND_RESERVED), ALL(ND_TARGET), ALL(ND_OPTIONS_TYPE),
	ALL(ND_SLL), ALL(ND_TLL),
	ALL(ARP_OP), ALL(ARP_SPA), ALL(ARP_TPA), ALL(ARP_SHA), ALL(ARP_THA),
	ALL(TUN_ID), ALL(TUN_FLAGS), ALL(TUN_SRC), ALL(TUN_DST),
	ALL(TUN_IPV6_SRC), ALL(TUN_IPV6_DST), ALL(TUN_GBP_ID),
	ALL(TUN_GBP_FLAGS),
	REGS(0), REGS(1), REGS(2), REGS(3), REGS(4), REGS(5), REGS(6),
	REGS(7), REGS(8), REGS(9), REGS(10), REGS(11), REGS(12), REGS(13),
	REGS(14), REGS(15),
	XREGS(0), XREGS(1), XREGS(2), XREGS(3), XREGS(4), XREGS(5), XREGS(6),
	XREGS(7),
	ALL(PKT_MARK), ALL(CT_STATE), ALL(CT_ZONE), ALL(CT_MARK),
	ALL(CT_LABEL), ALL(CT_NW_SRC), ALL(CT_IPV6_SRC), ALL(CT_NW_DST),
	ALL(CT_IPV6_DST), ALL(CT_NW_PROTO), ALL(CT_TP_SRC), ALL(CT_TP_DST),
	ALL(METADATA),
};

/* OXM's vlan_vid and vlan_pcp say "no tag", or a tag's VID bits and,
 * for a tag that is there, its whole PCP; other TCI matches need the NXM
 * vlan_tci, which OXM also takes. */
static bool vid_pcp_can(const struct of_match *m)
{
	uint16_t tci = be16toh(m->flow.vlans[0].tci);
	uint16_t mask = be16toh(m->mask.vlans[0].tci);
	uint16_t pcp = mask & 0xe000;

	return (mask == 0xffff && !tci) || !pcp ||
	       (pcp == 0xe000 && mask & tci & OF_VLAN_CFI);
}

static bool mode_applies(enum emit_mode mode, unsigned version,
			 const struct of_match *m)
{
	switch (mode) {
	case EMIT_TCI:
		return !version || !vid_pcp_can(m);
	case EMIT_VID_PCP:
		return version && vid_pcp_can(m);
	case EMIT_ALL:
		return true;
	case EMIT_NXM_ONLY:
		return !version;
	case EMIT_OXM_ONLY:
		return version;
	case EMIT_PRE15:
		return version < OFP15_VERSION;
	case EMIT_15:
		return version >= OFP15_VERSION;
	}
	return false;
}

static void put_header(struct bytebuf *b, const struct mf_header *h,
		       bool masked, unsigned len)
{
	bool exp = h->cls == OXM_CLASS_EXPERIMENTER;
	unsigned n = len * (masked ? 2 : 1) + (exp ? 4 : 0);

	bytebuf_put_be16(b, h->cls);
	bytebuf_put_u8(b, h->field << 1 | masked);
	bytebuf_put_u8(b, n);
	if (exp)
		bytebuf_put_be32(b, h->experimenter);
}

/* The NXM in_port is an OpenFlow 1.0 port: the one header narrower than its
 * field.  Ports beyond 16 bits go in the OXM header, which NXM also takes. */
static const struct mf_header *narrow_port(const struct mf_field *mf,
					   const struct mf_header *h,
					   union mf_value *v)
{
	uint16_t p16;

	if (!of_port_to_of10(be32toh(v->be32), &p16))
		return h + 1 < mf->hdrs + MF_MAX_HEADERS && h[1].len ? h + 1
								      : NULL;
	v->be16 = htobe16(p16);
	return h;
}

static void put_field(struct bytebuf *b, const struct mf_field *mf,
		      const struct of_match *m, unsigned version)
{
	const struct mf_header *h = mf_header_for(mf, version);
	union mf_value value, mask;
	bool masked;

	/* A field first standardized after 'version' cannot be sent in it. */
	if (!h || (version && h->version > version))
		return;
	mf_get(mf, m, &value, &mask);
	masked = !mf_is_exact(mf, m);
	if (h->len != mf->n_bytes && !(h = narrow_port(mf, h, &value)))
		return;
	put_header(b, h, masked, h->len);
	bytebuf_put(b, value.u8, h->len);
	if (masked)
		bytebuf_put(b, mask.u8, h->len);
}

static size_t put_entries(const struct of_match *m, unsigned version,
			  struct bytebuf *b)
{
	size_t start = b->size;
	uint64_t words = of_match_mask_words(m);

	if (m->mask.packet_type && (m->flow.packet_type ||
				    !of_match_implies_ethernet(m)))
		put_field(b, mf_from_id(MFF_PACKET_TYPE), m, version);
	for (size_t i = 0; i < sizeof emit_order / sizeof *emit_order; i++) {
		const struct mf_field *mf = mf_from_id(emit_order[i].id);
		if (!mf_is_wild_in(mf, m, words) &&
		    mode_applies(emit_order[i].mode, version, m) &&
		    mf_prereqs_ok(mf, m))
			put_field(b, mf, m, version);
	}
	return b->size - start;
}

size_t of_match_encode_nxm(const struct of_match *m, struct bytebuf *b)
{
	return put_entries(m, 0, b);
}

#define OFPMT_OXM 1

void of_match_encode_oxm(const struct of_match *m, enum ofp_version version,
			 struct bytebuf *b)
{
	size_t start = b->size;

	bytebuf_put_be16(b, OFPMT_OXM);
	bytebuf_put_be16(b, 0);
	size_t len = 4 + put_entries(m, version, b);
	uint8_t *p = bytebuf_at(b, start + 2, 2);
	p[0] = len >> 8;
	p[1] = len;
	bytebuf_pad_to(b, 8);
}

/* One received entry, split up. */
struct nxm_entry {
	const struct mf_field *mf;
	const struct mf_header *hdr;
	bool masked;
	union mf_value value, mask;
};

static const struct mf_header *find_header(const struct mf_field *mf,
					   uint16_t cls, uint8_t field)
{
	for (int i = 0; i < MF_MAX_HEADERS && mf->hdrs[i].len; i++)
		if (mf->hdrs[i].cls == cls && mf->hdrs[i].field == field)
			return &mf->hdrs[i];
	return NULL;
}

static enum ofperr pull_entry(struct bytecur *c, unsigned version,
			      struct nxm_entry *e)
{
	uint16_t cls;
	uint8_t fb, len;
	uint32_t exp = 0;

	if (!bytecur_take_be16(c, &cls) || !bytecur_take_u8(c, &fb) ||
	    !bytecur_take_u8(c, &len))
		return OFPERR_OFPBMC_BAD_LEN;
	if (!len)
		return OFPERR_OFPBMC_BAD_LEN;
	if (cls == OXM_CLASS_EXPERIMENTER) {
		if (len < 4 || !bytecur_take_be32(c, &exp))
			return OFPERR_OFPBMC_BAD_LEN;
		len -= 4;
	}
	const uint8_t *payload = bytecur_take(c, len);
	if (!payload)
		return OFPERR_OFPBMC_BAD_LEN;
	e->mf = mf_from_header(cls, fb >> 1, exp, version);
	if (!e->mf)
		return OFPERR_OFPBMC_BAD_FIELD;
	e->hdr = find_header(e->mf, cls, fb >> 1);
	e->masked = fb & 1;
	if (len != e->hdr->len * (e->masked ? 2 : 1))
		return OFPERR_OFPBMC_BAD_LEN;
	if (e->masked && !e->mf->maskable)
		return OFPERR_OFPBMC_BAD_MASK;
	memset(&e->value, 0, sizeof e->value);
	memcpy(e->value.u8, payload, e->hdr->len);
	if (e->masked) {
		memset(&e->mask, 0, sizeof e->mask);
		memcpy(e->mask.u8, payload + e->hdr->len, e->hdr->len);
	}
	return 0;
}

static void widen_port(union mf_value *v)
{
	v->be32 = htobe32(of_port_from_of10(be16toh(v->be16)));
}

/* The value on its own; the mask's own bits are checked last, after the
 * prerequisites, in the order ovs-ofctl reports errors in. */
static enum ofperr check_entry(struct nxm_entry *e)
{
	const struct mf_field *mf = e->mf;

	if (e->hdr->len != mf->n_bytes) {
		widen_port(&e->value);
		if (e->masked)
			widen_port(&e->mask);
	}
	if (!mf_value_is_valid(mf, &e->value))
		return OFPERR_OFPBMC_BAD_VALUE;
	/* OpenFlow 1.1 port numbers stop at 0xfeff before the reserved ones,
	 * as in ovs-ofctl; the 16-bit NXM form maps onto the same space. */
	if (mf->string == MFS_OFP_PORT) {
		uint32_t port = be32toh(e->value.be32);
		if (port >= 0xff00 && port < 0xffffff00)
			return OFPERR_OFPBMC_BAD_VALUE;
	}
	/* "A later fragment that is not a fragment" matches nothing. */
	if (mf->id == MFF_IP_FRAG && (e->value.u8[0] & OF_FRAG_MASK) ==
	    OF_FRAG_LATER && (!e->masked || e->mask.u8[0] & OF_FRAG_ANY))
		return OFPERR_OFPBMC_BAD_VALUE;
	for (int i = 0; e->masked && i < mf->n_bytes; i++)
		if (e->value.u8[i] & ~e->mask.u8[i])
			return OFPERR_OFPBMC_BAD_WILDCARDS;
	return 0;
}

/* VLAN VID and PCP share the TCI, so only their own bits can clash. */
static bool is_duplicate(const struct mf_field *mf, const uint8_t *seen,
			 const struct of_match *m)
{
	if (seen[mf->id])
		return true;
	if (mf->id == MFF_VLAN_VID || mf->id == MFF_VLAN_PCP)
		return seen[MFF_VLAN_TCI];
	return !mf_is_wild(mf, m);
}

static enum ofperr pull_entries(struct bytecur *c, unsigned version,
				struct of_match *out)
{
	uint8_t seen[MFF_N_IDS] = { 0 };
	struct of_match match, *m = &match;

	of_match_init_catchall(m);
	while (c->left) {
		struct nxm_entry e;
		enum ofperr error = pull_entry(c, version, &e);
		if (!error)
			error = check_entry(&e);
		if (error)
			return error;
		if (!mf_prereqs_ok(e.mf, m))
			return OFPERR_OFPBMC_BAD_PREREQ;
		if (is_duplicate(e.mf, seen, m))
			return OFPERR_OFPBMC_DUP_FIELD;
		if (e.masked && !mf_value_is_valid(e.mf, &e.mask))
			return OFPERR_OFPBMC_BAD_MASK;
		seen[e.mf->id] = 1;
		mf_set(e.mf, &e.value, e.masked ? &e.mask : NULL, m);
	}
	of_match_normalize(m);
	*out = match;
	return 0;
}

enum ofperr of_match_decode_nxm(const void *p, size_t n, struct of_match *m)
{
	struct bytecur c = bytecur_make(p, n);

	return pull_entries(&c, 0, m);
}

enum ofperr of_match_decode_oxm(struct bytecur *c, enum ofp_version version,
				struct of_match *m)
{
	uint16_t type, len;
	struct bytecur save = *c;

	if (!bytecur_take_be16(c, &type) || !bytecur_take_be16(c, &len)) {
		*c = save;
		return OFPERR_OFPBMC_BAD_LEN;
	}
	if (type != OFPMT_OXM) {
		*c = save;
		return OFPERR_OFPBMC_BAD_TYPE;
	}
	size_t padded = (len + 7u) / 8 * 8;
	if (len < 4 || padded - 4 > c->left) {
		*c = save;
		return OFPERR_OFPBMC_BAD_LEN;
	}
	struct bytecur entries = bytecur_make(c->p, len - 4);
	enum ofperr error = pull_entries(&entries, version, m);
	if (error) {
		*c = save;
		return error;
	}
	bytecur_take(c, padded - 4);
	return 0;
}
