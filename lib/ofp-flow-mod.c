/* FLOW_MOD in every form: decode with the spec's checks, encode for a
 * protocol. */
#include "ofp-flow-mod.h"

#include <stdio.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-actions.h"
#include "ofp-flow-removed.h"
#include "ofp-version.h"
#include "ofp-wire.h"

#define OFP10_BODY_LEN 64
#define OFP11_BODY_LEN 40
#define NXT_BODY_LEN 32
#define OFPFW10_ALL ((1u << 22) - 1)

/* NXM_NX_COOKIE and NXM_NX_COOKIE_W: class 1, field 30. */
#define NXM_COOKIE_HDR 0x00013c08u
#define NXM_COOKIE_W_HDR 0x00013d10u

/* The wire flags, and the versions that have each. */
static const struct {
	uint16_t wire;
	uint8_t min_version, max_version;
	uint32_t flag;
} flag_table[] = {
	{ 0x01, OFP10_VERSION, OFP15_VERSION, OFP_FF_SEND_FLOW_REM },
	{ 0x02, OFP10_VERSION, OFP15_VERSION, OFP_FF_CHECK_OVERLAP },
	{ 0x04, OFP10_VERSION, OFP10_VERSION, OFP_FF_EMERG },
	{ 0x04, OFP12_VERSION, OFP15_VERSION, OFP_FF_RESET_COUNTS },
	{ 0x08, OFP13_VERSION, OFP15_VERSION, OFP_FF_NO_PKT_COUNTS },
	{ 0x10, OFP13_VERSION, OFP15_VERSION, OFP_FF_NO_BYT_COUNTS },
};

#define N_FLAGS (sizeof flag_table / sizeof flag_table[0])

void of_flow_mod_init(struct of_flow_mod *fm)
{
	memset(fm, 0, sizeof *fm);
	of_match_init_catchall(&fm->match);
	fm->priority = OFP_DEFAULT_PRIORITY;
	fm->command = OFPFC_ADD;
	fm->new_cookie = OFP_COOKIE_NONE;
	fm->table_id = OFP_TABLE_ALL;
	fm->buffer_id = OFP_NO_BUFFER;
	fm->out_port = OFP_PORT_ANY;
	fm->out_group = OFP_GROUP_ANY;
}

static bool in_version(size_t i, uint8_t version)
{
	return version >= flag_table[i].min_version &&
	       version <= flag_table[i].max_version;
}

static enum ofperr decode_flags(uint16_t wire, uint8_t version,
				struct of_flow_mod *fm)
{
	fm->flags = 0;
	for (size_t i = 0; i < N_FLAGS; i++) {
		if (wire & flag_table[i].wire && in_version(i, version)) {
			wire &= ~flag_table[i].wire;
			fm->flags |= flag_table[i].flag;
		}
	}
	/* 1.0 and 1.1 have no flag: there an add resets, nothing else does. */
	if (version <= OFP11_VERSION && fm->command == OFPFC_ADD)
		fm->flags |= OFP_FF_RESET_COUNTS;
	if (wire)
		return OFPERR_OFPFMFC_BAD_FLAGS;
	if (fm->flags & OFP_FF_EMERG)
		return fm->idle_timeout || fm->hard_timeout
			? OFPERR_OFPFMFC_BAD_EMERG_TIMEOUT
			: OFPERR_OFPFMFC_TABLE_FULL;
	return 0;
}

static uint16_t encode_flags(uint32_t flags, uint8_t version)
{
	uint16_t wire = 0;

	for (size_t i = 0; i < N_FLAGS; i++)
		if (flags & flag_table[i].flag && in_version(i, version))
			wire |= flag_table[i].wire;
	return wire;
}

/* 1.0 and NXT put the table id in the command's upper byte. */
static void split_command(uint16_t raw, struct of_flow_mod *fm)
{
	fm->command = raw & 0xff;
	fm->table_id = raw >> 8;
}

