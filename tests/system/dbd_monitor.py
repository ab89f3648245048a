"""The same monitor, monitor_cond, monitor_cond_since, monitor_cond_change
and monitor_cancel requests, and transactions seen through them, against ovsdb-server and
weir-dbd: what each sends must match, uuids renamed.
usage: dbd_monitor.py REAL-SOCK WEIR-SOCK"""
import json
import sys

from dbd_compare import normalize
from rpc import Rpc


def call(rpc, method, params, log):
    """Sends a request; logs what arrives up to and including its reply,
    which it returns."""
    want = rpc.send(method, params)
    while True:
        msg = rpc.recv()
        if msg.get("id") == want:
            del msg["id"]        # ids differ between the two runs
        log.append(msg)
        if "id" not in msg:
            return msg


def notifications(rpc, n, log):
    """The next 'n' notifications, sorted: ovsdb-server sends a session's
    monitors their updates in no particular order."""
    got = [rpc.recv() for _ in range(n)]
    log.extend(sorted(got, key=lambda m: json.dumps(m["params"][0])))


def script(sock):
    a, b, log = Rpc(sock), Rpc(sock), []
    ins = {"op": "insert", "table": "Bridge", "uuid-name": "br",
           "row": {"name": "mon0", "external_ids": ["map", [["a", "1"]]]}}
    attach = {"op": "mutate", "table": "Open_vSwitch", "where": [],
              "mutations": [["bridges", "insert", ["set", [["named-uuid", "br"]]]]]}
    call(a, "monitor", ["Open_vSwitch", "m1", {"Bridge": {"columns": ["name", "external_ids", "flood_vlans"]}}], log)
    call(a, "monitor_cond", ["Open_vSwitch", "m2", {"Bridge": [{"columns": ["name", "external_ids", "flood_vlans", "fail_mode"],
                                                               "where": [["name", "==", "mon0"]]}]}], log)
    created = call(b, "transact", ["Open_vSwitch", ins, attach], log)
    notifications(a, 2, log)
    call(b, "transact", ["Open_vSwitch", {"op": "update", "table": "Bridge", "where": [["name", "==", "mon0"]],
                                          "row": {"external_ids": ["map", [["a", "2"], ["b", "3"]]],
                                                  "flood_vlans": ["set", [1, 2]], "fail_mode": "secure"}}], log)
    notifications(a, 2, log)
    call(b, "transact", ["Open_vSwitch", {"op": "mutate", "table": "Bridge", "where": [["name", "==", "mon0"]],
                                          "mutations": [["flood_vlans", "delete", 1], ["flood_vlans", "insert", 7],
                                                        ["external_ids", "delete", ["set", ["a"]]]]},
                         {"op": "update", "table": "Bridge", "where": [["name", "==", "mon0"]], "row": {"fail_mode": ["set", []]}}], log)
    notifications(a, 2, log)
    call(a, "monitor_cond_change", ["m2", "m3", {"Bridge": [{"where": [["name", "==", "nothing"]]}]}], log)
    call(a, "monitor_cond_change", ["m3", "m4", {"Bridge": [{"where": [True]}]}], log)
    call(a, "monitor_cancel", ["m1"], log)
    call(a, "monitor_cancel", ["m1"], log)
    call(a, "monitor", ["Open_vSwitch", "m4", {"Bridge": {}}], log)
    call(a, "monitor_cond_since", ["Open_vSwitch", "m6", {"Bridge": [{"columns": ["name", "flood_vlans"]}]},
                                   "00000000-0000-0000-0000-000000000000"], log)
    call(a, "monitor_cond_since", ["Open_vSwitch", "m7", {"Bridge": [{}]}, None], log)
    call(a, "monitor", ["Open_vSwitch", "m5", {"Nope": {}}], log)
    call(a, "monitor", ["Nope", "m5", {"Bridge": {}}], log)
    call(b, "transact", ["Open_vSwitch", {"op": "mutate", "table": "Open_vSwitch", "where": [],
                                          "mutations": [["bridges", "delete", ["set", [created["result"][0]["uuid"]]]]]}], log)
    notifications(a, 2, log)
    return normalize(log, {})


real, weir = script(sys.argv[1]), script(sys.argv[2])
for i, (r, w) in enumerate(zip(real, weir)):
    if r != w:
        sys.exit("message %d differs:\n  ovsdb-server: %s\n  weir-dbd:     %s" % (i, json.dumps(r), json.dumps(w)))
if len(real) != len(weir):
    sys.exit("%d messages from ovsdb-server, %d from weir-dbd" % (len(real), len(weir)))
print("%d messages alike" % len(real))
