/* libFuzzer: GROUP_MOD and group description replies as whole messages,
 * and (input starting with '!') the group text of add-group.  What
 * decodes must encode to bytes that decode and encode the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-group-mod.h"
#include "ofp-msgs.h"
#include "ofp-print.h"
#include "ofp-version.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

static void encode_twice(const struct ofp_group_mod *gm, uint8_t version)
{
	struct bytebuf a = BYTEBUF_INITIALIZER, b = BYTEBUF_INITIALIZER;
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm2;
	struct ofpmsg m;

	if (!ofp_group_mod_encode(gm, version, 1, &a)) {
		check(!ofpmsg_decode(&m, a.data, a.size));
		if (!ofp_group_mod_decode(&m, &gm2, &acts)) {
			check(!ofp_group_mod_encode(&gm2, version, 1, &b));
			check(a.size == b.size &&
			      !memcmp(a.data, b.data, a.size));
			ofp_group_mod_uninit(&gm2);
		}
	}
	bytebuf_uninit(&a);
	bytebuf_uninit(&b);
	bytebuf_uninit(&acts);
}

static void text(const uint8_t *data, size_t size)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm;
	char *s = strndup((const char *)data, size);
	uint32_t usable;
	char *error = ofp_group_mod_parse(s, OFPGC_ADD, &gm, &acts, &usable);

	if (!error) {
		for (uint8_t v = OFP10_VERSION; v <= OFP15_VERSION; v++)
			if (usable & 1u << v)
				encode_twice(&gm, v);
		ofp_group_mod_uninit(&gm);
	}
	free(error);
	free(s);
	bytebuf_uninit(&acts);
}

static void desc_entries(const struct ofpmsg *m)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gd;

	while (!ofp_group_desc_pull(m->version, &c, &gd, &acts)) {
		struct bytebuf e = BYTEBUF_INITIALIZER;
		ofp_group_desc_put(&e, m->version, &gd);
		ofp_group_mod_uninit(&gd);
		bytebuf_uninit(&e);
		bytebuf_clear(&acts);
	}
	bytebuf_uninit(&acts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	struct ofp_group_mod gm;
	struct ofpmsg m;

	if (size && data[0] == '!') {
		text(data + 1, size - 1);
		return 0;
	}
	if (ofpmsg_decode(&m, data, size))
		return 0;
	if (m.type == OFPTYPE_GROUP_MOD) {
		if (!ofp_group_mod_decode(&m, &gm, &acts)) {
			encode_twice(&gm, m.version);
			ofp_group_mod_uninit(&gm);
		}
	} else if (m.type == OFPTYPE_GROUP_DESC_STATS_REPLY) {
		desc_entries(&m);
	} else {
		return 0;
	}
	bytebuf_uninit(&acts);
	free(ofp_to_string(data, size, 2));
	return 0;
}
