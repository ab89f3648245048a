/* Flow statistics requests and reply entries in every form. */
#include "ofp-flow-stats.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-actions.h"
#include "ofp-flow-mod.h"
#include "ofp-flow-removed.h"
#include "ofp-oxs.h"
#include "ofp-print.h"
#include "ofp-prop-put.h"
#include "ofp-version.h"
#include "ofp-wire.h"

#define OFP10_REQUEST_LEN 44
#define OFP11_REQUEST_LEN 32
#define NXST_REQUEST_LEN 8
#define OFP10_ENTRY_LEN 88
#define OFP11_ENTRY_LEN 48
#define OFP15_ENTRY_LEN 24
#define NXST_ENTRY_LEN 48

void ofp_flow_stats_request_init(struct ofp_flow_stats_request *r)
{
	memset(r, 0, sizeof *r);
	of_match_init_catchall(&r->match);
	r->out_port = OFP_PORT_ANY;
	r->out_group = OFP_GROUP_ANY;
	r->table_id = OFP_TABLE_ALL;
}

static bool is_nxst(enum ofptype type)
{
	return type == OFPTYPE_NXST_FLOW_REQUEST ||
	       type == OFPTYPE_NXST_AGGREGATE_REQUEST ||
	       type == OFPTYPE_NXST_FLOW_REPLY;
}

/* out_port(2) match_len(2) table_id(1) pad(3), then NXM (with the cookie
 * as NXM_NX_COOKIE) padded to 8 and nothing after. */
static enum ofperr decode_nxst_request(const struct ofpmsg *m,
				       struct ofp_flow_stats_request *r)
{
	size_t match_len = ofp_get16(m->body + 2);
	struct bytebuf rest = BYTEBUF_INITIALIZER;

	if ((match_len + 7) / 8 * 8 != m->body_len - NXST_REQUEST_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	enum ofperr error = of_nxm_split_cookie(m->body + NXST_REQUEST_LEN,
						match_len, &r->cookie,
						&r->cookie_mask, &rest);
	if (!error)
		error = of_match_decode_nxm(rest.data, rest.size, &r->match);
	bytebuf_uninit(&rest);
	r->out_port = of_port_from_of10(ofp_get16(m->body));
	r->table_id = m->body[4];
	return error;
}

/* table_id(1) pad(3) out_port(4) out_group(4) pad(4) cookie(8)
 * cookie_mask(8), then the match. */
static enum ofperr decode11_request(const struct ofpmsg *m,
				    struct ofp_flow_stats_request *r)
{
	const uint8_t *p = m->body;
	struct bytecur c = bytecur_make(p + OFP11_REQUEST_LEN,
					m->body_len - OFP11_REQUEST_LEN);

