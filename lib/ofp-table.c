/* TABLE_MOD. */
#include "ofp-table.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-prop.h"
#include "ofp-version.h"
#include "ofp-wire.h"
#include "xalloc.h"

#define OFPTMPT14_EVICTION 2
#define OFPTMPT14_VACANCY 3

void ofp_table_mod_init(struct ofp_table_mod *tm, uint8_t table_id)
{
	memset(tm, 0, sizeof *tm);
	tm->table_id = table_id;
	tm->eviction_flags = OFP_TABLE_NO_EVICTION_FLAGS;
}

/* table_id(1) pad(3) active(4) lookup(8) matched(8); the message table
 * has checked the body is whole elements. */
void ofp_table_stats_at(const uint8_t *body, size_t i,
			struct ofp_table_stats *ts)
{
	const uint8_t *p = body + i * OFP13_TABLE_STATS_LEN;

	ts->table_id = p[0];
	ts->active_count = ofp_get32(p + 4);
	ts->lookup_count = ofp_get64(p + 8);
	ts->matched_count = ofp_get64(p + 16);
}

void ofp_table_stats_put(struct bytebuf *b, const struct ofp_table_stats *ts)
{
	bytebuf_put_u8(b, ts->table_id);
	bytebuf_put_zeros(b, 3);
	bytebuf_put_be32(b, ts->active_count);
	bytebuf_put_be64(b, ts->lookup_count);
	bytebuf_put_be64(b, ts->matched_count);
}

static bool table_stats_equal(const struct ofp_table_stats *a,
			      const struct ofp_table_stats *b)
{
	return a->active_count == b->active_count &&
	       a->lookup_count == b->lookup_count &&
	       a->matched_count == b->matched_count;
}

static void finish_ditto(struct odp_text *t, int first, int last)
{
	if (first < 0)
		return;
	if (first == last)
		odp_text_printf(t, "\n  table %d: ditto\n", first);
	else
		odp_text_printf(t, "\n  tables %d...%d: ditto\n", first, last);
}

/* A table whose counters repeat the previous table's joins a "ditto" run.
 * Before 1.3 the elements also describe the table's features, which are
 * shown as bytes. */
OFP_BODY_PRINTER(ofp_table_stats_print_reply)
{
	struct ofp_table_stats prev, ts;
	int first = -1, last = -1;

	if (m->version < OFP13_VERSION) {
		odp_text_printf(t, "\n");
		ofp_print_hex_dump(t, m->body, m->body_len, 0);
		return 0;
	}
	for (size_t i = 0; i < m->body_len / OFP13_TABLE_STATS_LEN; i++) {
		ofp_table_stats_at(m->body, i, &ts);
		if (i && table_stats_equal(&ts, &prev)) {
			if (first < 0)
				first = ts.table_id;
			last = ts.table_id;
			continue;
		}
		finish_ditto(t, first, last);
		first = -1;
		odp_text_printf(t, "\n  table %u:\n    active=%" PRIu32
				   ", lookup=%" PRIu64 ", matched=%" PRIu64
				   "\n",
				ts.table_id, ts.active_count, ts.lookup_count,
				ts.matched_count);
		prev = ts;
	}
	finish_ditto(t, first, last);
	return 0;
}

/* Only 1.1 and 1.2 say what a miss does; a bad value means controller. */
static enum ofp_table_miss miss_from_config(uint32_t config, uint8_t version)
{
	if (version != OFP11_VERSION && version != OFP12_VERSION)
		return OFP_TABLE_MISS_DEFAULT;
	switch (config & OFPTC11_TABLE_MISS_MASK) {
	case OFPTC11_TABLE_MISS_CONTINUE:
		return OFP_TABLE_MISS_CONTINUE;
	case OFPTC11_TABLE_MISS_DROP:
		return OFP_TABLE_MISS_DROP;
	default:
		return OFP_TABLE_MISS_CONTROLLER;
	}
}

static enum ofp_table_switch bit_setting(uint32_t config, uint32_t bit)
{
	return config & bit ? OFP_TABLE_ON : OFP_TABLE_OFF;
}

