# shellcheck shell=bash
# Topologies and wire checks for the datapath action tests (test-dp-*.sh),
# sourced after lib.sh.  weir-vswitchd runs in namespace sw:
#
#   pair:   h1 eth1 ── p1 [dp0] p2 ── eth2 h2
#   trunk:  h1 eth1 ── p1 [dp0] p2 ══ p3 [dp1] p4 ── eth2 h2
#
# In the trunk, p2 and p3 are the two ends of one veth pair, a link between
# two datapaths: what one pushes on it the other must pop, so a round trip
# between h1 and h2 is real only if both did their part.
#
# h1 is 10.0.0.1, h2 10.0.0.2.  Each host knows the other's MAC (static
# neighbours: flows need not carry ARP), and no namespace runs IPv6, so
# nothing crosses but what a test sends and counters can be exact.

require_root
require_cmd ip ping dumpcap tshark
require_scapy

H1=10.0.0.1
H2=10.0.0.2

_dp_quiet_ns() {
    local ns
    ns_add "$@"
    for ns; do
        ns_exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
            net.ipv6.conf.default.disable_ipv6=1
    done
}

# _dp_hosts PORT2: h1 and h2, joined to ports p1 and PORT2 of namespace sw,
# where the daemon starts.  Sets MAC1 and MAC2, the hosts' MACs.
_dp_hosts() {
    _dp_quiet_ns sw h1 h2
    veth_add h1 eth1 sw p1
    veth_add h2 eth2 sw "$1"
    ns_exec h1 ip addr add $H1/24 dev eth1
    ns_exec h2 ip addr add $H2/24 dev eth2
    MAC1=$(mac_of h1 eth1)
    MAC2=$(mac_of h2 eth2)
    ns_exec h1 ip neigh replace $H2 lladdr "$MAC2" dev eth1 nud permanent
    ns_exec h2 ip neigh replace $H1 lladdr "$MAC1" dev eth2 nud permanent
    weir_start sw
}

# dp_add DP PORT...: a datapath with these ports, numbered 1, 2, ...
dp_add() {
    local dp=$1 port out
    shift
    out=$(dpctl add-dp "$dp" 2>&1) || fail "add-dp $dp: $out"
    for port; do
        dpctl add-if "$dp" "$port"
    done
}

dp_pair() {
    _dp_hosts p2
    dp_add dp0 p1 p2
}

# The link has room for what a test pushes: 100 bytes more a frame.
dp_trunk() {
    _dp_hosts p4
    ns_exec sw ip link add p2 mtu 1600 type veth peer name p3 mtu 1600
    ns_exec sw ip link set p2 up
    ns_exec sw ip link set p3 up
    dp_add dp0 p1 p2
    dp_add dp1 p3 p4
}

# capture_hosts: starts capturing what h1 and h2 see, into the files
# $at_h1 and $at_h2; capture_hosts_stop ends it.
capture_hosts() {
    at_h1=$TEST_DIR/h1.pcap
    at_h2=$TEST_DIR/h2.pcap
    capture_start h1 eth1 "$at_h1"
    capture_start h2 eth2 "$at_h2"
}

capture_hosts_stop() {
    capture_stop "$at_h1"
    capture_stop "$at_h2"
}

# flow_packets DP KEY: the packet counter of DP's flow whose key is KEY
# (as dump-flows prints it), or nothing if there is no such flow.
flow_packets() {
    dpctl dump-flows "$1" | awk -v k="$2, " 'index($0, k) == 1 {
        sub(/.*packets:/, ""); sub(/,.*/, ""); print }'
}

# lookups NAME: a counter of show's lookups line (hit, missed, lost).
lookups() {
    dpctl show | grep '^  lookups:' | grep -o " $1:[0-9]*" | cut -d: -f2
}

# lse LABEL TC TTL BOS: a label stack entry, as push_mpls and mpls() in a
# key write it.
lse() {
    echo "label=$1,tc=$2,ttl=$3,bos=$4"
}

