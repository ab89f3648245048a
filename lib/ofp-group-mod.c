/* GROUP_MOD and group descriptions: buckets, properties, checks, text. */
#include "ofp-group-mod.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-actions.h"
#include "ofp-fields.h"
#include "ofp-match.h"
#include "ofp-port.h"
#include "ofp-print.h"
#include "ofp-prop.h"
#include "ofp-prop-put.h"
#include "ofp-version.h"
#include "ofp-wire.h"
#include "xalloc.h"

#define OFP11_GM_LEN 8
#define OFP15_GM_LEN 16
#define OFP11_BUCKET_LEN 16
#define OFP15_BUCKET_LEN 8
#define OFP11_DESC_LEN 8
#define OFP15_DESC_LEN 16
#define OFPG_MAX_ID 0xffffff00u
#define OFPG_ALL_ID 0xfffffffcu

/* Bucket properties (1.5). */
#define OFPGBPT_WEIGHT 0
#define OFPGBPT_WATCH_PORT 1
#define OFPGBPT_WATCH_GROUP 2

/* The selection method property: experimenter NTR, both of its ids. */
#define NTR_VENDOR_ID 0x0000154du
#define NTR_COMPAT_VENDOR_ID 0x00001540u
#define NTRT_SELECTION_METHOD 1
#define NTR_PROP_LEN 40
#define PROP_EXPERIMENTER 0xffff

void ofp_group_mod_init(struct ofp_group_mod *gm)
{
	memset(gm, 0, sizeof *gm);
	gm->group_id = OFPG_ANY32;
	gm->command_bucket_id = OFPG_BUCKET_ALL;
}

void ofp_group_mod_uninit(struct ofp_group_mod *gm)
{
	free(gm->buckets);
	gm->buckets = NULL;
	gm->n_buckets = 0;
}

/* 1.0 (NXT) and 1.5 share the 1.5 layout. */
static bool uses15(uint8_t version)
{
	return version == OFP10_VERSION || version >= OFP15_VERSION;
}

static struct ofp_bucket *add_bucket(struct ofp_group_mod *gm)
{
	gm->buckets = xrealloc(gm->buckets,
			       (gm->n_buckets + 1) * sizeof *gm->buckets);
	struct ofp_bucket *b = &gm->buckets[gm->n_buckets++];
	memset(b, 0, sizeof *b);
	b->watch_port = OFPP_ANY32;
	b->watch_group = OFPG_ANY32;
	b->bucket_id = OFPG_BUCKET_ALL;
	return b;
}

static bool has_liveness(const struct ofp_bucket *b)
{
	return b->watch_port != OFPP_ANY32 || b->watch_group != OFPG_ANY32;
}

/* A 1.1+ port: physical, or reserved (0xffffff00 and up). */
static bool port_ok(uint32_t port)
{
	return port < OFPP_MAX || port >= 0xffffff00u;
}

/* Decoding stores each bucket's actions as an offset into 'ofpacts',
 * which may move while it grows; this makes them pointers. */
static void fix_pointers(struct ofp_group_mod *gm, struct bytebuf *ofpacts)
{
	for (size_t i = 0; i < gm->n_buckets; i++) {
		struct ofp_bucket *b = &gm->buckets[i];
		b->ofpacts = ofpacts->data ? (const uint8_t *)ofpacts->data +
					     (uintptr_t)b->ofpacts : NULL;
	}
}

static enum ofperr pull_actions(const uint8_t *p, size_t n, uint8_t version,
				struct ofp_bucket *b, struct bytebuf *ofpacts)
{
	size_t start = ofpacts->size;
	enum ofperr error = ofpacts_decode_actions(p, n, version, ofpacts);

	b->ofpacts = (const void *)(uintptr_t)start;
	b->ofpacts_len = ofpacts->size - start;
	return error;
}

