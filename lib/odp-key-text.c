/* Datapath flow key text <-> OVS_KEY_ATTR_* netlink attributes.
 *
 * One table describes every attribute: its name, its payload size and its
 * fields, each with a place in the payload, a kind (number, address, flags),
 * the number formats OVS prints it in, and when it is shown.  The printer and
 * the parser both walk that table; only encap() is special, being a nested
 * list.  Attributes not in the table (tunnel, nsh, ...) print and parse in a
 * generic "keyN(0a 0b ...)" form, so that nothing is ever lost. */
#include "odp-key-text.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/openvswitch.h>

/* Deepest encap() nesting, as OVS accepts. */
#define MAX_DEPTH 31

/* What may separate attributes. */
#define DELIMITERS ", \t\r\n"

/* Largest payload a table attribute has (ipv6, ct_tuple6: 40 bytes). */
#define MAX_PAYLOAD 64

/* ---- The table ---- */

enum kind { FK_NUM, FK_FLAGS, FK_IPV4, FK_IPV6, FK_ETH, FK_FRAG, FK_U128 };

/* Number formats, as put_num() prints them. */
enum nf { NF_DEC, NF_HEX, NF_0X, NF_X, NF_0X04 };

/* When the printer shows a field. */
enum show {
	SHOW_MASKED,		/* unless wildcarded (shown anyway if verbose) */
	SHOW_NONZERO,		/* also when its value is nonzero (vlan vid, pcp) */
	SHOW_NONDEFAULT,	/* only when not its default (vlan cfi) */
	SHOW_ALWAYS,		/* always; masks all or none (mpls) */
};

#define FF_BE 0x1		/* stored in network byte order */
#define FF_HEX_VERBOSE 0x2	/* FK_FLAGS: verbose output is numeric */

struct field {
	const char *name;	/* NULL: the attribute's only, unnamed value */
	const char *alias;	/* another name the parser accepts */
	const char *const *bit_names;	/* FK_FLAGS: 32 names, by bit */
	u8 kind, ofs, size;	/* FK_*, and its bytes within an element */
	u8 shift, bits;		/* FK_NUM: its bits of the word; FK_FLAGS: the
				 * meaningful bits */
	u8 vfmt, mfmt;		/* FK_NUM: NF_* of the value and of the mask */
	u8 show, flags;		/* SHOW_*, FF_* */
	u8 dflt;		/* SHOW_NONDEFAULT: the value when absent */
};

struct attr {
	const char *name;
	u16 type;
	u8 len;			/* payload bytes; an element's, for arrays */
	u8 max_elems;		/* more than 1: an array (MPLS label stack) */
	u8 n_fields;
	const struct field *fields;
};

#define MEMBER(ST, F) .ofs = offsetof(ST, F), .size = sizeof(((ST *)0)->F)
#define NUM(NAME, ALIAS, ST, F, BITS, VF, MF, FL)                           \
	{ .name = NAME, .alias = ALIAS, .kind = FK_NUM, MEMBER(ST, F),      \
	  .bits = BITS, .vfmt = VF, .mfmt = MF, .flags = FL }
#define DEC(NAME, ST, F) NUM(NAME, NULL, ST, F, 8, NF_DEC, NF_HEX, 0)
#define HEX(NAME, ST, F) NUM(NAME, NULL, ST, F, 8, NF_HEX, NF_HEX, 0)
#define PORT(NAME, ST, F) NUM(NAME, NULL, ST, F, 16, NF_DEC, NF_HEX, FF_BE)
#define ADDR(NAME, KIND, ST, F) { .name = NAME, .kind = KIND, MEMBER(ST, F) }
#define IP4(NAME, ST, F) ADDR(NAME, FK_IPV4, ST, F)
#define IP6(NAME, ST, F) ADDR(NAME, FK_IPV6, ST, F)
#define MAC(NAME, ST, F) ADDR(NAME, FK_ETH, ST, F)
#define FRAG(ST, F) ADDR("frag", FK_FRAG, ST, F)
/* The whole payload as one number. */
#define SCALAR(SIZE, VF, MF, FL)                                            \
	{ .kind = FK_NUM, .size = SIZE, .bits = 8 * SIZE, .vfmt = VF,       \
	  .mfmt = MF, .flags = FL }
/* Bit fields of the VLAN TCI and of an MPLS LSE. */
#define TCI(NAME, SHIFT, BITS, SHOW, DFLT)                                  \
	{ .name = NAME, .kind = FK_NUM, .size = 2, .shift = SHIFT,          \
	  .bits = BITS, .vfmt = NF_DEC, .mfmt = NF_0X, .show = SHOW,        \
	  .flags = FF_BE, .dflt = DFLT }
#define LSE(NAME, SHIFT, BITS, MF)                                          \
	{ .name = NAME, .kind = FK_NUM, .size = 4, .shift = SHIFT,          \
	  .bits = BITS, .vfmt = NF_DEC, .mfmt = MF, .show = SHOW_ALWAYS,    \
	  .flags = FF_BE }

static const struct field hex32[] = { SCALAR(4, NF_HEX, NF_HEX, 0) };
static const struct field hex16[] = { SCALAR(2, NF_HEX, NF_HEX, 0) };
static const struct field port_no[] = { SCALAR(4, NF_DEC, NF_HEX, 0) };
static const struct field ethertype[] = {
	SCALAR(2, NF_0X04, NF_0X04, FF_BE)
};
static const struct field u128[] = { { .kind = FK_U128, .size = 16 } };

static const char *const tcp_flag_names[32] = {
	"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr", "ns",
	"[200]", "[400]", "[800]",
};
/* By OVS_FRAG_TYPE_*. */
static const char *const frag_names[] = { "no", "first", "later" };

static const char *const ct_state_names[32] = {
	"new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat",
};
static const struct field tcp_flags[] = {
	{ .kind = FK_FLAGS, .size = 2, .bits = 12, .flags = FF_BE,
	  .bit_names = tcp_flag_names },
};
static const struct field ct_state[] = {
	{ .kind = FK_FLAGS, .size = 4, .bits = 32, .flags = FF_HEX_VERBOSE,
	  .bit_names = ct_state_names },
};

