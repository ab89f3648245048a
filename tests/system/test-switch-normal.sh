#!/bin/bash
# A new bridge is a learning switch (standalone, no controller: one flow,
# priority=0 actions=NORMAL, as OVS makes it).  Hosts on three ports ping
# each other; the bridge learns each host's MAC on its port; the datapath
# holds megaflows that match both addresses; the OpenFlow flow counts the
# packets; fdb/flush forgets and traffic still crosses (by flooding, then
# learning again).  VLANs: with p1 an access port of VLAN 10, h1 no longer
# reaches h2 (VLAN 0) until p2 joins VLAN 10 too; p3 a trunk sees h1's
# frames tagged 10.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/switch-lib.sh"
require_cmd dumpcap tshark

switch_start
switch_hosts 3

assert_eq "the default flow" " priority=0 actions=NORMAL" \
    "$(ofctl dump-flows --no-stats | grep -v '^NXST\|^OFPST')"
check "h1 pings h2" pings 1 2 3
check "h2 pings h3" pings 2 3 3
fdb=$(appctl fdb/show br0)
echo "$fdb"
check "h1 learned on port 1" grep -Eq "^ +1 +0  $MAC1 " <<<"$fdb"
check "h2 learned on port 2" grep -Eq "^ +2 +0  $MAC2 " <<<"$fdb"
check "h3 learned on port 3" grep -Eq "^ +3 +0  $MAC3 " <<<"$fdb"
flows=$(dp_flows)
echo "$flows"
check "a megaflow matches h1's and h2's addresses" \
    grep -q "eth(src=$MAC1,dst=$MAC2)" <<<"$flows"
# Statistics reach the OpenFlow flow within a revalidator sweep.
check "the NORMAL flow counted the pings" wait_for 5 bash -c \
    "ovs-ofctl dump-flows unix:$WEIR_RUNDIR/br0.mgmt |
        grep -Eq 'n_packets=([1-9][0-9]+|[6-9]),'"

show=$(appctl dpif/show)
echo "$show"
check "dpif/show lists p1 as OpenFlow port 1" grep -Eq '^    p1 1/[0-9]+: \(system\)' \
    <<<"$show"
check "dpif/dump-flows shows the megaflows" bash -c \
    "'$WEIR_BUILD/utilities/weir-appctl' -t '$WEIR_CTL' dpif/dump-flows br0 |
        grep -q 'eth(src=$MAC1,dst=$MAC2)'"

appctl fdb/flush br0
assert_eq "fdb/flush forgets" " port  VLAN  MAC                Age" \
    "$(appctl fdb/show br0)"
check "h1 still pings h2 after the flush" pings 1 2 2

# VLANs.
vsctl set port p1 tag=10
check "h1 (VLAN 10) cannot reach h2 (VLAN 0)" no_ping 1 2
vsctl set port p2 tag=10
check "h1 pings h2 in VLAN 10" pings 1 2 2
at_h3=$TEST_DIR/h3.pcap
capture_start h3 eth3 "$at_h3"
vsctl set port p3 trunks=10
ns_exec h1 ping -q -c 1 -W 1 10.0.0.99 >/dev/null || true   # ARP floods
capture_stop "$at_h3"
check "the trunk sees h1's ARP tagged 10" bash -c \
    "tshark -r '$at_h3' -Y 'vlan.id == 10 && arp && eth.src == $MAC1' \
        2>/dev/null | grep -q ."
finish
