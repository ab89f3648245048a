/* TABLE_FEATURES (OpenFlow 1.3+): the multipart request (empty, or a list
 * of tables to set; 1.5 adds a command) and reply, one entry a table:
 * its name, metadata bits, capabilities, size, and the property sets for
 * regular and table-miss flows. */
#ifndef OFP_TABLE_FEATURES_H
#define OFP_TABLE_FEATURES_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-fields.h"
#include "ofp-msgs.h"
#include "ofp-print-bodies.h"

struct bytebuf;
struct bytecur;
struct odp_text;

enum ofp_table_feature_prop {
	OFPTFPT_INSTRUCTIONS = 0,
	OFPTFPT_INSTRUCTIONS_MISS = 1,
	OFPTFPT_NEXT_TABLES = 2,
	OFPTFPT_NEXT_TABLES_MISS = 3,
	OFPTFPT_WRITE_ACTIONS = 4,
	OFPTFPT_WRITE_ACTIONS_MISS = 5,
	OFPTFPT_APPLY_ACTIONS = 6,
	OFPTFPT_APPLY_ACTIONS_MISS = 7,
	OFPTFPT_MATCH = 8,
	OFPTFPT_WILDCARDS = 10,
	OFPTFPT_WRITE_SETFIELD = 12,
	OFPTFPT_WRITE_SETFIELD_MISS = 13,
	OFPTFPT_APPLY_SETFIELD = 14,
	OFPTFPT_APPLY_SETFIELD_MISS = 15,
	OFPTFPT_EXPERIMENTER = 0xfffe,
	OFPTFPT_EXPERIMENTER_MISS = 0xffff,
};

/* 1.5 table features commands. */
enum ofp_table_features_command {
	OFPTFC_REPLACE = 0,
	OFPTFC_MODIFY = 1,
	OFPTFC_ENABLE = 2,
	OFPTFC_DISABLE = 3,
};

#define OFP_TABLE_NAME_LEN 32
#define OFP_FIELD_BITMAP_WORDS ((MFF_N_IDS + 63) / 64)

/* What a table accepts in one kind of flow (regular or table-miss).
 * Actions are bits (1 << wire type) in the message's version's
 * numbering; fields are bits (1 << enum mf_field_id). */
struct ofp_table_feature_set {
	uint32_t instructions;		/* 1 << OFPIT_* (1..6). */
	uint8_t next[256 / 8];		/* Tables a goto_table may name. */
	uint64_t write_actions, apply_actions;
	uint64_t write_setfield[OFP_FIELD_BITMAP_WORDS];
	uint64_t apply_setfield[OFP_FIELD_BITMAP_WORDS];
};

struct ofp_table_features {
	uint8_t table_id;
	uint8_t command;		/* 1.5 requests only. */
	char name[OFP_TABLE_NAME_LEN + 1];
	uint64_t metadata_match, metadata_write;
	uint32_t capabilities;		/* config in 1.3. */
	uint32_t max_entries;
	struct ofp_table_feature_set nonmiss, miss;
	bool miss_given;		/* Else the miss set equals nonmiss. */
	uint64_t match[OFP_FIELD_BITMAP_WORDS];	/* Matchable... */
	uint64_t mask[OFP_FIELD_BITMAP_WORDS];	/* ...and of those, maskable. */
	uint64_t wildcard[OFP_FIELD_BITMAP_WORDS];
	uint32_t props_seen;		/* 1 << prop type, for the checks. */
};

static inline bool ofp_field_bit_test(const uint64_t *bits,
				      enum mf_field_id id)
{
	return bits[id / 64] >> (id % 64) & 1;
}

static inline void ofp_field_bit_set(uint64_t *bits, enum mf_field_id id)
{
	bits[id / 64] |= (uint64_t)1 << (id % 64);
}

void ofp_table_features_init(struct ofp_table_features *, uint8_t table_id);

/* Pulls one entry of a reply or set request body with the spec's checks
 * (OFPBPC_BAD_LEN for lengths, OFPTFFC_BAD_TABLE for table 255,
 * OFPTFFC_BAD_FEATURES for a repeated or missing required property,
 * OFPBPC_BAD_TYPE / OFPBPC_BAD_EXPERIMENTER for unknown properties,
 * OFPBMC_BAD_FIELD for unknown fields).  0, -1 at the end, or an error. */
int ofp_table_features_pull(uint8_t version, struct bytecur *,
			    struct ofp_table_features *);
/* The same as a controller reads a reply: unknown properties, fields and
 * instructions are skipped. */
int ofp_table_features_pull_loose(uint8_t version, struct bytecur *,
				  struct ofp_table_features *);
/* Appends one entry, all properties (the miss ones only when
 * miss_given). */
void ofp_table_features_put(struct bytebuf *, uint8_t version,
			    const struct ofp_table_features *);
/* ofp-print's printer of requests and replies (lib/ofp-table-features-
 * print.c). */
OFP_BODY_PRINTER(ofp_table_features_print);

#endif
