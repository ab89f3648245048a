/* Actions that send the packet somewhere: output (whole or truncated),
 * output to a register's port, the controller, enqueue and queues, groups,
 * resubmit, bundle. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odp-key-text.h"
#include "ofp-actions-private.h"
#include "ofp-port.h"
#include "ofp-prop.h"

#define OFPP11(P) (OFPP11_OFFSET + (P))

/* ---- Ports. ---- */

enum ofperr ofpact_port_check(uint32_t port, uint32_t max_ports)
{
	if (port < max_ports && port < OFPP11_MAX)
		return 0;
	switch (port) {
	case OFPP11(OFPP_IN_PORT): case OFPP11(OFPP_TABLE):
	case OFPP11(OFPP_NORMAL): case OFPP11(OFPP_FLOOD):
	case OFPP11(OFPP_ALL): case OFPP11(OFPP_CONTROLLER):
	case OFPP11(OFPP_LOCAL):
		return 0;
	default:
		return OFPERR_OFPBAC_BAD_OUT_PORT;
	}
}

void ofpact_format_port(struct odp_text *s, uint32_t port)
{
	const char *name = port >= OFPP11_MAX
		? ofp_port_reserved_name((uint16_t) (port - OFPP11_OFFSET))
		: NULL;

	if (name)
		odp_text_printf(s, "%s", name);
	else
		odp_text_printf(s, "%u", port);
}

bool ofpact_parse_port(const char *s, uint32_t *port)
{
	uint64_t v;
	unsigned p;

	for (p = OFPP_MAX; p <= OFPP_ANY; p++) {
		const char *name = ofp_port_reserved_name((uint16_t) p);
		if (name && !strcasecmp(s, name)) {
			*port = OFPP11(p);
			return true;
		}
	}
	if (!strcasecmp(s, "NONE")) {
		*port = OFPP11(OFPP_ANY);
		return true;
	}
	if (!ofpact_ok(ofpact_parse_uint("port", s, UINT32_MAX, &v)))
		return false;
	/* OpenFlow 1.0 numbers for the reserved ports are accepted too. */
	if (v >= OFPP_MAX && v <= OFPP_ANY)
		v = OFPP11(v);
	else if (v >= OFPP_MAX && v < OFPP11_MAX)
		return false;
	*port = (uint32_t) v;
	return true;
}

/* The 1.0 form of a 1.1+ port number. */
static uint16_t port10(uint32_t port)
{
	uint16_t p;

	return of_port_to_of10(port, &p) ? p : OFPP_ANY;
}

/* ---- output ---- */

static void put_output(struct bytebuf *out, uint32_t port, uint16_t max_len)
{
	struct ofpact_output *o = (struct ofpact_output *)
		ofpact_put(out, OFPACT_OUTPUT, sizeof *o);

	o->port = port;
	o->max_len = max_len;
}

enum ofperr ofpact_decode_output(const struct ofpact_raw *r,
				 const struct ofpact_in *in,
				 struct bytebuf *out)
{
	uint32_t port;
	uint16_t max_len;

	if (in->version == OFP10_VERSION) {
		port = of_port_from_of10(ofpact_be16(in->p + 4));
		max_len = ofpact_be16(in->p + 6);
	} else {
		port = ofpact_be32(in->p + 4);
		max_len = ofpact_be16(in->p + 8);
		if (!bytecur_is_zero(in->p + 10, 6))
			return OFPERR_OFPBAC_BAD_ARGUMENT;
	}
	(void) r;
	if (ofpact_port_check(port, OFPP11_MAX)
	    || port == OFPP11(OFPP_ANY))
		return OFPERR_OFPBAC_BAD_OUT_PORT;
	put_output(out, port, max_len);
	return 0;
}

enum ofperr ofpact_encode_output(const struct ofpact *a, enum ofp_version v,
				 struct bytebuf *out)
{
	const struct ofpact_output *o = (const struct ofpact_output *) a;
	size_t ofs;

	if (v == OFP10_VERSION) {
		ofs = ofpact_put_raw(out, RAW10_OUTPUT, 0, 0);
		ofpact_put_be16_at(out, ofs + 4, port10(o->port));
		ofpact_put_be16_at(out, ofs + 6, o->max_len);
	} else {
		ofs = ofpact_put_raw(out, RAW11_OUTPUT, 0, 0);
		ofpact_put_be32_at(out, ofs + 4, o->port);
		ofpact_put_be16_at(out, ofs + 8, o->max_len);
	}
	return 0;
}

void ofpact_format_output(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_output *o = (const struct ofpact_output *) a;

	if (o->port < OFPP11_MAX)
		odp_text_printf(s, "output:");
	ofpact_format_port(s, o->port);
	if (o->port == OFPP11(OFPP_CONTROLLER))
		odp_text_printf(s, ":%u", o->max_len);
}

static char *parse_output_trunc(const char *name, char *arg,
				struct bytebuf *out);

char *ofpact_parse_output(const char *name, char *arg, struct bytebuf *out)
{
	uint32_t port;

	if (!strncmp(arg, "port=", 5) || strstr(arg, ",port="))
		return parse_output_trunc(name, arg, out);
	if (!strcasecmp(arg, "CONTROLLER"))
		return ofpact_parse_controller(arg, "", out);
	if (!strncasecmp(arg, "CONTROLLER:", 11))
		return ofpact_parse_controller(arg, arg + 11, out);
	if (ofpact_parse_port(arg, &port)) {
		if (ofpact_port_check(port, OFPP11_MAX))
			return ofpact_error("%s: output to port %s is not "
					    "allowed", name, arg);
		put_output(out, port, 0);
		return NULL;
	}
	return ofpact_parse_output_reg(name, arg, out);
}

