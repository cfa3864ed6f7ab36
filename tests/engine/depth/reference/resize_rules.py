"""Golden input sizes for tests/engine/depth/resizeRules.test.ts, computed with numpy the way the
reference code does (written from, not copied from):
- DepthAnything/Depth-Anything-V2 depth_anything_v2/util/transform.py, Resize.get_size with
  keep_aspect_ratio=True, ensure_multiple_of=14, width=height=518, resize_method 'lower_bound'
  (what depth_anything_v2/dpt.py image2tensor uses) and 'minimal' (the rule of transformers'
  DPTImageProcessor get_resize_output_image_size with keep_aspect_ratio).
- YvanYin/Metric3D hubconf.py demo: scale = min(616 / h, 1064 / w), (int(w*scale), int(h*scale)),
  pad_h // 2 top, pad_w // 2 left.
Run: python3 tests/engine/depth/reference/resize_rules.py > tests/engine/depth/reference/resize_rules.json
"""
import json
import numpy as np

SIZES = [(640, 480), (320, 240), (480, 640), (1280, 720), (1242, 375), (1920, 1080),
         (539, 518), (511, 518), (100, 2000), (518, 518), (1024, 768), (256, 256)]


def multiple_of(x, m, min_val=0, max_val=None):
    y = int(np.round(x / m) * m)
    if max_val is not None and y > max_val:
        y = int(np.floor(x / m) * m)
    if y < min_val:
        y = int(np.ceil(x / m) * m)
    return y


def depth_anything(w, h, method, target=518, m=14):
    sh, sw = target / h, target / w
    if method == 'lower_bound':
        if sw > sh:
            sh = sw
        else:
            sw = sh
        return multiple_of(sw * w, m, min_val=target), multiple_of(sh * h, m, min_val=target)
    if abs(1 - sw) < abs(1 - sh):
        sh = sw
    else:
        sw = sh
    return multiple_of(sw * w, m), multiple_of(sh * h, m)


def metric3d(w, h, in_h=616, in_w=1064):
    scale = min(in_h / h, in_w / w)
    rw, rh = int(w * scale), int(h * scale)
    pad_h, pad_w = in_h - rh, in_w - rw
    return {'scale': scale, 'resizedWidth': rw, 'resizedHeight': rh,
            'padTop': pad_h // 2, 'padBottom': pad_h - pad_h // 2,
            'padLeft': pad_w // 2, 'padRight': pad_w - pad_w // 2}


rows = []
for w, h in SIZES:
    lw, lh = depth_anything(w, h, 'lower_bound')
    mw, mh = depth_anything(w, h, 'minimal')
    rows.append({'width': w, 'height': h, 'lowerBound': [lw, lh], 'minimal': [mw, mh],
                 'metric3d': metric3d(w, h)})
print(json.dumps(rows, indent=1))
