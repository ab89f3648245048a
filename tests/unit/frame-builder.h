/* Builds test frames header by header.  frame_finish() fills in the IPv4
 * total length and checksum and the IPv6 payload length, so tests state only
 * what they care about; tests that want bad lengths edit the bytes after. */
#ifndef WEIR_TEST_FRAME_BUILDER_H
#define WEIR_TEST_FRAME_BUILDER_H 1

#include <string.h>
#include "packets.h"

struct frame {
	u8 data[2048];
	u32 len;
	int ipv4_ofs;           /* -1 when absent */
	int ipv6_ofs;
};

static inline void frame_init(struct frame *f)
{
	memset(f, 0, sizeof *f);
	f->ipv4_ofs = f->ipv6_ofs = -1;
}

static inline void *frame_put(struct frame *f, const void *p, u32 n)
{
	void *dst = f->data + f->len;

	if (p)
		memcpy(dst, p, n);
	else
		memset(dst, 0, n);
	f->len += n;
	return dst;
}

static inline void frame_put_be16(struct frame *f, u16 v)
{
	__be16 x = cpu_to_be16(v);

	frame_put(f, &x, 2);
}

static inline void frame_put_be32(struct frame *f, u32 v)
{
	__be32 x = cpu_to_be32(v);

	frame_put(f, &x, 4);
}

static inline void frame_eth(struct frame *f, const char *dst, const char *src,
			     u16 type)
{
	frame_put(f, dst, 6);
	frame_put(f, src, 6);
	frame_put_be16(f, type);
}

/* A VLAN tag goes where the ethertype was: call it in place of the next
 * header's type, i.e. frame_eth(.., tpid) then frame_vlan(tci, next_type). */
static inline void frame_vlan(struct frame *f, u16 tci, u16 next_type)
{
	frame_put_be16(f, tci);
	frame_put_be16(f, next_type);
}

static inline void frame_mpls(struct frame *f, u32 label, u8 tc, bool bos,
			      u8 ttl)
{
	frame_put_be32(f, label << MPLS_LABEL_SHIFT | (u32)tc << MPLS_TC_SHIFT |
			  (u32)bos << MPLS_BOS_SHIFT | ttl);
}

static inline void frame_ipv4_opts(struct frame *f, u32 src, u32 dst, u8 proto,
				   u8 ttl, u8 tos, u16 frag_off,
				   const void *opts, u32 opts_len)
{
	struct pkt_ipv4 *ip;

	f->ipv4_ofs = f->len;
	ip = frame_put(f, NULL, sizeof *ip);
	ip->ihl_ver = 0x40 | (u8)((sizeof *ip + opts_len) / 4);
	ip->tos = tos;
	ip->frag_off = cpu_to_be16(frag_off);
	ip->ttl = ttl;
	ip->proto = proto;
	ip->src = cpu_to_be32(src);
	ip->dst = cpu_to_be32(dst);
	if (opts_len)
		frame_put(f, opts, opts_len);
}

static inline void frame_ipv4(struct frame *f, u32 src, u32 dst, u8 proto,
			      u8 ttl, u8 tos, u16 frag_off)
{
	frame_ipv4_opts(f, src, dst, proto, ttl, tos, frag_off, NULL, 0);
}

static inline void frame_ipv6(struct frame *f, const void *src, const void *dst,
			      u8 next, u8 hlimit, u8 tclass, u32 label)
{
	struct pkt_ipv6 *ip;

	f->ipv6_ofs = f->len;
	ip = frame_put(f, NULL, sizeof *ip);
	ip->vtc_flow = cpu_to_be32(6u << 28 | (u32)tclass << 20 | label);
	ip->next = next;
	ip->hlimit = hlimit;
	memcpy(ip->src, src, 16);
	memcpy(ip->dst, dst, 16);
}

/* A hop-by-hop, routing or destination options header of 8*(len8+1) bytes,
 * followed by header 'next'. */
