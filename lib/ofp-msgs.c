/* The OpenFlow message table and the header codec driven by it.  Wire
 * numbers and body sizes are from the OpenFlow 1.0-1.5 specifications and
 * the Nicira/ONF extension definitions. */
#include "ofp-msgs.h"

#include <pthread.h>
#include <string.h>

#include "bytebuf.h"

#define V10 OFP10_VERSION
#define V11 OFP11_VERSION
#define V12 OFP12_VERSION
#define V13 OFP13_VERSION
#define V14 OFP14_VERSION
#define V15 OFP15_VERSION
#define VANY 0xff

/* Body element sizes named for readability: "a run of bytes" and "a run
 * of 8-byte aligned structures (properties, matches, instructions)". */
#define BYTES 1
#define ALIGN8 8

#define ROW(KIND, REPLY, TYPE, LO, HI, NUM, NAME, MIN, ELEM)                 \
	{ OFPTYPE_##TYPE, OFPMSG_##KIND, REPLY, V##LO, V##HI, NUM, NAME,     \
	  MIN, ELEM }
#define T(TYPE, LO, HI, NUM, NAME, MIN, ELEM)                                \
	ROW(OFPT, false, TYPE, LO, HI, NUM, NAME, MIN, ELEM)
#define NXT(TYPE, LO, HI, NUM, NAME, MIN, ELEM)                              \
	ROW(NXT, false, TYPE, LO, HI, NUM, NAME, MIN, ELEM)
#define ONFT(TYPE, LO, HI, NUM, NAME, MIN, ELEM)                             \
	ROW(ONFT, false, TYPE, LO, HI, NUM, NAME, MIN, ELEM)
#define STQ(TYPE, LO, HI, NUM, NAME, MIN, ELEM)                              \
	ROW(OFPST, false, TYPE, LO, HI, NUM, NAME " request", MIN, ELEM)
#define STR(TYPE, LO, HI, NUM, NAME, MIN, ELEM)                              \
	ROW(OFPST, true, TYPE, LO, HI, NUM, NAME " reply", MIN, ELEM)
#define NXSTQ(TYPE, LO, HI, NUM, NAME, MIN, ELEM)                            \
	ROW(NXST, false, TYPE, LO, HI, NUM, NAME " request", MIN, ELEM)
#define NXSTR(TYPE, LO, HI, NUM, NAME, MIN, ELEM)                            \
	ROW(NXST, true, TYPE, LO, HI, NUM, NAME " reply", MIN, ELEM)
#define ONFSTQ(TYPE, LO, HI, NUM, NAME, MIN, ELEM)                           \
	ROW(ONFST, false, TYPE, LO, HI, NUM, NAME " request", MIN, ELEM)
#define ONFSTR(TYPE, LO, HI, NUM, NAME, MIN, ELEM)                           \
	ROW(ONFST, true, TYPE, LO, HI, NUM, NAME " reply", MIN, ELEM)