/* len(2) weight(2) watch_port(4) watch_group(4) pad(4) actions. */
static enum ofperr pull_buckets11(const uint8_t *p, size_t n, uint8_t version,
				  struct ofp_group_mod *gm,
				  struct bytebuf *ofpacts)
{
	while (n) {
		size_t len = n >= OFP11_BUCKET_LEN ? ofp_get16(p) : 0;

		if (len < OFP11_BUCKET_LEN || len > n ||
		    gm->n_buckets >= OFP_GROUP_MAX_BUCKETS)
			return OFPERR_OFPGMFC_BAD_BUCKET;
		struct ofp_bucket *b = add_bucket(gm);
		b->bucket_id = gm->n_buckets - 1;
		b->weight = ofp_get16(p + 2);
		b->watch_port = ofp_get32(p + 4);
		b->watch_group = ofp_get32(p + 8);
		if (!port_ok(b->watch_port))
			return OFPERR_OFPGMFC_BAD_WATCH;
		enum ofperr error = pull_actions(p + OFP11_BUCKET_LEN,
						 len - OFP11_BUCKET_LEN,
						 version, b, ofpacts);
		if (error)
			return error;
		p += len;
		n -= len;
	}
	return 0;
}

static enum ofperr prop_u32(const struct ofp_prop *prop, uint32_t *v)
{
	if (prop->len != 8)
		return OFPERR_OFPBPC_BAD_LEN;
	*v = ofp_get32(prop->data + 4);
	return 0;
}

static enum ofperr pull_bucket_props(const uint8_t *p, size_t n,
				     struct ofp_bucket *b)
{
	struct bytecur c = bytecur_make(p, n);

	while (c.left) {
		struct ofp_prop prop;
		uint32_t v = 0;
		enum ofperr error = ofp_prop_pull(&c, PROP_EXPERIMENTER, &prop);

		if (error)
			return error;
		switch (prop.type) {
		case OFPGBPT_WEIGHT:
			if (prop.len != 6 && prop.len != 8)
				return OFPERR_OFPBPC_BAD_LEN;
			b->weight = ofp_get16(prop.data + 4);
			break;
		case OFPGBPT_WATCH_PORT:
			error = prop_u32(&prop, &b->watch_port);
			break;
		case OFPGBPT_WATCH_GROUP:
			error = prop_u32(&prop, &v);
			b->watch_group = v;
			break;
		default:
			return prop.experimenter ? OFPERR_OFPBPC_BAD_EXPERIMENTER
						 : OFPERR_OFPBPC_BAD_TYPE;
		}
		if (error)
			return error;
	}
	return 0;
}

static bool duplicate_ids(const struct ofp_group_mod *gm)
{
	for (size_t i = 0; i < gm->n_buckets; i++)
		for (size_t j = i + 1; j < gm->n_buckets; j++)
			if (gm->buckets[i].bucket_id == gm->buckets[j].bucket_id)
				return true;
	return false;
}

/* len(2) action_array_len(2) bucket_id(4) actions properties. */
static enum ofperr pull_buckets15(const uint8_t *p, size_t n, uint8_t version,
				  struct ofp_group_mod *gm,
				  struct bytebuf *ofpacts)
{
	while (n) {
		size_t len = n >= OFP15_BUCKET_LEN ? ofp_get16(p) : 0;
		size_t acts = n >= OFP15_BUCKET_LEN ? ofp_get16(p + 2) : 0;

		if (len < OFP15_BUCKET_LEN || len > n ||
		    acts > len - OFP15_BUCKET_LEN ||
		    gm->n_buckets >= OFP_GROUP_MAX_BUCKETS)
			return OFPERR_OFPGMFC_BAD_BUCKET;
		struct ofp_bucket *b = add_bucket(gm);
		b->weight = gm->type == OFPGT_SELECT;
		enum ofperr error = pull_actions(p + OFP15_BUCKET_LEN, acts,
						 version, b, ofpacts);
		if (!error)
			error = pull_bucket_props(p + OFP15_BUCKET_LEN + acts,
						  len - OFP15_BUCKET_LEN - acts,
						  b);
		if (error)
			return error;
		if (!port_ok(b->watch_port))
			return OFPERR_OFPGMFC_BAD_WATCH;
		b->bucket_id = ofp_get32(p + 4);
		if (b->bucket_id > OFPG_BUCKET_MAX)
			return OFPERR_OFPGMFC_BAD_BUCKET;
		p += len;
		n -= len;
	}
	return duplicate_ids(gm) ? OFPERR_OFPGMFC_BAD_BUCKET : 0;
}

