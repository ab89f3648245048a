/* OpenFlow matches against the real ovs-ofctl: every match string of
 * test-ofp-match-data.h parses, prints as ovs-ofctl prints it, and encodes
 * to ovs-ofctl's very bytes in OF1.0, OF1.1, NXM and OXM 1.2-1.5, which
 * decode back to the same match.  Then every decoder error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bytebuf.h"
#include "ofp-match.h"
#include "xalloc.h"

enum oracle_kind { ORACLE_OK, ORACLE_ERR, ORACLE_BAD };

struct oracle_case {
	const char *input;
	enum oracle_kind kind;
	const char *text;	/* ovs-ofctl's output, or its error */
	const char *of10, *of11, *nxm;
	const char *oxm[4];	/* OF1.2 .. OF1.5 */
};

#include "test-ofp-match-data.h"

/* A fixed-layout match and what ovs-ofctl decodes it to. */
struct fixed_case {
	const char *hex, *text;
};

#include "test-ofp-match-of10-data.h"
#include "test-ofp-match-of11-data.h"
#include "test-ofp-match-nxm-data.h"

/* Where we knowingly differ from ovs-ofctl: our text, or "!" and the start
 * of our error. */
static const struct deviation {
	const char *input, *ours, *why;
} deviations[] = {
	{ "vlan_vid=5", "vlan_tci=0x0005/0x1fff",
	  "ovs-ofctl sends 0x0005/0x1fff but prints vlan_tci=0x0000" },
	{ "packet_type=(0,0)", "packet_type=(0,0)",
	  "ovs-ofctl sends it but prints nothing" },
	{ "arp,arp_op=0x100", "arp,arp_op=256",
	  "ovs-ofctl keeps only 8 bits of the 16-bit opcode" },
	{ "ct_state=+trk,tcp,ct_tp_src=80", "!ct_tp_src: prerequisites not met",
	  "ovs-ofctl silently drops the field" },
	{ "ct_state=+trk,tcp,ct_tp_dst=0x1000/0xf000",
	  "!ct_tp_dst: prerequisites not met",
	  "ovs-ofctl silently drops the field" },
	{ "skb_priority=3", "skb_priority=0x3", "no wire format has it" },
	{ "tun_tos=4", "tun_tos=4", "no wire format has it" },
	{ "tun_ttl=64", "tun_ttl=64", "no wire format has it" },
};

/* Encodings that differ from ovs-ofctl's but mean the same. */
static const struct byte_deviation {
	const char *input;
	int fmt;
	const char *ours, *why;
} byte_deviations[] = {
	{ "vlan_vid=0", 2, "000008020000",
	  "no tag: exact 0, where ovs-ofctl sends 0x0000/0x1fff" },
	{ "tcp,tcp_flags=0xfff/0xfff", 3,
	  "0001001580000a0208008000140106000144020fff000000",
	  "all 12 flag bits is exact; ovs-ofctl sends a mask" },
	{ "tcp,tcp_flags=0xfff/0xfff", 4,
	  "0001001980000a0208008000140106ffff54064f4e46000fff00000000000000",
	  "as above" },
	{ "tcp,tcp_flags=0xfff/0xfff", 5,
	  "0001001980000a0208008000140106ffff54064f4e46000fff00000000000000",
	  "as above" },
	{ "tcp,tcp_flags=0xfff/0xfff", 6,
	  "0001001580000a0208008000140106800054020fff000000",
	  "as above" },
	{ "vlan_tci=0x2000/0xe000", 3, "0001000c000009042000e00000000000",
	  "OXM cannot say it with vlan_vid/vlan_pcp: ovs-ofctl drops it, we "
	  "send the NXM vlan_tci" },
	{ "vlan_tci=0x2000/0xe000", 4, "0001000c000009042000e00000000000",
	  "as above" },
	{ "vlan_tci=0x2000/0xe000", 5, "0001000c000009042000e00000000000",
	  "as above" },
	{ "vlan_tci=0x2000/0xe000", 6, "0001000c000009042000e00000000000",
	  "as above" },
};

