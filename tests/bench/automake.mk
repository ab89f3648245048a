# Benchmarks ("make bench"); never part of the tests.
EXTRA_DIST += tests/bench/run.sh
# Forwarding between veth ports with ../shared/bench (run.sh calls it as
# root): the daemon and its clients against OVS and a bare forwarder.
EXTRA_DIST += tests/bench/forwarding.sh tests/bench/switch-weir.sh \
	tests/bench/forwarding-cycles.sh
bench: vswitchd/weir-vswitchd utilities/weir-dpctl utilities/weir-appctl
# The whole switch against Debian's ovs-vswitchd (run.sh, as root): the
# control plane, megaflow set-up rate, flow_mod latency under 100k
# megaflows; daemon-lib.sh is what the three share.
EXTRA_DIST += tests/bench/daemon-lib.sh tests/bench/ctrlplane.sh \
	tests/bench/upcall-rate.sh tests/bench/flowmod-latency.sh
bench: utilities/weir-vsctl

BENCHES += tests/bench/bench-flow-extract
tests_bench_bench_flow_extract_SOURCES = tests/bench/bench-flow-extract.c
tests_bench_bench_flow_extract_LDADD = lib/libweir.a
# Open vSwitch peer of bench-flow-extract: built outside this build (and
# outside the repo) by ovs-peer.sh, which run.sh calls.
EXTRA_DIST += tests/bench/ovs-peer.sh tests/bench/bench-ovs-extract.c

BENCHES += tests/bench/bench-flow-lookup
tests_bench_bench_flow_lookup_SOURCES = tests/bench/bench-flow-lookup.c
tests_bench_bench_flow_lookup_LDADD = lib/libweir.a

# OVSDB: weir-dbd against Debian's ovsdb-server (ovsdb.sh, which run.sh
# calls), with one client program for both.
BENCHES += tests/bench/bench-ovsdb
tests_bench_bench_ovsdb_SOURCES = tests/bench/bench-ovsdb.c
tests_bench_bench_ovsdb_LDADD = lib/libweir.a $(JANSSON_LIBS)
EXTRA_DIST += tests/bench/ovsdb.sh
bench: ovsdb/weir-dbd ovsdb/weir-dbtool
