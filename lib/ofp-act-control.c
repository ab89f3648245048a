/* Nicira actions with a payload of their own: note, set_tunnel[64],
 * conjunction, fin_timeout, push/pop (the register stack), sample, clone,
 * check_pkt_larger, multipath.  (exit and ct_clear are plain table rows.) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "odp-key-text.h"
#include "ofp-actions-private.h"

/* ---- note ---- */

static struct ofpact_note *put_note(struct bytebuf *out, size_t n)
{
	struct ofpact_note *note = (struct ofpact_note *) ofpact_put(
		out, OFPACT_NOTE, sizeof(struct ofpact_note) + n);

	note->length = (uint16_t) n;
	return note;
}

enum ofperr ofpact_decode_note(const struct ofpact_raw *r,
			       const struct ofpact_in *in,
			       struct bytebuf *out)
{
	struct ofpact_note *note = put_note(out, in->len - 10);

	(void) r;
	memcpy(note->data, in->p + 10, note->length);
	return 0;
}

enum ofperr ofpact_encode_note(const struct ofpact *a, enum ofp_version v,
			       struct bytebuf *out)
{
	const struct ofpact_note *note = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_NOTE, 0, 10);

	(void) v;
	bytebuf_truncate(out, ofs + 10);
	bytebuf_put(out, note->data, note->length);
	/* The wire form is at least 16 bytes, zero-padded. */
	if (note->length < 6)
		bytebuf_put_zeros(out, 6 - note->length);
	ofpact_finish_raw(out, ofs);
	return 0;
}

void ofpact_format_note(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_note *note = (const void *) a;
	size_t i;

	odp_text_printf(s, "note:");
	for (i = 0; i < note->length; i++)
		odp_text_printf(s, "%s%02x", i ? "." : "", note->data[i]);
}

static int hexval(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* Hex bytes, optionally separated by dots: "01.02.03" or "010203". */
char *ofpact_parse_note(const char *name, char *arg, struct bytebuf *out)
{
	size_t len = strlen(arg), n = 0;
	uint8_t *bytes = malloc(len / 2 + 1);
	struct ofpact_note *note;
	const char *p = arg;

	if (!bytes)
		abort();
	while (*p) {
		if (*p == '.') {
			p++;
			continue;
		}
		if (!isxdigit((unsigned char) p[0])
		    || !isxdigit((unsigned char) p[1])) {
			free(bytes);
			return ofpact_error("%s: bad hex digit in \"%s\"",
					    name, arg);
		}
		bytes[n++] = (uint8_t) (hexval(p[0]) << 4 | hexval(p[1]));
		p += 2;
	}
	note = put_note(out, n);
	memcpy(note->data, bytes, n);
	free(bytes);
	return NULL;
}

/* ---- set_tunnel, set_tunnel64 ---- */

enum ofperr ofpact_encode_set_tunnel(const struct ofpact *a,
				     enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact_tunnel *t = (const void *) a;
	struct bytebuf sf = BYTEBUF_INITIALIZER;
	enum ofperr error;

	if (v < OFP12_VERSION) {
		bool wide = t->wide || t->tun_id > UINT32_MAX;
		ofpact_put_raw(out, wide ? RAW_NX_SET_TUNNEL64
			       : RAW_NX_SET_TUNNEL, t->tun_id, 0);
		return 0;
	}
	ofpact_put_set_field(&sf, MFF_TUN_ID, t->tun_id, OFPACT_SF_SET_FIELD);
	error = ofpact_encode_set_field_raw((const void *) sf.data, v, out);
	bytebuf_uninit(&sf);
	return error;
}

void ofpact_format_set_tunnel(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_tunnel *t = (const void *) a;

	odp_text_printf(s, "set_tunnel%s:%#llx", t->wide ? "64" : "",
			(unsigned long long) t->tun_id);
}

char *ofpact_parse_set_tunnel(const char *name, char *arg,
			      struct bytebuf *out)
{
	struct ofpact_tunnel *t;
	uint64_t v;
	char *error = ofpact_parse_uint(name, arg, UINT64_MAX, &v);

	if (error)
		return error;
	t = (struct ofpact_tunnel *) ofpact_put(out, OFPACT_SET_TUNNEL,
						sizeof *t);
	t->tun_id = v;
	t->wide = !strcasecmp(name, "set_tunnel64") || v > UINT32_MAX;
	return NULL;
}

/* ---- conjunction(id,k/n) ---- */

enum ofperr ofpact_decode_conjunction(const struct ofpact_raw *r,
				      const struct ofpact_in *in,
				      struct bytebuf *out)
{
	struct ofpact_conjunction *c;
	uint8_t clause = in->p[10], n = in->p[11];

	(void) r;
	if (n < 2 || n > 64 || clause >= n)
		return OFPERR_NXBAC_BAD_CONJUNCTION;
	c = (struct ofpact_conjunction *) ofpact_put(out, OFPACT_CONJUNCTION,
						     sizeof *c);
	c->clause = clause;
	c->n_clauses = n;
	c->id = ofpact_be32(in->p + 12);
	return 0;
}

enum ofperr ofpact_encode_conjunction(const struct ofpact *a,
				      enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact_conjunction *c = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_CONJUNCTION, 0, 0);
	uint8_t *p = bytebuf_at(out, ofs + 10, 2);

	(void) v;
	p[0] = c->clause;
	p[1] = c->n_clauses;
	ofpact_put_be32_at(out, ofs + 12, c->id);
	return 0;
}

