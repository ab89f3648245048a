# OpenFlow actions and instructions: the action table and its families.
lib_libweir_a_SOURCES += \
	lib/ofp-actions.h lib/ofp-actions-private.h lib/ofp-actions.c \
	lib/ofp-act-output.c lib/ofp-act-field.c lib/ofp-act-vlan-mpls.c \
	lib/ofp-act-control.c lib/ofp-act-ct.c lib/ofp-act-learn.c \
	lib/ofp-instructions.c

UNIT_TESTS += tests/unit/test-ofp-actions
tests_unit_test_ofp_actions_SOURCES = tests/unit/test-ofp-actions.c
tests_unit_test_ofp_actions_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_actions_LDADD = $(UNITLIBS)
# Expected bytes and text recorded once from the real ovs-ofctl (see header).
EXTRA_DIST += tests/unit/test-ofp-actions-data.h \
	tests/unit/test-ofp-actions-cases.txt \
	tests/unit/record-ofp-actions.py \
	tests/unit/fake_switch.py

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-actions-wire
tests_fuzz_fuzz_ofp_actions_wire_SOURCES = tests/fuzz/fuzz-ofp-actions-wire.c
tests_fuzz_fuzz_ofp_actions_wire_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_actions_wire_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-actions-wire

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-actions-text
tests_fuzz_fuzz_ofp_actions_text_SOURCES = tests/fuzz/fuzz-ofp-actions-text.c
tests_fuzz_fuzz_ofp_actions_text_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_actions_text_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-actions-text
