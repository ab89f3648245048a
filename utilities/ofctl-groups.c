/* weir-ofctl: groups and meters: add-group(s), mod-group, del-groups,
 * dump-groups, dump-group-stats, add-meter, mod-meter, del-meters,
 * dump-meters, meter-stats. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytebuf.h"
#include "ofctl.h"
#include "ofp-group-mod.h"
#include "ofp-group-stats.h"
#include "ofp-meter.h"
#include "xalloc.h"

/* Opens 'target' for a message that only the versions in 'usable' (a
 * version bitmap) carry, with ovs-ofctl's words when none is allowed. */
static void open_for_versions(struct ofctl_conn *c, const char *target,
			      uint32_t usable)
{
	uint32_t usable_p = ofp_protocols_from_versions(usable);

	if (!(usable_p & ofctl_opts.protocols)) {
		char *u = ofp_protocols_format(usable_p);
		char *a = ofp_protocols_format(ofctl_opts.protocols);
		ofctl_fatal(0, "none of the usable flow formats (%s) is among "
			    "the allowed flow formats (%s)", u, a);
	}
	ofctl_open(c, target, false);
	if (!(usable & 1u << c->version)) {
		char *u = ofp_protocols_format(usable_p);
		ofctl_fatal(0, "switch does not support any of the usable flow "
			    "formats (%s)", u);
	}
}

/* ---- groups ---- */

struct group_mods {
	struct ofp_group_mod *gms;
	struct bytebuf *acts;
	size_t n;
	uint32_t usable;	/* versions */
	int command;		/* -1: each line names its own */
};

static void group_mods_add(struct group_mods *g, const char *text,
			   uint16_t command, const char *where)
{
	size_t n = g->n;
	uint32_t usable;

	g->gms = xrealloc(g->gms, (n + 1) * sizeof *g->gms);
	g->acts = xrealloc(g->acts, (n + 1) * sizeof *g->acts);
	bytebuf_init(&g->acts[n]);
	ofctl_check_parse(ofp_group_mod_parse(text, command, &g->gms[n],
					      &g->acts[n], &usable), where);
	g->usable &= usable;
	g->n++;
}

static const struct ofctl_word group_words[] = {
	{ "add", OFPGC_ADD }, { "modify", OFPGC_MODIFY },
	{ "add_or_mod", OFPGC_ADD_OR_MOD }, { "delete", OFPGC_DELETE },
	{ "insert_bucket", OFPGC_INSERT_BUCKET },
	{ "remove_bucket", OFPGC_REMOVE_BUCKET },
};

static void group_line(char *text, void *g_, const char *where)
{
	struct group_mods *g = g_;
	const char *s = text;
	uint16_t command = g->command >= 0 ? g->command
		: ofctl_command_word(&s, group_words, sizeof group_words /
				     sizeof *group_words, OFPGC_ADD);

	group_mods_add(g, s, command, where);
}

static void send_group_mods(const char *target, struct group_mods *g)
{
	struct bytebuf *msgs = xcalloc(g->n ? g->n : 1, sizeof *msgs);
	struct ofctl_conn c;

	open_for_versions(&c, target, g->usable & (ofctl_opts.bundle
						   ? 0x7u << OFP13_VERSION
						   : ~0u));
	for (size_t i = 0; i < g->n; i++) {
		enum ofperr e = ofp_group_mod_encode(&g->gms[i], c.version,
						     ofctl_next_xid(),
						     &msgs[i]);
		if (e)
			ofctl_fatal(0, "cannot encode group (%s)",
				    ofperr_get_name(e));
		if (!ofctl_opts.bundle)
			ofctl_transact_or_die(&c, &msgs[i]);
	}
	if (ofctl_opts.bundle)
		ofctl_bundle_transact(&c, msgs, g->n);
	for (size_t i = 0; i < g->n; i++) {
		bytebuf_uninit(&msgs[i]);
		bytebuf_uninit(&g->acts[i]);
		ofp_group_mod_uninit(&g->gms[i]);
	}
	free(msgs);
	free(g->acts);
	free(g->gms);
	ofctl_close(&c);
}

static void group_mod(int argc, char *argv[], int command)
{
	struct group_mods g = { .usable = ~0u, .command = command };

	ofctl_fetch_name_maps(argv[1], true);
	if (argc > 2 && !strcmp(argv[2], "-")) {
		if (command == OFPGC_ADD)
			g.command = -1;
		ofctl_read_lines(argv[2], group_line, &g, "open failed");
	} else {
		group_mods_add(&g, argc > 2 ? argv[2] : "", command, NULL);
	}
	send_group_mods(argv[1], &g);
}

static void cmd_add_group(int argc, char *argv[])
{
	group_mod(argc, argv, OFPGC_ADD);
}

static void cmd_add_groups(int argc, char *argv[])
{
	struct group_mods g = { .usable = ~0u, .command = -1 };

	(void)argc;
	ofctl_fetch_name_maps(argv[1], true);
	ofctl_read_lines(argv[2], group_line, &g, "open failed");
	send_group_mods(argv[1], &g);
}

static void cmd_mod_group(int argc, char *argv[])
{
	group_mod(argc, argv, OFPGC_MODIFY);
}

