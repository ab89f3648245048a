/* HELLO messages and version negotiation (OpenFlow 1.3.1+ section on
 * version negotiation: bitmaps when both sides send them, otherwise the
 * smaller of the two header versions). */
#include "ofp-hello.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-errors.h"
#include "ofp-msgs.h"

/* Every version from 1 up to 'version' (the meaning of a header without a
 * bitmap element). */
uint32_t ofp_hello_versions_upto(uint8_t version)
{
	uint32_t below = version < 31 ? OFP_VERSION_BIT(version + 1) : 0;
	return (below - 1) & ~1u;
}

/* A set that is not simply "1 through N" can only be told with a bitmap. */
bool ofp_hello_needs_bitmap(uint32_t versions)
{
	uint32_t run = (versions >> 1) + 1;
	return (run & (run - 1)) != 0;
}

static uint8_t highest_version(uint32_t versions)
{
	return versions ? 31 - __builtin_clz(versions) : 0;
}

void ofp_hello_encode(struct bytebuf *b, uint32_t versions, uint32_t xid)
{
	size_t start = ofpmsg_start(b, OFPTYPE_HELLO,
				    highest_version(versions), xid);
	if (start == SIZE_MAX)
		return;
	if (ofp_hello_needs_bitmap(versions)) {
		bytebuf_put_be16(b, OFPHET_VERSIONBITMAP);
		bytebuf_put_be16(b, 8);
		bytebuf_put_be32(b, versions);
	}
	ofpmsg_finish(b, start);
}

/* Only the first 32-bit word matters while versions stay below 32. */
static bool decode_bitmap(const uint8_t *p, size_t len, uint32_t *versions)
{
	if (!len || len % 4)
		return false;
	uint32_t v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		     (uint32_t)p[2] << 8 | p[3];
	v &= ~1u;		/* There is no version 0. */
	if (!v)
		return false;
	*versions = v;
	return true;
}

/* Elements are padded to 8 bytes; unknown ones are skipped (the spec says
 * to ignore them) but leave 'clean' false. */
void ofp_hello_decode(const struct ofpmsg *m, struct ofp_hello *h)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);

	h->version = m->version;
	h->versions = ofp_hello_versions_upto(m->version);
	h->has_bitmap = false;
	h->clean = true;
	while (c.left) {
		uint16_t type, len;
		const uint8_t *elem = c.p;
		if (!bytecur_take_be16(&c, &type) ||
		    !bytecur_take_be16(&c, &len) || len < 4 ||
		    !bytecur_take(&c, ((size_t)len + 7) / 8 * 8 - 4)) {
			h->clean = false;
			return;
		}
		if (type == OFPHET_VERSIONBITMAP &&
		    decode_bitmap(elem + 4, len - 4, &h->versions))
			h->has_bitmap = true;
		else
			h->clean = false;
	}
}

/* The version to speak with 'peer' when we support 'ours', or 0 if none.
 * We announce the highest of 'ours' and send a bitmap when
 * ofp_hello_needs_bitmap(ours). */
uint8_t ofp_hello_negotiate(uint32_t ours, const struct ofp_hello *peer)
{
	if (peer->has_bitmap && ofp_hello_needs_bitmap(ours))
		return highest_version(ours & peer->versions);

	uint8_t v = highest_version(ours);
	if (peer->version < v)
		v = peer->version;
	uint32_t bit = v < 32 ? OFP_VERSION_BIT(v) : 0;
	return ours & peer->versions & bit ? v : 0;
}

static void put_version_set(struct odp_text *t, uint32_t versions)
{
	if (!versions) {
		odp_text_printf(t, "no versions");
		return;
	}
	uint8_t top = highest_version(versions);
	if (!(versions & (versions - 1))) {
		odp_text_printf(t, "version 0x%02x", top);
	} else if (!ofp_hello_needs_bitmap(versions)) {
		odp_text_printf(t, "version 0x%02x and earlier", top);
	} else {
		const char *sep = "versions ";
		for (unsigned v = 0; v < 32; v++) {
			if (versions & OFP_VERSION_BIT(v)) {
				odp_text_printf(t, "%s0x%02x", sep, v);
				sep = ", ";
			}
		}
	}
}

/* The text a HELLO_FAILED/INCOMPATIBLE error carries.  Caller frees. */
char *ofp_hello_incompatible_text(uint32_t ours, uint32_t theirs)
{
	struct odp_text t = ODP_TEXT_INIT;

	odp_text_printf(&t, "We support ");
	put_version_set(&t, ours);
	odp_text_printf(&t, ", you support ");
	put_version_set(&t, theirs);
	odp_text_printf(&t, ", no common versions.");
	return t.s;
}

/* The error to send when negotiation with 'peer' found no version: in the
 * peer's header version, which it can read whatever it speaks. */
void ofp_hello_encode_failure(struct bytebuf *b, uint32_t ours,
			      const struct ofp_hello *peer)
{
	char *text = ofp_hello_incompatible_text(ours, peer->versions);
	ofperr_encode_hello(b, OFPERR_OFPHFC_INCOMPATIBLE, peer->version,
			    text);
	free(text);
}