void ofpact_format_conjunction(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_conjunction *c = (const void *) a;

	odp_text_printf(s, "conjunction(%u,%d/%u)", c->id, c->clause + 1,
			c->n_clauses);
}

char *ofpact_parse_conjunction(const char *name, char *arg,
			       struct bytebuf *out)
{
	struct ofpact_conjunction *c;
	long long id;
	unsigned k, n;
	int len = 0;

	if (sscanf(arg, "%lli,%u/%u%n", &id, &k, &n, &len) != 3
	    || arg[len] || id < 0 || id > UINT32_MAX)
		return ofpact_error("\"%s\": syntax error in conjunction "
				    "(expected conjunction(ID,K/N))", arg);
	if (n < 2)
		return ofpact_error("%s: conjunction must have at least 2 "
				    "clauses", name);
	if (n > 64)
		return ofpact_error("%s: conjunction must have at most 64 "
				    "clauses", name);
	if (k < 1 || k > n)
		return ofpact_error("%s: clause index must be between 1 and "
				    "the number of clauses", name);
	c = (struct ofpact_conjunction *) ofpact_put(out, OFPACT_CONJUNCTION,
						     sizeof *c);
	c->clause = (uint8_t) (k - 1);
	c->n_clauses = (uint8_t) n;
	c->id = (uint32_t) id;
	return NULL;
}

/* ---- fin_timeout(idle_timeout=I,hard_timeout=H) ---- */

enum ofperr ofpact_decode_fin_timeout(const struct ofpact_raw *r,
				      const struct ofpact_in *in,
				      struct bytebuf *out)
{
	struct ofpact_fin_timeout *f;

	(void) r;
	if (in->p[14] || in->p[15])
		return OFPERR_NXBAC_MUST_BE_ZERO;
	f = (struct ofpact_fin_timeout *) ofpact_put(out, OFPACT_FIN_TIMEOUT,
						     sizeof *f);
	f->idle_timeout = ofpact_be16(in->p + 10);
	f->hard_timeout = ofpact_be16(in->p + 12);
	return 0;
}

enum ofperr ofpact_encode_fin_timeout(const struct ofpact *a,
				      enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact_fin_timeout *f = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_FIN_TIMEOUT, 0, 0);

	(void) v;
	ofpact_put_be16_at(out, ofs + 10, f->idle_timeout);
	ofpact_put_be16_at(out, ofs + 12, f->hard_timeout);
	return 0;
}

void ofpact_format_fin_timeout(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_fin_timeout *f = (const void *) a;

	odp_text_printf(s, "fin_timeout(");
	if (f->idle_timeout)
		odp_text_printf(s, "idle_timeout=%u%s", f->idle_timeout,
				f->hard_timeout ? "," : "");
	if (f->hard_timeout)
		odp_text_printf(s, "hard_timeout=%u", f->hard_timeout);
	odp_text_printf(s, ")");
}

char *ofpact_parse_fin_timeout(const char *name, char *arg,
			       struct bytebuf *out)
{
	char *opt, *val, *error = NULL, *pos = arg;
	uint64_t idle = 0, hard = 0;
	struct ofpact_fin_timeout *f;

