/* Matches in ovs-ofctl syntax: "tcp,in_port=1,nw_src=10.0.0.0/8,tp_dst=80".
 * Parsing is driven by the field table's text formats; printing follows
 * ovs-ofctl's field order and spelling so that output compares equal. */
#include "ofp-match.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <endian.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "xalloc.h"

static char *err_fmt(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static char *err_fmt(const char *fmt, ...)
{
	va_list args;
	char *s;

	va_start(args, fmt);
	if (vasprintf(&s, fmt, args) < 0)
		s = xstrdup("out of memory");
	va_end(args);
	return s;
}

/* Reserved OpenFlow 1.1+ port numbers and their names. */
static const struct { const char *name; uint32_t port; } port_names[] = {
	{ "IN_PORT", 0xfffffff8 }, { "TABLE", 0xfffffff9 },
	{ "NORMAL", 0xfffffffa }, { "FLOOD", 0xfffffffb },
	{ "ALL", 0xfffffffc }, { "CONTROLLER", 0xfffffffd },
	{ "LOCAL", 0xfffffffe }, { "ANY", 0xffffffff }, { "NONE", 0xffffffff },
};

#define N_PORT_NAMES (sizeof port_names / sizeof *port_names)

/* Names, or decimal numbers as ovs-ofctl takes them: ports below 0xff00;
 * 0xff00-0xffff, the OpenFlow 1.0 spelling of the OpenFlow 1.1 reserved range
 * 0xffffff00 and up; or that range itself. */
static bool port_from_string(const char *s, uint32_t *port)
{
	unsigned long long n;

	for (size_t i = 0; i < N_PORT_NAMES; i++) {
		if (!strcasecmp(s, port_names[i].name)) {
			*port = port_names[i].port;
			return true;
		}
	}
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 10)
		return false;
	n = strtoull(s, NULL, 10);
	if (n > 0xffffffff || (n > 0xffff && n < 0xffffff00))
		return false;
	if (n <= 0xffff)
		n = of_port_from_of10(n);
	*port = n;
	return true;
}

static void port_format(FILE *out, uint32_t port)
{
	for (size_t i = 0; i < N_PORT_NAMES; i++) {
		if (port_names[i].port == port) {
			fputs(port_names[i].name, out);
			return;
		}
	}
	fprintf(out, "%" PRIu32, port >= 0xffffff00 ? port - 0xffff0000 : port);
}

/* Flag names by bit, for the +name-name syntax. */
static const char *const tcp_flag_names[] = {
	"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr", "ns",
	"[200]", "[400]", "[800]",
};
static const char *const ct_state_names[] = {
	"new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat",
};
static const char *const tnl_flag_names[] = { "oam" };

struct flag_set {
	const char *const *names;
	int n;
	uint32_t all;		/* The mask a sign-less list means. */
	const char *what;	/* For errors: "TCP flag". */
};

static const struct flag_set tcp_flags = { tcp_flag_names, 12, 0xfff,
					   "TCP flag" };
static const struct flag_set ct_flags = { ct_state_names, 8, 0xff,
					  "ct_state flag" };
static const struct flag_set tnl_flags = { tnl_flag_names, 1, 0xffff,
					   "tunnel flag" };

static int flag_bit(const struct flag_set *fs, const char *s, size_t len)
{
	for (int i = 0; i < fs->n; i++)
		if (strlen(fs->names[i]) == len && !strncmp(fs->names[i], s, len))
			return i;
	return -1;
}

/* "+a-b" (only the named bits matter), "a|b" (exactly these), or a
 * number with optional mask (handled by the caller). */
static char *flags_parse(const struct flag_set *fs, const char *s,
			 uint32_t *value, uint32_t *mask)
{
	bool signed_form = *s == '+' || *s == '-';

	*value = *mask = 0;
	while (*s) {
		bool plus = true;
		if (signed_form) {
			if (*s != '+' && *s != '-')
				return err_fmt("%s: expected + or - before each %s",
					       s, fs->what);
			plus = *s++ == '+';
		}
		size_t len = strcspn(s, signed_form ? "+-" : "|");
		int bit = flag_bit(fs, s, len);
		if (bit < 0)
			return err_fmt("%.*s: unknown %s(s)", (int)len, s,
				       fs->what);
		*mask |= 1u << bit;
		if (plus)
			*value |= 1u << bit;
		s += len;
		if (!signed_form && *s == '|')
			s++;
	}
	if (!signed_form)
		*mask = fs->all;
	return NULL;
}

static void flags_format(FILE *out, const struct flag_set *fs,
			 uint32_t value, uint32_t mask)
{
	uint32_t known = fs->n >= 32 ? UINT32_MAX : (1u << fs->n) - 1;

	if (mask == fs->all && value & ~known) {
		fprintf(out, "%#" PRIx32, value);
		return;
	}
	if ((value | mask) & ~known && mask != fs->all) {
		fprintf(out, "%#" PRIx32 "/%#" PRIx32, value, mask);
		return;
	}
	if (mask == fs->all) {
		const char *sep = "";
		uint32_t bad = 0;
		if (!value)
			fputc('0', out);
		for (int i = 0; i < 32; i++) {
			if (!(value & 1u << i))
				continue;
			if (i < fs->n) {
				fprintf(out, "%s%s", sep, fs->names[i]);
				sep = "|";
			} else {
				bad |= 1u << i;
			}
		}
		if (bad)
			fprintf(out, "%s0x%" PRIx32, sep, bad);
		return;
	}
	if (!mask)
		fputs("0/0", out);
	for (int i = 0; i < 32; i++)
		if (mask & 1u << i)
			fprintf(out, "%c%s", value & 1u << i ? '+' : '-',
				i < fs->n ? fs->names[i] : "[Unknown]");
}

