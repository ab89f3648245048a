/* weir-appctl commands about bridges: ofproto/trace, fdb/show, fdb/flush,
 * upcall/show. */
#ifndef WEIR_SWITCH_CTL_H
#define WEIR_SWITCH_CTL_H 1

struct unixctl_server;

void switch_ctl_register(struct unixctl_server *);

#endif /* WEIR_SWITCH_CTL_H */
