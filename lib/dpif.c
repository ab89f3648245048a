/* The datapath interface: the provider registry, handles and their error
 * messages, and the calls that dispatch to a provider. */
#include "dpif.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dpif-netdev.h"

static const struct dpif_class *const dpif_classes[] = {
	&dpif_netdev_class,
};

static const struct dpif_class *dpif_class_find(const char *type)
{
	size_t i;

	if (!type || !*type)
		type = "netdev";
	for (i = 0; i < sizeof dpif_classes / sizeof dpif_classes[0]; i++)
		if (!strcmp(dpif_classes[i]->type, type))
			return dpif_classes[i];
	return NULL;
}

void dpif_init(struct dpif *dpif, const struct dpif_class *class,
	       const char *name)
{
	dpif->class = class;
	dpif->name = strdup(name);
	dpif->error[0] = '\0';
}

int dpif_open(const char *type, const char *name, bool create,
	      struct dpif **dpifp)
{
	const struct dpif_class *class = dpif_class_find(type);

	*dpifp = NULL;
	if (!class)
		return -EAFNOSUPPORT;
	return class->open(name, create, dpifp);
}

void dpif_close(struct dpif *dpif)
{
	char *name;

	if (!dpif)
		return;
	name = dpif->name;
	dpif->class->close(dpif);
	free(name);
}

int dpif_enumerate(const char *type, char ***names, size_t *n)
{
	const struct dpif_class *class = dpif_class_find(type);

	*names = NULL;
	*n = 0;
	return class ? class->enumerate(names, n) : -EAFNOSUPPORT;
}

const char *dpif_type(const struct dpif *dpif)
{
	return dpif->class->type;
}

const char *dpif_last_error(const struct dpif *dpif)
{
	return dpif->error;
}

void dpif_set_error(struct dpif *dpif, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(dpif->error, sizeof dpif->error, fmt, args);
	va_end(args);
}

/* Every call: a fresh error, and a message whenever it fails. */
static void begin(struct dpif *dpif)
{
	dpif->error[0] = '\0';
}

static int end(struct dpif *dpif, int err)
{
	if (err < 0 && !dpif->error[0])
		dpif_set_error(dpif, "%s", strerror(-err));
	return err;
}

#define DPIF_CALL(dpif, op, ...) \
	(begin(dpif), end(dpif, (dpif)->class->op((dpif), __VA_ARGS__)))

int dpif_destroy(struct dpif *dpif)
{
	begin(dpif);
	return end(dpif, dpif->class->destroy(dpif));
}

int dpif_get_stats(struct dpif *dpif, struct dpif_dp_stats *stats)
{
	return DPIF_CALL(dpif, get_stats, stats);
}

int dpif_port_add(struct dpif *dpif, const char *name, const char *type,
		  const char *const *options, uint32_t *port_no)
{
	return DPIF_CALL(dpif, port_add, name, type, options, port_no);
}

int dpif_port_del(struct dpif *dpif, uint32_t port_no)
{
	return DPIF_CALL(dpif, port_del, port_no);
}

int dpif_port_query_by_number(struct dpif *dpif, uint32_t port_no,
			      struct dpif_port *port)
{
	return DPIF_CALL(dpif, port_query_by_number, port_no, port);
}

int dpif_port_query_by_name(struct dpif *dpif, const char *name,
			    struct dpif_port *port)
{
	return DPIF_CALL(dpif, port_query_by_name, name, port);
}

int dpif_port_dump(struct dpif *dpif,
		   int (*cb)(const struct dpif_port *, void *), void *aux)
{
	return DPIF_CALL(dpif, port_dump, cb, aux);
}

int dpif_port_get_stats(struct dpif *dpif, uint32_t port_no,
			struct dpif_port_stats *stats)
{
	memset(stats, 0xff, sizeof *stats);
	if (!dpif->class->port_get_stats) {
		begin(dpif);
		dpif_set_error(dpif, "%s datapaths keep no port statistics",
			       dpif_type(dpif));
		return -EOPNOTSUPP;
	}
	return DPIF_CALL(dpif, port_get_stats, port_no, stats);
}

int dpif_flow_put(struct dpif *dpif, enum dpif_flow_put_flags flags,
		  const void *key, size_t key_len,
		  const void *mask, size_t mask_len,
		  const void *actions, size_t actions_len,
		  const struct flow_ufid *ufid, struct dpif_flow_stats *old)
{
	return DPIF_CALL(dpif, flow_put, flags, key, key_len, mask, mask_len,
			 actions, actions_len, ufid, old);
}

int dpif_flow_get(struct dpif *dpif, const void *key, size_t key_len,
		  const struct flow_ufid *ufid, struct dpif_flow *flow,
		  void **buf)
{
	return DPIF_CALL(dpif, flow_get, key, key_len, ufid, flow, buf);
}

int dpif_flow_del(struct dpif *dpif, const void *key, size_t key_len,
		  const struct flow_ufid *ufid, struct dpif_flow_stats *stats)
{
	return DPIF_CALL(dpif, flow_del, key, key_len, ufid, stats);
}

int dpif_flow_flush(struct dpif *dpif)
{
	begin(dpif);
	return end(dpif, dpif->class->flow_flush(dpif));
}

int dpif_flow_dump(struct dpif *dpif,
		   int (*cb)(const struct dpif_flow *, void *), void *aux)
{
	return DPIF_CALL(dpif, flow_dump, cb, aux);
}

int dpif_execute(struct dpif *dpif, const struct dp_packet *packet,
		 const void *actions, size_t actions_len)
{
	return DPIF_CALL(dpif, execute, packet, actions, actions_len);
}

void dpif_register_upcall_cb(struct dpif *dpif, dpif_upcall_cb *cb, void *aux)
{
	dpif->class->register_upcall_cb(dpif, cb, aux);
}

/* A provider without meters says so. */
static int no_meters(struct dpif *dpif)
{
	begin(dpif);
	dpif_set_error(dpif, "%s datapaths have no meters", dpif_type(dpif));
	return -EOPNOTSUPP;
}

int dpif_meter_features(struct dpif *dpif, struct dpif_meter_features *f)
{
	memset(f, 0, sizeof *f);
	if (!dpif->class->meter_features)
		return no_meters(dpif);
	return DPIF_CALL(dpif, meter_features, f);
}

int dpif_meter_set(struct dpif *dpif, uint32_t id,
		   const struct dpif_meter_config *cfg)
{
	if (!dpif->class->meter_set)
		return no_meters(dpif);
	return DPIF_CALL(dpif, meter_set, id, cfg);
}

int dpif_meter_get(struct dpif *dpif, uint32_t id,
		   struct dpif_meter_stats *stats)
{
	memset(stats, 0, sizeof *stats);
	if (!dpif->class->meter_get)
		return no_meters(dpif);
	return DPIF_CALL(dpif, meter_get, id, stats);
}

int dpif_meter_del(struct dpif *dpif, uint32_t id,
		   struct dpif_meter_stats *stats)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	if (!dpif->class->meter_del)
		return no_meters(dpif);
	return DPIF_CALL(dpif, meter_del, id, stats);
}
