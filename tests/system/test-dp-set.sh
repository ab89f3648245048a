#!/bin/bash
# Masked set on real traffic: the datapath rewrites h1's address to 10.0.0.11
# on the way to h2 (set(ipv4(src=...))) and back on the way to h1
# (set(ipv4(dst=...))), with the hosts' TX checksum offload on, so the
# kernel hands the datapath TCP and UDP packets whose checksums are still
# partial.  A TCP exchange completes through the rewrite both ways, h2 sees
# the new address as its peer, and every rewritten frame arrives with valid
# IPv4, TCP, UDP and ICMP checksums; crafted frames arrive byte for byte as
# if sent from the new address, a UDP checksum of 0 (none) staying 0.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/dp-lib.sh"
require_cmd ethtool

dp_pair
NEW=10.0.0.11
ns_exec h2 ip neigh replace $NEW lladdr "$MAC1" dev eth2 nud permanent
offload() {
    ns_exec "$1" ethtool -k "$2" | grep -qx 'tx-checksumming: on'
}
check "h1 offloads TX checksums (they are not turned off)" offload h1 eth1
check "h2 offloads TX checksums (they are not turned off)" offload h2 eth2

dpctl add-flow "in_port(1),eth(),eth_type(0x0800),ipv4(src=$H1)" \
    "set(ipv4(src=$NEW)),2"
dpctl add-flow "in_port(2),eth(),eth_type(0x0800),ipv4(dst=$NEW)" \
    "set(ipv4(dst=$H1)),1"
dpctl -m dump-flows

capture_hosts
echo_server h2 $H2 5001
check "TCP: 300 kB from h1 echoed by h2 through the rewrite" \
    echo_client h1 $H2 5001 300000
assert_eq "h2's peer was the new address" $NEW "$(cat "$TEST_DIR/peer.5001")"
check "h1 pings h2 through the rewrite" ns_exec h1 ping -c 2 -i 0.2 -W 2 $H2
ns_bg h2 "$PY" -c "
import socket
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(('$H2', 6000))
open('$TEST_DIR/udp', 'w').write(repr(u.recvfrom(100)))"
wait_for 10 bash -c "ip netns exec ${PREFIX}h2 ss -Hlun 'sport = :6000' | grep -q ."
ns_exec h1 "$PY" -c "
import socket
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'hello', ('$H2', 6000))"
check "h2 got a UDP datagram from the new address" wait_for 5 \
    grep -qF "(b'hello', ('$NEW', " "$TEST_DIR/udp"
fwd="Ether(src='$MAC1', dst='$MAC2')"
udp="UDP(sport=4000, dport=4001)/$(payload)"
send_frames h1 eth1 "$fwd/IP(src='$H1', dst='$H2', ttl=9, tos=0x28)/$udp" \
    "$fwd/IP(src='$H1', dst='$H2', id=7)/UDP(sport=4000, dport=4002, chksum=0)/$(payload)"
capture_hosts_stop

assert_wire "h1's TCP left with partial checksums (offloaded)" "$at_h1" \
    "ip.src == $H1 && tcp.len > 0" "tcp.checksum.status" 0
assert_wire "h1's UDP left with a partial checksum (offloaded)" "$at_h1" \
    "ip.src == $H1 && udp.dstport == 6000" "udp.checksum.status" 0 1
assert_no_wire "nothing arrives at h2 from h1's own address" "$at_h2" \
    "ip.addr == $H1"
assert_wire "TCP arrives at h2 from $NEW with valid checksums" "$at_h2" \
    "tcp && ip.dst == $H2" "ip.src ip.checksum.status tcp.checksum.status" \
    "$NEW 1 1"
assert_wire "UDP arrives at h2 from $NEW with a valid checksum" "$at_h2" \
    "udp.dstport == 6000" "ip.src ip.checksum.status udp.checksum.status" \
    "$NEW 1 1" 1
assert_wire "pings arrive at h2 from $NEW with valid checksums" "$at_h2" \
    "icmp.type == 8" "ip.src ip.checksum.status icmp.checksum.status" \
    "$NEW 1 1" 2
# (h2's port unreachables for the crafted frames quote them, $NEW and all.)
assert_no_wire "nothing arrives at h1 for $NEW" "$at_h1" \
    "ip.addr == $NEW && !(icmp.type == 3)"
assert_wire "TCP arrives at h1 for $H1 with valid checksums" "$at_h1" \
    "tcp && ip.src == $H2" "ip.dst ip.checksum.status tcp.checksum.status" \
    "$H1 1 1"
assert_wire "ping replies arrive at h1 with valid checksums" "$at_h1" \
    "icmp.type == 0" "ip.dst ip.checksum.status icmp.checksum.status" \
    "$H1 1 1" 2
assert_frames "a crafted frame arrives as if sent from $NEW, all else kept" \
    "$at_h2" 1 "$fwd/IP(src='$NEW', dst='$H2', ttl=9, tos=0x28)/$udp"
assert_frames "a UDP checksum of 0 (none) stays 0" "$at_h2" 1 \
    "$fwd/IP(src='$NEW', dst='$H2', id=7)/UDP(sport=4000, dport=4002, chksum=0)/$(payload)"
finish
