/* OpenFlow errors: one enum value per error of OpenFlow 1.0-1.5 and the
 * Nicira/ONF extensions, and their wire encodings in each version. */
#ifndef OFP_ERRORS_H
#define OFP_ERRORS_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ofp-version.h"

struct bytebuf;

/* 0 means success; every other value names one error of ofp-errors-table.h
 * (e.g. OFPERR_OFPBRC_BAD_TYPE, OFPERR_NXBRC_NXM_INVALID). */
enum ofperr {
	OFPERR_OK = 0,
#define OFPERR_DEF(NAME, DESC, ...) OFPERR_##NAME,
#include "ofp-errors-table.h"
#undef OFPERR_DEF
	OFPERR_LIMIT		/* One past the last error. */
};

#define OFPERR_N_ERRORS (OFPERR_LIMIT - 1)

/* Wire error types that are not ordinary error classes. */
#define OFPET_HELLO_FAILED	0
#define OFPET12_EXPERIMENTER	0xffff	/* OF1.2+: type, exp_type, experimenter. */
#define NXET_VENDOR		0xb0c2	/* OF1.0/1.1 Nicira vendor error. */
#define NXVC_VENDOR_ERROR	0	/* Code that goes with NXET_VENDOR. */

/* Bytes of the offending request an error reply carries (the spec's
 * "at least 64 bytes"). */
#define OFPERR_REQUEST_BYTES 64

/* An error as it appears on the wire in one version.  'vendor' is 0 for
 * standard errors; for experimenter errors 'type' is the exp_type and
 * 'code' is 0 (OF1.2+), or the vendor's own type and code (OF1.0/1.1). */
struct ofperr_wire {
	uint32_t vendor;
	uint16_t type;
	uint16_t code;
};

/* A decoded ERROR message.  'error' is 0 when the triple is unknown in that
 * version; 'wire' always holds what was received.  'data' points into the
 * message: the offending request, or text for HELLO_FAILED. */
struct ofperr_msg {
	enum ofperr error;
	struct ofperr_wire wire;
	const uint8_t *data;
	size_t data_len;
};

bool ofperr_is_valid(enum ofperr);
const char *ofperr_get_name(enum ofperr);
const char *ofperr_get_description(enum ofperr);
enum ofperr ofperr_from_name(const char *);

bool ofperr_get_wire(enum ofperr, enum ofp_version, struct ofperr_wire *);
enum ofperr ofperr_from_wire(enum ofp_version, const struct ofperr_wire *);

void ofperr_encode(struct bytebuf *, enum ofperr, enum ofp_version,
		   uint32_t xid, const void *data, size_t len);
void ofperr_encode_reply(struct bytebuf *, enum ofperr, const void *request,
			 size_t request_len);
void ofperr_encode_hello(struct bytebuf *, enum ofperr, enum ofp_version,
			 const char *text);
enum ofperr ofperr_decode_msg(const void *msg, size_t len,
			      struct ofperr_msg *);

#endif
