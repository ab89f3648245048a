/* libFuzzer: arbitrary text as an ovs-ofctl flow (first byte: the command,
 * add to delete_strict).  Parsing must never crash; what parses must
 * format back into text that parses to the same flow_mod. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ofp-actions.h"
#include "ofp-flow-mod.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || memchr(data, '\0', size))
		return 0;
	int command = data[0] % 5;
	char *text = xasprintf("%.*s", (int)(size - 1), (const char *)data + 1);
	struct bytebuf a1 = BYTEBUF_INITIALIZER, a2 = BYTEBUF_INITIALIZER;
	struct of_flow_mod fm1, fm2;
	uint32_t u1, u2;
	char *error = of_flow_mod_parse(text, command, &fm1, &a1, &u1);

	if (!error) {
		char *again = of_flow_mod_to_text(&fm1);
		error = of_flow_mod_parse(again, command, &fm2, &a2, &u2);
		check(!error);
		check(of_match_equal(&fm1.match, &fm2.match));
		check(fm1.priority == fm2.priority &&
		      fm1.table_id == fm2.table_id &&
		      fm1.cookie == fm2.cookie &&
		      fm1.cookie_mask == fm2.cookie_mask &&
		      fm1.new_cookie == fm2.new_cookie &&
		      fm1.flags == fm2.flags &&
		      fm1.idle_timeout == fm2.idle_timeout &&
		      fm1.hard_timeout == fm2.hard_timeout &&
		      fm1.importance == fm2.importance &&
		      fm1.out_port == fm2.out_port &&
		      fm1.out_group == fm2.out_group);
		check(ofpacts_equal(fm1.ofpacts, fm1.ofpacts_len,
				    fm2.ofpacts, fm2.ofpacts_len));
		free(again);
	}
	free(error);
	free(text);
	bytebuf_uninit(&a1);
	bytebuf_uninit(&a2);
	return 0;
}
