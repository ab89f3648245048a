/* OXS statistics. */
#include "ofp-oxs.h"

#include <string.h>

#include "bytebuf.h"
#include "ofp-wire.h"

#define OFPXSC_OPENFLOW_BASIC 0x8002
#define OFPXSC_EXPERIMENTER 0xffff

/* The header of a known field: class, field << 1 (no mask), length. */
static uint32_t oxs_header(enum ofp_oxs_field f, unsigned len)
{
	return (uint32_t)OFPXSC_OPENFLOW_BASIC << 16 | f << 9 | len;
}

static unsigned field_len(enum ofp_oxs_field f)
{
	return f == OFP_OXS_FLOW_COUNT ? 4 : 8;
}

/* One TLV; unknown ones (any other class, field, length or a mask bit)
 * are skipped. */
static enum ofperr take_entry(struct bytecur *c, struct ofp_oxs_stats *s)
{
	const uint8_t *p = c->p;

	if (c->left < 4)
		return OFPERR_OFPBMC_BAD_LEN;
	uint32_t header = ofp_get32(p);
	unsigned len = header & 0xff, hdr_len = 4;
	if (header >> 16 == OFPXSC_EXPERIMENTER) {
		if (c->left < 8 || len < 4)
			return OFPERR_OFPBMC_BAD_LEN;
		hdr_len = 8;
		len -= 4;
	}
	bytecur_take(c, hdr_len);
	const uint8_t *v = bytecur_take(c, len);
	if (!v)
		return OFPERR_OFPBMC_BAD_LEN;
	if (hdr_len != 4)
		return 0;

	unsigned field = header >> 9 & 0x7f;
	if (field > OFP_OXS_BYTE_COUNT || field == 2 ||
	    header != oxs_header(field, field_len(field)))
		return 0;
	switch (field) {
	case OFP_OXS_DURATION:
		s->duration_sec = ofp_get32(v);
		s->duration_nsec = ofp_get32(v + 4);
		break;
	case OFP_OXS_IDLE_TIME:
		s->idle_age = ofp_get32(v);
		break;
	case OFP_OXS_FLOW_COUNT:
		s->flow_count = ofp_get32(v);
		break;
	case OFP_OXS_PACKET_COUNT:
		s->packet_count = ofp_get64(v);
		break;
	default:
		s->byte_count = ofp_get64(v);
		break;
	}
	s->present |= 1u << field;
	return 0;
}

/* reserved(2) length(2) entries, the whole padded to a multiple of 8. */
enum ofperr ofp_oxs_stat_pull(struct bytecur *c, struct ofp_oxs_stats *s)
{
	memset(s, 0xff, sizeof *s);
	s->present = 0;
	if (c->left < 4)
		return OFPERR_OFPBMC_BAD_LEN;

	size_t len = ofp_get16(c->p + 2);
	const uint8_t *p = c->p;
	if (len < 4 || !bytecur_take(c, (len + 7) / 8 * 8))
		return OFPERR_OFPBMC_BAD_LEN;

	struct bytecur e = bytecur_make(p + 4, len - 4);
	while (e.left) {
		enum ofperr error = take_entry(&e, s);
		if (error)
			return error;
	}
	return 0;
}

/* The fields in 'fields' (1 << enum ofp_oxs_field), in field order. */
void ofp_oxs_stat_put(struct bytebuf *b, const struct ofp_oxs_stats *s,
		      uint8_t fields)
{
	size_t start = b->size;

	bytebuf_put_be16(b, 0);
	bytebuf_put_be16(b, 0);
	for (unsigned f = 0; f <= OFP_OXS_BYTE_COUNT; f++) {
		if (!(fields & (1u << f)) || f == 2)
			continue;
		bytebuf_put_be32(b, oxs_header(f, field_len(f)));
		if (f == OFP_OXS_DURATION) {
			bytebuf_put_be32(b, s->duration_sec);
			bytebuf_put_be32(b, s->duration_nsec);
		} else if (f == OFP_OXS_IDLE_TIME) {
			bytebuf_put_be64(b, (uint64_t)s->idle_age << 32);
		} else if (f == OFP_OXS_FLOW_COUNT) {
			bytebuf_put_be32(b, s->flow_count);
		} else {
			bytebuf_put_be64(b, f == OFP_OXS_PACKET_COUNT
						    ? s->packet_count
						    : s->byte_count);
		}
	}
	uint8_t *len = bytebuf_at(b, start + 2, 2);
	size_t n = b->size - start;
	len[0] = n >> 8;
	len[1] = n;
	while ((b->size - start) % 8)
		bytebuf_put_u8(b, 0);
}