/* OXM entries whose values are the hash masks, all ones here. */
static bool all_ones(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++ != 0xff)
			return false;
	return true;
}

static enum ofperr pull_fields(const uint8_t *p, size_t n, uint8_t version,
			       struct ofp_group_props *props)
{
	while (n >= 4) {
		uint32_t hdr = ofp_get32(p);
		size_t len = 4 + (hdr & 0xff);
		const struct mf_field *mf = mf_from_header(hdr >> 16,
							   (hdr >> 9) & 0x7f,
							   0, version);

		if (len > n)
			return OFPERR_OFPBPC_BAD_LEN;
		if (!mf || hdr & 0x100 || len - 4 != mf->n_bytes)
			return OFPERR_OFPBMC_BAD_FIELD;
		if (!all_ones(p + 4, mf->n_bytes))
			return OFPERR_OFPBPC_BAD_VALUE;
		for (size_t i = 0; i < props->n_fields; i++)
			if (props->fields[i] == mf->id)
				return OFPERR_OFPBMC_DUP_FIELD;
		if (props->n_fields >= OFP_GROUP_MAX_FIELDS)
			return OFPERR_OFPBPC_BAD_LEN;
		props->fields[props->n_fields++] = mf->id;
		p += len;
		n -= len;
	}
/* Fields are kept in id order, as ovs-ofctl prints them. */
	for (size_t i = 1; i < props->n_fields; i++)
		for (size_t j = i; j && props->fields[j - 1] > props->fields[j];
		     j--) {
			uint16_t t = props->fields[j];
			props->fields[j] = props->fields[j - 1];
			props->fields[j - 1] = t;
		}
	return n ? OFPERR_OFPBPC_BAD_LEN : 0;
}

/* type(2) len(2) experimenter(4) exp_type(4) pad(4) method(16)
 * param(8), then field headers. */
static enum ofperr pull_selection_method(const struct ofp_prop *prop,
					 const struct ofp_group_mod *gm,
					 uint8_t version,
					 struct ofp_group_props *props)
{
	const uint8_t *p = prop->data;

	if (gm->type != OFPGT_SELECT)
		return gm->type > OFPGT_FF ? OFPERR_OFPGMFC_BAD_TYPE
					   : OFPERR_OFPBPC_BAD_VALUE;
	if (gm->command != OFPGC_ADD && gm->command != OFPGC_MODIFY &&
	    gm->command != OFPGC_ADD_OR_MOD)
		return gm->command == OFPGC_DELETE ||
		       gm->command == OFPGC_INSERT_BUCKET ||
		       gm->command == OFPGC_REMOVE_BUCKET
			? OFPERR_OFPBPC_BAD_VALUE : OFPERR_OFPGMFC_BAD_COMMAND;
	if (prop->len < NTR_PROP_LEN)
		return OFPERR_OFPBPC_BAD_LEN;
	if (!memchr(p + 16, '\0', OFP_GROUP_METHOD_LEN))
		return OFPERR_OFPBPC_BAD_VALUE;
	memcpy(props->selection_method, p + 16, OFP_GROUP_METHOD_LEN);
	if (strcmp(props->selection_method, "hash") &&
	    strcmp(props->selection_method, "dp_hash"))
		return OFPERR_OFPBPC_BAD_VALUE;
	props->selection_method_param = ofp_get64(p + 32);
	if (prop->len > NTR_PROP_LEN &&
	    strcmp(props->selection_method, "hash"))
		return OFPERR_OFPBPC_BAD_VALUE;
	return pull_fields(p + NTR_PROP_LEN, prop->len - NTR_PROP_LEN, version,
			   props);
}

