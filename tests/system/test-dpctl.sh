#!/bin/bash
# weir-vswitchd and weir-dpctl end to end: a userspace datapath with two
# veth ports to two namespace hosts, flows installed both ways with
# weir-dpctl, real pings across, counters in dump-flows, flows found by UFID,
# modified and deleted (a deleted flow stops traffic, its packets become
# misses), show -s counting each port's packets, bytes and drops exactly,
# and commands with bad syntax refused, naming the bad token, with the
# flows left as they were.
. "$(dirname "$0")/lib.sh"
require_root
require_cmd ip ping

# bad TOKEN ARG...: weir-dpctl ARG... fails, and its message names TOKEN.
bad() {
    local token=$1 err
    shift
    if err=$(dpctl "$@" 2>&1); then
        echo "  accepted: $*"
        return 1
    fi
    echo "  $err"
    grep -qF -- "$token" <<<"$err"
}

# packets KEY: the packet counter of the flow whose key is KEY, if any.
packets() {
    dpctl dump-flows | awk -v k="$1, " 'index($0, k) == 1 {
        sub(/.*packets:/, ""); sub(/,.*/, ""); print }'
}

# The flows, without their counters.
flows() {
    dpctl dump-flows | sed 's/, packets:.*actions:/ actions:/' | sort
}

# Nothing crosses but what the test sends (no IPv6, static neighbours), so
# that port counters can be exact.
ns_add sw h1 h2
for ns in sw h1 h2; do
    ns_exec $ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
        net.ipv6.conf.default.disable_ipv6=1
done
veth_add h1 eth1 sw p1
veth_add h2 eth2 sw p2
ns_exec h1 ip addr add 10.0.0.1/24 dev eth1
ns_exec h2 ip addr add 10.0.0.2/24 dev eth2
ns_exec h1 ip neigh replace 10.0.0.2 lladdr "$(mac_of h2 eth2)" dev eth1 \
    nud permanent
ns_exec h2 ip neigh replace 10.0.0.1 lladdr "$(mac_of h1 eth1)" dev eth2 \
    nud permanent
weir_start sw

out=$(dpctl add-dp dp0 2>&1) || skip "no userspace datapath yet: $out"
out=$(dpctl add-if dp0 p1 2>&1) || skip "no port provider for veths yet: $out"
dpctl add-if netdev@dp0 p2,type=system
show=$(dpctl show)
echo "$show"
check "show names the datapath" grep -qx 'netdev@dp0:' <<<"$show"
check "show lists port 1" grep -qx '  port 1: p1' <<<"$show"
check "show lists port 2" grep -qx '  port 2: p2' <<<"$show"
check "show has the lookups line" \
    grep -qE '^  lookups: hit:[0-9]+ missed:[0-9]+ lost:[0-9]+$' <<<"$show"

# Both directions; with one datapath, naming it is optional.
dpctl add-flow dp0 'in_port(1),eth()' 2
dpctl add-flow 'in_port(2),eth()' 1
check "add-flow refuses a flow that exists" \
    bad 'flow exists' add-flow 'in_port(1),eth()' 2

# 1000 bytes of ping data: frames of 1042 bytes.
check "h1 pings h2 through Weir" \
    ns_exec h1 ping -c 3 -s 1000 -i 0.2 -W 2 10.0.0.2
dpctl dump-flows

# port_stats N: the counter lines under port N in $stats (show -s).
port_stats() {
    awk -v p="  port $1: " 'index($0, p) == 1 { n = 4; next }
        n-- > 0' <<<"$stats"
}
stats=$(dpctl show -s)
echo "$stats"
counted='    RX packets:3 errors:0 dropped:0 overruns:0 frame:0
    TX packets:3 errors:0 dropped:0 aborted:0 carrier:0
    collisions:0
    RX bytes:3126 (3.1 KiB)  TX bytes:3126 (3.1 KiB)'
assert_eq "show -s: p1 received the 3 requests, sent the 3 replies" \
    "$counted" "$(port_stats 1)"
assert_eq "show -s: p2 sent the 3 requests, received the 3 replies" \
    "$counted" "$(port_stats 2)"
assert_eq "show -s: port 0 saw nothing" \
    '    RX bytes:0  TX bytes:0' "$(port_stats 0 | tail -1)"
assert_eq "show without -s is show -s without the counters" \
    "$(grep -v '^    ' <<<"$stats")" "$(dpctl show)"

# A port that is down refuses what the datapath sends it: TX dropped.
ns_exec sw ip link set p2 down
check "with p2 down, h1 cannot ping h2" \
    bash -c "! ip netns exec ${PREFIX}h1 ping -c 2 -i 0.2 -W 1 10.0.0.2"
stats=$(dpctl -s show dp0)
assert_eq "p1 received the 2 requests (98-byte frames)" \
    '    RX packets:5 errors:0 dropped:0 overruns:0 frame:0' \
    "$(port_stats 1 | head -1)"
assert_eq "p1: 3126 + 196 bytes in" \
    '    RX bytes:3322 (3.2 KiB)  TX bytes:3126 (3.1 KiB)' \
    "$(port_stats 1 | tail -1)"
