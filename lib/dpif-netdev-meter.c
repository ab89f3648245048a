/* The userspace datapath's meters: the core's meter table (meter.h), which
 * polling threads read under RCU, behind the dpif calls. */
#include "dpif-netdev-private.h"

#include <string.h>

/* The band types and flags the core implements. */
#define DPN_METER_BAND_TYPES \
	(1u << METER_BAND_DROP | 1u << METER_BAND_DSCP_REMARK)

int dpn_meter_features(struct dpif *dpif, struct dpif_meter_features *f)
{
	struct dp_netdev *dp;

	LIVE_DP(dpif, dp);
	f->max_meters = dp->meters.max;
	f->max_bands = METER_MAX_BANDS;
	f->band_types = DPN_METER_BAND_TYPES;
	f->capabilities = METER_F_ALL;
	return 0;
}

int dpn_meter_set(struct dpif *dpif, uint32_t id,
		  const struct dpif_meter_config *cfg)
{
	struct meter_config mc;
	struct dp_netdev *dp;
	const char *why = NULL;
	int err;

	LIVE_DP(dpif, dp);
	if (cfg->n_bands > METER_MAX_BANDS)
		return dpn_set_error(dpif, -EINVAL, "meter %u: %u bands, at "
				     "most %u", id, cfg->n_bands,
				     METER_MAX_BANDS);
	memset(&mc, 0, sizeof mc);
	mc.flags = cfg->flags;
	mc.n_bands = cfg->n_bands;
	memcpy(mc.bands, cfg->bands, cfg->n_bands * sizeof mc.bands[0]);
	pthread_mutex_lock(&dp->meter_mutex);
	err = meter_set(&dp->meters, id, &mc, &why);
	pthread_mutex_unlock(&dp->meter_mutex);
	if (err)
		return dpn_set_error(dpif, err, "meter %u: %s", id, why);
	return 0;
}

static void stats_out(const struct meter_stats *ms,
		      struct dpif_meter_stats *stats)
{
	stats->packet_in_count = ms->in.n_packets;
	stats->byte_in_count = ms->in.n_bytes;
	stats->n_bands = ms->n_bands;
	memcpy(stats->bands, ms->bands, sizeof stats->bands);
}

/* get ('del' false) or del. */
static int meter_read(struct dpif *dpif, uint32_t id,
		      struct dpif_meter_stats *stats, bool del)
{
	struct meter_stats ms;
	struct dp_netdev *dp;
	int err;

	LIVE_DP(dpif, dp);
	pthread_mutex_lock(&dp->meter_mutex);
	err = del ? meter_del(&dp->meters, id, &ms)
		  : meter_get(&dp->meters, id, &ms);
	pthread_mutex_unlock(&dp->meter_mutex);
	if (err == -EFBIG)
		return dpn_set_error(dpif, err, "meter %u: id out of range "
				     "(below %u)", id, dp->meters.max);
	if (err)
		return dpn_set_error(dpif, err, "meter %u: no such meter", id);
	if (stats)
		stats_out(&ms, stats);
	return 0;
}

int dpn_meter_get(struct dpif *dpif, uint32_t id,
		  struct dpif_meter_stats *stats)
{
	return meter_read(dpif, id, stats, false);
}

int dpn_meter_del(struct dpif *dpif, uint32_t id,
		  struct dpif_meter_stats *stats)
{
	return meter_read(dpif, id, stats, true);
}
