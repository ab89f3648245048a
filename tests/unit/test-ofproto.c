/* ofproto against the real Open vSwitch: every scenario of
 * test-ofproto-cases.txt was played against ovs-vswitchd by
 * record-ofproto.py (test-ofproto-data.h); here the same flow_mods and
 * bundles, encoded as ovs-ofctl sends them, go through ofproto_handle(),
 * and after each step the error and the flow table as dump-flows shows it
 * must be what OVS gave. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <urcu.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-bundle.h"
#include "ofp-flow-mod.h"
#include "ofp-flow-stats.h"
#include "ofp-group-mod.h"
#include "ofp-group-stats.h"
#include "ofp-meter.h"
#include "ofp-msgs.h"
#include "ofp-packet-out.h"
#include "ofp-print.h"
#include "ofp-table.h"
#include "ofproto.h"
#include "xalloc.h"

struct ofproto_step {
	int version;		/* OpenFlow minor version; -1: new scenario */
	const char *cmd;
	const char *arg;
	const char *error;	/* "" none, "PARSE" refused by ovs-ofctl */
	const char *dump;
};

#include "test-ofproto-data.h"
#include "test-ofproto-util.h"

#define N(A) (sizeof (A) / sizeof (A)[0])

static struct ofproto *new_bridge(void)
{
	struct ofproto *p = ofproto_create("br0", 0x1234, 254, NULL, NULL);

	test_ofproto_add_ports(p);
	return p;
}

static struct ofproto_conn conn_for(int minor)
{
	return test_ofproto_conn(minor + 1);
}

static const char *error_name(enum ofperr e)
{
	return e ? ofperr_get_name(e) : "";
}

/* Hands 'b' to the bridge as one message. */
static enum ofperr handle(struct ofproto *p, const struct bytebuf *b,
			  const struct ofproto_conn *conn,
			  struct ofproto_replies *r)
{
	struct ofpmsg m;

	assert_int_equal(ofpmsg_decode(&m, b->data, b->size), 0);
	return ofproto_handle(p, &m, conn, r);
}

/* Hands message 'b' of step 's' over; the error's name, or "PARSE" for
 * an error where ovs-ofctl refused the text itself (the switch must
 * refuse it too). */
static const char *handle_step(struct ofproto *p, const struct bytebuf *b,
			       const struct ofproto_conn *conn,
			       const struct ofproto_step *s)
{
	struct ofproto_replies r;
	enum ofperr e;

	ofproto_replies_init(&r);
	e = handle(p, b, conn, &r);
	ofproto_replies_destroy(&r);
	return !strcmp(s->error, "PARSE") && e ? "PARSE" : error_name(e);
}

/* The flow_mod ovs-ofctl sends for 'cmd' and 'text' at 'minor' into 'b',
 * the protocol it chose into 'conn'; false if the text does not parse or
 * encode. */
static bool encode_flow_mod(int command, const char *text, int minor,
			    uint32_t xid, struct bytebuf *b,
			    struct ofproto_conn *conn)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	uint32_t allowed = ofp_protocols_from_versions(1u << (minor + 1));
	struct of_flow_mod fm;
	uint32_t usable;
	enum ofp_protocol proto;
	char *error = of_flow_mod_parse(text, command, &fm, &ofpacts, &usable);
	bool ok = false;

	if (!error) {
		proto = ofp_protocol_choose(usable, allowed);
		ok = proto && !of_flow_mod_encode(&fm, proto, xid, b);
		conn->protocol = proto;
	}
	free(error);
	bytebuf_uninit(&ofpacts);
	return ok;
}

static int command_of(const char *cmd, const char **text)
{
	bool strict = !strncmp(*text, "--strict ", 9);

	if (strict) {
		*text += 9;
	}
	if (!strcmp(cmd, "add-flow")) {
		return OFPFC_ADD;
	}
	if (!strcmp(cmd, "mod-flows")) {
		return strict ? OFPFC_MODIFY_STRICT : OFPFC_MODIFY;
	}
	return strict ? OFPFC_DELETE_STRICT : OFPFC_DELETE;
}

