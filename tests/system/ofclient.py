"""A raw OpenFlow client for the connection-manager tests: HELLO with one
version, send hand-built messages, and read whole messages back, each
rendered by the real ovs-ofctl ofp-print (the oracle for what they say)."""
import socket
import struct
import subprocess


class OfClient:
    def __init__(self, target, version, name):
        kind, _, rest = target.partition(":")
        if kind == "unix":
            self.sock = socket.socket(socket.AF_UNIX)
            self.sock.connect(rest)
        else:
            host, _, port = rest.rpartition(":")
            self.sock = socket.create_connection((host, int(port)))
        self.sock.settimeout(5)
        self.version = version
        self.name = name
        self.buf = b""
        self.xid = 0
        self.send_raw(self.msg(0, b""))
        hello = self.recv_raw()
        assert hello[1] == 0, "first message is not HELLO"

    def msg(self, type_, body, version=None, xid=None):
        if xid is None:
            self.xid += 1
            xid = self.xid
        v = self.version if version is None else version
        return struct.pack("!BBHI", v, type_, 8 + len(body), xid) + body

    def nxt(self, subtype, body):
        return self.msg(4, struct.pack("!II", 0x2320, subtype) + body)

    def onft(self, exp_type, body):
        return self.msg(4, struct.pack("!II", 0x4F4E4600, exp_type) + body)

    def send_raw(self, data):
        self.sock.sendall(data)

    def recv_raw(self):
        while True:
            if len(self.buf) >= 8:
                length = struct.unpack("!H", self.buf[2:4])[0]
                if len(self.buf) >= length:
                    m, self.buf = self.buf[:length], self.buf[length:]
                    return m
            data = self.sock.recv(65536)
            if not data:
                raise EOFError("connection closed")
            self.buf += data

    def recv_text(self):
        """The next message as ovs-ofctl prints it, on one line."""
        m = self.recv_raw()
        out = subprocess.run(["ovs-ofctl", "ofp-print", m.hex()],
                             capture_output=True, text=True).stdout
        return " ".join(out.split())

    def quiet(self, seconds=0.3):
        """True if nothing arrives for 'seconds'."""
        self.sock.settimeout(seconds)
        try:
            data = self.sock.recv(65536)
        except socket.timeout:
            return True
        finally:
            self.sock.settimeout(5)
        self.buf += data
        return False
