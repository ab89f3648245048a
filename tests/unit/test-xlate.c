/* Translation against Open vSwitch: every case of test-xlate-cases.txt is
 * set up in a mock bridge (flows parsed with of_flow_mod_parse into a
 * linear per-table list), its packet translated, and the datapath actions
 * compared with what Open vSwitch 3.1's ofproto/trace printed for the same
 * tables (test-xlate-data.h, written by record-xlate.py).  For each case
 * the actions must also pass the datapath's validation for the megaflow,
 * and random packets that agree with the megaflow mask must translate to
 * the same actions. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "actions.h"
#include "flow-netlink.h"
#include "bytebuf.h"
#include "odp-actions-text.h"
#include "ofp-actions.h"
#include "ofp-flow-mod.h"
#include "ofp-match.h"
#include "recirc.h"
#include "xlate.h"

struct xlate_case {
	const char *name;
	const char *setup;	/* "flow ...", "group ...", ... lines */
	const char *trace;
	const char *expect;
	const char *error;
	const char *learn;
	const char *ovs_megaflow;
	bool oracle;
};

#include "test-xlate-data.h"

#define N_CASES (sizeof xlate_cases / sizeof xlate_cases[0])
#define MOCK_RULES 64
#define MOCK_GROUPS 8
#define MOCK_BUCKETS 8
#define MOCK_PORTS 5
#define MOCK_LOCAL_ODP 100

struct mock_rule {
	struct of_match match;
	uint16_t priority;
	uint8_t table_id;
	uint64_t cookie;
	struct bytebuf acts;
};

struct mock_group {
	struct xlate_group g;
	struct xlate_bucket buckets[MOCK_BUCKETS];
	struct bytebuf acts[MOCK_BUCKETS];
};

struct mock {
	struct mock_rule rules[MOCK_RULES];
	size_t n_rules;
	struct mock_group groups[MOCK_GROUPS];
	size_t n_groups;
	struct xlate_port ports[MOCK_PORTS];
	enum xlate_miss miss[256];
	char learned[1024];
	int n_normal;
};

static bool mock_matches(const struct of_match *m, const struct of_flow *f)
{
	const uint8_t *a = (const uint8_t *)f, *v = (const uint8_t *)&m->flow;
	const uint8_t *k = (const uint8_t *)&m->mask;

	for (size_t i = 0; i < sizeof *f; i++)
		if ((a[i] ^ v[i]) & k[i])
			return false;
	return true;
}

/* Rules are kept by descending priority: each one considered adds its
 * mask to the megaflow, up to the first that matches. */
static bool mock_lookup(void *aux, uint8_t table_id, const struct of_flow *f,
			struct of_flow *wc, struct xlate_rule *out)
{
	struct mock *m = aux;

	for (size_t i = 0; i < m->n_rules; i++) {
		struct mock_rule *r = &m->rules[i];
		uint8_t *w = (uint8_t *)wc;
		const uint8_t *k = (const uint8_t *)&r->match.mask;

		if (r->table_id != table_id)
			continue;
		for (size_t j = 0; j < sizeof *wc; j++)
			w[j] |= k[j];
		if (mock_matches(&r->match, f)) {
			out->ofpacts = r->acts.data;
			out->ofpacts_len = r->acts.size;
			out->cookie = r->cookie;
			out->table_id = table_id;
			out->owner = r;
			return true;
		}
	}
	return false;
}

static enum xlate_miss mock_table_miss(void *aux, uint8_t table_id)
{
	return ((struct mock *)aux)->miss[table_id];
}

static bool mock_port(void *aux, uint32_t ofp_port, struct xlate_port *p)
{
	struct mock *m = aux;

	for (size_t i = 0; i < MOCK_PORTS; i++) {
		if (m->ports[i].ofp_port == ofp_port) {
			*p = m->ports[i];
			return true;
		}
	}
	return false;
}

static size_t mock_ports(void *aux, struct xlate_port *p, size_t max)
{
	struct mock *m = aux;

	for (size_t i = 0; i < MOCK_PORTS && i < max; i++)
		p[i] = m->ports[i];
	return MOCK_PORTS;
}

static bool mock_group(void *aux, uint32_t id, struct xlate_group *g)
{
	struct mock *m = aux;

	for (size_t i = 0; i < m->n_groups; i++) {
		if (m->groups[i].g.id == id) {
			*g = m->groups[i].g;
			return true;
		}
	}
	return false;
}

