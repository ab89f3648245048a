#!/bin/bash
# Forwarding between veth ports with ../shared/bench: one interleaved series
# of the bare forwarder, Debian's ovs-vswitchd and Weir (switch-weir.sh), at
# 1 and 1000 flows, then the harness's summary with ratios, and each
# switch's own processing cycles per packet (pmd-stats-show) where it has a
# polling thread.  Root only; about 7.5 minutes with the defaults.
#
# usage: forwarding.sh [-r REPS] [-s FIRST] [-f "FLOWS..."] [-c "CFG..."] [-o CSV]
#   CSV  results, appended to (default: tests/bench/forwarding-DATE.csv in
#        the build directory); summarize again with -S CSV (no runs)
# Environment: WEIR_BUILD (default: the current directory, a configured
# and built Weir build; make bench runs there), PB_DIR (the harness,
# default ../shared/bench beside the repo, read-only is fine), PB_RUNDIR
# (scratch and per-trial logs, default /tmp/pbbench-weir).  The harness
# binaries are built into $PB_RUNDIR/bin, and the topology uses namespaces
# of its own (pbwsrc, pbwsw, pbwdst) so as not to meet another user of the
# harness on a shared machine; it is removed at the end.
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

WEIR=$HERE/switch-weir.sh
REPS=3 FIRST=1 FLOWS="1 1000" OUT= ONLY_SUMMARY=
CONFIGS="fwd:ring fwd:mmsg ovs:inport ovs:afxdp-inport weir:inport weir:afxdp-inport"
while getopts "r:s:f:c:o:S:h" o; do
	case $o in
	r) REPS=$OPTARG ;; s) FIRST=$OPTARG ;; f) FLOWS=$OPTARG ;;
	c) CONFIGS=$OPTARG ;; o) OUT=$OPTARG ;; S) ONLY_SUMMARY=$OPTARG ;;
	*) sed -n '2,19p' "$0"; exit 2 ;;
	esac
done

die() { echo "forwarding.sh: $*" >&2; exit 1; }

# The summary: the harness's table with ratios to the bare forwarders and
# to OVS, then the cycles per packet that the switches count themselves.
summary() {
	local csv=$1
	echo "## rx pps per config and flow count; ratios of medians"
	"$PB_DIR/summarize.sh" -b "fwd:ring fwd:mmsg ovs:inport ovs:afxdp-inport" "$csv"
	echo
	echo "## processing cycles per packet (pmd-stats-show of the polling thread; median of the trials)"
	echo "## OVS 'system' ports are polled by its main thread, which counts no cycles"
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$col["complete"] == 1 { print $col["config"], $col["flows"], $col["trial"] }' "$csv" |
	while read -r cfg fl dir; do
		c=$(awk '/^pmd thread/ { p = 1 } /^main thread/ { p = 0 }
			p && /avg processing cycles per packet/ { print $6; exit }' \
			"$dir/stats.txt" 2>/dev/null)
		[ -n "$c" ] && echo "$cfg $fl $c"
	done | sort -k1,1 -k2,2n -k3,3n | awk '
	function out() { if (n) printf("%-22s %7s %3d %8.0f %8.0f %8.0f\n", k1, k2, n, v[1], v[int((n + 1) / 2)], v[n]) }
	BEGIN { printf("%-22s %7s %3s %8s %8s %8s\n", "config", "flows", "n", "min", "median", "max") }
	$1 != k1 || $2 != k2 { out(); k1 = $1; k2 = $2; n = 0 }
	{ v[++n] = $3 }
	END { out() }'
}

if [ -n "$ONLY_SUMMARY" ]; then
	summary "$ONLY_SUMMARY"
	exit
fi

[ "$(id -u)" = 0 ] || die "needs root (network namespaces)"
[ -x "$PB_DIR/run_dataplane.sh" ] || die "no harness in '$PB_DIR' (set PB_DIR)"
[ -x "$WEIR_BUILD/vswitchd/weir-vswitchd" ] ||
	die "weir-vswitchd is not built in $WEIR_BUILD (set WEIR_BUILD)"
case " $CONFIGS " in *" ovs:"*)
	command -v ovs-vsctl >/dev/null || die "needs Debian's openvswitch-switch" ;;
esac
OUT=${OUT:-$WEIR_BUILD/tests/bench/forwarding-$(date -u +%Y%m%d-%H%M%S).csv}
OUT=$(cd "$(dirname "$OUT")" 2>/dev/null && pwd)/$(basename "$OUT") ||
	die "no directory for $OUT"

# One run at a time on these namespaces (make bench may start one too).
mkdir -p "$PB_RUNDIR" && exec 9>>"$PB_RUNDIR/lock" || exit 1
flock -w 900 9 || { echo "another run holds $PB_RUNDIR/lock" >&2; exit 1; }

# The harness's tools, built outside its (possibly read-only) directory.
mkdir -p "$PB_BIN"
for t in pbgen pbsink pbfwd; do
	[ "$PB_BIN/$t" -nt "$PB_DIR/src/$t.c" ] && continue
	gcc -O2 -g -Wall -Wextra -std=gnu11 -o "$PB_BIN/$t" "$PB_DIR/src/$t.c" ||
		die "cannot build $t"
done

# Weir goes to the harness by path; the CSV then names it weir:VARIANT.
cfgs=
for c in $CONFIGS; do
	case $c in weir:*) c=$WEIR:${c#weir:} ;; esac
	cfgs="$cfgs $c"
done

cleanup() {
	"$WEIR" stop >/dev/null 2>&1
	"$PB_DIR/switches/ovs.sh" stop >/dev/null 2>&1
	"$PB_DIR/switches/fwd.sh" stop >/dev/null 2>&1
	"$PB_DIR/topo.sh" down
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), kernel $(uname -r), $(ovs-vswitchd --version 2>/dev/null | head -1)"
echo "# uptime before: $(uptime)"
echo "# $PB_DIR/run_dataplane.sh -c \"$CONFIGS\" -f \"$FLOWS\" -r $REPS -s $FIRST -o $OUT"
"$PB_DIR/run_dataplane.sh" -c "${cfgs# }" -f "$FLOWS" -r "$REPS" -s "$FIRST" \
	-o "$OUT" || die "the series failed"
sed -i "s|,$WEIR:|,weir:|" "$OUT"
echo "# uptime after: $(uptime)"
echo "# results: $OUT; trial logs: $PB_RUNDIR/trials"
summary "$OUT"
