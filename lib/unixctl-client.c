/* The control channel's client side: finding a daemon's socket from an
 * ovs-appctl style target, and one command's round trip. */
#include "unixctl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dirs.h"
#include "jsonrpc.h"
#include "unix-socket.h"
#include "xalloc.h"

/* Replies can be long (a dump of every flow); this only guards against a
 * peer that never ends its message. */
#define UNIXCTL_MAX_REPLY (1024 * 1024 * 1024)

static bool unixctl_is_socket(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISSOCK(st.st_mode);
}

/* NAME.PID.ctl, with PID from NAME.pid, or NULL. */
static char *unixctl_pid_socket(const char *dir, const char *target)
{
	char *pidfile = xasprintf("%s/%s.pid", dir, target);
	FILE *f = fopen(pidfile, "r");
	char *path = NULL;
	long pid;

	free(pidfile);
	if (!f)
		return NULL;
	if (fscanf(f, "%ld", &pid) == 1 && pid > 0)
		path = xasprintf("%s/%s.%ld.ctl", dir, target, pid);
	fclose(f);
	return path;
}

char *unixctl_target_path(const char *target)
{
	const char *dir = weir_rundir();

	if (strchr(target, '/'))
		return xstrdup(target);
	char *path = xasprintf("%s/%s.ctl", dir, target);
	if (unixctl_is_socket(path))
		return path;
	char *by_pid = unixctl_pid_socket(dir, target);
	if (by_pid && unixctl_is_socket(by_pid)) {
		free(path);
		return by_pid;
	}
	free(by_pid);
	return path;            /* for the error message: the usual place */
}

static json_t *unixctl_params(int argc, char *const args[])
{
	json_t *params = json_array();

	for (int i = 0; i < argc; i++) {
		json_t *s = json_string(args[i]);
		if (!s) {
			json_decref(params);
			return NULL;
		}
		json_array_append_new(params, s);
	}
	return params;
}

/* The text of a reply's result or error, whatever JSON it is. */
static char *unixctl_reply_text(const json_t *json)
{
	if (json_is_string(json))
		return xstrdup(json_string_value(json));
	char *s = json_dumps(json, JSON_ENCODE_ANY | JSON_COMPACT);
	return s ? s : xstrdup("(unprintable reply)");
}

static int unixctl_exchange(struct jsonrpc *rpc, const char *command,
			    json_t *params, int timeout_ms,
			    char **result, char **error)
{
	struct jsonrpc_msg *req = jsonrpc_create_request(command, params,
							 json_integer(0));
	struct jsonrpc_msg *reply;
	int rc = jsonrpc_transact(rpc, req, timeout_ms, &reply);

	jsonrpc_msg_destroy(req);
	if (rc) {
		*error = rc == -ETIMEDOUT ? xstrdup("timed out")
			 : *jsonrpc_error(rpc) ? xstrdup(jsonrpc_error(rpc))
			 : xstrdup(strerror(-rc));
		return rc;
	}
	if (reply->type == JSONRPC_ERROR)
		*error = unixctl_reply_text(reply->error);
	else
		*result = unixctl_reply_text(reply->result);
	jsonrpc_msg_destroy(reply);
	return 0;
}

int unixctl_client_transact(const char *path, const char *command,
			    int argc, char *const args[], int timeout_ms,
			    char **result, char **error)
{
	json_t *params = unixctl_params(argc, args), *method;

	*result = *error = NULL;
	method = json_string(command);
	json_decref(method);
	if (!params || !method) {
		json_decref(params);
		*error = xstrdup("arguments must be valid UTF-8");
		return -EINVAL;
	}
	int fd = unix_socket_connect(path);
	if (fd < 0) {
		json_decref(params);
		*error = xasprintf("cannot connect to \"%s\" (%s)", path,
				   strerror(-fd));
		return fd;
	}
	struct jsonrpc *rpc = jsonrpc_open(fd, UNIXCTL_MAX_REPLY);
	int rc = unixctl_exchange(rpc, command, params, timeout_ms,
				  result, error);
	jsonrpc_close(rpc);
	return rc;
}

int unixctl_client_run(const char *program, const char *path,
		       const char *command, int argc, char *const args[],
		       int timeout_ms)
{
	char *result, *error;
	int rc = unixctl_client_transact(path, command, argc, args,
					 timeout_ms, &result, &error);

	if (rc) {
		fprintf(stderr, "%s: %s\n", program, error);
		rc = 1;
	} else if (error) {
		size_t n = strlen(error);
		fprintf(stderr, "%s%s", error,
			n && error[n - 1] == '\n' ? "" : "\n");
		rc = 2;
	} else {
		fputs(result, stdout);
	}
	free(result);
	free(error);
	return rc;
}

int unixctl_parse_timeout(const char *program, const char *s)
{
	char *end;
	long secs = strtol(s, &end, 10);

	if (*end || end == s || secs < 0 || secs > 86400) {
		fprintf(stderr, "%s: bad timeout \"%s\"\n", program, s);
		exit(1);
	}
	return secs ? (int)secs * 1000 : -1;
}
