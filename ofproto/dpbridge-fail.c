/* Fail-open: a standalone bridge whose controllers have all been
 * unreachable for a while acts as a learning switch (a hidden NORMAL flow
 * above every controller flow) until one comes back.  A secure bridge
 * keeps its flows and never does. */
#include "dpbridge-private.h"

#include <string.h>

#include "bytebuf.h"
#include "log.h"
#include "ofp-actions.h"

/* Above any OpenFlow priority, so controllers neither see nor override it. */
#define FAIL_OPEN_PRIORITY 0xf0f0f0
/* How long without any controller before failing open. */
#define FAIL_OPEN_DELAY_MS 15000

static void set_fail_open(struct dpbridge *b, bool on)
{
	struct of_match all;

	if (on == b->failed_open)
		return;
	of_match_init_catchall(&all);
	if (on) {
		struct bytebuf acts;
		struct ofpact_output *out;

		bytebuf_init(&acts);
		out = (struct ofpact_output *)ofpact_put(&acts, OFPACT_OUTPUT,
							 sizeof *out);
		out->port = XLATE_PORT_NORMAL;
		if (ofproto_add_flow(b->ofproto, &all, FAIL_OPEN_PRIORITY,
				     acts.data, acts.size))
			on = false;
		bytebuf_uninit(&acts);
	} else {
		ofproto_delete_flow(b->ofproto, &all, FAIL_OPEN_PRIORITY);
	}
	if (on != b->failed_open)
		log_msg(LOG_INFO, "%s: %s", b->name,
			on ? "no controller for a while: failing open "
			     "(acting as a learning switch)"
			   : "a controller is back: leaving fail-open mode");
	b->failed_open = on;
}

void dpb_fail_open_run(struct dpbridge *b, long long now)
{
	bool lost = b->n_active_controllers &&
		    !connmgr_is_any_controller_connected(b->connmgr);

	if (!lost || b->fail_mode != CONNMGR_FAIL_STANDALONE) {
		b->lost_since_ms = 0;
		set_fail_open(b, false);
		return;
	}
	if (!b->lost_since_ms)
		b->lost_since_ms = now;
	if (now - b->lost_since_ms >= FAIL_OPEN_DELAY_MS)
		set_fail_open(b, true);
}
