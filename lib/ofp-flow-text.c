/* The ovs-ofctl flow syntax of add-flow, mod-flows and del-flows, and the
 * ofp-print form of FLOW_MOD. */
#include "ofp-flow-mod.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-actions-private.h"
#include "ofp-actions.h"
#include "ofp-flow-removed.h"
#include "ofp-port.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "xalloc.h"

/* Which keywords each command takes, beyond the match and cookie/table. */
enum {
	K_OUT_PORT = 1 << 0,
	K_ACTIONS = 1 << 1,
	K_IMPORTANCE = 1 << 2,
	K_TIMEOUT = 1 << 3,
	K_PRIORITY = 1 << 4,
	K_FLAGS = 1 << 5,
};

static unsigned command_keywords(int command)
{
	switch (command) {
	case OFPFC_ADD:
		return K_ACTIONS | K_TIMEOUT | K_PRIORITY | K_FLAGS |
		       K_IMPORTANCE;
	case OFPFC_MODIFY:
	case OFPFC_MODIFY_STRICT:
		return K_ACTIONS | K_TIMEOUT | K_PRIORITY | K_FLAGS;
	case OFPFC_DELETE_STRICT:
		return K_OUT_PORT | K_PRIORITY;
	default:
		return K_OUT_PORT;
	}
}

static const struct {
	const char *name;
	uint32_t flag;
	uint32_t usable;	/* protocols that carry the flag */
} flag_words[] = {
	{ "send_flow_rem", OFP_FF_SEND_FLOW_REM, OFPROTO_ANY },
	{ "check_overlap", OFP_FF_CHECK_OVERLAP, OFPROTO_ANY },
	{ "reset_counts", OFP_FF_RESET_COUNTS, OFPROTO_OXM_ANY },
	{ "no_packet_counts", OFP_FF_NO_PKT_COUNTS,
	  OFPROTO_OXM_ANY & ~OFPROTO_OF12_OXM },
	{ "no_byte_counts", OFP_FF_NO_BYT_COUNTS,
	  OFPROTO_OXM_ANY & ~OFPROTO_OF12_OXM },
};

#define N_FLAG_WORDS (sizeof flag_words / sizeof flag_words[0])

static bool uint_ok(const char *s, uint64_t max, uint64_t *out)
{
	char *end;

	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (!*s || *end || errno || v > max || *s == '-')
		return false;
	*out = v;
	return true;
}

static char *parse_uint(const char *name, const char *s, uint64_t max,
			uint64_t *out)
{
	return uint_ok(s, max, out) ? NULL
		: xasprintf("invalid %s \"%s\"", name, s);
}

static char *parse_u16(const char *name, const char *s, uint16_t *out)
{
	uint64_t v;
	char *error = parse_uint(name, s, UINT16_MAX, &v);

	if (!error)
		*out = v;
	return error;
}

static char *parse_cookie(const char *value, int command,
			  struct of_flow_mod *fm, uint32_t *usable)
{
	const char *slash = strchr(value, '/');

	if (!slash) {
		if (command != OFPFC_ADD && command != OFPFC_MODIFY &&
		    command != OFPFC_MODIFY_STRICT)
			return xasprintf("cannot set cookie (to match on a "
					 "cookie, specify a mask, e.g. "
					 "cookie=%s/-1)", value);
		return parse_uint("cookie", value, UINT64_MAX,
				  &fm->new_cookie);
	}
	if (command == OFPFC_ADD)
		return xstrdup("flow additions cannot use a cookie mask");

	char *v = xstrdup(value);
	v[slash - value] = '\0';
	char *error = parse_uint("cookie", v, UINT64_MAX, &fm->cookie);
	free(v);
	if (error)
		return error;
	/* "-1" is the usual way to say all ones. */
	if (!strcmp(slash + 1, "-1"))
		fm->cookie_mask = UINT64_MAX;
	else
		error = parse_uint("cookie mask", slash + 1, UINT64_MAX,
				   &fm->cookie_mask);
	fm->cookie &= fm->cookie_mask;
	if (fm->cookie_mask)
		*usable &= OFPROTO_NXM_ANY | OFPROTO_OF11_STD |
			   OFPROTO_OXM_ANY;
	return error;
}

static char *parse_table(const char *value, struct of_flow_mod *fm,
			 uint32_t *usable)
{
	uint64_t v;

	if (!strcasecmp(value, "all"))
		v = OFP_TABLE_ALL;
	else if (!uint_ok(value, UINT8_MAX, &v))
		return xasprintf("unknown table \"%s\"", value);
	fm->table_id = v;
	if (v != OFP_TABLE_ALL)
		*usable &= ~(OFPROTO_OF10_STD | OFPROTO_OF10_NXM);
	return NULL;
}

