#!/bin/bash
# The connection manager against real OpenFlow clients: Debian's ovs-ofctl
# (show, dump-desc, probe, ping, monitor in each packet-in format) on the
# management socket and on a ptcp listener, version negotiation refused,
# roles and the requests the connection layer answers (raw client, replies
# rendered by ovs-ofctl ofp-print), an active controller
# (ovs-testcontroller) that connects, is killed and comes back, back-off,
# inactivity probes, and packet-in rate limits.  Needs no root.
. "$(dirname "$0")/lib.sh"
require_cmd ovs-ofctl ovs-appctl ovs-testcontroller
DRIVER=$WEIR_BUILD/tests/tools/connmgr-driver
[ -x "$DRIVER" ] || skip "connmgr-driver is not built in $WEIR_BUILD"
export OVS_RUNDIR=$TEST_DIR OVS_LOGDIR=$TEST_DIR
cd "$TEST_DIR"

free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# driver BRIDGE [OPTION]...: a connection manager for BRIDGE, its commands
# on $TEST_DIR/BRIDGE.ctl.
driver() {
    local br=$1
    shift
    "$DRIVER" "$br" "$TEST_DIR/$br.ctl" "$@" >"$TEST_DIR/$br.log" 2>&1 &
    _pids+=($!)
    wait_for 10 test -S "$TEST_DIR/$br.ctl" || fail "driver $br did not start"
}

ctl() {
    local br=$1
    shift
    ovs-appctl -t "$TEST_DIR/$br.ctl" "$@"
}

# received_has BRIDGE PATTERN: the handler of BRIDGE was given a message
# (or a sync) matching PATTERN.
received_has() {
    ctl "$1" received | grep -q "$2"
}

# each_has N PATTERN NAME...: every NAME.mon has N lines matching PATTERN.
each_has() {
    local n=$1 pattern=$2 name
    shift 2
    for name; do
        [ "$(grep -c "$pattern" "$name.mon")" -ge "$n" ] || return 1
    done
}

n_syncs() {
    ctl br0 received | grep -c '^sync$' || true
}

syncs_above() {
    [ "$(n_syncs)" -gt "$1" ]
}

# monitor NAME [OPTION]... TARGET [ARG]...: ovs-ofctl monitor on br0's
# connection manager in the background, output in NAME.mon; waits until
# its set-up ended with a barrier (and a little more for a second one).
monitor() {
    local name=$1 before
    shift
    before=$(n_syncs)
    ovs-ofctl monitor "$@" >"$name.mon" 2>&1 &
    _pids+=($!)
    wait_for 10 syncs_above "$before" || fail "monitor $name did not start"
    sleep 0.3
}

peer() {
    (cd "$SYSTEM_DIR" && "$PY" "$@")
}

PTCP=$(free_port)
driver br0 --controller=ptcp:"$PTCP":127.0.0.1,rate=100,burst=10

echo "== ovs-ofctl on the management socket, each version"
for v in 10 13 15; do
    check "show (OpenFlow$v)" ovs-ofctl -O OpenFlow$v show br0
    out=$(ovs-ofctl -O OpenFlow$v show br0)
    check "features reply (OpenFlow$v)" grep -q "dpid:0000aabbccddeeff" <<<"$out"
    check "miss_send_len 0 on a service connection (OpenFlow$v)" \
        grep -q "frags=normal miss_send_len=0" <<<"$out"
    check "dump-desc (OpenFlow$v)" bash -c \
        "ovs-ofctl -O OpenFlow$v dump-desc br0 | grep -q 'DP Description: br0 mock'"
    check "probe (OpenFlow$v)" ovs-ofctl -O OpenFlow$v probe br0
    out=$(ovs-ofctl -O OpenFlow$v ping br0 100)
    check "ping (OpenFlow$v)" grep -q "^100 bytes from br0: xid=00000002" <<<"$out"
done
check "show over the ptcp listener" ovs-ofctl -O OpenFlow13 show tcp:127.0.0.1:"$PTCP"

echo "== no common version"
driver br1 --versions=0x02
out=$(ovs-ofctl -O OpenFlow13 show br1 2>&1) && fail "OF1.3 client accepted by an OF1.0 bridge"
echo "$out"
check "ovs-ofctl names both sides' versions" grep -q \
    "version negotiation failed (we support version 0x04, peer supports version 0x01)" <<<"$out"
