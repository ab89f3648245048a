/* Flow monitor requests: NXST_FLOW_MONITOR (1.0-1.2, NXM), ONFST (1.3,
 * OXM) and OFPST (1.4+, with a command and an out_group). */
#ifndef OFP_FLOW_MONITOR_H
#define OFP_FLOW_MONITOR_H 1

#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-match.h"
#include "ofp-msgs.h"

struct bytebuf;
struct bytecur;

enum ofp_flow_monitor_command {
	OFPFMC_ADD = 0,
	OFPFMC_MODIFY = 1,
	OFPFMC_DELETE = 2,
};

/* Flags in the 1.4 numbering; the older forms move "own" from bit 5. */
#define OFPFMF_INITIAL		(1u << 0)
#define OFPFMF_ADD		(1u << 1)
#define OFPFMF_REMOVED		(1u << 2)
#define OFPFMF_MODIFY		(1u << 3)
#define OFPFMF_INSTRUCTIONS	(1u << 4)
#define OFPFMF_NO_ABBREV	(1u << 5)
#define OFPFMF_ONLY_OWN		(1u << 6)

struct ofp_flow_monitor_request {
	uint32_t id;
	uint8_t command;
	uint16_t flags;
	uint16_t out_port;	/* OFPP_ANY: any. */
	uint32_t out_group;	/* 1.4+; OFPG_ANY otherwise. */
	uint8_t table_id;	/* 0xff: every table. */
	struct of_match match;
};

int ofp_flow_monitor_request_pull(const struct ofpmsg *, struct bytecur *,
				  struct ofp_flow_monitor_request *);
void ofp_flow_monitor_request_put(struct bytebuf *, const struct ofpmsg *,
				  const struct ofp_flow_monitor_request *);

#endif
