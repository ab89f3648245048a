/* The datapath flow key syntax of "ovs-dpctl dump-flows":
 *
 *   recirc_id(0),in_port(1),eth(src=00:01:02:03:04:05,dst=...),
 *   eth_type(0x0800),ipv4(src=10.0.0.1/255.255.255.0,proto=6,frag=no),...
 *
 * converted to and from the OVS_KEY_ATTR_* netlink attributes of a flow key
 * and its mask, as the datapath ABI (<linux/openvswitch.h>) carries them.
 * Printing follows the attributes' order; parsing keeps the text's order, so
 * print(parse(text)) == text for every canonical string.
 *
 * The datapath actions syntax belongs beside this module: its set(...) and
 * set_masked actions carry one key attribute, printed and parsed with
 * odp_key_attr_format() and odp_key_attr_parse(). */
#ifndef WEIR_ODP_KEY_TEXT_H
#define WEIR_ODP_KEY_TEXT_H 1

#include <stdbool.h>
#include <stddef.h>
#include "nlattr.h"

/* A growable string the printers append to.  Running out of memory aborts,
 * as it would for any other line of CLI output. */
struct odp_text {
	char *s;		/* NUL-terminated, or NULL while empty */
	size_t len, cap;
};

#define ODP_TEXT_INIT { NULL, 0, 0 }

void odp_text_printf(struct odp_text *, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
const char *odp_text_cstr(const struct odp_text *);	/* "" while empty */
void odp_text_free(struct odp_text *);

/* Printing flags. */
#define ODP_KEY_VERBOSE 0x1	/* as "dump-flows -m": wildcarded fields too */

/* Appends the flow 'key' (and, if 'mask' is nonnull and 'mask_len' nonzero,
 * its 'mask') to 'out'.  Attributes the mask wildcards entirely are left
 * out, unless ODP_KEY_VERBOSE.  Malformed attributes print as diagnostics
 * rather than failing. */
void odp_key_format(struct odp_text *out, const void *key, size_t key_len,
		    const void *mask, size_t mask_len, unsigned int flags);

/* The same, as a string the caller frees. */
char *odp_key_to_string(const void *key, size_t key_len,
			const void *mask, size_t mask_len, unsigned int flags);

/* Appends one key attribute 'a' with its mask attribute 'ma' (NULL: exact). */
void odp_key_attr_format(struct odp_text *out, const struct nlattr *a,
			 const struct nlattr *ma, unsigned int flags);

/* Parses 's' and appends its key attributes to 'key' and, when 'mask' is
 * nonnull, their masks to 'mask' (a field the text leaves out is wildcarded).
 * With a NULL 'mask', the text may not contain masks.  Returns 0, or an
 * errno (EINVAL for bad text, ENOSPC when a buffer is too small) with a
 * message naming the bad token in 'err'; on error 'key' and 'mask' are left
 * as they were. */
int odp_key_parse(const char *s, struct nlbuf *key, struct nlbuf *mask,
		  char *err, size_t err_size);

/* Parses the one attribute at '*s', such as "ipv4(src=10.0.0.1)", appending
 * it as odp_key_parse() does and advancing '*s' past it. */
int odp_key_attr_parse(const char **s, struct nlbuf *key, struct nlbuf *mask,
		       char *err, size_t err_size);

#endif /* WEIR_ODP_KEY_TEXT_H */
