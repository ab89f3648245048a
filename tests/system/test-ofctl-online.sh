#!/bin/bash
# weir-ofctl's online commands against Debian's ovs-vswitchd (dummy
# datapath, no root needed), compared with Debian's ovs-ofctl: the same
# stdout, stderr and exit status for each command, with durations and ages
# masked.  State-changing sequences run once with each tool from the same
# starting state, and the resulting flows, groups and meters must match.
# OpenFlow 1.0, 1.3 and 1.5; bridge names and unix: targets.
SYSTEM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/system/lib.sh
. "$SYSTEM_DIR/lib.sh"

require_cmd ovs-vswitchd ovsdb-server ovsdb-tool ovs-vsctl ovs-ofctl ovs-appctl
WOFCTL=$WEIR_BUILD/utilities/weir-ofctl
[ -x "$WOFCTL" ] || skip "no $WOFCTL"

D=$TEST_DIR/ovs
mkdir -p "$D"
export OVS_RUNDIR=$D OVS_DBDIR=$D OVS_LOGDIR=$D OVS_SYSCONFDIR=$D

ovsdb-tool create "$D/conf.db" /usr/share/openvswitch/vswitch.ovsschema
ovsdb-server --remote="punix:$D/db.sock" --pidfile="$D/ovsdb-server.pid" \
    --detach --no-chdir --log-file="$D/ovsdb.log" "$D/conf.db"
_pids+=("$(cat "$D/ovsdb-server.pid")")
VSCTL=(ovs-vsctl --db="unix:$D/db.sock" --timeout=20)
"${VSCTL[@]}" --no-wait init
ovs-vswitchd --enable-dummy=override --disable-system --detach --no-chdir \
    --pidfile="$D/ovs-vswitchd.pid" --log-file="$D/vswitchd.log" \
    "unix:$D/db.sock"
_pids+=("$(cat "$D/ovs-vswitchd.pid")")
"${VSCTL[@]}" add-br br0 -- set bridge br0 datapath_type=dummy \
    fail-mode=secure \
    -- add-port br0 p1 -- set interface p1 type=dummy ofport_request=1 \
    -- add-port br0 p2 -- set interface p2 type=dummy ofport_request=2
ovs-ofctl add-flow br0 priority=0,actions=NORMAL

compared=0
mismatches=0
gaps=0

# Replies whose printers in lib/ are not finished yet; the rest of each
# command (connection, request, exit status) is still exercised.  A gap
# that closes simply stops being reported.
known_gap() {
    case $1 in
    "-O OpenFlow10 dump-tables"*) return 0 ;;       # OFPST_TABLE 1.0 body
    "-O OpenFlow15 dump-ports"*) return 0 ;;        # 1.4+ custom stats
    *OpenFlow1[35]" dump-table-features"*) return 0 ;; # merged "ditto" view
    esac
    return 1
}

# What legitimately differs between two runs: elapsed times and ages, the
# program's name in error messages, and the order of groups (the switch's
# hash table order, which depends on its history).
mask() {
    sed -E -e 's/duration[=:][0-9.]+s/duration=X/g' \
        -e 's/(idle|hard)_age=[0-9]+/\1_age=X/g' \
        -e 's/^(ovs|weir)-ofctl: /ofctl: /' "$1" |
        if [ "$2" = sort ]; then sort; else cat; fi
}

# Both tools reach the switch through a relay that logs every message they
# send, in hex: the exchange itself is compared, not only what they print.
# HELLO xids are masked: lib/vconn sends ours with xid 0 where ovs-ofctl
# numbers it.
PX=$TEST_DIR/relay
mkdir -p "$PX"
WIRE=$TEST_DIR/wire.log
: >"$WIRE"
$PY "$SYSTEM_DIR/ofctl_relay.py" "$PX/br0.mgmt" "$D/br0.mgmt" "$WIRE" &
_pids+=($!)
for _ in $(seq 50); do [ -S "$PX/br0.mgmt" ] && break; sleep 0.1; done

