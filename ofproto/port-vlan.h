/* A port's VLAN configuration for the NORMAL action (the Port table's
 * vlan_mode, tag, trunks and cvlans): which VLAN a frame arriving on the
 * port belongs to, whether a VLAN leaves through the port, and with which
 * tags.  Frames carry up to two tags, outermost first; inside the bridge a
 * frame's VLAN is its outer tag's VID (0: no VLAN). */
#ifndef WEIR_PORT_VLAN_H
#define WEIR_PORT_VLAN_H 1

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum port_vlan_mode {
	PORT_VLAN_TRUNK,
	PORT_VLAN_ACCESS,
	PORT_VLAN_NATIVE_TAGGED,
	PORT_VLAN_NATIVE_UNTAGGED,
	PORT_VLAN_DOT1Q_TUNNEL,
};

struct port_vlan {
	enum port_vlan_mode mode;
	uint16_t vlan;          /* access, native or service VLAN */
	uint16_t qinq_tpid;     /* a dot1q-tunnel port's service tag TPID */
	bool all_vlans;         /* trunks (or cvlans) empty: every VLAN */
	uint64_t vlans[64];     /* the trunks, or a tunnel's cvlans */
};

/* One tag: 'tpid' 0 means absent. */
struct vlan_tag {
	uint16_t tpid;
	uint16_t vid;
	uint8_t pcp;
};

struct vlan_tags {
	struct vlan_tag v[2];
};

/* Builds 'pv' from a Port row: 'mode' NULL or "" for the default (access
 * if a tag is given, else trunk), 'tag' -1 if none, 'qinq_ethtype' NULL,
 * "802.1ad" or "802.1q".  Returns NULL, or a warning naming what was
 * ignored (the port is still configured, as OVS does). */
const char *port_vlan_configure(struct port_vlan *pv, const char *mode,
				int tag, const int64_t *trunks, size_t n_trunks,
				const int64_t *cvlans, size_t n_cvlans,
				const char *qinq_ethtype);
const char *port_vlan_mode_name(enum port_vlan_mode);

/* Ingress: false (with the reason in '*why') if the port must drop a frame
 * with tags 'in'; else the tags the frame has inside the bridge. */
bool port_vlan_input(const struct port_vlan *, const struct vlan_tags *in,
		     struct vlan_tags *inside, const char **why);
/* Egress: whether a frame with bridge tags 'inside' may leave through the
 * port, and the tags it then carries on the wire. */
bool port_vlan_includes(const struct port_vlan *,
			const struct vlan_tags *inside);
void port_vlan_output(const struct port_vlan *,
		      const struct vlan_tags *inside, struct vlan_tags *out);

#endif /* WEIR_PORT_VLAN_H */
