"""Peers for the connection-manager tests that misbehave on purpose.

  connmgr_peer.py refuse PORT N    listens on 127.0.0.1:PORT, accepts N
                                   connections, closing each at once, and
                                   prints the seconds between them
  connmgr_peer.py silent TARGET    connects with OpenFlow 1.3, then never
                                   answers: prints each message and the
                                   end of the connection, with the time"""
import socket
import sys
import time

from ofclient import OfClient


def refuse(port, n):
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", port))
    ls.listen(8)
    print("listening", flush=True)
    times = []
    for _ in range(n):
        s, _ = ls.accept()
        times.append(time.monotonic())
        s.close()
    print(" ".join(f"{b - a:.1f}" for a, b in zip(times, times[1:])))


def silent(target):
    start = time.monotonic()
    c = OfClient(target, 4, "silent")
    c.sock.settimeout(10)
    while True:
        try:
            text = c.recv_text()
        except (EOFError, ConnectionResetError):
            print(f"{time.monotonic() - start:.0f}s closed")
            return
        print(f"{time.monotonic() - start:.0f}s {text.split(' (')[0]}")


if __name__ == "__main__":
    if sys.argv[1] == "refuse":
        refuse(int(sys.argv[2]), int(sys.argv[3]))
    else:
        silent(sys.argv[2])
