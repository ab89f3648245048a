/* GROUP_MOD and group descriptions as ovs-ofctl writes and reads them. */
#include "ofp-group-mod.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-actions.h"
#include "ofp-fields.h"
#include "ofp-flow-stats.h"
#include "ofp-group-stats.h"
#include "ofp-match.h"
#include "ofp-port.h"
#include "ofp-print.h"
#include "ofp-version.h"
#include "xalloc.h"

#define OFPG_MAX_ID 0xffffff00u
#define OFPG_ALL_ID 0xfffffffcu
#define V10_V15 (1u << OFP10_VERSION | 1u << OFP15_VERSION)
#define ALL_VERSIONS (V10_V15 | 1u << OFP11_VERSION | 1u << OFP12_VERSION | \
		      1u << OFP13_VERSION | 1u << OFP14_VERSION)

/* Only 1.0 (NXT) and 1.5 messages carry bucket ids. */
static void format_bucket_id(struct odp_text *t, const char *label,
			     uint32_t id, uint8_t version)
{
	if (version > OFP10_VERSION && version < OFP15_VERSION)
		return;
	odp_text_printf(t, "%s", label);
	if (id == OFPG_BUCKET_FIRST)
		odp_text_printf(t, "first,");
	else if (id == OFPG_BUCKET_LAST)
		odp_text_printf(t, "last,");
	else if (id == OFPG_BUCKET_ALL)
		odp_text_printf(t, "all,");
	else
		odp_text_printf(t, "%" PRIu32 ",", id);
}

static void format_props(struct odp_text *t, const struct ofp_group_props *p)
{
	if (!p->selection_method[0])
		return;
	odp_text_printf(t, ",selection_method=%s", p->selection_method);
	if (p->selection_method_param)
		odp_text_printf(t, ",selection_method_param=%" PRIu64,
				p->selection_method_param);
	if (!p->n_fields)
		return;
	odp_text_printf(t, p->n_fields == 1 ? ",fields=" : ",fields(");
	for (size_t i = 0; i < p->n_fields; i++)
		odp_text_printf(t, "%s%s", i ? "," : "",
				mf_from_id(p->fields[i])->name);
	if (p->n_fields > 1)
		odp_text_printf(t, ")");
}

static void format_bucket(struct odp_text *t, const struct ofp_group_mod *g,
			  const struct ofp_bucket *b, uint8_t version)
{
	odp_text_printf(t, ",bucket=");
	format_bucket_id(t, "bucket_id:", b->bucket_id, version);
	if (b->weight != (g->type == OFPGT_SELECT))
		odp_text_printf(t, "weight:%u,", b->weight);
	if (b->watch_port != OFPP_ANY32) {
		odp_text_printf(t, "watch_port:");
		ofp_format_port32(t, b->watch_port);
		odp_text_printf(t, ",");
	}
	if (b->watch_group != OFPG_ANY32)
		odp_text_printf(t, "watch_group:%" PRIu32 ",", b->watch_group);
	odp_text_printf(t, "actions=");
	ofpacts_format(t, b->ofpacts, b->ofpacts_len);
}

static void format_group(struct odp_text *t, const struct ofp_group_mod *g,
			 uint8_t version, bool show_type)
{
	static const char *const types[] = { "all", "select", "indirect", "ff",
					     "unknown" };

	odp_text_printf(t, "group_id=%" PRIu32, g->group_id);
	if (show_type)
		odp_text_printf(t, ",type=%s", types[g->type > 4 ? 4 : g->type]);
	format_props(t, &g->props);
	for (size_t i = 0; i < g->n_buckets; i++)
		format_bucket(t, g, &g->buckets[i], version);
}

void ofp_group_desc_format(struct odp_text *t, const struct ofp_group_mod *gd,
			   uint8_t version)
{
	format_group(t, gd, version, true);
}

static const char *command_name(uint16_t command, char buf[16])
{
	switch (command) {
	case OFPGC_ADD: return "ADD";
	case OFPGC_MODIFY: return "MOD";
	case OFPGC_ADD_OR_MOD: return "ADD_OR_MOD";
	case OFPGC_DELETE: return "DEL";
	case OFPGC_INSERT_BUCKET: return "INSERT_BUCKET";
	case OFPGC_REMOVE_BUCKET: return "REMOVE_BUCKET";
	default:
		snprintf(buf, 16, "cmd:%u", command);
		return buf;
	}
}

