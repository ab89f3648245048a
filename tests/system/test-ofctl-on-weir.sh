#!/bin/bash
# Debian's ovs-ofctl against Weir's daemon gets what it gets from OVS: every
# online command of test-ofctl-online.sh, in OpenFlow 1.0, 1.3 and 1.5, run
# with ovs-ofctl only, once against Debian's ovs-vswitchd (dummy datapath)
# and once against weir-vswitchd (userspace datapath, dummy ports), both
# bridges configured alike: ports p1 and p2 as OpenFlow ports 1 and 2, the
# same datapath id, the same port MACs, fail mode secure.  Each command's
# stdout, stderr and exit status must match after masking what legitimately
# differs (see mask); state-changing sequences run from the same starting
# state on both switches and must leave the same flows, groups and meters.
SYSTEM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/system/lib.sh
. "$SYSTEM_DIR/lib.sh"
require_cmd ovs-vswitchd ovsdb-server ovsdb-tool ovs-vsctl ovs-ofctl ovs-appctl
# shellcheck source=tests/system/switch-lib.sh
. "$SYSTEM_DIR/switch-lib.sh"

DPID=00000000000000b1
MACP1=aa:55:aa:55:00:a1
MACP2=aa:55:aa:55:00:a2
MACBR=aa:55:aa:55:00:a0

# ---- Debian's switch, as test-ofctl-online.sh sets it up ----
D=$TEST_DIR/ovs
mkdir -p "$D"
ovsdb-tool create "$D/conf.db" /usr/share/openvswitch/vswitch.ovsschema
OVS_RUNDIR=$D OVS_DBDIR=$D OVS_LOGDIR=$D OVS_SYSCONFDIR=$D \
    ovsdb-server --remote="punix:$D/db.sock" --pidfile="$D/ovsdb-server.pid" \
    --detach --no-chdir --log-file="$D/ovsdb.log" "$D/conf.db"
_pids+=("$(cat "$D/ovsdb-server.pid")")
OVSVSCTL=(ovs-vsctl --db="unix:$D/db.sock" --timeout=20)
"${OVSVSCTL[@]}" --no-wait init
OVS_RUNDIR=$D OVS_DBDIR=$D OVS_LOGDIR=$D OVS_SYSCONFDIR=$D \
    ovs-vswitchd --enable-dummy=override --disable-system --detach \
    --no-chdir --pidfile="$D/ovs-vswitchd.pid" --log-file="$D/vswitchd.log" \
    "unix:$D/db.sock"
_pids+=("$(cat "$D/ovs-vswitchd.pid")")

# The same bridge on both switches.  MACs: ports get theirs from the
# Interface "mac" column where the switch honours it, and from the
# netdev-dummy once it exists otherwise (set_macs).
bridge_args() {
    echo add-br br0 -- set bridge br0 "$1" fail-mode=secure \
        other_config:datapath-id=$DPID other_config:hwaddr=$MACBR \
        -- add-port br0 p1 -- set interface p1 type=dummy ofport_request=1 \
        mac='"'$MACP1'"' \
        -- add-port br0 p2 -- set interface p2 type=dummy ofport_request=2 \
        mac='"'$MACP2'"'
}
# shellcheck disable=SC2046
"${OVSVSCTL[@]}" $(bridge_args datapath_type=dummy)
for _ in $(seq 50); do [ -S "$D/br0.mgmt" ] && break; sleep 0.1; done

# ---- Weir's switch ----
switch_start
vsctl del-br br0
# Weir's local port is a kernel device in namespace sw: with IPv6 off it
# sends nothing of its own, as the dummy local port of OVS sends nothing.
ns_exec sw sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
    net.ipv6.conf.default.disable_ipv6=1
# shellcheck disable=SC2046
vsctl $(bridge_args datapath_type=netdev)
W=$WEIR_RUNDIR
wait_for 10 test -S "$W/br0.mgmt" || fail "weir br0 has no management socket"

for S in "$D" "$W"; do
    OVS_RUNDIR=$S ovs-ofctl add-flow br0 priority=0,actions=NORMAL
done

compared=0
mismatches=0
known=0

# Known differences: each a Weir bug reported to the owner of the code, as
# a name and the sed expression that removes just that difference.  A
# command whose outputs differ only by these counts as a known difference;
# one that goes away simply stops being reported.
KNOWN=(
    # dpbridge.c sets no OFPPS_LIVE on a working port, and an
    # administratively down dummy port keeps its link (OVS: LINK_DOWN).
    "port state|s/^( +state: +)(LIVE|LINK_DOWN)$/\\10/"
    # vswitchd ignores other_config:hwaddr for the local port's address.
    "local port MAC|s/^( LOCAL\\(br0\\): addr:).*/\\1X/"
    # Fields Weir does not implement (NXM in_port, packet_type,
    # tun_metadata, erspan, gtpu, nsh), so table features list fewer.
    "table feature fields|s/^( +)(supported on Set-Field|arbitrary mask|exact match or wildcard): .*/\\1\\2: X/"
)
known_sed() {
    local k args=()
    for k in "${KNOWN[@]}"; do args+=(-e "${k#*|}"); done
    sed -E "${args[@]}"
}

