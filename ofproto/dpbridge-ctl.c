/* A bridge's settings and main-loop work, and what weir-appctl shows of
 * it: ofproto/trace, fdb/show, fdb/flush, upcall/show. */
#include "dpbridge-private.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "odp-actions-text.h"
#include "ofp-fields.h"
#include "ofp-match.h"

const char *dpbridge_name(const struct dpbridge *b)
{
	return b->name;
}

void dpbridge_set_datapath_id(struct dpbridge *b, uint64_t dpid)
{
	b->datapath_id = dpid;
	ofproto_set_datapath_id(b->ofproto, dpid);
}

uint64_t dpbridge_datapath_id(const struct dpbridge *b)
{
	return b->datapath_id;
}

void dpbridge_set_fail_mode(struct dpbridge *b, enum connmgr_fail_mode mode)
{
	b->fail_mode = mode;
	connmgr_set_fail_mode(b->connmgr, mode);
}

int dpbridge_set_controllers(struct dpbridge *b,
			     const struct connmgr_controller *c, size_t n)
{
	b->n_active_controllers = 0;
	for (size_t i = 0; i < n; i++)
		if (c[i].target[0] != 'p')	/* ptcp:, pssl:, punix: */
			b->n_active_controllers++;
	return connmgr_set_controllers(b->connmgr, c, n);
}

void dpbridge_set_versions(struct dpbridge *b, uint32_t versions)
{
	connmgr_set_versions(b->connmgr, versions);
}

void dpbridge_set_mac_aging(struct dpbridge *b, unsigned int seconds,
			    size_t max_entries)
{
	mac_table_set_aging(b->macs, seconds);
	mac_table_set_max_entries(b->macs, max_entries);
}

void dpbridge_set_max_idle(struct dpbridge *b, unsigned int ms)
{
	b->max_idle_ms = ms;
}

const struct connmgr *dpbridge_connmgr(const struct dpbridge *b)
{
	return b->connmgr;
}

static int min_timeout(int a, long long b)
{
	return b < a ? (b < 0 ? 0 : (int)b) : a;
}

int dpbridge_run(struct dpbridge *b)
{
	long long now = dp_now_ms();
	int timeout = 1000;

	connmgr_run(b->connmgr);
	dpb_fail_open_run(b, now);
	dpb_miss_config_run(b);
	if (now >= b->next_meter_push_ms) {
		dpb_meters_push_stats(b);
		b->next_meter_push_ms = now + 1000;
	}
	timeout = min_timeout(timeout, ofproto_run(b->ofproto, now) - now);
	mac_table_expire(b->macs, now);
	timeout = min_timeout(timeout, mac_table_next_expiry(b->macs) - now);
	if (connmgr_timeout(b->connmgr) >= 0)
		timeout = min_timeout(timeout, connmgr_timeout(b->connmgr));
	return timeout;
}

static bool bytes_any(const struct of_flow *f, size_t ofs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (((const uint8_t *)f)[ofs + i])
			return true;
	return false;
}

/* Why field 'mf' is in the megaflow: the first table lookup that made it
 * so, else translation itself (the actions, NORMAL, or what every
 * megaflow matches: in_port, recirc_id, the Ethernet type). */
static void trace_reason(const struct dpb_xctx *ctx,
			 const struct mf_field *mf, FILE *out)
{
	for (size_t i = 0; i < ctx->n_lookups; i++) {
		if (bytes_any(&ctx->lookups[i].added, mf->ofs, mf->st_bytes)) {
			fprintf(out, "  %s: the lookup in table %u\n", mf->name,
				ctx->lookups[i].table_id);
			return;
		}
	}
	fprintf(out, "  %s: translation (the actions, or what every megaflow "
		"matches)\n", mf->name);
}

/* Each field of the mask once: a field whose storage an earlier one
 * covers (dl_vlan within vlan_tci, xreg0 over reg0...) is skipped. */
static void trace_reasons(const struct dpb_xctx *ctx,
			  const struct of_flow *wc, FILE *out)
{
	size_t covered_ofs[MFF_N_IDS], covered_end[MFF_N_IDS], n = 0;

	fprintf(out, "Why each field is in the megaflow:\n");
	for (int id = 0; id < MFF_N_IDS; id++) {
		const struct mf_field *mf = mf_from_id(id);
		bool dup = false;

		if (!mf || !bytes_any(wc, mf->ofs, mf->st_bytes))
			continue;
		for (size_t i = 0; i < n && !dup; i++)
			dup = mf->ofs >= covered_ofs[i] &&
			      mf->ofs + mf->st_bytes <= covered_end[i];
		if (dup)
			continue;
		covered_ofs[n] = mf->ofs;
		covered_end[n++] = mf->ofs + mf->st_bytes;
		trace_reason(ctx, mf, out);
	}
}

