/* libFuzzer: arbitrary bytes as an action list, validated against the key
 * of one of a few fixed packets; a list that validates is then executed on
 * that packet.  Beyond not crashing or reading out of bounds: every packet
 * handed to a callback and the packet at the end must parse again, keep
 * offsets that agree with a fresh parse wherever both know the header (a
 * parse stops at a third VLAN tag or an unknown ethertype), and carry right
 * checksums; the key a callback gets must be the packet's.
 *
 * Input: byte 0 picks the packet (enum pc_shape), byte 1 the mask (exact,
 * VLAN presence wildcarded, IP protocol wildcarded, ethertype wildcarded),
 * the rest is the list. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "dp-packet.h"
#include "tests/unit/packet-check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A truncated copy may have lost headers: only the whole packet's offsets
 * are compared. */
static void check_packet(const struct dp_packet *p, bool offsets)
{
	struct flow_offsets none = { FLOW_OFS_NONE, FLOW_OFS_NONE,
				     FLOW_OFS_NONE, FLOW_OFS_NONE };

	if (!pc_sound(dp_packet_data(p), dp_packet_size(p),
		      offsets ? &p->hdr : &none, false))
		abort();
}

/* The key a callback gets is the packet's. */
static void check_key(const struct dp_packet *p, const struct flow_key *key)
{
	struct flow_key fresh;

	memset(&fresh, 0, sizeof fresh);
	fresh.in_port = p->in_port;
	fresh.skb_mark = p->skb_mark;
	fresh.priority = p->priority;
	fresh.recirc_id = p->recirc_id;
	fresh.dp_hash = p->dp_hash;
	flow_extract(dp_packet_data(p), dp_packet_size(p), &fresh, NULL);
	if (memcmp(&fresh, key, sizeof fresh))
		abort();
}

static void cb_output(struct actions_ctx *ctx, struct dp_packet *p, u32 port)
{
	check_packet(p, false);
}

static void cb_userspace(struct actions_ctx *ctx, struct dp_packet *p,
			 const struct flow_key *key,
			 const struct actions_upcall *up)
{
	check_packet(p, false);
	if (up->userdata_len && !up->userdata)
		abort();
}

static void cb_recirc(struct actions_ctx *ctx, struct dp_packet *p,
		      const struct flow_key *key, u32 id)
{
	check_packet(p, true);
	check_key(p, key);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static u32 acts[4096 / sizeof(u32)];
	struct actions_ctx ctx = {
		.output = cb_output, .userspace = cb_userspace,
		.recirc = cb_recirc, .prng = 1,
	};
	struct flow_key key, mask;
	struct dp_packet *p;
	struct frame f;
	u32 len;

	if (size < 2 || size - 2 > sizeof acts)
		return 0;
	len = (u32)(size - 2);
	memcpy(acts, data + 2, len);        /* netlink data is 4-byte aligned */

	pc_frame(&f, (enum pc_shape)(data[0] % PC_N_SHAPES));
	p = dp_packet_clone_data(f.data, f.len);
	p->in_port = 3;
	memset(&key, 0, sizeof key);
	if (dp_packet_parse(p, &key))
		abort();

	memset(&mask, 0xff, sizeof mask);
	switch (data[1] % 4) {
	case 1:
		mask.vlan[0].tci = mask.vlan[1].tci = 0;
		break;
	case 2:
		mask.ip.proto = 0;
		break;
	case 3:
		mask.eth_type = 0;
		break;
	}
	if (!actions_validate((const struct nlattr *)acts, len, &key,
			      data[1] % 4 ? &mask : NULL, NULL)) {
		actions_execute(&ctx, p, &key, (const struct nlattr *)acts, len);
		check_packet(p, true);
	}
	dp_packet_delete(p);
	return 0;
}