# wire FROM: the messages logged past byte FROM, connection by connection
# (numbered from 1 in the order they opened).
wire() {
    tail -c +"$(($1 + 1))" "$WIRE" |
        awk '!($1 in n) { n[$1] = ++k } { $1 = n[$1]; print }' |
        sort -s -n -k1,1 |
        sed -E 's/^([0-9]+ ..00....)......../\1XXXXXXXX/'
}

# run_one TOOL ARGS...: output in $TEST_DIR/TOOL.{out,err,rc,wire}.
run_one() {
    local tool=$1 bin from
    shift
    if [ "$tool" = ovs ]; then bin=ovs-ofctl; else bin=$WOFCTL; fi
    local rc=0
    from=$(stat -c %s "$WIRE")
    OVS_RUNDIR=$PX timeout 20 "$bin" "$@" >"$TEST_DIR/$tool.out" \
        2>"$TEST_DIR/$tool.err" </dev/null || rc=$?
    echo $rc >"$TEST_DIR/$tool.rc"
    wire "$from" >"$TEST_DIR/$tool.wire"
}

# same: the last ovs and weir runs agree; 'what' names the command.
same() {
    local what=$1 f order=keep
    # diff-flows lists entries in its classifier's order.
    case $what in *dump-group* | *diff-flows*) order=sort ;; esac
    compared=$((compared + 1))
    for f in out err rc wire; do
        if ! diff -u <(mask "$TEST_DIR/ovs.$f" $order) \
            <(mask "$TEST_DIR/weir.$f" $order) \
            >"$TEST_DIR/diff"; then
            if known_gap "$what"; then
                echo "KNOWN GAP ($f): $what"
                gaps=$((gaps + 1))
                return 0
            fi
            echo "MISMATCH ($f): $what"
            sed 's/^/    /' "$TEST_DIR/diff" | sed -n 1,40p
            mismatches=$((mismatches + 1))
            return 0
        fi
    done
}

# check ARGS...: a command that changes nothing, run by both tools.
check() {
    run_one ovs "$@"
    run_one weir "$@"
    same "$*"
}

state() {
    local v
    for v in OpenFlow13; do
        ovs-ofctl -O $v --no-stats --sort dump-flows br0
        ovs-ofctl -O OpenFlow15 dump-groups br0 | sort
        ovs-ofctl -O $v dump-meters br0
    done 2>&1 | sed -E 's/\(xid=0x[0-9a-f]+\)//'
}

reset_state() {
    ovs-ofctl del-flows br0
    ovs-ofctl -O OpenFlow13 del-groups br0
    ovs-ofctl -O OpenFlow13 del-meters br0
    ovs-ofctl add-flow br0 priority=0,actions=NORMAL
    ovs-ofctl mod-port br0 p1 up
    ovs-ofctl mod-port br0 p1 flood
}

# sequence NAME STEP...: each STEP is one command line (words split by
# the shell); run with ovs-ofctl, then from the same start with weir-ofctl;
# each step's output and the final state must match.
sequence() {
    local name=$1 step i=0
    shift
    reset_state
    for step in "$@"; do
        # shellcheck disable=SC2086
        run_one ovs $step
        for f in out err rc wire; do cp "$TEST_DIR/ovs.$f" "$TEST_DIR/seq$i.$f"; done
        i=$((i + 1))
    done
    state >"$TEST_DIR/state.ovs"
    reset_state
    i=0
    for step in "$@"; do
        # shellcheck disable=SC2086
        run_one weir $step
        for f in out err rc wire; do cp "$TEST_DIR/seq$i.$f" "$TEST_DIR/ovs.$f"; done
        same "$name: $step"
        i=$((i + 1))
    done
    state >"$TEST_DIR/state.weir"
    compared=$((compared + 1))
    if ! diff -u "$TEST_DIR/state.ovs" "$TEST_DIR/state.weir" >"$TEST_DIR/diff"; then
        echo "MISMATCH (state): $name"
        sed 's/^/    /' "$TEST_DIR/diff" | sed -n 1,40p
        mismatches=$((mismatches + 1))
    fi
}

