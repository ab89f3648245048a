/* Bodies of the switch configuration messages: FEATURES_REPLY,
 * GET_CONFIG_REPLY and SET_CONFIG. */
#ifndef OFP_SWITCH_H
#define OFP_SWITCH_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;

/* Capability bits as each version puts them on the wire. */
#define OFPC_FLOW_STATS		(1u << 0)
#define OFPC_TABLE_STATS	(1u << 1)
#define OFPC_PORT_STATS		(1u << 2)
#define OFPC10_STP		(1u << 3)	/* 1.0 only. */
#define OFPC11_GROUP_STATS	(1u << 3)	/* 1.1+. */
#define OFPC_IP_REASM		(1u << 5)
#define OFPC_QUEUE_STATS	(1u << 6)
#define OFPC_ARP_MATCH_IP	(1u << 7)	/* 1.0 and 1.1. */
#define OFPC12_PORT_BLOCKED	(1u << 8)	/* 1.2+. */
#define OFPC14_BUNDLES		(1u << 9)	/* 1.4+. */
#define OFPC14_FLOW_MONITORING	(1u << 10)	/* 1.4+. */

/* A FEATURES_REPLY.  'capabilities' keeps only the bits defined in the
 * message's version; 'actions' is OpenFlow 1.0's action bitmap; 'ports'
 * points at the raw port list OpenFlow 1.0-1.2 append. */
struct ofp_switch_features {
	uint64_t datapath_id;
	uint32_t n_buffers;
	uint8_t n_tables;
	uint8_t auxiliary_id;		/* 1.3+. */
	uint32_t capabilities;
	uint32_t actions;		/* 1.0 only. */
	const uint8_t *ports;
	size_t ports_len;
};

uint32_t ofp_switch_capabilities_mask(uint8_t version);
enum ofperr ofp_switch_features_decode(const struct ofpmsg *,
				       struct ofp_switch_features *);
void ofp_switch_features_encode(struct bytebuf *, uint8_t version,
				uint32_t xid,
				const struct ofp_switch_features *);

/* Fragment handling, the low two bits of the config flags. */
enum ofp_frag {
	OFPC_FRAG_NORMAL = 0,
	OFPC_FRAG_DROP = 1,
	OFPC_FRAG_REASM = 2,
	OFPC_FRAG_NX_MATCH = 3,
};
#define OFPC_FRAG_MASK 3
#define OFPC_INVALID_TTL_TO_CONTROLLER (1u << 2)	/* Before 1.3. */

struct ofp_switch_config {
	uint16_t flags;
	uint16_t miss_send_len;
};

const char *ofp_frag_to_string(enum ofp_frag);
enum ofperr ofp_switch_config_decode(const struct ofpmsg *,
				     struct ofp_switch_config *);
bool ofp_switch_config_encode(struct bytebuf *, enum ofptype,
			      uint8_t version, uint32_t xid,
			      const struct ofp_switch_config *);

#endif
