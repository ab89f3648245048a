# The connection manager: a bridge's OpenFlow connections (connmgr, ofconn)
# and packet-in rate limiting (pinsched).
ofproto_libofproto_a_SOURCES += \
	ofproto/connmgr.h ofproto/connmgr.c ofproto/connmgr-private.h \
	ofproto/ofconn.h ofproto/ofconn.c ofproto/ofconn-msgs.c \
	ofproto/pinsched.h ofproto/pinsched.c

noinst_PROGRAMS += tests/tools/connmgr-driver
tests_tools_connmgr_driver_SOURCES = tests/tools/connmgr-driver.c
tests_tools_connmgr_driver_LDADD = ofproto/libofproto.a lib/libweir.a \
	$(JANSSON_LIBS)
EXTRA_DIST += tests/system/test-connmgr.sh tests/system/ofclient.py \
	tests/system/connmgr_roles.py tests/system/connmgr_peer.py

UNIT_TESTS += tests/unit/test-connmgr
tests_unit_test_connmgr_SOURCES = tests/unit/test-connmgr.c
tests_unit_test_connmgr_CFLAGS = $(UNITFLAGS)
tests_unit_test_connmgr_LDADD = $(OFPROTO_UNITLIBS) $(JANSSON_LIBS)

FUZZ_TARGETS += tests/fuzz/fuzz-ofconn
tests_fuzz_fuzz_ofconn_SOURCES = tests/fuzz/fuzz-ofconn.c
tests_fuzz_fuzz_ofconn_LDADD = ofproto/libofproto.a lib/libweir.a \
	$(JANSSON_LIBS)
tests_fuzz_fuzz_ofconn_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ofconn
