#!/bin/bash
# Round trips across a link between two datapaths that carries every frame
# tagged or labelled: each datapath pushes onto what its host sends and pops
# what arrives from the link, so h1 and h2 reach each other only if both
# did their part, in both directions.  For an 802.1Q tag, 802.1ad over
# 802.1Q (QinQ), and a stack of two MPLS labels: pings both ways and a TCP
# exchange (TX checksum offload and segmentation offload on at the hosts)
# succeed, and on the link every frame carries the encapsulation, in the
# right order with the right TPIDs and labels, over an IPv4 packet with
# valid checksums.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/dp-lib.sh"

dp_trunk
port=5000

# across NAME HOST TRUNK PUSH POP PROTO FIELDS EXPECTED: with dp0 and dp1
# pushing PUSH onto frames from their host that match HOST, and popping with
# POP frames from the link that match TRUNK, h1 and h2 ping and talk TCP
# both ways; on the link, every frame is of protocol PROTO (a display
# filter), and in every IPv4 one FIELDS read EXPECTED.
across() {
    local name=$1 host=$2 trunk=$3 push=$4 pop=$5 proto=$6 fields=$7
    local expected=$8 at=$TEST_DIR/$1.pcap dir

    dpctl del-flows dp0
    dpctl del-flows dp1
    # dp0 has its host on port 1 and the link on 2, dp1 the other way.
    dpctl add-flow dp0 "in_port(1),$host" "$push,2"
    dpctl add-flow dp0 "in_port(2),$trunk" "$pop,1"
    dpctl add-flow dp1 "in_port(2),$host" "$push,1"
    dpctl add-flow dp1 "in_port(1),$trunk" "$pop,2"
    dpctl dump-flows dp0
    dpctl dump-flows dp1

    # Each end of the link sees what arrives there (the datapaths' own
    # sends bypass the capture), so one capture a direction.
    capture_start sw p3 "$at.to-dp1"
    capture_start sw p2 "$at.to-dp0"
    check "$name: h1 pings h2" ns_exec h1 ping -c 3 -i 0.2 -W 2 $H2
    check "$name: h2 pings h1" ns_exec h2 ping -c 3 -i 0.2 -W 2 $H1
    port=$((port + 1))
    echo_server h2 $H2 $port
    check "$name: 300 kB from h1 echoed by h2 over TCP" \
        echo_client h1 $H2 $port 300000
    capture_stop "$at.to-dp1"
    capture_stop "$at.to-dp0"

    for dir in to-dp1 to-dp0; do
        assert_no_wire "$name $dir: every frame on the link is $proto" \
            "$at.$dir" "!($proto)"
        assert_wire "$name $dir: the 6 ICMP echoes carry $expected" \
            "$at.$dir" "icmp" \
            "$fields ip.checksum.status icmp.checksum.status" \
            "$expected 1 1" 6
        assert_wire "$name $dir: TCP carries $expected" "$at.$dir" "tcp" \
            "$fields ip.checksum.status tcp.checksum.status" "$expected 1 1"
    done
}

across "802.1Q" 'eth()' 'eth(),eth_type(0x8100),vlan(vid=10),encap()' \
    'push_vlan(vid=10,pcp=3)' 'pop_vlan' vlan \
    "eth.type vlan.id vlan.priority vlan.etype" "0x8100 10 3 0x0800"

qinq='eth_type(0x88a8),vlan(vid=100),encap(eth_type(0x8100),vlan(vid=20),encap())'
across "QinQ" 'eth()' "eth(),$qinq" \
    'push_vlan(vid=20,pcp=2),push_vlan(tpid=0x88a8,vid=100,pcp=5)' \
    'pop_vlan,pop_vlan' 'ieee8021ad && vlan' \
    "eth.type ieee8021ad.id ieee8021ad.priority vlan.id vlan.priority \
vlan.etype" "0x88a8 100 5 20 2 0x0800"

across "MPLS" 'eth(),eth_type(0x0800),ipv4()' \
    "eth(),eth_type(0x8847),mpls($(lse 100 3 64 0),$(lse 200 1 32 1))" \
    "push_mpls($(lse 200 1 32 1),eth_type=0x8847),\
push_mpls($(lse 100 3 64 0),eth_type=0x8847)" \
    'pop_mpls(eth_type=0x8847),pop_mpls(eth_type=0x800)' mpls \
    "eth.type mpls.label mpls.exp mpls.ttl mpls.bottom" \
    "0x8847 100,200 3,1 64,32 0,1"
finish
