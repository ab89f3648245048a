/* Meters (OpenFlow 1.3+): METER_MOD, the meter stats, config and features
 * multipart messages, and their bands. */
#ifndef OFP_METER_H
#define OFP_METER_H 1

#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"

struct bytebuf;
struct bytecur;
struct odp_text;

/* Meter ids above OFPM13_MAX are reserved. */
#define OFPM13_MAX		0xffff0000u
#define OFPM13_SLOWPATH		0xfffffffdu
#define OFPM13_CONTROLLER	0xfffffffeu
#define OFPM13_ALL		0xffffffffu

enum ofp_meter_command {
	OFPMC13_ADD = 0,
	OFPMC13_MODIFY = 1,
	OFPMC13_DELETE = 2,
};

#define OFPMF13_KBPS	(1u << 0)
#define OFPMF13_PKTPS	(1u << 1)
#define OFPMF13_BURST	(1u << 2)
#define OFPMF13_STATS	(1u << 3)

#define OFPMBT13_DROP		1
#define OFPMBT13_DSCP_REMARK	2

/* Every band type has the same 16-byte wire form. */
#define OFP_METER_BAND_LEN 16

struct ofp_meter_band {
	uint16_t type;
	uint32_t rate;
	uint32_t burst_size;
	uint8_t prec_level;	/* dscp_remark only. */
};

/* A meter's configuration; 'bands' points at n_bands validated wire
 * bands, read with ofp_meter_band_pull(). */
struct ofp_meter_config {
	uint32_t meter_id;
	uint16_t flags;
	const uint8_t *bands;
	size_t n_bands;
};

struct ofp_meter_mod {
	uint16_t command;
	struct ofp_meter_config meter;
};

struct ofp_meter_stats {
	uint32_t meter_id;
	uint32_t flow_count;
	uint64_t packet_in_count, byte_in_count;
	uint32_t duration_sec, duration_nsec;
	const uint8_t *bands;	/* n_bands of packet(8) byte(8) counts. */
	size_t n_bands;
};

struct ofp_meter_features {
	uint32_t max_meters;
	uint32_t band_types;
	uint32_t capabilities;
	uint8_t max_bands;
	uint8_t max_color;
};

void ofp_meter_band_pull(struct bytecur *, struct ofp_meter_band *);
void ofp_meter_band_stats_at(const struct ofp_meter_stats *, size_t i,
			     uint64_t *packets, uint64_t *bytes);

enum ofperr ofp_meter_mod_decode(const struct ofpmsg *, struct ofp_meter_mod *);
void ofp_meter_mod_encode(struct bytebuf *, uint8_t version, uint32_t xid,
			  const struct ofp_meter_mod *,
			  const struct ofp_meter_band *, size_t n_bands);

uint32_t ofp_meter_request_decode(const struct ofpmsg *);
void ofp_meter_request_encode(struct bytebuf *, enum ofptype, uint8_t version,
			      uint32_t xid, uint32_t meter_id);

int ofp_meter_config_pull(struct bytecur *, struct ofp_meter_config *);
void ofp_meter_config_put(struct bytebuf *, const struct ofp_meter_config *,
			  const struct ofp_meter_band *);
int ofp_meter_stats_pull(struct bytecur *, struct ofp_meter_stats *);

void ofp_meter_features_decode(const struct ofpmsg *,
			       struct ofp_meter_features *);
void ofp_meter_features_encode(struct bytebuf *, uint8_t version,
			       uint32_t xid, const struct ofp_meter_features *);

void ofp_meter_format_id(struct odp_text *, uint32_t meter_id, char sep);
void ofp_meter_config_format(struct odp_text *,
			     const struct ofp_meter_config *);
void ofp_meter_stats_format(struct odp_text *, const struct ofp_meter_stats *);
void ofp_meter_features_format(struct odp_text *,
			       const struct ofp_meter_features *);

char *ofp_meter_parse(const char *, int command, struct ofp_meter_mod *,
		      struct ofp_meter_band *bands, size_t max_bands)
	__attribute__((warn_unused_result));

#endif
