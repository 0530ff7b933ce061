#!/usr/bin/env bash
# Makes a local stand-in for the Dockerfile's base image (node:22-bookworm-slim) on a host that cannot reach
# Docker Hub: a Debian bookworm minbase root filesystem from the Debian mirror (debootstrap), this host's `node`
# and `npm`, and a `node` user with uid 1000 as in the official image, loaded with `docker import`.
#   sudo scripts/import-node-image.sh [tag]        # default tag dvk-node:local
#   docker build --build-arg NODE_IMAGE=dvk-node:local --network host -t dvk-bot .
# Needs: root, debootstrap, a running Docker engine. ROOTFS (default /var/tmp/dvk-node-rootfs) is reused if present.
set -euo pipefail
tag=${1:-dvk-node:local}
rootfs=${ROOTFS:-/var/tmp/dvk-node-rootfs}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ ! -x "$rootfs/bin/sh" ]; then
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror"
fi

# node from the host: it must need only what a minbase system has (libc, libstdc++), checked below by running it.
install -m 0755 "$(command -v node)" "$rootfs/usr/local/bin/node"
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
rm -rf "$rootfs/usr/local/lib/node_modules/npm"
mkdir -p "$rootfs/usr/local/lib/node_modules"
cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
chroot "$rootfs" sh -c 'id -u node >/dev/null 2>&1 || { groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/sh node; }'
echo "node in the image: $(chroot "$rootfs" /usr/local/bin/node --version), npm $(chroot "$rootfs" /usr/local/bin/npm --version)"

# A host behind a TLS-inspecting proxy trusts its CA through NODE_EXTRA_CA_CERTS; without it `npm ci` in the
# build fails with SELF_SIGNED_CERT_IN_CHAIN. The image then trusts that CA too: for local builds only.
ca_env=()
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  cp "$NODE_EXTRA_CA_CERTS" "$rootfs/usr/local/share/host-extra-ca.pem"
  ca_env=(--change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/host-extra-ca.pem')
fi

rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*
tar -C "$rootfs" --numeric-owner -c . \
  | docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      "${ca_env[@]}" --change 'CMD ["node"]' - "$tag"
echo "imported $tag"
