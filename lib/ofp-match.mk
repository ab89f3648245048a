# OpenFlow fields and matches: the field table, OF1.0/1.1 matches, NXM/OXM.
lib_libweir_a_SOURCES += \
	lib/of-flow.h \
	lib/ofp-fields.h lib/ofp-fields.c \
	lib/ofp-match.h lib/ofp-match.c \
	lib/ofp-match-fixed.h lib/ofp-match-fixed.c \
	lib/ofp-match-of10.c lib/ofp-match-of11.c \
	lib/ofp-nxm.c lib/ofp-match-text.c

UNIT_TESTS += tests/unit/test-ofp-match
tests_unit_test_ofp_match_SOURCES = tests/unit/test-ofp-match.c
tests_unit_test_ofp_match_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_match_LDADD = $(UNITLIBS)
# Expected outputs recorded from the real ovs-ofctl (see each header).
EXTRA_DIST += tests/unit/test-ofp-match-data.h \
	tests/unit/test-ofp-match-of10-data.h \
	tests/unit/test-ofp-match-of11-data.h \
	tests/unit/test-ofp-match-nxm-data.h

UNIT_TESTS += tests/unit/test-ofp-match-wire
tests_unit_test_ofp_match_wire_SOURCES = tests/unit/test-ofp-match-wire.c
tests_unit_test_ofp_match_wire_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_match_wire_LDADD = $(UNITLIBS)

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-match-wire
tests_fuzz_fuzz_ofp_match_wire_SOURCES = tests/fuzz/fuzz-ofp-match-wire.c
tests_fuzz_fuzz_ofp_match_wire_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_match_wire_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-match-wire

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-match-text
tests_fuzz_fuzz_ofp_match_text_SOURCES = tests/fuzz/fuzz-ofp-match-text.c
tests_fuzz_fuzz_ofp_match_text_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_match_text_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-match-text
