/* GROUP_MOD: OpenFlow 1.1-1.4 (buckets with weight, watch port and watch
 * group), 1.5 (bucket ids, bucket properties, insert/remove bucket
 * commands, group properties) and NXT_GROUP_MOD, which carries the 1.5
 * form to OpenFlow 1.0.  The group description reply entries share the
 * bucket and property codecs.  Text is ovs-ofctl's group syntax:
 * "group_id=1,type=select,bucket=weight:10,actions=output:1". */
#ifndef OFP_GROUP_MOD_H
#define OFP_GROUP_MOD_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ofp-errors.h"
#include "ofp-msgs.h"
#include "ofp-print-bodies.h"

struct bytebuf;
struct bytecur;
struct odp_text;

enum ofp_group_mod_command {
	OFPGC_ADD = 0,
	OFPGC_MODIFY = 1,
	OFPGC_DELETE = 2,
	OFPGC_INSERT_BUCKET = 3,	/* 1.5 (and NXT) only. */
	OFPGC_REMOVE_BUCKET = 5,	/* 1.5 (and NXT) only. */
	OFPGC_ADD_OR_MOD = 0x8000,	/* Open vSwitch extension. */
};

enum ofp_group_type {
	OFPGT_ALL = 0,
	OFPGT_SELECT = 1,
	OFPGT_INDIRECT = 2,
	OFPGT_FF = 3,
};

/* Bucket ids (1.5). */
#define OFPG_BUCKET_MAX		0xffffff00u
#define OFPG_BUCKET_FIRST	0xfffffffdu
#define OFPG_BUCKET_LAST	0xfffffffeu
#define OFPG_BUCKET_ALL		0xffffffffu

#define OFPP_ANY32 0xffffffffu
#define OFPG_ANY32 0xffffffffu

/* A bucket; 'ofpacts' points into a buffer the caller owns.  Before 1.5
 * a bucket has no id: decoding numbers them from 0. */
struct ofp_bucket {
	uint32_t bucket_id;
	uint16_t weight;
	uint32_t watch_port, watch_group;	/* 1.1+ numbering. */
	const void *ofpacts;
	size_t ofpacts_len;
};

/* The selection method property (Open vSwitch, 1.5 and NXT): method
 * "hash" or "dp_hash", a parameter and the fields hashed, whole (a field
 * hashed under a mask is refused), in enum mf_field_id order. */
#define OFP_GROUP_METHOD_LEN 16
#define OFP_GROUP_MAX_FIELDS 64

struct ofp_group_props {
	char selection_method[OFP_GROUP_METHOD_LEN];	/* "" if none */
	uint64_t selection_method_param;
	uint16_t fields[OFP_GROUP_MAX_FIELDS];		/* enum mf_field_id */
	size_t n_fields;
};

/* At most this many buckets in one group. */
#define OFP_GROUP_MAX_BUCKETS 1024

struct ofp_group_mod {
	uint16_t command;
	uint8_t type;
	uint32_t group_id;
	uint32_t command_bucket_id;	/* 1.5 insert/remove bucket. */
	struct ofp_bucket *buckets;	/* malloc'd, ofp_group_mod_uninit() */
	size_t n_buckets;
	struct ofp_group_props props;
};

void ofp_group_mod_init(struct ofp_group_mod *);
void ofp_group_mod_uninit(struct ofp_group_mod *);

/* Decodes OFPTYPE_GROUP_MOD in any version with the spec's checks
 * (OFPGMFC_BAD_TYPE, OFPGMFC_BAD_COMMAND, OFPGMFC_BAD_BUCKET,
 * OFPGMFC_BAD_WATCH, OFPBRC_BAD_LEN...); the buckets' actions go to
 * 'ofpacts'.  On error 'gm' is empty and 'ofpacts' as it was. */
enum ofperr ofp_group_mod_decode(const struct ofpmsg *, struct ofp_group_mod *,
				 struct bytebuf *ofpacts);
/* OFPGMFC_BAD_COMMAND for a command 'version' lacks, OFPBAC_* for an
 * action; 'out' is then as it was. */
enum ofperr ofp_group_mod_encode(const struct ofp_group_mod *,
				 uint8_t version, uint32_t xid,
				 struct bytebuf *out);

/* One group description entry (group desc reply): type, group id,
 * buckets and (1.5) properties, the same shapes as in GROUP_MOD.
 * Returns 0, -1 at the end of the body, or an error; on success the
 * caller uninits 'gd'. */
int ofp_group_desc_pull(uint8_t version, struct bytecur *,
			struct ofp_group_mod *gd, struct bytebuf *ofpacts);
enum ofperr ofp_group_desc_put(struct bytebuf *, uint8_t version,
			       const struct ofp_group_mod *gd);

/* ovs-ofctl group text for 'command' (add-group: OFPGC_ADD, del-groups:
 * OFPGC_DELETE, insert-buckets...): "group_id=", "type=", "bucket=...",
 * "selection_method=", "selection_method_param=", "fields=", and for
 * bucket commands "command_bucket_id=".  The actions go to 'ofpacts';
 * '*usable_versions' gets the versions (bit N: wire version N) that can
 * carry the result.  NULL or a malloc'd error. */
char *ofp_group_mod_parse(const char *text, uint16_t command,
			  struct ofp_group_mod *, struct bytebuf *ofpacts,
			  uint32_t *usable_versions)
	__attribute__((warn_unused_result));
/* As ofp-print shows the message body (after " "), for 'version'. */
void ofp_group_mod_format(struct odp_text *, const struct ofp_group_mod *,
			  uint8_t version);
/* "group_id=1,type=all,bucket=..." as dump-groups prints an entry. */
void ofp_group_desc_format(struct odp_text *, const struct ofp_group_mod *,
			   uint8_t version);

OFP_BODY_PRINTER(ofp_group_mod_print);
OFP_BODY_PRINTER(ofp_group_desc_print_request);
OFP_BODY_PRINTER(ofp_group_desc_print_reply);

#endif