	while (ofpact_next_item(&pos, &opt, &val, &error)) {
		if (!val)
			return ofpact_error("%s: \"%s\" lacks a value", name,
					    opt);
		if (!strcmp(opt, "idle_timeout"))
			error = ofpact_parse_uint("idle_timeout", val,
						  UINT16_MAX, &idle);
		else if (!strcmp(opt, "hard_timeout"))
			error = ofpact_parse_uint("hard_timeout", val,
						  UINT16_MAX, &hard);
		else
			error = ofpact_error("%s: invalid key \"%s\"", name,
					     opt);
		if (error)
			return error;
	}
	if (error)
		return error;
	f = (struct ofpact_fin_timeout *) ofpact_put(out, OFPACT_FIN_TIMEOUT,
						     sizeof *f);
	f->idle_timeout = (uint16_t) idle;
	f->hard_timeout = (uint16_t) hard;
	return NULL;
}

/* ---- push:SUBFIELD, pop:SUBFIELD (the register stack) ---- */

enum ofperr ofpact_decode_stack(const struct ofpact_raw *r,
				const struct ofpact_in *in,
				struct bytebuf *out)
{
	struct ofpact_stack *st;
	struct mf_subfield sf;
	enum ofperr error;

	if (!bytecur_is_zero(in->p + 18, 6))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	error = mf_subfield_decode(ofpact_be32(in->p + 12),
				   ofpact_be16(in->p + 10),
				   ofpact_be16(in->p + 16),
				   r->type == OFPACT_STACK_POP, &sf);
	if (error)
		return error;
	st = (struct ofpact_stack *) ofpact_put(out, r->type, sizeof *st);
	mf_subfield_copy(&st->sf, &sf);
	return 0;
}

enum ofperr ofpact_encode_stack(const struct ofpact *a, enum ofp_version v,
				struct bytebuf *out)
{
	const struct ofpact_stack *st = (const void *) a;
	size_t ofs = ofpact_put_raw(out, a->type == OFPACT_STACK_PUSH
				    ? RAW_NX_STACK_PUSH : RAW_NX_STACK_POP,
				    0, 0);

	(void) v;
	ofpact_put_be16_at(out, ofs + 10, st->sf.ofs);
	ofpact_put_be32_at(out, ofs + 12, mf_nxm_header32(st->sf.field));
	ofpact_put_be16_at(out, ofs + 16, st->sf.n_bits);
	return 0;
}

void ofpact_format_stack(const struct ofpact *a, struct odp_text *s)
{
	odp_text_printf(s, "%s:", ofpact_type_name(a->type));
	mf_subfield_format(s, &((const struct ofpact_stack *) a)->sf);
}

char *ofpact_parse_stack(const char *name, char *arg, struct bytebuf *out)
{
	bool pop = !strcasecmp(name, "pop");
	struct ofpact_stack *st;
	struct mf_subfield sf;
	const char *p = arg;
	char *error = mf_subfield_parse(&p, &sf);

	if (error)
		return error;
	if (*p)
		return ofpact_error("%s: trailing garbage \"%s\"", name, p);
	if (pop && !sf.field->writable)
		return ofpact_error("%s: field %s is not writable", name,
				    sf.field->name);
	if (!mf_nxm_header32(sf.field))
		return ofpact_error("%s: field %s has no NXM header", name,
				    sf.field->name);
	st = (struct ofpact_stack *) ofpact_put(
		out, pop ? OFPACT_STACK_POP : OFPACT_STACK_PUSH, sizeof *st);
	mf_subfield_copy(&st->sf, &sf);
	return NULL;
}

enum ofperr ofpact_check_stack(struct ofpact *a,
			       struct ofpact_check_ctx *ctx)
{
	return mf_prereqs_ok(((const struct ofpact_stack *) a)->sf.field,
			     &ctx->match) ? 0
		: OFPERR_OFPBAC_MATCH_INCONSISTENT;
}

/* ---- sample(probability=P,collector_set_id=C,obs_domain_id=D,
 *      obs_point_id=O) ---- */

enum ofperr ofpact_decode_sample(const struct ofpact_raw *r,
				 const struct ofpact_in *in,
				 struct bytebuf *out)
{
	struct ofpact_sample *s;

	(void) r;
	if (!ofpact_be16(in->p + 10))
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	s = (struct ofpact_sample *) ofpact_put(out, OFPACT_SAMPLE, sizeof *s);
	s->probability = ofpact_be16(in->p + 10);
	s->collector_set_id = ofpact_be32(in->p + 12);
	s->obs_domain_id = ofpact_be32(in->p + 16);
	s->obs_point_id = ofpact_be32(in->p + 20);
	return 0;
}

