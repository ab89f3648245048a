/* OpenFlow actions and instructions.
 *
 * Inside Weir an action list is a packed run of actions in a bytebuf: each
 * starts with struct ofpact (type, padded length) and continues with the
 * payload of its type, every one 8-byte aligned.  Instructions are ofpacts
 * too, kept in the order OpenFlow 1.1+ executes them (meter, apply actions,
 * clear actions, write actions, write metadata, goto table); the actions of
 * "apply_actions" are simply the top-level actions.
 *
 * The wire forms of every action in every version (OpenFlow standard types,
 * Nicira extension subtypes) are rows of one table in ofp-actions.c, which
 * drives decoding; each type's row there names its encoder, printer, parser
 * and checker. */
#ifndef OFP_ACTIONS_H
#define OFP_ACTIONS_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bytebuf.h"
#include "ofp-errors.h"
#include "ofp-fields.h"
#include "ofp-match.h"
#include "ofp-version.h"

struct odp_text;

/* Every action and instruction.  Instructions come last, in execution
 * order; OFPACT_IS_INSTRUCTION() tells them apart. */
enum ofpact_type {
	OFPACT_OUTPUT,		/* struct ofpact_output */
	OFPACT_CONTROLLER,	/* struct ofpact_controller */
	OFPACT_ENQUEUE,		/* struct ofpact_enqueue */
	OFPACT_OUTPUT_REG,	/* struct ofpact_output_reg */
	OFPACT_GROUP,		/* struct ofpact_u32: group id */
	OFPACT_RESUBMIT,	/* struct ofpact_resubmit */
	OFPACT_SET_QUEUE,	/* struct ofpact_u32: queue id */
	OFPACT_POP_QUEUE,	/* struct ofpact */
	OFPACT_SET_FIELD,	/* struct ofpact_set_field */
	OFPACT_REG_MOVE,	/* struct ofpact_reg_move */
	OFPACT_SET_VLAN_VID,	/* struct ofpact_vlan: 12-bit VID */
	OFPACT_SET_VLAN_PCP,	/* struct ofpact_vlan: 3-bit PCP */
	OFPACT_STRIP_VLAN,	/* struct ofpact_strip_vlan */
	OFPACT_PUSH_VLAN,	/* struct ofpact_ethertype */
	OFPACT_PUSH_MPLS,	/* struct ofpact_ethertype */
	OFPACT_POP_MPLS,	/* struct ofpact_ethertype: the next header's */
	OFPACT_SET_MPLS_LABEL,	/* struct ofpact_u32: 20-bit label */
	OFPACT_SET_MPLS_TC,	/* struct ofpact_u8 */
	OFPACT_SET_MPLS_TTL,	/* struct ofpact_u8 */
	OFPACT_DEC_MPLS_TTL,	/* struct ofpact */
	OFPACT_SET_IP_TTL,	/* struct ofpact_u8 */
	OFPACT_DEC_TTL,		/* struct ofpact_dec_ttl */
	OFPACT_SET_TUNNEL,	/* struct ofpact_tunnel */
	OFPACT_NOTE,		/* struct ofpact_note */
	OFPACT_EXIT,		/* struct ofpact */
	OFPACT_CT_CLEAR,	/* struct ofpact */
	OFPACT_CT,		/* struct ofpact_ct + nested actions */
	OFPACT_NAT,		/* struct ofpact_nat (only inside ct) */
	OFPACT_CONJUNCTION,	/* struct ofpact_conjunction */
	OFPACT_FIN_TIMEOUT,	/* struct ofpact_fin_timeout */
	OFPACT_STACK_PUSH,	/* struct ofpact_stack ("push:") */
	OFPACT_STACK_POP,	/* struct ofpact_stack ("pop:") */
	OFPACT_SAMPLE,		/* struct ofpact_sample */
	OFPACT_CLONE,		/* struct ofpact_nest + nested actions */
	OFPACT_OUTPUT_TRUNC,	/* struct ofpact_output_trunc */
	OFPACT_LEARN,		/* struct ofpact_learn + its specs */
	OFPACT_CHECK_PKT_LARGER,	/* struct ofpact_check_pkt_larger */
	OFPACT_MULTIPATH,	/* struct ofpact_multipath */
	OFPACT_BUNDLE,		/* struct ofpact_bundle + member ports */
	/* Instructions, in the order they execute. */
	OFPACT_METER,		/* struct ofpact_u32: meter id */
	OFPACT_CLEAR_ACTIONS,	/* struct ofpact */
	OFPACT_WRITE_ACTIONS,	/* struct ofpact_nest */
	OFPACT_WRITE_METADATA,	/* struct ofpact_metadata */
	OFPACT_GOTO_TABLE,	/* struct ofpact_u8: table id */
	OFPACT_N_TYPES
};

