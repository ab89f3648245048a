#!/usr/bin/env python3
"""Records what the real ovs-ofctl sends and prints, for
test-ofp-stats-data.h.

usage: record-ofp-stats.py CASES > tests/unit/test-ofp-stats-data.h

Each CASES line is one of
  send OPTIONS... COMMAND ARGS...   what "ovs-ofctl OPTIONS COMMAND
                                     unix:SOCK ARGS" sends to a fake switch
                                     (every message but HELLO, ECHO,
                                     BARRIER and FEATURES), one case each;
  stats VERSION FLOW                a flow stats reply entry built around
                                     the match and instructions of the
                                     FLOW_MOD ovs-ofctl sends for FLOW
                                     (VERSION 10..15, or nx for NXST_FLOW);
  gdesc VERSION GROUP               a group description reply entry
                                     built from the GROUP_MOD ovs-ofctl
                                     sends for "add-group GROUP";
  fmon VERSION EVENTS FLOW          a flow monitor reply (10: NXST, 13:
                                     ONFST, 14/15: OFPST) with one update
                                     per comma-separated event (added,
                                     deleted, modified, initial, abbrev,
                                     paused, resumed) around the FLOW_MOD
                                     ovs-ofctl sends for FLOW;
  hex LABEL HEX                     a message given whole.
For every case: the message and "ovs-ofctl ofp-print" of it."""
import os, socket, struct, subprocess, sys, tempfile, threading

from fake_switch import recvn


def empty_reply(ver, typ, msg):
    """An empty reply to a multipart request: its header, type + 1."""
    vendor = msg[8:10] == b"\xff\xff"
    n = 24 if vendor else (12 if ver == 1 else 16)
    r = msg[:n]
    return (r[:1] + bytes([typ + 1]) + struct.pack("!H", n) + r[4:10] +
            b"\0\0" + r[12:])


def serve(sock, out):
    while True:
        try:
            c, _ = sock.accept()
        except OSError:
            return
        try:
            while True:
                h = recvn(c, 8)
                ver, typ, ln, xid = struct.unpack("!BBHI", h)
                msg = h + recvn(c, ln - 8)
                if typ == 0:
                    c.sendall(struct.pack("!BBHI", ver, 0, 8, xid))
                elif typ == 2:
                    c.sendall(struct.pack("!BBHI", ver, 3, ln, xid) +
                              msg[8:])
                elif (ver == 1 and typ == 18) or (ver > 1 and typ == 20):
                    c.sendall(struct.pack("!BBHI", ver, typ + 1, 8, xid))
                elif typ == 5:
                    c.sendall(struct.pack("!BBHI", ver, 6, 32, xid) +
                              b"\0" * 24)
                elif (ver == 1 and typ == 16) or (ver > 1 and typ == 18):
                    out.append(msg)
                    c.sendall(empty_reply(ver, typ, msg))
                else:
                    out.append(msg)
        except EOFError:
            pass
        c.close()


def c_str(s):
    return ('"' + s.replace("\\", "\\\\").replace('"', '\\"')
            .replace("\n", "\\n") + '"')


class Switch:
    def __init__(self):
        d = tempfile.mkdtemp()
        self.path = os.path.join(d, "sw")
        s = socket.socket(socket.AF_UNIX)
        s.bind(self.path)
        s.listen(5)
        self.out = []
        threading.Thread(target=serve, args=(s, self.out),
                         daemon=True).start()

    def send(self, words):
        i = 0
        while words[i].startswith("-"):
            i += 2 if words[i] in ("-O", "-F") else 1
        self.out.clear()
        subprocess.run(["timeout", "5", "ovs-ofctl", "--no-names"] +
                       words[:i] + [words[i], "unix:" + self.path] +
                       words[i + 1:], capture_output=True)
        return list(self.out)


def oxs_stats(sec, nsec, idle, packets, octets):
    def tlv(field, payload):
        return struct.pack("!HBB", 0x8002, field << 1, len(payload)) + payload
    body = (tlv(0, struct.pack("!II", sec, nsec)) +
            tlv(1, struct.pack("!Q", idle << 32)) +
            tlv(4, struct.pack("!Q", packets)) +
            tlv(5, struct.pack("!Q", octets)))
    s = struct.pack("!HH", 0, 4 + len(body)) + body
    return s + b"\0" * (-len(s) % 8)


def stats_entry(sw, version, flow):
    """A flow stats reply around the FLOW_MOD that ovs-ofctl sends."""
    if version == "nx":
        fm = sw.send(["-F", "nxm", "add-flow", flow])[-1]
        body = fm[16:]
        match_len = struct.unpack("!H", body[24:26])[0]
        rest = body[32:]
        cookie = body[0:8]
        prio = body[14:16]
        e = (struct.pack("!BB", 2, 0) + struct.pack("!II", 7, 500000000) +
             prio + body[10:14] + struct.pack("!HHH", match_len, 4, 2) +
             cookie + struct.pack("!QQ", 3, 180) + rest)
        return make_reply(1, 0xffff, e, nx=True)
    v = int(version)
    fm = sw.send(["-O", "OpenFlow%d" % v, "add-flow", flow])[-1]
    body = fm[8:]
    if v == 10:
        match, acts = body[:40], body[64:]
        e = (struct.pack("!BB", 1, 0) + match + struct.pack("!II", 7, 5000) +
             body[54:56] + body[50:54] + b"\0" * 6 + body[40:48] +
             struct.pack("!QQ", 3, 180) + acts)
        return make_reply(v - 9, 1, e)
    cookie, prio, idle, hard = body[0:8], body[22:24], body[18:20], \
        body[20:22]
    flags, imp, rest = body[36:38], body[38:40], body[40:]
    if v == 15:
        mlen = struct.unpack("!H", rest[2:4])[0]
        mpad = (mlen + 7) // 8 * 8
        e = (b"\0\0" + struct.pack("!BB", 4, 0) + prio + idle + hard +
             flags + imp + cookie + rest[:mpad] +
             oxs_stats(7, 5000, 3, 3, 180) + rest[mpad:])
    else:
        e = (struct.pack("!BB", 1, 0) + struct.pack("!II", 7, 5000) + prio +
             idle + hard + (flags if v >= 13 else b"\0\0") +
             (imp if v >= 14 else b"\0\0") + b"\0\0" + cookie +
             struct.pack("!QQ", 3, 180) + rest)
    return make_reply(v - 9, 1, e)