assert_eq "p2 counted both as TX dropped" \
    '    TX packets:3 errors:0 dropped:2 aborted:0 carrier:0' \
    "$(port_stats 2 | sed -n 2p)"
ns_exec sw ip link set p2 up
check "p2 is up again" wait_for 10 \
    bash -c "ip netns exec ${PREFIX}h2 ip link show eth2 | grep -q LOWER_UP"
check "flow 1->2 counted packets" test "$(packets 'in_port(1),eth()')" -gt 0
check "flow 2->1 counted packets" test "$(packets 'in_port(2),eth()')" -gt 0

more=$(dpctl -m dump-flows)
echo "$more"
check "dump-flows -m says where flows live" \
    grep -q ', dp:ovs, actions:2$' <<<"$more"
check "dump-flows -m shows wildcarded fields" grep -q 'skb_mark(0/0)' <<<"$more"
ufid=$(grep 'in_port(1)' <<<"$more" | grep -o '^ufid:[0-9a-f-]*' || true)
check "dump-flows -m shows UFIDs" test -n "$ufid"
check "get-flow finds a flow by UFID" \
    grep -q '^in_port(1),eth(), packets:[1-9]' <<<"$(dpctl get-flow "$ufid")"

# filter=: OpenFlow match syntax; a flow shows if a packet could match
# both (eth() wildcards the ethertype, so "udp" keeps both flows).
filtered() {
    dpctl dump-flows "filter=$1" | sed 's/, packets:.*//' | sort | tr '\n' ' '
}
assert_eq "filter on in_port" "in_port(1),eth() " "$(filtered in_port=1)"
assert_eq "filter on a field the flows wildcard" \
    "in_port(1),eth() in_port(2),eth() " "$(filtered udp,tp_dst=53)"
assert_eq "filter matching nothing" "" "$(filtered in_port=9)"
check "a bad filter names the bad value" \
    bad '99999' dump-flows 'filter=tcp,tp_dst=99999'

old=$(dpctl -s mod-flow --clear 'in_port(2),eth()' 1)
check "mod-flow -s --clear prints the old counters" \
    grep -q '^packets:[1-9]' <<<"$old"
check "mod-flow --clear zeroed them" test "$(packets 'in_port(2),eth()')" = 0
check "mod-flow needs the flow unless --may-create" \
    bad 'no such flow' mod-flow 'in_port(5),eth()' 1
dpctl mod-flow --may-create 'in_port(5),eth()' 1
check "mod-flow --may-create adds it" test "$(packets 'in_port(5),eth()')" = 0
dpctl del-flow 'in_port(5),eth()'

pmd=$(appctl dpif-netdev/pmd-stats-show)
echo "$pmd"
check "pmd-stats-show counts the hits" \
    grep -qE '(emc|megaflow) hits: [1-9]' <<<"$pmd"

# Bad syntax changes nothing.
before=$(flows)
check "a bad key is refused, naming it" \
    bad bogus add-flow 'in_port(3),bogus(1)' 1
check "bad actions are refused, naming them" \
    bad frobnicate add-flow 'in_port(3),eth()' frobnicate
check "a bad key in mod-flow is refused" \
    bad 'eth_type(zz)' mod-flow 'in_port(1),eth_type(zz)' 2
check "a bad option is refused" bad --frob mod-flow --frob 'in_port(1),eth()' 2
check "a bad datapath name is refused" \
    bad nosuch add-flow nosuch 'in_port(3),eth()' 1
check "a bad UFID is refused" bad ufid:12 get-flow ufid:12
check "a bad port option is refused" bad port_no=x add-if dp0 p3,port_no=x
check "an unknown command is refused" bad frob frob
check "bad syntax left the flows as they were" test "$before" = "$(flows)"

dpctl del-flow 'in_port(1),eth()'
check "del-flow stops traffic" \
    bash -c "! ip netns exec ${PREFIX}h1 ping -c 2 -i 0.2 -W 1 10.0.0.2"
check "the flow is gone" test -z "$(packets 'in_port(1),eth()')"
check "its packets are now misses" grep -qE 'missed:[1-9]' <<<"$(dpctl show)"

dpctl del-flows
check "del-flows empties the table" test -z "$(dpctl dump-flows)"
dpctl del-if dp0 p2
check "del-if removes the port" bash -c "! grep -q 'port 2' <<<'$(dpctl show)'"
dpctl del-dp dp0
check "del-dp removes the datapath" test -z "$(dpctl dump-dps)"
check "the daemon answers weir-appctl" appctl version
second() {
    local out
    ! out=$("$WEIR_BUILD/vswitchd/weir-vswitchd" --pidfile 2>&1) &&
        grep 'already running' <<<"$out"
}
check "a second daemon is refused" second
check "exit stops the daemon" appctl exit
check "it cleaned up after itself" weir_stopped

weir_start sw
dpctl add-dp dp1
dpctl add-if dp1 p1
kill -TERM "$WEIR_PID"
check "SIGTERM stops it cleanly, datapaths and all" weir_stopped
finish
