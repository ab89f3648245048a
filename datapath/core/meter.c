/* The meter table and the token buckets of its meters. */
#include "meter.h"

#ifdef __KERNEL__
#include <linux/spinlock.h>
typedef spinlock_t meter_lock_t;
#define meter_lock_init(l)   spin_lock_init(l)
#define meter_lock(l)        spin_lock(l)
#define meter_unlock(l)      spin_unlock(l)
/* Control paths run in process context, the packet path in softirq. */
#define meter_lock_ctl(l)    spin_lock_bh(l)
#define meter_unlock_ctl(l)  spin_unlock_bh(l)
#define meter_div(a, b)      div_u64((a), (b))
#else
#if defined(__x86_64__) || defined(__i386__)
#define meter_relax() __builtin_ia32_pause()
#else
#define meter_relax() do { } while (0)
#endif

/* A test-and-set lock: its holder runs a few dozen instructions. */
typedef struct { bool held; } meter_lock_t;
static inline void meter_lock_init(meter_lock_t *l)
{
	l->held = false;
}

static inline void meter_lock(meter_lock_t *l)
{
	while (__atomic_exchange_n(&l->held, true, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->held, __ATOMIC_RELAXED))
			meter_relax();
}

static inline void meter_unlock(meter_lock_t *l)
{
	__atomic_store_n(&l->held, false, __ATOMIC_RELEASE);
}
#define meter_lock_ctl(l)    meter_lock(l)
#define meter_unlock_ctl(l)  meter_unlock(l)
#define meter_div(a, b)      ((a) / (b))
#endif

/* Tokens per kbit or per packet: micro-bits, nano-packets (see meter.h). */
#define METER_UNIT 1000000000ull
/* Micro-bits per byte. */
#define METER_BYTE_COST 8000000ull

struct meter_band {
	u64 tokens;
	u64 max_tokens;
	u64 fill_ns;            /* from empty to full, and then some */
	u32 rate;
	u32 type;
	u8 prec_level;
	struct meter_counts applied;
};

struct meter {
	struct rcu_head rcu;
	meter_lock_t lock;
	bool pktps;
	u32 n_bands;
	bool ran;               /* last_ns is set */
	u64 last_ns;            /* of the last refill */
	struct meter_counts in;
	struct meter_band bands[];
};

int meter_table_init(struct meter_table *t, u32 max)
{
	if (!max || max > METER_ID_LIMIT)
		return -EINVAL;
	t->meters = dp_big_zalloc(sizeof(*t->meters) * max);
	if (!t->meters)
		return -ENOMEM;
	t->max = max;
	return 0;
}

void meter_table_destroy(struct meter_table *t)
{
	u32 i;

	if (!t->meters)
		return;
	for (i = 0; i < t->max; i++)
		dp_free(rcu_dereference_protected(t->meters[i], true));
	dp_big_free(t->meters);
	t->meters = NULL;
	t->max = 0;
}

static int meter_check(const struct meter_config *cfg, const char **why)
{
	const char *msg = NULL;
	int err = 0;
	u32 i;

	if (cfg->flags & ~METER_F_ALL) {
		err = -EBADF;
		msg = "unknown meter flags";
	} else if ((cfg->flags & METER_F_KBPS) && (cfg->flags & METER_F_PKTPS)) {
		err = -EBADF;
		msg = "both kbps and pktps";
	} else if (!cfg->n_bands || cfg->n_bands > METER_MAX_BANDS) {
		err = -EINVAL;
		msg = "a meter needs 1 to 8 bands";
	}
	for (i = 0; !err && i < cfg->n_bands; i++) {
		const struct meter_band_config *b = &cfg->bands[i];

		if (b->type != METER_BAND_DROP &&
		    b->type != METER_BAND_DSCP_REMARK) {
			err = -ENODEV;
			msg = "unknown band type";
		} else if (!b->rate) {
			err = -EINVAL;
			msg = "band rate is zero";
		}
	}
	if (why)
		*why = msg;
	return err;
}

static struct meter *meter_create(const struct meter_config *cfg)
{
	struct meter *m = dp_zalloc(sizeof(*m) +
				    cfg->n_bands * sizeof(m->bands[0]));
	u32 i;