def gdesc_entry(sw, version, group):
    """A group desc reply around the GROUP_MOD that ovs-ofctl sends."""
    v = int(version)
    gm = sw.send(["-O", "OpenFlow%d" % v, "add-group", group])[-1]
    if v == 10:
        body = gm[16:]
    else:
        body = gm[8:]
    if v in (10, 15):
        e = body[2:8] + body[8:10] + b"\0" * 6 + body[16:]
    else:
        e = body[2:8] + body[8:]
    if v == 10:
        return make_reply(1, 0xffff, e, nx=True, subtype=8)
    return make_reply(v - 9, 7, e)


NX_EVENTS = {"added": 0, "deleted": 1, "modified": 2, "abbrev": 3}
OF_EVENTS = {"initial": 0, "added": 1, "deleted": 2, "modified": 3,
             "abbrev": 4, "paused": 5, "resumed": 6}


def fmon_update(v, event, fm):
    """One flow update in version v's layout from FLOW_MOD 'fm'."""
    if event in ("abbrev", "paused", "resumed"):
        ev = (NX_EVENTS if v < 14 else OF_EVENTS)[event]
        return struct.pack("!HHI", 8, ev, 0x1234 if event == "abbrev" else 0)
    reason = 2 if event == "deleted" else 0
    if v == 10:
        body = fm[16:]
        match_len = struct.unpack("!H", body[24:26])[0]
        rest = body[32:]
        e = (struct.pack("!HHHH", NX_EVENTS[event], reason, 0x1234, 10) +
             struct.pack("!HHBB", 20, match_len, 3, 0) + body[0:8] + rest)
    else:
        body = fm[8:]
        rest = body[40:]
        mlen = struct.unpack("!H", rest[2:4])[0]
        if v == 13:
            e = (struct.pack("!HHHH", NX_EVENTS[event], reason, 0x1234, 10) +
                 struct.pack("!HHBB", 20, mlen, 3, 0) + body[0:8] + rest)
        else:
            e = (struct.pack("!HBBHHH", OF_EVENTS[event], 3, reason, 10, 20,
                             0x1234) + b"\0" * 4 + body[0:8] + rest)
    return struct.pack("!H", len(e) + 2) + e


def fmon_reply(sw, version, events, flow):
    v = int(version)
    if v == 10:
        fm = sw.send(["-F", "nxm", "add-flow", flow])[-1]
    else:
        fm = sw.send(["-O", "OpenFlow%d" % v, "add-flow", flow])[-1]
    body = b"".join(fmon_update(v, e, fm) for e in events.split(","))
    if v == 10:
        head = struct.pack("!HHIII", 0xffff, 0, 0x2320, 2, 0)
        typ = 17
    elif v == 13:
        head = struct.pack("!HHIII", 0xffff, 0, 0, 0x4f4e4600, 1870)
        typ = 19
    else:
        head = struct.pack("!HHI", 16, 0, 0)
        typ = 19
    n = 8 + len(head) + len(body)
    return struct.pack("!BBHI", v - 9, typ, n, 0x66) + head + body


def make_reply(ver, stype, entry, nx=False, subtype=0):
    entry = struct.pack("!H", len(entry) + 2) + entry
    if nx:
        head = struct.pack("!HHIII", 0xffff, 0, 0x2320, subtype, 0)
    elif ver == 1:
        head = struct.pack("!HH", stype, 0)
    else:
        head = struct.pack("!HHI", stype, 0, 0)
    typ = 17 if ver == 1 else 19
    n = 8 + len(head) + len(entry)
    return struct.pack("!BBHI", ver, typ, n, 0x55) + head + entry


def main():
    sw = Switch()
    rows = []
    for line in open(sys.argv[1]):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0] == "send":
            msgs = [(" ".join(words[1:]), m) for m in sw.send(words[1:])]
        elif words[0] == "stats":
            msgs = [("stats %s %s" % (words[1], words[2]),
                     stats_entry(sw, words[1], words[2]))]
        elif words[0] == "fmon":
            msgs = [(" ".join(words), fmon_reply(sw, *words[1:4]))]
        elif words[0] == "gdesc":
            msgs = [("gdesc %s %s" % (words[1], words[2]),
                     gdesc_entry(sw, words[1], words[2]))]
        else:
            msgs = [(words[1], bytes.fromhex(words[2]))]
        for label, m in msgs:
            text = subprocess.run(["ovs-ofctl", "ofp-print", m.hex()],
                                  capture_output=True, text=True).stdout
            rows.append((label, m.hex(), text))
    print("/* Generated by tests/unit/record-ofp-stats.py from the real "
          "ovs-ofctl\n * (Open vSwitch 3.1). */")
    print("struct stats_case {\n\tconst char *label;\n\tconst char *hex;"
          "\n\tconst char *text;\n};\n")
    print("static const struct stats_case stats_cases[] = {")
    for label, h, t in rows:
        print("\t{ %s,\n\t  %s,\n\t  %s }," % (c_str(label), c_str(h),
                                                c_str(t)))
    print("};")


main()
