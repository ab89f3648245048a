# ofproto: OpenFlow semantics over the datapath (see ofproto/README.md).
# Each part lists its sources in its own fragment (ofproto/*.mk).
EXTRA_DIST += ofproto/README.md
