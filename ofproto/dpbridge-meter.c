/* OpenFlow meters on the datapath: each meter the tables hold is a
 * datapath meter of the same id, set and deleted as METER_MODs change it,
 * and translation points the meter instruction at it. */
#include "dpbridge-private.h"

#include <string.h>

#include "log.h"
#include "ofp-meter.h"
#include "ofp-msgs.h"
#include "xalloc.h"

#define OFPM_ALL 0xffffffffu

/* The datapath's meter ids stop at its limit; beyond it a meter is
 * OpenFlow's only (its flows go unmetered, as on a datapath without
 * meters). */
static bool dp_id_ok(uint32_t id)
{
	return id < METER_ID_LIMIT;
}

uint32_t dpb_xlate_meter(void *aux, uint32_t meter_id)
{
	struct dpb_xctx *ctx = aux;

	if (!dp_id_ok(meter_id) ||
	    !ofproto_meter_lookup(ctx->b->ofproto, meter_id))
		return UINT32_MAX;
	return meter_id;
}

static void meter_config(const struct ofproto_meter *m,
			 struct dpif_meter_config *c)
{
	memset(c, 0, sizeof *c);
	c->flags = m->flags;
	c->n_bands = m->n_bands < METER_MAX_BANDS ? m->n_bands
						  : METER_MAX_BANDS;
	for (size_t i = 0; i < c->n_bands; i++) {
		c->bands[i].type = m->bands[i].type;
		c->bands[i].rate = m->bands[i].rate;
		c->bands[i].burst = m->bands[i].burst_size;
	}
}

/* Keeps the list of meters set in the datapath; a meter set anew starts
 * counting from zero there. */
static void remember(struct dpbridge *b, uint32_t id, bool present)
{
	struct dpb_meter *m;

	for (size_t i = 0; i < b->n_meters; i++) {
		if (b->meters[i].id == id) {
			if (!present)
				b->meters[i] = b->meters[--b->n_meters];
			else
				memset(&b->meters[i].pushed, 0,
				       sizeof b->meters[i].pushed);
			return;
		}
	}
	if (present) {
		b->meters = xgrow_n(b->meters, &b->meters_cap, b->n_meters + 1,
				    sizeof *b->meters);
		m = &b->meters[b->n_meters++];
		memset(m, 0, sizeof *m);
		m->id = id;
	}
}

/* Makes datapath meter 'id' what the tables say it is. */
static void sync_meter(struct dpbridge *b, uint32_t id)
{
	const struct ofproto_meter *m;
	struct dpif_meter_config c;
	int err;

	if (!dp_id_ok(id))
		return;
	rcu_read_lock();
	m = ofproto_meter_lookup(b->ofproto, id);
	if (m)
		meter_config(m, &c);
	rcu_read_unlock();
	if (!m) {
		dpif_meter_del(b->dpif, id, NULL);
		remember(b, id, false);
		return;
	}
	err = dpif_meter_set(b->dpif, id, &c);
	if (err)
		log_msg(LOG_WARN, "%s: meter %u: %s", b->name, id,
			dpif_last_error(b->dpif));
	remember(b, id, !err);
}

void dpb_meter_mod_done(struct dpbridge *b, const struct ofpmsg *msg)
{
	struct ofp_meter_mod mm;

	if (ofp_meter_mod_decode(msg, &mm))
		return;
	if (mm.meter.meter_id != OFPM_ALL) {
		sync_meter(b, mm.meter.meter_id);
		return;
	}
	/* Deleting them all: every meter the datapath has from us. */
	while (b->n_meters)
		sync_meter(b, b->meters[b->n_meters - 1].id);
}

/* The datapath counts what each band applied to; OpenFlow counts all
 * that entered plus the same per band. */
static void push_one(struct dpbridge *b, struct dpb_meter *dm)
{
	const struct ofproto_meter *m;
	struct dpif_meter_stats now;
	uint64_t band_pk = 0, band_by = 0;

	if (dpif_meter_get(b->dpif, dm->id, &now))
		return;
	rcu_read_lock();
	m = ofproto_meter_lookup(b->ofproto, dm->id);
	for (uint32_t i = 0; m && i < now.n_bands && i < METER_MAX_BANDS;
	     i++) {
		uint64_t dp = now.bands[i].n_packets -
			      dm->pushed.bands[i].n_packets;
		uint64_t db = now.bands[i].n_bytes -
			      dm->pushed.bands[i].n_bytes;

		ofproto_meter_credit(m, dp, db, i);
		band_pk += dp;
		band_by += db;
	}
	if (m)
		ofproto_meter_credit(m, now.packet_in_count -
				     dm->pushed.packet_in_count - band_pk,
				     now.byte_in_count -
				     dm->pushed.byte_in_count - band_by, -1);
	rcu_read_unlock();
	dm->pushed = now;
}

void dpb_meters_push_stats(struct dpbridge *b)
{
	for (size_t i = 0; i < b->n_meters; i++)
		push_one(b, &b->meters[i]);
}
