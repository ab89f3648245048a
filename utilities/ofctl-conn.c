/* weir-ofctl: reaching a switch and exchanging messages with it. */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "dirs.h"
#include "ofctl.h"
#include "ofp-multipart.h"
#include "ofp-print.h"
#include "vconn.h"
#include "xalloc.h"

struct ofctl_options ofctl_opts = {
	.versions = 1u << OFP10_VERSION,
	.packet_in_format = -1,
};

/* OpenFlow message types that are the same in every version. */
#define OFCTL_ECHO_REQUEST 2
#define OFCTL_ECHO_REPLY 3

/* The HELLO of each connection takes one too, as in ovs-ofctl. */
static uint32_t next_xid = 1;

uint32_t ofctl_next_xid(void)
{
	return next_xid++;
}

void ofctl_fatal(int error, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "weir-ofctl: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (error == EOF)
		fprintf(stderr, " (End of file)");
	else if (error)
		fprintf(stderr, " (%s)", strerror(error < 0 ? -error : error));
	fputc('\n', stderr);
	exit(1);
}

void ofctl_check_args(int argc, int min, int max, const char *cmd)
{
	int n = argc - 1;

	if (n < min)
		ofctl_fatal(0, "'%s' command requires at least %d arguments",
			    cmd, min);
	if (n > max)
		ofctl_fatal(0, "'%s' command takes at most %d arguments",
			    cmd, max);
}

static const char *rundir(void)
{
	const char *dir = getenv("OVS_RUNDIR");

	return dir && *dir ? dir : weir_rundir();
}

/* 0 with '*vcp' open, -ENOENT if there is no such socket; exits on any
 * other failure. */
static int open_socket(const char *path, struct vconn **vcp)
{
	char *name = xasprintf("unix:%s", path);
	char err[256] = "";
	int error = vconn_open(name, ofctl_opts.versions, vcp, err,
			       sizeof err);

	free(name);
	/* Opening also sends our HELLO, so a switch that hangs up at once
	 * fails here, as in ovs-ofctl. */
	if (!error) {
		error = vconn_connect(*vcp);
		if (error == -EAGAIN || !error)
			return 0;
	}
	if (error != -ENOENT)
		ofctl_fatal(error, "%s: failed to open socket", path);
	return error;
}

static void open_vconn(const char *target, bool snoop, struct vconn **vcp)
{
	char err[256] = "";

	if (strchr(target, ':')) {
		int error = vconn_open(target, ofctl_opts.versions, vcp, err,
				       sizeof err);
		if (error)
			ofctl_fatal(error, "connecting to %s", target);
		return;
	}
	if (!open_socket(target, vcp))
		return;

	char *path = xasprintf("%s/%s.%s", rundir(), target,
			       snoop ? "snoop" : "mgmt");
	int error = open_socket(path, vcp);
	free(path);
	if (error)
		ofctl_fatal(0, "%s is not a bridge or a socket", target);
}

void ofctl_open(struct ofctl_conn *c, const char *target, bool snoop)
{
	int timeout = ofctl_opts.timeout ? ofctl_opts.timeout * 1000 : -1;

	memset(c, 0, sizeof *c);
	c->target = target;
	open_vconn(target, snoop, &c->vconn);
	ofctl_next_xid();

	int error = vconn_connect_block(c->vconn, timeout);
	if (error && strchr(target, ':') && !strncmp(vconn_error(c->vconn),
						     "connect:", 8))
		ofctl_fatal(error, "connecting to %s", target);
	if (error)
		ofctl_fatal(error, "%s: failed to connect to socket", target);
	c->version = vconn_version(c->vconn);
	c->protocol = ofp_protocols_from_versions(1u << c->version) &
		      ~(OFPROTO_OF10_STD_TID | OFPROTO_NXM_ANY);
}

void ofctl_close(struct ofctl_conn *c)
{
	vconn_close(c->vconn);
	c->vconn = NULL;
}

size_t ofctl_start(const struct ofctl_conn *c, struct bytebuf *b,
		   enum ofptype type)
{
	return ofpmsg_start(b, type, c->version, ofctl_next_xid());
}

uint32_t ofctl_xid(const struct bytebuf *msg)
{
	const uint8_t *p = msg->data;

	return (uint32_t)p[4] << 24 | (uint32_t)p[5] << 16 |
	       (uint32_t)p[6] << 8 | p[7];
}

