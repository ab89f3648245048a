# Benchmarks ("make bench"); never part of the tests.
EXTRA_DIST += tests/bench/run.sh

BENCHES += tests/bench/bench-flow-extract
tests_bench_bench_flow_extract_SOURCES = tests/bench/bench-flow-extract.c
tests_bench_bench_flow_extract_LDADD = lib/libweir.a
