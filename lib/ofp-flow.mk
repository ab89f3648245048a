# FLOW_MOD: decode/encode per version, ovs-ofctl flow text, protocol choice.
lib_libweir_a_SOURCES += \
	lib/ofp-flow-mod.h lib/ofp-flow-mod.c lib/ofp-flow-text.c \
	lib/ofp-protocol.h lib/ofp-protocol.c

UNIT_TESTS += tests/unit/test-ofp-flow-mod
tests_unit_test_ofp_flow_mod_SOURCES = tests/unit/test-ofp-flow-mod.c
tests_unit_test_ofp_flow_mod_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_flow_mod_LDADD = $(UNITLIBS)
EXTRA_DIST += tests/unit/record-ofp-flow-mod.py \
	tests/unit/test-ofp-flow-mod-cases.txt \
	tests/unit/test-ofp-flow-mod-data.h \
	tests/unit/test-ofp-flow-mod-cmd-cases.txt \
	tests/unit/test-ofp-flow-mod-cmd-data.h

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-flow-mod
tests_fuzz_fuzz_ofp_flow_mod_SOURCES = tests/fuzz/fuzz-ofp-flow-mod.c
tests_fuzz_fuzz_ofp_flow_mod_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_flow_mod_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-flow-mod

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-flow-text
tests_fuzz_fuzz_ofp_flow_text_SOURCES = tests/fuzz/fuzz-ofp-flow-text.c
tests_fuzz_fuzz_ofp_flow_text_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_flow_text_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-flow-text
