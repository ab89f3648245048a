/* Meters: token buckets on a fake clock (exact counts of packets passed and
 * dropped for given arrival patterns), band selection, DSCP remarking with
 * its checksum, statistics, threads sharing a meter, and the errors of
 * meter_set and of the meter action's validation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <cmocka.h>

#include "actions.h"
#include "dp-packet.h"
#include "dpif.h"
#include "meter.h"
#include "packet-check.h"

#define MS 1000000ull           /* ns */

static struct meter_table table;

static int setup(void **state)
{
	(void)state;
	return meter_table_init(&table, 1024);
}

static int teardown(void **state)
{
	(void)state;
	rcu_barrier();
	meter_table_destroy(&table);
	return 0;
}

/* A meter of one band. */
static void set1(u32 id, u32 flags, u32 type, u32 rate, u32 burst, u8 prec)
{
	struct meter_config c;

	memset(&c, 0, sizeof c);
	c.flags = flags;
	c.n_bands = 1;
	c.bands[0].type = type;
	c.bands[0].rate = rate;
	c.bands[0].burst = burst;
	c.bands[0].prec_level = prec;
	assert_int_equal(meter_set(&table, id, &c, NULL), 0);
}

struct tally {
	u32 pass, drop, remark;
};

/* One packet, as a reader would run it. */
static enum meter_verdict run1(u32 id, u32 len, u64 now, u8 *prec)
{
	enum meter_verdict v;

	rcu_read_lock();
	v = meter_run(&table, id, len, now, prec);
	rcu_read_unlock();
	return v;
}

static void run(u32 id, u32 len, u64 now, struct tally *t)
{
	u8 prec = 0;
	enum meter_verdict v = run1(id, len, now, &prec);

	if (v == METER_PASS)
		t->pass++;
	else if (v == METER_DROP)
		t->drop++;
	else
		t->remark++;
}

/* 'n' packets of 'len' bytes, one every 'gap' ns from 'start'. */
static struct tally train(u32 id, u32 n, u32 len, u64 start, u64 gap)
{
	struct tally t = { 0, 0, 0 };
	u32 i;

	for (i = 0; i < n; i++)
		run(id, len, start + i * gap, &t);
	return t;
}

static void assert_counts(const struct meter_counts *c, u64 packets,
			  u64 bytes)
{
	assert_int_equal(c->n_packets, packets);
	assert_int_equal(c->n_bytes, bytes);
}

static void assert_tally(struct tally t, u32 pass, u32 drop, u32 remark)
{
	assert_int_equal(t.pass, pass);
	assert_int_equal(t.drop, drop);
	assert_int_equal(t.remark, remark);
}

/* 10 packets/s, burst 5: 100 packets 10 ms apart get the burst and 9.9 s
 * worth of tokens, 14 packets; 10 s later the bucket is full again (5),
 * never fuller. */
static void test_pktps_burst(void **state)
{
	(void)state;
	set1(1, METER_F_PKTPS | METER_F_BURST, METER_BAND_DROP, 10, 5, 0);
	assert_tally(train(1, 100, 64, 0, 10 * MS), 14, 86, 0);
	assert_tally(train(1, 8, 64, 20000 * MS, 0), 5, 3, 0);
	/* 100 ms buys exactly one packet, 99.999999 ms none. */
	assert_tally(train(1, 2, 64, 20100 * MS - 1, 0), 0, 2, 0);
	assert_tally(train(1, 2, 64, 20100 * MS, 0), 1, 1, 0);
}

/* 1000 kbit/s, burst 100 kbit, 1250-byte (10 kbit) packets each ms: 10 at
 * once, then one per 10 ms: 100 kbit + 999 ms * 1000 kbit/s = 109.9. */
