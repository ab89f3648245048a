/* Body printers of the messages without actions, each in its concept's
 * file, hooked into ofp-print's dispatch.  A printer appends to 't' what
 * follows the header line and returns 0 or the error that stopped it. */
#ifndef OFP_PRINT_BODIES_H
#define OFP_PRINT_BODIES_H 1

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct odp_text;

#define OFP_BODY_PRINTER(NAME)                                               \
	enum ofperr NAME(struct odp_text *t, const struct ofpmsg *m,      \
			 int verbosity, int depth)

/* ofp-port-stats.c */
OFP_BODY_PRINTER(ofp_port_desc_print_request);
OFP_BODY_PRINTER(ofp_port_stats_print_request);
OFP_BODY_PRINTER(ofp_port_stats_print_reply);
OFP_BODY_PRINTER(ofp_queue_stats_print_request);
OFP_BODY_PRINTER(ofp_queue_stats_print_reply);

/* ofp-port-mod.c */
OFP_BODY_PRINTER(ofp_port_mod_print);

/* ofp-table.c */
OFP_BODY_PRINTER(ofp_table_mod_print);
OFP_BODY_PRINTER(ofp_table_stats_print_reply);
OFP_BODY_PRINTER(ofp_table_desc_print_reply);
OFP_BODY_PRINTER(ofp_table_status_print);

/* ofp-group-stats.c */
OFP_BODY_PRINTER(ofp_group_stats_print_request);
OFP_BODY_PRINTER(ofp_group_stats_print_reply);
OFP_BODY_PRINTER(ofp_group_features_print_reply);

/* ofp-aggregate.c */
OFP_BODY_PRINTER(ofp_aggregate_print_reply);

/* ofp-flow-removed.c */
OFP_BODY_PRINTER(ofp_flow_removed_print);

/* ofp-bundle.c */
OFP_BODY_PRINTER(ofp_bundle_print_ctrl);
OFP_BODY_PRINTER(ofp_bundle_print_add);

/* ofp-queue-config.c */
OFP_BODY_PRINTER(ofp_queue_config_print_request);
OFP_BODY_PRINTER(ofp_queue_config_print_reply);

/* ofp-packet-in.c */
OFP_BODY_PRINTER(ofp_packet_in_print);

/* ofp-tlv.c */
OFP_BODY_PRINTER(ofp_tlv_print_mod);
OFP_BODY_PRINTER(ofp_tlv_print_reply);

/* ofp-requestforward.c */
OFP_BODY_PRINTER(ofp_requestforward_print);

/* ofp-flow-monitor.c */
OFP_BODY_PRINTER(ofp_flow_monitor_print_request);

/* ofp-meter.c */
OFP_BODY_PRINTER(ofp_meter_print_mod);
OFP_BODY_PRINTER(ofp_meter_print_request);
OFP_BODY_PRINTER(ofp_meter_print_stats_reply);
OFP_BODY_PRINTER(ofp_meter_print_config_reply);
OFP_BODY_PRINTER(ofp_meter_print_features_reply);

#endif