# payload N: a scapy expression for N bytes of payload, big enough that no
# frame is padded on its way, whatever a test pushes or pops.
payload() {
    echo "Raw(bytes(range(${1:-64})))"
}

# wire FILE FILTER FIELD...: the FIELDs tshark reads in each frame of the
# capture FILE that the display filter FILTER selects, one line a frame;
# repeated fields (tags, labels) read outermost first, joined by ",".
# Checksums are verified: *.checksum.status is 1 when good, 0 when bad.
wire() {
    local file=$1 filter=$2 field args=()
    shift 2
    for field; do
        args+=(-e "$field")
    done
    tshark -r "$file" -Y "$filter" -o ip.check_checksum:TRUE \
        -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE \
        -T fields -E separator=' ' -E occurrence=a -E aggregator=, \
        "${args[@]}" 2>"$TEST_DIR/tshark.err" ||
        { grep -v 'Running as user' "$TEST_DIR/tshark.err" >&2; return 1; }
}

# assert_wire WHAT FILE FILTER FIELDS EXPECTED [COUNT]: FILTER selects at
# least one frame in FILE (or exactly COUNT), and in every one the FIELDs
# (space-separated) read EXPECTED.
assert_wire() {
    check "$1" _wire_all "${@:2}"
}

_wire_all() {
    local seen n
    # shellcheck disable=SC2086  # FIELDS is a list
    seen=$(wire "$1" "$2" $3) || return 1
    n=$(grep -c . <<<"$seen" || true)
    if [ "$n" -gt 0 ] && [ "$n" = "${5:-$n}" ] &&
        ! grep -qvxF -- "$4" <<<"$seen"; then
        return 0
    fi
    echo "  frames where $2, fields $3:"
    echo "  expected ${5:-some}, every one: $4"
    echo "  saw $n: $seen" | sed '2,$s/^/    /'
    return 1
}

# assert_no_wire WHAT FILE FILTER: FILTER selects no frame in FILE.
assert_no_wire() {
    check "$1" _wire_none "${@:2}"
}

_wire_none() {
    local seen
    seen=$(wire "$1" "$2" frame.number frame.protocols) || return 1
    [ -z "$seen" ] || echo "  frames where $2: $seen"
    [ -z "$seen" ]
}

# assert_frames WHAT FILE COUNT EXPR: FILE holds COUNT frames (or "any":
# one or more) equal, byte for byte, to the scapy expression EXPR.
assert_frames() {
    check "$1" "$PY" "$SYSTEM_DIR/framematch.py" "$2" "$3" "$4"
}

# echo_server NS ADDR PORT: a TCP server in NS that echoes one connection
# back to its peer, and writes the peer's address to $TEST_DIR/peer.PORT.
echo_server() {
    ns_bg "$1" "$PY" -c '
import socket, sys
s = socket.create_server((sys.argv[1], int(sys.argv[2])))
c, peer = s.accept()
open(sys.argv[3], "w").write(peer[0] + "\n")
while data := c.recv(65536):
    c.sendall(data)
c.close()' "$2" "$3" "$TEST_DIR/peer.$3"
    wait_listen "$1" "$3"
}

# echo_client NS ADDR PORT BYTES: connects from NS, sends BYTES random
# bytes and succeeds if exactly they come back.
echo_client() {
    ns_exec "$1" "$PY" - "$2" "$3" "$4" <<'PYEOF'
import os, socket, sys, threading
data = os.urandom(int(sys.argv[3]))
c = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=10)
def send():
    c.sendall(data)
    c.shutdown(socket.SHUT_WR)
threading.Thread(target=send).start()
back = bytearray()
while chunk := c.recv(65536):
    back += chunk
print('  sent %d bytes, %d came back%s' % (len(data), len(back),
      '' if back == data else ', not the same'))
sys.exit(back != data)
PYEOF
}
