#!/bin/bash
# weir-vsctl against ovs-vsctl: the database commands (list, find, get,
# set, add, remove, clear, create, destroy, wait-until), value syntax,
# record names and table/column abbreviations, output formats, conntrack
# zone timeout policies, and the errors of each, on twin ovsdb-servers.
# Needs no root; skips without the OVS tools.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/vsctl-lib.sh"

W=--no-wait
both $W add-br br0 -- add-port br0 p1 -- set interface p1 type=internal
both $W add-br br1

# get, with record names, abbreviations and keys.
both get bridge br0 name
both get Bridge br0 name datapath_type stp_enable
both get br br0 name
both get b br0 name
both get bri br0 n
both get bridge br0 _uuid
both get interface p1 type ofport
both get port p1 interfaces
both get open . bridges
both get open_vswitch . ovs_version
both get bridge nobr name
both --if-exists get bridge nobr name
both get bridge br0 nocolumn
both get nosuchtable x y
both get bridge br0 name:key
both get bridge br0 external_ids:missing
both --if-exists get bridge br0 external_ids:missing
both --id=@b get bridge br0 -- --id=@b get bridge br1
both --id=b get bridge br0
both --id=@b --if-exists get bridge br0

# set and its value syntax.
both $W set bridge br0 external_ids:a=1 external_ids:b='"two words"'
both $W set bridge br0 other_config='{x=1, y="a=b", z=""}'
both $W set bridge br0 flood_vlans='[1, 2, 3]'
both $W set bridge br0 flood_vlans=4,5
both $W set bridge br0 flood_vlans=[]
both $W set bridge br0 stp_enable=true
both $W set bridge br0 stp_enable=yes mcast_snooping_enable=off
both $W set bridge br0 stp_enable=maybe
both $W set interface p1 ofport_request=5 mtu_request=1400
both $W set interface p1 ofport_request=99999
both $W set interface p1 ofport_request=x
both $W set bridge br0 fail_mode=secure
both $W set bridge br0 fail_mode=bogus
both $W set bridge br0 protocols=OpenFlow10,OpenFlow13
both $W set bridge br0 name=br7
both $W set bridge br0 flood_vlans:1=2
both $W set bridge br0 other_config
both $W set bridge br0 other_config=
both $W set bridge br0 other_config={a=1,a=2}
both $W set bridge br0 other_config={a
both $W set bridge br0 other_config={a=1}x
both $W set bridge br0 'other_config={a}'
both $W set bridge br0 external_ids:'"quoted key"'='"v\"q"'
both $W set bridge br0 external_ids:k='"unterminated'
both $W set bridge br0 external_ids:k=a\\:b
both $W set bridge br0 datapath_id='"0000000000000001"'
both $W set bridge nobr stp_enable=true
both $W --if-exists set bridge nobr stp_enable=true
both $W set port p1 tag=10 trunks=1,2,3 vlan_mode=trunk
both $W set port p1 tag=10,11
both $W set port p1 qos=12345678-1234-1234-1234-123456789abc
both $W set port p1 qos=@q
both get bridge br0 external_ids other_config flood_vlans stp_enable
both get bridge br0 external_ids:a external_ids:b
both get interface p1 ofport_request mtu_request
both get port p1 tag trunks vlan_mode

# add, remove, clear.
both $W add bridge br0 flood_vlans 7 8
both $W add bridge br0 external_ids c=3 a=9
both $W add bridge br0 external_ids nokey
both $W add port p1 trunks 4 5
both_failing $W add port p1 tag 12
both $W add bridge br0 name x
both get bridge br0 flood_vlans external_ids
both $W remove bridge br0 flood_vlans 7
both $W remove bridge br0 external_ids a
both $W remove bridge br0 external_ids c=4
both $W remove bridge br0 external_ids c=3
both $W remove bridge br0 flood_vlans x
both $W remove interface p1 name p1
both get bridge br0 flood_vlans external_ids
both $W clear bridge br0 flood_vlans external_ids
both $W clear bridge br0 name
both $W clear port p1 tag trunks
both $W --if-exists clear bridge nobr flood_vlans
both get bridge br0 flood_vlans external_ids

# create, destroy, --id references.
both $W create bridge name=x
both $W -- --id=@c create controller target='"tcp:1.2.3.4"' -- \
    set bridge br0 controller=@c
both $W -- set bridge br1 controller=@c2 -- --id=@c2 create controller \
    target=ptcp:
both $W set bridge br1 netflow=@nf
both $W -- --id=@m create mirror name=m1 select_all=true -- \
    add bridge br0 mirrors @m
both $W -- --id=m create mirror name=m2
both $W -- --id=@q create qos type=linux-htb -- set port p1 qos=@q
both $W create qos type=linux-htb other_config:max-rate=1000
both $W create nosuch x=1
both $W create qos nocol=1
both get controller br0 target
both get controller br1 target
both get mirror m1 name select_all
both get qos p1 type
both get netflow br0 targets
both $W destroy qos p1
both $W -- destroy bridge nobr
both $W -- --if-exists destroy bridge nobr
both $W --all destroy bridge br0
both $W -- --all --if-exists destroy qos
both $W -- --all destroy flow_sample_collector_set
both $W clear port p1 qos -- --all destroy qos
same_db

# list and find, in every format.
both_sorted list bridge
both list bridge br0
both list interface p1
both list bridge nobr
both --if-exists list bridge nobr
both --columns=name,ofport_request list interface p1
both --columns=name,_uuid list interface p1
both --columns=name,nosuch list interface p1
both_sorted --columns=name find interface
both_sorted --columns=name find interface type=internal
both_sorted --columns=name find interface type!=internal
both_sorted --columns=name find port tag=10
both_sorted --columns=name find port tag\>5
both_sorted --columns=name find port 'trunks{>=}[1,2]'
both_sorted --columns=name find port 'trunks{<=}[1,2]'
both_sorted --columns=name find port 'trunks{in}[1,2,3,4]'
both_sorted --columns=name find port 'trunks{not-in}[9]'
both_sorted --columns=name find port 'trunks{=}[1,2,3]'
both_sorted --columns=name find bridge other_config:x=1
both_sorted --columns=name find bridge other_config:x!=1
both_sorted --columns=name find bridge 'other_config:nokey{=}[]'
both --columns=name find bridge name
both --columns=name find bridge nosuch=1
both --columns=name find bridge name:k=1
both -f table --columns=name,stp_enable,flood_vlans list bridge br0
both -f table --no-headings --columns=name list bridge br0
both -f csv --columns=name,other_config list bridge br0
both -f html --columns=name,other_config list bridge br0
both -f json --columns=name,other_config,flood_vlans list bridge br0
both -f json -d json --columns=name,other_config list bridge br0
both -f json --pretty --columns=name,flood_vlans list bridge br0
both -d bare --columns=name,other_config list bridge br0
both -d json --columns=name,other_config list bridge br0
both --bare --columns=name,flood_vlans list bridge br0
both -f list --columns=name list bridge br0 -- --columns=name list port p1
both -f table --columns=name list bridge br0 -- --columns=name list port p1
both --format=bogus list bridge
both --data=bogus list bridge
both --oneline get bridge br0 name other_config -- list-br

# wait-until on a condition that already holds.
both wait-until bridge br0
both wait-until bridge br0 name=br0 stp_enable=true
both wait-until interface p1 type=internal

# conntrack zones and timeout policies.
both $W -- --id=@dp create datapath -- set open . datapaths:netdev=@dp
both $W add-zone-tp netdev zone=1 icmp_first=1 icmp_reply=2
both $W add-zone-tp netdev zone=1 icmp_first=3
both $W --may-exist add-zone-tp netdev zone=1 icmp_first=5
both $W add-zone-tp netdev zone=2 icmp_first=5
both $W add-zone-tp netdev zone=3
both $W add-zone-tp nodp zone=3 icmp_first=1
both list-zone-tp netdev
both list-zone-tp nodp
both $W del-zone-tp netdev zone=2
both $W del-zone-tp netdev zone=9
both $W --if-exists del-zone-tp netdev zone=9
both list-zone-tp netdev
both $W set datapath @dp capabilities:ct_zone=true
both $W -- --id=@d get datapath . -- set datapath @d capabilities:ct_zone=true
both list-dp-cap netdev
both list-dp-cap nodp
same_db

# More ways to name records.
both $W set-manager ptcp:6640 -- set-ssl /k /c /ca
both get manager ptcp:6640 target is_connected
both get manager ptcp:9 target
both get ssl . private_key ca_cert
both get open_vswitch . manager_options
both $W -- --id=@s create sflow targets='"1.2.3.4:6343"' sampling=64 -- \
    set bridge br0 sflow=@s
both get sflow br0 targets sampling
both get sflow br1 targets
both $W -- --id=@br get bridge br0 -- \
    create flow_sample_collector_set id=5 bridge=@br
both get flow_sample_collector_set 5 id
both get flow_sample_collector_set 6 id
both $W --timeout=1 wait-until bridge br0 name=never
both $W --timeout=1 wait-until bridge nobr
same_db

# dry runs change nothing.
both $W --dry-run set bridge br0 stp_enable=false
both get bridge br0 stp_enable
vsctl_done