enum ofperr ofpact_encode_sample(const struct ofpact *a, enum ofp_version v,
				 struct bytebuf *out)
{
	const struct ofpact_sample *s = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_SAMPLE, 0, 0);

	(void) v;
	ofpact_put_be16_at(out, ofs + 10, s->probability);
	ofpact_put_be32_at(out, ofs + 12, s->collector_set_id);
	ofpact_put_be32_at(out, ofs + 16, s->obs_domain_id);
	ofpact_put_be32_at(out, ofs + 20, s->obs_point_id);
	return 0;
}

void ofpact_format_sample(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_sample *sa = (const void *) a;

	odp_text_printf(s, "sample(probability=%u,collector_set_id=%u,"
			"obs_domain_id=%u,obs_point_id=%u)", sa->probability,
			sa->collector_set_id, sa->obs_domain_id,
			sa->obs_point_id);
}

char *ofpact_parse_sample(const char *name, char *arg, struct bytebuf *out)
{
	static const char *const keys[] = {
		"probability", "collector_set_id", "obs_domain_id",
		"obs_point_id",
	};
	uint64_t vals[4] = { 0, 0, 0, 0 };
	char *opt, *val, *error = NULL, *pos = arg;
	struct ofpact_sample *s;
	size_t i;

	while (ofpact_next_item(&pos, &opt, &val, &error)) {
		for (i = 0; i < 4 && strcmp(opt, keys[i]); i++)
			continue;
		if (i == 4 || !val)
			return ofpact_error("%s: invalid key \"%s\"", name, opt);
		error = ofpact_parse_uint(keys[i], val,
					  i ? UINT32_MAX : UINT16_MAX,
					  &vals[i]);
		if (error)
			return error;
	}
	if (error)
		return error;
	if (!vals[0])
		return ofpact_error("%s: non-zero \"probability\" must be "
				    "specified", name);
	s = (struct ofpact_sample *) ofpact_put(out, OFPACT_SAMPLE, sizeof *s);
	s->probability = (uint16_t) vals[0];
	s->collector_set_id = (uint32_t) vals[1];
	s->obs_domain_id = (uint32_t) vals[2];
	s->obs_point_id = (uint32_t) vals[3];
	return NULL;
}

/* ---- clone(actions) ---- */

#define CLONE_HDR_LEN 16	/* NX header and 6 bytes of padding */

enum ofperr ofpact_decode_clone(const struct ofpact_raw *r,
				const struct ofpact_in *in,
				struct bytebuf *out)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;
	enum ofperr error;

	if (!bytecur_is_zero(in->p + 10, 6))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	error = ofpacts_decode_nested(in->p + CLONE_HDR_LEN,
				      in->len - CLONE_HDR_LEN, in->version,
				      r->type, &acts);
	if (!error)
		error = ofpact_put_nest(out, OFPACT_CLONE, &acts);
	bytebuf_uninit(&acts);
	return error;
}

enum ofperr ofpact_encode_clone(const struct ofpact *a, enum ofp_version v,
				struct bytebuf *out)
{
	size_t ofs = ofpact_put_raw(out, RAW_NX_CLONE, 0, 0);
	enum ofperr error = ofpacts_encode_actions(ofpact_nest_actions(a),
						   ofpact_nest_len(a), v, out);

	ofpact_finish_raw(out, ofs);
	return error;
}


/* ---- check_pkt_larger(LEN)->DST ---- */

enum ofperr ofpact_decode_check_pkt_larger(const struct ofpact_raw *r,
					   const struct ofpact_in *in,
					   struct bytebuf *out)
{
	struct ofpact_check_pkt_larger *c;
	struct mf_subfield dst;
	enum ofperr error;

	(void) r;
	if (!bytecur_is_zero(in->p + 18, 6))
		return OFPERR_NXBAC_MUST_BE_ZERO;
	error = mf_subfield_decode(ofpact_be32(in->p + 14),
				   ofpact_be16(in->p + 12), 1, true, &dst);
	if (error)
		return error;
	c = (struct ofpact_check_pkt_larger *) ofpact_put(
		out, OFPACT_CHECK_PKT_LARGER, sizeof *c);
	c->pkt_len = ofpact_be16(in->p + 10);
	mf_subfield_copy(&c->dst, &dst);
	return 0;
}

