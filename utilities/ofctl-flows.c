/* weir-ofctl: flow tables: dump-flows, dump-aggregate, add-flow(s),
 * mod-flows, del-flows, with --strict, --no-stats, --sort and --bundle. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofctl.h"
#include "ofp-actions.h"
#include "ofp-fields.h"
#include "ofp-flow-mod.h"
#include "ofp-flow-stats.h"
#include "ofp-print.h"
#include "xalloc.h"

/* ---- choosing the flow format ---- */

static uint32_t allowed_protocols(void)
{
	return ofctl_opts.protocols &
	       ofp_protocols_from_versions(ofctl_opts.versions);
}

static void __attribute__((noreturn)) no_usable_format(uint32_t usable)
{
	char *u = ofp_protocols_format(usable);

	if (usable & allowed_protocols())
		ofctl_fatal(0, "switch does not support any of the usable flow "
			    "formats (%s)", u);
	char *a = ofp_protocols_format(allowed_protocols());
	ofctl_fatal(0, "none of the usable flow formats (%s) is among the "
		    "allowed flow formats (%s)", u, a);
}

/* The order ovs-ofctl tries flow formats in for a dump. */
static const enum ofp_protocol dump_protocols[] = {
	OFPROTO_OF15_OXM, OFPROTO_OF14_OXM, OFPROTO_OF13_OXM,
	OFPROTO_OF12_OXM, OFPROTO_OF11_STD, OFPROTO_OF10_NXM,
	OFPROTO_OF10_STD,
};

void ofctl_set_protocol_for_dump(struct ofctl_conn *c, uint32_t usable)
{
	for (size_t i = 0; i < sizeof dump_protocols / sizeof *dump_protocols;
	     i++) {
		enum ofp_protocol f = dump_protocols[i];

		if (f & usable & allowed_protocols() &&
		    ofctl_set_protocol(c, f))
			return;
	}
	no_usable_format(usable);
}

/* Opens 'target' in a flow format that can carry 'usable'. */
static void open_for_flow_mod(struct ofctl_conn *c, const char *target,
			      uint32_t usable)
{
	if (!(usable & allowed_protocols()))
		no_usable_format(usable);
	ofctl_open(c, target, false);
	if (usable & allowed_protocols() & c->protocol)
		return;
	for (unsigned i = 0; i < 32; i++) {
		uint32_t f = 1u << i;

		if (f != c->protocol && f & usable & allowed_protocols() &&
		    ofctl_set_protocol(c, f))
			return;
	}
	char *u = ofp_protocols_format(usable);
	ofctl_fatal(0, "switch does not support any of the usable flow "
		    "formats (%s)", u);
}

/* ---- dumps ---- */

static void parse_stats_request(const char *text,
				struct ofp_flow_stats_request *r,
				uint32_t *usable)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm;
	ofctl_check_parse(of_flow_mod_parse(text, OFPFC_DELETE, &fm, &acts,
					    usable), NULL);
	/* A dump names its table in every format. */
	if (*usable & OFPROTO_OF10_STD_TID)
		*usable |= OFPROTO_OF10_STD;
	if (*usable & OFPROTO_OF10_NXM_TID)
		*usable |= OFPROTO_OF10_NXM;
	ofp_flow_stats_request_init(r);
	r->match = fm.match;
	r->cookie = fm.cookie;
	r->cookie_mask = fm.cookie_mask;
	r->out_port = fm.out_port;
	r->out_group = fm.out_group;
	r->table_id = fm.table_id;
	bytebuf_uninit(&acts);
}

static void prepare_dump(struct ofctl_conn *c, int argc, char *argv[],
			 bool aggregate, struct bytebuf *req)
{
	const char *match = argc > 2 ? argv[2] : "";
	struct ofp_flow_stats_request r;
	uint32_t usable;

	if (*match)
		ofctl_fetch_name_maps(argv[1], false);
	parse_stats_request(match, &r, &usable);
	ofctl_open(c, argv[1], false);
	ofctl_set_protocol_for_dump(c, usable);

	bool nxst = c->protocol & OFPROTO_NXM_ANY;
	enum ofptype type = aggregate
		? (nxst ? OFPTYPE_NXST_AGGREGATE_REQUEST
		   : OFPTYPE_AGGREGATE_STATS_REQUEST)
		: (nxst ? OFPTYPE_NXST_FLOW_REQUEST
		   : OFPTYPE_FLOW_STATS_REQUEST);
	ofp_flow_stats_request_encode(req, type, c->version, ofctl_next_xid(),
				      &r);
}