static void mock_learn(void *aux, const struct of_flow_mod *fm)
{
	struct mock *m = aux;
	char *s = of_flow_mod_to_text(fm);

	snprintf(m->learned, sizeof m->learned, "%s", s);
	free(s);
}

static void mock_normal(void *aux, struct xlate_ctx *ctx)
{
	((struct mock *)aux)->n_normal++;
	xlate_ctx_output(ctx, 4);
}

static const struct xlate_ops mock_ops = {
	.lookup = mock_lookup,
	.table_miss = mock_table_miss,
	.port = mock_port,
	.ports = mock_ports,
	.group = mock_group,
	.learn = mock_learn,
	.normal = mock_normal,
};

static void mock_init(struct mock *m)
{
	memset(m, 0, sizeof *m);
	for (uint32_t i = 0; i < MOCK_PORTS; i++) {
		struct xlate_port *p = &m->ports[i];

		p->ofp_port = i < 4 ? i + 1 : XLATE_PORT_LOCAL;
		p->odp_port = i < 4 ? i + 1 : MOCK_LOCAL_ODP;
		p->is_local = i == 4;
		p->live = true;
	}
}

static void mock_uninit(struct mock *m)
{
	for (size_t i = 0; i < m->n_rules; i++)
		bytebuf_uninit(&m->rules[i].acts);
	for (size_t i = 0; i < m->n_groups; i++)
		for (size_t j = 0; j < m->groups[i].g.n_buckets; j++)
			bytebuf_uninit(&m->groups[i].acts[j]);
}

static void mock_add_flow(struct mock *m, const char *text)
{
	struct mock_rule *r = &m->rules[m->n_rules];
	struct of_flow_mod fm;
	uint32_t usable;
	char *err;
	size_t i;

	assert_true(m->n_rules < MOCK_RULES);
	bytebuf_init(&r->acts);
	err = of_flow_mod_parse(text, OFPFC_ADD, &fm, &r->acts, &usable);
	if (err)
		fail_msg("%s: %s", text, err);
	r->match = fm.match;
	r->priority = fm.priority;
	r->table_id = fm.table_id == OFP_TABLE_ALL ? 0 : fm.table_id;
	r->cookie = fm.new_cookie == OFP_COOKIE_NONE ? 0 : fm.new_cookie;
	/* Keep descending priority, first added first among equals. */
	for (i = m->n_rules; i > 0 && m->rules[i - 1].priority < r->priority;
	     i--) {
		struct mock_rule t = m->rules[i];

		m->rules[i] = m->rules[i - 1];
		m->rules[i - 1] = t;
	}
	m->n_rules++;
}

static uint32_t parse_u32_after(const char *s, const char *key)
{
	const char *p = strstr(s, key);

	return p ? strtoul(p + strlen(key), NULL, 0) : 0;
}

/* One "bucket=" of ovs-ofctl's group syntax: "[weight:N,][watch_port:N,]
 * [watch_group:N,]actions=..." up to 'end'. */
static void mock_add_bucket(struct mock_group *mg, const char *b, size_t len)
{
	size_t n = mg->g.n_buckets;
	struct xlate_bucket *bk = &mg->buckets[n];
	char *text = strndup(b, len), *acts = strstr(text, "actions=");
	char *err;

	assert_non_null(acts);
	*acts = '\0';
	bk->weight = strstr(text, "weight:") ? parse_u32_after(text, "weight:")
					     : 100;
	bk->watch_port = strstr(text, "watch_port:")
			 ? parse_u32_after(text, "watch_port:")
			 : XLATE_PORT_ANY;
	bk->watch_group = strstr(text, "watch_group:")
			  ? parse_u32_after(text, "watch_group:")
			  : XLATE_GROUP_ANY;
	bytebuf_init(&mg->acts[n]);
	err = ofpacts_parse(acts + strlen("actions="), &mg->acts[n]);
	if (err)
		fail_msg("bucket %s: %s", acts + 8, err);
	bk->ofpacts = mg->acts[n].data;
	bk->ofpacts_len = mg->acts[n].size;
	mg->g.n_buckets++;
	free(text);
}

