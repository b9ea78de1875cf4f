#!/usr/bin/env bash
# Install Marquee from a fresh clone and run its main job on the demo workspace: create the
# demo, list it, and build each demo tenant's storefront as a static site.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh

# The Electron binary cannot be downloaded here; the app is built with electron-vite and its
# thin layer is tested with a stand-in. better-sqlite3 builds from source for Node.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
npm run build

WS="${MARQUEE_WORKSPACE:-$PWD/.marquee/demo.sqlite}"
mkdir -p "$(dirname "$WS")"
marquee() { node bin/marquee.js --workspace "$WS" "$@"; }

marquee demo --force
marquee tenant list
marquee api list

for domain in $(marquee --json tenant list | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>JSON.parse(s).forEach(t=>console.log(t.domain)))'); do
  marquee storefront build "$domain" -o "out/storefronts/$domain"
done

cat <<MSG

Marquee is ready. The demo workspace is $WS.
  Storefronts:  out/storefronts/<domain>/index.html (open from disk)
  The app:      node bin/marquee.js --workspace $WS serve   (prints a URL to open)
  The CLI:      node bin/marquee.js --help
MSG
