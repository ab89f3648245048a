/* Datapath actions text <-> OVS_ACTION_ATTR_* netlink attributes.
 *
 * Actions with a fixed payload are described by a layout: the payload's
 * fields, each with a place, a kind and the formats OVS prints and reads it
 * in.  One printer, one parser and one canonical-form check walk every
 * layout, the userspace cookies of Open vSwitch included.  Actions with
 * nested attributes (userspace, sample, clone, check_pkt_len, ct) have their
 * own printer and parser, and a table of the nested attributes they accept,
 * in the order the parser writes them.  set() hands its key attribute to
 * odp-key-text.
 *
 * The printer prints an action in its structured form only if that form
 * reads back to the very same bytes; otherwise, and for action types it does
 * not know, it prints "actionN(hex bytes)", which parses too. */
#include "odp-actions-text.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/openvswitch.h>

#include "actions.h"

/* What may separate actions. */
#define DELIMITERS ", \t\r\n"

/* A netlink attribute's largest payload: no action list may be longer. */
#define MAX_LIST_LEN (0xffff - NLA_HDRLEN)

/* ---- Fixed layouts ---- */

enum vkind {
	VK_NUM,		/* a number: some bits of a 1, 2, 4 or 8-byte word */
	VK_MAC,		/* an Ethernet address */
	VK_FLAGS,	/* named bits, "cfm,bfd" (names by bit) */
	VK_WORD,	/* a bare word for a small number (names by value; the
			 * first, "", is left out) */
	VK_CONST,	/* not in the text: always 'dflt' */
};

/* How a number prints. */
enum vfmt { VF_DEC, VF_HEX, VF_0X, VF_0X04 };	/* %u %#x 0x%x 0x%04x */

/* How a number reads: as C writes it (OVS's "%i"), in decimal (OVS's "%u";
 * "0x" hex too, so that hex output reads back), or in hex, "0x" optional
 * (OVS's "%x"). */
enum vbase { VB_C, VB_DEC, VB_HEX };

#define VF_BE  0x1	/* stored in network byte order */
#define VF_OPT 0x2	/* may be left out, meaning 'dflt', and then is */

struct vfield {
	const char *name;	/* NULL: the layout's only, unnamed value */
	const char *const *names;	/* VK_FLAGS, VK_WORD */
	u8 kind, ofs, size;
	u8 shift, bits;		/* VK_NUM, VK_FLAGS: its bits of the word */
	u8 fmt, base, flags;
	u64 dflt;
};

struct layout {
	u8 size;		/* payload bytes */
	u8 n_fields;
	const struct vfield *fields;
	void (*fixup)(u8 *payload);	/* bits that follow from the fields */
};

/* Largest layout: an Open vSwitch userspace cookie. */
#define MAX_LAYOUT 48

#define FIELD(NAME, KIND, OFS, SIZE, SHIFT, BITS, FMT, BASE, FLAGS, DFLT)   \
	{ .name = NAME, .kind = KIND, .ofs = OFS, .size = SIZE,             \
	  .shift = SHIFT, .bits = BITS, .fmt = FMT, .base = BASE,           \
	  .flags = FLAGS, .dflt = DFLT }
#define NUM(NAME, OFS, SIZE, FMT, BASE)                                     \
	FIELD(NAME, VK_NUM, OFS, SIZE, 0, 8 * SIZE, FMT, BASE, 0, 0)
#define BITS(NAME, OFS, SIZE, SHIFT, BITS, BASE, FLAGS, DFLT)               \
	FIELD(NAME, VK_NUM, OFS, SIZE, SHIFT, BITS, VF_DEC, BASE,           \
	      VF_BE | (FLAGS), DFLT)
#define ETHERTYPE(OFS)                                                      \
	FIELD("eth_type", VK_NUM, OFS, 2, 0, 16, VF_0X, VB_HEX, VF_BE, 0)
#define MAC(NAME, OFS) FIELD(NAME, VK_MAC, OFS, 6, 0, 0, 0, 0, 0, 0)
#define CONST(OFS, SIZE, V) FIELD(NULL, VK_CONST, OFS, SIZE, 0, 8 * SIZE,  \
				  0, 0, 0, V)
#define LAYOUT(SIZE, FIELDS) { SIZE, ARRAY_SIZE(FIELDS), FIELDS, NULL }

static const struct layout no_payload = { 0, 0, NULL, NULL };

/* output, trunc, meter, drop(REASON). */
static const struct vfield u32_field[] = { NUM(NULL, 0, 4, VF_DEC, VB_C) };
static const struct layout u32_layout = LAYOUT(4, u32_field);

/* OVS prints recirc ids in hex, but reads them in decimal. */
static const struct vfield recirc_field[] = {
	NUM(NULL, 0, 4, VF_HEX, VB_DEC)
};
static const struct layout recirc_layout = LAYOUT(4, recirc_field);

static const struct vfield push_vlan_fields[] = {
	FIELD("tpid", VK_NUM, 0, 2, 0, 16, VF_0X04, VB_C, VF_BE | VF_OPT,
	      0x8100),
	BITS("vid", 2, 2, 0, 12, VB_C, 0, 0),
	BITS("pcp", 2, 2, 13, 3, VB_C, 0, 0),
	BITS("cfi", 2, 2, 12, 1, VB_C, VF_OPT, 1),
};
static const struct layout push_vlan_layout = LAYOUT(4, push_vlan_fields);

/* push_mpls and add_mpls (whose tun_flags OVS neither prints nor reads:
 * they must be zero). */
static const struct vfield push_mpls_fields[] = {
	BITS("label", 0, 4, 12, 20, VB_C, 0, 0),
	BITS("tc", 0, 4, 9, 3, VB_DEC, 0, 0),
	BITS("ttl", 0, 4, 0, 8, VB_DEC, 0, 0),
	BITS("bos", 0, 4, 8, 1, VB_DEC, 0, 0),
	ETHERTYPE(4),
};
static const struct layout push_mpls_layout = LAYOUT(8, push_mpls_fields);

static const struct vfield pop_mpls_fields[] = { ETHERTYPE(0) };
static const struct layout pop_mpls_layout = LAYOUT(2, pop_mpls_fields);

static const struct vfield push_eth_fields[] = {
	MAC("src", 0), MAC("dst", 6),
};
static const struct layout push_eth_layout = LAYOUT(12, push_eth_fields);

/* Open vSwitch's userspace cookies (its struct user_action_cookie, in host
 * byte order), which ovs-dpctl prints by name: a type, an OpenFlow in_port
 * that the text leaves out (OFPP_NONE), a UUID (zero), then the type's
 * fields from byte 24. */
#define COOKIE_HEAD(TYPE) CONST(0, 2, TYPE), CONST(4, 4, 0xffff)
#define COOKIE_LEN 48

static void sflow_fixup(u8 *cookie)
{
	/* A nonzero TCI has its CFI bit, as OVS writes it. */
	if (cookie[24] | cookie[25])
		cookie[24] |= 0x10;
}

static const struct vfield sflow_fields[] = {
	COOKIE_HEAD(1),
	BITS("vid", 24, 2, 0, 12, VB_C, 0, 0),
	BITS("pcp", 24, 2, 13, 3, VB_C, 0, 0),
	NUM("output", 28, 4, VF_DEC, VB_C),
};

static const char *const slow_path_reasons[32] = {
	"cfm", "bfd", "lacp", "stp", "lldp", "action", "match",
};
static const struct vfield slow_path_fields[] = {
	COOKIE_HEAD(2),
	{ .kind = VK_FLAGS, .names = slow_path_reasons, .ofs = 28, .size = 4,
	  .bits = 32, .base = VB_C },
};

static const char *const sample_directions[] = { "", "ingress", "egress",
						 NULL };
static const struct vfield flow_sample_fields[] = {
	COOKIE_HEAD(3),
	NUM("probability", 24, 2, VF_DEC, VB_C),
	NUM("collector_set_id", 28, 4, VF_DEC, VB_C),
	NUM("obs_domain_id", 32, 4, VF_DEC, VB_C),
	NUM("obs_point_id", 36, 4, VF_DEC, VB_C),
	NUM("output_port", 40, 4, VF_DEC, VB_C),
	{ .kind = VK_WORD, .names = sample_directions, .ofs = 44, .size = 4,
	  .bits = 32 },
};

static const struct vfield ipfix_fields[] = {
	COOKIE_HEAD(4),
	NUM("output_port", 24, 4, VF_DEC, VB_C),
};

static const struct vfield controller_fields[] = {
	COOKIE_HEAD(5),
	NUM("reason", 26, 2, VF_DEC, VB_DEC),
	FIELD("dont_send", VK_NUM, 24, 1, 0, 1, VF_DEC, VB_DEC, 0, 0),
	FIELD("continuation", VK_NUM, 25, 1, 0, 1, VF_DEC, VB_DEC, 0, 0),
	NUM("recirc_id", 28, 4, VF_DEC, VB_DEC),
	FIELD("rule_cookie", VK_NUM, 32, 8, 0, 64, VF_HEX, VB_HEX, VF_BE, 0),
	NUM("controller_id", 40, 2, VF_DEC, VB_DEC),
	NUM("max_len", 42, 2, VF_DEC, VB_DEC),
};

