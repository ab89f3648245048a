# Translation: the OpenFlow pipeline walk that yields datapath actions and
# the megaflow mask (ofproto/xlate*.c), recirculation state, and committing
# header changes as datapath actions (lib/odp-commit.c).
lib_libweir_a_SOURCES += lib/odp-commit.c lib/odp-commit.h

ofproto_libofproto_a_SOURCES += \
	ofproto/recirc.c ofproto/recirc.h \
	ofproto/xlate.c ofproto/xlate.h ofproto/xlate-private.h \
	ofproto/xlate-output.c ofproto/xlate-field.c \
	ofproto/xlate-vlan-mpls.c ofproto/xlate-learn.c ofproto/xlate-clone.c

UNIT_TESTS += tests/unit/test-xlate
tests_unit_test_xlate_SOURCES = tests/unit/test-xlate.c
tests_unit_test_xlate_CFLAGS = $(UNITFLAGS)
tests_unit_test_xlate_LDADD = $(OFPROTO_UNITLIBS)
EXTRA_DIST += tests/unit/test-xlate-data.h tests/unit/test-xlate-cases.txt \
	tests/unit/record-xlate.py

UNIT_TESTS += tests/unit/test-odp-commit
tests_unit_test_odp_commit_SOURCES = tests/unit/test-odp-commit.c
tests_unit_test_odp_commit_CFLAGS = $(UNITFLAGS)
tests_unit_test_odp_commit_LDADD = $(UNITLIBS)

FUZZ_TARGETS += tests/fuzz/fuzz-xlate
tests_fuzz_fuzz_xlate_SOURCES = tests/fuzz/fuzz-xlate.c
tests_fuzz_fuzz_xlate_LDADD = ofproto/libofproto.a lib/libweir.a
tests_fuzz_fuzz_xlate_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-xlate
