#!/bin/bash
# Forwarding through one datapath, then flows changed under traffic.  With
# output flows both ways, frames of every kind cross byte for byte as sent,
# h1 and h2 ping and talk TCP, and a flow counts exactly the packets it
# forwarded.  As upstream, a flow that names no VLAN matches only untagged
# frames: tagged ones need flows of their own.  A deleted flow stops its
# traffic at once (nothing more arrives; its packets become misses) and
# leaves dump-flows; added back, it forwards again; modified to drop, it
# drops at once.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/dp-lib.sh"

dp_pair
to_h2='in_port(1),eth()'
to_h1='in_port(2),eth()'
dpctl add-flow "$to_h2" 2
dpctl add-flow "$to_h1" 1
dpctl add-flow 'in_port(1),eth(),eth_type(0x8100),vlan(vid=5),encap()' 2
dpctl add-flow 'in_port(1),eth(),eth_type(0x88a8),vlan(vid=6),'\
'encap(eth_type(0x8100),vlan(vid=7),encap())' 2

# Crafted frames, to an address that is not h2's so that it answers none.
fwd="Ether(src='$MAC1', dst='$MAC2')"
far=10.0.0.99
frames=(
    "Ether(src='$MAC1', dst='ff:ff:ff:ff:ff:ff')/ARP(hwsrc='$MAC1', psrc='$H1', pdst='$far')"
    "$fwd/IP(src='$H1', dst='$far')/UDP(sport=1, dport=2)/$(payload)"
    "$fwd/IP(src='$H1', dst='$far', flags='MF', frag=0)/UDP(sport=1, dport=3)/$(payload)"
    "$fwd/IP(src='$H1', dst='$far')/TCP(sport=1, dport=2, flags='S')"
    "$fwd/IPv6(src='fd00::1', dst='fd00::2')/UDP(sport=1, dport=2)/$(payload)"
    "$fwd/Dot1Q(vlan=5, prio=1)/IP(src='$H1', dst='$far')/ICMP()/$(payload)"
    "$fwd/Dot1AD(vlan=6)/Dot1Q(vlan=7)/IP(src='$H1', dst='$far')/ICMP()/$(payload)"
    "$fwd/MPLS(label=5, s=0)/MPLS(label=6)/IP(src='$H1', dst='$far')/$(payload)"
    "Ether(src='$MAC1', dst='01:80:c2:00:00:00')/LLC()/STP()/$(payload)"
    "$fwd/IP(src='$H1', dst='$far')/UDP(sport=1, dport=4)/Raw(bytes(1472))"
)
at_h2=$TEST_DIR/h2.pcap
capture_start h2 eth2 "$at_h2"
untaken="$fwd/Dot1Q(vlan=8)/IP(src='$H1', dst='$far')/$(payload)"
send_frames h1 eth1 "${frames[@]}" "$untaken"
check "h1 pings h2" ns_exec h1 ping -c 3 -i 0.2 -W 2 $H2
check "h2 pings h1" ns_exec h2 ping -c 3 -i 0.2 -W 2 $H1
capture_stop "$at_h2"
for f in "${frames[@]}"; do
    assert_frames "forwarded as sent: ${f#"$fwd/"}" "$at_h2" 1 "$f"
done
assert_frames "a frame of VLAN 8 is not taken by the untagged flow" \
    "$at_h2" 0 "$untaken"
dpctl dump-flows
assert_eq "the flow to h2 counted h1's untagged frames, pings and replies" \
    $((${#frames[@]} - 2 + 6)) "$(flow_packets dp0 "$to_h2")"
assert_eq "the flow to h1 counted every ping and reply from h2" \
    6 "$(flow_packets dp0 "$to_h1")"
echo_server h2 $H2 5001
check "TCP: 300 kB from h1 echoed by h2" echo_client h1 $H2 5001 300000

# Deleted: h1's traffic stops in the datapath, h2's still goes.
at_h1=$TEST_DIR/h1.pcap
missed=$(lookups missed)
dpctl del-flow "$to_h2"
capture_start h1 eth1 "$at_h1"
capture_start h2 eth2 "$at_h2"
check "after del-flow, h1 cannot ping h2" \
    bash -c "! ip netns exec ${PREFIX}h1 ping -c 3 -i 0.2 -W 1 $H2"
send_frames h1 eth1 "${frames[1]}"
check "nor h2 h1, whose reply cannot come back" \
    bash -c "! ip netns exec ${PREFIX}h2 ping -c 1 -W 1 $H1"
capture_stop "$at_h1"
capture_stop "$at_h2"
assert_no_wire "nothing from h1 reaches h2 any more" "$at_h2" "eth.src == $MAC1"
assert_wire "h2's ping still reaches h1" "$at_h1" \
    "icmp.type == 8 && eth.src == $MAC2" ip.src $H2 1
assert_eq "dump-flows no longer lists the deleted flow" "" \
    "$(flow_packets dp0 "$to_h2")"
check "dump-flows still lists the other" test -n "$(flow_packets dp0 "$to_h1")"
assert_eq "h1's 5 packets since (3 pings, a frame, a reply) were misses" \
    $((missed + 5)) "$(lookups missed)"

# Back, then dropping.
dpctl add-flow "$to_h2" 2
check "added back, h1 pings h2 again" ns_exec h1 ping -c 2 -i 0.2 -W 2 $H2
dpctl mod-flow --clear "$to_h2" drop
capture_start h2 eth2 "$at_h2"
check "modified to drop, h1 cannot ping h2" \
    bash -c "! ip netns exec ${PREFIX}h1 ping -c 3 -i 0.2 -W 1 $H2"
capture_stop "$at_h2"
assert_no_wire "nothing from h1 reaches h2" "$at_h2" "eth.src == $MAC1"
assert_eq "the dropping flow counted h1's 3 pings" 3 \
    "$(flow_packets dp0 "$to_h2")"
finish
