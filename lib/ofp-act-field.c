/* Actions that write fields: set_field, load (NXAST_REG_LOAD), move
 * (NXAST_REG_MOVE, OpenFlow 1.5 copy_field), the OpenFlow 1.0/1.1 set_*
 * actions, and the subfield syntax they share ("NXM_NX_REG0[0..15]"). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odp-key-text.h"
#include "ofp-actions-private.h"

/* ---- NXM/OXM names, as ovs-ofctl spells subfields. ---- */

struct nxm_name {
	const char *field;
	const char *nxm;
};

static const struct nxm_name nxm_names[] = {
	{ "dp_hash", "NXM_NX_DP_HASH" }, { "recirc_id", "NXM_NX_RECIRC_ID" },
	{ "packet_type", "OXM_OF_PACKET_TYPE" },
	{ "conj_id", "NXM_NX_CONJ_ID" }, { "tun_id", "NXM_NX_TUN_ID" },
	{ "tun_src", "NXM_NX_TUN_IPV4_SRC" },
	{ "tun_dst", "NXM_NX_TUN_IPV4_DST" },
	{ "tun_ipv6_src", "NXM_NX_TUN_IPV6_SRC" },
	{ "tun_ipv6_dst", "NXM_NX_TUN_IPV6_DST" },
	{ "tun_flags", "NXM_NX_TUN_FLAGS" },
	{ "tun_gbp_id", "NXM_NX_TUN_GBP_ID" },
	{ "tun_gbp_flags", "NXM_NX_TUN_GBP_FLAGS" },
	{ "metadata", "OXM_OF_METADATA" }, { "in_port", "NXM_OF_IN_PORT" },
	{ "actset_output", "ONFOXM_ET_ACTSET_OUTPUT" },
	{ "pkt_mark", "NXM_NX_PKT_MARK" }, { "ct_state", "NXM_NX_CT_STATE" },
	{ "ct_zone", "NXM_NX_CT_ZONE" }, { "ct_mark", "NXM_NX_CT_MARK" },
	{ "ct_label", "NXM_NX_CT_LABEL" },
	{ "ct_nw_proto", "NXM_NX_CT_NW_PROTO" },
	{ "ct_nw_src", "NXM_NX_CT_NW_SRC" }, { "ct_nw_dst", "NXM_NX_CT_NW_DST" },
	{ "ct_ipv6_src", "NXM_NX_CT_IPV6_SRC" },
	{ "ct_ipv6_dst", "NXM_NX_CT_IPV6_DST" },
	{ "ct_tp_src", "NXM_NX_CT_TP_SRC" }, { "ct_tp_dst", "NXM_NX_CT_TP_DST" },
	{ "eth_src", "NXM_OF_ETH_SRC" }, { "eth_dst", "NXM_OF_ETH_DST" },
	{ "eth_type", "NXM_OF_ETH_TYPE" }, { "vlan_tci", "NXM_OF_VLAN_TCI" },
	{ "vlan_vid", "OXM_OF_VLAN_VID" }, { "vlan_pcp", "OXM_OF_VLAN_PCP" },
	{ "mpls_label", "OXM_OF_MPLS_LABEL" }, { "mpls_tc", "OXM_OF_MPLS_TC" },
	{ "mpls_bos", "OXM_OF_MPLS_BOS" }, { "mpls_ttl", "NXM_NX_MPLS_TTL" },
	{ "ip_src", "NXM_OF_IP_SRC" }, { "ip_dst", "NXM_OF_IP_DST" },
	{ "ipv6_src", "NXM_NX_IPV6_SRC" }, { "ipv6_dst", "NXM_NX_IPV6_DST" },
	{ "ipv6_label", "NXM_NX_IPV6_LABEL" }, { "nw_proto", "NXM_OF_IP_PROTO" },
	{ "nw_tos", "NXM_OF_IP_TOS" }, { "ip_dscp", "OXM_OF_IP_DSCP" },
	{ "nw_ecn", "NXM_NX_IP_ECN" }, { "nw_ttl", "NXM_NX_IP_TTL" },
	{ "ip_frag", "NXM_NX_IP_FRAG" }, { "arp_op", "NXM_OF_ARP_OP" },
	{ "arp_spa", "NXM_OF_ARP_SPA" }, { "arp_tpa", "NXM_OF_ARP_TPA" },
	{ "arp_sha", "NXM_NX_ARP_SHA" }, { "arp_tha", "NXM_NX_ARP_THA" },
	{ "tcp_src", "NXM_OF_TCP_SRC" }, { "tcp_dst", "NXM_OF_TCP_DST" },
	{ "tcp_flags", "NXM_NX_TCP_FLAGS" }, { "udp_src", "NXM_OF_UDP_SRC" },
	{ "udp_dst", "NXM_OF_UDP_DST" }, { "sctp_src", "OXM_OF_SCTP_SRC" },
	{ "sctp_dst", "OXM_OF_SCTP_DST" }, { "icmp_type", "NXM_OF_ICMP_TYPE" },
	{ "icmp_code", "NXM_OF_ICMP_CODE" },
	{ "icmpv6_type", "NXM_NX_ICMPV6_TYPE" },
	{ "icmpv6_code", "NXM_NX_ICMPV6_CODE" },
	{ "nd_target", "NXM_NX_ND_TARGET" }, { "nd_sll", "NXM_NX_ND_SLL" },
	{ "nd_tll", "NXM_NX_ND_TLL" },
};