static void wait_readable(struct ofctl_conn *c)
{
	struct pollfd p = {
		vconn_fd(c->vconn), vconn_poll_events(c->vconn, POLLIN), 0
	};

	/* A bounded wait: TLS may hold bytes the descriptor does not show. */
	poll(&p, 1, 100);
}

void ofctl_send(struct ofctl_conn *c, const struct bytebuf *msg)
{
	int error = vconn_send(c->vconn, msg->data, msg->size);

	while (!error && vconn_backlog(c->vconn)) {
		struct pollfd p = {
			vconn_fd(c->vconn),
			vconn_poll_events(c->vconn, POLLOUT), 0
		};
		poll(&p, 1, 100);
		error = vconn_flush(c->vconn);
	}
	if (error)
		ofctl_fatal(error, "failed to send packet to switch");
}

void ofctl_recv(struct ofctl_conn *c, struct bytebuf *msg)
{
	for (;;) {
		int error = vconn_recv(c->vconn, msg);

		if (error == -EAGAIN) {
			vconn_flush(c->vconn);
			wait_readable(c);
			continue;
		}
		if (error == -EPIPE)
			ofctl_fatal(EOF, "OpenFlow packet receive failed");
		if (error)
			ofctl_fatal(error, "OpenFlow packet receive failed");
		if (msg->data[1] != OFCTL_ECHO_REQUEST)
			return;
		msg->data[1] = OFCTL_ECHO_REPLY;
		ofctl_send(c, msg);
	}
}

bool ofctl_try_recv(struct ofctl_conn *c, struct bytebuf *msg)
{
	int error = vconn_recv(c->vconn, msg);

	if (error == -EAGAIN)
		return false;
	if (error)
		ofctl_fatal(error == -EPIPE ? EOF : error,
			    "OpenFlow packet receive failed");
	return true;
}

const char *ofctl_conn_name(const struct ofctl_conn *c)
{
	return vconn_name(c->vconn);
}

void ofctl_transact(struct ofctl_conn *c, const struct bytebuf *req,
		    struct bytebuf *reply)
{
	uint32_t xid = ofctl_xid(req);

	ofctl_send(c, req);
	do {
		ofctl_recv(c, reply);
	} while (ofctl_xid(reply) != xid);
}

bool ofctl_transact_noreply(struct ofctl_conn *c, const struct bytebuf *req,
			    struct bytebuf *reply)
{
	struct bytebuf barrier = BYTEBUF_INITIALIZER;
	struct bytebuf msg = BYTEBUF_INITIALIZER;
	uint32_t xid = ofctl_xid(req);
	bool got = false;

	ofctl_send(c, req);
	ofpmsg_finish(&barrier, ofctl_start(c, &barrier,
					    OFPTYPE_BARRIER_REQUEST));
	ofctl_send(c, &barrier);
	for (;;) {
		ofctl_recv(c, &msg);
		if (ofctl_xid(&msg) == xid) {
			bytebuf_clear(reply);
			bytebuf_put(reply, msg.data, msg.size);
			got = true;
		} else if (ofctl_xid(&msg) == ofctl_xid(&barrier)) {
			break;
		}
	}
	bytebuf_uninit(&msg);
	bytebuf_uninit(&barrier);
	return got;
}

void ofctl_transact_or_die(struct ofctl_conn *c, const struct bytebuf *req)
{
	struct bytebuf reply = BYTEBUF_INITIALIZER;

	if (ofctl_transact_noreply(c, req, &reply)) {
		ofctl_print(stderr, &reply, ofctl_opts.verbosity + 2);
		exit(1);
	}
	bytebuf_uninit(&reply);
}

void ofctl_print(FILE *f, const struct bytebuf *msg, int verbosity)
{
	char *s = ofp_to_string(msg->data, msg->size, verbosity);

	fputs(s, f);
	free(s);
}

enum ofptype ofctl_type(const struct bytebuf *msg, struct ofpmsg *m)
{
	enum ofperr e = ofpmsg_decode(m, msg->data, msg->size);

	if (e)
		ofctl_fatal(0, "received bad reply: %s", ofperr_get_name(e));
	return m->type;
}

