/* Applying a new configuration as the difference from the one the daemon
 * has: every op names one bridge, port or table, and is called only when
 * what it covers changed.  Deletions come first, so that a port moving
 * between bridges, or a bridge changing datapath type, is gone from its old
 * place before it is added to the new one. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-private.h"
#include "log.h"

struct bridge_applier {
	const struct bridge_ops *ops;
	void *aux;
	size_t n_ops;
};

static struct bridge_port *bridge_find_port(const struct bridge_br *br,
					    const char *name)
{
	return bridge_find_named(br->ports, br->n_ports, sizeof *br->ports,
				 name);
}

static void bridge_log_failure(const char *what, const char *name, int error)
{
	log_msg(LOG_ERR, "%s %s: %s", what, name, strerror(error));
}

/* Bridges to drop entirely: gone, or of another datapath type now. */
static bool bridge_br_replaced(const struct bridge_br *old,
			       const struct bridge_br *new)
{
	return !new || strcmp(old->cfg.datapath_type, new->cfg.datapath_type);
}

static void bridge_apply_deletions(struct bridge_applier *a,
				   struct bridge_state *cur,
				   const struct bridge_state *want)
{
	for (size_t i = 0; i < cur->n_brs; i++) {
		struct bridge_br *old = &cur->brs[i];
		const struct bridge_br *new = bridge_state_find_br(want,
							     old->cfg.name);

		if (bridge_br_replaced(old, new)) {
			if (a->ops->bridge_del)
				a->ops->bridge_del(a->aux, old->cfg.name);
			a->n_ops++;
			bridge_br_clear(old);
			continue;
		}
		for (size_t j = 0; j < old->n_ports; j++) {
			const char *port = old->ports[j].cfg.name;

			if (bridge_find_port(new, port))
				continue;
			if (a->ops->port_del)
				a->ops->port_del(a->aux, old->cfg.name, port);
			a->n_ops++;
		}
	}
}

static void bridge_apply_port_add(struct bridge_applier *a, const char *br,
				  struct bridge_port *p)
{
	p->error = a->ops->port_add ? a->ops->port_add(a->aux, br, &p->cfg)
				    : 0;
	a->n_ops++;
	if (p->error)
		log_msg(LOG_WARN, "bridge %s: could not add port %s (%s)",
			br, p->cfg.name, strerror(p->error));
}

static void bridge_apply_controllers(struct bridge_applier *a,
				     const struct bridge_br *br)
{
	int error = 0;

	if (a->ops->controllers_set)
		error = a->ops->controllers_set(a->aux, br->cfg.name, br->ctls,
						br->n_ctls);
	a->n_ops++;
	if (error)
		bridge_log_failure("setting controllers of bridge",
				   br->cfg.name, error);
}

static bool bridge_apply_new_br(struct bridge_applier *a, struct bridge_br *br)
{
	int error = a->ops->bridge_add ? a->ops->bridge_add(a->aux, &br->cfg)
				       : 0;

	a->n_ops++;
	if (error) {
		bridge_log_failure("failed to create bridge", br->cfg.name,
				   error);
		return false;
	}
	for (size_t i = 0; i < br->n_ports; i++)
		bridge_apply_port_add(a, br->cfg.name, &br->ports[i]);
	if (br->n_ctls)
		bridge_apply_controllers(a, br);
	return true;
}

static void bridge_apply_port_change(struct bridge_applier *a, const char *br,
				     const struct bridge_port *old,
				     struct bridge_port *new)
{
	int error = 0;

	if (!old || old->error) {
		/* A port that failed is retried only when its row changes. */
		if (old && port_cfg_equal(&old->cfg, &new->cfg))
			new->error = old->error;
		else
			bridge_apply_port_add(a, br, new);
		return;
	}
	if (port_cfg_equal(&old->cfg, &new->cfg))
		return;
	if (a->ops->port_mod)
		error = a->ops->port_mod(a->aux, br, &old->cfg, &new->cfg);
	a->n_ops++;
	if (error)
		bridge_log_failure("could not reconfigure port", new->cfg.name,
				   error);
}

