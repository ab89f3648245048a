/* Recirculation ids and the pipeline state frozen behind each.
 *
 * When translation cannot go on until the datapath has looked at the packet
 * again (after pop_mpls, the L3 header is only known once reparsed; a
 * controller action that pauses), it freezes where it stopped: the table,
 * the metadata and registers, the actions still to run and the action set.
 * The datapath recirculates with the id; the upcall that follows finds the
 * state here and translation resumes.  Equal states share an id.  Ids are
 * reference counted: every megaflow that recirculates to an id holds one. */
#ifndef WEIR_RECIRC_H
#define WEIR_RECIRC_H 1

#include <stddef.h>
#include <stdint.h>

#include "of-flow.h"

/* One run of actions to resume, with the table and rule cookie it ran
 * under (a resubmit's continuation runs in its caller's table). */
struct recirc_frame {
	uint8_t table_id;
	uint64_t cookie;
	size_t ofs, len;		/* into recirc_state.ofpacts */
};

struct recirc_state {
	struct of_flow meta;		/* metadata, registers, in_port */
	uint8_t table_id;		/* where a plain lookup would go */
	const uint8_t *ofpacts;		/* all frames' actions, concatenated */
	size_t ofpacts_len;
	const struct recirc_frame *frames;	/* run in order */
	size_t n_frames;
	const uint8_t *action_set;	/* write_actions so far */
	size_t action_set_len;
	const uint8_t *stack;		/* push:/pop: stack */
	size_t stack_len;
	uint32_t orig_in_port;		/* for IN_PORT after a resubmit */
};

/* An id for 'state' (copied), with one reference: an existing id when an
 * equal state has one.  0 when out of ids or memory. */
uint32_t recirc_alloc(const struct recirc_state *);
/* The state behind 'id', or NULL.  Valid while a reference is held. */
const struct recirc_state *recirc_find(uint32_t id);
/* The same, taking a reference (released with recirc_unref()) so that the
 * state outlives a concurrent release of the last other one. */
const struct recirc_state *recirc_find_ref(uint32_t id);
void recirc_ref(uint32_t id);
/* Frees the state with its last reference. */
void recirc_unref(uint32_t id);
/* Live ids (for tests and memory/show). */
size_t recirc_count(void);

#endif /* WEIR_RECIRC_H */
