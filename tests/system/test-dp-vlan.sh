#!/bin/bash
# VLAN and QinQ push and pop on real traffic through one datapath, checked
# on the wire where it arrives.  h1 -> h2: push_vlan gives h1's pings and
# crafted frames an 802.1Q tag (vid 10, pcp 3) in front of a frame otherwise
# byte for byte as sent, with valid checksums; two pushes make an 802.1ad
# tag outside an 802.1Q one.  h2 -> h1: tagged and double-tagged frames have
# their tags popped, outermost first; a frame of another VLAN is not
# forwarded.  (This kernel may lack 802.1Q devices, module 8021q, so h2
# cannot answer a tagged ping itself; test-dp-trunk.sh pings across a
# VLAN-tagged link between two datapaths.)
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/dp-lib.sh"

dp_pair
udp="IP(src='$H1', dst='$H2')/UDP(sport=4000"
fwd="Ether(src='$MAC1', dst='$MAC2')"
back="Ether(src='$MAC2', dst='$MAC1')"
# ret N: h2's UDP to h1 from port N, one port for each frame it sends.
ret() {
    echo "IP(src='$H2', dst='$H1')/UDP(sport=$1, dport=4000)/$(payload)"
}

# h1 -> h2, by what h1 sends: pings and UDP to port 10 get one tag, UDP to
# port 20 two.
to_h2='in_port(1),eth(),eth_type(0x0800)'
dpctl add-flow "$to_h2,ipv4(proto=1),icmp()" 'push_vlan(vid=10,pcp=3),2'
dpctl add-flow "$to_h2,ipv4(proto=17),udp(dst=10)" 'push_vlan(vid=10,pcp=3),2'
dpctl add-flow "$to_h2,ipv4(proto=17),udp(dst=20)" \
    'push_vlan(vid=20,pcp=2),push_vlan(tpid=0x88a8,vid=100,pcp=5),2'
# h2 -> h1, by the tags: VLAN 10 popped; S-VLAN 100 over C-VLAN 20 both
# popped; S-VLAN 200 over C-VLAN 20 only the outer one.
dpctl add-flow 'in_port(2),eth(),eth_type(0x8100),vlan(vid=10),encap()' \
    'pop_vlan,1'
qinq='eth_type(0x8100),vlan(vid=20),encap()'
dpctl add-flow \
    "in_port(2),eth(),eth_type(0x88a8),vlan(vid=100),encap($qinq)" \
    'pop_vlan,pop_vlan,1'
dpctl add-flow \
    "in_port(2),eth(),eth_type(0x88a8),vlan(vid=200),encap($qinq)" \
    'pop_vlan,1'
dpctl dump-flows

capture_hosts
# h2, without a VLAN device, does not answer.
ns_exec h1 ping -c 3 -i 0.2 -W 1 $H2 || true
send_frames h1 eth1 "$fwd/$udp, dport=10)/$(payload)" \
    "$fwd/$udp, dport=20)/$(payload)"
send_frames h2 eth2 "$back/Dot1Q(vlan=10, prio=3)/$(ret 1)" \
    "$back/Dot1AD(vlan=100, prio=5)/Dot1Q(vlan=20, prio=2)/$(ret 2)" \
    "$back/Dot1AD(vlan=200)/Dot1Q(vlan=20, prio=2)/$(ret 3)" \
    "$back/Dot1Q(vlan=11)/$(ret 4)"
capture_hosts_stop

tag='eth.type vlan.id vlan.priority vlan.dei vlan.etype'
assert_wire "h1's 3 pings arrive at h2 tagged vid 10 pcp 3, checksums valid" \
    "$at_h2" "icmp.type == 8" "$tag ip.src ip.checksum.status \
icmp.checksum.status" "0x8100 10 3 0 0x0800 $H1 1 1" 3
assert_no_wire "nothing from h1 arrives at h2 untagged" "$at_h2" \
    "ip.src == $H1 && !vlan && !ieee8021ad"
assert_frames "a UDP frame arrives at h2 with the tag in front, as sent" \
    "$at_h2" 1 "$fwd/Dot1Q(vlan=10, prio=3)/$udp, dport=10)/$(payload)"
assert_wire "QinQ on the wire: 802.1ad vid 100 pcp 5 outside 802.1Q vid 20 \
pcp 2" "$at_h2" "udp.dstport == 20" \
    "frame.protocols eth.type ieee8021ad.id ieee8021ad.priority vlan.id \
vlan.priority vlan.etype" \
    "eth:ethertype:ieee8021ad:ethertype:vlan:ethertype:ip:udp:data 0x88a8 \
100 5 20 2 0x0800" 1
assert_frames "the double-tagged frame is the frame sent, tags in front" \
    "$at_h2" 1 \
    "$fwd/Dot1AD(vlan=100, prio=5)/Dot1Q(vlan=20, prio=2)/$udp, dport=20)/$(payload)"

assert_frames "pop_vlan: h1 gets h2's VLAN 10 frame untagged, intact" \
    "$at_h1" 1 "$back/$(ret 1)"
assert_frames "pop_vlan twice: the double-tagged frame arrives untagged" \
    "$at_h1" 1 "$back/$(ret 2)"
assert_frames "one pop_vlan of QinQ removes the outer tag, not the inner" \
    "$at_h1" 1 "$back/Dot1Q(vlan=20, prio=2)/$(ret 3)"
assert_frames "a frame of VLAN 11, which no flow takes, is not forwarded" \
    "$at_h1" 0 "$back/Dot1Q(vlan=11)/$(ret 4)"
finish