static const char *byte_deviation(const char *input, int fmt)
{
	for (size_t i = 0; i < sizeof byte_deviations /
			       sizeof *byte_deviations; i++)
		if (!strcmp(byte_deviations[i].input, input) &&
		    byte_deviations[i].fmt == fmt)
			return byte_deviations[i].ours;
	return NULL;
}

static const struct deviation *find_deviation(const char *input)
{
	for (size_t i = 0; i < sizeof deviations / sizeof *deviations; i++)
		if (!strcmp(deviations[i].input, input))
			return &deviations[i];
	return NULL;
}

/* Mismatches are all reported, then the test fails once. */
static int n_failures;

#define report(...) (print_message(__VA_ARGS__), n_failures++)

#define N_CASES (sizeof oracle_cases / sizeof *oracle_cases)

static size_t unhex(const char *hex, uint8_t *out, size_t max)
{
	size_t n = 0;

	for (; hex[0] && hex[1] && n < max; hex += 2) {
		unsigned int b;
		sscanf(hex, "%2x", &b);
		out[n++] = b;
	}
	return n;
}

static char *tohex(const uint8_t *p, size_t n)
{
	char *s = malloc(2 * n + 1);

	for (size_t i = 0; i < n; i++)
		sprintf(s + 2 * i, "%02x", p[i]);
	s[2 * n] = '\0';
	return s;
}

/* True if 'text' fails to parse (already reported by the text test). */
static bool parse_fails(const char *text, struct of_match *m)
{
	char *error = of_match_parse(text, m);

	free(error);
	return error != NULL;
}

static void parse_ok(const char *text, struct of_match *m)
{
	char *error = of_match_parse(text, m);

	if (error)
		fail_msg("\"%s\": %s", text, error);
}

static void check_deviation(const struct deviation *d,
			    const struct of_match *m, const char *error)
{
	if (d->ours[0] == '!') {
		if (!error || strncmp(error, d->ours + 1, strlen(d->ours + 1)))
			report("\"%s\": expected error \"%s\", got \"%s\"\n",
			       d->input, d->ours + 1, error ? error : "");
		return;
	}
	if (error) {
		report("\"%s\": %s\n", d->input, error);
		return;
	}
	char *s = of_match_format(m);
	if (strcmp(s, d->ours))
		report("\"%s\": printed \"%s\", expected \"%s\"\n", d->input,
		       s, d->ours);
	free(s);
}

/* Our text equals ovs-ofctl's, and that text parses to the same match. */
static void test_oracle_text(void **state)
{
	int n_ok = 0, n_err = 0;

	(void)state;
	for (size_t i = 0; i < N_CASES; i++) {
		const struct oracle_case *c = &oracle_cases[i];
		struct of_match m, again;
		const struct deviation *d = find_deviation(c->input);
		char *error = of_match_parse(c->input, &m);

		if (d) {
			check_deviation(d, &m, error);
			free(error);
			continue;
		}
		if (c->kind == ORACLE_ERR) {
			if (!error)
				report("\"%s\" parsed; ovs-ofctl says %s\n",
				       c->input, c->text);
			free(error);
			n_err++;
			continue;
		}
		if (c->kind == ORACLE_BAD) {
			free(error);
			continue;
		}
		if (error) {
			report("\"%s\": %s\n", c->input, error);
			free(error);
			continue;
		}
		char *s = of_match_format(&m);
		if (strcmp(s, c->text))
			report("\"%s\": printed \"%s\", ovs-ofctl \"%s\"\n",
			       c->input, s, c->text);
		parse_ok(s, &again);
		if (!of_match_equal(&m, &again))
			report("\"%s\": reparses differently\n", s);
		free(s);
		n_ok++;
	}
	print_message("%d matches as ovs-ofctl prints them, %d rejected\n",
		      n_ok, n_err);
	assert_int_equal(n_failures, 0);
}

