#!/bin/bash
# Cycles per packet of Weir and OVS at one fixed offered rate that both
# forward without loss, in the topology of forwarding.sh (same environment
# and defaults).  Per config and repetition: start the switch, offer RATE
# pps of 64-byte UDP over FLOWS flows, and over a window of SECS seconds
# after 2 s of warm-up read
#   own    the switch's own count: processing cycles / packets received,
#          from pmd-stats-show of the thread that forwards (OVS polls
#          "system" ports from its main thread, which counts no cycles: "-")
#   cpu    the forwarding thread's time on a CPU (schedstat) / packets, in
#          TSC cycles: all it cost, syscalls and the softirq work it ran
#          included; for a busy-polling thread this is 100% of a CPU
#          whatever the load, so only shown for threads that sleep
# Root only; about 10 s per trial.
#
# usage: forwarding-cycles.sh [-R RATE] [-f FLOWS] [-d SECS] [-r REPS] [-c "CFG..."]
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
export WEIR_BUILD=${WEIR_BUILD:-$PWD}
export PB_DIR=${PB_DIR:-$(cd "$REPO/../shared/bench" 2>/dev/null && pwd)}
export PB_RUNDIR=${PB_RUNDIR:-/tmp/pbbench-weir}
export PB_BIN=${PB_BIN:-$PB_RUNDIR/bin}
export PB_NS_SRC=${PB_NS_SRC:-pbwsrc} PB_NS_DST=${PB_NS_DST:-pbwdst}
export PB_NS_SW=${PB_NS_SW-pbwsw}
export PB_OVS_DIR=${PB_OVS_DIR:-$PB_RUNDIR/ovs}
. "$PB_DIR/lib.sh" || exit 1

RATE=200000 FLOWS=1000 SECS=4 REPS=3
CONFIGS="ovs:inport weir:inport ovs:afxdp-inport weir:afxdp-inport"
while getopts "R:f:d:r:c:h" o; do
	case $o in
	R) RATE=$OPTARG ;; f) FLOWS=$OPTARG ;; d) SECS=$OPTARG ;;
	r) REPS=$OPTARG ;; c) CONFIGS=$OPTARG ;;
	*) sed -n '2,19p' "$0"; exit 2 ;;
	esac
done
[ "$(id -u)" = 0 ] || { echo "needs root" >&2; exit 1; }
# One run at a time on these namespaces (make bench may start one too).
mkdir -p "$PB_RUNDIR" && exec 9>>"$PB_RUNDIR/lock" || exit 1
flock -w 900 9 || { echo "another run holds $PB_RUNDIR/lock" >&2; exit 1; }

for t in pbgen pbsink pbfwd; do
	[ -x "$PB_BIN/$t" ] || { mkdir -p "$PB_BIN" &&
		gcc -O2 -g -std=gnu11 -o "$PB_BIN/$t" "$PB_DIR/src/$t.c"; } || exit 1
done
"$PB_DIR/topo.sh" up || exit 1
trap '"$PB_DIR/topo.sh" down' EXIT

TSC_MHZ=$(awk -F: '/^cpu MHz/ { printf "%d", $2; exit }' /proc/cpuinfo)

driver() { case $1 in weir) echo "$HERE/switch-weir.sh" ;; *) echo "$PB_DIR/switches/$1.sh" ;; esac; }

# pmd-stats-show of the switch, whichever it is.
pmd_stats() {
	case $1 in
	weir) "$WEIR_BUILD/utilities/weir-appctl" -t "$PB_RUNDIR/weir/weir-vswitchd.ctl" dpif-netdev/pmd-stats-show ;;
	ovs) ovs-appctl -t "$PB_OVS_DIR/ovs-vswitchd.$(cat "$PB_OVS_DIR/ovs-vswitchd.pid").ctl" dpif-netdev/pmd-stats-show ;;
	esac
}

# "packets busy_cycles" of the thread that received the most.
counts() {
	pmd_stats "$1" | awk '
	/thread/ { if (p > bp) { bp = p; bc = c } p = 0; c = "-" }
	/packets received:/ { p = $3 }
	/processing cycles:/ { c = $3 }
	END { if (p > bp) { bp = p; bc = c } print bp + 0, bc }'
}

# The tid of the forwarding thread: a PMD thread if there is one.
fwd_tid() {
	local pid t
	case $1 in
	weir) pid=$(cat "$PB_RUNDIR/weir/weir-vswitchd.pid") ;;
	ovs) pid=$(cat "$PB_OVS_DIR/ovs-vswitchd.pid") ;;
	esac
	for t in /proc/"$pid"/task/*; do
		grep -q '^pmd' "$t/comm" && { echo "${t##*/}"; return; }
	done
	echo "$pid"
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), TSC ${TSC_MHZ} MHz, rate $RATE pps, $FLOWS flows, window ${SECS} s; uptime: $(uptime)"
printf "%-18s %3s %9s %9s %8s %8s\n" config rep rx_pps thread own cpu
for rep in $(seq 1 "$REPS"); do
	for cfg in $CONFIGS; do
		sw=${cfg%%:*} var=${cfg#*:} d=$(driver "${cfg%%:*}")
		timeout 60 "$d" stop >/dev/null 2>&1
		timeout 60 "$d" start "$var" >"$PB_RUNDIR/cycles-start.log" 2>&1 ||
			{ echo "$cfg: start failed" >&2; cat "$PB_RUNDIR/cycles-start.log" >&2; continue; }
		timeout $((SECS + 20)) ip netns exec "$PB_NS_SRC" "$PB_BIN/pbgen" -i "$PB_IF_SRC" \
			-D "$PB_DST_MAC" -S "$PB_SRC_MAC" -n "$FLOWS" -t $((SECS + 3)) -r "$RATE" \
			>/dev/null 2>&1 &
		gen=$!
		sleep 2
		tid=$(fwd_tid "$sw")
		read -r p0 c0 < <(counts "$sw"); s0=$(awk '{ print $1 }' "/proc/$tid/schedstat")
		sleep "$SECS"
		read -r p1 c1 < <(counts "$sw"); s1=$(awk '{ print $1 }' "/proc/$tid/schedstat")
		wait "$gen"
		comm=$(cat "/proc/$tid/comm" 2>/dev/null)
		timeout 60 "$d" stop >/dev/null 2>&1
		awk -v cfg="$cfg" -v rep="$rep" -v p="$((p1 - p0))" -v secs="$SECS" \
		    -v c0="$c0" -v c1="$c1" -v ns="$((s1 - s0))" -v mhz="$TSC_MHZ" -v comm="$comm" 'BEGIN {
			own = (c0 == "-" || p <= 0) ? "-" : sprintf("%.0f", (c1 - c0) / p)
			cpu = (comm ~ /^pmd/ || p <= 0) ? "-" : sprintf("%.0f", ns * mhz / 1000 / p)
			printf("%-18s %3d %9.0f %9s %8s %8s\n", cfg, rep, p / secs, comm, own, cpu) }'
	done
done