#define OFPACT_FIRST_INSTRUCTION OFPACT_METER
#define OFPACT_IS_INSTRUCTION(T) ((T) >= OFPACT_FIRST_INSTRUCTION)

/* Every action starts with this.  'len' covers the header and payload and
 * is a multiple of OFPACT_ALIGN. */
struct ofpact {
	uint16_t type;		/* enum ofpact_type */
	uint16_t len;
};

#define OFPACT_ALIGN 8

/* A run of bits within a field, as "NXM_NX_REG0[0..15]" names it. */
struct mf_subfield {
	const struct mf_field *field;
	uint16_t ofs;
	uint16_t n_bits;
};

/* OFPACT_OUTPUT: 'port' in OpenFlow 1.1+ numbering; 'max_len' only matters
 * for the controller port. */
struct ofpact_output {
	struct ofpact a;
	uint32_t port;
	uint16_t max_len;
};

/* Packet-in reasons the controller action may give. */
enum ofpact_pin_reason {
	OFPACT_PIN_NO_MATCH, OFPACT_PIN_ACTION, OFPACT_PIN_INVALID_TTL,
	OFPACT_PIN_ACTION_SET, OFPACT_PIN_GROUP, OFPACT_PIN_PACKET_OUT,
	OFPACT_PIN_N_REASONS
};

#define OFPACT_NO_METER UINT32_MAX	/* controller meter_id: none */

/* OFPACT_CONTROLLER: the Nicira controller action with its options;
 * 'userdata_len' bytes of userdata follow. */
struct ofpact_controller {
	struct ofpact a;
	uint16_t max_len;
	uint16_t controller_id;
	uint8_t reason;		/* enum ofpact_pin_reason */
	bool pause;		/* a continuation the controller resumes */
	uint16_t userdata_len;
	uint32_t meter_id;	/* OFPACT_NO_METER for none */
	uint8_t userdata[];
};

/* OFPACT_ENQUEUE: OpenFlow 1.0's output to a queue of a port. */
struct ofpact_enqueue {
	struct ofpact a;
	uint32_t port;
	uint32_t queue;
};

/* OFPACT_OUTPUT_REG: output to the port a subfield holds. */
struct ofpact_output_reg {
	struct ofpact a;
	struct mf_subfield src;
	uint16_t max_len;
};

/* OFPACT_RESUBMIT: 'in_port' OFPP_IN_PORT (1.1+ numbering) keeps the
 * packet's; 'table_id' 255 keeps the current table. */
struct ofpact_resubmit {
	struct ofpact a;
	uint32_t in_port;
	uint8_t table_id;
	bool with_ct;		/* resubmit(...,ct): look up the ct tuple */
	bool table_form;	/* came as resubmit(,N) rather than resubmit:N */
};

/* How a set_field was written, which decides its wire form and text. */
enum ofpact_sf_flavor {
	OFPACT_SF_SET_FIELD,	/* set_field:V->F (OFPAT_SET_FIELD) */
	OFPACT_SF_LOAD,		/* load:V->F[a..b] (NXAST_REG_LOAD) */
	OFPACT_SF_LEGACY,	/* mod_dl_src:..., mod_nw_dst:... (OpenFlow
				 * 1.0/1.1 set_* actions) */
};

/* OFPACT_SET_FIELD: sets the bits of 'field' that 'mask' has to 'value'
 * (both network byte order, field->n_bytes long, value & ~mask zero). */
struct ofpact_set_field {
	struct ofpact a;
	const struct mf_field *field;
	uint8_t flavor;		/* enum ofpact_sf_flavor */
	union mf_value value;
	union mf_value mask;
};

/* OFPACT_REG_MOVE: copies src to dst, equal widths. */
struct ofpact_reg_move {
	struct ofpact a;
	struct mf_subfield src;
	struct mf_subfield dst;
};