void ofctl_dump_transaction(struct ofctl_conn *c, const struct bytebuf *req)
{
	struct bytebuf reply = BYTEBUF_INITIALIZER;
	struct ofpmsg rq, m;
	int v = ofctl_opts.verbosity + 1;

	ofctl_type(req, &rq);
	if (!ofptype_is_stat(rq.type)) {
		ofctl_transact(c, req, &reply);
		ofctl_print(stdout, &reply, v);
		bytebuf_uninit(&reply);
		return;
	}

	uint32_t xid = ofctl_xid(req);
	ofctl_send(c, req);
	for (;;) {
		ofctl_recv(c, &reply);
		if (ofctl_xid(&reply) != xid)
			continue;
		ofctl_print(stdout, &reply, v);
		if (ofctl_type(&reply, &m) == OFPTYPE_ERROR)
			break;
		if (m.type != ofp_multipart_reply_type(rq.type)) {
			char *s = ofp_to_string(reply.data, reply.size, v);
			ofctl_fatal(0, "received bad reply: %s", s);
		}
		if (!(m.mp_flags & OFPSF_REPLY_MORE))
			break;
	}
	bytebuf_uninit(&reply);
}

void ofctl_dump_trivial(const char *target, enum ofptype type)
{
	struct bytebuf req = BYTEBUF_INITIALIZER;
	struct ofctl_conn c;

	ofctl_open(&c, target, false);
	ofpmsg_finish(&req, ofctl_start(&c, &req, type));
	ofctl_dump_transaction(&c, &req);
	bytebuf_uninit(&req);
	ofctl_close(&c);
}

/* One step from the flow format in force towards 'want': the message
 * that takes it, or false when none is needed. */
static bool set_protocol_step(struct ofctl_conn *c, enum ofp_protocol want,
			      struct bytebuf *msg, enum ofp_protocol *next)
{
	uint32_t nxm = OFPROTO_NXM_ANY, tid = OFPROTO_TID;
	bool cur_nxm = c->protocol & nxm, want_nxm = want & nxm;
	bool cur_tid = c->protocol & tid, want_tid = want & tid;

	if (c->version != OFP10_VERSION || c->protocol == want)
		return false;
	if (cur_nxm != want_nxm) {
		size_t start = ofctl_start(c, msg, OFPTYPE_NXT_SET_FLOW_FORMAT);
		bytebuf_put_be32(msg, want_nxm ? 2 : 0);
		ofpmsg_finish(msg, start);
		*next = want_nxm ? (cur_tid ? OFPROTO_OF10_NXM_TID
				   : OFPROTO_OF10_NXM)
			: (cur_tid ? OFPROTO_OF10_STD_TID : OFPROTO_OF10_STD);
		return true;
	}
	size_t start = ofctl_start(c, msg, OFPTYPE_NXT_FLOW_MOD_TABLE_ID);
	uint8_t body[8] = { want_tid };
	bytebuf_put(msg, body, sizeof body);
	ofpmsg_finish(msg, start);
	*next = want;
	return true;
}

bool ofctl_set_protocol(struct ofctl_conn *c, enum ofp_protocol want)
{
	for (;;) {
		struct bytebuf msg = BYTEBUF_INITIALIZER;
		struct bytebuf reply = BYTEBUF_INITIALIZER;
		enum ofp_protocol next;

		if (!set_protocol_step(c, want, &msg, &next))
			return c->protocol == want;
		bool refused = ofctl_transact_noreply(c, &msg, &reply);
		bytebuf_uninit(&msg);
		bytebuf_uninit(&reply);
		if (refused)
			return false;
		c->protocol = next;
	}
}

void ofctl_check_parse(char *error, const char *where)
{
	if (error && where)
		ofctl_fatal(0, "%s: %s", where, error);
	if (error)
		ofctl_fatal(0, "%s", error);
}

int ofctl_command_word(const char **text, const struct ofctl_word *words,
		       size_t n, int dflt)
{
	size_t len = strcspn(*text, " \t\r\n,");

	for (size_t i = 0; i < n; i++)
		if (strlen(words[i].word) == len &&
		    !strncmp(*text, words[i].word, len)) {
			*text += len + strspn(*text + len, " \t,");
			return words[i].command;
		}
	return dflt;
}

void ofctl_read_lines(const char *file,
		      void (*line)(char *text, void *aux, const char *where),
		      void *aux, const char *open_what)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
	char *buf = NULL;
	size_t cap = 0, lineno = 0;

	if (!f)
		ofctl_fatal(errno, "%s: %s", file, open_what);
	while (getline(&buf, &cap, f) >= 0) {
		char *s = buf;

		lineno++;
		s[strcspn(s, "#\r\n")] = '\0';
		s += strspn(s, " \t");
		size_t n = strlen(s);
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			s[--n] = '\0';
		if (n) {
			char *where = xasprintf("%s:%zu", file, lineno);
			line(s, aux, where);
			free(where);
		}
	}
	free(buf);
	if (f != stdin)
		fclose(f);
}