static enum ofperr pull_group_props(const uint8_t *p, size_t n,
				    uint8_t version, struct ofp_group_mod *gm)
{
	struct bytecur c = bytecur_make(p, n);

	while (c.left) {
		struct ofp_prop prop;
		enum ofperr error = ofp_prop_pull(&c, PROP_EXPERIMENTER, &prop);

		if (error)
			return error;
		if (!prop.experimenter)
			return OFPERR_OFPBPC_BAD_TYPE;
		if (prop.experimenter != NTR_VENDOR_ID &&
		    prop.experimenter != NTR_COMPAT_VENDOR_ID)
			return OFPERR_OFPBPC_BAD_EXPERIMENTER;
		if (ofp_get32(prop.data + 8) != NTRT_SELECTION_METHOD)
			return OFPERR_OFPBPC_BAD_EXP_TYPE;
		error = pull_selection_method(&prop, gm, version, &gm->props);
		if (error)
			return error;
	}
	return 0;
}

static enum ofperr check_command_bucket_id(const struct ofp_group_mod *gm)
{
	uint32_t id = gm->command_bucket_id;
	bool named = id <= OFPG_BUCKET_MAX || id == OFPG_BUCKET_FIRST ||
		     id == OFPG_BUCKET_LAST;

	switch (gm->command) {
	case OFPGC_REMOVE_BUCKET:
		return named || id == OFPG_BUCKET_ALL
			? 0 : OFPERR_OFPGMFC_BAD_BUCKET;
	case OFPGC_INSERT_BUCKET:
		return named ? 0 : OFPERR_OFPGMFC_BAD_BUCKET;
	default:
		return id == OFPG_BUCKET_ALL ? 0 : OFPERR_OFPGMFC_BAD_BUCKET;
	}
}

/* command(2) type(1) pad(1) group_id(4) bucket_array_len(2) pad(2)
 * command_bucket_id(4), buckets, properties. */
static enum ofperr pull15(const uint8_t *p, size_t n, uint8_t version,
			  struct ofp_group_mod *gm, struct bytebuf *ofpacts)
{
	gm->command_bucket_id = ofp_get32(p + 12);
	enum ofperr error = check_command_bucket_id(gm);
	if (error)
		return error;

	size_t blen = ofp_get16(p + 8);
	if (blen > n - OFP15_GM_LEN)
		return OFPERR_OFPBRC_BAD_LEN;
	error = pull_buckets15(p + OFP15_GM_LEN, blen, version, gm, ofpacts);
	if (error)
		return error;
	return pull_group_props(p + OFP15_GM_LEN + blen,
				n - OFP15_GM_LEN - blen, version, gm);
}

static enum ofperr pull11(const uint8_t *p, size_t n, uint8_t version,
			  struct ofp_group_mod *gm, struct bytebuf *ofpacts)
{
	enum ofperr error = pull_buckets11(p + OFP11_GM_LEN, n - OFP11_GM_LEN,
					   version, gm, ofpacts);
	if (error)
		return error;
	/* 1.3.5 and later refuse a delete that carries buckets. */
	if (version >= OFP13_VERSION && gm->command == OFPGC_DELETE &&
	    gm->n_buckets)
		return OFPERR_OFPGMFC_INVALID_GROUP;
	return 0;
}

static enum ofperr check_bucket(const struct ofp_group_mod *gm,
				const struct ofp_bucket *b)
{
	if (b->weight && gm->type != OFPGT_SELECT &&
	    gm->command != OFPGC_INSERT_BUCKET)
		return OFPERR_OFPGMFC_INVALID_GROUP;
	if ((gm->type == OFPGT_ALL || gm->type == OFPGT_INDIRECT) &&
	    has_liveness(b))
		return OFPERR_OFPGMFC_WATCH_UNSUPPORTED;
	if (gm->type == OFPGT_FF && !has_liveness(b))
		return OFPERR_OFPGMFC_INVALID_GROUP;
	return 0;
}