/* Parses an unsigned number (decimal or 0x hex) of up to 16 bytes into the
 * low 'n' bytes of 'v'. */
static bool uint_parse(const char *s, size_t n, union mf_value *v,
		       bool *too_big)
{
	memset(v, 0, sizeof *v);
	*too_big = false;
	if (!strncmp(s, "0x", 2) || !strncmp(s, "0X", 2)) {
		s += 2;
		size_t len = strlen(s);
		if (!len || strspn(s, "0123456789abcdefABCDEF") != len)
			return false;
		while (len > 1 && *s == '0') {
			s++;
			len--;
		}
		if (len > 2 * n) {
			*too_big = true;
			return true;
		}
		for (size_t i = 0; i < len; i++) {
			char c = s[len - 1 - i];
			int d = isdigit((unsigned char)c) ? c - '0'
				: tolower((unsigned char)c) - 'a' + 10;
			v->u8[n - 1 - i / 2] |= d << (i % 2 * 4);
		}
		return true;
	}
	if (!isdigit((unsigned char)*s) || strspn(s, "0123456789") != strlen(s))
		return false;
	errno = 0;
	unsigned long long x = strtoull(s, NULL, 10);
	if (errno || (n < 8 && x >> (8 * n))) {
		*too_big = true;
		return true;
	}
	for (int i = n - 1; i >= 0 && x; i--, x >>= 8)
		v->u8[i] = x;
	return true;
}

/* An IPv4 or IPv6 address, optionally "/prefix" or "/netmask". */
static char *ip_parse(int af, const char *s, union mf_value *v,
		      union mf_value *m, bool *masked)
{
	bool v6 = af == AF_INET6;
	int max = v6 ? 128 : 32;
	const char *name = v6 ? "IPv6" : "IP";
	char addr[64];
	const char *slash = strchr(s, '/');
	size_t len = slash ? (size_t)(slash - s) : strlen(s);

	if (len >= sizeof addr)
		return err_fmt("%s: invalid %s address", s, name);
	memcpy(addr, s, len);
	addr[len] = '\0';
	if (inet_pton(af, addr, v->u8) != 1)
		return err_fmt("%s: invalid %s address", s, name);
	*masked = slash != NULL;
	if (!slash)
		return NULL;
	if (strchr(slash + 1, v6 ? ':' : '.')) {
		if (inet_pton(af, slash + 1, m->u8) != 1)
			return err_fmt("%s: invalid %s netmask", s, name);
		return NULL;
	}
	char *end;
	long bits = strtol(slash + 1, &end, 10);
	if (*end || end == slash + 1 || bits < 0 || bits > max)
		return err_fmt("%s: %s network prefix bits not between 0 and "
			       "%d, inclusive", s, v6 ? "IPv6" : "IPv4", max);
	for (int i = 0; i < max / 8; i++) {
		long b = bits - 8 * i;
		m->u8[i] = b >= 8 ? 0xff : b <= 0 ? 0 : 0xff << (8 - b);
	}
	return NULL;
}