cat >"$TEST_DIR/flows.txt" <<'EOF'
# a comment, then flows with and without a command word
priority=10,in_port=2,actions=output:1
add priority=11,udp,tp_dst=53,actions=drop

table=2,priority=7,actions=drop
modify in_port=2,actions=output:LOCAL
delete_strict priority=11,udp,tp_dst=53
EOF
cat >"$TEST_DIR/groups.txt" <<'EOF'
group_id=10,type=all,bucket=output:1,bucket=output:2
group_id=11,type=select,bucket=weight:5,output:1
EOF
cat >"$TEST_DIR/replace.txt" <<'EOF'
priority=0,actions=NORMAL
priority=99,in_port=2,actions=output:1
cookie=0x7,priority=98,in_port=1,idle_timeout=30,actions=drop
table=4,priority=3,ip,nw_dst=10.1.0.0/16,actions=output:2
EOF
grep -v '^[a-z_]* ' "$TEST_DIR/flows.txt" >"$TEST_DIR/plain.txt"
F=$TEST_DIR/flows.txt
P=$TEST_DIR/plain.txt
R=$TEST_DIR/replace.txt
G=$TEST_DIR/groups.txt

# ---- commands that change nothing ----
for V in OpenFlow10 OpenFlow13 OpenFlow15; do
    for T in br0 "unix:$PX/br0.mgmt"; do
        check -O $V show $T
        check -O $V dump-desc $T
        check -O $V dump-ports $T
        check -O $V dump-ports-desc $T
        check -O $V dump-flows $T
        check -O $V dump-aggregate $T
    done
    check -O $V dump-tables br0
    check -O $V dump-table-features br0
    check -O $V dump-ports br0 1
    check -O $V dump-ports br0 p2
    check -O $V dump-ports br0 LOCAL
    check -O $V dump-ports-desc br0 1
    check -O $V dump-flows br0 in_port=1
    check -O $V dump-flows br0 table=0,priority=0
    check -O $V --no-stats dump-flows br0
    check -O $V --sort dump-flows br0
    check -O $V dump-aggregate br0 ip
    check -O $V dump-groups br0
    check -O $V dump-group-stats br0
    check -O $V dump-meters br0
    check -O $V meter-stats br0
    check -O $V dump-ports br0 nosuchport
    check -O $V mod-port br0 nosuchport up
done

# ---- errors before or while connecting ----
check show br9
check show
check show br0 extra
check show "unix:$D/nonexistent"
check show tcp:127.0.0.1:1
check dump-flows br0 in_port=1,bogus=2
check add-flow br0 in_port=1
check bogus-command br0
check --sort=bogus_field dump-flows br0
check --timeout=x show br0
check -F nxm -O OpenFlow13 dump-flows br0
check -F OpenFlow10 dump-flows br0 tun_id=5
check -O OpenFlow10 dump-table-features br0
check -O OpenFlow10 add-meter br0 meter=1,kbps,band=type=drop,rate=1
check -O OpenFlow13 dump-ports-desc br0 p9
check -m dump-desc br0
check -O OpenFlow13 monitor br0 sideways