/* ofptype, versions, wire number, printed name, minimum body, element. */
static const struct ofpmsg_row ofpmsg_rows[] = {
	T(HELLO, 10, ANY, 0, "OFPT_HELLO", 0, BYTES),
	T(ERROR, 10, ANY, 1, "OFPT_ERROR", 4, BYTES),
	T(ECHO_REQUEST, 10, ANY, 2, "OFPT_ECHO_REQUEST", 0, BYTES),
	T(ECHO_REPLY, 10, ANY, 3, "OFPT_ECHO_REPLY", 0, BYTES),

	T(FEATURES_REQUEST, 10, 15, 5, "OFPT_FEATURES_REQUEST", 0, 0),
	T(FEATURES_REPLY, 10, 10, 6, "OFPT_FEATURES_REPLY", 24, 48),
	T(FEATURES_REPLY, 11, 12, 6, "OFPT_FEATURES_REPLY", 24, 64),
	T(FEATURES_REPLY, 13, 15, 6, "OFPT_FEATURES_REPLY", 24, 0),
	T(GET_CONFIG_REQUEST, 10, 15, 7, "OFPT_GET_CONFIG_REQUEST", 0, 0),
	T(GET_CONFIG_REPLY, 10, 15, 8, "OFPT_GET_CONFIG_REPLY", 4, 0),
	T(SET_CONFIG, 10, 15, 9, "OFPT_SET_CONFIG", 4, 0),

	T(PACKET_IN, 10, 10, 10, "OFPT_PACKET_IN", 10, BYTES),
	T(PACKET_IN, 11, 11, 10, "OFPT_PACKET_IN", 16, BYTES),
	T(PACKET_IN, 12, 12, 10, "OFPT_PACKET_IN", 8, BYTES),
	T(PACKET_IN, 13, 15, 10, "OFPT_PACKET_IN", 16, BYTES),
	T(FLOW_REMOVED, 10, 10, 11, "OFPT_FLOW_REMOVED", 80, 0),
	T(FLOW_REMOVED, 11, 14, 11, "OFPT_FLOW_REMOVED", 40, ALIGN8),
	T(FLOW_REMOVED, 15, 15, 11, "OFPT_FLOW_REMOVED", 16, ALIGN8),
	T(PORT_STATUS, 10, 10, 12, "OFPT_PORT_STATUS", 8 + 48, 0),
	T(PORT_STATUS, 11, 13, 12, "OFPT_PORT_STATUS", 8 + 64, 0),
	T(PORT_STATUS, 14, 15, 12, "OFPT_PORT_STATUS", 8 + 40, ALIGN8),
	ONFT(ROLE_STATUS, 13, 13, 1911, "ONFT_ROLE_STATUS", 16, ALIGN8),
	T(ROLE_STATUS, 14, 15, 30, "OFPT_ROLE_STATUS", 16, ALIGN8),
	T(TABLE_STATUS, 14, 15, 31, "OFPT_TABLE_STATUS", 8, ALIGN8),
	NXT(REQUESTFORWARD, 10, 12, 132, "NXT_REQUESTFORWARD", 8, ALIGN8),
	ONFT(REQUESTFORWARD, 13, 13, 2350, "ONFT_REQUESTFORWARD", 8, ALIGN8),
	T(REQUESTFORWARD, 14, 15, 32, "OFPT_REQUESTFORWARD", 8, ALIGN8),

	T(PACKET_OUT, 10, 10, 13, "OFPT_PACKET_OUT", 8, BYTES),
	T(PACKET_OUT, 11, 14, 13, "OFPT_PACKET_OUT", 16, BYTES),
	T(PACKET_OUT, 15, 15, 13, "OFPT_PACKET_OUT", 8, BYTES),
	T(FLOW_MOD, 10, 10, 14, "OFPT_FLOW_MOD", 64, ALIGN8),
	T(FLOW_MOD, 11, 15, 14, "OFPT_FLOW_MOD", 40, ALIGN8),
	NXT(GROUP_MOD, 10, 10, 31, "NXT_GROUP_MOD", 16, ALIGN8),
	T(GROUP_MOD, 11, 14, 15, "OFPT_GROUP_MOD", 8, ALIGN8),
	T(GROUP_MOD, 15, 15, 15, "OFPT_GROUP_MOD", 16, ALIGN8),
	T(PORT_MOD, 10, 10, 15, "OFPT_PORT_MOD", 24, 0),
	T(PORT_MOD, 11, 13, 16, "OFPT_PORT_MOD", 32, 0),
	T(PORT_MOD, 14, 15, 16, "OFPT_PORT_MOD", 24, ALIGN8),
	T(TABLE_MOD, 11, 13, 17, "OFPT_TABLE_MOD", 8, 0),
	T(TABLE_MOD, 14, 15, 17, "OFPT_TABLE_MOD", 8, ALIGN8),
	T(METER_MOD, 13, 15, 29, "OFPT_METER_MOD", 8, ALIGN8),
	T(BARRIER_REQUEST, 10, 10, 18, "OFPT_BARRIER_REQUEST", 0, 0),
	T(BARRIER_REQUEST, 11, 15, 20, "OFPT_BARRIER_REQUEST", 0, 0),
	T(BARRIER_REPLY, 10, 10, 19, "OFPT_BARRIER_REPLY", 0, 0),
	T(BARRIER_REPLY, 11, 15, 21, "OFPT_BARRIER_REPLY", 0, 0),
	T(QUEUE_GET_CONFIG_REQUEST, 10, 10, 20,
	  "OFPT_QUEUE_GET_CONFIG_REQUEST", 4, 0),
	T(QUEUE_GET_CONFIG_REQUEST, 11, 13, 22,
	  "OFPT_QUEUE_GET_CONFIG_REQUEST", 8, 0),
	T(QUEUE_GET_CONFIG_REPLY, 10, 10, 21, "OFPT_QUEUE_GET_CONFIG_REPLY",
	  8, ALIGN8),
	T(QUEUE_GET_CONFIG_REPLY, 11, 13, 23, "OFPT_QUEUE_GET_CONFIG_REPLY",
	  8, ALIGN8),
	T(ROLE_REQUEST, 12, 15, 24, "OFPT_ROLE_REQUEST", 16, 0),
	T(ROLE_REPLY, 12, 15, 25, "OFPT_ROLE_REPLY", 16, 0),
	T(GET_ASYNC_REQUEST, 13, 15, 26, "OFPT_GET_ASYNC_REQUEST", 0, 0),
	T(GET_ASYNC_REPLY, 13, 13, 27, "OFPT_GET_ASYNC_REPLY", 24, 0),
	T(GET_ASYNC_REPLY, 14, 15, 27, "OFPT_GET_ASYNC_REPLY", 0, ALIGN8),
	T(SET_ASYNC, 13, 13, 28, "OFPT_SET_ASYNC", 24, 0),
	T(SET_ASYNC, 14, 15, 28, "OFPT_SET_ASYNC", 0, ALIGN8),
	ONFT(BUNDLE_CONTROL, 13, 13, 2300, "ONFT_BUNDLE_CONTROL", 8, ALIGN8),
	T(BUNDLE_CONTROL, 14, 15, 33, "OFPT_BUNDLE_CONTROL", 8, ALIGN8),
	ONFT(BUNDLE_ADD_MESSAGE, 13, 13, 2301, "ONFT_BUNDLE_ADD_MESSAGE", 8,
	     BYTES),
	T(BUNDLE_ADD_MESSAGE, 14, 15, 34, "OFPT_BUNDLE_ADD_MESSAGE", 8,
	  BYTES),

	STQ(DESC_STATS_REQUEST, 10, 15, 0, "OFPST_DESC", 0, 0),
	STR(DESC_STATS_REPLY, 10, 15, 0, "OFPST_DESC", 1056, 0),
	STQ(FLOW_STATS_REQUEST, 10, 10, 1, "OFPST_FLOW", 44, 0),
	STQ(FLOW_STATS_REQUEST, 11, 15, 1, "OFPST_FLOW", 32, ALIGN8),
	STR(FLOW_STATS_REPLY, 10, 15, 1, "OFPST_FLOW", 0, BYTES),
	STQ(AGGREGATE_STATS_REQUEST, 10, 10, 2, "OFPST_AGGREGATE", 44, 0),
	STQ(AGGREGATE_STATS_REQUEST, 11, 15, 2, "OFPST_AGGREGATE", 32,
	    ALIGN8),
	STR(AGGREGATE_STATS_REPLY, 10, 14, 2, "OFPST_AGGREGATE", 24, 0),
	STR(AGGREGATE_STATS_REPLY, 15, 15, 2, "OFPST_AGGREGATE", 0, BYTES),
	STQ(TABLE_STATS_REQUEST, 10, 15, 3, "OFPST_TABLE", 0, 0),
	STR(TABLE_STATS_REPLY, 10, 10, 3, "OFPST_TABLE", 0, 64),
	STR(TABLE_STATS_REPLY, 11, 11, 3, "OFPST_TABLE", 0, 88),
	STR(TABLE_STATS_REPLY, 12, 12, 3, "OFPST_TABLE", 0, 128),
	STR(TABLE_STATS_REPLY, 13, 15, 3, "OFPST_TABLE", 0, 24),
	STQ(PORT_STATS_REQUEST, 10, 15, 4, "OFPST_PORT", 8, 0),
	STR(PORT_STATS_REPLY, 10, 12, 4, "OFPST_PORT", 0, 104),
	STR(PORT_STATS_REPLY, 13, 13, 4, "OFPST_PORT", 0, 112),
	STR(PORT_STATS_REPLY, 14, 15, 4, "OFPST_PORT", 0, ALIGN8),
	STQ(QUEUE_STATS_REQUEST, 10, 15, 5, "OFPST_QUEUE", 8, 0),
	STR(QUEUE_STATS_REPLY, 10, 12, 5, "OFPST_QUEUE", 0, 32),
	STR(QUEUE_STATS_REPLY, 13, 13, 5, "OFPST_QUEUE", 0, 40),
	STR(QUEUE_STATS_REPLY, 14, 15, 5, "OFPST_QUEUE", 0, ALIGN8),
	NXSTQ(GROUP_STATS_REQUEST, 10, 10, 7, "NXST_GROUP", 8, 0),
	STQ(GROUP_STATS_REQUEST, 11, 15, 6, "OFPST_GROUP", 8, 0),
	NXSTR(GROUP_STATS_REPLY, 10, 10, 7, "NXST_GROUP", 0, ALIGN8),
	STR(GROUP_STATS_REPLY, 11, 15, 6, "OFPST_GROUP", 0, ALIGN8),
	NXSTQ(GROUP_DESC_STATS_REQUEST, 10, 10, 8, "NXST_GROUP_DESC", 8, 0),
	STQ(GROUP_DESC_STATS_REQUEST, 11, 14, 7, "OFPST_GROUP_DESC", 0, 0),
	STQ(GROUP_DESC_STATS_REQUEST, 15, 15, 7, "OFPST_GROUP_DESC", 8, 0),
	NXSTR(GROUP_DESC_STATS_REPLY, 10, 10, 8, "NXST_GROUP_DESC", 0,
	      ALIGN8),
	STR(GROUP_DESC_STATS_REPLY, 11, 15, 7, "OFPST_GROUP_DESC", 0, ALIGN8),
	NXSTQ(GROUP_FEATURES_STATS_REQUEST, 10, 11, 9, "NXST_GROUP_FEATURES",
	      0, 0),
	STQ(GROUP_FEATURES_STATS_REQUEST, 12, 15, 8, "OFPST_GROUP_FEATURES",
	    0, 0),
	NXSTR(GROUP_FEATURES_STATS_REPLY, 10, 11, 9, "NXST_GROUP_FEATURES",
	      40, 0),
	STR(GROUP_FEATURES_STATS_REPLY, 12, 15, 8, "OFPST_GROUP_FEATURES",
	    40, 0),
	STQ(METER_STATS_REQUEST, 13, 15, 9, "OFPST_METER", 8, 0),
	STR(METER_STATS_REPLY, 13, 15, 9, "OFPST_METER", 0, ALIGN8),
	STQ(METER_CONFIG_STATS_REQUEST, 13, 15, 10, "OFPST_METER_CONFIG", 8,
	    0),
	STR(METER_CONFIG_STATS_REPLY, 13, 15, 10, "OFPST_METER_CONFIG", 0,
	    ALIGN8),
	STQ(METER_FEATURES_STATS_REQUEST, 13, 15, 11, "OFPST_METER_FEATURES",
	    0, 0),
	STR(METER_FEATURES_STATS_REPLY, 13, 15, 11, "OFPST_METER_FEATURES",
	    16, 0),
	STQ(TABLE_FEATURES_STATS_REQUEST, 13, 15, 12, "OFPST_TABLE_FEATURES",
	    0, ALIGN8),
	STR(TABLE_FEATURES_STATS_REPLY, 13, 15, 12, "OFPST_TABLE_FEATURES",
	    64, ALIGN8),
	STQ(TABLE_DESC_REQUEST, 14, 15, 14, "OFPST_TABLE_DESC", 0, 0),
	STR(TABLE_DESC_REPLY, 14, 15, 14, "OFPST_TABLE_DESC", 8, ALIGN8),
	STQ(PORT_DESC_STATS_REQUEST, 10, 14, 13, "OFPST_PORT_DESC", 0, 0),
	STQ(PORT_DESC_STATS_REQUEST, 15, 15, 13, "OFPST_PORT_DESC", 8, 0),
	STR(PORT_DESC_STATS_REPLY, 10, 10, 13, "OFPST_PORT_DESC", 0, 48),
	STR(PORT_DESC_STATS_REPLY, 11, 13, 13, "OFPST_PORT_DESC", 0, 64),
	STR(PORT_DESC_STATS_REPLY, 14, 15, 13, "OFPST_PORT_DESC", 0, ALIGN8),
	STQ(QUEUE_DESC_STATS_REQUEST, 14, 15, 15, "OFPST_QUEUE_DESC", 8, 0),
	STR(QUEUE_DESC_STATS_REPLY, 14, 15, 15, "OFPST_QUEUE_DESC", 0,
	    ALIGN8),
	NXSTQ(FLOW_MONITOR_STATS_REQUEST, 10, 12, 2, "NXST_FLOW_MONITOR", 0,
	      ALIGN8),
	ONFSTQ(FLOW_MONITOR_STATS_REQUEST, 13, 13, 1870, "ONFST_FLOW_MONITOR",
	       0, ALIGN8),
	STQ(FLOW_MONITOR_STATS_REQUEST, 14, 15, 16, "OFPST_FLOW_MONITOR", 0,
	    ALIGN8),
	NXSTR(FLOW_MONITOR_STATS_REPLY, 10, 12, 2, "NXST_FLOW_MONITOR", 0,
	      ALIGN8),
	ONFSTR(FLOW_MONITOR_STATS_REPLY, 13, 13, 1870, "ONFST_FLOW_MONITOR",
	       0, ALIGN8),
	STR(FLOW_MONITOR_STATS_REPLY, 14, 15, 16, "OFPST_FLOW_MONITOR", 0,
	    ALIGN8),

	NXT(FLOW_MONITOR_CANCEL, 10, 12, 21, "NXT_FLOW_MONITOR_CANCEL", 4, 0),
	ONFT(FLOW_MONITOR_CANCEL, 13, 13, 1870, "ONFT_FLOW_MONITOR_CANCEL",
	     4, 0),
	NXT(FLOW_MONITOR_PAUSED, 10, 12, 22, "NXT_FLOW_MONITOR_PAUSED", 0, 0),
	ONFT(FLOW_MONITOR_PAUSED, 13, 13, 1871, "ONFT_FLOW_MONITOR_PAUSED",
	     0, 0),
	NXT(FLOW_MONITOR_RESUMED, 10, 12, 23, "NXT_FLOW_MONITOR_RESUMED", 0,
	    0),
	ONFT(FLOW_MONITOR_RESUMED, 13, 13, 1872, "ONFT_FLOW_MONITOR_RESUMED",
	     0, 0),

	NXT(NXT_ROLE_REQUEST, 10, 15, 10, "NXT_ROLE_REQUEST", 4, 0),
	NXT(NXT_ROLE_REPLY, 10, 15, 11, "NXT_ROLE_REPLY", 4, 0),
	NXT(NXT_SET_FLOW_FORMAT, 10, 10, 12, "NXT_SET_FLOW_FORMAT", 4, 0),
	NXT(NXT_FLOW_MOD, 10, 15, 13, "NXT_FLOW_MOD", 32, ALIGN8),
	NXT(NXT_FLOW_REMOVED, 10, 15, 14, "NXT_FLOW_REMOVED", 40, ALIGN8),
	NXT(NXT_FLOW_MOD_TABLE_ID, 10, 15, 15, "NXT_FLOW_MOD_TABLE_ID", 8, 0),
	NXT(NXT_SET_PACKET_IN_FORMAT, 10, 15, 16, "NXT_SET_PACKET_IN_FORMAT",
	    4, 0),
	NXT(NXT_PACKET_IN, 10, 15, 17, "NXT_PACKET_IN", 24, BYTES),
	NXT(NXT_FLOW_AGE, 10, 15, 18, "NXT_FLOW_AGE", 0, 0),
	NXT(NXT_SET_ASYNC_CONFIG, 10, 15, 19, "NXT_SET_ASYNC_CONFIG", 24, 0),
	NXT(NXT_SET_CONTROLLER_ID, 10, 15, 20, "NXT_SET_CONTROLLER_ID", 8, 0),
	NXT(NXT_TLV_TABLE_MOD, 10, 15, 24, "NXT_TLV_TABLE_MOD", 8, 8),
	NXT(NXT_TLV_TABLE_REQUEST, 10, 15, 25, "NXT_TLV_TABLE_REQUEST", 0, 0),
	NXT(NXT_TLV_TABLE_REPLY, 10, 15, 26, "NXT_TLV_TABLE_REPLY", 16, 8),
	NXT(NXT_SET_ASYNC_CONFIG2, 10, 13, 27, "NXT_SET_ASYNC_CONFIG2", 0,
	    ALIGN8),
	NXT(NXT_RESUME, 10, 15, 28, "NXT_RESUME", 0, ALIGN8),
	NXT(NXT_CT_FLUSH_ZONE, 10, 15, 29, "NXT_CT_FLUSH_ZONE", 8, 0),
	NXT(NXT_PACKET_IN2, 10, 15, 30, "NXT_PACKET_IN2", 0, ALIGN8),
	NXT(NXT_CT_FLUSH, 10, 15, 32, "NXT_CT_FLUSH", 8, ALIGN8),
	NXSTQ(NXST_FLOW_REQUEST, 10, 10, 0, "NXST_FLOW", 8, ALIGN8),
	NXSTR(NXST_FLOW_REPLY, 10, 10, 0, "NXST_FLOW", 0, BYTES),
	NXSTQ(NXST_AGGREGATE_REQUEST, 10, 10, 1, "NXST_AGGREGATE", 8, ALIGN8),
	NXSTR(NXST_AGGREGATE_REPLY, 10, 10, 1, "NXST_AGGREGATE", 24, 0),
	NXSTQ(NXST_IPFIX_BRIDGE_REQUEST, 10, 15, 3, "NXST_IPFIX_BRIDGE", 0,
	      0),
	NXSTR(NXST_IPFIX_BRIDGE_REPLY, 10, 15, 3, "NXST_IPFIX_BRIDGE", 88, 0),
	NXSTQ(NXST_IPFIX_FLOW_REQUEST, 10, 15, 4, "NXST_IPFIX_FLOW", 0, 0),
	NXSTR(NXST_IPFIX_FLOW_REPLY, 10, 15, 4, "NXST_IPFIX_FLOW", 0, 88),
};