static const struct field eth_fields[] = {
	MAC("src", struct ovs_key_ethernet, eth_src),
	MAC("dst", struct ovs_key_ethernet, eth_dst),
};
static const struct field vlan_fields[] = {
	TCI("vid", 0, 12, SHOW_NONZERO, 0),
	TCI("pcp", 13, 3, SHOW_NONZERO, 0),
	TCI("cfi", 12, 1, SHOW_NONDEFAULT, 1),
};
static const struct field mpls_fields[] = {
	LSE("label", 12, 20, NF_0X), LSE("tc", 9, 3, NF_X),
	LSE("ttl", 0, 8, NF_0X), LSE("bos", 8, 1, NF_X),
};
static const struct field ipv4_fields[] = {
	IP4("src", struct ovs_key_ipv4, ipv4_src),
	IP4("dst", struct ovs_key_ipv4, ipv4_dst),
	DEC("proto", struct ovs_key_ipv4, ipv4_proto),
	HEX("tos", struct ovs_key_ipv4, ipv4_tos),
	DEC("ttl", struct ovs_key_ipv4, ipv4_ttl),
	FRAG(struct ovs_key_ipv4, ipv4_frag),
};
static const struct field ipv6_fields[] = {
	IP6("src", struct ovs_key_ipv6, ipv6_src),
	IP6("dst", struct ovs_key_ipv6, ipv6_dst),
	NUM("label", NULL, struct ovs_key_ipv6, ipv6_label, 20, NF_HEX, NF_HEX,
	    FF_BE),
	DEC("proto", struct ovs_key_ipv6, ipv6_proto),
	HEX("tclass", struct ovs_key_ipv6, ipv6_tclass),
	DEC("hlimit", struct ovs_key_ipv6, ipv6_hlimit),
	FRAG(struct ovs_key_ipv6, ipv6_frag),
};
/* TCP, UDP and SCTP share one layout, as do ICMP and ICMPv6. */
static const struct field l4_fields[] = {
	PORT("src", struct ovs_key_tcp, tcp_src),
	PORT("dst", struct ovs_key_tcp, tcp_dst),
};
static const struct field icmp_fields[] = {
	DEC("type", struct ovs_key_icmp, icmp_type),
	DEC("code", struct ovs_key_icmp, icmp_code),
};
static const struct field arp_fields[] = {
	IP4("sip", struct ovs_key_arp, arp_sip),
	IP4("tip", struct ovs_key_arp, arp_tip),
	PORT("op", struct ovs_key_arp, arp_op),
	MAC("sha", struct ovs_key_arp, arp_sha),
	MAC("tha", struct ovs_key_arp, arp_tha),
};
static const struct field nd_fields[] = {
	IP6("target", struct ovs_key_nd, nd_target),
	MAC("sll", struct ovs_key_nd, nd_sll),
	MAC("tll", struct ovs_key_nd, nd_tll),
};
static const struct field ct_tuple4_fields[] = {
	IP4("src", struct ovs_key_ct_tuple_ipv4, ipv4_src),
	IP4("dst", struct ovs_key_ct_tuple_ipv4, ipv4_dst),
	DEC("proto", struct ovs_key_ct_tuple_ipv4, ipv4_proto),
	PORT("tp_src", struct ovs_key_ct_tuple_ipv4, src_port),
	PORT("tp_dst", struct ovs_key_ct_tuple_ipv4, dst_port),
};
/* OVS prints src_port/dst_port here but parses tp_src/tp_dst: take both. */
static const struct field ct_tuple6_fields[] = {
	IP6("src", struct ovs_key_ct_tuple_ipv6, ipv6_src),
	IP6("dst", struct ovs_key_ct_tuple_ipv6, ipv6_dst),
	DEC("proto", struct ovs_key_ct_tuple_ipv6, ipv6_proto),
	NUM("src_port", "tp_src", struct ovs_key_ct_tuple_ipv6, src_port, 16,
	    NF_DEC, NF_HEX, FF_BE),
	NUM("dst_port", "tp_dst", struct ovs_key_ct_tuple_ipv6, dst_port, 16,
	    NF_DEC, NF_HEX, FF_BE),
};
/* A be32: namespace in the upper half, type in the lower. */
struct packet_type {
	__be16 ns, id;
};
static const struct field packet_type_fields[] = {
	PORT("ns", struct packet_type, ns),
	NUM("id", NULL, struct packet_type, id, 16, NF_HEX, NF_HEX, FF_BE),
};

#define ATTR(NAME, TYPE, LEN, FIELDS)                                       \
	{ NAME, OVS_KEY_ATTR_##TYPE, LEN, 1, ARRAY_SIZE(FIELDS), FIELDS }

static const struct attr attrs[] = {
	{ "encap", OVS_KEY_ATTR_ENCAP, 0, 1, 0, NULL },
	ATTR("skb_priority", PRIORITY, 4, hex32),
	ATTR("in_port", IN_PORT, 4, port_no),
	ATTR("eth", ETHERNET, sizeof(struct ovs_key_ethernet), eth_fields),
	ATTR("vlan", VLAN, 2, vlan_fields),
	ATTR("eth_type", ETHERTYPE, 2, ethertype),
	ATTR("ipv4", IPV4, sizeof(struct ovs_key_ipv4), ipv4_fields),
	ATTR("ipv6", IPV6, sizeof(struct ovs_key_ipv6), ipv6_fields),
	ATTR("tcp", TCP, sizeof(struct ovs_key_tcp), l4_fields),
	ATTR("udp", UDP, sizeof(struct ovs_key_udp), l4_fields),
	ATTR("icmp", ICMP, sizeof(struct ovs_key_icmp), icmp_fields),
	ATTR("icmpv6", ICMPV6, sizeof(struct ovs_key_icmpv6), icmp_fields),
	ATTR("arp", ARP, sizeof(struct ovs_key_arp), arp_fields),
	ATTR("nd", ND, sizeof(struct ovs_key_nd), nd_fields),
	ATTR("skb_mark", SKB_MARK, 4, hex32),
	ATTR("sctp", SCTP, sizeof(struct ovs_key_sctp), l4_fields),
	ATTR("tcp_flags", TCP_FLAGS, 2, tcp_flags),
	ATTR("dp_hash", DP_HASH, 4, hex32),
	ATTR("recirc_id", RECIRC_ID, 4, hex32),
	{ "mpls", OVS_KEY_ATTR_MPLS, 4, 3, ARRAY_SIZE(mpls_fields),
	  mpls_fields },
	ATTR("ct_state", CT_STATE, 4, ct_state),
	ATTR("ct_zone", CT_ZONE, 2, hex16),
	ATTR("ct_mark", CT_MARK, 4, hex32),
	ATTR("ct_label", CT_LABELS, 16, u128),
	ATTR("ct_tuple4", CT_ORIG_TUPLE_IPV4,
	     sizeof(struct ovs_key_ct_tuple_ipv4), ct_tuple4_fields),
	ATTR("ct_tuple6", CT_ORIG_TUPLE_IPV6,
	     sizeof(struct ovs_key_ct_tuple_ipv6), ct_tuple6_fields),
	ATTR("packet_type", PACKET_TYPE, 4, packet_type_fields),
};

/* Attributes OVS names that this table does not (yet): keyN(...) here. */
static const struct {
	const char *name;
	u16 type;
} unsupported[] = {
	{ "tunnel", OVS_KEY_ATTR_TUNNEL },
	{ "nsh", OVS_KEY_ATTR_NSH },
	{ "nd_ext", OVS_KEY_ATTR_ND_EXTENSIONS },
};

static const struct attr *attr_by_type(u16 type)
{
	for (size_t i = 0; i < ARRAY_SIZE(attrs); i++)
		if (attrs[i].type == type)
			return &attrs[i];
	return NULL;
}

static bool name_is(const char *name, const char *s, size_t n)
{
	return name && strlen(name) == n && !memcmp(name, s, n);
}

static const struct attr *attr_by_name(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(attrs); i++)
		if (name_is(attrs[i].name, s, n))
			return &attrs[i];
	return NULL;
}