/* The checks on the whole group, in the order Open vSwitch makes them. */
static enum ofperr check_group_mod(const struct ofp_group_mod *gm)
{
	if (gm->type > OFPGT_FF)
		return OFPERR_OFPGMFC_BAD_TYPE;
	if (gm->type == OFPGT_INDIRECT && gm->command != OFPGC_DELETE &&
	    gm->n_buckets != 1)
		return OFPERR_OFPGMFC_INVALID_GROUP;
	switch (gm->command) {
	case OFPGC_ADD:
	case OFPGC_MODIFY:
	case OFPGC_ADD_OR_MOD:
	case OFPGC_DELETE:
	case OFPGC_INSERT_BUCKET:
		break;
	case OFPGC_REMOVE_BUCKET:
		if (gm->n_buckets)
			return OFPERR_OFPGMFC_BAD_BUCKET;
		break;
	default:
		return OFPERR_OFPGMFC_BAD_COMMAND;
	}
	for (size_t i = 0; i < gm->n_buckets; i++) {
		enum ofperr error = check_bucket(gm, &gm->buckets[i]);
		if (error)
			return error;
	}
	return 0;
}

enum ofperr ofp_group_mod_decode(const struct ofpmsg *m,
				 struct ofp_group_mod *gm,
				 struct bytebuf *ofpacts)
{
	const uint8_t *p = m->body;
	size_t start = ofpacts->size;
	enum ofperr error;

	ofp_group_mod_init(gm);
	gm->command = ofp_get16(p);
	gm->type = p[2];
	gm->group_id = ofp_get32(p + 4);
	error = uses15(m->version)
		? pull15(p, m->body_len, m->version, gm, ofpacts)
		: pull11(p, m->body_len, m->version, gm, ofpacts);
	if (!error)
		error = check_group_mod(gm);
	if (error) {
		ofp_group_mod_uninit(gm);
		bytebuf_truncate(ofpacts, start);
		return error;
	}
	fix_pointers(gm, ofpacts);
	return 0;
}

static enum ofperr put_bucket11(struct bytebuf *out, uint8_t version,
				const struct ofp_bucket *b)
{
	size_t start = out->size;

	bytebuf_put_be16(out, 0);
	bytebuf_put_be16(out, b->weight);
	bytebuf_put_be32(out, b->watch_port);
	bytebuf_put_be32(out, b->watch_group);
	bytebuf_put_zeros(out, 4);
	enum ofperr error = ofpacts_encode_actions(b->ofpacts, b->ofpacts_len,
						   version, out);
	if (!error)
		ofp_put_len16(out, start, out->size - start);
	return error;
}

static void put_prop32(struct bytebuf *out, uint16_t type, uint32_t v)
{
	uint8_t be[4] = { v >> 24, v >> 16, v >> 8, v };

	ofp_prop_put(out, type, be, sizeof be);
}

static enum ofperr put_bucket15(struct bytebuf *out, uint8_t version,
				uint8_t type, const struct ofp_bucket *b,
				uint32_t bucket_id)
{
	size_t start = out->size;

	bytebuf_put_zeros(out, 4);
	bytebuf_put_be32(out, bucket_id);
	enum ofperr error = ofpacts_encode_actions(b->ofpacts, b->ofpacts_len,
						   version, out);
	if (error)
		return error;
	ofp_put_len16(out, start + 2, out->size - start - OFP15_BUCKET_LEN);
	if (type == OFPGT_SELECT || b->weight) {
		bytebuf_put_be16(out, OFPGBPT_WEIGHT);
		bytebuf_put_be16(out, 8);
		bytebuf_put_be16(out, b->weight);
		bytebuf_put_zeros(out, 2);
	}
	if (b->watch_port != OFPP_ANY32)
		put_prop32(out, OFPGBPT_WATCH_PORT, b->watch_port);
	if (b->watch_group != OFPG_ANY32)
		put_prop32(out, OFPGBPT_WATCH_GROUP, b->watch_group);
	ofp_put_len16(out, start, out->size - start);
	return 0;
}

