"""A raw JSON-RPC client for the OVSDB tests: connect, call, and read what
the server sends (replies and notifications), with a timeout."""
import json
import socket


class Rpc:
    def __init__(self, path=None, port=None):
        if path:
            self.sock = socket.socket(socket.AF_UNIX)
            self.sock.connect(path)
        else:
            self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.settimeout(5)
        self.buf = ""
        self.next_id = 0

    def send(self, method, params):
        self.next_id += 1
        msg = {"method": method, "params": params, "id": self.next_id}
        self.sock.sendall(json.dumps(msg).encode())
        return self.next_id

    def recv(self):
        dec = json.JSONDecoder()
        while True:
            text = self.buf.lstrip()
            if text:
                try:
                    obj, end = dec.raw_decode(text)
                    self.buf = text[end:]
                    return obj
                except ValueError:
                    pass
            data = self.sock.recv(65536)
            if not data:
                raise EOFError("connection closed")
            self.buf += data.decode()

    def call(self, method, params):
        want = self.send(method, params)
        while True:
            msg = self.recv()
            if msg.get("id") == want:
                return msg
