# NORMAL's building blocks: the MAC learning table and per-port VLAN rules.
ofproto_libofproto_a_SOURCES += \
	ofproto/mac-learning.h ofproto/mac-learning.c \
	ofproto/port-vlan.h ofproto/port-vlan.c

UNIT_TESTS += tests/unit/test-mac-learning
tests_unit_test_mac_learning_SOURCES = tests/unit/test-mac-learning.c
tests_unit_test_mac_learning_CFLAGS = $(UNITFLAGS)
tests_unit_test_mac_learning_LDADD = $(OFPROTO_UNITLIBS)

UNIT_TESTS += tests/unit/test-port-vlan
tests_unit_test_port_vlan_SOURCES = tests/unit/test-port-vlan.c
tests_unit_test_port_vlan_CFLAGS = $(UNITFLAGS)
tests_unit_test_port_vlan_LDADD = $(OFPROTO_UNITLIBS)
EXTRA_DIST += tests/unit/record-port-vlan.py tests/unit/test-port-vlan-ovs-data.h
