#!/usr/bin/python3
"""Records how Debian's ovs-vswitchd floods a broadcast frame under NORMAL
across ports in every VLAN mode (ofproto/trace on a dummy datapath), as
tests/unit/test-port-vlan-ovs-data.h for test-port-vlan.c.  Run by hand:
  /usr/bin/python3 tests/unit/record-port-vlan.py > tests/unit/test-port-vlan-ovs-data.h
The port table below is mirrored in test-port-vlan.c."""
import os, re, subprocess, sys, tempfile, time, glob

# name, ofport, vlan_mode, tag, trunks, cvlans, qinq-ethtype
PORTS = [
    ("p1", 1, "access", 10, [], [], None),
    ("p2", 2, "trunk", None, [10, 20], [], None),
    ("p3", 3, "native-untagged", 10, [20], [], None),
    ("p4", 4, "native-tagged", 10, [], [], None),
    ("p5", 5, "dot1q-tunnel", 10, [], [], None),
    ("p6", 6, None, None, [], [], None),
    ("p7", 7, "dot1q-tunnel", 20, [], [100, 101], "802.1q"),
    ("p8", 8, "trunk", None, [0, 30], [], None),
    ("p9", 9, "access", None, [], [], None),
    ("p10", 10, "native-untagged", 30, [0, 20], [], None),
]
LOCAL = 100

# Tag stacks: (tpid, vid, pcp) outermost first.
STACKS = [
    [], [(0x8100, 0, 5)], [(0x8100, 10, 3)], [(0x8100, 20, 0)],
    [(0x8100, 30, 1)], [(0x8100, 40, 0)], [(0x88a8, 10, 0)],
    [(0x88a8, 10, 0), (0x8100, 100, 2)], [(0x88a8, 20, 0), (0x8100, 101, 0)],
    [(0x8100, 20, 0), (0x8100, 100, 0)], [(0x88a8, 30, 0), (0x8100, 0, 4)],
    [(0x8100, 100, 0)], [(0x8100, 101, 6)],
]

def sh(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True,
                          **kw).stdout

def frame(stack):
    b = "ffffffffffff" "020000000001"
    for tpid, vid, pcp in stack:
        b += "%04x%04x" % (tpid, pcp << 13 | vid)
    return b + "0800" + "45000014000000004000" + "00" * 10

def simulate(actions, stack):
    tags = list(stack)
    outs = []
    if actions == "drop":
        return outs
    for tok in re.findall(r"[a-z_]+\([^)]*\)|[^,]+", actions):
        m = re.match(r"push_vlan\((.*)\)", tok)
        if m:
            kv = dict(x.split("=") for x in m.group(1).split(","))
            tags.insert(0, (int(kv.get("tpid", "0x8100"), 16),
                            int(kv["vid"]), int(kv["pcp"])))
        elif tok == "pop_vlan":
            tags.pop(0)
        elif tok.isdigit():
            outs.append((int(tok), list(tags)))
        else:
            sys.exit("unexpected action %r" % tok)
    return sorted(outs)

def fmt_tags(tags):
    return "+".join("%x/%d/%d" % t for t in tags) or "-"

def main():
    d = tempfile.mkdtemp(prefix="ovs-normal.")
    env = dict(os.environ, OVS_RUNDIR=d, OVS_DBDIR=d, OVS_LOGDIR=d,
               OVS_SYSCONFDIR=d)
    db = "unix:%s/db.sock" % d
    sh("ovsdb-tool", "create", d + "/conf.db",
       "/usr/share/openvswitch/vswitch.ovsschema")
    sh("ovsdb-server", "--detach", "--pidfile", "--remote=punix:%s/db.sock" % d,
       d + "/conf.db", env=env)
    try:
        sh("ovs-vsctl", "--db=" + db, "--no-wait", "init", env=env)
        sh("ovs-vswitchd", "--enable-dummy=override", "--disable-system",
           "--detach", "--pidfile", db, env=env)
        cmd = ["ovs-vsctl", "--db=" + db, "set", "Open_vSwitch", ".",
               "other_config:vlan-limit=2", "--", "add-br", "br0", "--",
               "set", "bridge", "br0", "datapath_type=dummy"]
        for name, ofport, mode, tag, trunks, cvlans, qinq in PORTS:
            cmd += ["--", "add-port", "br0", name, "--", "set", "interface",
                    name, "type=dummy", "ofport_request=%d" % ofport]
            sets = []
            if mode: sets.append("vlan_mode=" + mode)
            if tag is not None: sets.append("tag=%d" % tag)
            if trunks: sets.append("trunks=" + ",".join(map(str, trunks)))
            if cvlans: sets.append("cvlans=" + ",".join(map(str, cvlans)))
            if qinq: sets.append("other_config:qinq-ethtype=" + qinq)
            if sets: cmd += ["--", "set", "port", name] + sets
        sh(*cmd, env=env)
        ctl = glob.glob(d + "/ovs-vswitchd.*.ctl")[0]
        dps = sh("ovs-appctl", "-t", ctl, "dpif/show", env=env)
        for name, ofport, *_ in PORTS:   # datapath port numbers = OpenFlow's
            assert re.search(r"\b%s %d/%d:" % (name, ofport, ofport), dps), dps
        print("/* Recorded by tests/unit/record-port-vlan.py from Debian's"
              " ovs-vswitchd\n * (%s): NORMAL flooding a broadcast frame,"
              " vlan-limit=2.\n * Tags are tpid/vid/pcp, outermost first. */"
              % sh("ovs-vswitchd", "--version").split("\n")[0])
        for _, in_port, *_ in PORTS:
            for stack in STACKS:
                out = sh("ovs-appctl", "-t", ctl, "ofproto/trace", "br0",
                         "in_port=%d" % in_port, frame(stack), env=env)
                acts = re.search(r"^Datapath actions: (.*)$", out, re.M)
                outs = simulate(acts.group(1), stack)
                print('{ %d, "%s", "%s" },' % (
                    in_port, fmt_tags(stack),
                    " ".join("%d:%s" % (p, fmt_tags(t)) for p, t in outs)))
    finally:
        for pid in glob.glob(d + "/*.pid"):
            subprocess.run(["kill", open(pid).read().strip()])

main()