static void cmd_del_groups(int argc, char *argv[])
{
	group_mod(argc, argv, OFPGC_DELETE);
}

/* "all", "any" or a number, as dump-groups takes it. */
static bool group_from_string(const char *s, uint32_t *id)
{
	char *end;
	unsigned long n;

	if (!strcasecmp(s, "all")) {
		*id = OFPG_ALL;
		return true;
	}
	if (!strcasecmp(s, "any")) {
		*id = OFPG_ANY;
		return true;
	}
	n = strtoul(s, &end, 0);
	if (!*s || *end || n > 0xffffff00ul)
		return false;
	*id = n;
	return true;
}

static void cmd_dump_groups(int argc, char *argv[])
{
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofctl_conn c;
	uint32_t id;

	ofctl_open(&c, argv[1], false);
	if (argc < 3 || !group_from_string(argv[2], &id))
		id = OFPG_ALL;
	size_t start = ofctl_start(&c, &req, OFPTYPE_GROUP_DESC_STATS_REQUEST);
	if (c.version == OFP10_VERSION || c.version >= OFP15_VERSION) {
		bytebuf_put_be32(&req, id);
		bytebuf_put_zeros(&req, 4);
	}
	ofpmsg_finish(&req, start);
	ofctl_dump_transaction(&c, &req);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

static void cmd_dump_group_stats(int argc, char *argv[])
{
	struct bytebuf acts = BYTEBUF_INITIALIZER, req = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm;
	struct ofctl_conn c;
	uint32_t usable;

	ofctl_fetch_name_maps(argv[1], true);
	ofctl_check_parse(ofp_group_mod_parse(argc > 2 ? argv[2] : "",
					      OFPGC_DELETE, &gm, &acts,
					      &usable), NULL);
	ofctl_open(&c, argv[1], false);
	ofp_group_stats_request_encode(&req, c.version, ofctl_next_xid(),
				       gm.group_id);
	ofctl_dump_transaction(&c, &req);
	ofp_group_mod_uninit(&gm);
	bytebuf_uninit(&acts);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

/* ---- meters ---- */

#define MAX_BANDS 64
#define OF13_UP (0x7u << OFP13_VERSION)

static void parse_meter(const char *text, int command,
			struct ofp_meter_mod *mm, struct ofp_meter_band *bands)
{
	memset(mm, 0, sizeof *mm);
	mm->command = command < 0 ? 0 : command;
	mm->meter.meter_id = OFPM13_ALL;
	if (text)
		ofctl_check_parse(ofp_meter_parse(text, command, mm, bands,
						  MAX_BANDS), NULL);
}

static void meter_mod(const char *target, const char *text, int command)
{
	struct ofp_meter_band bands[MAX_BANDS];
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofp_meter_mod mm;
	struct ofctl_conn c;

	parse_meter(text, command, &mm, bands);
	open_for_versions(&c, target, OF13_UP);
	ofp_meter_mod_encode(&req, c.version, ofctl_next_xid(), &mm, bands,
			     mm.meter.n_bands);
	ofctl_transact_or_die(&c, &req);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

static void meter_request(const char *target, const char *text,
			  enum ofptype type)
{
	struct ofp_meter_band bands[MAX_BANDS];
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofp_meter_mod mm;
	struct ofctl_conn c;

	parse_meter(text, -1, &mm, bands);
	open_for_versions(&c, target, OF13_UP);
	ofp_meter_request_encode(&req, type, c.version, ofctl_next_xid(),
				 mm.meter.meter_id);
	ofctl_dump_transaction(&c, &req);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

static void cmd_add_meter(int argc, char *argv[])
{
	(void)argc;
	meter_mod(argv[1], argv[2], OFPMC13_ADD);
}

static void cmd_mod_meter(int argc, char *argv[])
{
	(void)argc;
	meter_mod(argv[1], argv[2], OFPMC13_MODIFY);
}

static void cmd_del_meters(int argc, char *argv[])
{
	meter_mod(argv[1], argc > 2 ? argv[2] : NULL, OFPMC13_DELETE);
}

static void cmd_dump_meters(int argc, char *argv[])
{
	meter_request(argv[1], argc > 2 ? argv[2] : NULL,
		      OFPTYPE_METER_CONFIG_STATS_REQUEST);
}

static void cmd_meter_stats(int argc, char *argv[])
{
	meter_request(argv[1], argc > 2 ? argv[2] : NULL,
		      OFPTYPE_METER_STATS_REQUEST);
}

const struct ofctl_command ofctl_group_commands[] = {
	{ "add-group", 1, 2, cmd_add_group },
	{ "add-groups", 2, 2, cmd_add_groups },
	{ "mod-group", 1, 2, cmd_mod_group },
	{ "del-groups", 1, 2, cmd_del_groups },
	{ "dump-groups", 1, 2, cmd_dump_groups },
	{ "dump-group-stats", 1, 2, cmd_dump_group_stats },
	{ "add-meter", 2, 2, cmd_add_meter },
	{ "mod-meter", 2, 2, cmd_mod_meter },
	{ "del-meters", 1, 2, cmd_del_meters },
	{ "dump-meters", 1, 2, cmd_dump_meters },
	{ "meter-stats", 1, 2, cmd_meter_stats },
	{ NULL, 0, 0, NULL },
};
