#!/bin/bash
# The bridge layer (vswitchd/bridge.h) against weir-dbd, through
# tests/tools/bridge-driver, whose ops print one line per call: each
# weir-vsctl or Debian ovs-vsctl command below (without --no-wait, so it
# returns only once cur_cfg says the change is live) must cause exactly the
# listed ops, and the status the driver makes up must reach the database.
# A restart of the server must cause no op at all.  Needs no root.
. "$(dirname "$0")/lib.sh"

require_cmd ovs-vsctl ovsdb-server ovsdb-tool
SCHEMA=$SYSTEM_DIR/../../vswitchd/vswitch.ovsschema
DRIVER=$WEIR_BUILD/tests/tools/bridge-driver
WEIR_VSCTL=$WEIR_BUILD/utilities/weir-vsctl
for prog in "$DRIVER" "$WEIR_VSCTL" "$WEIR_BUILD/ovsdb/weir-dbd"; do
    [ -x "$prog" ] || fail "$prog is not built (make in $WEIR_BUILD)"
done
DB=unix:$TEST_DIR/db.sock
N_CHECKS=0

# start_db [ovsdb-server]: weir-dbd, or Debian's server, on $DB over
# $TEST_DIR/conf.db.
dbd_pid=
start_db() {
    rm -f "$TEST_DIR/db.sock"
    if [ "${1:-}" = ovsdb-server ]; then
        ovsdb-server --remote="punix:$TEST_DIR/db.sock" --no-chdir \
            --unixctl="$TEST_DIR/db.ctl" --log-file="$TEST_DIR/db.log" \
            "$TEST_DIR/conf.db" 2>/dev/null &
    else
        WEIR_RUNDIR=$TEST_DIR "$WEIR_BUILD/ovsdb/weir-dbd" \
            --remote="punix:$TEST_DIR/db.sock" \
            --unixctl="$TEST_DIR/db.ctl" --log-file="$TEST_DIR/db.log" \
            "$TEST_DIR/conf.db" &
    fi
    dbd_pid=$!
    _pids+=("$dbd_pid")
    local i
    for i in $(seq 100); do
        [ -S "$TEST_DIR/db.sock" ] && return 0
        sleep 0.05
    done
    fail "database server did not start"
}

stop_db() {
    kill "$dbd_pid"
    wait "$dbd_pid" 2>/dev/null || true
}

driver_pid=
start_driver() {
    "$DRIVER" "$DB" >"$TEST_DIR/ops.out" 2>"$TEST_DIR/driver.err" &
    driver_pid=$!
    _pids+=("$driver_pid")
    seen=0
}

stop_driver() {
    kill "$driver_pid"
    wait "$driver_pid" || fail "bridge-driver exited $?"
}

W() { "$WEIR_VSCTL" --db="$DB" --timeout=10 "$@"; }
O() { ovs-vsctl --db="$DB" --timeout=10 "$@"; }

# expect_ops WHAT: the ops since the last call are exactly stdin.
seen=0
expect_ops() {
    N_CHECKS=$((N_CHECKS + 1))
    sleep 0.2   # an op after cur_cfg would be a bug: give it time to show
    tail -n +"$((seen + 1))" "$TEST_DIR/ops.out" >"$TEST_DIR/ops.new"
    seen=$(wc -l <"$TEST_DIR/ops.out")
    cat >"$TEST_DIR/ops.want"
    if ! cmp -s "$TEST_DIR/ops.want" "$TEST_DIR/ops.new"; then
        echo "FAIL: $1: ops differ" >&2
        diff -u "$TEST_DIR/ops.want" "$TEST_DIR/ops.new" |
            sed 's/^/    /' >&2 || true
        _failures=$((_failures + 1))
    fi
}

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
    N_CHECKS=$((N_CHECKS + 1))
    if [ "$2" != "$3" ]; then
        echo "FAIL: $1: expected '$2', got '$3'" >&2
        _failures=$((_failures + 1))
    fi
}

