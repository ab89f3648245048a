"""RFC 7047 "cancel" against ovsdb-server and weir-dbd: a transaction held
by a "wait" is cancelled by id and answered with the error "canceled"; what
it would have done never happens, even once its wait would hold; cancels
of unknown ids are ignored.  ovsdb-server answers only sessions that sent
set_db_change_aware (without it, it drops the request silently); weir-dbd
answers every session as the RFC asks, so the two are compared on aware
sessions and weir-dbd alone is checked on a plain one.
Usage: dbd_cancel.py REAL_SOCK WEIR_SOCK"""
import json
import sys
import time

from rpc import Rpc


def wait_op(value, timeout):
    return {"op": "wait", "table": "Open_vSwitch", "where": [],
            "columns": ["external_ids"], "until": "==",
            "rows": [{"external_ids": ["map", [["w", value]]]}],
            "timeout": timeout}


def set_ids(rpc, value):
    r = rpc.call("transact", ["Open_vSwitch", {
        "op": "update", "table": "Open_vSwitch", "where": [],
        "row": {"external_ids": ["map", [["w", value]]]}}])
    assert r["result"] == [{"count": 1}], r


def notify(rpc, method, params):
    rpc.sock.sendall(json.dumps({"method": method, "params": params,
                                 "id": None}).encode())


def quiet(rpc, seconds):
    """What the server sends within 'seconds': None if nothing."""
    rpc.sock.settimeout(seconds)
    try:
        return rpc.recv()
    except TimeoutError:
        return None
    finally:
        rpc.sock.settimeout(5)


def reply(msg):
    """A reply without its id, and without the "result": null that
    ovsdb-server leaves out of errors."""
    return {k: v for k, v in msg.items()
            if k != "id" and not (k == "result" and v is None)}


def run(sock, aware):
    a, b = Rpc(sock), Rpc(sock)
    if aware:
        assert a.call("set_db_change_aware", [True])["result"] == {}
    r = a.call("transact", ["Open_vSwitch", {"op": "select", "table": "Open_vSwitch",
                                             "where": [], "columns": []}])
    if not r["result"][0]["rows"]:
        a.call("transact", ["Open_vSwitch", {"op": "insert", "table": "Open_vSwitch", "row": {}}])
    set_ids(b, "no")
    held = a.send("transact", ["Open_vSwitch", wait_op("go", 10000), {
        "op": "update", "table": "Open_vSwitch", "where": [],
        "row": {"next_cfg": 42}}])
    other = a.send("transact", ["Open_vSwitch", wait_op("go", 10000),
                                {"op": "comment", "comment": "kept"}])
    time.sleep(0.3)
    notify(a, "cancel", [12345])            # no such request: ignored
    notify(a, "cancel", [held])
    out = [quiet(a, 1)]
    set_ids(b, "go")                        # the held wait would hold now
    out.append(quiet(a, 2))
    assert out[0] is None or out[0]["id"] == held, out
    assert out[1] is None or out[1]["id"] == other, out
    out = [reply(m) if m else None for m in out]
    notify(a, "cancel", [other])            # already answered: ignored
    out.append(a.call("transact", ["Open_vSwitch", {
        "op": "select", "table": "Open_vSwitch", "where": [],
        "columns": ["next_cfg"]}])["result"])
    out.append(reply(a.call("echo", ["still here"])))
    return out


real_sock, weir_sock = sys.argv[1], sys.argv[2]
real, weir = run(real_sock, True), run(weir_sock, True)
if real != weir:
    sys.exit("ovsdb-server: %r\nweir-dbd: %r" % (real, weir))
want = [{"error": "canceled"}, {"result": [{}, {}], "error": None},
        [{"rows": [{"next_cfg": 0}]}], {"result": ["still here"], "error": None}]
if weir != want:
    sys.exit("weir-dbd: %r\nwanted: %r" % (weir, want))
plain = run(weir_sock, False)
if plain != want:
    sys.exit("weir-dbd, a plain session: %r\nwanted: %r" % (plain, want))
real_plain = run(real_sock, False)
if real_plain[0] is not None:
    sys.exit("ovsdb-server now answers a plain session's cancel: %r"
             % real_plain[0])
print(json.dumps(weir))
