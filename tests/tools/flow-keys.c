/* flow-keys: prints the flow key of every frame of a pcap file, one JSON
 * object a line, for tests to compare with what they sent or with tshark;
 * or, with --dpctl, as the datapath would report it: the key encoded as
 * OVS_KEY_ATTR_* netlink attributes and printed in ovs-dpctl syntax.
 *
 * A field is printed when the key carries it by the upstream datapath's rules
 * (eth_type, ip.proto, frag and the VLAN/MPLS counts say which); its value is
 * then whatever the extractor found, zero for a header that did not fit.
 * Numbers are JSON numbers, addresses strings. */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "flow-netlink.h"
#include "odp-key-text.h"
#include "pcap-file.h"

static const char *sep;         /* before the next member of the object */

static void put_uint(const char *name, uint32_t v)
{
	printf("%s\"%s\":%" PRIu32, sep, name, v);
	sep = ",";
}

static void put_str(const char *name, const char *s)
{
	printf("%s\"%s\":\"%s\"", sep, name, s);
	sep = ",";
}

static void put_mac(const char *name, const u8 *mac)
{
	char s[18];

	snprintf(s, sizeof s, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	put_str(name, s);
}

/* IPv4 addresses are __be32 in the key, IPv6 addresses 16 bytes. */
static void put_ip(const char *name, int af, const void *addr)
{
	char s[INET6_ADDRSTRLEN];

	put_str(name, inet_ntop(af, addr, s, sizeof s));
}

static void put_indexed(const char *prefix, int i, const char *field,
			uint32_t v)
{
	char name[32];

	snprintf(name, sizeof name, "%s%d_%s", prefix, i, field);
	put_uint(name, v);
}

static void put_l2(const struct flow_key *k)
{
	u32 i;

	put_mac("eth_src", k->eth_src);
	put_mac("eth_dst", k->eth_dst);
	for (i = 0; i < FLOW_MAX_VLANS && k->vlan[i].tci; i++) {
		u16 tci = be16_to_cpu(k->vlan[i].tci);

		put_indexed("vlan", i, "tpid", be16_to_cpu(k->vlan[i].tpid));
		put_indexed("vlan", i, "vid", tci & VLAN_VID_MASK);
		put_indexed("vlan", i, "pcp", tci >> VLAN_PCP_SHIFT);
	}
	put_uint("eth_type", be16_to_cpu(k->eth_type));
}

static void put_mpls(const struct flow_key *k)
{
	u32 i;

	for (i = 0; i < flow_mpls_count(k->mpls.held); i++) {
		u32 lse = be32_to_cpu(k->mpls.lse[i]);

		put_indexed("mpls", i, "label", lse >> MPLS_LABEL_SHIFT);
		put_indexed("mpls", i, "tc",
			    (lse & MPLS_TC_MASK) >> MPLS_TC_SHIFT);
		put_indexed("mpls", i, "bos",
			    (lse & MPLS_BOS_MASK) >> MPLS_BOS_SHIFT);
		put_indexed("mpls", i, "ttl", lse & MPLS_TTL_MASK);
	}
}

static void put_arp(const struct flow_key *k)
{
	put_uint("arp_op", k->ip.proto);
	put_ip("arp_sip", AF_INET, &k->arp.sip);
	put_ip("arp_tip", AF_INET, &k->arp.tip);
	put_mac("arp_sha", k->arp.sha);
	put_mac("arp_tha", k->arp.tha);
}

/* The IP fields both versions share, and the transport fields, which later
 * fragments do not have. */
static void put_ip_common(const struct flow_key *k, u8 icmp_proto)
{
	static const char *const frags[] = { "no", "first", "later" };

	put_uint("proto", k->ip.proto);
	put_uint("tos", k->ip.tos);
	put_uint("ttl", k->ip.ttl);
	put_str("frag", k->ip.frag < 3 ? frags[k->ip.frag] : "?");
	if (k->ip.frag == OVS_FRAG_TYPE_LATER)
		return;

	if (k->ip.proto == icmp_proto) {
		put_uint("icmp_type", be16_to_cpu(k->tp.src));
		put_uint("icmp_code", be16_to_cpu(k->tp.dst));
	} else if (k->ip.proto == IPPROTO_NUM_TCP ||
		   k->ip.proto == IPPROTO_NUM_UDP ||
		   k->ip.proto == IPPROTO_NUM_SCTP) {
		put_uint("tp_src", be16_to_cpu(k->tp.src));
		put_uint("tp_dst", be16_to_cpu(k->tp.dst));
	}
	if (k->ip.proto == IPPROTO_NUM_TCP)
		put_uint("tcp_flags", be16_to_cpu(k->tp.flags));
}

static void put_ipv6(const struct flow_key *k)
{
	u16 type = be16_to_cpu(k->tp.src);

	put_ip("ipv6_src", AF_INET6, k->ipv6.src);
	put_ip("ipv6_dst", AF_INET6, k->ipv6.dst);
	put_uint("ipv6_label", be32_to_cpu(k->ipv6.label));
	put_uint("exthdrs", k->ipv6.exthdrs);
	put_ip_common(k, IPPROTO_NUM_ICMPV6);
	if (k->ip.proto == IPPROTO_NUM_ICMPV6 &&
	    k->ip.frag != OVS_FRAG_TYPE_LATER &&
	    (type == ICMPV6_NS || type == ICMPV6_NA)) {
		put_ip("nd_target", AF_INET6, k->ipv6.nd_target);
		put_mac("nd_sll", k->ipv6.nd_sll);
		put_mac("nd_tll", k->ipv6.nd_tll);
	}
}

static void put_key(uint64_t n, const struct pcap_record *rec)
{
	struct flow_key k;

	memset(&k, 0, sizeof k);
	sep = "";
	printf("{");
	put_uint("n", n);
	put_uint("len", rec->caplen);
	if (flow_extract(rec->data, rec->caplen, &k, NULL) == 0) {
		put_l2(&k);
		switch (be16_to_cpu(k.eth_type)) {
		case ETH_TYPE_IP:
			put_ip("ipv4_src", AF_INET, &k.ipv4.src);
			put_ip("ipv4_dst", AF_INET, &k.ipv4.dst);
			put_ip_common(&k, IPPROTO_NUM_ICMP);
			break;
		case ETH_TYPE_IPV6:
			put_ipv6(&k);
			break;
		case ETH_TYPE_ARP:
		case ETH_TYPE_RARP:
			put_arp(&k);
			break;
		case ETH_TYPE_MPLS:
		case ETH_TYPE_MPLS_MCAST:
			put_mpls(&k);
			break;
		}
	}
	printf("}\n");
}

/* The key of one frame in ovs-dpctl syntax, from its netlink encoding. */
static void put_dpctl_key(const struct pcap_record *rec)
{
	u32 attrs[256];
	struct nlbuf b;
	struct flow_key k;
	char *text;

	memset(&k, 0, sizeof k);
	if (flow_extract(rec->data, rec->caplen, &k, NULL)) {
		printf("(runt frame of %u bytes)\n", (unsigned)rec->caplen);
		return;
	}
	nlbuf_init(&b, attrs, sizeof attrs);
	if (flow_nl_put_key(&b, &k)) {
		printf("(key too large)\n");
		return;
	}
	text = odp_key_to_string(b.data, b.size, NULL, 0, 0);
	printf("%s\n", text);
	free(text);
}

int main(int argc, char *argv[])
{
	struct pcap_reader r;
	struct pcap_record rec;
	bool dpctl = argc == 3 && !strcmp(argv[1], "--dpctl");
	const char *file = argv[argc - 1];
	FILE *fp;
	int ret;

	if ((argc != 2 && !dpctl) || !strcmp(argv[1], "--help")) {
		fprintf(stderr, "usage: %s [--dpctl] FILE.pcap\n"
			"Prints the flow key of each frame as a JSON line, or\n"
			"with --dpctl in ovs-dpctl syntax.\n", argv[0]);
		return 2;
	}
	fp = !strcmp(file, "-") ? stdin : fopen(file, "rb");
	if (!fp) {
		perror(file);
		return 1;
	}
	ret = pcap_reader_open(&r, fp);
	while (!ret && (ret = pcap_read(&r, &rec)) == 1) {
		if (dpctl)
			put_dpctl_key(&rec);
		else
			put_key(r.n_records, &rec);
		ret = 0;
	}
	if (ret < 0)
		fprintf(stderr, "%s: %s\n", file, r.error);
	pcap_reader_destroy(&r);
	fclose(fp);
	return ret < 0;
}
