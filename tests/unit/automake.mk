# Unit test programs (cmocka), one per module.  Each needs the four lines
# below; "make check" runs them all.
EXTRA_DIST += tests/unit/frame-builder.h

UNIT_TESTS += tests/unit/test-flow-extract
tests_unit_test_flow_extract_SOURCES = tests/unit/test-flow-extract.c
tests_unit_test_flow_extract_CFLAGS = $(UNITFLAGS)
tests_unit_test_flow_extract_LDADD = $(UNITLIBS)
