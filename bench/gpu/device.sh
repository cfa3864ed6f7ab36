#!/usr/bin/env bash
# On the GPU machine (after bench/gpu/prepare.sh here; carry .gpu and .gl): NanoDet-m on CPU and WebGPU.
set -euo pipefail
for f in .gl/*.deb; do dpkg -x "$f" /; done
ldconfig
export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
xz -d -c .gpu/node.xz > /tmp/node && chmod +x /tmp/node
xz -d -c .gpu/ort.so.xz > .gpu/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader || true
cd .gpu && /tmp/node nanodetProviders.mjs ../models/builtin/nanodet-m/nanodet_m.onnx ../models/builtin/nanodet-m/coco.names frame.rgb 640 480 "${1:-100}"
