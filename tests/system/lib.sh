# The system-test harness, sourced by every tests/system/test-*.sh.
#
# A test builds a topology of network namespaces joined by veth pairs, sends
# real or crafted traffic, captures what arrives, and asserts on it.  All it
# creates carries a prefix unique to the run and is torn down on any exit:
# success, failure, an error under "set -e", or an interrupt.
#
# Exit status: 0 pass, 77 skip, anything else fail (see tests/run-system.sh).
# WEIR_BUILD names the build directory; WEIR_KEEP=1 keeps the scratch files.

set -eEu -o pipefail

PY=/usr/bin/python3             # Debian's python, which sees python3-scapy
SYSTEM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WEIR_BUILD=${WEIR_BUILD:-$SYSTEM_DIR/../../build}
PREFIX=w$$x                     # namespace names: short, unique per run
CAPTURE_TIMEOUT=30              # seconds a capture may run at most
TEST_DIR=$(mktemp -d --suffix="-weir-$(basename "$0" .sh)")

_namespaces=()
_pids=()
declare -A _capture_pid         # capture file -> dumpcap's pid
_failures=0

_cleanup() {
    local pid ns
    trap - ERR
    set +e
    for pid in "${_pids[@]}"; do
        kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    done
    for ns in "${_namespaces[@]}"; do
        ip netns del "$ns" 2>/dev/null
    done
    if [ "${WEIR_KEEP:-0}" = 1 ]; then
        echo "scratch files kept in $TEST_DIR"
    else
        rm -rf "$TEST_DIR"
    fi
}
trap _cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND (exit $?)" >&2' ERR

skip() {
    echo "SKIP: $*"
    exit 77
}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

require_root() {
    [ "$(id -u)" = 0 ] || skip "needs root (network namespaces)"
    ip netns add "${PREFIX}probe" 2>/dev/null ||
        skip "cannot create network namespaces here"
    ip netns del "${PREFIX}probe"
}

require_cmd() {
    local cmd
    for cmd; do
        command -v "$cmd" >/dev/null || skip "needs $cmd"
    done
}

require_scapy() {
    "$PY" -c 'import scapy.all' 2>/dev/null ||
        skip "needs scapy: apt-get install python3-scapy"
}

# Runs the flow-keys tool of the build under test.
flow_keys() {
    local tool=$WEIR_BUILD/tests/tools/flow-keys
    [ -x "$tool" ] || fail "$tool is not built (make in $WEIR_BUILD)"
    "$tool" "$@"
}

# ns_add NAME...: creates namespaces, known to tests by their short names.
ns_add() {
    local name
    for name; do
        ip netns add "$PREFIX$name"
        _namespaces+=("$PREFIX$name")
        ns_exec "$name" ip link set lo up
    done
}

# ns_exec NAME CMD...: runs CMD inside namespace NAME.
ns_exec() {
    local name=$1
    shift
    ip netns exec "$PREFIX$name" "$@"
}

# ns_bg NAME CMD...: starts CMD in the background inside NAME; it is killed
# at exit.  Sets BG_PID.
ns_bg() {
    local name=$1
    shift
    ip netns exec "$PREFIX$name" "$@" &
    BG_PID=$!
    _pids+=("$BG_PID")
}

# veth_add NS1 IF1 NS2 IF2: a veth pair, one end in each namespace, both up.
veth_add() {
    ip link add "$2" netns "$PREFIX$1" type veth peer name "$4" \
        netns "$PREFIX$3"
    ns_exec "$1" ip link set "$2" up
    ns_exec "$3" ip link set "$4" up
}

mac_of() {
    ns_exec "$1" cat "/sys/class/net/$2/address"
}

# wait_for SECONDS CMD...: retries CMD until it succeeds, or fails.
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@" 2>/dev/null; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

# wait_listen NS PORT: waits until a TCP socket listens on PORT in NS.
wait_listen() {
    wait_for 10 _listening "$@" || fail "nothing listens on $1 port $2"
}

_listening() {
    ns_exec "$1" ss -Hltn "sport = :$2" | grep -q LISTEN
}

