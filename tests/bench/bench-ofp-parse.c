/* Benchmark: OpenFlow flow parsing, against ovs-ofctl on the same input.
 *
 * 100,000 add-flow texts (a rotation of match and action shapes, every
 * flow distinct) are written to a scratch file.  Measured on one core, best
 * of ROUNDS passes of the thread's CPU time:
 *   - text flows parsed per second (of_flow_mod_parse);
 *   - OpenFlow 1.3 FLOW_MODs decoded and validated per second
 *     (ofpmsg_decode, of_flow_mod_decode, ofpacts_check), the messages
 *     being those flows' encodings;
 * then wall time, same run, of "weir-ofctl -O OpenFlow13 parse-flows FILE"
 * and "ovs-ofctl -O OpenFlow13 parse-flows FILE" (both parse, encode and
 * print every flow), and the ratios. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bytebuf.h"
#include "ofp-actions.h"
#include "ofp-flow-mod.h"
#include "ofp-msgs.h"
#include "../unit/temp-file.h"

#define N_FLOWS 100000
#define ROUNDS 3

static const char *const matches[] = {
	"priority=%u,ip,nw_src=10.%u.%u.0/24",
	"priority=%u,tcp,nw_dst=192.168.%u.%u,tp_dst=80",
	"priority=%u,in_port=%u,dl_vlan=%u",
	"priority=%u,udp,tp_src=%u,tp_dst=%u",
	"priority=%u,ipv6,ipv6_src=2001:db8::%x:%x/112",
	"priority=%u,reg0=%u,metadata=0x%x",
	"priority=%u,arp,arp_tpa=10.1.%u.%u",
	"priority=%u,dl_dst=02:00:00:00:%02x:%02x",
};

static const char *const actions[] = {
	"output:%u",
	"mod_dl_src:02:00:00:00:00:01,output:%u",
	"set_field:%u->reg1,resubmit(,2)",
	"push_vlan:0x8100,set_field:4196->vlan_vid,output:%u",
	"set_queue:%u,output:1",
	"load:%u->NXM_NX_REG2[0..15],goto_table:3",
	"group:%u",
	"controller:%u",
};

#define N(A) (sizeof (A) / sizeof (A)[0])

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *flow_text(unsigned i)
{
	char m[128], a[128], *s;
	unsigned x = i / 256 % 250, y = i % 256;

	snprintf(m, sizeof m, matches[i % N(matches)], 100 + i % 30000,
		 x + 1, y);
	snprintf(a, sizeof a, actions[i / N(matches) % N(actions)],
		 1 + i % 60000);
	if (asprintf(&s, "%s,actions=%s", m, a) < 0)
		abort();
	return s;
}

static double parse_pass(void *texts_, struct bytebuf *acts)
{
	char **texts = texts_;
	double t0 = cpu_now();

	for (unsigned i = 0; i < N_FLOWS; i++) {
		struct of_flow_mod fm;
		uint32_t usable;
		char *error;

		bytebuf_clear(acts);
		error = of_flow_mod_parse(texts[i], OFPFC_ADD, &fm, acts,
					  &usable);
		if (error) {
			fprintf(stderr, "%s: %s\n", texts[i], error);
			exit(1);
		}
	}
	return cpu_now() - t0;
}

static double decode_pass(void *msgs_, struct bytebuf *acts)
{
	const struct bytebuf *msgs = msgs_;
	const uint8_t *p = msgs->data, *end = p + msgs->size;
	double t0 = cpu_now();

	while (p < end) {
		size_t len = p[2] << 8 | p[3];
		struct of_flow_mod fm;
		struct ofpmsg m;

		bytebuf_clear(acts);
		enum ofperr error = ofpmsg_decode(&m, p, len);
		if (!error)
			error = of_flow_mod_decode(&m, &fm, acts);
		if (!error)
			error = ofpacts_check(acts->data, acts->size,
					      &fm.match, 0xff00, fm.table_id,
					      0xff);
		if (error) {
			fprintf(stderr, "flow_mod %zu: %s\n",
				(size_t)(p - (const uint8_t *)msgs->data),
				ofperr_get_name(error));
			exit(1);
		}
		p += len;
	}
	return cpu_now() - t0;
}

static void encode_all(char **texts, struct bytebuf *msgs)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER;

	for (unsigned i = 0; i < N_FLOWS; i++) {
		struct of_flow_mod fm;
		uint32_t usable;

		bytebuf_clear(&acts);
		free(of_flow_mod_parse(texts[i], OFPFC_ADD, &fm, &acts,
				       &usable));
		if (of_flow_mod_encode(&fm, OFPROTO_OF13_OXM, i, msgs))
			abort();
	}
	bytebuf_uninit(&acts);
}

/* Wall seconds of "PROG -O OpenFlow13 parse-flows FILE > /dev/null". */
static double run_tool(const char *prog, const char *file)
{
	fflush(stdout);
	double t0 = wall_now();
	pid_t pid = fork();

	if (pid == 0) {
		if (!freopen("/dev/null", "w", stdout))
			_exit(127);
		execlp(prog, prog, "-O", "OpenFlow13", "parse-flows", file,
		       (char *)NULL);
		_exit(127);
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return -1;
	return wall_now() - t0;
}

static double best(double (*pass)(void *, struct bytebuf *), void *a,
		   struct bytebuf *b)
{
	double t = 1e9;

	for (int r = 0; r < ROUNDS; r++) {
		double x = pass(a, b);
		if (x < t)
			t = x;
	}
	return t;
}

int main(void)
{
	struct bytebuf acts = BYTEBUF_INITIALIZER, msgs = BYTEBUF_INITIALIZER;
	char **texts = calloc(N_FLOWS, sizeof *texts);
	char path[64];
	int fd = temp_file(path, sizeof path, "bench-flows");
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!texts || !f)
		return 1;
	for (unsigned i = 0; i < N_FLOWS; i++) {
		texts[i] = flow_text(i);
		fprintf(f, "%s\n", texts[i]);
	}
	fclose(f);
	encode_all(texts, &msgs);

	double tp = best(parse_pass, texts, &acts);
	double td = best(decode_pass, &msgs, &acts);
	printf("text flows parsed:         %10.0f /s\n", N_FLOWS / tp);
	printf("OF1.3 flow_mods decoded+validated: %10.0f /s (%.1f MB/s)\n",
	       N_FLOWS / td, msgs.size / td / 1e6);

	double tw = run_tool("utilities/weir-ofctl", path);
	double to = run_tool("ovs-ofctl", path);
	if (tw > 0)
		printf("weir-ofctl parse-flows:    %10.0f flows/s (%.2f s)\n",
		       N_FLOWS / tw, tw);
	if (to > 0) {
		printf("ovs-ofctl parse-flows:     %10.0f flows/s (%.2f s)\n",
		       N_FLOWS / to, to);
		printf("ratio, parse vs ovs-ofctl parse-flows: %.1fx\n",
		       to / tp);
		if (tw > 0)
			printf("ratio, weir-ofctl vs ovs-ofctl parse-flows: "
			       "%.1fx\n", to / tw);
	}
	unlink(path);
	for (unsigned i = 0; i < N_FLOWS; i++)
		free(texts[i]);
	free(texts);
	bytebuf_uninit(&acts);
	bytebuf_uninit(&msgs);
	return 0;
}
