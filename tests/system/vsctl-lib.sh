# Differential testing of weir-vsctl against Debian's ovs-vsctl: each tool
# on its own server over an identical fresh database (ovs-vsctl with
# Debian's ovsdb-server; weir-vsctl with weir-dbd, or with ovsdb-server
# too when VSCTL_WEIR_SERVER=ovsdb-server), the same commands run by each,
# and the results compared: exit status, stdout and stderr (uuids masked,
# the tool's name made equal), and at the end the whole database contents.
# Needs no root.  Sourced after lib.sh.

require_cmd ovsdb-server ovsdb-tool ovsdb-client ovs-vsctl python3

VSCTL_SCHEMA=$SYSTEM_DIR/../../vswitchd/vswitch.ovsschema
# VSCTL_TOOL=ovs-vsctl runs Debian's ovs-vsctl on both sides instead:
# then the comparison is weir-dbd against ovsdb-server alone.
WEIR_VSCTL=${VSCTL_TOOL:-$WEIR_BUILD/utilities/weir-vsctl}
[ -x "$(command -v "$WEIR_VSCTL")" ] ||
    fail "$WEIR_VSCTL is not built (make in $WEIR_BUILD)"

# vsctl_server NAME [weir-dbd]: a server on $TEST_DIR/NAME.sock over a
# fresh database.
vsctl_server() {
    local name=$1
    if [ "${2:-}" = weir-dbd ]; then
        "$WEIR_BUILD/ovsdb/weir-dbtool" create "$TEST_DIR/$name.db" \
            "$VSCTL_SCHEMA"
        WEIR_RUNDIR=$TEST_DIR "$WEIR_BUILD/ovsdb/weir-dbd" \
            --remote="punix:$TEST_DIR/$name.sock" \
            --unixctl="$TEST_DIR/$name.ctl" \
            --log-file="$TEST_DIR/$name.log" "$TEST_DIR/$name.db" &
    else
        ovsdb-tool create "$TEST_DIR/$name.db" "$VSCTL_SCHEMA"
        ovsdb-server --remote="punix:$TEST_DIR/$name.sock" \
            --unixctl="$TEST_DIR/$name.ctl" --no-chdir \
            --log-file="$TEST_DIR/$name.log" "$TEST_DIR/$name.db" \
            2>/dev/null &
    fi
    _pids+=("$!")
    local i
    for i in $(seq 100); do
        [ -S "$TEST_DIR/$name.sock" ] && return 0
        sleep 0.05
    done
    fail "ovsdb-server $name did not start"
}

vsctl_server ovs
if [ "${VSCTL_WEIR_SERVER:-weir-dbd}" = weir-dbd ] &&
   [ -x "$WEIR_BUILD/ovsdb/weir-dbd" ]; then
    vsctl_server weir weir-dbd
else
    vsctl_server weir
fi
OVS_DB=unix:$TEST_DIR/ovs.sock
WEIR_DB=unix:$TEST_DIR/weir.sock
N_CHECKS=0

# Masks uuids, names the tool "vsctl", drops OVS log lines.
_vsctl_norm() {
    sed -E -e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<uuid>/g' \
        -e 's/^(ovs|weir)-vsctl: /vsctl: /' \
        -e 's/^[^|]*\|[0-9]*\|(db_ctl_base|vsctl|fatal_signal)\|WARN\|/vsctl: /' \
        -e '/\|(ovsdb_idl|reconnect)\|/d' \
        -e 's/(ovs|weir)-vswitchd log/vswitchd log/' \
        -e 's/log directory is ".*"/log directory is LOGDIR/'
}

# _vsctl_run DB TOOL ARGS...: runs one tool, output in $TEST_DIR/out.*.
_vsctl_run() {
    local db=$1 tool=$2 tag=$3
    shift 3
    local rc=0
    "$tool" --db="$db" "$@" >"$TEST_DIR/out.$tag" 2>"$TEST_DIR/err.$tag" ||
        rc=$?
    echo $rc >"$TEST_DIR/rc.$tag"
}

