"""kill -9 at random moments while a client commits: after every restart
the database opens (its log replays) and every transaction weir-dbd
acknowledged so far is there.
usage: dbd_crash.py WEIR-DBD DB DIR ROUNDS"""
import os
import random
import signal
import subprocess
import sys
import threading
import time

from rpc import Rpc


def start(dbd, db, sock, ctl, log):
    p = subprocess.Popen([dbd, "--remote=punix:" + sock, "--unixctl=" + ctl,
                          "--log-file=" + log, db])
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            Rpc(sock).sock.close()
            return p
        except OSError:
            time.sleep(0.05)
    sys.exit("weir-dbd did not start")


def writer(sock, first, acked):
    """Commits one Queue row per transaction until the server dies."""
    try:
        rpc = Rpc(sock)
        n = first
        while True:
            r = rpc.call("transact", ["Open_vSwitch", {
                "op": "insert", "table": "Queue",
                "row": {"external_ids": ["map", [["n", str(n)]]]}}])
            if "uuid" not in r["result"][0]:
                sys.exit("insert failed: %r" % r)
            acked.append(n)
            n += 1
    except (EOFError, OSError):
        pass


def present(sock):
    r = Rpc(sock).call("transact", ["Open_vSwitch", {
        "op": "select", "table": "Queue", "where": [],
        "columns": ["external_ids"]}])
    return {int(dict(row["external_ids"][1])["n"])
            for row in r["result"][0]["rows"]}


def check(sock, acked, round_no):
    """Every acknowledged row is present; exits naming the first lost."""
    have = present(sock)
    lost = sorted(set(acked) - have)
    if lost:
        sys.exit("after restart %d: %d acknowledged transactions lost, "
                 "e.g. %r" % (round_no, len(lost), lost[:10]))
    return have


def main():
    dbd, db, d, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    sock, ctl, log = d + "/crash.sock", d + "/crash.ctl", d + "/crash.log"
    acked, first = [], 0
    for i in range(rounds):
        p = start(dbd, db, sock, ctl, log)
        check(sock, acked, i)
        t = threading.Thread(target=writer, args=(sock, first, acked))
        t.start()
        time.sleep(random.uniform(0.02, 0.3))
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        t.join()
        first = (max(acked) + 1 if acked else 0) + 1000000 * (i + 1)
    p = start(dbd, db, sock, ctl, log)
    try:
        have = check(sock, acked, rounds)
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait()
    print("%d kills, %d transactions acknowledged, %d rows present, "
          "none lost after any restart" % (rounds, len(acked), len(have)))
    if not acked:
        sys.exit("no transaction was acknowledged")


if __name__ == "__main__":
    main()