/* One keyword of the flow_mod itself.  Returns true if 'name' was one,
 * with '*error' set if its value was bad. */
static bool parse_keyword(const char *name, const char *value, int command,
			  struct of_flow_mod *fm, uint32_t *usable,
			  char **error)
{
	unsigned keys = command_keywords(command);

	*error = NULL;
	for (size_t i = 0; i < N_FLAG_WORDS && keys & K_FLAGS; i++) {
		if (!strcmp(name, flag_words[i].name)) {
			fm->flags |= flag_words[i].flag;
			*usable &= flag_words[i].usable;
			return true;
		}
	}
	if (!strcmp(name, "duration") || !strcmp(name, "n_packets") ||
	    !strcmp(name, "n_bytes") || !strcmp(name, "idle_age") ||
	    !strcmp(name, "hard_age"))
		return true;	/* dump-flows output fed back in */
	if (!strcmp(name, "table") || !strcmp(name, "cookie") ||
	    (keys & K_PRIORITY && !strcmp(name, "priority")) ||
	    (keys & K_TIMEOUT && strstr(name, "_timeout")) ||
	    (keys & K_IMPORTANCE && !strcmp(name, "importance")) ||
	    (keys & K_OUT_PORT && !strncmp(name, "out_", 4))) {
		if (!*value) {
			*error = xasprintf("field %s missing value", name);
			return true;
		}
	}
	if (!strcmp(name, "table")) {
		*error = parse_table(value, fm, usable);
	} else if (!strcmp(name, "cookie")) {
		*error = parse_cookie(value, command, fm, usable);
	} else if (keys & K_PRIORITY && !strcmp(name, "priority")) {
		*error = parse_u16(name, value, &fm->priority);
	} else if (keys & K_TIMEOUT && !strcmp(name, "idle_timeout")) {
		*error = parse_u16(name, value, &fm->idle_timeout);
	} else if (keys & K_TIMEOUT && !strcmp(name, "hard_timeout")) {
		*error = parse_u16(name, value, &fm->hard_timeout);
	} else if (keys & K_IMPORTANCE && !strcmp(name, "importance")) {
		*error = parse_u16(name, value, &fm->importance);
	} else if (keys & K_OUT_PORT && !strcmp(name, "out_port")) {
		if (!ofpact_parse_port(value, &fm->out_port))
			*error = xasprintf("%s is not a valid OpenFlow port",
					   value);
	} else if (keys & K_OUT_PORT && !strcmp(name, "out_group")) {
		uint64_t g;
		*usable &= OFPROTO_OF11_STD | OFPROTO_OXM_ANY;
		if (!strcasecmp(value, "any") || !strcasecmp(value, "all"))
			fm->out_group = !strcasecmp(value, "any")
				? OFP_GROUP_ANY : 0xfffffffc;
		else if (!uint_ok(value, UINT32_MAX, &g))
			*error = xasprintf("%s is not a valid OpenFlow group",
					   value);
		else
			fm->out_group = g;
	} else {
		return false;
	}
	return true;
}

/* The length of the next name[=value] item, up to a top-level comma or
 * space: parentheses nest. */
static size_t item_len(const char *s)
{
	int depth = 0;
	size_t n = 0;

	for (; s[n]; n++) {
		if (s[n] == '(')
			depth++;
		else if (s[n] == ')' && depth)
			depth--;
		else if (!depth && (s[n] == ',' || isspace((unsigned char)s[n])))
			break;
	}
	return n;
}

/* Takes the flow_mod keywords out of 'text', leaving the match items in
 * 'match' (comma-separated). */
static char *split_items(const char *text, int command,
			 struct of_flow_mod *fm, uint32_t *usable,
			 struct bytebuf *match)
{
	const char *p = text;

