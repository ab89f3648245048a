"""Roles, async configuration and the requests the connection layer
answers itself, over a bridge's management socket.  Prints one line per
message received, as ovs-ofctl ofp-print renders it, prefixed with the
client's name; test-connmgr.sh compares the transcript."""
import struct
import sys

from ofclient import OfClient

OF10, OF13, OF14 = 1, 4, 5


def role_request(c, role, gen):
    return c.msg(24, struct.pack("!I4xQ", role, gen))


def show(c, data):
    c.send_raw(data)
    print(f"{c.name}: {c.recv_text()}")


def main(path):
    a = OfClient(path, OF13, "a")
    b = OfClient(path, OF14, "b")
    n = OfClient(path, OF10, "n")

    show(a, role_request(a, 2, 5))                      # primary, gen 5
    show(b, role_request(b, 2, 4))                      # stale
    show(b, role_request(b, 2, 6))                      # b takes over
    print(f"a: {a.recv_text()}")                        # a demoted
    show(a, a.msg(14, bytes(40) + struct.pack("!HH4x", 1, 4)))  # flow mod
    show(a, role_request(a, 0, 0))                      # no change
    show(a, role_request(a, 1, 0))                      # equal, no id check
    show(n, n.nxt(10, struct.pack("!I", 1)))            # NX primary
    print(f"b: {b.recv_text()}")                        # b demoted (1.4)
    print(f"a quiet: {a.quiet()}")                      # equal: untouched

    show(b, b.msg(26, b""))                             # GET_ASYNC (1.4)
    # SET_ASYNC 1.4: packet-in secondary mask = action only.
    b.send_raw(b.msg(28, struct.pack("!HHI", 0, 8, 2)))
    show(b, b.msg(26, b""))
    show(a, a.msg(26, b""))                             # GET_ASYNC (1.3)
    # NXT_SET_ASYNC_CONFIG (1.0): six masks.
    n.send_raw(n.nxt(19, struct.pack("!6I", 1, 0, 7, 0, 1, 0)))
    show(n, n.msg(18, b""))                             # barrier

    show(a, a.msg(2, b"abc"))                           # echo
    show(a, a.msg(99, b""))                             # bad type
    show(a, a.msg(5, b"", version=OF10))                # bad version
    show(a, a.msg(10, bytes(16)))                       # packet-in to us
    show(n, n.nxt(16, struct.pack("!I", 7)))            # bad pin format
    show(n, n.nxt(20, bytes(5) + b"\x01\x00\x07"))      # id, bad zero
    show(a, a.msg(18, struct.pack("!HH4x", 0xfe, 0)))   # bad stat


if __name__ == "__main__":
    main(sys.argv[1])
