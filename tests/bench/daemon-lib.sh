# shellcheck shell=bash
# Sourced by upcall-rate.sh and flowmod-latency.sh: Weir's whole switch
# (switch-weir.sh ofproto-none) and Debian's ovs-vswitchd (the harness's
# ovs.sh none) between the ../shared/bench ports, each given the same
# OpenFlow pipeline with Debian's ovs-ofctl, and what both datapaths count.
#
# Environment as forwarding.sh: WEIR_BUILD (default: the current
# directory), PB_DIR, PB_RUNDIR (default /tmp/pbbench-weir), namespaces
# pbwsrc, pbwsw, pbwdst.  One run at a time holds $PB_RUNDIR/lock.
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

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (network namespaces)"
[ -f "$PB_DIR/lib.sh" ] || die "no harness in '$PB_DIR' (set PB_DIR)"
[ -x "$WEIR_BUILD/vswitchd/weir-vswitchd" ] ||
	die "weir-vswitchd is not built in $WEIR_BUILD (set WEIR_BUILD)"
command -v ovs-vsctl >/dev/null || die "needs Debian's openvswitch-switch"
. "$PB_DIR/lib.sh"

# The pipeline: one rule whose action reads the whole IPv4 source, so
# that every source address (pbgen flow) needs a megaflow of its own in
# both switches.  PIPE_EXTRA adds rules (flowmod-latency.sh).
PIPE_RULE="priority=10,in_port=$PB_P0,ip,actions=move:NXM_OF_IP_SRC[]->NXM_NX_REG0[],output:$PB_P1"

sw_driver() {
	case $1 in
	ovs) echo "$PB_DIR/switches/ovs.sh" ;;
	weir) echo "$HERE/switch-weir.sh" ;;
	esac
}

# ofctl SWITCH COMMAND ARGS...: Debian's ovs-ofctl on the switch's bridge.
ofctl() {
	local sw=$1 cmd=$2 t
	shift 2
	t=$("$(sw_driver "$sw")" oftarget) || return 1
	ovs-ofctl --timeout=20 "$cmd" "$t" "$@"
}

# sw_start SWITCH: a fresh switch with no flows, then the pipeline.
sw_start() {
	local v=none
	[ "$1" = weir ] && v=ofproto-none
	# 9>&-: the daemons must not keep the run's lock.
	"$(sw_driver "$1")" start "$v" >"$PB_RUNDIR/start-$1.log" 2>&1 9>&- ||
		{ cat "$PB_RUNDIR/start-$1.log" >&2; return 1; }
	echo "$PIPE_RULE" | ofctl "$1" add-flows - || return 1
}

sw_stop() { "$(sw_driver "$1")" stop >/dev/null 2>&1; }

# dp_show SWITCH: the datapath's "show" (flows, lookups hit/missed).
dp_show() {
	if [ "$1" = ovs ]; then
		ovs-appctl --timeout=10 -t "$PB_OVS_DIR/ovs-vswitchd.$(cat \
			"$PB_OVS_DIR/ovs-vswitchd.pid").ctl" dpctl/show
	else
		"$WEIR_BUILD/utilities/weir-dpctl" \
			--unixctl="$PB_RUNDIR/weir/weir-vswitchd.ctl" show
	fi
}

# dp_count SWITCH: "FLOWS MISSED" of the (one) datapath.
dp_count() {
	dp_show "$1" | awk '/lookups:/ { for (i = 1; i <= NF; i++)
		if ($i ~ /^missed:/) { sub("missed:", "", $i); m = $i } }
		/^ *flows:/ && f == "" { f = $2 }
		END { print (f == "" ? 0 : f), (m == "" ? 0 : m) }'
}

# gen FLOWS SECONDS [PPS]: pbgen from the source namespace; exec, so
# that "gen ... &" leaves a pid whose TERM reaches pbgen through timeout.
gen() {
	exec timeout $(($2 + 15)) ip netns exec "$PB_NS_SRC" "$PB_BIN/pbgen" \
		-i "$PB_IF_SRC" -D "$PB_DST_MAC" -S "$PB_SRC_MAC" -n "$1" -t "$2" \
		-r "${3:-0}" 9>&-
}

p1_tx() { pb_ifstat "$PB_NS_SW" "$PB_P1" tx_packets; }

now() { date +%s.%N; }

load() { cut -d' ' -f1-3 /proc/loadavg; }

# bench_setup: the lock, the harness's tools, the topology, and a trap
# that stops both switches and removes the topology.
bench_setup() {
	local t
	mkdir -p "$PB_RUNDIR" && exec 9>>"$PB_RUNDIR/lock" || exit 1
	flock -w 900 9 || die "another run holds $PB_RUNDIR/lock"
	mkdir -p "$PB_BIN"
	for t in pbgen pbsink pbfwd; do
		[ "$PB_BIN/$t" -nt "$PB_DIR/src/$t.c" ] && continue
		gcc -O2 -g -Wall -Wextra -std=gnu11 -o "$PB_BIN/$t" \
			"$PB_DIR/src/$t.c" || die "cannot build $t"
	done
	trap bench_cleanup EXIT
	trap 'exit 130' INT TERM
	"$PB_DIR/topo.sh" up >/dev/null || die "topology"
	echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), kernel $(uname -r), $(ovs-vswitchd --version 2>/dev/null | head -1), load $(load)"
}

bench_cleanup() {
	[ -n "${BG_GEN:-}" ] && kill "$BG_GEN" 2>/dev/null
	sw_stop weir
	sw_stop ovs
	"$PB_DIR/topo.sh" down >/dev/null 2>&1
}

# median_max: "median max" of the numbers on stdin.
median_max() {
	sort -g | awk '{ v[++n] = $1 } END { if (n) printf("%s %s\n",
		(n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2, v[n]) }'
}