# What legitimately differs between the two switches: elapsed times and
# ages; the description strings (dump-desc: maker, hardware, software and
# datapath description); the addresses of dummy ports, which each switch
# makes up (OVS's netdev-dummy ignores the Interface "mac" column); and
# the counters OVS's dummy ports do not keep ("?") where Weir's count 0,
# and the made-up "custom" counters only OVS's dummy ports report (1.4+).
mask() {
    sed -E -e '/^ +CUSTOM Statistics$/d' -e '/^ +(rx|tx)_[a-z0-9_]+=[0-9]+,/d' \
        -e 's/duration[=:][0-9.]+s/duration=X/g' \
        -e 's/(idle|hard)_age=[0-9]+/\1_age=X/g' \
        -e 's/^(Manufacturer|Hardware|Software|DP Description): .*/\1: X/' \
        -e 's/^( [0-9]+\(p[0-9]\): addr:).*/\1X/' \
        -e 's/(drop|errs|frame|over|crc|coll)=\?/\1=0/g' \
        "$1" | if [ "$2" = sort ]; then sort; else cat; fi
}

# run_one SIDE ARGS...: Debian's ovs-ofctl against SIDE (ovs or weir);
# "br0" reaches that side's bridge through OVS_RUNDIR.  Output in
# $TEST_DIR/SIDE.{out,err,rc}.
run_one() {
    local side=$1 dir=$D rc=0
    shift
    [ "$side" = ovs ] || dir=$W
    OVS_RUNDIR=$dir timeout 20 ovs-ofctl "$@" >"$TEST_DIR/$side.out" \
        2>"$TEST_DIR/$side.err" </dev/null || rc=$?
    # Error messages name the socket, which lives in each side's rundir.
    sed -i "s|$dir/|RUNDIR/|g" "$TEST_DIR/$side.out" "$TEST_DIR/$side.err"
    echo $rc >"$TEST_DIR/$side.rc"
}

# same WHAT: the last ovs and weir runs agree.
same() {
    local what=$1 f order=keep
    # Groups come in each switch's hash order; diff-flows in its
    # classifier's order.
    # Flows, too, unless sorted: the spec leaves the order to the switch.
    case $what in
    *sort*dump-flows*) ;;
    *dump-group* | *diff-flows* | *dump-flows*) order="sort" ;;
    esac
    compared=$((compared + 1))
    for f in out err rc; do
        if ! diff -u <(mask "$TEST_DIR/ovs.$f" $order) \
            <(mask "$TEST_DIR/weir.$f" $order) >"$TEST_DIR/diff"; then
            if diff -q <(mask "$TEST_DIR/ovs.$f" $order | known_sed) \
                <(mask "$TEST_DIR/weir.$f" $order | known_sed) >/dev/null; then
                echo "KNOWN DIFFERENCE ($f): $what"
                known=$((known + 1))
                return 0
            fi
            echo "MISMATCH ($f): $what"
            sed 's/^/    /' "$TEST_DIR/diff" | sed -n 1,40p
            mismatches=$((mismatches + 1))
            return 0
        fi
    done
}

# check ARGS...: a command run against both switches.
check() {
    run_one ovs "$@"
    run_one weir "$@"
    same "$*"
}

# on SIDE ARGS...: ovs-ofctl against SIDE, output discarded.
on() {
    local dir=$D
    [ "$1" = ovs ] || dir=$W
    shift
    OVS_RUNDIR=$dir ovs-ofctl "$@" >/dev/null
}

state() {
    local dir=$D
    [ "$1" = ovs ] || dir=$W
    {
        OVS_RUNDIR=$dir ovs-ofctl -O OpenFlow13 --no-stats --sort dump-flows br0
        OVS_RUNDIR=$dir ovs-ofctl -O OpenFlow15 dump-groups br0 | sort
        OVS_RUNDIR=$dir ovs-ofctl -O OpenFlow13 dump-meters br0
        OVS_RUNDIR=$dir ovs-ofctl -O OpenFlow13 dump-aggregate br0
    } 2>&1 | sed -E 's/\(xid=0x[0-9a-f]+\)//'
}

reset_state() {
    local s
    for s in ovs weir; do
        on $s del-flows br0
        on $s -O OpenFlow13 del-groups br0
        on $s -O OpenFlow13 del-meters br0
        on $s add-flow br0 priority=0,actions=NORMAL
        on $s mod-port br0 p1 up
        on $s mod-port br0 p1 flood
    done
}

