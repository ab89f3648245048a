# The daemon's configuration side (vswitchd/bridge.h): a library that
# weir-vswitchd and the tests link.
noinst_LIBRARIES += vswitchd/libbridge.a
vswitchd_libbridge_a_SOURCES = \
	vswitchd/bridge.h vswitchd/bridge-private.h \
	vswitchd/bridge.c vswitchd/bridge-apply.c vswitchd/bridge-compare.c \
	vswitchd/bridge-config.c vswitchd/bridge-db.c vswitchd/bridge-smap.c \
	vswitchd/bridge-status.c
BRIDGE_LIBS = vswitchd/libbridge.a lib/libweir.a $(JANSSON_LIBS)

# Records the ops a database change causes (tests/system/test-bridge-*.sh).
noinst_PROGRAMS += tests/tools/bridge-driver
tests_tools_bridge_driver_SOURCES = tests/tools/bridge-driver.c
tests_tools_bridge_driver_LDADD = $(BRIDGE_LIBS)

EXTRA_DIST += tests/system/test-bridge-config.sh

UNIT_TESTS += tests/unit/test-bridge-apply
tests_unit_test_bridge_apply_SOURCES = tests/unit/test-bridge-apply.c
tests_unit_test_bridge_apply_CFLAGS = $(UNITFLAGS)
tests_unit_test_bridge_apply_LDADD = vswitchd/libbridge.a $(UNITLIBS) $(JANSSON_LIBS)

# Arbitrary database contents: read, applied twice, status written.
FUZZ_TARGETS += tests/fuzz/fuzz-bridge-config
tests_fuzz_fuzz_bridge_config_SOURCES = tests/fuzz/fuzz-bridge-config.c
tests_fuzz_fuzz_bridge_config_CFLAGS = $(AM_CFLAGS) \
	-DVSWITCH_SCHEMA='"$(abs_top_srcdir)/vswitchd/vswitch.ovsschema"'
tests_fuzz_fuzz_bridge_config_LDADD = $(BRIDGE_LIBS)
tests_fuzz_fuzz_bridge_config_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-bridge-config
