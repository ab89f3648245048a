#!/bin/bash
# Runs each benchmark program given, printing the machine first so that
# figures copied into docs/PERFORMANCE.md say where they were measured.
# bench-flow-extract is followed by its Open vSwitch peer and the ratios
# (ovs-peer.sh; it builds the peer once into a cache outside the repo).
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
out=$(mktemp) && trap 'rm -f "$out"' EXIT
for b in "$@"; do
    case $b in */bench-ovsdb) continue ;; esac   # a client: ovsdb.sh runs it
    echo "## $b"
    "./$b" | tee "$out"
    [ "${PIPESTATUS[0]}" = 0 ] || exit 1
    case $b in
    */bench-flow-extract) "$(dirname "$0")/ovs-peer.sh" "./$b" "$out" ;;
    esac
done
# weir-dbd against Debian's ovsdb-server, same client and workloads.
echo "## ovsdb (tests/bench/ovsdb.sh)"
"$(dirname "$0")/ovsdb.sh" . || exit 1
# Forwarding between veth ports with ../shared/bench (forwarding.sh, about
# 7.5 minutes): only as root and where the harness is; WEIR_BENCH_FORWARDING=0
# leaves it out.
pb=${PB_DIR:-$(dirname "$0")/../../../shared/bench}
if [ "${WEIR_BENCH_FORWARDING:-1}" != 0 ] && [ "$(id -u)" = 0 ] &&
   [ -x "$pb/run_dataplane.sh" ]; then
    echo "## forwarding (tests/bench/forwarding.sh)"
    PB_DIR=$(cd "$pb" && pwd) "$(dirname "$0")/forwarding.sh" || exit 1
fi
# The whole switch against ovs-vswitchd (about 6 minutes), the same way;
# WEIR_BENCH_SWITCH=0 leaves it out.
if [ "${WEIR_BENCH_SWITCH:-1}" != 0 ] && [ "$(id -u)" = 0 ] &&
   [ -x "$pb/run_ctrlplane.sh" ]; then
    for s in ctrlplane upcall-rate flowmod-latency; do
        echo "## $s (tests/bench/$s.sh)"
        PB_DIR=$(cd "$pb" && pwd) "$(dirname "$0")/$s.sh" || exit 1
    done
fi