enum fmt { F_OF10, F_OF11, F_NXM, F_OXM12, F_OXM13, F_OXM14, F_OXM15 };

static const char *fmt_name[] = {
	"OF1.0", "OF1.1", "NXM", "OXM1.2", "OXM1.3", "OXM1.4", "OXM1.5",
};

static enum of_match_format wire_format(enum fmt f)
{
	return f == F_OF10 ? OFM_OF10 : f == F_OF11 ? OFM_OF11
	       : f == F_NXM ? OFM_NXM : OFM_OXM;
}

static enum ofp_version wire_version(enum fmt f)
{
	return f >= F_OXM12 ? OFP12_VERSION + (f - F_OXM12) : OFP10_VERSION;
}

static void encode(enum fmt f, const struct of_match *m, struct bytebuf *b)
{
	of_match_encode(m, wire_format(f), wire_version(f), b);
}

static enum ofperr decode(enum fmt f, const uint8_t *p, size_t n,
			  struct of_match *m)
{
	return of_match_decode(p, n, wire_format(f), wire_version(f), m);
}

static bool fits(enum fmt f, const struct of_match *m)
{
	return of_match_fits(m, wire_format(f), wire_version(f));
}

static const char *expected(const struct oracle_case *c, enum fmt f)
{
	return f == F_OF10 ? c->of10 : f == F_OF11 ? c->of11
	       : f == F_NXM ? c->nxm : c->oxm[f - F_OXM12];
}

/* Our bytes are ovs-ofctl's wherever it could express the match, and they
 * decode to the match we started from. */
static void test_oracle_bytes(void **state)
{
	int n_cmp = 0;

	(void)state;
	n_failures = 0;
	for (size_t i = 0; i < N_CASES; i++) {
		const struct oracle_case *c = &oracle_cases[i];
		struct of_match m, back;

		if (c->kind != ORACLE_OK || find_deviation(c->input) ||
		    parse_fails(c->input, &m))
			continue;
		for (enum fmt f = F_OF10; f <= F_OXM15; f++) {
			const char *want = expected(c, f);
			if (!want || !fits(f, &m))
				continue;
			if (byte_deviation(c->input, f))
				want = byte_deviation(c->input, f);
			struct bytebuf b = BYTEBUF_INITIALIZER;
			encode(f, &m, &b);
			char *got = tohex(b.data, b.size);
			if (strcmp(got, want))
				report("\"%s\" %s: ours %s, ovs-ofctl %s\n",
				       c->input, fmt_name[f], got, want);
			uint8_t wire[512];
			size_t n = unhex(want, wire, sizeof wire);
			enum ofperr error = decode(f, wire, n, &back);
			if (error)
				report("\"%s\" %s: decode: %s\n", c->input,
				       fmt_name[f], ofperr_get_name(error));
			else if (!of_match_equal(&m, &back))
				report("\"%s\" %s: decodes differently\n",
				       c->input, fmt_name[f]);
			free(got);
			bytebuf_uninit(&b);
			n_cmp++;
		}
	}
	print_message("%d encodings byte-identical to ovs-ofctl's\n", n_cmp);
	assert_int_equal(n_failures, 0);
}

/* Where ovs-ofctl's bytes carry the match without loss, we can carry it
 * too (ovs-ofctl also sends some matches lossily, or with headers the
 * version does not define; those it does not count). */
