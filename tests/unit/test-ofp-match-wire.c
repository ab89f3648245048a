/* Match decoders reject what the specification forbids, each with its own
 * error, and change nothing when they do; every field of the table round
 * trips through every wire format that can carry it and through text. */
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

static size_t unhex(const char *hex, uint8_t *out, size_t max)
{
	size_t n = 0;

	while (*hex && n < max) {
		unsigned int b;
		if (*hex == ' ') {
			hex++;
			continue;
		}
		sscanf(hex, "%2x", &b);
		out[n++] = b;
		hex += 2;
	}
	return n;
}

struct nxm_error {
	const char *hex;
	enum ofperr error;
	const char *what;
};

/* "ovs-ofctl --strict parse-nxm" / "parse-oxm" return the same errors for
 * every case here that their text syntax can write, except two where we
 * follow the specification: masks with bits beyond the field (it lets them
 * through; BAD_MASK) and standard headers newer than the version (it takes
 * them; BAD_FIELD). */
static const struct nxm_error nxm_errors[] = {
	{ "0001fe04 00000000", OFPERR_OFPBMC_BAD_FIELD, "unknown field" },
	{ "00000602 0800 00000602 0800", OFPERR_OFPBMC_DUP_FIELD,
	  "eth_type twice" },
	{ "00000602 0800 00000e04 01020304 00000f08 01000000 ff000000",
	  OFPERR_OFPBMC_DUP_FIELD, "nw_src then its masked form" },
	{ "00000604 08000000", OFPERR_OFPBMC_BAD_LEN, "eth_type of 4 bytes" },
	{ "000006", OFPERR_OFPBMC_BAD_LEN, "truncated header" },
	{ "00000602 08", OFPERR_OFPBMC_BAD_LEN, "truncated value" },
	{ "00000600", OFPERR_OFPBMC_BAD_LEN, "zero length" },
	{ "00000704 0800ffff", OFPERR_OFPBMC_BAD_MASK,
	  "mask on non-maskable eth_type" },
	{ "00000602 86dd 00013708 00000001 fff00001", OFPERR_OFPBMC_BAD_MASK,
	  "ipv6_label mask beyond 20 bits" },
	{ "00000602 0800 00000f08 01020304 ff000000",
	  OFPERR_OFPBMC_BAD_WILDCARDS, "nw_src bits under a 0 mask" },
	{ "00000602 86dd 00013604 fff00000", OFPERR_OFPBMC_BAD_VALUE,
	  "ipv6_label beyond 20 bits" },
	{ "00000602 0800 00000c01 06 00014402 f001", OFPERR_OFPBMC_BAD_VALUE,
	  "tcp_flags beyond 12 bits" },
	{ "00001402 0050", OFPERR_OFPBMC_BAD_PREREQ, "tcp_dst alone" },
	{ "00000e04 01020304 00000602 0800", OFPERR_OFPBMC_BAD_PREREQ,
	  "nw_src before eth_type" },
	{ "00000602 0800 00000c01 11 00001402 0050", OFPERR_OFPBMC_BAD_PREREQ,
	  "tcp_dst under udp" },
	{ "0001d308 00000020 00000020 0001f004 0a000001",
	  OFPERR_OFPBMC_BAD_PREREQ,
	  "ct_nw_src with only +trk" },
};

static void test_nxm_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof nxm_errors / sizeof *nxm_errors; i++) {
		const struct nxm_error *e = &nxm_errors[i];
		uint8_t wire[128];
		size_t n = unhex(e->hex, wire, sizeof wire);
		struct of_match m, before;

		memset(&m, 0xa5, sizeof m);
		before = m;
		enum ofperr error = of_match_decode_nxm(wire, n, &m);
		if (error != e->error)
			fail_msg("%s: got %s, want %s", e->what,
				 ofperr_get_name(error),
				 ofperr_get_name(e->error));
		assert_memory_equal(&m, &before, sizeof m);
	}
}

struct oxm_error {
	enum ofp_version version;
	const char *hex;
	enum ofperr error;
	const char *what;
};

