/* libFuzzer: a meter configured from arbitrary bytes, then a train of
 * packets of arbitrary lengths at arbitrary clock steps (forwards and back)
 * through it, each remarked packet an IPv4 or IPv6 frame whose checksums
 * must stay right.  Beyond not crashing and no integer overflow: the
 * meter's counts must add up to what its verdicts said.
 *
 * Input: 4 bytes of flags, a byte of band count, 12 bytes a band (type,
 * rate, burst and prec_level: 4, 4, 3, 1); then 8 bytes a packet: length
 * (2), signed clock step in ns (4), its scale as 1 << the low 2 bits (1),
 * the shape of the frame remarked if it comes to that (1). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "dp-packet.h"
#include "meter.h"
#include "tests/unit/packet-check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static u32 get32(const uint8_t *p)
{
	u32 v;

	memcpy(&v, p, sizeof v);
	return v;
}

static size_t parse_config(const uint8_t *data, size_t size,
			   struct meter_config *c)
{
	size_t at = 5, i;

	memset(c, 0, sizeof c[0]);
	if (size < at)
		return 0;
	c->flags = get32(data);
	c->n_bands = data[4] % (METER_MAX_BANDS + 2);
	for (i = 0; i < c->n_bands && i < METER_MAX_BANDS; i++, at += 12) {
		if (size < at + 12)
			return 0;
		c->bands[i].type = get32(data + at) % 4;
		c->bands[i].rate = get32(data + at + 4);
		c->bands[i].burst = get32(data + at + 8) & 0xffffff;
		c->bands[i].prec_level = data[at + 11];
	}
	return at;
}

/* A remarked frame keeps right checksums. */
static void remark(u8 shape, u32 id)
{
	struct actions_ctx ctx = { NULL, NULL, NULL, NULL, 1, NULL, 0 };
	static struct meter_table one;
	struct meter_config c;
	struct flow_key key;
	struct dp_packet *p;
	struct frame f;
	u32 acts[2];
	struct nlbuf b;

	if (!one.max) {
		memset(&c, 0, sizeof c);
		c.flags = METER_F_PKTPS | METER_F_BURST;
		c.n_bands = 1;
		c.bands[0].type = METER_BAND_DSCP_REMARK;
		c.bands[0].rate = 1;
		c.bands[0].burst = 1;
		if (meter_table_init(&one, 1) || meter_set(&one, 0, &c, NULL))
			abort();
	}
	ctx.meters = &one;
	pc_frame(&f, (enum pc_shape)(shape % PC_N_SHAPES));
	p = dp_packet_clone_data(f.data, f.len);
	memset(&key, 0, sizeof key);
	if (dp_packet_parse(p, &key))
		abort();
	nlbuf_init(&b, acts, sizeof acts);
	nlbuf_put_u32(&b, OVS_ACTION_ATTR_METER, id % 2);
	actions_execute(&ctx, p, &key, (const struct nlattr *)acts, b.size);
	if (!pc_ipv4_ok(dp_packet_data(p), dp_packet_size(p)) ||
	    !pc_l4_ok(dp_packet_data(p), dp_packet_size(p)))
		abort();
	dp_packet_delete(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct meter_table table;
	static bool ready;
	struct meter_stats s;
	struct meter_config c;
	u64 now = 1000000000ull, n = 0, bytes = 0, hit = 0, applied = 0;
	size_t at = parse_config(data, size, &c);
	u32 i;

	if (!ready) {
		rcu_register_thread();
		if (meter_table_init(&table, 4))
			abort();
		ready = true;
	}
	if (!at || meter_set(&table, 1, &c, NULL))
		return 0;
	for (; at + 8 <= size; at += 8) {
		u32 len = data[at] | (u32)data[at + 1] << 8;
		s32 step = (s32)get32(data + at + 2);
		u8 prec = 0;
		enum meter_verdict v;

		now += (u64)((int64_t)step * (1 << (data[at + 6] & 3)));
		rcu_read_lock();
		v = meter_run(&table, 1, len, now, &prec);
		rcu_read_unlock();
		n++;
		bytes += len;
		hit += v != METER_PASS;
		if (v == METER_REMARK)
			remark(data[at + 7], data[at + 7] >> 4);
	}
	if (meter_del(&table, 1, &s))
		abort();
	for (i = 0; i < s.n_bands; i++)
		applied += s.bands[i].n_packets;
	if (s.in.n_packets != n || s.in.n_bytes != bytes || applied != hit ||
	    s.n_bands != c.n_bands)
		abort();
	return 0;
}
