/* weir-ofctl: replace-flows and diff-flows, which compare two sets of flows
 * (a file's, a switch's) entry by entry: an entry is a table, a priority
 * and a match, with up to one version from each side. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofctl.h"
#include "ofp-actions.h"
#include "ofp-flow-mod.h"
#include "ofp-flow-removed.h"
#include "ofp-flow-stats.h"
#include "xalloc.h"

struct fte_version {
	uint64_t cookie;
	uint16_t idle_timeout, hard_timeout, importance;
	uint32_t flags;
	uint8_t *ofpacts;
	size_t ofpacts_len;
};

struct fte {
	uint8_t table_id;
	uint16_t priority;
	struct of_match match;
	uint32_t hash;
	size_t next;			/* in its hash chain, or SIZE_MAX */
	struct fte_version *versions[2];
};

#define N_BUCKETS 65536

struct fte_set {
	struct fte *v;
	size_t n, cap;
	size_t buckets[N_BUCKETS];	/* chain heads, SIZE_MAX when empty */
};

static void fte_set_init(struct fte_set *s)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < N_BUCKETS; i++)
		s->buckets[i] = SIZE_MAX;
}

/* Over the matched bits only, so equal matches hash alike. */
static uint32_t fte_hash(uint8_t table_id, uint16_t priority,
			 const struct of_match *m)
{
	const uint8_t *f = (const uint8_t *)&m->flow;
	const uint8_t *k = (const uint8_t *)&m->mask;
	uint32_t h = 2166136261u ^ table_id ^ (uint32_t)priority << 8;

	for (size_t i = 0; i < sizeof m->flow; i++) {
		h = (h ^ (f[i] & k[i])) * 16777619u;
		h = (h ^ k[i]) * 16777619u;
	}
	return h;
}

/* Puts 'ver' in the entry for (table, priority, match) as version 'index'
 * (0 or 1); a later version on the same side replaces an earlier one. */
static void fte_put(struct fte_set *s, uint8_t table_id, uint16_t priority,
		    const struct of_match *match, struct fte_version *ver,
		    int index)
{
	uint32_t h = fte_hash(table_id, priority, match);
	size_t *head = &s->buckets[h % N_BUCKETS];

	for (size_t i = *head; i != SIZE_MAX; i = s->v[i].next) {
		struct fte *e = &s->v[i];

		if (e->hash == h && e->table_id == table_id &&
		    e->priority == priority && of_match_equal(&e->match, match)) {
			if (e->versions[index]) {
				free(e->versions[index]->ofpacts);
				free(e->versions[index]);
			}
			e->versions[index] = ver;
			return;
		}
	}
	if (s->n == s->cap)
		s->v = xgrow_n(s->v, &s->cap, s->n + 1, sizeof *s->v);
	struct fte *e = &s->v[s->n];
	memset(e, 0, sizeof *e);
	e->table_id = table_id;
	e->priority = priority;
	e->match = *match;
	e->hash = h;
	e->next = *head;
	e->versions[index] = ver;
	*head = s->n++;
}

static void fte_set_free(struct fte_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		for (int j = 0; j < 2; j++)
			if (s->v[i].versions[j]) {
				free(s->v[i].versions[j]->ofpacts);
				free(s->v[i].versions[j]);
			}
	free(s->v);
}

static struct fte_version *version_new(const void *acts, size_t len)
{
	struct fte_version *v = xcalloc(1, sizeof *v);

	v->ofpacts = xcalloc(1, len ? len : 1);
	if (len)
		memcpy(v->ofpacts, acts, len);
	v->ofpacts_len = len;
	return v;
}

/* ---- reading the two sides ---- */

struct file_reader {
	struct fte_set *set;
	int index;
	uint32_t usable;
};

static void file_line(char *text, void *r_, const char *where)
{
	struct file_reader *r = r_;
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm;
	uint32_t usable;

	ofctl_check_parse(of_flow_mod_parse(text, OFPFC_ADD, &fm, &acts,
					    &usable), where);
	r->usable &= usable;

	struct fte_version *v = version_new(acts.data, acts.size);
	v->cookie = fm.new_cookie == OFP_COOKIE_NONE ? 0 : fm.new_cookie;
	v->idle_timeout = fm.idle_timeout;
	v->hard_timeout = fm.hard_timeout;
	v->importance = fm.importance;
	v->flags = fm.flags & OFP_FF_SEND_FLOW_REM;
	fte_put(r->set, fm.table_id != OFP_TABLE_ALL ? fm.table_id : 0,
		fm.priority, &fm.match, v, r->index);
	bytebuf_uninit(&acts);
}