static const struct oxm_error oxm_errors[] = {
	{ OFP13_VERSION, "0000 0004 00000000", OFPERR_OFPBMC_BAD_TYPE,
	  "standard match type" },
	{ OFP13_VERSION, "0001 0003 00000000", OFPERR_OFPBMC_BAD_LEN,
	  "length below 4" },
	{ OFP13_VERSION, "0001 0010 80000a02 0800", OFPERR_OFPBMC_BAD_LEN,
	  "length beyond the buffer" },
	{ OFP13_VERSION, "0001 000a 80000a02 0800", OFPERR_OFPBMC_BAD_LEN,
	  "padding missing" },
	{ OFP13_VERSION, "0001 0008 ffff0002", OFPERR_OFPBMC_BAD_LEN,
	  "experimenter header without its id" },
	{ OFP13_VERSION, "0001 000c ffff0004 12345678 00000000",
	  OFPERR_OFPBMC_BAD_FIELD, "unknown experimenter" },
	{ OFP12_VERSION,
	  "0001 0015 80000a02 0800 80001401 06 80005402 0002 000000",
	  OFPERR_OFPBMC_BAD_FIELD, "OF1.5 tcp_flags in OF1.2" },
	{ OFP13_VERSION, "0001 000c 80005804 00010800 00000000",
	  OFPERR_OFPBMC_BAD_FIELD, "OF1.5 packet_type in OF1.3" },
	{ OFP12_VERSION, "0001 000c 80004c08 00000000 00000005 00000000",
	  OFPERR_OFPBMC_BAD_LEN, "tun_id: header length 8, 4 present" },
	{ OFP12_VERSION, "0001 0010 80004c08 00000000 00000005",
	  OFPERR_OFPBMC_BAD_FIELD, "OF1.3 tunnel_id in OF1.2" },
	{ OFP13_VERSION, "0001 0009 80000e01 00 00000000000000",
	  OFPERR_OFPBMC_BAD_PREREQ, "vlan_pcp without a VLAN" },
	{ OFP13_VERSION,
	  "0001 0012 80000a02 8847 80004404 00100000 000000000000",
	  OFPERR_OFPBMC_BAD_VALUE, "mpls_label beyond 20 bits" },
	{ OFP13_VERSION, "0001 000a 80000c02 2000 000000000000",
	  OFPERR_OFPBMC_BAD_VALUE, "vlan_vid beyond 13 bits" },
	{ OFP13_VERSION, "0001 000c 80000204 00000001 00000000",
	  OFPERR_OFPBMC_BAD_PREREQ, "in_phy_port without in_port" },
	{ OFP13_VERSION, "0001 0014 80000004 00000001 80000204 00000001 00000000",
	  0, "in_phy_port is a field of OF1.2+" },
};

static void test_oxm_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof oxm_errors / sizeof *oxm_errors; i++) {
		const struct oxm_error *e = &oxm_errors[i];
		uint8_t wire[128];
		size_t n = unhex(e->hex, wire, sizeof wire);
		struct bytecur c = bytecur_make(wire, n);
		struct of_match m;

		enum ofperr error = of_match_decode_oxm(&c, e->version, &m);
		if (error != e->error)
			fail_msg("%s: got %s, want %s", e->what,
				 ofperr_get_name(error),
				 ofperr_get_name(e->error));
		if (error)
			assert_int_equal(c.left, n);
		else
			assert_int_equal(c.left, 0);
	}
}

static void test_of10_errors(void **state)
{
	uint8_t w[40] = { 0 };
	struct of_match m;

	(void)state;
	assert_int_equal(of_match_decode_of10(w, 39, &m),
			 OFPERR_OFPBMC_BAD_LEN);
	/* dl_vlan matched (wildcards bit 1 clear) with a VID of 4096. */
	w[0] = 0x00; w[1] = 0x3f; w[2] = 0xff; w[3] = 0xfd;
	w[18] = 0x10;
	assert_int_equal(of_match_decode_of10(w, 40, &m),
			 OFPERR_OFPBMC_BAD_VALUE);
	/* PCP 8 (wildcards bit 20 clear too). */
	w[18] = 0; w[1] = 0x2f; w[20] = 8;
	assert_int_equal(of_match_decode_of10(w, 40, &m),
			 OFPERR_OFPBMC_BAD_VALUE);
}

/* The match of ovs-ofctl's parse-ofp11-match test "in_port=LOCAL", and
 * variations of it. */