# sequence NAME STEP...: each STEP (words split by the shell) runs against
# Debian's switch, then against Weir's; each step's output and the final
# state must match.
sequence() {
    local name=$1 step
    shift
    reset_state
    for step in "$@"; do
        # shellcheck disable=SC2086
        run_one ovs $step
        # shellcheck disable=SC2086
        run_one weir $step
        same "$name: $step"
    done
    state ovs >"$TEST_DIR/state.ovs"
    state weir >"$TEST_DIR/state.weir"
    compared=$((compared + 1))
    if ! diff -u <(mask "$TEST_DIR/state.ovs" keep | known_sed) \
        <(mask "$TEST_DIR/state.weir" keep | known_sed) >"$TEST_DIR/diff"; then
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
    check -O $V show br0
    check -O $V dump-desc br0
    check -O $V dump-ports br0
    check -O $V dump-ports-desc br0
    check -O $V dump-flows br0
    check -O $V dump-aggregate br0
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
check show br0 extra
check dump-flows br0 in_port=1,bogus=2
check add-flow br0 in_port=1
check -F nxm -O OpenFlow13 dump-flows br0
check -F OpenFlow10 dump-flows br0 tun_id=5
check -O OpenFlow10 dump-table-features br0
check -O OpenFlow10 add-meter br0 meter=1,kbps,band=type=drop,rate=1
check -O OpenFlow13 dump-ports-desc br0 p9
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
        "-O $V mod-group br0 group_id=5,type=all,bucket=output:2" \
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
        "-O $V mod-meter br0 meter=9,kbps,band=type=drop,rate=200" \
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
    sequence "overlap $V" \
        "-O $V add-flow br0 priority=7,in_port=1,actions=drop" \
        "-O $V --strict add-flow br0 check_overlap,priority=7,in_port=1,actions=drop" \
        "-O $V add-flow br0 check_overlap,priority=7,ip,actions=drop" \
        "-O $V add-flow br0 table=254,priority=1,actions=drop" \
        "-O $V add-flow br0 table=255,priority=1,actions=drop" \
        "-O $V mod-flows br0 table=254,actions=drop" \
        "-O $V del-flows br0 table=254" \
        "-O $V add-flow br0 table=253,priority=1,actions=drop" \
        "-O $V add-flow br0 priority=1,actions=meter:5,drop" \
        "-O $V add-flow br0 priority=1,actions=output:99" \
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
    "-O OpenFlow13 add-meter br0 meter=3,kbps,band=type=drop,rate=0" \
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
    "-O OpenFlow13 dump-ports br0 2" \
    "packet-out br0 1 output:2" \
    "add-flows br0 /nonexistent"

# ---- monitor: the packet-in of a packet-out to the controller ----
reset_state
# watch_packet_in SIDE ARGS...: what "monitor" printed, in SIDE.mon.
watch_packet_in() {
    local side=$1 dir=$D out=$TEST_DIR/$1.mon mpid
    shift
    [ "$side" = ovs ] || dir=$W
    OVS_RUNDIR=$dir ovs-ofctl "$@" >"$out.raw" 2>&1 &
    mpid=$!
    sleep 1
    OVS_RUNDIR=$dir ovs-ofctl packet-out br0 \
        "in_port=1,packet=$PKT,actions=CONTROLLER:64"
    for _ in $(seq 50); do
        grep -q PACKET_IN "$out.raw" && break
        sleep 0.1
    done
    kill "$mpid" 2>/dev/null || true
    wait "$mpid" 2>/dev/null || true
    # ovs-ofctl reports the signal that ends it.
    grep -v 'fatal_signal' "$out.raw" >"$out" || true
}
# Known: the packet-in of a packet-out's output to CONTROLLER.  OVS gives
# the packet-out's in_port (1), no cookie (all-ones: none), and in 1.5 the
# reason "packet_out"; Weir gives in_port LOCAL, cookie 0 and "action".
known_pin() {
    sed -E -e 's/ cookie=0x0 / /' -e 's/in_port=(1|LOCAL) /in_port=X /' \
        -e 's/\(via packet_out\)/(via action)/'
}
for args in "monitor br0 65534" "-O OpenFlow13 monitor br0 65534" \
    "-O OpenFlow15 monitor br0 128" "-P standard monitor br0 65534" \
    "-P nxt_packet_in monitor br0 65534"; do
    # shellcheck disable=SC2086
    watch_packet_in ovs $args
    # shellcheck disable=SC2086
    watch_packet_in weir $args
    compared=$((compared + 1))
    if grep -q PACKET_IN "$TEST_DIR/weir.mon" &&
        diff -q <(known_pin <"$TEST_DIR/ovs.mon") \
            <(known_pin <"$TEST_DIR/weir.mon") >/dev/null &&
        ! diff -q "$TEST_DIR/ovs.mon" "$TEST_DIR/weir.mon" >/dev/null; then
        echo "KNOWN DIFFERENCE: $args"
        sed 's/^/    /' "$TEST_DIR/weir.mon"
        known=$((known + 1))
    elif ! grep -q PACKET_IN "$TEST_DIR/weir.mon" ||
        ! diff -u "$TEST_DIR/ovs.mon" "$TEST_DIR/weir.mon" >"$TEST_DIR/diff"; then
        echo "MISMATCH: $args"
        sed 's/^/    /' "$TEST_DIR/diff" | sed -n 1,40p
        mismatches=$((mismatches + 1))
    fi
done

echo "$compared compared, $mismatches mismatches, $known known differences"
[ "$mismatches" = 0 ] || fail "$mismatches of $compared differ from OVS"
echo PASS