# capture_start NS IF FILE [FILTER]: captures what IF sees into the pcap
# FILE, with an optional libpcap capture filter; returns once capturing.
capture_start() {
    local ns=$1 dev=$2 file=$3 filter=${4:-}
    ns_bg "$ns" dumpcap -q -P -i "$dev" -w "$file" \
        -a "duration:$CAPTURE_TIMEOUT" ${filter:+-f "$filter"} \
        2>"$file.log"
    _capture_pid[$file]=$BG_PID
    wait_for 10 grep -q "Capturing on" "$file.log" ||
        fail "capture on $ns/$dev did not start: $(cat "$file.log")"
}

# capture_stop FILE: ends the capture into FILE and waits until it is
# written.
capture_stop() {
    local pid=${_capture_pid[$1]}
    sleep 0.5                   # let the last frames reach the ring
    kill -INT "$pid" 2>/dev/null || true
    timeout 10 tail --pid="$pid" -f /dev/null ||
        fail "capture into $1 did not stop"
}

# send_frames NS IF EXPR...: sends the frames of scapy expressions EXPR from
# interface IF of namespace NS.
send_frames() {
    local ns=$1 dev=$2
    shift 2
    ns_exec "$ns" "$PY" - "$dev" "$@" <<'EOF'
import sys
from scapy.all import *
from scapy.contrib.mpls import MPLS
sendp([eval(e) for e in sys.argv[2:]], iface=sys.argv[1], verbose=False)
EOF
}

# weir_start NS: starts weir-vswitchd in the foreground inside namespace NS
# (killed at exit, which it survives cleanly), its run directory, control
# socket and log (WEIR_LOG) in TEST_DIR; skips if it is not built.  Then
# dpctl and appctl talk to it.
weir_start() {
    local daemon=$WEIR_BUILD/vswitchd/weir-vswitchd
    [ -x "$daemon" ] && [ -x "$WEIR_BUILD/utilities/weir-dpctl" ] ||
        skip "weir-vswitchd and weir-dpctl are not built in $WEIR_BUILD"
    export WEIR_RUNDIR=$TEST_DIR/run
    WEIR_CTL=$WEIR_RUNDIR/weir-vswitchd.ctl
    WEIR_LOG=$TEST_DIR/weir-vswitchd.log
    ns_bg "$1" "$daemon" --pidfile --log-file="$WEIR_LOG"
    WEIR_PID=$BG_PID
    wait_for 10 test -S "$WEIR_CTL" ||
        fail "weir-vswitchd did not start: $(cat "$TEST_DIR/weir-vswitchd.log")"
}

dpctl() {
    "$WEIR_BUILD/utilities/weir-dpctl" --unixctl="$WEIR_CTL" "$@"
}

appctl() {
    "$WEIR_BUILD/utilities/weir-appctl" -t "$WEIR_CTL" "$@"
}

# weir_stopped: waits until the daemon has exited, and checks that it
# cleaned up after itself and that no sanitizer complained.
weir_stopped() {
    wait_for 10 bash -c "! kill -0 $WEIR_PID" || return 1
    ! test -e "$WEIR_CTL" && ! test -e "$WEIR_RUNDIR/weir-vswitchd.pid" &&
        ! grep -E 'Sanitizer|runtime error' "$WEIR_LOG"
}

# check WHAT CMD...: records a failure unless CMD succeeds; the test goes on.
check() {
    local what=$1
    shift
    if "$@" >&2; then
        echo "ok: $what"
    else
        echo "FAIL: $what" >&2
        _failures=$((_failures + 1))
    fi
}

# assert_eq WHAT EXPECTED SEEN
assert_eq() {
    check "$1" _equal "$2" "$3"
}

_equal() {
    [ "$1" = "$2" ] || echo "  expected '$1', saw '$2'"
    [ "$1" = "$2" ]
}

# assert_flow KEYS WHAT FIELD=VALUE...: some line of KEYS (flow-keys output)
# has every FIELD=VALUE.
assert_flow() {
    check "$2" "$PY" "$SYSTEM_DIR/flowmatch.py" "$1" "${@:3}"
}

# finish: the test's exit, after every assertion had its say.
finish() {
    [ "$_failures" -eq 0 ] || fail "$_failures assertion(s) failed"
    exit 0
}
