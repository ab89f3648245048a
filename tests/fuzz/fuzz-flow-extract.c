/* libFuzzer: flow-key extraction over arbitrary frames.  Beyond not
 * crashing, the result must be deterministic, keep the caller's metadata,
 * leave padding zero and report header offsets in order inside the frame. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_offsets(const struct flow_offsets *ofs, size_t size)
{
	const uint16_t seq[] = { ofs->l2_5, ofs->l3, ofs->l4, ofs->l7 };
	uint32_t last = 0;

	for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++) {
		if (seq[i] == FLOW_OFS_NONE)
			continue;
		if (seq[i] < last || seq[i] > size)
			abort();
		last = seq[i];
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct flow_key a, b;
	struct flow_offsets oa, ob;

	if (size > 0xffff)
		return 0;
	memset(&a, 0xff, sizeof a);
	memset(&b, 0, sizeof b);
	a.in_port = b.in_port = 42;
	a.recirc_id = b.recirc_id = 9;
	a.dp_hash = b.dp_hash = a.skb_mark = b.skb_mark = a.priority = b.priority = 1;

	int ra = flow_extract(data, size, &a, &oa);
	int rb = flow_extract(data, size, &b, &ob);

	if (ra != rb || (ra && size >= ETH_HEADER_LEN) || a.in_port != 42 ||
	    a.recirc_id != 9)
		abort();
	if (ra == 0) {
		if (memcmp(&a, &b, sizeof a) || memcmp(&oa, &ob, sizeof oa))
			abort();
		if (a.pad0 || a.tp.pad)
			abort();
		if (flow_eth_type_is_mpls(a.eth_type) &&
		    a.mpls.held != flow_mpls_held(flow_mpls_count(a.mpls.held)))
			abort();
		check_offsets(&oa, size);
	}
	return 0;
}
