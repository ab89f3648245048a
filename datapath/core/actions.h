/* Datapath actions: the OVS_ACTION_ATTR_* lists of the upstream Linux
 * openvswitch ABI (<linux/openvswitch.h>), validated once when a flow is
 * installed and then executed on every packet of the flow.
 *
 * The packet API: what the core needs from each home's "dp-packet.h"
 * (lib/dp-packet.h in userspace, datapath/linux/dp-packet.h over an skb):
 *
 *   struct dp_packet {
 *           struct flow_offsets hdr;    header offsets from the data start,
 *                                       FLOW_OFS_NONE when absent
 *           u32 in_port, skb_mark, priority, recirc_id, dp_hash;
 *   };
 *   void *dp_packet_data(const struct dp_packet *);
 *   u32 dp_packet_size(const struct dp_packet *);
 *   int dp_packet_make_writable(struct dp_packet *);
 *           0, or -ENOMEM; after it the data is linear, private and may be
 *           written (and its checksums are complete: none left to hardware).
 *           Pointers into the data taken before it are stale.
 *   void *dp_packet_insert(struct dp_packet *, u32 at, u32 n);
 *           opens n bytes at 'at' by moving the 'at' bytes in front, returns
 *           the gap or NULL; offsets at or after 'at' move with their headers.
 *   int dp_packet_remove(struct dp_packet *, u32 at, u32 n);
 *           the reverse; offsets inside the removed bytes become absent.
 *   void dp_packet_trim(struct dp_packet *, u32 size);
 *   struct dp_packet *dp_packet_clone(const struct dp_packet *);
 *           a private copy with the same metadata and offsets, or NULL.
 *   void dp_packet_delete(struct dp_packet *);
 *   int dp_packet_parse(struct dp_packet *, struct flow_key *);
 *           flow_extract() with the packet's metadata, recording offsets.
 *
 * Validation (actions_validate) follows the upstream datapath's rules: every
 * attribute's length, the nesting of sample / clone / check_pkt_len (at most
 * ACTIONS_MAX_DEPTH nested lists), VLAN and MPLS ethertypes, and it tracks
 * the ethertype, VLAN tags and MPLS labels along the list so that an action
 * only applies where the flow's packets have what it rewrites (set(tcp)
 * needs a flow matching TCP exactly; set(ipv4) after push_mpls is refused).
 * Its deliberate differences from upstream:
 *  - at most 2 VLAN tags and 3 MPLS labels known to the flow, as the key
 *    holds no more; push_mpls and pop_mpls are allowed under VLAN tags (our
 *    tags are in the packet, so eth / vlan* / mpls is well defined);
 *  - pop_mpls must name what really follows: a non-MPLS ethertype while
 *    known labels remain below, or an MPLS one when the popped label is
 *    known to be the bottom of the stack, is refused, as is a VLAN TPID;
 *  - userspace needs a PID attribute but accepts PID 0 (the userspace home
 *    has no netlink PIDs); unknown nested attributes are refused;
 *  - hash also takes OVS_HASH_ALG_SYM_L4 (Open vSwitch userspace's value 1);
 *  - meter ids must be below METER_ID_LIMIT (meter.h), the most any
 *    table has; upstream checks only the length;
 *  - ct, ct_clear, tunnels, NSH, push/pop_eth, add_mpls, dec_ttl and
 *    psample are refused with -EOPNOTSUPP, "not supported by this datapath".
 *
 * Execution (actions_execute) trusts validation for attribute layout, and
 * checks every header it touches against the packet: a packet lacking the
 * header an action rewrites is dropped (-EINVAL), as upstream drops it.
 *  - push_mpls writes the action's LSE (label, TC and TTL as the daemon
 *    computed them, as upstream) but sets the bottom-of-stack bit itself;
 *    set(mpls) keeps the packet's bottom-of-stack bit.
 *  - The key: the caller passes the key extracted from this packet (with
 *    dp_packet_parse, so offsets are set).  Actions that change the packet
 *    keep its offsets right and mark the key stale; the key is re-extracted
 *    only before an action that reads it (hash, userspace, recirc), so a
 *    callback always sees the key of the packet as it is (untruncated).
 *  - Callbacks borrow the packet: one that keeps it past its return copies
 *    it (dp_packet_clone).  Later actions may modify the packet.
 *  - clone, sample and check_pkt_len run their list on a copy, or on the
 *    packet itself when they are the last action of their list.
 *  - trunc applies to the next output or userspace action (a truncated copy
 *    is handed over), as upstream.
 *  - meter runs the packet through ctx->meters at ctx->now_ns: a drop band
 *    ends the list as drop does, a DSCP remark band raises the IPv4 or
 *    IPv6 DSCP's drop precedence (the checksum fixed), a missing meter or
 *    table passes the packet, as upstream.
 *  - drop (ACTIONS_ATTR_DROP, the last of its list, as upstream) ends its
 *    list: the packet is not output further, which is not an error. */
