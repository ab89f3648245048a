/* Actions and instructions: every case recorded from ovs-ofctl encodes to
 * the same bytes in each version and prints back as ovs-ofctl printed it;
 * decoders reject malformed lists with the right error; check() enforces
 * prerequisites, ports and table order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bytebuf.h"
#include "ofp-actions.h"
#include "ofp-port.h"
#include "test-ofp-actions-data.h"

static size_t unhex(const char *hex, uint8_t *out, size_t max)
{
	size_t n = 0;

	while (hex[0] && hex[1] && n < max) {
		unsigned int b;
		sscanf(hex, "%2x", &b);
		out[n++] = (uint8_t) b;
		hex += 2;
	}
	return n;
}

static char *tohex(const uint8_t *p, size_t n)
{
	char *s = malloc(2 * n + 1);
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(s + 2 * i, "%02x", p[i]);
	s[2 * n] = '\0';
	return s;
}

static enum ofperr decode(const uint8_t *p, size_t n, int v,
			  struct bytebuf *out)
{
	return v == OFP10_VERSION ? ofpacts_decode_actions(p, n, v, out)
		: ofpacts_decode_instructions(p, n, v, out);
}

/* text -> internal -> wire == ovs-ofctl's bytes -> internal -> text ==
 * ovs-ofctl's text, and the decoded form encodes to the same bytes. */
static void test_oracle(void **state)
{
	size_t i, fails = 0;

	(void) state;
	for (i = 0; i < sizeof act_cases / sizeof act_cases[0]; i++) {
		const struct act_case *c = &act_cases[i];
		struct bytebuf acts = BYTEBUF_INITIALIZER;
		struct bytebuf wire = BYTEBUF_INITIALIZER;
		struct bytebuf back = BYTEBUF_INITIALIZER;
		struct bytebuf wire2 = BYTEBUF_INITIALIZER;
		char *error = ofpacts_parse(c->text, &acts);
		char *hex = NULL, *text = NULL;
		enum ofperr e1 = 0, e2 = 0, e3 = 0;
		struct of_match m;
		char *merr = of_match_parse(c->match, &m);

		/* As ovs-ofctl does: check against the match (which tells
		 * mod_vlan_vid whether to push), then encode.  OpenFlow 1.0
		 * lets inconsistent actions through, so the verdict does not
		 * matter here; test_check() covers it. */
		assert_null(merr);
		if (!error)
			ofpacts_check(acts.data, acts.size, &m, OFPP11_MAX, 0,
				      255);
		if (!error)
			e1 = ofpacts_encode_instructions(acts.data, acts.size,
							 c->version, &wire);
		if (!error && !e1) {
			hex = tohex(wire.data, wire.size);
			e2 = decode(wire.data, wire.size, c->version, &back);
		}
		if (hex && !e2) {
			text = ofpacts_to_string(back.data, back.size);
			ofpacts_check(back.data, back.size, &m, OFPP11_MAX, 0,
				      255);
			e3 = ofpacts_encode_instructions(back.data, back.size,
							 c->version, &wire2);
		}
		if (error || e1 || e2 || e3 || strcmp(hex, c->hex)
		    || strcmp(text, c->back)
		    || wire2.size != wire.size
		    || (wire.size
			&& memcmp(wire.data, wire2.data, wire.size))) {
			printf("OF v%d \"%s\": parse %s enc %s dec %s enc2 %s\n"
			       "   got  %s -> %s\n   want %s -> %s\n",
			       c->version, c->text, error ? error : "ok",
			       ofperr_get_name(e1), ofperr_get_name(e2),
			       ofperr_get_name(e3), hex ? hex : "-",
			       text ? text : "-", c->hex, c->back);
			fails++;
		}
		free(error);
		free(hex);
		free(text);
		bytebuf_uninit(&acts);
		bytebuf_uninit(&wire);
		bytebuf_uninit(&back);
		bytebuf_uninit(&wire2);
	}
	assert_int_equal(fails, 0);
}

struct wire_error {
	int version;
	bool inst;
	const char *hex;
	enum ofperr error;
};

