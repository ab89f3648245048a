/* OpenFlow properties. */
#include "ofp-prop.h"

#include "bytebuf.h"

/* Takes the next property and its padding from 'c'.  An experimenter
 * property shorter than its 12-byte header, or with experimenter id 0
 * (which would be ambiguous with the standard types), is refused. */
enum ofperr ofp_prop_pull(struct bytecur *c, uint16_t min_exp,
			  struct ofp_prop *prop)
{
	const uint8_t *p = c->p;

	if (c->left < 4)
		return OFPERR_OFPBPC_BAD_LEN;
	prop->type = p[0] << 8 | p[1];
	prop->len = p[2] << 8 | p[3];
	prop->data = p;
	prop->experimenter = 0;
	if (prop->len < 4 || !bytecur_take(c, (prop->len + 7) / 8 * 8))
		return OFPERR_OFPBPC_BAD_LEN;
	if (prop->type >= min_exp) {
		if (prop->len < 12)
			return OFPERR_OFPBPC_BAD_LEN;
		prop->experimenter = (uint32_t)p[4] << 24 |
				     (uint32_t)p[5] << 16 |
				     (uint32_t)p[6] << 8 | p[7];
		if (!prop->experimenter)
			return OFPERR_OFPBPC_BAD_EXPERIMENTER;
	}
	return 0;
}
