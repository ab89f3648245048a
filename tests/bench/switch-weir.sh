#!/bin/bash
# Driver for ../shared/bench (switches/README.md): Weir's userspace
# datapath between the harness's ports, given to run_dataplane.sh by path:
#   run_dataplane.sh -c "$PWD/tests/bench/switch-weir.sh:inport ..."
#
# Variants, datapath only (weir-vswitchd --no-database, one megaflow
# installed with weir-dpctl):
#           inport        in_port(pb0) -> output pb1, "system" (AF_PACKET) ports
#           afxdp-inport  the same over "afxdp" ports (refused if a port fell
#                         back to AF_PACKET, so a figure never lies about it)
# The whole switch (weir-dbd + weir-vswitchd, bridge pbbr0 with pb0 as
# OpenFlow port 1 and pb1 as port 2, fail_mode secure, flows set with
# Debian's ovs-ofctl on the bridge's management socket):
#           ofproto-normal  actions=NORMAL
#           ofproto-inport  in_port=pb0,actions=output:pb1
#           ofproto-none    no flows (run_ctrlplane.sh; "oftarget", "rss")
#
# Environment: WEIR_BUILD (default: build-bench in this file's repo),
# PB_DIR (the harness; default: the harness directory we were called from,
# else ../shared/bench beside the repo), PB_WEIR_PMD_CPU (pin the polling
# threads to that CPU; default: CPU 1 for afxdp, as the OVS driver pins its
# PMD; none for system, as OVS polls system ports unpinned; "" = never).
# weir-vswitchd runs inside $PB_NS_SW, its WEIR_RUNDIR under $PB_RUNDIR.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
if [ -z "${PB_DIR:-}" ]; then
	if [ -f "$PWD/lib.sh" ] && [ -f "$PWD/run_dataplane.sh" ]; then
		PB_DIR=$PWD
	else
		PB_DIR=$(cd "$REPO/../shared/bench" 2>/dev/null && pwd)
	fi
fi
[ -f "$PB_DIR/lib.sh" ] || { echo "weir: no bench harness (set PB_DIR)" >&2; exit 1; }
. "$PB_DIR/lib.sh"

WEIR_BUILD=${WEIR_BUILD:-$REPO/build-bench}
DAEMON=$WEIR_BUILD/vswitchd/weir-vswitchd
export WEIR_RUNDIR=$PB_RUNDIR/weir
CTL=$WEIR_RUNDIR/weir-vswitchd.ctl
PIDF=$WEIR_RUNDIR/weir-vswitchd.pid
LOG=$WEIR_RUNDIR/weir-vswitchd.log
DP=pbdp0
BR=${PB_WEIR_BR:-pbbr0}
DBPIDF=$WEIR_RUNDIR/weir-dbd.pid
MGMT=$WEIR_RUNDIR/$BR.mgmt

dpctl() { timeout 20 "$WEIR_BUILD/utilities/weir-dpctl" --unixctl="$CTL" "$@"; }
appctl() { timeout 20 "$WEIR_BUILD/utilities/weir-appctl" -t "$CTL" "$@"; }
vsctl() {
	"$WEIR_BUILD/utilities/weir-vsctl" --db="unix:$WEIR_RUNDIR/db.sock" \
		--timeout=20 "$@"
}
ofctl() { ovs-ofctl --timeout=20 "$1" "unix:$MGMT" "${@:2}"; }

# wait_sock PATH: true once PATH is a socket, at most ~10 s.
wait_sock() {
	local i
	for i in $(seq 1 100); do
		[ -S "$1" ] && return 0
		sleep 0.1
	done
	false
}

flows_for() {
	case "$1" in
	ofproto-normal) echo "actions=NORMAL" ;;
	ofproto-inport) echo "in_port=$PB_P0,actions=output:$PB_P1" ;;
	ofproto-none) ;;
	*) return 1 ;;
	esac
}

# Frames pb1 has sent so far.
p1_tx() { pb_ifstat "$PB_NS_SW" "$PB_P1" tx_packets; }

# A few frames from the generator's end; true once pb1 sends some on.
forwards() {
	local before after
	before=$(p1_tx)
	timeout 5 ip netns exec "$PB_NS_SRC" "$PB_BIN/pbgen" -i "$PB_IF_SRC" \
		-D "$PB_DST_MAC" -S "$PB_SRC_MAC" -n 1 -t 0.05 -r 2000 -m mmsg \
		>/dev/null 2>&1
	after=$(p1_tx)
	[ "$after" -gt "$before" ]
}

# run_daemon ARGS...: weir-vswitchd in the switch namespace, until its
# control socket answers.
run_daemon() {
	rm -f "$LOG"
	"${PB_SWX[@]}" "$DAEMON" --pidfile --log-file="$LOG" "$@" </dev/null \
		>"$WEIR_RUNDIR/weir-vswitchd.out" 2>&1 &
	wait_sock "$CTL" || { cat "$LOG" >&2; pb_die "weir: daemon did not start"; }
}

