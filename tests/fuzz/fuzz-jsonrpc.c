/* libFuzzer: the JSON-RPC framer and message checks, which see whatever a
 * local client writes to a daemon's control socket.  The first byte picks
 * a read size; the rest is the stream.  Whatever the split, the framer must
 * yield the same values and errors as when the stream comes in one piece,
 * and every message it accepts must survive a round trip. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json-stream.h"
#include "jsonrpc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_VALUE 2048
#define MAX_EVENTS 64

/* What came out of the stream: return codes, and values as text. */
struct events {
	int n;
	int rc[MAX_EVENTS];
	char *text[MAX_EVENTS];
};

static void check_message(const json_t *json)
{
	struct jsonrpc_msg *msg, *back;
	char err[128];

	if (jsonrpc_msg_from_json(json, &msg, err, sizeof err))
		return;
	json_t *again = jsonrpc_msg_to_json(msg);
	if (jsonrpc_msg_from_json(again, &back, err, sizeof err) ||
	    back->type != msg->type || !json_equal(back->id, msg->id))
		abort();
	jsonrpc_msg_destroy(back);
	jsonrpc_msg_destroy(msg);
	json_decref(again);
}

/* Takes every value now complete, until the stream wants more. */
static bool drain(struct json_stream *s, struct events *ev)
{
	json_t *json;
	int rc;

	while (ev->n < MAX_EVENTS &&
	       (rc = json_stream_next(s, &json)) != -EAGAIN) {
		ev->rc[ev->n] = rc;
		ev->text[ev->n] = NULL;
		if (!rc) {
			if (!json_is_object(json) && !json_is_array(json))
				abort();
			check_message(json);
			ev->text[ev->n] = json_dumps(json, JSON_COMPACT);
			json_decref(json);
		}
		ev->n++;
		if (rc == -EPROTO || rc == -EMSGSIZE)
			return false;
	}
	return ev->n < MAX_EVENTS;
}

static void run(const uint8_t *data, size_t size, size_t chunk,
		struct events *ev)
{
	struct json_stream s;

	json_stream_init(&s, MAX_VALUE);
	for (size_t ofs = 0; ofs < size; ofs += chunk) {
		size_t n = size - ofs < chunk ? size - ofs : chunk;
		json_stream_feed(&s, data + ofs, n);
		if (!drain(&s, ev))
			break;
	}
	json_stream_destroy(&s);
}

static void events_free(struct events *ev)
{
	for (int i = 0; i < ev->n; i++)
		free(ev->text[i]);
}

static bool same(const struct events *a, const struct events *b)
{
	if (a->n != b->n)
		return false;
	for (int i = 0; i < a->n; i++)
		if (a->rc[i] != b->rc[i] ||
		    (a->text[i] && strcmp(a->text[i], b->text[i])))
			return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct events whole = { 0 }, split = { 0 };

	if (size < 1 || size > 16384)
		return 0;
	size_t chunk = data[0] % 17 + 1;
	run(data + 1, size - 1, size, &whole);
	run(data + 1, size - 1, chunk, &split);
	/* Cut short by MAX_EVENTS, the two may stop at different places. */
	if (whole.n < MAX_EVENTS && split.n < MAX_EVENTS &&
	    !same(&whole, &split))
		abort();
	events_free(&whole);
	events_free(&split);
	return 0;
}
