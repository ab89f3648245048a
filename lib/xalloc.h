/* Allocation that aborts when memory runs out: for the daemon's control
 * paths and command-line tools, where there is nothing better to do. */
#ifndef WEIR_XALLOC_H
#define WEIR_XALLOC_H 1

#include <stddef.h>

void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *);
/* Makes the buffer '*cap' bytes long at 'p' hold at least 'need' bytes,
 * doubling it as many times as that takes.  Returns the buffer. */
void *xgrow(void *p, size_t *cap, size_t need);
/* The same for an array of 'size'-byte elements, '*cap' counting them. */
void *xgrow_n(void *p, size_t *cap, size_t need, size_t size);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* WEIR_XALLOC_H */
