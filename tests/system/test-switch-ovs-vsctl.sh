#!/bin/bash
# Debian's ovs-vsctl configures Weir's switch: it creates a bridge and
# ports (and returns only once weir-vswitchd applied them: cur_cfg), the
# switch writes back ofport and mac_in_use, hosts on those ports ping, a
# port moved into VLAN 10 is cut off from VLAN 0, and del-port takes the
# port out of the datapath.
. "$(dirname "$0")/lib.sh"
. "$SYSTEM_DIR/switch-lib.sh"
require_cmd ovs-vsctl

ovsvsctl() {
    ovs-vsctl --db="$SWITCH_DB" --timeout=20 "$@"
}

switch_start
ovsvsctl add-br br1
for i in 1 2; do
    ns_add "h$i"
    veth_add "h$i" "eth$i" sw "q$i"
    ns_exec "h$i" ip addr add "10.0.0.$i/24" dev "eth$i"
    ovsvsctl add-port br1 "q$i" -- set interface "q$i" "ofport_request=$((i + 10))"
done
assert_eq "ofport of q1" 11 "$(ovsvsctl get interface q1 ofport)"
assert_eq "ofport of q2" 12 "$(ovsvsctl get interface q2 ofport)"
assert_eq "the local port's ofport" 65534 "$(ovsvsctl get interface br1 ofport)"
check "mac_in_use is written" bash -c \
    "ovs-vsctl --db=$SWITCH_DB get interface q1 mac_in_use | grep -Eq '\"([0-9a-f]{2}:){5}[0-9a-f]{2}\"'"
check "h1 pings h2 through br1" pings 1 2 2
check "the ports are in br1's datapath" bash -c \
    "'$WEIR_BUILD/utilities/weir-dpctl' --unixctl='$WEIR_CTL' show br1 | grep -q q2"
ovsvsctl set port q1 tag=10
check "q1 in VLAN 10 cannot reach VLAN 0" no_ping 1 2
ovsvsctl remove port q1 tag 10
check "back in VLAN 0" pings 1 2
ovsvsctl del-port br1 q2
check "del-port takes q2 out of the datapath" bash -c \
    "! '$WEIR_BUILD/utilities/weir-dpctl' --unixctl='$WEIR_CTL' show br1 | grep -q q2"
ovsvsctl del-br br1
check "del-br removes the bridge's datapath" bash -c \
    "! '$WEIR_BUILD/utilities/weir-dpctl' --unixctl='$WEIR_CTL' show br1 2>/dev/null | grep -q q1"
finish
