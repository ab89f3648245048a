/* Expected texts for test-ofp-bodies.c, recorded by
 * record-ofp-bodies.py from Debian's Open vSwitch 3.1: "ovs-ofctl
 * ofp-print HEX VERBOSITY" for every HEX below (messages built byte by
 * byte to cover each body's forms and errors), unedited. */
static const struct body_case body_cases[] = {
	{ "port stats request 1.0", 2,
	  "0110001400000002000400000001000000000000",
	  "OFPST_PORT request (xid=0x2): port_no=1\n" },
	{ "port stats request 1.0 NONE", 2,
	  "011000140000000200040000ffff000000000000",
	  "OFPST_PORT request (xid=0x2): port_no=ANY\n" },
	{ "port stats request 1.3 ANY", 2,
	  "04120018000000020004000000000000ffffffff00000000",
	  "OFPST_PORT request (OF1.3) (xid=0x2): port_no=ANY\n" },
	{ "port stats request 1.3 LOCAL", 2,
	  "04120018000000020004000000000000fffffffe00000000",
	  "OFPST_PORT request (OF1.3) (xid=0x2): port_no=LOCAL\n" },
	{ "port stats request 1.3 bad port", 2,
	  "04120018000000020004000000000000ffff000000000000",
	  "OFPST_PORT request (OF1.3) (xid=0x2): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  04 12 00 18 00 00 00 02-00 04 00 00 00 00 00 00 |................|\n"
	  "00000010  ff ff 00 00 00 00 00 00-                        |........        |\n" },
	{ "port stats request 1.5", 2,
	  "061200180000000200040000000000000000000700000000",
	  "OFPST_PORT request (OF1.5) (xid=0x2): port_no=7\n" },
	{ "port stats reply 1.0", 1,
	  "0111014400000002000400000001000000000000000000000000000100000000"
	  "0000000200000000000000030000000000000004000000000000000500000000"
	  "0000000600000000000000070000000000000008000000000000000900000000"
	  "0000000a000000000000000b000000000000000cfffe00000000000000000000"
	  "0000000100000000000000020000000000000003000000000000000400000000"
	  "0000000500000000000000060000000000000007000000000000000800000000"
	  "00000009000000000000000a000000000000000b000000000000000c000c0000"
	  "0000000000000000000000010000000000000002000000000000000300000000"
	  "0000000400000000000000050000000000000006000000000000000700000000"
	  "000000080000000000000009000000000000000a000000000000000b00000000"
	  "0000000c",
	  "OFPST_PORT reply (xid=0x2): 3 ports\n"
	  "  port  1: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "  port LOCAL: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "  port 12: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n" },
	{ "port stats reply 1.0", 2,
	  "0111014400000002000400000001000000000000000000000000000100000000"
	  "0000000200000000000000030000000000000004000000000000000500000000"
	  "0000000600000000000000070000000000000008000000000000000900000000"
	  "0000000a000000000000000b000000000000000cfffe00000000000000000000"
	  "0000000100000000000000020000000000000003000000000000000400000000"
	  "0000000500000000000000060000000000000007000000000000000800000000"
	  "00000009000000000000000a000000000000000b000000000000000c000c0000"
	  "0000000000000000000000010000000000000002000000000000000300000000"
	  "0000000400000000000000050000000000000006000000000000000700000000"
	  "000000080000000000000009000000000000000a000000000000000b00000000"
	  "0000000c",
	  "OFPST_PORT reply (xid=0x2): 3 ports\n"
	  "  port  1: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "  port LOCAL: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "  port 12: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n" },
	{ "port stats reply 1.1", 2,
	  "0213007800000002000400000000000000000003000000000000000000000001"
	  "0000000000000002000000000000000300000000000000040000000000000005"
	  "0000000000000006000000000000000700000000000000080000000000000009"
	  "000000000000000a000000000000000b000000000000000c",
	  "OFPST_PORT reply (OF1.1) (xid=0x2): 1 ports\n"
	  "  port  3: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n" },
	{ "port stats reply 1.2 unknown", 2,
	  "031300780000000200040000000000000000000300000000ffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffff",
	  "OFPST_PORT reply (OF1.2) (xid=0x2): 1 ports\n"
	  "  port  3: rx pkts=?, bytes=?, drop=?, errs=?, frame=?, over=?, crc=?\n"
	  "           tx pkts=?, bytes=?, drop=?, errs=?, coll=?\n" },
	{ "port stats reply 1.3", 2,
	  "041300f000000002000400000000000000000001000000000000000000000001"
	  "0000000000000002000000000000000300000000000000040000000000000005"
	  "0000000000000006000000000000000700000000000000080000000000000009"
	  "000000000000000a000000000000000b000000000000000c0000000a1dcd6500"
	  "fffffffe00000000000000000000000100000000000000020000000000000003"
	  "0000000000000004000000000000000500000000000000060000000000000007"
	  "00000000000000080000000000000009000000000000000a000000000000000b"
	  "000000000000000c0000000300000001",
	  "OFPST_PORT reply (OF1.3) (xid=0x2): 2 ports\n"
	  "  port  1: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "           duration=10.500s\n"
	  "  port LOCAL: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "           duration=3.000000001s\n" },
	{ "port stats reply 1.3 no duration", 2,
	  "0413008000000002000400000000000000000002000000000000000000000001"
	  "0000000000000002000000000000000300000000000000040000000000000005"
	  "0000000000000006000000000000000700000000000000080000000000000009"
	  "000000000000000a000000000000000b000000000000000cffffffff00000000",
	  "OFPST_PORT reply (OF1.3) (xid=0x2): 1 ports\n"
	  "  port  2: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n" },
	{ "port stats reply 1.3 zero ns", 2,
	  "041300f000000002000400000000000000000002000000000000000000000001"
	  "0000000000000002000000000000000300000000000000040000000000000005"
	  "0000000000000006000000000000000700000000000000080000000000000009"
	  "000000000000000a000000000000000b000000000000000c0000000700000000"
	  "0000000300000000000000000000000100000000000000020000000000000003"
	  "0000000000000004000000000000000500000000000000060000000000000007"
	  "00000000000000080000000000000009000000000000000a000000000000000b"
	  "000000000000000c00000007075bca00",
	  "OFPST_PORT reply (OF1.3) (xid=0x2): 2 ports\n"
	  "  port  2: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "           duration=7s\n"
	  "  port  3: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "           duration=7.123456s\n" },
	{ "port stats reply 1.3 bad port", 2,
	  "041300f000000002000400000000000000000002000000000000000000000001"
	  "0000000000000002000000000000000300000000000000040000000000000005"
	  "0000000000000006000000000000000700000000000000080000000000000009"
	  "000000000000000a000000000000000b000000000000000c0000000700000000"
	  "ffff000100000000000000000000000100000000000000020000000000000003"
	  "0000000000000004000000000000000500000000000000060000000000000007"
	  "00000000000000080000000000000009000000000000000a000000000000000b"
	  "000000000000000c0000000700000000",
	  "OFPST_PORT reply (OF1.3) (xid=0x2): 1 ports\n"
	  "  port  2: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "           duration=7s\n"
	  "***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  04 13 00 f0 00 00 00 02-00 04 00 00 00 00 00 00 |................|\n"
	  "00000010  00 00 00 02 00 00 00 00-00 00 00 00 00 00 00 01 |................|\n"
	  "00000020  00 00 00 00 00 00 00 02-00 00 00 00 00 00 00 03 |................|\n"
	  "00000030  00 00 00 00 00 00 00 04-00 00 00 00 00 00 00 05 |................|\n"
	  "00000040  00 00 00 00 00 00 00 06-00 00 00 00 00 00 00 07 |................|\n"
	  "00000050  00 00 00 00 00 00 00 08-00 00 00 00 00 00 00 09 |................|\n"
	  "00000060  00 00 00 00 00 00 00 0a-00 00 00 00 00 00 00 0b |................|\n"
	  "00000070  00 00 00 00 00 00 00 0c-00 00 00 07 00 00 00 00 |................|\n"
	  "00000080  ff ff 00 01 00 00 00 00-00 00 00 00 00 00 00 01 |................|\n"
	  "00000090  00 00 00 00 00 00 00 02-00 00 00 00 00 00 00 03 |................|\n"
	  "000000a0  00 00 00 00 00 00 00 04-00 00 00 00 00 00 00 05 |................|\n"
	  "000000b0  00 00 00 00 00 00 00 06-00 00 00 00 00 00 00 07 |................|\n"
	  "000000c0  00 00 00 00 00 00 00 08-00 00 00 00 00 00 00 09 |................|\n"
	  "000000d0  00 00 00 00 00 00 00 0a-00 00 00 00 00 00 00 0b |................|\n"
	  "000000e0  00 00 00 00 00 00 00 0c-00 00 00 07 00 00 00 00 |................|\n" },
	{ "port stats reply 1.4 eth", 2,
	  "051300d800000002000400000000000000780000000000010000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "0000002800000000000000000000001500000000000000160000000000000017"
	  "0000000000000018005000000000000200000005000000060000000000000001"
	  "0000000000000002000000000000000300000000000000040000000000000005"
	  "000000000000000600000000000000070000000000000008",
	  "OFPST_PORT reply (OF1.4) (xid=0x2): 2 ports\n"
	  "  port  1: rx pkts=1, bytes=3, drop=5, errs=7, frame=21, over=22, crc=23\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=24\n"
	  "           duration=5.000000006s\n"
	  "  port  2: rx pkts=1, bytes=3, drop=5, errs=7, frame=?, over=?, crc=?\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=?\n"
	  "           duration=5.000000006s\n" },
	{ "port stats reply 1.5 eth", 2,
	  "0613008800000002000400000000000000780000fffffffe0000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "0000002800000000000000000000001500000000000000160000000000000017"
	  "0000000000000018",
	  "OFPST_PORT reply (OF1.5) (xid=0x2): 1 ports\n"
	  "  port LOCAL: rx pkts=1, bytes=3, drop=5, errs=7, frame=21, over=22, crc=23\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=24\n"
	  "           duration=5.000000006s\n" },
	{ "port stats reply 1.4 bad eth len", 2,
	  "0513007c000000020004000000000000006c0000000000010000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "00000020000000000000000100000000000000020000000000000003",
	  "***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  05 13 00 7c 00 00 00 02-00 04 00 00 00 00 00 00 |...|............|\n"
	  "00000010  00 6c 00 00 00 00 00 01-00 00 00 05 00 00 00 06 |.l..............|\n"
	  "00000020  00 00 00 00 00 00 00 01-00 00 00 00 00 00 00 02 |................|\n"
	  "00000030  00 00 00 00 00 00 00 03-00 00 00 00 00 00 00 04 |................|\n"
	  "00000040  00 00 00 00 00 00 00 05-00 00 00 00 00 00 00 06 |................|\n"
	  "00000050  00 00 00 00 00 00 00 07-00 00 00 00 00 00 00 08 |................|\n"
	  "00000060  00 00 00 20 00 00 00 00-00 00 00 01 00 00 00 00 |... ............|\n"
	  "00000070  00 00 00 02 00 00 00 00-00 00 00 03             |............    |\n" },
	{ "port stats reply 1.4 bad length", 2,
	  "0513006000000002000400000000000000480000000000010000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008",
	  "OFPST_PORT reply (OF1.4) (xid=0x2): 0 ports\n"
	  "***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  05 13 00 60 00 00 00 02-00 04 00 00 00 00 00 00 |...`............|\n"
	  "00000010  00 48 00 00 00 00 00 01-00 00 00 05 00 00 00 06 |.H..............|\n"
	  "00000020  00 00 00 00 00 00 00 01-00 00 00 00 00 00 00 02 |................|\n"
	  "00000030  00 00 00 00 00 00 00 03-00 00 00 00 00 00 00 04 |................|\n"
	  "00000040  00 00 00 00 00 00 00 05-00 00 00 00 00 00 00 06 |................|\n"
	  "00000050  00 00 00 00 00 00 00 07-00 00 00 00 00 00 00 08 |................|\n" },
	{ "port stats reply 1.4 unknown prop", 2,
	  "0513006800000002000400000000000000580000000000010000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "0007000800000000",
	  "OFPST_PORT reply (OF1.4) (xid=0x2): 1 ports\n"
	  "  port  1: rx pkts=1, bytes=3, drop=5, errs=7, frame=?, over=?, crc=?\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=?\n"
	  "           duration=5.000000006s\n" },
	{ "port stats reply 1.4 experimenter prop", 2,
	  "0513007000000002000400000000000000600000000000010000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "ffff0010000023200000000900000000",
	  "OFPST_PORT reply (OF1.4) (xid=0x2): 1 ports\n"
	  "  port  1: rx pkts=1, bytes=3, drop=5, errs=7, frame=?, over=?, crc=?\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=?\n"
	  "           duration=5.000000006s\n" },
	{ "port stats reply 1.4 zero experimenter", 2,
	  "0513007000000002000400000000000000600000000000010000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "ffff0010000000000000000900000000",
	  "OFPST_PORT reply (OF1.4) (xid=0x2): 0 ports\n"
	  "***decode error: OFPBPC_BAD_EXPERIMENTER***\n"
	  "00000000  05 13 00 70 00 00 00 02-00 04 00 00 00 00 00 00 |...p............|\n"
	  "00000010  00 60 00 00 00 00 00 01-00 00 00 05 00 00 00 06 |.`..............|\n"
	  "00000020  00 00 00 00 00 00 00 01-00 00 00 00 00 00 00 02 |................|\n"
	  "00000030  00 00 00 00 00 00 00 03-00 00 00 00 00 00 00 04 |................|\n"
	  "00000040  00 00 00 00 00 00 00 05-00 00 00 00 00 00 00 06 |................|\n"
	  "00000050  00 00 00 00 00 00 00 07-00 00 00 00 00 00 00 08 |................|\n"
	  "00000060  ff ff 00 10 00 00 00 00-00 00 00 09 00 00 00 00 |................|\n" },
	{ "port stats reply 1.3 more", 2,
	  "0413008000000002000400010000000000000001000000000000000000000001"
	  "0000000000000002000000000000000300000000000000040000000000000005"
	  "0000000000000006000000000000000700000000000000080000000000000009"
	  "000000000000000a000000000000000b000000000000000c0000000100000000",
	  "OFPST_PORT reply (OF1.3) (xid=0x2): flags=[more] 1 ports\n"
	  "  port  1: rx pkts=1, bytes=3, drop=5, errs=7, frame=9, over=10, crc=11\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=12\n"
	  "           duration=1s\n" },
	{ "port stats reply empty", 2,
	  "04130010000000020004000000000000",
	  "OFPST_PORT reply (OF1.3) (xid=0x2): 0 ports\n" },
	{ "queue stats request 1.0", 2,
	  "011000140000000200050000fffc0000ffffffff",
	  "OFPST_QUEUE request (xid=0x2): port=ANY queue=ALL\n" },
	{ "queue stats request 1.0 port", 2,
	  "0110001400000002000500000003000000000002",
	  "OFPST_QUEUE request (xid=0x2): port=3 queue=2\n" },
	{ "queue stats request 1.3", 2,
	  "04120018000000020005000000000000ffffffff00000005",
	  "OFPST_QUEUE request (OF1.3) (xid=0x2): port=ANY queue=5\n" },
	{ "queue stats request 1.3 bad port", 2,
	  "04120018000000020005000000000000ff00000000000005",
	  "OFPST_QUEUE request (OF1.3) (xid=0x2): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  04 12 00 18 00 00 00 02-00 05 00 00 00 00 00 00 |................|\n"
	  "00000010  ff 00 00 00 00 00 00 05-                        |........        |\n" },
	{ "queue stats reply 1.0", 1,
	  "0111004c00000002000500000001000000000002000000000000006400000000"
	  "0000000a00000000000000010001000000000002000000000000006400000000"
	  "0000000a0000000000000001",
	  "OFPST_QUEUE reply (xid=0x2): 2 queues\n"
	  "  port 1 queue 2: bytes=100, pkts=10, errors=1, duration=?\n"
	  "  port 1 queue 2: bytes=100, pkts=10, errors=1, duration=?\n" },
	{ "queue stats reply 1.0", 2,
	  "0111004c00000002000500000001000000000002000000000000006400000000"
	  "0000000a00000000000000010001000000000002000000000000006400000000"
	  "0000000a0000000000000001",
	  "OFPST_QUEUE reply (xid=0x2): 2 queues\n"
	  "  port 1 queue 2: bytes=100, pkts=10, errors=1, duration=?\n"
	  "  port 1 queue 2: bytes=100, pkts=10, errors=1, duration=?\n" },
	{ "queue stats reply 1.1", 2,
	  "02130030000000020005000000000000fffffffeffffffff0000000000000064"
	  "000000000000000affffffffffffffff",
	  "OFPST_QUEUE reply (OF1.1) (xid=0x2): 1 queues\n"
	  "  port LOCAL queue ALL: bytes=100, pkts=10, errors=?, duration=?\n" },
	{ "queue stats reply 1.3", 2,
	  "0413006000000002000500000000000000000004000000070000000000000005"
	  "00000000000000060000000000000007000000030ee6b2800000000400000008"
	  "000000000000000500000000000000060000000000000007ffffffff00000000",
	  "OFPST_QUEUE reply (OF1.3) (xid=0x2): 2 queues\n"
	  "  port 4 queue 7: bytes=5, pkts=6, errors=7, duration=3.250s\n"
	  "  port 4 queue 8: bytes=5, pkts=6, errors=7, duration=?\n" },
	{ "queue stats reply 1.4", 2,
	  "0513004000000002000500000000000000300000000000000000000400000007"
	  "000000000000000500000000000000060000000000000007000000030ee6b280",
	  "OFPST_QUEUE reply (OF1.4) (xid=0x2): 1 queues\n"
	  "  port 4 queue 7: bytes=5, pkts=6, errors=7, duration=3.250s\n" },
	{ "queue stats reply 1.4 props", 2,
	  "0513004800000002000500000000000000380000000000000000000400000007"
	  "000000000000000500000000000000060000000000000007000000030ee6b280"
	  "ffff000800000000",
	  "OFPST_QUEUE reply (OF1.4) (xid=0x2): 1 queues\n"
	  "  port 4 queue 7: bytes=5, pkts=6, errors=7, duration=3.250s\n" },
	{ "queue stats reply 1.4 bad length", 2,
	  "0513004000000002000500000000000000280000000000000000000400000007"
	  "000000000000000500000000000000060000000000000007000000030ee6b280",
	  "OFPST_QUEUE reply (OF1.4) (xid=0x2): 0 queues\n"
	  "***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  05 13 00 40 00 00 00 02-00 05 00 00 00 00 00 00 |...@............|\n"
	  "00000010  00 28 00 00 00 00 00 00-00 00 00 04 00 00 00 07 |.(..............|\n"
	  "00000020  00 00 00 00 00 00 00 05-00 00 00 00 00 00 00 06 |................|\n"
	  "00000030  00 00 00 00 00 00 00 07-00 00 00 03 0e e6 b2 80 |................|\n" },
	{ "meter mod add", 2,
	  "041d002000000001000000010000000100010010000003e80000000000000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ADD meter=1 kbps bands=\n"
	  "type=drop rate=1000\n" },
	{ "meter mod add burst", 2,
	  "041d0030000000010000000d0000000200010010000003e80000003200000000"
	  "00020010000007d00000003c03000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ADD meter=2 kbps burst stats bands=\n"
	  "type=drop rate=1000 burst_size=50\n"
	  "type=dscp_remark rate=2000 burst_size=60 prec_level=3\n" },
	{ "meter mod modify pktps", 2,
	  "041d00200000000100010002ffff000000020010000000050000000001000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): MOD meter=4294901760 pktps bands=\n"
	  "type=dscp_remark rate=5 prec_level=1\n" },
	{ "meter mod delete", 2,
	  "041d0010000000010002000000000007",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): DEL meter=7 bands=\n" },
	{ "meter mod delete junk", 2,
	  "041d0013000000010002000300000007010203",
	  "***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 1d 00 13 00 00 00 01-00 02 00 03 00 00 00 07 |................|\n"
	  "00000010  01 02 03                                        |...             |\n" },
	{ "meter mod bad command", 2,
	  "041d0010000000010003000100000001",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ***decode error: OFPMMFC_BAD_COMMAND***\n"
	  "00000000  04 1d 00 10 00 00 00 01-00 03 00 01 00 00 00 01 |................|\n" },
	{ "meter mod bad flags", 2,
	  "041d002000000001000000030000000100010010000000010000000000000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ***decode error: OFPMMFC_BAD_FLAGS***\n"
	  "00000000  04 1d 00 20 00 00 00 01-00 00 00 03 00 00 00 01 |... ............|\n"
	  "00000010  00 01 00 10 00 00 00 01-00 00 00 00 00 00 00 00 |................|\n" },
	{ "meter mod unknown flag", 2,
	  "041d002000000001000000210000000100010010000000010000000000000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ADD meter=1 kbps flags:0x20 bands=\n"
	  "type=drop rate=1\n" },
	{ "meter mod no bands", 2,
	  "041d0010000000010000000100000001",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ADD meter=1 kbps bands=\n" },
	{ "meter mod bad band type", 2,
	  "041d0020000000010000000100000001ffff0010000000010000000000000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ***decode error: OFPMMFC_BAD_BAND***\n"
	  "00000000  04 1d 00 20 00 00 00 01-00 00 00 01 00 00 00 01 |... ............|\n"
	  "00000010  ff ff 00 10 00 00 00 01-00 00 00 00 00 00 00 00 |................|\n" },
	{ "meter mod bad band len", 2,
	  "041d002800000001000000010000000100010018000000010000000000000000"
	  "0000000000000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 1d 00 28 00 00 00 01-00 00 00 01 00 00 00 01 |...(............|\n"
	  "00000010  00 01 00 18 00 00 00 01-00 00 00 00 00 00 00 00 |................|\n"
	  "00000020  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "meter mod trailing", 2,
	  "041d002800000001000000010000000100010010000000010000000000000000"
	  "0000000000000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 1d 00 28 00 00 00 01-00 00 00 01 00 00 00 01 |...(............|\n"
	  "00000010  00 01 00 10 00 00 00 01-00 00 00 00 00 00 00 00 |................|\n"
	  "00000020  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "meter mod reserved id", 2,
	  "041d00200000000100000001fffffffd00010010000000010000000000000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): ADD meter=slowpath kbps bands=\n"
	  "type=drop rate=1\n" },
	{ "meter mod controller", 2,
	  "041d00200000000100010001fffffffe00010010000000010000000000000000",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): MOD meter=controller kbps bands=\n"
	  "type=drop rate=1\n" },
	{ "meter mod all", 2,
	  "041d00100000000100020000ffffffff",
	  "OFPT_METER_MOD (OF1.3) (xid=0x1): DEL meter=all bands=\n" },
	{ "meter mod 1.5", 2,
	  "061d0020000000010000000400000009000100100000000a0000001400000000",
	  "OFPT_METER_MOD (OF1.5) (xid=0x1): ADD meter=9 burst bands=\n"
	  "type=drop rate=10 burst_size=20\n" },
	{ "meter stats request", 2,
	  "041200180000000200090000000000000000000100000000",
	  "OFPST_METER request (OF1.3) (xid=0x2): meter=1\n" },
	{ "meter stats request all", 2,
	  "04120018000000020009000000000000ffffffff00000000",
	  "OFPST_METER request (OF1.3) (xid=0x2): meter=all\n" },
	{ "meter config request", 2,
	  "0512001800000002000a000000000000fffffff000000000",
	  "OFPST_METER_CONFIG request (OF1.4) (xid=0x2): meter=unknown\n" },
	{ "meter features request", 2,
	  "0412001000000002000b000000000000",
	  "OFPST_METER_FEATURES request (OF1.3) (xid=0x2):\n" },
	{ "meter config reply", 2,
	  "0413005000000002000a000000000000001800010000000100010010000003e8"
	  "0000000000000000002800060000000200020010000000050000000907000000"
	  "00010010000000030000000400000000",
	  "OFPST_METER_CONFIG reply (OF1.3) (xid=0x2):\n"
	  "meter=1 kbps bands=\n"
	  "type=drop rate=1000\n"
	  "\n"
	  "meter=2 pktps burst bands=\n"
	  "type=dscp_remark rate=5 burst_size=9 prec_level=7\n"
	  "type=drop rate=3 burst_size=4\n" },
	{ "meter config reply empty bands", 2,
	  "0413001800000002000a0000000000000008000800000003",
	  "OFPST_METER_CONFIG reply (OF1.3) (xid=0x2):\n"
	  "meter=3 stats bands=\n" },
	{ "meter config reply bad len", 2,
	  "0413003000000002000a00000000000000180001000000010001001000000001"
	  "00000000000000000004000100000002",
	  "OFPST_METER_CONFIG reply (OF1.3) (xid=0x2):\n"
	  "meter=1 kbps bands=\n"
	  "type=drop rate=1\n"
	  "***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 13 00 30 00 00 00 02-00 0a 00 00 00 00 00 00 |...0............|\n"
	  "00000010  00 18 00 01 00 00 00 01-00 01 00 10 00 00 00 01 |................|\n"
	  "00000020  00 00 00 00 00 00 00 00-00 04 00 01 00 00 00 02 |................|\n" },
	{ "meter config reply bad band", 2,
	  "0413002800000002000a00000000000000180001000000010003001000000001"
	  "0000000000000000",
	  "OFPST_METER_CONFIG reply (OF1.3) (xid=0x2): ***decode error: OFPMMFC_BAD_BAND***\n"
	  "00000000  04 13 00 28 00 00 00 02-00 0a 00 00 00 00 00 00 |...(............|\n"
	  "00000010  00 18 00 01 00 00 00 01-00 03 00 10 00 00 00 01 |................|\n"
	  "00000020  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "meter stats reply", 2,
	  "0413008000000002000900000000000000000001004800000000000000000003"
	  "000000000000006400000000000007d000000004000013880000000000000001"
	  "000000000000000200000000000000030000000000000004fffffffe00280000"
	  "0000000000000003000000000000006400000000000007d00000000400001388",
	  "OFPST_METER reply (OF1.3) (xid=0x2):\n"
	  "meter:1 flow_count:3 packet_in_count:100 byte_in_count:2000 duration:4.000005s bands:\n"
	  "0: packet_count:1 byte_count:2\n"
	  "1: packet_count:3 byte_count:4\n"
	  "\n"
	  "meter:controller flow_count:3 packet_in_count:100 byte_in_count:2000 duration:4.000005s bands:\n" },
	{ "meter stats reply bad len", 2,
	  "0413005000000002000900000000000000000001003000000000000000000003"
	  "000000000000006400000000000007d000000004000013880000000000000001"
	  "00000000000000020000000000000000",
	  "OFPST_METER reply (OF1.3) (xid=0x2): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 13 00 50 00 00 00 02-00 09 00 00 00 00 00 00 |...P............|\n"
	  "00000010  00 00 00 01 00 30 00 00-00 00 00 00 00 00 00 03 |.....0..........|\n"
	  "00000020  00 00 00 00 00 00 00 64-00 00 00 00 00 00 07 d0 |.......d........|\n"
	  "00000030  00 00 00 04 00 00 13 88-00 00 00 00 00 00 00 01 |................|\n"
	  "00000040  00 00 00 00 00 00 00 02-00 00 00 00 00 00 00 00 |................|\n" },
	{ "meter stats reply short", 2,
	  "0413003800000002000900000000000000000001002000000000000000000003"
	  "000000000000006400000000000007d00000000400001388",
	  "OFPST_METER reply (OF1.3) (xid=0x2): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 13 00 38 00 00 00 02-00 09 00 00 00 00 00 00 |...8............|\n"
	  "00000010  00 00 00 01 00 20 00 00-00 00 00 00 00 00 00 03 |..... ..........|\n"
	  "00000020  00 00 00 00 00 00 00 64-00 00 00 00 00 00 07 d0 |.......d........|\n"
	  "00000030  00 00 00 04 00 00 13 88-                        |........        |\n" },
	{ "meter features reply", 2,
	  "0413002000000002000b00000000000000010000000000060000000f02000000",
	  "OFPST_METER_FEATURES reply (OF1.3) (xid=0x2):\n"
	  "max_meter:65536 max_bands:2 max_color:0\n"
	  "band_types: drop dscp_remark\n"
	  "capabilities: kbps pktps burst stats\n" },
	{ "meter features reply odd", 2,
	  "0413002000000002000b000000000000000000010000000000000031ff070000",
	  "OFPST_METER_FEATURES reply (OF1.3) (xid=0x2):\n"
	  "max_meter:1 max_bands:255 max_color:7\n"
	  "band_types: 0\n"
	  "capabilities: kbps 0x30\n" },
	{ "meter features reply unknown types", 2,
	  "0413002000000002000b00000000000000000001800000030000000001010000",
	  "OFPST_METER_FEATURES reply (OF1.3) (xid=0x2):\n"
	  "max_meter:1 max_bands:1 max_color:1\n"
	  "band_types: drop 0x80000001\n"
	  "capabilities: 0\n" },
	{ "port mod 1.0", 2,
	  "010f002000000001000300505400000100000001000000010000000000000000",
	  "OFPT_PORT_MOD (xid=0x1): port: 3: addr:00:50:54:00:00:01\n"
	  "     config: PORT_DOWN\n"
	  "     mask:   PORT_DOWN\n"
	  "     advertise: UNCHANGED\n" },
	{ "port mod 1.0 all bits", 2,
	  "010f002000000001fffe005054000001ffffffff0000007f00000fff00000000",
	  "OFPT_PORT_MOD (xid=0x1): port: LOCAL: addr:00:50:54:00:00:01\n"
	  "     config: PORT_DOWN NO_STP NO_RECV NO_RECV_STP NO_FLOOD NO_FWD NO_PACKET_IN\n"
	  "     mask:   PORT_DOWN NO_STP NO_RECV NO_RECV_STP NO_FLOOD NO_FWD NO_PACKET_IN\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-HD 1GB-FD 10GB-FD COPPER FIBER AUTO_NEG AUTO_PAUSE AUTO_PAUSE_ASYM\n" },
	{ "port mod 1.0 config outside mask", 2,
	  "010f00200000000100010050540000010000007f000000050000008000000000",
	  "OFPT_PORT_MOD (xid=0x1): port: 1: addr:00:50:54:00:00:01\n"
	  "     config: PORT_DOWN NO_RECV\n"
	  "     mask:   PORT_DOWN NO_RECV\n"
	  "     advertise: COPPER\n" },
	{ "port mod 1.1", 2,
	  "02100028000000010000000700000000005054000001000000000065ffffffff"
	  "0000002f00000000",
	  "OFPT_PORT_MOD (OF1.1) (xid=0x1): port: 7: addr:00:50:54:00:00:01\n"
	  "     config: PORT_DOWN NO_RECV NO_FWD NO_PACKET_IN\n"
	  "     mask:   PORT_DOWN NO_RECV NO_FWD NO_PACKET_IN\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-FD\n" },
	{ "port mod 1.3 local", 2,
	  "0410002800000001fffffffe0000000000505400000100000000000100000021"
	  "0000ffff00000000",
	  "OFPT_PORT_MOD (OF1.3) (xid=0x1): port: LOCAL: addr:00:50:54:00:00:01\n"
	  "     config: PORT_DOWN\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-HD 1GB-FD 10GB-FD 40GB-FD 100GB-FD 1TB-FD OTHER COPPER FIBER AUTO_NEG AUTO_PAUSE AUTO_PAUSE_ASYM\n" },
	{ "port mod 1.3 reserved", 2,
	  "0410002800000001ffffff000000000000505400000100000000000000000000"
	  "0000000000000000",
	  "OFPT_PORT_MOD (OF1.3) (xid=0x1): port: 65280: addr:00:50:54:00:00:01\n"
	  "     config: 0\n"
	  "     mask:   0\n"
	  "     advertise: UNCHANGED\n" },
	{ "port mod 1.3 bad port", 2,
	  "0410002800000001ffff00000000000000505400000100000000000000000000"
	  "0000000000000000",
	  "OFPT_PORT_MOD (OF1.3) (xid=0x1): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  04 10 00 28 00 00 00 01-ff ff 00 00 00 00 00 00 |...(............|\n"
	  "00000010  00 50 54 00 00 01 00 00-00 00 00 00 00 00 00 00 |.PT.............|\n"
	  "00000020  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "port mod 1.4 eth", 1,
	  "051000280000000100000003000000000a0b0c0d0e0f00000000002000000021"
	  "000000080000002f",
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: NO_FWD\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-FD\n" },
	{ "port mod 1.4 eth", 2,
	  "051000280000000100000003000000000a0b0c0d0e0f00000000002000000021"
	  "000000080000002f",
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: NO_FWD\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-FD\n" },
	{ "port mod 1.4 eth", 5,
	  "051000280000000100000003000000000a0b0c0d0e0f00000000002000000021"
	  "000000080000002f",
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: NO_FWD\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-FD\n"
	  "00000000  05 10 00 28 00 00 00 01-00 00 00 03 00 00 00 00 |...(............|\n"
	  "00000010  0a 0b 0c 0d 0e 0f 00 00-00 00 00 20 00 00 00 21 |........... ...!|\n"
	  "00000020  00 00 00 08 00 00 00 2f-                        |......./        |\n" },
	{ "port mod 1.4 no props", 2,
	  "051000200000000100000003000000000a0b0c0d0e0f00000000002000000021",
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: NO_FWD\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: UNCHANGED\n" },
	{ "port mod 1.5 optical", 2,
	  "061000380000000100000003000000000a0b0c0d0e0f00000000002000000021"
	  "000100180000000100000002000000030000000400000005",
	  "OFPT_PORT_MOD (OF1.5) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: NO_FWD\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: UNCHANGED\n" },
	{ "port mod 1.4 eth bad len", 2,
	  "051000300000000100000003000000000a0b0c0d0e0f00000000000000000000"
	  "0000000c0000002f0000000000000000",
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  05 10 00 30 00 00 00 01-00 00 00 03 00 00 00 00 |...0............|\n"
	  "00000010  0a 0b 0c 0d 0e 0f 00 00-00 00 00 00 00 00 00 00 |................|\n"
	  "00000020  00 00 00 0c 00 00 00 2f-00 00 00 00 00 00 00 00 |......./........|\n" },
	{ "port mod 1.4 experimenter", 2,
	  "051000300000000100000003000000000a0b0c0d0e0f00000000000000000000"
	  "ffff000c000023200000000100000000",
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: 0\n"
	  "     mask:   0\n"
	  "     advertise: UNCHANGED\n" },
	{ "port mod 1.4 zero experimenter", 2,
	  "051000300000000100000003000000000a0b0c0d0e0f00000000000000000000"
	  "ffff000c000000000000000100000000",
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_EXPERIMENTER***\n"
	  "00000000  05 10 00 30 00 00 00 01-00 00 00 03 00 00 00 00 |...0............|\n"
	  "00000010  0a 0b 0c 0d 0e 0f 00 00-00 00 00 00 00 00 00 00 |................|\n"
	  "00000020  ff ff 00 0c 00 00 00 00-00 00 00 01 00 00 00 00 |................|\n" },
	{ "port mod 1.4 short prop", 2,
	  "051000280000000100000003000000000a0b0c0d0e0f00000000000000000000"
	  "0000000200000000",
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  05 10 00 28 00 00 00 01-00 00 00 03 00 00 00 00 |...(............|\n"
	  "00000010  0a 0b 0c 0d 0e 0f 00 00-00 00 00 00 00 00 00 00 |................|\n"
	  "00000020  00 00 00 02 00 00 00 00-                        |........        |\n" },
	{ "port mod 1.4 prop past end", 2,
	  "051000280000000100000003000000000a0b0c0d0e0f00000000000000000000"
	  "0000001000000000",
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  05 10 00 28 00 00 00 01-00 00 00 03 00 00 00 00 |...(............|\n"
	  "00000010  0a 0b 0c 0d 0e 0f 00 00-00 00 00 00 00 00 00 00 |................|\n"
	  "00000020  00 00 00 10 00 00 00 00-                        |........        |\n" },
	{ "table mod 1.1 config 0", 2,
	  "02110010000000010100000000000000",
	  "OFPT_TABLE_MOD (OF1.1) (xid=0x1): table_id=1, flow_miss_config=controller\n" },
	{ "table mod 1.1 config 1", 2,
	  "02110010000000010100000000000001",
	  "OFPT_TABLE_MOD (OF1.1) (xid=0x1): table_id=1, flow_miss_config=continue\n" },
	{ "table mod 1.1 config 2", 2,
	  "02110010000000010100000000000002",
	  "OFPT_TABLE_MOD (OF1.1) (xid=0x1): table_id=1, flow_miss_config=drop\n" },
	{ "table mod 1.1 config 3", 2,
	  "02110010000000010100000000000003",
	  "OFPT_TABLE_MOD (OF1.1) (xid=0x1): table_id=1, flow_miss_config=controller\n" },
	{ "table mod 1.2 all", 2,
	  "0311001000000001ff00000000000001",
	  "OFPT_TABLE_MOD (OF1.2) (xid=0x1): table_id: ALL_TABLES, flow_miss_config=continue\n" },
	{ "table mod 1.3", 2,
	  "04110010000000010300000000000003",
	  "OFPT_TABLE_MOD (OF1.3) (xid=0x1): table_id=3\n" },
	{ "table mod 1.3 all", 2,
	  "0411001000000001ff00000000000000",
	  "OFPT_TABLE_MOD (OF1.3) (xid=0x1): table_id: ALL_TABLES\n" },
	{ "table mod 1.4 off", 2,
	  "0511001000000001ff00000000000000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): table_id: ALL_TABLES, eviction=off, vacancy=off\n" },
	{ "table mod 1.4 evict", 2,
	  "05110010000000010200000000000004",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): table_id=2, eviction=on, vacancy=off\n" },
	{ "table mod 1.4 vacancy", 2,
	  "05110018000000010200000000000008000300080a140000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): table_id=2, eviction=off, vacancy=on vacancy:10,20\n" },
	{ "table mod 1.5 both", 2,
	  "0611001800000001fe0000000000000c0003000800640000",
	  "OFPT_TABLE_MOD (OF1.5) (xid=0x1): table_id=254, eviction=on, vacancy=on vacancy:0,100\n" },
	{ "table mod 1.4 vacancy no events", 2,
	  "05110018000000010200000000000000000300080a140000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): table_id=2, eviction=off, vacancy=off\n" },
	{ "table mod 1.4 vacancy bad order", 2,
	  "05110018000000010200000000000008000300081e140000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_VALUE***\n"
	  "00000000  05 11 00 18 00 00 00 01-02 00 00 00 00 00 00 08 |................|\n"
	  "00000010  00 03 00 08 1e 14 00 00-                        |........        |\n" },
	{ "table mod 1.4 vacancy over 100", 2,
	  "05110018000000010200000000000008000300081e650000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_VALUE***\n"
	  "00000000  05 11 00 18 00 00 00 01-02 00 00 00 00 00 00 08 |................|\n"
	  "00000010  00 03 00 08 1e 65 00 00-                        |.....e..        |\n" },
	{ "table mod 1.4 vacancy nonzero", 2,
	  "051100180000000102000000000000080003000801020300",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_VALUE***\n"
	  "00000000  05 11 00 18 00 00 00 01-02 00 00 00 00 00 00 08 |................|\n"
	  "00000010  00 03 00 08 01 02 03 00-                        |........        |\n" },
	{ "table mod 1.4 vacancy bad len", 2,
	  "051100200000000102000000000000080003000c010200000000000000000000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  05 11 00 20 00 00 00 01-02 00 00 00 00 00 00 08 |... ............|\n"
	  "00000010  00 03 00 0c 01 02 00 00-00 00 00 00 00 00 00 00 |................|\n" },
	{ "table mod 1.4 eviction flags 0", 2,
	  "051100180000000101000000000000040002000800000000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): table_id=1, vacancy=off\n" },
	{ "table mod 1.4 eviction flags 1", 2,
	  "051100180000000101000000000000040002000800000001",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): table_id=1, eviction=on, vacancy=off\n" },
	{ "table mod 1.4 eviction flags 2", 2,
	  "051100180000000101000000000000040002000800000002",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): table_id=1, eviction=off, vacancy=off\n" },
	{ "table mod 1.4 eviction flags 3", 2,
	  "051100180000000101000000000000040002000800000003",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): table_id=1, eviction=***error***, vacancy=off\n" },
	{ "table mod 1.4 eviction flags 80000000", 2,
	  "051100180000000101000000000000040002000880000000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): table_id=1, eviction=***error***, vacancy=off\n" },
	{ "table mod 1.4 eviction bad len", 2,
	  "051100200000000101000000000000000002000c000000010000000000000000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  05 11 00 20 00 00 00 01-01 00 00 00 00 00 00 00 |... ............|\n"
	  "00000010  00 02 00 0c 00 00 00 01-00 00 00 00 00 00 00 00 |................|\n" },
	{ "table mod 1.4 unknown prop", 2,
	  "051100180000000101000000000000000009000800000000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): ***decode error: OFPBRC_BAD_TYPE***\n"
	  "00000000  05 11 00 18 00 00 00 01-01 00 00 00 00 00 00 00 |................|\n"
	  "00000010  00 09 00 08 00 00 00 00-                        |........        |\n" },
	{ "table mod 1.4 experimenter prop", 2,
	  "05110020000000010100000000000000ffff000c000023200000000000000000",
	  "OFPT_TABLE_MOD (OF1.4) (xid=0x1): ***decode error: OFPBRC_BAD_TYPE***\n"
	  "00000000  05 11 00 20 00 00 00 01-01 00 00 00 00 00 00 00 |... ............|\n"
	  "00000010  ff ff 00 0c 00 00 23 20-00 00 00 00 00 00 00 00 |......# ........|\n" },
	{ "table mod 1.4 trailing", 2,
	  "0511001400000001010000000000000000030008",
	  "***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  05 11 00 14 00 00 00 01-01 00 00 00 00 00 00 00 |................|\n"
	  "00000010  00 03 00 08                                     |....            |\n" },
	{ "group stats request 1.0", 2,
	  "0110002000000002ffff0000000023200000000700000000fffffffc00000000",
	  "NXST_GROUP request (xid=0x2): group_id=ALL\n" },
	{ "group stats request 1.1", 2,
	  "02120018000000020006000000000000ffffffff00000000",
	  "OFPST_GROUP request (OF1.1) (xid=0x2): group_id=ANY\n" },
	{ "group stats request 1.3", 2,
	  "041200180000000200060000000000000000000500000000",
	  "OFPST_GROUP request (OF1.3) (xid=0x2): group_id=5\n" },
	{ "group stats reply 1.0", 2,
	  "0111005000000002ffff00000000232000000007000000000038000000000001"
	  "00000002000000000000000000000064000000000000177000000003004c4b40"
	  "00000000000000010000000000000002",
	  "NXST_GROUP reply (xid=0x2):\n"
	  " group_id=1,duration=3.005s,ref_count=2,packet_count=100,byte_count=6000,bucket0:packet_count=1,byte_count=2\n" },
	{ "group stats reply 1.1", 2,
	  "0213007000000002000600000000000000400000fffffffc0000000200000000"
	  "0000000000000064000000000000177000000000000000010000000000000002"
	  "0000000000000003000000000000000400200000000000090000000200000000"
	  "00000000000000640000000000001770",
	  "OFPST_GROUP reply (OF1.1) (xid=0x2):\n"
	  " group_id=4294967292,ref_count=2,packet_count=100,byte_count=6000,bucket0:packet_count=1,byte_count=2,bucket1:packet_count=3,byte_count=4\n"
	  " group_id=9,ref_count=2,packet_count=100,byte_count=6000\n" },
	{ "group stats reply 1.2", 2,
	  "0313004000000002000600000000000000300000000000070000000200000000"
	  "0000000000000064000000000000177000000000000000050000000000000006",
	  "OFPST_GROUP reply (OF1.2) (xid=0x2):\n"
	  " group_id=7,ref_count=2,packet_count=100,byte_count=6000,bucket0:packet_count=5,byte_count=6\n" },
	{ "group stats reply 1.3", 2,
	  "0413009000000002000600000000000000580000000000070000000200000000"
	  "0000000000000064000000000000177000000003004c4b400000000000000005"
	  "0000000000000006ffffffffffffffff00000000000000010000000000000007"
	  "0000000000000008002800000000000800000002000000000000000000000064"
	  "0000000000001770ffffffff00000000",
	  "OFPST_GROUP reply (OF1.3) (xid=0x2):\n"
	  " group_id=7,duration=3.005s,ref_count=2,packet_count=100,byte_count=6000,bucket0:packet_count=5,byte_count=6,bucket2:packet_count=7,byte_count=8\n"
	  " group_id=8,ref_count=2,packet_count=100,byte_count=6000\n" },
	{ "group stats reply 1.5", 2,
	  "0613003800000002000600000000000000280000000000010000000200000000"
	  "000000000000006400000000000017700000000100000001",
	  "OFPST_GROUP reply (OF1.5) (xid=0x2):\n"
	  " group_id=1,duration=1.000000001s,ref_count=2,packet_count=100,byte_count=6000\n" },
	{ "group stats reply 1.3 short length", 2,
	  "0413005800000002000600000000000000180000000000070000000200000000"
	  "0000000000000064000000000000177000000003004c4b400000000000000005"
	  "000000000000000600000000000000000000000000000000",
	  "OFPST_GROUP reply (OF1.3) (xid=0x2): ***parse error***\n"
	  "***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 13 00 58 00 00 00 02-00 06 00 00 00 00 00 00 |...X............|\n"
	  "00000010  00 18 00 00 00 00 00 07-00 00 00 02 00 00 00 00 |................|\n"
	  "00000020  00 00 00 00 00 00 00 64-00 00 00 00 00 00 17 70 |.......d.......p|\n"
	  "00000030  00 00 00 03 00 4c 4b 40-00 00 00 00 00 00 00 05 |.....LK@........|\n"
	  "00000040  00 00 00 00 00 00 00 06-00 00 00 00 00 00 00 00 |................|\n"
	  "00000050  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "group stats reply 1.3 long length", 2,
	  "0413004800000002000600000000000000480000000000070000000200000000"
	  "0000000000000064000000000000177000000003004c4b400000000000000005"
	  "0000000000000006",
	  "OFPST_GROUP reply (OF1.3) (xid=0x2): ***parse error***\n"
	  "***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 13 00 48 00 00 00 02-00 06 00 00 00 00 00 00 |...H............|\n"
	  "00000010  00 48 00 00 00 00 00 07-00 00 00 02 00 00 00 00 |.H..............|\n"
	  "00000020  00 00 00 00 00 00 00 64-00 00 00 00 00 00 17 70 |.......d.......p|\n"
	  "00000030  00 00 00 03 00 4c 4b 40-00 00 00 00 00 00 00 05 |.....LK@........|\n"
	  "00000040  00 00 00 00 00 00 00 06-                        |........        |\n" },
	{ "aggregate reply 1.0", 2,
	  "0111002400000002000200000000000000000005000000000000025800000003"
	  "00000000",
	  "OFPST_AGGREGATE reply (xid=0x2): packet_count=5 byte_count=600 flow_count=3\n" },
	{ "aggregate reply 1.0 nicira", 2,
	  "0111003000000002ffff00000000232000000001000000000000000000000005"
	  "00000000000002580000000300000000",
	  "NXST_AGGREGATE reply (xid=0x2): packet_count=5 byte_count=600 flow_count=3\n" },
	{ "aggregate reply 1.3", 2,
	  "0413002800000002000200000000000000000000000000050000000000000258"
	  "0000000300000000",
	  "OFPST_AGGREGATE reply (OF1.3) (xid=0x2): packet_count=5 byte_count=600 flow_count=3\n" },
	{ "aggregate reply 1.5", 2,
	  "0613003800000002000200000000000000000024800206040000000780020808"
	  "000000000000000580020a08000000000000006400000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=5 byte_count=100 flow_count=7\n" },
	{ "aggregate reply 1.5 order", 2,
	  "061300380000000200020000000000000000002480020a080000000000000064"
	  "800208080000000000000005800206040000000700000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=5 byte_count=100 flow_count=7\n" },
	{ "aggregate reply 1.5 partial", 2,
	  "0613002000000002000200000000000000000010800208080000000000000005",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=5 byte_count=18446744073709551615 flow_count=4294967295\n" },
	{ "aggregate reply 1.5 empty", 2,
	  "061300180000000200020000000000000000000400000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=18446744073709551615 byte_count=18446744073709551615 flow_count=4294967295\n" },
	{ "aggregate reply 1.5 duration idle", 2,
	  "0613003800000002000200000000000000000024800200080000000100000002"
	  "800202080000000500000000800206040000000100000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=18446744073709551615 byte_count=18446744073709551615 flow_count=1\n" },
	{ "aggregate reply 1.5 unknown field", 2,
	  "0613002800000002000200000000000000000018800212080000000000000005"
	  "8002060400000001",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=18446744073709551615 byte_count=18446744073709551615 flow_count=1\n" },
	{ "aggregate reply 1.5 wrong length", 2,
	  "061300300000000200020000000000000000001c800206080000000000000005"
	  "80020808000000000000000200000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=2 byte_count=18446744073709551615 flow_count=4294967295\n" },
	{ "aggregate reply 1.5 masked", 2,
	  "0613002800000002000200000000000000000018800209080000000000000005"
	  "8002060400000002",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=18446744073709551615 byte_count=18446744073709551615 flow_count=2\n" },
	{ "aggregate reply 1.5 other class", 2,
	  "0613002800000002000200000000000000000018800008080000000000000005"
	  "8002060400000002",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=18446744073709551615 byte_count=18446744073709551615 flow_count=2\n" },
	{ "aggregate reply 1.5 experimenter", 2,
	  "061300300000000200020000000000000000001cffff080c0000232001010101"
	  "01010101800206040000000200000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=18446744073709551615 byte_count=18446744073709551615 flow_count=2\n" },
	{ "aggregate reply 1.5 short experimenter", 2,
	  "061300200000000200020000000000000000000affff08020000000000000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  06 13 00 20 00 00 00 02-00 02 00 00 00 00 00 00 |... ............|\n"
	  "00000010  00 00 00 0a ff ff 08 02-00 00 00 00 00 00 00 00 |................|\n" },
	{ "aggregate reply 1.5 entry past end", 2,
	  "061300200000000200020000000000000000000a800208080000000000000005",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  06 13 00 20 00 00 00 02-00 02 00 00 00 00 00 00 |... ............|\n"
	  "00000010  00 00 00 0a 80 02 08 08-00 00 00 00 00 00 00 05 |................|\n" },
	{ "aggregate reply 1.5 length short", 2,
	  "061300180000000200020000000000000000000200000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  06 13 00 18 00 00 00 02-00 02 00 00 00 00 00 00 |................|\n"
	  "00000010  00 00 00 02 00 00 00 00-                        |........        |\n" },
	{ "aggregate reply 1.5 length long", 2,
	  "061300180000000200020000000000000000001080020604",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  06 13 00 18 00 00 00 02-00 02 00 00 00 00 00 00 |................|\n"
	  "00000010  00 00 00 10 80 02 06 04-                        |........        |\n" },
	{ "aggregate reply 1.5 reserved", 2,
	  "061300200000000200020000000000000009000c800206040000000700000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=18446744073709551615 byte_count=18446744073709551615 flow_count=7\n" },
	{ "aggregate reply 1.5 trailing", 2,
	  "061300280000000200020000000000000000000c800206040000000700000000"
	  "0000000000000000",
	  "OFPST_AGGREGATE reply (OF1.5) (xid=0x2): packet_count=18446744073709551615 byte_count=18446744073709551615 flow_count=7\n" },
	{ "flow removed 1.0", 1,
	  "010b0058000000010038204f0000000000000000000000000000000000000800"
	  "0006000000000000000000000000005000000000000001238000000000000005"
	  "1dcd6500003c0000000000000000000a00000000000003e8",
	  "OFPT_FLOW_REMOVED (xid=0x1): tcp,tp_dst=80 reason=idle cookie:0x123 duration5.500s idle60 pkts10 bytes1000\n" },
	{ "flow removed 1.0", 2,
	  "010b0058000000010038204f0000000000000000000000000000000000000800"
	  "0006000000000000000000000000005000000000000001238000000000000005"
	  "1dcd6500003c0000000000000000000a00000000000003e8",
	  "OFPT_FLOW_REMOVED (xid=0x1): tcp,tp_dst=80 reason=idle cookie:0x123 duration5.500s idle60 pkts10 bytes1000\n" },
	{ "flow removed 1.0", 5,
	  "010b0058000000010038204f0000000000000000000000000000000000000800"
	  "0006000000000000000000000000005000000000000001238000000000000005"
	  "1dcd6500003c0000000000000000000a00000000000003e8",
	  "OFPT_FLOW_REMOVED (xid=0x1): tcp,tp_dst=80 reason=idle cookie:0x123 duration5.500s idle60 pkts10 bytes1000\n"
	  "00000000  01 0b 00 58 00 00 00 01-00 38 20 4f 00 00 00 00 |...X.....8 O....|\n"
	  "00000010  00 00 00 00 00 00 00 00-00 00 00 00 00 00 08 00 |................|\n"
	  "00000020  00 06 00 00 00 00 00 00-00 00 00 00 00 00 00 50 |...............P|\n"
	  "00000030  00 00 00 00 00 00 01 23-80 00 00 00 00 00 00 05 |.......#........|\n"
	  "00000040  1d cd 65 00 00 3c 00 00-00 00 00 00 00 00 00 0a |..e..<..........|\n"
	  "00000050  00 00 00 00 00 00 03 e8-                        |........        |\n" },
	{ "flow removed 1.0 catchall", 2,
	  "010b005800000001003fffff0000000000000000000000000000000000000000"
	  "0000000000000000000000000000000000000000000000008000010000000005"
	  "1dcd6500003c0000000000000000000a00000000000003e8",
	  "OFPT_FLOW_REMOVED (xid=0x1):  reason=hard duration5.500s idle60 pkts10 bytes1000\n" },
	{ "flow removed 1.0 catchall prio", 2,
	  "010b005800000001003fffff0000000000000000000000000000000000000000"
	  "0000000000000000000000000000000000000000000000000007020000000005"
	  "1dcd6500003c0000000000000000000a00000000000003e8",
	  "OFPT_FLOW_REMOVED (xid=0x1): priority=7 reason=delete duration5.500s idle60 pkts10 bytes1000\n" },
	{ "flow removed 1.0 reason 9", 2,
	  "010b0058000000010038204f0000000000000000000000000000000000000800"
	  "0006000000000000000000000000005000000000000000000001090000000005"
	  "1dcd6500003c0000000000000000000a00000000000003e8",
	  "OFPT_FLOW_REMOVED (xid=0x1): priority=1,tcp,tp_dst=80 reason=9 duration5.500s idle60 pkts10 bytes1000\n" },
	{ "flow removed 1.1", 2,
	  "020b008800000001fedcba98765432100064020300000005000003e8003c0000"
	  "000000000000000a00000000000003e800000058000000000000035700000000"
	  "0000ffffffffffff000000000000ffffffffffff000000000800000600000000"
	  "ffffffff00000000ffffffff0000005000000000000000000000000000000000"
	  "ffffffffffffffff",
	  "OFPT_FLOW_REMOVED (OF1.1) (xid=0x1): priority=100,tcp,tp_dst=80 reason=delete table_id=3 cookie:0xfedcba9876543210 duration5.000001s idle60 pkts10 bytes1000\n" },
	{ "flow removed 1.2 oxm", 2,
	  "030b00480000000100000000000000000064030000000005000003e8003c001e"
	  "000000000000000a00000000000003e80001001580000a020800800014010680"
	  "001c020050000000",
	  "OFPT_FLOW_REMOVED (OF1.2) (xid=0x1): priority=100,tcp,tp_dst=80 reason=group_delete table_id=0 duration5.000001s idle60 hard30 pkts10 bytes1000\n" },
	{ "flow removed 1.3 oxm", 2,
	  "040b0040000000010000000000000000800004fe00000005000003e8003c0000"
	  "000000000000000a00000000000003e80001000c800000040000000100000000",
	  "OFPT_FLOW_REMOVED (OF1.3) (xid=0x1): in_port=1 reason=meter_delete table_id=254 duration5.000001s idle60 pkts10 bytes1000\n" },
	{ "flow removed 1.4 eviction", 2,
	  "050b0038000000010000000000000000000005ff00000005000003e8003c0000"
	  "000000000000000a00000000000003e80001000400000000",
	  "OFPT_FLOW_REMOVED (OF1.4) (xid=0x1): priority=0 reason=eviction duration5.000001s idle60 pkts10 bytes1000\n" },
	{ "flow removed 1.3 standard match", 2,
	  "040b00880000000100000000000000000005000100000005000003e8003c0000"
	  "000000000000000a00000000000003e800000058000000000000035700000000"
	  "0000ffffffffffff000000000000ffffffffffff000000000800000600000000"
	  "ffffffff00000000ffffffff0000005000000000000000000000000000000000"
	  "ffffffffffffffff",
	  "OFPT_FLOW_REMOVED (OF1.3) (xid=0x1): priority=5,tcp,tp_dst=80 reason=idle table_id=1 duration5.000001s idle60 pkts10 bytes1000\n" },
	{ "flow removed 1.3 bad match type", 2,
	  "040b00380000000100000000000000000005000100000005000003e8003c0000"
	  "000000000000000a00000000000003e80002000400000000",
	  "OFPT_FLOW_REMOVED (OF1.3) (xid=0x1): ***decode error: OFPBMC_BAD_TYPE***\n"
	  "00000000  04 0b 00 38 00 00 00 01-00 00 00 00 00 00 00 00 |...8............|\n"
	  "00000010  00 05 00 01 00 00 00 05-00 00 03 e8 00 3c 00 00 |.............<..|\n"
	  "00000020  00 00 00 00 00 00 00 0a-00 00 00 00 00 00 03 e8 |................|\n"
	  "00000030  00 02 00 04 00 00 00 00-                        |........        |\n" },
	{ "flow removed 1.3 short standard", 2,
	  "040b00800000000100000000000000000005000100000005000003e8003c0000"
	  "000000000000000a00000000000003e800000050000000000000035700000000"
	  "0000ffffffffffff000000000000ffffffffffff000000000800000600000000"
	  "ffffffff00000000ffffffff0000005000000000000000000000000000000000",
	  "OFPT_FLOW_REMOVED (OF1.3) (xid=0x1): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  04 0b 00 80 00 00 00 01-00 00 00 00 00 00 00 00 |................|\n"
	  "00000010  00 05 00 01 00 00 00 05-00 00 03 e8 00 3c 00 00 |.............<..|\n"
	  "00000020  00 00 00 00 00 00 00 0a-00 00 00 00 00 00 03 e8 |................|\n"
	  "00000030  00 00 00 50 00 00 00 00-00 00 03 57 00 00 00 00 |...P.......W....|\n"
	  "00000040  00 00 ff ff ff ff ff ff-00 00 00 00 00 00 ff ff |................|\n"
	  "00000050  ff ff ff ff 00 00 00 00-08 00 00 06 00 00 00 00 |................|\n"
	  "00000060  ff ff ff ff 00 00 00 00-ff ff ff ff 00 00 00 50 |...............P|\n"
	  "00000070  00 00 00 00 00 00 00 00-00 00 00 00 00 00 00 00 |................|\n" },
	{ "flow removed 1.3 trailing", 2,
	  "040b00480000000100000000000000000005000100000005000003e8003c0000"
	  "000000000000000a00000000000003e80001000c800000040000000100000000"
	  "0000000000000000",
	  "OFPT_FLOW_REMOVED (OF1.3) (xid=0x1): priority=5,in_port=1 reason=idle table_id=1 duration5.000001s idle60 pkts10 bytes1000\n" },
	{ "flow removed nxt", 2,
	  "0104005000000001000023200000000e00000000000000558000000000000005"
	  "00000000003c0011000000000000000a00000000000003e80000060208000000"
	  "0c010600001402005000000000000000",
	  "NXT_FLOW_REMOVED (xid=0x1): tcp,tp_dst=80 reason=idle cookie:0x55 duration5s idle60 pkts10 bytes1000\n" },
	{ "flow removed nxt table", 2,
	  "0404005000000001000023200000000e00000000000000000009010300000005"
	  "00000000003c0011000000000000000a00000000000003e80000060208000000"
	  "0c010600001402005000000000000000",
	  "NXT_FLOW_REMOVED (OF1.3) (xid=0x1): priority=9,tcp,tp_dst=80 reason=hard table_id=2 duration5s idle60 pkts10 bytes1000\n" },
	{ "flow removed nxt empty", 2,
	  "0104003800000001000023200000000e0000000000000000800002ff00000005"
	  "00000000003c0000000000000000000a00000000000003e8",
	  "NXT_FLOW_REMOVED (xid=0x1):  reason=delete table_id=254 duration5s idle60 pkts10 bytes1000\n" },
	{ "flow removed nxt match_len past end", 2,
	  "0104005000000001000023200000000e00000000000000000001000000000005"
	  "00000000003c0028000000000000000a00000000000003e80000060208000000"
	  "0c010600001402005000000000000000",
	  "NXT_FLOW_REMOVED (xid=0x1): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  01 04 00 50 00 00 00 01-00 00 23 20 00 00 00 0e |...P......# ....|\n"
	  "00000010  00 00 00 00 00 00 00 00-00 01 00 00 00 00 00 05 |................|\n"
	  "00000020  00 00 00 00 00 3c 00 28-00 00 00 00 00 00 00 0a |.....<.(........|\n"
	  "00000030  00 00 00 00 00 00 03 e8-00 00 06 02 08 00 00 00 |................|\n"
	  "00000040  0c 01 06 00 00 14 02 00-50 00 00 00 00 00 00 00 |........P.......|\n" },
	{ "flow removed nxt trailing", 2,
	  "0104005800000001000023200000000e00000000000000000001000000000005"
	  "00000000003c0011000000000000000a00000000000003e80000060208000000"
	  "0c0106000014020050000000000000000000000000000000",
	  "NXT_FLOW_REMOVED (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  01 04 00 58 00 00 00 01-00 00 23 20 00 00 00 0e |...X......# ....|\n"
	  "00000010  00 00 00 00 00 00 00 00-00 01 00 00 00 00 00 05 |................|\n"
	  "00000020  00 00 00 00 00 3c 00 11-00 00 00 00 00 00 00 0a |.....<..........|\n"
	  "00000030  00 00 00 00 00 00 03 e8-00 00 06 02 08 00 00 00 |................|\n"
	  "00000040  0c 01 06 00 00 14 02 00-50 00 00 00 00 00 00 00 |........P.......|\n"
	  "00000050  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "flow removed 1.5", 2,
	  "060b0058000000010400000c003c007800000000000000000001001580000a02"
	  "0800800014010680001c0200500000000000002880020008000000050ee6b280"
	  "80020808000000000000000a80020a0800000000000003e8",
	  "OFPT_FLOW_REMOVED (OF1.5) (xid=0x1): priority=12,tcp,tp_dst=80 reason=idle table_id=4 duration5.250s idle60 hard120 pkts10 bytes1000\n" },
	{ "flow removed 1.5 partial stats", 2,
	  "060b003800000001ff028000003c007800000000000000000001000c80000004"
	  "00000001000000000000001080020808000000000000000a",
	  "OFPT_FLOW_REMOVED (OF1.5) (xid=0x1): in_port=1 reason=delete duration4294967295.4294967295s idle60 hard120 pkts10 bytes18446744073709551615\n" },
	{ "flow removed 1.5 no stats", 2,
	  "060b00280000000100028000003c007800000000000000000001000c80000004"
	  "0000000100000000",
	  "OFPT_FLOW_REMOVED (OF1.5) (xid=0x1): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  06 0b 00 28 00 00 00 01-00 02 80 00 00 3c 00 78 |...(.........<.x|\n"
	  "00000010  00 00 00 00 00 00 00 00-00 01 00 0c 80 00 00 04 |................|\n"
	  "00000020  00 00 00 01 00 00 00 00-                        |........        |\n" },
	{ "flow removed 1.5 bad stats", 2,
	  "060b00300000000100028000003c007800000000000000000001000c80000004"
	  "00000001000000000000002800000000",
	  "OFPT_FLOW_REMOVED (OF1.5) (xid=0x1): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  06 0b 00 30 00 00 00 01-00 02 80 00 00 3c 00 78 |...0.........<.x|\n"
	  "00000010  00 00 00 00 00 00 00 00-00 01 00 0c 80 00 00 04 |................|\n"
	  "00000020  00 00 00 01 00 00 00 00-00 00 00 28 00 00 00 00 |...........(....|\n" },
	{ "bundle ctrl 1.4 type 0", 2,
	  "05210010000000010000001000000000",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x10 type=OPEN_REQUEST flags=0\n" },
	{ "bundle ctrl 1.4 type 1", 2,
	  "05210010000000010000001100010001",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x11 type=OPEN_REPLY flags=atomic\n" },
	{ "bundle ctrl 1.4 type 2", 2,
	  "05210010000000010000001200020002",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x12 type=CLOSE_REQUEST flags=ordered\n" },
	{ "bundle ctrl 1.4 type 3", 2,
	  "05210010000000010000001300030003",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x13 type=CLOSE_REPLY flags=atomic ordered\n" },
	{ "bundle ctrl 1.4 type 4", 2,
	  "05210010000000010000001400040000",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x14 type=COMMIT_REQUEST flags=0\n" },
	{ "bundle ctrl 1.4 type 5", 2,
	  "05210010000000010000001500050001",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x15 type=COMMIT_REPLY flags=atomic\n" },
	{ "bundle ctrl 1.4 type 6", 2,
	  "05210010000000010000001600060002",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x16 type=DISCARD_REQUEST flags=ordered\n" },
	{ "bundle ctrl 1.4 type 7", 2,
	  "05210010000000010000001700070003",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x17 type=DISCARD_REPLY flags=atomic ordered\n" },
	{ "bundle ctrl 1.4 type 8", 2,
	  "05210010000000010000001800080000",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x18 type= flags=0\n" },
	{ "bundle ctrl 1.3 onf", 2,
	  "04040018000000014f4e4600000008fc0000000100000003",
	  "ONFT_BUNDLE_CONTROL (OF1.3) (xid=0x1):\n"
	  " bundle_id=0x1 type=OPEN_REQUEST flags=atomic ordered\n" },
	{ "bundle ctrl 1.5 flags", 2,
	  "0621001000000001ffffffff00048001",
	  "OFPT_BUNDLE_CONTROL (OF1.5) (xid=0x1):\n"
	  " bundle_id=0xffffffff type=COMMIT_REQUEST flags=atomic 0x8000\n" },
	{ "bundle ctrl 1.4 props", 2,
	  "05210018000000010000000700020001ffff000800002320",
	  "OFPT_BUNDLE_CONTROL (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x7 type=CLOSE_REQUEST flags=atomic\n" },
	{ "bundle add 1.4 port mod", 1,
	  "0522003800000001000000010000000105100028000000010000000300000000"
	  "0a0b0c0d0e0f00000000002000000021000000080000002f",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x1 flags=atomic\n"
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: NO_FWD\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-FD\n" },
	{ "bundle add 1.4 port mod", 2,
	  "0522003800000001000000010000000105100028000000010000000300000000"
	  "0a0b0c0d0e0f00000000002000000021000000080000002f",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x1 flags=atomic\n"
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: NO_FWD\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-FD\n" },
	{ "bundle add 1.4 port mod", 5,
	  "0522003800000001000000010000000105100028000000010000000300000000"
	  "0a0b0c0d0e0f00000000002000000021000000080000002f",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x1 flags=atomic\n"
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: NO_FWD\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-FD\n"
	  "00000000  05 10 00 28 00 00 00 01-00 00 00 03 00 00 00 00 |...(............|\n"
	  "00000010  0a 0b 0c 0d 0e 0f 00 00-00 00 00 20 00 00 00 21 |........... ...!|\n"
	  "00000020  00 00 00 08 00 00 00 2f-                        |......./        |\n"
	  "00000000  05 22 00 38 00 00 00 01-00 00 00 01 00 00 00 01 |.\".8............|\n"
	  "00000010  05 10 00 28 00 00 00 01-00 00 00 03 00 00 00 00 |...(............|\n"
	  "00000020  0a 0b 0c 0d 0e 0f 00 00-00 00 00 20 00 00 00 21 |........... ...!|\n"
	  "00000030  00 00 00 08 00 00 00 2f-                        |......./        |\n" },
	{ "bundle add 1.3 port mod", 2,
	  "04040040000000014f4e4600000008fd00000002000000030410002800000001"
	  "0000000700000000005054000001000000000001000000010000000000000000",
	  "ONFT_BUNDLE_ADD_MESSAGE (OF1.3) (xid=0x1):\n"
	  " bundle_id=0x2 flags=atomic ordered\n"
	  "OFPT_PORT_MOD (OF1.3) (xid=0x1): port: 7: addr:00:50:54:00:00:01\n"
	  "     config: PORT_DOWN\n"
	  "     mask:   PORT_DOWN\n"
	  "     advertise: UNCHANGED\n" },
	{ "bundle add 1.4 props", 2,
	  "0522004000000001000000030000000005100028000000010000000300000000"
	  "0a0b0c0d0e0f00000000002000000021000000080000002fffff000800002320",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x3 flags=0\n"
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): port: 3: addr:0a:0b:0c:0d:0e:0f\n"
	  "     config: NO_FWD\n"
	  "     mask:   PORT_DOWN NO_FWD\n"
	  "     advertise: 10MB-HD 10MB-FD 100MB-HD 100MB-FD 1GB-FD\n" },
	{ "bundle add 1.4 not bundlable", 2,
	  "052200180000000100000004000000000514000800000001",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1): ***decode error: OFPBFC_MSG_UNSUP***\n"
	  "00000000  05 22 00 18 00 00 00 01-00 00 00 04 00 00 00 00 |.\"..............|\n"
	  "00000010  05 14 00 08 00 00 00 01-                        |........        |\n" },
	{ "bundle add 1.4 bad version", 2,
	  "0522003800000001000000040000000004100028000000010000000700000000"
	  "005054000001000000000001000000010000000000000000",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1): ***decode error: OFPBFC_BAD_VERSION***\n"
	  "00000000  05 22 00 38 00 00 00 01-00 00 00 04 00 00 00 00 |.\".8............|\n"
	  "00000010  04 10 00 28 00 00 00 01-00 00 00 07 00 00 00 00 |...(............|\n"
	  "00000020  00 50 54 00 00 01 00 00-00 00 00 01 00 00 00 01 |.PT.............|\n"
	  "00000030  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "bundle add 1.4 bad xid", 2,
	  "0522003000000009000000040000000005100020000000010000000300000000"
	  "0a0b0c0d0e0f00000000000000000000",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x9): ***decode error: OFPBFC_MSG_BAD_XID***\n"
	  "00000000  05 22 00 30 00 00 00 09-00 00 00 04 00 00 00 00 |.\".0............|\n"
	  "00000010  05 10 00 20 00 00 00 01-00 00 00 03 00 00 00 00 |... ............|\n"
	  "00000020  0a 0b 0c 0d 0e 0f 00 00-00 00 00 00 00 00 00 00 |................|\n" },
	{ "bundle add 1.4 short", 2,
	  "05220016000000010000000400000000051000280000",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1): ***decode error: OFPBFC_MSG_BAD_LEN***\n"
	  "00000000  05 22 00 16 00 00 00 01-00 00 00 04 00 00 00 00 |.\"..............|\n"
	  "00000010  05 10 00 28 00 00                               |...(..          |\n" },
	{ "bundle add 1.4 inner too long", 2,
	  "0522003800000001000000040000000005100080000000010000000300000000"
	  "0a0b0c0d0e0f00000000002000000021000000080000002f",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1): ***decode error: OFPBFC_MSG_BAD_LEN***\n"
	  "00000000  05 22 00 38 00 00 00 01-00 00 00 04 00 00 00 00 |.\".8............|\n"
	  "00000010  05 10 00 80 00 00 00 01-00 00 00 03 00 00 00 00 |................|\n"
	  "00000020  0a 0b 0c 0d 0e 0f 00 00-00 00 00 20 00 00 00 21 |........... ...!|\n"
	  "00000030  00 00 00 08 00 00 00 2f-                        |......./        |\n" },
	{ "bundle add 1.4 inner too short", 2,
	  "0522003800000001000000040000000005100004000000010000000300000000"
	  "0a0b0c0d0e0f00000000002000000021000000080000002f",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1): ***decode error: OFPBFC_MSG_BAD_LEN***\n"
	  "00000000  05 22 00 38 00 00 00 01-00 00 00 04 00 00 00 00 |.\".8............|\n"
	  "00000010  05 10 00 04 00 00 00 01-00 00 00 03 00 00 00 00 |................|\n"
	  "00000020  0a 0b 0c 0d 0e 0f 00 00-00 00 00 20 00 00 00 21 |........... ...!|\n"
	  "00000030  00 00 00 08 00 00 00 2f-                        |......./        |\n" },
	{ "bundle add 1.4 inner bad", 2,
	  "0522002000000001000000040000000005100010000000010000000000000000",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1): ***decode error: OFPBFC_MSG_UNSUP***\n"
	  "00000000  05 22 00 20 00 00 00 01-00 00 00 04 00 00 00 00 |.\". ............|\n"
	  "00000010  05 10 00 10 00 00 00 01-00 00 00 00 00 00 00 00 |................|\n" },
	{ "bundle add 1.4 inner error", 2,
	  "052200300000000100000004000000000510002000000001ffff000000000000"
	  "0a0b0c0d0e0f00000000000000000000",
	  "OFPT_BUNDLE_ADD_MESSAGE (OF1.4) (xid=0x1):\n"
	  " bundle_id=0x4 flags=0\n"
	  "OFPT_PORT_MOD (OF1.4) (xid=0x1): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  05 10 00 20 00 00 00 01-ff ff 00 00 00 00 00 00 |... ............|\n"
	  "00000010  0a 0b 0c 0d 0e 0f 00 00-00 00 00 00 00 00 00 00 |................|\n" },
	{ "queue config request 1.0", 2,
	  "0114000c0000000100030000",
	  "OFPT_QUEUE_GET_CONFIG_REQUEST (xid=0x1): port=3\n" },
	{ "queue config request 1.0 any", 2,
	  "0114000c00000001ffff0000",
	  "OFPT_QUEUE_GET_CONFIG_REQUEST (xid=0x1): ***decode error: OFPQOFC_BAD_PORT***\n"
	  "00000000  01 14 00 0c 00 00 00 01-ff ff 00 00             |............    |\n" },
	{ "queue config request 1.0 local", 2,
	  "0114000c00000001fffe0000",
	  "OFPT_QUEUE_GET_CONFIG_REQUEST (xid=0x1): ***decode error: OFPQOFC_BAD_PORT***\n"
	  "00000000  01 14 00 0c 00 00 00 01-ff fe 00 00             |............    |\n" },
	{ "queue config request 1.1", 2,
	  "02160010000000010000000500000000",
	  "OFPT_QUEUE_GET_CONFIG_REQUEST (OF1.1) (xid=0x1): port=5\n" },
	{ "queue config request 1.3 any", 2,
	  "0416001000000001ffffffff00000000",
	  "OFPT_QUEUE_GET_CONFIG_REQUEST (OF1.3) (xid=0x1): port=ANY\n" },
	{ "queue config request 1.3 local", 2,
	  "0416001000000001fffffffe00000000",
	  "OFPT_QUEUE_GET_CONFIG_REQUEST (OF1.3) (xid=0x1): ***decode error: OFPQOFC_BAD_PORT***\n"
	  "00000000  04 16 00 10 00 00 00 01-ff ff ff fe 00 00 00 00 |................|\n" },
	{ "queue config request 1.3 bad", 2,
	  "0416001000000001ff00000000000000",
	  "OFPT_QUEUE_GET_CONFIG_REQUEST (OF1.3) (xid=0x1): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  04 16 00 10 00 00 00 01-ff 00 00 00 00 00 00 00 |................|\n" },
	{ "queue config reply 1.0", 2,
	  "0115004800000001000300000000000000000002001800000001001000000000"
	  "01f40000000000000000000100180000000100100000000003e9000000000000"
	  "0000000000080000",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (xid=0x1): port=3\n"
	  "queue 0:\n"
	  "queue 1: min_rate:(disabled)\n"
	  "queue 2: min_rate:50.0%\n" },
	{ "queue config reply 1.0 empty", 2,
	  "01150010000000010003000000000000",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (xid=0x1):\n" },
	{ "queue config reply 1.1", 2,
	  "0217003800000001fffffffe0000000000000007002800000001001000000000"
	  "03e800000000000000090010000000000003000000000000",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (OF1.1) (xid=0x1): port=LOCAL\n"
	  "queue 7: min_rate:100.0%\n" },
	{ "queue config reply 1.2", 2,
	  "0317006000000001000000010000000000000001000000010030000000000000"
	  "00010010000000000005000000000000000200100000000003e7000000000000"
	  "000000000000000100200000000000000002001000000000ffff000000000000",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (OF1.2) (xid=0x1): port=1\n"
	  "queue 0:\n"
	  "queue 1: min_rate:0.5% max_rate:99.9%\n" },
	{ "queue config reply 1.3", 2,
	  "0417004000000001000000020000000000000003000000020020000000000000"
	  "0002001000000000000100000000000000000004000000020010000000000000",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (OF1.3) (xid=0x1): port=2\n"
	  "queue 3: max_rate:0.1%\n"
	  "queue 4:\n" },
	{ "queue config reply 1.3 bad prop len", 2,
	  "0417003000000001000000020000000000000003000000020020000000000000"
	  "00010010000000000001000800000000",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (OF1.3) (xid=0x1): port=2\n"
	  "queue 3: min_rate:0.1%\n" },
	{ "queue config reply 1.3 rate len", 2,
	  "0417003800000001000000020000000000000003000000020028000000000000"
	  "000100180000000000050000000000000000000000000000",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (OF1.3) (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 17 00 38 00 00 00 01-00 00 00 02 00 00 00 00 |...8............|\n"
	  "00000010  00 00 00 03 00 00 00 02-00 28 00 00 00 00 00 00 |.........(......|\n"
	  "00000020  00 01 00 18 00 00 00 00-00 05 00 00 00 00 00 00 |................|\n"
	  "00000030  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "queue config reply 1.3 bad queue len", 2,
	  "0417004800000001000000020000000000000003000000020020000000000000"
	  "0001001000000000000100000000000000000004000000020014000000000000"
	  "0000000000000000",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (OF1.3) (xid=0x1): port=2\n"
	  "queue 3: min_rate:0.1%\n"
	  "***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 17 00 48 00 00 00 01-00 00 00 02 00 00 00 00 |...H............|\n"
	  "00000010  00 00 00 03 00 00 00 02-00 20 00 00 00 00 00 00 |......... ......|\n"
	  "00000020  00 01 00 10 00 00 00 00-00 01 00 00 00 00 00 00 |................|\n"
	  "00000030  00 00 00 04 00 00 00 02-00 14 00 00 00 00 00 00 |................|\n"
	  "00000040  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "queue config reply 1.3 bad port", 2,
	  "0417002000000001ff0000000000000000000003000000020010000000000000",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (OF1.3) (xid=0x1): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  04 17 00 20 00 00 00 01-ff 00 00 00 00 00 00 00 |... ............|\n"
	  "00000010  00 00 00 03 00 00 00 02-00 10 00 00 00 00 00 00 |................|\n" },
	{ "queue config reply 1.3 short", 2,
	  "041700180000000100000002000000000000000300000002",
	  "OFPT_QUEUE_GET_CONFIG_REPLY (OF1.3) (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 17 00 18 00 00 00 01-00 00 00 02 00 00 00 00 |................|\n"
	  "00000010  00 00 00 03 00 00 00 02-                        |........        |\n" },
	{ "packet in 1.0 tcp", 2,
	  "010a004800000001ffffffff0036000300005054000000025054000000010800"
	  "4500002800010000400600000a0000010a00000204d200500000000100000000"
	  "5002200012340000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=54 in_port=3 (via no_match) data_len=54 (unbuffered)\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "packet in 1.0 udp", 2,
	  "010a004000000001ffffffff002e000300005054000000025054000000010800"
	  "45b9002000010000011100000a0000010a000002003514e9000cabcd78787878",
	  "OFPT_PACKET_IN (xid=0x1): total_len=46 in_port=3 (via no_match) data_len=46 (unbuffered)\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=184,nw_ecn=1,nw_ttl=1,nw_frag=no,tp_src=53,tp_dst=5353 udp_csum:abcd\n" },
	{ "packet in 1.0 icmp", 2,
	  "010a003c00000001ffffffff002a000300005054000000025054000000010800"
	  "4500001c00010000400100000a0000010a0000020800f7ff00000000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=42 in_port=3 (via no_match) data_len=42 (unbuffered)\n"
	  "icmp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,icmp_type=8,icmp_code=0 icmp_csum:f7ff\n" },
	{ "packet in 1.0 vlan", 2,
	  "010a004c00000001ffffffff003a000300005054000000025054000000018100"
	  "200508004500002800010000400600000a0000010a0000020001000200000001"
	  "000000005012200012340000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=58 in_port=3 (via no_match) data_len=58 (unbuffered)\n"
	  "tcp,dl_vlan=5,dl_vlan_pcp=1,vlan_tci1=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1,tp_dst=2,tcp_flags=syn|ack tcp_csum:1234\n" },
	{ "packet in 1.0 arp", 2,
	  "010a003c00000001ffffffff002a00030000ffffffffffff5054000000010806"
	  "00010800060400015054000000010a0000010000000000000a000002",
	  "OFPT_PACKET_IN (xid=0x1): total_len=42 in_port=3 (via no_match) data_len=42 (unbuffered)\n"
	  "arp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=ff:ff:ff:ff:ff:ff,arp_spa=10.0.0.1,arp_tpa=10.0.0.2,arp_op=1,arp_sha=50:54:00:00:00:01,arp_tha=00:00:00:00:00:00\n" },
	{ "packet in 1.0 ipv6 tcp", 2,
	  "010a005c00000001ffffffff004a0003000050540000000250540000000186dd"
	  "6000000500140640fe800000000000000000000000000001fe80000000000000"
	  "000000000000000200160d0500000001000000005018200012340000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=74 in_port=3 (via no_match) data_len=74 (unbuffered)\n"
	  "tcp6,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,ipv6_src=fe80::1,ipv6_dst=fe80::2,ipv6_label=0x00005,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=22,tp_dst=3333,tcp_flags=psh|ack tcp_csum:1234\n" },
	{ "packet in 1.0 nd", 2,
	  "010a006800000001ffffffff00560003000050540000000250540000000186dd"
	  "6000000000203a40fe800000000000000000000000000001fe80000000000000"
	  "00000000000000028700111100000000fe800000000000000000000000000002"
	  "0101505400000001",
	  "OFPT_PACKET_IN (xid=0x1): total_len=86 in_port=3 (via no_match) data_len=86 (unbuffered)\n"
	  "icmp6,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,ipv6_src=fe80::1,ipv6_dst=fe80::2,ipv6_label=0x00000,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,icmp_type=135,icmp_code=0,nd_target=fe80::2,nd_sll=50:54:00:00:00:01,nd_tll=00:00:00:00:00:00 icmp6_csum:1111\n" },
	{ "packet in 1.0 first fragment", 2,
	  "010a004000000001ffffffff002e000300005054000000025054000000010800"
	  "4500002000012000401100000a0000010a00000200010002000cabcd78787878",
	  "OFPT_PACKET_IN (xid=0x1): total_len=46 in_port=3 (via no_match) data_len=46 (unbuffered)\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=first,tp_src=1,tp_dst=2 udp_csum:abcd\n" },
	{ "packet in 1.0 later fragment", 2,
	  "010a003c00000001ffffffff002a000300005054000000025054000000010800"
	  "4500001c00010010401100000a0000010a0000023132333435363738",
	  "OFPT_PACKET_IN (xid=0x1): total_len=42 in_port=3 (via no_match) data_len=42 (unbuffered)\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=later udp_csum:3738\n" },
	{ "packet in 1.0 lldp", 2,
	  "010a002900000001ffffffff00170003000050540000000250540000000188cc"
	  "6c6c64702064617461",
	  "OFPT_PACKET_IN (xid=0x1): total_len=23 in_port=3 (via no_match) data_len=23 (unbuffered)\n"
	  "vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,dl_type=0x88cc\n" },
	{ "packet in 1.0 short", 2,
	  "010a001e00000001ffffffff000c00030000505400000002505400000001",
	  "OFPT_PACKET_IN (xid=0x1): total_len=12 in_port=3 (via no_match) data_len=12 (unbuffered)\n"
	  "vlan_tci=0x0000,dl_src=00:00:00:00:00:00,dl_dst=00:00:00:00:00:00,dl_type=0x0000\n" },
	{ "packet in 1.0 short ip", 2,
	  "010a002c00000001ffffffff001a000300005054000000025054000000010800"
	  "450000140001000040060000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=26 in_port=3 (via no_match) data_len=26 (unbuffered)\n"
	  "ip,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=0.0.0.0,nw_dst=0.0.0.0,nw_proto=0,nw_tos=0,nw_ecn=0,nw_ttl=0,nw_frag=no\n" },
	{ "packet in 1.0 verbose", 1,
	  "010a004800000001000001000036000301005054000000025054000000010800"
	  "4500002800010000400600000a0000010a00000204d200500000000100000000"
	  "5002200012340000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=54 in_port=3 (via action) data_len=54 buffer=0x00000100\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "packet in 1.0 verbose", 2,
	  "010a004800000001000001000036000301005054000000025054000000010800"
	  "4500002800010000400600000a0000010a00000204d200500000000100000000"
	  "5002200012340000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=54 in_port=3 (via action) data_len=54 buffer=0x00000100\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "packet in 1.0 verbose", 3,
	  "010a004800000001000001000036000301005054000000025054000000010800"
	  "4500002800010000400600000a0000010a00000204d200500000000100000000"
	  "5002200012340000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=54 in_port=3 (via action) data_len=54 buffer=0x00000100\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n"
	  "00000000  50 54 00 00 00 02 50 54-00 00 00 01 08 00 45 00\n"
	  "00000010  00 28 00 01 00 00 40 06-00 00 0a 00 00 01 0a 00\n"
	  "00000020  00 02 04 d2 00 50 00 00-00 01 00 00 00 00 50 02\n"
	  "00000030  20 00 12 34 00 00\n" },
	{ "packet in 1.0 verbose", 5,
	  "010a004800000001000001000036000301005054000000025054000000010800"
	  "4500002800010000400600000a0000010a00000204d200500000000100000000"
	  "5002200012340000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=54 in_port=3 (via action) data_len=54 buffer=0x00000100\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n"
	  "00000000  50 54 00 00 00 02 50 54-00 00 00 01 08 00 45 00\n"
	  "00000010  00 28 00 01 00 00 40 06-00 00 0a 00 00 01 0a 00\n"
	  "00000020  00 02 04 d2 00 50 00 00-00 01 00 00 00 00 50 02\n"
	  "00000030  20 00 12 34 00 00\n"
	  "00000000  01 0a 00 48 00 00 00 01-00 00 01 00 00 36 00 03 |...H.........6..|\n"
	  "00000010  01 00 50 54 00 00 00 02-50 54 00 00 00 01 08 00 |..PT....PT......|\n"
	  "00000020  45 00 00 28 00 01 00 00-40 06 00 00 0a 00 00 01 |E..(....@.......|\n"
	  "00000030  0a 00 00 02 04 d2 00 50-00 00 00 01 00 00 00 00 |.......P........|\n"
	  "00000040  50 02 20 00 12 34 00 00-                        |P. ..4..        |\n" },
	{ "packet in 1.0 local", 2,
	  "010a004000000001ffffffff0064fffe02005054000000025054000000010800"
	  "45b9002000010000011100000a0000010a000002003514e9000cabcd78787878",
	  "OFPT_PACKET_IN (xid=0x1): total_len=100 in_port=LOCAL (via invalid_ttl) data_len=46 (unbuffered) (***total_len != data_len***)\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=184,nw_ecn=1,nw_ttl=1,nw_frag=no,tp_src=53,tp_dst=5353 udp_csum:abcd\n" },
	{ "packet in 1.0 buffered short total", 2,
	  "010a00400000000100000005000a000300005054000000025054000000010800"
	  "45b9002000010000011100000a0000010a000002003514e9000cabcd78787878",
	  "OFPT_PACKET_IN (xid=0x1): total_len=10 in_port=3 (via no_match) data_len=46 buffer=0x00000005 (***total_len < data_len***)\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=184,nw_ecn=1,nw_ttl=1,nw_frag=no,tp_src=53,tp_dst=5353 udp_csum:abcd\n" },
	{ "packet in 1.0 reason 6", 2,
	  "010a003c00000001ffffffff002a000306005054000000025054000000010800"
	  "4500001c00010000400100000a0000010a0000020800f7ff00000000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=42 in_port=3 (via ) data_len=42 (unbuffered)\n"
	  "icmp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,icmp_type=8,icmp_code=0 icmp_csum:f7ff\n" },
	{ "packet in 1.0 reason 9", 2,
	  "010a003c00000001ffffffff002a000309005054000000025054000000010800"
	  "4500001c00010000400100000a0000010a0000020800f7ff00000000",
	  "OFPT_PACKET_IN (xid=0x1): total_len=42 in_port=3 (via 9) data_len=42 (unbuffered)\n"
	  "icmp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,icmp_type=8,icmp_code=0 icmp_csum:f7ff\n" },
	{ "packet in 1.1", 2,
	  "020a004e00000001ffffffff0000000300000003003601025054000000025054"
	  "0000000108004500002800010000400600000a0000010a00000204d200500000"
	  "0001000000005002200012340000",
	  "OFPT_PACKET_IN (OF1.1) (xid=0x1): table_id=2 total_len=54 in_port=3 (via action) data_len=54 (unbuffered)\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "packet in 1.1 bad port", 2,
	  "020a004e00000001ffffffffffff0000ffff0000003601025054000000025054"
	  "0000000108004500002800010000400600000a0000010a00000204d200500000"
	  "0001000000005002200012340000",
	  "OFPT_PACKET_IN (OF1.1) (xid=0x1): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  02 0a 00 4e 00 00 00 01-ff ff ff ff ff ff 00 00 |...N............|\n"
	  "00000010  ff ff 00 00 00 36 01 02-50 54 00 00 00 02 50 54 |.....6..PT....PT|\n"
	  "00000020  00 00 00 01 08 00 45 00-00 28 00 01 00 00 40 06 |......E..(....@.|\n"
	  "00000030  00 00 0a 00 00 01 0a 00-00 02 04 d2 00 50 00 00 |.............P..|\n"
	  "00000040  00 01 00 00 00 00 50 02-20 00 12 34 00 00       |......P. ..4..  |\n" },
	{ "packet in 1.2", 2,
	  "030a005000000001ffffffff002e00070001000c800000040000000100000000"
	  "0000505400000002505400000001080045b9002000010000011100000a000001"
	  "0a000002003514e9000cabcd78787878",
	  "OFPT_PACKET_IN (OF1.2) (xid=0x1): table_id=7 total_len=46 in_port=1 (via no_match) data_len=46 (unbuffered)\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=184,nw_ecn=1,nw_ttl=1,nw_frag=no,tp_src=53,tp_dst=5353 udp_csum:abcd\n" },
	{ "packet in 1.3", 1,
	  "040a006800000001ffffffff0036010200000000000012340001001580000a02"
	  "0800800014010680001c02005000000000005054000000025054000000010800"
	  "4500002800010000400600000a0000010a00000204d200500000000100000000"
	  "5002200012340000",
	  "OFPT_PACKET_IN (OF1.3) (xid=0x1): table_id=2 cookie=0x1234 total_len=54 tcp,tp_dst=80 (via action) data_len=54 (unbuffered)\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "packet in 1.3", 2,
	  "040a006800000001ffffffff0036010200000000000012340001001580000a02"
	  "0800800014010680001c02005000000000005054000000025054000000010800"
	  "4500002800010000400600000a0000010a00000204d200500000000100000000"
	  "5002200012340000",
	  "OFPT_PACKET_IN (OF1.3) (xid=0x1): table_id=2 cookie=0x1234 total_len=54 tcp,tp_dst=80 (via action) data_len=54 (unbuffered)\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "packet in 1.3", 3,
	  "040a006800000001ffffffff0036010200000000000012340001001580000a02"
	  "0800800014010680001c02005000000000005054000000025054000000010800"
	  "4500002800010000400600000a0000010a00000204d200500000000100000000"
	  "5002200012340000",
	  "OFPT_PACKET_IN (OF1.3) (xid=0x1): table_id=2 cookie=0x1234 total_len=54 tcp,tp_dst=80 (via action) data_len=54 (unbuffered)\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n"
	  "00000000  50 54 00 00 00 02 50 54-00 00 00 01 08 00 45 00\n"
	  "00000010  00 28 00 01 00 00 40 06-00 00 0a 00 00 01 0a 00\n"
	  "00000020  00 02 04 d2 00 50 00 00-00 01 00 00 00 00 50 02\n"
	  "00000030  20 00 12 34 00 00\n" },
	{ "packet in 1.3 catchall", 2,
	  "040a004c00000001ffffffff002a0000ffffffffffffffff0001000400000000"
	  "0000ffffffffffff505400000001080600010800060400015054000000010a00"
	  "00010000000000000a000002",
	  "OFPT_PACKET_IN (OF1.3) (xid=0x1): total_len=42  (via no_match) data_len=42 (unbuffered)\n"
	  "arp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=ff:ff:ff:ff:ff:ff,arp_spa=10.0.0.1,arp_tpa=10.0.0.2,arp_op=1,arp_sha=50:54:00:00:00:01,arp_tha=00:00:00:00:00:00\n" },
	{ "packet in 1.4", 2,
	  "050a007400000001ffffffff004a030000000000000000000001000c80000004"
	  "0000000100000000000050540000000250540000000186dd6000000500140640"
	  "fe800000000000000000000000000001fe800000000000000000000000000002"
	  "00160d0500000001000000005018200012340000",
	  "OFPT_PACKET_IN (OF1.4) (xid=0x1): cookie=0x0 total_len=74 in_port=1 (via action_set) data_len=74 (unbuffered)\n"
	  "tcp6,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,ipv6_src=fe80::1,ipv6_dst=fe80::2,ipv6_label=0x00005,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=22,tp_dst=3333,tcp_flags=psh|ack tcp_csum:1234\n" },
	{ "packet in 1.5", 2,
	  "060a008000000001ffffffff00560500ffffffffffffffff0001000c80000004"
	  "0000000100000000000050540000000250540000000186dd6000000000203a40"
	  "fe800000000000000000000000000001fe800000000000000000000000000002"
	  "8700111100000000fe8000000000000000000000000000020101505400000001",
	  "OFPT_PACKET_IN (OF1.5) (xid=0x1): total_len=86 in_port=1 (via packet_out) data_len=86 (unbuffered)\n"
	  "icmp6,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,ipv6_src=fe80::1,ipv6_dst=fe80::2,ipv6_label=0x00000,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,icmp_type=135,icmp_code=0,nd_target=fe80::2,nd_sll=50:54:00:00:00:01,nd_tll=00:00:00:00:00:00 icmp6_csum:1111\n" },
	{ "packet in 1.3 no pad", 2,
	  "040a002900000001ffffffff0000000000000000000000000001000c80000004"
	  "000000010000000000",
	  "OFPT_PACKET_IN (OF1.3) (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  04 0a 00 29 00 00 00 01-ff ff ff ff 00 00 00 00 |...)............|\n"
	  "00000010  00 00 00 00 00 00 00 00-00 01 00 0c 80 00 00 04 |................|\n"
	  "00000020  00 00 00 01 00 00 00 00-00                      |.........       |\n" },
	{ "packet in 1.3 bad match", 2,
	  "040a006000000001ffffffff00360000ffffffffffffffff0001000c80000005"
	  "0000000100000000000050540000000250540000000108004500002800010000"
	  "400600000a0000010a00000204d2005000000001000000005002200012340000",
	  "OFPT_PACKET_IN (OF1.3) (xid=0x1): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  04 0a 00 60 00 00 00 01-ff ff ff ff 00 36 00 00 |...`.........6..|\n"
	  "00000010  ff ff ff ff ff ff ff ff-00 01 00 0c 80 00 00 05 |................|\n"
	  "00000020  00 00 00 01 00 00 00 00-00 00 50 54 00 00 00 02 |..........PT....|\n"
	  "00000030  50 54 00 00 00 01 08 00-45 00 00 28 00 01 00 00 |PT......E..(....|\n"
	  "00000040  40 06 00 00 0a 00 00 01-0a 00 00 02 04 d2 00 50 |@..............P|\n"
	  "00000050  00 00 00 01 00 00 00 00-50 02 20 00 12 34 00 00 |........P. ..4..|\n" },
	{ "packet in nxt", 2,
	  "01040078000000010000232000000011ffffffff003600010000000000000007"
	  "001100000000000000000602080000000c010600001402005000000000000000"
	  "000050540000000250540000000108004500002800010000400600000a000001"
	  "0a00000204d2005000000001000000005002200012340000",
	  "NXT_PACKET_IN (xid=0x1): table_id=1 cookie=0x7 total_len=54 tcp,tp_dst=80 (via no_match) data_len=54 (unbuffered)\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "packet in nxt empty match", 2,
	  "04040058000000010000232000000011ffffffff002e00000000000000000000"
	  "00000000000000000000505400000002505400000001080045b9002000010000"
	  "011100000a0000010a000002003514e9000cabcd78787878",
	  "NXT_PACKET_IN (OF1.3) (xid=0x1): cookie=0x0 total_len=46  (via no_match) data_len=46 (unbuffered)\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=184,nw_ecn=1,nw_ttl=1,nw_frag=no,tp_src=53,tp_dst=5353 udp_csum:abcd\n" },
	{ "packet in nxt bad match len", 2,
	  "01040028000000010000232000000011ffffffff000000000000000000000000"
	  "0040000000000000",
	  "NXT_PACKET_IN (xid=0x1): ***decode error: OFPBMC_BAD_LEN***\n"
	  "00000000  01 04 00 28 00 00 00 01-00 00 23 20 00 00 00 11 |...(......# ....|\n"
	  "00000010  ff ff ff ff 00 00 00 00-00 00 00 00 00 00 00 00 |................|\n"
	  "00000020  00 40 00 00 00 00 00 00-                        |.@......        |\n" },
	{ "packet in2", 2,
	  "0104008000000001000023200000001e0000003a505400000002505400000001"
	  "08004500002800010000400600000a0000010a00000204d20050000000010000"
	  "0000500220001234000000000000000000050005010000000003000504000000"
	  "00040010000000000000000000000abc0006000c800000040000000100000000",
	  "NXT_PACKET_IN2 (xid=0x1): table_id=4 cookie=0xabc total_len=54 in_port=1 (via action) data_len=54 (unbuffered)\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "packet in2 userdata", 1,
	  "0104006000000001000023200000001e00000032505400000002505400000001"
	  "080045b9002000010000011100000a0000010a000002003514e9000cabcd7878"
	  "7878000000000000000700070102ff0000010008000000c80002000800000009",
	  "NXT_PACKET_IN2 (xid=0x1): total_len=200  (via no_match) data_len=46 buffer=0x00000009\n"
	  " userdata=01.02.ff\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=184,nw_ecn=1,nw_ttl=1,nw_frag=no,tp_src=53,tp_dst=5353 udp_csum:abcd\n" },
	{ "packet in2 userdata", 2,
	  "0104006000000001000023200000001e00000032505400000002505400000001"
	  "080045b9002000010000011100000a0000010a000002003514e9000cabcd7878"
	  "7878000000000000000700070102ff0000010008000000c80002000800000009",
	  "NXT_PACKET_IN2 (xid=0x1): total_len=200  (via no_match) data_len=46 buffer=0x00000009\n"
	  " userdata=01.02.ff\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=184,nw_ecn=1,nw_ttl=1,nw_frag=no,tp_src=53,tp_dst=5353 udp_csum:abcd\n" },
	{ "packet in2 userdata", 3,
	  "0104006000000001000023200000001e00000032505400000002505400000001"
	  "080045b9002000010000011100000a0000010a000002003514e9000cabcd7878"
	  "7878000000000000000700070102ff0000010008000000c80002000800000009",
	  "NXT_PACKET_IN2 (xid=0x1): total_len=200  (via no_match) data_len=46 buffer=0x00000009\n"
	  " userdata=01.02.ff\n"
	  "udp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=184,nw_ecn=1,nw_ttl=1,nw_frag=no,tp_src=53,tp_dst=5353 udp_csum:abcd\n"
	  "00000000  50 54 00 00 00 02 50 54-00 00 00 01 08 00 45 b9\n"
	  "00000010  00 20 00 01 00 00 01 11-00 00 0a 00 00 01 0a 00\n"
	  "00000020  00 02 00 35 14 e9 00 0c-ab cd 78 78 78 78\n" },
	{ "packet in2 no packet", 2,
	  "0104001800000001000023200000001e0005000501000000",
	  "NXT_PACKET_IN2 (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  01 04 00 18 00 00 00 01-00 00 23 20 00 00 00 1e |..........# ....|\n"
	  "00000010  00 05 00 05 01 00 00 00-                        |........        |\n" },
	{ "packet in2 full len short", 2,
	  "0104005800000001000023200000001e0000003a505400000002505400000001"
	  "08004500002800010000400600000a0000010a00000204d20050000000010000"
	  "00005002200012340000000000000000000100080000000a",
	  "NXT_PACKET_IN2 (xid=0x1): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  01 04 00 58 00 00 00 01-00 00 23 20 00 00 00 1e |...X......# ....|\n"
	  "00000010  00 00 00 3a 50 54 00 00-00 02 50 54 00 00 00 01 |...:PT....PT....|\n"
	  "00000020  08 00 45 00 00 28 00 01-00 00 40 06 00 00 0a 00 |..E..(....@.....|\n"
	  "00000030  00 01 0a 00 00 02 04 d2-00 50 00 00 00 01 00 00 |.........P......|\n"
	  "00000040  00 00 50 02 20 00 12 34-00 00 00 00 00 00 00 00 |..P. ..4........|\n"
	  "00000050  00 01 00 08 00 00 00 0a-                        |........        |\n" },
	{ "packet in2 bad full len", 2,
	  "0104005800000001000023200000001e0000003a505400000002505400000001"
	  "08004500002800010000400600000a0000010a00000204d20050000000010000"
	  "0000500220001234000000000000000000010006000a0000",
	  "NXT_PACKET_IN2 (xid=0x1): ***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  01 04 00 58 00 00 00 01-00 00 23 20 00 00 00 1e |...X......# ....|\n"
	  "00000010  00 00 00 3a 50 54 00 00-00 02 50 54 00 00 00 01 |...:PT....PT....|\n"
	  "00000020  08 00 45 00 00 28 00 01-00 00 40 06 00 00 0a 00 |..E..(....@.....|\n"
	  "00000030  00 01 0a 00 00 02 04 d2-00 50 00 00 00 01 00 00 |.........P......|\n"
	  "00000040  00 00 50 02 20 00 12 34-00 00 00 00 00 00 00 00 |..P. ..4........|\n"
	  "00000050  00 01 00 06 00 0a 00 00-                        |........        |\n" },
	{ "packet in2 bad cookie", 2,
	  "0104006000000001000023200000001e0000003a505400000002505400000001"
	  "08004500002800010000400600000a0000010a00000204d20050000000010000"
	  "000050022000123400000000000000000004000c000000000000000100000000",
	  "NXT_PACKET_IN2 (xid=0x1): ***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  01 04 00 60 00 00 00 01-00 00 23 20 00 00 00 1e |...`......# ....|\n"
	  "00000010  00 00 00 3a 50 54 00 00-00 02 50 54 00 00 00 01 |...:PT....PT....|\n"
	  "00000020  08 00 45 00 00 28 00 01-00 00 40 06 00 00 0a 00 |..E..(....@.....|\n"
	  "00000030  00 01 0a 00 00 02 04 d2-00 50 00 00 00 01 00 00 |.........P......|\n"
	  "00000040  00 00 50 02 20 00 12 34-00 00 00 00 00 00 00 00 |..P. ..4........|\n"
	  "00000050  00 04 00 0c 00 00 00 00-00 00 00 01 00 00 00 00 |................|\n" },
	{ "packet in2 unknown prop", 2,
	  "0104005800000001000023200000001e0000003a505400000002505400000001"
	  "08004500002800010000400600000a0000010a00000204d20050000000010000"
	  "000050022000123400000000000000000063000400000000",
	  "NXT_PACKET_IN2 (xid=0x1): total_len=54  (via no_match) data_len=54 (unbuffered)\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "packet in2 1.3", 2,
	  "0404004000000001000023200000001e0000002e505400000002505400000001"
	  "08004500001c00010000400100000a0000010a0000020800f7ff000000000000",
	  "NXT_PACKET_IN2 (OF1.3) (xid=0x1): total_len=42  (via no_match) data_len=42 (unbuffered)\n"
	  "icmp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,icmp_type=8,icmp_code=0 icmp_csum:f7ff\n" },
	{ "resume", 2,
	  "0104005800000001000023200000001c0000003a505400000002505400000001"
	  "08004500002800010000400600000a0000010a00000204d20050000000010000"
	  "000050022000123400000000000000000005000500000000",
	  "NXT_RESUME (xid=0x1): total_len=54  (via no_match) data_len=54 (unbuffered)\n"
	  "tcp,vlan_tci=0x0000,dl_src=50:54:00:00:00:01,dl_dst=50:54:00:00:00:02,nw_src=10.0.0.1,nw_dst=10.0.0.2,nw_tos=0,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1234,tp_dst=80,tcp_flags=syn tcp_csum:1234\n" },
	{ "tlv mod add", 2,
	  "010400280000000100002320000000180000000000000000ffff000400000000"
	  "0102807c003f0000",
	  "NXT_TLV_TABLE_MOD (xid=0x1):\n"
	  " ADD mapping table:\n"
	  "  class  type  length  match field\n"
	  " ------  ----  ------  --------------\n"
	  " 0xffff     0       4  tun_metadata0\n"
	  "  0x102  0x80     124  tun_metadata63\n" },
	{ "tlv mod del", 2,
	  "0404002000000001000023200000001800010000000000000000000000010000",
	  "NXT_TLV_TABLE_MOD (OF1.3) (xid=0x1):\n"
	  " DEL mapping table:\n"
	  "  class  type  length  match field\n"
	  " ------  ----  ------  --------------\n"
	  "      0     0       0  tun_metadata1\n" },
	{ "tlv mod clear", 2,
	  "0504002000000001000023200000001800020000000000000001020800030000",
	  "NXT_TLV_TABLE_MOD (OF1.4) (xid=0x1):\n"
	  " CLEAR\n" },
	{ "tlv mod empty", 2,
	  "010400180000000100002320000000180000000000000000",
	  "NXT_TLV_TABLE_MOD (xid=0x1):\n"
	  " ADD mapping table:\n"
	  "  class  type  length  match field\n"
	  " ------  ----  ------  --------------\n" },
	{ "tlv mod bad command", 2,
	  "010400180000000100002320000000180003000000000000",
	  "NXT_TLV_TABLE_MOD (xid=0x1): ***decode error: NXTTMFC_BAD_COMMAND***\n"
	  "00000000  01 04 00 18 00 00 00 01-00 00 23 20 00 00 00 18 |..........# ....|\n"
	  "00000010  00 03 00 00 00 00 00 00-                        |........        |\n" },
	{ "tlv mod bad len", 2,
	  "0104002000000001000023200000001800000000000000000001010600000000",
	  "NXT_TLV_TABLE_MOD (xid=0x1): ***decode error: NXTTMFC_BAD_OPT_LEN***\n"
	  "00000000  01 04 00 20 00 00 00 01-00 00 23 20 00 00 00 18 |... ......# ....|\n"
	  "00000010  00 00 00 00 00 00 00 00-00 01 01 06 00 00 00 00 |................|\n" },
	{ "tlv mod long len", 2,
	  "0104002000000001000023200000001800000000000000000001018000000000",
	  "NXT_TLV_TABLE_MOD (xid=0x1): ***decode error: NXTTMFC_BAD_OPT_LEN***\n"
	  "00000000  01 04 00 20 00 00 00 01-00 00 23 20 00 00 00 18 |... ......# ....|\n"
	  "00000010  00 00 00 00 00 00 00 00-00 01 01 80 00 00 00 00 |................|\n" },
	{ "tlv mod bad index", 2,
	  "0104002000000001000023200000001800000000000000000001010400400000",
	  "NXT_TLV_TABLE_MOD (xid=0x1): ***decode error: NXTTMFC_BAD_FIELD_IDX***\n"
	  "00000000  01 04 00 20 00 00 00 01-00 00 23 20 00 00 00 18 |... ......# ....|\n"
	  "00000010  00 00 00 00 00 00 00 00-00 01 01 04 00 40 00 00 |.............@..|\n" },
	{ "tlv reply", 2,
	  "0104003000000001000023200000001a00000100004000000000000000000000"
	  "ffff000400000000ffff010800010000",
	  "NXT_TLV_TABLE_REPLY (xid=0x1):\n"
	  " max option space=256 max fields=64\n"
	  " allocated option space=12\n"
	  "\n"
	  " mapping table:\n"
	  "  class  type  length  match field\n"
	  " ------  ----  ------  --------------\n"
	  " 0xffff     0       4  tun_metadata0\n"
	  " 0xffff   0x1       8  tun_metadata1\n" },
	{ "tlv reply empty", 2,
	  "0404002000000001000023200000001a00000100004000000000000000000000",
	  "NXT_TLV_TABLE_REPLY (OF1.3) (xid=0x1):\n"
	  " max option space=256 max fields=64\n"
	  " allocated option space=0\n"
	  "\n"
	  " mapping table:\n"
	  "  class  type  length  match field\n"
	  " ------  ----  ------  --------------\n" },
	{ "tlv reply small table", 2,
	  "0104002800000001000023200000001a00000100000100000000000000000000"
	  "ffff010800010000",
	  "NXT_TLV_TABLE_REPLY (xid=0x1): ***decode error: NXTTMFC_BAD_FIELD_IDX***\n"
	  "00000000  01 04 00 28 00 00 00 01-00 00 23 20 00 00 00 1a |...(......# ....|\n"
	  "00000010  00 00 01 00 00 01 00 00-00 00 00 00 00 00 00 00 |................|\n"
	  "00000020  ff ff 01 08 00 01 00 00-                        |........        |\n" },
	{ "tlv request", 2,
	  "01040010000000010000232000000019",
	  "NXT_TLV_TABLE_REQUEST (xid=0x1):\n" },
	{ "port desc request 1.0", 2,
	  "0110000c00000002000d0000",
	  "OFPST_PORT_DESC request (xid=0x2): port=ANY\n" },
	{ "port desc request 1.4", 2,
	  "0512001000000002000d000000000000",
	  "OFPST_PORT_DESC request (OF1.4) (xid=0x2): port=ANY\n" },
	{ "port desc request 1.5 port", 2,
	  "0612001800000002000d0000000000000000000700000000",
	  "OFPST_PORT_DESC request (OF1.5) (xid=0x2): port=7\n" },
	{ "port desc request 1.5 any", 2,
	  "0612001800000002000d000000000000ffffffff00000000",
	  "OFPST_PORT_DESC request (OF1.5) (xid=0x2): port=ANY\n" },
	{ "port desc request 1.5 bad", 2,
	  "0612001800000002000d000000000000fffe000000000000",
	  "OFPST_PORT_DESC request (OF1.5) (xid=0x2): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  06 12 00 18 00 00 00 02-00 0d 00 00 00 00 00 00 |................|\n"
	  "00000010  ff fe 00 00 00 00 00 00-                        |........        |\n" },
	{ "requestforward 1.3 meter mod", 2,
	  "04040030000000014f4e46000000092e041d0020000000010000000100000001"
	  "00010010000003e80000000000000000",
	  "ONFT_REQUESTFORWARD (OF1.3) (xid=0x1): reason=meter_mod ADD meter=1 kbps bands=\n"
	  "type=drop rate=1000\n" },
	{ "requestforward 1.4 meter mod", 1,
	  "0520002800000001051d00200000000100010006000000020002001000000007"
	  "0000000801000000",
	  "OFPT_REQUESTFORWARD (OF1.4) (xid=0x1): reason=meter_mod MOD meter=2 pktps burst bands=\n"
	  "type=dscp_remark rate=7 burst_size=8 prec_level=1\n" },
	{ "requestforward 1.4 meter mod", 2,
	  "0520002800000001051d00200000000100010006000000020002001000000007"
	  "0000000801000000",
	  "OFPT_REQUESTFORWARD (OF1.4) (xid=0x1): reason=meter_mod MOD meter=2 pktps burst bands=\n"
	  "type=dscp_remark rate=7 burst_size=8 prec_level=1\n" },
	{ "requestforward 1.4 meter mod", 5,
	  "0520002800000001051d00200000000100010006000000020002001000000007"
	  "0000000801000000",
	  "OFPT_REQUESTFORWARD (OF1.4) (xid=0x1): reason=meter_mod MOD meter=2 pktps burst bands=\n"
	  "type=dscp_remark rate=7 burst_size=8 prec_level=1\n"
	  "00000000  05 20 00 28 00 00 00 01-05 1d 00 20 00 00 00 01 |. .(....... ....|\n"
	  "00000010  00 01 00 06 00 00 00 02-00 02 00 10 00 00 00 07 |................|\n"
	  "00000020  00 00 00 08 01 00 00 00-                        |........        |\n" },
	{ "requestforward 1.5 meter delete", 2,
	  "0620001800000001061d0010000000010002000000000003",
	  "OFPT_REQUESTFORWARD (OF1.5) (xid=0x1): reason=meter_mod DEL meter=3 bands=\n" },
	{ "requestforward 1.4 bad meter", 2,
	  "0520001800000001051d0010000000010007000000000003",
	  "OFPT_REQUESTFORWARD (OF1.4) (xid=0x1): ***decode error: OFPMMFC_BAD_COMMAND***\n"
	  "00000000  05 20 00 18 00 00 00 01-05 1d 00 10 00 00 00 01 |. ..............|\n"
	  "00000010  00 07 00 00 00 00 00 03-                        |........        |\n" },
	{ "requestforward 1.4 port mod", 2,
	  "0520003000000001051000280000000100000003000000000a0b0c0d0e0f0000"
	  "0000002000000021000000080000002f",
	  "OFPT_REQUESTFORWARD (OF1.4) (xid=0x1): ***decode error: OFPBFC_MSG_UNSUP***\n"
	  "00000000  05 20 00 30 00 00 00 01-05 10 00 28 00 00 00 01 |. .0.......(....|\n"
	  "00000010  00 00 00 03 00 00 00 00-0a 0b 0c 0d 0e 0f 00 00 |................|\n"
	  "00000020  00 00 00 20 00 00 00 21-00 00 00 08 00 00 00 2f |... ...!......./|\n" },
	{ "requestforward 1.4 version", 2,
	  "0520002800000001041d002000000001000000010000000100010010000003e8"
	  "0000000000000000",
	  "OFPT_REQUESTFORWARD (OF1.4) (xid=0x1): ***decode error: OFPBRC_BAD_VERSION***\n"
	  "00000000  05 20 00 28 00 00 00 01-04 1d 00 20 00 00 00 01 |. .(....... ....|\n"
	  "00000010  00 00 00 01 00 00 00 01-00 01 00 10 00 00 03 e8 |................|\n"
	  "00000020  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "requestforward 1.4 short", 2,
	  "0520001000000001051d002000000000",
	  "OFPT_REQUESTFORWARD (OF1.4) (xid=0x1): ***decode error: OFPBFC_MSG_BAD_LEN***\n"
	  "00000000  05 20 00 10 00 00 00 01-05 1d 00 20 00 00 00 00 |. ......... ....|\n" },
	{ "requestforward 1.4 too long", 2,
	  "0520002800000001051d00ff0000000100010006000000020002001000000007"
	  "0000000801000000",
	  "OFPT_REQUESTFORWARD (OF1.4) (xid=0x1): ***decode error: OFPBFC_MSG_BAD_LEN***\n"
	  "00000000  05 20 00 28 00 00 00 01-05 1d 00 ff 00 00 00 01 |. .(............|\n"
	  "00000010  00 01 00 06 00 00 00 02-00 02 00 10 00 00 00 07 |................|\n"
	  "00000020  00 00 00 08 01 00 00 00-                        |........        |\n" },
	{ "table stats 1.3", 2,
	  "0413007000000002000300000000000000000000000000050000000000000064"
	  "000000000000000a010000000000000000000000000000640000000000000000"
	  "0200000000000000000000000000006400000000000000000300000000000000"
	  "00000000000000640000000000000000",
	  "OFPST_TABLE reply (OF1.3) (xid=0x2):\n"
	  "  table 0:\n"
	  "    active=5, lookup=100, matched=10\n"
	  "\n"
	  "  table 1:\n"
	  "    active=0, lookup=100, matched=0\n"
	  "\n"
	  "  tables 2...3: ditto\n" },
	{ "table stats 1.4 one ditto", 2,
	  "0513005800000002000300000000000000000000000000050000000000000064"
	  "000000000000000a01000000000000050000000000000064000000000000000a"
	  "020000000000000000000000000000000000000000000000",
	  "OFPST_TABLE reply (OF1.4) (xid=0x2):\n"
	  "  table 0:\n"
	  "    active=5, lookup=100, matched=10\n"
	  "\n"
	  "  table 1: ditto\n"
	  "\n"
	  "  table 2:\n"
	  "    active=0, lookup=0, matched=0\n" },
	{ "table stats 1.5 all same", 2,
	  "0613005800000002000300000000000000000000000000000000000000000000"
	  "0000000000000000010000000000000000000000000000000000000000000000"
	  "fe0000000000000000000000000000000000000000000000",
	  "OFPST_TABLE reply (OF1.5) (xid=0x2):\n"
	  "  table 0:\n"
	  "    active=0, lookup=0, matched=0\n"
	  "\n"
	  "  tables 1...254: ditto\n" },
	{ "table stats 1.3 empty", 2,
	  "04130010000000020003000000000000",
	  "OFPST_TABLE reply (OF1.3) (xid=0x2):\n" },
	{ "table stats 1.3 one", 1,
	  "0413002800000002000300000000000007000000000000010000000000000002"
	  "0000000000000003",
	  "OFPST_TABLE reply (OF1.3) (xid=0x2):\n"
	  "  table 7:\n"
	  "    active=1, lookup=2, matched=3\n" },
	{ "table stats 1.3 one", 2,
	  "0413002800000002000300000000000007000000000000010000000000000002"
	  "0000000000000003",
	  "OFPST_TABLE reply (OF1.3) (xid=0x2):\n"
	  "  table 7:\n"
	  "    active=1, lookup=2, matched=3\n" },
	{ "table stats 1.3 one", 5,
	  "0413002800000002000300000000000007000000000000010000000000000002"
	  "0000000000000003",
	  "OFPST_TABLE reply (OF1.3) (xid=0x2):\n"
	  "  table 7:\n"
	  "    active=1, lookup=2, matched=3\n"
	  "00000000  04 13 00 28 00 00 00 02-00 03 00 00 00 00 00 00 |...(............|\n"
	  "00000010  07 00 00 00 00 00 00 01-00 00 00 00 00 00 00 02 |................|\n"
	  "00000020  00 00 00 00 00 00 00 03-                        |........        |\n" },
	{ "table desc reply", 2,
	  "0513004000000002000e00000000000000080000000000000010010000000004"
	  "0002000800000005001802000000000c000200080000000f000300080a140f00",
	  "OFPST_TABLE_DESC reply (OF1.4) (xid=0x2):\n"
	  "  table 0:\n"
	  "   eviction=off eviction_flags=(default)\n"
	  "   vacancy=off\n"
	  "\n"
	  "  table 1:\n"
	  "   eviction=on eviction_flags=OTHER|LIFETIME\n"
	  "   vacancy=off\n"
	  "\n"
	  "  table 2:\n"
	  "   eviction=on eviction_flags=OTHER|IMPORTANCE|LIFETIME|0x8\n"
	  "   vacancy=on vacancy_down=10% vacancy_up=20% vacancy=15%\n" },
	{ "table desc reply 1.5 props", 2,
	  "0613002800000002000e00000000000000180300000000080003000801020300"
	  "0009000800000000",
	  "OFPST_TABLE_DESC reply (OF1.5) (xid=0x2):\n"
	  "  table 3:\n"
	  "   eviction=off eviction_flags=(default)\n"
	  "   vacancy=on vacancy_down=1% vacancy_up=2% vacancy=3%\n" },
	{ "table desc reply bad prop", 2,
	  "0513002800000002000e00000000000000180300000000080003000c01020300"
	  "0000000000000000",
	  "OFPST_TABLE_DESC reply (OF1.4) (xid=0x2): ***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  05 13 00 28 00 00 00 02-00 0e 00 00 00 00 00 00 |...(............|\n"
	  "00000010  00 18 03 00 00 00 00 08-00 03 00 0c 01 02 03 00 |................|\n"
	  "00000020  00 00 00 00 00 00 00 00-                        |........        |\n" },
	{ "table desc reply bad length", 2,
	  "0513001800000002000e0000000000000010030000000000",
	  "OFPST_TABLE_DESC reply (OF1.4) (xid=0x2): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  05 13 00 18 00 00 00 02-00 0e 00 00 00 00 00 00 |................|\n"
	  "00000010  00 10 03 00 00 00 00 00-                        |........        |\n" },
	{ "table desc reply short length", 2,
	  "0513001800000002000e0000000000000004030000000000",
	  "OFPST_TABLE_DESC reply (OF1.4) (xid=0x2): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  05 13 00 18 00 00 00 02-00 0e 00 00 00 00 00 00 |................|\n"
	  "00000010  00 04 03 00 00 00 00 00-                        |........        |\n" },
	{ "table desc request", 2,
	  "0512001000000002000e000000000000",
	  "OFPST_TABLE_DESC request (OF1.4) (xid=0x2):\n" },
	{ "table status down", 2,
	  "051f00200000000103000000000000000010010000000008000300080a140500",
	  "OFPT_TABLE_STATUS (OF1.4) (xid=0x1): reason=VACANCY_DOWN\n"
	  "table_desc:-\n"
	  "  table 1:\n"
	  "   eviction=off eviction_flags=(default)\n"
	  "   vacancy=on vacancy_down=10% vacancy_up=20% vacancy=5%\n" },
	{ "table status up", 2,
	  "061f00280000000104000000000000000018fe000000000c0002000800000002"
	  "0003000800646400",
	  "OFPT_TABLE_STATUS (OF1.5) (xid=0x1): reason=VACANCY_UP\n"
	  "table_desc:-\n"
	  "  table 254:\n"
	  "   eviction=on eviction_flags=IMPORTANCE\n"
	  "   vacancy=on vacancy_down=0% vacancy_up=100% vacancy=100%\n" },
	{ "table status bad reason", 2,
	  "051f00180000000101000000000000000008010000000008",
	  "OFPT_TABLE_STATUS (OF1.4) (xid=0x1): ***decode error: OFPBPC_BAD_VALUE***\n"
	  "00000000  05 1f 00 18 00 00 00 01-01 00 00 00 00 00 00 00 |................|\n"
	  "00000010  00 08 01 00 00 00 00 08-                        |........        |\n" },
	{ "flow monitor nx", 2,
	  "0110005000000002ffff000000002320000000020000000000000001003fffff"
	  "0000ff0000000000000000020002000300110100000000000000060208000000"
	  "0c010600001402005000000000000000",
	  "NXST_FLOW_MONITOR request (xid=0x2):\n"
	  " id=1 flags=initial,add,delete,modify,actions,own\n"
	  " id=2 flags=add out_port=3 table=1 tcp,tp_dst=80\n" },
	{ "flow monitor nx empty", 2,
	  "0110001800000002ffff0000000023200000000200000000",
	  "NXST_FLOW_MONITOR request (xid=0x2):\n" },
	{ "flow monitor nx bad flags", 2,
	  "0110002800000002ffff0000000023200000000200000000000000010001ffff"
	  "0000ff0000000000",
	  "NXST_FLOW_MONITOR request (xid=0x2): ***decode error: OFPMOFC_BAD_FLAGS***\n"
	  "00000000  01 10 00 28 00 00 00 02-ff ff 00 00 00 00 23 20 |...(..........# |\n"
	  "00000010  00 00 00 02 00 00 00 00-00 00 00 01 00 01 ff ff |................|\n"
	  "00000020  00 00 ff 00 00 00 00 00-                        |........        |\n" },
	{ "flow monitor nx unknown flags", 2,
	  "0110002800000002ffff0000000023200000000200000000000000010042ffff"
	  "0000ff0000000000",
	  "NXST_FLOW_MONITOR request (xid=0x2): ***decode error: OFPMOFC_BAD_FLAGS***\n"
	  "00000000  01 10 00 28 00 00 00 02-ff ff 00 00 00 00 23 20 |...(..........# |\n"
	  "00000010  00 00 00 02 00 00 00 00-00 00 00 01 00 42 ff ff |.............B..|\n"
	  "00000020  00 00 ff 00 00 00 00 00-                        |........        |\n" },
	{ "flow monitor nx zeros", 2,
	  "0110002800000002ffff0000000023200000000200000000000000010002ffff"
	  "0000ff0000010000",
	  "NXST_FLOW_MONITOR request (xid=0x2): ***decode error: NXBRC_MUST_BE_ZERO***\n"
	  "00000000  01 10 00 28 00 00 00 02-ff ff 00 00 00 00 23 20 |...(..........# |\n"
	  "00000010  00 00 00 02 00 00 00 00-00 00 00 01 00 02 ff ff |................|\n"
	  "00000020  00 00 ff 00 00 01 00 00-                        |........        |\n" },
	{ "flow monitor nx short", 2,
	  "0110002000000002ffff0000000023200000000200000000000000010002ffff",
	  "NXST_FLOW_MONITOR request (xid=0x2): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  01 10 00 20 00 00 00 02-ff ff 00 00 00 00 23 20 |... ..........# |\n"
	  "00000010  00 00 00 02 00 00 00 00-00 00 00 01 00 02 ff ff |................|\n" },
	{ "flow monitor onf", 2,
	  "0412003800000002ffff0000000000004f4e46000000074e00000007002e0000"
	  "fffffffe000000000001000c800000040000000100000000",
	  "ONFST_FLOW_MONITOR request (OF1.3) (xid=0x2):\n"
	  " id=7 flags=add,delete,modify,own out_port=LOCAL table=0 in_port=1\n" },
	{ "flow monitor onf zeros", 2,
	  "0412003800000002ffff0000000000004f4e46000000074e00000007002e0000"
	  "00000001000000010001000c800000040000000100000000",
	  "ONFST_FLOW_MONITOR request (OF1.3) (xid=0x2): ***decode error: NXBRC_MUST_BE_ZERO***\n"
	  "00000000  04 12 00 38 00 00 00 02-ff ff 00 00 00 00 00 00 |...8............|\n"
	  "00000010  4f 4e 46 00 00 00 07 4e-00 00 00 07 00 2e 00 00 |ONF....N........|\n"
	  "00000020  00 00 00 01 00 00 00 01-00 01 00 0c 80 00 00 04 |................|\n"
	  "00000030  00 00 00 01 00 00 00 00-                        |........        |\n" },
	{ "flow monitor onf bad port", 2,
	  "0412003000000002ffff0000000000004f4e46000000074e00000007002e0000"
	  "ff000000000000000001000400000000",
	  "ONFST_FLOW_MONITOR request (OF1.3) (xid=0x2): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  04 12 00 30 00 00 00 02-ff ff 00 00 00 00 00 00 |...0............|\n"
	  "00000010  4f 4e 46 00 00 00 07 4e-00 00 00 07 00 2e 00 00 |ONF....N........|\n"
	  "00000020  ff 00 00 00 00 00 00 00-00 01 00 04 00 00 00 00 |................|\n" },
	{ "flow monitor 1.4", 2,
	  "05120050000000020010000000000000000000030000000500000007005f0200"
	  "0001001580000a020800800014010680001c02005000000000000004ffffffff"
	  "ffffffff0002ff010001000400000000",
	  "OFPST_FLOW_MONITOR request (OF1.4) (xid=0x2):\n"
	  " id=3 flags=initial,add,delete,modify,actions,own out_port=5 out_group=7 table=2 tcp,tp_dst=80\n"
	  " id=4 flags=add\n" },
	{ "flow monitor 1.4 delete", 2,
	  "0512002800000002001000000000000000000009000000000000000000000002"
	  "0001000400000000",
	  "OFPST_FLOW_MONITOR request (OF1.4) (xid=0x2):\n"
	  " id=9 command=delete\n" },
	{ "flow monitor 1.5 group zero", 2,
	  "0612003000000002001000000000000000000009ffffffff000000000008ff00"
	  "0001000c800000040000000100000000",
	  "OFPST_FLOW_MONITOR request (OF1.5) (xid=0x2):\n"
	  " id=9 flags=modify in_port=1\n" },
	{ "flow monitor 1.4 bad flags", 2,
	  "0512002800000002001000000000000000000003000000050000000700820200"
	  "0001000400000000",
	  "OFPST_FLOW_MONITOR request (OF1.4) (xid=0x2): ***decode error: OFPMOFC_BAD_FLAGS***\n"
	  "00000000  05 12 00 28 00 00 00 02-00 10 00 00 00 00 00 00 |...(............|\n"
	  "00000010  00 00 00 03 00 00 00 05-00 00 00 07 00 82 02 00 |................|\n"
	  "00000020  00 01 00 04 00 00 00 00-                        |........        |\n" },
	{ "group features 1.0", 2,
	  "0111004000000002ffff00000000232000000009000000000000000f00000007"
	  "0000000a00000000000000017fffffffffffffff000000010000080000000000",
	  "NXST_GROUP_FEATURES reply (xid=0x2):\n"
	  " Group table:\n"
	  "    Types:  0xf\n"
	  "    Capabilities:  0x7\n"
	  "    all group:\n"
	  "       max_groups=0xa\n"
	  "       actions: output enqueue set_vlan_vid set_vlan_pcp strip_vlan mod_dl_src mod_dl_dst mod_nw_src mod_nw_dst mod_nw_tos mod_tp_src mod_tp_dst\n"
	  "    select group:\n"
	  "       max_groups=0\n"
	  "       actions: output\n"
	  "    indirect group:\n"
	  "       max_groups=0x1\n"
	  "       actions: enqueue\n"
	  "    fast failover group:\n"
	  "       max_groups=0x7fffffff\n"
	  "       actions: <none>\n" },
	{ "group features 1.1", 2,
	  "0213004000000002ffff00000000000000002320000000090000000500000000"
	  "00000001000000020000000300000004ffffffff000018000004000000000000",
	  "NXST_GROUP_FEATURES reply (OF1.1) (xid=0x2):\n"
	  " Group table:\n"
	  "    Types:  0x5\n"
	  "    Capabilities:  0x0\n"
	  "    all group:\n"
	  "       max_groups=0x1\n"
	  "       actions: output group set_vlan_vid set_vlan_pcp strip_vlan push_vlan mod_dl_src mod_dl_dst mod_nw_src mod_nw_dst mod_nw_tos mod_nw_ecn mod_nw_ttl mod_tp_src mod_tp_dst dec_ttl set_mpls_label set_mpls_tc set_mpls_ttl dec_mpls_ttl push_mpls pop_mpls set_queue\n"
	  "    indirect group:\n"
	  "       max_groups=0x3\n"
	  "       actions: strip_vlan\n" },
	{ "group features 1.2", 2,
	  "0313003800000002000800000000000000000003000000100000000500000006"
	  "0000000000000000ffffffff0c0018000000000000000000",
	  "OFPST_GROUP_FEATURES reply (OF1.2) (xid=0x2):\n"
	  " Group table:\n"
	  "    Types:  0x3\n"
	  "    Capabilities:  0x10\n"
	  "    all group:\n"
	  "       max_groups=0x5\n"
	  "       actions: output group set_field strip_vlan push_vlan mod_nw_ttl dec_ttl set_mpls_ttl dec_mpls_ttl push_mpls pop_mpls set_queue\n"
	  "    select group:\n"
	  "       max_groups=0x6\n"
	  "       actions: <none>\n" },
	{ "group features 1.3", 2,
	  "041300380000000200080000000000000000000f000000070000000a00000014"
	  "0000001e00000028ffffffff000000010200000000000000",
	  "OFPST_GROUP_FEATURES reply (OF1.3) (xid=0x2):\n"
	  " Group table:\n"
	  "    Types:  0xf\n"
	  "    Capabilities:  0x7\n"
	  "    all group:\n"
	  "       max_groups=0xa\n"
	  "       actions: output group set_field strip_vlan push_vlan mod_nw_ttl dec_ttl set_mpls_ttl dec_mpls_ttl push_mpls pop_mpls set_queue\n"
	  "    select group:\n"
	  "       max_groups=0x14\n"
	  "       actions: output\n"
	  "    indirect group:\n"
	  "       max_groups=0x1e\n"
	  "       actions: set_field\n"
	  "    fast failover group:\n"
	  "       max_groups=0x28\n"
	  "       actions: <none>\n" },
	{ "group features 1.5 none", 2,
	  "0613003800000002000800000000000000000000ffffffff0000000100000002"
	  "000000030000000400000001000000010000000100000001",
	  "OFPST_GROUP_FEATURES reply (OF1.5) (xid=0x2):\n"
	  " Group table:\n"
	  "    Types:  0x0\n"
	  "    Capabilities:  0xffffffff\n" },
	{ "group features 1.4 high types", 2,
	  "05130038000000020008000000000000fffffff8000000000000000100000002"
	  "000000030000000400000001000000010000000100000001",
	  "OFPST_GROUP_FEATURES reply (OF1.4) (xid=0x2):\n"
	  " Group table:\n"
	  "    Types:  0xfffffff8\n"
	  "    Capabilities:  0x0\n"
	  "    fast failover group:\n"
	  "       max_groups=0x4\n"
	  "       actions: output\n" },
	{ "queue desc request", 2,
	  "0512001800000002000f00000000000000000001ffffffff",
	  "OFPST_QUEUE_DESC request (OF1.4) (xid=0x2): port=1\n" },
	{ "queue desc request queue", 2,
	  "0612001800000002000f000000000000ffffffff00000005",
	  "OFPST_QUEUE_DESC request (OF1.5) (xid=0x2): port=ANY queue=5\n" },
	{ "queue desc request local", 2,
	  "0512001800000002000f000000000000fffffffe00000005",
	  "OFPST_QUEUE_DESC request (OF1.4) (xid=0x2): port=LOCAL queue=5\n" },
	{ "queue desc request bad", 2,
	  "0512001800000002000f000000000000ff00000000000005",
	  "OFPST_QUEUE_DESC request (OF1.4) (xid=0x2): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  05 12 00 18 00 00 00 02-00 0f 00 00 00 00 00 00 |................|\n"
	  "00000010  ff 00 00 00 00 00 00 05-                        |........        |\n" },
	{ "queue desc reply", 2,
	  "0513006800000002000f00000000000000000002000000010020000000000000"
	  "00010008000a00000002000807d0000000000001000000070018000000000000"
	  "0002000801f4000000000002000000000020000000000000ffff000c00002320"
	  "0000000000000000",
	  "OFPST_QUEUE_DESC reply (OF1.4) (xid=0x2): port=1\n"
	  "queue 7: max_rate:50.0%\n"
	  "port=2\n"
	  "queue 0:\n"
	  "queue 1: min_rate:1.0% max_rate:(disabled)\n" },
	{ "queue desc reply empty", 2,
	  "0513001000000002000f000000000000",
	  "OFPST_QUEUE_DESC reply (OF1.4) (xid=0x2):\n" },
	{ "queue desc reply bad len", 2,
	  "0513003000000002000f00000000000000000002000000010014000000000000"
	  "00010008000a00000000000000000000",
	  "OFPST_QUEUE_DESC reply (OF1.4) (xid=0x2): ***decode error: OFPBRC_BAD_LEN***\n"
	  "00000000  05 13 00 30 00 00 00 02-00 0f 00 00 00 00 00 00 |...0............|\n"
	  "00000010  00 00 00 02 00 00 00 01-00 14 00 00 00 00 00 00 |................|\n"
	  "00000020  00 01 00 08 00 0a 00 00-00 00 00 00 00 00 00 00 |................|\n" },
	{ "queue desc reply short prop", 2,
	  "0513002800000002000f00000000000000000002000000010018000000000000"
	  "0001000500000000",
	  "OFPST_QUEUE_DESC reply (OF1.4) (xid=0x2): ***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  05 13 00 28 00 00 00 02-00 0f 00 00 00 00 00 00 |...(............|\n"
	  "00000010  00 00 00 02 00 00 00 01-00 18 00 00 00 00 00 00 |................|\n"
	  "00000020  00 01 00 05 00 00 00 00-                        |........        |\n" },
	{ "queue desc reply bad port", 2,
	  "0613002000000002000f000000000000ff000000000000010010000000000000",
	  "OFPST_QUEUE_DESC reply (OF1.5) (xid=0x2): ***decode error: OFPBAC_BAD_OUT_PORT***\n"
	  "00000000  06 13 00 20 00 00 00 02-00 0f 00 00 00 00 00 00 |... ............|\n"
	  "00000010  ff 00 00 00 00 00 00 01-00 10 00 00 00 00 00 00 |................|\n" },
	{ "port stats reply 1.4 rfc2819", 2,
	  "0513045800000002000400000000000001300000000000010000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "0000002800000000000000000000001500000000000000160000000000000017"
	  "0000000000000018ffff00b80000aa0100000001000000000000000000000065"
	  "0000000000000066000000000000006700000000000000680000000000000069"
	  "000000000000006a000000000000006b000000000000006c000000000000006d"
	  "000000000000006e000000000000006f00000000000000700000000000000071"
	  "0000000000000072000000000000007300000000000000740000000000000075"
	  "0000000000000076000000000000007700000000000000780000000000000079"
	  "0108000000000002000000050000000600000000000000010000000000000002"
	  "0000000000000003000000000000000400000000000000050000000000000006"
	  "00000000000000070000000000000008ffff00b80000aa010000000100000000"
	  "0000000000000005ffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffff00000000000000080000000000000006"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "0000000000000007010800000000000300000005000000060000000000000001"
	  "0000000000000002000000000000000300000000000000040000000000000005"
	  "000000000000000600000000000000070000000000000008ffff00b80000aa01"
	  "0000000100000000ffffffffffffffffffffffffffffffffffffffffffffffff"
	  "0000000000000009ffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffff01080000000000040000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "ffff00b80000aa010000000100000000ffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
	  "ffffffffffffffffffffffffffffffffffffffffffffffff",
	  "OFPST_PORT reply (OF1.4) (xid=0x2): 4 ports\n"
	  "  port  1: rx pkts=1, bytes=3, drop=5, errs=7, frame=21, over=22, crc=23\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=24\n"
	  "           duration=5.000000006s\n"
	  "           rx rfc2819 1_to_64_packets=101, 65_to_127_packets=102, 128_to_255_packets=103, 256_to_511_packets=104, 512_to_1023_packets=105, 1024_to_1522_packets=106, 1523_to_max_packets=107, broadcast_packets=116, undersized_errors=118, oversize_errors=119, rx_fragmented_errors=120, rx_jabber_errors=121, \n"
	  "           tx rfc2819 1_to_64_packets=108, 65_to_127_packets=109, 128_to_255_packets=110, 256_to_511_packets=111, 512_to_1023_packets=112, 1024_to_1522_packets=113, 1523_to_max_packets=114, multicast_packets=115, broadcast_packets=117, \n"
	  "  port  2: rx pkts=1, bytes=3, drop=5, errs=7, frame=?, over=?, crc=?\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=?\n"
	  "           duration=5.000000006s\n"
	  "           rx rfc2819 1_to_64_packets=5, broadcast_packets=6, rx_jabber_errors=7, \n"
	  "           tx rfc2819 multicast_packets=8, \n"
	  "  port  3: rx pkts=1, bytes=3, drop=5, errs=7, frame=?, over=?, crc=?\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=?\n"
	  "           duration=5.000000006s\n"
	  "           rx rfc2819 256_to_511_packets=9, \n"
	  "  port  4: rx pkts=1, bytes=3, drop=5, errs=7, frame=?, over=?, crc=?\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=?\n"
	  "           duration=5.000000006s\n" },
	{ "port stats reply 1.4 rfc2819 bad len", 2,
	  "0513011000000002000400000000000001000000000000010000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "ffff00b00000aa01000000010000000000000000000000650000000000000066"
	  "000000000000006700000000000000680000000000000069000000000000006a"
	  "000000000000006b000000000000006c000000000000006d000000000000006e"
	  "000000000000006f000000000000007000000000000000710000000000000072"
	  "0000000000000073000000000000007400000000000000750000000000000076"
	  "00000000000000770000000000000078",
	  "OFPST_PORT reply (OF1.4) (xid=0x2): 0 ports\n"
	  "***decode error: OFPBPC_BAD_LEN***\n"
	  "00000000  05 13 01 10 00 00 00 02-00 04 00 00 00 00 00 00 |................|\n"
	  "00000010  01 00 00 00 00 00 00 01-00 00 00 05 00 00 00 06 |................|\n"
	  "00000020  00 00 00 00 00 00 00 01-00 00 00 00 00 00 00 02 |................|\n"
	  "00000030  00 00 00 00 00 00 00 03-00 00 00 00 00 00 00 04 |................|\n"
	  "00000040  00 00 00 00 00 00 00 05-00 00 00 00 00 00 00 06 |................|\n"
	  "00000050  00 00 00 00 00 00 00 07-00 00 00 00 00 00 00 08 |................|\n"
	  "00000060  ff ff 00 b0 00 00 aa 01-00 00 00 01 00 00 00 00 |................|\n"
	  "00000070  00 00 00 00 00 00 00 65-00 00 00 00 00 00 00 66 |.......e.......f|\n"
	  "00000080  00 00 00 00 00 00 00 67-00 00 00 00 00 00 00 68 |.......g.......h|\n"
	  "00000090  00 00 00 00 00 00 00 69-00 00 00 00 00 00 00 6a |.......i.......j|\n"
	  "000000a0  00 00 00 00 00 00 00 6b-00 00 00 00 00 00 00 6c |.......k.......l|\n"
	  "000000b0  00 00 00 00 00 00 00 6d-00 00 00 00 00 00 00 6e |.......m.......n|\n"
	  "000000c0  00 00 00 00 00 00 00 6f-00 00 00 00 00 00 00 70 |.......o.......p|\n"
	  "000000d0  00 00 00 00 00 00 00 71-00 00 00 00 00 00 00 72 |.......q.......r|\n"
	  "000000e0  00 00 00 00 00 00 00 73-00 00 00 00 00 00 00 74 |.......s.......t|\n"
	  "000000f0  00 00 00 00 00 00 00 75-00 00 00 00 00 00 00 76 |.......u.......v|\n"
	  "00000100  00 00 00 00 00 00 00 77-00 00 00 00 00 00 00 78 |.......w.......x|\n" },
	{ "port stats reply 1.4 intel other", 2,
	  "0513007000000002000400000000000000600000000000010000000500000006"
	  "0000000000000001000000000000000200000000000000030000000000000004"
	  "0000000000000005000000000000000600000000000000070000000000000008"
	  "ffff00100000aa010000000700000000",
	  "OFPST_PORT reply (OF1.4) (xid=0x2): 1 ports\n"
	  "  port  1: rx pkts=1, bytes=3, drop=5, errs=7, frame=?, over=?, crc=?\n"
	  "           tx pkts=2, bytes=4, drop=6, errs=8, coll=?\n"
	  "           duration=5.000000006s\n" },
};
