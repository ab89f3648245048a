/* The ofp-print framework and the printers of the basic messages.  The
 * layout of every line follows "ovs-ofctl ofp-print", which the unit tests
 * compare against byte for byte. */
#include "ofp-print.h"

#include <ctype.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-async.h"
#include "ofp-ct-flush.h"
#include "ofp-errors.h"
#include "ofp-flow-mod.h"
#include "ofp-flow-stats.h"
#include "ofp-flow-update.h"
#include "ofp-group-mod.h"
#include "ofp-packet-out.h"
#include "ofp-hello.h"
#include "ofp-ipfix.h"
#include "ofp-port.h"
#include "ofp-print-bodies.h"
#include "ofp-role.h"
#include "ofp-switch.h"
#include "ofp-table-features.h"
#include "xalloc.h"

/* An ERROR carries the request it answers; nesting deeper than this is no
 * real traffic, so it is dumped rather than decoded again. */
#define OFP_PRINT_MAX_NESTING 4

typedef enum ofperr ofp_body_printer(struct odp_text *, const struct ofpmsg *,
				     int verbosity, int depth);

static void print_msg(struct odp_text *, const void *msg, size_t len,
		      int verbosity, int depth);
static enum ofperr print_undecoded(struct odp_text *, const struct ofpmsg *);

static void put_char(struct odp_text *t, char c)
{
	odp_text_printf(t, "%c", c);
}

static void chomp(struct odp_text *t, char c)
{
	if (t->len && t->s[t->len - 1] == c)
		t->s[--t->len] = '\0';
}

static void chomp_all(struct odp_text *t, char c)
{
	while (t->len && t->s[t->len - 1] == c)
		t->s[--t->len] = '\0';
}

static void add_newline(struct odp_text *t)
{
	if (t->len && t->s[t->len - 1] != '\n')
		put_char(t, '\n');
}

/* 16 bytes a line: offset, hex with a '-' after the 8th, then (with
 * 'ascii') the printable characters between bars. */
static void hex_dump(struct odp_text *t, const void *data, size_t size,
		     size_t ofs, bool ascii)
{
	const uint8_t *buf = data;

	while (size > 0) {
		size_t start = ofs % 16, end = 16, i;
		if (end - start > size)
			end = start + size;

		odp_text_printf(t, "%08zx  ", ofs - start);
		for (i = 0; i < start; i++)
			odp_text_printf(t, "   ");
		for (; i < end; i++)
			odp_text_printf(t, "%02x%c", buf[i - start],
					i == 7 ? '-' : ' ');
		if (!ascii) {
			chomp(t, ' ');
			put_char(t, '\n');
			goto next;
		}
		for (; i < 16; i++)
			odp_text_printf(t, "   ");
		put_char(t, '|');
		for (i = 0; i < start; i++)
			put_char(t, ' ');
		for (; i < end; i++) {
			uint8_t c = buf[i - start];
			put_char(t, c >= 32 && c < 127 ? c : '.');
		}
		for (; i < 16; i++)
			put_char(t, ' ');
		odp_text_printf(t, "|\n");
next:
		buf += end - start;
		ofs += end - start;
		size -= end - start;
	}
}

void ofp_print_hex_dump(struct odp_text *t, const void *data, size_t size,
			size_t ofs)
{
	hex_dump(t, data, size, ofs, true);
}

/* The packet dump of PACKET_IN: no character column. */
void ofp_print_hex_dump_plain(struct odp_text *t, const void *data,
			      size_t size)
{
	hex_dump(t, data, size, 0, false);
}