static enum ofperr decode10(const struct ofpmsg *m, struct of_flow_mod *fm)
{
	const uint8_t *p = m->body;
	enum ofperr error = of_match_decode_of10(p, OFP10_MATCH_LEN,
						 &fm->match);

	if (error)
		return error;
	fm->new_cookie = ofp_get64(p + 40);
	split_command(ofp_get16(p + 48), fm);
	fm->idle_timeout = ofp_get16(p + 50);
	fm->hard_timeout = ofp_get16(p + 52);
	/* An exact match in 1.0 has the highest priority whatever it says. */
	fm->priority = ofp_get32(p) & OFPFW10_ALL ? ofp_get16(p + 54)
						  : UINT16_MAX;
	fm->buffer_id = ofp_get32(p + 56);
	fm->out_port = of_port_from_of10(ofp_get16(p + 60));
	return 0;
}

/* Copies the NXM entries other than the cookie's into 'rest', taking the
 * cookie into '*cookie' and '*mask'.  Malformed entries are copied for
 * the match decoder to refuse. */
enum ofperr of_nxm_split_cookie(const uint8_t *p, size_t n, uint64_t *cookie,
				uint64_t *mask, struct bytebuf *rest)
{
	while (n >= 4) {
		uint32_t hdr = ofp_get32(p);
		size_t len = 4 + (hdr & 0xff);

		if (len > n)
			break;
		if (hdr == NXM_COOKIE_HDR || hdr == NXM_COOKIE_W_HDR) {
			if (*mask)
				return OFPERR_OFPBMC_DUP_FIELD;
			*mask = hdr == NXM_COOKIE_HDR ? UINT64_MAX
						      : ofp_get64(p + 12);
			*cookie = ofp_get64(p + 4);
			if (*cookie & ~*mask)
				return OFPERR_OFPBMC_BAD_WILDCARDS;
		} else {
			bytebuf_put(rest, p, len);
		}
		p += len;
		n -= len;
	}
	if (n)
		bytebuf_put(rest, p, n);
	return 0;
}

static enum ofperr decode_nxt(const struct ofpmsg *m, struct of_flow_mod *fm,
			      size_t *actions_ofs)
{
	const uint8_t *p = m->body;
	size_t match_len = ofp_get16(p + 24);
	size_t padded = (match_len + 7) / 8 * 8;
	struct bytebuf rest = BYTEBUF_INITIALIZER;

	if (padded > m->body_len - NXT_BODY_LEN)
		return OFPERR_OFPBMC_BAD_LEN;
	enum ofperr error = of_nxm_split_cookie(p + NXT_BODY_LEN, match_len,
					       &fm->cookie, &fm->cookie_mask,
					       &rest);
	if (!error)
		error = of_match_decode_nxm(rest.data, rest.size, &fm->match);
	bytebuf_uninit(&rest);
	if (error)
		return error;
	fm->new_cookie = ofp_get64(p);
	split_command(ofp_get16(p + 8), fm);
	/* An add sets a cookie; it cannot match one. */
	if (fm->command == OFPFC_ADD && fm->cookie_mask)
		return OFPERR_NXBRC_NXM_INVALID;
	fm->idle_timeout = ofp_get16(p + 10);
	fm->hard_timeout = ofp_get16(p + 12);
	fm->priority = ofp_get16(p + 14);
	fm->buffer_id = ofp_get32(p + 16);
	fm->out_port = of_port_from_of10(ofp_get16(p + 20));
	*actions_ofs = NXT_BODY_LEN + padded;
	return 0;
}

static bool is_delete(uint8_t command)
{
	return command == OFPFC_DELETE || command == OFPFC_DELETE_STRICT;
}

static bool is_modify(uint8_t command)
{
	return command == OFPFC_MODIFY || command == OFPFC_MODIFY_STRICT;
}

/* 1.1 and later: cookie(8) cookie_mask(8) table_id(1) command(1) idle(2)
 * hard(2) priority(2) buffer_id(4) out_port(4) out_group(4) flags(2)
 * importance(2), then the match. */