void ofp_group_mod_format(struct odp_text *t, const struct ofp_group_mod *gm,
			  uint8_t version)
{
	bool bucket_cmd = gm->command == OFPGC_INSERT_BUCKET ||
			  gm->command == OFPGC_REMOVE_BUCKET;
	char buf[16];

	odp_text_printf(t, "\n %s ", command_name(gm->command, buf));
	if (bucket_cmd)
		format_bucket_id(t, "command_bucket_id:", gm->command_bucket_id,
				 version);
	format_group(t, gm, version, !bucket_cmd);
}

OFP_BODY_PRINTER(ofp_group_mod_print)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm;
	enum ofperr error = ofp_group_mod_decode(m, &gm, &ofpacts);

	if (!error) {
		ofp_group_mod_format(t, &gm, m->version);
		ofp_group_mod_uninit(&gm);
	}
	bytebuf_uninit(&ofpacts);
	return error;
}

/* 1.1-1.4 requests have no body: they ask for every group. */
OFP_BODY_PRINTER(ofp_group_desc_print_request)
{
	if (m->body_len >= 4)
		return ofp_group_stats_print_request(t, m, verbosity, depth);
	odp_text_printf(t, " group_id=ALL");
	return 0;
}

OFP_BODY_PRINTER(ofp_group_desc_print_reply)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gd;
	int retval;

	while (!(retval = ofp_group_desc_pull(m->version, &c, &gd, &ofpacts))) {
		odp_text_printf(t, "\n ");
		ofp_group_desc_format(t, &gd, m->version);
		ofp_group_mod_uninit(&gd);
		bytebuf_clear(&ofpacts);
	}
	bytebuf_uninit(&ofpacts);
	return retval < 0 ? 0 : retval;
}

/* ovs-ofctl's key-value lists: "key=value", "key:value" or "key(value)",
 * separated by commas or white space; a value runs to the next separator
 * outside parentheses. */
static size_t value_len(const char *s, const char *delims)
{
	size_t n = 0;

	while (!strchr(delims, s[n])) {
		if (s[n] != '(') {
			n++;
			continue;
		}
		int level = 0;
		do {
			if (!s[n])
				return n;
			level += (s[n] == '(') - (s[n] == ')');
			n++;
		} while (level > 0);
	}
	return n;
}

static bool next_kv(char **sp, char **key, char **value)
{
	char *s = *sp + strspn(*sp, ", \t\r\n");

	if (!*s)
		return false;
	size_t klen = strcspn(s, ":=(, \t\r\n");
	char delim = s[klen];
	*key = s;
	s[klen] = '\0';
	s += klen + (delim != '\0');
	if (delim != ':' && delim != '=' && delim != '(') {
		*value = s - (delim != '\0');
		**value = '\0';
		*sp = s;
		return true;
	}
	size_t n = value_len(s, delim == '(' ? ")" : ", \t\r\n");
	if (delim == '(' && s[n] == ')' && s[n + 1] == '-' && s[n + 2] == '>')
		n += value_len(s + n, ", \t\r\n");
	char end = s[n];
	s[n] = '\0';
	*value = s;
	*sp = s + n + (end != '\0');
	return true;
}

static char *parse_u32(const char *s, uint32_t *v)
{
	char *end;
	unsigned long long x;

	errno = 0;
	x = strtoull(s, &end, 0);
	if (!*s || *end || errno || x > UINT32_MAX)
		return xasprintf("invalid numeric format %s", s);
	*v = x;
	return NULL;
}

static char *parse_u64(const char *s, uint64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 0);
	if (!*s || *end || errno)
		return xasprintf("invalid numeric format %s", s);
	return NULL;
}

