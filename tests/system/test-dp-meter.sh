#!/bin/bash
# Meters in the userspace datapath, with real frames from h1 to h2 through a
# flow meter(ID),2.  A drop band of 2 packets/s with a burst of 20 passes
# the burst and what the rate earned while the frames were sent: between 20
# and 20 + 2 x the seconds the sending took (+1), whatever the machine's
# speed; h2 sees exactly what the meter passed, and the meter's counters
# add up exactly.  The same in kbit/s.  A DSCP remark band raises AF11 (DSCP 10) to AF12 (12)
# on the frames over its rate, with a valid IPv4 checksum on the wire.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/dp-lib.sh"

N=300
RATE=2
BURST=20

# blast N TOS: sends N UDP frames to h2 from h1 with that TOS byte, and
# prints how many seconds the sending took, rounded up.
blast() {
    ns_exec h1 "$PY" - eth1 "$MAC1" "$MAC2" "$H1" "$H2" "$1" "$2" <<'EOF'
import math, sys, time
from scapy.all import Ether, IP, UDP, Raw, sendp
dev, src, dst, ip1, ip2, n, tos = sys.argv[1:]
f = Ether(src=src, dst=dst)/IP(src=ip1, dst=ip2, tos=int(tos))/ \
    UDP(sport=7, dport=9)/Raw(bytes(range(100)))
t = time.monotonic()
sendp([f] * int(n), iface=dev, verbose=False)
print(math.ceil(time.monotonic() - t))
EOF
}

# refused MESSAGE ARGS...: weir-dpctl ARGS fails, saying MESSAGE.
refused() {
    local msg=$1 out
    shift
    if out=$(dpctl "$@" 2>&1); then
        echo "  accepted: $*"
        return 1
    fi
    grep -qF -- "$msg" <<<"$out" || echo "  said: $out"
    grep -qF -- "$msg" <<<"$out"
}

# meter_field ID FIELD: a counter of dump-meters' meter ID line, or of its
# band 0 line ("band:packet_count").
meter_field() {
    local field=$2
    if [ "${field#band:}" != "$field" ]; then
        dpctl dump-meters "$1" | awk -v f="${field#band:}" '
            /^0:/ { for (i = 2; i <= NF; i++) { split($i, kv, ":");
                    if (kv[1] == f) print kv[2] } }'
    else
        dpctl dump-meters "$1" | awk -v f="$field" '
            /^meter:/ { for (i = 1; i <= NF; i++) { split($i, kv, ":");
                        if (kv[1] == f) print kv[2] } }'
    fi
}

dp_pair
# h1's frames, not the port unreachable errors h2 sends back, which quote
# them.
ours="eth.src == $MAC1 && udp.dstport == 9 && !icmp"

# Bad meters are refused with a reason and change nothing.
check "add-meter refuses an unknown band type" \
    refused 'bad band "type=mark,rate=1": "type"' \
    add-meter dp0 1 pktps type=mark,rate=1
check "add-meter refuses a zero rate" \
    refused 'band "type=drop,rate=0" needs a type and a rate' \
    add-meter dp0 1 pktps type=drop,rate=0
check "add-meter refuses an id out of range" \
    refused 'meter 262144: meter id out of range' \
    add-meter dp0 262144 pktps type=drop,rate=1
check "add-meter refuses kbps with pktps" \
    refused 'meter 1: both kbps and pktps' \
    add-meter dp0 1 kbps pktps type=drop,rate=1
assert_eq "no meter was made" "" "$(dpctl dump-meters dp0)"

dpctl add-meter dp0 1 pktps burst stats type=drop,rate=$RATE,burst_size=$BURST
dpctl add-flow 'in_port(1),eth()' 'meter(1),2'
dpctl add-flow 'in_port(2),eth()' 1
check "dump-flows shows the meter action" \
    grep -q 'actions:meter(1),2' <<<"$(dpctl dump-flows dp0)"

at_h2=$TEST_DIR/h2.pcap
capture_start h2 eth2 "$at_h2"
secs=$(blast $N 0)
capture_stop "$at_h2"
dpctl dump-meters dp0
got=$(wire "$at_h2" "$ours" frame.number | grep -c . || true)
echo "  $got of $N frames reached h2 in about $secs s"
check "at least the burst passed ($BURST)" test "$got" -ge $BURST
check "at most the burst and the rate for ${secs}s passed" \
    test "$got" -le $((BURST + RATE * secs + 1))
assert_eq "the meter saw every frame" $N "$(meter_field 1 packet_in_count)"
assert_eq "the meter counted their bytes" $((N * 142)) \
    "$(meter_field 1 byte_in_count)"
assert_eq "the drop band counted every frame h2 did not get" \
    $((N - got)) "$(meter_field 1 band:packet_count)"
assert_eq "the flow counted every frame" $N \
    "$(flow_packets dp0 'in_port(1),eth()')"

# In kbit/s: 100 kbit/s with a burst of 50 kbit, 142-byte (1136-bit)
# frames: 44 at once, then 88 a second.
dpctl add-meter dp0 3 kbps burst type=drop,rate=100,burst_size=50
dpctl mod-flow 'in_port(1),eth()' 'meter(3),2'
capture_start h2 eth2 "$at_h2"
secs=$(blast $N 0)
capture_stop "$at_h2"
got=$(wire "$at_h2" "$ours" frame.number | grep -c . || true)
echo "  kbps: $got of $N frames reached h2 in about $secs s"
check "at least the kbit burst passed (44 frames)" test "$got" -ge 44
check "at most the burst and 100 kbit/s for ${secs}s passed" \
    test "$got" -le $((44 + 100000 * secs / 1136 + 1))
assert_eq "the kbps band counted every frame h2 did not get" \
    $((N - got)) "$(meter_field 3 band:packet_count)"

# A DSCP remark band: over the rate, AF11 becomes AF12; nothing is dropped.
dpctl add-meter dp0 2 pktps burst type=dscp_remark,rate=$RATE,burst_size=$BURST,prec_level=1
dpctl mod-flow 'in_port(1),eth()' 'meter(2),2'
capture_start h2 eth2 "$at_h2"
secs=$(blast $N 40)
capture_stop "$at_h2"
dpctl dump-meters dp0 2
remarked=$(wire "$at_h2" "$ours && ip.dsfield.dscp == 12" \
    frame.number | grep -c . || true)
kept=$(wire "$at_h2" "$ours && ip.dsfield.dscp == 10" \
    frame.number | grep -c . || true)
echo "  $kept frames kept AF11, $remarked became AF12, in about $secs s"
assert_eq "every frame reached h2" $N $((kept + remarked))
check "at least the burst kept AF11" test "$kept" -ge $BURST
check "at most the burst and the rate for ${secs}s kept it" \
    test "$kept" -le $((BURST + RATE * secs + 1))
assert_eq "the band counted the remarked frames" "$remarked" \
    "$(meter_field 2 band:packet_count)"
assert_wire "remarked frames carry a good IPv4 checksum" "$at_h2" \
    "$ours && ip.dsfield.dscp == 12" \
    "ip.checksum.status ip.dsfield.ecn" "1 0"

# Deleted, the meter passes everything (as upstream, a missing meter is no
# limit), and del-meter -s prints its last counts.
check "del-meter -s prints the counts" \
    grep -q "^meter:2 packet_in_count:$N " <<<"$(dpctl del-meter -s dp0 2)"
capture_start h2 eth2 "$at_h2"
blast 50 40 >/dev/null
capture_stop "$at_h2"
assert_wire "without meter 2 all 50 frames pass as sent" "$at_h2" \
    "$ours" ip.dsfield.dscp 10 50
finish
