/* Which flow-mod protocols can carry a flow, and the one ovs-ofctl picks. */
#include "ofp-protocol.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytebuf.h"
#include "ofp-version.h"
#include "xalloc.h"

static const char *const protocol_names[] = {
	"OpenFlow10-table_id", "OpenFlow10+table_id", "NXM-table_id",
	"NXM+table_id", "OpenFlow11", "OXM-OpenFlow12", "OXM-OpenFlow13",
	"OXM-OpenFlow14", "OXM-OpenFlow15",
};

#define N_PROTOCOLS (sizeof protocol_names / sizeof protocol_names[0])

/* Names for whole groups, tried before single protocols. */
static const struct {
	uint32_t set;
	const char *name;
} protocol_groups[] = {
	{ OFPROTO_ANY, "any" },
	{ OFPROTO_OF10_ANY, "OpenFlow10" },
	{ OFPROTO_NXM_ANY, "NXM" },
	{ OFPROTO_OXM_ANY, "OXM" },
};

static int protocol_index(enum ofp_protocol p)
{
	return p ? __builtin_ctz(p) : -1;
}

const char *ofp_protocol_name(enum ofp_protocol p)
{
	int i = protocol_index(p);

	return i >= 0 && (size_t)i < N_PROTOCOLS ? protocol_names[i] : "none";
}

uint8_t ofp_protocol_version(enum ofp_protocol p)
{
	if (p & (OFPROTO_OF10_ANY | OFPROTO_NXM_ANY))
		return OFP10_VERSION;
	if (p & OFPROTO_OF11_STD)
		return OFP11_VERSION;
	/* The OXM protocols follow in version order from bit 5. */
	return OFP12_VERSION + protocol_index(p) - 5;
}

char *ofp_protocols_format(uint32_t protocols)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;

	protocols &= OFPROTO_ANY;
	if (!protocols)
		return xstrdup("none");
	while (protocols) {
		const char *name = NULL;

		for (size_t i = 0; i < sizeof protocol_groups /
				   sizeof protocol_groups[0] && !name; i++) {
			uint32_t set = protocol_groups[i].set;
			if ((protocols & set) == set) {
				name = protocol_groups[i].name;
				protocols &= ~set;
			}
		}
		if (!name) {
			uint32_t bit = protocols & -protocols;
			name = ofp_protocol_name(bit);
			protocols &= ~bit;
		}
		if (b.size)
			bytebuf_put_u8(&b, ',');
		bytebuf_put(&b, name, strlen(name));
	}
	bytebuf_put_u8(&b, '\0');
	return (char *)bytebuf_steal(&b, NULL);
}

uint32_t ofp_protocols_from_versions(uint32_t versions)
{
	uint32_t p = 0;

	if (versions & 1u << OFP10_VERSION)
		p |= OFPROTO_OF10_ANY | OFPROTO_NXM_ANY;
	if (versions & 1u << OFP11_VERSION)
		p |= OFPROTO_OF11_STD;
	for (int v = OFP12_VERSION; v <= OFP15_VERSION; v++)
		if (versions & 1u << v)
			p |= OFPROTO_OF12_OXM << (v - OFP12_VERSION);
	return p;
}

char *ofp_versions_parse(const char *s, uint32_t *versions)
{
	char *copy = xstrdup(s), *save = NULL;

	*versions = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		int minor;
		char extra;

		if (sscanf(tok, "OpenFlow1%d%c", &minor, &extra) != 1 ||
		    minor < 0 || minor > 5 || strlen(tok) != 10) {
			char *error = xasprintf("%s: unknown OpenFlow version",
						tok);
			free(copy);
			return error;
		}
		*versions |= 1u << (OFP10_VERSION + minor);
	}
	free(copy);
	return *versions ? NULL : xstrdup("no OpenFlow version given");
}

static bool protocol_from_name(const char *name, uint32_t *set)
{
	for (size_t i = 0; i < N_PROTOCOLS; i++) {
		if (!strcasecmp(name, protocol_names[i])) {
			*set = 1u << i;
			return true;
		}
	}
	for (size_t i = 0; i < sizeof protocol_groups /
			   sizeof protocol_groups[0]; i++) {
		if (!strcasecmp(name, protocol_groups[i].name)) {
			*set = protocol_groups[i].set;
			return true;
		}
	}
	return false;
}

char *ofp_protocols_parse(const char *s, uint32_t *protocols)
{
	char *copy = xstrdup(s), *save = NULL;
	char *error = NULL;

	*protocols = 0;
	for (char *tok = strtok_r(copy, ", ", &save); tok && !error;
	     tok = strtok_r(NULL, ", ", &save)) {
		uint32_t set;
		if (protocol_from_name(tok, &set))
			*protocols |= set;
		else
			error = xasprintf("%s: unknown flow protocol", tok);
	}
	free(copy);
	if (!error && !*protocols)
		error = xasprintf("%s: no flow protocol specified", s);
	return error;
}

static bool same_bytes(const struct bytebuf *a, const struct bytebuf *b)
{
	return a->size == b->size && !memcmp(a->data, b->data, a->size);
}

/* OXM's versions in turn.  A version that encodes the same bytes as the
 * one before decodes them the same (each header names one field, which a
 * later version still knows), so only new bytes need the round trip. */
static uint32_t oxm_protocols(const struct of_match *m,
			      struct bytebuf *scratch)
{
	struct bytebuf prev = BYTEBUF_INITIALIZER;
	struct of_match back;
	bool prev_fits = false;
	uint32_t p = 0;

	for (int v = OFP12_VERSION; v <= OFP15_VERSION; v++) {
		bytebuf_clear(scratch);
		of_match_encode(m, OFM_OXM, v, scratch);
		bool fits = prev_fits && same_bytes(scratch, &prev);
		if (!fits)
			fits = !of_match_decode(scratch->data, scratch->size,
						OFM_OXM, v, &back) &&
			       of_match_equal(m, &back);
		if (fits)
			p |= OFPROTO_OF12_OXM << (v - OFP12_VERSION);
		struct bytebuf t = prev;
		prev = *scratch;
		*scratch = t;
		prev_fits = fits;
	}
	bytebuf_uninit(&prev);
	return p;
}

uint32_t ofp_protocols_for_match(const struct of_match *m)
{
	struct bytebuf b = BYTEBUF_INITIALIZER;
	uint32_t p = 0;

	if (of_match_fits_buf(m, OFM_OF10, OFP10_VERSION, &b)) {
		bytebuf_uninit(&b);
		return OFPROTO_ANY;
	}
	if (of_match_fits_buf(m, OFM_NXM, OFP10_VERSION, &b))
		p |= OFPROTO_NXM_ANY;
	if (of_match_fits_buf(m, OFM_OF11, OFP11_VERSION, &b))
		p |= OFPROTO_OF11_STD;
	p |= oxm_protocols(m, &b);
	bytebuf_uninit(&b);
	return p;
}

enum ofp_protocol ofp_protocol_choose(uint32_t usable, uint32_t allowed)
{
	uint32_t both = usable & allowed & OFPROTO_ANY;

	return both & -both;
}