	for (;;) {
		while (*p == ',' || isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		size_t n = item_len(p);
		char small[256];
		char *item = n < sizeof small ? small : xcalloc(1, n + 1);
		memcpy(item, p, n);
		item[n] = '\0';
		char *sep = item + strcspn(item, "=:");
		const char *value = *sep ? sep + 1 : "";
		char saved = *sep, *error;

		*sep = '\0';
		bool taken = parse_keyword(item, value, command, fm, usable,
					   &error);
		*sep = saved;
		if (!taken) {
			if (match->size)
				bytebuf_put_u8(match, ',');
			bytebuf_put(match, item, n);
		}
		if (item != small)
			free(item);
		if (error)
			return error;
		p += n;
	}
	bytebuf_put_u8(match, '\0');
	return NULL;
}

/* ovs-ofctl lets a set_field go only where its field could be matched
 * the same way (exactly, or with the same mask). */
static uint32_t set_field_protocols(const void *acts, size_t len)
{
	const struct ofpact *a;
	uint32_t usable = OFPROTO_ANY;

	OFPACT_FOR_EACH (a, acts, len) {
		const struct ofpact_set_field *sf = (const void *)a;
		struct of_match m;

		if (a->type != OFPACT_SET_FIELD ||
		    sf->flavor != OFPACT_SF_SET_FIELD)
			continue;
		of_match_init_catchall(&m);
		mf_set(sf->field, &sf->value, &sf->mask, &m);
		usable &= ofp_protocols_for_match(&m);
	}
	return usable;
}

/* The actions, and the protocols that can carry them with this match. */
static char *parse_actions(const char *acts, struct of_flow_mod *fm,
			   struct bytebuf *ofpacts, uint32_t *usable)
{
	size_t start = ofpacts->size;
	char *error = ofpacts_parse(acts, ofpacts);

	if (error)
		return error;
	void *data = ofpacts->data ? (uint8_t *)ofpacts->data + start : NULL;
	size_t len = ofpacts->size - start;
	enum ofperr e = ofpacts_check(data, len, &fm->match, 0xff00,
				      fm->table_id, 255);
	/* Without a table, "forward of the table" has nothing to check. */
	if (e == OFPERR_OFPBIC_BAD_TABLE_ID && fm->table_id == OFP_TABLE_ALL)
		e = 0;
	/* OpenFlow 1.0 lets actions disagree with the match. */
	if (e == OFPERR_OFPBAC_MATCH_INCONSISTENT &&
	    *usable & (OFPROTO_OF10_ANY | OFPROTO_NXM_ANY)) {
		*usable &= OFPROTO_OF10_ANY | OFPROTO_NXM_ANY;
		e = 0;
	}
	if (e) {
		bytebuf_truncate(ofpacts, start);
		return xasprintf("actions are invalid with specified match "
				 "(%s)", ofperr_get_name(e));
	}
	fm->ofpacts = data;
	fm->ofpacts_len = len;
	*usable &= set_field_protocols(data, len);
	*usable = of_flow_mod_encodable(fm, *usable);
	return NULL;
}

static char *parse_flow(char *text, int command, struct of_flow_mod *fm,
			struct bytebuf *ofpacts, uint32_t *usable)
{
	struct bytebuf match = BYTEBUF_INITIALIZER;
	char *acts = NULL;

