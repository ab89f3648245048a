#!/usr/bin/env python3
"""Records Open vSwitch's translation of every case in test-xlate-cases.txt.

Run by hand (needs Debian's openvswitch-switch); writes test-xlate-data.h
next to this script.  Starts a private ovsdb-server and ovs-vswitchd with a
dummy datapath in a scratch directory: bridge br0 (LOCAL, datapath port
100) with dummy ports p1-p4 as OpenFlow and datapath ports 1-4.  Each case
is set up (flows, groups, port states), traced with ofproto/trace, and its
"Datapath actions:", "Megaflow:" and any "Translation failed" recorded.
Cases marked "nooracle" keep their own expectation."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "test-xlate-cases.txt")
OUT = os.path.join(HERE, "test-xlate-data.h")


def parse_cases(path):
    cases, cur = [], None
    for line in open(path):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word == "case":
            cur = {"name": rest, "setup": [], "trace": "", "expect": None,
                   "error": "", "learn": "", "oracle": True}
            cases.append(cur)
        elif word in ("flow", "group", "down", "noflood", "miss"):
            cur["setup"].append(line)
            if word == "miss":
                cur["oracle"] = False
        elif word in ("trace", "expect", "error", "learn"):
            cur[word] = rest
        elif word == "nooracle":
            cur["oracle"] = False
        else:
            sys.exit("%s: unknown line %r" % (path, line))
    return cases


class Sandbox:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="weir-xlate-")
        env = dict(os.environ)
        for v in ("OVS_RUNDIR", "OVS_DBDIR", "OVS_LOGDIR", "OVS_SYSCONFDIR"):
            env[v] = self.dir
        self.env = env
        d = self.dir
        self.run(["ovsdb-tool", "create", d + "/conf.db",
                  "/usr/share/openvswitch/vswitch.ovsschema"])
        self.run(["ovsdb-server", "--remote=punix:" + d + "/db.sock",
                  "--pidfile=" + d + "/db.pid", "--detach",
                  "--log-file=" + d + "/db.log", d + "/conf.db"])
        self.db = "--db=unix:" + d + "/db.sock"
        self.run(["ovs-vsctl", self.db, "--no-wait", "init"])
        self.run(["ovs-vswitchd", "--enable-dummy", "unix:" + d + "/db.sock",
                  "--pidfile=" + d + "/vs.pid", "--detach",
                  "--log-file=" + d + "/vs.log"])
        cmd = ["ovs-vsctl", self.db, "add-br", "br0", "--", "set", "bridge",
               "br0", "datapath_type=dummy", "fail-mode=secure"]
        for i in range(1, 5):
            cmd += ["--", "add-port", "br0", "p%d" % i, "--", "set",
                    "interface", "p%d" % i, "type=dummy",
                    "ofport_request=%d" % i]
        self.run(cmd)
        self.br = "unix:" + d + "/br0.mgmt"
        pid = open(d + "/vs.pid").read().strip()
        self.ctl = "%s/ovs-vswitchd.%s.ctl" % (d, pid)

    def run(self, cmd, check=True):
        p = subprocess.run(cmd, env=self.env, capture_output=True, text=True)
        if check and p.returncode:
            sys.exit("%s: %s" % (" ".join(cmd), p.stderr))
        return p

    def ofctl(self, *args):
        # OpenFlow 1.0 would drop instructions silently; NXM-only fields
        # need the fallback.
        # OpenFlow 1.0 would drop instructions silently; NXM-only fields
        # need it.  mod_vlan_* keep their OpenFlow 1.0 meaning (modify a
        # tag that is there) only when sent as OpenFlow 1.0.
        first, second = ["-O", "OpenFlow15"], []
        if any("mod_vlan" in a for a in args):
            first, second = second, first
        p = self.run(["ovs-ofctl"] + first + list(args), check=False)
        if p.returncode:
            p = self.run(["ovs-ofctl"] + second + list(args))
        return p

    def reset(self):
        self.ofctl("del-flows", self.br)
        self.run(["ovs-ofctl", "-O", "OpenFlow15", "del-groups", self.br])
        for i in range(1, 5):
            self.run(["ovs-ofctl", "mod-port", self.br, "p%d" % i, "up"])
            self.run(["ovs-ofctl", "mod-port", self.br, "p%d" % i, "flood"])

    def trace(self, case):
        self.reset()
        for line in case["setup"]:
            word, _, rest = line.partition(" ")
            if word == "flow":
                self.ofctl("add-flow", self.br, rest)
            elif word == "group":
                self.run(["ovs-ofctl", "-O", "OpenFlow15", "add-group",
                          self.br, rest])
            elif word == "down":
                self.run(["ovs-ofctl", "mod-port", self.br, "p" + rest,
                          "down"])
            elif word == "noflood":
                self.run(["ovs-ofctl", "mod-port", self.br, "p" + rest,
                          "no-flood"])
        time.sleep(0.05)
        out = self.run(["ovs-appctl", "-t", self.ctl, "ofproto/trace",
                        "br0", case["trace"]]).stdout
        res = {"actions": "", "megaflow": "", "error": ""}
        for line in out.splitlines():
            if line.startswith("Datapath actions: "):
                res["actions"] = line[len("Datapath actions: "):]
            elif line.startswith("Megaflow: "):
                res["megaflow"] = line[len("Megaflow: "):]
            elif line.startswith("Translation failed ("):
                res["error"] = line[len("Translation failed ("):].split(")")[0]
        return res

    def close(self):
        for pid in ("vs.pid", "db.pid"):
            try:
                os.kill(int(open(self.dir + "/" + pid).read()), 15)
            except (OSError, ValueError):
                pass
        time.sleep(0.2)
        shutil.rmtree(self.dir, ignore_errors=True)


def c_str(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + s + '"'


def main():
    cases = parse_cases(CASES)
    box = Sandbox()
    try:
        for c in cases:
            c["megaflow"] = ""
            if not c["oracle"]:
                if c["expect"] is None:
                    sys.exit("case %s: nooracle needs expect" % c["name"])
                continue
            r = box.trace(c)
            c["megaflow"] = r["megaflow"]
            c["expect"] = r["actions"]
            c["error"] = r["error"]
    finally:
        box.close()
    with open(OUT, "w") as f:
        f.write("/* Generated by tests/unit/record-xlate.py from "
                "test-xlate-cases.txt:\n * Open vSwitch 3.1's ofproto/trace "
                "of every case (ours where marked\n * nooracle).  Do not "
                "edit. */\n")
        f.write("static const struct xlate_case xlate_cases[] = {\n")
        for c in cases:
            f.write("\t{ %s,\n" % c_str(c["name"]))
            f.write("\t  %s,\n" % c_str("\n".join(c["setup"])))
            f.write("\t  %s,\n" % c_str(c["trace"]))
            f.write("\t  %s,\n" % c_str(c["expect"]))
            f.write("\t  %s,\n" % c_str(c["error"]))
            f.write("\t  %s,\n" % c_str(c["learn"]))
            f.write("\t  %s,\n" % c_str(c["megaflow"]))
            f.write("\t  %s },\n" % ("true" if c["oracle"] else "false"))
        f.write("};\n")
    print("%d cases written to %s" % (len(cases), OUT))


if __name__ == "__main__":
    main()