#define N_ROWS (sizeof ofpmsg_rows / sizeof ofpmsg_rows[0])
#define N_VERSIONS (OFP_MAX_VERSION + 1)

_Static_assert(N_ROWS < UINT8_MAX, "row indexes fit in uint8_t");

/* Lookup indexes, row number + 1 (0: none), built once. */
static uint8_t ofpt_index[N_VERSIONS][256];
static uint8_t type_index[OFPTYPE_N][N_VERSIONS];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static bool row_has_version(const struct ofpmsg_row *r, unsigned v)
{
	return v >= r->min_version && v <= r->max_version;
}

static void ofpmsg_build_index(void)
{
	for (size_t i = 0; i < N_ROWS; i++) {
		const struct ofpmsg_row *r = &ofpmsg_rows[i];
		for (unsigned v = OFP_MIN_VERSION; v <= OFP_MAX_VERSION; v++) {
			if (!row_has_version(r, v))
				continue;
			type_index[r->type][v] = i + 1;
			if (r->kind == OFPMSG_OFPT)
				ofpt_index[v][r->number] = i + 1;
		}
	}
}

static void ofpmsg_index_init(void)
{
	pthread_once(&index_once, ofpmsg_build_index);
}

size_t ofpmsg_n_rows(void)
{
	return N_ROWS;
}