static const struct {
	const char *name;
	struct layout layout;
} cookies[] = {
	{ "sFlow", { COOKIE_LEN, ARRAY_SIZE(sflow_fields), sflow_fields,
		     sflow_fixup } },
	{ "slow_path", LAYOUT(COOKIE_LEN, slow_path_fields) },
	{ "flow_sample", LAYOUT(COOKIE_LEN, flow_sample_fields) },
	{ "ipfix", LAYOUT(COOKIE_LEN, ipfix_fields) },
	{ "controller", LAYOUT(COOKIE_LEN, controller_fields) },
};

/* ---- The action table ---- */

enum style {
	AS_CALL,	/* name(...) */
	AS_BARE,	/* name, no payload */
	AS_NUMBER,	/* output: only the port number */
};

struct parser;

struct action {
	const char *name;
	u16 type;
	u8 style;
	bool print_only;	/* set_masked: its text is set()'s */
	const struct layout *layout;	/* NULL: print and parse below */
	bool (*print)(struct odp_text *, const struct nlattr *, int depth);
	bool (*parse)(struct parser *, struct nlbuf *, int depth);
};

static bool print_userspace(struct odp_text *, const struct nlattr *, int);
static bool print_set(struct odp_text *, const struct nlattr *, int);
static bool print_sample(struct odp_text *, const struct nlattr *, int);
static bool print_hash(struct odp_text *, const struct nlattr *, int);
static bool print_ct(struct odp_text *, const struct nlattr *, int);
static bool print_clone(struct odp_text *, const struct nlattr *, int);
static bool print_check_pkt_len(struct odp_text *, const struct nlattr *,
				int);
static bool parse_userspace(struct parser *, struct nlbuf *, int);
static bool parse_set(struct parser *, struct nlbuf *, int);
static bool parse_sample(struct parser *, struct nlbuf *, int);
static bool parse_hash(struct parser *, struct nlbuf *, int);
static bool parse_ct(struct parser *, struct nlbuf *, int);
static bool parse_clone(struct parser *, struct nlbuf *, int);
static bool parse_check_pkt_len(struct parser *, struct nlbuf *, int);

#define FIXED(NAME, TYPE, STYLE, LAYOUT)                                    \
	{ NAME, TYPE, STYLE, false, LAYOUT, NULL, NULL }
#define CUSTOM(NAME, TYPE, FN)                                              \
	{ NAME, TYPE, AS_CALL, false, NULL, print_##FN, parse_##FN }

static const struct action actions[] = {
	FIXED(NULL, OVS_ACTION_ATTR_OUTPUT, AS_NUMBER, &u32_layout),
	CUSTOM("userspace", OVS_ACTION_ATTR_USERSPACE, userspace),
	CUSTOM("set", OVS_ACTION_ATTR_SET, set),
	FIXED("push_vlan", OVS_ACTION_ATTR_PUSH_VLAN, AS_CALL,
	      &push_vlan_layout),
	FIXED("pop_vlan", OVS_ACTION_ATTR_POP_VLAN, AS_BARE, &no_payload),
	CUSTOM("sample", OVS_ACTION_ATTR_SAMPLE, sample),
	FIXED("recirc", OVS_ACTION_ATTR_RECIRC, AS_CALL, &recirc_layout),
	CUSTOM("hash", OVS_ACTION_ATTR_HASH, hash),
	FIXED("push_mpls", OVS_ACTION_ATTR_PUSH_MPLS, AS_CALL,
	      &push_mpls_layout),
	FIXED("pop_mpls", OVS_ACTION_ATTR_POP_MPLS, AS_CALL, &pop_mpls_layout),
	{ "set", OVS_ACTION_ATTR_SET_MASKED, AS_CALL, true, NULL, print_set,
	  NULL },
	CUSTOM("ct", OVS_ACTION_ATTR_CT, ct),
	FIXED("trunc", OVS_ACTION_ATTR_TRUNC, AS_CALL, &u32_layout),
	FIXED("push_eth", OVS_ACTION_ATTR_PUSH_ETH, AS_CALL, &push_eth_layout),
	FIXED("pop_eth", OVS_ACTION_ATTR_POP_ETH, AS_BARE, &no_payload),
	FIXED("ct_clear", OVS_ACTION_ATTR_CT_CLEAR, AS_BARE, &no_payload),
	FIXED("pop_nsh", OVS_ACTION_ATTR_POP_NSH, AS_CALL, &no_payload),
	FIXED("meter", OVS_ACTION_ATTR_METER, AS_CALL, &u32_layout),
	CUSTOM("clone", OVS_ACTION_ATTR_CLONE, clone),
	CUSTOM("check_pkt_len", OVS_ACTION_ATTR_CHECK_PKT_LEN, check_pkt_len),
	FIXED("add_mpls", OVS_ACTION_ATTR_ADD_MPLS, AS_CALL, &push_mpls_layout),
	FIXED("drop", ACTIONS_ATTR_DROP, AS_CALL, &u32_layout),
};

/* Names OVS knows that this syntax does not take, and why. */
static const struct {
	const char *name;
	const char *why;
} refused[] = {
	{ "tnl_push", "is an Open vSwitch userspace datapath action, not in "
		      "the kernel datapath ABI" },
	{ "tnl_pop", "is an Open vSwitch userspace datapath action, not in "
		     "the kernel datapath ABI" },
	{ "lb_output", "is an Open vSwitch userspace datapath action, not in "
		       "the kernel datapath ABI" },
	{ "push_nsh", "is not supported: write it as action17(hex bytes)" },
	{ "dec_ttl", "is not supported: write it as action23(hex bytes)" },
	{ "psample", "is not supported: write it as action25(hex bytes)" },
};

static bool name_is(const char *name, const char *s, size_t n)
{
	return name && strlen(name) == n && !memcmp(name, s, n);
}

static const struct action *action_by_type(u16 type)
{
	for (size_t i = 0; i < ARRAY_SIZE(actions); i++)
		if (actions[i].type == type)
			return &actions[i];
	return NULL;
}

static const struct action *action_by_name(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(actions); i++)
		if (!actions[i].print_only && name_is(actions[i].name, s, n))
			return &actions[i];
	return NULL;
}

/* The index of the nonempty name 's' among the first 'max' 'names'. */
static int name_index(const char *const *names, int max, const char *s,
		      size_t n)
{
	for (int i = 0; n && i < max; i++)
		if (name_is(names[i], s, n))
			return i;
	return -1;
}

static int word_count(const char *const *names)
{
	int n = 0;

	while (names[n])
		n++;
	return n;
}

/* ---- Field values ---- */

static u64 field_max(const struct vfield *f)
{
	return f->bits >= 64 ? UINT64_MAX : (1ull << f->bits) - 1;
}

static u64 word_get(const struct vfield *f, const u8 *payload)
{
	const u8 *p = payload + f->ofs;
	u64 v = 0;

	if (f->flags & VF_BE) {
		for (int i = 0; i < f->size; i++)
			v = v << 8 | p[i];
		return v;
	}
	switch (f->size) {
	case 1:
		return p[0];
	case 2: {
		u16 v16;

		memcpy(&v16, p, 2);
		return v16;
	}
	case 4: {
		u32 v32;

		memcpy(&v32, p, 4);
		return v32;
	}
	default:
		memcpy(&v, p, 8);
		return v;
	}
}

static void word_put(const struct vfield *f, u8 *payload, u64 v)
{
	u8 *p = payload + f->ofs;
	u16 v16 = v;
	u32 v32 = v;

	if (f->flags & VF_BE) {
		for (int i = f->size - 1; i >= 0; i--, v >>= 8)
			p[i] = v;
		return;
	}
	switch (f->size) {
	case 1:
		p[0] = v;
		break;
	case 2:
		memcpy(p, &v16, 2);
		break;
	case 4:
		memcpy(p, &v32, 4);
		break;
	default:
		memcpy(p, &v, 8);
		break;
	}
}

static u64 field_get(const struct vfield *f, const u8 *payload)
{
	return word_get(f, payload) >> f->shift & field_max(f);
}

static void field_set(const struct vfield *f, u8 *payload, u64 v)
{
	u64 w = word_get(f, payload) & ~(field_max(f) << f->shift);

	word_put(f, payload, w | v << f->shift);
}

/* The layout's only, unnamed value, if it has one. */
static const struct vfield *sole_value(const struct layout *l)
{
	for (int i = 0; i < l->n_fields; i++)
		if (l->fields[i].kind != VK_CONST &&
		    l->fields[i].kind != VK_WORD && !l->fields[i].name)
			return &l->fields[i];
	return NULL;
}

/* Whether 'payload' is what the parser writes for its own printed fields:
 * no bits outside them, constants as they must be. */
static bool layout_canonical(const struct layout *l, const u8 *payload)
{
	u8 b[MAX_LAYOUT] = { 0 };

	for (int i = 0; i < l->n_fields; i++) {
		const struct vfield *f = &l->fields[i];
		u64 v = f->kind == VK_CONST ? f->dflt : field_get(f, payload);

		if (f->kind == VK_MAC)
			memcpy(b + f->ofs, payload + f->ofs, 6);
		else if (f->kind == VK_WORD && v >= (u64)word_count(f->names))
			return false;
		else
			field_set(f, b, v);
	}
	if (l->fixup)
		l->fixup(b);
	return !memcmp(b, payload, l->size);
}

/* ---- Printing ---- */

static void put(struct odp_text *out, const char *s)
{
	odp_text_printf(out, "%s", s);
}

/* Drops what was printed after 'len': the action goes generic instead. */
static void truncate_text(struct odp_text *out, size_t len)
{
	out->len = len;
	if (out->s)
		out->s[len] = '\0';
}

