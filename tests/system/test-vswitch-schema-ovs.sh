#!/bin/bash
# Weir's vswitch schema against the real Open vSwitch tools: every table and
# column of the installed OVS schema exists in ours with the same type (so
# the clients' IDL, which checks types, accepts it); ovsdb-tool creates a
# database from it; and ovs-vsctl, talking to a real ovsdb-server serving
# it, runs the commands OpenStack and operators use, output checked, with
# no warning about a missing table or column.  Needs no root.
. "$(dirname "$0")/lib.sh"
require_cmd ovsdb-tool ovsdb-server ovsdb-client ovs-vsctl

SCHEMA=$SYSTEM_DIR/../../vswitchd/vswitch.ovsschema
OVS_SCHEMA=${OVS_SCHEMA:-/usr/share/openvswitch/vswitch.ovsschema}
SOCK=$TEST_DIR/db.sock
DB=$TEST_DIR/conf.db

# Types compared after normalization: "string" and {"key":"string"} are the
# same type; defaults (min 1, max 1, strong references, mutable, not
# ephemeral) are spelled out; enums are sets.
compare_schemas() {
    "$PY" - "$SCHEMA" "$OVS_SCHEMA" <<'EOF'
import json, sys

def base(b):
    b = {"type": b} if isinstance(b, str) else dict(b)
    if "refTable" in b:
        b.setdefault("refType", "strong")
    if "enum" in b:
        e = b["enum"]
        b["enum"] = sorted(e[1] if isinstance(e, list) and e[0] == "set"
                           else [e])
    return b

def column(c):
    t = c["type"]
    t = {"key": t} if isinstance(t, str) else dict(t)
    t["key"] = base(t["key"])
    if "value" in t:
        t["value"] = base(t["value"])
    t.setdefault("min", 1)
    t.setdefault("max", 1)
    return (t, c.get("ephemeral", False), c.get("mutable", True))

def table(t):
    return (t.get("isRoot", False), t.get("maxRows"),
            sorted(sorted(i) for i in t.get("indexes", [])))

ours, ovs = (json.load(open(p)) for p in sys.argv[1:3])
bad = 0
if ours["name"] != ovs["name"]:
    print("database name %s, OVS has %s" % (ours["name"], ovs["name"]))
    bad += 1
for tname, t in ovs["tables"].items():
    mine = ours["tables"].get(tname)
    if mine is None:
        print("missing table %s" % tname)
        bad += 1
        continue
    if table(mine) != table(t):
        print("table %s: %s, OVS has %s" % (tname, table(mine), table(t)))
        bad += 1
    for cname, c in t["columns"].items():
        if cname not in mine["columns"]:
            print("missing column %s.%s" % (tname, cname))
            bad += 1
        elif column(mine["columns"][cname]) != column(c):
            print("column %s.%s: %s, OVS has %s" % (tname, cname,
                  column(mine["columns"][cname]), column(c)))
            bad += 1
    for cname in mine["columns"]:
        if cname not in t["columns"]:
            print("  (ours only: %s.%s)" % (tname, cname))
print("%d table(s) of OVS compared, %d difference(s)"
      % (len(ovs["tables"]), bad))
sys.exit(bad != 0)
EOF
}

# vsctl ARG...: ovs-vsctl against our server; anything on stderr (the IDL's
# "database lacks ..." warnings, for one) is a failure.
vsctl() {
    local err=$TEST_DIR/vsctl.err
    ovs-vsctl --db="unix:$SOCK" --no-wait --timeout=10 "$@" 2>"$err"
    local rc=$?
    if [ -s "$err" ]; then
        echo "ovs-vsctl $*: said on stderr:" >&2
        cat "$err" >&2
        return 1
    fi
    return $rc
}

quiet() {
    "$@" >/dev/null
}

# transact JSON: an RFC 7047 transaction through ovsdb-client.
transact() {
    ovsdb-client transact "unix:$SOCK" "[\"Open_vSwitch\", $1]"
}

if [ -r "$OVS_SCHEMA" ]; then
    check "names and types match $OVS_SCHEMA" compare_schemas
else
    echo "no $OVS_SCHEMA: type comparison skipped"
fi

check "ovsdb-tool accepts the schema" ovsdb-tool create "$DB" "$SCHEMA"
assert_eq "database name" Open_vSwitch "$(ovsdb-tool db-name "$DB")"
assert_eq "schema version" "$(ovsdb-tool schema-version "$SCHEMA")" \
    "$(ovsdb-tool db-version "$DB")"

ovsdb-server --remote="punix:$SOCK" --unixctl="$TEST_DIR/server.ctl" \
    --log-file="$TEST_DIR/server.log" "$DB" 2>/dev/null &
