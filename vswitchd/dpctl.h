/* The daemon's "dpctl/" commands: the ovs-dpctl command set, run on the
 * datapaths the daemon hosts, for weir-dpctl and weir-appctl. */
#ifndef WEIR_VSWITCHD_DPCTL_H
#define WEIR_VSWITCHD_DPCTL_H 1

struct dpctl;
struct unixctl_server;

struct dpctl *dpctl_create(void);
/* Closes the daemon's handles on its datapaths. */
void dpctl_destroy(struct dpctl *);
void dpctl_register_commands(struct dpctl *, struct unixctl_server *);

#endif /* WEIR_VSWITCHD_DPCTL_H */