static void put_num(struct odp_text *out, u8 fmt, u64 v)
{
	switch (fmt) {
	case VF_HEX:
		if (!v) {
			put(out, "0");
			break;
		}
		/* fall through */
	case VF_0X:
		odp_text_printf(out, "0x%" PRIx64, v);
		break;
	case VF_0X04:
		odp_text_printf(out, "0x%04" PRIx64, v);
		break;
	default:
		odp_text_printf(out, "%" PRIu64, v);
		break;
	}
}

/* As OVS's format_flags(): names from the lowest bit, unknown bits last in
 * hex, "0" for none. */
static void put_flags(struct odp_text *out, const char *const *names, u64 v)
{
	const char *sep = "";
	u64 unknown = 0;

	if (!v)
		put(out, "0");
	for (int b = 0; b < 64; b++) {
		if (!(v >> b & 1))
			continue;
		if (b < 32 && names[b]) {
			odp_text_printf(out, "%s%s", sep, names[b]);
			sep = ",";
		} else {
			unknown |= 1ull << b;
		}
	}
	if (unknown)
		odp_text_printf(out, "%s0x%" PRIx64, sep, unknown);
}

static void put_mac(struct odp_text *out, const u8 *p)
{
	odp_text_printf(out, "%02x:%02x:%02x:%02x:%02x:%02x",
			p[0], p[1], p[2], p[3], p[4], p[5]);
}

static void print_layout(struct odp_text *out, const struct layout *l,
			 const u8 *payload)
{
	const char *sep = "";

	for (int i = 0; i < l->n_fields; i++) {
		const struct vfield *f = &l->fields[i];
		u64 v = f->kind == VK_MAC ? 0 : field_get(f, payload);

		if (f->kind == VK_CONST || (f->kind == VK_WORD && !v) ||
		    (f->flags & VF_OPT && v == f->dflt))
			continue;
		put(out, sep);
		sep = ",";
		if (f->kind == VK_WORD) {
			put(out, f->names[v]);
			continue;
		}
		if (f->name)
			odp_text_printf(out, "%s=", f->name);
		if (f->kind == VK_MAC)
			put_mac(out, payload + f->ofs);
		else if (f->kind == VK_FLAGS)
			put_flags(out, f->names, v);
		else
			put_num(out, f->fmt, v);
	}
}

static void put_hex(struct odp_text *out, const u8 *p, u32 n, const char *sep)
{
	for (u32 i = 0; i < n; i++)
		odp_text_printf(out, "%s%02x", i ? sep : "", p[i]);
}

/* "actionN(0a 0b)", or "actionN" without payload, as OVS prints an action
 * it does not know; the type keeps its netlink flag bits. */
static void print_generic(struct odp_text *out, const struct nlattr *a)
{
	odp_text_printf(out, "action%u", a->nla_type);
	if (!nlattr_len(a))
		return;
	put(out, "(");
	put_hex(out, nlattr_data(a), nlattr_len(a), " ");
	put(out, ")");
}

static void print_list(struct odp_text *, const u8 *acts, u32 len, int depth);

static bool print_fixed(struct odp_text *out, const struct action *d,
			const struct nlattr *a)
{
	const u8 *payload = nlattr_data(a);

	if (nlattr_len(a) != d->layout->size ||
	    !layout_canonical(d->layout, payload))
		return false;
	if (d->style != AS_NUMBER)
		put(out, d->name);
	if (d->style == AS_CALL)
		put(out, "(");
	print_layout(out, d->layout, payload);
	if (d->style == AS_CALL)
		put(out, ")");
	return true;
}

static void print_action(struct odp_text *out, const struct nlattr *a,
			 int depth)
{
	const struct action *d = action_by_type(a->nla_type);
	size_t mark = out->len;

	if (d && (d->print ? d->print(out, a, depth) : print_fixed(out, d, a)))
		return;
	truncate_text(out, mark);
	print_generic(out, a);
}

static void print_list(struct odp_text *out, const u8 *acts, u32 len,
		       int depth)
{
	const struct nlattr *a;
	u32 left;

	if (!len) {
		put(out, "drop");
		return;
	}
	NLATTR_FOR_EACH(a, left, acts, len) {
		if ((const u8 *)a != acts)
			put(out, ",");
		print_action(out, a, depth);
	}
	if (left) {
		/* As OVS: never from the parser, nor from a datapath. */
		if (left == len)
			put(out, "<empty>");
		odp_text_printf(out, ",***%" PRIu32 " leftover bytes*** (",
				left);
		put_hex(out, (const u8 *)a, left, "");
		put(out, ")");
	}
}

/* ---- Nested attributes ---- */

/* One nested attribute an action accepts: its type, its payload length
 * (-1: any) and whether it must be there. */
struct nspec {
	u16 type;
	int16_t len;
	bool required;
};

/* The attribute at '*p' if it is whole and its padding is zero, as the
 * parser writes it; then steps past it. */
static const struct nlattr *next_attr(const u8 **p, u32 *left)
{
	const struct nlattr *a = (const struct nlattr *)*p;
	u32 step;

	if (*left < NLA_HDRLEN || a->nla_len < NLA_HDRLEN ||
	    a->nla_len > *left)
		return NULL;
	step = NLA_ALIGN(a->nla_len);
	if (step > *left)
		return NULL;
	for (u32 i = a->nla_len; i < step; i++)
		if ((*p)[i])
			return NULL;
	*p += step;
	*left -= step;
	return a;
}

static bool list_canonical(const u8 *p, u32 len)
{
	while (len)
		if (!next_attr(&p, &len))
			return false;
	return true;
}

/* Splits the payload of 'a' into found[i] per spec[i] (NULL when absent):
 * true if its attributes are in the order of 'spec', each at most once,
 * with their lengths, the required ones there, nothing else. */
static bool nested_split(const struct nlattr *a, const struct nspec *spec,
			 int n, const struct nlattr **found)
{
	const u8 *p = nlattr_data(a);
	u32 left = nlattr_len(a);
	int i = 0;

	memset(found, 0, n * sizeof *found);
	while (left) {
		const struct nlattr *x = next_attr(&p, &left);

		if (!x)
			return false;
		while (i < n && spec[i].type != x->nla_type)
			i++;
		if (i == n || (spec[i].len >= 0 &&
			       nlattr_len(x) != (u32)spec[i].len))
			return false;
		found[i++] = x;
	}
	for (i = 0; i < n; i++)
		if (spec[i].required && !found[i])
			return false;
	return true;
}

static bool print_nested(struct odp_text *out, const struct nlattr *list,
			 int depth)
{
	if (depth >= ODP_ACTIONS_MAX_NEST ||
	    !list_canonical(nlattr_data(list), nlattr_len(list)))
		return false;
	print_list(out, nlattr_data(list), nlattr_len(list), depth + 1);
	return true;
}

static u16 get_u16(const struct nlattr *a)
{
	u16 v;

	memcpy(&v, nlattr_data(a), 2);
	return v;
}

static u32 get_u32(const struct nlattr *a)
{
	u32 v;

	memcpy(&v, nlattr_data(a), 4);
	return v;
}

/* ---- Printers of nested actions ---- */

static const struct nspec userspace_spec[] = {
	{ OVS_USERSPACE_ATTR_PID, 4, true },
	{ OVS_USERSPACE_ATTR_USERDATA, -1, false },
	{ OVS_USERSPACE_ATTR_EGRESS_TUN_PORT, 4, false },
	{ OVS_USERSPACE_ATTR_ACTIONS, 0, false },
};

static void print_userdata(struct odp_text *out, const struct nlattr *a)
{
	const u8 *data = nlattr_data(a);

	for (size_t i = 0; i < ARRAY_SIZE(cookies); i++) {
		if (nlattr_len(a) == COOKIE_LEN &&
		    layout_canonical(&cookies[i].layout, data)) {
			odp_text_printf(out, ",%s(", cookies[i].name);
			print_layout(out, &cookies[i].layout, data);
			put(out, ")");
			return;
		}
	}
	put(out, ",userdata(");
	put_hex(out, data, nlattr_len(a), "");
	put(out, ")");
}

static bool print_userspace(struct odp_text *out, const struct nlattr *a,
			    int depth)
{
	const struct nlattr *f[ARRAY_SIZE(userspace_spec)];

	if (!nested_split(a, userspace_spec, ARRAY_SIZE(f), f))
		return false;
	odp_text_printf(out, "userspace(pid=%" PRIu32, get_u32(f[0]));
	if (f[1])
		print_userdata(out, f[1]);
	if (f[3])
		put(out, ",actions");
	if (f[2])
		odp_text_printf(out, ",tunnel_out_port=%" PRIu32,
				get_u32(f[2]));
	put(out, ")");
	return true;
}

/* OVS: the probability is round(UINT32_MAX * percent / 100), clamped. */
static u32 percent_to_prob(double pct)
{
	double x = UINT32_MAX * (pct / 100.0) + 0.5;

	return x >= UINT32_MAX ? UINT32_MAX : x <= 0 ? 0 : (u32)x;
}

/* "%.1f" as OVS prints it, or as many more decimals as it takes to read
 * back the same probability (ten always do). */
static void put_percent(struct odp_text *out, u32 prob)
{
	double pct = 100.0 * prob / UINT32_MAX;
	char buf[32];

	for (int d = 1; d <= 10; d++) {
		snprintf(buf, sizeof buf, "%.*f", d, pct);
		if (percent_to_prob(strtod(buf, NULL)) == prob)
			break;
	}
	odp_text_printf(out, "%s%%", buf);
}

