#!/bin/bash
# Real traffic between two namespaces over a veth pair, captured where it
# arrives, and the flow keys Weir extracts from it: ARP, ICMP, TCP, UDP, IPv6
# neighbour discovery, a VLAN subinterface, and crafted QinQ and MPLS frames.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd ip ping dumpcap
require_scapy

ns_add a b
veth_add a va b vb
ns_exec a ip addr add 10.0.0.1/24 dev va
ns_exec b ip addr add 10.0.0.2/24 dev vb
ns_exec a ip addr add fd00::1/64 dev va nodad
ns_exec b ip addr add fd00::2/64 dev vb nodad
mac_a=$(mac_of a va)
mac_b=$(mac_of b vb)

# VLAN 100 subinterfaces, where the kernel has 802.1Q (module 8021q).
vlan=yes
for end in "a va 1" "b vb 2"; do
    set -- $end
    ns_exec "$1" ip link add link "$2" name "$2.100" type vlan id 100 \
        2>/dev/null || { vlan=no; break; }
    ns_exec "$1" ip addr add "10.1.0.$3/24" dev "$2.100"
    ns_exec "$1" ip link set "$2.100" up
done
vlan_traffic() {
    if [ "$vlan" = yes ]; then
        ns_exec a ping -q -c 1 -W 2 10.1.0.2 >/dev/null
        return
    fi
    echo "note: no VLAN devices in this kernel; sending tagged frames instead"
    send_frames a va \
        "Ether(src='$mac_a', dst='ff:ff:ff:ff:ff:ff')/Dot1Q(vlan=100)/ARP(hwsrc='$mac_a', psrc='10.1.0.1', pdst='10.1.0.2')" \
        "Ether(src='$mac_a', dst='$mac_b')/Dot1Q(vlan=100)/IP(src='10.1.0.1', dst='10.1.0.2')/ICMP()"
}

# A TCP listener in b, ready before the capture starts.
ns_bg b "$PY" -c '
import socket
s = socket.create_server(("10.0.0.2", 5001))
c, _ = s.accept()
c.recv(100)'
wait_listen b 5001

capture_start b vb "$TEST_DIR/in.pcap"
ns_exec a ping -q -c 1 -W 2 10.0.0.2 >/dev/null
ns_exec a ping -q -6 -c 1 -W 2 fd00::2 >/dev/null
vlan_traffic
ns_exec a "$PY" -c '
import socket
with socket.create_connection(("10.0.0.2", 5001), timeout=5) as c:
    c.sendall(b"hello")
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(("10.0.0.1", 4321))
u.sendto(b"x", ("10.0.0.2", 5002))'
send_frames a va \
    "Ether(src='$mac_a', dst='$mac_b')/Dot1AD(vlan=7, prio=5)/Dot1Q(vlan=8)/IP(src='10.0.0.1', dst='10.0.0.2')/UDP(sport=1, dport=2)" \
    "Ether(src='$mac_a', dst='$mac_b')/MPLS(label=1000, s=0, ttl=9)/MPLS(label=2000, cos=3, ttl=8)/IP(src='10.0.0.1', dst='10.0.0.2')"
capture_stop "$TEST_DIR/in.pcap"

keys=$TEST_DIR/keys.json
flow_keys "$TEST_DIR/in.pcap" >"$keys"
v4="eth_type=0x0800 ipv4_src=10.0.0.1 ipv4_dst=10.0.0.2"
assert_flow "$keys" "ARP request" eth_src="$mac_a" eth_type=0x0806 arp_op=1 \
    arp_sip=10.0.0.1 arp_tip=10.0.0.2 arp_sha="$mac_a"
assert_flow "$keys" "ARP reply" eth_src="$mac_b" eth_dst="$mac_a" arp_op=2 \
    arp_sip=10.0.0.2 arp_tip=10.0.0.1 arp_sha="$mac_b" arp_tha="$mac_a"
assert_flow "$keys" "ICMP echo request" eth_src="$mac_a" eth_dst="$mac_b" \
    $v4 proto=1 icmp_type=8 icmp_code=0 ttl=64 frag=no
assert_flow "$keys" "TCP SYN" $v4 proto=6 tp_dst=5001 tcp_flags=0x002
assert_flow "$keys" "TCP SYN+ACK" ipv4_src=10.0.0.2 tp_src=5001 \
    tcp_flags=0x012
assert_flow "$keys" "TCP data" $v4 tp_dst=5001 tcp_flags=0x018
assert_flow "$keys" "UDP" $v4 proto=17 tp_src=4321 tp_dst=5002
assert_flow "$keys" "ND solicitation" eth_src="$mac_a" eth_type=0x86dd \
    ipv6_dst=ff02::1:ff00:2 proto=58 icmp_type=135 nd_target=fd00::2 \
    nd_sll="$mac_a" nd_tll=00:00:00:00:00:00 ttl=255
assert_flow "$keys" "ND advertisement" eth_src="$mac_b" icmp_type=136 \
    nd_target=fd00::2 nd_tll="$mac_b" nd_sll=00:00:00:00:00:00
assert_flow "$keys" "ICMPv6 echo request" ipv6_src=fd00::1 ipv6_dst=fd00::2 \
    proto=58 icmp_type=128 ttl=64
assert_flow "$keys" "VLAN 100 echo request" vlan0_tpid=0x8100 vlan0_vid=100 \
    vlan0_pcp=0 eth_type=0x0800 ipv4_src=10.1.0.1 ipv4_dst=10.1.0.2 \
    icmp_type=8
assert_flow "$keys" "VLAN 100 ARP" vlan0_vid=100 eth_type=0x0806 \
    arp_sip=10.1.0.1 arp_tip=10.1.0.2
assert_flow "$keys" "QinQ" vlan0_tpid=0x88a8 vlan0_vid=7 vlan0_pcp=5 \
    vlan1_tpid=0x8100 vlan1_vid=8 $v4 proto=17 tp_src=1 tp_dst=2
assert_flow "$keys" "MPLS" eth_type=0x8847 mpls0_label=1000 mpls0_bos=0 \
    mpls0_ttl=9 mpls1_label=2000 mpls1_tc=3 mpls1_bos=1 mpls1_ttl=8
finish
