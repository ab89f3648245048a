#!/usr/bin/python3
"""The tshark oracle for flow-key extraction.

  oracle.py gen FILE.pcap [SEED]     write a varied pcap (fixed seed)
  oracle.py compare FILE.pcap FLOW_KEYS_PROGRAM

'compare' dissects the file with tshark and with flow-keys, turns tshark's
dissection into the flow key the upstream datapath defines, and prints every
field on which the two disagree.  It exits 0 only when there is none.
"""
import ipaddress
import json
import random
import subprocess
import sys

from scapy.all import (ARP, ICMP, IP, SCTP, TCP, UDP, Dot1Q, Dot3, Ether,
                       ICMPv6EchoRequest, ICMPv6ND_NA, ICMPv6ND_NS,
                       ICMPv6NDOptDstLLAddr, ICMPv6NDOptMTU,
                       ICMPv6NDOptSrcLLAddr, IPerror, IPOption_NOP,
                       IPOption_RR, IPv6, LLC, SNAP, Raw, UDPerror, raw, PcapWriter)
from scapy.contrib.mpls import MPLS

SEED = 20240601
ZERO_MAC = '00:00:00:00:00:00'


# ---------------------------------------------------------------- generation
class Gen:
    """Random field values from one seeded generator."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def bits(self, n):
        return self.r.getrandbits(n)

    def mac(self):
        return ':'.join('%02x' % self.bits(8) for _ in range(6))

    def ip4(self):
        return str(ipaddress.IPv4Address(self.bits(32)))

    def ip6(self):
        return str(ipaddress.IPv6Address(self.bits(128)))

    def port(self):
        return self.bits(16)

    def eth(self, **kw):
        return Ether(src=self.mac(), dst=self.mac(), **kw)

    def ipv4(self, **kw):
        return IP(**dict(dict(src=self.ip4(), dst=self.ip4(), id=self.bits(16),
                              tos=self.bits(8), ttl=self.bits(8)), **kw))

    def ipv6(self, **kw):
        return IPv6(**dict(dict(src=self.ip6(), dst=self.ip6(), tc=self.bits(8),
                                fl=self.bits(20), hlim=self.bits(8)), **kw))

    def tcp(self):
        return TCP(sport=self.port(), dport=self.port(), flags=self.bits(9),
                   reserved=self.bits(3), seq=self.bits(32), chksum=0)

    def l4(self, proto):
        """A transport header as scapy layers, for IPv4 or IPv6 (58)."""
        if proto == 6:
            return self.tcp()
        if proto == 17:
            return UDP(sport=self.port(), dport=self.port(), chksum=0)
        if proto == 132:
            return SCTP(sport=self.port(), dport=self.port(), chksum=0)
        if proto == 1:
            return ICMP(type=self.bits(8), code=self.bits(8), chksum=0)
        return ICMPv6EchoRequest(type=self.bits(8), code=self.bits(8),
                                 cksum=0)


def ipv4_packets(g):
    for proto in (6, 6, 17, 132, 1) * 6:
        opts = g.r.choice([[], [IPOption_NOP()] * g.r.randint(1, 7),
                           [IPOption_RR(routers=[g.ip4()])],
                           [IPOption_NOP(), IPOption_RR(routers=[g.ip4()] * 9)]])
        yield g.eth() / g.ipv4(options=opts, flags=g.bits(1) << 1) / g.l4(proto)
    for proto in (6, 17, 132, 1) * 4:
        # First fragments carry the transport header, later ones do not.
        yield g.eth() / g.ipv4(flags='MF') / g.l4(proto)
        yield (g.eth() / g.ipv4(flags=g.bits(1), frag=g.r.randint(1, 8191)) /
               g.l4(proto))
    yield g.eth() / g.ipv4() / ICMP(type=3, code=3) / IPerror() / UDPerror()
    yield g.eth() / g.ipv4(proto=4) / g.ipv4() / g.tcp()   # IP in IP
    yield g.eth() / g.ipv4(proto=47) / Raw(bytes(20))      # no L4 fields
    # Malformed headers: a bad version, header or total length.
    yield g.eth() / g.ipv4(version=5) / g.tcp()
    yield g.eth() / g.ipv4(ihl=4) / g.tcp()
    yield g.eth() / g.ipv4(len=12) / g.tcp()
    yield g.eth() / g.ipv4(len=1000) / g.tcp()
    yield g.eth() / g.ipv4(ihl=15) / g.tcp()
    # A TCP header whose data offset is too small or too large.
    yield g.eth() / g.ipv4() / TCP(dataofs=3)
    yield g.eth() / g.ipv4() / TCP(dataofs=15) / Raw(b'\0' * 8)


# IPv6 extension headers, built as bytes so that any chain can be made.
def ext_opts(g, nh):                    # hop-by-hop / destination options
    size = 8 * g.r.randint(1, 3)
    return bytes([nh, size // 8 - 1, 1, size - 4]) + bytes(size - 4)


def ext_routing(g, nh):
    n = g.r.randint(0, 2)
    addrs = b''.join(ipaddress.IPv6Address(g.ip6()).packed for _ in range(n))
    return bytes([nh, 2 * n, 0, 0, 0, 0, 0, 0]) + addrs


def ext_frag(g, nh, offset, more):
    return (bytes([nh, 0]) + ((offset << 3) | more).to_bytes(2, 'big') +
            g.bits(32).to_bytes(4, 'big'))


def ext_ah(g, nh):
    return bytes([nh, 4, 0, 0]) + g.bits(64).to_bytes(8, 'big') + bytes(12)


EXT_NUMBERS = {'hop': 0, 'routing': 43, 'dest': 60, 'frag': 44,
               'later': 44, 'ah': 51}


def ext_chain(g, kinds, proto):
    """The bytes of extension headers 'kinds' ending in protocol 'proto',
    and the number of the first one."""
    data, nh = b'', proto
    for kind in reversed(kinds):
        if kind in ('hop', 'dest'):
            hdr = ext_opts(g, nh)
        elif kind == 'routing':
            hdr = ext_routing(g, nh)
        elif kind == 'ah':
            hdr = ext_ah(g, nh)
        else:
            hdr = ext_frag(g, nh, g.r.randint(1, 8191) if kind == 'later'
                           else 0, g.bits(1) if kind == 'later' else 1)
        data, nh = hdr + data, EXT_NUMBERS[kind]
    return nh, data


EXT_CHAINS = [
    [], ['hop'], ['routing'], ['dest'], ['frag'], ['later'], ['ah'],
    ['hop', 'dest', 'routing', 'frag', 'ah', 'dest'],
    ['hop', 'routing', 'dest'], ['hop', 'frag'], ['dest', 'later'],
    # Out of the recommended order, or repeated.
    ['dest', 'hop'], ['routing', 'routing'], ['dest', 'dest'],
    ['routing', 'dest', 'dest'], ['frag', 'routing'], ['ah', 'hop'],
    ['hop', 'frag', 'dest'], ['frag', 'frag'],
]


def ipv6_packets(g):
    for chain in EXT_CHAINS:
        for proto in (6, 17, 132, 58):
            nh, data = ext_chain(g, chain, proto)
            yield g.eth() / g.ipv6(nh=nh) / Raw(data + raw(g.l4(proto)))
    for nh, payload in ((50, g.bits(64).to_bytes(8, 'big')), (59, b''),
                        (59, b'junk')):
        yield g.eth() / g.ipv6(nh=nh) / Raw(payload)
    # A jumbogram (RFC 2675): a zero payload length, the real one (over 64k)
    # in a hop-by-hop option.
    udp = raw(UDP(sport=g.port(), dport=g.port(), len=0, chksum=0))
    udp += bytes(70000)
    jumbo = bytes([17, 0, 0xc2, 4]) + (8 + len(udp)).to_bytes(4, 'big')
    yield g.eth() / g.ipv6(nh=0, plen=0) / Raw(jumbo + udp)


def nd_packets(g):
    sll = lambda: ICMPv6NDOptSrcLLAddr(lladdr=g.mac())
    tll = lambda: ICMPv6NDOptDstLLAddr(lladdr=g.mac())
    option_lists = [[], [sll()], [tll()], [sll(), tll()], [tll(), sll()],
                    [sll(), sll()], [tll(), tll()], [ICMPv6NDOptMTU(), sll()],
                    [Raw(b'\x01\x00' + bytes(6))], [sll(), Raw(b'\0' * 4)],
                    [Raw(b'\x01\x02' + bytes(14))]]
    for opts in option_lists:
        for nd in (ICMPv6ND_NS(tgt=g.ip6()),
                   ICMPv6ND_NA(tgt=g.ip6(), R=g.bits(1), S=g.bits(1),
                               O=g.bits(1))):
            pkt = g.eth() / g.ipv6(hlim=255) / nd
            for opt in opts:
                pkt = pkt / opt
            yield pkt
    yield g.eth() / g.ipv6() / ICMPv6ND_NS(code=1, tgt=g.ip6()) / sll()


def arp_packets(g):
    for op in (1, 2, 1, 2, 3, 4, 300):
        yield g.eth() / ARP(op=op, hwsrc=g.mac(), psrc=g.ip4(),
                            hwdst=g.mac(), pdst=g.ip4())
    yield g.eth(type=0x8035) / ARP(op=3, hwsrc=g.mac(), hwdst=g.mac())
    yield g.eth() / ARP(hwtype=6, hwsrc=g.mac(), psrc=g.ip4())
    yield g.eth() / ARP(ptype=0x86dd, hwsrc=g.mac())


def tagged(g, tpids, payload):
    """A frame with VLAN tags of TPIDs 'tpids' (outermost first)."""
    pkt = g.eth(type=tpids[0])
    for inner in tpids[1:] + [None]:
        tag = Dot1Q(vlan=g.bits(12), prio=g.bits(3), id=g.bits(1))
        if inner:
            tag.type = inner
        pkt /= tag
    return pkt / payload


def vlan_packets(g):
    payloads = lambda: [g.ipv4() / g.tcp(), g.ipv6() / g.l4(17),
                        ARP(hwsrc=g.mac(), psrc=g.ip4(), pdst=g.ip4()),
                        MPLS(label=g.bits(20), s=1, ttl=g.bits(8)) / g.ipv4()]
    for tpids in ([0x8100], [0x88a8, 0x8100], [0x8100, 0x8100],
                  [0x88a8, 0x8100, 0x8100]):
        for payload in payloads():
            yield tagged(g, tpids, payload)


def mpls_packets(g):
    for n in (1, 2, 3, 4, 1, 2, 3):
        pkt = g.eth(type=g.r.choice([0x8847, 0x8848]))
        for i in range(n):
            pkt = pkt / MPLS(label=g.bits(20), cos=g.bits(3),
                             s=int(i == n - 1), ttl=g.bits(8))
        yield pkt / g.ipv4() / g.l4(17)


def llc_packets(g):
    dot3 = lambda: Dot3(src=g.mac(), dst=g.mac())
    for sap in (0x42, 0xe0, 0xf0, 0x06):
        yield dot3() / LLC(dsap=sap, ssap=sap, ctrl=3) / Raw(bytes(40))
    yield dot3() / LLC() / SNAP(OUI=0, code=0x0800) / g.ipv4() / g.l4(17)
    yield dot3() / LLC() / SNAP(OUI=0, code=0x86dd) / g.ipv6() / g.l4(6)
    yield dot3() / LLC() / SNAP(OUI=0, code=0x0806) / ARP(psrc=g.ip4())
    yield dot3() / LLC() / SNAP(OUI=0x00000c, code=0x2000) / Raw(bytes(30))
    yield dot3() / LLC() / SNAP(OUI=0, code=0x0100) / Raw(bytes(30))
    yield dot3() / LLC(ctrl=0x13) / SNAP(OUI=0, code=0x0800) / g.ipv4()
    for etype in (0x88cc, 0x9000, 0x88e5, 0x0600):
        yield g.eth(type=etype) / Raw(bytes(g.r.randint(0, 50)))


def generate(path, seed=SEED):
    g = Gen(seed)
    frames = []
    for make in (ipv4_packets, ipv6_packets, nd_packets, arp_packets,
                 vlan_packets, mpls_packets, llc_packets):
        frames += [raw(pkt) for pkt in make(g)]
    # A copy of each frame cut short somewhere, as a capture might.
    frames += [f[:g.r.randint(0, len(f) - 1)] for f in frames]
    with PcapWriter(path, linktype=1, snaplen=262144) as out:
        for frame in frames:
            out.write(frame)
    return len(frames)


# ------------------------------------------------- tshark -> expected flow key
class Tree(list):
    """A tshark JSON object as (key, value) pairs, so that the order of the
    headers and repeated keys (two VLAN tags) survive."""


def field(tree, name):
    """The first value of field 'name' in 'tree', searched depth first.  A
    layer tshark could not dissect at all is a string, and has no fields."""
    if not isinstance(tree, Tree):
        return None
    for key, value in tree:
        if key == name:
            return value
        if isinstance(value, Tree):
            found = field(value, name)
            if found is not None:
                return found
    return None


def num(tree, name, default=-1):
    """A numeric field; tshark prints some in hex.  'default' when absent
    makes any bounds check that uses it fail."""
    v = field(tree, name)
    if v is None:
        return default
    return int(v, 16) if v.startswith('0x') else int(v)


def subtrees(tree, names):
    return [(k, v) for k, v in tree if k in names] \
        if isinstance(tree, Tree) else []


class Frame:
    """tshark's layers of one frame, taken in order as the key's parser
    meets the headers, and how far the valid bytes go."""

    def __init__(self, layers):
        self.number = num(dict(layers)['frame'], 'frame.number')
        self.end = num(dict(layers)['frame'], 'frame.cap_len')
        self.layers = [layer for layer in layers if layer[0] != 'frame']

    def take(self, *names):
        """The next layer if it is one of 'names' (else None)."""
        if self.layers and self.layers[0][0] in names:
            return self.layers.pop(0)[1]
        return None

    def fits(self, pos, n):
        return n >= 0 and pos + n <= self.end


def expect_l2(f, key):
    """Ethernet and up to two VLAN tags; returns (eth_type, next offset)."""
    eth = f.take('eth')
    key.update(eth_src=field(eth, 'eth.src'), eth_dst=field(eth, 'eth.dst'))
    etype, pos = num(eth, 'eth.type', num(eth, 'eth.len')), 14
    for i in range(2):
        # A tag counts only when the ethertype after it is there too: 'pos'
        # is past its TPID, so its TCI and that ethertype must fit.
        if etype not in (0x8100, 0x88a8) or not f.fits(pos, 4):
            break
        tag = f.take('vlan', 'ieee8021ad')
        proto = 'vlan' if etype == 0x8100 else 'ieee8021ad'
        key['vlan%d_tpid' % i] = etype
        key['vlan%d_vid' % i] = num(tag, proto + '.id')
        key['vlan%d_pcp' % i] = num(tag, proto + '.priority')
        etype = num(tag, 'vlan.etype', num(tag, 'ieee8021ah.etype',
                                           num(tag, 'vlan.len')))
        pos += 4
    if 0 <= etype < 0x600:
        # 802.3: only LLC+SNAP with a zero OUI carries an ethertype.
        llc = f.take('llc')
        snap = num(llc, 'llc.type')
        if (f.fits(pos, 8) and num(llc, 'llc.dsap') == 0xaa and
                num(llc, 'llc.ssap') == 0xaa and
                num(llc, 'llc.control') == 3 and snap >= 0x600 and
                num(llc, 'llc.oui', 0) == 0):
            etype, pos = snap, pos + 8
        else:
            etype = 0x0004
    key['eth_type'] = etype
    return etype, pos


def expect_l4(f, key, proto, pos, icmp_proto):
    """Transport fields: zero when the header does not fit, as upstream."""
    if proto == 6:
        tcp = f.take('tcp')
        key.update(tp_src=0, tp_dst=0, tcp_flags=0)
        hlen = num(tcp, 'tcp.hdr_len')
        if hlen >= 20 and f.fits(pos, hlen):
            key.update(tp_src=num(tcp, 'tcp.srcport'),
                       tp_dst=num(tcp, 'tcp.dstport'),
                       tcp_flags=num(tcp, 'tcp.flags'))
    elif proto in (17, 132):
        name = 'udp' if proto == 17 else 'sctp'
        hdr = f.take(name)
        key.update(tp_src=0, tp_dst=0)
        if f.fits(pos, 8 if proto == 17 else 12):
            key.update(tp_src=num(hdr, name + '.srcport'),
                       tp_dst=num(hdr, name + '.dstport'))
    elif proto == icmp_proto:
        name = 'icmp' if proto == 1 else 'icmpv6'
        icmp = f.take(name)
        key.update(icmp_type=0, icmp_code=0)
        if f.fits(pos, 8):
            key.update(icmp_type=num(icmp, name + '.type'),
                       icmp_code=num(icmp, name + '.code'))
        if proto == 58 and key['icmp_type'] in (135, 136):
            expect_nd(f, key, icmp, pos)


def expect_nd(f, key, icmp, pos):
    """ND target and link-layer options, by the upstream rules: options are
    read while 8 bytes remain; a zero or overlong length, or a repeated
    SLL/TLL, invalidates all three fields."""
    key.update(nd_target='::', nd_sll=ZERO_MAC, nd_tll=ZERO_MAC)
    if key['icmp_code'] != 0 or not f.fits(pos, 24):
        return
    nd = dict(nd_target=field(icmp, 'icmpv6.nd.ns.target_address') or
              field(icmp, 'icmpv6.nd.na.target_address'),
              nd_sll=ZERO_MAC, nd_tll=ZERO_MAC)
    opts = [v for _, v in subtrees(icmp, ('icmpv6.opt',))]
    pos += 24
    while f.fits(pos, 8):
        opt = opts.pop(0) if opts else None
        size = 8 * num(opt, 'icmpv6.opt.length', 0)
        if not size or not f.fits(pos, size):
            return
        name = {1: 'nd_sll', 2: 'nd_tll'}.get(num(opt, 'icmpv6.opt.type'))
        if name and size == 8:
            if nd[name] != ZERO_MAC:
                return
            nd[name] = field(opt, 'icmpv6.opt.linkaddr')
        pos += size
    key.update(nd)


def expect_ipv4(f, key, pos):
    ip = f.take('ip')
    key.update(ipv4_src='0.0.0.0', ipv4_dst='0.0.0.0', proto=0, tos=0, ttl=0,
               frag='no')
    hlen, tot_len = num(ip, 'ip.hdr_len'), num(ip, 'ip.len')
    if (num(ip, 'ip.version') != 4 or hlen < 20 or not f.fits(pos, hlen) or
            tot_len < hlen):
        return
    key.update(ipv4_src=field(ip, 'ip.src'), ipv4_dst=field(ip, 'ip.dst'),
               proto=num(ip, 'ip.proto'), tos=num(ip, 'ip.dsfield'),
               ttl=num(ip, 'ip.ttl'))
    # A datagram ends at its total length (the rest is Ethernet padding).
    f.end = min(f.end, pos + tot_len)
    if num(ip, 'ip.frag_offset'):
        key['frag'] = 'later'     # no transport header: no L4 fields
        return
    if num(ip, 'ip.flags.mf'):
        key['frag'] = 'first'
    expect_l4(f, key, key['proto'], pos + hlen, 1)


# OpenFlow 1.3 OFPIEH12_* bits, and the RFC 8200 order of extension headers
# (a destination options header after a routing header is the final one).
EH_BITS = {59: 0x001, 50: 0x002, 51: 0x004, 60: 0x008, 44: 0x010,
           43: 0x020, 0: 0x040}
EH_UNREP, EH_UNSEQ = 0x080, 0x100
EH_RANK = {0: 0, 60: 1, 43: 2, 44: 3, 51: 4, 50: 5}
EH_RANK_FINAL_DEST = 6


def exthdrs(seen):
    """OFPIEH12 bits of the extension headers 'seen', in order."""
    bits, ranks = 0, []
    for nh in seen:
        bits |= EH_BITS[nh]
        if nh == 59:
            continue
        rank = EH_RANK[nh]
        if nh == 60 and EH_RANK[43] in ranks:
            rank = EH_RANK_FINAL_DEST
        if rank in ranks:
            bits |= EH_UNREP
        if ranks and (rank < max(ranks) or nh == 0):
            bits |= EH_UNSEQ
        ranks.append(rank)
    return bits


# tshark's subtree for each extension header, its next header and length
# fields, and the header's size from that length.
EXT_TREES = {0: ('ipv6.hopopts', 'nxt', 'len', lambda n: 8 * (n + 1)),
             43: ('ipv6.routing', 'nxt', 'len', lambda n: 8 * (n + 1)),
             60: ('ipv6.dstopts', 'nxt', 'len', lambda n: 8 * (n + 1)),
             44: ('ipv6.fraghdr', 'nxt', 'nxt', lambda n: 8),
             51: ('ah', 'next_header', 'length', lambda n: 4 * (n + 2))}


def expect_ipv6(f, key, pos):
    ip = f.take('ipv6')
    key.update(ipv6_src='::', ipv6_dst='::', ipv6_label=0, exthdrs=0, proto=0,
               tos=0, ttl=0, frag='no')
    if num(ip, 'ipv6.version') != 6 or not f.fits(pos, 40):
        return
    key.update(ipv6_src=field(ip, 'ipv6.src'), ipv6_dst=field(ip, 'ipv6.dst'),
               ipv6_label=num(ip, 'ipv6.flow'), tos=num(ip, 'ipv6.tclass'),
               ttl=num(ip, 'ipv6.hlim'))
    nh, plen = num(ip, 'ipv6.nxt'), num(ip, 'ipv6.plen')
    if plen or nh != 0:             # else a jumbogram: the frame bounds it
        f.end = min(f.end, pos + 40 + plen)
    pos += 40
    trees = [v for _, v in subtrees(ip, [t[0] for t in EXT_TREES.values()])]
    seen, reached = [], False
    while True:
        if nh in EXT_TREES:
            # A header counts once its first 8 bytes are there; the walk
            # goes on only when all of it is.
            if not f.fits(pos, 8):
                break
            name, next_field, len_field, size = EXT_TREES[nh]
            if not trees:
                key['oracle'] = 'tshark did not dissect ' + name
                break
            hdr = trees.pop(0)
            seen.append(nh)
            size = size(num(hdr, name + '.' + len_field))
            if not f.fits(pos, size):
                break
            nh = num(hdr, name + '.' + next_field)
            pos += size
            if name == 'ipv6.fraghdr':
                if num(hdr, 'ipv6.fraghdr.offset'):
                    key['frag'] = 'later'
                    break
                key['frag'] = 'first'
        elif nh in (50, 59):
            seen.append(nh)
            break
        else:
            reached = True
            break
    key.update(proto=nh, exthdrs=exthdrs(seen))
    if reached:
        expect_l4(f, key, nh, pos, 58)


def expect_arp(f, key, pos):
    arp = f.take('arp')
    key.update(arp_op=0, arp_sip='0.0.0.0', arp_tip='0.0.0.0',
               arp_sha=ZERO_MAC, arp_tha=ZERO_MAC)
    if (not f.fits(pos, 28) or num(arp, 'arp.hw.type') != 1 or
            num(arp, 'arp.proto.type') != 0x0800 or
            num(arp, 'arp.hw.size') != 6 or num(arp, 'arp.proto.size') != 4):
        return
    op = num(arp, 'arp.opcode')
    key.update(arp_op=op if op <= 0xff else 0,   # the key keeps 8 bits
               arp_sip=field(arp, 'arp.src.proto_ipv4'),
               arp_tip=field(arp, 'arp.dst.proto_ipv4'),
               arp_sha=field(arp, 'arp.src.hw_mac'),
               arp_tha=field(arp, 'arp.dst.hw_mac'))


def expect_mpls(f, key, pos):
    """Up to three label stack entries; the key stops at the bottom one and
    does not look past the stack."""
    for i in range(3):
        lse = f.take('mpls')
        if not f.fits(pos, 4):
            break
        for part, name in (('label', 'label'), ('tc', 'exp'),
                           ('bos', 'bottom'), ('ttl', 'ttl')):
            key['mpls%d_%s' % (i, part)] = num(lse, 'mpls.' + name)
        if key['mpls%d_bos' % i]:
            break
        pos += 4


def expect_key(layers):
    """The flow key upstream would extract from the frame tshark saw."""
    f = Frame(layers)
    key = {'n': f.number, 'len': f.end}
    if f.end < 14:
        return key                  # upstream rejects a frame this short
    etype, pos = expect_l2(f, key)
    if etype == 0x0800:
        expect_ipv4(f, key, pos)
    elif etype == 0x86dd:
        expect_ipv6(f, key, pos)
    elif etype in (0x0806, 0x8035):
        expect_arp(f, key, pos)
    elif etype in (0x8847, 0x8848):
        expect_mpls(f, key, pos)
    return key


# ------------------------------------------------------------------ compare
def tshark_frames(path):
    out = subprocess.run(
        ['tshark', '-r', path, '-T', 'json',
         # Each frame on its own: no reassembly across frames.
         '-o', 'ip.defragment:FALSE', '-o', 'ipv6.defragment:FALSE'],
        check=True, capture_output=True, text=True).stdout
    for pkt in json.loads(out, object_pairs_hook=Tree):
        yield field(pkt, 'layers')


def canonical(name, value):
    """One spelling per value: tshark and inet_ntop may write the same
    address differently."""
    if isinstance(value, str) and ('src' in name or 'dst' in name or
                                   name.endswith(('_sip', '_tip', 'target'))):
        try:
            return str(ipaddress.ip_address(value))
        except ValueError:
            return value.lower()
    return value


def compare(path, flow_keys):
    got = subprocess.run([flow_keys, path], check=True, capture_output=True,
                         text=True).stdout.splitlines()
    expected = [expect_key(layers) for layers in tshark_frames(path)]
    if len(got) != len(expected):
        print('tshark read %d frames, flow-keys %d' % (len(expected), len(got)))
        return 1
    bad = fields = 0
    for want, line in zip(expected, got):
        have = json.loads(line)
        for name in sorted(set(want) | set(have)):
            a = canonical(name, want.get(name, 'absent'))
            b = canonical(name, have.get(name, 'absent'))
            fields += 1
            if a != b:
                bad += 1
                print('packet %d: %s: tshark %s, weir %s' % (want['n'], name,
                                                           a, b))
    print('compared %d packets, %d fields: %d disagreements' %
          (len(expected), fields, bad))
    return bad != 0


def main(argv):
    if len(argv) in (3, 4) and argv[1] == 'gen':
        n = generate(argv[2], *(int(seed) for seed in argv[3:]))
        print('wrote %d frames to %s' % (n, argv[2]))
        return 0
    if len(argv) == 4 and argv[1] == 'compare':
        return compare(argv[2], argv[3])
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