static void mock_add_group(struct mock *m, const char *text)
{
	struct mock_group *mg = &m->groups[m->n_groups++];
	const char *b = strstr(text, ",bucket=");

	memset(mg, 0, sizeof *mg);
	mg->g.id = parse_u32_after(text, "group_id=");
	mg->g.type = strstr(text, "type=all") ? XLATE_GROUP_ALL
		     : strstr(text, "type=select") ? XLATE_GROUP_SELECT
		     : strstr(text, "type=indirect") ? XLATE_GROUP_INDIRECT
		     : XLATE_GROUP_FF;
	mg->g.buckets = mg->buckets;
	mg->g.owner = mg;
	while (b) {
		const char *start = b + strlen(",bucket=");
		const char *next = strstr(start, ",bucket=");

		mock_add_bucket(mg, start, next ? (size_t)(next - start)
					       : strlen(start));
		b = next;
	}
}

static struct xlate_port *mock_port_ref(struct mock *m, const char *n)
{
	return &m->ports[atoi(n) - 1];
}

static void mock_setup(struct mock *m, const char *setup)
{
	char *copy = strdup(setup), *save = NULL;

	for (char *line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "flow ", 5))
			mock_add_flow(m, line + 5);
		else if (!strncmp(line, "group ", 6))
			mock_add_group(m, line + 6);
		else if (!strncmp(line, "down ", 5))
			mock_port_ref(m, line + 5)->live = false;
		else if (!strncmp(line, "noflood ", 8))
			mock_port_ref(m, line + 8)->no_flood = true;
		else if (!strncmp(line, "miss ", 5))
			m->miss[atoi(line + 5)] = strstr(line, "continue")
						  ? XLATE_MISS_CONTINUE
						  : XLATE_MISS_CONTROLLER;
		else
			fail_msg("bad setup line %s", line);
	}
	free(copy);
}

/* A packet in ofproto/trace syntax, as our of_flow. */
static void parse_packet(const char *text, struct of_flow *f)
{
	struct of_flow_mod fm;
	struct bytebuf acts;
	uint32_t usable;
	char *err;

	bytebuf_init(&acts);
	err = of_flow_mod_parse(text, OFPFC_DELETE, &fm, &acts, &usable);
	if (err)
		fail_msg("%s: %s", text, err);
	bytebuf_uninit(&acts);
	*f = fm.match.flow;
	if (f->vlans[0].tci & htons(OF_VLAN_CFI) && !f->vlans[0].tpid)
		f->vlans[0].tpid = htons(0x8100);
}

/* Appends one top-level action in the oracle's normalized words:
 * controller userspace actions as "controller(...)", recirculation ids
 * as "*" (they are allocation order), the rest as ovs-dpctl prints. */
static void format_action(struct odp_text *t, const struct nlattr *a)
{
	const struct nlattr *u;
	uint32_t left;
	char *s;

	if (nlattr_type(a) == OVS_ACTION_ATTR_RECIRC) {
		odp_text_printf(t, "recirc(*)");
		return;
	}
	if (nlattr_type(a) == OVS_ACTION_ATTR_USERSPACE) {
		NLATTR_FOR_EACH(u, left, nlattr_data(a), nlattr_len(a)) {
			struct xlate_ctrl_cookie ck;

			if (nlattr_type(u) != OVS_USERSPACE_ATTR_USERDATA)
				continue;
			assert_true(nlattr_len(u) >= sizeof ck);
			memcpy(&ck, nlattr_data(u), sizeof ck);
			assert_int_equal(ck.type, XLATE_COOKIE_CONTROLLER);
			odp_text_printf(t, "controller(reason=%d,max_len=%d,"
					"id=%d", ck.reason, ck.max_len,
					ck.controller_id);
			if (ck.rule_cookie)
				odp_text_printf(t, ",cookie=%#llx",
						(unsigned long long)
						ck.rule_cookie);
			odp_text_printf(t, ")");
		}
		return;
	}
	s = odp_actions_to_string(a, NLA_ALIGN(a->nla_len));
	odp_text_printf(t, "%s", s);
	free(s);
}

static char *format_actions(const struct nlbuf *acts)
{
	struct odp_text t = ODP_TEXT_INIT;
	const struct nlattr *a;
	uint32_t left;
	bool first = true;

	NLATTR_FOR_EACH(a, left, acts->data, acts->size) {
		if (!first)
			odp_text_printf(&t, ",");
		first = false;
		format_action(&t, a);
	}
	char *r;

	if (first)
		odp_text_printf(&t, "drop");
	r = strdup(odp_text_cstr(&t));
	odp_text_free(&t);
	return r;
}

