#!/bin/bash
# The Weir sandbox: the whole switch on the userspace datapath, with two
# network-namespace hosts exchanging real traffic through it:
#
#   h1 (10.0.0.1) eth1 ---- p1 [ br0: weir-vswitchd ] p2 ---- eth2 h2 (10.0.0.2)
#                                      |
#                               weir-dbd (configuration)
#
# weir-vsctl makes the bridge and its ports, weir-ofctl installs a
# two-table OpenFlow pipeline, h1 and h2 talk (ARP, ping, TCP, UDP), and
# then the OpenFlow flows with their counters, the megaflows the switch
# put in the datapath, and a trace of one packet through the pipeline are
# shown.  Everything it creates is removed on exit.  Run as root.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

scripts/install-deps.sh
if [ ! -x build/vswitchd/weir-vswitchd ] || [ ! -x build/ovsdb/weir-dbd ] ||
   [ ! -x build/utilities/weir-ofctl ]; then
    echo "building Weir in build/ ..."
    ./boot.sh >/dev/null
    mkdir -p build
    (cd build && ../configure >/dev/null && make -j"$(nproc)" >/dev/null)
fi

WEIR_BUILD=$top/build
. tests/system/lib.sh
require_root

export WEIR_RUNDIR=$TEST_DIR/run
mkdir -p "$WEIR_RUNDIR"
DB=unix:$WEIR_RUNDIR/db.sock
vsctl() { "$WEIR_BUILD/utilities/weir-vsctl" --db="$DB" "$@"; }
ofctl() { "$WEIR_BUILD/utilities/weir-ofctl" "$@"; }
say() { echo; echo "--- $*"; }

# The configuration database and the daemon (in namespace sw).
"$WEIR_BUILD/ovsdb/weir-dbtool" create "$TEST_DIR/conf.db" \
    vswitchd/vswitch.ovsschema
"$WEIR_BUILD/ovsdb/weir-dbd" --remote="punix:$WEIR_RUNDIR/db.sock" \
    --unixctl="$TEST_DIR/dbd.ctl" --log-file="$TEST_DIR/dbd.log" \
    "$TEST_DIR/conf.db" &
_pids+=("$!")
wait_for 10 test -S "$WEIR_RUNDIR/db.sock"
vsctl --no-wait init
ns_add sw h1 h2
weir_start sw

say "weir-vsctl add-br br0 -- add-port br0 p1 -- add-port br0 p2"
veth_add h1 eth1 sw p1
veth_add h2 eth2 sw p2
ns_exec h1 ip addr add 10.0.0.1/24 dev eth1
ns_exec h2 ip addr add 10.0.0.2/24 dev eth2
vsctl add-br br0 -- add-port br0 p1 -- set interface p1 ofport_request=1 \
    -- add-port br0 p2 -- set interface p2 ofport_request=2
vsctl show

say "weir-ofctl: a two-table pipeline on br0"
ofctl del-flows br0
flows=(
    "table=0,priority=100,arp,actions=NORMAL"
    "table=0,priority=10,ip,actions=goto_table:1"
    "table=1,priority=10,ip,nw_dst=10.0.0.1,actions=output:1"
    "table=1,priority=10,ip,nw_dst=10.0.0.2,actions=output:2"
)
for f in "${flows[@]}"; do
    echo "weir-ofctl -O OpenFlow13 add-flow br0 '$f'"
    ofctl -O OpenFlow13 add-flow br0 "$f"
done

ns_bg h2 "$PY" -c '
import socket
s = socket.create_server(("10.0.0.2", 8080))
c, _ = s.accept()
c.sendall(c.recv(100))'
wait_listen h2 8080

say "h1: ping -c 3 10.0.0.2"
ns_exec h1 ping -c 3 -W 2 10.0.0.2 | tail -n 2
say "h1: TCP to 10.0.0.2:8080, UDP to 10.0.0.2:5353"
ns_exec h1 "$PY" -c '
import socket
c = socket.create_connection(("10.0.0.2", 8080), timeout=5)
c.sendall(b"hello weir"); print("echoed:", c.recv(100).decode())
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("10.0.0.2", 5353))'

sleep 1         # the revalidator pushes datapath counters to the flows
say "weir-ofctl -O OpenFlow13 dump-flows br0"
ofctl -O OpenFlow13 dump-flows br0
say "weir-dpctl dump-flows br0 (the megaflows the switch installed)"
dpctl dump-flows br0
say "weir-appctl ofproto/trace br0 'ip,in_port=1,nw_src=10.0.0.1,nw_dst=10.0.0.2'"
appctl ofproto/trace br0 'ip,in_port=1,nw_src=10.0.0.1,nw_dst=10.0.0.2'
say "weir-appctl upcall/show"
appctl upcall/show
