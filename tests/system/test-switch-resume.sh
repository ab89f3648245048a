#!/bin/bash
# Continuations: a flow sends each IP packet to the controller with
# "pause" before its output.  With no controller resuming, nothing reaches
# h2; a controller that answers each NXT_PACKET_IN2 with NXT_RESUME makes
# the packets go on where the pipeline stopped (the output after the
# pause), and h1's pings get through.  A resume of a continuation from
# nowhere is refused as stale.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/switch-lib.sh"

switch_start
switch_hosts 2
ofctl del-flows
ofctl -O OpenFlow13 add-flow "priority=100,arp,actions=NORMAL"
ofctl -O OpenFlow13 add-flow "priority=10,ip,in_port=1,actions=controller(pause),output:2"
ofctl -O OpenFlow13 add-flow "priority=10,ip,in_port=2,actions=output:1"
check "paused packets go nowhere by themselves" no_ping 1 2

"$PY" "$SYSTEM_DIR/resume_client.py" "unix:$WEIR_RUNDIR/br0.mgmt" 3 \
    >"$TEST_DIR/resume.out" 2>&1 &
_pids+=("$!")
wait_for 5 grep -q ready "$TEST_DIR/resume.out"
check "resumed packets reach h2 and h1 hears back" pings 1 2 3
cat "$TEST_DIR/resume.out"
check "the controller resumed them" grep -q "resumed 3" "$TEST_DIR/resume.out"

# One more packet, whose continuation the controller spoils: NXR_STALE.
ns_exec h1 ping -q -c 1 -W 1 10.0.0.2 >/dev/null || true
check "a spoiled continuation is refused as stale" wait_for 5 \
    grep -q "NXR_STALE" "$TEST_DIR/resume.out"
cat "$TEST_DIR/resume.out"
finish
