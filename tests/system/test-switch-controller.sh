#!/bin/bash
# A real controller drives the switch: Debian's ovs-testcontroller, an L2
# learning switch over OpenFlow, connected to br0 (fail_mode secure, so
# nothing forwards without it).  Misses go up as packet-ins, the controller
# answers with packet-outs and flow_mods, and h1 and h2 ping through the
# flows it installed; the Controller row reports the connection.  With the
# controller gone, a secure bridge's flows stay but nothing new is learned;
# deleting the flows stops the traffic.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/switch-lib.sh"
require_cmd ovs-testcontroller

switch_start
switch_hosts 2
vsctl set-fail-mode br0 secure
ofctl del-flows
check "nothing crosses a secure bridge without a controller" no_ping 1 2

port=$((20000 + $$ % 20000))
# OpenFlow 1.3: Debian's ovs-testcontroller sends OF1.5 packet-outs with an
# uninitialised match (its own log shows the decode error).
ns_bg sw env OVS_RUNDIR="$TEST_DIR" ovs-testcontroller -O "${CONTROLLER_VERSION:-OpenFlow13}" --no-chdir \
    "ptcp:$port:127.0.0.1" \
    --log-file="$TEST_DIR/controller.log"
CONTROLLER_PID=$BG_PID
wait_listen sw "$port"
vsctl set-controller br0 "tcp:127.0.0.1:$port"
check "the controller connects" wait_for 10 bash -c \
    "[ \"\$('$WEIR_BUILD/utilities/weir-vsctl' --db=$SWITCH_DB get controller . is_connected)\" = true ]"
check "h1 pings h2 through the controller's learning switch" \
    wait_for 15 pings 1 2 3
flows=$(ofctl dump-flows)
echo "$flows"
check "the controller installed flows" bash -c \
    "grep -q 'dl_src=$MAC1,dl_dst=$MAC2' <<<'$flows' ||
     grep -q 'dl_dst=$MAC2' <<<'$flows'"
vsctl list controller | grep -E '^(is_connected|role|status)'

# The controller goes.  Secure: its flows stay, nothing else happens.
kill "$CONTROLLER_PID"
check "the bridge sees the controller gone" wait_for 10 bash -c \
    "[ \"\$('$WEIR_BUILD/utilities/weir-vsctl' --db=$SWITCH_DB get controller . is_connected)\" = false ]"
check "a secure bridge keeps the controller's flows" bash -c \
    "ovs-ofctl dump-flows unix:$WEIR_RUNDIR/br0.mgmt | grep -q 'priority=1,'"
# Standalone, with no flows: after 15 s without a controller the bridge
# fails open and forwards as a learning switch, with no flow to show.
ofctl del-flows
vsctl set-fail-mode br0 standalone
check "nothing crosses before failing open" no_ping 1 2
check "a standalone bridge fails open" wait_for 30 pings 1 2
assert_eq "the fail-open flow is hidden" "" \
    "$(ofctl dump-flows --no-stats | grep -v '^NXST\|^OFPST' || true)"
finish
