/* Event counters, declared in the file that counts:
 *
 *   COVERAGE_DEFINE(upcall_miss);      file scope
 *   COVERAGE_INC(upcall_miss);         anywhere, any thread
 *
 * An increment is one relaxed atomic add.  coverage/show prints, like
 * ovs-appctl coverage/show, each counter that was hit with its rate over
 * the last 5 seconds, minute and hour and its total. */
#ifndef WEIR_COVERAGE_H
#define WEIR_COVERAGE_H 1

#include <stdatomic.h>

struct poll_loop;
struct unixctl_server;

#define COVERAGE_MIN_SLOTS 12           /* 5-second samples in a minute */
#define COVERAGE_HR_SLOTS 60            /* minutes in an hour */
#define COVERAGE_INTERVAL_MS 5000

struct coverage_counter {
	const char *name;
	atomic_ullong count;
	/* Sampling state, under the coverage lock. */
	unsigned long long last;
	unsigned long long min[COVERAGE_MIN_SLOTS];
	unsigned long long hr[COVERAGE_HR_SLOTS];
	struct coverage_counter *next;
};

#define COVERAGE_DEFINE(NAME)						\
	static struct coverage_counter coverage_##NAME = { .name = #NAME };\
	__attribute__((constructor)) static void			\
	coverage_init_##NAME(void)					\
	{								\
		coverage_counter_register(&coverage_##NAME);		\
	}
#define COVERAGE_ADD(NAME, N)						\
	atomic_fetch_add_explicit(&coverage_##NAME.count, (N),		\
				  memory_order_relaxed)
#define COVERAGE_INC(NAME) COVERAGE_ADD(NAME, 1)

void coverage_counter_register(struct coverage_counter *);
unsigned long long coverage_read(const struct coverage_counter *);
/* The counter named 'name', or NULL. */
const struct coverage_counter *coverage_find(const char *name);

/* Takes one 5-second sample of every counter (the daemon's timer calls it
 * every COVERAGE_INTERVAL_MS; tests call it directly). */
void coverage_sample(void);
/* The coverage/show text (caller frees). */
char *coverage_show(void);

/* coverage/show and coverage/read-counter, and the sampling timer in
 * 'loop'.  coverage_stop() closes the timer. */
void coverage_register_commands(struct unixctl_server *, struct poll_loop *);
void coverage_stop(struct poll_loop *);

#endif /* WEIR_COVERAGE_H */
