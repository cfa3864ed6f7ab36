#!/usr/bin/env bash
# Prepares .gpu/ and .gl/ for running bench/gpu/nanodetProviders.ts on a GPU machine that has no Node,
# no npm and no internet (see the GPU notes in README, Performance). Run here, then on the device:
#   bash bench/gpu/device.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .gpu .gl .git/info
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >> .git/info/exclude
grep -qx '/.gl/' .git/info/exclude 2>/dev/null || echo '/.gl/' >> .git/info/exclude
[ -f .gpu/node.xz ] || xz -T2 -c "$(command -v node)" > .gpu/node.xz
ort=node_modules/onnxruntime-node
[ -f .gpu/ort.so.xz ] || xz -T2 -c $ort/bin/napi-v6/linux/x64/libonnxruntime.so.1 > .gpu/ort.so.xz
# onnxruntime-node's JS and binding for linux-x64 only (the shared library travels compressed).
rm -rf .gpu/node_modules && mkdir -p .gpu/node_modules/onnxruntime-node/bin/napi-v6/linux/x64
cp -r $ort/package.json $ort/dist .gpu/node_modules/onnxruntime-node/
cp $ort/bin/napi-v6/linux/x64/onnxruntime_binding.node .gpu/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/
cp -r node_modules/onnxruntime-common .gpu/node_modules/
npx esbuild bench/gpu/nanodetProviders.ts --bundle --platform=node --format=esm --external:onnxruntime-node \
  --outfile=.gpu/nanodetProviders.mjs --log-level=warning
node -e "
const sharp = require('sharp');
sharp('samples/pcl-kinect-laptop/color.png').removeAlpha().raw().toBuffer({ resolveWithObject: true })
  .then(({ data, info }) => { require('fs').writeFileSync('.gpu/frame.rgb', data); console.log('frame', info.width, info.height) })"
if ! ls .gl/*.deb >/dev/null 2>&1; then
  o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64'
  mkdir -p /tmp/amd64/partial
  apt-get $o update -qq && (cd .gl && apt-get $o download libvulkan1)
fi
du -sh .gpu .gl