/* OFPACT_SET_VLAN_VID / _PCP.  OpenFlow 1.0 pushes a tag when there is
 * none ("mod_vlan_vid"); the 1.1 action does not. */
struct ofpact_vlan {
	struct ofpact a;
	uint16_t value;
	bool push_if_needed;
	bool flow_has_vlan;	/* set by ofpacts_check(): no push needed */
};

/* OFPACT_STRIP_VLAN: "pop_vlan" if it was written or received as 1.1+'s
 * pop, else "strip_vlan"; the same effect. */
struct ofpact_strip_vlan {
	struct ofpact a;
	bool pop;
};

/* OFPACT_PUSH_VLAN, OFPACT_PUSH_MPLS, OFPACT_POP_MPLS. */
struct ofpact_ethertype {
	struct ofpact a;
	uint16_t ethertype;
};

/* Single-integer payloads; the type says what the value means. */
struct ofpact_u8 {
	struct ofpact a;
	uint8_t value;
};

struct ofpact_u32 {
	struct ofpact a;
	uint32_t value;
};

/* OFPACT_DEC_TTL: the controller ids that get the invalid-TTL packet-in;
 * "dec_ttl" alone means { 0 } (plain OFPAT_DEC_NW_TTL). */
struct ofpact_dec_ttl {
	struct ofpact a;
	uint16_t n_ids;
	bool with_ids;		/* written as dec_ttl(...) */
	uint16_t ids[];
};

/* OFPACT_SET_TUNNEL: the tunnel id; 'wide' picks NXAST_SET_TUNNEL64. */
struct ofpact_tunnel {
	struct ofpact a;
	uint64_t tun_id;
	bool wide;
};

/* OFPACT_NOTE: opaque bytes that do nothing. */
struct ofpact_note {
	struct ofpact a;
	uint16_t length;
	uint8_t data[];
};

/* OFPACT_WRITE_ACTIONS, OFPACT_CLONE: the nested actions follow the
 * header, up to a.len. */
struct ofpact_nest {
	struct ofpact a;
	uint8_t pad[4];
};

/* OFPACT_WRITE_METADATA. */
struct ofpact_metadata {
	struct ofpact a;
	uint64_t metadata;
	uint64_t mask;
};

/* ct() flags (NX_CT_F_*). */
#define OFPACT_CT_COMMIT	0x0001
#define OFPACT_CT_FORCE		0x0002
#define OFPACT_CT_NO_TABLE	0xff	/* recirc_table: do not recirculate */

/* OFPACT_CT: send the packet through conntrack; the zone is 'zone_imm'
 * unless 'zone_src.field' names a subfield.  The actions ct executes
 * (a nat, then set_field on ct_mark/ct_label) follow this header, up to
 * a.len. */
struct ofpact_ct {
	struct ofpact a;
	uint16_t flags;		/* OFPACT_CT_* */
	uint16_t zone_imm;
	uint16_t alg;		/* 0, 21 (ftp), 69 (tftp) or another port */
	uint8_t recirc_table;
	uint8_t pad;
	struct mf_subfield zone_src;
};

/* NAT flags (NX_NAT_F_*). */
#define OFPACT_NAT_SRC		0x0001
#define OFPACT_NAT_DST		0x0002
#define OFPACT_NAT_PERSISTENT	0x0004
#define OFPACT_NAT_HASH		0x0008
#define OFPACT_NAT_RANDOM	0x0010

/* OFPACT_NAT: address and port ranges in network byte order; a zero (or
 * all-zero) bound is absent.  'family' is 0 (no range), 4 or 6. */
struct ofpact_nat {
	struct ofpact a;
	uint16_t flags;		/* OFPACT_NAT_* */
	uint8_t family;
	uint8_t pad;
	uint32_t ipv4_min, ipv4_max;
	uint8_t ipv6_min[16], ipv6_max[16];
	uint16_t proto_min, proto_max;	/* host byte order */
};

/* OFPACT_CONJUNCTION: this flow is clause 'clause' (0-based) of
 * 'n_clauses' of conjunctive flow 'id'. */
struct ofpact_conjunction {
	struct ofpact a;
	uint8_t clause;
	uint8_t n_clauses;
	uint32_t id;
};

