/* learn: builds the flow_mod a learn action describes from the packet and
 * hands it to the daemon, which applies it once translation is done. */
#include "xlate-private.h"

#include <arpa/inet.h>
#include <string.h>

#include "ofp-flow-mod.h"

/* A spec's source bits, right-aligned. */
static void xl_source(struct xlate_ctx *ctx, const struct ofpact_learn_spec *sp,
		      union mf_value *v)
{
	if (sp->src_type == OFPACT_LEARN_SRC_FIELD) {
		xlate_subfield_read(ctx, &sp->src, v);
		return;
	}
	memset(v, 0, sizeof *v);
	memcpy(v->u8, sp->imm, sizeof sp->imm);
}

static void xl_match(struct of_match *m, const struct mf_subfield *dst,
		     const union mf_value *src)
{
	union mf_value v, k, nv, nk;

	mf_get(dst->field, m, &v, &k);
	xlate_subfield_place(dst, src, &nv, &nk);
	for (size_t i = 0; i < sizeof v.u8; i++) {
		v.u8[i] = (v.u8[i] & ~nk.u8[i]) | nv.u8[i];
		k.u8[i] |= nk.u8[i];
	}
	mf_set(dst->field, &v, &k, m);
}

static void xl_load(struct bytebuf *acts, const struct mf_subfield *dst,
		    const union mf_value *src)
{
	struct ofpact_set_field *sf = (struct ofpact_set_field *)
		ofpact_put(acts, OFPACT_SET_FIELD, sizeof *sf);

	sf->field = dst->field;
	sf->flavor = OFPACT_SF_LOAD;
	xlate_subfield_place(dst, src, &sf->value, &sf->mask);
}

static void xl_output(struct bytebuf *acts, const union mf_value *src)
{
	struct ofpact_output *o = (struct ofpact_output *)
		ofpact_put(acts, OFPACT_OUTPUT, sizeof *o);
	uint32_t port;

	memcpy(&port, &src->u8[12], 4);
	o->port = ntohl(port);
}

void xlate_learn(struct xlate_ctx *ctx, const struct ofpact_learn *l)
{
	struct of_flow_mod fm;
	struct bytebuf acts;

	of_flow_mod_init(&fm);
	bytebuf_init(&acts);
	fm.command = OFPFC_ADD;
	fm.table_id = l->table_id;
	fm.priority = l->priority;
	fm.idle_timeout = l->idle_timeout;
	fm.hard_timeout = l->hard_timeout;
	fm.new_cookie = l->cookie;
	if (l->flags & OFPACT_LEARN_SEND_FLOW_REM)
		fm.flags |= OFP_FF_SEND_FLOW_REM;
	for (uint16_t i = 0; i < l->n_specs; i++) {
		const struct ofpact_learn_spec *sp = &l->specs[i];
		union mf_value v;

		/* The source is read even when not learning: the megaflow
		 * must not outlive what a learn would write. */
		xl_source(ctx, sp, &v);
		if (sp->dst_type == OFPACT_LEARN_DST_MATCH)
			xl_match(&fm.match, &sp->dst, &v);
		else if (sp->dst_type == OFPACT_LEARN_DST_LOAD)
			xl_load(&acts, &sp->dst, &v);
		else
			xl_output(&acts, &v);
	}
	fm.ofpacts = acts.data;
	fm.ofpacts_len = acts.size;
	if (ctx->xin->may_learn && ctx->ops->learn)
		ctx->ops->learn(ctx->aux, &fm);
	bytebuf_uninit(&acts);
}