enum ofperr ofpact_encode_check_pkt_larger(const struct ofpact *a,
					   enum ofp_version v,
					   struct bytebuf *out)
{
	const struct ofpact_check_pkt_larger *c = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_CHECK_PKT_LARGER, 0, 0);

	(void) v;
	ofpact_put_be16_at(out, ofs + 10, c->pkt_len);
	ofpact_put_be16_at(out, ofs + 12, c->dst.ofs);
	ofpact_put_be32_at(out, ofs + 14, mf_nxm_header32(c->dst.field));
	return 0;
}

void ofpact_format_check_pkt_larger(const struct ofpact *a,
				    struct odp_text *s)
{
	const struct ofpact_check_pkt_larger *c = (const void *) a;

	odp_text_printf(s, "check_pkt_larger(%u)->", c->pkt_len);
	mf_subfield_format(s, &c->dst);
}

/* 'arg' is "LEN)->DST" (the list splitter leaves the tail on). */
char *ofpact_parse_check_pkt_larger(const char *name, char *arg,
				    struct bytebuf *out)
{
	struct ofpact_check_pkt_larger *c;
	char *close = strstr(arg, ")->");
	struct mf_subfield dst;
	const char *p;
	uint64_t len;
	char *error;

	if (!close)
		return ofpact_error("%s: expected %s(LEN)->DST", name, name);
	*close = '\0';
	error = ofpact_parse_uint(name, arg, UINT16_MAX, &len);
	if (error)
		return error;
	p = close + 3;
	error = mf_subfield_parse(&p, &dst);
	if (error)
		return error;
	if (*p)
		return ofpact_error("%s: trailing garbage \"%s\"", name, p);
	if (dst.n_bits != 1)
		return ofpact_error("%s: destination must be a single bit",
				    name);
	if (!dst.field->writable || !mf_nxm_header32(dst.field))
		return ofpact_error("%s: field %s is not writable", name,
				    dst.field->name);
	c = (struct ofpact_check_pkt_larger *) ofpact_put(
		out, OFPACT_CHECK_PKT_LARGER, sizeof *c);
	c->pkt_len = (uint16_t) len;
	mf_subfield_copy(&c->dst, &dst);
	return NULL;
}

/* ---- multipath(FIELDS,BASIS,ALGORITHM,N_LINKS,ARG,DST) ---- */

static const char *const mp_fields[] = {
	"eth_src", "symmetric_l4", "symmetric_l3l4", "symmetric_l3l4+udp",
	"nw_src", "nw_dst", "symmetric_l3",
};

static const char *const mp_algorithms[] = {
	"modulo_n", "hash_threshold", "hrw", "iter_hash",
};

#define N_MP_FIELDS (sizeof mp_fields / sizeof mp_fields[0])
#define N_MP_ALGORITHMS (sizeof mp_algorithms / sizeof mp_algorithms[0])

/* Bits needed to number 'n_links' links. */
static unsigned mp_min_bits(uint32_t n_links)
{
	unsigned bits = 0;

	while ((1ull << bits) < n_links)
		bits++;
	return bits;
}

static void put_multipath(struct bytebuf *out, const struct ofpact_multipath *m)
{
	struct ofpact_multipath *mp = (struct ofpact_multipath *) ofpact_put(
		out, OFPACT_MULTIPATH, sizeof *mp);

	mp->fields = m->fields;
	mp->basis = m->basis;
	mp->algorithm = m->algorithm;
	mp->max_link = m->max_link;
	mp->arg = m->arg;
	mf_subfield_copy(&mp->dst, &m->dst);
}

enum ofperr ofpact_decode_multipath(const struct ofpact_raw *r,
				    const struct ofpact_in *in,
				    struct bytebuf *out)
{
	struct ofpact_multipath m;
	uint16_t ofs_nbits = ofpact_be16(in->p + 26);
	enum ofperr error;

	(void) r;
	if (in->p[14] || in->p[15] || in->p[24] || in->p[25])
		return OFPERR_NXBAC_MUST_BE_ZERO;
	memset(&m, 0, sizeof m);
	m.fields = ofpact_be16(in->p + 10);
	m.basis = ofpact_be16(in->p + 12);
	m.algorithm = ofpact_be16(in->p + 16);
	m.max_link = ofpact_be16(in->p + 18);
	m.arg = ofpact_be32(in->p + 20);
	if (m.fields >= N_MP_FIELDS || m.algorithm >= N_MP_ALGORITHMS)
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	error = mf_subfield_decode(ofpact_be32(in->p + 28), ofs_nbits >> 6,
				   (ofs_nbits & 0x3f) + 1, true, &m.dst);
	if (error)
		return error;
	if (m.dst.n_bits < mp_min_bits(m.max_link + 1u))
		return OFPERR_OFPBAC_BAD_ARGUMENT;
	put_multipath(out, &m);
	return 0;
}

