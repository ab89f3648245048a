/* What the ofproto unit tests share: a bridge's ports 1-3 (hw addr
 * 00:00:00:00:00:0N, name pN) and a connection speaking one version with
 * the protocol ovs-ofctl would choose for it. */
#ifndef TEST_OFPROTO_UTIL_H
#define TEST_OFPROTO_UTIL_H 1

#include <stdio.h>
#include <string.h>

#include "ofproto.h"

static inline void test_ofproto_add_ports(struct ofproto *p)
{
	for (uint16_t i = 1; i <= 3; i++) {
		struct ofp_phy_port port;

		memset(&port, 0, sizeof port);
		port.port_no = i;
		port.hw_addr[5] = i;
		snprintf(port.name, sizeof port.name, "p%u", i);
		assert_int_equal(ofproto_port_set(p, &port), 0);
	}
}

static inline struct ofproto_conn test_ofproto_conn(uint8_t version)
{
	struct ofproto_conn c = { .version = version, .id = 7,
				  .miss_send_len = 128 };

	c.protocol = ofp_protocol_choose(
		OFPROTO_ANY, ofp_protocols_from_versions(1u << version));
	return c;
}

#endif
