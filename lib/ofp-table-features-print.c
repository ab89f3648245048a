/* TABLE_FEATURES as ovs-ofctl prints it: per table, what differs from the
 * table before ("(same instructions)"), runs of tables with nothing new
 * as "ditto", field names folded ("eth_{src,dst}", "reg0...reg7"). */
#include "ofp-table-features.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-table.h"
#include "ofp-version.h"

/* The actions Open vSwitch knows in 1.2+ numbering, in the order it
 * lists them. */
static const struct {
	uint8_t ofpat;
	const char *name;
} action_names[] = {
	{ 0, "output" }, { 22, "group" }, { 25, "set_field" },
	{ 18, "strip_vlan" }, { 17, "push_vlan" }, { 23, "mod_nw_ttl" },
	{ 24, "dec_ttl" }, { 15, "set_mpls_ttl" }, { 16, "dec_mpls_ttl" },
	{ 19, "push_mpls" }, { 20, "pop_mpls" }, { 21, "set_queue" },
};

#define N_ACTIONS (sizeof action_names / sizeof action_names[0])

/* Instructions by OFPIT number, in the order Open vSwitch lists them. */
static const struct {
	uint8_t ofpit;
	const char *name;
} inst_names[] = {
	{ 6, "meter" }, { 4, "apply_actions" }, { 5, "clear_actions" },
	{ 3, "write_actions" }, { 2, "write_metadata" }, { 1, "goto_table" },
};

#define N_INSTS (sizeof inst_names / sizeof inst_names[0])

struct tf_ditto {
	int first, last;
};

/* The known actions of a wire bitmap, one bit each in action_names order. */
static uint32_t known_actions(uint64_t wire)
{
	uint32_t bits = 0;

	for (size_t i = 0; i < N_ACTIONS; i++)
		if (wire >> action_names[i].ofpat & 1)
			bits |= 1u << i;
	return bits;
}

static bool fields_zero(const uint64_t *bits)
{
	for (size_t i = 0; i < OFP_FIELD_BITMAP_WORDS; i++)
		if (bits[i])
			return false;
	return true;
}

static bool fields_equal(const uint64_t *a, const uint64_t *b)
{
	return !memcmp(a, b, OFP_FIELD_BITMAP_WORDS * sizeof *a);
}

/* Fields Open vSwitch has no name for are left out. */
static const char *field_name(enum mf_field_id id)
{
	switch (id) {
	case MFF_IN_PORT: return "in_port_oxm";
	case MFF_IN_PHY_PORT:
	case MFF_PBB_ISID:
	case MFF_PBB_UCA:
	case MFF_IPV6_EXTHDR: return NULL;
	default: return mf_from_id(id)->name;
	}
}

/* Length of the common prefix of 'a' and 'b' that ends in '_'. */
static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;

	for (size_t i = 0; a[i] && a[i] == b[i]; i++)
		if (a[i] == '_')
			n = i + 1;
	return n;
}

/* How many names from the first share a further prefix ('*extra'). */
static size_t prefix_run(const char **ids, size_t n, size_t skip,
			 size_t *extra)
{
	*extra = 0;
	if (n < 2)
		return n;
	size_t len = common_prefix(ids[0] + skip, ids[1] + skip);
	if (!len)
		return 1;
	size_t i = 2;
	while (i < n && common_prefix(ids[0] + skip, ids[i] + skip))
		i++;
	*extra = len;
	return i;
}

static bool all_digits(const char *s)
{
	return s[0] && !s[strspn(s, "0123456789")];
}

/* "reg0" then "reg1". */
static bool sequential(const char *a, const char *b)
{
	for (; *a == *b; a++, b++)
		if (!*a)
			return false;
	return all_digits(a) && all_digits(b) && strlen(a) < 10 &&
	       strlen(b) < 10 && atoi(a) + 1 == atoi(b);
}

static size_t suffix_run(const char **ids, size_t n)
{
	size_t i = 1;

	while (i < n && sequential(ids[i - 1], ids[i]))
		i++;
	return i == 2 ? 1 : i;
}

