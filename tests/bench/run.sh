#!/bin/bash
# Runs each benchmark program given, printing the machine first so that
# figures copied into docs/PERFORMANCE.md say where they were measured.
# bench-flow-extract is followed by its Open vSwitch peer and the ratios
# (ovs-peer.sh; it builds the peer once into a cache outside the repo).
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
out=$(mktemp) && trap 'rm -f "$out"' EXIT
for b in "$@"; do
    echo "## $b"
    "./$b" | tee "$out"
    [ "${PIPESTATUS[0]}" = 0 ] || exit 1
    case $b in
    */bench-flow-extract) "$(dirname "$0")/ovs-peer.sh" "./$b" "$out" ;;
    esac
done