static const struct wire_error wire_errors[] = {
	/* Lengths. */
	{ 1, false, "00000004", OFPERR_OFPBAC_BAD_LEN },
	{ 1, false, "0000000400010000", OFPERR_OFPBAC_BAD_LEN },
	{ 1, false, "0000001000010000", OFPERR_OFPBAC_BAD_LEN },
	{ 1, false, "000000090001000000", OFPERR_OFPBAC_BAD_LEN },
	{ 4, false, "0000000800010000", OFPERR_OFPBAC_BAD_LEN },
	{ 1, false, "ffff0008000023200011", OFPERR_OFPBAC_BAD_LEN },
	{ 1, false, "ffff0018000023200011000000000000"
		    "0000000000000000", OFPERR_OFPBAC_BAD_LEN },
	/* Types, vendors, subtypes. */
	{ 1, false, "0063000800000000", OFPERR_OFPBAC_BAD_TYPE },
	{ 4, false, "000b000800000000", OFPERR_OFPBAC_BAD_TYPE },
	{ 1, false, "0011000881000000", OFPERR_OFPBAC_BAD_TYPE },
	{ 1, false, "ffff0010000023210011000000000000",
	  OFPERR_OFPBAC_BAD_VENDOR },
	{ 1, false, "ffff0010000023200fff000000000000",
	  OFPERR_OFPBAC_BAD_VENDOR_TYPE },
	/* Padding must be zero. */
	{ 1, false, "ffff0010000023200011000000000001",
	  OFPERR_NXBAC_MUST_BE_ZERO },
	{ 4, false, "0000001000000001000000000000ff00",
	  OFPERR_OFPBAC_BAD_ARGUMENT },
	/* Ports. */
	{ 1, false, "00000008ff000000", OFPERR_OFPBAC_BAD_OUT_PORT },
	{ 1, false, "00000008ffff0000", OFPERR_OFPBAC_BAD_OUT_PORT },
	{ 4, false, "00000010fffffff00000000000000000",
	  OFPERR_OFPBAC_BAD_OUT_PORT },
	/* Fields. */
	{ 4, false, "001900108000fe040000000100000000",
	  OFPERR_OFPBAC_BAD_SET_TYPE },
	{ 4, false, "00190010800004090000000000000001",
	  OFPERR_OFPBAC_BAD_SET_LEN },
	{ 4, false, "0019001000010108000000010000ffff",
	  OFPERR_OFPBAC_BAD_SET_MASK },
	{ 4, false, "0019001080000a020800000000000000",
	  OFPERR_OFPBAC_BAD_SET_ARGUMENT },
	{ 4, false, "0019001080000e010800000000000000",
	  OFPERR_OFPBAC_BAD_SET_ARGUMENT },
	{ 1, false, "ffff0018000023200007001f0001000400000001"
		    "00000000", OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff0018000023200007041f0001000400000000"
		    "00000001", OFPERR_OFPBAC_BAD_SET_LEN },
	{ 1, false, "ffff0018000023200007000f0000060200000000"
		    "00000001", OFPERR_OFPBAC_BAD_SET_ARGUMENT },
	{ 1, false, "ffff001800002320000600100000002000010204"
		    "00010604", OFPERR_OFPBAC_BAD_SET_LEN },
	{ 1, false, "ffff001800002320000600100000000000010204"
		    "00000602", OFPERR_OFPBAC_BAD_SET_ARGUMENT },
	{ 1, false, "ffff001800002320000f041f00010004ffff0000"
		    "00000000", OFPERR_OFPBAC_BAD_SET_LEN },
	{ 1, false, "ffff0018000023200007001f0001ff0400000000"
		    "00000001", OFPERR_OFPBAC_BAD_SET_TYPE },
	{ 1, false, "0001000810000000", OFPERR_OFPBAC_BAD_ARGUMENT },
	/* ct, nat, conjunction (ovs-ofctl ofp-print agrees on each). */
	{ 1, false, "ffff0010000023200022000100000001",
	  OFPERR_NXBAC_BAD_CONJUNCTION },
	{ 1, false, "ffff0010000023200022020200000001",
	  OFPERR_NXBAC_BAD_CONJUNCTION },
	{ 1, false, "ffff00180000232000230002000000000000ff00"
		    "00000000", OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff0010000023200024000000030000",
	  OFPERR_OFPBAC_BAD_SET_ARGUMENT },
	{ 1, false, "ffff00280000232000230001000000000000ff00"
		    "00000000ffff0010000023200024000000030000",
	  OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff00280000232000230001000000000000ff00"
		    "00000000ffff0010000023200024000000010001",
	  OFPERR_OFPBAC_BAD_LEN },
	{ 1, false, "ffff00280000232000230001000000000000ff00"
		    "00000000ffff0010000023200011000000000000",
	  OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff002000002320002a000000000000ffff0010"
		    "000023200024000000010000",
	  OFPERR_OFPBAC_BAD_SET_ARGUMENT },
	/* controller2 properties, check_pkt_larger. */
	{ 1, false, "ffff0018000023200025000000000000000600040"
		    "0000000", OFPERR_OFPBPC_BAD_TYPE },
	{ 1, false, "ffff0018000023200025000000000000000000050"
		    "1000000", OFPERR_OFPBPC_BAD_LEN },
	{ 1, false, "ffff0020000023200025000000000000000400040"
		    "00000000004000400000000", OFPERR_OFPBPC_DUP_TYPE },
	{ 1, false, "ffff00180000232000310064002100010204000000"
		    "000000", OFPERR_OFPBAC_BAD_SET_LEN },
	/* multipath: unknown fields, too few bits for the links. */
	{ 1, false, "ffff002000002320000a00070000000000000001"
		    "000000000000001f00010004", OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff002000002320000a00000000000000000007"
		    "000000000000000100010004", OFPERR_OFPBAC_BAD_ARGUMENT },
	/* bundle (each checked with ovs-ofctl ofp-print). */
	{ 1, false, "ffff002800002320000c00020000000000000002"
		    "0002000000000000000000000001000200000000", OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff002800002320000c00000000000000000003"
		    "0002000000000000000000000001000200000000", OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff002800002320000c00000009000000000002"
		    "0002000000000000000000000001000200000000", OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff002800002320000c00000000000000000002"
		    "0002001f00010004000000000001000200000000", OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff002800002320000d00000000000000000002"
		    "0002000700010004000000000001000200000000", OFPERR_OFPBAC_BAD_ARGUMENT },
	{ 1, false, "ffff002800002320000c00000000000000000002"
		    "0002000000000000000000010001000200000000", OFPERR_OFPBAC_BAD_ARGUMENT },
	/* Instructions. */
	{ 4, true, "0001000403000000", OFPERR_OFPBIC_BAD_LEN },
	{ 4, true, "00010010030000000000000000000000",
	  OFPERR_OFPBIC_BAD_LEN },
	{ 4, true, "0009000800000000", OFPERR_OFPBIC_UNKNOWN_INST },
	{ 2, true, "0006000800000003", OFPERR_OFPBIC_UNKNOWN_INST },
	{ 4, true, "ffff000800000000", OFPERR_OFPBIC_BAD_EXPERIMENTER },
	{ 4, true, "00050008000000000005000800000000",
	  OFPERR_OFPBIC_DUP_INST },
	{ 4, true, "0004001000000000ffff000800000000",
	  OFPERR_OFPBAC_BAD_LEN },
	{ 4, true, "0004001800000000ffff00100000000000000000"
		   "00000000", OFPERR_OFPBAC_BAD_VENDOR },
};