# ---- commands that change state ----
for V in OpenFlow10 OpenFlow13 OpenFlow15; do
    sequence "flows $V" \
        "-O $V add-flow br0 priority=100,in_port=1,actions=output:2" \
        "-O $V add-flow br0 priority=90,ip,nw_src=10.0.0.1,actions=drop" \
        "-O $V add-flow br0 table=1,priority=5,tcp,tp_dst=80,actions=CONTROLLER:128" \
        "-O $V add-flow br0 cookie=0x5,idle_timeout=60,priority=9,arp,actions=NORMAL" \
        "-O $V dump-flows br0" \
        "-O $V --no-stats dump-flows br0" \
        "-O $V --sort dump-flows br0" \
        "-O $V --rsort=priority dump-flows br0" \
        "-O $V --sort=in_port dump-flows br0" \
        "-O $V dump-aggregate br0" \
        "-O $V dump-flows br0 table=1" \
        "-O $V mod-flows br0 in_port=1,actions=output:LOCAL" \
        "-O $V --strict mod-flows br0 priority=90,ip,nw_src=10.0.0.1,actions=output:1" \
        "-O $V del-flows br0 arp" \
        "-O $V --strict del-flows br0 priority=100,in_port=1" \
        "-O $V add-flows br0 $F" \
        "-O $V --no-stats dump-flows br0"
    sequence "groups $V" \
        "-O $V add-group br0 group_id=1,type=all,bucket=output:1" \
        "-O $V add-group br0 group_id=1,type=all,bucket=output:2" \
        "-O $V mod-group br0 group_id=1,type=all,bucket=output:2" \
        "-O $V add-groups br0 $G" \
        "-O $V dump-groups br0" \
        "-O $V dump-groups br0 10" \
        "-O $V dump-group-stats br0" \
        "-O $V dump-group-stats br0 group_id=11" \
        "-O $V del-groups br0 group_id=10" \
        "-O $V dump-groups br0"
    sequence "meters $V" \
        "-O $V add-meter br0 meter=1,kbps,band=type=drop,rate=100" \
        "-O $V add-meter br0 meter=2,pktps,burst,stats,band=type=drop,rate=10,burst_size=5" \
        "-O $V mod-meter br0 meter=1,kbps,band=type=drop,rate=200" \
        "-O $V dump-meters br0" \
        "-O $V dump-meters br0 meter=2" \
        "-O $V meter-stats br0" \
        "-O $V del-meters br0 meter=1" \
        "-O $V dump-meters br0"
    sequence "ports $V" \
        "-O $V mod-port br0 p1 down" \
        "-O $V dump-ports-desc br0 1" \
        "-O $V mod-port br0 1 no-flood" \
        "-O $V mod-port br0 p1 up" \
        "-O $V mod-port br0 p1 sideways" \
        "-O $V show br0"
done
for V in OpenFlow13 OpenFlow15; do
    sequence "bundle $V" \
        "-O $V --bundle add-flow br0 priority=5,in_port=2,actions=output:1" \
        "-O $V --bundle add-flows br0 $F" \
        "-O $V --bundle add-groups br0 $G" \
        "-O $V --no-stats dump-flows br0"
done
for V in OpenFlow10 OpenFlow13 OpenFlow15; do
    sequence "replace $V" \
        "-O $V add-flow br0 priority=100,in_port=1,actions=output:2" \
        "-O $V add-flow br0 priority=99,in_port=2,actions=output:1" \
        "-O $V diff-flows br0 $P" \
        "-O $V diff-flows $P br0" \
        "-O $V replace-flows br0 $P" \
        "-O $V diff-flows br0 $R" \
        "-O $V replace-flows br0 $R" \
        "-O $V --readd replace-flows br0 $R" \
        "-O $V diff-flows br0 $R" \
        "-O $V diff-flows $R $P" \
        "-O $V --no-stats dump-flows br0"
done
sequence "replace bundle" \
    "-O OpenFlow14 --bundle replace-flows br0 $R" \
    "-O OpenFlow14 diff-flows br0 $R"
# ---- refusals from the switch: the error and the request, exit 1 ----
sequence "switch errors" \
    "-O OpenFlow13 add-flow br0 actions=group:77" \
    "-O OpenFlow13 add-flow br0 table=1,actions=goto_table:0" \
    "-O OpenFlow13 add-meter br0 meter=1,kbps,band=type=drop,rate=1" \
    "-O OpenFlow13 add-meter br0 meter=1,kbps,band=type=drop,rate=1" \
    "-O OpenFlow13 --bundle add-group br0 group_id=1,type=all,bucket=output:1" \
    "-O OpenFlow13 --bundle add-group br0 group_id=1,type=all,bucket=output:1" \
    "--bundle add-flow br0 priority=4,actions=group:77" \
    "-O OpenFlow10 --bundle add-flow br0 priority=3,actions=drop"
