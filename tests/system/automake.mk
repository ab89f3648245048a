# System tests: real packets between network namespaces (tests/run-system.sh).
EXTRA_DIST += \
	tests/system/lib.sh \
	tests/system/dp-lib.sh \
	tests/system/flowmatch.py \
	tests/system/framematch.py \
	tests/system/oracle.py \
	tests/system/test-dp-forward.sh \
	tests/system/test-dp-miss.sh \
	tests/system/test-dp-mpls.sh \
	tests/system/test-dp-sctp.sh \
	tests/system/test-dp-set.sh \
	tests/system/test-dp-trunk.sh \
	tests/system/test-dp-vlan.sh \
	tests/system/test-dpctl.sh \
	tests/system/test-extract-live.sh \
	tests/system/test-netdev-afpacket.sh \
	tests/system/test-oracle-tshark.sh
EXTRA_DIST += tests/system/test-vswitch-schema-ovs.sh
EXTRA_DIST += tests/system/test-dbd.sh tests/system/rpc.py
EXTRA_DIST += tests/system/test-privileges.sh
EXTRA_DIST += tests/system/test-vconn-ovs.sh
EXTRA_DIST += tests/system/test-vsctl-db.sh tests/system/test-vsctl-bridge.sh tests/system/test-vsctl-wait.sh tests/system/vsctl-lib.sh
EXTRA_DIST += tests/system/test-vsctl-ovs-on-weir.sh
EXTRA_DIST += tests/system/test-vsctl-zones.sh