/* Buckets without an id take the lowest id that neither a later bucket
 * names nor an earlier one took, as ovs-ofctl numbers them. */
static void assign_ids(const struct ofp_group_mod *gm, uint32_t *ids)
{
	size_t n = gm->n_buckets, first = n;
	uint8_t *used = xcalloc(n + 1, 1);

	for (size_t i = 0; i < n; i++) {
		ids[i] = gm->buckets[i].bucket_id;
		if (ids[i] > OFPG_BUCKET_MAX && first == n)
			first = i;
	}
	for (size_t i = first + 1; i < n; i++)
		if (ids[i] <= n)
			used[ids[i]] = 1;
	for (size_t i = first, next = 0; i < n; i++) {
		if (ids[i] <= OFPG_BUCKET_MAX)
			continue;
		while (used[next])
			next++;
		used[next] = 1;
		ids[i] = next;
	}
	free(used);
}

/* The selection method property, its fields in 'version's headers. */
static void put_selection_method(struct bytebuf *out, uint8_t version,
				 const struct ofp_group_props *props)
{
	char method[OFP_GROUP_METHOD_LEN] = { 0 };

	memcpy(method, props->selection_method,
	       strnlen(props->selection_method, sizeof method - 1));
	size_t start = ofp_prop_start(out, PROP_EXPERIMENTER);
	bytebuf_put_be32(out, NTR_VENDOR_ID);
	bytebuf_put_be32(out, NTRT_SELECTION_METHOD);
	bytebuf_put_zeros(out, 4);
	bytebuf_put(out, method, sizeof method);
	bytebuf_put_be64(out, props->selection_method_param);
	for (size_t i = 0; i < props->n_fields; i++) {
		const struct mf_field *mf = mf_from_id(props->fields[i]);
		const struct mf_header *h = mf_header_for(mf, version);
		if (!h)
			continue;
		bytebuf_put_be32(out, (uint32_t)h->cls << 16 | h->field << 9 |
				 mf->n_bytes);
		memset(bytebuf_put_uninit(out, mf->n_bytes), 0xff,
		       mf->n_bytes);
	}
	ofp_prop_end(out, start);
}

static enum ofperr encode15(const struct ofp_group_mod *gm, uint8_t version,
			    struct bytebuf *out)
{
	size_t head = out->size;
	uint32_t *ids = xcalloc(gm->n_buckets + 1, sizeof *ids);
	enum ofperr error = 0;

	bytebuf_put_be16(out, gm->command);
	bytebuf_put_u8(out, gm->type);
	bytebuf_put_u8(out, 0);
	bytebuf_put_be32(out, gm->group_id);
	bytebuf_put_zeros(out, 4);
	bytebuf_put_be32(out, gm->command_bucket_id);
	assign_ids(gm, ids);
	for (size_t i = 0; i < gm->n_buckets && !error; i++)
		error = put_bucket15(out, version, gm->type, &gm->buckets[i],
				     ids[i]);
	free(ids);
	if (error)
		return error;
	ofp_put_len16(out, head + 8, out->size - head - OFP15_GM_LEN);
	if (gm->props.selection_method[0])
		put_selection_method(out, version, &gm->props);
	return 0;
}

static enum ofperr encode11(const struct ofp_group_mod *gm, uint8_t version,
			    struct bytebuf *out)
{
	enum ofperr error = 0;