	if (!m)
		return NULL;
	meter_lock_init(&m->lock);
	m->pktps = !!(cfg->flags & METER_F_PKTPS);
	m->n_bands = cfg->n_bands;
	for (i = 0; i < cfg->n_bands; i++) {
		const struct meter_band_config *c = &cfg->bands[i];
		struct meter_band *b = &m->bands[i];
		u32 burst = c->burst;

		if (!(cfg->flags & METER_F_BURST) || !burst)
			burst = c->rate;
		b->rate = c->rate;
		b->type = c->type;
		b->prec_level = c->prec_level;
		b->max_tokens = burst * METER_UNIT;
		b->tokens = b->max_tokens;
		b->fill_ns = meter_div(b->max_tokens, c->rate) + 1;
	}
	return m;
}

static void meter_free_rcu(struct rcu_head *head)
{
	dp_rcu_cb_begin();
	dp_free(container_of(head, struct meter, rcu));
}

static void meter_retire(struct meter *m)
{
	if (m)
		call_rcu(&m->rcu, meter_free_rcu);
}

int meter_set(struct meter_table *t, u32 id, const struct meter_config *cfg,
	      const char **why)
{
	struct meter *m, *old;
	int err;

	if (id >= t->max) {
		if (why)
			*why = "meter id out of range";
		return -EFBIG;
	}
	err = meter_check(cfg, why);
	if (err)
		return err;
	m = meter_create(cfg);
	if (!m) {
		if (why)
			*why = "out of memory";
		return -ENOMEM;
	}
	old = rcu_dereference_protected(t->meters[id], true);
	rcu_assign_pointer(t->meters[id], m);
	meter_retire(old);
	return 0;
}

static void meter_read(struct meter *m, struct meter_stats *s)
{
	u32 i;

	memset(s, 0, sizeof *s);
	meter_lock_ctl(&m->lock);
	s->in = m->in;
	s->n_bands = m->n_bands;
	for (i = 0; i < m->n_bands; i++)
		s->bands[i] = m->bands[i].applied;
	meter_unlock_ctl(&m->lock);
}

static struct meter *meter_find(struct meter_table *t, u32 id, int *err)
{
	struct meter *m;

	if (id >= t->max) {
		*err = -EFBIG;
		return NULL;
	}
	m = rcu_dereference_protected(t->meters[id], true);
	*err = m ? 0 : -ENOENT;
	return m;
}

int meter_get(struct meter_table *t, u32 id, struct meter_stats *s)
{
	int err;
	struct meter *m = meter_find(t, id, &err);

	if (m)
		meter_read(m, s);
	return err;
}

int meter_del(struct meter_table *t, u32 id, struct meter_stats *s)
{
	int err;
	struct meter *m = meter_find(t, id, &err);

	if (!m)
		return err;
	rcu_assign_pointer(t->meters[id], NULL);
	if (s)
		meter_read(m, s);
	meter_retire(m);
	return 0;
}

/* Adds what 'delta_ns' earned, up to the burst; the product cannot
 * overflow since delta_ns stays below fill_ns. */
static void band_refill(struct meter_band *b, u64 delta_ns)
{
	if (delta_ns >= b->fill_ns) {
		b->tokens = b->max_tokens;
		return;
	}
	b->tokens += delta_ns * b->rate;
	if (b->tokens > b->max_tokens)
		b->tokens = b->max_tokens;
}

static void counts_add(struct meter_counts *c, u32 len)
{
	c->n_packets++;
	c->n_bytes += len;
}

enum meter_verdict meter_run(struct meter_table *t, u32 id, u32 len,
			     u64 now_ns, u8 *prec_level)
{
	struct meter_band *hit = NULL;
	u64 delta = 0, cost;
	struct meter *m;
	u32 i;

	if (id >= t->max)
		return METER_PASS;
	m = rcu_dereference(t->meters[id]);
	if (!m)
		return METER_PASS;
	cost = m->pktps ? METER_UNIT : len * METER_BYTE_COST;

	meter_lock(&m->lock);
	/* Another thread may have refilled with a later clock reading. */
	if (!m->ran || now_ns > m->last_ns) {
		delta = m->ran ? now_ns - m->last_ns : 0;
		m->last_ns = now_ns;
		m->ran = true;
	}
	counts_add(&m->in, len);
	for (i = 0; i < m->n_bands; i++) {
		struct meter_band *b = &m->bands[i];

		band_refill(b, delta);
		if (b->tokens >= cost)
			b->tokens -= cost;
		else if (!hit || b->rate > hit->rate)
			hit = b;
	}
	if (hit)
		counts_add(&hit->applied, len);
	meter_unlock(&m->lock);

	if (!hit)
		return METER_PASS;
	if (hit->type == METER_BAND_DROP)
		return METER_DROP;
	*prec_level = hit->prec_level;
	return METER_REMARK;
}