static const char of11_local[] =
	"0000 0058 fffffffe 000003fe 000000000000ffffffffffff "
	"000000000000ffffffffffff 0000 00 00 0000 00 00 00000000ffffffff "
	"00000000ffffffff 0000 0000 00000000 00 000000 "
	"0000000000000000ffffffffffffffff";

static void test_of11_errors(void **state)
{
	uint8_t w[88];
	struct of_match m;

	(void)state;
	assert_int_equal(unhex(of11_local, w, sizeof w), 88);
	assert_int_equal(of_match_decode_of11(w, 88, &m), 0);
	char *s = of_match_format(&m);
	assert_string_equal(s, "in_port=LOCAL");
	free(s);
	assert_int_equal(of_match_decode_of11(w, 87, &m),
			 OFPERR_OFPBMC_BAD_LEN);
	w[1] = 1;
	assert_int_equal(of_match_decode_of11(w, 88, &m),
			 OFPERR_OFPBMC_BAD_TYPE);
	w[1] = 0;
	/* ovs-ofctl: port 305419896 is outside the supported range. */
	memcpy(w + 4, "\x12\x34\x56\x78", 4);
	assert_int_equal(of_match_decode_of11(w, 88, &m),
			 OFPERR_OFPBMC_BAD_VALUE);
	memcpy(w + 4, "\xff\xff\xff\xfe", 4);
	/* icmp (dl_type, nw_proto, tp_src matched) with type 0x100. */
	w[10] = 0x03;
	w[11] = 0x96;
	w[40] = 0x08; w[41] = 0x00; w[43] = 1;
	w[60] = 0x01; w[61] = 0x00;
	assert_int_equal(of_match_decode_of11(w, 88, &m),
			 OFPERR_OFPBMC_BAD_FIELD);
}

/* Makes the prerequisites of 'mf' true. */
static const char *const prereq_setup[] = {
	[MFP_NONE] = "", [MFP_IN_PORT] = "in_port=1", [MFP_VLAN_VID] = "dl_vlan=1",
	[MFP_MPLS] = "mpls",
	[MFP_IPV4] = "ip", [MFP_IPV6] = "ipv6", [MFP_IP_ANY] = "ip",
	[MFP_ARP] = "arp", [MFP_PBB] = "dl_type=0x88e7", [MFP_TCP] = "tcp",
	[MFP_UDP] = "udp", [MFP_SCTP] = "sctp", [MFP_ICMPV4] = "icmp",
	[MFP_ICMPV6] = "icmp6",
	[MFP_ND] = "icmp6,icmp_type=135,icmp_code=0",
	[MFP_ND_SOLICIT] = "icmp6,icmp_type=135,icmp_code=0",
	[MFP_ND_ADVERT] = "icmp6,icmp_type=136,icmp_code=0",
	[MFP_CT] = "ct_state=+new+trk",
	[MFP_CT_L4] = "ct_state=+new+trk,ct_nw_proto=6",
};

static void check_round_trips(const struct mf_field *mf,
			      const struct of_match *m, int *n_wire)
{
	struct of_match back;
	struct bytebuf b = BYTEBUF_INITIALIZER;
	bool any = false;

	if (of_match_fits(m, OFM_NXM, 0)) {
		any = true;
		(*n_wire)++;
	}
	for (int v = OFP12_VERSION; v <= OFP15_VERSION; v++) {
		if (!of_match_fits(m, OFM_OXM, v))
			continue;
		any = true;
		(*n_wire)++;
		bytebuf_clear(&b);
		of_match_encode_oxm(m, v, &b);
		assert_int_equal(b.size % 8, 0);
	}
	*n_wire += of_match_fits(m, OFM_OF10, 0) + of_match_fits(m, OFM_OF11, 0);
	bytebuf_uninit(&b);
	if (!any && mf->hdrs[0].len)
		fail_msg("%s: no wire format carries it", mf->name);

	char *text = of_match_format(m);
	char *error = of_match_parse(text, &back);
	if (error)
		fail_msg("%s: \"%s\": %s", mf->name, text, error);
	if (!of_match_equal(m, &back))
		fail_msg("%s: \"%s\" reparses differently", mf->name, text);
	free(text);
}