#define N_NXM_NAMES (sizeof nxm_names / sizeof nxm_names[0])

const char *mf_nxm_name(const struct mf_field *f)
{
	static __thread char buf[24];
	size_t i;

	for (i = 0; i < N_NXM_NAMES; i++)
		if (!strcmp(nxm_names[i].field, f->name))
			return nxm_names[i].nxm;
	if (f->id >= MFF_REG0 && f->id <= MFF_REG15) {
		snprintf(buf, sizeof buf, "NXM_NX_REG%d", f->id - MFF_REG0);
		return buf;
	}
	if (f->id >= MFF_XREG0 && f->id <= MFF_XREG7) {
		snprintf(buf, sizeof buf, "OXM_OF_PKT_REG%d",
			 f->id - MFF_XREG0);
		return buf;
	}
	if (f->id >= MFF_XXREG0 && f->id <= MFF_XXREG3) {
		snprintf(buf, sizeof buf, "NXM_NX_XXREG%d",
			 f->id - MFF_XXREG0);
		return buf;
	}
	return f->name;
}

/* A field by NXM/OXM name ("NXM_NX_REG3") or by its own name. */
static const struct mf_field *field_by_any_name(const char *s, size_t len)
{
	static const struct { const char *prefix; enum mf_field_id base;
			      int n; } numbered[] = {
		{ "NXM_NX_REG", MFF_REG0, 16 },
		{ "OXM_OF_PKT_REG", MFF_XREG0, 8 },
		{ "NXM_NX_XXREG", MFF_XXREG0, 4 },
	};
	size_t i;

	for (i = 0; i < N_NXM_NAMES; i++)
		if (strlen(nxm_names[i].nxm) == len
		    && !strncmp(nxm_names[i].nxm, s, len))
			return mf_from_name(nxm_names[i].field,
					    strlen(nxm_names[i].field));
	for (i = 0; i < sizeof numbered / sizeof numbered[0]; i++) {
		size_t pl = strlen(numbered[i].prefix);
		if (len > pl && len <= pl + 2
		    && !strncmp(s, numbered[i].prefix, pl)) {
			char num[3] = { 0 };
			char *end;
			long n;

			memcpy(num, s + pl, len - pl);
			n = strtol(num, &end, 10);
			if (!*end && n >= 0 && n < numbered[i].n
			    && (num[0] != '0' || !num[1]))
				return mf_from_id(numbered[i].base + n);
		}
	}
	return mf_from_name(s, len);
}

uint32_t mf_nxm_header32(const struct mf_field *f)
{
	return mf_header32_for(f, 0);
}

uint32_t mf_header32_for(const struct mf_field *f, enum ofp_version v)
{
	const struct mf_header *h = mf_header_for(f, v);

	if (!h || h->cls == OXM_CLASS_EXPERIMENTER)
		return 0;
	return (uint32_t) h->cls << 16 | (uint32_t) h->field << 9 | h->len;
}

const struct mf_field *mf_from_header32(uint32_t header, bool *hasmask)
{
	const struct mf_field *f;
	uint16_t cls = (uint16_t) (header >> 16);
	uint8_t field = (uint8_t) ((header >> 9) & 0x7f);
	unsigned len = header & 0xff;
	int i;

	*hasmask = header & 0x100;
	if (cls == OXM_CLASS_EXPERIMENTER)
		return NULL;
	f = mf_from_header(cls, field, 0, 0);
	for (i = 0; f && i < MF_MAX_HEADERS && f->hdrs[i].len; i++)
		if (f->hdrs[i].cls == cls && f->hdrs[i].field == field)
			return len == (*hasmask ? 2u : 1u) * f->hdrs[i].len
				? f : NULL;
	return NULL;
}

/* Bits a subfield of 'f' may span: NXM_OF_IN_PORT is 16 bits wide though
 * Weir keeps 32-bit port numbers. */
unsigned mf_subfield_width(const struct mf_field *f)
{
	const struct mf_header *h = mf_header_for(f, 0);

	return h && h->cls != OXM_CLASS_EXPERIMENTER
		&& h->len * 8u < f->n_bits ? h->len * 8u : f->n_bits;
}

enum ofperr mf_subfield_check(const struct mf_subfield *sf)
{
	if (!sf->field || !sf->n_bits
	    || (unsigned) sf->ofs + sf->n_bits > mf_subfield_width(sf->field))
		return OFPERR_OFPBAC_BAD_SET_LEN;
	return 0;
}

