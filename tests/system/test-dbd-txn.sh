#!/bin/bash
# weir-dbd's transactions and monitors against the real thing: the same
# transactions, sent with Debian's ovsdb-client to ovsdb-server and to
# weir-dbd, give the same results (uuids renamed, errors compared by tag);
# a "wait" is held until another client's commit satisfies it, times
# out, or is cancelled; monitor and monitor_cond send the same updates;
# Debian's ovs-vsctl gives the same output against both; a monitoring
# client that does not read holds up nobody, and gets merged updates once
# it does; the database survives a restart, "ovsdb-server/compact"
# through ovs-appctl, kill -9 at random moments with no acknowledged
# transaction lost, and (as root, on a small tmpfs) a full disk.
. "$(dirname "$0")/lib.sh"
require_cmd ovsdb-client ovsdb-server ovsdb-tool ovs-appctl ovs-vsctl
DBD=$WEIR_BUILD/ovsdb/weir-dbd
DBTOOL=$WEIR_BUILD/ovsdb/weir-dbtool
[ -x "$DBD" ] && [ -x "$DBTOOL" ] || skip "weir-dbd is not built in $WEIR_BUILD"
SCHEMA=$SYSTEM_DIR/../../vswitchd/vswitch.ovsschema
export WEIR_RUNDIR=$TEST_DIR/run
export PYTHONPATH=$SYSTEM_DIR
REAL=$TEST_DIR/real.sock
WEIR=$TEST_DIR/weir.sock
DB=$TEST_DIR/weir.db
LOG=$TEST_DIR/weir-dbd.log

ovsdb-tool create "$TEST_DIR/real.db" "$SCHEMA"
ovsdb-server --detach --no-chdir --pidfile="$TEST_DIR/real.pid" \
    --unixctl="$TEST_DIR/real.ctl" --log-file="$TEST_DIR/real.log" \
    --remote=punix:"$REAL" "$TEST_DIR/real.db" || fail "ovsdb-server did not start"
_pids+=("$(cat "$TEST_DIR/real.pid")")

start_weir() {
    "$DBD" --detach --pidfile --unixctl="$TEST_DIR/weir.ctl" \
        --log-file="$LOG" --remote=punix:"$WEIR" "$DB" || fail "weir-dbd did not start"
    PID=$(cat "$WEIR_RUNDIR/weir-dbd.pid")
    _pids+=("$PID")
}

stop_weir() {
    kill "$PID"
    wait_for 10 bash -c "! kill -0 $PID"
}

"$DBTOOL" create "$DB" "$SCHEMA"
start_weir

check "transactions give ovsdb-server's results" \
    "$PY" "$SYSTEM_DIR/dbd_compare.py" "$REAL" "$WEIR" "$SYSTEM_DIR/dbd-txn-cases.json"

check "held waits and lock asserts, as ovsdb-server does" \
    "$PY" - "$REAL" "$WEIR" <<'PYEOF'
import sys, time
from rpc import Rpc
def wait_op(name, timeout):
    return {"op": "wait", "table": "Open_vSwitch", "where": [], "columns": ["external_ids"],
            "until": "==", "rows": [{"external_ids": ["map", [["w", name]]]}], "timeout": timeout}
def run(sock):
    a, b = Rpc(sock), Rpc(sock)
    a.call("transact", ["Open_vSwitch", {"op": "insert", "table": "Open_vSwitch", "row": {}}])
    held = a.send("transact", ["Open_vSwitch", wait_op("yes", 5000),
                               {"op": "comment", "comment": "after the wait"}])
    time.sleep(0.3)
    b.call("transact", ["Open_vSwitch", {"op": "update", "table": "Open_vSwitch", "where": [],
                                         "row": {"external_ids": ["map", [["w", "yes"]]]}}])
    r = a.recv()
    assert r["id"] == held, r
    out = [r["result"]]
    t0 = time.time()
    out.append(a.call("transact", ["Open_vSwitch", wait_op("no", 300)])["result"][0]["error"])
    assert 0.25 < time.time() - t0 < 3, time.time() - t0
    return out
def asserts(sock):
    a, b = Rpc(sock), Rpc(sock)
    op = {"op": "assert", "lock": "L"}
    a.call("lock", ["L"])
    return [a.call("transact", ["Open_vSwitch", op, {"op": "comment", "comment": "c"}])["result"],
            b.call("transact", ["Open_vSwitch", op, {"op": "comment", "comment": "c"}])["result"][0]["error"]]
real, weir = run(sys.argv[1]) + asserts(sys.argv[1]), run(sys.argv[2]) + asserts(sys.argv[2])
if real != weir:
    sys.exit("ovsdb-server: %r\nweir-dbd: %r" % (real, weir))
print(weir)
PYEOF

check "cancel: a held transaction answered \"canceled\", as ovsdb-server does" \
    "$PY" "$SYSTEM_DIR/dbd_cancel.py" "$REAL" "$WEIR"

