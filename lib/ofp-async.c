/* Asynchronous message configuration bodies: the fixed form of OpenFlow 1.3
 * and NXT_SET_ASYNC_CONFIG, and the property form of OpenFlow 1.4+ and
 * NXT_SET_ASYNC_CONFIG2. */
#include "ofp-async.h"

#include <string.h>

#include "bytebuf.h"
#include "ofp-msgs.h"
#include "ofp-prop.h"

/* Reason names by bit, as ovs-ofctl prints them. */
static const char *const packet_in_reasons[] = {
	"no_match", "action", "invalid_ttl", "action_set", "group",
	"packet_out",
};
static const char *const port_status_reasons[] = {
	"add", "delete", "modify",
};
static const char *const flow_removed_reasons[] = {
	"idle", "hard", "delete", "group_delete", "meter_delete", "eviction",
};
static const char *const role_status_reasons[] = {
	"primary_request", "configuration_changed",
	"experimenter_data_changed",
};
static const char *const table_status_reasons[] = {
	NULL, NULL, NULL, "vacancy_down", "vacancy_up",
};
static const char *const requestforward_reasons[] = {
	"group_mod_request", "meter_mod_request",
};

#define N_ELEMS(A) (sizeof (A) / sizeof (A)[0])
#define REASONS(A) A, N_ELEMS(A)

/* The reasons each version defines: 1.4 split packet-in's "action". */
static const struct {
	const char *name;
	const char *const *reasons;
	unsigned n_reasons;
	uint32_t allowed10, allowed14;
} async_msgs[OFP_ASYNC_N] = {
	[OFP_ASYNC_PACKET_IN] = { "PACKET_IN", REASONS(packet_in_reasons),
				  0x07, 0x3f },
	[OFP_ASYNC_PORT_STATUS] = { "PORT_STATUS",
				    REASONS(port_status_reasons), 0x07, 0x07 },
	[OFP_ASYNC_FLOW_REMOVED] = { "FLOW_REMOVED",
				     REASONS(flow_removed_reasons), 0x3f,
				     0x3f },
	[OFP_ASYNC_ROLE_STATUS] = { "ROLE_STATUS",
				    REASONS(role_status_reasons), 0x07, 0x07 },
	[OFP_ASYNC_TABLE_STATUS] = { "TABLE_STATUS",
				     REASONS(table_status_reasons), 0x18,
				     0x18 },
	[OFP_ASYNC_REQUESTFORWARD] = { "REQUESTFORWARD",
				       REASONS(requestforward_reasons), 0x03,
				       0x03 },
};

const char *ofp_async_msg_name(enum ofp_async_msg msg)
{
	return (unsigned)msg < OFP_ASYNC_N ? async_msgs[msg].name : "<invalid>";
}

/* NULL for a bit that names no reason. */
const char *ofp_async_reason_name(enum ofp_async_msg msg, unsigned bit)
{
	if ((unsigned)msg >= OFP_ASYNC_N || bit >= async_msgs[msg].n_reasons)
		return NULL;
	return async_msgs[msg].reasons[bit];
}

uint32_t ofp_async_allowed(enum ofp_async_msg msg, uint8_t version)
{
	if ((unsigned)msg >= OFP_ASYNC_N)
		return 0;
	return version >= OFP14_VERSION ? async_msgs[msg].allowed14
					: async_msgs[msg].allowed10;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Six masks: packet-in, port status, flow removed, each primary then
 * secondary.  Reasons the version lacks are dropped, even in a request,
 * as Open vSwitch does for this form. */
static void decode_fixed(const struct ofpmsg *m, struct ofp_async_config *ac)
{
	for (int msg = 0; msg <= OFP_ASYNC_FLOW_REMOVED; msg++)
		for (int role = OFP_ASYNC_PRIMARY; role <= OFP_ASYNC_SECONDARY;
		     role++)
			ac->masks[msg][role] =
				get32(m->body + (msg * 2 + role) * 4) &
				ofp_async_allowed(msg, m->version);
}

#define ASYNC_PROP_EXPERIMENTER_MIN 0xfffe

/* One property: type(2) length(2) mask(4).  Experimenter properties carry
 * no setting Weir knows. */
static enum ofperr decode_prop(struct bytecur *c, uint8_t version, bool loose,
			       struct ofp_async_config *ac)
{
	struct ofp_prop prop;
	enum ofperr error = ofp_prop_pull(c, ASYNC_PROP_EXPERIMENTER_MIN,
					  &prop);
	if (error)
		return error;
	if (prop.experimenter)
		return loose ? 0 : OFPERR_OFPBPC_BAD_EXP_TYPE;

	unsigned msg = prop.type / 2;
	if (msg >= OFP_ASYNC_N)
		return loose ? 0 : OFPERR_OFPACFC_UNSUPPORTED;
	if (prop.len != 8)
		return OFPERR_OFPBPC_BAD_LEN;

	uint32_t mask = get32(prop.data + 4);
	uint32_t allowed = ofp_async_allowed(msg, version);
	if (mask & ~allowed && !loose)
		return OFPERR_OFPACFC_INVALID;
	ac->masks[msg][prop.type & 1 ? OFP_ASYNC_PRIMARY
				     : OFP_ASYNC_SECONDARY] = mask & allowed;
	return 0;
}

/* 'loose' reads what a switch reports (GET_ASYNC_REPLY): unknown properties
 * are skipped and undefined reasons dropped, where a request from a
 * controller is refused.  Settings a property form leaves out are off. */
enum ofperr ofp_async_decode(const struct ofpmsg *m, bool loose,
			     struct ofp_async_config *ac)
{
	memset(ac, 0, sizeof *ac);
	switch (m->type) {
	case OFPTYPE_GET_ASYNC_REPLY:
	case OFPTYPE_SET_ASYNC:
	case OFPTYPE_NXT_SET_ASYNC_CONFIG:
	case OFPTYPE_NXT_SET_ASYNC_CONFIG2:
		break;
	default:
		return OFPERR_OFPBRC_BAD_TYPE;
	}
	if (!m->row->elem) {
		if (m->body_len < 24)
			return OFPERR_OFPBRC_BAD_LEN;
		decode_fixed(m, ac);
		return 0;
	}

	struct bytecur c = bytecur_make(m->body, m->body_len);
	while (c.left) {
		enum ofperr error = decode_prop(&c, m->version, loose, ac);
		if (error)
			return error;
	}
	return 0;
}