static enum ofperr decode11(const struct ofpmsg *m, struct of_flow_mod *fm,
			    size_t *actions_ofs)
{
	const uint8_t *p = m->body;
	struct bytecur c = bytecur_make(p + OFP11_BODY_LEN,
					m->body_len - OFP11_BODY_LEN);
	enum ofperr error = ofp_match_pull_of11(&c, m->version, &fm->match);
	uint64_t cookie = ofp_get64(p), mask = ofp_get64(p + 8);

	if (error)
		return error;
	*actions_ofs = m->body_len - c.left;
	fm->command = p[17];
	/* 1.1 treats a modify that matches no cookie as a possible add. */
	if (fm->command == OFPFC_ADD ||
	    (m->version == OFP11_VERSION && is_modify(fm->command) && !mask)) {
		fm->new_cookie = cookie;
	} else {
		/* Bits outside the mask do not take part in matching. */
		fm->cookie = cookie & mask;
		fm->cookie_mask = mask;
	}
	fm->table_id = p[16];
	if (fm->table_id == OFP_TABLE_ALL &&
	    (m->version == OFP11_VERSION || !is_delete(fm->command)))
		return OFPERR_OFPFMFC_BAD_TABLE_ID;
	fm->idle_timeout = ofp_get16(p + 18);
	fm->hard_timeout = ofp_get16(p + 20);
	fm->priority = ofp_get16(p + 22);
	fm->buffer_id = ofp_get32(p + 24);
	fm->out_port = ofp_get32(p + 28);
	if (fm->out_port >= 0xff00 && fm->out_port < 0xffffff00)
		return OFPERR_OFPBAC_BAD_OUT_PORT;
	if (is_delete(fm->command))
		fm->out_group = ofp_get32(p + 32);
	if (m->version >= OFP14_VERSION && fm->command == OFPFC_ADD)
		fm->importance = ofp_get16(p + 38);
	return 0;
}

static enum ofperr decode_body(const struct ofpmsg *m, struct of_flow_mod *fm,
			       struct bytebuf *ofpacts)
{
	size_t ofs = OFP10_BODY_LEN;
	uint16_t flags;
	enum ofperr error;

	if (m->type == OFPTYPE_NXT_FLOW_MOD) {
		error = decode_nxt(m, fm, &ofs);
		flags = ofp_get16(m->body + 22);
	} else if (m->version == OFP10_VERSION) {
		error = decode10(m, fm);
		flags = ofp_get16(m->body + 62);
	} else {
		error = decode11(m, fm, &ofs);
		flags = ofp_get16(m->body + 36);
	}
	if (error)
		return error;
	if (fm->command > OFPFC_DELETE_STRICT)
		return OFPERR_OFPFMFC_BAD_COMMAND;

	const uint8_t *acts = m->body + ofs;
	size_t n = m->body_len - ofs;
	error = m->version == OFP10_VERSION
		? ofpacts_decode_actions(acts, n, m->version, ofpacts)
		: ofpacts_decode_instructions(acts, n, m->version, ofpacts);
	return error ? error : decode_flags(flags, m->version, fm);
}

enum ofperr of_flow_mod_decode(const struct ofpmsg *m, struct of_flow_mod *fm,
			       struct bytebuf *ofpacts)
{
	size_t start = ofpacts->size;

	of_flow_mod_init(fm);
	fm->table_id = 0;
	enum ofperr error = decode_body(m, fm, ofpacts);
	if (error) {
		bytebuf_truncate(ofpacts, start);
		return error;
	}
	fm->ofpacts = ofpacts->data ? (const uint8_t *)ofpacts->data + start
		: NULL;
	fm->ofpacts_len = ofpacts->size - start;
	return 0;
}

static uint16_t tid_command(const struct of_flow_mod *fm, bool tid)
{
	return tid ? fm->command | fm->table_id << 8 : fm->command;
}