check "monitor and monitor_cond: the same updates as ovsdb-server" \
    "$PY" "$SYSTEM_DIR/dbd_monitor.py" "$REAL" "$WEIR"

# ovs-vsctl SOCK ARGS...: its output with uuids masked, lines sorted.
vsctl() {
    local sock=$1
    shift
    timeout 20 ovs-vsctl --db=unix:"$sock" --no-wait "$@" 2>&1 |
        sed -E 's/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/UUID/g' | sort
    return "${PIPESTATUS[0]}"
}
for cmd in "init" "add-br br0" "add-port br0 p1" \
    "add-port br0 p2 -- set Interface p2 type=internal" \
    "set Bridge br0 fail_mode=secure other_config:hwaddr=00:11:22:33:44:55" \
    "add-br br0" "del-port br0 p1" "br-exists br9" "list Bridge" "show" \
    "get Open_vSwitch . next_cfg" "list-ports br0" "--columns=name,type list Interface" \
    "add-br br1 -- set Bridge br1 datapath_type=netdev" "del-br br1" "list-br"; do
    # shellcheck disable=SC2086
    real=$(vsctl "$REAL" $cmd && echo "exit 0" || echo "exit $?")
    # shellcheck disable=SC2086
    weir=$(vsctl "$WEIR" $cmd && echo "exit 0" || echo "exit $?")
    assert_eq "ovs-vsctl $cmd" "$real" "$weir"
done

check "a monitor that does not read holds up no other client, then catches up" "$PY" - "$WEIR" <<'PYEOF'
import sys, time
from rpc import Rpc
hog, other = Rpc(sys.argv[1]), Rpc(sys.argv[1])
hog.send("monitor", ["Open_vSwitch", "hog", {"Open_vSwitch": {}}])
big = "x" * 20000
t0 = time.time()
for i in range(300):        # every update to the hog carries the whole row
    r = other.call("transact", ["Open_vSwitch", {"op": "update", "table": "Open_vSwitch",
        "where": [], "row": {"external_ids": ["map", [["big", big + str(i)]]]}}])
    assert r["result"] == [{"count": 1}], r
if time.time() - t0 > 20:
    sys.exit("300 transactions took %.1f s" % (time.time() - t0))
print("300 transactions in %.2f s while the hog read nothing" % (time.time() - t0))
# Once it reads, it catches up: what was held back comes merged, one
# update a row, and the last one it sees is the current row.
msgs = []
hog.sock.settimeout(2)
try:
    while True:
        msgs.append(hog.recv())
except TimeoutError:
    pass
updates = [m for m in msgs if m.get("method") == "update"]
last = list(updates[-1]["params"][1]["Open_vSwitch"].values())[0]["new"]
if dict(last["external_ids"][1])["big"] != big + "299":
    sys.exit("the hog's last update is not the current row")
if not 1 < len(updates) < 300:
    sys.exit("the hog got %d updates for 300 transactions" % len(updates))
print("then %d updates (merged) brought it to the current row" % len(updates))
PYEOF

dump() { ovsdb-client dump unix:"$WEIR" Open_vSwitch; }
before=$(dump)
stop_weir
start_weir
assert_eq "a restart replays the log" "$before" "$(dump)"
check "ovs-appctl ovsdb-server/compact" ovs-appctl -t "$TEST_DIR/weir.ctl" ovsdb-server/compact
assert_eq "compacted: schema and one snapshot" 2 "$("$DBTOOL" show-log "$DB" | wc -l)"
assert_eq "the same database after compaction" "$before" "$(dump)"
stop_weir
assert_eq "weir-dbtool show-log: one line per record" \
    'record 0: schema "Open_vSwitch", version' \
    "$("$DBTOOL" show-log "$DB" | head -1 | cut -d' ' -f1-5)"
check "weir-dbtool compact" "$DBTOOL" compact "$DB"
start_weir
assert_eq "the same database after offline compaction" "$before" "$(dump)"
stop_weir

check "kill -9, 100 times: no acknowledged transaction lost" \
    "$PY" "$SYSTEM_DIR/dbd_crash.py" "$DBD" "$DB" "$TEST_DIR" 100
# A full disk, where a small tmpfs can be mounted (root).
if [ "$(id -u)" = 0 ] && mkdir "$TEST_DIR/full" &&
    mount -t tmpfs -o size=600k tmpfs "$TEST_DIR/full" 2>/dev/null; then
    "$DBTOOL" create "$TEST_DIR/full/db" "$SCHEMA"
    check "a full disk: refused with an error, nothing acknowledged lost" \
        "$PY" "$SYSTEM_DIR/dbd_full.py" "$DBD" "$TEST_DIR/full/db" "$TEST_DIR"
    umount -l "$TEST_DIR/full"
else
    echo "skipped: the full-disk check needs root to mount a tmpfs"
fi
check "no sanitizer report" bash -c \
    "! grep -E 'Sanitizer|runtime error' '$LOG' '$TEST_DIR/crash.log' '$TEST_DIR/full.log' 2>/dev/null"
finish
