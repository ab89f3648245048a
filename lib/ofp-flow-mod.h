/* FLOW_MOD: OpenFlow 1.0 (ofp_match first), 1.1-1.5 (standard or OXM match
 * after the fixed part, then instructions) and NXT_FLOW_MOD (NXM match,
 * which may carry NXM_NX_COOKIE(_W) to match cookies). */
#ifndef OFP_FLOW_MOD_H
#define OFP_FLOW_MOD_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-match.h"
#include "ofp-msgs.h"
#include "ofp-print-bodies.h"
#include "ofp-protocol.h"

struct bytebuf;
struct odp_text;

enum ofp_flow_mod_command {
	OFPFC_ADD = 0,
	OFPFC_MODIFY = 1,
	OFPFC_MODIFY_STRICT = 2,
	OFPFC_DELETE = 3,
	OFPFC_DELETE_STRICT = 4,
};

/* Flags independent of version; each version carries those it has. */
enum ofp_flow_mod_flag {
	OFP_FF_SEND_FLOW_REM = 1 << 0,
	OFP_FF_CHECK_OVERLAP = 1 << 1,
	OFP_FF_EMERG = 1 << 2,		/* 1.0 only; always refused. */
	OFP_FF_RESET_COUNTS = 1 << 3,	/* 1.2+; implied by 1.0/1.1 add. */
	OFP_FF_NO_PKT_COUNTS = 1 << 4,	/* 1.3+ */
	OFP_FF_NO_BYT_COUNTS = 1 << 5,	/* 1.3+ */
};

#define OFP_FLOW_PERMANENT 0
#define OFP_NO_BUFFER 0xffffffffu
#define OFP_TABLE_ALL 0xff
#define OFP_PORT_ANY 0xffffffffu	/* 1.1+ numbering throughout. */
#define OFP_GROUP_ANY 0xffffffffu
#define OFP_COOKIE_NONE UINT64_MAX	/* new_cookie: leave it as it is. */

/* 'ofpacts' points into a buffer the caller owns. */
struct of_flow_mod {
	struct of_match match;
	uint16_t priority;
	uint8_t command;		/* enum ofp_flow_mod_command */
	uint8_t table_id;		/* OFP_TABLE_ALL: all (delete) / any */
	uint64_t cookie, cookie_mask;	/* which flows (modify, delete) */
	uint64_t new_cookie;		/* add, modify; OFP_COOKIE_NONE */
	uint16_t idle_timeout, hard_timeout, importance;
	uint32_t buffer_id, out_port, out_group;
	uint32_t flags;			/* enum ofp_flow_mod_flag */
	const void *ofpacts;
	size_t ofpacts_len;
};

/* A flow_mod with the defaults of ovs-ofctl: add, priority 0x8000,
 * catch-all, no buffer, any port and group, no actions. */
void of_flow_mod_init(struct of_flow_mod *);

/* Decodes 'm' (OFPTYPE_FLOW_MOD or OFPTYPE_NXT_FLOW_MOD), the actions or
 * instructions going to 'ofpacts'.  In 1.0 and NXT the upper byte of the
 * command is the table id (the NXT_FLOW_MOD_TABLE_ID convention).  On
 * error 'ofpacts' is as it was. */
enum ofperr of_flow_mod_decode(const struct ofpmsg *m, struct of_flow_mod *,
			       struct bytebuf *ofpacts);

/* Appends 'fm' as a message of 'protocol'.  OFPBAC_BAD_TYPE and friends
 * when an action has no form there; 'out' is then as it was. */
enum ofperr of_flow_mod_encode(const struct of_flow_mod *,
			       enum ofp_protocol, uint32_t xid,
			       struct bytebuf *out);

/* Those of 'protocols' in which of_flow_mod_encode() of 'fm' succeeds,
 * found with one encoding of the actions per version. */
uint32_t of_flow_mod_encodable(const struct of_flow_mod *, uint32_t protocols);

/* "ADD", "MOD_STRICT"... as ofp-print names the command. */
const char *of_flow_mod_command_name(uint8_t command, char buf[8]);

/* NXM matches that carry NXM_NX_COOKIE(_W), shared with NXST_FLOW.
 * Split copies the other entries to 'rest'; put writes the match length
 * at 'len_ofs' and pads to 8. */
enum ofperr of_nxm_split_cookie(const uint8_t *, size_t, uint64_t *cookie,
				uint64_t *mask, struct bytebuf *rest);
void of_nxm_put_with_cookie(struct bytebuf *, const struct of_match *,
			    uint64_t cookie, uint64_t mask, size_t len_ofs);

/* ovs-ofctl flow text (lib/ofp-flow-text.c).  'command' is what the
 * caller means (add-flow: OFPFC_ADD, del-flows --strict:
 * OFPFC_DELETE_STRICT...); deletes take no "actions=".  The actions go to
 * 'ofpacts'; '*usable' gets the protocols that can carry the result.
 * Returns NULL or a malloc'd error; on error 'ofpacts' is as it was. */
char *of_flow_mod_parse(const char *text, int command,
			struct of_flow_mod *, struct bytebuf *ofpacts,
			uint32_t *usable);
/* Appends the body of the message as ovs-ofctl ofp-print shows it, from
 * the space after the header to the newline. */
void of_flow_mod_format(struct odp_text *, const struct of_flow_mod *);
/* 'fm' back in the syntax of_flow_mod_parse() takes for its command;
 * the caller frees the result. */
char *of_flow_mod_to_text(const struct of_flow_mod *);
/* ofp-print's body printer for FLOW_MOD and NXT_FLOW_MOD. */
OFP_BODY_PRINTER(of_flow_mod_print);

#endif