enum ofperr ofpact_check_output(struct ofpact *a,
				struct ofpact_check_ctx *ctx)
{
	return ofpact_port_check(((const struct ofpact_output *) a)->port,
				 ctx->max_ports);
}

/* ---- controller ---- */

static const char *const pin_reasons[OFPACT_PIN_N_REASONS] = {
	"no_match", "action", "invalid_ttl", "action_set", "group",
	"packet_out",
};

/* NXAST_CONTROLLER2 property types. */
enum {
	NXAC2PT_MAX_LEN, NXAC2PT_CONTROLLER_ID, NXAC2PT_REASON,
	NXAC2PT_USERDATA, NXAC2PT_PAUSE, NXAC2PT_METER_ID,
};

static struct ofpact_controller *put_controller(
	struct bytebuf *out, const struct ofpact_controller *opts,
	const uint8_t *userdata)
{
	struct ofpact_controller *c = (struct ofpact_controller *) ofpact_put(
		out, OFPACT_CONTROLLER, sizeof *c + opts->userdata_len);

	c->max_len = opts->max_len;
	c->controller_id = opts->controller_id;
	c->reason = opts->reason;
	c->pause = opts->pause;
	c->meter_id = opts->meter_id;
	c->userdata_len = opts->userdata_len;
	if (opts->userdata_len)
		memcpy(c->userdata, userdata, opts->userdata_len);
	return c;
}

static void controller_defaults(struct ofpact_controller *c)
{
	memset(c, 0, sizeof *c);
	c->max_len = UINT16_MAX;
	c->reason = OFPACT_PIN_ACTION;
	c->meter_id = OFPACT_NO_METER;
}

enum ofperr ofpact_decode_controller(const struct ofpact_raw *r,
				     const struct ofpact_in *in,
				     struct bytebuf *out)
{
	struct ofpact_controller c;

	(void) r;
	if (in->p[14] >= OFPACT_PIN_N_REASONS)
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	if (in->p[15])
		return OFPERR_NXBAC_MUST_BE_ZERO;
	controller_defaults(&c);
	c.max_len = ofpact_be16(in->p + 10);
	c.controller_id = ofpact_be16(in->p + 12);
	c.reason = in->p[14];
	put_controller(out, &c, NULL);
	return 0;
}

/* One NXAST_CONTROLLER2 property into 'c'; 'body' and 'n' its value. */
static enum ofperr controller2_prop(uint16_t type, const uint8_t *body,
				    size_t n, struct ofpact_controller *c,
				    const uint8_t **userdata)
{
	static const int8_t sizes[] = { 2, 2, 1, -1, 0, 4 };

	if (type > NXAC2PT_METER_ID)
		return OFPERR_OFPBPC_BAD_TYPE;
	/* 16-bit values come padded to 32 bits inside the length. */
	if (sizes[type] == 2 && n == 4 && !body[2] && !body[3])
		n = 2;
	if (sizes[type] >= 0 && n != (size_t) sizes[type])
		return OFPERR_OFPBPC_BAD_LEN;
	switch (type) {
	case NXAC2PT_MAX_LEN:
		c->max_len = ofpact_be16(body);
		break;
	case NXAC2PT_CONTROLLER_ID:
		c->controller_id = ofpact_be16(body);
		break;
	case NXAC2PT_REASON:
		if (body[0] >= OFPACT_PIN_N_REASONS)
			return OFPERR_OFPBPC_BAD_VALUE;
		c->reason = body[0];
		break;
	case NXAC2PT_USERDATA:
		c->userdata_len = (uint16_t) n;
		*userdata = body;
		break;
	case NXAC2PT_PAUSE:
		c->pause = true;
		break;
	default:
		c->meter_id = ofpact_be32(body);
		break;
	}
	return 0;
}

enum ofperr ofpact_decode_controller2(const struct ofpact_raw *r,
				      const struct ofpact_in *in,
				      struct bytebuf *out)
{
	struct bytecur c = bytecur_make(in->p + 16, in->len - 16);
	const uint8_t *userdata = NULL;
	struct ofpact_controller opts;
	uint32_t seen = 0;

	(void) r;
	if (!bytecur_is_zero(in->p + 10, 6))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	controller_defaults(&opts);
	while (c.left) {
		struct ofp_prop prop;
		size_t padded;
		enum ofperr error = ofp_prop_pull(&c, 0xffff, &prop);

		if (error)
			return error;
		padded = (prop.len + 7) / 8 * 8;
		if (!bytecur_is_zero(prop.data + prop.len, padded - prop.len))
			return OFPERR_OFPBPC_BAD_LEN;
		if (prop.type < 32 && seen & 1u << prop.type)
			return OFPERR_OFPBPC_DUP_TYPE;
		seen |= prop.type < 32 ? 1u << prop.type : 0;
		error = controller2_prop(prop.type, prop.data + 4,
					 prop.len - 4, &opts, &userdata);
		if (error)
			return error;
	}
	put_controller(out, &opts, userdata);
	return 0;
}