static void test_kbps_burst(void **state)
{
	(void)state;
	set1(2, METER_F_KBPS | METER_F_BURST, METER_BAND_DROP, 1000, 100, 0);
	assert_tally(train(2, 1000, 1250, 5 * MS, MS), 109, 891, 0);
	/* Neither flag means kbps. */
	set1(3, METER_F_BURST, METER_BAND_DROP, 1000, 100, 0);
	assert_tally(train(3, 11, 1250, 0, 0), 10, 1, 0);
	/* Bytes count: 64-byte packets, 512 bits each, 195 fit in 100 kbit. */
	set1(3, METER_F_BURST, METER_BAND_DROP, 1000, 100, 0);
	assert_tally(train(3, 200, 64, 0, 0), 195, 5, 0);
}

/* Without BURST, or with a zero burst, the bucket holds one second. */
static void test_default_burst(void **state)
{
	(void)state;
	set1(4, METER_F_PKTPS, METER_BAND_DROP, 100, 7, 0);
	assert_tally(train(4, 150, 64, 0, 0), 100, 50, 0);
	set1(4, METER_F_PKTPS | METER_F_BURST, METER_BAND_DROP, 100, 0, 0);
	assert_tally(train(4, 150, 64, 0, 0), 100, 50, 0);
	/* A long pause refills to the burst, not beyond. */
	assert_tally(train(4, 150, 64, 3600000 * MS, 0), 100, 50, 0);
}

/* A clock read before another thread's later refill earns nothing. */
static void test_clock_backwards(void **state)
{
	(void)state;
	set1(5, METER_F_PKTPS | METER_F_BURST, METER_BAND_DROP, 1000, 1, 0);
	assert_tally(train(5, 1, 64, 1000 * MS, 0), 1, 0, 0);
	assert_tally(train(5, 1, 64, 900 * MS, 0), 0, 1, 0);
	assert_tally(train(5, 1, 64, 1001 * MS, 0), 1, 0, 0);
}

/* Of the bands a packet exceeds, the highest rate applies; a packet pays
 * every band that can take it. */
static void test_band_selection(void **state)
{
	struct meter_config c;
	struct meter_stats s;
	struct tally t = { 0, 0, 0 };
	u8 prec = 0;
	u32 i;

	(void)state;
	memset(&c, 0, sizeof c);
	c.flags = METER_F_PKTPS | METER_F_BURST;
	c.n_bands = 2;
	c.bands[0] = (struct meter_band_config){ METER_BAND_DSCP_REMARK, 5, 5, 2 };
	c.bands[1] = (struct meter_band_config){ METER_BAND_DROP, 10, 10, 0 };
	assert_int_equal(meter_set(&table, 6, &c, NULL), 0);
	assert_tally(train(6, 20, 100, 0, 0), 5, 10, 5);
	assert_int_equal(meter_get(&table, 6, &s), 0);
	assert_counts(&s.in, 20, 2000);
	assert_int_equal(s.n_bands, 2);
	assert_counts(&s.bands[0], 5, 500);
	assert_counts(&s.bands[1], 10, 1000);

	assert_int_equal(run1(6, 100, 200 * MS, &prec), METER_PASS);
	assert_int_equal(run1(6, 100, 200 * MS, &prec), METER_REMARK);
	assert_int_equal(prec, 2);

	/* Equal rates: the first band listed. */
	c.bands[0].rate = 10;
	c.bands[0].burst = 1;
	c.bands[1].burst = 1;
	assert_int_equal(meter_set(&table, 6, &c, NULL), 0);
	for (i = 0; i < 3; i++)
		run(6, 100, 0, &t);
	assert_tally(t, 1, 0, 2);
}

/* get and del report the counts; a set starts them again; a missing meter
 * passes packets. */