/* length(2) table_id(1) pad(1) config(4) properties: 0, -1 when none is
 * left, or an error.  Unknown properties are skipped. */
int ofp_table_desc_pull(struct bytecur *c, struct ofp_table_desc *td)
{
	const uint8_t *p = c->p;

	memset(td, 0, sizeof *td);
	td->eviction_flags = OFP_TABLE_NO_EVICTION_FLAGS;
	if (!c->left)
		return -1;
	if (c->left < 8)
		return OFPERR_OFPBRC_BAD_LEN;
	size_t len = ofp_get16(p);
	if (len < 8 || len > c->left)
		return OFPERR_OFPBRC_BAD_LEN;
	bytecur_take(c, len);
	td->table_id = p[2];
	td->eviction = bit_setting(ofp_get32(p + 4), OFPTC14_EVICTION);
	td->vacancy = bit_setting(ofp_get32(p + 4), OFPTC14_VACANCY_EVENTS);

	struct bytecur props = bytecur_make(p + 8, len - 8);
	while (props.left) {
		struct ofp_prop prop;
		enum ofperr error = ofp_prop_pull(&props, 0xffff, &prop);
		if (error)
			return error;
		if (prop.type != OFPTMPT14_EVICTION &&
		    prop.type != OFPTMPT14_VACANCY)
			continue;
		if (prop.len != 8)
			return OFPERR_OFPBPC_BAD_LEN;
		if (prop.type == OFPTMPT14_EVICTION) {
			td->eviction_flags = ofp_get32(prop.data + 4);
		} else {
			td->vacancy_down = prop.data[4];
			td->vacancy_up = prop.data[5];
			td->vacancy_now = prop.data[6];
		}
	}
	return 0;
}

void ofp_table_desc_put(struct bytebuf *b, const struct ofp_table_desc *td)
{
	bool flags = td->eviction_flags != OFP_TABLE_NO_EVICTION_FLAGS;

	bytebuf_put_be16(b, 16 + 8 * flags);
	bytebuf_put_u8(b, td->table_id);
	bytebuf_put_zeros(b, 1);
	bytebuf_put_be32(b, (td->eviction == OFP_TABLE_ON ? OFPTC14_EVICTION
							   : 0) |
				    (td->vacancy == OFP_TABLE_ON
					     ? OFPTC14_VACANCY_EVENTS : 0));
	if (flags) {
		bytebuf_put_be16(b, OFPTMPT14_EVICTION);
		bytebuf_put_be16(b, 8);
		bytebuf_put_be32(b, td->eviction_flags);
	}
	bytebuf_put_be16(b, OFPTMPT14_VACANCY);
	bytebuf_put_be16(b, 8);
	bytebuf_put_u8(b, td->vacancy_down);
	bytebuf_put_u8(b, td->vacancy_up);
	bytebuf_put_u8(b, td->vacancy_now);
	bytebuf_put_zeros(b, 1);
}

/* reason(1) pad(7), then one table description. */
enum ofperr ofp_table_status_decode(const struct ofpmsg *m, uint8_t *reason,
				    struct ofp_table_desc *td)
{
	struct bytecur c = bytecur_make(m->body + 8, m->body_len - 8);

	*reason = m->body[0];
	if (*reason != OFPTR_VACANCY_DOWN && *reason != OFPTR_VACANCY_UP)
		return OFPERR_OFPBPC_BAD_VALUE;
	int retval = ofp_table_desc_pull(&c, td);
	return retval < 0 ? OFPERR_OFPBRC_BAD_LEN : retval;
}

void ofp_table_status_encode(struct bytebuf *b, uint8_t version, uint32_t xid,
			     uint8_t reason, const struct ofp_table_desc *td)
{
	size_t start = ofpmsg_start(b, OFPTYPE_TABLE_STATUS, version, xid);

	bytebuf_put_u8(b, reason);
	bytebuf_put_zeros(b, 7);
	ofp_table_desc_put(b, td);
	ofpmsg_finish(b, start);
}