static bool controller_is_simple(const struct ofpact_controller *c)
{
	return !c->userdata_len && !c->pause && c->meter_id == OFPACT_NO_METER;
}

static void put_prop(struct bytebuf *out, uint16_t type, const void *v,
		     size_t n)
{
	size_t pad = (8 - (4 + n) % 8) % 8;

	bytebuf_put_be16(out, type);
	bytebuf_put_be16(out, (uint16_t) (4 + n));
	if (n)
		bytebuf_put(out, v, n);
	if (pad)
		bytebuf_put_zeros(out, pad);
}

static void encode_controller2(const struct ofpact_controller *c,
			       struct bytebuf *out)
{
	size_t ofs = ofpact_put_raw(out, RAW_NX_CONTROLLER2, 0, 0);
	uint8_t be[4];

	/* 16-bit properties carry their value in 4 bytes, as OVS does. */
	memset(be, 0, sizeof be);
	if (c->max_len != UINT16_MAX) {
		be[0] = (uint8_t) (c->max_len >> 8);
		be[1] = (uint8_t) c->max_len;
		put_prop(out, NXAC2PT_MAX_LEN, be, 4);
	}
	if (c->controller_id) {
		be[0] = (uint8_t) (c->controller_id >> 8);
		be[1] = (uint8_t) c->controller_id;
		put_prop(out, NXAC2PT_CONTROLLER_ID, be, 4);
	}
	if (c->reason != OFPACT_PIN_ACTION)
		put_prop(out, NXAC2PT_REASON, &c->reason, 1);
	if (c->userdata_len)
		put_prop(out, NXAC2PT_USERDATA, c->userdata, c->userdata_len);
	if (c->pause)
		put_prop(out, NXAC2PT_PAUSE, NULL, 0);
	if (c->meter_id != OFPACT_NO_METER) {
		be[0] = (uint8_t) (c->meter_id >> 24);
		be[1] = (uint8_t) (c->meter_id >> 16);
		be[2] = (uint8_t) (c->meter_id >> 8);
		be[3] = (uint8_t) c->meter_id;
		put_prop(out, NXAC2PT_METER_ID, be, 4);
	}
	ofpact_finish_raw(out, ofs);
}

enum ofperr ofpact_encode_controller(const struct ofpact *a,
				     enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact_controller *c = (const void *) a;
	size_t ofs;
	uint8_t *reason;

	(void) v;
	if (!controller_is_simple(c)) {
		encode_controller2(c, out);
		return 0;
	}
	ofs = ofpact_put_raw(out, RAW_NX_CONTROLLER, 0, 0);
	reason = bytebuf_at(out, ofs + 14, 1);
	ofpact_put_be16_at(out, ofs + 10, c->max_len);
	ofpact_put_be16_at(out, ofs + 12, c->controller_id);
	*reason = c->reason;
	return 0;
}

void ofpact_format_controller(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_controller *c = (const void *) a;
	struct odp_text body = ODP_TEXT_INIT;
	size_t i;

	if (c->reason == OFPACT_PIN_ACTION && !c->controller_id
	    && controller_is_simple(c)) {
		odp_text_printf(s, "CONTROLLER:%u", c->max_len);
		return;
	}
	if (c->reason != OFPACT_PIN_ACTION)
		odp_text_printf(&body, "reason=%s,", pin_reasons[c->reason]);
	if (c->max_len != UINT16_MAX)
		odp_text_printf(&body, "max_len=%u,", c->max_len);
	if (c->controller_id)
		odp_text_printf(&body, "id=%u,", c->controller_id);
	if (c->userdata_len) {
		odp_text_printf(&body, "userdata=");
		for (i = 0; i < c->userdata_len; i++)
			odp_text_printf(&body, "%s%02x", i ? "." : "",
					c->userdata[i]);
		odp_text_printf(&body, ",");
	}
	if (c->pause)
		odp_text_printf(&body, "pause,");
	if (c->meter_id != OFPACT_NO_METER)
		odp_text_printf(&body, "meter_id=%u,", c->meter_id);
	if (body.len)
		body.s[--body.len] = '\0';
	odp_text_printf(s, "controller(%s)", odp_text_cstr(&body));
	odp_text_free(&body);
}

static char *parse_reason(const char *v, uint8_t *reason)
{
	unsigned i;

	for (i = 0; i < OFPACT_PIN_N_REASONS; i++) {
		if (!strcmp(v, pin_reasons[i])) {
			*reason = (uint8_t) i;
			return NULL;
		}
	}
	return ofpact_error("controller: unknown reason \"%s\"", v);
}

