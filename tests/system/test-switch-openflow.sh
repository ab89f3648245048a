#!/bin/bash
# OpenFlow through the whole switch, driven by Debian's ovs-ofctl:
# - a two-table pipeline (table 0 sends IP on to table 1, which outputs by
#   destination) carries pings, and dump-flows shows it as OVS would;
# - a change is in the datapath before the barrier reply: ovs-ofctl
#   add-flow waits for that reply, so a drop flow added with it stops the
#   very next ping, and deleting it lets the next one through;
# - megaflows match only what the tables looked at (here the in_port,
#   eth_type and IP destination, not the source or the ports);
# - a change re-translates only the megaflows it can affect: a flow for
#   an unused address touches none, one over h1->h2's flow touches those.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/switch-lib.sh"

switch_start
switch_hosts 3
ofctl del-flows
ofctl -O OpenFlow13 add-flow "table=0,priority=10,ip,actions=goto_table:1"
ofctl -O OpenFlow13 add-flow "table=0,priority=10,arp,actions=NORMAL"
for i in 1 2 3; do
    ofctl -O OpenFlow13 add-flow \
        "table=1,priority=10,ip,nw_dst=10.0.0.$i,actions=output:$i"
done
check "h1 pings h2 through two tables" pings 1 2 3
check "h2 pings h3 through two tables" pings 2 3 3

flows=$(of_flows -O OpenFlow13 --no-stats)
echo "$flows"
check "table 1 holds the output flows" \
    grep -q "table=1, priority=10,ip,nw_dst=10.0.0.2 actions=output:2" \
    <<<"$flows"

mega=$(dp_flows | grep 'ipv4(' | grep 'dst=10.0.0.2' | head -1)
echo "megaflow: $mega"
check "the megaflow matches the IP destination" grep -q 'dst=10.0.0.2' \
    <<<"$mega"
check "the megaflow ignores the IP source" bash -c \
    "! grep -q 'src=10.0.0.1' <<<'$mega'"

# Before the barrier reply.
ofctl -O OpenFlow13 add-flow "table=1,priority=100,ip,nw_dst=10.0.0.2,actions=drop"
check "the drop flow holds at once" no_ping 1 2
ofctl -O OpenFlow13 del-flows --strict "table=1,priority=100,ip,nw_dst=10.0.0.2"
check "its deletion holds at once" pings 1 2

# Targeted revalidation: a flow no megaflow's packets can match touches
# none; one that overrides h1->h2's flow touches those megaflows.
retranslated() {
    appctl upcall/show | sed -nE 's/.* ([0-9]+) megaflows re-translated.*/\1/p'
}
check "h1 pings h2 again" pings 1 2 2
n0=$(retranslated)
ofctl -O OpenFlow13 add-flow "table=1,priority=50,ip,nw_dst=10.0.0.4,actions=output:3"
n1=$(retranslated)
assert_eq "a flow for an address nobody uses re-translates nothing" "$n0" "$n1"
ofctl -O OpenFlow13 add-flow "table=1,priority=50,ip,nw_dst=10.0.0.2,actions=output:2"
n2=$(retranslated)
echo "re-translated: $n0 -> $n1 -> $n2"
check "a flow over h1->h2's re-translates its megaflows" test "$n2" -gt "$n1"
check "h1 still pings h2" pings 1 2
finish