check "and the bridge says it too" wait_for 5 grep -q \
    "We support version 0x01, you support version 0x04, no common versions." br1.log

echo "== packet-in formats through ovs-ofctl monitor"
first_pin() {
    grep -m1 -E "PACKET_IN" "$1.mon" | sed 's/ *$//'
}
monitor nx2 -O OpenFlow13 br0 65000
monitor std -O OpenFlow13 -P standard br0 65000
monitor nx10 -O OpenFlow10 -P nxt_packet_in br0 65000
monitor std10 -O OpenFlow10 -P standard br0 128
monitor off -O OpenFlow13 -P standard br0
monitor nx15 -O OpenFlow15 -P nxt_packet_in2 br0 65000
ctl br0 packet-in 1 20
wait_for 5 each_has 1 PACKET_IN nx2 std nx10 std10 nx15 || true
assert_eq "NXT_PACKET_IN2 (the default), max_len 20" \
    "NXT_PACKET_IN2 (OF1.3) (xid=0x0): cookie=0x1234 total_len=64 in_port=1 (via action) data_len=20 (unbuffered) (***total_len != data_len***)" \
    "$(first_pin nx2)"
assert_eq "-P nxt_packet_in2 on OF1.5" \
    "NXT_PACKET_IN2 (OF1.5) (xid=0x0): cookie=0x1234 total_len=64 in_port=1 (via action) data_len=20 (unbuffered) (***total_len != data_len***)" \
    "$(first_pin nx15)"
assert_eq "standard OF1.3 packet-in" \
    "OFPT_PACKET_IN (OF1.3) (xid=0x0): cookie=0x1234 total_len=64 in_port=1 (via action) data_len=20 (unbuffered) (***total_len != data_len***)" \
    "$(first_pin std)"
assert_eq "NXT_PACKET_IN on OF1.0" \
    "NXT_PACKET_IN (xid=0x0): cookie=0x1234 total_len=64 in_port=1 (via action) data_len=20 (unbuffered) (***total_len != data_len***)" \
    "$(first_pin nx10)"
assert_eq "standard OF1.0 packet-in" \
    "OFPT_PACKET_IN (xid=0x0): total_len=64 in_port=1 (via action) data_len=20 (unbuffered) (***total_len != data_len***)" \
    "$(first_pin std10)"
check "no packet-ins to a service connection without miss_send_len" \
    bash -c "! grep -q PACKET_IN off.mon"
ctl br0 packet-in 7 miss
ctl br0 packet-in 5 miss 9
wait_for 5 each_has 2 PACKET_IN std std10 || true
assert_eq "explicit miss: no_match in OF1.3, truncated to miss_send_len" \
    "OFPT_PACKET_IN (OF1.3) (xid=0x0): cookie=0x1234 total_len=64 in_port=1 (via no_match) data_len=64 (unbuffered)" \
    "$(grep PACKET_IN std.mon | sed -n 2p)"
assert_eq "explicit miss: action before OF1.3, miss_send_len 128" \
    "OFPT_PACKET_IN (xid=0x0): total_len=64 in_port=1 (via action) data_len=64 (unbuffered)" \
    "$(grep PACKET_IN std10.mon | sed -n 2p)"
assert_eq "controller id 9 reaches no connection of id 0" \
    2 "$(grep -c PACKET_IN nx15.mon)"
ctl br0 port-status 2
ctl br0 flow-removed 2
wait_for 5 each_has 1 FLOW_REMOVED nx2 std10 nx10 || true
check "port status, OF1.3" grep -q "OFPT_PORT_STATUS (OF1.3) (xid=0x0): MOD: 3(p3): addr:02:00:00:00:00:03" nx2.mon
check "port status, OF1.0" grep -q "OFPT_PORT_STATUS (xid=0x0): MOD: 3(p3): addr:02:00:00:00:00:03" std10.mon
check "flow removed, OF1.3" grep -q "OFPT_FLOW_REMOVED (OF1.3) (xid=0x0): priority=100,in_port=2 reason=delete table_id=0 cookie:0xabc duration3s idle5 pkts7 bytes420" nx2.mon
check "flow removed, OF1.0" grep -q "OFPT_FLOW_REMOVED (xid=0x0): priority=100,in_port=2 reason=delete cookie:0xabc duration3s idle5 pkts7 bytes420" nx10.mon

