#!/usr/bin/env python3
"""A recording relay for OpenFlow over unix sockets.

Usage: ofctl_relay.py LISTEN_PATH TARGET_PATH LOG

Each client that connects to LISTEN_PATH is joined to TARGET_PATH.  Every
whole message the client sends is appended to LOG as one line of hex,
after the connection's number (each connection also has a line of its
own, "N connection"), before it is passed on, so that when a client has
its reply, the request is already in the log.
Messages from the switch pass through unrecorded.
"""
import os
import socket
import sys
import threading

log_lock = threading.Lock()


def record(log, line):
    with log_lock:
        log.write(line + "\n")
        log.flush()


def pump_replies(switch, client):
    try:
        while True:
            data = switch.recv(65536)
            if not data:
                break
            client.sendall(data)
    except OSError:
        pass
    for s in (client, switch):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def pump_requests(client, switch, log, cid):
    buf = b""
    try:
        while True:
            data = client.recv(65536)
            if not data:
                break
            buf += data
            while len(buf) >= 8:
                length = int.from_bytes(buf[2:4], "big")
                if length < 8 or len(buf) < length:
                    break
                record(log, "%d %s" % (cid, buf[:length].hex()))
                switch.sendall(buf[:length])
                buf = buf[length:]
    except OSError:
        pass
    try:
        switch.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def serve(listen_path, target_path, log):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    if os.path.exists(listen_path):
        os.unlink(listen_path)
    server.bind(listen_path)
    server.listen(16)
    cid = 0
    while True:
        client, _ = server.accept()
        switch = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            switch.connect(target_path)
        except OSError:
            client.close()
            continue
        cid += 1
        record(log, "%d connection" % cid)
        threading.Thread(target=pump_replies, args=(switch, client),
                         daemon=True).start()
        threading.Thread(target=pump_requests, args=(client, switch, log, cid),
                         daemon=True).start()


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    with open(sys.argv[3], "a") as log:
        serve(sys.argv[1], sys.argv[2], log)


if __name__ == "__main__":
    main()
