/* OpenFlow HELLO: the version bitmap element and version negotiation. */
#ifndef OFP_HELLO_H
#define OFP_HELLO_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bytebuf;
struct ofpmsg;

#define OFPHET_VERSIONBITMAP 1

/* Versions as a bitmap: bit V set means wire version V is supported. */
#define OFP_VERSION_BIT(V) (1u << (V))

/* A decoded HELLO.  'versions' is the bitmap element's first word (version
 * 0 dropped) or, without a usable one, every version up to the header's.
 * 'clean' is false if any element was unknown, malformed or truncated. */
struct ofp_hello {
	uint8_t version;
	uint32_t versions;
	bool has_bitmap;
	bool clean;
};

uint32_t ofp_hello_versions_upto(uint8_t version);
bool ofp_hello_needs_bitmap(uint32_t versions);
void ofp_hello_encode(struct bytebuf *, uint32_t versions, uint32_t xid);
void ofp_hello_decode(const struct ofpmsg *, struct ofp_hello *);
uint8_t ofp_hello_negotiate(uint32_t ours, const struct ofp_hello *peer);
char *ofp_hello_incompatible_text(uint32_t ours, uint32_t theirs);
void ofp_hello_encode_failure(struct bytebuf *, uint32_t ours,
			      const struct ofp_hello *peer);

#endif