	r->table_id = p[0];
	r->out_port = ofp_get32(p + 4);
	if (r->out_port >= 0xff00 && r->out_port < 0xffffff00)
		return OFPERR_OFPBRC_BAD_PORT;
	r->out_group = ofp_get32(p + 8);
	r->cookie_mask = ofp_get64(p + 24);
	r->cookie = ofp_get64(p + 16) & r->cookie_mask;
	enum ofperr error = ofp_match_pull_of11(&c, m->version, &r->match);
	if (error)
		return error;
	return c.left ? OFPERR_OFPBRC_BAD_LEN : 0;
}

enum ofperr ofp_flow_stats_request_decode(const struct ofpmsg *m,
					  struct ofp_flow_stats_request *r)
{
	ofp_flow_stats_request_init(r);
	if (is_nxst(m->type))
		return decode_nxst_request(m, r);
	if (m->version != OFP10_VERSION)
		return decode11_request(m, r);
	r->table_id = m->body[40];
	r->out_port = of_port_from_of10(ofp_get16(m->body + 42));
	return of_match_decode_of10(m->body, OFP10_MATCH_LEN, &r->match);
}

static uint16_t port16(uint32_t port)
{
	uint16_t p16;

	return of_port_to_of10(port, &p16) ? p16 : (uint16_t)port;
}

void ofp_flow_stats_request_encode(struct bytebuf *b, enum ofptype type,
				   uint8_t version, uint32_t xid,
				   const struct ofp_flow_stats_request *r)
{
	size_t start = ofpmsg_start(b, type, version, xid);
	size_t head = b->size;

	if (is_nxst(type)) {
		bytebuf_put_be16(b, port16(r->out_port));
		bytebuf_put_be16(b, 0);
		bytebuf_put_u8(b, r->table_id);
		bytebuf_put_zeros(b, 3);
		of_nxm_put_with_cookie(b, &r->match, r->cookie, r->cookie_mask,
				       head + 2);
	} else if (version == OFP10_VERSION) {
		of_match_encode_of10(&r->match, b);
		bytebuf_put_u8(b, r->table_id);
		bytebuf_put_u8(b, 0);
		bytebuf_put_be16(b, port16(r->out_port));
	} else {
		bytebuf_put_u8(b, r->table_id);
		bytebuf_put_zeros(b, 3);
		bytebuf_put_be32(b, r->out_port);
		bytebuf_put_be32(b, r->out_group);
		bytebuf_put_zeros(b, 4);
		bytebuf_put_be64(b, r->cookie & r->cookie_mask);
		bytebuf_put_be64(b, r->cookie_mask);
		if (version == OFP11_VERSION)
			of_match_encode_of11(&r->match, b);
		else
			of_match_encode_oxm(&r->match, version, b);
	}
	ofpmsg_finish(b, start);
}

void ofp_format_port32(struct odp_text *t, uint32_t port)
{
	uint16_t p16;

	if (of_port_to_of10(port, &p16))
		ofp_print_port_number(t, p16);
	else
		odp_text_printf(t, "%" PRIu32, port);
}

void ofp_flow_stats_request_format(struct odp_text *t,
				   const struct ofp_flow_stats_request *r)
{
	if (r->table_id != OFP_TABLE_ALL)
		odp_text_printf(t, " table=%u", r->table_id);
	if (r->out_port != OFP_PORT_ANY) {
		odp_text_printf(t, " out_port=");
		ofp_format_port32(t, r->out_port);
	}
	char *match = of_match_format(&r->match);
	odp_text_printf(t, " %s", match);
	free(match);
}

/* Flow flags in 1.3+: the FLOW_MOD bits, RESET_COUNTS in place of 1.0's
 * EMERG. */
static const struct {
	uint16_t wire;
	uint32_t flag;
	const char *name;
} flags13[] = {
	{ 0x01, OFP_FF_SEND_FLOW_REM, "send_flow_rem" },
	{ 0x02, OFP_FF_CHECK_OVERLAP, "check_overlap" },
	{ 0x04, OFP_FF_RESET_COUNTS, "reset_counts" },
	{ 0x08, OFP_FF_NO_PKT_COUNTS, "no_packet_counts" },
	{ 0x10, OFP_FF_NO_BYT_COUNTS, "no_byte_counts" },
};

#define N_FLAGS13 (sizeof flags13 / sizeof flags13[0])

static enum ofperr decode_flags13(uint16_t wire, uint32_t *flags)
{
	*flags = 0;
	for (size_t i = 0; i < N_FLAGS13; i++)
		if (wire & flags13[i].wire)
			*flags |= flags13[i].flag;
	return wire & ~0x1f ? OFPERR_OFPFMFC_BAD_FLAGS : 0;
}

static uint16_t encode_flags13(uint32_t flags)
{
	uint16_t wire = 0;

	for (size_t i = 0; i < N_FLAGS13; i++)
		if (flags & flags13[i].flag)
			wire |= flags13[i].wire;
	return wire;
}

static void init_entry(struct ofp_flow_stats *fs)
{
	memset(fs, 0, sizeof *fs);
	fs->idle_age = OFP_FLOW_AGE_UNKNOWN;
	fs->hard_age = OFP_FLOW_AGE_UNKNOWN;
}

/* length(2) table_id(1) pad(1) match(40) duration(4+4) priority(2)
 * idle(2) hard(2) pad(6) cookie(8) packets(8) bytes(8), then actions. */
static enum ofperr pull10(const uint8_t *p, struct ofp_flow_stats *fs,
			  size_t *acts_ofs)
{
	fs->table_id = p[2];
	fs->duration_sec = ofp_get32(p + 44);
	fs->duration_nsec = ofp_get32(p + 48);
	fs->priority = ofp_get16(p + 52);
	fs->idle_timeout = ofp_get16(p + 54);
	fs->hard_timeout = ofp_get16(p + 56);
	fs->cookie = ofp_get64(p + 64);
	fs->packet_count = ofp_get64(p + 72);
	fs->byte_count = ofp_get64(p + 80);
	*acts_ofs = OFP10_ENTRY_LEN;
	return of_match_decode_of10(p + 4, OFP10_MATCH_LEN, &fs->match);
}

/* The fields 1.1-1.4 and NXST entries keep in the same places. */
static void pull_common(const uint8_t *p, struct ofp_flow_stats *fs)
{
	fs->table_id = p[2];
	fs->duration_sec = ofp_get32(p + 4);
	fs->duration_nsec = ofp_get32(p + 8);
	fs->priority = ofp_get16(p + 12);
	fs->idle_timeout = ofp_get16(p + 14);
	fs->hard_timeout = ofp_get16(p + 16);
	fs->cookie = ofp_get64(p + 24);
	fs->packet_count = ofp_get64(p + 32);
	fs->byte_count = ofp_get64(p + 40);
}

/* length(2) table_id(1) pad(1) duration(4+4) priority(2) idle(2) hard(2)
 * flags(2, 1.3+) importance(2, 1.4+) pad(2) cookie(8) packets(8)
 * bytes(8), then the match and the instructions. */
static enum ofperr pull11(uint8_t version, const uint8_t *p, size_t len,
			  struct ofp_flow_stats *fs, size_t *acts_ofs)
{
	struct bytecur c = bytecur_make(p + OFP11_ENTRY_LEN,
					len - OFP11_ENTRY_LEN);
	enum ofperr error = ofp_match_pull_of11(&c, version, &fs->match);