static uint16_t port_to_of10(uint32_t port)
{
	uint16_t p16;

	return of_port_to_of10(port, &p16) ? p16 : (uint16_t)port;
}

/* The 24 bytes 1.0 and NXT share: cookie(8) command(2) idle(2) hard(2)
 * priority(2) buffer_id(4) out_port(2) flags(2). */
static void put_common10(struct bytebuf *b, const struct of_flow_mod *fm,
			 bool tid, uint16_t flags)
{
	bytebuf_put_be64(b, fm->new_cookie);
	bytebuf_put_be16(b, tid_command(fm, tid));
	bytebuf_put_be16(b, fm->idle_timeout);
	bytebuf_put_be16(b, fm->hard_timeout);
	bytebuf_put_be16(b, fm->priority);
	bytebuf_put_be32(b, fm->buffer_id);
	bytebuf_put_be16(b, port_to_of10(fm->out_port));
	bytebuf_put_be16(b, flags);
}

static void encode10(struct bytebuf *b, const struct of_flow_mod *fm,
		     bool tid, uint16_t flags)
{
	of_match_encode_of10(&fm->match, b);
	put_common10(b, fm, tid, flags);
}

/* The match, then the cookie entry when there is a cookie to match, its
 * length written at 'len_ofs' and padding to 8 after. */
void of_nxm_put_with_cookie(struct bytebuf *b, const struct of_match *match,
			    uint64_t cookie, uint64_t mask, size_t len_ofs)
{
	size_t len = of_match_encode_nxm(match, b);

	if (mask == UINT64_MAX) {
		bytebuf_put_be32(b, NXM_COOKIE_HDR);
		bytebuf_put_be64(b, cookie);
		len += 12;
	} else if (mask) {
		bytebuf_put_be32(b, NXM_COOKIE_W_HDR);
		bytebuf_put_be64(b, cookie & mask);
		bytebuf_put_be64(b, mask);
		len += 20;
	}
	uint8_t *p = bytebuf_at(b, len_ofs, 2);
	p[0] = len >> 8;
	p[1] = len;
	bytebuf_put_zeros(b, (8 - len % 8) % 8);
}

static void encode_nxt(struct bytebuf *b, const struct of_flow_mod *fm,
		       bool tid, uint16_t flags)
{
	size_t head = b->size;

	put_common10(b, fm, tid, flags);
	bytebuf_put_zeros(b, 8);
	of_nxm_put_with_cookie(b, &fm->match, fm->cookie, fm->cookie_mask,
			       head + 24);
}

static void encode11(struct bytebuf *b, const struct of_flow_mod *fm,
		     uint8_t version, uint16_t flags)
{
	bool sets_cookie = fm->command == OFPFC_ADD ||
		(version == OFP11_VERSION && is_modify(fm->command) &&
		 !fm->cookie_mask);
	bool keep_table = fm->table_id != OFP_TABLE_ALL ||
		(version > OFP11_VERSION && is_delete(fm->command));

	bytebuf_put_be64(b, sets_cookie ? fm->new_cookie
			 : fm->cookie & fm->cookie_mask);
	bytebuf_put_be64(b, fm->cookie_mask);
	bytebuf_put_u8(b, keep_table ? fm->table_id : 0);
	bytebuf_put_u8(b, fm->command);
	bytebuf_put_be16(b, fm->idle_timeout);
	bytebuf_put_be16(b, fm->hard_timeout);
	bytebuf_put_be16(b, fm->priority);
	bytebuf_put_be32(b, fm->buffer_id);
	bytebuf_put_be32(b, fm->out_port);
	bytebuf_put_be32(b, fm->out_group);
	bytebuf_put_be16(b, flags);
	bytebuf_put_be16(b, version >= OFP14_VERSION &&
			 fm->command == OFPFC_ADD ? fm->importance : 0);
	if (version == OFP11_VERSION)
		of_match_encode_of11(&fm->match, b);
	else
		of_match_encode_oxm(&fm->match, version, b);
}