static const char *run_flow_mod(struct ofproto *p, const struct ofproto_step *s)
{
	struct ofproto_conn conn = conn_for(s->version);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	const char *text = s->arg;
	int command = command_of(s->cmd, &text);
	const char *result = "PARSE";

	if (encode_flow_mod(command, text, s->version, 2, &b, &conn)) {
		result = handle_step(p, &b, &conn, s);
	}
	bytebuf_uninit(&b);
	return result;
}

/* "add FLOW", "modify_strict FLOW"...: the add-flows file syntax. */
static int bundle_command(const char **line)
{
	static const struct { const char *word; int command; } words[] = {
		{ "add ", OFPFC_ADD }, { "modify ", OFPFC_MODIFY },
		{ "modify_strict ", OFPFC_MODIFY_STRICT },
		{ "delete ", OFPFC_DELETE },
		{ "delete_strict ", OFPFC_DELETE_STRICT },
	};

	for (size_t i = 0; i < N(words); i++) {
		size_t n = strlen(words[i].word);

		if (!strncmp(*line, words[i].word, n)) {
			*line += n;
			return words[i].command;
		}
	}
	fail_msg("bad bundle line %s", *line);
	return -1;
}

static void bundle_control(struct ofproto *p, const struct ofproto_conn *conn,
			   uint16_t type, struct ofproto_replies *r,
			   enum ofperr *first)
{
	struct ofp_bundle_ctrl ctrl = { 0, type, OFPBF_ATOMIC | OFPBF_ORDERED };
	struct bytebuf b = BYTEBUF_INITIALIZER;
	enum ofperr e;

	ofp_bundle_ctrl_encode(&b, conn->version, 9, &ctrl);
	e = handle(p, &b, conn, r);
	if (e && !*first) {
		*first = e;
	}
	bytebuf_uninit(&b);
}

/* The first error among the replies (a failing message in a commit). */
static enum ofperr first_reply_error(const struct ofproto_replies *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct ofperr_msg em;

		if (!ofperr_decode_msg(r->msgs[i].data, r->msgs[i].size, &em)) {
			return em.error;
		}
	}
	return 0;
}

/* "group add|modify|delete SPEC" of ovs-ofctl's bundle file. */
static void encode_bundle_group(const char *line, uint8_t version,
				struct bytebuf *out)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm;
	uint16_t command = !strncmp(line, "add ", 4) ? OFPGC_ADD
		: !strncmp(line, "modify ", 7) ? OFPGC_MODIFY : OFPGC_DELETE;
	uint32_t usable;

	assert_null(ofp_group_mod_parse(strchr(line, ' ') + 1, command, &gm,
					&ofpacts, &usable));
	assert_int_equal(ofp_group_mod_encode(&gm, version, 3, out), 0);
	ofp_group_mod_uninit(&gm);
	bytebuf_uninit(&ofpacts);
}

/* One line of a bundle: add-flows syntax, or with "flow " or "group "
 * before it (ovs-ofctl bundle). */
static void encode_bundle_line(const char *line, int minor,
			       struct ofproto_conn *conn, struct bytebuf *out)
{
	int command;

	if (!strncmp(line, "group ", 6)) {
		encode_bundle_group(line + 6, conn->version, out);
		return;
	}
	if (!strncmp(line, "flow ", 5)) {
		line += 5;
	}
	command = bundle_command(&line);
	assert_true(encode_flow_mod(command, line, minor, 3, out, conn));
}