static char *parse_watch_port(const char *value, uint32_t *port)
{
	struct of_match m;
	char *text = xasprintf("in_port=%s", value);
	char *error = of_match_parse(text, &m);

	free(text);
	if (error) {
		free(error);
		return xasprintf("%s: invalid watch_port", value);
	}
	*port = mf_get_u64(MFF_IN_PORT, &m, NULL);
	uint16_t p16;
	if (of_port_to_of10(*port, &p16) && p16 >= OFPP_MAX &&
	    p16 != OFPP_ANY && p16 != OFPP_CONTROLLER)
		return xasprintf("%s: invalid watch_port", value);
	return NULL;
}

static char *parse_bucket_key(struct ofp_bucket *b, const char *key,
			      const char *value, struct odp_text *acts,
			      uint32_t *usable)
{
	uint32_t v;
	char *error;

	if (!strcasecmp(key, "weight")) {
		error = parse_u32(value, &v);
		if (!error && v > UINT16_MAX) {
			free(error);
			return xasprintf("invalid numeric format %s", value);
		}
		b->weight = v;
		return error;
	}
	if (!strcasecmp(key, "watch_port"))
		return parse_watch_port(value, &b->watch_port);
	if (!strcasecmp(key, "watch_group")) {
		error = parse_u32(value, &b->watch_group);
		if (!error && b->watch_group > OFPG_MAX_ID)
			return xasprintf("invalid watch_group id %" PRIu32,
					 b->watch_group);
		return error;
	}
	if (!strcasecmp(key, "bucket_id")) {
		*usable &= V10_V15;
		error = parse_u32(value, &b->bucket_id);
		if (!error && b->bucket_id > OFPG_BUCKET_MAX)
			return xasprintf("invalid bucket_id id %" PRIu32,
					 b->bucket_id);
		return error;
	}
	if (!strcasecmp(key, "action") || !strcasecmp(key, "actions"))
		odp_text_printf(acts, "%s,", value);
	else
		odp_text_printf(acts, "%s(%s),", key, value);
	return NULL;
}

static char *parse_bucket(struct ofp_group_mod *gm, char *s,
			  struct bytebuf *ofpacts, uint32_t *usable)
{
	struct odp_text acts = { 0 };
	struct ofp_bucket *b;
	char *key, *value, *error = NULL;

	if (gm->n_buckets >= OFP_GROUP_MAX_BUCKETS)
		return xstrdup("too many buckets");
	b = &gm->buckets[gm->n_buckets];
	b->weight = gm->type == OFPGT_SELECT;
	b->bucket_id = OFPG_BUCKET_ALL;
	b->watch_port = OFPP_ANY32;
	b->watch_group = OFPG_ANY32;
	while (!error && next_kv(&s, &key, &value))
		error = parse_bucket_key(b, key, value, &acts, usable);
	if (!error && !acts.len)
		error = xstrdup("bucket must specify actions");
	if (!error && gm->type == OFPGT_FF && b->watch_port == OFPP_ANY32 &&
	    b->watch_group == OFPG_ANY32)
		error = xstrdup("fast failover bucket requires watch_port or "
				"watch_group");
	if (!error) {
		acts.s[--acts.len] = '\0';
		size_t start = ofpacts->size;
		error = ofpacts_parse(acts.s, ofpacts);
		b->ofpacts = (const void *)(uintptr_t)start;
		b->ofpacts_len = ofpacts->size - start;
	}
	odp_text_free(&acts);
	if (error)
		return error;
	gm->n_buckets++;
	if (gm->command != OFPGC_INSERT_BUCKET && gm->type != OFPGT_SELECT &&
	    b->weight)
		return xstrdup("Only select groups can have bucket weights.");
	return NULL;
}

/* "fields=ip_src" or "fields(ip_src,tcp_dst)": whole fields only. */
static char *parse_fields(struct ofp_group_props *p, char *s)
{
	char *name, *value;

	while (next_kv(&s, &name, &value)) {
		const struct mf_field *mf = mf_from_name(name, strlen(name));
		if (!mf)
			return xasprintf("%s: unknown field %s", s, name);
		for (size_t i = 0; i < p->n_fields; i++)
			if (p->fields[i] == mf->id)
				return xasprintf("%s: duplicate field", name);
		if (*value)
			return xasprintf("%s: masked hash fields are not "
					 "supported", name);
		if (p->n_fields >= OFP_GROUP_MAX_FIELDS)
			return xstrdup("too many fields");
		size_t i = p->n_fields++;
		for (; i && p->fields[i - 1] > mf->id; i--)
			p->fields[i] = p->fields[i - 1];
		p->fields[i] = mf->id;
	}
	return NULL;
}

