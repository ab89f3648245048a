/* An OpenFlow peer for the system tests, to meet real OVS tools:
 *
 *   vconn-peer connect NAME VERSIONS   connects, prints "version 0xNN" and
 *                                      the type of the first message the
 *                                      peer sends after HELLO, exits
 *   vconn-peer listen NAME VERSIONS    accepts one connection, prints its
 *                                      version, answers echo requests
 *                                      until the peer closes
 *
 * VERSIONS is a bitmap of wire versions, e.g. 0x12 for 1.0 and 1.3.  A
 * failure prints the reason and exits 1. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "vconn.h"

static int die(const char *what, const char *why)
{
	fprintf(stderr, "vconn-peer: %s: %s\n", what, why);
	return 1;
}

/* The next message, waiting up to 5 s: 0 or -errno. */
static int next_message(struct vconn *vc, struct bytebuf *msg)
{
	for (int i = 0; i < 50; i++) {
		int error = vconn_recv(vc, msg);
		struct pollfd p = { vconn_fd(vc), vconn_poll_events(vc, POLLIN),
				    0 };

		if (error != -EAGAIN)
			return error;
		poll(&p, 1, 100);
	}
	return -ETIMEDOUT;
}

static int do_connect(const char *name, uint32_t versions)
{
	struct bytebuf msg = BYTEBUF_INITIALIZER;
	struct vconn *vc;
	char err[256];
	int error;

	if (vconn_open(name, versions, &vc, err, sizeof err))
		return die(name, err);
	if (vconn_connect_block(vc, 5000))
		return die(name, vconn_error(vc));
	printf("version 0x%02x\n", vconn_version(vc));
	error = next_message(vc, &msg);
	if (error)
		return die(name, vconn_error(vc)[0] ? vconn_error(vc)
						    : strerror(-error));
	printf("first message type %u\n", msg.data[1]);
	bytebuf_uninit(&msg);
	vconn_close(vc);
	return 0;
}

static int serve(struct vconn *vc)
{
	struct bytebuf msg = BYTEBUF_INITIALIZER;
	int error;

	if (vconn_connect_block(vc, 5000))
		return die(vconn_name(vc), vconn_error(vc));
	printf("version 0x%02x\n", vconn_version(vc));
	fflush(stdout);
	while (!(error = next_message(vc, &msg)) || error == -ETIMEDOUT) {
		if (error)
			continue;
		if (msg.data[1] == 2) {         /* ECHO_REQUEST */
			msg.data[1] = 3;
			vconn_send(vc, msg.data, msg.size);
			printf("echo answered\n");
			fflush(stdout);
		}
	}
	bytebuf_uninit(&msg);
	vconn_close(vc);
	return error == -EPIPE ? 0 : 1;
}

static int do_listen(const char *name, uint32_t versions)
{
	struct pvconn *pv;
	struct vconn *vc;
	char err[256];

	if (pvconn_open(name, versions, &pv, err, sizeof err))
		return die(name, err);
	for (;;) {
		struct pollfd p = { pvconn_fd(pv), POLLIN, 0 };
		int error = pvconn_accept(pv, &vc);

		if (!error)
			break;
		if (error != -EAGAIN)
			return die(name, strerror(-error));
		poll(&p, 1, -1);
	}
	pvconn_close(pv);
	return serve(vc);
}

int main(int argc, char *argv[])
{
	uint32_t versions;

	if (argc != 4)
		return die("usage", "vconn-peer connect|listen NAME VERSIONS");
	versions = strtoul(argv[3], NULL, 0);
	if (!strcmp(argv[1], "connect"))
		return do_connect(argv[2], versions);
	if (!strcmp(argv[1], "listen"))
		return do_listen(argv[2], versions);
	return die(argv[1], "unknown command");
}
