#!/bin/bash
# MPLS push and pop on real traffic through one datapath, checked on the
# wire where it arrives.  h1 -> h2: push_mpls puts a label (100, tc 3,
# ttl 64, bottom of stack) or a stack of two or three in front of the IPv4
# packet, with ethertype 0x8847 (0x8848 for multicast), the packet behind
# the labels byte for byte as sent; h1's pings arrive labelled with valid
# checksums.  h2 -> h1: pop_mpls takes the top label off, restoring the
# ethertype it names, and a flow that names only the top label takes
# deeper stacks too (as upstream); popping every label gives back the IPv4
# frame as it was before the labels.  test-dp-trunk.sh pings across an MPLS
# link.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/dp-lib.sh"

dp_pair
fwd="Ether(src='$MAC1', dst='$MAC2')"
back="Ether(src='$MAC2', dst='$MAC1')"
# udp DPORT [SRC DST]: a UDP packet to DPORT, h1 to h2 unless told.
udp() {
    echo "IP(src='${2:-$H1}', dst='${3:-$H2}')/UDP(sport=4000, dport=$1)/$(payload)"
}

to_h2='in_port(1),eth(),eth_type(0x0800)'
dpctl add-flow "$to_h2,ipv4(proto=1),icmp()" \
    "push_mpls($(lse 100 3 64 1),eth_type=0x8847),2"
dpctl add-flow "$to_h2,ipv4(proto=17),udp(dst=1)" \
    "push_mpls($(lse 100 3 64 1),eth_type=0x8847),2"
dpctl add-flow "$to_h2,ipv4(proto=17),udp(dst=2)" \
    "push_mpls($(lse 200 1 32 1),eth_type=0x8847),\
push_mpls($(lse 100 3 64 0),eth_type=0x8847),2"
dpctl add-flow "$to_h2,ipv4(proto=17),udp(dst=3)" \
    "push_mpls($(lse 300 7 1 1),eth_type=0x8848),\
push_mpls($(lse 200 0 2 0),eth_type=0x8848),\
push_mpls($(lse 1048575 5 255 0),eth_type=0x8848),2"
# h2 -> h1, by the labels: 100 popped to IPv4; 101 over 200 popped twice to
# IPv4 (as upstream, a flow pops only labels its key matches); 102 (over
# 200) popped once.
from_h2='in_port(2),eth(),eth_type(0x8847),mpls'
dpctl add-flow "$from_h2(label=100,tc=0,ttl=64,bos=1)" \
    'pop_mpls(eth_type=0x800),1'
dpctl add-flow "$from_h2($(lse 101 0 64 0),$(lse 200 0 9 1))" \
    'pop_mpls(eth_type=0x8847),pop_mpls(eth_type=0x800),1'
dpctl add-flow "$from_h2(label=102,tc=0,ttl=64,bos=0)" \
    'pop_mpls(eth_type=0x8847),1'
dpctl dump-flows

capture_hosts
# h2 does not answer labelled pings.
ns_exec h1 ping -c 3 -i 0.2 -W 1 $H2 || true
send_frames h1 eth1 "$fwd/$(udp 1)" "$fwd/$(udp 2)" "$fwd/$(udp 3)"
send_frames h2 eth2 \
    "$back/MPLS(label=100, ttl=64)/$(udp 11 "$H2" "$H1")" \
    "$back/MPLS(label=101, s=0, ttl=64)/MPLS(label=200, ttl=9)/$(udp 12 "$H2" "$H1")" \
    "$back/MPLS(label=102, s=0, ttl=64)/MPLS(label=200, ttl=9)/$(udp 13 "$H2" "$H1")" \
    "$back/MPLS(label=103, ttl=64)/$(udp 14 "$H2" "$H1")"
capture_hosts_stop

stack='eth.type mpls.label mpls.exp mpls.ttl mpls.bottom'
assert_wire "h1's 3 pings arrive at h2 under label 100 tc 3 ttl 64 bos 1, \
checksums valid" "$at_h2" "icmp.type == 8" \
    "$stack ip.src ip.ttl ip.checksum.status icmp.checksum.status" \
    "0x8847 100 3 64 1 $H1 64 1 1" 3
assert_no_wire "nothing from h1 arrives at h2 unlabelled" "$at_h2" \
    "ip.src == $H1 && !mpls"
assert_frames "one label: the frame sent, the label in front" "$at_h2" 1 \
    "Ether(src='$MAC1', dst='$MAC2', type=0x8847)/MPLS(label=100, cos=3, ttl=64, s=1)/$(udp 1)"
assert_wire "two labels on the wire: 100 on top, 200 at the bottom" \
    "$at_h2" "udp.dstport == 2" "$stack" "0x8847 100,200 3,1 64,32 0,1" 1
assert_frames "two labels: the frame sent, the labels in front" "$at_h2" 1 \
    "$fwd/MPLS(label=100, cos=3, ttl=64, s=0)/MPLS(label=200, cos=1, ttl=32, s=1)/$(udp 2)"
assert_wire "three multicast labels on the wire, the push order reversed" \
    "$at_h2" "udp.dstport == 3" "$stack" \
    "0x8848 1048575,200,300 5,0,7 255,2,1 0,0,1" 1
assert_frames "three labels: the frame sent, the labels in front" \
    "$at_h2" 1 \
    "Ether(src='$MAC1', dst='$MAC2', type=0x8848)/MPLS(label=1048575, cos=5, ttl=255, s=0)/MPLS(label=200, ttl=2, s=0)/MPLS(label=300, cos=7, ttl=1, s=1)/$(udp 3)"

assert_frames "pop_mpls: h1 gets h2's labelled frame as IPv4, intact" \
    "$at_h1" 1 "$back/$(udp 11 "$H2" "$H1")"
assert_frames "two pop_mpls: the 2-label frame arrives as IPv4, intact" \
    "$at_h1" 1 "$back/$(udp 12 "$H2" "$H1")"
assert_frames "one pop_mpls of two labels leaves the bottom one" \
    "$at_h1" 1 "$back/MPLS(label=200, ttl=9)/$(udp 13 "$H2" "$H1")"
assert_wire "the popped frames are valid IPv4 with valid checksums" \
    "$at_h1" "ip.src == $H2 && udp && !icmp && !mpls" \
    "eth.type ip.checksum.status udp.checksum.status" "0x0800 1 1" 2
assert_no_wire "a label no flow takes is not forwarded" "$at_h1" \
    "udp.srcport == 4000 && udp.dstport == 14"
finish
