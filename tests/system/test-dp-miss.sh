#!/bin/bash
# Misses on real traffic.  A datapath without flows drops what it receives:
# nothing crosses, show counts every packet as a miss, exactly, and since no
# handler takes upcalls yet, as lost too; no flow appears.  Once a flow
# takes a port's traffic its packets are hits, and only the other port's
# still miss.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/dp-lib.sh"

dp_pair

# counted HIT MISSED LOST: since the last call, the lookups counters went up
# by HIT, MISSED and LOST.
hit=0 missed=0 lost=0
counted() {
    local h m l
    h=$(lookups hit) m=$(lookups missed) l=$(lookups lost)
    _equal "hit:$1 missed:$2 lost:$3" \
        "hit:$((h - hit)) missed:$((m - missed)) lost:$((l - lost))"
    local rc=$?
    hit=$h missed=$m lost=$l
    return $rc
}

check "show has the lookups line" \
    grep -qE '^  lookups: hit:[0-9]+ missed:[0-9]+ lost:[0-9]+$' \
    <<<"$(dpctl show)"
check "a new datapath has counted nothing" counted 0 0 0

fwd="Ether(src='$MAC1', dst='$MAC2')"
back="Ether(src='$MAC2', dst='$MAC1')"
# To an address that is not h2's, so that it answers nothing.
udp="IP(src='$H1', dst='10.0.0.99')/UDP(sport=4000, dport=4001)/$(payload)"
at_h2=$TEST_DIR/h2.pcap
capture_start h2 eth2 "$at_h2"
send_frames h1 eth1 "$fwd/$udp" "$fwd/$udp" "$fwd/$udp" "$fwd/$udp" \
    "$fwd/$udp"
check "without flows, h1 cannot ping h2" \
    bash -c "! ip netns exec ${PREFIX}h1 ping -c 2 -i 0.2 -W 1 $H2"
dpctl show
check "show counted the 7 packets as misses, and lost" counted 0 7 7
check "the misses installed no flow" test -z "$(dpctl dump-flows)"
check "show says so" grep -qx '  flows: 0' <<<"$(dpctl show)"
failed=$(appctl dpif-netdev/pmd-stats-show |
    awk '/miss with failed upcall:/ { n += $NF } END { print n }')
assert_eq "pmd-stats-show counts them as failed upcalls" 7 "$failed"

dpctl add-flow 'in_port(1),eth()' 2
send_frames h1 eth1 "$fwd/$udp" "$fwd/$udp" "$fwd/$udp"
send_frames h2 eth2 "$back/IP(src='$H2', dst='10.0.0.98')/UDP()/$(payload)"
capture_stop "$at_h2"
dpctl show
check "with a flow for port 1: 3 hits, and port 2's packet missed" \
    counted 3 1 1
assert_frames "without flows nothing crossed; with one, 3 frames did" \
    "$at_h2" 3 "$fwd/$udp"
finish