static void print_names(struct odp_text *t, const char **ids, size_t n,
			size_t skip)
{
	for (int group = 0; n > 0; group++) {
		size_t extra, pre = prefix_run(ids, n, skip, &extra);
		size_t suf = suffix_run(ids, n);
		size_t run = pre > suf ? pre : suf;

		if (group)
			odp_text_printf(t, skip ? "," : " ");
		if (suf >= pre) {
			odp_text_printf(t, "%s", ids[0] + skip);
			if (run > 1)
				odp_text_printf(t, "...%s", ids[run - 1] + skip);
		} else {
			odp_text_printf(t, "%.*s{", (int)extra, ids[0] + skip);
			print_names(t, ids, run, skip + extra);
			odp_text_printf(t, "}");
		}
		ids += run;
		n -= run;
	}
}

static void print_fields(struct odp_text *t, const uint64_t *bits)
{
	const char *ids[MFF_N_IDS];
	size_t n = 0;

	for (enum mf_field_id id = 0; id < MFF_N_IDS; id++)
		if (ofp_field_bit_test(bits, id) && field_name(id))
			ids[n++] = field_name(id);
	if (n) {
		odp_text_printf(t, " ");
		print_names(t, ids, n, 0);
	}
}

static void print_actions(struct odp_text *t, uint64_t wire,
			  const uint64_t *set_fields)
{
	uint32_t known = known_actions(wire);

	if (known) {
		odp_text_printf(t, "        actions:");
		for (size_t i = 0; i < N_ACTIONS; i++)
			if (known >> i & 1)
				odp_text_printf(t, " %s", action_names[i].name);
		odp_text_printf(t, "\n");
	}
	if (!fields_zero(set_fields)) {
		odp_text_printf(t, "        supported on Set-Field:");
		print_fields(t, set_fields);
		odp_text_printf(t, "\n");
	}
}

static bool next_bit(const uint8_t *next, int i)
{
	return next[i / 8] >> i % 8 & 1;
}

static bool next_zero(const uint8_t *next)
{
	for (int i = 0; i < 255; i++)
		if (next_bit(next, i))
			return false;
	return true;
}

/* Equal, or equal but for table b_id itself when b follows a: a table
 * may go to the next one but never to itself. */
static bool next_equal(const uint8_t *a, int a_id, const uint8_t *b, int b_id)
{
	if (a_id == b_id + 1)
		return next_equal(b, b_id, a, a_id);
	bool skip = b_id == a_id + 1 && next_bit(a, b_id) &&
		    !next_bit(b, b_id);
	for (int i = 0; i < 255; i++)
		if (next_bit(a, i) != next_bit(b, i) && !(skip && i == b_id))
			return false;
	return true;
}

static bool actions_equal(uint64_t a, const uint64_t *a_fields, uint64_t b,
			  const uint64_t *b_fields)
{
	return known_actions(a) == known_actions(b) &&
	       fields_equal(a_fields, b_fields);
}

static bool write_apply_equal(const struct ofp_table_feature_set *a,
			      const struct ofp_table_feature_set *b)
{
	return actions_equal(a->write_actions, a->write_setfield,
			     b->write_actions, b->write_setfield) &&
	       actions_equal(a->apply_actions, a->apply_setfield,
			     b->apply_actions, b->apply_setfield);
}

static bool set_equal(const struct ofp_table_feature_set *a, int a_id,
		      const struct ofp_table_feature_set *b, int b_id)
{
	return next_equal(a->next, a_id, b->next, b_id) &&
	       a->instructions == b->instructions && write_apply_equal(a, b);
}

static bool set_empty(const struct ofp_table_feature_set *s)
{
	return next_zero(s->next) && !s->instructions &&
	       !known_actions(s->write_actions) &&
	       !known_actions(s->apply_actions) &&
	       fields_zero(s->write_setfield) && fields_zero(s->apply_setfield);
}

