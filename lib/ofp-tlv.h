/* Nicira TLV table messages: NXT_TLV_TABLE_MOD and NXT_TLV_TABLE_REPLY
 * map Geneve option (class, type, length) triples to tun_metadata fields. */
#ifndef OFP_TLV_H
#define OFP_TLV_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;

enum ofp_tlv_command {
	NXTTMC_ADD = 0,
	NXTTMC_DELETE = 1,
	NXTTMC_CLEAR = 2,
};

#define OFP_TLV_MAX_OPT_SIZE 124
#define OFP_TLV_N_FIELDS 64	/* tun_metadata0..63 */
#define OFP_TLV_MAP_LEN 8

struct ofp_tlv_map {
	uint16_t option_class;
	uint8_t option_type;
	uint8_t option_len;
	uint16_t index;
};

/* 'maps' points at n_maps validated wire entries, read with
 * ofp_tlv_map_at(). */
struct ofp_tlv_table {
	uint16_t command;		/* Mod only. */
	uint32_t max_option_space;	/* Reply only. */
	uint16_t max_fields;		/* Reply only. */
	const uint8_t *maps;
	size_t n_maps;
};

enum ofperr ofp_tlv_table_decode(const struct ofpmsg *, struct ofp_tlv_table *);
void ofp_tlv_map_at(const struct ofp_tlv_table *, size_t i,
		    struct ofp_tlv_map *);
void ofp_tlv_table_encode(struct bytebuf *, enum ofptype, uint8_t version,
			  uint32_t xid, const struct ofp_tlv_table *,
			  const struct ofp_tlv_map *, size_t n);
char *ofp_tlv_maps_parse(const char *, struct ofp_tlv_map *maps, size_t max,
			 size_t *n) __attribute__((warn_unused_result));

#endif