enum {
	F_TYPE = 1 << 0,
	F_BUCKETS = 1 << 1,
	F_CMD_BUCKET = 1 << 2,
	F_CMD_BUCKET_ALL = 1 << 3,
};

static unsigned command_fields(uint16_t command)
{
	switch (command) {
	case OFPGC_ADD:
	case OFPGC_MODIFY:
	case OFPGC_ADD_OR_MOD:
		return F_TYPE | F_BUCKETS;
	case OFPGC_INSERT_BUCKET:
		return F_BUCKETS | F_CMD_BUCKET;
	case OFPGC_REMOVE_BUCKET:
		return F_CMD_BUCKET | F_CMD_BUCKET_ALL;
	default:
		return 0;
	}
}

static char *parse_command_bucket_id(struct ofp_group_mod *gm,
				     const char *value, unsigned fields)
{
	char *error = NULL;

	if (!(fields & F_CMD_BUCKET))
		return xstrdup("command bucket id is not needed");
	if (!strcmp(value, "all"))
		gm->command_bucket_id = OFPG_BUCKET_ALL;
	else if (!strcmp(value, "first"))
		gm->command_bucket_id = OFPG_BUCKET_FIRST;
	else if (!strcmp(value, "last"))
		gm->command_bucket_id = OFPG_BUCKET_LAST;
	else
		error = parse_u32(value, &gm->command_bucket_id);
	if (error)
		return error;
	if (gm->command_bucket_id > OFPG_BUCKET_MAX &&
	    gm->command_bucket_id < OFPG_BUCKET_FIRST)
		return xasprintf("invalid command bucket id %" PRIu32,
				 gm->command_bucket_id);
	if (gm->command_bucket_id == OFPG_BUCKET_ALL &&
	    !(fields & F_CMD_BUCKET_ALL))
		return xstrdup("command_bucket_id=all is not permitted");
	return NULL;
}

static char *parse_type(struct ofp_group_mod *gm, const char *value)
{
	static const char *const names[] = { "all", "select", "indirect",
					     "ff" };

	for (uint8_t i = 0; i < 4; i++) {
		if (!strcmp(value, names[i])) {
			gm->type = i;
			return NULL;
		}
	}
	if (!strcmp(value, "fast_failover")) {
		gm->type = OFPGT_FF;
		return NULL;
	}
	return xasprintf("invalid group type %s", value);
}

static char *parse_group_id(struct ofp_group_mod *gm, const char *value)
{
	if (!strcmp(value, "all")) {
		gm->group_id = OFPG_ALL_ID;
		return NULL;
	}
	char *error = parse_u32(value, &gm->group_id);
	if (!error && gm->group_id != OFPG_ALL_ID &&
	    gm->group_id > OFPG_MAX_ID)
		return xasprintf("invalid group id %" PRIu32, gm->group_id);
	return error;
}

struct group_parse {
	unsigned fields;
	bool had_type, had_cmd_bucket;
	uint32_t *usable;
};

static char *parse_group_key(struct ofp_group_mod *gm, struct group_parse *gp,
			     const char *name, char *value)
{
	bool typed = gp->fields & F_TYPE;

	if (!strcmp(name, "command_bucket_id")) {
		gp->had_cmd_bucket = true;
		return parse_command_bucket_id(gm, value, gp->fields);
	}
	if (!strcmp(name, "group_id"))
		return parse_group_id(gm, value);
	if (!strcmp(name, "type")) {
		gp->had_type = true;
		return typed ? parse_type(gm, value)
			     : xstrdup("type is not needed");
	}
	if (!strcmp(name, "selection_method")) {
		if (!typed)
			return xstrdup("selection method is not needed");
		if (strlen(value) >= OFP_GROUP_METHOD_LEN)
			return xasprintf("selection method is longer than %u "
					 "bytes long",
					 OFP_GROUP_METHOD_LEN - 1);
		strcpy(gm->props.selection_method, value);
		*gp->usable &= V10_V15;
		return NULL;
	}
	if (!strcmp(name, "selection_method_param")) {
		*gp->usable &= V10_V15;
		return typed ? parse_u64(value,
					 &gm->props.selection_method_param)
			     : xstrdup("selection method param is not needed");
	}
	if (!strcmp(name, "fields")) {
		*gp->usable &= V10_V15;
		return typed ? parse_fields(&gm->props, value)
			     : xstrdup("fields are not needed");
	}
	return xasprintf("unknown keyword %s", name);
}

