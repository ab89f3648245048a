/* OpenFlow messages as text, in the format of "ovs-ofctl ofp-print".
 *
 * One line names the message ("OFPT_HELLO (OF1.3) (xid=0x1):"), then its
 * body printer, chosen by ofptype, adds the rest.  A message whose body
 * printer is not written yet prints the header line and a hex dump of its
 * body; ofp_print_has_body_printer() says which. */
#ifndef OFP_PRINT_H
#define OFP_PRINT_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "odp-key-text.h"
#include "ofp-msgs.h"

/* Verbosity as ovs-ofctl counts it: 1 is terse; 2 (ofp-print's default)
 * adds payload dumps; 5 and up add a dump of the whole message. */
#define OFP_PRINT_DEFAULT_VERBOSITY 2

void ofp_print(struct odp_text *, const void *msg, size_t len, int verbosity);
char *ofp_to_string(const void *msg, size_t len, int verbosity);
bool ofp_print_has_body_printer(enum ofptype);

void ofp_print_nested(struct odp_text *, const void *msg, size_t len,
		      int verbosity, int depth);
void ofp_print_hex_dump(struct odp_text *, const void *, size_t, size_t ofs);
void ofp_print_hex_dump_plain(struct odp_text *, const void *, size_t);
void ofp_print_version_bitmap(struct odp_text *, uint32_t versions);
void ofp_print_printable(struct odp_text *, const void *, size_t);
void ofp_print_bit_names(struct odp_text *, uint32_t bits,
			 const char *(*name)(unsigned bit), char sep);
void ofp_print_port_number(struct odp_text *, uint16_t port);
void ofp_print_port_config(struct odp_text *, uint32_t config);
void ofp_print_port_features(struct odp_text *, uint32_t features);
void ofp_print_duration(struct odp_text *, uint32_t sec, uint32_t nsec);

struct bytebuf;
const char *ofp_print_parse_hex(struct bytebuf *, const char *);

#endif