# _vsctl_compare SORT ARGS...: runs both and compares.
_vsctl_compare() {
    local sort=$1 what
    shift
    _vsctl_run "$OVS_DB" ovs-vsctl ovs "$@"
    _vsctl_run "$WEIR_DB" "$WEIR_VSCTL" weir "$@"
    N_CHECKS=$((N_CHECKS + 1))
    local whats="rc out err"
    [ "$sort" = noerr ] && whats="rc out"
    for what in $whats; do
        local a=$TEST_DIR/$what.ovs b=$TEST_DIR/$what.weir
        if [ "$sort" = sort ]; then
            _vsctl_norm <"$a" | LC_ALL=C sort >"$a.n"
            _vsctl_norm <"$b" | LC_ALL=C sort >"$b.n"
        else
            _vsctl_norm <"$a" >"$a.n"
            _vsctl_norm <"$b" >"$b.n"
        fi
        if ! cmp -s "$a.n" "$b.n"; then
            echo "FAIL: vsctl $* ($what differs)" >&2
            diff -u "$a.n" "$b.n" | sed 's/^/    /' >&2 || true
            _failures=$((_failures + 1))
            return 0
        fi
    done
}

# both ARGS...: the same command line for both tools; everything equal.
both() {
    _vsctl_compare plain "$@"
}

# both_failing ARGS...: as both, but the error messages may differ in
# wording (the two tools leave different checks to the server).
both_failing() {
    _vsctl_compare noerr "$@"
    [ -s "$TEST_DIR/err.weir" ] || {
        echo "FAIL: vsctl $*: weir-vsctl printed no error" >&2
        _failures=$((_failures + 1))
    }
}

# both_sorted ARGS...: as both, but the order of output lines may differ
# (rows in a uuid order, which differs between the two servers).
both_sorted() {
    _vsctl_compare sort "$@"
}

# Both databases, with uuids replaced by what the row is (its table and
# name or target), rows sorted: equal when the contents are.
_vsctl_dump() {
    ovsdb-client dump --format=json "$1" Open_vSwitch | python3 -c '
import json, re, sys
tables = {}
for line in sys.stdin.read().split("\n"):
    if line.strip():
        t = json.loads(line)
        tables[t["caption"].split()[0]] = t
names = {}
for tname, t in tables.items():
    h = t["headings"]
    for row in t["data"]:
        r = dict(zip(h, row))
        label = r.get("name", r.get("target"))
        names[r["_uuid"][1]] = "%s:%s" % (tname, json.dumps(label))
def fix(v):
    if isinstance(v, list):
        if len(v) == 2 and v[0] == "uuid":
            return names.get(v[1], "?")
        if len(v) == 2 and v[0] in ("set", "map"):
            return [v[0], sorted((fix(x) for x in v[1]), key=json.dumps)]
        return [fix(x) for x in v]
    return v
for tname in sorted(tables):
    t = tables[tname]
    h = t["headings"]
    rows = []
    for row in t["data"]:
        r = {k: fix(v) for k, v in zip(h, row) if k not in ("_uuid", "_version", "next_cfg", "cur_cfg")}
        rows.append(json.dumps(r, sort_keys=True))
    for r in sorted(rows):
        print(tname, r)
'
}

# same_db: both databases hold the same rows.
same_db() {
    N_CHECKS=$((N_CHECKS + 1))
    _vsctl_dump "$OVS_DB" >"$TEST_DIR/dump.ovs"
    _vsctl_dump "$WEIR_DB" >"$TEST_DIR/dump.weir"
    if ! cmp -s "$TEST_DIR/dump.ovs" "$TEST_DIR/dump.weir"; then
        echo "FAIL: database contents differ" >&2
        diff -u "$TEST_DIR/dump.ovs" "$TEST_DIR/dump.weir" |
            sed 's/^/    /' >&2 || true
        _failures=$((_failures + 1))
    fi
}

vsctl_done() {
    same_db
    if [ "$_failures" -ne 0 ]; then
        echo "FAIL: $_failures of $N_CHECKS checks"
        exit 1
    fi
    echo "PASS: $N_CHECKS checks"
}