static int hex_value(char c)
{
	if (!isxdigit((unsigned char)c))
		return -1;
	return isdigit((unsigned char)c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* The input side of ofp-print: pairs of hex digits, which spaces, tabs,
 * newlines and dots may separate, appended to 'b'.  Returns where the hex
 * stops ("" if it all was hex). */
const char *ofp_print_parse_hex(struct bytebuf *b, const char *s)
{
	for (;;) {
		s += strspn(s, " .\t\r\n");
		int hi = hex_value(s[0]), lo = hi < 0 ? -1 : hex_value(s[1]);
		if (lo < 0)
			return s;
		bytebuf_put_u8(b, hi << 4 | lo);
		s += 2;
	}
}

/* Text for people (HELLO_FAILED payloads): octal escapes for the rest. */
void ofp_print_printable(struct odp_text *t, const void *data, size_t n)
{
	const uint8_t *p = data;

	for (size_t i = 0; i < n; i++) {
		uint8_t c = p[i];
		if (c < 0x20 || c > 0x7e || c == '\\' || c == '"')
			odp_text_printf(t, "\\%03o", c);
		else
			put_char(t, c);
	}
}

void ofp_print_version_bitmap(struct odp_text *t, uint32_t versions)
{
	const char *sep = "";
	for (unsigned v = 0; v < 32; v++) {
		if (versions & OFP_VERSION_BIT(v)) {
			odp_text_printf(t, "%s0x%02x", sep, v);
			sep = ", ";
		}
	}
}

static void print_header_line(struct odp_text *t, const struct ofpmsg_row *r,
			      uint8_t version, uint32_t xid)
{
	odp_text_printf(t, "%s", r->name);
	if (version != OFP10_VERSION) {
		if (version >= OFP11_VERSION && version <= OFP_MAX_VERSION)
			odp_text_printf(t, " (OF1.%d)", version - 1);
		else
			odp_text_printf(t, " (OF 0x%02x)", version);
	}
	odp_text_printf(t, " (xid=0x%" PRIx32 "):", xid);
}

static void print_decode_error(struct odp_text *t, enum ofperr error)
{
	odp_text_printf(t, "***decode error: %s***\n", ofperr_get_name(error));
}

/* Before 1.3 only replies may say "more". */
static void print_mp_flags(struct odp_text *t, const struct ofpmsg *m)
{
	uint16_t flags = m->mp_flags;

	if (!flags)
		return;
	odp_text_printf(t, " flags=");
	if ((m->row->reply || m->version >= OFP13_VERSION) &&
	    flags & OFPSF_REPLY_MORE) {
		odp_text_printf(t, "[more]");
		flags &= ~OFPSF_REPLY_MORE;
	}
	if (flags)
		odp_text_printf(t, "[***unknown flags 0x%04" PRIx16 "***]",
				flags);
}

static enum ofperr print_hello(struct odp_text *t, const struct ofpmsg *m,
			       int verbosity, int depth)
{
	struct ofp_hello h;

	ofp_hello_decode(m, &h);
	odp_text_printf(t, "\n version bitmap: ");
	ofp_print_version_bitmap(t, h.versions);
	if (!h.clean) {
		odp_text_printf(t, "\n unknown data in hello:\n");
		ofp_print_hex_dump(t, m->body - m->hdr_len,
				   m->hdr_len + m->body_len, 0);
	}
	return 0;
}

/* The error's name, then the text (HELLO_FAILED) or the request it
 * answers, printed tersely. */
static enum ofperr print_error(struct odp_text *t, const struct ofpmsg *m,
			       int verbosity, int depth)
{
	struct ofperr_msg em;
	enum ofperr error = ofperr_decode_msg(m->body - m->hdr_len,
					      m->hdr_len + m->body_len, &em);
	if (error || !em.error)
		return OFPERR_OFPBRC_BAD_LEN;

	odp_text_printf(t, " %s\n", ofperr_get_name(em.error));
	if (em.error == OFPERR_OFPHFC_INCOMPATIBLE ||
	    em.error == OFPERR_OFPHFC_EPERM)
		ofp_print_printable(t, em.data, em.data_len);
	else
		print_msg(t, em.data, em.data_len, 1, depth + 1);
	return 0;
}

static enum ofperr print_echo(struct odp_text *t, const struct ofpmsg *m,
			      int verbosity, int depth)
{
	odp_text_printf(t, " %zu bytes of payload\n", m->body_len);
	if (verbosity > 1)
		ofp_print_hex_dump(t, m->body, m->body_len, 0);
	return 0;
}

/* In the order ovs-ofctl lists them, with the wire bit of each version. */
static const struct {
	const char *name;
	uint32_t bit;
	uint8_t lo, hi;
} capability_names[] = {
	{ "FLOW_STATS", OFPC_FLOW_STATS, OFP10_VERSION, OFP15_VERSION },
	{ "TABLE_STATS", OFPC_TABLE_STATS, OFP10_VERSION, OFP15_VERSION },
	{ "PORT_STATS", OFPC_PORT_STATS, OFP10_VERSION, OFP15_VERSION },
	{ "STP", OFPC10_STP, OFP10_VERSION, OFP10_VERSION },
	{ "GROUP_STATS", OFPC11_GROUP_STATS, OFP11_VERSION, OFP15_VERSION },
	{ "IP_REASM", OFPC_IP_REASM, OFP10_VERSION, OFP15_VERSION },
	{ "QUEUE_STATS", OFPC_QUEUE_STATS, OFP10_VERSION, OFP15_VERSION },
	{ "ARP_MATCH_IP", OFPC_ARP_MATCH_IP, OFP10_VERSION, OFP11_VERSION },
	{ "PORT_BLOCKED", OFPC12_PORT_BLOCKED, OFP12_VERSION, OFP15_VERSION },
	{ "BUNDLES", OFPC14_BUNDLES, OFP14_VERSION, OFP15_VERSION },
	{ "FLOW_MONITORING", OFPC14_FLOW_MONITORING, OFP14_VERSION,
	  OFP15_VERSION },
};

/* OpenFlow 1.0 action bits (OFPAT10_* numbers), as ovs-ofctl names and
 * orders them. */
static const struct {
	const char *name;
	uint8_t bit;
} of10_action_names[] = {
	{ "output", 0 },	 { "enqueue", 11 },	{ "set_vlan_vid", 1 },
	{ "set_vlan_pcp", 2 },	 { "strip_vlan", 3 },	{ "mod_dl_src", 4 },
	{ "mod_dl_dst", 5 },	 { "mod_nw_src", 6 },	{ "mod_nw_dst", 7 },
	{ "mod_nw_tos", 8 },	 { "mod_tp_src", 9 },	{ "mod_tp_dst", 10 },
};

#define N_ELEMS(A) (sizeof (A) / sizeof (A)[0])

static void print_capabilities(struct odp_text *t, uint32_t caps,
			       uint8_t version)
{
	const char *sep = "";

	odp_text_printf(t, "capabilities: ");
	if (!caps)
		odp_text_printf(t, "0");
	for (size_t i = 0; i < N_ELEMS(capability_names); i++) {
		if (caps & capability_names[i].bit &&
		    version >= capability_names[i].lo &&
		    version <= capability_names[i].hi) {
			odp_text_printf(t, "%s%s", sep,
					capability_names[i].name);
			sep = " ";
		}
	}
	put_char(t, '\n');
}

static void print_of10_actions(struct odp_text *t, uint32_t actions)
{
	const char *sep = "actions: ";
	for (size_t i = 0; i < N_ELEMS(of10_action_names); i++) {
		if (actions & (1u << of10_action_names[i].bit)) {
			odp_text_printf(t, "%s%s", sep,
					of10_action_names[i].name);
			sep = " ";
		}
	}
	if (*sep == ' ')
		put_char(t, '\n');
}

/* Names of the set bits, in bit order, 'sep'-separated; bits without a
 * name as one hex number; "0" for none. */
void ofp_print_bit_names(struct odp_text *t, uint32_t bits,
			 const char *(*name)(unsigned bit), char sep)
{
	bool first = true;

	if (!bits)
		odp_text_printf(t, "0");
	for (unsigned bit = 0; bit < 32; bit++) {
		const char *s = bits & (1u << bit) ? name(bit) : NULL;
		if (s) {
			if (!first)
				put_char(t, sep);
			odp_text_printf(t, "%s", s);
			first = false;
			bits &= ~(1u << bit);
		}
	}
	if (bits) {
		if (!first)
			put_char(t, sep);
		odp_text_printf(t, "0x%" PRIx32, bits);
	}
}

static void print_bits(struct odp_text *t, uint32_t bits,
		       const char *(*name)(unsigned bit))
{
	ofp_print_bit_names(t, bits, name, ' ');
	put_char(t, '\n');
}

/* Seconds, then the fraction: none if zero, milliseconds when exact, else
 * as many nanosecond digits as it takes. */
void ofp_print_duration(struct odp_text *t, uint32_t sec, uint32_t nsec)
{
	odp_text_printf(t, "%" PRIu32, sec);
	if (nsec && nsec % 1000000 == 0) {
		odp_text_printf(t, ".%03" PRIu32, nsec / 1000000);
	} else if (nsec) {
		odp_text_printf(t, ".%09" PRIu32, nsec);
		chomp_all(t, '0');
	}
	put_char(t, 's');
}

static const char *port_config_name(unsigned bit)
{
	static const char *const names[] = {
		"PORT_DOWN", "NO_STP", "NO_RECV", "NO_RECV_STP",
		"NO_FLOOD", "NO_FWD", "NO_PACKET_IN",
	};
	return bit < N_ELEMS(names) ? names[bit] : NULL;
}

static const char *port_state_name(unsigned bit)
{
	static const char *const names[] = { "LINK_DOWN", "BLOCKED", "LIVE" };
	return bit < N_ELEMS(names) ? names[bit] : NULL;
}

void ofp_print_port_config(struct odp_text *t, uint32_t config)
{
	print_bits(t, config, port_config_name);
}

void ofp_print_port_features(struct odp_text *t, uint32_t features)
{
	print_bits(t, features, ofp_port_feature_name);
}

/* The 2-bit STP state of 1.0; "listen" (0) is not shown.  As ovs-ofctl
 * does, other state bits follow it without a space. */
static void print_port_state(struct odp_text *t, uint32_t state)
{
	static const char *const stp[] = { NULL, "STP_LEARN", "STP_FORWARD",
					   "STP_BLOCK" };
	uint32_t stp_state = (state & OFPPS_STP_MASK) >> OFPPS_STP_SHIFT;

	if (stp_state) {
		odp_text_printf(t, "%s", stp[stp_state]);
		state &= ~OFPPS_STP_MASK;
		if (!state) {
			put_char(t, '\n');
			return;
		}
	}
	print_bits(t, state, port_state_name);
}

void ofp_print_port_number(struct odp_text *t, uint16_t port)
{
	const char *name = ofp_port_reserved_name(port);
	if (name)
		odp_text_printf(t, "%s", name);
	else
		odp_text_printf(t, "%u", port);
}

static void print_phy_port(struct odp_text *t, const struct ofp_phy_port *pp)
{
	static const struct {
		const char *label;
		size_t ofs;
	} features[] = {
		{ "current:    ", offsetof(struct ofp_phy_port, curr) },
		{ "advertised: ", offsetof(struct ofp_phy_port, advertised) },
		{ "supported:  ", offsetof(struct ofp_phy_port, supported) },
		{ "peer:       ", offsetof(struct ofp_phy_port, peer) },
	};
	const uint8_t *a = pp->hw_addr;
	size_t n = 0;

	while (pp->name[n] >= 0x20 && pp->name[n] < 0x7f)
		n++;
	put_char(t, ' ');
	ofp_print_port_number(t, pp->port_no);
	odp_text_printf(t, "(%.*s): addr:%02x:%02x:%02x:%02x:%02x:%02x\n",
			(int)n, pp->name, a[0], a[1], a[2], a[3], a[4], a[5]);
	odp_text_printf(t, "     config:     ");
	print_bits(t, pp->config, port_config_name);
	odp_text_printf(t, "     state:      ");
	print_port_state(t, pp->state);
	for (size_t i = 0; i < N_ELEMS(features); i++) {
		uint32_t bits;
		memcpy(&bits, (const char *)pp + features[i].ofs, sizeof bits);
		if (bits) {
			odp_text_printf(t, "     %s", features[i].label);
			print_bits(t, bits, ofp_port_feature_name);
		}
	}
	odp_text_printf(t, "     speed: %" PRIu32 " Mbps now, %" PRIu32
			   " Mbps max\n",
			pp->curr_speed / 1000, pp->max_speed / 1000);
}

struct sorted_port {
	struct ofp_phy_port port;
	size_t index;
};

static int compare_ports(const void *a_, const void *b_)
{
	const struct sorted_port *a = a_, *b = b_;

	if (a->port.port_no != b->port.port_no)
		return a->port.port_no < b->port.port_no ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Every port in 'body', in port number order; the ports before a bad one
 * are printed, then its error is returned. */
static enum ofperr print_phy_ports(struct odp_text *t, uint8_t version,
				   const uint8_t *body, size_t len)
{
	struct bytecur c = bytecur_make(body, len);
	struct sorted_port *ports = NULL;
	size_t n = 0, allocated = 0;
	int retval;

	for (;;) {
		ports = xgrow_n(ports, &allocated, n + 1, sizeof *ports);
		retval = ofp_phy_port_pull(version, &c, &ports[n].port);
		if (retval)
			break;
		ports[n].index = n;
		n++;
	}
	qsort(ports, n, sizeof *ports, compare_ports);
	for (size_t i = 0; i < n; i++)
		print_phy_port(t, &ports[i].port);
	free(ports);
	return retval == OFP_PORT_END ? 0 : (enum ofperr)retval;
}

static enum ofperr print_port_status(struct odp_text *t,
				     const struct ofpmsg *m, int verbosity,
				     int depth)
{
	static const char *const reasons[] = { " ADD:", " DEL:", " MOD:" };
	struct bytecur c = bytecur_make(m->body + 8, m->body_len - 8);
	struct ofp_phy_port pp;

	if (m->body[0] >= N_ELEMS(reasons))
		return OFPERR_NXBRC_BAD_REASON;
	int retval = ofp_phy_port_pull(m->version, &c, &pp);
	if (retval)
		return retval == OFP_PORT_END ? OFPERR_OFPBRC_BAD_LEN
					      : (enum ofperr)retval;
	odp_text_printf(t, "%s", reasons[m->body[0]]);
	print_phy_port(t, &pp);
	return 0;
}

static enum ofperr print_port_desc_reply(struct odp_text *t,
					 const struct ofpmsg *m, int verbosity,
					 int depth)
{
	put_char(t, '\n');
	return print_phy_ports(t, m->version, m->body, m->body_len);
}

static enum ofperr print_features(struct odp_text *t, const struct ofpmsg *m,
				  int verbosity, int depth)
{
	struct ofp_switch_features f;
	enum ofperr error = ofp_switch_features_decode(m, &f);
	if (error)
		return error;

	odp_text_printf(t, " dpid:%016" PRIx64 "\n", f.datapath_id);
	odp_text_printf(t, "n_tables:%u, n_buffers:%" PRIu32, f.n_tables,
			f.n_buffers);
	if (f.auxiliary_id)
		odp_text_printf(t, ", auxiliary_id:%u", f.auxiliary_id);
	put_char(t, '\n');
	print_capabilities(t, f.capabilities, m->version);
	print_of10_actions(t, f.actions);
	return print_phy_ports(t, m->version, f.ports, f.ports_len);
}

static enum ofperr print_switch_config(struct odp_text *t,
				       const struct ofpmsg *m, int verbosity,
				       int depth)
{
	struct ofp_switch_config sc;
	enum ofperr error = ofp_switch_config_decode(m, &sc);
	if (error)
		return error;

	odp_text_printf(t, " frags=%s", ofp_frag_to_string(sc.flags));
	if (m->version < OFP13_VERSION &&
	    sc.flags & OFPC_INVALID_TTL_TO_CONTROLLER)
		odp_text_printf(t, " invalid_ttl_to_controller");
	odp_text_printf(t, " miss_send_len=%u\n", sc.miss_send_len);
	return 0;
}

static void print_role_and_generation(struct odp_text *t, enum ofp_role role,
				      uint64_t generation_id)
{
	odp_text_printf(t, " role=%s", ofp_role_to_string(role));
	if (generation_id != UINT64_MAX)
		odp_text_printf(t, " generation_id=%" PRIu64, generation_id);
}

static enum ofperr print_role(struct odp_text *t, const struct ofpmsg *m,
			      int verbosity, int depth)
{
	struct ofp_role_msg rm;
	enum ofperr error = ofp_role_decode(m, &rm);
	if (error)
		return error;

	print_role_and_generation(t, rm.role, rm.have_generation_id
						      ? rm.generation_id
						      : UINT64_MAX);
	return 0;
}

/* Fixed strings of the description reply, each NUL-padded. */
static enum ofperr print_desc_reply(struct odp_text *t, const struct ofpmsg *m,
				    int verbosity, int depth)
{
	static const struct {
		const char *label;
		int len;
	} fields[] = {
		{ "Manufacturer", 256 }, { "Hardware", 256 },
		{ "Software", 256 },	 { "Serial Num", 32 },
		{ "DP Description", 256 },
	};
	const char *p = (const char *)m->body;

	put_char(t, '\n');
	for (size_t i = 0; i < N_ELEMS(fields); i++) {
		odp_text_printf(t, "%s: %.*s\n", fields[i].label, fields[i].len,
				p);
		p += fields[i].len;
	}
	return 0;
}

static uint32_t body_be32(const struct ofpmsg *m, size_t ofs)
{
	const uint8_t *p = m->body + ofs;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint16_t body_be16(const struct ofpmsg *m, size_t ofs)
{
	return (uint16_t)(m->body[ofs] << 8 | m->body[ofs + 1]);
}

static enum ofperr print_flow_mod_table_id(struct odp_text *t,
					   const struct ofpmsg *m,
					   int verbosity, int depth)
{
	odp_text_printf(t, " %s", m->body[0] ? "enable" : "disable");
	return 0;
}

/* NXFF_OPENFLOW10 is 0, NXFF_NXM 2. */
static enum ofperr print_set_flow_format(struct odp_text *t,
					 const struct ofpmsg *m, int verbosity,
					 int depth)
{
	uint32_t format = body_be32(m, 0);
	odp_text_printf(t, " format=%s",
			format == 0 ? "openflow10"
			: format == 2 ? "nxm" : "(unknown)");
	return 0;
}

static enum ofperr print_set_packet_in_format(struct odp_text *t,
					      const struct ofpmsg *m,
					      int verbosity, int depth)
{
	static const char *const names[] = { "standard", "nxt_packet_in",
					     "nxt_packet_in2" };
	uint32_t format = body_be32(m, 0);

	if (format >= N_ELEMS(names))
		return OFPERR_OFPBRC_EPERM;
	odp_text_printf(t, " format=%s", names[format]);
	return 0;
}

/* nx_controller_id: 6 pad bytes, then the id. */
static enum ofperr print_set_controller_id(struct odp_text *t,
					   const struct ofpmsg *m,
					   int verbosity, int depth)
{
	odp_text_printf(t, " id=%u", body_be16(m, 6));
	return 0;
}

/* nx_zone_id: 6 zero bytes, then the zone. */
static enum ofperr print_ct_flush_zone(struct odp_text *t,
				       const struct ofpmsg *m, int verbosity,
				       int depth)
{
	odp_text_printf(t, " zone_id=%u", body_be16(m, 6));
	return 0;
}

static enum ofperr print_flow_monitor_cancel(struct odp_text *t,
					     const struct ofpmsg *m,
					     int verbosity, int depth)
{
	odp_text_printf(t, " id=%" PRIu32, body_be32(m, 0));
	return 0;
}

/* Which reasons of each asynchronous message each role receives.  A
 * request with anything unknown or invalid is refused; a reply is read as
 * far as it makes sense. */
static enum ofperr print_async_config(struct odp_text *t,
				      const struct ofpmsg *m, int verbosity,
				      int depth)
{
	struct ofp_async_config ac;
	enum ofperr error = ofp_async_decode(
		m, m->type == OFPTYPE_GET_ASYNC_REPLY, &ac);
	if (error)
		return error;

	for (int role = OFP_ASYNC_PRIMARY; role <= OFP_ASYNC_SECONDARY;
	     role++) {
		odp_text_printf(t, "\n %s:\n",
				role == OFP_ASYNC_PRIMARY ? "primary"
							  : "secondary");
		for (int msg = 0; msg < OFP_ASYNC_N; msg++) {
			uint32_t mask = ac.masks[msg][role];
			odp_text_printf(t, "%16s:", ofp_async_msg_name(msg));
			for (unsigned bit = 0; bit < 32; bit++) {
				const char *reason =
					ofp_async_reason_name(msg, bit);
				if (mask & (1u << bit) && reason)
					odp_text_printf(t, " %s", reason);
			}
			odp_text_printf(t, "%s\n", mask ? "" : " (off)");
		}
	}
	return 0;
}

static enum ofperr print_role_status(struct odp_text *t,
				     const struct ofpmsg *m, int verbosity,
				     int depth)
{
	struct ofp_role_status rs;
	enum ofperr error = ofp_role_status_decode(m, &rs);
	if (error)
		return error;

	print_role_and_generation(t, rs.role, rs.generation_id);
	odp_text_printf(t, " reason=%s", ofp_role_reason_to_string(rs.reason));
	return 0;
}

/* Messages that have no body at all print just their header line. */
static enum ofperr print_nothing(struct odp_text *t, const struct ofpmsg *m,
				 int verbosity, int depth)
{
	return 0;
}

static ofp_body_printer *const body_printers[OFPTYPE_N] = {
	[OFPTYPE_HELLO] = print_hello,
	[OFPTYPE_ERROR] = print_error,
	[OFPTYPE_ECHO_REQUEST] = print_echo,
	[OFPTYPE_ECHO_REPLY] = print_echo,
	[OFPTYPE_FEATURES_REQUEST] = print_nothing,
	[OFPTYPE_FEATURES_REPLY] = print_features,
	[OFPTYPE_GET_CONFIG_REQUEST] = print_nothing,
	[OFPTYPE_GET_CONFIG_REPLY] = print_switch_config,
	[OFPTYPE_SET_CONFIG] = print_switch_config,
	[OFPTYPE_BARRIER_REQUEST] = print_nothing,
	[OFPTYPE_BARRIER_REPLY] = print_nothing,
	[OFPTYPE_ROLE_REQUEST] = print_role,
	[OFPTYPE_ROLE_REPLY] = print_role,
	[OFPTYPE_NXT_ROLE_REQUEST] = print_role,
	[OFPTYPE_NXT_ROLE_REPLY] = print_role,
	[OFPTYPE_GET_ASYNC_REQUEST] = print_nothing,
	[OFPTYPE_DESC_STATS_REQUEST] = print_nothing,
	[OFPTYPE_TABLE_STATS_REQUEST] = print_nothing,
	[OFPTYPE_NXT_FLOW_AGE] = print_nothing,
	[OFPTYPE_NXT_TLV_TABLE_REQUEST] = print_nothing,
	[OFPTYPE_FLOW_MONITOR_PAUSED] = print_nothing,
	[OFPTYPE_FLOW_MONITOR_RESUMED] = print_nothing,
	[OFPTYPE_METER_FEATURES_STATS_REQUEST] = print_nothing,
	[OFPTYPE_GROUP_FEATURES_STATS_REQUEST] = print_nothing,
	[OFPTYPE_TABLE_DESC_REQUEST] = print_nothing,
	[OFPTYPE_NXST_IPFIX_BRIDGE_REQUEST] = print_nothing,
	[OFPTYPE_NXST_IPFIX_FLOW_REQUEST] = print_nothing,
	[OFPTYPE_DESC_STATS_REPLY] = print_desc_reply,
	[OFPTYPE_NXT_FLOW_MOD_TABLE_ID] = print_flow_mod_table_id,
	[OFPTYPE_NXT_SET_FLOW_FORMAT] = print_set_flow_format,
	[OFPTYPE_NXT_SET_PACKET_IN_FORMAT] = print_set_packet_in_format,
	[OFPTYPE_NXT_SET_CONTROLLER_ID] = print_set_controller_id,
	[OFPTYPE_NXT_CT_FLUSH_ZONE] = print_ct_flush_zone,
	[OFPTYPE_FLOW_MONITOR_CANCEL] = print_flow_monitor_cancel,
	[OFPTYPE_GET_ASYNC_REPLY] = print_async_config,
	[OFPTYPE_SET_ASYNC] = print_async_config,
	[OFPTYPE_NXT_SET_ASYNC_CONFIG] = print_async_config,
	[OFPTYPE_NXT_SET_ASYNC_CONFIG2] = print_async_config,
	[OFPTYPE_ROLE_STATUS] = print_role_status,
	[OFPTYPE_AGGREGATE_STATS_REPLY] = ofp_aggregate_print_reply,
	[OFPTYPE_NXST_AGGREGATE_REPLY] = ofp_aggregate_print_reply,
	[OFPTYPE_PORT_STATUS] = print_port_status,
	[OFPTYPE_PORT_DESC_STATS_REPLY] = print_port_desc_reply,
	[OFPTYPE_PORT_STATS_REQUEST] = ofp_port_stats_print_request,
	[OFPTYPE_PORT_STATS_REPLY] = ofp_port_stats_print_reply,
	[OFPTYPE_QUEUE_STATS_REQUEST] = ofp_queue_stats_print_request,
	[OFPTYPE_QUEUE_STATS_REPLY] = ofp_queue_stats_print_reply,
	[OFPTYPE_METER_MOD] = ofp_meter_print_mod,
	[OFPTYPE_PORT_MOD] = ofp_port_mod_print,
	[OFPTYPE_FLOW_MONITOR_STATS_REQUEST] = ofp_flow_monitor_print_request,
	[OFPTYPE_TABLE_DESC_REPLY] = ofp_table_desc_print_reply,
	[OFPTYPE_TABLE_STATUS] = ofp_table_status_print,
	[OFPTYPE_TABLE_STATS_REPLY] = ofp_table_stats_print_reply,
	[OFPTYPE_REQUESTFORWARD] = ofp_requestforward_print,
	[OFPTYPE_PORT_DESC_STATS_REQUEST] = ofp_port_desc_print_request,
	[OFPTYPE_NXT_TLV_TABLE_MOD] = ofp_tlv_print_mod,
	[OFPTYPE_NXT_TLV_TABLE_REPLY] = ofp_tlv_print_reply,
	[OFPTYPE_PACKET_IN] = ofp_packet_in_print,
	[OFPTYPE_NXT_PACKET_IN] = ofp_packet_in_print,
	[OFPTYPE_NXT_PACKET_IN2] = ofp_packet_in_print,
	[OFPTYPE_NXT_RESUME] = ofp_packet_in_print,
	[OFPTYPE_QUEUE_GET_CONFIG_REQUEST] = ofp_queue_config_print_request,
	[OFPTYPE_QUEUE_GET_CONFIG_REPLY] = ofp_queue_config_print_reply,
	[OFPTYPE_QUEUE_DESC_STATS_REQUEST] = ofp_queue_config_print_request,
	[OFPTYPE_QUEUE_DESC_STATS_REPLY] = ofp_queue_config_print_reply,
	[OFPTYPE_BUNDLE_CONTROL] = ofp_bundle_print_ctrl,
	[OFPTYPE_BUNDLE_ADD_MESSAGE] = ofp_bundle_print_add,
	[OFPTYPE_FLOW_REMOVED] = ofp_flow_removed_print,
	[OFPTYPE_NXT_FLOW_REMOVED] = ofp_flow_removed_print,
	[OFPTYPE_FLOW_MOD] = of_flow_mod_print,
	[OFPTYPE_NXT_FLOW_MOD] = of_flow_mod_print,
	[OFPTYPE_GROUP_STATS_REQUEST] = ofp_group_stats_print_request,
	[OFPTYPE_GROUP_STATS_REPLY] = ofp_group_stats_print_reply,
	[OFPTYPE_GROUP_FEATURES_STATS_REPLY] = ofp_group_features_print_reply,
	[OFPTYPE_TABLE_MOD] = ofp_table_mod_print,
	[OFPTYPE_METER_STATS_REQUEST] = ofp_meter_print_request,
	[OFPTYPE_METER_CONFIG_STATS_REQUEST] = ofp_meter_print_request,
	[OFPTYPE_METER_STATS_REPLY] = ofp_meter_print_stats_reply,
	[OFPTYPE_METER_CONFIG_STATS_REPLY] = ofp_meter_print_config_reply,
	[OFPTYPE_METER_FEATURES_STATS_REPLY] = ofp_meter_print_features_reply,
	[OFPTYPE_FLOW_STATS_REQUEST] = ofp_flow_stats_print_request,
	[OFPTYPE_AGGREGATE_STATS_REQUEST] = ofp_flow_stats_print_request,
	[OFPTYPE_NXST_FLOW_REQUEST] = ofp_flow_stats_print_request,
	[OFPTYPE_NXST_AGGREGATE_REQUEST] = ofp_flow_stats_print_request,
	[OFPTYPE_FLOW_STATS_REPLY] = ofp_flow_stats_print_reply,
	[OFPTYPE_NXST_FLOW_REPLY] = ofp_flow_stats_print_reply,
	[OFPTYPE_PACKET_OUT] = ofp_packet_out_print,
	[OFPTYPE_GROUP_MOD] = ofp_group_mod_print,
	[OFPTYPE_NXT_CT_FLUSH] = ofp_ct_flush_print,
	[OFPTYPE_FLOW_MONITOR_STATS_REPLY] = ofp_flow_update_print_reply,
	[OFPTYPE_TABLE_FEATURES_STATS_REQUEST] = ofp_table_features_print,
	[OFPTYPE_TABLE_FEATURES_STATS_REPLY] = ofp_table_features_print,
	[OFPTYPE_NXST_IPFIX_BRIDGE_REPLY] = ofp_ipfix_print_bridge_reply,
	[OFPTYPE_NXST_IPFIX_FLOW_REPLY] = ofp_ipfix_print_flow_reply,
	[OFPTYPE_GROUP_DESC_STATS_REQUEST] = ofp_group_desc_print_request,
	[OFPTYPE_GROUP_DESC_STATS_REPLY] = ofp_group_desc_print_reply,
};

bool ofp_print_has_body_printer(enum ofptype type)
{
	return (unsigned)type < OFPTYPE_N && body_printers[type];
}

/* A message without its printer yet: the body as a hex dump. */
static enum ofperr print_undecoded(struct odp_text *t, const struct ofpmsg *m)
{
	if (m->body_len) {
		put_char(t, '\n');
		ofp_print_hex_dump(t, m->body, m->body_len, 0);
	}
	return 0;
}

/* A message whose header says it is longer than the bytes we have. */
static void print_truncated(struct odp_text *t, const uint8_t *p, size_t len,
			    unsigned wire_len)
{
	struct ofpmsg m;

	if (!ofpmsg_decode_partial(&m, p, len)) {
		print_header_line(t, m.row, m.version, m.xid);
		put_char(t, '\n');
	}
	odp_text_printf(t, "(***truncated to %zu bytes from %u***)\n", len,
			wire_len);
}

static void print_whole(struct odp_text *t, const uint8_t *p, size_t len,
			int verbosity, int depth)
{
	struct ofpmsg m;
	enum ofperr error = ofpmsg_decode(&m, p, len);

	if (!error) {
		print_header_line(t, m.row, m.version, m.xid);
		size_t header_len = t->len;
		ofp_body_printer *printer = body_printers[m.type];

		if (m.row->kind != OFPMSG_OFPT && m.row->kind != OFPMSG_NXT &&
		    m.row->kind != OFPMSG_ONFT)
			print_mp_flags(t, &m);
		error = !printer ? print_undecoded(t, &m)
			: depth < OFP_PRINT_MAX_NESTING
				? printer(t, &m, verbosity, depth)
				: print_undecoded(t, &m);
		if (error) {
			if (t->len > header_len) {
				chomp(t, ' ');
				add_newline(t);
			} else {
				put_char(t, ' ');
			}
			print_decode_error(t, error);
		} else {
			chomp(t, ' ');
		}
	} else {
		print_decode_error(t, error);
	}
	if (verbosity >= 5 || error) {
		add_newline(t);
		ofp_print_hex_dump(t, p, len, 0);
	}
	add_newline(t);
}

static void print_msg(struct odp_text *t, const void *msg, size_t len,
		      int verbosity, int depth)
{
	const uint8_t *p = msg;

	if (!len) {
		odp_text_printf(t, "OpenFlow message is empty\n");
		return;
	}
	if (len < sizeof(struct ofp_header)) {
		odp_text_printf(t,
				"OpenFlow packet too short (only %zu bytes):\n",
				len);
	} else {
		unsigned wire_len = (unsigned)p[2] << 8 | p[3];
		if (wire_len == len) {
			print_whole(t, p, len, verbosity, depth);
			return;
		}
		if (wire_len > len)
			print_truncated(t, p, len, wire_len);
		else
			odp_text_printf(t,
					"(***only uses %u bytes out of %zu***)\n",
					wire_len, len);
	}
	ofp_print_hex_dump(t, p, len, 0);
}

/* A message inside another (bundle add, request forward), one level
 * deeper than the printer at 'depth'. */
void ofp_print_nested(struct odp_text *t, const void *msg, size_t len,
		      int verbosity, int depth)
{
	print_msg(t, msg, len, verbosity, depth + 1);
}

void ofp_print(struct odp_text *t, const void *msg, size_t len, int verbosity)
{
	print_msg(t, msg, len, verbosity, 0);
}

/* The text for 'msg' as a new string; the caller frees it. */
char *ofp_to_string(const void *msg, size_t len, int verbosity)
{
	struct odp_text t = ODP_TEXT_INIT;

	ofp_print(&t, msg, len, verbosity);
	return t.s ? t.s : xstrdup("");
}
