#!/bin/bash
# SCTP whose CRC32c the sender left to offload crosses the datapath with the
# right CRC.  h1's veth has TX checksum offload on, so the kernel hands
# the frames on partial (CHECKSUM_PARTIAL, csum_offset 8) and Weir's port
# receives them with a virtio_net_hdr saying NEEDS_CSUM; Weir must write
# the CRC32c, least significant byte first, not an Internet checksum.
#
# This kernel may have no SCTP stack, so h1 sends the frames as the
# kernel's SCTP would leave them for offload: through a packet socket with
# PACKET_VNET_HDR, CRC field zero, csum_start at the SCTP header.  The
# capture on h1 shows them leaving with that zero CRC; the one on h2 must
# show every one byte for byte as scapy builds it, CRC included, and
# tshark must find every CRC good.  A frame too short to hold the SCTP
# header it asks a CRC for is dropped, and show -s counts it as such.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/dp-lib.sh"

dp_pair
dpctl add-flow 'in_port(1),eth()' 2
dpctl add-flow 'in_port(1),eth(),eth_type(0x8100),vlan(vid=5),encap()' 2
ns_exec h1 ethtool -K eth1 tx on
check "h1's veth offloads SCTP checksums" \
    grep -qx 'tx-checksum-sctp: on' <<<"$(ns_exec h1 ethtool -k eth1 | tr -d '\t')"

# To an address nobody answers, so that only these frames cross.
fwd="Ether(src='$MAC1', dst='$MAC2')"
far=10.0.0.99
frames=(
    "$fwd/IP(src='$H1', dst='$far')/SCTP(sport=5000, dport=80)/SCTPChunkInit(init_tag=0x12345678, a_rwnd=106496, n_out_streams=10, n_in_streams=65535, init_tsn=7)"
    "$fwd/IP(src='$H1', dst='$far')/SCTP(sport=5000, dport=80, tag=0x12345678)/SCTPChunkData(tsn=7, data=bytes(range(200)))"
    "$fwd/IPv6(src='fd00::1', dst='fd00::2')/IPv6ExtHdrDestOpt()/SCTP(sport=5000, dport=80, tag=9)/SCTPChunkData(tsn=8, data=b'hello')"
    "$fwd/Dot1Q(vlan=5)/IP(src='$H1', dst='$far')/SCTP(sport=5000, dport=80, tag=9)/SCTPChunkCookieAck()"
)
# A TCP segment in the same way: its Internet checksum still completes.
tcp="$fwd/IP(src='$H1', dst='$far')/TCP(sport=1, dport=2, flags='S')/$(payload 20)"
# 10 bytes of IP payload, protocol SCTP, CRC asked for at byte 8.
short="$fwd/IP(src='$H1', dst='$far', proto=132)/Raw(bytes(range(10)))"

# send_partial NS IF EXPR...: sends each frame with its L4 checksum left to
# offload, as a local sender's stack would.
send_partial() {
    local ns=$1 dev=$2
    shift 2
    ns_exec "$ns" "$PY" - "$dev" "$@" <<'EOF'
import socket, struct, sys
from scapy.all import *
SOL_PACKET, PACKET_VNET_HDR, NEEDS_CSUM = 263, 15, 1
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.setsockopt(SOL_PACKET, PACKET_VNET_HDR, 1)
s.bind((sys.argv[1], 0))
for e in sys.argv[2:]:
    p = eval(e)
    b = bytearray(bytes(p))
    if SCTP in p:
        start, ofs, size = len(b) - len(p[SCTP]), 8, 4
        b[start + ofs:start + ofs + size] = bytes(size)
    elif TCP not in p:
        start, ofs = len(b) - len(p[IP].payload), 8
    else:
        # The pseudo-header sum, as TCP leaves it for offload.
        start, ofs = len(b) - len(p[TCP]), 16
        ip = p[IP]
        pseudo = struct.pack('!4s4sBBH', socket.inet_aton(ip.src),
                             socket.inet_aton(ip.dst), 0, 6, len(b) - start)
        b[start + ofs:start + ofs + 2] = struct.pack('!H', (~checksum(pseudo)) & 0xffff)
    # struct virtio_net_hdr, native order: flags, gso_type, hdr_len,
    # gso_size, csum_start, csum_offset.
    s.send(struct.pack('=BBHHHH', NEEDS_CSUM, 0, 0, 0, start, ofs) + bytes(b))
EOF
}

capture_hosts
send_partial h1 eth1 "${frames[@]}" "$tcp" "$short"
capture_hosts_stop

# sctp_status FILE: the CRC32c status tshark gives each SCTP frame of FILE
# (1 good, 0 bad), one a line.
sctp_status() {
    tshark -r "$1" -o sctp.checksum:CRC-32C -Y sctp \
        -T fields -e sctp.checksum.status 2>/dev/null
}

n=${#frames[@]}
assert_eq "the frames left h1 with their CRC left to offload (bad)" \
    "$(printf '0\n%.0s' $(seq "$n"))" "$(sctp_status "$at_h1")"
assert_eq "all $n reached h2 with a good CRC32c" \
    "$(printf '1\n%.0s' $(seq "$n"))" "$(sctp_status "$at_h2")"
for f in "${frames[@]}"; do
    assert_frames "byte for byte, CRC included: ${f#"$fwd/"}" "$at_h2" 1 "$f"
done
assert_wire "the TCP segment's checksum was completed too" "$at_h2" \
    "tcp.dstport == 2" tcp.checksum.status 1 1
assert_frames "byte for byte: the TCP segment" "$at_h2" 1 "$tcp"
assert_no_wire "the short frame did not cross" "$at_h2" "frame.len == 44"

# Port 1 received the 5 good frames and dropped the short one; port 2
# sent the 5.
bytes=$("$PY" -c 'import sys
from scapy.all import *
print(sum(len(eval(e)) for e in sys.argv[1:]))' "${frames[@]}" "$tcp")
stats=$(dpctl show -s)
echo "$stats"
p1=$(grep -A4 '^  port 1: ' <<<"$stats")
p2=$(grep -A4 '^  port 2: ' <<<"$stats")
assert_eq "show -s: p1 received 5, dropped 1" \
    '    RX packets:5 errors:0 dropped:1 overruns:0 frame:0' \
    "$(sed -n 2p <<<"$p1")"
assert_eq "show -s: p2 sent the 5" \
    '    TX packets:5 errors:0 dropped:0 aborted:0 carrier:0' \
    "$(sed -n 3p <<<"$p2")"
check "show -s: p1 received $bytes bytes" \
    grep -qE "^    RX bytes:$bytes( |$)" <<<"$(sed -n 5p <<<"$p1")"
check "show -s: p2 sent $bytes bytes" \
    grep -qE "  TX bytes:$bytes( |$)" <<<"$(sed -n 5p <<<"$p2")"
finish
