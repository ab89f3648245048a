# OpenFlow fields and matches: the field table, OF1.0/1.1 matches, NXM/OXM.
