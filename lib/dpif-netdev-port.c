/* The userspace datapath's ports: netdevs opened for it, numbered, found
 * by number under RCU on the packet path, and sent to one TX queue per
 * sending thread. */
#include "dpif-netdev-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *netdev_override;

void dpif_netdev_set_netdev_override(const char *type)
{
	free(netdev_override);
	netdev_override = type ? strdup(type) : NULL;
}

static int queue_count(int (*get)(const struct netdev *),
		       const struct netdev *netdev)
{
	int n = get ? get(netdev) : 1;

	return n > 0 ? n : 1;
}

int dpn_port_open(struct dp_netdev *dp, const char *name, const char *type,
		  const char *const *options, struct dpn_port **portp)
{
	struct dpn_port *port;
	int err, i;

	if (!type || !*type)
		type = "system";
	if (strlen(name) >= sizeof port->name || strlen(type) >= sizeof port->type)
		return -ENAMETOOLONG;
	port = calloc(1, sizeof *port);
	if (!port)
		return -ENOMEM;
	err = netdev_open(name, netdev_override ? netdev_override : type,
			  options, &port->netdev);
	if (err) {
		free(port);
		return err < 0 ? err : -err;
	}
	strcpy(port->name, name);
	strcpy(port->type, type);
	port->n_rxq = queue_count(port->netdev->class->n_rxq, port->netdev);
	port->n_txq = queue_count(port->netdev->class->n_txq, port->netdev);
	port->txq_locks = calloc((size_t)port->n_txq, sizeof *port->txq_locks);
	if (!port->txq_locks) {
		netdev_close(port->netdev);
		free(port);
		return -ENOMEM;
	}
	for (i = 0; i < port->n_txq; i++)
		pthread_mutex_init(&port->txq_locks[i], NULL);
	port->port_no = DPIF_PORT_NONE;
	port->refcnt = 1;
	*portp = port;
	return 0;
}

void dpn_port_ref(struct dpn_port *port)
{
	__atomic_fetch_add(&port->refcnt, 1, __ATOMIC_RELAXED);
}

/* The last reference goes once no thread polls the port and no reader can
 * find it, so the port closes at once. */
void dpn_port_unref(struct dpn_port *port)
{
	int i;

	if (!port || __atomic_sub_fetch(&port->refcnt, 1, __ATOMIC_ACQ_REL))
		return;
	netdev_close(port->netdev);
	for (i = 0; i < port->n_txq; i++)
		pthread_mutex_destroy(&port->txq_locks[i]);
	free(port->txq_locks);
	free(port);
}

static struct dpn_port_table *table_of(const struct dp_netdev *dp)
{
	return rcu_dereference(((struct dp_netdev *)dp)->ports);
}

struct dpn_port *dpn_port_get(const struct dp_netdev *dp, uint32_t port_no)
{
	const struct dpn_port_table *t = table_of(dp);

	return t && port_no < t->n ? READ_ONCE(t->ports[port_no]) : NULL;
}

struct dpn_port *dpn_port_find_name(const struct dp_netdev *dp,
				    const char *name)
{
	const struct dpn_port_table *t = table_of(dp);
	uint32_t i;

	for (i = 0; t && i < t->n; i++)
		if (t->ports[i] && !strcmp(t->ports[i]->name, name))
			return t->ports[i];
	return NULL;
}

static void table_free_rcu(struct rcu_head *rcu)
{
	dp_rcu_cb_begin();
	free(container_of(rcu, struct dpn_port_table, rcu));
}

/* Publishes a copy of the table with 'port' in slot 'port_no' (NULL to
 * empty it). */
static int table_set(struct dp_netdev *dp, uint32_t port_no,
		     struct dpn_port *port)
{
	struct dpn_port_table *old = table_of(dp), *t;
	uint32_t n = port ? port_no + 1 : 0, i;

	for (i = 0; old && i < old->n; i++)
		if (old->ports[i] && i != port_no && i >= n)
			n = i + 1;
	t = calloc(1, sizeof *t + n * sizeof t->ports[0]);
	if (!t)
		return -ENOMEM;
	t->n = n;
	for (i = 0; old && i < old->n && i < n; i++)
		t->ports[i] = old->ports[i];
	if (port_no < n)
		t->ports[port_no] = port;
	rcu_assign_pointer(dp->ports, t);
	if (old)
		call_rcu(&old->rcu, table_free_rcu);
	return 0;
}

int dpn_port_insert(struct dp_netdev *dp, struct dpn_port *port,
		    uint32_t port_no)
{
	int err;

	if (port_no == DPIF_PORT_NONE) {
		for (port_no = 1; dpn_port_get(dp, port_no); port_no++)
			;
	} else if (dpn_port_get(dp, port_no)) {
		return -EBUSY;
	}
	if (port_no >= ACTIONS_MAX_PORTS)
		return -EFBIG;
	err = table_set(dp, port_no, port);
	if (!err)
		port->port_no = port_no;
	return err;
}

/* Unpublishes 'port' and drops the table's reference once no reader can
 * hold it: the threads have let go of their lists before (reload). */
void dpn_port_remove(struct dp_netdev *dp, struct dpn_port *port)
{
	/* Without memory for a smaller copy, the slot is emptied in place:
	 * readers see the pointer or NULL, both fine until the grace period
	 * ends. */
	if (table_set(dp, port->port_no, NULL))
		WRITE_ONCE(table_of(dp)->ports[port->port_no], NULL);
	synchronize_rcu();
	dpn_port_unref(port);
}

void dpn_ports_destroy(struct dp_netdev *dp)
{
	struct dpn_port_table *t = table_of(dp);
	uint32_t i;

	rcu_assign_pointer(dp->ports, NULL);
	synchronize_rcu();
	for (i = 0; t && i < t->n; i++)
		dpn_port_unref(t->ports[i]);
	free(t);
}

void dpn_port_send(struct dpn_port *port, unsigned int tx_id,
		   struct dp_packet_batch *batch)
{
	int qid = (int)(tx_id % (unsigned int)port->n_txq);

	pthread_mutex_lock(&port->txq_locks[qid]);
	port->netdev->class->send(port->netdev, qid, batch);
	pthread_mutex_unlock(&port->txq_locks[qid]);
}
