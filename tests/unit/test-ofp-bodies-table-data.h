/* mod-table settings for test_table_mod_parse, produced once from Debian's
 * Open vSwitch 3.1: the TABLE_MOD "ovs-ofctl -O OpenFlow1N mod-table
 * unix:SOCK TABLE SETTING" sent to a recording fake switch, or the error it
 * printed (without "ovs-ofctl: ").  Fields: table, setting, version, hex
 * or error, whether it parsed. */
{ "1", "controller", 2, "02110010000000040100000000000000", true },
{ "2", "continue", 3, "03110010000000040200000000000001", true },
{ "all", "drop", 2, "0211001000000004ff00000000000002", true },
{ "254", "drop", 2, "0211001000000004fe00000000000002", true },
{ "254", "continue", 2, "last table's flow miss handling can not be continue", false },
{ "255", "drop", 2, "0211001000000004ff00000000000002", true },
{ "x", "drop", 2, "unknown table \"x\"", false },
{ "1", "sideways", 2, "invalid table_mod setting sideways", false },
