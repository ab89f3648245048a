/* FLOW_REMOVED in every form. */
#include "ofp-flow-removed.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-oxs.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-version.h"
#include "ofp-wire.h"
#include "xalloc.h"

#define OFPMT_STANDARD 0
#define OFPMT_OXM 1

/* An OpenFlow 1.1+ match of either type: the 88-byte standard match or an
 * OXM match, whichever its type field names. */
enum ofperr ofp_match_pull_of11(struct bytecur *c, uint8_t version,
				struct of_match *match)
{
	if (c->left < 4)
		return OFPERR_OFPBMC_BAD_LEN;
	switch (ofp_get16(c->p)) {
	case OFPMT_STANDARD:
		if (ofp_get16(c->p + 2) != OFP11_MATCH_LEN ||
		    c->left < OFP11_MATCH_LEN)
			return OFPERR_OFPBMC_BAD_LEN;
		return of_match_decode_of11(bytecur_take(c, OFP11_MATCH_LEN),
					    OFP11_MATCH_LEN, match);
	case OFPMT_OXM:
		return of_match_decode_oxm(c, version, match);
	default:
		return OFPERR_OFPBMC_BAD_TYPE;
	}
}

/* 1.0: match(40) cookie(8) priority(2) reason(1) pad(1) duration(4+4)
 * idle(2) pad(2) packets(8) bytes(8). */
static enum ofperr decode10(const uint8_t *p, struct ofp_flow_removed *fr)
{
	fr->cookie = ofp_get64(p + 40);
	fr->priority = ofp_get16(p + 48);
	fr->reason = p[50];
	fr->duration_sec = ofp_get32(p + 52);
	fr->duration_nsec = ofp_get32(p + 56);
	fr->idle_timeout = ofp_get16(p + 60);
	fr->packet_count = ofp_get64(p + 64);
	fr->byte_count = ofp_get64(p + 72);
	return of_match_decode_of10(p, OFP10_MATCH_LEN, &fr->match);
}

/* The 40-byte head that 1.1-1.4 and NXT share: cookie(8) priority(2)
 * reason(1) table_id(1) duration(4+4) idle(2) hard_or_match_len(2)
 * packets(8) bytes(8). */
static void decode_head(const uint8_t *p, struct ofp_flow_removed *fr)
{
	fr->cookie = ofp_get64(p);
	fr->priority = ofp_get16(p + 8);
	fr->reason = p[10];
	fr->table_id = p[11];
	fr->duration_sec = ofp_get32(p + 12);
	fr->duration_nsec = ofp_get32(p + 16);
	fr->idle_timeout = ofp_get16(p + 20);
	fr->packet_count = ofp_get64(p + 24);
	fr->byte_count = ofp_get64(p + 32);
}

/* NXT: the head, then match_len bytes of NXM padded to 8, and nothing
 * after.  Table ids are 1-based there, 0 meaning none. */
static enum ofperr decode_nxt(const struct ofpmsg *m,
			      struct ofp_flow_removed *fr)
{
	size_t match_len = ofp_get16(m->body + 22);
	size_t padded = (match_len + 7) / 8 * 8;

	decode_head(m->body, fr);
	fr->table_id = fr->table_id ? fr->table_id - 1 : 255;
	if (padded > m->body_len - 40)
		return OFPERR_OFPBMC_BAD_LEN;
	enum ofperr error = of_match_decode_nxm(m->body + 40, match_len,
						&fr->match);
	if (error)
		return error;
	return padded != m->body_len - 40 ? OFPERR_OFPBRC_BAD_LEN : 0;
}

/* 1.5: table_id(1) reason(1) priority(2) idle(2) hard(2) cookie(8),
 * match, OXS statistics. */
static enum ofperr decode15(const struct ofpmsg *m,
			    struct ofp_flow_removed *fr)
{
	const uint8_t *p = m->body;
	struct bytecur c = bytecur_make(p + 16, m->body_len - 16);
	struct ofp_oxs_stats oxs;

	fr->table_id = p[0];
	fr->reason = p[1];
	fr->priority = ofp_get16(p + 2);
	fr->idle_timeout = ofp_get16(p + 4);
	fr->hard_timeout = ofp_get16(p + 6);
	fr->cookie = ofp_get64(p + 8);
	enum ofperr error = ofp_match_pull_of11(&c, m->version, &fr->match);
	if (!error)
		error = ofp_oxs_stat_pull(&c, &oxs);
	if (error)
		return error;
	fr->duration_sec = oxs.duration_sec;
	fr->duration_nsec = oxs.duration_nsec;
	fr->packet_count = oxs.packet_count;
	fr->byte_count = oxs.byte_count;
	return 0;
}

enum ofperr ofp_flow_removed_decode(const struct ofpmsg *m,
				    struct ofp_flow_removed *fr)
{
	memset(fr, 0, sizeof *fr);
	fr->table_id = 255;
	if (m->type == OFPTYPE_NXT_FLOW_REMOVED)
		return decode_nxt(m, fr);
	if (m->version == OFP10_VERSION)
		return decode10(m->body, fr);
	if (m->version >= OFP15_VERSION)
		return decode15(m, fr);

	struct bytecur c = bytecur_make(m->body + 40, m->body_len - 40);
	decode_head(m->body, fr);
	fr->hard_timeout = ofp_get16(m->body + 22);
	return ofp_match_pull_of11(&c, m->version, &fr->match);
}

/* An NXM match padded to 8 bytes, its unpadded length written at
 * 'len_ofs' (a 16-bit field of the structure it follows). */
