#!/bin/bash
# Weir's OpenFlow channel against Open vSwitch's own tools: connecting to
# ovs-testcontroller (the version agreed from header versions or from
# bitmaps, the controller's FEATURES_REQUEST received, no common version
# refused on both sides), and ovs-ofctl probing a Weir listener (HELLO,
# then an echo answered) over unix and TCP.  Needs no root.
. "$(dirname "$0")/lib.sh"
require_cmd ovs-testcontroller ovs-ofctl
PEER=$WEIR_BUILD/tests/tools/vconn-peer
[ -x "$PEER" ] || skip "vconn-peer is not built in $WEIR_BUILD"
export OVS_RUNDIR=$TEST_DIR/ovs OVS_LOGDIR=$TEST_DIR/ovs
mkdir -p "$OVS_RUNDIR"

# controller PORT [-O VERSIONS]: an ovs-testcontroller on 127.0.0.1:PORT.
controller() {
    local port=$1
    shift
    ovs-testcontroller "$@" ptcp:"$port":127.0.0.1 \
        >"$TEST_DIR/tc-$port.log" 2>&1 &
    _pids+=($!)
    wait_for 10 ss -Hltn "sport = :$port" || fail "ovs-testcontroller did not listen"
}

# A free port: one the kernel just gave and took back.
free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

P1=$(free_port); controller "$P1"
P2=$(free_port); controller "$P2" -O OpenFlow10,OpenFlow13

ALL=0x7e        # OpenFlow 1.0 to 1.5
out=$("$PEER" connect tcp:127.0.0.1:"$P1" $ALL 2>&1)
echo "$out"
assert_eq "highest common version with a default controller" \
    "version 0x06" "$(head -1 <<<"$out")"
assert_eq "the controller asks for features" \
    "first message type 5" "$(sed -n 2p <<<"$out")"
out=$("$PEER" connect tcp:127.0.0.1:"$P2" $ALL 2>&1)
echo "$out"
assert_eq "version from bitmaps (1.0 and 1.3 on their side)" \
    "version 0x04" "$(head -1 <<<"$out")"
out=$("$PEER" connect tcp:127.0.0.1:"$P2" 0x20 2>&1) && fail "1.4 only was accepted"
echo "$out"
check "no common version: refused here, saying so" \
    grep -q "no common versions" <<<"$out"
check "and there" wait_for 5 grep -q "version negotiation failed" "$TEST_DIR/tc-$P2.log"

PORT=$(free_port)
for pair in "punix:$TEST_DIR/of.sock unix:$TEST_DIR/of.sock" \
            "ptcp:$PORT:127.0.0.1 tcp:127.0.0.1:$PORT"; do
    read -r listen target <<<"$pair"
    "$PEER" listen "$listen" $ALL >"$TEST_DIR/peer.out" 2>&1 &
    peer=$!
    _pids+=($peer)
    case $target in
    unix:*) wait_for 10 test -S "${target#unix:}" ;;
    tcp:*) wait_for 10 ss -Hltn "sport = :${target##*:}" ;;
    esac
    check "ovs-ofctl probe over ${target%%:*}" ovs-ofctl -O OpenFlow13 probe "$target"
    wait "$peer" || true
    assert_eq "OpenFlow 1.3 agreed, echo answered (${target%%:*})" \
        "version 0x04 echo answered" "$(tr '\n' ' ' <"$TEST_DIR/peer.out" | sed 's/ $//')"
done
finish
