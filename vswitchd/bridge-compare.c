/* Equality of configurations, field by field: what decides whether an op
 * is called at all, so a field left out here would be a change the daemon
 * never hears of. */
#include <string.h>

#include "bridge-private.h"

static bool bridge_str_eq(const char *a, const char *b)
{
	return !strcmp(a, b);
}

bool bridge_cfg_equal(const struct bridge_cfg *a, const struct bridge_cfg *b)
{
	return bridge_str_eq(a->name, b->name)
	       && bridge_str_eq(a->datapath_type, b->datapath_type)
	       && a->datapath_id == b->datapath_id
	       && bridge_str_eq(a->fail_mode, b->fail_mode)
	       && a->protocols == b->protocols
	       && a->mcast_snooping == b->mcast_snooping
	       && a->stp_enable == b->stp_enable
	       && a->rstp_enable == b->rstp_enable
	       && bridge_smap_equal(&a->other_config, &b->other_config);
}

static bool iface_cfg_equal(const struct iface_cfg *a,
			    const struct iface_cfg *b)
{
	return bridge_str_eq(a->name, b->name)
	       && bridge_str_eq(a->type, b->type)
	       && bridge_smap_equal(&a->options, &b->options)
	       && a->ofport_request == b->ofport_request
	       && a->mtu_request == b->mtu_request
	       && bridge_str_eq(a->mac, b->mac);
}

bool port_cfg_equal(const struct port_cfg *a, const struct port_cfg *b)
{
	if (a->n_trunks != b->n_trunks || a->n_ifaces != b->n_ifaces)
		return false;
	if (a->n_trunks
	    && memcmp(a->trunks, b->trunks, a->n_trunks * sizeof *a->trunks))
		return false;
	for (size_t i = 0; i < a->n_ifaces; i++)
		if (!iface_cfg_equal(&a->ifaces[i], &b->ifaces[i]))
			return false;
	return bridge_str_eq(a->name, b->name)
	       && a->tag == b->tag
	       && bridge_str_eq(a->vlan_mode, b->vlan_mode)
	       && a->fake_bridge == b->fake_bridge
	       && bridge_str_eq(a->bond_mode, b->bond_mode)
	       && bridge_str_eq(a->lacp, b->lacp)
	       && a->bond_updelay == b->bond_updelay
	       && a->bond_downdelay == b->bond_downdelay
	       && a->bond_fake_iface == b->bond_fake_iface
	       && bridge_smap_equal(&a->other_config, &b->other_config);
}

static bool controller_cfg_equal(const struct controller_cfg *a,
				 const struct controller_cfg *b)
{
	return bridge_str_eq(a->target, b->target)
	       && bridge_str_eq(a->connection_mode, b->connection_mode)
	       && a->max_backoff == b->max_backoff
	       && a->inactivity_probe == b->inactivity_probe
	       && a->rate_limit == b->rate_limit
	       && a->burst_limit == b->burst_limit
	       && a->enable_async_messages == b->enable_async_messages
	       && bridge_smap_equal(&a->other_config, &b->other_config);
}

bool bridge_ctls_equal(const struct bridge_br *a, const struct bridge_br *b)
{
	if (a->n_ctls != b->n_ctls)
		return false;
	for (size_t i = 0; i < a->n_ctls; i++)
		if (!controller_cfg_equal(&a->ctls[i], &b->ctls[i]))
			return false;
	return true;
}

bool bridge_dp_equal(const struct bridge_dp *a, const struct bridge_dp *b)
{
	if (a->n_zones != b->n_zones)
		return false;
	for (size_t i = 0; i < a->n_zones; i++) {
		const struct ct_zone_cfg *x = &a->zones[i], *y = &b->zones[i];

		if (x->zone != y->zone || x->limit != y->limit
		    || !bridge_smap_equal(&x->timeouts, &y->timeouts))
			return false;
	}
	return true;
}

bool bridge_ssl_equal(const struct ssl_cfg *a, const struct ssl_cfg *b)
{
	if (!a || !b)
		return a == b;
	return bridge_str_eq(a->private_key, b->private_key)
	       && bridge_str_eq(a->certificate, b->certificate)
	       && bridge_str_eq(a->ca_cert, b->ca_cert)
	       && a->bootstrap_ca_cert == b->bootstrap_ca_cert;
}

bool bridge_managers_equal(const struct bridge_state *a,
			   const struct bridge_state *b)
{
	if (a->n_managers != b->n_managers)
		return false;
	for (size_t i = 0; i < a->n_managers; i++)
		if (!bridge_str_eq(a->managers[i], b->managers[i]))
			return false;
	return true;
}
