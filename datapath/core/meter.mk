# Meters: token buckets and the meter action, tested with a fake clock.
UNIT_TESTS += tests/unit/test-meter
tests_unit_test_meter_SOURCES = tests/unit/test-meter.c
tests_unit_test_meter_CFLAGS = $(UNITFLAGS)
tests_unit_test_meter_LDADD = $(UNITLIBS)

EXTRA_DIST += tests/system/test-dp-meter.sh

# The userspace datapath's side of them.
lib_libweir_a_SOURCES += lib/dpif-netdev-meter.c

FUZZ_TARGETS += tests/fuzz/fuzz-meter
tests_fuzz_fuzz_meter_SOURCES = tests/fuzz/fuzz-meter.c
tests_fuzz_fuzz_meter_LDADD = lib/libweir.a
tests_fuzz_fuzz_meter_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-meter