static bool print_sample(struct odp_text *out, const struct nlattr *a,
			 int depth)
{
	static const struct nspec spec[] = {
		{ OVS_SAMPLE_ATTR_PROBABILITY, 4, true },
		{ OVS_SAMPLE_ATTR_ACTIONS, -1, true },
	};
	const struct nlattr *f[ARRAY_SIZE(spec)];

	if (!nested_split(a, spec, ARRAY_SIZE(f), f))
		return false;
	put(out, "sample(sample=");
	put_percent(out, get_u32(f[0]));
	put(out, ",actions(");
	if (!print_nested(out, f[1], depth))
		return false;
	put(out, "))");
	return true;
}

static bool print_clone(struct odp_text *out, const struct nlattr *a,
			int depth)
{
	put(out, "clone(");
	if (!print_nested(out, a, depth))
		return false;
	put(out, ")");
	return true;
}

static bool print_check_pkt_len(struct odp_text *out, const struct nlattr *a,
				int depth)
{
	static const struct nspec spec[] = {
		{ OVS_CHECK_PKT_LEN_ATTR_PKT_LEN, 2, true },
		{ OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER, -1, true },
		{ OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL, -1, true },
	};
	const struct nlattr *f[ARRAY_SIZE(spec)];

	if (!nested_split(a, spec, ARRAY_SIZE(f), f))
		return false;
	odp_text_printf(out, "check_pkt_len(size=%u,gt(", get_u16(f[0]));
	if (!print_nested(out, f[1], depth))
		return false;
	put(out, "),le(");
	if (!print_nested(out, f[2], depth))
		return false;
	put(out, "))");
	return true;
}

/* By hash algorithm: OVS_HASH_ALG_L4, ACTIONS_HASH_ALG_SYM_L4. */
static const char *const hash_algs[] = { "l4", "sym_l4", NULL };

static bool print_hash(struct odp_text *out, const struct nlattr *a,
		       int depth)
{
	struct ovs_action_hash h;

	if (nlattr_len(a) != sizeof h)
		return false;
	memcpy(&h, nlattr_data(a), sizeof h);
	if (h.hash_alg >= (u32)word_count(hash_algs))
		return false;
	odp_text_printf(out, "hash(%s(%" PRIu32 "))", hash_algs[h.hash_alg],
			h.hash_basis);
	return true;
}

/* ---- set and set_masked ---- */

static bool all_ones(const u8 *p, u32 n)
{
	for (u32 i = 0; i < n; i++)
		if (p[i] != 0xff)
			return false;
	return true;
}

/* Appends the set action for key attribute 'k' and its mask 'm' as OVS
 * writes it: a set when the mask is all ones (or not the key's size), else
 * a set_masked whose key attribute carries the value, then the mask. */
static void put_set(struct nlbuf *b, const struct nlattr *k,
		    const struct nlattr *m)
{
	u32 klen = nlattr_len(k), ofs;
	u8 *p;

	if (nlattr_len(m) != klen || all_ones(nlattr_data(m), klen)) {
		ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_SET);
		nlbuf_put(b, k->nla_type, nlattr_data(k), klen);
	} else {
		ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_SET_MASKED);
		p = nlbuf_put(b, k->nla_type, NULL, 2 * klen);
		if (p) {
			memcpy(p, nlattr_data(k), klen);
			memcpy(p + klen, nlattr_data(m), klen);
		}
	}
	nlbuf_nest_end(b, ofs);
}

/* Parses the key attribute at '*s' (ending with ")") into the set action it
 * makes; returns an errno as odp_key_attr_parse() does. */
static int parse_set_key(const char **s, struct nlbuf *b, char *err,
			 size_t err_size)
{
	u32 cap = NLA_ALIGN(b->overflow ? 0 : b->cap - b->size);
	u8 *mem = malloc(2 * (size_t)cap + 8);
	struct nlbuf k, m;
	int rc;

	if (!mem) {
		snprintf(err, err_size, "out of memory");
		return ENOMEM;
	}
	nlbuf_init(&k, mem, cap);
	nlbuf_init(&m, mem + cap, cap);
	rc = odp_key_attr_parse(s, &k, &m, err, err_size);
	if (!rc)
		put_set(b, (const struct nlattr *)k.data,
			(const struct nlattr *)m.data);
	free(mem);
	return rc;
}

/* The key attribute of a set, and for set_masked its value and mask as two
 * attributes in 'mem'. */
static bool split_set(const struct nlattr *a, u8 *mem,
		      const struct nlattr **k, const struct nlattr **m)
{
	const u8 *p = nlattr_data(a);
	u32 left = nlattr_len(a), half, second;
	struct nlbuf b;

	*k = next_attr(&p, &left);
	*m = NULL;
	if (!*k || left)
		return false;
	if (a->nla_type == OVS_ACTION_ATTR_SET)
		return true;
	half = nlattr_len(*k) / 2;
	if (nlattr_len(*k) % 2)
		return false;
	nlbuf_init(&b, mem, 2 * (NLA_HDRLEN + NLA_ALIGN(half)));
	nlbuf_put(&b, (*k)->nla_type, nlattr_data(*k), half);
	second = b.size;
	nlbuf_put(&b, (*k)->nla_type, (const u8 *)nlattr_data(*k) + half,
		  half);
	*k = (const struct nlattr *)mem;
	*m = (const struct nlattr *)(mem + second);
	return true;
}

/* Whether 'text', a key attribute and ")", parses back to the set 'a'
 * (using the 'cap' bytes at 'mem'). */
static bool set_reads_back(const char *text, const struct nlattr *a,
			   u8 *mem, u32 cap)
{
	struct nlbuf b;

	nlbuf_init(&b, mem, cap);
	return !parse_set_key(&text, &b, NULL, 0) && !b.overflow &&
	       !strcmp(text, ")") && b.size == (u32)NLA_ALIGN(a->nla_len) &&
	       !memcmp(b.data, a, a->nla_len);
}

/* The key syntax belongs to odp-key-text, which may not read back every
 * value and mask it prints (bits a mask leaves out, say): the set prints in
 * full only if its text parses back to the same action. */
static bool print_set(struct odp_text *out, const struct nlattr *a,
		      int depth)
{
	u32 cap = 2 * nlattr_len(a) + 16;
	u8 *mem = malloc(cap);
	const struct nlattr *k, *m;
	size_t start;
	bool ok = false;

	if (mem && split_set(a, mem, &k, &m)) {
		put(out, "set(");
		start = out->len;
		odp_key_attr_format(out, k, m, m ? 0 : ODP_KEY_VERBOSE);
		put(out, ")");
		ok = set_reads_back(out->s + start, a, mem, cap);
	}
	free(mem);
	return ok;
}

/* ---- ct ---- */

static const struct nspec ct_spec[] = {
	{ OVS_CT_ATTR_COMMIT, 0, false },
	{ OVS_CT_ATTR_FORCE_COMMIT, 0, false },
	{ OVS_CT_ATTR_ZONE, 2, false },
	{ OVS_CT_ATTR_MARK, 8, false },
	{ OVS_CT_ATTR_LABELS, 32, false },
	{ OVS_CT_ATTR_HELPER, -1, false },
	{ OVS_CT_ATTR_TIMEOUT, -1, false },
	{ OVS_CT_ATTR_NAT, -1, false },
};
enum { CT_COMMIT, CT_FORCE, CT_ZONE, CT_MARK, CT_LABEL, CT_HELPER,
       CT_TIMEOUT, CT_NAT, CT_N };

/* Their names in the text, by CT_*. */
static const char *const ct_names[] = {
	"commit", "force_commit", "zone", "mark", "label", "helper", "timeout",
	"nat",
};

/* The longest helper and timeout policy names the kernel takes. */
static const u8 ct_name_max[CT_N] = { [CT_HELPER] = 15, [CT_TIMEOUT] = 31 };

static bool ct_name_ok(const char *s, size_t n, size_t max)
{
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("_-.", s[i]))
			return false;
	return n && n <= max;
}

/* A NUL-terminated name attribute, as the parser writes it. */
static bool ct_name_attr_ok(const struct nlattr *a, int which)
{
	const char *s = nlattr_data(a);
	u32 len = nlattr_len(a);

	return len && !s[len - 1] && strlen(s) == len - 1 &&
	       ct_name_ok(s, len - 1, ct_name_max[which]);
}

/* OVS keeps a 128-bit number in host byte order, as two 64-bit halves. */
static void u128_get(const u8 *p, u64 *hi, u64 *lo)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(lo, p, 8);
	memcpy(hi, p + 8, 8);
#else
	memcpy(hi, p, 8);
	memcpy(lo, p + 8, 8);
#endif
}

static void u128_put(u8 *p, u64 hi, u64 lo)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(p, &lo, 8);
	memcpy(p + 8, &hi, 8);
#else
	memcpy(p, &hi, 8);
	memcpy(p + 8, &lo, 8);
#endif
}

/* Minimal hex, or "0". */
static void put_u128(struct odp_text *out, const u8 *p)
{
	u64 hi, lo;

	u128_get(p, &hi, &lo);
	if (hi)
		odp_text_printf(out, "0x%" PRIx64 "%016" PRIx64, hi, lo);
	else
		put_num(out, VF_HEX, lo);
}

struct nat {
	bool src, dst, persistent, hash, random;
	u8 addr_len;		/* 0, 4 or 16 */
	u8 min[16], max[16];
	bool has_max, has_pmin, has_pmax;
	u16 pmin, pmax;
};