"$WEIR_BUILD/ovsdb/weir-dbtool" create "$TEST_DIR/conf.db" "$SCHEMA"
start_db
W --no-wait init
W --no-wait set open . external_ids:system-id=sys-1 system_type=debian \
    system_version=12
start_driver

# An empty configuration: no op, and waiting commands return.
W set open . other_config:x=1
expect_ops "empty database" </dev/null
expect_eq "cur_cfg follows next_cfg" "$(W --no-wait get open . next_cfg)" \
    "$(W --no-wait get open . cur_cfg)"

W add-br br0
expect_ops "add-br" <<'EOF'
bridge_add br0 type=system dpid=00009e7b6f131964 fail_mode=standalone protocols=0 other_config={}
port_add br0 br0 tag=-1 trunks= vlan_mode= [br0 type=internal options={}]
EOF

O add-port br0 p1 tag=10
expect_ops "add-port with tag (ovs-vsctl)" <<'EOF'
port_add br0 p1 tag=10 trunks= vlan_mode= [p1 type=system options={}]
EOF

W add-port br0 p2 trunks=20,10
expect_ops "add-port with trunks" <<'EOF'
port_add br0 p2 tag=-1 trunks=10,20 vlan_mode= [p2 type=system options={}]
EOF
expect_eq "ofport of the local port" 65534 "$(W get interface br0 ofport)"
expect_eq "ofport of p2" 2 "$(O get interface p2 ofport)"

O set interface p1 type=tap options:k=v ofport_request=7
expect_ops "set interface options" <<'EOF'
port_mod br0 p1 tag=10 trunks= vlan_mode= [p1 type=tap options={k=v} ofport_request=7]
EOF
expect_eq "ofport_request honoured" 7 "$(W get interface p1 ofport)"
expect_eq "mac_in_use" '"02:00:00:00:00:07"' \
    "$(W get interface p1 mac_in_use)"
expect_eq "link_state" up "$(W get interface p1 link_state)"
# Statistics are written every 5 s, as by ovs-vswitchd.
for i in $(seq 70); do
    stats=$(O get interface p1 statistics)
    [ "$stats" != '{}' ] && break
    sleep 0.1
done
expect_eq "statistics within 5 s" '{rx_packets=10, tx_packets=20}' "$stats"

W set bridge br0 fail_mode=secure protocols=OpenFlow10,OpenFlow13 \
    other_config:datapath-id=00000000000000aa
expect_ops "set bridge" <<'EOF'
bridge_mod br0 type=system dpid=00000000000000aa fail_mode=secure protocols=0x12 other_config={datapath-id=00000000000000aa}
EOF
expect_eq "datapath_id written" '"00000000000000aa"' \
    "$(W get bridge br0 datapath_id)"

O set-controller br0 tcp:127.0.0.1:6653 punix:"$TEST_DIR/ctl"
expect_ops "set-controller" <<EOF
controllers_set br0 punix:$TEST_DIR/ctl tcp:127.0.0.1:6653
EOF
expect_eq "controller is_connected" true \
    "$(W --bare --columns=is_connected find controller \
       target=\"tcp:127.0.0.1:6653\")"
expect_eq "controller role" other \
    "$(W --bare --columns=role find controller target=\"tcp:127.0.0.1:6653\")"
expect_eq "controller status" 'state=BACKOFF' \
    "$(W --bare --columns=status find controller \
       target=\"punix:$TEST_DIR/ctl\")"

# An interface the datapath cannot add: error set, ofport -1, the rest on;
# both tools then report the error column.
W add-port br0 p9 -- set interface p9 type=bogus -- add-port br0 p3 \
    2>"$TEST_DIR/p9.err"
expect_eq "weir-vsctl reports the error" \
    "weir-vsctl: Error detected while setting up 'p9': could not add network device p9 to ofproto (Address family not supported by protocol).  See weir-vswitchd log for details." \
    "$(head -1 "$TEST_DIR/p9.err")"
