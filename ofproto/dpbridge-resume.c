/* Continuations: a controller action with "pause" freezes the rest of the
 * pipeline (translation keeps it under a recirculation id) and sends the
 * packet up in an NXT_PACKET_IN2 with a continuation; NXT_RESUME brings
 * the packet back and the pipeline goes on where it stopped.
 *
 * The continuation is opaque to the controller: a magic, this process's
 * instance number (so a resume after a restart is recognised as stale)
 * and the frozen state's id, which lives as long as the megaflow that
 * paused. */
#include "dpbridge-private.h"

#include <arpa/inet.h>
#include <string.h>
#include <sys/random.h>

#include "log.h"
#include "of-flow-key.h"
#include "ofp-packet-in.h"
#include "recirc.h"

#define CONT_MAGIC 0x57434e54u	/* "WCNT" */

struct continuation {
	uint32_t magic;		/* network order */
	uint32_t recirc_id;	/* network order */
	uint64_t instance;
};

static uint64_t instance_id(void)
{
	static uint64_t id;

	if (!id && getrandom(&id, sizeof id, 0) != sizeof id)
		id = (uint64_t)(uintptr_t)&id;
	return id;
}

size_t dpb_continuation_put(uint32_t recirc_id, uint8_t *buf, size_t size)
{
	struct continuation c = {
		.magic = htonl(CONT_MAGIC),
		.recirc_id = htonl(recirc_id),
		.instance = instance_id(),
	};

	if (size < sizeof c)
		return 0;
	memcpy(buf, &c, sizeof c);
	return sizeof c;
}

static enum ofperr continuation_get(const struct ofp_packet_in *pin,
				    uint32_t *recirc_id)
{
	struct continuation c;

	if (pin->continuation_len != sizeof c)
		return OFPERR_NXR_STALE;
	memcpy(&c, pin->continuation, sizeof c);
	if (ntohl(c.magic) != CONT_MAGIC || c.instance != instance_id())
		return OFPERR_NXR_STALE;
	*recirc_id = ntohl(c.recirc_id);
	return 0;
}

enum ofperr dpb_resume(struct dpbridge *b, const struct ofpmsg *msg)
{
	struct ofp_packet_in pin;
	struct dp_packet *pkt;
	struct flow_key key;
	struct dpb_xctx ctx;
	struct xlate_out xo;
	struct of_flow flow;
	uint32_t id;
	enum ofperr error;
	int err;

	error = ofp_packet_in_decode(msg, false, &pin);
	if (!error)
		error = continuation_get(&pin, &id);
	if (error)
		return error;
	if (!recirc_find_ref(id))
		return OFPERR_NXR_STALE;
	pkt = dp_packet_clone_data(pin.packet, pin.packet_len);
	dp_packet_parse(pkt, &key);
	of_flow_from_flow_key(&key, &flow);
	flow.in_port = pin.metadata.flow.in_port;
	rcu_read_lock();
	dpb_xctx_init(&ctx, b, &flow, true);
	xlate_out_init(&xo);
	err = dpb_translate_resume(&ctx, &flow, pkt, id, &xo);
	rcu_read_unlock();
	if (!err && !xo.error && xo.actions.size)
		err = dpif_execute(b->dpif, pkt, xo.actions.data,
				   xo.actions.size);
	if (err)
		log_msg(LOG_WARN, "%s: resume: %s", b->name, strerror(err < 0
								  ? -err
								  : err));
	xlate_out_uninit(&xo);
	dpb_xctx_uninit(&ctx);
	dp_packet_delete(pkt);
	recirc_unref(id);
	return 0;
}
