#!/bin/bash
# The oracle check: a pcap of varied and truncated frames, dissected by tshark
# and by Weir's flow-key extractor, must agree field by field on every frame.
. "$(dirname "$0")/lib.sh"
require_cmd tshark
require_scapy

"$PY" "$SYSTEM_DIR/oracle.py" gen "$TEST_DIR/varied.pcap"
"$PY" "$SYSTEM_DIR/oracle.py" compare "$TEST_DIR/varied.pcap" \
    "$WEIR_BUILD/tests/tools/flow-keys"
