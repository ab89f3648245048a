# Flow stats, multipart replies, GROUP_MOD, PACKET_OUT, TABLE_FEATURES,
# IPFIX stats, NXT_CT_FLUSH and flow monitor updates.
lib_libweir_a_SOURCES += \
	lib/ofp-multipart.h lib/ofp-multipart.c \
	lib/ofp-prop-put.h lib/ofp-prop-put.c \
	lib/ofp-flow-stats.h lib/ofp-flow-stats.c \
	lib/ofp-group-mod.h lib/ofp-group-mod.c lib/ofp-group-text.c \
	lib/ofp-packet-out.h lib/ofp-packet-out.c \
	lib/ofp-table-features.h lib/ofp-table-features.c \
	lib/ofp-table-features-print.c \
	lib/ofp-ipfix.h lib/ofp-ipfix.c \
	lib/ofp-ct-flush.h lib/ofp-ct-flush.c \
	lib/ofp-flow-update.h lib/ofp-flow-update.c

UNIT_TESTS += tests/unit/test-ofp-stats
tests_unit_test_ofp_stats_SOURCES = tests/unit/test-ofp-stats.c
tests_unit_test_ofp_stats_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_stats_LDADD = $(UNITLIBS)
EXTRA_DIST += tests/unit/record-ofp-stats.py \
	tests/unit/test-ofp-stats-cases.txt \
	tests/unit/test-ofp-stats-data.h

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-flow-stats
tests_fuzz_fuzz_ofp_flow_stats_SOURCES = tests/fuzz/fuzz-ofp-flow-stats.c
tests_fuzz_fuzz_ofp_flow_stats_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_flow_stats_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-flow-stats

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-group-mod
tests_fuzz_fuzz_ofp_group_mod_SOURCES = tests/fuzz/fuzz-ofp-group-mod.c
tests_fuzz_fuzz_ofp_group_mod_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_group_mod_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-group-mod

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-packet-out
tests_fuzz_fuzz_ofp_packet_out_SOURCES = tests/fuzz/fuzz-ofp-packet-out.c
tests_fuzz_fuzz_ofp_packet_out_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_packet_out_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-packet-out

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-table-features
tests_fuzz_fuzz_ofp_table_features_SOURCES = \
	tests/fuzz/fuzz-ofp-table-features.c
tests_fuzz_fuzz_ofp_table_features_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_table_features_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-table-features

# Flow text parsing and FLOW_MOD decoding against ovs-ofctl parse-flows.
BENCHES += tests/bench/bench-ofp-parse
tests_bench_bench_ofp_parse_SOURCES = tests/bench/bench-ofp-parse.c
tests_bench_bench_ofp_parse_LDADD = lib/libweir.a
bench: utilities/weir-ofctl

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-ipfix
tests_fuzz_fuzz_ofp_ipfix_SOURCES = tests/fuzz/fuzz-ofp-ipfix.c
tests_fuzz_fuzz_ofp_ipfix_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_ipfix_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-ipfix

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-ct-flush
tests_fuzz_fuzz_ofp_ct_flush_SOURCES = tests/fuzz/fuzz-ofp-ct-flush.c
tests_fuzz_fuzz_ofp_ct_flush_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_ct_flush_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-ct-flush

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-flow-update
tests_fuzz_fuzz_ofp_flow_update_SOURCES = tests/fuzz/fuzz-ofp-flow-update.c
tests_fuzz_fuzz_ofp_flow_update_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_flow_update_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-flow-update
