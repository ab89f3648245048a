#!/bin/bash
# The Open vSwitch peer of bench-flow-extract, for "make bench" (run.sh).
#
#   ovs-peer.sh build                       build the peer if missing, only
#   ovs-peer.sh WEIR_BENCH WEIR_OUTPUT      build if missing, run, compare
#
# OVS comes only from Debian's openvswitch-source (a tarball in /usr/src);
# nothing of it enters our repo.  It is unpacked into a cache directory
# outside the repo ($WEIR_BENCH_CACHE, default /var/cache/weir-bench), where
# just lib/libopenvswitch.la (and the headers it generates) is built once,
# and our driver tests/bench/bench-ovs-extract.c is compiled against it.
# The driver is given the very frames WEIR_BENCH builds ("--frames"), runs
# OVS's miniflow_extract() on them in the same way, and the two outputs are
# put side by side with the ratio Weir ns / OVS ns.
#
# On any failure this says why and exits 0, so "make bench" still shows
# Weir's figures.  Every step is bounded by a timeout; reruns reuse the cache.
set -u

here=$(cd "$(dirname "$0")" && pwd)
cache=${WEIR_BENCH_CACHE:-/var/cache/weir-bench}
tarball=/usr/src/openvswitch/openvswitch.tar.gz
driver_src=$here/bench-ovs-extract.c

say() { echo "ovs peer: $*"; }
fail() { say "$*; no OVS figures this run."; exit 0; }

# Debian packages the one-time build needs.
install_deps() {
    local need=() t
    [ -f "$tarball" ] || need+=(openvswitch-source)
    for t in gcc make python3; do
        command -v "$t" >/dev/null 2>&1 || need+=("$t")
    done
    [ -x /usr/bin/python3 ] || need+=(python3)
    [ ${#need[@]} -eq 0 ] && return 0
    [ "$(id -u)" = 0 ] || { say "need root to apt-get install ${need[*]}"; return 1; }
    say "installing from Debian: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get install -y -q "${need[@]}" >"$cache/apt.log" 2>&1 && return 0
    timeout 600 apt-get update -q >>"$cache/apt.log" 2>&1
    timeout 600 apt-get install -y -q "${need[@]}" >>"$cache/apt.log" 2>&1 ||
        { tail -n 5 "$cache/apt.log"; say "apt-get failed (log: $cache/apt.log)"; return 1; }
}

# Unpacks and builds OVS's library into $ovs unless already done.
build_ovs() {
    [ -f "$ovs/.weir-built" ] && return 0
    local log=$cache/ovs-build.log t0=$SECONDS
    say "building Open vSwitch $ver (lib/libopenvswitch.la) once into $ovs; later runs reuse it"
    rm -rf "$ovs" && mkdir -p "$ovs" &&
        tar -xzf "$tarball" -C "$ovs" --strip-components=1 || return 1
    # (No "set -e" here: it does not apply in a subshell tested with "||".)
    (
        cd "$ovs" &&
        # Python only generates headers; Debian's, not whatever is in PATH.
        timeout 600 ./configure --disable-ssl --disable-libcapng \
            PYTHON3=/usr/bin/python3 &&
        # Generated headers first: the library target alone does not make them.
        bs=$(make -s -f Makefile -f - print-built-sources \
             <<<'print-built-sources: ; @echo $(BUILT_SOURCES)') &&
        timeout 1200 make -j"$(nproc)" $bs &&
        timeout 1800 make -j"$(nproc)" lib/libopenvswitch.la
    ) >"$log" 2>&1 || { tail -n 15 "$log"; say "OVS build failed (log: $log)"; return 1; }
    touch "$ovs/.weir-built"
    say "OVS built in $((SECONDS - t0)) s (log: $log)"
}

# Compiles our driver against $ovs when missing or out of date.
build_driver() {
    local bin=$ovs/bench-ovs-extract
    if [ -x "$bin" ] && [ "$bin" -nt "$driver_src" ] && [ "$bin" -nt "$ovs/.weir-built" ]; then
        return 0
    fi
    (
        cd "$ovs" &&
        timeout 300 gcc -std=gnu11 -g -O2 -Wall -I. -Iinclude -Ilib \
            -c "$driver_src" -o bench-ovs-extract.o &&
        timeout 300 ./libtool --quiet --mode=link gcc -g -O2 \
            -o bench-ovs-extract bench-ovs-extract.o lib/libopenvswitch.la
    ) >"$cache/driver-build.log" 2>&1 ||
        { tail -n 15 "$cache/driver-build.log"; say "driver build failed"; return 1; }
}

mkdir -p "$cache" 2>/dev/null || fail "cannot create cache dir $cache"
exec 9>"$cache/lock"
flock -w 3600 9 || fail "cache $cache busy (another build) for an hour"
install_deps || fail "missing dependencies"
ver=$(dpkg-query -W -f='${Version}' openvswitch-source 2>/dev/null)
[ -n "$ver" ] || fail "cannot tell the openvswitch-source version"
ovs=$cache/openvswitch-$ver
build_ovs || fail "cannot build OVS"
build_driver || fail "cannot build bench-ovs-extract"
flock -u 9
[ "${1:-}" = build ] && { say "ready: $ovs/bench-ovs-extract"; exit 0; }

weir_bench=$1 weir_out=$2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$weir_bench" --frames >"$tmp/frames" || fail "$weir_bench --frames failed"
echo "## openvswitch $ver: $ovs/bench-ovs-extract (cache $cache)"
timeout 1800 "$ovs/bench-ovs-extract" "$tmp/frames" | tee "$tmp/ovs"
[ "${PIPESTATUS[0]}" = 0 ] || fail "bench-ovs-extract failed"

# Figure lines are "  NAME  NS"; pair them by name.
echo "## ratio Weir / OVS (ns per packet; below 1.00 means Weir is faster)"
awk '
    BEGIN { printf "  %-18s %6s %6s  %5s\n", "", "Weir", "OVS", "ratio" }
    /^  / { ns = $NF; name = $0; sub(/^ +/, "", name); sub(/ +[^ ]+$/, "", name) }
    /^  / && FNR == NR { weir[name] = ns; next }
    /^  / && (name in weir) && ns > 0 {
        printf "  %-18s %6.1f %6.1f  %5.2f\n", name, weir[name], ns, weir[name] / ns
    }' "$weir_out" "$tmp/ovs"