static int hex_digit(int c)
{
	return c >= '0' && c <= '9' ? c - '0'
		: c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* "00.01.02" or "000102" into 'buf' (at most 'max' bytes). */
static char *parse_userdata(const char *v, uint8_t *buf, size_t max,
			    uint16_t *n)
{
	size_t len = 0;

	while (*v) {
		int hi = hex_digit(v[0]), lo = hi < 0 ? -1 : hex_digit(v[1]);

		if (*v == '.') {
			v++;
			continue;
		}
		if (lo < 0)
			return ofpact_error("controller: bad userdata \"%s\"",
					    v);
		if (len == max)
			return ofpact_error("controller: userdata too long");
		buf[len++] = (uint8_t) (hi << 4 | lo);
		v += 2;
	}
	*n = (uint16_t) len;
	return NULL;
}

static char *parse_controller_opt(char *kv, struct ofpact_controller *c,
				  uint8_t *userdata, size_t max)
{
	char *v = strchr(kv, '=');
	uint64_t n;
	char *error;

	if (!v && !strcmp(kv, "pause")) {
		c->pause = true;
		return NULL;
	}
	if (!v)
		return ofpact_error("controller: unknown option %s", kv);
	*v++ = '\0';
	if (!strcmp(kv, "reason"))
		return parse_reason(v, &c->reason);
	if (!strcmp(kv, "userdata"))
		return parse_userdata(v, userdata, max, &c->userdata_len);
	if (!strcmp(kv, "max_len")) {
		error = ofpact_parse_uint("controller max_len", v, UINT16_MAX,
					  &n);
		c->max_len = (uint16_t) n;
	} else if (!strcmp(kv, "id")) {
		error = ofpact_parse_uint("controller id", v, UINT16_MAX, &n);
		c->controller_id = (uint16_t) n;
	} else if (!strcmp(kv, "meter_id")) {
		error = ofpact_parse_uint("controller meter_id", v,
					  UINT32_MAX - 1, &n);
		c->meter_id = (uint32_t) n;
	} else {
		error = ofpact_error("controller: unknown option %s", kv);
	}
	return error;
}

char *ofpact_parse_controller(const char *name, char *arg,
			      struct bytebuf *out)
{
	size_t max = strlen(arg) / 2 + 1;
	uint8_t *userdata = malloc(max);
	struct ofpact_controller c;
	char *error = NULL, *save = NULL, *kv;
	uint64_t n;

	(void) name;
	if (!userdata)
		abort();
	controller_defaults(&c);
	if (!strchr(arg, '=') && strcmp(arg, "pause")) {
		if (*arg) {
			error = ofpact_parse_uint("controller max_len", arg,
						  UINT16_MAX, &n);
			c.max_len = (uint16_t) n;
		}
	} else {
		for (kv = strtok_r(arg, ",", &save); kv && !error;
		     kv = strtok_r(NULL, ",", &save))
			error = parse_controller_opt(kv, &c, userdata, max);
	}
	if (!error && c.reason == OFPACT_PIN_ACTION && !c.controller_id
	    && controller_is_simple(&c))
		put_output(out, OFPP11(OFPP_CONTROLLER), c.max_len);
	else if (!error)
		put_controller(out, &c, userdata);
	free(userdata);
	return error;
}

/* ---- enqueue (OpenFlow 1.0) ---- */

enum ofperr ofpact_decode_enqueue(const struct ofpact_raw *r,
				  const struct ofpact_in *in,
				  struct bytebuf *out)
{
	struct ofpact_enqueue *e;
	uint32_t port = of_port_from_of10(ofpact_be16(in->p + 4));

	(void) r;
	if (!bytecur_is_zero(in->p + 6, 6))
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	if (port >= OFPP11_MAX && port != OFPP11(OFPP_IN_PORT)
	    && port != OFPP11(OFPP_LOCAL))
		return OFPERR_OFPBAC_BAD_OUT_PORT;
	e = (struct ofpact_enqueue *) ofpact_put(out, OFPACT_ENQUEUE,
						 sizeof *e);
	e->port = port;
	e->queue = ofpact_be32(in->p + 12);
	return 0;
}

/* Beyond 1.0, enqueue is set_queue, output, pop_queue (as ovs-ofctl). */
enum ofperr ofpact_encode_enqueue(const struct ofpact *a, enum ofp_version v,
				  struct bytebuf *out)
{
	const struct ofpact_enqueue *e = (const void *) a;
	struct ofpact_output o = { { OFPACT_OUTPUT, sizeof o }, e->port,
				  UINT16_MAX };
	struct ofpact_u32 q = { { OFPACT_SET_QUEUE, sizeof q }, e->queue };
	size_t ofs;

	if (v == OFP10_VERSION) {
		ofs = ofpact_put_raw(out, RAW10_ENQUEUE, 0, 0);
		ofpact_put_be16_at(out, ofs + 4, port10(e->port));
		ofpact_put_be32_at(out, ofs + 12, e->queue);
		return 0;
	}
	ofpact_encode_simple(&q.a, v, out);
	ofpact_encode_output(&o.a, v, out);
	ofpact_put_raw(out, RAW_NX_POP_QUEUE, 0, 0);
	return 0;
}

void ofpact_format_enqueue(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_enqueue *e = (const void *) a;

	odp_text_printf(s, "enqueue:");
	ofpact_format_port(s, e->port);
	odp_text_printf(s, ":%u", e->queue);
}

char *ofpact_parse_enqueue(const char *name, char *arg, struct bytebuf *out)
{
	char *sep = arg + strcspn(arg, ":,");
	struct ofpact_enqueue *e;
	uint32_t port;
	uint64_t q;
	char *error;

	if (!*sep)
		return ofpact_error("%s: \"%s\" lacks a queue id "
				    "(enqueue:PORT:QUEUE)", name, arg);
	*sep++ = '\0';
	if (!ofpact_parse_port(arg, &port)
	    || (port >= OFPP11_MAX && port != OFPP11(OFPP_IN_PORT)
		&& port != OFPP11(OFPP_LOCAL)))
		return ofpact_error("%s: invalid port \"%s\"", name, arg);
	error = ofpact_parse_uint("enqueue queue", sep, UINT32_MAX, &q);
	if (error)
		return error;
	e = (struct ofpact_enqueue *) ofpact_put(out, OFPACT_ENQUEUE,
						 sizeof *e);
	e->port = port;
	e->queue = (uint32_t) q;
	return NULL;
}

enum ofperr ofpact_check_enqueue(struct ofpact *a,
				 struct ofpact_check_ctx *ctx)
{
	const struct ofpact_enqueue *e = (const void *) a;

	if (e->port >= ctx->max_ports && e->port != OFPP11(OFPP_IN_PORT)
	    && e->port != OFPP11(OFPP_LOCAL))
		return OFPERR_OFPBAC_BAD_OUT_PORT;
	return 0;
}

/* ---- output:SUBFIELD ---- */

enum ofperr ofpact_decode_output_reg(const struct ofpact_raw *r,
				     const struct ofpact_in *in,
				     struct bytebuf *out)
{
	struct ofpact_output_reg *o;
	struct mf_subfield sf;
	uint16_t ofs_nbits = ofpact_be16(in->p + 10);
	enum ofperr error;

	(void) r;
	if (!bytecur_is_zero(in->p + 18, 6))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	error = mf_subfield_decode(ofpact_be32(in->p + 12), ofs_nbits >> 6,
				   (ofs_nbits & 0x3f) + 1, false, &sf);
	if (error)
		return error;
	o = (struct ofpact_output_reg *) ofpact_put(out, OFPACT_OUTPUT_REG,
						    sizeof *o);
	mf_subfield_copy(&o->src, &sf);
	o->max_len = ofpact_be16(in->p + 16);
	return 0;
}

enum ofperr ofpact_encode_output_reg(const struct ofpact *a,
				     enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact_output_reg *o = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_OUTPUT_REG, 0, 0);

	(void) v;
	ofpact_put_be16_at(out, ofs + 10, (uint16_t) (o->src.ofs << 6
						      | (o->src.n_bits - 1)));
	ofpact_put_be32_at(out, ofs + 12, mf_nxm_header32(o->src.field));
	ofpact_put_be16_at(out, ofs + 16, o->max_len);
	return 0;
}