	if (error)
		return error;
	*acts_ofs = len - c.left;
	pull_common(p, fs);
	if (version >= OFP14_VERSION)
		fs->importance = ofp_get16(p + 20);
	return version >= OFP13_VERSION
		? decode_flags13(ofp_get16(p + 18), &fs->flags) : 0;
}

/* length(2) pad(2) table_id(1) pad(1) priority(2) idle(2) hard(2)
 * flags(2) importance(2) cookie(8), the match, OXS stats, instructions. */
static enum ofperr pull15(const uint8_t *p, size_t len,
			  struct ofp_flow_stats *fs, size_t *acts_ofs)
{
	struct bytecur c = bytecur_make(p + OFP15_ENTRY_LEN,
					len - OFP15_ENTRY_LEN);
	struct ofp_oxs_stats oxs;
	enum ofperr error = ofp_match_pull_of11(&c, OFP15_VERSION, &fs->match);

	if (!error)
		error = ofp_oxs_stat_pull(&c, &oxs);
	if (error)
		return error;
	*acts_ofs = len - c.left;
	fs->table_id = p[4];
	fs->priority = ofp_get16(p + 6);
	fs->idle_timeout = ofp_get16(p + 8);
	fs->hard_timeout = ofp_get16(p + 10);
	fs->importance = ofp_get16(p + 14);
	fs->cookie = ofp_get64(p + 16);
	fs->duration_sec = oxs.duration_sec;
	fs->duration_nsec = oxs.duration_nsec;
	fs->packet_count = oxs.packet_count;
	fs->byte_count = oxs.byte_count;
	if (oxs.present & 1u << OFP_OXS_IDLE_TIME)
		fs->idle_age = (int)(oxs.idle_age & INT32_MAX);
	return decode_flags13(ofp_get16(p + 12), &fs->flags);
}

/* length(2) table_id(1) pad(1) duration(4+4) priority(2) idle(2) hard(2)
 * match_len(2) idle_age(2) hard_age(2) cookie(8) packets(8) bytes(8),
 * NXM padded to 8, actions.  Ages are stored plus one, 0 for unknown. */
static enum ofperr pull_nxst(const uint8_t *p, size_t len,
			     struct ofp_flow_stats *fs, size_t *acts_ofs)
{
	size_t match_len = ofp_get16(p + 18);
	size_t padded = (match_len + 7) / 8 * 8;

	if (padded > len - NXST_ENTRY_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	*acts_ofs = NXST_ENTRY_LEN + padded;
	pull_common(p, fs);
	if (ofp_get16(p + 20))
		fs->idle_age = ofp_get16(p + 20) - 1;
	if (ofp_get16(p + 22))
		fs->hard_age = ofp_get16(p + 22) - 1;
	return of_match_decode_nxm(p + NXST_ENTRY_LEN, match_len, &fs->match);
}

static size_t entry_min_len(enum ofptype type, uint8_t version)
{
	if (type == OFPTYPE_NXST_FLOW_REPLY)
		return NXST_ENTRY_LEN;
	if (version == OFP10_VERSION)
		return OFP10_ENTRY_LEN;
	return version >= OFP15_VERSION ? OFP15_ENTRY_LEN : OFP11_ENTRY_LEN;
}

static enum ofperr pull_fixed(enum ofptype type, uint8_t version,
			      const uint8_t *p, size_t len,
			      struct ofp_flow_stats *fs, size_t *acts_ofs)
{
	if (type == OFPTYPE_NXST_FLOW_REPLY)
		return pull_nxst(p, len, fs, acts_ofs);
	if (version == OFP10_VERSION)
		return pull10(p, fs, acts_ofs);
	if (version >= OFP15_VERSION)
		return pull15(p, len, fs, acts_ofs);
	return pull11(version, p, len, fs, acts_ofs);
}

int ofp_flow_stats_pull(enum ofptype type, uint8_t version,
			struct bytecur *c, struct ofp_flow_stats *fs,
			struct bytebuf *ofpacts)
{
	size_t min = entry_min_len(type, version), ofs = 0;

