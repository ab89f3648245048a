/* PACKET_OUT in every version, and its ovs-ofctl text. */
#include "ofp-packet-out.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-actions.h"
#include "ofp-packet-in.h"
#include "ofp-port.h"
#include "ofp-print.h"
#include "ofp-prop-put.h"
#include "ofp-version.h"
#include "ofp-wire.h"
#include "xalloc.h"

#define OFP10_BODY_LEN 8
#define OFP11_BODY_LEN 16
#define OFP15_BODY_LEN 8
#define NO_BUFFER 0xffffffffu
#define ETH_HEADER_LEN 14

void ofp_packet_out_init(struct ofp_packet_out *po)
{
	memset(po, 0, sizeof *po);
	po->buffer_id = NO_BUFFER;
	of_match_init_catchall(&po->match);
	ofp_packet_out_set_in_port(po, of_port_from_of10(OFPP_CONTROLLER));
}

uint32_t ofp_packet_out_in_port(const struct ofp_packet_out *po)
{
	return mf_get_u64(MFF_IN_PORT, &po->match, NULL);
}

void ofp_packet_out_set_in_port(struct ofp_packet_out *po, uint32_t port)
{
	mf_set_u64(MFF_IN_PORT, port, UINT64_MAX, &po->match);
}

/* The metadata a packet can arrive with, which is all a 1.5 PACKET_OUT
 * may set. */
static bool is_pipeline_field(enum mf_field_id id)
{
	return (id >= MFF_TUN_ID && id <= MFF_TUN_GBP_FLAGS &&
		id != MFF_TUN_TTL && id != MFF_TUN_TOS) ||
	       id == MFF_METADATA || id == MFF_IN_PORT ||
	       id == MFF_PACKET_TYPE ||
	       (id >= MFF_REG0 && id <= MFF_XXREG3);
}

static bool only_pipeline_fields(const struct of_match *m)
{
	for (enum mf_field_id id = 0; id < MFF_N_IDS; id++)
		if (!is_pipeline_field(id) && !mf_is_wild(mf_from_id(id), m))
			return false;
	return true;
}

/* Any other field but in_port, which only 1.5 can carry. */
static bool has_more_than_in_port(const struct of_match *m)
{
	for (enum mf_field_id id = 0; id < MFF_N_IDS; id++)
		if (id != MFF_IN_PORT && id != MFF_PACKET_TYPE &&
		    !mf_is_wild(mf_from_id(id), m))
			return true;
	return false;
}

/* Physical ports, LOCAL, NONE and CONTROLLER; 'port' 1.1+ numbering. */
static bool valid_in_port(uint32_t port)
{
	uint16_t p16;

	if (!of_port_to_of10(port, &p16))
		return false;
	return p16 < OFPP_MAX || p16 == OFPP_LOCAL || p16 == OFPP_ANY ||
	       p16 == OFPP_CONTROLLER;
}

/* The fields of an OXM match, before the match decoder checks their
 * prerequisites: a PACKET_OUT may name metadata only.  Malformed entries
 * are left for the decoder. */
static bool oxm_pipeline_only(const uint8_t *p, size_t n, uint8_t version)
{
	size_t len = n >= 4 ? ofp_get16(p + 2) : 0;

	if (len < 4 || len > n)
		return true;
	for (p += 4, len -= 4; len >= 4; ) {
		uint16_t cls = ofp_get16(p);
		size_t tlv = 4 + p[3];
		uint32_t exp = cls == 0xffff && len >= 8 ? ofp_get32(p + 4) : 0;
		const struct mf_field *mf = mf_from_header(cls, p[2] >> 1, exp,
							   version);

		if (tlv > len)
			break;
		if (mf && !is_pipeline_field(mf->id))
			return false;
		p += tlv;
		len -= tlv;
	}
	return true;
}

static enum ofperr decode_head(const struct ofpmsg *m,
			       struct ofp_packet_out *po, size_t *acts_ofs,
			       size_t *acts_len)
{
	const uint8_t *p = m->body;

	po->buffer_id = ofp_get32(p);
	if (m->version == OFP10_VERSION) {
		ofp_packet_out_set_in_port(po,
					   of_port_from_of10(ofp_get16(p + 4)));
		*acts_len = ofp_get16(p + 6);
		*acts_ofs = OFP10_BODY_LEN;
		return 0;
	}
	if (m->version < OFP15_VERSION) {
		uint32_t port = ofp_get32(p + 4);
		if (port >= OFPP_MAX && port < 0xffffff00u)
			return OFPERR_OFPBAC_BAD_OUT_PORT;
		ofp_packet_out_set_in_port(po, port);
		*acts_len = ofp_get16(p + 8);
		*acts_ofs = OFP11_BODY_LEN;
		return 0;
	}

	struct bytecur c = bytecur_make(p + OFP15_BODY_LEN,
					m->body_len - OFP15_BODY_LEN);
	of_match_init_catchall(&po->match);
	if (!oxm_pipeline_only(c.p, c.left, m->version))
		return OFPERR_OFPBRC_PIPELINE_FIELDS_ONLY;
	enum ofperr error = of_match_decode_oxm(&c, m->version, &po->match);
	if (error)
		return error;
	if (mf_is_wild(mf_from_id(MFF_IN_PORT), &po->match))
		return OFPERR_OFPBRC_BAD_PORT;
	*acts_len = ofp_get16(p + 4);
	*acts_ofs = m->body_len - c.left;
	return 0;
}