static uint32_t read_file(const char *name, struct fte_set *set, int index)
{
	struct file_reader r = { set, index, OFPROTO_ANY };

	ofctl_read_lines(name, file_line, &r, "open");
	return r.usable;
}

static void read_switch(struct ofctl_conn *c, struct fte_set *set, int index)
{
	struct ofctl_flow_list list;

	ofctl_collect_all_flows(c, &list);
	for (size_t i = 0; i < list.n; i++) {
		const struct ofp_flow_stats *fs = &list.v[i];
		struct fte_version *v = version_new(fs->ofpacts,
						    fs->ofpacts_len);

		v->cookie = fs->cookie;
		v->idle_timeout = fs->idle_timeout;
		v->hard_timeout = fs->hard_timeout;
		v->importance = fs->importance;
		fte_put(set, fs->table_id, fs->priority, &fs->match, v, index);
	}
	ofctl_flow_list_free(&list);
}

/* ---- comparing ---- */

static char *actions_text(const struct fte_version *v)
{
	struct odp_text t = ODP_TEXT_INIT;

	ofpacts_format(&t, v->ofpacts, v->ofpacts_len);
	char *s = xstrdup(odp_text_cstr(&t));
	odp_text_free(&t);
	return s;
}

/* Flags are not compared: a switch does not report them all. */
static bool version_equals(const struct fte_version *a,
			   const struct fte_version *b)
{
	if (a->cookie != b->cookie || a->idle_timeout != b->idle_timeout ||
	    a->hard_timeout != b->hard_timeout ||
	    a->importance != b->importance)
		return false;

	char *as = actions_text(a), *bs = actions_text(b);
	bool same = !strcmp(as, bs);
	free(as);
	free(bs);
	return same;
}

static void encode_entry(const struct fte *e, int index, uint8_t command,
			 enum ofp_protocol p, struct bytebuf *out)
{
	const struct fte_version *v = e->versions[index];
	struct of_flow_mod fm;

	of_flow_mod_init(&fm);
	fm.match = e->match;
	fm.priority = e->priority;
	fm.command = command;
	fm.table_id = e->table_id;
	fm.new_cookie = v->cookie;
	fm.idle_timeout = v->idle_timeout;
	fm.hard_timeout = v->hard_timeout;
	fm.importance = v->importance;
	fm.flags = v->flags;
	if (command == OFPFC_ADD) {
		fm.ofpacts = v->ofpacts;
		fm.ofpacts_len = v->ofpacts_len;
	}
	enum ofperr err = of_flow_mod_encode(&fm, p, ofctl_next_xid(), out);
	if (err)
		ofctl_fatal(0, "cannot encode flow (%s)", ofperr_get_name(err));
}

/* Table by table, higher priorities first (the order in which
 * ovs-ofctl's classifier gives them), then in the order first seen. */
static int by_table(const void *a_, const void *b_)
{
	const struct fte *const *a = a_, *const *b = b_;

	if ((*a)->table_id != (*b)->table_id)
		return (*a)->table_id < (*b)->table_id ? -1 : 1;
	if ((*a)->priority != (*b)->priority)
		return (*a)->priority > (*b)->priority ? -1 : 1;
	return *a < *b ? -1 : *a > *b;
}

static const struct fte **sorted(const struct fte_set *s)
{
	const struct fte **v = xcalloc(s->n ? s->n : 1, sizeof *v);

	for (size_t i = 0; i < s->n; i++)
		v[i] = &s->v[i];
	qsort(v, s->n, sizeof *v, by_table);
	return v;
}

enum { FILE_IDX = 0, SWITCH_IDX = 1 };

/* The flow mods that make the switch's flows the file's. */
struct plan {
	struct bytebuf *msgs;
	size_t n, cap;
};

static void plan_add(struct plan *plan, const struct fte *e, int index,
		     uint8_t command, enum ofp_protocol p)
{
	if (plan->n == plan->cap)
		plan->msgs = xgrow_n(plan->msgs, &plan->cap, plan->n + 1,
				     sizeof *plan->msgs);
	bytebuf_init(&plan->msgs[plan->n]);
	encode_entry(e, index, command, p, &plan->msgs[plan->n++]);
}

/* One table's 'n' entries: what only the switch has goes, then what the
 * file has differently (or at all, with --readd) is added. */
