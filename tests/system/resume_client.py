"""A controller that resumes paused packets: asks for NXT_PACKET_IN2,
waits for each packet-in that carries a continuation and sends it back as
NXT_RESUME (the same properties).  Prints each packet-in as ovs-ofctl
shows it.  Usage: resume_client.py TARGET COUNT"""
import struct
import sys

import subprocess

from ofclient import OfClient

NX_VENDOR = 0x2320
NXT_SET_PACKET_IN_FORMAT = 16
NXT_RESUME = 28
NXT_PACKET_IN2 = 30
NXPIF_NXT_PACKET_IN2 = 2
NXPINT_CONTINUATION = 8


def spoil_continuation(m):
    """The message with its continuation's last byte changed."""
    b = bytearray(m)
    ofs = 16
    while ofs + 4 <= len(b):
        ptype, plen = struct.unpack("!HH", b[ofs:ofs + 4])
        if plen < 4:
            break
        if ptype == NXPINT_CONTINUATION:
            b[ofs + plen - 1] ^= 0xff
            return bytes(b)
        ofs += (plen + 7) // 8 * 8
    raise SystemExit("no continuation in the packet-in")


class Client(OfClient):
    def render(self, m):
        return subprocess.run(["ovs-ofctl", "ofp-print", m.hex()],
                              capture_output=True, text=True).stdout


def main():
    target, count = sys.argv[1], int(sys.argv[2])
    c = Client(target, 4, "resume")
    c.send_raw(c.nxt(NXT_SET_PACKET_IN_FORMAT,
                     struct.pack("!I", NXPIF_NXT_PACKET_IN2)))
    # A service connection gets packet-ins once it sets miss_send_len,
    # as ovs-ofctl monitor does.
    c.send_raw(c.msg(9, struct.pack("!HH", 0, 0xffff)))
    print("ready", flush=True)
    resumed = 0
    spoiled = False
    while resumed < count or not spoiled:
        m = c.recv_raw()
        if m[1] != 4 or len(m) < 16:
            continue
        vendor, subtype = struct.unpack("!II", m[8:16])
        if vendor != NX_VENDOR or subtype != NXT_PACKET_IN2:
            continue
        resume = m[:8] + struct.pack("!II", NX_VENDOR, NXT_RESUME) + m[16:]
        if resumed < count:
            c.send_raw(resume)
            resumed += 1
            print("resumed", resumed, flush=True)
            continue
        # One that is not ours any more: the switch answers NXR_STALE.
        c.send_raw(spoil_continuation(resume))
        while True:
            reply = c.recv_raw()
            if reply[1] == 1:
                print("error:", " ".join(c.render(reply).split()),
                      flush=True)
                break
        spoiled = True


main()
