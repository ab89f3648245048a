# Megaflows: the records of what was installed and why (ukeys), upcall
# handling and revalidation.
ofproto_libofproto_a_SOURCES += ofproto/ukey.h ofproto/ukey.c

UNIT_TESTS += tests/unit/test-ukey
tests_unit_test_ukey_SOURCES = tests/unit/test-ukey.c
tests_unit_test_ukey_CFLAGS = $(UNITFLAGS)
tests_unit_test_ukey_LDADD = $(OFPROTO_UNITLIBS)