static void test_decode_errors(void **state)
{
	size_t i, fails = 0;

	(void) state;
	for (i = 0; i < sizeof wire_errors / sizeof wire_errors[0]; i++) {
		const struct wire_error *w = &wire_errors[i];
		struct bytebuf out = BYTEBUF_INITIALIZER;
		uint8_t buf[256];
		size_t n = unhex(w->hex, buf, sizeof buf);
		enum ofperr e = w->inst
			? ofpacts_decode_instructions(buf, n, w->version, &out)
			: ofpacts_decode_actions(buf, n, w->version, &out);

		if (e != w->error || out.size) {
			printf("%s (v%d): got %s, want %s\n", w->hex,
			       w->version, ofperr_get_name(e),
			       ofperr_get_name(w->error));
			fails++;
		}
		bytebuf_uninit(&out);
	}
	assert_int_equal(fails, 0);
}

struct text_error {
	const char *text;
	const char *error;
};

static const struct text_error text_errors[] = {
	{ "frobnicate", "unknown action frobnicate" },
	{ "output:NXM_NX_REG99[]", "output: \"NXM_NX_REG99[]\" is not a port "
	  "or a field" },
	{ "group:x", "group: invalid numeric value \"x\"" },
	{ "mod_vlan_vid:4096", "mod_vlan_vid: value 4096 out of range "
	  "(maximum 4095)" },
	{ "load:0x10000->NXM_NX_REG0[0..15]", "load: value 0x10000 does not "
	  "fit in 16 bits" },
	{ "move:NXM_NX_REG0[0..3]->NXM_NX_REG1[0..4]", "move: source field is "
	  "4 bits wide but destination is 5 bits wide" },
	{ "set_field:1->nosuch", "set_field: unknown field nosuch" },
	{ "set_field:1->in_phy_port", "set_field: field in_phy_port is not "
	  "writable" },
	{ "drop,output:1", "\"drop\" must not be accompanied by any other "
	  "action or instruction" },
	{ "goto_table:1,output:2", "output must be specified before other "
	  "instructions" },
	{ "goto_table:1,goto_table:2", "instruction goto_table may be "
	  "specified only once" },
	{ "write_actions(goto_table:1)", "goto_table: instruction not allowed "
	  "here" },
	{ "resubmit(,)", "resubmit: at least one of \"in_port\" and \"table\" "
	  "must be specified" },
	{ "controller(reason=bogus)", "controller: unknown reason \"bogus\"" },
	{ "note:0g", "note: bad hex digit in \"0g\"" },
	{ "push_vlan:0x800", "push_vlan: ethertype 0x800 is not 0x8100 or "
	  "0x88a8" },
	{ "write_actions(output:1", "write_actions: unbalanced parentheses" },
	{ "nat", "nat: only allowed inside ct()" },
	{ "ct(force)", "ct: force requires commit" },
	{ "ct(exec(output:1))", "ct: exec may only set ct_mark or ct_label" },
	{ "ct(zone=NXM_NX_REG0[0..7])", "ct: zone NXM_NX_REG0[0..7] is not 16 "
	  "bits wide" },
	{ "ct(nat(src=10.0.0.1,hash,random))", "nat: hash and random are "
	  "exclusive" },
	{ "ct(nat(src=10.0.0.9-10.0.0.1))", "nat: address range is reversed" },
	{ "ct(nat(src=1.2.3))", "nat: invalid address \"1.2.3\"" },
	{ "ct(bogus)", "ct: unknown option \"bogus\"" },
	{ "ct(nat(src=10.0.0.1:0-20))", "nat: port 0 cannot start a range" },
	{ "conjunction(1,3/2)", "conjunction: clause index must be between 1 "
	  "and the number of clauses" },
	{ "conjunction(1,1/1)", "conjunction: conjunction must have at least 2 "
	  "clauses" },
	{ "output(port=CONTROLLER,max_len=100)", "output: output to port "
	  "CONTROLLER cannot be truncated" },
	{ "output(port=1,max_len=10)", "max_len 10 is less than the minimum "
	  "value 14" },
	{ "sample(collector_set_id=1)", "sample: non-zero \"probability\" "
	  "must be specified" },
	{ "pop:NXM_OF_ETH_TYPE[]", "pop: field eth_type is not writable" },
	{ "check_pkt_larger(1500)", "check_pkt_larger: expected "
	  "check_pkt_larger(LEN)->DST" },
	{ "check_pkt_larger(10)->NXM_NX_REG0[0..1]", "check_pkt_larger: "
	  "destination must be a single bit" },
	{ "multipath(eth_src,50,modulo_n,5,0,NXM_NX_REG0[0..1])", "multipath: "
	  "2-bit destination field has 4 possible values, less than specified "
	  "n_links 5" },
	{ "multipath(foo,50,modulo_n,1,0,NXM_NX_REG0[])", "multipath: unknown "
	  "fields `foo'" },
	{ "multipath(eth_src,50,modulo_n,1,0)", "multipath: not enough "
	  "arguments to multipath action" },
	{ "bundle(eth_src,0,active_backup,ofport,1,2)", "bundle: missing member "
	  "delimiter, expected `members', got `1'" },
	{ "bundle(eth_src,0,random,ofport,members:1)", "bundle: unknown "
	  "algorithm `random'" },
	{ "bundle_load(eth_src,0,hrw,ofport,NXM_NX_REG0[0..7],members:1)",
	  "bundle_load: bad destination NXM_NX_REG0[0..7]" },
	{ "controller(userdata=0g)", "controller: bad userdata \"0g\"" },
	{ "controller(meter_id=4294967295)", "controller meter_id: value "
	  "4294967295 out of range (maximum 4294967294)" },
};

