#!/bin/bash
# Installs every Debian package Weir needs to build, test and demo.
# Idempotent: packages already present are not touched.  Needs root.
set -eu

packages=(
    # build
    build-essential autoconf automake libtool pkg-config clang libclang-rt-14-dev
    # libraries (see configure.ac)
    libcmocka-dev libjansson-dev liburcu-dev libnl-3-dev libnl-genl-3-dev
    libnl-route-3-dev libssl-dev openssl libunbound-dev libevent-dev libcap-ng-dev
    libxdp-dev libbpf-dev
    # system tests: namespaces, crafted packets, captures
    iproute2 iputils-ping ethtool tcpdump tshark python3-scapy netcat-openbsd
    # kernel-module and TC-flower tests in a VM
    qemu-system-x86 busybox-static cpio kmod linux-headers-cloud-amd64
    # test peer only: real OpenFlow/OVSDB clients and the performance peer
    openvswitch-switch openvswitch-testcontroller
)

# The VM tests boot a Debian cloud kernel whose image must match the
# installed headers exactly (vermagic); the image is unpacked, not installed.
kernel_cache=${WEIR_KERNEL_CACHE:-/var/cache/weir/kernel}
fetch_kernel_image() {
    local abi image
    abi=$(apt-cache depends linux-headers-cloud-amd64 2>/dev/null |
          sed -n 's/.*Depends: linux-headers-\(.*-cloud-amd64\)$/\1/p' | head -1)
    [ -n "$abi" ] || { echo "install-deps: cannot tell the cloud kernel version" >&2; return 1; }
    image=$kernel_cache/$abi/boot/vmlinuz-$abi
    [ -f "$image" ] && return 0
    mkdir -p "$kernel_cache"
    (cd "$kernel_cache" && apt-get download -q "linux-image-$abi" >/dev/null 2>&1 &&
     dpkg -x linux-image-"$abi"_*.deb "$abi" && rm -f linux-image-"$abi"_*.deb) || {
        echo "install-deps: could not fetch linux-image-$abi" >&2
        return 1
    }
    echo "install-deps: kernel image for VM tests in $kernel_cache/$abi"
}

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    fetch_kernel_image || echo "install-deps: VM tests will be skipped" >&2
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: run as root to install: ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Keep package scripts from starting services (openvswitch-switch would
# start its own daemons): Weir's tests start what they need themselves.
policy=/usr/sbin/policy-rc.d
created_policy=
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created_policy=1
fi
trap '[ -n "$created_policy" ] && rm -f "$policy"' EXIT

echo "install-deps: installing ${missing[*]}"
apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/weir-apt.log 2>&1 || {
    apt-get update -q >>/tmp/weir-apt.log 2>&1
    apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/weir-apt.log 2>&1 || {
        tail -n 30 /tmp/weir-apt.log >&2
        exit 1
    }
}
fetch_kernel_image || echo "install-deps: VM tests will be skipped" >&2
