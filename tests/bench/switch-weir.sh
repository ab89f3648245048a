#!/bin/bash
# Driver for ../shared/bench (switches/README.md): Weir's userspace
# datapath between the harness's ports, given to run_dataplane.sh by path:
#   run_dataplane.sh -c "$PWD/tests/bench/switch-weir.sh:inport ..."
#
# Variants: inport        in_port(pb0) -> output pb1, "system" (AF_PACKET) ports
#           afxdp-inport  the same over "afxdp" ports (refused if a port fell
#                         back to AF_PACKET, so a figure never lies about it)
# No OpenFlow yet, so no "normal": the one megaflow is installed directly.
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

dpctl() { timeout 20 "$WEIR_BUILD/utilities/weir-dpctl" --unixctl="$CTL" "$@"; }
appctl() { timeout 20 "$WEIR_BUILD/utilities/weir-appctl" -t "$CTL" "$@"; }

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

start() {
	local variant=${1:-inport} type=system i
	[ "$variant" = default ] && variant=inport
	case "$variant" in
	inport) ;;
	afxdp-inport) type=afxdp ;;
	*) pb_die "weir: unknown variant $variant (inport, afxdp-inport)" ;;
	esac
	[ -x "$DAEMON" ] || pb_die "weir: $DAEMON is not built"
	stop
	mkdir -p "$WEIR_RUNDIR"
	rm -f "$LOG"
	"${PB_SWX[@]}" "$DAEMON" --pidfile --log-file="$LOG" </dev/null \
		>"$WEIR_RUNDIR/weir-vswitchd.out" 2>&1 &
	for i in $(seq 1 100); do
		[ -S "$CTL" ] && break
		kill -0 $! 2>/dev/null || break
		sleep 0.1
	done
	[ -S "$CTL" ] || { cat "$LOG" >&2; pb_die "weir: daemon did not start"; }
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
	# Bounded: ready once a probe crosses, at most ~10 s.
	for i in $(seq 1 40); do
		forwards && return 0
		sleep 0.2
	done
	pb_die "weir: no frame crossed pb0 -> pb1"
}

stats() {
	[ -S "$CTL" ] || exit 0
	echo "## weir-vswitchd $(grep -E 'VmRSS|VmHWM' "/proc/$(cat "$PIDF")/status" 2>/dev/null | tr -s ' \t\n' ' ')"
	echo "## weir-dpctl show -s"; dpctl show -s
	echo "## weir-dpctl dump-flows"; dpctl dump-flows
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
	rm -f "$CTL"
	# Leftovers of an unclean exit: XDP programs on the ports.
	for p in "$PB_P0" "$PB_P1"; do
		pb_sw ip link set dev "$p" xdp off >/dev/null 2>&1
		pb_sw ip link set dev "$p" promisc off >/dev/null 2>&1
	done
	true
}

case "${1:-}" in
start) start "${2:-}" ;;
stats) stats ;;
stop) stop ;;
*) echo "usage: $0 start inport|afxdp-inport|stats|stop" >&2; exit 2 ;;
esac
