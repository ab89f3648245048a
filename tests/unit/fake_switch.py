"""A fake OpenFlow switch on a unix socket, for the recorders of what the
real ovs-ofctl sends (record-ofp-actions.py, record-ofp-flow-mod.py): it
answers HELLO, ECHO and BARRIER and keeps every FLOW_MOD (and NXT_FLOW_MOD)
it receives, whole, in 'out'."""
import struct


def recvn(s, n):
    b = b""
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c:
            raise EOFError
        b += c
    return b


def serve(sock, out):
    while True:
        try:
            c, _ = sock.accept()
        except OSError:
            return
        try:
            while True:
                h = recvn(c, 8)
                ver, typ, ln, xid = struct.unpack("!BBHI", h)
                body = recvn(c, ln - 8)
                if typ == 0:
                    c.sendall(struct.pack("!BBHI", ver, 0, 8, xid))
                elif typ == 2:
                    c.sendall(struct.pack("!BBHI", ver, 3, ln, xid) + body)
                elif (ver == 1 and typ == 18) or (ver > 1 and typ == 20):
                    c.sendall(struct.pack("!BBHI", ver, typ + 1, 8, xid))
                elif typ == 14 or (typ == 4 and body[4:8] == b"\0\0\0\x0d"):
                    out.append(h + body)
        except EOFError:
            pass
        c.close()