static void test_oracle_fits(void **state)
{
	int n_fit = 0;

	(void)state;
	n_failures = 0;
	for (size_t i = 0; i < N_CASES; i++) {
		const struct oracle_case *c = &oracle_cases[i];
		struct of_match m, back;
		uint8_t wire[512];

		if (c->kind != ORACLE_OK || parse_fails(c->input, &m))
			continue;
		for (enum fmt f = F_OF10; f <= F_OXM15; f++) {
			const char *want = expected(c, f);
			if (!want)
				continue;
			size_t n = unhex(want, wire, sizeof wire);
			if (decode(f, wire, n, &back) ||
			    !of_match_equal(&m, &back))
				continue;
			if (!fits(f, &m))
				report("\"%s\": ovs-ofctl expresses it in "
				       "%s, we do not\n", c->input,
				       fmt_name[f]);
			n_fit++;
		}
	}
	print_message("%d lossless encodings agree\n", n_fit);
	assert_int_equal(n_failures, 0);
}

/* OpenFlow 1.0 defines nw_tos, nw_proto and the ports for IPv4 (and ARP)
 * only; ovs-ofctl also keeps them under dl_type 0x86dd, we ignore them. */
static bool of10_ipv6(const uint8_t *wire)
{
	return wire[22] == 0x86 && wire[23] == 0xdd && !(wire[3] & 0x10);
}

/* Our fixed-layout decoder against ovs-ofctl's, on random matches. */
static void check_fixed(const struct fixed_case *cases, size_t n,
			enum of_match_format f, size_t len)
{
	int n_same = 0, n_skipped = 0;

	n_failures = 0;
	for (size_t i = 0; i < n; i++) {
		const struct fixed_case *c = &cases[i];
		uint8_t wire[OFP11_MATCH_LEN];
		struct of_match m;

		assert_int_equal(unhex(c->hex, wire, sizeof wire), len);
		enum ofperr error = of_match_decode(wire, len, f, 0, &m);
		char *s = error ? xasprintf("bad ofp11_match: %s",
					    ofperr_get_name(error))
				: of_match_format(&m);
		bool rejected = !strcmp(c->text, "ERR") ||
				!strncmp(c->text, "bad ", 4);
		if (f == OFM_OF10 && of10_ipv6(wire))
			n_skipped++;
		else if (rejected != (error != 0) ||
			 (!rejected && strcmp(s, c->text)) ||
			 (f == OFM_OF11 && strcmp(s, c->text)))
			report("%s: ours \"%s\", ovs-ofctl \"%s\"\n", c->hex,
			       s, c->text);
		else
			n_same++;
		free(s);
	}
	print_message("%d decode as ovs-ofctl's (%d skipped)\n", n_same,
		      n_skipped);
	assert_int_equal(n_failures, 0);
}

static void test_of10_decode_oracle(void **state)
{
	(void)state;
	check_fixed(of10_cases, sizeof of10_cases / sizeof *of10_cases,
		    OFM_OF10, OFP10_MATCH_LEN);
}

static void test_of11_decode_oracle(void **state)
{
	(void)state;
	check_fixed(of11_cases, sizeof of11_cases / sizeof *of11_cases,
		    OFM_OF11, OFP11_MATCH_LEN);
}

/* Our NXM/OXM decoder against ovs-ofctl's, on mutated matches. */
static void test_nxm_decode_oracle(void **state)
{
	(void)state;
	n_failures = 0;
	for (size_t i = 0; i < sizeof wire_cases / sizeof *wire_cases; i++) {
		const struct wire_case *c = &wire_cases[i];
		uint8_t wire[512];
		size_t n = unhex(c->hex, wire, sizeof wire);
		struct of_match m;
		enum ofperr error = of_match_decode(wire, n,
						    c->nxm ? OFM_NXM : OFM_OXM,
						    OFP13_VERSION, &m);
		char *s = error ? xasprintf("ERR %s", ofperr_get_name(error))
				: of_match_format(&m);
		if (strcmp(s, c->result))
			report("%s: ours \"%s\", ovs-ofctl \"%s\"\n", c->hex, s,
			       c->result);
		free(s);
	}
	print_message("%zu NXM/OXM decodes as ovs-ofctl's\n",
		      sizeof wire_cases / sizeof *wire_cases);
	assert_int_equal(n_failures, 0);
}