void ofp_match_put_nxm(struct bytebuf *b, const struct of_match *match,
		       size_t len_ofs)
{
	size_t len = of_match_encode_nxm(match, b);
	uint8_t *p = bytebuf_at(b, len_ofs, 2);

	p[0] = len >> 8;
	p[1] = len;
	bytebuf_put_zeros(b, (8 - len % 8) % 8);
}

static void put_head(struct bytebuf *b, const struct ofp_flow_removed *fr,
		     uint8_t table_id, uint16_t hard_or_len)
{
	bytebuf_put_be64(b, fr->cookie);
	bytebuf_put_be16(b, fr->priority);
	bytebuf_put_u8(b, fr->reason);
	bytebuf_put_u8(b, table_id);
	bytebuf_put_be32(b, fr->duration_sec);
	bytebuf_put_be32(b, fr->duration_nsec);
	bytebuf_put_be16(b, fr->idle_timeout);
	bytebuf_put_be16(b, hard_or_len);
	bytebuf_put_be64(b, fr->packet_count);
	bytebuf_put_be64(b, fr->byte_count);
}

static void encode_nxt(struct bytebuf *b, const struct ofp_flow_removed *fr)
{
	size_t head = b->size;

	put_head(b, fr, fr->table_id == 255 ? 0 : fr->table_id + 1, 0);
	ofp_match_put_nxm(b, &fr->match, head + 22);
}

static void encode10(struct bytebuf *b, const struct ofp_flow_removed *fr)
{
	of_match_encode_of10(&fr->match, b);
	bytebuf_put_be64(b, fr->cookie);
	bytebuf_put_be16(b, fr->priority);
	bytebuf_put_u8(b, fr->reason);
	bytebuf_put_zeros(b, 1);
	bytebuf_put_be32(b, fr->duration_sec);
	bytebuf_put_be32(b, fr->duration_nsec);
	bytebuf_put_be16(b, fr->idle_timeout);
	bytebuf_put_zeros(b, 2);
	bytebuf_put_be64(b, fr->packet_count);
	bytebuf_put_be64(b, fr->byte_count);
}

static void encode15(struct bytebuf *b, const struct ofp_flow_removed *fr)
{
	struct ofp_oxs_stats oxs = {
		.duration_sec = fr->duration_sec,
		.duration_nsec = fr->duration_nsec,
		.packet_count = fr->packet_count,
		.byte_count = fr->byte_count,
	};

	bytebuf_put_u8(b, fr->table_id);
	bytebuf_put_u8(b, fr->reason);
	bytebuf_put_be16(b, fr->priority);
	bytebuf_put_be16(b, fr->idle_timeout);
	bytebuf_put_be16(b, fr->hard_timeout);
	bytebuf_put_be64(b, fr->cookie);
	of_match_encode_oxm(&fr->match, OFP15_VERSION, b);
	ofp_oxs_stat_put(b, &oxs, 1u << OFP_OXS_DURATION |
					  1u << OFP_OXS_PACKET_COUNT |
					  1u << OFP_OXS_BYTE_COUNT);
}

/* 1.1 carries the standard match, 1.2-1.4 OXM. */
void ofp_flow_removed_encode(struct bytebuf *b, enum ofptype type,
			     uint8_t version, uint32_t xid,
			     const struct ofp_flow_removed *fr)
{
	size_t start = ofpmsg_start(b, type, version, xid);

	if (type == OFPTYPE_NXT_FLOW_REMOVED) {
		encode_nxt(b, fr);
	} else if (version == OFP10_VERSION) {
		encode10(b, fr);
	} else if (version >= OFP15_VERSION) {
		encode15(b, fr);
	} else {
		put_head(b, fr, fr->table_id, fr->hard_timeout);
		if (version == OFP11_VERSION)
			of_match_encode_of11(&fr->match, b);
		else
			of_match_encode_oxm(&fr->match, version, b);
	}
	ofpmsg_finish(b, start);
}

const char *ofp_flow_removed_reason_name(uint8_t reason, char buf[4])
{
	static const char *const names[] = {
		"idle", "hard", "delete", "group_delete", "meter_delete",
		"eviction",
	};
	if (reason < sizeof names / sizeof names[0])
		return names[reason];
	snprintf(buf, 4, "%u", reason);
	return buf;
}

/* The match as ovs-ofctl prints it, led by "priority=N" unless N is the
 * default; the caller frees the result. */
char *ofp_match_format_with_priority(const struct of_match *match,
				     uint16_t priority)
{
	char *s = of_match_format(match);

	if (priority == OFP_DEFAULT_PRIORITY)
		return s;
	char *r = xasprintf(*s ? "priority=%u,%s" : "priority=%u%s", priority,
			    s);
	free(s);
	return r;
}

OFP_BODY_PRINTER(ofp_flow_removed_print)
{
	struct ofp_flow_removed fr;
	enum ofperr error = ofp_flow_removed_decode(m, &fr);
	char buf[4];

	if (error)
		return error;
	char *match = ofp_match_format_with_priority(&fr.match, fr.priority);
	odp_text_printf(t, " %s reason=%s", match,
			ofp_flow_removed_reason_name(fr.reason, buf));
	free(match);
	if (fr.table_id != 255)
		odp_text_printf(t, " table_id=%u", fr.table_id);
	if (fr.cookie)
		odp_text_printf(t, " cookie:0x%" PRIx64, fr.cookie);
	odp_text_printf(t, " duration");
	ofp_print_duration(t, fr.duration_sec, fr.duration_nsec);
	odp_text_printf(t, " idle%u", fr.idle_timeout);
	if (fr.hard_timeout)
		odp_text_printf(t, " hard%u", fr.hard_timeout);
	odp_text_printf(t, " pkts%" PRIu64 " bytes%" PRIu64 "\n",
			fr.packet_count, fr.byte_count);
	return 0;
}