static void test_stats_and_del(void **state)
{
	struct meter_stats s;
	struct tally t = { 0, 0, 0 };

	(void)state;
	set1(7, METER_F_PKTPS | METER_F_BURST | METER_F_STATS,
	     METER_BAND_DROP, 1, 3, 0);
	assert_tally(train(7, 5, 1500, 0, 0), 3, 2, 0);
	memset(&s, 0xaa, sizeof s);
	assert_int_equal(meter_get(&table, 7, &s), 0);
	assert_counts(&s.in, 5, 7500);
	assert_int_equal(s.n_bands, 1);
	assert_counts(&s.bands[0], 2, 3000);
	assert_counts(&s.bands[1], 0, 0);

	set1(7, METER_F_PKTPS | METER_F_BURST, METER_BAND_DROP, 1, 3, 0);
	assert_int_equal(meter_get(&table, 7, &s), 0);
	assert_int_equal(s.in.n_packets, 0);

	assert_tally(train(7, 4, 100, 0, 0), 3, 1, 0);
	assert_int_equal(meter_del(&table, 7, &s), 0);
	assert_int_equal(s.in.n_packets, 4);
	assert_int_equal(s.bands[0].n_packets, 1);
	assert_int_equal(meter_get(&table, 7, &s), -ENOENT);
	assert_int_equal(meter_del(&table, 7, NULL), -ENOENT);
	assert_int_equal(meter_get(&table, 1024, &s), -EFBIG);
	assert_int_equal(meter_del(&table, 1024, NULL), -EFBIG);
	run(7, 100, 0, &t);
	run(1024, 100, 0, &t);
	run(0xffffffff, 100, 0, &t);
	assert_tally(t, 3, 0, 0);
}

static void assert_set_fails(const struct meter_config *c, u32 id, int err,
			     const char *why)
{
	const char *msg = NULL;

	assert_int_equal(meter_set(&table, id, c, &msg), err);
	assert_string_equal(msg, why);
	assert_int_equal(meter_get(&table, id, &(struct meter_stats){ 0 }),
			 id < 1024 ? -ENOENT : -EFBIG);
}

static void test_set_errors(void **state)
{
	struct meter_table t2;
	struct meter_config c;

	(void)state;
	memset(&c, 0, sizeof c);
	c.flags = METER_F_PKTPS;
	c.n_bands = 1;
	c.bands[0] = (struct meter_band_config){ METER_BAND_DROP, 10, 0, 0 };
	assert_set_fails(&c, 1024, -EFBIG, "meter id out of range");
	c.flags = 16;
	assert_set_fails(&c, 9, -EBADF, "unknown meter flags");
	c.flags = METER_F_PKTPS | METER_F_KBPS;
	assert_set_fails(&c, 9, -EBADF, "both kbps and pktps");
	c.flags = METER_F_PKTPS;
	c.n_bands = 0;
	assert_set_fails(&c, 9, -EINVAL, "a meter needs 1 to 8 bands");
	c.n_bands = 9;
	assert_set_fails(&c, 9, -EINVAL, "a meter needs 1 to 8 bands");
	c.n_bands = 2;
	c.bands[1] = (struct meter_band_config){ 3, 10, 0, 0 };
	assert_set_fails(&c, 9, -ENODEV, "unknown band type");
	c.bands[1] = (struct meter_band_config){ METER_BAND_DROP, 0, 0, 0 };
	assert_set_fails(&c, 9, -EINVAL, "band rate is zero");
	/* A refused set leaves the meter there as it was. */
	set1(9, METER_F_PKTPS, METER_BAND_DROP, 1, 0, 0);
	assert_int_equal(meter_set(&table, 9, &c, NULL), -EINVAL);
	assert_int_equal(meter_get(&table, 9, &(struct meter_stats){ 0 }), 0);

	assert_int_equal(meter_table_init(&t2, 0), -EINVAL);
	assert_int_equal(meter_table_init(&t2, METER_ID_LIMIT + 1), -EINVAL);
	assert_int_equal(meter_table_init(&t2, METER_ID_LIMIT), 0);
	meter_table_destroy(&t2);
}

/* ---- Threads sharing a meter: every packet counted once, and exactly the
 * burst passes while the clock stands still. ---- */