static void dump_flows__(int argc, char *argv[], bool aggregate)
{
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofctl_conn c;

	prepare_dump(&c, argc, argv, aggregate, &req);
	ofctl_dump_transaction(&c, &req);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

struct flow_entry {
	struct ofp_flow_stats fs;
	size_t seq;
};

static void add_flows_of(const struct ofpmsg *m,
			 struct ofctl_flow_list *list)
{
	struct bytecur cur = bytecur_make(m->body, m->body_len);
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct ofp_flow_stats fs;
	int r;

	while (!(r = ofp_flow_stats_pull(m->type, m->version, &cur, &fs,
					 &acts))) {
		list->v = xgrow_n(list->v, &list->cap, list->n + 1,
				  sizeof *list->v);
		/* ovs-ofctl decodes a dump it sorts without the Nicira
		 * age extension (1.5's idle time stays). */
		if (m->type == OFPTYPE_NXST_FLOW_REPLY)
			fs.idle_age = fs.hard_age = OFP_FLOW_AGE_UNKNOWN;
		void *copy = xcalloc(1, acts.size ? acts.size : 1);
		if (acts.size)
			memcpy(copy, acts.data, acts.size);
		fs.ofpacts = copy;
		list->v[list->n++] = fs;
		bytebuf_clear(&acts);
	}
	bytebuf_uninit(&acts);
	if (r > 0)
		ofctl_fatal(EPROTO, "dump flows");
}

/* Every flow of the dump 'req' asks for. */
static void collect_flows(struct ofctl_conn *c, const struct bytebuf *req,
			  struct ofctl_flow_list *list)
{
	struct bytebuf reply = BYTEBUF_INITIALIZER;
	uint32_t xid = ofctl_xid(req);
	struct ofpmsg m;

	memset(list, 0, sizeof *list);
	ofctl_send(c, req);
	do {
		do {
			ofctl_recv(c, &reply);
		} while (ofctl_xid(&reply) != xid);
		if (ofctl_type(&reply, &m) != OFPTYPE_FLOW_STATS_REPLY &&
		    m.type != OFPTYPE_NXST_FLOW_REPLY)
			ofctl_fatal(EPROTO, "dump flows");
		add_flows_of(&m, list);
	} while (m.mp_flags & OFPSF_REPLY_MORE);
	bytebuf_uninit(&reply);
}

/* A flow without the field sorts last in either direction. */
static int compare_field(const struct mf_field *f,
			 const struct ofp_flow_stats *a,
			 const struct ofp_flow_stats *b, bool descending)
{
	if (!f) {
		int r = a->priority < b->priority ? -1
			: a->priority > b->priority;
		return descending ? -r : r;
	}

	bool ina = mf_prereqs_ok(f, &a->match) && !mf_is_wild(f, &a->match);
	bool inb = mf_prereqs_ok(f, &b->match) && !mf_is_wild(f, &b->match);
	if (ina != inb)
		return ina ? -1 : 1;

	union mf_value av, bv, mask;
	memset(&av, 0, sizeof av);
	memset(&bv, 0, sizeof bv);
	mf_get(f, &a->match, &av, &mask);
	mf_get(f, &b->match, &bv, &mask);
	int r = memcmp(&av, &bv, f->n_bytes);
	return descending ? -r : r;
}

static int compare_flows(const void *a_, const void *b_)
{
	const struct flow_entry *a = a_, *b = b_;

	for (size_t i = 0; i < ofctl_opts.n_sorts; i++) {
		const struct ofctl_sort *s = &ofctl_opts.sorts[i];
		int r = compare_field(s->field, &a->fs, &b->fs, s->descending);

		if (r)
			return r;
	}
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* A flow as "dump-flows --no-stats" shows it: the stats-free items of
 * the full line, with the cookie and table only when not zero. */
static void format_no_stats(struct odp_text *t, const struct ofp_flow_stats *fs)
{
	struct ofp_flow_stats copy = *fs;
	struct odp_text full = ODP_TEXT_INIT;

	copy.idle_age = copy.hard_age = OFP_FLOW_AGE_UNKNOWN;
	ofp_flow_stats_format(&full, &copy);

	/* Skip cookie, duration, table, n_packets and n_bytes. */
	const char *rest = odp_text_cstr(&full);
	for (int i = 0; i < 5 && strstr(rest, ", "); i++)
		rest = strstr(rest, ", ") + 2;
	if (fs->cookie)
		odp_text_printf(t, "cookie=0x%" PRIx64 ", ", fs->cookie);
	if (fs->table_id)
		odp_text_printf(t, "table=%u, ", fs->table_id);
	odp_text_printf(t, "%s", rest);
	odp_text_free(&full);
}

static void cmd_dump_flows(int argc, char *argv[])
{
	if (!ofctl_opts.n_sorts && !ofctl_opts.no_stats) {
		dump_flows__(argc, argv, false);
		return;
	}

	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofctl_flow_list list;
	struct ofctl_conn c;

	prepare_dump(&c, argc, argv, false, &req);
	collect_flows(&c, &req, &list);

	struct flow_entry *v = xcalloc(list.n ? list.n : 1, sizeof *v);
	for (size_t i = 0; i < list.n; i++) {
		v[i].fs = list.v[i];
		v[i].seq = i;
	}
	if (ofctl_opts.n_sorts)
		qsort(v, list.n, sizeof *v, compare_flows);
	for (size_t i = 0; i < list.n; i++) {
		struct odp_text t = ODP_TEXT_INIT;

		if (ofctl_opts.no_stats)
			format_no_stats(&t, &v[i].fs);
		else
			ofp_flow_stats_format(&t, &v[i].fs);
		printf(" %s\n", odp_text_cstr(&t));
		odp_text_free(&t);
	}
	free(v);
	ofctl_flow_list_free(&list);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

void ofctl_flow_list_free(struct ofctl_flow_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		free((void *)list->v[i].ofpacts);
	free(list->v);
}

void ofctl_collect_all_flows(struct ofctl_conn *c,
			     struct ofctl_flow_list *list)
{
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofp_flow_stats_request r;

	ofp_flow_stats_request_init(&r);
	ofp_flow_stats_request_encode(&req, c->protocol & OFPROTO_NXM_ANY
				      ? OFPTYPE_NXST_FLOW_REQUEST
				      : OFPTYPE_FLOW_STATS_REQUEST,
				      c->version, ofctl_next_xid(), &r);
	collect_flows(c, &req, list);
	bytebuf_uninit(&req);
}

static void cmd_dump_aggregate(int argc, char *argv[])
{
	dump_flows__(argc, argv, true);
}

/* ---- flow mods ---- */

struct flow_mods {
	struct of_flow_mod *fms;
	struct bytebuf *acts;
	size_t n;
	uint32_t usable;
	int command;		/* -1: each line names its own */
};

static void flow_mods_add(struct flow_mods *mods, const char *text,
			  int command, const char *where)
{
	size_t n = mods->n;
	uint32_t usable;

	mods->fms = xrealloc(mods->fms, (n + 1) * sizeof *mods->fms);
	mods->acts = xrealloc(mods->acts, (n + 1) * sizeof *mods->acts);
	bytebuf_init(&mods->acts[n]);
	ofctl_check_parse(of_flow_mod_parse(text, command, &mods->fms[n],
					    &mods->acts[n], &usable), where);
	mods->fms[n].ofpacts = mods->acts[n].data;
	mods->fms[n].ofpacts_len = mods->acts[n].size;
	mods->usable &= usable;
	mods->n++;
}

static const struct ofctl_word command_words[] = {
	{ "add", OFPFC_ADD }, { "modify", OFPFC_MODIFY },
	{ "modify_strict", OFPFC_MODIFY_STRICT }, { "delete", OFPFC_DELETE },
	{ "delete_strict", OFPFC_DELETE_STRICT },
};

static void flow_mods_line(char *text, void *mods_, const char *where)
{
	struct flow_mods *mods = mods_;
	const char *s = text;
	int command = mods->command >= 0 ? mods->command
		: ofctl_command_word(&s, command_words, sizeof command_words /
				     sizeof *command_words, OFPFC_ADD);

	flow_mods_add(mods, s, command, where);
}

static void flow_mods_free(struct flow_mods *mods)
{
	for (size_t i = 0; i < mods->n; i++)
		bytebuf_uninit(&mods->acts[i]);
	free(mods->acts);
	free(mods->fms);
}

static void encode_flow_mod(const struct of_flow_mod *fm,
			    enum ofp_protocol p, struct bytebuf *out)
{
	enum ofperr e = of_flow_mod_encode(fm, p, ofctl_next_xid(), out);

	if (e)
		ofctl_fatal(0, "cannot encode flow (%s)", ofperr_get_name(e));
}

void ofctl_send_flow_mods(const char *target, const struct of_flow_mod *fms,
			  size_t n, uint32_t usable)
{
	struct ofctl_conn c;

	if (ofctl_opts.bundle) {
		struct bytebuf *msgs = xcalloc(n ? n : 1, sizeof *msgs);

		open_for_flow_mod(&c, target, usable & ~(OFPROTO_OF10_ANY |
							 OFPROTO_NXM_ANY |
							 OFPROTO_OF11_STD |
							 OFPROTO_OF12_OXM));
		for (size_t i = 0; i < n; i++)
			encode_flow_mod(&fms[i], c.protocol, &msgs[i]);
		ofctl_bundle_transact(&c, msgs, n);
		for (size_t i = 0; i < n; i++)
			bytebuf_uninit(&msgs[i]);
		free(msgs);
		ofctl_close(&c);
		return;
	}

	open_for_flow_mod(&c, target, usable);
	for (size_t i = 0; i < n; i++) {
		struct bytebuf msg = BYTEBUF_INITIALIZER;

		encode_flow_mod(&fms[i], c.protocol, &msg);
		ofctl_transact_or_die(&c, &msg);
		bytebuf_uninit(&msg);
	}
	ofctl_close(&c);
}

static void flow_mod_file(char *argv[], int command)
{
	struct flow_mods mods = { .usable = OFPROTO_ANY, .command = command };

	ofctl_fetch_name_maps(argv[1], true);
	ofctl_read_lines(argv[2], flow_mods_line, &mods, "open failed");
	ofctl_send_flow_mods(argv[1], mods.fms, mods.n, mods.usable);
	flow_mods_free(&mods);
}

static void flow_mod(int argc, char *argv[], int command)
{
	if (argc > 2 && !strcmp(argv[2], "-")) {
		flow_mod_file(argv, command == OFPFC_ADD ? -1 : command);
		return;
	}

	struct flow_mods mods = { .usable = OFPROTO_ANY };

	ofctl_fetch_name_maps(argv[1], true);
	flow_mods_add(&mods, argc > 2 ? argv[2] : "", command, NULL);
	ofctl_send_flow_mods(argv[1], mods.fms, mods.n, mods.usable);
	flow_mods_free(&mods);
}

static void cmd_add_flow(int argc, char *argv[])
{
	flow_mod(argc, argv, OFPFC_ADD);
}

static void cmd_add_flows(int argc, char *argv[])
{
	(void)argc;
	flow_mod_file(argv, -1);
}

static void cmd_mod_flows(int argc, char *argv[])
{
	flow_mod(argc, argv, ofctl_opts.strict ? OFPFC_MODIFY_STRICT
		 : OFPFC_MODIFY);
}

static void cmd_del_flows(int argc, char *argv[])
{
	flow_mod(argc, argv, ofctl_opts.strict ? OFPFC_DELETE_STRICT
		 : OFPFC_DELETE);
}

const struct ofctl_command ofctl_flow_commands[] = {
	{ "dump-flows", 1, 2, cmd_dump_flows },
	{ "dump-aggregate", 1, 2, cmd_dump_aggregate },
	{ "add-flow", 2, 2, cmd_add_flow },
	{ "add-flows", 2, 2, cmd_add_flows },
	{ "mod-flows", 2, 2, cmd_mod_flows },
	{ "del-flows", 1, 2, cmd_del_flows },
	{ NULL, 0, 0, NULL },
};
