# OVSDB data model (RFC 7047): uuids, types, atoms and datums, schemas,
# rows, conditions and mutations; shared by the server and its clients.
lib_libweir_a_SOURCES += \
	lib/uuid.h lib/uuid.c \
	lib/ovsdb-error.h lib/ovsdb-error.c \
	lib/ovsdb-parser.h lib/ovsdb-parser.c \
	lib/ovsdb-symbol.h lib/ovsdb-symbol.c \
	lib/ovsdb-types.h lib/ovsdb-types.c \
	lib/ovsdb-data.h lib/ovsdb-data.c \
	lib/ovsdb-schema.h lib/ovsdb-schema.c \
	lib/ovsdb-row.h lib/ovsdb-row.c \
	lib/ovsdb-condition.h lib/ovsdb-condition.c \
	lib/ovsdb-mutation.h lib/ovsdb-mutation.c

EXTRA_DIST += tests/ovsdb/test-schema.h tests/unit/ovsdb-check.h

UNIT_TESTS += tests/unit/test-ovsdb-uuid
tests_unit_test_ovsdb_uuid_SOURCES = tests/unit/test-ovsdb-uuid.c
tests_unit_test_ovsdb_uuid_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_uuid_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-ovsdb-types
tests_unit_test_ovsdb_types_SOURCES = tests/unit/test-ovsdb-types.c
tests_unit_test_ovsdb_types_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_types_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-ovsdb-data
tests_unit_test_ovsdb_data_SOURCES = tests/unit/test-ovsdb-data.c
tests_unit_test_ovsdb_data_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_data_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-ovsdb-schema
tests_unit_test_ovsdb_schema_SOURCES = tests/unit/test-ovsdb-schema.c
tests_unit_test_ovsdb_schema_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_schema_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-ovsdb-row
tests_unit_test_ovsdb_row_SOURCES = tests/unit/test-ovsdb-row.c
tests_unit_test_ovsdb_row_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_row_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-ovsdb-condition
tests_unit_test_ovsdb_condition_SOURCES = tests/unit/test-ovsdb-condition.c
tests_unit_test_ovsdb_condition_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_condition_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-ovsdb-mutation
tests_unit_test_ovsdb_mutation_SOURCES = tests/unit/test-ovsdb-mutation.c
tests_unit_test_ovsdb_mutation_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_mutation_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

FUZZ_TARGETS += tests/fuzz/fuzz-ovsdb-schema
tests_fuzz_fuzz_ovsdb_schema_SOURCES = tests/fuzz/fuzz-ovsdb-schema.c
tests_fuzz_fuzz_ovsdb_schema_LDADD = lib/libweir.a $(JANSSON_LIBS)
tests_fuzz_fuzz_ovsdb_schema_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ovsdb-schema

FUZZ_TARGETS += tests/fuzz/fuzz-ovsdb-data
tests_fuzz_fuzz_ovsdb_data_SOURCES = tests/fuzz/fuzz-ovsdb-data.c
tests_fuzz_fuzz_ovsdb_data_LDADD = lib/libweir.a $(JANSSON_LIBS)
tests_fuzz_fuzz_ovsdb_data_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-ovsdb-data

UNIT_TESTS += tests/unit/test-ovsdb-oracle
tests_unit_test_ovsdb_oracle_SOURCES = tests/unit/test-ovsdb-oracle.c
tests_unit_test_ovsdb_oracle_CFLAGS = $(UNITFLAGS)
tests_unit_test_ovsdb_oracle_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

# The client replica (ovsdb-idl) and weir-vsctl's parsers and formatters.
lib_libweir_a_SOURCES += \
	lib/ovsdb-idl.h lib/ovsdb-idl-private.h \
	lib/ovsdb-idl.c lib/ovsdb-idl-txn.c

VSCTL_CORE = utilities/vsctl.h utilities/vsctl-value.c \
	utilities/vsctl-table.c

UNIT_TESTS += tests/unit/test-vsctl-value
tests_unit_test_vsctl_value_SOURCES = tests/unit/test-vsctl-value.c \
	$(VSCTL_CORE)
tests_unit_test_vsctl_value_CFLAGS = $(UNITFLAGS) -I$(srcdir)/utilities
tests_unit_test_vsctl_value_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-vsctl-table
tests_unit_test_vsctl_table_SOURCES = tests/unit/test-vsctl-table.c \
	$(VSCTL_CORE)
tests_unit_test_vsctl_table_CFLAGS = $(UNITFLAGS) -I$(srcdir)/utilities
tests_unit_test_vsctl_table_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

FUZZ_TARGETS += tests/fuzz/fuzz-vsctl-value
tests_fuzz_fuzz_vsctl_value_SOURCES = tests/fuzz/fuzz-vsctl-value.c \
	$(VSCTL_CORE)
tests_fuzz_fuzz_vsctl_value_CFLAGS = $(AM_CFLAGS) -I$(srcdir)/utilities
tests_fuzz_fuzz_vsctl_value_LDADD = lib/libweir.a $(JANSSON_LIBS)
tests_fuzz_fuzz_vsctl_value_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-vsctl-value

UNIT_TESTS += tests/unit/test-vsctl-idl
tests_unit_test_vsctl_idl_SOURCES = tests/unit/test-vsctl-idl.c
tests_unit_test_vsctl_idl_CFLAGS = $(UNITFLAGS)
tests_unit_test_vsctl_idl_LDADD = $(UNITLIBS) $(JANSSON_LIBS)
