/* Tables: TABLE_MOD (1.1+, with 1.4's eviction and vacancy properties) and
 * ovs-ofctl's "mod-table" settings. */
#ifndef OFP_TABLE_H
#define OFP_TABLE_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;

#define OFPTT_MAX 0xfe
#define OFPTT_ALL 0xff

/* Table config bits: 1.1-1.2's miss behaviour (low two bits), 1.4's
 * eviction and vacancy events. */
#define OFPTC11_TABLE_MISS_CONTROLLER	0
#define OFPTC11_TABLE_MISS_CONTINUE	1
#define OFPTC11_TABLE_MISS_DROP		2
#define OFPTC11_TABLE_MISS_MASK		3
#define OFPTC14_EVICTION		(1u << 2)
#define OFPTC14_VACANCY_EVENTS		(1u << 3)

/* Each setting is DEFAULT where the version cannot express it. */
enum ofp_table_miss {
	OFP_TABLE_MISS_DEFAULT,
	OFP_TABLE_MISS_CONTROLLER,
	OFP_TABLE_MISS_CONTINUE,
	OFP_TABLE_MISS_DROP,
};

enum ofp_table_switch {
	OFP_TABLE_DEFAULT,
	OFP_TABLE_ON,
	OFP_TABLE_OFF,
};

#define OFP_TABLE_NO_EVICTION_FLAGS UINT32_MAX

struct ofp_table_mod {
	uint8_t table_id;
	enum ofp_table_miss miss;
	enum ofp_table_switch eviction;
	uint32_t eviction_flags;	/* 1.4 eviction property, if any. */
	enum ofp_table_switch vacancy;
	uint8_t vacancy_down, vacancy_up;	/* Percentages, if on. */
};

/* One table's counters (OpenFlow 1.3+ table stats reply element). */
struct ofp_table_stats {
	uint8_t table_id;
	uint32_t active_count;
	uint64_t lookup_count;
	uint64_t matched_count;
};

#define OFP13_TABLE_STATS_LEN 24

void ofp_table_stats_at(const uint8_t *body, size_t i,
			struct ofp_table_stats *);
void ofp_table_stats_put(struct bytebuf *, const struct ofp_table_stats *);

/* A table's description (1.4+ table desc reply and TABLE_STATUS). */
struct ofp_table_desc {
	uint8_t table_id;
	enum ofp_table_switch eviction;
	uint32_t eviction_flags;
	enum ofp_table_switch vacancy;
	uint8_t vacancy_down, vacancy_up, vacancy_now;
};

enum ofp_table_status_reason {
	OFPTR_VACANCY_DOWN = 3,
	OFPTR_VACANCY_UP = 4,
};

struct bytecur;
int ofp_table_desc_pull(struct bytecur *, struct ofp_table_desc *);
void ofp_table_desc_put(struct bytebuf *, const struct ofp_table_desc *);
enum ofperr ofp_table_status_decode(const struct ofpmsg *, uint8_t *reason,
				    struct ofp_table_desc *);
void ofp_table_status_encode(struct bytebuf *, uint8_t version, uint32_t xid,
			     uint8_t reason, const struct ofp_table_desc *);

void ofp_table_mod_init(struct ofp_table_mod *, uint8_t table_id);
enum ofperr ofp_table_mod_decode(const struct ofpmsg *,
				 struct ofp_table_mod *);
void ofp_table_mod_encode(struct bytebuf *, uint8_t version, uint32_t xid,
			  const struct ofp_table_mod *);
char *ofp_table_mod_parse(struct ofp_table_mod *, const char *table,
			  const char *setting, uint32_t *usable_versions)
	__attribute__((warn_unused_result));

#endif
