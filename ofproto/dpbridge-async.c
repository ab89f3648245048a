/* Work the polling threads hand to the main thread, which owns the
 * OpenFlow connections and tables: packets for the controller and flows
 * that `learn` made.  A bounded queue (a flood of misses must not eat
 * memory: what does not fit is counted and dropped) and an eventfd that
 * wakes the main loop. */
#include "dpbridge-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "bytebuf.h"
#include "log.h"
#include "ofp-actions.h"
#include "ofp-flow-mod.h"
#include "xalloc.h"

enum dpb_async_type { ASYNC_PACKET_IN, ASYNC_LEARN };

struct dpb_async_item {
	struct dpb_async_item *next;
	enum dpb_async_type type;
	struct of_flow flow;            /* packet-in: the packet's */
	struct of_flow_mod fm;          /* learn; 'fm.ofpacts' in 'data' */
	size_t cookie_len, packet_len;
	uint8_t *data;                  /* cookie then packet, or ofpacts */
};

int dpb_async_init(struct dpb_async *q, size_t max)
{
	memset(q, 0, sizeof *q);
	pthread_mutex_init(&q->mutex, NULL);
	q->tail = &q->head;
	q->max = max;
	q->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	return q->wake_fd < 0 ? -errno : 0;
}

static void item_free(struct dpb_async_item *it)
{
	free(it->data);
	free(it);
}

void dpb_async_destroy(struct dpb_async *q)
{
	struct dpb_async_item *it, *next;

	for (it = q->head; it; it = next) {
		next = it->next;
		item_free(it);
	}
	if (q->wake_fd >= 0)
		close(q->wake_fd);
	pthread_mutex_destroy(&q->mutex);
}

static bool enqueue(struct dpb_async *q, struct dpb_async_item *it)
{
	uint64_t one = 1;
	bool ok;

	pthread_mutex_lock(&q->mutex);
	ok = q->n < q->max;
	if (ok) {
		*q->tail = it;
		q->tail = &it->next;
		q->n++;
	} else {
		q->n_dropped++;
	}
	pthread_mutex_unlock(&q->mutex);
	if (!ok)
		item_free(it);
	else if (write(q->wake_fd, &one, sizeof one) < 0 && errno != EAGAIN)
		log_msg(LOG_WARN, "eventfd: %s", strerror(errno));
	return ok;
}

bool dpb_async_packet_in(struct dpb_async *q, const struct dp_packet *pkt,
			 const struct of_flow *flow, const void *cookie,
			 size_t cookie_len)
{
	struct dpb_async_item *it = xcalloc(1, sizeof *it);

	it->type = ASYNC_PACKET_IN;
	it->flow = *flow;
	it->cookie_len = cookie_len;
	it->packet_len = dp_packet_size(pkt);
	it->data = xcalloc(1, cookie_len + it->packet_len + 1);
	memcpy(it->data, cookie, cookie_len);
	memcpy(it->data + cookie_len, dp_packet_data(pkt), it->packet_len);
	return enqueue(q, it);
}

bool dpb_async_learn(struct dpb_async *q, const struct of_flow_mod *fm)
{
	struct dpb_async_item *it = xcalloc(1, sizeof *it);

	it->type = ASYNC_LEARN;
	it->fm = *fm;
	it->data = xcalloc(1, fm->ofpacts_len + 1);
	memcpy(it->data, fm->ofpacts, fm->ofpacts_len);
	it->fm.ofpacts = it->data;
	return enqueue(q, it);
}

/* The packet-in metadata OpenFlow carries: in_port always, and the
 * pipeline fields that are set. */
static void pin_metadata(const struct of_flow *flow, struct of_match *m)
{
	memset(m, 0, sizeof *m);
	m->flow.in_port = flow->in_port;
	m->mask.in_port = UINT32_MAX;
	if (flow->metadata) {
		m->flow.metadata = flow->metadata;
		m->mask.metadata = UINT64_MAX;
	}
	for (int i = 0; i < OF_FLOW_N_REGS; i++) {
		if (flow->regs[i]) {
			m->flow.regs[i] = flow->regs[i];
			m->mask.regs[i] = UINT32_MAX;
		}
	}
	if (flow->pkt_mark) {
		m->flow.pkt_mark = flow->pkt_mark;
		m->mask.pkt_mark = UINT32_MAX;
	}
	if (flow->tun_id) {
		m->flow.tun_id = flow->tun_id;
		m->mask.tun_id = UINT64_MAX;
	}
}

static void send_packet_in(struct dpbridge *b, const struct dpb_async_item *it)
{
	const struct xlate_ctrl_cookie *c = (const void *)it->data;
	struct connmgr_packet_in cpi;
	uint8_t cont[32];

	memset(&cpi, 0, sizeof cpi);
	cpi.pin.buffer_id = UINT32_MAX;
	cpi.pin.total_len = it->packet_len;
	cpi.pin.reason = c->reason;
	cpi.pin.table_id = c->table_id;
	cpi.pin.cookie = __builtin_bswap64(c->rule_cookie);
	pin_metadata(&it->flow, &cpi.pin.metadata);
	cpi.pin.packet = it->data + it->cookie_len;
	cpi.pin.packet_len = it->packet_len;
	if (it->cookie_len >= sizeof *c + c->userdata_len) {
		cpi.pin.userdata = c->userdata;
		cpi.pin.userdata_len = c->userdata_len;
	}
	if (c->flags & XLATE_CTRL_F_PAUSE) {
		cpi.pin.continuation = cont;
		cpi.pin.continuation_len = dpb_continuation_put(c->recirc_id,
								cont,
								sizeof cont);
	}
	cpi.max_len = c->max_len;
	cpi.use_miss_send_len = c->reason == OFPACT_PIN_NO_MATCH;
	cpi.controller_id = c->controller_id;
	connmgr_send_packet_in(b->connmgr, &cpi);
}

static void apply_learn(struct dpbridge *b, const struct dpb_async_item *it)
{
	enum ofperr err = dpb_flow_mod(b, &it->fm);

	if (err)
		log_msg(LOG_WARN, "%s: learned flow refused: %s", b->name,
			ofperr_get_name(err));
}

void dpb_async_run(struct dpbridge *b)
{
	struct dpb_async *q = &b->async;
	struct dpb_async_item *it, *next;
	uint64_t n;

	if (read(q->wake_fd, &n, sizeof n) < 0 && errno != EAGAIN)
		log_msg(LOG_WARN, "eventfd: %s", strerror(errno));
	pthread_mutex_lock(&q->mutex);
	it = q->head;
	q->head = NULL;
	q->tail = &q->head;
	q->n = 0;
	pthread_mutex_unlock(&q->mutex);
	for (; it; it = next) {
		next = it->next;
		if (it->type == ASYNC_PACKET_IN)
			send_packet_in(b, it);
		else
			apply_learn(b, it);
		item_free(it);
	}
}