# start_switch VARIANT: database, daemon, bridge, ports and flows.
start_switch() {
	local db=$WEIR_RUNDIR/conf.db
	[ -x "$WEIR_BUILD/ovsdb/weir-dbd" ] || pb_die "weir: weir-dbd is not built"
	rm -f "$db"
	"$WEIR_BUILD/ovsdb/weir-dbtool" create "$db" \
		"$REPO/vswitchd/vswitch.ovsschema" || exit 1
	"$WEIR_BUILD/ovsdb/weir-dbd" --remote="punix:$WEIR_RUNDIR/db.sock" \
		--unixctl="$WEIR_RUNDIR/weir-dbd.ctl" \
		--log-file="$WEIR_RUNDIR/weir-dbd.log" "$db" </dev/null \
		>/dev/null 2>&1 &
	echo $! >"$DBPIDF"
	wait_sock "$WEIR_RUNDIR/db.sock" || pb_die "weir: weir-dbd did not start"
	vsctl --no-wait init || exit 1
	run_daemon
	vsctl add-br "$BR" -- set bridge "$BR" fail_mode=secure || exit 1
	vsctl add-port "$BR" "$PB_P0" -- set interface "$PB_P0" ofport_request=1 \
		-- add-port "$BR" "$PB_P1" -- set interface "$PB_P1" \
		ofport_request=2 || exit 1
	wait_sock "$MGMT" || pb_die "weir: $BR has no management socket"
	ofctl del-flows || exit 1
	[ "$1" = ofproto-none ] && return 0
	flows_for "$1" | ofctl add-flows - || exit 1
	wait_forwards
}

# Bounded: ready once a probe crosses, at most ~10 s.
wait_forwards() {
	local i
	for i in $(seq 1 40); do
		forwards && return 0
		sleep 0.2
	done
	pb_die "weir: no frame crossed pb0 -> pb1"
}

start() {
	local variant=${1:-inport} type=system
	[ "$variant" = default ] && variant=inport
	[ -x "$DAEMON" ] || pb_die "weir: $DAEMON is not built"
	stop
	mkdir -p "$WEIR_RUNDIR"
	case "$variant" in
	inport) ;;
	afxdp-inport) type=afxdp ;;
	ofproto-*)
		flows_for "$variant" >/dev/null ||
			pb_die "weir: unknown variant $variant"
		start_switch "$variant"
		return ;;
	*) pb_die "weir: unknown variant $variant (inport, afxdp-inport, ofproto-normal, ofproto-inport, ofproto-none)" ;;
	esac
	run_daemon --no-database
	dpctl add-dp "$DP" || exit 1
	dpctl add-if "$DP" "$PB_P0,type=$type,port_no=1" || exit 1
	dpctl add-if "$DP" "$PB_P1,type=$type,port_no=2" || exit 1
	if [ "$type" != system ] && grep -q "falling back" "$LOG"; then
		grep "falling back" "$LOG" >&2
		pb_die "weir: a port is not $type"
	fi
	dpctl add-flow "$DP" 'in_port(1),eth()' 2 || exit 1
	# As the OVS driver pins its AF_XDP PMD (PB_OVS_PMD_MASK, CPU 1).
	local cpu=${PB_WEIR_PMD_CPU-}
	[ "$type" = afxdp ] && cpu=${PB_WEIR_PMD_CPU-1}
	if [ -n "$cpu" ]; then
		local t n=0
		for t in /proc/"$(cat "$PIDF")"/task/*; do
			grep -q '^pmd' "$t/comm" 2>/dev/null || continue
			taskset -p -c "$cpu" "${t##*/}" >/dev/null || exit 1
			n=$((n + 1))
		done
		[ "$n" -gt 0 ] || pb_die "weir: no polling thread to pin"
	fi
	wait_forwards
}

stats() {
	[ -S "$CTL" ] || exit 0
	echo "## weir-vswitchd $(grep -E 'VmRSS|VmHWM' "/proc/$(cat "$PIDF")/status" 2>/dev/null | tr -s ' \t\n' ' ')"
	if [ -S "$MGMT" ]; then
		echo "## ovs-ofctl dump-flows"; ofctl dump-flows
		echo "## upcall/show"; appctl upcall/show
	fi
	echo "## weir-dpctl show -s"; dpctl show -s
	echo "## datapath flows: $(dpctl dump-flows | wc -l)"
	echo "## pmd-stats-show"; appctl dpif-netdev/pmd-stats-show
	echo "## log"; tail -20 "$LOG"
}

stop() {
	local pid
	if [ -f "$PIDF" ]; then
		pid=$(cat "$PIDF")
		pb_kill_pid "$pid" weir-vswitchd
		rm -f "$PIDF"
	fi
	if [ -f "$DBPIDF" ]; then
		pb_kill_pid "$(cat "$DBPIDF")" weir-dbd
		rm -f "$DBPIDF"
	fi
	rm -f "$CTL" "$WEIR_RUNDIR/db.sock" "$MGMT"
	# Leftovers of an unclean exit: XDP programs on the ports.
	for p in "$PB_P0" "$PB_P1"; do
		pb_sw ip link set dev "$p" xdp off >/dev/null 2>&1
		pb_sw ip link set dev "$p" promisc off >/dev/null 2>&1
	done
	true
}

case "${1:-}" in
start) start "${2:-}" ;;
oftarget) echo "unix:$MGMT" ;;
rss) awk '/^VmRSS/ {print $2}' "/proc/$(cat "$PIDF")/status" ;;
stats) stats ;;
stop) stop ;;
*) echo "usage: $0 start VARIANT|oftarget|rss|stats|stop" >&2; exit 2 ;;
esac
