/* String maps for the configuration handed to the daemon: a few keys each,
 * kept sorted so that two maps compare in one walk. */
#include <stdlib.h>
#include <string.h>

#include "bridge-private.h"
#include "xalloc.h"

void bridge_smap_init(struct bridge_smap *m)
{
	m->n = 0;
	m->keys = NULL;
	m->values = NULL;
}

void bridge_smap_clear(struct bridge_smap *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->keys[i]);
		free(m->values[i]);
	}
	free(m->keys);
	free(m->values);
	bridge_smap_init(m);
}

/* Index where 'key' is or would go. */
static size_t bridge_smap_slot(const struct bridge_smap *m, const char *key,
			       bool *found)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(m->keys[mid], key);

		if (!cmp) {
			*found = true;
			return mid;
		}
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

const char *bridge_smap_get(const struct bridge_smap *m, const char *key)
{
	bool found;
	size_t i = bridge_smap_slot(m, key, &found);

	return found ? m->values[i] : NULL;
}

void bridge_smap_add(struct bridge_smap *m, const char *key,
		     const char *value)
{
	bool found;
	size_t i = bridge_smap_slot(m, key, &found);

	if (found) {
		free(m->values[i]);
		m->values[i] = xstrdup(value);
		return;
	}
	m->keys = xrealloc(m->keys, (m->n + 1) * sizeof *m->keys);
	m->values = xrealloc(m->values, (m->n + 1) * sizeof *m->values);
	memmove(&m->keys[i + 1], &m->keys[i], (m->n - i) * sizeof *m->keys);
	memmove(&m->values[i + 1], &m->values[i],
		(m->n - i) * sizeof *m->values);
	m->keys[i] = xstrdup(key);
	m->values[i] = xstrdup(value);
	m->n++;
}

void bridge_smap_clone(struct bridge_smap *dst, const struct bridge_smap *src)
{
	bridge_smap_init(dst);
	if (!src->n)
		return;
	dst->keys = xcalloc(src->n, sizeof *dst->keys);
	dst->values = xcalloc(src->n, sizeof *dst->values);
	for (size_t i = 0; i < src->n; i++) {
		dst->keys[i] = xstrdup(src->keys[i]);
		dst->values[i] = xstrdup(src->values[i]);
	}
	dst->n = src->n;
}

bool bridge_smap_equal(const struct bridge_smap *a, const struct bridge_smap *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->keys[i], b->keys[i])
		    || strcmp(a->values[i], b->values[i]))
			return false;
	return true;
}
