/* OpenFlow message headers: which message a header names, in every version
 * from 1.0 to 1.5 plus the Nicira and ONF extensions, with table-driven
 * length checks.
 *
 * An enum ofptype names what a message means; in one version each ofptype
 * has at most one wire form (row), so (ofptype, version) is enough to
 * encode a header.  Extension messages that coexist with a standard one in
 * the same version (NXT_FLOW_MOD next to OFPT_FLOW_MOD) have their own
 * ofptype. */
#ifndef OFP_MSGS_H
#define OFP_MSGS_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-version.h"

struct bytebuf;

enum ofptype {
	/* Immutable messages: every version, 0x01 and up. */
	OFPTYPE_HELLO,
	OFPTYPE_ERROR,
	OFPTYPE_ECHO_REQUEST,
	OFPTYPE_ECHO_REPLY,

	/* Switch configuration. */
	OFPTYPE_FEATURES_REQUEST,
	OFPTYPE_FEATURES_REPLY,
	OFPTYPE_GET_CONFIG_REQUEST,
	OFPTYPE_GET_CONFIG_REPLY,
	OFPTYPE_SET_CONFIG,

	/* Asynchronous messages. */
	OFPTYPE_PACKET_IN,
	OFPTYPE_FLOW_REMOVED,
	OFPTYPE_PORT_STATUS,
	OFPTYPE_ROLE_STATUS,		/* ONFT in 1.3, OFPT in 1.4+. */
	OFPTYPE_TABLE_STATUS,
	OFPTYPE_REQUESTFORWARD,		/* NXT 1.0-1.2, ONFT 1.3, OFPT 1.4+. */

	/* Controller commands. */
	OFPTYPE_PACKET_OUT,
	OFPTYPE_FLOW_MOD,
	OFPTYPE_GROUP_MOD,		/* NXT in 1.0, OFPT in 1.1+. */
	OFPTYPE_PORT_MOD,
	OFPTYPE_TABLE_MOD,
	OFPTYPE_METER_MOD,
	OFPTYPE_BARRIER_REQUEST,
	OFPTYPE_BARRIER_REPLY,
	OFPTYPE_QUEUE_GET_CONFIG_REQUEST,
	OFPTYPE_QUEUE_GET_CONFIG_REPLY,
	OFPTYPE_ROLE_REQUEST,
	OFPTYPE_ROLE_REPLY,
	OFPTYPE_GET_ASYNC_REQUEST,
	OFPTYPE_GET_ASYNC_REPLY,
	OFPTYPE_SET_ASYNC,
	OFPTYPE_BUNDLE_CONTROL,		/* ONFT in 1.3, OFPT in 1.4+. */
	OFPTYPE_BUNDLE_ADD_MESSAGE,	/* ONFT in 1.3, OFPT in 1.4+. */

	/* Multipart (statistics) requests and replies. */
	OFPTYPE_DESC_STATS_REQUEST,
	OFPTYPE_DESC_STATS_REPLY,
	OFPTYPE_FLOW_STATS_REQUEST,
	OFPTYPE_FLOW_STATS_REPLY,
	OFPTYPE_AGGREGATE_STATS_REQUEST,
	OFPTYPE_AGGREGATE_STATS_REPLY,
	OFPTYPE_TABLE_STATS_REQUEST,
	OFPTYPE_TABLE_STATS_REPLY,
	OFPTYPE_PORT_STATS_REQUEST,
	OFPTYPE_PORT_STATS_REPLY,
	OFPTYPE_QUEUE_STATS_REQUEST,
	OFPTYPE_QUEUE_STATS_REPLY,
	OFPTYPE_GROUP_STATS_REQUEST,	/* NXST in 1.0, OFPST in 1.1+. */
	OFPTYPE_GROUP_STATS_REPLY,
	OFPTYPE_GROUP_DESC_STATS_REQUEST,
	OFPTYPE_GROUP_DESC_STATS_REPLY,
	OFPTYPE_GROUP_FEATURES_STATS_REQUEST,
	OFPTYPE_GROUP_FEATURES_STATS_REPLY,
	OFPTYPE_METER_STATS_REQUEST,
	OFPTYPE_METER_STATS_REPLY,
	OFPTYPE_METER_CONFIG_STATS_REQUEST,
	OFPTYPE_METER_CONFIG_STATS_REPLY,
	OFPTYPE_METER_FEATURES_STATS_REQUEST,
	OFPTYPE_METER_FEATURES_STATS_REPLY,
	OFPTYPE_TABLE_FEATURES_STATS_REQUEST,
	OFPTYPE_TABLE_FEATURES_STATS_REPLY,
	OFPTYPE_TABLE_DESC_REQUEST,
	OFPTYPE_TABLE_DESC_REPLY,
	OFPTYPE_PORT_DESC_STATS_REQUEST,
	OFPTYPE_PORT_DESC_STATS_REPLY,
	OFPTYPE_QUEUE_DESC_STATS_REQUEST,
	OFPTYPE_QUEUE_DESC_STATS_REPLY,
	OFPTYPE_FLOW_MONITOR_STATS_REQUEST, /* NXST 1.0-1.2, ONFST 1.3, 1.4+. */
	OFPTYPE_FLOW_MONITOR_STATS_REPLY,

