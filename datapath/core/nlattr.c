/* Netlink attribute writer. */
#include "nlattr.h"

void *nlbuf_put(struct nlbuf *b, u16 type, const void *data, u32 len)
{
	u32 total = NLA_ALIGN(NLA_HDRLEN + len);
	struct nlattr *a;
	u8 *payload;

	if (b->overflow || len > 0xffff - NLA_HDRLEN || b->cap - b->size < total) {
		b->overflow = true;
		return NULL;
	}
	a = (struct nlattr *)(b->data + b->size);
	a->nla_len = NLA_HDRLEN + len;
	a->nla_type = type;
	payload = (u8 *)a + NLA_HDRLEN;
	if (len && data)
		memcpy(payload, data, len);
	else if (len)
		memset(payload, 0, len);
	memset(payload + len, 0, total - NLA_HDRLEN - len);
	b->size += total;
	return payload;
}

u32 nlbuf_nest_start(struct nlbuf *b, u16 type)
{
	u32 start = b->size;

	nlbuf_put(b, type, NULL, 0);  /* upstream OVS sets no NLA_F_NESTED */
	return start;
}

void nlbuf_nest_end(struct nlbuf *b, u32 start)
{
	struct nlattr *a;
	u32 len;

	if (b->overflow)
		return;
	len = b->size - start;
	if (len > 0xffff) {
		b->overflow = true;
		return;
	}
	a = (struct nlattr *)(b->data + start);
	a->nla_len = len;
}