static void print_next(struct odp_text *t, const uint8_t *next)
{
	const char *sep = "";

	odp_text_printf(t, "      next tables: ");
	for (int i = 0; i < 255; i++) {
		if (!next_bit(next, i))
			continue;
		int end = i + 1;
		while (end < 255 && next_bit(next, end))
			end++;
		if (end == i + 1)
			odp_text_printf(t, "%s%d", sep, i);
		else
			odp_text_printf(t, "%s%d-%d", sep, i, end - 1);
		sep = ",";
		i = end;
	}
	odp_text_printf(t, "\n");
}

static void print_insts(struct odp_text *t, uint32_t insts)
{
	const char *sep = "";

	odp_text_printf(t, "      instructions: ");
	for (size_t i = 0; i < N_INSTS; i++) {
		if (insts >> inst_names[i].ofpit & 1) {
			odp_text_printf(t, "%s%s", sep, inst_names[i].name);
			sep = " ";
		}
	}
	odp_text_printf(t, "\n");
}

static void print_set(struct odp_text *t, const struct ofp_table_feature_set *s,
		      const struct ofp_table_feature_set *prev)
{
	if (!next_zero(s->next))
		print_next(t, s->next);
	if (s->instructions) {
		if (prev && s->instructions == prev->instructions)
			odp_text_printf(t, "      (same instructions)\n");
		else
			print_insts(t, s->instructions);
	}

	bool same_wa = actions_equal(s->write_actions, s->write_setfield,
				     s->apply_actions, s->apply_setfield);
	if (prev && write_apply_equal(s, prev) &&
	    !fields_zero(s->write_setfield)) {
		odp_text_printf(t, "      (same actions)\n");
	} else if (!same_wa) {
		odp_text_printf(t, "      Write-Actions features:\n");
		print_actions(t, s->write_actions, s->write_setfield);
		odp_text_printf(t, "      Apply-Actions features:\n");
		print_actions(t, s->apply_actions, s->apply_setfield);
	} else if (known_actions(s->write_actions) ||
		   !fields_zero(s->write_setfield)) {
		odp_text_printf(t, "      Write-Actions and Apply-Actions "
				"features:\n");
		print_actions(t, s->write_actions, s->write_setfield);
	}
}

/* -1 where the version has no capabilities field. */
static int capability(const struct ofp_table_features *tf, uint8_t version,
		      uint32_t bit)
{
	return version < OFP14_VERSION ? -1 : !!(tf->capabilities & bit);
}

static bool features_equal(const struct ofp_table_features *a,
			   const struct ofp_table_features *b, uint8_t version)
{
	return a->metadata_match == b->metadata_match &&
	       a->metadata_write == b->metadata_write &&
	       capability(a, version, OFPTC14_EVICTION) ==
	       capability(b, version, OFPTC14_EVICTION) &&
	       capability(a, version, OFPTC14_VACANCY_EVENTS) ==
	       capability(b, version, OFPTC14_VACANCY_EVENTS) &&
	       a->max_entries == b->max_entries &&
	       set_equal(&a->nonmiss, a->table_id, &b->nonmiss, b->table_id) &&
	       set_equal(&a->miss, a->table_id, &b->miss, b->table_id) &&
	       fields_equal(a->match, b->match);
}

static void print_matches(struct odp_text *t,
			  const struct ofp_table_features *tf, bool mask,
			  bool wc, const char *title)
{
	uint64_t bits[OFP_FIELD_BITMAP_WORDS];

	for (size_t i = 0; i < OFP_FIELD_BITMAP_WORDS; i++)
		bits[i] = tf->match[i] & (mask ? tf->mask[i] : ~tf->mask[i]) &
			  (wc ? tf->wildcard[i] : ~tf->wildcard[i]);
	if (!fields_zero(bits)) {
		odp_text_printf(t, "      %s:", title);
		print_fields(t, bits);
		odp_text_printf(t, "\n");
	}
}

static void finish_ditto(struct odp_text *t, struct tf_ditto *d)
{
	if (d->first < 0)
		return;
	if (d->first == d->last)
		odp_text_printf(t, "\n  table %d: ditto\n", d->first);
	else
		odp_text_printf(t, "\n  tables %d...%d: ditto\n", d->first,
				d->last);
	d->first = -1;
}