static int field_by_name(const struct attr *d, const char *s, size_t n)
{
	for (int i = 0; i < d->n_fields; i++)
		if (name_is(d->fields[i].name, s, n) ||
		    name_is(d->fields[i].alias, s, n))
			return i;
	return -1;
}

/* ---- Field values ---- */

static const u8 zeros[MAX_PAYLOAD];

static u32 field_max(const struct field *f)
{
	return f->bits >= 32 ? UINT32_MAX : (1u << f->bits) - 1;
}

static u32 word_get(const struct field *f, const u8 *elem)
{
	const u8 *p = elem + f->ofs;
	u16 v16;
	u32 v32;

	switch (f->size) {
	case 1:
		return p[0];
	case 2:
		memcpy(&v16, p, 2);
		return f->flags & FF_BE ? ntohs(v16) : v16;
	default:
		memcpy(&v32, p, 4);
		return f->flags & FF_BE ? ntohl(v32) : v32;
	}
}

static void word_put(const struct field *f, u8 *elem, u32 w)
{
	u8 *p = elem + f->ofs;
	u16 v16 = f->flags & FF_BE ? htons(w) : w;
	u32 v32 = f->flags & FF_BE ? htonl(w) : w;

	if (f->size == 1)
		p[0] = w;
	else if (f->size == 2)
		memcpy(p, &v16, 2);
	else
		memcpy(p, &v32, 4);
}

/* A number's value: its bits of the word; a flag set's: the whole word. */
static u32 num_get(const struct field *f, const u8 *elem)
{
	u32 w = word_get(f, elem);

	return f->kind == FK_FLAGS ? w : (w >> f->shift) & field_max(f);
}

static void num_set(const struct field *f, u8 *elem, u32 v)
{
	u32 w = word_get(f, elem) & ~(field_max(f) << f->shift);

	word_put(f, elem, w | v << f->shift);
}

/* How a mask covers a field. */
enum mclass { M_EMPTY, M_PARTIAL, M_FULL };

static enum mclass bytes_class(const u8 *p, size_t n)
{
	bool zero = true, ones = true;

	for (size_t i = 0; i < n; i++) {
		zero &= p[i] == 0;
		ones &= p[i] == 0xff;
	}
	return zero ? M_EMPTY : ones ? M_FULL : M_PARTIAL;
}

/* 'melem' NULL is a mask of zeros; 'masked' false means exact. */
static enum mclass mask_class(const struct field *f, const u8 *melem,
			      bool masked)
{
	u32 m;

	if (!masked)
		return M_FULL;
	if (!melem)
		return M_EMPTY;
	if (f->kind != FK_NUM && f->kind != FK_FLAGS)
		return bytes_class(melem + f->ofs, f->size);
	m = num_get(f, melem) & field_max(f);
	return !m ? M_EMPTY : m == field_max(f) ? M_FULL : M_PARTIAL;
}

/* How a mask covers all of an attribute's 'n' elements. */
static enum mclass attr_class(const struct attr *d, const u8 *m, u32 n,
			      bool masked)
{
	bool empty = true, full = true;

	for (u32 e = 0; e < n; e++) {
		for (int i = 0; i < d->n_fields; i++) {
			enum mclass c = mask_class(&d->fields[i],
						   m ? m + e * d->len : NULL,
						   masked);
			empty &= c == M_EMPTY;
			full &= c == M_FULL;
		}
	}
	return empty ? M_EMPTY : full ? M_FULL : M_PARTIAL;
}

/* ---- Text output ---- */

static void reserve(struct odp_text *t, size_t n)
{
	size_t cap = t->cap ? t->cap : 64;
	char *s;

	if (t->cap - t->len > n)
		return;
	while (cap - t->len <= n)
		cap *= 2;
	s = realloc(t->s, cap);
	if (!s)
		abort();
	t->s = s;
	t->cap = cap;
}

void odp_text_printf(struct odp_text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	reserve(t, n);
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += n;
}

const char *odp_text_cstr(const struct odp_text *t)
{
	return t->s ? t->s : "";
}

void odp_text_free(struct odp_text *t)
{
	free(t->s);
	t->s = NULL;
	t->len = t->cap = 0;
}

static void put(struct odp_text *t, const char *s)
{
	odp_text_printf(t, "%s", s);
}

/* ---- Printing ---- */

struct pctx {
	struct odp_text *out;
	bool verbose;
	bool lse_masked;	/* SHOW_ALWAYS fields carry their masks */
	bool first;		/* nothing printed yet in this attribute */
};

static bool print_list(struct odp_text *, const u8 *key, u32 key_len,
		       const u8 *mask, u32 mask_len, bool masked,
		       unsigned int flags, int depth);

static void put_num(struct odp_text *out, enum nf fmt, u32 v)
{
	static const char *const formats[] = {
		[NF_DEC] = "%" PRIu32, [NF_HEX] = "%#" PRIx32,
		[NF_0X] = "0x%" PRIx32, [NF_X] = "%" PRIx32,
		[NF_0X04] = "0x%04" PRIx32,
	};

	odp_text_printf(out, formats[fmt], v);
}

/* Bytes as OVS shows unknown attributes: "0a 0b 0c" ('p' NULL: zeros). */
static void put_hex_bytes(struct odp_text *out, const u8 *p, u32 n)
{
	for (u32 i = 0; i < n; i++)
		odp_text_printf(out, i ? " %02x" : "%02x", p ? p[i] : 0);
}

/* The 16 bytes hold a host-order 128-bit number (OVS's ovs_u128). */
static void u128_to_be(const u8 *p, u8 be[16])
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (int i = 0; i < 16; i++)
		be[i] = p[15 - i];
#else
	memcpy(be, p, 16);
#endif
}

/* Minimal hex: "0x1234...", or "0". */
static void put_u128(struct odp_text *out, const u8 *p)
{
	u8 be[16];
	int i = 0;

	u128_to_be(p, be);
	while (i < 16 && !be[i])
		i++;
	if (i == 16) {
		put(out, "0");
		return;
	}
	odp_text_printf(out, "0x%x", be[i]);
	while (++i < 16)
		odp_text_printf(out, "%02x", be[i]);
}