void ofpact_format_output_reg(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "output:");
	mf_subfield_format(s, &((const struct ofpact_output_reg *) a)->src);
}

char *ofpact_parse_output_reg(const char *name, char *arg,
			      struct bytebuf *out)
{
	struct ofpact_output_reg *o;
	struct mf_subfield sf;
	const char *p = arg;

	if (!ofpact_ok(mf_subfield_parse(&p, &sf)))
		return ofpact_error("%s: \"%s\" is not a port or a field",
				    name, arg);
	if (*p)
		return ofpact_error("%s: trailing garbage \"%s\"", name, p);
	if (sf.n_bits > 32)
		return ofpact_error("%s: %s is wider than a port number",
				    name, arg);
	o = (struct ofpact_output_reg *) ofpact_put(out, OFPACT_OUTPUT_REG,
						    sizeof *o);
	mf_subfield_copy(&o->src, &sf);
	o->max_len = UINT16_MAX;
	return NULL;
}

enum ofperr ofpact_check_output_reg(struct ofpact *a,
				    struct ofpact_check_ctx *ctx)
{
	const struct ofpact_output_reg *o = (const void *) a;

	return mf_prereqs_ok(o->src.field, &ctx->match)
		? 0 : OFPERR_OFPBAC_MATCH_INCONSISTENT;
}

/* ---- set_queue, group: one integer, encoded from the table ---- */

void ofpact_format_set_queue(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "set_queue:%u",
			((const struct ofpact_u32 *) a)->value);
}

void ofpact_format_group(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "group:%u", ((const struct ofpact_u32 *) a)->value);
}

/* ---- resubmit ---- */

enum ofperr ofpact_decode_resubmit(const struct ofpact_raw *r,
				   const struct ofpact_in *in,
				   struct bytebuf *out)
{
	struct ofpact_resubmit *rs;
	bool simple = r == &ofpact_raws[RAW_NX_RESUBMIT];

	if (!simple && !bytecur_is_zero(in->p + 13, 3))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	rs = (struct ofpact_resubmit *) ofpact_put(out, OFPACT_RESUBMIT,
						   sizeof *rs);
	rs->in_port = of_port_from_of10(ofpact_be16(in->p + 10));
	rs->table_id = simple ? 0xff : in->p[12];
	rs->with_ct = r == &ofpact_raws[RAW_NX_RESUBMIT_TABLE_CT];
	rs->table_form = !simple;
	return 0;
}

enum ofperr ofpact_encode_resubmit(const struct ofpact *a,
				   enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact_resubmit *rs = (const void *) a;
	enum ofpact_raw_id id = rs->with_ct ? RAW_NX_RESUBMIT_TABLE_CT
		: RAW_NX_RESUBMIT_TABLE;
	size_t ofs;
	uint8_t *t;

	(void) v;
	if (!rs->table_form && rs->table_id == 0xff && !rs->with_ct) {
		ofpact_put_raw(out, RAW_NX_RESUBMIT, port10(rs->in_port), 0);
		return 0;
	}
	ofs = ofpact_put_raw(out, id, 0, 0);
	ofpact_put_be16_at(out, ofs + 10, port10(rs->in_port));
	t = bytebuf_at(out, ofs + 12, 1);
	*t = rs->table_id;
	return 0;
}

