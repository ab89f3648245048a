#!/bin/bash
# New megaflows set up per second: pbgen sends FLOWS distinct 5-tuples
# (distinct IPv4 sources) round-robin through a pipeline whose megaflows
# depend on the source address (daemon-lib.sh), so every flow's first
# packet is a datapath miss and an upcall.  Weir's whole switch and
# Debian's ovs-vswitchd, interleaved rep by rep, each started fresh.
#
# Per trial the datapath's flow count and lookups missed are sampled
# every 0.05 s while the generator runs: t90 is the time from the
# generator's start until 90% of FLOWS megaflows exist (rate 0.9 * FLOWS
# / t90), u90 the time until 90% of FLOWS lookups missed (upcalls handled,
# installed or not: OVS starts with a dynamic flow limit of 10000 and
# raises it slowly).  Also the frames pb1 sent on during the run.
#
# usage: upcall-rate.sh [-n FLOWS] [-r REPS] [-t SECONDS] [-o CSV]
#   defaults 100000 flows, 3 repetitions, 6 s of traffic; CSV is appended
#   to (default: tests/bench/upcall-rate-DATE.csv in the build directory).
. "$(dirname "$0")/daemon-lib.sh"

N=100000 REPS=3 SECS=6 OUT=
while getopts "n:r:t:o:h" o; do
	case $o in
	n) N=$OPTARG ;; r) REPS=$OPTARG ;; t) SECS=$OPTARG ;; o) OUT=$OPTARG ;;
	*) sed -n '2,15p' "$0"; exit 2 ;;
	esac
done
OUT=${OUT:-$WEIR_BUILD/tests/bench/upcall-rate-$(date -u +%Y%m%d-%H%M%S).csv}

# trial SWITCH REP: one CSV line.
trial() {
	local sw=$1 t0 f m0 m1 x0 x1 t90='' u90='' s=0 fl ms ld
	ld=$(load)
	sw_start "$sw" || die "$sw did not start"
	read -r f m0 < <(dp_count "$sw")
	x0=$(p1_tx)
	t0=$(now)
	gen "$N" "$SECS" >"$PB_RUNDIR/gen-$sw.log" 2>&1 &
	BG_GEN=$!
	while kill -0 "$BG_GEN" 2>/dev/null; do
		sleep 0.05
		read -r fl ms < <(dp_count "$sw")
		s=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf("%.2f", b - a) }')
		[ -z "$t90" ] && [ "$fl" -ge $((N * 9 / 10)) ] && t90=$s
		[ -z "$u90" ] && [ $((ms - m0)) -ge $((N * 9 / 10)) ] && u90=$s
	done
	wait "$BG_GEN"
	BG_GEN=
	read -r f m1 < <(dp_count "$sw")
	x1=$(p1_tx)
	sw_stop "$sw"
	awk -v d="$(date -u -Iseconds)" -v r="$2" -v sw="$sw" -v n="$N" \
		-v secs="$SECS" -v f="$f" -v t90="$t90" -v u90="$u90" -v m=$((m1 - m0)) \
		-v x=$((x1 - x0)) -v ld="$ld" 'BEGIN {
		rate = (t90 == "") ? "" : sprintf("%.0f", 0.9 * n / t90)
		urate = (u90 == "") ? "" : sprintf("%.0f", 0.9 * n / u90)
		printf("%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%.0f,%s\n", d, r, sw,
		       n, secs, f, t90, rate, m, u90, urate, x, x / secs, ld) }'
}

# col SWITCH N: "median max" of column N over the switch's trials.
col() {
	awk -F, -v s="$1" -v c="$2" 'NR > 1 && $3 == s && $c != "" { print $c }' \
		"$OUT" | median_max | grep . || echo "none none"
}

bench_setup
[ -s "$OUT" ] || echo "date,rep,switch,flows,secs,megaflows_end,t90_s,megaflows_per_s,upcalls,u90_s,upcalls_per_s,fwd_frames,fwd_pps,load" >"$OUT"
echo "# $0 -n $N -r $REPS -t $SECS -o $OUT"
for rep in $(seq 1 "$REPS"); do
	for sw in ovs weir; do
		trial "$sw" "$rep" | tee -a "$OUT"
	done
done
echo "## median max per switch: megaflows/s and upcalls/s to 90% of $N, forwarded pps"
for sw in ovs weir; do
	echo "$sw megaflows/s $(col "$sw" 8) upcalls/s $(col "$sw" 11)" \
		"fwd_pps $(col "$sw" 13)"
done
