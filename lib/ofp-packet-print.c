/* A frame as ovs-ofctl shows it under a PACKET_IN: the datapath's flow key
 * turned into an exact match over the fields a packet of its kind has,
 * then the transport checksum. */
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "flow.h"
#include "odp-key-text.h"
#include "ofp-match.h"
#include "ofp-packet-in.h"

#define ETH_TYPE_IP	0x0800
#define ETH_TYPE_ARP	0x0806
#define ETH_TYPE_RARP	0x8035
#define ETH_TYPE_IPV6	0x86dd

#define PROTO_ICMP	1
#define PROTO_IGMP	2
#define PROTO_TCP	6
#define PROTO_UDP	17
#define PROTO_SCTP	132
#define PROTO_ICMPV6	58

/* Sets a field's value and an all-ones mask. */
#define EXACT(M, FIELD, VALUE)                                               \
	do {                                                                 \
		(M)->flow.FIELD = (VALUE);                                   \
		memset(&(M)->mask.FIELD, 0xff, sizeof (M)->mask.FIELD);      \
	} while (0)
#define EXACT_BYTES(M, FIELD, SRC)                                           \
	do {                                                                 \
		memcpy((M)->flow.FIELD, SRC, sizeof (M)->flow.FIELD);        \
		memset((M)->mask.FIELD, 0xff, sizeof (M)->mask.FIELD);       \
	} while (0)

/* L2: addresses, type, and the outer tag (the inner one is added to the
 * text by format_inner_vlan()). */
static void take_l2(struct of_match *m, const struct flow_key *k)
{
	EXACT_BYTES(m, dl_src, k->eth_src);
	EXACT_BYTES(m, dl_dst, k->eth_dst);
	EXACT(m, dl_type, k->eth_type);
	EXACT(m, vlans[0].tci, k->vlan[0].tci);
}

static bool is_nd(const struct flow_key *k)
{
	uint16_t type = be16_to_cpu(k->tp.src);
	return k->ip.proto == PROTO_ICMPV6 && !k->tp.dst &&
	       (type == 135 || type == 136);
}

static void take_l3(struct of_match *m, const struct flow_key *k,
		    uint16_t type)
{
	if (type == ETH_TYPE_IP) {
		EXACT(m, nw_src, k->ipv4.src);
		EXACT(m, nw_dst, k->ipv4.dst);
	} else {
		EXACT_BYTES(m, ipv6_src, k->ipv6.src);
		EXACT_BYTES(m, ipv6_dst, k->ipv6.dst);
		m->flow.ipv6_label = k->ipv6.label;
		m->mask.ipv6_label = cpu_to_be32(0xfffff);
		if (is_nd(k)) {
			EXACT_BYTES(m, nd_target, k->ipv6.nd_target);
			EXACT_BYTES(m, arp_sha, k->ipv6.nd_sll);
			EXACT_BYTES(m, arp_tha, k->ipv6.nd_tll);
		}
	}
	m->flow.nw_frag = k->ip.frag == OVS_FRAG_TYPE_NONE ? 0
			  : k->ip.frag == OVS_FRAG_TYPE_FIRST
				  ? OF_FRAG_ANY
				  : OF_FRAG_ANY | OF_FRAG_LATER;
	m->mask.nw_frag = OF_FRAG_MASK;
	EXACT(m, nw_tos, k->ip.tos);
	EXACT(m, nw_ttl, k->ip.ttl);
	EXACT(m, nw_proto, k->ip.proto);
	if (m->flow.nw_frag & OF_FRAG_LATER)
		return;

	uint8_t p = k->ip.proto;
	if (p == PROTO_ICMP || p == PROTO_ICMPV6 || p == PROTO_TCP ||
	    p == PROTO_UDP || p == PROTO_SCTP || p == PROTO_IGMP) {
		EXACT(m, tp_src, k->tp.src);
		EXACT(m, tp_dst, k->tp.dst);
		if (p == PROTO_TCP) {
			m->flow.tcp_flags = k->tp.flags;
			m->mask.tcp_flags = cpu_to_be16(0x0fff);
		}
	}
}

