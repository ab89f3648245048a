/* NXT_CT_FLUSH: decode, encode and print. */
#include "ofp-ct-flush.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-prop.h"
#include "ofp-prop-put.h"
#include "ofp-wire.h"

#define CT_FLUSH_LEN 8
#define NO_EXPERIMENTER 0xffff
#define IPPROTO_ICMP_ 1
#define IPPROTO_ICMPV6_ 58

enum { CT_ORIG_TUPLE, CT_REPLY_TUPLE, CT_ZONE_ID };
enum {
	CT_TUPLE_SRC, CT_TUPLE_DST, CT_TUPLE_SRC_PORT, CT_TUPLE_DST_PORT,
	CT_TUPLE_ICMP_ID, CT_TUPLE_ICMP_TYPE, CT_TUPLE_ICMP_CODE,
};

static const uint8_t v4_mapped_prefix[12] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff,
};

static bool is_zero(const uint8_t *p, size_t n)
{
	return bytecur_is_zero(p, n);
}

/* An address property; the family of every nonzero address must agree
 * with the last one's. */
static enum ofperr pull_addr(const struct ofp_prop *prop, uint8_t *addr,
			     uint8_t *l3)
{
	if (prop->len < 4 + 16)
		return OFPERR_OFPBPC_BAD_LEN;
	memcpy(addr, prop->data + 4, 16);

	uint8_t family = is_zero(addr, 16) ? 0
		: !memcmp(addr, v4_mapped_prefix, 12) ? 4 : 6;
	if (*l3 && family && *l3 != family)
		return OFPERR_OFPBPC_BAD_VALUE;
	*l3 = family;
	return 0;
}

static enum ofperr pull_u16(const struct ofp_prop *prop, uint16_t *v)
{
	if (prop->len < 4 + 2)
		return OFPERR_OFPBPC_BAD_LEN;
	*v = ofp_get16(prop->data + 4);
	return 0;
}

static enum ofperr pull_u8(const struct ofp_prop *prop, uint8_t *v)
{
	if (prop->len < 4 + 1)
		return OFPERR_OFPBPC_BAD_LEN;
	*v = prop->data[4];
	return 0;
}

static enum ofperr pull_tuple_prop(const struct ofp_prop *prop,
				   struct ofp_ct_tuple *t, uint8_t *l3)
{
	switch (prop->type) {
	case CT_TUPLE_SRC: return pull_addr(prop, t->src, l3);
	case CT_TUPLE_DST: return pull_addr(prop, t->dst, l3);
	case CT_TUPLE_SRC_PORT: return pull_u16(prop, &t->src_port);
	case CT_TUPLE_DST_PORT: return pull_u16(prop, &t->dst_port);
	case CT_TUPLE_ICMP_ID: return pull_u16(prop, &t->icmp_id);
	case CT_TUPLE_ICMP_TYPE: return pull_u8(prop, &t->icmp_type);
	case CT_TUPLE_ICMP_CODE: return pull_u8(prop, &t->icmp_code);
	default: return 0;
	}
}

/* The nested properties start 8 bytes in, after the header's padding. */
static enum ofperr pull_tuple(const struct ofp_prop *prop,
			      struct ofp_ct_tuple *t, uint8_t *l3)
{
	if (prop->len < 8)
		return OFPERR_OFPBPC_BAD_LEN;

	struct bytecur c = bytecur_make(prop->data + 8, prop->len - 8);
	while (c.left) {
		struct ofp_prop inner;
		enum ofperr error = ofp_prop_pull(&c, NO_EXPERIMENTER, &inner);
		if (!error)
			error = pull_tuple_prop(&inner, t, l3);
		if (error)
			return error;
	}
	return 0;
}

enum ofperr ofp_ct_flush_decode(const struct ofpmsg *m, struct ofp_ct_flush *f)
{
	memset(f, 0, sizeof *f);
	if (!is_zero(m->body + 1, CT_FLUSH_LEN - 1))
		return OFPERR_NXBRC_MUST_BE_ZERO;
	f->ip_proto = m->body[0];

	struct bytecur c = bytecur_make(m->body + CT_FLUSH_LEN,
					m->body_len - CT_FLUSH_LEN);
	while (c.left) {
		struct ofp_prop prop;
		enum ofperr error = ofp_prop_pull(&c, NO_EXPERIMENTER, &prop);

		if (error)
			return error;
		if (prop.type == CT_ORIG_TUPLE)
			error = pull_tuple(&prop, &f->orig, &f->l3);
		else if (prop.type == CT_REPLY_TUPLE)
			error = pull_tuple(&prop, &f->reply, &f->l3);
		else if (prop.type == CT_ZONE_ID) {
			f->has_zone = true;
			error = pull_u16(&prop, &f->zone);
		}
		if (error)
			return error;
	}
	return 0;
}

