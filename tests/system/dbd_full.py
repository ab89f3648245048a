"""A disk that fills up: weir-dbd answers "I/O error" for the transactions
it cannot write, keeps serving what it acknowledged, and after a restart
holds exactly that.
usage: dbd_full.py WEIR-DBD DB DIR"""
import signal
import subprocess
import sys

from dbd_crash import start
from rpc import Rpc


def keys(sock):
    r = Rpc(sock).call("transact", ["Open_vSwitch", {
        "op": "select", "table": "Open_vSwitch", "where": [],
        "columns": ["external_ids"]}])
    return sorted(k for k, v in r["result"][0]["rows"][0]["external_ids"][1])


def main():
    dbd, db, d = sys.argv[1:4]
    sock, ctl, log = d + "/full.sock", d + "/full.ctl", d + "/full.log"
    p = start(dbd, db, sock, ctl, log)
    try:
        check(p, dbd, db, sock, ctl, log)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()


def check(p, dbd, db, sock, ctl, log):
    rpc = Rpc(sock)
    rpc.call("transact", ["Open_vSwitch", {"op": "insert", "table": "Open_vSwitch", "row": {}}])
    acked, errors = [], []
    # Records hold what changed (a map's new pair, not the whole map):
    # 100 of 20 kB overflow the 600 kB disk.
    for i in range(100):
        r = rpc.call("transact", ["Open_vSwitch", {
            "op": "mutate", "table": "Open_vSwitch", "where": [],
            "mutations": [["external_ids", "insert", ["map", [["k%03d" % i, "x" * 20000]]]]]}])
        if r.get("error"):
            errors.append(r["error"])
        else:
            acked.append("k%03d" % i)
    if not acked or not errors:
        sys.exit("acknowledged %d, refused %d: the disk never filled" % (len(acked), len(errors)))
    if any(e["error"] != "I/O error" or "No space left" not in e["details"] for e in errors):
        sys.exit("unexpected errors: %r" % errors[:3])
    before = keys(sock)
    p.send_signal(signal.SIGTERM)
    p.wait()
    p2 = start(dbd, db, sock, ctl, log)
    try:
        after = keys(sock)
    finally:
        p2.send_signal(signal.SIGTERM)
        p2.wait()
    if before != acked or after != acked:
        sys.exit("acknowledged %r\nserved %r\nafter a restart %r" % (acked, before, after))
    print("%d acknowledged, %d refused with %r; the same %d after a restart"
          % (len(acked), len(errors), errors[0]["details"], len(after)))


if __name__ == "__main__":
    main()