#define N_THREADS 4
#define PER_THREAD 100000

static void *hammer(void *arg)
{
	u32 *passed = arg;
	u32 i;
	u8 prec;

	rcu_register_thread();
	for (i = 0; i < PER_THREAD; i++)
		if (run1(10, 100, 5 * MS, &prec) == METER_PASS)
			(*passed)++;
	rcu_unregister_thread();
	return NULL;
}

static void test_threads(void **state)
{
	pthread_t th[N_THREADS];
	u32 passed[N_THREADS] = { 0 };
	struct meter_stats s;
	u32 i, sum = 0;

	(void)state;
	set1(10, METER_F_PKTPS | METER_F_BURST, METER_BAND_DROP, 1000, 12345, 0);
	for (i = 0; i < N_THREADS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, hammer,
						&passed[i]), 0);
	for (i = 0; i < N_THREADS; i++) {
		pthread_join(th[i], NULL);
		sum += passed[i];
	}
	assert_int_equal(sum, 12345);
	assert_int_equal(meter_get(&table, 10, &s), 0);
	assert_counts(&s.in, N_THREADS * PER_THREAD,
		      N_THREADS * PER_THREAD * 100ull);
	assert_counts(&s.bands[0], N_THREADS * PER_THREAD - 12345,
		      (N_THREADS * PER_THREAD - 12345) * 100ull);
}

/* ---- The meter action. ---- */

struct out {
	struct actions_ctx ctx;
	u32 n;
	u32 len;
	u8 data[256];
};

static void cb_output(struct actions_ctx *ctx, struct dp_packet *p, u32 port)
{
	struct out *o = ctx->aux;

	(void)port;
	o->n++;
	o->len = dp_packet_size(p);
	assert_true(o->len <= sizeof o->data);
	memcpy(o->data, dp_packet_data(p), o->len);
}

static void out_init(struct out *o)
{
	memset(o, 0, sizeof *o);
	o->ctx.output = cb_output;
	o->ctx.aux = o;
	o->ctx.meters = &table;
}

/* meter(id),output(2) on a frame, validated for its key first. */
static int run_action(struct out *o, const struct frame *f, u32 id)
{
	u32 mem[16];
	struct nlbuf b;
	struct flow_key key;
	struct dp_packet *p = dp_packet_clone_data(f->data, f->len);
	int err;

	nlbuf_init(&b, mem, sizeof mem);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_METER, id);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_OUTPUT, 2);
	assert_int_equal(dp_packet_parse(p, &key), 0);
	assert_int_equal(actions_validate((const void *)mem, b.size, &key,
					  NULL, NULL), 0);
	rcu_read_lock();
	err = actions_execute(&o->ctx, p, &key, (const void *)mem, b.size);
	rcu_read_unlock();
	dp_packet_delete(p);
	return err;
}

static void udp4_frame(struct frame *f, u8 tos)
{
	frame_init(f);
	frame_eth(f, PC_MAC_B, PC_MAC_A, ETH_TYPE_IP);
	frame_ipv4(f, PC_IP4_A, PC_IP4_B, IPPROTO_NUM_UDP, 64, tos, 0);
	pc_l4(f, IPPROTO_NUM_UDP);
	frame_finish(f);
	pc_fill(f->data, f->len);
}

static void test_action_drop(void **state)
{
	struct frame f;
	struct out o;

	(void)state;
	udp4_frame(&f, 0);
	set1(11, METER_F_PKTPS | METER_F_BURST, METER_BAND_DROP, 1, 2, 0);
	out_init(&o);
	assert_int_equal(run_action(&o, &f, 11), 0);
	assert_int_equal(run_action(&o, &f, 11), 0);
	assert_int_equal(run_action(&o, &f, 11), 0);
	assert_int_equal(o.n, 2);
	assert_int_equal(o.len, f.len);
	assert_memory_equal(o.data, f.data, f.len);
	/* A second later one more. */
	o.ctx.now_ns = 1000 * MS;
	assert_int_equal(run_action(&o, &f, 11), 0);
	assert_int_equal(run_action(&o, &f, 11), 0);
	assert_int_equal(o.n, 3);
	/* No such meter, or no table: the packet passes. */
	assert_int_equal(run_action(&o, &f, 12), 0);
	o.ctx.meters = NULL;
	assert_int_equal(run_action(&o, &f, 11), 0);
	assert_int_equal(o.n, 5);
}

