#!/bin/bash
# Daemons keep only the privileges they need: weir-vswitchd --user=nobody
# runs as nobody with exactly the capabilities its ports need (none other,
# bounding set included, no supplementary groups), still forwards between
# two namespaces, and cleans up its pid file and socket at SIGTERM; weir-dbd
# keeps no capability at all.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd ip ping
id nobody >/dev/null 2>&1 || skip "no user nobody"

# status_field PID FIELD: a line of /proc/PID/status, value only.
status_field() {
    awk -v f="$2:" '$1 == f { $1 = ""; sub(/^ /, ""); print }' "/proc/$1/status"
}
VSD=$WEIR_BUILD/vswitchd/weir-vswitchd
[ -x "$VSD" ] || skip "weir-vswitchd is not built in $WEIR_BUILD"


# CAP_NET_BROADCAST 11, NET_ADMIN 12, NET_RAW 13, IPC_LOCK 14,
# SYS_RESOURCE 24, BPF 39: those of them this shell has (a container may
# lack some).
MINE=$(( 16#$(status_field $$ CapPrm) ))
WANT=$(printf '%016x' $(( MINE & ((1<<11)|(1<<12)|(1<<13)|(1<<14)|(1<<24)|(1<<39)) )))
NOBODY=$(id -u nobody)

# The internal port of a datapath is a tap: the user must be able to open
# /dev/net/tun (Debian makes it 0666; some sandboxes 0600).  Widen it for
# the test if need be, and put it back on any exit.
TUN_MODE=$(stat -c %a /dev/net/tun)
if ! su -s /bin/sh nobody -c 'test -r /dev/net/tun -a -w /dev/net/tun'; then
    trap 'chmod "$TUN_MODE" /dev/net/tun; _cleanup' EXIT
    chmod 0666 /dev/net/tun
fi

ns_add sw h1 h2
veth_add h1 eth1 sw p1
veth_add h2 eth2 sw p2
ns_exec h1 ip addr add 10.0.0.1/24 dev eth1
ns_exec h2 ip addr add 10.0.0.2/24 dev eth2

# nobody must reach its run directory (which the daemon gives it) to
# remove its files at exit.
chmod 711 "$TEST_DIR"
export WEIR_RUNDIR=$TEST_DIR/run
WEIR_CTL=$WEIR_RUNDIR/weir-vswitchd.ctl
WEIR_LOG=$TEST_DIR/weir-vswitchd.log
touch "$WEIR_LOG" && chown nobody "$WEIR_LOG"
ns_bg sw "$VSD" --pidfile --log-file="$WEIR_LOG" --user=nobody
WEIR_PID=$BG_PID
wait_for 10 test -S "$WEIR_CTL" || fail "weir-vswitchd did not start: $(cat "$WEIR_LOG")"
# The daemon is ns_bg's child: find the process itself.
PID=$(cat "$WEIR_RUNDIR/weir-vswitchd.pid")

assert_eq "runs as nobody" "$NOBODY $NOBODY $NOBODY $NOBODY" "$(status_field "$PID" Uid | tr -s '\t ' ' ')"
assert_eq "effective capabilities" "$WANT" "$(status_field "$PID" CapEff)"
assert_eq "permitted capabilities" "$WANT" "$(status_field "$PID" CapPrm)"
assert_eq "bounding set cleared" 0000000000000000 "$(status_field "$PID" CapBnd)"
assert_eq "no supplementary groups" "" "$(status_field "$PID" Groups)"

dpctl add-dp dp0
dpctl add-if dp0 p1
dpctl add-if dp0 p2
dpctl add-flow dp0 'in_port(1),eth()' 2
dpctl add-flow dp0 'in_port(2),eth()' 1
check "it still forwards" ns_exec h1 ping -c 2 -i 0.2 -W 2 10.0.0.2
check "a polling thread has the same capabilities" bash -c \
    "for t in /proc/$PID/task/*; do grep -q '^CapEff:.*$WANT' \$t/status || exit 1; done"
kill "$PID"
check "SIGTERM stops it" wait_for 10 bash -c "! kill -0 $PID"
check "it removed its pid file and socket" bash -c \
    "! test -e '$WEIR_RUNDIR/weir-vswitchd.pid' && ! test -e '$WEIR_CTL'"

DBD=$WEIR_BUILD/ovsdb/weir-dbd
if [ -x "$DBD" ]; then
    "$WEIR_BUILD/ovsdb/weir-dbtool" create "$TEST_DIR/conf.db" \
        "$SYSTEM_DIR/../../vswitchd/vswitch.ovsschema"
    "$DBD" --detach --pidfile --remote=punix:"$TEST_DIR/db.sock" \
        --log-file="$TEST_DIR/dbd.log" "$TEST_DIR/conf.db"
    DPID=$(cat "$WEIR_RUNDIR/weir-dbd.pid")
    _pids+=("$DPID")
    assert_eq "weir-dbd keeps no capability" 0000000000000000 "$(status_field "$DPID" CapEff)"
    assert_eq "nor in its bounding set" 0000000000000000 "$(status_field "$DPID" CapBnd)"
fi
finish
