"""Runs OVSDB transactions through Debian's ovsdb-client against two servers
(the real ovsdb-server and weir-dbd) and compares the results: uuids are
renamed in order of first appearance, "rows" arrays sorted, and errors
compared by tag (the details' wording may differ)."""
import json
import re
import subprocess
import sys

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def transact(sock, txn):
    """ovsdb-client transact: (exit status, parsed stdout or stderr)."""
    p = subprocess.run(["ovsdb-client", "transact", "unix:" + sock,
                        json.dumps(txn)], capture_output=True, text=True,
                       timeout=30)
    if p.returncode:
        # "ovsdb-client: transaction returned error: {...}"
        m = re.search(r"error: (\{.*\})", p.stderr)
        return p.returncode, json.loads(m.group(1))["error"] if m else p.stderr
    return 0, json.loads(p.stdout)


def masked(x):
    """A sort key that ignores uuid values."""
    return json.dumps(x, sort_keys=True).translate(str.maketrans("0123456789abcdef", "################"))


def normalize(x, names):
    if isinstance(x, dict):
        if "error" in x and isinstance(x["error"], str):
            return {"error": x["error"]}
        if x.get("error") is not None and x.get("result", 0) is None:
            # A JSON-RPC error reply: ovsdb-server leaves "result" out.
            x = {k: v for k, v in x.items() if k != "result"}
        out = {}
        # Uuids as keys (table-updates) are renamed too, in an order that
        # does not depend on their values.
        for k in sorted(x, key=lambda k: (masked(k), masked(x[k]))):
            v = x[k]
            if k == "rows" and isinstance(v, list):
                v = sorted(v, key=masked)
            out[normalize(k, names)] = normalize(v, names)
        return out
    if isinstance(x, list):
        return [normalize(v, names) for v in x]
    if isinstance(x, str) and UUID.match(x) and not x.startswith("00000000-"):
        return names.setdefault(x, "U%d" % len(names))
    return x


def main():
    real, weir, cases = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
    names_r, names_w, bad = {}, {}, 0
    for i, txn in enumerate(cases):
        rc_r, got_r = transact(real, txn)
        rc_w, got_w = transact(weir, txn)
        a, b = (rc_r, normalize(got_r, names_r)), (rc_w, normalize(got_w, names_w))
        if a != b:
            bad += 1
            print("case %d differs: %s\n  ovsdb-server: %s\n  weir-dbd:     %s"
                  % (i, json.dumps(txn), json.dumps(got_r), json.dumps(got_w)))
    print("%d transactions, %d differ" % (len(cases), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