/* The remark band raises the drop precedence (AF11 to AF12, AF13 at most),
 * and only the DSCP and the IPv4 checksum change. */
static void remark_case(const struct frame *f, u32 tc_ofs, bool ipv6, u8 prec,
			u8 before, u8 after)
{
	struct out o;
	u8 want[256];
	u8 got;

	set1(13, METER_F_PKTPS | METER_F_BURST, METER_BAND_DSCP_REMARK, 1, 1,
	     prec);
	out_init(&o);
	assert_int_equal(run_action(&o, f, 13), 0);
	assert_memory_equal(o.data, f->data, f->len);
	assert_int_equal(run_action(&o, f, 13), 0);
	assert_int_equal(o.n, 2);
	assert_int_equal(o.len, f->len);
	got = ipv6 ? (u8)((o.data[tc_ofs] << 4) | (o.data[tc_ofs + 1] >> 4))
		   : o.data[tc_ofs];
	assert_int_equal(ipv6 ? (u8)((f->data[tc_ofs] << 4) |
				     (f->data[tc_ofs + 1] >> 4))
			      : f->data[tc_ofs], before);
	assert_int_equal(got, after);
	assert_true(pc_ipv4_ok(o.data, o.len) && pc_l4_ok(o.data, o.len));
	/* Everything else as it was. */
	memcpy(want, f->data, f->len);
	if (ipv6) {
		want[tc_ofs] = (u8)(0x60 | after >> 4);
		want[tc_ofs + 1] = (u8)((after << 4) | (want[tc_ofs + 1] & 0xf));
	} else {
		want[tc_ofs] = after;
		memcpy(want + tc_ofs + 9, o.data + tc_ofs + 9, 2);
	}
	assert_memory_equal(o.data, want, f->len);
}

static void test_action_remark(void **state)
{
	struct frame f;
	struct out o;

	(void)state;
	udp4_frame(&f, 0x28);
	remark_case(&f, ETH_HEADER_LEN + 1, false, 1, 0x28, 0x30);
	remark_case(&f, ETH_HEADER_LEN + 1, false, 5, 0x28, 0x38);
	udp4_frame(&f, 0x2b);           /* ECN bits stay */
	remark_case(&f, ETH_HEADER_LEN + 1, false, 1, 0x2b, 0x33);
	udp4_frame(&f, 0xb8);           /* EF's precedence bits are all set */
	remark_case(&f, ETH_HEADER_LEN + 1, false, 1, 0xb8, 0xb8);
	pc_frame(&f, PC_UDP6);
	remark_case(&f, ETH_HEADER_LEN, true, 2, 0x28, 0x38);

	/* Not IP: the packet goes on as it is. */
	pc_frame(&f, PC_ARP);
	set1(13, METER_F_PKTPS | METER_F_BURST, METER_BAND_DSCP_REMARK, 1, 1, 1);
	out_init(&o);
	assert_int_equal(run_action(&o, &f, 13), 0);
	assert_int_equal(run_action(&o, &f, 13), 0);
	assert_int_equal(o.n, 2);
	assert_memory_equal(o.data, f.data, f.len);
}

/* A drop band inside a clone ends the clone's list only when the clone is
 * not last; a meter in a nested list is checked like any other. */