enum ofperr mf_subfield_decode(uint32_t header, unsigned ofs, unsigned n_bits,
			       bool writable, struct mf_subfield *sf)
{
	enum ofperr error;
	bool hasmask;

	sf->field = mf_from_header32(header, &hasmask);
	sf->ofs = (uint16_t) ofs;
	sf->n_bits = (uint16_t) n_bits;
	if (!sf->field || hasmask)
		return OFPERR_OFPBAC_BAD_SET_TYPE;
	error = mf_subfield_check(sf);
	if (!error && writable && !sf->field->writable)
		error = OFPERR_OFPBAC_BAD_SET_ARGUMENT;
	return error;
}

char *mf_subfield_parse(const char **sp, struct mf_subfield *sf)
{
	const char *s = *sp;
	size_t len = strcspn(s, "[-,) ");
	const struct mf_field *f = field_by_any_name(s, len);
	unsigned long a, b;
	unsigned width;
	int n = 0;

	if (!f)
		return ofpact_error("%.*s: unknown field", (int) len, s);
	width = mf_subfield_width(f);
	sf->field = f;
	sf->ofs = 0;
	sf->n_bits = (uint16_t) width;
	s += len;
	if (*s == '[') {
		if (s[1] == ']') {
			n = 2;
		} else if (sscanf(s, "[%lu..%lu]%n", &a, &b, &n) == 2 && n) {
			if (a > b || b >= width)
				return ofpact_error("%s[%lu..%lu]: bit range "
						    "outside the %d-bit field",
						    f->name, a, b, width);
			sf->ofs = (uint16_t) a;
			sf->n_bits = (uint16_t) (b - a + 1);
		} else if (sscanf(s, "[%lu]%n", &a, &n) == 1 && n) {
			if (a >= width)
				return ofpact_error("%s[%lu]: bit outside the "
						    "%d-bit field", f->name,
						    a, width);
			sf->ofs = (uint16_t) a;
			sf->n_bits = 1;
		} else {
			return ofpact_error("%s: bad bit range \"%s\"",
					    f->name, s);
		}
		s += n;
	}
	*sp = s;
	return NULL;
}

void mf_subfield_format(struct odp_text *s, const struct mf_subfield *sf)
{
	odp_text_printf(s, "%s[", mf_nxm_name(sf->field));
	if (sf->n_bits == 1)
		odp_text_printf(s, "%u", sf->ofs);
	else if (sf->ofs || sf->n_bits != mf_subfield_width(sf->field))
		odp_text_printf(s, "%u..%u", sf->ofs,
				sf->ofs + sf->n_bits - 1);
	odp_text_printf(s, "]");
}

/* ---- Bits of network-order values, bit 0 the least significant. ---- */

static bool bit_get(const union mf_value *v, unsigned n_bytes, unsigned i)
{
	return v->u8[n_bytes - 1 - i / 8] >> (i % 8) & 1;
}

static void bit_set(union mf_value *v, unsigned n_bytes, unsigned i, bool b)
{
	uint8_t *p = &v->u8[n_bytes - 1 - i / 8];

	*p = (uint8_t) (b ? *p | 1u << (i % 8) : *p & ~(1u << (i % 8)));
}

static uint64_t bits_get(const union mf_value *v, unsigned n_bytes,
			 unsigned ofs, unsigned n)
{
	uint64_t r = 0;

	while (n--)
		r = r << 1 | bit_get(v, n_bytes, ofs + n);
	return r;
}

/* The next run of mask bits at or after 'start', at most 64 long. */
static bool next_segment(const struct ofpact_set_field *sf, unsigned start,
			 struct mf_subfield *seg, uint64_t *value)
{
	unsigned nb = sf->field->n_bytes, n_bits = sf->field->n_bits, end;

	while (start < n_bits && !bit_get(&sf->mask, nb, start))
		start++;
	if (start >= n_bits)
		return false;
	end = start + 1;
	while (end < n_bits && end < start + 64 && bit_get(&sf->mask, nb, end))
		end++;
	seg->field = sf->field;
	seg->ofs = (uint16_t) start;
	seg->n_bits = (uint16_t) (end - start);
	*value = bits_get(&sf->value, nb, start, end - start);
	return true;
}

static bool mask_is_exact(const struct ofpact_set_field *sf)
{
	union mf_value valid;

	mf_valid_mask(sf->field, &valid);
	return !memcmp(&valid, &sf->mask, sf->field->n_bytes);
}

/* ---- set_field / load ---- */

static struct ofpact_set_field *put_sf(struct bytebuf *out,
				       const struct mf_field *f,
				       uint8_t flavor)
{
	struct ofpact_set_field *sf = (struct ofpact_set_field *)
		ofpact_put(out, OFPACT_SET_FIELD, sizeof *sf);

	sf->field = f;
	sf->flavor = flavor;
	return sf;
}

