# OpenFlow message bodies: ports, tables, meters, stats, packet-in, bundles.
lib_libweir_a_SOURCES += \
	lib/ofp-print-bodies.h lib/ofp-wire.h \
	lib/ofp-port-stats.h lib/ofp-port-stats.c \
	lib/ofp-port-mod.h lib/ofp-port-mod.c \
	lib/ofp-table.h lib/ofp-table.c \
	lib/ofp-oxs.h lib/ofp-oxs.c \
	lib/ofp-aggregate.h lib/ofp-aggregate.c \
	lib/ofp-flow-removed.h lib/ofp-flow-removed.c \
	lib/ofp-bundle.h lib/ofp-bundle.c \
	lib/ofp-queue-config.h lib/ofp-queue-config.c \
	lib/ofp-tlv.h lib/ofp-tlv.c \
	lib/ofp-requestforward.h lib/ofp-requestforward.c \
	lib/ofp-flow-monitor.h lib/ofp-flow-monitor.c \
	lib/ofp-packet-in.h lib/ofp-packet-in.c lib/ofp-packet-print.c \
	lib/ofp-group-stats.h lib/ofp-group-stats.c \
	lib/ofp-meter.h lib/ofp-meter.c

UNIT_TESTS += tests/unit/test-ofp-bodies
tests_unit_test_ofp_bodies_SOURCES = tests/unit/test-ofp-bodies.c
tests_unit_test_ofp_bodies_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_bodies_LDADD = $(UNITLIBS)
EXTRA_DIST += tests/unit/record-ofp-bodies.py \
	tests/unit/test-ofp-bodies-data.h \
	tests/unit/test-ofp-bodies-meter-data.h \
	tests/unit/test-ofp-bodies-table-data.h

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-bodies
tests_fuzz_fuzz_ofp_bodies_SOURCES = tests/fuzz/fuzz-ofp-bodies.c
tests_fuzz_fuzz_ofp_bodies_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_bodies_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-bodies
