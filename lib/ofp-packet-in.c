/* PACKET_IN in every form. */
#include "ofp-packet-in.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-flow-removed.h"
#include "ofp-port.h"
#include "ofp-port-stats.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-prop.h"
#include "ofp-version.h"
#include "ofp-wire.h"

/* NXT_PACKET_IN2 property types. */
enum {
	NXPINT_PACKET,
	NXPINT_FULL_LEN,
	NXPINT_BUFFER_ID,
	NXPINT_TABLE_ID,
	NXPINT_COOKIE,
	NXPINT_REASON,
	NXPINT_METADATA,
	NXPINT_USERDATA,
	NXPINT_CONTINUATION,
};

static void set_in_port(struct of_match *m, uint16_t port)
{
	mf_set_u64(MFF_IN_PORT, of_port_from_of10(port), UINT64_MAX, m);
}

/* 1.0: buffer_id(4) total_len(2) in_port(2) reason(1) pad(1) data. */
static enum ofperr decode10(const struct ofpmsg *m, struct ofp_packet_in *pin)
{
	const uint8_t *p = m->body;

	pin->buffer_id = ofp_get32(p);
	pin->total_len = ofp_get16(p + 4);
	set_in_port(&pin->metadata, ofp_get16(p + 6));
	pin->reason = p[8];
	pin->packet = p + 10;
	pin->packet_len = m->body_len - 10;
	return 0;
}

/* 1.1: buffer_id(4) in_port(4) in_phy_port(4) total_len(2) reason(1)
 * table_id(1) data. */
static enum ofperr decode11(const struct ofpmsg *m, struct ofp_packet_in *pin)
{
	const uint8_t *p = m->body;
	uint16_t port;

	pin->buffer_id = ofp_get32(p);
	enum ofperr error = ofp_port_from_ofp11(ofp_get32(p + 4), &port);
	if (error)
		return error;
	set_in_port(&pin->metadata, port);
	pin->total_len = ofp_get16(p + 12);
	pin->reason = p[14];
	pin->table_id = p[15];
	pin->packet = p + 16;
	pin->packet_len = m->body_len - 16;
	return 0;
}

/* The two pad bytes after the match, then the frame. */
static enum ofperr take_frame(struct bytecur *c, struct ofp_packet_in *pin)
{
	if (!bytecur_take(c, 2))
		return OFPERR_OFPBRC_BAD_LEN;
	pin->packet = c->p;
	pin->packet_len = c->left;
	return 0;
}

/* 1.2: buffer_id(4) total_len(2) reason(1) table_id(1); 1.3+ add
 * cookie(8); then an OXM match, pad(2), data. */
static enum ofperr decode12(const struct ofpmsg *m, struct ofp_packet_in *pin)
{
	const uint8_t *p = m->body;
	size_t head = m->version >= OFP13_VERSION ? 16 : 8;
	struct bytecur c = bytecur_make(p + head, m->body_len - head);

	pin->buffer_id = ofp_get32(p);
	pin->total_len = ofp_get16(p + 4);
	pin->reason = p[6];
	pin->table_id = p[7];
	if (head == 16)
		pin->cookie = ofp_get64(p + 8);
	enum ofperr error = of_match_decode_oxm(&c, m->version,
						&pin->metadata);
	return error ? error : take_frame(&c, pin);
}

/* buffer_id(4) total_len(2) reason(1) table_id(1) cookie(8) match_len(2)
 * pad(6), NXM padded to 8, pad(2), data. */
static enum ofperr decode_nxt(const struct ofpmsg *m,
			      struct ofp_packet_in *pin)
{
	const uint8_t *p = m->body;
	size_t match_len = ofp_get16(p + 16);
	size_t padded = (match_len + 7) / 8 * 8;
	struct bytecur c = bytecur_make(p + 24, m->body_len - 24);

	pin->buffer_id = ofp_get32(p);
	pin->total_len = ofp_get16(p + 4);
	pin->reason = p[6];
	pin->table_id = p[7];
	pin->cookie = ofp_get64(p + 8);
	if (!bytecur_take(&c, padded))
		return OFPERR_OFPBMC_BAD_LEN;
	enum ofperr error = of_match_decode_nxm(p + 24, match_len,
						&pin->metadata);
	return error ? error : take_frame(&c, pin);
}

/* A property's value: 'len' bytes after its header ('ofs' 4, or 8 for
 * 64-bit values), exactly. */
static const uint8_t *prop_value(const struct ofp_prop *prop, size_t ofs,
				 size_t len, bool exact)
{
	if (exact ? prop->len != ofs + len : prop->len < ofs + len)
		return NULL;
	return prop->data + ofs;
}

static enum ofperr take_prop2(const struct ofp_prop *prop, bool loose,
			      struct ofp_packet_in *pin)
{
	const uint8_t *v = prop->data + 4;
	size_t n = prop->len - 4;