void ofpact_put_set_field(struct bytebuf *out, enum mf_field_id id,
			  uint64_t value, uint8_t flavor)
{
	const struct mf_field *f = mf_from_id(id);
	struct ofpact_set_field *sf = put_sf(out, f, flavor);
	unsigned i;

	for (i = 0; i < f->n_bytes; i++)
		sf->value.u8[f->n_bytes - 1 - i] = (uint8_t) (value >> 8 * i);
	mf_valid_mask(f, &sf->mask);
}

static enum ofperr decode_oxm_set(const uint8_t *p, size_t len,
				  enum ofp_version v, struct bytebuf *out)
{
	const struct mf_field *f;
	struct ofpact_set_field *sf;
	uint32_t h, exp = 0;
	size_t hl = 4, vl, i;
	bool hasmask;

	if (len < 4)
		return OFPERR_OFPBAC_BAD_SET_LEN;
	h = ofpact_be32(p);
	hasmask = h & 0x100;
	if (h >> 16 == OXM_CLASS_EXPERIMENTER) {
		if (len < 8)
			return OFPERR_OFPBAC_BAD_SET_LEN;
		exp = ofpact_be32(p + 4);
		hl = 8;
	}
	/* Any version's header, as ovs-vswitchd accepts them. */
	f = mf_from_header((uint16_t) (h >> 16), (uint8_t) (h >> 9 & 0x7f),
			   exp, 0);
	if (!f)
		return OFPERR_OFPBAC_BAD_SET_TYPE;
	vl = (h & 0xff) - (hl - 4);
	if ((h & 0xff) < hl - 4 || vl != (hasmask ? 2u : 1u) * f->n_bytes
	    || hl + vl > len)
		return OFPERR_OFPBAC_BAD_SET_LEN;
	if (hasmask && v < OFP15_VERSION)
		return OFPERR_OFPBAC_BAD_SET_MASK;
	if (!f->writable)
		return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
	if (!bytecur_is_zero(p + hl + vl, len - hl - vl))
		return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
	sf = put_sf(out, f, OFPACT_SF_SET_FIELD);
	memcpy(&sf->value, p + hl, f->n_bytes);
	if (hasmask)
		memcpy(&sf->mask, p + hl + f->n_bytes, f->n_bytes);
	else
		mf_valid_mask(f, &sf->mask);
	if (!mf_value_is_valid(f, &sf->value)
	    || !mf_value_is_valid(f, &sf->mask))
		return OFPERR_OFPBAC_BAD_SET_ARGUMENT;
	for (i = 0; i < f->n_bytes; i++)
		sf->value.u8[i] &= sf->mask.u8[i];
	return 0;
}

enum ofperr ofpact_decode_set_field(const struct ofpact_raw *r,
				    const struct ofpact_in *in,
				    struct bytebuf *out)
{
	(void) r;
	return decode_oxm_set(in->p + 4, in->len - 4, in->version, out);
}

enum ofperr ofpact_decode_reg_load(const struct ofpact_raw *r,
				   const struct ofpact_in *in,
				   struct bytebuf *out)
{
	uint16_t ofs_nbits = ofpact_be16(in->p + 10);
	uint64_t value = ofpact_be64(in->p + 16);
	struct ofpact_set_field *sf;
	struct mf_subfield dst;
	enum ofperr error;
	unsigned i;

	(void) r;
	error = mf_subfield_decode(ofpact_be32(in->p + 12), ofs_nbits >> 6,
				   (ofs_nbits & 0x3f) + 1, true, &dst);
	if (error)
		return error;
	if (dst.n_bits < 64 && value >> dst.n_bits)
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	sf = put_sf(out, dst.field, OFPACT_SF_LOAD);
	for (i = 0; i < dst.n_bits; i++) {
		bit_set(&sf->value, dst.field->n_bytes, dst.ofs + i,
			value >> i & 1);
		bit_set(&sf->mask, dst.field->n_bytes, dst.ofs + i, true);
	}
	return 0;
}

/* Legacy OpenFlow 1.0/1.1 set_* actions: which field each one sets. */
static const struct {
	enum ofpact_raw_id raw10, raw11;
	enum mf_field_id field;
	const char *name;
} legacy[] = {
	{ RAW10_SET_DL_SRC, RAW11_SET_DL_SRC, MFF_ETH_SRC, "mod_dl_src" },
	{ RAW10_SET_DL_DST, RAW11_SET_DL_DST, MFF_ETH_DST, "mod_dl_dst" },
	{ RAW10_SET_NW_SRC, RAW11_SET_NW_SRC, MFF_IPV4_SRC, "mod_nw_src" },
	{ RAW10_SET_NW_DST, RAW11_SET_NW_DST, MFF_IPV4_DST, "mod_nw_dst" },
	{ RAW10_SET_NW_TOS, RAW11_SET_NW_TOS, MFF_IP_DSCP, "mod_nw_tos" },
	{ RAW_N, RAW11_SET_NW_ECN, MFF_IP_ECN, "mod_nw_ecn" },
	{ RAW10_SET_TP_SRC, RAW11_SET_TP_SRC, MFF_TCP_SRC, "mod_tp_src" },
	{ RAW10_SET_TP_DST, RAW11_SET_TP_DST, MFF_TCP_DST, "mod_tp_dst" },
	/* Encoding only: received, these are TCP's. */
	{ RAW10_SET_TP_SRC, RAW11_SET_TP_SRC, MFF_UDP_SRC, "mod_tp_src" },
	{ RAW10_SET_TP_DST, RAW11_SET_TP_DST, MFF_UDP_DST, "mod_tp_dst" },
	{ RAW10_SET_TP_SRC, RAW11_SET_TP_SRC, MFF_SCTP_SRC, "mod_tp_src" },
	{ RAW10_SET_TP_DST, RAW11_SET_TP_DST, MFF_SCTP_DST, "mod_tp_dst" },
};