static void test_action_validate(void **state)
{
	struct actions_error e;
	struct flow_key key;
	struct frame f;
	u32 mem[16];
	struct nlbuf b;
	struct dp_packet *p;

	(void)state;
	udp4_frame(&f, 0);
	p = dp_packet_clone_data(f.data, f.len);
	assert_int_equal(dp_packet_parse(p, &key), 0);
	dp_packet_delete(p);

	nlbuf_init(&b, mem, sizeof mem);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_OUTPUT, 1);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_METER, METER_ID_LIMIT - 1);
	assert_int_equal(actions_validate((const void *)mem, b.size, &key,
					  NULL, &e), 0);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_METER, METER_ID_LIMIT);
	memset(&e, 0, sizeof e);
	assert_int_equal(actions_validate((const void *)mem, b.size, &key,
					  NULL, &e), -EINVAL);
	assert_int_equal(e.attr, OVS_ACTION_ATTR_METER);
	assert_int_equal(e.offset, 16);
	assert_string_equal(e.msg, "meter id out of range");

	nlbuf_init(&b, mem, sizeof mem);
	nlbuf_put_u16(&b, OVS_ACTION_ATTR_METER, 1);
	memset(&e, 0, sizeof e);
	assert_int_equal(actions_validate((const void *)mem, b.size, &key,
					  NULL, &e), -EINVAL);
	assert_int_equal(e.offset, 0);
	assert_string_equal(e.msg, "wrong length");
	assert_string_equal(actions_attr_name(OVS_ACTION_ATTR_METER), "meter");
}

static void test_action_in_clone(void **state)
{
	struct flow_key key;
	struct frame f;
	struct out o;
	u32 mem[16];
	struct nlbuf b;
	struct dp_packet *p;
	u32 nest, i;

	(void)state;
	udp4_frame(&f, 0);
	set1(14, METER_F_PKTPS | METER_F_BURST, METER_BAND_DROP, 1, 1, 0);
	nlbuf_init(&b, mem, sizeof mem);
	nest = nlbuf_nest_start(&b, OVS_ACTION_ATTR_CLONE);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_METER, 14);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_OUTPUT, 3);
	nlbuf_nest_end(&b, nest);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_OUTPUT, 4);
	out_init(&o);
	for (i = 0; i < 3; i++) {
		p = dp_packet_clone_data(f.data, f.len);
		assert_int_equal(dp_packet_parse(p, &key), 0);
		assert_int_equal(actions_validate((const void *)mem, b.size,
						  &key, NULL, NULL), 0);
		rcu_read_lock();
		assert_int_equal(actions_execute(&o.ctx, p, &key,
						 (const void *)mem, b.size), 0);
		rcu_read_unlock();
		dp_packet_delete(p);
	}
	/* One metered copy, and all three on port 4. */
	assert_int_equal(o.n, 4);
}

/* ---- Through the dpif, on the userspace datapath. ---- */