/* OFPACT_FIN_TIMEOUT: timeouts (seconds, 0 = unchanged) the flow takes on
 * when it sees a TCP FIN or RST. */
struct ofpact_fin_timeout {
	struct ofpact a;
	uint16_t idle_timeout;
	uint16_t hard_timeout;
};

/* OFPACT_SAMPLE: sample 'probability' in 65535 packets to the IPFIX
 * collector set. */
struct ofpact_sample {
	struct ofpact a;
	uint16_t probability;
	uint32_t collector_set_id;
	uint32_t obs_domain_id;
	uint32_t obs_point_id;
};

/* OFPACT_OUTPUT_TRUNC: output to 'port' truncated to 'max_len' bytes. */
struct ofpact_output_trunc {
	struct ofpact a;
	uint32_t port;
	uint32_t max_len;
};

/* OFPACT_CHECK_PKT_LARGER: sets the 1-bit 'dst' to whether the packet
 * is longer than 'pkt_len' bytes. */
struct ofpact_check_pkt_larger {
	struct ofpact a;
	uint16_t pkt_len;
	struct mf_subfield dst;
};

/* OFPACT_MULTIPATH: hashes 'fields' (NX_HASH_FIELDS_*: 0 eth_src,
 * 1 symmetric_l4, 2 symmetric_l3l4, 3 symmetric_l3l4+udp, 4 nw_src,
 * 5 nw_dst, 6 symmetric_l3) with 'basis', picks one of max_link + 1 links
 * by 'algorithm' (0 modulo_n, 1 hash_threshold, 2 hrw, 3 iter_hash; 'arg'
 * is its parameter) and writes the link number to 'dst'. */
struct ofpact_multipath {
	struct ofpact a;
	uint16_t fields;
	uint16_t basis;
	uint16_t algorithm;
	uint16_t max_link;
	uint32_t arg;
	struct mf_subfield dst;
};

/* OFPACT_BUNDLE: picks one of the live 'members' (1.1+ port numbers) by
 * 'algorithm' (0 active_backup, 1 hrw) over a hash of 'fields' (as
 * multipath's) and outputs to it ("bundle"), or with 'dst.field' set,
 * writes its number there ("bundle_load"). */
struct ofpact_bundle {
	struct ofpact a;
	uint16_t algorithm;
	uint16_t fields;
	uint16_t basis;
	uint16_t n_members;
	struct mf_subfield dst;
	uint32_t members[];
};

/* learn() flags (NX_LEARN_F_*). */
#define OFPACT_LEARN_SEND_FLOW_REM	0x0001
#define OFPACT_LEARN_DELETE_LEARNED	0x0002

/* Where a learn spec takes its bits, and what the new flow does with
 * them (the wire's NX_LEARN_SRC_* and NX_LEARN_DST_* values). */
#define OFPACT_LEARN_SRC_FIELD		0x0000
#define OFPACT_LEARN_SRC_IMMEDIATE	0x2000
#define OFPACT_LEARN_DST_MATCH		0x0000
#define OFPACT_LEARN_DST_LOAD		0x0800
#define OFPACT_LEARN_DST_OUTPUT		0x1000

/* One spec of a learn: 'n_bits' bits from 'src' (or the immediate 'imm',
 * right-aligned network order, the low DIV_ROUND_UP(n_bits, 8) bytes of
 * its 16) go to 'dst' as a match, a load, or the output port. */
struct ofpact_learn_spec {
	uint16_t src_type;	/* OFPACT_LEARN_SRC_* */
	uint16_t dst_type;	/* OFPACT_LEARN_DST_* */
	uint16_t n_bits;
	uint8_t pad[2];
	struct mf_subfield src;
	struct mf_subfield dst;
	uint8_t imm[16];
};

/* OFPACT_LEARN: adds or refreshes a flow in 'table_id'; 'n_specs' specs
 * follow this header, up to a.len. */
struct ofpact_learn {
	struct ofpact a;
	uint16_t idle_timeout;
	uint16_t hard_timeout;
	uint16_t priority;
	uint16_t flags;		/* OFPACT_LEARN_* */
	uint16_t fin_idle_timeout;
	uint16_t fin_hard_timeout;
	uint16_t n_specs;
	uint8_t table_id;
	uint8_t pad[3];
	uint64_t cookie;
	struct ofpact_learn_spec specs[];
};

