/* Meters: wire codecs, ovs-ofctl's text for them, and its meter syntax. */
#include "ofp-meter.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-wire.h"
#include "xalloc.h"

#define METER_MOD_LEN 8
#define METER_CONFIG_LEN 8
#define METER_STATS_LEN 40
#define METER_BAND_STATS_LEN 16

/* 'len' bytes of bands: each exactly 16 bytes long, drop or dscp_remark. */
static enum ofperr check_bands(const uint8_t *p, size_t len, size_t *n)
{
	*n = 0;
	for (; len >= OFP_METER_BAND_LEN; len -= OFP_METER_BAND_LEN) {
		uint16_t type = ofp_get16(p);
		if (ofp_get16(p + 2) != OFP_METER_BAND_LEN)
			return OFPERR_OFPBRC_BAD_LEN;
		if (type != OFPMBT13_DROP && type != OFPMBT13_DSCP_REMARK)
			return OFPERR_OFPMMFC_BAD_BAND;
		p += OFP_METER_BAND_LEN;
		++*n;
	}
	return len ? OFPERR_OFPBRC_BAD_LEN : 0;
}

/* type(2) len(2) rate(4) burst_size(4), then prec_level(1) pad(3) for
 * dscp_remark or pad(4) for drop. */
void ofp_meter_band_pull(struct bytecur *c, struct ofp_meter_band *mb)
{
	const uint8_t *p = bytecur_take(c, OFP_METER_BAND_LEN);

	memset(mb, 0, sizeof *mb);
	if (!p)
		return;
	mb->type = ofp_get16(p);
	mb->rate = ofp_get32(p + 4);
	mb->burst_size = ofp_get32(p + 8);
	if (mb->type == OFPMBT13_DSCP_REMARK)
		mb->prec_level = p[12];
}

static void put_bands(struct bytebuf *b, const struct ofp_meter_band *bands,
		      size_t n)
{
	for (size_t i = 0; i < n; i++) {
		bytebuf_put_be16(b, bands[i].type);
		bytebuf_put_be16(b, OFP_METER_BAND_LEN);
		bytebuf_put_be32(b, bands[i].rate);
		bytebuf_put_be32(b, bands[i].burst_size);
		bytebuf_put_u8(b, bands[i].type == OFPMBT13_DSCP_REMARK
					  ? bands[i].prec_level : 0);
		bytebuf_put_zeros(b, 3);
	}
}

void ofp_meter_band_stats_at(const struct ofp_meter_stats *ms, size_t i,
			     uint64_t *packets, uint64_t *bytes)
{
	const uint8_t *p = ms->bands + i * METER_BAND_STATS_LEN;
	*packets = ofp_get64(p);
	*bytes = ofp_get64(p + 8);
}

/* command(2) flags(2) meter_id(4) bands.  A delete ignores flags and
 * bands, as the specification allows. */
enum ofperr ofp_meter_mod_decode(const struct ofpmsg *m,
				 struct ofp_meter_mod *mm)
{
	const uint8_t *p = m->body;

	memset(mm, 0, sizeof *mm);
	mm->command = ofp_get16(p);
	mm->meter.meter_id = ofp_get32(p + 4);
	if (mm->command > OFPMC13_DELETE)
		return OFPERR_OFPMMFC_BAD_COMMAND;
	if (mm->command == OFPMC13_DELETE)
		return 0;
	mm->meter.flags = ofp_get16(p + 2);
	if (mm->meter.flags & OFPMF13_KBPS && mm->meter.flags & OFPMF13_PKTPS)
		return OFPERR_OFPMMFC_BAD_FLAGS;
	mm->meter.bands = p + METER_MOD_LEN;
	return check_bands(mm->meter.bands, m->body_len - METER_MOD_LEN,
			   &mm->meter.n_bands);
}

void ofp_meter_mod_encode(struct bytebuf *b, uint8_t version, uint32_t xid,
			  const struct ofp_meter_mod *mm,
			  const struct ofp_meter_band *bands, size_t n_bands)
{
	size_t start = ofpmsg_start(b, OFPTYPE_METER_MOD, version, xid);
	bool del = mm->command == OFPMC13_DELETE;

	bytebuf_put_be16(b, mm->command);
	bytebuf_put_be16(b, del ? 0 : mm->meter.flags);
	bytebuf_put_be32(b, mm->meter.meter_id);
	if (!del)
		put_bands(b, bands, n_bands);
	ofpmsg_finish(b, start);
}

