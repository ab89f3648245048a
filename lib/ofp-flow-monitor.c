/* Flow monitor requests. */
#include "ofp-flow-monitor.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-flow-removed.h"
#include "ofp-group-stats.h"
#include "ofp-port.h"
#include "ofp-port-stats.h"
#include "ofp-print.h"
#include "ofp-print-bodies.h"
#include "ofp-version.h"
#include "ofp-wire.h"

#define REQUEST_LEN 16
#define NX_OWN (1u << 5)
#define NX_ALL_FLAGS 0x3fu
#define OF14_ALL_FLAGS (0x1fu | OFPFMF_ONLY_OWN)
#define WATCHED (OFPFMF_ADD | OFPFMF_REMOVED | OFPFMF_MODIFY)

static uint16_t flags_from_nx(uint16_t nx)
{
	return (nx & 0x1f) | (nx & NX_OWN ? OFPFMF_ONLY_OWN : 0);
}

static uint16_t flags_to_nx(uint16_t f)
{
	return (f & 0x1f) | (f & OFPFMF_ONLY_OWN ? NX_OWN : 0);
}

/* A request must watch something and use only known flags. */
static enum ofperr check_flags(uint16_t wire, uint16_t known)
{
	return wire & WATCHED && !(wire & ~known) ? 0
						  : OFPERR_OFPMOFC_BAD_FLAGS;
}

/* Nicira: id(4) flags(2) out_port(2) match_len(2) table_id(1) zeros(5),
 * NXM padded to 8. */
static enum ofperr pull_nx(const uint8_t *p, struct bytecur *c,
			   struct ofp_flow_monitor_request *rq)
{
	uint16_t flags = ofp_get16(p + 4);
	size_t match_len = ofp_get16(p + 8);
	enum ofperr error = check_flags(flags, NX_ALL_FLAGS);

	if (error)
		return error;
	if (!bytecur_is_zero(p + 11, 5))
		return OFPERR_NXBRC_MUST_BE_ZERO;
	rq->flags = flags_from_nx(flags);
	rq->out_port = ofp_get16(p + 6);
	rq->table_id = p[10];
	const uint8_t *m = bytecur_take(c, (match_len + 7) / 8 * 8);
	if (!m)
		return OFPERR_OFPBMC_BAD_LEN;
	return of_match_decode_nxm(m, match_len, &rq->match);
}

/* ONF: id(4) flags(2) match_len(2) out_port(4) table_id(1) zeros(3),
 * an OpenFlow 1.1+ match. */
static enum ofperr pull_onf(const struct ofpmsg *m, const uint8_t *p,
			    struct bytecur *c,
			    struct ofp_flow_monitor_request *rq)
{
	uint16_t flags = ofp_get16(p + 4);
	enum ofperr error = check_flags(flags, NX_ALL_FLAGS);

	if (error)
		return error;
	if (!bytecur_is_zero(p + 13, 3))
		return OFPERR_NXBRC_MUST_BE_ZERO;
	rq->flags = flags_from_nx(flags);
	error = ofp_port_from_ofp11(ofp_get32(p + 8), &rq->out_port);
	if (error)
		return error;
	rq->table_id = p[12];
	return ofp_match_pull_of11(c, m->version, &rq->match);
}

/* 1.4: monitor_id(4) out_port(4) out_group(4) flags(2) table_id(1)
 * command(1), a match.  A delete needs nothing but its id and match. */
static enum ofperr pull_of14(const struct ofpmsg *m, const uint8_t *p,
			     struct bytecur *c,
			     struct ofp_flow_monitor_request *rq)
{
	uint16_t flags = ofp_get16(p + 12);

	rq->command = p[15];
	if (rq->command != OFPFMC_DELETE) {
		enum ofperr error = check_flags(flags, OF14_ALL_FLAGS);
		if (!error)
			error = ofp_port_from_ofp11(ofp_get32(p + 4),
						    &rq->out_port);
		if (error)
			return error;
		rq->flags = flags;
		rq->out_group = ofp_get32(p + 8);
		rq->table_id = p[14];
	}
	return ofp_match_pull_of11(c, m->version, &rq->match);
}

/* The next request of 'm' from 'c': 0, OFP_PORT_END when none is left,
 * or the error. */
