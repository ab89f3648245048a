# Megaflows: the records of what was installed and why (ukeys), upcall
# handling and revalidation; and the bridge that joins ofproto, connmgr
# and the datapath.
ofproto_libofproto_a_SOURCES += \
	ofproto/ukey.h ofproto/ukey.c \
	ofproto/dpbridge.h ofproto/dpbridge-private.h ofproto/dpbridge.c \
	ofproto/dpbridge-ctl.c ofproto/dpbridge-xlate.c \
	ofproto/dpbridge-async.c ofproto/dpbridge-meter.c \
	ofproto/dpbridge-fail.c ofproto/dpbridge-resume.c \
	ofproto/xlate-normal.c \
	ofproto/upcall.c ofproto/revalidate.c

UNIT_TESTS += tests/unit/test-ukey
tests_unit_test_ukey_SOURCES = tests/unit/test-ukey.c
tests_unit_test_ukey_CFLAGS = $(UNITFLAGS)
tests_unit_test_ukey_LDADD = $(OFPROTO_UNITLIBS)
EXTRA_DIST += tests/system/switch-lib.sh tests/system/test-switch-normal.sh \
	tests/system/test-switch-openflow.sh \
	tests/system/test-switch-controller.sh \
	tests/system/test-switch-controller-of10.sh \
	tests/system/test-switch-actions.sh \
	tests/system/test-switch-ovs-vsctl.sh \
	tests/system/test-switch-ssl.sh \
	tests/system/test-switch-resume.sh tests/system/resume_client.py

# The whole bridge on dummy ports, in one process.
UNIT_TESTS += tests/unit/test-dpbridge
tests_unit_test_dpbridge_SOURCES = tests/unit/test-dpbridge.c
tests_unit_test_dpbridge_CFLAGS = $(UNITFLAGS)
tests_unit_test_dpbridge_LDADD = $(OFPROTO_UNITLIBS) $(JANSSON_LIBS)
