# Benchmarks ("make bench"); never part of the tests.
EXTRA_DIST += tests/bench/run.sh

BENCHES += tests/bench/bench-flow-extract
tests_bench_bench_flow_extract_SOURCES = tests/bench/bench-flow-extract.c
tests_bench_bench_flow_extract_LDADD = lib/libweir.a
# Open vSwitch peer of bench-flow-extract: built outside this build (and
# outside the repo) by ovs-peer.sh, which run.sh calls.
EXTRA_DIST += tests/bench/ovs-peer.sh tests/bench/bench-ovs-extract.c

BENCHES += tests/bench/bench-flow-lookup
tests_bench_bench_flow_lookup_SOURCES = tests/bench/bench-flow-lookup.c
tests_bench_bench_flow_lookup_LDADD = lib/libweir.a