static const char *run_bundle(struct ofproto *p, const struct ofproto_step *s)
{
	struct ofproto_conn conn = conn_for(s->version);
	struct ofproto_replies r;
	enum ofperr first = 0;
	char *lines = xstrdup(s->arg), *save = NULL;

	ofproto_replies_init(&r);
	bundle_control(p, &conn, OFPBCT_OPEN_REQUEST, &r, &first);
	for (char *l = strtok_r(lines, ";", &save); l;
	     l = strtok_r(NULL, ";", &save)) {
		struct bytebuf fm = BYTEBUF_INITIALIZER;
		struct bytebuf add = BYTEBUF_INITIALIZER;
		enum ofperr e;

		encode_bundle_line(l, s->version, &conn, &fm);
		ofp_bundle_add_encode(&add, conn.version, 3, 0,
				      OFPBF_ATOMIC | OFPBF_ORDERED,
				      fm.data, fm.size);
		e = handle(p, &add, &conn, &r);
		if (e && !first) {
			first = e;
		}
		bytebuf_uninit(&fm);
		bytebuf_uninit(&add);
	}
	ofproto_replies_destroy(&r);
	ofproto_replies_init(&r);
	bundle_control(p, &conn, OFPBCT_COMMIT_REQUEST, &r, &first);
	if (first == OFPERR_OFPBFC_MSG_FAILED) {
		first = first_reply_error(&r);
	}
	ofproto_replies_destroy(&r);
	free(lines);
	return error_name(first);
}

/* Drops "duration=...s, ", "idle_age=N, " and "hard_age=N, ". */
static void strip_ages(char *line)
{
	static const char *const keys[] = { "duration=", "idle_age=",
					    "hard_age=" };

	for (size_t i = 0; i < N(keys); i++) {
		char *k = strstr(line, keys[i]);
		char *end = k ? strstr(k, ", ") : NULL;

		if (end) {
			memmove(k, end + 2, strlen(end + 2) + 1);
		}
	}
}

static int compare_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static void collect_entries(const struct bytebuf *msg, char ***lines,
			    size_t *n, size_t *cap)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_flow_stats fs;
	struct bytecur c;
	struct ofpmsg m;
	int error;

	assert_int_equal(ofpmsg_decode(&m, msg->data, msg->size), 0);
	c = bytecur_make(m.body, m.body_len);
	while (!(error = ofp_flow_stats_pull(m.type, m.version, &c, &fs,
					     &ofpacts))) {
		struct odp_text t = ODP_TEXT_INIT;

		ofp_flow_stats_format(&t, &fs);
		*lines = xgrow_n(*lines, cap, *n + 1, sizeof **lines);
		(*lines)[*n] = xstrdup(odp_text_cstr(&t));
		strip_ages((*lines)[(*n)++]);
		odp_text_free(&t);
		bytebuf_clear(&ofpacts);
	}
	assert_int_equal(error, -1);
	bytebuf_uninit(&ofpacts);
}

/* The stats request ovs-ofctl sends for dump-flows or dump-aggregate
 * 'match' (flow text with cookie, table, out_port...): NXST in 1.0. */
static void encode_stats_request(bool aggregate, const char *match, int minor,
				 struct bytebuf *b)
{
	struct bytebuf ofpacts = BYTEBUF_INITIALIZER;
	struct ofp_flow_stats_request req;
	struct of_flow_mod fm;
	uint32_t usable;
	enum ofptype type;
	char *error;

	error = of_flow_mod_parse(match, OFPFC_DELETE, &fm, &ofpacts, &usable);
	assert_null(error);
	ofp_flow_stats_request_init(&req);
	req.match = fm.match;
	req.cookie = fm.cookie;
	req.cookie_mask = fm.cookie_mask;
	req.out_port = fm.out_port;
	req.out_group = fm.out_group;
	req.table_id = fm.table_id;
	if (aggregate) {
		type = minor ? OFPTYPE_AGGREGATE_STATS_REQUEST
			: OFPTYPE_NXST_AGGREGATE_REQUEST;
	} else {
		type = minor ? OFPTYPE_FLOW_STATS_REQUEST
			: OFPTYPE_NXST_FLOW_REQUEST;
	}
	ofp_flow_stats_request_encode(b, type, minor + 1, 4, &req);
	bytebuf_uninit(&ofpacts);
}

