/* Writing properties and length fields of OpenFlow structures built in a
 * bytebuf: a property is started, its payload appended, then ended
 * (length written, padding to 8 added). */
#ifndef OFP_PROP_PUT_H
#define OFP_PROP_PUT_H 1

#include <stddef.h>
#include <stdint.h>

struct bytebuf;

/* Writes 'value' as a 16-bit big-endian field at 'ofs'. */
void ofp_put_len16(struct bytebuf *, size_t ofs, size_t value);
/* Type and a length to come; returns where the property starts. */
size_t ofp_prop_start(struct bytebuf *, uint16_t type);
/* Writes the length (without padding) and pads to 8. */
void ofp_prop_end(struct bytebuf *, size_t start);
/* A whole property of 'n' payload bytes. */
void ofp_prop_put(struct bytebuf *, uint16_t type, const void *, size_t n);

#endif