	init_entry(fs);
	if (!c->left)
		return -1;
	if (c->left < min)
		return OFPERR_OFPBRC_BAD_LEN;

	const uint8_t *p = c->p;
	size_t len = ofp_get16(p);
	if (len < min || len > c->left)
		return OFPERR_OFPBRC_BAD_LEN;
	enum ofperr error = pull_fixed(type, version, p, len, fs, &ofs);
	if (error)
		return error;

	size_t start = ofpacts->size;
	error = version == OFP10_VERSION
		? ofpacts_decode_actions(p + ofs, len - ofs, version, ofpacts)
		: ofpacts_decode_instructions(p + ofs, len - ofs, version,
					      ofpacts);
	if (error) {
		bytebuf_truncate(ofpacts, start);
		return error;
	}
	bytecur_take(c, len);
	fs->ofpacts = ofpacts->data ? (const uint8_t *)ofpacts->data + start
				    : NULL;
	fs->ofpacts_len = ofpacts->size - start;
	return 0;
}

static void put10(struct bytebuf *b, const struct ofp_flow_stats *fs)
{
	bytebuf_put_u8(b, fs->table_id);
	bytebuf_put_u8(b, 0);
	of_match_encode_of10(&fs->match, b);
	bytebuf_put_be32(b, fs->duration_sec);
	bytebuf_put_be32(b, fs->duration_nsec);
	bytebuf_put_be16(b, fs->priority);
	bytebuf_put_be16(b, fs->idle_timeout);
	bytebuf_put_be16(b, fs->hard_timeout);
	bytebuf_put_zeros(b, 6);
	bytebuf_put_be64(b, fs->cookie);
	bytebuf_put_be64(b, fs->packet_count);
	bytebuf_put_be64(b, fs->byte_count);
}

/* table_id(1) pad(1) duration(4+4) priority(2) idle(2) hard(2): the
 * head 1.1-1.4 and NXST share after the length. */
static void put_head(struct bytebuf *b, const struct ofp_flow_stats *fs)
{
	bytebuf_put_u8(b, fs->table_id);
	bytebuf_put_u8(b, 0);
	bytebuf_put_be32(b, fs->duration_sec);
	bytebuf_put_be32(b, fs->duration_nsec);
	bytebuf_put_be16(b, fs->priority);
	bytebuf_put_be16(b, fs->idle_timeout);
	bytebuf_put_be16(b, fs->hard_timeout);
}

static void put11(struct bytebuf *b, uint8_t version,
		  const struct ofp_flow_stats *fs)
{
	put_head(b, fs);
	bytebuf_put_be16(b, version >= OFP13_VERSION
			 ? encode_flags13(fs->flags) : 0);
	bytebuf_put_be16(b, version >= OFP14_VERSION ? fs->importance : 0);
	bytebuf_put_zeros(b, 2);
	bytebuf_put_be64(b, fs->cookie);
	bytebuf_put_be64(b, fs->packet_count);
	bytebuf_put_be64(b, fs->byte_count);
	if (version == OFP11_VERSION)
		of_match_encode_of11(&fs->match, b);
	else
		of_match_encode_oxm(&fs->match, version, b);
}

static void put15(struct bytebuf *b, const struct ofp_flow_stats *fs)
{
	struct ofp_oxs_stats oxs = {
		.duration_sec = fs->duration_sec,
		.duration_nsec = fs->duration_nsec,
		.idle_age = fs->idle_age < 0 ? 0 : (uint32_t)fs->idle_age,
		.packet_count = fs->packet_count,
		.byte_count = fs->byte_count,
	};
	uint8_t fields = 1u << OFP_OXS_DURATION | 1u << OFP_OXS_PACKET_COUNT |
			 1u << OFP_OXS_BYTE_COUNT;

	if (fs->idle_age >= 0)
		fields |= 1u << OFP_OXS_IDLE_TIME;
	bytebuf_put_zeros(b, 2);
	bytebuf_put_u8(b, fs->table_id);
	bytebuf_put_u8(b, 0);
	bytebuf_put_be16(b, fs->priority);
	bytebuf_put_be16(b, fs->idle_timeout);
	bytebuf_put_be16(b, fs->hard_timeout);
	bytebuf_put_be16(b, encode_flags13(fs->flags));
	bytebuf_put_be16(b, fs->importance);
	bytebuf_put_be64(b, fs->cookie);
	of_match_encode_oxm(&fs->match, OFP15_VERSION, b);
	ofp_oxs_stat_put(b, &oxs, fields);
}

static uint16_t age16(int age)
{
	return age < 0 ? 0 : age >= UINT16_MAX ? UINT16_MAX : age + 1;
}

static void put_nxst(struct bytebuf *b, size_t head,
		     const struct ofp_flow_stats *fs)
{
	put_head(b, fs);
	bytebuf_put_be16(b, 0);
	bytebuf_put_be16(b, age16(fs->idle_age));
	bytebuf_put_be16(b, age16(fs->hard_age));
	bytebuf_put_be64(b, fs->cookie);
	bytebuf_put_be64(b, fs->packet_count);
	bytebuf_put_be64(b, fs->byte_count);
	ofp_match_put_nxm(b, &fs->match, head + 18);
}

enum ofperr ofp_flow_stats_put(struct bytebuf *b, enum ofptype type,
			       uint8_t version,
			       const struct ofp_flow_stats *fs)
{
	size_t head = b->size;
	enum ofperr error;

	bytebuf_put_be16(b, 0);
	if (type == OFPTYPE_NXST_FLOW_REPLY)
		put_nxst(b, head, fs);
	else if (version == OFP10_VERSION)
		put10(b, fs);
	else if (version >= OFP15_VERSION)
		put15(b, fs);
	else
		put11(b, version, fs);

	error = ofpacts_encode_instructions(fs->ofpacts, fs->ofpacts_len,
					    version, b);
	if (!error && b->size - head > UINT16_MAX)
		error = OFPERR_OFPBRC_BAD_LEN;
	if (error) {
		bytebuf_truncate(b, head);
		return error;
	}
	ofp_put_len16(b, head, b->size - head);
	return 0;
}

static void format_flags(struct odp_text *t, uint32_t flags)
{
	for (size_t i = 0; i < N_FLAGS13; i++)
		if (flags & flags13[i].flag)
			odp_text_printf(t, "%s ", flags13[i].name);
}

void ofp_flow_stats_format(struct odp_text *t, const struct ofp_flow_stats *fs)
{
	odp_text_printf(t, "cookie=0x%" PRIx64 ", duration=", fs->cookie);
	ofp_print_duration(t, fs->duration_sec, fs->duration_nsec);
	odp_text_printf(t, ", table=%u, n_packets=", fs->table_id);
	if (fs->packet_count != UINT64_MAX)
		odp_text_printf(t, "%" PRIu64, fs->packet_count);
	else
		odp_text_printf(t, "?");
	odp_text_printf(t, ", n_bytes=");
	if (fs->byte_count != UINT64_MAX)
		odp_text_printf(t, "%" PRIu64, fs->byte_count);
	else
		odp_text_printf(t, "?");
	odp_text_printf(t, ", ");
	if (fs->idle_timeout)
		odp_text_printf(t, "idle_timeout=%u, ", fs->idle_timeout);
	if (fs->hard_timeout)
		odp_text_printf(t, "hard_timeout=%u, ", fs->hard_timeout);
	format_flags(t, fs->flags);
	if (fs->importance)
		odp_text_printf(t, "importance=%u, ", fs->importance);
	if (fs->idle_age >= 0)
		odp_text_printf(t, "idle_age=%d, ", fs->idle_age);
	if (fs->hard_age >= 0 && (uint32_t)fs->hard_age != fs->duration_sec)
		odp_text_printf(t, "hard_age=%d, ", fs->hard_age);

	char *match = ofp_match_format_with_priority(&fs->match, fs->priority);
	odp_text_printf(t, "%s%sactions=", match, *match ? " " : "");
	free(match);
	ofpacts_format(t, fs->ofpacts, fs->ofpacts_len);
}

OFP_BODY_PRINTER(ofp_flow_stats_print_request)
{
	struct ofp_flow_stats_request r;
	enum ofperr error = ofp_flow_stats_request_decode(m, &r);

	if (!error)
		ofp_flow_stats_request_format(t, &r);
	return error;
}

OFP_BODY_PRINTER(ofp_flow_stats_print_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_flow_stats fs;
	int retval;

	while (!(retval = ofp_flow_stats_pull(m->type, m->version, &c, &fs,
					      &ofpacts))) {
		odp_text_printf(t, "\n ");
		ofp_flow_stats_format(t, &fs);
		bytebuf_clear(&ofpacts);
	}
	bytebuf_uninit(&ofpacts);
	return retval < 0 ? 0 : retval;
}