	switch (prop->type) {
	case NXPINT_PACKET:
		pin->packet = v;
		pin->packet_len = n;
		return 0;
	case NXPINT_FULL_LEN:
		if (!(v = prop_value(prop, 4, 4, true)))
			return OFPERR_OFPBPC_BAD_LEN;
		pin->total_len = ofp_get32(v);
		return 0;
	case NXPINT_BUFFER_ID:
		if (!(v = prop_value(prop, 4, 4, true)))
			return OFPERR_OFPBPC_BAD_LEN;
		pin->buffer_id = ofp_get32(v);
		return 0;
	case NXPINT_TABLE_ID:
	case NXPINT_REASON:
		if (!(v = prop_value(prop, 4, 1, false)))
			return OFPERR_OFPBPC_BAD_LEN;
		*(prop->type == NXPINT_TABLE_ID ? &pin->table_id
						 : &pin->reason) = *v;
		return 0;
	case NXPINT_COOKIE:
		if (!(v = prop_value(prop, 8, 8, true)))
			return OFPERR_OFPBPC_BAD_LEN;
		pin->cookie = ofp_get64(v);
		return 0;
	case NXPINT_METADATA:
		/* Bare TLVs, which the NXM decoder reads in either class. */
		return of_match_decode_nxm(v, n, &pin->metadata);
	case NXPINT_USERDATA:
		pin->userdata = v;
		pin->userdata_len = n;
		return 0;
	case NXPINT_CONTINUATION:
		pin->continuation = v;
		pin->continuation_len = n;
		return 0;
	default:
		return loose ? 0 : OFPERR_OFPBPC_BAD_TYPE;
	}
}

/* Properties only; a packet is required, and the full length defaults to
 * the packet's and may not be shorter. */
static enum ofperr decode_nxt2(const struct ofpmsg *m, bool loose,
			       struct ofp_packet_in *pin)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);

	pin->total_len = 0;
	while (c.left) {
		struct ofp_prop prop;
		enum ofperr error = ofp_prop_pull(&c, 0xffff, &prop);
		if (!error)
			error = take_prop2(&prop, loose, pin);
		if (error)
			return error;
	}
	if (!pin->packet_len)
		return OFPERR_OFPBRC_BAD_LEN;
	if (!pin->total_len)
		pin->total_len = pin->packet_len;
	return pin->total_len < pin->packet_len ? OFPERR_OFPBRC_BAD_LEN : 0;
}

/* 'loose' skips unknown NXT_PACKET_IN2 properties, as a printer may. */
enum ofperr ofp_packet_in_decode(const struct ofpmsg *m, bool loose,
				 struct ofp_packet_in *pin)
{
	memset(pin, 0, sizeof *pin);
	pin->cookie = OFP_NO_COOKIE;
	pin->buffer_id = OFP_NO_BUFFER;
	of_match_init_catchall(&pin->metadata);
	switch (m->type) {
	case OFPTYPE_NXT_PACKET_IN:
		return decode_nxt(m, pin);
	case OFPTYPE_NXT_PACKET_IN2:
	case OFPTYPE_NXT_RESUME:
		return decode_nxt2(m, loose, pin);
	default:
		return m->version == OFP10_VERSION   ? decode10(m, pin)
		       : m->version == OFP11_VERSION ? decode11(m, pin)
						     : decode12(m, pin);
	}
}

static uint16_t in_port16(const struct ofp_packet_in *pin)
{
	uint16_t port = OFPP_ANY;
	of_port_to_of10(mf_get_u64(MFF_IN_PORT, &pin->metadata, NULL), &port);
	return port;
}

static void put_prop(struct bytebuf *b, uint16_t type, const void *data,
		     size_t len, size_t ofs)
{
	bytebuf_put_be16(b, type);
	bytebuf_put_be16(b, ofs + len);
	bytebuf_put_zeros(b, ofs - 4);
	bytebuf_put(b, data, len);
	bytebuf_put_zeros(b, (8 - (ofs + len) % 8) % 8);
}

static void put_be32_prop(struct bytebuf *b, uint16_t type, uint32_t v)
{
	uint8_t x[4] = { v >> 24, v >> 16, v >> 8, v };
	put_prop(b, type, x, 4, 4);
}

static void encode_nxt2(struct bytebuf *b, const struct ofp_packet_in *pin)
{
	struct bytebuf md = BYTEBUF_INITIALIZER;

	put_prop(b, NXPINT_PACKET, pin->packet, pin->packet_len, 4);
	if (pin->total_len != pin->packet_len)
		put_be32_prop(b, NXPINT_FULL_LEN, pin->total_len);
	if (pin->buffer_id != OFP_NO_BUFFER)
		put_be32_prop(b, NXPINT_BUFFER_ID, pin->buffer_id);
	if (pin->table_id)
		put_prop(b, NXPINT_TABLE_ID, &pin->table_id, 1, 4);
	if (pin->cookie != OFP_NO_COOKIE) {
		uint8_t x[8];
		for (int i = 0; i < 8; i++)
			x[i] = pin->cookie >> (56 - 8 * i);
		put_prop(b, NXPINT_COOKIE, x, 8, 8);
	}
	put_prop(b, NXPINT_REASON, &pin->reason, 1, 4);
	/* The TLVs of an OXM match, without its header and padding. */
	of_match_encode_oxm(&pin->metadata, OFP15_VERSION, &md);
	put_prop(b, NXPINT_METADATA, md.data + 4,
		 ofp_get16(md.data + 2) - 4, 4);
	bytebuf_uninit(&md);
	if (pin->userdata_len)
		put_prop(b, NXPINT_USERDATA, pin->userdata, pin->userdata_len,
			 4);
	if (pin->continuation_len)
		put_prop(b, NXPINT_CONTINUATION, pin->continuation,
			 pin->continuation_len, 4);
}