static void plan_table(const struct fte **v, size_t n, enum ofp_protocol p,
		       struct plan *plan)
{
	for (size_t i = 0; i < n; i++)
		if (v[i]->versions[SWITCH_IDX] && !v[i]->versions[FILE_IDX])
			plan_add(plan, v[i], SWITCH_IDX, OFPFC_DELETE_STRICT, p);
	for (size_t i = 0; i < n; i++) {
		const struct fte_version *fv = v[i]->versions[FILE_IDX];
		const struct fte_version *sv = v[i]->versions[SWITCH_IDX];

		if (fv && (ofctl_opts.readd || !sv || !version_equals(sv, fv)))
			plan_add(plan, v[i], FILE_IDX, OFPFC_ADD, p);
	}
}

static void cmd_replace_flows(int argc, char *argv[])
{
	struct fte_set *set = xcalloc(1, sizeof *set);
	struct plan plan = { NULL, 0, 0 };
	struct ofctl_conn c;

	(void)argc;
	fte_set_init(set);
	ofctl_fetch_name_maps(argv[1], false);
	uint32_t usable = read_file(argv[2], set, FILE_IDX);
	ofctl_open(&c, argv[1], false);
	ofctl_set_protocol_for_dump(&c, usable);
	read_switch(&c, set, SWITCH_IDX);

	const struct fte **v = sorted(set);
	for (size_t start = 0, end; start < set->n; start = end) {
		for (end = start; end < set->n &&
		     v[end]->table_id == v[start]->table_id; end++)
			continue;
		plan_table(v + start, end - start, c.protocol, &plan);
	}
	if (ofctl_opts.bundle)
		ofctl_bundle_transact(&c, plan.msgs, plan.n);
	else
		for (size_t i = 0; i < plan.n; i++)
			ofctl_transact_or_die(&c, &plan.msgs[i]);
	for (size_t i = 0; i < plan.n; i++)
		bytebuf_uninit(&plan.msgs[i]);
	free(plan.msgs);
	free(v);
	fte_set_free(set);
	free(set);
	ofctl_close(&c);
}

static void read_source(const char *source, struct fte_set *set, int index)
{
	struct stat st;

	if (source[0] == '/' || source[0] == '.' ||
	    (!strchr(source, ':') && !stat(source, &st))) {
		read_file(source, set, index);
		return;
	}

	struct ofctl_conn c;
	ofctl_open(&c, source, false);
	ofctl_set_protocol_for_dump(&c, OFPROTO_ANY);
	read_switch(&c, set, index);
	ofctl_close(&c);
}

static void format_version(const struct fte *e, int index, char sign)
{
	const struct fte_version *v = e->versions[index];
	char *match, *acts;

	if (!v)
		return;
	if (e->table_id)
		printf("%ctable=%u ", sign, e->table_id);
	else
		putchar(sign);
	match = ofp_match_format_with_priority(&e->match, e->priority);
	fputs(match, stdout);
	free(match);
	if (v->cookie)
		printf(" cookie=0x%" PRIx64, v->cookie);
	if (v->idle_timeout)
		printf(" idle_timeout=%u", v->idle_timeout);
	if (v->hard_timeout)
		printf(" hard_timeout=%u", v->hard_timeout);
	if (v->importance)
		printf(" importance=%u", v->importance);
	acts = actions_text(v);
	printf(" actions=%s\n", acts);
	free(acts);
}

static void cmd_diff_flows(int argc, char *argv[])
{
	struct fte_set *set = xcalloc(1, sizeof *set);
	bool differences = false;

	(void)argc;
	fte_set_init(set);
	read_source(argv[1], set, 0);
	read_source(argv[2], set, 1);

	const struct fte **v = sorted(set);
	for (size_t i = 0; i < set->n; i++) {
		const struct fte *e = v[i];
		const struct fte_version *a = e->versions[0];
		const struct fte_version *b = e->versions[1];

		if (a && b && version_equals(a, b))
			continue;
		format_version(e, 0, '-');
		format_version(e, 1, '+');
		differences = true;
	}
	free(v);
	fte_set_free(set);
	free(set);
	fflush(stdout);
	if (differences)
		exit(2);
}

const struct ofctl_command ofctl_replace_commands[] = {
	{ "replace-flows", 2, 2, cmd_replace_flows },
	{ "diff-flows", 2, 2, cmd_diff_flows },
	{ NULL, 0, 0, NULL },
};