#define N_LEGACY (sizeof legacy / sizeof legacy[0])

enum ofperr ofpact_decode_legacy_field(const struct ofpact_raw *r,
				       const struct ofpact_in *in,
				       struct bytebuf *out)
{
	struct ofpact_set_field *sf;
	const struct mf_field *f;
	size_t i;

	for (i = 0; i < N_LEGACY; i++)
		if (r == &ofpact_raws[legacy[i].raw11]
		    || (legacy[i].raw10 != RAW_N
			&& r == &ofpact_raws[legacy[i].raw10]))
			break;
	if (i == N_LEGACY)
		return OFPERR_OFPBAC_BAD_TYPE;
	f = mf_from_id(legacy[i].field);
	if (f->id == MFF_ETH_SRC || f->id == MFF_ETH_DST) {
		if (!bytecur_is_zero(in->p + 10, 6))
			return OFPERR_OFPBAC_BAD_ARGUMENT;
		sf = put_sf(out, f, OFPACT_SF_LEGACY);
		memcpy(&sf->value, in->p + 4, 6);
		mf_valid_mask(f, &sf->mask);
		return 0;
	}
	if ((f->id == MFF_IP_DSCP && in->arg & 3)
	    || (f->id == MFF_IP_ECN && in->arg > 3))
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	ofpact_put_set_field(out, f->id, in->arg, OFPACT_SF_LEGACY);
	return 0;
}

bool ofpact_is_legacy_name(const char *name)
{
	size_t i;

	for (i = 0; i < N_LEGACY; i++)
		if (!strcasecmp(name, legacy[i].name))
			return true;
	return false;
}

static int legacy_index(const struct mf_field *f)
{
	size_t i;

	for (i = 0; i < N_LEGACY; i++)
		if (legacy[i].field == f->id)
			return (int) i;
	return -1;
}

static void encode_reg_loads(const struct ofpact_set_field *sf,
			     struct bytebuf *out)
{
	struct mf_subfield seg;
	unsigned start = 0;
	uint64_t value;

	while (next_segment(sf, start, &seg, &value)) {
		size_t ofs = ofpact_put_raw(out, RAW_NX_REG_LOAD, 0, 0);
		ofpact_put_be16_at(out, ofs + 10, (uint16_t) (seg.ofs << 6
							      | (seg.n_bits - 1)));
		ofpact_put_be32_at(out, ofs + 12, mf_nxm_header32(sf->field));
		ofpact_put_be64_at(out, ofs + 16, value);
		start = seg.ofs + seg.n_bits;
	}
}

static void encode_oxm_set(const struct ofpact_set_field *sf,
			   enum ofp_version v, bool masked,
			   struct bytebuf *out)
{
	const struct mf_header *h = mf_header_for(sf->field, v);
	const enum ofpact_raw_id ids[] = { RAW12_SET_FIELD, RAW15_SET_FIELD };
	size_t ofs = ofpact_put_raw(out, (enum ofpact_raw_id)
				    ofpact_raw_for(v, ids, 2), 0, 0);
	unsigned n = sf->field->n_bytes;
	unsigned plen = (masked ? 2 : 1) * n;

	bytebuf_truncate(out, ofs + 4);
	if (h->cls == OXM_CLASS_EXPERIMENTER)
		plen += 4;
	bytebuf_put_be32(out, (uint32_t) h->cls << 16
			 | (uint32_t) h->field << 9 | (masked ? 0x100 : 0)
			 | plen);
	if (h->cls == OXM_CLASS_EXPERIMENTER)
		bytebuf_put_be32(out, h->experimenter);
	bytebuf_put(out, &sf->value, n);
	if (masked)
		bytebuf_put(out, &sf->mask, n);
	ofpact_finish_raw(out, ofs);
}

static bool nx_loadable(const struct mf_field *f)
{
	return mf_nxm_header32(f) != 0;
}

/* The OpenFlow 1.0/1.1 set_* action (or VLAN action) for a whole-field
 * set, if there is one. */
static bool encode_legacy(const struct ofpact_set_field *sf,
			  enum ofp_version v, struct bytebuf *out)
{
	int i = legacy_index(sf->field);
	uint64_t value;
	size_t ofs;

