# OpenFlow messages: the message table, errors, hello negotiation.
lib_libweir_a_SOURCES += lib/ofp-version.h lib/bytebuf.h lib/bytebuf.c
lib_libweir_a_SOURCES += \
	lib/ofp-errors.h lib/ofp-errors-table.h lib/ofp-errors.c \
	lib/ofp-msgs.h lib/ofp-msgs.c \
	lib/ofp-hello.h lib/ofp-hello.c \
	lib/ofp-switch.h lib/ofp-switch.c \
	lib/ofp-role.h lib/ofp-role.c \
	lib/ofp-async.h lib/ofp-async.c \
	lib/ofp-port.h lib/ofp-port.c \
	lib/ofp-prop.h lib/ofp-prop.c \
	lib/ofp-print.h lib/ofp-print.c

# weir-ofctl lives here until its online commands arrive.
bin_PROGRAMS += utilities/weir-ofctl
utilities_weir_ofctl_SOURCES = utilities/weir-ofctl.c
utilities_weir_ofctl_LDADD = lib/libweir.a $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-ofp-msgs
tests_unit_test_ofp_msgs_SOURCES = tests/unit/test-ofp-msgs.c
tests_unit_test_ofp_msgs_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_msgs_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-ofp-errors
tests_unit_test_ofp_errors_SOURCES = tests/unit/test-ofp-errors.c
tests_unit_test_ofp_errors_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_errors_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-ofp-hello
tests_unit_test_ofp_hello_SOURCES = tests/unit/test-ofp-hello.c
tests_unit_test_ofp_hello_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_hello_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-ofp-print
tests_unit_test_ofp_print_SOURCES = tests/unit/test-ofp-print.c
tests_unit_test_ofp_print_CFLAGS = $(UNITFLAGS)
tests_unit_test_ofp_print_LDADD = $(UNITLIBS)

FUZZ_TARGETS += tests/fuzz/fuzz-ofp-msgs
tests_fuzz_fuzz_ofp_msgs_SOURCES = tests/fuzz/fuzz-ofp-msgs.c
tests_fuzz_fuzz_ofp_msgs_LDADD = lib/libweir.a
tests_fuzz_fuzz_ofp_msgs_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofp-msgs
