/* Packet buffer: headroom, push/pull, insert/remove, offsets kept right. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "dp-packet.h"
#include "frame-builder.h"

static struct dp_packet *udp_packet(void)
{
	struct frame f;

	frame_init(&f);
	frame_eth(&f, "\x02\0\0\0\0\x02", "\x02\0\0\0\0\x01", ETH_TYPE_IP);
	frame_ipv4(&f, 1, 2, IPPROTO_NUM_UDP, 64, 0, 0);
	frame_udp(&f, 7, 9);
	frame_finish(&f);
	return dp_packet_clone_data(f.data, f.len);
}

static void test_parse_records_offsets(void **state)
{
	struct dp_packet *p = udp_packet();
	struct flow_key key;

	p->in_port = 3;
	p->skb_mark = 0x55;
	assert_int_equal(dp_packet_parse(p, &key), 0);
	assert_int_equal(key.in_port, 3);
	assert_int_equal(key.skb_mark, 0x55);
	assert_int_equal(p->hdr.l3, 14);
	assert_int_equal(p->hdr.l4, 34);
	assert_int_equal(dp_packet_l4_size(p), 8);
	assert_ptr_equal(dp_packet_l3(p), (u8 *)dp_packet_data(p) + 14);
	assert_null(dp_packet_l2_5(p));
	dp_packet_delete(p);
}

static void test_push_pull(void **state)
{
	struct dp_packet *p = udp_packet();
	struct flow_key key;
	u32 head = dp_packet_headroom(p);

	dp_packet_parse(p, &key);
	memcpy(dp_packet_push(p, 4), "abcd", 4);
	assert_int_equal(dp_packet_size(p), 46);
	assert_int_equal(dp_packet_headroom(p), head - 4);
	assert_int_equal(p->hdr.l3, 18);
	assert_memory_equal(dp_packet_data(p), "abcd", 4);

	assert_non_null(dp_packet_pull(p, 4));
	assert_int_equal(p->hdr.l3, 14);
	/* Pulling past a header forgets it. */
	assert_non_null(dp_packet_pull(p, 20));
	assert_int_equal(p->hdr.l3, FLOW_OFS_NONE);
	assert_int_equal(p->hdr.l4, 14);
	assert_null(dp_packet_pull(p, 100));
	dp_packet_delete(p);
}

/* Pushing more than the headroom reallocates and keeps the bytes. */
static void test_push_beyond_headroom(void **state)
{
	struct dp_packet *p = udp_packet();
	u8 copy[42];

	memcpy(copy, dp_packet_data(p), 42);
	for (int i = 0; i < 100; i++)
		memset(dp_packet_push(p, 4), i, 4);
	assert_int_equal(dp_packet_size(p), 442);
	assert_memory_equal((u8 *)dp_packet_data(p) + 400, copy, 42);
	assert_int_equal(((u8 *)dp_packet_data(p))[0], 99);
	dp_packet_delete(p);
}

static void test_insert_remove_vlan(void **state)
{
	struct dp_packet *p = udp_packet();
	struct flow_key key;
	u8 orig[42];

	memcpy(orig, dp_packet_data(p), 42);
	dp_packet_parse(p, &key);
	u8 *gap = dp_packet_insert(p, 12, 4);
	memcpy(gap, "\x81\x00\x00\x64", 4);
	assert_int_equal(dp_packet_size(p), 46);
	assert_int_equal(p->hdr.l3, 18);
	assert_int_equal(p->hdr.l4, 38);
	assert_memory_equal(dp_packet_data(p), orig, 12);
	assert_memory_equal((u8 *)dp_packet_data(p) + 16, orig + 12, 30);

	assert_int_equal(dp_packet_parse(p, &key), 0);
	assert_int_equal(be16_to_cpu(key.vlan[0].tci), VLAN_CFI | 100);

	assert_int_equal(dp_packet_remove(p, 12, 4), 0);
	assert_memory_equal(dp_packet_data(p), orig, 42);
	assert_int_equal(p->hdr.l3, 14);
	assert_int_equal(dp_packet_remove(p, 40, 4), -EINVAL);
	assert_null(dp_packet_insert(p, 43, 4));
	dp_packet_delete(p);
}

static void test_caller_memory(void **state)
{
	u8 ring_frame[64] = { 0 };
	struct dp_packet p;

	dp_packet_use(&p, ring_frame, sizeof ring_frame, 8, 40);
	assert_ptr_equal(dp_packet_data(&p), ring_frame + 8);
	assert_int_equal(dp_packet_tailroom(&p), 16);
	memset(dp_packet_push(&p, 8), 1, 8);
	assert_ptr_equal(dp_packet_data(&p), ring_frame);
	/* Growing beyond the frame moves the packet to the heap. */
	dp_packet_put(&p, 100);
	assert_true(p.owned);
	assert_int_equal(((u8 *)dp_packet_data(&p))[0], 1);
	dp_packet_trim(&p, 10);
	assert_int_equal(dp_packet_size(&p), 10);
	dp_packet_uninit(&p);
}

/* A clone is a private copy: data, metadata and offsets, with headroom. */
static void test_clone(void **state)
{
	struct dp_packet *p = udp_packet();
	struct dp_packet *c;
	struct flow_key key;

	p->in_port = 7;
	p->skb_mark = 8;
	p->priority = 9;
	p->recirc_id = 10;
	p->dp_hash = 11;
	dp_packet_parse(p, &key);
	c = dp_packet_clone(p);
	assert_ptr_not_equal(dp_packet_data(c), dp_packet_data(p));
	assert_int_equal(dp_packet_size(c), dp_packet_size(p));
	assert_memory_equal(dp_packet_data(c), dp_packet_data(p), 42);
	assert_memory_equal(&c->hdr, &p->hdr, sizeof c->hdr);
	assert_int_equal(c->in_port, 7);
	assert_int_equal(c->skb_mark, 8);
	assert_int_equal(c->priority, 9);
	assert_int_equal(c->recirc_id, 10);
	assert_int_equal(c->dp_hash, 11);
	assert_true(c->owned);
	assert_true(dp_packet_headroom(c) >= DP_PACKET_HEADROOM);

	assert_int_equal(dp_packet_make_writable(c), 0);
	memset(dp_packet_data(c), 0, 12);
	assert_int_not_equal(((u8 *)dp_packet_data(p))[0], 0);
	dp_packet_delete(c);
	dp_packet_delete(p);
}

/* Trimming forgets the offsets of headers cut off. */
static void test_trim_offsets(void **state)
{
	struct dp_packet *p = udp_packet();
	struct flow_key key;

	dp_packet_parse(p, &key);
	dp_packet_trim(p, 34);
	assert_int_equal(p->hdr.l3, 14);
	assert_int_equal(p->hdr.l4, 34);
	assert_int_equal(p->hdr.l7, FLOW_OFS_NONE);
	dp_packet_trim(p, 20);
	assert_int_equal(p->hdr.l3, 14);
	assert_int_equal(p->hdr.l4, FLOW_OFS_NONE);
	dp_packet_delete(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_records_offsets),
		cmocka_unit_test(test_push_pull),
		cmocka_unit_test(test_push_beyond_headroom),
		cmocka_unit_test(test_insert_remove_vlan),
		cmocka_unit_test(test_caller_memory),
		cmocka_unit_test(test_clone),
		cmocka_unit_test(test_trim_offsets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