const struct ofpmsg_row *ofpmsg_row_at(size_t i)
{
	return i < N_ROWS ? &ofpmsg_rows[i] : NULL;
}

static bool version_known(unsigned v)
{
	return v >= OFP_MIN_VERSION && v <= OFP_MAX_VERSION;
}

const struct ofpmsg_row *ofpmsg_row_find(enum ofptype type, uint8_t version)
{
	if ((unsigned)type >= OFPTYPE_N || !version)
		return NULL;
	if (!version_known(version)) {
		/* Only the immutable messages exist beyond the known versions. */
		const struct ofpmsg_row *r = &ofpmsg_rows[type];
		return type <= OFPTYPE_ECHO_REPLY && r->type == type ? r : NULL;
	}
	ofpmsg_index_init();
	uint8_t i = type_index[type][version];
	return i ? &ofpmsg_rows[i - 1] : NULL;
}

static bool kind_is_stat(enum ofpmsg_kind kind)
{
	return kind == OFPMSG_OFPST || kind == OFPMSG_NXST ||
	       kind == OFPMSG_ONFST;
}

static uint32_t kind_vendor(enum ofpmsg_kind kind)
{
	switch (kind) {
	case OFPMSG_NXT:
	case OFPMSG_NXST:
		return NX_VENDOR_ID;
	case OFPMSG_ONFT:
	case OFPMSG_ONFST:
		return ONF_VENDOR_ID;
	default:
		return 0;
	}
}

