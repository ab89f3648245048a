/* JSON-RPC 1.0 messages: construction, and the checks that a received
 * object has one of the four shapes before anyone looks inside it. */
#include "jsonrpc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static struct jsonrpc_msg *jsonrpc_msg_new(enum jsonrpc_msg_type type)
{
	struct jsonrpc_msg *msg = xcalloc(1, sizeof *msg);

	msg->type = type;
	return msg;
}

struct jsonrpc_msg *jsonrpc_create_request(const char *method,
					   json_t *params, json_t *id)
{
	struct jsonrpc_msg *msg = jsonrpc_msg_new(id && !json_is_null(id)
						  ? JSONRPC_REQUEST
						  : JSONRPC_NOTIFY);
	msg->method = xstrdup(method);
	msg->params = params ? params : json_array();
	msg->id = id ? id : json_null();
	return msg;
}

struct jsonrpc_msg *jsonrpc_create_reply(json_t *result, const json_t *id)
{
	struct jsonrpc_msg *msg = jsonrpc_msg_new(JSONRPC_REPLY);

	msg->result = result;
	msg->id = id ? json_deep_copy(id) : json_null();
	return msg;
}

struct jsonrpc_msg *jsonrpc_create_error(json_t *error, const json_t *id)
{
	struct jsonrpc_msg *msg = jsonrpc_msg_new(JSONRPC_ERROR);

	msg->error = error;
	msg->id = id ? json_deep_copy(id) : json_null();
	return msg;
}

void jsonrpc_msg_destroy(struct jsonrpc_msg *msg)
{
	if (!msg)
		return;
	free(msg->method);
	json_decref(msg->params);
	json_decref(msg->result);
	json_decref(msg->error);
	json_decref(msg->id);
	free(msg);
}

static int jsonrpc_reject(char *err, size_t size, const char *fmt, ...)
{
	va_list args;

	if (err && size) {
		va_start(args, fmt);
		vsnprintf(err, size, fmt, args);
		va_end(args);
	}
	return -EPROTO;
}

static const char *const jsonrpc_members[] = {
	"method", "params", "result", "error", "id",
};

static const char *jsonrpc_unexpected_member(const json_t *json)
{
	const char *key;
	json_t *value;

	json_object_foreach((json_t *)json, key, value) {
		size_t i, n = sizeof jsonrpc_members / sizeof *jsonrpc_members;
		for (i = 0; i < n; i++)
			if (!strcmp(key, jsonrpc_members[i]))
				break;
		if (i == n)
			return key;
	}
	return NULL;
}

/* Sorts a checked object into one of the four shapes, or says why not. */
static const char *jsonrpc_classify(const json_t *json,
				    enum jsonrpc_msg_type *type)
{
	json_t *method = json_object_get(json, "method");
	json_t *params = json_object_get(json, "params");
	json_t *result = json_object_get(json, "result");
	json_t *error = json_object_get(json, "error");
	json_t *id = json_object_get(json, "id");

	if (method) {
		if (!json_is_string(method))
			return "\"method\" is not a string";
		if (!json_is_array(params))
			return "request \"params\" is missing or not an array";
		if (result || error)
			return "request has \"result\" or \"error\"";
		*type = id && !json_is_null(id) ? JSONRPC_REQUEST
						: JSONRPC_NOTIFY;
		return NULL;
	}
	if (params)
		return "\"params\" without \"method\"";
	if (!id)
		return "reply has no \"id\"";
	if (error && !json_is_null(error)) {
		if (result && !json_is_null(result))
			return "reply has both \"result\" and \"error\"";
		*type = JSONRPC_ERROR;
		return NULL;
	}
	if (!result)
		return "message is neither a request nor a reply";
	*type = JSONRPC_REPLY;
	return NULL;
}

static json_t *jsonrpc_member(const json_t *json, const char *name)
{
	json_t *value = json_object_get(json, name);

	return value ? json_incref(value) : NULL;
}

int jsonrpc_msg_from_json(const json_t *json, struct jsonrpc_msg **msgp,
			  char *err, size_t err_size)
{
	enum jsonrpc_msg_type type;
	const char *why, *key;

	*msgp = NULL;
	if (!json_is_object(json))
		return jsonrpc_reject(err, err_size,
				      "message is not a JSON object");
	key = jsonrpc_unexpected_member(json);
	if (key)
		return jsonrpc_reject(err, err_size,
				      "message has unexpected member \"%.40s\"",
				      key);
	why = jsonrpc_classify(json, &type);
	if (why)
		return jsonrpc_reject(err, err_size, "%s", why);

	struct jsonrpc_msg *msg = jsonrpc_msg_new(type);
	if (type == JSONRPC_REQUEST || type == JSONRPC_NOTIFY) {
		msg->method = xstrdup(json_string_value(
			json_object_get(json, "method")));
		msg->params = jsonrpc_member(json, "params");
	} else if (type == JSONRPC_REPLY) {
		msg->result = jsonrpc_member(json, "result");
	} else {
		msg->error = jsonrpc_member(json, "error");
	}
	msg->id = jsonrpc_member(json, "id");
	if (!msg->id)
		msg->id = json_null();
	*msgp = msg;
	return 0;
}

static json_t *jsonrpc_or_null(json_t *value)
{
	return value ? json_incref(value) : json_null();
}

json_t *jsonrpc_msg_to_json(const struct jsonrpc_msg *msg)
{
	json_t *json = json_object();

	if (msg->type == JSONRPC_REQUEST || msg->type == JSONRPC_NOTIFY) {
		json_object_set_new(json, "method", json_string(msg->method));
		json_object_set_new(json, "params",
				    jsonrpc_or_null(msg->params));
	} else {
		json_object_set_new(json, "result",
				    jsonrpc_or_null(msg->result));
		json_object_set_new(json, "error",
				    jsonrpc_or_null(msg->error));
	}
	json_object_set_new(json, "id", jsonrpc_or_null(msg->id));
	return json;
}