void ofpact_format_resubmit(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_resubmit *rs = (const void *) a;

	if (rs->table_id == 0xff && !rs->with_ct
	    && rs->in_port != OFPP11(OFPP_IN_PORT)) {
		odp_text_printf(s, "resubmit:");
		ofpact_format_port(s, rs->in_port);
		return;
	}
	odp_text_printf(s, "resubmit(");
	if (rs->in_port != OFPP11(OFPP_IN_PORT))
		ofpact_format_port(s, rs->in_port);
	odp_text_printf(s, ",");
	if (rs->table_id != 0xff)
		odp_text_printf(s, "%u", rs->table_id);
	odp_text_printf(s, "%s)", rs->with_ct ? ",ct" : "");
}

char *ofpact_parse_resubmit(const char *name, char *arg, struct bytebuf *out)
{
	struct ofpact_resubmit *rs;
	char *port_s = arg, *table_s = NULL, *ct_s = NULL;
	uint32_t port = OFPP11(OFPP_IN_PORT);
	uint64_t table = 0xff;
	char *error;

	table_s = strchr(arg, ',');
	if (table_s) {
		*table_s++ = '\0';
		ct_s = strchr(table_s, ',');
		if (ct_s)
			*ct_s++ = '\0';
	}
	if (*port_s && !ofpact_parse_port(port_s, &port))
		return ofpact_error("%s: invalid port \"%s\"", name, port_s);
	if (table_s && *table_s) {
		error = ofpact_parse_uint("resubmit table", table_s, 254,
					  &table);
		if (error)
			return error;
	}
	if (ct_s && strcmp(ct_s, "ct"))
		return ofpact_error("%s: unknown option \"%s\"", name, ct_s);
	if (!*port_s && table == 0xff)
		return ofpact_error("%s: at least one of \"in_port\" and "
				    "\"table\" must be specified", name);
	if (port == OFPP11(OFPP_ANY) || port10(port) == OFPP_ANY)
		return ofpact_error("%s: invalid port \"%s\"", name, port_s);
	rs = (struct ofpact_resubmit *) ofpact_put(out, OFPACT_RESUBMIT,
						   sizeof *rs);
	rs->in_port = port;
	rs->table_id = (uint8_t) table;
	rs->with_ct = ct_s != NULL;
	rs->table_form = true;
	return NULL;
}

enum ofperr ofpact_check_resubmit(struct ofpact *a,
				  struct ofpact_check_ctx *ctx)
{
	const struct ofpact_resubmit *rs = (const void *) a;

	/* The ct tuple exists only for tracked, valid connections. */
	if (rs->with_ct && !mf_prereqs_ok(mf_from_id(MFF_CT_NW_PROTO),
					  &ctx->match))
		return OFPERR_OFPBAC_MATCH_INCONSISTENT;
	return 0;
}

/* ---- output(port=P,max_len=N): output truncated ---- */

#define TRUNC_MIN_LEN 14	/* an Ethernet header */

static enum ofperr trunc_port_ok(uint32_t port)
{
	return !ofpact_port_check(port, OFPP11_MAX)
		&& port != OFPP11(OFPP_CONTROLLER)
		&& port != OFPP11(OFPP_TABLE);
}

enum ofperr ofpact_decode_output_trunc(const struct ofpact_raw *r,
				       const struct ofpact_in *in,
				       struct bytebuf *out)
{
	struct ofpact_output_trunc *t;
	uint32_t port = of_port_from_of10(ofpact_be16(in->p + 10));
	uint32_t max_len = ofpact_be32(in->p + 12);

	(void) r;
	if (!trunc_port_ok(port))
		return OFPERR_OFPBAC_BAD_OUT_PORT;
	if (max_len < TRUNC_MIN_LEN)
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	t = (struct ofpact_output_trunc *) ofpact_put(out, OFPACT_OUTPUT_TRUNC,
						      sizeof *t);
	t->port = port;
	t->max_len = max_len;
	return 0;
}

enum ofperr ofpact_encode_output_trunc(const struct ofpact *a,
				       enum ofp_version v,
				       struct bytebuf *out)
{
	const struct ofpact_output_trunc *t = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_OUTPUT_TRUNC, 0, 0);

	(void) v;
	ofpact_put_be16_at(out, ofs + 10, port10(t->port));
	ofpact_put_be32_at(out, ofs + 12, t->max_len);
	return 0;
}

void ofpact_format_output_trunc(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_output_trunc *t = (const void *) a;

	odp_text_printf(s, "output(port=");
	ofpact_format_port(s, t->port);
	odp_text_printf(s, ",max_len=%u)", t->max_len);
}

static char *parse_output_trunc(const char *name, char *arg,
				struct bytebuf *out)
{
	char *opt, *val, *error = NULL, *pos = arg;
	struct ofpact_output_trunc *t;
	uint32_t port = 0;
	uint64_t max_len = 0;
	bool have_port = false;