static inline void frame_ipv6_ext(struct frame *f, u8 next, u8 len8)
{
	u8 *h = frame_put(f, NULL, 8 * (len8 + 1u));

	h[0] = next;
	h[1] = len8;
}

static inline void frame_ipv6_frag(struct frame *f, u8 next, u16 offset,
				   bool more)
{
	struct pkt_ipv6_frag *h = frame_put(f, NULL, sizeof *h);

	h->next = next;
	h->off_flags = cpu_to_be16((u16)(offset << 3) | (more ? 1 : 0));
	h->id = cpu_to_be32(0x1234);
}

static inline void frame_tcp(struct frame *f, u16 src, u16 dst, u16 flags)
{
	struct pkt_tcp *t = frame_put(f, NULL, sizeof *t);

	t->src = cpu_to_be16(src);
	t->dst = cpu_to_be16(dst);
	t->off_flags = cpu_to_be16(5u << 12 | flags);
	t->window = cpu_to_be16(1024);
}

static inline void frame_udp(struct frame *f, u16 src, u16 dst)
{
	struct pkt_udp *u = frame_put(f, NULL, sizeof *u);

	u->src = cpu_to_be16(src);
	u->dst = cpu_to_be16(dst);
	u->len = cpu_to_be16(sizeof *u);
}

static inline void frame_sctp(struct frame *f, u16 src, u16 dst)
{
	struct pkt_sctp *s = frame_put(f, NULL, sizeof *s);

	s->src = cpu_to_be16(src);
	s->dst = cpu_to_be16(dst);
}

static inline void frame_icmp(struct frame *f, u8 type, u8 code)
{
	struct pkt_icmp *i = frame_put(f, NULL, sizeof *i);

	i->type = type;
	i->code = code;
}

static inline void frame_arp(struct frame *f, u16 op, const char *sha,
			     u32 spa, const char *tha, u32 tpa)
{
	struct pkt_arp *a = frame_put(f, NULL, sizeof *a);

	a->htype = cpu_to_be16(ARP_HTYPE_ETH);
	a->ptype = cpu_to_be16(ETH_TYPE_IP);
	a->hlen = 6;
	a->plen = 4;
	a->op = cpu_to_be16(op);
	memcpy(a->sha, sha, 6);
	a->spa = cpu_to_be32(spa);
	memcpy(a->tha, tha, 6);
	a->tpa = cpu_to_be32(tpa);
}

/* Neighbour solicitation/advertisement header (after frame_ipv6). */
static inline void frame_nd(struct frame *f, u8 type, const void *target)
{
	struct pkt_nd *nd = frame_put(f, NULL, sizeof *nd);

	nd->icmp.type = type;
	memcpy(nd->target, target, 16);
}

static inline void frame_nd_opt(struct frame *f, u8 type, const char *mac)
{
	u8 *o = frame_put(f, NULL, 8);

	o[0] = type;
	o[1] = 1;
	memcpy(o + 2, mac, 6);
}

static inline u16 frame_csum(const u8 *p, u32 n)
{
	u32 sum = 0;
	u32 i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (u32)p[i] << 8 | p[i + 1];
	if (n & 1)
		sum += (u32)p[n - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}

static inline void frame_finish(struct frame *f)
{
	if (f->ipv4_ofs >= 0) {
		struct pkt_ipv4 *ip = (struct pkt_ipv4 *)(f->data + f->ipv4_ofs);

		ip->tot_len = cpu_to_be16(f->len - f->ipv4_ofs);
		ip->csum = 0;
		ip->csum = cpu_to_be16(frame_csum((u8 *)ip, (ip->ihl_ver & 0xf) * 4));
	}
	if (f->ipv6_ofs >= 0) {
		struct pkt_ipv6 *ip = (struct pkt_ipv6 *)(f->data + f->ipv6_ofs);

		ip->payload_len = cpu_to_be16(f->len - f->ipv6_ofs - IPV6_HEADER_LEN);
	}
}

#endif /* WEIR_TEST_FRAME_BUILDER_H */
