/* The translation context shared by the xlate-*.c families. */
#ifndef WEIR_XLATE_PRIVATE_H
#define WEIR_XLATE_PRIVATE_H 1

#include "bytebuf.h"
#include "ofp-actions.h"
#include "recirc.h"
#include "xlate.h"

struct xlate_ctx {
	const struct xlate_ops *ops;
	void *aux;
	const struct xlate_in *xin;
	struct xlate_out *xout;

	struct of_flow flow;		/* as the actions so far make it */
	struct of_flow base;		/* as the datapath's packet is now */
	struct of_flow *wc;		/* &xout->wc */
	uint32_t orig_in_port;		/* the packet's own, for IN_PORT */

	uint8_t table_id;
	uint64_t rule_cookie;		/* as xlate_rule has it */
	bool rule_is_table_miss;	/* likewise */
	int depth;
	int resubmits;
	bool exit;			/* stop running actions */
	bool was_mpls;			/* popped to a header not yet parsed */
	bool mpls_push_pending;		/* a label pushed onto a label */
	unsigned int mpls_stack_ops;	/* label pushes/pops that a commit
					 * cannot undo */
	int clone_depth;		/* datapath clone() nesting */
	bool in_action_set;
	bool in_group;

	struct bytebuf action_set;	/* write_actions, merged */
	struct bytebuf stack;		/* push:/pop: values, 16 bytes each */

	/* Freezing: each level's remaining actions, innermost first. */
	bool freezing;
	bool freeze_pause;		/* for a paused controller action */
	struct bytebuf frozen_acts;
	struct bytebuf frozen_frames;	/* struct recirc_frame */
	uint32_t pause_cookie_ofs;	/* where its cookie is in actions */
};

/* Appends 'n' bytes, none being a no-op even on an empty buffer. */
static inline void xlate_buf_put(struct bytebuf *b, const void *p, size_t n)
{
	if (n)
		bytebuf_put(b, p, n);
}

/* xlate.c */
/* Runs an action list; true if an action ended it early (an expired TTL). */
bool xlate_run(struct xlate_ctx *, const void *ofpacts, size_t len);
void xlate_table(struct xlate_ctx *, uint32_t in_port, uint8_t table_id,
		 bool honor_miss, bool with_ct);
void xlate_add_owner(struct xlate_ctx *, void *owner);
/* False (with the error set) past the depth, resubmit or stack limits. */
bool xlate_resource_check(struct xlate_ctx *);
void xlate_set_error(struct xlate_ctx *, enum xlate_error);
void xlate_wc_or(struct xlate_ctx *, const void *field, size_t n);
#define XLATE_WC(CTX, FIELD) \
	xlate_wc_or(CTX, &(CTX)->flow.FIELD, sizeof (CTX)->flow.FIELD)
void xlate_freeze(struct xlate_ctx *);
void xlate_commit(struct xlate_ctx *);
bool xlate_add_recirc_ref(struct xlate_ctx *, uint32_t id);

/* Clone and group buckets: changes inside stay inside.  The flow comes
 * back as it was; header changes the next commit can revert stay in the
 * datapath packet, and when the packet's label stack changed, which it
 * cannot revert, the actions of the run go in a datapath clone(). */
struct xlate_isolation {
	uint32_t ofs;			/* where the run's actions start */
	struct of_flow flow, base;
	bool was_mpls, mpls_push_pending;
	unsigned int mpls_stack_ops;
};
void xlate_isolate_begin(struct xlate_ctx *, struct xlate_isolation *);
void xlate_isolate_end(struct xlate_ctx *, const struct xlate_isolation *);

/* xlate-output.c */
void xlate_output(struct xlate_ctx *, uint32_t port, uint16_t max_len,
		  uint32_t trunc);
void xlate_controller(struct xlate_ctx *, const struct ofpact_controller *,
		      uint8_t reason);
void xlate_controller_simple(struct xlate_ctx *, uint16_t max_len,
			     uint8_t reason, uint16_t controller_id);
void xlate_group(struct xlate_ctx *, uint32_t group_id);
void xlate_output_reg(struct xlate_ctx *, const struct ofpact_output_reg *);

/* xlate-field.c */
void xlate_set_field(struct xlate_ctx *, const struct ofpact_set_field *);
void xlate_reg_move(struct xlate_ctx *, const struct ofpact_reg_move *);
void xlate_write_metadata(struct xlate_ctx *, const struct ofpact_metadata *);
void xlate_stack_push(struct xlate_ctx *, const struct ofpact_stack *);
void xlate_stack_pop(struct xlate_ctx *, const struct ofpact_stack *);
bool xlate_dec_ttl(struct xlate_ctx *, const struct ofpact_dec_ttl *);
void xlate_set_ip_ttl(struct xlate_ctx *, uint8_t ttl);
uint64_t xlate_subfield_get(struct xlate_ctx *, const struct mf_subfield *);
void xlate_subfield_read(struct xlate_ctx *, const struct mf_subfield *,
			 union mf_value *);
void xlate_subfield_write(struct xlate_ctx *, const struct mf_subfield *,
			  const union mf_value *);
/* A right-aligned subfield value as the field-shaped value and mask that
 * set_field or a match take. */
void xlate_subfield_place(const struct mf_subfield *,
			  const union mf_value *in, union mf_value *value,
			  union mf_value *mask);
bool xlate_field_present(struct xlate_ctx *, const struct mf_field *);

/* xlate-vlan-mpls.c */
void xlate_set_vlan_vid(struct xlate_ctx *, const struct ofpact_vlan *);
void xlate_set_vlan_pcp(struct xlate_ctx *, const struct ofpact_vlan *);
void xlate_strip_vlan(struct xlate_ctx *);
void xlate_push_vlan(struct xlate_ctx *, uint16_t tpid);
void xlate_push_mpls(struct xlate_ctx *, uint16_t ethertype);
void xlate_pop_mpls(struct xlate_ctx *, uint16_t ethertype);
void xlate_set_mpls_label(struct xlate_ctx *, uint32_t label);
void xlate_set_mpls_tc(struct xlate_ctx *, uint8_t tc);
void xlate_set_mpls_ttl(struct xlate_ctx *, uint8_t ttl);
bool xlate_dec_mpls_ttl(struct xlate_ctx *);
bool xlate_needs_recirc(const struct xlate_ctx *, const struct ofpact *);

/* xlate-learn.c */
void xlate_learn(struct xlate_ctx *, const struct ofpact_learn *);

/* xlate-clone.c */
void xlate_clone(struct xlate_ctx *, const struct ofpact *);
void xlate_write_actions(struct xlate_ctx *, const struct ofpact *);
void xlate_clear_actions(struct xlate_ctx *);
void xlate_action_set_run(struct xlate_ctx *);

#endif /* WEIR_XLATE_PRIVATE_H */