/* ofproto/trace: the tables a packet visits, what it becomes, and the
 * megaflow and datapath actions the switch would install. */
int dpbridge_trace(struct dpbridge *b, const char *flow_text, FILE *out)
{
	struct dpb_xctx ctx;
	struct xlate_out xo;
	struct of_match m, mega;
	char *s;
	int err;

	s = of_match_parse(flow_text, &m);
	if (s) {
		fprintf(out, "%s\n", s);
		free(s);
		return -EINVAL;
	}
	s = of_match_format(&m);
	fprintf(out, "Flow: %s\n\nbridge(\"%s\")\n-------------\n", s, b->name);
	free(s);

	rcu_read_lock();
	dpb_xctx_init(&ctx, b, &m.flow, false);
	ctx.trace = out;
	xlate_out_init(&xo);
	err = dpb_translate(&ctx, &m.flow, NULL, &xo);
	rcu_read_unlock();
	if (!err) {
		mega.mask = xo.wc;
		mega.flow = m.flow;
		for (size_t i = 0; i < sizeof mega.flow; i++)
			((uint8_t *)&mega.flow)[i] &= ((uint8_t *)&xo.wc)[i];
		s = of_match_format(&mega);
		fprintf(out, "\nMegaflow: %s\n", s);
		free(s);
		trace_reasons(&ctx, &xo.wc, out);
		if (xo.error)
			fprintf(out, "Translation failed (%s), packet is "
				"dropped.\n", xlate_error_name(xo.error));
		s = odp_actions_to_string(xo.actions.data, xo.actions.size);
		fprintf(out, "Datapath actions: %s\n", xo.actions.size ? s
								   : "drop");
		free(s);
	}
	xlate_out_uninit(&xo);
	dpb_xctx_uninit(&ctx);
	return err;
}

static void port_label(const struct dpb_ports *ports, uint32_t ofp_port,
		       char buf[16])
{
	if (ofp_port == XLATE_PORT_LOCAL)
		snprintf(buf, 16, "LOCAL");
	else
		snprintf(buf, 16, "%" PRIu32, ofp_port);
	(void)ports;
}

/* As ovs-appctl fdb/show prints it. */
void dpbridge_fdb_show(struct dpbridge *b, FILE *out)
{
	size_t n;
	struct mac_entry_info *e = mac_table_snapshot(b->macs, dp_now_ms(),
						      &n);

	fprintf(out, " port  VLAN  MAC                Age\n");
	for (size_t i = 0; i < n; i++) {
		char port[16];

		port_label(b->ports, e[i].port, port);
		fprintf(out, "%5s  %4u  %02x:%02x:%02x:%02x:%02x:%02x  ",
			port, e[i].vlan, e[i].mac[0], e[i].mac[1],
			e[i].mac[2], e[i].mac[3], e[i].mac[4], e[i].mac[5]);
		if (e[i].is_static)
			fprintf(out, "static\n");
		else
			fprintf(out, "%3d\n", e[i].age_s);
	}
	free(e);
}

void dpbridge_fdb_flush(struct dpbridge *b)
{
	mac_table_flush(b->macs);
}

void dpbridge_upcall_show(struct dpbridge *b, FILE *out)
{
	const struct dpb_counters *c = &b->counters;

	fprintf(out, "%s:\n  flows         : %zu (limit %u)\n", b->name,
		ukey_map_count(b->ukeys),
		__atomic_load_n(&b->flow_limit, __ATOMIC_RELAXED));
	fprintf(out, "  dump duration : %lldms\n",
		__atomic_load_n(&b->dump_ms, __ATOMIC_RELAXED));
	fprintf(out, "  upcalls       : %" PRIu64 " (errors %" PRIu64
		", retranslated %" PRIu64 ")\n", c->upcalls, c->upcall_errors,
		c->retranslated);
	fprintf(out, "  flows added   : %" PRIu64 ", modified %" PRIu64
		", deleted %" PRIu64 "\n", c->flows_added, c->flows_modified,
		c->flows_deleted);
	fprintf(out, "  revalidation  : %" PRIu64 " sweeps, %" PRIu64
		" megaflows re-translated after table changes\n",
		c->reval_passes, c->reval_targeted);
}
