#!/bin/bash
# The Weir sandbox: two network-namespace hosts, h1 and h2, exchange real
# traffic (ARP, ping, IPv6 neighbour discovery, TCP, UDP) through Weir:
#
#   h1 (10.0.0.1) eth1 ---- p1 [ weir-vswitchd: netdev@dp0 ] p2 ---- eth2 h2
#
# The datapath's flows are installed with weir-dpctl, and shown with their
# counters once the traffic has crossed.  Weir also parses every frame that
# reaches h2 and prints the datapath flow key it matches on, in ovs-dpctl
# syntax.  Where the daemon is not built yet, h1 and h2 share a plain veth
# link instead.  Everything it creates is removed on exit.  Run as root.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

scripts/install-deps.sh
if [ ! -x build/tests/tools/flow-keys ] || [ ! -x build/vswitchd/weir-vswitchd ]
then
    echo "building Weir in build/ ..."
    ./boot.sh >/dev/null
    mkdir -p build
    (cd build && ../configure >/dev/null && make -j"$(nproc)" >/dev/null)
fi

WEIR_BUILD=$top/build
. tests/system/lib.sh
require_root

# h1 and h2 joined by a veth pair; no switch.
link_direct() {
    veth_add h1 eth1 h2 eth2
    echo "h1 (10.0.0.1, fd00::1) <--veth--> h2 (10.0.0.2, fd00::2)"
}

# h1 and h2 each joined to a port of a Weir datapath in namespace sw, and
# a flow each way.  Fails (leaving the caller to fall back) if Weir cannot.
link_weir() {
    [ -x "$WEIR_BUILD/vswitchd/weir-vswitchd" ] || return 1
    ns_add sw
    # The switch's ports carry the hosts' traffic only, not its own.
    ns_exec sw sysctl -qw net.ipv6.conf.default.disable_ipv6=1
    veth_add h1 eth1 sw p1
    veth_add h2 eth2 sw p2
    weir_start sw
    dpctl add-dp dp0 && dpctl add-if dp0 p1 && dpctl add-if dp0 p2 || return 1
    echo "h1 (10.0.0.1, fd00::1) <--> p1 [weir netdev@dp0] p2 <--> h2 (10.0.0.2, fd00::2)"
    echo "--- weir-dpctl add-flow 'in_port(1),eth()' 2; add-flow 'in_port(2),eth()' 1"
    dpctl add-flow 'in_port(1),eth()' 2
    dpctl add-flow 'in_port(2),eth()' 1
}

ns_add h1 h2
weir=yes
if ! link_weir; then
    echo "(weir-vswitchd cannot forward here yet: h1 and h2 share a veth link)"
    weir=no
    ip netns del "${PREFIX}sw" 2>/dev/null || true
    link_direct
fi
ns_exec h1 ip addr add 10.0.0.1/24 dev eth1
ns_exec h2 ip addr add 10.0.0.2/24 dev eth2
ns_exec h1 ip addr add fd00::1/64 dev eth1 nodad
ns_exec h2 ip addr add fd00::2/64 dev eth2 nodad

ns_bg h2 "$PY" -c '
import socket
s = socket.create_server(("10.0.0.2", 8080))
c, _ = s.accept()
c.sendall(c.recv(100))'
wait_listen h2 8080

capture_start h2 eth2 "$TEST_DIR/h2.pcap"
echo "--- h1: ping -c 2 10.0.0.2"
ns_exec h1 ping -c 2 -W 2 10.0.0.2 | tail -n 2
echo "--- h1: ping -6 -c 1 fd00::2"
ns_exec h1 ping -6 -c 1 -W 2 fd00::2 | tail -n 2
echo "--- h1: TCP to 10.0.0.2:8080, UDP to 10.0.0.2:5353"
ns_exec h1 "$PY" -c '
import socket
c = socket.create_connection(("10.0.0.2", 8080), timeout=5)
c.sendall(b"hello weir"); print("echoed:", c.recv(100).decode())
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("10.0.0.2", 5353))'
capture_stop "$TEST_DIR/h2.pcap"

if [ "$weir" = yes ]; then
    echo
    echo "--- weir-dpctl show"
    dpctl show
    echo "--- weir-dpctl dump-flows"
    dpctl dump-flows
fi
echo
echo "Frames that reached h2, as datapath flow keys:"
flow_keys --dpctl "$TEST_DIR/h2.pcap" | sed 's/^recirc_id(0),dp_hash(0),skb_priority(0),in_port(0),skb_mark(0),//' | sort | uniq -c | sort -rn