static void print_instructions(struct odp_text *t,
			       const struct ofp_table_features *tf,
			       const struct ofp_table_features *prev)
{
	const struct ofp_table_feature_set *pn = prev ? &prev->nonmiss : NULL;
	const struct ofp_table_feature_set *pm = prev ? &prev->miss : NULL;
	int id = tf->table_id;

	if (prev && set_equal(&tf->nonmiss, id, pn, prev->table_id) &&
	    set_equal(&tf->miss, id, pm, prev->table_id)) {
		if (!set_empty(&tf->nonmiss))
			odp_text_printf(t, "    (same instructions)\n");
	} else if (!set_equal(&tf->nonmiss, id, &tf->miss, id)) {
		odp_text_printf(t, "    instructions (other than table miss):\n");
		print_set(t, &tf->nonmiss, pn);
		odp_text_printf(t, "    instructions (table miss):\n");
		print_set(t, &tf->miss, pm);
	} else if (!set_empty(&tf->nonmiss)) {
		odp_text_printf(t, "    instructions (table miss and "
				"others):\n");
		print_set(t, &tf->nonmiss, pn);
	}
}

static void print_body(struct odp_text *t, const struct ofp_table_features *tf,
		       const struct ofp_table_features *prev, uint8_t version)
{
	int ev = capability(tf, version, OFPTC14_EVICTION);
	int vac = capability(tf, version, OFPTC14_VACANCY_EVENTS);

	if (tf->metadata_match || tf->metadata_write)
		odp_text_printf(t, "    metadata: match=%#" PRIx64 " write=%#"
				PRIx64 "\n", tf->metadata_match,
				tf->metadata_write);
	if (ev >= 0)
		odp_text_printf(t, "    eviction: %ssupported\n",
				ev ? "" : "not ");
	if (vac >= 0)
		odp_text_printf(t, "    vacancy events: %ssupported\n",
				vac ? "" : "not ");
	if (tf->max_entries)
		odp_text_printf(t, "    max_entries=%" PRIu32 "\n",
				tf->max_entries);
	print_instructions(t, tf, prev);
	if (fields_zero(tf->match))
		return;
	if (prev && fields_equal(tf->match, prev->match)) {
		odp_text_printf(t, "    (same matching)\n");
		return;
	}
	odp_text_printf(t, "    matching:\n");
	print_matches(t, tf, true, true, "arbitrary mask");
	print_matches(t, tf, false, true, "exact match or wildcard");
	print_matches(t, tf, false, false, "must exact match");
}

static void print_table(struct odp_text *t, const struct ofp_table_features *tf,
			const struct ofp_table_features *prev, uint8_t version,
			struct tf_ditto *d)
{
	static const char *const commands[] = { "replace", "modify", "enable",
						"disable" };
	bool same = prev && features_equal(tf, prev, version);

	if (!prev && tf->command != OFPTFC_REPLACE)
		odp_text_printf(t, "\n  command: %s", commands[tf->command & 3]);
	if (same && !tf->name[0]) {
		if (d->first < 0)
			d->first = tf->table_id;
		d->last = tf->table_id;
		return;
	}
	finish_ditto(t, d);
	odp_text_printf(t, "\n  table %d", tf->table_id);
	if (tf->name[0])
		odp_text_printf(t, " (\"%s\")", tf->name);
	odp_text_printf(t, ":");
	if (same) {
		odp_text_printf(t, " ditto");
		return;
	}
	odp_text_printf(t, "\n");
	print_body(t, tf, prev, version);
}

OFP_BODY_PRINTER(ofp_table_features_print)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_table_features tf, prev;
	struct tf_ditto d = { -1, -1 };
	int retval;

	for (int i = 0; ; i++) {
		retval = ofp_table_features_pull_loose(m->version, &c, &tf);
		if (retval)
			break;
		print_table(t, &tf, i ? &prev : NULL, m->version, &d);
		prev = tf;
	}
	finish_ditto(t, &d);
	return retval < 0 ? 0 : retval;
}
