/* TLV table mod and reply. */
#include "ofp-tlv.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "odp-key-text.h"
#include "ofp-print-bodies.h"
#include "ofp-wire.h"
#include "xalloc.h"

/* option_class(2) option_type(1) option_len(1) index(2) pad(2). */
void ofp_tlv_map_at(const struct ofp_tlv_table *tt, size_t i,
		    struct ofp_tlv_map *map)
{
	const uint8_t *p = tt->maps + i * OFP_TLV_MAP_LEN;

	map->option_class = ofp_get16(p);
	map->option_type = p[2];
	map->option_len = p[3];
	map->index = ofp_get16(p + 4);
}

/* Lengths are whole 4-byte words up to 124; indexes below 'max_fields'. */
static enum ofperr check_maps(const struct ofp_tlv_table *tt,
			      unsigned max_fields)
{
	for (size_t i = 0; i < tt->n_maps; i++) {
		struct ofp_tlv_map map;
		ofp_tlv_map_at(tt, i, &map);
		if (map.option_len % 4 || map.option_len > OFP_TLV_MAX_OPT_SIZE)
			return OFPERR_NXTTMFC_BAD_OPT_LEN;
		if (map.index >= max_fields)
			return OFPERR_NXTTMFC_BAD_FIELD_IDX;
	}
	return 0;
}

/* Mod: command(2) pad(6) maps.  Reply: max_option_space(4) max_fields(2)
 * reserved(10) maps.  The message table checks the 8-byte steps. */
enum ofperr ofp_tlv_table_decode(const struct ofpmsg *m,
				 struct ofp_tlv_table *tt)
{
	const uint8_t *p = m->body;
	size_t head = m->type == OFPTYPE_NXT_TLV_TABLE_MOD ? 8 : 16;

	memset(tt, 0, sizeof *tt);
	tt->maps = p + head;
	tt->n_maps = (m->body_len - head) / OFP_TLV_MAP_LEN;
	if (head == 8) {
		tt->command = ofp_get16(p);
		if (tt->command > NXTTMC_CLEAR)
			return OFPERR_NXTTMFC_BAD_COMMAND;
		return check_maps(tt, OFP_TLV_N_FIELDS);
	}
	tt->max_option_space = (uint32_t)ofp_get16(p) << 16 | ofp_get16(p + 2);
	tt->max_fields = ofp_get16(p + 4);
	return check_maps(tt, tt->max_fields);
}

void ofp_tlv_table_encode(struct bytebuf *b, enum ofptype type,
			  uint8_t version, uint32_t xid,
			  const struct ofp_tlv_table *tt,
			  const struct ofp_tlv_map *maps, size_t n)
{
	size_t start = ofpmsg_start(b, type, version, xid);

	if (type == OFPTYPE_NXT_TLV_TABLE_MOD) {
		bytebuf_put_be16(b, tt->command);
		bytebuf_put_zeros(b, 6);
	} else {
		bytebuf_put_be32(b, tt->max_option_space);
		bytebuf_put_be16(b, tt->max_fields);
		bytebuf_put_zeros(b, 10);
	}
	for (size_t i = 0; i < n; i++) {
		bytebuf_put_be16(b, maps[i].option_class);
		bytebuf_put_u8(b, maps[i].option_type);
		bytebuf_put_u8(b, maps[i].option_len);
		bytebuf_put_be16(b, maps[i].index);
		bytebuf_put_zeros(b, 2);
	}
	ofpmsg_finish(b, start);
}

/* One number as scanf's %i reads it, within 'max'. */
static bool parse_num(const char **s, unsigned long max, unsigned long *v)
{
	char *end;

	errno = 0;
	*v = strtoul(*s, &end, 0);
	if (end == *s || errno || *v > max || **s == '-' || **s == '+')
		return false;
	*s = end;
	return true;
}

static bool parse_literal(const char **s, const char *lit)
{
	size_t n = strlen(lit);

	if (strncmp(*s, lit, n))
		return false;
	*s += n;
	return true;
}

static bool parse_map(const char **s, struct ofp_tlv_map *map)
{
	unsigned long cls, type, len, index;

	if (!parse_literal(s, "{class=") || !parse_num(s, UINT16_MAX, &cls) ||
	    !parse_literal(s, ",type=") || !parse_num(s, UINT8_MAX, &type) ||
	    !parse_literal(s, ",len=") || !parse_num(s, UINT8_MAX, &len) ||
	    !parse_literal(s, "}->tun_metadata") ||
	    !parse_num(s, UINT16_MAX, &index))
		return false;
	map->option_class = cls;
	map->option_type = type;
	map->option_len = len;
	map->index = index;
	return true;
}

/* ovs-ofctl's mapping list, comma-separated:
 * "{class=0xffff,type=0,len=4}->tun_metadata0". */
char *ofp_tlv_maps_parse(const char *s, struct ofp_tlv_map *maps, size_t max,
			 size_t *n)
{
	for (*n = 0; *s; ++*n) {
		if (*s == ',')
			s++;
		if (*n >= max)
			return xstrdup("too many tlv mappings");
		if (!parse_map(&s, &maps[*n]))
			return xstrdup("invalid tlv mapping");
	}
	return NULL;
}

static void print_maps(struct odp_text *t, const struct ofp_tlv_table *tt)
{
	odp_text_printf(t, " mapping table:\n"
			   "  class  type  length  match field\n"
			   " ------  ----  ------  --------------");
	for (size_t i = 0; i < tt->n_maps; i++) {
		struct ofp_tlv_map map;
		ofp_tlv_map_at(tt, i, &map);
		odp_text_printf(t, "\n %#6x  %#4x  %6u  tun_metadata%u",
				map.option_class, map.option_type,
				map.option_len, map.index);
	}
}

OFP_BODY_PRINTER(ofp_tlv_print_mod)
{
	static const char *const commands[] = { "ADD", "DEL", "CLEAR" };
	struct ofp_tlv_table tt;
	enum ofperr error = ofp_tlv_table_decode(m, &tt);

	if (error)
		return error;
	odp_text_printf(t, "\n %s", commands[tt.command]);
	if (tt.command != NXTTMC_CLEAR)
		print_maps(t, &tt);
	return 0;
}

OFP_BODY_PRINTER(ofp_tlv_print_reply)
{
	struct ofp_tlv_table tt;
	enum ofperr error = ofp_tlv_table_decode(m, &tt);
	unsigned space = 0;

	if (error)
		return error;
	for (size_t i = 0; i < tt.n_maps; i++) {
		struct ofp_tlv_map map;
		ofp_tlv_map_at(&tt, i, &map);
		space += map.option_len;
	}
	odp_text_printf(t, "\n max option space=%" PRIu32 " max fields=%u\n"
			   " allocated option space=%u\n\n",
			tt.max_option_space, tt.max_fields, space);
	print_maps(t, &tt);
	return 0;
}