	/* Flow monitor control: NXT 1.0-1.2, ONFT 1.3. */
	OFPTYPE_FLOW_MONITOR_CANCEL,
	OFPTYPE_FLOW_MONITOR_PAUSED,
	OFPTYPE_FLOW_MONITOR_RESUMED,

	/* Nicira extensions. */
	OFPTYPE_NXT_ROLE_REQUEST,
	OFPTYPE_NXT_ROLE_REPLY,
	OFPTYPE_NXT_SET_FLOW_FORMAT,
	OFPTYPE_NXT_FLOW_MOD,
	OFPTYPE_NXT_FLOW_REMOVED,
	OFPTYPE_NXT_FLOW_MOD_TABLE_ID,
	OFPTYPE_NXT_SET_PACKET_IN_FORMAT,
	OFPTYPE_NXT_PACKET_IN,
	OFPTYPE_NXT_PACKET_IN2,
	OFPTYPE_NXT_RESUME,
	OFPTYPE_NXT_FLOW_AGE,
	OFPTYPE_NXT_SET_ASYNC_CONFIG,
	OFPTYPE_NXT_SET_ASYNC_CONFIG2,
	OFPTYPE_NXT_SET_CONTROLLER_ID,
	OFPTYPE_NXT_CT_FLUSH_ZONE,
	OFPTYPE_NXT_CT_FLUSH,
	OFPTYPE_NXT_TLV_TABLE_MOD,
	OFPTYPE_NXT_TLV_TABLE_REQUEST,
	OFPTYPE_NXT_TLV_TABLE_REPLY,
	OFPTYPE_NXST_FLOW_REQUEST,
	OFPTYPE_NXST_FLOW_REPLY,
	OFPTYPE_NXST_AGGREGATE_REQUEST,
	OFPTYPE_NXST_AGGREGATE_REPLY,
	OFPTYPE_NXST_IPFIX_BRIDGE_REQUEST,
	OFPTYPE_NXST_IPFIX_BRIDGE_REPLY,
	OFPTYPE_NXST_IPFIX_FLOW_REQUEST,
	OFPTYPE_NXST_IPFIX_FLOW_REPLY,

	OFPTYPE_N
};

/* How a row's header is laid out. */
enum ofpmsg_kind {
	OFPMSG_OFPT,		/* ofp_header.type = number. */
	OFPMSG_OFPST,		/* Multipart: type = number. */
	OFPMSG_NXT,		/* Experimenter NX_VENDOR_ID, subtype = number. */
	OFPMSG_NXST,		/* Multipart experimenter, Nicira. */
	OFPMSG_ONFT,		/* Experimenter ONF_VENDOR_ID. */
	OFPMSG_ONFST,		/* Multipart experimenter, ONF. */
};

/* Wire numbers the table is built on. */
#define OFPT_VENDOR		4	/* OFPT_EXPERIMENTER in 1.1+. */
#define OFPT10_STATS_REQUEST	16
#define OFPT10_STATS_REPLY	17
#define OFPT11_STATS_REQUEST	18	/* OFPT_MULTIPART_REQUEST in 1.3+. */
#define OFPT11_STATS_REPLY	19
#define OFPST_VENDOR		0xffff	/* Experimenter multipart type. */
#define OFPSF_REPLY_MORE	0x0001	/* Multipart flag: more replies follow. */

/* One wire form of a message: 'type' in versions min..max_version. */
struct ofpmsg_row {
	enum ofptype type;
	enum ofpmsg_kind kind;
	bool reply;		/* Multipart: reply rather than request. */
	uint8_t min_version;
	uint8_t max_version;	/* 0xff for the immutable messages. */
	uint32_t number;	/* Type, multipart type or subtype. */
	const char *name;	/* As ovs-ofctl prints it. */
	uint16_t min_body;	/* Body bytes after all headers. */
	uint16_t elem;		/* Body = min_body + k * elem; 0: exact. */
};

/* A decoded header.  'body' points into the message, past every header. */
struct ofpmsg {
	const struct ofpmsg_row *row;
	enum ofptype type;
	uint8_t version;
	uint32_t xid;
	uint16_t mp_flags;	/* Multipart flags, 0 for other messages. */
	size_t hdr_len;
	const uint8_t *body;
	size_t body_len;
};

size_t ofpmsg_n_rows(void);
const struct ofpmsg_row *ofpmsg_row_at(size_t);
const struct ofpmsg_row *ofpmsg_row_find(enum ofptype, uint8_t version);
size_t ofpmsg_row_hdr_len(const struct ofpmsg_row *, uint8_t version);

const char *ofptype_get_name(enum ofptype, uint8_t version);
bool ofptype_is_stat(enum ofptype);

enum ofperr ofpmsg_decode(struct ofpmsg *, const void *data, size_t len);
enum ofperr ofpmsg_decode_partial(struct ofpmsg *, const void *data,
				  size_t len);

size_t ofpmsg_start(struct bytebuf *, enum ofptype, uint8_t version,
		    uint32_t xid);
bool ofpmsg_finish(struct bytebuf *, size_t start);
void ofpmsg_set_mp_flags(struct bytebuf *, size_t start, uint16_t flags);

#endif
