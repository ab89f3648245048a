#!/bin/bash
# weir-dbd against real clients: Debian's ovsdb-client over unix, TCP and
# TLS (list-dbs, schema, tables), and raw JSON-RPC for echo, errors and
# locks (lock, queueing, "locked" and "stolen" notifications, release when
# a session goes away); a client that never reads its replies does not hold
# up another; a second server on the same file is refused; SIGTERM leaves
# no socket or pid file.  Needs no root.
. "$(dirname "$0")/lib.sh"
require_cmd ovsdb-client openssl
DBD=$WEIR_BUILD/ovsdb/weir-dbd
DBTOOL=$WEIR_BUILD/ovsdb/weir-dbtool
[ -x "$DBD" ] && [ -x "$DBTOOL" ] || skip "weir-dbd is not built in $WEIR_BUILD"
SCHEMA=$SYSTEM_DIR/../../vswitchd/vswitch.ovsschema
export WEIR_RUNDIR=$TEST_DIR/run
SOCK=$TEST_DIR/db.sock
DB=$TEST_DIR/conf.db
LOG=$TEST_DIR/weir-dbd.log

# A CA and one identity for the server and the client.
pki() {
    cd "$TEST_DIR"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout cakey.pem \
        -out cacert.pem -days 2 -subj /CN=weir-test-ca 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout key.pem -subj /CN=dbd \
        -out req.pem 2>/dev/null
    openssl x509 -req -in req.pem -CA cacert.pem -CAkey cakey.pem \
        -CAcreateserial -days 2 -out cert.pem 2>/dev/null
    cd - >/dev/null
}
pki

check "weir-dbtool creates the database" "$DBTOOL" create "$DB" "$SCHEMA"
check "creating it again is refused" bash -c "! '$DBTOOL' create '$DB' '$SCHEMA' 2>/dev/null"
"$DBD" --detach --pidfile --log-file="$LOG" --remote=punix:"$SOCK" \
    --remote=ptcp:0:127.0.0.1 --remote=pssl:0:127.0.0.1 \
    -p "$TEST_DIR/key.pem" -c "$TEST_DIR/cert.pem" -C "$TEST_DIR/cacert.pem" \
    "$DB" || fail "weir-dbd did not start"
PID=$(cat "$WEIR_RUNDIR/weir-dbd.pid")
_pids+=("$PID")
TCP_PORT=$(sed -n 's/.*listening on ptcp:.*(port \([0-9]*\)).*/\1/p' "$LOG")
SSL_PORT=$(sed -n 's/.*listening on pssl:.*(port \([0-9]*\)).*/\1/p' "$LOG")
[ -n "$TCP_PORT" ] && [ -n "$SSL_PORT" ] || fail "no ports in the log: $(cat "$LOG")"

assert_eq "list-dbs over unix" Open_vSwitch "$(ovsdb-client list-dbs unix:"$SOCK")"
assert_eq "list-dbs over tcp" Open_vSwitch "$(ovsdb-client list-dbs tcp:127.0.0.1:"$TCP_PORT")"
assert_eq "list-dbs over ssl" Open_vSwitch \
    "$(ovsdb-client -p "$TEST_DIR/key.pem" -c "$TEST_DIR/cert.pem" \
        -C "$TEST_DIR/cacert.pem" list-dbs ssl:127.0.0.1:"$SSL_PORT")"
assert_eq "schema version" "$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['version'])" "$SCHEMA")" \
    "$(ovsdb-client get-schema-version unix:"$SOCK")"
assert_eq "tables" "$("$PY" -c "import json,sys; print(len(json.load(open(sys.argv[1]))['tables']))" "$SCHEMA")" \
    "$(ovsdb-client --no-headings list-tables unix:"$SOCK" | wc -l)"
check "ssl without a client certificate is refused" bash -c \
    "! timeout 10 ovsdb-client list-dbs ssl:127.0.0.1:$SSL_PORT 2>/dev/null"

export PYTHONPATH=$SYSTEM_DIR
check "JSON-RPC methods and locks" "$PY" - "$SOCK" "$SCHEMA" <<'PYEOF'
import json, sys
from rpc import Rpc
sock, schema = sys.argv[1], json.load(open(sys.argv[2]))
a, b, c = Rpc(sock), Rpc(sock), Rpc(sock)
def expect(got, want):
    if got != want:
        sys.exit("got %r, want %r" % (got, want))