/* OpenFlow 1.0 has no action sets: like ovs-ofctl, leave out the
 * instructions that act on one. */
static enum ofperr encode_ofpacts(const struct of_flow_mod *fm,
				  uint8_t version, struct bytebuf *out)
{
	struct bytebuf kept = BYTEBUF_INITIALIZER;
	const struct ofpact *a;

	if (version != OFP10_VERSION)
		return ofpacts_encode_instructions(fm->ofpacts, fm->ofpacts_len,
						   version, out);
	OFPACT_FOR_EACH (a, fm->ofpacts, fm->ofpacts_len)
		if (a->type != OFPACT_WRITE_ACTIONS &&
		    a->type != OFPACT_CLEAR_ACTIONS)
			bytebuf_put(&kept, a, a->len);
	enum ofperr error = ofpacts_encode_instructions(kept.data, kept.size,
							version, out);
	bytebuf_uninit(&kept);
	return error;
}

enum ofperr of_flow_mod_encode(const struct of_flow_mod *fm,
			       enum ofp_protocol protocol, uint32_t xid,
			       struct bytebuf *out)
{
	uint8_t version = ofp_protocol_version(protocol);
	bool nxm = protocol & OFPROTO_NXM_ANY;
	bool tid = protocol & OFPROTO_TID;
	uint16_t flags = encode_flags(fm->flags, version);
	size_t size = out->size;
	size_t start = ofpmsg_start(out, nxm ? OFPTYPE_NXT_FLOW_MOD
				    : OFPTYPE_FLOW_MOD, version, xid);

	if (nxm)
		encode_nxt(out, fm, tid, flags);
	else if (version == OFP10_VERSION)
		encode10(out, fm, tid, flags);
	else
		encode11(out, fm, version, flags);

	enum ofperr error = encode_ofpacts(fm, version, out);
	if (!error && !ofpmsg_finish(out, start))
		error = OFPERR_OFPBRC_BAD_LEN;
	if (error)
		bytebuf_truncate(out, size);
	return error;
}

/* Room left for the header and the largest match: actions shorter than
 * 64 kB less this cannot make a message overflow its length field. */
#define FLOW_MOD_ROOM 8192

/* Whether 'protocol' carries 'fm', given that version's action bytes
 * 'acts_len' (or an error): only a message near 64 kB needs a full trial. */
static bool encodable_in(const struct of_flow_mod *fm, uint32_t protocol,
			 enum ofperr acts_error, size_t acts_len,
			 struct bytebuf *scratch)
{
	if (acts_error)
		return false;
	if (acts_len < UINT16_MAX - FLOW_MOD_ROOM)
		return true;
	bytebuf_clear(scratch);
	return !of_flow_mod_encode(fm, protocol, 0, scratch);
}

uint32_t of_flow_mod_encodable(const struct of_flow_mod *fm,
			       uint32_t protocols)
{
	struct bytebuf scratch = BYTEBUF_INITIALIZER;
	uint32_t ok = 0;

	for (uint8_t v = OFP10_VERSION; v <= OFP15_VERSION; v++) {
		uint32_t mine = protocols &
				ofp_protocols_from_versions(1u << v);
		if (!mine)
			continue;
		bytebuf_clear(&scratch);
		enum ofperr error = encode_ofpacts(fm, v, &scratch);
		size_t len = scratch.size;
		for (uint32_t p = mine; p; p &= p - 1)
			if (encodable_in(fm, p & -p, error, len, &scratch))
				ok |= p & -p;
	}
	bytebuf_uninit(&scratch);
	return ok;
}

const char *of_flow_mod_command_name(uint8_t command, char buf[8])
{
	static const char *const names[] = {
		"ADD", "MOD", "MOD_STRICT", "DEL", "DEL_STRICT",
	};

	if (command < sizeof names / sizeof names[0])
		return names[command];
	snprintf(buf, 8, "cmd:%u", command);
	return buf;
}