static bool same_name(const char *a, const char *b)
{
	return a && !strcmp(a, b);
}

/* The first row in table order with header 'x' under version 'v'. */
static const struct mf_field *scan_header(const struct mf_header *x,
					  unsigned v)
{
	for (int j = 0; j < MFF_N_IDS; j++) {
		const struct mf_field *o = mf_from_id(j);
		for (int k = 0; k < MF_MAX_HEADERS && o->hdrs[k].len; k++) {
			const struct mf_header *y = &o->hdrs[k];
			if (y->cls == x->cls && y->field == x->field &&
			    y->experimenter == x->experimenter &&
			    (!v || v >= y->version))
				return o;
		}
	}
	return NULL;
}

static const struct mf_field *scan_name(const char *name)
{
	for (int j = 0; j < MFF_N_IDS; j++) {
		const struct mf_field *o = mf_from_id(j);
		if (same_name(o->name, name) || same_name(o->alias, name))
			return o;
	}
	return NULL;
}

/* The indexed name and header look-ups give what a scan of the table in
 * order gives, the first row winning. */
static void test_field_lookups(void **state)
{
	for (int i = 0; i < MFF_N_IDS; i++) {
		const struct mf_field *mf = mf_from_id(i);
		const char *names[2] = { mf->name, mf->alias };
		for (int a = 0; a < 2 && names[a]; a++)
			assert_ptr_equal(mf_from_name(names[a],
						      strlen(names[a])),
					 scan_name(names[a]));
		for (int h = 0; h < MF_MAX_HEADERS && mf->hdrs[h].len; h++) {
			const struct mf_header *x = &mf->hdrs[h];
			for (unsigned v = 0; v <= OFP15_VERSION; v++)
				assert_ptr_equal(
					mf_from_header(x->cls, x->field,
						       x->experimenter, v),
					scan_header(x, v));
		}
	}
	assert_null(mf_from_name("nw_sr", 5));
	assert_null(mf_from_name("", 0));
	assert_ptr_equal(mf_from_name("nw_srcX", 6), mf_from_id(MFF_IPV4_SRC));
	assert_null(mf_from_header(0x7777, 1, 0, 0));
}

/* No header names two fields: ofp_protocols_for_match() relies on it to
 * take a later OXM version's identical bytes as decoding the same. */
static void test_headers_unique(void **state)
{
	for (int i = 0; i < MFF_N_IDS; i++) {
		const struct mf_field *mf = mf_from_id(i);
		for (int h = 0; h < MF_MAX_HEADERS && mf->hdrs[h].len; h++)
			assert_ptr_equal(scan_header(&mf->hdrs[h], 0), mf);
	}
}

/* The word summary never calls a field wild that has a mask bit. */
static void test_wild_words(void **state)
{
	struct of_match m;

	for (size_t b = 0; b <= sizeof m.mask; b++) {
		for (int bit = 0; bit < 8; bit++) {
			of_match_init_catchall(&m);
			if (b < sizeof m.mask)
				((uint8_t *)&m.mask)[b] = 1u << bit;
			uint64_t words = of_match_mask_words(&m);
			for (int i = 0; i < MFF_N_IDS; i++) {
				const struct mf_field *mf = mf_from_id(i);
				assert_int_equal(mf_is_wild_in(mf, &m, words),
						 mf_is_wild(mf, &m));
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oracle_text),
		cmocka_unit_test(test_oracle_bytes),
		cmocka_unit_test(test_oracle_fits),
		cmocka_unit_test(test_of10_decode_oracle),
		cmocka_unit_test(test_of11_decode_oracle),
		cmocka_unit_test(test_nxm_decode_oracle),
		cmocka_unit_test(test_field_lookups),
		cmocka_unit_test(test_headers_unique),
		cmocka_unit_test(test_wild_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
