/* The control channel's server: accepts connections on the poll loop,
 * takes JSON-RPC requests off each, runs the command and queues the reply.
 * A connection whose peer is slow to read its replies is not read from
 * until they have drained, so one client cannot make the daemon buffer
 * without bound. */
#include "unixctl.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "jsonrpc.h"
#include "poll-loop.h"
#include "unix-socket.h"
#include "xalloc.h"

#define UNIXCTL_MAX_REQUEST (1024 * 1024)
#define UNIXCTL_MAX_CONNS 64

struct unixctl_command {
	char *name;
	char *usage;
	int min_args, max_args;
	unixctl_cb *cb;
	void *aux;
};

struct unixctl_conn {
	struct unixctl_server *server;
	struct jsonrpc *rpc;
	struct unixctl_conn *next;
};

struct unixctl_server {
	char *path;
	int fd;
	struct poll_loop *loop;
	struct unixctl_command *commands;
	size_t n_commands;
	struct unixctl_conn *conns;
	size_t n_conns;
};

static const struct unixctl_command *
unixctl_command_find(const struct unixctl_server *server, const char *name)
{
	for (size_t i = 0; i < server->n_commands; i++)
		if (!strcmp(server->commands[i].name, name))
			return &server->commands[i];
	return NULL;
}

static int unixctl_command_cmp(const void *a_, const void *b_)
{
	const struct unixctl_command *a = a_, *b = b_;

	return strcmp(a->name, b->name);
}

void unixctl_command_register(struct unixctl_server *server,
			      const char *name, const char *usage,
			      int min_args, int max_args,
			      unixctl_cb *cb, void *aux)
{
	struct unixctl_command *cmds;

	cmds = xrealloc(server->commands,
			(server->n_commands + 1) * sizeof *cmds);
	cmds[server->n_commands++] = (struct unixctl_command){
		.name = xstrdup(name), .usage = xstrdup(usage ? usage : ""),
		.min_args = min_args, .max_args = max_args,
		.cb = cb, .aux = aux,
	};
	/* Sorted, so that list-commands reads alphabetically. */
	qsort(cmds, server->n_commands, sizeof *cmds, unixctl_command_cmp);
	server->commands = cmds;
}

static int unixctl_list_commands(int argc, const char *argv[], FILE *out,
				 void *server_)
{
	const struct unixctl_server *server = server_;

	fputs("The available commands are:\n", out);
	for (size_t i = 0; i < server->n_commands; i++)
		fprintf(out, "  %-23s %s\n", server->commands[i].name,
			server->commands[i].usage);
	return 0;
}

/* Checks a request against its command; NULL, or why it can't run. */
static char *unixctl_check(const struct unixctl_command *cmd,
			   const struct jsonrpc_msg *req)
{
	size_t n = json_array_size(req->params);

	if (!cmd)
		return xasprintf("\"%s\" is not a valid command (use "
				 "\"list-commands\" to see a list of valid "
				 "commands)", req->method);
	for (size_t i = 0; i < n; i++)
		if (!json_is_string(json_array_get(req->params, i)))
			return xstrdup("command arguments must be strings");
	if (n < (size_t)cmd->min_args)
		return xasprintf("\"%s\" command takes at least %d "
				 "arguments", cmd->name, cmd->min_args);
	if (n > (size_t)cmd->max_args)
		return xasprintf("\"%s\" command takes at most %d arguments",
				 cmd->name, cmd->max_args);
	return NULL;
}

/* Runs a checked command; the reply text goes to '*text'. */
static int unixctl_run(const struct unixctl_command *cmd,
		       const struct jsonrpc_msg *req, char **text)
{
	size_t n = json_array_size(req->params), size;
	const char **argv = xcalloc(n + 2, sizeof *argv);
	FILE *out = open_memstream(text, &size);
	int rc;

	if (!out)
		abort();
	argv[0] = cmd->name;
	for (size_t i = 0; i < n; i++)
		argv[i + 1] = json_string_value(json_array_get(req->params, i));
	rc = cmd->cb(n + 1, argv, out, cmd->aux);
	fclose(out);
	free(argv);
	return rc;
}

/* A JSON string of 'text', or of a note that it could not be one. */
static json_t *unixctl_text(const char *text)
{
	json_t *json = json_string(text);

	return json ? json : json_string("(output is not valid UTF-8)");
}

static struct jsonrpc_msg *unixctl_answer(struct unixctl_server *server,
					  const struct jsonrpc_msg *req)
{
	const struct unixctl_command *cmd = unixctl_command_find(server,
								 req->method);
	char *text = unixctl_check(cmd, req);
	bool ok = !text;
	struct jsonrpc_msg *reply;

	if (ok)
		ok = !unixctl_run(cmd, req, &text);
	reply = ok ? jsonrpc_create_reply(unixctl_text(text), req->id)
		   : jsonrpc_create_error(unixctl_text(text), req->id);
	free(text);
	return reply;
}

