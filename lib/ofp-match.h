/* An OpenFlow match: a flow and a mask of the same shape.  Bits where the
 * mask is 0 are always 0 in the flow, so equal matches are bytewise equal. */
#ifndef OFP_MATCH_H
#define OFP_MATCH_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "of-flow.h"
#include "ofp-errors.h"
#include "ofp-fields.h"
#include "ofp-version.h"

struct bytebuf;
struct bytecur;

struct of_match {
	struct of_flow flow;
	struct of_flow mask;
};

void of_match_init_catchall(struct of_match *);
bool of_match_equal(const struct of_match *, const struct of_match *);
bool of_match_is_catchall(const struct of_match *);
/* True if any L2-L4 field is matched, which implies an Ethernet packet. */
bool of_match_implies_ethernet(const struct of_match *);
/* Drops what the rest of the match implies (packet_type Ethernet). */
void of_match_normalize(struct of_match *);

/* Field access through the table.  A NULL mask in mf_set means exact. */
void mf_get(const struct mf_field *, const struct of_match *,
	    union mf_value *value, union mf_value *mask);
void mf_set(const struct mf_field *, const union mf_value *value,
	    const union mf_value *mask, struct of_match *);
void mf_set_wild(const struct mf_field *, struct of_match *);
bool mf_is_wild(const struct mf_field *, const struct of_match *);
/* One bit per 8 bytes of the mask that are not all zero, so that a pass
 * over every field can skip the wild ones cheaply with mf_is_wild_in(). */
uint64_t of_match_mask_words(const struct of_match *);

static inline bool mf_is_wild_in(const struct mf_field *mf,
				 const struct of_match *m, uint64_t words)
{
	unsigned first = mf->ofs / 8, last = (mf->ofs + mf->st_bytes - 1) / 8;

	if (!mf->st_bytes)
		return true;
	return !(words >> first & ~(~UINT64_C(1) << (last - first))) ||
	       mf_is_wild(mf, m);
}
bool mf_is_exact(const struct mf_field *, const struct of_match *);
bool mf_prereqs_ok(const struct mf_field *, const struct of_match *);
bool mf_storage_prereqs_ok(const struct mf_field *, const struct of_match *);

/* Integer conveniences for fields of up to 8 bytes (host byte order). */
void mf_set_u64(enum mf_field_id, uint64_t value, uint64_t mask,
		struct of_match *);
uint64_t mf_get_u64(enum mf_field_id, const struct of_match *,
		    uint64_t *mask);

/* CIDR: prefix length of a contiguous netmask (host order), or -1. */
int of_cidr_from_mask32(uint32_t mask);
uint32_t of_mask32_from_cidr(int prefix);
int of_cidr_from_mask128(const uint8_t mask[16]);

/* OFPBMC_BAD_PREREQ if a field is matched whose prerequisites are not;
 * '*bad' (if nonnull) then names it. */
enum ofperr of_match_check_prereqs(const struct of_match *,
				   enum mf_field_id *bad);

/* OpenFlow 1.0 <-> 1.1+ port numbers: 16-bit 0xff00-0xffff are the 32-bit
 * 0xffffff00-0xffffffff (reserved ports from 0xfff8 / 0xfffffff8). */
uint32_t of_port_from_of10(uint16_t);
bool of_port_to_of10(uint32_t, uint16_t *);

/* OpenFlow 1.0 ofp_match (40 bytes). */
#define OFP10_MATCH_LEN 40
void of_match_encode_of10(const struct of_match *, struct bytebuf *);
enum ofperr of_match_decode_of10(const void *, size_t, struct of_match *);

/* OpenFlow 1.1 standard match (88 bytes). */
#define OFP11_MATCH_LEN 88
void of_match_encode_of11(const struct of_match *, struct bytebuf *);
enum ofperr of_match_decode_of11(const void *, size_t, struct of_match *);

/* NXM: the bare TLV list of NXT_FLOW_MOD; returns the bytes written. */
size_t of_match_encode_nxm(const struct of_match *, struct bytebuf *);
enum ofperr of_match_decode_nxm(const void *, size_t, struct of_match *);

/* OXM: a whole OF1.2+ ofp_match (type 1, TLVs, padding to 8).  Decode
 * consumes it, padding included, from the cursor. */
void of_match_encode_oxm(const struct of_match *, enum ofp_version,
			 struct bytebuf *);
enum ofperr of_match_decode_oxm(struct bytecur *, enum ofp_version,
				struct of_match *);

/* Any of the above by name; 'version' matters to OXM only.  Decode takes
 * exactly 'n' bytes (for OXM, padding included).  A format fits a match if
 * it carries it without loss, for choosing a protocol. */
enum of_match_format { OFM_OF10, OFM_OF11, OFM_NXM, OFM_OXM };

void of_match_encode(const struct of_match *, enum of_match_format,
		     enum ofp_version, struct bytebuf *);
enum ofperr of_match_decode(const void *, size_t, enum of_match_format,
			    enum ofp_version, struct of_match *);
bool of_match_fits(const struct of_match *, enum of_match_format,
		   enum ofp_version);
/* The same, encoding into 'scratch' (cleared first) to spare a buffer per
 * call when trying several formats. */
bool of_match_fits_buf(const struct of_match *, enum of_match_format,
		       enum ofp_version, struct bytebuf *scratch);

/* ovs-ofctl text.  Parse returns 0 or a malloc'd message naming the field,
 * value and problem; format returns a malloc'd string. */
char *of_match_parse(const char *text, struct of_match *);
char *of_match_format(const struct of_match *);

/* One field's value (and "/mask") in the same syntax, for set_field and
 * friends.  '*masked' tells whether a mask was given (the value is then
 * masked by it); mf_format_value takes NULL for exact.  Both return
 * malloc'd strings (parse: 0 or the error). */
char *mf_parse_value(const struct mf_field *, const char *,
		     union mf_value *value, union mf_value *mask,
		     bool *masked);
char *mf_format_value(const struct mf_field *, const union mf_value *value,
		      const union mf_value *mask);

#endif