/* Multipart headers: 12 bytes in 1.0 (no padding), 16 later; the
 * experimenter forms add vendor and subtype (and, in 1.0, 4 pad bytes). */
size_t ofpmsg_row_hdr_len(const struct ofpmsg_row *r, uint8_t version)
{
	switch (r->kind) {
	case OFPMSG_OFPT:
		return 8;
	case OFPMSG_OFPST:
		return version == OFP10_VERSION ? 12 : 16;
	case OFPMSG_NXT:
	case OFPMSG_ONFT:
		return 16;
	case OFPMSG_NXST:
	case OFPMSG_ONFST:
		return 24;
	}
	return 8;
}

const char *ofptype_get_name(enum ofptype type, uint8_t version)
{
	const struct ofpmsg_row *r = ofpmsg_row_find(type, version);
	if (r)
		return r->name;
	for (size_t i = 0; i < N_ROWS; i++)
		if (ofpmsg_rows[i].type == type)
			return ofpmsg_rows[i].name;
	return "<unknown>";
}

bool ofptype_is_stat(enum ofptype type)
{
	for (size_t i = 0; i < N_ROWS; i++)
		if (ofpmsg_rows[i].type == type)
			return kind_is_stat(ofpmsg_rows[i].kind);
	return false;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) << 16 | get16(p + 2);
}