#ifndef WEIR_DP_ACTIONS_H
#define WEIR_DP_ACTIONS_H 1

#include "flow.h"
#include "nlattr.h"

struct dp_packet;
struct meter_table;

/* Nested action lists (sample, clone, check_pkt_len) inside the top list. */
#define ACTIONS_MAX_DEPTH 4

/* Ports are numbered below this, as upstream's DP_MAX_PORTS. */
#define ACTIONS_MAX_PORTS 65536

/* ABI values newer than Debian 12's <linux/openvswitch.h>: the explicit drop
 * action (Linux 6.4, u32 reason), psample (6.11), and the symmetric L4 hash
 * of Open vSwitch's userspace datapath. */
#define ACTIONS_ATTR_DROP    24
#define ACTIONS_ATTR_PSAMPLE 25
#define ACTIONS_ATTR_MAX     ACTIONS_ATTR_PSAMPLE
#define ACTIONS_HASH_ALG_SYM_L4 1

/* Why validation refused a list: the action at fault (its OVS_ACTION_ATTR_*
 * type, or the raw type when unknown), its byte offset from the start of the
 * top list, and a static reason. */
struct actions_error {
	int attr;
	u32 offset;
	const char *msg;
};

/* An OVS_ACTION_ATTR_USERSPACE action, decoded. */
struct actions_upcall {
	u32 pid;
	const void *userdata;           /* NULL when absent */
	u32 userdata_len;
	bool has_egress_tun_port;
	u32 egress_tun_port;
	const struct nlattr *actions;   /* the list being run, when asked for */
	u32 actions_len;
};

/* The caller's hooks.  Any may be NULL (the action then does nothing).
 * 'prng' is the sampling generator's state, private to the thread. */
struct actions_ctx {
	void (*output)(struct actions_ctx *, struct dp_packet *, u32 port);
	void (*userspace)(struct actions_ctx *, struct dp_packet *,
			  const struct flow_key *, const struct actions_upcall *);
	void (*recirc)(struct actions_ctx *, struct dp_packet *,
		       const struct flow_key *, u32 recirc_id);
	void *aux;
	u32 prng;
	struct meter_table *meters;     /* NULL: meters pass every packet */
	u64 now_ns;                     /* the meters' clock, for this batch */
};

/* Checks the action list [acts, acts+len) for a flow with 'key' and 'mask'
 * ('mask' NULL: an exact match).  The list is 4-byte aligned, as netlink
 * messages are.  Returns 0, -EINVAL, -EOVERFLOW (nesting too deep) or
 * -EOPNOTSUPP, with 'err' filled when not NULL. */
int actions_validate(const struct nlattr *acts, u32 len,
		     const struct flow_key *key, const struct flow_key *mask,
		     struct actions_error *err);

/* Runs a validated list on 'pkt', whose key is 'key'.  Returns 0 (including
 * an explicit drop), or a negative errno when the packet was dropped because
 * an action could not apply to it.  The caller still owns 'pkt'; 'key' may
 * no longer describe it (parse it again before reusing the key). */
int actions_execute(struct actions_ctx *ctx, struct dp_packet *pkt,
		    struct flow_key *key, const struct nlattr *acts, u32 len);

/* "output", "push_vlan", ...: the ovs-dpctl name of an action, or "?". */
const char *actions_attr_name(int type);

#endif /* WEIR_DP_ACTIONS_H */