/* The meter stats and meter config requests: meter_id(4) pad(4). */
uint32_t ofp_meter_request_decode(const struct ofpmsg *m)
{
	return ofp_get32(m->body);
}

void ofp_meter_request_encode(struct bytebuf *b, enum ofptype type,
			      uint8_t version, uint32_t xid, uint32_t meter_id)
{
	size_t start = ofpmsg_start(b, type, version, xid);

	bytebuf_put_be32(b, meter_id);
	bytebuf_put_zeros(b, 4);
	ofpmsg_finish(b, start);
}

/* length(2) flags(2) meter_id(4) bands: 0, OFP_METER_END or an error. */
int ofp_meter_config_pull(struct bytecur *c, struct ofp_meter_config *mc)
{
	const uint8_t *p = c->p;

	memset(mc, 0, sizeof *mc);
	if (!c->left)
		return -1;
	if (c->left < METER_CONFIG_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	size_t len = ofp_get16(p);
	if (len < METER_CONFIG_LEN || len > c->left)
		return OFPERR_OFPBRC_BAD_LEN;
	bytecur_take(c, len);
	mc->flags = ofp_get16(p + 2);
	mc->meter_id = ofp_get32(p + 4);
	mc->bands = p + METER_CONFIG_LEN;
	return check_bands(mc->bands, len - METER_CONFIG_LEN, &mc->n_bands);
}

void ofp_meter_config_put(struct bytebuf *b, const struct ofp_meter_config *mc,
			  const struct ofp_meter_band *bands)
{
	bytebuf_put_be16(b, METER_CONFIG_LEN +
				    mc->n_bands * OFP_METER_BAND_LEN);
	bytebuf_put_be16(b, mc->flags);
	bytebuf_put_be32(b, mc->meter_id);
	put_bands(b, bands, mc->n_bands);
}

/* meter_id(4) len(2) pad(6) flow_count(4) packet_in(8) byte_in(8)
 * duration(4+4), then band stats of 16 bytes each. */
int ofp_meter_stats_pull(struct bytecur *c, struct ofp_meter_stats *ms)
{
	const uint8_t *p = c->p;

	memset(ms, 0, sizeof *ms);
	if (!c->left)
		return -1;
	if (c->left < METER_STATS_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	size_t len = ofp_get16(p + 4);
	if (len < METER_STATS_LEN || len > c->left ||
	    (len - METER_STATS_LEN) % METER_BAND_STATS_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	bytecur_take(c, len);
	ms->meter_id = ofp_get32(p);
	ms->flow_count = ofp_get32(p + 12);
	ms->packet_in_count = ofp_get64(p + 16);
	ms->byte_in_count = ofp_get64(p + 24);
	ms->duration_sec = ofp_get32(p + 32);
	ms->duration_nsec = ofp_get32(p + 36);
	ms->bands = p + METER_STATS_LEN;
	ms->n_bands = (len - METER_STATS_LEN) / METER_BAND_STATS_LEN;
	return 0;
}

/* max_meter(4) band_types(4) capabilities(4) max_bands(1) max_color(1)
 * pad(2). */
void ofp_meter_features_decode(const struct ofpmsg *m,
			       struct ofp_meter_features *mf)
{
	mf->max_meters = ofp_get32(m->body);
	mf->band_types = ofp_get32(m->body + 4);
	mf->capabilities = ofp_get32(m->body + 8);
	mf->max_bands = m->body[12];
	mf->max_color = m->body[13];
}

void ofp_meter_features_encode(struct bytebuf *b, uint8_t version,
			       uint32_t xid,
			       const struct ofp_meter_features *mf)
{
	size_t start = ofpmsg_start(b, OFPTYPE_METER_FEATURES_STATS_REPLY,
				    version, xid);
	bytebuf_put_be32(b, mf->max_meters);
	bytebuf_put_be32(b, mf->band_types);
	bytebuf_put_be32(b, mf->capabilities);
	bytebuf_put_u8(b, mf->max_bands);
	bytebuf_put_u8(b, mf->max_color);
	bytebuf_put_zeros(b, 2);
	ofpmsg_finish(b, start);
}

void ofp_meter_format_id(struct odp_text *t, uint32_t id, char sep)
{
	const char *name = id <= OFPM13_MAX	     ? NULL
			   : id == OFPM13_SLOWPATH   ? "slowpath"
			   : id == OFPM13_CONTROLLER ? "controller"
			   : id == OFPM13_ALL	     ? "all" : "unknown";
	if (name)
		odp_text_printf(t, "meter%c%s", sep, name);
	else
		odp_text_printf(t, "meter%c%" PRIu32, sep, id);
}

static const char *const meter_flag_names[] = { "kbps", "pktps", "burst",
						 "stats" };

static void format_band(struct odp_text *t, uint16_t flags,
			const struct ofp_meter_band *mb)
{
	odp_text_printf(t, "\ntype=");
	if (mb->type == OFPMBT13_DROP)
		odp_text_printf(t, "drop");
	else if (mb->type == OFPMBT13_DSCP_REMARK)
		odp_text_printf(t, "dscp_remark");
	else
		odp_text_printf(t, "%u", mb->type);
	odp_text_printf(t, " rate=%" PRIu32, mb->rate);
	if (flags & OFPMF13_BURST)
		odp_text_printf(t, " burst_size=%" PRIu32, mb->burst_size);
	if (mb->type == OFPMBT13_DSCP_REMARK)
		odp_text_printf(t, " prec_level=%u", mb->prec_level);
}

void ofp_meter_config_format(struct odp_text *t,
			     const struct ofp_meter_config *mc)
{
	struct bytecur c = bytecur_make(mc->bands,
					mc->n_bands * OFP_METER_BAND_LEN);
	uint16_t flags = mc->flags;

	ofp_meter_format_id(t, mc->meter_id, '=');
	odp_text_printf(t, " ");
	for (unsigned i = 0; i < 4; i++)
		if (flags & (1u << i))
			odp_text_printf(t, "%s ", meter_flag_names[i]);
	if (flags & ~0xfu)
		odp_text_printf(t, "flags:0x%x ", flags & ~0xfu);
	odp_text_printf(t, "bands=");
	for (size_t i = 0; i < mc->n_bands; i++) {
		struct ofp_meter_band mb;
		ofp_meter_band_pull(&c, &mb);
		format_band(t, flags, &mb);
	}
	odp_text_printf(t, "\n");
}

void ofp_meter_stats_format(struct odp_text *t,
			    const struct ofp_meter_stats *ms)
{
	ofp_meter_format_id(t, ms->meter_id, ':');
	odp_text_printf(t, " flow_count:%" PRIu32 " packet_in_count:%" PRIu64
			   " byte_in_count:%" PRIu64 " duration:",
			ms->flow_count, ms->packet_in_count, ms->byte_in_count);
	ofp_print_duration(t, ms->duration_sec, ms->duration_nsec);
	odp_text_printf(t, " bands:\n");
	for (size_t i = 0; i < ms->n_bands; i++) {
		uint64_t packets, bytes;
		ofp_meter_band_stats_at(ms, i, &packets, &bytes);
		odp_text_printf(t, "%zu: packet_count:%" PRIu64
				   " byte_count:%" PRIu64 "\n",
				i, packets, bytes);
	}
}

/* Band types are numbered from 1: bit N of band_types is type N. */
static const char *band_type_name(unsigned bit)
{
	return bit == OFPMBT13_DROP ? "drop"
	       : bit == OFPMBT13_DSCP_REMARK ? "dscp_remark" : NULL;
}

static const char *meter_flag_name(unsigned bit)
{
	return bit < 4 ? meter_flag_names[bit] : NULL;
}

void ofp_meter_features_format(struct odp_text *t,
			       const struct ofp_meter_features *mf)
{
	odp_text_printf(t, "\nmax_meter:%" PRIu32 " max_bands:%u"
			   " max_color:%u\n",
			mf->max_meters, mf->max_bands, mf->max_color);
	odp_text_printf(t, "band_types: ");
	ofp_print_bit_names(t, mf->band_types, band_type_name, ' ');
	odp_text_printf(t, "\ncapabilities: ");
	ofp_print_bit_names(t, mf->capabilities, meter_flag_name, ' ');
	odp_text_printf(t, "\n");
}

/* ovs-ofctl's meter syntax. */

static const char delims[] = "=, \t\r\n";
static const char value_delims[] = ", \t\r\n";

static char *parse_u32(const char *s, uint32_t *value)
{
	char *tail;

	if (!*s)
		return xstrdup("missing required numeric argument");
	errno = 0;
	unsigned long v = strtoul(s, &tail, 0);
	if (errno || *tail || v > UINT32_MAX)
		return xasprintf("invalid numeric format %s", s);
	*value = v;
	return NULL;
}

static char *parse_meter_id(const char *value, uint32_t *id)
{
	if (!strcmp(value, "all")) {
		*id = OFPM13_ALL;
	} else if (!strcmp(value, "controller")) {
		*id = OFPM13_CONTROLLER;
	} else if (!strcmp(value, "slowpath")) {
		*id = OFPM13_SLOWPATH;
	} else {
		char *error = parse_u32(value, id);
		if (error)
			return error;
		if (!*id || *id > OFPM13_MAX)
			return xstrdup("invalid value for meter");
	}
	return NULL;
}

/* The part before the bands: flags and "meter=ID". */
static char *parse_head(char *s, bool flags_ok, struct ofp_meter_mod *mm)
{
	char *save = NULL;

	for (char *name = strtok_r(s, delims, &save); name;
	     name = strtok_r(NULL, delims, &save)) {
		bool is_flag = false;
		for (unsigned i = 0; flags_ok && i < 4; i++) {
			if (!strcmp(name, meter_flag_names[i])) {
				mm->meter.flags |= 1u << i;
				is_flag = true;
			}
		}
		if (is_flag)
			continue;
		char *value = strtok_r(NULL, value_delims, &save);
		if (!value)
			return xasprintf("field %s missing value", name);
		if (strcmp(name, "meter"))
			return xasprintf("unknown keyword %s", name);
		char *error = parse_meter_id(value, &mm->meter.meter_id);
		if (error)
			return error;
	}
	return NULL;
}

static char *parse_band_field(struct ofp_meter_band *mb, const char *name,
			      const char *value)
{
	if (!strcmp(name, "rate"))
		return parse_u32(value, &mb->rate);
	if (!strcmp(name, "burst_size"))
		return parse_u32(value, &mb->burst_size);
	if (!strcmp(name, "prec_level")) {
		char *tail;
		errno = 0;
		long v = strtol(value, &tail, 0);
		if (errno || *tail || !*value || v < 0 || v > 255)
			return xasprintf("invalid prec_level \"%s\"", value);
		mb->prec_level = v;
		return NULL;
	}
	return xasprintf("unknown keyword %s", name);
}

static char *parse_bands(char *s, struct ofp_meter_band *bands,
			 size_t max_bands, size_t *n)
{
	char *save = NULL;

	for (char *name = strtok_r(s, delims, &save); name;
	     name = strtok_r(NULL, delims, &save)) {
		char *value = strtok_r(NULL, value_delims, &save);
		if (!value)
			return xasprintf("field %s missing value", name);
		if (!strcmp(name, "type")) {
			if (*n >= max_bands)
				return xstrdup("too many bands");
			struct ofp_meter_band *mb = &bands[(*n)++];
			memset(mb, 0, sizeof *mb);
			if (!strcmp(value, "drop"))
				mb->type = OFPMBT13_DROP;
			else if (!strcmp(value, "dscp_remark"))
				mb->type = OFPMBT13_DSCP_REMARK;
			else
				return xasprintf("field %s unknown value %s",
						 name, value);
		} else if (!*n) {
			return xstrdup("band must start with the 'type' "
				       "keyword");
		} else {
			char *error = parse_band_field(&bands[*n - 1], name,
						       value);
			if (error)
				return error;
		}
	}
	return NULL;
}

static char *check_parsed_bands(const struct ofp_meter_mod *mm,
				const struct ofp_meter_band *bands)
{
	if (!mm->meter.n_bands)
		return xstrdup("meter must have bands");
	for (size_t i = 0; i < mm->meter.n_bands; i++) {
		const struct ofp_meter_band *mb = &bands[i];
		if (mb->type == OFPMBT13_DSCP_REMARK && !mb->prec_level)
			return xstrdup("'dscp_remark' band must have "
				       "'prec_level'");
		if (mb->type != OFPMBT13_DSCP_REMARK && mb->prec_level)
			return xstrdup("Only 'dscp_remark' band may have "
				       "'prec_level'");
		if (!mb->rate)
			return xstrdup("band must have 'rate'");
		if (mm->meter.flags & OFPMF13_BURST && !mb->burst_size)
			return xstrdup("band must have 'burst_size' when "
				       "'burst' flag is set");
	}
	return NULL;
}

static char *parse_meter(char *s, int command, struct ofp_meter_mod *mm,
			 struct ofp_meter_band *bands, size_t max_bands)
{
	bool full = command == OFPMC13_ADD || command == OFPMC13_MODIFY;
	char *band_str = NULL;

	memset(mm, 0, sizeof *mm);
	mm->command = command < 0 ? 0 : command;
	if (full) {
		band_str = strstr(s, "band");
		if (!band_str)
			return xstrdup("must specify bands");
		*band_str = '\0';
		band_str = strchr(band_str + 1, '=');
		if (!band_str)
			return xstrdup("must specify bands");
		band_str++;
	}
	char *error = parse_head(s, full, mm);
	if (error)
		return error;
	if (!mm->meter.meter_id)
		return xstrdup("must specify 'meter'");
	if (!full)
		return NULL;
	if (!mm->meter.flags)
		return xstrdup("meter must specify either 'kbps' or 'pktps'");
	error = parse_bands(band_str, bands, max_bands, &mm->meter.n_bands);
	return error ? error : check_parsed_bands(mm, bands);
}

/* Parses ovs-ofctl's meter text ("meter=1,kbps,band=type=drop,rate=10")
 * for 'command' (an OFPMC13_*, or -1 for a stats or config request, which
 * takes just the meter) into 'mm' and up to 'max_bands' 'bands'.  Returns
 * NULL or an error message for the caller to free; mm->meter.bands stays
 * NULL: encode from 'bands'. */
char *ofp_meter_parse(const char *text, int command, struct ofp_meter_mod *mm,
		      struct ofp_meter_band *bands, size_t max_bands)
{
	char *s = xstrdup(text);
	char *error = parse_meter(s, command, mm, bands, max_bands);

	free(s);
	return error;
}

/* Printers for ofp-print. */

OFP_BODY_PRINTER(ofp_meter_print_mod)
{
	static const char *const commands[] = { "ADD", "MOD", "DEL" };
	struct ofp_meter_mod mm;
	enum ofperr error = ofp_meter_mod_decode(m, &mm);

	if (error)
		return error;
	odp_text_printf(t, " %s ", commands[mm.command]);
	ofp_meter_config_format(t, &mm.meter);
	return 0;
}

OFP_BODY_PRINTER(ofp_meter_print_request)
{
	odp_text_printf(t, " ");
	ofp_meter_format_id(t, ofp_meter_request_decode(m), '=');
	return 0;
}

OFP_BODY_PRINTER(ofp_meter_print_config_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_meter_config mc;
	int retval;

	while (!(retval = ofp_meter_config_pull(&c, &mc))) {
		odp_text_printf(t, "\n");
		ofp_meter_config_format(t, &mc);
	}
	return retval < 0 ? 0 : retval;
}

OFP_BODY_PRINTER(ofp_meter_print_stats_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_meter_stats ms;
	int retval;

	while (!(retval = ofp_meter_stats_pull(&c, &ms))) {
		odp_text_printf(t, "\n");
		ofp_meter_stats_format(t, &ms);
	}
	return retval < 0 ? 0 : retval;
}

OFP_BODY_PRINTER(ofp_meter_print_features_reply)
{
	struct ofp_meter_features mf;

	ofp_meter_features_decode(m, &mf);
	ofp_meter_features_format(t, &mf);
	return 0;
}