static const struct ofpmsg_row *find_vendor_row(uint8_t version, bool stat,
						bool reply, uint32_t vendor,
						uint32_t subtype)
{
	for (size_t i = 0; i < N_ROWS; i++) {
		const struct ofpmsg_row *r = &ofpmsg_rows[i];
		if (kind_vendor(r->kind) == vendor &&
		    kind_is_stat(r->kind) == stat &&
		    (!stat || r->reply == reply) && r->number == subtype &&
		    row_has_version(r, version))
			return r;
	}
	return NULL;
}

static const struct ofpmsg_row *find_stat_row(uint8_t version, bool reply,
					      uint16_t stat)
{
	for (size_t i = 0; i < N_ROWS; i++) {
		const struct ofpmsg_row *r = &ofpmsg_rows[i];
		if (r->kind == OFPMSG_OFPST && r->reply == reply &&
		    r->number == stat && row_has_version(r, version))
			return r;
	}
	return NULL;
}

static bool is_stat_type(uint8_t version, uint8_t type, bool *reply)
{
	uint8_t req = version == OFP10_VERSION ? OFPT10_STATS_REQUEST
					       : OFPT11_STATS_REQUEST;
	*reply = type == req + 1;
	return type == req || type == req + 1;
}

/* The experimenter header of a vendor message or multipart message at
 * 'vofs' (vendor id) in 'p'. */
