#!/usr/bin/python3
"""flowmatch.py KEYS FIELD=VALUE...: succeeds when some line of KEYS (the
JSON lines flow-keys prints) has every FIELD=VALUE; else shows what was seen.

Numbers may be written in hex (eth_type=0x0800), addresses in any spelling.
"""
import ipaddress
import json
import sys


def same(want, have):
    if isinstance(have, int):
        return int(want, 0) == have
    try:
        return ipaddress.ip_address(want) == ipaddress.ip_address(have)
    except ValueError:
        return want.lower() == have.lower()


def main(path, conds):
    want = dict(c.split('=', 1) for c in conds)
    keys = [json.loads(line) for line in open(path)]
    if any(all(f in k and same(v, k[f]) for f, v in want.items())
           for k in keys):
        return 0
    print('  expected a frame with %s' % ' '.join(conds))
    print('  saw %d frames%s' % (len(keys), ':' if keys else ''))
    for k in keys:
        print('    ' + json.dumps(k, separators=(',', ':')))
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2:]))