	if (!mask_is_exact(sf))
		return false;
	value = bits_get(&sf->value, sf->field->n_bytes, 0,
			 sf->field->n_bits > 64 ? 64 : sf->field->n_bits);
	if (sf->field->id == MFF_VLAN_VID || sf->field->id == MFF_VLAN_PCP) {
		struct ofpact_vlan vl = { { 0, sizeof vl }, 0, false, false };
		vl.a.type = sf->field->id == MFF_VLAN_VID ? OFPACT_SET_VLAN_VID
			: OFPACT_SET_VLAN_PCP;
		vl.value = (uint16_t) (value & 0xfff);
		ofpact_kinds[vl.a.type].encode(&vl.a, v, out);
		return true;
	}
	if (i < 0 || (v == OFP10_VERSION && legacy[i].raw10 == RAW_N))
		return false;
	ofs = ofpact_put_raw(out, v == OFP10_VERSION ? legacy[i].raw10
			     : legacy[i].raw11, value, 0);
	if (sf->field->n_bytes == 6)
		memcpy(bytebuf_at(out, ofs + 4, 6), &sf->value, 6);
	return true;
}

enum ofperr ofpact_encode_set_field_raw(const struct ofpact_set_field *sf,
					enum ofp_version v,
					struct bytebuf *out)
{
	bool exact = mask_is_exact(sf);

	/* OXM has the DSCP alone, shifted down (ip_dscp), not nw_tos. */
	if (sf->field->id == MFF_IP_DSCP && v >= OFP12_VERSION && exact) {
		struct bytebuf dscp = BYTEBUF_INITIALIZER;
		enum ofperr error;

		ofpact_put_set_field(&dscp, MFF_IP_DSCP_SHIFTED,
				     sf->value.u8[0] >> 2, OFPACT_SF_SET_FIELD);
		error = ofpact_encode_set_field_raw((const void *) dscp.data, v,
						    out);
		bytebuf_uninit(&dscp);
		return error;
	}
	if (v >= OFP15_VERSION) {
		encode_oxm_set(sf, v, !exact, out);
		return 0;
	}
	if (sf->flavor != OFPACT_SF_LOAD && v >= OFP12_VERSION && exact) {
		encode_oxm_set(sf, v, false, out);
		return 0;
	}
	if (sf->flavor != OFPACT_SF_LOAD && v < OFP12_VERSION
	    && encode_legacy(sf, v, out))
		return 0;
	if (!nx_loadable(sf->field))
		return OFPERR_OFPBAC_BAD_SET_TYPE;
	encode_reg_loads(sf, out);
	return 0;
}

enum ofperr ofpact_encode_set_field(const struct ofpact *a,
				    enum ofp_version v, struct bytebuf *out)
{
	return ofpact_encode_set_field_raw((const void *) a, v, out);
}

static void format_load(const struct ofpact_set_field *sf,
			struct odp_text *s)
{
	struct mf_subfield seg;
	unsigned start = 0;
	uint64_t value;
	bool first = true;

	while (next_segment(sf, start, &seg, &value)) {
		odp_text_printf(s, "%sload:%#llx->", first ? "" : ",",
				(unsigned long long) value);
		mf_subfield_format(s, &seg);
		start = seg.ofs + seg.n_bits;
		first = false;
	}
}

void ofpact_format_set_field(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_set_field *sf = (const void *) a;
	int i = legacy_index(sf->field);
	char *v;

	if (sf->flavor == OFPACT_SF_LOAD) {
		format_load(sf, s);
		return;
	}
	if (sf->flavor == OFPACT_SF_LEGACY && i >= 0) {
		v = mf_format_value(sf->field, &sf->value, NULL);
		odp_text_printf(s, "%s:%s", legacy[i].name, v);
		free(v);
		return;
	}
	v = mf_format_value(sf->field, &sf->value,
			    mask_is_exact(sf) ? NULL : &sf->mask);
	odp_text_printf(s, "set_field:%s->%s", v, sf->field->name);
	free(v);
}

/* "load:VALUE->DST[a..b]". */
static char *parse_load(char *arg, struct bytebuf *out)
{
	char *arrow = strstr(arg, "->");
	struct ofpact_set_field *sf;
	struct mf_subfield dst;
	const char *p;
	union mf_value big;
	unsigned long long v;
	char *end, *error;
	unsigned i;

	if (!arrow)
		return ofpact_error("load: \"%s\" lacks \"->\"", arg);
	*arrow = '\0';
	p = arrow + 2;
	error = mf_subfield_parse(&p, &dst);
	if (error)
		return error;
	if (*p)
		return ofpact_error("load: trailing garbage \"%s\"", p);
	if (!dst.field->writable)
		return ofpact_error("load: destination field %s is not "
				    "writable", dst.field->name);
	if (!nx_loadable(dst.field))
		return ofpact_error("load: field %s has no NXM header",
				    dst.field->name);
	memset(&big, 0, sizeof big);
	errno = 0;
	v = strtoull(arg, &end, 0);
	if (!*arg || *arg == '-' || *end || errno)
		return ofpact_error("load: invalid value \"%s\"", arg);
	if (dst.n_bits < 64 && v >> dst.n_bits)
		return ofpact_error("load: value %s does not fit in %u bits",
				    arg, dst.n_bits);
	sf = put_sf(out, dst.field, OFPACT_SF_LOAD);
	for (i = 0; i < dst.n_bits && i < 64; i++) {
		bit_set(&sf->value, dst.field->n_bytes, dst.ofs + i, v >> i & 1);
		bit_set(&sf->mask, dst.field->n_bytes, dst.ofs + i, true);
	}
	return NULL;
}