static void unixctl_send_error(struct unixctl_conn *conn, const char *why)
{
	struct jsonrpc_msg *msg = jsonrpc_create_error(unixctl_text(why),
						       NULL);

	jsonrpc_send(conn->rpc, msg);
	jsonrpc_msg_destroy(msg);
}

static void unixctl_conn_close(struct unixctl_conn *conn)
{
	struct unixctl_server *server = conn->server;
	struct unixctl_conn **p;

	for (p = &server->conns; *p != conn; p = &(*p)->next)
		continue;
	*p = conn->next;
	server->n_conns--;
	poll_loop_remove(server->loop, jsonrpc_fd(conn->rpc));
	jsonrpc_close(conn->rpc);
	free(conn);
}

enum unixctl_state { UNIXCTL_MORE, UNIXCTL_IDLE, UNIXCTL_CLOSED };

/* Answers one message, if one has arrived. */
static enum unixctl_state unixctl_conn_handle(struct unixctl_conn *conn)
{
	struct jsonrpc_msg *msg;
	int error = jsonrpc_recv(conn->rpc, &msg);

	if (error == -EAGAIN)
		return UNIXCTL_IDLE;
	if (error == -EBADMSG || error == -EPROTO || error == -EMSGSIZE)
		unixctl_send_error(conn, jsonrpc_error(conn->rpc));
	if (error)
		return error == -EBADMSG ? UNIXCTL_MORE : UNIXCTL_CLOSED;
	/* Notifications get no answer, and replies were not asked for. */
	if (msg->type == JSONRPC_REQUEST) {
		struct jsonrpc_msg *reply = unixctl_answer(conn->server, msg);
		error = jsonrpc_send(conn->rpc, reply);
		jsonrpc_msg_destroy(reply);
	}
	jsonrpc_msg_destroy(msg);
	return error ? UNIXCTL_CLOSED : UNIXCTL_MORE;
}

/* Answers requests until none is left or replies back up. */
static void unixctl_conn_serve(struct unixctl_conn *conn)
{
	enum unixctl_state state = UNIXCTL_MORE;

	while (state == UNIXCTL_MORE && !jsonrpc_backlog(conn->rpc))
		state = unixctl_conn_handle(conn);
	if (state == UNIXCTL_CLOSED) {
		unixctl_conn_close(conn);
		return;
	}
	poll_loop_set_events(conn->server->loop, jsonrpc_fd(conn->rpc),
			     jsonrpc_backlog(conn->rpc) ? POLLOUT : POLLIN);
}

static void unixctl_conn_event(int fd, short revents, void *conn_)
{
	struct unixctl_conn *conn = conn_;

	if (jsonrpc_flush(conn->rpc) < 0)
		unixctl_conn_close(conn);
	else
		unixctl_conn_serve(conn);
}

static void unixctl_accept(int fd, short revents, void *server_)
{
	struct unixctl_server *server = server_;
	int cfd = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

	if (cfd < 0)
		return;
	if (server->n_conns >= UNIXCTL_MAX_CONNS) {
		close(cfd);
		return;
	}
	struct unixctl_conn *conn = xcalloc(1, sizeof *conn);
	conn->server = server;
	conn->rpc = jsonrpc_open(cfd, UNIXCTL_MAX_REQUEST);
	if (poll_loop_add(server->loop, cfd, POLLIN, unixctl_conn_event,
			  conn)) {
		jsonrpc_close(conn->rpc);
		free(conn);
		return;
	}
	conn->next = server->conns;
	server->conns = conn;
	server->n_conns++;
}

int unixctl_server_create(const char *path, struct poll_loop *loop,
			  struct unixctl_server **serverp)
{
	struct unixctl_server *server;
	int fd = unix_socket_listen(path);

	*serverp = NULL;
	if (fd < 0)
		return fd;
	server = xcalloc(1, sizeof *server);
	server->path = xstrdup(path);
	server->fd = fd;
	server->loop = loop;
	int error = poll_loop_add(loop, fd, POLLIN, unixctl_accept, server);
	if (error) {
		unixctl_server_destroy(server);
		return error;
	}
	unixctl_command_register(server, "list-commands", "", 0, 0,
				 unixctl_list_commands, server);
	*serverp = server;
	return 0;
}

void unixctl_server_destroy(struct unixctl_server *server)
{
	if (!server)
		return;
	while (server->conns) {
		jsonrpc_flush(server->conns->rpc);
		unixctl_conn_close(server->conns);
	}
	poll_loop_remove(server->loop, server->fd);
	close(server->fd);
	unlink(server->path);
	for (size_t i = 0; i < server->n_commands; i++) {
		free(server->commands[i].name);
		free(server->commands[i].usage);
	}
	free(server->commands);
	free(server->path);
	free(server);
}

const char *unixctl_server_path(const struct unixctl_server *server)
{
	return server->path;
}
