/* What a daemon holds, by name, for memory/show: each module registers a
 * callback that counts one thing ("ports", "rules"), and memory/show prints
 * "name:count" pairs sorted by name, as ovs-appctl memory/show does. */
#ifndef WEIR_MEMORY_H
#define WEIR_MEMORY_H 1

struct unixctl_server;

typedef unsigned long long memory_report_cb(void *aux);

/* Registers 'name' (copied; a name registered again is replaced). */
void memory_report_register(const char *name, memory_report_cb *,
			    void *aux);
void memory_report_unregister(const char *name);
/* The memory/show line (caller frees). */
char *memory_show(void);

void memory_register_commands(struct unixctl_server *);

#endif /* WEIR_MEMORY_H */