static enum ofperr decode_body(const struct ofpmsg *m,
			       struct ofp_packet_out *po,
			       struct bytebuf *ofpacts)
{
	size_t ofs = 0, len = 0;
	enum ofperr error = decode_head(m, po, &ofs, &len);

	if (error)
		return error;
	if (len > m->body_len - ofs)
		return OFPERR_OFPBRC_BAD_LEN;
	if (!valid_in_port(ofp_packet_out_in_port(po)))
		return OFPERR_OFPBRC_BAD_PORT;
	error = ofpacts_decode_actions(m->body + ofs, len, m->version,
				       ofpacts);
	if (error)
		return error;
	if (po->buffer_id == NO_BUFFER) {
		po->packet = m->body + ofs + len;
		po->packet_len = m->body_len - ofs - len;
	}
	return 0;
}

enum ofperr ofp_packet_out_decode(const struct ofpmsg *m,
				  struct ofp_packet_out *po,
				  struct bytebuf *ofpacts)
{
	size_t start = ofpacts->size;

	ofp_packet_out_init(po);
	enum ofperr error = decode_body(m, po, ofpacts);
	if (error) {
		bytebuf_truncate(ofpacts, start);
		return error;
	}
	po->ofpacts = ofpacts->data ? (const uint8_t *)ofpacts->data + start
				    : NULL;
	po->ofpacts_len = ofpacts->size - start;
	return 0;
}

enum ofperr ofp_packet_out_encode(const struct ofp_packet_out *po,
				  uint8_t version, uint32_t xid,
				  struct bytebuf *out)
{
	uint32_t in_port = ofp_packet_out_in_port(po);
	size_t len_ofs;

	if (version < OFP15_VERSION && has_more_than_in_port(&po->match))
		return OFPERR_OFPBMC_BAD_FIELD;
	if (version >= OFP15_VERSION && !only_pipeline_fields(&po->match))
		return OFPERR_OFPBRC_PIPELINE_FIELDS_ONLY;

	size_t start = ofpmsg_start(out, OFPTYPE_PACKET_OUT, version, xid);
	bytebuf_put_be32(out, po->buffer_id);
	if (version == OFP10_VERSION) {
		uint16_t p16 = 0;
		of_port_to_of10(in_port, &p16);
		bytebuf_put_be16(out, p16 ? p16 : (uint16_t)in_port);
		len_ofs = out->size;
		bytebuf_put_be16(out, 0);
	} else if (version < OFP15_VERSION) {
		bytebuf_put_be32(out, in_port);
		len_ofs = out->size;
		bytebuf_put_zeros(out, 8);
	} else {
		len_ofs = out->size;
		bytebuf_put_zeros(out, 4);
		of_match_encode_oxm(&po->match, version, out);
	}

	size_t acts = out->size;
	enum ofperr error = ofpacts_encode_actions(po->ofpacts,
						   po->ofpacts_len, version,
						   out);
	if (error) {
		bytebuf_truncate(out, start);
		return error;
	}
	ofp_put_len16(out, len_ofs, out->size - acts);
	if (po->buffer_id == NO_BUFFER && po->packet_len)
		bytebuf_put(out, po->packet, po->packet_len);
	if (!ofpmsg_finish(out, start)) {
		bytebuf_truncate(out, start);
		return OFPERR_OFPBRC_BAD_LEN;
	}
	return 0;
}

/* "(NS,TYPE)" or "NS,TYPE" with the parentheses. */
static char *parse_packet_type(const char *value, struct of_match *m)
{
	char *end;
	const char *s = value + (*value == '(');
	unsigned long ns = strtoul(s, &end, 0);

	if (end == s || *end != ',')
		return xasprintf("packet_type(%s) can't be interpreted", value);
	s = end + 1;
	unsigned long type = strtoul(s, &end, 0);
	if (end == s || ns > UINT16_MAX || type > UINT16_MAX ||
	    strcmp(end, *value == '(' ? ")" : ""))
		return xasprintf("packet_type(%s) can't be interpreted", value);
	mf_set_u64(MFF_PACKET_TYPE, ns << 16 | type, UINT64_MAX, m);
	return NULL;
}

static char *parse_packet(const char *value, struct bytebuf *packet)
{
	size_t start = packet->size;

	if (*ofp_print_parse_hex(packet, value)) {
		bytebuf_truncate(packet, start);
		return xstrdup("packet: Trailing garbage in packet data");
	}
	if (packet->size - start < ETH_HEADER_LEN) {
		bytebuf_truncate(packet, start);
		return xstrdup("packet: Packet data too short for Ethernet");
	}
	return NULL;
}

