#!/bin/bash
# weir-dbd against Debian's ovsdb-server on the same workload, same client
# (bench-ovsdb), same schema (Weir's vswitch schema), databases on the
# same disk; rounds interleaved, best of each, then Weir/OVS ratios.
#   ovsdb.sh BUILD_DIR [ROUNDS [WORKLOAD...]]
# Workloads: durable single-row inserts (each also links the new Bridge
# from Open_vSwitch, as add-br does) from 1 client with one transaction in
# flight, from 1 client with 8 in flight (pipelined) and from 10 clients;
# monitor fan-out: 50 clients monitoring
# Bridge while one client inserts rows one by one.
set -eu
build=$(cd "$1" && pwd)
rounds=${2:-3}
shift $(($# < 2 ? $# : 2))
[ $# -gt 0 ] || set -- "txn 1 1000" "pipe 8 1000" "txn 10 3000" "fanout 50 200"
workloads=("$@")
top=$(cd "$(dirname "$0")/../.." && pwd)
schema=$top/vswitchd/vswitch.ovsschema
client=$build/tests/bench/bench-ovsdb
command -v ovsdb-server >/dev/null || { echo "ovsdb peer: ovsdb-server not installed; skipped"; exit 0; }
dir=$(mktemp -d --tmpdir="$build")
trap 'kill $(cat "$dir"/*.pid 2>/dev/null) 2>/dev/null; rm -rf "$dir"' EXIT

start() {           # start weir|ovs: a fresh database and its server
    rm -f "$dir/$1.db" "$dir/$1.sock"
    if [ "$1" = weir ]; then
        "$build/ovsdb/weir-dbtool" create "$dir/weir.db" "$schema"
        WEIR_RUNDIR=$dir "$build/ovsdb/weir-dbd" --detach \
            --pidfile="$dir/weir.pid" --unixctl="$dir/weir.ctl" \
            --log-file="$dir/weir.log" --remote=punix:"$dir/weir.sock" \
            "$dir/weir.db"
    else
        ovsdb-tool create "$dir/ovs.db" "$schema"
        ovsdb-server --detach --no-chdir --pidfile="$dir/ovs.pid" \
            --unixctl="$dir/ovs.ctl" --log-file="$dir/ovs.log" \
            --remote=punix:"$dir/ovs.sock" "$dir/ovs.db"
    fi
}

stop() {
    kill "$(cat "$dir/$1.pid")"
    while kill -0 "$(cat "$dir/$1.pid" 2>/dev/null)" 2>/dev/null; do sleep 0.1; done
}

run() {             # run SERVER WORKLOAD CLIENTS N: one figure
    start "$1"
    "$client" "$2" "$dir/$1.sock" "$3" "$4" | awk '{print $1}'
    stop "$1"
}

declare -A best
for ((r = 1; r <= rounds; r++)); do
    for srv in weir ovs; do
        for w in "${workloads[@]}"; do
            # shellcheck disable=SC2086
            v=$(run $srv $w)
            k="$srv $w"
            if [ -z "${best[$k]:-}" ] || [ "$v" -gt "${best[$k]}" ]; then best[$k]=$v; fi
        done
    done
done
printf '%-34s %12s %12s %8s\n' workload weir-dbd ovsdb-server weir/ovs
for w in "${workloads[@]}"; do
    # shellcheck disable=SC2086
    set -- $w
    case $1 in
    txn) what="inserts/s, $2 client(s)" ;;
    pipe) what="inserts/s, 1 client, $2 in flight" ;;
    fanout) what="rows delivered/s, $2 monitors" ;;
    esac
    a=${best[weir $w]} b=${best[ovs $w]}
    printf '%-34s %12s %12s %8s\n' "$what" "$a" "$b" \
        "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')"
done