static bool eth_parse1(const char *s, size_t len, uint8_t out[6])
{
	unsigned int b[6];
	int n = 0;
	char buf[24];

	if (len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (sscanf(buf, "%2x:%2x:%2x:%2x:%2x:%2x%n", &b[0], &b[1], &b[2],
		   &b[3], &b[4], &b[5], &n) != 6 || (size_t)n != len)
		return false;
	for (int i = 0; i < 6; i++)
		out[i] = b[i];
	return true;
}

static char *eth_parse(const char *s, union mf_value *v, union mf_value *m,
		       bool *masked)
{
	const char *slash = strchr(s, '/');

	if (!eth_parse1(s, slash ? (size_t)(slash - s) : strlen(s), v->u8))
		return err_fmt("%s: invalid Ethernet address", s);
	*masked = slash != NULL;
	if (slash && !eth_parse1(slash + 1, strlen(slash + 1), m->u8))
		return err_fmt("%s: invalid Ethernet address mask", s);
	return NULL;
}

static char *frag_parse(const char *s, union mf_value *v, union mf_value *m,
			bool *masked)
{
	static const struct { const char *name; uint8_t v, m; } frags[] = {
		{ "no", 0, 3 }, { "yes", 1, 1 }, { "first", 1, 3 },
		{ "later", 3, 3 }, { "not_later", 0, 2 },
	};

	for (size_t i = 0; i < sizeof frags / sizeof *frags; i++) {
		if (!strcmp(s, frags[i].name)) {
			v->u8[0] = frags[i].v;
			m->u8[0] = frags[i].m;
			*masked = true;
			return NULL;
		}
	}
	return err_fmt("%s: unknown fragment type (valid types are \"no\", "
		       "\"yes\", \"first\", \"later\", \"not_later\")", s);
}

static char *packet_type_parse(const char *s, union mf_value *v)
{
	unsigned long ns, type;
	char *end;

	if (*s != '(')
		return err_fmt("%s: packet_type must be (namespace,type)", s);
	errno = 0;
	ns = strtoul(s + 1, &end, 0);
	if (*end != ',' || errno || ns > 0xffff)
		return err_fmt("%s: bad namespace in packet_type", s);
	type = strtoul(end + 1, &end, 0);
	if (strcmp(end, ")") || errno || type > 0xffff)
		return err_fmt("%s: bad type in packet_type", s);
	v->be32 = htobe32(ns << 16 | type);
	return NULL;
}

/* A number, or number/number, for the integer formats. */
static char *int_parse(const struct mf_field *mf, const char *s,
		       union mf_value *v, union mf_value *m, bool *masked)
{
	char buf[128];
	const char *slash = strchr(s, '/');
	size_t len = slash ? (size_t)(slash - s) : strlen(s);
	bool too_big;

	if (len >= sizeof buf)
		return err_fmt("%s: bad syntax for %s value", s, mf->name);
	memcpy(buf, s, len);
	buf[len] = '\0';
	*masked = slash != NULL;
	if (!uint_parse(buf, mf->n_bytes, v, &too_big) ||
	    (slash && !uint_parse(slash + 1, mf->n_bytes, m, &too_big)))
		return err_fmt("%s: bad syntax for %s value", s, mf->name);
	if (too_big)
		return err_fmt("%s: value too large for %d-byte field %s", s,
			       mf->n_bytes, mf->name);
	return NULL;
}

static const struct flag_set *field_flags(const struct mf_field *);

static char *flags_field_parse(const struct mf_field *mf, const char *s,
			       union mf_value *v, union mf_value *m,
			       bool *masked)
{
	const struct flag_set *fs = field_flags(mf);
	uint32_t value, mask;

	if (isdigit((unsigned char)*s)) {
		/* A bare number means the bits the flag names cover. */
		char *error = int_parse(mf, s, v, m, masked);
		if (error || *masked)
			return error;
		value = 0;
		for (int i = 0; i < mf->n_bytes; i++)
			value = value << 8 | v->u8[i];
		mask = fs->all;
		if (value & ~mask)
			return err_fmt("%s: value out of range for %s", s,
				       mf->name);
	} else {
		char *error = flags_parse(fs, s, &value, &mask);
		if (error)
			return error;
	}
	*masked = true;
	for (int i = mf->n_bytes - 1; i >= 0; i--) {
		v->u8[i] = value;
		m->u8[i] = mask;
		value >>= 8;
		mask >>= 8;
	}
	return NULL;
}

static char *value_parse(const struct mf_field *mf, const char *s,
			 union mf_value *v, union mf_value *m, bool *masked)
{
	uint32_t port;

	memset(v, 0, sizeof *v);
	memset(m, 0, sizeof *m);
	*masked = false;
	switch (mf->string) {
	case MFS_DECIMAL:
	case MFS_HEXADECIMAL:
		return int_parse(mf, s, v, m, masked);
	case MFS_ETHERNET:
		return eth_parse(s, v, m, masked);
	case MFS_IPV4:
		return ip_parse(AF_INET, s, v, m, masked);
	case MFS_IPV6:
		return ip_parse(AF_INET6, s, v, m, masked);
	case MFS_OFP_PORT:
		if (!port_from_string(s, &port))
			return err_fmt("%s: invalid or unknown port for %s", s,
				       mf->name);
		v->be32 = htobe32(port);
		return NULL;
	case MFS_FRAG:
		return frag_parse(s, v, m, masked);
	case MFS_TNL_FLAGS:
	case MFS_TCP_FLAGS:
	case MFS_CT_STATE:
		return flags_field_parse(mf, s, v, m, masked);
	case MFS_PACKET_TYPE:
		return packet_type_parse(s, v);
	}
	return err_fmt("%s: cannot parse", mf->name);
}

static const struct shorthand {
	const char *name;
	uint16_t dl_type;
	int nw_proto;
} shorthands[] = {
	{ "ip", 0x0800, -1 }, { "ipv6", 0x86dd, -1 },
	{ "icmp", 0x0800, 1 }, { "icmp6", 0x86dd, 58 },
	{ "tcp", 0x0800, 6 }, { "tcp6", 0x86dd, 6 },
	{ "udp", 0x0800, 17 }, { "udp6", 0x86dd, 17 },
	{ "sctp", 0x0800, 132 }, { "sctp6", 0x86dd, 132 },
	{ "arp", 0x0806, -1 }, { "rarp", 0x8035, -1 },
	{ "mpls", 0x8847, -1 }, { "mplsm", 0x8848, -1 },
};

static bool shorthand_apply(const char *name, uint8_t *used,
			    struct of_match *m)
{
	for (size_t i = 0; i < sizeof shorthands / sizeof *shorthands; i++) {
		const struct shorthand *sh = &shorthands[i];
		if (strcmp(name, sh->name))
			continue;
		mf_set_u64(MFF_ETH_TYPE, sh->dl_type, 0xffff, m);
		if (sh->nw_proto >= 0) {
			mf_set_u64(MFF_IP_PROTO, sh->nw_proto, 0xff, m);
			used[MFF_IP_PROTO] = 1;
		}
		return true;
	}
	return false;
}

/* xreg and xxreg are views over the 32-bit registers. */
static const char *const prereq_text[] = {
	[MFP_IN_PORT] = "in_port",
	[MFP_VLAN_VID] = "a VLAN tag (dl_vlan or vlan_tci)",
	[MFP_MPLS] = "mpls or mplsm",
	[MFP_IPV4] = "ip",
	[MFP_IPV6] = "ipv6",
	[MFP_IP_ANY] = "ip or ipv6",
	[MFP_ARP] = "arp or rarp",
	[MFP_PBB] = "dl_type=0x88e7",
	[MFP_TCP] = "tcp or tcp6",
	[MFP_UDP] = "udp or udp6",
	[MFP_SCTP] = "sctp or sctp6",
	[MFP_ICMPV4] = "icmp",
	[MFP_ICMPV6] = "icmp6",
	[MFP_ND] = "icmp6 with icmp_type 135 or 136 and icmp_code 0",
	[MFP_ND_SOLICIT] = "icmp6 with icmp_type=135",
	[MFP_ND_ADVERT] = "icmp6 with icmp_type=136",
	[MFP_CT] = "a ct_state with +new, +est, +rel, +rpl, +snat, +dnat "
		   "or +trk-inv",
	[MFP_CT_L4] = "a valid ct_state and ct_nw_proto",
};

char *mf_parse_value(const struct mf_field *mf, const char *s,
		     union mf_value *value, union mf_value *mask, bool *masked)
{
	char *error;

	if (!mf->maskable && strchr(s, '/'))
		return err_fmt("%s=%s: %s cannot be masked", mf->name, s,
			       mf->name);
	error = value_parse(mf, s, value, mask, masked);
	if (error)
		return error;
	if (mf->id == MFF_DL_VLAN && be16toh(value->be16) == 0xffff)
		return NULL;	/* OpenFlow 1.0's "no VLAN" */
	if (!mf_value_is_valid(mf, value) ||
	    (*masked && !mf_value_is_valid(mf, mask)))
		return err_fmt("%s=%s: value out of range for %s (%d bits)",
			       mf->name, s, mf->name, mf->n_bits);
	for (int i = 0; *masked && i < mf->n_bytes; i++)
		value->u8[i] &= mask->u8[i];
	return NULL;
}

static char *field_apply(const struct mf_field *mf, const char *value,
			 struct of_match *m)
{
	union mf_value v, k;
	bool masked;
	char *error = mf_parse_value(mf, value, &v, &k, &masked);

	if (!error)
		mf_set(mf, &v, masked ? &k : NULL, m);
	return error;
}

/* "nw_proto" under arp means the ARP opcode, as ovs-ofctl has it. */
static void proto_to_arp_op(struct of_match *m)
{
	uint16_t t = be16toh(m->flow.dl_type);

	if (m->mask.dl_type && (t == 0x0806 || t == 0x8035) && m->mask.nw_proto) {
		mf_set_u64(MFF_ARP_OP, m->flow.nw_proto, 0xffff, m);
		m->flow.nw_proto = m->mask.nw_proto = 0;
	}
}

static char *check_prereqs(const uint8_t *used, const struct of_match *m)
{
	for (int i = 0; i < MFF_N_IDS; i++) {
		const struct mf_field *mf = mf_from_id(i);
		if (used[i] && !mf_is_wild(mf, m) && !mf_storage_prereqs_ok(mf, m))
			return err_fmt("%s: prerequisites not met (needs %s)",
				       mf->name, prereq_text[mf->prereq]);
	}
	return NULL;
}

/* Splits at commas and spaces outside parentheses. */
static size_t token_len(const char *s)
{
	int depth = 0;
	size_t i;

	for (i = 0; s[i]; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth)
			depth--;
		else if (!depth && (s[i] == ',' || isspace((unsigned char)s[i])))
			break;
	}
	return i;
}

