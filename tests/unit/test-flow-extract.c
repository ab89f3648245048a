/* Flow-key extraction: every protocol, and truncated/malformed variants. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "flow.h"
#include "frame-builder.h"

static void test_tcp_ipv4(void **state)
{
	struct frame f;
	struct flow_key key;
	struct flow_offsets ofs;

	frame_init(&f);
	frame_eth(&f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_IP);
	frame_ipv4(&f, 0x0a000001, 0x0a000002, IPPROTO_NUM_TCP, 64, 0x10, 0);
	frame_tcp(&f, 1234, 80, TCP_SYN | TCP_ACK);
	frame_finish(&f);

	key.in_port = 7;
	assert_int_equal(flow_extract(f.data, f.len, &key, &ofs), 0);
	assert_int_equal(key.in_port, 7);
	assert_memory_equal(key.eth_src, "\x02\0\0\0\0\x01", 6);
	assert_memory_equal(key.eth_dst, "\x02\0\0\0\0\x02", 6);
	assert_int_equal(be16_to_cpu(key.eth_type), ETH_TYPE_IP);
	assert_int_equal(key.vlan[0].tci, 0);
	assert_int_equal(be32_to_cpu(key.ipv4.src), 0x0a000001);
	assert_int_equal(be32_to_cpu(key.ipv4.dst), 0x0a000002);
	assert_int_equal(key.ip.proto, IPPROTO_NUM_TCP);
	assert_int_equal(key.ip.ttl, 64);
	assert_int_equal(key.ip.tos, 0x10);
	assert_int_equal(key.ip.frag, OVS_FRAG_TYPE_NONE);
	assert_int_equal(be16_to_cpu(key.tp.src), 1234);
	assert_int_equal(be16_to_cpu(key.tp.dst), 80);
	assert_int_equal(be16_to_cpu(key.tp.flags), TCP_SYN | TCP_ACK);
	assert_int_equal(ofs.l3, 14);
	assert_int_equal(ofs.l4, 34);
	assert_int_equal(ofs.l7, 54);
	assert_int_equal(ofs.l2_5, FLOW_OFS_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp_ipv4),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