static const char *eviction_flag_name(unsigned bit)
{
	static const char *const names[] = { "OTHER", "IMPORTANCE",
					     "LIFETIME" };
	return bit < 3 ? names[bit] : NULL;
}

static const char *switch_name(enum ofp_table_switch);

static void print_table_desc(struct odp_text *t,
			     const struct ofp_table_desc *td)
{
	odp_text_printf(t, "\n  table %u:\n   eviction=%s eviction_flags=",
			td->table_id, switch_name(td->eviction));
	if (td->eviction_flags != OFP_TABLE_NO_EVICTION_FLAGS)
		ofp_print_bit_names(t, td->eviction_flags, eviction_flag_name,
				    '|');
	else
		odp_text_printf(t, "(default)");
	odp_text_printf(t, "\n   vacancy=%s", switch_name(td->vacancy));
	if (td->vacancy == OFP_TABLE_ON)
		odp_text_printf(t, " vacancy_down=%u%% vacancy_up=%u%%"
				   " vacancy=%u%%",
				td->vacancy_down, td->vacancy_up,
				td->vacancy_now);
	odp_text_printf(t, "\n");
}

OFP_BODY_PRINTER(ofp_table_desc_print_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_table_desc td;
	int retval;

	while (!(retval = ofp_table_desc_pull(&c, &td)))
		print_table_desc(t, &td);
	return retval < 0 ? 0 : retval;
}

OFP_BODY_PRINTER(ofp_table_status_print)
{
	struct ofp_table_desc td;
	uint8_t reason;
	enum ofperr error = ofp_table_status_decode(m, &reason, &td);

	if (error)
		return error;
	odp_text_printf(t, " reason=%s\ntable_desc:-",
			reason == OFPTR_VACANCY_DOWN ? "VACANCY_DOWN"
						     : "VACANCY_UP");
	print_table_desc(t, &td);
	return 0;
}

/* Vacancy thresholds: down <= up <= 100, and no current vacancy in a
 * request. */
static enum ofperr take_vacancy(const struct ofp_prop *prop,
				struct ofp_table_mod *tm)
{
	if (prop->len != 8)
		return OFPERR_OFPBPC_BAD_LEN;
	tm->vacancy_down = prop->data[4];
	tm->vacancy_up = prop->data[5];
	if (tm->vacancy_down > tm->vacancy_up || tm->vacancy_up > 100 ||
	    prop->data[6])
		return OFPERR_OFPBPC_BAD_VALUE;
	return 0;
}

/* As ovs-ofctl, an unknown property is a bad type of request. */
static enum ofperr take_props(struct bytecur *c, struct ofp_table_mod *tm)
{
	while (c->left) {
		struct ofp_prop prop;
		enum ofperr error = ofp_prop_pull(c, 0xffff, &prop);
		if (error)
			return error;
		if (prop.type == OFPTMPT14_EVICTION) {
			if (prop.len != 8)
				return OFPERR_OFPBPC_BAD_LEN;
			tm->eviction_flags = ofp_get32(prop.data + 4);
		} else if (prop.type == OFPTMPT14_VACANCY) {
			error = take_vacancy(&prop, tm);
			if (error)
				return error;
		} else {
			return OFPERR_OFPBRC_BAD_TYPE;
		}
	}
	return 0;
}

/* table_id(1) pad(3) config(4), then 1.4+ properties. */
enum ofperr ofp_table_mod_decode(const struct ofpmsg *m,
				 struct ofp_table_mod *tm)
{
	const uint8_t *p = m->body;
	uint32_t config = ofp_get32(p + 4);

	ofp_table_mod_init(tm, p[0]);
	tm->miss = miss_from_config(config, m->version);
	if (m->version < OFP14_VERSION)
		return 0;
	tm->eviction = bit_setting(config, OFPTC14_EVICTION);
	tm->vacancy = bit_setting(config, OFPTC14_VACANCY_EVENTS);

	struct bytecur c = bytecur_make(p + 8, m->body_len - 8);
	return take_props(&c, tm);
}

