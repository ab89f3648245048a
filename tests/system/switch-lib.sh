# shellcheck shell=bash
# The whole switch for system tests (test-switch-*.sh), sourced after
# lib.sh: weir-dbd with Weir's schema, weir-vswitchd reading it from
# namespace sw, and hosts h1, h2 (h3...) on veth pairs whose switch ends
# p1, p2 (p3...) become ports of bridge br0:
#
#   h1 eth1 ── p1 [br0] p2 ── eth2 h2
#
# Hosts are 10.0.0.N/24 with IPv6 off, so nothing crosses but what a test
# sends (and ARP).  vsctl runs weir-vsctl on the database; ofctl runs
# Debian's ovs-ofctl on br0's management socket, the real controller-side
# client.

require_root
require_cmd ip ping ovs-ofctl

SWITCH_SCHEMA=$SYSTEM_DIR/../../vswitchd/vswitch.ovsschema

# switch_start: the database server and the daemon, with an empty bridge
# br0 of the userspace datapath.
switch_start() {
    local i
    [ -x "$WEIR_BUILD/ovsdb/weir-dbd" ] ||
        skip "weir-dbd is not built in $WEIR_BUILD"
    export WEIR_RUNDIR=$TEST_DIR/run
    mkdir -p "$WEIR_RUNDIR"
    SWITCH_DB=unix:$WEIR_RUNDIR/db.sock
    "$WEIR_BUILD/ovsdb/weir-dbtool" create "$TEST_DIR/conf.db" \
        "$SWITCH_SCHEMA"
    "$WEIR_BUILD/ovsdb/weir-dbd" --remote="punix:$WEIR_RUNDIR/db.sock" \
        --unixctl="$TEST_DIR/dbd.ctl" --log-file="$TEST_DIR/dbd.log" \
        "$TEST_DIR/conf.db" &
    _pids+=("$!")
    wait_for 10 test -S "$WEIR_RUNDIR/db.sock" || fail "weir-dbd did not start"
    vsctl --no-wait init
    ns_add sw
    weir_start sw
    vsctl add-br br0
    wait_for 10 test -S "$WEIR_RUNDIR/br0.mgmt" ||
        fail "br0 has no management socket: $(cat "$WEIR_LOG")"
}

vsctl() {
    "$WEIR_BUILD/utilities/weir-vsctl" --db="$SWITCH_DB" --timeout=20 "$@"
}

# ofctl [-O VERSION] COMMAND [ARGS...]: Debian's ovs-ofctl on br0.
ofctl() {
    local opts=()
    while [ "${1#-}" != "$1" ]; do
        if [ "$1" = -O ]; then
            opts+=("$1" "$2")
            shift
        else
            opts+=("$1")
        fi
        shift
    done
    ovs-ofctl "${opts[@]}" "$1" "unix:$WEIR_RUNDIR/br0.mgmt" "${@:2}"
}

# switch_hosts N: hosts h1..hN, each on port pI of br0 (OpenFlow port I).
# Sets MAC1..MACN.
switch_hosts() {
    local i
    for i in $(seq "$1"); do
        ns_add "h$i"
        ns_exec "h$i" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
            net.ipv6.conf.default.disable_ipv6=1
        veth_add "h$i" "eth$i" sw "p$i"
        ns_exec "h$i" ip addr add "10.0.0.$i/24" dev "eth$i"
        eval "MAC$i=$(mac_of "h$i" "eth$i")"
        vsctl add-port br0 "p$i" -- set interface "p$i" "ofport_request=$i"
    done
}

# pings FROM TO [COUNT]: FROM reaches 10.0.0.TO.
pings() {
    ns_exec "h$1" ping -q -c "${3:-1}" -W 1 -i 0.2 "10.0.0.$2" >/dev/null
}

no_ping() {
    ! pings "$@"
}

# Flows of the datapath, one a line (weir-dpctl's dump).
dp_flows() {
    dpctl dump-flows br0
}

# of_flows [-O VERSION]: OpenFlow flows without the changing fields.
of_flows() {
    ofctl "$@" dump-flows | sed -E -e 's/ duration=[0-9.]+s,//' \
        -e 's/ idle_age=[0-9]+,//' -e 's/, hard_age=[0-9]+//' | sort
}
