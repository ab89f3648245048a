/* Meters: token-bucket rate limiters that OVS_ACTION_ATTR_METER runs a
 * packet through, as the upstream kernel's ovs_meter family describes them
 * (OVS_METER_ATTR_*, OVS_BAND_ATTR_*).
 *
 * A datapath has one meter table, ids 0 to max - 1.  Readers (the packet
 * path) look meters up under rcu_read_lock(); writers (set, del) are
 * serialised by the caller, as for the flow table.  A set replaces the
 * meter whole: its buckets start full and its counts at zero.
 *
 * Each band has a bucket of tokens in integer units: a kbps band counts
 * micro-bits (a kbit/s for one ns is one micro-bit), a pktps band
 * nano-packets (a packet/s for one ns is one nano-packet), so refilling from
 * the nanoseconds elapsed loses nothing.  A bucket holds at most its burst
 * (in kbits or packets; the rate when the meter has no BURST flag or the
 * band a burst of zero), and starts full.  A packet takes its cost from
 * every band that can pay it; of the bands that cannot, the one with the
 * highest rate applies.  The buckets and counts of a meter are updated
 * under its own spinlock, as upstream does, so that polling threads can
 * share a meter. */
#ifndef WEIR_DP_METER_H
#define WEIR_DP_METER_H 1

#include "compat.h"
#include <linux/openvswitch.h>

#define METER_MAX_BANDS 8
/* The most meters a table can have, as Open vSwitch's userspace. */
#define METER_ID_LIMIT (1u << 18)

/* Flags, with OpenFlow's ofp_meter_flags values. */
#define METER_F_KBPS  (1u << 0)
#define METER_F_PKTPS (1u << 1)
#define METER_F_BURST (1u << 2)
#define METER_F_STATS (1u << 3)
#define METER_F_ALL   (METER_F_KBPS | METER_F_PKTPS | METER_F_BURST | \
		       METER_F_STATS)

/* Band types: the kernel's drop, and OpenFlow's DSCP remark. */
#define METER_BAND_DROP        OVS_METER_BAND_TYPE_DROP
#define METER_BAND_DSCP_REMARK 2

struct meter_band_config {
	u32 type;               /* METER_BAND_* */
	u32 rate;               /* kbit/s or packets/s, never 0 */
	u32 burst;              /* kbits or packets; 0: the rate */
	u8 prec_level;          /* DSCP remark: drop precedence added */
};

struct meter_config {
	u32 flags;              /* METER_F_*; neither KBPS nor PKTPS: kbps */
	u32 n_bands;            /* 1 to METER_MAX_BANDS */
	struct meter_band_config bands[METER_MAX_BANDS];
};

struct meter_counts {
	u64 n_packets;
	u64 n_bytes;
};

struct meter_stats {
	struct meter_counts in;         /* every packet the meter saw */
	u32 n_bands;
	struct meter_counts bands[METER_MAX_BANDS];     /* applied */
};

struct meter;

struct meter_table {
	u32 max;                        /* ids are below it */
	struct meter __rcu **meters;    /* [max] */
};

/* What a meter decided for a packet. */
enum meter_verdict {
	METER_PASS,
	METER_DROP,
	METER_REMARK,           /* raise the DSCP drop precedence */
};

/* 'max' meters, 1 to METER_ID_LIMIT: 0 or -EINVAL, -ENOMEM. */
int meter_table_init(struct meter_table *, u32 max);
/* Frees every meter: no reader may be left. */
void meter_table_destroy(struct meter_table *);

/* Checks 'cfg' and installs it as meter 'id', replacing any.  Returns 0,
 * -EFBIG (id out of range), -EBADF (unknown flags, or both KBPS and
 * PKTPS), -EINVAL (no bands, too many, a zero rate), -ENODEV (unknown band
 * type) or -ENOMEM, with a static reason in '*why' when not NULL, as
 * Open vSwitch's userspace answers. */
int meter_set(struct meter_table *, u32 id, const struct meter_config *cfg,
	      const char **why);
/* 0 and the counts, or -EFBIG, -ENOENT. */
int meter_get(struct meter_table *, u32 id, struct meter_stats *);
/* Removes meter 'id', its last counts in 'stats' when not NULL: 0, or
 * -EFBIG, -ENOENT.  The memory goes after a grace period. */
int meter_del(struct meter_table *, u32 id, struct meter_stats *);

/* Under rcu_read_lock(): runs a packet of 'len' bytes that arrives at
 * 'now_ns' (a monotonic clock) through meter 'id'.  A missing meter passes
 * the packet, as upstream.  For METER_REMARK, '*prec_level' is the band's. */
enum meter_verdict meter_run(struct meter_table *, u32 id, u32 len,
			     u64 now_ns, u8 *prec_level);

#endif /* WEIR_DP_METER_H */