static char *token_apply(char *tok, uint8_t *used, struct of_match *m)
{
	char *eq = strchr(tok, '=');

	if (!eq) {
		if (shorthand_apply(tok, used, m))
			return NULL;
		return err_fmt("unknown keyword %s", tok);
	}
	*eq = '\0';
	const struct mf_field *mf = mf_from_name(tok, strlen(tok));
	if (!mf)
		return err_fmt("unknown keyword %s", tok);
	if (!eq[1])
		return err_fmt("%s: missing value", tok);
	used[mf->id] = 1;
	return field_apply(mf, eq + 1, m);
}

char *of_match_parse(const char *text, struct of_match *out)
{
	uint8_t used[MFF_N_IDS] = { 0 };
	struct of_match m;
	char *error = NULL;

	of_match_init_catchall(&m);
	while (*text && !error) {
		size_t len = token_len(text);
		if (len) {
			char small[256], *tok = small;
			if (len >= sizeof small)
				tok = xcalloc(1, len + 1);
			memcpy(tok, text, len);
			tok[len] = '\0';
			error = token_apply(tok, used, &m);
			if (tok != small)
				free(tok);
		}
		text += len;
		if (*text)
			text++;
	}
	if (!error) {
		proto_to_arp_op(&m);
		if (used[MFF_IP_PROTO] && m.mask.arp_op)
			used[MFF_ARP_OP] = 1;
		error = check_prereqs(used, &m);
	}
	if (!error) {
		of_match_normalize(&m);
		*out = m;
	}
	return error;
}

