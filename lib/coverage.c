#include "coverage.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static pthread_mutex_t coverage_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct coverage_counter *counters;       /* under coverage_mutex */
static size_t n_counters;                       /* under coverage_mutex */
static unsigned long long n_samples;            /* under coverage_mutex */

void coverage_counter_register(struct coverage_counter *c)
{
	pthread_mutex_lock(&coverage_mutex);
	c->next = counters;
	counters = c;
	n_counters++;
	pthread_mutex_unlock(&coverage_mutex);
}

unsigned long long coverage_read(const struct coverage_counter *c)
{
	return atomic_load_explicit(&c->count, memory_order_relaxed);
}

static unsigned long long sum(const unsigned long long *v, size_t n)
{
	unsigned long long s = 0;

	for (size_t i = 0; i < n; i++)
		s += v[i];
	return s;
}

void coverage_sample(void)
{
	size_t slot;

	pthread_mutex_lock(&coverage_mutex);
	slot = n_samples % COVERAGE_MIN_SLOTS;
	for (struct coverage_counter *c = counters; c; c = c->next) {
		unsigned long long now = coverage_read(c);

		c->min[slot] = now - c->last;
		c->last = now;
		/* A full minute of samples rolls into the hour. */
		if (slot == COVERAGE_MIN_SLOTS - 1)
			c->hr[(n_samples / COVERAGE_MIN_SLOTS)
			      % COVERAGE_HR_SLOTS] =
				sum(c->min, COVERAGE_MIN_SLOTS);
	}
	n_samples++;
	pthread_mutex_unlock(&coverage_mutex);
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(struct coverage_counter *const *)a)->name,
		      (*(struct coverage_counter *const *)b)->name);
}

/* FNV-1a over the sorted names: tells apart builds with other counters. */
static uint32_t names_hash(struct coverage_counter **v, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		for (const char *p = v[i]->name; ; p++) {
			h = (h ^ (uint8_t)*p) * 16777619u;
			if (!*p)
				break;
		}
	return h;
}

static void show_counter(FILE *f, const struct coverage_counter *c,
			 unsigned long long total)
{
	unsigned long long last = n_samples
		? c->min[(n_samples - 1) % COVERAGE_MIN_SLOTS] : 0;

	fprintf(f, "%-24s %5.1f/sec %9.3f/sec %13.4f/sec   total: %llu\n",
		c->name, last * 1000.0 / COVERAGE_INTERVAL_MS,
		sum(c->min, COVERAGE_MIN_SLOTS) / 60.0,
		sum(c->hr, COVERAGE_HR_SLOTS) / 3600.0, total);
}

char *coverage_show(void)
{
	struct coverage_counter **v;
	size_t n, i = 0, never = 0, size;
	char *out;
	FILE *f = open_memstream(&out, &size);

	if (!f)
		abort();
	pthread_mutex_lock(&coverage_mutex);
	n = n_counters;
	v = xcalloc(n ? n : 1, sizeof *v);
	for (struct coverage_counter *c = counters; c; c = c->next)
		v[i++] = c;
	qsort(v, n, sizeof *v, by_name);
	fprintf(f, "Event coverage, avg rate over last: %d seconds, last "
		"minute, last hour,  hash=%08"PRIx32":\n",
		COVERAGE_INTERVAL_MS / 1000, names_hash(v, n));
	for (i = 0; i < n; i++) {
		unsigned long long total = coverage_read(v[i]);

		if (total)
			show_counter(f, v[i], total);
		else
			never++;
	}
	pthread_mutex_unlock(&coverage_mutex);
	fprintf(f, "%zu events never hit\n", never);
	fclose(f);
	free(v);
	return out;
}

const struct coverage_counter *coverage_find(const char *name)
{
	const struct coverage_counter *c;

	pthread_mutex_lock(&coverage_mutex);
	for (c = counters; c && strcmp(c->name, name); c = c->next)
		continue;
	pthread_mutex_unlock(&coverage_mutex);
	return c;
}
