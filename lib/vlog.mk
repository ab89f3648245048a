# Logging modules (vlog), coverage counters and memory/show, with their
# control commands for every daemon.
lib_libweir_a_SOURCES += \
	lib/vlog.h lib/vlog.c lib/vlog-unixctl.c \
	lib/vlog-syslog.h lib/vlog-syslog.c \
	lib/coverage.h lib/coverage.c lib/coverage-unixctl.c \
	lib/memory.h lib/memory.c lib/memory-unixctl.c

UNIT_TESTS += tests/unit/test-vlog
tests_unit_test_vlog_SOURCES = tests/unit/test-vlog.c
tests_unit_test_vlog_CFLAGS = $(UNITFLAGS)
tests_unit_test_vlog_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-coverage
tests_unit_test_coverage_SOURCES = tests/unit/test-coverage.c
tests_unit_test_coverage_CFLAGS = $(UNITFLAGS)
tests_unit_test_coverage_LDADD = $(UNITLIBS) -lpthread

EXTRA_DIST += tests/system/test-appctl-vlog.sh

FUZZ_TARGETS += tests/fuzz/fuzz-vlog-spec
tests_fuzz_fuzz_vlog_spec_SOURCES = tests/fuzz/fuzz-vlog-spec.c
tests_fuzz_fuzz_vlog_spec_LDADD = lib/libweir.a
tests_fuzz_fuzz_vlog_spec_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-vlog-spec
