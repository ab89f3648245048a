# Programs the system tests run (built by "make", never installed).
noinst_PROGRAMS += tests/tools/flow-keys
tests_tools_flow_keys_SOURCES = tests/tools/flow-keys.c
tests_tools_flow_keys_LDADD = lib/libweir.a

noinst_PROGRAMS += tests/tools/netdev-relay
tests_tools_netdev_relay_SOURCES = tests/tools/netdev-relay.c
tests_tools_netdev_relay_LDADD = lib/libweir.a

noinst_PROGRAMS += tests/tools/vconn-peer
tests_tools_vconn_peer_SOURCES = tests/tools/vconn-peer.c
tests_tools_vconn_peer_LDADD = lib/libweir.a