static void put_value(struct odp_text *out, const struct field *f,
		      const u8 *elem, enum nf fmt)
{
	const u8 *p = elem + f->ofs;
	char buf[INET6_ADDRSTRLEN];

	switch (f->kind) {
	case FK_IPV4:
		odp_text_printf(out, "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
		break;
	case FK_IPV6:
		put(out, inet_ntop(AF_INET6, p, buf, sizeof buf));
		break;
	case FK_ETH:
		odp_text_printf(out, "%02x:%02x:%02x:%02x:%02x:%02x",
				p[0], p[1], p[2], p[3], p[4], p[5]);
		break;
	case FK_FRAG:
		put(out, p[0] < ARRAY_SIZE(frag_names) ? frag_names[p[0]]
						       : "<error>");
		break;
	case FK_U128:
		put_u128(out, p);
		break;
	default:
		put_num(out, fmt, num_get(f, elem));
		break;
	}
}

/* Flags: "syn|ack" when exact, "+syn-ack" under a mask, "0/0" under none. */
static void put_flags(struct pctx *c, const struct field *f, const u8 *k,
		      const u8 *m, enum mclass mc)
{
	u32 v = num_get(f, k), mask = num_get(f, m) & field_max(f), bad = 0;
	const char *sep = "";

	if (c->verbose && f->flags & FF_HEX_VERBOSE) {
		odp_text_printf(c->out, "%#" PRIx32, v);
		if (mc != M_FULL)
			odp_text_printf(c->out, "/%#" PRIx32, num_get(f, m));
	} else if (mc == M_EMPTY) {
		put(c->out, "0/0");
	} else if (mc == M_PARTIAL) {
		for (int b = 0; b < 32; b++)
			if (mask & 1u << b)
				odp_text_printf(c->out, "%c%s",
						v & 1u << b ? '+' : '-',
						f->bit_names[b] ?
						f->bit_names[b] : "[Unknown]");
	} else if (!v) {
		put(c->out, "0");
	} else {
		for (int b = 0; b < 32; b++) {
			if (!(v & 1u << b))
				continue;
			if (!f->bit_names[b]) {
				bad |= 1u << b;
				continue;
			}
			odp_text_printf(c->out, "%s%s", sep, f->bit_names[b]);
			sep = "|";
		}
		if (bad)
			odp_text_printf(c->out, "%s0x%" PRIx32, sep, bad);
	}
}

static void print_field(struct pctx *c, const struct field *f, const u8 *k,
			const u8 *melem, bool masked)
{
	enum mclass mc = mask_class(f, melem, masked);
	const u8 *m = melem ? melem : zeros;
	bool with_mask = mc != M_FULL, show;

	switch (f->show) {
	case SHOW_MASKED:
		show = c->verbose || mc != M_EMPTY;
		break;
	case SHOW_NONZERO:
		show = c->verbose || num_get(f, k) || mc != M_EMPTY;
		break;
	case SHOW_NONDEFAULT:
		show = num_get(f, k) != f->dflt || with_mask;
		break;
	default:
		show = true;
		with_mask = c->lse_masked;
		break;
	}
	if (f->kind == FK_FRAG)
		show = mc != M_EMPTY;	/* OVS ignores verbose for frag */
	if (!show)
		return;
	if (!c->first)
		put(c->out, ",");
	c->first = false;
	if (f->kind == FK_FRAG && mc == M_PARTIAL) {
		/* An enumeration: OVS refuses partial masks, and says so. */
		odp_text_printf(c->out, "error: partial mask not supported "
				"for frag (%#x)", m[f->ofs]);
		return;
	}
	if (f->name)
		odp_text_printf(c->out, "%s=", f->name);
	if (f->kind == FK_FLAGS) {
		put_flags(c, f, k, m, mc);
		return;
	}
	put_value(c->out, f, k, f->vfmt);
	if (with_mask) {
		put(c->out, "/");
		put_value(c->out, f, m, f->mfmt);
	}
}

static void print_fields(struct odp_text *out, const struct attr *d,
			 const struct nlattr *a, const struct nlattr *ma,
			 bool masked, unsigned int flags)
{
	const u8 *k = nlattr_data(a), *m = ma ? nlattr_data(ma) : NULL;
	u32 n = nlattr_len(a) / d->len;
	struct pctx c = {
		.out = out,
		.verbose = flags & ODP_KEY_VERBOSE,
		.lse_masked = attr_class(d, m, n, masked) != M_FULL,
		.first = true,
	};

	for (u32 e = 0; e < n; e++)
		for (int i = 0; i < d->n_fields; i++)
			print_field(&c, &d->fields[i], k + e * d->len,
				    m ? m + e * d->len : NULL, masked);
}

static bool key_len_ok(const struct attr *d, u32 len)
{
	if (!d || !d->n_fields)
		return true;	/* generic, or encap */
	return d->max_elems > 1 ? len && len % d->len == 0 : len == d->len;
}

static bool lengths_ok(const struct attr *d, const struct nlattr *a,
		       const struct nlattr *ma)
{
	return key_len_ok(d, nlattr_len(a)) &&
	       (!ma || (d && !d->n_fields) || nlattr_len(ma) == nlattr_len(a));
}

static void print_bad_length(struct odp_text *out, const struct attr *d,
			     const struct nlattr *a, const struct nlattr *ma)
{
	u32 len = nlattr_len(a);

	if (!key_len_ok(d, len))
		odp_text_printf(out, "bad key length %" PRIu32, len);
	else
		odp_text_printf(out, "bad mask length %" PRIu32,
				nlattr_len(ma));
	if (d && d->max_elems == 1)
		odp_text_printf(out, ", expected %u", d->len);
	else if (key_len_ok(d, len))
		odp_text_printf(out, ", expected %" PRIu32, len);
}

static void print_encap(struct odp_text *out, const struct nlattr *a,
			const struct nlattr *ma, bool masked,
			unsigned int flags, int depth)
{
	if (depth >= MAX_DEPTH) {
		put(out, "<nested too deep>");
		return;
	}
	/* As OVS: no mask attribute wildcards the inside; an empty one
	 * leaves it exact. */
	if (ma && !nlattr_len(ma))
		masked = false;
	print_list(out, nlattr_data(a), nlattr_len(a),
		   ma ? nlattr_data(ma) : NULL, ma ? nlattr_len(ma) : 0,
		   masked, flags, depth + 1);
}

static void print_attr(struct odp_text *out, const struct nlattr *a,
		       const struct nlattr *ma, bool masked,
		       unsigned int flags, int depth)
{
	u16 type = nlattr_type(a);
	const struct attr *d = attr_by_type(type);

	if (d)
		odp_text_printf(out, "%s(", d->name);
	else
		odp_text_printf(out, "key%u(", type);
	if (d && !d->n_fields) {
		print_encap(out, a, ma, masked, flags, depth);
	} else if (!lengths_ok(d, a, ma)) {
		print_bad_length(out, d, a, ma);
	} else if (d) {
		print_fields(out, d, a, ma, masked, flags);
	} else {
		put_hex_bytes(out, nlattr_data(a), nlattr_len(a));
		if (masked && nlattr_len(a) &&
		    (!ma || bytes_class(nlattr_data(ma),
					nlattr_len(ma)) != M_FULL)) {
			put(out, "/");
			put_hex_bytes(out, ma ? nlattr_data(ma) : NULL,
				      nlattr_len(a));
		}
	}
	put(out, ")");
}

/* True if the mask leaves out all of 'a', so the normal form omits it. */
static bool attr_wildcarded(const struct nlattr *a, const struct nlattr *ma)
{
	const struct attr *d = attr_by_type(nlattr_type(a));

	if ((d && !d->n_fields) || !lengths_ok(d, a, ma))
		return false;
	if (!ma)
		return true;
	if (!d)
		return nlattr_len(ma) &&
		       bytes_class(nlattr_data(ma), nlattr_len(ma)) == M_EMPTY;
	return attr_class(d, nlattr_data(ma), nlattr_len(a) / d->len,
			  true) == M_EMPTY;
}

static const struct nlattr *find_attr(const u8 *list, u32 len, u16 type)
{
	const struct nlattr *a;
	u32 left;

	NLATTR_FOR_EACH(a, left, list, len)
		if (nlattr_type(a) == type)
			return a;
	return NULL;
}

/* Prints a list of attributes; returns false if it printed nothing. */
static bool print_list(struct odp_text *out, const u8 *key, u32 key_len,
		       const u8 *mask, u32 mask_len, bool masked,
		       unsigned int flags, int depth)
{
	bool saw_ethertype = false, saw_packet_type = false;
	const char *sep = "";
	const struct nlattr *a, *ma;
	u32 left;

	NLATTR_FOR_EACH(a, left, key, key_len) {
		u16 type = nlattr_type(a);

		ma = masked ? find_attr(mask, mask_len, type) : NULL;
		saw_ethertype |= type == OVS_KEY_ATTR_ETHERTYPE;
		saw_packet_type |= type == OVS_KEY_ATTR_PACKET_TYPE;
		/* A wildcarded eth() still says "this is an Ethernet frame"
		 * to the kernel, unless packet_type says it instead. */
		if (!(flags & ODP_KEY_VERBOSE) && masked &&
		    attr_wildcarded(a, ma) &&
		    (type != OVS_KEY_ATTR_ETHERNET || saw_packet_type))
			continue;
		put(out, sep);
		sep = ",";
		print_attr(out, a, ma, masked, flags, depth);
	}
	if (left) {
		odp_text_printf(out, "%s***%" PRIu32 " leftover bytes*** (",
				sep, left);
		put_hex_bytes(out, (const u8 *)a, left);
		put(out, ")");
		sep = ",";
	}
	/* An 802.2 frame has no Ethertype in its key, yet the mask matches
	 * that absence. */
	ma = masked ? find_attr(mask, mask_len, OVS_KEY_ATTR_ETHERTYPE) : NULL;
	if (!saw_ethertype && ma && nlattr_len(ma) == 2) {
		odp_text_printf(out, "%seth_type(0/0x%04x)", sep,
				be16_to_cpu(dp_get_be16(nlattr_data(ma))));
		sep = ",";
	}
	return *sep;
}

void odp_key_format(struct odp_text *out, const void *key, size_t key_len,
		    const void *mask, size_t mask_len, unsigned int flags)
{
	if (!print_list(out, key, key_len, mask, mask ? mask_len : 0,
			mask && mask_len, flags, 0))
		put(out, "<empty>");
}

char *odp_key_to_string(const void *key, size_t key_len,
			const void *mask, size_t mask_len, unsigned int flags)
{
	struct odp_text t = ODP_TEXT_INIT;

	odp_key_format(&t, key, key_len, mask, mask_len, flags);
	return t.s;
}

void odp_key_attr_format(struct odp_text *out, const struct nlattr *a,
			 const struct nlattr *ma, unsigned int flags)
{
	print_attr(out, a, ma, ma != NULL, flags, 0);
}

/* ---- Parsing ---- */

struct parser {
	const char *s;		/* next character */
	char *err;
	size_t err_size;
	bool failed;
	int depth;		/* encap() nesting */
	const char *aname;	/* attribute being parsed, for messages */
	int aname_len;
	const char *fname;	/* its field (NULL: unnamed value) */
	int fname_len;
	const char *vstart;	/* the field's text */
	bool explicit_mask;	/* the attribute's text gave a mask */
};

/* A list's state: an 802.2 eth_type(0/mask) has no key attribute, only a
 * mask one, which goes at the end of the list, where the printer puts it. */
struct list_state {
	bool mask_only_ethertype;
	u8 ethertype_mask[2];
};

static bool parse_list(struct parser *, struct nlbuf *key, struct nlbuf *mask,
		       bool nested);

static bool fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static bool fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	if (!p->failed && p->err_size) {
		va_start(ap, fmt);
		vsnprintf(p->err, p->err_size, fmt, ap);
		va_end(ap);
	}
	p->failed = true;
	return false;
}

