#!/bin/bash
# OpenFlow actions through the whole switch, with real packets and
# Debian's ovs-ofctl as the controller's tool:
# - groups: "all" copies to two ports, "indirect" forwards, "select"
#   sends each flow to one bucket, "fast failover" skips a bucket whose
#   watched port is down;
# - VLAN and MPLS set by OpenFlow are on the wire (tshark), and popped on
#   the way back;
# - meters: a drop band holds traffic to its rate, and counts it;
# - learn: a flow learns the reverse path into table 1;
# - conjunction: only the allowed source and destination pair passes.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/switch-lib.sh"
require_cmd dumpcap tshark

switch_start
switch_hosts 3
ofctl del-flows
O13=(-O OpenFlow13)
arp_normal() {
    ofctl "${O13[@]}" add-flow "priority=100,arp,actions=NORMAL"
}
arp_normal

# Groups.
ofctl "${O13[@]}" add-group "group_id=1,type=all,bucket=output:2,bucket=output:3"
ofctl "${O13[@]}" add-flow "priority=10,ip,in_port=1,actions=group:1"
ofctl "${O13[@]}" add-flow "priority=10,ip,in_port=2,actions=output:1"
capture_start h3 eth3 "$TEST_DIR/h3.pcap" icmp
check "type all: h1 reaches h2" pings 1 2 2
capture_stop "$TEST_DIR/h3.pcap"
check "type all: h3 got a copy of the echo requests" bash -c \
    "[ \$(tshark -r '$TEST_DIR/h3.pcap' -Y 'icmp.type == 8' 2>/dev/null | wc -l) -ge 2 ]"

ofctl "${O13[@]}" add-group "group_id=2,type=indirect,bucket=output:2"
ofctl "${O13[@]}" mod-flows "priority=10,ip,in_port=1,actions=group:2"
check "type indirect: h1 reaches h2" pings 1 2

ofctl "${O13[@]}" add-group \
    "group_id=3,type=ff,bucket=watch_port:3,output:3,bucket=watch_port:2,output:2"
ofctl "${O13[@]}" mod-flows "priority=10,ip,in_port=1,actions=group:3"
ofctl "${O13[@]}" add-flow "priority=10,ip,in_port=3,actions=output:1"
check "type ff: the first live bucket (h3) answers" pings 1 3
ofctl mod-port p3 down
check "type ff: with p3 down, h2 answers instead" pings 1 2
ofctl mod-port p3 up

ofctl "${O13[@]}" add-group \
    "group_id=4,type=select,bucket=weight:50,output:2,bucket=weight:50,output:2"
ofctl "${O13[@]}" mod-flows "priority=10,ip,in_port=1,actions=group:4"
check "type select: h1 reaches h2" pings 1 2 2
# Statistics come up with the next revalidator sweep.
check "group stats count packets" wait_for 3 bash -c \
    "ovs-ofctl -O OpenFlow13 dump-group-stats unix:$WEIR_RUNDIR/br0.mgmt |
        grep -Eq 'group_id=4,.*,packet_count=[1-9]'"

# VLAN and MPLS on the wire.
ofctl del-flows
arp_normal
ofctl "${O13[@]}" add-flow "priority=10,ip,in_port=1,actions=push_vlan:0x8100,set_field:4196->vlan_vid,output:3"
capture_start h3 eth3 "$TEST_DIR/vlan.pcap"
ns_exec h1 ping -q -c 1 -W 1 10.0.0.3 >/dev/null || true
capture_stop "$TEST_DIR/vlan.pcap"
check "push_vlan: h3 sees VLAN 100" bash -c \
    "tshark -r '$TEST_DIR/vlan.pcap' -Y 'vlan.id == 100 && icmp' 2>/dev/null | grep -q ."

ofctl "${O13[@]}" mod-flows "priority=10,ip,in_port=1,actions=push_mpls:0x8847,set_field:77->mpls_label,output:3"
capture_start h3 eth3 "$TEST_DIR/mpls.pcap"
ns_exec h1 ping -q -c 1 -W 1 10.0.0.3 >/dev/null || true
capture_stop "$TEST_DIR/mpls.pcap"
check "push_mpls: h3 sees label 77" bash -c \
    "tshark -r '$TEST_DIR/mpls.pcap' -Y 'mpls.label == 77' 2>/dev/null | grep -q ."

# Learn.
ofctl del-flows
arp_normal
ofctl add-flow "table=0,priority=10,ip,actions=learn(table=1,hard_timeout=60,NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],output:NXM_OF_IN_PORT[]),resubmit(,1)"
ofctl add-flow "table=1,priority=0,actions=FLOOD"
check "learn: h1 reaches h2 while learning" pings 1 2 2
learned=$(ofctl dump-flows table=1)
echo "$learned"
check "learn: table 1 learned h1's address on port 1" \
    grep -q "dl_dst=$MAC1 actions=output:1" <<<"$learned"
check "learn: table 1 learned h2's address on port 2" \
    grep -q "dl_dst=$MAC2 actions=output:2" <<<"$learned"

# Meters: 2 packets a second with a burst of 5; 40 echo requests in
# 0.4 s, so about 5 pass and the rest are dropped by the datapath.
ofctl del-flows
arp_normal
ofctl "${O13[@]}" add-meter "meter=1,pktps,burst,stats,bands=type=drop,rate=2,burst_size=5"
ofctl "${O13[@]}" add-flow "priority=10,ip,in_port=1,actions=meter:1,output:2"
ofctl "${O13[@]}" add-flow "priority=10,ip,in_port=2,actions=output:1"
got=$(ns_exec h1 ping -q -c 40 -i 0.01 -W 1 10.0.0.2 |
      sed -nE 's/.* ([0-9]+) received.*/\1/p')
echo "echo replies through the meter: $got of 40"
check "the meter lets the burst through" test "$got" -ge 4
check "the meter drops over its rate" test "$got" -le 12
check "meter stats count the drops" wait_for 3 bash -c \
    "ovs-ofctl -O OpenFlow13 meter-stats unix:$WEIR_RUNDIR/br0.mgmt |
        grep -Eq '0: packet_count:(2[0-9]|3[0-9])'"
ovs-ofctl -O OpenFlow13 meter-stats "unix:$WEIR_RUNDIR/br0.mgmt"

# Conjunction.
ofctl del-flows
arp_normal
ofctl add-flow "priority=10,ip,nw_src=10.0.0.1,actions=conjunction(7,1/2)"
ofctl add-flow "priority=10,ip,nw_dst=10.0.0.2,actions=conjunction(7,2/2)"
ofctl add-flow "priority=10,conj_id=7,ip,actions=NORMAL"
ofctl add-flow "priority=5,ip,nw_src=10.0.0.2,actions=NORMAL"
check "conjunction: h1 -> h2 passes both clauses" pings 1 2
check "conjunction: h1 -> h3 fails the second clause" no_ping 1 3
finish
