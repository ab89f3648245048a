#include "dpctl-flow-text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dpif.h"
#include "odp-flow-text.h"

/* A UFID is 128 bits, id[0] then id[1], written the way a UUID is (the
 * same text the datapath's own messages use). */
int dpctl_ufid_parse(const char *s, struct flow_ufid *ufid, char *err,
		     size_t err_size)
{
	uint64_t id[2] = { 0, 0 };
	const char *p = s + 5;
	int digits = 0;

	if (strncmp(s, "ufid:", 5))
		return 0;
	for (; isxdigit((unsigned char)*p) || *p == '-'; p++) {
		if (*p == '-')
			continue;
		if (digits == 32)
			break;
		int v = isdigit((unsigned char)*p) ? *p - '0'
			: tolower((unsigned char)*p) - 'a' + 10;
		id[digits / 16] = id[digits / 16] << 4 | v;
		digits++;
	}
	if (digits != 32 || isxdigit((unsigned char)*p)) {
		snprintf(err, err_size, "\"%.*s\": a UFID is 32 hexadecimal "
			 "digits", (int)(p - s), s);
		return -1;
	}
	ufid->id[0] = id[0];
	ufid->id[1] = id[1];
	return p - s;
}

/* The odp_flow_stats of a dpif_flow.  The UFID's words are id[0] and
 * id[1] high half first, so that it prints as the datapath's messages
 * write it. */
static struct odp_flow_stats dpctl_flow_stats(const struct dpif_flow *flow)
{
	static const char *const layers[] = {
		[DPIF_FLOW_DP] = "ovs",
		[DPIF_FLOW_TC] = "tc",
		[DPIF_FLOW_TC_HW] = "tc",
	};
	const struct dpif_flow_stats *st = &flow->stats;

	return (struct odp_flow_stats){
		.n_packets = st->n_packets, .n_bytes = st->n_bytes,
		.used = st->used, .now = dp_now_ms(),
		.tcp_flags = st->tcp_flags,
		.has_ufid = flow->ufid_present,
		.ufid = { flow->ufid.id[0] >> 32, flow->ufid.id[0],
			  flow->ufid.id[1] >> 32, flow->ufid.id[1] },
		.offloaded = flow->home == DPIF_FLOW_TC_HW,
		.dp_layer = layers[flow->home],
	};
}

void dpctl_stats_print_line(FILE *out, const struct dpif_flow_stats *st)
{
	struct dpif_flow flow = { .stats = *st };
	struct odp_flow_stats stats = dpctl_flow_stats(&flow);
	struct odp_text text = ODP_TEXT_INIT;

	/* The statistics alone: the middle of a line with an empty key and
	 * no actions, "<empty>, packets:..., actions:drop". */
	odp_flow_format(&text, NULL, 0, NULL, 0, &stats, NULL, 0, 0);
	const char *s = strstr(odp_text_cstr(&text), "packets:");
	const char *end = s ? strstr(s, ", actions:") : NULL;
	if (s && end)
		fprintf(out, "%.*s\n", (int)(end - s), s);
	odp_text_free(&text);
}

void dpctl_flow_print(FILE *out, const struct dpif_flow *flow, bool more)
{
	struct odp_flow_stats stats = dpctl_flow_stats(flow);
	struct odp_text text = ODP_TEXT_INIT;

	odp_flow_format(&text, flow->key, flow->key_len, flow->mask,
			flow->mask_len, &stats, flow->actions,
			flow->actions_len, more ? ODP_KEY_VERBOSE : 0);
	fprintf(out, "%s\n", odp_text_cstr(&text));
	odp_text_free(&text);
}