static const struct nspec nat_spec[] = {
	{ OVS_NAT_ATTR_SRC, 0, false },
	{ OVS_NAT_ATTR_DST, 0, false },
	{ OVS_NAT_ATTR_IP_MIN, -1, false },
	{ OVS_NAT_ATTR_IP_MAX, -1, false },
	{ OVS_NAT_ATTR_PROTO_MIN, 2, false },
	{ OVS_NAT_ATTR_PROTO_MAX, 2, false },
	{ OVS_NAT_ATTR_PERSISTENT, 0, false },
	{ OVS_NAT_ATTR_PROTO_HASH, 0, false },
	{ OVS_NAT_ATTR_PROTO_RANDOM, 0, false },
};

/* What the parser refuses in a nat(), and so the printer never writes. */
static const char *nat_error(const struct nat *n)
{
	if (n->src && n->dst)
		return "src and dst are mutually exclusive";
	if (!n->src && !n->dst &&
	    (n->addr_len || n->persistent || n->hash || n->random))
		return "options need src or dst";
	if (n->hash && n->random)
		return "hash and random are mutually exclusive";
	if (n->has_max && memcmp(n->max, n->min, n->addr_len) < 0)
		return "the address range is reversed";
	if (n->has_pmin && !n->pmin)
		return "port 0 is not a port";
	if (n->has_pmax && n->pmax < n->pmin)
		return "the port range is reversed";
	return NULL;
}

/* Decodes a NAT attribute, if the parser could have written it. */
static bool nat_decode(const struct nlattr *a, struct nat *n)
{
	const struct nlattr *f[ARRAY_SIZE(nat_spec)];
	const struct nlattr *min, *max;

	memset(n, 0, sizeof *n);
	if (!nested_split(a, nat_spec, ARRAY_SIZE(f), f))
		return false;
	min = f[2];
	max = f[3];
	n->src = f[0];
	n->dst = f[1];
	n->persistent = f[6];
	n->hash = f[7];
	n->random = f[8];
	if (min) {
		if (nlattr_len(min) != 4 && nlattr_len(min) != 16)
			return false;
		n->addr_len = nlattr_len(min);
		memcpy(n->min, nlattr_data(min), n->addr_len);
	}
	if (max && nlattr_len(max) == n->addr_len) {
		memcpy(n->max, nlattr_data(max), n->addr_len);
		n->has_max = true;
	}
	n->has_pmin = f[4];
	n->has_pmax = f[5];
	n->pmin = f[4] ? get_u16(f[4]) : 0;
	n->pmax = f[5] ? get_u16(f[5]) : 0;
	return (!max || n->has_max) && (min || !f[4]) && (f[4] || !f[5]) &&
	       (!n->has_max || memcmp(n->max, n->min, n->addr_len)) &&
	       (!n->has_pmax || n->pmax != n->pmin) && !nat_error(n);
}

static void put_addr(struct odp_text *out, const u8 *addr, u8 len,
		     bool bracket)
{
	char buf[INET6_ADDRSTRLEN];

	inet_ntop(len == 4 ? AF_INET : AF_INET6, addr, buf, sizeof buf);
	odp_text_printf(out, bracket ? "[%s]" : "%s", buf);
}

static bool print_nat(struct odp_text *out, const struct nlattr *a)
{
	bool bracket;
	struct nat n;

	if (!nat_decode(a, &n))
		return false;
	put(out, "nat");
	if (!n.src && !n.dst)
		return true;
	put(out, n.src ? "(src" : "(dst");
	bracket = n.addr_len == 16 && n.has_pmin;
	if (n.addr_len) {
		put(out, "=");
		put_addr(out, n.min, n.addr_len, bracket);
		if (n.has_max) {
			put(out, "-");
			put_addr(out, n.max, n.addr_len, bracket);
		}
	}
	if (n.has_pmin)
		odp_text_printf(out, ":%u", n.pmin);
	if (n.has_pmax)
		odp_text_printf(out, "-%u", n.pmax);
	odp_text_printf(out, "%s%s%s)", n.persistent ? ",persistent" : "",
			n.hash ? ",hash" : "", n.random ? ",random" : "");
	return true;
}

static bool print_ct_item(struct odp_text *out, int which,
			  const struct nlattr *a)
{
	const u8 *p = nlattr_data(a);
	u32 mask;

	if (which == CT_NAT)
		return print_nat(out, a);
	put(out, ct_names[which]);
	switch (which) {
	case CT_ZONE:
		odp_text_printf(out, "=%u", get_u16(a));
		return true;
	case CT_MARK:
		put(out, "=");
		put_num(out, VF_HEX, get_u32(a));
		memcpy(&mask, p + 4, 4);
		put(out, "/");
		put_num(out, VF_HEX, mask);
		return true;
	case CT_LABEL:
		put(out, "=");
		put_u128(out, p);
		if (!all_ones(p + 16, 16)) {
			put(out, "/");
			put_u128(out, p + 16);
		}
		return true;
	case CT_HELPER:
	case CT_TIMEOUT:
		if (!ct_name_attr_ok(a, which))
			return false;
		odp_text_printf(out, "=%s", (const char *)p);
		return true;
	default:
		return true;
	}
}

static bool print_ct(struct odp_text *out, const struct nlattr *a,
		     int depth)
{
	const struct nlattr *f[CT_N];
	const char *sep = "(";

	if (!nested_split(a, ct_spec, CT_N, f) || (f[CT_COMMIT] && f[CT_FORCE]))
		return false;
	put(out, "ct");
	for (int i = 0; i < CT_N; i++) {
		if (!f[i])
			continue;
		put(out, sep);
		sep = ",";
		if (!print_ct_item(out, i, f[i]))
			return false;
	}
	if (*sep == ',')
		put(out, ")");
	return true;
}

/* ---- Parsing ---- */

struct parser {
	const char *s;		/* next character */
	char *err;
	size_t err_size;
	bool failed;
	const char *act;	/* the action being parsed, for messages */
	int act_len;
};

static bool parse_list(struct parser *, struct nlbuf *, int depth);

static bool fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static bool fail(struct parser *p, const char *fmt, ...)
{
	char why[256];
	va_list ap;

	if (!p->failed && p->err_size) {
		va_start(ap, fmt);
		vsnprintf(why, sizeof why, fmt, ap);
		va_end(ap);
		if (p->act)
			snprintf(p->err, p->err_size, "%.*s: %s", p->act_len,
				 p->act, why);
		else
			snprintf(p->err, p->err_size, "%s", why);
	}
	p->failed = true;
	return false;
}

/* The token at 's', for messages. */
static int token_len(const char *s)
{
	int n = strcspn(s, "," DELIMITERS "()");

	return n ? (n < 64 ? n : 64) : (*s != '\0');
}

/* Letters, digits and underscores: an action's or an option's name. */
static size_t name_len(const char *s)
{
	size_t n = 0;

	while (isalnum((unsigned char)s[n]) || s[n] == '_')
		n++;
	return n;
}

static bool eat(struct parser *p, const char *lit)
{
	size_t n = strlen(lit);

	if (strncmp(p->s, lit, n))
		return false;
	p->s += n;
	return true;
}

static bool expect(struct parser *p, const char *lit)
{
	if (eat(p, lit))
		return true;
	if (!*p->s)
		return fail(p, "missing \"%s\" at the end of the text", lit);
	return fail(p, "expected \"%s\" at \"%.20s\"", lit, p->s);
}

/* Skips delimiters, as OVS does between ct() options; returns what
 * follows. */
static char skip_delimiters(struct parser *p)
{
	p->s += strspn(p->s, DELIMITERS);
	return *p->s;
}

/* After an option: a delimiter or the closing ")". */
static bool end_of_item(struct parser *p)
{
	if (*p->s == ')' || (*p->s && strchr(DELIMITERS, *p->s)))
		return true;
	return expect(p, ")");
}

