# System tests: real packets between network namespaces (tests/run-system.sh).
EXTRA_DIST += \
	tests/system/lib.sh \
	tests/system/flowmatch.py \
	tests/system/oracle.py \
	tests/system/test-dpctl.sh \
	tests/system/test-extract-live.sh \
	tests/system/test-netdev-afpacket.sh \
	tests/system/test-oracle-tshark.sh
