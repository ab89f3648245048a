/* NORMAL's VLAN rules per port mode (the Port table's documentation in
 * docs/vswitch-schema.md): access ports are untagged and belong to one
 * VLAN; trunks carry tagged VLANs; native modes add an untagged VLAN; a
 * dot1q-tunnel port wraps whatever arrives in a service VLAN. */
#include "port-vlan.h"

#include <string.h>

#define TPID_8021Q 0x8100
#define TPID_8021AD 0x88a8

static bool
bit_test(const uint64_t *map, uint16_t vid)
{
	return map[vid / 64] >> (vid % 64) & 1;
}

static void
bit_set(uint64_t *map, uint16_t vid, bool on)
{
	if (on)
		map[vid / 64] |= 1ULL << (vid % 64);
	else
		map[vid / 64] &= ~(1ULL << (vid % 64));
}

/* Valid VIDs of 'ids' into 'pv->vlans'; 'all_vlans' when there are none. */
static void
set_vlans(struct port_vlan *pv, const int64_t *ids, size_t n)
{
	memset(pv->vlans, 0, sizeof pv->vlans);
	pv->all_vlans = true;
	for (size_t i = 0; i < n; i++) {
		if (ids[i] >= 0 && ids[i] <= 4095) {
			bit_set(pv->vlans, ids[i], true);
			pv->all_vlans = false;
		}
	}
}

static const char *const mode_names[] = {
	[PORT_VLAN_TRUNK] = "trunk",
	[PORT_VLAN_ACCESS] = "access",
	[PORT_VLAN_NATIVE_TAGGED] = "native-tagged",
	[PORT_VLAN_NATIVE_UNTAGGED] = "native-untagged",
	[PORT_VLAN_DOT1Q_TUNNEL] = "dot1q-tunnel",
};

const char *
port_vlan_mode_name(enum port_vlan_mode mode)
{
	return mode_names[mode];
}

/* The mode 'name' names; the default when empty; trunk (with a warning)
 * when unknown. */
static enum port_vlan_mode
parse_mode(const char *name, int tag, const char **warning)
{
	if (!name || !*name)
		return tag >= 0 ? PORT_VLAN_ACCESS : PORT_VLAN_TRUNK;
	for (size_t i = 0; i < sizeof mode_names / sizeof *mode_names; i++)
		if (!strcmp(name, mode_names[i]))
			return i;
	*warning = "unknown VLAN mode, falling back to trunk mode";
	return PORT_VLAN_TRUNK;
}

/* A native port always trunks its native VLAN, never VLAN 0 (its untagged
 * frames are the native VLAN's). */
static void
fix_native_trunks(struct port_vlan *pv)
{
	if (!pv->vlan)
		return;
	if (pv->all_vlans)
		memset(pv->vlans, 0xff, sizeof pv->vlans);
	pv->all_vlans = false;
	bit_set(pv->vlans, pv->vlan, true);
	bit_set(pv->vlans, 0, false);
}

const char *
port_vlan_configure(struct port_vlan *pv, const char *mode, int tag,
		    const int64_t *trunks, size_t n_trunks,
		    const int64_t *cvlans, size_t n_cvlans,
		    const char *qinq_ethtype)
{
	const char *warning = NULL;

	if (tag > 4095)
		tag = -1;
	memset(pv, 0, sizeof *pv);
	pv->mode = parse_mode(mode, tag, &warning);
	pv->vlan = pv->mode == PORT_VLAN_TRUNK || tag < 0 ? 0 : tag;
	pv->qinq_tpid = qinq_ethtype && !strcmp(qinq_ethtype, "802.1q")
			? TPID_8021Q : TPID_8021AD;
	switch (pv->mode) {
	case PORT_VLAN_ACCESS:
		set_vlans(pv, NULL, 0);
		if ((n_trunks || n_cvlans) && (!mode || !*mode))
			warning = "ignoring trunks in favor of implicit vlan";
		break;
	case PORT_VLAN_TRUNK:
		set_vlans(pv, trunks, n_trunks);
		break;
	case PORT_VLAN_NATIVE_TAGGED:
	case PORT_VLAN_NATIVE_UNTAGGED:
		set_vlans(pv, trunks, n_trunks);
		fix_native_trunks(pv);
		break;
	case PORT_VLAN_DOT1Q_TUNNEL:
		set_vlans(pv, cvlans, n_cvlans);
		break;
	}
	return warning;
}

/* Does the port carry tagged VLAN 'vid' (trunk and native modes)? */
static bool
trunks_vlan(const struct port_vlan *pv, uint16_t vid)
{
	return pv->mode != PORT_VLAN_ACCESS &&
	       (pv->all_vlans || bit_test(pv->vlans, vid));
}