/* ARP carries its opcode in nw_proto, as OpenFlow 1.0 does. */
static void take_arp(struct of_match *m, const struct flow_key *k)
{
	EXACT(m, nw_src, k->arp.sip);
	EXACT(m, nw_dst, k->arp.tip);
	EXACT(m, arp_op, cpu_to_be16(k->ip.proto));
	EXACT_BYTES(m, arp_sha, k->arp.sha);
	EXACT_BYTES(m, arp_tha, k->arp.tha);
}

static void key_to_match(const struct flow_key *k, struct of_match *m)
{
	uint16_t type = be16_to_cpu(k->eth_type);

	of_match_init_catchall(m);
	take_l2(m, k);
	if (type == ETH_TYPE_IP || type == ETH_TYPE_IPV6)
		take_l3(m, k, type);
	else if (type == ETH_TYPE_ARP || type == ETH_TYPE_RARP)
		take_arp(m, k);
}

/* The checksum field of the transport header, if it is all there. */
static void format_csum(struct odp_text *t, const struct flow_key *k,
			const struct flow_offsets *ofs, const uint8_t *packet,
			size_t len)
{
	static const struct {
		uint8_t proto;
		uint8_t min_len, csum_ofs, csum_len;
		const char *name;
	} csums[] = {
		{ PROTO_TCP, 20, 16, 2, "tcp_csum" },
		{ PROTO_UDP, 8, 6, 2, "udp_csum" },
		{ PROTO_SCTP, 12, 8, 4, "sctp_csum" },
		{ PROTO_ICMP, 4, 2, 2, "icmp_csum" },
		{ PROTO_ICMPV6, 4, 2, 2, "icmp6_csum" },
	};
	uint16_t type = be16_to_cpu(k->eth_type);
	size_t l4 = ofs->l4;

	/* ovs-ofctl reads the "checksum" of a later IPv4 fragment too, from
	 * the bytes after the IP header. */
	if (l4 == FLOW_OFS_NONE && type == ETH_TYPE_IP &&
	    ofs->l3 != FLOW_OFS_NONE && ofs->l3 < len)
		l4 = ofs->l3 + (packet[ofs->l3] & 0x0f) * 4;
	if (l4 == FLOW_OFS_NONE || l4 > len ||
	    (type != ETH_TYPE_IP && type != ETH_TYPE_IPV6))
		return;
	for (size_t i = 0; i < sizeof csums / sizeof csums[0]; i++) {
		const uint8_t *p = packet + l4 + csums[i].csum_ofs;
		if (csums[i].proto != k->ip.proto ||
		    len - l4 < csums[i].min_len)
			continue;
		uint32_t v = 0;
		for (unsigned j = 0; j < csums[i].csum_len; j++)
			v = v << 8 | p[j];
		odp_text_printf(t, " %s:%x", csums[i].name, v);
	}
}

/* The match text has no second tag; a tagged frame shows it, as
 * "vlan_tci1", just before dl_src. */
static void print_with_inner_vlan(struct odp_text *t, const char *s,
				  const struct flow_key *k)
{
	const char *dl_src = strstr(s, "dl_src=");

	if (!k->vlan[0].tci || !dl_src) {
		odp_text_printf(t, "%s", s);
		return;
	}
	odp_text_printf(t, "%.*svlan_tci1=0x%04x,%s", (int)(dl_src - s), s,
			be16_to_cpu(k->vlan[1].tci), dl_src);
}

void ofp_packet_format(struct odp_text *t, const uint8_t *packet, size_t len)
{
	struct flow_offsets ofs;
	struct flow_key key;
	struct of_match m;

	flow_extract(packet, len, &key, &ofs);
	key_to_match(&key, &m);
	char *s = of_match_format(&m);
	print_with_inner_vlan(t, s, &key);
	free(s);
	format_csum(t, &key, &ofs, packet, len);
	odp_text_printf(t, "\n");
}
