# A bridge's OpenFlow state: tables and rules, flow_mod semantics, stats,
# bundles, and request dispatch (ofproto/ofproto.h).
ofproto_libofproto_a_SOURCES += \
	ofproto/ofproto.h ofproto/ofproto-private.h ofproto/ofproto.c \
	ofproto/rule.h ofproto/rule.c ofproto/flow-mod.c ofproto/table.c \
	ofproto/bundle.c ofproto/meter.c ofproto/group.c ofproto/id-map.h \
	ofproto/id-map.c ofproto/port-desc.c ofproto/ofproto-handle.c

UNIT_TESTS += tests/unit/test-ofproto
tests_unit_test_ofproto_SOURCES = tests/unit/test-ofproto.c \
	tests/unit/test-ofproto-util.h
tests_unit_test_ofproto_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofproto_LDADD = $(OFPROTO_UNITLIBS)
EXTRA_DIST += tests/unit/record-ofproto.py \
	tests/unit/test-ofproto-cases.txt tests/unit/test-ofproto-data.h

UNIT_TESTS += tests/unit/test-ofproto-handle
tests_unit_test_ofproto_handle_SOURCES = tests/unit/test-ofproto-handle.c \
	tests/unit/test-ofproto-util.h
tests_unit_test_ofproto_handle_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofproto_handle_LDADD = $(OFPROTO_UNITLIBS)

FUZZ_TARGETS += tests/fuzz/fuzz-ofproto-handle
tests_fuzz_fuzz_ofproto_handle_SOURCES = tests/fuzz/fuzz-ofproto-handle.c
tests_fuzz_fuzz_ofproto_handle_LDADD = ofproto/libofproto.a lib/libweir.a
tests_fuzz_fuzz_ofproto_handle_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofproto-handle