static uint32_t config_to_wire(const struct ofp_table_mod *tm,
			       uint8_t version)
{
	uint32_t config = 0;

	if (version == OFP11_VERSION || version == OFP12_VERSION)
		return tm->miss == OFP_TABLE_MISS_CONTINUE
			       ? OFPTC11_TABLE_MISS_CONTINUE
		       : tm->miss == OFP_TABLE_MISS_DROP
			       ? OFPTC11_TABLE_MISS_DROP
			       : OFPTC11_TABLE_MISS_CONTROLLER;
	if (version >= OFP14_VERSION && tm->eviction == OFP_TABLE_ON)
		config |= OFPTC14_EVICTION;
	if (version >= OFP14_VERSION && tm->vacancy == OFP_TABLE_ON)
		config |= OFPTC14_VACANCY_EVENTS;
	return config;
}

void ofp_table_mod_encode(struct bytebuf *b, uint8_t version, uint32_t xid,
			  const struct ofp_table_mod *tm)
{
	size_t start = ofpmsg_start(b, OFPTYPE_TABLE_MOD, version, xid);

	bytebuf_put_u8(b, tm->table_id);
	bytebuf_put_zeros(b, 3);
	bytebuf_put_be32(b, config_to_wire(tm, version));
	if (version >= OFP14_VERSION &&
	    tm->eviction_flags != OFP_TABLE_NO_EVICTION_FLAGS) {
		bytebuf_put_be16(b, OFPTMPT14_EVICTION);
		bytebuf_put_be16(b, 8);
		bytebuf_put_be32(b, tm->eviction_flags);
	}
	/* Thresholds may come without the events bit; keep them. */
	if (version >= OFP14_VERSION &&
	    (tm->vacancy == OFP_TABLE_ON || tm->vacancy_down ||
	     tm->vacancy_up)) {
		bytebuf_put_be16(b, OFPTMPT14_VACANCY);
		bytebuf_put_be16(b, 8);
		bytebuf_put_u8(b, tm->vacancy_down);
		bytebuf_put_u8(b, tm->vacancy_up);
		bytebuf_put_zeros(b, 2);
	}
	ofpmsg_finish(b, start);
}

/* A threshold 0..100 as ovs-ofctl reads it; -1 if it is not one. */
static int parse_percent(const char *s)
{
	char *tail;

	errno = 0;
	long v = strtol(s, &tail, 0);
	return errno || *tail || !*s || v < 0 || v > 100 ? -1 : (int)v;
}

/* "vacancy:DOWN,UP". */
static char *parse_vacancy(struct ofp_table_mod *tm, const char *setting)
{
	char *copy = xstrdup(setting), *save = NULL, *error = NULL;
	const char *down_s, *up_s;
	int down, up;

	strtok_r(copy, ":", &save);
	down_s = strtok_r(NULL, ",", &save);
	if (!down_s) {
		error = xstrdup("Vacancy down value missing");
	} else if ((down = parse_percent(down_s)) < 0) {
		error = xasprintf("Invalid vacancy down value \"%s\"", down_s);
	} else if (!(up_s = strtok_r(NULL, ",", &save))) {
		error = xstrdup("Vacancy up value missing");
	} else if ((up = parse_percent(up_s)) < 0) {
		error = xasprintf("Invalid vacancy up value \"%s\"", up_s);
	} else if (down > up) {
		error = xasprintf("Invalid vacancy range, vacancy up should be "
				  "greater than vacancy down (%s)",
				  ofperr_get_name(OFPERR_OFPBPC_BAD_VALUE));
	} else {
		tm->vacancy_down = down;
		tm->vacancy_up = up;
	}
	free(copy);
	return error;
}

static char *parse_table_id(const char *s, uint8_t *id)
{
	char *tail;

	if (!strcasecmp(s, "all")) {
		*id = OFPTT_ALL;
		return NULL;
	}
	errno = 0;
	unsigned long v = strtoul(s, &tail, 10);
	if (errno || *tail || !*s || s[0] == '-' || v > OFPTT_ALL)
		return xasprintf("unknown table \"%s\"", s);
	*id = v;
	return NULL;
}