static void test_parse_errors(void **state)
{
	size_t i, fails = 0;

	(void) state;
	for (i = 0; i < sizeof text_errors / sizeof text_errors[0]; i++) {
		struct bytebuf out = BYTEBUF_INITIALIZER;
		char *e = ofpacts_parse(text_errors[i].text, &out);

		if (!e || strcmp(e, text_errors[i].error) || out.size) {
			printf("\"%s\": got \"%s\"\n", text_errors[i].text,
			       e ? e : "(ok)");
			fails++;
		}
		free(e);
		bytebuf_uninit(&out);
	}
	assert_int_equal(fails, 0);
}

struct check_case {
	const char *match;
	const char *acts;
	enum ofperr error;
};

static const struct check_case check_cases[] = {
	{ "", "output:1", 0 },
	{ "", "output:99", OFPERR_OFPBAC_BAD_OUT_PORT },
	{ "", "LOCAL", 0 },
	{ "", "set_field:10.0.0.1->ip_dst", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "ip", "set_field:10.0.0.1->ip_dst", 0 },
	{ "tcp", "set_field:80->tcp_dst", 0 },
	{ "udp", "set_field:80->tcp_dst", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "", "push_vlan:0x8100,set_field:5->vlan_vid", 0 },
	{ "", "set_field:4101->vlan_vid", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "", "strip_vlan", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "dl_vlan=5", "strip_vlan,strip_vlan",
	  OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "", "dec_mpls_ttl", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "", "push_mpls:0x8847,set_mpls_ttl(3),pop_mpls:0x0800,dec_ttl", 0 },
	{ "arp", "dec_ttl", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "", "move:NXM_NX_REG0[]->NXM_NX_REG1[]", 0 },
	{ "", "move:NXM_OF_TCP_SRC[]->NXM_NX_REG1[0..15]",
	  OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "", "goto_table:2", 0 },
	{ "", "goto_table:1", OFPERR_OFPBIC_BAD_TABLE_ID },
	{ "", "goto_table:200", OFPERR_OFPBIC_BAD_TABLE_ID },
	{ "", "write_actions(output:99)", OFPERR_OFPBAC_BAD_OUT_PORT },
	{ "", "resubmit(,2,ct)", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "ct_state=+trk", "resubmit(,2,ct)",
	  OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "ct_state=+trk+est", "resubmit(,2,ct)", 0 },
	{ "dl_vlan=5", "set_field:3->vlan_pcp", 0 },
	{ "", "ct(commit)", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "ip", "ct(commit,zone=NXM_NX_REG0[0..15])", 0 },
	{ "ip", "ct(commit,alg=ftp)", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "tcp", "ct(commit,alg=ftp)", 0 },
	{ "ip,ct_state=+trk+inv", "ct(commit)",
	  OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "", "clone(output:99)", OFPERR_OFPBAC_BAD_OUT_PORT },
	{ "", "clone(strip_vlan)", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "", "output(port=12,max_len=100)", OFPERR_OFPBAC_BAD_OUT_PORT },
	{ "", "push:NXM_OF_IP_SRC[]", OFPERR_OFPBAC_MATCH_INCONSISTENT },
	{ "", "bundle(eth_src,0,hrw,ofport,members:1,99)",
	  OFPERR_OFPBAC_BAD_OUT_PORT },
	{ "", "bundle(eth_src,0,hrw,ofport,members:1,LOCAL)", 0 },
};

