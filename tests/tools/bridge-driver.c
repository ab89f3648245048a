/* Runs the bridge layer (vswitchd/bridge.h) against a database with ops
 * that only record: each op call is one line on stdout, so a test can
 * assert the exact sequence a database change causes.  Status is made up
 * but consistent: interfaces get the ofport they asked for or the next
 * free one (the local port 65534), an interface of a type the userspace
 * datapath lacks fails to add, controllers on "tcp:" are connected.
 *
 *   bridge-driver DB-REMOTE      runs until SIGTERM or SIGINT */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "vswitchd/bridge.h"
#include "xalloc.h"

#define DRIVER_MAX_IFACES 1024
#define DRIVER_OFPORT_LOCAL 65534

struct driver {
	char *names[DRIVER_MAX_IFACES];
	char *owners[DRIVER_MAX_IFACES];	/* the bridge */
	int64_t ofports[DRIVER_MAX_IFACES];
	size_t n;
};

static volatile sig_atomic_t driver_stop;

static void driver_on_signal(int sig)
{
	(void) sig;
	driver_stop = 1;
}

static void driver_print_smap(const char *label, const struct bridge_smap *m)
{
	printf(" %s={", label);
	for (size_t i = 0; i < m->n; i++)
		printf("%s%s=%s", i ? "," : "", m->keys[i], m->values[i]);
	printf("}");
}

static void driver_print_bridge(const char *op, const struct bridge_cfg *c)
{
	printf("%s %s type=%s dpid=%016" PRIx64 " fail_mode=%s protocols=%#x",
	       op, c->name, c->datapath_type, c->datapath_id, c->fail_mode,
	       c->protocols);
	driver_print_smap("other_config", &c->other_config);
	printf("\n");
}

static void driver_print_port(const char *op, const char *bridge,
			      const struct port_cfg *p)
{
	printf("%s %s %s tag=%d trunks=", op, bridge, p->name, p->tag);
	for (size_t i = 0; i < p->n_trunks; i++)
		printf("%s%u", i ? "," : "", p->trunks[i]);
	printf(" vlan_mode=%s%s", p->vlan_mode, p->fake_bridge ? " fake" : "");
	if (*p->bond_mode || *p->lacp)
		printf(" bond_mode=%s lacp=%s", p->bond_mode, p->lacp);
	for (size_t i = 0; i < p->n_ifaces; i++) {
		const struct iface_cfg *f = &p->ifaces[i];

		printf(" [%s type=%s", f->name, f->type);
		driver_print_smap("options", &f->options);
		if (f->ofport_request)
			printf(" ofport_request=%" PRId64, f->ofport_request);
		if (f->mtu_request)
			printf(" mtu_request=%" PRId64, f->mtu_request);
		if (*f->mac)
			printf(" mac=%s", f->mac);
		printf("]");
	}
	printf("\n");
}

static int64_t *driver_ofport(struct driver *d, const char *name)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->names[i], name))
			return &d->ofports[i];
	return NULL;
}

static bool driver_ofport_used(const struct driver *d, int64_t ofport)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->ofports[i] == ofport)
			return true;
	return false;
}

static void driver_forget_at(struct driver *d, size_t i)
{
	free(d->names[i]);
	free(d->owners[i]);
	d->n--;
	d->names[i] = d->names[d->n];
	d->owners[i] = d->owners[d->n];
	d->ofports[i] = d->ofports[d->n];
}

static void driver_ofport_del(struct driver *d, const char *name)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->names[i], name)) {
			driver_forget_at(d, i);
			return;
		}
}

static int driver_iface_add(struct driver *d, const char *bridge,
			    const struct iface_cfg *f)
{
	static const char *const types[] = {
		"system", "internal", "tap", "dummy", "afxdp",
	};
	int64_t ofport = f->ofport_request;
	bool known = false;

	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		known |= !strcmp(f->type, types[i]);
	if (!known)
		return EAFNOSUPPORT;
	if (d->n >= DRIVER_MAX_IFACES)
		return ENOSPC;
	if (!strcmp(f->name, bridge))
		ofport = DRIVER_OFPORT_LOCAL;
	if (!ofport || driver_ofport_used(d, ofport))
		for (ofport = 1; driver_ofport_used(d, ofport); ofport++)
			continue;
	d->names[d->n] = xstrdup(f->name);
	d->owners[d->n] = xstrdup(bridge);
	d->ofports[d->n++] = ofport;
	return 0;
}

static void driver_port_forget(struct driver *d, const struct port_cfg *p)
{
	for (size_t i = 0; i < p->n_ifaces; i++)
		driver_ofport_del(d, p->ifaces[i].name);
}

static int driver_port_add_ifaces(struct driver *d, const char *bridge,
				  const struct port_cfg *p)
{
	for (size_t i = 0; i < p->n_ifaces; i++) {
		int error = driver_iface_add(d, bridge, &p->ifaces[i]);

		if (error) {
			driver_port_forget(d, p);
			return error;
		}
	}
	return 0;
}

static int driver_bridge_add(void *aux, const struct bridge_cfg *c)
{
	(void) aux;
	driver_print_bridge("bridge_add", c);
	return 0;
}

