# The OVSDB server (weir-dbd) and its storage.

# The storage log: framed JSON records, group commit, compaction; its
# checksum, CRC32c eight bytes at a time.
lib_libweir_a_SOURCES += ovsdb/ovsdb-log.h ovsdb/ovsdb-log.c \
	ovsdb/json-text.h ovsdb/json-text.c \
	lib/crc32c-fast.h lib/crc32c-fast.c

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

# The transaction engine: the database in memory, transactions, the
# RFC 7047 operations, commit checks, and the log record format.
lib_libweir_a_SOURCES += \
	ovsdb/db.h ovsdb/db.c ovsdb/refs.h ovsdb/refs.c \
	ovsdb/db-index.h ovsdb/db-index.c \
	ovsdb/txn.h ovsdb/txn.c ovsdb/txn-commit.c \
	ovsdb/txn-ops.h ovsdb/txn-ops.c \
	ovsdb/db-file.h ovsdb/db-file.c \
	ovsdb/monitor.h ovsdb/monitor.c

# The server.
lib_libweir_a_SOURCES += \
	ovsdb/dbd-db.h ovsdb/dbd-db.c \
	ovsdb/dbd-lock.h ovsdb/dbd-lock.c \
	ovsdb/dbd-server.h ovsdb/dbd-server.c ovsdb/dbd-methods.c \
	ovsdb/dbd-txn.h ovsdb/dbd-txn.c \
	ovsdb/dbd-monitor.h ovsdb/dbd-monitor.c

bin_PROGRAMS += ovsdb/weir-dbd ovsdb/weir-dbtool
ovsdb_weir_dbd_SOURCES = ovsdb/weir-dbd.c
ovsdb_weir_dbd_LDADD = lib/libweir.a $(JANSSON_LIBS)
ovsdb_weir_dbtool_SOURCES = ovsdb/weir-dbtool.c
ovsdb_weir_dbtool_LDADD = lib/libweir.a $(JANSSON_LIBS)

EXTRA_DIST += tests/unit/ovsdb-txn-check.h

UNIT_TESTS += tests/unit/test-ovsdb-txn
tests_unit_test_ovsdb_txn_SOURCES = tests/unit/test-ovsdb-txn.c
tests_unit_test_ovsdb_txn_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_txn_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-ovsdb-txn-file
tests_unit_test_ovsdb_txn_file_SOURCES = tests/unit/test-ovsdb-txn-file.c
tests_unit_test_ovsdb_txn_file_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_txn_file_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

FUZZ_TARGETS += tests/fuzz/fuzz-ovsdb-txn
tests_fuzz_fuzz_ovsdb_txn_SOURCES = tests/fuzz/fuzz-ovsdb-txn.c
tests_fuzz_fuzz_ovsdb_txn_CFLAGS = $(AM_CFLAGS) \
	-DVSWITCH_SCHEMA='"$(abs_top_srcdir)/vswitchd/vswitch.ovsschema"'
tests_fuzz_fuzz_ovsdb_txn_LDADD = lib/libweir.a $(JANSSON_LIBS)
tests_fuzz_fuzz_ovsdb_txn_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ovsdb-txn

EXTRA_DIST += tests/system/test-dbd-txn.sh tests/system/dbd_compare.py \
	tests/system/dbd_crash.py tests/system/dbd_monitor.py \
	tests/system/dbd_full.py tests/system/dbd_cancel.py \
	tests/system/dbd-txn-cases.json

UNIT_TESTS += tests/unit/test-ovsdb-txn-monitor
tests_unit_test_ovsdb_txn_monitor_SOURCES = tests/unit/test-ovsdb-txn-monitor.c
tests_unit_test_ovsdb_txn_monitor_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_txn_monitor_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-ovsdb-json-text
tests_unit_test_ovsdb_json_text_SOURCES = tests/unit/test-ovsdb-json-text.c
tests_unit_test_ovsdb_json_text_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_json_text_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-crc32c-fast
tests_unit_test_crc32c_fast_SOURCES = tests/unit/test-crc32c-fast.c
tests_unit_test_crc32c_fast_CFLAGS = $(UNITFLAGS)
tests_unit_test_crc32c_fast_LDADD = $(UNITLIBS)