static enum ofperr decode_vendor(const uint8_t *p, size_t len, size_t vofs,
				 uint8_t version, bool stat, bool reply,
				 const struct ofpmsg_row **rowp)
{
	if (len < vofs + 8)
		return OFPERR_OFPBRC_BAD_LEN;
	uint32_t vendor = get32(p + vofs);
	if (vendor != NX_VENDOR_ID && vendor != ONF_VENDOR_ID)
		return OFPERR_OFPBRC_BAD_VENDOR;
	*rowp = find_vendor_row(version, stat, reply, vendor,
				get32(p + vofs + 4));
	return *rowp ? 0 : OFPERR_OFPBRC_BAD_SUBTYPE;
}

static enum ofperr decode_stat(const uint8_t *p, size_t len, bool reply,
			       const struct ofpmsg_row **rowp)
{
	uint8_t version = p[0];
	size_t base = version == OFP10_VERSION ? 12 : 16;
	if (len < base)
		return OFPERR_OFPBRC_BAD_LEN;
	uint16_t stat = get16(p + 8);
	if (stat == OFPST_VENDOR)
		return decode_vendor(p, len, base, version, true, reply, rowp);
	*rowp = find_stat_row(version, reply, stat);
	return *rowp ? 0 : OFPERR_OFPBRC_BAD_STAT;
}

/* Finds the row for the headers in the first 'len' bytes at 'p', checking
 * only that the headers themselves fit. */
static enum ofperr decode_row(const uint8_t *p, size_t len,
			      const struct ofpmsg_row **rowp)
{
	uint8_t version = p[0], type = p[1];
	bool reply;

	*rowp = NULL;
	if (!version_known(version)) {
		if (version && type <= 3) {
			*rowp = &ofpmsg_rows[type];
			return 0;
		}
		return OFPERR_OFPBRC_BAD_VERSION;
	}
	if (type == OFPT_VENDOR)
		return decode_vendor(p, len, 8, version, false, false, rowp);
	if (is_stat_type(version, type, &reply))
		return decode_stat(p, len, reply, rowp);
	ofpmsg_index_init();
	uint8_t i = ofpt_index[version][type];
	if (!i)
		return OFPERR_OFPBRC_BAD_TYPE;
	*rowp = &ofpmsg_rows[i - 1];
	return 0;
}

