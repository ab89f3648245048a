#!/bin/bash
# The OpenFlow control plane against Debian's ovs-vswitchd: the harness's
# run_ctrlplane.sh (100k flows of gen_flows.sh: add-flows, dump-flows,
# del-flows, add-flows --bundle, all with Debian's ovs-ofctl), switches
# interleaved rep by rep: ovs:none, then Weir's whole switch
# (switch-weir.sh ofproto-none), each started fresh.  Prints the medians
# and the ratio OVS/Weir of each (above 1: Weir is faster).
#
# usage: ctrlplane.sh [-n FLOWS] [-r REPS] [-o CSV]
#   defaults 100000 flows, 3 repetitions; CSV is appended to (default:
#   tests/bench/ctrlplane-DATE.csv in the build directory).
. "$(dirname "$0")/daemon-lib.sh"

N=100000 REPS=3 OUT=
while getopts "n:r:o:h" o; do
	case $o in
	n) N=$OPTARG ;; r) REPS=$OPTARG ;; o) OUT=$OPTARG ;;
	*) sed -n '2,11p' "$0"; exit 2 ;;
	esac
done
OUT=${OUT:-$WEIR_BUILD/tests/bench/ctrlplane-$(date -u +%Y%m%d-%H%M%S).csv}

bench_setup
echo "# $PB_DIR/run_ctrlplane.sh -s \"ovs:none weir:ofproto-none\" -n $N -r 1 -o $OUT (x$REPS, interleaved)"
for _ in $(seq 1 "$REPS"); do
	for s in ovs:none "$HERE/switch-weir.sh:ofproto-none"; do
		# 9>&-: the switches it starts must not keep our lock.
		"$PB_DIR/run_ctrlplane.sh" -s "$s" -n "$N" -r 1 -o "$OUT" \
			2>&1 9>&- | grep -E 'rep=|ERROR' || die "$s failed"
	done
done
sed -i "s|,$HERE/switch-weir.sh:|,weir:|" "$OUT"
echo "## median seconds per operation (n), ratio ovs/weir; load $(load)"
awk -F, 'NR > 1 { k = $5 " " $3; v[k] = v[k] " " $6; ops[$5] = 1 }
function med(s,   a, m, i, j, t) {
	m = split(s, a, " ")
	for (i = 2; i <= m; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--)
			a[j + 1] = a[j]
		a[j + 1] = t
	}
	n = m
	return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}
END {
	for (op in ops) {
		o = med(v[op " ovs:none"]); w = med(v[op " weir:ofproto-none"])
		printf("%-18s ovs %7.3f  weir %7.3f (n=%d)  ovs/weir %.2f\n",
		       op, o, w, n, (w > 0) ? o / w : 0)
	}
}' "$OUT" | sort
