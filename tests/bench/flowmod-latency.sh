#!/bin/bash
# Time to apply one flow_mod while FLOWS megaflows are installed: the
# pipeline of daemon-lib.sh (one megaflow per IPv4 source), pbgen sending
# FLOWS sources round-robin at a steady rate in the background so that
# no megaflow idles out (each source every FLOWS/PPS s, under the 10 s
# idle time of both switches), then REPS times, one after the other:
#   hit   add-flow priority=20,ip,nw_src=10.1.K.0/29,actions=drop: a rule
#         over 7 installed megaflows (sources 10.1.K.0-7, flows K*256-1..)
#   none  add-flow priority=20,ip,nw_src=192.168.K.0/24,actions=drop: a
#         rule over none of them
# each timed as the wall-clock of Debian's ovs-ofctl, which returns on the
# barrier reply, and deleted again (untimed) before the next.  On every
# 5th "hit" the datapath is dumped right after the reply: "stale" counts
# the times the megaflow of source 10.1.K.1 still forwarded to pb1, i.e.
# the datapath was not yet consistent with the table at the barrier.
# Weir's whole switch and Debian's ovs-vswitchd, one after the other.
#
# usage: flowmod-latency.sh [-n FLOWS] [-r REPS] [-R PPS] [-F FILL] [-o CSV]
#   defaults 100000 megaflows, 20 repetitions, 50000 pps, at most 90 s to
#   fill; CSV is appended
#   to (default: tests/bench/flowmod-latency-DATE.csv in the build dir).
. "$(dirname "$0")/daemon-lib.sh"

N=100000 REPS=20 PPS=50000 FILL=90 OUT=
while getopts "n:r:R:F:o:h" o; do
	case $o in
	n) N=$OPTARG ;; r) REPS=$OPTARG ;; R) PPS=$OPTARG ;; F) FILL=$OPTARG ;;
	o) OUT=$OPTARG ;; *) sed -n '2,22p' "$0"; exit 2 ;;
	esac
done
OUT=${OUT:-$WEIR_BUILD/tests/bench/flowmod-latency-$(date -u +%Y%m%d-%H%M%S).csv}

# timed_ofctl SWITCH ARGS...: milliseconds of one ovs-ofctl command.
timed_ofctl() {
	local t0 t1
	t0=$(now)
	ofctl "$@" >/dev/null || die "$1: ovs-ofctl $2 failed"
	t1=$(now)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf("%.1f", (b - a) * 1000) }'
}

# stale SWITCH SRC: 1 if the megaflow of SRC still outputs to a port.
stale() {
	local d
	if [ "$1" = ovs ]; then
		d=$(ovs-appctl --timeout=30 -t "$PB_OVS_DIR/ovs-vswitchd.$(cat \
			"$PB_OVS_DIR/ovs-vswitchd.pid").ctl" dpctl/dump-flows)
	else
		d=$("$WEIR_BUILD/utilities/weir-dpctl" \
			--unixctl="$PB_RUNDIR/weir/weir-vswitchd.ctl" dump-flows)
	fi
	grep -F "src=$2," <<<"$d" | grep -q 'actions:[0-9]' && echo 1 || echo 0
}

# fill SWITCH: background traffic until FLOWS megaflows exist, or as
# many as the switch keeps after FILL s (OVS grows its dynamic flow limit
# from 10000 by about 2000 a second; the CSV records the count).
fill() {
	local fl i
	gen "$N" $((REPS * 2 + FILL + 30)) "$PPS" >"$PB_RUNDIR/gen-$1.log" 2>&1 &
	BG_GEN=$!
	for i in $(seq 1 $((FILL * 5))); do
		read -r fl _ < <(dp_count "$1")
		[ "$fl" -ge "$N" ] && return 0
		sleep 0.2
	done
	echo "# $1: $fl of $N megaflows after $FILL s" >&2
}

run() {
	local sw=$1 k kind rule ms st fl
	sw_start "$sw" || die "$sw did not start"
	fill "$sw"
	for k in $(seq 1 "$REPS"); do
		for kind in hit none; do
			if [ $kind = hit ]; then
				rule="ip,nw_src=10.1.$k.0/29"
			else
				rule="ip,nw_src=192.168.$k.0/24"
			fi
			ms=$(timed_ofctl "$sw" add-flow "priority=20,$rule,actions=drop")
			st=
			[ $kind = hit ] && [ $((k % 5)) = 0 ] &&
				st=$(stale "$sw" "10.1.$k.1")
			read -r fl _ < <(dp_count "$sw")
			echo "$(date -u -Iseconds),$k,$sw,$kind,$ms,$st,$fl,$(load)" |
				tee -a "$OUT"
			ofctl "$sw" del-flows --strict "priority=20,$rule" ||
				die "$sw: del-flows failed"
		done
	done
	kill "$BG_GEN" 2>/dev/null
	wait "$BG_GEN" 2>/dev/null
	BG_GEN=
	sw_stop "$sw"
}

bench_setup
[ -s "$OUT" ] || echo "date,rep,switch,kind,ms,stale,megaflows,load" >"$OUT"
echo "# $0 -n $N -r $REPS -R $PPS -o $OUT"
run weir
run ovs
echo "## ms of add-flow to the barrier reply: median max; stale megaflows seen"
for sw in ovs weir; do
	for kind in hit none; do
		mm=$(awk -F, -v s="$sw" -v k="$kind" '$3 == s && $4 == k { print $5 }' \
			"$OUT" | median_max)
		st=$(awk -F, -v s="$sw" '$3 == s && $6 != "" { n++; t += $6 }
			END { printf("%d/%d", t, n) }' "$OUT")
		echo "$sw $kind $mm stale $st"
	done
done