echo "== roles, async config and the connection layer's own answers"
peer connmgr_roles.py unix:"$TEST_DIR/br0.mgmt" >roles.out
cat roles.out
cat >roles.expected <<'END'
a: OFPT_ROLE_REPLY (OF1.3) (xid=0x2): role=primary generation_id=5
b: OFPT_ERROR (OF1.4) (xid=0x2): OFPRRFC_STALE OFPT_ROLE_REQUEST (OF1.4) (xid=0x2): role=primary generation_id=4
b: OFPT_ROLE_REPLY (OF1.4) (xid=0x3): role=primary generation_id=6
a: ONFT_ROLE_STATUS (OF1.3) (xid=0x0): role=secondary generation_id=6 reason=primary_request
a: OFPT_ERROR (OF1.3) (xid=0x3): OFPBRC_IS_SECONDARY OFPT_FLOW_MOD (OF1.3) (xid=0x3): ADD priority=0 buf:0x0 out_port:0 actions=drop
a: OFPT_ROLE_REPLY (OF1.3) (xid=0x4): role=secondary generation_id=6
a: OFPT_ROLE_REPLY (OF1.3) (xid=0x5): role=equal generation_id=6
n: NXT_ROLE_REPLY (xid=0x2): role=primary
b: OFPT_ROLE_STATUS (OF1.4) (xid=0x0): role=secondary generation_id=6 reason=primary_request
a quiet: True
b: OFPT_GET_ASYNC_REPLY (OF1.4) (xid=0x4): primary: PACKET_IN: no_match action action_set group packet_out PORT_STATUS: add delete modify FLOW_REMOVED: idle hard delete group_delete meter_delete eviction ROLE_STATUS: (off) TABLE_STATUS: (off) REQUESTFORWARD: (off) secondary: PACKET_IN: (off) PORT_STATUS: add delete modify FLOW_REMOVED: (off) ROLE_STATUS: (off) TABLE_STATUS: (off) REQUESTFORWARD: (off)
b: OFPT_GET_ASYNC_REPLY (OF1.4) (xid=0x6): primary: PACKET_IN: no_match action action_set group packet_out PORT_STATUS: add delete modify FLOW_REMOVED: idle hard delete group_delete meter_delete eviction ROLE_STATUS: (off) TABLE_STATUS: (off) REQUESTFORWARD: (off) secondary: PACKET_IN: action PORT_STATUS: add delete modify FLOW_REMOVED: (off) ROLE_STATUS: (off) TABLE_STATUS: (off) REQUESTFORWARD: (off)
a: OFPT_GET_ASYNC_REPLY (OF1.3) (xid=0x6): primary: PACKET_IN: no_match action PORT_STATUS: add delete modify FLOW_REMOVED: idle hard delete group_delete ROLE_STATUS: (off) TABLE_STATUS: (off) REQUESTFORWARD: (off) secondary: PACKET_IN: (off) PORT_STATUS: add delete modify FLOW_REMOVED: (off) ROLE_STATUS: (off) TABLE_STATUS: (off) REQUESTFORWARD: (off)
n: OFPT_BARRIER_REPLY (xid=0x4):
a: OFPT_ECHO_REPLY (OF1.3) (xid=0x7): 3 bytes of payload 00000000 61 62 63 |abc |
a: OFPT_ERROR (OF1.3) (xid=0x8): OFPBRC_BAD_TYPE ***decode error: OFPBRC_BAD_TYPE*** 00000000 04 63 00 08 00 00 00 08- |.c...... |
a: OFPT_ERROR (OF1.3) (xid=0x9): OFPBRC_BAD_VERSION OFPT_FEATURES_REQUEST (xid=0x9):
a: OFPT_ERROR (OF1.3) (xid=0xa): OFPBRC_BAD_TYPE OFPT_PACKET_IN (OF1.3) (xid=0xa): ***decode error: OFPBMC_BAD_LEN*** 00000000 04 0a 00 18 00 00 00 0a-00 00 00 00 00 00 00 00 |................| 00000010 00 00 00 00 00 00 00 00- |........ |
n: OFPT_ERROR (xid=0x5): OFPBRC_EPERM NXT_SET_PACKET_IN_FORMAT (xid=0x5): ***decode error: OFPBRC_EPERM*** 00000000 01 04 00 14 00 00 00 05-00 00 23 20 00 00 00 10 |..........# ....| 00000010 00 00 00 07 |.... |
n: OFPT_ERROR (xid=0x6): NXBRC_MUST_BE_ZERO NXT_SET_CONTROLLER_ID (xid=0x6): id=7
a: OFPT_ERROR (OF1.3) (xid=0xb): OFPBRC_BAD_STAT ***decode error: OFPBRC_BAD_STAT*** 00000000 04 12 00 10 00 00 00 0b-00 fe 00 00 00 00 00 00 |................|
END
check "the transcript" diff -u roles.expected roles.out
check "the barrier made the handler sync" received_has br0 '^sync$'