/* "set_field:VALUE[/MASK]->FIELD". */
static char *parse_set_field(char *arg, struct bytebuf *out)
{
	char *arrow = strstr(arg, "->");
	const struct mf_field *f;
	struct ofpact_set_field *sf;
	union mf_value value, mask;
	bool masked;
	char *error;

	if (!arrow)
		return ofpact_error("set_field: \"%s\" lacks \"->\"", arg);
	*arrow = '\0';
	f = mf_from_name(arrow + 2, strlen(arrow + 2));
	if (!f)
		return ofpact_error("set_field: unknown field %s", arrow + 2);
	if (!f->writable)
		return ofpact_error("set_field: field %s is not writable",
				    f->name);
	memset(&value, 0, sizeof value);
	memset(&mask, 0, sizeof mask);
	error = mf_parse_value(f, arg, &value, &mask, &masked);
	if (error)
		return error;
	if (masked && !f->maskable)
		return ofpact_error("set_field: field %s does not support "
				    "masking", f->name);
	sf = put_sf(out, f, OFPACT_SF_SET_FIELD);
	sf->value = value;
	if (masked)
		sf->mask = mask;
	else
		mf_valid_mask(f, &sf->mask);
	return NULL;
}

static char *parse_legacy(const char *name, char *arg, struct bytebuf *out)
{
	const struct mf_field *f = NULL;
	struct ofpact_set_field *sf;
	union mf_value value, mask;
	bool masked;
	size_t i;
	char *error;

	for (i = 0; i < N_LEGACY && !f; i++)
		if (!strcasecmp(name, legacy[i].name))
			f = mf_from_id(legacy[i].field);
	memset(&value, 0, sizeof value);
	error = mf_parse_value(f, arg, &value, &mask, &masked);
	if (error)
		return error;
	if (masked)
		return ofpact_error("%s: a mask is not allowed", name);
	if (f->id == MFF_IP_DSCP && value.u8[0] & 3)
		return ofpact_error("%s: %s has ECN bits set (low 2 bits)",
				    name, arg);
	sf = put_sf(out, f, OFPACT_SF_LEGACY);
	sf->value = value;
	mf_valid_mask(f, &sf->mask);
	return NULL;
}

char *ofpact_parse_set_field(const char *name, char *arg,
			     struct bytebuf *out)
{
	if (!strcasecmp(name, "load"))
		return parse_load(arg, out);
	if (!strcasecmp(name, "set_field"))
		return parse_set_field(arg, out);
	return parse_legacy(name, arg, out);
}

/* mod_tp_src/dst set the port of whichever L4 protocol the flow has. */
static void legacy_l4_resolve(struct ofpact_set_field *sf,
			      const struct of_match *m)
{
	static const enum mf_field_id ids[3][2] = {
		{ MFF_TCP_SRC, MFF_TCP_DST }, { MFF_UDP_SRC, MFF_UDP_DST },
		{ MFF_SCTP_SRC, MFF_SCTP_DST },
	};
	uint8_t proto = m->mask.nw_proto ? m->flow.nw_proto : 6;
	int row = proto == 17 ? 1 : proto == 132 ? 2 : 0, i, col = -1;

	for (i = 0; i < 3; i++) {
		if (sf->field->id == ids[i][0])
			col = 0;
		else if (sf->field->id == ids[i][1])
			col = 1;
	}
	if (col >= 0)
		sf->field = mf_from_id(ids[row][col]);
}

enum ofperr ofpact_check_set_field(struct ofpact *a,
				   struct ofpact_check_ctx *ctx)
{
	struct ofpact_set_field *sf = (struct ofpact_set_field *) a;

	if (sf->flavor == OFPACT_SF_LEGACY)
		legacy_l4_resolve(sf, &ctx->match);

	bool vlan = sf->field->id == MFF_VLAN_VID
		|| sf->field->id == MFF_VLAN_PCP;

	if (!mf_prereqs_ok(sf->field, &ctx->match))
		return OFPERR_OFPBAC_MATCH_INCONSISTENT;
	/* Setting a VLAN field needs a tag: matched, or pushed before. */
	if (vlan && !(ntohs(ctx->match.flow.vlans[0].tci) & OF_VLAN_CFI))
		return OFPERR_OFPBAC_MATCH_INCONSISTENT;
	/* A VLAN that set_field writes exists from then on. */
	if (sf->field->id == MFF_VLAN_VID && bit_get(&sf->value, 2, 12)) {
		ctx->match.flow.vlans[0].tci |= htons(OF_VLAN_CFI);
		ctx->match.mask.vlans[0].tci |= htons(OF_VLAN_CFI);
	}
	return 0;
}

