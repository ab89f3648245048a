#!/usr/bin/python3
"""framematch.py PCAP COUNT EXPR: succeeds when PCAP holds COUNT frames
byte for byte equal to the scapy expression EXPR (COUNT "any": one or more);
else shows the frame expected and the frames seen.

Byte equality checks what a datapath did to a frame, tags, labels and
checksums included, without trusting any of Weir's own parsing.
"""
import sys

from scapy.all import *  # noqa: F401,F403 (EXPR may use any of it)
from scapy.contrib.mpls import MPLS  # noqa: F401


def main(path, count, expr):
    want = bytes(eval(expr))
    seen = [bytes(p) for p in rdpcap(path)]
    n = seen.count(want)
    if (n > 0) if count == 'any' else n == int(count):
        return 0
    print('  expected %s frame(s) %s, saw %d among %d' %
          (count, expr, n, len(seen)))
    print('  expected:')
    hexdump(want)
    for i, s in enumerate(seen[:20]):
        print('  frame %d: %s' % (i + 1, Ether(s).summary()))
        if len(s) == len(want) or len(seen) <= 4:
            hexdump(s)
    return 1


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:4]))