	if (gm->command == OFPGC_INSERT_BUCKET ||
	    gm->command == OFPGC_REMOVE_BUCKET ||
	    gm->props.selection_method[0])
		return OFPERR_OFPGMFC_BAD_COMMAND;
	bytebuf_put_be16(out, gm->command);
	bytebuf_put_u8(out, gm->type);
	bytebuf_put_u8(out, 0);
	bytebuf_put_be32(out, gm->group_id);
	for (size_t i = 0; i < gm->n_buckets && !error; i++)
		error = put_bucket11(out, version, &gm->buckets[i]);
	return error;
}

enum ofperr ofp_group_mod_encode(const struct ofp_group_mod *gm,
				 uint8_t version, uint32_t xid,
				 struct bytebuf *out)
{
	size_t start = ofpmsg_start(out, OFPTYPE_GROUP_MOD, version, xid);

	if (start == SIZE_MAX)
		return OFPERR_OFPBRC_BAD_VERSION;
	enum ofperr error = uses15(version) ? encode15(gm, version, out)
					    : encode11(gm, version, out);
	if (!error && !ofpmsg_finish(out, start))
		error = OFPERR_OFPBRC_BAD_LEN;
	if (error)
		bytebuf_truncate(out, start);
	return error;
}

/* length(2) type(1) pad(1) group_id(4), then in 1.1-1.4 the buckets, in
 * 1.5 bucket_list_len(2) pad(6), buckets and properties. */
int ofp_group_desc_pull(uint8_t version, struct bytecur *c,
			struct ofp_group_mod *gd, struct bytebuf *ofpacts)
{
	size_t min = uses15(version) ? OFP15_DESC_LEN : OFP11_DESC_LEN;
	size_t start = ofpacts->size;
	const uint8_t *p = c->p;
	enum ofperr error;

	ofp_group_mod_init(gd);
	if (!c->left)
		return -1;
	size_t len = c->left >= min ? ofp_get16(p) : 0;
	if (len < min || len > c->left)
		return OFPERR_OFPBRC_BAD_LEN;
	gd->type = p[2];
	gd->group_id = ofp_get32(p + 4);
	if (uses15(version)) {
		size_t blen = ofp_get16(p + 8);
		if (blen > len - OFP15_DESC_LEN)
			return OFPERR_OFPBRC_BAD_LEN;
		error = pull_buckets15(p + min, blen, version, gd, ofpacts);
		if (!error)
			error = pull_group_props(p + min + blen,
						 len - min - blen, version, gd);
	} else {
		error = pull_buckets11(p + min, len - min, version, gd,
				       ofpacts);
	}
	if (error) {
		ofp_group_mod_uninit(gd);
		bytebuf_truncate(ofpacts, start);
		return error;
	}
	bytecur_take(c, len);
	fix_pointers(gd, ofpacts);
	return 0;
}

enum ofperr ofp_group_desc_put(struct bytebuf *b, uint8_t version,
			       const struct ofp_group_mod *gd)
{
	size_t start = b->size;
	uint32_t *ids = xcalloc(gd->n_buckets + 1, sizeof *ids);
	enum ofperr error = 0;

	bytebuf_put_be16(b, 0);
	bytebuf_put_u8(b, gd->type);
	bytebuf_put_u8(b, 0);
	bytebuf_put_be32(b, gd->group_id);
	if (uses15(version))
		bytebuf_put_zeros(b, 8);
	assign_ids(gd, ids);
	for (size_t i = 0; i < gd->n_buckets && !error; i++)
		error = uses15(version)
			? put_bucket15(b, version, gd->type, &gd->buckets[i],
				       ids[i])
			: put_bucket11(b, version, &gd->buckets[i]);
	free(ids);
	if (!error && uses15(version)) {
		ofp_put_len16(b, start + 8, b->size - start - OFP15_DESC_LEN);
		if (gd->props.selection_method[0])
			put_selection_method(b, version, &gd->props);
	}
	if (!error && b->size - start > UINT16_MAX)
		error = OFPERR_OFPBRC_BAD_LEN;
	if (error) {
		bytebuf_truncate(b, start);
		return error;
	}
	ofp_put_len16(b, start, b->size - start);
	return 0;
}