int ofp_flow_monitor_request_pull(const struct ofpmsg *m, struct bytecur *c,
				  struct ofp_flow_monitor_request *rq)
{
	memset(rq, 0, sizeof *rq);
	rq->out_port = OFPP_ANY;
	rq->out_group = OFPG_ANY;
	rq->table_id = 0xff;
	of_match_init_catchall(&rq->match);
	if (!c->left)
		return OFP_PORT_END;

	const uint8_t *p = bytecur_take(c, REQUEST_LEN);
	if (!p)
		return OFPERR_OFPBRC_BAD_LEN;
	rq->id = ofp_get32(p);
	if (m->version >= OFP14_VERSION)
		return pull_of14(m, p, c, rq);
	return m->version == OFP13_VERSION ? pull_onf(m, p, c, rq)
					   : pull_nx(p, c, rq);
}

static void put_nx(struct bytebuf *b,
		   const struct ofp_flow_monitor_request *rq)
{
	size_t head = b->size;

	bytebuf_put_be32(b, rq->id);
	bytebuf_put_be16(b, flags_to_nx(rq->flags));
	bytebuf_put_be16(b, rq->out_port);
	bytebuf_put_be16(b, 0);
	bytebuf_put_u8(b, rq->table_id);
	bytebuf_put_zeros(b, 5);
	ofp_match_put_nxm(b, &rq->match, head + 8);
}

/* Appends one request in 'm''s form (its type and version). */
void ofp_flow_monitor_request_put(struct bytebuf *b, const struct ofpmsg *m,
				  const struct ofp_flow_monitor_request *rq)
{
	if (m->version < OFP13_VERSION) {
		put_nx(b, rq);
		return;
	}
	bytebuf_put_be32(b, rq->id);
	if (m->version == OFP13_VERSION) {
		size_t ofs = b->size;
		bytebuf_put_be16(b, flags_to_nx(rq->flags));
		bytebuf_put_be16(b, 0);
		bytebuf_put_be32(b, ofp_port_to_ofp11(rq->out_port));
		bytebuf_put_u8(b, rq->table_id);
		bytebuf_put_zeros(b, 3);
		size_t mstart = b->size;
		of_match_encode_oxm(&rq->match, m->version, b);
		uint8_t *p = bytebuf_at(b, ofs + 2, 2);
		const uint8_t *ml = bytebuf_at(b, mstart + 2, 2);
		p[0] = ml[0];
		p[1] = ml[1];
		return;
	}
	bytebuf_put_be32(b, ofp_port_to_ofp11(rq->out_port));
	bytebuf_put_be32(b, rq->out_group);
	bytebuf_put_be16(b, rq->flags);
	bytebuf_put_u8(b, rq->table_id);
	bytebuf_put_u8(b, rq->command);
	of_match_encode_oxm(&rq->match, m->version, b);
}

static const char *flag_name(unsigned bit)
{
	static const char *const names[] = {
		"initial", "add", "delete", "modify", "actions", "no-abbrev",
		"own",
	};
	return bit < sizeof names / sizeof names[0] ? names[bit] : NULL;
}

static void print_request(struct odp_text *t,
			  const struct ofp_flow_monitor_request *rq)
{
	if (rq->command == OFPFMC_DELETE) {
		odp_text_printf(t, "\n id=%" PRIu32 " command=delete", rq->id);
		return;
	}
	odp_text_printf(t, "\n id=%" PRIu32 " flags=", rq->id);
	ofp_print_bit_names(t, rq->flags, flag_name, ',');
	if (rq->out_port != OFPP_ANY) {
		odp_text_printf(t, " out_port=");
		ofp_print_port_number(t, rq->out_port);
	}
	if (rq->out_group && rq->out_group != OFPG_ANY)
		odp_text_printf(t, " out_group=%d", (int)rq->out_group);
	if (rq->table_id != 0xff)
		odp_text_printf(t, " table=%u", rq->table_id);

	char *match = of_match_format(&rq->match);
	if (*match)
		odp_text_printf(t, " %s", match);
	free(match);
}

OFP_BODY_PRINTER(ofp_flow_monitor_print_request)
{
	struct bytecur c = bytecur_make(m->body, m->body_len);
	struct ofp_flow_monitor_request rq;
	int retval;

	while (!(retval = ofp_flow_monitor_request_pull(m, &c, &rq)))
		print_request(t, &rq);
	return retval == OFP_PORT_END ? 0 : retval;
}