static void encode_nxt(struct bytebuf *b, const struct ofp_packet_in *pin)
{
	size_t head = b->size;

	bytebuf_put_be32(b, pin->buffer_id);
	bytebuf_put_be16(b, pin->total_len);
	bytebuf_put_u8(b, pin->reason);
	bytebuf_put_u8(b, pin->table_id);
	bytebuf_put_be64(b, pin->cookie);
	bytebuf_put_zeros(b, 8);
	ofp_match_put_nxm(b, &pin->metadata, head + 16);
	bytebuf_put_zeros(b, 2);
}

static void encode_std(struct bytebuf *b, uint8_t version,
		       const struct ofp_packet_in *pin)
{
	bytebuf_put_be32(b, pin->buffer_id);
	if (version == OFP11_VERSION) {
		uint32_t port = ofp_port_to_ofp11(in_port16(pin));
		bytebuf_put_be32(b, port);
		bytebuf_put_be32(b, port);
	}
	bytebuf_put_be16(b, pin->total_len);
	if (version == OFP10_VERSION) {
		bytebuf_put_be16(b, in_port16(pin));
		bytebuf_put_u8(b, pin->reason);
		bytebuf_put_zeros(b, 1);
		return;
	}
	bytebuf_put_u8(b, pin->reason);
	bytebuf_put_u8(b, pin->table_id);
	if (version == OFP11_VERSION)
		return;
	if (version >= OFP13_VERSION)
		bytebuf_put_be64(b, pin->cookie);
	of_match_encode_oxm(&pin->metadata, version, b);
	bytebuf_put_zeros(b, 2);
}

void ofp_packet_in_encode(struct bytebuf *b, enum ofptype type,
			  uint8_t version, uint32_t xid,
			  const struct ofp_packet_in *pin)
{
	size_t start = ofpmsg_start(b, type, version, xid);

	if (type == OFPTYPE_NXT_PACKET_IN2 || type == OFPTYPE_NXT_RESUME) {
		encode_nxt2(b, pin);
	} else {
		if (type == OFPTYPE_NXT_PACKET_IN)
			encode_nxt(b, pin);
		else
			encode_std(b, version, pin);
		bytebuf_put(b, pin->packet, pin->packet_len);
	}
	ofpmsg_finish(b, start);
}

/* Reasons 6 and 7 are ovs-vswitchd's own kinds of miss, shown empty. */
const char *ofp_packet_in_reason_name(uint8_t reason, char buf[4])
{
	static const char *const names[] = {
		"no_match", "action", "invalid_ttl", "action_set",
		"group", "packet_out", "", "",
	};
	if (reason < sizeof names / sizeof names[0])
		return names[reason];
	snprintf(buf, 4, "%u", reason);
	return buf;
}

OFP_BODY_PRINTER(ofp_packet_in_print)
{
	struct ofp_packet_in pin;
	enum ofperr error = ofp_packet_in_decode(m, true, &pin);
	char buf[4];

	if (error)
		return error;
	if (pin.table_id)
		odp_text_printf(t, " table_id=%u", pin.table_id);
	if (pin.cookie != OFP_NO_COOKIE)
		odp_text_printf(t, " cookie=0x%" PRIx64, pin.cookie);
	char *md = of_match_format(&pin.metadata);
	odp_text_printf(t, " total_len=%zu %s (via %s) data_len=%zu",
			pin.total_len, md,
			ofp_packet_in_reason_name(pin.reason, buf),
			pin.packet_len);
	free(md);
	if (pin.buffer_id == OFP_NO_BUFFER) {
		odp_text_printf(t, " (unbuffered)");
		if (pin.total_len != pin.packet_len)
			odp_text_printf(t, " (***total_len != data_len***)");
	} else {
		odp_text_printf(t, " buffer=0x%08" PRIx32, pin.buffer_id);
		if (pin.total_len < pin.packet_len)
			odp_text_printf(t, " (***total_len < data_len***)");
	}
	odp_text_printf(t, "\n");
	if (pin.userdata_len) {
		odp_text_printf(t, " userdata=");
		for (size_t i = 0; i < pin.userdata_len; i++)
			odp_text_printf(t, "%s%02x", i ? "." : "",
					pin.userdata[i]);
		odp_text_printf(t, "\n");
	}
	ofp_packet_format(t, pin.packet, pin.packet_len);
	if (verbosity > 2)
		ofp_print_hex_dump_plain(t, pin.packet, pin.packet_len);
	return 0;
}