static char *parse_field(const char *name, const char *value,
			 struct of_match *m)
{
	const struct mf_field *mf = mf_from_name(name, strlen(name));
	union mf_value v, mask;
	bool masked;

	if (!mf)
		return xasprintf("unknown keyword %s", name);
	char *error = mf_parse_value(mf, value, &v, &mask, &masked);
	if (error && mf->id == MFF_IN_PORT) {
		free(error);
		return xasprintf("%s is not a valid OpenFlow port", value);
	}
	if (error)
		return error;
	if (mf->id == MFF_IN_PORT) {
		mf_set(mf, &v, NULL, m);
		if (!valid_in_port(ofp_get32(v.u8)))
			return xasprintf("%s is not a valid OpenFlow port for "
					 "PACKET_OUT", value);
		return NULL;
	}
	mf_set(mf, &v, masked ? &mask : NULL, m);
	if (!is_pipeline_field(mf->id))
		return xasprintf("%s is not a valid pipeline field for "
				 "PACKET_OUT", name);
	return NULL;
}

static char *parse_item(char *item, struct ofp_packet_out *po,
			struct bytebuf *packet)
{
	char *value = strchr(item, '=');

	if (!value || !value[1])
		return xasprintf("field %s missing value",
				 value ? (*value = '\0', item) : item);
	*value++ = '\0';
	if (!strcmp(item, "packet"))
		return parse_packet(value, packet);
	if (!strcmp(item, "packet_type"))
		return parse_packet_type(value, &po->match);
	return parse_field(item, value, &po->match);
}

/* Items before "actions=" split at commas outside parentheses. */
static char *parse_items(char *s, struct ofp_packet_out *po,
			 struct bytebuf *packet)
{
	while (*s) {
		int depth = 0;
		char *end = s;

		for (; *end && (depth || *end != ','); end++)
			depth += (*end == '(') - (*end == ')');
		char saved = *end;
		*end = '\0';
		char *error = *s ? parse_item(s, po, packet) : NULL;
		if (error)
			return error;
		s = saved ? end + 1 : end;
	}
	return NULL;
}

char *ofp_packet_out_parse(const char *text, struct ofp_packet_out *po,
			   struct bytebuf *ofpacts, struct bytebuf *packet)
{
	size_t acts_start = ofpacts->size, pkt_start = packet->size;
	char *s = xstrdup(text), *acts = strstr(s, "action");
	char *error;

	ofp_packet_out_init(po);
	if (acts) {
		*acts = '\0';
		acts = strchr(acts + 1, '=');
		acts = acts ? acts + 1 : NULL;
	}
	error = parse_items(s, po, packet);
	if (!error && packet->size == pkt_start)
		error = xstrdup("must specify packet");
	if (!error && acts)
		error = ofpacts_parse(acts, ofpacts);
	free(s);
	if (error) {
		bytebuf_truncate(ofpacts, acts_start);
		bytebuf_truncate(packet, pkt_start);
		return error;
	}
	po->ofpacts = ofpacts->data ? (const uint8_t *)ofpacts->data +
				      acts_start : NULL;
	po->ofpacts_len = ofpacts->size - acts_start;
	po->packet = (const uint8_t *)packet->data + pkt_start;
	po->packet_len = packet->size - pkt_start;
	return NULL;
}

void ofp_packet_out_format(struct odp_text *t, const struct ofp_packet_out *po,
			   uint8_t version, int verbosity)
{
	struct of_match shown = po->match;
	uint64_t mask;

	/* Ethernet is the default packet type, which ovs-ofctl leaves out. */
	if (!mf_get_u64(MFF_PACKET_TYPE, &shown, &mask) && mask == UINT32_MAX)
		mf_set_wild(mf_from_id(MFF_PACKET_TYPE), &shown);
	char *match = of_match_format(&shown);
	odp_text_printf(t, " %s actions=", match);
	free(match);
	ofpacts_format(t, po->ofpacts, po->ofpacts_len);
	if (po->buffer_id != NO_BUFFER) {
		odp_text_printf(t, " buffer=0x%08" PRIx32, po->buffer_id);
		return;
	}
	odp_text_printf(t, " data_len=%zu", po->packet_len);
	if (verbosity > 0 && po->packet_len) {
		odp_text_printf(t, "\n");
		ofp_packet_format(t, po->packet, po->packet_len);
	}
	if (verbosity > 2)
		ofp_print_hex_dump_plain(t, po->packet, po->packet_len);
}

OFP_BODY_PRINTER(ofp_packet_out_print)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_packet_out po;
	enum ofperr error = ofp_packet_out_decode(m, &po, &ofpacts);

	if (!error)
		ofp_packet_out_format(t, &po, m->version, verbosity);
	bytebuf_uninit(&ofpacts);
	return error;
}
