#include "memory.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct memory_report {
	char *name;
	memory_report_cb *cb;
	void *aux;
};

static pthread_mutex_t memory_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct memory_report *reports;   /* sorted by name, under the mutex */
static size_t n_reports;

/* Index of 'name', or where it would go. */
static size_t find(const char *name, int *cmp)
{
	size_t i;

	*cmp = 1;
	for (i = 0; i < n_reports; i++) {
		*cmp = strcmp(reports[i].name, name);
		if (*cmp >= 0)
			break;
	}
	return i;
}

void memory_report_register(const char *name, memory_report_cb *cb,
			    void *aux)
{
	int cmp;
	size_t i;

	pthread_mutex_lock(&memory_mutex);
	i = find(name, &cmp);
	if (cmp) {
		reports = xrealloc(reports, (n_reports + 1) * sizeof *reports);
		memmove(&reports[i + 1], &reports[i],
			(n_reports - i) * sizeof *reports);
		reports[i].name = xstrdup(name);
		n_reports++;
	}
	reports[i].cb = cb;
	reports[i].aux = aux;
	pthread_mutex_unlock(&memory_mutex);
}

void memory_report_unregister(const char *name)
{
	int cmp;
	size_t i;

	pthread_mutex_lock(&memory_mutex);
	i = find(name, &cmp);
	if (!cmp) {
		free(reports[i].name);
		memmove(&reports[i], &reports[i + 1],
			(n_reports - i - 1) * sizeof *reports);
		n_reports--;
	}
	pthread_mutex_unlock(&memory_mutex);
}

char *memory_show(void)
{
	size_t size;
	char *out;
	FILE *f = open_memstream(&out, &size);

	if (!f)
		abort();
	pthread_mutex_lock(&memory_mutex);
	for (size_t i = 0; i < n_reports; i++)
		fprintf(f, "%s%s:%llu", i ? " " : "", reports[i].name,
			reports[i].cb(reports[i].aux));
	pthread_mutex_unlock(&memory_mutex);
	fputc('\n', f);
	fclose(f);
	return out;
}
