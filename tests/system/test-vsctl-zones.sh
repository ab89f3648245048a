#!/bin/bash
# weir-vsctl's conntrack zone commands against weir-dbd: timeout policies
# (add-zone-tp, list-zone-tp, del-zone-tp, checked against what ovs-vsctl
# does on ovsdb-server) and zone limits (set-zone-limit, add-zone-limit,
# list-zone-limit, del-zone-limit: Debian's ovs-vsctl has no such commands,
# so the database rows are checked directly).  Needs no root.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/vsctl-lib.sh"
[ -x "$WEIR_BUILD/ovsdb/weir-dbd" ] || skip "weir-dbd is not built in $WEIR_BUILD"

wv() { "$WEIR_VSCTL" --db="$WEIR_DB" --no-wait "$@"; }

# A datapath record for both tools to hang zones on.
both --no-wait init
both --no-wait -- --id=@d create Datapath datapath_version=0 \
    -- set Open_vSwitch . datapaths:netdev=@d
both --no-wait add-zone-tp netdev zone=5 icmp_first=3 icmp_reply=6
both --no-wait add-zone-tp netdev zone=7 tcp_syn_sent=30
both list-zone-tp netdev
both_failing --no-wait add-zone-tp netdev zone=5 icmp_first=4
both --no-wait --may-exist add-zone-tp netdev zone=5 icmp_first=4
both --no-wait del-zone-tp netdev zone=7
both_failing --no-wait del-zone-tp netdev zone=9
both --no-wait --if-exists del-zone-tp netdev zone=9
both list-zone-tp netdev
both_failing list-zone-tp nodp
same_db

check "set-zone-limit" wv set-zone-limit netdev zone=5 limit=1000
check "set-zone-limit on a zone without a policy" wv set-zone-limit netdev zone=8 limit=20
assert_eq "list-zone-limit" "Zone:5, Limit:1000
Zone:8, Limit:20" "$(wv list-zone-limit netdev)"
check "set-zone-limit replaces" wv set-zone-limit netdev zone=5 limit=7
out=$(wv add-zone-limit netdev zone=5 limit=9 2>&1) && fail "add-zone-limit replaced a limit"
check "add-zone-limit does not replace one, saying why" grep -q 'already has a limit' <<<"$out"
assert_eq "the limit is in CT_Zone" 7 \
    "$(ovsdb-client dump "$WEIR_DB" Open_vSwitch CT_Zone limit | grep -Eo '\b7\b' | head -1)"
check "a bad limit is refused" bash -c "! '$WEIR_VSCTL' --db='$WEIR_DB' --no-wait set-zone-limit netdev zone=5 limit=-1 2>/dev/null"
check "del-zone-limit" wv del-zone-limit netdev zone=8
assert_eq "zone 8 gone with its limit" "Zone:5, Limit:7" "$(wv list-zone-limit netdev)"
assert_eq "zone 5 keeps its timeout policy" \
    "Zone:5, Timeout Policies: icmp_first=4" \
    "$(wv list-zone-tp netdev)"
check "del-zone-limit of a zone without one is refused" \
    bash -c "! '$WEIR_VSCTL' --db='$WEIR_DB' --no-wait del-zone-limit netdev zone=8 2>/dev/null"
check "unless --if-exists" wv --if-exists del-zone-limit netdev zone=8
finish
