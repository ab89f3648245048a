/* Flow monitor updates in the Nicira/ONF and OpenFlow 1.4 layouts. */
#include "ofp-flow-update.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-actions.h"
#include "ofp-flow-removed.h"
#include "ofp-prop-put.h"
#include "ofp-version.h"
#include "ofp-wire.h"

#define UPDATE_HEADER_LEN 4
#define UPDATE_SHORT_LEN 8	/* ABBREV, PAUSED, RESUMED. */
#define UPDATE_FULL_LEN 24

/* The Nicira events, in OpenFlow 1.4 numbering by index. */
static const uint16_t nx_events[] = {
	OFPFME_ADDED, OFPFME_REMOVED, OFPFME_MODIFIED, OFPFME_ABBREV,
};

#define N_NX_EVENTS (sizeof nx_events / sizeof nx_events[0])

static bool nicira_form(uint8_t version)
{
	return version < OFP14_VERSION;
}

static bool full_event(uint16_t event)
{
	return event <= OFPFME_MODIFIED;
}

/* Nicira: length(2) event(2) reason(2) priority(2) idle(2) hard(2)
 * match_len(2) table_id(1) pad(1) cookie(8), an NXM match padded to 8
 * (1.0-1.2) or an OXM match (1.3), then the actions or instructions. */
