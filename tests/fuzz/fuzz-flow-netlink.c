/* libFuzzer: OVS_KEY_ATTR_* key and mask decoding.
 *
 * Input: one flags byte (bit 0: a mask follows), the key's length as two
 * bytes (little end first), the key attributes, then the mask attributes.
 *
 * Whatever decodes must survive a round trip: re-encoding the key and mask
 * and decoding them again gives the same key and mask; the key alone decodes
 * the same; and the re-encoded key also decodes with an exact mask.  What
 * does not decode must say why. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "flow-netlink.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Netlink attributes are 4-byte aligned; so are these copies. */
static uint32_t key_mem[0x4000], mask_mem[0x4000];
static uint32_t key_out[1024], mask_out[1024];

static void check_error(int rc, const struct flow_nl_error *err)
{
	if ((rc != -EINVAL && rc != -EOPNOTSUPP) || !err->msg ||
	    err->attr < 0 || err->attr > 0xffff)
		abort();
}

static void encode(const struct flow_key *key, const struct flow_key *mask,
		   struct nlbuf *kb, struct nlbuf *mb)
{
	nlbuf_init(kb, key_out, sizeof key_out);
	nlbuf_init(mb, mask_out, sizeof mask_out);
	if (flow_nl_put_key(kb, key) || flow_nl_put_mask(mb, key, mask))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct flow_key key, mask, key2, mask2;
	struct flow_nl_error err = { 0 };
	struct nlbuf kb, mb;
	uint32_t key_len, mask_len;
	bool has_mask;
	int rc;

	if (size < 3 || size - 3 > sizeof key_mem)
		return 0;
	has_mask = data[0] & 1;
	key_len = data[1] | (uint32_t)data[2] << 8;
	if (key_len > size - 3)
		key_len = size - 3;
	mask_len = size - 3 - key_len;
	memcpy(key_mem, data + 3, key_len);
	memcpy(mask_mem, data + 3 + key_len, mask_len);

	rc = flow_nl_parse_match(key_mem, key_len, has_mask ? mask_mem : NULL,
				 mask_len, &key, &mask, &err);
	if (rc) {
		check_error(rc, &err);
		return 0;
	}
	if (flow_nl_parse_key(key_mem, key_len, &key2, NULL, &err) ||
	    memcmp(&key, &key2, sizeof key))
		abort();

	encode(&key, &mask, &kb, &mb);
	if (flow_nl_parse_match(key_out, kb.size, mask_out, mb.size, &key2,
				&mask2, &err) ||
	    memcmp(&key, &key2, sizeof key) || memcmp(&mask, &mask2, sizeof mask))
		abort();
	if (flow_nl_parse_match(key_out, kb.size, NULL, 0, &key2, &mask2, &err))
		abort();
	return 0;
}