/* Every field: an exact value and, when maskable, a masked one. */
static void test_every_field(void **state)
{
	int n_fields = 0, n_wire = 0;

	(void)state;
	for (int id = 0; id < MFF_N_IDS; id++) {
		const struct mf_field *mf = mf_from_id(id);
		union mf_value v, k, valid;
		struct of_match m;
		char *error;

		if (id == MFF_DL_VLAN || id == MFF_DL_VLAN_PCP)
			continue;
		error = of_match_parse(prereq_setup[mf->prereq], &m);
		assert_null(error);
		mf_valid_mask(mf, &valid);
		for (int i = 0; i < 16; i++) {
			v.u8[i] = (0x5a + 17 * i) & valid.u8[i];
			k.u8[i] = (i & 1 ? 0xf0 : 0xff) & valid.u8[i];
		}
		if (id == MFF_VLAN_VID)
			v.be16 |= htobe16(OF_VLAN_CFI);
		if (id == MFF_PACKET_TYPE)
			v.be32 = htobe32(0x00010800);
		if (id == MFF_IP_FRAG)
			v.u8[0] = 1;
		if (mf->string == MFS_OFP_PORT)
			v.be32 = htobe32(0xfe00);
		mf_set(mf, &v, NULL, &m);
		check_round_trips(mf, &m, &n_wire);
		if (mf->maskable) {
			for (int i = 0; i < 16; i++)
				v.u8[i] &= k.u8[i];
			mf_set(mf, &v, &k, &m);
			check_round_trips(mf, &m, &n_wire);
		}
		n_fields++;
	}
	print_message("%d fields, %d wire round trips\n", n_fields, n_wire);
}

/* Every field's value alone: format, parse back, same value and mask. */
static void test_field_values(void **state)
{
	int n = 0;

	(void)state;
	for (int id = 0; id < MFF_N_IDS; id++) {
		const struct mf_field *mf = mf_from_id(id);
		union mf_value v, k, valid, v2, k2;
		bool masked;

		mf_valid_mask(mf, &valid);
		for (int masking = 0; masking < 1 + mf->maskable; masking++) {
			for (int i = 0; i < 16; i++) {
				k.u8[i] = (i & 1 ? 0xf0 : 0xff) & valid.u8[i];
				v.u8[i] = (0x5a + 17 * i) & valid.u8[i] &
					  (masking ? k.u8[i] : 0xff);
			}
			if (mf->string == MFS_OFP_PORT)
				v.be32 = htobe32(0xfe00);
			if (mf->string == MFS_FRAG)
				v.u8[0] = 1, k.u8[0] = 3;
			if (id == MFF_DL_VLAN)
				continue;
			char *s = mf_format_value(mf, &v, masking ? &k : NULL);
			char *error = mf_parse_value(mf, s, &v2, &k2, &masked);
			if (error)
				fail_msg("%s: \"%s\": %s", mf->name, s, error);
			if (memcmp(v.u8, v2.u8, mf->n_bytes))
				fail_msg("%s: \"%s\" changed value", mf->name, s);
			if (masked && memcmp((masking ? &k : &valid)->u8,
					     k2.u8, mf->n_bytes))
				fail_msg("%s: \"%s\" changed mask", mf->name, s);
			free(s);
			n++;
		}
	}
	print_message("%d field values round trip\n", n);
}

static void test_prereqs(void **state)
{
	struct of_match m;
	enum mf_field_id bad;

	(void)state;
	of_match_init_catchall(&m);
	mf_set_u64(MFF_TCP_DST, 80, 0xffff, &m);
	assert_int_equal(of_match_check_prereqs(&m, &bad),
			 OFPERR_OFPBMC_BAD_PREREQ);
	assert_int_equal(bad, MFF_TCP_DST);
	mf_set_u64(MFF_ETH_TYPE, 0x86dd, 0xffff, &m);
	mf_set_u64(MFF_IP_PROTO, 6, 0xff, &m);
	assert_int_equal(of_match_check_prereqs(&m, NULL), 0);
	assert_true(of_match_fits(&m, OFM_NXM, 0));
	assert_false(of_match_fits(&m, OFM_OF10, 0));	/* no IPv6 in OF1.0 */
}

static void test_cidr(void **state)
{
	uint8_t m6[16] = { 0xff, 0xff, 0xfe };

	(void)state;
	assert_int_equal(of_cidr_from_mask32(0xffffff00), 24);
	assert_int_equal(of_cidr_from_mask32(0), 0);
	assert_int_equal(of_cidr_from_mask32(0xffffffff), 32);
	assert_int_equal(of_cidr_from_mask32(0xff00ff00), -1);
	assert_int_equal(of_mask32_from_cidr(8), 0xff000000);
	assert_int_equal(of_mask32_from_cidr(0), 0);
	assert_int_equal(of_cidr_from_mask128(m6), 23);
	m6[5] = 1;
	assert_int_equal(of_cidr_from_mask128(m6), -1);
}