echo "== packet-in rate limit: 100/s, burst 10, queue 100"
monitor rl -O OpenFlow13 tcp:127.0.0.1:"$PTCP" 65000
ctl br0 packet-in 1 64 0 300
sleep 2
n=$(grep -c "PACKET_IN" rl.mon)
dropped=$(ctl br0 dropped)
echo "received $n, dropped $dropped"
check "the burst and the queue got through (110, +1 for a refill)" \
    test "$n" -ge 110 -a "$n" -le 112
assert_eq "the rest were dropped and counted" "$((300 - n))" "$dropped"

echo "== inactivity probe on a silent peer (probe 1 s)"
PROBE=$(free_port)
driver br2 --controller=ptcp:"$PROBE":127.0.0.1,probe=1000
assert_eq "echo request after 1 s, disconnected 1 s later" \
    "1s OFPT_ECHO_REQUEST 2s closed" \
    "$(peer connmgr_peer.py silent tcp:127.0.0.1:"$PROBE" | tr '\n' ' ' | sed 's/ $//')"

echo "== active controller: ovs-testcontroller, killed and restarted"
TC=$(free_port)
ovs-testcontroller ptcp:"$TC":127.0.0.1 >tc.log 2>&1 &
tc_pid=$!
_pids+=($tc_pid)
wait_for 10 ss -Hltn "sport = :$TC" || fail "ovs-testcontroller did not listen"
driver br3 --controller=tcp:127.0.0.1:"$TC",backoff=2000
status() {
    ctl br3 status tcp:127.0.0.1:"$TC"
}
status_has() {
    status | grep -q "$1"
}
check "connected" wait_for 5 status_has "is_connected=true role=equal state=ACTIVE"
check "the controller asked for features" wait_for 5 received_has br3 OFPT_FEATURES_REQUEST
assert_eq "a controller is connected" "any_controller_connected=true" "$(ctl br3 conns)"
kill "$tc_pid"
sleep 1.5
out=$(status)
echo "$out"
check "down after the kill" grep -q "is_connected=false role=equal state=BACKOFF" <<<"$out"
check "with its last error" grep -qE "last_error=(connection closed|connect: Connection refused)" <<<"$out"
assert_eq "no controller connected" "any_controller_connected=false" "$(ctl br3 conns)"
ovs-testcontroller ptcp:"$TC":127.0.0.1 >tc2.log 2>&1 &
_pids+=($!)
check "reconnected within the 2 s back-off" wait_for 5 status_has is_connected=true

echo "== back-off doubles up to max_backoff (4 s)"
BO=$(free_port)
peer connmgr_peer.py refuse "$BO" 5 >bo.out &
_pids+=($!)
bo_pid=$!
wait_for 10 grep -q listening bo.out || fail "refusing peer did not listen"
driver br4 --controller=tcp:127.0.0.1:"$BO",backoff=4000
wait "$bo_pid" || true
assert_eq "1 s, 2 s, 4 s, 4 s between attempts" "1.0 2.0 4.0 4.0" "$(tail -1 bo.out)"

for br in br0 br1 br2 br3 br4; do
    ctl "$br" exit
done
sleep 0.3
check "no sanitizer complaints" bash -c "! grep -E 'Sanitizer|runtime error' $TEST_DIR/*.log"
finish
