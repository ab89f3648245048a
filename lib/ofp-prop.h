/* OpenFlow 1.3+ properties: type(2) length(2) body, padded to 8 bytes;
 * types from a message's experimenter threshold up carry an experimenter
 * id and exp_type after the header. */
#ifndef OFP_PROP_H
#define OFP_PROP_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"

struct bytecur;

struct ofp_prop {
	uint16_t type;
	const uint8_t *data;	/* The whole property, header included. */
	size_t len;		/* Its length field, padding excluded. */
	uint32_t experimenter;	/* 0 for standard properties. */
};

enum ofperr ofp_prop_pull(struct bytecur *, uint16_t min_exp,
			  struct ofp_prop *);

#endif