static void bridge_apply_old_br(struct bridge_applier *a,
				const struct bridge_br *old,
				struct bridge_br *new)
{
	if (!bridge_cfg_equal(&old->cfg, &new->cfg)) {
		int error = 0;

		if (a->ops->bridge_mod)
			error = a->ops->bridge_mod(a->aux, &old->cfg,
						   &new->cfg);
		a->n_ops++;
		if (error)
			bridge_log_failure("could not reconfigure bridge",
					   new->cfg.name, error);
	}
	for (size_t i = 0; i < new->n_ports; i++) {
		struct bridge_port *p = &new->ports[i];

		bridge_apply_port_change(a, new->cfg.name,
					 bridge_find_port(old, p->cfg.name), p);
	}
	if (!bridge_ctls_equal(old, new))
		bridge_apply_controllers(a, new);
}

/* Adds and changes bridges; a bridge that could not be created is left
 * out of 'want', to be tried again on the next change. */
static void bridge_apply_bridges(struct bridge_applier *a,
				 const struct bridge_state *cur,
				 struct bridge_state *want)
{
	size_t out = 0;

	for (size_t i = 0; i < want->n_brs; i++) {
		struct bridge_br *new = &want->brs[i];
		const struct bridge_br *old = bridge_state_find_br(cur,
							     new->cfg.name);
		bool keep = true;

		if (old && !bridge_br_replaced(old, new))
			bridge_apply_old_br(a, old, new);
		else
			keep = bridge_apply_new_br(a, new);
		if (!keep) {
			bridge_br_clear(new);
			continue;
		}
		if (out != i)
			want->brs[out] = *new;
		out++;
	}
	want->n_brs = out;
}

static const struct bridge_dp *bridge_find_dp(const struct bridge_state *st,
					      const char *type)
{
	return bridge_find_named(st->dps, st->n_dps, sizeof *st->dps, type);
}

static void bridge_apply_zones(struct bridge_applier *a, const char *type,
			       const struct bridge_dp *dp)
{
	int error = 0;

	if (a->ops->ct_zones_set)
		error = a->ops->ct_zones_set(a->aux, type,
					     dp ? dp->zones : NULL,
					     dp ? dp->n_zones : 0);
	a->n_ops++;
	if (error)
		bridge_log_failure("setting ct zones of datapath type", type,
				   error);
}

static void bridge_apply_dps(struct bridge_applier *a,
			     const struct bridge_state *cur,
			     const struct bridge_state *want)
{
	for (size_t i = 0; i < cur->n_dps; i++)
		if (!bridge_find_dp(want, cur->dps[i].type)
		    && cur->dps[i].n_zones)
			bridge_apply_zones(a, cur->dps[i].type, NULL);
	for (size_t i = 0; i < want->n_dps; i++) {
		const struct bridge_dp *new = &want->dps[i];
		const struct bridge_dp *old = bridge_find_dp(cur, new->type);

		if (old ? !bridge_dp_equal(old, new) : new->n_zones > 0)
			bridge_apply_zones(a, new->type, new);
	}
}

static void bridge_apply_globals(struct bridge_applier *a,
				 const struct bridge_state *cur,
				 const struct bridge_state *want)
{
	int error;

	if (!bridge_ssl_equal(cur->ssl, want->ssl)) {
		error = a->ops->ssl_set ? a->ops->ssl_set(a->aux, want->ssl)
					: 0;
		a->n_ops++;
		if (error)
			bridge_log_failure("setting", "SSL", error);
	}
	if (!bridge_managers_equal(cur, want)) {
		error = a->ops->managers_set
			? a->ops->managers_set(a->aux,
					       (const char *const *)
					       want->managers,
					       want->n_managers)
			: 0;
		a->n_ops++;
		if (error)
			bridge_log_failure("setting", "managers", error);
	}
}

size_t bridge_apply(const struct bridge_ops *ops, void *aux,
		    struct bridge_state *cur, struct bridge_state *want)
{
	struct bridge_applier a = { .ops = ops, .aux = aux };
	size_t kept = 0;

	/* SSL before anything that may open an SSL connection. */
	bridge_apply_globals(&a, cur, want);
	bridge_apply_deletions(&a, cur, want);
	/* Drop what bridge_apply_deletions() cleared (a NULL name). */
	for (size_t i = 0; i < cur->n_brs; i++)
		if (cur->brs[i].cfg.name)
			cur->brs[kept++] = cur->brs[i];
	cur->n_brs = kept;
	bridge_apply_bridges(&a, cur, want);
	bridge_apply_dps(&a, cur, want);

	bridge_state_clear(cur);
	*cur = *want;
	memset(want, 0, sizeof *want);
	return a.n_ops;
}