/* Fails naming the value being parsed: "ipv4(src=10.0.0.300): why". */
static bool fail_value(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static bool fail_value(struct parser *p, const char *fmt, ...)
{
	/* A named field's text ends at ',', an unnamed value's at ')'. */
	int vlen = strcspn(p->vstart, p->fname ? ",)" : ")");
	char why[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return fail(p, "%.*s(%.*s%s%.*s): %s", p->aname_len, p->aname,
		    p->fname ? p->fname_len : 0, p->fname ? p->fname : "",
		    p->fname ? "=" : "", vlen < 64 ? vlen : 64, p->vstart,
		    why);
}

static bool fail_unterminated(struct parser *p)
{
	return fail(p, "unterminated \"%.*s(\": missing \")\"", p->aname_len,
		    p->aname);
}

/* A number in C syntax (decimal, 0x hex, 0 octal), as OVS's "%i" reads it,
 * filling exactly 'n' characters. */
static bool scan_uint(const char *s, size_t n, u64 *v)
{
	char buf[32], *end;

	if (!n || n >= sizeof buf || !isdigit((unsigned char)s[0]))
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	errno = 0;
	*v = strtoull(buf, &end, 0);
	return !errno && end == buf + n;
}

/* 'count' numbers of at most 255 in 'base', joined by 'sep': a dotted quad
 * (base 10) or an Ethernet address (base 16). */
static bool scan_bytes(const char *s, size_t n, int count, char sep,
		       int base, u8 *out)
{
	size_t i = 0;

	for (int b = 0; b < count; b++) {
		unsigned int v = 0, digits = 0;

		if (b && (i >= n || s[i++] != sep))
			return false;
		for (; i < n && digits < (base == 10 ? 3u : 2u); i++, digits++) {
			int c = tolower((unsigned char)s[i]);
			int d = isdigit(c) ? c - '0' : c - 'a' + 10;

			if (!isxdigit(c) || d >= base)
				break;
			v = v * base + d;
		}
		if (!digits || v > 255)
			return false;
		out[b] = v;
	}
	return i == n;
}

/* A prefix length "/24" as a mask of 'bytes' bytes. */
static bool scan_prefix(const char *s, size_t n, size_t bytes, u8 *out)
{
	u64 len;

	if (!scan_uint(s, n, &len) || len > 8 * bytes || (s[0] == '0' && n > 1))
		return false;
	for (size_t i = 0; i < bytes; i++, len = len > 8 ? len - 8 : 0)
		out[i] = len >= 8 ? 0xff : (u8)(0xff00 >> len);
	return true;
}

static bool scan_ipv6(const char *s, size_t n, u8 *out)
{
	char buf[INET6_ADDRSTRLEN];

	if (!n || n >= sizeof buf ||
	    strspn(s, "0123456789abcdefABCDEF:.") < n)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return inet_pton(AF_INET6, buf, out) == 1;
}

/* Hex up to 128 bits or a decimal up to 64, into host-order u128 bytes. */
static bool scan_u128(const char *s, size_t n, u8 *out)
{
	u8 be[16] = { 0 };
	u64 v;

	if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		for (s += 2, n -= 2; n > 1 && *s == '0'; s++, n--)
			continue;
		if (n > 32)
			return false;
		for (size_t i = 0; i < n; i++) {
			size_t pos = n - 1 - i;	/* nibble, from the right */
			int c = tolower((unsigned char)s[i]);

			if (!isxdigit(c))
				return false;
			be[15 - pos / 2] |= (isdigit(c) ? c - '0' : c - 'a' + 10)
					    << (pos % 2 ? 4 : 0);
		}
	} else {
		if (!scan_uint(s, n, &v))
			return false;
		for (int i = 0; i < 8; i++)
			be[15 - i] = v >> (8 * i);
	}
	u128_to_be(be, out);	/* the same swap, both ways */
	return true;
}

static bool scan_frag(const char *s, size_t n, u8 *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(frag_names); i++) {
		if (name_is(frag_names[i], s, n)) {
			*out = i;
			return true;
		}
	}
	return false;
}