#define V11_12 ((1u << OFP11_VERSION) | (1u << OFP12_VERSION))
#define V14_15 ((1u << OFP14_VERSION) | (1u << OFP15_VERSION))

/* ovs-ofctl's "mod-table TABLE SETTING": a table number or "all", and one
 * of controller, continue, drop (1.1-1.2), evict, noevict,
 * vacancy:DOWN,UP, novacancy (1.4+).  '*usable_versions' gets the bitmap
 * of versions (bit N for version N) that can carry it. */
char *ofp_table_mod_parse(struct ofp_table_mod *tm, const char *table,
			  const char *setting, uint32_t *usable_versions)
{
	static const struct {
		const char *name;
		enum ofp_table_miss miss;
		enum ofp_table_switch eviction, vacancy;
	} settings[] = {
		{ "controller", OFP_TABLE_MISS_CONTROLLER, 0, 0 },
		{ "continue", OFP_TABLE_MISS_CONTINUE, 0, 0 },
		{ "drop", OFP_TABLE_MISS_DROP, 0, 0 },
		{ "evict", 0, OFP_TABLE_ON, 0 },
		{ "noevict", 0, OFP_TABLE_OFF, 0 },
		{ "novacancy", 0, 0, OFP_TABLE_OFF },
	};
	uint8_t id = 0;
	char *error = parse_table_id(table, &id);

	*usable_versions = 0;
	if (error)
		return error;
	ofp_table_mod_init(tm, id);
	for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		if (!strcmp(setting, settings[i].name)) {
			tm->miss = settings[i].miss;
			tm->eviction = settings[i].eviction;
			tm->vacancy = settings[i].vacancy;
			*usable_versions = tm->miss ? V11_12 : V14_15;
		}
	}
	if (!*usable_versions) {
		if (strncmp(setting, "vacancy", strcspn(setting, ":")))
			return xasprintf("invalid table_mod setting %s",
					 setting);
		tm->vacancy = OFP_TABLE_ON;
		*usable_versions = V14_15;
		error = parse_vacancy(tm, setting);
		if (error)
			return error;
	}
	if (tm->table_id == OFPTT_MAX && tm->miss == OFP_TABLE_MISS_CONTINUE)
		return xstrdup("last table's flow miss handling can not be "
			       "continue");
	return NULL;
}

static const char *switch_name(enum ofp_table_switch s)
{
	return s == OFP_TABLE_ON ? "on" : s == OFP_TABLE_OFF ? "off"
							      : "***error***";
}

/* ovs-ofctl keeps the eviction property's flags where it keeps the
 * eviction setting, so it shows them as one: 1 "on", 2 "off", other
 * nonzero values "***error***". */
static enum ofp_table_switch printed_eviction(const struct ofp_table_mod *tm)
{
	if (tm->eviction_flags == OFP_TABLE_NO_EVICTION_FLAGS)
		return tm->eviction;
	return tm->eviction_flags <= OFP_TABLE_OFF ? tm->eviction_flags : 3;
}

OFP_BODY_PRINTER(ofp_table_mod_print)
{
	static const char *const misses[] = { "default", "controller",
					      "continue", "drop" };
	struct ofp_table_mod tm;
	enum ofperr error = ofp_table_mod_decode(m, &tm);

	if (error)
		return error;
	if (tm.table_id == OFPTT_ALL)
		odp_text_printf(t, " table_id: ALL_TABLES");
	else
		odp_text_printf(t, " table_id=%u", tm.table_id);
	if (tm.miss)
		odp_text_printf(t, ", flow_miss_config=%s", misses[tm.miss]);

	enum ofp_table_switch eviction = printed_eviction(&tm);
	if (eviction)
		odp_text_printf(t, ", eviction=%s", switch_name(eviction));
	if (tm.vacancy) {
		odp_text_printf(t, ", vacancy=%s", switch_name(tm.vacancy));
		if (tm.vacancy == OFP_TABLE_ON)
			odp_text_printf(t, " vacancy:%u,%u", tm.vacancy_down,
					tm.vacancy_up);
	}
	return 0;
}