enum ofperr ofpact_encode_multipath(const struct ofpact *a,
				    enum ofp_version v, struct bytebuf *out)
{
	const struct ofpact_multipath *m = (const void *) a;
	size_t ofs = ofpact_put_raw(out, RAW_NX_MULTIPATH, 0, 0);

	(void) v;
	ofpact_put_be16_at(out, ofs + 10, m->fields);
	ofpact_put_be16_at(out, ofs + 12, m->basis);
	ofpact_put_be16_at(out, ofs + 16, m->algorithm);
	ofpact_put_be16_at(out, ofs + 18, m->max_link);
	ofpact_put_be32_at(out, ofs + 20, m->arg);
	ofpact_put_be16_at(out, ofs + 26, (uint16_t) (m->dst.ofs << 6
						      | (m->dst.n_bits - 1)));
	ofpact_put_be32_at(out, ofs + 28, mf_nxm_header32(m->dst.field));
	return 0;
}

void ofpact_format_multipath(const struct ofpact *a, struct odp_text *s)
{
	const struct ofpact_multipath *m = (const void *) a;

	odp_text_printf(s, "multipath(%s,%u,%s,%u,%u,", mp_fields[m->fields],
			m->basis, mp_algorithms[m->algorithm],
			m->max_link + 1u, m->arg);
	mf_subfield_format(s, &m->dst);
	odp_text_printf(s, ")");
}

static int mp_lookup(const char *const *names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcasecmp(names[i], s))
			return (int) i;
	return -1;
}

char *ofpact_parse_multipath(const char *name, char *arg, struct bytebuf *out)
{
	char *save = NULL, *parts[6];
	struct ofpact_multipath m;
	uint64_t basis, n_links, mparg;
	const char *p;
	char *error;
	int f, alg;
	size_t i;

	for (i = 0; i < 6; i++) {
		parts[i] = strtok_r(i ? NULL : arg, ", ", &save);
		if (!parts[i])
			return ofpact_error("%s: not enough arguments to "
					    "multipath action", name);
	}
	if (strtok_r(NULL, ", ", &save))
		return ofpact_error("%s: too many arguments", name);
	f = mp_lookup(mp_fields, N_MP_FIELDS, parts[0]);
	if (f < 0)
		return ofpact_error("%s: unknown fields `%s'", name, parts[0]);
	alg = mp_lookup(mp_algorithms, N_MP_ALGORITHMS, parts[2]);
	if (alg < 0)
		return ofpact_error("%s: unknown algorithm `%s'", name,
				    parts[2]);
	if ((error = ofpact_parse_uint("multipath basis", parts[1],
				       UINT16_MAX, &basis))
	    || (error = ofpact_parse_uint("multipath n_links", parts[3],
					  65536, &n_links))
	    || (error = ofpact_parse_uint("multipath arg", parts[4],
					  UINT32_MAX, &mparg)))
		return error;
	if (!n_links)
		return ofpact_error("%s: n_links 0 is not in valid range 1 to "
				    "65536", name);
	memset(&m, 0, sizeof m);
	p = parts[5];
	error = mf_subfield_parse(&p, &m.dst);
	if (error)
		return error;
	if (*p)
		return ofpact_error("%s: trailing garbage \"%s\"", name, p);
	if (!m.dst.field->writable || !mf_nxm_header32(m.dst.field))
		return ofpact_error("%s: field %s is not writable", name,
				    m.dst.field->name);
	if (m.dst.n_bits < mp_min_bits((uint32_t) n_links))
		return ofpact_error("%s: %u-bit destination field has %llu "
				    "possible values, less than specified "
				    "n_links %llu", name, m.dst.n_bits,
				    1ull << m.dst.n_bits,
				    (unsigned long long) n_links);
	m.fields = (uint16_t) f;
	m.basis = (uint16_t) basis;
	m.algorithm = (uint16_t) alg;
	m.max_link = (uint16_t) (n_links - 1);
	m.arg = (uint32_t) mparg;
	put_multipath(out, &m);
	return NULL;
}