static void put_prop16(struct bytebuf *b, uint16_t type, uint16_t v)
{
	uint8_t be[2] = { v >> 8, v };

	ofp_prop_put(b, type, be, sizeof be);
}

static bool is_icmp(uint8_t ip_proto)
{
	return ip_proto == IPPROTO_ICMP_ || ip_proto == IPPROTO_ICMPV6_;
}

/* A nested property, left out when it would be empty. */
static void put_tuple(struct bytebuf *b, uint16_t type, uint8_t ip_proto,
		      const struct ofp_ct_tuple *t)
{
	size_t start = ofp_prop_start(b, type);

	bytebuf_put_zeros(b, 4);
	if (!is_zero(t->src, 16))
		ofp_prop_put(b, CT_TUPLE_SRC, t->src, 16);
	if (!is_zero(t->dst, 16))
		ofp_prop_put(b, CT_TUPLE_DST, t->dst, 16);
	if (is_icmp(ip_proto)) {
		put_prop16(b, CT_TUPLE_ICMP_ID, t->icmp_id);
		ofp_prop_put(b, CT_TUPLE_ICMP_TYPE, &t->icmp_type, 1);
		ofp_prop_put(b, CT_TUPLE_ICMP_CODE, &t->icmp_code, 1);
	} else {
		if (t->src_port)
			put_prop16(b, CT_TUPLE_SRC_PORT, t->src_port);
		if (t->dst_port)
			put_prop16(b, CT_TUPLE_DST_PORT, t->dst_port);
	}
	if (b->size == start + 8)
		bytebuf_truncate(b, start);
	else
		ofp_prop_end(b, start);
}

void ofp_ct_flush_encode(struct bytebuf *b, uint8_t version, uint32_t xid,
			 const struct ofp_ct_flush *f)
{
	size_t start = ofpmsg_start(b, OFPTYPE_NXT_CT_FLUSH, version, xid);

	bytebuf_put_u8(b, f->ip_proto);
	bytebuf_put_zeros(b, CT_FLUSH_LEN - 1);
	put_tuple(b, CT_ORIG_TUPLE, f->ip_proto, &f->orig);
	put_tuple(b, CT_REPLY_TUPLE, f->ip_proto, &f->reply);
	if (f->has_zone)
		put_prop16(b, CT_ZONE_ID, f->zone);
	ofpmsg_finish(b, start);
}

/* IPv4-mapped addresses as IPv4, the rest as IPv6. */
static void format_addr(struct odp_text *t, const uint8_t *a)
{
	char buf[INET6_ADDRSTRLEN];

	if (!memcmp(a, v4_mapped_prefix, 12))
		inet_ntop(AF_INET, a + 12, buf, sizeof buf);
	else
		inet_ntop(AF_INET6, a, buf, sizeof buf);
	odp_text_printf(t, "%s", buf);
}

static void format_tuple(struct odp_text *t, const struct ofp_ct_tuple *tu,
			 const struct ofp_ct_flush *f)
{
	bool v4 = f->l3 == 4;

	odp_text_printf(t, v4 ? "ct_nw_src=" : "ct_ipv6_src=");
	format_addr(t, tu->src);
	odp_text_printf(t, v4 ? ",ct_nw_dst=" : ",ct_ipv6_dst=");
	format_addr(t, tu->dst);
	if (is_icmp(f->ip_proto))
		odp_text_printf(t, ",icmp_id=%u,icmp_type=%u,icmp_code=%u",
				tu->icmp_id, tu->icmp_type, tu->icmp_code);
	else
		odp_text_printf(t, ",ct_tp_src=%u,ct_tp_dst=%u", tu->src_port,
				tu->dst_port);
}

void ofp_ct_flush_format(struct odp_text *t, const struct ofp_ct_flush *f)
{
	odp_text_printf(t, " zone=%u '", f->zone);
	format_tuple(t, &f->orig, f);
	odp_text_printf(t, ",ct_nw_proto=%u' '", f->ip_proto);
	format_tuple(t, &f->reply, f);
	odp_text_printf(t, "'");
}

OFP_BODY_PRINTER(ofp_ct_flush_print)
{
	struct ofp_ct_flush f;
	enum ofperr error = ofp_ct_flush_decode(m, &f);

	if (!error)
		ofp_ct_flush_format(t, &f);
	return error;
}
