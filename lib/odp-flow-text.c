/* A datapath flow line: key, statistics, actions. */
#include "odp-flow-text.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odp-actions-text.h"

#define DELIMITERS ", \t\r\n"

/* ---- Printing ---- */

/* TCP flags as dump-flows shows them, tcpdump's way, in this order. */
static const struct {
	u16 bit;
	const char *name;
} tcp_flags[] = {
	{ 0x002, "S" }, { 0x001, "F" }, { 0x008, "P" }, { 0x004, "R" },
	{ 0x020, "U" }, { 0x010, "." }, { 0x040, "E" }, { 0x080, "C" },
	{ 0x100, "N" }, { 0x200, "[200]" }, { 0x400, "[400]" },
	{ 0x800, "[800]" },
};

void odp_flow_stats_format(struct odp_text *out,
			   const struct odp_flow_stats *st, unsigned int flags)
{
	bool verbose = flags & ODP_KEY_VERBOSE;

	odp_text_printf(out, "packets:%" PRIu64 ", bytes:%" PRIu64 ", used:",
			st->n_packets, st->n_bytes);
	if (st->used) {
		/* OVS's "%.3f" of seconds, from whole milliseconds. */
		u64 age = st->now - st->used;
		bool neg = (int64_t)age < 0;

		age = neg ? -age : age;
		odp_text_printf(out, "%s%" PRIu64 ".%03us", neg ? "-" : "",
				age / 1000, (unsigned int)(age % 1000));
	} else {
		odp_text_printf(out, "never");
	}
	if (st->tcp_flags) {
		odp_text_printf(out, ", flags:");
		for (size_t i = 0; i < ARRAY_SIZE(tcp_flags); i++)
			if (st->tcp_flags & tcp_flags[i].bit)
				odp_text_printf(out, "%s", tcp_flags[i].name);
	}
	if (verbose && st->offloaded)
		odp_text_printf(out, ", offloaded:%s",
				st->dp_layer && !strcmp(st->dp_layer, "ovs") ?
				"partial" : "yes");
	if (verbose && st->dp_layer)
		odp_text_printf(out, ", dp:%s", st->dp_layer);
}

void odp_flow_format(struct odp_text *out, const void *key, size_t key_len,
		     const void *mask, size_t mask_len,
		     const struct odp_flow_stats *stats,
		     const void *acts, size_t acts_len, unsigned int flags)
{
	bool verbose = flags & ODP_KEY_VERBOSE;

	if (verbose && stats && stats->has_ufid)
		odp_text_printf(out, "ufid:%08x-%04x-%04x-%04x-%04x%08x, ",
				stats->ufid[0], stats->ufid[1] >> 16,
				stats->ufid[1] & 0xffff, stats->ufid[2] >> 16,
				stats->ufid[2] & 0xffff, stats->ufid[3]);
	odp_key_format(out, key, key_len, mask, mask_len, flags);
	if (stats) {
		odp_text_printf(out, ", ");
		odp_flow_stats_format(out, stats, flags);
	}
	odp_text_printf(out, ", actions:");
	odp_actions_format(out, acts, acts_len);
}

/* ---- Parsing ---- */

/* The text between delimiters outside parentheses at 's', ending at
 * '*end'; "" at the end of the text. */
static const char *next_token(const char *s, const char **end)
{
	int depth = 0;

	s += strspn(s, DELIMITERS);
	for (*end = s; **end && (depth || !strchr(DELIMITERS, **end)); ++*end) {
		if (**end == '(')
			depth++;
		else if (**end == ')' && depth)
			depth--;
	}
	return s;
}

/* The length of a "name:" label (packets:, used:, actions:, ...), or 0. */
static size_t label_len(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-");

	return n && s[n] == ':' ? n + 1 : 0;
}

struct span {
	const char *start, *end;
};

/* Finds the key and the actions in 's'.  The key is what is not labelled
 * and comes before any label but ufid:; the actions follow "actions:" up to
 * the next label or, without one, begin at the first token that starts an
 * action. */
static int split_flow(const char *s, struct span *key, struct span *acts,
		      char *err, size_t err_size)
{
	const char *tok, *end;
	bool labelled = false, in_acts = false, past_key = false;

	for (tok = next_token(s, &end); *tok; tok = next_token(end, &end)) {
		size_t label = label_len(tok);

		labelled |= label == 8 && !strncmp(tok, "actions:", 8);
	}
	memset(key, 0, sizeof *key);
	memset(acts, 0, sizeof *acts);
	for (tok = next_token(s, &end); *tok; tok = next_token(end, &end)) {
		size_t label = label_len(tok);

		if (label == 8 && !strncmp(tok, "actions:", 8)) {
			in_acts = past_key = true;
			acts->start = tok + 8;
			acts->end = end;
		} else if (label) {
			/* ufid: comes before the key, the statistics after. */
			in_acts = false;
			past_key |= key->start != NULL;
		} else if (in_acts) {
			acts->end = end;
		} else if (!labelled && !past_key && odp_actions_begin(tok)) {
			in_acts = past_key = true;
			acts->start = tok;
			acts->end = end;
		} else if (!past_key) {
			key->start = key->start ? key->start : tok;
			key->end = end;
		} else if (!acts->start) {
			snprintf(err, err_size, "unexpected \"%.*s\" after the "
				 "flow key", (int)(end - tok), tok);
			return EINVAL;
		}
	}
	if (!key->start) {
		snprintf(err, err_size, "missing the flow key");
		return EINVAL;
	}
	if (!acts->start) {
		snprintf(err, err_size, "missing the actions after the flow "
			 "key (\"drop\" drops)");
		return EINVAL;
	}
	return 0;
}

static char *span_dup(const struct span *sp)
{
	size_t n = sp->end - sp->start;
	char *s = malloc(n + 1);

	if (s) {
		memcpy(s, sp->start, n);
		s[n] = '\0';
	}
	return s;
}

int odp_flow_parse(const char *s, struct nlbuf *key, struct nlbuf *mask,
		   struct nlbuf *acts, char *err, size_t err_size)
{
	u32 key_size = key->size, mask_size = mask ? mask->size : 0;
	struct span ks, as;
	char *ktext = NULL, *atext = NULL;
	int rc;

	if (err_size)
		err[0] = '\0';
	rc = split_flow(s, &ks, &as, err, err_size);
	if (rc)
		return rc;
	ktext = span_dup(&ks);
	atext = span_dup(&as);
	if (!ktext || !atext) {
		snprintf(err, err_size, "out of memory");
		rc = ENOMEM;
	} else {
		rc = odp_key_parse(ktext, key, mask, err, err_size);
		if (!rc)
			rc = odp_actions_parse(atext, acts, err, err_size);
	}
	if (rc) {
		key->size = key_size;
		if (mask)
			mask->size = mask_size;
	}
	free(ktext);
	free(atext);
	return rc;
}
