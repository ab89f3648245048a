# fuzz programs

FUZZ_TARGETS += tests/fuzz/fuzz-pcap-file
tests_fuzz_fuzz_pcap_file_SOURCES = tests/fuzz/fuzz-pcap-file.c
tests_fuzz_fuzz_pcap_file_LDADD = lib/libweir.a
tests_fuzz_fuzz_pcap_file_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-pcap-file

FUZZ_TARGETS += tests/fuzz/fuzz-flow-extract
tests_fuzz_fuzz_flow_extract_SOURCES = tests/fuzz/fuzz-flow-extract.c
tests_fuzz_fuzz_flow_extract_LDADD = lib/libweir.a
tests_fuzz_fuzz_flow_extract_LDFLAGS = $(FUZZLINK)

FUZZ_TARGETS += tests/fuzz/fuzz-flow-netlink
tests_fuzz_fuzz_flow_netlink_SOURCES = tests/fuzz/fuzz-flow-netlink.c
tests_fuzz_fuzz_flow_netlink_LDADD = lib/libweir.a
tests_fuzz_fuzz_flow_netlink_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-flow-netlink

FUZZ_TARGETS += tests/fuzz/fuzz-odp-text
tests_fuzz_fuzz_odp_text_SOURCES = tests/fuzz/fuzz-odp-text.c
tests_fuzz_fuzz_odp_text_LDADD = lib/libweir.a
tests_fuzz_fuzz_odp_text_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-odp-text

FUZZ_TARGETS += tests/fuzz/fuzz-odp-actions-text
tests_fuzz_fuzz_odp_actions_text_SOURCES = tests/fuzz/fuzz-odp-actions-text.c
tests_fuzz_fuzz_odp_actions_text_LDADD = lib/libweir.a
tests_fuzz_fuzz_odp_actions_text_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-odp-actions-text

FUZZ_TARGETS += tests/fuzz/fuzz-actions-validate
tests_fuzz_fuzz_actions_validate_SOURCES = tests/fuzz/fuzz-actions-validate.c
tests_fuzz_fuzz_actions_validate_LDADD = lib/libweir.a
tests_fuzz_fuzz_actions_validate_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-actions-validate

FUZZ_TARGETS += tests/fuzz/fuzz-jsonrpc
tests_fuzz_fuzz_jsonrpc_SOURCES = tests/fuzz/fuzz-jsonrpc.c
tests_fuzz_fuzz_jsonrpc_LDADD = lib/libweir.a $(JANSSON_LIBS)
tests_fuzz_fuzz_jsonrpc_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-jsonrpc

FUZZ_TARGETS += tests/fuzz/fuzz-netdev-vnet
tests_fuzz_fuzz_netdev_vnet_SOURCES = tests/fuzz/fuzz-netdev-vnet.c
tests_fuzz_fuzz_netdev_vnet_LDADD = lib/libweir.a
tests_fuzz_fuzz_netdev_vnet_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-netdev-vnet

FUZZ_TARGETS += tests/fuzz/fuzz-stream-name
tests_fuzz_fuzz_stream_name_SOURCES = tests/fuzz/fuzz-stream-name.c
tests_fuzz_fuzz_stream_name_LDADD = lib/libweir.a
tests_fuzz_fuzz_stream_name_LDFLAGS = $(FUZZLINK)
EXTRA_DIST += tests/fuzz/corpus/fuzz-stream-name