static char *check_parsed(const struct ofp_group_mod *gm,
			  const struct group_parse *gp)
{
	if (gm->group_id == OFPG_ANY32)
		return xstrdup("must specify a group_id");
	if (gp->fields & F_TYPE && !gp->had_type)
		return xstrdup("must specify a type");
	if (strcmp(gm->props.selection_method, "hash") && gm->props.n_fields)
		return xstrdup("fields may only be specified with "
			       "\"selection_method=hash\"");
	if (!gm->props.selection_method[0] &&
	    gm->props.selection_method_param)
		return xstrdup("selection_method_param is only allowed with "
			       "\"selection_method\"");
	if (gp->fields & F_CMD_BUCKET) {
		if (!(gp->fields & F_CMD_BUCKET_ALL) && !gp->had_cmd_bucket)
			return xstrdup("must specify a command bucket id");
	} else if (gp->had_cmd_bucket) {
		return xstrdup("command bucket id is not needed");
	}
	return NULL;
}

static char *parse_buckets(struct ofp_group_mod *gm, char *s,
			   struct bytebuf *ofpacts, uint32_t *usable)
{
	while (s) {
		s = strchr(s + 1, '=');
		if (!s)
			return xstrdup("must specify bucket content");
		s++;
		char *next = strstr(s, "bucket=");
		if (next)
			*next = '\0';
		gm->buckets = xrealloc(gm->buckets, (gm->n_buckets + 1) *
				       sizeof *gm->buckets);
		char *error = parse_bucket(gm, s, ofpacts, usable);
		if (error)
			return error;
		s = next;
	}
	if (gm->type == OFPGT_INDIRECT && gm->n_buckets > 1)
		return xstrdup("Indirect groups can have at most one bucket.");
	return NULL;
}

static char *parse_group(char *s, struct ofp_group_mod *gm,
			 struct bytebuf *ofpacts, uint32_t *usable)
{
	struct group_parse gp = { .fields = command_fields(gm->command),
				  .usable = usable };
	char *name, *value, *error = NULL;

	if (gm->command == OFPGC_INSERT_BUCKET ||
	    gm->command == OFPGC_REMOVE_BUCKET)
		*usable &= V10_V15;
	if (gm->command == OFPGC_DELETE && !*s) {
		gm->group_id = OFPG_ALL_ID;
		return NULL;
	}
	char *buckets = strstr(s, "bucket=");
	if (buckets) {
		if (!(gp.fields & F_BUCKETS))
			return xstrdup("bucket is not needed");
		*buckets = '\0';
	}
	while (!error && next_kv(&s, &name, &value))
		error = parse_group_key(gm, &gp, name, value);
	if (!error)
		error = check_parsed(gm, &gp);
	if (!error && buckets)
		error = parse_buckets(gm, buckets, ofpacts, usable);
	return error;
}

char *ofp_group_mod_parse(const char *text, uint16_t command,
			  struct ofp_group_mod *gm, struct bytebuf *ofpacts,
			  uint32_t *usable_versions)
{
	size_t start = ofpacts->size;
	char *s = xstrdup(text);

	ofp_group_mod_init(gm);
	gm->command = command;
	*usable_versions = ALL_VERSIONS;
	char *error = parse_group(s, gm, ofpacts, usable_versions);
	free(s);
	if (error) {
		ofp_group_mod_uninit(gm);
		bytebuf_truncate(ofpacts, start);
		return error;
	}
	for (size_t i = 0; i < gm->n_buckets; i++) {
		struct ofp_bucket *b = &gm->buckets[i];
		b->ofpacts = ofpacts->data ? (const uint8_t *)ofpacts->data +
					     (uintptr_t)b->ofpacts : NULL;
	}
	return NULL;
}