static enum ofperr pull_nx_full(uint8_t version, const uint8_t *p,
				size_t len, struct ofp_flow_update *u,
				size_t *acts_ofs)
{
	size_t match_len = ofp_get16(p + 12);

	if (UPDATE_FULL_LEN + match_len > len)
		return OFPERR_OFPBRC_BAD_LEN;
	u->reason = ofp_get16(p + 4);
	u->priority = ofp_get16(p + 6);
	u->idle_timeout = ofp_get16(p + 8);
	u->hard_timeout = ofp_get16(p + 10);
	u->table_id = p[14];
	u->cookie = ofp_get64(p + 16);
	if (version >= OFP13_VERSION) {
		struct bytecur c = bytecur_make(p + UPDATE_FULL_LEN,
						len - UPDATE_FULL_LEN);
		enum ofperr error = ofp_match_pull_of11(&c, version,
							&u->match);
		*acts_ofs = len - c.left;
		return error;
	}
	size_t padded = (match_len + 7) / 8 * 8;
	if (padded > len - UPDATE_FULL_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	*acts_ofs = UPDATE_FULL_LEN + padded;
	return of_match_decode_nxm(p + UPDATE_FULL_LEN, match_len, &u->match);
}

/* 1.4: length(2) event(2) table_id(1) reason(1) idle(2) hard(2)
 * priority(2) zeros(4) cookie(8), an OXM match, instructions. */
static enum ofperr pull14_full(uint8_t version, const uint8_t *p, size_t len,
			       struct ofp_flow_update *u, size_t *acts_ofs)
{
	struct bytecur c = bytecur_make(p + UPDATE_FULL_LEN,
					len - UPDATE_FULL_LEN);

	u->table_id = p[4];
	u->reason = p[5];
	u->idle_timeout = ofp_get16(p + 6);
	u->hard_timeout = ofp_get16(p + 8);
	u->priority = ofp_get16(p + 10);
	u->cookie = ofp_get64(p + 16);
	enum ofperr error = ofp_match_pull_of11(&c, version, &u->match);
	*acts_ofs = len - c.left;
	return error;
}

/* The event in 1.4 numbering, or -1 if the form has no such event. */
static int event_of(uint8_t version, uint16_t wire)
{
	if (!nicira_form(version))
		return wire <= OFPFME_RESUMED ? wire : -1;
	return wire < N_NX_EVENTS ? nx_events[wire] : -1;
}

static enum ofperr pull_actions(uint8_t version, const uint8_t *p, size_t n,
				struct bytebuf *ofpacts)
{
	return version < OFP13_VERSION
		? ofpacts_decode_actions(p, n, version, ofpacts)
		: ofpacts_decode_instructions(p, n, version, ofpacts);
}

static enum ofperr pull_body(uint8_t version, const uint8_t *p, size_t len,
			     struct ofp_flow_update *u,
			     struct bytebuf *ofpacts)
{
	size_t ofs = 0;
	enum ofperr error;

	if (!full_event(u->event)) {
		if (len != UPDATE_SHORT_LEN)
			return OFPERR_OFPBRC_BAD_LEN;
		if (u->event == OFPFME_ABBREV)
			u->xid = ofp_get32(p + 4);
		return 0;
	}
	if (len < UPDATE_FULL_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	error = nicira_form(version) ? pull_nx_full(version, p, len, u, &ofs)
				     : pull14_full(version, p, len, u, &ofs);
	if (error)
		return error;
	return pull_actions(version, p + ofs, len - ofs, ofpacts);
}

int ofp_flow_update_pull(uint8_t version, struct bytecur *c,
			 struct ofp_flow_update *u, struct bytebuf *ofpacts)
{
	const uint8_t *p = c->p;
	size_t start = ofpacts->size;

	memset(u, 0, sizeof *u);
	of_match_init_catchall(&u->match);
	if (!c->left)
		return -1;
	if (c->left < UPDATE_HEADER_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	size_t len = ofp_get16(p);
	if (len > c->left || len % 8)
		return OFPERR_OFPBRC_BAD_LEN;
	int event = event_of(version, ofp_get16(p + 2));
	if (event < 0)
		return OFPERR_NXBRC_FM_BAD_EVENT;
	u->event = event;

	enum ofperr error = pull_body(version, p, len, u, ofpacts);
	if (error) {
		bytebuf_truncate(ofpacts, start);
		return error;
	}
	bytecur_take(c, len);
	u->ofpacts = ofpacts->data ? (const uint8_t *)ofpacts->data + start
				   : NULL;
	u->ofpacts_len = ofpacts->size - start;
	return 0;
}

static int wire_event(uint8_t version, uint16_t event)
{
	if (!nicira_form(version))
		return event;
	for (size_t i = 0; i < N_NX_EVENTS; i++)
		if (nx_events[i] == event)
			return i;
	return -1;
}

static void put_full_head(struct bytebuf *b, uint8_t version,
			  const struct ofp_flow_update *u)
{
	if (nicira_form(version)) {
		bytebuf_put_be16(b, u->reason);
		bytebuf_put_be16(b, u->priority);
		bytebuf_put_be16(b, u->idle_timeout);
		bytebuf_put_be16(b, u->hard_timeout);
		bytebuf_put_be16(b, 0);
		bytebuf_put_u8(b, u->table_id);
		bytebuf_put_u8(b, 0);
	} else {
		bytebuf_put_u8(b, u->table_id);
		bytebuf_put_u8(b, u->reason);
		bytebuf_put_be16(b, u->idle_timeout);
		bytebuf_put_be16(b, u->hard_timeout);
		bytebuf_put_be16(b, u->priority);
		bytebuf_put_zeros(b, 4);
	}
	bytebuf_put_be64(b, u->cookie);
}

enum ofperr ofp_flow_update_put(struct bytebuf *b, uint8_t version,
				const struct ofp_flow_update *u)
{
	size_t head = b->size;
	int event = wire_event(version, u->event);
	enum ofperr error = 0;

	if (event < 0)
		return OFPERR_NXBRC_FM_BAD_EVENT;
	bytebuf_put_be16(b, 0);
	bytebuf_put_be16(b, event);
	if (!full_event(u->event)) {
		bytebuf_put_be32(b, u->event == OFPFME_ABBREV ? u->xid : 0);
	} else {
		put_full_head(b, version, u);
		if (version >= OFP13_VERSION) {
			size_t m = b->size;
			of_match_encode_oxm(&u->match, version, b);
			if (nicira_form(version)) {
				/* The ONF form gives the OXM length too. */
				ofp_put_len16(b, head + 12, ofp_get16(
					bytebuf_at(b, m + 2, 2)));
			}
			error = ofpacts_encode_instructions(
				u->ofpacts, u->ofpacts_len, version, b);
		} else {
			ofp_match_put_nxm(b, &u->match, head + 12);
			error = ofpacts_encode_actions(u->ofpacts,
						       u->ofpacts_len,
						       version, b);
		}
	}
	if (!error && b->size - head > UINT16_MAX)
		error = OFPERR_OFPBRC_BAD_LEN;
	if (error) {
		bytebuf_truncate(b, head);
		return error;
	}
	ofp_put_len16(b, head, b->size - head);
	return 0;
}

void ofp_flow_update_format(struct odp_text *t, const struct ofp_flow_update *u)
{
	static const char *const names[] = {
		"INITIAL", "ADDED", "DELETED", "MODIFIED",
	};
	char buf[4];

	odp_text_printf(t, "\n event=");
	switch (u->event) {
	case OFPFME_ABBREV:
		odp_text_printf(t, "ABBREV xid=0x%" PRIx32, u->xid);
		return;
	case OFPFME_PAUSED:
		odp_text_printf(t, "PAUSED");
		return;
	case OFPFME_RESUMED:
		odp_text_printf(t, "RESUMED");
		return;
	}
	odp_text_printf(t, "%s", names[u->event & 3]);
	if (u->event == OFPFME_REMOVED)
		odp_text_printf(t, " reason=%s",
				ofp_flow_removed_reason_name(u->reason, buf));
	odp_text_printf(t, " table=%u", u->table_id);
	if (u->idle_timeout)
		odp_text_printf(t, " idle_timeout=%u", u->idle_timeout);
	if (u->hard_timeout)
		odp_text_printf(t, " hard_timeout=%u", u->hard_timeout);
	odp_text_printf(t, " cookie=%#" PRIx64 " ", u->cookie);

	/* The priority is not shown, as ovs-ofctl does not. */
	char *match = of_match_format(&u->match);
	odp_text_printf(t, "%s", match);
	if (u->ofpacts_len) {
		odp_text_printf(t, "%sactions=", *match ? " " : "");
		ofpacts_format(t, u->ofpacts, u->ofpacts_len);
	}
	free(match);
}

OFP_BODY_PRINTER(ofp_flow_update_print_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_flow_update u;
	int retval;

	while (!(retval = ofp_flow_update_pull(m->version, &c, &u,
					       &ofpacts))) {
		ofp_flow_update_format(t, &u);
		bytebuf_clear(&ofpacts);
	}
	bytebuf_uninit(&ofpacts);
	return retval < 0 ? 0 : retval;
}