/* Parses the 'n' characters at 's', a field's value or mask, into 'elem'. */
static bool scan_one(struct parser *p, const struct field *f, const char *s,
		     size_t n, u8 *elem, bool is_mask)
{
	static const char *const nouns[][2] = {
		[FK_NUM] = { "number", "mask" },
		[FK_IPV4] = { "IPv4 address", "IPv4 mask" },
		[FK_IPV6] = { "IPv6 address", "IPv6 mask" },
		[FK_ETH] = { "Ethernet address", "Ethernet mask" },
		[FK_U128] = { "128-bit number", "128-bit mask" },
	};
	u8 *p8 = elem + f->ofs;
	bool ok;
	u64 v;

	switch (f->kind) {
	case FK_NUM:
		if (!scan_uint(s, n, &v))
			break;
		if (v > field_max(f))
			return fail_value(p, "%s %.*s is out of range (max %"
					  PRIu32 ")", is_mask ? "mask" : "value",
					  (int)n, s, field_max(f));
		num_set(f, elem, v);
		return true;
	case FK_IPV4:
		ok = is_mask && !memchr(s, '.', n) ? scan_prefix(s, n, 4, p8)
						   : scan_bytes(s, n, 4, '.', 10, p8);
		if (ok)
			return true;
		break;
	case FK_IPV6:
		ok = is_mask && !memchr(s, ':', n) ? scan_prefix(s, n, 16, p8)
						   : scan_ipv6(s, n, p8);
		if (ok)
			return true;
		break;
	case FK_ETH:
		if (scan_bytes(s, n, 6, ':', 16, p8))
			return true;
		break;
	case FK_FRAG:
		if (scan_frag(s, n, p8))
			return true;
		return fail_value(p, "invalid fragment type \"%.*s\" (expected "
				  "no, first or later)", (int)n, s);
	case FK_U128:
		if (scan_u128(s, n, p8))
			return true;
		break;
	}
	return fail_value(p, "invalid %s \"%.*s\"", nouns[f->kind][is_mask],
			  (int)n, s);
}

static void set_full(const struct field *f, u8 *m)
{
	if (f->kind == FK_NUM)
		num_set(f, m, field_max(f));
	else
		memset(m + f->ofs, 0xff, f->size);
}

static int flag_bit(const struct field *f, const char *s, size_t n)
{
	for (int b = 0; b < 32; b++)
		if (b < f->bits && name_is(f->bit_names[b], s, n))
			return b;
	return -1;
}

static u32 known_bits(const struct field *f)
{
	u32 known = 0;

	for (int b = 0; b < 32 && b < f->bits; b++)
		if (f->bit_names[b])
			known |= 1u << b;
	return known;
}

/* A flag name, or a number made of known flags. */
static bool scan_flag(struct parser *p, const struct field *f, const char *s,
		      size_t n, u32 *bits)
{
	int b = flag_bit(f, s, n);
	u64 v;

	if (b >= 0) {
		*bits = 1u << b;
		return true;
	}
	if (scan_uint(s, n, &v) && !(v & ~(u64)known_bits(f))) {
		*bits = v;
		return true;
	}
	return fail_value(p, "unknown flag \"%.*s\"", (int)n, s);
}

/* "+syn-ack": the flags named are matched, set or clear. */
static bool scan_flags_masked(struct parser *p, const struct field *f,
			      const char *s, size_t n, u32 *v, u32 *mask)
{
	for (size_t i = 0, len; i < n; i += len) {
		bool set = s[i] == '+';
		u32 bit;

		if (s[i] != '+' && s[i] != '-')
			return fail_value(p, "\"+\" or \"-\" must precede each "
					  "flag, at \"%.*s\"", (int)(n - i),
					  s + i);
		len = strcspn(s + ++i, "+-)");
		if (!scan_flag(p, f, s + i, len, &bit))
			return false;
		if (*mask & bit)
			return fail_value(p, "flag \"%.*s\" given twice",
					  (int)len, s + i);
		*mask |= bit;
		*v |= set ? bit : 0;
	}
	return true;
}

/* "syn|ack": the flags named are set, all others clear. */
static bool scan_flags_exact(struct parser *p, const struct field *f,
			     const char *s, size_t n, u32 *v)
{
	for (size_t i = 0, len; i < n; i += len + 1) {
		u32 bit;

		len = strcspn(s + i, "|)");
		if (!scan_flag(p, f, s + i, len, &bit))
			return false;
		*v |= bit;
	}
	return true;
}