static void fill_msg(struct ofpmsg *m, const struct ofpmsg_row *r,
		     const uint8_t *p, size_t len)
{
	m->row = r;
	m->type = r->type;
	m->version = p[0];
	m->xid = get32(p + 4);
	m->hdr_len = ofpmsg_row_hdr_len(r, p[0]);
	m->mp_flags = kind_is_stat(r->kind) ? get16(p + 10) : 0;
	m->body = p + m->hdr_len;
	m->body_len = len - m->hdr_len;
}

static bool body_len_ok(const struct ofpmsg_row *r, size_t body)
{
	if (body < r->min_body)
		return false;
	return r->elem ? (body - r->min_body) % r->elem == 0
		       : body == r->min_body;
}

enum ofperr ofpmsg_decode(struct ofpmsg *m, const void *data, size_t len)
{
	const uint8_t *p = data;
	const struct ofpmsg_row *r;

	memset(m, 0, sizeof *m);
	if (len < sizeof(struct ofp_header) || get16(p + 2) != len)
		return OFPERR_OFPBRC_BAD_LEN;
	enum ofperr error = decode_row(p, len, &r);
	if (error)
		return error;
	size_t hdr_len = ofpmsg_row_hdr_len(r, p[0]);
	if (len < hdr_len || !body_len_ok(r, len - hdr_len))
		return OFPERR_OFPBRC_BAD_LEN;
	fill_msg(m, r, p, len);
	return 0;
}

/* Identifies a message that may be cut short (the copy of a request inside
 * an ERROR): only the headers must be present.  'body_len' is what is left. */
enum ofperr ofpmsg_decode_partial(struct ofpmsg *m, const void *data,
				  size_t len)
{
	const uint8_t *p = data;
	const struct ofpmsg_row *r;

	memset(m, 0, sizeof *m);
	if (len < sizeof(struct ofp_header))
		return OFPERR_OFPBRC_BAD_LEN;
	enum ofperr error = decode_row(p, len, &r);
	if (error)
		return error;
	if (len < ofpmsg_row_hdr_len(r, p[0]))
		return OFPERR_OFPBRC_BAD_LEN;
	fill_msg(m, r, p, len);
	return 0;
}

static void put_vendor_subtype(struct bytebuf *b, const struct ofpmsg_row *r)
{
	bytebuf_put_be32(b, kind_vendor(r->kind));
	bytebuf_put_be32(b, r->number);
}

size_t ofpmsg_start(struct bytebuf *b, enum ofptype type, uint8_t version,
		    uint32_t xid)
{
	const struct ofpmsg_row *r = ofpmsg_row_find(type, version);
	if (!r)
		return SIZE_MAX;

	size_t start = b->size;
	bool v10 = version == OFP10_VERSION;
	uint8_t wire_type = r->number;
	if (kind_is_stat(r->kind))
		wire_type = (v10 ? OFPT10_STATS_REQUEST : OFPT11_STATS_REQUEST) +
			    r->reply;
	else if (r->kind != OFPMSG_OFPT)
		wire_type = OFPT_VENDOR;

	bytebuf_put_u8(b, version);
	bytebuf_put_u8(b, wire_type);
	bytebuf_put_be16(b, 0);
	bytebuf_put_be32(b, xid);
	if (r->kind == OFPMSG_NXT || r->kind == OFPMSG_ONFT) {
		put_vendor_subtype(b, r);
	} else if (kind_is_stat(r->kind)) {
		bool vendor = r->kind != OFPMSG_OFPST;
		bytebuf_put_be16(b, vendor ? OFPST_VENDOR : r->number);
		bytebuf_put_be16(b, 0);
		if (!v10)
			bytebuf_put_zeros(b, 4);
		if (vendor) {
			put_vendor_subtype(b, r);
			if (v10)
				bytebuf_put_zeros(b, 4);
		}
	}
	return start;
}

bool ofpmsg_finish(struct bytebuf *b, size_t start)
{
	uint8_t *len = bytebuf_at(b, start + 2, 2);
	size_t n = b->size - start;
	if (!len || n > UINT16_MAX)
		return false;
	len[0] = n >> 8;
	len[1] = n;
	return true;
}

void ofpmsg_set_mp_flags(struct bytebuf *b, size_t start, uint16_t flags)
{
	uint8_t *p = bytebuf_at(b, start + 10, 2);
	if (p) {
		p[0] = flags >> 8;
		p[1] = flags;
	}
}
