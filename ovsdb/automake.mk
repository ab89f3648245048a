# The OVSDB server (weir-dbd) and its storage.

# The storage log: framed JSON records, group commit, compaction.
lib_libweir_a_SOURCES += ovsdb/ovsdb-log.h ovsdb/ovsdb-log.c

UNIT_TESTS += tests/unit/test-ovsdb-log
tests_unit_test_ovsdb_log_SOURCES = tests/unit/test-ovsdb-log.c
tests_unit_test_ovsdb_log_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_log_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

FUZZ_TARGETS += tests/fuzz/fuzz-ovsdb-log
tests_fuzz_fuzz_ovsdb_log_SOURCES = tests/fuzz/fuzz-ovsdb-log.c
tests_fuzz_fuzz_ovsdb_log_LDADD = lib/libweir.a $(JANSSON_LIBS)
tests_fuzz_fuzz_ovsdb_log_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ovsdb-log

# The vswitch schema: Weir's Open_vSwitch database, installed for weir-dbd.
dist_pkgdata_DATA = vswitchd/vswitch.ovsschema

UNIT_TESTS += tests/unit/test-vswitch-schema
tests_unit_test_vswitch_schema_SOURCES = tests/unit/test-vswitch-schema.c
tests_unit_test_vswitch_schema_CFLAGS = $(UNITFLAGS) \
	-DVSWITCH_SCHEMA='"$(abs_top_srcdir)/vswitchd/vswitch.ovsschema"'
tests_unit_test_vswitch_schema_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

# The server.
lib_libweir_a_SOURCES += \
	ovsdb/dbd-db.h ovsdb/dbd-db.c \
	ovsdb/dbd-lock.h ovsdb/dbd-lock.c \
	ovsdb/dbd-server.h ovsdb/dbd-server.c ovsdb/dbd-methods.c

bin_PROGRAMS += ovsdb/weir-dbd ovsdb/weir-dbtool
ovsdb_weir_dbd_SOURCES = ovsdb/weir-dbd.c
ovsdb_weir_dbd_LDADD = lib/libweir.a $(JANSSON_LIBS)
ovsdb_weir_dbtool_SOURCES = ovsdb/weir-dbtool.c
ovsdb_weir_dbtool_LDADD = lib/libweir.a $(JANSSON_LIBS)