/* ---- move ---- */

enum ofperr ofpact_decode_reg_move(const struct ofpact_raw *r,
				   const struct ofpact_in *in,
				   struct bytebuf *out)
{
	struct ofpact_reg_move *m;
	struct mf_subfield src, dst;
	const uint8_t *p = in->p;
	enum ofperr error;
	size_t hofs = 16;

	if (r == &ofpact_raws[RAW15_COPY_FIELD]) {
		if (p[10] || p[11] || !bytecur_is_zero(p + 20, in->len - 20))
			return OFPERR_OFPBAC_BAD_ARGUMENT;
		p -= 6;		/* n_bits, offsets at 4; headers at 12 */
		hofs = 18;
	}
	error = mf_subfield_decode(ofpact_be32(p + hofs), ofpact_be16(p + 12),
				   ofpact_be16(p + 10), false, &src);
	if (!error)
		error = mf_subfield_decode(ofpact_be32(p + hofs + 4),
					   ofpact_be16(p + 14),
					   ofpact_be16(p + 10), true, &dst);
	if (error)
		return error;
	m = (struct ofpact_reg_move *) ofpact_put(out, OFPACT_REG_MOVE,
						  sizeof *m);
	mf_subfield_copy(&m->src, &src);
	mf_subfield_copy(&m->dst, &dst);
	return 0;
}

enum ofperr ofpact_encode_reg_move(const struct ofpact *a,
				   enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact_reg_move *m = (const void *) a;
	size_t ofs;

	if (v >= OFP15_VERSION) {
		ofs = ofpact_put_raw(out, RAW15_COPY_FIELD, 0, 0);
		ofpact_put_be16_at(out, ofs + 4, m->src.n_bits);
		ofpact_put_be16_at(out, ofs + 6, m->src.ofs);
		ofpact_put_be16_at(out, ofs + 8, m->dst.ofs);
		ofpact_put_be32_at(out, ofs + 12,
				   mf_header32_for(m->src.field, v));
		ofpact_put_be32_at(out, ofs + 16,
				   mf_header32_for(m->dst.field, v));
		return 0;
	}
	ofs = ofpact_put_raw(out, RAW_NX_REG_MOVE, 0, 0);
	ofpact_put_be16_at(out, ofs + 10, m->src.n_bits);
	ofpact_put_be16_at(out, ofs + 12, m->src.ofs);
	ofpact_put_be16_at(out, ofs + 14, m->dst.ofs);
	ofpact_put_be32_at(out, ofs + 16, mf_nxm_header32(m->src.field));
	ofpact_put_be32_at(out, ofs + 20, mf_nxm_header32(m->dst.field));
	return 0;
}

void ofpact_format_reg_move(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_reg_move *m = (const void *) a;

	odp_text_printf(s, "move:");
	mf_subfield_format(s, &m->src);
	odp_text_printf(s, "->");
	mf_subfield_format(s, &m->dst);
}

char *ofpact_parse_reg_move(const char *name, char *arg, struct bytebuf *out)
{
	struct ofpact_reg_move *m;
	struct mf_subfield src, dst;
	const char *p = arg;
	char *error;

	error = mf_subfield_parse(&p, &src);
	if (error)
		return error;
	if (strncmp(p, "->", 2))
		return ofpact_error("%s: \"%s\" lacks \"->\"", name, arg);
	p += 2;
	error = mf_subfield_parse(&p, &dst);
	if (error)
		return error;
	if (*p)
		return ofpact_error("%s: trailing garbage \"%s\"", name, p);
	if (src.n_bits != dst.n_bits)
		return ofpact_error("%s: source field is %u bits wide but "
				    "destination is %u bits wide", name,
				    src.n_bits, dst.n_bits);
	if (!dst.field->writable)
		return ofpact_error("%s: destination field %s is not "
				    "writable", name, dst.field->name);
	if (!nx_loadable(src.field) || !nx_loadable(dst.field))
		return ofpact_error("%s: field without an NXM header", name);
	m = (struct ofpact_reg_move *) ofpact_put(out, OFPACT_REG_MOVE,
						  sizeof *m);
	mf_subfield_copy(&m->src, &src);
	mf_subfield_copy(&m->dst, &dst);
	return NULL;
}

enum ofperr ofpact_check_reg_move(struct ofpact *a,
				  struct ofpact_check_ctx *ctx)
{
	const struct ofpact_reg_move *m = (const void *) a;

	return mf_prereqs_ok(m->src.field, &ctx->match)
		&& mf_prereqs_ok(m->dst.field, &ctx->match)
		? 0 : OFPERR_OFPBAC_MATCH_INCONSISTENT;
}