/* A number at 's' read as 'base' says; returns its length, 0 if none. */
static size_t scan_u64(const char *s, u8 base, u64 *v)
{
	int b = base == VB_HEX ? 16 : base == VB_C ? 0 : 10;
	char *end;

	if (!isdigit((unsigned char)s[0]) &&
	    !(b == 16 && isxdigit((unsigned char)s[0])))
		return 0;
	if (b == 10 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		b = 16;
	errno = 0;
	*v = strtoull(s, &end, b);
	return errno ? 0 : (size_t)(end - s);
}

/* Parses a number up to 'max' named 'what' (for messages). */
static bool parse_number(struct parser *p, const char *what, u8 base,
			 u64 max, u64 *v)
{
	size_t n = scan_u64(p->s, base, v);
	char c = p->s[n];

	if (!*p->s || strchr(",)", *p->s))
		return fail(p, "missing %s", what);
	if (!n || isalnum((unsigned char)c) || c == '_' || c == '.')
		return fail(p, "%s \"%.*s\" is not a number", what,
			    token_len(p->s), p->s);
	if (*v > max)
		return fail(p, "%s %.*s is out of range (max %" PRIu64 ")",
			    what, (int)n, p->s, max);
	p->s += n;
	return true;
}

static int hex_value(char c)
{
	return isdigit((unsigned char)c) ? c - '0'
					 : tolower((unsigned char)c) - 'a' + 10;
}

static bool parse_mac(struct parser *p, const char *what, u8 *out)
{
	const char *s = p->s;

	for (int i = 0; i < 6; i++) {
		if (i && *s++ != ':')
			goto bad;
		if (!isxdigit((unsigned char)s[0]))
			goto bad;
		out[i] = hex_value(*s++);
		if (isxdigit((unsigned char)s[0]))
			out[i] = out[i] << 4 | hex_value(*s++);
	}
	if (!isalnum((unsigned char)*s) && *s != ':') {
		p->s = s;
		return true;
	}
bad:
	return fail(p, "%s \"%.*s\" is not an Ethernet address", what,
		    token_len(p->s), p->s);
}

/* Flag names or numbers, joined by "," (as OVS prints them) or "|" (as it
 * reads them), up to ")". */
static bool parse_flags(struct parser *p, const struct vfield *f, u64 *v)
{
	*v = 0;
	if (*p->s == ')')
		return true;
	for (;;) {
		size_t n = strcspn(p->s, ",|)");
		int bit = name_index(f->names, 32, p->s, n);
		u64 num;

		if (bit >= 0) {
			*v |= 1ull << bit;
			p->s += n;
		} else if (isdigit((unsigned char)*p->s)) {
			if (!parse_number(p, "flags", VB_C, field_max(f), &num))
				return false;
			*v |= num;
		} else {
			return fail(p, "unknown flag \"%.*s\"", (int)n, p->s);
		}
		if (*p->s != ',' && *p->s != '|')
			return true;
		p->s++;
	}
}

static bool parse_value(struct parser *p, const struct vfield *f,
			u8 *payload)
{
	const char *what = f->name ? f->name : "value";
	u64 v;

	if (f->kind == VK_MAC)
		return parse_mac(p, what, payload + f->ofs);
	if (f->kind == VK_FLAGS ? !parse_flags(p, f, &v)
	    : !parse_number(p, what, f->base, field_max(f), &v))
		return false;
	field_set(f, payload, v);
	return true;
}

/* The field called 's' (or, without "=", the word 's' names), or -1. */
static int field_lookup(const struct layout *l, const char *s, size_t n,
			bool named, u64 *word)
{
	for (int i = 0; i < l->n_fields; i++) {
		const struct vfield *f = &l->fields[i];
		int w;

		if (named && name_is(f->name, s, n))
			return i;
		if (!named && f->kind == VK_WORD &&
		    (w = name_index(f->names, word_count(f->names), s, n)) > 0) {
			*word = w;
			return i;
		}
	}
	return -1;
}

/* "name=value,..." (any order, each once), or the only, unnamed value, up
 * to the ")" that ends it, into 'payload'. */
static bool parse_layout(struct parser *p, const struct layout *l,
			 u8 *payload)
{
	const struct vfield *sole = sole_value(l);
	u32 seen = 0;

	memset(payload, 0, l->size);
	for (int i = 0; i < l->n_fields; i++)
		if (l->fields[i].kind == VK_CONST ||
		    l->fields[i].flags & VF_OPT)
			field_set(&l->fields[i], payload, l->fields[i].dflt);
	if (sole && !parse_value(p, sole, payload))
		return false;
	while (!sole && *p->s != ')') {
		const char *name = p->s;
		size_t n = strcspn(name, "=,)");
		bool named = name[n] == '=';
		u64 word = 0;
		int i = field_lookup(l, name, n, named, &word);

		if (i < 0)
			return fail(p, "unknown %s \"%.*s\"",
				    named ? "field" : "word", (int)n, name);
		if (seen & 1u << i)
			return fail(p, "field \"%.*s\" given twice", (int)n,
				    name);
		seen |= 1u << i;
		p->s = name + n + named;
		if (!named)
			field_set(&l->fields[i], payload, word);
		else if (!parse_value(p, &l->fields[i], payload))
			return false;
		if (*p->s == ',' && p->s[1] != ')')
			p->s++;
		else if (*p->s != ')')
			return expect(p, ")");
	}
	for (int i = 0; i < l->n_fields; i++) {
		const struct vfield *f = &l->fields[i];

		if (f->name && !(f->flags & VF_OPT) && !(seen & 1u << i))
			return fail(p, "missing field \"%s\"", f->name);
	}
	if (l->fixup)
		l->fixup(payload);
	return true;
}

static bool parse_fixed(struct parser *p, const struct action *d,
			struct nlbuf *b)
{
	u8 payload[MAX_LAYOUT];

	if (d->style == AS_BARE) {
		if (*p->s == '(')
			return fail(p, "takes no arguments");
		nlbuf_put(b, d->type, NULL, 0);
		return true;
	}
	if (d->style == AS_NUMBER ? !parse_layout(p, d->layout, payload)
	    : !expect(p, "(") || !parse_layout(p, d->layout, payload) ||
	      !expect(p, ")"))
		return false;
	nlbuf_put(b, d->type, payload, d->layout->size);
	return true;
}

/* Hex bytes "0a1b" or, 'spaced', "0a 1b", into 'out' when not NULL; returns
 * the text's length and the byte count in '*count'. */
static size_t scan_hex(const char *s, bool spaced, u8 *out, u32 *count)
{
	size_t i = 0;

	*count = 0;
	while (isxdigit((unsigned char)s[i]) &&
	       isxdigit((unsigned char)s[i + 1])) {
		if (out)
			out[*count] = hex_value(s[i]) << 4 | hex_value(s[i + 1]);
		++*count;
		i += 2;
		if (spaced && s[i] == ' ' && isxdigit((unsigned char)s[i + 1]))
			i++;
		else if (spaced)
			break;
	}
	return i;
}

/* Hex bytes up to ")" as one attribute of 'type'. */
static bool parse_hex_attr(struct parser *p, struct nlbuf *b, u16 type,
			   bool spaced)
{
	u32 count;
	size_t n = scan_hex(p->s, spaced, NULL, &count);
	u8 *data;

	if (p->s[n] != ')')
		return fail(p, "expected hex bytes such as \"%s\" at \"%.20s\"",
			    spaced ? "0a 1b" : "0a1b", p->s + n);
	data = nlbuf_put(b, type, NULL, count);
	if (data)
		scan_hex(p->s, spaced, data, &count);
	p->s += n;
	return true;
}

/* "actionN(0a 0b)" or "actionN": any action, bytes as given. */
static bool parse_generic(struct parser *p, struct nlbuf *b)
{
	u64 type;

	if (p->s[0] == '0' && isdigit((unsigned char)p->s[1]))
		return fail(p, "type \"%.*s\" has a leading zero",
			    token_len(p->s), p->s);
	if (!parse_number(p, "type", VB_DEC, 0xffff, &type))
		return false;
	if (!eat(p, "(")) {
		nlbuf_put(b, type, NULL, 0);
		return true;
	}
	return parse_hex_attr(p, b, type, true) && expect(p, ")");
}

/* "(actions)" of sample, clone or check_pkt_len, as nested attribute
 * 'type' of 'b'. */
static bool parse_nested(struct parser *p, struct nlbuf *b, u16 type,
			 int depth)
{
	const char *act = p->act;
	int act_len = p->act_len;
	u32 ofs;

	if (depth >= ODP_ACTIONS_MAX_NEST)
		return fail(p, "actions nested more than %d deep",
			    ODP_ACTIONS_MAX_NEST);
	if (!expect(p, "("))
		return false;
	ofs = nlbuf_nest_start(b, type);
	if (!parse_list(p, b, depth + 1))
		return false;
	nlbuf_nest_end(b, ofs);
	p->act = act;
	p->act_len = act_len;
	return expect(p, ")");
}

/* ---- Parsers of nested actions ---- */

/* userspace(pid=N[,userdata(hex)|,COOKIE(...)][,actions]
 * [,tunnel_out_port=N]), in that order as OVS prints it. */
static bool parse_userspace(struct parser *p, struct nlbuf *b, int depth)
{
	bool with_actions = false;
	u64 pid, port = 0;
	bool has_port;
	u32 ofs;

	if (!expect(p, "(pid=") ||
	    !parse_number(p, "pid", VB_C, UINT32_MAX, &pid))
		return false;
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_USERSPACE);
	nlbuf_put_u32(b, OVS_USERSPACE_ATTR_PID, pid);
	if (eat(p, ",userdata(")) {
		if (!parse_hex_attr(p, b, OVS_USERSPACE_ATTR_USERDATA, false) ||
		    !expect(p, ")"))
			return false;
	} else if (*p->s == ',') {
		size_t n = name_len(p->s + 1);

		for (size_t i = 0; i < ARRAY_SIZE(cookies); i++) {
			const struct layout *l = &cookies[i].layout;
			u8 cookie[COOKIE_LEN];

			if (!name_is(cookies[i].name, p->s + 1, n) ||
			    p->s[n + 1] != '(')
				continue;
			p->s += n + 2;
			if (!parse_layout(p, l, cookie) || !expect(p, ")"))
				return false;
			nlbuf_put(b, OVS_USERSPACE_ATTR_USERDATA, cookie,
				  COOKIE_LEN);
			break;
		}
	}
	if (!strncmp(p->s, ",actions", 8) && strchr(",)", p->s[8])) {
		p->s += 8;
		with_actions = true;
	}
	has_port = eat(p, ",tunnel_out_port=");
	if (has_port && !parse_number(p, "tunnel_out_port", VB_C, UINT32_MAX,
				      &port))
		return false;
	if (*p->s == ',')
		return fail(p, "unexpected \"%.*s\": after pid= come "
			    "userdata(...) or a cookie such as slow_path(...), "
			    "then actions, then tunnel_out_port=, in that "
			    "order", token_len(p->s + 1), p->s + 1);
	if (!expect(p, ")"))
		return false;
	if (has_port)
		nlbuf_put_u32(b, OVS_USERSPACE_ATTR_EGRESS_TUN_PORT, port);
	if (with_actions)
		nlbuf_put_flag(b, OVS_USERSPACE_ATTR_ACTIONS);
	nlbuf_nest_end(b, ofs);
	return true;
}