static void test_dpif(void **state)
{
	struct dpif_meter_features f;
	struct dpif_meter_config cfg;
	struct dpif_meter_stats s;
	struct dp_packet *pkt;
	struct frame fr;
	struct dpif *dpif;
	u32 mem[4];
	struct nlbuf b;
	int i;

	(void)state;
	assert_int_equal(dpif_open("netdev", "mtr", true, &dpif), 0);
	assert_int_equal(dpif_meter_features(dpif, &f), 0);
	assert_int_equal(f.max_meters, METER_ID_LIMIT);
	assert_int_equal(f.max_bands, 8);
	assert_int_equal(f.band_types, 0x6);
	assert_int_equal(f.capabilities, 0xf);

	memset(&cfg, 0, sizeof cfg);
	cfg.flags = METER_F_PKTPS | METER_F_BURST;
	cfg.n_bands = 9;
	cfg.bands[0] = (struct meter_band_config){ METER_BAND_DROP, 1, 3, 0 };
	assert_int_equal(dpif_meter_set(dpif, 5, &cfg), -EINVAL);
	assert_string_equal(dpif_last_error(dpif),
			    "meter 5: 9 bands, at most 8");
	cfg.n_bands = 1;
	assert_int_equal(dpif_meter_set(dpif, METER_ID_LIMIT, &cfg), -EFBIG);
	assert_string_equal(dpif_last_error(dpif),
			    "meter 262144: meter id out of range");
	assert_int_equal(dpif_meter_get(dpif, 5, &s), -ENOENT);
	assert_string_equal(dpif_last_error(dpif), "meter 5: no such meter");
	assert_int_equal(dpif_meter_del(dpif, METER_ID_LIMIT, NULL), -EFBIG);
	assert_string_equal(dpif_last_error(dpif),
			    "meter 262144: id out of range (below 262144)");
	assert_int_equal(dpif_meter_set(dpif, 5, &cfg), 0);
	assert_string_equal(dpif_last_error(dpif), "");

	/* Executed packets go through the meter: 3 of 5 pass the burst. */
	udp4_frame(&fr, 0);
	pkt = dp_packet_clone_data(fr.data, fr.len);
	nlbuf_init(&b, mem, sizeof mem);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_METER, 5);
	for (i = 0; i < 5; i++)
		assert_int_equal(dpif_execute(dpif, pkt, mem, b.size), 0);
	dp_packet_delete(pkt);
	assert_int_equal(dpif_meter_get(dpif, 5, &s), 0);
	assert_int_equal(s.packet_in_count, 5);
	assert_int_equal(s.byte_in_count, 5ull * fr.len);
	assert_int_equal(s.n_bands, 1);
	assert_int_equal(s.bands[0].n_packets, 2);
	memset(&s, 0, sizeof s);
	assert_int_equal(dpif_meter_del(dpif, 5, &s), 0);
	assert_int_equal(s.packet_in_count, 5);
	assert_int_equal(dpif_meter_get(dpif, 5, &s), -ENOENT);

	assert_int_equal(dpif_destroy(dpif), 0);
	assert_int_equal(dpif_meter_features(dpif, &f), -ENODEV);
	assert_int_equal(dpif_meter_set(dpif, 5, &cfg), -ENODEV);
	dpif_close(dpif);
}

/* A provider without meters says so, and changes nothing. */
static void test_dpif_unsupported(void **state)
{
	static const struct dpif_class bare = { .type = "bare" };
	struct dpif_meter_features f;
	struct dpif_meter_config cfg;
	struct dpif_meter_stats s;
	struct dpif d;

	(void)state;
	memset(&cfg, 0, sizeof cfg);
	dpif_init(&d, &bare, "b0");
	memset(&f, 0xff, sizeof f);
	assert_int_equal(dpif_meter_features(&d, &f), -EOPNOTSUPP);
	assert_int_equal(f.max_meters, 0);
	assert_int_equal(f.band_types, 0);
	assert_string_equal(dpif_last_error(&d), "bare datapaths have no meters");
	assert_int_equal(dpif_meter_set(&d, 1, &cfg), -EOPNOTSUPP);
	assert_int_equal(dpif_meter_get(&d, 1, &s), -EOPNOTSUPP);
	assert_int_equal(dpif_meter_del(&d, 1, NULL), -EOPNOTSUPP);
	assert_string_equal(dpif_last_error(&d), "bare datapaths have no meters");
	free(d.name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pktps_burst),
		cmocka_unit_test(test_kbps_burst),
		cmocka_unit_test(test_default_burst),
		cmocka_unit_test(test_clock_backwards),
		cmocka_unit_test(test_band_selection),
		cmocka_unit_test(test_stats_and_del),
		cmocka_unit_test(test_set_errors),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_action_drop),
		cmocka_unit_test(test_action_remark),
		cmocka_unit_test(test_action_validate),
		cmocka_unit_test(test_action_in_clone),
		cmocka_unit_test(test_dpif),
		cmocka_unit_test(test_dpif_unsupported),
	};

	rcu_register_thread();
	return cmocka_run_group_tests(tests, setup, teardown);
}
