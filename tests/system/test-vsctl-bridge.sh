#!/bin/bash
# weir-vsctl against ovs-vsctl: init, show, bridges (real and fake),
# ports, bonds, interfaces, controllers, fail mode, managers, SSL and the
# errors of each, on twin ovsdb-servers.  Needs no root; skips without the
# OVS tools.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/vsctl-lib.sh"

W=--no-wait
both $W init
both $W show
both $W list-br
both $W add-br br0
both $W add-br br0
both $W --may-exist add-br br0
both $W add-br ''
both $W add-br br1 -- set bridge br1 datapath_type=netdev
both $W add-br vlan10 br0 10
both $W add-br vlan10 br0 10
both $W --may-exist add-br vlan10 br0 10
both $W --may-exist add-br vlan10 br0 11
both $W --may-exist add-br vlan10 br1 10
both $W --may-exist add-br vlan10
both $W --may-exist add-br br0 br1 5
both $W add-br vlan11 br0 10
both $W add-br vlan12 vlan10 12
both $W add-br vlan12 nobr 12
both $W add-br vlan13 br0 4096
both $W add-br vlan13 br0
both $W list-br
both $W --real list-br
both $W --fake list-br
both $W br-exists br0
both $W br-exists nobr
both $W br-to-vlan br0
both $W br-to-vlan vlan10
both $W br-to-vlan nobr
both $W br-to-parent vlan10
both $W br-to-parent br1
both $W br-to-parent nobr
both $W br-set-external-id br0 k1 v1
both $W br-set-external-id br0 k2 "v 2"
both $W br-set-external-id vlan10 fk fv
both $W br-get-external-id br0
both $W br-get-external-id br0 k2
both $W br-get-external-id br0 none
both $W br-get-external-id vlan10
both $W br-get-external-id vlan10 fk
both $W br-set-external-id br0 k1
both $W br-get-external-id br0
both $W br-get-external-id nobr

both $W add-port br0 p1
both $W add-port br0 p1
both $W --may-exist add-port br0 p1
both $W --may-exist add-port br1 p1
both $W add-port br0 p2 tag=7 -- set interface p2 type=internal
both $W add-port br0 p3 other_config:k=v vlan_mode=access
both $W add-port br0 p4 nocolumn=1
both $W add-port br0 p4 tag=9999
both $W add-port nobr p5
both $W add-port br0 ''
both $W add-port vlan10 p6
both $W add-port br0 br1
both $W add-bond br0 bond0 e1 e2 lacp=active
both $W add-bond br0 bond1 e3
both $W --may-exist add-bond br0 bond0 e2 e1
both $W --may-exist add-bond br0 bond0 e1 e3
both $W add-port br0 e1
both $W add-bond-iface bond0 e4
both $W add-bond-iface bond0 e4
both $W --may-exist add-bond-iface bond0 e4
both $W --may-exist add-bond-iface bond0 p1
both $W add-bond-iface nobond e5
both $W del-bond-iface bond0 e4
both $W del-bond-iface bond0 p1
both $W del-bond-iface e9
both $W --if-exists del-bond-iface e9
both $W del-bond-iface p1
both $W list-ports br0
both $W list-ports vlan10
both $W list-ports nobr
both $W list-ifaces br0
both $W list-ifaces vlan10
both $W port-to-br p6
both $W port-to-br p1
both $W port-to-br br0
both $W port-to-br nope
both $W iface-to-br e2
both $W iface-to-br p6
both $W iface-to-br br0
both $W iface-to-br nope
both $W del-port br0 p1
both $W del-port br0 p1
both $W --if-exists del-port br0 p1
both $W del-port br1 p2
both $W del-port br0 p6
both $W del-port br0 br0
both $W --with-iface del-port e2
both $W del-port p3
both $W list-ports br0
same_db

both $W set-controller br0 tcp:1.2.3.4:6653 ssl:5.6.7.8
both $W get-controller br0
both $W get-controller vlan10
both $W set-controller vlan10 tcp:1.1.1.1
both $W --inactivity-probe=3000 set-controller br1 tcp:9.9.9.9
both $W get-controller br1
both $W del-controller br1
both $W get-controller br1
both $W get-controller nobr
both $W get-fail-mode br0
both $W set-fail-mode br0 secure
both $W get-fail-mode br0
both $W get-fail-mode vlan10
both $W set-fail-mode br0 bogus
both $W set-fail-mode vlan10 secure
both $W del-fail-mode br1
both $W set-manager ptcp:6640 tcp:10.0.0.1
both $W get-manager
both $W --inactivity-probe=5000 set-manager ptcp:6641
both $W get-manager
both $W del-manager
both $W get-manager
both $W get-ssl
both $W set-ssl /k /c /ca
both $W get-ssl
both $W --bootstrap set-ssl /k2 /c2 /ca2
both $W get-ssl
both $W del-ssl
both $W get-ssl
both $W set-manager ptcp:6640
both_sorted $W show
same_db

both $W del-br vlan10
both $W del-br nobr
both $W --if-exists del-br nobr
both $W del-br br1
both $W list-br
both $W add-br br2 -- add-port br2 q1 -- add-port br2 q2 -- list-ports br2
both $W del-br br2 -- add-br br2 -- list-ports br2
both $W --oneline list-br -- list-ports br0
both $W --dry-run add-br br9
both $W br-exists br9
both $W --timeout=5 list-br extra
both $W list-br --oneline
both $W frobnicate
both $W --bogus list-br
both $W
both $W --
both $W list-br --
both $W --if-exists list-br
both $W -- --if-exists --if-exists del-br x
both $W add-br
vsctl_done
