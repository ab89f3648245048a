# Unit test programs (cmocka), one per module.  Each needs the four lines
# below; "make check" runs them all.
EXTRA_DIST += tests/unit/frame-builder.h tests/unit/temp-file.h

UNIT_TESTS += tests/unit/test-flow-extract
tests_unit_test_flow_extract_SOURCES = tests/unit/test-flow-extract.c
tests_unit_test_flow_extract_CFLAGS = $(UNITFLAGS)
tests_unit_test_flow_extract_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-flow-netlink
tests_unit_test_flow_netlink_SOURCES = tests/unit/test-flow-netlink.c
tests_unit_test_flow_netlink_CFLAGS = $(UNITFLAGS)
tests_unit_test_flow_netlink_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-csum
tests_unit_test_csum_SOURCES = tests/unit/test-csum.c
tests_unit_test_csum_CFLAGS = $(UNITFLAGS)
tests_unit_test_csum_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-dp-packet
tests_unit_test_dp_packet_SOURCES = tests/unit/test-dp-packet.c
tests_unit_test_dp_packet_CFLAGS = $(UNITFLAGS)
tests_unit_test_dp_packet_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-pcap-file
tests_unit_test_pcap_file_SOURCES = tests/unit/test-pcap-file.c
tests_unit_test_pcap_file_CFLAGS = $(UNITFLAGS)
tests_unit_test_pcap_file_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-odp-key-text
tests_unit_test_odp_key_text_SOURCES = tests/unit/test-odp-key-text.c
tests_unit_test_odp_key_text_CFLAGS = $(UNITFLAGS)
tests_unit_test_odp_key_text_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-odp-actions-text
tests_unit_test_odp_actions_text_SOURCES = tests/unit/test-odp-actions-text.c
tests_unit_test_odp_actions_text_CFLAGS = $(UNITFLAGS)
tests_unit_test_odp_actions_text_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-stream
tests_unit_test_stream_SOURCES = tests/unit/test-stream.c
tests_unit_test_stream_CFLAGS = $(UNITFLAGS)
tests_unit_test_stream_LDADD = $(UNITLIBS) $(JANSSON_LIBS)

UNIT_TESTS += tests/unit/test-reconnect
tests_unit_test_reconnect_SOURCES = tests/unit/test-reconnect.c
tests_unit_test_reconnect_CFLAGS = $(UNITFLAGS)
tests_unit_test_reconnect_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-vconn
tests_unit_test_vconn_SOURCES = tests/unit/test-vconn.c
tests_unit_test_vconn_CFLAGS = $(UNITFLAGS)
tests_unit_test_vconn_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-of-flow-key
tests_unit_test_of_flow_key_SOURCES = tests/unit/test-of-flow-key.c
tests_unit_test_of_flow_key_CFLAGS = $(UNITFLAGS)
tests_unit_test_of_flow_key_LDADD = $(UNITLIBS)

EXTRA_DIST += tests/tsan.supp
UNIT_TESTS += tests/unit/test-flow-table
tests_unit_test_flow_table_SOURCES = tests/unit/test-flow-table.c
tests_unit_test_flow_table_CFLAGS = $(UNITFLAGS)
tests_unit_test_flow_table_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-actions
tests_unit_test_actions_SOURCES = tests/unit/test-actions.c
tests_unit_test_actions_CFLAGS = $(UNITFLAGS)
tests_unit_test_actions_LDADD = $(UNITLIBS)
EXTRA_DIST += tests/unit/packet-check.h

UNIT_TESTS += tests/unit/test-dpif-netdev
tests_unit_test_dpif_netdev_SOURCES = tests/unit/test-dpif-netdev.c
tests_unit_test_dpif_netdev_CFLAGS = $(UNITFLAGS)
tests_unit_test_dpif_netdev_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-jsonrpc
tests_unit_test_jsonrpc_SOURCES = tests/unit/test-jsonrpc.c
tests_unit_test_jsonrpc_CFLAGS = $(UNITFLAGS)
tests_unit_test_jsonrpc_LDADD = $(UNITLIBS) $(JANSSON_LIBS) -lpthread

UNIT_TESTS += tests/unit/test-netdev
tests_unit_test_netdev_SOURCES = tests/unit/test-netdev.c
tests_unit_test_netdev_CFLAGS = $(UNITFLAGS)
tests_unit_test_netdev_LDADD = $(UNITLIBS)

UNIT_TESTS += tests/unit/test-netdev-vnet
tests_unit_test_netdev_vnet_SOURCES = tests/unit/test-netdev-vnet.c
tests_unit_test_netdev_vnet_CFLAGS = $(UNITFLAGS)
tests_unit_test_netdev_vnet_LDADD = $(UNITLIBS)
