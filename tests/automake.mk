# Tests: unit (cmocka), fuzz (libFuzzer), bench.
UNITLIBS = lib/libweir.a $(CMOCKA_LIBS)
# Unit tests of ofproto/ code link its library first.
OFPROTO_UNITLIBS = ofproto/libofproto.a $(UNITLIBS)
UNITFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
FUZZLINK = $(AM_LDFLAGS) $(FUZZ_CFLAGS)

EXTRA_DIST += tests/run-unit.sh tests/run-fuzz.sh tests/run-system.sh tests/run-all.sh

include tests/unit/automake.mk
include tests/fuzz/automake.mk
include tests/bench/automake.mk
include tests/tools/automake.mk
include tests/system/automake.mk