expect_ops "failing interface" <<'EOF'
port_add br0 p3 tag=-1 trunks= vlan_mode= [p3 type=system options={}]
port_add br0 p9 tag=-1 trunks= vlan_mode= [p9 type=bogus options={}]
EOF
expect_eq "ofport of a failed interface" -1 "$(W get interface p9 ofport)"
expect_eq "error of a failed interface" \
    '"could not add network device p9 to ofproto (Address family not supported by protocol)"' \
    "$(W get interface p9 error)"
expect_eq "the next interface added" 1 "$(W get interface p3 ofport)"

# Unrelated changes do not retry it; fixing its row does.
W set open . other_config:y=2
expect_ops "failed port not retried" </dev/null
O set interface p9 type=dummy
expect_ops "failed port fixed" <<'EOF'
port_add br0 p9 tag=-1 trunks= vlan_mode= [p9 type=dummy options={}]
EOF
expect_eq "error cleared" '[]' "$(W get interface p9 error)"

O add-br fb0 br0 5
expect_ops "fake bridge (ovs-vsctl)" <<'EOF'
port_add br0 fb0 tag=5 trunks= vlan_mode= fake [fb0 type=internal options={}]
EOF
W add-br fb1 br0 6
expect_ops "fake bridge (weir-vsctl)" <<'EOF'
port_add br0 fb1 tag=6 trunks= vlan_mode= fake [fb1 type=internal options={}]
EOF

W set-manager ptcp:6640 punix:"$TEST_DIR/mgr"
expect_ops "set-manager" <<EOF
managers_set ptcp:6640 punix:$TEST_DIR/mgr
EOF

O -- --id=@d create Datapath datapath_version=0 \
    -- set Open_vSwitch . datapaths:system=@d >/dev/null
expect_ops "a datapath without zones" </dev/null
O add-zone-tp system zone=5 udp_first=30 icmp_reply=5
expect_ops "add-zone-tp (ovs-vsctl)" <<'EOF'
ct_zones_set system zone=5 tp={icmp_reply=5,udp_first=30}
EOF
W add-zone-tp system zone=7 tcp_established=100
expect_ops "add-zone-tp (weir-vsctl)" <<'EOF'
ct_zones_set system zone=5 tp={icmp_reply=5,udp_first=30} zone=7 tp={tcp_established=100}
EOF
expect_eq "datapath capabilities" '{max_vlan_headers="2", recirc="true"}' \
    "$(W get datapath "$(W --bare --columns=_uuid list datapath)" \
       capabilities)"

W set-ssl /k /c /ca
expect_ops "set-ssl" <<'EOF'
ssl_set key=/k cert=/c ca=/ca bootstrap=0
EOF

O del-port br0 p2
expect_ops "del-port (ovs-vsctl)" <<'EOF'
port_del br0 p2
EOF
W del-br fb1
expect_ops "del-br of a fake bridge" <<'EOF'
port_del br0 fb1
EOF

O add-bond br0 bond0 b1 b2 lacp=active bond_mode=balance-tcp
expect_ops "add-bond (ovs-vsctl)" <<'EOF'
port_add br0 bond0 tag=-1 trunks= vlan_mode= bond_mode=balance-tcp lacp=active [b1 type=system options={}] [b2 type=system options={}]
EOF
W set interface p3 mtu_request=9000 mac='"0a:00:00:00:00:03"'
expect_ops "mtu_request and mac" <<'EOF'
port_mod br0 p3 tag=-1 trunks= vlan_mode= [p3 type=system options={} mtu_request=9000 mac=0a:00:00:00:00:03]
EOF

# A bridge with a controller and no local port gets one made up.
W -- --id=@b create bridge name=br3 -- add open . bridges @b \
    -- set-controller br3 tcp:127.0.0.1:6654 >/dev/null
expect_ops "local port synthesized" <<'EOF'
bridge_add br3 type=system dpid=0000527d6f131965 fail_mode=standalone protocols=0 other_config={}
port_add br3 br3 tag=-1 trunks= vlan_mode= [br3 type=internal options={}]
controllers_set br3 tcp:127.0.0.1:6654
EOF
W del-br br3
expect_ops "del-br of a bridge without local port row" <<'EOF'
bridge_del br3
EOF