	if (command_keywords(command) & K_ACTIONS) {
		char *a = strstr(text, "action");
		acts = a ? strchr(a, '=') : NULL;
		if (!acts)
			return xstrdup("must specify an action");
		*a = '\0';
		acts++;
	}
	char *error = split_items(text, command, fm, usable, &match);
	if (!error)
		error = of_match_parse((const char *)match.data, &fm->match);
	bytebuf_uninit(&match);
	if (error)
		return error;
	*usable &= ofp_protocols_for_match(&fm->match);
	if (!fm->cookie_mask && fm->new_cookie == OFP_COOKIE_NONE &&
	    (command == OFPFC_MODIFY || command == OFPFC_MODIFY_STRICT))
		fm->new_cookie = 0;
	return acts ? parse_actions(acts, fm, ofpacts, usable) : NULL;
}

char *of_flow_mod_parse(const char *text, int command,
			struct of_flow_mod *fm, struct bytebuf *ofpacts,
			uint32_t *usable)
{
	if (command < OFPFC_ADD || command > OFPFC_DELETE_STRICT)
		return xasprintf("unknown flow_mod command %d", command);

	char *copy = xstrdup(text);

	of_flow_mod_init(fm);
	fm->command = command;
	if (command != OFPFC_MODIFY && command != OFPFC_MODIFY_STRICT)
		fm->new_cookie = 0;
	*usable = OFPROTO_ANY;
	char *error = parse_flow(copy, command, fm, ofpacts, usable);
	free(copy);
	return error;
}

static void format_flags(struct odp_text *t, uint32_t flags)
{
	for (size_t i = 0; i < N_FLAG_WORDS; i++)
		if (flags & flag_words[i].flag)
			odp_text_printf(t, "%s ", flag_words[i].name);
}

void of_flow_mod_format(struct odp_text *t, const struct of_flow_mod *fm)
{
	char buf[8];
	char *match = ofp_match_format_with_priority(&fm->match, fm->priority);

	odp_text_printf(t, " %s", of_flow_mod_command_name(fm->command, buf));
	if (fm->table_id)
		odp_text_printf(t, " table:%u", fm->table_id);
	odp_text_printf(t, " %s%s", match, *match ? " " : "");
	free(match);
	if (fm->new_cookie && fm->new_cookie != OFP_COOKIE_NONE)
		odp_text_printf(t, "cookie:0x%" PRIx64 " ", fm->new_cookie);
	if (fm->cookie_mask)
		odp_text_printf(t, "cookie:0x%" PRIx64 "/0x%" PRIx64 " ",
				fm->cookie, fm->cookie_mask);
	if (fm->idle_timeout)
		odp_text_printf(t, "idle:%u ", fm->idle_timeout);
	if (fm->hard_timeout)
		odp_text_printf(t, "hard:%u ", fm->hard_timeout);
	if (fm->importance)
		odp_text_printf(t, "importance:%u ", fm->importance);
	if (fm->buffer_id != OFP_NO_BUFFER)
		odp_text_printf(t, "buf:0x%x ", fm->buffer_id);
	if (fm->out_port != OFP_PORT_ANY) {
		uint16_t p16;
		odp_text_printf(t, "out_port:");
		if (of_port_to_of10(fm->out_port, &p16))
			ofp_print_port_number(t, p16);
		else
			odp_text_printf(t, "%u", fm->out_port);
		odp_text_printf(t, " ");
	}
	format_flags(t, fm->flags);
	odp_text_printf(t, "actions=");
	ofpacts_format(t, fm->ofpacts, fm->ofpacts_len);
}

static void put_keywords(struct odp_text *t, const struct of_flow_mod *fm)
{
	unsigned keys = command_keywords(fm->command);

	if (fm->table_id != OFP_TABLE_ALL)
		odp_text_printf(t, "table=%u,", fm->table_id);
	if (fm->cookie_mask)
		odp_text_printf(t, "cookie=0x%" PRIx64 "/0x%" PRIx64 ",",
				fm->cookie, fm->cookie_mask);
	else if (fm->new_cookie && fm->new_cookie != OFP_COOKIE_NONE)
		odp_text_printf(t, "cookie=0x%" PRIx64 ",", fm->new_cookie);
	if (keys & K_PRIORITY)
		odp_text_printf(t, "priority=%u,", fm->priority);
	if (keys & K_TIMEOUT)
		odp_text_printf(t, "idle_timeout=%u,hard_timeout=%u,",
				fm->idle_timeout, fm->hard_timeout);
	if (keys & K_IMPORTANCE && fm->importance)
		odp_text_printf(t, "importance=%u,", fm->importance);
	for (size_t i = 0; i < N_FLAG_WORDS && keys & K_FLAGS; i++)
		if (fm->flags & flag_words[i].flag)
			odp_text_printf(t, "%s,", flag_words[i].name);
	if (keys & K_OUT_PORT && fm->out_port != OFP_PORT_ANY)
		odp_text_printf(t, "out_port=%u,", fm->out_port);
	if (keys & K_OUT_PORT && fm->out_group != OFP_GROUP_ANY)
		odp_text_printf(t, "out_group=%u,", fm->out_group);
}

char *of_flow_mod_to_text(const struct of_flow_mod *fm)
{
	struct odp_text t = ODP_TEXT_INIT;
	char *match = of_match_format(&fm->match);

	put_keywords(&t, fm);
	odp_text_printf(&t, "%s", match);
	free(match);
	if (command_keywords(fm->command) & K_ACTIONS) {
		odp_text_printf(&t, "%sactions=", t.len && t.s[t.len - 1] != ','
				? "," : "");
		ofpacts_format(&t, fm->ofpacts, fm->ofpacts_len);
	}
	char *s = xstrdup(odp_text_cstr(&t));
	odp_text_free(&t);
	return s;
}

OFP_BODY_PRINTER(of_flow_mod_print)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm;
	enum ofperr error = of_flow_mod_decode(m, &fm, &ofpacts);

	if (!error) {
		/* 1.0 and 1.1 have no reset_counts flag to show. */
		if (m->version <= OFP11_VERSION)
			fm.flags &= ~OFP_FF_RESET_COUNTS;
		of_flow_mod_format(t, &fm);
		odp_text_printf(t, "\n");
	}
	bytebuf_uninit(&ofpacts);
	return error;
}
