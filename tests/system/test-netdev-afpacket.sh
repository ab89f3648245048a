#!/bin/bash
# Real traffic between two namespaces through netdev-relay, which opens two
# netdevs of one type and relays frames between them: ping, 1500-byte
# frames, a bulk TCP transfer whose sender leaves checksum offload (and TSO)
# on, and crafted VLAN and QinQ frames that must cross byte for byte.
#
#   ns a: va 10.0.0.1 --- sa [ns sw: netdev-relay] sb --- vb 10.0.0.2 :ns b
#
# For "system" (AF_PACKET), "afxdp" (and its fallback to system when the
# kernel refuses, forced here by dropping the BPF capabilities), and a
# "tap" port whose host side in ns sw talks to ns a through the relay.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd ip ping dumpcap tshark ethtool capsh
require_scapy

RELAY=$WEIR_BUILD/tests/tools/netdev-relay
[ -x "$RELAY" ] || fail "$RELAY is not built (make in $WEIR_BUILD)"
TCP_BYTES=1000000

ns_add a sw b
veth_add a va sw sa
veth_add b vb sw sb
ns_exec a ip addr add 10.0.0.1/24 dev va
ns_exec b ip addr add 10.0.0.2/24 dev vb
mac_a=$(mac_of a va)
mac_b=$(mac_of b vb)
ns_exec a ethtool -k va | grep -q "tx-checksumming: on" ||
    fail "va has no TX checksum offload to leave on"

# relay_start LOG PORT PORT: the relay in ns sw, run through the command
# in the array RELAY_WRAP if set; returns once it is ready.
RELAY_WRAP=()
relay_start() {
    local log=$1
    shift
    ns_bg sw "${RELAY_WRAP[@]}" "$RELAY" -t 120 "$@" >"$log" 2>&1
    RELAY_PID=$BG_PID
    wait_for 10 grep -q '^ready' "$log" || fail "relay did not start: $(cat "$log")"
}

relay_stop() {
    kill "$RELAY_PID" 2>/dev/null || true
    wait "$RELAY_PID" 2>/dev/null || true
}