/* The oracle's text normalized the same way. */
static void normalize_ovs(const char *in, char *out, size_t size)
{
	const char *p = in;
	size_t n = 0;

	while (*p && n + 64 < size) {
		const char *c = strstr(p, "userspace(pid=0,controller(");
		const char *r = strstr(p, "recirc(");
		const char *next = c && (!r || c < r) ? c : r;
		size_t lit = next ? (size_t)(next - p) : strlen(p);

		memcpy(out + n, p, lit);
		n += lit;
		p += lit;
		if (!next)
			break;
		if (next == r) {
			n += snprintf(out + n, size - n, "recirc(*)");
			p = strchr(p, ')') + 1;
			continue;
		}
		{
			unsigned int reason = parse_u32_after(p, "reason=");
			unsigned int max_len = parse_u32_after(p, "max_len=");
			unsigned int id = parse_u32_after(p, "controller_id=");
			unsigned long long cookie = strtoull(
				strstr(p, "rule_cookie=") + 12, NULL, 0);

			n += snprintf(out + n, size - n,
				      "controller(reason=%u,max_len=%u,id=%u",
				      reason, max_len, id);
			if (cookie)
				n += snprintf(out + n, size - n,
					      ",cookie=%#llx", cookie);
			n += snprintf(out + n, size - n, ")");
			p = strstr(p, "))") + 2;
		}
	}
	out[n] = '\0';
}