sequence "bundle default version" \
    "--bundle add-flow br0 priority=6,in_port=1,actions=drop" \
    "--no-stats dump-flows br0"

# ---- packet-out: a packet sent out p2 counts in its tx statistics ----
PKT=ffffffffffff0000000000010800450000140000000040010000c0a80001c0a80002
sequence "packet-out" \
    "packet-out br0 in_port=1,packet=$PKT,actions=output:2" \
    "-O OpenFlow13 packet-out br0 in_port=1,packet=$PKT,actions=output:2" \
    "-O OpenFlow15 packet-out br0 in_port=LOCAL,packet=$PKT,actions=output:2" \
    "packet-out br0 1 output:2 $PKT $PKT" \
    "-O OpenFlow13 packet-out br0 p1 output:2,output:LOCAL $PKT" \
    "packet-out br0 1 output:2" \
    "add-flows br0 /nonexistent" \
    "replace-flows br0 /nonexistent"
tx() { ovs-ofctl dump-ports br0 2 | sed -n 's/.*tx pkts=\([0-9]*\).*/\1/p'; }
before=$(tx)
"$WOFCTL" packet-out br0 "in_port=1,packet=$PKT,actions=output:2"
after=$(tx)
compared=$((compared + 1))
[ "$after" = $((before + 1)) ] ||
    { echo "MISMATCH: packet-out did not reach p2 ($before -> $after)"; mismatches=$((mismatches + 1)); }

# ---- monitor: the packet-in for a packet sent to the controller ----
reset_state
ovs-ofctl add-flow br0 priority=50,in_port=1,actions=CONTROLLER:64
# watch_packet_in TOOL ARGS...: what "monitor" printed, in TOOL.mon.
watch_packet_in() {
    local tool=$1 bin out=$TEST_DIR/$1.mon mpid
    shift
    if [ "$tool" = ovs ]; then bin=ovs-ofctl; else bin=$WOFCTL; fi
    OVS_RUNDIR=$PX "$bin" "$@" >"$out.raw" 2>&1 &
    mpid=$!
    sleep 1
    ovs-appctl netdev-dummy/receive p1 "$PKT"
    for _ in $(seq 50); do
        grep -q PACKET_IN "$out.raw" && break
        sleep 0.1
    done
    kill "$mpid" 2>/dev/null || true
    wait "$mpid" 2>/dev/null || true
    # ovs-ofctl reports the signal that ends it.
    grep -v 'fatal_signal' "$out.raw" >"$out" || true
}
for args in "monitor br0 65534" "-O OpenFlow13 monitor br0 65534" \
    "-O OpenFlow15 monitor br0 128" "-P standard monitor br0 65534" \
    "-P nxt_packet_in monitor br0 65534"; do
    # shellcheck disable=SC2086
    watch_packet_in ovs $args
    # shellcheck disable=SC2086
    watch_packet_in weir $args
    compared=$((compared + 1))
    if ! grep -q PACKET_IN "$TEST_DIR/weir.mon" ||
        ! diff -u "$TEST_DIR/ovs.mon" "$TEST_DIR/weir.mon" >"$TEST_DIR/diff"; then
        echo "MISMATCH: $args"
        sed 's/^/    /' "$TEST_DIR/diff" | sed -n 1,40p
        mismatches=$((mismatches + 1))
    fi
done

echo "$compared compared, $mismatches mismatches, $gaps known gaps"
[ "$mismatches" = 0 ] || fail "$mismatches of $compared differ from ovs-ofctl"
echo PASS