static bool
allows_cvlan(const struct port_vlan *pv, uint16_t vid)
{
	return pv->all_vlans || bit_test(pv->vlans, vid);
}

static bool
input_allowed(const struct port_vlan *pv, uint16_t vid, const char **why)
{
	switch (pv->mode) {
	case PORT_VLAN_ACCESS:
		*why = "tagged frame on an access port";
		return !vid;
	case PORT_VLAN_NATIVE_TAGGED:
	case PORT_VLAN_NATIVE_UNTAGGED:
		if (!vid)
			return true;
		/* fall through */
	case PORT_VLAN_TRUNK:
		*why = "VLAN not trunked by the port";
		return trunks_vlan(pv, vid);
	case PORT_VLAN_DOT1Q_TUNNEL:
		*why = "customer VLAN excluded by the dot1q-tunnel port";
		return allows_cvlan(pv, vid);
	}
	return false;
}

static void
tags_push(struct vlan_tags *t, struct vlan_tag tag)
{
	t->v[1] = t->v[0];
	t->v[0] = tag;
}

static void
tags_pop(struct vlan_tags *t)
{
	t->v[0] = t->v[1];
	memset(&t->v[1], 0, sizeof t->v[1]);
}

static uint16_t
outer_vid(const struct vlan_tags *t)
{
	return t->v[0].tpid ? t->v[0].vid : 0;
}

/* The bridge VLAN 'pv->vlan' on a frame that had tag 'in' (maybe none):
 * the frame's priority and TPID are kept. */
static struct vlan_tag
implicit_tag(const struct port_vlan *pv, const struct vlan_tag *in)
{
	struct vlan_tag t = {
		.tpid = in->tpid ? in->tpid : TPID_8021Q,
		.vid = pv->vlan,
		.pcp = in->tpid ? in->pcp : 0,
	};
	return t;
}

bool
port_vlan_input(const struct port_vlan *pv, const struct vlan_tags *in,
		struct vlan_tags *inside, const char **why)
{
	const char *reason = NULL;

	if (!input_allowed(pv, outer_vid(in), &reason)) {
		if (why)
			*why = reason;
		return false;
	}
	*inside = *in;
	switch (pv->mode) {
	case PORT_VLAN_ACCESS:
		memset(inside, 0, sizeof *inside);
		inside->v[0] = implicit_tag(pv, &in->v[0]);
		break;
	case PORT_VLAN_TRUNK:
		break;
	case PORT_VLAN_NATIVE_TAGGED:
	case PORT_VLAN_NATIVE_UNTAGGED:
		if (!outer_vid(in))
			inside->v[0] = implicit_tag(pv, &in->v[0]);
		break;
	case PORT_VLAN_DOT1Q_TUNNEL:
		tags_push(inside, (struct vlan_tag){ pv->qinq_tpid, pv->vlan,
						     0 });
		break;
	}
	return true;
}

bool
port_vlan_includes(const struct port_vlan *pv, const struct vlan_tags *inside)
{
	uint16_t vid = outer_vid(inside);
	uint16_t inner = inside->v[1].tpid ? inside->v[1].vid : 0;

	switch (pv->mode) {
	case PORT_VLAN_ACCESS:
		return vid == pv->vlan && !inner;
	case PORT_VLAN_TRUNK:
	case PORT_VLAN_NATIVE_TAGGED:
	case PORT_VLAN_NATIVE_UNTAGGED:
		return trunks_vlan(pv, vid);
	case PORT_VLAN_DOT1Q_TUNNEL:
		return vid == pv->vlan && allows_cvlan(pv, inner);
	}
	return false;
}

void
port_vlan_output(const struct port_vlan *pv, const struct vlan_tags *inside,
		 struct vlan_tags *out)
{
	*out = *inside;
	switch (pv->mode) {
	case PORT_VLAN_ACCESS:
		memset(out, 0, sizeof *out);
		break;
	case PORT_VLAN_TRUNK:
	case PORT_VLAN_NATIVE_TAGGED:
		break;
	case PORT_VLAN_NATIVE_UNTAGGED:
		if (outer_vid(inside) == pv->vlan)
			tags_pop(out);
		break;
	case PORT_VLAN_DOT1Q_TUNNEL:
		tags_pop(out);
		break;
	}
	/* A tag with neither VID nor priority is no tag at all. */
	for (int i = 1; i >= 0; i--)
		if (out->v[i].tpid && !out->v[i].vid && !out->v[i].pcp)
			memset(&out->v[i], 0, sizeof out->v[i]);
	if (!out->v[0].tpid && out->v[1].tpid)
		tags_pop(out);
}