expect(a.call("get_schema", ["Open_vSwitch"])["result"], schema)
expect(a.call("get_schema", ["Nope"])["error"]["error"], "unknown database")
expect(a.call("echo", ["x", [1, 2]])["result"], ["x", [1, 2]])
expect(a.call("frobnicate", [])["error"], "unknown method")
expect(a.call("lock", ["L"])["result"], {"locked": True})
expect(b.call("lock", ["L"])["result"], {"locked": False})
expect(c.call("lock", ["L"])["result"], {"locked": False})
expect(a.call("lock", ["L"])["error"]["error"], "syntax error")
expect(a.call("unlock", ["L"])["result"], {})
expect(b.recv(), {"method": "locked", "params": ["L"], "id": None})
expect(c.call("steal", ["L"])["error"]["error"], "syntax error")
expect(c.call("unlock", ["L"])["result"], {})     # stops waiting
expect(c.call("steal", ["L"])["result"], {"locked": True})
expect(b.recv(), {"method": "stolen", "params": ["L"], "id": None})
expect(b.call("unlock", ["L"])["error"]["error"], "syntax error")
expect(b.call("lock", ["L"])["result"], {"locked": False})
c.sock.close()                      # the owner goes away: b gets it
expect(b.recv(), {"method": "locked", "params": ["L"], "id": None})
PYEOF

check "a client that never reads does not block another" "$PY" - "$SOCK" <<'PYEOF'
import sys, time
from rpc import Rpc
hog, other = Rpc(sys.argv[1]), Rpc(sys.argv[1])
big = ["x" * 65536]
sent = 0
for i in range(400):                # ~26 MB of echoes, replies never read:
    hog.send("echo", big)           # the server must keep taking them
    sent += 1
t0 = time.time()
r = other.call("list_dbs", [])
if r["result"] != ["Open_vSwitch"] or time.time() - t0 > 2:
    sys.exit("list_dbs took %.1f s: %r" % (time.time() - t0, r))
print("%d echoes queued by the hog; list_dbs answered in %.3f s" % (sent, time.time() - t0))
PYEOF

check "bad input: skipped or the sender dropped, no one else disturbed" "$PY" - "$SOCK" <<'PYEOF'
import socket, sys
from rpc import Rpc
bystander = Rpc(sys.argv[1])
# JSON that is no JSON-RPC message: skipped (no id to answer), the
# connection goes on.
c = Rpc(sys.argv[1])
c.sock.sendall(b'[1, 2, {"x": "y"}]')
r = c.call("echo", ["after"])
if r["result"] != ["after"]:
    sys.exit("after a non-message: %r" % r)
def dropped(payload):
    s = socket.socket(socket.AF_UNIX)
    s.connect(sys.argv[1])
    s.settimeout(10)
    try:
        s.sendall(payload)
        while s.recv(65536):
            pass
    except (BrokenPipeError, ConnectionResetError):
        pass
    return True
dropped(b'{"method": "echo", "params": [}')    # framing lost: closed
dropped(b'[' + b'1,' * (40 << 20) + b'1]')    # over 64 MB: closed
r = bystander.call("list_dbs", [])
if r["result"] != ["Open_vSwitch"]:
    sys.exit("bystander: %r" % r)
r = bystander.call("transact", ["Open_vSwitch", {"op": "insert",
    "table": "Bridge", "row": {"name": 5}}])
err = r["result"][0]
if err.get("error") != "syntax error" and err.get("error") != "constraint violation":
    sys.exit("wrong type: %r" % r)
r = bystander.call("transact", ["Open_vSwitch", {"op": "select",
    "table": "Nope", "where": []}])
if "error" not in r["result"][0]:
    sys.exit("unknown table: %r" % r)
print("a non-message skipped; broken JSON and an 80 MB message dropped "
      "their senders; errors: %s" % err["error"])
PYEOF

check "a second server on the same file is refused" bash -c \
    "! '$DBD' --unixctl='$TEST_DIR/other.ctl' --remote=punix:'$TEST_DIR/other.sock' '$DB' 2>'$TEST_DIR/second.err'"
check "saying why" grep -q "in use by another process (pid $PID)" "$TEST_DIR/second.err"
kill "$PID"
check "SIGTERM stops it" wait_for 10 bash -c "! kill -0 $PID"
check "it removed its socket and pid file" bash -c "! test -e '$SOCK' && ! test -e '$WEIR_RUNDIR/weir-dbd.pid'"
check "no sanitizer report" bash -c "! grep -E 'Sanitizer|runtime error' '$LOG'"
finish