/* Masks apply to values, so equal matches compare equal. */
static void test_normalized(void **state)
{
	struct of_match a, b;

	(void)state;
	assert_null(of_match_parse("ip,nw_src=10.1.2.3/8", &a));
	assert_null(of_match_parse("ip,nw_src=10.0.0.0/8", &b));
	assert_true(of_match_equal(&a, &b));
	assert_null(of_match_parse("reg0=0xfff/0xf0", &a));
	assert_int_equal(mf_get_u64(MFF_REG0, &a, NULL), 0xf0);
}

struct text_error {
	const char *input, *error;
};

/* ovs-ofctl's wording where it has one. */
static const struct text_error text_errors[] = {
	{ "in_port=foo", "foo: invalid or unknown port for in_port" },
	{ "in_port=0xfff7", "0xfff7: invalid or unknown port for in_port" },
	{ "reg0=xyz", "xyz: bad syntax for reg0 value" },
	{ "tcp,tp_dst=70000", "70000: value too large for 2-byte field tcp_dst" },
	{ "nw_src=1.2.3.4/33", "1.2.3.4/33: IPv4 network prefix bits not "
	  "between 0 and 32, inclusive" },
	{ "dl_src=zz", "zz: invalid Ethernet address" },
	{ "ct_state=+foo", "foo: unknown ct_state flag(s)" },
	{ "bogus=1", "unknown keyword bogus" },
	{ "bogus", "unknown keyword bogus" },
	{ "reg16=1", "unknown keyword reg16" },
	{ "ip,nw_frag=maybe", "maybe: unknown fragment type (valid types are "
	  "\"no\", \"yes\", \"first\", \"later\", \"not_later\")" },
	{ "tcp,tcp_flags=+syn+bogus", "bogus: unknown TCP flag(s)" },
	{ "in_port=1/1", "in_port=1/1: in_port cannot be masked" },
	{ "dl_vlan=4096", "dl_vlan=4096: value out of range for dl_vlan "
	  "(12 bits)" },
	{ "ip,nw_tos=3", "nw_tos=3: value out of range for nw_tos (8 bits)" },
	{ "mpls,mpls_label=0x100000", "mpls_label=0x100000: value out of "
	  "range for mpls_label (20 bits)" },
	{ "tp_dst=80", "tcp_dst: prerequisites not met (needs tcp or tcp6)" },
	{ "nw_src=1.2.3.4", "ip_src: prerequisites not met (needs ip)" },
	{ "ipv6_src=::1", "ipv6_src: prerequisites not met (needs ipv6)" },
	{ "ipv6_src=1.2.3.4", "1.2.3.4: invalid IPv6 address" },
	{ "ct_nw_src=1.2.3.4", "ct_nw_src: prerequisites not met (needs a "
	  "ct_state with +new, +est, +rel, +rpl, +snat, +dnat or +trk-inv)" },
	{ "packet_type=1", "1: packet_type must be (namespace,type)" },
	{ "metadata=", "metadata: missing value" },
	{ "tun_id=0x10000000000000000", "0x10000000000000000: value too large "
	  "for 8-byte field tun_id" },
};

static void test_text_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof text_errors / sizeof *text_errors; i++) {
		struct of_match m;
		char *error = of_match_parse(text_errors[i].input, &m);

		if (!error)
			fail_msg("\"%s\" parsed", text_errors[i].input);
		if (strcmp(error, text_errors[i].error))
			fail_msg("\"%s\": \"%s\"", text_errors[i].input, error);
		free(error);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nxm_errors),
		cmocka_unit_test(test_oxm_errors),
		cmocka_unit_test(test_of10_errors),
		cmocka_unit_test(test_of11_errors),
		cmocka_unit_test(test_every_field),
		cmocka_unit_test(test_field_values),
		cmocka_unit_test(test_prereqs),
		cmocka_unit_test(test_cidr),
		cmocka_unit_test(test_normalized),
		cmocka_unit_test(test_text_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