/* Flags as OVS reads them: "syn|ack" (exact), "+syn-ack", or "0x2/0x12". */
static bool parse_flags(struct parser *p, const struct field *f, u8 *k,
			u8 *m)
{
	const char *s = p->s;
	size_t n = strcspn(s, ")");
	const char *slash = memchr(s, '/', n);
	bool signs = s[0] == '+' || s[0] == '-';
	u32 v = 0, mask = 0, all = f->size == 2 ? 0xffff : UINT32_MAX;
	size_t mn = slash ? n - (slash + 1 - s) : 0;
	u64 nm;

	if ((signs || slash) && !m)
		return fail_value(p, "masks are not allowed here");
	if (signs) {
		if (!scan_flags_masked(p, f, s, n, &v, &mask))
			return false;
	} else if (slash) {
		if (!scan_flag(p, f, s, slash - s, &v))
			return false;
		if (!scan_uint(slash + 1, mn, &nm) ||
		    nm & ~(u64)known_bits(f))
			return fail_value(p, "invalid flags mask \"%.*s\"",
					  (int)mn, slash + 1);
		mask = nm;
	} else {
		if (!scan_flags_exact(p, f, s, n, &v))
			return false;
		mask = all;
	}
	/* One text per meaning: no flags outside the mask, and matching
	 * every meaningful bit is an exact match. */
	v &= mask;
	if ((mask & field_max(f)) == field_max(f))
		mask = all;
	word_put(f, k, v);
	if (m)
		word_put(f, m, mask);
	p->s = s + n;
	return true;
}

/* Parses "value[/mask]" for field 'f' into the elements 'k' and 'm' (NULL
 * when the caller takes no mask). */
static bool parse_value(struct parser *p, const struct field *f, u8 *k,
			u8 *m)
{
	const char *s = p->s;
	size_t n = strcspn(s, "/,)");

	if (f->kind == FK_FLAGS)
		return parse_flags(p, f, k, m);
	if (s[n] == '/' && !m)
		return fail_value(p, "masks are not allowed here");
	if (s[n] == '/' && f->kind == FK_FRAG)
		return fail_value(p, "frag takes no mask");
	if (!scan_one(p, f, s, n, k, false))
		return false;
	p->s = s + n;
	if (*p->s == '/') {
		s = p->s + 1;
		n = strcspn(s, ",)");
		if (!scan_one(p, f, s, n, m, true))
			return false;
		p->s = s + n;
		p->explicit_mask = true;
	} else if (m) {
		set_full(f, m);
	}
	return true;
}

/* Fields absent from the text take their defaults, exactly matched. */
static void set_defaults(const struct attr *d, u8 *k, u8 *m)
{
	for (int i = 0; i < d->n_fields; i++) {
		const struct field *f = &d->fields[i];

		if (f->show == SHOW_NONDEFAULT) {
			num_set(f, k, f->dflt);
			if (m)
				set_full(f, m);
		}
	}
}

/* "name=value,..." up to the closing ")"; a repeated name starts the next
 * element of an array.  Stores the payload's length in '*len'. */
static bool parse_named_fields(struct parser *p, const struct attr *d, u8 *k,
			       u8 *m, u32 *len)
{
	u32 elem = 0, seen = 0;

	while (*p->s != ')') {
		const char *name = p->s;
		int nlen = strcspn(name, "=,)"), i;

		if (!name[nlen])
			return fail_unterminated(p);
		p->fname = name;
		p->fname_len = nlen;
		p->vstart = name + nlen + 1;
		if (name[nlen] != '=')
			return fail(p, "%.*s(%.*s): expected field=value",
				    p->aname_len, p->aname, nlen, name);
		i = field_by_name(d, name, nlen);
		if (i < 0)
			return fail_value(p, "unknown field \"%.*s\"", nlen,
					  name);
		if (seen & 1u << i) {
			if (elem + 1 >= d->max_elems)
				return d->max_elems > 1 ?
				       fail_value(p, "more than %u entries",
						  d->max_elems) :
				       fail_value(p, "duplicate field \"%.*s\"",
						  nlen, name);
			elem++;
			seen = 0;
		}
		seen |= 1u << i;
		p->s = p->vstart;
		if (!parse_value(p, &d->fields[i], k + elem * d->len,
				 m ? m + elem * d->len : NULL))
			return false;
		if (!*p->s)
			return fail_unterminated(p);
		p->s += *p->s == ',';
	}
	*len = (elem + 1) * d->len;
	return true;
}

static bool parse_fields(struct parser *p, const struct attr *d, u8 *k,
			 u8 *m, u32 *len)
{
	set_defaults(d, k, m);
	p->fname = NULL;
	p->vstart = p->s;
	if (d->fields[0].name) {
		if (!parse_named_fields(p, d, k, m, len))
			return false;
	} else {
		if (*p->s == ')')
			return fail_value(p, "missing value");
		if (!parse_value(p, &d->fields[0], k, m))
			return false;
		if (!*p->s)
			return fail_unterminated(p);
		if (*p->s != ')')
			return fail_value(p, "expected \")\" after the value");
		*len = d->len;
	}
	p->s++;
	return true;
}

static bool parse_struct(struct parser *p, const struct attr *d,
			 struct nlbuf *key, struct nlbuf *mask,
			 struct list_state *ls)
{
	u8 k[MAX_PAYLOAD] = { 0 }, m[MAX_PAYLOAD] = { 0 };
	u32 len = 0;

	p->explicit_mask = false;
	if (!parse_fields(p, d, k, mask ? m : NULL, &len))
		return false;
	if (d->type == OVS_KEY_ATTR_ETHERTYPE && p->explicit_mask &&
	    !num_get(&d->fields[0], k)) {
		ls->mask_only_ethertype = true;
		memcpy(ls->ethertype_mask, m, 2);
		return true;
	}
	nlbuf_put(key, d->type, k, len);
	if (mask)
		nlbuf_put(mask, d->type, m, len);
	return true;
}

/* "0a 0b 0c" into 'out' (NULL: only count), storing the byte count. */
static bool scan_hex_bytes(const char *s, size_t n, u8 *out, u32 *count)
{
	if (n % 3 != 2 && n)
		return false;
	*count = (n + 1) / 3;
	for (size_t i = 0; i < n; i++) {
		if (i % 3 == 2 ? s[i] != ' ' : !isxdigit((unsigned char)s[i]))
			return false;
	}
	for (u32 i = 0; out && i < *count; i++) {
		char byte[3] = { s[3 * i], s[3 * i + 1], '\0' };

		out[i] = strtoul(byte, NULL, 16);
	}
	return true;
}

/* keyN(0a 0b[/ff 00]): an attribute this table does not describe. */
static bool parse_generic(struct parser *p, u16 type, struct nlbuf *key,
			  struct nlbuf *mask)
{
	const char *s = p->s;
	size_t n = strcspn(s, "/)");
	u32 count, mcount;
	u8 *kp, *mp;

	p->fname = NULL;
	p->vstart = s;
	if (!scan_hex_bytes(s, n, NULL, &count))
		return fail_value(p, "expected hex bytes such as \"0a 1b\"");
	kp = nlbuf_put(key, type, NULL, count);
	if (kp)
		scan_hex_bytes(s, n, kp, &count);
	s += n;
	if (*s == '/') {
		if (!mask)
			return fail_value(p, "masks are not allowed here");
		n = strcspn(++s, ")");
		if (!scan_hex_bytes(s, n, NULL, &mcount) || mcount != count)
			return fail_value(p, "expected a mask of %" PRIu32
					  " hex bytes", count);
		mp = nlbuf_put(mask, type, NULL, count);
		if (mp)
			scan_hex_bytes(s, n, mp, &count);
		s += n;
	} else if (mask) {
		mp = nlbuf_put(mask, type, NULL, count);
		if (mp)
			memset(mp, 0xff, count);
	}
	if (*s != ')')
		return fail_unterminated(p);
	p->s = s + 1;
	return true;
}