static int driver_bridge_mod(void *aux, const struct bridge_cfg *old,
			     const struct bridge_cfg *new)
{
	(void) aux;
	(void) old;
	driver_print_bridge("bridge_mod", new);
	return 0;
}

/* The bridge's ports go with it. */
static void driver_bridge_del(void *aux, const char *name)
{
	struct driver *d = aux;

	printf("bridge_del %s\n", name);
	for (size_t i = d->n; i-- > 0; )
		if (!strcmp(d->owners[i], name))
			driver_forget_at(d, i);
}

static int driver_port_add(void *aux, const char *bridge,
			   const struct port_cfg *p)
{
	driver_print_port("port_add", bridge, p);
	return driver_port_add_ifaces(aux, bridge, p);
}

static int driver_port_mod(void *aux, const char *bridge,
			   const struct port_cfg *old,
			   const struct port_cfg *new)
{
	driver_print_port("port_mod", bridge, new);
	driver_port_forget(aux, old);
	return driver_port_add_ifaces(aux, bridge, new);
}

static void driver_port_del(void *aux, const char *bridge, const char *port)
{
	(void) aux;
	printf("port_del %s %s\n", bridge, port);
}

static int driver_controllers_set(void *aux, const char *bridge,
				  const struct controller_cfg *c, size_t n)
{
	(void) aux;
	printf("controllers_set %s", bridge);
	for (size_t i = 0; i < n; i++)
		printf(" %s", c[i].target);
	printf("\n");
	return 0;
}

static int driver_managers_set(void *aux, const char *const *t, size_t n)
{
	(void) aux;
	printf("managers_set");
	for (size_t i = 0; i < n; i++)
		printf(" %s", t[i]);
	printf("\n");
	return 0;
}

static int driver_ssl_set(void *aux, const struct ssl_cfg *s)
{
	(void) aux;
	if (!s)
		printf("ssl_set none\n");
	else
		printf("ssl_set key=%s cert=%s ca=%s bootstrap=%d\n",
		       s->private_key, s->certificate, s->ca_cert,
		       s->bootstrap_ca_cert);
	return 0;
}

static int driver_ct_zones_set(void *aux, const char *type,
			       const struct ct_zone_cfg *z, size_t n)
{
	(void) aux;
	printf("ct_zones_set %s", type);
	for (size_t i = 0; i < n; i++) {
		printf(" zone=%u", z[i].zone);
		if (z[i].limit >= 0)
			printf(" limit=%" PRId64, z[i].limit);
		driver_print_smap("tp", &z[i].timeouts);
	}
	printf("\n");
	return 0;
}

static void driver_iface_status(void *aux, const char *iface,
				struct iface_status *s)
{
	const int64_t *ofport = driver_ofport(aux, iface);

	if (!ofport)
		return;		/* failed to add: the bridge layer says why */
	s->ofport = *ofport;
	s->ifindex = 100 + *ofport;
	s->mtu = 1500;
	snprintf(s->mac_in_use, sizeof s->mac_in_use,
		 "02:00:00:00:%02x:%02x", (unsigned) (*ofport >> 8) & 0xff,
		 (unsigned) *ofport & 0xff);
	strcpy(s->link_state, "up");
	strcpy(s->admin_state, "up");
	s->stats[BRIDGE_STAT_RX_PACKETS] = 10;
	s->stats[BRIDGE_STAT_TX_PACKETS] = 20;
}

static void driver_controller_status(void *aux, const char *bridge,
				     const char *target,
				     struct controller_status *s)
{
	(void) aux;
	(void) bridge;
	s->is_connected = !strncmp(target, "tcp:", 4);
	strcpy(s->role, "other");
	bridge_smap_add(&s->status, "state",
			s->is_connected ? "ACTIVE" : "BACKOFF");
}

static void driver_capabilities(void *aux, const char *type,
				struct bridge_smap *caps)
{
	(void) aux;
	(void) type;
	bridge_smap_add(caps, "max_vlan_headers", "2");
	bridge_smap_add(caps, "recirc", "true");
}

static const struct bridge_ops driver_ops = {
	.bridge_add = driver_bridge_add,
	.bridge_mod = driver_bridge_mod,
	.bridge_del = driver_bridge_del,
	.port_add = driver_port_add,
	.port_mod = driver_port_mod,
	.port_del = driver_port_del,
	.controllers_set = driver_controllers_set,
	.managers_set = driver_managers_set,
	.ssl_set = driver_ssl_set,
	.ct_zones_set = driver_ct_zones_set,
	.iface_status = driver_iface_status,
	.controller_status = driver_controller_status,
	.datapath_capabilities = driver_capabilities,
};

int main(int argc, char *argv[])
{
	struct driver d = { .n = 0 };
	struct bridge *b;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DB-REMOTE\n", argv[0]);
		return 2;
	}
	log_set_program("bridge-driver");
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGTERM, driver_on_signal);
	signal(SIGINT, driver_on_signal);
	b = bridge_create(argv[1], &driver_ops, &d);
	while (!driver_stop) {
		bridge_run(b);
		fflush(stdout);
		bridge_wait(b);
	}
	bridge_destroy(b);
	while (d.n)
		driver_forget_at(&d, 0);
	return 0;
}