_pids+=("$!")
wait_for 10 test -S "$SOCK" || fail "ovsdb-server did not start: $(cat "$TEST_DIR/server.log")"

check "init" vsctl init
check "add-br" vsctl add-br br0
check "add-port, internal" vsctl add-port br0 p1 -- set Interface p1 type=internal
check "add-port with a tag" vsctl add-port br0 p2 tag=10 -- \
    set Interface p2 ofport_request=7 mtu_request=1400 \
    options:remote_ip=192.0.2.1 external_ids:iface-id=vm1
check "protocols" vsctl set Bridge br0 protocols=OpenFlow13
check "set-controller" vsctl set-controller br0 tcp:127.0.0.1:6653
check "set-fail-mode" vsctl set-fail-mode br0 secure
check "set-manager" vsctl set-manager ptcp:6640
check "system-id" vsctl set Open_vSwitch . external_ids:system-id=host-1
check "a datapath record" vsctl -- --id=@dp create Datapath \
    datapath_version=weir -- set Open_vSwitch . datapaths:system=@dp
check "add-zone-tp" vsctl add-zone-tp system zone=5 udp_first=10 icmp_reply=3

assert_eq "list-br" br0 "$(vsctl list-br)"
assert_eq "list-ports" "p1 p2" "$(vsctl list-ports br0 | xargs)"
assert_eq "port-to-br" br0 "$(vsctl port-to-br p2)"
assert_eq "get-controller" tcp:127.0.0.1:6653 "$(vsctl get-controller br0)"
assert_eq "get-fail-mode" secure "$(vsctl get-fail-mode br0)"
assert_eq "get-manager" ptcp:6640 "$(vsctl get-manager)"
assert_eq "protocols" '[OpenFlow13]' "$(vsctl get Bridge br0 protocols)"
assert_eq "tag" 10 "$(vsctl get Port p2 tag)"
assert_eq "interface type" internal "$(vsctl get Interface p1 type)"
assert_eq "ofport_request" 7 "$(vsctl get Interface p2 ofport_request)"
assert_eq "system-id" host-1 \
    "$(vsctl get Open_vSwitch . external_ids:system-id)"
assert_eq "list-zone-tp" "Zone:5, Timeout Policies: icmp_reply=3 udp_first=10" \
    "$(vsctl list-zone-tp system)"

for t in Open_vSwitch Bridge Port Interface Controller Manager Datapath \
         CT_Zone CT_Timeout_Policy Flow_Table Mirror QoS Queue NetFlow \
         sFlow IPFIX Flow_Sample_Collector_Set SSL AutoAttach; do
    check "list $t" quiet vsctl list "$t"
done

show=$(vsctl show)
echo "$show"
check "show" grep -q 'Manager "ptcp:6640"' <<<"$show"
check "show: controller" grep -q 'Controller "tcp:127.0.0.1:6653"' <<<"$show"
check "show: fail_mode" grep -q 'fail_mode: secure' <<<"$show"
check "show: tag" grep -q 'tag: 10' <<<"$show"

# The type constraints bite: out-of-range values are refused.
check "a tag over 4095 is refused" bash -c \
    "! ovs-vsctl --db=unix:$SOCK --no-wait set Port p2 tag=4096 2>/dev/null"
check "an unknown fail mode is refused" bash -c \
    "! ovs-vsctl --db=unix:$SOCK --no-wait set Bridge br0 fail_mode=open 2>/dev/null"

# Zone limits: by ovs-vsctl where it has the command, else by transaction.
if ovs-vsctl list-commands 2>/dev/null | grep -q '^ *set-zone-limit'; then
    check "set-zone-limit" vsctl set-zone-limit system zone=5 limit=100
else
    check "CT_Zone limit" quiet transact '{"op": "update", "table": "CT_Zone",
        "where": [], "row": {"limit": 100}}'
fi
assert_eq "CT_Zone limit" 100 \
    "$(ovsdb-client query "unix:$SOCK" '["Open_vSwitch", {"op": "select",
        "table": "CT_Zone", "where": [], "columns": ["limit"]}]' |
        "$PY" -c 'import json,sys; print(json.load(sys.stdin)[0]["rows"][0]["limit"])')"

# Rows no longer referenced go: deleting the bridge empties Port and
# Interface (they are not root tables).
check "del-br" vsctl del-br br0
assert_eq "ports gone" "" "$(vsctl --columns=name list Port)"
assert_eq "interfaces gone" "" "$(vsctl --columns=name list Interface)"

kill "${_pids[-1]}"
check "ovsdb-server logged no warning" bash -c \
    "! grep -E '\|(WARN|ERR|EMER)\|' '$TEST_DIR/server.log' | grep -v 'terminating with signal'"
finish