/* Printing.  Each helper prints "name=value," only when the field is
 * matched; the trailing comma is dropped at the end. */

static uint64_t be_int(const uint8_t *p, size_t n)
{
	uint64_t x = 0;

	for (size_t i = 0; i < n; i++)
		x = x << 8 | p[i];
	return x;
}

/* "%#x" style: "0x5", "0x5/0xff". */
static void put_hex_masked(FILE *out, const char *name, uint64_t v,
			   uint64_t m, uint64_t all)
{
	if (!m)
		return;
	fprintf(out, "%s=%#" PRIx64, name, v);
	if (m != all)
		fprintf(out, "/%#" PRIx64, m);
	fputc(',', out);
}

/* Decimal when exact, "0x%x/0x%x" when masked. */
static void put_dec_masked(FILE *out, const char *name, uint64_t v,
			   uint64_t m, uint64_t all)
{
	if (!m)
		return;
	if (m == all)
		fprintf(out, "%s=%" PRIu64 ",", name, v);
	else
		fprintf(out, "%s=0x%" PRIx64 "/0x%" PRIx64 ",", name, v, m);
}

static void put_field_hex(FILE *out, const char *name, enum mf_field_id id,
			  const struct of_match *m)
{
	const struct mf_field *mf = mf_from_id(id);
	union mf_value v, k, all;

	if (mf_is_wild(mf, m))
		return;		/* Nothing to print, as put_hex_masked() says. */
	mf_get(mf, m, &v, &k);
	/* Exact means every bit the field has, not every bit of its bytes. */
	mf_valid_mask(mf, &all);
	put_hex_masked(out, name, be_int(v.u8, mf->n_bytes),
		       be_int(k.u8, mf->n_bytes), be_int(all.u8, mf->n_bytes));
}

static void put_field_dec(FILE *out, const char *name, enum mf_field_id id,
			  const struct of_match *m, uint64_t all)
{
	const struct mf_field *mf = mf_from_id(id);
	union mf_value v, k;

	if (mf_is_wild(mf, m))
		return;
	mf_get(mf, m, &v, &k);
	put_dec_masked(out, name, be_int(v.u8, mf->n_bytes),
		       be_int(k.u8, mf->n_bytes), all);
}

/* An address, then "/prefix" for a CIDR mask or "/netmask" otherwise. */
static void ip_format(FILE *out, int af, const void *v, const void *k)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	int max = af == AF_INET6 ? 128 : 32;
	int prefix = af == AF_INET6 ? of_cidr_from_mask128(k)
		     : of_cidr_from_mask32(be32toh(*(const uint32_t *)k));

	inet_ntop(af, v, a, sizeof a);
	if (prefix == max) {
		fputs(a, out);
	} else if (prefix >= 0) {
		fprintf(out, "%s/%d", a, prefix);
	} else {
		inet_ntop(af, k, b, sizeof b);
		fprintf(out, "%s/%s", a, b);
	}
}

static void put_ipv4(FILE *out, const char *name, uint32_t v_be,
		     uint32_t m_be)
{
	if (!m_be)
		return;
	fprintf(out, "%s=", name);
	ip_format(out, AF_INET, &v_be, &m_be);
	fputc(',', out);
}

static void put_ipv6(FILE *out, const char *name, const uint8_t *v,
		     const uint8_t *k)
{
	if (bytecur_is_zero(k, 16))
		return;
	fprintf(out, "%s=", name);
	ip_format(out, AF_INET6, v, k);
	fputc(',', out);
}

static void eth_format(FILE *out, const uint8_t *v, const uint8_t *k)
{
	static const char fmt[] = "%02x:%02x:%02x:%02x:%02x:%02x";

	fprintf(out, fmt, v[0], v[1], v[2], v[3], v[4], v[5]);
	if ((k[0] & k[1] & k[2] & k[3] & k[4] & k[5]) != 0xff) {
		fputc('/', out);
		fprintf(out, fmt, k[0], k[1], k[2], k[3], k[4], k[5]);
	}
}

static void put_eth(FILE *out, const char *name, const uint8_t *v,
		    const uint8_t *k)
{
	if (bytecur_is_zero(k, 6))
		return;
	fprintf(out, "%s=", name);
	eth_format(out, v, k);
	fputc(',', out);
}

/* Bytes as one hex number without leading zeros: ct_label's style. */
static void put_hex_bytes(FILE *out, const uint8_t *p, size_t n)
{
	bool printed = false;

	for (size_t i = 0; i < n; i++) {
		if (p[i] || printed) {
			fprintf(out, printed ? "%02x" : "0x%x", p[i]);
			printed = true;
		}
	}
	if (!printed)
		fputc('0', out);
}

static void put_u16_pt(FILE *out, uint16_t v, uint16_t m)
{
	if (!m) {
		fputc('*', out);
		return;
	}
	fprintf(out, v > 9 ? "0x%" PRIx16 : "%" PRIu16, v);
	if (m != 0xffff)
		fprintf(out, "/0x%" PRIx16, m);
}

