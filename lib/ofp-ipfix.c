/* IPFIX statistics replies. */
#include "ofp-ipfix.h"

#include <inttypes.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-wire.h"

#define N_COUNTERS 10

/* The counters in wire order. */
static uint64_t *counter(struct ofp_ipfix_stats *is, int i)
{
	uint64_t *c[N_COUNTERS] = {
		&is->total_flows, &is->current_flows, &is->pkts,
		&is->ipv4_pkts, &is->ipv6_pkts, &is->error_pkts,
		&is->ipv4_error_pkts, &is->ipv6_error_pkts, &is->tx_pkts,
		&is->tx_errors,
	};
	return c[i];
}

int ofp_ipfix_stats_pull(struct bytecur *c, struct ofp_ipfix_stats *is)
{
	if (!c->left)
		return -1;
	const uint8_t *p = bytecur_take(c, OFP_IPFIX_STATS_LEN);
	if (!p)
		return OFPERR_OFPBRC_BAD_LEN;
	for (int i = 0; i < N_COUNTERS; i++)
		*counter(is, i) = ofp_get64(p + 8 * i);
	is->collector_set_id = ofp_get32(p + 80);
	return 0;
}

void ofp_ipfix_stats_put(struct bytebuf *b, const struct ofp_ipfix_stats *is)
{
	struct ofp_ipfix_stats copy = *is;

	for (int i = 0; i < N_COUNTERS; i++)
		bytebuf_put_be64(b, *counter(&copy, i));
	bytebuf_put_be32(b, is->collector_set_id);
	bytebuf_put_zeros(b, 4);
}

static void put_stat(struct odp_text *t, const char *leader, uint64_t v,
		     const char *end)
{
	if (v == UINT64_MAX)
		odp_text_printf(t, "%s?%s", leader, end);
	else
		odp_text_printf(t, "%s%" PRIu64 "%s", leader, v, end);
}

static void format_stats(struct odp_text *t, const struct ofp_ipfix_stats *is,
			 int indent)
{
	put_stat(t, "flows=", is->total_flows, ", ");
	put_stat(t, "current flows=", is->current_flows, ", ");
	put_stat(t, "sampled pkts=", is->pkts, ", ");
	put_stat(t, "ipv4 ok=", is->ipv4_pkts, ", ");
	put_stat(t, "ipv6 ok=", is->ipv6_pkts, ", ");
	put_stat(t, "tx pkts=", is->tx_pkts, "\n");
	odp_text_printf(t, "%*s", indent, "");
	put_stat(t, "pkts errs=", is->error_pkts, ", ");
	put_stat(t, "ipv4 errs=", is->ipv4_error_pkts, ", ");
	put_stat(t, "ipv6 errs=", is->ipv6_error_pkts, ", ");
	put_stat(t, "tx errs=", is->tx_errors, "\n");
}

OFP_BODY_PRINTER(ofp_ipfix_print_bridge_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_ipfix_stats is;
	int retval;

	while (!(retval = ofp_ipfix_stats_pull(&c, &is))) {
		odp_text_printf(t, "\n  bridge ipfix: ");
		format_stats(t, &is, 16);
	}
	return retval < 0 ? 0 : retval;
}

OFP_BODY_PRINTER(ofp_ipfix_print_flow_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_ipfix_stats is;
	int retval;

	odp_text_printf(t, " %zu ids\n", m->body_len / OFP_IPFIX_STATS_LEN);
	while (!(retval = ofp_ipfix_stats_pull(&c, &is))) {
		odp_text_printf(t, "  id %3" PRIu32 ": ", is.collector_set_id);
		format_stats(t, &is, 10);
	}
	return retval < 0 ? 0 : retval;
}