static int cmp_token(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_port_token(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* Flooding goes out in the bridge's port order, which for Open vSwitch is
 * hash order: runs of plain port outputs are compared as sets. */
static void sort_port_runs(char *s)
{
	char *tok[256], *copy = strdup(s), *save = NULL;
	size_t n = 0, i = 0;
	char *out = s;

	for (char *t = strtok_r(copy, ",", &save); t && n < 256;
	     t = strtok_r(NULL, ",", &save))
		tok[n++] = t;
	while (i < n) {
		size_t j = i;

		while (j < n && is_port_token(tok[j]))
			j++;
		if (j > i + 1)
			qsort(tok + i, j - i, sizeof *tok, cmp_token);
		i = j > i ? j : i + 1;
	}
	for (i = 0; i < n; i++)
		out += sprintf(out, "%s%s", i ? "," : "", tok[i]);
	free(copy);
}

static int total_ours, total_ovs, n_compared, n_failed;

/* A case's failure is reported and counted; the others still run. */
#define CASE_FAIL(...) do {				\
		print_error(__VA_ARGS__);		\
		print_error("\n");			\
		n_failed++;				\
	} while (0)

/* Datapath ports to OpenFlow ports back for the megaflow check. */
static uint32_t odp_in_port(const struct of_flow *f)
{
	uint32_t p = ntohl(f->in_port);

	return p == XLATE_PORT_LOCAL ? MOCK_LOCAL_ODP : p;
}

/* The megaflow goes to the datapath as netlink attributes, which the
 * datapath must take back. */
static void check_installable(const struct xlate_case *c,
			      const struct flow_key *key,
			      const struct flow_key *mask)
{
	static uint8_t kmem[1024], mmem[1024];
	struct flow_key k2, m2;
	struct flow_nl_error err;
	struct nlbuf kb, mb;

	nlbuf_init(&kb, kmem, sizeof kmem);
	nlbuf_init(&mb, mmem, sizeof mmem);
	assert_int_equal(flow_nl_put_key(&kb, key), 0);
	assert_int_equal(flow_nl_put_mask(&mb, key, mask), 0);
	memset(&err, 0, sizeof err);
	if (flow_nl_parse_match(kb.data, kb.size, mb.data, mb.size, &k2, &m2,
				&err))
		CASE_FAIL("%s: datapath refuses the megaflow: %s", c->name,
			  err.msg ? err.msg : "?");
}

static void check_validates(const struct xlate_case *c,
			    const struct of_flow *f, const struct xlate_out *o)
{
	struct flow_key key, mask;
	struct actions_error err;
	int r;

	xlate_megaflow(f, &o->wc, odp_in_port(f), &key, &mask);
	check_installable(c, &key, &mask);
	memset(&err, 0, sizeof err);
	r = actions_validate((const struct nlattr *)o->actions.data,
			     o->actions.size, &key, &mask, &err);
	if (r)
		CASE_FAIL("%s: datapath refuses actions: %s (%s at %u)",
			 c->name, err.msg ? err.msg : "?",
			 actions_attr_name(err.attr), err.offset);
}

static char *translate(struct mock *m, const struct of_flow *f,
		       struct xlate_out *out, bool may_learn)
{
	struct xlate_in in;

	memset(&in, 0, sizeof in);
	in.flow = f;
	in.may_learn = may_learn;
	assert_int_equal(xlate_actions(&mock_ops, m, &in, out), 0);
	return format_actions(&out->actions);
}

static uint64_t rng_state = 0x243f6a8885a308d3ull;
static int megaflow_tries = 40;	/* XLATE_MEGAFLOW_TRIES overrides */

static uint8_t rnd8(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state >> 24;
}

/* Makes a random flow one a datapath could parse: no inner tag without
 * an outer one, nothing above L2 under an MPLS label or an ethertype the
 * datapath does not parse. */
static void make_plausible(struct of_flow *g)
{
	uint16_t t = ntohs(g->dl_type);

	if (!(g->vlans[0].tci & htons(OF_VLAN_CFI)))
		memset(g->vlans, 0, sizeof g->vlans);
	else if (!(g->vlans[1].tci & htons(OF_VLAN_CFI)))
		memset(&g->vlans[1], 0, sizeof g->vlans[1]);
	if (t != 0x0800 && t != 0x86dd && t != 0x0806 && t != 0x8035)
		memset((uint8_t *)g + OF_FLOW_L3_OFS, 0,
		       sizeof *g - OF_FLOW_L3_OFS);
	if (t != 0x8847 && t != 0x8848)
		g->mpls_lse = 0;
}

/* Packets that agree with 'f' on every bit of 'wc' translate alike. */
static void check_megaflow(const struct xlate_case *c, struct mock *m,
			   const struct of_flow *f, const struct of_flow *wc,
			   const char *want)
{
	for (int i = 0; i < megaflow_tries; i++) {
		const uint8_t *a = (const uint8_t *)f, *k = (const uint8_t *)wc;
		struct of_flow g;
		uint8_t *b = (uint8_t *)&g;
		struct xlate_out out;
		char *got;

		for (size_t j = 0; j < sizeof g; j++)
			b[j] = (a[j] & k[j]) | (rnd8() & ~k[j]);
		make_plausible(&g);
		xlate_out_init(&out);
		got = translate(m, &g, &out, false);
		if (strcmp(got, want)) {
			CASE_FAIL("%s: megaflow too wide: got %s, want %s",
				  c->name, got, want);
			i = megaflow_tries;
		}
		free(got);
		xlate_out_uninit(&out);
	}
}

/* Fields in a match's text; "packet_type=(0,0)" is OVS's "eth". */
static int count_fields(const char *s)
{
	int n = *s ? 1 : 0, depth = 0;

	for (; *s; s++) {
		depth += (*s == '(') - (*s == ')');
		n += *s == ',' && !depth;
	}
	return n;
}


static void run_case(const struct xlate_case *c)
{
	char want[2048], got_sorted[2048];
	struct of_flow f;
	struct xlate_out out;
	struct of_match m_wc;
	struct mock *m = malloc(sizeof *m);
	char *got, *wc_text;

	mock_init(m);
	mock_setup(m, c->setup);
	parse_packet(c->trace, &f);
	xlate_out_init(&out);
	got = translate(m, &f, &out, true);

	normalize_ovs(c->expect, want, sizeof want);
	sort_port_runs(want);
	snprintf(got_sorted, sizeof got_sorted, "%s", got);
	sort_port_runs(got_sorted);
	if (strcmp(got_sorted, want))
		CASE_FAIL("%s: got %s, want %s", c->name, got, want);
	if (*c->error) {
		if (strncmp(c->error, xlate_error_name(out.error),
			    strlen(xlate_error_name(out.error)))
		    || !out.error)
			CASE_FAIL("%s: error %s, want %s", c->name,
				 xlate_error_name(out.error), c->error);
	} else if (out.error) {
		CASE_FAIL("%s: unexpected error %s", c->name,
			 xlate_error_name(out.error));
	}
	if (*c->learn && strcmp(m->learned, c->learn))
		CASE_FAIL("%s: learned %s, want %s", c->name, m->learned,
			 c->learn);
	/* ARP and ICMP rewrites stay in userspace: the core refuses them. */
	if (!out.slow)
		check_validates(c, &f, &out);
	check_megaflow(c, m, &f, &out.wc, got);

	m_wc.flow = f;
	m_wc.mask = out.wc;
	for (size_t i = 0; i < sizeof f; i++)
		((uint8_t *)&m_wc.flow)[i] &= ((uint8_t *)&m_wc.mask)[i];
	wc_text = of_match_format(&m_wc);
	if (getenv("XLATE_VERBOSE") && *c->ovs_megaflow
	    && count_fields(wc_text) != count_fields(c->ovs_megaflow))
		printf("%s\n  ours %s\n  ovs  %s\n", c->name, wc_text,
		       c->ovs_megaflow);
	if (*c->ovs_megaflow) {
		total_ours += count_fields(wc_text);
		total_ovs += count_fields(c->ovs_megaflow);
		n_compared++;
	}
	free(wc_text);
	free(got);
	xlate_out_uninit(&out);
	mock_uninit(m);
	free(m);
}

static void test_oracle_cases(void **state)
{
	(void)state;
	if (getenv("XLATE_MEGAFLOW_TRIES"))
		megaflow_tries = atoi(getenv("XLATE_MEGAFLOW_TRIES"));
	for (size_t i = 0; i < N_CASES; i++)
		run_case(&xlate_cases[i]);
	printf("megaflow width over %d cases: ours %d fields, Open vSwitch "
	       "%d fields\n", n_compared, total_ours, total_ovs);
	assert_int_equal(n_failed, 0);
}

/* Recirculation: the frozen state resumes the pipeline after pop_mpls,
 * and ids are shared by equal freezes and freed with their references. */
static void test_recirc_resume(void **state)
{
	struct mock *m = malloc(sizeof *m);
	struct xlate_out out, out2, out3;
	const struct nlattr *a;
	struct xlate_in in;
	struct of_flow f, g;
	uint32_t left, id = 0;
	size_t before = recirc_count();
	char *s;

	(void)state;
	mock_init(m);
	mock_setup(m, "flow table=0,in_port=1,mpls,actions=pop_mpls:0x0800,"
		   "load:9->NXM_NX_REG0[],resubmit(,1),output:4\n"
		   "flow table=1,ip,reg0=9,actions=dec_ttl,output:2");
	parse_packet("in_port=1,mpls,mpls_label=5,mpls_ttl=64,mpls_bos=1", &f);
	xlate_out_init(&out);
	s = translate(m, &f, &out, false);
	assert_string_equal(s, "pop_mpls(eth_type=0x800),recirc(*)");
	free(s);
	assert_int_equal(out.n_recircs, 1);
	assert_int_equal(recirc_count(), before + 1);
	NLATTR_FOR_EACH(a, left, out.actions.data, out.actions.size)
		if (nlattr_type(a) == OVS_ACTION_ATTR_RECIRC)
			memcpy(&id, nlattr_data(a), 4);
	assert_int_equal(id, out.recircs[0]);

	/* The same packet freezes the same state: the same id. */
	xlate_out_init(&out2);
	free(translate(m, &f, &out2, false));
	assert_int_equal(out2.recircs[0], id);
	assert_int_equal(recirc_count(), before + 1);

	/* After recirculation the datapath reparsed an IPv4 packet. */
	parse_packet("in_port=1,udp,nw_src=10.0.0.1,nw_ttl=9", &g);
	g.recirc_id = htonl(id);
	memset(&in, 0, sizeof in);
	in.flow = &g;
	in.resume_id = id;
	xlate_out_init(&out3);
	assert_int_equal(xlate_actions(&mock_ops, m, &in, &out3), 0);
	s = format_actions(&out3.actions);
	assert_string_equal(s, "set(ipv4(ttl=8)),2,4");
	free(s);
	assert_true(out3.wc.regs[0] == 0 || out3.wc.regs[0] == 0xffffffff);

	xlate_out_uninit(&out);
	assert_int_equal(recirc_count(), before + 1);
	xlate_out_uninit(&out2);
	assert_int_equal(recirc_count(), before);
	/* A stale id is an error, not a crash. */
	xlate_out_init(&out);
	assert_int_equal(xlate_actions(&mock_ops, m, &in, &out), 0);
	assert_int_equal(out.error, XLATE_NO_RECIRCULATION_CONTEXT);
	assert_int_equal(out.actions.size, 0);
	xlate_out_uninit(&out);
	xlate_out_uninit(&out3);
	mock_uninit(m);
	free(m);
}

/* A paused controller action freezes the rest behind the cookie's id
 * and makes the flow slow-path. */
static void test_controller_pause(void **state)
{
	struct mock *m = malloc(sizeof *m);
	struct xlate_ctrl_cookie ck;
	const struct nlattr *a, *u;
	struct xlate_out out;
	struct of_flow f;
	uint32_t left, left2;
	char *s;

	(void)state;
	mock_init(m);
	mock_setup(m, "flow table=0,in_port=1,cookie=0x77,actions="
		   "controller(pause,userdata=01.02),output:2");
	parse_packet("in_port=1,ip", &f);
	xlate_out_init(&out);
	s = translate(m, &f, &out, false);
	assert_string_equal(s, "controller(reason=1,max_len=65535,id=0,"
			    "cookie=0x77)");
	free(s);
	assert_true(out.slow);
	assert_int_equal(out.n_recircs, 1);
	NLATTR_FOR_EACH(a, left, out.actions.data, out.actions.size) {
		NLATTR_FOR_EACH(u, left2, nlattr_data(a), nlattr_len(a)) {
			if (nlattr_type(u) != OVS_USERSPACE_ATTR_USERDATA)
				continue;
			assert_int_equal(nlattr_len(u), sizeof ck + 2);
			memcpy(&ck, nlattr_data(u), sizeof ck);
			assert_int_equal(ck.flags & XLATE_CTRL_F_PAUSE,
					 XLATE_CTRL_F_PAUSE);
			assert_int_equal(ck.recirc_id, out.recircs[0]);
			assert_int_equal(ck.userdata_len, 2);
			assert_memory_equal((const uint8_t *)nlattr_data(u)
					    + sizeof ck, "\x01\x02", 2);
		}
	}
	xlate_out_uninit(&out);
	mock_uninit(m);
	free(m);
}

/* NORMAL is the daemon's: it sees the flow and outputs through the ctx. */
static void test_normal_hook(void **state)
{
	struct mock *m = malloc(sizeof *m);
	struct xlate_out out;
	struct of_flow f;
	char *s;

	(void)state;
	mock_init(m);
	mock_setup(m, "flow in_port=1,actions=mod_dl_src:00:00:00:00:00:01,"
		   "NORMAL");
	parse_packet("in_port=1,ip", &f);
	xlate_out_init(&out);
	s = translate(m, &f, &out, false);
	assert_string_equal(s, "set(eth(src=00:00:00:00:00:01)),4");
	assert_int_equal(m->n_normal, 1);
	free(s);
	xlate_out_uninit(&out);
	mock_uninit(m);
	free(m);
}

/* Every rule and group that contributed is reported once. */
static void test_rules_reported(void **state)
{
	struct mock *m = malloc(sizeof *m);
	struct xlate_out out;
	struct of_flow f;

	(void)state;
	mock_init(m);
	mock_setup(m, "group group_id=1,type=all,bucket=actions=output:2\n"
		   "flow table=0,in_port=1,actions=resubmit(,1),resubmit(,1)\n"
		   "flow table=1,actions=group:1");
	parse_packet("in_port=1,ip", &f);
	xlate_out_init(&out);
	free(translate(m, &f, &out, false));
	assert_int_equal(out.n_rules, 3);
	xlate_out_uninit(&out);
	mock_uninit(m);
	free(m);
}

/* Select groups: the same flow always picks the same bucket, and the
 * buckets all get flows. */
static void test_select_stable(void **state)
{
	struct mock *m = malloc(sizeof *m);
	int hits[4] = { 0 };

	(void)state;
	mock_init(m);
	mock_setup(m, "group group_id=1,type=select,bucket=actions=output:2,"
		   "bucket=actions=output:3,bucket=actions=output:4\n"
		   "flow in_port=1,actions=group:1");
	for (int i = 0; i < 200; i++) {
		char text[128], *a, *b;
		struct xlate_out out;
		struct of_flow f;

		snprintf(text, sizeof text, "in_port=1,tcp,nw_src=10.0.%d.%d,"
			 "nw_dst=10.1.0.1,tp_src=%d,tp_dst=80", i / 7, i % 7,
			 1000 + i);
		parse_packet(text, &f);
		xlate_out_init(&out);
		a = translate(m, &f, &out, false);
		b = translate(m, &f, &out, false);
		assert_string_equal(a, b);
		assert_int_equal(strlen(a), 1);
		hits[a[0] - '1']++;
		free(a);
		free(b);
		xlate_out_uninit(&out);
	}
	assert_true(hits[1] > 20 && hits[2] > 20 && hits[3] > 20);
	mock_uninit(m);
	free(m);
}

/* The id table on its own: equal states share an id, others do not, and
 * the last reference frees. */
static void test_recirc_table(void **state)
{
	static const uint8_t acts[16] = { 0 };
	struct recirc_frame fr = { .table_id = 3, .cookie = 9, .len = 16 };
	struct recirc_state a, b;
	size_t before = recirc_count();
	uint32_t ia, ia2, ib;
	const struct recirc_state *st;

	(void)state;
	memset(&a, 0, sizeof a);
	a.table_id = 3;
	a.ofpacts = acts;
	a.ofpacts_len = sizeof acts;
	a.frames = &fr;
	a.n_frames = 1;
	b = a;
	b.meta.regs[0] = htonl(1);
	ia = recirc_alloc(&a);
	ia2 = recirc_alloc(&a);
	ib = recirc_alloc(&b);
	assert_int_not_equal(ia, 0);
	assert_int_equal(ia, ia2);
	assert_int_not_equal(ia, ib);
	assert_int_equal(recirc_count(), before + 2);
	st = recirc_find(ia);
	assert_non_null(st);
	assert_int_equal(st->n_frames, 1);
	assert_int_equal(st->frames[0].cookie, 9);
	assert_memory_equal(st->ofpacts, acts, sizeof acts);
	recirc_unref(ia);
	assert_non_null(recirc_find(ia));
	recirc_unref(ia);
	assert_null(recirc_find(ia));
	recirc_unref(ib);
	assert_int_equal(recirc_count(), before);
	/* Unknown ids are harmless. */
	recirc_unref(0);
	recirc_unref(ib);
	assert_null(recirc_find_ref(ib));
}

/* Learning happens only when the caller allows side effects. */
static void test_learn_needs_may_learn(void **state)
{
	struct mock *m = malloc(sizeof *m);
	struct xlate_out out;
	struct of_flow f;

	(void)state;
	mock_init(m);
	mock_setup(m, "flow in_port=1,actions=learn(table=1,"
		   "NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[]),output:2");
	parse_packet("in_port=1,ip,dl_src=00:00:00:00:00:0a", &f);
	xlate_out_init(&out);
	free(translate(m, &f, &out, false));
	assert_string_equal(m->learned, "");
	/* The source was still read: the megaflow depends on it. */
	assert_memory_equal(out.wc.dl_src, "\xff\xff\xff\xff\xff\xff", 6);
	free(translate(m, &f, &out, true));
	assert_string_not_equal(m->learned, "");
	xlate_out_uninit(&out);
	mock_uninit(m);
	free(m);
}

static size_t many_ports(void *aux, struct xlate_port *p, size_t max)
{
	(void)aux;
	for (size_t i = 0; i < 100 && i < max; i++) {
		memset(&p[i], 0, sizeof p[i]);
		p[i].ofp_port = p[i].odp_port = i + 1;
		p[i].live = true;
	}
	return 100;
}

/* Flooding reaches every port of a bridge with more ports than fit on
 * the stack, in order, skipping the input port. */
static void test_flood_many_ports(void **state)
{
	struct mock *m = malloc(sizeof *m);
	struct xlate_ops ops = mock_ops;
	struct odp_text want = ODP_TEXT_INIT;
	struct xlate_out out;
	struct xlate_in in;
	struct of_flow f;
	char *s;

	(void)state;
	ops.ports = many_ports;
	mock_init(m);
	mock_setup(m, "flow in_port=7,actions=FLOOD");
	parse_packet("in_port=7,ip", &f);
	memset(&in, 0, sizeof in);
	in.flow = &f;
	xlate_out_init(&out);
	assert_int_equal(xlate_actions(&ops, m, &in, &out), 0);
	s = format_actions(&out.actions);
	for (int i = 1; i <= 100; i++)
		if (i != 7)
			odp_text_printf(&want, "%s%d", i > 1 ? "," : "", i);
	assert_string_equal(s, odp_text_cstr(&want));
	free(s);
	odp_text_free(&want);
	xlate_out_uninit(&out);
	mock_uninit(m);
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oracle_cases),
		cmocka_unit_test(test_recirc_resume),
		cmocka_unit_test(test_controller_pause),
		cmocka_unit_test(test_normal_hook),
		cmocka_unit_test(test_rules_reported),
		cmocka_unit_test(test_select_stable),
		cmocka_unit_test(test_recirc_table),
		cmocka_unit_test(test_learn_needs_may_learn),
		cmocka_unit_test(test_flood_many_ports),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