/* set(KEY_ATTRIBUTE): the key syntax, with masks. */
static bool parse_set(struct parser *p, struct nlbuf *b, int depth)
{
	char why[200];
	int rc;

	if (!expect(p, "("))
		return false;
	rc = parse_set_key(&p->s, b, why, sizeof why);
	if (rc == ENOSPC) {
		b->overflow = true;
		return false;
	}
	if (rc)
		return fail(p, "%s", why);
	return expect(p, ")");
}

/* A percentage from 0 to 100 in decimal, as OVS's "%lf" reads it. */
static bool parse_percent(struct parser *p, double *pct)
{
	size_t n = strspn(p->s, "0123456789");

	if (n && p->s[n] == '.')
		n += 1 + strspn(p->s + n + 1, "0123456789");
	*pct = n ? strtod(p->s, NULL) : -1;
	if (!n || p->s[n] != '%' || p->s[n - 1] == '.' || *pct > 100)
		return fail(p, "probability \"%.*s\" is not a percentage from "
			    "0 to 100 such as \"12.5%%\"",
			    (int)strcspn(p->s, ",)"), p->s);
	p->s += n;
	return true;
}

/* sample(sample=P%,actions(...)) */
static bool parse_sample(struct parser *p, struct nlbuf *b, int depth)
{
	double pct;
	u32 ofs;

	if (!expect(p, "(sample=") || !parse_percent(p, &pct) ||
	    !expect(p, "%,actions"))
		return false;
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_SAMPLE);
	nlbuf_put_u32(b, OVS_SAMPLE_ATTR_PROBABILITY, percent_to_prob(pct));
	if (!parse_nested(p, b, OVS_SAMPLE_ATTR_ACTIONS, depth) ||
	    !expect(p, ")"))
		return false;
	nlbuf_nest_end(b, ofs);
	return true;
}

/* clone(...) */
static bool parse_clone(struct parser *p, struct nlbuf *b, int depth)
{
	return parse_nested(p, b, OVS_ACTION_ATTR_CLONE, depth);
}

/* check_pkt_len(size=N,gt(...),le(...)) */
static bool parse_check_pkt_len(struct parser *p, struct nlbuf *b,
				int depth)
{
	u64 size;
	u32 ofs;

	if (!expect(p, "(size=") ||
	    !parse_number(p, "size", VB_C, 0xffff, &size) || !expect(p, ",gt"))
		return false;
	ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CHECK_PKT_LEN);
	nlbuf_put_u16(b, OVS_CHECK_PKT_LEN_ATTR_PKT_LEN, size);
	if (!parse_nested(p, b, OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_GREATER,
			  depth) ||
	    !expect(p, ",le") ||
	    !parse_nested(p, b, OVS_CHECK_PKT_LEN_ATTR_ACTIONS_IF_LESS_EQUAL,
			  depth) ||
	    !expect(p, ")"))
		return false;
	nlbuf_nest_end(b, ofs);
	return true;
}

/* hash(l4(BASIS)) or hash(sym_l4(BASIS)) */
static bool parse_hash(struct parser *p, struct nlbuf *b, int depth)
{
	struct ovs_action_hash h;
	size_t n;
	int alg;
	u64 basis;

	if (!expect(p, "("))
		return false;
	n = name_len(p->s);
	alg = name_index(hash_algs, ARRAY_SIZE(hash_algs), p->s, n);
	if (alg < 0)
		return fail(p, "unknown algorithm \"%.*s\" (expected l4 or "
			    "sym_l4)", token_len(p->s), p->s);
	p->s += n;
	if (!expect(p, "(") ||
	    !parse_number(p, "basis", VB_DEC, UINT32_MAX, &basis) ||
	    !expect(p, "))"))
		return false;
	h.hash_alg = alg;
	h.hash_basis = basis;
	nlbuf_put(b, OVS_ACTION_ATTR_HASH, &h, sizeof h);
	return true;
}

/* A 128-bit number: "0x" and up to 32 hex digits, or as C writes it. */
static bool parse_u128(struct parser *p, const char *what, u8 *out)
{
	const char *s = p->s;
	u64 hi = 0, lo = 0;
	size_t n;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    isxdigit((unsigned char)s[2])) {
		s += 2;
		s += strspn(s, "0");
		n = strspn(s, "0123456789abcdefABCDEF");
		if (n > 32 || isalnum((unsigned char)s[n]))
			return fail(p, "%s \"%.*s\" is not a 128-bit number",
				    what, token_len(p->s), p->s);
		for (size_t i = 0; i < n; i++) {
			hi = hi << 4 | lo >> 60;
			lo = lo << 4 | hex_value(s[i]);
		}
		p->s = s + n;
	} else if (!parse_number(p, what, VB_C, UINT64_MAX, &lo)) {
		return false;
	}
	u128_put(out, hi, lo);
	return true;
}

/* An IPv4 or IPv6 address, the latter maybe in brackets. */
static bool parse_addr(struct parser *p, struct nat *n, u8 *out)
{
	bool bracket = *p->s == '[';
	const char *s = p->s + bracket;
	size_t len6 = strspn(s, "0123456789abcdefABCDEF:.");
	size_t len4 = strspn(s, "0123456789.");
	char buf[INET6_ADDRSTRLEN];
	u8 family_len = 0;

	if (len6 < sizeof buf) {
		memcpy(buf, s, len6);
		buf[len6] = '\0';
		if (inet_pton(AF_INET6, buf, out) == 1)
			family_len = 16;
	}
	if (!family_len && !bracket && len4 < sizeof buf) {
		len6 = len4;
		memcpy(buf, s, len4);
		buf[len4] = '\0';
		if (inet_pton(AF_INET, buf, out) == 1)
			family_len = 4;
	}
	if (!family_len || (bracket && s[len6] != ']'))
		return fail(p, "nat: \"%.*s\" is not an IP address",
			    (int)strcspn(p->s, ",)-"), p->s);
	if (n->addr_len && n->addr_len != family_len)
		return fail(p, "nat: the range mixes IPv4 and IPv6");
	n->addr_len = family_len;
	p->s = s + len6 + bracket;
	return true;
}

static bool parse_port(struct parser *p, u16 *port)
{
	u64 v;

	if (!parse_number(p, "nat: port", VB_DEC, 0xffff, &v))
		return false;
	*port = v;
	return true;
}

/* "=ADDR[-ADDR][:PORT[-PORT]]" after src or dst. */
static bool parse_nat_range(struct parser *p, struct nat *n)
{
	if (!eat(p, "="))
		return true;
	if (!parse_addr(p, n, n->min))
		return false;
	if (eat(p, "-")) {
		if (!parse_addr(p, n, n->max))
			return false;
		n->has_max = memcmp(n->max, n->min, n->addr_len);
	}
	if (!eat(p, ":"))
		return true;
	n->has_pmin = true;
	if (!parse_port(p, &n->pmin))
		return false;
	if (eat(p, "-")) {
		if (!parse_port(p, &n->pmax))
			return false;
		n->has_pmax = n->pmax != n->pmin;
	}
	return true;
}

/* nat[(src|dst[=range][,persistent][,hash][,random])] */
static bool parse_nat(struct parser *p, struct nat *n)
{
	static const char *const words[] = {
		"src", "dst", "persistent", "hash", "random", NULL,
	};
	bool *flags[] = { &n->src, &n->dst, &n->persistent, &n->hash,
			  &n->random };
	const char *why;

	memset(n, 0, sizeof *n);
	if (!eat(p, "("))
		return true;
	while (skip_delimiters(p) != ')') {
		size_t len = name_len(p->s);
		int w = name_index(words, 5, p->s, len);

		if (w < 0)
			return fail(p, "nat: unknown option \"%.*s\"",
				    token_len(p->s), p->s);
		if (*flags[w])
			return fail(p, "nat: \"%s\" given twice", words[w]);
		*flags[w] = true;
		p->s += len;
		if (w < 2 && !parse_nat_range(p, n))
			return false;
		if (!end_of_item(p))
			return false;
	}
	p->s++;
	why = nat_error(n);
	return !why || fail(p, "nat: %s", why);
}

static void put_nat(struct nlbuf *b, const struct nat *n)
{
	u32 ofs = nlbuf_nest_start(b, OVS_CT_ATTR_NAT);

	if (n->src || n->dst)
		nlbuf_put_flag(b, n->src ? OVS_NAT_ATTR_SRC : OVS_NAT_ATTR_DST);
	if (n->addr_len)
		nlbuf_put(b, OVS_NAT_ATTR_IP_MIN, n->min, n->addr_len);
	if (n->has_max)
		nlbuf_put(b, OVS_NAT_ATTR_IP_MAX, n->max, n->addr_len);
	if (n->has_pmin)
		nlbuf_put_u16(b, OVS_NAT_ATTR_PROTO_MIN, n->pmin);
	if (n->has_pmax)
		nlbuf_put_u16(b, OVS_NAT_ATTR_PROTO_MAX, n->pmax);
	if (n->persistent)
		nlbuf_put_flag(b, OVS_NAT_ATTR_PERSISTENT);
	if (n->hash)
		nlbuf_put_flag(b, OVS_NAT_ATTR_PROTO_HASH);
	if (n->random)
		nlbuf_put_flag(b, OVS_NAT_ATTR_PROTO_RANDOM);
	nlbuf_nest_end(b, ofs);
}