/* OFPACT_STACK_PUSH / _POP: the subfield pushed from or popped into. */
struct ofpact_stack {
	struct ofpact a;
	struct mf_subfield sf;
};

static inline struct ofpact *ofpact_next(const struct ofpact *a)
{
	return (struct ofpact *) ((uint8_t *) a + a->len);
}

static inline const struct ofpact *ofpact_end(const void *acts, size_t len)
{
	/* An empty list may be a NULL buffer. */
	return len ? (const struct ofpact *) ((const uint8_t *) acts + len)
		: (const struct ofpact *) acts;
}

/* Walks the actions of 'ACTS' ('LEN' bytes). */
#define OFPACT_FOR_EACH(A, ACTS, LEN)					\
	for ((A) = (ACTS); (A) < ofpact_end(ACTS, LEN); (A) = ofpact_next(A))

/* The nested list of a write_actions or ct. */
static inline size_t ofpact_nest_ofs(const struct ofpact *a)
{
	return a->type == OFPACT_CT ? (sizeof(struct ofpact_ct) + 7) / 8 * 8
		: sizeof(struct ofpact_nest);
}

static inline const struct ofpact *ofpact_nest_actions(const struct ofpact *a)
{
	return (const struct ofpact *) ((const uint8_t *) a
					+ ofpact_nest_ofs(a));
}

static inline size_t ofpact_nest_len(const struct ofpact *a)
{
	return a->len - ofpact_nest_ofs(a);
}

/* The ovs-ofctl name of a type ("output", "write_actions"). */
const char *ofpact_type_name(enum ofpact_type);

/* Appends an action of 'type' with 'len' payload-and-header bytes zeroed
 * (rounded up to OFPACT_ALIGN) and returns it; valid until 'out' grows. */
struct ofpact *ofpact_put(struct bytebuf *out, enum ofpact_type type,
			  size_t len);

/* Decodes an OpenFlow action list of 'version' into ofpacts appended to
 * 'out'.  On error 'out' is as it was. */
enum ofperr ofpacts_decode_actions(const void *, size_t, enum ofp_version,
				   struct bytebuf *out);
/* Decodes an OpenFlow 1.1+ instruction list. */
enum ofperr ofpacts_decode_instructions(const void *, size_t,
					enum ofp_version, struct bytebuf *out);

/* Encodes 'acts' (actions only) as a 'version' action list appended to
 * 'out'.  OFPBAC_BAD_TYPE (or the action's own error) when some action has
 * no form in 'version'; 'out' is then as it was. */
enum ofperr ofpacts_encode_actions(const void *acts, size_t len,
				   enum ofp_version, struct bytebuf *out);
/* Encodes actions and instructions as a 1.1+ instruction list (top-level
 * actions inside one apply_actions).  For OpenFlow 1.0, which has none,
 * goto_table becomes resubmit(,N) as ovs-ofctl does, and the other
 * instructions are OFPBIC_UNSUP_INST. */
enum ofperr ofpacts_encode_instructions(const void *acts, size_t len,
					enum ofp_version, struct bytebuf *out);

/* ovs-ofctl text.  Parse appends to 'out' and returns NULL, or a malloc'd
 * error naming the action and bad value ('out' is then as it was). */
char *ofpacts_parse(const char *text, struct bytebuf *out);
void ofpacts_format(struct odp_text *, const void *acts, size_t len);
char *ofpacts_to_string(const void *acts, size_t len);

/* Checks 'acts' against the flow's 'match' as a switch does before
 * installing a flow: ports below 'max_ports' (1.1+ numbering) or reserved,
 * field prerequisites (set_field and move need what they touch to exist,
 * taking pushes and pops before them into account), goto_table forward of
 * 'table_id' and below 'n_tables'.  'match' is not changed; the actions
 * note what encoding needs to know of it (whether a VLAN tag exists
 * before mod_vlan_vid), so check before encoding. */
enum ofperr ofpacts_check(void *acts, size_t len,
			  const struct of_match *match, uint32_t max_ports,
			  uint8_t table_id, uint8_t n_tables);

bool ofpacts_equal(const void *a, size_t a_len, const void *b, size_t b_len);

#endif