static void format_meta(FILE *out, const struct of_match *m)
{
	const struct of_flow *f = &m->flow, *k = &m->mask;

	put_field_hex(out, "pkt_mark", MFF_PKT_MARK, m);
	put_field_hex(out, "recirc_id", MFF_RECIRC_ID, m);
	put_field_hex(out, "dp_hash", MFF_DP_HASH, m);
	if (k->conj_id)
		fprintf(out, "conj_id=%" PRIu32 ",", be32toh(f->conj_id));
	if (k->skb_priority)
		fprintf(out, "skb_priority=%#" PRIx32 ",",
			be32toh(f->skb_priority));
	if (k->actset_output) {
		fputs("actset_output=", out);
		port_format(out, be32toh(f->actset_output));
		fputc(',', out);
	}
	if (k->ct_state) {
		fputs("ct_state=", out);
		flags_format(out, &ct_flags, be32toh(f->ct_state),
			     be32toh(k->ct_state));
		fputc(',', out);
	}
	put_field_dec(out, "ct_zone", MFF_CT_ZONE, m, 0xffff);
	put_field_hex(out, "ct_mark", MFF_CT_MARK, m);
	if (!bytecur_is_zero(k->ct_label, 16)) {
		fputs("ct_label=", out);
		put_hex_bytes(out, f->ct_label, 16);
		uint8_t ones[16];
		memset(ones, 0xff, sizeof ones);
		if (memcmp(k->ct_label, ones, 16)) {
			fputc('/', out);
			put_hex_bytes(out, k->ct_label, 16);
		}
		fputc(',', out);
	}
	put_ipv4(out, "ct_nw_src", f->ct_nw_src, k->ct_nw_src);
	put_ipv6(out, "ct_ipv6_src", f->ct_ipv6_src, k->ct_ipv6_src);
	put_ipv4(out, "ct_nw_dst", f->ct_nw_dst, k->ct_nw_dst);
	put_ipv6(out, "ct_ipv6_dst", f->ct_ipv6_dst, k->ct_ipv6_dst);
	if (k->ct_nw_proto) {
		fprintf(out, "ct_nw_proto=%u,", f->ct_nw_proto);
		put_field_dec(out, "ct_tp_src", MFF_CT_TP_SRC, m, 0xffff);
		put_field_dec(out, "ct_tp_dst", MFF_CT_TP_DST, m, 0xffff);
	}
	if (k->packet_type) {
		uint32_t v = be32toh(f->packet_type), km = be32toh(k->packet_type);
		fputs("packet_type=(", out);
		put_u16_pt(out, v >> 16, km >> 16);
		fputc(',', out);
		put_u16_pt(out, v & 0xffff, km & 0xffff);
		fputs("),", out);
	}
}

/* The shorthand for dl_type and nw_proto; sets what it covered. */
static void format_shorthand(FILE *out, const struct of_match *m,
			     bool *skip_type, bool *skip_proto)
{
	uint16_t type = be16toh(m->flow.dl_type);
	bool proto = m->mask.nw_proto != 0;

	*skip_type = *skip_proto = false;
	if (!m->mask.dl_type)
		return;
	for (size_t i = 0; i < sizeof shorthands / sizeof *shorthands; i++) {
		const struct shorthand *sh = &shorthands[i];
		if (sh->dl_type != type)
			continue;
		if (sh->nw_proto >= 0 &&
		    (!proto || sh->nw_proto != m->flow.nw_proto))
			continue;
		if (sh->nw_proto < 0 && proto && (type == 0x0800 ||
						   type == 0x86dd)) {
			/* "ip" or "ipv6" with an nw_proto no shorthand has. */
			bool other = false;
			for (size_t j = 0; j < sizeof shorthands /
					       sizeof *shorthands; j++)
				other |= shorthands[j].dl_type == type &&
					 shorthands[j].nw_proto ==
						 m->flow.nw_proto;
			if (other)
				continue;
		}
		fprintf(out, "%s,", sh->name);
		*skip_type = true;
		*skip_proto = sh->nw_proto >= 0;
		return;
	}
}

static void format_tunnel(FILE *out, const struct of_match *m)
{
	const struct of_flow *f = &m->flow, *k = &m->mask;

	put_field_hex(out, "tun_id", MFF_TUN_ID, m);
	put_ipv4(out, "tun_src", f->tun_src, k->tun_src);
	put_ipv4(out, "tun_dst", f->tun_dst, k->tun_dst);
	put_ipv6(out, "tun_ipv6_src", f->tun_ipv6_src, k->tun_ipv6_src);
	put_ipv6(out, "tun_ipv6_dst", f->tun_ipv6_dst, k->tun_ipv6_dst);
	put_field_dec(out, "tun_gbp_id", MFF_TUN_GBP_ID, m, 0xffff);
	put_field_hex(out, "tun_gbp_flags", MFF_TUN_GBP_FLAGS, m);
	if (k->tun_tos)
		fprintf(out, "tun_tos=%u,", f->tun_tos);
	if (k->tun_ttl)
		fprintf(out, "tun_ttl=%u,", f->tun_ttl);
	if (k->tun_flags) {
		fputs("tun_flags=", out);
		flags_format(out, &tnl_flags, be16toh(f->tun_flags),
			     be16toh(k->tun_flags));
		fputc(',', out);
	}
}