# tcp_transfer SRC_NS DST_NS DST_IP: sends TCP_BYTES from SRC to a listener
# in DST; prints the byte count the listener got.
tcp_transfer() {
    local out=$TEST_DIR/tcp.count
    rm -f "$out"
    ns_bg "$2" "$PY" -c '
import socket, sys
s = socket.create_server((sys.argv[1], 5001))
s.settimeout(15)
c, _ = s.accept()
c.settimeout(15)
n = 0
while True:
    d = c.recv(65536)
    if not d:
        break
    n += len(d)
open(sys.argv[2], "w").write(str(n))' "$3" "$out"
    wait_listen "$2" 5001
    ns_exec "$1" "$PY" -c '
import socket, sys
with socket.create_connection((sys.argv[1], 5001), timeout=15) as c:
    c.sendall(bytes(range(256)) * (int(sys.argv[2]) // 256) +
              bytes(int(sys.argv[2]) % 256))' "$3" "$TCP_BYTES"
    wait_for 15 test -s "$out" || true
    cat "$out" 2>/dev/null || echo 0
}

# csum_status PCAP FILTER: the TCP checksum verdicts (Good/Bad) tshark
# gives the matching frames, counted.
csum_status() {
    tshark -o tcp.check_checksum:TRUE -r "$1" -Y "$2" \
        -T fields -e tcp.checksum.status 2>/dev/null | sort | uniq -c
}

no_bad_csum() {
    local s
    s=$(csum_status "$1" "$2")
    echo "  checksums of '$2': $(echo $s)"
    grep -q ' 1$' <<<"$s" && ! grep -q ' 0$' <<<"$s"
}

some_bad_csum() {
    csum_status "$1" "$2" | grep -q ' 0$'
}

max_len() {
    tshark -r "$1" -Y "$2" -T fields -e frame.len 2>/dev/null | sort -n | tail -1
}

# Checks that the frames sent from va arrived at vb unchanged.
frames_intact() {
    "$PY" - "$TEST_DIR/vlan.pcap" "$@" <<'EOF'
import sys
from scapy.all import *
got = [bytes(p) for p in rdpcap(sys.argv[1])]
want = [bytes(eval(e)) for e in sys.argv[2:]]
missing = [w for w in want if w not in got]
for w in missing:
    print("  missing at vb:", w.hex())
sys.exit(1 if missing else 0)
EOF
}

# The checks every relay type must pass between a and b.
check_traffic() {
    local what=$1 pcap=$TEST_DIR/$1-vb.pcap sent=$TEST_DIR/$1-va.pcap n
    check "$what: ping" ns_exec a ping -q -c 3 -i 0.2 -W 2 10.0.0.2
    check "$what: 1500-byte frames" \
        ns_exec a ping -q -c 2 -s 1472 -M do -W 2 10.0.0.2

    capture_start a va "$sent" "tcp and src host 10.0.0.1"
    capture_start b vb "$pcap" "tcp and src host 10.0.0.1"
    n=$(tcp_transfer a b 10.0.0.2)
    capture_stop "$pcap"
    capture_stop "$sent"
    assert_eq "$what: TCP transfer completes" "$TCP_BYTES" "$n"
    check "$what: sender left TCP checksums partial" \
        some_bad_csum "$sent" "tcp.len > 0"
    check "$what: relayed TCP checksums valid" \
        no_bad_csum "$pcap" "ip.src == 10.0.0.1"
    check "$what: relayed frames fit the MTU" \
        test "$(max_len "$pcap" tcp)" -le 1514

    local e1="Ether(src='$mac_a', dst='$mac_b')/Dot1Q(vlan=100, prio=5)/IP(src='10.0.0.1', dst='10.0.0.2')/UDP(sport=1, dport=2)/Raw(b'weir-vlan-$what')"
    local e2="Ether(src='$mac_a', dst='$mac_b')/Dot1AD(vlan=7)/Dot1Q(vlan=8)/IP(src='10.0.0.1', dst='10.0.0.2')/UDP(sport=3, dport=4)/Raw(b'weir-qinq-$what')"
    capture_start b vb "$TEST_DIR/vlan.pcap" "udp or vlan"
    send_frames a va "$e1" "$e2"
    capture_stop "$TEST_DIR/vlan.pcap"
    check "$what: VLAN and QinQ frames cross intact" frames_intact "$e1" "$e2"
}

# system: AF_PACKET.  A TSO sender hands the veth super-frames, which the
# port must cut: seen as frames over 1514 bytes leaving va.
relay_start "$TEST_DIR/system.log" system:sa system:sb
check_traffic system
check "system: sender used TSO (GSO frames on va)" \
    test "$(max_len "$TEST_DIR/system-va.pcap" tcp)" -gt 1514
relay_stop
cat "$TEST_DIR/system.log"

# afxdp: AF_XDP where the kernel allows it, else system with a reason.
relay_start "$TEST_DIR/afxdp.log" afxdp:sa afxdp:sb
check_traffic afxdp
relay_stop
cat "$TEST_DIR/afxdp.log"
if grep -q "afxdp as afxdp" "$TEST_DIR/afxdp.log"; then
    echo "note: AF_XDP ports work on this kernel"
else
    check "afxdp: the fallback says why" \
        grep -q "AF_XDP refused (.*); falling back to system" "$TEST_DIR/afxdp.log"
fi

# afxdp without the capabilities to load an XDP program: falls back to
# system (AF_PACKET needs only CAP_NET_RAW), says why, and forwards.
RELAY_WRAP=(capsh --drop=cap_bpf,cap_sys_admin,cap_net_admin,cap_perfmon
            -- -c 'exec "$0" "$@"')
relay_start "$TEST_DIR/fallback.log" afxdp:sa afxdp:sb
RELAY_WRAP=()
check "afxdp fallback: forwards" ns_exec a ping -q -c 2 -i 0.2 -W 2 10.0.0.2
relay_stop
cat "$TEST_DIR/fallback.log"
check "afxdp fallback: the log says why" \
    grep -q "sa: AF_XDP refused (XDP socket: Operation not permitted.*); falling back to system" \
    "$TEST_DIR/fallback.log"
check "afxdp fallback: ports run as system" \
    grep -q "sa (afxdp as system)" "$TEST_DIR/fallback.log"

# tap: a tap port in ns sw, whose host side (10.0.0.3, checksum offload
# on: TUN_F_CSUM) talks to ns a through the relay.
relay_start "$TEST_DIR/tap.log" tap:wt0 system:sa
ns_exec sw ip addr add 10.0.0.3/24 dev wt0
check "tap: ping" ns_exec a ping -q -c 3 -i 0.2 -W 2 10.0.0.3
capture_start a va "$TEST_DIR/tap-va.pcap" "tcp and src host 10.0.0.3"
n=$(tcp_transfer sw a 10.0.0.1)
capture_stop "$TEST_DIR/tap-va.pcap"
assert_eq "tap: TCP transfer completes" "$TCP_BYTES" "$n"
check "tap: relayed TCP checksums valid" \
    no_bad_csum "$TEST_DIR/tap-va.pcap" "ip.src == 10.0.0.3"
relay_stop
cat "$TEST_DIR/tap.log"
finish