	while (ofpact_next_item(&pos, &opt, &val, &error)) {
		if (!strcmp(opt, "port") && val) {
			if (!ofpact_parse_port(val, &port)
			    || !trunc_port_ok(port))
				return ofpact_error("%s: output to port %s "
						    "cannot be truncated",
						    name, val);
			have_port = true;
		} else if (!strcmp(opt, "max_len") && val) {
			error = ofpact_parse_uint("max_len", val, UINT32_MAX,
						  &max_len);
			if (error)
				return error;
		} else {
			return ofpact_error("%s: unknown option \"%s\"", name,
					    opt);
		}
	}
	if (error)
		return error;
	if (!have_port)
		return ofpact_error("%s: \"port\" is required", name);
	if (max_len < TRUNC_MIN_LEN)
		return ofpact_error("max_len %llu is less than the minimum "
				    "value %d", (unsigned long long) max_len,
				    TRUNC_MIN_LEN);
	t = (struct ofpact_output_trunc *) ofpact_put(out, OFPACT_OUTPUT_TRUNC,
						      sizeof *t);
	t->port = port;
	t->max_len = (uint32_t) max_len;
	return NULL;
}

enum ofperr ofpact_check_output_trunc(struct ofpact *a,
				      struct ofpact_check_ctx *ctx)
{
	return ofpact_port_check(((const struct ofpact_output_trunc *) a)->port,
				 ctx->max_ports);
}

/* ---- bundle(...), bundle_load(...) ---- */

#define BUNDLE_HDR_LEN 32	/* nx_action_bundle without members */
#define BUNDLE_MAX_MEMBERS 2048
#define NXM_OF_IN_PORT_HDR 0x00000002u	/* the only member type */

static const char *const bundle_fields[] = {
	"eth_src", "symmetric_l4", "symmetric_l3l4", "symmetric_l3l4+udp",
	"nw_src", "nw_dst", "symmetric_l3",
};

static const char *const bundle_algorithms[] = { "active_backup", "hrw" };

#define N_BUNDLE_FIELDS (sizeof bundle_fields / sizeof bundle_fields[0])
#define N_BUNDLE_ALGORITHMS 2

static void put_bundle(struct bytebuf *out, const struct ofpact_bundle *hdr,
		       const uint32_t *members)
{
	struct ofpact_bundle *b = (struct ofpact_bundle *) ofpact_put(
		out, OFPACT_BUNDLE,
		sizeof *b + hdr->n_members * sizeof b->members[0]);

	b->algorithm = hdr->algorithm;
	b->fields = hdr->fields;
	b->basis = hdr->basis;
	b->n_members = hdr->n_members;
	mf_subfield_copy(&b->dst, &hdr->dst);
	if (hdr->n_members)
		memcpy(b->members, members,
		       hdr->n_members * sizeof b->members[0]);
}

enum ofperr ofpact_decode_bundle(const struct ofpact_raw *r,
				 const struct ofpact_in *in,
				 struct bytebuf *out)
{
	uint16_t ofs_nbits = ofpact_be16(in->p + 22);
	uint32_t dst_hdr = ofpact_be32(in->p + 24);
	uint32_t members[BUNDLE_MAX_MEMBERS];
	struct ofpact_bundle hdr;
	enum ofperr error;
	size_t i, end;

	memset(&hdr, 0, sizeof hdr);
	hdr.algorithm = ofpact_be16(in->p + 10);
	hdr.fields = ofpact_be16(in->p + 12);
	hdr.basis = ofpact_be16(in->p + 14);
	hdr.n_members = ofpact_be16(in->p + 20);
	if (hdr.algorithm >= N_BUNDLE_ALGORITHMS
	    || hdr.fields >= N_BUNDLE_FIELDS
	    || ofpact_be32(in->p + 16) != NXM_OF_IN_PORT_HDR
	    || hdr.n_members > BUNDLE_MAX_MEMBERS)
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	if (!bytecur_is_zero(in->p + 28, 4))
		return OFPERR_OFPBAC_BAD_ARGUMENT;	/* as ovs-vswitchd */
	if (r == &ofpact_raws[RAW_NX_BUNDLE_LOAD]) {
		error = mf_subfield_decode(dst_hdr, ofs_nbits >> 6,
					   (ofs_nbits & 0x3f) + 1, true,
					   &hdr.dst);
		if (error)
			return error;
		if (hdr.dst.n_bits < 16)
			return OFPERR_OFPBAC_BAD_ARGUMENT;
	} else if (ofs_nbits || dst_hdr) {
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	}
	end = BUNDLE_HDR_LEN + 2 * (size_t) hdr.n_members;
	if (end > in->len)
		return OFPERR_OFPBAC_BAD_LEN;
	if (!bytecur_is_zero(in->p + end, in->len - end))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	for (i = 0; i < hdr.n_members; i++)
		members[i] = of_port_from_of10(
			ofpact_be16(in->p + BUNDLE_HDR_LEN + 2 * i));
	put_bundle(out, &hdr, members);
	return 0;
}

enum ofperr ofpact_encode_bundle(const struct ofpact *a, enum ofp_version v,
				 struct bytebuf *out)
{
	const struct ofpact_bundle *b = (const void *) a;
	size_t ofs = ofpact_put_raw(out, b->dst.field ? RAW_NX_BUNDLE_LOAD
				    : RAW_NX_BUNDLE, 0, 0);
	size_t i;