static void format_vlan(FILE *out, const struct of_match *m)
{
	uint16_t tci = be16toh(m->flow.vlans[0].tci);
	uint16_t mask = be16toh(m->mask.vlans[0].tci);
	uint16_t vid = mask & 0x0fff, pcp = mask & 0xe000;

	if (!mask)
		return;
	if (mask & OF_VLAN_CFI && tci & OF_VLAN_CFI &&
	    (!vid || vid == 0x0fff) && (!pcp || pcp == 0xe000) &&
	    (vid || pcp)) {
		if (vid)
			fprintf(out, "dl_vlan=%u,", tci & 0x0fff);
		if (pcp)
			fprintf(out, "dl_vlan_pcp=%u,", tci >> 13);
	} else if (mask == 0xffff) {
		fprintf(out, "vlan_tci=0x%04x,", tci);
	} else {
		fprintf(out, "vlan_tci=0x%04x/0x%04x,", tci, mask);
	}
}

static void format_l3(FILE *out, const struct of_match *m, bool skip_proto)
{
	const struct of_flow *f = &m->flow, *k = &m->mask;
	uint16_t type = k->dl_type ? be16toh(f->dl_type) : 0;
	bool arp = type == 0x0806 || type == 0x8035;

	if (type == 0x86dd) {
		put_ipv6(out, "ipv6_src", f->ipv6_src, k->ipv6_src);
		put_ipv6(out, "ipv6_dst", f->ipv6_dst, k->ipv6_dst);
		if (be32toh(k->ipv6_label) == 0xfffff)
			fprintf(out, "ipv6_label=0x%05" PRIx32 ",",
				be32toh(f->ipv6_label));
		else if (k->ipv6_label)
			fprintf(out, "ipv6_label=0x%05" PRIx32 "/0x%05" PRIx32
				",", be32toh(f->ipv6_label),
				be32toh(k->ipv6_label));
	} else {
		put_ipv4(out, arp ? "arp_spa" : "nw_src", f->nw_src, k->nw_src);
		put_ipv4(out, arp ? "arp_tpa" : "nw_dst", f->nw_dst, k->nw_dst);
	}
	if (!skip_proto && k->nw_proto)
		fprintf(out, "nw_proto=%u,", f->nw_proto);
	if (k->arp_op)
		fprintf(out, "arp_op=%u,", be16toh(f->arp_op));
	if (arp) {
		put_eth(out, "arp_sha", f->arp_sha, k->arp_sha);
		put_eth(out, "arp_tha", f->arp_tha, k->arp_tha);
	}
	if (k->nw_tos & 0xfc)
		fprintf(out, "nw_tos=%u,", f->nw_tos & 0xfc);
	if (k->nw_tos & 0x03)
		fprintf(out, "nw_ecn=%u,", f->nw_tos & 0x03);
	if (k->nw_ttl)
		fprintf(out, "nw_ttl=%u,", f->nw_ttl);
}

static void frag_format(FILE *out, uint8_t v, uint8_t k)
{
	static const char *const names[4][4] = {
		[3] = { "no", "first", NULL, "later" },
		[1] = { "no", "yes", "no", "yes" },
		[2] = { "not_later", "not_later", "later", "later" },
	};
	const char *name = names[k & 3][v & 3];

	if (name)
		fputs(name, out);
	else
		fprintf(out, "%#x/%#x", v, k);
}

static void format_mpls_frag(FILE *out, const struct of_match *m)
{
	uint32_t lse = be32toh(m->flow.mpls_lse), k = be32toh(m->mask.mpls_lse);
	uint8_t fm = m->mask.nw_frag & OF_FRAG_MASK;

	if (k & 0xfffff000)
		fprintf(out, "mpls_label=%u,", lse >> 12);
	if (k & 0x00000e00)
		fprintf(out, "mpls_tc=%u,", lse >> 9 & 7);
	if (k & 0x000000ff)
		fprintf(out, "mpls_ttl=%u,", lse & 0xff);
	if (k & 0x00000100)
		fprintf(out, "mpls_bos=%u,", lse >> 8 & 1);
	if (fm) {
		fputs("nw_frag=", out);
		frag_format(out, m->flow.nw_frag, fm);
		fputc(',', out);
	}
}

static void format_l4(FILE *out, const struct of_match *m)
{
	const struct of_flow *f = &m->flow, *k = &m->mask;
	uint16_t type = k->dl_type ? be16toh(f->dl_type) : 0;
	bool icmp4 = type == 0x0800 && f->nw_proto == 1;
	bool icmp6 = type == 0x86dd && f->nw_proto == 58;

	put_dec_masked(out, icmp4 || icmp6 ? "icmp_type" : "tp_src",
		       be16toh(f->tp_src), be16toh(k->tp_src), 0xffff);
	put_dec_masked(out, icmp4 || icmp6 ? "icmp_code" : "tp_dst",
		       be16toh(f->tp_dst), be16toh(k->tp_dst), 0xffff);
	if (icmp6) {
		put_ipv6(out, "nd_target", f->nd_target, k->nd_target);
		put_eth(out, "nd_sll", f->arp_sha, k->arp_sha);
		put_eth(out, "nd_tll", f->arp_tha, k->arp_tha);
		put_dec_masked(out, "nd_reserved", be32toh(f->nd_reserved),
			       be32toh(k->nd_reserved), 0xffffffff);
		put_dec_masked(out, "nd_options_type", f->nd_options_type,
			       k->nd_options_type, 0xff);
	}
	if ((type == 0x0800 || type == 0x86dd) && f->nw_proto == 6 &&
	    k->tcp_flags) {
		fputs("tcp_flags=", out);
		flags_format(out, &tcp_flags, be16toh(f->tcp_flags),
			     be16toh(k->tcp_flags));
		fputc(',', out);
	}
}