# A bridge named like a path is ignored, with the reason logged.
W add-br x/y 2>/dev/null || true
expect_ops "bridge with an invalid name" </dev/null
N_CHECKS=$((N_CHECKS + 1))
grep -q 'ignoring bridge with invalid name "x/y"' "$TEST_DIR/driver.err" ||
    fail "no log of the ignored bridge"
W --no-wait del-br x/y

# Incremental at scale: one port more on a bridge of 200 is one op.
args=()
for i in $(seq 200); do
    args+=(-- add-port br2 s$i)
done
W add-br br2 "${args[@]}"
expect_eq "200 ports and the local one added" 201 "$(grep -c '^port_add br2 ' "$TEST_DIR/ops.out")"
seen=$(wc -l <"$TEST_DIR/ops.out")
O add-port br2 s201
expect_ops "add-port to a big bridge" <<'EOF'
port_add br2 s201 tag=-1 trunks= vlan_mode= [s201 type=system options={}]
EOF
O del-br br2
expect_ops "del-br of a big bridge" <<'EOF'
bridge_del br2
EOF

# The server restarts: the driver reconnects, re-reads everything and
# calls no op; the next change still waits for it.
stop_db
sleep 0.5
start_db
W set open . other_config:z=3
expect_ops "server restart" </dev/null
W add-port br0 p4
expect_ops "add-port after restart" <<'EOF'
port_add br0 p4 tag=-1 trunks= vlan_mode= [p4 type=system options={}]
EOF

O del-br br0
expect_ops "del-br" <<'EOF'
bridge_del br0
EOF
W del-zone-tp system zone=5
W del-zone-tp system zone=7
expect_ops "del-zone-tp" <<'EOF'
ct_zones_set system zone=7 tp={tcp_established=100}
ct_zones_set system
EOF
W del-manager
W del-ssl
expect_ops "del-manager, del-ssl" <<'EOF'
managers_set
ssl_set none
EOF

expect_eq "system-id untouched" sys-1 \
    "$(W get open . external_ids:system-id)"
expect_eq "system_type untouched" debian "$(W get open . system_type)"
expect_eq "system_version untouched" '"12"' "$(W get open . system_version)"
N_CHECKS=$((N_CHECKS + 1))
[ "$(W get open . ovs_version)" != '[]' ] || fail "ovs_version not filled"
expect_eq "iface_types" '[afxdp, dummy, internal, system, tap]' \
    "$(W get open . iface_types)"
expect_eq "datapath_types" '[netdev, system]' \
    "$(W get open . datapath_types)"

stop_driver
stop_db

# The same against Debian's ovsdb-server, driven by ovs-vsctl.
rm -f "$TEST_DIR/conf.db"
ovsdb-tool create "$TEST_DIR/conf.db" "$SCHEMA"
start_db ovsdb-server
O --no-wait init
start_driver
O add-br br1 -- set bridge br1 other_config:hwaddr=02:00:00:00:00:01
expect_ops "ovsdb-server: add-br" <<'EOF'
bridge_add br1 type=system dpid=0000020000000001 fail_mode=standalone protocols=0 other_config={hwaddr=02:00:00:00:00:01}
port_add br1 br1 tag=-1 trunks= vlan_mode= [br1 type=internal options={}]
EOF
O add-port br1 q1 vlan_mode=access tag=3
expect_ops "ovsdb-server: add-port" <<'EOF'
port_add br1 q1 tag=3 trunks= vlan_mode=access [q1 type=system options={}]
EOF
expect_eq "ovsdb-server: ofport" 1 "$(O get interface q1 ofport)"
stop_db
sleep 0.5
start_db ovsdb-server
O set open . other_config:z=3
expect_ops "ovsdb-server restart" </dev/null
O del-br br1
expect_ops "ovsdb-server: del-br" <<'EOF'
bridge_del br1
EOF
stop_driver

if [ "$_failures" -ne 0 ]; then
    echo "FAIL: $_failures of $N_CHECKS checks"
    exit 1
fi
echo "PASS: $N_CHECKS checks"