/* dump-flows as ovs-ofctl shows it, ages dropped, lines sorted. */
static char *dump_flows(struct ofproto *p, int minor, const char *match)
{
	struct ofproto_conn conn = conn_for(minor);
	struct ofproto_replies r;
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct odp_text out = ODP_TEXT_INIT;
	char **lines = NULL;
	size_t n = 0, cap = 0;
	char *result;

	encode_stats_request(false, match, minor, &b);
	ofproto_replies_init(&r);
	assert_int_equal(handle(p, &b, &conn, &r), 0);
	for (size_t i = 0; i < r.n; i++) {
		collect_entries(&r.msgs[i], &lines, &n, &cap);
	}
	if (n) {
		qsort(lines, n, sizeof *lines, compare_lines);
	}
	for (size_t i = 0; i < n; i++) {
		odp_text_printf(&out, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	result = xstrdup(odp_text_cstr(&out));
	odp_text_free(&out);
	ofproto_replies_destroy(&r);
	bytebuf_uninit(&b);
	return result;
}

/* Removes " (xid=0x...)" as the recorder does. */
static void strip_xid(char *s)
{
	char *x = strstr(s, " (xid=0x");
	char *end = x ? strchr(x, ')') : NULL;

	if (end) {
		memmove(x, end + 1, strlen(end + 1) + 1);
	}
}

static char *dump_aggregate(struct ofproto *p, int minor, const char *match)
{
	struct ofproto_conn conn = conn_for(minor);
	struct ofproto_replies r;
	struct bytebuf b = BYTEBUF_INITIALIZER;
	char *text;

	encode_stats_request(true, match, minor, &b);
	ofproto_replies_init(&r);
	assert_int_equal(handle(p, &b, &conn, &r), 0);
	assert_int_equal(r.n, 1);
	text = ofp_to_string(r.msgs[0].data, r.msgs[0].size, 1);
	strip_xid(text);
	ofproto_replies_destroy(&r);
	bytebuf_uninit(&b);
	return text;
}

static const char *run_packet_out(struct ofproto *p,
				  const struct ofproto_step *s)
{
	struct bytebuf b = BYTEBUF_INITIALIZER, ofpacts = BYTEBUF_INITIALIZER;
	struct bytebuf packet = BYTEBUF_INITIALIZER;
	struct ofproto_conn conn = conn_for(s->version);
	struct ofp_packet_out po;
	const char *result = "PARSE";
	char *error = ofp_packet_out_parse(s->arg, &po, &ofpacts, &packet);

	if (!error && !ofp_packet_out_encode(&po, conn.version, 2, &b)) {
		result = handle_step(p, &b, &conn, s);
	}
	free(error);
	bytebuf_uninit(&b);
	bytebuf_uninit(&ofpacts);
	bytebuf_uninit(&packet);
	return result;
}

/* "TABLE SETTING" as ovs-ofctl mod-table takes it. */
static const char *run_table_mod(struct ofproto *p,
				 const struct ofproto_step *s)
{
	struct ofproto_conn conn = conn_for(s->version);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	char *table = xstrdup(s->arg), *setting = strchr(table, ' ');
	struct ofp_table_mod tm;
	uint32_t usable;
	const char *result = "PARSE";
	char *error;

	assert_non_null(setting);
	*setting++ = '\0';
	error = ofp_table_mod_parse(&tm, table, setting, &usable);
	if (!error && usable & (1u << conn.version)) {
		ofp_table_mod_encode(&b, conn.version, 2, &tm);
		result = handle_step(p, &b, &conn, s);
	}
	free(error);
	free(table);
	bytebuf_uninit(&b);
	return result;
}

static int group_command(const char *cmd)
{
	return !strcmp(cmd, "add-group") ? OFPGC_ADD
		: !strcmp(cmd, "mod-group") ? OFPGC_MODIFY
		: !strcmp(cmd, "insert-buckets") ? OFPGC_INSERT_BUCKET
		: !strcmp(cmd, "remove-buckets") ? OFPGC_REMOVE_BUCKET
		: OFPGC_DELETE;
}

static const char *run_group_mod(struct ofproto *p,
				 const struct ofproto_step *s)
{
	struct bytebuf b = BYTEBUF_INITIALIZER, ofpacts = BYTEBUF_INITIALIZER;
	struct ofproto_conn conn = conn_for(s->version);
	struct ofp_group_mod gm;
	const char *text = *s->arg ? s->arg : "group_id=all";
	uint32_t usable;
	char *error = ofp_group_mod_parse(text, group_command(s->cmd), &gm,
					  &ofpacts, &usable);
	const char *result = "PARSE";

	if (!error && usable & (1u << conn.version)
	    && !ofp_group_mod_encode(&gm, conn.version, 2, &b)) {
		result = handle_step(p, &b, &conn, s);
	}
	if (!error) {
		ofp_group_mod_uninit(&gm);
	}
	free(error);
	bytebuf_uninit(&b);
	bytebuf_uninit(&ofpacts);
	return result;
}

/* A group request as ovs-ofctl sends it: for all groups where the
 * version names one (1.0's NXST and 1.5). */
static void encode_group_request(enum ofptype type, uint8_t version,
				 struct bytebuf *b)
{
	size_t start = ofpmsg_start(b, type, version, 5);

	if (type == OFPTYPE_GROUP_DESC_STATS_REQUEST
	    && (version == OFP10_VERSION || version >= OFP15_VERSION)) {
		bytebuf_put_be32(b, OFPG_ALL);
		bytebuf_put_zeros(b, 4);
	}
	ofpmsg_finish(b, start);
}

static int compare_strs(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* The body lines of 'text' (all but the first) sorted in place. */
static void sort_body_lines(char *text)
{
	char *body = strchr(text, '\n'), *copy, **lines = NULL, *save = NULL;
	size_t n = 0, cap = 0, ofs = 0;

	if (!body || !body[1]) {
		return;
	}
	copy = xstrdup(++body);
	for (char *l = strtok_r(copy, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		lines = xgrow_n(lines, &cap, n + 1, sizeof *lines);
		lines[n++] = l;
	}
	qsort(lines, n, sizeof *lines, compare_strs);
	for (size_t i = 0; i < n; i++) {
		ofs += sprintf(body + ofs, "%s\n", lines[i]);
	}
	free(lines);
	free(copy);
}

/* The replies to a request of 'type' for every meter or group, as
 * ovs-ofctl prints them (xids dropped). */
static char *dump_all(struct ofproto *p, int minor, enum ofptype type)
{
	struct ofproto_conn conn = conn_for(minor);
	struct odp_text out = ODP_TEXT_INIT;
	struct ofproto_replies r;
	struct bytebuf b = BYTEBUF_INITIALIZER;
	char *text;

	if (type == OFPTYPE_METER_FEATURES_STATS_REQUEST
	    || type == OFPTYPE_TABLE_DESC_REQUEST
	    || type == OFPTYPE_GROUP_FEATURES_STATS_REQUEST
	    || type == OFPTYPE_GROUP_DESC_STATS_REQUEST) {
		encode_group_request(type, conn.version, &b);
	} else {
		ofp_meter_request_encode(&b, type, conn.version, 5, OFPM13_ALL);
	}
	ofproto_replies_init(&r);
	assert_int_equal(handle(p, &b, &conn, &r), 0);
	for (size_t i = 0; i < r.n; i++) {
		char *one = ofp_to_string(r.msgs[i].data, r.msgs[i].size, 1);

		strip_xid(one);
		odp_text_printf(&out, "%s", one);
		free(one);
	}
	text = xstrdup(odp_text_cstr(&out));
	if (type == OFPTYPE_GROUP_DESC_STATS_REQUEST) {
		sort_body_lines(text);
	}
	odp_text_free(&out);
	ofproto_replies_destroy(&r);
	bytebuf_uninit(&b);
	return text;
}

static const char *run_meter_mod(struct ofproto *p,
				 const struct ofproto_step *s)
{
	struct ofp_meter_band bands[8];
	struct ofproto_conn conn = conn_for(s->version);
	struct bytebuf b = BYTEBUF_INITIALIZER;
	struct ofp_meter_mod mm;
	int command = !strcmp(s->cmd, "add-meter") ? OFPMC13_ADD
		: !strcmp(s->cmd, "mod-meter") ? OFPMC13_MODIFY
		: OFPMC13_DELETE;
	const char *text = *s->arg ? s->arg : "meter=all";
	char *error = ofp_meter_parse(text, command, &mm, bands, N(bands));
	const char *result = "PARSE";

	if (!error) {
		ofp_meter_mod_encode(&b, conn.version, 2, &mm, bands,
				     mm.meter.n_bands);
		result = handle_step(p, &b, &conn, s);
	}
	free(error);
	bytebuf_uninit(&b);
	return result;
}

/* Runs step 's'; '*text' gets the dump to compare. */
static const char *run_step(struct ofproto *p, const struct ofproto_step *s,
			    char **text)
{
	const char *error = "";

	if (!strcmp(s->cmd, "dump-flows")) {
		*text = dump_flows(p, s->version, s->arg);
	} else if (!strcmp(s->cmd, "dump-aggregate")) {
		*text = dump_aggregate(p, s->version, s->arg);
	} else if (!strcmp(s->cmd, "dump-meters")) {
		*text = dump_all(p, s->version,
				 OFPTYPE_METER_CONFIG_STATS_REQUEST);
	} else if (!strcmp(s->cmd, "meter-features")) {
		*text = dump_all(p, s->version,
				 OFPTYPE_METER_FEATURES_STATS_REQUEST);
	} else if (!strcmp(s->cmd, "dump-groups")) {
		*text = dump_all(p, s->version,
				 OFPTYPE_GROUP_DESC_STATS_REQUEST);
	} else if (!strcmp(s->cmd, "dump-table-desc")) {
		*text = dump_all(p, s->version, OFPTYPE_TABLE_DESC_REQUEST);
	} else if (!strcmp(s->cmd, "dump-group-features")) {
		*text = dump_all(p, s->version,
				 OFPTYPE_GROUP_FEATURES_STATS_REQUEST);
	} else {
		error = !strncmp(s->cmd, "bundle", 6) ? run_bundle(p, s)
			: !strcmp(s->cmd, "mod-table") ? run_table_mod(p, s)
			: !strcmp(s->cmd, "packet-out") ? run_packet_out(p, s)
			: strstr(s->cmd, "meter") ? run_meter_mod(p, s)
			: strstr(s->cmd, "group") || strstr(s->cmd, "bucket")
			? run_group_mod(p, s)
			: run_flow_mod(p, s);
		*text = dump_flows(p, s->version, "");
	}
	return error;
}

static void test_oracle_scenarios(void **state)
{
	struct ofproto *p = NULL;
	const char *name = "";
	int failures = 0;

	(void) state;
	for (size_t i = 0; i < N(ofproto_steps); i++) {
		const struct ofproto_step *s = &ofproto_steps[i];
		const char *error;
		char *dump;

		if (s->version < 0) {
			ofproto_destroy(p);
			p = new_bridge();
			name = s->arg;
			continue;
		}
		error = run_step(p, s, &dump);
		if (strcmp(error, s->error) || strcmp(dump, s->dump)) {
			print_error("scenario \"%s\", %s %s (OF1.%d):\n"
				    "  error %s, OVS %s\n"
				    "  flows:\n%s  OVS:\n%s",
				    name, s->cmd, s->arg, s->version, error,
				    s->error, dump, s->dump);
			failures++;
		}
		free(dump);
	}
	ofproto_destroy(p);
	assert_int_equal(failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oracle_scenarios),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	rcu_barrier();
	return rc;
}