/* Fields ovs-ofctl has no text for; printed last under our own names. */
static void format_extras(FILE *out, const struct of_match *m)
{
	const struct of_flow *f = &m->flow, *k = &m->mask;

	if (k->in_phy_port) {
		fputs("in_phy_port=", out);
		port_format(out, be32toh(f->in_phy_port));
		fputc(',', out);
	}
	put_field_hex(out, "pbb_isid", MFF_PBB_ISID, m);
	if (k->pbb_uca)
		fprintf(out, "pbb_uca=%u,", f->pbb_uca);
	put_field_hex(out, "ipv6_exthdr", MFF_IPV6_EXTHDR, m);
}

char *of_match_format(const struct of_match *m)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);
	bool skip_type, skip_proto;

	if (!out)
		abort();
	format_meta(out, m);
	format_shorthand(out, m, &skip_type, &skip_proto);
	for (int i = 0; i < OF_FLOW_N_REGS; i++) {
		char name[8];
		snprintf(name, sizeof name, "reg%d", i);
		put_field_hex(out, name, MFF_REG0 + i, m);
	}
	format_tunnel(out, m);
	put_field_hex(out, "metadata", MFF_METADATA, m);
	if (m->mask.in_port) {
		fputs("in_port=", out);
		port_format(out, be32toh(m->flow.in_port));
		fputc(',', out);
	}
	format_vlan(out, m);
	put_eth(out, "dl_src", m->flow.dl_src, m->mask.dl_src);
	put_eth(out, "dl_dst", m->flow.dl_dst, m->mask.dl_dst);
	if (!skip_type && m->mask.dl_type)
		fprintf(out, "dl_type=0x%04x,", be16toh(m->flow.dl_type));
	format_l3(out, m, skip_proto);
	format_mpls_frag(out, m);
	format_l4(out, m);
	format_extras(out, m);
	fclose(out);
	if (size && buf[size - 1] == ',')
		buf[size - 1] = '\0';
	return buf;
}

static const struct flag_set *field_flags(const struct mf_field *mf)
{
	return mf->string == MFS_TCP_FLAGS ? &tcp_flags
	       : mf->string == MFS_CT_STATE ? &ct_flags : &tnl_flags;
}

/* Integers: decimal or "%#x" per the table, "0x.../0x..." when masked;
 * wider than 8 bytes, hex digits. */
static void int_format(FILE *out, const struct mf_field *mf,
		       const union mf_value *v, const union mf_value *k,
		       bool exact)
{
	if (mf->n_bytes > 8) {
		put_hex_bytes(out, v->u8, mf->n_bytes);
		if (!exact) {
			fputc('/', out);
			put_hex_bytes(out, k->u8, mf->n_bytes);
		}
		return;
	}
	uint64_t x = be_int(v->u8, mf->n_bytes), y = be_int(k->u8, mf->n_bytes);
	if (exact)
		fprintf(out, mf->string == MFS_DECIMAL ? "%" PRIu64 : "%#" PRIx64,
			x);
	else
		fprintf(out, "%#" PRIx64 "/%#" PRIx64, x, y);
}

char *mf_format_value(const struct mf_field *mf, const union mf_value *value,
		      const union mf_value *mask)
{
	union mf_value k;
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);

	if (!out)
		abort();
	mf_valid_mask(mf, &k);
	bool exact = !mask || !memcmp(mask->u8, k.u8, mf->n_bytes);
	if (mask)
		k = *mask;
	switch (mf->string) {
	case MFS_DECIMAL:
	case MFS_HEXADECIMAL:
		int_format(out, mf, value, &k, exact);
		break;
	case MFS_ETHERNET:
		eth_format(out, value->u8, k.u8);
		break;
	case MFS_IPV4:
		ip_format(out, AF_INET, value->u8, k.u8);
		break;
	case MFS_IPV6:
		ip_format(out, AF_INET6, value->u8, k.u8);
		break;
	case MFS_OFP_PORT:
		port_format(out, be32toh(value->be32));
		break;
	case MFS_FRAG:
		frag_format(out, value->u8[0], k.u8[0]);
		break;
	case MFS_TNL_FLAGS:
	case MFS_TCP_FLAGS:
	case MFS_CT_STATE:
		flags_format(out, field_flags(mf),
			     be_int(value->u8, mf->n_bytes),
			     be_int(k.u8, mf->n_bytes));
		break;
	case MFS_PACKET_TYPE:
		fprintf(out, "(%u,%#x)", be32toh(value->be32) >> 16,
			be32toh(value->be32) & 0xffff);
		break;
	}
	fclose(out);
	return buf;
}