static void test_check(void **state)
{
	size_t i, fails = 0;

	(void) state;
	for (i = 0; i < sizeof check_cases / sizeof check_cases[0]; i++) {
		const struct check_case *c = &check_cases[i];
		struct bytebuf acts = BYTEBUF_INITIALIZER;
		struct of_match m;
		char *e = of_match_parse(c->match, &m);
		enum ofperr got;

		assert_null(e);
		e = ofpacts_parse(c->acts, &acts);
		assert_null(e);
		got = ofpacts_check(acts.data, acts.size, &m, 10, 1, 100);
		if (got != c->error) {
			printf("%s / %s: got %s, want %s\n", c->match, c->acts,
			       ofperr_get_name(got),
			       ofperr_get_name(c->error));
			fails++;
		}
		bytebuf_uninit(&acts);
	}
	assert_int_equal(fails, 0);
}

/* Actions that have no form in a version say so and write nothing. */
static void test_encode_errors(void **state)
{
	static const struct { const char *text; int v; enum ofperr e; } c[] = {
		{ "meter:1", 1, OFPERR_OFPBIC_UNSUP_INST },
		{ "meter:1", 2, OFPERR_OFPBIC_UNSUP_INST },
		{ "clear_actions", 1, OFPERR_OFPBIC_UNSUP_INST },
		{ "write_actions(output:1)", 1, OFPERR_OFPBIC_UNSUP_INST },
		{ "output:1,push_vlan:0x8100", 1, OFPERR_OFPBAC_BAD_TYPE },
	};
	size_t i;

	(void) state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct bytebuf acts = BYTEBUF_INITIALIZER;
		struct bytebuf wire = BYTEBUF_INITIALIZER;

		assert_null(ofpacts_parse(c[i].text, &acts));
		assert_int_equal(ofpacts_encode_instructions(
			acts.data, acts.size, c[i].v, &wire), c[i].e);
		assert_int_equal(wire.size, 0);
		bytebuf_uninit(&acts);
		bytebuf_uninit(&wire);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oracle),
		cmocka_unit_test(test_decode_errors),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_encode_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