/* What ct(...) says, to be written in the attributes' order. */
struct ct {
	u16 zone;
	u32 mark[2];
	u8 label[32];
	const char *name[CT_N];	/* helper, timeout */
	size_t name_len[CT_N];
	struct nat nat;
};

static bool parse_ct_item(struct parser *p, int which, struct ct *ct)
{
	u64 v;

	if (which != CT_NAT && which > CT_FORCE && !expect(p, "="))
		return false;
	switch (which) {
	case CT_ZONE:
		if (!parse_number(p, "zone", VB_DEC, 0xffff, &v))
			return false;
		ct->zone = v;
		return true;
	case CT_MARK:
		ct->mark[1] = UINT32_MAX;
		if (!parse_number(p, "mark", VB_HEX, UINT32_MAX, &v))
			return false;
		ct->mark[0] = v;
		if (eat(p, "/")) {
			if (!parse_number(p, "mark mask", VB_HEX, UINT32_MAX,
					  &v))
				return false;
			ct->mark[1] = v;
		}
		return true;
	case CT_LABEL:
		memset(ct->label + 16, 0xff, 16);
		return parse_u128(p, "label", ct->label) &&
		       (!eat(p, "/") ||
			parse_u128(p, "label mask", ct->label + 16));
	case CT_HELPER:
	case CT_TIMEOUT:
		ct->name[which] = p->s;
		ct->name_len[which] = strcspn(p->s, DELIMITERS ")");
		p->s += ct->name_len[which];
		return ct_name_ok(ct->name[which], ct->name_len[which],
				  ct_name_max[which]) ||
		       fail(p, "%s \"%.*s\" is not a name of 1 to %u letters, "
			    "digits, \"_\", \"-\" or \".\"", ct_names[which],
			    (int)ct->name_len[which], ct->name[which],
			    ct_name_max[which]);
	case CT_NAT:
		return parse_nat(p, &ct->nat);
	default:
		return true;
	}
}

static void put_ct(struct nlbuf *b, u32 seen, const struct ct *ct)
{
	u32 ofs = nlbuf_nest_start(b, OVS_ACTION_ATTR_CT);
	u8 *name;

	for (int i = 0; i < CT_N; i++) {
		if (!(seen & 1u << i))
			continue;
		switch (i) {
		case CT_ZONE:
			nlbuf_put_u16(b, OVS_CT_ATTR_ZONE, ct->zone);
			break;
		case CT_MARK:
			nlbuf_put(b, OVS_CT_ATTR_MARK, ct->mark, 8);
			break;
		case CT_LABEL:
			nlbuf_put(b, OVS_CT_ATTR_LABELS, ct->label, 32);
			break;
		case CT_HELPER:
		case CT_TIMEOUT:
			name = nlbuf_put(b, ct_spec[i].type, NULL,
					 ct->name_len[i] + 1);
			if (name)
				memcpy(name, ct->name[i], ct->name_len[i]);
			break;
		case CT_NAT:
			put_nat(b, &ct->nat);
			break;
		default:
			nlbuf_put_flag(b, ct_spec[i].type);
			break;
		}
	}
	nlbuf_nest_end(b, ofs);
}

/* ct[(commit|force_commit,zone=N,mark=V[/M],label=V[/M],helper=NAME,
 * timeout=NAME,nat[(...)])], options in any order, each once. */
static bool parse_ct(struct parser *p, struct nlbuf *b, int depth)
{
	struct ct ct;
	u32 seen = 0;

	memset(&ct, 0, sizeof ct);
	if (eat(p, "(")) {
		while (skip_delimiters(p) != ')') {
			size_t n = name_len(p->s);
			int i = name_index(ct_names, CT_N, p->s, n);

			if (i < 0)
				return fail(p, "unknown option \"%.*s\"",
					    token_len(p->s), p->s);
			if (seen & 1u << i)
				return fail(p, "\"%s\" given twice",
					    ct_names[i]);
			seen |= 1u << i;
			p->s += n;
			if (!parse_ct_item(p, i, &ct) || !end_of_item(p))
				return false;
		}
		p->s++;
	}
	if ((seen & 1u << CT_COMMIT) && (seen & 1u << CT_FORCE))
		return fail(p, "commit and force_commit are mutually exclusive");
	put_ct(b, seen, &ct);
	return true;
}

/* ---- Lists ---- */

/* "drop" alone: a list without actions. */
static bool lone_drop(const char *s, bool nested)
{
	s += strspn(s, DELIMITERS);
	if (strncasecmp(s, "drop", 4))
		return false;
	s += 4;
	s += strspn(s, DELIMITERS);
	return !*s || (nested && *s == ')');
}

static bool is_generic_name(const char *s, size_t n)
{
	return n > 6 && !strncmp(s, "action", 6) &&
	       strspn(s + 6, "0123456789") == n - 6;
}

static bool parse_action(struct parser *p, struct nlbuf *b, int depth)
{
	const char *s = p->s;
	size_t n = name_len(s);
	const struct action *d;

	p->act = s;
	p->act_len = n;
	if (isdigit((unsigned char)*s)) {
		p->act = "output";
		p->act_len = 6;
		return parse_fixed(p, &actions[0], b);
	}
	if (!n) {
		p->act = NULL;
		return fail(p, "expected an action at \"%.20s\"", s);
	}
	p->s += n;
	if (is_generic_name(s, n)) {
		p->s = s + 6;
		return parse_generic(p, b);
	}
	for (size_t i = 0; i < ARRAY_SIZE(refused); i++) {
		if (name_is(refused[i].name, s, n)) {
			p->act = NULL;
			return fail(p, "%s %s", refused[i].name, refused[i].why);
		}
	}
	d = action_by_name(s, n);
	if (!d) {
		p->act = NULL;
		return fail(p, "unknown action \"%.*s\"", (int)n, s);
	}
	if (d->type == ACTIONS_ATTR_DROP && *p->s != '(') {
		p->act = NULL;
		return fail(p, "\"drop\" means no actions and stands alone; "
			    "the explicit drop action is drop(REASON)");
	}
	return d->parse ? d->parse(p, b, depth) : parse_fixed(p, d, b);
}

/* Actions separated by delimiters up to the end of the text or, in a
 * nested list, up to the ")" that ends it (left for the caller).  Returns
 * false without p->failed when the buffer overflowed. */
static bool parse_list(struct parser *p, struct nlbuf *b, int depth)
{
	bool nested = depth > 0;

	if (lone_drop(p->s, nested)) {
		p->s += strspn(p->s, DELIMITERS) + 4;
		p->s += strspn(p->s, DELIMITERS);
		return true;
	}
	for (;;) {
		p->s += strspn(p->s, DELIMITERS);
		if (!*p->s || (nested && *p->s == ')'))
			return true;
		if (!parse_action(p, b, depth) || b->overflow)
			return false;
		if (*p->s && !strchr(DELIMITERS, *p->s) &&
		    !(nested && *p->s == ')'))
			return fail(p, "unexpected \"%.20s\" after the action",
				    p->s);
	}
}

int odp_actions_parse(const char *s, struct nlbuf *acts, char *err,
		      size_t err_size)
{
	struct parser p = { .s = s, .err = err, .err_size = err_size };
	u32 room = acts->overflow ? 0 : acts->cap - acts->size;
	u32 cap = room < MAX_LIST_LEN + 64 ? room : MAX_LIST_LEN + 64;
	struct nlbuf b;
	u8 *mem;
	int rc = 0;

	if (err_size)
		err[0] = '\0';
	mem = malloc(cap + 1);
	if (!mem) {
		snprintf(err, err_size, "out of memory");
		return ENOMEM;
	}
	nlbuf_init(&b, mem, cap);
	if (!parse_list(&p, &b, 0) && p.failed) {
		rc = EINVAL;
	} else if (b.overflow && cap == room) {
		snprintf(err, err_size, "the actions do not fit in their "
			 "buffer of %" PRIu32 " bytes", room);
		rc = ENOSPC;
	} else if (b.overflow || b.size > MAX_LIST_LEN) {
		snprintf(err, err_size, "the actions are too long for a "
			 "netlink attribute (max %d bytes)", MAX_LIST_LEN);
		rc = E2BIG;
	} else {
		memcpy(acts->data + acts->size, mem, b.size);
		acts->size += b.size;
	}
	free(mem);
	return rc;
}

bool odp_actions_begin(const char *s)
{
	size_t n = name_len(s);

	if (isdigit((unsigned char)*s))
		return true;
	if (!n || (s[n] && s[n] != '(' && s[n] != ')' &&
		   !strchr(DELIMITERS, s[n])))
		return false;
	if (action_by_name(s, n) || is_generic_name(s, n) ||
	    (n == 4 && !strncasecmp(s, "drop", 4)))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(refused); i++)
		if (name_is(refused[i].name, s, n))
			return true;
	return false;
}

void odp_actions_format(struct odp_text *out, const void *acts, size_t len)
{
	print_list(out, acts, len, 0);
}

char *odp_actions_to_string(const void *acts, size_t len)
{
	struct odp_text t = ODP_TEXT_INIT;

	odp_actions_format(&t, acts, len);
	return t.s;
}