/* The type of "keyN", for attributes the table does not name. */
static int generic_type(struct parser *p, const char *s, int n)
{
	u64 type;

	for (size_t i = 0; i < ARRAY_SIZE(unsupported); i++) {
		if (name_is(unsupported[i].name, s, n)) {
			fail(p, "attribute \"%.*s\" is not supported; write it "
			     "as key%u(hex bytes)", n, s, unsupported[i].type);
			return -1;
		}
	}
	if (n < 4 || strncmp(s, "key", 3) || s[3] == '0' ||
	    !scan_uint(s + 3, n - 3, &type) || type > (u16)NLA_TYPE_MASK) {
		fail(p, "unknown attribute \"%.*s\"", n, s);
		return -1;
	}
	if (attr_by_type(type)) {
		fail(p, "attribute %.*s has a name: write %s(...)", n, s,
		     attr_by_type(type)->name);
		return -1;
	}
	return type;
}

/* Whether 'type' is already in the list that starts at 'start'. */
static bool has_attr(const struct nlbuf *b, u32 start, u16 type)
{
	return find_attr(b->data + start, b->size - start, type) != NULL;
}

static bool parse_encap(struct parser *p, struct nlbuf *key,
			struct nlbuf *mask)
{
	u32 ko, mo = 0;
	bool ok;

	if (p->depth >= MAX_DEPTH)
		return fail(p, "encap() nested more than %d deep", MAX_DEPTH);
	ko = nlbuf_nest_start(key, OVS_KEY_ATTR_ENCAP);
	if (mask)
		mo = nlbuf_nest_start(mask, OVS_KEY_ATTR_ENCAP);
	p->depth++;
	ok = parse_list(p, key, mask, true);
	p->depth--;
	nlbuf_nest_end(key, ko);
	if (mask)
		nlbuf_nest_end(mask, mo);
	return ok;
}

static bool parse_attr(struct parser *p, struct nlbuf *key,
		       struct nlbuf *mask, u32 start, struct list_state *ls)
{
	const char *name = p->s;
	int n = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_");
	const struct attr *d = attr_by_name(name, n);
	int type;

	if (!n)
		return fail(p, "expected an attribute at \"%.20s\"", name);
	if (name[n] != '(')
		return fail(p, "%.*s: expected \"(\"", n, name);
	type = d ? d->type : generic_type(p, name, n);
	if (type < 0)
		return false;
	p->aname = name;
	p->aname_len = n;
	if (has_attr(key, start, type) ||
	    (type == OVS_KEY_ATTR_ETHERTYPE && ls->mask_only_ethertype))
		return fail(p, "duplicate attribute \"%.*s\"", n, name);
	p->s = name + n + 1;
	if (d && !d->n_fields)
		return parse_encap(p, key, mask);
	if (!d)
		return parse_generic(p, type, key, mask);
	return parse_struct(p, d, key, mask, ls);
}

static void finish_list(const struct list_state *ls, struct nlbuf *mask)
{
	if (ls->mask_only_ethertype && mask)
		nlbuf_put(mask, OVS_KEY_ATTR_ETHERTYPE, ls->ethertype_mask, 2);
}

/* Attributes separated by commas or spaces, up to the end of the text or,
 * 'nested', a closing ")".  Returns false without p->failed when a buffer
 * overflowed. */
static bool parse_list(struct parser *p, struct nlbuf *key, struct nlbuf *mask,
		       bool nested)
{
	struct list_state ls = { false, { 0 } };
	u32 start = key->size;

	for (;;) {
		p->s += strspn(p->s, DELIMITERS);
		if (!*p->s && nested)
			return fail(p, "unterminated \"encap(\": missing \")\"");
		if (!*p->s)
			break;
		if (nested && *p->s == ')') {
			p->s++;
			break;
		}
		if (!parse_attr(p, key, mask, start, &ls))
			return false;
		if (key->overflow || (mask && mask->overflow))
			return false;
	}
	finish_list(&ls, mask);
	return true;
}

/* "<empty>", as the printer writes a key without attributes. */
static bool parse_empty(struct parser *p)
{
	const char *s = p->s + strspn(p->s, DELIMITERS);

	if (strncmp(s, "<empty>", 7))
		return false;
	p->s = s + 7;
	return !p->s[strspn(p->s, DELIMITERS)] ||
	       fail(p, "unexpected text after <empty>");
}

/* Parses into scratch buffers, so that the caller's change only on
 * success. */
static int parse_top(const char **sp, bool one, struct nlbuf *key,
		     struct nlbuf *mask, char *err, size_t err_size)
{
	struct parser p = { .s = *sp, .err = err, .err_size = err_size };
	struct nlbuf k, m = { NULL, 0, 0, false };
	u32 kcap = key->cap - key->size;
	u32 mcap = mask ? mask->cap - mask->size : 0;
	struct list_state ls = { false, { 0 } };
	u8 *kmem = malloc(kcap + 1), *mmem = malloc(mcap + 1);
	bool ok;
	int rc = 0;

	if (err_size)
		err[0] = '\0';
	if (!kmem || !mmem) {
		free(kmem);
		free(mmem);
		snprintf(err, err_size, "out of memory");
		return ENOMEM;
	}
	nlbuf_init(&k, kmem, key->overflow ? 0 : kcap);
	nlbuf_init(&m, mmem, mask && !mask->overflow ? mcap : 0);
	if (one) {
		ok = parse_attr(&p, &k, mask ? &m : NULL, 0, &ls);
		finish_list(&ls, mask ? &m : NULL);
	} else {
		ok = parse_empty(&p) || parse_list(&p, &k, mask ? &m : NULL,
						   false);
	}

	if (p.failed) {
		rc = EINVAL;
	} else if (k.overflow || m.overflow) {
		snprintf(err, err_size, "flow %s does not fit in its buffer",
			 k.overflow ? "key" : "mask");
		rc = ENOSPC;
	} else if (ok) {
		memcpy(key->data + key->size, kmem, k.size);
		key->size += k.size;
		if (mask) {
			memcpy(mask->data + mask->size, mmem, m.size);
			mask->size += m.size;
		}
		*sp = p.s;
	}
	free(kmem);
	free(mmem);
	return rc;
}

int odp_key_parse(const char *s, struct nlbuf *key, struct nlbuf *mask,
		  char *err, size_t err_size)
{
	return parse_top(&s, false, key, mask, err, err_size);
}

int odp_key_attr_parse(const char **s, struct nlbuf *key, struct nlbuf *mask,
		       char *err, size_t err_size)
{
	return parse_top(s, true, key, mask, err, err_size);
}
