# OpenFlow message bodies: ports, tables, meters, stats, packet-in, bundles.
