#!/bin/bash
# The Weir sandbox: two network-namespace hosts, h1 and h2, joined by a veth
# link, exchange real traffic (ARP, ping, IPv6 neighbour discovery, TCP,
# UDP); Weir parses every frame that reaches h2 and prints the datapath flow
# key it would match on, in ovs-dpctl syntax (OVS_KEY_ATTR_* netlink,
# printed).  Everything it creates is removed on exit.  Run as root.
#
# Once the userspace datapath exists, the sandbox puts Weir between the hosts.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

scripts/install-deps.sh
if [ ! -x build/tests/tools/flow-keys ]; then
    echo "building Weir in build/ ..."
    ./boot.sh >/dev/null
    mkdir -p build
    (cd build && ../configure >/dev/null && make -j"$(nproc)" >/dev/null)
fi

WEIR_BUILD=$top/build
. tests/system/lib.sh
require_root

ns_add h1 h2
veth_add h1 eth1 h2 eth2
ns_exec h1 ip addr add 10.0.0.1/24 dev eth1
ns_exec h2 ip addr add 10.0.0.2/24 dev eth2
ns_exec h1 ip addr add fd00::1/64 dev eth1 nodad
ns_exec h2 ip addr add fd00::2/64 dev eth2 nodad

echo "h1 (10.0.0.1, fd00::1) <--veth--> h2 (10.0.0.2, fd00::2)"
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

echo
echo "Frames that reached h2, as datapath flow keys:"
flow_keys --dpctl "$TEST_DIR/h2.pcap" | sed 's/^recirc_id(0),dp_hash(0),skb_priority(0),in_port(0),skb_mark(0),//' | sort | uniq -c | sort -rn