	(void) v;
	ofpact_put_be16_at(out, ofs + 10, b->algorithm);
	ofpact_put_be16_at(out, ofs + 12, b->fields);
	ofpact_put_be16_at(out, ofs + 14, b->basis);
	ofpact_put_be32_at(out, ofs + 16, NXM_OF_IN_PORT_HDR);
	ofpact_put_be16_at(out, ofs + 20, b->n_members);
	if (b->dst.field) {
		ofpact_put_be16_at(out, ofs + 22, (uint16_t) (b->dst.ofs << 6
							      | (b->dst.n_bits - 1)));
		ofpact_put_be32_at(out, ofs + 24,
				   mf_nxm_header32(b->dst.field));
	}
	for (i = 0; i < b->n_members; i++)
		bytebuf_put_be16(out, port10(b->members[i]));
	ofpact_finish_raw(out, ofs);
	return 0;
}

void ofpact_format_bundle(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_bundle *b = (const void *) a;
	size_t i;

	odp_text_printf(s, "%s(%s,%u,%s,ofport,",
			b->dst.field ? "bundle_load" : "bundle",
			bundle_fields[b->fields], b->basis,
			bundle_algorithms[b->algorithm]);
	if (b->dst.field) {
		mf_subfield_format(s, &b->dst);
		odp_text_printf(s, ",");
	}
	odp_text_printf(s, "members:");
	for (i = 0; i < b->n_members; i++) {
		if (i)
			odp_text_printf(s, ",");
		ofpact_format_port(s, b->members[i]);
	}
	odp_text_printf(s, ")");
}

static int bundle_lookup(const char *const *names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcasecmp(names[i], s))
			return (int) i;
	return -1;
}

/* The member list: "members:P,P,..." ("slaves:" is the old spelling). */
static char *parse_bundle_members(const char *name, char *tok, char **save,
				  uint32_t *members, uint16_t *n)
{
	char *colon = strchr(tok, ':');

	if (!colon)
		return ofpact_error("%s: missing member delimiter, expected "
				    "`members', got `%s'", name, tok);
	*colon++ = '\0';
	if (strcasecmp(tok, "members") && strcasecmp(tok, "slaves"))
		return ofpact_error("%s: missing member delimiter, expected "
				    "`members', got `%s'", name, tok);
	for (tok = *colon ? colon : strtok_r(NULL, ",", save); tok;
	     tok = strtok_r(NULL, ",", save)) {
		uint32_t port;

		if (*n == BUNDLE_MAX_MEMBERS)
			return ofpact_error("%s: too many members", name);
		if (!ofpact_parse_port(tok, &port) || port10(port) == OFPP_ANY)
			return ofpact_error("%s: bad port number", tok);
		members[(*n)++] = port;
	}
	return NULL;
}

char *ofpact_parse_bundle(const char *name, char *arg, struct bytebuf *out)
{
	bool load = !strcasecmp(name, "bundle_load");
	uint32_t *members = calloc(BUNDLE_MAX_MEMBERS, sizeof *members);
	char *tok[5], *save = NULL, *error = NULL;
	struct ofpact_bundle hdr;
	size_t i, n_tok = load ? 5 : 4;
	uint64_t basis;
	int f, alg;

	if (!members)
		abort();
	memset(&hdr, 0, sizeof hdr);
	for (i = 0; i < n_tok; i++) {
		tok[i] = strtok_r(i ? NULL : arg, ",", &save);
		if (!tok[i]) {
			error = ofpact_error("%s: not enough arguments to "
					     "bundle action", name);
			goto out;
		}
	}
	f = bundle_lookup(bundle_fields, N_BUNDLE_FIELDS, tok[0]);
	alg = bundle_lookup(bundle_algorithms, N_BUNDLE_ALGORITHMS, tok[2]);
	if (f < 0)
		error = ofpact_error("%s: unknown fields `%s'", name, tok[0]);
	else if (alg < 0)
		error = ofpact_error("%s: unknown algorithm `%s'", name,
				     tok[2]);
	else if (strcasecmp(tok[3], "ofport"))
		error = ofpact_error("%s: unknown member_type `%s'", name,
				     tok[3]);
	else
		error = ofpact_parse_uint("bundle basis", tok[1], UINT16_MAX,
					  &basis);
	if (!error && load) {
		const char *p = tok[4];
		error = mf_subfield_parse(&p, &hdr.dst);
		if (!error && (*p || hdr.dst.n_bits < 16
			       || !hdr.dst.field->writable))
			error = ofpact_error("%s: bad destination %s", name,
					     tok[4]);
	}
	if (!error) {
		char *m = strtok_r(NULL, ",", &save);
		error = m ? parse_bundle_members(name, m, &save, members,
						 &hdr.n_members)
			: ofpact_error("%s: not enough arguments to bundle "
				       "action", name);
	}
	if (!error) {
		hdr.fields = (uint16_t) f;
		hdr.algorithm = (uint16_t) alg;
		hdr.basis = (uint16_t) basis;
		put_bundle(out, &hdr, members);
	}
out:
	free(members);
	return error;
}

enum ofperr ofpact_check_bundle(struct ofpact *a,
				struct ofpact_check_ctx *ctx)
{
	const struct ofpact_bundle *b = (const void *) a;
	size_t i;

	for (i = 0; i < b->n_members; i++)
		if (ofpact_port_check(b->members[i], ctx->max_ports))
			return OFPERR_OFPBAC_BAD_OUT_PORT;
	return 0;
}
